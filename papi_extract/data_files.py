"""One cached reader for the vocabulary files under ``data/``.

Why: several stages compile their patterns from the same file (``tasks.yaml`` feeds the tasks, tables, run-table and
assignment-matrix readers, each through a loader of its own); the file is read and parsed once per process.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from collections.abc import Iterable
from typing import Any

import regex
import yaml

DATA = Path(__file__).parent / "data"


@cache
def _parsed(name: str) -> dict[str, Any]:
    loaded = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    if not isinstance(loaded, dict):
        raise ValueError(f"data/{name} does not hold a mapping")
    return loaded


def data_file(name: str) -> dict[str, Any]:
    """The parsed YAML file ``data/<name>``: a copy of its own for each caller, so no loader can change another's."""
    return copy.deepcopy(_parsed(name))


def phrase_alternation(phrases: Iterable[str]) -> str:
    """A vocabulary's literal phrases as one alternation for a compiled pattern: longest first (so "chủ trì thực hiện"
    wins over "chủ trì"), each space matching a short run of blanks (justified text)."""
    uniq = sorted({" ".join(str(p).split()) for p in phrases if str(p).strip()}, key=lambda p: (-len(p), p))
    return "|".join(regex.escape(p).replace(r"\ ", r"\s{1,3}") for p in uniq)
