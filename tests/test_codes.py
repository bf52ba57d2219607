"""Every stable code is documented in the README, and every code the code emits is declared."""

from __future__ import annotations

import regex
import yaml
from conftest import ROOT


def _codes() -> dict[str, str]:
    data = yaml.safe_load((ROOT / "papi_extract" / "data" / "codes.yaml").read_text(encoding="utf-8"))
    return {**data["errors"], **data["warnings"]}


def test_readme_lists_every_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in _codes():
        assert f"`{code}`" in readme, f"{code} missing from the README's code table"


def test_every_code_used_in_the_source_is_declared() -> None:
    declared = set(_codes())
    used: set[str] = set()
    for path in (ROOT / "papi_extract").rglob("*.py"):
        used |= set(regex.findall(r"[\"']([EW]\d{3})[\"']", path.read_text(encoding="utf-8")))
    assert used <= declared, f"undeclared codes: {sorted(used - declared)}"
