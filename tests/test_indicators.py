"""Stage "indicators": headings, table group rows and score-table rows naming a PAPI indicator."""

from __future__ import annotations

from conftest import CORPUS, run_through_scores

from papi_extract import indicators
from papi_extract.context import DocContext

SEED_000 = "000_4b16b2b6e82d9d4b"
SEED_001 = "001_ed759b2d6399facb"
SEED_003 = "003_1e98fec1af34e263"
SEED_004 = "004_5c394493e0081488"


def parse(text: str, fmt: str | None = None) -> DocContext:
    """Run the stages this module needs (the full pipeline also runs tasks, which is not under test)."""
    ctx = run_through_scores(text, fmt)
    for m in ctx.indicators:
        assert ctx.text[m.span[0] : m.span[1]] == m.raw
    return ctx


def seed(stem: str) -> DocContext:
    return parse((CORPUS / f"{stem}.txt").read_text(encoding="utf-8"))


def codes(ctx: DocContext, method: str | None = None) -> list[tuple[int | str, str]]:
    return [(m.subdimension or m.dimension, m.raw) for m in ctx.indicators if method is None or m.method == method]


def test_seed_000_headings_two_dimensions_give_two_mentions() -> None:
    ctx = seed(SEED_000)
    got = codes(ctx)
    assert got[:8] == [
        (1, "Tham gia của người dân ở cấp cơ sở"),
        (2, "Công khai minh bạch và thủ tục hành chính công"),
        (5, "Công khai minh bạch và thủ tục hành chính công"),
        (3, "Trách nhiệm giải trình với người dân, kiểm soát tham nhũng trong khu vực công"),
        (4, "Trách nhiệm giải trình với người dân, kiểm soát tham nhũng trong khu vực công"),
        (6, "Cung ứng dịch vụ công"),
        (7, "Quản trị môi trường"),  # "**5. Quản trị môi trường:** Chất lượng …" run-in bold heading
        (8, "Quản trị điện tử"),
    ]
    assert got[8] == (1, "Về tham gia của người dân ở cấp cơ sở")
    assert len(got) == 16
    # sections inherit: "1.1. Nội dung khắc phục" under "1. Về tham gia …"; organization has none
    by_title = {(s.label, s.title): s for s in ctx.sections}
    assert by_title[("1.1", "Nội dung khắc phục")].dimension == 1
    assert by_title[("3.2", "Cơ quan thực hiện")].dimension == 3  # first of "3 … ; 4 …"
    assert by_title[("IV", "TỔ CHỨC THỰC HIỆN")].dimension is None
    assert by_title[("I", "MỤC ĐÍCH, YÊU CẦU")].dimension is None


def test_seed_001_security_section_is_subdimension_6_4() -> None:
    ctx = seed(SEED_001)
    assert codes(ctx) == [
        (1, "Tham gia người dân ở cấp cơ sở"),
        (2, "Công khai, minh bạch"),
        (3, "Trách nhiệm giải trình với người dân"),
        (4, "Về đẩy mạnh kiểm soát tham nhũng trong khu vực công"),
        (5, "Thủ tục hành chính công"),
        (6, "Cung ứng dịch vụ công"),
        ("6.4", "An ninh, trật tự, an toàn xã hội"),
        (7, "Quản trị môi trường"),
        (8, "Quản trị điện tử"),
    ]
    sec = next(s for s in ctx.sections if s.title == "An ninh, trật tự, an toàn xã hội")
    child = next(s for s in ctx.sections if s.parent == sec.id)
    assert (child.dimension, child.subdimension) == (6, "6.4")
    assert all(s.dimension is None for s in ctx.sections if s.kind == "organization")


def test_seed_003_table_group_and_subgroup_rows() -> None:
    ctx = seed(SEED_003)
    groups = codes(ctx, "table_group") + codes(ctx, "table_subgroup")
    assert groups.count((2, "Công khai, minh bạch")) == 2  # Phụ lục I and II
    assert groups.count(("2.2", "Công khai danh sách hộ nghèo")) == 2
    assert groups.count(("2.3", "Công khai ngân sách cấp xã")) == 2  # once in the number column
    assert groups.count(("2.4", "Công khai quy hoạch, kế hoạch sử dụng đất và khung giá bồi thường thu hồi đất")) == 2
    assert groups.count((7, "Chỉ số Quản trị môi trường")) == 2
    assert len(ctx.indicators) == 30
    # a task row under the "Công khai danh sách hộ nghèo" sub-group row takes 2.2
    row = next(b for b in ctx.blocks if b.kind == "table_row" and "rà soát, bổ sung kịp thời những hộ" in ctx.text[b.start : b.end])
    assert indicators.dimension_at(ctx, row.start, row.section) == (2, "2.2")
    row = next(b for b in ctx.blocks if b.kind == "table_row" and ctx.text[b.start : b.end].startswith("11\tTăng cường công tác thanh tra"))
    assert indicators.dimension_at(ctx, row.start, row.section) == (4, None)


def test_seed_004_score_table_rows_and_headings() -> None:
    ctx = seed(SEED_004)
    rows = codes(ctx, "score_table")
    assert len(rows) == 37  # 8 dimensions + 29 sub-dimensions; "Tổng hợp" names no indicator
    assert ("1.3", "Chất lượng bầu cử cơ sở") in rows
    assert ("3.2", "Giải đáp khiếu nại, tố cáo, khúc mắc  của người dân") in rows
    heads = codes(ctx, "heading")
    assert (1, "Chỉ số nội dung “Tham gia của người dân ở cấp cơ sở") in heads  # closing quote missing
    assert (3, "Đối với chỉ số nội dung “Nâng cao trách nhiệm giải trình với người dân”") in heads
    assert (1, "Đối với nội dung “Tham gia của người dân ở cấp cơ sở”: UBND các xã, phường, thị trấn") in heads
    assert len(heads) == 16


# ---------------------------------------------------------------------------------------------
# Second phrasings: nothing above may be keyed to a seed

OTHER_PLAN = """ỦY BAN NHÂN DÂN HUYỆN HẢI LĂNG

Số: 12/KH-UBND

Hải Lăng, ngày 02 tháng 3 năm 2023

KẾ HOẠCH

Cải thiện Chỉ số PAPI huyện Hải Lăng năm 2023

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao chất lượng phục vụ người dân.

II. NHIỆM VỤ TRỌNG TÂM

1. Nội dung “Công khai minh bạch”; “Thủ tục hành chính công”

a) Công tác niêm yết, công khai

- Niêm yết công khai thủ tục hành chính tại trụ sở.

2. Đối với chỉ số nội dung “Kiểm soát tham nhủng trong khu vực côg”

- Thanh tra huyện thanh tra công vụ.

3. AN NINH, TRẬT TỰ

- Công an huyện giữ vững an ninh.

4. Công tác thông tin, tuyên truyền

- Đài truyền thanh huyện tuyên truyền.

III. TỔ CHỨC THỰC HIỆN

1. Phòng Nội vụ

Theo dõi, đôn đốc.

PHỤ LỤC

STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian
II.\tCông khai minh bạch\t\t\t
\tDanh sách hộ nghèo\t\t\t
1\tNiêm yết danh sách hộ nghèo tại nhà văn hóa thôn\tUBND các xã\tPhòng LĐTBXH\tQuý II/2023
Tiếp cận thông tin\t\t\t\t
2\tCung cấp thông tin cho người dân\tVăn phòng HĐND và UBND\tCác cơ quan\tThường xuyên
"""


def test_other_plan_headings_fuzzy_and_table_rows() -> None:
    ctx = parse(OTHER_PLAN)
    got = [(m.subdimension or m.dimension, m.method) for m in ctx.indicators]
    assert got == [
        (2, "heading"), (5, "heading"),
        (4, "heading_fuzzy"),
        ("6.4", "heading"),
        (2, "table_group"), ("2.2", "table_subgroup"), ("2.1", "table_subgroup"),
    ]
    assert [w.code for w in ctx.warnings].count("W401") == 1
    sec = {s.label: s for s in ctx.sections if s.parent is not None and s.kind == "tasks"}
    assert (sec["1"].dimension, sec["3"].dimension, sec["3"].subdimension, sec["4"].dimension) == (2, 6, "6.4", None)
    letter = next(s for s in ctx.sections if s.label == "a")
    assert letter.dimension == 2  # inherited from "1. …"
    row1 = next(b for b in ctx.blocks if ctx.text[b.start : b.end].startswith("1\tNiêm yết"))
    row2 = next(b for b in ctx.blocks if ctx.text[b.start : b.end].startswith("2\tCung cấp"))
    assert indicators.dimension_at(ctx, row1.start, row1.section) == (2, "2.2")
    assert indicators.dimension_at(ctx, row2.start, row2.section) == (2, "2.1")


def test_markdown_bold_lines_and_pipe_group_rows() -> None:
    md = """# KẾ HOẠCH

Nâng cao chỉ số PAPI năm 2024

**Chỉ số Quản trị điện tử**

- Sở Thông tin và Truyền thông nâng cấp cổng thông tin điện tử.

**5. Quản trị môi trường:** Chất lượng nước giảm 0,2 điểm.

| TT | Nội dung | Chủ trì |
|---|---|---|
| I | Tham gia của người dân ở cấp cơ sở | |
| 1 | Tuyên truyền quy chế dân chủ | Phòng Nội vụ |
"""
    ctx = parse(md, "markdown")
    got = [(m.subdimension or m.dimension, m.method, m.raw) for m in ctx.indicators]
    assert got == [
        (8, "bold", "Chỉ số Quản trị điện tử"),
        (7, "heading", "Quản trị môi trường"),
        (1, "table_group", "Tham gia của người dân ở cấp cơ sở"),
    ]


def test_no_mentions_for_plain_task_text() -> None:
    text = """KẾ HOẠCH

Thực hiện nhiệm vụ năm 2023

I. NHIỆM VỤ

1. Tăng cường công tác cải cách thủ tục hành chính tại bộ phận một cửa và nâng cao chất lượng cung ứng dịch vụ công trực tuyến cho người dân

2. Kiểm tra, giám sát

- Cải thiện cơ sở hạ tầng căn bản: đầu tư đường giao thông nông thôn.
"""
    assert parse(text).indicators == []


def test_group_rows_of_a_table_printed_one_cell_per_line() -> None:
    """A task table flattened to one cell per line ("|" lines between cells, blank lines between
    rows): the lone lines naming an indicator, labelled or bulleted, are its group rows."""
    text = (
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI huyện Văn Bàn năm 2023\n\n"
        "II. NHIỆM VỤ CỤ THỂ\n\n"
        "STT\n|\nNhiệm vụ\n|\nĐơn vị chủ trì\n|\nThời gian\n\n"
        "2. Chỉ số Quản trị môi trường\n\n"
        "1\n|\nKiểm tra các cơ sở chăn nuôi gây ô nhiễm nguồn nước\n|\nPhòng Tài nguyên và Môi trường\n|\nQuý II/2023\n\n"
        "3. Chỉ số Cung ứng dịch vụ công\n\n"
        "- An ninh, trật tự ở khu dân cư\n\n"
        "2\n|\nTăng cường tuần tra tại các thôn, bản\n|\nCông an huyện\n|\nThường xuyên\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n\n"
        "Phòng Nội vụ theo dõi, tổng hợp.\n"
    )
    ctx = parse(text)
    assert codes(ctx) == [
        (7, "Chỉ số Quản trị môi trường"),
        (6, "Chỉ số Cung ứng dịch vụ công"),
        ("6.4", "An ninh, trật tự ở khu dân cư"),
    ]
    assert {m.method for m in ctx.indicators} == {"table_group", "table_subgroup"}
    # the group rows give the rows below them their dimension
    row = text.index("Tăng cường tuần tra")
    assert indicators.dimension_at(ctx, row, ctx.indicators[-1].section) == (6, "6.4")
    # without the "|" cell lines there is no table: no group rows (the labelled lines are headings)
    flat = parse(text.replace("\n|\n", " ; "))
    assert not [m for m in flat.indicators if m.method.startswith("table_")]


def test_every_dimension_a_heading_names_is_a_mention() -> None:
    text = (
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI tỉnh Kon Tum năm 2024\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Công khai, minh bạch và trách nhiệm giải trình\n\n"
        "- Các sở, ngành công khai kế hoạch sử dụng đất.\n\n"
        "2. Cung ứng dịch vụ công và quản trị điện tử\n\n"
        "- Sở Y tế nâng cao chất lượng khám, chữa bệnh.\n\n"
        "3. Quản trị môi trường\n\n"
        "- Sở Tài nguyên và Môi trường kiểm tra các cơ sở sản xuất.\n"
    )
    ctx = parse(text)
    assert [(m.dimension, m.raw) for m in ctx.indicators] == [
        (2, "Công khai, minh bạch và trách nhiệm giải trình"),
        (3, "Công khai, minh bạch và trách nhiệm giải trình"),
        (6, "Cung ứng dịch vụ công và quản trị điện tử"),
        (8, "Cung ứng dịch vụ công và quản trị điện tử"),
        (7, "Quản trị môi trường"),
    ]
    assert {m.method for m in ctx.indicators} == {"heading"}
    by_title = {s.title: s for s in ctx.sections}
    assert by_title["Cung ứng dịch vụ công và quản trị điện tử"].dimension == 6  # the first named


def test_group_rows_of_a_space_aligned_table() -> None:
    """A layout dump prints group rows as a bare label, spaces, then the (sub-)dimension name."""
    ctx = parse(
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\nPHỤ LỤC\n\n"
        "   TT        Nhiệm vụ                 Cơ quan chủ trì     Thời hạn\n\n"
        "   I     Chất lượng không khí\n\n"
        "   1     Kiểm tra đốt rơm rạ      Phòng Nông nghiệp    Tháng 6/2025\n\n"
        "   II    Phúc đáp qua cổng thông tin điện tử\n\n"
        "   2     Phúc đáp phản ánh        Văn phòng HĐND       Thường xuyên\n"
    )
    got = [(m.dimension, m.subdimension, m.raw) for m in ctx.indicators if m.method == "table_subgroup"]
    assert got == [(7, "7.2", "Chất lượng không khí"), (8, "8.3", "Phúc đáp qua cổng thông tin điện tử")]
    for m in ctx.indicators:
        assert ctx.text[m.span[0] : m.span[1]] == m.raw


def test_dimension_columns_and_blank_separated_group_rows_of_task_tables() -> None:
    """A "Chỉ số nội dung"/"Nội dung thành phần" column gives one mention per run of equal names; the
    group rows of a table printed one cell per line between blank lines are mentions too."""
    ctx = parse(
        "# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\n## PHỤ LỤC\n\n"
        "| STT | Chỉ số nội dung | Nội dung thành phần | Nhiệm vụ | Cơ quan chủ trì |\n| --- | --- | --- | --- | --- |\n"
        "| 1 | Quản trị điện tử | Phúc đáp qua cổng thông tin điện tử | Trả lời phản ánh | Văn phòng UBND tỉnh |\n"
        "| 2 | Quản trị điện tử | Phúc đáp qua cổng thông tin điện tử | Công khai kết quả trả lời | Sở Nội vụ |\n"
        "| 3 | Quản trị điện tử | Tiếp cận và sử dụng internet tại địa phương | Phủ sóng internet | Sở Khoa học và Công nghệ |\n",
        fmt="markdown")
    col = [(m.dimension, m.subdimension, m.raw) for m in ctx.indicators if m.method == "table_column"]
    assert col == [(8, None, "Quản trị điện tử"), (8, "8.3", "Phúc đáp qua cổng thông tin điện tử"),
                   (8, "8.2", "Tiếp cận và sử dụng internet tại địa phương")]
    cells = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian",
             "I", "Cung ứng dịch vụ công", "1", "Kiểm tra bữa ăn bán trú", "Phòng Giáo dục và Đào tạo", "Tháng 9/2024",
             "- Nội dung thành phần: Y tế công lập", "2", "Niêm yết giá dịch vụ khám bệnh", "Phòng Y tế", "Quý III/2024"]
    ctx = parse("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nPHỤ LỤC\n\n" + "\n\n".join(cells) + "\n")
    got = [(m.dimension, m.subdimension, m.raw) for m in ctx.indicators if m.method.startswith("table_")]
    assert got == [(6, None, "Cung ứng dịch vụ công"), (6, "6.1", "Nội dung thành phần: Y tế công lập")]


def test_a_time_cell_above_a_group_row_does_not_make_a_score_table() -> None:
    """One cell per block: "Năm 2024" (the last row's time) above "VIII / Quản trị điện tử / 17 / …" reads
    like a score table's year header, a name and a value; but 17 is no dimension score (at most 10): the
    group row is one table_group mention, and no score comes from the task number."""
    text = (
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI huyện Yên Mô năm 2024\n\nII. NHIỆM VỤ\n\n"
        "STT\n\nNhiệm vụ\n\nChủ trì\n\nPhối hợp\n\nThời gian\n\n"
        "VII\n\nQuản trị môi trường\n\n"
        "16\n\nKiểm tra việc thu gom rác thải tại các xã\n\nPhòng Tài nguyên và Môi trường\n\nUBND các xã\n\nNăm 2024\n\n"
        "VIII\n\nQuản trị điện tử\n\n"
        "17\n\nHướng dẫn người dân sử dụng Cổng dịch vụ công quốc gia\n\nPhòng Văn hóa và Thông tin\n\n"
        "UBND các xã\n\nQuý III/2024\n\nIII. TỔ CHỨC THỰC HIỆN\n\nPhòng Nội vụ theo dõi.\n"
    )
    ctx = parse(text)
    assert [(m.dimension, m.method) for m in ctx.indicators if m.dimension == 8] == [(8, "table_group")]
    assert not [s for s in ctx.scores if s.dimension == 8]


def test_a_group_cell_naming_dimension_and_sub_dimension_gives_one_mention_each() -> None:
    """A group row whose one cell holds the dimension and, after it, its sub-dimension ("Chỉ số Quản trị môi
    trường - Chỉ số thành phần: Chất lượng nước"): two mentions, each with its own span and raw."""
    ctx = parse(
        "KẾ HOẠCH\nPAPI năm 2025\n\nPHỤ LỤC\nNHIỆM VỤ\n\n"
        "TT\tNội dung công việc\tCơ quan chủ trì\tThời gian\tGhi chú\n"
        "I\tChỉ số Quản trị môi trường - Chỉ số thành phần: Chất lượng nước\t\t\tChỉ đạo: Phó Chủ tịch UBND\n"
        "1\tKiểm tra chất lượng nước sinh hoạt nông thôn\tPhòng Tài nguyên và Môi trường\tQuý III/2025\t\n"
    )
    got = [(m.dimension, m.subdimension, m.raw) for m in ctx.indicators]
    assert (7, None, "Chỉ số Quản trị môi trường") in got
    assert (7, "7.3", "Chỉ số thành phần: Chất lượng nước") in got


def test_a_remediation_table_names_each_sub_dimension_once() -> None:
    """A table whose rows are score rows and task rows at once, a sub-dimension's cell merged over its two
    task rows (rowspan): each cell is one mention, not one per reading and not one per row it spans."""
    from papi_extract.pipeline import parse_text

    page = (
        "<html><body><p><b>KẾ HOẠCH</b></p><p>Khắc phục các nội dung thành phần giảm điểm năm 2024</p>"
        "<p><b>I. NHIỆM VỤ</b></p><table>"
        "<tr><td>TT</td><td>Nội dung thành phần</td><td>Điểm 2022</td><td>Điểm 2023</td>"
        "<td>Nhiệm vụ, giải pháp</td><td>Cơ quan chủ trì</td></tr>"
        "<tr><td>1</td><td rowspan='2'>Chất lượng nước</td><td rowspan='2'>1,62</td><td rowspan='2'>1,55</td>"
        "<td>Kiểm tra chất lượng nước các công trình cấp nước tập trung</td><td>Sở Nông nghiệp và PTNT</td></tr>"
        "<tr><td>2</td><td>Công khai kết quả xét nghiệm nước sinh hoạt tại các xã</td><td>Sở Y tế</td></tr>"
        "<tr><td>3</td><td>Y tế công lập</td><td>2,01</td><td>1,94</td>"
        "<td>Nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã</td><td>Sở Y tế</td></tr>"
        "</table><p><b>II. TỔ CHỨC THỰC HIỆN</b></p><p>Sở Nội vụ theo dõi, tổng hợp.</p></body></html>"
    )
    doc = parse_text(page, fmt="html")
    subs = [(m.subdimension, m.raw) for m in doc.indicators if m.subdimension]
    assert subs == [("7.3", "Chất lượng nước"), ("6.1", "Y tế công lập")]
    assert [t.subdimension for t in doc.tasks if t.origin == "table"] == ["7.3", "7.3", "6.1"]


def test_a_bold_name_stating_its_score_is_no_heading() -> None:
    """ "- **Cung ứng dịch vụ công:** đạt 7,12 điểm, giảm 0,05 điểm" in the review of last year's results is a
    score line (its figures are read as scores), not an indicator heading; a bold name over tasks still is one, and
    so is a bold name whose run-in text is a task."""
    md = """# KẾ HOẠCH

Nâng cao chỉ số PAPI năm 2024

## I. KẾT QUẢ NĂM 2023

- **Cung ứng dịch vụ công:** đạt 7,12 điểm, giảm 0,05 điểm so với năm 2022;
- **Quản trị điện tử** - tăng 0,31 điểm.

## II. NHIỆM VỤ

**Quản trị điện tử**

- **Thủ tục hành chính công:** Văn phòng HĐND và UBND huyện công khai thủ tục hành chính.
"""
    ctx = parse(md, "markdown")
    assert [(m.dimension, m.raw) for m in ctx.indicators] == [(8, "Quản trị điện tử"), (5, "Thủ tục hành chính công")]
    got = {(s.dimension, s.value, s.change) for s in ctx.scores}
    assert {(6, 7.12, -0.05), (8, None, 0.31)} <= got


def test_a_heading_naming_participation_by_its_short_name_with_other_dimensions() -> None:
    """ "Tham gia của người dân" without "ở cấp cơ sở" is dimension 1 where a heading names it beside
    other dimensions; the same words inside a task's sentence are no heading."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Tham gia của người dân và trách nhiệm giải trình với người dân\n"
            "- Tổ chức đối thoại định kỳ giữa Chủ tịch UBND xã với Nhân dân.\n"
            "2. Quản trị điện tử\n"
            "- Tăng cường sự tham gia của người dân vào việc góp ý dự thảo văn bản trên Cổng thông tin điện tử.\n")
    ctx = parse(text)
    assert {(m.dimension, m.raw) for m in ctx.indicators} == {
        (1, "Tham gia của người dân và trách nhiệm giải trình với người dân"),
        (3, "Tham gia của người dân và trách nhiệm giải trình với người dân"),
        (8, "Quản trị điện tử")}
    doc = parse_text(text)
    assert [t.dimension for t in doc.tasks] == [1, 8]


def test_equity_in_public_employment_named_with_its_sector() -> None:
    """ "Công bằng trong tuyển dụng vào khu vực nhà nước" (or "… vào cơ quan nhà nước") is 4.3 exactly."""
    ctx = parse("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\nII. NHIỆM VỤ\n4. Kiểm soát tham nhũng trong khu vực công\n"
                "4.3. Công bằng trong tuyển dụng vào cơ quan nhà nước\n- Công khai kết quả thi tuyển công chức.\n")
    assert [(m.dimension, m.subdimension, m.method) for m in ctx.indicators] == [(4, None, "heading"), (4, "4.3", "heading")]


def test_group_and_short_sub_dimension_headings() -> None:
    """ "Nhóm chỉ số Thủ tục hành chính công và Cung ứng dịch vụ công" names two dimensions; short sub-dimension
    headings ("Chứng thực, xác nhận", "Về chất lượng nguồn nước", "Sử dụng cổng thông tin điện tử", "Thu, chi ngân
    sách") name theirs."""
    ctx = parse("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\nII. NHIỆM VỤ\n"
                "1. Nhóm chỉ số Thủ tục hành chính công và Cung ứng dịch vụ công\n"
                "a) Chứng thực, xác nhận\n- Bố trí công chức trực chứng thực vào thứ Bảy.\n"
                "2. Nhóm chỉ số Quản trị môi trường và Quản trị điện tử\n"
                "a) Về chất lượng nguồn nước\n- Kiểm tra chất lượng nước sạch nông thôn.\n"
                "b) Sử dụng cổng thông tin điện tử\n- Cập nhật tin bài trên cổng thông tin điện tử phường.\n"
                "3. Nhóm chỉ số Công khai, minh bạch\na) Thu, chi ngân sách\n- Niêm yết dự toán ngân sách phường.\n")
    assert [(m.dimension, m.subdimension) for m in ctx.indicators] == [
        (5, None), (6, None), (5, "5.1"), (7, None), (8, None), (7, "7.3"), (8, "8.1"), (2, None), (2, "2.3")]


def test_a_group_of_solutions_heading_names_its_dimension() -> None:
    """ "Nhóm giải pháp về quản trị điện tử", "Nhóm nhiệm vụ về kiểm soát tham nhũng trong khu vực công": the group
    word and "về" lead the dimension's name; "Giải pháp nâng cao chất lượng dịch vụ" names none."""
    ctx = parse("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
                "1. Nhóm giải pháp về quản trị điện tử\n- Hướng dẫn người dân cài đặt ứng dụng VNeID.\n"
                "2. Nhóm nhiệm vụ về kiểm soát tham nhũng trong khu vực công\n- Công khai kết quả tuyển dụng.\n"
                "3. Giải pháp nâng cao chất lượng dịch vụ\n- Khảo sát sự hài lòng của người dân.\n")
    assert [(m.dimension, m.subdimension) for m in ctx.indicators] == [(8, None), (4, None)]


def test_a_heading_naming_two_sub_dimensions_by_a_short_name() -> None:
    """"Tiếp cận thông tin và công khai kế hoạch sử dụng đất" names 2.1 and 2.4 (2.4 by the first half of its
    name, as plans shorten it): one mention each, and the section takes the first."""
    ctx = parse("# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI huyện Đồng Xuân năm 2024\n\n# II. NHIỆM VỤ\n\n"
                "## 1. Tiếp cận thông tin và công khai kế hoạch sử dụng đất\n\n- Niêm yết kế hoạch tại xã.\n",
                fmt="markdown")
    assert [(m.dimension, m.subdimension) for m in ctx.indicators] == [(2, "2.1"), (2, "2.4")]
    sec = next(s for s in ctx.sections if s.title.startswith("Tiếp cận"))
    assert (sec.dimension, sec.subdimension) == (2, "2.1")


def test_a_reworded_sub_dimension_heading_under_its_dimension() -> None:
    """ "2.1. Chỉ số thành phần "Cơ sở hạ tầng thiết yếu"" under dimension 6's heading: the heading says it is a
    sub-dimension and its words are 6.3's; its running number "2.1" is no code. Its tasks take 6.3."""
    from papi_extract.pipeline import parse_text

    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2022\n\n## III. NHIỆM VỤ\n\n"
                   "### 2. Chỉ số nội dung 6 - Cung ứng dịch vụ công\n\n"
                   "#### 2.1. Chỉ số thành phần \"Cơ sở hạ tầng thiết yếu\"\n\n"
                   "- Sở Giao thông vận tải nâng cấp các tuyến đường huyện.\n\n"
                   "#### 2.2. Chỉ số thành phần \"Giáo dục tiểu học\"\n\n"
                   "- Sở Giáo dục và Đào tạo bố trí đủ giáo viên tiểu học.\n", fmt="markdown")
    assert [(m.dimension, m.subdimension, m.raw) for m in d.indicators if m.subdimension] == [
        (6, "6.3", 'Chỉ số thành phần "Cơ sở hạ tầng thiết yếu"'), (6, "6.2", 'Chỉ số thành phần "Giáo dục tiểu học"')]
    assert [(t.dimension, t.subdimension) for t in d.tasks] == [(6, "6.3"), (6, "6.2")]


def test_a_reworded_name_in_a_task_tables_sub_dimension_column() -> None:
    from papi_extract.pipeline import parse_text

    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n\n"
                   "| STT | Nhiệm vụ | Chỉ số thành phần | Chủ trì | Thời gian |\n|---|---|---|---|---|\n"
                   "| I | Cung ứng dịch vụ công | | | |\n"
                   "| 1 | Sửa chữa đường giao thông nông thôn | Hạ tầng thiết yếu | Công chức Địa chính - Xây dựng | Quý III/2024 |\n"
                   "| 2 | Phổ cập bơi cho học sinh | Giáo dục tiểu học | Trường Tiểu học xã | Quý II/2024 |\n", fmt="markdown")
    assert [(t.dimension, t.subdimension) for t in d.tasks] == [(6, "6.3"), (6, "6.2")]
    assert {(m.subdimension, m.raw) for m in d.indicators if m.subdimension} == {
        ("6.3", "Hạ tầng thiết yếu"), ("6.2", "Giáo dục tiểu học")}


def test_headings_under_another_indexs_section_name_no_papi_indicator() -> None:
    """ "2. Nâng cao Chỉ số hài lòng … (SIPAS)" over "a) Thủ tục hành chính": SIPAS's criterion, no PAPI dimension 5;
    the same words under the PAPI section are dimension 5."""
    from papi_extract.pipeline import parse_text

    d = parse_text("KẾ HOẠCH\nNâng cao các chỉ số SIPAS, PAPI năm 2022\n\nIII. NHIỆM VỤ\n"
                   "1. Nâng cao Chỉ số hài lòng của người dân, tổ chức (SIPAS)\na) Thủ tục hành chính\n"
                   "- Bộ phận Một cửa rút ngắn thời gian trả kết quả.\n"
                   "2. Nâng cao Chỉ số PAPI\na) Thủ tục hành chính\n- Phòng Tư pháp niêm yết thủ tục chứng thực.\n")
    assert [(m.dimension, m.raw) for m in d.indicators] == [(5, "Thủ tục hành chính")]
    assert [t.dimension for t in d.tasks] == [None, 5]


def test_a_column_of_indicators_may_name_a_sub_dimension() -> None:
    """ "2.1. Tiếp cận thông tin" or "Cung ứng dịch vụ công - Y tế công lập" in the "Chỉ số nội dung" column: the row's
    indicator is the sub-dimension, one mention each."""
    from papi_extract.pipeline import parse_text

    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2022\n\nII. NHIỆM VỤ\n\n"
                   "| TT | Nhiệm vụ | Chỉ số nội dung | Chủ trì |\n|---|---|---|---|\n"
                   "| 1 | Niêm yết văn bản mới tại nhà văn hóa | 2.1. Tiếp cận thông tin | Công chức Tư pháp - Hộ tịch |\n"
                   "| 2 | Khám sức khỏe định kỳ cho người cao tuổi | Cung ứng dịch vụ công - Y tế công lập | Trạm Y tế xã |\n",
                   fmt="markdown")
    assert [(t.dimension, t.subdimension) for t in d.tasks] == [(2, "2.1"), (6, "6.1")]
    assert [(m.dimension, m.subdimension) for m in d.indicators] == [(2, "2.1"), (6, "6.1")]


def test_a_year_per_row_tables_indicators_are_named_by_its_column_headers() -> None:
    """ "Năm | Quản trị môi trường | Chất lượng không khí | …" over "2022 | 3,05 | …": the column headers name the
    indicators, once each however many year rows there are; the year cells name none."""
    ctx = parse("KẾ HOẠCH\nPAPI huyện Lục Yên năm 2024\n\nI. KẾT QUẢ\n\n"
                "| Năm | Quản trị môi trường | Chất lượng không khí | Chất lượng nước |\n|---|---|---|---|\n"
                "| 2022 | 3,05 | 1,21 | 0,88 |\n| 2023 | 2,97 | 1,15 | 0,90 |\n", fmt="markdown")
    assert codes(ctx, "score_table") == [(7, "Quản trị môi trường"), ("7.2", "Chất lượng không khí"),
                                         ("7.3", "Chất lượng nước")]
