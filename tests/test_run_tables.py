"""Tables whose cells come out as runs of lines (``pdftotext -raw``): rows rebuilt from the lines."""

from __future__ import annotations

from papi_extract.normalize import normalize
from papi_extract.pipeline import parse_text
from papi_extract.run_tables import _deal, has_run_tables, rewrite_run_tables

# A province's appendix as a PDF's raw text gives it: other column names than any seed ("TT", "Đơn vị
# chủ trì", "Thời hạn hoàn thành", "Kết quả"), the header's rest wrapped on short lines, a page break
# (form feed, running footer, page number, header again) inside the table, two cells printed on one
# line, a row without a supporting agency, a place name wrapped after its first word, and a lettered
# sub-group row.
RAW = """ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN

Số: 88/KH-UBND

Phú Yên, ngày 02 tháng 3 năm 2024

KẾ HOẠCH
Cải thiện Chỉ số PAPI tỉnh Phú Yên năm 2024

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao Chỉ số PAPI của tỉnh năm 2024.
II. NHIỆM VỤ
Các sở, ngành thực hiện các nhiệm vụ tại Phụ lục kèm theo.
Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Hòa
PHỤ LỤC
NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI NĂM 2024
TT Nội dung Đơn vị chủ trì Đơn vị phối hợp
Thời hạn hoàn
thành
Kết quả
I CÔNG KHAI, MINH BẠCH
1
Công khai danh sách hộ được hỗ trợ nhà ở trên
Cổng thông tin điện tử của các huyện, thị xã
Sở Xây dựng
UBND các huyện, thị xã,
thành phố
Quý II/2024
Danh sách được công
khai
2
Rà soát, cập nhật quy hoạch sử dụng đất cấp
huyện đến năm 2030
Sở Tài nguyên và
Môi trường
UBND các huyện Tháng 9/2024 Quyết định phê duyệt
UBND tỉnh Phú Yên - Kế hoạch cải thiện Chỉ số PAPI 2024
\f4
TT Nội dung Đơn vị chủ trì Đơn vị phối hợp
Thời hạn hoàn
thành
Kết quả
3
Kiểm tra việc niêm yết thủ tục hành chính tại
Bộ phận Một cửa các xã, phường, thị trấn
Văn phòng UBND tỉnh
Thường xuyên
Báo cáo kiểm tra
II CUNG ỨNG DỊCH VỤ
CÔNG
a) Y tế công lập
4
Khám sức khỏe định kỳ cho người cao tuổi tại
xã Sơn Hội
Sở Y tế Trung tâm Y tế huyện Sơn
Hòa
Năm 2024 Báo cáo kết quả
UBND tỉnh Phú Yên - Kế hoạch cải thiện Chỉ số PAPI 2024
\f5
"""


def _rows(text: str) -> list[list[str]]:
    out = normalize(text, "text").text
    return [[c.strip() for c in line.strip().strip("|").split("|")] for line in out.split("\n")
            if line.startswith("| ") and not line.startswith("| TT")]


def test_rows_are_rebuilt_from_runs_of_lines() -> None:
    rows = _rows(RAW)
    assert rows[0] == ["I", "CÔNG KHAI, MINH BẠCH", "", "", "", ""]
    assert rows[1] == ["1", "Công khai danh sách hộ được hỗ trợ nhà ở trên Cổng thông tin điện tử của các huyện, thị xã",
                       "Sở Xây dựng", "UBND các huyện, thị xã, thành phố", "Quý II/2024", "Danh sách được công khai"]
    # three cells on one line: cut before the time and before the result
    assert rows[2][2:] == ["Sở Tài nguyên và Môi trường", "UBND các huyện", "Tháng 9/2024", "Quyết định phê duyệt"]
    # the page break (footer, page number, header again) is gone; no supporting agency: the time's column
    assert rows[3] == ["3", "Kiểm tra việc niêm yết thủ tục hành chính tại Bộ phận Một cửa các xã, phường, thị trấn",
                       "Văn phòng UBND tỉnh", "", "Thường xuyên", "Báo cáo kiểm tra"]
    assert rows[4] == ["II", "CUNG ỨNG DỊCH VỤ CÔNG", "", "", "", ""]  # a group title wrapped
    assert rows[5] == ["a", "Y tế công lập", "", "", "", ""]
    # "Sơn" / "Hòa": the place name wraps (the line could not hold "Hòa"); the last line holds two cells
    assert rows[6][2:] == ["Sở Y tế", "Trung tâm Y tế huyện Sơn Hòa", "Năm 2024", "Báo cáo kết quả"]
    assert len(rows) == 7


def test_the_rebuilt_rows_are_tasks() -> None:
    doc = parse_text(RAW)
    table = [t for t in doc.tasks if t.origin == "table"]
    assert [t.label for t in table] == ["1", "2", "3", "4"]
    assert [a.name for a in table[0].lead] == ["Sở Xây dựng"]
    assert [d.raw for d in table[1].deadlines] == ["Tháng 9/2024"]
    assert table[2].support == [] and table[2].output == "Báo cáo kiểm tra"
    assert table[0].dimension == 2  # the group row names "Công khai, minh bạch"
    assert (table[3].dimension, table[3].subdimension) == (6, "6.1")  # "a) Y tế công lập" under "Cung ứng dịch vụ công"
    for t in table:
        assert t.text and t.lead


def test_lines_without_a_run_table_are_left_alone() -> None:
    # a header line followed by prose, not by numbered rows
    prose = ("STT Nội dung nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian\n"
             "Các nội dung trên được trình bày ở bảng sau.\nSở Nội vụ theo dõi.\n")
    assert rewrite_run_tables(prose) == prose
    # an aligned or tabbed header is another layout's
    assert not has_run_tables("STT\tNội dung\tChủ trì\n1\tA\tB\n")
    assert not has_run_tables("STT   Nội dung nhiệm vụ     Chủ trì\n")
    # "TT" inside a word or a sentence is no header
    assert not has_run_tables("Thực hiện Chỉ thị số 10/CT-TTg về TT Nội dung\n")


def test_a_runaway_row_ends_the_table_before_it() -> None:
    body = "\n".join(f"dòng thứ {k} của một đoạn văn rất dài" for k in range(200))
    text = ("TT Nội dung Đơn vị chủ trì Đơn vị phối hợp\n1\nCông khai ngân sách\nSở Tài chính\nUBND các huyện\n"
            f"2\nRà soát thủ tục\nSở Tư pháp\nUBND các xã\n3\n{body}\n")
    out = rewrite_run_tables(text)
    assert "| 2 | Rà soát thủ tục | Sở Tư pháp | UBND các xã |" in out
    assert "dòng thứ 199 của một đoạn văn rất dài" in out.split("\n")  # left as text


# A score table as a PDF's raw text gives it, in other words than any seed: "STT Lĩnh vực" over column
# names broken into one-word lines, rows as a number line, the name's lines and the figures' line, or all
# on one line, a page break with a running footer and the header again, a closing total row.
SCORES = """Bảng 2. Kết quả PAPI của tỉnh năm 2022, 2023
STT Nội dung
Điểm
2022
Điểm
2023
Thứ hạng
2023
1
Tham gia của người dân ở
cấp cơ sở
5,01 5,20 21
2
Công khai, minh bạch
trong việc ra quyết định ở địa phương
5,33 5,41 18
UBND tỉnh Bình Phước - Kế hoạch PAPI
\f3
STT Nội dung
Điểm
2022
Điểm
2023
Thứ hạng
2023
3 Trách nhiệm giải trình với người dân 4,40 4,52 30
Tổng điểm 14,74 15,13 25/63
Ghi chú: số liệu của UNDP.
"""


def test_score_rows_are_rebuilt_from_runs_of_lines() -> None:
    out = normalize(SCORES, "text").text.split("\n")
    table = [line for line in out if line.startswith("|")]
    assert table[0] == "| STT | Nội dung | Điểm 2022 | Điểm 2023 | Thứ hạng 2023 |"
    assert table[2:] == ["| 1 | Tham gia của người dân ở cấp cơ sở | 5,01 | 5,20 | 21 |",
                         "| 2 | Công khai, minh bạch trong việc ra quyết định ở địa phương | 5,33 | 5,41 | 18 |",
                         "| 3 | Trách nhiệm giải trình với người dân | 4,40 | 4,52 | 30 |",
                         "|  | Tổng điểm | 14,74 | 15,13 | 25/63 |"]
    assert "Ghi chú: số liệu của UNDP." in out  # the text after the table stays


def test_a_score_header_without_rows_of_figures_is_left_alone() -> None:
    text = "STT Nội dung\nĐiểm\n2022\nCác chỉ số được trình bày dưới đây.\n1\nTham gia\n2\nCông khai\n"
    assert rewrite_run_tables(text) == text


# A commune plan as a word processor's "Text" export writes its tables: every cell on a line of its own, an empty
# cell an empty line, a cell of two paragraphs on two lines, a group row as its number and its title.
CELL_LINES = """ỦY BAN NHÂN DÂN XÃ TÂN HÒA
Số: 19/KH-UBND
Tân Hòa, ngày 08 tháng 3 năm 2023
KẾ HOẠCH
Nâng cao Chỉ số PAPI xã Tân Hòa năm 2023
I. KẾT QUẢ NĂM 2022
Chỉ số PAPI năm 2022 của tỉnh như sau:
STT
Lĩnh vực
Điểm năm 2022
Thứ hạng
1
Tham gia của người dân ở cấp cơ sở
4,98
35
2
Thủ tục hành chính công
7,21
20
3
Quản trị điện tử
3,05
44

Tổng điểm
41,90
38
II. NHIỆM VỤ
TT
Nhiệm vụ
Người thực hiện
Phối hợp
Thời hạn
I
Thủ tục hành chính công
1
Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa xã
Công chức Văn phòng - Thống kê

Quý II/2023
2
Hướng dẫn người dân nộp hồ sơ trực tuyến
Công chức Tư pháp - Hộ tịch
Đoàn Thanh niên xã
Trưởng các ấp
Thường xuyên
III. TỔ CHỨC THỰC HIỆN
Các công chức chuyên môn triển khai Kế hoạch này.
"""


def test_tables_exported_one_cell_per_line_are_rebuilt() -> None:
    out = normalize(CELL_LINES, "text").text.split("\n")
    table = [line for line in out if line.startswith("| ")]
    assert table == [
        "| STT | Lĩnh vực | Điểm năm 2022 | Thứ hạng |",
        "| 1 | Tham gia của người dân ở cấp cơ sở | 4,98 | 35 |",
        "| 2 | Thủ tục hành chính công | 7,21 | 20 |",
        "| 3 | Quản trị điện tử | 3,05 | 44 |",
        "|  | Tổng điểm | 41,90 | 38 |",
        "| TT | Nhiệm vụ | Người thực hiện | Phối hợp | Thời hạn |",
        "| I | Thủ tục hành chính công |  |  |  |",
        "| 1 | Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa xã | Công chức Văn phòng - Thống kê |  | Quý II/2023 |",
        "| 2 | Hướng dẫn người dân nộp hồ sơ trực tuyến | Công chức Tư pháp - Hộ tịch | Đoàn Thanh niên xã; Trưởng các ấp | "
        "Thường xuyên |",
    ]
    assert "III. TỔ CHỨC THỰC HIỆN" in out
    doc = parse_text(CELL_LINES)
    assert {(s.dimension, s.year, s.value, s.rank) for s in doc.scores} >= {(1, 2022, 4.98, 35), (8, 2022, 3.05, 44)}
    table_tasks = [t for t in doc.tasks if t.origin == "table"]
    assert [(t.label, t.dimension) for t in table_tasks] == [("1", 5), ("2", 5)]


def test_a_header_naming_a_spanning_group_column_is_no_run_table_and_ends() -> None:
    """ "STT Nội dung Trách nhiệm thực hiện …" names a column spanning two ("Trách nhiệm thực hiện" over "Chủ trì" /
    "Phối hợp"): no run table. (Found by fuzzing: the header scan stopped advancing on that phrase and never ended.)"""
    import threading

    from papi_extract.run_tables import _scan_header

    text = "STT Nội dung nhiệm vụ Trách nhiệm thực hiện Thời gian\n1\nCông khai ngân sách\nSở Tài chính\nQuý II\n"
    got: list[object] = []
    worker = threading.Thread(target=lambda: got.append((_scan_header(text.split("\n")[0]), rewrite_run_tables(text))),
                              daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert got == [(None, text)]


def test_a_score_table_with_a_blank_line_after_each_cell_is_rebuilt() -> None:
    # docx2txt writes each table cell as a paragraph followed by a blank line
    cells = ["STT", "Nội dung chỉ số", "Năm 2023", "Năm 2024", "Tăng, giảm",
             "1", "Quản trị môi trường", "3,40", "3,52", "+0,12",
             "2", "Quản trị điện tử", "3,90", "3,85", "-0,05",
             "3", "Cung ứng dịch vụ công", "7,10", "7,21", "+0,11"]
    text = "Kết quả như sau:\n\n" + "\n\n".join(cells) + "\n\nNhận xét: các chỉ số còn thấp.\n"
    rows = [line for line in rewrite_run_tables(text).split("\n") if line.startswith("| ")]
    assert rows[0] == "| STT | Nội dung chỉ số | Năm 2023 | Năm 2024 | Tăng, giảm |"
    assert rows[2] == "| 2 | Quản trị điện tử | 3,90 | 3,85 | -0,05 |"
    assert "Nhận xét: các chỉ số còn thấp." in rewrite_run_tables(text)
    doc = parse_text("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2025\n\nI. KẾT QUẢ\n" + text + "\nII. NHIỆM VỤ\n1. Sở Nội vụ theo dõi.\n")
    got = {(s.dimension, s.year): (s.value, s.change) for s in doc.scores if s.kind == "actual"}
    assert got[(8, 2024)] == (3.85, -0.05) and got[(7, 2023)] == (3.4, None)



def test_a_spaced_score_table_whose_change_column_names_its_base_year_is_rebuilt() -> None:
    # a column name longer than a short label ("Tăng (+), giảm (-) so với năm 2024", 34 characters) is still a
    # column's name; a sentence after the table is not
    cells = ["TT", "Lĩnh vực", "Điểm năm 2025", "Tăng (+), giảm (-) so với năm 2024",
             "1", "Trách nhiệm giải trình với người dân", "4,62", "-0,03",
             "2", "Thủ tục hành chính công", "7,44", "+0,10",
             "3", "Quản trị điện tử", "3,71", "+0,26"]
    text = "Điểm các chỉ số:\n\n" + "\n\n".join(cells) + "\n\nTrong đó, chỉ số giảm điểm so với năm trước là chỉ số 3.\n"
    rows = [line for line in rewrite_run_tables(text).split("\n") if line.startswith("| ")]
    assert rows[0] == "| TT | Lĩnh vực | Điểm năm 2025 | Tăng (+), giảm (-) so với năm 2024 |"
    assert rows[2] == "| 2 | Thủ tục hành chính công | 7,44 | +0,10 |"
    doc = parse_text("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2026\n\nI. KẾT QUẢ\n" + text + "\nII. NHIỆM VỤ\n1. Phòng Nội vụ theo dõi.\n")
    got = {(s.dimension, s.year): (s.value, s.change) for s in doc.scores if s.kind == "actual"}
    assert got[(3, 2025)] == (4.62, -0.03) and got[(8, 2025)] == (3.71, 0.26)

# A commune plan as PyMuPDF's get_text() gives it: every cell's lines wrapped at its column's width, one after
# the other, no empty line for an empty cell; rows numbered under their group ("1" / its name / "1.1"); a page
# break (form feed, the next page's number, the header again) just after a group row; a score table whose
# column names wrap ("Điểm năm" / "2024") and whose row names wrap.
WRAPPED = """KẾ HOẠCH
Nâng cao Chỉ số PAPI xã Yên Lạc năm 2025
I. KẾT QUẢ NĂM 2024
STT
Chỉ số nội dung
Điểm năm
2024
Tăng, giảm
so với năm 2023
1
Tham gia của người dân ở cấp cơ sở
5,12
+0,07
2
Công khai, minh bạch trong việc ra
quyết định ở địa phương
5,31
-0,04
3
Quản trị điện tử
3,66
+0,21
II. NHIỆM VỤ
TT
Nội dung nhiệm vụ
Giao thực hiện
Phối hợp
Thời hạn
1
Tham gia của người dân ở cấp cơ sở
1.1
Tổ chức hội nghị thôn để Nhân dân bàn
và quyết định các công trình phúc lợi
công cộng của thôn Đông
Công chức Văn
hóa - Xã hội
Trưởng các thôn
Quý II/2025
1.2
Lấy ý kiến Nhân dân về dự thảo quy
hoạch khu dân cư mới
Công chức Địa
chính - Xây dựng
Thường
xuyên
2
Quản trị điện tử
\f5
STT
Nội dung nhiệm vụ
Giao thực hiện
Phối hợp
Thời hạn
2.1
Hướng dẫn người dân cài đặt ứng dụng
VNeID và nộp hồ sơ trực tuyến
Công an xã
Đoàn Thanh niên
xã; Hội Phụ nữ xã
Hằng tháng
III. TỔ CHỨC THỰC HIỆN
Công chức Văn phòng - Thống kê theo dõi, tổng hợp.
"""


def test_a_table_whose_cells_wrap_one_after_another_is_rebuilt() -> None:
    out = normalize(WRAPPED, "text").text.split("\n")
    table = [line for line in out if line.startswith("| ")]
    assert table == [
        "| STT | Chỉ số nội dung | Điểm năm 2024 | Tăng, giảm so với năm 2023 |",
        "| 1 | Tham gia của người dân ở cấp cơ sở | 5,12 | +0,07 |",
        "| 2 | Công khai, minh bạch trong việc ra quyết định ở địa phương | 5,31 | -0,04 |",
        "| 3 | Quản trị điện tử | 3,66 | +0,21 |",
        "| TT | Nội dung nhiệm vụ | Giao thực hiện | Phối hợp | Thời hạn |",
        "| 1 | Tham gia của người dân ở cấp cơ sở |  |  |  |",
        "| 1.1 | Tổ chức hội nghị thôn để Nhân dân bàn và quyết định các công trình phúc lợi công cộng của thôn Đông"
        " | Công chức Văn hóa - Xã hội | Trưởng các thôn | Quý II/2025 |",
        "| 1.2 | Lấy ý kiến Nhân dân về dự thảo quy hoạch khu dân cư mới | Công chức Địa chính - Xây dựng |  | "
        "Thường xuyên |",
        "| 2 | Quản trị điện tử |  |  |  |",
        "| 2.1 | Hướng dẫn người dân cài đặt ứng dụng VNeID và nộp hồ sơ trực tuyến | Công an xã | Đoàn Thanh niên xã; "
        "Hội Phụ nữ xã | Hằng tháng |",
    ]
    doc = parse_text(WRAPPED)
    assert {(s.dimension, s.year, s.value, s.change) for s in doc.scores} >= {
        (1, 2024, 5.12, 0.07), (2, 2024, 5.31, -0.04), (8, 2024, 3.66, 0.21)}
    from papi_extract.evaluate import agency_key

    got = [(t.label, t.dimension, [agency_key(a.name) for a in t.lead], [d.kind for d in t.deadlines])
           for t in doc.tasks if t.origin == "table"]
    assert got == [("1.1", 1, [agency_key("Công chức Văn hóa - Xã hội")], ["quarter"]),
                   ("1.2", 1, [agency_key("Công chức Địa chính - Xây dựng")], ["continuous"]),
                   ("2.1", 8, [agency_key("Công an xã")], ["recurring"])]


# pdfplumber's extract_text(): a ruled score table's rows each on one line, cells joined by single spaces, a
# name too long for its cell wrapped under the row's figures, the two-level header run together on three lines.
PLUMBER_SCORES = """KẾ HOẠCH
Nâng cao Chỉ số PAPI tỉnh Phú Thọ năm 2025
I. KẾT QUẢ NĂM 2024
STT Chỉ số nội dung Năm 2023 Năm 2024 Chênh lệch
Điểm Thứ Điểm Thứ điểm
hạng hạng
1 Tham gia của người dân ở 5,02 40 5,11 33 +0,09
cấp cơ sở
2 Thủ tục hành chính công 7,22 30 7,35 21 +0,13
3 Quản trị điện tử 3,41 25 3,38 29 -0,03
Tổng điểm 42,70 36 43,05 30 +0,35
Các chỉ số còn lại giữ mức điểm ổn định.
"""


def test_a_score_table_with_rows_on_one_line_and_a_two_level_header_is_rebuilt() -> None:
    out = normalize(PLUMBER_SCORES, "text").text.split("\n")
    assert [line for line in out if line.startswith("| ")] == [
        "| STT | Chỉ số nội dung | Năm 2023 Điểm | Năm 2023 Thứ hạng | Năm 2024 Điểm | Năm 2024 Thứ hạng | "
        "Tăng (+), giảm (-) |",
        "| 1 | Tham gia của người dân ở cấp cơ sở | 5,02 | 40 | 5,11 | 33 | +0,09 |",
        "| 2 | Thủ tục hành chính công | 7,22 | 30 | 7,35 | 21 | +0,13 |",
        "| 3 | Quản trị điện tử | 3,41 | 25 | 3,38 | 29 | -0,03 |",
        "|  | Tổng điểm | 42,70 | 36 | 43,05 | 30 | +0,35 |",
    ]
    doc = parse_text(PLUMBER_SCORES)
    got = {(s.dimension, s.year, s.value, s.rank, s.change) for s in doc.scores}
    assert {(1, 2024, 5.11, 33, 0.09), (1, 2023, 5.02, 40, None), (None, 2024, 43.05, 30, 0.35)} <= got


# pdfplumber's extract_text() of a ruled task table: each printed line holds a piece of every cell, joined by
# single spaces; a row's number opens its first line; group rows "N Chỉ số nội dung N: …"; a compound column
# name ("Nhiệm vụ, giải pháp"); a closing note naming the row's sub-dimension.
PLUMBER_TASKS = """KẾ HOẠCH
Nâng cao Chỉ số PAPI tỉnh Hà Tĩnh năm 2025
PHỤ LỤC
STT Nhiệm vụ, giải pháp Đơn vị chủ trì Đơn vị phối hợp Thời hạn
1 Chỉ số nội dung 5: Thủ tục hành chính công
1.1 Công khai đầy đủ thủ tục hành chính tại Bộ phận Văn phòng UBND UBND các huyện, Quý II/2025
Một cửa các cấp; cập nhật trên Cổng dịch vụ công tỉnh thị xã
của tỉnh (nội dung thành phần: Dịch vụ làm TTHC ở
cấp xã)
1.2 Rút ngắn thời gian giải quyết hồ sơ đất đai; xin lỗi Sở Tài nguyên và Văn phòng Đăng ký Thường xuyên
người dân bằng văn bản khi trễ hẹn Môi trường đất đai
2 Chỉ số nội dung 8: Quản trị điện tử
2.1 Hướng dẫn người dân nộp hồ sơ trực tuyến và thanh Sở Thông tin và Các huyện, thị xã Năm 2025
toán không dùng tiền mặt tại các xã vùng sâu Truyền thông
2.2 Phản hồi kiến nghị của người dân qua ứng dụng Văn phòng UBND Các sở, ngành Hằng tháng
Hà Tĩnh Online trong thời hạn quy định tỉnh
"""


def test_a_task_table_whose_cells_run_together_line_by_line_is_read() -> None:
    doc = parse_text(PLUMBER_TASKS)
    from papi_extract.evaluate import agency_key, similarity, text_key

    got = [(t.label, t.dimension, t.subdimension, [agency_key(a.name) for a in t.lead]) for t in doc.tasks]
    assert got == [("1.1", 5, "5.4", [agency_key("Văn phòng UBND")]),
                   ("1.2", 5, None, [agency_key("Sở Tài nguyên và")]),
                   ("2.1", 8, None, [agency_key("Sở Thông tin và")]),
                   ("2.2", 8, None, [agency_key("Văn phòng UBND")])]
    assert text_key(doc.tasks[0].text) == text_key(
        "Công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa các cấp; cập nhật trên Cổng dịch vụ công "
        "của tỉnh (nội dung thành phần: Dịch vụ làm TTHC ở cấp xã)")
    # a cell's short last line takes the next column's words that fit in its width: the text stays close
    assert similarity(doc.tasks[1].text,
                      "Rút ngắn thời gian giải quyết hồ sơ đất đai; xin lỗi người dân bằng văn bản khi trễ hẹn") >= 0.85
    assert [(m.dimension, m.method) for m in doc.indicators] == [(5, "table_group"), (8, "table_group")]


# A district plan's appendix as pypdf's extract_text() gives a ruled table: each cell's wrapped lines in turn,
# one-line cells joined to their neighbours by a space (a row of one-line cells is one line), the header printed
# again on the next page, Roman group rows and lettered sub-group rows.
CELL_RUNS = """KẾ HOẠCH
Nâng cao Chỉ số PAPI huyện Tam Nông năm 2025
I. NHIỆM VỤ
Chi tiết tại Phụ lục kèm theo.
PHỤ LỤC
TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Sản phẩm Thời hạn
I Công khai, minh bạch trong việc ra quyết định ở địa phương
1
Niêm yết công khai danh sách hộ nghèo, hộ cận nghèo
tại nhà văn hóa ấp và trụ sở UBND xã
Phòng Lao động -
Thương binh và Xã
hội
UBND các xã, thị trấn Danh sách được niêm yết Tháng 01/2025
2 Công khai dự toán ngân sách xã trên bảng tin tại trụ sở UBND xã Phòng Tài chính - Kế hoạch UBND các xã, thị trấn Bảng công khai Quý I/2025
II Cung ứng dịch vụ công
a Y tế công lập
3
Nâng cao chất lượng khám, chữa bệnh tại trạm y tế
xã; bảo đảm đủ thuốc thiết yếu
Trung tâm Y tế huyện Ủy ban MTTQ Việt Nam
huyện
Báo cáo kết quả Thường xuyên
TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Sản phẩm Thời hạn
b Giáo dục tiểu học công lập
4 Sửa chữa phòng học xuống cấp tại các điểm trường tiểu học Phòng Giáo dục và Đào tạo UBND các xã, thị trấn Phòng học được sửa chữa Trước năm học 2025 - 2026
III Thủ tục hành chính công
5 Rút ngắn thời gian cấp Giấy chứng nhận quyền sử dụng đất lần đầu Phòng Tài nguyên và Môi trường Chi nhánh Văn phòng Đăng ký đất đai huyện Giấy chứng nhận được cấp đúng hạn Hằng tháng
"""


def test_a_task_table_whose_cells_run_on_one_after_another_is_read() -> None:
    rows = [line for line in rewrite_run_tables(CELL_RUNS).split("\n") if line.startswith("| ")]
    assert rows[0] == "| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Sản phẩm | Thời hạn |"
    assert rows[2] == ("| 1 | Niêm yết công khai danh sách hộ nghèo, hộ cận nghèo tại nhà văn hóa ấp và trụ sở UBND xã | "
                       "Phòng Lao động - Thương binh và Xã hội | UBND các xã, thị trấn | Danh sách được niêm yết | "
                       "Tháng 01/2025 |")
    # a row of one-line cells on one line: the task ends where the lead's agency opens ("tại trụ sở UBND xã" is
    # the task's: a link word leads into it)
    assert rows[3] == ("| 2 | Công khai dự toán ngân sách xã trên bảng tin tại trụ sở UBND xã | Phòng Tài chính - Kế hoạch | "
                       "UBND các xã, thị trấn | Bảng công khai | Quý I/2025 |")
    assert rows[5].startswith("| a | Y tế công lập |")
    assert rows[6] == ("| 3 | Nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã; bảo đảm đủ thuốc thiết yếu | "
                       "Trung tâm Y tế huyện | Ủy ban MTTQ Việt Nam huyện | Báo cáo kết quả | Thường xuyên |")
    assert rows[7].startswith("| b | Giáo dục tiểu học công lập |")
    assert rows[8].endswith("| Phòng Giáo dục và Đào tạo | UBND các xã, thị trấn | Phòng học được sửa chữa | "
                            "Trước năm học 2025 - 2026 |")
    doc = parse_text(CELL_RUNS)
    got = {t.label: (t.dimension, t.subdimension, [a.raw for a in t.lead], [d.kind for d in t.deadlines])
           for t in doc.tasks if t.origin == "table"}
    assert got == {"1": (2, None, ["Phòng Lao động - Thương binh và Xã hội"], ["month"]),
                   "2": (2, None, ["Phòng Tài chính - Kế hoạch"], ["quarter"]),
                   "3": (6, "6.1", ["Trung tâm Y tế huyện"], ["continuous"]),
                   "4": (6, "6.2", ["Phòng Giáo dục và Đào tạo"], ["event"]),
                   "5": (5, None, ["Phòng Tài nguyên và Môi trường"], ["recurring"])}
    # a head that needs its name ("Văn phòng" before "Đăng ký đất đai huyện") goes on into the capitalised name
    assert rows[10] == ("| 5 | Rút ngắn thời gian cấp Giấy chứng nhận quyền sử dụng đất lần đầu | Phòng Tài nguyên và Môi "
                        "trường | Chi nhánh Văn phòng Đăng ký đất đai huyện | Giấy chứng nhận được cấp đúng hạn | Hằng tháng |")


def test_cells_running_on_in_an_order_not_read_leave_the_other_columns_empty() -> None:
    # the time column before the output: the run of the other cells is not cut by guess, only task and lead are read
    text = CELL_RUNS.replace("TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Sản phẩm Thời hạn",
                             "TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời hạn Sản phẩm")
    rows = [line for line in rewrite_run_tables(text).split("\n") if line.startswith("| ")]
    assert rows[0] == "| TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn | Sản phẩm |"
    assert rows[3] == ("| 2 | Công khai dự toán ngân sách xã trên bảng tin tại trụ sở UBND xã | Phòng Tài chính - Kế hoạch | "
                       " |  |  |")


# A scraper's get_text("\n") of an HTML task table: one cell per line, no blank line between cells, the
# empty cells dropped and a merged "Chỉ số nội dung" cell printed once (on the first row it spans).
MERGED_CELL_LINES = """III. PHÂN CÔNG NHIỆM VỤ
TT
Chỉ số nội dung
Nhiệm vụ cụ thể
Cơ quan, đơn vị chủ trì
Cơ quan phối hợp
Thời hạn hoàn thành
1
Cung ứng dịch vụ công
Nâng cấp hệ thống nước sạch tập trung cho các thôn vùng cao
Phòng Kinh tế và Hạ tầng
UBND các xã
Năm 2024
2
Rà soát, bổ sung thiết bị dạy học cho các trường mầm non
Phòng Giáo dục và Đào tạo
Quý III/2024
3
Quản trị điện tử
Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực
Văn phòng HĐND và UBND huyện
Phòng Tư pháp
Thường xuyên
IV. TỔ CHỨC THỰC HIỆN
Các cơ quan triển khai Kế hoạch này.
"""


def test_a_cell_per_line_row_missing_a_merged_or_empty_cell_is_fitted_to_its_columns() -> None:
    out = normalize(MERGED_CELL_LINES, "text").text.split("\n")
    table = [line for line in out if line.startswith("| ")]
    assert table[2] == "| 2 |  | Rà soát, bổ sung thiết bị dạy học cho các trường mầm non | Phòng Giáo dục và Đào tạo |  | Quý III/2024 |"
    doc = parse_text(MERGED_CELL_LINES)
    rows = [(t.label, t.dimension, [a.name for a in t.lead], [a.name for a in t.support], [d.raw for d in t.deadlines])
            for t in doc.tasks if t.origin == "table"]
    assert rows[1] == ("2", 6, ["Phòng Giáo dục và Đào tạo"], [], ["Quý III/2024"])
    assert rows[0][1:4] == (6, ["Phòng Kinh tế và Hạ tầng"], ["Ủy ban nhân dân các xã"])
    assert rows[2][1:4] == (8, ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"], ["Phòng Tư pháp"])


# lynx -dump of a ruled task table: each row's cells one after another as a paragraph wrapped at the page's
# width, so a cell opens anywhere in a line; group rows are lettered in capitals ("A Quản trị điện tử").
WRAPPED_RUNS = """II. NHIỆM VỤ CỤ THỂ
   TT Nội dung nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian
   A Quản trị điện tử
   1 Xây dựng chuyên mục hỏi - đáp trực tuyến về thủ tục hành chính trên Trang thông tin điện tử của
   huyện Văn phòng HĐND và UBND huyện Phòng Văn hóa và Thông tin Tháng 6/2024
   2 Tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho cán bộ thôn, tổ dân phố và đoàn viên thanh
   niên Phòng Nội vụ Huyện đoàn; UBND các xã, thị trấn Quý III/2024
   B Quản trị môi trường
   3 Ra quân thu gom rác thải dọc các tuyến kênh, mương nội đồng và khu vực chợ nông thôn trên địa
   bàn Phòng Tài nguyên và Môi trường UBND các xã, thị trấn Hằng tháng
III. TỔ CHỨC THỰC HIỆN
"""


def test_a_task_table_whose_rows_run_on_as_wrapped_paragraphs_is_read() -> None:
    rows = [line for line in rewrite_run_tables(WRAPPED_RUNS).split("\n") if line.startswith("| ")]
    assert rows[1].startswith("| A | Quản trị điện tử |")
    assert rows[2] == ("| 1 | Xây dựng chuyên mục hỏi - đáp trực tuyến về thủ tục hành chính trên Trang thông tin điện tử "
                       "của huyện | Văn phòng HĐND và UBND huyện | Phòng Văn hóa và Thông tin | Tháng 6/2024 |")
    assert rows[3] == ("| 2 | Tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho cán bộ thôn, tổ dân phố và đoàn viên "
                       "thanh niên | Phòng Nội vụ | Huyện đoàn; UBND các xã, thị trấn | Quý III/2024 |")
    doc = parse_text(WRAPPED_RUNS)
    got = {t.label: (t.dimension, [a.raw for a in t.lead]) for t in doc.tasks if t.origin == "table"}
    assert got == {"1": (8, ["Văn phòng HĐND và UBND huyện"]), "2": (8, ["Phòng Nội vụ"]),
                   "3": (7, ["Phòng Tài nguyên và Môi trường"])}


# pypdfium2's text of a table grouped by agency: each cell a run of lines, a group row "II Đơn vị: …" over its rows,
# its "Chỉ đạo: …" cell wrapped line by line under it, and no lead column (the group names the lead).
UNIT_GROUPS = """III. NHIỆM VỤ CỤ THỂ
STT Nội dung nhiệm vụ Đơn vị phối
hợp
Thời hạn Ghi chú
I Đơn vị: Phòng Tư pháp
Chỉ đạo: Phó
Chủ tịch UBND
huyện
1
Tổ chức hội nghị phổ biến
pháp luật cho trưởng thôn
UBND các xã
Quý III/2024
Chỉ số 1
2
Kiện toàn tổ hòa giải ở cơ sở
UBND các xã
Tháng 10/2024
Chỉ số 3
II Đơn vị: Phòng Y tế
3
Kiểm tra an toàn thực phẩm
tại các chợ nông thôn
Trạm Y tế các xã
Quý IV/2024
Chỉ số 6
IV. TỔ CHỨC THỰC HIỆN
"""


def test_a_run_table_grouped_by_agency_takes_each_groups_lead_and_directing() -> None:
    doc = parse_text(UNIT_GROUPS)
    got = {t.label: ([a.raw for a in t.lead], [a.raw for a in t.directing], [d.raw for d in t.deadlines])
           for t in doc.tasks if t.origin == "table"}
    assert got["1"][0] == ["Phòng Tư pháp"] and got["2"][0] == ["Phòng Tư pháp"]
    assert got["1"][1] and got["1"][1][0].startswith("Phó Chủ tịch UBND")
    assert got["3"][0] == ["Phòng Y tế"] and got["3"][2] == ["Quý IV/2024"]


# Two cells printed on one line ("UBND các xã, thị trấn Tháng 9/2024", pypdfium2) in a row with an output and a note
# column: dealt in order, every later cell lands one column left and the last stays empty; the shared line is cut
# where the next cell opens and the later cells move back.
def test_two_cells_printed_on_one_line_move_the_later_cells_back_to_their_columns() -> None:
    roles = ["text", "support", "deadline", "output", "note"]
    row = ["Xây dựng chuyên mục hỏi đáp về dịch vụ công trực tuyến", "UBND các xã,", "thị trấn Tháng 9/2024",
           "Chuyên mục được phát sóng", "Chỉ số nội dung 8"]
    assert _deal(row, roles, {}) == ["Xây dựng chuyên mục hỏi đáp về dịch vụ công trực tuyến", "UBND các xã, thị trấn",
                                     "Tháng 9/2024", "Chuyên mục được phát sóng", "Chỉ số nội dung 8"]
    # a row whose cells are all there keeps them
    full = ["Tuyên truyền phân loại rác thải", "Hội Phụ nữ huyện", "Quý IV/2024", "Tin, bài", "Chỉ số nội dung 7"]
    assert _deal(full, roles, {}) == full


# pypdfium2 rows of a table with a "Ghi chú" column tagging each row's indicator, the tag wrapped ("Chỉ số thành" /
# "phần 6.2"): the tag opens the note's cell even where the output cell's width would hold its first word, and
# where the output cell is empty it goes to the note, not the output. A text line stopping on a verb that needs its
# object ("… công tác tăng cường" / "Kỷ luật hành chính") goes on, however short.
def test_a_note_columns_indicator_tag_and_a_line_stopping_on_a_verb() -> None:
    roles = ["text", "support", "deadline", "output", "note"]
    row = ["Kiểm tra việc thu các khoản", "đầu năm học", "UBND các xã", "Tháng 9/2024", "Biên bản",
           "Chỉ số thành", "phần 6.2"]
    assert _deal(row, roles, {"output": 10}) == ["Kiểm tra việc thu các khoản đầu năm học", "UBND các xã",
                                                 "Tháng 9/2024", "Biên bản", "Chỉ số thành phần 6.2"]
    no_output = ["Trực đường dây nóng", "Công an xã", "Thường xuyên", "Chỉ số nội", "dung 3"]
    assert _deal(no_output, roles, {}) == ["Trực đường dây nóng", "Công an xã", "Thường xuyên", "",
                                           "Chỉ số nội dung 3"]
    shared = ["Niêm yết thủ tục hành chính", "UBND các xã,", "thị trấn Tháng 6/2024", "Chỉ số nội", "dung 5"]
    assert _deal(shared, roles, {}) == ["Niêm yết thủ tục hành chính", "UBND các xã, thị trấn", "Tháng 6/2024", "",
                                        "Chỉ số nội dung 5"]
    verb = ["Chấn chỉnh công tác tăng cường", "Kỷ luật hành chính ở xã", "Phòng Nội vụ", "Quý III/2024", "Báo cáo",
            "Chỉ số nội dung 4"]
    assert _deal(verb, roles, {"text": 40})[0] == "Chấn chỉnh công tác tăng cường Kỷ luật hành chính ở xã"


# A district's appendix as PyMuPDF's get_text("blocks") gives it: each block's lines, a blank line after
# each block, and blocks that cut a column name ("Đơn vị chủ" / "" / "trì") or hold pieces of two cells
# ("Đoàn Thanh niên" with the time's first line); a group title in capitals wrapped over two lines; an
# unnumbered sub-group row naming a sub-dimension; a time cell opening with a year or a duration after the
# supporting agencies; an event as the time.
BLOCKS = """KẾ HOẠCH
Cải thiện Chỉ số PAPI huyện Tân Phước năm 2024

I. NHIỆM VỤ
Các cơ quan thực hiện các nhiệm vụ tại Phụ lục kèm theo.

PHỤ LỤC

TT
Nội dung
Đơn vị chủ

trì

Đơn vị phối

hợp

Thời hạn

hoàn thành
Kết quả

I
THỦ TỤC HÀNH CHÍNH CÔNG VÀ CUNG ỨNG
DỊCH VỤ CÔNG

Dịch vụ làm thủ tục hành chính ở cấp xã
1

Niêm yết đầy đủ thủ tục hành chính
tại Bộ phận Một cửa các xã

Văn phòng HĐND
và UBND huyện

UBND các xã, thị
trấn

2024 - 2025
Bảng niêm yết

2
Hướng dẫn người dân nộp hồ
sơ trực tuyến

Phòng Văn hóa và
Thông tin

Đoàn Thanh niên
6 tháng cuối

năm 2024

Số hồ sơ trực
tuyến

3

Tổ chức đối thoại với người
dân về thủ tục đất đai

Phòng Tài nguyên
và Môi trường

UBND các xã, thị
trấn

Khi có phản ánh
của người dân

Biên bản đối
thoại

II. TỔ CHỨC THỰC HIỆN
Phòng Nội vụ theo dõi, tổng hợp kết quả thực hiện.
"""


def test_a_table_printed_block_by_block_is_rebuilt() -> None:
    rows = [line for line in normalize(BLOCKS, "text").text.split("\n") if line.startswith("| ")]
    assert rows[0] == "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành | Kết quả |"
    assert rows[1].startswith("| I | THỦ TỤC HÀNH CHÍNH CÔNG VÀ CUNG ỨNG DỊCH VỤ CÔNG |")
    assert rows[2].startswith("|  | Dịch vụ làm thủ tục hành chính ở cấp xã |")
    assert rows[3] == ("| 1 | Niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa các xã | Văn phòng HĐND và UBND huyện"
                       " | UBND các xã, thị trấn | 2024 - 2025 | Bảng niêm yết |")
    doc = parse_text(BLOCKS)
    got = {t.label: t for t in doc.tasks if t.origin == "table"}
    assert sorted(got) == ["1", "2", "3"]
    assert {(t.dimension, t.subdimension) for t in got.values()} == {(5, "5.4")}
    assert [a.name for a in got["1"].support] == ["Ủy ban nhân dân các xã, thị trấn"]
    assert [d.raw for d in got["1"].deadlines] == ["2024 - 2025"]
    assert [a.name for a in got["2"].support] == ["Đoàn Thanh niên"]
    assert [d.raw for d in got["2"].deadlines] == ["6 tháng cuối năm 2024"]
    assert [d.raw for d in got["3"].deadlines] == ["Khi có phản ánh của người dân"]
    assert [a.name for a in got["3"].lead] == ["Phòng Tài nguyên và Môi trường"]
    assert "II. TỔ CHỨC THỰC HIỆN" in normalize(BLOCKS, "text").text


def test_a_running_header_at_a_page_break_inside_a_cell_per_line_table_is_dropped() -> None:
    """pdftotext without -layout: a task table one cell per line; at the page break, the plan's running title on
    the break's line, then the header printed again. The title is page furniture, not part of the row's cell."""
    lines = ["II. NHIỆM VỤ", "STT", "Nhiệm vụ", "Chủ trì", "Thời hạn",
             "1", "Niêm yết thủ tục hành chính tại Bộ phận Một cửa", "Công chức Tư pháp - Hộ tịch", "Quý II/2024",
             "2", "Trả lời phản ánh của người dân trên Trang thông tin điện tử", "Công chức Văn hóa - Xã hội",
             "Hằng tháng",
             "3", "Tổ chức đối thoại giữa Chủ tịch UBND xã với Nhân dân về giải phóng mặt bằng",
             "Chủ tịch UBND xã", "Quý III/2024",
             "\fKế hoạch nâng cao Chỉ số PAPI năm 2024 - xã Tân Hưng",
             "STT", "Nhiệm vụ", "Chủ trì", "Thời hạn",
             "4", "Rà soát hộ nghèo tại các ấp", "Công chức Lao động - Thương binh và Xã hội", "Tháng 10/2024",
             "III. TỔ CHỨC THỰC HIỆN", "Các công chức triển khai thực hiện."]
    out = normalize("\n".join(lines), "text").text.split("\n")
    rows = [line for line in out if line.startswith(("| 3 |", "| 4 |"))]
    assert rows == ["| 3 | Tổ chức đối thoại giữa Chủ tịch UBND xã với Nhân dân về giải phóng mặt bằng | Chủ tịch UBND xã "
                    "| Quý III/2024 |",
                    "| 4 | Rà soát hộ nghèo tại các ấp | Công chức Lao động - Thương binh và Xã hội | Tháng 10/2024 |"]
    assert not any("Kế hoạch nâng cao Chỉ số PAPI năm 2024" in line for line in out if line.startswith("|"))
