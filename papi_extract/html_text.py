"""HTML to plain text that keeps a plan's layout: one heading, paragraph, list item or table row per line.

Why not trafilatura's own text output: it prints tables as markdown pipes and loses heading levels.
We let trafilatura (maintained, offline) pick the main content and drop page chrome, ask it for
HTML, and render that HTML ourselves:

- a heading becomes ``"#" * level + " " + text`` and a wholly bold paragraph ``**text**`` (a leading
  bold run stays ``**run** rest``): ``normalize()`` strips these marks and keeps them as layout
  evidence (``LineInfo.md_level`` / ``bold``), exactly as for the markdown seeds;
- a list item is ``- text`` (``N. text`` in an ordered list);
- a table row is its cells joined by tabs (a ``colspan`` adds empty cells so columns stay aligned),
  the same shape as the tab-separated tables of the text seeds;
- ``<br>`` ends a line; paragraphs are separated by a blank line.

When trafilatura finds nothing, or keeps much less than the page's own text once chrome
(``nav``, ``aside``, ``footer``, scripts, styles, form controls) is removed, the cleaned page body is
rendered instead: losing half of a plan is worse than keeping a sidebar line. Nothing is ever
downloaded: the input is a string.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import regex
from lxml import etree

from papi_extract.grid_tables import LAYOUT_MAX_CELLS, LAYOUT_MAX_ROWS
from papi_extract.positioned_html import XML_CONTROL, has_positioned_text, positioned_tables_to_tables

_WS = regex.compile(r"\s+")
# str.split() also splits on these four (Python's isspace), \s does not; only a string holding
# one of them needs the regex to squash its blanks exactly like before.
_SPLIT_ONLY_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f")
_LEADING_MARK = regex.compile(r"^(?:[-+*•–·]|\d{1,3}[.)]|[a-zđ][.)])\s")

# Dropped everywhere: never content. ``header`` is dropped only outside article/main (page banner).
# Not <form>: ASP.NET and SharePoint portals (common for Vietnamese government sites) wrap the whole page in one.
_DROP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "nav",
     "aside", "footer", "button", "select", "input", "textarea", "head", "title", "meta", "link",
     "del", "s", "strike"}  # a draft's struck text ("<del>Quý II</del> <ins>Quý III</ins>"): not the plan's
)
_BLOCK = frozenset(
    {"p", "div", "section", "article", "main", "blockquote", "center", "address", "figure", "figcaption",
     "dl", "dt", "dd", "header", "body", "html", "fieldset", "details", "summary", "hr"}
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BOLD = frozenset({"b", "strong"})
# Fallback is used when trafilatura keeps less than this share of the cleaned page's text.
_MIN_KEPT = 0.6
_PARSER = etree.HTMLParser()
_STRING = etree.XPath("string()", smart_strings=False)


def _squash(text: str) -> str:
    """Runs of white space as one space, ends stripped (``str.split``/``join`` in C, not a regex)."""
    for c in _SPLIT_ONLY_SPACES:
        if c in text:
            return _WS.sub(" ", text).strip()
    return " ".join(text.split())


@dataclass(slots=True)
class _Line:
    """One output line under construction: text runs with a bold flag each."""

    prefix: str = ""
    runs: list[tuple[str, bool]] = field(default_factory=list)

    def add(self, text: str, bold: bool) -> None:
        if text:
            self.runs.append((text, bold))

    def render(self) -> str:
        text = _squash("".join([t for t, _ in self.runs]))
        if not text:
            return ""
        lead = ""
        for t, b in self.runs:
            if not b and t.strip():
                break
            lead += t
        lead_clean = _squash(lead) if lead else ""
        if lead_clean and "*" not in text:
            if len(lead_clean) >= len(text):
                text = f"**{text}**"
            elif text.startswith(lead_clean) and len(lead_clean) >= 2:
                text = f"**{lead_clean}** {text[len(lead_clean):].strip()}"
        return self.prefix + text


class _Renderer:
    """Walks an lxml tree and produces layout-preserving lines (see the module docstring)."""

    def __init__(self, drop_chrome: bool) -> None:
        self.drop_chrome = drop_chrome
        self.lines: list[str] = []
        self.cur = _Line()

    # -- line management -------------------------------------------------------------------
    def flush(self, blank_after: bool = False, keep_prefix: bool = False) -> None:
        """``keep_prefix``: a block opening inside ``<li>`` (``<li><p>Tổ chức …</p><p>Chủ trì: …</p></li>``)
        keeps the item's bullet for its first line, as a browser draws it."""
        cur = self.cur
        out = cur.render() if cur.runs else ""
        if out:
            self.lines.append(out)
            self.cur = _Line()
        elif cur.prefix and keep_prefix:  # only white space so far: the bullet waits for the block's text
            cur.runs.clear()
        elif cur.runs or cur.prefix:  # nothing to render: keep the empty line unless it carries a prefix
            self.cur = _Line()
        if blank_after and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def add(self, text: str | None, bold: bool) -> None:
        if text:
            self.cur.add(text, bold)

    # -- traversal ---------------------------------------------------------------------------
    def walk(self, el: object, bold: bool = False) -> None:
        tag = _tag(el)
        if tag is None:  # comment, processing instruction, entity
            self.add(getattr(el, "tail", None), bold)
            return
        if tag in _DROP or (tag == "header" and self.drop_chrome and not _inside_content(el)):
            self.add(el.tail, bold)  # type: ignore[attr-defined]
            return
        if tag == "br":
            self.flush()
            self.add(el.tail, bold)  # type: ignore[attr-defined]
            return
        if tag == "table" and _is_layout_table(el):  # an old portal's page grid: its cells are blocks
            self.flush(blank_after=True)
            for row in _rows(el):
                for cell in row:  # type: ignore[attr-defined]
                    if _tag(cell) in ("td", "th"):
                        self.flush(blank_after=True)
                        self.children(cell, bold)
                        self.flush(blank_after=True)
            self.add(el.tail, bold)  # type: ignore[attr-defined]
            return
        if tag == "table":
            self.flush(blank_after=True)
            self.table(el)
            self.flush(blank_after=True)
            self.add(el.tail, bold)  # type: ignore[attr-defined]
            return
        if tag == "pre":
            self.flush(blank_after=True)
            for line in _text_content(el).split("\n"):
                if line.strip():
                    self.lines.append(line.rstrip())
            self.flush(blank_after=True)
            self.add(el.tail, bold)  # type: ignore[attr-defined]
            return
        level = _HEADINGS.get(tag)
        is_bold = bold or tag in _BOLD or level is not None
        if level is not None:
            self.flush(blank_after=True)
            self.cur.prefix = "#" * level + " "
            self.children(el, bold=False)
            self.flush(blank_after=True)
        elif tag in ("ul", "ol"):  # <ol> numbers were written into the items' text beforehand
            self.flush()
            self.children(el, bold)
            self.flush(blank_after=True)
        elif tag == "li":
            self.flush()
            self.cur.prefix = "" if _LEADING_MARK.match(_first_text(el)) else "- "
            self.children(el, bold)
            self.flush()
        elif tag in _BLOCK or tag == "tr":
            self.flush(blank_after=tag in ("p", "blockquote", "dd"), keep_prefix=tag in ("p", "div"))
            self.children(el, is_bold)
            self.flush(blank_after=tag in ("p", "blockquote", "dd"))
        else:  # inline
            self.children(el, is_bold)
        self.add(el.tail, bold)  # type: ignore[attr-defined]

    def children(self, el: object, bold: bool) -> None:
        self.add(el.text, bold)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            self.walk(child, bold)

    def table(self, table: object) -> None:
        for row in _rows(table):
            cells: list[str] = []
            for cell in row:  # type: ignore[attr-defined]
                ctag = _tag(cell)
                if ctag not in ("td", "th"):
                    continue
                cells.append(_squash(_cell_text(cell)))
                colspan = cell.get("colspan")  # type: ignore[attr-defined]
                if colspan is None:
                    continue
                try:
                    span = int(colspan)
                except ValueError:
                    span = 1
                cells.extend([""] * max(0, min(span, 50) - 1))
            if any(cells):
                self.lines.append("\t".join(cells))


def _tag(el: object) -> str | None:
    tag = getattr(el, "tag", None)
    if tag.__class__ is not str:  # comments and processing instructions have a function here
        return None
    if "}" in tag:
        tag = tag.rsplit("}", 1)[1]
    return tag.lower()


def _inside_content(el: object) -> bool:
    parent = el.getparent()  # type: ignore[attr-defined]
    while parent is not None:
        if _tag(parent) in ("article", "main"):
            return True
        parent = parent.getparent()
    return False


def _rows(table: object) -> Iterator[object]:
    """Rows of this table (through thead/tbody/tfoot), not of tables nested in its cells."""
    for child in table:  # type: ignore[attr-defined]
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from _rows(child)


_LAYOUT_MARKS = ("h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol")


_LAYOUT_MIN_BREAKS = 2  # lines in one cell ("ỦY BAN NHÂN DÂN<br>TỈNH …<br>Số: …")


def _is_layout_table(table: object) -> bool:
    """A table used to lay out a page, not to hold data: a cell holds headings, lists or tables, or
    more text than any task cell would (collapsing such a cell to one line would lose the plan); a
    single column of cells broken into lines (an old portal's text, one section per row); or a
    one- or two-row grid of two or three cells, one of them several lines long: the two-column
    header ("ỦY BAN NHÂN DÂN …" | "CỘNG HÒA …") or the signature block ("Nơi nhận: …" | "TM. …")."""
    if _is_grid_of_blocks(table):
        return True
    rows = list(_rows(table))
    if len(rows) >= 2 and all(len(_cells(r)) <= 1 for r in rows) and any(
            next(c.iter("br"), None) is not None for r in rows for c in _cells(r)):  # type: ignore[attr-defined]
        return True  # one column of cells holding lines: a page's text laid out row by row, no data grid
    for row in rows:
        for cell in row:  # type: ignore[attr-defined]
            if _tag(cell) not in ("td", "th"):
                continue
            if not len(cell):  # type: ignore[arg-type] # a plain text cell (most of them)
                if len(cell.text or "") > 3000:  # type: ignore[attr-defined]
                    return True
                continue
            # HTML parsing gives lowercase, namespace-free tag names, so lxml can match them in C.
            if next(cell.iter(*_LAYOUT_MARKS), None) is not None:  # type: ignore[attr-defined]
                return True
            if _text_length(cell) > 3000:
                return True
    return False


def _is_grid_of_blocks(table: object) -> bool:
    rows = list(_rows(table))
    if not rows or len(rows) > LAYOUT_MAX_ROWS:
        return False
    lined = False
    for row in rows:
        cells = _cells(row)
        if len(cells) > LAYOUT_MAX_CELLS:
            return False
        for cell in cells:
            breaks = sum(1 for _ in cell.iter("br", "p", "div"))  # type: ignore[attr-defined]
            lined = lined or breaks >= _LAYOUT_MIN_BREAKS
    return lined and any(len(_cells(r)) >= 2 for r in rows)


def _cells(row: object) -> list[Any]:
    return [c for c in row if _tag(c) in ("td", "th")]  # type: ignore[attr-defined]


def _expand_rowspans(root: object) -> None:
    """Repeat a cell with rowspan="n" in the n - 1 rows below it, at its column.

    One lead or time cell spanning two task rows is the lead or time of both, as a reader of the
    printed table understands it; trafilatura drops the attribute, and the rows below would lose
    the cell (and shift their other cells left). Done on the tree, before anyone renders it.
    """
    for table in root.iter("table"):  # type: ignore[attr-defined]
        if table.find(".//*[@rowspan]") is None:
            continue
        pending: dict[int, tuple[Any, int]] = {}  # column -> (cell, rows still to fill)
        for row in _rows(table):
            col = 0
            for cell in _cells(row):
                while col in pending:
                    col = _fill(row, cell, col, pending)
                rows_down = _span(cell, "rowspan") - 1
                if rows_down > 0:
                    del cell.attrib["rowspan"]
                    pending[col] = (cell, rows_down)
                col += _span(cell, "colspan")
            while pending and max(pending) >= col:  # spans right of this row's last cell
                col = _fill(row, None, col, pending) if col in pending else col + 1


def _fill(row: Any, before: Any, col: int, pending: dict[int, tuple[Any, int]]) -> int:
    """Insert a copy of the cell spanning into ``row`` at column ``col`` (before ``before``)."""
    cell, left = pending[col]
    dup = copy.deepcopy(cell)
    dup.tail = None
    if before is None:
        row.append(dup)
    else:
        before.addprevious(dup)
    if left <= 1:
        del pending[col]
    else:
        pending[col] = (cell, left - 1)
    return col + _span(cell, "colspan")


def _span(cell: object, attr: str) -> int:
    """A cell's colspan or rowspan: 1 when missing or not a number, at most 50."""
    v = cell.get(attr)  # type: ignore[attr-defined]
    if v is None:
        return 1
    try:
        return max(1, min(int(v), 50))
    except ValueError:
        return 1


def _text_length(el: object) -> int:
    """``len(_text_content(el))`` without building the string (an XPath call per cell is slow)."""
    texts: Iterable[str] = el.itertext()  # type: ignore[attr-defined]
    return sum(map(len, texts))


def _cell_text(cell: object) -> str:
    """A cell's text on one line. Its lines (nested blocks, <br>) are joined by a space when the line before
    ends with punctuation or the next goes on in lower case, else by "; ": a cell listing agencies one per
    <div> or <p> ("Sở Thông tin và Truyền thông" / "Báo Hưng Yên") keeps them apart, as a "<br>" list does."""
    if not len(cell):  # type: ignore[arg-type]
        return cell.text or ""  # type: ignore[attr-defined,no-any-return]
    parts: list[str] = []

    def rec(el: object) -> None:
        tag = _tag(el)
        if tag is not None and tag not in _DROP:
            # a line end in the markup's own text is a space (pandoc wraps "An\n      Lão" at 72 columns); only
            # blocks and <br> end a line of the cell
            parts.append((el.text or "").replace("\n", " "))  # type: ignore[attr-defined]
            for child in el:  # type: ignore[attr-defined]
                ctag = _tag(child)
                sep = "\n" if ctag in _BLOCK or ctag in ("br", "li", "td", "th", "tr") else ""
                parts.append(sep)
                rec(child)
                parts.append(sep)
                parts.append((child.tail or "").replace("\n", " "))  # type: ignore[attr-defined]

    rec(cell)
    joined = "".join(parts)
    if "\n" not in joined:
        return joined
    out = ""
    for line in joined.split("\n"):
        t = " ".join(line.split())
        if not t:
            continue
        if out:
            out += " " if out[-1] in _CELL_LINE_ENDS or not (t[0].isupper() or t[0].isdigit() or t[0] in "-–+•") else "; "
        out += t
    return out


_CELL_LINE_ENDS = frozenset(";,.:–-(/")


def _text_content(el: object) -> str:
    """All text below ``el`` (what lxml.html's ``text_content()`` returns, for plain elements too)."""
    return _STRING(el)  # type: ignore[no-any-return]


def _first_text(el: object) -> str:
    for t in el.itertext():  # type: ignore[attr-defined]
        if t.strip():
            return t.lstrip()
    return ""


def _parse(html: str) -> object | None:
    """The page as a tree of plain lxml elements: the same parse as ``lxml.html.document_fromstring``
    without its per-element Python class lookup (we only read tags, text and attributes)."""
    try:
        root = etree.fromstring(html, _PARSER)
    except Exception:  # noqa: BLE001 - lxml raises several types on empty/odd input
        return None
    return root  # None for an empty document, like document_fromstring's "Document is empty"


# What a grid cell may not hold: a cell of a table built from <div>s holds text, inline markup and <div> lines; a
# layout column (main text beside a sidebar) holds paragraphs, lists, headings, sections.
_GRID_CELL_BLOCKERS = frozenset(
    {"p", "ul", "ol", "li", "table", "article", "section", "nav", "aside", "header", "footer", "form", "main",
     "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "iframe", "img"})
_MIN_GRID_ROWS = 2  # consecutive grid rows that make a table
_MAX_GRID_COLS = 24


def _classes(el: Any) -> list[str]:
    return (el.get("class") or "").split()


def _grid_cols(el: Any) -> list[Any] | None:
    """The column <div>s of a CSS grid row (``<div class="row"><div class="col-md-4">…``), or None when ``el``
    is no such row: at least two children, every one a ``col``/``col-*`` <div>."""
    if el.tag != "div" or "row" not in _classes(el):
        return None
    cols = [c for c in el if isinstance(c.tag, str)]
    if not 2 <= len(cols) <= _MAX_GRID_COLS:
        return None
    for c in cols:
        if c.tag != "div" or not any(k == "col" or k.startswith("col-") for k in _classes(c)):
            return None
    return cols


def _grid_row_cells(el: Any) -> list[Any] | None:
    """A grid row's columns when every one holds only what a table cell holds (text, inline markup, <div>
    lines, a nested grid row); None for a page-layout row."""
    cols = _grid_cols(el)
    if cols is None:
        return None
    for c in cols:
        for d in c.iter():
            if isinstance(d.tag, str) and d.tag in _GRID_CELL_BLOCKERS:
                return None
    return cols


def _div_grids_to_tables(root: Any) -> None:
    """Tables a CMS builds from CSS grid <div>s ("div-table": a ``row`` per table row, a ``col-md-N`` per
    cell) become <table>s, so they are read as tables: two or more sibling grid rows whose columns hold
    only cell content. A cell holding a nested grid row ("Năm 2022" over "Điểm | Xếp hạng") gives one cell
    per nested column, the outer text before each. Layout rows (main text beside a sidebar) are left."""
    runs: list[list[Any]] = []
    for parent in root.iter():
        if not isinstance(parent.tag, str):
            continue
        run: list[Any] = []
        for c in parent:
            if isinstance(c.tag, str) and _grid_row_cells(c) is not None:
                run.append(c)
                continue
            if not isinstance(c.tag, str):
                continue  # a comment between rows
            if len(run) >= _MIN_GRID_ROWS:
                runs.append(run)
            run = []
        if len(run) >= _MIN_GRID_ROWS:
            runs.append(run)
    for run in runs:
        parent = run[0].getparent()
        if parent is None:
            continue
        table = etree.Element("table")
        parent.insert(parent.index(run[0]), table)
        for row in run:
            tr = etree.SubElement(table, "tr")
            for col in _grid_cols(row) or []:
                nested = next((k for k in col if isinstance(k.tag, str) and _grid_cols(k) is not None), None)
                if nested is None:
                    td = etree.SubElement(tr, "td")
                    td.text = XML_CONTROL.sub(" ", col.text) if col.text else col.text
                    td.extend(list(col))
                    continue
                head = " ".join(
                    " ".join(t.split()) for t in [col.text or ""] + [
                        "".join(k.itertext()) + (k.tail or "") for k in col if k is not nested and isinstance(k.tag, str)]
                    if t.strip())
                for sub in _grid_cols(nested) or []:
                    td = etree.SubElement(tr, "td")
                    td.text = XML_CONTROL.sub(" ", " ".join(p for p in (head, " ".join("".join(sub.itertext()).split())) if p))
            parent.remove(row)


def _strip_office_tags(root: Any) -> None:
    """Word's "Web Page" save writes Office markup with a namespace prefix (``<o:p></o:p>`` closing each
    paragraph, ``<st1:place>`` around a name): the tags go, their text stays. Left in, ``<o:p>`` reads as a
    paragraph to the main-text extractor, which then moves a cell's later paragraphs out of its table."""
    tags = {el.tag for el in root.iter() if isinstance(el.tag, str) and ":" in el.tag}
    if tags:
        etree.strip_tags(root, *tags)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out


def _ol_label(n: int, kind: str) -> str:
    if kind in ("a", "A"):
        label = chr(ord("a") + (n - 1) % 26)
    elif kind in ("i", "I"):
        label = _roman(n)
    else:
        return str(n)
    return label.upper() if kind.isupper() else label


def _number_ordered_lists(root: object) -> None:
    """Write an <ol>'s numbers into its items' text: in a plan the number is content ("2. Phòng Nội vụ"),
    and trafilatura would otherwise turn the list into bullets."""
    for ol in root.iter("ol"):  # type: ignore[attr-defined]
        try:
            n = int(ol.get("start", "1"))
        except ValueError:
            n = 1
        kind = ol.get("type", "1")
        for li in ol:
            if _tag(li) != "li":
                continue
            label = f"{_ol_label(n, kind)}. "
            li.text = label + (li.text or "").lstrip()
            n += 1
        ol.tag = "ul"


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _superscript_marks(root: object) -> None:
    """Write a footnote's mark in <sup> ("42,28 điểm<sup>2</sup>") as superscript figures ("42,28 điểm²"), as Word's
    text export does: glued as plain figures it would read as part of the number or the word before it."""
    for sup in root.iter("sup"):  # type: ignore[attr-defined]
        t = (sup.text or "").strip()
        if 0 < len(t) <= 3 and t.isdigit() and not len(sup):
            sup.text = t.translate(_SUPERSCRIPT)


def _render(root: object, drop_chrome: bool) -> str:
    r = _Renderer(drop_chrome)
    body = root.find(".//body")  # type: ignore[attr-defined]
    r.walk(body if body is not None else root)
    r.flush()
    lines = r.lines
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines)


def _lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.strip())


# a Roman-numbered heading line ("I. MỤC ĐÍCH, YÊU CẦU", "**II. NHIỆM VỤ**", "## III. …")
_ROMAN_HEADING_LINE = regex.compile(r"(?m)^[#* \t]{0,8}[IVX]{1,4}[ \t]{0,2}[.)][ \t]{1,4}\S")


# the document's type alone on its line ("KẾ HOẠCH", "## Kế hoạch"): the title block's first line
_DOC_TYPE_LINE = regex.compile(
    r"(?mi)^[#* \t]{0,8}(?:kế hoạch|quyết định|báo cáo|chương trình(?: hành động)?|đề án|chỉ thị|hướng dẫn)[* \t]{0,4}$")


def _headings(text: str) -> int:
    """The plan's Roman-numbered heading lines and its document-type line: an extraction that drops some
    (trafilatura drops a ``<div>`` holding only a ``<strong>`` heading on some portals, and an ``<h2>KẾ
    HOẠCH</h2>`` it takes for the page's title) lost the plan's outline."""
    return len(_ROMAN_HEADING_LINE.findall(text)) + len(_DOC_TYPE_LINE.findall(text))


_RESTORE_MAX_RUN = 3  # dropped lines put back at most, between two kept ones
_RESTORE_MAX_LINE = 600  # a dropped line longer than this is a block the extraction judged chrome


_ORDER_SLACK = 3  # lines of the extraction that the page has before a line already placed


def _in_page_order(page: str, main: str) -> bool:
    """Whether the extraction keeps the page's order: each of its lines (those the page has once) comes
    after every line before it in the page, but for a few (a repeated caption, a moved image note)."""
    pos: dict[str, int] = {}
    for k, ln in enumerate(page.split("\n")):
        t = ln.strip()
        if t:
            pos[t] = -1 if t in pos else k
    top = -1
    moved = 0
    for ln in main.split("\n"):
        k = pos.get(ln.strip(), -1)
        if k < 0:
            continue
        if k < top:  # a line the page has before one already placed: moved back
            moved += 1
            if moved > _ORDER_SLACK:
                return False
        top = max(top, k)
    return True


def _restore_dropped(page: str, main: str) -> str:
    """``page`` with only the lines ``main`` kept, plus each run of at most three short lines ``main``
    dropped between two lines it kept (trafilatura drops a ``<div>`` holding only a ``<strong>``:
    "I. MỤC ĐÍCH, YÊU CẦU", "KẾ HOẠCH"; a menu or a list of links is a longer run, or stands at an end)."""
    kept = {ln.strip() for ln in main.split("\n") if ln.strip()}
    lines = page.split("\n")
    state = [None if not ln.strip() else ln.strip() in kept for ln in lines]
    out: list[str] = []
    seen_kept = False
    i = 0
    n = len(lines)
    while i < n:
        if state[i] is not False:
            if state[i] is True:
                seen_kept = True
            out.append(lines[i])
            i += 1
            continue
        j = i
        run: list[int] = []
        while j < n and state[j] is not True:
            if state[j] is False:
                run.append(j)
            j += 1
        if (seen_kept and j < n and len(run) <= _RESTORE_MAX_RUN
                and all(len(lines[k]) <= _RESTORE_MAX_LINE for k in run)):
            out.extend(lines[i:j])
        i = j
    return "\n".join(out)


def _letters(text: str) -> int:
    """Non-space characters (the markers both renderings add are negligible)."""
    return len("".join(text.split()))


_EXTRACT_OPTIONS: dict[str, object] = dict(
    output_format="html", include_tables=True, include_formatting=True, include_links=False,
    include_images=False, include_comments=False, favor_recall=True, deduplicate=False, with_metadata=False,
)


def _trafilatura_html(html: str) -> str | None:
    try:
        import trafilatura
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    # Its "empty tree" complaints are ours to handle (we fall back), not the user's to read.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        out = _extract_html(trafilatura, html)
    except Exception:  # noqa: BLE001 - a library failure must not lose the document
        return None
    return out or None


def _extract_html(trafilatura: Any, html: str) -> str | None:
    """``trafilatura.extract(html, **_EXTRACT_OPTIONS)``, minus the work we would throw away.

    For every output format but plain text, ``extract()`` also computes a content fingerprint (a
    simhash over every token of the page: about a quarter of the extraction time) that only its
    metadata output shows. From trafilatura 2.0 on, ``bare_extraction()`` returns the extracted
    ``Document`` and ``determine_returnstring()`` serializes it exactly as ``extract()`` does, so
    the two steps give the same HTML without the fingerprint. Older versions take ``extract()``.
    """
    try:
        from trafilatura.core import determine_returnstring
        from trafilatura.settings import Extractor
    except ImportError:  # pragma: no cover - depends on the installed version
        return trafilatura.extract(html, **_EXTRACT_OPTIONS)  # type: ignore[no-any-return]
    if int(trafilatura.__version__.split(".")[0]) < 2:  # pragma: no cover
        return trafilatura.extract(html, **_EXTRACT_OPTIONS)  # type: ignore[no-any-return]
    options = Extractor(
        output_format="html", tables=True, formatting=True, links=False, images=False, comments=False,
        recall=True, dedup=False, with_metadata=False,
    )
    document = trafilatura.bare_extraction(html, options=options)
    if document is None:
        return None
    return determine_returnstring(document, options)  # type: ignore[no-any-return]


def render_tables_in_text(text: str) -> str:
    """``text`` (markdown or plain) with each raw ``<table>…</table>`` block rendered like an HTML page's.

    Why: pandoc writes a .docx table it cannot express in markdown as raw HTML, and pages saved as
    text keep theirs. Left alone, the tag stripper of normalize would squash a task table into
    loose words; rendered, its rows are tab-separated lines and a header or signature grid is read
    cell by cell, exactly as in an HTML input. Blocks are found with ``str.find`` (one pass).
    """
    low = text.lower()
    out: list[str] = []
    pos = 0
    while True:
        a = low.find("<table", pos)
        if a < 0:
            break
        b = low.find("</table>", a)
        if b < 0:
            break
        if low.find("<table", a + 6, b) >= 0:  # a nested table: render from the outer one
            depth_end = _outer_table_end(low, a)
            if depth_end < 0:
                break
            b = depth_end
        b += len("</table>")
        root = _parse(text[a:b])
        rendered = ""
        if root is not None:
            _number_ordered_lists(root)
            _superscript_marks(root)
            _expand_rowspans(root)
            rendered = _render(root, drop_chrome=False)
        out.append(text[pos:a])
        out.append("\n" + rendered + "\n")
        pos = b
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _outer_table_end(low: str, a: int) -> int:
    """Where the ``</table>`` closing the table opened at ``a`` starts, or -1."""
    depth = 0
    i = a
    while True:
        o = low.find("<table", i)
        c = low.find("</table>", i)
        if c < 0:
            return -1
        if 0 <= o < c:
            depth += 1
            i = o + 6
            continue
        depth -= 1
        if depth == 0:
            return c
        i = c + 8


def _join_documents(html: str) -> str:
    """Several HTML documents written one after another into one file (``pdftohtml -s`` writes one per page
    of the PDF) as one document: their bodies in order. A parser reads only the first document, so the plan
    would end with its first page."""
    low = html.lower()
    if low.count("<html", 0, len(low)) < 2:
        return html
    bodies: list[str] = []
    k = low.find("<body")
    while k >= 0:
        a = low.find(">", k) + 1
        b = low.find("</body", a)
        if a <= 0 or b < 0:
            break
        bodies.append(html[a:b])
        k = low.find("<body", b)
    if len(bodies) < 2:
        return html
    head_end = low.find("<body")
    return html[:head_end] + "<body>" + "\n".join(bodies) + "</body></html>"


# Control characters XML text may not hold (a form feed from a PDF conversion, a stray NUL): lxml parses them into
# the tree but refuses them when a text is set again (a rebuilt table cell), so they become spaces first (and an
# entity's, "&#16;", when a cell's text is set).
_XML_CONTROL = XML_CONTROL


def html_to_text(html: str) -> str:
    """Main text of an HTML page, one block per line (see the module docstring for the shape)."""
    if _XML_CONTROL.search(html):
        html = _XML_CONTROL.sub(" ", html)
    root = _parse(_join_documents(html))
    if root is None:
        return ""
    _strip_office_tags(root)
    if has_positioned_text(html):
        positioned_tables_to_tables(root)  # a PDF converted to HTML (pdftohtml): tables from the coordinates
    _div_grids_to_tables(root)
    _number_ordered_lists(root)
    _superscript_marks(root)
    _expand_rowspans(root)
    page = _render(root, drop_chrome=True)
    if not page.strip():
        return ""
    import lxml.html

    published = _published(root)
    extracted = _trafilatura_html(lxml.html.tostring(root, encoding="unicode"))
    if extracted:
        main_root = _parse(extracted)
        if main_root is not None:
            main = _render(main_root, drop_chrome=False)
            # Kept most of the text *and* most of the lines: a squashed extraction (trafilatura's
            # baseline fallback on odd pages, one <p> holding the whole page) keeps the letters
            # but loses the layout.
            if _letters(main) >= _MIN_KEPT * _letters(page) and _lines(main) >= _MIN_KEPT * _lines(page):
                if _headings(main) >= _headings(page) and _in_page_order(page, main):
                    return _with_published(main, published)
                # (an extraction that moved blocks, as trafilatura does with the tables of a page laid
                # out in tables, is put back in the page's order: the page's lines it kept)
                # the extraction dropped some of the plan's headings: put back the short runs of page
                # lines it dropped between lines it kept (a heading, a title), not the long ones (menus,
                # lists of links)
                return _with_published(_restore_dropped(page, main), published)
    return _with_published(page, published)


_DATE_TEXT = regex.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d{2})(?!\d)")
_ISO_DATE = regex.compile(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})")
PUBLISHED_LABEL = "Ngày đăng"  # one of header.yaml's article date labels


def _published(root: object) -> str | None:
    """The publication date a news page prints in its article's <time> element ("03/05/2024 06:40"),
    else the one its metadata gives (article:published_time, as dd/mm/yyyy), or None.

    Why: the main-text extractor drops the byline block with the date, and an article's date is
    its issue date; the reader of article headers looks for a labelled date line."""
    for el in root.iter("time"):  # type: ignore[attr-defined]
        t = " ".join("".join(el.itertext()).split())
        if _DATE_TEXT.search(t):
            return t
        m = _ISO_DATE.match(el.get("datetime") or "")
        if m:
            return f"{m.group(3)}/{m.group(2)}/{m.group(1)}"
    for el in root.iter("meta"):  # type: ignore[attr-defined]
        if (el.get("property") or el.get("name") or "").lower() in ("article:published_time", "datepublished"):
            m = _ISO_DATE.match(el.get("content") or "")
            if m:
                return f"{m.group(3)}/{m.group(2)}/{m.group(1)}"
    return None


def _with_published(text: str, published: str | None) -> str:
    """The page text with a labelled date line under its headline, when the text has no date line."""
    if not published or not text.strip():
        return text
    head, sep, rest = text.lstrip("\n").partition("\n")
    if published in text[:2000]:
        return text
    return f"{head}\n{PUBLISHED_LABEL}: {published}{sep}{rest}"
