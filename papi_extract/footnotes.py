"""Footnotes of converted plans: a footnote's own paragraph, and the place in the body that cites it.

Why: a .docx plan converted to markdown (pandoc, a web clipper) keeps its footnotes as paragraphs
after the body: pandoc's back link "[[3]](#_ftnref3) …" or a markdown definition "[^3]: …". Such a
paragraph is a note, not a task; and its figures ("tăng điểm gồm: … (+0,21 điểm)") belong to the
sentence that cites it ("Năm 2024, … có 04 chỉ số tăng điểm[[3]](#_ftn3)"), not to the heading
the note happens to sit under at the end of the file.
"""

from __future__ import annotations

import regex

# the note's own paragraph (folded or not), with its label in "label"
FOOTNOTE = regex.compile(
    r"\[(?:\[(?P<label>\d{1,3})\]\]|(?P<label>\d{1,3})\])\(#_?ftn(?:ref)?\d{1,3}\)|\[\^(?P<label>\w{1,12})\]:"
)


def footnote_label(text: str) -> str | None:
    """The label of a footnote paragraph starting ``text`` ("3"), None when it is no footnote."""
    if text[:1] != "[":
        return None
    m = FOOTNOTE.match(text)
    return m.group("label") if m else None


def citation_pos(text: str, label: str, before: int) -> int | None:
    """Offset of the body's citation of footnote ``label`` ("[[3]](#_ftn3)", "[3](#ftn3)", "[^3]"), the
    last one before ``before`` (the notes come after the body); None when the body does not cite it."""
    for cite in (f"[[{label}]](#", f"[{label}](#", f"[^{label}]"):
        pos = text.rfind(cite, 0, before)
        while pos >= 0:
            tail = text[pos + len(cite) : pos + len(cite) + 8]
            if cite.endswith("]"):
                if not tail.startswith(":"):
                    return pos  # "[^3]" cited, not "[^3]:" defined
            elif tail.startswith(("_ftn", "ftn")) and not tail.startswith(("_ftnref", "ftnref")):
                return pos
            pos = text.rfind(cite, 0, pos)
    return None
