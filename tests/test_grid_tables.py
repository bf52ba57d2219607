"""Pandoc grid tables: layout grids become stacked lines, data grids one pipe row per table row."""

from __future__ import annotations

from papi_extract.evaluate import agency_key
from papi_extract.grid_tables import rewrite_bare_pipe_tables, rewrite_box_tables, rewrite_grid_tables, rewrite_pipe_layouts
from papi_extract.pipeline import parse_text

SCORE_GRID = """Kết quả như sau:

+-----+-------------------------+---------+---------+
| STT | Chỉ số nội dung         | Năm     | Năm     |
|     |                         | 2021    | 2022    |
+=====+=========================+=========+=========+
| 1   | Kiểm soát tham nhũng    | 6,90    | 7,02    |
|     | trong khu vực công      |         |         |
+-----+-------------------------+---------+---------+
| 2   | Quản trị điện tử        | 3,05    | 3,31    |
+-----+-------------------------+---------+---------+
| 3   | Quản trị môi trường     | 3,40    | 3,22    |
+-----+-------------------------+---------+---------+
"""


def test_data_grid_becomes_one_pipe_row_per_table_row() -> None:
    out = rewrite_grid_tables(SCORE_GRID)
    assert out.split("\n")[2:6] == [
        "| STT | Chỉ số nội dung | Năm 2021 | Năm 2022 |",
        "| 1 | Kiểm soát tham nhũng trong khu vực công | 6,90 | 7,02 |",
        "| 2 | Quản trị điện tử | 3,05 | 3,31 |",
        "| 3 | Quản trị môi trường | 3,40 | 3,22 |",
    ]
    assert out.startswith("Kết quả như sau:\n\n")


def test_layout_grid_stacks_its_cells() -> None:
    grid = (
        "+----------------------------+-------------------------------------+\n"
        "| **ỦY BAN NHÂN DÂN**        | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT**  |\n"
        "| **XÃ CÁT TÂN**             | **NAM**                             |\n"
        "|                            | **Độc lập - Tự do - Hạnh phúc**     |\n"
        "| Số: 12/KH-UBND             | *Cát Tân, ngày 3 tháng 4 năm 2023*  |\n"
        "+----------------------------+-------------------------------------+\n"
    )
    lines = rewrite_grid_tables(grid).split("\n")
    assert lines[:4] == ["**ỦY BAN NHÂN DÂN**", "**XÃ CÁT TÂN**", "", "Số: 12/KH-UBND"]
    assert "*Cát Tân, ngày 3 tháng 4 năm 2023*" in lines and not any("|" in ln for ln in lines)


def test_text_with_plus_and_bars_that_is_no_grid_is_left_alone() -> None:
    for text in ("+----+ không phải bảng\n| a | b |\n", "+---+---+\n| a | b\n+---+---+\n",
                 "Tăng +0,05 điểm | giảm -0,1\n+-- ghi chú\n"):
        assert rewrite_grid_tables(text) == text


def test_scores_are_read_from_a_pandoc_score_grid() -> None:
    doc = parse_text("# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\n## I. KẾT QUẢ\n\n" + SCORE_GRID, fmt="markdown")
    got = {(s.dimension, s.year, s.value) for s in doc.scores}
    assert {(4, 2021, 6.9), (4, 2022, 7.02), (8, 2022, 3.31), (7, 2021, 3.4)} <= got


def test_many_broken_grids_are_left_alone_in_one_pass() -> None:
    """Hostile input: thousands of borders over content lines that never close. Output equals input
    (and the scan is linear: each line is looked at a bounded number of times)."""
    block = "+---+---+\n" + "| a | b |\n" * 50
    text = block * 200 + "| a | b\n"
    assert rewrite_grid_tables(text) == text


# A markdown pipe table cannot hold a line break: a web clipper writes a layout cell's lines side by
# side, joined by a hard break's two spaces or by "<br>".
CLIPPED_TAIL = (
    "Trên đây là Kế hoạch của UBND huyện Tân Phước./.\n"
    "\n"
    "| **Nơi nhận:**<br>- Sở Nội vụ tỉnh;<br>- TT Huyện ủy;<br>- Các phòng, ban huyện;<br>- Lưu: VT. "
    "| **TM. ỦY BAN NHÂN DÂN**<br>**CHỦ TỊCH**<br><br><br>**Trần Văn Bé** |\n"
    "|:---|:---:|\n"
)


def test_clipped_pipe_layout_cells_are_stacked() -> None:
    out = rewrite_pipe_layouts(CLIPPED_TAIL)
    assert out.split("\n")[2:] == [
        "**Nơi nhận:**", "- Sở Nội vụ tỉnh;", "- TT Huyện ủy;", "- Các phòng, ban huyện;", "- Lưu: VT.", "",
        "**TM. ỦY BAN NHÂN DÂN**", "**CHỦ TỊCH**", "**Trần Văn Bé**", "", "",
    ]


def test_signer_and_recipients_are_read_from_a_clipped_pipe_layout() -> None:
    tail = (
        "| **Nơi nhận:**  \\- Văn phòng UBND tỉnh;  \\- Thường trực Thị ủy;  \\- Lưu: VT, NV. "
        "| **KT. CHỦ TỊCH  PHÓ CHỦ TỊCH**        **Lê Thị Hoa** |\n"
        "| --- | --- |\n"
    )
    doc = parse_text("UBND THỊ XÃ KỲ ANH\n\nKẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\n"
                     "1. Phòng Nội vụ chủ trì theo dõi.\n\n" + tail)
    assert doc.recipients == ["Văn phòng UBND tỉnh", "Thường trực Thị ủy", "Lưu: VT, NV"]
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.position, doc.signer.authority) == ("Lê Thị Hoa", "Phó Chủ tịch", "KT. Chủ tịch")


def test_pipe_tables_that_hold_data_are_not_stacked() -> None:
    scores = (
        "| STT | Chỉ số  nội dung | 2023 |\n| --- | --- | --- |\n"
        "| 1 | Tham gia của người dân ở cấp cơ sở | 5,21 |\n"
    )
    assert rewrite_pipe_layouts(scores) == scores  # two spaces once are not a cell of lines
    tasks = "| TT | Nhiệm vụ | Chủ trì |\n|---|---|---|\n| 1 | A  B  C  D | Sở Nội vụ |\n| 2 | E | Sở Tư pháp |\n"
    assert rewrite_pipe_layouts(tasks) == tasks  # more rows than a layout grid


def test_a_two_line_header_cell_with_br_is_a_layout() -> None:
    head = ("| UBND HUYỆN BẮC HÀ<br>**PHÒNG NỘI VỤ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>Độc lập - Tự do - Hạnh phúc |\n"
            "|---|---|\n| Số: 5/KH-PNV | *Bắc Hà, ngày 2 tháng 3 năm 2023* |\n")
    assert rewrite_pipe_layouts(head).split("\n")[:5] == [
        "UBND HUYỆN BẮC HÀ", "**PHÒNG NỘI VỤ**", "", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "Độc lập - Tự do - Hạnh phúc"]
    two_blank_parts = "| A  B | C |\n|---|---|\n"
    assert rewrite_pipe_layouts(two_blank_parts) == two_blank_parts  # two pieces split at blanks: a guess, not taken


# A table drawn with box characters (double lines here; a text-mode browser's dump in held-out 13 uses light
# ones): a group row spanning all columns but the first, a lead cell spanning two rows (the border between them
# left open in its column), a cell listing two items. Column widths 4, 26, 14, 12.
def _box_line(cells: list[str], widths: list[int]) -> str:
    return "║" + "║".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + "║"


_W = [4, 26, 14, 12]
BOX_TABLE = "\n".join([
    "╔" + "╦".join("═" * w for w in _W) + "╗",
    _box_line([" TT", " Nội dung công việc", " Đơn vị chủ", " Thời hạn"], _W),
    _box_line(["", "", " trì", ""], _W),
    "╠════╬" + "═" * 26 + "╩" + "═" * 14 + "╩" + "═" * 12 + "╣",
    _box_line([" 1", " CÔNG KHAI, MINH BẠCH".ljust(26 + 14 + 12 + 2)], [4, 26 + 14 + 12 + 2]),
    "╠════╬" + "═" * 26 + "╦" + "═" * 14 + "╦" + "═" * 12 + "╣",
    _box_line([" 1", " Niêm yết danh sách hộ", " Công chức", " Quý III/"], _W),
    _box_line(["", " nghèo tại nhà văn hóa", " Văn hóa - Xã", " 2025"], _W),
    "╠════╬" + "═" * 26 + "╣" + " " * 14 + "╠" + "═" * 12 + "╣",
    _box_line([" 2", " - Rà soát đối tượng bảo", " hội", " Quý IV/"], _W),
    _box_line(["", " trợ xã hội", "", " 2025"], _W),
    _box_line(["", " - Công khai kết quả rà", "", ""], _W),
    _box_line(["", " soát trên loa truyền", "", ""], _W),
    _box_line(["", " thanh", "", ""], _W),
    "╚════╩" + "═" * 26 + "╩" + "═" * 14 + "╩" + "═" * 12 + "╝",
]) + "\n"


def test_box_drawn_table_becomes_pipe_rows_with_spans_resolved() -> None:
    rows = [r for r in rewrite_box_tables(BOX_TABLE).split("\n") if r]
    assert rows == [
        "| TT | Nội dung công việc | Đơn vị chủ trì | Thời hạn |",
        "| 1 | CÔNG KHAI, MINH BẠCH |  |  |",
        "| 1 | Niêm yết danh sách hộ nghèo tại nhà văn hóa | Công chức Văn hóa - Xã hội | Quý III/ 2025 |",
        "| 2 | - Rà soát đối tượng bảo trợ xã hội; - Công khai kết quả rà soát trên loa truyền thanh "
        "| Công chức Văn hóa - Xã hội | Quý IV/ 2025 |",
    ]


def test_tasks_are_read_from_a_box_drawn_table() -> None:
    text = "KẾ HOẠCH\nPAPI xã năm 2025\n\nII. NHIỆM VỤ\n\n" + BOX_TABLE
    doc = parse_text(text)
    got = [(t.text, [a.name for a in t.lead], t.dimension) for t in doc.tasks]
    assert [g[0] for g in got] == ["Niêm yết danh sách hộ nghèo tại nhà văn hóa", "Rà soát đối tượng bảo trợ xã hội",
                                   "Công khai kết quả rà soát trên loa truyền thanh"]
    assert all([agency_key(n) for n in g[1]] == [agency_key("Công chức Văn hóa - Xã hội")] and g[2] == 2 for g in got)
    assert [[d.end for d in t.deadlines] for t in doc.tasks] == [["2025-09-30"], ["2025-12-31"], ["2025-12-31"]]


def test_box_characters_that_are_no_table_are_left_alone() -> None:
    """A framed note of one row, a stray wall in prose, and (hostile) thousands of borders over walls that never
    line up: output equals input, in one pass."""
    note = "┌──────────┐\n│ Ghi chú  │\n└──────────┘\nVăn bản │ dòng lạ\n"
    assert rewrite_box_tables(note) == note
    hostile = ("├───┼───┤\n" + "│ a │ b\n" * 30) * 300
    assert rewrite_box_tables(hostile) == hostile


# A .docx table read paragraph by paragraph: cells joined by " | ", no outer pipes, the number column left
# empty, a merged group cell written once per column, a cell of two paragraphs breaking its row, a row whose
# last cell is empty ending with its separator.
BARE_TABLE = (
    "TT | Nội dung | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian\n"
    " | Thủ tục hành chính công | Thủ tục hành chính công | Thủ tục hành chính công | Thủ tục hành chính công\n"
    " | Niêm yết thủ tục hành chính tại nhà văn hóa tổ dân phố | Tổ trưởng tổ dân phố | Công chức Tư pháp\n"
    "Công an phường | Quý II/2025\n"
    " | Hướng dẫn người dân nộp hồ sơ trực tuyến | Tổ công nghệ số | Đoàn Thanh niên | \n"
)


def test_bare_pipe_table_becomes_markdown_rows() -> None:
    rows = [r for r in rewrite_bare_pipe_tables(BARE_TABLE).split("\n") if r]
    assert rows == [
        "| TT | Nội dung | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian |",
        "|---|---|---|---|---|",
        "|  | Thủ tục hành chính công |  |  |  |",
        "|  | Niêm yết thủ tục hành chính tại nhà văn hóa tổ dân phố | Tổ trưởng tổ dân phố | "
        "Công chức Tư pháp; Công an phường | Quý II/2025 |",
        "|  | Hướng dẫn người dân nộp hồ sơ trực tuyến | Tổ công nghệ số | Đoàn Thanh niên |  |",
    ]
    prose = "Số: 12/KH-UBND | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    assert rewrite_bare_pipe_tables(prose) == prose  # one such line is a layout, not a table


def test_tasks_of_an_unnumbered_bare_pipe_table_stay_apart() -> None:
    """Rows with empty number cells whose text opens with a capital are rows of their own when no row of the
    table has a number (an empty number cell says nothing there), not a page-broken row's continuation."""
    doc = parse_text("KẾ HOẠCH\nPAPI phường năm 2025\n\nII. NHIỆM VỤ\n\n" + BARE_TABLE)
    got = [(t.text, [agency_key(a.name) for a in t.lead], [agency_key(a.name) for a in t.support], t.dimension)
           for t in doc.tasks]
    assert got == [
        ("Niêm yết thủ tục hành chính tại nhà văn hóa tổ dân phố", [agency_key("Tổ trưởng tổ dân phố")],
         [agency_key("Công chức Tư pháp"), agency_key("Công an phường")], 5),
        ("Hướng dẫn người dân nộp hồ sơ trực tuyến", [agency_key("Tổ công nghệ số")],
         [agency_key("Đoàn Thanh niên")], 5),
    ]


def test_a_table_typed_as_em_dash_rows_under_an_announced_header_becomes_pipe_rows() -> None:
    """Rows typed one per line with cells joined by " — ", under a line announcing the columns ("Bảng phân công
    (STT — Nhiệm vụ — Đơn vị chủ trì — Thời hạn):" … ): markdown rows under that header, a group row padded,
    an empty cell kept, a row broken onto a lower-case line joined back."""
    from papi_extract.grid_tables import rewrite_dash_tables

    text = (
        "Bảng phân công: STT — Nhiệm vụ — Đơn vị chủ trì — Thời hạn\n"
        "I — QUẢN TRỊ ĐIỆN TỬ\n"
        "1 — Nâng cấp trang thông tin điện tử xã — Công chức Văn phòng - Thống kê — Quý III/2023\n"
        "2 — Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa và tại nhà văn\n"
        "hóa các thôn — Đoàn Thanh niên xã — Thường xuyên\n"
        "3 — Cập nhật phản ánh, kiến nghị của người dân —   — Hằng tháng\n"
        "Trên đây là Kế hoạch của UBND xã.\n"
    )
    lines = rewrite_dash_tables(text).split("\n")
    assert "| STT | Nhiệm vụ | Đơn vị chủ trì | Thời hạn |" in lines
    assert "| I | QUẢN TRỊ ĐIỆN TỬ |  |  |" in lines
    assert ("| 2 | Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa và tại nhà văn hóa các thôn | "
            "Đoàn Thanh niên xã | Thường xuyên |") in lines
    assert "| 3 | Cập nhật phản ánh, kiến nghị của người dân |  | Hằng tháng |" in lines
    assert lines[-2:] == ["Trên đây là Kế hoạch của UBND xã.", ""]


def test_em_dash_lines_without_an_announced_header_stay_as_they_are() -> None:
    """Lines that only look like rows ("1 — …") with no header naming their columns are left untouched."""
    from papi_extract.grid_tables import rewrite_dash_tables

    text = ("Kết quả như sau\n1 — Tham gia — tăng 0,12 điểm\n2 — Công khai — giảm 0,05 điểm\n"
            "3 — Trách nhiệm giải trình — tăng 0,02 điểm\n")
    assert rewrite_dash_tables(text) == text


# A province's plan as antiword draws a Word document: the header and the signature are tables, each line of a
# cell on a ruled line of its own; the task table is data and stays a table.
RULED = """|ỦY BAN NHÂN DÂN              |CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM          |
|TỈNH QUẢNG TRỊ               |Độc lập - Tự do - Hạnh phúc                 |
|Số: 131/KH-UBND              |Quảng Trị, ngày 04 tháng 8 năm 2022         |

                                  KẾ HOẠCH
            Cải thiện Chỉ số PAPI tỉnh Quảng Trị năm 2022

I. NHIỆM VỤ

|TT  |Nội dung                         |Cơ quan chủ trì    |
|1   |Công khai ngân sách cấp xã       |Sở Tài chính       |
|2   |Đối thoại với người dân          |Sở Tài nguyên và   |
|    |về đất đai                       |Môi trường         |

|Nơi nhận:                    |KT. CHỦ TỊCH                      |
|- Bộ Nội vụ;                 |PHÓ CHỦ TỊCH                      |
|- TT Tỉnh ủy;                |                                  |
|- Các sở, ban, ngành;        |                                  |
|- Lưu: VT, NC.               |Hoàng Nam                         |
"""


def test_ruled_header_and_signature_tables_are_stacked_and_data_tables_kept() -> None:
    from papi_extract.grid_tables import rewrite_ruled_layouts

    out = rewrite_ruled_layouts(RULED)
    assert "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 131/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in out
    assert "|1   |Công khai ngân sách cấp xã       |Sở Tài chính       |" in out  # data: left as it is
    assert "Nơi nhận:\n- Bộ Nội vụ;\n- TT Tỉnh ủy;\n- Các sở, ban, ngành;\n- Lưu: VT, NC.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in out
    doc = parse_text(RULED)
    assert (doc.number, doc.place, str(doc.issued_date)) == ("131/KH-UBND", "Quảng Trị", "2022-08-04")
    assert (doc.signer.name, doc.signer.position, doc.signer.authority) == ("Hoàng Nam", "Phó Chủ tịch", "KT. Chủ tịch")
    assert doc.recipients == ["Bộ Nội vụ", "TT Tỉnh ủy", "Các sở, ban, ngành", "Lưu: VT, NC"]


# A grid whose agency cells hold one agency per paragraph (pandoc writes an empty cell line between them),
# and whose text cell holds two sentences as two paragraphs.
PARAGRAPH_GRID = """Nhiệm vụ cụ thể:

+----+--------------------------------------+------------------------+-------------------------+
| TT | Nội dung                             | Chủ trì                | Phối hợp                |
+====+======================================+========================+=========================+
| 1  | Rà soát quy trình tiếp nhận hồ sơ.   | Văn phòng HĐND và      | Phòng Tư pháp           |
|    |                                      | UBND thị xã            |                         |
|    | Công khai kết quả trên trang tin     |                        | UBND các phường, xã     |
|    | điện tử                              |                        |                         |
+----+--------------------------------------+------------------------+-------------------------+
| 2  | Kiểm tra việc niêm yết giá dịch vụ   | Phòng Kinh tế          | Đội Quản lý thị trường  |
|    | tại các chợ                          |                        |                         |
|    |                                      |                        | Công an thị xã          |
+----+--------------------------------------+------------------------+-------------------------+
"""


def test_a_grid_cells_paragraphs_stay_apart() -> None:
    rows = [line for line in rewrite_grid_tables(PARAGRAPH_GRID).split("\n") if line.startswith("| ")]
    # wrapped lines joined by a space; paragraphs by "; " unless the first ends a sentence
    assert rows[1] == ("| 1 | Rà soát quy trình tiếp nhận hồ sơ. Công khai kết quả trên trang tin điện tử "
                       "| Văn phòng HĐND và UBND thị xã | Phòng Tư pháp; UBND các phường, xã |")
    assert rows[2] == ("| 2 | Kiểm tra việc niêm yết giá dịch vụ tại các chợ | Phòng Kinh tế "
                       "| Đội Quản lý thị trường; Công an thị xã |")


# pandoc's markdown "multiline" table (a full dash line above and below, rows parted by blank lines, a
# cell wrapping on the row's next line, markup in the header) and a "simple" table (no top line).
MULTILINE = """Điểm các chỉ số năm 2022:

  -----------------------------------------------------------------------------------
  **TT**   **Chỉ số nội dung**                    **Năm 2021**   **Năm 2022**
  -------- -------------------------------------- -------------- --------------
  1        Kiểm soát tham nhũng trong khu vực     6,71           6,80
           công

  2        Thủ tục hành chính công                7,33           7,25

  3        Quản trị điện tử                       3,02           3,41
  -----------------------------------------------------------------------------------

Nhận xét chung.
"""

SIMPLE = """Kết quả:

  TT   Chỉ số nội dung                Năm 2021   Năm 2022
  ---- ------------------------------ ---------- ----------
  1    Trách nhiệm giải trình         4,11       4,30
  2    Cung ứng dịch vụ công          7,05       7,12
  3    Quản trị môi trường            3,50       3,38

Nhận xét chung.
"""


def test_pandoc_multiline_and_simple_tables_become_pipe_rows() -> None:
    from papi_extract.grid_tables import rewrite_simple_tables

    rows = [line for line in rewrite_simple_tables(MULTILINE).split("\n") if line.startswith("| ")]
    assert rows == [
        "| **TT** | **Chỉ số nội dung** | **Năm 2021** | **Năm 2022** |",
        "| 1 | Kiểm soát tham nhũng trong khu vực công | 6,71 | 6,80 |",
        "| 2 | Thủ tục hành chính công | 7,33 | 7,25 |",
        "| 3 | Quản trị điện tử | 3,02 | 3,41 |",
    ]
    assert "Nhận xét chung." in rewrite_simple_tables(MULTILINE).split("\n")
    rows = [line for line in rewrite_simple_tables(SIMPLE).split("\n") if line.startswith("| ")]
    assert rows[0] == "| TT | Chỉ số nội dung | Năm 2021 | Năm 2022 |"
    assert rows[3] == "| 3 | Quản trị môi trường | 3,50 | 3,38 |"
    # a multiline table never closed, and dash segments under no header, are left alone
    unclosed = MULTILINE.replace("  -----------------------------------------------------------------------------------\n\nNhận", "\nNhận")
    assert rewrite_simple_tables(unclosed) == unclosed
    bare = "\n  ---- ---- ----\nchữ\n"
    assert rewrite_simple_tables(bare) == bare


def test_scores_are_read_from_a_pandoc_multiline_table() -> None:
    doc = parse_text("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2023\n\n" + MULTILINE, fmt="markdown")
    values = {(s.dimension, s.year): s.value for s in doc.scores if s.kind == "actual" and s.dimension}
    assert values[(4, 2021)] == 6.71 and values[(4, 2022)] == 6.80 and values[(8, 2022)] == 3.41


# A scanned score table as OCR reads it: the header keeps both walls, most rows lose their outer ones, one row
# lost the ruling between its name and its first figure, one its empty number cell.
OCR_RULED = """Kết quả cụ thể như sau:
| STT | Nội dung chỉ số | Năm 2022 | Năm 2023 |
1 | Cung ứng dịch vụ công | 7,11 | 7,02
| 2 | Quản trị điện tử 3,05 | 3,40 |
3 | Quản trị môi trường | 3,52 | 3.47 |
| Tổng điểm | 42,80 | 43,10
Nhận xét chung.
"""


def test_ocr_ruled_rows_get_their_walls_back() -> None:
    from papi_extract.grid_tables import rewrite_ragged_pipe_rows

    rows = [line for line in rewrite_ragged_pipe_rows(OCR_RULED).split("\n") if line.startswith("|")]
    assert rows == [
        "| STT | Nội dung chỉ số | Năm 2022 | Năm 2023 |",
        "|---|---|---|---|",
        "| 1 | Cung ứng dịch vụ công | 7,11 | 7,02 |",
        "| 2 | Quản trị điện tử | 3,05 | 3,40 |",
        "| 3 | Quản trị môi trường | 3,52 | 3.47 |",
        "| Tổng điểm | 42,80 | 43,10 |",
    ]
    # a markdown table (every row walled) and a bare one (no walls) are other readers'
    markdown = "| a | b | c |\n| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n"
    assert rewrite_ragged_pipe_rows(markdown) == markdown
    doc = parse_text("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nI. KẾT QUẢ\n" + OCR_RULED + "\nII. NHIỆM VỤ\n1. Sở Nội vụ theo dõi.\n")
    values = {(s.dimension, s.year): s.value for s in doc.scores if s.kind == "actual"}
    assert values[(6, 2023)] == 7.02 and values[(8, 2022)] == 3.05 and values[(7, 2023)] == 3.47
    assert values[(None, 2023)] == 43.1


# A district portal page as html2text writes it: markdown, tables without their outer walls, every line cut at
# 78 columns (rows too: a row goes on over several lines and closes with two spaces), escaped list markers, a
# paragraph's lines wrapped while list items stay whole, a heading cut in two, and the recipients and signature
# as a one-row table whose cells' paragraphs run together ("**TM. ỦY BAN NHÂN DÂN****CHỦ TỊCH**").
HTML2TEXT = (
    "**KẾ HOẠCH**\n\n**Nâng cao Chỉ số PAPI trên địa bàn huyện Yên Mô năm 2024**\n\n"
    "### I. KẾT QUẢ NĂM 2023\n\n"
    "TT| Chỉ số nội dung| Điểm năm 2023| Tăng, giảm  \n"
    "---|---|---|---  \n"
    "1| Tham gia của người dân ở cấp cơ sở| 5,11| -0,03  \n"
    "2| Quản trị môi trường| 3,41| -0,10  \n"
    "3| Quản trị điện tử| 3,80| +0,06  \n"
    "  \n\n"
    "### II. NHIỆM VỤ\n\n"
    "#### 1\\. Các chỉ số nội dung Quản trị môi trường, Quản trị điện tử và chỉ số nội\n"
    "dung Tham gia của người dân ở cấp cơ sở\n\n"
    "TT| Nhiệm vụ| Đơn vị chủ trì| Thời gian  \n"
    "---|---|---|---  \n"
    "**I**| **Quản trị môi trường**  \n"
    "1| Kiểm tra các cơ sở chăn nuôi gây ô nhiễm nguồn nước tại các xã ven sông; xử\n"
    "lý nghiêm các vi phạm| Phòng Tài nguyên và Môi trường| Quý III/2024  \n"
    "2| Vận động Nhân dân thu gom rác thải sinh hoạt| UBND các xã, thị trấn| Thường\n"
    "xuyên  \n"
    "**II**| **Quản trị điện tử**  \n"
    "3| Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia|\n"
    "Văn phòng HĐND và UBND huyện| Hằng tháng  \n"
    "  \n\n"
    "### III. TỔ CHỨC THỰC HIỆN\n\n"
    "#### 1\\. Phòng Nội vụ\n\n"
    "\\- Theo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch; báo cáo UBND huyện\n"
    "trước ngày 30/11/2024.\n\n"
    "2\\. Phòng Văn hóa và Thông tin: Phối hợp với Trung tâm Văn hóa, Thông tin và\n"
    "Thể thao huyện tuyên truyền về Chỉ số PAPI trên trang thông tin điện tử huyện.\n\n"
    "  * Các xã, thị trấn chủ động xây dựng kế hoạch của địa phương, báo cáo kết quả về Phòng Nội vụ định kỳ 6 tháng, năm và khi có yêu cầu đột xuất của UBND huyện.\n"
    "  * Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động phối hợp với Phòng Nội vụ trong quá trình thực hiện Kế hoạch.\n\n"
    + "Trên đây là Kế hoạch nâng cao Chỉ số PAPI trên địa bàn huyện Yên Mô năm 2024.\n"
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp\n"
    "thời phản ánh về UBND huyện (qua Phòng Nội vụ) để xem xét, giải quyết; các xã,\n"
    "thị trấn chủ động rà soát, bổ sung nhiệm vụ cụ thể phù hợp với tình hình thực\n"
    "tế của địa phương, bảo đảm hoàn thành các mục tiêu của Kế hoạch trong năm 2024\n"
    "và gửi báo cáo kết quả thực hiện về Phòng Nội vụ đúng thời hạn quy định để tổng\n"
    "hợp, báo cáo Ủy ban nhân dân huyện và Sở Nội vụ tỉnh theo quy định hiện hành./.\n\n"
    "**_Nơi nhận:_** \\- UBND tỉnh (b/c);\\- TT Huyện ủy;\\- Lưu: VT. | **TM. ỦY BAN NHÂN DÂN****CHỦ TỊCH** "
    "_(Đã ký)_**Trần Văn Long**  \n"
    "---|---  \n"
)


def test_open_pipe_tables_of_html2text_are_read_whole() -> None:
    doc = parse_text(HTML2TEXT, fmt="markdown")
    got = {t.label: (t.text, [a.raw for a in t.lead], [d.raw for d in t.deadlines], t.dimension)
           for t in doc.tasks if t.origin == "table"}
    assert got == {
        "1": ("Kiểm tra các cơ sở chăn nuôi gây ô nhiễm nguồn nước tại các xã ven sông; xử lý nghiêm các vi phạm",
              ["Phòng Tài nguyên và Môi trường"], ["Quý III/2024"], 7),
        "2": ("Vận động Nhân dân thu gom rác thải sinh hoạt", ["UBND các xã, thị trấn"], ["Thường xuyên"], 7),
        "3": ("Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia",
              ["Văn phòng HĐND và UBND huyện"], ["Hằng tháng"], 8),
    }
    assert {(s.dimension, s.value) for s in doc.scores if s.method == "table"} == {(1, 5.11), (7, 3.41), (8, 3.8)}
    # the heading cut at 78 columns is one heading, naming all three dimensions
    head = next(s for s in doc.sections if s.title.startswith("Các chỉ số nội dung"))
    assert head.title.endswith("Tham gia của người dân ở cấp cơ sở")
    assert {i.dimension for i in doc.indicators if i.section == head.id} == {1, 7, 8}
    # a numbered duty wrapped onto the next line is a task, not a heading ("… Thông tin và" / "Thể thao huyện …")
    culture = next(t for t in doc.tasks if t.text.startswith("Phòng Văn hóa và Thông tin"))
    assert [a.raw for a in culture.lead] == ["Phòng Văn hóa và Thông tin"]
    assert not any(s.title.startswith("Phòng Văn hóa") for s in doc.sections)
    # the one-row table beside the signature: recipients one by one, the signer
    assert doc.recipients == ["UBND tỉnh", "TT Huyện ủy", "Lưu: VT"]
    assert doc.signer is not None and doc.signer.name == "Trần Văn Long"


def test_open_pipe_rows_without_closing_spaces_end_once_they_have_all_their_cells() -> None:
    from papi_extract.grid_tables import rewrite_open_pipe_tables

    text = ("TT| Nhiệm vụ| Chủ trì| Thời gian\n---|---|---|---\n"
            "1| Rà soát thủ tục hành chính| Văn phòng| Quý\nII/2024\n"
            "2| Niêm yết công khai thủ tục tại bộ phận\nmột cửa| Phòng Tư pháp| Hằng tháng\n\nSau bảng.\n")
    assert rewrite_open_pipe_tables(text).split("\n")[:4] == [
        "| TT | Nhiệm vụ | Chủ trì | Thời gian |", "|---|---|---|---|",
        "| 1 | Rà soát thủ tục hành chính | Văn phòng | Quý II/2024 |",
        "| 2 | Niêm yết công khai thủ tục tại bộ phận một cửa | Phòng Tư pháp | Hằng tháng |"]
    assert rewrite_open_pipe_tables("a | b\nkhông phải bảng\n") == "a | b\nkhông phải bảng\n"


def test_rows_closed_by_a_wall_of_an_rtf_converter_are_a_table() -> None:
    # striprtf: every cell followed by "|", an empty first cell as a leading "|", a merged group row "|Name|"
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI tỉnh năm 2025\n\nI. KẾT QUẢ NĂM 2024\n"
            "TT|Chỉ số nội dung|Năm 2023|Năm 2024|\n"
            "1|Trách nhiệm giải trình với người dân|4,30|4,41|\n"
            "2|Quản trị điện tử|3,52|3,70|\n"
            "|Tổng điểm|43,10|43,62|\n\n"
            "II. NHIỆM VỤ\n"
            "TT|Nhiệm vụ|Chủ trì|Thời hạn|\n"
            "|Quản trị điện tử|\n"
            "1|Nâng cấp Cổng thông tin điện tử tỉnh|Sở Thông tin và Truyền thông|Quý III/2025|\n"
            "2|Hướng dẫn người dân nộp hồ sơ trực tuyến|Tỉnh Đoàn|Thường xuyên|\n")
    doc = parse_text(text)
    assert {(s.dimension, s.year, s.value) for s in doc.scores if s.method == "table"} == {
        (3, 2023, 4.3), (3, 2024, 4.41), (8, 2023, 3.52), (8, 2024, 3.7), (None, 2023, 43.1), (None, 2024, 43.62)}
    got = {t.label: (t.dimension, [a.raw for a in t.lead], [d.kind for d in t.deadlines]) for t in doc.tasks}
    assert got == {"1": (8, ["Sở Thông tin và Truyền thông"], ["quarter"]), "2": (8, ["Tỉnh Đoàn"], ["continuous"])}
    # two such lines are no table; markdown rows with both walls are left to the markdown reader
    from papi_extract.grid_tables import rewrite_trailing_wall_rows

    assert rewrite_trailing_wall_rows("a|b|\nc|d|\n") == "a|b|\nc|d|\n"
    assert rewrite_trailing_wall_rows("|a|b|\n|c|d|\n|e|f|") == "|a|b|\n|c|d|\n|e|f|"


def test_a_tab_row_of_recipients_beside_the_signature_is_read_as_lines() -> None:
    # odfpy writes the "Nơi nhận | signature" table row on one line, its two cells parted by a tab
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI huyện năm 2024\nI. NHIỆM VỤ\n1. Phòng Nội vụ theo dõi, tổng hợp.\n"
            "Nơi nhận: - UBND tỉnh (b/c); - Phòng Nội vụ; - Lưu: VT.\tKT. CHỦ TỊCH PHÓ CHỦ TỊCH   Lê Thị Hoa\n")
    doc = parse_text(text)
    assert doc.recipients == ["UBND tỉnh", "Phòng Nội vụ", "Lưu: VT"]
    assert doc.signer is not None and (doc.signer.name, doc.signer.position) == ("Lê Thị Hoa", "Phó Chủ tịch")


def test_a_tab_row_of_recipients_after_a_leading_tab_does_not_crash() -> None:
    # found by mutation fuzzing: "<TAB>Nơi nhận: …<TAB>TM. …" (two tabs) used to be split into two cells
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI xã năm 2025\nI. NHIỆM VỤ\n1. Công chức Văn phòng - Thống kê theo dõi.\n"
            "\tNơi nhận: - UBND huyện; - Lưu: VT.\tTM. ỦY BAN NHÂN DÂN\n")
    assert parse_text(text).tasks


def test_a_layout_cells_line_wrapped_at_its_width_is_joined_when_it_goes_on_in_lower_case_or_a_figure() -> None:
    text = ("+------------------------------+------------------------------+\n"
            "| **ỦY BAN NHÂN DÂN**          | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA  |\n"
            "|                              | VIỆT NAM**                   |\n"
            "| **HUYỆN YÊN LẬP**            |                              |\n"
            "|                              | *Yên Lập, ngày 08 tháng 3    |\n"
            "| Số: 45/KH-UBND               | năm 2024*                    |\n"
            "+==============================+==============================+\n"
            "+------------------------------+------------------------------+\n")
    out = rewrite_grid_tables(text).split("\n")
    assert "*Yên Lập, ngày 08 tháng 3 năm 2024*" in out
    # a capitalised wrapped line stays a line of its own (the header reader joins the motto's pieces itself)
    assert "VIỆT NAM**" in out


def test_a_layout_grid_opening_with_plain_capitals_is_read_by_the_grid_reader_not_as_ruled_lines() -> None:
    """A pandoc grid whose first cell opens a header ("ỦY BAN NHÂN DÂN", no bold) has rows that also look like an
    antiword ruled layout; the rows under a "+---+" border are the grid's, so no border line is left behind."""
    from papi_extract.normalize import normalize

    grid = (
        "+------------------------+------------------------------------+\n"
        "| ỦY BAN NHÂN DÂN        | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT     |\n"
        "| XÃ HƯNG LỘC            | NAM                                |\n"
        "|                        | Độc lập - Tự do - Hạnh phúc        |\n"
        "| Số: 31/KH-UBND         | Hưng Lộc, ngày 9 tháng 5 năm 2024  |\n"
        "+========================+====================================+\n"
        "+------------------------+------------------------------------+\n\n"
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n"
    )
    text = normalize(grid).text
    assert "+---" not in text and "+===" not in text
    assert "ỦY BAN NHÂN DÂN\nXÃ HƯNG LỘC" in text and "Hưng Lộc, ngày 9 tháng 5 năm 2024" in text


def test_a_flat_signature_row_with_a_run_of_spaces_before_the_name() -> None:
    """pandoc's ZimWiki writer puts a layout table's signature cell on one line, a run of spaces before the signer's
    name ("|Nơi nhận: - A; - B.|TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH   Lê Thị Hoa|"): read as the flat
    signature row it is (the recipients' cell holds no run of spaces)."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI xã năm 2025\n\nI. NHIỆM VỤ\n1. Công chức Văn phòng - Thống kê theo dõi, "
            "tổng hợp.\n\n|Nơi nhận: - UBND huyện (b/c); - Đảng ủy xã; - Lưu: VT.|TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
            " PHÓ CHỦ TỊCH   Lê Thị Hoa|\n|---|---|\n")
    doc = parse_text(text)
    assert doc.recipients == ["UBND huyện", "Đảng ủy xã", "Lưu: VT"]
    assert doc.signer is not None and (doc.signer.name, doc.signer.position) == ("Lê Thị Hoa", "Phó Chủ tịch")


def test_a_signature_layout_written_one_printed_line_per_pipe_row_is_stacked() -> None:
    """A docx converter may write the recipients and the signature as a pipe table with one row per printed line
    ("| Nơi nhận: | TM. ỦY BAN NHÂN DÂN |" over "| - Sở Tư pháp; | KT. CHỦ TỊCH |" …): each column's lines are
    stacked, and the tail reader finds the recipients, the authority and the signer. A data table of many rows
    whose header does not open with a layout's words is left alone."""
    tail = ("Trên đây là Kế hoạch của UBND huyện Tuy An./.\n\n"
            "| **Nơi nhận:** | **TM. ỦY BAN NHÂN DÂN** |\n|:---|:---:|\n"
            "| - Sở Tư pháp (b/c); | **CHỦ TỊCH** |\n| - Các phòng chuyên môn; | |\n| - Lưu: VT. | |\n"
            "| | **Trần Hữu Phước** |\n")
    stacked = rewrite_pipe_layouts(tail)
    assert "- Sở Tư pháp (b/c);" in stacked.split("\n") and "| - Sở Tư pháp" not in stacked
    doc = parse_text("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI huyện Tuy An năm 2023\n\nI. NHIỆM VỤ\n\n1. Tuyên truyền.\n\n"
                     + tail, fmt="markdown")
    assert doc.recipients == ["Sở Tư pháp", "Các phòng chuyên môn", "Lưu: VT"]
    assert doc.signer is not None and (doc.signer.name, doc.signer.position) == ("Trần Hữu Phước", "Chủ tịch")
    data = ("| TT | Chỉ số | 2022 | 2023 |\n|---|---|---|---|\n| 1 | Tham gia | 5,1 | 5,2 |\n| 2 | Công khai | 5,0 | 5,3 |\n"
            "| 3 | Giải trình | 4,1 | 4,2 |\n")
    assert rewrite_pipe_layouts(data) == data


def test_a_one_row_signature_table_without_its_separator_line_is_stacked() -> None:
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh Gia Lai năm 2021\n\nI. MỤC ĐÍCH\n\nNâng cao chất lượng phục vụ.\n\n"
            "| *Nơi nhận:*<br>- Văn phòng Chính phủ;<br>- Các sở, ban, ngành;<br>- Lưu: VT. | "
            "**TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH**<br><br>**Hồ Văn Điềm** |\n")
    doc = parse_text(text, fmt="markdown")
    assert doc.signer is not None and (doc.signer.name, doc.signer.position) == ("Hồ Văn Điềm", "Chủ tịch")
    assert doc.recipients == ["Văn phòng Chính phủ", "Các sở, ban, ngành", "Lưu: VT"]


def test_a_signature_table_whose_first_row_holds_the_labels_is_read_column_by_column() -> None:
    """ "| **Nơi nhận:** | **TM. ỦY BAN NHÂN DÂN** |" over "| - A;<br>- B; | **CHỦ TỊCH**<br>**Tên** |": the recipients
    under their label, the signature under its authority (not the two labels first, then the two blocks)."""
    tail = ("| **Nơi nhận:** | **KT. CHỦ TỊCH** |\n|---|---|\n"
            "| - Sở Nội vụ tỉnh Thái Bình;<br>- Các phòng, ban huyện;<br>- Lưu: VT. | **PHÓ CHỦ TỊCH**<br><br>"
            "*(Đã ký)*<br><br>**Vũ Thị Lan** |\n")
    doc = parse_text("UBND HUYỆN VŨ THƯ\n\nKẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2022\n\n"
                     "1. Phòng Nội vụ chủ trì theo dõi.\n\nTrên đây là Kế hoạch của UBND huyện./.\n\n" + tail, fmt="md")
    assert doc.recipients == ["Sở Nội vụ tỉnh Thái Bình", "Các phòng, ban huyện", "Lưu: VT"]
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.position, doc.signer.authority) == ("Vũ Thị Lan", "Phó Chủ tịch", "KT. Chủ tịch")
