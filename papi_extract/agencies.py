"""Agency lists: split them, name them canonically, classify them, find them in task sentences.

reads: a piece of the canonical text (a table cell, the value of "Cơ quan chủ trì: …", a group header,
a task sentence) and the offset it starts at; writes: ``Agency`` records whose ``span`` points into
the canonical document (``text[span] == raw``).

The vocabulary (head nouns, collective nouns, localities, abbreviations, known names and their
spelling) lives in ``data/agencies.yaml``; each named list there is composed into one compiled
pattern. Matching happens on a lowercase copy of the text with tone placement unified
("hoá" = "hóa", "uỷ" = "ủy"); that copy has the same length as the text, so positions found in it
are positions in the text.

Rules decided here (the gold follows the same ones, see docs/annotation.md):

* A list splits at ";" and line breaks always; at "," and "và" only when what follows starts a new
  agency (a head noun such as "Sở", "UBND", "các cơ quan"). Localities ("UBND các huyện, thị xã,
  thành phố"), words that are not heads ("Sở Lao động, TB&XH", "Sở Giáo dục và Đào tạo") and, after
  a plural collective, bare collective nouns ("Các cơ quan, đơn vị, địa phương") continue the agency.
* "Phòng: Quản lý đô thị, Kinh tế" distributes the shared head ("raw" is the piece as written,
  "name" the distributed canonical name); "Chủ tịch UBND cấp huyện, cấp xã" distributes its head
  over the second "cấp" too.
* ``kind`` comes from the head noun. A leader ("Chủ tịch", "Thủ trưởng", "Lãnh đạo", "Thường trực")
  takes the kind of the body it leads. A collective of one body type keeps that type ("UBND các xã,
  phường" is "ubnd", "các Sở" is "sở"); "group" is for mixed or generic collectives ("Các sở, ban,
  ngành", "Các cơ quan, đơn vị", "đoàn thể các cấp", "thôn, khu phố, tổ dân phố").
* ``scope`` is the administrative level the name itself carries, as written in canonical words:
  the last run of unit words ("Thanh tra tỉnh" → "tỉnh", "UBND các xã, phường" → "xã, phường",
  "Chủ tịch UBND cấp huyện" → "huyện", "Tòa án nhân dân các cấp" → "các cấp"); None when the name
  carries none ("Sở Y tế", although a Sở is provincial).
* ``name`` (canonical): abbreviations expanded ("UBND" → "Ủy ban nhân dân", "TB&XH" → "Thương binh và
  Xã hội"); tone marks on the first vowel of open "oa/oe/uy" ("hóa", "ủy", as the brief fixes it);
  "&" → "và", " - " around dashes; known names respelled from the data file, which fixes their case
  ("Văn hóa và Thông tin", "Công Thương", "Mặt trận Tổ quốc"); first letter upper; a heading in
  capitals is lowered first. Raw stays as written.

Subjects and partners in sentences are found by a regex/gazetteer fast path; only when it stops at a
lower-case word it does not know does underthesea's word segmenter look at the next few words (see
``_segment``).
"""

from __future__ import annotations

import typing
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import regex
import yaml
from pydantic import BaseModel

from papi_extract.models import Agency, AgencyKind
from papi_extract.normalize import fold

_DATA = Path(__file__).parent / "data" / "agencies.yaml"

# Only the opening of a task sentence can hold its subject; a bounded window keeps hostile input cheap.
_SUBJECT_WINDOW = 480
# Partner lists after "phối hợp với" are short; the scan never looks further than this.
_PARTNER_WINDOW = 360
# An agency list (a cell, a block value) is short; longer text is read only this far, so hostile
# input (200 kB of commas) costs a bounded amount of work.
_MAX_LIST = 8000
# A name is short; longer input gets only the cheap normalizations in canonical_name.
_MAX_NAME = 600
# Words handed to the tokenizer when the fast path is unsure (the brief: "the first ~12 words").
_TOKENIZER_WORDS = 14

_L = r"\p{L}\p{N}"
_NOT_WORD_BEFORE = rf"(?<![{_L}])"
_NOT_WORD_AFTER = rf"(?![{_L}])"

# ---------------------------------------------------------------------------------------------
# Tone placement: "hoá" → "hóa", "uỷ" → "ủy", "khoẻ" → "khỏe" (open syllables only, never after "q":
# "quý" keeps its mark). We fix the spelling most Vietnamese government documents print and the gold
# mostly uses; the replacement swaps two characters, so lengths (and spans) are unchanged.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_TONED = "áàảãạÁÀẢÃẠéèẻẽẹÉÈẺẼẸýỳỷỹỵÝỲỶỸỴ"
# stdlib ``re`` here: this runs on every string we look at, and ``re`` is several times faster than
# ``regex`` on such a simple pattern ("not followed by a letter" is ``(?![^\W\d_])``).
_RETONE = regex.compile(r"(?<![qQ])([oOuU])([" + _TONED + r"])(?![^\W\d_])")


def _split_tone(c: str) -> tuple[str, str]:
    """(the letter without its tone mark, the combining tone mark or "")."""
    parts = unicodedata.normalize("NFD", c)
    tone = "".join(x for x in parts if x in _TONES)
    return unicodedata.normalize("NFC", "".join(x for x in parts if x not in _TONES)), tone


@lru_cache(maxsize=4096)
def _move_tone_pair(first: str, second: str) -> str:
    """``first`` and ``second`` with ``second``'s tone mark moved onto ``first``."""
    base, tone = _split_tone(second)
    return unicodedata.normalize("NFC", first + tone) + base


def _move_tone(m: regex.Match[str]) -> str:
    return _move_tone_pair(m.group(1), m.group(2))


# ... and after "q" the "u" is part of the consonant, so a mark on it belongs to the next vowel:
# "qúy" → "quý", "Qùa" → "Quà" (a typing slip; no Vietnamese word keeps the mark on that "u").
_QU_TONED_U = regex.compile(r"(?<=[qQ])([úùủũụÚÙỦŨỤ])([aăâeêiyoôơAĂÂEÊIYOÔƠ])")


def _qu_tone(m: regex.Match[str]) -> str:
    base, tone = _split_tone(m.group(1))
    return base + unicodedata.normalize("NFC", m.group(2) + tone)


def retone(s: str) -> str:
    """Unify tone placement ("hoá" → "hóa", "Uỷ" → "Ủy", "qúy" → "quý"); same length as ``s``."""
    if not s:
        return s
    s = _RETONE.sub(_move_tone, s)
    if "q" in s or "Q" in s:
        s = _QU_TONED_U.sub(_qu_tone, s)
    return s


@lru_cache(maxsize=32768)
def _lower(s: str) -> str:
    """Matching form: NFC text lowercased with unified tone placement, same length as ``s``.

    Memoized: one task text is lowered by the subject, partner and list scanners in turn, and a name
    by its canonical form, kind and spelling passes."""
    low = s.lower()
    if len(low) != len(s):  # a character whose lowercase is longer (never in Vietnamese text)
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in s)
    return retone(low)


# ---------------------------------------------------------------------------------------------
# Vocabulary


def _words(phrase: str) -> list[str]:
    return _lower(unicodedata.normalize("NFC", str(phrase))).split()


def _compile_phrases(phrases: Iterable[str]) -> regex.Pattern[str]:
    """Whole-word alternation of phrases (words joined by whitespace), longest first."""
    alts = sorted({r"\s+".join(regex.escape(w) for w in _words(p)) for p in phrases if str(p).strip()},
                  key=len, reverse=True)
    if not alts:
        return regex.compile(r"(?!)")
    return regex.compile(_NOT_WORD_BEFORE + "(?:" + "|".join(alts) + ")" + _NOT_WORD_AFTER)


_ABBREV_PART = regex.compile(r"\p{L}+")
_SPELL_SEP = r"(?:\s*[-–&,]\s*|\s+và\s+|\s+)"


def _spelling_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t for t in regex.findall(r"[\p{L}\p{N}.]+", _lower(phrase)) if t != "và")


def _compile_spellings(phrases: Iterable[str]) -> tuple[regex.Pattern[str], dict[tuple[str, ...], str]]:
    """Known names matched word by word with any separator between words, and their spelling."""
    table: dict[tuple[str, ...], str] = {}
    for p in phrases:
        toks = _spelling_tokens(str(p))
        if toks:
            table.setdefault(toks, unicodedata.normalize("NFC", retone(str(p))))
    alts = sorted((_SPELL_SEP.join(regex.escape(t) for t in toks) for toks in table),
                  key=len, reverse=True)
    pat = regex.compile(_NOT_WORD_BEFORE + "(?:" + "|".join(alts) + ")" + _NOT_WORD_AFTER)
    return pat, table


@dataclass(frozen=True, slots=True)
class _Vocab:
    head: regex.Pattern[str]
    head_kind: dict[str, str]
    weak_heads: frozenset[str]
    collective_heads: frozenset[str]
    comma_heads: regex.Pattern[str]
    leader: regex.Pattern[str]
    honorific: regex.Pattern[str]
    plural: regex.Pattern[str]
    family: regex.Pattern[str]
    locality: regex.Pattern[str]
    qualifier: regex.Pattern[str]
    place_tail: regex.Pattern[str]
    drop: regex.Pattern[str]
    office_pair: regex.Pattern[str]
    predicate: regex.Pattern[str]
    predicate_set: frozenset[str]
    stop: regex.Pattern[str]
    openers: regex.Pattern[str]
    type_word: regex.Pattern[str]
    colon_non_name: regex.Pattern[str]
    shared_head: regex.Pattern[str]
    role_label: regex.Pattern[str]
    spell: regex.Pattern[str]
    spell_table: dict[tuple[str, ...], str]
    spell_first: frozenset[str]
    spell_lengths: dict[str, tuple[int, ...]]
    abbrev: regex.Pattern[str]
    abbrev_table: dict[str, str]
    abbrev_parts: frozenset[str]
    fixed_words: tuple[str, ...]
    fixed_keys: frozenset[str]
    proper_name_heads: frozenset[str]  # heads whose name is a proper name ("Trường Tiểu học | Song Lãng")
    complete_heads: frozenset[str]  # heads that name a body by themselves ("Huyện ủy | chỉ đạo")
    named_units: regex.Pattern[str]  # "UBND các xã (:) Vạn Thắng, …": head, unit word, first place name
    plural_units_end: regex.Pattern[str]  # "… các xã, thị trấn" closing the text read (lower-cased): names may follow
    unit_head_end: regex.Pattern[str]  # "Trưởng bản" closing the text read (lower-cased): its units' names may follow
    one_named_unit: regex.Pattern[str]  # "UBND xã Vĩnh Phước A": head, unit word, its place name or number
    unit_piece: regex.Pattern[str]  # "xã Định Hòa", "phường 2": a unit word and its name, the whole piece
    unit_named_at: regex.Pattern[str]  # "xã Mỹ Phước …", "phường 5 …": a unit word and the start of its name
    family_new_tier: regex.Pattern[str]  # "địa phương": after "và", a collective of its own
    remit_verb: regex.Pattern[str]  # "phụ trách": a person's remit follows
    descriptive: regex.Pattern[str]  # "ban quản lý dự án": a name that runs on in lower case
    descriptive_words: int
    descriptive_stop: regex.Pattern[str]  # "phối hợp", "chủ trì": the name ended before them
    remit_field: regex.Pattern[str]  # "lĩnh vực", "công tác": the next word is a domain
    remit_not: regex.Pattern[str]  # "từng", "các": the verb hands out parts, no remit
    remit_tokens: int


def _key(s: str) -> str:
    return " ".join(_lower(s).split())


@cache
def _data() -> dict[str, typing.Any]:
    """agencies.yaml, read once for every vocabulary built from it."""
    data: dict[str, typing.Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8")) or {}
    return data


def _locality_guards(data: dict[str, typing.Any]) -> tuple[str, str]:
    """Lookarounds that keep a locality word out of the common words it also opens or closes ("bản đồ", "văn bản",
    "Xuất bản"): (before the word, after it), from agencies.yaml's locality_guards(_before)."""
    before = "".join(rf"(?!(?<=(?<![\p{{L}}])(?:{'|'.join(map(regex.escape, prev))})\s{{1,3}}){regex.escape(w)}(?![\p{{L}}]))"
                     for w, prev in (data.get("locality_guards_before") or {}).items())
    after = "".join(rf"(?<!(?<![\p{{L}}]){regex.escape(w)}(?=\s+(?:{'|'.join(map(regex.escape, nxt))})(?![\p{{L}}])))"
                    for w, nxt in (data.get("locality_guards") or {}).items())
    return before, after


_LOCALITY_GUARDS = _locality_guards(_data())


@cache
def _vocab() -> _Vocab:
    data = _data()
    head_kind: dict[str, str] = {}
    for kind, phrases in (data.get("heads") or {}).items():
        for p in phrases:
            head_kind.setdefault(_key(str(p)), str(kind))
    weak = {_key(str(x)) for x in (data.get("weak_heads") or [])}
    collective = {_key(str(x)) for x in (data.get("collective_heads") or [])}
    comma_heads = [p for p in head_kind if "," in p]
    names = [str(x) for x in (data.get("names") or [])]
    proper = [str(x) for x in (data.get("proper") or [])]
    spell, spell_table = _compile_spellings(names + proper)
    abbrev_table = {str(k): unicodedata.normalize("NFC", str(v)) for k, v in (data.get("abbreviations") or {}).items()}
    # Long abbreviations ("UBND", "TB&XH") are matched in any case ("ubnd" is still UBND); short ones
    # ("CA", "VP", "TP") only as written, since in lower case they are ordinary syllables.
    long_alts: list[str] = []
    short_alts: list[str] = []
    for k in sorted(abbrev_table, key=len, reverse=True):
        parts = regex.split(r"([&\-. ])", k)
        pat = "".join(r"\s*" + regex.escape(p) + r"\s*" if p in "&-" and p else
                      (r"\s*\.?\s*" if p == "." else (r"\s+" if p == " " else regex.escape(p)))
                      for p in parts if p != "")
        (long_alts if len(regex.sub(r"[^\p{L}]", "", k)) >= 4 else short_alts).append(pat)
    bounds = (r"(?<![\p{L}\p{N}])(?:", r")(?![\p{L}\p{N}])")
    abbrev = regex.compile(
        r"(?i:" + bounds[0] + "|".join(long_alts) + bounds[1] + r")|" + bounds[0] + "|".join(short_alts) + bounds[1]
    )
    predicates = [str(x) for x in (data.get("predicates") or [])]
    fixed: set[str] = set()
    for p in names + proper:
        if len(p.split()) > 1:
            fixed.add(retone(p))
    for p in head_kind:
        if len(p.split()) > 1 and "," not in p:
            fixed.add(p[:1].upper() + p[1:])
            fixed.add(p)
    # the unit words that take a place name ("các xã Vạn Thắng", "các thôn, bon"), longest first, spaces as runs
    units = "|".join(sorted((r"\s+".join(regex.escape(w) for w in _words(u)) for u in data.get("named_units") or []),
                            key=len, reverse=True))
    return _Vocab(
        head=_compile_phrases(head_kind),
        head_kind=head_kind,
        weak_heads=frozenset(weak),
        collective_heads=frozenset(collective),
        comma_heads=_compile_phrases(comma_heads),
        leader=_compile_phrases(data.get("leaders") or []),
        honorific=_compile_phrases(data.get("honorifics") or []),
        plural=_compile_phrases(data.get("plurals") or []),
        family=_compile_phrases(data.get("family") or []),
        # "xã hội", "tỉnh ủy", "nông thôn" are not localities
        locality=regex.compile(
            _LOCALITY_GUARDS[0] + r"(?<!nông\s)" + _compile_phrases(data.get("localities") or []).pattern
            + r"(?!\s+(?:hội|ủy|đoàn|viên)(?![\p{L}]))" + _LOCALITY_GUARDS[1]
        ),
        qualifier=_compile_phrases(data.get("qualifiers") or []),
        place_tail=_compile_phrases(data.get("place_tails") or []),
        drop=_compile_phrases(data.get("drop_leading") or []),
        office_pair=_compile_phrases(data.get("office_pairs") or []),
        predicate=_compile_phrases(predicates),
        predicate_set=frozenset(_key(p) for p in predicates),
        stop=_compile_phrases(data.get("stops") or []),
        openers=_compile_phrases(data.get("subject_openers") or []),
        type_word=_compile_phrases(data.get("type_words") or []),
        proper_name_heads=frozenset(_key(str(p)) for p in data.get("proper_name_heads") or []),
        complete_heads=frozenset(_key(str(p)) for p in [
            *(data.get("complete_heads") or []),
            *(h for k in data.get("complete_head_kinds") or [] for h in (data.get("heads") or {}).get(k) or [])]),
        colon_non_name=_compile_phrases(data.get("colon_non_names") or []),
        shared_head=_compile_phrases(data.get("shared_heads") or []),
        role_label=_compile_phrases(data.get("role_labels") or []),
        spell=spell,
        spell_table=spell_table,
        spell_first=frozenset(k[0] for k in spell_table),
        spell_lengths={f: tuple(sorted({len(k) for k in spell_table if k[0] == f}, reverse=True))
                       for f in {k[0] for k in spell_table}},
        abbrev=abbrev,
        abbrev_table=abbrev_table,
        # the all-capital pieces of the keys ("UBND", "TB", "XH", "TTTT"): a name with none of them
        # (in any case) needs no expansion
        abbrev_parts=frozenset(w.upper() for k in abbrev_table for w in _ABBREV_PART.findall(k) if w.isupper()),
        fixed_words=tuple(sorted(fixed, key=len, reverse=True)),
        fixed_keys=frozenset(_key(x) for x in fixed),
        named_units=regex.compile(
            r"\s*(?P<head>\S[^,;]{0,60}?)\s+(?i:các)\s+(?P<unit>" + units + r")(?:\s*:)?\s+(?P<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})\s*$"
        ),
        plural_units_end=regex.compile(
            r"(?<![\p{L}\p{N}])các\s{1,3}(?:" + units + r")(?:\s{0,3}[,;]\s{0,3}(?:" + units + r")){0,2}\s{0,3}$"),
        # "Trưởng bản:", "Trưởng thôn:" closing the text read: the heads of the units named after the colon
        unit_head_end=regex.compile(r"(?<![\p{L}\p{N}])trưởng\s{1,3}(?:" + units + r")\s{0,3}$"),
        one_named_unit=regex.compile(
            r"\s*(?P<head>\S[^,;]{0,60}?)\s+(?P<unit>(?i:" + units + r"))\s+" + _UNIT_NAME + r"\s*$"),
        unit_piece=regex.compile(r"(?P<unit>(?i:" + units + r"))\s+" + _UNIT_NAME + r"\s*$"),
        unit_named_at=regex.compile(r"(?i:" + units + r")\s+(?:\p{Lu}|\d)"),
        family_new_tier=_compile_phrases(data.get("family_new_tier") or []),
        descriptive=_compile_phrases(data.get("descriptive_names") or []),
        descriptive_words=int(data.get("descriptive_words") or 0),
        descriptive_stop=_compile_phrases(data.get("descriptive_stops") or []),
        remit_verb=_compile_phrases((data.get("remits") or {}).get("verbs") or []),
        remit_field=_compile_phrases((data.get("remits") or {}).get("fields") or []),
        remit_not=_compile_phrases((data.get("remits") or {}).get("not_before") or []),
        remit_tokens=int((data.get("remits") or {}).get("max_tokens") or 0),
    )


def vocabulary_fixed_words() -> tuple[str, ...]:
    """The multi-word names handed to the tokenizer as ``fixed_words`` (exposed for tests)."""
    return _vocab().fixed_words


# ---------------------------------------------------------------------------------------------
# Low-level scanning helpers (all work on `low`, the _lower() copy, and `text` for case)

_WS = regex.compile(r"[ \t\u00a0]*")
_TOKEN = regex.compile(r"[\p{L}\p{N}.]+")
_FOLD_WORD = regex.compile(r"[\p{L}\p{N}]+")
_NONSPACE = regex.compile(r"\S+")
_LEAD_COMMA = regex.compile(r"\s*,")
_LEVELS = regex.compile(r"(?<![\p{L}])(các cấp|cùng cấp)(?![\p{L}])")
_VA = regex.compile(r"và(?![\p{L}\p{N}])")
_ALNUM = regex.compile(r"[\p{L}\p{N}]")
_SPACE_RUN = regex.compile(r"\s+")
_SPELL_GAP = regex.compile(r"(?:\s*[-–&,]\s*|\s+và\s+|\s+)")
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&.'’]*")
_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&.'’]*(?=\s*$)")
_TRIM_LEAD = regex.compile(r"^[\s\-+*•–—:;,.)]+")
_TRIM_TAIL = regex.compile(r"[\s\-–—:;,.(]+$")
_LEAD_CHARS = " \t\n-+*•–—:;,.)"
_TAIL_CHARS = " \t\n-–—:;,.("


def _skip_ws(low: str, i: int) -> int:
    m = _WS.match(low, i)
    assert m is not None  # _WS matches the empty string
    return m.end()


def _word_before(text: str, pos: int, i: int) -> regex.Match[str]:
    """The word ending right before ``i`` (after ``pos``); callers know there is one."""
    m = _WORD_BEFORE.search(text, pos, i)
    assert m is not None
    return m


def _upper_at(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isupper() or text[i].isdigit())


def _skip_drops(low: str, i: int) -> int:
    """Skip "Đề nghị", "với", "cùng với", "gồm:" ... (at most a few: never a run of hostile "và và và")."""
    v = _vocab()
    for _ in range(4):
        j = _skip_ws(low, i)
        m = v.drop.match(low, j)
        if not m:
            # a role label before its agencies in a cell: "Chủ trì: Sở Nội vụ" (only with its colon)
            m = v.role_label.match(low, j)
            if m is None or not low.startswith(":", _skip_ws(low, m.end())):
                return j
        k = _skip_ws(low, m.end())
        if k < len(low) and low[k] == ":":
            k += 1
        i = k
    return _skip_ws(low, i)


@dataclass(slots=True)
class _Start:
    begin: int  # after dropped words ("Đề nghị", "với" ...)
    hstart: int  # where the head noun starts (after a leader and a plural marker)
    end: int  # after the head noun
    head: str  # the head phrase (matching form)
    kind: str  # kind of the head ("group" for a collective noun)
    family: bool  # the head is a collective noun ("cơ quan", "đơn vị", "sở", "ban" ...)
    plural: bool  # "các"/"những" before it
    leader: bool  # "Chủ tịch", "Thủ trưởng" ... before it


# "Văn phòng - Thống kê", "Tài chính - Kế toán": a commune post's two-part title, the dash between capitalised words
_DASHED_TITLE = regex.compile(r"[-–][ \t]{1,2}\p{Lu}")


def _name_follows(text: str, low: str, after: int) -> bool:
    """Evidence that a name follows a head noun that is also an ordinary word."""
    v = _vocab()
    return (
        _upper_at(text, after)
        or (after < len(low) and low[after] == ":")
        or _DASHED_TITLE.match(text, after) is not None
        or _locality_run(low, after) > after
        or bool(v.qualifier.match(low, after))
        or bool(v.family.match(low, after))
        or bool(v.spell.match(low, after))
        or bool(v.abbrev.match(text, after))
    )


def _remit_end(text: str, low: str, i: int, limit: int) -> int:
    """End of a person's remit opening at ``i`` ("phụ trách văn hóa - xã hội", "phụ trách dân tộc, tôn giáo"), or -1.

    Read only when something that ends a name follows it: a predicate, a colon, or a separator and another agency
    (agencies.yaml ``remits``). At most ``max_tokens`` syllables and separators, one pass: linear."""
    v = _vocab()
    m = v.remit_verb.match(low, i)
    if m is None:
        return -1
    j = _skip_ws(low, m.end())
    if v.remit_not.match(low, j):
        return -1
    end = -1
    free = False  # the next word is a domain whatever else it could be (after "lĩnh vực", after a dash)
    for _ in range(v.remit_tokens):
        j = _skip_ws(low, j)
        if j >= limit:
            return -1
        ch = low[j]
        if ch == ":":
            return end
        if ch in "-–":
            j += 1
            free = True
            continue
        if ch == "," or _VA.match(low, j, j + 3):
            k = _skip_ws(low, j + (1 if ch == "," else 2))
            if end > 0 and _agency_start(text, low, k) is not None:
                return end
            if end < 0 or k >= limit:
                return -1
            if ch == ",":
                if v.predicate.match(low, k):
                    return end
            else:
                free = True  # "khoa học, công nghệ và chuyển đổi số": "và" joins a last domain
            j = k
            continue
        w = _WORD.match(text, j)
        if w is None:
            return -1
        if end > 0 and not free and v.predicate.match(low, j):
            return end
        f = v.remit_field.match(low, j)
        if f is not None:
            j = end = f.end()
            free = True
            continue
        j = end = w.end()
        free = False
    return -1


# a person's name after a form of address, then what parts it from their post: "Trần Văn Hưng - ", "Lại Thị Thu Hà, ",
# "Lê Văn Thắng (" (two to five capitalised syllables; linear: bounded runs)
_PERSON_THEN_POST = regex.compile(r"\p{Lu}\p{Ll}{0,7}(?:[ \t]{1,2}\p{Lu}\p{Ll}{0,7}){1,4}[ \t]{0,2}(?:[-–,][ \t]{0,2}|\([ \t]{0,2})(?=\p{L})")


def _person_post(text: str, k: int) -> int:
    """Where the post starts after a person named at ``k`` ("Trần Văn Hưng - PCT UBND xã"), or -1."""
    m = _PERSON_THEN_POST.match(text, k)
    return m.end() if m is not None else -1


def _agency_start(text: str, low: str, i: int, *, allow_bare_family: bool = True) -> _Start | None:
    """Does an agency name start at ``i``? Returns where its head is, or None.

    ``allow_bare_family``: accept a collective noun without "các" ("cơ quan, đơn vị"); a sentence
    opening with "Tổ chức …" is a verb, so the subject finder turns this off.
    """
    v = _vocab()
    begin = _skip_drops(low, i)
    j = begin
    plural = leader = False
    m = v.honorific.match(low, j)
    if m and v.leader.match(low, k := _skip_ws(low, m.end())):
        j = k  # "Đồng chí Chủ tịch …": the name begins at the form of address
    elif m and (post := _person_post(text, k)) >= 0:
        # "Đ/c Trần Văn Hưng - PCT UBND xã": the person, then the post they hold (read as the agency's head)
        inner = _agency_start(text, low, post, allow_bare_family=False)
        if inner is not None:
            return _Start(begin, inner.hstart, inner.end, inner.head, inner.kind, inner.family, inner.plural, True)
    m = v.leader.match(low, j)
    hm0 = v.head.match(low, j) if m else None
    if m and hm0 and hm0.end() > m.end():
        m = None  # "Trưởng thôn" is a head of its own, not the leader "Trưởng" of a body
    if m:
        leader = True
        j = _skip_ws(low, m.end())
    m = v.plural.match(low, j)
    if m:
        plural = True
        j = _skip_ws(low, m.end())
    if not leader:
        m = v.leader.match(low, j)
        hm1 = v.head.match(low, j) if m else None
        if m and not (hm1 and hm1.end() > m.end()):
            leader = True
            j = _skip_ws(low, m.end())
            m = v.plural.match(low, j)
            if m:
                j = _skip_ws(low, m.end())
    hm = v.head.match(low, j)
    fm = v.family.match(low, j)
    if fm and (not hm or fm.end() >= hm.end()):
        after = _skip_ws(low, fm.end())
        head = _key(fm.group())
        if (hm and hm.end() == fm.end() and not (plural or leader)
                and (_upper_at(text, after) or (after < len(low) and low[after] not in ",;"
                                                and _name_follows(text, low, after)))):
            # "Cơ quan Tổ chức - Nội vụ", "Ban Tiếp công dân", "Sở Y tế", "Ban quản lý dự án": one
            # named body, not the collective noun.
            return _Start(begin, j, hm.end(), head, v.head_kind.get(head, "other"), False, plural, leader)
        if not (plural or leader):
            if not allow_bare_family:
                return None
            if len(head.split()) == 1:
                # a bare "phòng", "ban", "ngành" is a collective only with more of the list after it
                # ("ngành điện", "phòng, ban"), never "phòng, chống tham nhũng".
                nxt = after + 1 if after < len(low) and low[after] == "," else after
                nxt = _skip_ws(low, nxt)
                if not (v.qualifier.match(low, after) or v.locality.match(low, after)
                        or (nxt > after and v.family.match(low, nxt)) or (after < len(low) and low[after] == ":")):
                    return None
        return _Start(begin, j, fm.end(), head, "group", True, plural, leader)
    if not hm:
        return None
    head = _key(hm.group())
    after = _skip_ws(low, hm.end())
    if (head in v.weak_heads and not (plural or leader) and not _name_follows(text, low, after)
            and not (_STAFF_HEAD.search(head) and _remit_end(text, low, after, len(low)) > after)):
        return None  # (a post named by its remit is a name: "Công chức phụ trách công tác thanh tra tham mưu …")
    # "Văn phòng - Thống kê", "Tài chính - Kế toán": a commune post named by its two-part title, no office
    kind = "other" if _DASHED_TITLE.match(text, after) is not None else v.head_kind.get(head, "other")
    return _Start(begin, j, hm.end(), head, kind, False, plural, leader)


def _locality_run(low: str, i: int) -> int:
    """End of "các xã", "cấp huyện", "phường" ... at ``i`` (or ``i`` when none)."""
    v = _vocab()
    j = i
    m = v.plural.match(low, j)
    if m:
        j = _skip_ws(low, m.end())
    if low.startswith("cấp ", j):
        j = _skip_ws(low, j + 4)
    m = v.locality.match(low, j)
    if m:
        return m.end()
    return i


def _bare_family_piece(text: str, low: str, i: int) -> bool:
    """A collective noun not followed by a capitalized name: "ban", "đơn vị", "ban ngành tỉnh"."""
    v = _vocab()
    j = _skip_drops(low, i)
    if v.plural.match(low, j):
        return False
    m = v.family.match(low, j)
    if not m:
        return False
    hm = v.head.match(low, j)
    if hm and hm.end() > m.end():  # "Hội đồng nhân dân" is not the collective noun "hội"
        return False
    k = _skip_ws(low, m.end())
    # ("ban, ngành Thành phố": Ho Chi Minh City's plans write their own level capitalised, a locality all the same;
    # in a heading all in capitals, "CÁC PHÒNG, BAN CHUYÊN MÔN", a capital says nothing)
    return not _upper_at(text, k) or _locality_run(low, k) > k or text[j:m.end()].isupper()


# ---------------------------------------------------------------------------------------------
# Splitting

_PLURAL_INSIDE = regex.compile(r"(?<=\S)\s+(?i:tất\s+cả\s+các|các|những|mọi)(?=\s)")
_SEP = regex.compile(
    r";|\n|,|(?<![\p{L}\p{N}])(?:và|cùng(?:\s+với)?)(?![\p{L}\p{N}])"
    r"|(?<![\p{L}\p{N}])phối\s+hợp(?:\s+(?:chặt\s+chẽ\s+)?(?:với|cùng\s+với|cùng))?(?![\p{L}\p{N}])"
)
_SHARED_HEAD = regex.compile(r"\s*(?:(?i:các|những)\s+)?[\p{L}]+(?:\s+[\p{L}]+){0,2}?"
                             r"(?:\s*,\s*\p{Ll}+){0,3}\s*:\s*(?=\S)")
# "Các phòng, ban, ngành: Nội vụ, Tư pháp, …": a collective of heads before a colon whose first head is shared by the
# title-cased names after it (the commas before the colon part no items)
_COLLECTIVE_COLON = regex.compile(r"\s*(?i:các|những)\s+(?P<head>\p{Ll}+)(?:\s*,\s*\p{Ll}+){1,3}\s*:\s*(?=\p{Lu})")
_HEAD_LIST_TAIL = regex.compile(r"(?:\s*,\s*\p{Ll}+){0,3}\s*")
_OFFICE = regex.compile(r"\s*văn\s+phòng\s+")
# a unit's own name: up to four title-cased words ("Vĩnh Phước A") or a number ("phường 2", "thôn 5")
_UNIT_NAME = r"(?P<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}|\d{1,3})"
_PLURAL_HEAD_END = regex.compile(r"(?<!\w)các\s{1,3}(?:phòng|sở|ban|cơ quan|đơn vị|công chức|trung tâm)\s{0,2}$")
_PLACE_NAME = regex.compile(r"\s*\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}\s*$")
_CAP_TAIL = regex.compile(r"(?<![\p{L}])cấp\s+\p{L}+(?:\s+\p{L}+)?\s*$")


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    name: str | None = None  # distributed name, when the head is shared
    partner: bool = False  # after "phối hợp (với)" in the same ";"-segment
    prefix: str | None = None  # a head distributed to this piece: name = prefix + the piece as it ends up


def _only_type_words(rest: str) -> bool:
    """Nothing but collective nouns and type words ("đoàn thể", "chính trị - xã hội", "chuyên môn")."""
    v = _vocab()
    i = _skip_ws(rest, 0)
    while i < len(rest):
        m = v.family.match(rest, i) or v.type_word.match(rest, i)
        if not m:
            return False
        i = _skip_ws(rest, m.end())
    return True


def _open_collective(low: str, st: _Start | None, e: int) -> bool:
    """A list opened by a bare collective ("Các cơ quan", "các tổ chức chính trị - xã hội") takes more
    nouns ("…, đơn vị", "…, đoàn thể"); a locality or "có liên quan" closes it."""
    if st is None or not st.family:
        return False
    return _only_type_words(low[st.end:e].strip(" \t"))


_SPEC_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}&.'’]*|[-–]")
_SPEC_CUT = regex.compile(r"\s*(?::|$)")


def _specialisation(text: str, low: str, j: int, e: int) -> bool:
    """A comma piece that only names a specialisation for a shared head: 2-6 title-cased words, with
    "-" or "và" between them ("Địa chính - Xây dựng", "Phụ nữ", "Cựu chiến binh")."""
    piece = text[j:e].rstrip(" \t.:;")
    words = [w for w in _SPEC_WORD.findall(piece) if w not in "-–"]
    if not 2 <= len(words) <= 6 or not words[0][0].isupper():
        return False
    v = _vocab()
    first = True
    for m in _SPEC_WORD.finditer(piece):
        w = m.group()
        if w in "-–":
            first = True
            continue
        if first and not w[0].isupper():
            return False
        if w[0].islower() and (v.predicate.match(low, j + m.start()) or v.stop.match(low, j + m.start())):
            return False
        first = w == "và"
    return True


_ITEM_MARK = regex.compile(r"[ \t\n]{0,20}(?:[-–—+•*][ \t]{1,4})?")


@lru_cache(maxsize=32768)
def _split_core(text: str) -> tuple[tuple[int, int, str | None, bool], ...]:
    """Split an agency list into (start, end, distributed name or None, partner) items.

    ``partner``: the item follows "phối hợp (với)" in the same ";"-segment ("X phối hợp Y; Z").
    """
    v = _vocab()
    low = _lower(text)
    n = len(text)
    protected = [(m.start(), m.end()) for m in v.comma_heads.finditer(low)]
    if "," in text:
        # "đồng chí Lại Thị Thu Hà, Công chức Tài chính - Kế toán": the comma between a person and their post
        persons = [(m.start(), post) for m in v.honorific.finditer(low)
                   if (post := _person_post(text, _skip_ws(low, m.end()))) >= 0]
        if persons:
            protected = sorted(protected + persons)
    cm = _COLLECTIVE_COLON.match(text)
    if cm is not None and v.shared_head.fullmatch(cm.group("head")):
        protected = [(0, cm.end())] + [p for p in protected if p[0] >= cm.end()]
    seps: list[tuple[int, int, str]] = []
    pi = 0
    for m in _SEP.finditer(low):
        while pi < len(protected) and protected[pi][1] <= m.start():
            pi += 1
        if pi < len(protected) and protected[pi][0] <= m.start() < protected[pi][1]:
            continue
        tok = m.group()
        # "X cùng (với) Y" joins two agencies as "và" does ("Ủy ban MTTQ xã cùng Ban Thanh tra nhân dân xã")
        kind = "hard" if tok in (";", "\n") else ("," if tok == "," else ("và" if tok == "và" or tok[0] == "c" else "coop"))
        seps.append((m.start(), m.end(), kind))

    items: list[_Item] = []
    # "labelled": a "Phối hợp:" label opened the partners, and they run on past ";" until another label
    # ("Chủ trì: Sở Nội vụ; Phối hợp: Ủy ban MTTQ thành phố; UBND các quận, huyện": two partners)
    state: dict[str, object] = {"partner": False, "open": False, "shared": None, "lead_head": None,
                                "labelled": False}
    cur: list[_Item] = []

    def open_item(s: int, e: int) -> None:
        mark = _ITEM_MARK.match(low, s)
        assert mark is not None  # _ITEM_MARK matches the empty string
        s = min(mark.end(), e)  # past the "- " of a cell's list item
        if low.startswith(":", s) and state["partner"]:
            s = _skip_ws(low, s + 1)  # "Phối hợp: Các sở, ban, ngành": the label's colon is not the item's
        lm = v.role_label.match(low, s) if state["labelled"] else None
        if lm is not None and low.startswith(":", _skip_ws(low, lm.end())):
            state["labelled"] = state["partner"] = False  # "…; Chủ trì: X": the next label leads again
        it = _Item(s, e, None, bool(state["partner"]))
        state["shared"] = None
        state["places"] = False  # the shared head is a unit over place names ("UBND các xã A, B")
        state["unit_head"] = None  # the head of "UBND xã A, xã B" once its second unit took it
        state["unit_base"] = None  # the body over the named units ("UBND" of "UBND các huyện: A, B")
        m = _SHARED_HEAD.match(text, s, e)
        if m:
            st = _agency_start(text, low, m.start())
            colon = low.find(":", m.start(), m.end())
            tail = _HEAD_LIST_TAIL.match(low, st.end, colon + 1) if st is not None and st.plural else None
            if st is not None and not st.leader and (_skip_ws(low, st.end) == colon
                                                     or (tail is not None and tail.end() == colon)):
                # ("Trưởng các ấp: Tân Thuận, Tân Long A": each named unit has one head, "Trưởng ấp Tân Thuận")
                state["shared"] = _PLURAL_INSIDE.sub("", canonical_name(text[st.hstart:st.end]))
                it.start = m.end()
                it.name = f"{state['shared']} {text[m.end():e].strip()}"
        st = _agency_start(text, low, _skip_ws(low, s))
        state["open"] = state["shared"] is None and _open_collective(low, st, e)
        state["lead_head"] = None
        state["named"] = st is not None and not (st.plural or st.leader or st.family)
        state["lower_field"] = False
        if state["shared"] is None and st is not None and not (st.plural or st.leader or st.family):
            hm = v.shared_head.match(low, st.hstart)
            after = _skip_ws(low, hm.end()) if hm else -1
            sm = v.spell.match(low, after) if hm else None
            if hm and _upper_at(text, after) and not (sm and sm.end() > e):
                # "Công chức Tư pháp - Hộ tịch, Địa chính - Xây dựng": the head may be shared by the
                # title-cased specialisations after the comma (unless a known name spans the comma:
                # "Sở Văn hóa, Thể thao và Du lịch" is one body)
                state["lead_head"] = text[hm.start():hm.end()]
        cur.append(it)

    def close_item() -> None:
        if cur:
            items.append(cur.pop())

    def distributed(s: int, e: int, name: str) -> None:
        close_item()
        cur.append(_Item(s, e, name, bool(state["partner"])))
        state["open"] = False

    open_item(0, seps[0][0] if seps else n)
    for idx, (s0, s1, kind) in enumerate(seps):
        seg_end = seps[idx + 1][0] if idx + 1 < len(seps) else n
        j = _skip_ws(low, s1)
        if kind == "hard":
            close_item()
            state["partner"] = bool(state["labelled"])
            open_item(s1, seg_end)
            continue
        if kind == "coop":
            close_item()
            state["partner"] = True
            state["labelled"] = low.startswith(":", _skip_ws(low, s1))
            open_item(s1, seg_end)
            continue
        if j >= seg_end:  # an empty piece (", ,"): nothing to decide
            cur[-1].end = seg_end
            continue
        st = _agency_start(text, low, j)
        shared = state["shared"]
        it = cur[-1]
        if shared is not None:
            if kind == "," and (st is None or (st.family and not st.plural)
                                or _DASHED_TITLE.match(text, _skip_ws(low, st.end)) is not None):
                distributed(s1, seg_end, f"{shared} {text[s1:seg_end].strip()}")
                state["shared"] = shared
                continue
            if kind == "và" and st is None and state.get("places") and _PLACE_NAME.match(text, j, seg_end):
                # "UBND các xã Hòa Bắc, Hòa Ninh và Hòa Phú": the last place name takes the head too
                distributed(s1, seg_end, f"{shared} {text[j:seg_end].strip()}")
                state["shared"] = shared
                continue
            if (state.get("places") and state.get("unit_base")
                    and v.unit_piece.match(text, j, seg_end) is not None):
                # "UBND các huyện: Gia Bình, Lương Tài và thị xã Quế Võ": a unit of another kind under the same body
                base = state["unit_base"]
                distributed(s1, seg_end, f"{base} {' '.join(text[j:seg_end].split())}")
                state["shared"], state["places"], state["unit_base"] = shared, True, base
                continue
            if kind == "và" and (st is None or (st.family and not st.plural)):
                # "các Phòng: Y tế, Tư pháp, Lao động - Thương binh và Xã hội": inside the piece.
                it.end = seg_end
                it.name = f"{shared} {text[it.start:seg_end].strip()}"
                continue
            close_item()
            open_item(s1, seg_end)
            continue
        if kind == "," and st is None and it.name is None and _PLACE_NAME.match(text, j, seg_end):
            nm = v.named_units.match(text, it.start, s0)
            if nm and _agency_start(text, low, _skip_ws(low, it.start)) is not None \
                    and not nm.group("head").endswith(" ở"):
                # (not "Bộ phận Một cửa cấp xã ở các huyện Nam Giang, Đông Giang": where one body sits, not a
                # body in each place)
                # "UBND các xã Vạn Thắng, Tản Hồng": the head and the unit word are shared by each name
                shared_head = f"{canonical_name(nm.group('head'))} {' '.join(nm.group('unit').split())}"
                it.name = f"{shared_head} {nm.group('name')}"
                distributed(s1, seg_end, f"{shared_head} {text[j:seg_end].strip()}")
                state["shared"] = shared_head
                state["places"] = True
                state["unit_base"] = canonical_name(nm.group("head"))
                continue
        if kind in (",", "và") and st is None and (up := v.unit_piece.match(text, j, seg_end)) is not None:
            head = state.get("unit_head")
            if head is None and it.name is None and (om := v.one_named_unit.match(text, it.start, s0)) is not None \
                    and "các" not in _lower(om.group("head")).split() \
                    and _agency_start(text, low, _skip_ws(low, it.start)) is not None:
                head = canonical_name(om.group("head"))
            if head is not None:
                # "UBND xã Vĩnh Phước A, xã Định Hòa": each named unit after the comma takes the first one's head
                distributed(s1, seg_end, f"{head} {' '.join(text[j:seg_end].split())}")
                state["unit_head"] = head
                continue
        lead_head = state.get("lead_head")
        if (lead_head is not None and kind == "," and _specialisation(text, low, j, seg_end)
                and (st is None or _DASHED_TITLE.match(text, _skip_ws(low, st.end)) is not None)):
            # ("Công chức Tư pháp - Hộ tịch, Văn phòng - Thống kê": the second post, a head word of its own, is
            # still the first one's "Công chức")
            distributed(s1, seg_end, f"{lead_head} {text[j:seg_end].strip()}")
            cur[-1].prefix = str(lead_head)
            state["lead_head"] = lead_head
            continue
        if kind == "và" and st is None and it.name is None and v.plural.match(low, j) and _locality_run(low, j) > j:
            unit = _unit_head(text, low, it.start, s0)
            if unit is not None:
                # "UBND các huyện, thị xã, thành phố và các xã, phường, thị trấn": the head is shared by
                # the second level ("UBND các xã, phường, thị trấn")
                distributed(s1, seg_end, f"{unit} {text[j:seg_end].strip()}")
                cur[-1].prefix = unit
                continue
        if kind == ",":
            pm = _CAP_TAIL.search(low, max(it.start, s0 - 40), s0)
            if low.startswith("cấp ", j) and pm and _locality_run(low, j) > j:
                # "Chủ tịch UBND cấp huyện, cấp xã": the head is distributed over "cấp xã".
                prefix = text[it.start:pm.start()].strip()
                distributed(s1, seg_end, f"{prefix} {text[s1:seg_end].strip()}")
                continue
            if _locality_run(low, j) > j:
                split = False
            elif state["open"] and _bare_family_piece(text, low, j):
                split = False
            else:
                split = st is not None
            if not split and st is None and state.get("named") and text[j].islower():
                # "Phòng Tổ chức, biên chế …": a lower-case field after the comma continues the name
                state["lower_field"] = True
        else:  # "và"
            split = st is not None
            if split and state["open"] and _bare_family_piece(text, low, j) and not v.family_new_tier.match(low, j):
                # "Các phòng chuyên môn và đơn vị thuộc UBND phường": the collective's last noun, as after a comma
                split = False
            if split and st is not None and state.get("lower_field") and st.family and not st.plural and text[j].islower():
                # "Phòng Tổ chức, biên chế và tổ chức phi chính phủ": the name's list of fields goes on
                split = False
            if split and st is not None and not st.plural:
                # "Văn phòng Thị ủy và HĐND - UBND thị xã" is one office (also led: "Chánh Văn phòng HĐND và UBND …")
                k0 = it.start
                if (hm := v.honorific.match(low, k0)) is not None and (
                        post := _person_post(text, _skip_ws(low, hm.end()))) >= 0:
                    k0 = post  # "Bà Nguyễn Thị Kim Thoa (Chánh Văn phòng HĐND và UBND huyện)": the post's office
                if (lm := v.leader.match(low, k0)) is not None:
                    k0 = _skip_ws(low, lm.end())
                pm = _OFFICE.match(low, k0, s0) if s0 - k0 < 120 else None
                if pm:
                    rest = low[pm.end():s0].strip()
                    if v.office_pair.fullmatch(rest):
                        split = False
        if split:
            close_item()
            open_item(s1, seg_end)
            continue
        it.end = seg_end
        if state["open"]:
            if kind == "," and _bare_family_piece(text, low, j):
                fm = v.family.match(low, _skip_drops(low, j))
                state["open"] = fm is not None and _only_type_words(low[fm.end():seg_end].strip())
            else:
                state["open"] = False
    close_item()
    out: list[tuple[int, int, str | None, bool]] = []
    for it in items:
        s, e = _trim(text, low, it.start, it.end)
        if e <= s:
            continue
        name = it.name if it.prefix is None else f"{it.prefix} {text[s:e]}"  # "…, Tiểu học và THCS"
        out.append((s, e, name, it.partner))
    return tuple(out)


def _unit_head(text: str, low: str, s: int, e: int) -> str | None:
    """The head of a piece that is a body of administrative units ("UBND các huyện, thị xã", "Chủ tịch
    UBND cấp huyện"), written as it stands (with its leader), or None."""
    st = _agency_start(text, low, _skip_ws(low, s))
    if st is None or st.family or st.plural:
        return None
    j = _skip_ws(low, st.end)
    if _locality_run(low, j) <= j:
        return None
    return text[st.begin:st.end]


def _trim(text: str, low: str, s: int, e: int) -> tuple[int, int]:
    """Drop surrounding whitespace and punctuation, leading "Đề nghị"/"với"/"cùng"/"gồm"."""
    m = _TRIM_LEAD.match(text, s, e)
    if m:
        s = m.end()
    s2 = _skip_drops(low, s)
    if s < s2 < e:
        s = s2
        m = _TRIM_LEAD.match(text, s, e)
        if m:
            s = m.end()
    m = _TRIM_TAIL.search(text, s, e)
    if m:
        e = m.start()
    if e > s and text[e - 1] == ")" and text.count("(", s, e) < text.count(")", s, e):
        e -= 1
        m = _TRIM_TAIL.search(text, s, e)
        if m:
            e = m.start()
    return s, e


@lru_cache(maxsize=65536)
def _name_fields(name: str) -> tuple[str, str, str | None]:
    """(canonical name, kind, scope) of a name as written: computed once per distinct string."""
    nm = canonical_name(name)
    kind = agency_kind(nm)
    if kind not in _AGENCY_KINDS:  # a data file head kind the schema does not know
        kind = "other"
    return nm, kind, agency_scope(nm)


_AGENCY_KINDS = frozenset(typing.get_args(AgencyKind))


def _make(text: str, s: int, e: int, name: str | None) -> Agency:
    """The validated record of text[s:e] at offset 0; ``name`` overrides the name for a distributed
    shared head. Built once per distinct list (the memoized splitters keep it as a prototype)."""
    raw = text[s:e]
    nm, kind, scope = _name_fields(name if name is not None else raw)
    return Agency(raw=raw, name=nm, span=(s, e), kind=kind, scope=scope)  # type: ignore[arg-type]


_new = object.__new__
_setattr = object.__setattr__


def rebased[M: BaseModel](proto: M, base: int) -> M:
    """A copy of a validated record whose ``span`` is shifted by ``base``.

    Why: the same cells and task sentences recur across plans (and the tasks stage asks for the same
    text several times), so the splitters memoize validated prototypes at offset 0; a copy that only
    shifts an already valid span needs no second validation (pydantic's ``model_copy`` costs as much
    as validating again). A shift that would make the span invalid is validated, and so fails, as
    before.
    """
    s, e = proto.span  # type: ignore[attr-defined]
    if base + s < 0:
        return proto.model_validate({**proto.__dict__, "span": (base + s, base + e)})
    return _copied(proto, span=(base + s, base + e))


def _copied[M: BaseModel](proto: M, **changes: object) -> M:
    """A copy of a validated record with ``changes`` to fields whose new values are valid as they stand (a shifted
    span, the same text's raw as printed): no second validation."""
    d = proto.__dict__.copy()
    d.update(changes)
    out = _new(proto.__class__)
    _setattr(out, "__dict__", d)
    _setattr(out, "__pydantic_fields_set__", set(proto.__pydantic_fields_set__))
    _setattr(out, "__pydantic_extra__", None)
    _setattr(out, "__pydantic_private__", None)
    return out


def _rebase_all(protos: tuple[Agency, ...], base: int) -> list[Agency]:
    return [rebased(a, base) for a in protos] if protos else []


def _marked(text: str) -> str:
    """The text the matchers read: as printed, or for a text typed without marks ("So Noi vu chu tri, phoi hop voi …")
    its copy with the vocabulary's marks put back (``unmarked.mark_text``, same length)."""
    if not text.isascii():
        return text
    from papi_extract.unmarked import mark_text  # (unmarked reads this module's vocabulary file)

    return mark_text(text)


def _as_printed(protos: tuple[Agency, ...], text: str, read: str) -> tuple[Agency, ...]:
    """Agencies read over ``read`` (a marked copy of ``text``) with each raw value as ``text`` prints it; the name
    keeps its marks ("So Noi vu" is the agency Sở Nội vụ)."""
    if read is text or not protos:
        return protos
    return tuple(_copied(a, raw=text[a.span[0] : a.span[1]]) for a in protos)


@lru_cache(maxsize=65536)
def has_known_head(name: str) -> bool:
    """The name opens with a gazetteer head noun ("Công chức Tư pháp - Hộ tịch", "Trạm Y tế xã"), though
    its ``kind`` may be "other": evidence that a short line naming it is an agency, not a topic."""
    if not name:
        return False
    low = _lower(name)
    st = _agency_start(name, low, 0)
    return st is not None and not st.family


def split_agencies(text: str, base: int = 0) -> list[Agency]:
    """Agencies of a list (table cell, block value, group header), spans offset by ``base``.

    Why not split on every comma: names carry commas and "và" ("UBND các huyện, thị xã, thành
    phố", "Sở Lao động, TB&XH", "Sở Giáo dục và Đào tạo"), so a split needs evidence that a new
    agency starts (see the module docstring).
    """
    if not text or text.isspace():
        return []
    text = text[:_MAX_LIST]
    read = _mask_qualifiers(_marked(text))  # (raws are then taken from the text as printed, brackets and all)
    return _rebase_all(_as_printed(_split_protos(read), text, read), base)


def _trim_tail(text: str, s: int, e: int) -> int:
    """The end of the name read over ``text[s:e]`` without what follows a name but is no part of it."""
    if " theo " in text[s:e] and (m := _REMIT_TAIL.search(text, s, e)) and m.start() > s:
        e = m.start()  # "Các phòng, đơn vị thuộc Sở theo lĩnh vực được giao": the remit qualifies, it names no one
    if "tắt" in text[s:e] and (m := _SHORT_FORM_MARK.search(text, s, e)) and m.start() > s:
        e = m.start()  # "Phòng Nội vụ (viết tắt là Phòng NV)": the defined short form is not in the name
    return e


@lru_cache(maxsize=1)
def _bracket_qualifier() -> regex.Pattern[str]:
    """agencies.yaml bracket_qualifiers: a bracket that opens on one of them (its commas are its own)."""
    words = sorted((str(w) for w in _data().get("bracket_qualifiers") or []), key=len, reverse=True)
    alt = "|".join(r"\s+".join(regex.escape(x) for x in w.split()) for w in words)
    return regex.compile(r"\(\s{0,2}(?:" + alt + r")(?!\w)[^()\n]{0,120}\)", regex.I)


def _mask_qualifiers(text: str) -> str:
    """``text`` with each qualifying bracket ("(nơi có dự án)", "(tùy theo chức năng, nhiệm vụ)") blanked, same length:
    when or where a carrier carries the task is no part of its name, and its commas part no names."""
    text = _mask_marks(text)
    if "(" not in text:
        return text
    return _bracket_qualifier().sub(lambda m: " " * len(m.group()), text)


# a footnote's mark after a word: superscript figures ("thành phố⁵", Word's text export), "[3]" (markdown), "(*)"
_FOOTNOTE_GATE = regex.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹\[]|\(\*")  # a cheap test before the marks' pattern
_FOOTNOTE_MARK = regex.compile(r"(?<=\S)(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\[\d{1,3}\]| ?\(\*{1,3}\))")


def _mask_marks(text: str) -> str:
    """``text`` with each footnote mark blanked, same length: "UBND các huyện, thành phố⁵ chỉ đạo …" names the same
    carrier as without it, and the mark is no part of its name."""
    if _FOOTNOTE_GATE.search(text) is None:
        return text
    return _FOOTNOTE_MARK.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=16384)
def _split_protos(text: str) -> tuple[Agency, ...]:
    """``split_agencies`` at offset 0 (memoized: the same cells recur within and across plans)."""
    out = []
    for s, e, name, _ in _split_core(text):
        m = _ROLE_MARK.search(text, s, e)
        if m and name is None and m.start() > s:
            e = m.start()  # "Phòng Tư pháp (chủ trì)": the role marker is not in the name
        if name is None:
            e = _trim_tail(text, s, e)
        cut = _run_together(text, s, e) if name is None else None
        if cut is not None:
            out.append(_make(text, s, cut[0], None))
            s = cut[1]
        out.append(_make(text, s, e, name))
    return tuple(out)


@cache
def _run_together_re() -> regex.Pattern[str]:
    """A name closed by a locality, a space, then a capital: where two names printed on one line meet."""
    data = _data()
    units = sorted((str(w) for w in data.get("localities") or () if str(w) != "cơ sở"), key=len, reverse=True)
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(u) for u in units) + r")([ \t]+)(?=\p{Lu})")


@cache
def _place_name_heads() -> frozenset[str]:
    data = _data()
    return frozenset(_key(str(w)) for w in data.get("place_name_heads") or ())


_RUN_TOGETHER_MIN_WORDS = 3  # words of the second name: "Tổ công nghệ số cộng đồng", not "Hội Hợp"


def _run_together(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Where one piece holds two names run together, the cell's line break lost ("UBND các xã, thị trấn Tổ công
    nghệ số cộng đồng", a converter writing ``<br>`` as a space): (end of the first, start of the second), or
    None. The first must close on a locality (a place's name after "xã" is part of it: "UBND xã Tân Hội"), the
    second open with a known head that does not also open place names ("Hội", "Đoàn", "Trường": "xã Hội Hợp",
    "xã Trường Sơn") and run on for three words or more."""
    piece = text[s:e]
    if len(piece) < 12 or not any(c.isupper() for c in piece[1:]):
        return None
    for m in _run_together_re().finditer(piece):
        rest = piece[m.end() :]
        words = rest.split()
        if len(words) < _RUN_TOGETHER_MIN_WORDS or _key(words[0]) in _place_name_heads():
            continue
        if has_known_head(rest):
            return s + m.start(1), s + m.end()
    return None


def split_lead_cell(text: str, base: int = 0) -> tuple[list[Agency], list[Agency]]:
    """A lead cell's agencies as (lead, extra support): "X phối hợp (với) Y; Z" → ([X, Z], [Y]).

    The partner part of "X phối hợp Y" runs to the end of its ";"-segment.
    """
    if not text or text.isspace():
        return [], []
    text = text[:_MAX_LIST]
    read = _mask_qualifiers(_marked(text))  # (raws are then taken from the text as printed, brackets and all)
    lead, support = _lead_protos(read)
    return _rebase_all(_as_printed(lead, text, read), base), _rebase_all(_as_printed(support, text, read), base)


@lru_cache(maxsize=8192)
def _lead_protos(text: str) -> tuple[tuple[Agency, ...], tuple[Agency, ...]]:
    """``split_lead_cell`` at offset 0 (memoized like ``_split_protos``)."""
    lead: list[Agency] = []
    support: list[Agency] = []
    items = _split_core(text)
    # "Phòng Tư pháp (chủ trì); UBND các xã": once any item carries a "(chủ trì)" marker, the unmarked
    # items are partners; "(phối hợp)" marks a partner in any case.
    # (the item may already end before its marker: "Sở Tài chính (phối hợp)" is trimmed to the name)
    marks = [_ROLE_MARK.search(text, s, e) or _ROLE_AFTER.match(text, e) for s, e, _, _ in items]
    # "X chủ trì; Y, Z phối hợp": a bare role word closing a ";"-part gives the role of all its items
    seg_roles = _segment_roles(text) if ";" in text or "phối" in text or "chủ" in text else []
    # "X, Y (chủ trì); Z (phối hợp)": a marker closing a ";"-part gives its role to the part's unmarked items
    if "(" in text and ";" in text:
        seg_marks = _segment_matches(text, _ROLE_MARK)
        for k, (s, _e, _n, _p) in enumerate(items):
            if marks[k] is None:
                marks[k] = next((r for a, b, r in seg_marks if a <= s < b), None)
    marked_lead = any(m is not None and m.group(1)[0] in "cC" for m in marks) or any(
        r.group(1)[0] in "cC" for _, _, r in seg_roles)
    for (s, e, name, partner), mk in zip(items, marks, strict=True):
        seg = next((r for a, b, r in seg_roles if a <= s < b), None)
        if seg is not None and mk is None:
            cut = len(text[: seg.start(1)].rstrip())
            if s >= cut:
                continue  # the work after the role word ("… phối hợp giám sát") names no one
            if e > cut:
                e, name = cut, None  # the role word is not in the name
            (support if seg.group(1)[0] not in "cC" else lead).append(_make(text, s, e, name))
            continue
        if mk is not None and mk.start() >= e:
            partner = mk.group(1)[0] not in "cC"
        elif mk is not None and mk.start() > s:
            e = mk.start()
            partner = mk.group(1)[0] not in "cC"
        elif marked_lead:
            partner = True
        if name is None:
            m = _ROLE_TAIL.search(text, s, e)
            if m and m.start() > s:
                e = m.start()  # "Phòng X chủ trì, phối hợp với Y": the role word is not in the name
            e = _trim_tail(text, s, e)
        (support if partner else lead).append(_make(text, s, e, name))
    return tuple(lead), tuple(support)


# A bare role word closing a ";"-part of a lead cell: "Công chức Tư pháp chủ trì", "Công an xã phối hợp".
# (the role word may carry the work it does: "X phối hợp thực hiện", "Y phối hợp giám sát")
_ROLE_BARE_END = regex.compile(r"(?<=\S)\s{1,3}(chủ\s{1,3}trì|phối\s{1,3}hợp)(?:\s{1,3}(?:thực\s{1,3}hiện|giám\s{1,3}sát"
                               r"|tổ\s{1,3}chức|triển\s{1,3}khai|hướng\s{1,3}dẫn|kiểm\s{1,3}tra|theo\s{1,3}dõi))?"
                               r"\s{0,3}[.;,]?\s{0,3}$", regex.I)


def _segment_matches(text: str, rx: regex.Pattern[str]) -> list[tuple[int, int, regex.Match[str]]]:
    """(start, end, match) of each ";"-part of ``text`` that ``rx`` (anchored at the part's end) closes."""
    out: list[tuple[int, int, regex.Match[str]]] = []
    a = 0
    while a < len(text):
        b = text.find(";", a)
        b = len(text) if b < 0 else b
        m = rx.search(text, a, b)
        if m is not None:
            out.append((a, b, m))
        a = b + 1
    return out


def _segment_roles(text: str) -> list[tuple[int, int, regex.Match[str]]]:
    """The ";"-parts of ``text`` that a bare role word closes ("Công an xã phối hợp"); with no ";", the two parts
    of "X chủ trì, Y phối hợp" (a comma after the lead's role word parts them)."""
    out = _segment_matches(text, _ROLE_BARE_END)
    if ";" in text:
        return out
    c = _LEAD_COMMA.search(text)
    if c is None:
        return out
    first = _ROLE_BARE_END.search(text, 0, c.end() - 1)
    second = _ROLE_BARE_END.search(text, c.end(), len(text))
    if first is None or second is None or second.group(1)[0] in "cC":
        return out
    return [(0, c.end() - 1, first), (c.end(), len(text), second)]


# "X chủ trì, Y phối hợp": the lead's role word closing the first part, then a comma
_LEAD_COMMA = regex.compile(r"(?<=\S)\s{1,3}chủ\s{1,3}trì\s{0,3},", regex.I)


# A role marker closing an item of an agency list: "Phòng Tư pháp (chủ trì)", "Sở Y tế (phối hợp)".
_ROLE_MARK = regex.compile(r"\s*\(\s*(chủ\s+trì|phối\s+hợp)\s*\)[\s,.;]*$", regex.I)
# "… theo lĩnh vực được giao", "… theo chức năng, nhiệm vụ": the remit after a collective name, to the end of the piece
# (also the decision that set the body up: "Tổ giúp việc theo Quyết định số 1296/QĐ-UBND gồm các đồng chí")
_REMIT_TAIL = regex.compile(r"\s+theo\s+(?:lĩnh\s+vực|chức\s+năng|thẩm\s+quyền|phân\s+cấp|phân\s+công|nhiệm\s+vụ"
                            r"|quyết\s+định\s+số)(?!\w)[^;]{0,80}$",
                            regex.I)
# "Phòng Tài nguyên và Môi trường (viết tắt là Phòng TN&MT)": the short form the plan defines is not in the name
SHORT_FORM_DEFINITION = regex.compile(
    r"\(\s{0,3}(?:sau\s{1,3}đây\s{1,3})?(?:viết|gọi)\s{1,3}tắt(?:\s{1,3}là|\s{0,2}:)?\s{1,3}(?P<short>[^()\n]{1,60}?)\s{0,3}\)",
    regex.I)
_SHORT_FORM_MARK = regex.compile(r"\s*" + SHORT_FORM_DEFINITION.pattern + r"[\s,.;:]*$", regex.I)


# The same marker right after an item's (trimmed) end.
_ROLE_AFTER = regex.compile(r"\s*\(\s*(chủ\s+trì|phối\s+hợp)\s*\)(?=[\s,.;]*(?:$|[;,\n]))", regex.I)


# A role word closing a lead cell's item ("Sở Y tế chủ trì", "… chủ trì theo lĩnh vực").
_ROLE_TAIL = regex.compile(r"\s+(?:chủ\s+trì|thực\s+hiện|phụ\s+trách)(?:\s+theo\s+(?:lĩnh\s+vực|chức\s+năng[^,;]{0,40}))?\s*[,.;]?\s*$",
                           regex.I)


# ---------------------------------------------------------------------------------------------
# Canonical names, kinds, scopes

_AMP = regex.compile(r"\s*&\s*")
_DASH = regex.compile(r"(?<=[\p{L}\p{N})])\s*[-–—]\s*(?=[\p{L}\p{N}(])")
_COMMA = regex.compile(r"\s*,\s*")
_SPACES = regex.compile(r"\s+")
_PLACE_AFTER_UNIT = regex.compile(
    r"((?<![\p{L}])(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+)(\p{L}+(?:\s+\p{L}+){0,3})\s*$"
)
_CAP_AFTER = frozenset({"sở", "phòng", "ban", "trung tâm", "chi cục", "cục", "văn phòng", "bộ phận", "đài",
                        "báo", "hội", "chi nhánh", "công ty", "tổng công ty", "học viện", "bệnh viện"})


def _expand(s: str) -> str:
    """Expand abbreviations ("UBND", "TB&XH", "UB.MTTQVN") from the data file."""
    v = _vocab()
    if not any(w.upper() in v.abbrev_parts for w in _ABBREV_PART.findall(s)):
        return s  # no word of the name is a piece of any abbreviation: skip the big pattern
    return v.abbrev.sub(lambda m: v.abbrev_table.get(_abbrev_key(m.group()), m.group()), s)


@cache
def _abbrev_lookup() -> dict[str, str]:
    v = _vocab()
    return {_SPACE_RUN.sub("", k).upper(): k for k in v.abbrev_table}


def _abbrev_key(found: str) -> str:
    return _abbrev_lookup().get(_SPACE_RUN.sub("", found).upper(), found)


def _respell(s: str) -> str:
    """Rewrite known names to their spelling (data ``names``/``proper``), longest first.

    Token lookup rather than one big alternation: a name's words are looked up as tuples, and the
    gaps between them must be separators (" ", "-", "&", ",", "và"). About 20x faster per name.
    """
    v = _vocab()
    low = _lower(s)
    toks = [m for m in _TOKEN.finditer(low) if m.group() != "và"]
    if not toks:
        return s
    out: list[str] = []
    last = 0
    i = 0
    while i < len(toks):
        if toks[i].group() not in v.spell_first:
            i += 1
            continue
        hit = None
        for n in v.spell_lengths[toks[i].group()]:
            if n > len(toks) - i:
                continue
            key = tuple(t.group() for t in toks[i:i + n])
            spelled = v.spell_table.get(key)
            if spelled is None:
                continue
            if all(_SPELL_GAP.fullmatch(low, toks[k].end(), toks[k + 1].start()) for k in range(i, i + n - 1)):
                hit = (n, spelled)
                break
        if hit is None:
            i += 1
            continue
        n, spelled = hit
        out.append(s[last:toks[i].start()])
        out.append(spelled)
        last = toks[i + n - 1].end()
        i += n
    if not out:
        return s
    out.append(s[last:])
    return "".join(out)


_CANONICAL_OUTPUTS: set[str] = set()  # names canonical_name returned: canonical already


def canonical_name(raw: str) -> str:
    """Canonical agency name: abbreviations expanded, tone placement, case and spacing unified.

    Memoized: the same agency strings recur across thousands of plans; a name it returned is
    returned as is.
    """
    if raw in _CANONICAL_OUTPUTS:
        return raw
    name = _canonical_name(raw)
    if len(_CANONICAL_OUTPUTS) > 200_000:
        _CANONICAL_OUTPUTS.clear()
    _CANONICAL_OUTPUTS.add(name)
    return name


_SHORT_FORM = 3  # letters of the longest word of a name written only in short forms ("CC VP-TK"): no heading


@lru_cache(maxsize=65536)
def _canonical_name(raw: str) -> str:
    if not raw:
        return ""
    s = " ".join(unicodedata.normalize("NFC", raw).split())
    low = _lower(s)
    k = _skip_drops(low, 0)
    v = _vocab()
    if (hm := v.honorific.match(low, k)) is not None and v.leader.match(low, j := _skip_ws(low, hm.end())):
        k = j  # "Đồng chí Chủ tịch UBND xã": the form of address is no part of the office's name (raw keeps it)
    elif hm is not None and (post := _person_post(s, _skip_ws(low, hm.end()))) >= 0:
        k = post  # "Đ/c Trần Văn Hưng - PCT UBND xã": the post is the office (raw keeps the person)
        if "(" in s[hm.end() : post]:
            s = s.rstrip(" )")  # "Ông Lê Văn Thắng (Trưởng Công an xã)": the parenthesis closes with the post
    if k < len(s):
        s = s[k:]
    s = s.lstrip(_LEAD_CHARS).rstrip(_TAIL_CHARS).strip("“”\"'‘’ ")
    if not s:
        return ""
    if len(s) > _MAX_NAME:  # not a name: only the cheap normalizations
        return retone(s)
    letters = [c for c in s if c.isalpha()]
    if (len(letters) > 4 and " " in s and all(c.isupper() for c in letters)
            and any(len(w) > _SHORT_FORM for w in regex.findall(r"\p{L}+", s))):
        # A heading in capitals ("ỦY BAN NHÂN DÂN TỈNH AN GIANG"): lower it; known names get their
        # capitals back below, and the words after a unit word are a place name.
        s = _PLACE_AFTER_UNIT.sub(lambda m: m.group(1) + m.group(2).title(), s.lower())
    s = retone(s)
    s = _expand(s)
    if "&" in s:
        s = _AMP.sub(" và ", s)
    if "-" in s or "–" in s or "—" in s:
        s = _DASH.sub(" - ", s)
    if "," in s:
        s = _COMMA.sub(", ", s)
    s = _respell(" ".join(s.split()))
    if "-" in s:
        s = _DASH.sub(" - ", s)
    s = " ".join(s.split())
    # First letter of the specific name after a single-body head ("phòng quản lý đô thị" →
    # "Phòng Quản lý đô thị", "Chi nhánh điện lực" → "Chi nhánh Điện lực").
    v = _vocab()
    low = _lower(s)
    hm = v.head.match(low, 0)
    if hm and _key(hm.group()) in _CAP_AFTER:
        j = _skip_ws(low, hm.end())
        if (j < len(s) and s[j].islower() and not v.locality.match(low, j) and not v.qualifier.match(low, j)
                and not v.family.match(low, j) and not v.plural.match(low, j) and not v.stop.match(low, j)):
            s = s[:j] + s[j].upper() + s[j + 1:]
    return s[:1].upper() + s[1:]


@lru_cache(maxsize=65536)
def agency_kind(name: str) -> str:
    """Kind of an agency from its head noun (see the module docstring for collectives)."""
    v = _vocab()
    canon = canonical_name(name)
    low = _lower(canon)
    st = _agency_start(canon, low, 0)
    if st is None:
        # "thôn, khu phố, tổ dân phố": units below the commune, listed as a collective.
        if v.locality.match(low, 0) and "," in low:
            return "group"
        return "other"
    if st.head in v.collective_heads:
        return "group"
    if st.family:
        rest = low[st.end:]
        # a collective listing several body types ("sở, ban, ngành") or a generic one is a group
        types = {_key(m.group()) for m in v.family.finditer(low, st.begin)}
        generic = st.head in {"cơ quan", "đơn vị", "địa phương", "đoàn thể", "tổ chức", "ngành", "ban ngành"}
        if generic or len(types) > 1 or _LEAD_COMMA.match(rest):
            return "group"
        specific = {"sở": "sở", "phòng": "phòng", "ban": "ban", "hội": "other"}
        return specific.get(st.head, "group")
    return st.kind


# the administrative units a name's scope is read from: agencies.yaml's localities but "cơ sở" (a level, no unit)
# and "khu vực" (mostly a region: "Trung tâm Y tế khu vực", "Ngân hàng Nhà nước Khu vực 2") and "chùa" (no unit)
_UNIT_WORDS = tuple(w for w in _data().get("localities") or () if w not in ("cơ sở", "khu vực", "chùa"))
_SCOPE_RUN = regex.compile(
    r"(?<![\p{L}])(?<!nông\s)(?:(?:các|cấp|cùng)\s+)*" + _LOCALITY_GUARDS[0]
    + r"(?:" + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True)) + r")"
    r"(?:\s*(?:,|và)\s*(?:(?:các|cấp)\s+)*(?:" + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True)) + r"))*"
    r"(?![\p{L}])(?!\s+(?:hội|ủy|đoàn|viên)(?![\p{L}]))" + _LOCALITY_GUARDS[1]
)
_SCOPE_UNIT = regex.compile(r"(?<![\p{L}])" + _LOCALITY_GUARDS[0] + r"(?:" + "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
                            + r")(?![\p{L}])" + _LOCALITY_GUARDS[1])


@lru_cache(maxsize=65536)
def agency_scope(name: str) -> str | None:
    """Administrative level carried by the name ("tỉnh", "xã, phường", "các cấp") or None."""
    low = _lower(canonical_name(name))
    last = None
    for m in _SCOPE_RUN.finditer(low):
        last = m
    if last is not None:
        units: list[str] = []
        for u in _SCOPE_UNIT.finditer(last.group()):
            if u.group() not in units:
                units.append(u.group())
        return ", ".join(units) if units else None
    lv = _LEVELS.search(low)
    return lv.group(1) if lv else None


@lru_cache(maxsize=16384)
def _variant_key(name: str) -> str:
    return " ".join(w for w in _FOLD_WORD.findall(fold(name)) if w != "va")


def fold_variants(agencies: list[Agency]) -> list[Agency]:
    """Within one document, give spelling variants of one agency the same (most frequent) name.

    Key: the folded name without punctuation and "và", so "Cơ quan - Tổ chức Nội vụ" and "Cơ quan
    Tổ chức - Nội vụ" meet; ties keep the spelling seen first.
    """
    # name -> count per key, in first-seen order: ``max`` keeps the first of equal counts
    groups: dict[str, dict[str, int]] = {}
    keys = [_variant_key(a.name) for a in agencies]
    for k, a in zip(keys, agencies):
        c = groups.get(k)
        if c is None:
            groups[k] = {a.name: 1}
        else:
            c[a.name] = c.get(a.name, 0) + 1
    chosen = {k: max(c, key=c.__getitem__) for k, c in groups.items()}
    out: list[Agency] = []
    for k, a in zip(keys, agencies):
        nm = chosen[k]
        if nm == a.name:
            out.append(a)
        else:
            out.append(a.model_copy(update={"name": nm, "kind": agency_kind(nm), "scope": agency_scope(nm)}))
    return out


# ---------------------------------------------------------------------------------------------
# Agencies inside task sentences

_LEAD_MARK = regex.compile(
    r"[\s\-+*•–—]*(?:(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5}|[a-zđ])[.)](?:\s|$)\s*)?[\s\-+*•–—]*"
)


@dataclass(slots=True)
class _Scan:
    end: int  # end of the agency list (exclusive)
    sure: bool
    unknown: int  # where the unsure word starts (when not sure)


# "các xã", "các phường, thị trấn" closing the text read so far: a colon after them opens their names,
# a place name of two or more capitalised syllables ("Quảng Thái"; "Hướng dẫn …", "Tổ chức họp …" are actions)
_PLACE_NAME_AT = regex.compile(r"\p{Lu}\p{Ll}{0,7}(?:[ \t]{1,3}\p{Lu}\p{Ll}{0,7}){1,3}(?![\p{L}\p{N}])")


def _nwords_between(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def _descriptive_end(text: str, low: str, i: int, limit: int) -> int:
    """The end of a body named by what it manages ("Ban Quản lý dự án | đầu tư xây dựng các công trình dân dụng và
    công nghiệp tỉnh"): the first locality within ``descriptive_words`` words closes it (with its place name), if no
    punctuation, role word or other agency comes first; else -1. One pass over a bounded window."""
    v = _vocab()
    k = i
    for _ in range(v.descriptive_words):
        k = _skip_ws(low, k)
        if k >= limit or not text[k].isalpha():
            return -1
        if (e := _locality_run(low, k)) > k:
            pm = _PLACE_NAME_AT.match(text, _skip_ws(low, e))
            return pm.end() if pm is not None else e
        if v.descriptive_stop.match(low, k) or (k > i and _agency_start(text, low, k) is not None):
            return -1
        w = _WORD.match(text, k)
        if w is None:
            return -1
        k = w.end()
    return -1


_CAPS_WINDOW = 120  # characters a line's case is judged on


def _all_caps(text: str, pos: int, limit: int) -> bool:
    """The text from ``pos`` (a short window) is typed in capitals: no lower-case letter, some upper-case ones."""
    w = text[pos : min(limit, pos + _CAPS_WINDOW)]
    return not any(c.islower() for c in w) and sum(1 for c in w if c.isupper()) >= 8


def _scan_list(text: str, low: str, pos: int, limit: int) -> _Scan:
    """Fast path: walk an agency list from ``pos`` until a predicate, a colon or a clause starts.

    It consumes head nouns, known names, capitalized words, localities and qualifiers; a lower-case
    word it does not know makes it unsure (that is where the tokenizer is consulted).
    """
    v = _vocab()
    i = pos
    good = pos
    expect = True
    has_loc = False
    collective_open = False
    head_end = -1
    place_end = -1  # end of "<unit word> <Capitalised place>" ("thị xã Ninh Hòa") when that is the last read
    proper_open = False  # the last head read is a proper-name head ("Hợp tác xã", "Trường Tiểu học")
    proper_from = pos
    complete = False  # the last head read names a body by itself ("Huyện ủy"): no lower-case name after it
    unit_list = False  # "các huyện, thị xã": a list of units after the head, which "và" may close
    person = False  # the last name read is a person's office or post: a remit may follow ("… phụ trách kinh tế")
    # a line typed all in capitals ("UBND CÁC HUYỆN, THÀNH PHỐ CHỈ ĐẠO UBND CẤP XÃ …"): a capital says nothing, so a
    # predicate ends the name even when capitalised
    caps = _all_caps(text, pos, limit)
    while i < limit:
        i = _skip_ws(low, i)
        if i >= limit:
            break
        if expect:
            st = _agency_start(text, low, i)
            if st is None:
                return _Scan(good, True, i)
            i = st.end
            good = i
            head_end = _skip_ws(low, i)
            expect = False
            has_loc = False
            unit_list = False
            collective_open = st.family
            proper_open = _key(st.head) in v.proper_name_heads
            complete = _key(st.head) in v.complete_heads
            person = st.leader or _STAFF_HEAD.search(st.head) is not None
            if ((dm := v.descriptive.match(low, st.hstart)) is not None
                    and (d := _descriptive_end(text, low, dm.end(), limit)) > i):
                i = good = d  # "Ban Quản lý dự án các công trình xây dựng thành phố": up to where it sits
            if proper_open:
                place_end = -2  # its proper name is still to come: a lower-case word after it ends the name
                proper_from = i
            continue
        ch = low[i]
        if ch == ":":
            j = _skip_ws(low, i + 1)
            if (v.plural_units_end.search(low, max(pos, i - 40), i) or v.unit_head_end.search(low, max(pos, i - 24), i)) \
                    and _PLACE_NAME_AT.match(text, j) and not v.predicate.match(low, j):
                # "UBND các xã: Quảng Thái, Quảng Ngạn", "Trưởng bản: Na Khích, Hồng Tiến": the units' names follow
                i = j
                continue
            if (_PLURAL_HEAD_END.search(low, max(pos, i - 24), i) and _upper_at(text, j)
                    and (not v.predicate.match(low, j) or v.spell.match(low, j))):
                i = j  # "phối hợp với các Phòng: Quản lý đô thị, Tài chính - Kế hoạch": the shared head's names
                continue
            return _Scan(good, True, i)
        if ch in ",;":
            j = _skip_ws(low, i + 1)
            if j >= limit:
                return _Scan(good, True, j)
            if _locality_run(low, j) > j or (low.startswith("cấp ", j)):
                i = j
                unit_list = has_loc
                continue
            if ch == "," and collective_open and _bare_family_piece(text, low, j):
                m = v.family.match(low, _skip_drops(low, j))
                assert m is not None  # _bare_family_piece found the family word there
                i = m.end()
                good = i
                continue
            st = _agency_start(text, low, j)
            if st is not None:
                i = j
                expect = True
                continue
            if ch == "," and _upper_at(text, j) and (not v.predicate.match(low, j) or v.spell.match(low, j)):
                i = j  # (a capitalised known name reads as a name: "…, Quản lý đô thị", not the verb "quản lý")
                continue
            return _Scan(good, True, j)
        if ch == ")" and text.count("(", pos, i) > text.count(")", pos, i):
            return _Scan(i + 1, True, i + 1)  # "Ông Lê Văn Thắng (Trưởng Công an xã)": the name closes with it
        if ch in ".()“\"\n!?":
            return _Scan(good, True, i)
        if ch in "-–—&":
            i += 1
            continue
        m = _VA.match(low, i, i + 3)
        if m:
            j = _skip_ws(low, i + 2)
            st = _agency_start(text, low, j)
            if st is not None:
                i = j
                expect = True
                continue
            if _upper_at(text, j) and not v.predicate.match(low, j):
                i = j
                continue
            if has_loc and v.plural.match(low, j) and _locality_run(low, j) > j:
                i = j  # "UBND các huyện, thị xã và các xã, phường": the head's second level
                continue
            if unit_list and _locality_run(low, j) > j:
                i = j  # "UBND các huyện, thị xã và thành phố Huế": the last unit of the head's list
                continue
            if has_loc and place_end == good and v.unit_named_at.match(text, j):
                i = j  # "UBND xã An Bình và xã Mỹ Phước": a second named unit under the same head
                continue
            return _Scan(good, True, i)
        m = v.spell.match(low, i)
        if m and ((i == head_end and not complete)
                  or (text[i].isupper() and not (caps and v.predicate.match(low, i)))):
            # a known name right after its head ("Sở xây dựng") or capitalized; elsewhere the same
            # words are predicates ("UBND các xã xây dựng kế hoạch").
            i = good = m.end()
            collective_open = False
            continue
        run_end = _locality_run(low, i)
        if run_end > i:
            # a unit word, its place name read with it ("thị xã Ninh Hòa") or still to come
            place_end = run_end if any(c.isupper() for c in text[i:run_end]) else -2
            # (a pagoda is no administrative unit: "Ban quản trị các chùa Khmer trên địa bàn xã" keeps where it is)
            has_loc = has_loc or not _PAGODA.match(low, i)
            i = good = run_end
            continue
        m = v.type_word.match(low, i)
        if m:
            i = good = m.end()
            continue
        m = v.qualifier.match(low, i)
        if m and not (low.startswith("cấp", i) and v.predicate.match(low, i)):
            # ("cấp" is a name's level, "UBND cấp xã", unless it grants: "… cấp giấy phép", a predicate)
            i = good = m.end()
            collective_open = False
            continue
        m = v.place_tail.match(low, i)
        if m and not has_loc:
            i = good = m.end()
            continue
        if low.startswith("ở ", i) and (j := _skip_ws(low, i + 2)) < limit and _locality_run(low, j) > j:
            i = j  # "Trưởng các thôn, tổ dân phố ở các huyện miền núi": where the collective is, part of its name
            continue
        m = v.abbrev.match(text, i)
        if m:
            i = good = m.end()
            collective_open = False
            continue
        w = _WORD.match(text, i)
        if not w:
            return _Scan(good, True, i)
        if person and _skip_ws(low, good) == i and (r := _remit_end(text, low, i, limit)) > i:
            i = good = r  # "Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội | chỉ đạo": the remit names the person
            person = False
            continue
        if (text[i].isupper() or text[i].isdigit()) and not (caps and v.predicate.match(low, i)):
            # a capitalised head noun of two syllables inside a name is taken whole: "Chi nhánh Văn
            # phòng Đăng ký đất đai", "Chi nhánh Ngân hàng Chính sách xã hội" (not "… Văn | phòng")
            hm = v.head.match(low, i) if text[i].isupper() else None
            in_place = place_end == -2 or place_end == good
            i = good = hm.end() if hm is not None and hm.end() > w.end() else w.end()
            place_end = good if in_place else -1
            collective_open = False
            continue
        if place_end == good and _skip_ws(low, good) == i:
            # "Chi nhánh … thị xã Ninh Hòa | rút ngắn": a lower-case word after a unit's place name is
            # the predicate (its qualifiers, "mới", "(cũ)", were read above); after a single capitalised
            # syllable of a proper-name head it may close that word ("Hợp tác xã Dịch | vụ môi trường",
            # "Hợp tác xã Nông | nghiệp"): the tokenizer decides
            single = proper_open and _nwords_between(text, proper_from, good) == 1
            return _Scan(good, not single, i)
        if v.predicate.match(low, i) or v.stop.match(low, i):
            if not v.stop.match(low, i) and _skip_ws(low, good) == i and i > pos:
                prev = _word_before(text, pos, i).group()
                if prev[:1].isupper() and prev[1:].islower():
                    # a verb-like syllable right after a title-cased one may close that word ("Trung
                    # tâm Trợ | giúp pháp lý", "Ban Quản | lý dự án"): the tokenizer decides
                    return _Scan(good, False, i)
            return _Scan(good, True, i)
        m = v.family.match(low, i)
        if m and collective_open:
            i = good = m.end()
            continue
        if v.plural.match(low, i):
            return _Scan(good, True, i)
        if _skip_ws(low, good) == i and i > pos and text[_word_before(text, pos, i).start()].isupper():
            nxt = _skip_ws(low, w.end())
            if nxt < limit and low[nxt] in ",;:":
                # "Hội Nông dân, Phụ nữ, Cựu chiến binh": a lower-case word closing a capitalised
                # name word right before a list separator still belongs to the name
                i = good = w.end()
                continue
        return _Scan(good, False, i)
    return _Scan(good, True, limit)


@lru_cache(maxsize=8192)
def _segment(window: str) -> tuple[tuple[int, int], ...]:
    """Word spans of a short window, by underthesea's word segmenter.

    Why the tokenizer is needed here: the fast path stopped at a lower-case word it does not know,
    and a regex cannot tell whether that word is still part of the name ("Trung tâm phát triển quỹ
    đất tỉnh | chủ trì", "Phòng Quản lý đô thị | cần") or the start of the predicate ("các Sở, Ban
    ngành và địa phương | đưa các giải pháp"). The segmenter groups syllables into words, so the
    predicate lexicon is matched against whole words ("chủ trì", not "chủ"), and the gazetteer of
    multi-word names is passed as ``fixed_words`` so it does not cut "Ủy | ban nhân dân". It is ~270x
    slower than a regex pass, hence only this short window, only when unsure, and memoized.
    """
    try:
        from underthesea import word_tokenize
    except ImportError:  # pragma: no cover - the package is a dependency
        return tuple((m.start(), m.end()) for m in _NONSPACE.finditer(window))
    try:
        toks = word_tokenize(window, fixed_words=list(_vocab().fixed_words), use_token_normalize=False)
    except Exception:  # noqa: BLE001 - a tokenizer failure must not lose the task
        return tuple((m.start(), m.end()) for m in _NONSPACE.finditer(window))
    spans: list[tuple[int, int]] = []
    k = 0
    for t in toks:
        sylls = t.split()
        if not sylls:
            continue
        start = window.find(sylls[0], k)
        if start < 0:
            continue
        end = start
        ok = True
        for syl in sylls:
            p = window.find(syl, end)
            if p < 0:
                ok = False
                break
            end = p + len(syl)
        if not ok:
            continue
        spans.append((start, end))
        k = end
    return tuple(spans)


def _resolve_with_tokenizer(text: str, low: str, scan: _Scan, limit: int) -> int:
    """Where the name ends when the fast path was unsure: the first verb-like word decides."""
    v = _vocab()
    start = scan.unknown
    # the capitalised syllable right before the unknown word goes into the window too: it may open a
    # word the unknown syllable closes ("Ngân hàng Chính | sách xã hội", "Trung tâm Trợ | giúp"); so
    # does the word before it, so that a proper name ("Thái Bình | tạo") is segmented whole
    prev_cap = False
    b = start
    for _ in range(2):
        k = b
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        a = k
        while a > 0 and text[a - 1].isalpha():
            a -= 1
        if not (a < k < start and (text[a].isupper() or prev_cap)):
            break
        prev_cap = True
        b = a
    boundary = scan.unknown - b
    if prev_cap:
        start = b
    words = list(_NONSPACE.finditer(text, start, limit))[:_TOKENIZER_WORDS]
    if not words:
        return scan.end
    words_end = words[-1].end()
    window = text[start:words_end]
    spans = _segment(window)
    if not spans:
        return scan.end
    wlow = low[start:words_end]

    def norm(a: int, b: int) -> str:
        return " ".join(wlow[a:b].split())

    def is_pred(a: int, b: int) -> bool:
        w = norm(a, b)
        if w in v.predicate_set or v.predicate.match(w):
            return True
        # (or a predicate the segmenter cut into words of its own: "rút" | "ngắn"; not one that ends inside a word,
        # "cấp" | "giấy phép" is no "cấp giấy")
        m = v.predicate.match(wlow, a)
        return m is not None and m.end() > b and any(e == m.end() for _, e in spans)

    def is_stop(a: int, b: int) -> bool:
        w = norm(a, b)
        return (bool(v.stop.fullmatch(w)) or bool(v.plural.fullmatch(w))
                or not _ALNUM.match(w))

    def is_name(a: int, b: int) -> bool:
        w = norm(a, b)
        return (window[a].isupper() or bool(v.locality.fullmatch(w)) or bool(v.qualifier.fullmatch(w))
                or w in v.fixed_keys)

    end = scan.end
    # words before the unknown one were taken by the scan; one that runs across into it ("Cải
    # cách", "Trợ giúp") is a name word whose first syllable the scan took
    joined = False
    if prev_cap:
        kept: list[tuple[int, int]] = []
        for a, b in spans:
            if b <= boundary:
                continue
            if a < boundary and not kept:
                # one capitalised syllable and the unknown one: a word ("Trợ giúp"); a longer run
                # is the segmenter gluing a verb onto a proper name ("Đồng Tháp tạo"): cut it there
                # -- unless the unknown part is itself a two-syllable predicate ("Tỉnh Đoàn | chủ trì"
                # glued as "Đoàn chủ trì"; "Trợ giúp" stays a word)
                tail = norm(boundary, b)
                if len(window[a:boundary].split()) == 1 and not (" " in tail and tail in v.predicate_set):
                    joined = True
                else:
                    a = boundary
            kept.append((a, b))
        spans = tuple(kept)
    for idx, (a, b) in enumerate(spans):
        if idx == 0 and joined:
            cut = _proper_then_predicate(window, wlow, a, b)
            if cut is not None:
                end = start + cut
                break
            end = start + b
            continue
        if window[a:b] == "&" and idx + 1 < len(spans) and is_name(*spans[idx + 1]):
            continue  # "Sở Nông nghiệp & Môi trường": "&" joins a name's words as "và" does
        if is_pred(a, b) or is_stop(a, b):
            break
        if is_name(a, b):
            cut = _proper_then_predicate(window, wlow, a, b)
            if cut is not None:
                end = start + cut
                break
            end = start + b
            continue
        # An unknown lower-case word belongs to the name only if a predicate follows closely
        # ("Phòng Quản lý đô thị | cần", "Trung tâm phát triển quỹ đất tỉnh | chủ trì").
        for look in range(idx + 1, min(idx + 5, len(spans))):
            c, d = spans[look]
            if is_pred(c, d):
                end = start + spans[look - 1][1]
                break
            if is_stop(c, d):
                # "…, UBND các xã": another agency after a separator, so the name ran up to it; a
                # parenthesis closes a name too ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh (thuộc Sở Tư pháp)")
                if ((window[c:d] in (",", ";") and _agency_start(text, low, _skip_ws(low, start + d)) is not None)
                        or window[c:d] == "("):
                    end = start + spans[look - 1][1]
                break
        break
    return end


def _proper_then_predicate(window: str, wlow: str, a: int, b: int) -> int | None:
    """Where a segmenter's word glues a predicate onto a proper name ("Tràng Định hướng dẫn" as one word: the place
    "Tràng Định", then "hướng dẫn"; "Viễn thông Nghĩa Định hướng dẫn"), the end of the name; else None. The word
    closes with two capitalised syllables or more, then lower-case ones that a predicate of the lexicon covers whole:
    "Văn phòng", "Trợ giúp" are one word."""
    v = _vocab()
    sylls = list(_NONSPACE.finditer(window, a, b))
    upper = [window[m.start()].isupper() for m in sylls]
    if upper[-1] or True not in upper:
        return None
    last = len(upper) - 1 - upper[::-1].index(True)  # the last capitalised syllable; lower-case ones follow
    if last < 1 or not upper[last - 1]:
        return None
    tail = sylls[last + 1].start()
    pm = v.predicate.match(wlow, tail)
    if pm is None or pm.end() < b:
        return None
    return sylls[last].end()


_LIST_RESUMES = 8  # names after a tokenizer-settled one that the list may still take


def _list_end(text: str, low: str, pos: int, limit: int) -> int:
    end = pos
    for _ in range(_LIST_RESUMES):
        scan = _scan_list(text, low, pos, limit)
        if scan.sure:
            return scan.end
        end = _resolve_with_tokenizer(text, low, scan, limit)
        # the tokenizer settled where one name ends; a list goes on after it when a separator and
        # another agency follow ("Chi nhánh Ngân hàng Chính sách xã hội huyện, UBND các xã rà soát")
        j = _skip_ws(low, end)
        if j < limit and low[j] == ",":
            j = _skip_ws(low, j + 1)
        elif _VA.match(low, j, j + 3):
            j = _skip_ws(low, j + 2)
        else:
            return end
        if j >= limit or j <= pos or _agency_start(text, low, j) is None:
            return end
        pos = j
    return end


_COLON_NAME_CHARS = 90  # a "Name: action" prefix is short
_COLON_NAME_WORDS = 10
_COLON_EXTRA_WORDS = 8  # words past the fast path's end a known head may still take up to the colon
_ACTION_AFTER = regex.compile(r"[ \t]*(?:\p{Lu}|\p{Ll})[\p{L}]*(?:[ \t]+\S+){2}")


def _colon_name_end(text: str, low: str, pos: int, end: int, known_head: bool) -> int:
    """End of a "Name: action" prefix at ``pos`` ("- Công chức Tài chính - Kế toán: Công khai …",
    "Tổ công nghệ số cộng đồng các xóm: Hướng dẫn …"), or ``end`` when the evidence is weak.

    Why: the fast path stops at a lower-case word it does not know ("Kế | toán", "Địa | chính",
    "cộng đồng | các xóm"); before a colon that opens an action, the whole prefix is the name. The
    evidence: a short one-line prefix, no predicate or clause word in the part the fast path did not
    take, an action after the colon, and for an unknown head a title-cased name (most words capitalised,
    the first word not verb-like nor a topic word: "Nội dung:", "Tham gia của người dân …:" are no names).
    """
    v = _vocab()
    k = text.find(":", max(pos, end), pos + _COLON_NAME_CHARS)
    if k < 0 or "\n" in text[pos:k] or not _ACTION_AFTER.match(text, k + 1):
        return end
    words = list(_WORD.finditer(text, pos, k))
    if not words or (not known_head and len(words) > _COLON_NAME_WORDS):
        return end  # a known head bounds only the words past its fast path (below)
    if known_head:
        extra = [w for w in words if w.start() >= end]
        if len(extra) > _COLON_EXTRA_WORDS:
            return end
    else:
        extra = words
        if len(words) < 2 or not text[pos].isupper():
            return end
        caps = sum(1 for w in words if w.group()[0].isupper())
        if caps < 2 or caps * 2 < len(words) or v.colon_non_name.match(low, pos):
            return end
    for w in extra:
        i = w.start()
        if text[i].isupper():
            continue
        if v.predicate.match(low, i) or v.stop.match(low, i) or v.colon_non_name.match(low, i):
            return end
    if not known_head and v.predicate.match(low, pos):
        return end
    m = _TRIM_TAIL.search(text, pos, k)
    return m.start() if m else k


_OPENING_CHARS = 200  # enough for a lead mark, an opener clause, a leader and a head noun
_FRONTED_MAX = 320  # characters a fronted topic ("Đối với câu hỏi …, ") may run before its comma


@lru_cache(maxsize=1)
def _fronted_topics() -> tuple[str, ...]:
    """agencies.yaml fronted_topics, lowered, each with the space after it."""
    return tuple(_lower(str(w)) + " " for w in _data().get("fronted_topics") or [])


@cache
def _fronted_cues() -> tuple[tuple[str, bool], ...]:
    """agencies.yaml fronted_partners and fronted_guides, lowered, each with the space after it and whether the
    names it fronts are partners."""
    out = [(_lower(str(w)) + " ", True) for w in _data().get("fronted_partners") or []]
    out += [(_lower(str(w)) + " ", False) for w in _data().get("fronted_guides") or []]
    return tuple(sorted(out, key=lambda c: -len(c[0])))


def _fronted_partner_subject(text: str, low: str, pos: int, cue: str) -> int | None:
    """Where the subject starts after a fronted partner ("Phối hợp với Sở Tư pháp, Sở Nội vụ tham mưu …": at "Sở Nội
    vụ"), or None. The cue's names and the subject read as one list; its last name, or the name after a comma that
    closes the list, is the subject."""
    j = _skip_ws(low, pos + len(cue))
    st = _agency_start(text, low, j, allow_bare_family=True)
    if st is None:
        return None
    end = _list_end(text, low, st.begin, len(text))
    if end <= st.begin:
        return None
    k = _skip_ws(low, end)
    if k < len(low) and low[k] == ",":
        k = _skip_ws(low, k + 1)
        return k if _agency_start(text, low, k, allow_bare_family=False) is not None else None
    items = _split_protos(text[st.begin : end][:_MAX_LIST])
    if len(items) < 2:
        return None
    return st.begin + items[-1].span[0]


def fronted_subject_agencies(text: str, base: int = 0) -> tuple[list[Agency], list[Agency]]:
    """(subject, partners) of an item whose partner or guide is fronted ("Phối hợp với Sở Tư pháp, Sở Nội vụ tham mưu
    …" → ([Sở Nội vụ], [Sở Tư pháp]); a guide, "Dưới sự hướng dẫn của X, Y …", is no partner), or ([], []). Only the
    caller knows whether the item has a lead from elsewhere (an agency heading over it, under which the whole list is
    partners), so this reading is its own."""
    if not text:
        return [], []
    text = text[:_SUBJECT_WINDOW]
    mark = _LEAD_MARK.match(text)
    assert mark is not None  # _LEAD_MARK matches the empty string
    p = mark.end()
    low = _lower(text[p : p + 40])
    found = next(((c, partner) for c, partner in _fronted_cues() if low.startswith(c)), None)
    if found is None:
        return [], []
    read = _mask_marks(_marked(text))
    k = _fronted_partner_subject(read, _lower(read), p, found[0])
    if k is None:
        return [], []
    subject = subject_agencies(text[k:], base + k)
    if not subject or not found[1]:
        return subject, []
    names = split_agencies(text[p + len(found[0]) : k].rstrip(" ,"), base + p + len(found[0]))
    return subject, [a for a in names if a.span[1] <= base + k]


def _fronted_commas(text: str, pos: int) -> list[int]:
    """Where a fronted topic ("Đối với tiêu chí “…” (giảm 3,2%), …") may end: just after each comma outside brackets
    and quotes, within ``_FRONTED_MAX`` characters and its sentence. One pass, linear."""
    out: list[int] = []
    depth = 0
    quoted = False
    for i in range(pos, min(len(text), pos + _FRONTED_MAX)):
        c = text[i]
        if c in "(“":
            depth += 1
        elif c in ")”" and depth:
            depth -= 1
        elif c == '"':
            quoted = not quoted
        elif c == "," and not depth and not quoted:
            out.append(i + 1)
        elif c in ";\n" or (c == "." and not depth and not quoted and text[i + 1 : i + 2] in (" ", "")):
            break
    return out


@lru_cache(maxsize=16384)
def _subject_core(text: str) -> tuple[int, int]:
    # Most task texts open with a verb: decide that on the lowered opening only (lowering the whole
    # window costs more than the check), and lower the rest only when a name starts there.
    head = text[:_OPENING_CHARS]
    low = _lower(head)
    limit = len(text)
    lead = _LEAD_MARK.match(text)
    assert lead is not None  # _LEAD_MARK matches the empty string
    pos = lead.end()
    if pos >= len(head) - 60:
        low, head = _lower(text), text
    m = _vocab().openers.match(low, pos)
    if m:
        j = _skip_ws(low, m.end())
        if j < len(head) and low[j] == ",":
            pos = _skip_ws(low, j + 1)
    elif low.startswith(_fronted_topics(), pos):
        # "Đối với tiêu chí “Tỷ lệ người dân …” (đạt 21,5%), Sở Tài chính hướng dẫn …": the subject after the topic,
        # at the first of its commas an agency follows ("Đối với câu hỏi về công khai thu, chi ngân sách, Sở …")
        full = _lower(text)
        for k in _fronted_commas(text, pos):
            j = _skip_ws(full, k)
            if _agency_start(text, full, j, allow_bare_family=False) is not None:
                low, head, pos = full, text, j
                break
    st = _agency_start(head, low, pos, allow_bare_family=False)
    if st is None:
        end = _colon_name_end(head, low, pos, pos, known_head=False)
        return (pos, end) if end > pos else (0, 0)
    if len(head) < limit:
        low = _lower(text)
    end = _list_end(text, low, st.begin, limit)
    if end <= st.begin:
        return (0, 0)
    if not st.family and end < limit and text.find(":", end, end + _COLON_NAME_CHARS) >= 0:
        end = _colon_name_end(text, low, st.begin, end, known_head=True)
    cm = _COLLECTIVE_COLON.match(text, st.begin) if st.plural else None
    if cm is not None and end <= cm.end() and _vocab().shared_head.fullmatch(cm.group("head")):
        # "Các phòng, ban, ngành: Nội vụ, Tư pháp …": the names after the colon, read as after "Các phòng:"
        stub = f"các {cm.group('head')}: "
        sub = _list_end(stub + text[cm.end():], stub + low[cm.end():], 0, len(stub) + limit - cm.end())
        if sub > len(stub):
            return (st.begin, cm.end() + sub - len(stub))
    if (st.plural or st.family or _STAFF_HEAD.search(st.head)) and (m := _ASSIGNED_BY_PLAN.match(text, end)) is not None \
            and not _WHOLE_PLAN.match(text, m.end()):
        end = m.end()  # "Các cơ quan, đơn vị được giao nhiệm vụ tại Mục IV | chủ động …": who the collective is
        j = _skip_ws(low, end)
        if _VA.match(low, j, j + 3) or low.startswith(",", j):
            k = _skip_ws(low, j + (2 if low[j] == "v" else 1))
            if _agency_start(text, low, k, allow_bare_family=False) is not None:
                end = _list_end(text, low, k, limit)  # "… được giao nhiệm vụ và UBND các xã, thị trấn": more of the list
    return (st.begin, end)


# After a collective, the clause that says which of them ("Các cơ quan, đơn vị được giao nhiệm vụ tại Bảng 2", "Cán
# bộ, công chức được giao chủ trì", "Các cơ quan chủ trì tại bảng trên"): part of its name. "… được giao nhiệm vụ tại
# Kế hoạch này" adds nothing (every body the plan names): not read. The golds cut the clause where it goes on to
# "các nhiệm vụ tại mục III" or to a list of parts ("tại mục III, mục IV"): not read either (the group is atomic, so
# that a shorter reading of the same clause does not slip in instead).
_PLAN_PART = (r"(?:(?i:bảng|phụ\s{1,3}lục|biểu)\s{1,3}(?:trên|kèm\s{1,3}theo)(?![\p{L}\d])"
              r"|(?i:mục|phần|bảng|phụ\s{1,3}lục|điểm|khoản|biểu)\s{1,3}(?:số\s{1,3})?"
              r"(?:[\p{Lu}\d][\p{L}\d.]{0,7}|\p{Ll})(?![\p{L}\d]))")
_ASSIGNED_BY_PLAN = regex.compile(
    r"\s{1,3}(?>được\s{1,3}giao(?:\s{1,3}chủ\s{1,3}trì)?(?:\s{1,3}(?:nhiệm\s{1,3}vụ|thực\s{1,3}hiện))?"
    r"(?:(?:\s{1,3}(?:nêu|ghi))?\s{1,3}tại\s{1,3}" + _PLAN_PART + r")?"
    r"|chủ\s{1,3}trì(?:\s{1,3}(?:nêu|ghi))?\s{1,3}tại\s{1,3}" + _PLAN_PART + r")(?![\p{L}\d])"
    r"(?!\s{0,3},|\s{1,3}các\s{1,3}nhiệm)")
_STAFF_HEAD = regex.compile(r"(?:cán\s+bộ|công\s+chức|viên\s+chức)$")
_WHOLE_PLAN = regex.compile(r"\s{1,3}(?:tại|trong|của)\s{1,3}(?i:kế\s{1,3}hoạch)\s{1,3}này")


def subject_agencies(text: str, base: int = 0) -> list[Agency]:
    """Agencies that open a task sentence as its subject, or [] when it opens with a verb.

    "Thanh tra tỉnh giám sát …", "Sở Y tế chủ trì …", "- Sở Y tế:", "Sở Kế hoạch và Đầu tư: Chủ trì
    …", "Sở Tài nguyên và Môi trường, Sở Xây dựng, Ủy ban nhân dân các huyện, thị xã, thành phố tập
    trung …". Only the opening window is read.
    """
    if not text:
        return []
    text = text[:_SUBJECT_WINDOW]
    read = _mask_marks(_marked(text))
    return _rebase_all(_as_printed(_subject_protos(read), text, read), base)


@lru_cache(maxsize=16384)
def _subject_protos(window: str) -> tuple[Agency, ...]:
    """``subject_agencies`` of an opening window at offset 0 (memoized)."""
    s, e = _subject_core(window)
    if e <= s:
        return ()
    return tuple(_rebase_all(_protos_of(window[s:e]), s))


def _protos_of(text: str) -> tuple[Agency, ...]:
    return _split_protos(text[:_MAX_LIST]) if text and not text.isspace() else ()


_PARTNER_CUE = regex.compile(
    r"(?<![\p{L}\p{N}])phối\s+hợp(?:\s+(?:chặt\s+chẽ|hiệu\s+quả|tốt|thường\s+xuyên))?"
    r"(?:\s+(?:cùng\s+)?(với))?(?:\s+(cùng))?"
    # "với sự phối hợp của Y": the partners after "của" (only after "sự", so "phối hợp của các cấp" stays a noun)
    r"(?:(?<=sự\s{1,3}phối\s{1,3}hợp)\s+(của))?(?![\p{L}\p{N}])"
    # "X chủ trì, cùng Y …": the company of a lead is its partners
    r"|(?<=chủ\s{1,3}trì\s{0,3},?\s{0,3})(cùng)(?:\s+với)?(?![\p{L}\p{N}])"
    # "Giao Thanh tra tỉnh (chủ trì), Sở Nội vụ thanh tra …": the names after a lead marked "(chủ trì)" are its partners
    r"|(?<=\(\s{0,2}chủ\s{1,3}trì\s{0,2}\))\s{0,3}(,)"
)


@lru_cache(maxsize=8192)
def _partner_core(text: str) -> tuple[tuple[int, int], ...]:
    low = _lower(text)
    out: list[tuple[int, int]] = []
    taken = 0
    for m in _PARTNER_CUE.finditer(low):
        if m.start() < taken:
            continue
        j = _skip_ws(low, m.end())
        if j < len(low) and low[j] in ":,":
            continue  # "Cơ quan phối hợp: …" is a block cue; "Phối hợp, tạo điều kiện …" names no one
        with_cue = any(m.group(g) is not None for g in (1, 2, 3, 4, 5))
        st = _agency_start(text, low, j, allow_bare_family=with_cue)
        if st is None or (st.family and not (st.plural or with_cue)):
            continue
        limit = min(len(text), j + _PARTNER_WINDOW)
        end = _list_end(text, low, st.begin, limit)
        if end > st.begin:
            out.append((st.begin, end))
            taken = end
    return tuple(out)


def cooperation_agencies(text: str, base: int = 0) -> list[Agency]:
    """The Y of "phối hợp (với) Y" in a task text, stopped at the clause that follows.

    "Sở Nội vụ phối hợp với Ủy ban Mặt trận Tổ quốc, đoàn thể các cấp trong tỉnh hướng dẫn …" gives
    Ủy ban Mặt trận Tổ quốc and đoàn thể các cấp trong tỉnh; "phối hợp tạo điều kiện để …" gives none.
    """
    if not text:
        return []
    read = _mask_marks(_marked(text))
    return _rebase_all(_as_printed(_partner_protos(read), text, read), base)


@lru_cache(maxsize=8192)
def _partner_protos(text: str) -> tuple[Agency, ...]:
    """``cooperation_agencies`` at offset 0 (memoized)."""
    out: list[Agency] = []
    if "tắt" in text:
        text = mask_aliases(text)
    for s, e in _partner_core(text):
        out.extend(_rebase_all(_protos_of(text[s:e]), s))
    return tuple(out)


# "(sau đây gọi tắt là BCH QS huyện)", "(viết tắt: UBMTTQ)" with the space before it: a name's short form
_PAGODA = regex.compile(r"(?:các\s+)?chùa(?![\p{L}])")
_ALIAS_PAREN = regex.compile(r"\s{0,2}" + SHORT_FORM_DEFINITION.pattern, regex.I)


def mask_aliases(text: str) -> str:
    """The text with each short-form parenthesis blanked (same length, so spans hold): "X (sau đây gọi tắt là
    X') và Y" lists X and Y."""
    return _ALIAS_PAREN.sub(lambda m: " " * len(m.group()), text)


__all__ = [
    "agency_kind",
    "has_known_head",
    "agency_scope",
    "canonical_name",
    "cooperation_agencies",
    "fold_variants",
    "retone",
    "split_agencies",
    "split_lead_cell",
    "subject_agencies",
]
