"""OpenDocument text (the ``content.xml`` of an .odt, a flat .fodt: LibreOffice, Word's "Save as ODT",
``pandoc -t opendocument``) rewritten as the HTML the pipeline's HTML reader reads.

Why: ODF says what HTML says with other names, and says bold and italic only through styles. A heading is
``<text:h text:outline-level="2">``, a paragraph ``<text:p>``, a list ``<text:list><text:list-item>`` (its numbers
are not in the text: the list style computes them), a table ``<table:table><table:table-row><table:table-cell>``
(a merged cell by ``table:number-columns-spanned`` / ``-rows-spanned``, the cells it covers as
``<table:covered-table-cell>``), a bold run ``<text:span text:style-name="T1">`` where ``T1`` is defined in
``<office:automatic-styles>`` with ``fo:font-weight="bold"``. Read as HTML, none of these names a block and the
styles' own text (font names, list labels) is no content: the plan is one run of words, no heading, no bold
section title, no row, no task. Rewritten element by element into their HTML twins, the HTML reader reads it as
it reads a converter's page: bold and italic are resolved from the styles (a span's, a paragraph's, through their
parents; pandoc's "Strong_20_Emphasis" / "Emphasis" by name); a numbered list's items become paragraphs that open
with their number as the list style prints it ("II. ", "b) ", "1.2. ", a continued list counting on), which is how
a plan types them and how the pipeline reads section titles and items; a bullet the plan could have typed ("-",
"+") is written before its item; a cell's paragraphs are its lines. Styles, settings, metadata, comments, tracked
deletions, bookmarks, indexes (a table of contents repeats the headings), page numbers and pictures are dropped; a
text box keeps its text; a footnote's text follows its call in brackets, its number dropped. The parse is lxml's
XML parser with entities, network and DTD loading off; one pass over the styles, one over the body, iterative (a
deeply nested file cannot exhaust the stack); every count the file gives (spans, repeats, spaces, levels) bounded.
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
_TYPED_BULLETS = frozenset(("-", "+", "\u2013"))

# (bold, italic, parent) of a style; None: not said, ask the parent
_Style = tuple[bool | None, bool | None, str | None]
# a list level's numbering: (num-format, prefix, suffix, start value, levels displayed, typed bullet); format ""
# is a bullet, its character kept only when it is one a plan types ("- ", "+ "): the pipeline reads those marks
_Level = tuple[str, str, str, int, int, str]


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
    """ODF's white space rule: each run of spaces, tabs and line ends is one space (an end's run kept as one)."""
    if not s:
        return ""
    if "  " not in s and "\n" not in s and "\t" not in s and "\r" not in s:
        return s
    words = [p for p in s.replace("\t", " ").replace("\r", " ").replace("\n", " ").split(" ") if p]
    if not words:
        return " "
    lead = " " if s[0] in _SPACE_CHARS else ""
    trail = " " if s[-1] in _SPACE_CHARS else ""
    return lead + " ".join(words) + trail


def _roman(n: int) -> str:
    """``n`` in upper-case Roman numerals: the HTML reader's own, for "<ol type=i>" (imported late: that module
    is loaded only for HTML input)."""
    from papi_extract.html_text import _roman as lower_roman

    return lower_roman(n).upper()


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
        self.pending: dict[etree._Element, list[str]] = {}  # text waiting to go at the end of an HTML element
        self.filled: set[etree._Element] = set()  # HTML elements that received words
        self.pending_label = ""  # a list item's label, for the item's first words
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
            if self.name(props) != "style:text-properties":
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
            numbered = kind in ("text:list-level-style-number", "text:outline-level-style")
            fmt = _attr(lv, "style", "num-format", 10) if numbered else ""
            bullet = _attr(lv, "text", "bullet-char", 2) if kind == "text:list-level-style-bullet" else ""
            levels[level] = (fmt, _attr(lv, "style", "num-prefix", 10), _attr(lv, "style", "num-suffix", 10),
                             _count(_attr(lv, "text", "start-value", 6), 1, 100_000),
                             _count(_attr(lv, "text", "display-levels", 6), 1, _MAX_LEVEL),
                             bullet if bullet in _TYPED_BULLETS else "")
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
    def numbered(self, style: str, level: int) -> bool:
        """Whether ``style`` numbers its items at ``level`` (a number style with a format, not a bullet)."""
        lv = self.lists.get(style, {}).get(level)
        return lv is not None and lv[0] != ""

    def restart(self, style: str, level: int) -> None:
        """A new list (no ``text:continue-numbering``): its level counts again from its start value."""
        counts = self.counters.setdefault(style, [0] * (_MAX_LEVEL + 1))
        lv = self.lists.get(style, {}).get(level)
        counts[level] = (lv[3] if lv else 1) - 1

    def label(self, style: str, level: int, start: int | None) -> str:
        """The next item's label of ``style`` at ``level`` as the style prints it ("2. ", "b) ", "1.3. ", a typed
        bullet "+ "); a number restarts the deeper levels. "" for a bullet the pipeline does not read."""
        levels = self.lists.get(style, {})
        lv = levels.get(level)
        if lv is None:
            return ""
        fmt, prefix, suffix, _, shown, bullet = lv
        if not fmt:
            return f"{bullet} " if bullet else ""
        counts = self.counters.setdefault(style, [0] * (_MAX_LEVEL + 1))
        if start is not None:
            counts[level] = start - 1
        counts[level] += 1
        for deeper in range(level + 1, _MAX_LEVEL + 1):
            d = levels.get(deeper)
            counts[deeper] = (d[3] if d else 1) - 1
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
        for el in list(self.pending):
            self._flush(el)
        return etree.tostring(page, encoding="unicode", method="html")

    def _rewrite(self, body: etree._Element) -> None:
        """Walk the ODF tree in document order with an explicit stack, building the HTML tree under ``body``.

        An entry is an element to convert (with its HTML parent, mode, enclosing list style and level, whether it
        sits in header rows, and 0 on its first visit / -1 for a copy of a repeated row or cell), or, with no
        element, a text to append at the end of its HTML parent once what comes before it is done (a tail, a
        closing bracket) or, in mode "clear", the end of a list label's paragraph."""
        stack: list[_Entry] = [(self.root, body, "block", "", 0, False, "", 0)]
        while stack:
            node, parent, mode, lstyle, llevel, header, text, visit = stack.pop()
            if node is None:
                if mode == "clear":
                    self.pending_label = ""
                else:
                    self._append(parent, text, mode)
                continue
            name = self.name(node)
            tail = ""
            if visit == 0:
                tail = _collapse(node.tail) if node.tail and node is not self.root else ""
                if not name or name in _DROPPED or name.split(":", 1)[0] in _DROPPED_NS:
                    self._append(parent, tail, mode)
                    continue
                copies = 1
                if name == "table:table-row":
                    copies = self._copies(node, _attr(node, "table", "number-rows-repeated", 6))
                elif name == "table:table-cell":
                    copies = self._copies(node, _attr(node, "table", "number-columns-repeated", 6))
                if copies > 1:
                    if tail:  # after all the copies
                        stack.append((None, parent, mode, "", 0, False, tail, 0))
                    stack.extend([(node, parent, mode, lstyle, llevel, header, "", -1)] * copies)
                    continue
            mark = len(stack)
            self._convert(node, name, parent, mode, lstyle, llevel, header, stack)
            if tail:
                if len(stack) == mark:  # nothing of it waits on the stack: its tail follows now
                    self._append(parent, tail, mode)
                else:  # after its children and closing marks
                    stack.insert(mark, (None, parent, mode, "", 0, False, tail, 0))

    def _convert(self, node: etree._Element, name: str, parent: etree._Element, mode: str, lstyle: str,
                 llevel: int, header: bool, stack: list[_Entry]) -> None:
        """Make ``node``'s HTML element(s) under ``parent`` and push its children (see ``_rewrite``)."""
        inner, child_mode, closers = parent, mode, []
        if name in ("text:p", "text:h"):
            inner = self._paragraph(node, name, parent, mode, lstyle)
            child_mode = "inline"
            closers.append((None, parent, "clear", "", 0, False, "", 0))
        elif name == "text:list":
            style = _attr(node, "text", "style-name") or lstyle
            lstyle, llevel = style, min(llevel + 1, _MAX_LEVEL)
            if _attr(node, "text", "continue-numbering", 8) != "true" and not _attr(node, "text", "continue-list"):
                self.restart(style, llevel)
            if mode in ("block", "item") and not self.numbered(style, llevel):
                inner, child_mode = self._sub(parent, "ul"), "list"
            elif mode == "list":  # (a list directly in a list: invalid, read as a nested list)
                inner, child_mode = self._sub(self._sub(parent, "li"), "ul"), "list"
            # a numbered list's items are paragraphs with their number, as a plan types them ("1. …", "a) …")
        elif name in ("text:list-item", "text:list-header"):
            if mode == "list":
                inner, child_mode = self._sub(parent, "li"), "item"
            if name == "text:list-item" and lstyle and not self._has_number(node):
                start = _attr(node, "text", "start-value", 6)
                self.pending_label = self.label(lstyle, llevel, _count(start, 1, 100_000) if start else None)
                closers.append((None, parent, "clear", "", 0, False, "", 0))
        elif name == "table:table":
            inner, child_mode, header = self._sub(parent, "table"), "table", False
        elif name == "table:table-header-rows":
            header = True
        elif name == "table:table-row":
            inner, child_mode = self._sub(parent, "tr"), "table"
        elif name == "table:table-cell":
            # its paragraphs are its lines (<br>), as a converter writes a cell: one paragraph is the cell's text
            inner, child_mode = self._sub(parent, "th" if header else "td"), "item"
            for attr, html_attr in (("number-columns-spanned", "colspan"), ("number-rows-spanned", "rowspan")):
                n = _count(_attr(node, "table", attr, 6), 1, _MAX_SPAN)
                if n > 1:
                    inner.set(html_attr, str(n))
        elif name == "text:span":
            bold, italic = self.emphasis("text", _attr(node, "text", "style-name"))
            inner = self._wrap(parent, bold, italic)
        elif name == "text:a":
            inner = self._sub(parent, "a")
            href = node.get(f"{{{_NS['xlink']}}}href") or ""
            if 0 < len(href) <= _MAX_HREF and not href.lower().lstrip().startswith(("javascript:", "data:")):
                inner.set("href", href)
        elif name == "text:line-break":
            self._sub(parent, "br")
            return
        elif name == "text:tab":
            self._append(parent, "\t", "inline")
            return
        elif name == "text:s":
            self._append(parent, " " * _count(_attr(node, "text", "c", 6), 1, _MAX_SPACES), "inline")
            return
        elif name == "text:note":
            inner, child_mode = self._sub(parent, "span"), "note"
            inner.text = " ("
            closers.append((None, inner, "inline", "", 0, False, ")", 0))
        elif name == "text:number":  # a writer's cached number of a heading or item ("1.2."), then a space
            closers.append((None, parent, "inline", "", 0, False, " ", 0))
        # any other element is unwrapped, its text kept: office:text, text:section, draw:frame / draw:text-box, fields
        # (a date, a sequence number, a cross-reference), an extension's element (loext:…)
        if node.text:
            self._append(inner, _collapse(node.text), child_mode)
        stack.extend(closers)
        stack.extend((c, inner, child_mode, lstyle, llevel, header, "", 0) for c in reversed(node))

    def _paragraph(self, node: etree._Element, name: str, parent: etree._Element, mode: str, lstyle: str
                   ) -> etree._Element:
        """A ``text:p`` / ``text:h``: <p> or <hN> among blocks, a line of its list item or text box, a run of its
        footnote; bold / italic from its paragraph style. Returns the element its content goes into."""
        level = _count(_attr(node, "text", "outline-level", 6), 1, _MAX_LEVEL)
        if name == "text:h" and not lstyle and _attr(node, "text", "is-list-header", 8) != "true" \
                and not self._has_number(node):
            start = _attr(node, "text", "start-value", 6)
            restart = _attr(node, "text", "restart-numbering", 8) == "true"
            self.pending_label = self.label(_OUTLINE, level, _count(start, 1, 100_000) if restart and start else None)
        if name == "text:h" and mode in ("block", "item", "list"):
            return self._sub(parent, f"h{min(level, 6)}")
        bold, italic = self.emphasis("paragraph", _attr(node, "text", "style-name"))
        if mode in ("block", "list", "table"):
            return self._wrap(self._sub(parent, "p"), bold, italic)
        if len(parent) or parent in self.filled:  # a second paragraph of an item, a text box or a note
            if mode == "note":
                self._append(parent, " ", "inline")
            else:
                self._sub(parent, "br")
        return self._wrap(parent, bold, italic)

    def _has_number(self, node: etree._Element) -> bool:
        """Whether the writer put the formatted number in the text (``text:number``, in the element or in its
        first paragraph): then it is not computed again."""
        for c in node:
            cname = self.name(c)
            if cname == "text:number":
                return True
            if cname in ("text:p", "text:h"):
                return any(self.name(g) == "text:number" for g in c)
        return False

    def _copies(self, node: etree._Element, value: str) -> int:
        """How many copies of a repeated row or cell to make: its count (bounded), as far as the budget of copied
        elements allows; an empty one once (a spreadsheet's padding of empty rows and columns)."""
        n = _count(value, 1, _MAX_REPEAT)
        if n <= 1 or self.budget <= 0 or not "".join(node.itertext()).strip():
            return 1
        size = sum(1 for _ in node.iter())
        n = min(n, 1 + self.budget // size)
        self.budget -= size * (n - 1)
        return n

    # -- output -----------------------------------------------------------------------------------------
    def _sub(self, parent: etree._Element, tag: str) -> etree._Element:
        """A new last child ``tag`` of ``parent``, after the text waiting to be appended to ``parent``."""
        if parent in self.pending:
            self._flush(parent)
        return etree.SubElement(parent, tag)

    def _wrap(self, parent: etree._Element, bold: bool, italic: bool) -> etree._Element:
        """<b> and/or <i> under ``parent`` for an emphasised run; ``parent`` itself for a plain one (or for a run as
        emphasised as the element it is in: a bold span in a bold paragraph is no second <b>)."""
        if bold and parent.tag != "b" and (parent.tag != "i" or parent.getparent() is None
                                            or parent.getparent().tag != "b"):
            parent = self._sub(parent, "b")
        if italic and parent.tag != "i":
            parent = self._sub(parent, "i")
        return parent

    def _append(self, parent: etree._Element, text: str, mode: str) -> None:
        """Queue ``text`` at the end of ``parent`` (white space between blocks is dropped); the first words after
        a list label get the label."""
        if not text:
            return
        if not text.strip():
            if mode not in ("inline", "note"):
                return
        else:
            if self.pending_label:
                text, self.pending_label = self.pending_label + text.lstrip(), ""
            self.filled.add(parent)
        self.pending.setdefault(parent, []).append(text)

    def _flush(self, parent: etree._Element) -> None:
        """Write the text queued for ``parent`` (one join: no quadratic growth of a tail)."""
        texts = self.pending.pop(parent, None)
        if not texts:
            return
        s = "".join(texts)
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + s
        else:
            parent.text = (parent.text or "") + s


# an entry of the rewrite's stack: (element or None, HTML parent, mode, list style, list level, in header rows,
# text of a marker, 0 first visit / -1 a copy)
_Entry = tuple[etree._Element | None, etree._Element, str, str, int, bool, str, int]
