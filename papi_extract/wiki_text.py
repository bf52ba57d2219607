"""MediaWiki markup (``pandoc -t mediawiki`` of a Word plan, a wiki's page source) rewritten as the markdown the
pipeline reads.

Why: a wiki writes a table as ``{|`` … ``|}`` with one cell per line (``| 1.1``, ``!width="20%"| '''TT'''``), rows
parted by ``|-``, a cell's later paragraphs on the lines under it; bold is ``'''…'''``, italic ``''…''``, a heading
``== … ==``, a numbered list item ``# …``. Read as plain text, every cell is a line of its own and a table is a
column of short paragraphs: no row, no header, no task. Rewritten: a layout table (at most two rows of at most
three cells: the header's and the signature's) is stacked, each cell's lines in order, as the header and tail
readers read them; any other table becomes markdown pipe rows, a header rule under its first row, a cell's
paragraphs joined by "; " (as grid tables' are); bold becomes markdown's, italic marks go, headings get "#",
"#" list items become "- " items, links keep their text. Linear: each line is read once.
"""

from __future__ import annotations

import regex

from papi_extract.grid_tables import markup_table

_BOLD = regex.compile(r"'''(?=\S)([^'\n]{1,400}?)'''")
_ITALIC = regex.compile(r"''(?=\S)([^'\n]{1,400}?)''")
_HEADING = regex.compile(r"^(={1,6})[ \t]*([^=\n]{1,300}?)[ \t]*\1[ \t]*$")
_NUMBERED = regex.compile(r"^#{1,4}[ \t]+(?=\S)")
_BULLETED = regex.compile(r"^\*{1,4}[ \t]+(?=\S)")
_WIKI_LINK = regex.compile(r"\[\[(?:[^\[\]|\n]{1,300}\|)?([^\[\]|\n]{1,300})\]\]")
_EXT_LINK = regex.compile(r"\[(?:https?|ftp)://[^\s\]]{1,500}(?:[ \t]+([^\]\n]{1,300}))?\]")
# a cell's attributes before its content: 'width="20%"|', 'rowspan="2" style="…"|' (no "|" inside them)
_CELL_ATTRS = regex.compile(r"^[ \t]*(?:[a-z-]{1,20}[ \t]*=[ \t]*\"[^\"\n|]{0,200}\"[ \t]*){1,8}\|(?!\|)")


def looks_like_wiki(text: str) -> bool:
    """Cheap gate: a wiki table ("{|" opening a line, "|}" closing one) or several bold runs in triple quotes."""
    if ("\n{|" in text or text.startswith("{|")) and "\n|}" in text:
        return True
    return text.count("'''") >= 8 and ("\n'''" in text or text.startswith("'''"))


def _inline(s: str) -> str:
    if "'''" in s:
        s = _BOLD.sub(r"**\1**", s)
    if "''" in s:
        s = _ITALIC.sub(r"\1", s)
    if "[" in s:
        s = _WIKI_LINK.sub(r"\1", s)
        s = _EXT_LINK.sub(lambda m: m.group(1) or "", s)
    return s


def _cell_text(s: str) -> str:
    """A cell line's content without its attributes ("!width="20%"| '''TT'''" -> "**TT**")."""
    m = _CELL_ATTRS.match(s)
    return s[m.end() :].strip() if m else s.strip()


def wiki_to_markdown(text: str) -> str:
    """``text`` with MediaWiki's marks written as markdown's (see the module's docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("{|"):
            rows, i = _table(lines, i + 1)
            out.extend(markup_table(rows))
            continue
        hm = _HEADING.match(line)
        if hm is not None:
            out.append("#" * max(1, len(hm.group(1)) - 1) + " " + _inline(hm.group(2)))
            i += 1
            continue
        if line.startswith("#"):
            line = _NUMBERED.sub("- ", line)
        elif line.startswith("*"):
            line = _BULLETED.sub("- ", line)
        out.append(_inline(line))
        i += 1
    return "\n".join(out)


def _table(lines: list[str], i: int) -> tuple[list[list[list[str]]], int]:
    """(rows -> cells -> paragraphs, index after "|}") of the table whose body starts at line ``i``."""
    rows: list[list[list[str]]] = []
    row: list[list[str]] = []
    cell: list[str] | None = None
    n = len(lines)
    while i < n:
        line = lines[i]
        s = line.strip()
        i += 1
        if s.startswith("|}"):
            break
        if s.startswith("|-"):
            if row:
                rows.append(row)
            row, cell = [], None
            continue
        if s.startswith("|+"):
            continue  # a caption
        if s.startswith(("|", "!")):
            sep = "||" if s.startswith("|") else "!!"
            for part in s[1:].split(sep):
                cell = [_inline(_cell_text(part))]
                row.append(cell)
            continue
        if cell is not None:
            cell.append(_inline(s))  # the cell's next line or paragraph ("" between paragraphs)
    if row:
        rows.append(row)
    return rows, i
