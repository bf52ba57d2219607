"""MediaWiki markup (pandoc's ``-t mediawiki`` of a Word plan, a wiki page's source) read as the markdown it mirrors."""

from __future__ import annotations

from papi_extract.normalize import detect_format
from papi_extract.pipeline import parse_text
from papi_extract.wiki_text import looks_like_wiki, wiki_to_markdown

# A commune plan as pandoc's MediaWiki writer gives it: the header as a two-cell layout table (a cell's paragraphs on
# the lines under it), bold headings, a task table one cell per line with group rows (bold) and an empty cell, a
# "##" heading, and the signature beside the recipients.
WIKI_PLAN = """{|
!width="50%"|
ỦY BAN NHÂN DÂN

XÃ NAM PHÚC

Số: 33/KH-UBND
!width="50%"|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Độc lập - Tự do - Hạnh phúc

Nam Phúc, ngày 05 tháng 3 năm 2024
|}

'''KẾ HOẠCH'''

'''Nâng cao Chỉ số PAPI xã Nam Phúc năm 2024'''

== I. MỤC ĐÍCH ==

Nâng cao chất lượng phục vụ Nhân dân; xem [[Chỉ số PAPI|báo cáo PAPI]].

'''II. NHIỆM VỤ CỤ THỂ'''

{|
! '''STT'''
! '''Nội dung công việc'''
! '''Người chủ trì'''
! '''Người phối hợp'''
! '''Thời gian'''
|-
| '''I'''
| '''Quản trị môi trường'''
|
|
|
|-
| 1
| Ra quân thu gom rác thải tại các thôn
| Công chức Địa chính - Xây dựng
| Trưởng các thôn;

Đoàn Thanh niên xã
| Hằng tháng
|-
| 2
| ''Kiểm tra'' các hộ chăn nuôi xả thải ra kênh
| Công an xã
|
| Quý III/2024
|}

{|
|
'''Nơi nhận:'''

- UBND huyện;

- Lưu: VT.
|
'''TM. ỦY BAN NHÂN DÂN'''

'''CHỦ TỊCH'''

'''Phạm Văn Long'''
|}
"""


def test_wiki_tables_and_marks_are_written_as_markdown() -> None:
    md = wiki_to_markdown(WIKI_PLAN)
    assert "# I. MỤC ĐÍCH" in md and "**KẾ HOẠCH**" in md and "xem báo cáo PAPI." in md
    assert "| **STT** | **Nội dung công việc** | **Người chủ trì** | **Người phối hợp** | **Thời gian** |\n|---|" in md
    assert "| 1 | Ra quân thu gom rác thải tại các thôn | Công chức Địa chính - Xây dựng | Trưởng các thôn; " \
           "Đoàn Thanh niên xã | Hằng tháng |" in md
    assert "| 2 | Kiểm tra các hộ chăn nuôi xả thải ra kênh | Công an xã |  | Quý III/2024 |" in md
    assert not any(x.strip() in ("{|", "|}", "|-") for x in md.split("\n"))


def test_a_wiki_plan_reads_like_its_markdown() -> None:
    for doc in (parse_text(WIKI_PLAN, fmt="wiki"), parse_text(WIKI_PLAN)):  # named ".wiki", or known by its tables
        assert doc.source.format == "markdown"
        assert (doc.number, doc.issued_date, doc.place) == ("33/KH-UBND", "2024-03-05", "Nam Phúc")
        assert doc.signer is not None and doc.signer.name == "Phạm Văn Long"
        rows = {t.label: (t.dimension, [a.raw for a in t.lead], [a.raw for a in t.support], [d.kind for d in t.deadlines])
                for t in doc.tasks}
        assert rows == {"1": (7, ["Công chức Địa chính - Xây dựng"], ["Trưởng các thôn", "Đoàn Thanh niên xã"], ["recurring"]),
                        "2": (7, ["Công an xã"], [], ["quarter"])}


def test_text_with_a_few_triple_quotes_is_no_wiki() -> None:
    text = "KẾ HOẠCH\nPAPI năm 2024\n\nNội dung '''đậm''' một lần.\n| a | b |\n"
    assert not looks_like_wiki(text) and detect_format(text) != "wiki"


def test_a_layout_table_with_a_row_short_of_cells_is_read() -> None:
    md = wiki_to_markdown("{|\n| ỦY BAN NHÂN DÂN\n| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|-\n| Số: 5/KH-UBND\n|}\n")
    assert [x for x in md.split("\n") if x] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 5/KH-UBND"]
