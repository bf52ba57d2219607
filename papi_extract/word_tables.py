"""Tables of Word's "Save as Plain Text": one table row per tab-separated line, except that a cell
holding several paragraphs spills its later paragraphs onto the lines below.

Why: the export writes a cell's paragraphs one per line, so a row with a two-agency cell
("- Ủy ban MTTQ Việt Nam tỉnh;" / "- UBND các huyện, …") comes out as two lines, the second
carrying the rest of the row ("- UBND các huyện, thị xã, thành phố<TAB>Trước ngày 30/9/2022<TAB>…").
Read line by line, the second line's cells land in the wrong columns. Rewritten: the lines of such
a row are joined by a space (one character for the newline, so nothing else moves) when together
they hold exactly the table's number of cells.

The same export writes a list item as its marker, a tab and its text ("-<TAB>Khắc phục …"); that
tab becomes a space, so the item is read as an item, not as a two-cell table row. So does the tab after a
field line's name ("Cơ quan chủ trì:<TAB>Sở Nội vụ", docx2txt).

A run of lines is a table when at least two of its lines hold the widest tab count and three filled
cells; a line is
joined with the lines below only while they start no new row (a number or Roman label cell) and
no blank line comes between. One pass over the lines (linear).
"""

from __future__ import annotations

import regex

_ROW_LABEL = regex.compile(r"^[ ]{0,3}(?:\d{1,3}(?:\.\d{1,3}){0,2}\.?|[IVXLC]{1,6}\.?)[ ]{0,2}\t")
_MAX_SPILL = 12  # lines one row may spill over
# a numbered paragraph or heading ("IV. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ"): its label is followed by a space, a row's
# by a tab (_ROW_LABEL)
_PARA_LABEL = regex.compile(r"^[ ]{0,3}(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,2})[.)][ ]")
_NUMBER_HEAD = regex.compile(r"^[ ]{0,3}(?:STT|TT|Số TT|Stt)[ ]{0,2}\t")


def _header_row(line: str) -> bool:
    """A table's header row ("TT<TAB>Chỉ số nội dung<TAB>…", "Chỉ số thành phần<TAB>TT<TAB>Nội dung công việc<TAB>…"):
    never a spilled paragraph of a row above it (an odfpy text has no blank line: a one-row header table and the
    paragraphs under it run on to the next table). A "TT" first cell, or three cells or more naming a column's
    role."""
    if line.count("\t") < 2:
        return False
    if _NUMBER_HEAD.match(line):
        return True  # "TT<TAB>…": a score table's header names its year columns with no role word
    from papi_extract.tables import header_role  # (tables imports normalize, which imports this module)

    return sum(1 for c in line.split("\t") if c.strip() and header_role(c.strip())) >= 3
# Word's export of a list item: the marker, a tab, the text ("-<TAB>Khắc phục …", "1.<TAB>Sở Nội vụ")
# a field line's tab after its name: "Cơ quan chủ trì:<TAB>Văn phòng HĐND và UBND huyện." (after a list marker too)
_LABEL_TAB = regex.compile(r"^[ ]{0,4}(?:[-+•*–][ ]{1,3})?(?P<name>[^\t:]{2,40}):\t(?=\S)")


def _field_name(name: str) -> bool:
    """A task field's name ("Cơ quan chủ trì", "Thời gian hoàn thành"), not a tail's ("Nơi nhận:<TAB>TM. ỦY BAN
    …" is a two-column layout)."""
    from papi_extract.tables import header_role  # tables imports normalize, which imports this module

    return header_role(name.strip()) in ("lead", "support", "deadline", "output", "directing")
_LIST_TAB = regex.compile(r"^[ ]{0,4}(?:[-+•*–]|\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[a-zđ][.)]|[IVX]{1,4}\.)\t(?=\S)")


def join_spilled_cells(text: str) -> str:
    """``text`` with each spilled table row on one line, and the tab after a list item's marker a
    space (see the module docstring)."""
    lines = text.split("\n")
    _list_tabs(lines)
    out: list[str] = []
    n = len(lines)
    i = 0
    while i < n:
        if "\t" not in lines[i] or not lines[i].strip():
            out.append(lines[i])  # no tab, or a line of white space only (a blank cell row "\t"): no run
            i += 1
            continue
        a = i  # the run of non-blank lines from this tab line (the lines above it hold no tab)
        while i < n and lines[i].strip():
            i += 1
        out.extend(_join_run(lines[a:i]))
    return "\n".join(out)


def _list_tabs(lines: list[str]) -> None:
    """A list item exported as "-<TAB>text", or a field line "Cơ quan chủ trì:<TAB>Sở Nội vụ" (docx2txt), is no
    two-cell table row: its tabs, right after the marker and after the field's name, become spaces (one
    character for one), unless a line beside it is a table row."""
    n = len(lines)
    for i, t in enumerate(lines):
        tabs = t.count("\t")
        if tabs == 0 or tabs > 2:
            continue
        if (i > 0 and lines[i - 1].count("\t") >= 2) or (i + 1 < n and lines[i + 1].count("\t") >= 2):
            continue  # a short row of a table ("1.<TAB>Tham gia …" between full rows)
        m = _LIST_TAB.match(t)
        if m is not None:
            k = m.end() - 1
            t = t[:k] + " " + t[k + 1 :]
        lm = _LABEL_TAB.match(t)
        if lm is not None and _field_name(lm.group("name")):
            k = lm.end() - 1
            t = t[:k] + " " + t[k + 1 :]
        if "\t" not in t:
            lines[i] = t


def _join_run(run: list[str]) -> list[str]:
    tabs = [t.count("\t") for t in run]
    width = max(tabs)
    full = sum(1 for t, k in zip(run, tabs, strict=True) if k == width and sum(1 for c in t.split("\t") if c.strip()) >= 3)
    if width < 2 or full < 2:
        return run  # not a table (a two-column tail has two filled cells a line), or no row to tell its width
    out: list[str] = []
    k = 0
    b = len(run)
    while k < b:
        total = tabs[k]
        m = k + 1
        # a row spills inside the table (right after a row of its full width, or a spilled one), or opens with
        # cells of its own (a header whose cell wraps: "TT<TAB>…<TAB>Tăng (+)" / "giảm (-)<TAB>Xếp hạng"):
        # paragraphs after the table ("V. TỔ CHỨC THỰC HIỆN" / "1. Phòng Nội vụ" / …) and a two-column tail
        # ("Nơi nhận:<TAB>TM. ỦY BAN NHÂN DÂN") never add up to a row of it
        in_table = bool(out) and out[-1].count("\t") == width and not (total == 0 and _PARA_LABEL.match(run[k]))
        # (a line opening on a tab has an empty first cell: a row of its own, such as a cell's next line or bullet under
        # its row, "<TAB>+ Niêm yết …" — a spilled paragraph opens on the cell's text)
        if total < width and (in_table or total >= 2) and not run[k].startswith("\t"):
            while (m < b and m - k <= _MAX_SPILL and total < width and not _ROW_LABEL.match(run[m])
                   and not _header_row(run[m]) and not run[m].startswith("\t")):
                total += tabs[m]
                m += 1
        if total == width and m > k + 1:
            out.append(" ".join(run[k:m]))  # one space for each newline: the offsets after it stay
            k = m
        else:
            out.append(run[k])
            k += 1
        if total == width:
            k = _join_last_cell(run, tabs, k, out)
    return out


_OPEN_CELL_END = (";", ",")


def _join_last_cell(run: list[str], tabs: list[int], k: int, out: list[str]) -> int:
    """The later paragraphs of a row's last cell: the lines after a full row, with no tab, while the cell so far ends
    open (";", ",") or the line goes on in lower case ("Trước 15/10/2019;" / "báo cáo trước 30/11/2019"). A row
    label, a numbered paragraph or a header line is never one. Returns the index of the first line not joined."""
    m = k
    while m < len(run) and m - k < _MAX_SPILL and tabs[m] == 0:
        line = run[m]
        body = line.lstrip()
        if not body or _ROW_LABEL.match(line) or _PARA_LABEL.match(line):
            break
        tail = (run[m - 1] if m > k else out[-1]).rstrip()
        if not (tail.endswith(_OPEN_CELL_END) or body[:1].islower()):
            break
        m += 1
    if m > k:
        out[-1] = " ".join([out[-1], *run[k:m]])
    return m
