"""The PAPI taxonomy (``data/taxonomy.yaml``) and the indicator-name matcher every stage shares.

Plans name the same dimension many ways ("Công khai minh bạch", "Nội dung “Công khai, minh bạch trong
hoạch định chính sách”", "Chỉ số nội dung 2. …"); all of them must land on one code. The names live
in the data file, never in code, so a new wording is a one-line data change.

Matching is word based on the folded text (``normalize.fold``: lowercase, no diacritics, same
length), which makes tone placement, case, quotes, punctuation and most OCR slips irrelevant and
keeps offsets exact. An exact lookup on the word sequence comes first; rapidfuzz is only a fallback
for short strings and its answers are flagged ``exact=False`` so callers warn (W401) instead of
guessing silently. Results are cached: a heading costs microseconds.
"""

from __future__ import annotations

import regex
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from rapidfuzz import fuzz, process

from papi_extract.normalize import fold

DATA = Path(__file__).parent / "data" / "taxonomy.yaml"

# ---------------------------------------------------------------------------------------------
# Validated data model of taxonomy.yaml


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SubDimension(_Model):
    code: str = Field(pattern=r"^[1-8]\.[1-9]$")
    name: str
    english: str | None = None
    since: int | None = None
    attested: tuple[int, ...] = ()
    aliases: tuple[str, ...] = ()
    notes: str | None = None


class Dimension(_Model):
    code: int = Field(ge=1, le=8)
    name: str
    english: str | None = None
    since: int | None = None
    attested: tuple[int, ...] = ()
    aliases: tuple[str, ...] = ()
    # names that say the dimension only as a whole heading's title ("7. Môi trường", "6. Dịch vụ công"): in a
    # sentence they are ordinary words ("bảo vệ môi trường", "dịch vụ công trực tuyến")
    title_aliases: tuple[str, ...] = ()
    notes: str | None = None
    subdimensions: tuple[SubDimension, ...] = ()

    @model_validator(mode="after")
    def _sub_codes(self) -> Dimension:
        for s in self.subdimensions:
            if not s.code.startswith(f"{self.code}."):
                raise ValueError(f"sub-dimension {s.code} listed under dimension {self.code}")
        return self


class Total(_Model):
    cells: tuple[str, ...]
    phrases: tuple[str, ...]


class Fuzzy(_Model):
    cutoff: float = Field(ge=50, le=100)
    min_chars: int = Field(ge=1)
    max_chars: int = Field(ge=1)
    max_words: int = Field(ge=1)


class Paraphrase(_Model):
    weak_words: tuple[str, ...] = ()
    min_score: float = 2.0


class Matching(_Model):
    prefixes: tuple[str, ...]
    connectors: tuple[str, ...]
    code_words: tuple[str, ...] = ()
    dimension_code_words: tuple[str, ...] = ()
    abbreviations: dict[str, str]
    synonyms: dict[str, tuple[str, ...]] = {}
    trailing: tuple[str, ...]
    paraphrase: Paraphrase = Paraphrase()
    fuzzy: Fuzzy


class Taxonomy(_Model):
    version: int
    dimensions: tuple[Dimension, ...]
    total: Total
    matching: Matching

    @field_validator("dimensions")
    @classmethod
    def _eight(cls, v: tuple[Dimension, ...]) -> tuple[Dimension, ...]:
        if [d.code for d in v] != list(range(1, 9)):
            raise ValueError("the taxonomy must list dimensions 1..8 in order")
        return v

    def dimension(self, code: int) -> Dimension:
        return self.dimensions[code - 1]

    def subdimension(self, code: str) -> SubDimension | None:
        d = self.dimensions[int(code.split(".")[0]) - 1]
        return next((s for s in d.subdimensions if s.code == code), None)


@lru_cache(maxsize=1)
def load_taxonomy(path: str | None = None) -> Taxonomy:
    """Load and validate the taxonomy file (cached)."""
    raw = yaml.safe_load(Path(path or DATA).read_text(encoding="utf-8"))
    return Taxonomy.model_validate(raw)


# ---------------------------------------------------------------------------------------------
# Matcher


@dataclass(frozen=True, slots=True)
class IndicatorMatch:
    """A dimension/sub-dimension named in a text. ``start``/``end``: the name's offsets in that text."""

    dimension: int
    subdimension: str | None
    name: str  # canonical name
    score: float  # 1.0 for exact matches, the fuzzy ratio / 100 otherwise
    exact: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Entry:
    dimension: int
    subdimension: str | None
    name: str


_Tok = tuple[str, int, int]  # (word, start, end): plain tuples, the tokenizer is the hot loop


# stdlib ``re`` for the one hot, trivially linear tokenizer pattern: it is ~1.5x faster than ``regex``.
_WORD = regex.compile(r"\w+")
_ROMANS = frozenset("i ii iii iv v vi vii viii ix x xi xii".split())


class _Index:
    """Word-sequence lookup tables built once from the taxonomy."""

    def __init__(self, tax: Taxonomy) -> None:
        m = tax.matching
        self.abbrev = {fold(k): tuple(_WORD.findall(fold(v))) for k, v in m.abbreviations.items()}
        self.synonyms = [(self._words(k), tuple(self._words(x) for x in xs)) for k, xs in m.synonyms.items()]
        self.prefixes = sorted((tuple(_WORD.findall(fold(p))) for p in m.prefixes), key=len, reverse=True)
        self.connectors = frozenset(fold(c) for c in m.connectors)
        self.trailing = frozenset(fold(t) for t in m.trailing)
        self.filler = frozenset(w for p in self.prefixes for w in p) | self.connectors
        self.prefix_first: dict[str, tuple[tuple[str, ...], ...]] = {}
        for p in self.prefixes:  # longest first within each first word
            if p:
                self.prefix_first[p[0]] = (*self.prefix_first.get(p[0], ()), p)
        self.fuzzy = m.fuzzy
        self.exact: dict[tuple[str, ...], _Entry] = {}
        self.titles: dict[tuple[str, ...], _Entry] = {}  # whole-title names (``title_aliases``)
        for d in tax.dimensions:
            de = _Entry(d.code, None, d.name)
            for name in (d.name, *d.aliases):
                self._add(name, de)
            for name in d.title_aliases:
                for words in self._variants(self._words(name)):
                    self.titles[words] = de
            for s in d.subdimensions:
                se = _Entry(d.code, s.code, s.name)
                for name in (s.name, *s.aliases):
                    self._add(name, se)
        self.first: dict[str, tuple[int, ...]] = {}
        lens: dict[str, set[int]] = {}
        for key in self.exact:
            lens.setdefault(key[0], set()).add(len(key))
        self.first = {w: tuple(sorted(v, reverse=True)) for w, v in lens.items()}
        self.fuzzy_keys = [" ".join(k) for k in self.exact]
        self.fuzzy_entries = [self.exact[k] for k in self.exact]
        self.head_codes = _head_codes_pattern(m.prefixes, m.code_words, m.connectors)
        self.dim_head, self.dim_paren = _dimension_code_patterns(m.prefixes, m.dimension_code_words)
        # per dimension, each sub-dimension's two-syllable words (of its name and every alias), for paraphrases
        self.weak_pairs = frozenset(tuple(self._words(w)) for w in m.paraphrase.weak_words)
        self.min_paraphrase = m.paraphrase.min_score
        self.sub_pairs: dict[int, list[tuple[_Entry, frozenset[tuple[str, ...]]]]] = {}
        for key, entry in self.exact.items():
            if entry.subdimension is None:
                continue
            pairs = frozenset(key[k : k + 2] for k in range(len(key) - 1))
            subs = self.sub_pairs.setdefault(entry.dimension, [])
            for n, (e, old) in enumerate(subs):
                if e.subdimension == entry.subdimension:
                    subs[n] = (e, old | pairs)
                    break
            else:
                subs.append((entry, pairs))  # (an entry carries the canonical name, whichever alias keyed it)
        self.total_cells = frozenset(self._words(c) for c in tax.total.cells)
        self.total_phrases = sorted((self._words(p) for p in tax.total.phrases), key=len, reverse=True)

    def _words(self, s: str) -> tuple[str, ...]:
        out: list[str] = []
        for w in _WORD.findall(fold(s)):
            out.extend(self.abbrev.get(w, (w,)))
        return tuple(out)

    def _variants(self, words: tuple[str, ...]) -> set[tuple[str, ...]]:
        """``words`` and its spellings with each synonym of the taxonomy swapped in ("với Nhân dân")."""
        out = {words}
        for canon, alts in self.synonyms:
            n = len(canon)
            for k in range(len(words) - n + 1):
                if words[k : k + n] == canon:
                    out |= {words[:k] + alt + words[k + n :] for alt in alts}
        return out

    def _add(self, name: str, entry: _Entry) -> None:
        keys: set[tuple[str, ...]] = set()
        for words in self._variants(self._words(name)):
            keys |= {words, tuple(t[0] for t in self.strip(self.tokens_of_words(words)))}
        for key in keys:
            if not key:
                continue
            old = self.exact.get(key)
            if old is not None and (old.dimension, old.subdimension) != (entry.dimension, entry.subdimension):
                raise ValueError(f"alias {name!r} names both {old.subdimension or old.dimension} and "
                                 f"{entry.subdimension or entry.dimension}")
            if old is None or entry.name == name:
                self.exact[key] = entry

    @staticmethod
    def tokens_of_words(words: tuple[str, ...]) -> list[_Tok]:
        return [(w, 0, 0) for w in words]

    def tokens(self, folded: str, base: int = 0) -> list[_Tok]:
        """Words of ``folded`` with offsets; abbreviations expand to several words on one span;
        words inside parentheses are dropped (asides never name the heading)."""
        out: list[_Tok] = []
        paren = "(" in folded
        depth = 0
        pos = 0
        abbrev = self.abbrev
        find = folded.find
        for w in _WORD.findall(folded):
            s = find(w, pos)
            e = s + len(w)
            if paren:
                gap = folded[pos:s]
                depth = max(0, depth + gap.count("(") - gap.count(")"))
            pos = e
            if depth:
                continue
            if len(w) == 1 and not out and w.isalpha() and folded[e : e + 1] in (".", ")"):
                out.append(("#", base + s, base + e))  # "a)" / "b." list letter
                continue
            exp = abbrev.get(w)
            if exp is None:
                out.append((w, base + s, base + e))
            else:
                out.extend((x, base + s, base + e) for x in exp)
        return out

    @staticmethod
    def _is_number(w: str) -> bool:
        return w == "#" or w.isdigit() or w in _ROMANS

    def strip(self, toks: list[_Tok]) -> list[_Tok]:
        """Remove leading prefixes/numbering and a trailing "năm 2020"."""
        i = 0
        n = len(toks)
        by_first = self.prefix_first
        while i < n - 1:
            w = toks[i][0]
            if self._is_number(w):
                i += 1
                continue
            for p in by_first.get(w, ()):
                k = len(p)
                if i + k < n and all(toks[i + x][0] == p[x] for x in range(1, k)):
                    i += k
                    break
            else:
                break
        if i < n and self._is_number(toks[i][0]):
            i += 1
        j = n
        while j > i and (toks[j - 1][0] in self.trailing or toks[j - 1][0].isdigit()):
            j -= 1
        return toks[i:j]

    def scan(self, toks: list[_Tok]) -> list[tuple[int, int, _Entry]]:
        """Every alias occurrence, longest first, left to right, non-overlapping."""
        out: list[tuple[int, int, _Entry]] = []
        words = [t[0] for t in toks]
        n = len(words)
        i = 0
        while i < n:
            lens = self.first.get(words[i])
            hit = None
            if lens:
                for ln in lens:
                    if i + ln <= n:
                        e = self.exact.get(tuple(words[i : i + ln]))
                        if e is not None:
                            hit = (i, i + ln, e)
                            break
            if hit:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out


def _phrases_alt(phrases: tuple[str, ...]) -> str:
    """Folded phrases as one alternation, longest first, any run of blanks between words."""
    items = sorted({" ".join(_WORD.findall(fold(p))) for p in phrases if p.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s{1,3}".join(regex.escape(w) for w in p.split(" ")) for p in items) + ")"


def _head_codes_pattern(prefixes: tuple[str, ...], code_words: tuple[str, ...],
                        connectors: tuple[str, ...]) -> regex.Pattern[str]:
    """A heading's title opening on sub-dimension codes (folded): prefixes, code words (group ``cw``), then the
    codes (group ``codes``) parted by ",", ";", "/", "&" or a connector, then the end or a mark that opens the
    name ("-", ":", a quote, a parenthesis). Anchored, bounded: linear."""
    pre = _phrases_alt(tuple(p for p in prefixes if p not in code_words))
    code = r"[1-8]\.[1-9](?![\d.]\d)"
    sep = r"\s{0,3}(?:[,;/&]|" + _phrases_alt(connectors) + r"(?!\w))\s{0,3}"
    return regex.compile(
        rf"^\s{{0,4}}(?:{pre}\s{{1,3}}){{0,4}}(?:(?P<cw>{_phrases_alt(code_words)})\s{{0,3}})?"
        rf"(?P<codes>{code}(?:{sep}{code}){{0,7}})\.?\s{{0,3}}(?:$|[-–—:(\"“”'])")


def _dimension_code_patterns(prefixes: tuple[str, ...], words: tuple[str, ...]
                             ) -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A heading that names a dimension by its number (folded): opening on the words and the number ("Chỉ số nội
    dung 3: Đối thoại với người dân", group ``d``), or closing on them in parentheses ("Thực hiện dân chủ ở cơ sở
    (Chỉ số 1)"). A number followed by ".2" or ",5" is a sub-dimension's code or a figure. Anchored, bounded."""
    pre = _phrases_alt(tuple(p for p in prefixes if p not in words))
    cw = _phrases_alt(words)
    num = r"(?P<d>[1-8])(?!\d|[.,]\d)"
    head = regex.compile(rf"^\s{{0,4}}(?:{pre}\s{{1,3}}){{0,4}}(?:{cw})\s{{0,3}}{num}\s{{0,3}}(?:$|[-–—:(\"“”'.])")
    paren = regex.compile(rf"\S\s{{0,3}}\(\s{{0,2}}(?:{cw})\s{{0,3}}{num}\s{{0,2}}\)[\s.:]{{0,3}}$")
    return head, paren


def _dimension_code(ix: _Index, folded: str) -> tuple[IndicatorMatch, ...]:
    """The dimension a heading names by number (``matching.dimension_code_words``), the whole heading its span; ()
    when it names none. Tried only when no name of the taxonomy is found in the heading."""
    m = ix.dim_head.match(folded) or ix.dim_paren.search(folded)
    if m is None:
        return ()
    d = load_taxonomy().dimension(int(m.group("d")))
    start = len(folded) - len(folded.lstrip())
    return (IndicatorMatch(d.code, None, d.name, 1.0, True, start, len(folded.rstrip())),)


def _head_codes(ix: _Index, folded: str) -> tuple[IndicatorMatch, ...]:
    """The sub-dimensions a heading names by code (``matching.code_words``): () unless it opens on code words and
    codes, or on two codes or more, every one of them a sub-dimension of the taxonomy."""
    m = ix.head_codes.match(folded)
    if m is None:
        return ()
    codes = list(_CODE.finditer(folded, m.start("codes"), m.end("codes")))
    if m.group("cw") is None and len(codes) < 2:
        return ()  # "3.2 - …" alone may be a numbered heading's own label
    tax = load_taxonomy()
    # the codes and the short name after them name the sub-dimensions together: each match spans them all
    start, end = m.start("cw") if m.group("cw") is not None else m.start("codes"), len(folded.rstrip())
    out: list[IndicatorMatch] = []
    for c in codes:
        sub = tax.subdimension(f"{c.group(1)}.{c.group(2)}")
        if sub is None:
            return ()
        if all(x.subdimension != sub.code for x in out):
            out.append(IndicatorMatch(int(c.group(1)), sub.code, sub.name, 1.0, True, start, end))
    return tuple(out)


def _title_after_connector(ix: _Index, toks: list[_Tok], hits: list[tuple[int, int, _Entry]]
                           ) -> tuple[int, int, _Entry] | None:
    """A dimension's short title ("dịch vụ công", "giải trình") closing a heading after a connector, the part before
    it an exact name of another dimension: the heading names both. The short title alone names a dimension only as a
    whole heading; after "và" and a full name it is the second name of a pair, not a word of a sentence."""
    last = hits[-1]
    c = last[1]
    if c >= len(toks) - 1 or toks[c][0] not in ix.connectors or any(i > c for i, _, _ in hits):
        return None
    entry = ix.titles.get(tuple(t[0] for t in toks[c + 1 :]))
    if entry is None or entry.dimension in {e.dimension for _, _, e in hits}:
        return None
    return (c + 1, len(toks), entry)


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index(load_taxonomy())


def _mk(e: _Entry, toks: list[_Tok], i: int, j: int, score: float, exact: bool) -> IndicatorMatch:
    return IndicatorMatch(e.dimension, e.subdimension, e.name, score, exact, toks[i][1], toks[j - 1][2])


_PAREN = regex.compile(r"\(([^()\n]{3,120})\)")


# what parts a heading's name from what it says of it: a colon, or a dash set off by spaces ("Quản trị điện tử — 3,20
# điểm (xếp thứ 48/63)", "Chỉ số nội dung 1 – Tham gia …"); a hyphen joins words of names ("Thông tin - truyền thông")
_SEGMENT_BREAK = regex.compile(r":| [—–] ")


def _segments(text: str) -> list[tuple[int, str]]:
    """The parts of a text between its colons and spaced dashes ("Chỉ số nội dung 1. X: phấn đấu …", "… mới: X",
    "X — 5,21 điểm")."""
    if ":" not in text and "—" not in text and "–" not in text:
        return [(0, text)]
    parts: list[tuple[int, str]] = []
    pos = 0
    for m in _SEGMENT_BREAK.finditer(text):
        parts.append((pos, text[pos : m.start()]))
        pos = m.end()
    parts.append((pos, text[pos:]))
    return parts


def find_indicators(text: str) -> tuple[IndicatorMatch, ...]:
    """All dimensions/sub-dimensions a heading names, in order ("Công khai minh bạch và thủ tục
    hành chính công" gives 2 and 5). The heading must consist of names, prefixes and connectors
    only, so a task sentence that merely mentions "thủ tục hành chính" gives nothing. Falls back
    to one approximate match (``exact=False``). Offsets are offsets in ``text``."""
    if not text or len(text) > 400:
        return ()
    return find_indicators_folded(fold(text))


@lru_cache(maxsize=65536)
def find_indicators_folded(folded: str) -> tuple[IndicatorMatch, ...]:
    """``find_indicators`` on text already folded (``ctx.folded`` slices: no second fold)."""
    if not folded or len(folded) > 400:
        return ()
    ix = _index()
    if "." in folded:
        coded = _head_codes(ix, folded)
        if coded:
            return coded
    stripped_parts: list[tuple[list[_Tok], str]] = []
    for base, seg in _segments(folded):
        toks = ix.strip(ix.tokens(seg, base))
        if not toks:
            continue
        key = tuple(t[0] for t in toks)
        e = ix.exact.get(key) or ix.titles.get(key)
        if e is not None:
            return (_mk(e, toks, 0, len(toks), 1.0, True),)
        hits = ix.scan(toks)
        if hits and (tail := _title_after_connector(ix, toks, hits)) is not None:
            hits = [*hits, tail]  # "Thủ tục hành chính và dịch vụ công": dimension 5, and 6 by its short title
        if hits:
            covered = [False] * len(toks)
            for i, j, _ in hits:
                for k in range(i, j):
                    covered[k] = True
            if all(c or toks[k][0] in ix.filler or ix._is_number(toks[k][0]) for k, c in enumerate(covered)):
                out: list[IndicatorMatch] = []
                seen: set[tuple[int, str | None]] = set()
                for i, j, e in hits:
                    if (e.dimension, e.subdimension) not in seen:
                        seen.add((e.dimension, e.subdimension))
                        out.append(_mk(e, toks, i, j, 1.0, True))
                return tuple(out)
        stripped_parts.append((toks, " ".join(key)))
    if "(" in folded:
        # "Ứng dụng công nghệ thông tin (Quản trị điện tử)": a heading naming its dimension in parentheses
        for m in _PAREN.finditer(folded):
            toks = ix.strip(ix.tokens(m.group(1), m.start(1)))
            e = ix.exact.get(tuple(t[0] for t in toks)) if toks else None
            if e is not None:
                return (_mk(e, toks, 0, len(toks), 1.0, True),)
    if "chi so" in folded or "csnd" in folded:
        numbered = _dimension_code(ix, folded)
        if numbered:
            return numbered
    best: IndicatorMatch | None = None
    fz = ix.fuzzy
    for toks, key_text in stripped_parts:
        if not (fz.min_chars <= len(key_text) <= fz.max_chars) or len(toks) > fz.max_words:
            continue
        r = process.extractOne(key_text, ix.fuzzy_keys, scorer=fuzz.ratio, score_cutoff=fz.cutoff)
        if r is not None and (best is None or r[1] / 100 > best.score):
            best = _mk(ix.fuzzy_entries[r[2]], toks, 0, len(toks), round(r[1] / 100, 3), False)
    return (best,) if best else ()


@lru_cache(maxsize=8192)
def closest_subdimension(folded: str, dimension: int) -> IndicatorMatch | None:
    """The sub-dimension of ``dimension`` that a name the plan labels as a sub-dimension paraphrases, or None.

    Why: plans shorten and reword sub-dimension names ("Bầu cử trưởng ấp, trưởng khóm" for "Chất lượng bầu cử cơ
    sở", "Hạ tầng căn bản", "Tiếp cận internet"); no alias list can hold them all, but once the plan says the name is
    a sub-dimension and the dimension is known, four candidates at most remain. The one sharing the most two-syllable
    words wins (a weak word, "người dân", counts half); a tie goes to the one whose word comes first in the name
    (Vietnamese names open on their head: "Tri thức về tham gia" is 1.1, not 1.2). Only a clear winner counts."""
    ix = _index()
    toks = ix.strip(ix.tokens(folded))
    words = [t[0] for t in toks]
    if len(words) < 2 or len(words) > 24:
        return None
    pairs = [tuple(words[k : k + 2]) for k in range(len(words) - 1)]
    ranked: list[tuple[float, int, _Entry]] = []
    for entry, known in ix.sub_pairs.get(dimension, ()):
        score = 0.0
        first = len(pairs)
        seen: set[tuple[str, ...]] = set()
        for k, p in enumerate(pairs):
            if p in known and p not in seen:
                seen.add(p)
                score += 1.0 if p in ix.weak_pairs else 2.0
                first = min(first, k)
        if score:
            ranked.append((score, first, entry))
    if not ranked:
        return None
    ranked.sort(key=lambda r: (-r[0], r[1]))
    score, first, entry = ranked[0]
    if score < ix.min_paraphrase or (len(ranked) > 1 and ranked[1][0] == score and ranked[1][1] == first):
        return None
    return IndicatorMatch(dimension, entry.subdimension, entry.name, round(min(score / 10, 0.99), 3), False,
                          toks[0][1], toks[-1][2])


# the label of a sub-dimension (folded): "chỉ số (nội dung) thành phần", "nội dung thành phần", "CSTP"
_SUB_LABEL_WORDS = (r"(?:(?:chi\s{1,3}so\s{1,3}(?:noi\s{1,3}dung\s{1,3})?|noi\s{1,3}dung\s{1,3})thanh\s{1,3}phan"
                    r"|cstp)(?!\w)")
# a name labelled as a sub-dimension: "Chỉ số thành phần "…"", "Nội dung thành phần: …", "CSTP - …"
_SUB_LABEL = regex.compile(r"\s{0,4}(?P<label>" + _SUB_LABEL_WORDS + r")[\s:\-–\"“”']{0,6}(?=\w)")


def labelled_subdimension(folded: str, dimension: int) -> IndicatorMatch | None:
    """The sub-dimension of ``dimension`` that ``folded`` (a heading's title, a note, a cell) labels as one and names
    in words of its own ("Chỉ số thành phần "Hạ tầng căn bản""), spanning the label and the name; else None."""
    m = _SUB_LABEL.match(folded)
    if m is None:
        return None
    found = closest_subdimension(folded[m.end():], dimension)
    if found is None:
        return None
    end = len(folded.rstrip(" \t\"”'.:;,"))
    return IndicatorMatch(found.dimension, found.subdimension, found.name, found.score, False, m.start("label"), end)


_SUB_LABEL_ANY = regex.compile(r"(?<!\w)" + _SUB_LABEL_WORDS)
_LABELLED_NAME = regex.compile(r"[\s:\-–\"“”']{0,6}(?P<name>[^,;.()\n\"“”]{3,80})")


def labelled_subdimension_in(folded: str, dimension: int) -> IndicatorMatch | None:
    """A sub-dimension of ``dimension`` that a sentence names after a label of its own ("Để cải thiện chỉ số thành
    phần Cơ hội tham gia, …", "… để nâng điểm chỉ số thành phần Hiệu quả tương tác với chính quyền."), by an alias or
    as the closest reworded name; else None. The name runs to the next comma, stop or bracket."""
    if "thanh phan" not in folded and "cstp" not in folded:
        return None
    for lm in _SUB_LABEL_ANY.finditer(folded):
        nm = _LABELLED_NAME.match(folded, lm.end())
        if nm is None:
            continue
        name = nm.group("name")
        opens = len(name) - len(name.lstrip())
        for m in search_indicators_folded(name):
            if m.dimension == dimension and m.subdimension is not None and m.start == opens:
                return m  # an alias right after the label ("… chỉ số thành phần Cơ hội tham gia, …")
        found = closest_subdimension(name, dimension)
        if found is not None:
            return found
    return None


# the plan's subject named in its title: "(Kế hoạch) nâng cao / cải thiện (chỉ số (nội dung|thành phần)) <name>"
_TITLE_SUBJECT = regex.compile(r"^\s{0,4}(?:ke\s{1,3}hoach\s{1,3})?(?:(?:nang\s{1,3}cao|cai\s{1,3}thien|day\s{1,3}manh|"
                               r"tang\s{1,3}cuong|nang\s{1,3}diem)\s{1,3})(?P<label>(?:chi\s{1,3}so|noi\s{1,3}dung)"
                               r"(?:\s{1,3}(?:noi\s{1,3}dung|thanh\s{1,3}phan))?\s{1,3})?")


def title_indicator(title: str) -> IndicatorMatch | None:
    """The one PAPI indicator a plan's title makes its subject ("Nâng cao chỉ số nội dung Kiểm soát tham nhũng trong
    khu vực công thuộc Chỉ số PAPI …", "Cải thiện chỉ số thành phần An ninh, trật tự …"), else None.

    Why: a plan about one dimension writes its tasks under topic headings of its own ("1. Công tác tuyên truyền");
    its title says what they all serve. The name must open the title's subject, right after the verb (and the
    indicator's label), and the title must name no other indicator: "Nâng cao Chỉ số PAPI và chất lượng cung ứng
    dịch vụ công" is a PAPI plan, not one about dimension 6."""
    f = fold(title)
    m = _TITLE_SUBJECT.match(f)
    if m is None:
        return None
    found = search_indicators_folded(f)
    opens = m.start("label") if m.group("label") else m.end()
    if not found or not opens <= found[0].start <= m.end():  # ("Chỉ số Quản trị môi trường" is itself an alias)
        return None
    first = found[0]
    if any(x.dimension != first.dimension or (x.subdimension and x.subdimension != first.subdimension)
           for x in found[1:]):
        return None
    return first


def dimension_then_sub(found: tuple[IndicatorMatch, ...]) -> IndicatorMatch | None:
    """The sub-dimension of a cell that names its dimension, then it ("Cung ứng dịch vụ công - An ninh, trật tự"),
    both exactly; else None."""
    if (len(found) == 2 and all(m.exact for m in found) and found[0].subdimension is None
            and found[1].subdimension is not None and found[1].dimension == found[0].dimension):
        return found[1]
    return None


def match_indicator(text: str) -> IndicatorMatch | None:
    """The dimension/sub-dimension ``text`` (a heading, a table cell, a subject) names, or None.

    A heading naming several gives the first (see ``find_indicators``)."""
    found = find_indicators(text)
    return found[0] if found else None


def search_indicators(text: str) -> tuple[IndicatorMatch, ...]:
    """Every exact name occurrence anywhere in ``text`` (no covering rule): for score subjects
    such as "có 2 chỉ số thành phần mới: Quản trị môi trường"."""
    return search_indicators_folded(fold(text))


@lru_cache(maxsize=65536)
def search_indicators_folded(folded: str) -> tuple[IndicatorMatch, ...]:
    ix = _index()
    toks = ix.tokens(folded)
    return tuple(_mk(e, toks, i, j, 1.0, True) for i, j, e in ix.scan(toks))


def is_total_cell(text: str) -> bool:
    """A table cell that names the overall score ("Tổng hợp", "Chỉ số PAPI")."""
    return is_total_cell_folded(fold(text))


@lru_cache(maxsize=4096)
def is_total_cell_folded(folded: str) -> bool:
    ix = _index()
    toks = ix.tokens(folded)
    while toks and ix._is_number(toks[0][0]):
        toks = toks[1:]
    words = tuple(t[0] for t in toks)
    if words in ix.total_cells:
        return True
    # "Tổng điểm PAPI", "Tổng cộng (PAPI)": a total cell followed by the index's name
    return len(words) > 1 and words[-1] == "papi" and words[:-1] in ix.total_cells


def search_total(text: str) -> tuple[int, int] | None:
    """Offsets of the last phrase naming the overall PAPI score ("Chỉ số PAPI …"), or None."""
    return search_total_folded(fold(text))


@lru_cache(maxsize=65536)
def search_total_folded(folded: str) -> tuple[int, int] | None:
    ix = _index()
    toks = ix.tokens(folded)
    words = [t[0] for t in toks]
    found: tuple[int, int] | None = None
    i = 0
    while i < len(words):
        for p in ix.total_phrases:
            if tuple(words[i : i + len(p)]) == p:
                found = (toks[i][1], toks[i + len(p) - 1][2])
                i += len(p) - 1
                break
        i += 1
    return found


def canonical_name(dimension: int, subdimension: str | None = None) -> str:
    tax = load_taxonomy()
    if subdimension:
        s = tax.subdimension(subdimension)
        if s is not None:
            return s.name
    return tax.dimension(dimension).name


# A cell made only of indicator codes: "8.1; 5.4", "2.3", "Chỉ số 8", "CS 2, 3", "Chỉ số nội dung 4 (4.2)". Each item
# is a dimension's number, with "Chỉ số (nội dung)" before it or not, or a sub-dimension's "d.s" code; items are
# parted by ";", ",", "/", "và" or a parenthesis. Matched on folded text; bounded repetition (at most 12 items).
# ("CSTP 1.4", "CSND 3", "Chỉ số thành phần: 2.3": the part's name or its short form before the code)
_CODE_ITEM = (r"(?:(?:chi\s{1,3}so(?:\s{1,3}(?:noi\s{1,3}dung|thanh\s{1,3}phan))?|noi\s{1,3}dung\s{1,3}thanh\s{1,3}phan"
              r"|cstp|csnd|cs)\s{0,3}:?\s{0,3})?[1-8](?:\.[1-9])?")
_CODE_LIST = regex.compile(r"\s{0,3}" + _CODE_ITEM + r"(?:\s{0,3}(?:[;,/(]|va\s|-\s)\s{0,3}" + _CODE_ITEM + r"\s{0,3}\)?){0,11}"
                           r"[\s.;)]{0,3}")
_CODE = regex.compile(r"(?<![\d.])([1-8])(?:\.([1-9]))?(?![\d.]\d)")


def code_list(folded: str) -> tuple[tuple[int, str | None], ...]:
    """The (dimension, sub-dimension or None) of each code of a cell made only of indicator codes, in order
    ("8.1; 5.4" → (8, "8.1"), (5, "5.4"); "Chỉ số 8" → (8, None)); () when the cell holds anything else, only
    bare numbers, or a code the taxonomy does not have. Why: a task table's "Nhằm cải thiện" column tags each row by code."""
    if len(folded) > 200 or _CODE_LIST.fullmatch(folded) is None:
        return ()
    if "." not in folded and "chi" not in folded and "cs" not in folded and "noi" not in folded:
        return ()  # a bare number ("1") is a row's number, not an indicator's
    tax = load_taxonomy()
    out: list[tuple[int, str | None]] = []
    for m in _CODE.finditer(folded):
        d, s = int(m.group(1)), m.group(2)
        code = f"{d}.{s}" if s else None
        if code is not None and tax.subdimension(code) is None:
            return ()
        if (d, code) not in out:
            out.append((d, code))
    return tuple(out)
