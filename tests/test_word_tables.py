"""Word's "Save as Plain Text" tables and lists: spilled cells rejoined, list-item tabs read as spaces."""

from __future__ import annotations

from papi_extract.pipeline import parse_text
from papi_extract.word_tables import join_spilled_cells

TABLE = (
    "STT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời gian\n"
    "1\tCông khai dự toán ngân sách xã\tPhòng Tài chính - Kế hoạch\t+ UBND các xã;\n"
    "+ Ban Thanh tra nhân dân\tQuý I/2023\n"
    "2\tRà soát hộ nghèo năm 2023\tPhòng Lao động - TB&XH\tUBND các xã\tTháng 10/2023\n"
    "3\tNiêm yết thủ tục hành chính.\n"
    "Cập nhật bộ thủ tục mới\tVăn phòng HĐND và UBND huyện\tPhòng Tư pháp\tThường xuyên\n"
)


def test_spilled_cells_go_back_on_their_row_and_nothing_moves() -> None:
    out = join_spilled_cells(TABLE)
    assert len(out) == len(TABLE)  # one space for one newline: every offset after it is kept
    rows = out.split("\n")
    assert rows[1] == ("1\tCông khai dự toán ngân sách xã\tPhòng Tài chính - Kế hoạch\t+ UBND các xã; "
                       "+ Ban Thanh tra nhân dân\tQuý I/2023")
    assert rows[2].startswith("2\tRà soát")  # a full row is left alone
    assert rows[3] == ("3\tNiêm yết thủ tục hành chính. Cập nhật bộ thủ tục mới\tVăn phòng HĐND và UBND huyện"
                       "\tPhòng Tư pháp\tThường xuyên")


def test_rows_that_do_not_add_up_and_group_rows_are_left_alone() -> None:
    text = ("TT\tNội dung\tChủ trì\tThời gian\nI\tCông khai, minh bạch\n1\tNiêm yết\tUBND xã\tQuý II\n"
            "2\tTuyên truyền\tĐài truyền thanh\tThường xuyên\nGhi chú: số liệu tạm tính\n")
    assert join_spilled_cells(text) == text


def test_list_items_exported_with_a_tab_are_items() -> None:
    text = "1.\tSở Nội vụ\n-\tTheo dõi, tổng hợp kết quả.\n"
    assert join_spilled_cells(text) == "1. Sở Nội vụ\n- Theo dõi, tổng hợp kết quả.\n"
    table = "TT\tNội dung\tChủ trì\n1.\tTham gia của người dân\n1\tTập huấn\tSở Nội vụ\n"
    assert join_spilled_cells(table) == table  # a short row between table rows stays a row


def test_a_word_export_plan_reads_spilled_agencies_and_list_items() -> None:
    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện Vũ Quang năm 2023\n\nI. MỤC TIÊU\n"
        "-\tChỉ số PAPI của tỉnh năm 2023 đạt từ 43,00 điểm trở lên.\n\nII. NHIỆM VỤ\n\n" + TABLE)
    tasks = {t.text.split()[0]: t for t in doc.tasks}
    t1 = tasks["Công"]
    assert [a.raw for a in t1.support] == ["UBND các xã", "Ban Thanh tra nhân dân"]
    assert [d.raw for d in t1.deadlines] == ["Quý I/2023"]
    t3 = tasks["Niêm"]
    assert [a.raw for a in t3.lead] == ["Văn phòng HĐND và UBND huyện"]
    assert [(s.kind, s.value) for s in doc.scores] == [("target", 43.0)]


def test_a_line_of_only_a_tab_is_no_table_run() -> None:
    """A header table's empty row exported as a lone tab ("\t" between "HUYỆN X<TAB>Độc lập …" and "Số: …")
    is a blank line: no crash, nothing changed, and the plan around it parses."""
    text = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN AN MINH\tĐộc lập - Tự do - Hạnh phúc\n\t\n \t \n"
    assert join_spilled_cells(text) == text
    from papi_extract.pipeline import parse_text

    doc = parse_text(text + "Số: 12/KH-UBND\tAn Minh, ngày 5 tháng 3 năm 2021\n\nKẾ HOẠCH\nNâng cao Chỉ số PAPI\n")
    assert (doc.number, doc.symbol) == ("12/KH-UBND", "KH-UBND")


def test_a_field_lines_tab_after_its_name_is_a_space() -> None:
    from papi_extract.pipeline import parse_text

    # docx2txt: "-<TAB>Đơn vị chủ trì:<TAB>…" under an item; a tail's "Nơi nhận:<TAB>TM. …" stays two columns
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI xã năm 2024\n\nI. NHIỆM VỤ\n\n"
        "1. Niêm yết công khai thủ tục hành chính tại Bộ phận một cửa của xã.\n\n"
        "-\tĐơn vị chủ trì:\tCông chức Văn phòng - Thống kê.\n\n"
        "-\tĐơn vị phối hợp:\tCông chức Tư pháp - Hộ tịch.\n\n"
        "Thời hạn:\tQuý III/2024.\n\n"
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- UBND huyện;\tCHỦ TỊCH\n- Lưu: VT.\n\nNguyễn Văn An\n"
    )
    doc = parse_text(text)
    task = next(t for t in doc.tasks if t.label == "1")
    assert [a.name for a in task.lead] == ["Công chức Văn phòng - Thống kê"]
    assert [a.name for a in task.support] == ["Công chức Tư pháp - Hộ tịch"]
    assert [(d.kind, d.end) for d in task.deadlines] == [("quarter", "2024-09-30")]
    assert doc.signer is not None and doc.signer.authority == "TM. Ủy ban nhân dân"


def test_a_header_row_is_never_a_spilled_paragraph_of_the_lines_above_it() -> None:
    # odfpy: no blank line anywhere; a one-row header table on one line (one tab), the title and paragraphs under
    # it, then a score table whose header starts "TT", then more paragraphs and a task table whose header starts
    # with another column ("Chỉ số thành phần<TAB>TT<TAB>…")
    text = "\n".join([
        "ỦY BAN NHÂN DÂN HUYỆN LÂM HÀ  Số: 12/KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KẾ HOẠCH",
        "Nâng cao Chỉ số PAPI huyện Lâm Hà năm 2024",
        "I. KẾT QUẢ",
        "TT\tChỉ số nội dung\tNăm 2022\tNăm 2023\tTăng, giảm",
        "1\tTham gia của người dân ở cấp cơ sở\t4,90\t5,01\t+0,11",
        "2\tQuản trị điện tử\t3,10\t3,22\t+0,12",
        "\tTổng điểm\t42,00\t42,30\t+0,30",
        "II. NHIỆM VỤ",
        "Các nhiệm vụ cụ thể như sau:",
        "Chỉ số thành phần\tTT\tNội dung công việc\tChủ trì\tPhối hợp\tThời gian",
        "Y tế công lập\t1\tKiểm tra trạm y tế xã\tPhòng Y tế\tTrung tâm Y tế huyện\tQuý III/2024",
    ])
    out = join_spilled_cells(text).split("\n")
    assert out[1:4] == ["KẾ HOẠCH", "Nâng cao Chỉ số PAPI huyện Lâm Hà năm 2024", "I. KẾT QUẢ"]
    assert out[4].startswith("TT\t") and out[-2].startswith("Chỉ số thành phần\tTT\t")
    assert "Các nhiệm vụ cụ thể như sau:" in out


def test_paragraphs_and_a_two_column_tail_after_a_table_stay_lines_of_their_own() -> None:
    """With no blank line anywhere, the run of a table goes on to the end of the text: the paragraphs after it
    ("IV. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ", …) and the tail's one-tab rows ("Nơi nhận:<TAB>TM. ỦY BAN …") add up
    to the table's width, but start no row of it; a header whose cell wraps ("Tăng (+)" / "giảm (-)<TAB>…") is
    still joined."""
    text = ("TT\tChỉ số\tNăm 2022\tNăm 2023\tTăng (+)\n" "giảm (-)\tXếp hạng\n"
            "1\tQuản trị điện tử\t3,02\t2,71\t-0,31\t44/63\n"
            "2\tThủ tục hành chính công\t7,31\t7,25\t-0,06\t38/63\n"
            "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\nTheo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
            "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- UBND tỉnh (b/c);\tCHỦ TỊCH\n- Sở Nội vụ;\t\n- Các huyện;\t(Đã ký)\n"
            "- Lưu: VT.\tNguyễn Văn An\n")
    rows = join_spilled_cells(text).split("\n")
    assert rows[0] == "TT\tChỉ số\tNăm 2022\tNăm 2023\tTăng (+) giảm (-)\tXếp hạng"
    assert rows[3:7] == ["IV. TỔ CHỨC THỰC HIỆN", "1. Sở Nội vụ", "Theo dõi, đôn đốc việc thực hiện Kế hoạch.",
                         "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN"]


def test_the_last_cells_later_paragraphs_go_back_on_their_row() -> None:
    # the time cell holds two paragraphs: the second, with no tab, is printed under the row
    text = ("TT\tNội dung\tChủ trì\tPhối hợp\tThời hạn\n"
            "1\tRà soát quy trình tiếp công dân\tThanh tra huyện\tPhòng Tư pháp\tQuý II/2022,\n"
            "tổng kết trước ngày 20/12/2022\n"
            "2\tTổ chức đối thoại với người dân\tVăn phòng HĐND và UBND huyện\tUBND các xã\tHằng năm;\n"
            "Quý IV/2022 tổ chức sơ kết\n"
            "3\tCông khai kết quả giải quyết khiếu nại\tThanh tra huyện\tPhòng Nội vụ\tThường xuyên\n"
            "Ghi chú: số liệu tạm tính\n")
    out = join_spilled_cells(text)
    assert len(out) == len(text)
    rows = out.split("\n")
    assert rows[1].endswith("\tQuý II/2022, tổng kết trước ngày 20/12/2022")
    assert rows[2].endswith("\tHằng năm; Quý IV/2022 tổ chức sơ kết")  # after ";" a capital goes on too
    # a row whose last cell is closed: the line under it (a note) stays a line of its own
    assert rows[3].endswith("\tThường xuyên") and rows[4] == "Ghi chú: số liệu tạm tính"
    doc = parse_text("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2022\n\nII. NHIỆM VỤ\n" + text)
    assert [str(d.end) for d in doc.tasks[0].deadlines] == ["2022-06-30", "2022-12-20"]


def test_a_table_whose_rows_are_named_by_their_sub_dimension() -> None:
    """Word's text export of a table with no number column: "Chỉ số" names each row's sub-dimension in short words,
    a dimension's group row stands alone on its line (run onto the next row's first cell by the export's joining).
    Every line is a row of its own; each takes the sub-dimension its first cell names, under its group's dimension."""
    from papi_extract.pipeline import parse_text

    rows = [
        "Chỉ số\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian",
        "Chỉ số nội dung 3: Trách nhiệm giải trình với người dân",
        "Tương tác với chính quyền\tTổ chức đối thoại của Chủ tịch UBND huyện với Nhân dân\tVăn phòng HĐND và UBND huyện\tUBND các xã\tQuý III/2024",
        "Giải đáp khiếu nại, tố cáo\tGiải quyết đơn thư tồn đọng kéo dài\tThanh tra huyện\tPhòng Tài nguyên và Môi trường\tNăm 2024",
        "Chỉ số nội dung 6: Cung ứng dịch vụ công",
        "Giáo dục tiểu học\tSửa chữa phòng học các điểm trường lẻ\tPhòng Giáo dục và Đào tạo\tUBND các xã\tTrước ngày 30/8/2024",
        "An ninh trật tự\tDuy trì tổ tự quản về an ninh ở các thôn\tCông an huyện\tUBND các xã\tThường xuyên",
    ]
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Krông Nô năm 2024\n\nII. NHIỆM VỤ CỤ THỂ\n" + "\n".join(rows)
            + "\n\nIII. TỔ CHỨC THỰC HIỆN\n")
    tasks = parse_text(text).tasks
    assert [(t.text.split()[0], t.dimension, t.subdimension) for t in tasks] == [
        ("Tổ", 3, "3.1"), ("Giải", 3, "3.2"), ("Sửa", 6, "6.2"), ("Duy", 6, "6.4")]
    assert [a.name for a in tasks[1].lead] == ["Thanh tra huyện"]
