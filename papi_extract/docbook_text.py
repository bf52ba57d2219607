"""DocBook XML (``pandoc -t docbook`` / ``-t docbook5`` of a Word plan, a plan kept in a documentation system)
rewritten as the HTML the pipeline's HTML reader reads.

Why: DocBook says what HTML says with other names: ``<section><title>`` for a heading (its level by nesting),
``<para>`` for a paragraph, ``<emphasis role="strong">`` for bold, ``<itemizedlist><listitem>`` for a list, and a
table as ``<informaltable><tgroup><thead|tbody><row><entry>`` (a merged cell by ``namest``/``nameend`` or
``morerows``). Read as HTML, none of these names a block: the whole plan is one run of text, no heading, no row, no
task. Rewritten element by element into their HTML twins, the HTML reader reads it as it reads a converter's page.
The parse is lxml's XML parser with entities, network and DTD loading off; one pass over the tree.
"""

from __future__ import annotations

from lxml import etree

_DOCBOOK_NS = "http://docbook.org/ns/docbook"
_ROOTS = ("<article", "<book", "<chapter", "<part")
# DocBook element -> HTML element (the rest become <span>, their text kept)
_BLOCKS = {
    "para": "p", "simpara": "p", "formalpara": "div", "itemizedlist": "ul", "orderedlist": "ol", "listitem": "li",
    "variablelist": "dl", "varlistentry": "div", "term": "dt", "blockquote": "blockquote", "literallayout": "pre",
    "programlisting": "pre", "screen": "pre", "informaltable": "table", "table": "table", "thead": "thead",
    "tbody": "tbody", "tfoot": "tfoot", "row": "tr", "note": "div", "sidebar": "div", "article": "body", "book": "body",
    "chapter": "div", "part": "div", "appendix": "div", "section": "div", "simplesect": "div", "footnote": "span",
    "link": "a", "ulink": "a", "superscript": "sup", "subscript": "sub", "caption": "p",
}
_DROPPED = frozenset(("info", "articleinfo", "bookinfo", "colspec", "spanspec", "indexterm", "anchor", "remark"))
_DIGITS = "0123456789"
_MAX_SPAN = 60  # cells a merged cell may span (a hostile "c1" to "c99999" is not a million columns)
_SECTIONS = frozenset(("section", "simplesect", "chapter", "appendix", "part", "sect1", "sect2", "sect3", "sect4"))


def looks_like_docbook(text: str) -> bool:
    """Cheap gate: a DocBook root element (``<article``, ``<book`` …) in the first lines, with DocBook's namespace
    or DOCTYPE."""
    head = text[:3000]
    return any(r in head for r in _ROOTS) and ("docbook" in head.lower() or "<!DOCTYPE article" in head)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def parse_xml(text: str) -> etree._Element | None:
    """The root of ``text`` parsed as XML, or None: entities, network and DTD loading off, no huge trees, a
    broken file read as far as it goes (the recovering parser). Shared by the XML readers."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True, huge_tree=False)
    try:
        return etree.fromstring(text.encode("utf-8"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return None


def docbook_to_html(text: str) -> str:
    """``text`` as an HTML page (see the module's docstring); the text itself when it does not parse as XML."""
    root = parse_xml(text)
    if root is None:
        return text
    _rewrite(root, 0)
    body = etree.tostring(root, encoding="unicode", method="html")
    return f"<html><head><meta charset=\"utf-8\"></head>{body}</html>"


def _rewrite(el: etree._Element, depth: int) -> None:
    """Rename ``el`` and its descendants in place, iteratively (a deeply nested file cannot exhaust the stack)."""
    stack: list[tuple[etree._Element, int, str]] = [(el, depth, "")]
    while stack:
        node, d, pname = stack.pop()  # (the parent's DocBook name: the parent is renamed before its children)
        if not isinstance(node.tag, str):  # a comment or processing instruction
            continue
        name = _local(node.tag)
        node.attrib.pop("{http://www.w3.org/XML/1998/namespace}id", None)
        if name in _DROPPED:
            _drop_keep_tail(node)
            continue
        child_depth = d + 1 if name in _SECTIONS else d
        if name == "title":
            node.tag = f"h{min(max(d, 1), 6)}" if pname in _SECTIONS else "p"
        elif name == "emphasis":
            node.tag = "b" if (node.get("role") or "").lower() in ("strong", "bold") else "i"
        elif name == "entry":
            parent = node.getparent()
            grand = parent.getparent() if parent is not None else None
            node.tag = "th" if grand is not None and _local(grand.tag) == "thead" else "td"
            rows = node.get("morerows") or ""
            if rows.isascii() and rows.isdigit():
                node.set("rowspan", str(min(int(rows), _MAX_SPAN) + 1))
            _colspan(node)
        elif name == "tgroup":
            children = list(node)
            _unwrap(node)  # its rows belong to the table
            stack.extend((c, child_depth, name) for c in reversed(children))
            continue
        else:
            node.tag = _BLOCKS.get(name, "span")
        for k in [k for k in node.attrib if k not in ("rowspan", "colspan")]:
            del node.attrib[k]
        stack.extend((c, child_depth, name) for c in reversed(list(node)))


def _colspan(entry: etree._Element) -> None:
    """``namest``/``nameend`` naming columns "c1" … "cN" (pandoc's and most writers' names) span that many."""
    a, b = entry.get("namest"), entry.get("nameend")
    if a and b:
        da, db = "".join(ch for ch in a if ch in _DIGITS)[:4], "".join(ch for ch in b if ch in _DIGITS)[:4]
        if da and db and int(db) > int(da):
            entry.set("colspan", str(min(int(db) - int(da), _MAX_SPAN) + 1))


def _unwrap(node: etree._Element) -> None:
    """Replace ``node`` by its children (a ``<tgroup>`` between a table and its rows)."""
    parent = node.getparent()
    if parent is None:
        return
    idx = parent.index(node)
    for k, child in enumerate(list(node)):
        parent.insert(idx + k, child)
    parent.remove(node)


def _drop_keep_tail(node: etree._Element) -> None:
    """Remove ``node`` and what it holds, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    prev = node.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)
