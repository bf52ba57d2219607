"""Every stable code is documented in the README, and every code the code emits is declared."""

from __future__ import annotations

import regex
import yaml
from conftest import ROOT


def _data() -> dict[str, dict[str, str]]:
    return yaml.safe_load((ROOT / "papi_extract" / "data" / "codes.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _codes() -> dict[str, str]:
    data = _data()
    return {**data["errors"], **data["warnings"], **data.get("retired", {})}


def _used() -> set[str]:
    used: set[str] = set()
    for path in (ROOT / "papi_extract").rglob("*.py"):
        used |= set(regex.findall(r"[\"']([EW]\d{3})[\"']", path.read_text(encoding="utf-8")))
    return used


def test_readme_lists_every_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in _codes():
        assert f"`{code}`" in readme, f"{code} missing from the README's code table"


def test_every_code_used_in_the_source_is_declared() -> None:
    data = _data()
    declared = set(data["errors"]) | set(data["warnings"])
    used = _used()
    assert used <= declared, f"undeclared or retired codes in use: {sorted(used - declared)}"


def test_every_live_code_is_emitted_somewhere() -> None:
    """A code listed for dashboards but never emitted would be a promise the parser does not keep."""
    data = _data()
    live = set(data["errors"]) | set(data["warnings"])
    assert not live & set(data.get("retired", {})), "a code is both live and retired"
    assert live <= _used(), f"declared but never emitted (retire them): {sorted(live - _used())}"
