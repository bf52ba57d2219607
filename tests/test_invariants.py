"""Invariants over every record: spans in bounds, text[span] == raw, deterministic output."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from conftest import CORPUS, SEEDS

from papi_extract.cli import dump_record
from papi_extract.models import PlanDocument
from papi_extract.pipeline import doc_id_of, parse_path


def _walk(obj: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    if isinstance(obj, dict):
        if "span" in obj:
            yield path, obj
        for k, v in obj.items():
            yield from _walk(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk(v, f"{path}[{i}]")


@pytest.mark.parametrize("stem", SEEDS)
def test_every_span_slices_to_its_raw(stem: str, parsed_seeds: dict) -> None:
    _check_spans(parsed_seeds[stem])


HELDOUT_DOCS = sorted(p for p in (CORPUS.parent / "tests").glob("heldout*/docs/*") if p.is_file())


@pytest.mark.parametrize("path", HELDOUT_DOCS, ids=[f"{p.parent.parent.name}/{p.name}" for p in HELDOUT_DOCS])
def test_held_out_records_keep_every_span_on_its_raw(path: Any) -> None:
    """The same over the held-out documents: their layouts (HTML tables, pandoc grids, layout dumps
    with a page margin) take every rewriting path of the normalizer, the outline and the tables."""
    _check_spans(parse_path(path, with_text=True))


def _check_spans(doc: Any) -> None:
    assert isinstance(doc, PlanDocument), doc
    text = doc.text
    assert text is not None
    data = doc.model_dump(mode="json")
    n = 0
    for path, node in _walk(data):
        span = node["span"]
        if span is None:
            continue
        a, b = span
        assert 0 <= a <= b <= len(text), path
        if "raw" in node:
            assert text[a:b] == node["raw"], f"{path}: {text[a:b]!r} != {node['raw']!r}"
        n += 1
    assert n > 0


@pytest.mark.parametrize("stem", SEEDS)
def test_parsing_twice_gives_identical_json(stem: str) -> None:
    a = dump_record(parse_path(CORPUS / f"{stem}.txt"))
    b = dump_record(parse_path(CORPUS / f"{stem}.txt"))
    assert a == b


@pytest.mark.parametrize("stem", SEEDS)
def test_doc_id_is_hash_of_normalized_text(stem: str, parsed_seeds: dict) -> None:
    doc = parsed_seeds[stem]
    assert doc.doc_id == doc_id_of(doc.text)
    assert len(doc.source.sha256) == 64 and doc.source.bytes == (CORPUS / f"{stem}.txt").stat().st_size


@pytest.mark.parametrize("stem", SEEDS)
def test_record_round_trips_through_json(stem: str, parsed_seeds: dict) -> None:
    doc = parsed_seeds[stem]
    again = PlanDocument.model_validate_json(dump_record(doc))
    assert again == doc


@pytest.mark.parametrize("stem", SEEDS)
def test_no_markup_leaks_into_titles_or_task_text(stem: str, parsed_seeds: dict) -> None:
    doc = parsed_seeds[stem]
    strings = [s.title for s in doc.sections] + [t.text for t in doc.tasks] + ([doc.title] if doc.title else [])
    for s in strings:
        assert "**" not in s and "<i>" not in s and "</" not in s and not s.startswith("#"), s

