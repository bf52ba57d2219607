"""Stage 4: header metadata of a plan (or of a news article about one).

reads: ``ctx.norm`` (and ``ctx.body_end`` when the outline stage found the tail); writes: ``number``,
``symbol``, ``doc_type``, ``issuer``, ``place``, ``issued_date``, ``issued_year``, ``title``, ``period``,
``legal_basis``, ``signer``, ``recipients`` and W2xx warnings.

Everything is matched on the folded text (``normalize.fold``: same length, lowercase, no diacritics), so
OCR slips ("KÉ HOẠCH", "Duỳn Hải") and tone placement never need their own rule, and every offset found
there is an offset into the canonical text, where values and spans are read. The stage finds its own
header region (the lines before the first Roman-numeral heading) and its own tail ("Nơi nhận", the
signature block), so it gives the same answers whether or not the outline stage ran first.

Vocabularies live in ``data/header.yaml``; patterns are composed from them here. Every pattern is
linear (literal alternations, bounded repeats, no nested quantifiers) and most run on one line or a
bounded window.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import regex
import yaml
from rapidfuzz import fuzz

from papi_extract.agencies import has_known_head
from papi_extract.context import DocContext
from papi_extract.data_files import phrase_alternation
from papi_extract.gazetteer import Gazetteer, Match, Unit, gazetteer, key
from papi_extract.models import Issuer, Period, Reference, Signer
from papi_extract.normalize import collapse_ws, fold, margin_cut, ocr_date_digits
from papi_extract.outline import SUBJECT_STOP as _TITLE_STOP
from papi_extract.outline import trailing_chrome_start

_DATA = Path(__file__).parent / "data"

HEADER_SCAN_CHARS = 15000  # a Roman heading later than this is not the end of the header
HEADER_DEFAULT_CHARS = 6000  # header region when no Roman heading is found (articles, odd layouts)
HEADER_MAX_LINES = 60  # non-empty lines looked at for the number, date, doc-type and headline
_CHROME_MAX_LINES = 200  # lines of a web page's chrome looked through for the plan's header block
SIGNATURE_LINE_MAX = 200  # a longer line is prose, never part of a signature block
ISSUER_SCAN_CHARS = 25000  # body text searched for "UBND <unit> ... ban hành"
ISSUER_MAX_CHARS = 160  # a cited document's issuer phrase ("của Ban Chấp hành Trung ương Đảng")
PROVINCE_SCAN_CHARS = 8000  # text after the header searched for "tỉnh X" (the basis paragraph, the intro)
REFORM_DATE = "2025-07-01"  # the two-level local government (no districts; 34 provinces, 3,321 communes)
TAIL_WINDOW_BEFORE = 15  # lines before "Nơi nhận" searched for a signature block
TAIL_WINDOW_AFTER = 60  # lines after it

# -- fixed, language-level patterns (not vocabulary) -----------------------------------------------
_ROMAN_HEADING = regex.compile(
    r"(?m)^[ \t]{0,4}(?:[-–][ \t]{0,2})?(?:PHẦN[ \t]{1,3})?(?:I|II|III|IV|V|VI)[ \t]{0,2}[.):][ \t]{0,4}\S"
)
# A document number: "72/KH-UBND", "42/2022/NĐ-CP", "65-QĐ/TW", "34/2007/PL-UBTVQH11", "30c/NQ-CP" (a letter
# after the digits numbers a document added in sequence) (on folded text).
_NUM = r"(?P<n>\d{1,5}[a-z]?(?:/\d{4})?)(?P<sep>[/-])(?P<sym>[a-z][a-z0-9]{0,11}(?:[-/&][a-z0-9]{1,12}){0,6})"
_NUMBER_RE = regex.compile(r"(?<![\w/.-])" + _NUM + r"(?![\w])")
_DATE_NUMERIC = r"(?P<d>\d{1,2})[ \t]{0,2}[/.-][ \t]{0,2}(?P<m>\d{1,2})[ \t]{0,2}[/.-][ \t]{0,2}(?P<y>\d{4})"
_DATE_WORDS = r"(?P<d2>\d{1,2})[ \t]{1,4}thang[ \t]{1,4}(?P<m2>\d{1,2})[ \t]{1,4}nam[ \t]{1,4}(?P<y2>\d{4})"
_REF_DATE_RE = regex.compile(
    r"[ \t]{0,3},?[ \t]{0,3}(?:ban[ \t]hanh[ \t])?ngay[ \t]{0,3}(?:" + _DATE_NUMERIC + "|" + _DATE_WORDS + r")(?!\d)"
)
_REF_DATE_WINDOW = 60  # characters after a cited number where its date stands
# The date line of a plan: "Duỳn Hải, ngày 23 tháng 6 năm 2021"; blanks allowed for day and month.
_DATE_LINE_RE = regex.compile(
    r",[ \t]{0,4}ngay(?P<d>[ \t.…_]{0,12}\d{1,2}|[ \t.…_]{0,12})[ \t.…_]{0,12}"
    r"thang(?P<m>[ \t.…_]{0,12}\d{1,2}|[ \t.…_]{0,12})"
    r"[ \t.…_]{0,12}nam[ \t.…_]{0,6}(?P<y>\d{4})"
)
_DATE_LINE_NUMERIC_RE = regex.compile(r",[ \t]{0,4}ngay[ \t]{0,3}" + _DATE_NUMERIC)
_YEAR_RANGE_RE = regex.compile(r"(?<!\d)((?:19|20)\d{2})[ \t]{0,2}[-–—][ \t]{0,2}((?:19|20)\d{2})(?!\d)")
_YEAR_FROM_TO_RE = regex.compile(
    r"tu[ \t]{1,3}(?:nam[ \t]{1,3})?((?:19|20)\d{2})[ \t]{1,3}den[ \t]{1,3}(?:nam[ \t]{1,3})?((?:19|20)\d{2})(?!\d)"
)
_YEAR_UNTIL_RE = regex.compile(r"den[ \t]{1,3}nam[ \t]{1,3}((?:19|20)\d{2})(?!\d)")
_YEAR_RE = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_BULLET_RE = regex.compile(r"^[ \t]{0,40}(?:[-–—+•*▪●○◦][ \t]{0,4})+")  # any indent: layout dumps keep the page margin
_PAREN_TAIL_RE = regex.compile(r"[ \t]{0,3}\(([^()\n]{1,40})\)[ \t]{0,3}$")
_XY_ABBREV_RE = regex.compile(r"^[a-z]{1,3}[ \t]{0,1}/[ \t]{0,1}[a-z]{1,3}$")
_NAME_LINE_RE = regex.compile(r"^\p{Lu}[\p{Ll}\p{Lu}]{0,9}(?:[ \t]{1,3}\p{Lu}[\p{Ll}\p{Lu}]{0,9}){1,5}$")
# marks with no two letters in a row ("‹ ⁄ ƒ —"); each repeat opens with a letter, so the match is linear
_SQUIGGLE_RE = regex.compile(r"^[^\p{L}\d]{0,40}(?:\p{L}[^\p{L}\d]{1,40}){0,20}\p{L}?[^\p{L}\d]{0,40}$")
_MD_IMAGE_RE = regex.compile(r"^!\[[^\]\n]{0,200}\]\([^)\n]{0,300}\)$")  # a markdown picture line
_ISSUER_PUNCT_RE = regex.compile(r"[,;:()\[\].\n]")
_NEXT_WORD_RE = regex.compile(r"[ \t]{0,3}")
_WORD_RUN_RE = regex.compile(r"\S+")
_WS_RE = regex.compile(r"\s+")
_PLACE_WORD_RE = regex.compile(r"[^\s,;:]+")
_NAME_WORD_RE = regex.compile(r"[^\s,;:()]+")
_SEPARATOR_RE = regex.compile(r"[-_*=.]{0,80}")
_SYMBOL_SPLIT_RE = regex.compile(r"[-/]")
_FOLDED_WORD_RE = regex.compile(r"[a-z0-9]+")
_UPPER_RE = regex.compile(r"\p{Lu}")
_LOWER_RE = regex.compile(r"\p{Ll}")


def _phrase(p: str) -> str:
    """A folded vocabulary phrase as a pattern: literal words, any run of spaces between them."""
    return r"[ \t]{1,3}".join(regex.escape(w) for w in fold(p).split())


def _alt_exact(phrases: Any) -> str:
    """Like ``_alt`` but on lower-cased canonical spelling, for short words that folding would conflate."""
    uniq = sorted({p.lower() for p in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(r"[ \t]{1,3}".join(regex.escape(w) for w in p.split()) for p in uniq) + ")"


def _alt(phrases: Any) -> str:
    """Literal alternation of phrases, longest first (so "thông tư liên tịch" wins over "thông tư")."""
    uniq = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    return "(?:" + "|".join(_phrase(p) for p in uniq) + ")"


@dataclass(frozen=True, slots=True)
class HeaderVocab:
    """Compiled patterns and lookup tables from ``data/header.yaml`` (built once)."""

    doc_types: dict[str, str]  # folded -> canonical
    doc_type_re: regex.Pattern[str]
    article_doc_type: str
    article_date_re: regex.Pattern[str]
    chrome: tuple[str, ...]
    number_line_re: regex.Pattern[str]
    level_of: dict[str, str]  # canonical unit word -> level
    unit_canon: dict[str, str]  # folded unit word or abbreviation -> canonical unit word
    issuer_head_re: regex.Pattern[str]  # "UBND <unit>" at a position
    issuer_line_re: regex.Pattern[str]  # header line "ỦY BAN NHÂN DÂN TỈNH AN GIANG"
    issuer_head_only_re: regex.Pattern[str]  # header line "ỦY BAN NHÂN DÂN" alone
    unit_line_re: regex.Pattern[str]  # "TỈNH AN GIANG" (second line of a split issuer)
    unit_prefix_re: regex.Pattern[str]  # "TX. ", "Thành phố " before a place name
    issuer_verb_re: regex.Pattern[str]
    issuer_not_after: frozenset[str]  # lower-case words before "UBND …" that make it someone else
    header_stop_re: regex.Pattern[str]
    province_mention_re: regex.Pattern[str]
    party_line_re: regex.Pattern[str] | None  # "HUYỆN ỦY VỊ XUYÊN", "ĐẢNG BỘ TỈNH HÀ GIANG" (folded)
    party_issuers: dict[str, tuple[str | None, str]]  # folded words -> (the body's name, its unit word)
    authority_re: regex.Pattern[str]  # a "TM."/"KT." marker
    auth_line_re: regex.Pattern[str]  # a line that starts with one
    authority_initials: str
    positions: dict[str, str]  # folded -> canonical
    position_end_re: regex.Pattern[str]
    position_name_re: regex.Pattern[str]  # a position then a name, squashed onto one line
    auth_objects: dict[str, str]
    noise: frozenset[str]
    acronyms: frozenset[str]
    recipients_re: regex.Pattern[str]
    recipient_suffixes: frozenset[str]
    legal_type_keys: tuple[str, ...]  # folded cited-document types, longest first
    legal_types: dict[str, str]
    symbol_types: dict[str, str]  # folded code -> canonical type
    symbol_issuers: frozenset[str]
    issuer_stop_search_re: regex.Pattern[str]  # the same stops, found anywhere in a lower-cased phrase
    org_head_re: regex.Pattern[str]
    prep_re: regex.Pattern[str]
    agency_line_re: regex.Pattern[str]  # "SỞ NỘI VỤ" under the committee line (folded, markup stripped)
    agency_capital_after: frozenset[str]
    block_openers: tuple[str, ...]  # folded openings of a plan's header block (issuer, motto)
    motto: str  # the national motto's opening words, folded (found where a header table was printed late)


def _canon_map(phrases: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in phrases:
        out.setdefault(collapse_ws(fold(p)), p)
    return out


@cache
def vocab() -> HeaderVocab:
    raw = yaml.safe_load((_DATA / "header.yaml").read_text(encoding="utf-8"))
    doc_types = _canon_map(raw["doc_types"])
    art = raw["article"]
    unit_canon = {fold(k): k for k in raw["units"]}
    for ab, full in (raw.get("unit_abbreviations") or {}).items():
        unit_canon[fold(ab)] = full
    unit_words = _alt(raw["units"])
    unit_abbrev = "(?:" + "|".join(regex.escape(fold(a)) for a in raw.get("unit_abbreviations") or {}) + r")\.?"
    unit_any = f"(?P<unit>{unit_words}|{unit_abbrev})"
    heads = _alt(raw["issuer_heads"])
    markers = "(?:" + "|".join(regex.escape(fold(m)) for m in raw["authority_markers"]) + ")"
    slash = "(?:" + "|".join(regex.escape(fold(m)) for m in raw.get("authority_slash_markers") or ()) + ")"
    party = raw.get("party_issuers") or {}
    party_words = phrase_alternation(party)
    positions = _canon_map(raw["positions"])
    legal_types = _canon_map(raw["legal_doc_types"])
    symbol_types = {fold(k): v for k, v in raw["symbol_types"].items()}
    return HeaderVocab(
        doc_types=doc_types,
        doc_type_re=regex.compile(r"^(?P<type>" + _alt(raw["doc_types"]) + r")(?![\w])"),
        article_doc_type=art["doc_type"],
        article_date_re=regex.compile(
            r"^[ \t]{0,4}" + _alt(art["date_labels"]) + r"[ \t]{0,3}:?[ \t]{0,3}(?:[a-z0-9 ,]{0,20}?)?(?<!\d)"
            + _DATE_NUMERIC
        ),
        chrome=tuple(sorted({fold(c) for c in art["chrome"]}, key=len, reverse=True)),
        number_line_re=regex.compile(
            # (a Party document prints "Số 86-KH/HU" with no colon)
            r"(?:(?<![\w])" + _alt(raw["number_label"]) + r"[ \t]{0,3}[:.][ \t.…_]{0,20}"
            r"|(?:^|(?<=\t))[ \t]{0,8}" + _alt(raw["number_label"]) + r"[ \t]{1,3}(?=\d))"
            # ("Số: 36a/KH-UBND": a letter after the digits numbers a plan added in sequence, as in _NUM)
            r"(?P<n>\d{1,5}(?:[a-z](?=[ \t]{0,2}[/-]))?(?:[ \t]{0,2}/[ \t]{0,2}\d{4})?)?[ \t]{0,2}(?P<sep>[/-])?[ \t]{0,2}"
            r"(?P<sym>[a-z][a-z0-9]{0,11}(?:[-/&][a-z0-9]{1,12}){0,6})(?![\w])"
        ),
        level_of=dict(raw["units"]),
        unit_canon=unit_canon,
        issuer_head_re=regex.compile(r"(?<![\w])" + heads + r"[ \t]{1,3}" + unit_any + r"(?![\w])"),
        issuer_line_re=regex.compile(r"^[ \t]{0,8}" + heads + r"[ \t]{1,3}" + unit_any + r"(?![\w])"),
        issuer_head_only_re=regex.compile(r"^[ \t]{0,8}" + heads + r"[ \t]{0,3}$"),
        party_line_re=regex.compile(r"^[ \t]{0,8}(?P<party>" + party_words + r")(?![\w])") if party_words else None,
        party_issuers={collapse_ws(k): (v0, v1) for k, (v0, v1) in party.items()},
        unit_line_re=regex.compile(r"^[ \t]{0,8}" + unit_any + r"(?![\w])"),
        unit_prefix_re=regex.compile(r"^" + unit_any + r"(?![\w])[ \t.]{0,3}"),
        issuer_not_after=frozenset(w.lower() for w in raw["issuer_not_after"]),
        issuer_verb_re=regex.compile(r"[ \t]{0,3}" + _alt(raw["issuer_verbs"]) + r"(?![\w])"),
        header_stop_re=regex.compile(r"(?<![\w])" + _alt(raw["header_stops"]) + r"(?![\w])|[ \t]{3,}|\t"),
        province_mention_re=regex.compile(r"(?<![\w])(?:tinh|thanh[ \t]pho|tp\.?)[ \t]{1,3}(?=[a-z])"),
        authority_re=regex.compile(r"(?<![\w])(?:" + markers + r"[ \t]{0,2}\.|" + slash + r"[ \t])[ \t]{0,3}"),
        authority_initials="".join(sorted({fold(m)[0] for m in raw["authority_markers"]})),
        auth_line_re=regex.compile(r"^[ \t]{0,8}(?:" + markers + r"[ \t]{0,2}\.|" + slash + r"[ \t])[ \t]{0,3}\S"),
        positions=positions,
        position_end_re=regex.compile(r"(?:^|[ \t])(?P<pos>" + _alt(raw["positions"]) + r")[ \t:.]{0,3}$"),
        position_name_re=regex.compile(
            r"(?:^|[ \t])(?:" + _alt(raw["positions"]) + r")[ \t]{1,8}(?P<name>[^ \t][^\n]{2,60})$"),
        auth_objects=_canon_map(raw["authority_objects"]),
        noise=frozenset(collapse_ws(fold(n)) for n in raw["signature_noise"]),
        acronyms=frozenset(raw["acronyms"]),
        # "Nơi nhận:" (or the label alone on its line), never "Nơi nhận hồ sơ …" in a table
        recipients_re=regex.compile(r"^[ \t]{0,8}" + _alt(raw["recipients_label"]) + r"[ \t]{0,3}(?::|$)"),
        recipient_suffixes=frozenset(collapse_ws(fold(s)) for s in raw["recipient_suffixes"]),
        legal_type_keys=tuple(sorted(legal_types, key=len, reverse=True)),
        legal_types=legal_types,
        symbol_types=symbol_types,
        symbol_issuers=frozenset(fold(s) for s in raw["symbol_issuer_codes"]),
        # matched on the lower-cased original: folded, "tại" (a stop) and "Tài chính" would be one word
        issuer_stop_search_re=regex.compile(r"(?<=[ \t])(?:" + _alt_exact(raw["issuer_stops"]) + r")(?![\w])"),
        org_head_re=regex.compile(_alt(raw["org_heads"]) + r"(?![\w])"),
        prep_re=regex.compile(r"[ \t]{0,3},?[ \t]{0,3}(?P<prep>cua|giua)[ \t]{1,3}"),
        agency_line_re=regex.compile(r"^" + _alt(raw["agency_heads"]) + r"[ \t]{1,3}[a-z]"),
        agency_capital_after=frozenset(w.lower() for w in raw["agency_capital_after"]),
        block_openers=tuple(fold(w) for w in raw["header_block_openers"]),
        motto=fold(raw["motto_opening"]),
    )


# -- small helpers ----------------------------------------------------------------------------------
def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _is_upper(s: str) -> bool:
    return bool(_UPPER_RE.search(s)) and not _LOWER_RE.search(s)


def _sentence_case(s: str, keep: frozenset[str] = frozenset()) -> str:
    """ "ỦY BAN NHÂN DÂN XÃ" → "Ủy ban nhân dân xã"; acronyms in ``keep`` ("UBND") stay upper case."""
    words = collapse_ws(s).split(" ")
    out = [w if w in keep else w.lower() for w in words]
    if out and out[0] not in keep:
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def _name_case(s: str) -> str:
    """Place or person name as printed in running text ("DUYÊN HẢI" → "Duyên Hải")."""
    s = collapse_ws(s)
    return s.title() if _is_upper(s) else s


@dataclass(slots=True)
class _Line:
    i: int
    start: int
    end: int
    text: str
    folded: str


class _Doc:
    """Line access plus the regions this stage works in."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.folded = ctx.folded
        self.lines = ctx.norm.lines
        self._line_cache: dict[int, _Line] = {}  # the tail's passes (columns, recipients, signer) share lines
        # a layout dump's page margin is no indent: each line is read from where the margin ends
        self.margin = ctx.layout_margin()
        self.header_end = min(len(self.text), HEADER_DEFAULT_CHARS)
        # the first Roman-numeral heading, from its line opening ("\nI.", "\nII.", "\nPHẦN I"); literal
        # finds plus an anchored match are far cheaper than a regex scan of the first 15,000 characters
        stop = min(len(self.text), HEADER_SCAN_CHARS)
        for p in _literal_hits(self.text, ("\nI", "\nV", "\nPHẦN", "\n I", "\n V"), 0, stop):
            if _ROMAN_HEADING.match(self.text, p + 1):
                self.header_end = p + 1
                break

    def line(self, i: int) -> _Line:
        ln = self._line_cache.get(i)
        if ln is None:
            li = self.lines[i]
            a = li.start
            if self.margin:
                a += margin_cut(self.text[a:li.end], self.margin)
            ln = _Line(i, a, li.end, self.text[a:li.end], self.folded[a:li.end])
            self._line_cache[i] = ln
        return ln

    def header_lines(self) -> list[_Line]:
        """Non-empty lines of the header region (at most ``HEADER_MAX_LINES``), from the plan's own header
        block on: a web page's menus, date and lead paragraph before the issuer's block ("ỦY BAN NHÂN DÂN"
        over "TỈNH ĐẮK NÔNG", or the national motto) are the page's, not the plan's ("Thứ Tư, ngày 15/07/2020",
        a menu item "Thông báo")."""
        out: list[_Line] = []
        openers = vocab().block_openers
        start = None  # index in ``out`` of the first line of the issuer's block or the motto
        numbered = False  # a "Số: …" line came before it: the lines before are the header's own
        for i, li in enumerate(self.lines):
            if li.start >= self.header_end or len(out) >= (start or 0) + HEADER_MAX_LINES:
                break
            if li.end <= li.start:
                continue
            ln = self.line(i)
            if start is None:
                f = ln.folded.strip(" \t*#_|")
                if f.startswith(openers) and _is_upper(ln.text):
                    start = len(out)
                elif f.startswith(("so:", "so ")):
                    numbered = True
            out.append(ln)
            if start is None and len(out) >= _CHROME_MAX_LINES:
                break
        if start is None or numbered:
            return out[:HEADER_MAX_LINES]
        return out[start : start + HEADER_MAX_LINES]


# -- the stage --------------------------------------------------------------------------------------
def extract_header(ctx: DocContext) -> None:
    """Fill every header field of ``ctx``; what cannot be resolved stays None and is warned about."""
    v = vocab()
    doc = _Doc(ctx)
    hlines = doc.header_lines()

    number_line = _extract_number(ctx, v, hlines)
    date_line, place_span, day_month = _extract_date_line(ctx, hlines)
    if number_line is None and date_line is None and (moved := _displaced_header(ctx, doc)):
        number_line = _extract_number(ctx, v, moved)
        date_line, place_span, day_month = _extract_date_line(ctx, moved)
    type_line = _extract_doc_type(ctx, v, hlines)
    article = False
    if type_line is None and ctx.number is None and date_line is None:
        article = _extract_article(ctx, v, hlines)
    if type_line is not None:
        _extract_title(ctx, doc, type_line)
        _attached_title(ctx, v, doc, type_line)
    elif not article:
        _title_from_vv(ctx, hlines)
    if ctx.doc_type is None and ctx.symbol:
        ctx.doc_type = _type_from_symbol(v, ctx.symbol.lower())

    ctx.legal_basis = _extract_legal_basis(ctx, v)
    _extract_period(ctx)
    _extract_issuer(ctx, v, doc, hlines, type_line, place_span, article)
    _extract_tail(ctx, v, doc)

    if ctx.number is None and not article:
        span = (number_line.start, number_line.end) if number_line else None
        ctx.warn("W201", "No document number found (or left blank)." if not number_line
                 else f"Document number left blank: {collapse_ws(number_line.text)!r}.", span)
    if ctx.issued_date is None:
        span = (date_line.start, date_line.end) if date_line else None
        if ctx.issued_year is None:
            msg = "No issue date found."
        elif day_month and date_line is not None:
            msg = f"Issue date {collapse_ws(date_line.text)!r} is not a valid calendar date."
        else:
            msg = f"Issue date has no day or month (year {ctx.issued_year} only)."
        ctx.warn("W202", msg, span)
    if ctx.title is None:
        ctx.warn("W205", "No title found.", None)


_DISPLACED_AROUND = 6  # lines around the displaced "Số: …" line that may hold the date line


def _displaced_header(ctx: DocContext, doc: _Doc) -> list[_Line]:
    """The header table printed after the header region (a script that writes every paragraph first, then
    every table): the lines around a "Số: …" line that holds the national motto too ("Số: 27/KH-UBND<TAB>CỘNG
    HÒA XÃ HỘI …", the table's two columns on one row). Empty when the document has no such line."""
    motto = vocab().motto
    pos = ctx.folded.find(motto, doc.header_end)
    while pos >= 0:
        i = ctx.line_of(pos)
        ln = doc.line(i)
        if ln.folded.lstrip(" \t*|").startswith(("so:", "so ")):
            lo, hi = max(0, i - _DISPLACED_AROUND), min(len(doc.lines), i + _DISPLACED_AROUND + 1)
            return [doc.line(k) for k in range(lo, hi) if doc.lines[k].end > doc.lines[k].start]
        pos = ctx.folded.find(motto, pos + len(motto))
    return []


# -- number, date line, doc type, title -------------------------------------------------------------
def _extract_number(ctx: DocContext, v: HeaderVocab, hlines: list[_Line]) -> _Line | None:
    for ln in hlines:
        if "so" not in ln.folded:
            continue
        m = v.number_line_re.search(ln.folded)
        if not m:
            continue
        sym = ln.text[m.start("sym"):m.end("sym")]
        if not _UPPER_RE.match(sym):
            continue
        if m.group("n") is None and not m.group("sep") and "-" not in sym and "/" not in sym:
            continue  # "… ở cấp cơ sở: Phòng Nội vụ …": a symbol is a code ("KH-UBND"), or follows a number
        ctx.symbol = sym
        if m.group("n") is not None and m.group("sep"):
            ctx.number = _WS_RE.sub("", ln.text[m.start("n"):m.end("sym")])
        return ln
    return None


def _extract_date_line(ctx: DocContext, hlines: list[_Line]) -> tuple[_Line | None, tuple[int, int] | None, bool]:
    """The "<place>, ngày … tháng … năm …" line: sets issued_date/year; returns the line, the place span and
    whether day and month were filled in (a filled-in date that is no calendar date is a different warning)."""
    for ln in hlines:
        if "ngay" not in ln.folded:
            continue
        f = ocr_date_digits(ln.folded)  # "ngày O9 tháng 5 năm 2024": OCR's "O" for "0" (same length)
        m = _DATE_LINE_RE.search(f)
        nm = None if m else _DATE_LINE_NUMERIC_RE.search(f)
        if not m and not nm:
            continue
        hit = m or nm
        assert hit is not None
        if m:
            y = int(m.group("y"))
            d = _digits(m.group("d"))
            mo = _digits(m.group("m"))
        else:
            assert nm is not None
            y, mo, d = int(nm.group("y")), int(nm.group("m")), int(nm.group("d"))
        if not 1900 <= y <= 2100:
            continue
        ctx.issued_year = y
        if d is not None and mo is not None:
            ctx.issued_date = _iso(y, mo, d)
        return ln, _place_span(ln, hit.start()), d is not None and mo is not None
    return None, None, False


def _digits(s: str) -> int | None:
    s = "".join(ch for ch in s if ch.isdigit())
    return int(s) if s else None


def _place_span(ln: _Line, comma: int) -> tuple[int, int] | None:
    """Span of the place before the date line's comma: the trailing capitalised words ("Tam Xuân I",
    "Bà Rịa - Vũng Tàu"), a ward or district number ("Quận 3"), never the number line before it."""
    before = ln.text[:comma]
    # a rule glued to the place ("Hạnh phúc---------------Cà Mau, ngày …", an HTML page's cells run together
    # when its tags are stripped) ends what comes before it
    rule = before.rfind("---")
    rule = max(rule, before.rfind("___"), before.rfind("==="))
    start = rule + 3 if rule >= 0 else 0
    while start < len(before) and before[start] in "-_=":
        start += 1
    words = list(_PLACE_WORD_RE.finditer(before, start))
    keep: list[regex.Match[str]] = []
    for w in reversed(words):
        tok = w.group()
        if len(keep) >= 6:
            break
        if tok in ("-", "–"):
            if keep:
                keep.append(w)
                continue
            break
        if tok.isdigit() and len(tok) <= 2 and not keep:
            keep.append(w)  # "Quận 3", "Phường 5"
            continue
        if not _UPPER_RE.match(tok) or any(ch.isdigit() for ch in tok) or ln.folded[w.start():w.end()] in ("so", "so:"):
            break
        keep.append(w)
    while keep and keep[-1].group() in ("-", "–"):
        keep.pop()
    if not keep or (len(keep) == 1 and keep[0].group().isdigit()):
        return None
    s, e = keep[-1].start(), keep[0].end()
    return ln.start + s, ln.start + e


def _strip_unit(v: HeaderVocab, text: str, folded: str,
                span: tuple[int, int]) -> tuple[str | None, tuple[int, int]]:
    """ "TX. Duyên Hải" → ("thị xã", span of "Duyên Hải"); a bare name is returned unchanged.

    The unit word is matched folded, so a place whose first word folds to one ("Xà Bang", "Huyên …") is
    told apart by its marks: a written word with marks must be the unit word itself."""
    f = folded[span[0]:span[1]]
    m = v.unit_prefix_re.match(f)
    if not m or m.end() >= len(f):
        return None, span
    unit = v.unit_canon.get(collapse_ws(m.group("unit")).rstrip("."))
    written = collapse_ws(text[span[0] + m.start("unit"):span[0] + m.end("unit")]).lower().rstrip(".")
    if unit is not None and written != fold(written) and written != unit:
        return None, span
    return unit, (span[0] + m.end(), span[1])


def _clean_line(f: str) -> str:
    return collapse_ws(f.strip(" \t*#:_-–.")).strip()


def _extract_doc_type(ctx: DocContext, v: HeaderVocab, hlines: list[_Line]) -> tuple[_Line, int] | None:
    """The doc-type line ("KẾ HOẠCH", "KÉ HOẠCH"): the line, and the offset where its title part starts."""
    for ln in hlines:
        lead = len(ln.folded) - len(ln.folded.lstrip(" \t*#_"))
        f = ln.folded[lead:]
        m = v.doc_type_re.match(f)
        if not m:
            continue
        rest = f[m.end():]
        raw_type = ln.text[lead:lead + m.end()]
        if _clean_line(rest) == "":
            pass  # the whole line is the type, any case
        elif not _is_upper(raw_type) or not rest[:1].isspace():
            continue
        canon = v.doc_types[collapse_ws(m.group("type"))]
        ctx.doc_type = canon
        title_start = ln.start + lead + m.end()
        return ln, title_start
    return None


def _extract_title(ctx: DocContext, doc: _Doc, type_line: tuple[_Line, int]) -> None:
    """Subject line(s) after the doc-type line, joined; a blank line or the preamble ends them."""
    ln, title_start = type_line
    parts: list[str] = []
    rest = ctx.text[title_start:ln.end].strip(" \t*#_:")
    if rest:
        parts.append(rest)
    title = collapse_ws(" ".join(_subject_lines(doc, ln.i + 1, parts, doc.header_end))).strip(" :")
    if title and len(title) <= 600:
        ctx.title = title


# an index's acronym alone on a subject line ("… hành chính công cấp tỉnh" / "(PAPI)" / "tỉnh … năm 2023")
_ACRONYM_LINE = regex.compile(r"\(\s{0,3}[A-Z]{2,12}(?:[\s\-,/]{1,3}[A-Z]{2,12}){0,3}\s{0,3}\)")


def _subject_lines(doc: _Doc, i: int, parts: list[str], limit: int) -> list[str]:
    """``parts`` and the subject lines from line ``i`` on (up to offset ``limit``)."""
    n = len(doc.lines)
    # skip blank lines and separators before the first subject line
    while i < n and not parts:
        cur = doc.line(i)
        if cur.start >= limit:
            break
        c = _clean_line(cur.folded)
        if c == "" or _SEPARATOR_RE.fullmatch(c):
            i += 1
            continue
        if c.startswith(("can cu", "kinh gui")):
            break  # straight into the preamble: no subject line
        parts.append(cur.text.strip(" \t*#_"))
        i += 1
    while i < n and parts and len(parts) < 4:
        cur = doc.line(i)
        c = _clean_line(cur.folded)
        if not c and i + 2 < n and _clean_line(doc.line(i + 1).folded) != "":
            # a subject printed as two paragraphs, the second going on in lower case
            # ("__Cải thiện … (PAPI)__" / "__trên địa bàn thị xã Ninh Hòa năm 2024__")
            nxt = doc.line(i + 1)
            t = nxt.text.strip(" \t*#_")
            if t[:1].islower() and nxt.start < limit and not _TITLE_STOP.match(_clean_line(nxt.folded)):
                i += 1
                continue
        if not c or cur.start >= limit or _TITLE_STOP.match(c):
            break
        if _is_upper(cur.text) and not _is_upper(parts[-1]) and not _ACRONYM_LINE.fullmatch(cur.text.strip(" \t*#_")):
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN …" under a decision's subject: the enacting authority
        parts.append(cur.text.strip(" \t*#_"))
        i += 1
    return parts


ATTACHED_WINDOW = 10  # lines above the body where an attached plan's "KẾ HOẠCH" line may stand


def _attached_title(ctx: DocContext, v: HeaderVocab, doc: _Doc, type_line: tuple[_Line, int] | None) -> None:
    """A decision that issues a plan attached after its signature: the title is the plan's subject
    (the outline starts the body after the plan's title block, so its "KẾ HOẠCH" line is just above)."""
    if ctx.body_start <= 0 or ctx.body_start >= len(ctx.text):
        return
    bl = ctx.line_of(ctx.body_start)
    for i in range(bl - 1, max(-1, bl - 1 - ATTACHED_WINDOW), -1):
        ln = doc.line(i)
        if type_line is not None and i <= type_line[0].i:
            return
        f = ln.folded.strip(" \t*#_:")
        m = v.doc_type_re.match(f)
        if m is None or _clean_line(f[m.end():]):
            continue
        title = collapse_ws(" ".join(_subject_lines(doc, i + 1, [], ctx.body_start))).strip(" :")
        if title and len(title) <= 600:
            ctx.title = title
        return


def _title_from_vv(ctx: DocContext, hlines: list[_Line]) -> None:
    """A công văn has no doc-type line; its subject is the "V/v …" line."""
    for ln in hlines:
        f = ln.folded.lstrip(" \t*#_")
        if f.startswith(("v/v", "ve viec")):
            lead = len(ln.folded) - len(f)
            off = 3 if f.startswith("v/v") else 0
            t = collapse_ws(ln.text[lead + off:]).strip(" :")
            if t:
                ctx.title = t
            return


def _type_from_symbol(v: HeaderVocab, sym_folded: str) -> str | None:
    """Doc type from a symbol ("kh-ubnd" → Kế hoạch, "qd/tw" → Quyết định, "ubnd-nc" → Công văn)."""
    parts = _SYMBOL_SPLIT_RE.split(sym_folded)
    for p in parts[:2]:
        t = v.symbol_types.get(p)
        if t:
            return t
        stripped = p.rstrip("0123456789")
        if stripped != p and v.symbol_types.get(stripped):
            return v.symbol_types[stripped]
    if parts and parts[0] in v.symbol_issuers:
        return "Công văn"
    return None


# -- news articles ----------------------------------------------------------------------------------
def _extract_article(ctx: DocContext, v: HeaderVocab, hlines: list[_Line]) -> bool:
    """A portal article: an update-date line ("Ngày cập nhật 04/08/2021"), its headline just above."""
    for k, ln in enumerate(hlines):
        m = v.article_date_re.match(ln.folded)
        if not m:
            continue
        y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if not 1900 <= y <= 2100:
            continue
        ctx.doc_type = v.article_doc_type
        ctx.issued_year = y
        ctx.issued_date = _iso(y, mo, d)
        for prev in reversed(hlines[:k]):
            c = _clean_line(prev.folded)
            if not c:
                continue
            if any(c.startswith(ch) for ch in v.chrome) or len(c) < 15 or c[-1:].isdigit() and len(c) < 40:
                break
            ctx.title = collapse_ws(prev.text).strip(" *#")
            break
        return True
    return False


# -- period -----------------------------------------------------------------------------------------
def _years(f: str) -> tuple[list[tuple[int, int]], list[int], int | None]:
    ranges = [(int(a), int(b)) for a, b in _YEAR_RANGE_RE.findall(f)]
    ranges += [(int(a), int(b)) for a, b in _YEAR_FROM_TO_RE.findall(f)]
    ranges = [(a, b) for a, b in ranges if a <= b]
    until_m = _YEAR_UNTIL_RE.search(f)
    until = int(until_m.group(1)) if until_m else None
    singles = [int(y) for y in _YEAR_RE.findall(f)]
    in_ranges = {y for r in ranges for y in r}
    singles = [y for y in singles if y not in in_ranges and y != until]
    return ranges, singles, until


def _extract_period(ctx: DocContext) -> None:
    """Years the plan covers, read from its title ("năm 2021 và giai đoạn 2021-2025" → 2021–2025).

    A year earlier than the issue year names the PAPI results being remedied, not the plan's period
    ("khắc phục … kết quả PAPI năm 2020" issued in 2021 covers 2021), so such years are dropped, and the
    issue year stands in when nothing else is left. A title without a year gives no period.
    """
    if not ctx.title or not _YEAR_RE.search(ctx.title):
        return
    issued = ctx.issued_year
    ranges, singles, until = _years(fold(ctx.title))
    # a report ("Báo cáo kết quả thực hiện Kế hoạch … năm 2020 và phương hướng, nhiệm vụ năm 2021") covers the year it
    # reports on as well as the year it plans: its earlier years stay
    back = 10 if ctx.is_report else 0
    years: list[int] = []
    for a, b in ranges:
        if issued is None or b >= issued - back:
            years += [a, b]
    years += [y for y in singles if issued is None or issued - back <= y <= issued + 10]
    if until is not None and issued is not None and until >= issued:  # "đến năm 2030"
        years += [issued, until]
    if years:
        ctx.period = Period(start_year=min(years), end_year=max(years))
    elif (ranges or singles or until) and issued is not None:
        ctx.period = Period(start_year=issued, end_year=issued)


# -- legal basis ------------------------------------------------------------------------------------
def _extract_legal_basis(ctx: DocContext, v: HeaderVocab) -> list[Reference]:
    """Every numbered document cited anywhere in the plan's text, each number once (first occurrence); a web
    page's trailing chrome ("Các tin khác: Quyết định số 1050/QĐ-UBND …") is not the plan's, in its HTML or copied as
    text."""
    text, folded = ctx.text, ctx.folded
    own = fold(ctx.number) if ctx.number else None
    seen: set[str] = set()
    refs: list[Reference] = []
    if ctx.norm.format == "html":
        end = trailing_chrome_start(folded, max(ctx.body_start, 0))
    else:
        # a page copied as text from a browser: its chrome ("Các văn bản khác: …") comes after the signature
        end = trailing_chrome_start(folded, ctx.body_end) if ctx.body_end >= 0 else len(folded)
    for m in _numbers(folded[:end] if end < len(folded) else folded):
        if not _UPPER_RE.match(text[m.start("sym")]):
            continue
        cited = _cited_type(v, folded, m.start())
        if cited is None:
            continue
        type_folded, start, colon = cited
        number = text[m.start():m.end()]
        k = m.group()  # the folded number
        if k == own or k in seen:
            continue
        if type_folded is not None:
            doc_type: str | None = v.legal_types[type_folded]
        elif colon:
            continue  # "Số: 72/KH-UBND" is a header number line, not a citation
        else:
            doc_type = _type_from_symbol(v, m.group("sym"))
            if doc_type is None:
                continue
        end = m.end()
        date = None
        dm = _REF_DATE_RE.match(folded, end)
        at = 0
        if dm is None:
            # "ngày l5/7/2021": OCR's "l" for "1", read in a window after the number (same length, so offsets hold)
            window = folded[end : end + _REF_DATE_WINDOW]
            fixed = ocr_date_digits(window)
            if fixed != window:
                dm, at = _REF_DATE_RE.match(fixed), end
        if dm:
            if dm.group("y"):
                date = _iso(int(dm.group("y")), int(dm.group("m")), int(dm.group("d")))
            else:
                date = _iso(int(dm.group("y2")), int(dm.group("m2")), int(dm.group("d2")))
            end = at + dm.end()
        issuer, iss_end = _forward_issuer(ctx, v, end)
        if issuer is not None:
            end = iss_end
        else:
            issuer = _backward_issuer(ctx, v, start)
        seen.add(k)
        refs.append(Reference(doc_type=doc_type, number=number, date=date, issuer=issuer,
                              raw=text[start:end], span=(start, end)))
    return refs


def _cited_type(v: HeaderVocab, folded: str, pos: int) -> tuple[str | None, int, bool] | None:
    """What introduces the number at ``pos``: "<type> [số]" or a bare "số".

    Returns (folded type or None for a bare "số", start offset of the citation, whether "số" had a colon).
    ``str.endswith`` on the few words before the number; a ``$``-anchored regex search would retry
    every start position of the window.
    """
    lo = max(0, pos - 48)
    w = folded[lo:pos].rstrip(" \t\n")  # ("Công văn số" / "1265/SNV-CCHC": a line wrapped before the number)
    colon = w.endswith(":")
    if colon:
        w = w[:-1].rstrip(" \t")
    so = w.endswith("so") and (len(w) == 2 or not w[-3].isalnum())
    if so:
        so_start = lo + len(w) - 2
        w = w[:-2].rstrip(" \t")
    if w.endswith(v.legal_type_keys):
        for t in v.legal_type_keys:
            if w.endswith(t) and (len(w) == len(t) or not w[-len(t) - 1].isalnum()):
                return t, lo + len(w) - len(t), colon
    if so:
        return None, so_start, colon
    return None


def _numbers(folded: str) -> list[regex.Match[str]]:
    """Document numbers, found from the "/" every one of them has.

    State numbers put it after the digits ("72/KH-UBND", "42/2022/NĐ-CP"), party numbers after the type
    code ("65-QĐ/TW"). Locating the slashes with ``str.find`` and matching the number where it must
    start is several times faster than letting a regex scan the whole text.
    """
    starts: set[int] = set()
    n = len(folded)
    i = folded.find("/")
    while i >= 0:
        if 0 < i < n - 1 and folded[i + 1].isalnum():
            j = i - 1
            if (folded[j].isalpha() and j > 0 and folded[j - 1].isdigit() and folded[i + 1].isalpha()
                    and (j < 2 or not folded[j - 2].isalpha())):
                j -= 1  # "30c/nq-cp": the letter after the digits is part of the number
            if folded[j].isdigit() and folded[i + 1].isalpha():  # "72/kh-ubnd", "2022/nd-cp"
                while j > 0 and folded[j - 1].isdigit():
                    j -= 1
                if i - j == 4 and j > 1 and folded[j - 1] == "/" and folded[j - 2].isdigit():
                    j -= 1  # "42/2022/NĐ-CP": the number starts before the year
                    while j > 0 and folded[j - 1].isdigit():
                        j -= 1
                starts.add(j)
            elif folded[j].isalpha():  # "65-qd/tw": back over the type code to "<digits>-"
                k = j
                while k > 0 and i - k < 13 and folded[k - 1].isalnum():
                    k -= 1
                if k > 1 and folded[k - 1] == "-" and folded[k - 2].isdigit():
                    k -= 1
                    while k > 0 and folded[k - 1].isdigit():
                        k -= 1
                    starts.add(k)
        i = folded.find("/", i + 1)
    out = []
    for j in sorted(starts):
        m = _NUMBER_RE.match(folded, j)
        if m:
            out.append(m)
    return out


def _forward_issuer(ctx: DocContext, v: HeaderVocab, pos: int) -> tuple[str | None, int]:
    """ "… của <issuer> về …": the issuer phrase and where it ends.

    The phrase runs to the first punctuation or stop word ("về", "hướng dẫn", "tại"), at most 12 words;
    after "giữa" a comma may also list joint issuers ("giữa Bộ Tư pháp, Bộ Công an, Bộ Y tế").
    """
    text, folded = ctx.text, ctx.folded
    pm = v.prep_re.match(folded, pos)
    if not pm:
        return None, pos
    start = pm.end()
    if not _UPPER_RE.match(text, start):
        return None, pos
    joint = pm.group("prep") == "giua"
    limit = min(len(text), start + ISSUER_MAX_CHARS)
    end = start
    while True:  # one comma-separated part per turn (more than one only for a joint document)
        stop = _ISSUER_PUNCT_RE.search(text, end, limit)
        part_end = stop.start() if stop else limit
        low = text[end:part_end].lower()
        sm = v.issuer_stop_search_re.search(low, 1)
        if sm:
            part_end = end + sm.start()
        end = part_end
        if sm or stop is None or stop.group() != "," or not joint:
            break
        nxt = _NEXT_WORD_RE.match(text, stop.end())
        if not nxt or not v.org_head_re.match(folded, nxt.end()) or not _UPPER_RE.match(text, nxt.end()):
            break
        end = stop.end()
    raw = text[start:end].rstrip()
    words = list(_WORD_RUN_RE.finditer(raw))
    if len(words) > 12:
        raw = raw[: words[11].end()]
    issuer = collapse_ws(raw)
    return (issuer or None), start + len(raw)


def _backward_issuer(ctx: DocContext, v: HeaderVocab, type_start: int) -> str | None:
    """ "… của <issuer> tại <citation>": the issuer stated before the citation."""
    lo = max(0, type_start - 140)
    w = ctx.folded[lo:type_start].rstrip()
    if not (w.endswith(" tai") or w.endswith("\ntai")):
        return None
    w = w[:-3]
    cut = max(w.rfind("cua "), w.rfind("giua "))
    if cut < 0 or (cut > 0 and w[cut - 1].isalnum()):
        return None
    s = lo + w.index(" ", cut) + 1
    raw = ctx.text[s:lo + len(w)].strip()
    if not raw or "," in raw or "." in raw or ";" in raw or ")" in raw or not _UPPER_RE.match(raw):
        return None
    f = collapse_ws(fold(raw))
    if not v.org_head_re.match(f) or len(f.split()) > 10:
        return None
    return collapse_ws(raw)


# -- issuer, province, place ------------------------------------------------------------------------
@dataclass(slots=True)
class _IssuerHit:
    unit_type: str  # canonical unit word
    name: str | None  # locality or province name as written
    span: tuple[int, int]
    name_span: tuple[int, int] | None = None
    body: str | None = None  # a Party committee's own words ("Huyện ủy"), which name it instead of the UBND's


def _name_after(text: str, folded: str, pos: int, limit: int, v: HeaderVocab,
                upper_line: bool) -> tuple[int, int] | None:
    """Span of the place name right after a unit word: capitalised words (all words in an upper-case line)."""
    end = pos
    first = None
    count = 0
    for tok in _NAME_WORD_RE.finditer(text[pos:limit]):
        s, e = pos + tok.start(), pos + tok.end()
        gap = text[end:s]
        if first is not None and ("\n" in gap or "\t" in gap or len(gap.replace("-", "").replace("–", "")) >= 3):
            break
        if v.header_stop_re.match(folded, s):
            break
        w = tok.group()
        if w in ("-", "–"):
            if first is None:
                break
            continue  # "BÀ RỊA - VŨNG TÀU"
        if not (w[:1].isupper() or w[:1].isdigit()):
            break
        if upper_line and not _is_upper(w) and not w[:1].isdigit():
            break
        if first is None:
            first = s
        end = e
        count += 1
        if count >= 5:
            break
    if first is None:
        return None
    raw = text[first:end].rstrip(".-–")
    return (first, first + len(raw)) if raw else None


def _left_column(line: str) -> str:
    """The left column of a two-column header line ("ỦY BAN NHÂN DÂN      Độc lập - Tự do - Hạnh phúc"):
    plain-text copies of the formal header keep both columns on one line (split as the tail's lines are)."""
    cut = _column_split(line)
    return line[:cut].rstrip(" \t") if cut is not None else line


def _header_issuers(ctx: DocContext, v: HeaderVocab, hlines: list[_Line], stop_line: int | None) -> list[_IssuerHit]:
    """Issuer lines at the top ("ỦY BAN NHÂN DÂN" / "TỈNH AN GIANG", "UBND HUYỆN CHÂU THÀNH"), top-down."""
    hits: list[_IssuerHit] = []
    text, folded = ctx.text, ctx.folded
    for k, ln in enumerate(hlines):
        if stop_line is not None and ln.i >= stop_line:
            break
        m = v.issuer_line_re.match(ln.folded)
        unit_pos = None
        lower: _Line | None = None  # "ỦY BAN NHÂN DÂN" / "HUYỆN TRẦN ĐỀ" / "XÃ THẠNH THỚI AN": the unit under the unit
        if m:
            unit_pos = (ln.start + m.start("unit"), ln.start + m.end("unit"))
        elif v.issuer_head_only_re.match(left := _left_column(ln.folded)) and k + 1 < len(hlines):
            nxt = hlines[k + 1]
            um = v.unit_line_re.match(nxt.folded)
            if um:
                if k + 2 < len(hlines) and v.unit_line_re.match(hlines[k + 2].folded):
                    lower = hlines[k + 2]
                unit_pos = (nxt.start + um.start("unit"), nxt.start + um.end("unit"))
                # with the motto beside the head, the span starts at the unit (it must not cover the motto)
                start = ln.start if len(left) == len(ln.folded) else unit_pos[0]
                ln = _Line(ln.i, start, nxt.end, text[start:nxt.end], folded[start:nxt.end])
        body: str | None = None
        if unit_pos is None and v.party_line_re is not None and (pm := v.party_line_re.match(ln.folded)) is not None:
            body, unit_word = v.party_issuers[collapse_ws(pm.group("party"))]
            w_end = ln.start + pm.end("party")
            ns = _name_after(text, folded, w_end, text.find("\n", w_end) if "\n" in text[w_end:] else len(text), v,
                             _is_upper(text[ln.start + pm.start("party") : w_end]))
            hits.append(_IssuerHit(unit_word, text[ns[0] : ns[1]] if ns else None, (ln.start, ns[1] if ns else w_end),
                                   ns, body))
            continue
        if unit_pos is None:
            continue
        line_end = text.find("\n", unit_pos[1])
        line_end = len(text) if line_end < 0 else line_end
        # the superior and the issuer run together on one line ("UBND THÀNH PHỐ ĐIỆN BIÊN PHỦ ỦY BAN NHÂN DÂN
        # PHƯỜNG THANH BÌNH Số: 27/KH-UBND", a page extractor's paragraph): each is a hit of its own
        segments: list[tuple[int, tuple[int, int], int]] = [(ln.start, unit_pos, line_end)]
        nxt_head = v.issuer_head_re.search(folded, unit_pos[1], line_end) if m else None
        # (or a cell's lines joined by "; ", the issuer in ordinary or title case under its superior in capitals:
        # "UBND HUYỆN PHÚ LƯƠNG; Ủy Ban Nhân Dân Xã Động Đạt")
        if nxt_head is not None and (_is_upper(text[nxt_head.start() : nxt_head.end()])
                                     or folded[unit_pos[1] : nxt_head.start()].rstrip().endswith(";")):
            h = nxt_head.start()
            segments = [(ln.start, unit_pos, h), (h, (nxt_head.start("unit"), nxt_head.end("unit")), line_end)]
        for seg_start, (ua, ub), seg_end in segments:
            unit = v.unit_canon.get(folded[ua:ub].rstrip(".").replace("\t", " "))
            unit = unit or v.unit_canon.get(collapse_ws(folded[ua:ub]).rstrip("."))
            if unit is None:
                continue
            upper = _is_upper(text[ua:ub])
            ns = _name_after(text, folded, ub, seg_end, v, upper)
            name = text[ns[0]:ns[1]] if ns else None
            end = ns[1] if ns else ub
            hits.append(_IssuerHit(unit, name, (seg_start, end), ns))
        if lower is not None and (lm := v.unit_line_re.match(lower.folded)) is not None:
            # the issuer is the lower unit, its superior named above it in the same block (a commune's header)
            ua, ub = lower.start + lm.start("unit"), lower.start + lm.end("unit")
            unit = v.unit_canon.get(collapse_ws(folded[ua:ub]).rstrip("."))
            if unit is not None:
                ns = _name_after(text, folded, ub, lower.end, v, _is_upper(text[ua:ub]))
                hits.append(_IssuerHit(unit, text[ns[0]:ns[1]] if ns else None, (lower.start, ns[1] if ns else ub), ns))
    return hits



def _body_issuer(ctx: DocContext, v: HeaderVocab, start: int,
                 count: bool) -> tuple[_IssuerHit | None, Counter[str]]:
    """The body's own author ("Ủy ban nhân dân thị xã xây dựng kế hoạch", "UBND xã Nhật Tân ban hành").

    With ``count``, also counts every "UBND <unit>" mention (not "UBND các …") when no verb names the author.
    """
    text, folded = ctx.text, ctx.folded
    stop = min(len(text), start + ISSUER_SCAN_CHARS)
    counts: Counter[str] = Counter()
    for p in _literal_hits(folded, ("ubnd ", "uy ban nhan dan "), start, stop):
        m = v.issuer_head_re.match(folded, p)
        if not m:
            continue
        unit = v.unit_canon.get(collapse_ws(m.group("unit")).rstrip("."))
        if unit is None:
            continue
        before = text[max(0, p - 8):p].lower().split()  # original spelling: folded, "do" would also be "đó"
        if before and before[-1] in v.issuer_not_after:
            continue  # "của UBND tỉnh yêu cầu …", "được UBND tỉnh giao": a superior, not the author
        if count:
            counts[unit] += 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        ns = _name_after(text, folded, m.end(), min(line_end, m.end() + 80), v, False)
        after = ns[1] if ns else m.end()
        if v.issuer_verb_re.match(folded, after):
            name = text[ns[0]:ns[1]] if ns else None
            return _IssuerHit(unit, name, (m.start(), after), ns), counts
    return None, counts


def _province_mentions(ctx: DocContext, v: HeaderVocab, g: Gazetteer, start: int,
                       stop: int) -> list[tuple[int, int, int]]:
    """ "tỉnh Trà Vinh", "thành phố Hà Nội" mentions resolved to province codes: (code, start, end)."""
    text, folded = ctx.text, ctx.folded
    out: list[tuple[int, int, int]] = []
    for p in _literal_hits(folded, ("tinh ", "thanh pho ", "tp"), start, stop):
        nxt = text[p + 5:p + 6] if folded[p] == "t" and folded[p + 1] == "i" else ""
        if nxt and not nxt.isupper():
            continue  # "tỉnh ủy", "tỉnh về": not a province name (the common case, rejected cheaply)
        m = v.province_mention_re.match(folded, p)
        if not m or not _UPPER_RE.match(text, m.end()):
            continue
        p = m.end()
        toks = list(_FOLDED_WORD_RE.finditer(folded, p, p + 40))[: g.max_province_words]
        words = [t.group() for t in toks]
        for n in range(len(words), 0, -1):
            code = g.province_keys.get(" ".join(words[:n]))  # == gazetteer.key() of the span
            if code is not None:
                out.append((code, p, toks[n - 1].end()))
                break
    return out


def _literal_hits(s: str, literals: tuple[str, ...], start: int, stop: int) -> Iterator[int]:
    """Offsets of the literals in ``s[start:stop]``, in order, found lazily with C-speed ``str.find``.

    Each literal's next hit is searched only up to the nearest hit found so far and remembered, so the
    range is scanned about once per literal, and a caller that stops at its first hit pays for a prefix.
    """
    nxt: dict[str, int | None] = dict.fromkeys(literals)  # next hit; -1: none before stop; None: unknown
    pos = start
    while True:
        best = stop
        for lit in literals:
            i = nxt[lit]
            if i is None or 0 <= i < pos:
                i = s.find(lit, pos, min(stop, best + len(lit)))
                if i < 0:
                    i = -1 if best >= stop else None
                nxt[lit] = i
            if i is not None and 0 <= i < best:
                best = i
        if best >= stop:
            return
        yield best
        pos = best + 1


_COLUMN_GAP_RE = regex.compile(r"[ ]{2,}|\t")


def _column_split(text: str) -> int | None:
    """Offset where the right column starts in a two-column line flattened to text ("- Sở Nội vụ;   KT. CHỦ
    TỊCH"): the widest run of 2+ spaces or a tab between two non-blank parts (ties: the first)."""
    best: tuple[int, int] | None = None  # (width, end of the gap)
    lead = len(text) - len(text.lstrip(" \t"))
    for m in _COLUMN_GAP_RE.finditer(text, lead):
        e = m.end()
        while e < len(text) and text[e] in " \t":
            e += 1
        if e >= len(text) or m.start() <= lead:
            continue
        w = e - m.start() + (4 if "\t" in text[m.start():e] else 0)
        if best is None or w > best[0]:
            best = (w, e)
    return best[1] if best else None


def _agency_case(v: HeaderVocab, s: str) -> str:
    """ "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" → "Sở Tài nguyên và Môi trường" (written as in running text)."""
    s = collapse_ws(s)
    if not _is_upper(s):
        return s
    out: list[str] = []
    cap = True
    for i, w in enumerate(regex.split(r"(?<=,)[ ]?|[ ]", s)):
        if not w:
            continue
        lw = w if w in v.acronyms else w.lower()
        if (cap or i == 1) and lw and w not in v.acronyms:
            lw = lw[:1].upper() + lw[1:]
        out.append(lw)
        cap = lw in v.agency_capital_after or lw.endswith(",") or i == 0
    return " ".join(out).replace(" ,", ",")


def _agency_under(ctx: DocContext, v: HeaderVocab, hlines: list[_Line], hit: _IssuerHit) -> tuple[str, int] | None:
    """The department line right under the committee line ("UBND TỈNH HÀ TĨNH" / "SỞ NỘI VỤ"): its name as
    written in running text, and its end offset."""
    after = [ln for ln in hlines if ln.start >= hit.span[1] and ln.text.strip(" \t*#_")]
    if not after:
        return None
    ln = after[0]
    if ln.i - ctx.line_of(hit.span[1]) > 2:
        return None
    raw = ln.text
    cut = _column_split(raw)
    if cut is not None:
        raw = raw[:cut]
    raw = raw.strip(" \t*#_")
    f = fold(raw)
    if not v.agency_line_re.match(f) or not _is_upper(raw) or len(raw) > 80 or "cong hoa" in f or "doc lap" in f:
        return None
    return _agency_case(v, raw), ln.start + ln.text.find(raw) + len(raw)


def _extract_issuer(ctx: DocContext, v: HeaderVocab, doc: _Doc, hlines: list[_Line],
                    type_line: tuple[_Line, int] | None, place_span: tuple[int, int] | None, article: bool) -> None:
    """Issuer (name, level, unit, locality, province with codes) and the corrected place name."""
    g = gazetteer()
    text = ctx.text
    stop_line = type_line[0].i if type_line else None
    header_hits = _header_issuers(ctx, v, hlines[:20], stop_line)
    place_unit = None
    if place_span:
        place_unit, place_span = _strip_unit(v, text, ctx.folded, place_span)
    place_raw = collapse_ws(text[place_span[0]:place_span[1]]) if place_span else None
    hit: _IssuerHit | None = header_hits[-1] if header_hits else None
    if hit is None:
        hit, unit_counts = _body_issuer(ctx, v, 0, count=article)
        # An article may only ever say "UBND tỉnh …": its most frequent committee is the actor. For a
        # formal plan, mentions alone are too weak (it cites its superiors): the date-line place decides.
        if hit is None and unit_counts:
            hit = _IssuerHit(unit_counts.most_common(1)[0][0], None, (0, 0))
    if hit is None and place_raw is None:
        ctx.warn("W203", "Issuer not found (no issuer line, and the body names no issuing committee).", None)
        return

    # Province candidates: header lines above the issuer, then "tỉnh X" mentions in the text, most
    # frequent first. Mentions are only scanned when the header does not settle the province.
    header_provs: list[int] = []
    superior_district = False
    for h in header_hits[:-1]:
        p = g.province_by_name(h.name) if h.name and h.unit_type in ("tỉnh", "thành phố") else None
        if p:
            header_provs.append(p.code)
        elif h.name and v.level_of.get(h.unit_type) == "district":
            # a superior district ("UBND HUYỆN PHÚ BÌNH" over "XÃ TÂN ĐỨC"): its province, when the name is
            # exact and unique nationwide
            superior_district = True
            sup = g.match_local(h.name, None, h.unit_type, "district")
            if sup is not None and sup.exact and sup.unit.province_code not in header_provs:
                header_provs.append(sup.unit.province_code)
    cand_cache: list[list[int]] = []

    def cands() -> list[int]:
        if not cand_cache:
            mentions = _province_mentions(ctx, v, g, 0, min(len(text), doc.header_end + PROVINCE_SCAN_CHARS))
            counts = Counter(c for c, _, _ in mentions)
            first_pos: dict[int, int] = {}
            for c, s_, _ in mentions:
                first_pos.setdefault(c, s_)
            ranked = sorted(counts, key=lambda c: (-counts[c], first_pos[c]))
            cand_cache.append(header_provs + [c for c in ranked if c not in header_provs])
        return cand_cache[0]

    unit_type = hit.unit_type if hit else None
    name = hit.name if hit else None
    span = hit.span if hit and hit.span != (0, 0) else None
    level = v.level_of.get(unit_type) if unit_type else None
    province: Unit | None = None
    local: Match | None = None
    fuzzy_span: tuple[int, int] | None = None
    fuzzy_province: tuple[tuple[int, int] | None, str] | None = None

    if unit_type is None and place_raw and not article:
        p = g.province_by_name(place_raw)  # no issuer named, the date line gives a province: its UBND
        if p is not None:
            unit_type = p.unit_type
        elif place_unit is not None:
            unit_type = place_unit  # "TX. Duyên Hải, ngày …"
            level = v.level_of.get(unit_type)
    if unit_type in ("tỉnh", "thành phố"):
        p = None
        if name:
            pm = g.match_province(name)
            p = pm.unit if pm else None
            if pm is not None and not pm.exact:
                fuzzy_province = (hit.name_span if hit else None, pm.unit.name)
        elif place_raw and not article:
            p = g.province_by_name(place_raw)
        if p is None and not name and unit_type == "tỉnh" and cands():
            p = g.provinces[cands()[0]]
        if p is not None and (unit_type == "tỉnh" or p.unit_type == "thành phố"):
            province, level = p, "province"
        elif unit_type == "thành phố":
            level = "district"
    # A commune plan issued after the July 2025 reform (no district above it) names a unit of the new
    # two-level system, often one that did not exist before: look there first, by exact name.
    new_local: Match | None = None
    if level == "commune" and (name or place_raw) and not superior_district and _after_reform(ctx):
        new_cands: list[int] = []
        for c in cands():
            new_cands.extend(n for n in g.province_2025.get(c, ()) if n not in new_cands)
        new_local = g.match_new_commune(name or place_raw or "", new_cands, unit_type)
    if new_local is not None:
        local = new_local
    elif level in ("district", "commune") or (unit_type is None and place_raw):
        query = name or place_raw
        if query:
            for c in cands():
                m = g.match_local(query, c, unit_type, level)
                if m is not None and (local is None or (m.exact and not local.exact)):
                    local = m
                if local is not None and local.exact:
                    break
            if local is None:
                local = g.match_local(query, None, unit_type, level)  # nationwide: exact and unique only
                if local is not None and header_provs and local.unit.province_code not in header_provs:
                    # the header's own superior settles the province: a namesake elsewhere is a gap of the
                    # tables ("XÃ THIỆN MỸ" under "HUYỆN TRÀ ÔN" is not the Thiện Mỹ of another province)
                    local = None
            if local is not None:
                province = g.provinces.get(local.unit.province_code)
                unit_type = unit_type or local.unit.unit_type
                level = level or local.unit.level
                if not local.exact:
                    fuzzy_span = hit.name_span if (hit and hit.name) else place_span
        if province is None and cands():
            province = g.provinces[cands()[0]]

    # -- compose the issuer -------------------------------------------------------------------------
    locality = None
    if level == "province":
        loc_name = g.display(province.code) if province else (_name_case(name) if name else None)
    else:
        if local is not None:
            locality = local.unit.name
        elif name:
            locality = _name_case(name)
        elif place_raw and unit_type is not None:
            locality = _name_case(place_raw)
        loc_name = locality
    if hit is not None and hit.body is not None:
        iname = hit.body + (f" {loc_name}" if loc_name else "")  # "Huyện ủy Vị Xuyên", "Đảng ủy xã Tân Lập"
    elif unit_type is not None:
        iname = f"Ủy ban nhân dân {unit_type}" + (f" {loc_name}" if loc_name else "")
    else:
        iname = None
    agency = _agency_under(ctx, v, hlines[:20], hit) if header_hits and hit is header_hits[-1] else None
    if agency is not None and unit_type is not None:
        iname = f"{agency[0]} {unit_type}" + (f" {loc_name}" if loc_name else "")
        if span is not None:
            span = (span[0], agency[1])
    if new_local is not None:
        # the province it belongs to now; its code is that of the pre-2025 province most of it came from
        now = g.new_names.get(new_local.unit.province_code)
        old = g.legacy_province_of(new_local.unit)
        prov_name, prov_code, prov_2025 = now, f"{old:02d}" if old is not None else None, now
    elif province is not None:
        prov_name, prov_code = g.display(province.code), f"{province.code:02d}"
        prov_2025 = g.province_after_2025(province.code, local.unit if local else None)
    else:
        prov_name = prov_code = prov_2025 = None
    ctx.issuer = Issuer(
        name=iname,
        level=level,  # type: ignore[arg-type]
        unit_type=unit_type,  # type: ignore[arg-type]
        locality=locality,
        province=prov_name,
        province_code=prov_code,
        province_2025=prov_2025,
        span=span,
    )
    if (prov_name is None) or (level != "province" and local is None) or unit_type is None:
        what = [] if unit_type else ["the issuing committee's level"]
        if level != "province" and local is None:
            what.append(f"the {unit_type or 'locality'} {loc_name or '?'!s}")
        if prov_name is None:
            what.append("the province")
        ctx.warn("W203", "Could not resolve " + ", ".join(what) + " against the gazetteer.", span)

    # -- the place of the date line, in the gazetteer's spelling -------------------------------------
    fuzzy: list[tuple[tuple[int, int] | None, str]] = []  # (span of the written name, name read)
    if fuzzy_province is not None:
        fuzzy.append(fuzzy_province)
    if local is not None and not local.exact:
        fuzzy.append((fuzzy_span, local.unit.name))
    if place_raw is not None and not article:
        place = _name_case(place_raw)
        pkey = key(place_raw)
        if local is not None and (pkey == local.unit.key or fuzz.ratio(pkey, local.unit.key) >= 80):
            place = _place_name(local.unit)
            if pkey != local.unit.key and fuzzy_span != place_span:
                fuzzy.append((place_span, place))
        elif province is not None and g.province_keys.get(pkey) == province.code:
            place = g.display(province.code)
        elif province is not None:
            pm = g.match_local(place_raw, province.code)
            if pm is not None:
                place = _place_name(pm.unit)
                if not pm.exact:
                    fuzzy.append((place_span, place))
        ctx.place = place
    for fs, corrected in fuzzy:
        written = collapse_ws(text[fs[0]:fs[1]]) if fs else "?"
        ctx.warn("W204", f"Place {written!r} matched the gazetteer only approximately; read as {corrected!r}.", fs)


def _after_reform(ctx: DocContext) -> bool:
    """Issued under the two-level system (from 1 July 2025; a year alone counts from 2026)."""
    if ctx.issued_date is not None:
        return ctx.issued_date >= REFORM_DATE
    return ctx.issued_year is not None and ctx.issued_year > int(REFORM_DATE[:4])


def _place_name(u: Unit) -> str:
    """A unit's name as a place: "Duyên Hải"; a numbered ward or district keeps its word ("Quận 3")."""
    return f"{u.unit_type[:1].upper()}{u.unit_type[1:]} {u.name}" if u.name.isdigit() else u.name


# -- tail: recipients and signer --------------------------------------------------------------------
def _find_recipients_line(doc: _Doc, v: HeaderVocab) -> int | None:
    """Index of the last "Nơi nhận" line (the tail of the plan, before any appendix)."""
    f = doc.folded
    pos = len(f)
    while True:
        pos = f.rfind("noi nhan", 0, pos)
        if pos < 0:
            return None
        i = doc.ctx.line_of(pos)
        ln = doc.line(i)
        if v.recipients_re.match(ln.folded):
            return i


def _is_auth_line(v: HeaderVocab, f: str) -> bool:
    return bool(v.auth_line_re.match(f))


def _is_position_line(v: HeaderVocab, ln: _Line) -> bool:
    if len(ln.folded) > 60:
        return False
    c = _clean_line(ln.folded)
    return c in v.positions and (_is_upper(ln.text) or bool(_UPPER_RE.match(ln.text.strip(" *#"))))


def _split_signature(v: HeaderVocab, ln: _Line) -> int | None:
    """Offset (in the line) where a signature starts inside a recipients line ("- Lưu: VT. TM. ỦY BAN …")."""
    if "." not in ln.folded.rstrip(" \t."):
        return None  # no "TM." inside (the common case: "- Sở Nội vụ;")
    for m in v.authority_re.finditer(ln.folded):
        s = m.start()
        if s > 0 and _is_upper(ln.text[s:m.end()].strip(" .")):
            return s
    return None


def _split_signer_tail(v: HeaderVocab, ln: _Line) -> int | None:
    """Offset (in the line) where a signature's position or signed mark, run onto a recipient by a scan's
    two columns read as one, starts after the recipient's ";" ("- UBND huyện Ba Bể (b/c); CHỦ TỊCH",
    "- TT Đảng ủy, HĐND xã; (Đã ký)"); None when the line holds no such tail."""
    k = ln.folded.rfind(";")
    if k < 0:
        return None
    tail = ln.folded[k + 1 :]
    t = tail.strip()
    if not t or len(t) > 40:
        return None
    s = k + 1 + len(tail) - len(tail.lstrip())
    if _SIGNED_MARK.match(t) or (_clean_line(t) in v.positions and _is_upper(ln.text[s:].strip())):
        return s
    return None


_SIGNED_MARK = regex.compile(r"^\(\s{0,2}da\s{1,2}ky\s{0,2}\)$")


def _extract_tail(ctx: DocContext, v: HeaderVocab, doc: _Doc) -> None:
    """Recipients and signer, from a window of lines around the last "Nơi nhận" (or the end of the text).

    The signature block may stand before the list, after it, or share its lines (two-column layouts
    flattened to text), so the whole window is searched, and an appendix after the tail cuts it off.
    """
    n = len(doc.lines)
    nn = _find_recipients_line(doc, v)
    if nn is None and ctx.body_end > 0:
        lo = ctx.line_of(ctx.body_end)
    elif nn is None:
        lo = max(0, n - 30)
    else:
        lo = max(0, nn - TAIL_WINDOW_BEFORE)
    hi = min(n, (nn if nn is not None else lo) + TAIL_WINDOW_AFTER)
    # an appendix after the tail is not part of it
    for i in range((nn or lo) + 1, hi):
        if doc.folded[doc.lines[i].start:doc.lines[i].end].lstrip(" *#").startswith("phu luc"):
            hi = i
            break
    rec_lines: set[int] = set()
    columns = _two_columns(v, doc, nn, hi) if nn is not None else None
    if columns is not None and nn is not None and v.recipients_re.match(columns[0].line(nn).folded) is None:
        columns = None  # the cut falls left of "Nơi nhận" itself (an indented label): no left column to read
    if columns is not None:  # "Nơi nhận" on the left, the signature on the right, sharing lines
        left, right = columns
        ctx.recipients, _ = _recipients(v, left, nn, hi)  # type: ignore[arg-type]
        ctx.signer = _signer(v, right, lo, hi, set())  # type: ignore[arg-type]
        return
    if nn is not None:
        ctx.recipients, rec_lines = _recipients(v, doc, nn, hi)
    ctx.signer = _signer(v, doc, lo, hi, rec_lines)


@dataclass(slots=True)
class _Span:
    start: int
    end: int


class _ColumnView:
    """The document with the lines of a two-column tail narrowed to one column (offsets stay canonical)."""

    def __init__(self, doc: _Doc, spans: dict[int, tuple[int, int]]) -> None:
        self.ctx = doc.ctx
        self.text = doc.text
        self.folded = doc.folded
        self.lines: list[Any] = list(doc.lines)
        for i, (a, b) in spans.items():
            self.lines[i] = _Span(a, b)

    def line(self, i: int) -> _Line:
        li = self.lines[i]
        return _Line(i, li.start, li.end, self.text[li.start:li.end], self.folded[li.start:li.end])


COLUMN_INDENT = 8  # an unsplit tail line indented this far belongs to the right column


def _two_columns(v: HeaderVocab, doc: _Doc, nn: int, hi: int) -> tuple[_ColumnView, _ColumnView] | None:
    """Left (recipients) and right (signature) views of a tail whose lines hold both columns, split at the
    column gap (2+ spaces or a tab); None when no right-column part is an authority or position line."""
    left: dict[int, tuple[int, int]] = {}
    right: dict[int, tuple[int, int]] = {}
    signature = False
    left_done = False  # the list ended with its "Lưu: …" entry: what follows is the signature's
    sig_col: int | None = None  # where the signature column's lines start
    for i in range(nn, hi):
        ln = doc.line(i)
        if not ln.text.strip():
            continue
        cut = _column_split(ln.text)
        if (cut is None and sig_col is not None and len(ln.text) > sig_col and ln.text[sig_col - 1] == " "
                and ln.text[sig_col] != " " and ln.text[: sig_col - 1].rstrip()[-1:] in ";,."):
            # "- UBND các huyện, thị xã, thành phố; Nguyễn Minh Khôi": an entry run up to the signature column
            # with one space (a text browser pads the left cell to its width), the signer's name after it
            cut = sig_col
        indent = len(ln.text) - len(ln.text.lstrip(" \t"))
        if cut is None and ln.text[:1] == "\t" and signature:
            cut = indent  # "\tĐinh Xuân Hòa": a tab-separated row whose left (recipients') cell is empty
        if cut is None:
            if indent >= COLUMN_INDENT or (left_done and signature):
                left[i] = (ln.start, ln.start)  # "KT. CHỦ TỊCH", the name: under "TM. …" on the right
            else:
                right[i] = (ln.start, ln.start)
            continue
        if _clean_line(ln.folded[:cut]).startswith("luu"):
            left_done = True
        lt = ln.text[:cut].rstrip(" \t")
        left[i] = (ln.start, ln.start + len(lt))
        right[i] = (ln.start + cut, ln.end)
        rl = _Line(i, ln.start + cut, ln.end, ln.text[cut:], ln.folded[cut:])
        if _is_auth_line(v, rl.folded) or _is_position_line(v, rl):
            signature = True
            sig_col = cut
    if not signature:
        return None
    return _ColumnView(doc, left), _ColumnView(doc, right)


# a dash opening the recipients' list or following an entry's ";" inside one line ("- A (b/c); - B; - C.")
_INLINE_ENTRY = regex.compile(r"(?:^|(?<=[;.]))[ \t]{0,3}[-–+•][ \t]{1,3}(?=\S)")


def _recipients(v: HeaderVocab, doc: _Doc, nn: int, hi: int) -> tuple[list[str], set[int]]:
    """The "Nơi nhận" entries, one per line (bullets or ";"-ended lines), and the line indexes they use."""
    out: list[str] = []
    used: set[int] = {nn}
    first = doc.line(nn)
    m = v.recipients_re.match(first.folded)
    assert m is not None
    items: list[str] = []
    rest = first.text[m.end():]
    cut = _split_signature(v, _Line(nn, first.start + m.end(), first.end, rest, first.folded[m.end():]))
    if cut is not None:
        rest = rest[:cut]
    if _clean_line(rest) and not _is_auth_line(v, fold(rest)):
        parts = _INLINE_ENTRY.split(rest.strip())
        if len(parts) > 2 and not parts[0].strip():
            # "Nơi nhận: - UBND thành phố (b/c); - Phòng Nội vụ; - …" on one line (a page extractor's paragraph)
            items.extend(p.strip() for p in parts[1:] if p.strip())
        else:
            items.append(rest)
    beside = cut is not None  # a signature printed beside the list, line by line
    blank_run = 0
    for i in range(nn + 1, hi):
        ln = doc.line(i)
        if not ln.text.strip():
            blank_run += 1
            continue
        if _is_auth_line(v, ln.folded) or _is_position_line(v, ln):
            break
        bullet = _BULLET_RE.match(ln.text)
        c = _clean_line(ln.folded)
        if bullet:
            body = ln.text[bullet.end():]
        elif items and blank_run == 0 and not items[-1].rstrip().endswith((";", ".")) and ln.text[:1].islower():
            items[-1] = items[-1].rstrip() + " " + ln.text.strip()  # wrapped entry
            used.add(i)
            continue
        elif ln.text.rstrip().endswith((";", ".")) or c.startswith("luu"):
            body = ln.text
        else:
            break
        blank_run = 0
        cut = _split_signature(v, ln)
        if cut is not None:
            body = ln.text[len(ln.text) - len(body):cut] if cut > len(ln.text) - len(body) else ""
        elif (tail := _split_signer_tail(v, ln)) is not None and tail > len(ln.text) - len(body):
            body = ln.text[len(ln.text) - len(body):tail]  # the list goes on: only the signature's piece is cut
        elif beside and (tail := _name_tail(ln)) is not None and tail > len(ln.text) - len(body):
            body = ln.text[len(ln.text) - len(body):tail]  # the signer's name printed beside the list
        beside = beside or cut is not None
        items.append(body)
        used.add(i)
        if c.startswith("luu") or (cut is not None and not _list_goes_on(doc, i + 1, hi)):
            break  # (a list printed beside the signature, each line holding a piece of both, goes on)
    for it in items:
        r = _clean_recipient(v, it)
        if r:
            out.append(r)
    return out, used


def _list_goes_on(doc: _Doc, i: int, hi: int) -> bool:
    """The next non-blank line (before ``hi``) is another bulleted recipient."""
    while i < hi:
        t = doc.line(i).text
        if t.strip():
            return _BULLET_RE.match(t) is not None
        i += 1
    return False


def _name_tail(ln: _Line) -> int | None:
    """Offset (in the line) of a person's name run onto a recipient after its ";" ("- Báo Bình Định; Võ Minh
    Khiêm": the signer's name printed beside the list), or None."""
    k = ln.text.rfind(";")
    if k < 0:
        return None
    tail = ln.text[k + 1 :].strip(" \t*_")
    if not _NAME_LINE_RE.match(tail) or _is_upper(tail) or len(tail.split()) > 4 or has_known_head(tail):
        return None
    return ln.text.find(tail, k + 1)


def _clean_recipient(v: HeaderVocab, s: str) -> str:
    """Drop the bullet, the trailing ";"/"." and delivery notes such as "(b/c)", "(email)", "(Biết)"."""
    s = _BULLET_RE.sub("", s).strip()
    for _ in range(3):
        s = s.rstrip(" \t;.,")
        m = _PAREN_TAIL_RE.search(s)
        if not m:
            break
        inner = collapse_ws(fold(m.group(1)))
        if inner in v.recipient_suffixes or _XY_ABBREV_RE.match(inner):
            s = s[:m.start()]
        else:
            break
    return collapse_ws(s.rstrip(" \t;.,"))


def _signer(v: HeaderVocab, doc: _Doc, lo: int, hi: int, rec_lines: set[int]) -> Signer | None:
    """The signature block: authority ("TM. Ủy ban nhân dân / KT. Chủ tịch"), position, the name under it."""
    block: list[_Line] = []
    tail_name: tuple[str, tuple[int, int]] | None = None  # a name printed beside the recipients
    i = lo
    folded = doc.folded
    while i < hi:
        li = doc.lines[i]
        if li.end == li.start:
            i += 1
            continue
        if i in rec_lines:
            ln = doc.line(i)
            cut = _split_signature(v, ln)
            if cut is None and (cut := _split_signer_tail(v, ln)) is not None and _SIGNED_MARK.match(ln.folded[cut:].strip()):
                cut = None  # "(Đã ký)" marks the signature, it names nothing
            if cut is not None:
                block.append(_Line(i, ln.start + cut, ln.end, ln.text[cut:], ln.folded[cut:]))
            elif block and tail_name is None and (at := _name_tail(ln)) is not None:
                raw = ln.text[at:].rstrip(" \t*_")
                tail_name = (_name_case(collapse_ws(raw)), (ln.start + at, ln.start + at + len(raw)))
            i += 1
            continue
        # measured without the indentation: a signature block centred by spaces in plain text is
        # still a short line ("                TM. ỦY BAN NHÂN DÂN")
        body = folded[li.start:li.end].lstrip(" \t*#")
        if len(body) <= SIGNATURE_LINE_MAX and (body[:1] in v.authority_initials or len(body) <= 60):
            ln = doc.line(i)
            indent = len(ln.folded) - len(ln.folded.lstrip(" \t"))
            if indent:
                ln = _Line(i, ln.start + indent, ln.end, ln.text[indent:], ln.folded[indent:])
            if _is_auth_line(v, ln.folded) or _is_position_line(v, ln):
                block.append(ln)
                i += 1
                continue
        if block and folded[li.start:li.end].strip():
            break
        i += 1
    if not block:
        return None
    name = None
    span = None
    # a block squashed onto one line ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Văn Thắng": a web page dropped
    # the line breaks inside a bold run): the name is the title-case run after the position
    last = block[-1]
    # the last position the line names ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Thị Hồng"): matches overlap
    for nm in reversed(list(v.position_name_re.finditer(last.folded, overlapped=True))):
        raw = last.text[nm.start("name"):nm.end("name")].strip(" *#_")
        t = collapse_ws(raw)
        if t and _NAME_LINE_RE.match(t) and not _is_upper(t):
            lead = last.text.find(raw, nm.start("name"))
            span = (last.start + lead, last.start + lead + len(raw))
            name = _name_case(t)
            cut = nm.start("name")
            block[-1] = _Line(last.i, last.start, last.start + cut, last.text[:cut], last.folded[:cut])
            break
    joined_text = " ".join(collapse_ws(b.text.strip(" *#")) for b in block)
    joined = fold(joined_text)
    position = None
    pm = v.position_end_re.search(joined)
    body = joined_text
    if pm:
        position = v.positions[collapse_ws(pm.group("pos"))]
        body = joined_text[:pm.start("pos")].strip()
    segs = [m.start() for m in v.authority_re.finditer(fold(body))]
    authority = None
    if segs:
        parts = []
        for a, b in zip(segs, segs[1:] + [len(body)], strict=True):
            parts.append(_authority_part(v, body[a:b]))
        authority = " / ".join(p for p in parts if p) or None
    if position is None and authority is None:
        return None
    if name is None and tail_name is not None:
        name, span = tail_name
    # the name: the first person-name line after the block (recipients and "(Đã ký)" skipped)
    j = block[-1].i + 1
    limit = min(len(doc.lines), max(hi, j + 12)) if name is None else j
    while j < limit:
        ln = doc.line(j)
        raw = ln.text.strip(" \t*#_")
        t = collapse_ws(raw)
        c = collapse_ws(fold(t)).strip(" ()[].")
        j += 1
        if c.startswith("phu luc"):
            break  # an appendix title after the signature is never the signer's name
        if not t or j - 1 in rec_lines or c in v.noise or v.recipients_re.match(ln.folded):
            continue
        if _BULLET_RE.match(ln.text):
            continue
        if not any(ch.isalpha() for ch in t) or _SQUIGGLE_RE.match(t) or _MD_IMAGE_RE.match(t):
            # a scanned signature read as marks ("‹ ⁄ ƒ —", "/ƒ") or kept as a picture ("![](…jpeg)"):
            # not the name, which follows
            continue
        if _NAME_LINE_RE.match(t) and collapse_ws(c) not in v.positions and len(t) <= 50:
            name = _name_case(t)
            lead = ln.text.find(raw)
            span = (ln.start + lead, ln.start + lead + len(raw))
        break
    return Signer(name=name, position=position, authority=authority, span=span)


def _authority_part(v: HeaderVocab, seg: str) -> str:
    """ "TM. ỦY BAN NHÂN DÂN" → "TM. Ủy ban nhân dân"; "KT. CHỦ TỊCH" → "KT. Chủ tịch"."""
    m = v.authority_re.match(fold(seg))
    if not m:
        return collapse_ws(seg)
    marker = seg[:m.end()].strip().rstrip(".").strip().upper()
    marker = marker if "/" in marker else marker + "."  # "T/M" as a Party document writes it, "TM." otherwise
    obj = collapse_ws(seg[m.end():])
    if not obj:
        return marker
    canon = v.auth_objects.get(collapse_ws(fold(obj))) or v.positions.get(collapse_ws(fold(obj)))
    return f"{marker} {canon or (_sentence_case(obj, v.acronyms) if _is_upper(obj) else obj)}"
