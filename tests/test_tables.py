"""Task tables in every layout archives carry (papi_extract/tables.py).

The passages are written for these tests (another province, other agencies); the last tests use
real rows of seed 003's appendix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from papi_extract import outline
from papi_extract.context import DocContext
from papi_extract.normalize import collapse_ws, normalize
from papi_extract.tables import Table, find_tables, header_role
from papi_extract.pipeline import parse_text

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

HEAD = "KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Sơn Tịnh năm 2022\n\n"


def tables_of(text: str, fmt: str | None = None) -> tuple[DocContext, list[Table]]:
    ctx = DocContext(norm=normalize(text, fmt))
    outline.segment(ctx)
    return ctx, find_tables(ctx)


def rows(ctx: DocContext, t: Table) -> list[tuple[str, str | None, dict[str, str]]]:
    return [(r.kind, r.label, {k: r.cell_text(k, ctx.text) for k in r.cells}) for r in t.rows]


def test_header_roles() -> None:
    assert header_role("Số TT") == "number"
    assert header_role("STT") == "number"
    assert header_role("Nội dung nhiệm vụ") == "text"
    assert header_role("Cơ quan chủ trì") == "lead"
    assert header_role("Cơ quan phối hợp") == "support"
    assert header_role("Kết quả thực hiện") == "output"
    assert header_role("Sản phẩm") == "output"
    assert header_role("Thời gian hoàn thành") == "deadline"
    assert header_role("Thời gian thực hiện") == "deadline"
    assert header_role("Trách nhiệm thực hiện") == "group"
    assert header_role("Tăng cường công tác tuyên truyền") is None


TAB_TABLE = HEAD + (
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ NĂM 2022\n\n"
    "STT\tNội dung nhiệm vụ\tTrách nhiệm thực hiện\t\tSản phẩm\tThời gian thực hiện\n"
    "\t\tCơ quan chủ trì\tCơ quan phối hợp\t\t\n"
    "I\tCông khai, minh bạch trong việc ra quyết định ở địa phương\t\t\t\t\n"
    "\tCông khai thu, chi ngân sách cấp xã\t\t\t\t\n"
    "1\tNiêm yết công khai dự toán và quyết toán ngân sách xã tại trụ sở\tUBND các xã, thị trấn\tPhòng Tài chính - Kế hoạch\tBảng niêm yết\tQuý I/2022\n"
    "2\tKiểm tra việc công khai ngân sách của các xã, thị\tPhòng Tài chính - Kế hoạch\tCác cơ quan\tBiên bản kiểm tra\tTrước ngày\n"
    "\n"
    "\ttrấn trên địa bàn huyện\t\tliên quan\t\t30/6/2022\n"
    "II\tKiểm soát tham nhũng trong khu vực công\t\t\t\t\n"
    "5\tThanh tra việc thực hiện pháp luật về phòng, chống tham nhũng.\tThanh tra huyện\tCông an huyện\tKết luận thanh tra\tQuý III/2022\n"
)


def test_tab_table_two_line_header_groups_and_page_break() -> None:
    ctx, ts = tables_of(TAB_TABLE)
    assert len(ts) == 1
    t = ts[0]
    assert t.columns == ["number", "text", "lead", "support", "output", "deadline"]
    rs = rows(ctx, t)
    kinds = [(k, lab) for k, lab, _ in rs]
    assert kinds == [("group", None), ("subgroup", None), ("task", "1"), ("task", "2"), ("group", None), ("task", "5")]
    # the row broken by the page break continues cell by cell
    _, _, cells = rs[3]
    assert cells["text"] == "Kiểm tra việc công khai ngân sách của các xã, thị trấn trên địa bàn huyện"
    assert cells["support"] == "Các cơ quan liên quan"
    assert cells["deadline"] == "Trước ngày 30/6/2022"
    # group rows give the dimension, the sub-group row the sub-dimension
    task_rows = [r for r in t.rows if r.kind == "task"]
    assert [(r.dimension, r.subdimension) for r in task_rows] == [(2, "2.3"), (2, "2.3"), (4, None)]
    # a gap in the numbering (2 then 5) is kept as printed
    assert [r.label for r in task_rows] == ["1", "2", "5"]


def test_continuation_vs_subgroup_by_evidence() -> None:
    """Upper case, only the text cell, a sub-dimension name: a sub-group row, even after a blank line."""
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n"
        "I\tCung ứng dịch vụ công\t\t\t\n"
        "1\tKhảo sát sự hài lòng của người dân về khám, chữa bệnh.\tTrung tâm Y tế huyện\tUBND các xã\tNăm 2022\n"
        "\n"
        "\tGiáo dục tiểu học công lập\t\t\t\n"
        "2\tTuyên truyền Chỉ thị về công tác dân vận của Ban\tPhòng Giáo dục và Đào tạo\tUBND các xã\tQuý II/2022\n"
        "\n"
        "\tBí thư Trung ương trong các trường tiểu học\t\t\t\n"
    )
    ctx, ts = tables_of(text)
    rs = rows(ctx, ts[0])
    assert [(k, lab) for k, lab, _ in rs] == [("group", None), ("task", "1"), ("subgroup", None), ("task", "2")]
    assert ts[0].rows[3].subdimension == "6.2"
    # after a blank line, a text piece after a row that stops mid-sentence continues it
    assert rs[3][2]["text"] == "Tuyên truyền Chỉ thị về công tác dân vận của Ban Bí thư Trung ương trong các trường tiểu học"


def test_subgroup_written_in_number_column() -> None:
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "Số TT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "II\tCông khai, minh bạch\t\t\t\n"
        "1\tRà soát hộ nghèo hằng năm.\tPhòng Lao động - Thương binh và Xã hội\tUBND các xã\tHằng năm\n"
        "Công khai ngân sách cấp xã\t\t\t\t\n"
        "2\tNiêm yết thu, chi ngân sách.\tUBND các xã\tPhòng Tài chính - Kế hoạch\tQuý IV/2022\n"
    )
    ctx, ts = tables_of(text)
    t = ts[0]
    assert [r.kind for r in t.rows] == ["group", "task", "subgroup", "task"]
    assert (t.rows[1].dimension, t.rows[1].subdimension) == (2, None)
    assert (t.rows[3].dimension, t.rows[3].subdimension) == (2, "2.3")


def test_row_with_its_own_agency_cells_is_a_task_even_without_a_number() -> None:
    """A blank number cell does not make a row with agency and time cells a sub-group row."""
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n"
        "I\tCông khai, minh bạch\t\t\t\n"
        "\tNiêm yết công khai danh sách hộ nghèo tại nhà văn hóa thôn.\tUBND các xã\tMặt trận Tổ quốc các xã\tQuý II/2024\n"
        "1\tCông khai thu, chi ngân sách xã.\tUBND các xã\t\tHằng quý\n"
    )
    ctx, ts = tables_of(text)
    rs = rows(ctx, ts[0])
    assert [(k, lab) for k, lab, _ in rs] == [("group", None), ("task", None), ("task", "1")]
    assert rs[1][2]["lead"] == "UBND các xã" and rs[1][2]["deadline"] == "Quý II/2024"
    assert ts[0].rows[1].dimension == 2 and not ts[0].orphans
    # the same in a pipe table
    ctx, ts = tables_of(HEAD + (
        "PHỤ LỤC\n\n"
        "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời hạn |\n"
        "| II | Kiểm soát tham nhũng trong khu vực công | | |\n"
        "| | Công khai kết luận thanh tra trên cổng thông tin | Thanh tra huyện | Năm 2023 |\n"
    ))
    assert [(r.kind, r.label) for r in ts[0].rows] == [("group", None), ("task", None)]


def test_continuation_with_no_task_row_before_it_is_an_orphan() -> None:
    """A lower-case piece or bare agency/time cells right under a group row continue nothing."""
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n"
        "I\tThủ tục hành chính công\t\t\t\n"
        "\t\tPhòng Nội vụ\t\tQuý III/2024\n"
        "1\tRà soát thủ tục hành chính cấp xã.\tVăn phòng HĐND và UBND huyện\tUBND các xã\tQuý II/2024\n"
    )
    ctx, ts = tables_of(text)
    (t,) = ts
    assert [r.kind for r in t.rows] == ["group", "task"]
    (a, b) = t.orphans[0]
    assert ctx.text[a:b] == "\t\tPhòng Nội vụ\t\tQuý III/2024" and len(t.orphans) == 1
    ctx, ts = tables_of(HEAD + (
        "PHỤ LỤC\n\n"
        "| STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời hạn |\n"
        "| III | Trách nhiệm giải trình với người dân | | |\n"
        "| | và tổ chức đối thoại định kỳ | | |\n"
        "| 1 | Tổ chức đối thoại với Nhân dân. | UBND các xã | Hằng năm |\n"
    ))
    (t,) = ts
    (a, b) = t.orphans[0]
    assert "và tổ chức đối thoại định kỳ" in ctx.text[a:b]


PIPE_TABLE = HEAD + (
    "PHỤ LỤC\n\n"
    "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
    "| I | Thủ tục hành chính công | | | |\n"
    "| 14 | Rà soát, công bố thủ tục hành chính cấp xã | Văn phòng HĐND và UBND huyện | UBND các xã | Quý II/2022 |\n"
    "| 15 | Tập huấn cho công chức một cửa về tiếp nhận hồ | Phòng Nội vụ | Các cơ quan | Năm |\n"
    "| | sơ trực tuyến | | chuyên môn | 2022 |\n"
)


def test_pipe_rows() -> None:
    ctx, ts = tables_of(PIPE_TABLE)
    assert len(ts) == 1 and ts[0].layout == "pipe"
    rs = rows(ctx, ts[0])
    assert [(k, lab) for k, lab, _ in rs] == [("group", None), ("task", "14"), ("task", "15")]
    assert rs[1][2]["lead"] == "Văn phòng HĐND và UBND huyện"
    assert rs[2][2]["text"] == "Tập huấn cho công chức một cửa về tiếp nhận hồ sơ trực tuyến"
    assert rs[2][2]["support"] == "Các cơ quan chuyên môn"
    assert rs[2][2]["deadline"] == "Năm 2022"
    assert ts[0].rows[1].dimension == 5


def test_markdown_table_with_separator() -> None:
    text = HEAD + (
        "## PHỤ LỤC\n\n"
        "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Kết quả | Thời hạn |\n"
        "|---|---|---|---|---|---|\n"
        "| 1 | Đối thoại với Nhân dân về giải phóng mặt bằng | UBND huyện | Ban Tiếp công dân | Biên bản đối thoại | 2022-2023 |\n"
        "| 2 | Cập nhật Cổng thông tin điện tử huyện | Phòng Văn hóa và Thông tin | | Tin, bài | Thường xuyên |\n"
    )
    ctx, ts = tables_of(text, "markdown")
    assert len(ts) == 1
    rs = rows(ctx, ts[0])
    assert [lab for _, lab, _ in rs] == ["1", "2"]
    assert rs[0][2]["output"] == "Biên bản đối thoại"
    assert "support" not in rs[1][2]


def test_one_cell_per_line_blank_separated() -> None:
    cells = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
             "I", "Quản trị điện tử",
             "1", "Nâng cấp Cổng thông tin điện tử huyện", "Phòng Văn hóa và Thông tin", "Sở Thông tin và Truyền thông", "Quý III/2022",
             "2", "Hướng dẫn người dân nộp hồ sơ trực tuyến", "Bộ phận một cửa huyện", "UBND các xã", "Thường xuyên"]
    text = HEAD + "PHỤ LỤC\n\n" + "\n\n".join(cells) + "\n"
    ctx, ts = tables_of(text)
    assert len(ts) == 1 and ts[0].layout == "cells"
    rs = rows(ctx, ts[0])
    assert [(k, lab) for k, lab, _ in rs] == [("group", None), ("task", "1"), ("task", "2")]
    assert rs[2][2]["lead"] == "Bộ phận một cửa huyện"
    assert ts[0].rows[1].dimension == 8



def test_one_cell_per_line_group_row_written_once_per_column_and_empty_cells_as_empty_paragraphs() -> None:
    # docx2python: a merged group row comes once for each column it spans; an empty cell is an empty paragraph,
    # so three blank lines stand where one separates two cells
    group = ["Quản trị môi trường"] * 5
    cells = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
             *group,
             "1", "Kiểm tra các cơ sở chăn nuôi gây ô nhiễm", "Phòng Nông nghiệp", "Công an huyện", "Quý II/2025",
             "2", "Vận động người dân thu gom rác thải tại nguồn", "UBND các xã", "", "Thường xuyên",
             *["Quản trị điện tử"] * 5,
             "3", "Cập nhật văn bản lên Trang thông tin điện tử", "Văn phòng HĐND và UBND", "", "Hằng tuần"]
    text = HEAD + "PHỤ LỤC\n\n" + "\n\n".join(cells) + "\n"
    ctx, ts = tables_of(text)
    assert len(ts) == 1 and ts[0].layout == "cells"
    rs = rows(ctx, ts[0])
    assert [(k, lab) for k, lab, _ in rs] == [("group", None), ("task", "1"), ("task", "2"), ("group", None),
                                              ("task", "3")]
    assert rs[2][2]["lead"] == "UBND các xã" and "support" not in rs[2][2] and rs[2][2]["deadline"] == "Thường xuyên"
    assert rs[4][2]["deadline"] == "Hằng tuần" and "Quản trị" not in rs[2][2]["deadline"]
    assert [r.dimension for r in ts[0].rows if r.kind == "task"] == [7, 7, 8]
    # two equal cells side by side (lead and support the same office) are no group row
    twice = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
             "1", "Rà soát thủ tục hành chính", "Phòng Tư pháp", "Phòng Tư pháp", "Quý I/2025",
             "2", "Niêm yết thủ tục hành chính", "Bộ phận một cửa", "Phòng Tư pháp", "Quý II/2025"]
    ctx, ts = tables_of(HEAD + "PHỤ LỤC\n\n" + "\n\n".join(twice) + "\n")
    assert [(k, lab) for k, lab, _ in rows(ctx, ts[0])] == [("task", "1"), ("task", "2")]

def test_one_cell_per_line_table_ends_before_the_prose_after_it() -> None:
    cells = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành",
             "1", "Rà soát quy hoạch sử dụng đất", "Phòng Tài nguyên và Môi trường", "Quý I/2022"]
    after = ("Các cơ quan, đơn vị căn cứ nhiệm vụ được giao chủ động xây dựng kế hoạch chi tiết và báo cáo "
             "kết quả thực hiện về Phòng Nội vụ trước ngày 15 tháng 12 năm 2022.")
    text = HEAD + "PHỤ LỤC\n\n" + "\n\n".join(cells) + "\n\n" + after + "\n\n- Phòng Nội vụ theo dõi, tổng hợp.\n"
    ctx, ts = tables_of(text)
    assert len(ts) == 1
    rs = rows(ctx, ts[0])
    assert [(k, lab) for k, lab, _ in rs] == [("task", "1")]
    assert rs[0][2]["deadline"] == "Quý I/2022"
    assert ts[0].end < ctx.text.index(after)


def test_one_cell_per_line_bar_separated_keeps_empty_cells() -> None:
    cells = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
             "1", "Kiểm tra công vụ đột xuất", "Phòng Nội vụ", "", "Quý II/2022",
             "2", "Tổng hợp báo cáo chỉ số PAPI", "Phòng Nội vụ", "Các cơ quan chuyên môn", "Tháng 12/2022"]
    text = HEAD + "PHỤ LỤC\n\n|\n" + "\n|\n".join(cells) + "\n|\n"
    ctx, ts = tables_of(text)
    assert len(ts) == 1
    rs = rows(ctx, ts[0])
    assert [lab for _, lab, _ in rs] == ["1", "2"]
    assert "support" not in rs[0][2]
    assert rs[0][2]["deadline"] == "Quý II/2022"
    assert rs[1][2]["support"] == "Các cơ quan chuyên môn"


def test_score_table_is_not_a_task_table() -> None:
    """Seed 004's score table (one cell per line, no agency or time column) is not a task table."""
    text = (CORPUS / "004_5c394493e0081488.txt").read_text(encoding="utf-8")
    _, ts = tables_of(text)
    assert ts == []


@pytest.fixture(scope="module")
def seed003() -> tuple[DocContext, list[Table]]:
    return tables_of((CORPUS / "003_1e98fec1af34e263.txt").read_text(encoding="utf-8"))


def test_seed003_appendix_tables(seed003: tuple[DocContext, list[Table]]) -> None:
    ctx, ts = seed003
    assert len(ts) == 2
    tasks1 = [r for r in ts[0].rows if r.kind == "task"]
    tasks2 = [r for r in ts[1].rows if r.kind == "task"]
    assert len(tasks1) == 34
    assert [r.label for r in tasks2][-6:] == ["78", "79", "81", "82", "83", "84"]
    row14 = next(r for r in tasks1 if r.label == "14")
    assert row14.cell_text("text", ctx.text) == "Thực hiện kê khai, công khai minh bạch tài sản, thu nhập cá nhân theo quy định"
    assert row14.cell_text("support", ctx.text) == "Các cơ quan, đơn vị; UBND các xã, phường"
    assert row14.cell_text("deadline", ctx.text) == "Theo quy định"
    row5 = next(r for r in tasks1 if r.label == "5")
    assert (row5.dimension, row5.subdimension) == (2, "2.2")
    # "Công khai ngân sách cấp xã" printed in the number column of appendix II is a sub-group row
    row12 = next(r for r in tasks2 if r.label == "12")
    assert (row12.dimension, row12.subdimension) == (2, "2.3")
    row31 = next(r for r in tasks1 if r.label == "31")
    assert row31.cell_text("lead", ctx.text) == "Phòng Văn hóa và thông tin; UBND các xã, phường"
    assert row31.cell_text("deadline", ctx.text) == "Quý III/2021"


def test_bar_separated_rows_with_blank_lines_and_group_rows_between() -> None:
    """Cells between "|" lines, rows separated by blank lines, group rows ("2. Chỉ số …") and a
    sub-group row ("- Y tế công lập") between rows: one table, and no heading inside it."""
    def row(*cells: str) -> str:
        return "\n|\n".join(cells)

    text = (HEAD + "II. CÁC NHIỆM VỤ\n"
            + row("TT", "Nội dung công việc", "Đơn vị chủ trì/phối hợp", "Sản phẩm", "Thời gian thực hiện/hoàn thành")
            + "\n\n3. Chỉ số Trách nhiệm giải trình với người dân\n\n"
            + row("1", "Tổ chức đối thoại định kỳ giữa Chủ tịch UBND xã và Nhân dân", "UBND các xã chủ trì, phối hợp với Ủy ban MTTQ xã",
                  "Biên bản đối thoại", "Quý I - II/2023")
            + "\n\n6. Chỉ số Cung ứng dịch vụ công\n\n- Y tế công lập\n\n"
            + row("2", "Nâng cao chất lượng khám bệnh tại trạm y tế xã", "Trung tâm Y tế huyện", "Báo cáo", "Thường xuyên")
            + "\n\nIII. TỔ CHỨC THỰC HIỆN\nPhòng Nội vụ theo dõi, tổng hợp kết quả thực hiện.\n")
    ctx, ts = tables_of(text)
    assert len(ts) == 1 and ts[0].layout == "cells"
    rs = rows(ctx, ts[0])
    assert [(k, lab) for k, lab, _ in rs] == [("group", None), ("task", "1"), ("group", None), ("subgroup", None),
                                              ("task", "2")]
    assert rs[1][2]["lead"].startswith("UBND các xã chủ trì")
    assert rs[1][2]["output"] == "Biên bản đối thoại"
    assert ts[0].rows[1].dimension == 3
    assert (ts[0].rows[4].dimension, ts[0].rows[4].subdimension) == (6, "6.1")
    titles = [s.title for s in ctx.sections]
    assert titles == ["CÁC NHIỆM VỤ", "TỔ CHỨC THỰC HIỆN"], titles


def test_header_variants() -> None:
    assert header_role("Đơn vị chủ trì/phối hợp") == "lead"
    assert header_role("Thời gian thực hiện/hoàn thành") == "deadline"
    assert header_role("Đơn vị thực hiện") == "lead"
    assert header_role("Sản phẩm") == "output"


@pytest.mark.parametrize("line", ["Số TT", "  ( STT )", "*Nội dung*", ": Nội dung nhiệm vụ", "Đ", "(\u00a0Số TT)", "",
                                  "Sở Y tế", "2023", "Thời gian"])
def test_line_prefilter_never_skips_a_number_or_text_header(line: str) -> None:
    """find_tables only visits short lines that pass ``_may_name_column``: the test must hold for
    every line whose role is "number" or "text"."""
    from papi_extract.normalize import fold
    from papi_extract.tables import _column_first_chars, _folded_role, _may_name_column

    f = fold(line)
    if _folded_role(f) in ("number", "text"):
        assert _may_name_column(f, 0, len(f), _column_first_chars())


@pytest.mark.parametrize("line", ["1\tA  \t \t B\t", "\t\t", "  x ", "", " \t", "a\tb"])
def test_cell_splitting_matches_stripping_each_piece(line: str) -> None:
    """The str.split cell splitter gives the spans (and texts) of the character-stripping one."""
    from papi_extract.tables import _split_cells, _strip_span

    doc = "##" + line + "##"
    a, b = 2, 2 + len(line)
    want: list[tuple[int, int]] = []
    s = a
    while True:
        i = doc.find("\t", s, b)
        want.append(_strip_span(doc, s, b if i < 0 else i))
        if i < 0:
            break
        s = i + 1
    spans, values = _split_cells(doc, a, b, "\t")
    assert spans == want
    assert values == [doc[x:y] for x, y in want]


ALIGNED = HEAD + """PHỤ LỤC

    STT        Nội dung công việc          Đơn vị chủ        Đơn vị phối       Thời gian
                                           trì               hợp

    I     Công khai, minh bạch

    1     Niêm yết công khai danh sách    UBND các xã       Mặt trận Tổ quốc  Quý II/2024
          hộ nghèo tại nhà văn hóa thôn                     các xã

    2     Công khai thu, chi ngân sách    Phòng Tài chính   UBND các xã       Hằng quý
          xã trên Cổng thông tin điện     - Kế hoạch
          tử huyện

                                      7

    STT        Nội dung công việc          Đơn vị chủ        Đơn vị phối       Thời gian
                                           trì               hợp
    3     Đối thoại với Nhân dân về       Chủ tịch UBND                       Hằng năm
          giải phóng mặt bằng             các xã
"""


def test_space_aligned_table_of_a_layout_dump() -> None:
    """pdftotext -layout prints a table with spaces only: cells are found by column position, a
    cell's wrapped lines join it, the page number and the repeated header are skipped."""
    ctx, ts = tables_of(ALIGNED)
    (t,) = ts
    assert t.layout == "aligned" and t.columns == ["number", "text", "lead", "support", "deadline"]
    rs = rows(ctx, t)
    assert [(k, lab) for k, lab, _ in rs] == [("group", None), ("task", "1"), ("task", "2"), ("task", "3")]
    assert rs[1][2] == {"number": "1", "text": "Niêm yết công khai danh sách hộ nghèo tại nhà văn hóa thôn",
                        "lead": "UBND các xã", "support": "Mặt trận Tổ quốc các xã", "deadline": "Quý II/2024"}
    assert rs[2][2]["text"] == "Công khai thu, chi ngân sách xã trên Cổng thông tin điện tử huyện"
    assert rs[2][2]["lead"] == "Phòng Tài chính - Kế hoạch"
    assert rs[3][2]["lead"] == "Chủ tịch UBND các xã" and "support" not in rs[3][2]
    assert t.rows[1].dimension == 2


def test_space_aligned_table_whose_number_column_is_glued_to_the_text_column() -> None:
    """A "TT" column only as wide as its name plus one space: "TT Nhiệm vụ" heads two columns, the
    rows' numbers under "TT" and their text under "Nhiệm vụ"."""
    text = HEAD + (
        "III. NHIỆM VỤ\n\n"
        "TT Nhiệm vụ                        Cơ quan chủ trì      Thời gian\n"
        "1  Công khai danh sách hộ được     UBND các xã          Quý III/2022\n"
        "   hỗ trợ nhà ở\n"
        "2  Tổ chức đối thoại với Nhân dân  Chủ tịch UBND huyện  Hằng năm\n"
    )
    ctx, ts = tables_of(text)
    (t,) = ts
    assert t.columns == ["number", "text", "lead", "deadline"]
    rs = rows(ctx, t)
    assert [(k, lab) for k, lab, _ in rs] == [("task", "1"), ("task", "2")]
    assert rs[0][2] == {"number": "1", "text": "Công khai danh sách hộ được hỗ trợ nhà ở",
                        "lead": "UBND các xã", "deadline": "Quý III/2022"}
    assert rs[1][2]["lead"] == "Chủ tịch UBND huyện"



# An HTML table rendered by inscriptis inside an indented page: columns padded with spaces, a group row
# merged across the columns starting under "STT", a row whose text cell lists two items centred on its
# number (the number's line has no text), and the page's text after the table, indented less.
INDENTED = HEAD + """III. NHIỆM VỤ

      1. Các nhiệm vụ cụ thể

          STT   Nội dung                                      Chủ trì                 Phối hợp            Thời gian
          Công khai, minh bạch trong việc ra quyết định ở địa phương
          1     Niêm yết danh sách hộ nghèo tại nhà văn hóa   UBND các xã             Trưởng thôn         Quý I/2024
          Quản trị điện tử
          2     Cập nhật văn bản lên Trang thông tin điện tử  Văn phòng HĐND và UBND  Phòng Văn hóa       Hằng tháng
                - Hướng dẫn người dân cài đặt ứng dụng VNeID;
          3                                                   Công an huyện           UBND các xã         Năm 2024
                - Hướng dẫn người dân nộp hồ sơ trực tuyến.

      IV. TỔ CHỨC THỰC HIỆN

      1. Phòng Nội vụ

      - Là cơ quan thường trực theo dõi, đôn đốc thực hiện Kế hoạch.
"""


def test_indented_space_aligned_table_with_spanning_group_rows_and_a_centred_item_row() -> None:
    ctx, ts = tables_of(INDENTED)
    (t,) = ts
    assert t.layout == "aligned"
    rs = rows(ctx, t)
    # (row 3's number stands on the middle line of its cells; its text cell holds two bulleted lines: two tasks
    # labelled 3, each with the row's agencies and time, as the golds of held-outs 34 and 134 read such a cell)
    assert [(k, lab) for k, lab, _ in rs] == [("group", None), ("task", "1"), ("group", None), ("task", "2"),
                                              ("leadin", "3"), ("task", "3"), ("task", "3")]
    assert [r.dimension for r in t.rows if r.kind == "task"] == [2, 8, 8, 8]
    assert rs[3][2]["text"] == "Cập nhật văn bản lên Trang thông tin điện tử"
    assert rs[5][2]["text"] == "Hướng dẫn người dân cài đặt ứng dụng VNeID;"
    assert rs[6][2]["text"] == "Hướng dẫn người dân nộp hồ sơ trực tuyến."
    assert all(r[2]["lead"] == "Công an huyện" and r[2]["deadline"] == "Năm 2024" for r in rs[5:])
    assert t.end < ctx.text.index("IV. TỔ CHỨC THỰC HIỆN")

def test_prose_with_wide_spaces_is_no_aligned_table() -> None:
    text = HEAD + "I. NHIỆM VỤ\n\n    TT  Thực  hiện  Kế  hoạch  số  12/KH-UBND  của  UBND  tỉnh.\n"
    _, ts = tables_of(text)
    assert ts == []


def test_sub_dimension_column_gives_each_row_its_sub_dimension() -> None:
    """A "Nội dung thành phần" column names each row's sub-dimension; the group rows may be written in it."""
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "| TT | Nội dung thành phần | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
        "| I | Chỉ số nội dung 2: Công khai, minh bạch | | | |\n"
        "| 1 | Công khai danh sách hộ nghèo | Niêm yết danh sách hộ nghèo tại thôn | UBND xã | Quý I/2026 |\n"
        "| 2 | Chung | Cập nhật Trang thông tin điện tử xã | Văn phòng HĐND và UBND xã | Thường xuyên |\n"
        "| II | Chỉ số nội dung 8: Quản trị điện tử | | | |\n"
        "| 3 | Phúc đáp qua cổng thông tin điện tử | Trả lời phản ánh trên Cổng | Văn phòng HĐND và UBND xã | Hằng tháng |\n"
    )
    ctx, (t,) = tables_of(text)
    tasks = [(r.label, r.dimension, r.subdimension) for r in t.rows if r.kind == "task"]
    assert tasks == [("1", 2, "2.2"), ("2", 2, None), ("3", 8, "8.3")]
    assert [r.kind for r in t.rows if r.kind != "task"] == ["group", "group"]


def test_dimension_column_repeated_down_the_rows() -> None:
    """ "Chỉ số nội dung" written on every row (merged cells saved as repeated values) gives each row
    its dimension; with a "Nội dung thành phần" column, its sub-dimension too."""
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "| STT | Chỉ số nội dung | Nội dung thành phần | Nhiệm vụ | Cơ quan chủ trì |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 1 | Kiểm soát tham nhũng trong khu vực công | Quyết tâm chống tham nhũng | Công khai kết quả xử lý | Thanh tra tỉnh |\n"
        "| 2 | Cung ứng dịch vụ công | Y tế công lập | Khảo sát sự hài lòng về khám bệnh | Sở Y tế |\n"
        "| 3 | Quản trị điện tử | Chung | Nâng cấp Cổng thông tin điện tử | Sở Khoa học và Công nghệ |\n"
    )
    ctx, (t,) = tables_of(text, "markdown")
    assert [(r.label, r.dimension, r.subdimension) for r in t.rows] == [("1", 4, "4.4"), ("2", 6, "6.1"), ("3", 8, None)]
    assert rows(ctx, t)[0][2]["text"] == "Công khai kết quả xử lý"


def test_sub_group_written_as_a_list_item_inside_a_cell_per_line_table() -> None:
    """ "- Nội dung thành phần: <sub-dimension>" between rows of a one-cell-per-line table is a sub-group
    row, not the end of the table; a list item that names no sub-dimension still ends it."""
    cells = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện",
             "I", "Cung ứng dịch vụ công",
             "1", "Kiểm tra bữa ăn bán trú tại các trường tiểu học", "Phòng Giáo dục và Đào tạo", "Tháng 9/2024",
             "- Nội dung thành phần: Y tế công lập",
             "2", "Niêm yết giá dịch vụ khám bệnh tại trạm y tế xã", "Phòng Y tế", "Quý III/2024",
             "- Các nhiệm vụ khác do Chủ tịch UBND huyện giao"]
    ctx, (t,) = tables_of(HEAD + "PHỤ LỤC\n\n" + "\n\n".join(cells) + "\n")
    assert [(r.kind, r.label) for r in t.rows] == [("group", None), ("task", "1"), ("subgroup", None), ("task", "2")]
    assert (t.rows[3].dimension, t.rows[3].subdimension) == (6, "6.1")
    assert "Các nhiệm vụ khác" not in ctx.text[t.start : t.end]


def test_a_blank_dimension_cell_under_a_named_one_is_the_same_merged_cell() -> None:
    """Word and mammoth export a vertically merged "Chỉ số nội dung" cell once, in its first row: the
    blank cells below it name the same dimension, up to the next name (or a group row)."""
    text = (
        "KẾ HOẠCH\n\nPAPI năm 2024\n\nII. NHIỆM VỤ\n\n"
        "| STT | Chỉ số nội dung | Nội dung công việc | Đơn vị chủ trì | Thời hạn |\n|---|---|---|---|---|\n"
        "| 1 | Kiểm soát tham nhũng trong khu vực công | Công khai kết luận thanh tra | Thanh tra huyện | Quý II |\n"
        "| 2 |  | Kiểm tra việc kê khai tài sản | Phòng Nội vụ | Quý III |\n"
        "| 3 | Quản trị điện tử | Hướng dẫn sử dụng dịch vụ công trực tuyến | Văn phòng UBND huyện | Năm 2024 |\n"
        "| 4 |  | Duy trì Tổ công nghệ số cộng đồng | Phòng Văn hóa và Thông tin | Thường xuyên |\n"
    )
    _, (table,) = tables_of(text)
    assert [(r.label, r.dimension) for r in table.rows] == [("1", 4), ("2", 4), ("3", 8), ("4", 8)]


def test_hostile_table_layouts_stay_fast() -> None:
    """The layouts read by position or by order bound their work: a wide OCR table (30 columns, each
    wrapped line weighed against the cells), a comma-separated header over records whose quotes never
    close, and thousands of lines that look like an aligned header."""
    import time

    from papi_extract.pipeline import parse_text

    header = "TT  " + "  ".join(["Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
                                 + [f"Cột {i}" for i in range(26)])
    rows = []
    for r in range(1, 40):
        rows.append(f"{r}   " + "  ".join([f"Nhiệm vụ số {r}"] + [f"Phòng {i}" for i in range(29)]))
        rows.append("tiếp theo   " + "  ".join(f"x{i}" for i in range(14)))
    texts = [
        "KẾ HOẠCH\nPAPI\n\nI. NHIỆM VỤ\n" + header + "\n" + "\n".join(rows) + "\n",
        "KẾ HOẠCH\nPAPI\n\nI. NHIỆM VỤ\nSTT,Nội dung,Cơ quan chủ trì,Phối hợp,Thời gian\n" + ('1,"' + "a," * 3000 + "\n") * 50,
        "KẾ HOẠCH\nPAPI\n\nI. NHIỆM VỤ\n" + "Nội dung nhiệm vụ   Năm 2023   Năm 2024   Cơ quan chủ trì\n" * 3000,
    ]
    for text in texts:
        t0 = time.perf_counter()
        parse_text(text)
        assert time.perf_counter() - t0 < 10.0, text[:60]


def test_a_header_naming_alternatives_with_a_slash() -> None:
    """ "Người/bộ phận thực hiện", "Cơ quan/đơn vị chủ trì", "Thời gian/tiến độ": the alternative after the slash
    names the column."""
    assert header_role("Người/bộ phận thực hiện") == "lead"
    assert header_role("Cơ quan/đơn vị chủ trì") == "lead"
    assert header_role("Thời gian/tiến độ") == "deadline"
    assert header_role("Kinh phí/nguồn vốn thực hiện") is None


def test_rows_of_a_table_whose_number_column_is_always_empty_are_not_continuations() -> None:
    """A tab table that numbers none of its rows: each row opening with a capital is a task of its own (a
    lower-case row still continues the one above)."""
    text = HEAD + (
        "PHỤ LỤC\nNHIỆM VỤ CỦA CÁC THÔN\n\n"
        "STT\tNội dung nhiệm vụ\tĐơn vị thực hiện\tThời gian\n"
        "\tTổ chức họp thôn bàn việc làm đường giao thông\tTrưởng các thôn\tQuý II/2024\n"
        "\tNiêm yết danh sách hộ nghèo tại nhà văn hóa thôn\tTrưởng các thôn\tTháng 12/2024\n"
        "\tthôn và trên loa truyền thanh\t\t\n"
        "\tVận động người dân tham gia bảo hiểm y tế\tChi hội Phụ nữ\tNăm 2024\n"
    )
    ctx, tables = tables_of(text)
    tasks = [r for r in tables[0].rows if r.kind == "task"]
    assert [r.cell_text("text", ctx.text) for r in tasks] == [
        "Tổ chức họp thôn bàn việc làm đường giao thông",
        "Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn thôn và trên loa truyền thanh",
        "Vận động người dân tham gia bảo hiểm y tế"]
    assert [r.cell_text("deadline", ctx.text) for r in tasks] == ["Quý II/2024", "Tháng 12/2024", "Năm 2024"]


def test_a_subgroup_row_with_a_label_and_a_list_of_names() -> None:
    """ "Nội dung thành phần: Công khai thu, chi ngân sách cấp xã" (a label before the name, no list marker) and
    "Nội dung thành phần: Tri thức công dân; Cơ hội tham gia" (two names: the first, as for a heading) give their
    rows the sub-dimension."""
    text = HEAD + (
        "PHỤ LỤC\nNHIỆM VỤ NĂM 2025\n\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "I\tTham gia của người dân ở cấp cơ sở\t\t\n"
        "\tNội dung thành phần: Tri thức công dân; Cơ hội tham gia\t\t\n"
        "1\tTuyên truyền Luật Thực hiện dân chủ ở cơ sở trên loa truyền thanh\tCông chức Văn hóa - Xã hội\tQuý II/2025\n"
        "II\tCông khai, minh bạch trong việc ra quyết định ở địa phương\t\t\n"
        "\tNội dung thành phần: Công khai thu, chi ngân sách cấp xã\t\t\n"
        "2\tNiêm yết dự toán ngân sách xã tại trụ sở\tCông chức Tài chính - Kế toán\tQuý I/2025\n"
        "III\tCung ứng dịch vụ công\t\t\n"
        "\tNội dung thành phần: Y tế công lập\t\t\n"
        "3\tNâng cao chất lượng khám, chữa bệnh tại Trạm Y tế xã\tTrạm Y tế xã\tNăm 2025\n"
    )
    ctx, tables = tables_of(text)
    tasks = [r for r in tables[0].rows if r.kind == "task"]
    assert [(r.dimension, r.subdimension) for r in tasks] == [(1, "1.1"), (2, "2.3"), (6, "6.1")]


def test_lettered_sub_rows_under_a_leadin_row_and_a_task_table_right_after_a_score_table() -> None:
    """A score table followed (blank line, caption) by a task table: the task table is read. Its numbered row
    ending with ":" over lettered rows ("1 | Tuyên truyền …, gồm: | Phòng X" / "a | …" / "b | …") is a lead-in:
    the lettered rows are the tasks, taking the lead-in's cells they leave empty."""
    text = HEAD + (
        "II. KẾT QUẢ\n\n"
        "STT\tChỉ số nội dung\tNăm 2022\tNăm 2023\n"
        "1\tQuản trị điện tử\t3,19\t3,35\n"
        "\n"
        "Bảng 2. Phân công nhiệm vụ\n"
        "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tThời gian\n"
        "1\tTuyên truyền về Chỉ số PAPI trên báo chí, gồm:\tPhòng Thông tin - Báo chí\t\n"
        "a\tMở chuyên mục về dân chủ ở cơ sở trên Báo tỉnh\t\tHằng tháng\n"
        "b\tPhát sóng phóng sự về cải cách hành chính\tĐài Phát thanh - Truyền hình tỉnh\tQuý III/2024\n"
        "2\tRà soát thủ tục hành chính của Sở\tVăn phòng Sở\tQuý II/2024\n"
    )
    ctx, tables = tables_of(text)
    tasks = [r for t in tables for r in t.rows if r.kind == "task"]
    assert [(r.label, r.cell_text("lead", ctx.text)) for r in tasks] == [
        ("a", "Phòng Thông tin - Báo chí"), ("b", "Đài Phát thanh - Truyền hình tỉnh"), ("2", "Văn phòng Sở")]


def test_a_numbered_row_with_its_own_cells_over_lettered_rows_counts_as_its_sub_rows() -> None:
    """ "3 | Nâng cấp hạ tầng … | Phòng X | Năm 2025" over "a | …" and "b | …": an item with its own action and
    sub-items counts as its sub-items, so the numbered row is no task even without a closing ":"; a
    sub-row's empty cell takes the numbered row's. A numbered row with no lettered row under it stays a task."""
    text = HEAD + (
        "PHỤ LỤC\nNHIỆM VỤ NĂM 2025\n\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
        "|---|---|---|---|\n"
        "| 3 | Nâng cấp hạ tầng công nghệ thông tin của bộ phận một cửa | Văn phòng UBND huyện | Năm 2025 |\n"
        "| a | Trang bị máy tính tra cứu thủ tục hành chính | | Quý II/2025 |\n"
        "| b | Lắp đặt hệ thống đánh giá mức độ hài lòng | Trung tâm Viễn thông huyện | Quý III/2025 |\n"
        "| 4 | Niêm yết công khai thủ tục hành chính | UBND các xã | Thường xuyên |\n"
    )
    ctx, tables = tables_of(text, "markdown")
    tasks = [r for t in tables for r in t.rows if r.kind == "task"]
    assert [(r.label, r.cell_text("lead", ctx.text)) for r in tasks] == [
        ("a", "Văn phòng UBND huyện"), ("b", "Trung tâm Viễn thông huyện"), ("4", "UBND các xã")]


def test_a_group_rows_note_naming_its_leader_directs_its_rows() -> None:
    """ "II | Thủ tục hành chính công | | | Chỉ đạo thực hiện: Phó Chủ tịch UBND huyện" (the leader written in the
    group row's "Ghi chú" cell) directs the rows of that group; the next group row without one directs nothing."""
    text = HEAD + (
        "PHỤ LỤC\nNHIỆM VỤ NĂM 2024\n\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian\tGhi chú\n"
        "I\tThủ tục hành chính công\t\t\tChỉ đạo thực hiện: Phó Chủ tịch UBND huyện Nguyễn Văn A\n"
        "1\tRà soát thủ tục hành chính cấp huyện\tVăn phòng HĐND và UBND huyện\tQuý II/2024\t\n"
        "II\tQuản trị điện tử\t\t\t\n"
        "2\tNâng cấp Cổng thông tin điện tử huyện\tPhòng Văn hóa và Thông tin\tQuý III/2024\t\n"
    )
    ctx, tables = tables_of(text)
    tasks = [r for r in tables[0].rows if r.kind == "task"]
    assert [r.cell_text("directing", ctx.text) for r in tasks] == ["Phó Chủ tịch UBND huyện Nguyễn Văn A", ""]


def test_a_group_row_naming_its_dimension_and_sub_dimension_in_one_cell() -> None:
    """ "I | CHỈ SỐ NỘI DUNG “CÔNG KHAI, MINH BẠCH …” Nội dung thành phần: Công khai danh sách hộ nghèo": the
    dimension, then the sub-dimension of the rows below."""
    text = HEAD + (
        "PHỤ LỤC\nNHIỆM VỤ NĂM 2024\n\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "I\tCHỈ SỐ NỘI DUNG “CÔNG KHAI, MINH BẠCH TRONG VIỆC RA QUYẾT ĐỊNH Ở ĐỊA PHƯƠNG” Nội dung thành phần: "
        "Công khai danh sách hộ nghèo\t\t\n"
        "1\tNiêm yết danh sách hộ nghèo tại nhà văn hóa thôn\tUBND các xã\tQuý IV/2024\n"
    )
    ctx, tables = tables_of(text)
    tasks = [r for r in tables[0].rows if r.kind == "task"]
    assert [(r.dimension, r.subdimension) for r in tasks] == [(2, "2.2")]


def test_a_delimiter_row_with_colons_and_short_dashes_is_no_row() -> None:
    """ "| :-: | :--: |" is a markdown delimiter row (one dash is enough beside a colon), not a group row; a row
    of lone "-" cells (nothing to report) is still a row."""
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
        "| :-: | :-- | --: | :--: |\n"
        "| 1 | Rà soát thủ tục hành chính của huyện | Văn phòng HĐND và UBND huyện | Quý II/2022 |\n"
        "| :-: | :-: | :-: | :-: |\n"
        "| 2 | Công khai ngân sách xã | UBND các xã | - |\n"
    )
    ctx, ts = tables_of(text, "markdown")
    (t,) = ts
    assert [(r.kind, r.label) for r in t.rows] == [("task", "1"), ("task", "2")]
    assert rows(ctx, t)[1][2]["deadline"] == "-"


def test_a_time_line_gives_each_row_the_periods_it_marks() -> None:
    """A "Tiến độ" column over one column per quarter ("Quý I" … "Quý IV"), each row marking its quarters
    with "x" or "✓": one quarter record per mark, of the year the header names, its span the column label."""
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "STT\tNhiệm vụ\tCơ quan chủ trì\tTiến độ thực hiện năm 2026\t\t\t\n"
        "\t\t\tQuý I\tQuý II\tQuý III\tQuý IV\n"
        "1\tRà soát thủ tục hành chính cấp xã\tVăn phòng UBND huyện\tx\t\tx\t\n"
        "2\tĐối thoại với Nhân dân\tChủ tịch UBND huyện\t\t\t\t✓\n"
    )
    from papi_extract.pipeline import parse_text

    doc = parse_text(text)
    got = [[(d.kind, d.raw, d.start, d.end) for d in t.deadlines] for t in doc.tasks]
    assert got == [[("quarter", "Quý I", "2026-01-01", "2026-03-31"), ("quarter", "Quý III", "2026-07-01", "2026-09-30")],
                   [("quarter", "Quý IV", "2026-10-01", "2026-12-31")]]
    for t in doc.tasks:
        for d in t.deadlines:
            assert text[d.span[0] : d.span[1]] == d.raw


def test_year_and_standing_columns_of_a_time_line_in_the_header_itself() -> None:
    """A time line written in the header line ("… | Năm 2025 | Năm 2026 | Thường xuyên") or in the line under a
    spanning "Tiến độ" with a standing column beside the months: each mark gives its column's time (a year, a month,
    "Thường xuyên" read as the words say), its span the column label. A legend of the marks is no task."""
    from papi_extract.pipeline import parse_text

    text = HEAD + (
        "III. NHIỆM VỤ\n\n"
        "Các nhiệm vụ có thời gian thực hiện được đánh dấu (x) vào cột năm tương ứng.\n\n"
        "| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Năm 2025 | Năm 2026 | Thường xuyên |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | Rà soát thủ tục hành chính cấp xã | Văn phòng UBND huyện | Phòng Tư pháp | x | x | |\n"
        "| 2 | Đối thoại với Nhân dân | Chủ tịch UBND huyện | | | | x |\n"
    )
    doc = parse_text(text, fmt="markdown")
    got = [[(d.kind, d.raw, d.start, d.end) for d in t.deadlines] for t in doc.tasks]
    assert got == [[("year", "Năm 2025", "2025-01-01", "2025-12-31"), ("year", "Năm 2026", "2026-01-01", "2026-12-31")],
                   [("continuous", "Thường xuyên", None, None)]]
    for t in doc.tasks:
        for d in t.deadlines:
            assert text[d.span[0] : d.span[1]] == d.raw
    tab = HEAD + (
        "PHỤ LỤC\n\n"
        "STT\tNhiệm vụ\tCơ quan chủ trì\tTiến độ năm 2026\t\t\t\t\n"
        "\t\t\tTháng 3\tTháng 6\tTháng 9\tTháng 12\tThường xuyên\n"
        "1\tKiểm tra công vụ tại bộ phận một cửa\tPhòng Nội vụ\t\tx\t\t\tx\n"
    )
    (task,) = parse_text(tab).tasks
    assert [(d.kind, d.raw, d.end) for d in task.deadlines] == [
        ("month", "Tháng 6", "2026-06-30"), ("continuous", "Thường xuyên", None)]


def test_a_group_cell_whose_sub_dimension_line_follows_a_semicolon_gives_it() -> None:
    """ "Quản trị môi trường; Nội dung thành phần: Chất lượng nước" (a cell's two lines parted by "; "): the
    sub-dimension label is read before the "first name only" cut at ";"."""
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "I\tQuản trị môi trường; Nội dung thành phần: Chất lượng nước\t\t\n"
        "1\tKiểm tra chất lượng nước sinh hoạt\tPhòng Tài nguyên và Môi trường\tQuý III/2022\n"
    )
    _, ts = tables_of(text)
    (t,) = ts
    assert [(r.kind, r.dimension, r.subdimension) for r in t.rows] == [("group", 7, "7.3"), ("task", 7, "7.3")]


def test_a_lettered_row_with_only_a_name_under_a_group_row_is_a_sub_group() -> None:
    """ "b | Giáo dục tiểu học công lập" (no agency or time cell) under a dimension's group row names the
    sub-dimension of the rows below it; it is no task and its name is no letter."""
    text = HEAD + (
        "PHỤ LỤC\n\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "VI\tCUNG ỨNG DỊCH VỤ CÔNG\t\t\n"
        "b\tGiáo dục tiểu học công lập\t\t\n"
        "5\tSửa chữa phòng học xuống cấp tại các điểm trường\tPhòng Giáo dục và Đào tạo\tTrước năm học mới\n"
    )
    ctx, ts = tables_of(text)
    (t,) = ts
    assert [(r.kind, r.dimension, r.subdimension) for r in t.rows] == [
        ("group", 6, None), ("subgroup", 6, "6.2"), ("task", 6, "6.2")]


def test_agency_group_rows_lead_and_dimension_marks_give_each_rows_dimension() -> None:
    """A table with no lead column, grouped by the agency that leads ("II | Sở Y tế"), and a "Chỉ số PAPI" header
    spanning one column per dimension ("1" … "8") that each row marks with "x": the group's agency leads its rows,
    the first marked column is the row's dimension (none marked: none), and the two header lines are one header."""
    from papi_extract.pipeline import parse_text

    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện Krông Nô năm 2021\n\nIII. NHIỆM VỤ\n\n"
        "| TT | Nội dung công việc | Đơn vị phối hợp | Thời hạn | Chỉ số PAPI |  |  |  |  |  |  |  |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
        "| TT | Nội dung công việc | Đơn vị phối hợp | Thời hạn | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n"
        "| I | Phòng Tư pháp |  |  |  |  |  |  |  |  |  |  |\n"
        "| 1 | Tổ chức hòa giải ở cơ sở tại các thôn, buôn | UBND các xã | Quý II/2021 |  |  | x |  |  |  |  |  |\n"
        "| 2 | Chứng thực bản sao đúng hạn tại Bộ phận Một cửa | UBND thị trấn Đắk Mâm | Thường xuyên |  |  |  |  | x |  |  | x |\n"
        "| II | Trung tâm Y tế huyện |  |  |  |  |  |  |  |  |  |  |\n"
        "| 3 | Bảo đảm thuốc thiết yếu tại trạm y tế xã | Phòng Y tế | Năm 2021 |  |  |  |  |  | x |  |  |\n"
        "| 4 | Tập huấn kỹ năng giao tiếp cho nhân viên y tế | Phòng Nội vụ | Quý III/2021 |  |  |  |  |  |  |  |  |\n"
    )
    rows = [t for t in doc.tasks if t.origin == "table"]
    assert [t.label for t in rows] == ["1", "2", "3", "4"]
    assert [[a.name for a in t.lead] for t in rows] == [["Phòng Tư pháp"], ["Phòng Tư pháp"], ["Trung tâm Y tế huyện"],
                                                         ["Trung tâm Y tế huyện"]]
    assert [t.dimension for t in rows] == [3, 5, 6, None]
    assert [[a.name for a in t.support] for t in rows][0] == ["Ủy ban nhân dân các xã"]


def test_a_time_header_over_one_column_per_year_gives_each_years_times() -> None:
    """ "Thời hạn" spanning "2023 | 2024" (a two-year plan): each year's cell holds a time of the row ("-" none)."""
    from papi_extract.pipeline import parse_text

    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI giai đoạn 2023 - 2024\n\nII. NHIỆM VỤ\n\n"
        "| STT | Nội dung | Đơn vị chủ trì | Thời hạn |  |\n|---|---|---|---|---|\n"
        "| STT | Nội dung | Đơn vị chủ trì | 2023 | 2024 |\n"
        "| 1 | Rà soát thủ tục hành chính cấp xã | Văn phòng UBND tỉnh | Quý IV/2023 | Quý II/2024 |\n"
        "| 2 | Đối thoại với Nhân dân về đất đai | Sở Tài nguyên và Môi trường | - | Tháng 9/2024 |\n"
    )
    rows = [t for t in doc.tasks if t.origin == "table"]
    assert [[(d.raw, str(d.end)) for d in t.deadlines] for t in rows] == [
        [("Quý IV/2023", "2023-12-31"), ("Quý II/2024", "2024-06-30")], [("Tháng 9/2024", "2024-09-30")]]


# A tab table that goes on over a page break: its header printed again after a running header and a page
# number; the rows before the next group row stay in the group the page ended in.
PAGE_BROKEN = HEAD + (
    "PHỤ LỤC\n\n"
    "TT\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n"
    "I\tTrách nhiệm giải trình với người dân\t\t\n"
    "1\tTổ chức đối thoại với Nhân dân tại các xã\tVăn phòng HĐND và UBND huyện\tQuý II/2022\n"
    "\n\fKế hoạch nâng cao Chỉ số PAPI năm 2022\n- 7 -\n\n"
    "TT\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n"
    "2\tGiải quyết dứt điểm đơn thư tồn đọng\tThanh tra huyện\tQuý III/2022\n"
    "II\tThủ tục hành chính công\t\t\n"
    "3\tNiêm yết thủ tục hành chính tại Bộ phận một cửa\tVăn phòng HĐND và UBND huyện\tQuý I/2022\n"
    "\nKế hoạch nâng cao Chỉ số PAPI năm 2022\n"
)


def test_a_table_going_on_after_a_page_break_keeps_its_group() -> None:
    ctx, tables = tables_of(PAGE_BROKEN)
    task_rows = [r for t in tables for r in t.rows if r.kind == "task"]
    assert [(r.label, r.dimension) for r in task_rows] == [("1", 3), ("2", 3), ("3", 5)]


def test_a_table_under_its_own_heading_does_not_take_the_group_before_it() -> None:
    text = PAGE_BROKEN.replace("Kế hoạch nâng cao Chỉ số PAPI năm 2022\n- 7 -\n", "2. Nhiệm vụ khác của các xã\n", 1)
    ctx, tables = tables_of(text)
    task_rows = [r for t in tables for r in t.rows if r.kind == "task"]
    assert [(r.label, r.dimension) for r in task_rows] == [("1", 3), ("2", None), ("3", 5)]


def test_a_group_row_named_like_a_column_with_a_number_is_no_header_line() -> None:
    # "Nội dung 3 - …" opens like the column name "Nội dung", but the number makes it a label: a group row
    assert header_role("Nội dung 3 - Trách nhiệm giải trình với người dân") is None
    assert header_role("Nhiệm vụ 2: Công khai ngân sách") is None
    assert header_role("Nội dung") == "text" and header_role("Thời gian 2024") == "deadline"
    text = HEAD + (
        "| TT | Nội dung công việc | Đơn vị chủ trì | Thời hạn |\n"
        "|---|---|---|---|\n"
        "| Nội dung 3 - Trách nhiệm giải trình với người dân |  |  |  |\n"
        "| 3.1 | Tổ chức đối thoại với Nhân dân tại các phường | Văn phòng UBND thị xã | Quý III/2023 |\n"
        "| 3.2 | Giải quyết đơn thư tồn đọng | Thanh tra thị xã | Thường xuyên |\n"
    )
    ctx, tables = tables_of(text, "markdown")
    assert tables[0].columns[0] == "number"
    assert [(r.kind, r.label, r.dimension) for r in tables[0].rows] == [
        ("group", None, 3), ("task", "3.1", 3), ("task", "3.2", 3)]


# A province appendix as `pdftotext -layout` prints it: each row's number centred in its cell (on the row's
# middle line), the names of the last two columns centred over three header lines ("Thời hạn" above the
# "TT" line, "hoàn thành" below it), and the header printed again after a page break.
CENTRED = HEAD + (
    "PHỤ LỤC\n\n"
    "                                                                                        Thời hạn          Kết quả\n"
    "TT            Nội dung công việc               Đơn vị chủ trì     Đơn vị phối hợp\n"
    "                                                                                        hoàn thành        dự kiến\n"
    "\n"
    "I    Chỉ số nội dung 4: Kiểm soát tham nhũng trong khu vực công\n"
    "\n"
    "     Công khai bản kê khai tài sản, thu nhập\n"
    "1    của người có nghĩa vụ kê khai tại nơi          Thanh tra tỉnh     Các sở, ngành    Quý I/2023        Báo cáo\n"
    "     làm việc\n"
    "\n"
    "     Kiểm tra việc thu các khoản ngoài quy          Sở Giáo dục và\n"
    "2    định tại các trường học; xử lý nghiêm          Đào tạo            UBND các huyện   Tháng 9/2023      Kết luận\n"
    "     trường hợp lạm thu                                                                                  kiểm tra\n"
    "                                        5\n"
    "\f\n"
    "                                                                                        Thời hạn          Kết quả\n"
    "TT            Nội dung công việc               Đơn vị chủ trì     Đơn vị phối hợp\n"
    "                                                                                        hoàn thành        dự kiến\n"
    "\n"
    "     Thanh tra trách nhiệm người đứng đầu\n"
    "3    trong phòng, chống tham nhũng                  Thanh tra tỉnh     Sở Nội vụ        Quý IV/2023       Kết luận\n"
    "\n"
    "Các cơ quan báo cáo kết quả trước ngày 15/12/2023.\n"
)


def test_numbers_centred_in_their_cells_open_their_rows() -> None:
    ctx, tables = tables_of(CENTRED)
    t = tables[0]
    assert t.columns == ["number", "text", "lead", "support", "deadline", "output"]
    task_rows = [r for r in t.rows if r.kind == "task"]
    assert [r.label for r in task_rows] == ["1", "2", "3"]
    assert task_rows[0].cell_text("text", ctx.text) == (
        "Công khai bản kê khai tài sản, thu nhập của người có nghĩa vụ kê khai tại nơi làm việc")
    assert task_rows[1].cell_text("lead", ctx.text) == "Sở Giáo dục và Đào tạo"
    assert task_rows[1].cell_text("output", ctx.text) == "Kết luận kiểm tra"
    assert task_rows[2].cell_text("deadline", ctx.text) == "Quý IV/2023"
    assert [r.dimension for r in task_rows] == [4, 4, 4]
    # the header's upper line is the table's, not a paragraph of its own
    assert t.start == ctx.text.index("                                                                                        Thời hạn")


def test_groups_lettered_in_capitals_give_their_rows_a_dimension() -> None:
    """ "A | Quản trị môi trường | | | " over numbered rows: a group row lettered in capitals is read as a Roman
    one; it names the rows' dimension and is an indicator mention (table_group)."""
    from papi_extract.pipeline import parse_text

    doc = parse_text(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI huyện năm 2024\n\nII. NHIỆM VỤ\n\n"
        "| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |\n|---|---|---|---|---|\n"
        "| A | Quản trị môi trường |  |  |  |\n"
        "| 1 | Kiểm tra các cơ sở chăn nuôi xả thải ra sông | Phòng Tài nguyên và Môi trường | Công an huyện | Quý III/2024 |\n"
        "| B | Quản trị điện tử |  |  |  |\n"
        "| 2 | Hướng dẫn người dân nộp hồ sơ trực tuyến | Văn phòng HĐND và UBND huyện | UBND các xã | Thường xuyên |\n"
    )
    assert [(t.label, t.dimension) for t in doc.tasks] == [("1", 7), ("2", 8)]
    assert [(m.dimension, m.method) for m in doc.indicators] == [(7, "table_group"), (8, "table_group")]


def test_a_tab_row_under_a_cell_merged_down_the_first_column_starts_at_its_number() -> None:
    # odfpy drops the cells a merged "Chỉ số thành phần" cell covers: the rows under it start at their number
    text = HEAD + "III. NHIỆM VỤ\n\n" + "\n".join([
        "Chỉ số thành phần\tTT\tNội dung công việc\tChủ trì\tPhối hợp\tThời gian",
        "Y tế công lập\t1\tKiểm tra trạm y tế xã\tPhòng Y tế\tTrung tâm Y tế huyện\tQuý III/2022",
        "2\tTuyên truyền khám sức khỏe định kỳ\tTrung tâm Y tế huyện\tUBND các xã\tThường xuyên",
        "Giáo dục tiểu học công lập\t3\tKiểm tra các khoản thu đầu năm học\tPhòng Giáo dục và Đào tạo\t\tTháng 9/2022",
    ]) + "\n"
    ctx, ts = tables_of(text)
    (t,) = ts
    rs = rows(ctx, t)
    assert [lab for _, lab, _ in rs if lab] == ["1", "2", "3"]
    assert rs[1][2]["lead"] == "Trung tâm Y tế huyện" and rs[1][2]["deadline"] == "Thường xuyên"
    assert [(r.dimension, r.subdimension) for r in t.rows if r.kind == "task"] == [(6, "6.1"), (6, "6.1"), (6, "6.2")]


def test_a_pipe_cells_lines_wrapped_at_its_width_with_written_breaks_are_one_text() -> None:
    # pymupdf4llm writes each printed line of a cell with "<br>" between: a line going on in lower case, after a
    # word or head that needs more ("và", "Văn phòng") or after a dash is the same name or time; a line opening
    # another agency in capitals is another agency
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh năm 2024\n\n## II. NHIỆM VỤ\n\n"
            "|TT|Nội dung nhiệm vụ|Cơ quan chủ<br>trì|Cơ quan phối<br>hợp|Thời gian<br>hoàn thành|\n|---|---|---|---|---|\n"
            "|1|Kiểm tra việc xả thải của<br>các cụm công nghiệp|Sở Tài nguyên<br>và Môi trường|Sở Công Thương<br>Công an tỉnh|Tháng 8 -<br>9/2024|\n"
            "|2|Trả lời câu hỏi của người dân<br>trên Cổng thông tin điện tử|Văn phòng<br>UBND tỉnh|Sở Giáo dục và<br>Đào tạo|Hằng tháng|\n"
            "|3|Công khai ngân sách tỉnh|Sở Tài chính|Sở Nội vụ|Quý I, quý<br>II/2024|\n"
            "|4|- Rà soát hồ sơ trễ hạn hằng tháng<br>- Gửi thư xin lỗi người dân|Sở Nội vụ|Sở Tư pháp|Trước ngày<br>30/9/2024|\n")
    doc = parse_text(text, fmt="markdown")
    got = {t.label: (t.text, [a.raw for a in t.lead], [a.raw for a in t.support], [(d.kind, d.end) for d in t.deadlines])
           for t in doc.tasks if t.label != "4"}
    assert got == {
        "1": ("Kiểm tra việc xả thải của các cụm công nghiệp", ["Sở Tài nguyên và Môi trường"],
              ["Sở Công Thương", "Công an tỉnh"], [("month", "2024-08-31"), ("month", "2024-09-30")]),
        "2": ("Trả lời câu hỏi của người dân trên Cổng thông tin điện tử", ["Văn phòng UBND tỉnh"],
              ["Sở Giáo dục và Đào tạo"], [("recurring", None)]),
        "3": ("Công khai ngân sách tỉnh", ["Sở Tài chính"], ["Sở Nội vụ"], [("quarter", "2024-03-31"), ("quarter", "2024-06-30")]),
    }
    # a time that needs its number goes on ("Trước ngày<br>30/9/2024"); a text cell's items stay two tasks
    items = [t for t in doc.tasks if t.label == "4"]
    assert [t.text for t in items] == ["Rà soát hồ sơ trễ hạn hằng tháng", "Gửi thư xin lỗi người dân"]
    assert [[(d.kind, d.end) for d in t.deadlines] for t in items] == [[("by_date", "2024-09-30")]] * 2


def test_a_comma_separated_record_ending_the_document_with_an_empty_last_cell_is_read() -> None:
    # found by mutation fuzzing: a record on the document's last line, with no line break after it and an empty
    # last cell, read one character past the text
    from papi_extract.tables import csv_record

    assert csv_record("STT,Nội dung,Chủ trì,", 0, 23) == ([(0, 3), (4, 12), (13, 20), (21, 21)], 21)


# pdfplumber's extract_text(layout=True): columns kept by spaces but squeezed (one space where a cell runs up to the
# next one, two header names glued), each row's number on its middle line, no blank line between rows, the table in
# the page's margin and the next section's heading at the same indent.
SQUEEZED_LAYOUT = (
    "II. NHIỆM VỤ CỤ THỂ\n"
    "                                                               Thời hạn\n"
    "         TT  Nhiệm vụ                Đơn vị chủ trì Đơn vị phối hợp\n"
    "         I   Cung ứng dịch vụ công\n"
    "             Tổ chức khám sức khỏe định kỳ\n"
    "                                                     UBND các xã, thị\n"
    "         1   cho người cao tuổi trên địa bàn Trung tâm Y tế huyện Quý III/2024\n"
    "                                                     trấn\n"
    "             Sửa chữa phòng học xuống cấp\n"
    "         2   tại các điểm trường tiểu học ở vùng sâu Phòng Giáo dục và Đào tạo Năm 2024\n"
    "             và vùng xa\n"
    "\n"
    "          III. TỔ CHỨC THỰC HIỆN\n"
    "          Phòng Nội vụ theo dõi, tổng hợp kết quả thực hiện.\n"
)


def test_a_squeezed_layout_table_with_centred_row_numbers_is_read_by_row() -> None:
    doc = parse_text("KẾ HOẠCH\nPAPI huyện năm 2024\n\n" + SQUEEZED_LAYOUT)
    rows = {t.label: (collapse_ws(t.text), [a.raw for a in t.lead], [a.name for a in t.support], [d.raw for d in t.deadlines])
            for t in doc.tasks if t.origin == "table"}
    assert rows["1"][0] == "Tổ chức khám sức khỏe định kỳ cho người cao tuổi trên địa bàn"
    assert rows["1"][1:] == (["Trung tâm Y tế huyện"], ["Ủy ban nhân dân các xã, thị trấn"], ["Quý III/2024"])
    assert rows["2"] == ("Sửa chữa phòng học xuống cấp tại các điểm trường tiểu học ở vùng sâu và vùng xa",
                         ["Phòng Giáo dục và Đào tạo"], [], ["Năm 2024"])
    assert not any(t.text.startswith("Phòng Nội vụ theo dõi") and t.origin == "table" for t in doc.tasks)


def test_an_assignment_grid_marks_each_rows_agencies() -> None:
    """An assignment grid: one column per agency (short forms a legend above the table defines, or the agency's
    own name), each row marking its lead ("CT") and partners ("PH"); a "Cơ quan khác" column names other agencies
    with their marks in parentheses. A pointer to the table and its caption are no tasks."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI xã Tân Hòa năm 2024\n\nII. GIẢI PHÁP VÀ PHÂN CÔNG THỰC HIỆN\n\n"
        "Nhiệm vụ của từng bộ phận thực hiện theo bảng dưới đây. Chữ viết tắt: TP-HT: Công chức Tư pháp - Hộ tịch; "
        "ĐC: Công chức Địa chính - Xây dựng; VH: Công chức Văn hóa - Xã hội.\n\n"
        "Bảng 1: Phân công nhiệm vụ năm 2024\n\n"
        "| STT | Nội dung | Thời gian | TP-HT | ĐC | VH | Công an xã | Cơ quan khác |\n"
        "|---|---|---|---|---|---|---|---|\n"
        "| 1 | Niêm yết thủ tục hành chính tại Bộ phận Một cửa | Quý I/2024 | CT | | PH | | |\n"
        "| 2 | Công khai quy hoạch sử dụng đất tại nhà văn hóa các ấp | Tháng 3/2024 | | CT | | PH | "
        "Ban nhân dân các ấp (PH) |\n"
        "| 3 | Tuyên truyền phòng, chống tội phạm trên loa truyền thanh | Hằng tháng | | | PH | CT | "
        "Đoàn Thanh niên xã (PH); Hội Phụ nữ xã (PH) |\n"
    )
    doc = parse_text(text, with_text=True)
    got = [(t.text[:20], [a.name for a in t.lead], [a.name for a in t.support]) for t in doc.tasks]
    assert got == [
        ("Niêm yết thủ tục hàn", ["Công chức Tư pháp - Hộ tịch"], ["Công chức Văn hóa - xã hội"]),
        ("Công khai quy hoạch ", ["Công chức Địa chính - Xây dựng"], ["Công an xã", "Ban nhân dân các ấp"]),
        ("Tuyên truyền phòng, ", ["Công an xã"], ["Công chức Văn hóa - xã hội", "Đoàn Thanh niên xã", "Hội Phụ nữ xã"]),
    ]
    # provenance: a short form's agency points at its name in the legend
    assert doc.text is not None
    lead = doc.tasks[0].lead[0]
    assert doc.text[lead.span[0] : lead.span[1]] == lead.raw == "Công chức Tư pháp - Hộ tịch"


def test_a_sub_dimension_column_of_bare_codes() -> None:
    """A "Nội dung thành phần" column holding bare codes ("4.3", "8.2") tags each row with that sub-dimension (its
    dimension too); a code the taxonomy does not know tags nothing."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện năm 2024\n\nII. NHIỆM VỤ\n\n"
        "| TT | Nội dung nhiệm vụ | Nội dung thành phần | Chủ trì | Thời hạn |\n|---|---|---|---|---|\n"
        "| 1 | Công khai kết quả thi tuyển công chức cấp xã | 4.3 | Phòng Nội vụ | Quý III/2024 |\n"
        "| 2 | Trả lời phản ánh của người dân trên trang thông tin điện tử | 8.2 | Văn phòng HĐND và UBND huyện "
        "| Hằng tháng |\n"
        "| 3 | Sửa chữa nhà văn hóa các thôn | 9.9 | Phòng Kinh tế và Hạ tầng | Năm 2024 |\n"
    )
    doc = parse_text(text)
    assert [(t.dimension, t.subdimension) for t in doc.tasks] == [(4, "4.3"), (8, "8.2"), (None, None)]


TWO_ROW_HEADER = (
    "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI tỉnh Kon Tum năm 2022\n\nII. NHIỆM VỤ\n\n"
    " STT      Thời gian                   Nội dung công việc                     Đơn vị thực hiện\n"
    "       Từ            Đến                                                 Chủ trì          Phối hợp\n"
    "\n"
    " I     CHỈ SỐ NỘI DUNG 5: THỦ TỤC HÀNH CHÍNH CÔNG\n"
    "\n"
    " 1     Tháng 3/2022  Tháng 5/2022  Niêm yết thủ tục hành chính tại     Sở Nội vụ        UBND các\n"
    "                                   bộ phận một cửa cấp huyện                            huyện\n"
    "\n"
    "                                   Nội dung thành phần: Thủ tục liên\n"
    "                                   quan đến giấy chứng nhận quyền\n"
    "                                   sử dụng đất\n"
    "\n"
    " 2     Quý II/2022   Quý III/2022  Rút ngắn thời gian cấp giấy         Sở Tài nguyên    Văn phòng đăng\n"
    "                                   chứng nhận lần đầu                  và Môi trường    ký đất đai\n"
)


def test_a_two_row_header_parts_its_columns_and_a_group_name_may_run_over_them() -> None:
    """A header whose second row parts "Thời gian" into "Từ | Đến" and "Đơn vị thực hiện" into "Chủ trì | Phối
    hợp" gives five columns, two of them times before the text; a Roman group row's name runs over the time columns;
    a sub-group row's name wrapped over three lines is one name."""
    ctx, ts = tables_of(TWO_ROW_HEADER)
    (t,) = ts
    assert t.columns == ["number", "deadline", "deadline", "text", "lead", "support"]
    rs = rows(ctx, t)
    assert [(k, lab) for k, lab, _ in rs] == [("group", None), ("task", "1"), ("subgroup", None), ("task", "2")]
    assert rs[1][2]["text"] == "Niêm yết thủ tục hành chính tại bộ phận một cửa cấp huyện"
    assert (rs[1][2]["lead"], rs[1][2]["support"]) == ("Sở Nội vụ", "UBND các huyện")
    assert collapse_ws(rs[2][2]["text"]) == "Nội dung thành phần: Thủ tục liên quan đến giấy chứng nhận quyền sử dụng đất"
    assert (t.rows[1].dimension, t.rows[3].subdimension) == (5, "5.3")
    doc = parse_text(TWO_ROW_HEADER)
    assert [[(d.kind, d.end) for d in x.deadlines] for x in doc.tasks] == [
        [("month", "2022-03-31"), ("month", "2022-05-31")], [("quarter", "2022-06-30"), ("quarter", "2022-09-30")]]


# "Như trên" / "-nt-" in a cell: the same agency or time as the task row above it.
DITTO = HEAD + (
    "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |\n"
    "|---|---|---|---|---|\n"
    "| Nt | Nội dung ghi trước bảng |  |  |  |\n"
    "| 1 | Công khai quy hoạch sử dụng đất tại trụ sở UBND phường | Phòng Tài nguyên và Môi trường | UBND các phường "
    "| Quý II/2024 |\n"
    "| 2 | Công khai kế hoạch thu hồi đất trên Cổng thông tin điện tử thị xã | -nt- | Văn phòng HĐND và UBND thị xã "
    "| Như trên. |\n"
    "| 3 | Hướng dẫn người dân phản ánh sai phạm về đất đai | (nt) | Như trên | Thường xuyên |\n"
)


def test_a_ditto_cell_takes_the_cell_above() -> None:
    doc = parse_text(DITTO, fmt="markdown")
    got = [([a.raw for a in t.lead], [a.raw for a in t.support], [d.raw for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        (["Phòng Tài nguyên và Môi trường"], ["UBND các phường"], ["Quý II/2024"]),
        (["Phòng Tài nguyên và Môi trường"], ["Văn phòng HĐND và UBND thị xã"], ["Quý II/2024"]),
        (["Phòng Tài nguyên và Môi trường"], ["Văn phòng HĐND và UBND thị xã"], ["Thường xuyên"]),
    ]
    # the value is the cell it repeats: its span is that cell's
    t = doc.tasks[2]
    assert DITTO[t.lead[0].span[0] : t.lead[0].span[1]] == "Phòng Tài nguyên và Môi trường"


# A Word table whose merged cells came out empty below their first row, with a note under the title saying so.
MERGED_NOTE = HEAD + (
    "PHÂN CÔNG NHIỆM VỤ\n"
    "Ghi chú: các ô trống ở cột Đơn vị chủ trì được hiểu là do đơn vị ghi ở hàng trên chủ trì.\n"
    "TT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n"
    "1\tNiêm yết công khai thủ tục hành chính tại Bộ phận một cửa\tVăn phòng HĐND và UBND huyện\tPhòng Tư pháp\t"
    "Quý I/2023\n"
    "2\tRà soát, cập nhật bộ thủ tục hành chính cấp xã\t\t\tQuý II/2023\n"
    "3\tTổ chức đối thoại với người dân về cải cách hành chính\tPhòng Nội vụ\tMặt trận Tổ quốc huyện\tQuý III/2023\n"
    "4\tTiếp nhận, xử lý phản ánh, kiến nghị của người dân\t\t\tThường xuyên\n"
)


def test_an_empty_cell_takes_the_row_above_only_where_a_note_says_so() -> None:
    doc = parse_text(MERGED_NOTE)
    got = [([a.raw for a in t.lead], [a.raw for a in t.support]) for t in doc.tasks]
    # the note names the lead's column only: the empty support cells stay empty
    assert got == [(["Văn phòng HĐND và UBND huyện"], ["Phòng Tư pháp"]), (["Văn phòng HĐND và UBND huyện"], []),
                   (["Phòng Nội vụ"], ["Mặt trận Tổ quốc huyện"]), (["Phòng Nội vụ"], [])]
    # with no note, an empty lead cell is no lead
    note = "Ghi chú: các ô trống ở cột Đơn vị chủ trì được hiểu là do đơn vị ghi ở hàng trên chủ trì.\n"
    assert note in MERGED_NOTE
    plain = parse_text(MERGED_NOTE.replace(note, "", 1))
    assert [[a.raw for a in t.lead] for t in plain.tasks] == [
        ["Văn phòng HĐND và UBND huyện"], [], ["Phòng Nội vụ"], []]


def test_a_reworded_sub_group_row_under_a_group_row_names_its_sub_dimension() -> None:
    """ "Bầu cử trưởng bản" as a sub-group row under dimension 1's group row is 1.3 (Chất lượng bầu cử cơ sở), and
    "Khám chữa bệnh tuyến xã" under dimension 6's is 6.1 (Y tế công lập)."""
    from papi_extract.pipeline import parse_text

    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2019\n\nII. NHIỆM VỤ\n\n"
                   "| TT | Nhiệm vụ | Chủ trì | Thời gian |\n|---|---|---|---|\n"
                   "| I | Tham gia của người dân ở cấp cơ sở | | |\n"
                   "| | *Bầu cử trưởng bản* | | |\n"
                   "| 1 | Hướng dẫn các bản tổ chức bầu cử đúng luật | Phòng Nội vụ | Quý II/2019 |\n"
                   "| II | Cung ứng dịch vụ công | | |\n"
                   "| | *Khám chữa bệnh y tế công lập tuyến xã* | | |\n"
                   "| 2 | Bố trí bác sĩ về trạm y tế xã | Trung tâm Y tế huyện | Năm 2019 |\n", fmt="markdown")
    assert [(t.dimension, t.subdimension) for t in d.tasks] == [(1, "1.3"), (6, "6.1")]


def test_a_merged_column_of_names_continued_by_blanks_and_ditto_marks() -> None:
    """A first column "Nội dung thành phần" merged down its rows: "〃" continues the cell above as a blank does, and a
    dimension's name written there ("Thủ tục hành chính công") gives its rows that dimension and no sub-dimension; a
    sub-dimension's short name ("Giải đáp khiếu nại, tố cáo, khúc mắc") gives its code."""
    from papi_extract.pipeline import parse_text

    text = HEAD + (
        "III. NHIỆM VỤ\n\n"
        "| Nội dung thành phần | TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
        "|---|---|---|---|---|\n"
        "| Thủ tục hành chính công | 1 | Niêm yết thủ tục hành chính tại Bộ phận Một cửa | Văn phòng UBND huyện | Quý II/2025 |\n"
        "| 〃 | 2 | Số hóa hồ sơ thủ tục hành chính | Văn phòng UBND huyện | Quý III/2025 |\n"
        "|  | 3 | Kiểm tra việc trả kết quả đúng hẹn | Phòng Nội vụ | Quý IV/2025 |\n"
        "| Giải đáp khiếu nại, tố cáo, khúc mắc | 4 | Tiếp công dân định kỳ | Thanh tra huyện | Hằng tháng |\n"
        "| 〃 | 5 | Giải quyết đơn thư tồn đọng | Thanh tra huyện | Quý III/2025 |\n"
    )
    doc = parse_text(text, fmt="markdown")
    assert [(t.label, t.dimension, t.subdimension) for t in doc.tasks] == [
        ("1", 5, None), ("2", 5, None), ("3", 5, None), ("4", 3, "3.2"), ("5", 3, "3.2")]


def test_a_mid_year_table_of_status_progress_and_moved_times() -> None:
    """A mid-year update: "Kết quả đến 30/6/2025" and "Tình trạng" report where a task stands (notes, no output); a
    "Ghi chú" that moves the task ("Lùi đến tháng 11/2025") adds that time to the row's own."""
    from papi_extract.pipeline import parse_text

    text = HEAD + (
        "III. NHIỆM VỤ\n\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian | Tình trạng | Kết quả đến 30/6/2025 | Ghi chú |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1 | Tập huấn kỹ năng tiếp công dân | Thanh tra tỉnh | Quý II/2025 | Chưa thực hiện | Chưa tổ chức | "
        "Lùi đến tháng 11/2025 |\n"
        "| 2 | Công khai dự toán ngân sách cấp xã | Sở Tài chính | Quý I/2025 | Đã thực hiện | Đã công khai tại 120 xã | |\n"
    )
    doc = parse_text(text, fmt="markdown")
    got = [(t.label, t.output, [(d.kind, d.end) for d in t.deadlines]) for t in doc.tasks]
    assert got == [("1", None, [("quarter", "2025-06-30"), ("month", "2025-11-30")]),
                   ("2", None, [("quarter", "2025-03-31")])]


def test_a_task_table_continued_on_the_next_page_with_a_caption_and_a_running_foot() -> None:
    """Where a page breaks a tab table: its number ("Trang 3/5"), a caption "Bảng phân công (tiếp theo)" and the
    header again; a row cut there goes on in lower case and takes the cells printed after the break. A group row
    repeated "(tiếp theo)" names no indicator again; a running foot "… — Trang 1/5" is no task; a pointer "tại Phụ lục
    II kèm theo Kế hoạch này" is none either."""
    from papi_extract.pipeline import parse_text

    text = HEAD + (
        "II. NHIỆM VỤ\nCác nhiệm vụ cụ thể tại Phụ lục II kèm theo Kế hoạch này.\n"
        "Kế hoạch số 12/KH-UBND của UBND huyện Đông Anh — Trang 1/5\n\n"
        "PHỤ LỤC II\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "I\tTRÁCH NHIỆM GIẢI TRÌNH VỚI NGƯỜI DÂN\t\t\n"
        "1\tTiếp công dân định kỳ\tThanh tra huyện\tHằng tháng\n"
        "2\tGiải quyết dứt điểm các đơn thư tồn đọng,\t\t\n"
        "\t\t\tTrang 3/5\n"
        "Bảng phân công (tiếp theo)\n"
        "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "I\tTRÁCH NHIỆM GIẢI TRÌNH VỚI NGƯỜI DÂN (tiếp theo)\t\t\n"
        "\tkéo dài trên địa bàn huyện\tThanh tra huyện\tQuý III/2025\n"
        "3\tCông khai kết quả giải quyết khiếu nại\tThanh tra huyện\tQuý IV/2025\n"
    )
    doc = parse_text(text)
    got = [(t.label, " ".join(t.text.split()[-3:]), [a.raw for a in t.lead], [d.kind for d in t.deadlines])
           for t in doc.tasks]
    assert got == [("1", "dân định kỳ", ["Thanh tra huyện"], ["recurring"]),
                   ("2", "địa bàn huyện", ["Thanh tra huyện"], ["quarter"]),
                   ("3", "quyết khiếu nại", ["Thanh tra huyện"], ["quarter"])]
    assert [(i.dimension, i.raw) for i in doc.indicators] == [(3, "TRÁCH NHIỆM GIẢI TRÌNH VỚI NGƯỜI DÂN")]


def test_year_columns_whose_cells_write_a_time_or_a_target() -> None:
    """ "Năm 2025 | Năm 2026" over cells that write a time ("Quý IV", "Tháng 5") or a year's target ("Đạt 60%"): each
    cell is read with its column's year; a target is that year; "-" says nothing."""
    from papi_extract.pipeline import parse_text

    text = HEAD + (
        "III. NHIỆM VỤ\n\n"
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Năm 2025 | Năm 2026 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Số hóa hồ sơ hộ tịch | Phòng Tư pháp | Đạt 60% | Quý IV |\n"
        "| 2 | Tập huấn kỹ năng đối thoại | Phòng Nội vụ | Tháng 5 | - |\n"
    )
    doc = parse_text(text, fmt="markdown")
    got = [(t.label, [(d.kind, d.start, d.end) for d in t.deadlines]) for t in doc.tasks]
    assert got == [("1", [("year", "2025-01-01", "2025-12-31"), ("quarter", "2026-10-01", "2026-12-31")]),
                   ("2", [("month", "2025-05-01", "2025-05-31")])]


BULLETED_CELL_ROWS = (
    "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2025\n\nIII. NHIỆM VỤ\n\n"
    "TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\n"
    "I\tTHỦ TỤC HÀNH CHÍNH CÔNG\n"
    "1\tCải thiện chất lượng Bộ phận Một cửa của phường, cụ thể:\tCông chức Văn phòng - Thống kê\tCông chức Tư pháp - Hộ tịch\tQuý II/2025\n"
    "\t- Bố trí ghế chờ, máy lấy số tự động;\n"
    "\t- Niêm yết số điện thoại đường dây nóng của phường,\n"
    "\tcập nhật khi có thay đổi;\n"
    "\t- Khảo sát sự hài lòng của người dân.\n"
    "2\tSố hóa hồ sơ hộ tịch còn lưu trữ\tCông chức Tư pháp - Hộ tịch\t\tNăm 2025\n"
    "\tqua các năm từ 2015 đến nay.\n\n"
    "IV. TỔ CHỨC THỰC HIỆN\n"
)


def test_bulleted_lines_of_a_row_s_text_cell_are_its_tasks() -> None:
    """Lines under a tab row that open on a bullet in its text cell ("<TAB>- Bố trí ghế chờ …") are the row's
    sub-items: each a task labelled as the row, with the row's agencies and time; the row is their lead-in. A
    line in lower case continues its item; a line without a bullet continues the row. Four such lines are no
    spilled row of the table's width (a spilled paragraph opens on text, not on a tab)."""
    from papi_extract import parse_text

    doc = parse_text(BULLETED_CELL_ROWS)
    got = [(t.label, t.text, [a.name for a in t.lead], [a.name for a in t.support], [d.raw for d in t.deadlines])
           for t in doc.tasks if t.method == "table-row"]
    assert got == [
        ("1", "Bố trí ghế chờ, máy lấy số tự động;", ["Công chức Văn phòng - Thống kê"], ["Công chức Tư pháp - Hộ tịch"],
         ["Quý II/2025"]),
        ("1", "Niêm yết số điện thoại đường dây nóng của phường, cập nhật khi có thay đổi;",
         ["Công chức Văn phòng - Thống kê"], ["Công chức Tư pháp - Hộ tịch"], ["Quý II/2025"]),
        ("1", "Khảo sát sự hài lòng của người dân.", ["Công chức Văn phòng - Thống kê"], ["Công chức Tư pháp - Hộ tịch"],
         ["Quý II/2025"]),
        ("2", "Số hóa hồ sơ hộ tịch còn lưu trữ qua các năm từ 2015 đến nay.", ["Công chức Tư pháp - Hộ tịch"], [],
         ["Năm 2025"]),
    ]
