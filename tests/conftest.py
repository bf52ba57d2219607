from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
SEEDS = sorted(p.stem for p in CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def parsed_seeds():
    """Every seed parsed once per session (the parser is pure, so sharing is safe)."""
    from papi_extract.pipeline import parse_path

    return {stem: parse_path(CORPUS / f"{stem}.txt", with_text=True) for stem in SEEDS}
