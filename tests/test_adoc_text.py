"""AsciiDoc (pandoc's ``-t asciidoc`` of a Word plan, an archive's .adoc notes) read as the markdown it mirrors."""

from __future__ import annotations

from papi_extract.adoc_text import asciidoc_to_markdown, looks_like_asciidoc
from papi_extract.pipeline import parse_text

# A ward plan as pandoc's AsciiDoc writer gives it: the header and the signature as two-cell layout tables ("a|"
# cells of paragraphs), bold headings, "{empty}" before a numbered line, and a task table whose cells run on over
# lines, a cell of two agencies as two paragraphs and a cell of two tasks as two list items.
ADOC_PLAN = """[width="100%",cols="50%,50%",options="header",]
|===
a|
ỦY BAN NHÂN DÂN

*PHƯỜNG TÂN MAI*

Số: 21/KH-UBND

a|
*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM*

_Tân Mai, ngày 09 tháng 5 năm 2024_

|===

*KẾ HOẠCH*

*Nâng cao Chỉ số PAPI phường Tân Mai năm 2024*

*I. NHIỆM VỤ*

[width="99%",cols="20%,20%,20%,20%,20%",options="header",]
|===
|*STT* |*Nội dung* |*Chủ trì* |*Phối
hợp* |*Thời hạn*
|1 |Niêm yết công khai thủ tục hành chính tại Bộ phận một cửa
phường |Văn phòng - Thống kê a|
Công an phường

Tư pháp - Hộ tịch

|Quý II/2024

|2 a|
- Tuyên truyền phân loại rác tại nguồn

- Ra quân vệ sinh môi trường các khu phố

|Địa chính - Xây dựng |Đoàn Thanh niên phường |Hằng tháng
|===

{empty}2. Các khu phố báo cáo kết quả về UBND phường.

[width="100%",cols="50%,50%",options="header",]
|===
a|
*_Nơi nhận:_*

- UBND thành phố;

- Lưu: VT.

a|
*TM. ỦY BAN NHÂN DÂN*

*CHỦ TỊCH*

*Trịnh Văn Hòa*

|===
"""


def test_asciidoc_tables_and_marks_are_written_as_markdown() -> None:
    md = asciidoc_to_markdown(ADOC_PLAN)
    rows = [x for x in md.split("\n") if x.startswith("| ")]
    assert [c.strip(" *") for c in rows[0].strip("|").split("|")] == ["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời hạn"]
    assert rows[1] == ("| 1 | Niêm yết công khai thủ tục hành chính tại Bộ phận một cửa phường | Văn phòng - Thống kê | "
                       "Công an phường; Tư pháp - Hộ tịch | Quý II/2024 |")
    assert rows[2] == ("| 2 | - Tuyên truyền phân loại rác tại nguồn<br>- Ra quân vệ sinh môi trường các khu phố | "
                       "Địa chính - Xây dựng | Đoàn Thanh niên phường | Hằng tháng |")
    assert "2. Các khu phố báo cáo kết quả về UBND phường." in md and "{empty}" not in md
    assert "|===" not in md and "[width=" not in md


def test_an_asciidoc_plan_reads_like_its_markdown() -> None:
    for doc in (parse_text(ADOC_PLAN, fmt="asciidoc"), parse_text(ADOC_PLAN)):  # named ".adoc", or known by its tables
        assert doc.source.format == "markdown"
        assert (doc.number, doc.issued_date, doc.place) == ("21/KH-UBND", "2024-05-09", "Tân Mai")
        assert doc.signer is not None and doc.signer.name == "Trịnh Văn Hòa"
        got = sorted((t.text, [a.raw for a in t.lead], [d.kind for d in t.deadlines]) for t in doc.tasks if t.origin == "table")
        assert got == [
            ("Niêm yết công khai thủ tục hành chính tại Bộ phận một cửa phường", ["Văn phòng - Thống kê"], ["quarter"]),
            ("Ra quân vệ sinh môi trường các khu phố", ["Địa chính - Xây dựng"], ["recurring"]),
            ("Tuyên truyền phân loại rác tại nguồn", ["Địa chính - Xây dựng"], ["recurring"]),
        ]


def test_text_with_one_table_edge_is_no_asciidoc() -> None:
    assert not looks_like_asciidoc("KẾ HOẠCH\n|===\nmột dòng\n")


def test_a_layout_table_with_a_row_short_of_cells_is_read() -> None:
    """Found by mutation fuzzing: a two-row layout table whose second row has one cell of two ("|===" / "|A |B" /
    "|C" / "|===") failed when stacked cell by cell; the short row is padded."""
    md = asciidoc_to_markdown("|===\n|ỦY BAN NHÂN DÂN |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|Số: 5/KH-UBND\n|===\n")
    assert [x for x in md.split("\n") if x] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 5/KH-UBND"]
