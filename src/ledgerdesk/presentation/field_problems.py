"""A refused save's problems by the form field they belong to, as the small forms (a tax
code, an exchange rate, an account) show them: two problems of one field joined, and a
problem of no field of the form under ``"book"``, shown above its buttons."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from ledgerdesk.domain.problems import Problem


def by_field(problems: Iterable[Problem], fields: Collection[str],
             found: Mapping[str, str] | None = None,
             renamed: Mapping[str, str] | None = None) -> dict[str, str]:
    """``found`` (the form's own problems) with ``problems`` added: each under its field
    (``renamed`` maps a service's field name to the form's), or else under ``"book"``."""
    said = dict(found or {})
    for problem in problems:
        field = (renamed or {}).get(problem.field, problem.field)
        field = field if field in fields else "book"
        said[field] = " ".join(filter(None, (said.get(field), problem.message)))
    return said
