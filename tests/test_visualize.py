"""The displaCy view carries every task and agency span of a real plan."""

from __future__ import annotations

from papi_extract.visualize import SPAN_KEY, render_html, to_spacy_doc


def test_view_spans_cover_tasks_and_agencies(parsed_seeds: dict) -> None:
    doc = parsed_seeds["001_ed759b2d6399facb"]
    sdoc = to_spacy_doc(doc)
    labels = [s.label_ for s in sdoc.spans[SPAN_KEY]]
    assert labels.count("TASK") == len(doc.tasks)
    assert labels.count("LEAD") >= 1
    html = render_html(doc)
    assert "<html" in html.lower() and "Sở Nội vụ" in html
