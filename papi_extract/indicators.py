"""Stage "indicators": headings and table rows that name a PAPI dimension or sub-dimension.

reads: ``ctx.norm``, ``ctx.sections``, ``ctx.blocks``, ``ctx.heading_lines``; writes:
``ctx.indicators`` and the ``dimension``/``subdimension`` of every section (a section that names
none inherits its parent's, so a task's dimension is its section's), warnings W401.

Sources, each a ``method`` of the mention:

* ``heading`` — an outline heading ("1.1. Nội dung “Tham gia của người dân ở cấp cơ sở”:",
  "5. Quản trị môi trường" as a bold run-in head). A heading naming two dimensions
  ("Công khai minh bạch và thủ tục hành chính công") gives one mention per dimension; the
  section takes the first (the annotation guide's rule).
* ``table_group`` / ``table_subgroup`` — a row of a task table holding only a label and an
  indicator name ("I<TAB>Tham gia người dân ở cấp cơ sở", "Công khai danh sách hộ nghèo"), or a lone
  line (labelled or bulleted) next to a row of a table printed one cell per line with "|" lines
  between cells ("6. Chỉ số Cung ứng dịch vụ công", "- An ninh, trật tự tại khu dân cư").
* ``score_table`` — the name cell of each row of a score table (seed 004's table).
* ``bold`` — a bold line (or bold run-in head) that is not an outline heading but names an indicator.

``raw`` is the heading title or the name cell as written (``ctx.text[span] == raw``). An
approximate match is kept with ``method`` suffixed ``_fuzzy`` and a W401 warning.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex
from pydantic import TypeAdapter

from papi_extract.context import Block, DocContext
from papi_extract.grid_tables import ROW_LABEL_CELL as _ROW_LABEL
from papi_extract.models import IndicatorMention, Section
from papi_extract.normalize import CONTINUED_MARK
from papi_extract.pipeline import Stage
from papi_extract.tables import cell_pieces, column_dimension
from papi_extract.taxonomy import (
    IndicatorMatch,
    canonical_name,
    closest_subdimension,
    code_list,
    dimension_then_sub,
    find_indicators_folded,
    labelled_subdimension,
)


@lru_cache(maxsize=4096)
def _title_pattern(title: str) -> regex.Pattern[str]:
    """A title as written, with any run of white space between its words."""
    return regex.compile(r"\s+".join(regex.escape(w) for w in title.split()))


def _title_span(ctx: DocContext, sec: Section) -> tuple[int, int] | None:
    """Where the section's title is written (its heading line, or the lines below an appendix label)."""
    title = sec.title
    if not title:
        return None
    start = sec.span[0]
    window_end = min(len(ctx.text), start + len(title) * 2 + 400)
    window = ctx.text[start:window_end]
    k = window.find(title)
    if k >= 0:
        return start + k, start + k + len(title)
    m = _title_pattern(title).search(window)
    return (start + m.start(), start + m.end()) if m else None


def _mentions(ctx: DocContext, found: tuple[IndicatorMatch, ...], span: tuple[int, int], section: str | None,
              method: str) -> list[dict[str, Any]]:
    """The mentions of ``found`` as the fields of ``IndicatorMention`` (validated together at the end)."""
    out: list[dict[str, Any]] = []
    raw = ctx.text[span[0] : span[1]]
    for m in found:
        meth = method if m.exact else f"{method}_fuzzy"
        if not m.exact:
            ctx.warn("W401", f"{raw[:80]!r} resembles the PAPI indicator {m.subdimension or m.dimension} "
                             f"({m.name}) only approximately (score {m.score:.2f})", span)
        out.append({"dimension": m.dimension, "subdimension": m.subdimension, "name": m.name, "raw": raw,
                    "section": section, "span": span, "method": meth, "score": m.score})
    return out


def _cell_spans(ctx: DocContext, b: Block) -> list[tuple[int, int]]:
    """Non-empty cells of a table row, stripped: delimited by tabs or pipes, else (a space-aligned
    row) runs of text parted by two or more spaces."""
    from papi_extract.scores import _split_row

    text = ctx.text
    if text.find("\t", b.start, b.end) < 0 and text.find("|", b.start, b.end) < 0:
        return [(b.start + a, b.start + e) for a, e in cell_pieces(text[b.start : b.end])]
    return [(c.start, c.end) for c in _split_row(ctx, b.start, b.end) if c.text]


_CELL_LABEL = regex.compile(r"(?:[a-zđ]|\d{1,2}|[IVXL]{1,5})[.)][ \t]{1,4}(?=\S)")  # "a) ", "2. ", "IV. "


# a label alone (Roman or Arabic, no dot), three or more spaces, then the name to the end of the line
_ALIGNED_GROUP = regex.compile(r"[ ]{0,40}(?:[IVXL]{1,6}|\d{1,2})[ ]{3,40}(\S[^\n]{0,158}\S)[ ]{0,40}$")
_PIPE_LINE = regex.compile(r"(?m)^[ \t]*\|[ \t]*$")


def _cell_per_line_row(ctx: DocContext, b: Block) -> bool:
    """A row of a table printed one cell per line, its cells separated by lines holding only "|"
    (a task table flattened from a word processor): the block holds such a separator line.
    (``str.find`` first: most blocks hold no "|" at all.)"""
    return (b.kind != "heading" and ctx.text.find("|", b.start, b.end) >= 0
            and bool(_PIPE_LINE.search(ctx.text, b.start, b.end)))


def extract_indicators(ctx: DocContext) -> None:
    mentions: list[dict[str, Any]] = []
    folded = ctx.folded
    by_id: dict[str, Section] = {}
    # 1. outline headings; sections take their own dimension or their parent's
    other_index: set[str] = set()  # sections about another index ("2. Nâng cao Chỉ số cải cách hành chính (PAR INDEX)")
    for sec in ctx.sections:
        by_id[sec.id] = sec
        own: tuple[IndicatorMatch, ...] = ()
        span = _title_span(ctx, sec)
        if (sec.parent in other_index) or (span is not None and _names_other_index(folded[span[0] : span[1]])):
            # its criteria headings ("b) Cải cách thủ tục hành chính") are PAR INDEX's, however PAPI-like they read
            other_index.add(sec.id)
            continue
        if span is not None:
            own = find_indicators_folded(folded[span[0] : span[1]])
            if own:
                mentions.extend(_mentions(ctx, own, span, sec.id, "heading"))
        parent = by_id.get(sec.parent) if sec.parent else None
        if not own and span is not None and parent is not None and parent.dimension is not None:
            # "1.2. Chỉ số thành phần "Bầu cử trưởng ấp, trưởng khóm"" under dimension 1's heading: a reworded name
            # the heading says is a sub-dimension is the closest one of its parent's dimension
            para = labelled_subdimension(folded[span[0] : span[1]], parent.dimension)
            if para is not None:
                own = (para,)
                mentions.extend(_mentions(ctx, own, span, sec.id, "heading"))
        if own:
            sec.dimension, sec.subdimension = own[0].dimension, own[0].subdimension
        elif parent is not None:
            sec.dimension, sec.subdimension = parent.dimension, parent.subdimension
    # 2. score tables (name cells)
    from papi_extract.scores import read_score_tables

    in_score_table: set[int] = set()
    heads_seen: set[int] = set()
    for table in read_score_tables(ctx):
        for row in table.rows:
            in_score_table.add(row.name.start)
            if row.match is not None and row.head is not None:
                # a table with a row per year ("Năm | Trách nhiệm giải trình … | Hiệu quả tương tác …"): the column
                # header names the indicator, once for all the year rows
                if row.head.start not in heads_seen:
                    heads_seen.add(row.head.start)
                    mentions.extend(_mentions(ctx, (row.match,), (row.head.start, row.head.end), row.section,
                                              "score_table"))
            elif row.match is not None:
                span = (row.name.start, row.name.end)
                # a transposed or column-block table's name is wrapped over lines, maybe across a page's furniture,
                # and a space-aligned row's name wraps within its column under its figures ("Công khai,
                # minh bạch trong việc ra" / "quyết định ở địa phương"): the match was made on the joined
                # name, and the span stays on the row's own cell
                found = (() if table.layout in ("transposed", "column_blocks")
                         else find_indicators_folded(folded[span[0] : span[1]]))
                key = (row.match.dimension, row.match.subdimension)
                if not any((m.dimension, m.subdimension) == key for m in found):
                    found = (row.match,)
                mentions.extend(_mentions(ctx, found, span, row.section, "score_table"))
    # 3. group rows of other tables, 4. bold lines that are not outline headings
    blocks = ctx.blocks
    # each block is asked about both of its neighbours: test every block once (none when no "|" at all)
    cpl = [_cell_per_line_row(ctx, b) for b in blocks] if "|" in ctx.text else [False] * len(blocks)
    for bi, b in enumerate(blocks):
        if b.kind in ("para", "item", "bullet") and len(b.pieces) <= 1 and b.line not in ctx.heading_lines and (
            (bi > 0 and cpl[bi - 1])
            or (bi + 1 < len(blocks) and cpl[bi + 1])
        ):
            # a group row of a table printed one cell per line ("|" lines between cells): a lone
            # line, label or bullet included ("6. Chỉ số Cung ứng dịch vụ công", "- An ninh, trật tự …")
            span = _core_span(ctx.text, b.text_start, b.end, " \t:.-*+")
            got = _group_row_mentions(ctx, span, b.section) if span is not None else []
            if got:
                mentions.extend(got)
                continue
        if b.kind == "para" and len(b.pieces) <= 1 and (
            (bi > 0 and blocks[bi - 1].kind == "table_row" and ctx.line_of(blocks[bi - 1].end) + 1 == b.line)
            or (bi + 1 < len(blocks) and blocks[bi + 1].kind == "table_row" and blocks[bi + 1].line == b.line + 1)
        ):
            # a group row whose trailing empty cells were trimmed with the line's white space
            span = _core_span(ctx.text, b.start, b.end, " \t\n")
            got = _group_row_mentions(ctx, span, b.section) if span is not None else []
            if got:
                mentions.extend(got)
                continue
        if b.kind == "para" and len(b.pieces) == 1 and "   " in ctx.text[b.start : b.end]:
            # a group row of a space-aligned table (a layout dump): "II    Công khai kế hoạch sử dụng đất, …"
            gm = _ALIGNED_GROUP.match(ctx.text, b.start, b.end)
            got = _group_row_mentions(ctx, (gm.start(1), gm.end(1)), b.section) if gm else []
            if got:
                mentions.extend(got)
                continue
        if b.kind == "table_row":
            row_text = ctx.text[b.start : b.end]
            parts = row_text.split("\t") if "\t" in row_text else row_text.split("|")
            if sum(1 for p in parts if p.strip(" *|")) > 2:
                continue  # a task row, not a group row
            cells = _cell_spans(ctx, b)
            if not 1 <= len(cells) <= 2 or any(s in in_score_table for s, _ in cells):
                continue
            if len(cells) == 2 and not _ROW_LABEL.match(ctx.text[cells[0][0] : cells[0][1]]):
                continue
            span = cells[-1]
            if len(cells) == 1 and (lm := _CELL_LABEL.match(ctx.text, span[0], span[1])) is not None:
                span = (lm.end(), span[1])  # "a) Y tế công lập": the row's letter is no part of the name
            found = find_indicators_folded(folded[span[0] : span[1]])
            if found and (len(cells) == 2 or all(m.exact for m in found)):  # a lone cell may be a wrapped line
                method = "table_subgroup" if found[0].subdimension else "table_group"
                mentions.extend(_mentions(ctx, found, span, b.section, method))
            continue
        if b.line in ctx.heading_lines or b.start in in_score_table:
            continue
        info = ctx.norm.lines[b.line]
        if not info.bold:
            continue
        end = info.start + info.bold_end if info.bold_end > 0 else info.end
        if end < info.end and _SCORE_RUNIN.match(folded, end):
            continue  # "- **Tham gia của người dân ở cấp cơ sở**: đạt 5,06 điểm, tăng …": a score line, no heading
        a = b.text_start if b.text_start < end else b.start
        span = _core_span(ctx.text, a, end, " \t:.-*")
        if span is None:
            continue
        found = find_indicators_folded(folded[span[0] : span[1]])
        if found and all(m.exact for m in found):
            mentions.extend(_mentions(ctx, found, span, b.section, "bold"))
    mentions.extend(_table_column_mentions(ctx))
    mentions.extend(_table_group_mentions(ctx, mentions))
    mentions.sort(key=lambda m: m["span"][0])
    mentions = _once_per_cell(ctx, mentions)
    if "tiếp" in ctx.text:
        # "CÔNG KHAI, MINH BẠCH … (tiếp theo)": a heading or group row repeated after a page break continues the
        # one before it, no mention of its own
        mentions = [m for m in mentions
                    if not _CONTINUED.search(ctx.text, max(m["span"][0], m["span"][1] - 14), m["span"][1] + 16)]
    # validated as one list (the same strict checks, ~40% cheaper than a model call per mention)
    ctx.indicators = _mention_list().validate_python(mentions)


def _names_other_index(folded: str) -> bool:
    """A heading about another index than PAPI ("Nâng cao Chỉ số hài lòng … (SIPAS)"), naming PAPI nowhere (the
    scores stage's list of other indices: a sentence naming one states none of PAPI's figures)."""
    from papi_extract.scores import vocab as score_vocab

    return "papi" not in folded and score_vocab().other_index.search(folded) is not None


# what follows a bold name that states its score ("**Quản trị điện tử**: đạt 3,12 điểm", "… : giảm 0,2 điểm")
_SCORE_RUNIN = regex.compile(r"[\s:.\-–*]{0,6}(?:chi\s{1,3})?(?:dat|tang|giam)\s{1,3}(?:tu\s{1,3})?\d")

_TABLE_METHODS = frozenset({"score_table", "table_column", "table_group", "table_subgroup"})


def _once_per_cell(ctx: DocContext, mentions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One mention per cell: a row read both as a score row and as a task row names its indicator once, and a
    merged cell the page's rowspan repeated on the rows under it ("Cơ hội tham gia" over two task rows) is one
    cell, so the same name in the next row of a table, no other mention between, is not mentioned again."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[int, int, int | None, str | None]] = set()
    for m in mentions:
        key = (m["span"][0], m["span"][1], m["dimension"], m["subdimension"])
        if key in seen:
            continue
        seen.add(key)
        prev = out[-1] if out else None
        if (prev is not None and m["method"] in _TABLE_METHODS and prev["method"] in _TABLE_METHODS
                and (prev["dimension"], prev["subdimension"]) == (m["dimension"], m["subdimension"])
                and prev["raw"] == m["raw"] and ctx.line_of(m["span"][0]) == ctx.line_of(prev["span"][1]) + 1):
            continue
        out.append(m)
    return out


def _group_row_mentions(ctx: DocContext, span: tuple[int, int], section: str | None) -> list[dict[str, Any]]:
    """The mentions of a table group row's name (every match exact), else []."""
    found = find_indicators_folded(ctx.folded[span[0] : span[1]])
    if not found or not all(m.exact for m in found):
        return []
    return _mentions(ctx, found, span, section, "table_subgroup" if found[0].subdimension else "table_group")


def _core_span(text: str, a: int, b: int, strip: str) -> tuple[int, int] | None:
    """text[a:b] without the ``strip`` characters around it, as a span (None when empty or longer than a
    group row's name can be)."""
    seg = text[a:b]
    core = seg.strip(strip)
    if not core or len(core) > 160:
        return None
    s = a + seg.index(core)
    return s, s + len(core)


_CONTINUED = regex.compile(CONTINUED_MARK)


def _table_group_mentions(ctx: DocContext, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The group rows of the task tables no line-level reading above has mentioned (a table pasted as
    comma-separated values, a row of an OCR'd table): each names its indicator."""
    from papi_extract.tables import find_tables, group_cell_parts

    tables = find_tables(ctx)
    if not tables:
        return []
    taken = [m["span"] for m in found]
    out: list[dict[str, Any]] = []
    for t in tables:
        for r in t.rows:
            c = r.cells.get("text") if r.kind in ("group", "subgroup") else None
            if c is None or len(c.parts) != 1:
                continue
            a, b = c.parts[0]
            # a cell naming the dimension and then its sub-dimension ("… Nội dung thành phần: X") names both
            for part in group_cell_parts(ctx.folded, a, b):
                span = _core_span(ctx.text, *part, " \t\"*:.-–+")
                if span is None or any(x < span[1] and span[0] < y for x, y in taken):
                    continue
                out.extend(_group_row_mentions(ctx, span, ctx.section_at(span[0])))
    return out


def _table_column_mentions(ctx: DocContext) -> list[dict[str, Any]]:
    """A task table's "Chỉ số nội dung" / "Nội dung thành phần" column names the indicator of its rows:
    one mention per run of rows with the same name (a merged cell, or its value repeated down the rows)."""
    from papi_extract.tables import column_codes, find_tables

    out: list[dict[str, Any]] = []
    folded = ctx.folded
    for t in find_tables(ctx):
        for role in ("dimension", "subdimension"):
            if role not in t.columns:
                continue
            prev = ""
            for r in t.rows:
                c = r.cells.get(role) if r.kind == "task" else None
                if c is None or len(c.parts) != 1:
                    prev = "" if r.kind != "task" else prev
                    continue
                a, b = c.parts[0]
                name = " ".join(folded[a:b].split())
                if not name or name == prev:
                    continue
                prev = name
                codes = (column_codes(folded[a:b]) if role == "dimension" else code_list(folded[a:b])) if b - a < 200 else ()
                if role == "dimension" and codes:
                    # "Chỉ số tác động" | "CSND 1, 4": each dimension a mention; "CSND 5 - nội dung thành phần 5.1" is
                    # one, the sub-dimension its dimension's code is followed by
                    codes = tuple(c for k, c in enumerate(codes)
                                  if not (c[1] is None and any(d == c[0] and sc is not None for d, sc in codes[k + 1:])))
                if codes:
                    # "Nhằm cải thiện" | "8.1; 5.4": each code is a mention, raw the whole cell
                    out.extend(_code_mentions(ctx, codes, (a, b)))
                    continue
                found = find_indicators_folded(folded[a:b])
                if role == "dimension" and (pair_sub := dimension_then_sub(found)) is not None:
                    # "Cung ứng dịch vụ công - An ninh, trật tự" in the column of indicators: the sub-dimension,
                    # named with its dimension, is the row's indicator
                    out.extend(_mentions(ctx, (pair_sub,), (a, b), ctx.section_at(a), "table_column"))
                elif found and all(m.exact for m in found) and (role == "dimension" or found[0].subdimension):
                    # (the column of indicators may name a sub-dimension: "2.2. Công khai danh sách hộ nghèo")
                    out.extend(_mentions(ctx, found, (a, b), ctx.section_at(a), "table_column"))
                elif role == "subdimension" and b - a < 200 and (whole := column_dimension(ctx.text[a:b])) is not None:
                    # a whole dimension named in the sub-dimension column (with, in brackets, one of its parts)
                    out.extend(_code_mentions(ctx, (whole,), (a, b)))
                elif (role == "subdimension" and r.dimension is not None and b - a < 200
                      and (para := closest_subdimension(folded[a:b], r.dimension)) is not None
                      and para.subdimension == r.subdimension):
                    # a reworded name in the column of sub-dimensions: the row took it as the closest of its dimension
                    out.extend(_mentions(ctx, (para,), (a, b), ctx.section_at(a), "table_column"))
    return out


def _code_mentions(ctx: DocContext, codes: tuple[tuple[int, str | None], ...], span: tuple[int, int]
                   ) -> list[dict[str, Any]]:
    """The mentions of a cell of indicator codes: the named dimension or sub-dimension of each, exact."""
    found = tuple(IndicatorMatch(d, s, canonical_name(d, s), 1.0, True, 0, span[1] - span[0]) for d, s in codes)
    return _mentions(ctx, found, span, ctx.section_at(span[0]), "table_column")


@lru_cache(maxsize=1)
def _mention_list() -> TypeAdapter[list[IndicatorMention]]:
    return TypeAdapter(list[IndicatorMention])


def dimension_at(ctx: DocContext, offset: int, section: str | None) -> tuple[int | None, str | None]:
    """The dimension/sub-dimension in force at ``offset`` inside ``section``: the nearest table group
    row or bold indicator line above it in the same section (a sub-group row gives its
    sub-dimension), else the section's own (inherited) dimension. For the tasks stage."""
    group: IndicatorMention | None = None
    sub: IndicatorMention | None = None
    for m in ctx.indicators:
        if m.span[0] >= offset:
            break
        if m.section != section or m.method.split("_fuzzy")[0] not in ("table_group", "table_subgroup", "bold"):
            continue
        if m.subdimension is None:
            group, sub = m, None
        else:
            sub = m
    if sub is not None and (group is None or sub.dimension == group.dimension or sub.span[0] > group.span[0]):
        return sub.dimension, sub.subdimension
    if group is not None:
        return group.dimension, None
    for s in ctx.sections:
        if s.id == section:
            return s.dimension, s.subdimension
    return None, None


STAGE = Stage(
    "indicators",
    extract_indicators,
    ("norm", "sections", "blocks", "heading_lines"),
    ("indicators", "sections", "warnings"),
)
