"""displaCy views of a parsed plan: every extracted value highlighted on the text it came from.

Reviewers of the gold and of a new rule want to *see* what the parser took from where; spaCy's
span renderer draws overlapping spans (an agency inside a task inside a section), which a plain
HTML dump cannot. A blank multilingual pipeline is enough: no model is loaded or downloaded.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from papi_extract.models import PlanDocument

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPAN_KEY = "papi"
COLORS = {
    "TASK": "#e4e7d2",
    "LEAD": "#7aecec",
    "SUPPORT": "#bfeeb7",
    "DIRECTING": "#feca74",
    "DEADLINE": "#ff9561",
    "INDICATOR": "#aa9cfc",
    "SCORE": "#c887fb",
    "LEGAL": "#ddd",
}


@lru_cache(maxsize=1)
def _nlp() -> Language:
    import spacy

    return spacy.blank("xx")  # "vi" needs pyvi; tokenization quality does not matter for a view


def to_spacy_doc(doc: PlanDocument) -> Doc:
    """The plan's text as a spaCy Doc whose ``spans["papi"]`` hold every extracted value."""
    if doc.text is None:
        raise ValueError("parse with with_text=True to visualize a record")
    sdoc = _nlp()(doc.text)
    spans = []

    def add(span: tuple[int, int] | None, label: str) -> None:
        if span is None or span[0] >= span[1]:
            return
        s = sdoc.char_span(span[0], span[1], label=label, alignment_mode="expand")
        if s is not None:
            spans.append(s)

    for t in doc.tasks:
        add(t.text_span or t.span, "TASK")
        for role, agencies in (("LEAD", t.lead), ("SUPPORT", t.support), ("DIRECTING", t.directing)):
            for a in agencies:
                add(a.span, role)
        for d in t.deadlines:
            add(d.span, "DEADLINE")
    for m in doc.indicators:
        add(m.span, "INDICATOR")
    for sc in doc.scores:
        add(sc.span, "SCORE")
    for r in doc.legal_basis:
        add(r.span, "LEGAL")
    sdoc.spans[SPAN_KEY] = spans
    return sdoc


def render_html(doc: PlanDocument) -> str:
    """A standalone HTML page (displaCy span style) for one parsed plan."""
    from spacy import displacy

    return displacy.render(
        to_spacy_doc(doc), style="span", page=True, minify=True,
        options={"spans_key": SPAN_KEY, "colors": COLORS},
    )
