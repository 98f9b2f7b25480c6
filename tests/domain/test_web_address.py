import pytest

from ledgerdesk.domain.sync import is_web_address


@pytest.mark.parametrize("text", ["https://api.xero.com/api.xro/2.0", "http://127.0.0.1:8765/x",
                                  " https://dayzero.example "])
def test_an_http_address_with_a_host_is_one(text: str) -> None:
    assert is_web_address(text)


@pytest.mark.parametrize("text", ["api.clockify.me/api/v1", "https://", "ftp://host/x", "",
                                  "https:/missing.slash"])
def test_anything_else_is_refused(text: str) -> None:
    assert not is_web_address(text)
