"""A plan forwarded by e-mail: the quoted plan is read, the mail around it is not (papi_extract.email_text)."""

from __future__ import annotations

from papi_extract.email_text import is_forwarded_mail, quoted_plan
from papi_extract.pipeline import parse_text

PLAN = [
    "ỦY BAN NHÂN DÂN",
    "XÃ TÂN AN",
    "Số: 21/KH-UBND",
    "Tân An, ngày 03 tháng 4 năm 2023",
    "",
    "KẾ HOẠCH",
    "Nâng cao Chỉ số PAPI năm 2023",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Nâng cao chất lượng phục vụ người dân trên địa bàn xã.",
    "",
    "II. NHIỆM VỤ",
    "1. Công chức Tư pháp - Hộ tịch tổ chức hòa giải tại các ấp, hoàn thành",
    "trong quý II/2023.",
    "2. Công chức Văn phòng - Thống kê niêm yết thủ tục hành chính tại Bộ",
    "phận Một cửa trong tháng 5/2023.",
    "",
    "Nơi nhận:",
    "- Lưu: VT.",
    "",
    "CHỦ TỊCH",
    "",
    "Lê Văn Bình",
]
MAIL = "\n".join([
    "From: Văn phòng UBND xã Tân An <vp.tanan@example.gov.vn>",
    "Sent: Monday, April 3, 2023 3:10 PM",
    "To: Phòng Nội vụ huyện <pnv@example.gov.vn>",
    "Subject: FW: Kế hoạch PAPI năm 2023",
    "",
    "Anh chị xem giúp mục này:",
    "> 1. Công chức Tư pháp - Hộ tịch tổ chức hòa giải tại các ấp",
    "Cảm ơn anh chị.",
    "",
    "-----Original Message-----",
    *("> " + ln if ln else ">" for ln in PLAN),
    "",
    "--",
    "Văn phòng UBND xã",
])


def test_the_quoted_plan_without_the_mail_around_it() -> None:
    assert is_forwarded_mail(MAIL)
    assert quoted_plan(MAIL).split("\n") == PLAN


def test_a_forwarded_plan_is_parsed_once() -> None:
    doc = parse_text(MAIL)
    assert doc.number == "21/KH-UBND"
    assert [t.label for t in doc.tasks] == ["1", "2"]
    assert [[d.end for d in t.deadlines] for t in doc.tasks] == [["2023-06-30"], ["2023-05-31"]]


def test_a_block_quote_without_mail_headers_is_left_alone() -> None:
    text = "KẾ HOẠCH\nPAPI\n\n> Trích ý kiến của người dân: đường giao thông xuống cấp.\n" + "> dòng trích\n" * 30
    assert not is_forwarded_mail(text)


def test_soft_line_breaks_and_a_wrapped_pipe_table_are_undone() -> None:
    """A client wrapping at ~72 columns ends each wrapped line with a space: such a line goes on in the next one,
    inside a paragraph as inside a table row split mid-cell ("… hộ gia " / "đình | Trưởng …"); the table's
    "----+----" rule under its header is no row."""
    plan = PLAN[:12] + [
        "STT | Nội dung | Chủ trì | Thời gian",
        "----+---------+---------+----------",
        "1 | Tổ chức họp thôn phổ biến Kế hoạch này đến các hộ gia ",
        "đình | Trưởng các thôn | Tháng 6/2023",
        "2 | Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn | Trưởng ",
        "các thôn | Tháng 12/2023",
        "3 | Công khai kết quả thu, chi quỹ thôn | Trưởng các thôn | Quý IV/2023",
        "",
    ] + PLAN[17:]
    mail = "\n".join(MAIL.split("\n")[:10] + ["> " + ln if ln else ">" for ln in plan])
    doc = parse_text(mail)
    assert [t.text for t in doc.tasks] == ["Tổ chức họp thôn phổ biến Kế hoạch này đến các hộ gia đình",
                                           "Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn",
                                           "Công khai kết quả thu, chi quỹ thôn"]
    assert [[a.name for a in t.lead] for t in doc.tasks] == [["Trưởng các thôn"]] * 3
