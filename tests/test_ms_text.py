"""groff ms source (pandoc's ``-t ms`` of a Word plan) read as the markdown it mirrors."""

from __future__ import annotations

from papi_extract.ms_text import looks_like_ms, ms_to_markdown
from papi_extract.normalize import detect_format
from papi_extract.pipeline import parse_text

# A district plan as pandoc's ms writer gives it: settings and a macro definition first, the header as a two-cell
# tbl table of T{ … T} blocks, numbered headings (.NH), bold as font escapes, bullet items (.IP) and a task table
# with a bold group row, escapes for quotes and dashes.
MS_PLAN = r""".\" **** Settings
.nr LL 5.5i
.de HLINE
.LP
\l'20'
..
.1C
.TS
delim(@@) tab(	);
lw(35.0n) lw(35.0n).
T{
.LP
\f[B]ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH\f[R]
.PP
Số: 88/KH-UBND
T}	T{
.PP
\f[B]CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\f[R]
.PP
\f[I]Đông Anh, ngày 20 tháng 3 năm 2023\f[R]
T}
_
.TE
.LP
\f[B]KẾ HOẠCH\f[R]
.PP
\f[B]Cải thiện Chỉ số PAPI huyện Đông Anh năm 2023\f[R]
.NH 1
I. MỤC ĐÍCH
.pdfhref M "i-muc-dich"
.IP \[bu] 3
Nâng cao trách nhiệm của người đứng đầu trong việc thực hiện \[lq]Kế hoạch\[rq] này.
.NH 1
II. NHIỆM VỤ
.PP
.TS
delim(@@) tab(	);
lw(10n) lw(30n) lw(20n) lw(15n).
T{
\f[B]STT\f[R]
T}	T{
\f[B]Nội dung nhiệm vụ\f[R]
T}	T{
\f[B]Cơ quan chủ trì\f[R]
T}	T{
\f[B]Thời hạn\f[R]
T}
_
T{
\f[B]I\f[R]
T}	T{
\f[B]Quản trị điện tử\f[R]
T}	T{
T}	T{
T}
T{
1
T}	T{
Nâng cấp Cổng thông tin điện tử huyện \[en] chuyên mục hỏi đáp
T}	T{
Văn phòng HĐND và UBND huyện
T}	T{
Quý II/2023
T}
.TE
"""


def test_ms_is_known_by_its_requests() -> None:
    assert looks_like_ms(MS_PLAN)
    assert detect_format(MS_PLAN) == "ms"
    # a plain text with a line starting with a period is no ms source
    plain = "KẾ HOẠCH\n.Nội dung: tăng cường công khai.\nPP. Phòng Nội vụ\n"
    assert not looks_like_ms(plain)


def test_ms_requests_become_markdown() -> None:
    md = ms_to_markdown(MS_PLAN)
    lines = md.split("\n")
    assert "# I. MỤC ĐÍCH" in lines and "# II. NHIỆM VỤ" in lines
    assert "- Nâng cao trách nhiệm của người đứng đầu trong việc thực hiện “Kế hoạch” này." in lines
    assert "| **STT** | **Nội dung nhiệm vụ** | **Cơ quan chủ trì** | **Thời hạn** |" in lines
    assert ("| 1 | Nâng cấp Cổng thông tin điện tử huyện – chuyên mục hỏi đáp | Văn phòng HĐND và UBND huyện "
            "| Quý II/2023 |") in lines
    assert not any(ln.startswith((".", "\\")) for ln in lines) and "HLINE" not in md


def test_an_ms_plan_is_read() -> None:
    doc = parse_text(MS_PLAN)
    assert doc.number == "88/KH-UBND" and doc.issued_date == "2023-03-20"
    assert doc.title == "Cải thiện Chỉ số PAPI huyện Đông Anh năm 2023"
    (task,) = [t for t in doc.tasks if t.origin == "table"]
    assert task.text == "Nâng cấp Cổng thông tin điện tử huyện – chuyên mục hỏi đáp"
    assert task.dimension == 8
    assert [a.name for a in task.lead] == ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"]
    assert [d.raw for d in task.deadlines] == ["Quý II/2023"]


def test_odd_request_arguments_do_not_break_the_reader() -> None:
    """A heading level glued to other characters (".SH 1|", ".NH 2-") is read by its digits; no exception."""
    md = ms_to_markdown(".PP\nMở đầu\n.SH 1|\nI. NHIỆM VỤ\n.NH 2-\n1. Công khai\n.PP\nNội dung.\n")
    assert "# I. NHIỆM VỤ" in md.split("\n") and "## 1. Công khai" in md.split("\n")
