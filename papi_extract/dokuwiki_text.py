"""DokuWiki markup (``pandoc -t dokuwiki`` of a Word plan, a DokuWiki page's source, which the wiki stores as a
``.txt`` file) rewritten as the markdown the pipeline reads.

Why: DokuWiki writes a table row on one line, its header cells opened by "^" and its other cells by "|" (a row may
mix them: "^ TT ^ Nội dung ^" over "| 1 | Công khai … |"), pads every cell to its column's width, and breaks a line
inside a cell with ``\\\\`` ("ỦY BAN NHÂN DÂN\\\\ HUYỆN …\\\\ Số: 186/KH-UBND"); italic is ``//…//``, underline
``__…__``, monospace ``''…''``, a heading ``====== … ======`` (six "=" the top level), a list item "  * " or
"  - " indented by two spaces. Read as plain text, the header rows' carets make no columns, a layout table's
cells run into one line and every cell's line breaks stay as backslashes: no header, no row, no task. Rewritten:
a layout table (at most two rows of at most three cells: the header's and the signature's) is stacked, each cell's
lines in order; any other table becomes markdown pipe rows, a header rule under its first row, a cell's lines
joined by "; " and its list items by "<br>" (one task each, as in a markdown cell); italic, underline and
monospace marks go, headings get "#", list items become "- " items, links keep their text. Linear: each line is
read once, each pattern is bounded.
"""

from __future__ import annotations

import regex

from papi_extract.grid_tables import line_paragraphs, markup_cell, markup_table

_BREAK = regex.compile(r"[ \t]*\\\\(?:[ \t]+|$)")  # a forced line break: "\\" before a blank or the line's end
# (single slashes inside: "//Căn cứ Kế hoạch số 75/KH-UBND ngày 10/3/2025 …//"; not a URL's "://")
_ITALIC = regex.compile(r"(?<![:\w/])//(?=\S)((?:[^/\n]|/(?!/)){1,400}?)(?<=\S)//(?![\w/])")
_UNDERLINE = regex.compile(r"__(?=\S)([^_\n]{1,400}?)(?<=\S)__")
_MONO = regex.compile(r"''(?=\S)([^'\n]{1,400}?)(?<=\S)''")
_LINK = regex.compile(r"\[\[(?:[^\[\]|\n]{1,500}\|)?([^\[\]|\n]{1,300})\]\]")
_HEADING = regex.compile(r"^(={2,6})[ \t]*([^=\n]{1,300}?)[ \t]*\1[ \t]*$")
_LIST_ITEM = regex.compile(r"^[ \t]{2,8}[*-][ \t]+(?=\S)")
_ROW = regex.compile(r"^[\^|].*[\^|][ \t]*$")
_MIN_ROWS = 1


def looks_like_dokuwiki(text: str) -> bool:
    """Cheap gate: a header row (a line opening and closing with "^", another "^" between) or a cell's forced line
    break ("\\\\ ") on a line opening with "|" or "^"."""
    for start in ("^", "|"):
        k = 0 if text.startswith(start) else text.find("\n" + start)
        tries = 0
        while k >= 0 and tries < 50:
            a = k if text.startswith(start, k) else k + 1
            end = text.find("\n", a)
            line = text[a : end if end >= 0 else len(text)].rstrip()
            if start == "^" and line.endswith("^") and line.count("^") >= 3:
                return True
            if "\\\\ " in line and line.endswith(("|", "^")):
                return True
            k = text.find("\n" + start, a + 1)
            tries += 1
    return False


def _inline(s: str) -> str:
    if "//" in s:
        s = _ITALIC.sub(r"\1", s)
    if "__" in s:
        s = _UNDERLINE.sub(r"\1", s)
    if "''" in s:
        s = _MONO.sub(r"\1", s)
    if "[[" in s:
        s = _LINK.sub(r"\1", s)
    return s


def dokuwiki_to_markdown(text: str) -> str:
    """``text`` with DokuWiki's marks written as markdown's (see the module's docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line[:1] in ("^", "|") and _ROW.match(line):
            rows: list[list[list[str]]] = []
            while i < n and lines[i][:1] in ("^", "|") and _ROW.match(lines[i]):
                rows.append(_row(lines[i]))
                i += 1
            out.extend(markup_table(rows, markup_cell))
            continue
        hm = _HEADING.match(line)
        if hm is not None:
            out.append("#" * max(1, 7 - len(hm.group(1))) + " " + _inline(hm.group(2)))
            i += 1
            continue
        if line.startswith(("  ", "\t")):
            line = _LIST_ITEM.sub("- ", line)
        if "\\\\" in line:
            out.extend(_inline(p) for p in _balanced(_BREAK.split(line)))
        else:
            out.append(_inline(line))
        i += 1
    return "\n".join(out)


def _row(line: str) -> list[list[str]]:
    """A row's cells -> paragraphs ("" between two): cut at every "^" and "|", each cell's forced breaks its lines."""
    body = line.rstrip()[1:-1]
    cells: list[list[str]] = []
    start = 0
    for k, ch in enumerate(body):
        if ch in "^|":
            cells.append(_cell(body[start:k]))
            start = k + 1
    cells.append(_cell(body[start:]))
    return cells


def _balanced(pieces: list[str]) -> list[str]:
    """The lines of a text cut at its forced breaks, a bold run the breaks cut closed and reopened on each line
    ("**TM. ỦY BAN NHÂN DÂN\\\\ CHỦ TỊCH**" -> "**TM. ỦY BAN NHÂN DÂN**", "**CHỦ TỊCH**")."""
    out: list[str] = []
    open_ = False
    for p in pieces:
        p = p.strip()
        if open_ and p:
            p = "**" + p
        if p.count("**") % 2:
            p, open_ = p + "**", True
        else:
            open_ = open_ and not p
        out.append(p)
    return out


def _cell(raw: str) -> list[str]:
    return line_paragraphs(_inline(p.strip()) for p in _balanced(_BREAK.split(raw.strip())))
