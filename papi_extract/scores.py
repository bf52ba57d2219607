"""Stage "scores": every PAPI figure a plan states becomes a ``Score``.

reads: ``ctx.norm``, ``ctx.blocks``, ``ctx.sections`` (with the dimensions the indicators stage set),
``ctx.period``/``ctx.issued_year`` (header stage); writes: ``ctx.scores``, warnings W402/W403.

Two sources:

* **Score tables** — tab-separated, pipe/markdown, or one cell per line (a scraped page: seed 004).
  The header's "Năm 2019 / Năm 2020 / Điểm / Thứ hạng" cells say which column holds which year's
  score or rank; each row naming a dimension, sub-dimension or the total gives one ``actual``
  record per year.
* **Prose** — each sentence is scanned for events (a figure with "điểm", a rank, a rank change in
  "bậc", "so với năm X", a national-average marker) and the events are assembled left to right,
  respecting parentheses: "đạt 5,47/10 điểm (điểm trung bình toàn quốc là 5,28), xếp vị thứ 22/63
  (tăng 0,18 điểm và tăng 15 bậc so với năm 2019)" is one fact with value, rank, change and rank
  change; the national average is dropped; "so với năm 2020 (4,93 điểm)" is a second fact for 2020.

A figure is a ``target`` when a target word ("phấn đấu", "mục tiêu", "chỉ tiêu") precedes it in its
sentence, or when it stands in an objectives section ("Mục tiêu") and its year is not before the
plan's; a change stated without its value ("giảm 0,1 điểm") is a ``change``; anything else ``actual``.

A figure's subject is the indicator named just before it ("Cơ hội tham gia giảm 0,1 điểm"), the
total ("Chỉ số PAPI tỉnh … đạt"), or, when the sentence names none, the fact it continues or the
dimension of the heading it sits under. A figure whose subject names something else ("Chỉ số
PAR Index", "Chỉ số hài lòng SIPAS") is not a PAPI score and is skipped.

Years come from the sentence ("năm 2018", never a "so với năm" year), else from the headings above
("… NĂM 2020 SO VỚI NĂM 2019"), else — for targets — from the plan's period or issue year, else from
a table record of the same indicator with the same value and rank. A figure whose year is still
unknown is **kept with ``year: null`` and a W402 warning**: dropping it would lose a stated figure,
and consumers can filter on the warning.

One record per (dimension, subdimension, year, kind): facts with the same key are merged, the first
source's value winning (a table cell and its prose restatement become one record).

``rank_change`` is positive when the province moved up ("tăng 15 bậc"), negative when it fell.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import regex
import yaml
from pydantic import TypeAdapter

from papi_extract.context import Block, DocContext
from papi_extract.footnotes import citation_pos, footnote_label
from papi_extract.grid_tables import ROW_LABEL_CELL as _ROW_LABEL
from papi_extract.models import Score, Section
from papi_extract.normalize import fold
from papi_extract.pipeline import Stage
from papi_extract.tables import CSV_SEPARATORS, SEPARATOR_CELL, csv_record, cell_pieces
from papi_extract.taxonomy import (
    IndicatorMatch,
    code_list,
    find_indicators_folded,
    is_total_cell_folded,
    search_indicators_folded,
    search_total_folded,
)

DATA = Path(__file__).parent / "data" / "scores.yaml"


# ---------------------------------------------------------------------------------------------
# Vocabulary -> compiled patterns (all linear: alternations of literals, bounded repeats)


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A non-capturing alternation of folded phrases, longest first, any white space between words."""
    items = sorted({" ".join(fold(w).split()) for w in words if w.strip()}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(regex.escape(p) for p in w.split(" ")) for w in items) + ")"


@dataclass(frozen=True, slots=True)
class Phrases:
    r"""Whole-word phrases: ``start(s)`` is where ``(?<!\w)(?:p1|p2|…)(?!\w)`` would first match in ``s``.

    The regex module scans for a literal prefix at C speed but tries an alternation of phrases with
    different first words at every position (about 20x slower). So each phrase is its own pattern, and
    is searched only when its first word occurs at all; the earliest start over the phrases is the
    alternation's leftmost match.
    """

    parts: tuple[tuple[str, regex.Pattern[str]], ...]  # (first word, the phrase as a whole-word pattern)

    @classmethod
    def of(cls, words: list[str] | tuple[str, ...]) -> Phrases:
        items = sorted({" ".join(fold(w).split()) for w in words if w.strip()}, key=len, reverse=True)
        return cls(tuple(
            (w.split(" ")[0], regex.compile(r"(?<!\w)" + r"\s+".join(regex.escape(p) for p in w.split(" ")) + r"(?!\w)"))
            for w in items
        ))

    def start(self, s: str) -> int | None:
        best: int | None = None
        for first, rx in self.parts:
            if first in s:
                m = rx.search(s)
                if m is not None and (best is None or m.start() < best):
                    best = m.start()
        return best

    def search(self, s: str) -> bool:
        return any(first in s and rx.search(s) is not None for first, rx in self.parts)


@dataclass(frozen=True, slots=True)
class ScoreVocab:
    score: regex.Pattern[str]
    prefilter: regex.Pattern[str]  # no digit, no figure
    keywords: tuple[str, ...]  # a sentence holding none of these states no figure
    verb_end: regex.Pattern[str]
    verb_class: dict[str, str]
    rank: regex.Pattern[str]
    rank_change: regex.Pattern[str]
    rank_move: regex.Pattern[str]  # "tăng từ vị trí 60/63 (năm 2022) lên vị trí 52/63" (folded)
    national: Phrases
    other_index: regex.Pattern[str]  # another index's name, matched folded on word boundaries
    compare: regex.Pattern[str]
    year: regex.Pattern[str]
    # "thấp hơn năm 2018 là 0,06 điểm": a comparative's year (ending where the year starts) is no year of the facts
    # that follow it in the sentence, as a "so với" year is not
    comparative_year: regex.Pattern[str]
    target: Phrases
    floor: regex.Pattern[str]  # "… điểm trở lên" right after a figure (matched at its end, folded)
    header: tuple[tuple[str, regex.Pattern[str]], ...]
    label_cells: frozenset[str]
    change_openers: tuple[str, ...]
    subject_fillers: frozenset[str]
    provinces_ranked: int
    max_dimension: float
    max_total: float
    arrow_change: regex.Pattern[str]  # "▼ 0,11": a change whose arrow gives the sign (group "up" or "down")
    inline_arrow: regex.Pattern[str]  # the same inside a sentence ("5,08 điểm; ↑0,12"), found anywhere
    arrows: str  # every arrow character, to gate the search
    # "tăng nhiều nhất (", "giảm mạnh nhất (" (folded, right before the parenthesis): group "down" when it falls
    superlative_change: regex.Pattern[str]


# whitespace between a verb or rank word and its figure: a space, or a line break and the next line's indent
# ("tăng" / "   0,07 điểm" in a hard-wrapped, indented text)
_WRAP_GAP = 8


@lru_cache(maxsize=1)
def vocab() -> ScoreVocab:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    value_v, up_v, down_v = raw["value_verbs"], raw["increase_verbs"], raw["decrease_verbs"]
    verb_class: dict[str, str] = {}
    for cls, words in (("value", value_v), ("up", up_v), ("down", down_v)):
        for w in words:
            verb_class[" ".join(fold(w).split())] = cls
    num = r"[+\-]?\d{1,2}(?:[.,]\d{1,4})?"
    # a figure and its unit may sit on two lines, the second indented by a page margin ("đạt 44,86
    # \n          điểm"): one line break and any run of blanks after it
    gap = r"[ \t]{0,3}(?:\n[ \t]{0,40})?"
    score = regex.compile(
        rf"(?<![\w.,/])(?P<num>{num}){gap}(?:/\s{{0,2}}(?P<max>\d{{1,2}}){gap})?{_alt(raw['point_words'])}(?!\w)"
    )
    cmp_up, cmp_down = raw.get("comparative_up") or [], raw.get("comparative_down") or []
    for cls, words in (("up", cmp_up), ("down", cmp_down)):
        for w in words:
            verb_class[" ".join(fold(w).split())] = cls
    verb_end = regex.compile(
        rf"(?<!\w)(?:(?P<verb>{_alt(value_v + up_v + down_v)})(?:\s+{_alt(raw['verb_fillers'])}){{0,3}}"
        # "thấp hơn năm 2021 là 0,65 điểm": a comparative is a change only against a year it names
        rf"|(?P<verb>{_alt(cmp_up + cmp_down)})\s+(?:so\s+voi\s+)?(?:nam\s+)?(?:19|20)\d\d(?:\s+la)?)"
        rf"\s{{0,{_WRAP_GAP}}}$"
    )
    # Anchored on the number, the words in a lookbehind: the engine only tries where a digit is,
    # which is several times faster than trying every rank word at every position.
    rank = regex.compile(
        rf"(?<=(?<!\w)(?P<word>{_alt(raw['rank_words'])})(?:\s+{_alt(raw['rank_fillers'])})?\s{{1,{_WRAP_GAP}}})"
        rf"(?P<rank>\d{{1,2}})(?![.,]\d)(?:\s{{0,2}}/\s{{0,2}}(?P<of>\d{{2}}))?(?!\d)"
        # "xếp 56/63": a bare rank verb only with the number ranked out of
        rf"|(?<=(?<!\w)(?P<word>{_alt(raw['bare_rank_words'])})\s{{1,3}})(?P<rank>\d{{1,2}})\s{{0,2}}/\s{{0,2}}"
        rf"(?P<of>\d{{2}})(?!\d)"
    )
    rank_change = regex.compile(
        rf"(?<=(?<!\w)(?P<verb>{_alt(up_v + down_v)})\s+)(?P<n>\d{{1,2}})\s+{_alt(raw['rank_change_units'])}(?!\w)"
    )
    mu = _alt(raw["rank_move_units"])
    rank_move = regex.compile(
        rf"(?<!\w)(?P<verb>{_alt(up_v + down_v)})\s+tu\s+{mu}\s{{1,3}}(?P<r1>\d{{1,2}})(?![.,]?\d)"
        rf"(?:\s{{0,2}}/\s{{0,2}}(?P<of1>\d{{2}}))?(?:\s{{1,3}}(?:nam\s{{1,3}})?(?P<y1>(?:19|20)\d\d))?\s{{0,2}},?\s{{1,3}}"
        rf"(?:len|xuong)\s+(?:{mu}\s{{1,3}})?(?P<r2>\d{{1,2}})(?![.,]?\d)(?:\s{{0,2}}/\s{{0,2}}(?P<of2>\d{{2}}))?(?!\d)"
    )
    compare = regex.compile(
        rf"(?<!\w){_alt(raw['compare_words'])}(?:\s+{_alt(raw['compare_fillers'])}){{0,5}}\s+(?P<year>(?:19|20)\d\d)(?!\d)"
    )
    year = regex.compile(r"(?<![\d/.\-–])(?P<year>(?:19|20)\d\d)(?![\d/])")
    th, sup = raw["table_header"], raw["superlative_change"]
    # an arrow that signs a change, in a cell ("▼ 0,11") or a sentence ("5,08 điểm; ↑0,12"): group "up" or "down"
    up_arrows, down_arrows = "".join(raw["change_arrows"]["up"]), "".join(raw["change_arrows"]["down"])
    arrow = rf"(?:(?P<up>[{regex.escape(up_arrows)}])|(?P<down>[{regex.escape(down_arrows)}]))"
    header = tuple(  # matched on the cell's words only, punctuation dropped
        (k, regex.compile(rf"(?<!\w){_alt([' '.join(_WORDS.findall(fold(w))) for w in th[k]])}(?!\w)"))
        for k in ("national", "change", "rank", "score")
    )
    return ScoreVocab(
        score=score,
        prefilter=regex.compile(r"\d"),
        keywords=tuple(" ".join(fold(w).split()) for w in raw["prefilter_words"]),
        verb_end=verb_end,
        verb_class=verb_class,
        rank=rank,
        rank_change=rank_change,
        rank_move=rank_move,
        national=Phrases.of(raw["national_markers"]),
        other_index=regex.compile(r"(?<!\w)(?:" + _alt([" ".join(fold(w).split()) for w in raw["other_indices"]]) + r")(?!\w)"),
        compare=compare,
        year=year,
        comparative_year=regex.compile(rf"(?<!\w){_alt(cmp_up + cmp_down)}\s+(?:so\s+voi\s+)?(?:nam\s+)?$"),
        target=Phrases.of(raw["target_markers"]),
        floor=regex.compile(r"\s{0,3}(?:diem\s{1,3})?(?:" + _alt([" ".join(fold(w).split()) for w in raw["floor_markers"]])
                            + r")(?!\w)"),
        header=header,
        label_cells=frozenset(" ".join(fold(w).split()) for w in th["label"]),
        change_openers=tuple(" ".join(_WORDS.findall(fold(w))) + " " for w in th.get("change_openers") or []),
        subject_fillers=frozenset(w for p in raw["subject_fillers"] for w in fold(p).split()),
        provinces_ranked=int(raw["provinces_ranked"]),
        max_dimension=float(raw["max_dimension_value"]),
        max_total=float(raw["max_total_value"]),
        arrow_change=regex.compile(r"^" + arrow + r"[ \t]{0,3}(?P<num>\d{1,2}(?:[.,]\d{1,4})?)$"),
        inline_arrow=regex.compile(arrow + r"[ \t]{0,2}(?P<num>\d{1,2}[.,]\d{1,4})(?![\d.,]\d)"),
        arrows=up_arrows + down_arrows,
        superlative_change=regex.compile(
            rf"(?<!\w)(?:{_alt(sup['up'])}|(?P<down>{_alt(sup['down'])}))(?:\s{{1,3}}{_alt(sup['degrees'])})?"
            r"\s{1,3}nhat\s{0,3}\(?\s{0,2}$"),
    )


# a signed figure with no unit alone in a parenthesis ("4,46 điểm (+0,09)"): matched on the folded text
_PAREN_CHANGE = regex.compile(r"(?<=\(\s{0,2})(?P<num>[+\-]\s?\d{1,2}[.,]\d{1,4})\s{0,2}\)")
_SENT = regex.compile(r"(?<=[.!?…])(?<![\s(](?:\d{1,2}|[IVXivx]{1,4})\.)\s+(?=[\p{Lu}\d\-+•*(“\"])")
# a year in parentheses right after a figure ("5,02 điểm (năm 2021)"), matched folded at the figure's end
_PAREN_YEAR = regex.compile(r"\s{0,2}\(\s{0,2}(?:nam\s{1,3})?((?:19|20)\d\d)\s{0,2}\)")
_CELL_NUM = regex.compile(r"^[+\-–−]?\d{1,3}(?:[.,]\d{1,4})?$")  # (an en dash or minus sign is a minus: "–0,11")
_CELL_RANK = regex.compile(r"^(?P<r>\d{1,2})(?:\s{0,2}/\s{0,2}(?P<of>\d{2}))?$")
# a change written in words in its cell ("Tăng 0,08", "Giảm 0,05 điểm"): the word gives the sign
_WORD_CHANGE = regex.compile(r"^(?P<w>[Tt]ăng|[Gg]iảm)[ \t]{1,3}(?P<num>\d{1,2}(?:[.,]\d{1,4})?)(?:[ \t]{1,3}điểm)?"
                             r"(?:[ \t]{0,2}[,;][ \t]{0,2}(?P<rw>[Tt]ăng|[Gg]iảm)[ \t]{1,3}(?P<bac>\d{1,2})[ \t]{1,3}bậc)?$")
# a target cell that states a floor ("≥ 5,20", ">= 42,80", "Từ 5,20 điểm trở lên", "Tối thiểu 4,40")
_FLOOR_CELL = regex.compile(r"^(?:≥|>=|>|(?:[Tt]ừ|[Tt]ối[ \t]thiểu|[Tt]rên)[ \t])[ \t]{0,2}(?P<num>\d{1,3}(?:[.,]\d{1,4})?)"
                            r"(?:[ \t]{1,3}điểm)?(?:[ \t]{1,3}trở[ \t]lên)?$")
_YEAR_CELL = regex.compile(r"^(?:(?:diem[ \t]{1,3})?nam\s{1,3}|diem[ \t]{1,3})?(?P<year>(?:19|20)\d\d)$")
# A line holding only a year ("2019", "Năm 2020", "Điểm năm 2021"). Matched from the newline before it: the engine
# then jumps from "\n" to "\n" instead of trying a multi-line "^" at every position (~8x faster on a plan).
_YEAR_LINE = regex.compile(r"\n[ \t]{0,8}(?:(?:diem[ \t]{1,3})?nam[ \t]{1,3}|diem[ \t]{1,3})?(?:19|20)\d\d[ \t]{0,8}(?=\n|$)")
_YEAR_LINE_AT = regex.compile(  # the first line
    r"[ \t]{0,8}(?:(?:diem[ \t]{1,3})?nam[ \t]{1,3}|diem[ \t]{1,3})?(?:19|20)\d\d[ \t]{0,8}(?=\n|$)")
# (never the decimals of a figure: "1,1987" is no year 1987)
_ANY_YEAR = regex.compile(r"(?<!\d)(?<!\d[.,])((?:19|20)\d\d)(?!\d)")
_SEPARATOR_CELL = regex.compile(r"^(?:-{2}|" + SEPARATOR_CELL + r")$")
_WORDS = regex.compile(r"\w+")
_PUNCT_CHARS = "();"  # marks that open, close or cut a clause in a sentence
_CLAUSE_BREAK = regex.compile(r"[(),;:]")
_LABEL_MAX = 40  # a sentence's lead label ("Mục tiêu năm 2021:") ends within this many characters
_RANGE_AFTER = regex.compile(r"\s{0,2}[-–]\s{0,2}\d")
_RANGE_BEFORE = regex.compile(r"[-–]\s{0,2}$")


def _num(s: str) -> float:
    return float(s.replace(",", ".").replace("+", "").replace("–", "-").replace("−", "-"))


# ---------------------------------------------------------------------------------------------
# Facts


@dataclass(slots=True)
class Fact:
    """A score record under construction."""

    dimension: int | None
    subdimension: str | None
    kind: str
    start: int
    end: int
    method: str
    year: int | None = None
    value: float | None = None
    rank: int | None = None
    rank_of: int | None = None
    change: float | None = None
    rank_change: int | None = None
    pos: int = 0  # offset of the figure, for the sentence's year
    section: str | None = None
    year_fixed: bool = False  # the year came from a "so với năm X (…)" or a table header
    base_value: float | None = None  # "giảm từ 1,55 điểm …": the value the change started from
    base_year: int | None = None  # "giảm từ 5,02 điểm (năm 2021) …": the year of that value, when printed
    base_rank: tuple[int, int] | None = None  # "tăng từ vị trí 60/63 … lên …": the rank (and out of) it left
    objective: bool = False  # stated in an objectives section ("Mục tiêu"): a target unless its year is past
    unit: str | None = None  # the former unit a merged province's plan reports on ("tỉnh Quảng Trị (cũ)"), folded

    @property
    def key(self) -> tuple[int | None, str | None, int | None, str]:
        return (self.dimension, self.subdimension, self.year, self.kind)


# ---------------------------------------------------------------------------------------------
# Tables


@dataclass(slots=True)
class Cell:
    text: str
    start: int
    end: int
    f: str = ""  # folded text (a slice of ctx.folded: no second fold)


@dataclass(slots=True)
class ScoreRow:
    label: Cell | None
    name: Cell
    match: IndicatorMatch | None
    total: bool
    values: list[Cell | None]  # aligned with ScoreTable.slots
    start: int
    section: str | None
    unit: str | None = None  # a row naming a former unit ("Tỉnh Bình Dương (cũ)"): its total, of that unit (folded)
    head: Cell | None = None  # a table with a row per year: the column header that names the row's indicator


@dataclass(slots=True)
class ScoreTable:
    slots: list[tuple[int, str]]  # (year, "score"|"rank"|"change") per value column
    rows: list[ScoreRow]
    layout: str  # "delimited" | "cell_per_line" | "transposed" | "column_blocks" | "spaced"
    unmapped: list[Cell] = field(default_factory=list)
    # per value column, the former unit it is of ("Quảng Bình (cũ) | Quảng Trị (cũ)", folded), when named
    units: list[str | None] = field(default_factory=list)


def _strip_cell(ctx: DocContext, start: int, end: int) -> Cell:
    seg = ctx.text[start:end]
    core = seg.lstrip(" \t*|")
    a = start + len(seg) - len(core)
    core = core.rstrip(" \t*|:")
    b = a + len(core)
    return Cell(core, a, b, ctx.folded[a:b])


def _split_row(ctx: DocContext, start: int, end: int) -> list[Cell]:
    """Cells of one delimited line (tabs, else pipes), with spans."""
    text = ctx.text
    line = text[start:end]
    sep = "\t" if "\t" in line else "|"
    cells: list[Cell] = []
    pos = start
    parts = line.split(sep)
    if sep == "|":
        s = line.strip()
        if s.startswith("|"):
            lead = line.index("|")
            pos = start + lead + 1
            parts = line[lead + 1 :].split("|")
            if s.endswith("|") and parts and not parts[-1].strip():
                parts = parts[:-1]
    for p in parts:
        cells.append(_strip_cell(ctx, pos, pos + len(p)))
        pos += len(p) + 1
    return cells


def _split_aligned(ctx: DocContext, start: int, end: int, starts: tuple[int, ...], glued: bool = False) -> list[Cell]:
    """Cells of one line of a space-aligned table, one per column: each run of text (words parted by
    single spaces) goes to the column whose header starts nearest; a column with no run is empty. In a
    ``glued`` table a run is first cut where a column starts inside it at a word's start."""
    line = ctx.text[start:end]
    spans: list[tuple[int, int] | None] = [None] * len(starts)
    pieces = cell_pieces(line)
    if glued:
        pieces = [q for a, e in pieces for q in _cut_at_starts(line, a, e, starts)]
        # a figure pushed right by the name before it may start nearer the next column: from the right, each
        # piece's column is its nearest one left of the column the piece after it took
        cols = [0] * len(pieces)
        bound = len(starts)
        for x in range(len(pieces) - 1, -1, -1):
            a = pieces[x][0]
            k = min(range(len(starts)), key=lambda c: abs(starts[c] - a))
            cols[x] = bound = max(0, min(k, bound - 1)) if x < len(pieces) - 1 else k
    for x, (a, e) in enumerate(pieces):
        k = cols[x] if glued else min(range(len(starts)), key=lambda c: abs(starts[c] - a))
        prev = spans[k]
        spans[k] = (a, e) if prev is None else (prev[0], e)
    return [_strip_cell(ctx, start + sp[0], start + sp[1]) if sp else Cell("", start, start) for sp in spans]


def _cut_at_starts(line: str, a: int, e: int, starts: tuple[int, ...]) -> list[tuple[int, int]]:
    """The piece [a, e) cut at each column start inside it where a word starts after one space, and its
    trailing figures cut off its words ("… ở cấp cơ sở 5,31": a long name pushed its first figure right, past
    the column's start, so each figure goes to the column it starts nearest)."""
    out: list[tuple[int, int]] = []
    for p in starts:
        # a cut needs a figure after it ("… ở địa phương 5,21"), or a figure before it and a capital after
        # ("Năm 2022 Năm 2023 Tăng (+)"): a column start falling inside a name ("trong khu vực") is no cut
        if a < p < e and line[p - 1] == " " and line[p] != " " and (
                line[p].isdigit() or line[p] in "+-" or (line[p].isupper() and line[p - 2].isdigit())):
            out.append((a, p - 1))
            a = p
    out.append((a, e))
    peeled: list[tuple[int, int]] = []
    for pa, pe in out:
        figures: list[tuple[int, int]] = []
        while (m := _TRAILING_FIGURE.search(line, pa, pe)) is not None and m.start(1) > pa:
            figures.insert(0, (m.start(1), pe))
            pe = m.start()
        peeled.append((pa, pe))
        peeled.extend(figures)
    return peeled


_TRAILING_FIGURE = regex.compile(r" ([+\-]?\d{1,3}(?:[.,]\d{1,4})?)$")


def _with_wrapped_name(name: Cell, named_at: list[tuple[Block, list[Cell], int, Cell] | None], k: int) -> Cell:
    """A space-aligned row's name with the rest it wraps onto below its figures ("1. Tham gia của người
    dân ở" + "cấp cơ sở"): the next lines holding only a name in lower case, for naming the indicator
    (the row's span stays on its own line)."""
    parts = [name]
    here = named_at[k]
    line = here[0].line if here else -1
    for nxt in named_at[k + 1 :]:
        if nxt is None or nxt[0].line != line + 1 or sum(1 for c in nxt[1] if c.text) != 1:
            break
        if not nxt[3].text[:1].islower():
            break
        parts.append(nxt[3])
        line += 1
    return name if len(parts) == 1 else _join_cells(parts)


def _centred_label_row(row: tuple[Block, list[Cell]], named_at: list[tuple[Block, list[Cell], int, Cell] | None],
                       k: int, name_col: int) -> tuple[Block, list[Cell], int, Cell] | None:
    """A space-aligned row whose label and figures sit on the middle line of its cell, its name wrapped
    above and below them ("Công khai, minh bạch trong việc ra quyết" / "2   5,31   5,47" / "định ở địa
    phương"): the row, named by the name-only line right above it (the lines below join through
    ``_with_wrapped_name``). None when the line above holds no name alone."""
    b, cells = row
    if not any(c.text and _is_row_label(c.text) for c in cells[:name_col + 1]):
        return None
    above = named_at[k - 1] if k > 0 else None
    if above is None or above[0].line != b.line - 1 or above[2] != name_col:
        return None
    if sum(1 for c in above[1] if c.text) != 1:
        return None
    return b, cells, name_col, above[3]


def _join_cells(cells: list[Cell]) -> Cell:
    """One cell from the wrapped pieces of a header cell (the empty ones left out)."""
    full = [c for c in cells if c.text]
    if not full:
        return cells[0]
    return Cell(" ".join(c.text for c in full), full[0].start, full[-1].end, " ".join(c.f for c in full))




_CHANGE_OF_YEAR = regex.compile(r"((?:19|20)\d\d)\s{1,3}so\s{1,3}voi\s{1,3}(?:nam\s{1,3})?(?:19|20)\d\d")


@lru_cache(maxsize=4096)
def _header_info(f: str) -> tuple[int | None, str | None]:
    """(year, metric) a header cell (folded) names: "nam 2019" -> (2019, None), "diem" -> (None, "score").
    Only short cells are header cells: a task cell mentioning "năm 2021" is not."""
    if (len(f) > 48 or len(f.split()) > 9) and not (len(f) <= 60 and len(f.split()) <= 12 and "so voi" in f):
        return None, None  # (a change column may spell out its years: "Tăng (+), giảm (-) năm 2021 so với năm 2020")
    ym = _ANY_YEAR.search(f)
    year = int(ym.group(1)) if ym else None
    metric = None
    words = " ".join(_WORDS.findall(f))  # "Tăng (+), giảm (-)" reads as "tang giam"
    for k, rx in vocab().header:
        if rx.search(words) or (k == "change" and ("+/-" in f or "+/–" in f)):
            metric = k
            break
    if metric is None and words.startswith(vocab().change_openers):
        metric = "change"  # "So với 2022"
    if metric is None and _former_column(f) is not None:
        metric = "score"  # "Quảng Trị (cũ)": a merged province's plan gives each former province a column
    if metric == "change":
        # "Chênh lệch so với năm 2021": the change of the table's latest year; "… năm 2023 so với năm 2022" names it
        named = _CHANGE_OF_YEAR.search(f)
        year = int(named.group(1)) if named else None
    return year, metric


def _header_row(cells: list[Cell], year_known: bool = False) -> bool:
    """A row of short cells, one of which names a year (or, when the sentence before the table gives
    the year, a score or rank column): the header of a score table."""
    if not all(len(c.text) <= 60 for c in cells):
        return False
    infos = [_header_info(c.f) for c in cells if c.text]
    return any(y for y, _ in infos) or (year_known and any(m in ("score", "rank") for _, m in infos))


def _resolve_name(cell: Cell) -> tuple[IndicatorMatch | None, bool]:
    f = cell.f
    if is_total_cell_folded(f):
        return None, True
    found = find_indicators_folded(f)
    return (found[0] if found else None), False


def _is_value_cell(s: str) -> bool:
    # both patterns start with a digit or a sign (``str.isdigit`` admits every ``\d``): most cells are names
    c = s[:1]
    if not c or not (c.isdigit() or c in "+-–−"):
        if c in "TtGg":
            return _WORD_CHANGE.match(s) is not None or _FLOOR_CELL.match(s) is not None
        if c in "≥>":
            return _FLOOR_CELL.match(s) is not None
        return not c.isalpha() and vocab().arrow_change.match(s) is not None
    return bool(_CELL_NUM.match(s) or _CELL_RANK.match(s))


def _is_row_label(s: str) -> bool:
    """ "1", "1.2.", "IV.", "a)": at most 9 characters (10 with a final newline), so a longer cell is never tried."""
    return len(s) <= 10 and _ROW_LABEL.match(s) is not None


def _slots_in_order(header: list[str]) -> list[tuple[int, str]]:  # folded cells
    """Value columns of a header read in order (one cell per line: no column positions)."""
    combined: list[tuple[int, str]] = []
    years: list[int] = []
    metrics: list[str] = []
    for h in header:
        y, m = _header_info(h)
        if y is not None and m is not None:
            combined.append((y, m))
        elif y is not None:
            years.append(y)
        elif m is not None:
            metrics.append(m)
    if combined and (years or metrics) and "score" not in metrics:
        # "Năm 2021 / Năm 2022 / Tăng, giảm / Xếp hạng 2022": one header row whose cells each name a
        # column, a year's score, a metric with its year, or the latest year's change or rank
        latest = max([y for y, _ in combined] + years)
        out: list[tuple[int, str]] = []
        for h in header:
            y, m = _header_info(h)
            if y is not None or m is not None:
                out.append((y if y is not None else latest, m or "score"))
        return out
    if combined:
        return combined
    if not years:
        return []
    if not metrics:
        return [(y, "score") for y in years]
    if metrics == ["change"] and len(years) >= 2 and _header_info(header[-1])[1] == "change":
        # "Năm 2023 / Năm 2024 / So sánh": the years' scores, then the latest year's change on the last
        return [(y, "score") for y in years] + [(years[-1], "change")]
    if len(metrics) % len(years) == 0:
        k = len(metrics) // len(years)
        groups = [metrics[i * k : (i + 1) * k] for i in range(len(years))]
        if all(g == groups[0] for g in groups):
            return [(y, m) for y, g in zip(years, groups, strict=True) for m in g]
    if len(set(metrics)) == len(metrics):  # "Điểm / Thứ hạng" once, for every year
        return [(y, m) for y in years for m in metrics]
    return _two_row_slots(header, years, metrics)


def _two_row_slots(header: list[str], years: list[int], metrics: list[str]) -> list[tuple[int, str]]:
    """A two-row header printed one cell per line: "Năm 2023 / Năm 2024 / Tăng, giảm" over "Điểm / Xếp hạng /
    Điểm / Xếp hạng" (the change column spans both rows). The second row is the last metrics, one group per
    year; the first row's cells, in order, are the years (each its group's columns) and the columns of their own
    (the latest year's)."""
    for k in range(1, len(metrics)):
        n_group = k * len(years)
        if n_group >= len(metrics):
            break
        tail = metrics[len(metrics) - n_group :]
        group = tail[:k]
        if len(set(group)) != k or any(tail[i * k : (i + 1) * k] != group for i in range(len(years))):
            continue
        latest = max(years)
        top_metrics = len(metrics) - n_group
        out: list[tuple[int, str]] = []
        seen = 0
        for h in header:
            y, m = _header_info(h)
            if y is not None and m is None:
                out.extend((y, g) for g in group)
            elif m is not None and y is None:
                if seen == top_metrics:
                    break  # the second row starts
                out.append((latest, m))
                seen += 1
        return out
    return []


def _slots_by_column(header_rows: list[list[Cell]], default_year: int | None = None) -> dict[int, tuple[int, str]]:
    """Value columns of a delimited header: merged year cells span the empty cells to their right
    when a lower header row has metrics there ("Năm 2019 | | Năm 2020 |" over "Điểm | Thứ hạng | …")."""
    width = max(len(r) for r in header_rows)
    info = [[_header_info(c.f) if c.text else (None, None) for c in r] + [(None, None)] * (width - len(r))
            for r in header_rows]
    empty = [[not c.text for c in r] + [True] * (width - len(r)) for r in header_rows]
    out: dict[int, tuple[int, str]] = {}
    for c in range(width):
        year = next((info[r][c][0] for r in range(len(info)) if info[r][c][0] is not None), None)
        metric = next((info[r][c][1] for r in range(len(info)) if info[r][c][1] is not None), None)
        if year is None and metric is not None:
            for r in range(len(info)):
                if not empty[r][c]:
                    continue
                k = c - 1
                while k >= 0 and empty[r][k]:
                    k -= 1
                if k >= 0 and info[r][k][0] is not None:
                    year = info[r][k][0]
                    break
        if year is None and metric in ("score", "rank") and default_year is not None:
            year = default_year  # "Điểm | Xếp hạng" under "Chỉ số PAPI năm 2025 … như sau:"
        if year is not None:
            out[c] = (year, metric or "score")
        elif metric == "change":
            out[c] = (0, "change")  # a "Tăng/giảm" column without a year: the latest year's change
        elif metric == "rank":
            out[c] = (0, "rank")  # "Điểm năm 2022 | Thứ hạng": the rank of the table's latest year
    latest = max((y for y, _ in out.values() if y), default=0)
    for c, (y, m) in list(out.items()):
        if not y:
            if latest:
                out[c] = (latest, m)
            else:
                del out[c]
    return out


_SHEET_MIN_CELLS = 4  # a sheet's score row: a label or name, and values of at least two columns
_SHEET_MIN_ROWS = 3
_SHEET_HEAD_CELL = 40


def _sheet_groups(ctx: DocContext) -> tuple[list[list[Block]], dict[int, list[tuple[int, int]]]]:
    """Score tables pasted from a spreadsheet as separated values ("TT;Chỉ số nội dung;Năm 2022;Năm 2023" over
    "1;Tham gia …;5,09;5,21"): runs of lines that split into as many cells as the first, by a semicolon, or by a
    comma where the values' decimal commas are quoted. Each line becomes a table row (the blocks around them are
    paragraphs), its cells the record's. Each line is read once: linear."""
    groups: list[list[Block]] = []
    cells_of: dict[int, list[tuple[int, int]]] = {}
    text = ctx.text
    lines = ctx.norm.lines
    starts = [b.start for b in ctx.blocks]
    run: list[tuple[int, list[tuple[int, int]]]] = []
    run_sep = ""

    def flush() -> None:
        if len(run) >= _SHEET_MIN_ROWS:
            k = bisect_right(starts, lines[run[0][0]].start) - 1
            section = ctx.blocks[k].section if k >= 0 else None
            groups.append([Block("table_row", lines[i].start, lines[i].end, lines[i].start, i, section=section,
                                 pieces=[(lines[i].start, lines[i].end)]) for i, _ in run])
            cells_of.update(run)
        run.clear()

    rows = {b.line for b in ctx.blocks if b.kind == "table_row"}
    for i, li in enumerate(lines):
        # a line's separator: the semicolon where it has enough (its commas are then decimal marks), else the comma;
        # a row of a table with tabs or walls ("1 | Tham gia … | 5,03") is read as such
        sep = next((x for x in CSV_SEPARATORS[::-1] if text.count(x, li.start, li.end) >= _SHEET_MIN_CELLS - 1), None)
        rec = (csv_record(text, li.start, li.end + 1, sep)
               if sep is not None and i not in rows and "\t" not in text[li.start:li.end]
               and "|" not in text[li.start:li.end] else None)
        if sep is None or rec is None or rec[1] > li.end + 1 or len(rec[0]) < _SHEET_MIN_CELLS:
            flush()
            continue
        if run and (sep != run_sep or len(rec[0]) != len(run[0][1])):
            flush()  # a sheet writes every row with all its cells: prose cut at its commas is ragged
        if not run and any(e - a > _SHEET_HEAD_CELL for a, e in rec[0]):
            continue  # a run opens at the header row: short column names
        run_sep = sep
        run.append((i, rec[0]))
    flush()
    return groups, cells_of


# a letter or digit on a line between two table rows (not a markdown rule "|---|---|" nor blank lines)
_TEXT_BETWEEN = regex.compile(r"\n[^\n|]*[\p{L}\p{N}]")


def _delimited_tables(ctx: DocContext) -> list[ScoreTable]:
    tables: list[ScoreTable] = []
    groups: list[list[Block]] = []
    prev = -2
    blocks = ctx.blocks
    for i, b in enumerate(blocks):
        if b.kind != "table_row":
            continue
        if i != prev + 1 or not groups or _TEXT_BETWEEN.search(ctx.text, blocks[prev].end, b.start):
            # (a heading between two tables, "### 6. Cung ứng dịch vụ công" after a task table and over the section's
            # score table, is no block of its own here: the text between the rows parts them)
            groups.append([])
        groups[-1].append(b)
        prev = i
    text = ctx.text
    sheets, sheet_cells = _sheet_groups(ctx) if (";" in text or "," in text) else ([], {})
    groups.extend(sheets)
    # lines of space-aligned tables (no tab, no pipe): their cells are read by column position
    aligned = {j: r for r in ctx.aligned_tables() for j in range(r.head, r.end)}

    def split(b: Block) -> list[Cell]:
        if (spans := sheet_cells.get(b.line)) is not None:
            return [_strip_cell(ctx, a, e) for a, e in spans]
        region = aligned.get(b.line)
        if region is None:
            return _split_row(ctx, b.start, b.end)
        # column starts count from the line's first character, not the block's (which skips an indent)
        return _split_aligned(ctx, ctx.norm.lines[b.line].start, b.end, region.starts, region.glued)

    for g in groups:
        # cheap test first: a score table has a short header cell naming a year in its first rows, or
        # the sentence right before it names the year ("Chỉ số PAPI năm 2025 … như sau:")
        intro_year: int | None = None
        if not any(_ANY_YEAR.search(text, b.start, b.end) for b in g[:5]):
            intro_year = _intro_year(text, g[0].start)
            if intro_year is None:
                continue
        if not any(_header_row(split(b), intro_year is not None) for b in g[:5]):
            continue
        rows = [(b, split(b)) for b in g]
        rows = [(b, r) for b, r in rows if not all(_SEPARATOR_CELL.match(c.text) or not c.text for c in r)]
        if rows and rows[0][1] and rows[0][1][0].f.strip(" *") in _YEAR_HEADS:
            tables.extend(_year_row_tables(rows))  # "Năm | Điểm tổng hợp | Xếp hạng | So với năm trước"
            continue
        header: list[list[Cell]] = []
        k = 0
        while k < len(rows) and k < 4:
            cells = rows[k][1]
            if any(len(c.text) > 60 for c in cells):
                break  # a content row
            if any(_is_value_cell(c.text) for c in cells[1:]) and not any(_header_info(c.f)[0] for c in cells):
                break
            header.append(cells)
            k += 1
        if len(header) > 1 and g[0].line in aligned:
            # a space-aligned header's lines are one cell each per column, wrapped ("Tăng (+)," over
            # "giảm (-)", "Xếp hạng" over "năm 2023"): joined, not read as spanning cells
            header = [[_join_cells([r[c] for r in header]) for c in range(len(header[0]))]]
        if not header or not (intro_year or any(_header_info(c.f)[0] for r in header for c in r)):
            continue
        cols = _slots_by_column(header, intro_year)
        if not cols:
            continue
        order = sorted(cols)
        table = ScoreTable([cols[c] for c in order], [], "delimited")
        units = [next((u for r in header if c < len(r) and (u := _former_column(r[c].f)) is not None), None)
                 for c in order]
        table.units = units if any(units) else []
        named_at: list[tuple[Block, list[Cell], int, Cell] | None] = []
        for b, cells in rows[k:]:
            named = [(j, c) for j, c in enumerate(cells) if c.text and not _is_value_cell(c.text)
                     and not _is_row_label(c.text) and j not in cols]
            named_at.append((b, cells, named[0][0], named[0][1]) if named else None)
        # the name column most rows use: a row one cell short whose name sits left of it has lost its
        # empty label cell ("Tổng điểm<TAB>43,09<TAB>…" under "TT<TAB>Chỉ số nội dung<TAB>…")
        js = [x[2] for x in named_at if x is not None]
        name_col = max(set(js), key=js.count) if js else 0
        width = max(len(r[1]) for r in rows)
        is_aligned = g[0].line in aligned
        for n_at, item in enumerate(named_at):
            if item is None:
                if not is_aligned:
                    continue
                item = _centred_label_row(rows[k + n_at], named_at, n_at, name_col)
                if item is None:
                    continue
            b, cells, j, name = item
            # (a space-aligned row's cells are one per column: there the lost cell leaves the last one empty,
            # "Tổng điểm  45,33 … 45,12  -0,21" under "TT  Chỉ số nội dung  Năm 2021  Năm 2022  Tăng/giảm")
            filled = max((x for x, c in enumerate(cells) if c.text), default=-1) + 1
            short = len(cells)
            if is_aligned and name_col < len(cells) and _is_value_cell(cells[name_col].text):
                short = filled  # a figure where the name column is: the row's cells moved one column left
            shift = name_col - j if j < name_col and short == width - (name_col - j) else 0
            if shift and name_col < len(cells) and cells[j].text == cells[name_col].text:
                shift = 0  # "Tổng điểm | Tổng điểm | 40,25 | …": a merged label cell printed in each column it spans
            label = next((c for c in cells[:j] if c.text and _is_row_label(c.text)), None)
            match, total = _resolve_name(_with_wrapped_name(name, named_at, n_at) if is_aligned else name)
            values = [cells[c - shift] if 0 <= c - shift < len(cells) and c - shift > j and cells[c - shift].text
                      and _is_value_cell(cells[c - shift].text) else None
                      for c in order]
            if not any(values):
                continue
            unit = None
            if match is None and not total and (unit := _former_row(name.f)) is not None:
                total = True  # "| Tỉnh Bình Dương (cũ) | 42,95 | 42,70 | …": a former province's own total
            if match is None and not total:
                if not vocab().national.search(name.f):
                    table.unmapped.append(name)
                continue
            table.rows.append(ScoreRow(label, name, match, total, values, (label or name).start, b.section, unit))
        if table.rows:
            tables.append(table)
    return tables


_YEAR_HEADS = frozenset({"nam", "nam danh gia", "nam khao sat", "nam cong bo"})
_TOTAL_HEAD = regex.compile(r"(?:^|\s)(?:tong\s{1,3}hop|tong\s{1,3}diem|chi\s{1,3}so\s{1,3}papi|diem\s{1,3}papi|papi)(?:\s|$)")


def _year_row_tables(rows: list[tuple[Block, list[Cell]]]) -> list[ScoreTable]:
    """A score table with a row per year under a header "Năm | Điểm tổng hợp | Xếp hạng | So với năm trước" (or
    a column per dimension): one table per year row, each column's figure that year's score, rank or change of
    the total (a column naming no dimension) or of the dimension its header names."""
    header = rows[0][1]
    cols: list[tuple[int, IndicatorMatch | None, str]] = []  # (column, indicator or None for the total, metric)
    for c, cell in enumerate(header[1:], start=1):
        f = cell.f.strip(" *")
        _, metric = _header_info(f)
        if _TOTAL_HEAD.search(f) or is_total_cell_folded(f):
            cols.append((c, None, metric if metric in ("rank", "change") else "score"))
            continue
        found = find_indicators_folded(f)
        if found and found[0].exact:
            cols.append((c, found[0], "score"))
        elif metric is not None:
            cols.append((c, None, metric))
    if not cols:
        return []
    out: list[ScoreTable] = []
    for b, cells in rows[1:]:
        ym = _YEAR_CELL.match(cells[0].f.strip(" *")) if cells else None
        if ym is None:
            continue
        year = int(ym.group("year"))
        table = ScoreTable([(year, metric) for _, _, metric in cols], [], "delimited")
        groups: dict[int | None, list[int]] = {}
        for k, (_, match, _) in enumerate(cols):
            groups.setdefault(id(match) if match is not None else None, []).append(k)
        for key, ks in groups.items():
            match = cols[ks[0]][1]
            values: list[Cell | None] = [None] * len(cols)
            for k in ks:
                c = cols[k][0]
                if c < len(cells) and cells[c].text and _is_value_cell(cells[c].text):
                    values[k] = cells[c]
            if any(values):
                head = header[cols[ks[0]][0]] if match is not None else None
                table.rows.append(ScoreRow(None, cells[0], match, key is None, values, cells[0].start, b.section,
                                           head=head))
        if table.rows:
            out.append(table)
    return out


_INTRO_YEAR = regex.compile(r"(?i:năm|PAPI)\s{1,3}((?:19|20)\d{2})(?!\d)[^\n]{0,200}:\s*$")


def _intro_year(text: str, start: int) -> int | None:
    """The year named by the paragraph that introduces a table ("Kết quả năm 2025 … như sau:"), or None;
    a hard-wrapped paragraph is read across its lines ("Năm 2018, Chỉ số PAPI … xếp thứ 33/63 tỉnh," /
    "thành phố. Kết quả 08 chỉ số nội dung như sau:")."""
    k = text.rfind("\n", 0, max(0, start - 1))
    while k > 0 and not text[text.rfind("\n", 0, k) + 1 : k].strip():  # skip blank lines
        k = text.rfind("\n", 0, k)
    if k <= 0:
        return None
    a = text.rfind("\n", 0, k) + 1
    for _ in range(_INTRO_MAX_LINES - 1):  # the lines of its paragraph above, up to a blank line
        b = text.rfind("\n", 0, max(0, a - 1)) + 1
        if a == 0 or not text[b : a - 1].strip() or k - b > 600:
            break
        a = b
    para = " ".join(text[a:k].split("\n"))
    found = [m for m in _INTRO_YEAR.finditer(para)] if len(para) <= 600 else []
    return int(found[-1].group(1)) if found else None


_INTRO_MAX_LINES = 4


def _year_lines(ctx: DocContext, start: int, end: int) -> list[int]:
    """Indexes of the lines that start in [start, end) and hold only a year (``start`` is a line start)."""
    folded = ctx.folded
    out: list[int] = []
    if start == 0 and _YEAR_LINE_AT.match(folded, 0, end):
        out.append(0)
    pos = start - 1 if start > 0 and folded[start - 1] == "\n" else start
    for hit in _YEAR_LINE.finditer(folded, pos, end):
        out.append(ctx.line_of(hit.start() + 1))
    return out


class _CellRun:
    """The non-blank lines from a year cell on, up to the first line that is over 150 characters or
    holds a tab (or the end of the body): the cells of a table printed one per line.

    Read lazily: the rows of a table end long before such a run does when a plan's prose lines are
    short, and ``covers`` only scans as far as the line it is asked about.
    """

    __slots__ = ("ctx", "text", "folded", "lines", "body_end", "pos", "stop")

    def __init__(self, ctx: DocContext, i: int, body_end: int) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.folded = ctx.folded
        self.lines = ctx.norm.lines
        self.body_end = body_end
        self.pos = i  # next line to examine
        self.stop: int | None = None  # the first line after the run, once found

    def _next(self) -> tuple[int, str] | None:
        """The next line of the run and its text; None (and ``stop`` set) at the end of the run."""
        j = self.pos
        lines = self.lines
        if j >= len(lines) or lines[j].start >= self.body_end:
            self.stop = j
            return None
        li = lines[j]
        seg = self.text[li.start : li.end]
        if (len(seg) > 150 or "\t" in seg) and seg.strip():
            self.stop = j
            return None
        self.pos = j + 1
        return j, seg

    def __iter__(self) -> Iterator[tuple[int, Cell]]:
        folded = self.folded
        while self.stop is None:
            nxt = self._next()
            if nxt is None:
                return
            j, seg = nxt
            if seg.strip():  # the cell, stripped as ``_strip_cell`` does
                core = seg.lstrip(" \t*|")
                a = self.lines[j].start + len(seg) - len(core)
                core = core.rstrip(" \t*|:")
                yield j, Cell(core, a, a + len(core), folded[a : a + len(core)])

    def covers(self, k: int) -> bool:
        """Line ``k`` is not after the first line past the run (the original ``k <= j``)."""
        while self.stop is None and self.pos < k:
            self._next()
        return k <= self.stop if self.stop is not None else True


def _cell_per_line_tables(ctx: DocContext) -> list[ScoreTable]:
    """Tables printed one cell per line (blank lines between): a header holding "Năm 2019" cells,
    then rows of [label] name value... ."""
    folded = ctx.folded
    body_end = ctx.body_end if ctx.body_end >= 0 else len(ctx.text)
    year_lines = _year_lines(ctx, ctx.body_start, body_end)
    if not year_lines:
        return []
    lines = ctx.norm.lines
    block_at: dict[int, Block] | None = None
    tables: list[ScoreTable] = []
    done: _CellRun | None = None
    for i in year_lines:
        if done is not None and done.covers(i):
            continue
        li = lines[i]
        if not _YEAR_CELL.match(folded[li.start : li.end].strip()) or "\t" in ctx.text[li.start : li.end]:
            continue
        # cells: non-blank lines around the year cell
        run = _CellRun(ctx, i, body_end)
        cells = iter(run)
        before: list[tuple[int, Cell]] = []
        k = i - 1
        while k >= 0 and len(before) < 3:
            t = ctx.text[lines[k].start : lines[k].end]
            if t.strip():
                if len(t) > 100 or _is_value_cell(t.strip()) or _header_info(ctx.folded[lines[k].start : lines[k].end].strip())[0]:
                    break  # only the label columns' headers ("TT", "Chỉ số nội dung") precede the years
                before.insert(0, (k, _strip_cell(ctx, lines[k].start, lines[k].end)))
            k -= 1
        head: list[str] = [c.f for _, c in before]
        first: list[tuple[int, Cell]] = []  # the cells after the header
        _read_header(cells, head, first)
        slots = _slots_in_order(head)
        done = run
        if not slots:
            continue
        table = ScoreTable(slots, [], "cell_per_line")
        rows: list[tuple[Cell | None, Cell, list[Cell], int]] = []
        label: Cell | None = None
        name: Cell | None = None
        vals: list[Cell] = []
        name_line = -1
        name_lines = 0

        def flush() -> None:
            if name is not None:
                rows.append((label, name, list(vals), name_line))

        for line_no, c in itertools.chain(first, cells):
            s = c.text
            if _is_value_cell(s) and name is not None and len(vals) < len(slots):
                vals.append(c)
                continue
            if _is_row_label(s) and (name is None or vals):
                flush()
                label, name, vals = c, None, []
                continue
            if name is not None and not vals:
                wrapped = _join_cells([name, c])
                if (len(c.text) <= _WRAPPED_NAME_MAX and name_lines < _NAME_MAX_LINES and not _is_value_cell(name.text)
                        and _resolve_name(wrapped)[0]):
                    name, name_lines = wrapped, name_lines + 1  # "Công khai, minh bạch trong việc ra" / "quyết định …"
                    continue
                break  # two text cells in a row: the table is over
            if name is not None:
                flush()
                label, vals = None, []
            name, name_line, name_lines = c, line_no, 1
        else:
            flush()
            name = None
        if name is not None and vals:
            flush()
        for lab, nm, vs, line_no in rows:
            match, total = _resolve_name(nm)
            if block_at is None:
                block_at = {b.line: b for b in ctx.blocks}
            blk = block_at.get(line_no)
            if match is None and not total:
                if vs and not vocab().national.search(nm.f):
                    table.unmapped.append(nm)
                continue
            values: list[Cell | None] = list(vs) if len(vs) == len(slots) else [None] * len(slots)
            if vs and _no_score_fits(slots, vs, match is None):
                continue  # "VIII / Quản trị điện tử / 17 / …" after a time cell "Năm 2024": a task table
            if len(vs) != len(slots):
                table.unmapped.append(nm)
            table.rows.append(ScoreRow(lab, nm, match, total, values, (lab or nm).start,
                                       blk.section if blk else None))
        if table.rows:
            tables.append(table)
    return tables


_WRAPPED_NAME_MAX = 60  # characters of a name cell's later line (a PDF wraps a long name over lines)
_WRAPPED_HEAD_MAX = 30  # characters of a header cell's first line that may wrap onto the next


def _read_header(cells: Iterator[tuple[int, Cell]], head: list[str], first: list[tuple[int, Cell]]) -> None:
    """Append the folded header cells after the first year cell to ``head``, the cells after them to ``first``.

    A PDF prints a narrow column's name over two lines, each a line of its own here: "Tăng (+)," /
    "giảm (-)" and "Chênh lệch" / "so với 2023" are one change column (a line that opens in lower
    case goes on the cell above), "Xếp hạng" / "2022" one rank column (the year repeats a year column
    already read, so it is no column of its own).
    """
    own = len(head)  # cells before this are the label columns' headers, read above the year
    pending: tuple[int, Cell] | None = None  # a short text line that may open a wrapped header cell
    for cell in cells:
        f = cell[1].f
        s = cell[1].text
        y, m = _header_info(f)
        goes_on = len(s) <= _WRAPPED_HEAD_MAX and s[:1].islower() and not _is_row_label(s)
        if pending is not None:
            joined = f"{pending[1].f} {f}"
            if _header_info(joined)[1] is not None and (goes_on or (y, m) == (None, None)):
                head.append(joined)
                pending = None
                continue
            first.extend((pending, cell))
            return
        if goes_on and len(head) > own:
            head[-1] = f"{head[-1]} {f}"
            continue
        if y is None and m is None:
            if len(s) <= _WRAPPED_HEAD_MAX and not _is_row_label(s) and not _is_value_cell(s):
                pending = cell
                continue
            first.append(cell)
            return
        if m is None and _YEAR_CELL.match(f) and len(head) > own:
            py, pm = _header_info(head[-1])
            if py is None and pm is not None and any(_header_info(h)[0] == y for h in head[:-1]):
                head[-1] = f"{head[-1]} {f}"
                continue
        head.append(f)
    if pending is not None:
        first.append(pending)


def _no_score_fits(slots: list[tuple[int, str]], vals: list[Cell], total: bool) -> bool:
    """Every cell under a score column holds a figure no PAPI score can take (above 10 for a
    dimension, 80 for the total), and no other column is filled: the cells are no score row."""
    v = vocab()
    limit = v.max_total if total else v.max_dimension
    scored = False
    for (_, metric), cell in zip(slots, vals, strict=False):
        if metric != "score" or not _CELL_NUM.match(cell.text):
            return False
        if _num(cell.text) <= limit:
            return False
        scored = True
    return scored


# ---------------------------------------------------------------------------------------------
# Transposed tables, one cell per line: years as rows, indicators as columns (a PDF's plain text)

_TRANSPOSED_HEAD = "nam"  # the corner cell over the year column
_HEAD_MAX_LINES = 80  # lines of wrapped column names under the corner cell
_NAME_MAX_LINES = 6  # lines one column name may wrap over
_RANK_CHANGE_CELL = regex.compile(r"^[+\-–]?\s{0,2}\d{1,2}\s{1,2}bac$")


def _transposed_tables(ctx: DocContext) -> list[ScoreTable]:
    """ "Năm" / the column names, each wrapped over several lines / "2021" / its values / "2022" / … /
    "Tăng, giảm" / the changes: a score table with the years as rows, flattened one cell per line.

    The column names are found by splitting the header lines into consecutive runs that each name
    one indicator exactly, the total or the rank (the longest run first); a page's furniture between
    them is skipped. A year row holds one value per column; a change row gives the latest year's changes.
    """
    folded = ctx.folded
    corner = f"\n{_TRANSPOSED_HEAD}\n"
    if corner not in folded:
        return []
    furniture = ctx.page_furniture()
    body_end = ctx.body_end if ctx.body_end >= 0 else len(ctx.text)
    tables: list[ScoreTable] = []
    pos = folded.find(corner, ctx.body_start)
    while 0 <= pos < body_end:
        table = _transposed_at(ctx, ctx.line_of(pos + 1), furniture, body_end)
        if table is not None:
            tables.append(table)
        pos = folded.find(corner, pos + len(corner) - 1)
    return tables


def _cells_from(ctx: DocContext, i: int, furniture: frozenset[int], body_end: int) -> Iterator[tuple[int, Cell]]:
    """(line, cell) of the non-blank lines after line ``i``, page furniture skipped."""
    lines = ctx.norm.lines
    for k in range(i + 1, len(lines)):
        li = lines[k]
        if li.start >= body_end:
            return
        if k in furniture or li.start == li.end or not ctx.text[li.start : li.end].strip():
            continue
        yield k, _strip_cell(ctx, li.start, li.end)


def _transposed_at(ctx: DocContext, i: int, furniture: frozenset[int], body_end: int) -> ScoreTable | None:
    head: list[Cell] = []
    cells = _cells_from(ctx, i, furniture, body_end)
    first_row: tuple[int, Cell] | None = None
    for k, c in cells:
        if _YEAR_CELL.match(c.f) or _is_value_cell(c.text) or len(c.text) > 40:
            first_row = (k, c)
            break
        head.append(c)
        if len(head) > _HEAD_MAX_LINES:
            return None
    if first_row is None or not _YEAR_CELL.match(first_row[1].f) or not head:
        return None
    columns = _split_names(head)
    if columns is None or sum(1 for _, kind, _ in columns if kind == "dim") < 2:
        return None
    ncols = len(columns)
    years: list[tuple[int, list[Cell]]] = []
    changes: list[Cell] | None = None
    pending: tuple[int, Cell] | None = first_row
    label_parts: list[Cell] = []
    while True:
        nxt = pending if pending is not None else next(cells, None)
        pending = None
        if nxt is None:
            break
        _, c = nxt
        ym = _YEAR_CELL.match(c.f)
        if ym is None and not _is_value_cell(c.text) and len(label_parts) < 3 and len(c.text) <= 30:
            label_parts.append(c)  # "Tăng," / "giảm": a change row's label, wrapped
            if _header_info(" ".join(x.f for x in label_parts))[1] == "change":
                vals = _row_values(cells, ncols)
                if vals is None:
                    break
                changes = vals
                label_parts = []
                continue
            continue
        if ym is None or label_parts:
            break
        vals = _row_values(cells, ncols)
        if vals is None:
            break
        years.append((int(ym.group("year")), vals))
    if not years:
        return None
    return _transposed_table(columns, years, changes)


def _row_values(cells: Iterator[tuple[int, Cell]], n: int) -> list[Cell] | None:
    out: list[Cell] = []
    for _, c in cells:
        if not (_is_value_cell(c.text) or _RANK_CHANGE_CELL.match(c.f)):
            return None
        out.append(c)
        if len(out) == n:
            return out
    return None


def _split_names(head: list[Cell]) -> list[tuple[Cell, str, IndicatorMatch | None]] | None:
    """The header lines split into column names (see ``_transposed_tables``), or None."""
    n = len(head)
    memo: dict[int, list[tuple[Cell, str, IndicatorMatch | None]] | None] = {n: []}

    def name_of(a: int, b: int) -> tuple[Cell, str, IndicatorMatch | None] | None:
        text = " ".join(c.text for c in head[a:b])
        cell = Cell(text, head[a].start, head[b - 1].end, fold(text))
        if is_total_cell_folded(cell.f):
            return cell, "total", None
        if len(cell.f.split()) <= 3 and _header_info(cell.f)[1] == "rank":  # "Xếp hạng", "Thứ hạng"
            return cell, "rank", None
        found = find_indicators_folded(cell.f)
        if len(found) == 1 and found[0].exact and found[0].start == 0 and found[0].end >= len(cell.f.rstrip(" .:")):
            return cell, "dim", found[0]
        return None

    def solve(a: int) -> list[tuple[Cell, str, IndicatorMatch | None]] | None:
        if a in memo:
            return memo[a]
        memo[a] = None
        for b in range(min(n, a + _NAME_MAX_LINES), a, -1):  # the longest name first
            got = name_of(a, b)
            if got is not None:
                rest = solve(b)
                if rest is not None:
                    memo[a] = [got, *rest]
                    break
        return memo[a]

    return solve(0)


def _transposed_table(columns: list[tuple[Cell, str, IndicatorMatch | None]], years: list[tuple[int, list[Cell]]],
                      changes: list[Cell] | None) -> ScoreTable:
    rank_col = next((k for k, (_, kind, _) in enumerate(columns) if kind == "rank"), None)
    slots: list[tuple[int, str]] = [(y, "score") for y, _ in years]
    if rank_col is not None:
        slots += [(y, "rank") for y, _ in years]
    latest = max(y for y, _ in years)
    if changes is not None:
        slots.append((latest, "change"))
    table = ScoreTable(slots, [], "transposed")
    for k, (name, kind, match) in enumerate(columns):
        if kind == "rank":
            continue
        values: list[Cell | None] = [vals[k] for _, vals in years]
        if rank_col is not None:
            values += [vals[rank_col] if kind == "total" else None for _, vals in years]
        if changes is not None:
            values.append(changes[k])
        table.rows.append(ScoreRow(None, name, match, kind == "total", values, name.start, None))
    return table


# ---------------------------------------------------------------------------------------------
# Column blocks: pdftotext's default (reading-order) mode prints a ruled table column by column

# a line holding only the total's name ("Tổng điểm", "Tổng cộng", "Chỉ số PAPI"), matched from the newline before it
_TOTAL_LINE = regex.compile(r"\n[ \t]{0,8}(?:tong[^\n]{0,30}|chi so papi[^\n]{0,20})(?=\n)")
_BLOCK_NAMES_MAX = 40  # name lines above the total's line
_BLOCK_LINES_MAX = 160  # lines of value blocks below it
_HEADER_FRAGMENT_MAX = 30  # characters of one line of a wrapped column header ("Tăng (+)," / "giảm (-)")


def _column_block_tables(ctx: DocContext) -> list[ScoreTable]:
    """ "TT" / the numbers / the names, each wrapped over lines, up to "Tổng điểm" / then the value columns: a
    header ("Năm" / "2021") and its values as a block, the block of the next column, and so on. A page's table is
    cut into bands of rows (a tall row starts a band) and each band's columns come left to right, so the blocks
    without a header fill the columns in turn; the table counts only when every column gets one value per name."""
    folded = ctx.folded
    body_end = ctx.body_end if ctx.body_end >= 0 else len(ctx.text)
    if "\ntong" not in folded and "\nchi so papi" not in folded:
        return []
    lines = ctx.norm.lines
    tables: list[ScoreTable] = []
    for hit in _TOTAL_LINE.finditer(folded, ctx.body_start, body_end):
        t = ctx.line_of(hit.start() + 1)
        total = _strip_cell(ctx, lines[t].start, lines[t].end)
        if not is_total_cell_folded(total.f):
            continue
        head: list[Cell] = []
        k = t - 1
        while k >= 0 and len(head) < _BLOCK_NAMES_MAX and ctx.text[lines[k].start : lines[k].end].strip():
            head.insert(0, _strip_cell(ctx, lines[k].start, lines[k].end))
            k -= 1
        names = _split_names([*head, total]) if head else None
        if names is None or sum(1 for _, kind, _ in names if kind == "dim") < 4 or names[-1][1] != "total":
            continue
        table = _value_blocks(ctx, t + 1, names, body_end)
        if table is not None:
            tables.append(table)
    return tables


def _value_blocks(ctx: DocContext, i: int, names: list[tuple[Cell, str, IndicatorMatch | None]],
                  body_end: int) -> ScoreTable | None:
    """The value columns below the names (see ``_column_block_tables``), or None when they do not fill."""
    lines = ctx.norm.lines
    n = len(names)
    headers: list[str] = []
    columns: list[list[Cell]] = []
    pending: list[str] = []  # header lines of the column the next values open
    cur = -1
    fresh = True  # a blank line (or a header) since the last value: the next value starts a block
    for k in range(i, min(len(lines), i + _BLOCK_LINES_MAX)):
        li = lines[k]
        if li.start >= body_end:
            break
        c = _strip_cell(ctx, li.start, li.end)
        if not c.text:
            fresh = True
            continue
        if not _is_value_cell(c.text) or (pending and _YEAR_CELL.match(c.f)):
            if len(c.text) > _HEADER_FRAGMENT_MAX or len(pending) >= 4:
                break  # prose again: the table is over
            pending.append(c.f)  # "Năm" / "2021", "Tăng (+)," / "giảm (-)"
            fresh = True
            continue
        if pending:
            headers.append(" ".join(pending))
            columns.append([])
            cur, pending = len(columns) - 1, []
        elif fresh:
            full = [len(col) >= n for col in columns]
            if not columns or all(full):
                break  # a figure after the last column is full belongs to something else
            cur = next((cur + step) % len(columns) for step in range(1, len(columns) + 1)
                       if not full[(cur + step) % len(columns)])
        if len(columns[cur]) >= n:
            return None
        columns[cur].append(c)
        fresh = False
    if not columns or any(len(col) != n for col in columns):
        return None
    slots = _block_slots(headers)
    if slots is None:
        return None
    table = ScoreTable(slots, [], "column_blocks")
    for r, (name, kind, match) in enumerate(names):
        values: list[Cell | None] = [col[r] for col in columns]
        table.rows.append(ScoreRow(None, name, match, kind == "total", values, name.start, None))
    return table


# ---------------------------------------------------------------------------------------------
# A score table printed as a stream of cells, a blank line after each (pdfminer.six: every cell its own text box):
# "TT Chỉ số nội dung" / the header cells ("Năm 2022", "Năm 2023", "Điểm", "Xếp hạng", …) / the row numbers / the
# names / then every value column in turn, the total's value in its place ("Tổng điểm" printed among them) and a
# column's name where it was printed ("Tăng, giảm điểm"). The figures fill the columns name by name: a table counts
# only when there are as many figures as names times columns, and as many columns as the header names.
# ---------------------------------------------------------------------------------------------

_STREAM_HEAD = regex.compile(r"\n[ \t]{0,8}s?tt[ \t]{1,3}(?:chi so|noi dung|linh vuc)[^\n\d]{0,40}(?=\n)")
_STREAM_CELLS_MAX = 160


def _figure_stream_tables(ctx: DocContext) -> list[ScoreTable]:
    folded = ctx.folded
    body_end = ctx.body_end if ctx.body_end >= 0 else len(ctx.text)
    tables: list[ScoreTable] = []
    for hit in _STREAM_HEAD.finditer(folded, ctx.body_start, body_end):
        table = _figure_stream(ctx, ctx.line_of(hit.start() + 1) + 1, body_end)
        if table is not None:
            tables.append(table)
    return tables


def _stream_cells(ctx: DocContext, i: int, body_end: int) -> list[Cell]:
    """The blank-separated cells from line ``i`` (a cell's lines joined), up to _STREAM_CELLS_MAX."""
    lines = ctx.norm.lines
    cells: list[Cell] = []
    start = end = -1
    for k in range(i, len(lines)):
        li = lines[k]
        if li.start >= body_end or len(cells) >= _STREAM_CELLS_MAX:
            break
        if ctx.text[li.start : li.end].strip():
            start = li.start if start < 0 else start
            end = li.end
            continue
        if start >= 0:
            cells.append(_strip_cell(ctx, start, end))
            start = -1
    if start >= 0 and len(cells) < _STREAM_CELLS_MAX:
        cells.append(_strip_cell(ctx, start, end))
    return cells


def _figure_stream(ctx: DocContext, i: int, body_end: int) -> ScoreTable | None:
    from papi_extract.taxonomy import match_indicator

    cells = _stream_cells(ctx, i, body_end)
    heads: list[tuple[int, tuple[int | None, str | None]]] = []  # (column index it names, header info)
    names: list[tuple[Cell, bool, IndicatorMatch | None]] = []
    figures: list[Cell] = []
    for c in cells:
        if _is_value_cell(c.text) and names:
            figures.append(c)
            continue
        if is_total_cell_folded(c.f):
            names.append((c, True, None))
            continue
        info = _header_info(" ".join(c.f.split()))
        if info != (None, None) and len(c.text) <= _HEADER_FRAGMENT_MAX and (not names or figures):
            heads.append((len(figures), info))  # before the names, or among the figures where its column starts
            continue
        if _BARE_LABEL.match(c.text) and not figures:
            continue  # the row numbers, printed as a column of their own
        if figures:
            break  # prose again
        text = _LEADING_NUMBER.sub("", c.text)
        m = match_indicator(text)
        if m is None:
            if names:
                break
            continue
        names.append((c, False, m))
    n = len(names)
    if n < 4 or not figures or len(figures) % n or sum(1 for _, t, _ in names if not t) < 4:
        return None
    k = len(figures) // n
    slots = _stream_slots(heads, n, k)
    if slots is None:
        return None
    table = ScoreTable(slots, [], "figure_stream")
    for r, (name, total, match) in enumerate(names):
        values: list[Cell | None] = [figures[col * n + r] for col in range(k)]
        table.rows.append(ScoreRow(None, name, match, total, values, name.start, None))
    return table


_BARE_LABEL = regex.compile(r"^\d{1,2}\.?$")
_LEADING_NUMBER = regex.compile(r"^\d{1,2}\.?[ \t]{1,3}")


def _stream_slots(heads: list[tuple[int, tuple[int | None, str | None]]], n: int, k: int) -> list[tuple[int, str]] | None:
    """The k columns' slots from the header cells: the cells before the figures (years spanning the metrics under
    them: "Năm 2022", "Năm 2023" over "Điểm", "Xếp hạng", "Điểm", "Xếp hạng"), then the ones printed among the
    figures, each naming the column that starts there ("Tăng, giảm điểm")."""
    top = [info for at, info in heads if at == 0]
    later = [(at // n, info) for at, info in heads if at > 0]
    years = [y for y, m in top if y is not None and m is None]
    metrics = [m for y, m in top if y is None and m is not None]
    both = [(y, m) for y, m in top if y is not None and m is not None]
    cols: list[tuple[int | None, str]] = [(y, m) for y, m in both]
    if years and metrics and len(metrics) % len(years) == 0:
        per = len(metrics) // len(years)
        cols += [(years[x // per], metrics[x]) for x in range(len(metrics))]
    elif years and not metrics:
        cols += [(y, "score") for y in years]
    elif metrics:
        return None
    for at, (y, m) in later:
        if at != len(cols):
            return None
        cols.append((y, m or "score"))
    known = [y for y, _ in cols if y is not None]
    if len(cols) != k or not known:
        return None
    latest = max(known)
    return [(y if y is not None else latest, m) for y, m in cols]


def _block_slots(headers: list[str]) -> list[tuple[int, str]] | None:
    """One slot per column header (folded): "nam 2021" a score, "tang (+), giam (-)" the latest year's change."""
    infos = [_header_info(h) for h in headers]
    years = [y for y, _ in infos if y is not None]
    if not years:
        return None
    latest = max(years)
    slots: list[tuple[int, str]] = []
    for y, m in infos:
        if y is None and m is None:
            return None
        slots.append((y if y is not None else latest, m or "score"))
    return slots


_TABLE_CACHE: list[object] = [None, None]


def read_score_tables(ctx: DocContext) -> list[ScoreTable]:
    """Score tables of the document (both layouts). Cached for the document being parsed, since
    the indicators stage reads the same tables for its row mentions."""
    if _TABLE_CACHE[0] is ctx.norm and _TABLE_CACHE[1] is not None:
        return _TABLE_CACHE[1]  # type: ignore[return-value]
    tables = _delimited_tables(ctx) + _cell_per_line_tables(ctx) + _transposed_tables(ctx) + _column_block_tables(ctx)
    if not tables and "\n\n" in ctx.text:
        tables = _figure_stream_tables(ctx)  # (cells each followed by a blank line: only where no other layout read)
    if not tables:
        tables = _spaced_row_tables(ctx)  # (rows whose cells lost their walls: only where no other layout read)
    _TABLE_CACHE[0], _TABLE_CACHE[1] = ctx.norm, tables
    return tables


# A header whose cells lost their walls ("TT Chỉ số nội dung Năm 2023 Năm 2024 Tăng, giảm"): its year cells (folded)
_SPACED_YEAR = regex.compile(r"(?<![\p{L}\d])(?:(?:diem\s{1,3})?nam\s{1,3})(?:19|20)\d\d(?!\d)")
# ... and a row of it: an optional label, a name, then its figures ("1 Công khai, minh bạch … 5,21 5,04 -0,17")
_SPACED_FIG_RX = r"[+\-–−]?\d{1,2}(?:[.,]\d{1,4})?|-"  # a figure, or "-" for an empty cell
_SPACED_FIG = regex.compile(_SPACED_FIG_RX)
_SPACED_ROW = regex.compile(
    r"^[ \t]{0,4}(?:(?P<label>\d{1,2}|[IVX]{1,4})\.?[ \t]{1,3})?(?P<name>[^\d\n]{3,160}?)"
    r"(?P<figs>(?:[ \t]{1,3}(?:" + _SPACED_FIG_RX + r")){1,6})[ \t]{0,3}$")
_MAX_SPACED_HEADER = 120  # characters of a header line whose cells lost their walls


def _spaced_row_tables(ctx: DocContext) -> list[ScoreTable]:
    """Score tables whose cells lost their walls, one row per line or paragraph (a PDF converted to HTML prints
    "TT Chỉ số nội dung Năm 2023 Năm 2024 Tăng, giảm" over "1 Công khai, minh bạch … 5,21 5,04 -0,17"): the header's
    year cells and what follows the last give the columns, and each row's trailing figures fill them, one for one.
    A row must name a dimension or the total; the table ends at the first line that is no such row."""
    text, folded = ctx.text, ctx.folded
    if "nam" not in folded:
        return []
    lines = ctx.norm.lines
    tables: list[ScoreTable] = []
    i = 0
    while i < len(lines):
        li = lines[i]
        i += 1
        f = folded[li.start:li.end]
        if len(f) > _MAX_SPACED_HEADER or "nam" not in f:
            continue
        years = list(_SPACED_YEAR.finditer(f))
        if len(years) < 2:
            continue
        rest = _ANY_YEAR.sub("", f)  # the header's words without its years: no figure, few commas
        if rest.count(",") > 2 or any(ch.isdigit() for ch in rest):
            continue
        cuts = [m.start() for m in years] + [len(f)]
        pieces = [(li.start + a, li.start + b) for a, b in zip(cuts, cuts[1:], strict=False)]
        last_year_end = li.start + years[-1].end()
        if text[last_year_end:li.end].strip():  # "… Năm 2024 Tăng, giảm": the column after the last year
            pieces[-1] = (pieces[-1][0], last_year_end)
            pieces.append((last_year_end, li.end))
        cells = [_strip_cell(ctx, a, b) for a, b in pieces]
        cols = _slots_by_column([cells])
        if len(cols) != len(cells):
            continue
        slots = [cols[c] for c in sorted(cols)]
        table = ScoreTable(slots, [], "spaced")
        j = i
        while j < len(lines):
            lj = lines[j]
            row = text[lj.start:lj.end]
            if not row.strip():
                j += 1
                continue
            m = _SPACED_ROW.match(row)
            figs = list(_SPACED_FIG.finditer(row, m.start("figs"), m.end("figs"))) if m else []
            if m is None or len(figs) != len(slots):
                break
            name = _strip_cell(ctx, lj.start + m.start("name"), lj.start + m.end("name"))
            match, total = _resolve_name(name)
            if match is None and not total:
                break
            label = _strip_cell(ctx, lj.start + m.start("label"), lj.start + m.end("label")) if m.group("label") else None
            values: list[Cell | None] = [
                None if x.group() == "-" else Cell(x.group(), lj.start + x.start(), lj.start + x.end(),
                                                   folded[lj.start + x.start():lj.start + x.end()]) for x in figs]
            table.rows.append(ScoreRow(label, name, match, total, values, (label or name).start,
                                       ctx.section_at(lj.start)))
            j += 1
        if len(table.rows) >= 2:
            tables.append(table)
            i = j
    return tables


def _table_facts(ctx: DocContext, table: ScoreTable) -> list[Fact]:
    v = vocab()
    out: list[Fact] = []
    units = table.units or [None] * len(table.slots)
    groups = list(dict.fromkeys((y, u) for (y, _), u in zip(table.slots, units, strict=True)))
    # PAPI results for a year come out the next spring: a column for the plan's own year or later can
    # only hold what the plan aims at
    issued = ctx.issued_year
    for row in table.rows:
        dim, sub = (row.match.dimension, row.match.subdimension) if row.match else (None, None)
        for year, unit in groups:
            kind = "target" if issued is not None and year >= issued else "actual"
            f = Fact(dim, sub, kind, row.start, row.start, "table", year=year, pos=row.start,
                     section=row.section, year_fixed=True, unit=unit if unit is not None else row.unit)
            for (y, metric), u, cell in zip(table.slots, units, row.values, strict=True):
                if y != year or u != unit or cell is None:
                    continue
                s = cell.text
                if metric == "score" and _CELL_NUM.match(s):
                    f.value = _num(s)
                elif metric == "score" and kind == "target" and (fm := _FLOOR_CELL.match(s)) is not None:
                    f.value = _num(fm.group("num"))  # a target column's floor: "≥ 5,20", "Từ 5,20 điểm trở lên"
                elif metric == "score" and kind == "target" and (wm := _WORD_CHANGE.match(s)) is not None \
                        and not wm.group("bac"):
                    # "Tăng 0,1 điểm" in a target column: the rise aimed at, its value not stated
                    f.change = _num(wm.group("num")) * (-1 if wm.group("w").lower() == "giảm" else 1)
                elif metric == "rank" and _CELL_RANK.match(s):
                    rm = _CELL_RANK.match(s)
                    assert rm is not None
                    f.rank = int(rm.group("r"))
                    f.rank_of = int(rm.group("of")) if rm.group("of") else v.provinces_ranked
                elif metric == "change" and _CELL_NUM.match(s):
                    f.change = _num(s)
                elif metric == "change" and (am := v.arrow_change.match(s)) is not None:
                    f.change = _num(am.group("num")) * (-1 if am.group("down") else 1)  # "▼ 0,11"
                elif metric == "change" and (wm := _WORD_CHANGE.match(s)) is not None:
                    f.change = _num(wm.group("num")) * (-1 if wm.group("w").lower() == "giảm" else 1)
                    if wm.group("bac"):  # "Giảm 0,27 điểm, giảm 5 bậc"
                        f.rank_change = int(wm.group("bac")) * (-1 if wm.group("rw").lower() == "giảm" else 1)
                else:
                    continue
                f.end = max(f.end, cell.end)
            limit = v.max_total if dim is None else v.max_dimension
            if f.value is not None and f.value > limit:
                f.value = None
            if f.value is not None or f.rank is not None or f.change is not None:
                out.append(f)
    return out


# A chart written as text, one line per indicator: "Tham gia của người dân ở cấp cơ sở: 2022 – 4,98; 2023 – 5,12"
_SERIES_PAIR = regex.compile(r"(?P<year>(?:19|20)\d\d)\s{0,2}[–—-]\s{0,2}(?P<num>\d{1,2}[.,]\d{1,4})(?![\d.,])")
_SERIES_LINE = regex.compile(
    r"(?P<name>[^:\n]{3,120}):\s{0,3}(?P<pairs>(?:19|20)\d\d\s{0,2}[–—-]\s{0,2}\d{1,2}[.,]\d{1,4}"
    r"(?:\s{0,2};\s{0,3}(?:19|20)\d\d\s{0,2}[–—-]\s{0,2}\d{1,2}[.,]\d{1,4}){1,6})\s{0,3}[.;]?\s{0,3}$"
)


def _series_facts(ctx: DocContext) -> list[Fact]:
    """One actual record per year of each line of a chart written as text ("Name: 2022 – 4,98; 2023 – 5,12"):
    a line that names one indicator (or the total) and gives two or more years' values."""
    v = vocab()
    out: list[Fact] = []
    issued = ctx.issued_year
    for b in ctx.blocks:
        if b.kind not in ("para", "bullet", "item") or len(b.pieces) != 1:
            continue
        m = _SERIES_LINE.match(ctx.text, b.text_start, b.end)
        if m is None:
            continue
        name = ctx.folded[m.start("name") : m.end("name")].strip(" *")
        if is_total_cell_folded(name):
            dim, sub = None, None
        else:
            found = find_indicators_folded(name)
            if len(found) != 1 or not found[0].exact:
                continue
            dim, sub = found[0].dimension, found[0].subdimension
        for p in _SERIES_PAIR.finditer(ctx.text, m.start("pairs"), m.end("pairs")):
            year, value = int(p.group("year")), _num(p.group("num"))
            if value > (v.max_total if dim is None else v.max_dimension):
                continue
            kind = "target" if issued is not None and year >= issued else "actual"
            f = Fact(dim, sub, kind, m.start(), p.end(), "table", year=year, pos=p.start(), section=b.section,
                     year_fixed=True)
            f.value = value
            out.append(f)
    return out


# ---------------------------------------------------------------------------------------------
# Prose


@dataclass(slots=True)
class _Group:
    open: int
    last: int
    facts: list[Fact] = field(default_factory=list)


def _paren_spans(s: str) -> list[tuple[int, int]]:
    """(start, end) of each balanced parenthesis of ``s``, outermost and inner alike (one pass)."""
    out: list[tuple[int, int]] = []
    stack: list[int] = []
    for i, c in enumerate(s):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            out.append((stack.pop(), i + 1))
    return out


def _blank_parens(s: str) -> str:
    """``s`` with the content of balanced parentheses blanked (same length): asides do not count."""
    if "(" not in s:
        return s
    out = list(s)
    depth = 0
    for i, ch in enumerate(s):
        if ch == "(":
            depth += 1
        if depth:
            out[i] = " "
        if ch == ")" and depth:
            depth -= 1
    return "".join(out)


_SENT_MARKS = (".", "!", "?", "…")  # what ``_SENT``'s lookbehind requires right before a break
# Byte mask of the folded text: "1" where an ASCII digit is ("0" elsewhere).
_DIGIT_MASK = bytes(ord("1") if chr(i) in "0123456789" else ord("0") for i in range(256))


def _digit_mask(folded: str, ascii_copy: bytes) -> bytes:
    r""" "1" at every character of ``folded`` that ``\d`` may match, "0" elsewhere (one byte per character).

    The ASCII copy holds "?" for each character that is not ASCII (a few quotes and dashes per plan);
    those that are digits of another script ("٥", "５") are marked one by one."""
    mask = ascii_copy.translate(_DIGIT_MASK)
    if folded.isascii():
        return mask
    out: bytearray | None = None
    i = ascii_copy.find(b"?")
    while i >= 0:
        ch = folded[i]
        if ch != "?" and (ch.isdecimal() or ch.isdigit() or ch.isnumeric()):
            if out is None:
                out = bytearray(mask)
            out[i] = ord("1")
        i = ascii_copy.find(b"?", i + 1)
    return bytes(out) if out is not None else mask


def _sentence_breaks(text: str) -> Iterator[regex.Match[str]]:
    """``_SENT.finditer(text)``, tried only right after a sentence mark: the pattern's lookbehind needs
    one there, and a literal scan finds them far faster than the engine tries every position."""
    cands: list[int] = []
    for ch in _SENT_MARKS:
        i = text.find(ch)
        while i >= 0:
            cands.append(i + 1)
            i = text.find(ch, i + 1)
    cands.sort()
    pos = 0
    for c in cands:
        if c < pos:
            continue
        m = _SENT.match(text, c)
        if m:
            yield m
            pos = m.end()


def _without_furniture(ctx: DocContext) -> str:
    """The folded text with page furniture blanked (offsets kept): a page number printed between two lines of a
    sentence ("… môi trường giảm" / "\f2" / "0,08 điểm") is no figure of it."""
    furniture = ctx.page_furniture()
    if not furniture:
        return ctx.folded
    folded = ctx.folded
    lines = ctx.norm.lines
    parts: list[str] = []
    pos = 0
    for i in sorted(furniture):
        li = lines[i]
        parts.append(folded[pos : li.start])
        parts.append(" " * (li.end - li.start))
        pos = li.end
    parts.append(folded[pos:])
    return "".join(parts)


# "tỉnh Ninh Thuận (cũ)", "huyện Ninh Hải (cũ)": since the 2025 mergers a plan names the former unit it reports on;
# the bracket is part of the name, not an aside that would cut the subject off its figure
_FORMER_UNIT = regex.compile(r"(?<=\p{L}[ \t]{0,2})\((cu|moi)\)")


def _former_units_named(folded: str) -> str:
    """``folded`` with the brackets of "(cũ)" / "(mới)" after a name blanked (offsets kept)."""
    if "(cu)" not in folded and "(moi)" not in folded:
        return folded
    return _FORMER_UNIT.sub(lambda m: f" {m.group(1)} ", folded)


class _Prose:
    """Assembles the facts of one document's sentences."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.v = vocab()
        self.facts: list[Fact] = []
        self.sections = {s.id: s for s in ctx.sections}
        # the subject a lead-in paragraph names ("Chỉ số PAPI của tỉnh … như sau:"), for the list items under it
        self.leadin: tuple[int | None, str | None] | None = None
        # One byte per character of the folded text (offsets unchanged), so the cheap test of every
        # block runs as C-speed ``bytes.find`` over a range, with no slice and no regex.
        self.folded = _former_units_named(_without_furniture(ctx))
        self._ascii = self.folded.encode("ascii", "replace")
        self._digits = _digit_mask(self.folded, self._ascii)
        kws = self.v.keywords
        self._kw = tuple(k.encode("ascii") for k in kws) if all(k.isascii() for k in kws) else None

    def region(self, start: int, end: int, section: str | None) -> None:
        if not self._could(start, end):
            return
        f = self.folded[start:end]
        if not self._maybe(f):
            return
        text = self.ctx.text[start:end]
        pos = 0
        for m in _sentence_breaks(text):
            self.sentence(start + pos, start + m.start(), section)
            pos = m.end()
        if pos == 0:
            self._events(start, end, f, section)  # one sentence: already tested
        else:
            self.sentence(start + pos, end, section)

    def no_digit(self, a: int, b: int) -> bool:
        """folded[a:b] holds no digit (so no figure): the first half of ``_could``, for a caller's loop."""
        return self._digits.find(b"1", a, b) < 0

    def _could(self, a: int, b: int) -> bool:
        """Necessary for ``_maybe(folded[a:b])`` and far cheaper: a possible digit and a keyword in the range."""
        if self._digits.find(b"1", a, b) < 0:
            return False
        if self._kw is None:
            return True
        find = self._ascii.find
        return any(find(k, a, b) >= 0 for k in self._kw)

    def _maybe(self, f: str) -> bool:
        """Cheap test before any pattern runs: a figure needs a digit and a point/rank word."""
        return any(k in f for k in self.v.keywords) and bool(self.v.prefilter.search(f))

    def _resolve(self, a: int, b: int) -> tuple[tuple[int | None, str | None] | None, int]:
        """The subject named in folded[a:b]: the last indicator named (by its name or by its number, "chỉ số
        nội dung 8"), else the total; and where it starts."""
        f = self.folded[a:b]
        numbered = _numbered_subject(f) if ("chi so" in f or "thanh" in f) else None
        if self._bare(f):
            # "chỉ số nội dung 8" is filler words and a number to ``_bare``
            return (numbered[0], a + numbered[1]) if numbered is not None else (None, a)
        hits = search_indicators_folded(f)
        if numbered is not None and (not hits or hits[-1].start < numbered[1]):
            return numbered[0], a + numbered[1]
        if hits:
            h = hits[-1]
            return (h.dimension, h.subdimension), a + h.start
        if len(f) <= 80:
            fz = find_indicators_folded(f.strip(" ,;:-+–"))
            if fz and fz[0].exact is False and fz[0].score >= 0.9:
                off = len(f) - len(f.lstrip(" ,;:-+–"))
                return (fz[0].dimension, fz[0].subdimension), a + off + fz[0].start
        t = search_total_folded(f)
        if t is not None:
            return (None, None), a + t[0]
        return None, a

    def _context_subject(self, section: str | None) -> tuple[int | None, str | None] | None:
        s = self.sections.get(section) if section else None
        if s is not None and s.dimension is not None:
            return (s.dimension, s.subdimension)
        return None

    def sentence(self, a: int, b: int, section: str | None) -> None:
        if not self._could(a, b):
            return
        f = self.folded[a:b]
        if not self._maybe(f):
            return
        self._events(a, b, f, section)

    def _events(self, a: int, b: int, f: str, section: str | None) -> None:
        """Read the facts of the sentence folded[a:b] (``f``), which passed ``_maybe``."""
        v = self.v
        if "papi" not in f and v.other_index.search(f) is not None:
            return  # a sentence about another index (PAR INDEX, SIPAS, DDCI …) states no PAPI figure
        events: list[tuple[int, int, str, regex.Match[str] | None]] = []
        m: regex.Match[str] | None  # a pattern's match below; an event's (None for punctuation) further on
        for m in v.score.finditer(f):
            events.append((m.start(), m.end(), "score", m))
        if "lan luot" in f:
            # "… lần lượt đạt 5,12; 7,26 và 3,31 điểm": the figures before the last share its unit
            for m in _LISTED_FIGURE.finditer(f, f.find("lan luot")):
                events.append((m.start(), m.end(), "score", m))
        for m in v.rank.finditer(f):
            events.append((m.start("word"), m.end(), "rank", m))
        for m in v.rank_change.finditer(f):
            events.append((m.start("verb"), m.end(), "rank_change", m))
        if " tu " in f:
            for m in v.rank_move.finditer(f):
                events.append((m.start(), m.end(), "rank_move", m))
        if not events:
            return
        if "(+" in f or "(-" in f or "( +" in f or "( -" in f:
            for m in _PAREN_CHANGE.finditer(f):
                events.append((m.start("num"), m.end("num"), "paren_change", m))
        if any(c in f for c in v.arrows):
            for m in v.inline_arrow.finditer(f):
                events.append((m.start(), m.end(), "arrow_change", m))
        compares = [(m.start(), m.end(), "compare", m) for m in v.compare.finditer(f)]
        events.extend(compares)
        for ch in _PUNCT_CHARS:  # what ``_PUNCT.finditer`` finds, with C-speed ``str.find``
            i = f.find(ch)
            while i >= 0:
                events.append((i, i + 1, ch, None))
                i = f.find(ch, i + 1)
        events.sort(key=lambda e: (e[0], -e[1]))
        years = self._years(f, compares)
        parens = _paren_spans(f) if "(" in f else []
        tm = v.target.start(f)
        target_at = tm if tm is not None else len(f) + 1  # a figure after a target marker is a target
        objectives = self._in_objectives(section)
        stack = [_Group(0, 0)]
        pending: tuple[Fact, int, int] | None = None  # (fact, compare year, compare end)
        made: list[Fact] = []

        def current() -> Fact | None:
            for g in reversed(stack):
                if g.facts:
                    return g.facts[-1]
            return None

        def new(subject: tuple[int | None, str | None], kind: str, start: int, end: int, pos: int) -> Fact:
            fact = Fact(subject[0], subject[1], kind, a + start, a + end, "prose", pos=pos, section=section)
            stack[-1].facts.append(fact)
            made.append(fact)
            return fact

        last_event_end = 0
        carried: tuple[int | None, str | None] | None = None  # the indicator a figureless clause named
        # "A, B lần lượt đạt 3,30 điểm và 4,00 điểm": the figures go to the names in their order
        resp_at = f.find("lan luot")
        respective: list[tuple[tuple[int | None, str | None], int]] = []
        for s, e, kind, m in events:
            g = stack[-1]
            if kind == "(":
                stack.append(_Group(e, e))
                continue
            if kind == ")":
                if len(stack) > 1:
                    stack.pop()
                continue
            if kind == ";":
                if len(stack) == 1 and not any(g.facts for g in stack):
                    # "Quản trị môi trường giảm liên tục qua 03 năm; năm 2023 đạt 3,16 điểm": a clause
                    # that names an indicator but states no figure hands it to the next clause
                    csubj, _ = self._resolve(a + g.last, a + s)
                    if csubj is not None:
                        carried = csubj
                g.last = e
                continue
            if s < last_event_end:
                continue  # overlaps an event already read
            last_event_end = e
            if kind == "compare":
                cur = current()
                if cur is not None and m is not None:
                    pending = (cur, int(m.group("year")), e)
                    cur.end = max(cur.end, a + e)
                g.last = e
                continue
            cur = current()
            if kind == "paren_change":
                # "Trách nhiệm giải trình với người dân: 4,46 điểm (+0,09)": a signed bare figure in the
                # parenthesis right after a value is that value's change
                assert m is not None
                host = stack[-2].facts[-1] if len(stack) > 1 and stack[-2].facts else None
                if (host is not None and host.change is None and host.value is not None
                        and not f[host.end - a : g.open - 1].strip()):
                    host.change = _num(m.group("num").replace(" ", ""))
                    host.end = max(host.end, a + e)
                g.last = e
                continue
            if kind == "arrow_change":
                # "(5,08 điểm; ↑0,12)", "đạt 4,12 điểm ▼0,05": an arrow-signed figure right after a value is
                # its change (only spaces, a comma or a semicolon between)
                assert m is not None
                host = g.facts[-1] if g.facts else None
                if (host is not None and host.change is None and host.value is not None
                        and not f[host.end - a : s].strip(" ,;")):
                    n = _num(m.group("num"))
                    host.change = n if m.group("up") else -n
                    host.end = max(host.end, a + e)
                g.last = e
                continue
            if kind == "rank_move":
                # "đạt 41,27 điểm, tăng từ vị trí 60/63 năm 2022 lên vị trí 52/63": the figure's rank is the
                # second place; the first is the rank of the year before (or of the year printed after it)
                assert m is not None
                host = cur if cur is not None and cur.rank is None and self._bare(f[g.last : s]) else None
                if host is None:
                    subj, sstart = self._resolve(a + g.last, a + s)
                    if subj is not None and target_at >= s:
                        host = new(subj, "actual", sstart - a, e, a + s)
                if host is not None:
                    dflt = v.provinces_ranked
                    host.rank = int(m.group("r2"))
                    host.rank_of = int(m.group("of2") or m.group("of1") or dflt)
                    host.base_rank = (int(m.group("r1")), int(m.group("of1") or m.group("of2") or dflt))
                    if m.group("y1") and host.base_year is None:
                        host.base_year = int(m.group("y1"))
                    host.end = max(host.end, a + e)
                g.last = e
                continue
            if kind == "rank_change":
                if cur is not None and cur.rank_change is None and m is not None and self._bare(f[g.last : s]):
                    n = int(m.group("n"))
                    cur.rank_change = n if v.verb_class.get(" ".join(m.group("verb").split())) == "up" else -n
                    cur.end = max(cur.end, a + e)
                g.last = e
                continue
            if kind == "rank":
                assert m is not None
                rank = int(m.group("rank"))
                of = int(m.group("of")) if m.group("of") else v.provinces_ranked
                bare = self._bare(f[g.last : s])
                aside_year = len(stack) > 1 and _ANY_YEAR.search(f, g.last, s) is not None
                if (pending is not None and cur is not None and len(stack) > 1
                        and not f[pending[2] : s].strip(" (:")):
                    # "…, tăng 9 bậc so với năm 2020 (xếp thứ 33/63)": the rank of the year compared with
                    base, year, _ = pending
                    host = next((x for x in reversed(made) if x.year_fixed and x.year == year and x.rank is None
                                 and (x.dimension, x.subdimension) == (base.dimension, base.subdimension)), None)
                    if host is None:
                        host = new((base.dimension, base.subdimension), "actual", self._compare_start(f, pending[2]),
                                   e, a + s)
                        host.year, host.year_fixed = year, True
                    host.rank, host.rank_of = rank, of
                    host.end = max(host.end, a + e)
                    pending = None
                elif bare and cur is not None and cur.rank is None and not aside_year:
                    cur.rank, cur.rank_of = rank, of
                    cur.end = max(cur.end, a + e)
                elif bare and cur is not None and _ANY_YEAR.search(f, g.last, s) is not None:
                    # "…, xếp thứ 36/63 (năm 2021 xếp thứ 44/63)": a second rank of the same indicator, for
                    # the year its own clause names (the figure's position picks that year)
                    fact = new((cur.dimension, cur.subdimension), "actual", g.last, e, a + s)
                    fact.rank, fact.rank_of = rank, of
                elif not bare and target_at >= s:  # a rank-only target is not a score
                    subj, sstart = self._resolve(a + g.last, a + s)
                    if subj is not None:
                        fact = new(subj, "actual", sstart - a, e, a + s)
                        fact.rank, fact.rank_of = rank, of
                g.last = e
                continue
            # a figure in points
            assert m is not None
            value = _num(m.group("num"))
            mx = int(m.group("max")) if m.group("max") else None
            ns = m.start("num")
            vm = v.verb_end.search(f, max(g.last, ns - 48), ns)
            verb_start = vm.start() if vm else ns
            vclass = v.verb_class.get(" ".join(vm.group("verb").split())) if vm else None
            if vclass == "down" and vm is not None and vm.group().rstrip().endswith(" con"):
                vclass = "value"  # "giảm còn 0,79 điểm", "giảm xuống còn …": the figure it fell to
            region = f[g.last : verb_start]
            if self._national(f, stack, verb_start):
                g.last = e
                continue
            subj, sstart = self._resolve(a + g.last, a + verb_start)
            unit: str | None = None
            if resp_at >= 0 and g.last <= resp_at < verb_start:
                hits = search_indicators_folded(f[g.last : resp_at])
                if len(hits) >= 2:
                    respective = [((h.dimension, h.subdimension), a + g.last + h.start) for h in hits]
                elif (nl := _NUMBERED_LIST.search(f, g.last, resp_at)) is not None:
                    # "Các chỉ số nội dung 2, 5 và 7 lần lượt đạt 5,12; 7,26 và 3,31 điểm"
                    respective = [((int(d), None), a + nl.start()) for d in _DIGIT.findall(nl.group("nums"))]
                resp_at = -1
            if respective:  # the next figure of the sentence takes the next name
                subj, sstart = respective.pop(0)
            target = target_at < ns
            sign = m.group("num")[:1]
            from_value = vm is not None and "tu" in vm.group(0).split()  # "giảm từ 1,55 điểm …": a start value
            if len(stack) > 1 and (
                (vclass is None and sign in ("+", "-") and not f[g.last : ns].strip())
                or (vclass in ("up", "down") and subj is None and not f[g.last : verb_start].strip())
            ):
                # "Chất lượng bầu cử cơ sở (-0,06 điểm)", "Cung ứng dịch vụ công (tăng 0,09 điểm)": a signed
                # figure or a change in words opening a parenthesis is the change of the indicator named
                # right before the parenthesis
                psubj, pstart = self._resolve(a + stack[-2].last, a + g.open - 1)
                if psubj is not None:
                    fact = new(psubj, "target" if target else "change", pstart - a, e, a + ns)
                    if from_value:
                        # "Cung ứng dịch vụ công (tăng từ 7,38 điểm lên 7,56 điểm)": the value it started from
                        fact.base_value = value
                        if (ym := _PAREN_YEAR.match(f, e)) is not None:
                            fact.base_year = int(ym.group(1))
                    else:
                        fact.change = value if vclass is None else (abs(value) if vclass == "up" else -abs(value))
                    g.last = e
                    continue
            if vclass in ("up", "down"):
                change = abs(value) if vclass == "up" else -abs(value)
                if from_value:
                    # "giảm từ 1,55 điểm xuống 1,48 điểm": 1,55 is the earlier value, not the change
                    host = new(subj, "change", sstart - a, e, a + ns) if subj is not None else (
                        cur if cur is not None and self._bare(region) else None)
                    if host is not None:
                        host.base_value = value
                        if (ym := _PAREN_YEAR.match(f, e)) is not None:
                            host.base_year = int(ym.group(1))
                        host.end = max(host.end, a + e)
                    g.last = e
                    continue
                if subj is not None:
                    fact = new(subj, "target" if target else "change", sstart - a, e, a + ns)
                    fact.change = change
                    fact.objective = objectives  # "X tăng tối thiểu 0,2 điểm" under "MỤC TIÊU": an aim
                elif not self._bare(region):
                    pass  # a subject this parser does not know ("Chỉ số SIPAS tăng …"): not PAPI
                elif cur is not None and cur.change is None:
                    cur.change = change
                    cur.end = max(cur.end, a + e)
                else:
                    ctx_subj = self._context_subject(section)
                    if ctx_subj is not None:
                        fact = new(ctx_subj, "target" if target else "change", g.last + self._lskip(region), e, a + ns)
                        fact.change = change
                g.last = e
                continue
            # a value
            if pending is not None and subj is None and not f[pending[2] : verb_start].strip(" (:"):
                base, year, _ = pending
                cs = self._compare_start(f, pending[2])
                fact = new((base.dimension, base.subdimension), "actual", cs, e, a + ns)
                fact.value, fact.year, fact.year_fixed = value, year, True
                pending = None
                g.last = e
                continue
            pending = None
            if subj is None and vclass is None and len(stack) > 1 and not f[g.last : ns].strip():
                # "…; Chất lượng không khí (0,92 điểm); …": a figure opening a parenthesis is the value
                # of the indicator named right before it (as a signed one is its change, above)
                psubj, pstart = self._resolve(a + stack[-2].last, a + g.open - 1)
                if psubj is not None and value <= (v.max_total if psubj[0] is None else v.max_dimension):
                    # "Quản trị điện tử tăng nhiều nhất (0,21 điểm)": after a superlative of change it is the change
                    sm = v.superlative_change.search(self.folded, max(a + stack[-2].last, a + g.open - 40), a + g.open)
                    fact = new(psubj, "target" if target else ("change" if sm else "actual"), pstart - a, e, a + ns)
                    if sm is None:
                        fact.value = value
                    else:
                        fact.change = -abs(value) if sm.group("down") else abs(value)
                    fact.objective = objectives
                    g.last = e
                    continue
            if subj is None:
                sstart = a + g.last + self._lskip(region)
                # "Tổng điểm PAPI … tăng từ 41,52 điểm (năm 2021) lên 42,07 điểm": the value the change went to
                # is the started record's, however high (below: a bare clause fills it)
                to_value = cur is not None and cur.base_value is not None and cur.value is None
                if not to_value and ((mx is not None and mx > v.max_dimension) or (
                    value > v.max_dimension and search_total_folded(f) is not None
                )):
                    subj = (None, None)  # "đạt 44,53/80 điểm": only the total is out of 80
                elif (not to_value and v.max_dimension < value <= v.max_total
                      and (pm := _PLACE_SUBJECT.search(region)) is not None):
                    # "Năm 2023, tỉnh Đắk Nông đạt 42,37 điểm": the province itself scores only its total
                    subj, sstart = (None, None), a + g.last + pm.start()
                    unit = _former_unit(pm.group())
                elif (not to_value and cur is not None and cur.dimension is not None and value <= v.max_dimension
                      and (pm := _PLACE_SUBJECT.search(region)) is not None
                      and (unit := _former_unit(pm.group())) is not None and unit != cur.unit):
                    # "Chỉ số nội dung 8: tỉnh A (cũ) đạt 2,41 điểm; tỉnh B (cũ) đạt 1,93 điểm": the next former
                    # unit's value of the same indicator
                    subj, sstart = (cur.dimension, cur.subdimension), a + g.last + pm.start()
                elif not self._bare(region):
                    subj = None  # a subject this parser does not know ("Chỉ số SIPAS đạt …"): not PAPI
                elif cur is not None and cur.value is None and cur.kind != "target":
                    cur.value = value
                    if cur.kind == "change":
                        cur.kind = "actual"
                    if cur.base_year is not None and (ym := _PAREN_YEAR.match(f, e)) is not None:
                        cur.year, cur.year_fixed = int(ym.group(1)), True  # "… còn 4,88 điểm (năm 2022)"
                    cur.end = max(cur.end, a + e)
                    g.last = e
                    continue
                elif cur is not None:
                    subj = (cur.dimension, cur.subdimension)  # "năm 2019 đạt …, năm 2020 đạt …"
                elif carried is not None:
                    subj = carried  # "X giảm liên tục; năm 2023 đạt 3,16 điểm"
                elif self.leadin is not None:
                    subj = self.leadin  # "- Năm 2021: 41,85 điểm" under "Chỉ số PAPI của tỉnh … như sau:"
                else:
                    subj = self._context_subject(section)  # "Đạt 5,47/10 điểm" under its heading
            if subj is None:
                g.last = e
                continue
            limit = v.max_total if subj[0] is None else v.max_dimension
            if value > limit or value < 0 or (mx is not None and value > mx):
                g.last = e
                continue
            fact = new(subj, "target" if target else "actual", sstart - a, e, a + ns)
            fact.value = value
            fact.objective = objectives
            fact.unit = unit if unit is not None or subj[0] is not None else _former_unit(region)
            g.last = e
        for fact in made:
            if fact.value is None and fact.rank is None and fact.change is None:
                continue  # "giảm từ 1,55 điểm" with no value after it states nothing usable
            fact.end = self._close_parens(fact.start, fact.end, a + len(f))
            if not fact.year_fixed:
                pos = fact.pos - a
                # a year stated inside a parenthesis is that aside's ("… (năm 2015 đạt 5,55 điểm), xếp thứ …;
                # (4) … đạt 6,02 điểm"): a figure outside it does not take it
                seen = [(o, y) for o, y in years if not any(x <= o < z and not x <= pos < z for x, z in parens)]
                if fact.kind == "target":
                    # "Khắc phục các chỉ số giảm điểm năm 2022; riêng Chỉ số … phấn đấu đạt từ 3,60 điểm": a year
                    # in an earlier clause describes that clause, not the aim
                    cut = f.rfind(";", 0, pos)
                    # ... but a short label before a colon heads every clause ("Mục tiêu năm 2021: … đạt 44,60
                    # điểm; Chỉ số … phấn đấu đạt 3,80 điểm")
                    colon = f.find(":", 0, min(cut, _LABEL_MAX) if cut >= 0 else 0)
                    seen = [(o, y) for o, y in seen if o > cut or 0 <= o < colon]
                fact.year = self._year_for(f, pos, seen)
            self.facts.append(fact)

    def _national(self, f: str, stack: list[_Group], end: int) -> bool:
        """A national-average marker governs the figure: in its own clause, or right before the
        parenthesis it sits in ("cao hơn điểm trung bình cả nước (6,45 điểm)")."""
        nat = self.v.national
        g = stack[-1]
        if nat.search(_blank_parens(f[g.last : end])):
            return True
        if len(stack) > 1 and g.open - 1 >= stack[-2].last:
            return bool(nat.search(_blank_parens(f[stack[-2].last : g.open - 1])))
        return False

    def _bare(self, region: str) -> bool:
        """The region before a figure names nothing (only years, numbers, filler words): the
        figure continues the sentence's subject or the heading's."""
        words = _WORDS.findall(_blank_parens(region))
        return all(w.isdigit() or w in self.v.subject_fillers for w in words)

    @staticmethod
    def _lskip(region: str) -> int:
        return len(region) - len(region.lstrip(" ,;:-+–(\n\t"))

    def _compare_start(self, f: str, end: int) -> int:
        m = None
        for m in self.v.compare.finditer(f, 0, end):
            pass
        return m.start() if m else end

    def _close_parens(self, start: int, end: int, limit: int) -> int:
        """Extend a fact's span to close the parentheses it opened (raw reads as a phrase)."""
        text = self.ctx.text
        depth = text[start:end].count("(") - text[start:end].count(")")
        while depth > 0:
            k = text.find(")", end, limit)
            if k < 0:
                break
            end = k + 1
            depth = text[start:end].count("(") - text[start:end].count(")")
        return end

    def _years(self, f: str, compares: Sequence[tuple[int, int, str, regex.Match[str] | None]]) -> list[tuple[int, int]]:
        """(offset, year) of the years a sentence states, without "so với" years and ranges."""
        out: list[tuple[int, int]] = []
        for m in self.v.year.finditer(f):
            s, e = m.span()
            if any(cs <= s < ce for cs, ce, _, _ in compares):
                continue
            if _RANGE_AFTER.match(f, e) or _RANGE_BEFORE.search(f[max(0, s - 3) : s]):
                continue
            if "hon" in f and self.v.comparative_year.search(f, max(0, s - 24), s) and not f[e : e + 4].lstrip().startswith("("):
                continue  # (but "thấp hơn năm 2022 (43,46 điểm)": the bracket is that year's own figure)
            out.append((s, int(m.group("year"))))
        return out

    @staticmethod
    def _year_for(f: str, pos: int, years: list[tuple[int, int]]) -> int | None:
        """The sentence's year nearest before the figure, else one right after it in the same
        clause ("đạt 5 điểm năm 2020"); a year in a later clause belongs to that clause."""
        before = [y for s, y in years if s < pos]
        if before:
            return before[-1]
        for s, y in years:
            if s >= pos:
                return y if s - pos <= 40 and not _CLAUSE_BREAK.search(f, pos, s) else None
        return None

    def _in_objectives(self, section: str | None) -> bool:
        s = self.sections.get(section) if section else None
        return s is not None and s.kind == "objectives"


# ---------------------------------------------------------------------------------------------
# The stage


# "chỉ số nội dung 8", "chỉ số 4", "chỉ số nội dung thứ 3", "chỉ số thành phần 5.3", "nội dung thành phần 6.4"
# (folded): an indicator named by
# its number; not a count ("8 chỉ số nội dung") nor a figure ("chỉ số 8,5")
_NUMBERED_SUBJECT = regex.compile(
    r"(?<![\p{L}\p{N}])(?:chi\s{1,2}so(?:\s{1,2}(?:noi\s{1,2}dung|thanh\s{1,2}phan))?(?:\s{1,2}thu)?"
    # "nội dung thành phần 6.4": a sub-dimension by its code, without "chỉ số"
    r"|noi\s{1,2}dung\s{1,2}thanh\s{1,2}phan(?=\s{1,2}[1-8]\.[1-6]))\s{1,2}"
    r"([1-8](?:\.[1-6])?)(?![\d]|[.,]\d)")


_FIG = r"\d{1,2},\d{1,4}"
_LISTED_FIGURE = regex.compile(
    rf"(?<![\d,])(?P<num>{_FIG})(?P<max>)(?=\s{{0,2}}(?:[;,]|va)\s{{1,2}}(?:{_FIG}\s{{0,2}}(?:[;,]|va)\s{{1,2}}){{0,6}}"
    rf"{_FIG}\s{{1,2}}diem)")
# the province (or city) as a figure's subject, its name after it (folded): "tỉnh Đắk Nông đạt 42,37 điểm"
_FORMER_COLUMN = regex.compile(r"^(?:(?:tinh|thanh\s{1,2}pho)\s{1,2})?(?P<name>\p{L}[\p{L} ]{1,30}?)\s{0,2}\(cu\)$")


def _former_column(f: str) -> str | None:
    """The former province a folded header cell names ("quang binh (cu)", "tinh tien giang (cu)"), else None."""
    if not f.endswith("(cu)"):
        return None
    m = _FORMER_COLUMN.match(f)
    return " ".join(m.group("name").split()) if m else None


_FORMER_NAME = regex.compile(r"(?:tinh|thanh\s{1,2}pho)\s{1,2}(?P<name>\p{L}[^,;:()]{0,40}?)\s{1,3}cu\s*$")


def _former_row(name: str) -> str | None:
    """A score row named by a former province alone ("Tỉnh Bình Dương (cũ)", folded): its name, else None."""
    if "cu" not in name or len(name) > 60:
        return None
    m = _FORMER_NAME.fullmatch(_former_units_named(name).strip(" *"))
    return " ".join(m.group("name").split()) if m else None


def _former_unit(subject: str) -> str | None:
    """The name of the former province a folded subject ends on ("tinh quang tri  cu "), else None."""
    m = _FORMER_NAME.search(subject)
    return " ".join(m.group("name").split()) if m else None


_PLACE_SUBJECT = regex.compile(r"(?<![\p{L}\p{N}])(?:tinh|thanh\s{1,2}pho)\s{1,2}\p{L}[^,;:()]{0,40}$")
# "chỉ số nội dung 2, 5 và 7" (folded): several dimensions named by number, for "lần lượt"
_NUMBERED_LIST = regex.compile(
    r"(?<![\p{L}\p{N}])chi\s{1,2}so(?:\s{1,2}noi\s{1,2}dung)?\s{1,2}"
    r"(?P<nums>[1-8](?:\s{0,2}(?:,|;|va)\s{0,2}[1-8](?![\d.,]\d)){1,7})(?![\d]|[.,]\d)")
_DIGIT = regex.compile(r"[1-8]")


def _numbered_subject(f: str) -> tuple[tuple[int, str | None], int] | None:
    """The last indicator named by number in the folded clause ``f``, and where it starts."""
    last = None
    for m in _NUMBERED_SUBJECT.finditer(f):
        codes = code_list(m.group(1)) if "." in m.group(1) else ((int(m.group(1)), None),)
        if codes:
            last = (codes[0], m.start())
    return last


def _heading_year(ctx: DocContext, sections: dict[str, Section], sid: str | None, latest: bool = False) -> int | None:
    """The year the headings above a figure state ("… NĂM 2020 SO VỚI NĂM 2019" -> 2020).

    ``latest``: for a change, the last of the years a heading lists ("KẾT QUẢ … NĂM 2022 VÀ NĂM 2023"): a change
    is the later year's, measured against the one before."""
    while sid:
        s = sections.get(sid)
        if s is None:
            break
        y = _title_year(s.title, latest)
        if latest and y is not None and (plan := _plan_year(ctx)) is not None and y > plan:
            y = _title_year(s.title)  # "CHỈ SỐ NĂM 2022 VÀ NHIỆM VỤ NĂM 2024": no survey of a year to come
        if y is not None:
            return y
        sid = s.parent
    return None


@lru_cache(maxsize=4096)
def _title_year(title: str, latest: bool = False) -> int | None:
    v = vocab()
    f = fold(title)
    compares = [(m.start(), m.end()) for m in v.compare.finditer(f)]
    found: int | None = None
    for m in v.year.finditer(f):
        if not any(cs <= m.start() < ce for cs, ce in compares):
            rm = _TITLE_RANGE_END.match(f, m.end())
            if rm is not None and int(m.group("year")) < int(rm.group(1)) <= int(m.group("year")) + 10:
                # "KẾT QUẢ … GIAI ĐOẠN 2021 - 2023": the figures under it speak of the latest year
                return int(rm.group(1))
            if not latest:
                return int(m.group("year"))
            found = max(found or 0, int(m.group("year")))
    return found


_TITLE_RANGE_END = regex.compile(r"\s{0,2}[-–—]\s{0,2}((?:19|20)\d\d)(?!\d)")


def _footnote_contexts(ctx: DocContext, prose: _Prose) -> list[tuple[int, int, int | None, str | None]]:
    """(start, end, year, section) of each footnote paragraph the body cites: the year in force where
    it is cited (the last one stated before the citation in its paragraph, "so với" years aside) and
    the citing block's section. A note's figures belong there, not under the heading it ends up below."""
    out: list[tuple[int, int, int | None, str | None]] = []
    text, folded, blocks = ctx.text, ctx.folded, ctx.blocks
    starts = [b.start for b in blocks]
    for b in blocks:
        label = footnote_label(text[b.text_start : b.text_start + 40])
        if label is None:
            continue
        pos = citation_pos(text, label, b.start)
        if pos is None:
            continue
        k = bisect_right(starts, pos) - 1
        if k < 0:
            continue
        cb = blocks[k]
        out.append((b.start, b.end, _last_year(prose, folded[cb.start : pos]), cb.section))
    return out


def _last_year(prose: _Prose, f: str) -> int | None:
    """The last year the folded text ``f`` states, "so với năm 2022" years and ranges aside."""
    compares = [(m.start(), m.end(), "compare", m) for m in prose.v.compare.finditer(f)]
    years = prose._years(f, compares)
    return years[-1][1] if years else None


_YEAR_WINDOW = 1500  # characters before a figure searched for the year the text is speaking of


def _year_before(ctx: DocContext, prose: _Prose, sections: dict[str, Section], fact: Fact) -> int | None:
    """The last year stated before a figure in its section ("so với năm 2022" years aside), for a
    sentence that names none and a heading that names none either: "Chỉ số PAPI năm 2023 … Trong 8
    chỉ số nội dung, … Quản trị điện tử (3,64 điểm, tăng 0,21 điểm)" speaks of 2023 throughout."""
    sec = sections.get(fact.section) if fact.section else None
    lo = max(sec.span[0] if sec is not None else ctx.body_start, fact.start - _YEAR_WINDOW, 0)
    return _last_year(prose, ctx.folded[lo : fact.start])


def _ancestor_intro_year(ctx: DocContext, prose: _Prose, sections: dict[str, Section], fact: Fact) -> int | None:
    """The year the intro of an enclosing section states, for a figure in a heading that names none ("Kết quả Chỉ số
    PAPI năm 2021 … được ghi kèm tiêu đề mỗi mục dưới đây" over "1. Tham gia … (5,08 điểm; ↑0,12)"): the text between
    an ancestor's heading and its first sub-section speaks of the headings under it."""
    sec = sections.get(fact.section) if fact.section else None
    seen: set[str] = set()
    while sec is not None and sec.parent is not None and sec.parent not in seen:
        seen.add(sec.parent)
        parent = sections.get(sec.parent)
        if parent is None:
            return None
        first = min((x.span[0] for x in sections.values() if x.parent == parent.id), default=sec.span[0])
        lo = max(parent.span[0], first - _YEAR_WINDOW)
        if lo < first and (year := _last_year(prose, ctx.folded[lo:first])) is not None:
            return year
        sec = parent
    return None


def _plan_year(ctx: DocContext) -> int | None:
    if ctx.period is not None:
        return ctx.period.start_year
    return ctx.issued_year


def _agrees(a: Fact, b: Fact) -> bool:
    """No figure the two facts both state differs."""
    return not any(getattr(a, n) is not None and getattr(b, n) is not None and abs(getattr(a, n) - getattr(b, n)) > 1e-6
                   for n in ("value", "change", "rank"))


def _merge(into: Fact, other: Fact) -> None:
    for name in ("value", "rank", "rank_of", "change", "rank_change"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
    if into.method != other.method and other.method not in into.method:
        into.method = f"{into.method}+{other.method}"


def extract_scores(ctx: DocContext) -> None:
    tables = read_score_tables(ctx)
    facts: list[Fact] = []
    for t in tables:
        facts.extend(_table_facts(ctx, t))
        for cell in t.unmapped:
            ctx.warn("W403", f"score table row {cell.text[:60]!r} could not be mapped to an indicator",
                     (cell.start, cell.end))
    if "–" in ctx.text or " - " in ctx.text:
        facts.extend(_series_facts(ctx))  # a chart written as text
    table_cells = {c.start for t in tables for r in t.rows for c in (r.label, r.name, *r.values) if c}
    prose = _Prose(ctx)
    sections = prose.sections
    runin = {b.line: b.start for b in ctx.blocks if b.line in ctx.heading_lines}
    for line_no, sid in ctx.heading_lines.items():
        # figures inside a heading line ("1. Tham gia … (đạt 5,24 điểm)"), up to its run-in content
        line = ctx.norm.lines[line_no]
        prose.region(line.start, min(line.end, runin.get(line_no, line.end)), sid)
    no_digit = prose.no_digit  # most blocks hold no digit: skip them without a call
    for b in ctx.blocks:
        leadin = prose.leadin if b.kind in ("bullet", "item") else None
        if b.kind == "para" and ctx.text[b.text_start : b.end].rstrip().endswith(":"):
            # a lead-in ("Chỉ số PAPI của tỉnh … Kết quả cụ thể như sau:"): its last sentence's subject
            # is the subject of the list items under it that name none
            last = ctx.text.rfind(". ", b.text_start, b.end)
            leadin = prose._resolve(last + 2 if last >= 0 else b.text_start, b.end)[0] or prose._resolve(
                b.text_start, b.end)[0]
        if not (b.kind == "table_row" or no_digit(b.text_start, b.end) or b.text_start in table_cells
                or b.start in table_cells):
            prose.region(b.text_start, b.end, b.section)
        prose.leadin = leadin
    plan_year = _plan_year(ctx)
    notes = _footnote_contexts(ctx, prose) if "[" in ctx.text else []
    for fact in prose.facts:
        if fact.year is None and notes:
            for a, e, year, note_sid in notes:
                if a <= fact.start < e:
                    fact.year, fact.section = year, note_sid
                    break
        if fact.year is None:
            fact.year = _heading_year(ctx, sections, fact.section, latest=fact.kind == "change")
        if fact.year is None and fact.kind in ("actual", "change"):
            fact.year = _year_before(ctx, prose, sections, fact)
        if fact.year is None and fact.kind in ("actual", "change"):
            fact.year = _ancestor_intro_year(ctx, prose, sections, fact)
        if (fact.objective and fact.kind in ("actual", "change")
                and (fact.year is None or plan_year is None or fact.year >= plan_year)):
            fact.kind = "target"  # "Chỉ số … đạt 45 điểm trở lên" under "II. MỤC TIÊU"
        elif (fact.objective and fact.kind == "actual" and fact.value is not None and plan_year is not None
              and vocab().floor.match(ctx.folded, fact.end) is not None):
            # "Hai chỉ số giảm điểm năm 2024 được cải thiện: … đạt từ 4,80 điểm trở lên": a floor to reach in the
            # plan's year; the past year the sentence names is the one it improves on
            fact.kind, fact.year = "target", plan_year
        if fact.year is None and fact.kind == "target":
            fact.year = plan_year
        if (fact.kind == "actual" and fact.year is not None and ctx.issued_year is not None
                and fact.year >= ctx.issued_year and not fact.year_fixed and fact.base_value is None):
            # "góp phần để Chỉ số PAPI của tỉnh năm 2022 đạt từ 42,50 điểm trở lên" in a plan of 2022: a survey's
            # results come out the next spring, so a figure for the plan's own year or later is what it aims at
            fact.kind = "target"
    # value/rank match against records whose year is known (a table cell restated in prose)
    if any(f.year is None for f in prose.facts):
        known: dict[tuple[int | None, str | None, str], list[Fact]] = {}
        for x in facts + prose.facts:
            if x.year is not None:
                known.setdefault((x.dimension, x.subdimension, x.kind), []).append(x)
        for fact in prose.facts:
            if fact.year is not None or (fact.value is None and fact.rank is None):
                continue
            cands = {x.year for x in known.get((fact.dimension, fact.subdimension, fact.kind), ())
                     if (fact.value is None or (x.value is not None and abs(x.value - fact.value) < 1e-6))
                     and (fact.rank is None or x.rank == fact.rank)}
            if len(cands) == 1:
                fact.year = cands.pop()
    if any(f.year is None and f.kind in ("actual", "change") for f in prose.facts):
        # a result stated with no year anywhere near it ("Chỉ số nội dung 4 đạt 5,92 điểm, giảm 0,37 điểm" under a
        # task heading): the survey year of the results the plan states elsewhere, the latest before its own year
        seen = [f.year for f in facts + prose.facts if f.year is not None and f.kind in ("actual", "change")
                and (plan_year is None or f.year < plan_year)]
        if seen:
            latest = max(seen)
            stated = {(f.dimension, f.subdimension, f.kind): f for f in facts + prose.facts if f.year == latest}
            for fact in prose.facts:
                if fact.year is None and fact.kind in ("actual", "change"):
                    other = stated.get((fact.dimension, fact.subdimension, fact.kind))
                    if other is not None and not _agrees(other, fact):
                        continue  # that year's record says otherwise: the figure is of some other year
                    fact.year = latest
    # "giảm từ 1,62 điểm xuống 1,49 điểm": two values and no change printed, so two records: the earlier value is
    # the year before's (or the year printed after it), the change is left unstated as the plan leaves it
    for fact in [x for x in prose.facts if x.base_value is not None and x.value is not None and x.kind == "actual"]:
        year = fact.base_year if fact.base_year is not None else (fact.year - 1 if fact.year is not None else None)
        if year is not None and year != fact.year:
            prose.facts.append(Fact(fact.dimension, fact.subdimension, "actual", fact.start, fact.end, fact.method,
                                    year=year, value=fact.base_value, pos=fact.pos, section=fact.section,
                                    year_fixed=True))
    # "tăng từ vị trí 60/63 năm 2022 lên vị trí 52/63": the place it left is the earlier year's rank
    for fact in [x for x in prose.facts if x.base_rank is not None and x.kind == "actual"]:
        assert fact.base_rank is not None
        year = fact.base_year if fact.base_year is not None else (fact.year - 1 if fact.year is not None else None)
        if year is None or year == fact.year:
            continue
        earlier = next((x for x in prose.facts if x.year == year and x.kind == "actual"
                        and (x.dimension, x.subdimension) == (fact.dimension, fact.subdimension)), None)
        if earlier is None:
            earlier = Fact(fact.dimension, fact.subdimension, "actual", fact.start, fact.end, fact.method,
                           year=year, pos=fact.pos, section=fact.section, year_fixed=True)
            prose.facts.append(earlier)
        if earlier.rank is None:
            earlier.rank, earlier.rank_of = fact.base_rank
    facts.extend(prose.facts)
    merged: dict[tuple[int | None, str | None, int | None, str], Fact] = {}
    units: dict[tuple[tuple[int | None, str | None, int | None, str], str], Fact] = {}
    out: list[Fact] = []
    for fact in facts:
        if fact.year is None:
            ctx.warn("W402", "score figure found but its year could not be determined", (fact.start, fact.end))
            out.append(fact)
            continue
        prev = merged.get(fact.key)
        if fact.unit is not None:
            # two former provinces' facts of one key are two records; a fact naming no province restates the
            # one it agrees with (a table's total row under "tỉnh Phú Yên (cũ) đạt 43,66 điểm")
            prev = units.get((fact.key, fact.unit))
            first = merged.get(fact.key)
            if prev is None and first is not None and first.unit is None and _agrees(first, fact):
                prev = first
                first.unit = fact.unit
                units[(fact.key, fact.unit)] = first
        if prev is None:
            if fact.key not in merged:
                merged[fact.key] = fact
            if fact.unit is not None:
                units[(fact.key, fact.unit)] = fact
            out.append(fact)
        else:
            _merge(prev, fact)
    # a change stated for a fact whose actual value that year is known belongs to the actual record
    # ("Quản trị điện tử tăng 0,26 điểm" below a table giving its 2022 value): one record per fact
    for fact in [x for x in out if x.kind == "change" and x.year is not None]:
        actual = merged.get((fact.dimension, fact.subdimension, fact.year, "actual"))
        if actual is None or (actual.change is not None and abs(actual.change - (fact.change or 0.0)) > 1e-6):
            continue
        if actual.value is None and fact.base_value is not None:
            continue  # "giảm từ 1,55 điểm …" with its own base: keep as written
        _merge(actual, fact)
        out.remove(fact)
    out.sort(key=lambda x: x.start)
    text = ctx.text
    # validated as one list (the same strict checks, ~40% cheaper than a model call per record)
    ctx.scores = _score_list().validate_python([
        {"dimension": x.dimension, "subdimension": x.subdimension, "year": x.year, "value": x.value, "rank": x.rank,
         "rank_of": x.rank_of if x.rank is not None else None, "change": x.change, "rank_change": x.rank_change,
         "kind": x.kind, "method": x.method, "raw": text[x.start : x.end], "span": (x.start, x.end)}
        for x in out
    ])


@lru_cache(maxsize=1)
def _score_list() -> TypeAdapter[list[Score]]:
    return TypeAdapter(list[Score])


STAGE = Stage(
    "scores",
    extract_scores,
    ("norm", "blocks", "sections", "period", "issued_year"),
    ("scores", "warnings"),
)
