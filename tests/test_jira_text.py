"""Jira / Confluence wiki markup (pandoc's ``-t jira`` of a Word plan) read as the markdown it mirrors."""

from __future__ import annotations

from papi_extract.jira_text import jira_to_markdown, looks_like_jira
from papi_extract.normalize import detect_format
from papi_extract.pipeline import parse_text

# A ward plan as pandoc's Jira writer gives it: the header and the signature as one-row layout tables whose cells
# run on over lines, escaped parentheses and dashes, a "h2." heading, "* " items, and a task table whose rows run
# on over lines where a cell holds several paragraphs (two agencies; two tasks as "\-" items).
JIRA_PLAN = """|| ỦY BAN NHÂN DÂN
*PHƯỜNG HÒA THUẬN*
Số: 36/KH-UBND || *CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM*
_Hòa Thuận, ngày 14 tháng 3 năm 2025_ ||

*KẾ HOẠCH*

*Cải thiện Chỉ số PAPI \\(Chỉ số Hiệu quả quản trị và hành chính công) phường Hòa Thuận năm 2025*

h2. I. NHIỆM VỤ

|| *STT* || *Nội dung công việc* || *Đơn vị chủ trì* || *Đơn vị phối hợp* || *Thời hạn* ||
| *1* | *Quản trị môi trường* |  |  |  |
| 1 | \\- Ra quân dọn vệ sinh các tuyến kiệt, hẻm
\\- Lắp đặt thùng rác phân loại tại các tổ dân phố | Công chức Địa chính - Xây dựng | Hội Liên hiệp Phụ nữ phường
Đoàn Thanh niên phường | Hằng tháng |
| 2 | Kiểm tra việc xả thải của các cơ sở kinh doanh \\(nhà hàng, quán ăn) trên địa bàn | Công an phường |  | Quý II/2025 |

h2. II. TỔ CHỨC THỰC HIỆN

* Các đơn vị báo cáo kết quả về Văn phòng - Thống kê trước ngày 10/12/2025.

|| _*Nơi nhận:*_
\\- UBND quận;
\\- Lưu: VT. || *TM. ỦY BAN NHÂN DÂN*
*CHỦ TỊCH*
*Trần Văn Minh* ||
"""


def test_jira_text_is_known_by_its_header_rows() -> None:
    assert looks_like_jira(JIRA_PLAN)
    assert detect_format(JIRA_PLAN) == "jira"
    # a markdown pipe table opens its rows with one bar, an empty first cell with "|  |"
    markdown = "| STT | Nội dung |\n|---|---|\n|  | Nhóm I |\n| 1 | Công khai ngân sách |\n"
    assert not looks_like_jira(markdown)
    assert detect_format(markdown) != "jira"


def test_jira_rows_running_over_lines_become_pipe_rows() -> None:
    md = jira_to_markdown(JIRA_PLAN)
    rows = [line for line in md.split("\n") if line.startswith("| ")]
    assert rows[0] == "| **STT** | **Nội dung công việc** | **Đơn vị chủ trì** | **Đơn vị phối hợp** | **Thời hạn** |"
    assert rows[2] == ("| 1 | - Ra quân dọn vệ sinh các tuyến kiệt, hẻm<br>- Lắp đặt thùng rác phân loại tại các tổ dân phố"
                       " | Công chức Địa chính - Xây dựng | Hội Liên hiệp Phụ nữ phường; Đoàn Thanh niên phường | Hằng tháng |")
    assert "(nhà hàng, quán ăn)" in rows[3]
    assert "## I. NHIỆM VỤ" in md.split("\n")
    assert "- Các đơn vị báo cáo kết quả về Văn phòng - Thống kê trước ngày 10/12/2025." in md.split("\n")
    assert "\\" not in md


def test_a_jira_plan_is_read() -> None:
    doc = parse_text(JIRA_PLAN)
    assert doc.number == "36/KH-UBND" and doc.issued_date == "2025-03-14"
    assert doc.title == "Cải thiện Chỉ số PAPI (Chỉ số Hiệu quả quản trị và hành chính công) phường Hòa Thuận năm 2025"
    assert doc.signer is not None and doc.signer.name == "Trần Văn Minh"
    table = [t for t in doc.tasks if t.origin == "table"]
    assert [t.text for t in table] == ["Ra quân dọn vệ sinh các tuyến kiệt, hẻm",
                                       "Lắp đặt thùng rác phân loại tại các tổ dân phố",
                                       "Kiểm tra việc xả thải của các cơ sở kinh doanh (nhà hàng, quán ăn) trên địa bàn"]
    assert {t.dimension for t in table} == {7}
    assert [a.name for a in table[1].support] == ["Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên phường"]
    assert [d.raw for d in table[2].deadlines] == ["Quý II/2025"]
