"""Checks a request body against a provider's OpenAPI schema, where ``../shared`` has it.

The spec lets unknown keys through (our ``extra="forbid"`` models catch those); it does check
types, enums and formats.  Without the folder the check is skipped, as API_NOTES allows.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from jsonschema import FormatChecker

SPECS = Path(__file__).resolve().parents[3] / "shared" / "specs"
SUBSET = SPECS / "xero_accounting_payments_subset.boolfixed.yaml"
FULL = SPECS / "xero_accounting.yaml"  # 0.9 MB: loaded once, only where asked for
DAYZERO = SPECS / "dayzero_bill_payments_reconstructed.yaml"  # OpenAPI 3.1
STRAPI = SPECS / "strapi_v3_payments_reconstructed.yaml"


@cache
def _components(spec: Path) -> dict | None:
    if not spec.exists():
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with spec.open() as handle:
        return yaml.load(handle, Loader=loader)["components"]


@cache
def _validator(schema: str, spec: Path):
    from openapi_schema_validator import OAS30Validator, OAS31Validator

    components = _components(spec)
    if components is None:
        return None
    validator = OAS31Validator if spec == DAYZERO else OAS30Validator
    # Formats that constrain what we send; "double" is left out: our amounts are exact
    # decimals on the wire, which the float-minded "double" checker would refuse.
    formats = FormatChecker(formats=("uuid", "date", "date-time"))
    return validator({"$ref": f"#/components/schemas/{schema}", "components": components},
                     format_checker=formats)


def spec_problems(body: object, schema: str, spec: Path = SUBSET) -> list[str]:
    """Every way ``body`` breaks the spec's ``schema`` (empty when valid or spec absent)."""
    validator = _validator(schema, spec)
    if validator is None:
        return []
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(body)]
