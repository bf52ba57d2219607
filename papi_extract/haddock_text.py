"""Haddock markup (``pandoc -t haddock`` of a Word plan, the comment markup of Haskell documentation) rewritten as
the markdown the pipeline reads.

Why: Haddock writes a heading as ``= I. …`` / ``== 1. …`` followed by an anchor line ``#i.-…#``, italic between
single slashes (``/Căn cứ … ;/``, over line breaks), and therefore escapes every slash of the text (``108\\/KH-UBND``,
``15\\/7\\/2021``, ``(b\\/c)``) and every quote; tables are pandoc grid tables. Read as plain text, no heading is a
heading, every document number and date keeps its backslashes (no number, no date, no legal basis) and the italic
slashes cling to the first and last words. Rewritten: the grid tables first (while their walls still line up), then
headings get "#", anchor lines go, italic slashes go, escapes are undone, bold ``__…__`` becomes ``**…**`` (also when the writer's wrapping cut it between
its two underscores).
Linear: each line is read once.
"""

from __future__ import annotations

import regex

from papi_extract.grid_tables import has_grid_tables, rewrite_grid_tables

_HEADING = regex.compile(r"(={1,6})[ \t]+(?=\S)")
_ANCHOR = regex.compile(r"#[^#\s]{1,300}#[ \t]*$")
# an unescaped slash: Haddock's italic mark (a URL's "://" and a link's "<…>" keep theirs)
_ITALIC_MARK = regex.compile(r"(?<![\\/:])/(?!/)")
_ESCAPE = regex.compile(r"\\([/\"'`@<>*_\\#$|\[\]-])")
_LINK = regex.compile(r"<((?:https?|ftp|mailto):[^<>\s]{1,500})(?:[ \t]+([^<>\n]{1,300}))?>")
_MIN_ESCAPED_SLASHES = 3
# bold cut by the writer's wrapping between its two underscores ("_" / "_TT__" in a cell, joined "_ _TT__")
_CUT_BOLD = regex.compile(r"(?<![\w_])_ _(?=[^\s_])")
_BOLD = regex.compile(r"(?<![\w_])__(?=[^\s_])([^\n]{1,400}?)(?<=[^\s_])__(?![\w_])")


def looks_like_haddock(text: str) -> bool:
    """Cheap gate: a "= " heading followed by a "#anchor#" line, or "= " headings with escaped slashes ("\\/")
    in the text, as pandoc's Haddock writer gives them."""
    k = 0 if text.startswith("=") else text.find("\n=")
    tries = 0
    while k >= 0 and tries < 50:
        tries += 1
        start = k + 1 if text[k] == "\n" else k
        end = text.find("\n", start)
        if end < 0:
            break
        if _HEADING.match(text, start, end):
            nxt = text.find("\n", end + 1)
            line = text[end + 1 : nxt if nxt >= 0 else len(text)]
            if _ANCHOR.match(line) or text.count("\\/") >= _MIN_ESCAPED_SLASHES:
                return True
        k = text.find("\n=", end)
    return False


def _link(m: regex.Match[str]) -> str:
    return m.group(2) or m.group(1)


def haddock_to_markdown(text: str) -> str:
    """``text`` with Haddock's marks written as markdown's (see the module's docstring)."""
    if has_grid_tables(text):
        text = rewrite_grid_tables(text)  # before any mark goes: the walls must still line up
    out: list[str] = []
    for line in text.split("\n"):
        if _ANCHOR.match(line):
            continue
        hm = _HEADING.match(line)
        if hm is not None:
            line = "#" * len(hm.group(1)) + " " + line[hm.end() :]
        if "<" in line:
            line = _LINK.sub(_link, line)
        if "/" in line:
            line = _ITALIC_MARK.sub("", line)
        if "\\" in line:
            line = _ESCAPE.sub(r"\1", line)
        if "__" in line or "_ _" in line:
            line = _BOLD.sub(r"**\1**", _CUT_BOLD.sub("__", line))
        out.append(line)
    return "\n".join(out)
