"""AsciiDoc (``pandoc -t asciidoc`` of a Word plan, an archive's ``.adoc`` notes) rewritten as the markdown the
pipeline reads.

Why: AsciiDoc writes a table between two ``|===`` lines, its cells run on as text: each cell opens with "|" (or
"a|" for a cell holding paragraphs and lists) and may wrap over lines, a row ends once it has as many cells as the
``[cols="…"]`` line above the table names; bold is ``*…*``, italic ``_…_``, a heading ``== …``, and pandoc writes
``{empty}`` before a line that would otherwise read as a list ("{empty}2. Các công chức …"). Read as plain text, a
table is a run of short pieces joined by bars: no row, no task. Rewritten: a layout table (at most two rows of at
most three cells: the header's and the signature's) is stacked, each cell's paragraphs in order; any other table
becomes markdown pipe rows, a header rule under its first row, a cell's paragraphs joined by "; " (as grid tables'
are) and its list items by "<br>" (one task each, as in a markdown cell); bold becomes markdown's, italic marks go,
headings get "#", ". " list items become "- " items, block attribute lines go. Linear: each line is read once.
"""

from __future__ import annotations

import regex

from papi_extract.grid_tables import markup_cell, markup_table

_TABLE_EDGE = "|==="
_ATTR_LINE = regex.compile(r"^\[[^\]\n]{0,400}\][ \t]*$")
_COLS = regex.compile(r"cols=\"([^\"\n]{0,400})\"")
# a cell's opening bar: at a line's start or after a blank, with an optional spec ("a|", "2+|", "^.^a|")
_CELL_BAR = regex.compile(r"(?:^|(?<=[ \t]))(?:\d{1,2}[+*])?[<^>]?(?:\.[<^>])?[adehlmsv]?\|")
_HEADING = regex.compile(r"^(={1,6})[ \t]+(?=\S)")
_ORDERED = regex.compile(r"^\.{1,4}[ \t]+(?=\S)")
_BULLETED = regex.compile(r"^\*{1,4}[ \t]+(?=\S)")
_BOLD = regex.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,400}?)(?<=[^\s*])\*(?![\w*])")
_ITALIC = regex.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,400}?)(?<=[^\s_])_(?![\w_])")
_LINK = regex.compile(r"(?:https?://|link:)[^\s\[\]]{1,500}\[([^\]\n]{0,300})\]")


def looks_like_asciidoc(text: str) -> bool:
    """Cheap gate: two lines opening with "|===" (a table's edges)."""
    return text.count("\n|===") + text.startswith("|===") >= 2


def _inline(s: str) -> str:
    if "{empty}" in s:
        s = s.replace("{empty}", "")
    if "*" in s:
        s = _BOLD.sub(r"**\1**", s)
    if "_" in s:
        s = _ITALIC.sub(r"\1", s)
    if "[" in s:
        s = _LINK.sub(lambda m: m.group(1), s)
    if s.endswith(" +"):
        s = s[:-2]  # a hard line break
    return s


def asciidoc_to_markdown(text: str) -> str:
    """``text`` with AsciiDoc's marks written as markdown's (see the module's docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    ncols = 0
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line.startswith(_TABLE_EDGE):
            j = i + 1
            while j < n and not lines[j].startswith(_TABLE_EDGE):
                j += 1
            out.extend(markup_table(_table(lines[i + 1 : j], ncols), markup_cell))
            ncols = 0
            i = j + 1
            continue
        if _ATTR_LINE.match(line):
            cm = _COLS.search(line)
            ncols = len(cm.group(1).split(",")) if cm else 0
            if cm is not None and cm.group(1).strip().isdigit():
                ncols = int(cm.group(1).strip())  # cols="3"
            i += 1
            continue
        if line.strip() == "+":
            out.append("")  # a list item's continuation mark
            i += 1
            continue
        hm = _HEADING.match(line)
        if hm is not None:
            line = "#" * max(1, len(hm.group(1)) - 1) + " " + line[hm.end() :]
        elif line.startswith("."):
            line = _ORDERED.sub("- ", line)
        elif line.startswith("*"):
            line = _BULLETED.sub("- ", line)
        out.append(_inline(line))
        i += 1
    return "\n".join(out)


def _table(body: list[str], ncols: int) -> list[list[list[str]]]:
    """Rows -> cells -> paragraphs ("" between paragraphs) of a table's body lines."""
    cells: list[list[str]] = []
    first_line_cells = 0
    for k, line in enumerate(body):
        bars = list(_CELL_BAR.finditer(line))
        if not bars:
            if cells:
                cells[-1].append(_inline(line.strip()))
            continue
        if k == 0 or (first_line_cells == 0 and not cells):
            first_line_cells = len(bars)
        head = line[: bars[0].start()].strip()
        if head and cells:
            cells[-1].append(_inline(head))
        for b, bar in enumerate(bars):
            end = bars[b + 1].start() if b + 1 < len(bars) else len(line)
            cells.append([_inline(line[bar.end() : end].strip())])
    width = ncols or first_line_cells or 1
    rows = [cells[k : k + width] for k in range(0, len(cells), width)]
    return [[_trim(c) for c in r] for r in rows]


def _trim(cell: list[str]) -> list[str]:
    while cell and not cell[0]:
        cell = cell[1:]
    while cell and not cell[-1]:
        cell = cell[:-1]
    return cell
