"""Rebuild task tables ("Số TT | Nội dung nhiệm vụ | Cơ quan chủ trì | …") from the canonical text.

Why a module of its own: archives carry the same table in several layouts — tab-separated rows
(PDF/Word extraction), pipe-delimited rows from legal-document websites (with or without a markdown
separator line), and one cell per line (cells separated by blank lines or by lines holding only
"|"). All of them become the same ``Table``: a column role per column and rows whose cells keep
their spans in ``ctx.text``, so a task read from any layout has the same text, agencies and
deadlines.

Rows broken by a page break continue cell by cell: a row with an empty number cell right after a
task row is a continuation when the evidence says so (a cell other than the text cell is filled,
the text starts in lower case, or the previous text stops mid-sentence after a blank line) and a
sub-group row otherwise (upper case, only the text cell filled, usually a PAPI sub-dimension name
such as "Công khai danh sách hộ nghèo"). Group rows ("I<TAB>Tham gia …") set the dimension of the
rows below them; sub-group rows set the sub-dimension.

Every pattern here is anchored with bounded repeats (linear).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import regex

from papi_extract.data_files import data_file
from papi_extract.context import DocContext
from papi_extract.taxonomy import (
    closest_subdimension,
    code_list,
    dimension_then_sub,
    find_indicators_folded,
    load_taxonomy,
)
from papi_extract.normalize import CONTINUED_MARK, collapse_ws, fold, is_page_number


ROLES = ("number", "text", "lead", "support", "directing", "output", "deadline", "group", "note")

_NUMBER_CELL = regex.compile(r"^\d{1,3}(?:\.\d{1,2}){0,2}\.?$")
_ROMAN_CELL = regex.compile(r"^(?=[IVXL])(?:X{0,3})(?:IX|IV|V?I{0,3})\.?$")
# a time-line column's label under "Thời gian thực hiện năm 2025": a month ("T6", "Th.6", "Tháng 6"), a
# quarter ("Quý II", "QII", "Q2") or a year ("Năm 2025", "2025"); and the mark a row puts under it ("x", "✓")
PERIOD_LABEL = regex.compile(
    r"^\s{0,3}(?:(?i:tháng|th|t)\s{0,2}\.?\s{0,2}(?P<month>\d{1,2})|(?i:quý|q)\s{0,2}\.?\s{0,2}(?P<quarter>IV|I{1,3}|[1-4])"
    r"|(?:(?i:năm)\s{1,3})?(?P<year>(?:19|20)\d\d))\s{0,3}$")
_PERIOD_MARK = regex.compile(r"^\s{0,3}[xX×✓✔●+]\s{0,3}$")
_MIN_PERIODS = 3  # labels a row must hold, and nothing else, to head a time line
_MIN_DATED_PERIODS = 2  # of them months, quarters or years (a "Thường xuyên" column beside them is a label too)


def period_label(cell: str) -> str | None:
    """"dated" for a month, quarter or year column label, "standing" for a standing one ("Thường xuyên"), else None."""
    if PERIOD_LABEL.match(cell):
        return "dated"
    t = cell.strip(" \t*_")
    if t and len(t) <= 40 and collapse_ws(fold(t)).strip(" .,:;") in _standing_labels():
        return "standing"
    return None


@lru_cache(maxsize=1)
def _standing_labels() -> frozenset[str]:
    return frozenset(str(x) for x in data_file("tasks.yaml").get("standing_period_labels") or ())


def _period_columns(values: list[str], allowed: Callable[[int], bool], least: int = _MIN_PERIODS) -> list[int] | None:
    """The columns of a time line's labels in one row ("Quý I | … | Quý IV | Thường xuyên"), or None when the row's
    labels (among the columns ``allowed``) are too few to head one (``least``: in a header line that names its
    other columns, two dated labels, "Năm 2025 | Năm 2026", are enough)."""
    kinds = {i: k for i, v in enumerate(values) if allowed(i) and v.strip() and (k := period_label(v)) is not None}
    if len(kinds) < least or sum(1 for k in kinds.values() if k == "dated") < _MIN_DATED_PERIODS:
        return None
    return sorted(kinds)
# "Chỉ số nội dung 1:", "Nội dung 2 -": a label before a dimension's name in a group row
_NAME_LABEL = regex.compile(r"(?i)^(?:chỉ\s{1,2}số(?:\s{1,2}nội\s{1,2}dung)?|nội\s{1,2}dung)\s{0,2}\d{1,2}\s{0,2}[:.\-–]\s{0,3}")
_CAPITAL_CELL = regex.compile(r"^[A-H][.)]?$")  # a group lettered in capitals ("A | Thủ tục hành chính công")
# a line of a text cell opening on a bullet ("+ Phát trên hệ thống loa …", "- Niêm yết …"): a sub-item of its row
_CELL_BULLET = regex.compile(r"^[+\-–•][ \t]{1,3}(?=\S)")
_LETTER_CELL = regex.compile(r"^[a-zđ][.)]?$")  # a sub-row of a numbered row ("1 | … cụ thể:" / "a | …")
# a cell of a markdown table's delimiter row: "---", "-:", ":-", ":--:" (one dash is enough beside a colon;
# without one, three, so that a row of "-" cells meaning "none" stays a row)
SEPARATOR_CELL = r"(?::?-{3,200}:?|:-{1,200}:?|-{1,200}:)"
_MD_SEPARATOR = regex.compile(
    r"^\s{0,3}\|?\s{0,3}" + SEPARATOR_CELL + r"\s{0,3}(?:\|\s{0,3}" + SEPARATOR_CELL + r"\s{0,3}){0,30}\|?\s{0,3}$")
_BAR_LINE = regex.compile(r"^\s{0,8}\|\s{0,8}$")
_LIST_ITEM = regex.compile(r"^\s{0,8}[-–—•+*]\s{1,4}\S")
_WORDS = regex.compile(r"\w+")
_TERMINAL = ".;:!?…)\"”"
# A row whose number cell is a heading-like label ("Công khai ngân sách cấp xã" written in the
# number column) has at most this many words.
_MAX_GROUP_WORDS = 25


@dataclass(frozen=True, slots=True)
class TableVocab:
    headers: tuple[tuple[str, str], ...]  # (folded phrase, role), longest phrase first
    marks: dict[str, str]  # an assignment grid's folded mark -> "lead" | "support"
    whole: dict[str, str]  # folded column names that name their role only as the whole cell ("chi so")


@lru_cache(maxsize=1)
def vocab() -> TableVocab:
    raw = data_file("tasks.yaml")
    pairs = [(str(p), role) for role, phrases in raw["table_headers"].items() for p in phrases]
    pairs.sort(key=lambda x: -len(x[0]))
    marks = {str(m): role for role, ms in (raw.get("assignment_marks") or {}).items() for m in ms}
    whole = {str(p): role for role, phrases in (raw.get("table_headers_whole_cell") or {}).items() for p in phrases}
    return TableVocab(headers=tuple(pairs), marks=marks, whole=whole)


def assignment_mark(cell: str) -> str | None:
    """The role an assignment grid's cell marks ("C" -> "lead", "P" -> "support"), or None."""
    t = cell.strip(" \t*_.")
    if not t or len(t) > 10:
        return None
    return vocab().marks.get(collapse_ws(fold(t)))


@lru_cache(maxsize=None)
def _role_label(role: str, anchored: bool) -> regex.Pattern[str]:
    """A column name of ``role`` (table_headers in tasks.yaml) written as a label, "<name>:", on folded text:
    "Nội dung thành phần:" inside a group cell, "Chỉ đạo thực hiện:" opening a note."""
    names = sorted((p for p, r in vocab().headers if r == role), key=len, reverse=True)
    alt = "|".join(r"\s{1,3}".join(regex.escape(w) for w in p.split()) for p in names)
    lead = r"^\s{0,3}" if anchored else r"(?<!\w)"
    return regex.compile(lead + r"(?:" + alt + r")\s{0,3}:\s{0,3}")


def group_cell_parts(folded: str, a: int, b: int) -> list[tuple[int, int]]:
    """A group cell's span parted where it names the sub-dimension after the dimension ("CHỈ SỐ NỘI DUNG
    “THAM GIA …” Nội dung thành phần: Tri thức công dân" -> the dimension, then "Nội dung thành phần: …"):
    one indicator name per part. ``folded`` is the document's folded text (same offsets)."""
    m = _role_label("subdimension", False).search(folded, a + 8, b)
    if m is None:
        return [(a, b)]
    head = folded[a : m.start()].rstrip(" ;,.-–")
    return [(a, a + len(head)), (m.start(), b)] if head else [(a, b)]


def header_role(cell: str) -> str | None:
    """Column role named by a header cell, or None ("Cơ quan chủ trì" -> "lead")."""
    if not cell or len(cell) > 80:
        return None
    return _folded_role(fold(cell))


@lru_cache(maxsize=4096)
def _folded_role(folded: str) -> str | None:
    """``header_role`` of an already folded cell (the document's folded copy is sliced, not refolded)."""
    f = collapse_ws(folded).strip(" :.*()")
    if not f or len(f) > 60:
        return None
    if (whole := vocab().whole.get(f)) is not None:
        return whole
    for phrase, role in vocab().headers:
        if f == phrase or (f.startswith(phrase) and not f[len(phrase) : len(phrase) + 1].isalnum()
                           and not _LABEL_NUMBER.match(f, len(phrase))):
            return role
    k = max(f.rfind("/"), f.rfind(","))
    if 0 < k < len(f) - 1 and " " in f[k + 1 :].strip():
        # "Người/bộ phận thực hiện", "Cơ quan/đơn vị chủ trì", "Người, bộ phận thực hiện": the alternative
        # after the slash or comma, with the words both share, is a column name of its own
        return _folded_role(f[k + 1 :])
    if len(f) <= _ROLE_WORD_CELL:
        # a short cell that names its role in another word order ("Người/bộ phận chủ trì")
        for word, role in _ROLE_WORDS:
            if word in f and (role != "lead" or "phoi hop" not in f):
                return role
    return None


# a column name followed by a number of one or two digits is a label ("Nội dung 1 - Tham gia …", a group row
# naming a dimension; "Nhiệm vụ 3: …"), not a column's name
_LABEL_NUMBER = regex.compile(r" ?\d{1,2}(?![\d/])")  # (not a date's day: "Kết quả đến 30/6/2023" names a column)
_ROLE_WORD_CELL = 40
# words that give a short header cell its role wherever they stand, the first found wins
_ROLE_WORDS = (("chu tri", "lead"), ("phoi hop", "support"), ("thoi gian", "deadline"), ("thoi han", "deadline"),
               ("san pham", "output"))


@dataclass(slots=True)
class Cell:
    """One table cell: the spans of its pieces in ``ctx.text`` (several after a page break)."""

    parts: list[tuple[int, int]] = field(default_factory=list)

    def text(self, doc: str) -> str:
        return " ".join(doc[a:b] for a, b in self.parts if b > a).strip()

    def empty(self) -> bool:
        for a, b in self.parts:
            if b > a:
                return False
        return True


@dataclass(slots=True)
class Row:
    """A rebuilt table row. ``kind``: "task" | "group" | "subgroup" | "leadin" (a numbered row whose lettered
    sub-rows are its tasks)."""

    kind: str
    label: str | None
    cells: dict[str, Cell]
    start: int
    end: int
    dimension: int | None = None
    subdimension: str | None = None
    grouped: bool = False  # a group or sub-group row came before: the dimension is the table's
    bulleted: bool = False  # a bulleted line of its lead-in row's text cell ("| + Phát trên hệ thống loa …")
    group: tuple[int, int] | None = None  # the text of the group row above it ("I | Quý II/2024")

    def cell_text(self, role: str, doc: str) -> str:
        c = self.cells.get(role)
        return c.text(doc) if c is not None else ""


@dataclass(slots=True)
class Table:
    layout: str  # "tab" | "pipe" | "cells"
    columns: list[str]
    rows: list[Row]
    start: int
    end: int
    has_groups: bool = False
    # spans of rows that continue a row (lower-case text, or only the agency/time/output cells
    # filled) with no task row before them to continue: reported as W503, never silently dropped
    orphans: list[tuple[int, int]] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Splitting one line into cells (spans)
# ---------------------------------------------------------------------------------------------


def _strip_span(doc: str, a: int, b: int) -> tuple[int, int]:
    while a < b and doc[a] in " \t":
        a += 1
    while b > a and doc[b - 1] in " \t":
        b -= 1
    return a, b


def _split_cells(doc: str, a: int, b: int, sep: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Spans and texts of the pieces of doc[a:b] between ``sep``, each stripped of spaces and tabs
    (an all-blank piece is the empty span at its end, as ``_strip_span`` gives)."""
    spans: list[tuple[int, int]] = []
    values: list[str] = []
    for part in doc[a:b].split(sep):
        n = len(part)
        t = part.lstrip(" \t")
        if t:
            s = a + n - len(t)
            t = t.rstrip(" \t")
            spans.append((s, s + len(t)))
            values.append(t)
        else:
            spans.append((a + n, a + n))
            values.append("")
        a += n + 1
    return spans, values


def _tab_cells(doc: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
    return _split_cells(doc, start, end, "\t")


def _pipe_cells(doc: str, start: int, end: int) -> tuple[list[tuple[int, int]], list[str]]:
    a, b = _strip_span(doc, start, end)
    if a < b and doc[a] == "|":
        a += 1
    if b > a and doc[b - 1] == "|":
        b -= 1
    return _split_cells(doc, a, b, "|")


def row_cells(doc: str, start: int, end: int, layout: str) -> list[tuple[int, int]]:
    """The cell spans of one "pipe" or "tab" row ``doc[start:end]`` (for readers of other kinds of table)."""
    return (_pipe_cells if layout == "pipe" else _tab_cells)(doc, start, end)[0]


def _line_kinds(texts: list[str]) -> list[str]:
    """``_line_kind`` of each line; a line without "|" or a tab is text or blank (the cheap test
    first: most lines of a plan are prose)."""
    return [_line_kind(t) if ("|" in t or "\t" in t) else ("blank" if not t or t.isspace() else "text") for t in texts]


def _line_kind(text: str) -> str:
    """"tab" | "pipe" | "sep" | "bar" | "blank" | "text" for one canonical line."""
    s = text.strip()
    if not s:
        return "blank"
    if "|" not in text:  # every other kind needs a bar
        return "tab" if "\t" in text else "text"
    if _BAR_LINE.match(text):
        return "bar"
    if s.startswith("|") and _MD_SEPARATOR.match(text):
        return "sep"
    if s.startswith("|") and s.count("|") >= 2:
        return "pipe"
    if "\t" in text:
        return "tab"
    return "text"


# ---------------------------------------------------------------------------------------------
# Header and row classification
# ---------------------------------------------------------------------------------------------


def _columns_from_header(header_rows: list[list[str]]) -> list[str]:
    """Merge a one- or two-line header into one role per column.

    The lower line names the sub-columns of a spanning cell ("Trách nhiệm thực hiện" over
    "Cơ quan chủ trì" / "Cơ quan phối hợp"); a spanning cell with nothing under it is the lead.
    """
    width = max(len(r) for r in header_rows)
    cols: list[str] = []
    spanning = [""] * len(header_rows)  # per header line, the role of its last filled cell to the left
    for i in range(width):
        role = ""
        for k, r in enumerate(header_rows):
            if i < len(r) and r[i].strip():
                cell = r[i].strip()
                if k > 0 and spanning[k - 1] == "dimension" and _DIMENSION_NUMBER.match(cell):
                    # "Chỉ số nội dung tác động" over "1 | 2 | … | 8": one column per dimension, marked "x"
                    role = f"{MARK_ROLE}{int(cell)}"
                elif k > 0 and spanning[k - 1] == "deadline" and _YEAR_HEADER.match(cell):
                    # "Thời gian thực hiện" over "Năm 2024 | Năm 2025": each year's column holds times
                    role = "deadline"
                else:
                    role = header_role(cell) or "other"
                spanning[k] = header_role(cell) or "other"
        cols.append(role or "")
    # empty header cells under nothing: inherit nothing; a bare "group" column is the lead column
    if "lead" not in cols:
        cols = ["lead" if c == "group" else c for c in cols]
    return cols


_MERGED_MIN_CELLS = 3  # the same text in this many cells of a row without a number: one merged cell repeated
MARK_ROLE = "mark"  # + a dimension's number: the column a row marks ("x") for that dimension
_DIMENSION_NUMBER = regex.compile(r"^[1-8]$")


def column_codes(folded: str) -> tuple[tuple[int, str | None], ...]:
    """The indicator codes a cell of a column of indicators holds (``code_list``); there a bare number 1-8 ("3" under
    "Chỉ số tác động") names that dimension."""
    bare = folded.strip(" *_.")
    if _DIMENSION_NUMBER.match(bare):
        return ((int(bare), None),)
    return code_list(folded)
# a dimension column's cell opening on the dimension's code, then words ("CSND 2 - nội dung thành phần …"), folded
_LEAD_DIMENSION_CODE = regex.compile(r"\s{0,3}(?:csnd|chi\s{1,3}so(?:\s{1,3}noi\s{1,3}dung)?)\s{0,3}([1-8])(?![\d.])\s{0,3}[-–:]\s{0,3}")
_YEAR_HEADER = regex.compile(r"^(?:[Nn]ăm[ \t]{1,3})?(?:19|20)\d\d$")


def _names_agency(text: str) -> bool:
    """A group row's text is an agency's name ("Sở Nội vụ", "UBND các huyện, thành phố"), not a topic."""
    from papi_extract.agencies import has_known_head

    return len(text) <= 100 and has_known_head(text.strip())


def _is_task_header(cols: list[str]) -> bool:
    roles = set(cols)
    return "text" in roles and bool(roles & {"lead", "support", "deadline", ASSIGN_ROLE})


ASSIGN_ROLE = "assign"  # an assignment grid's agency column: its cells mark the row's agencies ("C", "P")
_LEGEND_WINDOW = 5000  # characters before a grid where its legend of short forms is looked for
_LEGEND_NAME = r"\s{0,3}(?:[-–=:]|là)\s{0,3}(?P<name>\p{Lu}[^;\n]{1,150}?)\s{0,3}(?=;|\n|\.\s|\.$|,\s{1,3}\p{Lu}{2}|$)"


def _assignment_columns(doc: str, start: int, cols: list[str], header: list[tuple[list[tuple[int, int]], list[str]]],
                        body: list[list[str]]) -> dict[int, tuple[int, int]]:
    """The agency columns of an assignment grid (set to ``ASSIGN_ROLE`` in ``cols``), each with the span naming its
    agency: the legend's name for a short form ("NV - Phòng Nội vụ; TP - Phòng Tư pháp" above the table), else the
    header cell itself. A column is one when its header names an agency and every filled body cell is a mark."""
    out: dict[int, tuple[int, int]] = {}
    for i, role in enumerate(cols):
        if role not in ("", "other"):
            continue
        span = None
        for spans, vals in header:
            if i < len(vals) and vals[i].strip():
                span = _strip_span(doc, *spans[i])
        if span is None or not _agency_column_name(doc[span[0] : span[1]]):
            continue
        marks = [v[i] for v in body if i < len(v) and v[i].strip()]
        if not marks or not all(assignment_mark(m) for m in marks):
            continue
        out[i] = span
    if len(out) < _MIN_AGENCY_COLUMNS:
        return {}
    window = doc[max(0, start - _LEGEND_WINDOW) : start]
    base = max(0, start - _LEGEND_WINDOW)
    for i, (a, b) in out.items():
        code = doc[a:b].strip(" \t*_")
        cols[i] = ASSIGN_ROLE
        if not _AGENCY_CODE.match(code):
            continue  # the header names the agency itself
        legend = None
        for m in regex.finditer(r"(?<![\p{L}\p{N}])" + regex.escape(code) + _LEGEND_NAME, window, timeout=1.0):
            legend = m
        if legend is not None:
            out[i] = (base + legend.start("name"), base + legend.end("name"))
    return out


_HEADER_CELL_MAX = 60  # a header cell is a short column name
_HEADER_KNOWN_SHARE = 0.6  # of a header line's cells, at least this share name a known column


def _header_line(values: list[str]) -> bool:
    """A line of column names: every non-empty cell names a known column, or (a table with a column of
    its own, "Kinh phí", "Lãnh đạo phụ trách") three or more do, the text column among them, and they
    are most of the line's short cells."""
    filled = [v for v in values if v.strip()]
    if not filled:
        return False
    roles = [header_role(v) for v in filled]
    known = sum(1 for r in roles if r)
    if known < len(filled) and (periods := _period_columns(filled, lambda i: not roles[i], _MIN_DATED_PERIODS)) is not None:
        known += len(periods)  # a time line's labels ("Quý I | … | Quý IV | Thường xuyên"): column names
    numbers = [v.strip() for v in filled if _DIMENSION_NUMBER.match(v.strip())]
    if len(numbers) >= 3 and numbers == [str(k) for k in range(1, len(numbers) + 1)]:
        known += len(numbers)  # the dimensions' numbers under "Chỉ số nội dung tác động": column names
    if known == len(filled):
        return True
    if known >= 2 and "text" in roles:
        # an assignment grid's header: the columns besides the known ones are agencies, by name or short form
        agencies = [v for v, r in zip(filled, roles, strict=True) if not r]
        if len(agencies) >= _MIN_AGENCY_COLUMNS and all(_agency_column_name(v) for v in agencies):
            return True
    return (known >= 3 and "text" in roles and known >= _HEADER_KNOWN_SHARE * len(filled)
            and all(len(v) <= _HEADER_CELL_MAX for v in filled))


_MIN_AGENCY_COLUMNS = 2
# one agency of a "Đơn vị khác" cell: its name, then its mark in parentheses, up to ";" or a line break
_MARKED_PIECE = regex.compile(r"(?P<name>[^;\n()<>]{2,160}?)\s{0,3}(?:\((?P<mark>[^()\n]{1,10})\))?\s{0,3}(?:;|<br\s{0,2}/?>|\n|$)")
_AGENCY_CODE = regex.compile(r"^\p{Lu}[\p{L}&-]{1,9}$")  # "NV", "TCKH", "TTr", "XÃ", "GDĐT", "TP-HT"


def _agency_column_name(cell: str) -> bool:
    """A header cell naming one agency: a short form mostly in capitals ("TCKH", "TTr") or a known agency's name
    ("Phòng Nội vụ")."""
    t = cell.strip(" \t*_")
    if _AGENCY_CODE.match(t):
        return 2 * sum(1 for c in t if c.isupper()) >= len(t)
    return len(t) <= _HEADER_CELL_MAX and _names_agency(t)


Matcher = Callable[[str], Any]


def _indicator(text: str, match: Matcher | None) -> Any:
    if match is None or not text.strip():
        return None
    try:
        return match(text)
    except Exception:  # noqa: BLE001 - a taxonomy failure must not lose the table
        return None


_BRACKETED = regex.compile(r"\([^()\n]{0,200}\)")


def column_dimension(name: str, match: Matcher | None = None) -> tuple[int, str | None] | None:
    """A task table's indicator-column cell that names a whole dimension ("Chỉ số nội dung 1: Tham gia của
    người dân ở cấp cơ sở"), the row's dimension; a sub-dimension of it named in brackets ("Chỉ số nội dung 7:
    Quản trị môi trường (nội dung thành phần Chất lượng không khí)") refines it. None when the cell names no
    dimension whole (a sub-dimension cell is read by the caller); so does one after a "Nội dung thành phần:"
    label."""
    if match is None:
        from papi_extract.taxonomy import match_indicator as match
    head, tails = name, [b.group()[1:-1] for b in _BRACKETED.finditer(name)]
    km = _role_label("subdimension", False).search(fold(name), 8)
    if km is not None:
        # "Chỉ số 1 - Tham gia … Nội dung thành phần: Đóng góp tự nguyện" (a line break run together)
        head, tails = name[: km.start()], [name[km.end() :], *tails]
    bare = _BRACKETED.sub(" ", head).strip(" \t;,.-–")
    m = _indicator(bare, match)
    if m is None or getattr(m, "subdimension", None) is not None or not getattr(m, "exact", False) \
            or not _strong(m, bare):
        return None
    dim = int(getattr(m, "dimension"))
    from papi_extract.taxonomy import search_indicators

    for tail in tails:
        sub = next((x.subdimension for x in search_indicators(tail)
                    if x.dimension == dim and x.subdimension is not None), None)
        if sub is not None:
            return dim, sub
    return dim, None


def _strong(m: Any, text: str) -> bool:
    """A taxonomy match that names (most of) the cell, not a word inside a sentence."""
    if m is None:
        return False
    exact = bool(getattr(m, "exact", False))
    score = float(getattr(m, "score", 0.0) or 0.0)
    if score > 1.0:  # a percentage
        score /= 100.0
    start = getattr(m, "start", None)
    end = getattr(m, "end", None)
    covered = 1.0
    if isinstance(start, int) and isinstance(end, int) and text:
        lm = _NAME_LABEL.match(text)
        # the label naming the index's part ("Chỉ số nội dung 8: ") is no part of the name it covers
        base = lm.end() if lm is not None and start >= lm.end() else 0
        covered = (end - start) / max(len(text) - base, 1)
    return (exact or score >= 0.9) and covered >= 0.5


# ---------------------------------------------------------------------------------------------
# Building rows from raw (cells, line) records
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _RawRow:
    spans: list[tuple[int, int]]
    start: int
    end: int
    blank_before: bool
    values: list[str] | None = None  # doc[a:b] of each span, when the splitter already has them
    # roles filled on the record's later lines (a CSV record whose quoted cell breaks its line): the
    # record is one row, so its first line is no group row when they are
    record_roles: frozenset[str] = frozenset()


_MIN_UNNUMBERED_ROWS = 3  # rows that must all leave the number column empty before it says nothing


class _Builder:
    """Turn raw rows (cell spans, in column order) into typed rows, joining continuations."""

    def __init__(self, doc: str, cols: list[str], match: Matcher | None,
                 assigned: dict[int, tuple[int, int]] | None = None) -> None:
        self.doc = doc
        self.cols = cols
        # an assignment grid's agency columns: column -> the span naming its agency (see ``_assignment_columns``)
        self.assigned = assigned or {}
        self.match = match
        self.rows: list[Row] = []
        self.dim: int | None = None
        self.sub: str | None = None
        self.has_groups = False
        self.grouped = False
        self.orphans: list[tuple[int, int]] = []
        self.num_col = cols.index("number") if "number" in cols else -1
        self.text_col = cols.index("text") if "text" in cols else -1
        # (index, role) of the columns with a role, and of those besides number and text: computed
        # once per table, not per row
        self.roled = [(i, c) for i, c in enumerate(cols) if c]
        # a sub-dimension column names a row's indicator: no evidence of a task's own cells
        self.other = [(i, c) for i, c in self.roled if c not in ("number", "text", "subdimension", "dimension")]
        self.sub_col = cols.index("subdimension") if "subdimension" in cols else -1
        # the column a group row may be written in when its text cell is empty: the sub-dimension's, else the
        # dimension's ("Chỉ số" over "Chỉ số nội dung 1: Tham gia …", then "Cơ hội tham gia | <task> | …")
        self.group_col = self.sub_col if self.sub_col >= 0 else (cols.index("dimension") if "dimension" in cols else -1)
        # the last name a "Chỉ số nội dung" / "Nội dung thành phần" column gave: a blank cell below it
        # is the same merged cell, exported once ("| 2 |  | Hướng dẫn … |")
        self.col_dim: int | None = None
        self.col_sub: str | None = None
        # no body row fills the number column: an empty number cell is no evidence of a continuation
        self.unnumbered = False
        # "Chỉ đạo: X" written in a group row's other cell (a "Ghi chú" column): the leader of its rows
        self.group_directing: Cell | None = None
        # a time line: the column of each period label ("T5" … "T12" under "Thời gian thực hiện năm 2025")
        self.periods: dict[int, tuple[int, int]] = {}
        # a group row naming an agency ("II | Thanh tra tỉnh") in a table with no lead column: its rows' lead
        self.group_lead: list[tuple[int, int]] | None = None
        # the dimension columns a row marks ("Chỉ số nội dung tác động" over "1" … "8"): (role, dimension)
        self.marks = [(c, int(c[len(MARK_ROLE) :])) for _, c in self.roled if c.startswith(MARK_ROLE)]
        # the last group row read (row, name, span, roman, numbered) and the dimension before it: a lower-case
        # line right under it is its name's wrapped rest, read again with it
        self.last_group: tuple[Row, str, tuple[int, int], bool, bool] | None = None
        self.group_before: tuple[int | None, str | None] = (None, None)
        # the numbered row the last bulleted line of a text cell belongs to (``_bullet_row``)
        self.bullet_parent: Row | None = None
        self.group_span: tuple[int, int] | None = None  # the last group row's text: its rows' ``Row.group``

    def _cells(self, raw: _RawRow) -> dict[str, Cell]:
        cells: dict[str, Cell] = {}
        spans = raw.spans
        n = len(spans)
        for i, role in self.roled:
            if i >= n:
                break
            a, b = spans[i]
            if b <= a:
                continue
            if role == ASSIGN_ROLE or role == "others":
                self._marked_cells(i, role, a, b, cells)
                continue
            if role in ("dimension", "subdimension") and b - a <= 8 and _is_ditto(self.doc[a:b]):
                continue  # "〃" under a dimension's name: the merged cell above, as a blank one is
            c = cells.get(role)
            if c is None:
                cells[role] = Cell([(a, b)])
            else:
                c.parts.append((a, b))
        if self.periods:
            self._period_cells(raw, cells)
        return cells

    def _marked_cells(self, i: int, role: str, a: int, b: int, cells: dict[str, Cell]) -> None:
        """An assignment grid's cell: its mark puts the column's agency in the row's "lead_marked" or
        "support_marked" cell; a "Đơn vị khác" cell lists agencies each closed by its mark in parentheses
        ("Ủy ban MTTQ Việt Nam huyện (C); Bưu điện huyện (P)"), an agency without one a partner."""
        doc = self.doc
        if role == ASSIGN_ROLE:
            mark = assignment_mark(doc[a:b])
            if mark is not None and i in self.assigned:
                cells.setdefault(f"{mark}_marked", Cell()).parts.append(self.assigned[i])
            return
        for m in _MARKED_PIECE.finditer(doc, a, b, timeout=1.0):
            na, nb = _strip_span(doc, m.start("name"), m.end("name"))
            if nb <= na:
                continue
            mark = assignment_mark(m.group("mark")) if m.group("mark") else "support"
            cells.setdefault(f"{mark or 'support'}_marked", Cell()).parts.append((na, nb))

    def _period_row(self, raw: _RawRow, values: list[str]) -> bool:
        """A row of period labels only ("| | | | | T5 | T6 | … | T12 | |"), before any task row, none in the
        number or text column: the lower header of a time line, whose columns the rows mark with "x"."""
        if self.periods:
            return False
        filled = [i for i, v in enumerate(values) if v and not v.isspace()]
        if len(filled) < _MIN_PERIODS or self.num_col in filled or self.text_col in filled:
            return False
        if _period_columns(values, lambda i: True) != filled or any(r.kind == "task" for r in self.rows):
            return False  # (the rows are scanned last: a row of labels is rare, a table's rows many)
        self.periods = {i: _strip_span(self.doc, *raw.spans[i]) for i in filled if i < len(raw.spans)}
        return True

    def header_periods(self, spans: list[tuple[int, int]], values: list[str]) -> None:
        """A header line whose columns besides the named ones are a time line's labels ("TT | Nội dung | Chủ trì |
        Phối hợp | Năm 2024 | Năm 2025 | Thường xuyên", or the lower line under "Thời gian thực hiện"): the rows mark
        them with "x", as under a row of labels of their own."""
        if self.periods:
            return
        cols = self.cols
        found = _period_columns(values, lambda i: i < len(cols) and cols[i] in ("", "other", "deadline"), _MIN_DATED_PERIODS)
        if found is not None:
            self.periods = {i: _strip_span(self.doc, *spans[i]) for i in found if i < len(spans)}

    def _period_cells(self, raw: _RawRow, cells: dict[str, Cell]) -> None:
        """The periods a row marks become its "period" cell (the label spans, read as its times); a mark
        is no time of its own, so it leaves the time column."""
        doc = self.doc
        marked = [self.periods[i] for i, (a, b) in enumerate(raw.spans)
                  if i in self.periods and b > a and _PERIOD_MARK.match(doc[a:b])]
        # a year column's cell that holds words, not a mark ("Năm 2024" | "Quý II", "Hoàn thành 70%"): read with the
        # column's year, as (label, cell) pairs ("-" says nothing)
        written: list[tuple[int, int]] = []
        for i, (a, b) in enumerate(raw.spans):
            if (i in self.periods and b > a and not _PERIOD_MARK.match(doc[a:b]) and doc[a:b].strip(" -–—.")
                    and (pm := PERIOD_LABEL.match(doc[self.periods[i][0] : self.periods[i][1]])) is not None
                    and pm.group("year")):
                written += [self.periods[i], (a, b)]
        if written:
            cells["period_text"] = Cell(written)
            dl = cells.get("deadline")
            if dl is not None:
                dl.parts = [p for p in dl.parts if p not in written[1::2]]
                if not dl.parts:
                    del cells["deadline"]
        own = cells.get("deadline")
        if own is not None:
            own.parts = [p for p in own.parts if not _PERIOD_MARK.match(doc[p[0] : p[1]])]
            if not own.parts:
                del cells["deadline"]
        if marked:
            cells["period"] = Cell(marked)

    def add(self, raw: _RawRow) -> None:
        values = raw.values if raw.values is not None else [self.doc[a:b] for a, b in raw.spans]
        if not any(values) or "".join(values).isspace():  # all cells blank (no stripped copy of the row)
            return
        if self._period_row(raw, values):
            return
        n = len(values)
        number = values[self.num_col].strip() if 0 <= self.num_col < n else ""
        text = values[self.text_col].strip() if 0 <= self.text_col < n else ""
        if not text and 0 <= self.group_col < n and values[self.group_col].strip():
            # a group or sub-group row written in the sub-dimension column ("I | Chỉ số nội dung 1: …")
            others = {c for i, c in self.other if i < n and (v := values[i]) and v.strip()}
            if not others:
                name = values[self.group_col].strip()
                a, b = raw.spans[self.group_col]
                if number and not _ROMAN_CELL.match(number) and not _NUMBER_CELL.match(number):
                    number = ""
                self._group(raw, name, _strip_span(self.doc, a, b), roman=bool(_ROMAN_CELL.match(number)),
                            numbered=bool(number) and not _ROMAN_CELL.match(number))
                return
        if not number and text:
            filled = [v.strip() for i, v in enumerate(values) if i != self.num_col and v.strip()]
            if len(filled) >= _MERGED_MIN_CELLS and all(v == filled[0] for v in filled):
                # "| | *Nội dung thành phần 5.4* | *Nội dung thành phần 5.4* | …": a sub-group row whose merged cell the
                # export repeated over every column; it continues no task above it
                self._group(raw, text, raw.spans[self.text_col], roman=False)
                return
        # the roles of the filled cells besides number and text
        others = {c for i, c in self.other if i < n and (v := values[i]) and v.strip()} | raw.record_roles
        if number:
            if _ROMAN_CELL.match(number):
                span = raw.spans[self.text_col] if text else raw.spans[self.num_col]
                if not text and (k := next((i for i, v in enumerate(values) if i != self.num_col and v.strip()),
                                           -1)) >= 0:
                    # "| **I** | **Nhóm câu hỏi về …** | | |": the group's name in a cell before the text column
                    text, span = values[k].strip(), _strip_span(self.doc, *raw.spans[k])
                self._group(raw, text or number, span, roman=True)
            elif _NUMBER_CELL.match(number):
                if text and not others and self._looks_group(text):
                    self._group(raw, text, raw.spans[self.text_col], roman=False, numbered=True)
                elif text or others:
                    self._task(raw, number.rstrip("."))
            elif _CAPITAL_CELL.match(number) and text and not others:
                # "A | Thủ tục hành chính công": a group lettered in capitals, as a Roman one
                self._group(raw, text, raw.spans[self.text_col], roman=True)
            elif _LETTER_CELL.match(number) and text and self._sub_row_of_leadin(number):
                self._task(raw, number.rstrip(".)"))
            elif _LETTER_CELL.match(number) and text and not others:
                # "a | Y tế công lập" under a group row: a lettered sub-group, named by its text cell
                self._group(raw, text, raw.spans[self.text_col], roman=False)
            elif not others and not text:
                # the whole row sits in the number column: "Công khai ngân sách cấp xã"
                self._group(raw, number, raw.spans[self.num_col], roman=False)
            elif self._continues(raw, number + " " + text, others):
                self._extend(raw)
            else:
                self._group(raw, number, raw.spans[self.num_col], roman=False)
            return
        if (text and not others and not raw.blank_before and self.last_group is not None and self.rows
                and self.rows[-1] is self.last_group[0] and text.lstrip()[:1].islower()
                and self._completes(self.last_group[1])):
            # "Nội dung thành phần: Công bằng trong tuyển" / "dụng vào nhà nước": a group name wrapped in its cell
            row, name, span, roman, numbered = self.last_group
            self.rows.pop()
            end = raw.spans[self.text_col][1]
            self.dim, self.sub = self.group_before
            self._group(raw, f"{name} {text}", (span[0], end), roman=roman, numbered=numbered)
            self.rows[-1].start = row.start
            return
        if text and (bm := _CELL_BULLET.match(text)) is not None and (parent := self._bullet_parent()) is not None:
            self._bullet_row(raw, bm.end(), parent)
        elif self._continues(raw, text, others):
            self._extend(raw)
        elif text and (others or (self.num_col < 0 and not _strong(_indicator(text, self.match), text))):
            # a row with its own agency/time cells is a task even when its number cell is blank;
            # in tables without a number column every row with text is a task
            self._task(raw, None)
        elif text:
            if text.lstrip(" \"“'(‘-–")[:1].islower():
                self.orphans.append((raw.start, raw.end))  # continues nothing: a sub-group row at best
            self._group(raw, text, raw.spans[self.text_col], roman=False)
        elif others:
            self.orphans.append((raw.start, raw.end))  # agency/time cells under a group row

    def _directing_note(self, raw: _RawRow) -> Cell | None:
        """The leader a group row names in a cell besides its text ("Chỉ đạo: Phó Giám đốc Sở phụ trách …")."""
        for i, (a, b) in enumerate(raw.spans):
            if i == self.text_col or b <= a:
                continue
            m = _role_label("directing", True).match(fold(self.doc[a:b]))
            if m is not None:
                s, e = _strip_span(self.doc, a + m.end(), b)
                if e > s:
                    return Cell([(s, e)])
        return None

    def _bullet_parent(self) -> Row | None:
        """The numbered row a bulleted line in its text cell lists sub-items of ("1 | Tuyên truyền …, gồm: | X | …"
        over "| + Phát trên hệ thống loa …;"): that row, or the lead-in whose earlier bulleted line came before."""
        if not self.rows or self.num_col < 0 or self.text_col < 0:
            return None
        last = self.rows[-1]
        if last.kind == "task" and last.bulleted:
            return self.bullet_parent
        if last.kind == "task" and last.label is not None and _NUMBER_CELL.match(last.label):
            return last
        return None

    def _bullet_row(self, raw: _RawRow, marker_end: int, parent: Row) -> None:
        """A bulleted line of a row's text cell: a task of its own, labelled as its row, which inherits the cells
        it leaves empty (agencies, time, output); the row becomes its lead-in (an item with sub-items counts as its
        sub-items, as a lettered sub-row's lead-in does)."""
        spans = list(raw.spans)
        spans[self.text_col] = self._after_marker(*raw.spans[self.text_col], marker_end)
        own = parent.cells.get("text")
        k = next((i for i, (x, y) in enumerate(own.parts) if self.doc[x:y].strip()), -1) if own is not None else -1
        if own is None or k < 0 or (pm := _CELL_BULLET.match(self.doc[own.parts[k][0] : own.parts[k][1]].lstrip())) is None:
            parent.kind = "leadin"
        elif self.rows[-1] is parent:
            # a row whose own text opens on a bullet is the list's first item: a task, its marker no part of its text
            own.parts[k] = self._after_marker(*own.parts[k], pm.end())
        self.bullet_parent = parent
        self._task(_RawRow(spans, raw.start, raw.end, raw.blank_before), parent.label)
        row = self.rows[-1]
        row.bulleted = True
        for role, cell in parent.cells.items():
            if role not in ("number", "text") and role not in row.cells:
                row.cells[role] = Cell(list(cell.parts))
        row.dimension, row.subdimension = parent.dimension, parent.subdimension

    def _after_marker(self, a: int, b: int, marker_end: int) -> tuple[int, int]:
        """The span of cell text ``[a, b)`` after its leading blanks and a marker ``marker_end`` characters long."""
        return _strip_span(self.doc, a + len(self.doc[a:b]) - len(self.doc[a:b].lstrip()) + marker_end, b)

    def _sub_row_of_leadin(self, letter: str) -> bool:
        """A lettered row under a numbered row whose text is a lead-in ("1 | Tuyên truyền …, cụ thể:") or
        under an earlier lettered row: a task of its own. The lead-in row is no task (its sub-rows are, as
        a list's sub-items are), and the cells it fills that a sub-row leaves empty go to that sub-row.
        A row "a" right under a numbered row opens its sub-rows even when that row reads as a task of its
        own ("5 | Nâng cao chất lượng … | … | Năm 2024" over "a | Hoàn thành …"): an item with sub-items
        counts as its sub-items."""
        for k, prev in enumerate(reversed(self.rows)):
            if prev.kind == "leadin":
                return True
            if prev.kind != "task":
                return False
            if prev.label is not None and _NUMBER_CELL.match(prev.label):
                opens = k == 0 and letter.rstrip(".)") == "a"
                if not opens and not prev.cell_text("text", self.doc).rstrip().endswith(":"):
                    return False
                prev.kind = "leadin"
                return True
        return False

    def _looks_group(self, text: str) -> bool:
        """A numbered row holding only a short dimension name is a group row ("1 | Tham gia …", "1 | Chỉ số nội
        dung 1: Tham gia …")."""
        if (lm := _NAME_LABEL.match(text)) is not None:
            text = text[lm.end() :]  # the label naming the index's part is no part of its name
        if len(_WORDS.findall(text)) > 12 or text.rstrip().endswith("."):
            return False
        m = _indicator(text, self.match)
        return _strong(m, text)

    def _completes(self, name: str) -> bool:
        """A group name cut short (it names no indicator whole: "Nội dung thành phần: Công bằng trong tuyển"), which
        the lower-case line under it goes on; after a whole name such a line continues nothing."""
        cut = _unlabelled_group(name)
        return not _strong(_indicator(cut, self.match), cut)

    def _continues(self, raw: _RawRow, text: str, others: set[str]) -> bool:
        prev = self.rows[-1] if self.rows else None
        if prev is None or prev.kind != "task":
            return False
        t = text.lstrip(" \"“'(‘-–")
        if others:
            # in a table whose rows carry no numbers, a row opening with a capital is a row of its own
            return not (self.unnumbered and t[:1].isupper())
        if t[:1].islower() or (t[:1].isdigit() and not _NUMBER_CELL.match(t)):
            return True
        m = _indicator(text, self.match)
        if _strong(m, text):
            return False
        k = t.find(":", 0, 40)
        if k > 0 and header_role(t[:k]) in ("subdimension", "dimension"):
            return False  # "Nội dung thành phần: Công bằng trong tuyển" (wrapped): a sub-group row of its own
        prev_text = prev.cell_text("text", self.doc).rstrip()
        if not prev_text:
            return True  # a row whose text cell was empty on its number's line: its text is below (centred)
        if _LIST_ITEM.match(text) and _LIST_ITEM.match(prev_text):
            return True  # "- A;" then "- B": the items a text cell lists, one per line
        if prev_text[-1] not in _TERMINAL and raw.blank_before:
            return True
        return False

    def _group(self, raw: _RawRow, text: str, span: tuple[int, int], roman: bool, numbered: bool = False) -> None:
        text_in, before = text, (self.dim, self.sub)
        self.group_span = span
        text = _unlabelled_group(text)
        self.col_dim = self.col_sub = None  # a group row starts anew: no merged cell runs across it
        self.group_directing = self._directing_note(raw)
        self.group_lead = None
        tail = None
        km = _role_label("subdimension", False).search(fold(text), 8)
        if km is not None:
            # "CHỈ SỐ NỘI DUNG “THAM GIA …” Nội dung thành phần: Tri thức công dân": the dimension, then the
            # sub-dimension its rows serve
            text, tail = text[: km.start()].rstrip(" ;,.-–"), text[km.end() :].strip()
        k = text.find(";")
        if k > 0:
            text = text[:k].rstrip()  # "Tri thức công dân; Cơ hội tham gia": the first it names (as a heading)
        m = _indicator(text, self.match)
        dim = getattr(m, "dimension", None) if m is not None else None
        sub = getattr(m, "subdimension", None) if m is not None else None
        if (roman or numbered) and "lead" not in self.cols and not (m is not None and _strong(m, text)) and \
                _names_agency(text):
            self.group_lead = [span]  # "I | Sở Nội vụ": the agency that leads the rows under it
        if roman or numbered:
            self.has_groups = True
            self.dim = dim if _strong(m, text) or roman else self.dim
            if roman and m is None:
                self.dim = None
            self.sub = sub if (sub and _strong(m, text)) else None
            kind = "group"
        elif _strong(m, text) and not sub:
            # a dimension name written without a Roman numeral is a group row all the same
            self.has_groups = True
            self.dim, self.sub = dim, None
            kind = "group"
        else:
            if sub and _strong(m, text) and (self.dim is None or str(sub).split(".")[0] == str(self.dim)):
                self.sub = sub
                if self.dim is None:
                    self.dim = dim
            elif self.dim is not None and (para := closest_subdimension(fold(text), self.dim)) is not None:
                # "Kế hoạch sử dụng đất" as a sub-group row under dimension 2's group row: a sub-dimension's
                # reworded name, the closest one of that dimension
                self.sub = para.subdimension
            else:
                self.sub = None
            kind = "subgroup"
        if tail and kind == "group" and self.dim is not None:
            t = tail.split(";")[0].strip()
            mt = _indicator(t, self.match)
            st = getattr(mt, "subdimension", None) if mt is not None else None
            if st and _strong(mt, t) and str(st).split(".")[0] == str(self.dim):
                self.sub = st
        self.grouped = True
        self.rows.append(Row(kind, None, {"text": Cell([span])}, raw.start, raw.end, self.dim, self.sub, True))
        self.last_group = (self.rows[-1], text_in, span, roman, numbered)
        self.group_before = before

    def _task(self, raw: _RawRow, label: str | None) -> None:
        cells = self._cells(raw)
        dim, sub = self.dim, self.sub
        inherited = False
        dcol = cells.get("dimension")
        if dcol is not None:
            # "Chỉ số nội dung" column: the row's own dimension (a sub-dimension column may refine it)
            name = dcol.text(self.doc)
            m = _indicator(name, self.match)
            self.col_dim = self.col_sub = None
            if m is not None and _strong(m, name) and getattr(m, "dimension", None) is not None:
                if getattr(m, "dimension", None) != dim:
                    sub = None
                dim = self.col_dim = getattr(m, "dimension", None)
                if getattr(m, "subdimension", None):
                    # "2.2. Công khai danh sách hộ nghèo" in the column of indicators: the row's sub-dimension too
                    sub = self.col_sub = getattr(m, "subdimension", None)
                elif (pair := dimension_then_sub(find_indicators_folded(fold(name)))) is not None and pair.dimension == dim:
                    sub = self.col_sub = pair.subdimension  # "Cung ứng dịch vụ công - An ninh, trật tự"
                elif len(name) < 200 and (codes := code_list(fold(name.strip(" *_.")))):
                    # "CSND 5 - nội dung thành phần 5.1": the sub-dimension by its code
                    sub = self.col_sub = next((c for d, c in codes if d == dim and c is not None), None)
            elif (pair := dimension_then_sub(find_indicators_folded(fold(name)))) is not None and pair.exact:
                # "Chỉ số nội dung 5: Thủ tục hành chính công Dịch vụ chứng thực, xác nhận": a group row of one
                # cell run onto the first row's (Word's export), the dimension's name then the row's sub-dimension
                dim, sub = self.col_dim, self.col_sub = pair.dimension, pair.subdimension
            elif len(name) < 200 and (codes := column_codes(fold(name.strip(" *_.")))):
                # "CSND 1, 4", "CSND 5 - nội dung thành phần 5.1", "3" in a "Chỉ số tác động" column: the first code names
                # the row's dimension, the first sub-dimension code under it its sub-dimension
                dim = self.col_dim = codes[0][0]
                sub = self.col_sub = next((c for d, c in codes if d == dim and c is not None), None)
            elif len(name) < 200 and (lc := _LEAD_DIMENSION_CODE.match(fold(name))) is not None:
                # "CSND 2 - nội dung thành phần Công khai danh sách hộ nghèo": the code, then a sub-dimension's name
                dim = self.col_dim = int(lc.group(1))
                para = closest_subdimension(fold(name)[lc.end():], dim)
                sub = self.col_sub = para.subdimension if para is not None else None
        elif self.col_dim is not None and "dimension" in self.cols:
            dim, sub = self.col_dim, self.col_sub  # a blank cell under a merged one
            inherited = True
        col = cells.get("subdimension")
        if col is not None:
            # "Nội dung thành phần" column: the row's own sub-dimension (of the group's dimension, if any)
            name = col.text(self.doc)
            codes = code_list(fold(name.strip(" *_."))) if len(name) < 200 else ()
            if codes:
                # codes ("2.3", "8.1; 5.4", "Chỉ số 8"): the first names the row's dimension, and its sub-dimension
                # is the first code under that dimension (a number names no other thing in this column)
                dim = codes[0][0]
                sub = next((c for d, c in codes if d == dim and c is not None), None)
                self.col_sub = sub
                if "dimension" not in self.cols:
                    self.col_dim = dim if sub is None else None
                m = msub = None
            else:
                m = _indicator(name, self.match)
                msub = getattr(m, "subdimension", None) if m is not None else None
                self.col_sub = None
                whole = column_dimension(name, self.match) if not msub and len(name) < 200 else None
                if (not (msub and _strong(m, name)) and whole is None and dim is not None and len(name) < 200
                        and name.strip()):
                    # "Hiệu quả tương tác với chính quyền" in the column of sub-dimensions under dimension 3's group
                    # row: the column says it is a sub-dimension, so a reworded name is the closest one of dimension 3
                    para = closest_subdimension(fold(name), dim)
                    if para is not None:
                        sub = self.col_sub = para.subdimension
                        m = msub = None
                if whole is not None and (dim is None or dcol is None):
                    # "Chỉ số nội dung 1: Tham gia …" in the sub-dimension column: the row's dimension
                    dim, sub = whole
                    self.col_sub = sub
                    if "dimension" not in self.cols:
                        self.col_dim = dim if sub is None else None
            if msub and _strong(m, name) and (dim is None or str(msub).split(".")[0] == str(dim)):
                dim, sub = getattr(m, "dimension", dim), msub
                self.col_sub = msub
                if "dimension" not in self.cols:
                    self.col_dim = None
        elif self.col_sub is not None and "subdimension" in self.cols and (dim is None or self.col_sub.split(".")[0] == str(dim)):
            dim, sub = int(self.col_sub.split(".")[0]), self.col_sub
            inherited = True
        elif self.col_dim is not None and "subdimension" in self.cols and "dimension" not in self.cols:
            # a blank or "〃" cell under a dimension's name in the sub-dimension column ("Công khai, minh bạch" over
            # its rows): that dimension, no sub-dimension
            dim, sub = self.col_dim, None
            inherited = True
        if "directing" not in cells and self.group_directing is not None:
            cells["directing"] = Cell(list(self.group_directing.parts))
        if "lead" not in cells and self.group_lead is not None:
            cells["lead"] = Cell(list(self.group_lead))
        if self.marks:
            marked = [d for role, d in self.marks if role in cells and _PERIOD_MARK.match(cells[role].text(self.doc))]
            dim, sub, inherited = (marked[0] if marked else None), None, True  # the first dimension it marks
        if label is not None and _LETTER_CELL.match(label):
            parent = next((r for r in reversed(self.rows) if r.kind == "leadin"), None)
            if parent is not None:
                for role, cell in parent.cells.items():
                    if role not in ("number", "text") and role not in cells:
                        cells[role] = Cell(list(cell.parts))  # the lead-in's spanning agency or time cell
        self.rows.append(Row("task", label, cells, raw.start, raw.end, dim, sub,
                             self.grouped or col is not None or dcol is not None or inherited, group=self.group_span))

    def _extend(self, raw: _RawRow) -> None:
        prev = self.rows[-1]
        for role, cell in self._cells(raw).items():
            if role == "number":
                continue
            prev.cells.setdefault(role, Cell()).parts.extend(cell.parts)
        prev.end = max(prev.end, raw.end)


# ---------------------------------------------------------------------------------------------
# Finding tables
# ---------------------------------------------------------------------------------------------


_FOUND: list[Any] = [None, None]  # (the document's NormalizedText, its tables): read once per document


def find_tables(ctx: DocContext, match: Matcher | None = None) -> list[Table]:
    """Every task table of the body, in document order (tab, pipe, one-cell-per-line and space-aligned
    layouts). With the default matcher the answer is kept for the document being parsed: the
    indicators stage reads the tables' dimension columns, the tasks stage their rows."""
    if match is None:
        if _FOUND[0] is ctx.norm and _FOUND[1] is not None:
            return _FOUND[1]  # type: ignore[no-any-return]
        tables = _find_tables(ctx, _default_matcher())
        _FOUND[0], _FOUND[1] = ctx.norm, tables
        return tables
    return _find_tables(ctx, match)


def _find_tables(ctx: DocContext, match: Matcher | None) -> list[Table]:
    doc = ctx.text
    folded = ctx.folded
    lines = ctx.norm.lines
    kinds = [""] * len(lines)
    tables: list[Table] = []
    has_bars = "|" in doc
    has_aligned = "TT " in doc  # every space-aligned header line holds "TT" then a space
    first_chars = _column_first_chars()
    texts = _line_texts(ctx)
    for first, last in body_line_ranges(ctx):
        kinds[first:last] = _line_kinds(texts[first:last])
        bar_starts = dict(_bar_regions(kinds, texts.__getitem__, first, last)) if has_bars else {}
        # Only a tab/pipe row, the start of a bar table or a short line that may name the number or
        # text column can open a table: visit those lines only (every other line just moves on).
        starts = [
            i for i in range(first, last)
            if (k := kinds[i]) == "tab" or k == "pipe" or (k == "text" and (
                i in bar_starts or (lines[i].end - lines[i].start <= 80
                                    and _may_name_column(folded, lines[i].start, lines[i].end, first_chars))))
        ]
        # space-aligned tables of a layout dump ("TT      Nhiệm vụ      Cơ quan chủ …", no tab, no bar)
        aligned = [i for i in range(first, last) if kinds[i] == "text" and _ALIGNED_HEAD.match(texts[i])
                   ] if has_aligned else []
        covered: set[int] = set()  # lines of the space-aligned tables read here
        read_to = first  # headers inside a stretch already read (a repeated header) are not read again
        for i in aligned:
            if i < read_to:
                continue
            t, read_to = _aligned_table(ctx, kinds, i, last, match)
            if t is not None:
                tables.append(t)
                covered.update(range(i, read_to))
        for r in ctx.aligned_tables():  # space-aligned tables with no "TT" column (those with one: above)
            if first <= r.head < last and r.head not in covered:
                t = _region_table(ctx, r, match)
                if t is not None:
                    tables.append(t)
                    covered.update(range(r.head, r.end))
                    aligned.append(r.head)
        for sep in CSV_SEPARATORS:  # tables pasted from a spreadsheet as comma- (or semicolon-) separated values
            if sep not in doc:
                continue
            j = first
            while j < last:
                if j not in covered and kinds[j] == "text" and _may_open_csv(texts[j], sep):
                    t, nxt = _csv_table(ctx, j, last, match, sep)
                    if t is not None:
                        tables.append(t)
                        covered.update(range(j, nxt))
                        aligned.append(j)
                        j = nxt
                        continue
                j += 1
        if aligned:
            tables.sort(key=lambda t: t.start)
        i = first
        for c in starts:
            if c < i:
                continue
            if c in covered:
                continue
            i = c
            k = kinds[i]
            if k in ("tab", "pipe"):
                t, j = _row_table(ctx, kinds, i, last, match)
                if t is not None:
                    tables.append(t)
                i = max(j, i + 1)
                continue
            li = lines[i]
            if i in bar_starts:
                t = _bar_table(ctx, kinds, i, bar_starts[i], match)
                if t is not None:
                    tables.append(t)
                    i = bar_starts[i]
                    continue
            if li.end - li.start <= 80 and _folded_role(folded[li.start : li.end]) in ("number", "text"):
                t, j = _cell_table(ctx, kinds, i, last, match)
                if t is not None:
                    tables.append(t)
                    i = j
                    continue
            i += 1
    _continue_groups(tables, ctx.text)
    _continue_rows(tables, ctx.text)
    _ditto_cells(tables, ctx.text)
    return tables


_CONTINUED_GAP = 300  # characters between a table and its continuation on the next page (page number, running header)


def _continue_groups(tables: list[Table], doc: str) -> None:
    """A table that goes on over a page break, its header printed again, is read as two tables: the rows
    of the second before its first group row belong to the group the first ended in (the dimension is
    set by group rows, and the page break does not end a group). Only for the same columns, with nothing
    but page furniture between the two."""
    ordered = sorted(tables, key=lambda t: t.start)
    for prev, t in zip(ordered, ordered[1:]):
        if t.columns != prev.columns or not prev.rows or t.start - prev.end > _CONTINUED_GAP:
            continue
        if not all(_page_furniture_line(line.strip(), doc) for line in doc[prev.end : t.start].split("\n")):
            continue  # a heading between the two: each table is under its own
        last = prev.rows[-1]
        if last.dimension is None or not last.grouped:
            continue
        for row in t.rows:
            if row.kind in ("group", "subgroup") or row.grouped or row.dimension is not None:
                break
            row.dimension, row.subdimension, row.grouped = last.dimension, last.subdimension, True


def _continue_rows(tables: list[Table], doc: str) -> None:
    """A row cut by a page break, its header printed again: "| 8 | Tổ chức đối thoại … với | | | |" ends one table,
    "|  | người dân có đơn … | Văn phòng … | … | Khi có … |" opens the next. The unnumbered first row, its text going
    on in lower case, is the rest of the row before the break when that row has nothing but its number and text:
    its cells join that row's (same columns, only page furniture between)."""
    ordered = sorted(tables, key=lambda t: t.start)
    for prev, t in zip(ordered, ordered[1:]):
        if t.columns != prev.columns or not prev.rows or not t.rows or t.start - prev.end > _CONTINUED_GAP:
            continue
        k = 0
        if (len(t.rows) > 1 and t.rows[0].kind in ("group", "subgroup")
                and _CONTINUED_ROW.search(t.rows[0].cell_text("text", doc))):
            k = 1  # "I | TRÁCH NHIỆM GIẢI TRÌNH … (tiếp theo)" repeated over the cut row: the same group goes on
        last, first = prev.rows[-1], t.rows[k]
        if last.kind != "task" or first.kind != "task" or not last.label or first.label:
            continue
        if any(role not in ("number", "text") and not c.empty() for role, c in last.cells.items()):
            continue
        text = first.cell_text("text", doc)
        if not text[:1].islower():
            continue
        if not all(_page_furniture_line(line.strip(), doc) for line in doc[prev.end : t.start].split("\n")):
            continue
        for role, c in first.cells.items():
            if role in last.cells:
                last.cells[role].parts.extend(c.parts)
            else:
                last.cells[role] = Cell(list(c.parts))
        t.rows.pop(k)


_CONTINUED_ROW = regex.compile(CONTINUED_MARK + r"[\s*_.]{0,4}$")
_DITTO_ROLES = ("lead", "support", "directing", "deadline")
_NOTE_WINDOW = 400  # characters before a table (after the table before it) where a note on its empty cells stands
_DITTO_STRIP = " \t-–.()[]*_:"


@dataclass(frozen=True, slots=True)
class _DittoVocab:
    cells: frozenset[str]
    empty: tuple[str, ...]
    above: tuple[str, ...]


@lru_cache(maxsize=1)
def _ditto_vocab() -> _DittoVocab:
    raw = data_file("tasks.yaml")
    note = raw["empty_means_above"]
    return _DittoVocab(frozenset(str(w) for w in raw["ditto_cells"]),
                       tuple(str(w) for w in note["empty"]), tuple(str(w) for w in note["above"]))


def _is_ditto(text: str) -> bool:
    t = text.strip(_DITTO_STRIP)
    return 0 < len(t) <= 16 and collapse_ws(fold(t)) in _ditto_vocab().cells


def _empty_note_roles(window: str) -> frozenset[str]:
    """The cells a note says an empty one takes from the row above ("Ô 'Cơ quan chủ trì' để trống là do cơ quan ghi ở
    dòng trên chủ trì"): the roles its column words name, the lead's when it names none."""
    v = _ditto_vocab()
    roles: set[str] = set()
    for line in fold(window).split("\n"):
        if any(w in line for w in v.empty) and any(w in line for w in v.above):
            named = {r for w, r in _ROLE_WORDS if w in line and r in _DITTO_ROLES}
            roles |= named or {"lead"}
    return frozenset(roles)


def _ditto_cells(tables: list[Table], doc: str) -> None:
    """A cell saying "the same as above" ("Như trên", "Nt", "-nt-") takes the cell of its role from the task row
    above; so does an empty cell when a note by the table says empty cells mean the row above (a cell merged
    over rows, its text printed on the first). The rows above go on over a page break with the header printed
    again (same columns, only page furniture between); each other table starts afresh."""
    if not tables:
        return
    ordered = sorted(tables, key=lambda t: t.start)
    above: dict[str, Cell] = {}
    note_roles: frozenset[str] = frozenset()
    prev_end = 0
    prev: Table | None = None
    for t in ordered:
        window = doc[max(prev_end, t.start - _NOTE_WINDOW) : t.start]
        roles = _empty_note_roles(window) if "tr" in window else frozenset()
        chained = (prev is not None and t.columns == prev.columns and t.start - prev.end <= _CONTINUED_GAP
                   and all(_page_furniture_line(line.strip(), doc) for line in doc[prev.end : t.start].split("\n")))
        if chained:
            note_roles |= roles
        else:
            above, note_roles = {}, roles
        for row in t.rows:
            if row.kind != "task":
                continue
            for role in _DITTO_ROLES:
                c = row.cells.get(role)
                if c is None:
                    if role in note_roles and role in above and role in t.columns:
                        row.cells[role] = Cell(list(above[role].parts))
                    continue
                if c.empty():
                    if role in note_roles and role in above:
                        row.cells[role] = Cell(list(above[role].parts))
                elif role in above and _is_ditto(c.text(doc)):
                    row.cells[role] = Cell(list(above[role].parts))
            for role in _DITTO_ROLES:
                c = row.cells.get(role)
                if c is not None and not c.empty():
                    above[role] = c
        prev, prev_end = t, t.end


def _page_furniture_line(line: str, doc: str) -> bool:
    """Blank, a page number ("- 3 -"), no letter at all, or printed more than once (a running header)."""
    from papi_extract.normalize import is_page_number

    return (not line or is_page_number(line) or not any(c.isalpha() for c in line)
            or doc.count(line) >= 2 or _is_continued_caption(line))


def _is_continued_caption(line: str) -> bool:
    """"Phụ lục I (tiếp theo)", a page marker at a running foot's end: printed where a page goes on."""
    from papi_extract.normalize import page_furniture

    return ("tiếp" in line or "TIẾP" in line or "rang" in line) and bool(page_furniture([line]))


def _line_texts(ctx: DocContext) -> list[str]:
    """The text of every line. ``normalize`` cuts the canonical text at "\n" into its lines, so one
    ``split`` gives them all (slicing line by line is the fallback for any other line table)."""
    doc = ctx.text
    lines = ctx.norm.lines
    texts = doc.split("\n")
    if len(texts) == len(lines) and (not lines or (lines[0].start == 0 and lines[-1].end == len(doc))):
        return texts
    return [doc[li.start : li.end] for li in lines]


_HEAD_PUNCT = " \t:.*()"


def _may_name_column(folded: str, start: int, end: int, first_chars: frozenset[str]) -> bool:
    """Cheap necessary test for ``_folded_role(line) in ("number", "text")``: past the blanks and
    the " :.*()" that role lookup strips, the line starts with the first letter of a number or text
    column phrase (any other letter or digit rules it out; other characters go to the full test)."""
    c = folded[start:end].lstrip(_HEAD_PUNCT)[:1]
    return not c.isalnum() or c in first_chars


@lru_cache(maxsize=1)
def _column_first_chars() -> frozenset[str]:
    return frozenset(p[0] for p, role in vocab().headers if role in ("number", "text") and p)


def body_line_ranges(ctx: DocContext) -> list[tuple[int, int]]:
    """Line ranges of the body: before the tail, and again after it (appendices after the signature)."""
    n = len(ctx.norm.lines)
    doc_len = len(ctx.text)
    first = ctx.line_of(ctx.body_start) if ctx.body_start < doc_len else n
    last = n if ctx.body_end < 0 else ctx.line_of(ctx.body_end)
    out = [(first, last)]
    tail_end = getattr(ctx, "tail_end", -1)
    if ctx.body_end >= 0 and isinstance(tail_end, int) and tail_end >= 0:
        out.append((ctx.line_of(tail_end), n))
    return out


def _opens_table(text: str) -> bool:
    """A tab or pipe line whose first cell names the number column ("STT", "TT") and that reads as a header."""
    t = text.strip().strip("|").strip()
    k = min((p for p in (t.find("\t"), t.find("|")) if p > 0), default=-1)
    if k <= 0 or k > 12 or header_role(t[:k].strip()) != "number":
        return False
    return _header_line([c.strip() for c in regex.split(r"\t|\|", t)])


def opens_task_table(text: str) -> bool:
    """``_opens_table`` for a task table: its header names the text column and a lead, support or time column."""
    if not _opens_table(text):
        return False
    t = text.strip().strip("|").strip()
    return _is_task_header([header_role(c.strip()) or "" for c in regex.split(r"\t|\|", t)])


def _row_table(ctx: DocContext, kinds: list[str], i: int, last: int, match: Matcher | None) -> tuple[Table | None, int]:
    """A run of tab/pipe rows starting at line ``i`` (with blank lines and in-table label lines)."""
    doc = ctx.text
    lines = ctx.norm.lines
    layout = "pipe" if kinds[i] == "pipe" else "tab"
    region: list[int] = []
    j = i
    texts = _line_texts(ctx)

    def only_headers(rows: list[int]) -> bool:
        """The lines so far are all column names: a second header line ("STT | … | 1 | 2 | … | 8" under
        "STT | … | Chỉ số nội dung tác động") goes on the header, it opens no new table."""
        for li in rows:
            if kinds[li] in ("tab", "pipe"):
                s, e = lines[li].start, lines[li].end
                vals = (_pipe_cells(doc, s, e) if kinds[li] == "pipe" else _tab_cells(doc, s, e))[1]
                if not _header_line(vals):
                    return False
        return True

    furniture = ctx.page_furniture()
    while j < last:
        k = kinds[j]
        if j in furniture and j > i:
            j += 1  # "Trang 2/4", "Phụ lục I (tiếp theo)" where a page breaks the table: no row of it
            continue
        if k in ("tab", "pipe") and j > i and region and _opens_table(texts[j]) and not only_headers(region):
            break  # the header of the next table ("STT | Nội dung nhiệm vụ | …" after a score table)
        if k in ("tab", "pipe", "sep", "blank"):
            region.append(j)
            j += 1
            continue
        if k == "text" and _sandwiched(ctx, kinds, j, last):
            region.append(j)
            j += 1
            continue
        break
    while region and kinds[region[-1]] == "blank":
        region.pop()
    end_line = region[-1] + 1 if region else i + 1

    def cells_of(li: int) -> tuple[list[tuple[int, int]], list[str]]:
        s, e = lines[li].start, lines[li].end
        k = kinds[li]
        if k == "pipe":
            return _pipe_cells(doc, s, e)
        if k == "tab":
            return _tab_cells(doc, s, e)
        a, b = _strip_span(doc, s, e)
        return [(a, b)], [doc[a:b]]

    # header: the leading table lines whose filled cells are all header words
    header: list[list[str]] = []
    header_lines: list[int] = []
    body_start_idx = 0
    for idx, li in enumerate(region):
        if kinds[li] in ("blank", "sep"):
            if header:
                body_start_idx = idx + 1
            continue
        vals = cells_of(li)[1]
        if _header_line(vals):
            header.append(vals)
            header_lines.append(li)
            body_start_idx = idx + 1
            continue
        break
    if not header:
        return None, end_line
    cols = _columns_from_header(header)
    body = [li for li in region[body_start_idx:] if kinds[li] not in ("blank", "sep")]
    assigned: dict[int, tuple[int, int]] = {}
    if "other" in cols or "" in cols:
        assigned = _assignment_columns(doc, lines[i].start, cols, [cells_of(li) for li in header_lines],
                                       [cells_of(li)[1] for li in body])
    if not _is_task_header(cols):
        return None, end_line
    b = _Builder(doc, cols, match, assigned)
    for li in reversed(header_lines):
        b.header_periods(*cells_of(li))
    if b.num_col < 0:
        # no number column (rows named by their indicator, or only text and agencies, "ND | CT | PH | TG"): a
        # capitalised row with cells of its own is a new row, never the continuation of the one above
        b.unnumbered = True
    elif b.num_col >= 0 and len(body) >= _MIN_UNNUMBERED_ROWS:
        b.unnumbered = not any(len(vals) > b.num_col and vals[b.num_col].strip()
                               for vals in (cells_of(li)[1] for li in body if kinds[li] in ("pipe", "tab")))
    blank = False
    for li in region[body_start_idx:]:
        k = kinds[li]
        if k == "blank":
            blank = True
            continue
        if k == "sep":
            continue
        spans, vals = cells_of(li)  # a label line without separators sits in the first column
        if (0 < b.num_col < len(cols) and len(vals) == len(cols) - b.num_col and k in ("tab", "pipe")
                and _NUMBER_CELL.match(vals[0].strip())):
            # a row under a cell merged down the columns before the number's ("Chỉ số thành phần" spanning rows):
            # the export dropped the covered cells, the row starts at its number (odfpy)
            pad = b.num_col
            spans = [(lines[li].start, lines[li].start)] * pad + list(spans)
            vals = [""] * pad + list(vals)
        b.add(_RawRow(spans, lines[li].start, lines[li].end, blank, vals))
        blank = False
    rows = b.rows
    if not any(r.kind == "task" for r in rows):
        return None, end_line
    start = lines[i].start
    end = lines[end_line - 1].end
    return Table(layout, cols, rows, start, end, b.has_groups, b.orphans), end_line


# ---------------------------------------------------------------------------------------------
# Space-aligned tables (pdftotext -layout): cells are runs of text separated by 2+ spaces, a cell's
# text wraps onto the lines below at the same column.
# ---------------------------------------------------------------------------------------------

# a header line: "TT" or "STT" first, then at least two more cells separated by two or more spaces
_ALIGNED_HEAD = regex.compile(r"^[ ]{0,40}S?TT[ ]{1,60}\S[^\n]{0,300}?[ ]{2,60}\S")
_CHUNK = regex.compile(r"\S+(?: \S+)*")  # a run of words with single spaces: one cell piece
# "STT Chỉ số nội dung": a number column as wide as its name plus one space, glued to the next name
_GLUED_NUMBER = regex.compile(r"S?TT\.? (?=\S)")


def cell_pieces(line: str) -> list[tuple[int, int]]:
    """(start, end) of each run of text separated by two or more spaces (one space stays inside a cell):
    the cells of a space-aligned line, for every stage that reads one."""
    return [(m.start(), m.end()) for m in _CHUNK.finditer(line)]


def header_pieces(line: str) -> list[tuple[int, int]]:
    """The cells of a space-aligned header line: ``cell_pieces``, except that a first piece "STT
    Chỉ số nội dung" is two columns when the rest names one (the number column was only as wide as
    its name, so one space parts it from the next; the rows' numbers and names fall under each)."""
    pieces = cell_pieces(line)
    if pieces:
        a, b = pieces[0]
        m = _GLUED_NUMBER.match(line, a, b)
        if m is not None and header_role(line[m.end() : b]) not in (None, "number"):
            pieces = [(a, m.end() - 1), (m.end(), b), *pieces[1:]]
    return [q for a, b in pieces for q in _glued_names(line, a, b)]


def _glued_names(line: str, a: int, b: int) -> list[tuple[int, int]]:
    """A header piece that holds two column names parted by one space ("Cơ quan chủ trì Cơ quan phối hợp", a
    layout dump squeezing the columns) as its two names: cut where both halves name different columns."""
    piece = line[a:b]
    if piece.count(" ") < 3 or len(piece) > 2 * _MAX_HEAD_CELL:
        return [(a, b)]
    at = 0
    while (at := piece.find(" ", at + 1)) > 0:
        left, right = header_role(piece[:at]), header_role(piece[at + 1 :])
        if left is not None and right is not None and left != right and piece[at + 1 : at + 2].isupper():
            return [(a, a + at), (a + at + 1, b)]
    return [(a, b)]


def _aligned_table(ctx: DocContext, kinds: list[str], i: int, last: int,
                   match: Matcher | None) -> tuple[Table | None, int]:
    """The space-aligned table whose header line is ``i`` and the line after it (None when the header
    names no task table).

    Header: the first line's cells give the columns; the lines right below it (up to a blank line)
    add the wrapped rest of those cells ("Cơ quan chủ" / "trì"). Body: each line's pieces go to the
    column whose header starts nearest (the number column only takes a label, the text column any
    piece left of the third column), and the rows are built by the same builder as the other
    layouts, which joins a row's wrapped lines. A repeated header after a page break and a page
    number line are skipped; the table ends at a line whose first piece starts left of the table.
    """
    lines = ctx.norm.lines
    texts = _line_texts(ctx)
    doc = ctx.text
    head = header_pieces(texts[i])
    if len(head) < 3:
        return None, i + 1
    starts = [a for a, _ in head]
    names = [texts[i][a:b] for a, b in head]
    first = i  # the header's first line
    above = _header_above(texts, kinds, i, starts, names)
    if above is not None:
        starts, names = above
        first = i - 1
    j = i + 1
    if j < last and kinds[j] == "text" and (split := _sub_header(texts[j], starts, names)) is not None:
        starts, names = split  # "Thời gian thực hiện" over "Bắt đầu | Hoàn thành": two columns, not one name
        j += 1
    while j < last and kinds[j] == "text":  # the wrapped rest of the header cells
        ps = cell_pieces(texts[j])
        # a row right under the header (no blank line between): a label, a long cell, or a group row naming
        # an indicator ("Thủ tục hành chính công" under "TT"), is no header
        if not ps or _is_label(texts[j][ps[0][0] : ps[0][1]]) or any(b - a > _MAX_HEAD_CELL for a, b in ps):
            break
        if len(ps) == 1 and _group_like(texts[j][ps[0][0] : ps[0][1]]):
            break
        for a, b in ps:
            k = _nearest(starts, a)
            names[k] = f"{names[k]} {texts[j][a:b]}"
        j += 1
    cols = [header_role(n) or "" for n in names]
    if cols[0] != "number" or not _is_task_header(cols):
        return None, i + 1
    header_end = j
    if _unaligned(texts, header_end, last, starts):
        return _ordered_table(ctx, kinds, i, header_end, last, cols, match)
    builder = _Builder(doc, cols, match)
    text_col = cols.index("text")
    table_end = header_end
    left = min(starts) - 4
    j = header_end
    entries: list[tuple[int, bool, list[tuple[int, int]]]] = []  # (line, blank before, cell spans)
    while (at := _next_table_line(texts, kinds, j, last)) is not None:
        j, blank = at
        t = texts[j]
        pieces = cell_pieces(t)
        if pieces[0][0] < left:
            break
        if blank and pieces[0][0] < starts[0] - 1 and not _is_label(t[pieces[0][0] : pieces[0][1]]):
            break  # after a blank line, text starting left of the number column: the text after an indented table
        if (j in ctx.heading_lines or (blank and len(pieces) == 1)) and _SECTION_HEAD.match(t):
            # "IV. TỔ CHỨC THỰC HIỆN" at the table's indent (a layout dump's margin), or "6. CUNG ỨNG DỊCH VỤ CÔNG"
            # alone on its line after a blank one: the next section
            break
        if j + 1 < last and _ALIGNED_HEAD.match(texts[j + 1]) and all(b - a <= _MAX_HEAD_CELL for a, b in pieces):
            j += 1  # the upper line of the header printed again ("Thời gian thực   Sản phẩm / kết")
            continue
        if _ALIGNED_HEAD.match(t):  # the header again after a page break, with its wrapped lines
            j += 1
            while j < last and kinds[j] == "text" and not _is_label(texts[j].split()[0]):
                if all(header_role(texts[j][a:e]) or len(texts[j][a:e]) < 12 for a, e in cell_pieces(texts[j])):
                    j += 1
                    continue
                break
            continue
        base = lines[j].start
        spans: list[tuple[int, int]] = [(base, base)] * len(cols)
        for n, (a, e) in enumerate(pieces):
            piece = t[a:e]
            if n == 0 and _is_label(piece) and a <= starts[0] + 3:
                k = 0
            elif (n == 0 and len(pieces) == 1 and a <= starts[0] + 1 and text_col > 0
                    and starts[text_col] - starts[0] >= _SPAN_FROM_NUMBER_GAP):
                # a line's only text starting in the number column, left of where the text column's do: a
                # group row merged across the columns ("Cung ứng dịch vụ công" under "TT"; inscriptis, -layout)
                k = 0
            else:
                k = _nearest(starts[1:], a) + 1
                if k > text_col and a < starts[min(text_col + 1, len(starts) - 1)] - 6:
                    k = text_col  # the text column's pieces start far left of its centred header
                elif 0 < k < text_col and len(pieces) <= 2 and e > starts[k + 1] + 2:
                    k = text_col  # a group row's name running over the columns before the text ("III  CHỈ SỐ …")
                # a cell squeezed against the next column with one space ("… Nhân dân về Phòng Nội vụ",
                # "Phòng Tài chính - UBND các xã, thị"): the rest goes to the columns it runs into
                while k >= text_col:
                    # (the next column's cell may be empty: a later column's cell may be the one run into)
                    nxt = next(((m, c) for m in range(k + 1, len(starts))
                                if (c := _overflow_cut(t, a, e, starts[m], cols[m])) is not None), None)
                    if nxt is None:
                        break
                    m, cut = nxt
                    pa, pb = spans[k]
                    spans[k] = (base + a, base + cut - 1) if pb <= pa else (pa, base + cut - 1)
                    a, k = cut, m
            pa, pb = spans[k]
            spans[k] = (base + a, base + e) if pb <= pa else (pa, base + e)
        entries.append((j, blank, spans))
        table_end = j + 1
        j += 1
    _lift_centred_labels(entries, doc, lines)
    _lift_centred_item_rows(entries, doc, text_col)
    _lift_unparted_labels(entries, doc, text_col)
    for j, blank, spans in entries:
        builder.add(_RawRow(spans, lines[j].start, lines[j].end, blank))
    if not any(r.kind == "task" for r in builder.rows):
        return None, max(table_end, i + 1)
    table = Table("aligned", cols, builder.rows, lines[first].start, lines[table_end - 1].end, builder.has_groups, builder.orphans)
    return table, table_end


def _unlabelled_group(text: str) -> str:
    """A group row's name without its label."""
    if text[:1] in "-–—•+*":
        return _group_name(text)  # "- Nội dung thành phần: Y tế công lập"
    if (lm := _NAME_LABEL.match(text)) is not None:
        return text[lm.end() :].strip()  # "Chỉ số nội dung 8: Quản trị điện tử"
    k = text.find(":", 0, 40)
    if k > 0 and header_role(text[:k]) in ("subdimension", "dimension"):
        return text[k + 1 :].strip()  # "Nội dung thành phần: Tiếp cận thông tin"
    return text


def _sub_header(line: str, starts: list[int], names: list[str]) -> tuple[list[int], list[str]] | None:
    """A header's second row that parts columns of the first ("Thời gian thực hiện" over "Bắt đầu   Hoàn thành",
    "Đơn vị thực hiện" over "Chủ trì   Phối hợp"): the columns with the parted ones replaced by their parts, each
    named by its own role word or else by its parent's ("Bắt đầu" under a time column is a time column). None
    when no column is parted in two or more, or a piece has no role either way (the wrapped rest of names)."""
    pieces = cell_pieces(line)
    if len(pieces) < 2 or any(b - a > _MAX_HEAD_CELL or any(c.isdigit() for c in line[a:b]) for a, b in pieces):
        return None
    under: dict[int, list[tuple[int, int]]] = {}
    for a, b in pieces:
        under.setdefault(_nearest(starts, a), []).append((a, b))
    if not any(len(v) >= 2 for v in under.values()):
        return None
    new_starts: list[int] = []
    new_names: list[str] = []
    for k, (st, name) in enumerate(zip(starts, names, strict=True)):
        subs = under.get(k, [])
        if len(subs) < 2:
            new_starts.append(st)
            new_names.append(f"{name} {line[subs[0][0] : subs[0][1]]}" if subs else name)
            continue
        for a, b in subs:
            sub = line[a:b]
            named = sub if header_role(sub) else f"{name} {sub}"
            if not header_role(named):
                return None
            new_starts.append(a)
            new_names.append(named)
    return new_starts, new_names


_SPAN_FROM_NUMBER_GAP = 6  # the number column this wide at least before a group row is told by where it starts
_HEAD_ABOVE_GAP = 8  # a piece of the line above the header starting this far right of the last column is a column


def _header_above(texts: list[str], kinds: list[str], i: int, starts: list[int],
                  names: list[str]) -> tuple[list[int], list[str]] | None:
    """The header with the line right above its "TT" line, when that line holds the upper part of names
    centred over two or three lines ("Thời gian thực" / "TT … Cơ quan phối hợp" / "hiện"): its pieces
    right of the last column are columns of their own, the others go before the nearest column's name.
    None unless that line is short pieces only and every column then names a role."""
    if i == 0 or kinds[i - 1] != "text" or not texts[i - 1].strip():
        return None
    pieces = cell_pieces(texts[i - 1])
    if not pieces or any(b - a > _MAX_HEAD_CELL for a, b in pieces) or _is_label(texts[i - 1][pieces[0][0] : pieces[0][1]]):
        return None
    new_starts, new_names = list(starts), list(names)
    for a, b in pieces:
        piece = texts[i - 1][a:b]
        if a > starts[-1] + _HEAD_ABOVE_GAP and a > new_starts[-1] + _HEAD_ABOVE_GAP:
            new_starts.append(a)
            new_names.append(piece)
        else:
            k = _nearest(new_starts, a)
            new_names[k] = f"{piece} {new_names[k]}"
    if len(new_starts) == len(starts) or not all(header_role(n) for n in new_names[len(starts):]):
        return None
    return new_starts, new_names


def _lift_centred_item_rows(entries: list[tuple[int, bool, list[tuple[int, int]]]], doc: str, text_col: int) -> None:
    """A row whose text cell is a list of items centred on its number ("- Hướng dẫn … VNeID;" / "10 | | UBND …" /
    "- Hướng dẫn … trực tuyến."): its label line holds no text, and the items' lines above it, which would
    continue the row before, are the row's own. The label line is moved up before them (rows unparted by blank
    lines; a row's prose, not items, above its label stays where it is)."""
    n = 0
    while n < len(entries):
        _, blank, spans = entries[n]
        a, b = spans[0]
        ta, tb = spans[text_col]
        if n == 0 or b <= a or not _is_label(doc[a:b].strip()) or tb > ta or blank:
            n += 1
            continue
        k = n
        while k > 0 and not entries[k][1]:
            pj, pblank, pspans = entries[k - 1]
            only_text = all(y <= x for c, (x, y) in enumerate(pspans) if c != text_col) and pspans[text_col][1] > pspans[text_col][0]
            if not only_text:
                break
            k -= 1
            if pblank:
                break
        first_item = next((m for m in range(k, n) if _LIST_ITEM.match(doc[entries[m][2][text_col][0] : entries[m][2][text_col][1]])), None)
        if first_item is not None and first_item > 0:
            row = entries.pop(n)
            entries.insert(first_item, (row[0], entries[first_item][1], row[2]))
        n += 1


_SECTION_HEAD = regex.compile(r"^[ \t]{0,20}(?:[IVX]{1,5}|\d{1,2})\.[ \t]{1,4}\p{Lu}")


def _overflow_cut(line: str, a: int, e: int, next_start: int, next_role: str) -> int | None:
    """Where a piece that runs past the next column's start goes on into that column (a layout dump leaves one
    space when a cell pushes the next one right): for an agency column the first capitalised word at or after
    that start that opens an agency's name, for the time column the first word there. None when the piece
    stays in its column."""
    from papi_extract.agencies import has_known_head

    if e <= next_start + 2 or next_role not in ("lead", "support", "deadline"):
        return None
    at = line.find(" ", max(a + 1, next_start - 2) - 1)
    while 0 <= at < e - 1:
        w = at + 1
        if next_role == "deadline":
            if w >= next_start - 1 and (line[w : w + 1].isupper() or line[w : w + 1].isdigit()) and _parses_as_time(line[w:e]):
                return w  # ("thị" / "trấn", "Đào tạo" are an agency's name going on, not a time)
        elif line[w : w + 1].isupper() and has_known_head(line[w:e]):
            return w
        at = line.find(" ", w)
    return None


def _parses_as_time(text: str) -> bool:
    """The text opens with a time a deadline cell holds ("Quý III/2024", "Năm 2024", "Thường xuyên"), read by the
    deadline parser. (``run_tables._opens_time`` answers a looser question from its word list, which takes
    "trong", "đến", "từ" too: too loose where squeezed cells put an agency's words there.)"""
    from papi_extract.deadlines import parse_deadlines

    words = text[:_TIME_CELL_MAX].split()
    found = parse_deadlines(" ".join(words[:_TIME_HEAD_WORDS]))  # (a cell reading takes a whole text as the time's)
    # a bare year is a time in a cell only ("Năm 2024"), read on the first two words alone ("Đào tạo" is none)
    return (bool(found) and found[0].span[0] == 0) or bool(parse_deadlines(" ".join(words[:2]), cell=True))


_TIME_CELL_MAX = 60
_TIME_HEAD_WORDS = 4


def _lift_unparted_labels(entries: list[tuple[int, bool, list[tuple[int, int]]]], doc: str, text_col: int) -> None:
    """A layout dump centres a row's number on its middle line, and no blank line parts the rows: the row opens
    at the capitalised text line above its label ("Tổ chức hội nghị đối thoại giữa Chủ" / "1   tịch UBND …"),
    the lines between it and the label (the row's other cells, its text going on in lower case) are the row's.
    Each such label moves up to its row's first line, when two labels or more stand so; a label on a line
    whose text opens in capitals is on its row's first line already."""
    def text_of(n: int) -> str:
        ta, tb = entries[n][2][text_col]
        return doc[ta:tb].strip() if tb > ta else ""

    def label_of(n: int) -> str:
        a, b = entries[n][2][0]
        return doc[a:b].strip() if b > a else ""

    moves: list[tuple[int, int]] = []
    for n in range(1, len(entries)):
        if not _NUMBER_CELL.match(label_of(n)) or entries[n][1] or text_of(n)[:1].isupper():
            continue
        k = n - 1
        top = None
        while k >= 0 and not label_of(k) and not entries[k + 1][1]:
            t = text_of(k)
            if t[:1].isupper():
                top = k
                break
            k -= 1
        if top is not None:
            moves.append((n, top))
    if len(moves) < 2:
        return
    for n, top in moves:
        _move_label(entries, n, top, entries[n][2][0][0])


def _lift_centred_labels(entries: list[tuple[int, bool, list[tuple[int, int]]]], doc: str, lines: list[Any]) -> None:
    """A layout dump centres a row's number in its cell: "1" sits on the row's middle line, below the
    first lines of its text. When rows are parted by blank lines, each holding at most one label, and
    labels stand below their row's first line, each label is moved up to its row's first line (its
    own line keeps an empty number cell), so the row opens where its text does."""
    blocks: list[list[int]] = []
    for n, (_, blank, _) in enumerate(entries):
        if blank or not blocks:
            blocks.append([n])
        else:
            blocks[-1].append(n)
    if len(blocks) < 2:
        return

    def label_lines(block: list[int]) -> list[int]:
        out = []
        for n in block:
            a, b = entries[n][2][0]
            if b > a and _is_label(doc[a:b].strip()):
                out.append(n)
        return out

    found = [label_lines(bl) for bl in blocks]
    if any(len(f) > 1 for f in found) or sum(1 for bl, f in zip(blocks, found, strict=True) if f and f[0] != bl[0]) < 2:
        return
    for bl, f in zip(blocks, found, strict=True):
        if not f or f[0] == bl[0]:
            continue
        top, at = bl[0], f[0]
        _move_label(entries, at, top, lines[entries[at][0]].start)


def _move_label(entries: list[tuple[int, bool, list[tuple[int, int]]]], at: int, top: int, empty: int) -> None:
    """Entry ``at``'s number cell moved to entry ``top`` (its row's first line); ``at`` keeps an empty one."""
    j_top, blank_top, spans_top = entries[top]
    j_at, blank_at, spans_at = entries[at]
    spans_top = list(spans_top)
    spans_at = list(spans_at)
    spans_top[0] = spans_at[0]
    spans_at[0] = (empty, empty)
    entries[top] = (j_top, blank_top, spans_top)
    entries[at] = (j_at, blank_at, spans_at)


def _region_table(ctx: DocContext, region: AlignedRegion, match: Matcher | None) -> Table | None:
    """The task table of a space-aligned region with no number column (None for a score table).

    Rows are parted by blank lines (a line right under another is the same row, its cells wrapped
    within their columns); in a table with no blank line between rows a line whose text cell starts
    in upper case opens a row. A row of one piece in the first column that names a PAPI indicator
    is a group row ("1. THAM GIA …" sets the dimension, "Nội dung thành phần: …" the sub-dimension).
    """
    texts = _line_texts(ctx)
    lines = ctx.norm.lines
    doc = ctx.text
    starts = list(region.starts)
    names = [""] * len(starts)
    for j in range(region.head, region.body):  # the header's lines, each piece under its column
        for a, b in header_pieces(texts[j]) if j == region.head else cell_pieces(texts[j]):
            k = _nearest(starts, a)
            names[k] = f"{names[k]} {texts[j][a:b]}".strip()
    cols = [header_role(n) or "" for n in names]
    if not _is_task_header(cols) or "number" in cols:
        return None  # a score table, or a "TT" table (read by ``_aligned_table``)
    text_col = cols.index("text")
    body = range(region.body, region.end)
    filled = [j for j in body if texts[j].strip()]
    blank_rows = any(not texts[j].strip() for j in range(filled[0], filled[-1])) if filled else False
    builder = _Builder(doc, cols, match)
    blank = True
    for j in body:
        t = texts[j]
        if not t.strip() or is_page_number(t) or "\f" in t:
            blank = blank or not t.strip()
            continue
        pieces = cell_pieces(t)
        base = lines[j].start
        spans: list[tuple[int, int]] = [(base, base)] * len(cols)
        for a, e in pieces:
            k = _nearest(starts, a)
            pa, pb = spans[k]
            spans[k] = (base + a, base + e) if pb <= pa else (pa, base + e)
        raw = _RawRow(spans, base, lines[j].end, blank)
        a0, e0 = pieces[0]
        if (len(pieces) == 1 and (blank or not blank_rows) and abs(a0 - starts[0]) <= _COLUMN_SLACK
                and _group_like(t[a0:e0])):
            m = _GROUP_LABEL.match(t[a0:e0])
            name_at = a0 + m.end() if m else a0
            colon = t.find(":", name_at, min(e0, name_at + 40))  # "Nội dung thành phần: Y tế công lập"
            if colon >= 0 and t[colon + 1 : e0].strip():
                name_at = colon + 1 + len(t[colon + 1 : e0]) - len(t[colon + 1 : e0].lstrip())
            builder._group(raw, t[name_at:e0], (base + name_at, base + e0), roman=False, numbered=m is not None)
        else:
            ta, tb = spans[text_col]
            head = doc[ta:tb][:1]
            new = blank if blank_rows else (tb > ta and (head.isupper() or head.isdigit()))
            prev = builder.rows[-1] if builder.rows else None
            if not new and prev is not None and prev.kind == "task":
                builder._extend(raw)
            elif tb > ta:
                builder._task(raw, None)
            else:
                builder.orphans.append((raw.start, raw.end))  # agency/time cells under a group row
        blank = False
    if not any(r.kind == "task" for r in builder.rows):
        return None
    end_line = filled[-1] if filled else region.head
    return Table("aligned", cols, builder.rows, lines[region.head].start, lines[end_line].end, builder.has_groups, builder.orphans)


def _row_pieces(line: str) -> list[tuple[int, int]]:
    """The pieces of an OCR'd row without the table's ruling read as "|" (a piece of its own, or at
    either end of one)."""
    out: list[tuple[int, int]] = []
    for a, b in cell_pieces(line):
        piece = line[a:b]
        core = piece.strip("| ")
        if not core:
            continue
        a += len(piece) - len(piece.lstrip("| "))
        out.append((a, a + len(core)))
    return out


_UNALIGNED_SHARE = 0.6  # of a table's wrapped lines, this share starting left of the text column: no columns


def _unaligned(texts: list[str], first: int, last: int, starts: list[int]) -> bool:
    """The rows of a "TT" table keep their cells' order but not their columns (OCR of a scan): a row's
    wrapped lines start at the left edge, under its number, not under its text as a layout dump's do
    ("1   Tuyên truyền …" / "dân chủ ở cơ sở …")."""
    text_starts: list[int] = []
    wrapped: list[int] = []
    for j in range(first, min(last, first + 200)):
        ps = _row_pieces(texts[j])
        if not ps:
            continue
        if ps[0][0] < starts[0] - 1:
            break  # a line starting left of the number column: the text after the table (an indented table)
        if _is_label(texts[j][ps[0][0] : ps[0][1]]):
            if len(ps) >= 2 and _NUMBER_CELL.match(texts[j][ps[0][0] : ps[0][1]]):
                text_starts.append(ps[1][0])
        elif not (len(ps) == 1 and _group_like(texts[j][ps[0][0] : ps[0][1]])):
            wrapped.append(ps[0][0])  # (a group row spanning the table starts at its left edge in any layout)
    if len(text_starts) < 2 or len(wrapped) < 2:
        return False
    text_at = sorted(text_starts)[len(text_starts) // 2]
    left = sum(1 for a in wrapped if a <= text_at - 2)
    return left >= _UNALIGNED_SHARE * len(wrapped)


@lru_cache(maxsize=1)
def _cell_endings() -> tuple[frozenset[str], frozenset[str], frozenset[str], tuple[str, ...]]:
    """(words after which a cell's text goes on, agency heads that need a name after them, place
    words, complete department names) for deciding which cells an OCR'd row's wrapped line continues."""
    raw = data_file("tasks.yaml")["ordered_cells"]
    names = data_file("agencies.yaml")["names"]
    return (frozenset(fold(w) for w in raw["open_words"]), frozenset(fold(w) for w in raw["open_heads"]),
            frozenset(fold(w) for w in raw["place_words"]), tuple(sorted({fold(n) for n in names}, key=len, reverse=True)))


_ORDERED_MAX_COLUMNS = 8  # choices weighed: C(8, 4) = 70 at most per wrapped line
_TIME_PIECE = regex.compile(r"\d|(?i:quý|năm|tháng|ngày)")
_ENDS_TIME = regex.compile(r"(?:\d{4}|\d{1,2}/\d{1,2})\W{0,2}$")


def _openness(cell: str, piece: str) -> int:
    """How much a cell's text asks to go on with ``piece``: 2 when it stops on a word that needs more
    ("và", "các", "thị", "Trước ngày", "UBND"), -1 when it is complete (a department's whole name, a
    place word, a date) unless the piece is only a place word, -2 when the piece would repeat its last
    word, else 0."""
    opens, heads, places, names = _cell_endings()
    f = collapse_ws(fold(cell)).rstrip()
    if not f:
        return -1
    words = f.split(" ")
    last = words[-1]
    first = collapse_ws(fold(piece)).split(" ")[0]
    if last == first:
        return -2
    if f[-1] in "-,;&" or last in opens or last in heads or " ".join(words[-2:]) in heads:
        return 2
    if _ENDS_TIME.search(cell) is not None:
        return -1  # a time cell ends on its date or year: no place word follows it
    bare = f.rstrip(" .")
    if last in places or any(bare.endswith(n) for n in names):
        return 0 if first in places else -1
    return 0


def _ordered_columns(cells: list[str], pieces: list[str], roles: list[str]) -> list[int]:
    """Which of the candidate columns (``cells``: their texts so far) the wrapped pieces continue, in
    order: the increasing choice whose cells most ask to go on (a time piece fits the time column); on
    a tie, the rightmost."""
    n, m = len(cells), len(pieces)
    if m >= n or n > _ORDERED_MAX_COLUMNS:
        return list(range(n))[:m]  # every column goes on, or too many to weigh: in order
    best: tuple[int, tuple[int, ...]] | None = None
    for combo in itertools.combinations(range(n), m):
        score = 0
        for k, p in zip(combo, pieces, strict=True):
            score += _openness(cells[k], p)
            if roles[k] == "deadline" and _TIME_PIECE.search(p):
                score += 1
        key = (score, combo)
        if best is None or key > best:
            best = key
    return list(best[1]) if best else []


def _ordered_table(ctx: DocContext, kinds: list[str], i: int, body: int, last: int, cols: list[str],
                   match: Matcher | None) -> tuple[Table | None, int]:
    """A "TT" table whose rows keep their cells' order but not their columns (``_unaligned``).

    A line opening with a row number (or a Roman group number) holds the row's cells in column order;
    a line "a) …" naming a PAPI sub-dimension is a sub-group row; any other line continues the row:
    its first piece the text cell, the others the cells that most ask to go on (``_ordered_columns``).
    The table ends at a blank line followed by a line that opens no row.
    """
    texts = _line_texts(ctx)
    lines = ctx.norm.lines
    doc = ctx.text
    b = _Builder(doc, cols, match)
    text_col = cols.index("text")
    others = [k for k, c in enumerate(cols) if c and k not in (0, text_col)]
    end = body
    j = body
    while (at := _next_table_line(texts, kinds, j, last)) is not None:
        j, blank = at
        t = texts[j]
        ps = _row_pieces(t)
        if not ps:
            j += 1
            continue
        base = lines[j].start
        first = t[ps[0][0] : ps[0][1]]
        spans: list[tuple[int, int]] = [(base, base)] * len(cols)
        if _is_label(first):
            for k, (a, e) in enumerate(ps[: len(cols)]):
                spans[k] = (base + a, base + e)
            if len(ps) > len(cols):  # more pieces than columns: the rest is the last cell's
                spans[-1] = (spans[-1][0], base + ps[-1][1])
            b.add(_RawRow(spans, base, lines[j].end, blank))
        elif blank and end > body:
            break  # after a blank line, a line that opens no row: the text after the table
        elif len(ps) == 1 and (lm := _LETTER_LABEL.match(first)) and _group_like(first[lm.end():]):
            a0 = ps[0][0] + lm.end()
            b._group(_RawRow(spans, base, lines[j].end, blank), t[a0 : ps[0][1]], (base + a0, base + ps[0][1]), roman=False)
        else:
            prev = b.rows[-1] if b.rows else None
            spans[text_col] = (base + ps[0][0], base + ps[0][1])
            rest = ps[1:]
            if rest and prev is not None and prev.kind == "task":
                chosen = _ordered_columns([prev.cell_text(cols[k], doc) for k in others],
                                          [t[a:e] for a, e in rest], [cols[k] for k in others])
                for k, (a, e) in zip(chosen, rest, strict=False):
                    spans[others[k]] = (base + a, base + e)
            if prev is not None and prev.kind == "task":
                b._extend(_RawRow(spans, base, lines[j].end, blank))
            else:
                b.orphans.append((base, lines[j].end))
        end = j + 1
        j += 1
    if not any(r.kind == "task" for r in b.rows):
        return None, max(end, i + 1)
    return Table("aligned", cols, b.rows, lines[i].start, lines[end - 1].end, b.has_groups, b.orphans), end


_LETTER_LABEL = regex.compile(r"^[a-zđ]\)\s{1,4}(?=\S)")


# ---------------------------------------------------------------------------------------------
# Comma-separated tables pasted from a spreadsheet ("STT,Nội dung công việc,Chủ trì,…")
# ---------------------------------------------------------------------------------------------

_CSV_MIN_COMMAS = 3
# the separators of a sheet's values: the comma, and the semicolon spreadsheets write where the comma is the decimal
# mark ("5,09" in a Vietnamese-locale export)
CSV_SEPARATORS = (",", ";")
_CSV_MAX_RECORD = 4000  # characters one record may run over (a quoted cell with line breaks)


def csv_record(doc: str, pos: int, end: int, sep: str = ",") -> tuple[list[tuple[int, int]], int] | None:
    """The cells (spans inside their quotes) of the record starting at ``pos`` whose cells ``sep`` separates (a comma,
    or a semicolon as spreadsheets write for locales whose decimal mark is the comma), and where the next record
    starts; None when a quote never closes. A quoted cell may hold separators, line breaks and doubled quotes; the
    record ends at a line break outside quotes. One pass: linear."""
    cells: list[tuple[int, int]] = []
    i = pos
    limit = min(end, pos + _CSV_MAX_RECORD, len(doc))  # (the last line has no line break after it)
    while True:
        if i < limit and doc[i] == '"':
            a = i + 1
            j = a
            while True:
                q = doc.find('"', j, limit)
                if q < 0:
                    return None
                if q + 1 < limit and doc[q + 1] == '"':
                    j = q + 2  # a doubled quote inside the cell
                    continue
                break
            cells.append((a, q))
            i = q + 1
        else:
            nl = doc.find("\n", i, limit)
            stop = nl if nl >= 0 else limit
            c = doc.find(sep, i, stop)
            b = c if c >= 0 else stop
            cells.append((i, b))
            i = b
        if i < limit and doc[i] == sep:
            i += 1
            continue
        nl = doc.find("\n", i, limit)
        return cells, (nl + 1 if nl >= 0 else limit)


def _csv_table(ctx: DocContext, i: int, last: int, match: Matcher | None, sep: str = ",") -> tuple[Table | None, int]:
    """The ``sep``-separated table whose header record is line ``i`` (None when it names no task table).

    Each record's cells go to the header's columns; a record spread over several lines by a quoted
    cell gives one row whose cells keep a part per line. The table ends at a blank line or at a
    line that is no record of as many cells as the header."""
    lines = ctx.norm.lines
    doc = ctx.text
    head = csv_record(doc, lines[i].start, lines[i].end + 1, sep)
    if head is None:
        return None, i + 1
    names = [doc[a:b] for a, b in head[0]]
    cols = [header_role(n) or "" for n in names]
    if not _header_line(names) or not _is_task_header(cols):
        return None, i + 1
    end_off = lines[last - 1].end if last > 0 else len(doc)
    pos = head[1]
    b = _Builder(doc, cols, match)
    table_end = lines[i].end
    while pos < end_off:
        nl = doc.find("\n", pos, end_off)
        if not doc[pos : nl if nl >= 0 else end_off].strip():
            break  # a blank line ends the table
        rec = csv_record(doc, pos, end_off + 1, sep)
        if rec is None or not len(cols) - 1 <= len(rec[0]) <= len(cols) + 1:
            break
        cells, nxt = rec
        # the record's cells, cut at line breaks into one raw row per line (the first read as a row,
        # the others as its continuation)
        per_line: dict[int, list[tuple[int, int]]] = {}
        for k, (a, e) in enumerate(cells[: len(cols)]):
            seg_start = a
            while True:
                nl2 = doc.find("\n", seg_start, e)
                piece_end = nl2 if nl2 >= 0 else e
                ln = ctx.line_of(seg_start)
                row = per_line.setdefault(ln, [(lines[ln].start, lines[ln].start)] * len(cols))
                if piece_end > seg_start:
                    row[k] = (seg_start, piece_end)
                if nl2 < 0:
                    break
                seg_start = nl2 + 1
        first = True
        later = frozenset(c for k, c in b.other
                          if k < len(cells) and ctx.line_of(cells[k][0]) != ctx.line_of(pos) and cells[k][1] > cells[k][0])
        for ln in sorted(per_line):
            raw = _RawRow(per_line[ln], lines[ln].start, lines[ln].end, False, record_roles=later if first else frozenset())
            if first:
                b.add(raw)
                first = False
            elif b.rows and b.rows[-1].kind == "task":
                b._extend(raw)
        table_end = doc.rfind("\n", 0, nxt) if nxt > pos else nxt
        pos = nxt
    if not any(r.kind == "task" for r in b.rows):
        return None, i + 1
    end_line = ctx.line_of(max(lines[i].start, table_end - 1))
    return Table("csv", cols, b.rows, lines[i].start, lines[end_line].end, b.has_groups, b.orphans), end_line + 1


def _may_open_csv(text: str, sep: str = ",") -> bool:
    """A line that may be a ``sep``-separated header: several separators, short, its first cell a column name."""
    if len(text) > 400 or text.count(sep) < _CSV_MIN_COMMAS:
        return False
    first = text.split(sep, 1)[0].strip(' "')
    return header_role(first) in ("number", "text")


@dataclass(frozen=True, slots=True)
class AlignedRegion:
    """A space-aligned table whose header names its columns ("TT" first or not): lines ``head`` to
    ``end`` (exclusive), the body from ``body`` (after the header's wrapped lines), and the offset
    in the line where each column starts."""

    head: int
    body: int
    end: int
    starts: tuple[int, ...]
    # the starts were read from the rows, whose cells a column's full width may glue to the next with one
    # space (``_glued_starts``): a piece is cut where a column starts inside it
    glued: bool = False


_YEAR_IN = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MAX_HEAD_CELL = 40  # a header cell of a space-aligned table is a short column name
_MAX_HEAD_INDENT = 8
_MAX_HEAD_INDENT_TT = 16
_MAX_HEAD_WRAPS = 2  # lines a header's cells wrap over below the header line
_COLUMN_SLACK = 3  # a piece starting this close to a column start is in that column


@lru_cache(maxsize=1)
def _score_column_words() -> regex.Pattern[str]:
    """The words of a score table's value columns ("Điểm", "Xếp hạng", "Chênh lệch"), from scores.yaml."""
    raw = data_file("scores.yaml")["table_header"]
    words = sorted({fold(w) for k in ("score", "rank", "change") for w in raw[k]}, key=len, reverse=True)
    return regex.compile(r"(?<![\w])(?:" + "|".join(regex.escape(w) for w in words) + r")(?![\w])")


def _column_name(name: str) -> bool:
    """A header cell of a task or score table: a column role, a year ("Năm 2023") or a score column."""
    return (header_role(name) is not None or _YEAR_IN.search(name) is not None
            or _score_column_words().search(fold(name)) is not None)


def _aligned_header(line: str) -> list[tuple[int, int]] | None:
    """The pieces of a header line with no number column ("Nội dung nhiệm vụ   Cơ quan chủ trì   …",
    "Chỉ số nội dung   Năm 2022   Năm 2023   Tăng (+),"): at least three short pieces, the first a
    column role other than the number (the other names are checked once their wrapped lines join)."""
    pieces = header_pieces(line)
    if len(pieces) < 3 or any(b - a > _MAX_HEAD_CELL for a, b in pieces):
        return None
    first = line[pieces[0][0] : pieces[0][1]].strip().upper()
    if pieces[0][0] > (_MAX_HEAD_INDENT_TT if first in ("TT", "STT") else _MAX_HEAD_INDENT):
        return None  # (a page's margin kept by a layout dump indents the whole table: "TT" / "STT" says it is one)
    role = header_role(line[pieces[0][0] : pieces[0][1]])
    if role == "number" and line[pieces[0][0] : pieces[0][1]].strip().upper() not in ("TT", "STT"):
        return None  # a number column is named "TT" / "STT" ("Số" alone starts many a sentence)
    return None if role is None else pieces


def _upper_name_part(line: str, starts: tuple[int, ...]) -> bool:
    """The line above a header line holds only the upper part of column names centred over it: short pieces
    with no figure, all right of the first two columns."""
    ps = cell_pieces(line)
    return (bool(ps) and len(starts) >= 3 and all(a >= starts[2] - _COLUMN_SLACK and b - a <= 24 for a, b in ps)
            and not any(ch.isdigit() for ch in line))


def _centred_header(texts: list[str], i: int) -> tuple[tuple[int, ...], list[str]] | None:
    """A header whose line ``i`` names only its first columns ("TT   Chỉ số nội dung"), the others centred
    over it and the line below ("Năm" / "2020", "Tăng (+)," / "giảm (-)"), their upper part on the line
    above: the columns of both lines, starting with line ``i``'s first piece."""
    if i == 0 or not texts[i - 1].strip() or len(texts[i - 1]) > 400:
        return None
    pieces = header_pieces(texts[i])
    above = header_pieces(texts[i - 1])
    if not pieces or not above or pieces[0][0] > 8 or header_role(texts[i][pieces[0][0] : pieces[0][1]]) is None:
        return None
    if any(b - a > _MAX_HEAD_CELL for a, b in pieces + above):
        return None
    last = pieces[-1][0]
    if len(pieces) + len(above) < 3 or any(a <= last + _HEAD_ABOVE_GAP for a, _ in above):
        return None
    starts = tuple(a for a, _ in pieces) + tuple(a for a, _ in above)
    names = [texts[i][a:b] for a, b in pieces] + [texts[i - 1][a:b] for a, b in above]
    return starts, names


def _group_like(text: str) -> bool:
    """A row of one cell that names a PAPI indicator ("1. THAM GIA CỦA NGƯỜI DÂN …", "Nội dung thành
    phần: Y tế công lập"): a group row spanning the table, not text after it."""
    m = _GROUP_LABEL.match(text)
    rest = text[m.end() :] if m else text
    rest = _group_name(rest) if len(rest) <= 160 else ""
    return bool(rest) and _strong(_indicator(rest, _default_matcher()), rest)


def _row_line(pieces: list[tuple[int, int]], starts: tuple[int, ...]) -> bool:
    """A line of two or more pieces, each starting at a column: a row (or a row's wrapped line)."""
    return len(pieces) >= 2 and all(abs(starts[_nearest(list(starts), a)] - a) <= _COLUMN_SLACK for a, _ in pieces)


def aligned_regions(texts: list[str]) -> list[AlignedRegion]:
    """Every space-aligned table whose header has no "TT" column (a word processor's plain-text
    export: cells in fixed columns, a long cell wrapped within its column, rows parted by blank lines).

    Found from the lines alone, before the outline, so that its rows ("1. Tham gia … 5,02 5,11",
    "2. CÔNG KHAI, MINH BẠCH …" over a group of task rows) are never read as headings. The table
    ends at a line starting left of it, or at a line of one piece in the first column that is too
    long for that column and after a blank line is neither a group row (a PAPI indicator name) nor
    followed by a row.
    """
    out: list[AlignedRegion] = []
    n = len(texts)
    i = 0
    while i < n:
        t = texts[i]
        if len(t) > 400 or "  " not in t.strip():
            i += 1
            continue
        top = i  # the header's first line
        head = _aligned_header(t)
        if head is not None:
            starts = tuple(a for a, _ in head)
            names = [t[a:b] for a, b in head]
            if i > 0 and _upper_name_part(texts[i - 1], starts):
                top = i - 1  # "Tăng (+)," over the header line, "giảm (-)" under it: a name centred on both
        elif (centred := _centred_header(texts, i)) is not None:
            starts, names = centred
            top = i - 1
        else:
            i += 1
            continue
        j = i + 1
        while j < n and j - i <= _MAX_HEAD_WRAPS and texts[j].strip():
            ps = cell_pieces(texts[j])
            if not all(b - a <= 24 and not _NUMBER_CELL.match(texts[j][a:b].replace(",", "."))
                       and abs(starts[_nearest(list(starts), a)] - a) <= _COLUMN_SLACK for a, b in ps):
                break
            for a, b in ps:
                k = _nearest(list(starts), a)
                names[k] = f"{names[k]} {texts[j][a:b]}"
            j += 1
        # (a piece naming two years is two columns glued by one space: "Điểm 2021 Điểm 2022", ``_glued_starts``)
        if sum(max(1, len(_YEAR_IN.findall(name))) for name in names[1:] if _column_name(name)) < 2:
            i += 1
            continue
        body = j
        left = starts[0] - 4
        # the first text column's width ("TT" first: the column after it)
        tc = 1 if header_role(names[0]) == "number" and len(starts) > 2 else 0
        width = starts[tc + 1] - starts[tc]
        blank = False
        end = body
        rows = 0
        while j < n:
            t = texts[j]
            s = t.strip()
            if not s:
                blank = True
                j += 1
                continue
            if is_page_number(t) or "\f" in t:
                j += 1
                continue
            ps = cell_pieces(t)
            if ps[0][0] < left:
                break
            if len(ps) == 1 and abs(ps[0][0] - starts[0]) <= max(_COLUMN_SLACK, starts[tc] - starts[0]):
                piece = t[ps[0][0] : ps[0][1]]
                if (blank or len(piece) > width + 10) and not _group_like(piece):
                    k = j + 1
                    while k < n and not texts[k].strip():
                        k += 1
                    if not blank or k >= n or not _row_line(cell_pieces(texts[k]), starts):
                        break
                elif blank and not _rows_follow(texts, j + 1, n, starts):
                    break  # "6. CUNG ỨNG DỊCH VỤ CÔNG" / "a) Y tế công lập" / "- Sở Y tế …": the next section, no rows
            elif len(ps) >= 2:
                rows += 1
            blank = False
            end = j + 1
            j += 1
        if rows >= 2:
            glued = _glued_starts(texts, i, body, end)
            out.append(AlignedRegion(top, body, end, glued or starts, glued is not None))
            i = end
        else:
            i += 1
    return out


_GROUP_ROWS_AHEAD = 4  # lines after a group row within which a row of its table must come


def _rows_follow(texts: list[str], k: int, n: int, starts: tuple[int, ...]) -> bool:
    """A table row comes within a few lines ("2. CÔNG KHAI, MINH BẠCH …" over its task rows); lines of one
    group-like piece may stand between (a sub-group row)."""
    for j in range(k, min(n, k + _GROUP_ROWS_AHEAD)):
        t = texts[j]
        if not t.strip():
            continue
        ps = cell_pieces(t)
        if _row_line(ps, starts):
            return True
        if not (len(ps) == 1 and _group_like(t[ps[0][0] : ps[0][1]])):
            return False
    return False


_GLUED_ROW_SHARE = 0.5  # of the rows, a column start is where at least this share start a piece


def _glued_starts(texts: list[str], head: int, body: int, end: int) -> tuple[int, ...] | None:
    """Column starts read from the rows, when the header glues its column names with one space ("Năm 2022
    Năm 2023 Tăng (+), giảm (-)" as one piece) and centres the others: a text browser pads each cell to its
    column's width, so a full cell leaves one space before the next (``lynx -dump``). The rows start their
    pieces at the columns' starts; the header line must hold one of those starts inside a piece, at a
    word's start. None when the header's own pieces are the columns."""
    counts: dict[int, int] = {}
    rows = 0
    for j in range(body, end):
        ps = cell_pieces(texts[j])
        if len(ps) < 2:
            continue
        rows += 1
        for a, _ in ps:
            counts[a] = counts.get(a, 0) + 1
    if rows < 2:
        return None
    starts = sorted(a for a, c in counts.items() if c >= _GLUED_ROW_SHARE * rows)
    line = texts[head]
    inside = any(a < p < b and line[p - 1] == " " and line[p] != " "
                 for a, b in header_pieces(line) for p in starts)
    if not inside or len(starts) < 3:
        return None
    return tuple(starts)


def _next_table_line(texts: list[str], kinds: list[str], j: int, last: int) -> tuple[int, bool] | None:
    """From line ``j``: the next line a space-separated table may hold, and whether a blank line came
    before it (blank lines, page numbers and form feeds are passed over); None at ``last`` or at a tab
    or pipe line (another layout begins)."""
    blank = False
    while j < last:
        t = texts[j]
        if kinds[j] == "blank" or not t.strip():
            blank = True
        elif kinds[j] != "text":
            return None
        elif not (is_page_number(t) or "\f" in t):
            return j, blank
        j += 1
    return None


def _is_label(piece: str) -> bool:
    """A row's number cell: "1", "12.", "IV" (the patterns the row builder reads)."""
    return bool(_NUMBER_CELL.match(piece) or _ROMAN_CELL.match(piece))


def _nearest(starts: list[int], a: int) -> int:
    return min(range(len(starts)), key=lambda k: abs(starts[k] - a))


def _group_name(text: str) -> str:
    """The name a group cell gives, without a list marker or a short label ("- Nội dung thành phần: X" -> "X")."""
    rest = text.lstrip().lstrip("-–—•+* ")
    k = rest.find(":", 0, 40)
    return rest[k + 1 :].strip() if k >= 0 else rest


def _subgroup_item(text: str, match: Matcher | None) -> bool:
    """A list item that only names a PAPI sub-dimension ("- Nội dung thành phần: Y tế công lập")."""
    if not _LIST_ITEM.match(text):
        return False
    rest = _group_name(text)
    m = _indicator(rest, match)
    return m is not None and bool(getattr(m, "subdimension", None)) and _strong(m, rest)


def _sandwiched(ctx: DocContext, kinds: list[str], j: int, last: int) -> bool:
    """A short text line between two table rows is a row whose separators were trimmed away."""
    doc = ctx.text
    li = ctx.norm.lines[j]
    text = doc[li.start : li.end]
    if len(_WORDS.findall(text)) > _MAX_GROUP_WORDS or j in ctx.heading_lines:
        return False
    p = j - 1
    while p >= 0 and kinds[p] == "blank":
        p -= 1
    q = j + 1
    while q < last and kinds[q] == "blank":
        q += 1
    return p >= 0 and kinds[p] in ("tab", "pipe") and q < last and kinds[q] in ("tab", "pipe")


def _cell_table(ctx: DocContext, kinds: list[str], i: int, last: int, match: Matcher | None) -> tuple[Table | None, int]:
    """One cell per line: cells separated by blank lines, or by lines holding only "|"."""
    doc = ctx.text
    lines = ctx.norm.lines
    # collect cells: runs of text lines between separators. The table ends at a heading, a list
    # item, or (cells between bars) at a blank line after a closing bar; text after the last bar
    # that no bar closes is not a cell.
    bar = False
    after_bar = False
    cells: list[tuple[list[int], bool]] = []  # (line indices, blank line before)
    gaps: list[int] = []  # blank lines before each cell (blank-separated cells)
    cur: list[int] = []
    blank_before = False
    blanks = 0
    last_line = i
    n_head = -1  # header cells, once a cell names no column (blank-separated cells)
    since_row = 0  # cells since the last number cell, that cell included (0: none yet)
    j = i
    while j < last:
        k = kinds[j]
        if k == "bar":
            if cur or after_bar:
                cells.append((cur, blank_before))  # two bars in a row hold an empty cell
            bar = after_bar = True
            cur = []
            blank_before = False
            last_line = j
            j += 1
            continue
        if k == "blank":
            if bar and after_bar:
                q = j + 1
                while q < last and kinds[q] == "blank":
                    q += 1
                if q >= last or kinds[q] != "bar":
                    break  # a blank line after the closing bar ends the table
                j = q  # "|", empty line, "|": an empty cell
                continue
            if cur and not bar:
                first_line = doc[lines[cur[0]].start : lines[cur[0]].end].strip()
                if n_head < 0 and header_role(first_line) is None:
                    n_head = len(cells)
                since_row = 1 if _NUMBER_CELL.match(first_line) else (since_row + 1 if since_row else 0)
                prev = cells[-1][0] if cells else []
                if (n_head >= 0 and prev and since_row > 2 and _LIST_ITEM.match(first_line)
                        and _spaced_item_goes_on(doc[lines[prev[0]].start : lines[prev[-1]].end], first_line)):
                    # the cell's next paragraph ("- Ủy ban MTTQ Việt Nam tỉnh;" / "- UBND các huyện."): one cell
                    cells[-1] = (prev + cur, cells[-1][1])
                    since_row -= 1
                else:
                    cells.append((cur, blank_before))
                    gaps.append(blanks)
                cur, blanks = [], 0
            blank_before = True
            blanks += 1
            j += 1
            continue
        if k != "text" or j in ctx.heading_lines:
            break
        line = doc[lines[j].start : lines[j].end]
        in_row = not bar and not cur and n_head >= 3 and 1 <= since_row < n_head
        if _LIST_ITEM.match(line) and not in_row and not ((cells or cur) and not bar and _subgroup_item(line, match)):
            # a list item ends the table, unless it is a sub-group row written as one
            # ("- Nội dung thành phần: Công khai kế hoạch sử dụng đất, …" between two rows)
            break
        after_bar = False
        cur.append(j)
        if not bar:
            last_line = j
        j += 1
    if cur and not bar:
        cells.append((cur, blank_before))
        gaps.append(blanks)
    # header cells
    header_vals: list[str] = []
    h = 0
    while h < len(cells) and cells[h][0]:
        val = " ".join(doc[lines[x].start : lines[x].end].strip() for x in cells[h][0])
        if header_role(val) is None:
            break
        header_vals.append(val)
        h += 1
    if len(header_vals) < 3:
        return None, i + 1
    roles = [header_role(v) or "" for v in header_vals]
    cols = _flatten_cell_header(roles)
    if not _is_task_header(cols):
        return None, i + 1
    width = len(cols)
    num_col = cols.index("number") if "number" in cols else -1
    body = cells[h:]
    b = _Builder(doc, cols, match)

    def span_of(ids: list[int]) -> list[tuple[int, int]]:
        return [_strip_span(doc, lines[x].start, lines[x].end) for x in ids]

    def raw_of(group: list[tuple[list[int], bool]]) -> _RawRow:
        spans: list[tuple[int, int]] = []
        for ids, _ in group:
            parts = span_of(ids)
            spans.append((parts[0][0], parts[-1][1]) if parts else (0, 0))
        starts = [lines[ids[0]].start for ids, _ in group if ids]
        ends = [lines[ids[-1]].end for ids, _ in group if ids]
        blank = group[0][1] if group else False
        return _RawRow(spans, min(starts) if starts else 0, max(ends) if ends else 0, blank)

    if bar:
        # explicit empty cells: strict chunks of the column count
        for s in range(0, len(body), width):
            b.add(raw_of(body[s : s + width]))
    else:
        # blank-separated: a row starts at a number cell; group rows take one text cell, the
        # label cells after them are sub-group rows
        # label cells after them are sub-group rows. After a complete row, a long cell that does
        # not open a new row is the prose after the table: the table ends before it.
        row: list[tuple[list[int], bool]] = []
        group_mode = False
        vals = [" ".join(doc[lines[x].start : lines[x].end].strip() for x in ids) for ids, _ in body]
        body_gaps = gaps[h:] if len(gaps) == len(cells) else [1] * len(body)
        skip = 0
        for at, (ids, blank) in enumerate(body):
            if skip:
                skip -= 1
                continue
            val = vals[at]
            run = 1
            while at + run < len(vals) and vals[at + run] == val and run < width:
                run += 1
            if run >= _REPEATED_GROUP_MIN and not _NUMBER_CELL.match(val):
                # a group row merged across the columns, written once per column (docx2python)
                if row:
                    b.add(raw_of(row))
                b.add(raw_of([([], blank), (ids, blank)] if num_col == 0 else [(ids, blank)]))
                row, group_mode, skip = [], False, run - 1
                last_line = body[at + run - 1][0][-1]
                continue
            if row and body_gaps[at] >= 3 and not (_NUMBER_CELL.match(val) or _ROMAN_CELL.match(val)):
                # an empty cell is an empty paragraph: one blank line more on each side of it
                for _ in range(min((body_gaps[at] - 1) // 2, width - len(row) - 1)):
                    row.append(([], blank))
            if _NUMBER_CELL.match(val) or _ROMAN_CELL.match(val):
                if row:
                    b.add(raw_of(row))
                row = [(ids, blank)]
                group_mode = bool(_ROMAN_CELL.match(val))
                last_line = ids[-1]
                continue
            if (len(row) >= width and len(_WORDS.findall(val)) > _MAX_GROUP_WORDS // 2 and not val[:1].islower()
                    and not _subgroup_item(val, match)):
                break
            last_line = ids[-1] if ids else last_line
            if group_mode and len(row) >= 2:
                b.add(raw_of(row))
                row = [([], blank), (ids, blank)] if num_col == 0 else [(ids, blank)]
                continue
            if len(row) >= width:
                b.add(raw_of(row))
                row = []
            row.append((ids, blank))
        if row:
            b.add(raw_of(row))
    rows = b.rows
    if not any(r.kind == "task" for r in rows):
        return None, i + 1
    end = max(lines[last_line].end, max(r.end for r in rows))
    return Table("cells", cols, rows, lines[i].start, end, b.has_groups, b.orphans), last_line + 1


def _spaced_item_goes_on(prev: str, item: str) -> bool:
    """A cell's paragraphs printed as cells of their own: a list item after one with the same marker that
    stops on ";" or "," goes on that cell."""
    p = prev.strip()
    return p[:1] == item.lstrip()[:1] and p[-1:] in (";", ",")


_REPEATED_GROUP_MIN = 3  # the same cell this many times in a row: one merged group row, once per column
_GROUP_LABEL = regex.compile(r"^\s{0,4}(?:(?P<roman>[IVXL]{1,5})|(?P<num>\d{1,2}(?:\.\d{1,2}){0,2}))\s{0,2}[.):]\s{0,4}(?=\S)")
_GROUP_BULLET = regex.compile(r"^\s{0,4}[-–—•+*]\s{0,4}(?=\S)")


def bar_table_regions(texts: list[str], first: int = 0, last: int | None = None) -> list[tuple[int, int]]:
    """Line ranges [start, end) of one-cell-per-line tables whose cells are separated by lines
    holding only "|" (rows possibly separated by blank lines, single-line group rows between
    them). For the outline: no line inside such a region is a heading."""
    last = len(texts) if last is None else last
    kinds = [""] * len(texts)
    kinds[first:last] = _line_kinds(texts[first:last])
    return _bar_regions(kinds, lambda x: texts[x], first, last)


def _bar_regions(kinds: list[str], text_of: Callable[[int], str], first: int, last: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = first
    while i < last:
        if kinds[i] != "text":
            i += 1
            continue
        q = i + 1
        while q < last and kinds[q] == "blank":
            q += 1
        # cheap test first: a header cell is followed by a bar line
        if q >= last or kinds[q] != "bar" or len(text_of(i)) > 80 or header_role(text_of(i)) not in ("number", "text"):
            i += 1
            continue
        chunks = _chunks(kinds, i, last)
        if not chunks or not chunks[0][2]:
            i += 1
            continue
        # the header: at least three header cells in the first chunk
        cells = _chunk_cells(kinds, chunks[0][0], chunks[0][1])
        n_head = 0
        for ids in cells:
            if not ids or header_role(" ".join(text_of(x).strip() for x in ids)) is None:
                break
            n_head += 1
        if n_head < 3:
            i += 1
            continue
        end = chunks[0][1]
        for idx in range(1, len(chunks)):
            a, b, has_bar = chunks[idx]
            if has_bar:
                end = b
                continue
            if _short_line_chunk(chunks[idx], text_of):
                q = idx + 1
                while q < len(chunks) and _short_line_chunk(chunks[q], text_of):
                    q += 1
                if q < len(chunks) and chunks[q][2]:
                    continue  # a group row (or a group and a sub-group row) between two rows
            break
        out.append((i, end))
        i = end
    return out


_SPACED_HEAD_GAP = 2  # blank lines at most between two header cells of a blank-separated table
_LETTER_ALONE = regex.compile(r"^[a-hđ][.)]?$")


def spaced_cell_table_regions(texts: list[str], first: int = 0, last: int | None = None) -> list[tuple[int, int]]:
    """Line ranges [start, end) of task tables written one paragraph per cell with a blank line after each
    (``docx2txt``): a number column's name alone on its line, then at least three more column names
    (the text's and two of lead, support, time, output), each a paragraph. For the outline: a group row's
    cells inside ("I" / "Chỉ số nội dung 1 - Tham gia …") are cells, never a heading.

    The region ends at a numbered heading ("V. TỔ CHỨC THỰC HIỆN") or, once a row holds more cells than
    the header has columns and more than its paragraphs could add, at a long paragraph (the prose after
    the table). Linear: each line is looked at once."""
    # (the number column's names and the heading after a table: the one-cell-per-line reader's, run_tables)
    from papi_extract.run_tables import _NUMBER_HEADS, _TEXT_HEADING

    last = len(texts) if last is None else last
    out: list[tuple[int, int]] = []
    i = first
    while i < last:
        if texts[i].strip(" \f") not in _NUMBER_HEADS:
            i += 1
            continue
        names: list[str] = [texts[i].strip()]
        j = i + 1
        while j < last:
            q = j
            while q < last and not texts[q].strip() and q - j < _SPACED_HEAD_GAP:
                q += 1
            t = texts[q].strip() if q < last else ""
            if q == j or not t or len(t) > 60 or header_role(t) in (None, "number"):
                break
            names.append(t)
            j = q + 1
        roles = {header_role(x) for x in names[1:]}
        if len(names) < 4 or "text" not in roles or len(roles & {"lead", "support", "deadline", "output"}) < 2:
            i = j
            continue
        width = len(names)
        cells = width  # cells of the row being read (the header counts as a full row)
        end = j
        prev_blank = True
        while j < last:
            t = texts[j].strip(" \f")
            if not t:
                prev_blank = True
                j += 1
                continue
            if _TEXT_HEADING.match(t):
                break
            if _NUMBER_CELL.match(t) or _ROMAN_CELL.match(t) or _LETTER_ALONE.match(t):
                cells = 1
            elif prev_blank:
                if cells >= width + 2 and len(_WORDS.findall(t)) > _MAX_GROUP_WORDS // 2 and not t[:1].islower():
                    break
                cells += 1
            prev_blank = False
            j += 1
            end = j
        out.append((i, end))
        i = max(end, i + 1)
    return out


def _short_line_chunk(chunk: tuple[int, int, bool], text_of: Callable[[int], str]) -> bool:
    a, b, has_bar = chunk
    t = text_of(a)
    return (not has_bar and b - a == 1 and len(_WORDS.findall(t)) <= _MAX_GROUP_WORDS
            and not _LONG_SENTENCE_END.search(t))


_LONG_SENTENCE_END = regex.compile(r"[.;:]\s{0,3}$")


def _chunks(kinds: list[str], i: int, last: int) -> list[tuple[int, int, bool]]:
    """Runs of non-blank text/bar lines from line ``i``: (start, end, holds a bar). A blank run
    between two bar lines is an empty cell, not a chunk boundary."""
    out: list[tuple[int, int, bool]] = []
    j = i
    while j < last:
        if kinds[j] not in ("text", "bar"):
            break
        a = j
        has_bar = False
        while j < last:
            k = kinds[j]
            if k == "bar":
                has_bar = True
                j += 1
                continue
            if k == "text":
                j += 1
                continue
            if k == "blank" and j > a and kinds[j - 1] == "bar":
                q = j
                while q < last and kinds[q] == "blank":
                    q += 1
                if q < last and kinds[q] == "bar":
                    j = q
                    continue
            break
        out.append((a, j, has_bar))
        while j < last and kinds[j] == "blank":
            j += 1
    return out


def _chunk_cells(kinds: list[str], a: int, b: int) -> list[list[int]]:
    """Cells (text line indices) of a chunk: split at bar lines; a leading or trailing bar
    opens/closes the row, two bars in a row (or bars around blank lines) hold an empty cell."""
    cells: list[list[int]] = []
    cur: list[int] = []
    seen_bar = False
    prev_bar = False
    for j in range(a, b):
        k = kinds[j]
        if k == "bar":
            if cur or (seen_bar and prev_bar):
                cells.append(cur)
            cur = []
            seen_bar = prev_bar = True
            continue
        if k == "blank":
            continue
        cur.append(j)
        prev_bar = False
    if cur:
        cells.append(cur)
    return cells


def _bar_table(ctx: DocContext, kinds: list[str], i: int, end_line: int, match: Matcher | None) -> Table | None:
    """A bar-separated one-cell-per-line table (lines ``i`` .. ``end_line``), rows per chunk."""
    doc = ctx.text
    lines = ctx.norm.lines

    def val(ids: list[int]) -> str:
        return " ".join(doc[lines[x].start : lines[x].end].strip() for x in ids)

    chunks = _chunks(kinds, i, end_line)
    if not chunks:
        return None
    first_cells = _chunk_cells(kinds, chunks[0][0], chunks[0][1])
    h = 0
    while h < len(first_cells) and first_cells[h] and header_role(val(first_cells[h])) is not None:
        h += 1
    roles = [header_role(val(c)) or "" for c in first_cells[:h]]
    cols = _flatten_cell_header(roles)
    if len(roles) < 3 or not _is_task_header(cols):
        return None
    width = len(cols)
    b = _Builder(doc, cols, match)

    def raw_of(group: list[list[int]], blank: bool) -> _RawRow:
        spans: list[tuple[int, int]] = []
        for ids in group:
            if ids:
                s0 = _strip_span(doc, lines[ids[0]].start, lines[ids[0]].end)
                s1 = _strip_span(doc, lines[ids[-1]].start, lines[ids[-1]].end)
                spans.append((s0[0], s1[1]))
            else:
                spans.append((0, 0))
        starts = [lines[ids[0]].start for ids in group if ids]
        ends = [lines[ids[-1]].end for ids in group if ids]
        return _RawRow(spans, min(starts) if starts else 0, max(ends) if ends else 0, blank)

    pending: list[list[int]] = []
    for idx, (a, e, has_bar) in enumerate(chunks):
        cells = first_cells[h:] if idx == 0 else _chunk_cells(kinds, a, e)
        if not has_bar and e - a == 1:
            if pending:
                b.add(raw_of(pending, True))
                pending = []
            li = lines[a]
            s, t = _strip_span(doc, li.start, li.end)
            m = _GROUP_LABEL.match(doc, s, t) or _GROUP_BULLET.match(doc, s, t)
            ts = m.end() if m else s
            roman = bool(m and m.groupdict().get("roman") and _ROMAN_CELL.match(m.group("roman")))
            numbered = bool(m and m.groupdict().get("num"))
            b._group(_RawRow([(ts, t)], li.start, li.end, True), doc[ts:t], (ts, t), roman=roman, numbered=numbered)
            continue
        for c in cells:
            pending.append(c)
            if len(pending) >= width:
                b.add(raw_of(pending, idx > 0))
                pending = []
        if pending and idx > 0:
            b.add(raw_of(pending, True))
            pending = []
    if pending:
        b.add(raw_of(pending, True))
    if not any(r.kind == "task" for r in b.rows):
        return None
    start = lines[i].start
    end = max(lines[end_line - 1].end, max(r.end for r in b.rows))
    return Table("cells", cols, b.rows, start, end, b.has_groups, b.orphans)


def _flatten_cell_header(roles: list[str]) -> list[str]:
    """Header cells read line by line: a spanning "group" cell is replaced by the sub-columns that follow."""
    if "group" in roles and ("lead" in roles or "support" in roles):
        g = roles.index("group")
        subs = [r for r in roles[g + 1 :] if r in ("lead", "support")]
        rest = [r for r in roles if r not in ("lead", "support")]
        gi = rest.index("group")
        return rest[:gi] + subs + rest[gi + 1 :]
    return ["lead" if r == "group" else r for r in roles]


@lru_cache(maxsize=1)
def _default_matcher() -> Matcher | None:
    try:
        from papi_extract.taxonomy import match_indicator
    except ModuleNotFoundError:
        return None
    return match_indicator


vocab()  # compile the header vocabulary at import
