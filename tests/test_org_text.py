"""Org text (pandoc's ``-t org`` of a Word plan, an archive's .org notes) read as the markdown it mirrors."""

from __future__ import annotations

from papi_extract.normalize import detect_format, normalize
from papi_extract.org_text import looks_like_org, org_to_markdown
from papi_extract.pipeline import parse_text

# A district plan as pandoc's Org writer gives it: its header and signature as layout tables (bold and italic
# cells, blank rows between, the rule at the end), star headings each with a :PROPERTIES: drawer, a legal basis
# in italics wrapped over lines, a link, and a task table.
ORG_PLAN = """| *ỦY BAN NHÂN DÂN*    | *CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM*   |
|                      |                                        |
| *HUYỆN ĐỨC THỌ*      | *Độc lập - Tự do - Hạnh phúc*          |
|                      |                                        |
| Số: 47/KH-UBND       | /Đức Thọ, ngày 14 tháng 3 năm 2025/    |
|----------------------+----------------------------------------|

*KẾ HOẠCH*

*Nâng cao Chỉ số PAPI huyện Đức Thọ năm 2025*

/Căn cứ Kế hoạch số 61/KH-UBND ngày 20/02/2025 của UBND tỉnh về nâng
cao Chỉ số PAPI tỉnh năm 2025;/

* I. MỤC ĐÍCH, YÊU CẦU
  :PROPERTIES:
  :CUSTOM_ID: i.-mục-đích-yêu-cầu
  :END:
Cải thiện các chỉ số giảm điểm; xem [[https://example.vn/papi][báo cáo PAPI]].

* II. NHIỆM VỤ
  :PROPERTIES:
  :CUSTOM_ID: ii.-nhiệm-vụ
  :END:
** 1. Quản trị điện tử
   :PROPERTIES:
   :CUSTOM_ID: quản-trị-điện-tử
   :END:
- Phòng Văn hóa và Thông tin chủ trì hướng dẫn người dân dùng dịch vụ công trực tuyến, hoàn thành trong quý
  III/2025.

| /*Nơi nhận:*/            | *TM. ỦY BAN NHÂN DÂN* |
|                          |                       |
| - UBND tỉnh (b/c);       | *CHỦ TỊCH*            |
|                          |                       |
| - Các xã, thị trấn;      | *Trần Văn Hải*        |
|                          |                       |
| - Lưu: VT.               |                       |
|--------------------------+-----------------------|
"""


def test_org_marks_are_written_as_markdown() -> None:
    md = org_to_markdown(ORG_PLAN)
    assert "# I. MỤC ĐÍCH, YÊU CẦU" in md and "## 1. Quản trị điện tử" in md
    assert ":PROPERTIES:" not in md and "CUSTOM_ID" not in md
    assert "**KẾ HOẠCH**" in md
    assert "Căn cứ Kế hoạch số 61/KH-UBND ngày 20/02/2025" in md and "năm 2025;\n" in md  # the italics' slashes gone
    assert "xem báo cáo PAPI." in md  # a link keeps its text
    # a table row loses its marks and keeps its walls where they were
    rows = [x for x in md.split("\n") if x.startswith("| Nơi nhận") or x.startswith("| - UBND tỉnh")]
    assert [r.index("|", 1) for r in rows] == [27, 27] and "*" not in rows[0]


def test_an_org_plan_reads_like_its_markdown() -> None:
    for doc in (parse_text(ORG_PLAN, fmt="org"), parse_text(ORG_PLAN)):  # named ".org", or known by its drawers
        assert doc.source.format == "markdown"
        assert [(s.label, s.title, s.level) for s in doc.sections] == [
            ("I", "MỤC ĐÍCH, YÊU CẦU", 1), ("II", "NHIỆM VỤ", 1), ("1", "Quản trị điện tử", 2)]
        assert doc.place == "Đức Thọ" and doc.issued_date == "2025-03-14"
        assert doc.signer is not None and doc.signer.name == "Trần Văn Hải"
        assert doc.recipients == ["UBND tỉnh", "Các xã, thị trấn", "Lưu: VT"]
        (task,) = doc.tasks
        assert task.dimension == 8 and [a.raw for a in task.lead] == ["Phòng Văn hóa và Thông tin"]


def test_markdown_with_star_bullets_is_no_org() -> None:
    md = "# KẾ HOẠCH\n\n* Tuyên truyền Luật;\n* Công khai ngân sách.\n\n| TT | Nội dung |\n|---|---|\n| 1 | A |\n"
    assert not looks_like_org(md) and detect_format(md) == "markdown"
    assert normalize(md).format == "markdown"
