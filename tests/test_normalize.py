"""Canonical text: NFC, no markup, layout evidence kept; the folded matching form."""

from __future__ import annotations

import unicodedata

from papi_extract.normalize import collapse_ws, fold, normalize


def test_fold_is_length_preserving_and_folds_ocr_slips_and_tone_placement() -> None:
    pairs = [
        ("KÉ HOẠCH", "KẾ HOẠCH"),
        ("MŲC ĐÍCH", "MỤC ĐÍCH"),
        ("Viêt Nam", "Việt Nam"),
        ("Bô Nôi vu", "Bộ Nội vụ"),
        ("hoá", "hóa"),
        ("Uỷ ban", "Ủy ban"),
    ]
    for a, b in pairs:
        a, b = unicodedata.normalize("NFC", a), unicodedata.normalize("NFC", b)
        assert fold(a) == fold(b)
        assert len(fold(a)) == len(a)
    assert fold("Đông Hoà") == "dong hoa"
    assert fold("(−0,21 điểm)") == "(-0,21 diem)"  # the typeset minus sign matches as the hyphen-minus


def test_markdown_markup_is_removed_and_evidence_kept() -> None:
    text = "## **KẾ HOẠCH**\n\n#### **I. MỤC ĐÍCH, YÊU CẦU**\n\n**5. Quản trị môi trường:** Chất lượng không khí giảm 0,12 điểm.\n"
    n = normalize(text)
    assert n.format == "markdown"
    assert n.line_text(0) == "KẾ HOẠCH"
    assert n.lines[0].md_level == 2
    assert n.line_text(2) == "I. MỤC ĐÍCH, YÊU CẦU" and n.lines[2].md_level == 4 and n.lines[2].bold
    line = n.line_text(4)
    assert line == "5. Quản trị môi trường: Chất lượng không khí giảm 0,12 điểm."
    assert line[: n.lines[4].bold_end] == "5. Quản trị môi trường:"


def test_star_bullet_survives_and_italics_go() -> None:
    n = normalize("- * Ngoài nhiệm vụ nêu trên, *các cơ quan* chủ động.\n")
    assert n.text == "- * Ngoài nhiệm vụ nêu trên, các cơ quan chủ động.\n"


def test_html_tags_entities_crlf_and_nfd() -> None:
    nfd = unicodedata.normalize("NFD", "Quyết định <i>số 21/2017</i> &amp; Kế hoạch\r\nDòng hai\rDòng ba")
    n = normalize(nfd)
    assert n.text == "Quyết định số 21/2017 & Kế hoạch\nDòng hai\nDòng ba"
    assert unicodedata.is_normalized("NFC", n.text)


def test_line_offsets_cover_the_text() -> None:
    n = normalize("a\n\n  b\tc\n")
    assert [n.line_text(i) for i in range(len(n.lines))] == ["a", "", "  b\tc", ""]
    assert collapse_ws("  a \t b ") == "a b"


def test_fold_matches_the_per_character_definition() -> None:
    """fold() goes through a 256-byte codec for frequent characters and patches the rest one by
    one; every character must still fold exactly as ``_fold_char`` defines it."""
    from papi_extract.normalize import _fold_char, _fold_codec

    assert not isinstance(_fold_codec()[0], dict)  # charmap_build's C table, not its slow dict form

    sample = "".join(chr(cp) for cp in range(0x0000, 0x2100)) + "Ų?ų\ue000\U0001d400𐐀 Đà Nẵng “x” – …"
    assert fold(sample) == "".join(_fold_char(c) for c in sample)
    assert fold("") == "" and fold("?") == "?"


def test_lines_without_markup_only_lose_trailing_blanks() -> None:
    """The fast path for lines holding no '#', '*', '\\' or (markdown) '_' must keep every
    other line's markup handling and offsets."""
    text = "a  \nsnake_case_name\t\n1\\. Mục \\[a\\]\n  ## Tiêu đề ##  \n_nghiêng_ và __đậm__\n\n"
    as_text = normalize(text, "text")
    # (the tab closing "snake_case_name", between lines without tabs, is a stray tab: dropped, see
    # test_a_stray_tab_closing_a_prose_line_is_dropped_but_not_a_table_row_s)
    assert as_text.text.split("\n") == ["a", "snake_case_name", "1. Mục [a]", "Tiêu đề", "_nghiêng_ và __đậm__", "", ""]
    assert as_text.lines[3].md_level == 2
    as_md = normalize(text, "markdown")
    assert as_md.line_text(4) == "nghiêng và đậm" and as_md.lines[4].bold is False
    for n in (as_text, as_md):
        assert [n.line_text(i) for i in range(len(n.lines))] == [n.text[li.start : li.end] for li in n.lines]


def test_unicode_spaces_and_zero_width_characters() -> None:
    n = normalize("a\u00a0b\u2009c\u3000d\u200be\u00adf &nbsp;g\n", "text")
    assert n.text == "a b c def  g\n"


def test_fold_memo_gives_the_same_answer() -> None:
    """Short strings are memoized; the memo must agree with the direct computation, even when full."""
    from papi_extract import normalize as norm

    words = [f"Phòng Nội vụ {i} ĐẮK LẮK Ų" for i in range(300)]
    first = [fold(w) for w in words]
    assert first == [norm._fold(w) for w in words]
    norm._FOLD_MEMO.clear()
    assert [fold(w) for w in words] == first
    long = "Ủy ban nhân dân " * 20
    assert fold(long) == norm._fold(long) and long not in norm._FOLD_MEMO


def test_ocr_letters_inside_numbers_are_read_as_digits() -> None:
    """ "2O24", "3,O9", "3,3O", "1O/2024", "0,l5": a look-alike letter inside a number is its digit;
    Roman numerals, words and codes keep their letters; the length never changes (spans stay valid)."""
    src = "Năm 2O24 đạt 3,O9/10 điểm, tăng 0,l5 điểm; mục tiêu 3,3O điểm trước Tháng 1O/2024. Quý IV/2024, ISO 9001."
    text = normalize(src).text
    assert text == ("Năm 2024 đạt 3,09/10 điểm, tăng 0,15 điểm; mục tiêu 3,30 điểm trước Tháng 10/2024. "
                    "Quý IV/2024, ISO 9001.")
    assert len(text) == len(src)


def test_line_breaks_part_words_never_glue_them() -> None:
    """ "<br>" in a pipe-table cell parts its paragraphs ("; " unless punctuation ends the first); in
    running text it is a space. Deleting it glued "Môi trường<br>UBND" into "Môi trườngUBND"."""
    row = "| 3 | Kiểm tra nước sạch | Phòng Kinh tế | Trung tâm Y tế huyện<br>UBND các xã; <br/>Hội Phụ nữ | Quý II/2024<br>Quý IV/2024 |"
    out = normalize(row + "\n").text
    assert "| Trung tâm Y tế huyện; UBND các xã; Hội Phụ nữ | Quý II/2024; Quý IV/2024 |" in out
    assert normalize("Kính gửi:<br>Sở Nội vụ\n").text == "Kính gửi: Sở Nội vụ\n"


def test_bold_run_in_head_of_a_list_item() -> None:
    """ "- **Chỉ số X:** text": the bold head of a list item is kept as evidence like a paragraph's."""
    n = normalize("Các nhiệm vụ:\n\n+ **Kiểm soát tham nhũng trong khu vực công:** Thanh tra huyện kiểm tra.\n",
                  fmt="markdown")
    line = n.line_text(2)
    assert line == "+ Kiểm soát tham nhũng trong khu vực công: Thanh tra huyện kiểm tra."
    assert n.lines[2].bold and line[: n.lines[2].bold_end] == "+ Kiểm soát tham nhũng trong khu vực công:"


def test_pandoc_hard_line_breaks() -> None:
    """Pandoc ends a hard-broken line with a backslash ("- Sở Y tế;\\"): a line break, not text."""
    n = normalize("**Nơi nhận:**\\\n\\- Sở Y tế (b/c);\\\n\\- Lưu: VT.\n", fmt="markdown")
    assert n.text == "Nơi nhận:\n- Sở Y tế (b/c);\n- Lưu: VT.\n"


def test_footnote_marks_of_a_pdf_converter() -> None:
    """ "<sup>3</sup> Nghị quyết …" opening a line is the footnote itself (a markdown definition); the
    citation "…)<sup>3</sup>." is dropped, never glued onto the figure before it; "m<sup>2</sup>" stays."""
    n = normalize("Tổng điểm 42,5<sup>3</sup> điểm; diện tích 200 m<sup>2</sup>.\n\n<sup>3</sup> Theo Báo cáo PAPI 2024.\n",
                  fmt="markdown")
    assert n.text == "Tổng điểm 42,5 điểm; diện tích 200 m2.\n\n[^3]: Theo Báo cáo PAPI 2024.\n"


def test_pictographs_leading_a_line_of_a_social_post() -> None:
    """ "📌 II. NHIỆM VỤ" keeps its heading without the pictograph; "✅ Rà soát …" is a list item; a pictograph
    inside a line stays."""
    n = normalize("📌 II. NHIỆM VỤ\n✅ Rà soát hộ nghèo.\n🔹🔹 a) Công khai ngân sách\nĐạt kết quả tốt 👍\n")
    assert n.text == "II. NHIỆM VỤ\n- Rà soát hộ nghèo.\na) Công khai ngân sách\nĐạt kết quả tốt 👍\n"


def test_a_mark_after_a_lists_own_bullet_goes() -> None:
    """ "- ✅ Rà soát …" (an HTML list item marked again, "<li>✅ …</li>"): the list's bullet stays, the mark goes."""
    n = normalize("- ✅ Trạm Y tế xã khám sức khỏe.\n+ ➤ Công an xã tuần tra.\n- Đạt kết quả tốt 👍\n")
    assert n.text == "- Trạm Y tế xã khám sức khỏe.\n+ Công an xã tuần tra.\n- Đạt kết quả tốt 👍\n"


def test_numbering_glyphs_are_read_as_plain_labels() -> None:
    """Roman numeral characters ("Ⅲ.", "ⅳ)"), full-width ("２．") and mathematical ("𝟐.") digits are the plain
    characters in another face; a circled number or a keycap opening a line ("② …", "❸ …", "3️⃣ …", "### ⑤ …") is
    that line's number. Inside a line a circled number stays."""
    n = normalize("Ⅲ. NHIỆM VỤ\n２．Công khai\nⅳ) Rà soát\n𝟐. TỔ CHỨC\n② Phòng Y tế kiểm tra.\n"
                  "  ❸ Công an xã tuần tra.\n3️⃣ Đoàn Thanh niên ra quân.\n### ⑤ Quản trị điện tử\nxem mục ② ở trên\n")
    assert n.text.split("\n")[:9] == [
        "III. NHIỆM VỤ", "2.Công khai", "iv) Rà soát", "2. TỔ CHỨC", "2. Phòng Y tế kiểm tra.",
        "  3. Công an xã tuần tra.", "3. Đoàn Thanh niên ra quân.", "5. Quản trị điện tử", "xem mục ② ở trên"]


def test_symbol_font_bullets_lost_marks_and_tab_indented_arrow_lines() -> None:
    """Word's text export keeps Symbol/Wingdings bullets as private-use characters ("\uf0a7", "\uf0e0"): they are read
    as the marks they draw; a replacement character before a tab opening a line is a lost bullet; an arrow line
    indented by a tab under an item is an indented line (no table cell), unless the line above is a table's row; a
    pictograph inside a line's emphasis ("**❖ 2. …**") goes before a label as at the line's start."""
    text = ("\uf0a7\tRà soát thủ tục hành chính cấp xã.\n\t\uf0e0 Chủ trì: Văn phòng UBND huyện.\n"
            "\t\ufffd Tuyên truyền Luật Tiếp cận thông tin.\n\n"
            "STT\tNội dung\tChủ trì\n1\tCông khai ngân sách\tPhòng Tài chính\n\t→ ghi chú của ô\n\n"
            "**❖ 2. Công khai, minh bạch**\n")
    lines = normalize(text).text.split("\n")
    assert lines[0] == "- Rà soát thủ tục hành chính cấp xã."  # (▪ read as a bullet, as it always was)
    assert lines[1] == "  → Chủ trì: Văn phòng UBND huyện."
    assert lines[2] == "  • Tuyên truyền Luật Tiếp cận thông tin."
    assert "\t→ ghi chú của ô" in lines  # under a table's row: the tab may be an empty cell
    assert "2. Công khai, minh bạch" in lines[-2:]


def test_an_escaped_star_in_markdown_is_a_literal_star_not_emphasis() -> None:
    # a CMS's markdown escapes a star that opens a line ("\* Giao …", a star bullet typed by hand)
    norm = normalize("\\* Giao Phòng Y tế chủ trì thực hiện:\n\n**Sở Tư pháp** phối hợp \\*\n", "markdown")
    lines = norm.text.split("\n")
    assert lines[0] == "* Giao Phòng Y tế chủ trì thực hiện:"
    assert lines[2] == "Sở Tư pháp phối hợp *"


def test_a_list_marker_alone_on_its_line_joins_the_item_below_it() -> None:
    # a scraper's get_text("\n"): the "+" typed before a bold run is a line of its own
    text = ("2.1. Công khai, minh bạch\n+\nCông chức Tài chính - Kế toán:\nniêm yết dự toán ngân sách tại nhà văn hóa.\n"
            "+\nTrưởng các ấp\nthông báo kết quả họp dân trên loa truyền thanh.\n")
    lines = normalize(text, "text").text.split("\n")
    assert lines[1] == "+ Công chức Tài chính - Kế toán:"
    assert lines[3] == "+ Trưởng các ấp"
    # inside a table exported one cell per line a "-" is an empty cell: the cell before it ends on no stop
    cells = "TT\nNhiệm vụ\nChủ trì\nPhối hợp\nThời hạn\n1\nCập nhật Trang thông tin điện tử xã\nCông chức Văn phòng - Thống kê\n-\nHằng tuần\n"
    assert "\nCông chức Văn phòng - Thống kê\n-\nHằng tuần\n" in normalize(cells, "text").text


def test_a_dotted_label_alone_joins_its_text_when_it_numbers_on() -> None:
    text = ("3. TỔ CHỨC THỰC HIỆN\n3.1. Phòng Nội vụ\nTheo dõi, tổng hợp kết quả thực hiện Kế hoạch.\n3.2.\n"
            "Đề nghị Hội Nông dân huyện tuyên truyền hội viên tham gia khảo sát.\n")
    assert "\n3.2. Đề nghị Hội Nông dân huyện" in normalize(text, "text").text
    # row numbers of a table exported one cell per line stay alone: no labelled line with text before them
    cells = ("2. Nhiệm vụ cụ thể\nTT\nNội dung\nChủ trì\n2.1.\nRà soát thủ tục hành chính.\nBáo cáo kết quả.\n2.2.\n"
             "Công khai dự toán ngân sách.\nPhòng Tài chính - Kế hoạch\n")
    assert "\n2.2.\nCông khai dự toán" in normalize(cells, "text").text


def test_a_note_wrapped_before_its_dash_is_one_line_not_a_list_item() -> None:
    # a text browser's justified dump: "(Nội dung" at a line's end, "- Y tế công lập)." on the next
    text = ("- Rà soát, bổ sung thuốc thiết yếu cho các trạm y tế xã (Nội dung\n   - Y tế công lập).\n\n"
            "- Kiểm tra an toàn thực phẩm (Quý III/2024).\n")
    lines = normalize(text, "text").text.split("\n")
    assert lines[0] == "- Rà soát, bổ sung thuốc thiết yếu cho các trạm y tế xã (Nội dung - Y tế công lập)."
    assert "- Kiểm tra an toàn thực phẩm (Quý III/2024)." in lines


def test_a_justified_line_of_fixed_character_cells_is_prose_with_single_spaces() -> None:
    # pdftotext -fixed: a justified line's words parted by runs of spaces
    text = ("   - Phòng      Văn   hóa   và    Thông    tin   chủ   trì   tuyên    truyền   Luật   Thực    hiện\n"
            "   dân chủ ở cơ sở trên sóng truyền thanh.\n"
            "   1    Thủ tục hành chính công     7,10    7,25    +0,15\n")
    lines = normalize(text, "text").text.split("\n")
    assert lines[0] == "   - Phòng Văn hóa và Thông tin chủ trì tuyên truyền Luật Thực hiện"
    # a space-aligned row (several words to a cell, figures) keeps its columns
    assert lines[2] == "   1    Thủ tục hành chính công     7,10    7,25    +0,15"


def test_a_numbered_headings_parenthesis_wrapped_onto_a_short_line_is_joined() -> None:
    text = ("                  3.2. Giải quyết khiếu nại, tố cáo (năm 2022: 1,20 điểm; năm 2023: 1,35\n"
            "                  điểm)\n"
            "                  - Thanh tra thị xã giải quyết dứt điểm các vụ việc tồn đọng (theo Kế hoạch\n"
            "                  số 12/KH-TTr của Thanh tra thị xã về việc giải quyết các vụ việc khiếu nại, tố cáo).\n")
    lines = normalize(text, "text").text.split("\n")
    assert lines[0].strip() == "3.2. Giải quyết khiếu nại, tố cáo (năm 2022: 1,20 điểm; năm 2023: 1,35 điểm)"
    # a long rest of a parenthesis is a sentence wrapped, not a heading's: left as it is
    assert lines[2].strip().startswith("số 12/KH-TTr")


def test_a_letter_spaced_title_is_its_words() -> None:
    # pdftotext -fixed justifies a centred title across the line: "QUYẾT     ĐỊNH"
    text = ("                                   QUYẾT     ĐỊNH\n"
            "                  Về việc ban hành Kế hoạch nâng cao Chỉ số PAPI năm 2024\n"
            "  ỦY BAN NHÂN DÂN        CỘNG HÒA\n")
    lines = normalize(text, "text").text.split("\n")
    assert lines[0].strip() == "QUYẾT ĐỊNH"
    # two multi-word columns of a header line stay apart
    assert lines[2] == "  ỦY BAN NHÂN DÂN        CỘNG HÒA"


def test_a_headings_parenthesis_wrapped_with_a_second_years_score_is_joined() -> None:
    text = ("                  5.3. Thủ tục hành chính cấp xã (năm 2022: 1,80\n"
            "                  điểm; năm 2023: 1,91 điểm)\n"
            "                  - Niêm yết thủ tục hành chính tại Bộ phận Một cửa.\n")
    assert normalize(text, "text").text.split("\n")[0].strip() == (
        "5.3. Thủ tục hành chính cấp xã (năm 2022: 1,80 điểm; năm 2023: 1,91 điểm)")


def test_a_page_number_printed_beside_a_line_goes() -> None:
    """PyMuPDF's sort=True prints a page's footer number on the baseline of the text beside it, far right, after
    the page break ("b) Phòng Y tế:\\f      5"), or after a long line of prose. The number goes, the text and the
    page break stay; a short two-column row's figure ("Tổng điểm        43") and a table row's last column stay."""
    text = ("- Tổ chức hội nghị đối thoại giữa Chủ tịch UBND huyện với người dân về đất đai"
            + " " * 30 + "7\n"
            + "b) Phòng Y tế:\f" + " " * 36 + "5\n"
            + "Tổng điểm" + " " * 24 + "43\n"
            + "1   Tham gia của người dân ở cấp cơ sở      4,70     4,91" + " " * 22 + "12\n")
    lines = normalize(text).text.split("\n")
    assert lines[0] == "- Tổ chức hội nghị đối thoại giữa Chủ tịch UBND huyện với người dân về đất đai"
    assert lines[1] == "b) Phòng Y tế:"
    assert lines[2].endswith("43") and lines[3].endswith("12")


def test_a_sentence_cut_by_a_page_break_goes_on_after_the_blank_line() -> None:
    """A page's last line ends on the page break, a blank line, then the next page goes on in lower case: one
    paragraph. A capital after the break opens a new one."""
    text = ("Nội dung thành phần Tiếp cận dịch vụ tư pháp giảm 0,09\f\n\nđiểm so với năm 2022.\n"
            "Kết quả năm 2023 đạt 4,5 điểm.\f\n\nTrong năm 2024, huyện tập trung khắc phục.\n")
    assert normalize(text).text.split("\n")[:5] == [
        "Nội dung thành phần Tiếp cận dịch vụ tư pháp giảm 0,09", "điểm so với năm 2022.",
        "Kết quả năm 2023 đạt 4,5 điểm.", "", "Trong năm 2024, huyện tập trung khắc phục."]


def test_a_page_taken_with_a_separator_between_its_text_nodes_loses_the_walls() -> None:
    """BeautifulSoup's get_text(separator=" | "): every line opens and closes on the separator, the nodes of one
    line are parted by it. The walls go; a label ending in a colon keeps its value, a node going on in lower case
    stays on its line, other nodes open lines of their own. A markdown table (with its rule) is left alone."""
    walled = ("\n".join([" | ", " | UBND XÃ TÂN AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | ", " | Số: 12/KH-UBND | ",
                         " | KẾ HOẠCH | ", " | I. MỤC ĐÍCH | ", " | Nâng cao chất lượng phục vụ. | ", " | ",
                         " | II. NHIỆM VỤ | ", " | Đơn vị chủ trì: |  Công an xã.  | Thời gian: |  Quý II/2024. | ",
                         " | Tuyên truyền | pháp luật | đến Nhân dân. | ", " | "]) + "\n")
    lines = normalize(walled).text.split("\n")
    assert lines[1:4] == ["UBND XÃ TÂN AN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/KH-UBND"]
    assert "Đơn vị chủ trì: Công an xã." in lines and "Thời gian: Quý II/2024." in lines
    assert "Tuyên truyền pháp luật đến Nhân dân." in lines
    table = "| TT | Nội dung |\n|---|---|\n" + "| 1 | Tuyên truyền |\n" * 10
    assert normalize(table).text.startswith("| TT | Nội dung |")


def test_a_line_break_written_as_backslash_n_inside_a_table_cell() -> None:
    """pandoc's ZimWiki writer (and a table dumped from JSON) writes a cell's line break as the two characters
    "\\n": read as the cell's <br> (a wrapped name joins, two agencies stay two, two "- " items stay two tasks);
    a "\\n" outside a table row, or before a digit ("C:\\new" is no break either way), is left alone."""
    from papi_extract.pipeline import parse_text

    row = ("|1|- Niêm yết dự toán ngân sách xã\\n- Công khai quỹ do Nhân dân đóng góp|UBND các xã|Phòng Lao động -"
           " Thương binh\\nvà Xã hội; \\nHội Nông dân huyện|Quý II/2024|")
    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n\nI. NHIỆM VỤ\n\n"
            "|TT|Nội dung|Chủ trì|Phối hợp|Thời gian|\n|--|--|--|--|--|\n" + row + "\n\nGhi chú: đường dẫn C:\\new.\n")
    norm = normalize(text, "markdown").text
    assert "\\n" not in norm.split("Ghi chú")[0] and "C:\\new" in norm
    tasks = parse_text(text).tasks
    assert [t.text for t in tasks] == ["Niêm yết dự toán ngân sách xã", "Công khai quỹ do Nhân dân đóng góp"]
    assert [a.name for a in tasks[0].support] == ["Phòng Lao động - Thương binh và Xã hội", "Hội Nông dân huyện"]


def test_a_cell_listing_one_agency_per_line_ends_on_a_collective() -> None:
    """A pipe cell of agencies one per "<br>" line whose last line is a collective in lower case ("các cơ quan, đơn vị
    liên quan") keeps it as one more item; a task cell wrapped before "các" (no earlier line opened a name) joins."""
    row = "| 1 | Rà soát thủ tục<br>các lĩnh vực đất đai | Sở Nội vụ<br>Sở Tư pháp<br>các cơ quan, đơn vị liên quan | Quý II |\n"
    norm = normalize("| TT | Nội dung | Phối hợp | Thời gian |\n|---|---|---|---|\n" + row, "markdown").text
    assert "| Rà soát thủ tục các lĩnh vực đất đai |" in norm
    assert "| Sở Nội vụ; Sở Tư pháp; các cơ quan, đơn vị liên quan |" in norm


def test_a_markdown_code_fence_is_markup_its_lines_are_kept() -> None:
    """A table pasted in a fence ("```csv" … "```", "~~~"): the fence lines go blank, the lines it holds stay."""
    out = normalize("Bảng:\n\n```csv\nSTT,Nội dung,Chủ trì\n1,Rà soát,Phòng Nội vụ\n```\n\n~~~\nx\n~~~\n", "markdown").text
    assert out == "Bảng:\n\n\nSTT,Nội dung,Chủ trì\n1,Rà soát,Phòng Nội vụ\n\n\n\nx\n\n"


def test_a_stray_tab_closing_a_prose_line_is_dropped_but_not_a_table_row_s() -> None:
    """ "Trong 08 chỉ số, có 05 chỉ số tăng điểm, cụ thể:<TAB>" between lines without tabs: the tab goes (the line is
    no one-cell table row); a tab row's empty last cell ("2<TAB>Rà soát<TAB>") and a line beside tab rows keep theirs."""
    out = normalize("Năm 2025, tỉnh đạt 44,1 điểm, cụ thể:\t \n- Tham gia: 5,1 điểm.\n\n"
                    "TT\tNội dung\tChủ trì\n2\tRà soát\t\n", "text").text
    assert out == "Năm 2025, tỉnh đạt 44,1 điểm, cụ thể:\n- Tham gia: 5,1 điểm.\n\nTT\tNội dung\tChủ trì\n2\tRà soát\t\n"
