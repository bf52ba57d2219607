"""Pandoc/Emacs "grid tables" (``+----+----+`` borders, ``|`` cell walls) rewritten as plain lines.

Why: converting a .docx plan with pandoc gives its two-column header, its score table and its
signature block as grid tables, each cell wrapped over several fixed-width lines. Read line by
line, one cell's text is cut into pieces that sit side by side with the next cell's, so neither
the header, the table readers nor the signature reader can see it. Rewritten:

- a *layout grid* (at most two rows of at most three cells, as the header and the signature
  block are) becomes its cells one after the other, each cell's lines in order, the cells
  separated by a blank line: the stacked layout the header and tail readers already read;
- any other grid becomes one pipe row per table row ("| 1 | Tham gia … | 5,21 | 5,09 |"), each
  cell's wrapped lines joined by a space and its paragraphs by "; ": the pipe layout the table
  readers already read.

A block is a grid only when every content line has a wall at each column boundary of the border
line above it, so prose with a stray "+" or "|" is left alone. One pass over the lines (linear).

Markdown *pipe* tables cannot hold a line break, so a web clipper (turndown) writes a layout cell's
lines side by side, separated by the two spaces of a markdown hard break or by ``<br>``
("| Nơi nhận:  - Bộ Nội vụ;  - Lưu: VT. | TM. ỦY BAN NHÂN DÂN  KT. CHỦ TỊCH          Nông Văn Khải |").
A pipe table of layout-grid size, one of whose cells has at least three such lines (two, when a
``<br>`` marks the break), is stacked the
same way (``rewrite_pipe_layouts``). A pipe table with more rows is stacked only when its first row opens two
columns with a layout's words (a layout written one printed line per row: "| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |"
over "| - UBND tỉnh; | KT. CHỦ TỊCH |" …); any other is data and is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import regex

_BORDER = regex.compile(r"^[ \t]{0,8}\+(?:[-=:]{1,400}\+){1,30}[ \t]{0,8}$")
# A layout grid (a header or signature block laid out with a table), for grid tables and HTML alike:
# at most two rows of at most three cells.
LAYOUT_MAX_ROWS = 2
LAYOUT_MAX_CELLS = 3


def has_grid_tables(text: str) -> bool:
    """Cheap gate: no grid without a "+-" border piece and a "|" wall."""
    return "+-" in text and "|" in text


def rewrite_grid_tables(text: str) -> str:
    """``text`` with every grid table replaced by its layout or pipe-row form (see the module docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.lstrip()[:2] == "+-" and _BORDER.match(line):
            end, rendered = _grid(lines, i)
            if rendered is not None:
                out.extend(rendered)
                i = end
                continue
            # not a grid: the lines up to where it failed are kept as they are, and the scan goes on from
            # there (a border inside them with the same walls would fail at the same line: one pass)
            out.extend(lines[i : max(end, i + 1)])
            i = max(end, i + 1)
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


# -- pandoc "simple" and "multiline" tables --------------------------------------------------------------
# pandoc's markdown writes a table without cell walls: the header, a line of dash segments (one per column,
# a space between), the rows, their cells aligned under the segments; a "multiline" table opens and closes
# with a full dash line and parts its rows by blank lines, a row's cells wrapping on its lines.
_SEGMENTS = regex.compile(r"^ {0,8}-{3,400}(?: {1,8}-{3,400}){2,30} {0,8}$")
_FULL_DASH = regex.compile(r"^ {0,8}-{10,2000} {0,8}$")
_SIMPLE_MAX_LINES = 2000  # lines of one table; a multiline table not closed by then is left as it is


def has_simple_tables(text: str) -> bool:
    """Cheap gate: a line of three dash segments parted by spaces."""
    return "--- ---" in text or "-- --" in text


def rewrite_simple_tables(text: str) -> str:
    """``text`` with each pandoc simple or multiline table written as pipe rows ("| 1 | Tham gia … | 4,91 |"):
    a cell is the text under its column's dash segment, from the segment's start to the next one's; a
    multiline row's lines are joined per cell. Markup inside cells ("**STT**") is kept for the line reader."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if not _SEGMENTS.match(lines[i]) or i == 0 or not lines[i - 1].strip():
            out.append(lines[i])
            i += 1
            continue
        got = _simple_table(lines, i)
        if got is None:
            out.append(lines[i])
            i += 1
            continue
        head_start, rows, end = got
        del out[len(out) - (i - head_start) :]  # the header lines, already copied
        out.extend(["", *rows, ""])
        i = end
    return "\n".join(out)


def _simple_table(lines: list[str], s: int) -> tuple[int, list[str], int] | None:
    """(first header line, pipe rows, index after the table) for the segment line ``s``."""
    starts = [m.start() for m in regex.finditer(r"-{3,400}", lines[s])]
    h = s
    while h > 0 and lines[h - 1].strip() and not _FULL_DASH.match(lines[h - 1]) and s - h < 4:
        h -= 1
    multiline = h > 0 and _FULL_DASH.match(lines[h - 1]) is not None
    blocks: list[list[str]] = [lines[h:s]]
    i = s + 1
    n = len(lines)
    if multiline:
        row: list[str] = []
        while i < n and i - s <= _SIMPLE_MAX_LINES:
            t = lines[i]
            if _FULL_DASH.match(t):
                if row:
                    blocks.append(row)
                return h - 1, [_pipe(b, starts) for b in blocks], i + 1
            if t.strip():
                row.append(t)
            elif row:
                blocks.append(row)
                row = []
            i += 1
        return None  # never closed: no table
    while i < n and lines[i].strip() and not _SEGMENTS.match(lines[i]) and i - s <= _SIMPLE_MAX_LINES:
        blocks.append([lines[i]])
        i += 1
    if i < n and (_SEGMENTS.match(lines[i]) or _FULL_DASH.match(lines[i])):
        i += 1  # the closing dash line
    if len(blocks) < 3:
        return None
    return h, [_pipe(b, starts) for b in blocks], i


def _pipe(block: list[str], starts: list[int]) -> str:
    cells: list[list[str]] = [[] for _ in starts]
    for line in block:
        for j, a in enumerate(starts):
            b = starts[j + 1] if j + 1 < len(starts) else len(line)
            piece = line[a:b].strip()
            if piece:
                cells[j].append(piece)
    return "| " + " | ".join(" ".join(c).replace("|", "/") for c in cells) + " |"


_PIPE_SEP = regex.compile(r"^[ \t]{0,3}\|(?:[ \t]{0,3}:?-{3,200}:?[ \t]{0,3}\|){1,30}[ \t]{0,3}$")
_CELL_BREAK = regex.compile(r"[ \t]{2,}|<br[ \t]{0,3}/?>", regex.IGNORECASE)
_PIPE_LAYOUT_MIN_LINES = 3  # lines in one cell split at blanks ("ỦY BAN NHÂN DÂN  TỈNH LẠNG SƠN  -------"); 2 at <br>


def has_pipe_layouts(text: str) -> bool:
    """Cheap gate: a pipe table needs its "| --" separator line (or is the one-row signature table below)."""
    return "|" in text and ("| -" in text or "|-" in text or "|:-" in text or "| :-" in text
                            or ("Nơi nhận" in text and "<br" in text))


def rewrite_pipe_layouts(text: str) -> str:
    """``text`` with each pipe table of layout-grid size whose cells hold squashed lines stacked as
    the layout grids above are (see the module docstring). One pass over the lines (linear)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    n = len(lines)
    while i < n:
        if not lines[i].lstrip(" \t").startswith("|"):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < n and lines[j].lstrip(" \t").startswith("|"):
            j += 1
        block = lines[i:j]
        rendered = _pipe_layout(block)
        out.extend(rendered if rendered is not None else block)
        i = j
    return "\n".join(out)


# "| **Nơi nhận:**<br>- Bộ Nội vụ;<br>… | **TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH**<br>**Tên** |" alone, with no separator line
# (a one-row layout table written by hand): the recipients beside the signature, its lines broken by "<br>"
def _signature_row(line: str) -> bool:
    cells = line.strip().strip("|").split("|")
    return (len(cells) == 2 and "Nơi nhận" in cells[0][:40] and "<br" in cells[0]
            and any(w in cells[1] for w in ("TM.", "KT.", "CHỦ TỊCH")))


def _pipe_layout(block: list[str]) -> list[str] | None:
    if not any(_PIPE_SEP.match(b) for b in block):
        if len(block) != 1 or not _signature_row(block[0]):
            return None
    rows = [b for b in block if not _PIPE_SEP.match(b)]
    if len(rows) > LAYOUT_MAX_ROWS:
        return _pipe_layout_lines(rows)
    if not rows:
        return None
    cells = [_pipe_row(r) for r in rows]
    ncols = len(cells[0])
    if not 2 <= ncols <= LAYOUT_MAX_CELLS or any(len(c) != ncols for c in cells):
        return None
    pieces = [[[p for p in (q.strip() for q in _CELL_BREAK.split(cell)) if p] for cell in row] for row in cells]
    if len(pieces) > 1 and "Nơi nhận" in cells[0][0][:40]:
        # "| **Nơi nhận:** | **TM. ỦY BAN NHÂN DÂN** |" over "| - UBND tỉnh …;<br>… | **CHỦ TỊCH**<br>… |": each column
        # is one block (the recipients under their label, the signature under its authority), stacked column by column
        pieces = [[[p for row in pieces for p in row[c]] for c in range(ncols)]]
    explicit = any("<br" in c.lower() for row in cells for c in row)  # a written line break is no guess
    if max(len(p) for row in pieces for p in row) < (2 if explicit else _PIPE_LAYOUT_MIN_LINES):
        return None
    return _layout(pieces, ncols)


# -- open pipe tables: "TT| Nhiệm vụ| Thời gian" over "---|---|---" (html2text) ---------------------------------
# GitHub-flavoured markdown allows a table without its outer walls, and html2text writes one so, hard-wrapping a
# long row over several lines and closing each row with two spaces (a markdown line break). Each table is written
# back with its walls, one row per line, the wrapped lines joined; a row ends at its two closing spaces (or, where
# rows carry no such mark, once it has all its cells and the next line opens another). A one-row table holding
# "Nơi nhận" (the recipients beside the signature) becomes the flat row the signature reader takes, its
# emphasis marks and escapes dropped ("**TM. ỦY BAN NHÂN DÂN****CHỦ TỊCH**"); other one-row tables stay as they are.
_OPEN_RULE = regex.compile(r"^[ \t]{0,3}:?-{3,}:?(?:[ \t]{0,3}\|[ \t]{0,3}:?-{3,}:?){1,20}[ \t]*$")
_OPEN_ROW_LINES = 12  # a row wrapped over more lines than this is no row
_EMPHASIS = regex.compile(r"\*\*|(?<![\w/])_(?=\S)|(?<=\S)_(?![\w/])")


def has_open_pipe_tables(text: str) -> bool:
    """Cheap gate: a dash rule with a pipe ("---|---")."""
    return "---|---" in text or "--- | ---" in text or "---|:--" in text or "--:|---" in text


def rewrite_open_pipe_tables(text: str) -> str:
    """``text`` with each open pipe table (see above) written with its walls, one row per line."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (i + 1 < len(lines) and "|" in line and not line.lstrip().startswith("|") and not line.rstrip().endswith("|")
                and _OPEN_RULE.match(lines[i + 1])):
            got = _open_table(lines, i)
            if got is not None:
                rows, i = got
                out.extend(rows)
                continue
        out.append(line)
        i += 1
    return "\n".join(out)


def _open_table(lines: list[str], i: int) -> tuple[list[str], int] | None:
    """(walled rows, index after the table) of the open pipe table whose header is line ``i``."""
    bars = lines[i + 1].count("|")
    j = i + 2
    end = j
    while end < len(lines) and lines[end].strip():
        end += 1
    marked = any(x.endswith("  ") for x in lines[j:end] if "|" in x)  # html2text closes each row with two spaces
    rows: list[str] = []
    cur: list[str] = []
    for x in lines[j:end]:
        if cur and (cur[-1].endswith("  ") if marked else ("|" in x and "|".join(cur).count("|") >= bars)):
            rows.append(" ".join(c.strip() for c in cur))
            cur = []
        cur.append(x)
        if len(cur) > _OPEN_ROW_LINES:
            return None
    if cur:
        rows.append(" ".join(c.strip() for c in cur))
    if not rows:
        if "Nơi nhận" not in lines[i]:
            return None  # a one-row table other than the signature's: left as it is
        cells = [_EMPHASIS.sub(" ", c).replace("\\-", "-").replace("\\+", "+") for c in lines[i].split("|")]
        cells = [" ".join(c.split()) for c in cells]
        return ["| " + " | ".join(cells) + " |"], end

    def walled(row: str) -> str:
        return "| " + " | ".join(c.strip() for c in row.split("|")) + " |"

    return [walled(lines[i]), "|" + "---|" * (bars + 1), *(walled(r) for r in rows)], end


# -- rows closed by a wall: "1|Tham gia của người dân ở cấp cơ sở|5,05|5,19|" (striprtf) ---------------------------
# An RTF-to-text converter writes each table row on a line, every cell followed by "|": no opening wall, an empty
# first cell as a leading "|" ("|Tổng điểm|42,84|…|", a merged group row "|Thủ tục hành chính công|"). A run of
# three or more such lines is written as a markdown table, a rule under its first row.
_WALL_ROWS_MIN = 3


def has_trailing_wall_rows(text: str) -> bool:
    """Cheap gate: lines closed by "|"."""
    return text.count("|\n") >= _WALL_ROWS_MIN


def _wall_row(line: str) -> bool:
    s = line.strip()
    return s.endswith("|") and s.count("|") >= 2 and not s.startswith(("| ", "|-", "|:")) and not _OPEN_RULE.match(s)


def rewrite_trailing_wall_rows(text: str) -> str:
    """``text`` with each run of rows closed by a wall (see above) written as a markdown table."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        j = i
        while j < n and _wall_row(lines[j]):
            j += 1
        if j - i < _WALL_ROWS_MIN or not any(not lines[k].startswith("|") for k in range(i, j)):
            out.extend(lines[i : max(j, i + 1)])
            i = max(j, i + 1)
            continue
        rows = [[c.strip() for c in lines[k].rstrip()[:-1].split("|")] for k in range(i, j)]
        width = max(len(r) for r in rows)
        out.append("| " + " | ".join(rows[0]) + " |")
        out.append("|" + "---|" * width)
        out.extend("| " + " | ".join(r) + " |" for r in rows[1:])
        i = j
    return "\n".join(out)


# -- flat signature rows: "| Nơi nhận: - A; - B. | TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Tên |" -----------
# A page's text extractor (trafilatura) writes a table row as one line, each cell's lines run together with
# single spaces: the recipients list and the signature block lose the line breaks the tail reader reads them by.
# The row is written back as the lines it had: "Nơi nhận:", one "- …;" per recipient, then the signature's
# authority, position, signed mark and name each on a line.
_FLAT_TAIL = regex.compile(r"^[ \t]{0,3}\|[ \t]{0,3}(?:\*\*)?N[ơo]i nh[ậa]n[ \t]{0,2}:?(?:\*\*)?[ \t]{0,3}:?(?P<rec>[^|]{3,3000})"
                           r"\|(?P<sig>[^|]{3,400})\|[ \t]{0,3}$")
_RECIPIENT_DASH = regex.compile(r"(?:(?<=^)|(?<=[;:.,][ \t]{0,3}))[ \t]{0,3}[-–+•][ \t]{1,3}(?=\S)")
_SIGNED = regex.compile(r"\((?:đã ký|Đã ký|ĐÃ KÝ|đã ký và đóng dấu|ký)\)")


def has_flat_signature_rows(text: str) -> bool:
    """Cheap gate: a pipe row opening with "Nơi nhận", or a tab row (odfpy) opening with it."""
    return ("|" in text and ("| Nơi nhận" in text or "|Nơi nhận" in text or "| **Nơi nhận" in text
                             or "| ***Nơi nhận" in text or "| *Nơi nhận" in text)) or (
        "\t" in text and (_TAB_TAIL_AFTER_BREAK.search(text) is not None or _TAB_TAIL.match(text) is not None))


# the same row written with a tab between its two cells (odfpy's text of a table row)
_TAB_TAIL_BODY = r"[ ]{0,3}N[ơo]i nh[ậa]n[ \t]{0,2}:[^\t\n]{3,3000}\t[^\t\n]{3,400}$"
_TAB_TAIL = regex.compile(r"(?m)^" + _TAB_TAIL_BODY)
# (searched from each line break: a multi-line "^" is tried at every position of the text, several times slower)
_TAB_TAIL_AFTER_BREAK = regex.compile(r"(?m)\n" + _TAB_TAIL_BODY)


def rewrite_flat_signature_rows(text: str) -> str:
    """``text`` with each flat "Nơi nhận | signature" row written back as lines (see above)."""
    lines = text.split("\n")
    if "\n|" not in text and not text.startswith("|") and "\n |" not in text and "\t" not in text:
        return text
    for i, line in enumerate(lines):
        if "\t" in line and _TAB_TAIL.match(line):
            left, _, right = line.partition("\t")  # (odfpy) the row as a pipe row, its cells' runs of spaces single
            line = f"| {' '.join(left.split())} | {' '.join(right.split())} |"
        if "*" in line[:12] and "Nơi nhận" in line[:30] and "  " not in line.strip().strip("|").split("|")[0].strip():
            # (MarkItDown) the cells' bold and italic runs: "| ***Nơi nhận:*** - A; … | **TM. … CHỦ TỊCH**    **Tên** |",
            # the runs of spaces between the signature's bold runs being its line breaks (a list with runs of
            # spaces between its entries is a pipe layout's: ``rewrite_pipe_layouts``)
            line = "|" + "|".join(" " + " ".join(c.replace("*", "").split()) + " " for c in line.strip().strip("|").split("|")) + "|"
        if "<br" in line.lower() or "  " in line.strip().strip("|").split("|")[0].strip() or "Nơi nhận" not in line[:30]:
            # (a row with written breaks, or runs of spaces between its recipients, is a pipe layout's:
            # ``rewrite_pipe_layouts``; runs of spaces in the signature cell alone, before the name, are this row's)
            continue
        m = _FLAT_TAIL.match(line)
        if m is None:
            continue
        items = [x.strip() for x in _RECIPIENT_DASH.split(m.group("rec").strip()) if x.strip()]
        if len(items) < 2:
            continue
        sig = _signature_lines(" ".join(m.group("sig").strip(" *").split()))
        if sig is None:
            continue
        lines[i] = "\n".join(["Nơi nhận:", *(f"- {x}" for x in items), "", *sig])
    return "\n".join(lines)


def _signature_lines(sig: str) -> list[str] | None:
    """ "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Huỳnh Văn Tuấn" as its lines, or None when the
    cell opens with no authority and no position (no signature)."""
    from papi_extract.normalize import fold

    markers, positions = _signature_vocab()
    out: list[str] = []
    parts = regex.split(r"[ \t]+(?=(?:%s)\.[ \t])" % "|".join(markers), sig)
    if not regex.match(r"(?:%s)\.[ \t]" % "|".join(markers), parts[0]) and not fold(parts[0]).startswith(positions):
        return None
    for k, part in enumerate(parts):
        signed = _SIGNED.search(part)
        name = ""
        if signed is not None:
            part, name = part[: signed.start()].rstrip(), f"{signed.group()}\n{part[signed.end():].strip()}".strip()
        elif k == len(parts) - 1:
            words = part.split()
            j = len(words)
            while j > 0 and words[j - 1][:1].isupper() and not words[j - 1].isupper():
                j -= 1  # the name: the title-case words closing the block
            part, name = " ".join(words[:j]), " ".join(words[j:])
        f = fold(part)
        cut = next((len(f) - len(p) for p in positions if f.endswith(" " + p) and len(f) > len(p) + 4), None)
        if cut is not None and k == len(parts) - 1:
            out.extend([part[:cut].rstrip(), part[cut:].strip()])  # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"
        else:
            out.append(part)
        if name:
            out.extend(name.split("\n"))
    return [x for x in out if x]


@lru_cache(maxsize=1)
def _signature_vocab() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(authority markers "TM", "KT" …, folded positions longest first)."""
    import yaml

    from papi_extract.normalize import fold

    raw = yaml.safe_load((Path(__file__).parent / "data" / "header.yaml").read_text(encoding="utf-8"))
    positions = sorted({fold(p) for p in raw["positions"]}, key=len, reverse=True)
    return tuple(raw["authority_markers"]), tuple(positions)


# -- ruled text layouts (antiword and other fixed-width dumps of a Word table) ---------------------------------
# "|ỦY BAN NHÂN DÂN     |CỘNG HÒA XÃ HỘI …    |" / "|XÃ THANH HƯƠNG      |Độc lập - Tự do …   |": each line of a cell
# on its own ruled line, the walls at the same columns all the way down, no delimiter row. A block whose first
# line opens a header or a signature (layout_openers in header.yaml) is a layout grid: its columns are
# stacked, each column's lines in order, as the header and tail readers read them.
_RULED_MAX_ROWS = 40
_RULED_MIN_ROWS = 2


def has_ruled_layouts(text: str) -> bool:
    """Cheap gate: a line that starts with "|"."""
    return text.startswith("|") or "\n|" in text


@lru_cache(maxsize=1)
def _layout_openers() -> tuple[str, ...]:
    import yaml

    from papi_extract.normalize import fold

    raw = yaml.safe_load((Path(__file__).parent / "data" / "header.yaml").read_text(encoding="utf-8"))
    return tuple(fold(w) for w in raw["layout_openers"])


def rewrite_ruled_layouts(text: str) -> str:
    """``text`` with each ruled layout block stacked (see above). One pass over the lines (linear)."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        walls = _ruled_walls(lines[i])
        if walls is None:
            out.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < n and j - i < _RULED_MAX_ROWS + 1 and _ruled_walls(lines[j]) == walls:
            j += 1
        # (rows under a "+---+---+" border are a grid table's, read whole by the grid reader)
        gridded = i > 0 and _BORDER.match(lines[i - 1].rstrip()) is not None
        stacked = _ruled_layout(lines[i:j], walls) if j - i <= _RULED_MAX_ROWS and not gridded else None
        out.extend(stacked if stacked is not None else lines[i:j])
        i = j
    return "\n".join(out)


def _ruled_walls(line: str) -> tuple[int, ...] | None:
    """The bar positions of a ruled line of two or three cells ("|a   |b   |"), or None."""
    s = line.rstrip()
    if not s.startswith("|") or not s.endswith("|") or len(s) < 4:
        return None
    walls = tuple(k for k, c in enumerate(s) if c == "|")
    return walls if 3 <= len(walls) <= LAYOUT_MAX_CELLS + 1 else None


def _ruled_layout(block: list[str], walls: tuple[int, ...]) -> list[str] | None:
    from papi_extract.normalize import fold

    if len(block) < _RULED_MIN_ROWS or any(_PIPE_SEP.match(b) for b in block):
        return None
    cols = [[b[walls[k] + 1 : walls[k + 1]].strip() for b in block] for k in range(len(walls) - 1)]
    openers = _layout_openers()
    if not any(fold(c[0]).startswith(openers) for c in cols if c[0]):
        return None
    return _layout([cols], len(cols))


def _pipe_layout_lines(rows: list[str]) -> list[str] | None:
    """A signature (or header) layout written one printed line per pipe row ("| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |"
    over "| - UBND tỉnh (b/c); | KT. CHỦ TỊCH |" …): each column's lines stacked, as ``_ruled_layout`` stacks a
    ruled one. Its first row opens at least two columns with a layout's words, which no data table's header does."""
    from papi_extract.normalize import fold

    if len(rows) > _RULED_MAX_ROWS:
        return None
    cells = [_pipe_row(r) for r in rows]
    ncols = len(cells[0])
    if not 2 <= ncols <= LAYOUT_MAX_CELLS or any(len(c) != ncols for c in cells):
        return None
    openers = _layout_openers()
    if sum(1 for c in cells[0] if fold(c.strip(" \t*_")).startswith(openers)) < 2:
        return None
    return _layout([[[row[k].strip() for row in cells] for k in range(ncols)]], ncols)


def _pipe_row(line: str) -> list[str]:
    """The cells of one pipe row (an escaped "\\|" stays inside its cell)."""
    body = line.strip(" \t")
    body = body[1:-1] if body.endswith("|") and len(body) > 1 else body[1:]
    return regex.split(r"(?<!\\)\|", body)


def _walls(border: str) -> list[int]:
    return [k for k, c in enumerate(border) if c == "+"]


def _grid(lines: list[str], start: int) -> tuple[int, list[str] | None]:
    """(index after the grid, its rewritten lines) for the grid whose top border is ``lines[start]``,
    or (the index of the line where it stopped being one, None) when the block is no well-formed grid."""
    walls = _walls(lines[start].rstrip())
    rows: list[list[list[str]]] = []  # row -> cell -> wrapped pieces
    cur: list[list[str]] | None = None
    spans = False  # the row being read spans the whole table
    i = start + 1
    while i < len(lines):
        line = lines[i].rstrip()
        if _BORDER.match(line) and _walls(line) == walls:
            if cur is not None:
                rows.append(cur)
            cur = None
            i += 1
            while i < len(lines) and _BORDER.match(lines[i].rstrip()) and _walls(lines[i].rstrip()) == walls:
                i += 1  # pandoc's empty body after the header rule ("+===+" then "+---+"): the table ends
            if i >= len(lines) or not (_is_content(lines[i].rstrip(), walls) or _is_span_line(lines[i].rstrip(), walls)):
                break
            continue
        if not _is_content(line, walls):
            if not _is_span_line(line, walls) or (cur is not None and not spans):
                return i, None
            # a row spanning the whole table ("| **I. Chỉ số nội dung 1: …** |", pandoc's merged group row): its
            # text in the first cell, the others empty
            if cur is None:
                cur, spans = [[] for _ in range(len(walls) - 1)], True
            cur[0].append(line[walls[0] + 1 : walls[-1]].strip())
            i += 1
            continue
        if cur is not None and spans:
            return i, None
        if cur is None:
            cur, spans = [[] for _ in range(len(walls) - 1)], False
        for c in range(len(walls) - 1):
            cur[c].append(line[walls[c] + 1 : walls[c + 1]].strip())
        i += 1
    else:
        return i, None
    if not rows:
        return i, None
    ncols = len(walls) - 1
    if len(rows) <= LAYOUT_MAX_ROWS and ncols <= LAYOUT_MAX_CELLS:
        return i, _layout(rows, ncols)
    return i, ["| " + " | ".join(_join_paragraphs(cell) for cell in row) + " |" for row in rows] + [""]


def markup_table(rows: list[list[list[str]]], cell_text: Callable[[list[str]], str] | None = None) -> list[str]:
    """The rows of a table read from a markup (MediaWiki, AsciiDoc: rows -> cells -> paragraphs, "" between two
    paragraphs) as the lines the readers read: a layout table (at most two rows of at most three cells) stacked
    as the layout grids are, any other one as pipe rows under a header rule, each cell joined by ``cell_text``
    (by default a grid cell's joining)."""
    if not rows:
        return []
    ncols = max(len(r) for r in rows)
    if len(rows) <= LAYOUT_MAX_ROWS and ncols <= LAYOUT_MAX_CELLS:
        # (a row short of cells is padded: every row is read cell by cell, as many as the widest row has)
        return ["", *_layout([r + [[] for _ in range(ncols - len(r))] for r in rows], ncols), ""]
    join = cell_text or _join_paragraphs
    out = [""]
    for k, r in enumerate(rows):
        cells = [join(c).replace("|", "/") for c in r] + [""] * (ncols - len(r))
        out.append("| " + " | ".join(cells) + " |")
        if k == 0:
            out.append("|" + "---|" * ncols)
    out.append("")
    return out


_CELL_LIST_ITEM = regex.compile(r"^[-*.][ \t]+(?=\S)")


def enough_line_marks(pattern: regex.Pattern[str], text: str, count: int = 3, kinds: int = 2) -> bool:
    """Whether ``pattern`` (a markup's line command, its name in group 1) opens at least ``count`` lines of ``text``,
    of at least ``kinds`` different commands: the cheap gate of the line-command readers (ms, Texinfo), which one
    stray line like ".PP" or "@end" in ordinary text does not pass."""
    seen: set[str] = set()
    n = 0
    for m in pattern.finditer(text):
        seen.add(m.group(1))
        n += 1
        if n >= count and len(seen) >= kinds:
            return True
    return False


def line_paragraphs(lines: Iterable[str]) -> list[str]:
    """A markup cell's lines as its paragraphs, "" between two (each forced line of a Jira or DokuWiki cell is a
    paragraph of its own: ``markup_cell`` then joins them)."""
    paras: list[str] = []
    for line in lines:
        if paras:
            paras.append("")
        paras.append(line)
    return paras


def markup_cell(pieces: list[str]) -> str:
    """A markup table's data cell (paragraphs, "" between two): list items one per "<br>" line (each a task of its
    own, as in a markdown cell), other paragraphs joined as a grid cell's are."""
    paras: list[str] = []
    cur: list[str] = []
    for p in [*pieces, ""]:
        if p:
            cur.append(p)
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if len(paras) > 1 and all(_CELL_LIST_ITEM.match(p) for p in paras):
        return "<br>".join(paras)
    return _join_paragraphs(pieces)


def _join_paragraphs(pieces: list[str]) -> str:
    """A grid cell's lines joined by a space, and its paragraphs (parted by an empty line: "Phòng Tư pháp" /
    "" / "UBND các xã") by "; " unless the paragraph before ends in punctuation, so that the agencies of
    one cell, a paragraph each, stay apart."""
    out = ""
    gap = False
    for p in pieces:
        if not p:
            gap = bool(out)
            continue
        hard = p.endswith("\\") and not p.endswith("\\\\")
        if hard:
            p = p[:-1].rstrip()  # pandoc's hard line break ("Chủ trì: Phòng Nội vụ\\"): a paragraph ends here
        if not out:
            out = p
        elif gap and out[-1] not in ";.,:" and not p[:1].islower():
            # (a paragraph opening in lower case goes on the one before: a name broken by a forced line break,
            # "Phòng Lao động - Thương binh" / "và Xã hội")
            out = f"{out}; {p}"
        else:
            out = f"{out} {p}"
        gap = hard
    return out


def _is_span_line(line: str, walls: list[int]) -> bool:
    """A line of a row spanning every column: walls only at the table's two edges, text between."""
    return (len(walls) > 2 and len(line) == walls[-1] + 1 and line[walls[0]] == "|" and line[walls[-1]] == "|"
            and any(line[k] != "|" for k in walls[1:-1]) and bool(line[walls[0] + 1 : walls[-1]].strip()))


def _is_content(line: str, walls: list[int]) -> bool:
    """A cell line: a "|" at every wall position (the border's "+" positions) and nothing beyond."""
    if len(line) != walls[-1] + 1:
        return False
    return all(line[k] == "|" for k in walls)


def _layout(rows: list[list[list[str]]], ncols: int) -> list[str]:
    out: list[str] = []
    for row in rows:
        for c in range(ncols):
            pieces = row[c]
            while pieces and not pieces[-1]:
                pieces = pieces[:-1]
            k = 0
            while k < len(pieces) and not pieces[k]:
                k += 1
            if k == len(pieces):
                continue
            for piece in pieces[k:]:
                # a line wrapped at the cell's width goes on in lower case or with a figure ("Phú Thọ, ngày 17 tháng
                # 5 năm" / "2024"): joined; a hard break ("\\") or a capitalised line is a line of its own
                if (out and out[-1] and piece[:1].strip() and (piece[:1].islower() or piece[:1].isdigit())
                        and not out[-1].endswith("\\")):
                    out[-1] = f"{out[-1]} {piece.lstrip()}"
                else:
                    out.append(piece)
            out.append("")
    return out


# -- tables drawn with box-drawing characters ------------------------------------------------------------
# A text-mode browser (w3m, lynx) or a "save as text" with line drawing draws a table with U+2500-U+257F:
# "┌──┬──┐" / "│ a│ b│" / "├──┼──┤" / "└──┴──┘". Unlike a pandoc grid, a border may change the columns
# (a group row spans all but the first: "├──┼─────┴───┤"), and a border that keeps a column open
# ("├──┼──┤     ├──") continues the cell above into the next row (a cell spanning two rows).
_BOX_FIRST, _BOX_LAST = 0x2500, 0x257F
_VERTICAL = frozenset("│┃║╎╏┆┇┊┋")


def _is_box(ch: str) -> bool:
    return _BOX_FIRST <= ord(ch) <= _BOX_LAST


def has_box_tables(text: str) -> bool:
    """Cheap gate: a drawn table has a vertical wall and a corner or tee."""
    return ("│" in text or "║" in text or "┃" in text) and any(c in text for c in "┌├╔╠┏┣")


def _box_border(line: str) -> bool:
    """A border line: only box-drawing characters and spaces, at least one horizontal run."""
    s = line.strip()
    if len(s) < 3 or not _is_box(s[0]):
        return False
    return all(_is_box(c) or c == " " for c in s) and any(c in "─━═" for c in s)


def _box_content(line: str) -> bool:
    s = line.lstrip()
    return bool(s) and s[0] in _VERTICAL and s.rstrip()[-1:] in _VERTICAL


def rewrite_box_tables(text: str) -> str:
    """``text`` with every box-drawn table replaced by one pipe row per table row, its columns the finest
    columns of the table (a spanning cell's text in its first column), each cell's wrapped lines joined by a
    space, a cell spanning rows given to each of them. One pass over the lines (linear)."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if _box_border(lines[i]) and i + 1 < n and _box_content(lines[i + 1]):
            end, rows = _box_table(lines, i)
            if rows:
                out.extend(rows)
                out.append("")
                i = end
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _box_table(lines: list[str], start: int) -> tuple[int, list[str]]:
    """(index after the table, its pipe rows) for the table whose first border is ``lines[start]``."""
    # rows: (walls, cell pieces per wall gap, columns continued from the border above)
    rows: list[tuple[list[int], list[list[str]], set[int]]] = []
    border = lines[start]
    i = start + 1
    n = len(lines)
    while i < n and _box_content(lines[i]):
        block: list[str] = []
        while i < n and _box_content(lines[i]) and not _box_border(lines[i]):
            block.append(lines[i].rstrip())
            i += 1
        walls = [k for k, c in enumerate(block[0]) if c in _VERTICAL]
        walls = [k for k in walls if all(k < len(b) and b[k] in _VERTICAL for b in block[1:])]
        if len(walls) < 2:
            break
        cells = [[b[walls[c] + 1 : walls[c + 1]].strip() for b in block] for c in range(len(walls) - 1)]
        # a column whose stretch of the border above is blank continues the cell above it
        open_cols = {c for c in range(len(walls) - 1)
                     if border[walls[c] + 1 : walls[c + 1]].strip() == "" and len(border) > walls[c] + 1}
        rows.append((walls, cells, open_cols))
        if i < n and _box_border(lines[i]):
            border = lines[i]
            i += 1
            if border.strip()[:1] in "└╚┗":
                break
        else:
            break
    if len(rows) < 2:
        return start + 1, []
    columns = sorted({k for walls, _, _ in rows for k in walls})
    index = {k: c for c, k in enumerate(columns)}
    texts: list[list[str]] = []
    since: dict[int, int] = {}  # column -> the row where the cell now in it began
    for r, (walls, cells, open_cols) in enumerate(rows):
        row = [""] * (len(columns) - 1)
        for c in range(len(walls) - 1):
            piece = _join_cell_lines(cells[c])
            col = index[walls[c]]
            if c in open_cols and r > 0 and col in since:
                above = texts[-1][col]
                piece = f"{above} {piece}".strip() if piece else above
                for k in range(since[col], r):  # a spanning cell's text is every spanned row's
                    texts[k][col] = piece
            else:
                since[col] = r
            row[col] = piece
        texts.append(row)
    return i, ["| " + " | ".join(row) + " |" for row in texts]


_ITEM_MARKS = ("- ", "+ ", "• ", "– ")


def _join_cell_lines(pieces: list[str]) -> str:
    """A cell's wrapped lines joined by a space; a line opening a new item ("- Tiếp nhận …") is parted from
    the one before by "; ", as a ``<br>`` between a pipe cell's paragraphs is (unless that one ends in
    punctuation), so the items of a cell stay apart."""
    out = ""
    for p in pieces:
        if not p:
            continue
        if not out:
            out = p
        elif p.startswith(_ITEM_MARKS) and out[-1] not in ";.,:":
            out = f"{out}; {p}"
        else:
            out = f"{out} {p}"
    return out


# -- tables written as cells joined by " | " -------------------------------------------------------------
# A converter that reads a .docx paragraph by paragraph (python-docx and the like) writes a table row as its
# cells joined by " | ", with no outer pipes: "STT | Nội dung công việc | … | Kết quả" / " | Tổ chức … |
# Trưởng các thôn | …". A cell of two paragraphs breaks the row over two lines, and a merged cell is written
# once per column it spans (a group row: " | Quản trị điện tử | Quản trị điện tử | … ").
_BARE_SEP = " | "
_RULE_LINE = regex.compile(r"^[ \t]{0,3}[-=]{3,}(?:[ \t]{0,2}[+|][ \t]{0,2}[-=]{2,}){1,30}[ \t+|]{0,3}$")
_BARE_MIN_CELLS = 3
_BARE_MIN_ROWS = 3


def has_bare_pipe_tables(text: str) -> bool:
    """Cheap gate: a row of at least three cells has two separators."""
    return text.count(_BARE_SEP) >= 2 * _BARE_MIN_ROWS


def _bare_cells(line: str, in_table: bool = False) -> list[str] | None:
    """The cells of a bare " | " row, or None. A table's first row with outer pipes is a markdown pipe row,
    not one; inside a bare table a row whose last cell is empty ends with its separator."""
    s = line.strip()
    if _BARE_SEP not in line or (not in_table and s.startswith("|") and s.endswith("|")):
        return None
    return [c.strip() for c in line.split("|")]


# -- OCR'd ruled tables: some rows keep their outer walls, some lose one or both -------------------------------
# "| TT | Chỉ số nội dung | Năm 2020 |" / "1 | Tham gia … | 5,08" / "3 | Trách nhiệm … 4,27 | 4.19 |": the scanner
# reads a table's vertical rulings as "|" but drops some, the outer ones most often.
_RAGGED_MIN_ROWS = 3
# a name and a figure in one cell, the ruling between them lost: "Trách nhiệm giải trình với người dân 4,27"
_GLUED_FIGURE = regex.compile(r"^(?P<name>\S[^|]{0,200}?\p{L}[^|]{0,3}?)\s{1,4}(?P<num>[+\-]?\d{1,3}[,.]\d{1,3})$")


def has_ragged_pipe_rows(text: str) -> bool:
    """Cheap gate: a line that starts with a wall and cells joined by " | "."""
    return "\n|" in text and text.count(_BARE_SEP) >= 2 * _RAGGED_MIN_ROWS


def _ragged_row(line: str) -> bool:
    s = line.strip()
    return s.count("|") >= 2 and _BARE_SEP in s and not _PIPE_SEP.match(line)


def rewrite_ragged_pipe_rows(text: str) -> str:
    """``text`` with each run of three or more " | " rows that keep their outer walls on some lines only written
    as markdown pipe rows with both walls, a rule under the first (the header); a row short of the header's
    cells whose cell ends in a figure glued to a name has that cell parted. Runs whose rows all keep both walls
    (markdown) or none (``rewrite_bare_pipe_tables``) are left as they are. One pass (linear)."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if not _ragged_row(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        rows: list[str] = []
        while j < n and (_ragged_row(lines[j]) or _PIPE_SEP.match(lines[j])):
            if not _PIPE_SEP.match(lines[j]):
                rows.append(lines[j].strip())
            j += 1
        walled = [r.startswith("|") and r.endswith("|") for r in rows]
        if len(rows) < _RAGGED_MIN_ROWS or all(walled) or not any(r.startswith("|") for r in rows):
            out.extend(lines[i:j])
            i = j
            continue
        table = [[c.strip() for c in r.strip("|").split("|")] for r in rows]
        width = len(table[0])
        out.append("")
        for k, cells in enumerate(table):
            c = 0
            while len(cells) < width and c < len(cells):
                m = _GLUED_FIGURE.match(cells[c])
                if m is not None and not ROW_LABEL_CELL.match(cells[c]):
                    cells[c : c + 1] = [m.group("name").strip(), m.group("num")]
                c += 1
            out.append("| " + " | ".join(cells) + " |")
            if k == 0:
                out.append("|" + "---|" * width)
        out.append("")
        i = j
    return "\n".join(out)


def rewrite_bare_pipe_tables(text: str) -> str:
    """``text`` with each block of bare " | " rows (a header of at least three cells, then rows of as many,
    a row broken over two lines joined again, its cell parted by "; ") written as markdown pipe rows; a
    group row (one merged cell repeated over the columns) keeps its text once. One pass (linear)."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        head = _bare_cells(lines[i])
        if head is None or len(head) < _BARE_MIN_CELLS:
            out.append(lines[i])
            i += 1
            continue
        width = len(head)
        rows = [head]
        j = i + 1
        if j < n and _RULE_LINE.match(lines[j]):
            j += 1  # the header's rule ("----+--------+----", a plain-text table's underline)
        while j < n:
            cells = _bare_cells(lines[j], True)
            if cells is None:
                break
            if len(cells) < width and j + 1 < n:
                more = _bare_cells(lines[j + 1], True) or ([lines[j + 1].strip()] if lines[j + 1].strip() else None)
                if more is not None and len(cells) + len(more) - 1 == width:
                    # a cell of two paragraphs: the row goes on in the next line
                    cells = cells[:-1] + [f"{cells[-1]}; {more[0]}" if cells[-1] else more[0]] + more[1:]
                    j += 1
            if len(cells) != width:
                break
            rows.append(cells)
            j += 1
        if len(rows) < _BARE_MIN_ROWS:
            out.append(lines[i])
            i += 1
            continue
        for r, cells in enumerate(rows):
            if r == 1:  # under the header: each line below is a whole row (empty number cells included)
                out.append("|" + "---|" * width)
            filled = [c for c in cells if c]
            if len(filled) >= _BARE_MIN_CELLS - 1 and len(set(filled)) == 1 and cells.count(filled[0]) == len(filled):
                first = cells.index(filled[0])  # a merged cell written once per column it spans
                cells = [c if k <= first else "" for k, c in enumerate(cells)]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
        i = j
    return "\n".join(out)


# a cell holding only a row's label: "1", "1.2.", "IV.", "a)", "a" alone (a lettered sub-row) or "A" (a lettered group); the
# table, score and indicator readers use it too
ROW_LABEL_CELL = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[IVX]{1,5}\.?|[a-zđ][.)]?|[A-H]\.?)$")


# ---------------------------------------------------------------------------------------------
# Tables typed without a table: one line per row, cells joined by " — " (an em dash between spaces)
# ---------------------------------------------------------------------------------------------

_DASH = " \u2014 "
_DASH_MIN_CELLS = 3  # cells of the widest rows
_DASH_MIN_ROWS = 3
_DASH_MAX_SPILL = 4  # lower-case lines one row may go on over
# the column order announced before the rows: "… mỗi dòng ghi theo thứ tự: STT — Nội dung — …"
_DASH_HEADER = regex.compile(r"(?:^|:\s{0,3})(\S[^:\n]{0,400}?\u2014[^:\n]{0,400}?)\s{0,3}[.;]?\s{0,3}$")


def has_dash_tables(text: str) -> bool:
    """Cheap gate: an em dash between spaces at all."""
    return _DASH in text


_DASH_SPLIT = regex.compile(r"[ \t]\u2014(?:[ \t]|$)")


def _dash_cells(line: str) -> list[str]:
    """A line's cells between its " — " (an empty cell is "—   —")."""
    return [c.strip() for c in _DASH_SPLIT.split(line.strip())]


def _dash_row(line: str) -> list[str] | None:
    """The cells of a " — " row whose first cell is a row label ("1", "II", "a"), or None."""
    if _DASH not in line and not line.rstrip().endswith(" \u2014"):
        return None
    cells = _dash_cells(line)
    if len(cells) < 2 or not ROW_LABEL_CELL.match(cells[0]):
        return None
    return cells


def rewrite_dash_tables(text: str) -> str:
    """``text`` with each run of " — " rows (a clerk's table typed one row per line, cells joined by an em
    dash, group rows "II — TÊN CHỈ SỐ") written as markdown pipe rows under the header the text announces
    right before them ("… theo thứ tự: STT — Nội dung nhiệm vụ — Cơ quan chủ trì — …"), as wide as the
    widest rows. A line in lower case between rows continues the row above it (its cells go on). Without
    an announced header of that width the lines are left as they are. One pass (linear)."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        first = _dash_row(lines[i])
        if first is None:
            out.append(lines[i])
            i += 1
            continue
        rows: list[list[str]] = []
        j = i
        spill = 0  # lines the current row has gone on over (bounded: no run of lines is joined at length)
        while j < n:
            cells = _dash_row(lines[j])
            if cells is None:
                nxt = lines[j].strip()
                if rows and nxt and nxt[0].islower() and spill < _DASH_MAX_SPILL:
                    # the row goes on here: "… tổ dân" / "phố — Phòng Nội vụ — Quý II/2022"
                    joined = f"{rows[-1][-1]} {nxt}"
                    rows[-1] = rows[-1][:-1] + _dash_cells(joined)
                    spill += 1
                    j += 1
                    continue
                break
            rows.append(cells)
            spill = 0
            j += 1
        width = max(len(r) for r in rows)
        full = sum(1 for r in rows if len(r) == width)
        header = _announced_header(out, width)
        if width < _DASH_MIN_CELLS or len(rows) < _DASH_MIN_ROWS or full < 2 or header is None:
            out.extend(lines[i:j])
            i = j
            continue
        out.append("")
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * width)
        for r in rows:
            out.append("| " + " | ".join(r + [""] * (width - len(r))) + " |")
        out.append("")
        i = j
    return "\n".join(out)


def _announced_header(before: list[str], width: int) -> list[str] | None:
    """The column names a line just above the rows lists, joined by " — " (the whole line, or after its
    colon), when there are as many as the rows are wide."""
    k = len(before) - 1
    while k >= 0 and not before[k].strip():
        k -= 1
    if k < 0 or _DASH not in before[k] or len(before[k]) > 600:
        return None
    m = _DASH_HEADER.search(before[k].strip())
    if m is None:
        return None
    names = [c.strip(" .;") for c in _dash_cells(m.group(1))]
    return names if len(names) == width and all(0 < len(c) <= 60 for c in names) else None
