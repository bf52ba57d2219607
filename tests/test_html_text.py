"""HTML input: a seed published as a portal page comes back one block per line, chrome dropped."""

from __future__ import annotations

import regex
from conftest import CORPUS

from papi_extract.fixtures import to_html_page
from papi_extract.html_text import _headings, _in_page_order, _restore_dropped, html_to_text
from papi_extract.normalize import normalize
from papi_extract.pipeline import parse_bytes

CHROME = ("Trang chủ", "Giới thiệu", "Thống kê truy cập", "Bản quyền thuộc về", "var tracker", ".menu{")
_MARKS = regex.compile(r"^(?:#{1,6} |- )|\*\*")
seed_to_page = to_html_page


def _content(line: str) -> str:
    return " ".join(_MARKS.sub("", line).split())


def _check_seed(stem: str) -> str:
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    out = html_to_text(seed_to_page(text))
    for chrome in CHROME:
        assert chrome not in out
    got = [_content(x) for x in out.splitlines() if x.strip()]
    want = [_content(x) for x in text.splitlines() if x.strip()]
    # Every line of the seed is a line of the output, in order (tables: the same cells, tab-separated).
    got_cells = [[c.strip() for c in g.split("\t")] for g in got]
    want_cells = [[" ".join(c.split()) for c in w.split("\t")] for w in want]
    assert [[c for c in row] for row in got_cells] == [[c for c in row] for row in want_cells]
    return out


def test_headings_lists_and_paragraphs_one_per_line() -> None:
    out = _check_seed("000_4b16b2b6e82d9d4b")
    assert "## KẾ HOẠCH" in out.splitlines()
    assert "- Cơ hội tham gia giảm 0,1 điểm." in out.splitlines()
    page = seed_to_page((CORPUS / "000_4b16b2b6e82d9d4b.txt").read_text(encoding="utf-8"))
    norm = normalize(page, "html")
    heading = next(i for i, li in enumerate(norm.lines) if norm.line_text(i) == "KẾ HOẠCH")
    assert norm.lines[heading].md_level == 2


def test_tables_one_row_per_line_cells_tab_separated() -> None:
    out = _check_seed("003_1e98fec1af34e263")
    row = next(x for x in out.splitlines() if x.startswith("3\tTăng cường công tác phổ biến"))
    assert row.split("\t")[2:] == ["Phòng Tư pháp", "Các cơ quan, ban, ngành, đoàn thể thị xã",
                                   "Kế hoạch phổ biến, giáo dục pháp luật, hòa giải ở cơ sở, chuẩn tiếp cận pháp luật.",
                                   "Theo kế hoạch"]


def test_colspan_keeps_columns_aligned_and_bold_paragraphs_are_marked() -> None:
    page = ("<html><body><p><b>I. MỤC ĐÍCH</b></p><p><strong>5. Quản trị môi trường:</strong> Chất lượng</p>"
            "<ol><li>một</li><li>hai</li></ol><table><tr><td colspan='2'>Trách nhiệm</td><td>Kết quả</td></tr>"
            "<tr><td>Chủ trì</td><td>Phối hợp</td><td>Báo cáo<br>quý</td></tr></table></body></html>")
    assert html_to_text(page).splitlines() == [
        "**I. MỤC ĐÍCH**", "", "**5. Quản trị môi trường:** Chất lượng", "", "1. một", "2. hai", "",
        "Trách nhiệm\t\tKết quả", "Chủ trì\tPhối hợp\tBáo cáo quý",
    ]


def test_html_file_through_the_pipeline() -> None:
    text = (CORPUS / "000_4b16b2b6e82d9d4b.txt").read_text(encoding="utf-8")
    rec = parse_bytes(seed_to_page(text).encode("utf-8"), "archive/ke-hoach-72.html")
    assert rec.record_type == "plan"
    assert rec.source.format == "html"
    assert rec.number == "72/KH-UBND"
    assert "W105" in [w.code for w in rec.warnings]
    assert "Trang chủ" not in str(rec.title) and rec.title and rec.title.startswith("Về việc khắc phục")


def test_garbage_html_gives_text_not_an_exception() -> None:
    assert html_to_text("") == ""
    assert html_to_text("<<<>>>") in ("", "<<<>>>")
    assert html_to_text("<html><body><p>chỉ một dòng</p>") == "chỉ một dòng"


def test_a_page_wrapped_in_one_form_keeps_its_content() -> None:
    """ASP.NET/SharePoint portals put the whole page inside <form>: that is not chrome."""
    text = (CORPUS / "003_1e98fec1af34e263.txt").read_text(encoding="utf-8")
    page = to_html_page(text).replace("<body>", "<body><form id='aspnetForm' method='post'>").replace(
        "</body>", "<input type='hidden' name='__VIEWSTATE' value='dDwtMTA4'></form></body>")
    out = html_to_text(page).splitlines()
    assert "KẾ HOẠCH" in out and "I. MỤC ĐÍCH, YÊU CẦU" in out
    assert any(line.startswith("12\tTổ chức tự kiểm tra công tác giải quyết thủ tục hành chính") for line in out)
    assert "Thống kê truy cập" not in "\n".join(out)


def test_a_page_laid_out_with_tables_is_not_squashed_into_one_row() -> None:
    text = (CORPUS / "000_4b16b2b6e82d9d4b.txt").read_text(encoding="utf-8")
    page = to_html_page(text)
    body = page[page.index("<article class='content'>"):page.index("</article>")]
    grid = ("<html><body><table width='100%'><tr><td class='menu'><a href='/'>Trang chủ</a></td>"
            f"<td class='main'>{body}</td></tr></table></body></html>")
    out = html_to_text(grid).splitlines()
    assert "## KẾ HOẠCH" in out
    assert "- Cơ hội tham gia giảm 0,1 điểm." in out
    assert max(len(line) for line in out) < 1000


def test_fast_helpers_agree_with_the_slow_definitions() -> None:
    """The renderer squashes blanks with str.split (the regex only when one of the four separators
    \\s does not match is present) and measures cell text without building it."""
    from papi_extract.html_text import _WS, _parse, _squash, _text_content, _text_length

    for s in ("  a \t b\n", "a\x1cb  c", "\u00a0x\u2009y\u3000", "", " \x1f "):
        assert _squash(s) == _WS.sub(" ", s).strip()
    root = _parse("<html><body><table><tr><td>a<!-- c -->b<b>c<!--d-->e</b>f<br>g"
                  "<script>var x;</script>h</td><td></td></tr></table></body></html>")
    for el in root.iter():
        if isinstance(el.tag, str):
            assert _text_length(el) == len(_text_content(el))


def test_extraction_equals_trafilatura_extract() -> None:
    """``_extract_html`` skips only the fingerprint ``trafilatura.extract`` computes and drops."""
    import trafilatura

    from papi_extract.html_text import _EXTRACT_OPTIONS, _extract_html

    page = seed_to_page((CORPUS / "000_4b16b2b6e82d9d4b.txt").read_text(encoding="utf-8"))
    for html in (page, "<html><body><p>ngắn</p></body></html>"):
        assert _extract_html(trafilatura, html) == trafilatura.extract(html, **_EXTRACT_OPTIONS)


def test_rowspan_cell_is_repeated_in_the_rows_it_spans() -> None:
    """One lead cell for two task rows is the lead of both, at its column (the rows below keep aligned)."""
    html = (
        "<table><tr><th>TT</th><th>Nội dung</th><th>Chủ trì</th><th>Thời gian</th></tr>"
        "<tr><td>1</td><td>Tập huấn công chức</td><td rowspan='2'>Sở Nội vụ</td><td>Quý II</td></tr>"
        "<tr><td>2</td><td>Hướng dẫn bầu cử</td><td>Quý III</td></tr>"
        "<tr><td>3</td><td>Niêm yết</td><td>UBND các xã</td><td rowspan='3'>Thường xuyên</td></tr>"
        "<tr><td>4</td><td>Công khai</td><td>Thanh tra tỉnh</td></tr></table>"
    )
    rows = [ln.split("\t") for ln in html_to_text(html).split("\n") if "\t" in ln]
    assert rows[1:] == [
        ["1", "Tập huấn công chức", "Sở Nội vụ", "Quý II"],
        ["2", "Hướng dẫn bầu cử", "Sở Nội vụ", "Quý III"],
        ["3", "Niêm yết", "UBND các xã", "Thường xuyên"],
        ["4", "Công khai", "Thanh tra tỉnh", "Thường xuyên"],
    ]


def test_header_and_signature_grids_are_read_cell_by_cell() -> None:
    """A one-row table of two cells of several lines is page layout: "Nơi nhận" list and signature
    come out one line each, not squashed into one tab-separated row."""
    html = (
        "<table><tr><td><b>Nơi nhận:</b><br>- Bộ Nội vụ;<br>- Thường trực Tỉnh ủy;<br>- Lưu: VT.</td>"
        "<td><b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</b><br><br>Nguyễn Văn An</td></tr></table>"
    )
    lines = [ln for ln in html_to_text(html).split("\n") if ln.strip()]
    assert "- Bộ Nội vụ;" in lines and "- Lưu: VT." in lines and "Nguyễn Văn An" in lines
    assert not any("\t" in ln for ln in lines)
    # a data table of two columns and many rows stays a table
    data = "<table>" + "".join(f"<tr><td>{i}</td><td>Việc {i}<br>chi tiết</td></tr>" for i in range(1, 5)) + "</table>"
    assert sum("\t" in ln for ln in html_to_text(data).split("\n")) == 4


def test_raw_html_tables_inside_markdown_are_rendered_as_rows() -> None:
    """pandoc leaves a table it cannot write in markdown as raw HTML: its rows become tab-separated
    lines (rowspan repeated), a header grid is read cell by cell, the text around stays as it is."""
    md = (
        "<table><tbody><tr><td><p>ỦY BAN NHÂN DÂN</p><p><strong>XÃ TÂN THÀNH</strong></p></td>"
        "<td><p><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong></p><p>Độc lập - Tự do - Hạnh phúc</p></td>"
        "</tr></tbody></table>\n\n**KẾ HOẠCH**\n\nPhụ lục:\n\n"
        "<table><tr><th>TT</th><th>Nhiệm vụ</th><th>Chủ trì</th></tr>"
        "<tr><td>1</td><td>Niêm yết thủ tục</td><td rowspan='2'>Văn phòng HĐND và UBND xã</td></tr>"
        "<tr><td>2</td><td>Số hóa hồ sơ</td></tr></table>\n"
    )
    text = normalize(md, "markdown").text
    assert "ỦY BAN NHÂN DÂN" in text.split("\n") and "XÃ TÂN THÀNH" in text.split("\n")
    rows = [ln.split("\t") for ln in text.split("\n") if "\t" in ln]
    assert rows == [["TT", "Nhiệm vụ", "Chủ trì"], ["1", "Niêm yết thủ tục", "Văn phòng HĐND và UBND xã"],
                    ["2", "Số hóa hồ sơ", "Văn phòng HĐND và UBND xã"]]
    assert "**KẾ HOẠCH**" not in text and "KẾ HOẠCH" in text


def test_a_news_pages_publication_date_is_kept_under_its_headline() -> None:
    """An article's byline with its date is often dropped with the page chrome; the date is the article's
    issue date, so it is kept as a labelled line under the headline (from the metadata when no <time>
    is printed) unless the text already shows it."""
    page = ("<html><head><meta property='article:published_time' content='2023-11-20T08:00:00+07:00'></head><body>"
            "<article><h1>Huyện Đức Thọ cải thiện Chỉ số PAPI</h1>"
            "<p>UBND huyện Đức Thọ vừa ban hành Kế hoạch cải thiện Chỉ số PAPI năm 2024 với 20 nhiệm vụ.</p>"
            "<p>Năm 2022, chỉ số Quản trị điện tử của tỉnh đạt 3,10 điểm, giảm 0,12 điểm.</p>"
            "<ul><li>Phòng Nội vụ chủ trì tập huấn về Chỉ số PAPI cho công chức cấp xã trong quý I/2024.</li>"
            "<li>Phòng Văn hóa và Thông tin hướng dẫn người dân sử dụng dịch vụ công trực tuyến.</li></ul>"
            "</article></body></html>")
    assert html_to_text(page).split("\n")[:2] == ["# Huyện Đức Thọ cải thiện Chỉ số PAPI", "Ngày đăng: 20/11/2023"]
    doc = parse_bytes(page.encode(), "tin.html")
    assert (doc.doc_type, doc.issued_date) == ("Tin bài", "2023-11-20")
    shown = page.replace("<p>UBND", "<p>Ngày đăng: 20/11/2023</p><p>UBND")
    assert html_to_text(shown).count("20/11/2023") == 1  # already there: not added twice


def test_headings_an_extraction_dropped_are_put_back() -> None:
    """When the main-text extraction kept the page's text but dropped some of its Roman-numbered headings
    (trafilatura drops a <div> holding only a <strong> on some portals), the short runs of page lines it
    dropped between lines it kept come back (headings, the title), the long run of links does not."""
    page = "\n".join([
        "Trang chủ | Giới thiệu | Văn bản",
        "Kế hoạch nâng cao Chỉ số PAPI lĩnh vực đất đai năm 2025",
        "**KẾ HOẠCH**",
        "**Nâng cao Chỉ số PAPI lĩnh vực đất đai năm 2025**",
        "Căn cứ Kế hoạch số 88/KH-UBND ngày 02/3/2025 của UBND tỉnh Hà Tĩnh;",
        "**I. MỤC ĐÍCH, YÊU CẦU**",
        "- Nâng cao chất lượng giải quyết thủ tục hành chính về đất đai.",
        "**II. NHIỆM VỤ CỤ THỂ**",
        "**1. Công khai kế hoạch sử dụng đất**",
        "- Văn phòng Đăng ký đất đai công khai kế hoạch sử dụng đất năm 2025.",
        "Tin liên quan",
        *[f"Tin hoạt động số {i} của Sở trong tháng" for i in range(5)],
        "Bản quyền thuộc về Sở Nông nghiệp và Môi trường tỉnh Hà Tĩnh",
    ])
    kept = [1, 4, 6, 9, 16]  # what the extraction kept: no heading, no menu, no link
    main = "\n".join(page.split("\n")[k] for k in kept)
    assert _headings(main) < _headings(page)
    got = _restore_dropped(page, main).split("\n")
    assert got == page.split("\n")[1:10] + [page.split("\n")[16]]


def test_a_dropped_document_type_line_counts_as_a_lost_heading() -> None:
    """trafilatura takes an "<h2>KẾ HOẠCH</h2>" for the page's title and drops it; without that line the plan has
    no title block. The extraction kept every Roman heading, so only the type line tells the loss."""
    page = "\n".join([
        "Số: 15/KH-UBND\tPhú Thọ, ngày 02 tháng 5 năm 2023",
        "## KẾ HOẠCH",
        "Cải thiện Chỉ số PAPI năm 2023 trên địa bàn phường Tân Dân",
        "**I. MỤC ĐÍCH, YÊU CẦU**",
        "- Nâng cao trách nhiệm của công chức phường.",
    ])
    main = "\n".join(ln for ln in page.split("\n") if "KẾ HOẠCH" not in ln)
    assert _headings(main) < _headings(page)
    assert _restore_dropped(page, main) == page


def test_a_page_laid_out_as_one_column_of_table_rows_keeps_its_lines() -> None:
    """An old portal puts each part of the plan in a row of a one-column <TABLE>, its lines parted by <BR>: each
    <BR> line is a line of the text (not one squashed table row); a two-column data table stays rows of cells."""
    page = ("<HTML><BODY><TABLE><TR><TD><B>KẾ HOẠCH</B><BR>Cải thiện Chỉ số PAPI năm 2024</TD></TR>"
            "<TR><TD><B>I. MỤC ĐÍCH</B><BR>Nâng cao nhận thức của công chức.<BR>"
            "<B>II. NHIỆM VỤ</B><BR>1. Phòng Tin học cập nhật Cổng thông tin điện tử hằng tuần.</TD></TR></TABLE>"
            "<TABLE><TR><TD>STT</TD><TD>Nội dung</TD></TR><TR><TD>1</TD><TD>Rà soát<BR>thủ tục</TD></TR></TABLE>"
            "</BODY></HTML>")
    lines = [ln.strip() for ln in html_to_text(page).split("\n") if ln.strip()]
    assert "**I. MỤC ĐÍCH**" in lines and "**II. NHIỆM VỤ**" in lines
    assert "1. Phòng Tin học cập nhật Cổng thông tin điện tử hằng tuần." in lines
    assert any(ln.startswith("1\t") for ln in lines)  # the data table: one row per line, cells by tab


def test_an_extraction_that_moved_blocks_is_put_back_in_page_order() -> None:
    """The main-text extraction of a page laid out in tables may move its header and its tables after the body
    (held-out 14): such an extraction is out of the page's order, and the page's own order of the lines it kept
    is what is read. A line or two out of place (a repeated caption) is tolerated."""
    page = "\n".join(["UBND TỈNH X", "Số: 5/KH-STTTT", "KẾ HOẠCH", "Cải thiện PAPI", "I. MỤC ĐÍCH", "Nâng cao.",
                      "II. NHIỆM VỤ", "1. Rà soát.", "2. Công khai.", "Nơi nhận:"])
    moved = "\n".join(["KẾ HOẠCH", "Cải thiện PAPI", "I. MỤC ĐÍCH", "Nâng cao.", "II. NHIỆM VỤ", "1. Rà soát.",
                       "2. Công khai.", "Nơi nhận:", "UBND TỈNH X", "Số: 5/KH-STTTT", "I. MỤC ĐÍCH", "Nâng cao."])
    assert not _in_page_order(page, moved)
    assert _restore_dropped(page, moved).split("\n") == page.split("\n")
    nearly = "\n".join(page.split("\n")[2:] + ["Cải thiện PAPI"])
    assert _in_page_order(page, nearly)


def test_word_web_page_office_tags_keep_a_cells_paragraphs_in_their_cell() -> None:
    """Word's "Web Page" save closes each paragraph with ``<o:p></o:p>`` and wraps names in ``<st1:…>`` smart
    tags: the tags go, their text stays, and a cell of three paragraphs stays one cell of its row."""
    html = (
        "<html xmlns:o='urn:schemas-microsoft-com:office:office'><body>"
        "<p class=MsoNormal>KẾ HOẠCH<o:p></o:p></p><p class=MsoNormal>Cải thiện Chỉ số PAPI năm 2024<o:p></o:p></p>"
        "<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>TT<o:p></o:p></p></td>"
        "<td><p class=MsoNormal>Nhiệm vụ<o:p></o:p></p></td><td><p class=MsoNormal>Đơn vị phối hợp<o:p></o:p></p></td></tr>"
        "<tr><td><p class=MsoNormal>1<o:p></o:p></p></td><td><p class=MsoNormal>Tập huấn tiếp công dân<o:p></o:p></p></td>"
        "<td><p class=MsoNormal><span lang=VI>- Thanh tra tỉnh;<o:p></o:p></span></p>"
        "<p class=MsoNormal><span lang=VI>- Ban Tiếp công dân <st1:place>tỉnh</st1:place>;<o:p></o:p></span></p>"
        "<p class=MsoNormal><span lang=VI>- Sở Tư pháp.<o:p></o:p></span></p></td></tr>"
        "<tr><td><p class=MsoNormal>2<o:p></o:p></p></td><td><p class=MsoNormal>Đối thoại với Nhân dân<o:p></o:p></p></td>"
        "<td><p class=MsoNormal>UBND các huyện<o:p></o:p></p></td></tr></table></body></html>"
    )
    text = html_to_text(html)
    row = next(ln for ln in text.split("\n") if ln.startswith("1\t"))
    assert row == "1\tTập huấn tiếp công dân\t- Thanh tra tỉnh; - Ban Tiếp công dân tỉnh; - Sở Tư pháp."


def test_a_table_built_from_grid_divs_is_read_as_a_table_and_layout_columns_are_not() -> None:
    """A CMS "div-table": a ``row`` <div> per table row, a ``col-sm-N`` <div> per cell, a header cell over a
    nested grid ("Năm 2023" over "Điểm | Thứ hạng"). It becomes tab rows; the page's layout row (main text
    beside a sidebar of paragraphs and lists) stays text."""
    html = (
        "<html><body><div class='row'><div class='col-md-8'><p>KẾ HOẠCH</p><p>Cải thiện Chỉ số PAPI năm 2024</p>"
        "<div class='grid'>"
        "<div class='row'><div class='col-sm-1'>TT</div><div class='col-sm-5'>Chỉ số</div>"
        "<div class='col-sm-6'>Năm 2023<div class='row'><div class='col-6'>Điểm</div><div class='col-6'>Thứ hạng</div></div></div></div>"
        "<div class='row'><div class='col-sm-1'>1</div><div class='col-sm-5'>Quản trị điện tử</div>"
        "<div class='col-sm-6'><div class='row'><div class='col-6'>3,41</div><div class='col-6'>35</div></div></div></div>"
        "</div><p>Các nhiệm vụ cụ thể như sau.</p></div>"
        "<div class='col-md-4'><p>Tin liên quan</p><ul><li>Tin 1</li></ul></div></div></body></html>"
    )
    lines = html_to_text(html).split("\n")
    assert "TT\tChỉ số\tNăm 2023 Điểm\tNăm 2023 Thứ hạng" in lines
    assert "1\tQuản trị điện tử\t3,41\t35" in lines
    assert not any("KẾ HOẠCH\t" in ln for ln in lines)


def test_a_cells_lines_are_parted_by_a_semicolon_unless_the_sentence_goes_on() -> None:
    """A cell listing one agency per <div> or <p> keeps them apart ("; "); a line that ends with punctuation,
    or a next line in lower case, joins with a space."""
    html = (
        "<html><body><p>KẾ HOẠCH</p><table border=1>"
        "<tr><td>STT</td><td>Nhiệm vụ</td><td>Cơ quan phối hợp</td></tr>"
        "<tr><td>1</td><td><p>Tổ chức hội nghị đối thoại</p><p>tại các xã vùng sâu</p></td>"
        "<td><div>Sở Tư pháp</div><div>Báo Quảng Ngãi</div><div>- Công an tỉnh;</div><div>- Sở Nội vụ</div></td></tr>"
        "<tr><td>2</td><td>Rà soát thủ tục hành chính</td><td>Văn phòng UBND tỉnh</td></tr>"
        "</table></body></html>"
    )
    lines = html_to_text(html).split("\n")
    assert "1\tTổ chức hội nghị đối thoại tại các xã vùng sâu\tSở Tư pháp; Báo Quảng Ngãi; - Công an tỉnh; - Sở Nội vụ" in lines


def test_several_html_documents_in_one_file_are_read_to_the_last() -> None:
    """ "pdftohtml -s" writes one whole HTML document per PDF page into one file: every page is read, not the first
    document only (the plan's tasks on page two were lost)."""
    def page(n: int, body: str) -> str:
        return (f'<!DOCTYPE html><html><head><title>p{n}</title></head><body><div id="page{n}-div">'
                f"{body}</div></body></html>\n")

    html = (page(1, "<p>ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG</p><p>Số: 66/KH-UBND</p><p>KẾ HOẠCH</p>"
                    "<p>Nâng cao Chỉ số PAPI năm 2021</p><p>I. NHIỆM VỤ</p>")
            + page(2, "<p>1. Sở Nội vụ tuyên truyền về Chỉ số PAPI trong quý II/2021.</p>")
            + page(3, "<p>2. Sở Tư pháp hướng dẫn hòa giải ở cơ sở trong năm 2021.</p>"))
    text = html_to_text(html)
    assert "1. Sở Nội vụ tuyên truyền" in text and "2. Sở Tư pháp hướng dẫn" in text
    doc = parse_bytes(html.encode(), "ke-hoach.html")
    assert [t.label for t in doc.tasks] == ["1", "2"]


def test_control_characters_in_a_page_do_not_break_a_rebuilt_table() -> None:
    """A form feed or a NUL left in a page by a PDF conversion: lxml parses it into a cell's text but refuses it
    when the cell is rebuilt (a ``<div>`` grid made a table); it is read as a space. (Found by fuzzing.)"""
    html = (
        "<html><body><div class='grid'>"
        "<div class='row'><div class='col-sm-2'>TT</div><div class='col-sm-10'>Cơ quan\x0cchủ trì</div></div>"
        "<div class='row'><div class='col-sm-2'>1</div><div class='col-sm-10'>Sở\x00Nội vụ</div></div>"
        "</div></body></html>"
    )
    lines = html_to_text(html).split("\n")
    assert "TT\tCơ quan chủ trì" in lines and "1\tSở Nội vụ" in lines


def test_a_line_end_in_a_cells_markup_is_a_space_not_a_new_line() -> None:
    """A writer that wraps its markup (pandoc at 72 columns) ends a line inside a paragraph: "… Kim\n Sơn" is one
    place name. Only blocks and <br> part a cell's lines."""
    import lxml.html

    from papi_extract.html_text import _cell_text

    cell = lxml.html.fragment_fromstring(
        "<td><p>Phòng Tài nguyên và Môi trường</p>\n  <p>UBND các xã: Yên Mật, Kim\n      Sơn</p>"
        "<p>Công an\n huyện<br>Hội Nông dân</p></td>")
    assert " ".join(_cell_text(cell).split()) == (
        "Phòng Tài nguyên và Môi trường; UBND các xã: Yên Mật, Kim Sơn; Công an huyện; Hội Nông dân")


def test_a_list_item_made_of_paragraphs_keeps_its_bullet_on_the_first() -> None:
    # "<li><p>task</p><p>field line</p></li>" (a CMS editor wraps every line of an item in <p>): the bullet
    # is drawn before the first paragraph, the others stay lines of their own (the item's fields)
    page = ("<html><body><h3>2. Công khai, minh bạch</h3><ul><li>\n  <div>Niêm yết dự toán ngân sách phường.</div>"
            "\n  <div>Người thực hiện: Công chức Tài chính - Kế toán.</div></li>"
            "<li><p>Công khai quy hoạch sử dụng đất.</p></li><li></li><li>Tổ chức họp dân tại các tổ dân phố.</li></ul></body></html>")
    assert [x for x in html_to_text(page).splitlines() if x] == [
        "### 2. Công khai, minh bạch", "- Niêm yết dự toán ngân sách phường.",
        "Người thực hiện: Công chức Tài chính - Kế toán.", "- Công khai quy hoạch sử dụng đất.",
        "- Tổ chức họp dân tại các tổ dân phố.",
    ]
    doc = parse_bytes(page.encode(), "phuong.html")
    assert [t.origin for t in doc.tasks] == ["list", "list", "list"]
    assert [a.name for a in doc.tasks[0].lead] == ["Công chức Tài chính - Kế toán"]


def test_a_footnote_mark_in_sup_is_written_as_superscript_figures() -> None:
    """ "đạt 44,10 điểm<sup>3</sup>, tăng …": the mark is a superscript figure, not glued to the word as a plain one
    (which would read "điểm3"); a <sup> holding words is left as it is."""
    text = html_to_text("<p>Năm 2025, tỉnh đạt 44,10 điểm<sup>3</sup>, tăng 0,20 điểm; diện tích 25 m<sup>2</sup>"
                        " và ghi chú<sup>a)</sup>.</p>")
    assert "44,10 điểm³, tăng" in text and "25 m²" in text and "ghi chúa)" in text
