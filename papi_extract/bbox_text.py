"""A PDF's words with their boxes (``pdftotext -bbox-layout``, an XHTML page of ``<page>`` / ``<flow>`` /
``<block>`` / ``<line>`` / ``<word xMin=… >``) rewritten as the plain text pdftotext would print.

Why: read as HTML, every word is an element of its own and nothing marks a line or a paragraph: the plan is one
run of words, no heading, no item, no task. The elements already say where lines and blocks end, in reading
order: each ``<line>`` becomes a line of its words, each ``<block>`` ends with an empty line (a paragraph, a cell
of a table), each page after the first opens with a form feed as pdftotext's own text does. One linear pass of a
bounded tag pattern; entities in the words are unescaped.
"""

from __future__ import annotations

import html

import regex

_TAG = regex.compile(r"<(/?)(page|flow|block|line|word)(?![\w-])[^<>]{0,400}>")
_MIN_WORDS = 20


def looks_like_bbox(text: str) -> bool:
    """Cheap gate: a ``<doc>`` of ``<page>`` elements whose words carry their boxes (``<word xMin=``)."""
    return "<word xMin=" in text and "<page " in text and text.count("<word ", 0, 200_000) >= _MIN_WORDS


def bbox_to_text(text: str) -> str:
    """The words of ``text`` as lines and paragraphs (see the module's docstring)."""
    out: list[str] = []
    words: list[str] = []
    start = -1
    pages = 0
    for m in _TAG.finditer(text):
        closing, name = m.group(1) == "/", m.group(2)
        if name == "word":
            if not closing:
                start = m.end()
            elif start >= 0:
                words.append(html.unescape(text[start : m.start()]).strip())
                start = -1
        elif name == "line" and closing:
            if words:
                out.append(" ".join(w for w in words if w))
            words = []
        elif name == "block" and closing:
            out.append("")
        elif name == "page" and not closing:
            pages += 1
            if pages > 1:
                out.append("\f")
    if words:
        out.append(" ".join(words))
    # a form feed opens the next page's first line, as pdftotext prints it
    lines: list[str] = []
    feed = False
    for ln in out:
        if ln == "\f":
            feed = True
            continue
        if feed and ln:
            ln, feed = "\f" + ln, False
        lines.append(ln)
    return "\n".join(lines) + "\n"
