"""Tab tables whose rows are hard-wrapped like paragraphs (``catdoc`` of a Word 97 file), rewritten one row per line.

Why: catdoc writes a table row as its cells joined by tabs, one logical line, and wraps that line
like any paragraph (at 72 bytes), so one row runs over several lines:

    1.2<TAB>Chỉ đạo công khai mức huy động, kết quả sử dụng
    các khoản đóng góp của Nhân dân xây dựng đường giao
    thông nông thôn, nhà văn hóa xóm<TAB>UBND các xã, thị trấn<TAB>Ủy
    ban MTTQ Việt Nam huyện<TAB>PCT UBND huyện phụ trách Kinh tế
    Thường xuyên

A wrap that falls where two cells meet eats their tab ("Kinh tế" / "Thường xuyên" above), and a
cell of two paragraphs breaks the row over an empty line. Read line by line, each line is a row of
its own and the cells land in the wrong columns.

Rewritten: a table opens on a header line "TT<TAB>…" after an empty line; each row is a paragraph
that opens with a label cell ("1.2<TAB>", "II<TAB>"), plus the paragraphs after it that carry more
cells (a tab) or come right before the next row. The table's column count is its widest row's. A row with fewer
tabs lost them to wraps: those cell breaks are put back at the line ends where the next cell most
plausibly starts, given the column it would open (a time for the time column, an agency head for an
agency column, a capital for any other) and never after a word that needs more ("và", "Phòng") or
before a word in lower case or a dash. A row of only a label and a title is a group row. The paragraphs of one
agency cell are joined by "; ", of any other cell by a space. The table is rewritten only when its
lines are short (a wrapped export) and it has two rows; otherwise the lines are left as they are.
Linear in the lines: each row's breaks are chosen among at most ``_MAX_CANDIDATES`` line ends.
"""

from __future__ import annotations

from itertools import combinations

import regex

_HEAD = regex.compile(r"^(?:Số TT|STT|TT)\.?[ ]{0,2}\t")
_ROW = regex.compile(r"^[ ]{0,3}(\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVX]{1,5}\.?|[a-hđ][.)]?)[ ]{0,2}\t")
_WRAP_MAX = 100  # characters: a line longer than this is no wrapped export's
_ROW_MAX_LINES = 30  # a row of more lines is not a row: the table ends before it
_PARA_MAX_LINES = 6  # lines of a row's later paragraph (a cell's second paragraph and the cells after it)
_MAX_CANDIDATES = 10  # line ends considered for a lost cell break in one row
_AGENCY_ROLES = ("lead", "support", "directing")
_SEP_TAB, _SEP_LINE, _SEP_PARA = "\t", "\n", "\n\n"


def has_wrapped_tab_rows(text: str) -> bool:
    """Cheap gate: a line that opens with "TT<TAB>" (or "STT", "Số TT")."""
    if "\t" not in text:
        return False
    return any(f"\n{w}\t" in text or text.startswith(f"{w}\t") for w in ("TT", "STT", "Số TT"))


def rewrite_wrapped_tab_rows(text: str) -> str:
    """``text`` with each wrapped tab table (see the module's docstring) written one row per line."""
    lines = text.split("\n")
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if _HEAD.match(lines[i]) and (i == 0 or not lines[i - 1].strip()):
            got = _table(lines, i)
            if got is not None:
                rows, i = got
                out.extend(rows)
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def _paragraph(lines: list[str], i: int) -> int:
    """The index after the run of non-blank lines from ``i``."""
    n = len(lines)
    while i < n and lines[i].strip():
        i += 1
    return i


def _next_filled(lines: list[str], i: int) -> int:
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    return i


def _table(lines: list[str], h: int) -> tuple[list[str], int] | None:
    """(the table's rewritten lines, the index after it) for a header at ``h``; None if it is no wrapped table."""
    head_end = _paragraph(lines, h)
    rows: list[list[list[str]]] = []  # per row, its paragraphs' lines
    j = _next_filled(lines, head_end)
    end = head_end
    n = len(lines)
    while j < n and _ROW.match(lines[j]):
        e = _paragraph(lines, j)
        paras = [lines[j:e]]
        row_end = e
        k = _next_filled(lines, e)
        while k < n and not _ROW.match(lines[k]):
            e = _paragraph(lines, k)
            if e - k > _PARA_MAX_LINES:
                break
            if "\t" not in "".join(lines[k:e]):
                after = _next_filled(lines, e)
                if after >= n or not _ROW.match(lines[after]):
                    break  # a paragraph without a cell break and no row after it: the text after the table
            paras.append(lines[k:e])
            row_end = e
            k = _next_filled(lines, e)
        if sum(len(p) for p in paras) > _ROW_MAX_LINES:
            break
        rows.append(paras)
        end = row_end
        j = k
    if len(rows) < 2:
        return None
    table_lines = [t for t in lines[h:end] if t.strip()]
    if any(len(t) > _WRAP_MAX for t in table_lines):
        return None
    if not any(len(p) > 1 for paras in rows for p in paras) and head_end - h == 1:
        return None  # every row on one line: an ordinary tab table
    ncols = max(sum(t.count("\t") for p in paras for t in p) for paras in rows) + 1
    if ncols < 3:
        return None
    head_cells = _cells([lines[h:head_end]], ncols, None)
    from papi_extract.tables import header_role

    roles = [header_role(c) for c in head_cells]
    out = ["", "\t".join(head_cells)]
    for paras in rows:
        tabs = sum(t.count("\t") for p in paras for t in p)
        if tabs == 1 and len(paras) == 1 and ncols >= 4:
            label, _, title = " ".join(t.strip() for t in paras[0]).partition("\t")
            out.append(f"{label.strip()}\t{title.strip()}")  # a group row: a label and a title
            continue
        out.append("\t".join(_cells(paras, ncols, roles)))
    out.append("")
    return out, end


def _pieces(paras: list[list[str]]) -> tuple[list[str], list[str]]:
    """The row's pieces (text between tabs and line ends) and the separator after each but the last."""
    pieces: list[str] = []
    seps: list[str] = []
    for pi, para in enumerate(paras):
        for li, line in enumerate(para):
            parts = line.split("\t")
            for k, part in enumerate(parts):
                if pieces:
                    if k > 0:
                        seps.append(_SEP_TAB)
                    elif li > 0:
                        seps.append(_SEP_LINE)
                    else:
                        seps.append(_SEP_PARA if pi > 0 else _SEP_LINE)
                pieces.append(part.strip())
    return pieces, seps


def _cells(paras: list[list[str]], ncols: int, roles: list[str | None] | None) -> list[str]:
    """The row's ``ncols`` cells: its tabs, plus the line ends chosen to stand for the tabs lost to wraps."""
    pieces, seps = _pieces(paras)
    need = ncols - 1 - seps.count(_SEP_TAB)
    breaks: set[int] = set()
    if need > 0:
        breaks = _choose_breaks(pieces, seps, need, roles)
    cells: list[list[tuple[str, str]]] = [[]]
    for k, piece in enumerate(pieces):
        if k > 0:
            sep = seps[k - 1]
            if sep == _SEP_TAB or k - 1 in breaks:
                cells.append([])
                sep = ""
            cells[-1].append((sep, piece))
        else:
            cells[-1].append(("", piece))
    out: list[str] = []
    for c, parts in enumerate(cells):
        role = roles[c] if roles is not None and c < len(roles) else None
        joiner = "; " if role in _AGENCY_ROLES else " "
        text = ""
        for sep, piece in parts:
            if not piece:
                continue
            if text:
                text += joiner if sep == _SEP_PARA and not text.endswith((";", ",")) else " "
            text += piece
        out.append(text)
    out.extend([""] * (ncols - len(out)))
    return out


def _choose_breaks(pieces: list[str], seps: list[str], need: int, roles: list[str | None] | None) -> set[int]:
    """The line ends (indices into ``seps``) that most plausibly were cell breaks, ``need`` of them."""
    from papi_extract.run_tables import _open_end

    candidates = [k for k, s in enumerate(seps)
                  if s != _SEP_TAB and pieces[k + 1][:1] and (pieces[k + 1][0].isupper() or pieces[k + 1][0].isdigit())
                  and not _open_end([pieces[k]])]
    if len(candidates) > _MAX_CANDIDATES:
        candidates = candidates[-_MAX_CANDIDATES:]  # the text cell comes first: its line ends are the least likely
    if len(candidates) <= need:
        return set(candidates)
    tab_before = [0] * len(seps)
    count = 0
    for k, s in enumerate(seps):
        tab_before[k] = count
        if s == _SEP_TAB:
            count += 1
    best: tuple[int, ...] = ()
    best_score = -1_000
    for combo in combinations(candidates, need):
        score = 0
        for rank, k in enumerate(combo):
            column = tab_before[k] + rank + 1  # the column the piece after this break opens
            role = roles[column] if roles is not None and column < len(roles) else None
            score += _opens_cell(pieces[k + 1], role) - (1 if seps[k] == _SEP_PARA else 0)
        if score > best_score:
            best, best_score = combo, score
    return set(best)


def _opens_cell(piece: str, role: str | None) -> int:
    """How plausibly ``piece`` opens a cell of column ``role``."""
    from papi_extract.agencies import has_known_head
    from papi_extract.normalize import fold
    from papi_extract.run_tables import _opens_time

    if role == "deadline":
        return 3 if _opens_time(fold(piece)) else 0
    if role in _AGENCY_ROLES:
        return 3 if has_known_head(piece) else 1
    if role == "number":
        return -3
    return 1
