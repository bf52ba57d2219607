"""DokuWiki markup (pandoc's ``-t dokuwiki`` of a Word plan, a DokuWiki page's .txt source) read as the markdown
it mirrors."""

from __future__ import annotations

from papi_extract.dokuwiki_text import dokuwiki_to_markdown, looks_like_dokuwiki
from papi_extract.normalize import detect_format
from papi_extract.pipeline import parse_text

# A commune plan as pandoc's DokuWiki writer gives it: the header and the signature as one-row layout tables whose
# cells break their lines with "\\", a "====" heading, "//italic//" basis, "  * " items, and a task table (header
# cells opened by "^", rows by "|", cells padded) whose cells break a name over two lines or hold two "- " tasks.
DOKU_PLAN = """^ỦY BAN NHÂN DÂN\\\\ XÃ PHÚ LỘC\\\\ Số: 52/KH-UBND^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\\\\ Phú Lộc, ngày 03 tháng 4 năm 2025^

**KẾ HOẠCH**

**Cải thiện Chỉ số PAPI trên địa bàn xã Phú Lộc năm 2025**

//Căn cứ Kế hoạch số 75/KH-UBND ngày 10/3/2025 của UBND huyện về cải thiện Chỉ số PAPI;//

===== I. NHIỆM VỤ =====

^**STT**^**Nội dung**                                  ^**Chủ trì**                 ^**Phối hợp**              ^**Thời gian**  ^
|**1**  |**Quản trị điện tử**                          |                            |                          |               |
|1      |- Hướng dẫn người dân nộp hồ sơ trực tuyến\\\\ - Cài đặt ứng dụng VNeID cho người cao tuổi|Công chức Văn phòng - Thống kê|Đoàn Thanh niên xã        |Quý II/2025    |
|2      |Cập nhật tin bài trên Trang thông tin điện tử xã|Công chức Văn hóa - Xã hội  |Phòng Lao động - Thương binh\\\\ và Xã hội huyện|Hằng tháng|

===== II. TỔ CHỨC THỰC HIỆN =====

  * Các bộ phận báo cáo kết quả về UBND xã trước ngày 15/12/2025.

^Nơi nhận:\\\\ - UBND huyện;\\\\ - Lưu: VT.^**TM. ỦY BAN NHÂN DÂN\\\\ CHỦ TỊCH\\\\ Lê Văn Tám**^
"""


def test_dokuwiki_is_known_by_its_header_rows_and_cell_breaks() -> None:
    assert looks_like_dokuwiki(DOKU_PLAN)
    assert detect_format(DOKU_PLAN) == "dokuwiki"
    markdown = "| STT | Nội dung |\n|---|---|\n| 1 | Công khai ngân sách |\n"
    assert not looks_like_dokuwiki(markdown) and detect_format(markdown) != "dokuwiki"
    assert not looks_like_dokuwiki("Điểm tăng 2^3 lần so với năm trước.\n")


def test_dokuwiki_rows_become_pipe_rows() -> None:
    md = dokuwiki_to_markdown(DOKU_PLAN)
    rows = [line for line in md.split("\n") if line.startswith("| ")]
    assert rows[0] == "| **STT** | **Nội dung** | **Chủ trì** | **Phối hợp** | **Thời gian** |"
    assert rows[2] == ("| 1 | - Hướng dẫn người dân nộp hồ sơ trực tuyến<br>- Cài đặt ứng dụng VNeID cho người cao tuổi"
                       " | Công chức Văn phòng - Thống kê | Đoàn Thanh niên xã | Quý II/2025 |")
    # a name broken over two lines of its cell is one name
    assert "| Phòng Lao động - Thương binh và Xã hội huyện |" in rows[3]
    assert "## I. NHIỆM VỤ" in md.split("\n")  # five "=": the second level
    assert "- Các bộ phận báo cáo kết quả về UBND xã trước ngày 15/12/2025." in md.split("\n")
    assert "Căn cứ Kế hoạch số 75/KH-UBND ngày 10/3/2025 của UBND huyện về cải thiện Chỉ số PAPI;" in md.split("\n")
    assert "\\\\" not in md and "//" not in md


def test_a_dokuwiki_plan_is_read() -> None:
    doc = parse_text(DOKU_PLAN)
    assert doc.number == "52/KH-UBND" and doc.issued_date == "2025-04-03"
    assert doc.title == "Cải thiện Chỉ số PAPI trên địa bàn xã Phú Lộc năm 2025"
    assert doc.signer is not None and doc.signer.name == "Lê Văn Tám"
    table = [t for t in doc.tasks if t.origin == "table"]
    assert [t.text for t in table] == ["Hướng dẫn người dân nộp hồ sơ trực tuyến",
                                       "Cài đặt ứng dụng VNeID cho người cao tuổi",
                                       "Cập nhật tin bài trên Trang thông tin điện tử xã"]
    assert {t.dimension for t in table} == {8}
    assert [a.name for a in table[2].support] == ["Phòng Lao động - Thương binh và Xã hội huyện"]
    assert [d.raw for d in table[0].deadlines] == ["Quý II/2025"]
