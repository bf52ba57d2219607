"""OpenDocument text (an .odt's content.xml, a flat .fodt) read as the HTML it mirrors."""

from __future__ import annotations

import time

from papi_extract.odf_text import looks_like_odf, odf_to_html
from papi_extract.pipeline import parse_text

_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
)

# A flat .fodt of a commune plan as LibreOffice saves a Word plan: metadata and named styles (an italic style the
# date's automatic style inherits), automatic styles (bold by name "bold" and by weight 700), the section headings
# as an auto-numbered list ("I.", "II." from a Roman number style, the second list continuing the first), a "-"
# bullet list with "+" sub-items, a heading, and a task table with header rows, a group row spanning the four
# columns and a lead cell spanning two rows. Page breaks, bookmarks, a comment, a tracked deletion, a page number
# field, a logo and a table of contents are in it too, as a real file has them.
FODT_PLAN = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {_NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>Bản nháp kế hoạch</dc:title><meta:generator>LibreOffice/7.6</meta:generator></office:meta>
 <office:settings/>
 <office:font-face-decls><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'"/>
 </office:font-face-decls>
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"/>
  <style:style style:name="Ngay_20_thang" style:display-name="Ngay thang" style:family="text">
   <style:text-properties fo:font-style="italic"/></style:style>
 </office:styles>
 <office:automatic-styles>
  <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="P2" style:family="paragraph" style:parent-style-name="P1"/>
  <style:style style:name="P3" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-weight="700"/></style:style>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="T2" style:family="text" style:parent-style-name="Ngay_20_thang"/>
  <text:list-style style:name="L1">
   <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="I"/>
  </text:list-style>
  <text:list-style style:name="L2">
   <text:list-level-style-bullet text:level="1" text:bullet-char="-"/>
   <text:list-level-style-bullet text:level="2" text:bullet-char="+"/>
  </text:list-style>
 </office:automatic-styles>
 <office:master-styles><style:master-page style:name="Standard"><style:footer>
  <text:p>Trang <text:page-number>1</text:page-number></text:p></style:footer></style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
  <text:table-of-content text:name="Mục lục"><text:index-body>
   <text:p>MỤC ĐÍCH, YÊU CẦU<text:tab/>1</text:p><text:p>NHIỆM VỤ<text:tab/>2</text:p>
  </text:index-body></text:table-of-content>
  <table:table table:name="Bang1">
   <table:table-column table:number-columns-repeated="2"/>
   <table:table-row>
    <table:table-cell office:value-type="string">
     <text:p>ỦY BAN NHÂN DÂN</text:p><text:p text:style-name="P1">XÃ EA TIÊU</text:p>
     <text:p>Số: 17/KH-UBND</text:p></table:table-cell>
    <table:table-cell office:value-type="string">
     <text:p text:style-name="P1">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</text:p>
     <text:p text:style-name="P1">Độc lập - Tự do - Hạnh phúc</text:p>
     <text:p><text:span text:style-name="T2">Ea Tiêu, ngày 03 tháng 3 năm 2022</text:span></text:p>
    </table:table-cell>
   </table:table-row>
  </table:table>
  <text:p><draw:frame draw:name="Logo"><draw:image xlink:href="Pictures/logo.png"><svg:title>Logo xã</svg:title>
   </draw:image></draw:frame></text:p>
  <text:p text:style-name="P2">KẾ HOẠCH</text:p>
  <text:p text:style-name="P3">Cải thiện Chỉ số PAPI xã Ea Tiêu năm 2022</text:p>
  <text:list text:style-name="L1"><text:list-item>
   <text:p text:style-name="P1"><text:bookmark text:name="_Toc1"/>MỤC ĐÍCH, YÊU CẦU</text:p>
  </text:list-item></text:list>
  <text:list text:style-name="L2"><text:list-item>
   <text:p>Nâng điểm các chỉ số<office:annotation><dc:creator>Chuyên viên</dc:creator>
    <text:p>Xem lại câu này</text:p></office:annotation> còn thấp năm 2021<text:change text:change-id="c1"/>.</text:p>
  </text:list-item></text:list>
  <text:soft-page-break/>
  <text:list text:style-name="L1" text:continue-numbering="true"><text:list-item>
   <text:p text:style-name="P1">NHIỆM VỤ</text:p>
  </text:list-item></text:list>
  <text:h text:outline-level="2">1. Công khai, minh bạch</text:h>
  <text:list text:style-name="L2">
   <text:list-item><text:p>Công chức Tư pháp - Hộ tịch:</text:p>
    <text:list><text:list-item><text:p>Niêm yết thủ tục chứng thực tại Bộ phận Một cửa; quý II/2022.</text:p>
    </text:list-item></text:list></text:list-item>
  </text:list>
  <table:table table:name="Bang2">
   <table:table-columns><table:table-column table:number-columns-repeated="4"/></table:table-columns>
   <table:table-header-rows><table:table-row>
    <table:table-cell><text:p>STT</text:p></table:table-cell>
    <table:table-cell><text:p>Nội dung</text:p></table:table-cell>
    <table:table-cell><text:p>Đơn vị chủ trì</text:p></table:table-cell>
    <table:table-cell><text:p>Thời gian</text:p></table:table-cell>
   </table:table-row></table:table-header-rows>
   <table:table-row>
    <table:table-cell table:number-columns-spanned="4">
     <text:p><text:span text:style-name="T1">Quản trị điện tử</text:span></text:p></table:table-cell>
    <table:covered-table-cell/><table:covered-table-cell/><table:covered-table-cell/>
   </table:table-row>
   <table:table-row>
    <table:table-cell><text:p>1</text:p></table:table-cell>
    <table:table-cell><text:p>Hướng dẫn người dân cài đặt ứng dụng VNeID</text:p></table:table-cell>
    <table:table-cell table:number-rows-spanned="2"><text:p>Công an xã</text:p></table:table-cell>
    <table:table-cell><text:p>Tháng 5/2022</text:p></table:table-cell>
   </table:table-row>
   <table:table-row>
    <table:table-cell><text:p>2</text:p></table:table-cell>
    <table:table-cell><text:p>Lập nhóm Zalo tiếp nhận phản ánh của người dân các thôn</text:p></table:table-cell>
    <table:covered-table-cell/>
    <table:table-cell><text:p>Quý III/2022</text:p></table:table-cell>
   </table:table-row>
  </table:table>
  <text:tracked-changes><text:changed-region text:id="c1"><text:deletion>
   <text:p>câu đã xóa khỏi bản cuối</text:p></text:deletion></text:changed-region></text:tracked-changes>
 </office:text></office:body>
</office:document>
"""


def _content(body: str, styles: str = "") -> str:
    """A content.xml (``office:document-content``) holding ``body`` and automatic ``styles``."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_NS} office:version="1.2">'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")


def test_odf_is_known_by_its_root_and_namespace() -> None:
    assert looks_like_odf(FODT_PLAN)
    assert looks_like_odf(_content("<text:p>Kế hoạch</text:p>"))
    assert looks_like_odf("\ufeff<!-- odt -->\n" + _content(""))
    # a page, a plan's text, another office file: no
    assert not looks_like_odf("<!DOCTYPE html><html><body><p>Kế hoạch cải thiện PAPI</p></body></html>")
    assert not looks_like_odf("ỦY BAN NHÂN DÂN\nXÃ EA TIÊU\nSố: 17/KH-UBND\n\nKẾ HOẠCH\n")
    assert not looks_like_odf(
        '<html><body><p>Mẫu ODF: urn:oasis:names:tc:opendocument:xmlns:office:1.0</p>'
        "<pre>&lt;office:document-content&gt;</pre></body></html>")
    assert not looks_like_odf(f'<office:document-styles {_NS}><office:styles/></office:document-styles>')
    assert not looks_like_odf("")


def test_odf_elements_become_html() -> None:
    html = odf_to_html(FODT_PLAN)
    # bold from an automatic style, from a parent style, from a numeric weight; italic through a named style
    assert "<td>ỦY BAN NHÂN DÂN<br><b>XÃ EA TIÊU</b><br>Số: 17/KH-UBND</td>" in html  # a cell's paragraphs: lines
    assert "<p><b>KẾ HOẠCH</b></p>" in html
    assert "<p><b>Cải thiện Chỉ số PAPI xã Ea Tiêu năm 2022</b></p>" in html
    assert "<i>Ea Tiêu, ngày 03 tháng 3 năm 2022</i>" in html
    # the auto-numbered section titles get their numbers, the second list continuing the first
    assert "<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>" in html and "<p><b>II. NHIỆM VỤ</b></p>" in html
    assert "<h2>1. Công khai, minh bạch</h2>" in html
    # a "-" list with a "+" sub-list keeps the marks the plan shows
    assert "<li>- Công chức Tư pháp - Hộ tịch:<ul><li>+ Niêm yết thủ tục" in html
    # the task table: header cells, a group row over four columns, a lead over two rows, no covered cell
    assert "<tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Thời gian</th></tr>" in html
    assert '<tr><td colspan="4"><b>Quản trị điện tử</b></td></tr>' in html
    assert '<td rowspan="2">Công an xã</td>' in html
    assert html.count("<td") == 1 + 4 + 3 + 2  # header table, then group row, row 1, row 2 without the covered cell
    # what is no content of the plan is gone; a comment's text does not enter the sentence
    assert "Nâng điểm các chỉ số còn thấp năm 2021." in html
    for gone in ("Xem lại câu này", "câu đã xóa", "Bản nháp", "LibreOffice", "Trang", "Logo", "Times New Roman",
                 "<img", "table-column"):
        assert gone not in html
    assert html.count("MỤC ĐÍCH, YÊU CẦU") == 1  # the table of contents does not repeat the headings


def test_inline_elements() -> None:
    """Spaces, tabs, line breaks, links, a footnote, a text box, pandoc's named styles."""
    body = (
        '<text:p>Số:<text:s text:c="3"/>25/KH-UBND<text:tab/>Cư Kuin</text:p>'
        "<text:p>Thôn 1<text:line-break/>Thôn 2</text:p>"
        '<text:p>Xem <text:a xlink:type="simple" xlink:href="https://dichvucong.gov.vn">Cổng dịch vụ công</text:a>.'
        "</text:p>"
        '<text:p>Chỉ số đạt 41,8 điểm<text:note text:id="ftn1" text:note-class="footnote">'
        "<text:note-citation>1</text:note-citation><text:note-body><text:p>Theo báo cáo PAPI 2021.</text:p>"
        "</text:note-body></text:note>, tăng 0,5 điểm.</text:p>"
        '<text:p><draw:frame><draw:text-box><text:p>Dự thảo</text:p><text:p>lần 2</text:p></draw:text-box>'
        "</draw:frame></text:p>"
        '<text:p><text:span text:style-name="Strong_20_Emphasis">Đậm</text:span> và '
        '<text:span text:style-name="Emphasis">nghiêng</text:span></text:p>'
        '<text:p text:style-name="PB"><text:span text:style-name="TB">Tổ chức thực hiện</text:span></text:p>'
    )
    styles = ('<style:style style:name="PB" style:family="paragraph"><style:text-properties fo:font-weight="bold"/>'
              '</style:style><style:style style:name="TB" style:family="text">'
              '<style:text-properties fo:font-weight="600"/></style:style>')
    html = odf_to_html(_content(body, styles))
    assert "<p>Số:   25/KH-UBND\tCư Kuin</p>" in html
    assert "<p>Thôn 1<br>Thôn 2</p>" in html
    assert '<a href="https://dichvucong.gov.vn">Cổng dịch vụ công</a>' in html
    # the footnote's words follow its call in brackets, its number is dropped
    assert "Chỉ số đạt 41,8 điểm<span> (Theo báo cáo PAPI 2021.)</span>, tăng 0,5 điểm." in html
    assert "<p>Dự thảo<br>lần 2</p>" in html  # a text box keeps its lines
    assert "<p><b>Đậm</b> và <i>nghiêng</i></p>" in html
    assert "<p><b>Tổ chức thực hiện</b></p>" in html  # a bold run in a bold paragraph: one <b>


def test_numbered_lists_and_outline() -> None:
    """An "a)" list restarting, a two-level "1.1." list, outline-numbered headings, a writer's own number."""
    styles = (
        '<text:list-style style:name="LA"><text:list-level-style-number text:level="1" style:num-format="a" '
        'style:num-suffix=")"/></text:list-style>'
        '<text:list-style style:name="LN"><text:list-level-style-number text:level="1" style:num-format="1" '
        'style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="1" '
        'style:num-suffix="." text:display-levels="2"/></text:list-style>'
        '<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format="I" '
        'style:num-suffix="."/></text:outline-style>'
    )
    body = (
        '<text:h text:outline-level="1">CĂN CỨ</text:h><text:h text:outline-level="1">NHIỆM VỤ</text:h>'
        '<text:list text:style-name="LA"><text:list-item><text:p>Y tế</text:p></text:list-item>'
        "<text:list-item><text:p>Giáo dục</text:p></text:list-item></text:list>"
        '<text:list text:style-name="LA"><text:list-item><text:p>Điện</text:p></text:list-item></text:list>'
        '<text:list text:style-name="LN"><text:list-item><text:p>Trạm Y tế xã</text:p><text:list><text:list-item>'
        "<text:p>Khám sức khỏe người cao tuổi</text:p></text:list-item><text:list-item><text:p>Tiêm chủng"
        "</text:p></text:list-item></text:list></text:list-item></text:list>"
        '<text:h text:outline-level="1"><text:number>III.</text:number>TỔ CHỨC THỰC HIỆN</text:h>'
    )
    html = odf_to_html(_content(body, styles))
    assert "<h1>I. CĂN CỨ</h1><h1>II. NHIỆM VỤ</h1>" in html
    assert "<p>a) Y tế</p><p>b) Giáo dục</p><p>a) Điện</p>" in html  # a new list starts again
    assert "<p>1. Trạm Y tế xã</p><p>1.1. Khám sức khỏe người cao tuổi</p><p>1.2. Tiêm chủng</p>" in html
    assert "<h1>III. TỔ CHỨC THỰC HIỆN</h1>" in html  # the writer's number, not a computed "III. III."


def test_an_odf_plan_is_read() -> None:
    doc = parse_text(odf_to_html(FODT_PLAN), fmt="html")
    assert doc.number == "17/KH-UBND" and doc.issued_date == "2022-03-03"
    assert doc.title == "Cải thiện Chỉ số PAPI xã Ea Tiêu năm 2022"
    assert [s.title for s in doc.sections][:2] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ"]
    got = [(t.text, [a.name for a in t.lead], t.dimension) for t in doc.tasks]
    # a "+" item under an agency's "-" line: that agency leads
    assert ("Niêm yết thủ tục chứng thực tại Bộ phận Một cửa; quý II/2022.", ["Công chức Tư pháp - Hộ tịch"]) in [
        (t, lead) for t, lead, _ in got]
    assert ("Hướng dẫn người dân cài đặt ứng dụng VNeID", ["Công an xã"], 8) in got
    assert ("Lập nhóm Zalo tiếp nhận phản ánh của người dân các thôn", ["Công an xã"], 8) in got


def test_hostile_odf_is_bounded() -> None:
    """Huge or non-numeric counts, a million repeated rows, 100,000-deep nesting, broken XML: no exception."""
    html = odf_to_html(_content(
        "<table:table><table:table-row>"
        '<table:table-cell table:number-columns-spanned="999999"><text:p>a</text:p></table:table-cell>'
        '<table:table-cell table:number-rows-spanned="²"><text:p>b</text:p></table:table-cell>'
        '<table:table-cell table:number-columns-spanned="-3"><text:p>c</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048576"><table:table-cell/></table:table-row>'
        '<table:table-row table:number-rows-repeated="99999999"><table:table-cell><text:p>lặp</text:p>'
        "</table:table-cell></table:table-row></table:table>"
        '<text:p>x<text:s text:c="1000000000"/>y<text:s text:c="abc"/>z</text:p>'
        '<text:h text:outline-level="' + "9" * 10_000 + '">Tiêu đề</text:h>'
        '<text:p text:style-name="' + "P" * 1_000_000 + '">Đoạn</text:p>'))
    assert 'colspan="60"' in html and "rowspan" not in html and 'colspan="-3"' not in html
    assert html.count("<tr>") == 2 + 60  # the empty padding row once, the repeated row 60 times
    assert "x" + " " * 60 + "y z" in html and "<h6>Tiêu đề</h6>" in html and "<p>Đoạn</p>" in html
    deep = _content("<text:p>" + "<text:span>" * 100_000 + "sâu" + "</text:span>" * 100_000 + "</text:p>")
    assert isinstance(odf_to_html(deep), str)
    lists = _content('<text:list text:style-name="L">' * 50_000 + "<text:list-item><text:p>sâu</text:p>")
    assert isinstance(odf_to_html(lists), str)
    assert odf_to_html("") == ""
    assert "không đóng" in odf_to_html(_content("")[:-60] + "<text:p>không đóng")
    assert isinstance(odf_to_html("<office:document-content"), str)


def test_a_large_file_converts_quickly() -> None:
    row = ("<table:table-row><table:table-cell><text:p>1</text:p></table:table-cell><table:table-cell><text:p>"
           '<text:span text:style-name="T1">Tuyên truyền</text:span> Pháp lệnh dân chủ ở thôn buôn<text:s text:c="2"/>'
           "</text:p></table:table-cell></table:table-row>")
    big = _content("<table:table>" + row * 9_000 + "</table:table>" + "<text:p>Đoạn văn bản</text:p>" * 20_000,
                   '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/>'
                   "</style:style>")
    assert len(big) > 1_500_000
    t0 = time.perf_counter()
    html = odf_to_html(big)
    assert time.perf_counter() - t0 < 2.0
    assert html.count("<b>Tuyên truyền</b>") == 9_000
