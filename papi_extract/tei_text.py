"""TEI XML (``pandoc -t tei`` of a Word plan, a plan kept in a digital-edition archive) rewritten as the HTML the
pipeline's HTML reader reads.

Why: TEI says what HTML says with other names: ``<div><head>`` for a heading (its level by nesting or by pandoc's
``type="levelN"``), ``<p>`` for a paragraph, ``<hi rendition="simple:bold">`` (pandoc) or ``<hi rend="bold">`` for
bold, ``<list><item>`` for a list, ``<table><row><cell>`` for a table (``role="label"`` a header row, ``cols`` /
``rows`` a merged cell), ``<lb/>`` a line break, ``<note>`` a footnote. Read as HTML, ``<row>``, ``<cell>``,
``<item>`` and ``<head>`` name no block: the header table, the score table and the task table become one run of
words, no row, no heading, no task. Rewritten element by element into their HTML twins, the HTML reader reads it as
it reads a converter's page. The parse is lxml's XML parser with entities, network and DTD loading off; one pass
over the tree; the ``<teiHeader>`` (pandoc's empty title, "Produced by pandoc.") is dropped.
"""

from __future__ import annotations

from lxml import etree

from papi_extract.docbook_text import _drop_keep_tail, _local, parse_xml

_TEI_NS = "http://www.tei-c.org/ns/1.0"
# TEI element -> HTML element (the rest become <span>, their text kept)
_BLOCKS = {
    "p": "p", "ab": "p", "list": "ul", "item": "li", "table": "table", "row": "tr", "quote": "blockquote",
    "cit": "blockquote", "lg": "div", "l": "p", "lb": "br", "label": "b", "ref": "a", "ptr": "a", "text": "div",
    "body": "body", "front": "div", "back": "div", "group": "div", "div": "div", "figure": "div", "floatingText": "div",
    "code": "code", "emph": "i", "term": "i", "gloss": "i", "title": "i", "note": "span", "opener": "div",
    "closer": "div", "salute": "p", "signed": "p", "dateline": "p", "byline": "p", "docTitle": "div",
    "titlePart": "p", "titlePage": "div", "trailer": "p", "argument": "div", "epigraph": "div", "postscript": "div",
}
_DROPPED = frozenset(("teiHeader", "pb", "cb", "milestone", "anchor", "graphic", "figDesc", "fw", "index", "gap",
                      "interpGrp", "linkGrp", "standOff", "facsimile"))
_DIVS = frozenset(("div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"))
_MAX_SPAN = 60  # cells a merged cell may span (a hostile cols="99999" is not a hundred thousand columns)
_BOLD = ("bold", "strong", "b")
_ITALIC = ("italic", "i", "em", "emph")


def looks_like_tei(text: str) -> bool:
    """Cheap gate: a ``<TEI`` (or TEI P4's ``<TEI.2``) root with TEI's namespace or a ``<teiHeader>`` in the head."""
    head = text[:4000]
    return ("<TEI" in head) and (_TEI_NS in head or "<teiHeader" in head)


def tei_to_html(text: str) -> str:
    """``text`` as an HTML page (see the module's docstring); the text itself when it does not parse as XML."""
    root = parse_xml(text)
    if root is None:
        return text
    body = root
    for el in root.iter():
        if isinstance(el.tag, str) and _local(el.tag) == "text":
            body = el  # the plan; the <teiHeader> beside it is metadata
            break
    _rewrite(body)
    page = etree.Element("body")  # a fresh root: the TEI namespace declared above <text> stays behind
    page.text = body.text
    page.extend(list(body))
    html = etree.tostring(page, encoding="unicode", method="html")
    return f"<html><head><meta charset=\"utf-8\"></head>{html}</html>"


def _level(name: str, node: etree._Element, depth: int) -> int:
    """A heading's level: pandoc's ``type="levelN"``, a numbered ``<divN>``, else the nesting of divisions."""
    if name != "div":
        digits = name[3:]
        return int(digits) if digits.isdigit() else depth
    kind = node.get("type") or ""
    if kind.startswith("level") and kind[5:].isascii() and kind[5:].isdigit() and len(kind) <= 7:
        return int(kind[5:])
    return depth


def _rendition(node: etree._Element) -> str:
    """``b``, ``i`` or ``span`` for a ``<hi>``: TEI's ``rend`` words or pandoc's ``rendition="simple:bold"``."""
    value = ((node.get("rend") or "") + " " + (node.get("rendition") or "")).lower()[:200]
    words = value.replace("simple:", " ").replace("#", " ").replace(";", " ").split()
    if any(w in _BOLD or w.startswith("bold") or w == "font-weight:bold" for w in words):
        return "b"
    if any(w in _ITALIC or w.startswith("italic") for w in words):
        return "i"
    return "span"


def _rewrite(top: etree._Element) -> None:
    """Rename ``top`` and its descendants in place, iteratively (a deeply nested file cannot exhaust the stack)."""
    stack: list[tuple[etree._Element, int, str]] = [(top, 0, "")]
    while stack:
        node, d, pname = stack.pop()  # (the parent's TEI name: the parent is renamed before its children)
        if not isinstance(node.tag, str):  # a comment or processing instruction
            continue
        name = _local(node.tag)
        if name in _DROPPED:
            _drop_keep_tail(node)
            continue
        child_depth = d + 1 if name in _DIVS else d
        level = _level(name, node, child_depth) if name in _DIVS else 0
        keep: dict[str, str] = {}
        if name == "head":
            node.tag = f"h{min(max(d, 1), 6)}" if pname in _DIVS else ("caption" if pname == "table" else "p")
        elif name == "hi":
            node.tag = _rendition(node)
        elif name == "cell":
            node.tag = "th" if pname == "label-row" or (node.get("role") or "") == "label" else "td"
            for attr, html_attr in (("cols", "colspan"), ("rows", "rowspan")):
                n = (node.get(attr) or "")[:4]
                if n.isascii() and n.isdigit() and int(n) > 1:
                    keep[html_attr] = str(min(int(n), _MAX_SPAN))
        elif name == "list":
            kind = (node.get("type") or node.get("rend") or "").lower()
            node.tag = "ol" if kind.startswith(("ordered", "numbered", "decimal")) else "ul"
        else:
            node.tag = _BLOCKS.get(name, "span")
        if name in _DIVS:
            stack.extend((c, level, "div") for c in reversed(list(node)))
        else:
            if name == "row" and (node.get("role") or "") == "label":
                name = "label-row"  # its cells are the header's (the attribute is gone before they are read)
            stack.extend((c, child_depth, name) for c in reversed(list(node)))
        for k in list(node.attrib):
            del node.attrib[k]
        for k, v in keep.items():
            node.set(k, v)
