"""pdfminer.six's XML (``pdf2txt.py -t xml``: ``<pages><page><textbox><textline><text font=… bbox=…>C</text>``)
rewritten as the HTML the pipeline's HTML reader reads.

Why: the file holds ONE element per printed character, each with its font and box, and nothing else that names a
paragraph, a heading or a table. Read as XML or HTML the plan is a single run of characters: no heading, no item,
no task; bold and italic exist only in the font names ("…-Bold", "…-Italic"); a page's boxes come in pdfminer's
grouping order, not always top to bottom (the "KẾ HOẠCH" title after its subtitle, the cells of a table); the
header's two columns and the signature block are boxes side by side; a justified line holds double spaces; page
numbers are boxes of their own; a paragraph is sometimes cut into two boxes (its indented first line apart) and a
sentence runs on over a page break.

The rewrite: each page's boxes (a ``<figure>``'s characters make one more box) are grouped in bands of boxes that
overlap vertically, read top to bottom. A band of one column is text: its lines are joined into paragraphs (a new
one at a first-line indent after a short line, at a list mark, at a change of bold/italic; a box whose first line,
not indented, goes on from a full line without final punctuation continues its paragraph; a mark a tab set apart
in a box of its own is put back before its text), each a ``<p>`` with ``<b>``/``<i>`` runs from the font names.
A band of boxes side by side is a table row (cells left to right, columns aligned over the table's rows, a cell
over several columns gets a ``colspan``, a centred cell's lines kept apart by ``<br>``); consecutive such bands
close to each other are one table, and go on over a page break. A page number alone at the top or the foot of a
page is dropped, and a paragraph cut by a page break is joined again. The parse is lxml's ``iterparse`` (entities, network and DTD off, no huge tree), one page
at a time, which is cleared once read: memory is one page's, time linear.
"""

from __future__ import annotations

import html
import io
import math
from dataclasses import dataclass, field

import regex
from lxml import etree

_HEAD = 4096
_PAGE_TAG = regex.compile(r"<page id=\"\d{1,6}\" bbox=\"")
_XML_DECL = regex.compile(r"^\s{0,64}<\?xml[^<>]{0,200}\?>")
# a list or outline mark opening a line: "-", "+", "•", "1.", "1.2.", "a)", "II."
_MARK = regex.compile(r"^(?:[-+•–—*·▪●○◦■□➢✓]\s|\d{1,3}(?:\.\d{1,3}){0,3}[.)](?!\d)|\d{1,3}(?:\.\d{1,3}){1,3}\s"
                      r"|[a-zđ][.)]\s|[IVXLC]{1,6}[.)]\s)")
# a box that is only a mark (a numbered item whose number a tab set apart from its text)
_BARE_MARK = regex.compile(r"^(?:[-+•–—*·▪●○◦■□➢✓]|\d{1,3}(?:\.\d{1,3}){0,3}[.)]|[a-zđ][.)]|[IVXLC]{1,6}[.)])$")
_PAGE_NUMBER = regex.compile(r"^(?:[-–]\s?)?\d{1,4}(?:\s?[-–])?$|^(?:Trang|trang|TRANG|Page|page)\s?\d{1,4}"
                             r"(?:\s?(?:/|của|of)\s?\d{1,4})?$|^\d{1,4}\s?/\s?\d{1,4}$")
_FINAL = frozenset(".!?:;…")
_CLOSERS = " )]\"'”’»"
_MAX_COORD = 1e6
_MAX_ATTR = 200  # characters of a bbox, size or font attribute read (pdfminer's are ~40)
_MAX_SPAN = 60  # columns a table may have, cells a merged cell may span
_DEFAULT_PAGE = (0.0, 0.0, 595.0, 842.0)
_EDGE = 0.12  # of a page's height: where a running page number stands (top or foot)
_MAX_MARK_BAND = 64  # boxes of a band searched for a mark set apart (a bigger band is left as it is)
_MAX_MARK_GAP = 80.0  # points between a mark set apart and its text, at most
_ROW_GAP = 3.0  # line heights between two rows of one table, at most
_BOLD, _ITALIC, _SPACE = 1, 2, -1  # a character's style: bit flags; -1 for a space pdfminer inserted

_Box4 = tuple[float, float, float, float]


@dataclass(slots=True)
class _Line:
    """One printed line: its box (PDF points, y up), font size and characters with their style."""

    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    chars: list[tuple[str, int]]
    text: str = ""
    bold: bool = False
    italic: bool = False

    def finish(self) -> None:
        """Its text (spaces collapsed) and whether all its characters are bold / italic."""
        self.text = " ".join("".join(c for c, _ in self.chars).split())
        styles = [s for c, s in self.chars if s != _SPACE and not c.isspace()]
        self.bold = bool(styles) and all(s & _BOLD for s in styles)
        self.italic = bool(styles) and all(s & _ITALIC for s in styles)


@dataclass(slots=True)
class _Box:
    x0: float
    y0: float
    x1: float
    y1: float
    lines: list[_Line]


@dataclass(slots=True)
class _Para:
    chars: list[tuple[str, int]]
    last: _Line
    left: float  # left edge of the box its last line is in
    page: int

    def add(self, line: _Line) -> None:
        self.chars.append((" ", _SPACE))
        self.chars.extend(line.chars)
        self.last = line


@dataclass(slots=True)
class _Cell:
    x0: float
    x1: float
    paras: list[_Para]


@dataclass(slots=True)
class _Table:
    rows: list[list[_Cell]] = field(default_factory=list)
    page: int = 0
    bottom: float = 0.0  # of its last row, on its page


def looks_like_pdfminer_xml(text: str) -> bool:
    """Cheap gate: a ``<pages>`` root of ``<page id=… bbox=…>`` elements holding pdfminer's per-character
    ``<text font=…>`` (or, for a page without text, its ``<layout>``)."""
    head = text[:_HEAD]
    return ("<pages>" in head and _PAGE_TAG.search(head) is not None
            and ("<text font=" in head or "<textbox id=" in head or "<layout>" in head))


def pdfminer_xml_to_html(text: str) -> str:
    """``text`` as an HTML page (see the module's docstring); the text itself when it does not parse."""
    data = _XML_DECL.sub("", text.lstrip("\ufeff"), count=1).encode("utf-8", "replace")
    blocks: list[_Para | _Table] = []
    pages = 0
    try:
        events = etree.iterparse(io.BytesIO(data), events=("end",), tag="page", recover=True, huge_tree=False,
                                 resolve_entities=False, no_network=True, load_dtd=False)
        for _, page in events:
            pages += 1
            _read_page(page, pages, blocks)
            page.clear()
            parent = page.getparent()
            while parent is not None and page.getprevious() is not None:  # earlier siblings: already read
                del parent[0]
    except (etree.LxmlError, ValueError, OverflowError):
        return text
    if not blocks:  # nothing read (no page, or a broken file): the text as it came
        return text
    body = "\n".join(_render_para(b) if isinstance(b, _Para) else _render_table(b) for b in blocks)
    return f"<html><head><meta charset=\"utf-8\"></head><body>\n{body}\n</body></html>\n"


# -- reading a page ---------------------------------------------------------------------------------------------

def _floats(value: str | None, n: int) -> list[float] | None:
    """``n`` finite, bounded numbers separated by commas, or None."""
    if not value or len(value) > _MAX_ATTR:
        return None
    parts = value.split(",")
    if len(parts) != n:
        return None
    try:
        nums = [float(p) for p in parts]
    except ValueError:
        return None
    if not all(math.isfinite(v) and abs(v) <= _MAX_COORD for v in nums):
        return None
    return nums


def _bbox(value: str | None) -> _Box4 | None:
    nums = _floats(value, 4)
    if nums is None:
        return None
    x0, y0, x1, y1 = nums
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _style(font: str | None) -> int:
    """Bold / italic from a font name ("ABCDEF+TimesNewRomanPS-BoldItalicMT", "Arial,Bold", "…-Oblique")."""
    if not font:
        return 0
    name = font[:_MAX_ATTR].rsplit("+", 1)[-1].lower()
    style = _BOLD if ("bold" in name or "black" in name or "heavy" in name) else 0
    if "italic" in name or "oblique" in name or name.endswith(("-it", ",it", "-boldit")):
        style |= _ITALIC
    return style


def _size(value: str | None) -> float | None:
    nums = _floats(value, 1)
    return nums[0] if nums and 0.5 <= nums[0] <= 200 else None


def _char_text(ch: etree._Element) -> str:
    """A ``<text>`` element's characters (its text, and around an unexpanded entity reference, the tails)."""
    return "".join(ch.itertext()) if len(ch) else (ch.text or "")


def _read_line(tl: etree._Element) -> _Line | None:
    """A ``<textline>``: its characters in order (a bare ``<text>`` is a space pdfminer inserted)."""
    chars: list[tuple[str, int]] = []
    size = 0.0
    cbox: list[float] | None = None
    for ch in tl:
        if ch.tag != "text":
            continue
        t = _char_text(ch)
        font = ch.get("font")
        if font is None or t.isspace():
            if t:
                chars.append((" ", _SPACE))
            continue
        chars.append((t, _style(font)))
        size = max(size, _size(ch.get("size")) or 0.0)
        b = _bbox(ch.get("bbox"))
        if b is not None:
            cbox = list(b) if cbox is None else [min(cbox[0], b[0]), min(cbox[1], b[1]),
                                                  max(cbox[2], b[2]), max(cbox[3], b[3])]
    if not any(s != _SPACE for _, s in chars):
        return None
    box = _bbox(tl.get("bbox")) or (tuple(cbox) if cbox else None)
    x0, y0, x1, y1 = box if box else (math.nan,) * 4
    line = _Line(x0, y0, x1, y1, size, chars)
    line.finish()
    return line if line.text else None


def _figure_lines(fig: etree._Element) -> list[_Line]:
    """The characters drawn in a ``<figure>`` (a scanned page's text layer, an embedded form) as lines: a new
    line where a character leaves the current line's height or goes back to the left."""
    lines: list[_Line] = []
    cur: _Line | None = None
    for ch in fig.iter("text"):
        t = _char_text(ch)
        b = _bbox(ch.get("bbox"))
        if b is None or not t or ch.get("font") is None:
            continue
        size = _size(ch.get("size")) or max(b[3] - b[1], 1.0)
        if t.isspace():
            if cur is not None:
                cur.chars.append((" ", _SPACE))
            continue
        mid = (b[1] + b[3]) / 2
        if cur is None or abs(mid - (cur.y0 + cur.y1) / 2) > cur.size / 2 or b[0] < cur.x1 - cur.size:
            cur = _Line(b[0], b[1], b[2], b[3], size, [])
            lines.append(cur)
        elif b[0] - cur.x1 > 0.25 * size:
            cur.chars.append((" ", _SPACE))
        cur.chars.append((t, _style(ch.get("font"))))
        cur.x0, cur.y0 = min(cur.x0, b[0]), min(cur.y0, b[1])
        cur.x1, cur.y1 = max(cur.x1, b[2]), max(cur.y1, b[3])
        cur.size = max(cur.size, size)
    for line in lines:
        line.finish()
    return [ln for ln in lines if ln.text]


def _page_boxes(page: etree._Element) -> list[_Box]:
    """The page's text boxes (a stray ``<textline>`` or a figure's text is a box of its own), geometry repaired:
    a line or box without a usable bbox goes just below the one before it."""
    groups: list[list[_Line]] = []
    for child in page:
        tag = child.tag
        if tag == "textbox":
            lines = [ln for ln in (_read_line(tl) for tl in child if tl.tag == "textline") if ln is not None]
        elif tag == "textline":
            one = _read_line(child)
            lines = [one] if one is not None else []
        elif tag == "figure":
            lines = _figure_lines(child)
        else:  # <layout>, <rect>, <line>, <curve>, <image>: no text
            continue
        if lines:
            groups.append(lines)
    boxes: list[_Box] = []
    px0, _, px1, py1 = _page_bbox(page)
    prev: _Line | None = None
    for lines in groups:
        for ln in lines:
            if math.isnan(ln.x0):
                top = prev.y0 - 0.5 if prev is not None else py1
                ln.x0, ln.x1, ln.y1, ln.y0 = px0, px1, top, top - ln.size
            if ln.size <= 0:
                ln.size = min(max(ln.y1 - ln.y0, 1.0), 100.0)
            prev = ln
        boxes.append(_Box(min(ln.x0 for ln in lines), min(ln.y0 for ln in lines), max(ln.x1 for ln in lines),
                          max(ln.y1 for ln in lines), lines))
    return boxes


def _page_bbox(page: etree._Element) -> _Box4:
    b = _bbox(page.get("bbox"))
    return b if b is not None and b[3] - b[1] > 10 else _DEFAULT_PAGE


def _bands(boxes: list[_Box]) -> list[list[_Box]]:
    """Boxes grouped in bands that overlap vertically (more than a sliver: tightly set lines may touch), top to
    bottom."""
    order = sorted(boxes, key=lambda b: -b.y1)
    bands: list[list[_Box]] = []
    bottom = 0.0
    for b in order:
        if bands:
            overlap = b.y1 - max(bottom, b.y0)
            need = max(1.0, 0.3 * min(_line_height(b), _line_height(bands[-1][-1])))
            if overlap > need:
                bands[-1].append(b)
                bottom = min(bottom, b.y0)
                continue
        bands.append([b])
        bottom = b.y0
    return bands


def _line_height(b: _Box) -> float:
    return min(max(ln.y1 - ln.y0, 0.5) for ln in b.lines)


def _columns(band: list[_Box]) -> list[list[_Box]]:
    """A band's boxes grouped in columns (boxes that overlap horizontally), left to right; each column's boxes
    top to bottom."""
    cols: list[list[_Box]] = []
    right = 0.0
    for b in sorted(band, key=lambda b: b.x0):
        if cols and b.x0 < right - 1.0:
            cols[-1].append(b)
            right = max(right, b.x1)
        else:
            cols.append([b])
            right = b.x1
    for col in cols:
        col.sort(key=lambda b: -b.y1)
    return cols


def _is_page_number(band: list[_Box], page: _Box4) -> bool:
    if len(band) != 1 or len(band[0].lines) != 1:
        return False
    b = band[0]
    edge = (page[3] - page[1]) * _EDGE
    near = b.y0 >= page[3] - edge or b.y1 <= page[1] + edge
    return near and _PAGE_NUMBER.match(b.lines[0].text) is not None


def _read_page(page: etree._Element, number: int, blocks: list[_Para | _Table]) -> None:
    """Append the page's paragraphs and table rows to ``blocks``."""
    bands = _bands(_page_boxes(page))
    pbox = _page_bbox(page)
    if bands and _is_page_number(bands[-1], pbox):
        bands.pop()
    if bands and _is_page_number(bands[0], pbox):
        bands.pop(0)
    laid: list[list[list[_Box]]] = []
    for band in bands:
        laid.append(_columns(_attach_marks(band) if 1 < len(band) <= _MAX_MARK_BAND else band))
    text_lines = [ln for cols in laid if len(cols) == 1 for b in cols[0] for ln in b.lines]
    if not text_lines:
        text_lines = [ln for cols in laid for col in cols for b in col for ln in b.lines]
    if not text_lines:
        return
    left = min(ln.x0 for ln in text_lines)
    right = max(ln.x1 for ln in text_lines)
    first = True
    for cols in laid:
        if len(cols) == 1:
            for box in cols[0]:
                _flow(box, blocks, left, right, number, first)
                first = False
            continue
        _add_row(cols, blocks, number, first)
        first = False


def _add_row(cols: list[list[_Box]], blocks: list[_Para | _Table], page: int, first: bool) -> None:
    """A band of boxes side by side as a row of the table just before it, or of a new table. The rows of one
    table follow closely (a signature block far below a table is a table of its own); a page's first row goes
    on with the table that ended the page before (not a signature block's two cells before an appendix's grid)."""
    row = [_cell(col) for col in cols]
    boxes = [b for col in cols for b in col]
    top = max(b.y1 for b in boxes)
    last = blocks[-1] if blocks else None
    if isinstance(last, _Table):
        near = last.page == page and last.bottom - top <= _ROW_GAP * min(_line_height(b) for b in boxes)
        if near or (first and (len(row) >= 3 or len(row) == len(last.rows[-1]))):
            last.rows.append(row)
            last.page, last.bottom = page, min(b.y0 for b in boxes)
            return
    blocks.append(_Table([row], page, min(b.y0 for b in boxes)))


def _attach_marks(band: list[_Box]) -> list[_Box]:
    """A list mark that a tab set apart in a box of its own ("1." | "Phòng …", "a)" | "Rà soát …") put back at
    the head of the line it opens: the nearest box whose first line is level with it, to its right, when the
    rest of the band is one column of text."""
    marks = [b for b in band if len(b.lines) == 1 and _BARE_MARK.match(b.lines[0].text)]
    if not marks or len(_columns([b for b in band if b not in marks])) != 1:
        return band  # no mark; or a table row ("1." | "Rà soát …" | "Phòng …"): its number is a cell
    gone: set[int] = set()
    for m in marks:
        ml = m.lines[0]
        best: _Box | None = None
        for b in band:
            if b is m or id(b) in gone:
                continue
            ln = b.lines[0]
            level = min(ml.y1, ln.y1) - max(ml.y0, ln.y0) > 0.5 * min(ml.y1 - ml.y0, ln.y1 - ln.y0)
            if level and ml.x1 - 1.0 <= ln.x0 <= ml.x1 + _MAX_MARK_GAP and (best is None or ln.x0 < best.lines[0].x0):
                best = b
        if best is None:
            continue
        ln = best.lines[0]
        joined = _Line(ml.x0, min(ml.y0, ln.y0), ln.x1, max(ml.y1, ln.y1), max(ml.size, ln.size),
                       ml.chars + [(" ", _SPACE)] + ln.chars)
        joined.finish()
        best.lines[0] = joined
        best.x0, best.y0, best.y1 = min(best.x0, ml.x0), min(best.y0, ml.y0), max(best.y1, ml.y1)
        gone.add(id(m))
    return [b for b in band if id(b) not in gone]


# -- paragraphs ---------------------------------------------------------------------------------------------------

def _tol(size: float) -> float:
    """How far a line may stray and still start at the same left edge."""
    return max(2.0, 0.6 * size)


def _rtol(size: float) -> float:
    """How far short of the right edge a line may end and still be full."""
    return max(3.0, 1.5 * size)


def _ends_final(text: str) -> bool:
    t = text.rstrip(_CLOSERS)
    return bool(t) and t[-1] in _FINAL


def _breaks(a: _Line, b: _Line, left: float, right: float) -> bool:
    """Whether line ``b`` opens a new paragraph after line ``a`` of the same box."""
    if a.bold != b.bold or a.italic != b.italic:
        return True
    indented = b.x0 > left + _tol(b.size)
    short = a.x1 < right - _rtol(a.size)
    if _MARK.match(b.text) and (indented or short or _ends_final(a.text)):
        return True
    return indented and short


def _continues(p: _Para, b: _Line, right: float) -> bool:
    """Whether a box's first line ``b`` goes on with paragraph ``p`` of the box above (cut after a full line)."""
    a = p.last
    gap = a.y0 - b.y1
    return (a.x1 >= right - _rtol(a.size) and b.x0 <= p.left + _tol(b.size) and not _ends_final(a.text)
            and not _MARK.match(b.text) and a.bold == b.bold and a.italic == b.italic
            and gap <= 1.5 * max(a.y1 - a.y0, b.y1 - b.y0))


def _runs_on(p: _Para, b: _Line, left: float) -> bool:
    """Whether a page's first line ``b`` goes on with the last paragraph of the page before: that one has no final
    punctuation, this one starts in lower case at the left margin."""
    return (not _ends_final(p.last.text) and b.text[:1].islower() and b.x0 <= left + _tol(b.size)
            and p.last.bold == b.bold)


def _centred(box: _Box) -> bool:
    """A box of centred lines (a header cell: "ỦY BAN NHÂN DÂN" / "XÃ …" / "Số: …"), each line apart."""
    if len(box.lines) < 2:
        return False
    mid = (box.x0 + box.x1) / 2
    tol = max(_tol(ln.size) for ln in box.lines)
    return all(abs((ln.x0 + ln.x1) / 2 - mid) <= tol for ln in box.lines) and any(
        ln.x0 > box.x0 + tol for ln in box.lines)


def _box_paras(box: _Box, out: list[_Para], right: float, page: int, cell: bool, cont: bool,
               join: bool = False) -> None:
    """Append the paragraphs of ``box`` to ``out``; its first line may continue ``out``'s last paragraph
    (``cont``: that one came from the box just above in the same flow), or does (``join``: a sentence
    running on over a page break)."""
    centred = cell and _centred(box)
    cur: _Para | None = None
    prev: _Line | None = None
    for ln in box.lines:
        if cur is None:
            last = out[-1] if out else None
            if last is not None and (join or (cont and not centred and _continues(last, ln, right))):
                cur = out.pop()
                cur.add(ln)
                cur.left = box.x0
            else:
                cur = _Para(list(ln.chars), ln, box.x0, page)
        elif prev is not None and (centred or _breaks(prev, ln, box.x0, box.x1)):
            out.append(cur)
            cur = _Para(list(ln.chars), ln, box.x0, page)
        else:
            cur.add(ln)
        prev = ln
    if cur is not None:
        out.append(cur)


def _flow(box: _Box, blocks: list[_Para | _Table], left: float, right: float, page: int, first: bool) -> None:
    """A box of the page's running text into ``blocks``."""
    last = blocks[-1] if blocks else None
    if first and isinstance(last, _Para) and last.page != page and _runs_on(last, box.lines[0], left):
        blocks.pop()
        last.page = page
        paras: list[_Para] = [last]
        _box_paras(box, paras, right, page, False, False, join=True)
        blocks.extend(paras)
        return
    paras = [last] if isinstance(last, _Para) and last.page == page else []
    if paras:
        blocks.pop()
    _box_paras(box, paras, right, page, False, bool(paras))
    blocks.extend(paras)


def _cell(col: list[_Box]) -> _Cell:
    paras: list[_Para] = []
    right = max(b.x1 for b in col)
    for b in col:
        _box_paras(b, paras, right, 0, True, True)
    return _Cell(min(b.x0 for b in col), right, paras)


# -- rendering ------------------------------------------------------------------------------------------------------

def _render_runs(chars: list[tuple[str, int]]) -> str:
    """Characters as HTML: runs of one style in ``<b>``/``<i>``, white space collapsed, a space between two runs
    outside their tags."""
    tokens: list[tuple[str, int, bool]] = []  # (text, style, space before)
    space = False
    for c, s in chars:
        if s == _SPACE or c.isspace():
            space = bool(tokens)
            continue
        if tokens and not space and tokens[-1][1] == s:
            t, st, sp = tokens[-1]
            tokens[-1] = (t + c, st, sp)
        else:
            tokens.append((c, s, space))
        space = False
    out: list[str] = []
    i = 0
    while i < len(tokens):
        s = tokens[i][1]
        j = i
        parts: list[str] = []
        while j < len(tokens) and tokens[j][1] == s:
            t, _, sp = tokens[j]
            parts.append((" " if sp and j > i else "") + html.escape(" ".join(t.split()), quote=False))
            j += 1
        run = "".join(parts)
        if s & _ITALIC:
            run = f"<i>{run}</i>"
        if s & _BOLD:
            run = f"<b>{run}</b>"
        out.append((" " if tokens[i][2] else "") + run)
        i = j
    return "".join(out)


def _render_para(p: _Para) -> str:
    return f"<p>{_render_runs(p.chars)}</p>"


def _render_cell(c: _Cell | None, span: int) -> str:
    attr = f' colspan="{span}"' if span > 1 else ""
    inner = "<br>".join(_render_runs(p.chars) for p in c.paras) if c is not None else ""
    return f"<td{attr}>{inner}</td>"


def _render_table(t: _Table) -> str:
    """The table's rows, cells put in the columns of its fullest rows (an empty cell where a row has no box)."""
    width = max(len(r) for r in t.rows)
    rows: list[str] = []
    if width > _MAX_SPAN:
        for r in t.rows:
            rows.append("<tr>" + "".join(_render_cell(c, 1) for c in r) + "</tr>")
        return "<table>\n" + "\n".join(rows) + "\n</table>"
    full = [r for r in t.rows if len(r) == width]
    cols = [(min(r[k].x0 for r in full), max(r[k].x1 for r in full)) for k in range(width)]
    for r in t.rows:
        placed: list[tuple[int, int, _Cell]] = []  # (first column, last column, cell)
        for c in r:
            hit = [k for k, (a, b) in enumerate(cols) if min(b, c.x1) - max(a, c.x0) > 0.5]
            if hit:
                s, e = hit[0], hit[-1]
            else:
                mid = (c.x0 + c.x1) / 2
                s = e = min(range(width), key=lambda k: abs((cols[k][0] + cols[k][1]) / 2 - mid))
            if placed and s <= placed[-1][1]:
                s = placed[-1][1] + 1
                e = max(e, s)
            if s >= width:  # no column left: the cell belongs with the one before
                ps, pe, pc = placed[-1]
                placed[-1] = (ps, pe, _Cell(pc.x0, c.x1, pc.paras + c.paras))
                continue
            placed.append((s, min(e, width - 1), c))
        cells: list[str] = []
        nxt = 0
        for s, e, c in placed:
            cells.extend(_render_cell(None, 1) for _ in range(s - nxt))
            cells.append(_render_cell(c, min(e - s + 1, _MAX_SPAN)))
            nxt = e + 1
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>\n" + "\n".join(rows) + "\n</table>"
