"""Tables whose cells come out as runs of lines (``pdftotext -raw`` of a PDF), rewritten as pipe rows.

Why: a PDF's raw text extraction writes a table cell by cell in row order, each cell's wrapped lines
one after the other, with nothing between two cells:

    STT Nội dung nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp
    Thời gian thực
    hiện
    Sản phẩm
    I THAM GIA CỦA NGƯỜI DÂN Ở CẤP CƠ SỞ
    1
    Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở
    cơ sở … chú trọng đồng bào dân tộc Khmer
    Phòng Tư pháp
    Phòng Dân tộc; Đài Truyền
    thanh huyện; UBND các xã,
    thị trấn
    Quý II, quý
    III/2023
    Tin, bài tuyên truyền

Read as text, the rows of such a table are one long paragraph. Rewritten: the header (a line "STT …"
naming the columns, its wrapped rest on the short lines below) gives the columns; a line holding only
the next row number opens a row, a Roman number with a title in capitals is a group row; a row's
lines are dealt to its cells in column order. A line goes on the cell before it when it starts in
lower case, when that cell stops on a word that needs more ("và", "UBND", "-": ``tables._openness``),
or when the line before could not have held its first word (the column's width, measured on the
table's own lines, says the line was wrapped); otherwise it opens the next cell. A line that holds two
short cells ("Năm 2023 Biên bản họp dân", "UBND các xã, thị trấn Tháng 12/2023") is cut where a time
starts or ends when the row has fewer cells than columns. Repeated headers, running headers or footers
and page numbers between rows are dropped. Without a header naming a task table, or without two rows,
the lines are left as they are. Linear in the lines (each row's lines are read a bounded number of
times).
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import Any

import regex

from papi_extract.data_files import data_file

_HEAD_WORDS = ("STT ", "TT ", "Số TT ")
_HEAD_MAX_EXTRA = 6  # short lines under the header line that may hold its wrapped rest
_HEAD_EXTRA_LEN = 40
_ROW_MAX_LINES = 40  # a row of more lines is no row of this table: the table ends before it
_MAX_DROPPED = 12  # lines dropped in a row (page numbers, footers, headers again) before the table ends
_HEAD_MAX_LEN = 300  # characters of a header line
_CUT_WITHIN = 200  # characters of a cell searched for where a second cell starts
_FURNITURE_MIN = 3  # a line printed this often in the document is a running header or footer
_FURNITURE_LEN = 30
_BARE_NUMBER = regex.compile(r"^\d{1,3}\.?$")
_GROUP = regex.compile(r"^([IVX]{1,5}|[A-H])\.?[ \t]{1,3}(\S.{2,300})$")
# where a time ends inside a line: a year, a date or "quý IV" closing it, before a capital
_FRAGMENT = regex.compile(r"[IVX]{1,4}(?:[/,.;]|$)")
# a time cell opening with a year or a date ("2023 - 2025", "31/12/2023")
_DATE_OPENING = regex.compile(r"(?:\d{1,2}[/.\-]){0,2}(?:19|20)\d\d(?!\d)|\d{1,2}[ \t]{1,2}(?:tháng|quý|năm|ngày)\b",
                              regex.IGNORECASE)
_ROMAN_WORD = regex.compile(r"[IVX]{1,4}(?:/\d{2,4})?[,.;]?$")
_REFERENCE_OPENINGS = ("theo ", "can cu ")
# a lettered sub-group row under a group ("a Y tế công lập", "b) Giáo dục tiểu học công lập")
_SUBGROUP = regex.compile(r"^([a-hđ])[.)]?[ \t]{1,3}(\p{Lu}[^\n]{2,100})$")


@lru_cache(maxsize=1)
def _tasks_data() -> dict[str, Any]:
    """tasks.yaml, read once for the vocabularies of this module."""
    data: dict[str, Any] = data_file("tasks.yaml")
    return data


@lru_cache(maxsize=1)
def _vocab() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(folded words that open a time cell, folded openings of the lines that end a table)."""
    from papi_extract.normalize import fold

    raw = _tasks_data()["run_tables"]
    return (tuple(sorted((fold(w) for w in raw["time_openings"]), key=len, reverse=True)),
            tuple(fold(w) for w in raw["table_endings"]))


def _opens_time(folded: str, at: int = 0) -> bool:
    """A time cell's first word(s) at ``at`` of a folded text ("tháng", "trước ngày"), whole words."""
    for w in _vocab()[0]:
        if folded.startswith(w, at):
            e = at + len(w)
            if e == len(folded) or not folded[e].isalnum():
                return True
    return False


def has_run_tables(text: str) -> bool:
    """Cheap gate: a line that starts with a number column's name ("STT ", "TT ") and has no tab or bar, or
    is only that name ("STT", a table exported one cell per line)."""
    for word in _NUMBER_HEADS:
        if f"\n{word}\n" in text or text.startswith(f"{word}\n"):
            return True
    for word in _HEAD_WORDS:
        k = text.find(word)
        while k >= 0:
            line_start = text.rfind("\n", 0, k) + 1
            lead = text[line_start:k]
            if not lead.strip(" \f") and (word != "TT " or not text[k - 1 : k].isalpha()):
                line_end = text.find("\n", k)
                line = text[k : line_end if line_end >= 0 else len(text)]
                if "\t" not in line and "  " not in line.strip() and ("|" not in line or line.count("|") <= 3):
                    return True  # (a few bars: an OCR'd score table's walls, read by the score-table reader)
            k = text.find(word, k + 1)
    return False


@lru_cache(maxsize=256)
def _scan_header(joined: str) -> tuple[list[tuple[str, int, int]], int] | None:
    """The column names of a header's text in order, as (role, start, end) in ``joined``, and how many
    words name no column; None unless it opens with the number column."""
    from papi_extract.normalize import fold
    from papi_extract.tables import vocab

    f = fold(joined)
    phrases = vocab().headers  # longest first
    out: list[tuple[str, int, int]] = []
    unknown = 0
    i, n = 0, len(f)
    while i < n:
        if f[i] in " ,;:.()\f":
            i += 1
            continue
        for phrase, role in phrases:
            if f.startswith(phrase, i):
                e = i + len(phrase)
                if e == n or f[e] in " ,;:.()":
                    if role == "group":
                        return None  # "Trách nhiệm thực hiện" over two columns: not a run table's header
                    out.append((role, i, e))
                    i = e
                    break
        else:
            unknown += 1
            e = f.find(" ", i)
            i = n if e < 0 else e
    if not out or out[0][0] != "number":
        return None
    return out, unknown


def _header(lines: list[str], h: int) -> tuple[list[str], list[str], int] | None:
    """(column roles, column names, index of the first line after the header) of a header at ``h``."""
    first = lines[h].strip(" \f")
    if len(first) > _HEAD_MAX_LEN:
        return None
    best: tuple[list[tuple[str, int, int]], str, int] | None = None
    joined = first
    for j in range(h, min(h + 1 + _HEAD_MAX_EXTRA, len(lines))):
        if j > h:
            s = lines[j].strip(" \f")
            if not s or len(s) > _HEAD_EXTRA_LEN or any(c.isdigit() for c in s) or _GROUP.match(s):
                break
            joined = f"{joined} {s}"
        got = _scan_header(joined)
        if got is None:
            return None
        cols, unknown = got
        if unknown == 0:
            best = (cols, joined, j + 1)
    if best is None:
        return None
    cols, joined, after = best
    merged: list[tuple[str, int, int]] = []
    for role, a, e in cols:
        if merged and merged[-1][0] == role and regex.fullmatch(r"\s{0,2}(?:[,/]|và)\s{0,2}", joined[merged[-1][2] : a]):
            merged[-1] = (role, merged[-1][1], e)  # "Nhiệm vụ, giải pháp": one column named twice over
        else:
            merged.append((role, a, e))
    cols = merged
    roles = [r for r, _, _ in cols]
    if "text" not in roles or len(set(roles) & {"lead", "support", "deadline", "output"}) < 2 or len(roles) != len(set(roles)):
        return None
    return roles, [joined[a:e] for _, a, e in cols], after


def _furniture(lines: list[str]) -> frozenset[str]:
    """Running headers and footers: a line printed next to two page breaks (a form feed), or a long
    line printed three times (a wrapped cell's short line may repeat: "UBND các xã, thị")."""
    counts: dict[str, int] = {}
    near_break: dict[str, int] = {}
    for k, t in enumerate(lines):
        s = t.strip(" \f")
        if not s:
            continue
        counts[s] = counts.get(s, 0) + 1
        if any("\f" in lines[x] for x in range(max(0, k - 2), min(len(lines), k + 3)) if x != k) or "\f" in t:
            near_break[s] = near_break.get(s, 0) + 1
    out = {s for s, c in near_break.items() if c >= 2 and not _BARE_NUMBER.match(s)}
    out |= {s for s, c in counts.items() if c >= _FURNITURE_MIN and len(s) >= _FURNITURE_LEN}
    return frozenset(out)


def rewrite_run_tables(text: str) -> str:
    """``text`` with each run table (see the module's docstring) written as markdown pipe rows."""
    lines = text.split("\n")
    out: list[str] = []
    furniture: frozenset[str] | None = None
    i, n = 0, len(lines)
    while i < n:
        s = lines[i].strip(" \f")
        head = _header(lines, i) if s.startswith(_HEAD_WORDS) and "\t" not in s and "|" not in s else None
        if head is None and s in _NUMBER_HEADS:
            got = _cell_line_table(lines, i)
            if got is None and i + 2 < n and not lines[i + 1].strip() and lines[i + 2].strip():
                got = _spaced_cell_line_table(lines, i)
            elif got is None and i + 1 < n and lines[i + 1].strip() and any(
                    not x.strip() for x in lines[i + 2 : i + 2 + _BLOCK_HEAD_LINES]):
                got = _block_cell_line_table(lines, i)
            if got is not None:
                table, i = got
                out.extend(table)
                continue
        if head is None:
            got = _score_table(lines, i) if s.startswith(_HEAD_WORDS) and "\t" not in s and not s.startswith("|") else None
            if got is not None:
                table, i = got
                out.extend(table)
                continue
            out.append(lines[i])
            i += 1
            continue
        if furniture is None:
            furniture = _furniture(lines)
        roles, names, body = head
        merged = _merged_line_table(lines, i, body, roles, names)
        if merged is not None:
            table, i = merged
            out.extend(table)
            continue
        rows, end = _rows(lines, i, body, furniture)
        if sum(1 for r in rows if r[0] == "row") < 2:
            merged = _cell_run_table(lines, i, body, roles, names)
            if merged is not None:
                table, i = merged
                out.extend(table)
                continue
            out.append(lines[i])
            i += 1
            continue
        out.append("")
        out.append("| " + " | ".join(names) + " |")
        out.append("|" + "---|" * len(roles))
        widths = _widths(rows, roles)
        for kind, label, row_lines in rows:
            if kind == "group":
                cells = [label, row_lines[0]] + [""] * (len(roles) - 2)
                if len(row_lines) > 1:
                    cells[-1] = " ".join(row_lines[1:])  # "Chỉ đạo: …" in the group row's last cell
            else:
                cells = [label] + _deal(row_lines, roles[1:], widths)
            out.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        out.append("")
        i = end
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Tables whose rows' cells are run together line by line (pdfplumber's extract_text): each printed line
# holds a piece of every cell, joined by single spaces:
#     1.1 Tổ chức tuyên truyền, phổ biến Luật Thực hiện dân Sở Tư pháp Sở Nội vụ; UBND các Tài liệu …
#     chủ ở cơ sở và các văn bản hướng dẫn thi hành đến huyện, thị xã, thành phố truyền; hội nghị …
# Nothing marks where a cell's piece ends, so only what can be told is read: the row (its number opens its
# first line), the task (the first column's pieces: up to the lead's first agency on the row's first line,
# then as much of each later line as the column's width, measured on those first lines, holds) and the lead
# (the agency there). The other columns are left empty rather than guessed.
# ---------------------------------------------------------------------------------------------

_MERGED_ROW = regex.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\.?[ \t]{1,3}(\p{L}.{8,})$")
_MERGED_MIN_ROWS = 3
_MERGED_MIN_WORDS = 3  # words of the task before the lead's agency on a row's first line
_MERGED_ROW_LINES = 14


def _merged_line_table(lines: list[str], h: int, body: int, roles: list[str],
                       names: list[str]) -> tuple[list[str], int] | None:
    """(pipe lines, index after the table) of a table at ``h`` whose rows are run together line by line."""
    from papi_extract.agencies import has_known_head
    from papi_extract.taxonomy import find_indicators

    if "text" not in roles or "lead" not in roles or roles.index("lead") != roles.index("text") + 1:
        return None
    head = [lines[k].strip(" \f") for k in range(h, body)]
    rows: list[list[str]] = []  # [kind, label, first line, more lines…]
    j, n = body, len(lines)
    end = body
    while j < n:
        t = lines[j].strip(" \f")
        if [x.strip(" \f") for x in lines[j : j + len(head)]] == head:
            j += len(head)  # the header again on a new page
            continue
        if _BARE_NUMBER.match(t) and rows and (j + 1 >= n or lines[j + 1].strip(" \f") == head[0] or "\f" in lines[j]):
            j += 1  # a page number before the header printed again
            continue
        m = _MERGED_ROW.match(t)
        if m is not None and _TEXT_HEADING.match(t) is None:
            label, rest = m.group(1), m.group(2)
            found = find_indicators(rest)
            if "." not in label and found and found[0].start <= 20:
                rows.append(["group", label, rest])
            else:
                rows.append(["row", label, rest])
            end = j = j + 1
            continue
        if not t or not rows or rows[-1][0] == "group" or len(rows[-1]) > _MERGED_ROW_LINES or _TEXT_HEADING.match(t):
            break
        rows[-1].append(t)
        end = j = j + 1
    body_rows = [r for r in rows if r[0] == "row"]
    if len(body_rows) < _MERGED_MIN_ROWS:
        return None
    # where an agency opens on each row's first line; the task column ends at about the same width on
    # every row, so the candidate nearest the rows' usual first one is taken ("… tại Bộ phận | Một cửa" names
    # an office inside the task; "… các cấp | Văn phòng UBND" opens the lead)
    candidates: list[list[int]] = []
    for r in body_rows:
        first = r[2]
        heads: list[int] = []
        k = -1
        for _ in range(_MERGED_MIN_WORDS):
            k = first.find(" ", k + 1)
            if k < 0:
                break
        while 0 <= k < len(first) - 3:
            if first[k + 1].isupper() and has_known_head(first[k + 1 : k + 121]):
                heads.append(k)
            k = first.find(" ", k + 1)
        candidates.append(heads)
    firsts = sorted(c[0] for c in candidates if c)
    if len(firsts) * 2 < len(candidates) or not any(len(r) > 3 for r in body_rows):
        return None  # rows whose lead cannot be found on their first line are no such table
    usual = firsts[len(firsts) // 2]
    cuts: list[int | None] = [min(c, key=lambda x: abs(x - usual)) if c else None for c in candidates]
    known = sorted(c for c in cuts if c is not None)
    width = known[(len(known) - 1) * 3 // 4]
    out = ["", "| " + " | ".join(names[: roles.index("lead") + 1]) + " |", "|" + "---|" * (roles.index("lead") + 1)]
    ci = iter(cuts)
    for r in rows:
        if r[0] == "group":
            out.append(f"| {r[1]} | {r[2]} |  |")
            continue
        cut = next(ci)
        first = r[2]
        pieces = [first[:cut] if cut is not None else first[:width]]
        lead = _lead_piece(first[cut + 1 :]) if cut is not None else ""
        for line in r[3:]:
            pieces.append(_prefix_within(line, width))
        text = " ".join(p.strip() for p in pieces if p.strip())
        out.append(f"| {r[1]} | {text.replace('|', '/')} | {lead.replace('|', '/')} |")
    out.append("")
    return out, end


# ---------------------------------------------------------------------------------------------
# Tables whose cells follow one another, a cell of one line joined to its neighbours by a space (pypdf's
# extract_text of a ruled table): "1" alone, the task's wrapped lines, then the lead's, support's, output's and
# time's cells, where the one-line ones share a line ("Sở Tư pháp Sở Thông tin và Truyền thông; Báo An Giang
# Chuyên mục, tin bài tuyên truyền Quý II - quý IV/2024"); a row of one-line cells is one line ("10 Kiểm tra …
# Sở Giáo dục và Đào tạo Sở Tài chính; … Báo cáo kết quả kiểm tra Đầu năm học 2024 - 2025"). The task ends where a
# line opens with an agency (or, on one line, at the first agency no link word leads into); of the rest, the
# lead is the agency opening it, the support the agencies after it, the time the part from the first
# capitalised time word on, the output what lies between.
# ---------------------------------------------------------------------------------------------

_RUN_ROW = regex.compile(r"^(\d{1,2})(?:[ \t]{1,3}(\p{L}.*))?$")
_RUN_GROUP = regex.compile(r"^(?:([IVX]{1,5})|([a-zđ]|[A-H]))[.)]?[ \t]{1,3}(\p{Lu}.{2,})$")
_RUN_MIN_ROWS = 3
_RUN_ROW_LINES = 24
_RUN_YEAR = regex.compile(r"^(?:19|20)\d\d(?!\d)")


@lru_cache(maxsize=1)
def _link_words() -> frozenset[str]:
    """Words after which an agency's name belongs to the task's text (tasks.yaml's cell_runs)."""
    raw = _tasks_data()["cell_runs"]
    return frozenset(w.lower() for w in raw["link_words"])


@lru_cache(maxsize=1)
def _time_words() -> tuple[str, ...]:
    """run_tables.time_openings in lower case, not folded: "Nam" (Việt Nam) and "Quyết" are no "năm", "quý"."""
    raw = _tasks_data()["run_tables"]
    return tuple(sorted((str(w).lower() for w in raw["time_openings"]), key=len, reverse=True))


def _time_word_at(words: list[str], k: int) -> bool:
    if not words[k][:1].isupper():
        return False
    s = " ".join(words[k : k + 3]).lower()
    return any(s == w or s.startswith(w + " ") or s.startswith(w + "/") for w in _time_words())


def _cell_run_table(lines: list[str], h: int, body: int, roles: list[str],
                    names: list[str]) -> tuple[list[str], int] | None:
    """(pipe lines, index after the table) of a table at ``h`` whose cells run on line after line."""
    from papi_extract.agencies import has_known_head

    if roles[:3] != ["number", "text", "lead"]:
        return None
    head = lines[h].strip(" \f")
    rows: list[list[str]] = []  # ["group", label, name] or ["row", label, lines...]
    expected, j, end = 1, body, body
    while j < len(lines):
        t = lines[j].strip(" \f")
        if t == head or (_BARE_NUMBER.match(t) and "\f" in lines[j]):
            j += 1  # the header printed again on a new page, a page number
            continue
        m = _RUN_ROW.match(t)
        if m is not None and int(m.group(1)) == expected:
            rows.append(["row", m.group(1)] + ([m.group(2)] if m.group(2) else []))
            expected += 1
            end = j = j + 1
            continue
        g = _RUN_GROUP.match(t)
        if g is not None and len(t) <= 120 and not has_known_head(g.group(3)) and (
                g.group(1) or (rows and rows[-1][0] == "group") or _names_indicator(g.group(3))):
            rows.append(["group", g.group(1) or g.group(2), g.group(3)])
            end = j = j + 1
            continue
        if not t or not rows or rows[-1][0] == "group" or len(rows[-1]) > _RUN_ROW_LINES or _TEXT_HEADING.match(t):
            break
        rows[-1].append(t)
        end = j = j + 1
    body_rows = [r for r in rows if r[0] == "row"]
    if len(body_rows) < _RUN_MIN_ROWS:
        return None
    width = len(roles)
    out = ["", "| " + " | ".join(names) + " |", "|" + "---|" * width]
    read = 0
    wrapped = _wrapped_stream(body_rows)
    for r in rows:
        if r[0] == "group":
            out.append("| " + " | ".join([r[1], r[2]] + [""] * (width - 2)) + " |")
            continue
        cells = _run_cells(r[2:], roles, wrapped)
        if cells is None:
            # a row whose lead cannot be found: its lines as its text, the other cells left empty
            cells = [" ".join(r[2:])] + [""] * (width - 2)
        else:
            read += 1
        out.append("| " + " | ".join([r[1], *(c.replace("|", "/") for c in cells)]) + " |")
    if read * 2 < len(body_rows):
        return None
    out.append("")
    return out, end


_WRAP_SLACK = 12  # characters short of the widest line a line wrapped at the width may stop
_WRAPPED_SHARE = 0.8


def _wrapped_stream(body_rows: list[list[str]]) -> bool:
    """The rows' lines are cut at one width (every line but a row's last runs close to the widest): a text
    browser wrote each row's cells one after another as a paragraph (``lynx -dump``), so a line's start
    says nothing of where a cell starts."""
    inner = [len(x) + (len(r[1]) + 1 if k == 0 else 0) for r in body_rows for k, x in enumerate(r[2:-1])]
    if len(inner) < _RUN_MIN_ROWS:
        return False
    widest = max(len(x) + (len(r[1]) + 1 if k == 0 else 0) for r in body_rows for k, x in enumerate(r[2:]))
    near = sum(1 for n in inner if n >= widest - _WRAP_SLACK)
    return near >= _WRAPPED_SHARE * len(inner)


def _names_indicator(name: str) -> bool:
    """A lettered line naming a PAPI indicator from its start ("b Giáo dục tiểu học công lập"): a sub-group row."""
    from papi_extract.taxonomy import find_indicators

    found = find_indicators(name)
    return bool(found) and found[0].start <= 3


def _run_cells(row_lines: list[str], roles: list[str], wrapped: bool = False) -> list[str] | None:
    """The cells after the number of one row (``_cell_run_table``), or None when no lead is found. In a
    ``wrapped`` table the row's lines are one stream cut at a fixed width (a text browser's dump), so no
    cell need open a line: the lead is found in the joined stream as in a row of one line."""
    from papi_extract.agencies import has_known_head

    if not row_lines:
        return None
    text_lines: list[str] = []
    rest: list[str] = []
    if wrapped and len(row_lines) > 1:
        row_lines = [" ".join(row_lines)]
    if len(row_lines) == 1:
        cut = _first_lead_start(row_lines[0])
        if cut is None:
            return None
        text_lines, rest = [row_lines[0][:cut].rstrip()], [row_lines[0][cut:]]
    else:
        for k, ln in enumerate(row_lines):
            if k > 0 and (has_known_head(ln[:120]) or ln.startswith("Các ")):
                text_lines, rest = row_lines[:k], row_lines[k:]
                break
        else:
            return None
    stream = " ".join(rest)
    lead = _lead_piece(stream, wrapped)
    if not lead:
        return None
    after = stream[len(lead) :].lstrip(" ;,")
    cells: dict[str, str] = {"text": " ".join(text_lines), "lead": lead}
    tail = roles[3:]
    if tail != [r for r in ("support", "output", "deadline") if r in tail]:
        return [cells.get(role, "") for role in roles[1:]]  # other columns in an order not read here: left empty
    time_at = _time_start(after) if "deadline" in roles else None
    before_time = after[:time_at].rstrip() if time_at is not None else after
    if time_at is not None:
        cells["deadline"] = after[time_at:].strip()
    if "support" in roles:
        support = _agency_run(before_time)
        cells["support"] = support.rstrip(" ;,")
        before_time = before_time[len(support) :].strip()
    if "output" in roles:
        cells["output"] = before_time
    elif before_time and "support" in cells:
        cells["support"] = f"{cells['support']} {before_time}".strip()
    return [cells.get(role, "") for role in roles[1:]]


def _first_lead_start(line: str) -> int | None:
    """Where the lead's agency opens on a row of one line: the first capitalised agency head after the task's
    first three words that no link word leads into ("… tại trụ sở UBND cấp xã" is the task's)."""
    from papi_extract.agencies import has_known_head

    link = _link_words()
    words = line.split(" ")
    at = 0
    for k, w in enumerate(words):
        if k >= _MERGED_MIN_WORDS and w[:1].isupper() and words[k - 1].lower().rstrip(",;") not in link:
            if has_known_head(" ".join(words[k : k + 12])):
                return at
        at += len(w) + 1
    return None


def _time_start(text: str) -> int | None:
    """Where the time cell opens in ``text`` (output and time run together): the first capitalised time word,
    else a year opening a range ("2024 - 2025") after the output's words."""
    words = text.split(" ")
    at = 0
    year_at: int | None = None
    for k, w in enumerate(words):
        if k > 0 and _time_word_at(words, k):
            return at
        if year_at is None and k > 0 and _RUN_YEAR.match(w):
            year_at = at
        at += len(w) + 1
    if words and words[0] and _time_word_at(words, 0):
        return 0
    return year_at


def _agency_run(text: str) -> str:
    """The agencies opening ``text``, up to the first capitalised word that neither opens an agency nor goes on
    with one's name (after "và", "-", or another capitalised word: "Ủy ban MTTQ Việt Nam")."""
    from papi_extract.agencies import has_known_head

    heads = _open_words()[1]
    words = text.split(" ")
    if not words or not (has_known_head(" ".join(words[:12])) or words[0] == "Các"):
        return ""
    for k in range(1, len(words)):
        w, prev = words[k], words[k - 1]
        if not w[:1].isupper() or prev in ("và", "-", "–") or (prev[:1].isupper() and not prev.endswith((",", ";"))):
            continue
        if prev.endswith(";") or has_known_head(" ".join(words[k : k + 12])) or w == "Các":
            continue
        if prev.lower() in heads or " ".join(words[max(0, k - 2) : k]).lower() in heads:
            continue  # a head that needs its name: "Văn phòng | Đăng ký đất đai", "Trung tâm | Phục vụ …"
        return " ".join(words[:k])
    return text


def _lead_piece(rest: str, joined: bool = False) -> str:
    """The lead's agency opening ``rest`` (the line after the task's piece): up to the next cell's start, a
    capital that opens another agency ("Sở Tư pháp | Sở Nội vụ; …"), follows a place word that ends a name
    ("Thanh tra tỉnh | Các sở, …") or opens a word no agency name holds; a ";" lists a second lead. In a
    ``joined`` row (one stream, no line cut inside a cell) the name goes on after "và" or "-" ("Văn phòng
    HĐND và UBND huyện" is one lead); elsewhere a cell's piece ending there was wrapped, the capital after
    it another column's."""
    from papi_extract.agencies import has_known_head
    from papi_extract.normalize import fold
    from papi_extract.tables import _cell_endings

    place = _cell_endings()[2]  # place words that end an agency's name ("huyện", "tỉnh"), folded
    words = rest.split(" ")
    k = 1
    while k < len(words):
        w, prev = words[k], words[k - 1]
        if w[:1].isupper() and not prev.endswith(";") and not (joined and prev in ("và", "-", "–")) \
                and not _ends_on_head(words[:k]):
            tail = " ".join(words[k : k + 12])
            if has_known_head(tail) or tail.startswith("Các ") or fold(prev.rstrip(",")) in place:
                break  # (a piece ending on "và", "," or "-" wrapped there: its rest is on the next lines)
        k += 1
    return " ".join(words[:k]).rstrip(" ,;-")


def _ends_on_head(words: list[str]) -> bool:
    """The words are only an agency head that needs a name after it ("Văn phòng" before "UBND tỉnh")."""
    return " ".join(words).lower() in _open_words()[1]


def _prefix_within(line: str, width: int) -> str:
    """The words that open ``line`` and fit in ``width`` characters (a line holds a column's piece at most
    that wide, then the next columns' pieces)."""
    k = 0
    while True:
        nxt = line.find(" ", k + 1)
        if nxt < 0:
            return line if len(line) <= width + 2 else line[:k]
        if nxt > width + 2:
            return line[:k] if k else line[:nxt]
        k = nxt


_Row = tuple[str, str, list[str]]  # (kind "row"/"group", label, lines)


def _rows(lines: list[str], h: int, body: int, furniture: frozenset[str]) -> tuple[list[_Row], int]:
    """The rows from ``body`` on, and the index of the first line after the table."""
    _, endings = _vocab()
    from papi_extract.normalize import fold

    head_lines = [lines[k].strip(" \f") for k in range(h, body)]
    rows: list[_Row] = []
    starts: list[int] = []  # the line each row opens on
    expected = 1
    j, n = body, len(lines)
    end = body  # after the last line a row took
    dropped = 0  # lines dropped since the last one taken: bounded, so a failed table costs a bounded scan

    def open_row(kind: str, label: str, first: list[str]) -> None:
        nonlocal end
        rows.append((kind, label, first))
        starts.append(j)
        end = j + 1

    while j < n:
        s = lines[j].strip(" \f")
        if dropped > _MAX_DROPPED:
            break
        if s == head_lines[0] and [x.strip(" \f") for x in lines[j : j + len(head_lines)]] == head_lines:
            j += len(head_lines)  # the header repeated on a new page
            dropped += 1
            continue
        if not s or s in furniture:
            j += 1
            dropped += 1
            continue
        if _BARE_NUMBER.match(s):  # a row's number, or a page number (after a form feed, or out of sequence)
            num = int(s.rstrip("."))
            if "\f" not in lines[j] and (num == expected or (num == 1 and rows and rows[-1][0] == "group")):
                open_row("row", s.rstrip("."), [])
                expected = num + 1
                dropped = 0
            else:
                dropped += 1  # a page number
            j += 1
            continue
        dropped = 0
        g = _GROUP.match(s)
        if g is not None and g.group(2) == g.group(2).upper() and any(c.isalpha() for c in g.group(2)):
            open_row("group", g.group(1), [g.group(2)])
            j += 1
            continue
        if g is not None and (u := _group_labels()[0].match(g.group(2))) is not None:
            # "I Đơn vị: Phòng Nội vụ" over its rows (a table grouped by agency): the group names their lead
            open_row("group", g.group(1), [g.group(2)[u.end():].strip()])
            j += 1
            continue
        if rows and rows[-1][0] == "group" and (len(rows[-1][2]) > 1 or _group_labels()[1].match(s)):
            # "Chỉ đạo: Phó" / "Chủ tịch" / "UBND huyện …": the group row's other cell, wrapped line by line
            rows[-1][2].append(s)
            end = j = j + 1
            continue
        g = _SUBGROUP.match(s)
        if g is not None and rows and (rows[-1][0] == "group" or rows[-1][2]):
            open_row("group", g.group(1), [g.group(2)])
            j += 1
            continue
        if rows and rows[-1][0] == "group" and s == s.upper() and any(c.isalpha() for c in s):
            rows[-1][2][0] += " " + s  # a group title wrapped on the next line
            end = j = j + 1
            continue
        if not rows or rows[-1][0] == "group" or fold(s[:12]).startswith(endings):
            break  # the text after the table (or lines that belong to no row)
        if len(rows[-1][2]) >= _ROW_MAX_LINES:
            rows.pop()  # a runaway row: the table ends before it
            end = starts.pop()
            break
        rows[-1][2].append(s)
        end = j = j + 1
    while rows and (rows[-1][0] == "group" or not rows[-1][2]):
        rows.pop()  # a group title or a number with nothing under it closes no table: left as text
        end = starts.pop()
    return rows, end


@lru_cache(maxsize=1)
def _group_labels() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a group row's label naming its rows' agency, "Đơn vị:"; the label of its directing cell, "Chỉ đạo:")."""
    raw = _tasks_data()["run_tables"]

    def labels(key: str) -> str:
        return "|".join(regex.escape(w) for w in sorted(raw[key], key=len, reverse=True))

    return (regex.compile(rf"(?i:{labels('unit_group_labels')})[ \t]{{0,2}}:[ \t]{{0,3}}(?=\p{{Lu}})"),
            regex.compile(rf"(?i:{labels('directing_labels')})[ \t]{{0,2}}:"))


def _widths(rows: list[_Row], roles: list[str], strict: bool = False) -> dict[str, int]:
    """Each column's width in characters: its longest wrapped line, i.e. a line that a first dealing
    (on the strong cues only, no widths) puts before another line of the same cell. A cell's last line
    or a one-line cell may hold two cells printed side by side, so neither counts. ``strict`` (cells that
    only wrap, see ``_deal_lines``): the width most wrapped lines keep to (the 80th percentile), so a line a
    first dealing misplaced does not widen its column."""
    lengths: dict[str, list[int]] = {}
    for kind, _, row_lines in rows:
        if kind != "row":
            continue
        for col, cell in _deal_lines(row_lines, roles[1:], {}, strict):
            lengths.setdefault(roles[1 + col], []).extend(len(line) for line in cell[:-1])
    if not strict:
        return {role: max(ls) for role, ls in lengths.items() if ls}
    return {role: sorted(ls)[(len(ls) - 1) * 4 // 5] for role, ls in lengths.items() if ls}


@lru_cache(maxsize=1)
def _open_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words after which a cell goes on, agency heads that need a name after them), lower case with
    their marks: folded, "bàn" (table) would be "Ban" (board) and "thi" (exam) "thị"."""
    data = _tasks_data()
    raw = data["ordered_cells"]
    return frozenset(raw["open_words"]) | frozenset(data["run_tables"]["open_words"]), frozenset(raw["open_heads"])


@lru_cache(maxsize=1)
def _open_verbs() -> frozenset[str]:
    """Two-word verbs that need their object ("nâng cao"): a line stopping on one goes on."""
    return frozenset(_tasks_data()["run_tables"].get("open_verbs") or ())


@lru_cache(maxsize=1)
def _indicator_tags() -> tuple[str, ...]:
    """Folded openings of an indicator tag in a note column ("chi so noi")."""
    return tuple(_tasks_data()["run_tables"].get("indicator_tags") or ())


def _opens_tag(line: str) -> bool:
    from papi_extract.normalize import fold

    return fold(line[:24]).startswith(_indicator_tags())


def _open_end(cell: list[str]) -> bool:
    """The cell stops where its text must go on: on "và", "các", "thị", a "-", "," or ";", a verb that needs
    its object ("nâng cao"), or an agency head written as one ("UBND", "Phòng", "Văn phòng"), not as a
    name's last word ("Sơn Hội")."""
    words, heads = _open_words()
    last = cell[-1].rstrip()
    if not last or last[-1] in "-,;&(":
        return True
    parts = last.rsplit(" ", 2)
    w1 = parts[-1]
    if w1.lower() in words:
        return True
    if len(parts) > 1 and f"{parts[-2]} {w1}".lower() in _open_verbs():
        return True
    if w1[:1].isupper() and w1.lower() in heads and (len(parts) == 1 or not parts[-2][:1].isupper()):
        return True  # "… của Ban" goes on; "xã Sơn Hội" is a place's name
    return len(parts) > 1 and parts[-2][:1].isupper() and " ".join(parts[-2:]).lower() in heads  # "Văn phòng"


def _goes_on(cell: list[str], line: str, role: str, widths: dict[str, int]) -> bool:
    """Whether ``line`` continues ``cell`` (of column ``role``) rather than opening the next cell."""
    from papi_extract.agencies import has_known_head

    if line[0].isdigit() and role in ("lead", "support") and not _open_end(cell) and _DATE_OPENING.match(line):
        return False  # "2023 - 2025" after a finished agency cell ("… thành phố"): the time cell opens
    if not line[0].isupper() or _FRAGMENT.match(line):
        # lower case, a mark, a number or a Roman number going on a date or a quarter ("III/2023")
        return True
    if _open_end(cell):
        return True
    if role not in ("text", "note") and _opens_tag(line):
        return False  # "Chỉ số nội" / "dung 4" after an output: the note column's indicator tag
    from papi_extract.normalize import fold

    if has_known_head(line[:120]) or (role != "text" and _opens_time(fold(line[:24]))):
        return False  # an agency (or, after one, a time) after a finished cell opens the next cell
    width = widths.get(role)
    if width:
        word = line.split(" ", 1)[0]
        return len(cell[-1]) + 1 + len(word) > width  # the line before could not hold this word: wrapped
    return False


def _deal_lines(row_lines: list[str], roles: list[str], widths: dict[str, int],
                strict: bool = False) -> list[tuple[int, list[str]]]:
    """(column index, lines) of each cell of a row, in order. A cell that opens with a time where an
    agency column comes next leaves that column empty (a row with no supporting agency). ``strict``: the
    cells only wrap (nothing else shares a line), so a line opens the next column only if it can: a time
    cell opens with a time's word (read on into the next line: "Thường" / "xuyên"), an agency cell with an
    agency's head or within the column's width."""
    from papi_extract.agencies import has_known_head
    from papi_extract.normalize import fold

    cells: list[tuple[int, list[str]]] = []
    for k, line in enumerate(row_lines):
        if not cells:
            cells.append((0, [line]))
            continue
        col, cur = cells[-1]
        # (strict: the character count of a line is too rough a width to tell a wrap where a proportional
        # font decided it; which column a line can open decides instead)
        if col >= len(roles) - 1 or _goes_on(cur, line, roles[col], {} if strict else widths):
            cur.append(line)
            continue
        ahead = f"{line} {row_lines[k + 1]}" if strict and k + 1 < len(row_lines) else line
        nxt = col + 1
        if (roles[nxt] in ("lead", "support") and "deadline" in roles[nxt:] and not has_known_head(line[:120])
                and _opens_time(fold(ahead[:24]))):
            nxt = roles.index("deadline", nxt)
        elif roles[nxt] != "note" and "note" in roles[nxt:] and roles[col] != "text" and _opens_tag(line):
            nxt = roles.index("note", nxt)  # an indicator tag where the output cell is empty: the note's
        if strict and not _may_open(roles[nxt], line, ahead, widths):
            cur.append(line)
            continue
        cells.append((nxt, [line]))
    return cells


_WIDTH_SLACK = 4  # characters a wrapped line may run past its column's usual width (a proportional font)


def _may_open(role: str, line: str, ahead: str, widths: dict[str, int]) -> bool:
    """Whether ``line`` can be the first line of a cell of column ``role`` (see ``_deal_lines``)."""
    from papi_extract.agencies import has_known_head
    from papi_extract.normalize import fold

    if role == "deadline":
        return _opens_time(fold(ahead[:24])) or line.strip() in ("-", "–", "—") or bool(_DATE_OPENING.match(line))
    if role in ("lead", "support"):
        return has_known_head(line[:120]) or len(line) <= widths.get(role, 0) + _WIDTH_SLACK
    return True


def _deal(row_lines: list[str], roles: list[str], widths: dict[str, int], strict: bool = False) -> list[str]:
    """A row's lines dealt to its cells (``roles``, in column order), each cell's lines joined; then a
    cell whose next column is empty may hold that column's cell too, printed on the same line
    ("Năm 2023 Biên bản họp dân", "Thanh tra huyện UBND các xã được thanh tra"): it is cut there."""
    cells = [""] * len(roles)
    for col, lines in _deal_lines(row_lines, roles, widths, strict):
        cells[col] = " ".join(lines)
    if strict:
        return cells  # no two cells share a line
    k = 1
    while k < len(roles) - 1:
        if cells[k] and not cells[k + 1]:
            cut = _cut(cells[k], roles[k], roles[k + 1])
            if cut is not None:
                cells[k], cells[k + 1] = cells[k][:cut].rstrip(), cells[k][cut:].lstrip()
        k += 1
    empty = [k for k in range(1, len(roles)) if not cells[k]]
    if len(roles) > 2 and len(empty) == 1:
        # every cell filled but one (the last, or one before a note column's tag): a cell before it that
        # holds the start of the next one ("UBND các xã, thị trấn Quý II/2023", two cells printed on one
        # line) pushed the cells up to the empty one a column left; cut it, shift them
        e = empty[0]
        for k in range(1, e):
            cut = _cut(cells[k], roles[k], roles[k + 1])
            if cut is not None:
                cells[k + 2 : e + 1] = cells[k + 1 : e]
                cells[k], cells[k + 1] = cells[k][:cut].rstrip(), cells[k][cut:].lstrip()
                break
    return cells


def _cut(cell: str, role: str, next_role: str) -> int | None:
    """Where ``cell`` (of ``role``) holds the start of the next column's cell too, or None: a time cell
    stops before its first capital that no time needs ("Hằng tháng | Thư xin lỗi", but "Quý II - Quý
    IV/2023"); an agency cell before an agency head ("Thanh tra huyện | UBND các xã") or, when a time
    comes next, before a time's first word ("UBND các xã, thị trấn | Tháng 12/2023")."""
    from papi_extract.agencies import has_known_head
    from papi_extract.normalize import fold

    f = fold(cell)
    if role == "deadline":
        if f.startswith(_REFERENCE_OPENINGS):
            return None  # "Theo Kế hoạch thanh tra năm 2023": the capitals name a document
        k = cell.find(" ")
        while 0 < k < _CUT_WITHIN:
            nxt = cell.find(" ", k + 1)
            word = cell[k + 1 : nxt if nxt > 0 else len(cell)]
            if word[:1].isupper() and not _ROMAN_WORD.match(word) and not _opens_time(f, k + 1):
                return k + 1 if cell[k - 1] not in "-,;/" else None
            k = cell.find(" ", k + 1)
        return None
    if role not in ("lead", "support") or next_role not in ("support", "deadline"):
        return None
    k = cell.find(" ")
    while 0 < k < _CUT_WITHIN:
        if cell[k + 1 : k + 2].isupper() and cell[k - 1] not in ",;-&" and not _open_end([cell[:k]]):
            rest = cell[k + 1 : k + 81]
            if next_role == "support" and has_known_head(rest):
                return k + 1
            if next_role == "deadline" and _opens_time(f, k + 1):
                return k + 1
        k = cell.find(" ", k + 1)
    return None


# ---------------------------------------------------------------------------------------------
# Score tables: "TT Chỉ số nội dung" over column names broken into one-word lines ("Năm" / "2021" /
# "Năm" / "2022" / "Tăng" / "(+)," / "giảm (-)"), each row a number line, its name's lines and a line
# of its figures ("4,85 4,97 +0,12 35"), or all of it on one line ("5 Thủ tục hành chính công 7,15 …")
# ---------------------------------------------------------------------------------------------

_FIGURE = r"[+-]?\d{1,3}(?:[,.]\d{1,3})?(?:/\d{2,3})?"
_FIGURES = regex.compile(rf"^{_FIGURE}(?:[ \t]{{1,3}}{_FIGURE}){{1,12}}$")
_ONE_LINE_ROW = regex.compile(rf"^(?:(\d{{1,2}})\.?[ \t]{{1,3}})?(\p{{L}}[^\n]{{1,150}}?)[ \t]{{1,3}}({_FIGURE}(?:[ \t]{{1,3}}{_FIGURE}){{1,12}})$")
_SCORE_HEAD_EXTRA = 14  # one-word lines of a score table's column names
_NAME_MAX_LINES = 4


_OCR_WALL = regex.compile(r"[ \t]{0,3}\|[ \t]{0,3}")
_OCR_LABEL_JUNK = regex.compile(r"^(\d{1,2})[_.,'`‘’]{1,2}(?=[ \t])")


def _unwalled(t: str) -> str:
    """An OCR'd table line without the walls it kept of its ruling ("2_ |Công khai, minh bạch 5,36 +0,05" ->
    "2 Công khai, minh bạch 5,36 +0,05"): a "|" between cells and a stray mark after the row number."""
    if "|" in t:
        t = _OCR_WALL.sub(" ", t).strip()
    return _OCR_LABEL_JUNK.sub(r"\1", t) if t[:1].isdigit() else t


def _score_table(lines: list[str], h: int) -> tuple[list[str], int] | None:
    """(pipe lines, index after the table) of a score table whose header line is ``h``, or None."""
    if any("|" in lines[k] for k in range(h, min(len(lines), h + 3))):
        # an OCR'd table with some of its walls: read without them (the rows are written anew as pipe rows)
        lines = lines[:h] + [_unwalled(x) for x in lines[h : h + 200]] + lines[h + 200 :]
    first = lines[h].strip(" \f")
    if len(first) > 80:
        return None
    rest = ""
    got = _scan_header(first)
    if got is None or got[1] or len(got[0]) != 2:
        # "TT Chỉ số nội dung Năm 2022 Năm 2023 Tăng (+)," (pdfplumber: a header's cells on one line): the name
        # columns, then the value columns' names, wrapped on the lines below
        m = _NAMES_THEN_VALUES.match(first)
        if m is None:
            return None
        first, rest = m.group(1), m.group(2)
        got = _scan_header(first)
    if got is None or got[1] or len(got[0]) != 2 or got[0][1][0] not in ("dimension", "text", "subdimension"):
        return None
    head = [first, rest] if rest else [first]
    j = h + 1
    while j < len(lines) and len(head) <= _SCORE_HEAD_EXTRA:
        t = lines[j].strip(" \f")
        if not t or len(t) > 30 or _BARE_NUMBER.match(t) or _ONE_LINE_ROW.match(t):
            break
        head.append(t)
        j += 1
    names = _column_names(" ".join(head[1:]))
    rows: list[list[str]] = []
    width: int | None = None
    end = j
    dropped = 0
    cur: list[str] | None = None  # [number, name lines...] of a row waiting for its figures
    while j < len(lines) and dropped <= _MAX_DROPPED:
        t = lines[j].strip(" \f")
        if head[0] == t and [x.strip(" \f") for x in lines[j : j + len(head)]] == head:
            j += len(head)  # the header again on a new page
            dropped += 1
            continue
        if cur is not None:
            if _FIGURES.match(t):
                figs = t.split()
                if width is not None and len(figs) != width:
                    break
                width = len(figs)
                rows.append([cur[0], " ".join(cur[1:]), *figs])
                cur, end, dropped = None, j + 1, 0
            elif t and not _BARE_NUMBER.match(t) and len(cur) <= _NAME_MAX_LINES:
                cur.append(t)
            else:
                break
            j += 1
            continue
        m = _ONE_LINE_ROW.match(t) if t else None
        if m is not None:
            figs = m.group(3).split()
            if width is not None and len(figs) != width:
                break
            width = len(figs)
            rows.append([m.group(1) or "", m.group(2), *figs])
            end, dropped = j + 1, 0
        elif t and rows and end == j and t[:1].islower() and not any(c.isdigit() for c in t) and len(t) <= 60:
            rows[-1][1] += " " + t  # the row's name wrapped under its figures ("… ở cấp cơ 4,98 35 …" / "sở")
            end = j + 1
        elif t and _BARE_NUMBER.match(t) and "\f" not in lines[j] and \
                t.rstrip(".") == str(int(rows[-1][0]) + 1 if rows and rows[-1][0].isdigit() else 1):
            cur = [t.rstrip(".")]
        elif not t or _BARE_NUMBER.match(t) or lines[j].strip(" \f") in _furniture_near(lines, j):
            dropped += 1  # a page number or a running footer
        else:
            break
        j += 1
    if len(rows) < 3 or width is None:
        return None
    if len(names) != width:
        names = _spanned_names(" ".join(head[1:]), width) or names
        if len(names) != width:
            return None
    out = ["", "| " + " | ".join([*_HEAD_SPLIT.split(first, maxsplit=1)] + names) + " |", "|" + "---|" * (width + 2)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    out.append("")
    return out, end


_HEAD_SPLIT = regex.compile(r"(?<=^(?:STT|TT|Số TT))[ \t]{1,3}")


# the name columns of a score table's header, then the names of its value columns on the same line
_NAMES_THEN_VALUES = regex.compile(
    r"^((?:STT|TT|Số TT)[ \t]{1,3}(?:Chỉ số nội dung|Nội dung|Chỉ số|Tên chỉ số|Lĩnh vực))[ \t]{1,3}"
    r"((?:Năm|Điểm|Kết quả)[ \t][^\n]{2,80})$")
_HEAD_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _spanned_names(joined: str, width: int) -> list[str] | None:
    """A two-level header run together on lines ("Năm 2022 Năm 2023 Tăng (+), / Điểm Xếp Điểm Xếp giảm (-) /
    hạng/63 hạng/63 điểm"): each year spans its metrics ("Điểm", "Xếp hạng"), a change column closes the row.
    The names, one per value column, when the years, metrics and change account for ``width`` columns."""
    from papi_extract.normalize import fold

    f = fold(joined)
    years = list(dict.fromkeys(int(y) for y in _HEAD_YEAR.findall(f)))
    metrics = [name for key, name in (("diem", "Điểm"), ("xep", "Xếp hạng"), ("thu", "Thứ hạng"))
               if regex.search(rf"(?<!\w){key}(?!\w)", f)]  # (the header's words are wrapped apart: "Thứ" / "hạng")
    change = "tang" in f or "giam" in f or "chenh lech" in f
    if not years or not metrics or len(years) * len(metrics) + int(change) != width:
        return None
    names = [f"Năm {y} {m}" for y in years for m in metrics]
    return [*names, "Tăng (+), giảm (-)"] if change else names


def _column_names(joined: str) -> list[str]:
    """Column names run together on wrapped lines, parted before each word in capitals outside
    parentheses ("Năm 2021 Năm 2022 Tăng (+), giảm (-) Xếp hạng năm 2022" -> four names)."""
    names: list[str] = []
    depth = 0
    cur: list[str] = []
    for word in joined.split():
        if word[:1].isupper() and depth == 0 and cur:
            names.append(" ".join(cur))
            cur = []
        cur.append(word)
        depth = max(0, depth + word.count("(") - word.count(")"))
    if cur:
        names.append(" ".join(cur))
    return names


def _furniture_near(lines: list[str], j: int) -> frozenset[str]:
    """A running footer: a line just before a page break (a form feed on one of the next two lines)."""
    if any("\f" in lines[x] for x in range(j + 1, min(len(lines), j + 3))):
        return frozenset({lines[j].strip(" \f")})
    return frozenset()


# ---------------------------------------------------------------------------------------------
# Tables exported one cell per line (LibreOffice's or Word's "Text" export of a .docx): "STT" /
# "Nội dung nhiệm vụ" / "Cơ quan chủ trì" / … each on its own line, then each row's cells one per
# line, an empty cell an empty line, a cell of two paragraphs on two lines; a group row is its
# Roman number on one line and its title on the next.
# ---------------------------------------------------------------------------------------------

_NUMBER_HEADS = ("STT", "TT", "Số TT")
_RUNNING_HEAD_MAX = 100  # characters of a page's running header line
_ROMAN_ALONE = regex.compile(r"^[IVX]{1,5}\.?$")
_DECIMAL_LABEL = regex.compile(r"^(\d{1,2})\.(\d{1,2})\.?$")  # "5.1": a row numbered under its group "5"
_CELL_HEAD_MAX = 60
_ROW_LINES_PER_CELL = 4  # a row of more lines than this per cell is no row of the table: it ends before it
# a heading of the text after the table ("V. TỔ CHỨC THỰC HIỆN", "3. Tổ chức thực hiện")
_TEXT_HEADING = regex.compile(r"^(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,2})\.[ \t]{1,3}\p{Lu}")


_SPACED_MAX = 3000  # cells read from a table with a blank line after each cell


def _spaced_cell_line_table(lines: list[str], h: int) -> tuple[list[str], int] | None:
    """``_cell_line_table`` of a score table written one cell per paragraph, a blank line after each
    (``docx2txt``): every other line from the "STT" one is a cell; the lines skipped must all be blank. (Task
    tables in this shape are read by the table reader's blank-separated cells.)"""
    from papi_extract.tables import header_role

    view = lines[h : min(len(lines), h + 2 * _SPACED_MAX) : 2]
    if any(header_role(x.strip()) in ("lead", "support", "deadline", "output") for x in view[1:8]):
        return None  # a task table: the table reader reads blank-separated cells itself
    got = _cell_line_table(view, 0)
    if got is None:
        return None
    table, end = got
    if any(lines[h + 2 * m + 1].strip() for m in range(end) if h + 2 * m + 1 < len(lines)):
        return None
    return table, min(len(lines), h + 2 * end)


_BLOCK_HEAD_LINES = 12  # lines under "STT" where a blank line tells a table printed block by block
_BLOCK_MAX_LINES = 4000  # non-blank lines of such a table read at most


def _block_cell_line_table(lines: list[str], h: int) -> tuple[list[str], int] | None:
    """``_cell_line_table`` of a table printed block by block (PyMuPDF's ``get_text("blocks")``): each
    block's lines are a cell's or a few cells' lines, and a blank line ends a block wherever the PDF put
    one, within a cell ("Cơ quan chủ" / "" / "trì") or between cells, so blank lines tell nothing: the
    table is read from its non-blank lines."""
    at: list[int] = []  # index in ``lines`` of each line of the view
    for x in range(h, min(len(lines), h + 2 * _BLOCK_MAX_LINES)):
        t = lines[x]
        if t.strip():
            if len(t) > _HEAD_MAX_LEN or len(at) >= _BLOCK_MAX_LINES:
                break
            at.append(x)
    got = _cell_line_table([lines[x] for x in at], 0)
    if got is None:
        return None
    table, end = got
    return table, (at[end - 1] + 1 if end > 0 else h + 1)


def _cell_line_table(lines: list[str], h: int) -> tuple[list[str], int] | None:
    """(pipe lines, index after the table) of a table exported one cell per line whose "STT" is line ``h``."""
    from papi_extract.tables import header_role

    names = [lines[h].strip()]
    j = h + 1
    while j < len(lines) and len(names) <= 12:
        t = lines[j].strip()
        if not t or len(t) > _CELL_HEAD_MAX:
            break
        role = header_role(t)
        if len(names) > 1 and t[:1].islower() and header_role(f"{names[-1]} {t}") not in (None, "number"):
            names[-1] = f"{names[-1]} {t}"  # "Thời gian" / "thực hiện": a name wrapped in its cell
            j += 1
            continue
        if role is None and j + 1 < len(lines) and (nxt := lines[j + 1].strip()) and nxt[:1].islower() \
                and header_role(f"{t} {nxt}") not in (None, "number"):
            names.append(f"{t} {nxt}")  # "Cơ quan chủ" / "trì"
            j += 2
            continue
        if role in (None, "number"):
            break
        names.append(t)
        j += 1
    roles = ["number"] + [header_role(x) or "" for x in names[1:]]
    printed = [x.strip() for x in lines[h:j]]  # the header's lines (a name may wrap over two)
    if len(roles) == 2 and roles[1] in ("text", "dimension", "subdimension"):
        return _cell_line_scores(lines, names, j)
    if len(roles) == 1 and j + 1 < len(lines) and 0 < len(lines[j].strip()) <= _CELL_HEAD_MAX \
            and _SCORE_HEAD_CELL.search(lines[j + 1]) and not _FIGURE_CELL.match(lines[j].strip()):
        # "STT" / "Lĩnh vực" / "Điểm năm 2022": a name column of any name, then score columns
        return _cell_line_scores(lines, [*names, lines[j].strip()], j + 1)
    if "text" not in roles or len(set(roles) & {"lead", "support", "deadline", "output"}) < 2:
        return None
    k = len(roles) - 1  # cells after the number
    rows: list[list[str]] = []  # [label, cells…] or ["group", label, title]
    expected, end = 1, j
    cur: list[str] | None = None
    major, minor = 0, 0  # the last "5" / "5.2" of a table numbered by group
    while j < len(lines):
        t = lines[j].strip(" \f")
        if "\f" in lines[j] and (not t or _BARE_NUMBER.match(t)):
            j += 1  # a page break and its page number
            continue
        if "\f" in lines[j] and len(t) <= _RUNNING_HEAD_MAX and _header_again(lines, j + 1, printed):
            j += 1  # the page break's running header ("Kế hoạch cải thiện Chỉ số PAPI … - xã …"), the header after it
            continue
        if _header_again(lines, j, printed):
            j += len(printed)  # the header printed again on the next page
            continue
        dm = _DECIMAL_LABEL.match(t)
        if _BARE_NUMBER.match(t) and j + 2 < len(lines) and lines[j + 1].strip() and (
                (g := _DECIMAL_LABEL.match(_after_break(lines, j + 2, printed))) is not None
                and g.group(1) == t.rstrip(".") and int(g.group(2)) == 1):
            # "5" / "Thủ tục hành chính công" / "5.1": a group row over the rows numbered under it
            rows.append(["group", t.rstrip("."), lines[j + 1].strip()])
            cur = None
            major, minor = int(t.rstrip(".")), 0
            end = j = j + 2
            continue
        if dm is not None and (int(dm.group(1)), int(dm.group(2))) in ((major, minor + 1), (major + 1, 1)):
            cur = [t.rstrip(".")]
            rows.append(cur)
            major, minor = int(dm.group(1)), int(dm.group(2))
            end = j = j + 1
            continue
        if _BARE_NUMBER.match(t) and int(t.rstrip(".")) == expected:
            cur = [t.rstrip(".")]
            rows.append(cur)
            expected += 1
            end = j = j + 1
            continue
        if _ROMAN_ALONE.match(t) and j + 1 < len(lines) and lines[j + 1].strip() and \
                not _BARE_NUMBER.match(lines[j + 1].strip()):
            title, j = lines[j + 1].strip(), j + 2
            while (title.isupper() and j < len(lines) and title.count(" ") < _GROUP_MAX_WORDS
                   and (more := lines[j].strip()).isupper() and not _ROMAN_ALONE.match(more)):
                title, j = f"{title} {more}", j + 1  # a title in capitals wrapped over lines ("… DỊCH VỤ" / "CÔNG")
            rows.append(["group", t.rstrip("."), title])
            cur = None
            end = j
            continue
        sub = _sub_group_lines(lines, j, expected)
        if sub:
            # an unnumbered row naming a sub-dimension over the numbered rows under it
            rows.append(["group", "", " ".join(lines[x].strip() for x in range(j, j + sub))])
            cur = None
            end = j = j + sub
            continue
        if cur is None or _TEXT_HEADING.match(t) or len(cur) > k * _ROW_LINES_PER_CELL:
            break
        cur.append(t)
        end = j = j + 1
    while rows and rows[-1][0] == "group":
        rows.pop()
    body = [r for r in rows if r[0] != "group"]
    if len(body) < 2:
        return None
    if rows and rows[-1][0] != "group":
        # the last row ends at its last filled line: the text after the table starts there
        last = rows[-1]
        while len(last) > 2 and not last[-1]:
            last.pop()
            end -= 1
    # PyMuPDF, pdfplumber …: each cell's lines wrapped at its column's width, no line left empty for an
    # empty cell, so most rows have more lines than cells: the lines are dealt to the cells (``_deal``)
    wrapped = (sum(1 for r in body if len(r) - 1 > k) * 2 >= len(body)
               and not any(not x for r in body for x in r[1:]))
    widths = _widths([("row", r[0], r[1:]) for r in body], roles, strict=True) if wrapped else {}
    out = ["", "| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    for r in rows:
        if r[0] == "group":
            out.append("| " + " | ".join([r[1], r[2]] + [""] * (k - 1)) + " |")
        else:
            cells = _deal(r[1:], roles[1:], widths, strict=True) if wrapped else _fit_cells(r[1:], roles[1:])
            out.append("| " + " | ".join([r[0], *(c.replace("|", "/") for c in cells)]) + " |")
    out.append("")
    return out, end


_SUB_GROUP_MAX_LINES = 2
_GROUP_MAX_WORDS = 30  # words of a group row's title wrapped over lines


def _sub_group_lines(lines: list[str], j: int, expected: int) -> int:
    """How many lines from ``j`` (1 or 2) make an unnumbered group row: together they name a PAPI indicator
    from their first word to their last, and the next row's number follows them; else 0."""
    from papi_extract.taxonomy import find_indicators

    text = ""
    for m in range(_SUB_GROUP_MAX_LINES):
        if j + m + 1 >= len(lines):
            return 0
        t = lines[j + m].strip(" \f")
        if not t or _BARE_NUMBER.match(t) or len(t) > _CELL_HEAD_MAX:
            return 0
        text = f"{text} {t}" if text else t
        nxt = lines[j + m + 1].strip(" \f")
        if _BARE_NUMBER.match(nxt) and int(nxt.rstrip(".")) == expected:
            found = find_indicators(text)
            return m + 1 if found and found[0].start == 0 and found[0].end >= len(text.rstrip(" .:")) else 0
    return 0


def _header_again(lines: list[str], j: int, names: list[str]) -> bool:
    """The table's header printed again from line ``j`` (its number column spelled any way: "TT", "STT")."""
    return (lines[j].strip(" \f") in _NUMBER_HEADS
            and [x.strip(" \f") for x in lines[j + 1 : j + len(names)]] == names[1:])


def _after_break(lines: list[str], j: int, names: list[str]) -> str:
    """Line ``j``, or the first line after the page break that starts there (its page number and the
    header printed again), stripped."""
    for _ in range(3):
        if j >= len(lines):
            return ""
        t = lines[j].strip(" \f")
        if "\f" in lines[j] and (not t or _BARE_NUMBER.match(t)):
            j += 1
        elif _header_again(lines, j, names):
            j += len(names)
        else:
            return t
    return ""


def _fit_cells(row_lines: list[str], roles: list[str]) -> list[str]:
    """A row's lines as its cells: one line a cell; more lines than cells: a cell of several paragraphs,
    the last two agency lines side by side in the agency columns joined ("Phòng Văn hóa và Thông tin" /
    "UBND các xã, thị trấn" are one supporting cell), else the last two lines; fewer: fitted to the
    columns by what they hold (``_fit_fewer``)."""
    from papi_extract.agencies import has_known_head

    if len(row_lines) < len(roles):
        return _fit_fewer(row_lines, roles)
    cells = list(row_lines)
    agency_cols = {i for i, r in enumerate(roles) if r in ("lead", "support")}
    while len(cells) > len(roles):
        at = None
        for i in range(len(cells) - 2, 0, -1):
            if cells[i] and cells[i + 1] and has_known_head(cells[i][:120]) and has_known_head(cells[i + 1][:120]) \
                    and (i in agency_cols or not agency_cols):
                at = i
                break
        if at is None:
            at = len(cells) - 2
        cells[at : at + 2] = [f"{cells[at]}; {cells[at + 1]}" if cells[at] else cells[at + 1]]
    return cells + [""] * (len(roles) - len(cells))


_FIT_MIN_TEXT_WORDS = 4


def _fit_fewer(row_lines: list[str], roles: list[str]) -> list[str]:
    """A row with fewer cells than columns: an export that drops empty cells and prints a merged cell
    once (a scraper's ``get_text("\\n")`` of an HTML table; "Chỉ số nội dung" spanning three rows). The
    cells keep their order; the columns they fill are the choice whose cells best fit them (a PAPI
    indicator's name in an indicator column, a time in the time column, an agency in an agency column),
    the text column always filled, on a tie the earliest columns (the last cells left empty)."""
    from papi_extract.agencies import has_known_head
    from papi_extract.deadlines import parse_deadlines
    from papi_extract.tables import _default_matcher, _indicator, _strong

    match = _default_matcher()
    n, m = len(roles), len(row_lines)

    def fit(v: str, role: str) -> int:
        if role in ("dimension", "subdimension"):
            return 3 if _strong(_indicator(v, match), v) else -5
        if role == "deadline":
            return 3 if len(v) <= 60 and parse_deadlines(v, cell=True) else -3
        if role in ("lead", "support"):
            return 1 if has_known_head(v[:120]) else -1
        if role == "text":
            return 2 if len(v.split()) >= _FIT_MIN_TEXT_WORDS else 0
        return 0

    text_at = roles.index("text") if "text" in roles else -1
    best: tuple[int, tuple[int, ...]] | None = None
    if n <= _FIT_MAX_COLUMNS:
        fits = [[fit(v, role) for role in roles] for v in row_lines]  # each cell against each column, once
        for combo in itertools.combinations(range(n), m):
            if text_at >= 0 and text_at not in combo:
                continue
            score = sum(fits[x][k] for x, k in enumerate(combo))
            if best is None or score > best[0]:  # (combinations come earliest first: a tie keeps the earlier)
                best = (score, combo)
    chosen = best[1] if best is not None else tuple(range(m))
    cells = [""] * n
    for v, k in zip(row_lines, chosen, strict=True):
        cells[k] = v
    return cells


_FIT_MAX_COLUMNS = 9  # C(9, 4) = 126 choices at most per row


_YEAR_ALONE = regex.compile(r"^(?:19|20)\d\d$")
_SCORE_HEAD_CELL = regex.compile(r"(?i)điểm|xếp hạng|thứ hạng|tăng|giảm|năm|^(?:19|20)\d\d$")
_FIGURE_CELL = regex.compile(rf"^{_FIGURE}$")
# a score column's name in one cell: "Tăng (+), giảm (-) so với năm 2023" is 34 characters; a sentence is longer
_SCORE_HEAD_MAX = 48


def _cell_line_scores(lines: list[str], names: list[str], j: int) -> tuple[list[str], int] | None:
    """A score table exported one cell per line: "TT" / "Chỉ số nội dung" / "Điểm năm 2021" / "Xếp hạng", then
    per row its number, its name and one figure per line (a total row has an empty number cell)."""
    names = list(names)
    while j < len(lines) and len(names) < 10:
        t = lines[j].strip()
        if not t or len(t) > _SCORE_HEAD_MAX or not _SCORE_HEAD_CELL.search(t) or _FIGURE_CELL.match(t):
            break
        if len(names) > 2 and (t[:1].islower() or _YEAR_ALONE.match(t)):
            names[-1] += " " + t  # a column name wrapped: "Điểm năm" / "2023", "Tăng (+), giảm (-)" / "so với năm 2022"
        else:
            names.append(t)
        j += 1
    width = len(names) - 2
    if width < 1:
        return None
    rows: list[list[str]] = []
    end = j
    while j + 1 + width < len(lines) + 1:
        t = lines[j].strip()
        number = ""
        if _BARE_NUMBER.match(t):
            number = t.rstrip(".")
            j += 1
        elif not t and rows:
            j += 1  # the empty number cell of a total row
        name = lines[j].strip() if j < len(lines) else ""
        k = j + 1
        while (k < len(lines) and k - j < _NAME_MAX_LINES and lines[k].strip()
               and not _FIGURE_CELL.match(lines[k].strip()) and not _BARE_NUMBER.match(lines[k].strip())):
            name = f"{name} {lines[k].strip()}"  # a name wrapped over lines ("… ra quyết" / "định ở địa phương")
            k += 1
        figs = [x.strip() for x in lines[k : k + width]]
        if not name or _FIGURE_CELL.match(name) or len(figs) < width or not all(_FIGURE_CELL.match(x) for x in figs):
            break
        rows.append([number, name, *figs])
        end = j = k + width
    if len(rows) < 3:
        return None
    out = ["", "| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    out.append("")
    return out, end
