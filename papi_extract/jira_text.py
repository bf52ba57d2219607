"""Jira / Confluence wiki markup (``pandoc -t jira`` of a Word plan, a plan pasted into an issue tracker or a
Confluence page) rewritten as the markdown the pipeline reads.

Why: Jira writes a table's header row as ``|| TT || Nhiệm vụ ||`` and its other rows as ``| 1 | Tổ chức … |``, a
cell of several paragraphs running on over lines until the row's closing bar; it escapes the marks it would
otherwise read (``\\(``, ``\\-``), writes bold ``*…*``, italic ``_…_``, a heading ``h2. …``, a list item ``* …`` or
``# …``. Read as plain text, a row cut by a cell's line break is two pieces of a table, the header row's double
bars make no column, and every "\\-" item keeps its backslash: no row, no task. Rewritten: a layout table (at most two
rows of at most three cells: the header's and the signature's) is stacked, each cell's paragraphs in order; any
other table becomes markdown pipe rows, a header rule under its first row, a cell's paragraphs joined by "; " and
its list items by "<br>" (one task each, as in a markdown cell); the escapes go, bold becomes markdown's, italic
marks go, headings get "#", list items become "- " items, links keep their text. Linear: each line is read once,
each pattern is bounded.
"""

from __future__ import annotations

import regex

from papi_extract.grid_tables import line_paragraphs, markup_cell, markup_table

_ESCAPE = regex.compile(r"\\([^\w\s])")
_BOLD = regex.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,400}?)(?<=[^\s*])\*(?![\w*])")
_ITALIC = regex.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,400}?)(?<=[^\s_])_(?![\w_])")
_MONO = regex.compile(r"\{\{([^{}\n]{1,400})\}\}")
_LINK = regex.compile(r"\[(?:([^\[\]|\n]{1,300})\|)?((?:https?|ftp|mailto):[^\[\]\s]{1,500})\]")
_HEADING = regex.compile(r"^h([1-6])\.[ \t]+(?=\S)")
_LIST_ITEM = regex.compile(r"^[*#]{1,4}[ \t]+(?=\S)")
_ESCAPED_BAR = "\x00"  # an escaped "\|" inside a cell, kept apart from the walls while a row is cut


def looks_like_jira(text: str) -> bool:
    """Cheap gate: a header row opening a line with "||" and holding another "||" (a pipe table's row never
    opens with two bars), and a data row opening with "| "."""
    k = text.find("||")
    while k >= 0:
        if k == 0 or text[k - 1] == "\n":
            end = text.find("\n", k)
            line = text[k : end if end >= 0 else len(text)]
            if line.find("||", 2) >= 0 or line.startswith("|| "):
                return "\n| " in text or "\n|| " in text[k + 2 :]
        k = text.find("||", k + 2)
    return False


def _inline(s: str) -> str:
    if "\\" in s:
        s = _ESCAPE.sub(r"\1", s)
    if "*" in s:
        s = _BOLD.sub(r"**\1**", s)
    if "_" in s:
        s = _ITALIC.sub(r"\1", s)
    if "{{" in s:
        s = _MONO.sub(r"\1", s)
    if "[" in s:
        s = _LINK.sub(lambda m: m.group(1) or m.group(2), s)
    return s


def jira_to_markdown(text: str) -> str:
    """``text`` with Jira's marks written as markdown's (see the module's docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("|"):
            rows, i = _table(lines, i)
            out.extend(markup_table(rows, markup_cell))
            continue
        hm = _HEADING.match(line)
        if hm is not None:
            line = "#" * int(hm.group(1)) + " " + line[hm.end() :]
        elif line.startswith(("*", "#")) and not line.startswith("**"):
            line = _LIST_ITEM.sub("- ", line)
        out.append(_inline(line))
        i += 1
    return "\n".join(out)


def _table(lines: list[str], i: int) -> tuple[list[list[list[str]]], int]:
    """(rows -> cells -> paragraphs, index after the table) of the table whose first row opens line ``i``: a row
    runs on over lines until one ends with its closing bar; the table ends at a line that opens no row."""
    rows: list[list[list[str]]] = []
    n = len(lines)
    while i < n and lines[i].startswith("|"):
        header = lines[i].startswith("||")
        wall = "||" if header else "|"
        piece = [lines[i].replace("\\|", _ESCAPED_BAR)]
        i += 1
        while not piece[-1].rstrip().endswith("|") and i < n:
            piece.append(lines[i].replace("\\|", _ESCAPED_BAR))  # a cell's next paragraph
            i += 1
        body = "\n".join(piece).strip()
        body = body[len(wall) :]
        if body.endswith(wall):
            body = body[: -len(wall)]
        row: list[list[str]] = []
        for cell in body.split(wall):
            row.append(line_paragraphs(_inline(p.strip().replace(_ESCAPED_BAR, "/")) for p in cell.strip().split("\n")))
        rows.append(row)
    return rows, i
