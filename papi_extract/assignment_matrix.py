"""Tables that assign tasks by their numbers.

Some plans list their tasks without agencies and put the assignment in an appendix: one row per agency,
a column of the numbers of the tasks it leads and one of those it supports::

    | TT | Cơ quan, đơn vị      | Chủ trì nhiệm vụ số   | Phối hợp nhiệm vụ số           |
    | 1  | Sở Nội vụ            | 1.1; 1.2; 4.2         | 8.2                            |
    | 13 | Sở Thông tin và T…   | 8.1 - 8.3             | 5.2; 7.2                       |
    | 16 | UBND các huyện       |                       | Các nhiệm vụ tại mục 1, 2 và 5 |

No task table reader takes such a table (it has no task text), so this module finds it on its own and
answers, per agency cell, which task numbers it leads and supports. The tasks stage gives the agencies
to the tasks with those labels. Vocabulary: ``assignment_by_number`` in ``data/tasks.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from papi_extract.data_files import data_file
from papi_extract.tables import row_cells


# The most task numbers one range may stand for ("8.1 - 8.3"): a wider one is a misreading.
_MAX_RANGE = 40
# Rows of one table read at most (an appendix of every agency of a province has some 60).
_MAX_ROWS = 400


@dataclass(frozen=True, slots=True)
class Ref:
    """A task number in a cell: the label itself, or (``section``) every task whose label it opens."""

    label: str
    section: bool


@dataclass(frozen=True, slots=True)
class Assignment:
    """One agency cell and the task numbers it leads or supports."""

    agency: tuple[int, int]  # the agency cell's span in the document
    role: str  # "lead" | "support"
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class _Vocab:
    role_words: dict[str, regex.Pattern[str]]
    number_words: regex.Pattern[str]
    agency_words: regex.Pattern[str]
    section_words: regex.Pattern[str]
    # where a header may stand: only table lines holding one are read as headers. One pattern per phrase, no
    # lookbehind: the engine then scans for its literal first word at C speed (an alternation is ~7x slower)
    role_phrases: tuple[regex.Pattern[str], ...]


def _words(phrases: list[str]) -> regex.Pattern[str]:
    alts = sorted({" ".join(str(p).split()) for p in phrases}, key=lambda p: (-len(p), p))
    return regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(p).replace(r"\ ", r"\s{1,3}") for p in alts) + r")(?!\w)")


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    raw = data_file("tasks.yaml")["assignment_by_number"]
    phrases = tuple(regex.compile(r"\s{1,3}".join(regex.escape(w) for w in str(p).split()))
                    for p in sorted(set(raw["lead"] + raw["support"])))
    return _Vocab({"lead": _words(raw["lead"]), "support": _words(raw["support"])}, _words(raw["number_words"]),
                  _words(raw["agency_words"]), _words(raw["section_words"]), phrases)


# A task number ("4.2", "1.1.3", "5") and an optional range's end ("8.1 - 8.3", "2.1 đến 2.4")
_REF = regex.compile(r"(?<![\d.,/])(\d{1,2}(?:\.\d{1,2}){0,2})(?:\s{0,3}(?:-|–|đến|den|tới|toi)\s{0,3}(\d{1,2}(?:\.\d{1,2}){0,2}))?"
                     r"(?![\d/])(?!\.\d)(?!,\d)")


def parse_refs(cell: str) -> list[Ref]:
    """The task numbers of one folded cell: "1.1; 1.2", "8.1 - 8.3", "cac nhiem vu tai muc 1, 2 va 5" (sections)."""
    v = _vocab()
    low = cell.lower()
    sec = v.section_words.search(low)
    out: list[Ref] = []
    for m in _REF.finditer(low):
        a, b = m.group(1), m.group(2)
        in_section = sec is not None and m.start() > sec.start()
        if b is None:
            out.append(Ref(a.rstrip("."), in_section))
            continue
        pa, _, la = a.rpartition(".")
        pb, _, lb = b.rpartition(".")
        if pa != pb or not (la.isdigit() and lb.isdigit()) or not 0 < int(lb) - int(la) <= _MAX_RANGE:
            out.extend((Ref(a, in_section), Ref(b, in_section)))
            continue
        head = pa + "." if pa else ""
        out.extend(Ref(f"{head}{k}", in_section) for k in range(int(la), int(lb) + 1))
    return out


def _header_roles(cells: list[str]) -> dict[str, int] | None:
    """Column index of "agency", "lead" and "support" in a header row (folded cells), or None when the row is no
    such header: an agency column and a role column that counts task numbers."""
    v = _vocab()
    roles: dict[str, int] = {}
    for k, c in enumerate(cells):
        has_role = [r for r, rx in v.role_words.items() if rx.search(c)]
        if len(has_role) == 1 and v.number_words.search(c):
            roles.setdefault(has_role[0], k)
        elif not has_role and v.agency_words.search(c):
            roles.setdefault("agency", k)
    if "agency" not in roles or not ("lead" in roles or "support" in roles):
        return None
    return roles


def find_assignments(doc: str, folded: str) -> list[Assignment]:
    """Every agency row of every table that assigns tasks by number, in document order. Only the table lines that
    hold a role's word are read as headers, then the rows under each header."""
    v = _vocab()
    if "|" not in doc and "\t" not in doc:
        return []
    # the lines holding a role's word, spaced as justified text spaces it ("chủ  trì"): most plans have few such lines
    starts: set[int] = set()
    for phrase in v.role_phrases:
        pos = 0
        while (m := phrase.search(folded, pos)) is not None:
            starts.add(folded.rfind("\n", 0, m.start()) + 1)
            e = folded.find("\n", m.end())
            if e < 0:
                break
            pos = e
    out: list[Assignment] = []
    done = -1  # the end of the last table read: a line inside it is one of its rows
    for a in sorted(starts):
        if a < done:
            continue
        b = folded.find("\n", a)
        b = len(folded) if b < 0 else b
        line = doc[a:b]
        layout = "pipe" if "|" in line else ("tab" if "\t" in line else None)
        if layout is None:
            continue
        roles = _header_roles([folded[x:y] for x, y in row_cells(doc, a, b, layout)])
        if roles is None:
            continue
        found, done = _rows_under(doc, folded, b + 1, layout, roles)
        if len(found) >= 2:  # one row is no table of assignments
            out.extend(found)
    return out


def _rows_under(doc: str, folded: str, pos: int, layout: str, roles: dict[str, int]) -> tuple[list[Assignment], int]:
    """The assignments of the rows from ``pos`` on, up to the first line that is no row, and where they end."""
    sep = "|" if layout == "pipe" else "\t"
    found: list[Assignment] = []
    rows = 0
    while pos < len(doc) and rows < _MAX_ROWS:
        end = doc.find("\n", pos)
        end = len(doc) if end < 0 else end
        line = doc[pos:end]
        if sep not in line:
            break  # the table ends at the first line that is no row
        a, pos = pos, end + 1
        if layout == "pipe" and not line.replace("|", "").replace("-", "").replace(":", "").strip():
            continue  # the Markdown separator row
        rows += 1
        cells = row_cells(doc, a, end, layout)
        k = roles["agency"]
        if k >= len(cells) or cells[k][0] == cells[k][1]:
            continue
        for role in ("lead", "support"):
            c = roles.get(role)
            if c is None or c >= len(cells):
                continue
            refs = parse_refs(folded[cells[c][0]:cells[c][1]])
            if refs:
                found.append(Assignment(cells[k], role, tuple(refs)))
    return found, pos


# An organisation line that assigns tasks by their numbers in words, not in a table (folded): "- Sở Tư pháp chủ trì
# các nhiệm vụ tại điểm 1.1, 3.2 Mục III; Sở Tài chính phối hợp.", "… và phối hợp thực hiện nhiệm vụ tại điểm 4.1
# Mục III". Linear: bounded runs, one line at a time.
_NUMBERS = r"(?P<refs>\d{1,2}(?:\.\d{1,2}){0,2}(?:\s{0,3}(?:,|va)\s{0,3}\d{1,2}(?:\.\d{1,2}){0,2}){0,20})"
_BY_NUMBER_LINE = regex.compile(
    r"[ \t]{0,8}(?:[-+•*][ \t]{1,3})?(?:de[ \t]{1,3}nghi[ \t]{1,3})?(?P<ag>[^\n;:]{3,160}?)[ \t]{1,3}"
    r"(?P<role>chu[ \t]{1,3}tri|phoi[ \t]{1,3}hop)(?:[ \t]{1,3}thuc[ \t]{1,3}hien)?[ \t]{1,3}(?:cac[ \t]{1,3})?"
    r"nhiem[ \t]{1,3}vu[ \t]{1,3}(?:neu[ \t]{1,3})?tai[ \t]{1,3}diem[ \t]{1,3}" + _NUMBERS + r"(?![\d.])"
    r"(?:[ \t]{1,3}(?:muc|phan)[ \t]{1,3}[ivxl\d.]{1,6}(?![\w]))?")  # ("… Mục III")
# what may follow on the line: "và phối hợp thực hiện nhiệm vụ tại điểm 4.1", "; Sở Tài chính phối hợp."
_AND_SUPPORTS = regex.compile(r"[ \t]{1,3}va[ \t]{1,3}phoi[ \t]{1,3}hop(?:[ \t]{1,3}thuc[ \t]{1,3}hien)?[ \t]{1,3}"
                              r"(?:cac[ \t]{1,3})?nhiem[ \t]{1,3}vu[ \t]{1,3}(?:neu[ \t]{1,3})?tai[ \t]{1,3}diem[ \t]{1,3}"
                              + _NUMBERS + r"(?![\d.])")
_PARTNER_CLAUSE = regex.compile(r";[ \t]{0,3}(?P<ag>[^\n;:]{3,120}?)[ \t]{1,3}phoi[ \t]{1,3}hop[ \t]{0,3}[.;]?[ \t]{0,3}$")


def prose_assignment(doc: str, folded: str, a: int, b: int) -> list[Assignment]:
    """The assignments one line ``doc[a:b]`` makes by task number in words, or [] when it makes none."""
    m = _BY_NUMBER_LINE.match(folded, a, b)
    if m is None:
        return []
    role = "lead" if m.group("role").startswith("chu") else "support"
    refs = tuple(parse_refs(m.group("refs")))
    out = [Assignment(m.span("ag"), role, refs)]
    if (s := _AND_SUPPORTS.match(folded, m.end(), b)) is not None:
        out.append(Assignment(m.span("ag"), "support", tuple(parse_refs(s.group("refs")))))
    if role == "lead" and (p := _PARTNER_CLAUSE.search(folded, m.end(), b)) is not None:
        out.append(Assignment(p.span("ag"), "support", refs))  # "…; Sở Tài chính phối hợp." for the same tasks
    return out


def find_prose_assignments(doc: str, folded: str) -> list[Assignment]:
    """Every organisation line's assignments by task number in words (``prose_assignment``), in document order."""
    if "tai diem" not in folded:
        return []
    out: list[Assignment] = []
    pos = 0
    while (k := folded.find("tai diem", pos)) >= 0:
        a = folded.rfind("\n", 0, k) + 1
        b = folded.find("\n", k)
        b = len(folded) if b < 0 else b
        out.extend(prose_assignment(doc, folded, a, b))
        pos = b
    return out
