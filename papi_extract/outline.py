"""Stage 3: segment the canonical text into the body, the section tree and body blocks.

reads: ``ctx.norm``; writes: ``ctx.body_start``, ``ctx.body_end``, ``ctx.sections``,
``ctx.blocks``, ``ctx.heading_lines``.

The numbering decides a heading's level (Roman 1, arabic 2, "1.1" 3, letters one below their
parent), never the markdown ``#`` count, which writers use inconsistently. Markdown levels,
bold and upper case are only evidence that a labelled line is a heading rather than a
numbered task sentence ("4.1 Tiếp tục phối hợp ...").
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from papi_extract.data_files import data_file, phrase_alternation
from papi_extract.context import Block, DocContext
from papi_extract.models import Section
from papi_extract.normalize import LineInfo, collapse_ws, fold, is_page_number, line_end_words, margin_cut
from papi_extract.tables import bar_table_regions, spaced_cell_table_regions


# Label shapes. All linear: anchored, bounded repeats, no nested quantifiers.
_LEAD_BULLET = r"(?:[-–—•]\s{0,3})?"
ROMAN_RE = regex.compile(r"^\s{0,8}" + _LEAD_BULLET + r"(?P<label>[IVXL]{1,6})\s{0,2}[.):]\s{0,4}(?P<title>\S.*)$")
ROMAN_BARE_RE = regex.compile(r"^\s{0,8}(?P<label>[IVXL]{1,6})\s{1,4}(?P<title>\S.*)$")
DOTTED_RE = regex.compile(r"^\s{0,8}" + _LEAD_BULLET + r"(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s{1,4}(?P<title>[^\d\s].*)$")
# "1/ Mục đích", "a/ Công khai …": commune offices often close a label with a slash (then a space)
ARABIC_RE = regex.compile(r"^\s{0,8}" + _LEAD_BULLET + r"(?P<label>\d{1,2})\s{0,2}(?:[.)]\s{0,4}|/\s{1,4})(?P<title>[^\d\s].*)$")
# (a hurried typist's "a)Công khai …": after "." or ")" the title may follow with no space when it opens on a capital,
# as "1.Tham gia …" does after a number)
LETTER_RE = regex.compile(r"^\s{0,8}" + _LEAD_BULLET + r"(?P<label>[a-zđ])(?:\s{0,2}[.)/]\s{1,4}|[.)](?=\p{Lu}))(?P<title>\S.*)$")
APPENDIX_RE = regex.compile(r"^\s{0,60}(?P<kw>ph[uụ]\s{1,3}l[uụ]c)\s{0,3}(?:s[oố]\s{1,3})?(?P<label>[IVXL]{1,6}|\d{1,2})?\s{0,3}[.:]?\s{0,4}(?P<title>.{0,300})$", regex.I)
# "(1) Đẩy mạnh …": a number in parentheses numbers paragraphs like "1." (read as an arabic label)
PAREN_RE = regex.compile(r"^\s{0,8}\((?P<label>\d{1,2})\)\s{1,4}(?P<title>[^\d\s].*)$")
# "(a) Phòng Nội vụ hướng dẫn …", "(đ) …": a letter in parentheses letters items like "a)" (read as a letter label)
PAREN_LETTER_RE = regex.compile(r"^\s{0,8}\((?P<label>[a-zđ])\)\s{1,4}(?P<title>\S.*)$")
BULLET_RE = regex.compile(r"^(?P<indent>\s{0,12})(?P<marker>(?:[-–—•]\s{0,3})?[-–—•+*✓➢▪◦○●])\s{0,4}(?P<rest>\S.*)$")
ROMAN_VALID = regex.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
# "ii. KẾT QUẢ …": a Roman label typed in lower case; read as one only before an upper-case title (a lettered
# item "i) Công khai …" has an ordinary one)
_LOWER_ROMAN_TWO = regex.compile(r"^\s{0,8}(?:<[^>]{1,20}>|\*\*)?ii\s{0,2}[.)]\s")
LOWER_ROMAN_RE = regex.compile(r"^\s{0,8}(?P<label>[ivxl]{1,6})\s{0,2}[.)]\s{1,4}(?P<title>\S.*)$")
_WORD = regex.compile(r"\w+")
# The orders a list's letters follow: the Vietnamese alphabet ("a) … đ) e) g) h) i) k)", no f, j, w, z) and the Latin
# one some writers use ("e) f) g)")
LETTER_ORDERS = ("abcdđeghiklmnopqrstuvxy", "abcdefghijklmnopqrstuvwxyz")


def letter_follows(prev: str, cur: str) -> bool:
    """``cur`` comes right after ``prev`` in one of the orders lists are lettered in."""
    return any(0 <= o.find(prev) and o.find(prev) + 1 == o.find(cur) for o in LETTER_ORDERS)


_BAR_LINE_ANY = regex.compile(r"(?m)^[ \t]{0,8}\|[ \t]{0,8}$")
_UPPER_LETTERS = regex.compile(r"\p{Lu}")
_LOWER_LETTERS = regex.compile(r"\p{Ll}")
# Group numbers, read by number: the regex module resolves a group name about ten times slower.
_LABEL, _TITLE = 1, 2  # ROMAN_RE, DOTTED_RE, ARABIC_RE, LETTER_RE
# A part above the Roman tier: "PHẦN I", "Phần thứ hai", alone on its line (its title under it) or with it
PART_RE = regex.compile(r"^\s{0,4}(?P<label>(?:PHẦN|Phần)\s{1,3}(?:[IVXL]{1,6}|\d{1,2}|(?:THỨ|thứ)\s{1,3}\w{2,5}))\s{0,3}[.:\-–]?\s{0,4}(?P<title>[^\s\d].{0,300})?$")
_APX_LABEL, _APX_TITLE = 2, 3  # APPENDIX_RE
_B_MARKER, _B_REST = 2, 3  # BULLET_RE
assert all(rx.groupindex == {"label": _LABEL, "title": _TITLE}
           for rx in (ROMAN_RE, DOTTED_RE, ARABIC_RE, LETTER_RE, PAREN_RE, PAREN_LETTER_RE))
assert APPENDIX_RE.groupindex == {"kw": 1, "label": _APX_LABEL, "title": _APX_TITLE}
assert BULLET_RE.groupindex == {"indent": 1, "marker": _B_MARKER, "rest": _B_REST}


@dataclass(frozen=True, slots=True)
class OutlineVocab:
    doc_type_lines: frozenset[str]
    section_kinds: tuple[tuple[str, tuple[str, ...]], ...]
    tasks_exact_titles: frozenset[str]
    tail_openings: tuple[str, ...]
    signature_lines: tuple[str, ...]
    chrome_openings: tuple[str, ...]
    chrome_tail_openings: tuple[str, ...]
    closing_openings: tuple[str, ...]
    result_cues: tuple[str, ...]
    request_heads: tuple[str, ...]


@lru_cache(maxsize=1)
def vocab() -> OutlineVocab:
    raw = data_file("outline.yaml")
    return OutlineVocab(
        doc_type_lines=frozenset(raw["doc_type_lines"]),
        section_kinds=tuple((k, tuple(v)) for k, v in raw["section_kinds"].items()),
        tasks_exact_titles=frozenset(raw["tasks_exact_titles"]),
        tail_openings=tuple(raw["tail_openings"]),
        signature_lines=tuple(raw["signature_lines"]),
        chrome_openings=tuple(raw["chrome_openings"]),
        chrome_tail_openings=tuple(raw["chrome_tail_openings"]),
        closing_openings=tuple(raw["closing_openings"]),
        result_cues=tuple(raw["result_cues"]),
        request_heads=tuple(raw["request_heads"]),
    )


@dataclass(slots=True)
class _Heading:
    line: int
    shape: str  # roman | appendix | arabic | dotted | letter | upper_letter | caps | plain (unlabelled) | part
    label: str
    title_start: int
    title_end: int
    content_start: int  # run-in content after the title ("5. X: content"), -1 if none
    level: int = 0
    last_line: int = -1  # the title's last line when it wraps onto the next one, else -1


@dataclass(slots=True)
class _Sec:
    """A section while the body is walked; it becomes a ``Section`` once its span is known."""

    id: str
    label: str
    title: str
    level: int
    parent: str | None
    kind: str
    start: int
    shape: str
    in_org: bool  # this section or one of its ancestors is an "organization" section
    end: int = 0
    md: int = 0  # the markdown level of its heading line ("### III." is 3), 0 when not a markdown heading


def roman_to_int(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, c in enumerate(s):
        v = vals[c]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


# Letter classes of the characters a title is made of (tab, printable ASCII, every Vietnamese
# letter in both cases, common typographic marks), one byte each, so a title's upper/lower case
# letters and words are counted by ``codecs.charmap_encode`` + ``bytes.translate`` in C instead of
# ``findall`` building one string per letter. Each class byte is decided by the very patterns the
# counts stand for (``\p{Lu}``, ``\p{Ll}``, ``\w``); a title holding any other character is
# counted with those patterns directly.
_VI_LOWER = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
_CLASS_CHARS = "\x00\t" + "".join(map(chr, range(32, 127))) + _VI_LOWER + _VI_LOWER.upper() + "“”‘’–—…•°«»·§"


@lru_cache(maxsize=1)
def _class_codec() -> tuple[object, bytes]:
    chars = list(dict.fromkeys(_CLASS_CHARS))  # NUL first: charmap_build then gives a C EncodingMap
    chars += [chr(0xE000 + k) for k in range(256 - len(chars))]  # private use: padding to 256
    classes = bytearray()
    for c in chars:
        word = _WORD.fullmatch(c) is not None
        upper, lower = _UPPER_LETTERS.fullmatch(c) is not None, _LOWER_LETTERS.fullmatch(c) is not None
        assert word or not (upper or lower)
        classes += b"U" if upper else b"l" if lower else b"w" if word else b" "
    return codecs.charmap_build("".join(chars)), bytes(classes)


def _letter_classes(s: str) -> bytes | None:
    """One byte per character of ``s``: U (upper-case letter), l (lower-case letter), w (other word
    character), space (anything else); None if ``s`` holds a character outside the class table."""
    enc, classes = _class_codec()
    try:
        return codecs.charmap_encode(s, "strict", enc)[0].translate(classes)  # type: ignore[arg-type]
    except UnicodeEncodeError:
        return None


def _is_upper_title(s: str) -> bool:
    enc, classes = _class_codec()
    try:
        b = codecs.charmap_encode(s, "strict", enc)[0].translate(classes)  # type: ignore[arg-type]
    except UnicodeEncodeError:
        up, low = len(_UPPER_LETTERS.findall(s)), len(_LOWER_LETTERS.findall(s))
    else:
        up, low = b.count(b"U"), b.count(b"l")
    return up >= 3 and low <= up * 0.15


def _words(s: str) -> int:
    """Number of ``\\w+`` runs in ``s``."""
    b = _letter_classes(s)
    return len(_WORD.findall(s)) if b is None else len(b.split())


_SENTENCE_WORDS = 20  # words of a bold line ending with "." that holds a ";": a sentence of clauses, no title


def _more_words(s: str, k: int) -> bool:
    """``_words(s) > k``; a string of at most 2k characters cannot hold k + 1 words."""
    return len(s) > 2 * k and _words(s) > k


def _phrases_re(phrases: tuple[str, ...], anchored: bool) -> regex.Pattern[str]:
    """One compiled alternation per named phrase tuple (longest first, word-bounded)."""
    alts = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    if anchored:
        return regex.compile(r"^[\s\-*#:|]{0,8}(?:" + alts + r")")
    return regex.compile(r"(?<!\w)(?:" + alts + r")(?!\w)")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, object]:
    v = vocab()
    return {
        "kinds": tuple((kind, _phrases_re(phr, False)) for kind, phr in v.section_kinds),
        "appendix": _phrases_re(v.section_kinds[0][1], True),
        "chrome": _phrases_re(v.chrome_openings, True),
        "tail": _phrases_re(v.tail_openings + v.chrome_tail_openings, True),
        "chrome_tail": _phrases_re(v.chrome_tail_openings, True),
        "signature": _phrases_re(v.signature_lines, True),
        "closing": _phrases_re(v.closing_openings, True),
        # the request names its addressee after it ("Đề nghị Ủy ban MTTQ tỉnh:"), not a bare "Đề nghị:"
        "request": regex.compile(_phrases_re(v.request_heads, True).pattern + r"\s{1,3}\w"),
    }


_OWN_KINDS_UNDER_TASKS = frozenset({"objectives", "limitations", "purpose"})
_OWN_KINDS_UNDER_PREAMBLE = frozenset({"objectives", "limitations", "purpose", "tasks"})


# a zero inside or closing a word in capitals ("T0 CHỨC THỰC HIỆN"): OCR's reading of the letter O
_CAPS_ZERO = regex.compile(r"(?<=\p{Lu})0(?=\p{Lu}|\s|$)|(?<![\p{L}\d])0(?=\p{Lu}{2})")


@lru_cache(maxsize=4096)
def section_kind(title: str, parent_kind: str | None) -> str:
    """Kind from the heading's own words at top level; children inherit. A title in capitals is read with
    its zeros as the letter O they stand for (an OCR slip; the title itself keeps them)."""
    if "0" in title and not any(c.islower() for c in title):
        title = _CAPS_ZERO.sub("O", title)
    f = fold(collapse_ws(title)).strip(" :.")
    pats = _patterns()
    if parent_kind not in (None, "other"):
        if parent_kind != "appendix" and pats["appendix"].match(f):  # type: ignore[attr-defined]
            return "appendix"
        if parent_kind == "tasks":
            # a heading named by another kind's words keeps its own kind ("1. Mục tiêu" under
            # "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"); one that only mentions them does not
            # ("Khắc phục hạn chế …", "Nâng cao kết quả …" are tasks)
            for kind, rx in pats["kinds"]:  # type: ignore[attr-defined]
                if kind in _OWN_KINDS_UNDER_TASKS and (m := rx.search(f)) is not None and m.start() == 0:
                    return kind
        elif parent_kind in _OWN_KINDS_UNDER_TASKS:
            # "2. Mục tiêu" under "II. MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU", "2. Nhiệm vụ" under "II. MỤC TIÊU, NHIỆM VỤ":
            # a heading opening with another kind's words has that kind (the guide: unless its own heading
            # says otherwise)
            for kind, rx in pats["kinds"]:  # type: ignore[attr-defined]
                if (kind in _OWN_KINDS_UNDER_PREAMBLE and kind != parent_kind and (m := rx.search(f)) is not None
                        and m.start() == 0):
                    return kind
        return parent_kind
    if f in vocab().tasks_exact_titles:
        return "tasks"
    # the kind named first in the title wins ("NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN" is a tasks section, "GIẢI PHÁP
    # KHẮC PHỤC HẠN CHẾ" too); an appendix is one wherever it is named; on a tie, the order of the vocabulary
    best: tuple[int, str] | None = None
    for kind, rx in pats["kinds"]:  # type: ignore[attr-defined]
        m = rx.search(f)
        if m is None:
            continue
        if kind == "appendix":
            return kind
        if best is None or m.start() < best[0]:
            best = (m.start(), kind)
    if best is not None and best[1] == "limitations" and _THEN_SOLUTIONS.search(f, best[0]):
        return "tasks"  # "THỰC TRẠNG VÀ GIẢI PHÁP THEO TỪNG CHỈ SỐ NỘI DUNG": the solutions are in it
    return best[1] if best is not None else "other"


# (folded) a diagnosis's title that goes on to the solutions: "thực trạng và giải pháp", "hạn chế, nhiệm vụ"
_THEN_SOLUTIONS = regex.compile(r"(?:\s{1,3}va|,)\s{1,3}(?:nhiem\s{1,3}vu|giai\s{1,3}phap)(?!\w)")


# First-character gates. A line can match a label pattern only if its first non-space character
# (or, after a leading dash bullet, the next one) is in that pattern's label class, so the
# patterns are tried only on lines whose lead allows them. Each bit is decided by the pattern's
# own character class, run through ``regex`` on the one character, so the gate never disagrees
# with the pattern (Python's ``str.lstrip`` strips a superset of ``\s``: the first character it
# leaves is the label character whenever the pattern matches).
_G_ROMAN, _G_DIGIT, _G_LETTER, _G_APPENDIX, _G_BULLET, _G_DASH, _G_SPACE, _G_PAREN = 1, 2, 4, 8, 16, 32, 64, 128
_GATE_CLASSES = (
    (_G_ROMAN, regex.compile(r"[IVXL]")),
    (_G_DIGIT, regex.compile(r"\d")),
    (_G_LETTER, regex.compile(r"[a-zđ]")),
    (_G_APPENDIX, regex.compile(r"p", regex.I)),
    (_G_BULLET, regex.compile(r"[-–—•+*✓➢▪◦○●]")),
    (_G_DASH, regex.compile(r"[-–—•]")),
    (_G_SPACE, regex.compile(r"\s")),
    (_G_PAREN, regex.compile(r"\(")),
)
_G_LABEL = _G_ROMAN | _G_DIGIT | _G_LETTER
class _GateMemo(dict[str, int]):
    """Pure memo: character -> gate bits (``_GATES[c]``; computed on first sight)."""

    def __missing__(self, c: str) -> int:
        g = 0
        for bit, rx in _GATE_CLASSES:
            if rx.fullmatch(c):
                g |= bit
        self[c] = g
        return g


_GATES = _GateMemo()


def _char_gate(c: str) -> int:
    return _GATES[c]


def _lead_gate(s: str) -> tuple[int, int]:
    """Gate bits of a left-stripped line: (bits of its first character, label bits of the first
    character or of the one after a leading dash bullet, as ``_LEAD_BULLET`` allows)."""
    if not s:
        return 0, 0
    g0 = _GATES[s[0]]
    if g0 & _G_DASH:
        c1 = s[1:].lstrip()[:1]
        return g0, (_GATES[c1] & _G_LABEL) if c1 else 0
    return g0, g0 & _G_LABEL


# A label as a label pattern reads it: (label, offset of the title in the line; the title runs
# to the end of the line).
Hit = tuple[str, int]
Labels = tuple[int, Hit | None, Hit | None, Hit | None]  # label gate bits, DOTTED_RE, ARABIC_RE, LETTER_RE
_NO_LABEL: Labels = (0, None, None, None)
_DIGITS = "0123456789"


def _hit(m: regex.Match[str] | None) -> Hit | None:
    return (m.group(_LABEL), m.start(_TITLE)) if m else None


def _label_matches(t: str, s: str) -> Labels:
    """(label gate bits, DOTTED_RE, ARABIC_RE, LETTER_RE hit) of line ``t`` (``s`` = ``t.lstrip()``).

    ARABIC_RE is left untried when DOTTED_RE matched: every reader takes the dotted hit first.
    The usual shapes are read directly, exactly as the patterns read them: an indent of at most
    four spaces/tabs, one or two ASCII digits then "." or ")" (DOTTED_RE needs a digit right after
    the "."), or a letter then "." or ")", then spaces and the title. Anything else (a dash
    bullet before the label, other whitespace, other digits, "1.2" numbering) goes to the
    patterns, and a line whose lead no pattern accepts gets no hit at all."""
    if not s:
        return _NO_LABEL
    g0 = _GATES[s[0]]
    if g0 & _G_PAREN:
        hit = _hit(PAREN_RE.match(t))
        if hit:
            return _G_DIGIT, None, hit, None
        hit = _hit(PAREN_LETTER_RE.match(t))
        return (_G_LETTER, None, None, hit) if hit else _NO_LABEL
    if g0 & _G_DASH:
        c1 = s[1:].lstrip()[:1]
        lab = (_GATES[c1] & _G_LABEL) if c1 else 0
        return _label_regex(t, s, lab) if lab & (_G_DIGIT | _G_LETTER) else (lab, None, None, None)
    lab = g0 & _G_LABEL
    if not lab & (_G_DIGIT | _G_LETTER):
        return lab, None, None, None
    ind = len(t) - len(s)
    if ind > 8:  # the patterns allow at most eight leading \s before the label (a layout dump's indent)
        return lab, None, None, None
    if ind and t[:ind].strip(" \t"):
        return _label_regex(t, s, lab)
    if lab & _G_DIGIT:
        d = len(s) - len(s.lstrip(_DIGITS))
        if d > 2:
            return lab, None, None, None  # no label is three digits long
        c = s[d : d + 1]
        if d == 0 or (c and _GATES[c] & (_G_DIGIT | _G_SPACE)):
            return _label_regex(t, s, lab)  # another digit script, or a space before the "."
        if c == "." or c == ")" or c == "/":
            nxt = s[d + 1 : d + 2]
            if c == "." and nxt and _GATES[nxt] & _G_DIGIT:
                # "1.2": dotted numbering; ARABIC_RE cannot match (its title cannot start with a digit)
                return lab, _hit(DOTTED_RE.match(t)), None, None
            # ARABIC_RE: label, "." or ")", up to four spaces, then a title that is no digit and no space
            rest = s[d + 1 :].lstrip(" ")
            sp = len(s) - d - 1 - len(rest)
            if not rest:
                return lab, None, None, None
            gt = _GATES[rest[0]]
            if gt & _G_SPACE:
                return _label_regex(t, s, lab)
            if sp > 4 or gt & _G_DIGIT or (c == "/" and sp == 0):
                return lab, None, None, None  # "5/KH-UBND", "15/8": a number, no label
            return lab, None, (s[:d], ind + d + 1 + sp), None
        return lab, None, None, None  # neither "." nor ")" after the number
    # LETTER_RE: letter, "." or ")", one to four spaces (or none before a capital), then a title that does not start
    # with a space
    c = s[1:2]
    if c == "." or c == ")" or c == "/":
        rest = s[2:].lstrip(" ")
        sp = len(s) - 2 - len(rest)
        if not rest:
            return lab, None, None, None
        if _GATES[rest[0]] & _G_SPACE:
            return _label_regex(t, s, lab)
        if (sp == 0 and (c == "/" or not rest[0].isupper())) or sp > 4:
            return lab, None, None, None
        return lab, None, None, (s[0], ind + 2 + sp)
    if c and _GATES[c] & _G_SPACE:
        return _label_regex(t, s, lab)
    return lab, None, None, None


def _label_regex(t: str, s: str, lab: int) -> Labels:
    """``_label_matches`` by the patterns themselves (``lab``: the label character's gate bits)."""
    dm = am = lm = None
    if lab & _G_DIGIT:
        dm = _hit(DOTTED_RE.match(t))
        if dm is None:
            am = _hit(ARABIC_RE.match(t))
    elif lab & _G_LETTER:
        lm = _hit(LETTER_RE.match(t))
    return lab, dm, am, lm


def _lower_roman(t: str) -> Hit | None:
    """LOWER_ROMAN_RE's hit on line ``t`` when its label is a Roman numeral and its title upper-case."""
    m = LOWER_ROMAN_RE.match(t)
    if m is None or not ROMAN_VALID.match(m.group(_LABEL).upper()) or not _is_upper_title(m.group(_TITLE)):
        return None
    return _hit(m)


def _lower_roman_emphasised(lines: _Lines, t: str) -> Hit | None:
    """LOWER_ROMAN_RE's hit on a bold or heading-marked line whose title is in lower case ("ii. kết quả …"): a Roman
    numeral of two letters or more; "i" only when a line of the text opens on "ii." too ("i." also letters the ninth
    item of a list)."""
    m = LOWER_ROMAN_RE.match(t)
    if m is None or not ROMAN_VALID.match(m.group(_LABEL).upper()):
        return None
    if m.group(_LABEL) == "i" and not lines.has_lower_roman_two():
        return None
    return _hit(m)


def _roman(t: str, s: str, g0: int) -> Hit | None:
    """ROMAN_RE's hit on line ``t`` (``s`` = ``t.lstrip()``, ``g0`` its first character's gate
    bits). The label is the whole run of I, V, X, L at s[0] or after a dash bullet (at most six),
    and a space or one of ".):" must follow it; a line where none does is no Roman heading."""
    u = s[1:].lstrip() if g0 & _G_DASH else s  # the label follows a dash bullet's spaces
    k = len(u) - len(u.lstrip("IVXL"))
    c = u[k : k + 1]
    if k > 6 or not c or (c not in ".):" and not _GATES[c] & _G_SPACE):
        return None
    return _hit(ROMAN_RE.match(t))


# A bullet as BULLET_RE reads it: (marker, offset of the rest in the line, rest).
Bullet = tuple[str, int, str]


def _bullet(t: str, s: str, g0: int) -> Bullet | None:
    """BULLET_RE on ``t`` (``s`` = ``t.lstrip()``, ``g0`` its first character's gate bits). The
    usual "- Text" (an indent of at most 12 spaces/tabs, the bullet, one space, then a character
    that is neither a bullet nor a space) is read directly: there BULLET_RE's marker is the
    bullet and its rest starts two characters after it."""
    if not g0 & _G_BULLET:
        return None
    ind = len(t) - len(s)
    if (len(s) > 2 and s[1] == " " and not _GATES[s[2]] & (_G_BULLET | _G_SPACE)
            and ind <= 12 and not t[:ind].strip(" \t")):
        return s[0], ind + 2, s[2:]
    m = BULLET_RE.match(t)
    return (m.group(_B_MARKER), m.start(_B_REST), m.group(_B_REST)) if m else None


@dataclass(frozen=True, slots=True)
class _Opening:
    """An anchored phrase alternation (``_phrases_re(..., anchored=True)``: up to 8 lead characters
    of the class ``[\\s\\-*#:|]``, then a phrase) with its exact fast path. Every phrase starts with a
    character outside the lead class, so the pattern matches iff the line's whole lead run is at
    most 8 characters long and a phrase starts right after it; the run is measured with
    ``str.lstrip`` whenever it ends on an ASCII character outside the class."""

    rx: regex.Pattern[str]
    phrases: tuple[str, ...]

    def match(self, f: str) -> bool:
        return self.match_at(f, 0, len(f))

    def match_at(self, folded: str, start: int, end: int) -> bool:
        """Whether the pattern matches ``folded[start:end]``."""
        if start >= end:
            return False  # phrases are non-empty
        if folded[start] in _PLAIN_LEAD:
            return folded.startswith(self.phrases, start, end)
        f = folded[start:end]
        rest = f.lstrip(_LEAD_ASCII)
        if rest[:1] in _PLAIN_LEAD:
            return len(f) - len(rest) <= 8 and rest.startswith(self.phrases)
        return self.rx.match(f) is not None  # a non-ASCII character in or after the lead


_LEAD_CLASS = regex.compile(r"[\s\-*#:|]")
_PLAIN_LEAD = frozenset(c for c in map(chr, range(128)) if not _LEAD_CLASS.match(c))
_LEAD_ASCII = "".join(c for c in map(chr, range(128)) if _LEAD_CLASS.match(c))


@lru_cache(maxsize=1)
def _openings() -> dict[str, _Opening]:
    v = vocab()
    named = {"chrome": v.chrome_openings, "tail": v.tail_openings + v.chrome_tail_openings,
             "signature": v.signature_lines, "closing": v.closing_openings}
    pats = _patterns()
    out = {}
    for name, phrases in named.items():
        assert phrases and all(p and not _LEAD_CLASS.match(p) for p in phrases), f"outline.yaml: bad phrase in {name}"
        out[name] = _Opening(pats[name], tuple(phrases))  # type: ignore[arg-type]
    return out


class _Lines:
    """Per-line views used by the segmenter; the line texts are split once per document."""

    __slots__ = ("ctx", "n", "infos", "texts", "furniture", "_wrap", "_roman_two")

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.infos = ctx.norm.lines
        self.n = len(self.infos)
        self.texts = ctx.line_texts()
        self.furniture = ctx.page_furniture()  # page markers and running headers: skipped, not read
        self._wrap: int | None = None
        self._roman_two: bool | None = None
        margin = ctx.layout_margin()
        if margin:
            self._drop_margin(margin)

    def _drop_margin(self, margin: int) -> None:
        """Read every line as if the page margin (and the first-line indent over it) were not
        there: a line starts up to ``margin`` spaces later (its info's ``start`` moves with it, so offsets still point into ``ctx.text``)."""
        texts: list[str] = []
        infos: list[LineInfo] = []
        for t, li in zip(self.texts, self.infos, strict=True):
            cut = margin_cut(t, margin)
            if cut:
                t = t[cut:]
                li = LineInfo(li.start + cut, li.end, li.md_level, li.bold, li.italic,
                              li.bold_end - cut if li.bold_end >= cut else li.bold_end)
            texts.append(t)
            infos.append(li)
        self.texts, self.infos = texts, infos

    def has_lower_roman_two(self) -> bool:
        """A line opens on "ii." / "ii)" (a lower-case Roman second part): "i." above it is the first."""
        if self._roman_two is None:
            self._roman_two = any(_LOWER_ROMAN_TWO.match(t) is not None for t in self.texts)
        return self._roman_two

    def text(self, i: int) -> str:
        return self.texts[i]

    def wrap_width(self) -> int:
        """The width a hard-wrapped text was cut at (0 when it is not): the length that at least
        a third of the long lines reach within a word's length, as a justified extraction's lines do. Table
        lines ("|1 |Công khai … |", tab rows, pdftotext -layout's rows whose columns runs of spaces part) are no
        wrapped prose: a wide table would set the width past the prose's."""
        if self._wrap is None:
            lens = sorted(n for t in self.texts if (n := len(t.rstrip())) >= _WRAP_MIN and "|" not in t and "\t" not in t
                          and "   " not in t.strip())
            self._wrap = 0
            if len(lens) >= 10:
                w = lens[int(len(lens) * 0.9)]
                if w <= _LONG_LINE and sum(1 for n in lens if n >= w - _WRAP_SLACK) * 3 >= len(lens):
                    self._wrap = w
                elif w > _LONG_LINE:
                    # long unwrapped lines besides the wrapped ones (html2text leaves list items whole): the
                    # width the most lines reach, when a third of the lines reach it
                    short = [n for n in lens if n <= _LONG_LINE]
                    w = short[int(len(short) * 0.9)] if short else 0
                    if w and sum(1 for n in short if w - _WRAP_SLACK <= n <= w) * 3 >= len(lens):
                        self._wrap = w
        return self._wrap

    def full(self, i: int) -> bool:
        """Line i reaches the wrap width and ends with no punctuation: its sentence goes on below."""
        w = self.wrap_width()
        t = self.texts[i].rstrip()
        return bool(w) and len(t) >= w - _WRAP_SLACK and t[-1:] not in ".:;!?)\"”"

    def folded(self, i: int) -> str:
        li = self.infos[i]
        return self.ctx.folded[li.start : li.end]

    def blank(self, i: int) -> bool:
        return not self.texts[i].strip()

    def is_table(self, i: int) -> bool:
        return _is_table_text(self.texts[i])

    def starts_item(self, i: int) -> bool:
        """``_starts_item(text(i))``, trying each pattern only where the line's lead allows it."""
        t = self.texts[i]
        s = t.lstrip()
        if not s:
            return False
        _, dm, am, lm = _label_matches(t, s)
        return bool(dm or am or lm or _bullet(t, s, _char_gate(s[0])))


_PAGE_NUMBER_FIRST = frozenset("-Tt0123456789")
ARROWS = "⇒→➔➜➝⟹"  # a line opening with one points to the block above it (its fields); tasks reads them too
_ARROWS = frozenset(ARROWS)
ASCII_ARROW = "=>"  # the same arrow typed in ASCII ("=> Sản phẩm: Văn bản hướng dẫn")


def opens_on_arrow(s: str) -> bool:
    """A line (stripped of its indent) that opens on an arrow, typed ("⇒", "→") or in ASCII ("=>")."""
    return s[:1] in _ARROWS or s.startswith(ASCII_ARROW)


def _is_table_text(t: str) -> bool:
    if "\t" in t:
        return True
    s = t.strip()
    return s.startswith("|") and s.count("|") >= 2


def _find_tail(lines: _Lines, start_line: int) -> int:
    """First line of the tail (Nơi nhận, signature block, trailing chrome), or n."""
    ops = _openings()
    tail, sig = ops["tail"], ops["signature"]
    folded, infos = lines.ctx.folded, lines.infos
    # A line can open the tail only if one of the phrases occurs in it: start at the first occurrence.
    for i in range(_first_line_with(lines, tail.phrases, start_line), lines.n):
        if tail.match_at(folded, infos[i].start, infos[i].end):
            return i
    # No "Nơi nhận": a signature block near the end ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH").
    for i in range(max(start_line, lines.n - 25), lines.n):
        if sig.match_at(folded, infos[i].start, infos[i].end):
            return i
    return lines.n


def _first_line_with(lines: _Lines, phrases: tuple[str, ...], start_line: int) -> int:
    """Index of the first line at or after ``start_line`` whose folded text holds one of the
    phrases (n if none): the lines before it cannot match an opening of these phrases."""
    if start_line >= lines.n:
        return lines.n
    folded = lines.ctx.folded
    base = lines.infos[start_line].start
    hits = [p for p in (folded.find(ph, base) for ph in phrases) if p >= 0]
    if not hits:
        return lines.n
    return max(start_line, lines.ctx.line_of(min(hits)))


def _is_chrome(f: str) -> bool:
    return _openings()["chrome"].match(f)


# Lines that end the subject: the preamble ("Căn cứ", "Thực hiện Quyết định …"), "(Kèm theo …)", a
# separator, a Roman heading, or the enacting authority of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN …").
SUBJECT_STOP = regex.compile(
    r"^(?:can[ \t]cu|thuc[ \t]hien[ \t](?:ke[ \t]hoach|quyet[ \t]dinh|chi[ \t]thi|nghi[ \t]quyet|cong[ \t]van)"
    r"|kinh[ \t]gui|\(?(?:ban[ \t]hanh[ \t])?kem[ \t]theo|[-_*=]{3,}|[ivx]{1,4}[ \t]{0,2}[.)]"
    r"|(?:chu[ \t]tich[ \t])?(?:uy[ \t]ban[ \t]nhan[ \t]dan|ubnd|hoi[ \t]dong[ \t]nhan[ \t]dan)(?:[ \t]|$))"
)
SUBJECT_MAX_LINES = 4  # subject lines run together with the body (no blank line after them) end here


def _title_block_end(lines: _Lines) -> int:
    """Line index after the document-type line and its subject line(s); 0 if none found."""
    v = vocab()
    limit = min(lines.n, 80)
    for i in range(limit):
        f = collapse_ws(lines.folded(i).strip(" *#:"))
        if f in v.doc_type_lines:
            j = i + 1
            while j < lines.n and lines.blank(j):
                j += 1
            # the subject line(s): consecutive non-blank lines, or markdown heading lines
            k = j
            while k < lines.n and not lines.blank(k):
                if k > j and (k - j >= SUBJECT_MAX_LINES or _ends_subject(lines, k)):
                    return k  # a text with no blank lines: the preamble or a heading follows at once
                k += 1
            # A second short subject line after a blank (markdown "### Về việc ...") belongs too.
            # So does one going on in lower case ("**trên địa bàn thị xã Ninh Hòa năm 2024**").
            while (k + 1 < lines.n and lines.blank(k)
                   and (lines.infos[k + 1].md_level or lines.texts[k + 1].strip(" \t*_#")[:1].islower())
                   and not _match_heading(lines, k + 1, False)
                   and not PART_RE.match(lines.texts[k + 1].strip(" \t*_#"))):  # ("## PHẦN I. …": the first part)
                k += 2
                while k < lines.n and not lines.blank(k):
                    k += 1
            return k
    return 0


def _ends_subject(lines: _Lines, k: int) -> bool:
    f = collapse_ws(lines.folded(k).strip(" *#_:"))
    return SUBJECT_STOP.match(f) is not None or _match_heading(lines, k, False) is not None


_CAPS_MAX_WORDS = 14


def _caps_heading(lines: _Lines, i: int, s: str, start: int, end: int) -> _Heading | None:
    """An unnumbered heading typed in capitals after a blank line ("MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC
    HIỆN"), as commune offices type them: top level, empty label, and only when its words name a
    section kind (a capitalised line that names none is a table cell, a name or a shout)."""
    t = s.rstrip().rstrip(":").rstrip()
    if not t or len(t) > 120 or t.endswith(".") or any(c.islower() for c in t):
        return None
    if sum(1 for c in t if c.isalpha()) < 4 or len(t.split()) > _CAPS_MAX_WORDS:
        return None
    if any(rx.match(s) for rx in (ROMAN_RE, DOTTED_RE, ARABIC_RE, LETTER_RE, PAREN_RE, PAREN_LETTER_RE, APPENDIX_RE)):
        return None  # a labelled heading ("I. MỤC ĐÍCH"), read as one
    if section_kind(t, None) == "other":
        return None
    return _Heading(i, "caps", "", start, start + len(t), -1)


_PLAIN_MAX_WORDS = 10
_PLAIN_MAX_INDICATOR_WORDS = 14
_PLAIN_MAX_CHARS = 80


def _ends_paragraph(t: str) -> bool:
    return _ends_sentence(t) or t.rstrip().endswith((":", ";"))


def _text_before(texts: list[str], i: int, reach: int = 3) -> str:
    """The last non-blank line before line ``i`` (within ``reach`` lines): an HTML page's paragraphs come
    apart by blank lines, so the paragraph a heading follows is not always the line just above it."""
    for k in range(i - 1, max(-1, i - 1 - reach), -1):
        if texts[k].strip():
            return texts[k]
    return ""


def _names_part_of(child: str, parent: str) -> bool:
    """Whether ``child`` names a sub-dimension of the dimension ``parent`` names: two unlabelled headings
    stacked as dimension and sub-dimension are two levels, not siblings."""
    from papi_extract.taxonomy import match_indicator

    c, p = match_indicator(child), match_indicator(parent)
    return (c is not None and p is not None and p.subdimension is None and c.subdimension is not None
            and c.dimension == p.dimension)


def _names_indicator_or_kind(s: str) -> bool:
    """A heading's words name a PAPI indicator exactly or a section's kind ("Nhiệm vụ trọng tâm")."""
    from papi_extract.taxonomy import match_indicator

    t = s.strip().rstrip(":").rstrip()
    if section_kind(t, None) != "other":
        return True
    m = match_indicator(t)
    return m is not None and m.exact


def _plain_heading(lines: _Lines, i: int, s: str, start: int, stacked: bool = True) -> _Heading | None:
    """A sub-heading whose label was lost (Word's list numbering does not survive a copy as text): in a body
    of one paragraph per line, inside a section, a short line with no closing punctuation and no figure,
    before a longer paragraph, a list or another such heading ("Cung ứng dịch vụ công" / "Về y tế công
    lập"; ``stacked``: one step of that look-ahead), whose words name a section kind ("Mục đích", "Kết quả
    chung", "Nhiệm vụ, giải pháp cụ thể") or a PAPI indicator ("Y tế công lập", "Nâng cao sự tham gia của
    người dân ở cấp cơ sở"). Its level is one under the nearest labelled or capitals heading."""
    t = s.rstrip()
    if not t or len(t) > _PLAIN_MAX_CHARS or t[-1] in ".;:,!?…)" or any(c.isdigit() for c in t):
        return None
    words = len(t.split())
    if words > _PLAIN_MAX_INDICATOR_WORDS:
        return None
    j = i + 1
    while j < lines.n and lines.blank(j):
        j += 1
    if j >= lines.n:
        return None
    nxt = lines.texts[j].strip()
    if not (lines.starts_item(j) or len(nxt) > len(t) + 20):
        if not (stacked and nxt[:1].isupper() and _plain_heading(lines, j, nxt, 0, stacked=False) is not None):
            return None
    if words <= _PLAIN_MAX_WORDS and section_kind(t, None) != "other":
        return _Heading(i, "plain", "", start, start + len(t), -1)
    from papi_extract.taxonomy import match_indicator

    # an indicator's name, with at most a short lead ("Về", "Nâng cao"): the longest names have 12 words
    m = match_indicator(t)
    if m is None or not m.exact or (m.end - m.start) < 0.8 * len(t):
        return None
    return _Heading(i, "plain", "", start, start + len(t), -1)


_AGENCY_HEADING_MAX_CHARS = 160
_AGENCY_HEADING_COVER = 0.75  # share of the line's letters the agencies' names must hold


def _agency_heading(lines: _Lines, i: int, s: str, start: int) -> _Heading | None:
    """An agency's duties under "Tổ chức thực hiện" whose label was lost (Word's list numbering dropped by
    docx2txt and the like): a paragraph of its own that only names agencies ("Sở Nội vụ", "Các sở, ban,
    ngành tỉnh; UBND các huyện, thành phố"), no closing punctuation and no figure, before a longer paragraph
    or a list. Every name must have a known head (a ministry-like noun or a gazetteer entry): a topic
    ("Kinh phí thực hiện") is no agency."""
    from papi_extract.agencies import has_known_head, split_agencies

    t = s.rstrip()
    if not t or len(t) > _AGENCY_HEADING_MAX_CHARS or t[-1] in ".;:,!?…)" or any(c.isdigit() for c in t):
        return None
    if any(rx.match(s) for rx in (ROMAN_RE, DOTTED_RE, ARABIC_RE, LETTER_RE, PAREN_RE, PAREN_LETTER_RE, APPENDIX_RE)):
        return None  # a labelled heading ("A. Sở Nội vụ"), read as one
    j = i + 1
    while j < lines.n and lines.blank(j):
        j += 1
    if j >= lines.n or j == i + 1:
        return None  # a paragraph of its own: a blank line after it
    nxt = lines.texts[j].strip()
    if not (lines.starts_item(j) or len(nxt) > len(t) + 20):
        return None
    found = split_agencies(t)
    if not found or not all(a.kind != "other" or has_known_head(a.name) for a in found):
        return None
    letters = sum(1 for c in t if c.isalpha())
    named = sum(1 for a in found for c in a.raw if c.isalpha())
    if named < _AGENCY_HEADING_COVER * letters:
        return None
    return _Heading(i, "plain", "", start, start + len(t), -1)


def _unlabelled_md_heading(s: str, i: int, start: int) -> _Heading | None:
    """A heading of an HTML page or markdown file with no label: a news article's crossheads ("8 nhóm
    nhiệm vụ trọng tâm", "Tổ chức thực hiện nghiêm, …"). Read like a capitals heading (top level, empty
    label), any kind, while no labelled section is open (under "I." it would be a sub-title). A long
    heading that ends a sentence (a page's lead paragraph set as a heading) is none."""
    t = s.rstrip().rstrip(":").rstrip()
    if not t or len(t) > 120 or t.endswith((".", "?", "!", "…")) or len(t.split()) > _CAPS_MAX_WORDS:
        return None
    if sum(1 for c in t if c.isalpha()) < 4:
        return None
    if any(rx.match(s) for rx in (ROMAN_RE, DOTTED_RE, ARABIC_RE, LETTER_RE, PAREN_RE, PAREN_LETTER_RE, APPENDIX_RE)):
        return None  # a labelled heading, read as one
    return _Heading(i, "caps", "", start, start + len(t), -1)


def _match_heading(lines: _Lines, i: int, in_organization: bool) -> _Heading | None:
    text = lines.texts[i]
    s = text.lstrip()
    if not s or _is_table_text(text) or len(text) > 600:
        return None
    g0 = _char_gate(s[0])
    labels = _label_matches(text, s)
    if not (labels[0] or g0 & _G_APPENDIX):
        return None  # no label pattern can match this line's lead
    return _heading(lines, i, text, g0, labels, in_organization)


def _heading(lines: _Lines, i: int, text: str, g0: int, labels: Labels, in_organization: bool) -> _Heading | None:
    """``_match_heading`` for a non-blank, non-table line of at most 600 characters whose lead
    gate bits ``g0`` and label matches are known."""
    lab, dm, am, lm = labels
    info = lines.infos[i]
    base = info.start
    if g0 & _G_APPENDIX:
        pm = PART_RE.match(text)
        if pm is not None and (pm.group("title") is None or _is_upper_title(pm.group("title"))):
            ts = base + (pm.start("title") if pm.group("title") else pm.end())
            return _Heading(i, "part", collapse_ws(pm.group("label")).upper(), ts, base + len(text.rstrip()), -1)
        m = APPENDIX_RE.match(text)
        if m and not _more_words(m.group(_APX_TITLE) or "", 40) and _appendix_shape(text, m):
            if (_is_upper_title(text) or not m.group(_APX_TITLE).strip() or info.md_level or info.bold
                    or (m.group(_APX_LABEL) and _is_upper_title(m.group(_APX_TITLE)))):
                label = m.group(_APX_LABEL) or ""
                title = m.group(_APX_TITLE) or ""
                if title.strip(" .:-–"):  # "Phụ lục 1: NHIỆM VỤ CHUNG": the title on the label's line
                    ts = base + m.start(_APX_TITLE) + (len(title) - len(title.lstrip(" .:-–")))
                    return _Heading(i, "appendix", f"PL-{label}" if label else "PL", ts,
                                    base + m.start(_APX_TITLE) + len(title.rstrip()), -1)
                return _Heading(i, "appendix", f"PL-{label}" if label else "PL", base + m.end(), base + m.end(), -1)
    if not lab:
        return None
    t = text.rstrip()
    if len(t) >= 2 and t[-1] == "-" and t[-2].isalnum():
        return None  # "c) Văn phòng HĐND-" / "UBND huyện chủ trì, …": an item broken inside a compound
    # the first shape that reads a label wins (a Roman run that is no Roman numeral reads none)
    hit = _roman(text, text.lstrip(), g0) if lab & _G_ROMAN else None
    if hit and ROMAN_VALID.match(hit[0]):
        shape = "roman"
    elif lab & _G_LETTER and (lr := _lower_roman(text)) is not None:
        shape, hit = "roman", lr
    elif (lab & _G_LETTER and (info.bold or info.md_level) and (lr := _lower_roman_emphasised(lines, text)) is not None):
        shape, hit = "roman", lr  # "**ii. kết quả chỉ số papi năm 2021**": a Roman label typed in lower case, in bold
    elif dm:
        shape, hit = "dotted", dm
    elif am:
        shape, hit = "arabic", am
    elif lm:
        shape, hit = "letter", lm
    else:
        return None
    label, title_at = hit
    ts = base + title_at
    te = base + len(text)
    title = text[title_at:]
    # bold is evidence only when it covers the title, not just the label ("**1.** Giao Sở X …")
    bold = info.bold and not (0 <= info.bold_end <= title_at)
    if bold and 0 < info.bold_end < len(text):
        rest = text[info.bold_end :].lstrip()
        if rest[:1].islower() and not text[title_at : info.bold_end].rstrip().endswith((":", ".")):
            bold = False  # "**5. Đề nghị Ủy ban MTTQ tỉnh** phối hợp …": an emphasised subject, one sentence
    strong = bool(info.md_level) or bold or shape == "roman" or _is_upper_title(title)
    content_start = -1
    if bold and info.bold_end > 0 and info.bold_end < len(text):
        # "**5. Quản trị môi trường:** Chất lượng ..." : bold run-in head, content after it
        head = text[title_at : info.bold_end]
        if head.rstrip().endswith(":") and text[info.bold_end :].strip():
            if in_organization and shape == "arabic":
                return None  # "2. Cơ quan X: duty" in the organization section is a task
            if _patterns()["request"].match(fold(head.lstrip())):  # type: ignore[attr-defined]
                return None  # "**12. Đề nghị Ủy ban MTTQ tỉnh:** chỉ đạo …": a request to an agency, its task
            te = base + info.bold_end
            content_start = base + info.bold_end + (len(text[info.bold_end :]) - len(text[info.bold_end :].lstrip()))
            return _Heading(i, shape, label, ts, _rstrip_end(lines, ts, te), content_start)
    stripped = title.rstrip()
    if (shape in ("arabic", "dotted") and not strong and not stripped.endswith((":", ".", ";"))
            and (wrap_end := _wrapped_head(lines, i)) is not None):
        return _Heading(i, shape, label, ts, wrap_end, -1, last_line=i + 1)  # a group's head wrapped onto "huyện:"
    if (shape in ("arabic", "dotted", "roman") and not stripped.endswith((":", ".", ";"))
            and (wrap_end := _wrapped_indicator_head(lines, i, title)) is not None):
        # "2. Chỉ số nội dung 2: Công khai, minh bạch trong việc ra quyết định ở địa" + "phương": a dimension's
        # heading wrapped onto a short last line
        return _Heading(i, shape, label, ts, wrap_end, -1, last_line=i + 1)
    if not strong and (_wrapped_on(lines, i) or _ends_open(stripped)):
        # "a) Tuyên truyền … tại" + "các buổi sinh hoạt …": an item hard-wrapped onto the next line; a line
        # stopping on a word that needs more ("… ngân sách địa phương trên" + "Cổng thông tin …") goes on too
        return None
    if (bold and not info.md_level and shape != "roman" and not _is_upper_title(title)
            and _wrapped_on(lines, i) and _RUNIN_END.match(lines.texts[i + 1].lstrip())):
        # "**5. Đề nghị Ủy ban MTTQ tỉnh và các tổ chức … xã hội" + "tỉnh:** tăng cường …": a bold
        # run-in head wrapped onto the next line, then the item's text: an item, not a heading
        return None
    if strong:
        if (not (info.md_level or bold or shape == "roman") and stripped.endswith(".") and not stripped.endswith("./.")
                and _more_words(title, _CAPS_SENTENCE_WORDS)):
            # "a) CHỦ TỊCH UBND XÃ TIẾP CÔNG DÂN VÀO NGÀY 15 HẰNG THÁNG TẠI TRỤ SỞ UBND XÃ.": an item typed in capitals,
            # a sentence (a heading in capitals names a part, it ends on no full stop)
            return None
        if stripped.endswith(".") and (_more_words(title, 60) or (";" in title and _more_words(title, _SENTENCE_WORDS))):
            # a whole sentence in bold ("**4. Đề nghị Ủy ban MTTQ huyện … phối hợp giám sát …; kịp thời phản ánh
            # … .**"): an item, not a heading
            return None
        return _Heading(i, shape, label, ts, _rstrip_end(lines, ts, te), content_start)
    if stripped.endswith((".", ";", ".”", '."', "…")) and not stripped.endswith("./."):
        return None
    if stripped.endswith(":"):
        if not _followed_by_items(lines, i) or _more_words(title, 45):
            return None
        if shape in ("arabic", "dotted") and _more_words(title, _LEADIN_WORDS) and _LEADIN_END.search(title):
            # "1.3. Tổ chức đối thoại … với Nhân dân theo các bước sau:", "2.1. UBND các huyện chỉ đạo … các nội dung
            # sau, hoàn thành trước ngày 30/9/2024:": a numbered sentence announcing its steps, an item, no heading
            return None
        return _Heading(i, shape, label, ts, _rstrip_end(lines, ts, te), -1)
    if _more_words(title, 40):
        return None
    return _Heading(i, shape, label, ts, _rstrip_end(lines, ts, te), -1)


_CAPS_SENTENCE_WORDS = 8  # words of a labelled line in capitals closing on "." that make it a sentence, no heading
# A numbered line of more than this many words closing on "… (các|những) <noun> sau[, …]:" or "như sau:" is a sentence
# announcing its items ("… theo các bước sau:"); a title naming its items is shorter ("1.1. Các nhiệm vụ sau:").
_LEADIN_WORDS = 10
_LEADIN_END = regex.compile(r"(?:(?:các|những)(?:\s+\p{L}+){1,3}\s+sau|như\s+sau)(?:\s*,[^:]{0,80})?\s*:\s*$")


# A body with this share of lines longer than _LONG_LINE characters is not hard-wrapped: each line is
# a paragraph (text copied from a word processor), so lines are not joined across a finished sentence.
_LONG_LINE = 120
_LONG_SHARE = 0.1


_WRAP_MIN = 40  # lines shorter than this say nothing about the wrap width
_WRAP_SLACK = 8  # a word this long would have fit on a line this much shorter than the width


def _one_line_paragraphs(texts: list[str], start: int, end: int) -> bool:
    """Whether the body keeps one paragraph per line (many long lines) rather than hard-wrapping."""
    nonblank = long_ = 0
    for t in texts[start:end]:
        n = len(t)
        if n:
            nonblank += 1
            long_ += n > _LONG_LINE
    return long_ >= 3 and long_ >= _LONG_SHARE * nonblank


_INDENT_MIN_PARAS = 3


def _first_line_indents(texts: list[str], start: int, end: int) -> bool:
    """Whether the body marks its paragraphs by indenting their first line, no blank line between them (a
    PDF's text as PyMuPDF or pdfplumber give it): at least three flush-left wrapped lines ending a sentence,
    each followed by an indented line opening with a capital or a dash."""
    found = 0
    prev = ""
    for t in texts[start:end]:
        s = t.lstrip(" ")
        ind = len(t) - len(s)
        if 2 <= ind <= 12 and s[:1] and (s[0].isupper() or s[0] in "-+*•") and prev and prev[0] != " " \
                and _ends_paragraph(prev):
            found += 1
            if found >= _INDENT_MIN_PARAS:
                return True
        prev = t
    return False


def _ends_sentence(t: str) -> bool:
    """The line ends a sentence ("." "!" "?", also before a closing quote; not the "./." of a closing)."""
    t = t.rstrip().rstrip("\"”’*")
    return t.endswith((".", "!", "?")) and not t.endswith("./.")


_PART_LETTERS = frozenset("ABCDEFGH")
# "A. KẾT QUẢ CHỈ SỐ PAPI NĂM 2022": a capital letter, a dot and a title in capitals
# ("A/ MỤC ĐÍCH, YÊU CẦU": the slash some offices close a label with)
_LETTER_PART = regex.compile(r"(?P<label>[A-H])[./][ \t]{1,3}(?P<title>\S[^\n]{2,300})")


def _letter_part(lines: _Lines, i: int, s: str, start: int, end: int) -> _Heading | None:
    """A part labelled by a capital letter above the Roman sections ("A. KẾT QUẢ …", "B. KẾ HOẠCH …"): a
    part like "PHẦN I", when its title is written in capitals (a lettered item "B. Phòng Nội vụ" is not)."""
    m = _LETTER_PART.fullmatch(s.rstrip())
    if m is None or not _is_upper_title(m.group("title")):
        return None
    ts = start + m.start("title")
    return _Heading(i, "part", m.group("label"), ts, _rstrip_end(lines, ts, end), -1)


_NUMBER_WORD_END = regex.compile(r"(?<!\w)(?:năm|tháng|quý|ngày|số)$")


def _wrapped_on(lines: _Lines, i: int) -> bool:
    """Line i continues on the next line: that line is not blank, starts with a lower-case letter and
    opens no item (hard-wrapped plain text; a heading never runs on into a lower-case line)."""
    j = i + 1
    while j in lines.furniture:
        j += 1  # "… (có hiệu lực từ ngày" | Trang 2/5 | running header | "01/7/2023) đến …"
    if j >= lines.n:
        return False
    nxt = lines.texts[j].lstrip()
    if not nxt:
        # "…; hoàn thành" | blank | "3" | blank | "trước ngày 31/10/2025.": a page number alone between blank
        # lines cuts a sentence that goes on in lower case after it
        k = _past_page_number(lines.texts, j, lines.n, lines.furniture)
        if k is None:
            return False
        after = lines.texts[k].lstrip()
        return bool(after) and after[0].islower() and not lines.starts_item(k)
    if lines.starts_item(j):  # "a) …" opens an item
        return False
    # a lower-case start goes on a sentence; so does any start after a line cut at the wrap width
    # ("… sử dụng ứng dụng" + "VNeID và …") or one that leaves a parenthesis open, and a number after a line
    # stopping on the word that needs it ("… trước mùa mưa bão năm" + "2025.")
    # (a line closing on a comma goes on too: "UBND các phường: Cam Nghĩa, …, Cam Phú," / "Ba Ngòi và …")
    return (nxt[0].islower() or lines.full(i) or lines.texts[i].count("(") > lines.texts[i].count(")")
            or lines.texts[i].rstrip().endswith(",")
            or (nxt[0].isdigit() and _NUMBER_WORD_END.search(lines.texts[i].rstrip()) is not None))


# a line ending on one of these goes on below: no heading stops there ("… ngân sách địa phương trên")
@lru_cache(maxsize=1)
def _open_end_words() -> tuple[str, ...]:
    """outline.yaml's heading line_end_words."""
    return line_end_words()[0]


def _ends_open(stripped: str) -> bool:
    """Whether a right-stripped line ends on an open word after a blank ("cấp trên" excepted). Tested with
    ``endswith``, not a pattern searched: a line may hold 600 characters."""
    for w in _open_end_words():
        n = len(w)
        if stripped.endswith(w) and len(stripped) > n and stripped[-n - 1] in " \t":
            if w == "trên" and stripped[-n - 4 : -n - 1] == "cấp":
                continue
            return True
    return False


_INDICATOR_HEAD_REST_WORDS = 6  # words of a dimension heading's wrapped last line ("phương", "cấp cơ sở")


def _wrapped_indicator_head(lines: _Lines, i: int, title: str) -> int | None:
    """The end of a heading naming a PAPI indicator whose title wrapped onto one short next line that ends it
    (a blank line, an item or the end after it), or None."""
    from papi_extract.taxonomy import find_indicators

    j = i + 1
    if j >= lines.n or j in lines.furniture:
        return None
    nxt = lines.texts[j].strip()
    if not nxt or len(nxt.split()) > _INDICATOR_HEAD_REST_WORDS or nxt[-1:] in ".;" or lines.starts_item(j):
        return None
    if j + 1 < lines.n and lines.texts[j + 1].strip() and not lines.starts_item(j + 1):
        return None  # the paragraph goes on: a sentence, not a heading
    joined = f"{title.rstrip()} {nxt}"
    found = find_indicators(joined)
    if not found or found[0].start > 30 or found[-1].end < len(joined) - 3:
        return None  # the heading is the indicator's name, ending with it
    info = lines.infos[j]
    return info.start + len(lines.texts[j].rstrip())


_WRAPPED_HEAD_REST = 40  # characters of a heading's wrapped rest on its second line ("huyện:")
_WRAPPED_HEAD_WORDS = 25


@cache
def _leadin_opening_re() -> regex.Pattern[str]:
    """A line opening on a time or an instruction (outline.yaml leadin_openings): a lead-in sentence, never the
    wrapped end of a name."""
    return regex.compile(r"(?:" + phrase_alternation(data_file("outline.yaml")["leadin_openings"]) + r")(?![\p{L}\d])")


def _wrapped_head(lines: _Lines, i: int) -> int | None:
    """The end of a heading's title wrapped onto the next line ("3. Đề nghị Ủy ban MTTQ Việt Nam huyện và các tổ
    chức chính trị - xã hội" / "huyện:"), a group's head over its lettered items: the next line is short and
    closes with ":" (or, a paragraph of its own, with no stop), and items follow it. None for any other wrap
    (an item's sentence going on)."""
    j = i + 1
    if j >= lines.n:
        return None
    nxt = lines.texts[j].strip()
    # no colon: the rest must stand alone as the heading's paragraph, a blank line after it, then the items
    # ("3. Thủ trưởng các cơ quan …; Chủ tịch" / "UBND các xã, phường" / "" / "- Xây dựng …", odt2txt)
    bare = (nxt[-1:] not in ".;:!?" and j + 1 < lines.n and lines.blank(j + 1)
            and lines.texts[i].rstrip()[-1:] not in ".;:,")
    # a name cut after its comma, its items right below ("2.8. Ủy ban nhân dân các huyện," / "thành phố" / "• …")
    comma = lines.texts[i].rstrip().endswith(",") and nxt[-1:] not in ".;:!?," and nxt[:1].islower()
    if not (nxt.endswith(":") or bare or comma) or len(nxt) > _WRAPPED_HEAD_REST or ":" in nxt[:-1] \
            or not _followed_by_items(lines, j):
        return None
    if lines.starts_item(j) or _label_matches(lines.texts[j], lines.texts[j].lstrip())[1:] != (None, None, None):
        return None  # "2.1. Văn phòng HĐND và UBND huyện:" is a heading of its own
    if nxt[:1].isupper() and not _ends_open(lines.texts[i].rstrip()) and _leadin_opening_re().match(nxt) is not None:
        # "4. Kiểm soát tham nhũng trong khu vực công" / "Trong quý II/2023, tập trung:": a lead-in of its own
        # (opening on a time or a verb) under a finished heading, not the heading's last words
        return None
    if len(lines.texts[i].split()) + len(nxt.split()) > _WRAPPED_HEAD_WORDS:
        return None
    info = lines.infos[j]
    return info.start + len(lines.texts[j].rstrip().rstrip(":").rstrip())


def _past_page_number(texts: list[str], j: int, n: int, skip: frozenset[int] = frozenset()) -> int | None:
    """From the blank line ``j``: the first line after blank lines, one page number alone ("3", "- 4 -")
    and blank lines again; None when no page number sits there. Lines in ``skip`` (page furniture: a
    scanner's stamp beside the page number) count as blank."""
    k = j
    number = False  # a page number among the furniture ("\f6", read as furniture beside its page break)
    while k < n and (not texts[k].strip() or k in skip):
        number = number or (k in skip and len(texts[k]) <= 16 and is_page_number(texts[k].strip()))
        k += 1
    if number:
        return k if k < n else None
    if k >= n or len(texts[k]) > 16 or not is_page_number(texts[k].strip()):
        return None
    k += 1
    if k >= n or (texts[k].strip() and k not in skip):
        return None  # the page number stands between blank lines
    while k < n and (not texts[k].strip() or k in skip):
        k += 1
    return k if k < n else None


# the rest of a run-in head at the start of a line, then its text: "tỉnh: tăng cường …"
_RUNIN_END = regex.compile(r"^[^:\n]{1,60}:[ \t]{1,4}\S")


def _rstrip_end(lines: _Lines, start: int, end: int) -> int:
    """``end`` moved left past trailing " \\t:.;*_" (never before ``start``)."""
    return start + len(lines.ctx.norm.text[start:end].rstrip(" \t:.;*_"))


_LEADIN_MAX_LINES = 3


def _followed_by_items(lines: _Lines, i: int) -> bool:
    """List items follow line ``i``, right after it or after one short lead-in paragraph that ends with a colon
    ("10. UBND các xã, thị trấn:" / "Trong năm 2023, tập trung thực hiện các nội dung sau:" / "- …")."""
    j = i + 1
    while j < lines.n and lines.blank(j):
        j += 1
    if j >= lines.n:
        return False
    if lines.starts_item(j):
        return True
    k = j
    while k < lines.n and k - j < _LEADIN_MAX_LINES and not lines.blank(k) and not lines.texts[k].rstrip().endswith(":"):
        k += 1
    if k >= lines.n or lines.blank(k) or not lines.texts[k].rstrip().endswith(":"):
        return False
    k += 1
    while k < lines.n and lines.blank(k):
        k += 1
    return k < lines.n and lines.starts_item(k)


def _shape_level(shape: str, label: str) -> int:
    if shape == "part":
        return 0  # above the Roman tier while the body is walked; made 1 at the end
    if shape in ("roman", "appendix", "caps"):
        return 1
    if shape == "arabic":
        return 2
    if shape == "dotted":
        return label.count(".") + 2
    return 0  # letters: relative to parent


@lru_cache(maxsize=1)
def _word_label_re() -> regex.Pattern[str]:
    """"<word> N: <title>" on a folded line (word_labels in outline.yaml, longest first)."""
    raw = data_file("outline.yaml")["word_labels"]
    words = phrase_alternation(raw)
    return regex.compile(rf"^[ \t]{{0,8}}(?P<word>{words})[ \t]{{1,3}}(?P<label>\d{{1,2}})[ \t]{{0,2}}[:.)\-–][ \t]{{0,3}}(?=\S)")


# "a.1 …", "b.2. …": a letter, a dot and a number label an item under a lettered heading (never a heading itself)
_LETTER_NUMBER_ITEM = regex.compile(r"([a-zđ]\.\d{1,2})\.?[ \t]{1,4}(?=\S)")
_ITEM_LETTERS = frozenset("abcdđefghiklmnopqrstuvxyz")
# "A. Công chức Văn phòng - Thống kê theo dõi …", "Đ) Cán bộ, công chức xã báo cáo …": items lettered in capitals,
# their text in ordinary case (a title in capitals is a lettered part: ``_letter_part``)
_UPPER_LETTER_ITEM = regex.compile(r"(?P<label>[A-HĐ])[.)][ \t]{1,4}(?=\p{Lu}\p{Ll})")
_UPPER_ITEM_LETTERS = frozenset("ABCDĐEFGH")


@cache
def _word_item_re() -> regex.Pattern[str]:
    """"Nhiệm vụ 3. …", "Nhiệm vụ số 3: …" on the folded text (outline.yaml word_item_labels): a task card's label."""
    raw = data_file("outline.yaml")["word_item_labels"]
    words = phrase_alternation(raw)
    return regex.compile(rf"[ \t]{{0,8}}(?:{words})[ \t]{{1,3}}(?:so[ \t]{{1,3}})?(?P<label>\d{{1,3}})[ \t]{{0,2}}[:.)][ \t]{{1,3}}(?=\S)")


@cache
def _field_line_re() -> regex.Pattern[str]:
    """A labelled field line ("Đơn vị chủ trì: …", "Tiến độ: …") on the folded text: tasks.yaml's block cues,
    each with its colon."""
    cues: list[str] = []
    for role in data_file("tasks.yaml")["block_cues"].values():
        cues.extend(str(c) for c in (role.get("long") or []) + (role.get("short") or []))
    words = phrase_alternation(cues)
    return regex.compile(rf"(?:{words})[ \t]{{0,3}}:")


_WORD_TITLE_MAX = 160  # characters of a word-labelled heading's title


_ARABIC_LEAD = regex.compile(r"[ \t]{0,8}(\d{1,2})\.[ \t]")  # linear: bounded runs, no nesting


def _runin_lists(lines: _Lines, first: int, last: int) -> set[int]:
    """Lines "**1. Chỉ số X:** đạt 86,14%, xếp thứ 35/63" that may be items of a list, not headings.

    Why: a bold run-in head among headings ("##### **4. …**", "**5. Quản trị môi trường:** …", "### **6. …**")
    is a section written inline; but when the list's own numbering starts at 1 and runs on through
    run-in lines only, and the list stands in a section of results (the caller checks the kind: "**1. Mục
    đích:** …" / "**2. Yêu cầu:** …" stay sections), the bold words are the labels of one paragraph per index.
    """
    runins: list[tuple[int, int]] = []  # (line, number) of bold run-in lines
    heads: list[tuple[int, int]] = []  # (line, number) of numbered lines wholly a heading (bold or "#")
    texts, infos = lines.texts, lines.infos
    for i in range(first, last):
        info = infos[i]
        if not (info.bold or info.md_level):
            continue
        t = texts[i]
        m = _ARABIC_LEAD.match(t)
        if m is None:
            continue
        k = int(m.group(1))
        be = info.bold_end
        if info.bold and not info.md_level and m.end() < be < len(t) and t[:be].rstrip().endswith(":") and t[be:].strip():
            runins.append((i, k))
        else:
            heads.append((i, k))
    out: set[int] = set()
    j = 0
    while j < len(runins):
        run = [runins[j]]
        while j + len(run) < len(runins) and runins[j + len(run)][1] == run[-1][1] + 1:
            run.append(runins[j + len(run)])
        j += len(run)
        if len(run) < 2 or run[0][1] != 1:
            continue
        a, b = run[0][0], run[-1][0]
        nxt = next((k for i, k in heads if i > b), None)
        if any(a < i < b for i, _ in heads) or nxt == run[-1][1] + 1:
            continue  # headings between or after them in the same numbering: the run-in ones are sections too
        out.update(i for i, _ in run)
    return out


def _word_label_headings(lines: _Lines, first: int, last: int) -> dict[int, _Heading]:
    """Lines "Nhiệm vụ 1: Tham gia của người dân ở cấp cơ sở" between ``first`` and ``last`` that are
    headings: grouped by their label word, a word's lines are headings when there are two or more and at
    least half of their titles name a PAPI dimension or sub-dimension (a plan's tasks written as cards,
    "Nhiệm vụ 1: Tổ chức tuyên truyền …", name none). A title ends without a full stop."""
    from papi_extract.tables import _group_like

    rx = _word_label_re()
    found: dict[str, list[tuple[int, _Heading, str]]] = {}
    for i in range(first, last):
        t = lines.texts[i]
        s = t.lstrip()
        if not s or s[0] not in "CNLGcnlg":
            continue
        f = lines.folded(i)
        m = rx.match(f)
        if m is None:
            continue
        title = t[m.end() :].rstrip()
        if not title or len(title) > _WORD_TITLE_MAX or title[-1] in ".;,":
            continue
        base = lines.infos[i].start
        h = _Heading(i, "arabic", m.group("label"), base + m.end(), base + m.end() + len(title), -1)
        found.setdefault(collapse_ws(m.group("word")), []).append((i, h, title))
    out: dict[int, _Heading] = {}
    for hits in found.values():
        if len(hits) < 2:
            continue
        named = sum(1 for _, _, title in hits if _group_like(title))
        if 2 * named >= len(hits):
            out.update((i, h) for i, h, _ in hits)
    return out


def segment(ctx: DocContext) -> None:
    lines = _Lines(ctx)
    n = lines.n
    texts, infos = lines.texts, lines.infos
    text_all, folded = ctx.text, ctx.folded
    ops = _openings()
    chrome, closing = ops["chrome"], ops["closing"]
    start_line = _title_block_end(lines)

    sections: list[_Sec] = []
    stack: list[_Sec] = []
    sec_id: str | None = None  # the innermost open section
    blocks: list[Block] = []
    cur: Block | None = None
    prev_blank = True
    in_org = False  # an "organization" section is on the stack
    expected_next: dict[tuple[str | None, str], int] = {}

    tail_line = _find_tail(lines, start_line)
    attached = _find_attachment(lines, tail_line)
    if attached is not None:
        # a decision with its plan attached after its signature: the plan is the body (the decision's
        # articles only enact it), and the plan's own tail, if it has one, ends it
        start_line = attached
        tail_line = _find_tail(lines, start_line)
    resume_line = _find_appendix_after(lines, tail_line)
    ctx.body_start = infos[start_line].start if start_line < n else len(text_all)
    ctx.body_end = infos[tail_line].start if tail_line < n else -1
    ctx.tail_end = infos[resume_line].start if resume_line < n else -1
    # Lines inside a one-cell-per-line table (cells between "|" lines) are cells and group rows
    # ("1. Chỉ số Tham gia ..." between two rows), never headings.
    in_table: set[int] = set()
    if "|" in text_all and _BAR_LINE_ANY.search(text_all):  # cheap gate: most documents hold no "|" line at all
        for a, b in bar_table_regions(texts, start_line, tail_line):
            in_table.update(range(a, b))
    # Lines of a task table written one paragraph per cell (docx2txt): a group row's title is a cell
    if "\nTT\n" in text_all or "\nSTT\n" in text_all or "\nSố TT\n" in text_all:
        for a, b in spaced_cell_table_regions(texts, start_line, tail_line):
            in_table.update(range(a, b))
    # Lines of a space-aligned table with no "TT" column: rows, each a table row block ("1. Tham gia …
    # 5,02   5,11" and a group row "2. CÔNG KHAI, MINH BẠCH …" are cells, not headings)
    aligned_rows: set[int] = set()
    for r in ctx.aligned_tables():
        if start_line <= r.head < tail_line:
            aligned_rows.update(range(r.head, min(r.end, tail_line)))
        elif r.head >= resume_line:  # an appendix after the signature
            aligned_rows.update(range(r.head, r.end))
    in_table |= aligned_rows

    # Per line, in the order of the tests: blank, page chrome, table row, heading, closing phrase,
    # continuation of the current block, new block. A line is "plain" when its lead rules out
    # every label and bullet pattern (``g0``, the gate bits of its first character, is 0 for most
    # lines): it is never a heading, an item or a bullet.
    unwrapped = _one_line_paragraphs(texts, start_line, tail_line)
    indented = not unwrapped and _first_line_indents(texts, start_line, tail_line)
    # the document's first line is its title (a news page's headline), never a section
    first_text = next((k for k in range(n) if texts[k].strip()), n)
    plain_lead = _PLAIN_LEAD
    chrome_phrases, closing_phrases = chrome.phrases, closing.phrases
    any_opening = chrome_phrases + closing_phrases
    gates = _GATES
    simple_leads = (_G_LETTER, _G_ROMAN, _G_DIGIT)
    furniture = lines.furniture
    apx_title = False  # right after "PHỤ LỤC" or "PHẦN I": its capital title lines follow
    has_parts = False
    word_headings = _word_label_headings(lines, start_line, tail_line)
    runin_items = _runin_lists(lines, start_line, tail_line)
    consumed = -1  # the last line of a heading whose title wrapped onto it
    for i in (*range(start_line, tail_line), *range(resume_line, _appendix_end(lines, resume_line))):
        if i <= consumed:
            continue
        if furniture and i in furniture:
            continue  # a page marker or running header: the block it interrupts goes on after it
        text = texts[i]
        s = text.lstrip()
        if not s:
            prev_blank = True
            continue
        if (s[0] in _PAGE_NUMBER_FIRST and is_page_number(s)
                and (i == 0 or not texts[i - 1].strip() or (furniture and i - 1 in furniture))
                and (i + 1 >= n or not texts[i + 1].strip() or (furniture and i + 1 in furniture))):
            # a page number alone between blank lines ("3", "- 4 -", "Trang 5"): no content, and the
            # block it interrupts goes on after it ("… nhà nước thành | 3 | phố Hà Nội …")
            prev_blank = True
            continue
        info = infos[i]
        start, end = info.start, info.end
        # The openings (chrome, closing): when the folded line starts with a character the lead
        # class cannot consume, each matches iff one of its phrases is a prefix (_Opening.match_at).
        if folded[start] in plain_lead:
            if folded.startswith(any_opening, start, end):
                is_chrome = folded.startswith(chrome_phrases, start, end)
                is_closing = folded.startswith(closing_phrases, start, end)
            else:
                is_chrome = is_closing = False
        else:
            f = folded[start:end]
            rest = f.lstrip(_LEAD_ASCII)
            if rest[:1] not in plain_lead:  # a non-ASCII character in or after the lead: the patterns decide
                is_chrome = chrome.rx.match(f) is not None
                is_closing = closing.rx.match(f) is not None
            elif len(f) - len(rest) <= 8 and rest.startswith(any_opening):
                is_chrome = rest.startswith(chrome_phrases)
                is_closing = rest.startswith(closing_phrases)
            else:
                is_chrome = is_closing = False
        if not (is_chrome or is_closing) and "  " in folded[start : min(end, start + 48)]:
            # justified text ("Trên  đây  là  Kế hoạch"): the phrases have one space between words
            flat = " ".join(folded[start : min(end, start + 96)].split())
            is_chrome = flat.startswith(chrome_phrases)
            is_closing = flat.startswith(closing_phrases)
        if is_chrome:
            prev_blank = True
            cur = None
            continue
        c0 = s[0]
        g0 = gates[c0]
        if "\t" in text or (c0 == "|" and s.count("|") >= 2) or i in aligned_rows:  # a table row, never a heading
            cur = Block("table_row", start, end, start, i, None, None, 0, sec_id,
                        [(start, end)])
            blocks.append(cur)
            prev_blank = False
            continue
        ind = len(text) - len(s)
        plain = not g0
        if g0 in simple_leads:
            # A letter, Roman letter or digit followed by none of ".):/", a space, a Roman letter or a
            # digit starts no label (LETTER_RE, ROMAN_RE, LOWER_ROMAN_RE, ARABIC_RE and DOTTED_RE all need one).
            c1 = s[1:2]
            if c1 not in ".):/IVXLivxl" and not c1.isspace():
                plain = not c1 or not gates[c1] & _G_DIGIT
        if c0 in _ARROWS or s.startswith(ASCII_ARROW):
            prev_blank = True  # "⇒ X chủ trì, Y phối hợp; hoàn thành: …": the line under a task is its own block
        elif (unwrapped and not prev_blank and c0.isupper()
                and (_ends_sentence(texts[i - 1]) or texts[i - 1].rstrip().endswith(";"))):
            # one paragraph per line: a finished sentence, or a clause closed by ";" (an item whose bullet was
            # lost), then a capital opens a new one (not after ":": "Phòng Nội vụ:" / "Hướng dẫn …" is one item)
            prev_blank = True
        elif (indented and not prev_blank and ind >= 2 and c0.isupper() and _ends_paragraph(texts[i - 1])
              and len(texts[i - 1]) - len(texts[i - 1].lstrip()) < ind):
            prev_blank = True  # paragraphs marked by their first line's indent: an indented line opens one
        caps_h = None
        if apx_title and not _is_upper_title(s):
            apx_title = False
        # one paragraph per line: a lead-in closing with ":" ("… cụ thể như sau:") also ends its paragraph
        # before a heading typed in capitals
        after_colon = unwrapped and i > 0 and texts[i - 1].rstrip().endswith(":")
        if (c0 in _PART_LETTERS and s[1:2] == "." and not is_closing and i not in in_table
                and any(x.shape == "roman" for x in stack) and not any(x.shape == "part" for x in stack)
                and (caps_h := _letter_part(lines, i, s, start + ind, end)) is not None):
            # "A. NHIỆM VỤ CỦA CÁC SỞ, BAN, NGÀNH" inside "III. NHIỆM VỤ, GIẢI PHÁP": a tier of lettered parts
            # between the Roman sections and the numbered ones under them (in a plan whose lettered parts hold the
            # Roman sections, "B." after "A. … I. … II." is the next part)
            caps_h.shape = "upper_letter"
        if caps_h is None and c0 in _PART_LETTERS and s[1:2] == "/" and not is_closing and i not in in_table:
            caps_h = _letter_part(lines, i, s, start + ind, end)  # "A/ MỤC ĐÍCH, YÊU CẦU": no caps heading's label
        if (caps_h is None and c0 in _UPPER_ITEM_LETTERS and s[1:2] in ".)" and not is_closing and i not in in_table
                and (um := _UPPER_LETTER_ITEM.match(s)) is not None and not _is_upper_title(s[um.end():])):
            ts = start + ind + um.end()
            cur = Block("item", start + ind, end, ts, i, s[: um.end()].strip(), um.group("label"), ind, sec_id, [(ts, end)])
            blocks.append(cur)
            prev_blank = False
            continue
        if (caps_h is None and c0.isupper() and (prev_blank or i == start_line or after_colon) and not is_closing
                and i not in in_table and not apx_title
                and not (c0 in "Pp" and PART_RE.match(s))):  # (the capital lines under "PHỤ LỤC" are its title;
            if c0 in _PART_LETTERS and s[1:2] == ".":  # "PHẦN I. …" is a part, read by its label; "A. KẾT QUẢ …"
                caps_h = _letter_part(lines, i, s, start + ind, end)  # a lettered part, read by its letter)
            if caps_h is None:
                caps_h = _caps_heading(lines, i, s, start + ind, end)
        if (caps_h is None and infos[i].md_level and i > first_text and not is_closing and i not in in_table
                and not apx_title and not (c0 in "Pp" and PART_RE.match(s))):
            if not any(x.label for x in stack):
                caps_h = _unlabelled_md_heading(s, i, start + ind)
            elif any(x.label and 0 < x.md < infos[i].md_level for x in stack):
                # "#### Nhóm giải pháp thứ nhất: Nâng cao chỉ số Quản trị điện tử" under "### III. NHIỆM VỤ": a markdown
                # heading a tier under the open labelled one, naming an indicator or a section's kind, is its
                # unlabelled sub-section (any other, "### Lưu ý khi triển khai", stays a sub-title)
                caps_h = _unlabelled_md_heading(s, i, start + ind)
                if caps_h is not None and _names_indicator_or_kind(s):
                    caps_h.shape = "plain"
                else:
                    caps_h = None
        if (caps_h is None and unwrapped and plain and stack and c0.isupper() and not is_closing
                and i not in in_table and not apx_title and (cur is None or _ends_paragraph(_text_before(texts, i)))):
            caps_h = _plain_heading(lines, i, s, start + ind)
        if (caps_h is None and in_org and prev_blank and c0.isupper() and not is_closing
                and i not in in_table and not apx_title and stack and stack[-1].kind == "organization"):
            caps_h = _agency_heading(lines, i, s, start + ind)
        if caps_h is None and c0 in _PART_LETTERS and s[1:2] == "." and not is_closing and i not in in_table:
            caps_h = _letter_part(lines, i, s, start + ind, end)
        if caps_h is None and word_headings and i in word_headings and i not in in_table:
            caps_h = word_headings[i]
        if (caps_h is None and s[1:2] == "." and s[2:3].isdigit() and c0 in _ITEM_LETTERS and not is_closing
                and i not in in_table and (lm := _LETTER_NUMBER_ITEM.match(s)) is not None):
            # "a.1 Trạm Y tế xã niêm yết …", "b.2. Ban Công tác Mặt trận các ấp thực hiện:" (the items numbered under a
            # lettered heading): a numbered item, its own block, never a heading
            ts = start + ind + lm.end()
            cur = Block("item", start + ind, end, ts, i, s[: lm.end()].strip(), lm.group(1), ind, sec_id, [(ts, end)])
            blocks.append(cur)
            prev_blank = False
            continue
        if plain and caps_h is None and c0 in "NnGg" and not is_closing and i not in in_table:
            wm = _word_item_re().match(folded, start + ind, end)
            if wm is not None:
                # "Nhiệm vụ 3. Công khai dự toán …" (a task card's first line): a numbered item, its own block
                ts = wm.end()
                cur = Block("item", start + ind, end, ts, i, text_all[start + ind : ts].strip(), wm.group("label"),
                            ind, sec_id, [(ts, end)])
                blocks.append(cur)
                prev_blank = False
                continue
        if (caps_h is None and not prev_blank and c0.isupper() and cur is not None
                and cur.kind != "table_row" and _field_line_re().match(folded, start + ind, end)):
            prev_blank = True  # "Đơn vị chủ trì: Phòng Tư pháp" under a task card's line: a field line of its own
        if plain and caps_h is None:
            if cur is not None and cur.kind != "table_row" and not is_closing and (not prev_blank or c0.islower()):
                cur.end = end
                cur.pieces.append((start + ind, end))
            else:
                cur = Block("para", start + ind, end, start + ind, i, None, None, ind, sec_id,
                            [(start + ind, end)])
                if is_closing:
                    cur.kind = "closing"
                blocks.append(cur)
            prev_blank = False
            continue
        if (caps_h is None and g0 & _G_BULLET and len(s) > 2 and s[1] == " " and not s[2].isspace() and ind <= 13
                and (not ind or not text[:ind].strip(" \t"))):
            if not gates[s[2]] & (_G_LABEL | _G_BULLET):
                # "- Text" (``_bullet``'s direct reading): a bullet with no label, never a heading
                ts = start + ind + 2
                cur = Block("bullet", start + ind, end, ts, i, c0, None, ind, sec_id,
                            [(ts, end)])
                if is_closing:
                    cur.kind = "closing"
                blocks.append(cur)
                prev_blank = False
                continue
        labels = _label_matches(text, s) if caps_h is None else _NO_LABEL
        bullet = _bullet(text, s, g0) if g0 & _G_BULLET and caps_h is None else None
        if caps_h is not None or ((labels[1] or labels[2] or labels[3] or labels[0] & _G_ROMAN or g0 & _G_APPENDIX
                                   or (c0 in "ivxl" and s[1:2] in "ivxl" and (_lower_roman(text) is not None or (
                                       (infos[i].bold or infos[i].md_level)
                                       and _lower_roman_emphasised(lines, text) is not None))))
                                  and len(text) <= 600 and i not in in_table
                                  and not (i in runin_items and stack and stack[-1].kind == "limitations")):
            h = caps_h if caps_h is not None else _heading(lines, i, text, g0, labels, in_org)
            if h is not None:
                level = _shape_level(h.shape, h.label)
                if h.shape == "part" or (h.shape == "appendix" and has_parts):
                    level, has_parts = 0, True  # an appendix of a plan in parts sits beside the parts
                if h.shape == "upper_letter":
                    anchor = next((x for x in reversed(stack) if x.shape == "roman"), None)
                    level = anchor.level + 1 if anchor is not None else 2
                elif h.shape in ("arabic", "dotted") and any(x.shape == "upper_letter" for x in stack):
                    level += 1  # "1. Tham gia …" under "A. NHIỆM VỤ CỦA …": one tier deeper
                if h.shape == "letter":
                    anchor = next((x for x in reversed(stack) if x.shape != "letter"), None)
                    level = (anchor.level + 1) if anchor else 3
                elif h.shape == "plain":
                    # an unlabelled sub-heading sits one level under the nearest labelled or capitals one
                    anchor = next((x for x in reversed(stack) if x.shape not in ("letter", "plain")), None)
                    if infos[i].md_level:  # a markdown heading sits under the nearest open one of a higher tier
                        anchor = next((x for x in reversed(stack) if 0 < x.md < infos[i].md_level), anchor)
                    level = (anchor.level + 1) if anchor else 2
                    for x in reversed(stack):  # "Cung ứng dịch vụ công" / "Về y tế công lập", "Về giáo dục …"
                        if x.shape != "plain":
                            break
                        if _names_part_of(text, x.title):
                            level = x.level + 1
                            break
                while stack and stack[-1].level >= level:
                    stack.pop()
                par = stack[-1] if stack else None
                title = collapse_ws(text_all[h.title_start : h.title_end])
                if h.shape in ("appendix", "part") and not title:
                    title = _appendix_title(lines, i)
                    apx_title = True  # its capital title lines follow: no headings of their own
                if par is not None and par.shape == "part":
                    # a part groups sections that keep their own kinds ("I. MỤC ĐÍCH" in "PHẦN II")
                    own = section_kind(title, None)
                    kind = own if own != "other" else par.kind
                else:
                    kind = section_kind(title if h.shape != "appendix" else "phu luc " + title, par.kind if par else None)
                if h.shape == "appendix":
                    kind = "appendix"
                    apx_title = True
                sec = _Sec(f"s{len(sections) + 1}", h.label, title, level, par.id if par else None, kind, start, h.shape,
                           kind == "organization" or (par is not None and par.in_org), md=infos[i].md_level)
                _check_numbering(ctx, expected_next, par.id if par else None, h, start)
                sections.append(sec)
                stack.append(sec)
                sec_id = sec.id
                in_org = sec.in_org  # the stack is the new section and its ancestors
                ctx.heading_lines[i] = sec.id
                if h.last_line > i:
                    consumed = h.last_line  # the title's wrapped rest: no block of its own
                    ctx.heading_wraps[i] = h.last_line
                cur = None
                if h.content_start >= 0:
                    cur = Block("para", h.content_start, end, h.content_start, i, section=sec.id,
                                pieces=[(h.content_start, end)])
                    blocks.append(cur)
                prev_blank = False
                continue
        # A closing phrase ("Trên đây là ...") always opens its own block, blank line or not.
        if (cur is not None and cur.kind != "table_row" and not is_closing and (not prev_blank or c0.islower())
                and not (bullet or labels[1] or labels[2] or labels[3])):  # not _starts_item
            cur.end = end
            cur.pieces.append((start + ind, end))
            prev_blank = False
            continue
        cur = _make_block(lines, i, text, s, labels, bullet, sec_id)
        if is_closing:
            cur.kind = "closing"
        blocks.append(cur)
        prev_blank = False

    # Section spans: heading line to the next heading of the same or higher level, never into the tail.
    open_secs: list[_Sec] = []  # levels strictly increasing: each waits for its closing heading
    for sec in sections:
        while open_secs and open_secs[-1].level >= sec.level:
            closed = open_secs.pop()
            closed.end = _trim_end(text_all, closed.start, sec.start)
        open_secs.append(sec)
    for sec in open_secs:
        end = ctx.body_end if 0 <= ctx.body_end and sec.start < ctx.body_end else len(text_all)
        sec.end = _trim_end(text_all, sec.start, end)
    _kinds_from_content(ctx, sections)
    # Final levels (the spans above were closed with the levels as read): parts are the top tier (1),
    # with the appendices, and the tiers under them start at 2; with no Roman tier, the plan's own first
    # tier ("1.", or "1.1." when it has no "1.") is the top, as the contract says (level 1 = top).
    if has_parts:
        inner = [x for x in sections if x.shape not in ("part", "appendix")]
        shift = 2 - min((x.level for x in inner), default=2)
        for x in sections:
            x.level = 1 if x.shape in ("part", "appendix") and x.level == 0 else x.level + shift
        # a part with no Roman tier of its own: its numbered headings are the tier right under it ("PHẦN IV" /
        # "1. Nâng cao sự tham gia …" is level 2 while "PHẦN I" / "I. Sự cần thiết" / "1. …" goes to 3)
        by_id = {x.id: x for x in sections}
        for x in sections:
            par = by_id.get(x.parent) if x.parent else None
            if par is not None and x.level > par.level + 1 and (par.shape == "part" or par.level + 1 < x.level):
                x.level = par.level + 1
    elif sections and not any(x.shape == "roman" for x in sections):
        top = min((x.level for x in sections if x.shape != "appendix"), default=1)
        if top > 1:
            for x in sections:
                if x.shape != "appendix":
                    x.level -= top - 1
    ctx.sections = [
        Section(id=x.id, label=x.label, title=x.title, level=x.level, parent=x.parent, kind=x.kind,  # type: ignore[arg-type]
                span=(x.start, x.end))
        for x in sections
    ]
    ctx.blocks = blocks
    if not sections:
        ctx.warn("W302", "no section headings found")


_ATTACHED_CAPTION = regex.compile(r"^\(?\s{0,2}(?:ban\s{1,2}hanh\s{1,2})?kem\s{1,2}theo\s{1,2}(?:quyet\s{1,2}dinh|chi\s{1,2}thi|nghi\s{1,2}quyet)")
_ATTACHED_WINDOW = 6  # lines from the document-type line to its "(Ban hành kèm theo Quyết định …)" caption


def _find_attachment(lines: _Lines, tail_line: int) -> int | None:
    """First body line of a document attached after the tail ("KẾ HOẠCH" / subject / "(Ban hành kèm
    theo Quyết định số …)"), or None. Provinces often issue a plan as the annex of a decision."""
    v = vocab()
    for i in range(tail_line + 1, lines.n):
        if collapse_ws(lines.folded(i).strip(" *#:")) not in v.doc_type_lines:
            continue
        for j in range(i + 1, min(lines.n, i + 1 + _ATTACHED_WINDOW)):
            if _ATTACHED_CAPTION.match(lines.folded(j).strip(" *_")):
                return j + 1
    return None


def trailing_chrome_start(folded: str, start: int = 0) -> int:
    """Where a web page's trailing chrome begins after ``start`` ("Các tin khác", "Tin liên quan", "Tệp đính
    kèm: …" opening a line, chrome_tail_openings in outline.yaml), or the text's length: what follows is the
    page's, not the plan's (its links cite other documents)."""
    end = len(folded)
    for phrase in vocab().chrome_tail_openings:
        k = folded.find("\n" + phrase, start, end)
        if k >= 0:
            end = k + 1
    return end


def _appendix_end(lines: _Lines, resume_line: int) -> int:
    """Where appendices printed after the signature end: a web page's trailing chrome ("Tin liên quan",
    "Tệp đính kèm: …") after them, or the end of the text."""
    rx = _patterns()["chrome_tail"]
    for i in range(resume_line + 1, lines.n):
        t = lines.texts[i]
        if t[:1].isspace():
            t = t.lstrip()
        if t and rx.match(fold(t[:40])):  # type: ignore[attr-defined]
            return i
    return lines.n


def _appendix_shape(text: str, m: regex.Match[str]) -> bool:
    """APPENDIX_RE's match has an appendix's shape: a number ("PHỤ LỤC I"), no title on its line, or a title after a
    colon or dash with the whole line in capitals ("PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ CỤ THỂ"); "Phụ lục kèm theo …" in a
    sentence has none."""
    title = m.group(_APX_TITLE) or ""
    if m.group(_APX_LABEL) or not title.strip():
        return True
    sep = text[m.end("kw") : m.start(_APX_TITLE)]
    return any(c in sep for c in ":-–") and _is_upper_title(text)


def _find_appendix_after(lines: _Lines, tail_line: int) -> int:
    """Appendices printed after the signature ("PHỤ LỤC I") are body again: their first line, or n. So is a
    task table's header row there with no heading of its own (a script that writes every table after the
    paragraphs puts the appendix's table after the signature's)."""
    from papi_extract.tables import opens_task_table

    for i in range(tail_line + 1, lines.n):
        t = lines.texts[i]
        if ("\t" in t or "|" in t) and opens_task_table(t):
            return i
        if not _lead_gate(lines.texts[i].lstrip())[0] & _G_APPENDIX:
            continue  # APPENDIX_RE needs "p"/"P" as the first non-space character
        m = APPENDIX_RE.match(lines.texts[i])
        if m is None or not _appendix_shape(lines.texts[i], m):
            continue
        info = lines.infos[i]
        title = (m.group(_APX_TITLE) or "").strip()
        # "PHỤ LỤC I", "Phụ lục 1: NHIỆM VỤ CHUNG" (a label and a title in capitals), or a label alone on its line in
        # bold or as a heading ("**Phụ lục I**" over its title)
        if _is_upper_title(lines.texts[i]) or (m.group(_APX_LABEL) and (
                (title and _is_upper_title(title)) or (not title and (info.bold or info.md_level)))):
            return i
    return lines.n


def _kinds_from_content(ctx: DocContext, sections: list[_Sec]) -> None:
    """A section the heading words leave as "other" but whose text reports index results
    ("Đạt 5,47/10 điểm ..., xếp vị thứ 22/63") is an analysis of results: limitations."""
    rx = _result_cue_re()
    folded = ctx.folded
    for sec in sections:
        if sec.kind != "other":
            continue
        # every result cue ends in "diem": a span without it holds none
        if folded.find("diem", sec.start, sec.end) >= 0 and rx.search(folded, sec.start, sec.end):
            sec.kind = "limitations"
            for child in sections:
                if child.parent == sec.id and child.kind == "other":
                    child.kind = "limitations"


@lru_cache(maxsize=1)
def _result_cue_re() -> regex.Pattern[str]:
    cues = "|".join(regex.escape(c) for c in vocab().result_cues)
    return regex.compile(r"(?<!\w)(?:" + cues + r")\s{0,3}\d{1,2}[,.]\d{1,2}(?:\s{0,2}/\s{0,2}\d{1,2})?\s{0,3}diem")


def _trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved left past trailing spaces, tabs and newlines (never before ``start``)."""
    while True:
        lo = max(start, end - 64)  # look at a short tail first: spans end in a few blank lines
        kept = len(text[lo:end].rstrip(" \t\n"))
        if kept or lo == start:
            return lo + kept
        end = lo


def _starts_item(text: str) -> bool:
    return bool(BULLET_RE.match(text) or LETTER_RE.match(text) or ARABIC_RE.match(text) or DOTTED_RE.match(text)
                or PAREN_RE.match(text) or PAREN_LETTER_RE.match(text))


def _make_block(lines: _Lines, i: int, text: str, s: str, labels: Labels, bullet: Bullet | None,
                sec_id: str | None) -> Block:
    """The block line i opens (``s`` = ``text.lstrip()``; its label matches and bullet are known)."""
    info = lines.infos[i]
    base = info.start
    end = info.end
    indent = len(text) - len(s)
    if bullet:
        marker, rest_at, rest = bullet
        marker = marker.replace(" ", "")
        if len(marker) > 1 and marker[0] in "-–—•":
            marker = marker[-1]  # "- +" : the inner marker is the real one
        ts = base + rest_at
        # "- 4.1 ..." / "+ a) ..." : a label right after the bullet
        label = None
        if marker in "-–—•":
            _, dm, am, lm = _label_matches(rest, rest.lstrip())
            hit = dm or am or lm
            if hit:
                label = hit[0]
                ts = base + rest_at + hit[1]
        return Block("bullet", base + indent, end, ts, i, marker, label, indent, sec_id, [(ts, end)])
    hit = labels[1] or labels[2] or labels[3]
    if hit:
        label = hit[0]
        ts = base + hit[1]
        return Block("item", base + indent, end, ts, i, label, label, indent, sec_id, [(ts, end)])
    return Block("para", base + indent, end, base + indent, i, None, None, indent, sec_id, [(base + indent, end)])


def _appendix_title(lines: _Lines, i: int) -> str:
    """Appendix titles are the upper-case lines right under "PHỤ LỤC I"."""
    parts: list[str] = []
    j = i + 1
    while j < lines.n and len(parts) < 6:
        t = lines.text(j).strip()
        if not t:
            if parts:
                break
            j += 1
            continue
        if lines.is_table(j) or not _is_upper_title(t):
            break
        parts.append(t)
        j += 1
    return collapse_ws(" ".join(parts))


def _check_numbering(ctx: DocContext, expected: dict[tuple[str | None, str], int], parent: str | None,
                     h: _Heading, off: int) -> None:
    """W301 when a label skips or repeats under the same parent (1, 2, 4 ...)."""
    if h.shape in ("appendix", "caps", "part", "plain"):
        return
    last = h.label.split(".")[-1]
    if h.shape == "roman":
        n = roman_to_int(h.label.upper())
    elif h.shape == "letter":
        # (compared by letter: "đ." after "d.", "g." after "e." in the Vietnamese alphabet, "f." after "e." in the Latin)
        key = (parent, h.shape)
        before = expected.get(key)
        if before is not None and not letter_follows(chr(before), h.label):
            ctx.warn("W301", f"heading label {h.label!r} follows {chr(before)!r} under the same parent",
                     (off, off + len(h.label)))
        expected[key] = ord(h.label)
        return
    elif h.shape == "upper_letter":
        n = ord(h.label) - ord("A") + 1
    else:
        n = int(last)
    key = (parent, h.shape)
    prev = expected.get(key)
    if prev is not None and n != prev + 1:
        ctx.warn("W301", f"heading label {h.label!r} follows {prev} under the same parent", (off, off + len(h.label)))
    expected[key] = n
