"""Tables of a PDF converted to positioned HTML (``pdftohtml -s``), rebuilt as ``<table>``s from the coordinates.

Why: pdftohtml writes every text line or block of a page as an absolutely positioned ``<p>``
(``style="position:absolute;top:260px;left:80px"``), in drawing order, and no ``<table>``. A table's
cells come out one ``<p>`` each, a row's number (centred in its cell) after or before its text, a
wrapped cell as one ``<p>`` with ``<br/>``s or as several ``<p>``s one under the other. Read in file
order, a table is a column of loose cells.

Rebuilt: the ``<p>``s of a page are grouped into bands of lines that overlap vertically (each
``<p>`` spans its lines, from its font's line height in the page's CSS). A run of bands of two or
more cells side by side (and of group rows: a label at the run's left edge, "II Công khai …") is a
table when three of its bands hold cells and one holds three. Its columns are the left edges of
its fullest rows; each ``<p>`` goes to the column its left edge falls in (between two columns' left
edges, nearer the next one: a centred cell starts left of its column's header). The ``<p>``s of
one column in one band are one cell, top to bottom. pdftohtml joins two neighbouring short cells
with a no-break space ("Theo nhiệm kỳ&#160;Văn bản hướng dẫn"): a cell of exactly one such join
whose next column is empty in its row is cut there. In the first column, short pieces one under
the other that spell "STT", a Roman or a row number are one word cut by the narrow cell ("ST" / "T",
"VII" / "I"); other pieces are joined by a space ("Số" / "TT"). The table replaces its
``<p>``s where the first of them stood; everything else is left in file order. Linear in the
``<p>``s of a page, after sorting them by their top.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Any

import regex
from lxml import etree

_TOP = regex.compile(r"(?<![-\w])top:\s{0,3}(-?\d{1,6}(?:\.\d{1,3})?)px")
_LEFT = regex.compile(r"(?<![-\w])left:\s{0,3}(-?\d{1,6}(?:\.\d{1,3})?)px")
_CSS_CLASS = regex.compile(r"\.([A-Za-z][\w-]{0,30})\s{0,3}\{([^{}]{0,600})\}")
_FONT_SIZE = regex.compile(r"font-size:\s{0,3}(\d{1,3}(?:\.\d{1,2})?)px")
_LINE_HEIGHT = regex.compile(r"line-height:\s{0,3}(\d{1,3}(?:\.\d{1,2})?)px")
_LABEL = regex.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,2}|[A-H])\.?[\s\xa0]")
_NBSP_RUN = regex.compile(r"\xa0+")
# Control characters XML text may not hold: a page's raw ones are replaced before it is parsed, but an entity
# ("&#16;") puts one back in a parsed text, and lxml refuses it when a rebuilt cell's text is set
XML_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# what a narrow first column's pieces one under the other spell when they are one word cut by the cell
_CUT_WORD = regex.compile(r"^(?:STT|[IVXLC]{2,7}|\d{2,3})$")
_DEFAULT_FONT = 16.0
_LINE_FACTOR = 1.3  # a line's height for its font size when the CSS names none
_LAST_LINE = 0.95  # of a line height: how far below its top a <p>'s last line reaches
_CHAR_WIDTH = 0.55  # of the font size: a character's mean width, to tell where a <p> ends
_MIN_CELL_BANDS = 3  # bands with cells side by side that make a table
_MIN_COLUMNS = 3
_MAX_ITEMS = 20_000  # <p>s of one page read for tables; a bigger page is left as it is
_NARROW_PIECE = 4
_MAX_BAND_ITEMS = 64  # <p>s of one band: more side by side are no table row (and would make grouping quadratic)  # characters of a first-column piece that is part of a word cut by the cell


def has_positioned_text(html: str) -> bool:
    """Cheap gate: the page places its text absolutely."""
    return "position:absolute" in html


@dataclass
class _Item:
    el: Any
    order: int  # among the page's children
    top: float
    left: float
    lines: list[str]
    line_height: float
    font: float

    @property
    def bottom(self) -> float:
        return self.top + (len(self.lines) - 1 + _LAST_LINE) * self.line_height

    @property
    def right(self) -> float:
        return self.left + max(len(t) for t in self.lines) * self.font * _CHAR_WIDTH


def _css_fonts(root: Any) -> dict[str, tuple[float, float]]:
    """(font size, line height) per CSS class of the page's ``<style>``s."""
    out: dict[str, tuple[float, float]] = {}
    for style in root.iter("style"):
        for m in _CSS_CLASS.finditer(style.text or ""):
            fs = _FONT_SIZE.search(m.group(2))
            lh = _LINE_HEIGHT.search(m.group(2))
            size = float(fs.group(1)) if fs else _DEFAULT_FONT
            out[m.group(1)] = (size, float(lh.group(1)) if lh else size * _LINE_FACTOR)
    return out


def _lines(el: Any) -> list[str]:
    """The ``<p>``'s text lines, ``<br>`` ending a line (no-break spaces kept: they mark joined cells)."""
    parts: list[str] = []

    def rec(node: Any) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                if child.tag == "br":
                    parts.append("\n")
                else:
                    rec(child)
            if child.tail:
                parts.append(child.tail)

    rec(el)
    return [" ".join(t.replace("\xa0", "\x00").split()).replace("\x00", "\xa0").strip("\xa0")
            for t in "".join(parts).split("\n")]


def _items(page: Any, fonts: dict[str, tuple[float, float]]) -> list[_Item]:
    items: list[_Item] = []
    for k, el in enumerate(page):
        if not isinstance(el.tag, str) or el.tag != "p":
            continue
        style = el.get("style") or ""
        if "absolute" not in style:
            continue
        top, left = _TOP.search(style), _LEFT.search(style)
        if top is None or left is None:
            continue
        lines = [t for t in _lines(el) if t]
        if not lines:
            continue
        size, height = fonts.get((el.get("class") or "").split(" ")[0], (_DEFAULT_FONT, _DEFAULT_FONT * _LINE_FACTOR))
        items.append(_Item(el, k, float(top.group(1)), float(left.group(1)), lines, height, size))
    return items


def _bands(items: list[_Item]) -> list[list[_Item]]:
    """Runs of items whose lines overlap vertically, top to bottom."""
    bands: list[list[_Item]] = []
    bottom = float("-inf")
    for it in sorted(items, key=lambda x: (x.top, x.left)):
        if bands and it.top < bottom - 1:
            bands[-1].append(it)
            bottom = max(bottom, it.bottom)
        else:
            bands.append([it])
            bottom = it.bottom
    return bands


@dataclass
class _Band:
    """Items whose lines overlap vertically, and those items grouped into cells (empty for a band too wide
    to be a table row)."""

    items: list[_Item]
    cells: list[list[_Item]]


def _cells(band: list[_Item]) -> list[list[_Item]]:
    """A band's items grouped into cells: items one under the other whose widths overlap are one cell."""
    cells: list[list[_Item]] = []
    for it in sorted(band, key=lambda x: x.left):
        for cell in cells:
            if any(o.left < it.right and it.left < o.right and (it.top >= o.bottom or o.top >= it.bottom) for o in cell):
                cell.append(it)
                break
        else:
            cells.append([it])
    return cells


def positioned_tables_to_tables(root: Any) -> None:
    """Each table drawn as positioned ``<p>``s (see the module docstring) becomes a ``<table>``."""
    fonts: dict[str, tuple[float, float]] | None = None
    pages = {p.getparent() for p in root.iter("p") if "absolute" in (p.get("style") or "")}
    for page in pages:
        if page is None:
            continue
        if fonts is None:
            fonts = _css_fonts(root)
        items = _items(page, fonts)
        if len(items) < _MIN_CELL_BANDS * 2 or len(items) > _MAX_ITEMS:
            continue
        # a band of more side-by-side pieces than a row has is no row (and grouping it would be quadratic)
        bands = [_Band(b, _cells(b) if len(b) <= _MAX_BAND_ITEMS else []) for b in _bands(items)]
        for run in _table_runs(bands):
            _replace(page, run)


def _table_runs(bands: list[_Band]) -> list[list[_Band]]:
    """The runs of bands that are tables: bands of cells side by side, and the group rows between them."""
    runs: list[list[_Band]] = []
    run: list[_Band] = []
    edge = float("inf")  # the run's left edge

    def close() -> None:
        multi = [b for b in run if len(b.cells) >= 2]
        if len(multi) >= _MIN_CELL_BANDS and max(len(b.cells) for b in multi) >= _MIN_COLUMNS:
            while run and len(run[-1].cells) < 2:
                run.pop()  # a trailing label line is no group row of this table
            runs.append(list(run))

    for band in bands:
        if len(band.cells) >= 2:
            run.append(band)
            edge = min(edge, min(it.left for it in band.items))
            continue
        it = band.items[0]
        if run and len(band.items) == 1 and it.left <= edge + 12 and _LABEL.match(it.lines[0] + " "):
            run.append(band)  # a group row: a label at the table's left edge
            continue
        close()
        run, edge = [], float("inf")
    close()
    return runs


def _columns(run: list[_Band]) -> list[float]:
    """The left edges of the run's columns: medians over its fullest bands."""
    cells = [sorted(b.cells, key=lambda c: min(x.left for x in c)) for b in run]
    width = max(len(c) for c in cells)
    full = [c for c in cells if len(c) == width]
    return [median(min(x.left for x in c[j]) for c in full) for j in range(width)]


def _column_of(left: float, columns: list[float]) -> int:
    """The column whose span holds ``left``: past the middle between two columns' left edges is the next."""
    j = 0
    for k in range(1, len(columns)):
        if left >= (columns[k - 1] + columns[k]) / 2:
            j = k
    return j


def _replace(page: Any, run: list[_Band]) -> None:
    columns = _columns(run)
    ncols = len(columns)
    table = etree.Element("table")
    for band in run:
        pieces: list[list[_Item]] = [[] for _ in range(ncols)]
        for it in band.items:
            pieces[_column_of(it.left, columns)].append(it)
        cells: list[str] = []
        for j, col in enumerate(pieces):
            col.sort(key=lambda x: (x.top, x.left))
            texts = [t for it in col for t in it.lines]
            if (j == 0 and len(texts) > 1 and all(len(t) <= _NARROW_PIECE for t in texts)
                    and _CUT_WORD.match("".join(texts))):
                cells.append("".join(texts))  # a word cut by a narrow cell ("ST" / "T", "VII" / "I")
            else:
                cells.append(" ".join(texts))
        for j in range(ncols - 1):
            if not cells[j + 1] and len(_NBSP_RUN.findall(cells[j])) == 1:
                cells[j], cells[j + 1] = _NBSP_RUN.split(cells[j], maxsplit=1)  # two cells pdftohtml printed as one
        tr = etree.SubElement(table, "tr")
        for text in cells:
            td = etree.SubElement(tr, "td")
            td.text = XML_CONTROL.sub(" ", " ".join(text.replace("\xa0", " ").split()))
    members = [it for band in run for it in band.items]
    first = min(members, key=lambda x: x.order).el
    page.insert(page.index(first), table)
    for it in members:
        tail = it.el.tail
        parent = it.el.getparent()
        if tail and tail.strip():
            prev = it.el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(it.el)
