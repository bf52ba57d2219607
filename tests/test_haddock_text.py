"""Haddock markup (pandoc's ``-t haddock`` of a Word plan) read as the markdown it mirrors."""

from __future__ import annotations

from papi_extract.haddock_text import haddock_to_markdown, looks_like_haddock
from papi_extract.normalize import detect_format
from papi_extract.pipeline import parse_text

# A commune plan as pandoc's Haddock writer gives it: a grid-table header, escaped slashes in the number, the
# dates and "(b\/c)", italic between slashes over a line break, "= " headings each followed by its anchor line,
# and a task table whose bold header cell the writer's wrapping cut between its underscores.
HADDOCK_PLAN = """+-------------------------------+------------------------------------------+
| __ỦY BAN NHÂN DÂN__           | __CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM__   |
|                               |                                          |
| __XÃ PHÚ LƯƠNG__              | /Phú Lương, ngày 10 tháng 4 năm 2024/    |
|                               |                                          |
| Số: 27\\/KH-UBND               |                                          |
+===============================+==========================================+
+-------------------------------+------------------------------------------+

__KẾ HOẠCH__

__Cải thiện Chỉ số PAPI xã Phú Lương năm 2024__

/Căn cứ Kế hoạch số 45\\/KH-UBND ngày 02\\/3\\/2024 của Ủy ban nhân dân huyện về cải thiện Chỉ số PAPI
năm 2024;/

= I. NHIỆM VỤ
#i.-nhiệm-vụ#

+------+--------------------------------+---------------+-------------+
| _    | __Nội dung__                   | __Chủ trì__   | __Thời      |
| _TT__|                                |               | gian__      |
+======+================================+===============+=============+
| 1    | Niêm yết thủ tục hành chính    | Công chức Tư  | Quý II\\/2024 |
|      | tại Bộ phận Một cửa            | pháp - Hộ     |             |
|      |                                | tịch          |             |
+------+--------------------------------+---------------+-------------+
| 2    | Tổ chức đối thoại với người    | Chủ tịch UBND | Tháng       |
|      | dân về đất đai                 | xã            | 9\\/2024     |
+------+--------------------------------+---------------+-------------+

= II. TỔ CHỨC THỰC HIỆN
#ii.-tổ-chức-thực-hiện#

Công chức Văn phòng - Thống kê tổng hợp, báo cáo kết quả trước ngày 15\\/12\\/2024.

__/Nơi nhận:/__

-   UBND huyện (b\\/c);

-   Lưu: VT.

__TM. ỦY BAN NHÂN DÂN__

__CHỦ TỊCH__

__Đinh Văn Tâm__
"""


def test_haddock_is_known_by_its_headings_and_escapes() -> None:
    assert looks_like_haddock(HADDOCK_PLAN)
    assert detect_format(HADDOCK_PLAN) == "haddock"
    # an AsciiDoc-like "= Title" over prose without anchors or escaped slashes is no Haddock
    plain = "= Ghi chép\n\nCuộc họp ngày 3/4/2024 bàn về Chỉ số PAPI.\n"
    assert not looks_like_haddock(plain)


def test_haddock_marks_become_markdown() -> None:
    md = haddock_to_markdown(HADDOCK_PLAN)
    lines = md.split("\n")
    assert "# I. NHIỆM VỤ" in lines and not any(ln.startswith("#i.") for ln in lines)
    assert "Số: 27/KH-UBND" in md and "\\/" not in md
    assert "Căn cứ Kế hoạch số 45/KH-UBND ngày 02/3/2024 của Ủy ban nhân dân huyện về cải thiện Chỉ số PAPI" in lines
    assert "| **TT** | **Nội dung** | **Chủ trì** | **Thời gian** |" in lines
    assert "- UBND huyện (b/c);" in [ln.replace("-   ", "- ") for ln in lines]


def test_a_haddock_plan_is_read() -> None:
    doc = parse_text(HADDOCK_PLAN)
    assert doc.number == "27/KH-UBND" and doc.issued_date == "2024-04-10" and doc.place == "Phú Lương"
    assert [r.number for r in doc.legal_basis] == ["45/KH-UBND"]
    table = [t for t in doc.tasks if t.origin == "table"]
    assert [t.text for t in table] == ["Niêm yết thủ tục hành chính tại Bộ phận Một cửa",
                                       "Tổ chức đối thoại với người dân về đất đai"]
    assert [[a.name for a in t.lead] for t in table] == [["Công chức Tư pháp - Hộ tịch"],
                                                         ["Chủ tịch Ủy ban nhân dân xã"]]
    assert [[d.raw for d in t.deadlines] for t in table] == [["Quý II/2024"], ["Tháng 9/2024"]]
    assert doc.signer is not None and doc.signer.name == "Đinh Văn Tâm"
