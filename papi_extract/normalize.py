"""Stage 2: normalize decoded text into the canonical text every span points into.

reads: decoded ``str`` and its format; writes: ``NormalizedText`` (text, per-line layout
flags, the folded matching form).

The canonical text is NFC, ``\\n`` line endings, no markdown emphasis/heading markers, no
inline HTML tags, entities decoded. Markup is removed *here*, once, so no later stage can
leak it into a title or a task, and spans stay trivially valid (``text[a:b] == raw``).
What the markup said about layout (a ``###`` level, a bold line) is kept on the side in
``LineInfo`` because it is evidence for the outline stage.
"""

from __future__ import annotations

import codecs
import html
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from papi_extract.email_text import indent_block_quotes, is_forwarded_mail, quoted_plan
from papi_extract.grid_tables import (
    has_bare_pipe_tables,
    has_box_tables,
    has_dash_tables,
    has_flat_signature_rows,
    has_grid_tables,
    has_open_pipe_tables,
    has_trailing_wall_rows,
    has_pipe_layouts,
    has_ragged_pipe_rows,
    has_ruled_layouts,
    has_simple_tables,
    rewrite_bare_pipe_tables,
    rewrite_box_tables,
    rewrite_dash_tables,
    rewrite_open_pipe_tables,
    rewrite_trailing_wall_rows,
    rewrite_flat_signature_rows,
    rewrite_grid_tables,
    rewrite_pipe_layouts,
    rewrite_ragged_pipe_rows,
    rewrite_ruled_layouts,
    rewrite_simple_tables,
)
from papi_extract.run_tables import has_run_tables
from papi_extract.word_tables import join_spilled_cells
from papi_extract.adoc_text import asciidoc_to_markdown, looks_like_asciidoc
from papi_extract.dokuwiki_text import dokuwiki_to_markdown, looks_like_dokuwiki
from papi_extract.jira_text import jira_to_markdown, looks_like_jira
from papi_extract.bbox_text import bbox_to_text, looks_like_bbox
from papi_extract.docbook_text import docbook_to_html, looks_like_docbook
from papi_extract.haddock_text import haddock_to_markdown, looks_like_haddock
from papi_extract.ms_text import looks_like_ms, ms_to_markdown
from papi_extract.odf_text import looks_like_odf, odf_to_html
from papi_extract.pdfminer_xml import looks_like_pdfminer_xml, pdfminer_xml_to_html
from papi_extract.edits import drop_edit_marks, drop_review_comments, drop_struck
from papi_extract.tei_text import looks_like_tei, tei_to_html
from papi_extract.texinfo_text import looks_like_texinfo, texinfo_to_markdown
from papi_extract.org_text import looks_like_org, org_to_markdown
from papi_extract.wiki_text import looks_like_wiki, wiki_to_markdown
from papi_extract.wrapped_rows import has_wrapped_tab_rows, rewrite_wrapped_tab_rows

if TYPE_CHECKING:
    from _codecs import _EncodingMap  # the fast lookup table charmap_build returns (typeshed only)

# Every pattern in this module is linear: character classes and bounded repeats only.
_MD_HEADING = regex.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
# a fenced block's opening or closing line ("```csv", "~~~", "```text"): blank, so a table pasted in a fence is
# read as the lines it holds
_CODE_FENCE = regex.compile(r"(?m)^[ \t]{0,3}(?:`{3,}|~{3,})[ \t]{0,3}[\w+.\-]{0,20}[ \t]{0,3}$")
_MD_TRAILING_HASHES = regex.compile(r"[ \t]+#+[ \t]*$")
_STAR_RUN = regex.compile(r"\*+")
_STAR_BULLET = regex.compile(r"^(\s{0,12}(?:[-–+•]\s{1,4})?)\*\s{1,4}(?=\S)")
# a list item whose text opens with a bold run ("- **Tham gia của người dân:** Phòng Nội vụ …")
_BULLET_BOLD = regex.compile(r"^\s{0,12}[-–—+•]\s{1,4}(?=\*\*\S|__\S)")
_UNDERSCORE_EMPH = regex.compile(r"(?<![\w])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w])")
_ESCAPED_STAR = "\ue000"  # a private-use character standing for an escaped "*" while emphasis marks are stripped
_MD_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_INLINE_TAG = regex.compile(r"</?(?:i|b|u|em|strong|span|font|sup|sub|p|div|br|small|big|a)\b[^<>\n]{0,200}>", regex.I)
# Deleted (zero-width) and replaced by a plain space: plain str.replace per character that is
# present (an ``in`` test is a C scan), not a regex over the whole text.
_ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_SPACE_CHARS = "\u00a0" + "".join(chr(cp) for cp in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
_HTML_ENTITY = regex.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});")


@dataclass(slots=True)
class LineInfo:
    """Layout evidence for one line of the canonical text."""

    start: int
    end: int
    md_level: int = 0  # markdown heading level (number of '#'), 0 if none
    bold: bool = False  # the line's content was wrapped in **...** (wholly or as a run-in head)
    italic: bool = False
    bold_end: int = -1  # offset (in the line) where a leading bold run closed, -1 if none


@dataclass(slots=True)
class NormalizedText:
    text: str
    lines: list[LineInfo]
    format: str
    folded: str = field(default="")
    # ``text.split("\n")``, kept from normalize(): stages read lines by index many times.
    line_texts: list[str] = field(default_factory=list)

    def line_text(self, i: int) -> str:
        if self.line_texts:
            return self.line_texts[i]
        li = self.lines[i]
        return self.text[li.start : li.end]


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0x00C0, 0x2000):
        ch = chr(cp)
        low = ch.lower()
        if len(low) != 1:
            low = ch
        base = unicodedata.normalize("NFD", low)
        if base and all(unicodedata.combining(c) for c in base[1:]) and len(base[0]) == 1:
            b = base[0]
        else:
            b = low
        if b in ("đ", "Đ"):
            b = "d"
        if b != ch:
            table[cp] = b
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    table[ord("Đ")] = "d"
    table[ord("đ")] = "d"
    table[0x2212] = "-"  # the minus sign of a typeset change ("(−0,21 điểm)") matches as the hyphen-minus
    return table


@lru_cache(maxsize=1)
def _fold_charmap() -> tuple[dict[int, int], frozenset[str]]:
    """ASCII and the Latin letters that fold to ASCII, as a char->byte map for charmap_encode."""
    emap = {cp: ord(chr(cp).lower()) for cp in range(128)}
    for cp, folded in _fold_table().items():
        if len(folded) == 1 and ord(folded) < 128:
            emap[cp] = ord(folded)
    return emap, frozenset(chr(cp) for cp in emap)


_VI_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
)
_COMMON_MARKS = "“”‘’–—…•\u00a0°«»·§"


def _fold_char(c: str) -> str:
    """The folded form of one character (the reference definition ``fold`` implements fast)."""
    emap, known = _fold_charmap()
    if c in known:
        return chr(emap[ord(c)])
    low = c.lower()
    return _fold_table().get(ord(c), low if len(low) == 1 else c)


@lru_cache(maxsize=1)
def _fold_codec() -> tuple[dict[int, int] | _EncodingMap, str]:
    """A 256-entry charmap codec pair: the most frequent characters (printable ASCII, tab/newline,
    every Vietnamese letter in both cases, common typographic marks) each get one byte, and the
    decoding table maps that byte back to the character's folded form. ``?`` is itself a member, so
    any other character (encoded as ``?`` by the "replace" handler) is patched per position."""
    chars: list[str] = ["\x00", "\t", "\n", "\r"] + [chr(cp) for cp in range(32, 127)]
    chars += list(_VI_LETTERS) + list(_VI_LETTERS.upper()) + list(_COMMON_MARKS)
    seen: list[str] = []
    for c in chars:
        if c not in seen:
            seen.append(c)
    assert len(seen) <= 256
    # charmap_build returns its fast C lookup table (an ``EncodingMap``) only for a full
    # 256-character table of distinct BMP characters starting with NUL; anything else silently
    # becomes a dict, looked up per character through Python objects (about ten times slower).
    # Pad with private-use characters: they are encoded only if present, and then decode to
    # their own folded form (themselves).
    pad = 0xE000
    while len(seen) < 256:
        seen.append(chr(pad))
        pad += 1
    enc = codecs.charmap_build("".join(seen))
    dec = "".join(_fold_char(c) for c in seen)
    return enc, dec


# OCR reads "1" as "l" or "I" and "0" as "O" in printed dates ("ngày l5/7/2021", "trước ngày 30/l1/2023"). A
# date-shaped token (day/month/year, each part holding a digit) with such a slip is read with the digits a human
# reads. Linear: the lookahead is bounded, the gate below a character class.
_OCR_DATE_GATE = regex.compile(r"\d[lIOo]|[lIOo]\d")
_OCR_DATE = regex.compile(r"(?<![\p{L}\d])[\dlIOo]{1,2}[/.\-][\dlIOo]{1,2}[/.\-][\dlIOo]{4}(?![\p{L}\d])")
_OCR_DIGITS = str.maketrans("lIOo", "1100")


def _ocr_date(m: regex.Match[str]) -> str:
    tok = m.group()
    parts = regex.split(r"[/.\-]", tok)
    if len(parts) != 3 or not all(any(c.isdigit() for c in p) for p in parts):
        return tok
    return tok.translate(_OCR_DIGITS)


# the same in a date written in words ("ngày O9 tháng 5 năm 2024", folded "ngay o9 thang 5 nam 2024"): each number
# that holds a digit is read with digits
_OCR_WORD_DATE = regex.compile(
    r"(?<![\p{L}\d])(?i:ngày|ngay)[ \t]{1,3}[\dlIOo]{1,2}[ \t]{1,3}(?i:tháng|thang)[ \t]{1,3}[\dlIOo]{1,2}[ \t]{1,3}"
    r"(?i:năm|nam)[ \t]{1,3}[\dlIOo]{4}(?![\p{L}\d])")
_OCR_WORD_NUM = regex.compile(r"(?<=[ \t])[\dlIOo]{1,4}(?=[ \t]|$)")
# and a Roman quarter read with "l" for "I" before its year ("Quý ll/2024", "quý lIl năm 2023"): "l" is "I"
_OCR_QUARTER = regex.compile(r"(?<=(?i:quý|quy)[ \t]{1,3})(?=[IiVvl]{0,3}l)[IiVvl]{1,3}(?=[ \t]{0,3}(?:/|(?i:năm|nam))[ \t]{0,3}\d{4})")


def _ocr_word_date(m: regex.Match[str]) -> str:
    return _OCR_WORD_NUM.sub(lambda n: n.group().translate(_OCR_DIGITS) if any(c.isdigit() for c in n.group())
                             else n.group(), m.group())


def ocr_date_digits(s: str) -> str:
    """``s`` with OCR's letter-for-digit slips in dates read as digits; the same length, so spans hold."""
    if _OCR_DATE_GATE.search(s) is not None:
        s = _OCR_DATE.sub(_ocr_date, s)
        if "th" in s or "TH" in s:
            s = _OCR_WORD_DATE.sub(_ocr_word_date, s)
    if "l" in s and ("uý" in s or "uy" in s or "UÝ" in s):
        s = _OCR_QUARTER.sub(lambda m: m.group().replace("l", "I"), s)
    return s


def fold(s: str) -> str:
    """Matching form: lowercase, tone marks and diacritics removed, đ→d; same length as ``s``.

    Folding every diacritic makes OCR slips ("KÉ HOẠCH", "MŲC ĐÍCH", "Viêt Nam") and
    tone placement ("hoá"/"hóa", "uỷ"/"ủy") match their canonical spelling, and because it
    maps each character to exactly one character, offsets in the folded text are offsets
    in the canonical text.

    Speed matters (every document is folded once, whole): ``codecs.charmap_encode`` gives each
    frequent character (ASCII, Vietnamese letters, typographic quotes and dashes) one byte in C,
    and ``codecs.charmap_decode`` turns the byte into the folded character; the rare other
    characters come out as "?" and are patched back one by one with ``_fold_char``.

    Stages also fold many short strings (labels, names, keys) over and over; those are memoized
    (a pure function of the string, so the memo can never go stale; it is emptied when full).
    """
    if len(s) <= _FOLD_MEMO_LEN:
        out = _FOLD_MEMO.get(s)
        if out is None:
            if len(_FOLD_MEMO) >= _FOLD_MEMO_SIZE:
                _FOLD_MEMO.clear()
            out = _FOLD_MEMO[s] = _fold(s)
        return out
    return _fold(s)


_FOLD_MEMO: dict[str, str] = {}
_FOLD_MEMO_LEN = 80  # strings up to this length are memoized
_FOLD_MEMO_SIZE = 1 << 14  # a few MB at most


def _fold(s: str) -> str:
    enc, dec = _fold_codec()
    out = codecs.charmap_decode(codecs.charmap_encode(s, "replace", enc)[0], "strict", dec)[0]
    if out.count("?") == s.count("?"):
        return out
    pieces: list[str] = []
    last = 0
    i = out.find("?")
    while i >= 0:
        c = s[i]
        if c != "?":
            pieces.append(out[last:i])
            pieces.append(_fold_char(c))
            last = i + 1
        i = out.find("?", i + 1)
    pieces.append(out[last:])
    return "".join(pieces)


def collapse_ws(s: str) -> str:
    """One space between words; used for titles and labels, never for spans."""
    return " ".join(s.split())


_MD_MARK_STARTS = ("#", "**", "|")
_HINTS = frozenset(("text", "markdown", "html", "org", "wiki", "asciidoc", "jira", "dokuwiki", "texinfo", "haddock",
                    "docbook", "tei", "odf", "pdfminer", "ms"))


def detect_format(text: str, hint: str | None = None) -> str:
    """"text", "markdown", "html", "org", "wiki", "asciidoc", "jira", "dokuwiki", "texinfo", "haddock", "ms" or
    "docbook", "tei", "odf", "pdfminer" (Org, MediaWiki, AsciiDoc, Jira, DokuWiki, Texinfo, Haddock and groff ms
    text, read as markdown once their marks are rewritten; DocBook, TEI and OpenDocument XML and pdfminer's
    character XML, read as the HTML they are rewritten to)."""
    if hint in _HINTS:
        return hint
    if "<" in text[:3000]:
        if looks_like_docbook(text):
            return "docbook"
        if looks_like_tei(text):
            return "tei"
        if looks_like_odf(text):
            return "odf"
        if looks_like_pdfminer_xml(text):
            return "pdfminer"
    head = text[:4000].lower()
    if "<html" in head or "<!doctype html" in head or head.count("<p") + head.count("<div") >= 3:
        return "html"
    if ("* " in text or "#+" in text) and looks_like_org(text):
        return "org"
    if ("{|" in text or "'''" in text) and looks_like_wiki(text):
        return "wiki"
    if "|===" in text and looks_like_asciidoc(text):
        return "asciidoc"
    if "||" in text and looks_like_jira(text):
        return "jira"
    if ("^" in text or "\\\\ " in text) and looks_like_dokuwiki(text):
        return "dokuwiki"
    if "@" in text and looks_like_texinfo(text):
        return "texinfo"
    if "=" in text and looks_like_haddock(text):
        return "haddock"
    if "\n." in text and looks_like_ms(text):
        return "ms"
    if "#" not in text and "**" not in text and "|" not in text:  # no line can start with a mark
        return "text"
    md_marks = 0
    for line in text.splitlines()[:400]:
        s = line.lstrip()
        if not s.startswith(_MD_MARK_STARTS):  # every mark below starts with one of these
            continue
        if _MD_HEADING.match(s) or s.startswith("**") or s.startswith("|---") or s.startswith("| ---"):
            md_marks += 1
            if md_marks >= 2:
                return "markdown"
    return "text"


def _strip_stars(line: str) -> tuple[str, bool, bool, int]:
    """Remove emphasis stars; keep a lone '*' used as a bullet.

    Returns (line, bold, italic, bold_end) where bold_end is the offset in the returned line
    at which a leading bold run closed ("**5. Quản trị môi trường:** Chất lượng ..."), else -1.
    """
    if "*" not in line:
        return line, False, False, -1
    m = _STAR_BULLET.match(line)
    if m:
        lead, bullet, stripped = m.group(1), "* ", line[m.end() :]
    elif (m := _BULLET_BOLD.match(line)) is not None:
        lead, bullet, stripped = m.group(), "", line[m.end() :]  # the bold run-in head of a list item
    else:
        stripped = line.lstrip()
        lead, bullet = line[: len(line) - len(stripped)], ""
    bold = stripped.startswith("**") or stripped.startswith("__")
    italic = stripped.startswith("*") and not stripped.startswith("**")
    bold_end = -1
    if bold:
        inner = stripped.lstrip("*")
        close = inner.find("**")
        if close > 0 and inner[close:].strip("* ").strip():
            bold_end = len(lead) + len(bullet) + len(_STAR_RUN.sub("", inner[:close]))
    stripped = _STAR_RUN.sub(_emphasis_star, stripped)
    return lead + bullet + stripped, bold, italic, bold_end


def _emphasis_star(m: regex.Match[str]) -> str:
    """A run of stars is emphasis and goes, unless it is a footnote mark in parentheses ("(*)", "(**)"): that
    is text ("(*) Chỉ số nội dung: 1 - …" under a table is the note the mark points to)."""
    s = m.string
    return m.group() if s[m.start() - 1 : m.start()] == "(" and s[m.end() : m.end() + 1] == ")" else ""


# a line indented by tabs whose text opens on an arrow or a symbol bullet and holds no tab: a field line or a sub-item
# of the item above it
_TAB_ARROW = regex.compile(r"(?m)^\t{1,4}(?=(?:[⇒→➔➜➝⟹•▪◦■❑❖➢✓]|=>)[^\t\n]{0,400}$)")


def _indent_arrow_lines(text: str) -> str:
    """Tab-indented arrow and bullet lines ("\t→ Chủ trì: Sở Nội vụ.", Word's text export of an indented paragraph) get spaces
    for their tabs, unless the line above is a table's row (tabs inside it): there the tab may be an empty cell."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not line.startswith("\t") or not _TAB_ARROW.match(line):
            continue
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k >= 0 and "\t" in lines[k].lstrip("\t") and not _TAB_ARROW.match(lines[k]):
            continue
        stripped = line.lstrip("\t")
        lines[i] = "  " * (len(line) - len(stripped)) + stripped
    return "\n".join(lines)


_SYMBOL_FONT = regex.compile(r"[\uf020-\uf0ff]")  # the private-use page Word keeps Symbol/Wingdings characters in
_LOST_MARK = regex.compile(r"(?m)(?<=^[ \t]{0,8})\ufffd(?=[ \t])")


@lru_cache(maxsize=1)
def _symbol_font_marks() -> dict[int, str]:
    """outline.yaml's symbol_font_marks as a translation table."""
    from papi_extract.data_files import data_file

    return {ord(k): str(v) for k, v in (data_file("outline.yaml").get("symbol_font_marks") or {}).items()}


def _drop_stray_tabs(text: str) -> str:
    """``text`` without the white space closing a prose line that holds no other tab, when neither line beside it
    holds a tab: a typist's stray tab ("… cụ thể:<TAB>"), which would make the line a table row. Beside a tab line
    it may be a row's empty last cell or a two-column tail ("Nơi nhận:<TAB>"): left."""
    lines = text.split("\n")
    has_tab = [("\t" in ln) for ln in lines]
    for k, ln in enumerate(lines):
        if not has_tab[k]:
            continue
        core = ln.rstrip(" \t")
        if not core or "\t" in core:
            continue  # (a tab inside the line: a row; none at its end: nothing to drop)
        if (k > 0 and has_tab[k - 1]) or (k + 1 < len(lines) and has_tab[k + 1]):
            continue
        lines[k] = core
    return "\n".join(lines)


# Numbering glyphs ("Ⅳ.", "ⅲ)", "１．", "𝟏.", "❶", "①", "1️⃣"): Roman numeral characters, full-width digits and marks
# and mathematical digits are the plain characters in another face (their compatibility form: "Ⅳ" is "IV"); a
# circled number or a keycap opening a line is that line's label ("① Phòng Nội vụ …" numbers its item 1).
# (The gate finds the few characters past the common punctuation, "[^\x00-\u2027]", and looks each up: a class of
# many ranges is searched several times slower by the regex engine than one negated range.)
_PAST_PUNCTUATION = regex.compile(r"[^\x00-\u2027]")
_GLYPH_CODES = frozenset([*range(0x2160, 0x2180), 0xFF08, 0xFF09, 0xFF0E, *range(0xFF10, 0xFF1A), *range(0x2460, 0x2474),
                          *range(0x2776, 0x2794), *range(0x24F5, 0x24FF), *range(0x1D7CE, 0x1D800), 0x20E3])
_GLYPH_FACES = {c: unicodedata.normalize("NFKC", chr(c)) for r in (
    range(0x2160, 0x2180), range(0xFF10, 0xFF1A), range(0x1D7CE, 0x1D800)) for c in r} | {
    0xFF08: "(", 0xFF09: ")", 0xFF0E: "."}
_CIRCLED = "".join(chr(c) for r in (range(0x2460, 0x2474), range(0x2776, 0x2794), range(0x24F5, 0x24FF)) for c in r)
_LINE_GLYPH_LABEL = regex.compile(
    r"(?m)^(?P<pre>[ \t]{0,8}(?:#{1,6}[ \t]{1,3})?(?:\*\*|__)?)(?:(?P<c>[" + _CIRCLED + r"])|(?P<k>\d)\uFE0F?\u20E3)"
    r"[ \t]{0,3}(?=\S)")


def _line_glyph_label(m: regex.Match[str]) -> str:
    c = m.group("c")
    return m.group("pre") + (str(int(unicodedata.numeric(c))) if c else m.group("k")) + ". "


def _has_number_glyphs(text: str) -> bool:
    return any(ord(m.group()) in _GLYPH_CODES for m in _PAST_PUNCTUATION.finditer(text))


def _plain_number_glyphs(text: str) -> str:
    """Numbering glyphs as the digits and letters the outline reads (see ``_GLYPH_FACES``)."""
    text = text.translate(_GLYPH_FACES)
    return _LINE_GLYPH_LABEL.sub(_line_glyph_label, text)


def _clean_chars(text: str) -> str:
    """NFC, LF line ends, no zero-width characters, one kind of space, inline tags and entities gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    if _has_number_glyphs(text):
        text = _plain_number_glyphs(text)
    if _SYMBOL_FONT.search(text):
        text = text.translate(_symbol_font_marks())  # "\uf0b7" -> "•", "\uf0e0" -> "→" (Symbol, Wingdings)
    if "\ufffd" in text:
        text = _LOST_MARK.sub("•", text)  # "\t� Tổ chức thu gom …": a bullet lost in a second conversion
    for c in _ZERO_WIDTH_CHARS:
        if c in text:
            text = text.replace(c, "")
    text = _plain_spaces(text)
    if "\t" in text:
        text = _drop_stray_tabs(text)  # "… cụ thể:<TAB>" in prose: a stray tab, no table row
    if "O" in text or "o" in text or "l" in text or "I" in text:
        text = _ocr_digits(text)
    if "\\n" in text and "|" in text:
        text = _escaped_cell_breaks(text)  # pandoc's ZimWiki writer: "Phòng Lao động - Thương binh\nvà Xã hội"
    if "<" in text:
        if "<br" in text or "<BR" in text:
            text = _line_breaks(text)
        if "<sup" in text or "<SUP" in text:
            text = _footnote_marks(text)
        text = _INLINE_TAG.sub("", text)
    if "&" in text:
        text = _HTML_ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        text = _plain_spaces(text)
    return text


# A social-media post marks its lines with pictographs ("📌 I. MỤC ĐÍCH", "👉 Tuyên truyền …", "▪️ …"): before a
# heading's label they are decoration and go; before anything else they are a list bullet ("- ").
# (Inside a line's emphasis too: "**❖ 1. Tham gia của người dân ở cấp cơ sở**" keeps its "**"; after a list's own
# bullet, "- ✔ Công chức …", the mark is a second bullet and goes.)
_EMOJI_LEAD = regex.compile(
    r"(?m)^(?P<pre>[ \t]{0,8})(?P<b>[-–+•][ \t]{1,3})?(?P<em>\*{1,2}|_{1,2})?"
    r"(?:[\p{So}\p{Sk}][\uFE0F\u200D\p{Mn}]{0,4}[ \t]{0,3}){1,6}(?=\S)")
# Whether any line opens on a pictograph: "\n" then the mark, so the engine jumps from line break to line break (a
# multi-line "^" is tried at every position: ~0.9 against ~0.04 ms on a plan); the first line is matched on its own.
_EMOJI_LINE = regex.compile(r"\n[ \t]{0,8}(?:[-–+•][ \t]{1,3})?(?:\*{1,2}|_{1,2})?[\p{So}\p{Sk}]")
_LABEL_AFTER = regex.compile(r"(?:[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])[.)/]\s")


def _emoji_lead(m: regex.Match[str]) -> str:
    rest = m.string[m.end() : m.end() + 12]
    em = m.group("em") or ""  # (the indent goes with the mark, as it always did)
    if m.group("b"):  # "- ✔ Công chức …" (an HTML list item marked again): the list's own bullet stays, the mark goes
        return m.group("pre") + m.group("b") + em
    return em if _LABEL_AFTER.match(rest) else m.group("pre") + f"- {em}"


# a converter's footnote marks: "<sup>4</sup> Quyết định …" opening a line is the note itself, written as
# a markdown footnote ("[^4]: …"); "… thấp)<sup>2</sup>." in the text is a citation, dropped (left in,
# its digit would glue onto the figure before it: "0,18<sup>3</sup>" is not 0,183). A unit's exponent
# ("m<sup>2</sup>") is kept.
_SUP_NOTE = regex.compile(r"(?mi)^([ \t]{0,8})<sup>[ \t]{0,2}(\d{1,3})[ \t]{0,2}</sup>[ \t]{0,3}(?=\S)")
_SUP_CITE = regex.compile(r"(?i)(?<!(?<![\p{L}])k?m)<sup>[ \t]{0,2}\d{1,3}[ \t]{0,2}</sup>")


def _footnote_marks(text: str) -> str:
    text = _SUP_NOTE.sub(lambda m: f"{m.group(1)}[^{m.group(2)}]: ", text)
    return _SUP_CITE.sub("", text)


_BR = regex.compile(r"[ \t]{0,3}<br[ \t]{0,3}/?>[ \t]{0,3}", regex.IGNORECASE)
_BR_UPPER = regex.compile(r"<br[ \t]{0,3}/?>[ \t]{0,3}\p{Lu}", regex.IGNORECASE)  # an earlier line of the cell opens a name
_COLLECTIVE_LINE = regex.compile(r"(?:các|những|tất\s{1,3}cả\s{1,3}các)\s{1,3}\p{Ll}")  # "các sở, ngành, …"


@lru_cache(maxsize=1)
def _open_cell_end() -> regex.Pattern[str]:
    """A cell's line that stops on a word needing more or on an agency head needing its name (outline.yaml
    line_end_words.cell: "và", "Văn phòng", "Sở", …)."""
    words = sorted(_line_end_data()["cell"], key=len, reverse=True)
    return regex.compile(r"(?:^|[ \t|])(?:" + "|".join(regex.escape(w) for w in words) + r")$")


_ESCAPED_BREAK = regex.compile(r"(?<!\\)\\n(?=[^\W\d_]|[-+•–*])")


def _escaped_cell_breaks(text: str) -> str:
    """A line break written as the two characters "\\n" inside a pipe-table row (pandoc's ZimWiki writer, a table
    dumped from JSON) is the cell's ``<br>``: read as one, so the cell's lines stay its paragraphs."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "\\n" in line and line.lstrip()[:1] == "|":
            lines[i] = _ESCAPED_BREAK.sub("<br>", line)
    return "\n".join(lines)


def _line_breaks(text: str) -> str:
    """``<br>`` as a separator, never deleted (deleting glues "Môi trường<br>UBND các xã" into one word):
    in a pipe-table row it parts a cell's paragraphs ("; " unless the first one ends in punctuation),
    elsewhere it is a space."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if "<" not in line or not _BR.search(line):
            continue
        if line.lstrip()[:1] == "|":
            def sep(m: regex.Match[str], line: str = line) -> str:
                before = line[: m.start()].rstrip()
                nxt = line[m.end() : m.end() + 1]
                if not before or before[-1] in ";.,:|-–" or nxt in ("|", ""):
                    return " "
                if nxt.islower() and _COLLECTIVE_LINE.match(line, m.end()) and not _open_cell_end().search(before) \
                        and _BR_UPPER.search(line, line.rfind("|", 0, m.start()) + 1, m.start()):
                    # a cell listing one agency per line, whose last line is a collective ("UBND các huyện, thành
                    # phố<br>các sở, ngành, địa phương"): one more item, not a wrapped line
                    return "; "
                if nxt.islower() or (_open_cell_end().search(before) and nxt not in "-+•–*"):
                    return " "  # a cell's line wrapped at its width ("Sở Tài nguyên<br>và Môi trường", "Văn phòng<br>UBND")
                return "; "

            lines[i] = _BR.sub(sep, line)
        else:
            lines[i] = _BR.sub(" ", line)
    return "\n".join(lines)


# OCR reads a digit as a look-alike letter inside a number: "2O24", "3,O9", "3,3O", "1O/2024", "0,l5".
# Only between digits, or right after a decimal separator that follows a digit; one character for one.
_OCR_DIGIT = regex.compile(
    r"(?<=\d)[Oo](?=\d|[/.,]\d)|(?<=\d[,.])[Oo](?=\d|[^\w]|$)|(?<=\d[,.]\d)[Oo](?![\w])|(?<=\d[,.])[lI](?=\d)"
)


def _ocr_digits(text: str) -> str:
    """Look-alike letters inside numbers read as the digits they stand for (offsets kept)."""
    return _OCR_DIGIT.sub(lambda m: "0" if m.group() in "Oo" else "1", text)


def _plain_spaces(text: str) -> str:
    for c in _SPACE_CHARS:
        if c in text:
            text = text.replace(c, " ")
    return text


def _strip_line(raw: str, markdown: bool) -> tuple[str, int, bool, bool, int]:
    """One line without its markup: (line, md_level, bold, italic, bold_end)."""
    md_level = 0
    line = raw
    if "#" in line:
        m = _MD_HEADING.match(line)
        if m:
            md_level = len(m.group(1))
            line = _MD_TRAILING_HASHES.sub("", line[m.end() :])
    escaped = markdown and "\\*" in line
    if escaped:
        line = line.replace("\\*", _ESCAPED_STAR)  # "\* Giao Sở Y tế …": a literal star, no emphasis mark
    line, bold, italic, bold_end = _strip_stars(line)
    if escaped:
        line = line.replace(_ESCAPED_STAR, "*")
    if markdown and "_" in line:
        line2 = _UNDERSCORE_EMPH.sub("", line)
        if line2 != line:
            bold = bold or line.lstrip().startswith("__")
            line = line2
    if "\\" in line:
        if markdown and line.rstrip(" \t").endswith("\\") and not line.rstrip(" \t").endswith("\\\\"):
            line = line.rstrip(" \t")[:-1]  # pandoc's hard line break ("- Bộ Nội vụ (b/c);\\")
        line = _MD_ESCAPE.sub(r"\1", line)
    return line, md_level, bold, italic, bold_end


def normalize(text: str, fmt: str | None = None) -> NormalizedText:
    """Canonical text + layout evidence. ``fmt`` is "text", "markdown" or "html"."""
    fmt = detect_format(text, fmt)
    if fmt == "org":
        text, fmt = org_to_markdown(text), "markdown"  # star headings, drawers, "/italic/": markdown's marks
    elif fmt == "asciidoc":
        text, fmt = asciidoc_to_markdown(text), "markdown"  # "|===" tables, "*bold*", "== " headings
    elif fmt == "wiki":
        text, fmt = wiki_to_markdown(text), "markdown"  # "{| … |}" tables, "'''bold'''": markdown's
    elif fmt == "jira":
        text, fmt = jira_to_markdown(text), "markdown"  # "|| … ||" headers, rows over lines, "\(" escapes
    elif fmt == "dokuwiki":
        text, fmt = dokuwiki_to_markdown(text), "markdown"  # "^ … ^" header rows, "\\" breaks in cells, "//italic//"
    elif fmt == "docbook":
        text, fmt = docbook_to_html(text), "html"  # <section><title>, <para>, <informaltable><row><entry>
    elif fmt == "tei":
        text, fmt = tei_to_html(text), "html"  # <div><head>, <hi rendition="simple:bold">, <table><row><cell>
    elif fmt == "odf":
        text, fmt = odf_to_html(text), "html"  # content.xml / .fodt: <text:h>, <text:p>, <table:table-cell>
    elif fmt == "pdfminer":
        text, fmt = pdfminer_xml_to_html(text), "html"  # pdf2txt.py -t xml: one <text> per character, in boxes
    elif fmt == "ms":
        text, fmt = ms_to_markdown(text), "markdown"  # ".SH 2" headings, ".IP" items, ".TS" … ".TE" tables
    elif fmt == "haddock":
        text, fmt = haddock_to_markdown(text), "markdown"  # "= " headings, "#anchor#" lines, "/italic/", "\\/" escapes
    elif fmt == "texinfo":
        text, fmt = texinfo_to_markdown(text), "markdown"  # "@chapter", "@multitable" rows cut by "@tab", "@strong{…}"
    if fmt == "markdown" and ("```" in text or "~~~" in text):
        text = _CODE_FENCE.sub("", text)  # "```csv" … "```": a fence's lines are markup; what it holds stays
    if fmt != "html" and "~~" in text:
        text = drop_struck(text)  # a draft's "~~Sở Tư pháp~~ Sở Nội vụ": the struck text is not the plan's
    if fmt == "html" and "<word " in text and looks_like_bbox(text):
        text, fmt = bbox_to_text(text), "text"  # pdftotext -bbox-layout: a PDF's words in boxes, lines and blocks
    if fmt == "html":
        from papi_extract.html_text import html_to_text

        text = html_to_text(text)
    if fmt == "markdown" and "\n>" in text:
        text = indent_block_quotes(text)  # pandoc writes Word's indented paragraphs as "> " quotes: indentation
    if "[" in text:
        text = drop_review_comments(text)  # "[Ý kiến Sở Tư pháp: đề nghị bỏ …]": a reviewer's words, not the plan's
    text = drop_edit_marks(text)  # "- (bổ sung mới) Sở Tài chính …": an editor's mark, not the item's words
    if fmt == "text" and is_forwarded_mail(text):
        text = quoted_plan(text)  # a plan forwarded by e-mail: the quoted plan without the mail around it
    if fmt == "text" and "|" in text and has_separator_walls(text):
        text = unwall_separator_lines(text)  # get_text(separator=" | "): " | Cơ quan chủ trì: |  Phòng Y tế.  | "
    if fmt == "text" and ",,," in text:
        text = strip_sheet_commas(text)  # a spreadsheet's lines of one cell: "PHỤ LỤC,,,,,," is "PHỤ LỤC"
    if fmt == "text" and has_spaced_lines(text):
        text = join_spaced_lines(text)  # pdfminer: a blank line after every printed line, wrapped sentences too
    if fmt == "text" and has_justified_lines(text):
        text = unjustify_lines(text)  # pdftotext -fixed: a justified line's words parted by runs of spaces
    if fmt == "text" and "          " in text and _SIDE_PAGE_NUMBER.search(text):
        text = _SIDE_PAGE_NUMBER.sub(_side_page_number, text)  # PyMuPDF sort=True: "… khu dân cư          4"
    if fmt == "text" and "\f" in text:
        text = _BROKEN_AT_PAGE.sub("\f\n", text)  # "… giảm 0,14\f" / "" / "điểm so với …": one paragraph
    if fmt != "html" and has_dash_wrapped_notes(text):
        text = join_dash_wrapped_notes(text)  # "… (Chỉ số" / "- Quản trị điện tử).": a note wrapped before its dash
    if fmt != "html" and has_orphan_markers(text):
        text = join_orphan_markers(text)  # a scraper's get_text: "-" alone on a line, its item's text below
    if fmt != "html" and "<table" in text.lower():
        from papi_extract.html_text import render_tables_in_text

        text = render_tables_in_text(text)  # raw HTML tables in markdown/text: rows, not loose words
    if fmt != "html" and has_ruled_layouts(text):
        text = rewrite_ruled_layouts(text)  # a Word table drawn as ruled lines (antiword): header, signature
    if fmt != "html" and has_open_pipe_tables(text):
        text = rewrite_open_pipe_tables(text)  # html2text: "TT| Nhiệm vụ" over "---|---", rows hard-wrapped
    if fmt != "html" and has_trailing_wall_rows(text):
        text = rewrite_trailing_wall_rows(text)  # striprtf: "1|Tham gia …|5,05|5,19|", each cell closed by a wall
    if fmt != "html" and has_flat_signature_rows(text):
        text = rewrite_flat_signature_rows(text)  # a page's text: "| Nơi nhận: - A; - B. | TM. … |" in one row
    if fmt != "html" and has_pipe_layouts(text):
        text = rewrite_pipe_layouts(text)  # a clipper's header/signature pipe table: its cells' lines stacked
    if fmt != "html" and has_ragged_pipe_rows(text):
        text = rewrite_ragged_pipe_rows(text)  # an OCR'd ruled table: its rows' outer walls put back
    if fmt != "html" and has_bare_pipe_tables(text):
        text = rewrite_bare_pipe_tables(text)  # a table read paragraph by paragraph: cells joined by " | "
    if fmt != "html" and has_dash_tables(text):
        text = rewrite_dash_tables(text)  # a table typed one row per line, its cells joined by " — "
    if fmt != "html" and has_box_tables(text):
        # tables drawn with box characters (a text-mode browser's dump), before a drawn corner leading a
        # line could be taken for a pictograph bullet
        text = rewrite_box_tables(text)
    text = _clean_chars(text)
    if _EMOJI_LINE.search(text) or _EMOJI_LEAD.match(text):
        text = _EMOJI_LEAD.sub(_emoji_lead, text)
    if fmt != "html" and has_run_tables(text):
        from papi_extract.run_tables import rewrite_run_tables

        text = rewrite_run_tables(text)  # a PDF's raw text: each cell a run of lines, rows one after another
    if fmt != "html" and has_wrapped_tab_rows(text):
        text = rewrite_wrapped_tab_rows(text)  # catdoc: tab rows wrapped like paragraphs, one row per line again
    if fmt != "html" and "\t" in text and _TAB_ARROW.search(text):
        text = _indent_arrow_lines(text)  # "\t→ Chủ trì: Sở Nội vụ." under an item: an indent, not a table's cell
    if fmt != "html" and "\t" in text:
        text = join_spilled_cells(text)  # Word's text export: a cell's later paragraphs back on its row
    if fmt != "html" and has_grid_tables(text):
        text = rewrite_grid_tables(text)  # pandoc grid tables: cells read whole, not line by line
    if fmt != "html" and has_simple_tables(text):
        text = rewrite_simple_tables(text)  # pandoc simple/multiline tables: cells under their dash segments
    markdown = fmt == "markdown"
    if markdown and "\n#" in text:
        text = _join_wrapped_headings(text)
    out_lines = text.split("\n")
    lines: list[LineInfo] = []
    append = lines.append
    pos = 0
    for i, raw in enumerate(out_lines):
        # Fast path: a line without the characters markup is made of only loses trailing blanks.
        if "#" in raw or "*" in raw or "\\" in raw or (markdown and "_" in raw):
            line, lvl, bold, italic, bold_end = _strip_line(raw, markdown)
            # Trailing tabs are empty table cells ("Công khai ngân sách cấp xã<TAB><TAB>" is a group row), keep them.
            line = line.rstrip(" \r\f\v")
            out_lines[i] = line
            end = pos + len(line)
            append(LineInfo(pos, end, lvl, bold, italic, bold_end))
        else:
            line = raw.rstrip(" \r\f\v")
            if line is not raw:
                out_lines[i] = line
            end = pos + len(line)
            append(LineInfo(pos, end))
        pos = end + 1
    canon = "\n".join(out_lines)
    return NormalizedText(text=canon, lines=lines, format=fmt, folded=fold(canon), line_texts=out_lines)


# PyMuPDF's get_text(sort=True) prints a page's footer number on the baseline of the text line beside it, far
# to its right, after the page break ("10. UBND các xã, thị trấn:\\f                                     4"). A number of one to three
# digits after a run of 20 or more spaces closing a line of prose (its words parted by single spaces: no table
# row, whose columns are parted by runs of spaces; 40 characters or more unless the page break stands before the
# run) is that page number; it goes, the line's text stays. Linear: anchored at each line's start, the lazy body
# tries the run once per position that precedes it.
_SIDE_PAGE_NUMBER = regex.compile(r"(?m)^([ \t]{0,20}\S(?:[^\n]*?\S)?)(\f?)[ ]{20,}\d{1,3}[ ]{0,4}$")
_SIDE_PROSE_MIN = 40


# A sentence cut by a page break: the page's last line ends on the break (its footer number gone, above), a
# blank line, then the next page goes on in lower case ("… giảm 0,14\f" / "" / "điểm so với năm 2021."). The
# blank lines go, so the paragraph is read whole. Linear: each blank run is matched once.
_BROKEN_AT_PAGE = regex.compile(r"\f[ \t]*\n(?:[ \t]*\n){1,3}(?=[ \t]{0,12}\p{Ll})")


def _side_page_number(m: regex.Match[str]) -> str:
    body, ff = m.group(1), m.group(2)
    prose = "  " not in body.strip(" \t")
    # After a page break ("…:\f    4") any line's number is the page's; without one, only a prose line's (a short
    # line could be a two-column row: "Tổng điểm        43"). The page break stays: it marks where the page ends.
    return body + ff if prose and (ff or len(body.strip()) >= _SIDE_PROSE_MIN) else m.group(0)


# A page's text taken with a separator between its text nodes (BeautifulSoup's get_text(separator=" | ")): every
# line opens and closes on the separator (" | I. MỤC ĐÍCH, YÊU CẦU | "), the nodes of one line are parted by it
# (" | Cơ quan chủ trì: |  Phòng Văn hóa - Xã hội.  | Cơ quan phối hợp: | … | "), an empty line is " | ". Read as
# text, every line is a one-cell table row. Known when most lines are walled so, most of them hold one node, and no
# markdown table rule stands anywhere; rewritten: the walls go, a label ending in a colon keeps its value on its
# line, a node going on in lower case or a mark goes on its line, any other node opens a line of its own.
_WALL_MIN_LINES = 8
_WALL_SHARE = 0.6  # of the non-blank lines: opening and closing on "|"
_WALL_SINGLE_SHARE = 0.5  # of the walled lines with text: one node only
_WALL_RULE = regex.compile(r"(?m)^[ \t]{0,3}\|?[ \t]{0,3}:?-{3,}")


def has_separator_walls(text: str) -> bool:
    """Cheap gate, then the shares (see above)."""
    if text.count("| \n") + text.count("|\n") < _WALL_MIN_LINES or _WALL_RULE.search(text):
        return False
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    walled = [x for x in lines if x.startswith("|") and x.endswith("|")]
    if len(walled) < _WALL_MIN_LINES or len(walled) < _WALL_SHARE * len(lines):
        return False
    texts = [x for x in walled if x.strip("| ")]
    single = sum(1 for x in texts if x[1:-1].count("|") == 0)
    return single >= _WALL_SINGLE_SHARE * max(1, len(texts))


def unwall_separator_lines(text: str) -> str:
    """``text`` with the separator walls gone (see above). One pass over the lines."""
    out: list[str] = []
    for line in text.split("\n"):
        st = line.strip()
        if not (st.startswith("|") and st.endswith("|")):
            out.append(line)
            continue
        nodes = [x.strip() for x in st[1:-1].split("|")] if len(st) > 1 else []
        nodes = [x for x in nodes if x]
        if not nodes:
            out.append("")
            continue
        cur = nodes[0]
        for node in nodes[1:]:
            if cur.endswith(":") or node[:1].islower() or node[:1] in ",.;:)”":
                cur = f"{cur} {node}"
            else:
                out.append(cur)
                cur = node
        out.append(cur)
    return "\n".join(out)


# pdfminer.six's extract_text puts each printed line of a justified paragraph in a text box of its own and a
# blank line after every box: a wrapped sentence comes with a blank line between its lines. In a text where most
# lines are followed by one blank line, its lines wrapped (short, a tenth or more of them going on in lower case),
# the blank line between two lines of one sentence is dropped: the line
# ends on no full stop, colon or semicolon and the next goes on in lower case or the line stops on a comma or a
# word that needs more ("… UBND các huyện," / "thị xã, thành phố hướng dẫn …"). Every other blank line stays.
_SPACED_MIN_LINES = 20
_SPACED_SHARE = 0.7  # lines followed by exactly one blank line, of all the text lines
_SPACED_WRAP_MAX = 110  # the 90th percentile of line lengths in a page's wrapped text (pdfminer: about 80-100)
_SPACED_LOWER_SHARE = 0.1  # lines going on in lower case after the blank line: wrapped sentences, not paragraphs
_SENTENCE_STOP = ".:;!?"


@lru_cache(maxsize=1)
def line_end_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(heading, sentence) words a wrapped line stops on when it goes on below (outline.yaml line_end_words)."""
    raw = _line_end_data()
    return tuple(raw["heading"]), tuple(raw["heading"]) + tuple(raw["sentence"])


@lru_cache(maxsize=1)
def _line_end_data() -> dict[str, list[str]]:
    """outline.yaml's line_end_words, read once (heading, sentence and cell lists)."""
    from pathlib import Path

    import yaml

    raw: dict[str, list[str]] = yaml.safe_load(
        (Path(__file__).parent / "data" / "outline.yaml").read_text(encoding="utf-8"))["line_end_words"]
    return raw


@lru_cache(maxsize=1)
def _needs_more() -> regex.Pattern[str]:
    words = "|".join(regex.escape(w) for w in line_end_words()[1])
    return regex.compile(rf"(?:,|[ \t](?:{words}))[ \t]*$", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _open_heading_end() -> regex.Pattern[str]:
    words = "|".join(regex.escape(w) for w in line_end_words()[0])
    return regex.compile(rf"(?:[,;\-–]|[ \t](?:{words}))[ \t]*$")

_ITEM_START = regex.compile(r"^[ \t]*(?:[-+*•–]|\d{1,3}(?:\.\d{1,3}){0,3}[.)]|[IVX]{1,5}\.|[a-zđ]\))[ \t]")


def has_spaced_lines(text: str) -> bool:
    """Cheap gate: most text lines followed by exactly one blank line."""
    if text.count("\n\n") < _SPACED_MIN_LINES:
        return False
    lines = text.split("\n")
    lens = sorted(len(x) for x in lines if x.strip())
    if len(lens) < _SPACED_MIN_LINES or lens[int(len(lens) * 0.9)] > _SPACED_WRAP_MAX:
        return False  # paragraphs on one line each (a Word export's blank line after every paragraph or cell)
    pairs = [k for k in range(len(lines) - 2) if lines[k].strip() and not lines[k + 1].strip() and lines[k + 2].strip()]
    lower = sum(1 for k in pairs if lines[k + 2].lstrip()[:1].islower())
    return len(pairs) >= _SPACED_SHARE * len(lens) and lower >= _SPACED_LOWER_SHARE * len(pairs)


def join_spaced_lines(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        out.append(line)
        if (k + 2 < len(lines) and line.strip() and not lines[k + 1].strip() and lines[k + 2].strip()
                and line.rstrip()[-1:] not in _SENTENCE_STOP and not _ITEM_START.match(lines[k + 2])
                and (lines[k + 2].lstrip()[:1].islower() or _needs_more().search(line))):
            k += 2  # the blank line inside a sentence: dropped
            continue
        k += 1
    return "\n".join(out)


# A list marker alone on its line, its item's text on the next (a scraper's get_text("\n") of an HTML page: the
# "-" typed before a bold run "<b>Chủ tịch UBND xã:</b> tiếp công dân …" ends up on a line of its own).
_ORPHAN_MARKER = regex.compile(r"\n[ \t]{0,8}(?:[-–+•*]|\d{1,2}(?:\.\d{1,2}){1,3}\.)[ \t]{0,4}\n(?=[ \t]{0,8}\p{L})")
_LABELLED_LINE = regex.compile(r"^[ \t]{0,8}(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3})[.)][ \t]")
_LONE_LABEL = regex.compile(r"^[ \t]{0,8}(\d{1,2}(?:\.\d{1,2}){1,3})\.[ \t]{0,4}$")
_HEAD_LABEL = regex.compile(r"^[ \t]{0,8}(\d{1,2}(?:\.\d{1,2}){0,3})\.[ \t]{1,4}\S")


def _follows(label: str, prev: str | None) -> bool:
    """``label`` ("5.3") is the next number after ``prev`` ("5.2"), or the first under it ("5.1" after "5")."""
    if prev is None:
        return False
    *head, last = label.split(".")
    if int(last) == 1:
        return ".".join(head) == prev
    return prev == ".".join([*head, str(int(last) - 1)])


def has_orphan_markers(text: str) -> bool:
    """Cheap gate: a line holding only a list marker, a letter opening the next."""
    return _ORPHAN_MARKER.search(text) is not None


def join_orphan_markers(text: str) -> str:
    """Each list marker alone on its line joined to the line after it ("-" / "Chủ tịch UBND xã:" is "- Chủ
    tịch UBND xã:"), where the line before ends a sentence, a label or a heading: inside a table exported one
    cell per line a "-" is an empty cell, after a cell that stops on no stop. A dotted label alone ("5.3.")
    joins its text too when it numbers on from the last labelled line ("5.2. Các công chức …"): a table's
    row numbers, alone on their lines, never follow a labelled line with text."""
    lines = text.split("\n")
    out: list[str] = []
    last_label: str | None = None
    k = 0
    while k < len(lines):
        line = lines[k]
        s = line.strip()
        nxt_letter = k + 1 < len(lines) and lines[k + 1].lstrip()[:1].isalpha()
        stop_before = bool(out) and (out[-1].rstrip()[-1:] in ".;:!?" or _LABELLED_LINE.match(out[-1]) is not None)
        lone = _LONE_LABEL.match(line) if nxt_letter and stop_before and len(s) <= 12 else None
        if ((len(s) == 1 and s in "-–+•*" and nxt_letter and stop_before)
                or (lone is not None and _follows(lone.group(1), last_label))):
            line = f"{line.rstrip()} {lines[k + 1].lstrip()}"
            k += 1
        if (hm := _HEAD_LABEL.match(line)) is not None:
            last_label = hm.group(1)
        out.append(line)
        k += 1
    return "\n".join(out)


# A hard-wrapped note whose rest starts with a dash: "… thanh toán trực tuyến (Chỉ số" / "- Quản trị điện tử)." is one
# line cut before "- Quản trị …", not a list item (a text browser's justified dump wraps anywhere).
_DASH_CLOSES_NOTE = regex.compile(r"\([^()\n]{0,200}\n[ \t]{0,40}(?:[-–][ \t][^()\n]{0,200}|[^()\n]{1,32})\)")


def has_dash_wrapped_notes(text: str) -> bool:
    """Cheap gate: a parenthesis left open at a line's end and closed on a next line that opens with a dash."""
    return "(" in text and _DASH_CLOSES_NOTE.search(text) is not None


def join_dash_wrapped_notes(text: str) -> str:
    """Each line opening with a dash that closes the parenthesis its line before left open, joined to it; and a
    numbered heading's parenthesis wrapped onto a short line of its own ("2.1. Công khai danh sách hộ nghèo (năm
    2021: 1,48 điểm; năm 2022: 1,41" / "điểm)")."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        s = line.lstrip()
        if (out and s.count(")") > s.count("(") and out[-1].count("(") > out[-1].count(")") and out[-1].strip()
                and ((s[:1] in "-–" and s[1:2] in " \t")
                     or (len(s) <= _PAREN_REST_MAX and _MARGIN_LABEL.match(out[-1]) is not None))):
            out[-1] = f"{out[-1].rstrip()} {s}"
            continue
        out.append(line)
    return "\n".join(out)


_PAREN_REST_MAX = 32  # characters of a heading's parenthesis wrapped onto its own line ("điểm; năm 2022: 1,49 điểm)")
_MARGIN_LABEL = regex.compile(r"^[ \t]{0,40}(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3})[.)][ \t]")  # (a page's margin kept)


# A justified paragraph printed with fixed character cells (pdftotext -fixed): the line's words parted by runs of
# spaces ("- Hướng      dẫn   các   thôn,    khối   phố …"). Such a line is prose, not a space-aligned table row: most
# of its pieces are one word, none holds a figure, and there are many of them. Its runs become single spaces.
_JUSTIFIED_GATE = regex.compile(r"(?m)^[ \t]{0,40}(?:[-–+•] )?\S+(?:[ ]{2,8}\p{L}\S*){6}|^[ \t]{8,80}\p{Lu}{2,8}[ ]{3,12}\p{Lu}{2,8}[ \t]*$")
_JUSTIFIED_MIN_PIECES = 7
_SPACED_TITLE_MAX = 16  # letters of a letter-spaced title ("KẾ HOẠCH", "QUYẾT ĐỊNH")
_JUSTIFIED_WORD_SHARE = 0.8


def has_justified_lines(text: str) -> bool:
    """Cheap gate: a line of seven pieces or more parted by runs of spaces, each from the second a word."""
    return "   " in text and _JUSTIFIED_GATE.search(text) is not None


def _justified(line: str) -> bool:
    pieces = line.split()
    if 2 <= len(pieces) <= 3 and "  " in line.strip() and all(p.isupper() and p.isalpha() for p in pieces) \
            and sum(len(p) for p in pieces) <= _SPACED_TITLE_MAX:
        return True  # a title letter-spaced across its line ("KẾ    HOẠCH"): its words, no columns
    if len(pieces) < _JUSTIFIED_MIN_PIECES or "  " not in line.strip() or "\t" in line or "|" in line:
        return False
    chunks = [c for c in line.strip().split("  ") if c.strip()]
    single = sum(1 for c in chunks if " " not in c.strip())
    return (len(chunks) >= _JUSTIFIED_MIN_PIECES and single >= _JUSTIFIED_WORD_SHARE * len(chunks)
            and not any(ch.isdigit() for c in chunks for ch in c[:1]))


def unjustify_lines(text: str) -> str:
    """Each justified line (see above) with its runs of spaces made single, its indent kept."""
    lines = text.split("\n")
    for k, line in enumerate(lines):
        if _justified(line):
            lead = line[: len(line) - len(line.lstrip(" "))]
            lines[k] = lead + " ".join(line.split())
    return "\n".join(lines)


# A sheet exported as comma-separated values (pandas' to_csv, LibreOffice "Text CSV") writes every row with all
# its columns: the title rows above the table ("PHỤ LỤC,,,,,,", "(Kèm theo Kế hoạch …),,,,,,") and its empty rows
# (",,,,,,") carry the empty cells' commas. Outside a table (a run of rows with three filled cells or more, up to
# a blank line), such a line is its one cell: the heading, caption or blank line it was in the sheet.
_SHEET_ONE_CELL = regex.compile(r'^((?:"[^"\n]{1,300}"|[^,"\n]{1,300}))?,{2,}[ \t]*$')
_SHEET_ROW = regex.compile(r'(?:^|,)(?:"[^"\n]*"|[^,"\n]+)')


def strip_sheet_commas(text: str) -> str:
    lines = text.split("\n")
    in_table = False
    for k, line in enumerate(lines):
        if not line.strip():
            in_table = False
            continue
        if not in_table and len(_SHEET_ROW.findall(line)) >= 3 and line.count(",") >= 3:
            in_table = True
        if in_table:
            continue
        m = _SHEET_ONE_CELL.match(line)
        if m is not None:
            cell = (m.group(1) or "").strip()
            lines[k] = cell[1:-1] if len(cell) >= 2 and cell[0] == cell[-1] == '"' else cell
    return "\n".join(lines)


# a markdown heading hard-wrapped by its converter (html2text cuts every line at 78 columns): the heading's line
# stops on a comma or a word that needs more ("#### 2. Các chỉ số …, Cung ứng dịch vụ công," / "Quản trị môi
# trường, Quản trị điện tử"), or the next line goes on in lower case; that line is plain text, no heading, item,
# table row or blank
_NOT_HEADING_REST = regex.compile(r"^[ \t]*(?:$|#|[-*+•|>]|\\[-+]|\d{1,3}\\?[.)][ \t]|[IVX]{1,5}\.[ \t]|[a-zđ]\)[ \t])")


def _join_wrapped_headings(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (_MD_HEADING.match(line) and i + 1 < len(lines) and not _NOT_HEADING_REST.match(lines[i + 1])
                and len(lines[i + 1]) <= 120
                and (_open_heading_end().search(line) or lines[i + 1].lstrip()[:1].islower())):
            out.append(line.rstrip() + " " + lines[i + 1].strip())
            i += 2
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


_MARGIN_MIN = 5  # fewer leading spaces are an ordinary first-line indent, not a page margin
_MARGIN_SHARE = 0.25  # of the non-blank lines that sit exactly at the margin
_PARA_INDENT_MAX = 8  # a paragraph's first-line indent beyond the margin
_PARA_SHARE = 0.10


def layout_margin(texts: list[str]) -> int:
    """The page margin of a layout-preserving text dump (``pdftotext -layout``), else 0.

    Such a dump shifts every line right by the page's left margin, so continuation lines sit at
    ten spaces and a paragraph's first line or a heading ("I. MỤC ĐÍCH") deeper still; the label
    patterns allow only a short indent. The margin is the most common indentation when at least
    a quarter of the non-blank lines have exactly it and it is more than an ordinary indent.
    """
    counts: dict[int, int] = {}
    nonblank = 0
    for t in texts:
        if not t or t[0] != " ":
            if t.strip():
                nonblank += 1
                counts[0] = counts.get(0, 0) + 1
            continue
        s = t.lstrip(" ")
        if not s:
            continue
        nonblank += 1
        k = len(t) - len(s)
        counts[k] = counts.get(k, 0) + 1
    if not nonblank:
        return 0
    mode = max(counts, key=lambda k: (counts[k], -k))
    if mode < _MARGIN_MIN or counts[mode] < _MARGIN_SHARE * nonblank:
        return 0
    # Paragraph first lines and headings sit a few spaces deeper ("      I. MỤC ĐÍCH" over a
    # ten-space margin); the outline reads labels at a short indent, and indentation is no evidence
    # of a paragraph start there (lines are joined by case and blank lines), so that indent goes too.
    deeper = {k - mode: c for k, c in counts.items() if mode < k <= mode + _PARA_INDENT_MAX}
    if deeper:
        para = max(deeper, key=lambda k: (deeper[k], -k))
        if deeper[para] >= _PARA_SHARE * nonblank:
            return mode + para
    return mode


def margin_cut(line: str, margin: int) -> int:
    """How many leading spaces of ``line`` are page margin: at most ``margin``, never text."""
    k = len(line) - len(line.lstrip(" "))
    return min(margin, k)


# A page number printed alone on its line: "3", "- 4 -", "Trang 5" (the line stripped first).
PAGE_NUMBER = regex.compile(r"^(?:(?:-[ ]?)?\d{1,3}(?:[ ]?-)?|[Tt]rang[ ]\d{1,3})$")


# A page marker that says so ("Trang 2/5", "TRANG 3"): unlike a bare number, one on any line, blank
# lines around it or not (a PDF's plain-text extraction has none).
PAGE_MARKER = regex.compile(r"^(?:[Tt]rang|TRANG)[ ]{1,2}\d{1,4}(?:[ ]?/[ ]?\d{1,4})?$")
_FURNITURE_WINDOW = 3  # lines on each side of a page marker where a running header or footer sits
_FOOT_MARKER = regex.compile(r"\S[ \t]{1,3}[—–\-|][ \t]{1,3}(?:[Tt]rang|TRANG)[ \t]{1,2}\d{1,4}(?:[ \t]?/[ \t]?\d{1,4})?[ \t]*$")
# "(tiếp theo)", "(tiếp)": what a page break cut goes on (a caption, a repeated heading or group row)
CONTINUED_MARK = r"\((?i:tiếp\s{1,3}theo|tiếp)\)"
_CONTINUED_CAPTION = regex.compile(r"^[ \t#*_>]{0,8}\S[^\n|\t]{0,200}" + CONTINUED_MARK + r"[ \t*_.:]{0,6}$")
_FURNITURE_MAX = 100  # characters of a running header line
_ITEM_LEAD = regex.compile(r"[-+•*–]|\(?[0-9a-zđ]{1,3}[.)]")  # a list item or label is content, never furniture


def page_furniture(texts: list[str]) -> frozenset[int]:
    """Indexes of the lines that are page furniture of a paginated extraction: the page markers
    ("Trang 2/5") and the running header or footer lines printed next to at least two of them
    ("UBND PHƯỜNG PHÚ HÒA", "Kế hoạch số 64/KH-UBND ngày 22/5/2023").

    Why: a PDF's plain-text extraction prints them in the middle of a paragraph, a task or a table
    wherever a page ends; read as text they cut items in two and end tables. Linear in the lines."""
    marks = [i for i, t in enumerate(texts) if 0 < len(t) <= 24 and "rang" in t.lower() and PAGE_MARKER.match(t.strip())]
    # a running foot that prints its page marker ("Kế hoạch số 96/KH-UBND ngày 20/5/2024 … — Trang 1/3"): furniture whole
    marks += [i for i, t in enumerate(texts) if 24 < len(t) <= _FURNITURE_MAX and "rang" in t and _FOOT_MARKER.search(t)]
    # a caption that says the page goes on with what the page before held ("Phụ lục I (tiếp theo)", "III. NHIỆM VỤ,
    # GIẢI PHÁP (tiếp theo)"): no heading, no text
    extra = {i for i, t in enumerate(texts)
             if ("tiếp" in t or "TIẾP" in t) and len(t) <= _FURNITURE_MAX and _CONTINUED_CAPTION.match(t)}
    if not marks:
        return frozenset(extra)
    # (offset from the marker, text) -> lines: a running header sits at the same place on every page
    near: dict[tuple[int, str], list[int]] = {}
    for m in marks:
        for i in range(max(0, m - _FURNITURE_WINDOW), min(len(texts), m + _FURNITURE_WINDOW + 1)):
            t = texts[i].strip()
            if t and i != m and len(t) <= _FURNITURE_MAX and not _ITEM_LEAD.match(t):
                near.setdefault((i - m, t), []).append(i)
    need = max(2, (len(marks) + 1) // 2)
    out = set(marks) | extra
    for idx in near.values():
        if len(idx) >= need:
            out.update(idx)
    return frozenset(out)


def form_feed_furniture(texts: list[str]) -> frozenset[int]:
    """Indexes of the lines printed beside the page breaks (form feeds) of at least half the pages, at least
    twice: a running header or footer with no page marker ("Scanned with CamScanner", a scanning app's
    stamp at every page's foot); and a page number on a break's line or just before it. Linear in the lines."""
    breaks = [i for i, t in enumerate(texts) if "\f" in t]
    # a page number on the page break's own line ("\f2": the next page's number printed at its top, as PyMuPDF
    # writes it) or on the line just before it (a page's foot): furniture in the middle of a paragraph
    numbers = {i for i in breaks if is_page_number(texts[i].strip(" \t\f"))}
    numbers.update(i - 1 for i in breaks if i > 0 and texts[i].lstrip(" \t").startswith("\f")
                   and is_page_number(texts[i - 1]))
    if len(breaks) < 2:
        return frozenset(numbers)
    near: dict[str, set[int]] = {}
    for b in breaks:
        for i in range(max(0, b - 2), min(len(texts), b + 3)):
            t = texts[i].strip(" \t\f")
            if t and len(t) <= _FURNITURE_MAX and not is_page_number(t) and not _ITEM_LEAD.match(t):
                near.setdefault(t, set()).add(i)
    need = max(2, (len(breaks) + 1) // 2)
    return frozenset(numbers | {i for idx in near.values() if len(idx) >= need for i in idx})


_PAGE_GAP_MIN = 15  # lines between two page numbers: a page holds at least this many lines
_PAGE_GAP_MAX = 150
_PAGE_CHAIN_MIN = 3
_PAGE_GAP_SPREAD = 2.5  # the longest gap of a chain over its shortest: pages hold about as many lines


def numbered_page_lines(texts: list[str]) -> frozenset[int]:
    """Indexes of page numbers standing alone between two lines of text, with no page break or blank line around
    them (pdfplumber joins pages with a bare line break): lines holding only a number that, with others, count up by
    one a page apart ("2" … "3" … "4", 15 to 150 lines between each and about the same every time). A list or a
    table's row numbers are too close together to chain. Linear in the lines."""
    chains: dict[int, list[tuple[int, list[int]]]] = {}  # value -> (line, chain of lines ending there)
    best: list[int] = []
    for i, t in enumerate(texts):
        s = t.strip(" \t\f")
        if not (0 < len(s) <= 3 and s.isdigit()):
            continue
        v = int(s)
        chain = [i]
        for line, prev in reversed(chains.get(v - 1, [])[-4:]):
            if _PAGE_GAP_MIN <= i - line <= _PAGE_GAP_MAX:
                chain = [*prev, i]
                break
        chains.setdefault(v, []).append((i, chain))
        if len(chain) > len(best):
            best = chain
    if len(best) < _PAGE_CHAIN_MIN:
        return frozenset()
    gaps = [b - a for a, b in zip(best, best[1:], strict=False)]
    return frozenset(best) if max(gaps) <= _PAGE_GAP_SPREAD * min(gaps) else frozenset()


def is_page_number(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 9 and PAGE_NUMBER.match(s) is not None
