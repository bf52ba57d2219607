"""Stage 1: bytes to text, detecting (never assuming) the encoding.

reads: raw bytes; writes: ``Decoded`` (text, encoding name, warnings) or raises ``DecodeFailure``
with a stable error code.

Order of evidence: a BOM (UTF-8, UTF-16, UTF-32); UTF-16 without BOM (NUL byte pattern); strict
UTF-8 (or UTF-8 with a handful of bad bytes, replaced and reported); an HTML ``<meta charset>``;
then the single-byte forms of Vietnamese government files, scored against each other:
Windows-1258 (tone marks as combining characters) and the TCVN3/VNI font encodings (bytes
that read as Latin-1 symbols, converted by viparse's tables). charset-normalizer judges only
when none of these reads as Vietnamese. Text that decoded as UTF-8 may still be TCVN3/VNI
"surface" characters saved as Unicode (a ``.VnTime`` document exported to UTF-8), or
double-decoded UTF-8 (mojibake, repaired with ftfy); both are checked.

``encoding`` names what was found: "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le",
"utf-32-be", "windows-1258", "tcvn3", "vni", or charset-normalizer's name. Line endings are left
as they are (``normalize`` turns CRLF/CR into LF).
"""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import regex

from papi_extract.models import Warning

_VI_LETTERS = regex.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    r"ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]"
)
# Characters a correct decode of Vietnamese almost never contains: Latin-1 symbols and the
# Latin-1 letters outside the Vietnamese alphabet, C1 controls, and combining marks left over.
_ALIEN = regex.compile(
    r"[\u0080-\u009f\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d0\u00d1\u00d6-\u00d8\u00db\u00dc"
    r"\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff"
    r"\u0300-\u036f\ufffd]"
)
_MOJIBAKE = regex.compile(r"(?:Ã[\x80-\xbf¡-ÿ]|á»|áº|Ä‘|Æ°|Æ¡|Ä\x91|Ä\u2018)")
_MOJIBAKE_LEADS = ("Ã", "á»", "áº", "Ä", "Æ")  # every _MOJIBAKE match starts with one (cheap pre-check)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s{0,3}=\s{0,3}["']?([A-Za-z0-9_.:-]{1,40})""", regex.I)

_WORD = regex.compile(r"\p{L}+")
_FJWZ = frozenset("fjwzFJWZ")

_LETTER = regex.compile(r"\p{L}")
_SAMPLE = 6000  # characters scored when choosing between candidate decodings
_LEGACY_SAMPLE = 3000  # characters trial-converted with each legacy table and read by viparse's detector
_LEGACY = ("tcvn3", "vni")


class DecodeFailure(Exception):
    """The bytes cannot become text; ``code`` is a stable E1xx code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[Warning] = field(default_factory=list)


def _counts(sample: str) -> tuple[int, int, int]:
    """(letters, Vietnamese letters, alien characters) in ``sample``.

    The characters are counted once (``Counter`` runs in C) and each pattern is then tested once
    per *distinct* character: the same numbers as counting the patterns' matches in the text.
    """
    letters = vi = alien = 0
    for ch, n in Counter(sample).items():
        if _LETTER.match(ch):
            letters += n
        if _VI_LETTERS.match(ch):
            vi += n
        if _ALIEN.match(ch):
            alien += n
    return letters, vi, alien


def _vi_ratio(text: str) -> float:
    letters, vi, _ = _counts(text[:_SAMPLE])
    if not letters:
        return 0.0
    return vi / letters


def _score(text: str) -> float:
    """How much ``text`` reads as Vietnamese: toned/shaped letters minus alien characters, per letter."""
    letters, vi, alien = _counts(unicodedata.normalize("NFC", text[:_SAMPLE]))
    if not letters:
        return 0.0
    return (vi - 2 * alien) / letters


def _plausible(text: str) -> bool:
    """Reads as Vietnamese: a share of toned/shaped letters in the band real text has (about 0.28),
    and next to no alien characters. A Russian cp1251 file pushed through the TCVN3 table becomes
    *all* toned letters (0.6), which is how a wrong legacy guess gives itself away."""
    sample = unicodedata.normalize("NFC", text[:_SAMPLE])
    letters, vi_count, alien_count = _counts(sample)
    if letters < 20:
        return False
    vi = vi_count / letters
    alien = alien_count / letters
    if not (0.08 <= vi <= 0.5 and alien < 0.03):
        return False
    # viparse's own language guard: Vietnamese writes one syllable per word (nothing over 7
    # letters) and has no f/j/w/z, while German or Spanish through a legacy table still "scores".
    words = [w for w in _WORD.findall(sample) if len(w) > 1]
    if not words:
        return False
    long_words = sum(1 for w in words if len(w) > 7) / len(words)
    fjwz = sum(1 for w in words if not _FJWZ.isdisjoint(w)) / len(words)
    return long_words <= 0.04 and fjwz <= 0.05


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * max(1, len(sample))


def _unicode_vietnamese(text: str) -> bool:
    """Many letters beyond Latin-1 (ạ…ỹ, ă, đ, ơ, ư): Unicode Vietnamese, which no legacy font
    encoding can produce (their characters are all Latin-1). Counted by the latin-1 codec, in C."""
    sample = text[:_SAMPLE]
    beyond = len(sample) - len(sample.encode("latin-1", errors="ignore"))
    return beyond >= 0.02 * len(sample) and beyond >= 10


def _repair_mojibake(text: str, warnings: list[Warning]) -> str:
    """Undo UTF-8 that was read as Windows-1252/Latin-1 and saved again (only the encoding fix)."""
    sample = text[:_SAMPLE]
    if not any(mark in sample for mark in _MOJIBAKE_LEADS) or len(_MOJIBAKE.findall(sample)) < 3:
        return text
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if _score(fixed) > _score(text):
        warnings.append(Warning(code="W103", message="double-decoded UTF-8 (mojibake) repaired"))
        return unicodedata.normalize("NFC", fixed)
    return text


def _legacy_convert(text: str, enc: str) -> str:
    """``viparse.fix(text, encoding=enc)``: viparse's table, applied in C (see ``_LegacyTable``).

    The rare text holding a glyph a PDF put in place of a legacy byte (U+2212, U+2219: viparse
    restores them by looking at their neighbours) goes through viparse itself.
    """
    if any(glyph in text for glyph in _PDF_GLYPHS):
        import viparse

        return viparse.fix(text, encoding=enc)
    return _viparse_cleanup(unicodedata.normalize("NFC", _legacy_table(enc).convert(text)))


def _from_legacy(text: str, enc: str) -> str:
    """A whole file converted from a font encoding; TCVN3's lines set in capitals back in capitals."""
    out = _legacy_convert(text, enc)
    return _restore_caps(out) if enc == "tcvn3" else out


# TCVN3 (ABC) has no capital letter with a tone mark: a line typed in capitals was set in the capitals
# font (.VnTimeH), whose bytes are the small toned letters, so "PHỤ LỤC" reads back as "PHụ LụC".
_TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
_TONED_SMALL = frozenset(
    c for c in map(chr, [*range(0xE0, 0xFF), *range(0x1EA0, 0x1EFA), 0x129, 0x169])
    if c.islower() and any(t in unicodedata.normalize("NFD", c) for t in _TONES)
)


def caps_line(line: str) -> bool:
    """A line TCVN3 took from the capitals font: its small letters are all toned ones (the only ones it
    could not set in capitals), and some word holds two capitals and a toned small letter ("CHủ",
    "NHIệM", "LụC"). "Số: 12/KH-UBND", "Vụ", "Cầm Ngọc Minh" are as they were typed."""
    word_caps = word_toned = 0
    evidence = False
    for c in line:
        if c.isupper():
            word_caps += 1
        elif c.islower():
            if c not in _TONED_SMALL:
                return False
            word_toned += 1
        elif not c.isalpha():
            word_caps = word_toned = 0
            continue
        if word_caps >= 2 and word_toned:
            evidence = True
    return evidence


def _restore_caps(text: str) -> str:
    """Each line of ``caps_line`` in capitals: "KT. CHủ TịCH" -> "KT. CHỦ TỊCH"."""
    if not any(c in _TONED_SMALL for c in text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if caps_line(line):
            lines[i] = line.upper()
    return "\n".join(lines)


_PDF_GLYPHS = ("\u2212", "\u2219")


class _LegacyTable:
    """One viparse charmap (legacy sequence -> Unicode letter), compiled once per process.

    viparse converts with a Python loop over every character (tens of milliseconds for one
    plan). Its rule is a single left-to-right scan that takes, at each position, the longest
    legacy sequence found there and passes any other character through; one regex over all
    the sequences that prefers the longest (``_trie_pattern``) finds the same matches in C.
    """

    def __init__(self, pairs: tuple[tuple[str, str], ...]) -> None:
        self.replacement = dict(pairs)
        # One capturing group: ``split`` then hands back [text, sequence, text, sequence, …].
        self.pattern = regex.compile("(" + _trie_pattern([seq for seq, _ in pairs]) + ")")

    def convert(self, text: str) -> str:
        parts = self.pattern.split(text)
        parts[1::2] = map(self.replacement.__getitem__, parts[1::2])  # no Python call per match
        return "".join(parts)


def _trie_pattern(sequences: list[str]) -> str:
    """An alternation matching, at a position, the longest of ``sequences`` found there.

    Shaped as a trie (sequences sharing a first character share one branch, one-character
    leaves become a character class) so the regex engine tests a character once instead of
    trying every sequence in turn; an optional tail (``a(?:ù|ø)?``) is greedy, so a longer
    sequence always wins over its prefix, exactly like viparse's longest-first scan.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for seq in sequences:
        node = trie
        for ch in seq:
            node = node.setdefault(ch, {})
        node[""] = {}  # end of a sequence

    def branches(node: dict) -> str:  # type: ignore[type-arg]
        leaves = [ch for ch, child in node.items() if ch and list(child) == [""]]
        alts = []
        for ch, child in node.items():
            if ch and list(child) != [""]:
                tail = "(?:" + branches(child) + ")"
                alts.append(regex.escape(ch) + (tail + "?" if "" in child else tail))
        if leaves:
            alts.append("[" + "".join(regex.escape(ch) for ch in leaves) + "]")
        return "|".join(alts)

    return branches(trie)


_LEGACY_TABLES: dict[str, _LegacyTable] = {}


def _legacy_table(enc: str) -> _LegacyTable:
    table = _LEGACY_TABLES.get(enc)
    if table is None:
        from viparse.normalize.encodings import get_charmap

        charmap = get_charmap(enc)
        if charmap is None:  # pragma: no cover - a viparse table we rely on
            raise LookupError(f"viparse has no {enc} table")
        table = _LEGACY_TABLES[enc] = _LegacyTable(charmap.pairs)
    return table


# viparse's cleanup after conversion (``viparse.normalize.cleanup.clean_text``), done on the
# whole text instead of character by character: CR/LF, VT and FF become line breaks; control and
# format characters other than tab and newline go; runs of horizontal white space (Python's
# ``isspace`` minus tab and newline) become one space; lines lose their edge spaces; runs of
# blank lines shrink to one; NFC.
# The horizontal white space that is not itself a control character (those are dropped):
# no-break and other Unicode spaces, line and paragraph separators. Each becomes a plain space
# and the runs of spaces are then squeezed, which is the same as squeezing mixed runs at once.
_SEPARATOR_SPACES = tuple(
    c for c in map(chr, range(0x3001))
    if c.isspace() and c not in "\t\n" and unicodedata.category(c) not in ("Cc", "Cf")
)
# A superset of the characters unicodedata calls Cc or Cf (Cn covers a regex Unicode table older
# than Python's); each match is checked with unicodedata, so the result is exactly viparse's.
_CONTROL_CANDIDATE = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\p{Cf}\p{Cn}]")
_BLANK_RUN = regex.compile(r"\n{3,}")
_SPACE_RUN = regex.compile(r" {2,}")


def _drop_control(m: regex.Match[str]) -> str:
    return "" if unicodedata.category(m[0]) in ("Cc", "Cf") else m[0]


def _printable(text: str) -> bool:
    """No control, format, unassigned or separator character but the ASCII space, tab and newline."""
    return text.replace("\n", "").replace("\t", "").isprintable()


def _viparse_cleanup(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n").replace("\x0b", "\n")
    if not _printable(text):  # the common case skips both scans
        for c in _SEPARATOR_SPACES:
            if c in text:
                text = text.replace(c, " ")
        if not _printable(text):
            text = _CONTROL_CANDIDATE.sub(_drop_control, text)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    text = "\n".join([line.strip(" ") for line in text.split("\n")])
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    return unicodedata.normalize("NFC", text.strip("\n"))


def _best_legacy(surface: str) -> tuple[float, str] | None:
    """Which font encoding (TCVN3/VNI) ``surface`` is in, judged on a sample: (score, name) or None.

    The sample is converted with each table and scored, because viparse's detector declines on
    short or mixed text that still converts cleanly; the detector's opinion ranks tables that
    score alike. It is asked only once a table reads as Vietnamese at all (it is the slow part).
    """
    import viparse

    sample = surface[:_LEGACY_SAMPLE]
    if sample.isascii():
        return None
    scored: list[tuple[float, str]] = []
    for enc in _LEGACY:
        converted = _legacy_convert(sample, enc)
        if _plausible(converted):
            scored.append((_score(converted), enc))
    if not scored:
        return None
    detected = viparse.detect_text_encoding(sample)
    ranked = sorted(((score, int(enc == detected), enc) for score, enc in scored), reverse=True)
    score, _, enc = ranked[0]
    return score, enc


def _legacy_warning(enc: str) -> Warning:
    return Warning(code="W102", message=f"legacy Vietnamese font encoding {enc.upper()} converted to Unicode")


def _sloppy_cp1252(data: bytes) -> str:
    """Windows-1252 with its five undefined bytes kept as C1 (how legacy-font files were saved)."""
    import ftfy.bad_codecs  # noqa: F401 - registers the sloppy codecs

    return data.decode("sloppy-windows-1252")


def _replacement_warning(text: str, warnings: list[Warning]) -> None:
    n = text.count("\ufffd")
    if n:
        warnings.append(Warning(code="W104", message=f"{n} undecodable byte sequence(s) replaced with U+FFFD"))


def _from_unicode(text: str, encoding: str, warnings: list[Warning]) -> Decoded:
    """Text that decoded as Unicode: repair mojibake, convert legacy surface characters."""
    if not text or text.isspace():  # (strip() would copy the whole text to say the same)
        raise DecodeFailure("E102", "the file holds only white space")
    text = _repair_mojibake(text, warnings)
    if _unicode_vietnamese(text):  # the common case, decided in microseconds
        _replacement_warning(text, warnings)
        return Decoded(text, encoding, warnings)
    own = _score(text)
    if own < 0.1:  # real Vietnamese scores about 0.28; font-encoded surface text is negative
        legacy = _best_legacy(text)
        if legacy and legacy[0] > max(0.05, own):
            warnings.append(_legacy_warning(legacy[1]))
            return Decoded(_from_legacy(text, legacy[1]), legacy[1], warnings)
    _replacement_warning(text, warnings)
    return Decoded(text, encoding, warnings)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes; raises ``DecodeFailure`` (E102 empty, E103 binary, E105 undecodable)."""
    warnings: list[Warning] = []
    if not data or data.isspace():
        raise DecodeFailure("E102", "the file is empty")
    html = _mime_page(data)
    if html is not None:  # a web archive (.mht) or a saved e-mail (.eml): its page, decoded like any page
        return decode_bytes(html)
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            codec = "utf-8" if enc == "utf-8-sig" else enc
            return _from_unicode(data[len(bom):].decode(codec, errors="replace"), enc, warnings)
    utf16 = _looks_utf16(data)
    if utf16:
        return _from_unicode(data.decode(utf16, errors="replace"), utf16, warnings)
    if _is_binary(data):
        raise DecodeFailure("E103", "the file is binary (NUL bytes or control characters), not text")
    try:
        return _from_unicode(data.decode("utf-8"), "utf-8", warnings)
    except UnicodeDecodeError:
        pass
    # UTF-8 with a few bad bytes (a truncated download, one pasted Windows character).
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if bad <= max(3, len(lenient) // 2000) and _vi_ratio(lenient) >= 0.05:
        return _from_unicode(lenient, "utf-8", warnings)
    declared = _declared_charset(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            text = None
        if text is not None and _score(text) > 0.05:
            return Decoded(unicodedata.normalize("NFC", text), _encoding_name(declared), warnings)
    return _single_byte(data, warnings)


_MIME_HEAD = 4096  # bytes of a MIME file's headers (web archive, e-mail) searched for its type


def _mime_page(data: bytes) -> bytes | None:
    """The page of a MIME message: a web archive (Internet Explorer's "Web Archive, single file" .mht,
    Chrome's .mhtml) or an e-mail saved as .eml whose body is multipart or transfer-encoded; None for any
    other file.

    Why: the page of such a file is quoted-printable or base64 ("K=E1=BA=BF ho=E1=BA=A1ch",
    "S8OtbmggZ+G7rWk6…"); read as text, no word of the plan is whole. The stdlib's e-mail parser undoes
    the transfer encoding; the HTML part (else the plain-text part) then goes through the usual decoding.
    """
    head = data[:_MIME_HEAD].lower()
    if b"mime-version:" not in head or (b"multipart/" not in head and b"content-transfer-encoding:" not in head):
        return None
    import email
    import email.policy

    try:
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
        parts: dict[str, bytes] = {}
        for part in msg.walk():
            kind = part.get_content_type()
            if kind in ("text/html", "text/plain") and kind not in parts and not part.get_filename():
                payload = part.get_payload(decode=True)
                if isinstance(payload, bytes) and payload.strip():
                    parts[kind] = payload
        return parts.get("text/html") or parts.get("text/plain")
    except Exception:  # noqa: BLE001 - a broken message is read as the text it is
        return None


def _encoding_name(codec: str) -> str:
    return {"cp1258": "windows-1258", "cp1252": "windows-1252"}.get(codec, codec)


def _single_byte(data: bytes, warnings: list[Warning]) -> Decoded:
    """Windows-1258 versus the TCVN3/VNI font encodings, by how Vietnamese each reading is."""
    cp1258 = data.decode("cp1258", errors="replace")
    score_1258 = _score(cp1258)
    if score_1258 > 0.15 and _plausible(cp1258):  # TCVN3/VNI bytes read as 1258 are full of aliens
        _replacement_warning(cp1258, warnings)
        return Decoded(unicodedata.normalize("NFC", cp1258), "windows-1258", warnings)
    surface = _sloppy_cp1252(data)
    legacy = _best_legacy(surface)
    if legacy and legacy[0] > score_1258 and legacy[0] > 0.05:
        warnings.append(_legacy_warning(legacy[1]))
        return Decoded(_from_legacy(surface, legacy[1]), legacy[1], warnings)
    if score_1258 > 0.05 and _plausible(cp1258):
        _replacement_warning(cp1258, warnings)
        return Decoded(unicodedata.normalize("NFC", cp1258), "windows-1258", warnings)
    from charset_normalizer import from_bytes

    match = from_bytes(data[:200_000]).best()
    if match is None:
        raise DecodeFailure("E105", "no supported encoding decodes these bytes")
    try:
        text = data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        raise DecodeFailure("E105", f"the bytes do not decode as {match.encoding}") from None
    warnings.append(Warning(code="W101", message=f"encoding guessed as {match.encoding} with low confidence"))
    return Decoded(text, match.encoding, warnings)
