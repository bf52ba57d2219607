"""The mutable state one document carries through the pipeline stages.

Each stage reads some attributes and assigns others; it declares both (``Stage.requires`` /
``Stage.assigns``, as spaCy components do) so the order can be checked and the benchmark can
time each stage on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

from papi_extract.models import (
    IndicatorMention,
    Issuer,
    Period,
    Reference,
    Score,
    Section,
    Signer,
    Task,
    Warning,
)
from papi_extract.normalize import (
    LineInfo,
    NormalizedText,
    fold,
    form_feed_furniture,
    layout_margin,
    numbered_page_lines,
    page_furniture,
)


# a line holding only a number of one to three digits: a page number or a list's count
_LONE_NUMBER = regex.compile(r"\n[ \t]{0,8}\d{1,3}[ \t]{0,3}\n")


@dataclass(slots=True)
class Block:
    """One unit of body text: a paragraph, list item, numbered item or table row.

    ``kind``: "para" | "bullet" | "item" (lettered/numbered item that is not a heading) |
    "table_row" | "heading". ``marker`` is the bullet or label as written ("-", "+", "a)",
    "4.1"); ``label`` the bare label ("a", "4.1") or None. ``text_start``/``end`` delimit the
    text after the marker (continuation lines after a page break are included: ``end`` grows).
    ``pieces`` lists the (start, end) spans of the block's text runs when it spans several
    lines, so a consumer can rebuild the text without the page-break gap.
    """

    kind: str
    start: int
    end: int
    text_start: int
    line: int
    marker: str | None = None
    label: str | None = None
    indent: int = 0
    section: str | None = None
    pieces: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class DocContext:
    norm: NormalizedText
    options: dict[str, Any] = field(default_factory=dict)
    # outline
    body_start: int = 0
    body_end: int = -1  # start of the tail (Nơi nhận, signature, page chrome)
    tail_end: int = -1  # where the body resumes after the tail (appendices after the signature), -1 if not
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    heading_lines: dict[int, str] = field(default_factory=dict)  # line index -> section id
    heading_wraps: dict[int, int] = field(default_factory=dict)  # heading line -> the line its title wraps onto
    # header
    number: str | None = None
    symbol: str | None = None
    doc_type: str | None = None
    issuer: Issuer | None = None
    place: str | None = None
    issued_date: str | None = None
    issued_year: int | None = None
    title: str | None = None
    period: Period | None = None
    legal_basis: list[Reference] = field(default_factory=list)
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    # content
    indicators: list[IndicatorMention] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    partial: bool = False
    # per-document cache derived from ``norm`` (which never changes once the context exists); read-only
    _line_texts: list[str] | None = field(default=None, init=False, repr=False, compare=False)
    _margin: int | None = field(default=None, init=False, repr=False, compare=False)
    _furniture: frozenset[int] | None = field(default=None, init=False, repr=False, compare=False)
    _aligned: list[Any] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.norm.text

    @property
    def folded(self) -> str:
        return self.norm.folded

    @property
    def is_report(self) -> bool:
        """A Báo cáo on a plan (its period and its tasks' years read differently from a plan's)."""
        return self.doc_type is not None and fold(self.doc_type).startswith("bao cao")

    def line_texts(self) -> list[str]:
        """Every line's text (``norm.line_text(i)`` for all i), split once per document."""
        if self._line_texts is None:
            self._line_texts = _split_lines(self.norm.text, self.norm.lines)
        return self._line_texts

    def layout_margin(self) -> int:
        """The page margin of a layout-preserving dump (``normalize.layout_margin``), read once."""
        if self._margin is None:
            self._margin = layout_margin(self.line_texts())
        return self._margin

    def page_furniture(self) -> frozenset[int]:
        """Line indexes of page markers and running headers (``normalize.page_furniture``) and of the lines
        printed beside most page breaks (``normalize.form_feed_furniture``) and of page numbers counting up a page
        apart between lines of text (``normalize.numbered_page_lines``), read once."""
        if self._furniture is None:
            t = self.norm.text
            self._furniture = (page_furniture(self.line_texts())
                               if ("rang " in t or "RANG " in t or "(tiếp" in t or "(TIẾP" in t) else frozenset())
            if "\f" in t:
                self._furniture |= form_feed_furniture(self.line_texts())
            if _LONE_NUMBER.search(t):
                self._furniture |= numbered_page_lines(self.line_texts())
        return self._furniture

    def aligned_tables(self) -> list[Any]:
        """Space-aligned tables without a "TT" column (``tables.aligned_regions``), found once: the
        outline keeps their rows from being headings, the task and score readers read them."""
        if self._aligned is None:
            from papi_extract.tables import aligned_regions  # tables imports this module

            self._aligned = aligned_regions(self.line_texts()) if "   " in self.norm.text else []
        return self._aligned

    def warn(self, code: str, message: str, span: tuple[int, int] | None = None) -> None:
        self.warnings.append(Warning(code=code, message=message, span=span))

    def section_at(self, offset: int) -> str | None:
        """The innermost section holding ``offset`` (an empty section counts at its start)."""
        best: Section | None = None
        for s in self.sections:
            if s.span[0] <= offset and (offset < s.span[1] or s.span[1] == s.span[0]):
                if best is None or s.level >= best.level:
                    best = s
        return best.id if best else None

    def section_by_id(self, sid: str | None) -> Section | None:
        if sid is None:
            return None
        for s in self.sections:
            if s.id == sid:
                return s
        return None

    def line_of(self, offset: int) -> int:
        """Index of the line containing ``offset`` (binary search over line starts)."""
        lines = self.norm.lines
        lo, hi = 0, len(lines) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if lines[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


def _split_lines(text: str, lines: list[LineInfo]) -> list[str]:
    """``[text[li.start:li.end] for li in lines]``: one ``str.split`` when the lines are the
    text's "\\n"-separated lines, as ``normalize`` makes them (checked: count and the last end)."""
    parts = text.split("\n")
    if len(parts) == len(lines) and (not lines or (lines[0].start == 0 and lines[-1].end == len(text))):
        return parts
    return [text[li.start : li.end] for li in lines]
