"""OpenDocument text (the ``content.xml`` of an .odt, a flat .fodt: LibreOffice, Word's "Save as ODT",
``pandoc -t opendocument``) rewritten as the HTML the pipeline's HTML reader reads.

Why: ODF says what HTML says with other names, and says bold and italic only through styles. A heading is
``<text:h text:outline-level="2">``, a paragraph ``<text:p>``, a list ``<text:list><text:list-item>`` (its numbers
are not in the text: the list style computes them), a table ``<table:table><table:table-row><table:table-cell>``
(a merged cell by ``table:number-columns-spanned`` / ``-rows-spanned``, the cells it covers as
``<table:covered-table-cell>``), a bold run ``<text:span text:style-name="T1">`` where ``T1`` is defined in
``<office:automatic-styles>`` with ``fo:font-weight="bold"``. Read as HTML, none of these names a block and the
styles' own text (font names, list labels) is no content: the plan is one run of words, no heading, no bold
section title, no row, no task. Rewritten element by element into their HTML twins (bold and italic resolved
from the styles, an ordered list's numbers written into its items as a reader sees them), the HTML reader reads
it as it reads a converter's page. Styles, settings, metadata, comments, tracked deletions, bookmarks, indexes
(a table of contents repeats the headings) and pictures are dropped; a text box keeps its text; a footnote's
text follows its call in brackets. The parse is lxml's XML parser with entities, network and DTD loading off;
one pass over the styles, one over the body, iterative (a deeply nested file cannot exhaust the stack).
"""

from __future__ import annotations

from lxml import etree

_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_PREFIXES = {
    _OFFICE_NS: "office",
    "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
    "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
    "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0": "draw",
    "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
    "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0": "svg",
    "urn:oasis:names:tc:opendocument:xmlns:chart:1.0": "chart",
    "urn:oasis:names:tc:opendocument:xmlns:form:1.0": "form",
    "urn:oasis:names:tc:opendocument:xmlns:script:1.0": "script",
    "urn:oasis:names:tc:opendocument:xmlns:dr3d:1.0": "dr3d",
    "urn:oasis:names:tc:opendocument:xmlns:meta:1.0": "meta",
    "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0": "fo",
    "http://www.w3.org/1998/Math/MathML": "math",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://www.w3.org/1999/xlink": "xlink",
}
_NS = {v: k for k, v in _PREFIXES.items()}
# Whole namespaces that hold no text of the plan (styles, charts, formulas, form controls, metadata)
_DROPPED_NS = frozenset(("style", "chart", "math", "form", "script", "dr3d", "meta", "dc"))
_DROPPED = frozenset((
    "office:font-face-decls", "office:automatic-styles", "office:styles", "office:master-styles", "office:meta",
    "office:settings", "office:scripts", "office:forms", "office:annotation", "office:annotation-end",
    "office:binary-data", "office:event-listeners", "office:dde-source",
    "text:sequence-decls", "text:variable-decls", "text:user-field-decls", "text:dde-connection-decls",
    "text:tracked-changes", "text:change", "text:change-start", "text:change-end",
    "text:bookmark", "text:bookmark-start", "text:bookmark-end", "text:reference-mark", "text:reference-mark-start",
    "text:reference-mark-end", "text:soft-page-break", "text:note-citation", "text:page-number", "text:page-count",
    "text:toc-mark", "text:toc-mark-start", "text:toc-mark-end", "text:alphabetical-index-mark",
    "text:alphabetical-index-mark-start", "text:alphabetical-index-mark-end", "text:user-index-mark",
    "text:user-index-mark-start", "text:user-index-mark-end", "text:bibliography-mark", "text:ruby-text",
    "text:table-of-content", "text:illustration-index", "text:table-index", "text:object-index", "text:user-index",
    "text:alphabetical-index", "text:bibliography", "text:hidden-text", "text:hidden-paragraph",
    "draw:image", "draw:object", "draw:object-ole", "draw:plugin", "draw:applet", "draw:floating-frame",
    "draw:enhanced-geometry", "draw:glue-point", "draw:contour-polygon", "draw:contour-path", "draw:image-map",
    "svg:title", "svg:desc", "table:table-column", "table:table-columns", "table:table-header-columns",
    "table:covered-table-cell", "table:table-source", "table:named-expressions", "table:database-ranges",
    "table:calculation-settings", "table:content-validations", "table:label-ranges", "table:tracked-changes",
    "table:shapes", "table:scenario", "table:dde-links",
))
# Containers whose children take their place (their own element adds nothing)
_UNWRAPPED = frozenset((
    "office:document", "office:document-content", "office:body", "office:text", "table:table-rows",
    "table:table-row-group", "text:note-body", "text:index-body", "text:ruby", "text:ruby-base", "text:meta",
    "text:meta-field", "text:bookmark-ref", "text:reference-ref", "text:soft-hyphen",
))
_MAX_SPAN = 60  # cells a merged cell may span (a hostile number-columns-spanned="99999" is no 99999 columns)
_MAX_SPACES = 60  # spaces a <text:s text:c="…"> may stand for
_MAX_REPEAT = 60  # copies of a repeated row or cell (a spreadsheet's 1048576 empty rows are not copied)
_REPEAT_BUDGET = 200_000  # elements all the copies together may add (copies of copies cannot multiply)
_MAX_LEVEL = 10  # list and outline levels ODF defines
_MAX_CHAIN = 8  # parent styles followed to resolve bold / italic
_MAX_HREF = 2000
_MAX_NAME = 200  # characters of a style name kept as a key
_BOLD_NAMES = frozenset(("strong emphasis", "strong", "bold"))  # pandoc's and common style names
_ITALIC_NAMES = frozenset(("emphasis", "italic"))
_OUTLINE = "\x00outline"  # the key of the headings' numbering (<text:outline-style>) among list styles
_SPACE_CHARS = " \t\r\n"

# (bold, italic, parent) of a style; None: not said, ask the parent
_Style = tuple[bool | None, bool | None, str | None]
# a list level's numbering: (num-format, prefix, suffix, start value, levels displayed); format "" is a bullet
_Level = tuple[str, str, str, int, int]


def looks_like_odf(text: str) -> bool:
    """Cheap gate: the document's root element (after the XML declaration, comments and a DOCTYPE) is
    ``<office:document-content`` or ``<office:document``, with the ODF office namespace in the head."""
    head = text[:4000]
    if _OFFICE_NS not in head:
        return False
    i = _root_start(head)
    if head.startswith("<office:document-content", i):
        return True
    return head.startswith("<office:document", i) and head[i + 16 : i + 17] in (" ", "\t", "\r", "\n", ">")


def _root_start(head: str) -> int:
    """Offset of the first element's ``<`` in ``head`` (past a BOM, white space, ``<?…?>``, ``<!…>``)."""
    i = 0
    for _ in range(20):
        while i < len(head) and (head[i] in _SPACE_CHARS or head[i] == "\ufeff"):
            i += 1
        if head.startswith("<?", i):
            end = head.find("?>", i)
        elif head.startswith("<!--", i):
            end = head.find("-->", i)
        elif head.startswith("<!", i):
            end = head.find(">", i)
        else:
            return i
        if end < 0:
            return len(head)
        i = head.find(">", end) + 1
    return i


def odf_to_html(text: str) -> str:
    """``text`` as an HTML page (see the module's docstring); the text itself when it does not parse as XML."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True, huge_tree=False,
                             encoding="utf-8")
    try:
        root = etree.fromstring(text.encode("utf-8", "replace"), parser)
    except (etree.XMLSyntaxError, ValueError):
        return text
    if root is None:
        return text
    try:
        html = _Converter(root).html()
    except (ValueError, TypeError, etree.LxmlError):  # an invalid name or character lxml refuses: keep the text
        return text
    return html


def _attr(node: etree._Element, prefix: str, local: str, limit: int = _MAX_NAME) -> str:
    """An ODF attribute's value, cut to ``limit`` characters ("" when missing)."""
    return (node.get(f"{{{_NS[prefix]}}}{local}") or "")[:limit]


def _count(value: str, default: int, bound: int) -> int:
    """A count attribute as a number in 1 … ``bound`` (``default`` when missing or no number)."""
    v = value[:6]
    if not (v.isascii() and v.isdigit()):
        return default
    return max(1, min(int(v), bound))


def _collapse(s: str) -> str:
    """ODF's white space rule: each run of spaces, tabs and line ends is one space (ends kept as one space)."""
    parts = s.replace("\t", " ").replace("\r", " ").replace("\n", " ").split(" ")
    return " ".join(p for p in parts if p) .join(("", "")) if False else _join(parts, s)


def _join(parts: list[str], s: str) -> str:
    words = [p for p in parts if p]
    if not words:
        return " " if s else ""
    lead = " " if s[0] in _SPACE_CHARS else ""
    trail = " " if s[-1] in _SPACE_CHARS else ""
    return lead + " ".join(words) + trail


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


def _format_number(n: int, fmt: str) -> str:
    """``n`` in a list style's ``style:num-format`` ("1", "a", "A", "i", "I"; anything else as digits)."""
    n = max(1, min(n, 3999))
    if fmt in ("a", "A"):
        label = ""
        k = n
        while k > 0:
            k, r = divmod(k - 1, 26)
            label = chr(ord("a") + r) + label
        return label.upper() if fmt == "A" else label
    if fmt in ("i", "I"):
        return _roman(n).lower() if fmt == "i" else _roman(n)
    return str(n)


class _Converter:
    """One ODF tree: its styles, then its body rewritten into a new HTML tree."""

    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.names: dict[object, str] = {}  # lxml tag -> "prefix:local"
        self.styles: dict[tuple[str, str], _Style] = {}
        self.lists: dict[str, dict[int, _Level]] = {}
        self.resolved: dict[tuple[str, str], tuple[bool, bool]] = {}
        self.counters: dict[str, list[int]] = {}  # list style -> the current number at each level
        self.budget = _REPEAT_BUDGET
        self._read_styles()

    def name(self, node: etree._Element) -> str:
        """``prefix:local`` of an element (``?:local`` outside ODF's namespaces); "" for a comment or PI."""
        tag = node.tag
        if not isinstance(tag, str):
            return ""
        got = self.names.get(tag)
        if got is None:
            qn = etree.QName(tag)
            got = f"{_PREFIXES.get(qn.namespace or '', '?')}:{qn.localname}"
            if len(self.names) < 10_000:
                self.names[tag] = got
        return got

    # -- styles ------------------------------------------------------------------------------------------
    def _read_styles(self) -> None:
        """Bold / italic / parent of every ``style:style``, the numbering of every list style and the outline."""
        for holder in self.root:
            if self.name(holder) not in ("office:automatic-styles", "office:styles"):
                continue
            for st in holder:
                kind = self.name(st)
                if kind == "style:style":
                    self._read_style(st)
                elif kind in ("text:list-style", "text:outline-style"):
                    key = _OUTLINE if kind == "text:outline-style" else _attr(st, "style", "name")
                    self.lists[key] = self._read_levels(st)

    def _read_style(self, st: etree._Element) -> None:
        bold: bool | None = None
        italic: bool | None = None
        for props in st:
            if self.name(props) not in ("style:text-properties", "style:paragraph-properties"):
                continue
            weight = _attr(props, "fo", "font-weight", 20).strip().lower()
            if weight == "bold" or (weight.isascii() and weight.isdigit() and int(weight) >= 600):
                bold = True
            elif weight:
                bold = False
            slant = _attr(props, "fo", "font-style", 20).strip().lower()
            if slant:
                italic = slant in ("italic", "oblique")
        parent = _attr(st, "style", "parent-style-name") or None
        self.styles[(_attr(st, "style", "family", 40), _attr(st, "style", "name"))] = (bold, italic, parent)

    def _read_levels(self, st: etree._Element) -> dict[int, _Level]:
        levels: dict[int, _Level] = {}
        for lv in st:
            kind = self.name(lv)
            if kind not in ("text:list-level-style-number", "text:outline-level-style", "text:list-level-style-bullet",
                            "text:list-level-style-image"):
                continue
            level = _count(_attr(lv, "text", "level", 6), 1, _MAX_LEVEL)
            fmt = _attr(lv, "style", "num-format", 10) if kind.endswith(("number", "outline-level-style")) else ""
            levels[level] = (fmt, _attr(lv, "style", "num-prefix", 10), _attr(lv, "style", "num-suffix", 10),
                             _count(_attr(lv, "text", "start-value", 6), 1, 100_000),
                             _count(_attr(lv, "text", "display-levels", 6), 1, _MAX_LEVEL))
        return levels

    def emphasis(self, family: str, name: str) -> tuple[bool, bool]:
        """(bold, italic) of the style ``name`` of ``family``, following its parents a bounded number of steps."""
        key = (family, name)
        got = self.resolved.get(key)
        if got is not None:
            return got
        bold: bool | None = None
        italic: bool | None = None
        cur: str | None = name
        for _ in range(_MAX_CHAIN):
            if not cur:
                break
            b, i, parent = self.styles.get((family, cur)) or (None, None, None)
            plain = cur.replace("_20_", " ").lower()
            if bold is None:
                bold = b if b is not None else (True if plain in _BOLD_NAMES else None)
            if italic is None:
                italic = i if i is not None else (True if plain in _ITALIC_NAMES else None)
            cur = parent
        got = (bool(bold), bool(italic))
        if len(self.resolved) < 100_000:
            self.resolved[key] = got
        return got

    # -- numbering --------------------------------------------------------------------------------------
    def ordered(self, style: str, level: int) -> bool:
        lv = self.lists.get(style, {}).get(level)
        return lv is not None and lv[0] != ""

    def restart(self, style: str, level: int) -> None:
        """A new list (no ``text:continue-numbering``): its level counts again from its start value."""
        counts = self.counters.setdefault(style, [0] * (_MAX_LEVEL + 1))
        lv = self.lists.get(style, {}).get(level)
        counts[level] = (lv[3] if lv else 1) - 1

    def label(self, style: str, level: int, start: int | None) -> str:
        """The next number of ``style`` at ``level`` as the style prints it ("2. ", "b) ", "1.3. "); deeper levels
        start again."""
        levels = self.lists.get(style, {})
        lv = levels.get(level)
        if lv is None or not lv[0]:
            return ""
        counts = self.counters.setdefault(style, [0] * (_MAX_LEVEL + 1))
        counts[level] = start - 1 if start is not None else counts[level]
        counts[level] += 1
        for deeper in range(level + 1, _MAX_LEVEL + 1):
            d = levels.get(deeper)
            counts[deeper] = (d[3] if d else 1) - 1
        fmt, prefix, suffix, _, shown = lv
        parts = []
        for up in range(max(1, level - shown + 1), level + 1):
            up_lv = levels.get(up)
            parts.append(_format_number(max(counts[up], 1), up_lv[0] if up_lv and up_lv[0] else "1"))
        return f"{prefix}{'.'.join(parts)}{suffix} "

    # -- body -------------------------------------------------------------------------------------------
    def html(self) -> str:
        """The body rewritten as an HTML page."""
        page = etree.Element("html")
        head = etree.SubElement(page, "head")
        etree.SubElement(head, "meta", charset="utf-8")
        body = etree.SubElement(page, "body")
        self._rewrite(body)
        return etree.tostring(page, encoding="unicode", method="html")

    def _rewrite(self, body: etree._Element) -> None:
        """Walk the ODF tree in document order with an explicit stack, building the HTML tree under ``body``.

        A stack entry is either an element to convert (``node``, the HTML parent, the mode, the enclosing list's
        style and level, a pending list label, inside header rows) or a text to append at the end of an HTML
        parent once the element before it is done (its tail, a closing bracket). Modes: "block" (paragraphs
        are <p>), "item" (the paragraphs of a list item: inline, one line each), "inline" (inside a paragraph:
        a text box's paragraphs are lines), "note" (a footnote's paragraphs: one run of text)."""
        Entry = tuple[etree._Element | None, etree._Element, str, str, int, str, bool, str]
        stack: list[Entry] = [(self.root, body, "block", "", 0, "", False, "")]
        while stack:
            node, parent, mode, lstyle, llevel, label, header, text = stack.pop()
            if node is None:
                _append(parent, text, mode)
                continue
            name = self.name(node)
            if not name or name in _DROPPED or name.split(":", 1)[0] in _DROPPED_NS:
                if node.tail and node is not self.root:
                    _append(parent, _collapse(node.tail), mode)
                continue
            tail = _collapse(node.tail) if node.tail and node is not self.root else ""
            # what this element becomes: its HTML element (None: unwrapped), where its children go, their mode
            out, inner, child_mode = self._element(node, name, parent, mode, label)
            copies = 1
            if name in ("table:table-row", "table:table-cell"):
                attr = "number-rows-repeated" if name == "table:table-row" else "number-columns-repeated"
                copies = self._copies(node, _count(_attr(node, "table", attr, 6), 1, _MAX_REPEAT))
            children = [c for c in node]
            child_list = (lstyle, llevel)
            child_label = ""
            if name == "text:list":
                child_list = self._open_list(node, out, lstyle, llevel)
            elif name in ("text:list-item", "text:list-header") and lstyle:
                child_label = self._item_label(node, lstyle, llevel, children) if name == "text:list-item" else ""
            elif name == "text:h" and not lstyle and out is not None:
                level = self._heading_level(node)
                if not self._has_number(node):
                    _append(inner, self.label(_OUTLINE, level, None), "inline")
            elif name == "text:note":
                children = [c for c in children if self.name(c) == "text:note-body"]
            if name == "table:table-header-rows":
                header = True
            # the tail, then (LIFO) the copies' children and text, in document order
            if tail:
                stack.append((None, parent, mode, "", 0, "", False, tail))
            if name == "text:note" and out is not None:
                stack.append((None, inner, child_mode, "", 0, "", False, ")"))
            for k in range(copies):
                if k:
                    out, inner, child_mode = self._element(node, name, parent, mode, label)
                    # a copy's element is appended now; its children are appended below, after the first copy's
                first_label = child_label
                pushed: list[Entry] = []
                for c in children:
                    c_label = ""
                    if first_label and self.name(c) in ("text:p", "text:h"):
                        c_label, first_label = first_label, ""
                    pushed.append((c, inner, child_mode, child_list[0], child_list[1], c_label, header, ""))
                if node.text and not name.startswith("table:") and name != "text:list":
                    pushed.insert(0, (None, inner, child_mode, "", 0, "", False, _collapse(node.text)))
                if k == 0:
                    first = list(reversed(pushed))
                else:
                    later = list(reversed(pushed))
                    stack.extend(later)  # (unreachable order fix below)
            stack.extend(first)

    def _copies(self, node: etree._Element, n: int) -> int:
        """How many copies of a repeated row or cell to make: ``n``, as far as the budget of copied elements
        allows (an empty one is copied once: a spreadsheet's padding)."""
        if n <= 1:
            return 1
        size = sum(1 for _ in node.iter())
        if not "".join(node.itertext()).strip():
            return 1
        n = min(n, 1 + self.budget // max(size, 1))
        self.budget -= size * (n - 1)
        return max(n, 1)
