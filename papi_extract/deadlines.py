"""Deadlines: every time expression of a task, normalized to ``Deadline`` records.

reads: a piece of the canonical text (a table's time cell, or a task's prose) with its offset and the
plan's period; writes: ``Deadline`` records (``text[span] == raw``), in text order.

The table of docs/annotation.md ("Deadlines") is the specification; its vocabulary (cue words,
quarter numerals, recurrence words) lives in ``data/deadlines.yaml``. Two modes:

* ``cell=True`` -- a table's time column: the whole cell is a time expression, so everything counts
  ("Theo quy định" → unspecified, "Thường xuyên (2021-2025)" → continuous over 2021-2025, a bare
  "2021-2025" → year_range, a bare date → date).
* ``cell=False`` -- prose: only explicit time expressions ("trước ngày 15/8/2021", "trong quý
  III/2021", "Định kỳ hàng quý, 6 tháng, năm", "hàng năm", "thường xuyên", "khi có yêu cầu").
  Incidental years and dates are names, not deadlines: "Kế hoạch năm 2020", "Nghị định … ngày
  24/6/2022", "Luật Tố cáo năm 2018", "giai đoạn 2021-2025" in a title; "theo quy định" in prose is
  manner, not time.

Matching happens on a lowercase copy with unified tone placement ("hoá" = "hóa"), the same length as
the text, so positions found there are positions in the text. Every pattern is linear (bounded
repeats, no nested quantifiers): hostile input (100 kB of digits and slashes) stays fast.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

import regex

from papi_extract.agencies import rebased, retone
from papi_extract.data_files import data_file
from papi_extract.models import Deadline, Period
from papi_extract.normalize import ocr_date_digits
from papi_extract.unmarked import restore_marks


_B = r"(?<![\p{L}\p{N}])"  # word start
_E = r"(?![\p{L}\p{N}])"  # word end
# prose's daily recurrence is a clause of its own ("…; thực hiện hằng ngày.", "…, hằng đêm."), not a noun's
# qualifier ("điện lưới sinh hoạt hàng ngày", "khám, chữa bệnh hằng ngày trong năm")
_DAILY_CLOSES = regex.compile(r"\s{0,3}(?:[.;)]|$)")
_DAILY_OPENS = regex.compile(r"(?:^|[.;,:(]|thực\s{1,3}hiện|duy\s{1,3}trì|vào(?:\s{1,3}buổi\s{1,3}\w{1,6})?)\s{0,3}$")
# … or it closes the sentence after the action's object ("… công khai chỉ số chất lượng không khí trên Cổng … hằng
# ngày."), unless it is part of "sinh hoạt / đời sống hằng ngày" (daily life: "có điện lưới sinh hoạt hàng ngày.")
_DAILY_ENDS = regex.compile(r"\s{0,3}(?:\.\s{0,3}$|\.\s{1,3}\p{Lu}|$)")
_DAILY_LIFE = regex.compile(r"(?:sinh\s{1,3}hoạt|đời\s{1,3}sống|cuộc\s{1,3}sống)\s{1,3}$")
_DATE_NUM = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?(?![\d/])"
_DATE_WORDS = r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?(?:năm|[/\-])\s*(\d{4}))?(?!\d)"
_PAREN = r"\s*\([^()\n]{0,90}\)"
_ORDINAL_WORD = r"(?<![\p{L}])(?:đợt|lần|kỳ|giai\s+đoạn|bước|phần|số|thứ)"
_PAREN_RE = regex.compile(_PAREN)
_DIGIT = regex.compile(r"\d")
_LIST_GAP = regex.compile(r"\s*(?:,|và|;)?\s*")
# between a cue and the years it runs over: "Thường xuyên (2021-2025)", "thường xuyên trong giai đoạn 2024 - 2025"
_OPEN_GAP = regex.compile(r"\s*(?:\(|trong(?:\s+giai\s+đoạn)?|giai\s+đoạn)?\s*")
_CLOSE = regex.compile(r"\s*\)")
# A prose event clause ends where a manner/place/purpose phrase starts ("khi có … theo Điều 125 …").
_DATE_GATE = regex.compile(r"\d\s*[/.\-]\s*\d|\d\s+tháng")
_YEAR_GATE = regex.compile(r"(?:19|20)\d\d")
_TO_YEAR_END = regex.compile(_B + r"từ\s+nay\s+đến\s+(?:cuối|hết)\s+năm(?![\s\w]{0,3}\d)(?!\s+(?:học|nay|sau|tới))")
_BY_YEAR = regex.compile(
    _B + r"(?:(hoàn\s+thành\s+|xong\s+|phấn\s+đấu\s+|bảo\s+đảm\s+|đảm\s+bảo\s+)?đến(?:\s+hết)?|từ\s+nay\s+đến\s+hết"
    r"|chậm\s+nhất(?:\s+là)?(?:\s+đến(?:\s+hết)?)?|muộn\s+nhất|hạn\s+chót)\s+(năm\s+)?((?:19|20)\d{2})(?![\d/])(?!\s*[-–—]\s*\d)"
)
# "đến năm 2025 hoàn thành cơ bản …": the year the work is to be done by
_DONE_AFTER = regex.compile(r"\s{0,3},?\s{0,3}(?:phải\s+|cơ\s+bản\s+)?(?:hoàn\s+thành|xong)(?!\w)")
# a four-digit year that is neither a date's nor the start of a range ("năm 2025", not "2021 - 2025")
_YEAR_ALONE = r"((?:19|20)\d{2})(?![\d/])(?!\s*[-–—]\s*\d)"
# "trước ngày 15/6 và 15/12 hằng năm": days of every year, one recurrence whose period the number of days gives
_DAY_MONTH = r"\d{1,2}\s{0,2}/\s{0,2}\d{1,2}(?!\d)(?!\s{0,2}/\s{0,2}\d)"
_DAYS_EACH_YEAR = regex.compile(
    _B + r"(?:(?:trước|chậm\s+nhất(?:\s+là)?|vào)\s+)?(?:ngày\s+)?" + _DAY_MONTH
    + r"(?:\s{0,3}(?:,|và)\s{0,3}(?:ngày\s+)?" + _DAY_MONTH + r"){1,11}\s{0,3},?\s{0,3}(?:hàng|hằng|mỗi)\s+năm" + _E)
_DAYS_PER_YEAR = {2: "semiannual", 4: "quarterly", 12: "monthly"}
# ("nửa đầu năm 2025", "nửa cuối năm": the same halves)
_HALF_YEAR = regex.compile(_B + r"(?:trong\s+)?(?:(0?6|sáu)\s+tháng|(?:nửa))\s+(đầu|cuối)\s+năm\s+((?:19|20)\d{2})(?!\d)")
# a time cell holding only "6 tháng đầu năm": the plan's year's first half (in prose the words name a report's period)
_HALF_YEAR_CELL = regex.compile(
    r"^\s{0,3}(?:trong\s{1,3})?(?:(0?6|sáu)\s{1,3}tháng|nửa)\s{1,3}(đầu|cuối)\s{1,3}năm\s{0,3}\.?\s{0,3}$")
# "trước ngày 30/6 hằng năm": a day without its year, then the annual recurrence
_ANNUAL_AFTER = regex.compile(r"[\s,]*$")
# "Hai lần một năm (sáu tháng một lần)": a cadence restated in brackets right after it
_RESTATING = regex.compile(r"[ \t]{0,3}\([ \t]{0,3}")
_RESTATED = regex.compile(r"[ \t]{0,3}\)")
# "hằng năm, " before the date; "Báo cáo 6 tháng: trước 10/6" (the report's day, a colon after its period)
_ANNUAL_BEFORE = regex.compile(r"[ \t]{0,2}[,:][ \t]{0,3}(?:(?:trong|vào|hoàn thành)[ \t]{1,3})?")
# "theo kế hoạch [thanh tra | công tác …] năm 2023": a few lower-case words, then the plan's year
_PLAN_YEAR = regex.compile(r"(?:\s+[\p{Ll}]+){0,5}?\s+năm\s+((?:19|20)\d{2})(?!\d)(?!\s*[-–—]\s*\d)")
_EVENT_CUT = regex.compile(r"\s+(?:theo|tại|trên|để|nhằm)\s")


def _lower(s: str) -> str:
    low = s.lower()
    if len(low) != len(s):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in s)
    return retone(low)


def _lower_text(s: str) -> str:
    """``_lower`` of a text to parse; one typed without marks ("Quy III/2024", "Thuong xuyen") gets the vocabulary's
    marks back (``unmarked.restore_marks``, same length), so the finders read it as the marked text."""
    low = _lower(s)
    return restore_marks(low) if low.isascii() else low


def _alt(phrases: list[str] | tuple[str, ...]) -> str:
    """Non-capturing whole-word alternation of phrases (words joined by whitespace), longest first."""
    alts = sorted({r"\s+".join(regex.escape(w) for w in _lower(str(p)).split()) for p in phrases if str(p).strip()},
                  key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


@dataclass(frozen=True, slots=True)
class _Vocab:
    quarters: dict[str, int]
    month_word: regex.Pattern[str]
    month_words: dict[str, int]
    date_in_words: regex.Pattern[str]
    from_onward: regex.Pattern[str]
    glossed_number: regex.Pattern[str]
    half_year_prose: regex.Pattern[str]
    half_year_not_after: regex.Pattern[str]
    count_in_words: regex.Pattern[str]
    number_words: dict[str, int]
    recurrence: regex.Pattern[str]
    recurrence_or_count: regex.Pattern[str]
    recurrence_kind: dict[str, str]
    counts: regex.Pattern[str]
    report_context: regex.Pattern[str]
    list_item: regex.Pattern[str]
    list_kind: dict[str, str]
    annual_noun: regex.Pattern[str]
    rel_day: regex.Pattern[str]
    rel_unit_kind: dict[str, str]
    week_in_period: regex.Pattern[str]
    week_period_kind: dict[str, str]
    by_date: regex.Pattern[str]
    by_month: regex.Pattern[str]
    by_quarter: regex.Pattern[str]
    date_prose: regex.Pattern[str]
    date_cell: regex.Pattern[str]
    quarter: regex.Pattern[str]
    month: regex.Pattern[str]
    month_cue: regex.Pattern[str]
    month_range_end: regex.Pattern[str]  # "từ tháng 7 đến " before the last month of a range
    year_prose: regex.Pattern[str]
    year_cell: regex.Pattern[str]
    year_range: regex.Pattern[str]
    continuous_cell: regex.Pattern[str]
    continuous_prose: regex.Pattern[str]
    continuous_not_after: regex.Pattern[str]
    per_plan: regex.Pattern[str]
    by_cue_words: tuple[str, ...]
    per_plan_not_before: regex.Pattern[str]
    per_term: regex.Pattern[str]
    recurring_unnamed: regex.Pattern[str]
    recurring_daily: regex.Pattern[str]
    weekday_of_month: regex.Pattern[str]
    unspecified: regex.Pattern[str]
    event_prose: regex.Pattern[str]
    event_each_not: regex.Pattern[str]
    event_reform_not: regex.Pattern[str]  # "sau khi sắp xếp đơn vị hành chính": the reorganisation made, no time
    event_cell: regex.Pattern[str]
    before_occasion: regex.Pattern[str]
    emphasis_before: regex.Pattern[str]
    before_step: regex.Pattern[str]
    occasion_delay: regex.Pattern[str]
    campaign_peak: regex.Pattern[str]
    recurrence_gate: tuple[str, ...]
    frequency: regex.Pattern[str]
    frequency_kind: dict[str, str]
    frequency_gate: tuple[str, ...]
    before_year: regex.Pattern[str]
    year_edge: regex.Pattern[str]
    year_edge_kind: dict[str, str]
    year_edge_cue: regex.Pattern[str]
    step_year: regex.Pattern[str]


def _key(s: str) -> str:
    return " ".join(_lower(s).split())


@cache
def _vocab() -> _Vocab:
    d = data_file("deadlines.yaml")
    number_alt = _alt(list(d.get("number_words") or {}))
    rec_kind: dict[str, str] = {}
    for kind, phrases in (d.get("recurrence") or {}).items():
        for p in phrases:
            rec_kind[_key(str(p))] = str(kind)
    list_kind: dict[str, str] = {}
    for kind, phrases in (d.get("list_items") or {}).items():
        for p in phrases:
            list_kind[_key(str(p))] = str(kind)
    unit_kind: dict[str, str] = {}
    for kind, phrases in (d.get("period_units") or {}).items():
        for p in phrases:
            unit_kind[_key(str(p))] = str(kind)
    by_cues = _alt(d.get("by_date_cues") or [])
    prefixes = _alt(d.get("by_date_prefixes") or [])
    not_before = _alt(d.get("count_not_before") or [])
    year_not_before = _alt(d.get("year_not_before") or [])
    recurrence = _B + _alt(list(rec_kind)) + _E
    # a recurrence phrase holds one of these; a phrase holding none becomes a gate of its own
    hints = ("hàng", "hằng", "mỗi", "định kỳ", "lần", "từng", "6 tháng", "sáu tháng")
    gate = set(hints)
    for p in list(rec_kind) + [_key(str(x)) for x in d.get("semiannual_counts") or []]:
        if not any(h in p for h in hints):
            gate.add(p)
    counts = _B + _alt(d.get("semiannual_counts") or []) + _E + rf"(?!\s+{not_before}{_E})"
    freq_kind: dict[str, str] = {}
    for kind, units in (d.get("frequency_units") or {}).items():
        for u in units:
            freq_kind[_key(str(u))] = str(kind)
    links = "|".join(r"\s{0,2}/\s{0,2}" if str(x) == "/" else rf"\s{{1,3}}{regex.escape(_key(str(x)))}\s{{1,3}}"
                     for x in d.get("frequency_links") or [])
    frequency = (_B + r"\d{1,2}\s{1,3}" + _alt(d.get("frequency_counters") or []) + rf"(?:{links or '(?!)'})"
                 # (nor a quarter's Roman number: "ít nhất 01 lần trong quý III/2021" is in that quarter)
                 + rf"({_alt(list(freq_kind))}){_E}(?!\s{{0,3}}[/\-]?\s{{0,3}}(?:\d|[ivx]{{1,4}}(?![\p{{L}}])))")
    return _Vocab(
        quarters={str(k).lower(): int(v) for k, v in (d.get("quarters") or {}).items()},
        recurrence=regex.compile(recurrence),
        recurrence_or_count=regex.compile(recurrence + "|" + counts),
        recurrence_kind=rec_kind,
        counts=regex.compile(counts),
        report_context=regex.compile(_B + _alt(d.get("report_context") or []) + r"\s*$|\(\s*$"),
        list_item=regex.compile(_alt(list(list_kind)) + _E + r"(?!\s*[/\-]?\s*\d)"),
        list_kind=list_kind,
        annual_noun=regex.compile(_B + _alt(d.get("annual_noun_qualifiers") or [])
                                  + rf"(?:\s+(?:cấp\s+)?{_alt(d.get('annual_noun_levels') or [])})?\s*$"),
        rel_day=regex.compile(
            _B + rf"(?:{by_cues}|vào|từ)\s+ngày\s+\d{{1,2}}\s+(?:của\s+)?({_alt(list(unit_kind))}){_E}"
        ),
        rel_unit_kind=unit_kind,
        week_in_period=regex.compile(
            _B + r"tuần\s+" + _alt(d.get("week_positions") or []) + r"\s+(?:của\s+)?(?:mỗi\s+|hàng\s+|hằng\s+|các\s+)?("
            + _alt(list((d.get("week_periods") or {}).keys())) + ")" + _E + r"(?!\s{0,3}[/\-]?\s{0,3}\d)"
        ),
        week_period_kind={_key(str(k)): str(v) for k, v in (d.get("week_periods") or {}).items()},
        frequency=regex.compile(frequency),
        frequency_kind=freq_kind,
        frequency_gate=tuple(_key(str(x)) for x in d.get("frequency_counters") or []),
        by_date=regex.compile(
            _B + rf"(?:({prefixes})\s+)?{by_cues}(?:\s{{0,2}}:)?\s+(?:(?:vào\s+)?ngày\s+)?(?:{_DATE_NUM}|{_DATE_WORDS})"
        ),
        # "trước tháng 10/2024" (by the day before it), "chậm nhất tháng 10/2024", "hạn chót: tháng 10/2024" (group 1:
        # by its end)
        by_month=regex.compile(_B + rf"(?:({_alt(d.get('latest_cues') or [])})|{by_cues})(?:\s{{0,2}}:)?\s+tháng\s+"
                               r"(\d{1,2})\s*(?:[/\-]|năm)\s*(\d{4})(?!\d)"),
        # "chậm nhất quý III/2022" (group 1: by the quarter's end), "trước quý IV/2023" (before it starts); not
        # "(từ quý II) đến hết quý IV/2024", the end of a range of quarters
        by_quarter=regex.compile(
            _B + rf"(?!đến\s)(?:({_alt(d.get('latest_cues') or [])})|{by_cues})(?:\s{{0,2}}:)?\s+(?:trong\s+)?quý\s+"
            r"(iv|iii|ii|i|[1-4])"
            + r"\s*(?:/|năm)\s*(\d{4})(?!\d)"),
        date_prose=regex.compile(_B + rf"{_alt(d.get('date_cues') or [])}\s+(?:{_DATE_NUM}|{_DATE_WORDS})"),
        # "đợt 2 tháng 11/2023" is the second round, in November: a number after an ordinal word is no day
        date_cell=regex.compile(rf"(?<![\d/.\-])(?<!{_ORDINAL_WORD}\s{{1,3}})(?:ngày\s+)?(?:{_DATE_NUM}|{_DATE_WORDS})"),
        # ("Quy 3/2022" typed without its tone mark is the quarter all the same)
        quarter=regex.compile(_B + r"qu[ýy]\s+(" + _alt(list(d.get("quarters") or {})) + ")" + _E + r"(?:\s*(?:[/\-]|năm)\s*(\d{4})(?!\d))?"),
        month=regex.compile(
            # (not after a bare count, "đợt 2 tháng 11"; after a year it is a second time: "Tháng 7/2021 Tháng 12/2021")
            rf"(?:(?<!(?:^|[^\d])\d{{1,2}}\s{{0,2}})|(?<={_ORDINAL_WORD}\s{{1,3}}\d{{1,2}}\s{{1,2}}))"
            rf"(?<!ngày\s{{1,3}}\d{{1,2}}\s{{1,3}})" + _B
            + r"tháng\s+(\d{1,2})(?!\d)(?!\s*[/\-]\s*\d{1,2}\s*[/\-])(?:\s*(?:[/\-]|năm)\s*(\d{4})(?!\d))?"
        ),
        # "tháng Mười hai", "tháng Chín năm 2024": a month in words, its year after it or none
        month_word=regex.compile(_B + r"tháng\s+(" + _alt(list(d.get("month_words") or {})) + ")" + _E
                                 + r"(?:\s*(?:[/\-]|năm)\s*(\d{4})(?!\d))?"),
        month_words={str(k): int(v) for k, v in (d.get("month_words") or {}).items()},
        # "ngày mười lăm tháng sáu", "ngày mồng một tháng Mười (10)", "ngày 10 (mười) tháng 11": a date with its day or
        # month in words (a figure after it in brackets, or words after a figure); "tháng năm" is May here, unless a
        # year in figures follows it ("tháng năm 2024" is no month)
        date_in_words=regex.compile(
            _B + r"ngày\s+(?:" + _alt(d.get("day_prefixes") or []) + r"\s+)?"
            + r"(?:(?P<dw>" + number_alt + r")" + _E + r"(?:\s{0,2}\(\s{0,2}\d{1,2}\s{0,2}\))?"
            + r"|(?P<dn>\d{1,2})(?:\s{0,2}\(\s{0,2}" + number_alt + r"\s{0,2}\))?)"
            + r"\s+tháng\s+(?:(?P<mw>" + _alt([*(d.get("month_words") or {}), "một"]) + r"|năm(?!\s{0,3}\d))" + _E
            + r"(?:\s{0,2}\(\s{0,2}\d{1,2}\s{0,2}\))?"
            + r"|(?P<mn>\d{1,2})(?!\d)(?:\s{0,2}\(\s{0,2}" + _alt([*(d.get("month_words") or {}), "một", "năm"])
            + r"\s{0,2}\))?)"
        ),
        # "hoàn thành trong 6 tháng đầu năm": a half year without its year, done by its end (group 1: which half)
        half_year_prose=regex.compile(_B + _alt(d.get("half_year_cues") or []) + r"\s+trong\s+(?:0?6|sáu)\s+tháng\s+(đầu|cuối)"
                                      + r"\s+năm(?:\s+nay)?" + _E + r"(?!\s{0,3}\d)"),
        half_year_not_after=regex.compile(_B + _alt(d.get("half_year_not_after") or []) + r"\s+$"),
        # "từ tháng 4/2025", "từ ngày 01/8/2024", "Từ 01/6/2025" (a cell), "từ quý III/2021", "từ tháng Sáu năm 2022",
        # "từ quý Hai năm 2023" (groups: month, year | day, month, year | quarter, year)
        from_onward=regex.compile(
            _FROM_ONWARD_HEAD + r"(?:tháng\s+(\d{1,2}|" + _alt(list(d.get("month_words") or {})) + r")\s{0,2}(?:/|năm)"
            r"\s{0,2}((?:19|20)\d{2})|(?:ngày\s+)?(\d{1,2})\s{0,2}/\s{0,2}(\d{1,2})\s{0,2}/\s{0,2}((?:19|20)\d{2})"
            r"|quý\s+(" + _alt(list(d.get("quarters") or {})) + r")\s{0,2}(?:/|năm)\s{0,2}((?:19|20)\d{2}))"
            + _FROM_ONWARD_TAIL),
        # "10 (mười) ngày", "mười (10) ngày", "02 (hai) lần": a figure glossed in words, either way round
        glossed_number=regex.compile(
            r"(?<![\p{L}\d])(?:(?P<f>\d{1,3})\s{0,2}\(\s{0,2}(?P<w>" + number_alt + r")\s{0,2}\)"
            + r"|(?P<w2>" + number_alt + r")\s{0,2}\(\s{0,2}(?P<f2>\d{1,3})\s{0,2}\))"
        ),
        # "sáu tháng một lần", "hai đợt mỗi quý": a count in words before what it counts (not after a word that makes
        # it a name: "quý hai", "lần thứ ba")
        count_in_words=regex.compile(
            r"(?<!" + _alt(d.get("number_names_after") or []) + r"\s{1,3})" + _B + r"(?P<w>"
            + _alt([w for w in d.get("number_words") or {} if w not in (d.get("number_words_not_counts") or [])])
            + r")(?=\s{1,3}" + _alt(d.get("counted_units") or []) + _E + ")"
        ),
        number_words={" ".join(str(k).split()): int(v) for k, v in (d.get("number_words") or {}).items()},
        month_cue=regex.compile(_B + _alt(d.get("month_cues") or []) + r"\s*$"),
        month_range_end=regex.compile(_B + _alt(d.get("month_range_from") or []) + r"\s+tháng\s+\d{1,2}\s{0,3},?\s{0,3}"
                                      + _alt(d.get("month_range_to") or []) + r"\s+$"),
        year_prose=regex.compile(
            _B + _alt(d.get("year_cues") or []) + rf"\s+(\d{{4}})(?!\d)(?!\s*[-–—]\s*\d)(?!\s+{year_not_before})"
        ),
        year_cell=regex.compile(r"(?<![\d/.\-–—])" + _B + r"(?:năm\s+)?((?:19|20)\d{2})(?![\d/])(?!\s*[-–—]\s*\d)"),
        year_range=regex.compile(
            _B + r"(?:(?:giai\s+đoạn|từ\s+năm|từ|năm)\s+)?((?:19|20)\d{2})"
            r"\s*(?:[-–—]|đến(?:\s+năm)?)\s*((?:19|20)\d{2})(?!\d)"
        ),
        continuous_cell=regex.compile(_B + _alt(d.get("continuous") or []) + _E),
        continuous_prose=regex.compile(_B + _alt(d.get("continuous_prose") or []) + _E),
        continuous_not_after=regex.compile(_B + _alt(d.get("continuous_not_after") or []) + r"\s*$"),
        by_cue_words=tuple({_lower(str(c)).split()[0] for c in d.get("by_date_cues") or []}),
        # "theo kế hoạch hằng năm", "theo kế hoạch tuyển dụng hằng năm": a plan made every year
        per_plan=regex.compile(_B + _alt(d.get("per_plan") or []) + _E
                               + r"(\s+(?:\p{Ll}{1,12}\s+){0,3}?(?:hàng|hằng)\s+năm" + _E + ")?"),
        per_plan_not_before=regex.compile(r"\s+" + _alt(d.get("per_plan_not_before") or []) + _E),
        per_term=regex.compile(_B + _alt(d.get("per_term") or []) + _E),
        recurring_unnamed=regex.compile(_B + _alt(d.get("recurring_unnamed") or []) + _E),
        recurring_daily=regex.compile(_B + _alt(d.get("recurring_daily") or []) + _E),
        # "Chủ nhật cuối cùng của tháng", "thứ Hai đầu tiên của tháng": a fixed day of every month (not "của tháng 6")
        weekday_of_month=regex.compile(
            _B + _alt(d.get("weekdays") or []) + r"(?:(?:\s+(?:tuần\s+)?" + _alt(d.get("week_of_month") or []) + r")?"
            r"\s+của|\s+(?:tuần\s+)?" + _alt(d.get("week_of_month") or []) + r")\s+tháng" + _E + r"(?!\s*\d)"),
        unspecified=regex.compile(_B + _alt(d.get("unspecified") or []) + _E),
        event_prose=regex.compile(
            _B + rf"(?:{_alt(d.get('event_openers') or [])}|khi\s+có\s+{_alt(d.get('event_khi_co') or [])})"
            + _E + r"[^.;,()\n]{0,120}"
        ),
        event_reform_not=regex.compile(r"(?:ngay\s+)?sau\s+khi\s+" + _alt(d.get("event_reform_not") or []) + _E),
        event_each_not=regex.compile(r"sau\s+mỗi\s+(?:" + _alt(d.get("event_each_not") or []) + _E
                                     + r"|" + _alt(d.get("event_each_bare") or []) + r"(?!\s{0,3}\p{L}))"),
        event_cell=regex.compile(_B + _alt(d.get("event_cell") or []) + _E + r"[^;\n]{0,200}"),
        emphasis_before=regex.compile(_B + _alt(d.get("occasion_emphasis") or []) + r"\s{1,3}$"),
        # before a step of the work it serves, closing its clause ("lấy ý kiến Nhân dân trước khi phê duyệt chủ trương
        # đầu tư.", "công khai … trước khi huy động;"): an event. Only the steps deadlines.yaml names, at most four words
        # after them, then the clause's end: "trước khi cơ quan có thẩm quyền quyết định" (a subject after it) and
        # "trước khi triển khai các công trình có sự đóng góp của Nhân dân" (what is built, the plan's frame) are not
        before_step=regex.compile(r"(?<!\w)trước\s+khi\s+" + _alt(d.get("before_steps") or []) + _E
                                  + r"(?:[ \t]{1,3}[\p{L}\d]+){0,4}(?=\s{0,2}(?:[.;)(]|$))"),
        before_occasion=regex.compile(
            # "trước mỗi kỳ họp", "trước, trong và sau Tết Nguyên đán …": before (and through) each occasion
            # ("sau Tết Nguyên đán", "sau kỳ họp": right after the occasion, an event as well)
            # (not a season: "đường bị hư hỏng sau mùa mưa" says what happened to the road)
            _B + r"(?:trước(?:\s{0,2},\s{0,2}trong(?:\s+và\s+sau)?|\s+và\s+(?:trong|sau))?"
            + r"|sau(?!\s+" + _alt(d.get("after_occasion_not") or ["(?!)"]) + _E + r")"
            + r"|(?<!" + _alt(d.get("occasion_emphasis") or []) + r"\s{1,3})" + _alt(d.get("occasion_openers") or [])
            + r")\s+(?:mỗi\s+|các\s+)?"
            + _alt(d.get("occasions") or []) + r"(?:\s+nhiệm\s+kỳ)?"
            r"(?:\s+(?:năm\s+)?(?:19|20)\d{2}(?:\s*[-–—/]\s*(?:19|20)\d{2})?(?!\d)"
            # "trước kỳ khảo sát PAPI năm 2022", "trước kỳ bầu tổ trưởng tổ dân phố năm 2025": up to six words
            # name the occasion
            r"|(?:\s+\p{L}{1,10}){1,6}?\s+năm\s+(?:19|20)\d{2}(?!\d)"
            # "trước ngày tựu trường năm học 2025 - 2026": the school year the occasion opens
            r"|\s+năm\s+học\s+(?:19|20)\d{2}\s*[-–—/]\s*(?:19|20)\d{2}(?!\d)"
            # "trước Hội nghị sơ kết 6 tháng", "… tổng kết năm": the review's period is part of its name
            r"|\s+(?:6|06|sáu)\s+tháng(?:\s+đầu\s+năm)?(?![\p{L}\d])|\s+năm(?![\p{L}\d])(?!\s+\d)"
            r"|\s+" + _alt(d.get("lunar_stems") or []) + r"\s+" + _alt(d.get("lunar_branches") or []) + _E
            + r"(?:\s+(?:năm\s+)?(?:19|20)\d{2}(?!\d))?)?" + _E  # "… Giáp Thìn 2024": the lunar year's name and number
        ),
        campaign_peak=regex.compile(
            _B + _alt(d.get("campaign_peaks") or []) + _E
            + r"(?:(?:\s+\p{L}{1,10}){0,6}?\s+năm\s+(?:19|20)\d{2}(?!\d)|(?:\s+\p{L}{1,10}){1,6}(?=\s{0,2}(?:[.;,)]|$)))?"),
        # a delay counted from an occasion: "Trong 15 ngày sau kỳ họp", "trước ngày bầu cử Trưởng thôn 10 ngày",
        # "trước ngày thi ít nhất 30 ngày" (words after "ngày", not a date: the day of an occasion)
        occasion_delay=regex.compile(
            _B + r"(?:(?:trong\s+(?:vòng\s+)?)?\d{1,3}\s+ngày(?:\s+làm\s+việc)?\s+(?:sau|trước)\s+(?:mỗi\s+|các\s+)?"
            + _alt(d.get("occasions") or []) + _E
            + r"|trước\s+ngày\s+(?=\p{L})(?:\p{L}+\s+){1,6}?(?:ít\s+nhất\s+|tối\s+thiểu\s+)?\d{1,3}\s+ngày(?![\p{L}\d/]))"
        ),
        recurrence_gate=tuple(sorted(gate)),
        before_year=regex.compile(_B + _alt(d.get("before_year_cues") or []) + r"\s+năm\s+" + _YEAR_ALONE),
        year_edge=regex.compile(rf"(?<!{_alt(d.get('year_edge_not_after') or [])}\s{{1,3}})" + _B
                                + rf"({_alt(list((d.get('year_edges') or {}).keys()))})\s+năm\s+" + _YEAR_ALONE),
        year_edge_kind={_key(str(k)): str(v) for k, v in (d.get("year_edges") or {}).items()},
        year_edge_cue=regex.compile(r"(?:^|[.;:(]|" + _B + _alt(d.get("year_edge_cues") or []) + r")\s{0,3}$"),
        step_year=regex.compile(_B + r"năm\s+((?:19|20)\d{2})\s{0,3},?\s{0,3}" + _alt(d.get("step_done") or [])
                                + r"\s+\d{1,3}(?:[,.]\d{1,2})?\s{0,2}%"),
    )


@dataclass(slots=True)
class _Rec:
    start: int
    end: int
    kind: str
    begin: dt.date | None = None
    finish: dt.date | None = None
    recurrence: str | None = None
    prio: int = 1
    year_given: bool = True  # a quarter/month/by_date whose year was written


def _date(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> dt.date | None:
    if not 1 <= m <= 12:
        return None
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _plausible(y: int) -> bool:
    return 1990 <= y <= 2100


def _int(s: str | None) -> int | None:
    return int(s) if s else None


_REPORT_CONTEXT_WIDTH = 32  # characters of the longest reporting context ("báo cáo tình hình thực hiện ")


def _before(low: str, pat: regex.Pattern[str], i: int, width: int = 40) -> bool:
    return bool(pat.search(low, max(0, i - width), i))


# ---------------------------------------------------------------------------------------------
# Atom finders (positions in `low`, the matching copy of the text)


# after a list's last period: the clause ends ("6 tháng và cả năm.", "…, năm)")
_LIST_END = regex.compile(r"\s{0,3}(?:[.;,)\n]|$)")


def _period_list_after(low: str, i: int) -> bool:
    """A bare "6 tháng" is a cadence without a reporting word when the periods it lists end the clause ("báo cáo UBND
    huyện (qua Phòng Nội vụ) 6 tháng và cả năm."): the list of periods is the cadence ("trong 6 tháng, năm 2024 …"
    is not a list: a year follows)."""
    v = _vocab()
    sm = _LIST_GAP.match(low, i, i + 12)
    if sm is None or not sm.group().strip():
        return False
    im = v.list_item.match(low, sm.end())
    if im is None or v.list_kind.get(" ".join(im.group().split())) not in ("annual", "quarterly"):
        return False
    return _LIST_END.match(low, im.end()) is not None


def _recurrence_lists(low: str, cell: bool) -> list[_Rec]:
    """ "hàng năm", "Định kỳ hàng quý (…), 6 tháng (…), năm (…)", "(6 tháng, năm, đột xuất)"."""
    v = _vocab()
    out: list[_Rec] = []
    for m in v.recurrence_or_count.finditer(low):
        if out and m.start() < out[-1].end:
            continue
        phrase = " ".join(m.group().split())
        kind = v.recurrence_kind.get(phrase)
        if kind is None:  # a bare "6 tháng": only in a reporting context or a table cell
            if (not cell and not _before(low, v.report_context, m.start(), _REPORT_CONTEXT_WIDTH)
                    and not _period_list_after(low, m.end())):
                continue
            if not cell and _NAMED_REPORT.search(low, max(0, m.start() - 48), m.start()):
                continue  # "trước ngày 10/6/2022 (báo cáo 6 tháng)": which report the date is for
            if (not cell and _REVIEW_BEFORE.search(low, max(0, m.start() - 12), m.start())
                    and _IMPLEMENTATION_AFTER.match(low, m.end())):
                continue  # "sơ kết 6 tháng thực hiện Kế hoạch": the one review after six months
            kind = "semiannual"
        elif kind == "annual" and not cell and _before(low, v.annual_noun, m.start(), 30):
            continue  # "thu, chi ngân sách hàng năm" names the budget, not the task's time
        end = m.end()
        pm = _PAREN_RE.match(low, end, end + 96)
        dated = pm is not None and _FULL_DATE.search(low, pm.start(), pm.end()) is not None
        if pm:
            end = pm.end()
        if not dated:
            out.append(_Rec(m.start(), end, "recurring", recurrence=kind, prio=3))
        # "định kỳ 6 tháng (trước ngày 15/6/2025) và năm (trước ngày 15/11/2025)": each report has its
        # dated deadline, read by the date finders; the period only names which report it is
        # list continuation: ", 6 tháng (…)", ", năm", "và đột xuất"
        while True:
            sm = _LIST_GAP.match(low, end, end + 12)
            j = sm.end() if sm else end
            im = v.list_item.match(low, j)
            if not im or j == end:
                break
            item = " ".join(im.group().split())
            ikind = v.list_kind.get(item)
            if ikind is None:
                break
            iend = im.end()
            pm = _PAREN_RE.match(low, iend, iend + 96)
            if pm:
                iend = pm.end()
            if pm is not None and dated and _FULL_DATE.search(low, pm.start(), pm.end()) is not None:
                end = iend
                continue
            if ikind == "event":
                out.append(_Rec(j, iend, "event", prio=3))
            else:
                out.append(_Rec(j, iend, "recurring", recurrence=ikind, prio=3))
            end = iend
    return out


def _atoms(low: str, cell: bool, year: int | None) -> tuple[list[_Rec], list[tuple[int, int, int, int]]]:
    """All candidate records and the year ranges ("2021-2025") of the text.

    Each finder runs only when a word it needs is in the text (``in`` checks cost nanoseconds, a
    regex pass microseconds; tasks are parsed by the hundred thousand).
    """
    v = _vocab()
    digit = bool(_DIGIT.search(low))
    # cheap gates (a plain search, no word-boundary lookbehind at every position): the date finders
    # need a "d/m" or "d tháng m", the year finders a four-digit year
    dated = digit and bool(_DATE_GATE.search(low))
    year4 = digit and bool(_YEAR_GATE.search(low))
    recs: list[_Rec] = []
    if any(g in low for g in v.recurrence_gate):
        recs.extend(_recurrence_lists(low, cell))
    if digit and "ngày" in low:
        for m in v.rel_day.finditer(low):
            unit = " ".join(m.group(1).split())
            recs.append(_Rec(m.start(), m.end(), "recurring", recurrence=v.rel_unit_kind.get(unit), prio=3))
    if "tuần" in low:
        for m in v.week_in_period.finditer(low):  # "tuần đầu tiên của tháng"
            recs.append(_Rec(m.start(), m.end(), "recurring", recurrence=v.week_period_kind.get(m.group(1)), prio=3))
    if digit and any(w in low for w in v.frequency_gate):
        for m in v.frequency.finditer(low):
            kind = v.frequency_kind.get(" ".join(m.group(1).split()))
            recs.append(_Rec(m.start(), m.end(), "recurring", recurrence=None if kind == "unnamed" else kind, prio=3))
    cue = dated and any(w in low for w in v.by_cue_words)
    for m in (v.by_date.finditer(low) if cue else ()):
        d, mo, y = (m.group(2), m.group(3), m.group(4)) if m.group(2) else (m.group(5), m.group(6), m.group(7))
        yy = _int(y)
        if yy is not None and not _plausible(yy):
            continue
        if yy is None and year is None:
            if _date(2024, int(mo), int(d)) is not None:  # a real day of some (leap) year: end unknown
                recs.append(_Rec(m.start(), m.end(), "by_date", prio=2, year_given=False))
            continue
        due = _date(yy if yy is not None else year, int(mo), int(d))
        if due is None:
            continue  # 30/02 is not a date
        recs.append(_Rec(m.start(), m.end(), "by_date", finish=due, prio=2, year_given=yy is not None))
    for m in (v.by_month.finditer(low) if cue and "tháng" in low else ()):
        y, mo = int(m.group(3)), int(m.group(2))
        month_start = _date(y, mo, 1) if _plausible(y) else None
        if month_start is not None:
            due = _month_end(y, mo) if m.group(1) else month_start - dt.timedelta(days=1)
            recs.append(_Rec(m.start(), m.end(), "by_date", finish=due, prio=2))
    for m in (v.by_quarter.finditer(low) if year4 and "quý" in low and any(w in low for w in v.by_cue_words) else ()):
        q, y = v.quarters.get(m.group(2)), int(m.group(3))
        if q is None or not _plausible(y):
            continue
        first = _date(y, 3 * q - 2, 1)
        due = _month_end(y, 3 * q) if m.group(1) else (first - dt.timedelta(days=1) if first is not None else None)
        recs.append(_Rec(m.start(), m.end(), "by_date", finish=due, prio=2))
    for m in ((v.date_cell if cell else v.date_prose).finditer(low) if dated and (cell or "ngày" in low) else ()):
        d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        yy = _int(y)
        if yy is None:
            if not cell:
                continue
            yy = year
        if yy is None or not _plausible(yy):
            continue
        day = _date(yy, int(mo), int(d))
        if day is None:
            continue
        if cell and _CITED_DATE.search(low, max(0, m.start() - 60), m.start()):
            continue  # "Theo Kế hoạch số 56/KH-UBND ngày 05/3/2024 của UBND huyện": the cited document's date
        recs.append(_Rec(m.start(), m.end(), "date", begin=day, finish=day, prio=1))
    for m in (v.quarter.finditer(low) if "quý" in low or "quy " in low else ()):
        q = v.quarters.get(m.group(1))
        if q is None:
            continue
        yy = _int(m.group(2))
        if yy is not None and not _plausible(yy):
            continue
        recs.append(_Rec(m.start(), m.end(), "quarter", recurrence=str(q), prio=2, year_given=yy is not None,
                         begin=_date(yy, 3 * q - 2, 1) if yy else None,
                         finish=_month_end(yy, 3 * q) if yy else None))
    for m in (_EDGE_QUARTER.finditer(low) if "quý" in low and ("đầu" in low or "cuối" in low) else ()):
        # "Trong quý đầu năm", "hoàn thành trong quý cuối năm 2024": the year's first or last quarter ("quý đầu năm
        # sau": of the year after the plan's)
        yy = _int(m.group(2))
        if m.group(3) is not None:
            if year is None:
                continue
            yy = year + 1
        if (yy is not None and not _plausible(yy)) or (not cell and not _before(low, v.year_edge_cue, m.start(), 24)):
            continue
        q = 1 if m.group(1).startswith("đầu") else 4
        recs.append(_Rec(m.start(), m.end(), "quarter", recurrence=str(q), prio=3, year_given=yy is not None,
                         begin=_date(yy, 3 * q - 2, 1) if yy else None,
                         finish=_month_end(yy, 3 * q) if yy else None))
    for m in (v.month.finditer(low) if digit and "tháng" in low else ()):
        mo, yy = int(m.group(1)), _int(m.group(2))
        if not 1 <= mo <= 12 or (yy is not None and not _plausible(yy)):
            continue
        if (yy is None and not cell and not _before(low, v.month_cue, m.start() + len("tháng"), 30)
                and not _before(low, v.month_range_end, m.start(), 40)):
            continue  # a month without year in prose needs "trong tháng", "vào tháng", "từ tháng 7 đến" ...
        recs.append(_Rec(m.start(), m.end(), "month", recurrence=str(mo), prio=2, year_given=yy is not None,
                         begin=_date(yy, mo, 1) if yy else None, finish=_month_end(yy, mo) if yy else None))
    for m in (v.month_word.finditer(low) if "tháng" in low else ()):
        mo, yy = v.month_words.get(" ".join(m.group(1).split()), 0), _int(m.group(2))
        if not 1 <= mo <= 12 or (yy is not None and not _plausible(yy)):
            continue
        if (yy is None and not cell and not _before(low, v.month_cue, m.start() + len("tháng"), 30)
                and not _before(low, v.month_range_end, m.start(), 40)):
            continue  # (as a month in figures: in prose, a cue before it)
        recs.append(_Rec(m.start(), m.end(), "month", recurrence=str(mo), prio=2, year_given=yy is not None,
                         begin=_date(yy, mo, 1) if yy else None, finish=_month_end(yy, mo) if yy else None))
    for m in (_CELL_MONTH.finditer(low) if cell and year4 and "/" in low else ()):
        mo, yy = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12 and _plausible(yy):
            # a time cell's bare "06/2022", "6/ 2022": that month ("tháng" left out)
            recs.append(_Rec(m.start(), m.end(), "month", recurrence=str(mo), prio=2, year_given=True,
                             begin=_date(yy, mo, 1), finish=_month_end(yy, mo)))
    for m in ((v.year_cell if cell else v.year_prose).finditer(low) if year4 and (cell or "năm" in low or "niên độ" in low)
              else ()):
        yy = int(m.group(1))
        if _plausible(yy):
            recs.append(_Rec(m.start(), m.end(), "year", begin=dt.date(yy, 1, 1), finish=dt.date(yy, 12, 31), prio=1))
    for m in (_OPENING_YEAR.finditer(low) if year4 and not cell and "năm" in low else ()):
        yy = int(m.group(1))  # "…: năm 2024 hoàn thành tại 30% số xã; …": the year of a stage of the work
        if _plausible(yy):
            recs.append(_Rec(m.start(), m.end(), "year", begin=dt.date(yy, 1, 1), finish=dt.date(yy, 12, 31), prio=1))
    for m in (_BY_YEAR.finditer(low) if year4 and ("đến" in low or "chậm" in low or "muộn" in low or "hạn" in low)
              else ()):
        if not cell and (m.group(2) is None or (m.group().startswith("đến") and m.group(1) is None
                                                and not _DONE_AFTER.match(low, m.end())
                                                and not ("hết" in m.group() and _YEAR_END_CLOSES.match(low, m.end())))):
            # prose needs "năm" and a completion cue: "Đề án … đến năm 2025", "đến 2025 đạt 90%" name a
            # horizon or a target; "hoàn thành đến năm 2025", "chậm nhất đến hết năm 2024", "từ nay đến
            # hết năm 2025" (a window that closes then), an aim's "phấn đấu / bảo đảm đến năm 2025 …" and
            # "đến năm 2025 hoàn thành …" are deadlines
            continue
        yy = int(m.group(3))
        if _plausible(yy):
            # "đến năm 2025", "chậm nhất đến hết năm 2024": by that year's end
            recs.append(_Rec(m.start(), m.end(), "by_date", finish=dt.date(yy, 12, 31), prio=2))
    for m in (_DAYS_EACH_YEAR.finditer(low) if dated and "năm" in low else ()):
        n = sum(1 for c in m.group() if c == "/")
        recs.append(_Rec(m.start(), m.end(), "recurring", recurrence=_DAYS_PER_YEAR.get(n), prio=3))
    for m in (v.before_year.finditer(low) if year4 and "năm" in low and "tr" in low else ()):
        yy = int(m.group(1))
        if _plausible(yy):
            recs.append(_Rec(m.start(), m.end(), "by_date", finish=dt.date(yy - 1, 12, 31), prio=2))
    for m in (v.year_edge.finditer(low) if year4 and ("cuối" in low or "đầu" in low) else ()):
        yy = int(m.group(2))
        if not _plausible(yy) or (not cell and not _before(low, v.year_edge_cue, m.start(), 24)):
            continue
        if v.year_edge_kind.get(_key(m.group(1))) == "first_quarter":
            recs.append(_Rec(m.start(), m.end(), "quarter", recurrence="1", prio=2,
                             begin=dt.date(yy, 1, 1), finish=dt.date(yy, 3, 31)))
        else:
            recs.append(_Rec(m.start(), m.end(), "by_date", finish=dt.date(yy, 12, 31), prio=2))
    for m in (v.step_year.finditer(low) if year4 and "%" in low else ()):
        yy = int(m.group(1))
        if _plausible(yy):
            recs.append(_Rec(m.start(), m.end(), "by_date", finish=dt.date(yy, 12, 31), prio=2))
    year_end = dt.date(year, 12, 31) if year is not None and "từ nay" in low else None
    for m in (_TO_YEAR_END.finditer(low) if year_end is not None else ()):
        # "Từ nay đến cuối năm, …": a window closing at the end of the plan's year
        recs.append(_Rec(m.start(), m.end(), "by_date", finish=year_end, prio=2, year_given=False))
    if cell and year is not None and not year4 and (hm := _HALF_YEAR_CELL.match(low)) is not None:
        recs.append(_Rec(hm.start(), hm.end(), "by_date", prio=1, year_given=False,
                         finish=dt.date(year, 6, 30) if hm.group(2) == "đầu" else dt.date(year, 12, 31)))
    for m in (v.half_year_prose.finditer(low) if not cell and year is not None and "tháng" in low else ()):
        if year is None or _before(low, v.half_year_not_after, m.start(), 20):
            continue
        at = m.start() + low[m.start():].index("trong")  # the record is the time ("trong 6 tháng đầu năm"), not the cue
        recs.append(_Rec(at, m.end(), "by_date", prio=1, year_given=False,
                         finish=dt.date(year, 6, 30) if m.group(1) == "đầu" else dt.date(year, 12, 31)))
    for m in (_HALF_YEAR.finditer(low) if year4 and ("tháng" in low or "nửa" in low) else ()):
        yy = int(m.group(3))
        if _plausible(yy):
            # "trong 6 tháng đầu năm 2025": done by the end of that half year (by_date 30/6, 31/12)
            first_half = m.group(2) == "đầu"
            recs.append(_Rec(m.start(), m.end(), "by_date", finish=dt.date(yy, 6, 30) if first_half else dt.date(yy, 12, 31),
                             prio=1))
    gate = "xuyên" in low or "xuyen" in low or (cell and ("liên tục" in low or "thường kỳ" in low))
    for m in ((v.continuous_cell if cell else v.continuous_prose).finditer(low) if gate else ()):
        if not cell and _before(low, v.continuous_not_after, m.start(), 12):
            continue
        recs.append(_Rec(m.start(), m.end(), "continuous", prio=2))
    gate = "kế hoạch" in low or "lộ trình" in low or "tiến độ" in low or "chương trình" in low
    for m in (v.per_plan.finditer(low) if gate else ()):
        if not cell and v.per_plan_not_before.match(low, m.end()):
            continue
        ym = _PLAN_YEAR.match(low, m.end()) if not m.group(1) and digit else None
        if ym and _plausible(int(ym.group(1))):
            # "Theo Kế hoạch thanh tra năm 2023": the plan's year is its time frame (one record)
            yy = int(ym.group(1))
            recs.append(_Rec(m.start(), ym.end(), "per_plan", begin=dt.date(yy, 1, 1), finish=dt.date(yy, 12, 31),
                             prio=2))
            continue
        recs.append(_Rec(m.start(), m.end(), "per_plan", recurrence="annual" if m.group(1) else None, prio=2))
    for m in (v.per_term.finditer(low) if "nhiệm kỳ" in low else ()):
        recs.append(_Rec(m.start(), m.end(), "recurring", prio=2))
    for m in (v.weekday_of_month.finditer(low) if ("của tháng" in low or " tháng" in low and ("chủ nhật" in low or "thứ" in low))
              else ()):
        recs.append(_Rec(m.start(), m.end(), "recurring", recurrence="monthly", prio=2))
    for m in (v.recurring_unnamed.finditer(low) if "tuần" in low else ()):
        recs.append(_Rec(m.start(), m.end(), "recurring", prio=2))
    for m in (v.recurring_daily.finditer(low) if ("ngày" in low or "đêm" in low) else ()):
        if cell or (_DAILY_CLOSES.match(low, m.end())
                    and _DAILY_OPENS.search(low[max(0, m.start() - 16) : m.start()])) or (
                _DAILY_ENDS.match(low, m.end()) and not _DAILY_LIFE.search(low[max(0, m.start() - 16) : m.start()])):
            recs.append(_Rec(m.start(), m.end(), "recurring", prio=2))
    if digit and "kể" in low and "từ" in low:  # ("kể  từ": justified text keeps two spaces)
        for m in _DELAY_AFTER_EVENT.finditer(low):
            end = m.end()
            cut = _EVENT_CUT.search(low, m.start(), end) if not cell else None
            if cut:
                end = cut.start()
            while end > m.start() and low[end - 1] in " .":
                end -= 1  # the sentence's full stop is not the delay's
            recs.append(_Rec(m.start(), end, "event", prio=3))  # "trong 05 ngày làm việc kể từ ngày nhận được …"
    if "sau" in low and digit:
        for m in _AFTER_STRETCH.finditer(low):
            recs.append(_Rec(m.start(), m.end(), "event", prio=3))  # "sau 6 tháng triển khai"
    if "tuần" in low and year4:
        for m in _WEEKS_OF_MONTH.finditer(low):
            wn: str = m.group("n") or m.group("k") or "1"
            weeks = int(wn) if wn.isdigit() else _WEEK_NUMBERS.get(wn, 0)
            yy, mo = int(m.group("y")), int(m.group("m"))
            if 1 <= weeks <= 4 and 1 <= mo <= 12 and _plausible(yy):
                recs.append(_Rec(m.start(), m.end(), "by_date", finish=_date(yy, mo, 7 * weeks), prio=3))
    if "quý" in low and year4 and "tháng" in low:
        for m in _MONTH_OF_QUARTER.finditer(low):
            q, yy = v.quarters.get(m.group("q")), int(m.group("y"))
            place = m.group("p")
            if q is None or not _plausible(yy):
                continue
            mo = 3 * (q - 1) + (1 if place.startswith("đầu") else 3 if place.startswith("cuối") else 2)
            recs.append(_Rec(m.start(), m.end(), "month", recurrence=str(mo), prio=3, begin=_date(yy, mo, 1),
                             finish=_month_end(yy, mo)))
    if "từ" in low and year4 and "năm" in low:
        for m in _MONTH_TO_YEAR_END.finditer(low):
            mo, ya, yb = int(m.group("m")), int(m.group("y0")), int(m.group("y1"))
            if 1 <= mo <= 12 and _plausible(ya) and ya <= yb <= ya + 10:
                recs.append(_Rec(m.start(), m.end(), "continuous", begin=_date(ya, mo, 1), finish=dt.date(yb, 12, 31),
                                 prio=3))
    if "trong" in low and "ngày" in low:
        for m in _SAME_DAY.finditer(low):
            end = m.end()
            while end > m.start() and low[end - 1] in " .":
                end -= 1
            recs.append(_Rec(m.start(), end, "event", prio=3))  # "ngay trong ngày làm việc khi người dân nộp đủ hồ sơ"
    if cell:
        for m in (v.unspecified.finditer(low) if "theo" in low else ()):
            recs.append(_Rec(m.start(), m.end(), "unspecified", prio=0))
        for m in v.event_cell.finditer(low):
            if v.event_each_not.match(low, m.start()):
                continue
            recs.append(_Rec(m.start(), m.end(), "event", prio=2))
        for m in (_WHOLE_YEAR.finditer(low) if "cả năm" in low else ()):
            yy = _int(m.group(1)) or year
            if yy is not None and _plausible(yy) and not v.by_date.match(low, m.start()):
                # "Cả năm", "Cả năm 2025": the whole year (the plan's when the cell gives none)
                recs.append(_Rec(m.start(), m.end(), "year", begin=dt.date(yy, 1, 1), finish=dt.date(yy, 12, 31),
                                 prio=2))
    else:
        for m in (v.event_prose.finditer(low) if ("khi" in low or "sau mỗi" in low) else ()):
            if v.event_each_not.match(low, m.start()):
                continue
            # "… sau khi sắp xếp đơn vị hành chính" inside a clause qualifies its object; fronted ("Sau khi sắp xếp
            # …, UBND cấp xã mới …") it is the task's trigger
            if v.event_reform_not.match(low, m.start()) and not _clause_start(low, m.start()):
                continue
            end = m.end()
            cut = _EVENT_CUT.search(low, m.start(), end)
            if cut:
                end = cut.start()
            while end > m.start() and low[end - 1].isspace():
                end -= 1
            recs.append(_Rec(m.start(), end, "event", prio=2))
    for m in (_QUARTER_RANGE.finditer(low) if "quý" in low else ()):
        q0, q1 = v.quarters.get(m.group(1)), v.quarters.get(m.group(2))
        yy = _int(m.group(3))
        if q0 is None or q1 is None or not q0 < q1 or (yy is not None and not _plausible(yy)):
            continue
        # "Quý II - III/2022": one quarter record per quarter, all with the phrase as raw
        recs.append(_Rec(m.start(), m.end(), "quarters", recurrence=f"{q0}-{q1}", prio=3, year_given=yy is not None,
                         begin=_date(yy, 1, 1) if yy else None))
    for m in (_DATE_SPAN.finditer(low) if "từ" in low and ("đến" in low or "tới" in low) else ()):
        y1, y2 = _int(m.group("y1")), _int(m.group("y2"))
        if y2 is None or not _plausible(y2) or (y1 is not None and not _plausible(y1)):
            continue
        d0 = _date(y1 if y1 is not None else y2, int(m.group("m1")), int(m.group("d1")))
        d1 = _date(y2, int(m.group("m2")), int(m.group("d2")))
        if d0 is None or d1 is None or d0 >= d1:
            continue
        # "từ ngày 15/11 đến ngày 15/12/2024": one span of days, the first date taking the second's year
        recs.append(_Rec(m.start(), m.end(), "date", begin=d0, finish=d1, prio=4))
    for m in (_MONTH_RANGE.finditer(low) if "tháng" in low else ()):
        m0, m1 = int(m.group(1)), int(m.group(2))
        yy = _int(m.group(3))
        if not 1 <= m0 < m1 <= 12 or (yy is not None and not _plausible(yy)):
            continue
        # "Tháng 11 - 12/2024": one month record per month (not the date 11/12/2024)
        recs.append(_Rec(m.start(), m.end(), "months", recurrence=f"{m0}-{m1}", prio=4, year_given=yy is not None,
                         begin=_date(yy, 1, 1) if yy else None))
    for m in (_MONTH_LIST.finditer(low) if "tháng" in low and "," in low else ()):
        months = [int(x) for x in _DIGITS_RE.findall(m.group(1))]
        yy = _int(m.group(2))
        assert yy is not None  # group 2 is the pattern's four digits
        if not all(1 <= a < b <= 12 for a, b in itertools.pairwise(months)) or not _plausible(yy):
            continue
        # "Tháng 8, 9/2024", "tháng 3, 6 và 9/2024": one month record per month, the year shared
        recs.append(_Rec(m.start(), m.end(), "months", recurrence=",".join(map(str, months)), prio=4,
                         year_given=True, begin=_date(yy, 1, 1)))
    if year4:
        for m in _ONWARD_YEAR.finditer(low):
            yy = int(m.group(1) or m.group(2))
            if not cell and (not _NAMED_ONWARD.match(m.group(0)) or not _CLOSES.match(low, m.end())
                             or _named_by_document(low, m.start())):
                # in prose only "năm 2023 và các năm tiếp theo", "từ năm 2023 trở đi" closing the task's
                # sentence, and not a title's: mid-sentence it is a horizon ("Phấn đấu trong năm 2024 và các
                # năm tiếp theo giữ vững thứ hạng")
                continue
            if _plausible(yy):
                # "Năm 2022 và các năm tiếp theo": continuous from that year, open-ended
                recs.append(_Rec(m.start(), m.end(), "continuous", begin=dt.date(yy, 1, 1), prio=3))

    if "từ" in low and digit:
        for m in v.from_onward.finditer(low):
            # "từ tháng 4/2025", "bắt đầu từ ngày 01/01/2026", "Từ 01/6/2025", "từ tháng Sáu năm 2022" with no end
            # after it: continuous from then on ("kể từ ngày …" counts a delay, "từ tháng 4 đến tháng 6/2025" is a
            # range: neither)
            if m.group(1):
                mo = m.group(1)
                mm = int(mo) if mo.isdigit() else v.month_words.get(" ".join(mo.split()), 0)
                yy, dd = int(m.group(2)), 1
            elif m.group(6):
                # "từ quý III/2021", "từ quý Hai năm 2023": from the quarter's first day
                mm, yy, dd = 3 * (v.quarters.get(m.group(6), 1) - 1) + 1, int(m.group(7)), 1
            else:
                dd, mm, yy = int(m.group(3)), int(m.group(4)), int(m.group(5))
            begin = _date(yy, mm, dd) if 1 <= mm <= 12 else None
            if begin is not None and _plausible(yy):
                recs.append(_Rec(m.start(), m.end(), "continuous", begin=begin, prio=3))

    if "năm học" in low:
        # A school year named in a sentence is a time only after a time word: "trước năm học 2024 - 2025"
        # (before it starts: an event), "vào đầu năm học …", "trong năm học 2021-2022" (its calendar
        # years); "các khoản thu đầu năm học 2025 - 2026", "tuyển dụng … năm học 2024 - 2025" name it.
        for m in _SCHOOL_YEAR.finditer(low):
            if cell or m.group(0).startswith("trước") or _SCHOOL_TIME_WORD.search(low, max(0, m.start() - 12), m.start()):
                recs.append(_Rec(m.start(), m.end(), "event", prio=3))
        if not cell:
            for m in _SCHOOL_YEAR_SPAN.finditer(low):
                y0, y1 = int(m.group(1)), int(m.group(2))
                if _plausible(y0) and y0 <= y1 <= y0 + 5 and _SCHOOL_SPAN_WORD.search(low, max(0, m.start() - 12), m.start()):
                    recs.append(_Rec(m.start(), m.end(), "year_range", begin=dt.date(y0, 1, 1),
                                     finish=dt.date(y1, 12, 31), prio=3))
    if "trước" in low or "dịp" in low or "sau" in low:
        for m in v.before_occasion.finditer(low):
            recs.append(_Rec(m.start(), m.end(), "event", prio=3))  # "trước mùa khô 2025 - 2026"
    if "dịp" in low and digit:
        for m in _HOLIDAY.finditer(low):
            if v.emphasis_before.search(low, max(0, m.start() - 16), m.start()):
                continue  # "…, nhất là vào dịp lễ 30/4, 01/5": when the work matters most, no time of its own
            recs.append(_Rec(m.start(), m.end(), "event", prio=4))  # "Dịp 2/9", "vào dịp 30/4 và 1/5": a holiday
    if "cao điểm" in low:
        for m in v.campaign_peak.finditer(low):
            recs.append(_Rec(m.start(), m.end(), "event", prio=3))  # "trong đợt cao điểm cuối năm 2025"
    if "trước khi" in low:
        for m in v.before_step.finditer(low):
            recs.append(_Rec(m.start(), m.end(), "event", prio=3))  # "… trước khi phê duyệt chủ trương đầu tư."
    if "gần nhất" in low:
        for m in _NEXT_MEETING.finditer(low):
            lo = max(low.rfind(";", 0, m.start()), low.rfind(". ", 0, m.start())) + 1
            hi = min((x for x in (low.find(";", m.end()), low.find(". ", m.end())) if x >= 0), default=len(low))
            if _CLAUSE_DATE.search(low, lo, hi):
                continue  # "… tại cuộc họp ấp gần nhất, trong tháng 6/2019": where it is said, the month says when
            recs.append(_Rec(m.start(), m.end(), "event", prio=3))  # "tại cuộc họp thôn gần nhất"
    if digit and "ngày" in low:
        for m in v.occasion_delay.finditer(low):
            recs.append(_Rec(m.start(), m.end(), "event", prio=3))  # "trong 15 ngày sau kỳ họp"
    ranges: list[tuple[int, int, int, int]] = []
    for m in (v.year_range.finditer(low) if year4 else ()):
        y0, y1 = int(m.group(1)), int(m.group(2))
        if _plausible(y0) and _plausible(y1) and y0 <= y1 <= y0 + 30:
            ranges.append((m.start(), m.end(), y0, y1))
    return recs, ranges


# a holiday named by its day and month, no year ("Dịp 2/9", "vào dịp 30/4 và 1/5"): an occasion, not that date
_HOLIDAY = regex.compile(r"(?<!\w)(?:(?:trong|vào)\s+)?dịp\s+(?:lễ\s+)?\d{1,2}\s{0,2}/\s{0,2}\d{1,2}(?![/\d])"
                         r"(?:\s{0,2}(?:,|và)\s{0,2}\d{1,2}\s{0,2}/\s{0,2}\d{1,2}(?![/\d])){0,3}")
# a calendar time in the same clause ("tháng 6/2019", "quý III", "ngày 15/6", "30/6/2024")
_CLAUSE_DATE = regex.compile(r"(?<!\w)(?:tháng|quý|ngày)\s{1,3}(?:\d|[ivx]{1,4}(?!\w))|\d{1,2}/\d{1,2}(?:/\d{2,4})?(?!\d)")
# the next meeting of a body ("tại cuộc họp thôn gần nhất", "tại kỳ họp Hội đồng nhân dân xã gần nhất"): an event
_NEXT_MEETING = regex.compile(r"(?<!\w)(?:tại|trong|vào)\s+(?:cuộc|kỳ|buổi|phiên)\s+họp(?:\s+\p{L}+){0,6}?\s+gần\s+nhất(?!\w)")
# the year's first or last quarter by its place ("quý đầu năm", "quý cuối cùng của năm 2024"), not a school year's
_EDGE_QUARTER = regex.compile(r"(?<!\w)quý\s+(đầu(?:\s+tiên)?|cuối(?:\s+cùng)?)\s+(?:của\s+)?năm"
                              r"(?:\s+((?:19|20)\d{2})(?!\d)|\s+(sau|tới|tiếp\s+theo)(?!\w))?(?!\s+học)(?!\w)")


def _closing_phases(low: str) -> dict[int, int]:
    """Prose: "giai đoạn 2023 - 2025" closing a task's sentence, not a document's or an index's name ("… các
    thôn vùng sâu giai đoạn 2023 - 2025."): the years the task runs over. Keyed by where the phrase and where
    its years start, the value is where "giai đoạn" starts."""
    out: dict[int, int] = {}
    for m in _CLOSING_PHASE.finditer(low):
        y0, y1 = int(m.group(1)), int(m.group(2))
        if _plausible(y0) and y0 <= y1 <= y0 + 10 and not _named_by_document(low, m.start()):
            out[m.start(1)] = out[m.start()] = m.start()  # the range's match may start at either
    for m in _CLAUSE_PHASE.finditer(low):
        # "… tại các khu dân cư trọng điểm trong giai đoạn 2023 - 2025; giải quyết …": "trong" before the phase
        # closing a clause says when the clause's work runs, whatever the sentence goes on with
        y0, y1 = int(m.group(2)), int(m.group(3))
        if _plausible(y0) and y0 <= y1 <= y0 + 10 and not _named_by_document(low, m.start()):
            out[m.start(2)] = out[m.start(1)] = m.start()
    for m in _OPENING_PHASE.finditer(low):
        # "Trong giai đoạn 2022 - 2025, tập trung thực hiện …": the phase opening a sentence frames its work
        g = 1 if m.group(1) is not None else 4
        y0, y1 = int(m.group(g + 1)), int(m.group(g + 2))
        if _plausible(y0) and y0 <= y1 <= y0 + 10:
            out[m.start(g + 1)] = out[m.start(g)] = m.start()
    return out


def _resolve(recs: list[_Rec]) -> list[_Rec]:
    """Keep non-overlapping records: earlier first, then longer, then higher priority."""
    recs.sort(key=lambda r: (r.start, -(r.end - r.start), -r.prio))
    kept: list[_Rec] = []
    for r in recs:
        if kept and r.start < kept[-1].end:
            prev = kept[-1]
            # a stronger record fully inside a weak one (an unspecified cue) replaces it
            if prev.prio == 0 and r.prio > 0:
                kept[-1] = r
            continue
        kept.append(r)
    return kept


_Row = tuple[int, int, str, str | None, str | None, str | None]  # start, end, kind, start, end, recurrence


# a month and year with no "tháng" in a time cell: "06/2022", "6/ 2022" (not the end of a date, "30/6/2022", nor a
# document number, "12/2022/NĐ-CP")
_CELL_MONTH = regex.compile(r"(?<![\p{L}\d/.\-])(\d{1,2})\s{0,2}/\s{0,2}((?:19|20)\d{2})(?![\d/])")

# "Quy II/2025": the quarter with its tone mark lost (OCR). Untoned "quy" is otherwise "quy định", so it
# only counts before a Roman quarter number and a year ("/2025", "năm 2025"); same length, offsets kept.
_UNTONED_QUARTER = regex.compile(r"(?<![\p{L}\d])quy(?=\s{1,3}(?:iv|iii|ii|i)\s{0,3}(?:/|năm)\s{0,3}\d{4}(?!\d))")

# "Quí III/2024", "hàng quí": the older spelling of "quý" (i for y), still typed; before a quarter
# number or after a recurrence word only ("quí báu" is another word). Same length, offsets kept.
_OLD_QUARTER = regex.compile(
    r"(?<![\p{L}\d])quí(?=\s{1,3}(?:iv|iii|ii|i|[1-4])(?![\p{L}\d]))|(?<=(?:hàng|hằng|mỗi|từng)\s{1,3})quí(?![\p{L}\d])"
)


# "truớc", "thuờng", "duới": OCR often drops the horn of "ư" before a horned "ơ" ("ươ" is the only
# Vietnamese spelling there, except after "q" and in "thuở"/"huơ", which no deadline word uses);
# one character for one, offsets kept.
_HORNLESS_U = regex.compile(r"(?<=[^\W\d_q])u(?=[ơớờởỡợ])")


# "trưóc", "thưòng", "dưói": the converse slip, the horn of the "ơ" after "ư" lost ("ưo" is no Vietnamese
# spelling: the pair is always "ươ"); one character for one, offsets kept.
_HORNLESS_O = regex.compile(r"(?<=ư)[oóòỏõọ]")
_HORN_O = str.maketrans("oóòỏõọ", "ơớờởỡợ")


# "Quý lII/2025", "Quý lV/2024": OCR reads the first "I" of a Roman quarter as "l" (same length).
_OCR_QUARTER_L = regex.compile(r"(?<=quý\s{1,3})l(?=[iv]{0,2}\s{0,3}(?:/|năm)\s{0,3}\d{4}(?!\d))")


# "Q3/2023", "Q.II/2022", "T6/2023": a quarter or a month abbreviated before its year. Longer spelled out ("Quý ",
# "tháng "), so the text is rewritten and the records' offsets mapped back to the text as printed.
_ABBREVIATED_PERIOD = regex.compile(
    r"(?<![\p{L}\d./])(?:(?P<q>[Qq])\.?\s{0,2}(?=(?:IV|III|II|I|iv|iii|ii|i|[1-4])\s{0,2}/\s{0,2}(?:19|20)\d{2}(?!\d))"
    r"|(?P<t>[Tt])\.?\s{0,2}(?=(?:0?[1-9]|1[0-2])\s{0,2}/\s{0,2}(?:19|20)\d{2}(?!\d)))"
)
# ... and in a time cell or field, with no year ("Q3", "Q2–Q3", "T8", "T6–T9": a note-style plan's times, read in the
# plan's year as "quý III" and "tháng 8" are); capitals only, and nothing but a range mark or the text's end after it
_BARE_ABBREVIATED_PERIOD = regex.compile(
    r"(?<![\p{L}\d./])(?:(?P<q>Q)\.?\s{0,2}(?=(?:IV|III|II|I|[1-4])(?![\p{L}\d/.]))"
    r"|(?P<t>T)\.?\s{0,2}(?=(?:0?[1-9]|1[0-2])(?![\p{L}\d/.])))"
)
# an hour of the day ("8 giờ 00", "16 giờ", "14h00", "7 giờ 30 phút sáng")
_HOUR = r"\d{1,2}\s{0,2}(?:giờ|h)(?:\s{0,2}\d{2})?(?:\s{1,2}phút)?(?:\s{1,2}(?:sáng|trưa|chiều|tối))?"
# ... before the day it falls on: "(vào) lúc 8 giờ 00 ngày …", "từ 14 giờ 00 đến 17 giờ 00 ngày …" (read "vào ngày …"),
# "trước 16 giờ (00) ngày …" (group "by": read "trước ngày …")
_TIME_OF_DAY = regex.compile(
    r"(?i)(?<![\p{L}\d])(?:(?:vào\s{1,3})?lúc\s{1,3}" + _HOUR + r"|từ\s{1,3}" + _HOUR + r"\s{0,3}(?:đến|-|–)\s{0,3}" + _HOUR
    + r"|(?<=(?:trước|chậm\s{1,3}nhất)\s{1,3})(?P<by>" + _HOUR + r"))\s{1,3}(?=(?:ngày|thứ)\s)")
# "2025-06-30": a date as spreadsheets and databases write it (ISO 8601), read as "30/06/2025"
_ISO_DATE = regex.compile(r"(?<![\d/.\-])((?:19|20)\d\d)-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])(?![\d/\-])")
# a count in words may stand before one of these (a cheap gate before the vocabulary's pattern)
_COUNT_GATE = regex.compile(r"(?i)(?:lần|ngày|buổi|đợt|cuộc|kỳ|tháng|tuần|quý)(?!\w)")
_BARE_PERIOD_CELL = 40  # a time cell this short may write its quarters and months bare ("Q2–Q3", "T6–T9")
_Mark = tuple[int, int, int, int]  # a rewritten piece: its start and end in the text, then in the rewrite


def _rewrites(text: str, cell: bool = False) -> list[tuple[int, int, str]]:
    """The pieces of ``text`` to write in the figures the finders read: an abbreviated period spelled out
    ("Q3/2023" -> "Quý 3/2023"), a date with words written in figures ("ngày mười lăm tháng sáu" -> "ngày 15
    tháng 6"). Cheap gates first: most texts have neither."""
    out: list[tuple[int, int, str]] = []
    if ("/" in text and _DIGIT.search(text) is not None and ("Q" in text or "q" in text or "T" in text or "t" in text)):
        out.extend((m.start(), m.end(), "Quý " if m.group("q") else "tháng ") for m in _ABBREVIATED_PERIOD.finditer(text))
    if cell and ("Q" in text or "T" in text) and len(text) <= _BARE_PERIOD_CELL and _DIGIT.search(text) is not None:
        bare = [(m.start(), m.end(), "Quý " if m.group("q") else "tháng ") for m in _BARE_ABBREVIATED_PERIOD.finditer(text)]
        out.extend(b for b in bare if all(b[0] != o[0] for o in out))
    if ("gày" in text or "GÀY" in text) and ("háng" in text or "HÁNG" in text):
        v = _vocab()
        low = _lower(text)
        for m in v.date_in_words.finditer(low):
            if m.group("dn") is not None and m.group("mn") is not None and "(" not in m.group():
                continue  # a date in figures: nothing to write
            day = int(m.group("dn")) if m.group("dn") is not None else v.number_words[" ".join(m.group("dw").split())]
            if m.group("mn") is not None:
                month = int(m.group("mn"))
            else:
                word = " ".join(m.group("mw").split())
                month = 5 if word == "năm" else 1 if word == "một" else v.month_words[word]
            out.append((m.start(), m.end(), f"ngày {day} tháng {month}"))
    if ("giờ" in text or "h" in text or "GIỜ" in text) and _DIGIT.search(text) is not None:
        # "vào lúc 8 giờ 00 ngày 17/6/2025", "từ 14h00 đến 17h00 ngày 24/7/2025", "trước 16 giờ ngày 19/12/2025": the
        # hour says when in the day, the day is the time (an hour before a weekday likewise: "trước 17 giờ thứ Sáu")
        for m in _TIME_OF_DAY.finditer(text):
            out.append((m.start(), m.end(), "" if m.group("by") else "vào "))
    if "-" in text and _DIGIT.search(text) is not None:
        for m in _ISO_DATE.finditer(text):
            if _date(int(m.group(1)), int(m.group(2)), int(m.group(3))) is not None:
                out.append((m.start(), m.end(), f"{m.group(3)}/{m.group(2)}/{m.group(1)}"))
    if "(" in text:
        v = _vocab()
        for m in v.glossed_number.finditer(_lower(text)):
            figure, word = (m.group("f"), m.group("w")) if m.group("f") is not None else (m.group("f2"), m.group("w2"))
            if int(figure) == v.number_words[" ".join(word.split())]:  # "05 (năm)"; not "3 (hai)", a slip to leave
                out.append((m.start(), m.end(), figure))
    if _COUNT_GATE.search(text) is not None:
        v = _vocab()
        for m in v.count_in_words.finditer(_lower(text)):
            out.append((m.start(), m.end(), str(v.number_words[" ".join(m.group("w").split())])))
    out.sort()
    return out


def _apply_rewrites(text: str, pieces: list[tuple[int, int, str]]) -> tuple[str, list[_Mark]]:
    """``text`` with ``pieces`` rewritten, and where each piece moved (overlapping pieces: the first kept)."""
    parts: list[str] = []
    marks: list[_Mark] = []
    last = grown = 0
    for start, end, word in pieces:
        if start < last:
            continue
        parts.append(text[last:start])
        parts.append(word)
        ns = start + grown
        grown += len(word) - (end - start)
        marks.append((start, end, ns, ns + len(word)))
        last = end
    parts.append(text[last:])
    return "".join(parts), marks


def _offset_back(p: int, marks: list[_Mark], end: bool) -> int:
    """Offset ``p`` of the rewrite in the text; inside a rewritten piece, the piece's start (or end)."""
    shift = 0
    for os_, oe, ns, ne in marks:
        if p < ns:
            break
        if p < ne or (end and p == ne):
            return oe if end else os_
        shift = ne - oe
    return p - shift


@lru_cache(maxsize=16384)
def _parse(text: str, cell: bool, year: int | None) -> tuple[_Row, ...]:
    """The records of a text (memoized: the same cells recur across plans)."""
    pieces = _rewrites(text, cell)
    if pieces:
        spelled, marks = _apply_rewrites(text, pieces)
        return tuple((_offset_back(a, marks, False), _offset_back(b, marks, True), kind, start, end, rec)
                     for a, b, kind, start, end, rec in _parse_spelled(spelled, cell, year))
    return _parse_spelled(text, cell, year)


def _parse_spelled(text: str, cell: bool, year: int | None) -> tuple[_Row, ...]:
    """``_parse`` on a text whose periods are spelled out."""
    low = _lower_text(text)
    if "quy " in low:
        low = _UNTONED_QUARTER.sub("quý", low)
    if "quí" in low:
        low = _OLD_QUARTER.sub("quý", low)
    if "quý l" in low:
        low = _OCR_QUARTER_L.sub("i", low)
    if "uơ" in low or "uớ" in low or "uờ" in low or "uở" in low or "uỡ" in low or "uợ" in low:
        low = _HORNLESS_U.sub("ư", low)
    if "ư" in low and _HORNLESS_O.search(low):
        low = _HORNLESS_O.sub(lambda m: m.group().translate(_HORN_O), low)
    recs, ranges = _atoms(low, cell, year)
    # a year that is the end of a range ("2021- 2025") is not a year of its own
    starts = [a for a, _, _, _ in ranges]

    def in_range(i: int) -> bool:
        k = bisect_right(starts, i) - 1
        return k >= 0 and i < ranges[k][1]

    # ("từ năm 2021 đến năm 2025" is a range, not a by-year deadline)
    recs = [r for r in recs if not (r.kind == "year" and in_range(r.start))
            and not (r.kind == "by_date" and in_range(r.end - 1) and _BY_YEAR.match(low, r.start))]
    kept = _resolve(recs)
    # "Quý I hàng năm" is one annual recurrence (the quarter says when in the year).
    merged: list[_Rec] = []
    for r in kept:
        if (merged and r.kind == "recurring" and r.recurrence == "annual"
                and (merged[-1].kind == "quarter"
                     or (merged[-1].kind in ("by_date", "month") and not merged[-1].year_given))
                and _ANNUAL_AFTER.match(low, merged[-1].end, r.start)):
            q = merged.pop()
            r = replace(r, start=q.start)
        elif (merged and merged[-1].kind == "recurring" and merged[-1].recurrence in ("annual", "semiannual")
              and r.kind in ("quarter", "by_date", "month")
              and not r.year_given and _ANNUAL_BEFORE.fullmatch(low, merged[-1].end, r.start)):
            # "Hằng năm, trước ngày 31/12", "hằng năm, trong quý III": the same, the recurrence first
            annual = merged.pop()
            r = replace(annual, end=r.end)
        elif (merged and r.kind == "recurring" and merged[-1].kind == "recurring"
              and (close := _RESTATED.match(low, r.end)) is not None and _RESTATING.fullmatch(low, merged[-1].end, r.start)):
            # "Hai lần một năm (sáu tháng một lần)": the brackets restate the cadence, one record (the bracket's
            # period, the more exact)
            r = replace(r, start=merged.pop().start, end=close.end())
        merged.append(r)
    kept = merged
    # "Thường xuyên trong năm 2020": a continuous time over the year right after it is one record, as
    # "Thường xuyên (2021-2025)" is over its range
    joined: list[_Rec] = []
    for r in kept:
        c = joined[-1] if joined else None
        if (c is not None and r.kind == "year" and c.kind == "continuous" and c.begin is None
                and _CONTINUOUS_GAP.fullmatch(low, c.end, r.start)):
            c.begin, c.finish, c.end = r.begin, r.finish, r.end
            continue
        joined.append(r)
    kept = joined
    # Year ranges: attached to the cue they follow ("Thường xuyên (2021-2025)", "Theo kế hoạch hàng năm
    # (2021- 2025)"), or inside an event clause; standalone only in a table cell.
    used: set[int] = set()
    for r in kept:
        if r.kind not in ("continuous", "per_plan", "event", "recurring") or (r.kind == "event" and r.prio == 3):
            continue  # a school-year event names its years, it does not run over them
        k = bisect_left(starts, r.start)
        while k < len(ranges) and k in used:
            k += 1
        if k >= len(ranges):
            continue
        a, b, y0, y1 = ranges[k]
        inside = b <= r.end
        if inside or (a >= r.end and _OPEN_GAP.fullmatch(low, r.end, a)):
            r.begin, r.finish = dt.date(y0, 1, 1), dt.date(y1, 12, 31)
            if not inside:
                close = _CLOSE.match(low, b, b + 4)
                r.end = close.end() if close else b
            used.add(k)
    phases = _closing_phases(low) if not cell and ranges and "giai đoạn" in low else {}
    if ranges and (cell or phases):
        kept.sort(key=lambda r: r.start)
        kstarts = [r.start for r in kept]
        extra = []
        for k, (a, b, y0, y1) in enumerate(ranges):
            if k in used or not (cell or a in phases):
                continue
            j = bisect_left(kstarts, b) - 1  # the last record starting before the range ends
            if j >= 0 and kept[j].end > a:
                continue
            extra.append(_Rec(phases.get(a, a), b, "year_range", begin=dt.date(y0, 1, 1), finish=dt.date(y1, 12, 31),
                              prio=2))
        kept.extend(extra)
        kept.sort(key=lambda r: r.start)
    # Quarters and months without a year: the year of a later one in the same list, else the period's.
    for i, r in enumerate(kept):
        if r.kind in ("quarter", "month") and not r.year_given:
            yy = next((x.finish.year for x in kept[i + 1:i + 4] if x.kind == r.kind and x.year_given and x.finish),
                      year)
            if yy is not None:
                n = int(r.recurrence or 0)
                if r.kind == "quarter":
                    r.begin, r.finish = _date(yy, 3 * n - 2, 1), _month_end(yy, 3 * n)
                else:
                    r.begin, r.finish = _date(yy, n, 1), _month_end(yy, n)
    for r in kept:
        if r.kind in ("quarters", "months") and r.begin is None and year is not None:
            r.begin = _date(year, 1, 1)
    if any(r.kind != "unspecified" for r in kept):
        kept = [r for r in kept if r.kind != "unspecified"]
    out: list[_Row] = []
    spans = _cell_spans(text, low, kept) if cell else [(r.start, r.end) for r in kept]
    for r, (s, e) in zip(kept, spans, strict=True):
        if r.kind == "quarters":
            q0, q1 = (int(x) for x in (r.recurrence or "0-0").split("-"))
            yy = r.begin.year if r.begin else None
            for qn in range(q0, q1 + 1):
                d0 = _date(yy, 3 * qn - 2, 1) if yy else None
                f = _month_end(yy, 3 * qn) if yy else None
                out.append((s, e, "quarter", d0.isoformat() if d0 else None, f.isoformat() if f else None, None))
            continue
        if r.kind == "months":
            spec = r.recurrence or "0-0"
            if "," in spec:  # a list: "tháng 3, 9/2024"
                months = [int(x) for x in spec.split(",")]
            else:  # a range: "tháng 11 - 12/2024"
                m0, m1 = (int(x) for x in spec.split("-"))
                months = list(range(m0, m1 + 1))
            yy = r.begin.year if r.begin else None
            for mo in months:
                d0 = _date(yy, mo, 1) if yy else None
                f = _month_end(yy, mo) if yy else None
                out.append((s, e, "month", d0.isoformat() if d0 else None, f.isoformat() if f else None, None))
            continue
        rec = r.recurrence if r.kind in ("recurring", "per_plan") else None
        out.append((s, e, r.kind, r.begin.isoformat() if r.begin else None,
                    r.finish.isoformat() if r.finish else None, rec))
    return tuple(out)


# "tháng 8, 9/2024", "tháng 3, 6 và 9 năm 2024": months listed, the year written once after the last
_MONTH_LIST = regex.compile(
    r"(?<![\p{L}\d])tháng\s{1,3}(\d{1,2}(?:\s{0,2}(?:,|và)\s{0,3}\d{1,2}){1,5})\s{0,3}(?:/|năm)\s{0,3}(\d{4})(?!\d)"
)
_DIGITS_RE = regex.compile(r"\d{1,2}")
# a span of days: "(cao điểm) từ ngày 15/6/2020 đến ngày 15/7/2020", "từ 15/11 đến hết ngày 15/12/2024"
_DATE_SPAN = regex.compile(
    r"(?<![\p{L}\d])từ\s{1,3}(?:ngày\s{1,3})?(?P<d1>\d{1,2})\s{0,2}/\s{0,2}(?P<m1>\d{1,2})(?:\s{0,2}/\s{0,2}(?P<y1>\d{4}))?"
    r"\s{1,3}(?:đến|tới)\s{1,3}(?:hết\s{1,3})?(?:ngày\s{1,3})?(?P<d2>\d{1,2})\s{0,2}/\s{0,2}(?P<m2>\d{1,2})\s{0,2}/\s{0,2}"
    r"(?P<y2>\d{4})(?!\d)"
)
_MONTH_RANGE = regex.compile(
    r"(?<![\p{L}\d])tháng\s{1,3}(\d{1,2})\s{0,3}[-–—]\s{0,3}(?:tháng\s{1,3})?(\d{1,2})(?![\d.,])"
    r"(?:\s{0,3}(?:/|năm)\s{0,3}(\d{4})(?!\d))?"
)
_QUARTER_RANGE = regex.compile(
    r"(?<![\p{L}\d])quý\s+(iv|iii|ii|i|[1-4])\s*(?:[-–—]\s*(?:quý\s+)?|,\s*)(iv|iii|ii|i|[1-4])(?![\p{L}\d])"
    r"(?:\s*(?:[/\-]|năm)\s*(\d{4})(?!\d))?"
)
_ONWARD_YEAR = regex.compile(
    r"(?<![\p{L}\d])(?:từ\s+)?(?:năm\s+)?((?:19|20)\d{2})\s+(?:và|trở\s+đi\s+và)\s+(?:các|những)\s+năm\s+"
    r"(?:tiếp\s+theo|sau(?:\s+đó)?)(?![\p{L}\d])"
    r"|(?<![\p{L}\d])từ\s+(?:năm\s+)?((?:19|20)\d{2})\s+trở\s+đi(?![\p{L}\d])"
)
_SCHOOL_YEAR = regex.compile(
    # ("trước khai giảng năm học 2024 - 2025": before the opening, an event as "trước năm học …" is)
    r"(?<![\p{L}\d])(?:trước|đầu|bắt\s+đầu|(?:trước\s+(?:khi\s+)?)?khai\s+giảng)\s+năm\s+học\s+(?:19|20)\d{2}\s*[-–—/]"
    r"\s*(?:19|20)\d{2}(?!\d)"
)
_SCHOOL_YEAR_SPAN = regex.compile(
    r"(?<![\p{L}\d])năm\s+học\s+((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})(?!\d)"
)
# a date, then the report it is for: "… 10/6/2022 (báo cáo 6 tháng)", "… 10/6/2026 đối với báo cáo 6 tháng"
_NAMED_REPORT = regex.compile(r"\d{1,2}/\d{1,2}/\d{4}\)?\s{0,3}(?:\(|đối\s+với|cho)\s{0,3}báo\s+cáo\s+$")
# the same day as a request or a filing ("ngay trong ngày làm việc khi người dân nộp đủ hồ sơ", "trong ngày tiếp
# nhận yêu cầu"): a delay of no days after that event
_SAME_DAY = regex.compile(r"(?<![\p{L}\d])(?:ngay\s+)?trong\s+(?:cùng\s+)?ngày(?:\s+làm\s+việc)?\s+"
                          r"(?:khi|kể\s+từ\s+khi|tiếp\s+nhận|nhận(?:\s+được)?)(?![\p{L}\d])[^.;,()\n]{0,100}")
# a delay counted from an event: "trong 05 ngày làm việc kể từ ngày nhận được quyết định …" (an event, no
# dates); counted from a date ("kể từ ngày 01/7/2024") it is not
_DELAY_AFTER_EVENT = regex.compile(
    r"(?<![\p{L}\d])(?:trong(?:\s+vòng|\s+thời\s+hạn|\s+thời\s+gian)?|không\s+quá|chậm\s+nhất(?:\s+(?:là\s+)?sau)?|sau)"
    r"\s+\d{1,3}\s+(?:ngày(?:\s+làm\s+việc)?|giờ|tuần|tháng)\s*,?\s+kể\s+từ\s+"
    r"(?:ngày|khi)\s+(?![\d(])[^;\n]{0,160}"
)
# "… chuyển đổi vị trí công tác đến hết năm 2025." / "…, đến hết năm 2024;": the window closing the clause is its time
_YEAR_END_CLOSES = regex.compile(r"\s{0,2}(?:[.;]|$)")
# "sau 6 tháng triển khai (Kế hoạch)": after so long a stretch of the work, an event (not "6 tháng", semiannual)
_AFTER_STRETCH = regex.compile(r"(?<![\p{L}\d])sau\s+\d{1,2}\s+(?:tháng|năm|tuần)\s+(?:triển\s+khai|thực\s+hiện)"
                               r"(?:\s+kế\s+hoạch(?:\s+này)?)?(?![\p{L}\d])")
# a part of a month by its weeks, a week's days counted from the 1st: "trong 2 tuần đầu tháng 7/2024" (by the 14th),
# "tuần thứ hai của tháng 6/2024" (by the 14th), "tuần đầu tiên của tháng 3/2025" (by the 7th)
_WEEKS_OF_MONTH = regex.compile(
    r"(?<![\p{L}\d])(?:trong\s+)?(?:(?P<n>\d|hai|ba)\s+tuần\s+đầu|tuần\s+(?:thứ\s+(?P<k>nhất|hai|ba|tư|\d)|đầu(?:\s+tiên)?))"
    r"\s+(?:của\s+)?tháng\s+(?P<m>\d{1,2})\s{0,2}/\s{0,2}(?P<y>(?:19|20)\d{2})(?![\d/])")
_WEEK_NUMBERS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4}
# a month of a named quarter by its place: "ngay trong tháng đầu của quý III/2024" (July 2024), "tháng cuối quý IV/2025"
_MONTH_OF_QUARTER = regex.compile(
    r"(?<![\p{L}\d])(?:ngay\s+)?(?:trong\s+)?tháng\s+(?P<p>đầu(?:\s+tiên)?|cuối(?:\s+cùng)?|giữa|thứ\s+hai)\s+(?:của\s+)?quý\s+"
    r"(?P<q>[ivx]{1,3}|[1-4])\s{0,2}/\s{0,2}(?P<y>(?:19|20)\d{2})(?![\d/])")
# "từ tháng 7/2024 đến hết năm 2025": from a month to a year's end, one span (continuous, both bounds)
_MONTH_TO_YEAR_END = regex.compile(
    r"(?<![\p{L}\d])từ\s+tháng\s+(?P<m>\d{1,2})\s{0,2}/\s{0,2}(?P<y0>(?:19|20)\d{2})\s+(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+"
    r"(?P<y1>(?:19|20)\d{2})(?![\d/])")
# "(bắt đầu | kể) từ tháng 4/2025", "từ ngày 01/01/2026": from then on, no end named (not a delay's count, "trong 05
# ngày (làm việc) kể từ …"; not "có hiệu lực từ", a rule's effective date; not a range)
_FROM_ONWARD_HEAD = (
    r"(?<![\p{L}\d])(?<!(?:ngày|tháng|năm|việc)\s{1,3}kể\s{1,2})(?<!(?:ngày|tháng|năm|việc)\s{1,3})"
    r"(?<!hiệu\s{1,2}lực\s{1,2})(?:bắt\s+đầu\s+|kể\s{1,2})?từ\s+")
_FROM_ONWARD_TAIL = r"(?!\d)(?!\s{0,3}(?:[-–—]|đến|tới|cho\s+đến)(?![\p{L}]))"
# in prose, an onward year is a time only written with "năm" or "từ" before it
_NAMED_ONWARD = regex.compile(r"(?:từ\s+|năm\s+)")
# what follows a time that closes a task's sentence: a full stop or a semicolon, then the end
_CLOSES = regex.compile(r"\s{0,3}[.;]?\s{0,3}(?:$|\n)")
# "giai đoạn 2023 - 2025" closing a task's sentence
_CLOSING_PHASE = regex.compile(
    r"(?<![\p{L}\d])giai\s+đoạn\s+((?:19|20)\d{2})\s{0,2}[-–—]\s{0,2}((?:19|20)\d{2})(?!\d)(?=\s{0,3}[.;]?\s{0,3}(?:$|\n))")
# "… trong giai đoạn 2023 - 2025; …" closing a clause
_CLAUSE_PHASE = regex.compile(
    r"(?<![\p{L}\d])trong\s+(giai\s+đoạn\s+)((?:19|20)\d{2})\s{0,2}[-–—]\s{0,2}((?:19|20)\d{2})(?!\d)(?=\s{0,3}[;.])")
# "Trong giai đoạn 2022 - 2025, …" opening a sentence or a clause
# ... or a stage of the work ("…: năm 2024 hoàn thành tại 30% số xã; giai đoạn 2024 - 2025 nhân rộng trên toàn tỉnh"):
# the phase, with or without "trong", opening a clause and followed by a staging verb (deadlines.yaml stage_verbs)
_STAGE_VERBS = _alt(data_file("deadlines.yaml").get("stage_verbs") or [])
_OPENING_PHASE = regex.compile(
    r"(?:^|(?<=[.;:\n]\s{0,3}))(?:trong\s+(giai\s+đoạn\s+)((?:19|20)\d{2})\s{0,2}[-–—]\s{0,2}((?:19|20)\d{2})(?!\d)(?=\s{0,2},)"
    r"|(?:trong\s+)?(giai\s+đoạn\s+)((?:19|20)\d{2})\s{0,2}[-–—]\s{0,2}((?:19|20)\d{2})(?!\d)(?=\s{1,3}" + _STAGE_VERBS
    + r"(?!\w)))", regex.V1)
_OPENING_YEAR = regex.compile(
    r"(?:^|(?<=[.;:\n]\s{0,3}))(?:trong\s+)?năm\s+((?:19|20)\d{2})(?!\d)(?=\s{1,3}" + _STAGE_VERBS + r"(?!\w))")
# a document or an index whose name a period belongs to ("Kế hoạch … giai đoạn 2021-2025", "Đề án … năm 2023 và các
# năm tiếp theo", "nâng cao Chỉ số PAPI của xã năm 2024 và những năm tiếp theo")
_DOCUMENT_NOUN = regex.compile(
    r"(?<![\p{L}])(?:kế\s+hoạch|chương\s+trình|đề\s+án|nghị\s+quyết|quyết\s+định|chiến\s+lược|chỉ\s+thị|kết\s+luận|"
    r"quy\s+hoạch|dự\s+án|chỉ\s+số)(?![\p{L}])")
_CLAUSE_START = regex.compile(r"[,;:.()\n][^,;:.()\n]{0,120}$")


def _named_by_document(low: str, start: int) -> bool:
    """Whether the clause before ``start`` names a document (a plan, a programme) the period belongs to."""
    before = low[max(0, start - 120) : start]
    m = _CLAUSE_START.search(before)
    clause = before[m.start() + 1 :] if m else before
    return _DOCUMENT_NOUN.search(clause) is not None


# a document's number and symbol, then "ngày" right before a date: "số 512/UBND-NV ngày " (the date it was issued)
_CITED_DATE = regex.compile(r"số\s{0,2}\d{1,5}\s{0,2}/\s{0,2}[\p{L}\d\-/.&]{1,30}\s{1,3}(?:ngày\s{1,3})?$")
_FULL_DATE = regex.compile(r"(?<!\d)\d{1,2}\s{0,2}/\s{0,2}\d{1,2}\s{0,2}/\s{0,2}(?:19|20)\d\d(?!\d)")
# "sơ kết / tổng kết 6 tháng thực hiện …": the review after six months of the plan, held once
_REVIEW_BEFORE = regex.compile(r"(?<![\p{L}\d])(?:sơ|tổng)\s+kết\s{1,3}$")
_IMPLEMENTATION_AFTER = regex.compile(r"\s{1,3}(?:đầu\s+)?thực\s+hiện(?![\p{L}\d])")
# a sentence start: ". " and up to three blanks, then a capital or a digit; how long a time-only sentence may be
_SENTENCE_START = regex.compile(r"\.\s{1,3}(?=[\p{Lu}\d])")
_TIME_SENTENCE_MAX = 40


def _last_sentence_stop(text: str) -> int | None:
    """Where the text's last sentence starts (after its last ". " before a capital or digit), or None.
    Searched from the end, one "." at a time: linear, where a lookahead over the rest at every "." is not."""
    k = text.rfind(".")
    while k >= 0:
        m = _SENTENCE_START.match(text, k)
        if m is not None:
            return m.end()
        k = text.rfind(".", 0, k)
    return None
_SCHOOL_TIME_WORD = regex.compile(r"(?<![\p{L}])(?:vào|trong|từ|ngay|dịp)\s+$")  # before "đầu năm học …"
_SCHOOL_SPAN_WORD = regex.compile(r"(?<![\p{L}])(?:trong|suốt|hết|cả)\s+$")  # before "năm học 2021-2022"
_WHOLE_YEAR = regex.compile(r"(?<![\p{L}\d])cả\s+năm(?:\s+((?:19|20)\d{2}))?(?![\p{L}\d])")
_CELL_SEP = regex.compile(r"[;\n]")
_GAP = regex.compile(r"[\s,;]*(?:(?<![\p{L}])và(?![\p{L}])[\s,]*)?")


def _cell_spans(text: str, low: str, kept: list[_Rec]) -> list[tuple[int, int]]:
    """In a cell, a record's raw runs from the previous one (or its clause start) to its end, and the
    last record of a clause runs to the clause end ("Ban hành Kế hoạch trong quý III/2021",
    "Hàng năm theo quy định")."""
    clauses: list[tuple[int, int]] = []
    s = 0
    for m in _CELL_SEP.finditer(text):
        clauses.append((s, m.start()))
        s = m.end()
    clauses.append((s, len(text)))
    cstarts = [a for a, _ in clauses]
    spans: list[tuple[int, int]] = []
    for idx, r in enumerate(kept):
        ci = bisect_right(cstarts, r.start) - 1
        cs, ce = clauses[ci] if ci >= 0 else (r.start, r.end)
        prev_end = kept[idx - 1].end if idx and cs <= kept[idx - 1].start < ce else cs
        if prev_end < r.start:
            gap = _GAP.match(low, prev_end)
            assert gap is not None  # _GAP matches the empty string
            start = gap.end()
        else:
            start = r.start
        start = min(max(start, cs), r.start)
        nxt_in_clause = idx + 1 < len(kept) and cs <= kept[idx + 1].start < ce
        end = r.end if nxt_in_clause else max(r.end, ce)
        if end > r.end:
            paren = text.find("(", r.end, end)
            if paren >= 0:
                end = paren  # "quý II/2024 (Chỉ số nội dung 2 - …)": a note after the time is no part of it
        while end > start and text[end - 1] in " \t\n,;.":
            end -= 1
        while start < end and text[start] in " \t":
            start += 1
        spans.append((start, end))
    return spans


_CONTINUOUS_GAP = regex.compile(r"[ \t,]{0,3}(?:trong[ \t]{1,3}|suốt[ \t]{1,3})?")


def _clause_start(low: str, i: int) -> bool:
    """Nothing but marks and white space between the last clause break (or the text's start) and ``i``."""
    j = i
    while j > 0 and low[j - 1] in " \t-–•+*":
        j -= 1
    return j == 0 or low[j - 1] in ".;:\n("


def parse_deadlines(text: str, base: int = 0, period: Period | None = None, *, cell: bool = False) -> list[Deadline]:
    """Every time expression of ``text`` as ``Deadline`` records, spans offset by ``base``.

    ``cell=True`` for a table's time column (the whole cell is a time expression); ``cell=False``
    for prose (explicit time expressions only). A year the text leaves out ("trong quý II, quý
    III") comes from ``period.start_year``. Invalid dates (30/02) are skipped.
    """
    if not text or text.isspace():  # the test of "not text.strip()" without the stripped copy
        return []
    year = period.start_year if period is not None else None
    return [rebased(d, base) for d in _deadline_protos(text, cell, year)]


# "từ "quý II/2021" thành "…"": the old wording an amendment replaces (bounded runs, linear)
_REPLACED_WORDING = regex.compile(r"(?<![\p{L}\d])từ\s{1,3}[\"“]([^\"”\n]{1,80})[\"”]\s{0,3}(?:thành|bằng|sang)\s")


@lru_cache(maxsize=16384)
def _deadline_protos(text: str, cell: bool, year: int | None) -> tuple[Deadline, ...]:
    """``parse_deadlines`` at offset 0 (memoized: task texts and time cells recur across plans, and
    the tasks stage may read one text more than once)."""
    raw_text, text = text, ocr_date_digits(text)  # "30/l1/2023" is read as 30/11/2023; the raw stays as printed
    found = list(_parse(text, cell, year))
    if not cell and ":" in text:
        # "…; thời gian: 6 tháng, năm." -- the labelled text up to the clause end is a time cell
        m = _TIME_LABEL.search(text)
        if m is not None:
            k = m.end()
            stop = _CLAUSE_END.search(text, k)
            e0 = stop.start() if stop else len(text)
            if e0 > k:
                seg = list(_parse(text[k:e0], True, year))
                if seg:
                    found = [r for r in found if r[1] <= m.start() or r[0] >= e0]
                    found.extend((s + k, e + k, kind, st, en, rec) for s, e, kind, st, en, rec in seg)
                    found.sort(key=lambda r: r[0])
    if not cell and ". " in text:
        # "… tại nhà văn hóa các thôn. Tháng 11, 12/2024." -- a closing sentence that is only a time
        # (short, no verb of its own) is the task's time field, read as a time cell
        ts = _last_sentence_stop(text)
        if ts is not None:
            e0 = len(text.rstrip(" .;"))
            if 0 < e0 - ts <= _TIME_SENTENCE_MAX and not any(r[0] < e0 and r[1] > ts for r in found):
                seg = list(_parse(text[ts:e0], True, year))
                if seg and seg[0][0] == 0 and max(r[1] for r in seg) >= len(text[ts:e0].rstrip(" .;")) - 1:
                    found.extend((a + ts, b + ts, kind, st, en, rec) for a, b, kind, st, en, rec in seg)
                    found.sort(key=lambda r: r[0])
    if len(found) > 1:
        found = _months_recurring_with_last(text, found)
    if not cell and "thành" in text and (text.count('"') >= 2 or "“" in text):
        # "Điều chỉnh thời hạn … từ "quý II/2021" thành "trước ngày 30/9/2021"": the replaced time is the earlier
        # plan's, not this task's
        old_spans = [m.span(1) for m in _REPLACED_WORDING.finditer(text)]
        found = [r for r in found if not any(a <= r[0] and r[1] <= b for a, b in old_spans)]
    if not cell and year is not None:
        # "… tại 03 xã chưa thực hiện trong năm 2022" in a 2023 plan: a year before the plan's own is a past
        # fact, not a time frame of the task
        found = [r for r in found if not (r[2] == "year" and r[3] is not None and int(r[3][:4]) < year)]
    out: list[Deadline] = []
    for s, e, kind, start, end, rec in found:
        if e <= s:
            continue
        out.append(Deadline(raw=raw_text[s:e], kind=kind, start=start, end=end, recurrence=rec,  # type: ignore[arg-type]
                            span=(s, e)))
    return tuple(out)


# "Tháng 6, tháng 12 hằng năm": months listed before the last one's "hằng năm" recur with it. Only ", " or " và "
# (and blanks) between them, each a month alone ("tháng 6", no year).
# (matched at the last month's start, its "hằng năm" after it; matched whole on each month before it)
_MONTH_HEAD = regex.compile(r"[Tt]háng\s{1,3}\d{1,2}(?![\d/.\-])")
_MONTH_LIST_GAP = regex.compile(r"^\s{0,3}(?:,|và|;)?\s{0,3}$")


def _months_recurring_with_last(text: str, found: list[Any]) -> list[Any]:
    """The records with each month listed before a recurring "tháng 12 hằng năm" made to recur as it does."""
    out = list(found)
    for k in range(len(out) - 1, 0, -1):
        s, e, kind, start, end, rec = out[k]
        if kind != "recurring" or rec != "annual" or not _MONTH_HEAD.match(text, s, e):
            continue
        j = k - 1
        while j >= 0:
            ps, pe, pkind = out[j][0], out[j][1], out[j][2]
            if (pkind != "month" or not _MONTH_HEAD.fullmatch(text[ps:pe].strip())
                    or not _MONTH_LIST_GAP.match(text[pe : out[j + 1][0]])):
                break
            out[j] = (ps, pe, "recurring", None, None, rec)
            j -= 1
    return out


# A time label in prose ("…; thời gian: Quý II/2023", "Thời hạn hoàn thành: …") and the clause end after it.
_TIME_LABEL = regex.compile(r"(?<![\p{L}])(?:[Tt]hời\s+(?:gian|hạn))(?:\s+(?:thực\s+hiện|hoàn\s+thành))?\s*:\s*")
_CLAUSE_END = regex.compile(r"\s*(?:[;\n]|\.(?:\s|$)|$)")


__all__ = ["parse_deadlines"]
