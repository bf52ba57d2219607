"""groff ``ms`` source (``pandoc -t ms`` of a Word plan, a plan typeset with groff) rewritten as the markdown the
pipeline reads.

Why: ms writes structure as requests at the start of a line: ``.SH 2`` / ``.NH 2`` before a heading's text,
``.PP`` / ``.LP`` before a paragraph, ``.IP \\[bu] 3`` before a list item, ``.QS`` … ``.QE`` around an indented block,
and a table between ``.TS`` and ``.TE`` in tbl's notation (a format line ending with ".", then rows whose cells are
parted by tabs, a cell of several lines between ``T{`` and ``T}``); a document opens with dozens of settings
(``.nr``, ``.ds``, ``.de`` … ``..``, ``.pdfhref``) and marks fonts inline (``\\f[B]…\\f[R]``). Read as plain text,
every request is a line of noise, a heading is a line like any other and a table is a column of fragments: no
heading, no row, no task. Rewritten: settings, comments and macro definitions go; headings get "#" by level;
paragraphs are parted by empty lines; items become "- " (or their label); tables become markdown pipe rows (a
layout table stacked); bold becomes markdown's; escapes give their characters. Linear: each line is read once.
"""

from __future__ import annotations

import regex

from papi_extract.grid_tables import enough_line_marks, markup_cell, markup_table

_REQUEST = regex.compile(r"[.'][ \t]{0,4}([A-Za-z0-9]{1,12}|\\\")(?:[ \t]+(.*))?$")
_HEADINGS = frozenset(("SH", "NH"))
_PARAGRAPHS = frozenset(("PP", "LP", "QP", "XP", "QS", "QE", "RS", "RE", "DS", "DE", "KS", "KE", "sp", "br", "bp"))
_ESCAPES = {"bu": "•", "lq": "“", "rq": "”", "oq": "‘", "cq": "’", "em": "—", "en": "–", "hy": "-", "dq": '"',
            "aq": "'", "rs": "\\", "ti": "~", "ha": "^", "at": "@", "sh": "#", "Do": "$", "lB": "[", "rB": "]",
            "lC": "{", "rC": "}", "tm": "™", "co": "©", "rg": "®", "de": "°", "mu": "×", "di": "÷", "pl": "+",
            "mi": "−", "eq": "=", "->": "→", "<-": "←", "fm": "′"}
_ESCAPE = regex.compile(
    r"\\(?:\[(?P<long>[^\]\n]{1,40})\]|\((?P<two>..)|f(?:\[(?P<font>[A-Z]{0,3})\]|(?P<font1>[A-Z1-4]))"
    r"|\*(?:\[[^\]\n]{0,40}\]|\(..|.)|(?P<char>[-&%c~ e\\.|^0:!'`\"t]))")
_MARKERS = regex.compile(r"^[.'][ \t]{0,4}(TS|SH|NH|PP|LP|IP)(?![A-Za-z])", regex.MULTILINE)
_MIN_MARKERS = 3
_LEVEL = regex.compile(r"[0-9]{1,2}")


def looks_like_ms(text: str) -> bool:
    """Cheap gate: at least three lines opening with ms requests (``.PP``, ``.LP``, ``.SH``, ``.NH``, ``.IP``,
    ``.TS``), of at least two kinds."""
    return enough_line_marks(_MARKERS, text, _MIN_MARKERS)


def _inline(s: str) -> str:
    """Escapes and font changes of one line: bold to markdown's, italic and roman marks dropped."""
    if "\\" not in s:
        return s
    out: list[str] = []
    bold = False
    pos = 0
    for m in _ESCAPE.finditer(s):
        out.append(s[pos : m.start()])
        pos = m.end()
        font = m.group("font") if m.group("font") is not None else m.group("font1")
        if font is not None:
            want = "B" in font
            if want != bold:
                out.append("**")
                bold = want
            continue
        name = m.group("long") or m.group("two")
        if name is not None:
            if name.startswith("u") and len(name) >= 5 and all(c in "0123456789ABCDEFabcdef" for c in name[1:5]):
                out.append(chr(int(name[1:5], 16)))
            else:
                out.append(_ESCAPES.get(name, ""))
            continue
        ch = m.group("char")
        if ch is not None:
            out.append({"-": "-", "~": " ", " ": " ", "e": "\\", "\\": "\\", ".": ".", "0": " ", "'": "'",
                        "`": "`", "t": "\t"}.get(ch, ""))
    out.append(s[pos:])
    if bold:
        out.append("**")
    return "".join(out).replace("****", "")


def ms_to_markdown(text: str) -> str:
    """``text`` with ms's requests written as markdown (see the module's docstring)."""
    lines = text.split("\n")
    out: list[str] = []
    heading = 0  # the level of a heading whose text comes on the next lines
    pending = ""  # an item's mark waiting for its text
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        i += 1
        m = _REQUEST.match(line) if line[:1] in ".'" else None
        if m is None:
            s = _inline(line[2:] if line.startswith("\\&") else line)
            if heading:
                out.extend(["", "#" * heading + " " + s.strip(), ""])
                heading = 0
                continue
            if pending and s.strip():
                s, pending = pending + s.strip(), ""
            out.append(s)
            continue
        req, arg = m.group(1), (m.group(2) or "").strip()
        if req == "de" or req == "ig":  # a macro definition or an ignored block, up to its ".."
            while i < n and lines[i].strip() != "..":
                i += 1
            i += 1
        elif req in _HEADINGS:
            lm = _LEVEL.match(arg)
            level = int(lm.group()) if lm is not None else 1
            heading = max(1, min(level, 6))
        elif req in _PARAGRAPHS:
            heading = 0
            if out and out[-1] != "":
                out.append("")
        elif req == "IP":
            if out and out[-1] != "":
                out.append("")
            label = _inline(_first_arg(arg))
            pending = "- " if label in ("•", "-", "*", "–", "") else label + " "
        elif req == "TS":
            rows, i = _table(lines, i)
            out.extend(markup_table(rows, markup_cell))
        elif req in ("TL", "AU", "AI"):
            if out and out[-1] != "":
                out.append("")
        elif req in ("B", "I", "BI", "R") and arg:
            s = _inline(_first_arg(arg) if req != "R" else arg)
            out.append(f"**{s}**" if "B" in req else s)
        # every other request (settings, registers, strings, PDF outline entries, comments) says nothing
    return "\n".join(out)


def _first_arg(arg: str) -> str:
    arg = arg.strip()
    if arg.startswith('"'):
        k = arg.find('"', 1)
        return arg[1:k] if k > 0 else arg[1:]
    return arg.split()[0] if arg else ""


def _table(lines: list[str], i: int) -> tuple[list[list[list[str]]], int]:
    """(rows -> cells -> paragraphs, index after ``.TE``) of a tbl table whose ``.TS`` is the line before ``i``:
    options and format lines up to the one ending with ".", then rows whose cells are parted by the tab character
    (or the one ``tab(…)`` names); a ``T{`` … ``T}`` cell runs over lines, its requests part its paragraphs."""
    n = len(lines)
    sep = "\t"
    # options ("delim(@@) tab(\t);") then format lines, the last one ending with "."
    while i < n and not lines[i].rstrip().endswith("."):
        m = regex.search(r"tab\((.)\)", lines[i])
        if m is not None:
            sep = m.group(1)
        i += 1
    i += 1
    rows: list[list[list[str]]] = []
    row: list[list[str]] = []
    cell: list[str] = []
    in_block = False
    while i < n:
        line = lines[i]
        i += 1
        if not in_block and line.strip() == ".TE":
            break
        if not in_block and line.strip() in ("_", "=", ".T&"):
            continue
        pieces = line.split(sep) if not in_block else [line]
        if in_block:
            s = line
            if s.startswith("T}"):
                in_block = False
                row.append(_paras(cell))
                cell = []
                rest = s[2:]
                if rest.startswith(sep):
                    rest = rest[1:]
                    if rest.startswith("T{"):
                        in_block = True
                        continue
                    if rest:
                        row.extend([_paras([c]) for c in rest.split(sep)])
                        continue
                    continue  # the row goes on with the next line's cells
                rows.append(row)
                row = []
                continue
            cell.append(s)
            continue
        for k, p in enumerate(pieces):
            if p.startswith("T{"):
                in_block = True
                tail = p[2:].strip()
                if tail:
                    cell.append(tail)
                break
            row.append(_paras([p]))
            if k == len(pieces) - 1:
                rows.append(row)
                row = []
    if row:
        rows.append(row)
    return rows, i


def _paras(raw: list[str]) -> list[str]:
    """A tbl cell's lines as paragraphs ("" between two): requests part paragraphs, other lines are text."""
    out: list[str] = []
    for line in raw:
        if line[:1] in ".'":
            if out and out[-1] != "":
                out.append("")
            continue
        s = _inline(line).strip()
        if s:
            out.append(s)
    while out and out[-1] == "":
        out.pop()
    return out
