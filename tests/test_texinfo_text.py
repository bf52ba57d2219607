"""Texinfo (pandoc's ``-t texinfo`` of a Word plan) read as the markdown it mirrors."""

from __future__ import annotations

from papi_extract.normalize import detect_format
from papi_extract.pipeline import parse_text
from papi_extract.texinfo_text import looks_like_texinfo, texinfo_to_markdown

# A ward plan as pandoc's Texinfo writer gives it: the header and the signature as one-row layout tables, every
# heading as a node, a menu entry, a section line and an anchor, a bold title over two lines, "--" en dashes, a
# numbered list, and a task table whose cells run on over lines, two agencies parted by "@*", a group row and an
# escaped "@@".
TEXINFO_PLAN = """\\input texinfo
@documentencoding UTF-8

@node Top
@top Top

@multitable @columnfractions 0.45 0.55
@headitem
@strong{UBND QUẬN SƠN TRÀ}

@strong{ỦY BAN NHÂN DÂN PHƯỜNG AN HẢI BẮC}

Số: 41/KH-UBND
 @tab @strong{CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM}

@emph{An Hải Bắc, ngày 02 tháng 4 năm 2024}
@end multitable

@strong{KẾ HOẠCH}

@strong{Cải thiện Chỉ số PAPI phường An Hải Bắc
năm 2024}

@menu
* I NHIỆM VỤ::
* II TỔ CHỨC THỰC HIỆN::
@end menu

@node I NHIỆM VỤ
@chapter I. NHIỆM VỤ
@anchor{#i.-nhiệm-vụ}
@multitable @columnfractions 0.08 0.42 0.2 0.15 0.15
@headitem
TT
 @tab Nội dung
 @tab Đơn vị chủ trì
 @tab Đơn vị phối hợp
 @tab Thời hạn
@item
@strong{1}
 @tab @strong{QUẢN TRỊ ĐIỆN TỬ}
 @tab
 @tab
 @tab
@item
1
 @tab Hướng dẫn người dân nộp hồ sơ trực tuyến qua Cổng dịch vụ công
quốc gia và gửi phản ánh qua thư điện tử hotro@@anhaibac.gov.vn
 @tab Công chức Văn phòng -- Thống kê
 @tab Đoàn Thanh niên phường;@*
Hội Liên hiệp Phụ nữ phường
 @tab Quý II/2024
@item
2
 @tab Cập nhật chuyên mục hỏi -- đáp trên trang thông tin điện tử của
phường
 @tab Công chức Văn hóa -- Xã hội
 @tab
 @tab Hằng tháng
@end multitable

@node II TỔ CHỨC THỰC HIỆN
@chapter II. TỔ CHỨC THỰC HIỆN
@anchor{#ii.-tổ-chức-thực-hiện}
@enumerate 1
@item
Công chức Văn phòng -- Thống kê tổng hợp kết quả, báo cáo UBND quận
trước ngày 15/12/2024.

@end enumerate

@multitable @columnfractions 0.50 0.50
@headitem
@strong{Nơi nhận:}

- UBND quận;

- Lưu: VT.
 @tab @strong{TM. ỦY BAN NHÂN DÂN}

@strong{CHỦ TỊCH}

@strong{Lê Thị Hồng}
@end multitable

@bye
"""


def test_texinfo_is_known_by_its_commands() -> None:
    assert looks_like_texinfo(TEXINFO_PLAN)
    assert detect_format(TEXINFO_PLAN) == "texinfo"
    # a pandoc Texinfo file without the "\\input texinfo" line, as a converter that drops it gives it
    assert detect_format(TEXINFO_PLAN.split("\n", 1)[1]) == "texinfo"
    # e-mail addresses and a lone "@" are no commands
    mail = "Gửi: vanphong@anhaibac.gov.vn\n@Nguyễn Văn A: xem giúp\n\nKẾ HOẠCH\n@ phường\n"
    assert not looks_like_texinfo(mail)
    assert detect_format(mail) == "text"


def test_texinfo_commands_become_markdown() -> None:
    md = texinfo_to_markdown(TEXINFO_PLAN)
    lines = md.split("\n")
    assert "# I. NHIỆM VỤ" in lines and "# II. TỔ CHỨC THỰC HIỆN" in lines
    # nodes, menu entries and anchors go: each heading once
    assert md.count("NHIỆM VỤ") == 1 and "@" not in md.replace("hotro@anhaibac", "")
    # a bold run over a line break is closed and reopened
    assert "**Cải thiện Chỉ số PAPI phường An Hải Bắc**" in lines and "**năm 2024**" in lines
    rows = [ln for ln in lines if ln.startswith("| ")]
    assert rows[0] == "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn |"
    assert rows[2] == ("| 1 | Hướng dẫn người dân nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia và gửi phản ánh "
                       "qua thư điện tử hotro@anhaibac.gov.vn | Công chức Văn phòng – Thống kê | Đoàn Thanh niên phường; "
                       "Hội Liên hiệp Phụ nữ phường | Quý II/2024 |")
    assert "1. Công chức Văn phòng – Thống kê tổng hợp kết quả, báo cáo UBND quận" in lines


def test_a_texinfo_plan_is_read() -> None:
    doc = parse_text(TEXINFO_PLAN)
    assert doc.number == "41/KH-UBND" and doc.issued_date == "2024-04-02"
    assert doc.title == "Cải thiện Chỉ số PAPI phường An Hải Bắc năm 2024"
    assert doc.signer is not None and doc.signer.name == "Lê Thị Hồng"
    table = [t for t in doc.tasks if t.origin == "table"]
    assert [t.text[:40] for t in table] == ["Hướng dẫn người dân nộp hồ sơ trực tuyến", "Cập nhật chuyên mục hỏi – đáp trên trang"]
    assert {t.dimension for t in table} == {8}
    assert [a.name for a in table[0].lead] == ["Công chức Văn phòng - Thống kê"]  # the name canonical, its dash too
    assert [a.name for a in table[0].support] == ["Đoàn Thanh niên phường", "Hội Liên hiệp Phụ nữ phường"]
    assert [d.raw for d in table[0].deadlines] == ["Quý II/2024"]
    assert [d.kind for d in table[1].deadlines] == ["recurring"]
