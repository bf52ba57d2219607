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


def seed003_table_cells(columns: tuple[int, ...]) -> dict[tuple[str, str], tuple[str, ...]]:
    """The given columns of every numbered row of seed 003's appendix tables, joined over page breaks
    cell by cell: a continuation line has an empty number cell and a lower-case or empty text cell
    (an upper-case one is a sub-group row). Keys are (appendix, row number)."""
    lines = (CORPUS / "003_1e98fec1af34e263.txt").read_text(encoding="utf-8").split("\n")
    cells: dict[tuple[str, str], list[str]] = {}
    appendix: str | None = None
    current: tuple[str, str] | None = None
    for line in lines:
        parts = line.split("\t")
        if len(parts) < 6:
            continue
        if parts[0].startswith("Số TT"):
            appendix = "PL-I" if appendix is None else "PL-II"
            current = None
            continue
        first = parts[0].strip()
        if first.isdigit():
            current = (appendix or "", first)
            cells[current] = [parts[c].strip() for c in columns]
        elif not first and current and (parts[1][:1].islower() or not parts[1].strip()):
            for k, col in enumerate(columns):
                if parts[col].strip():
                    cells[current][k] = (cells[current][k] + " " + parts[col].strip()).strip()
        elif first or (parts[1].strip() and parts[1][:1].isupper()):
            current = None
    return {k: tuple(v) for k, v in cells.items()}


def run_through_scores(text: str, fmt: str | None = None):
    """Outline, header, indicators and scores on one text (the stages before tasks), for stage tests."""
    from papi_extract import header, indicators, outline, scores
    from papi_extract.context import DocContext
    from papi_extract.normalize import normalize

    ctx = DocContext(norm=normalize(text, fmt))
    outline.segment(ctx)
    header.extract_header(ctx)
    indicators.STAGE.run(ctx)
    scores.STAGE.run(ctx)
    return ctx
