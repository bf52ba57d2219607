"""Texinfo (``pandoc -t texinfo`` of a Word plan, a plan kept in a Texinfo manual) rewritten as the markdown the
pipeline reads.

Why: Texinfo writes its structure as commands at the start of a line (``@chapter I. MỤC ĐÍCH``, ``@section 1. …``,
``@itemize`` / ``@item`` / ``@end itemize``), repeats each heading as a ``@node`` line, a ``@menu`` entry and an
``@anchor{…}``, marks text inline with braces that run over line breaks (``@strong{… ĐỊA\\nPHƯƠNG}``,
``@emph{…}``), escapes ``@@``, ``@{``, ``@}``, writes an en dash as ``--`` and a forced line break as ``@*``, and
writes a table as ``@multitable`` whose rows open with ``@headitem`` or ``@item`` and whose cells are parted by
``@tab``, each cell running on over lines. Read as plain text, every heading comes three or four times, no row is
a row and every mark stays: no task. Rewritten: menus, nodes and anchors go; headings get "#" by their level; list
items become "- " (or "1. ") items; a layout table (at most two rows of at most three cells: the header's and the
signature's) is stacked, any other table becomes markdown pipe rows under a header rule, a cell's paragraphs joined
as a grid cell's are and its list items by "<br>"; bold becomes markdown's (closed and reopened at each line
break), other inline marks keep their text, links their text, footnotes their text. Linear: each line is read once,
the inline marks in one pass with a stack of open braces.
"""

from __future__ import annotations

import regex

from papi_extract.grid_tables import enough_line_marks, markup_cell, markup_table

# commands at the start of a line, by what becomes of the line
_HEADINGS = {
    **dict.fromkeys(("chapter", "unnumbered", "appendix", "majorheading", "chapheading"), 1),
    **dict.fromkeys(("section", "unnumberedsec", "appendixsec", "heading"), 2),
    **dict.fromkeys(("subsection", "unnumberedsubsec", "appendixsubsec", "subheading"), 3),
    **dict.fromkeys(("subsubsection", "unnumberedsubsubsec", "appendixsubsubsec", "subsubheading"), 4),
}
# blocks whose content is not the document's text (menus, other output formats' source, ignored parts)
_SKIPPED_BLOCKS = frozenset(("menu", "direntry", "ignore", "tex", "iftex", "ifhtml", "ifdocbook", "iflatex", "ifxml",
                             "html", "docbook", "latex", "xml", "detailmenu"))
# line commands dropped with the rest of their line (the rest is a name, a file, a setting)
_DROPPED_LINES = frozenset(("node", "top", "setfilename", "settitle", "documentencoding", "documentlanguage", "bye",
                            "c", "comment", "dircategory", "insertcopying", "contents", "shortcontents",
                            "summarycontents", "finalout", "paragraphindent", "firstparagraphindent", "exampleindent",
                            "setchapternewpage", "headings", "page", "need", "sp", "vskip", "noindent", "indent",
                            "printindex", "cindex", "findex", "kindex", "pindex", "tindex", "vindex", "set", "clear",
                            "title", "subtitle", "author", "titlefont", "shorttitlepage", "copying", "titlepage",
                            "group", "cartouche", "quotation", "smallquotation", "example", "smallexample", "display",
                            "smalldisplay", "format", "smallformat", "flushleft", "flushright", "raggedright",
                            "lisp", "smalllisp", "verbatim", "indentedblock", "smallindentedblock"))
_LISTS = frozenset(("itemize", "enumerate", "table", "ftable", "vtable"))
# inline commands with braces: what each becomes (None: keep the content as it is)
_BOLD = frozenset(("strong", "b"))
_LINKS = frozenset(("url", "uref", "email"))
_SYMBOLS = {"dots": "…", "enddots": "...", "comma": ",", "tie": " ", "bullet": "•", "minus": "-", "copyright": "©",
            "registeredsymbol": "®", "result": "⇒", "expansion": "→", "equiv": "≡", "point": "∗", "error": "error→",
            "print": "-|", "euro": "€", "pounds": "£", "textdegree": "°", "ordf": "ª", "ordm": "º", "geq": "≥",
            "leq": "≤", "quotedblleft": "“", "quotedblright": "”", "quoteleft": "‘", "quoteright": "’",
            "guillemetleft": "«", "guillemetright": "»", "exclamdown": "¡", "questiondown": "¿", "TeX": "TeX",
            "LaTeX": "LaTeX", "atchar": "@", "lbracechar": "{", "rbracechar": "}", "backslashchar": "\\",
            "hashchar": "#", "ampchar": "&", "slashchar": "/"}
_DROPPED_INLINE = frozenset(("anchor", "cindex", "findex", "kindex", "pindex", "tindex", "vindex", "indexterm"))

_LINE_COMMAND = regex.compile(r"[ \t]{0,8}@([A-Za-z]{1,30})(?![A-Za-z])[ \t]?(.*)")
_INLINE_COMMAND = regex.compile(r"@([A-Za-z]{1,30})")
_TAB = regex.compile(r"(?<![@\w])@tab(?![A-Za-z])[ \t]?")
_FORCED_BREAK = regex.compile(r"(?<!@)@\*")
_MARKER_COMMANDS = ("node", "chapter", "section", "subsection", "unnumbered", "top", "menu", "end", "itemize",
                    "enumerate", "multitable", "headitem", "item", "tab", "anchor", "setfilename", "settitle", "bye")
_MARKER = regex.compile(r"^[ \t]{0,8}@(" + "|".join(_MARKER_COMMANDS) + r")(?![A-Za-z])", regex.MULTILINE)
_MIN_MARKERS = 3
_START = regex.compile(r"[0-9]{1,4}")  # an @enumerate's first number (ASCII digits only: "²" is no start)


def looks_like_texinfo(text: str) -> bool:
    """Cheap gate: at least three lines opening with a Texinfo structure command (``@node``, ``@chapter``,
    ``@itemize``, ``@multitable``, ``@end`` …), of at least two kinds; "\\input texinfo" alone is enough."""
    return text.startswith("\\input texinfo") or enough_line_marks(_MARKER, text, _MIN_MARKERS)


def texinfo_to_markdown(text: str) -> str:
    """``text`` with Texinfo's commands written as markdown's (see the module's docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    prose: list[str] = []  # consecutive lines outside tables: their inline marks are read together
    lists: list[list[int | str]] = []  # open lists: [kind, next number]
    pending_item = ""  # the mark of a list item whose text starts on a later line
    i, n = 0, len(lines)

    def flush() -> None:
        if prose:
            out.extend(_inline("\n".join(prose)).split("\n"))
            prose.clear()

    while i < n:
        line = lines[i]
        i += 1
        m = _LINE_COMMAND.match(line) if "@" in line else None
        if i == 1 and line.startswith("\\input texinfo"):
            continue
        if m is None or line.lstrip().startswith(("@@", "@{", "@}")):
            if pending_item and line.strip():
                line, pending_item = pending_item + line.strip(), ""
            prose.append(line)
            continue
        cmd, rest = m.group(1), m.group(2).strip()
        if cmd in _SKIPPED_BLOCKS:
            while i < n and not regex.match(r"[ \t]*@end[ \t]+" + cmd + r"\b", lines[i]):
                i += 1
            i += 1
        elif cmd in _HEADINGS:
            flush()
            out.extend(["", "#" * _HEADINGS[cmd] + " " + _inline(rest), ""])
        elif cmd == "multitable":
            flush()
            rows, i = _table(lines, i)
            out.extend(markup_table(rows, markup_cell))
        elif cmd in _LISTS:
            kind: int | str = "-"
            if cmd == "enumerate":
                start = _START.fullmatch(rest)
                kind = int(rest) if start is not None else (rest if len(rest) == 1 and rest.isalpha() else 1)
            lists.append([kind])
        elif cmd in ("item", "itemx") and lists:
            kind = lists[-1][0]
            if isinstance(kind, int):
                mark, lists[-1][0] = f"{kind}. ", kind + 1
            elif kind != "-":
                mark, lists[-1][0] = f"{kind}) ", chr(ord(kind) + 1)
            else:
                mark = "- "
            if prose and prose[-1].strip():
                prose.append("")
            if rest:
                prose.append(mark + rest)
            else:
                pending_item = mark
        elif cmd == "end":
            word = rest.split()[0] if rest else ""
            if word in _LISTS and lists:
                lists.pop()
        elif cmd == "center":
            prose.append(rest)
        elif cmd in _DROPPED_LINES or cmd in _DROPPED_INLINE:
            continue
        else:  # an inline command opening the line ("@strong{KẾ HOẠCH}", "@emph{…}")
            if pending_item and line.strip():
                line, pending_item = pending_item + line.strip(), ""
            prose.append(line)
    flush()
    return "\n".join(out)


def _table(lines: list[str], i: int) -> tuple[list[list[list[str]]], int]:
    """(rows -> cells -> paragraphs, index after ``@end multitable``) of the table whose ``@multitable`` line is
    the one before ``i``: a row opens with ``@headitem`` or ``@item``, its cells parted by ``@tab`` wherever it
    stands, a cell's paragraphs by empty lines and by ``@*``."""
    rows: list[list[str]] = []
    n = len(lines)
    while i < n:
        line = lines[i]
        i += 1
        s = line.lstrip()
        if s.startswith("@end") and s[4:].strip().startswith("multitable"):
            break
        m = _LINE_COMMAND.match(line) if s.startswith(("@headitem", "@item")) else None
        if m is not None and m.group(1) in ("headitem", "item"):
            rows.append([m.group(2)])
        elif rows:
            rows[-1].append(line)
    return [[_cell(c) for c in _TAB.split("\n".join(r))] for r in rows], i


def _cell(raw: str) -> list[str]:
    """A cell's paragraphs ("" between two), its inline marks read: wrapped lines of a paragraph stay apart (the
    cell joining puts them together), ``@*`` and empty lines part paragraphs."""
    text = _inline(_FORCED_BREAK.sub("\n\n", raw.strip()), split_bold=False)  # its lines are joined into one
    pieces: list[str] = []
    for line in text.split("\n"):
        s = line.strip()
        if s:
            pieces.append(s)
        elif pieces and pieces[-1]:
            pieces.append("")
    while pieces and not pieces[-1]:
        pieces.pop()
    return pieces


def _dashes(s: str) -> str:
    """Texinfo's "--" an en dash and "---" an em dash; longer runs ("-------" under a header) are a rule, kept."""
    if "--" not in s:
        return s
    return regex.sub(r"(?<!-)---?(?!-)", lambda m: "—" if len(m.group()) == 3 else "–", s)


def _inline(text: str, split_bold: bool = True) -> str:
    """Inline marks in one pass: a stack of the braces open, each with what closes it. ``split_bold``: close and
    reopen a bold run at each line break (markdown's bold does not run over one)."""
    if "@" not in text:
        return _dashes(text)
    out: list[str] = []
    stack: list[tuple[str, int]] = []  # (command, index in out where its content starts)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "@" and i + 1 < n:
            nxt = text[i + 1]
            if nxt in "@{}":
                out.append(nxt)
                i += 2
                continue
            if nxt == "*":
                out.append("\n")
                i += 2
                continue
            if nxt in ".!? ":  # an end of sentence, a space as written
                out.append(nxt)
                i += 2
                continue
            if nxt in ":-'\"^`,=~":  # no end of sentence, a hyphenation point, an accent over what follows
                i += 2
                if nxt not in ":-" and text.startswith("{", i) and text.find("}", i, i + 4) > 0:
                    k = text.find("}", i, i + 4)
                    out.append(text[i + 1:k])
                    i = k + 1
                continue
            m = _INLINE_COMMAND.match(text, i)
            if m is None:
                out.append(c)
                i += 1
                continue
            name = m.group(1)
            j = m.end()
            if j < n and text[j] == "{":
                if name in _SYMBOLS and text.startswith("}", j + 1):
                    out.append(_SYMBOLS[name])
                    i = j + 2
                    continue
                stack.append((name, len(out)))
                out.append("**" if name in _BOLD else "")
                i = j + 1
                continue
            out.append(_SYMBOLS.get(name, ""))  # a command without braces: "@noindent", "@TeX"
            i = j
            continue
        if c == "}" and stack:
            name, start = stack.pop()
            if name in _BOLD:
                out.append("**")
            elif name in _LINKS:
                content = "".join(out[start:])
                out[start:] = [content.rsplit(",", 1)[-1].strip() if "," in content else content]
            elif name in _DROPPED_INLINE:
                del out[start:]
            i += 1
            continue
        if c == "\n" and split_bold and any(name in _BOLD for name, _ in stack):
            out.append("**\n**")  # markdown bold does not run over a line break: closed and reopened
            i += 1
            continue
        out.append(c)
        i += 1
    return _dashes("".join(out)).replace("****", "")
