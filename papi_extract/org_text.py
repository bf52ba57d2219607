"""Emacs Org text (``pandoc -t org``, an archive's ``.org`` notes) rewritten as the markdown the pipeline reads.

Why: Org marks what markdown marks, in other characters. A heading is a run of stars and a space ("* I. MỤC
ĐÍCH", "** 1. Mục đích"), bold is ``*…*`` and italic ``/…/``, a link ``[[url][text]]``; pandoc adds a
``:PROPERTIES:`` drawer under every heading and ``#+BEGIN_QUOTE``-style block lines. Read as plain text, the
star headings are no headings, the drawers' ids read as text ("CUSTOM_ID: nhiệm-vụ-chung" taken for an agency)
and the slashes glue onto the words they wrap ("/Bình Dương, ngày …/"). Rewritten: star headings become
"#" headings of the same level, drawers and block lines go, emphasis becomes markdown's (italic slashes are
dropped), links keep their text. In a table row the marks go and the cell keeps its width (a layout table,
the header's or the signature's, is read by where its walls stand); the "|---+---|" rule reads as a markdown
table's. Linear: each line is read once, each pattern is anchored or bounded.
"""

from __future__ import annotations

import regex

_HEADING = regex.compile(r"^(\*{1,6})[ \t]+(?=\S)")
_DRAWER_OPEN = regex.compile(r"^[ \t]{0,12}:(?:PROPERTIES|LOGBOOK):[ \t]*$")
_DRAWER_END = regex.compile(r"^[ \t]{0,12}:END:[ \t]*$")
_KEYWORD = regex.compile(r"^[ \t]{0,12}#\+(\w{1,30})(?::[ \t]?(.{0,400}))?[ \t]*$")
_BOLD = regex.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,400}?)(?<=[^\s*])\*(?![\w*])")
# an italic run: "/" after a space, a cell's wall or the line's start, before a non-space, closed by "/" before
# a space, a wall, punctuation or the line's end ("08/5/2024" and "b/c" have word characters beside the slash)
_ITALIC = regex.compile(r"(?<![\w/:.])/(?=[^\s/])([^/\n]{1,400}?)(?<=[^\s/])/(?![\w/])")
# an italic paragraph wrapped over lines: "/" opening its first line, "/" closing its last
_ITALIC_OPEN = regex.compile(r"^([ \t]{0,12}(?:\|[ \t]{0,4})?)/(?=[^\s/])")
_ITALIC_CLOSE = regex.compile(r"(?<=[^\s/])/([ \t]*(?:\|.*)?)$")
_LINK = regex.compile(r"\[\[([^\[\]\n]{1,500})\](?:\[([^\[\]\n]{1,500})\])?\]")
_KEEP_KEYWORDS = frozenset({"title", "subtitle"})  # their value is the document's text
_MIN_HEADINGS = 2


def looks_like_org(text: str) -> bool:
    """Org text without its ".org" name: star headings and pandoc's drawers or Org's "#+" keywords."""
    if "\n* " not in text and not text.startswith("* ") and "\n** " not in text:
        return False
    if ":PROPERTIES:" not in text and "\n#+" not in text and not text.startswith("#+"):
        return False  # (star lines alone are markdown's bullets as well; a ".org" name is read as Org anyway)
    n = 0
    for line in text.split("\n"):
        if _HEADING.match(line) and line[line.find(" ") + 1 : line.find(" ") + 2].strip():
            n += 1
            if n >= _MIN_HEADINGS:
                return True
    return False


def org_to_markdown(text: str) -> str:
    """``text`` with Org's marks written as markdown's (see the module's docstring)."""
    out: list[str] = []
    in_drawer = False
    italic_open = False  # an italic paragraph opened by "/" on an earlier line is still open
    for line in text.split("\n"):
        if in_drawer:
            if _DRAWER_END.match(line):
                in_drawer = False
            continue
        if _DRAWER_OPEN.match(line):
            in_drawer = True
            continue
        km = _KEYWORD.match(line)
        if km is not None:
            if km.group(1).lower() in _KEEP_KEYWORDS and km.group(2):
                out.append(km.group(2))
            continue
        if line.lstrip(" \t").startswith("|"):
            # a table row: its marks go, the cell padded to its width, so the walls stay where the rows'
            # walls are (a layout table is read by its wall positions)
            if "/" in line:
                line = _ITALIC.sub(lambda m: m.group(1) + "  ", line)
            if "*" in line:
                line = _BOLD.sub(lambda m: m.group(1) + "  ", line)
            out.append(line)
            continue
        hm = _HEADING.match(line)
        if hm is not None:
            line = "#" * len(hm.group(1)) + " " + line[hm.end() :]
        if "[[" in line:
            line = _LINK.sub(lambda m: m.group(2) or m.group(1), line)
        if "/" in line:
            line = _ITALIC.sub(r"\1", line)
            if not line.strip():
                italic_open = False
            elif italic_open:
                line, n = _ITALIC_CLOSE.subn(r"\1", line, count=1)
                italic_open = n == 0
            else:
                opened = _ITALIC_OPEN.search(line)
                if opened is not None:
                    line = line[: opened.end() - 1] + line[opened.end() :]
                    line, n = _ITALIC_CLOSE.subn(r"\1", line, count=1)
                    italic_open = n == 0
        elif not line.strip():
            italic_open = False
        if "*" in line:
            line = _BOLD.sub(r"**\1**", line)
        out.append(line)
    return "\n".join(out)
