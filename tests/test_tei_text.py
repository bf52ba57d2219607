"""TEI XML (pandoc's ``-t tei`` of a Word plan, a digital-edition archive's file) read as the HTML it mirrors."""

from __future__ import annotations

from papi_extract.normalize import detect_format
from papi_extract.pipeline import parse_text
from papi_extract.tei_text import looks_like_tei, tei_to_html

# A district plan in TEI as a hand-written edition keeps it (not pandoc): ``rend="bold"``, divisions nested with no
# ``type``, a header row by ``role="label"``, a dimension row merged across the table by ``cols``, a cell of two
# paragraphs ("Chủ trì: …" / "Phối hợp: …"), an ordered list, a page break and a footnote.
TEI_PLAN = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Kế hoạch PAPI huyện Kim Bôi</title></titleStmt>
    <publicationStmt><p>Lưu trữ số hóa</p></publicationStmt><sourceDesc><p>Bản chụp</p></sourceDesc></fileDesc>
  </teiHeader>
  <text><body>
    <table><row>
      <cell><p rend="bold">ỦY BAN NHÂN DÂN</p><p><hi rend="bold">HUYỆN KIM BÔI</hi></p><p>Số: 88/KH-UBND</p></cell>
      <cell><p><hi rend="bold">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</hi></p>
        <p><hi rend="italic">Kim Bôi, ngày 14 tháng 4 năm 2023</hi></p></cell>
    </row></table>
    <p><hi rend="bold">KẾ HOẠCH</hi></p>
    <p><hi rend="bold">Cải thiện Chỉ số PAPI huyện Kim Bôi năm 2023</hi></p>
    <div><head>I. MỤC ĐÍCH, YÊU CẦU</head>
      <list type="ordered"><item>Khắc phục các nội dung giảm điểm năm 2022.<note place="foot">Theo báo cáo
        PAPI 2022.</note></item></list>
    </div>
    <pb n="2"/>
    <div><head>II. NHIỆM VỤ CỤ THỂ</head>
      <div><head>1. Các nhiệm vụ</head>
        <table>
          <row role="label"><cell>TT</cell><cell>Nội dung</cell><cell>Đơn vị thực hiện</cell><cell>Thời hạn</cell></row>
          <row><cell cols="4"><hi rend="bold">Quản trị môi trường</hi></cell></row>
          <row><cell>1</cell><cell>Thu gom rác thải<lb/>dọc suối Bôi</cell>
            <cell><p>Chủ trì: Phòng Tài nguyên và Môi trường</p><p>Phối hợp: Công an huyện; UBND các xã</p></cell>
            <cell>Quý III/2023</cell></row>
          <row><cell>2</cell><cell>Kiểm tra các cơ sở chăn nuôi xả thải</cell>
            <cell><p>Chủ trì: UBND các xã</p></cell><cell>Hằng tháng</cell></row>
        </table>
      </div>
    </div>
  </body></text>
</TEI>
"""


def test_tei_is_known_by_its_root_and_namespace() -> None:
    assert looks_like_tei(TEI_PLAN)
    assert detect_format(TEI_PLAN) == "tei"
    # an XHTML page, DocBook or another XML file is no TEI
    assert not looks_like_tei("<?xml version='1.0'?><html><body><p>Tin tức: TEI là gì?</p></body></html>")
    assert not looks_like_tei("<?xml version='1.0'?><rss><channel><title>PAPI</title></channel></rss>")
    assert detect_format("Kế hoạch số 5/KH-UBND\nTEI\n") == "text"


def test_tei_elements_become_html() -> None:
    html = tei_to_html(TEI_PLAN)
    assert "<h1>II. NHIỆM VỤ CỤ THỂ</h1>" in html and "<h2>1. Các nhiệm vụ</h2>" in html
    assert "<b>KẾ HOẠCH</b>" in html and "<i>Kim Bôi, ngày 14 tháng 4 năm 2023</i>" in html
    assert "<th>Nội dung</th>" in html and '<td colspan="4"><b>Quản trị môi trường</b></td>' in html
    assert "<ol><li>" in html and "Thu gom rác thải<br>dọc suối Bôi" in html
    # the header's metadata and the page break are gone; a footnote keeps its words
    assert "Lưu trữ số hóa" not in html and "Bản chụp" not in html and "pb" not in html
    assert "Theo báo cáo" in html
    # a broken file is read as far as it goes (the recovering parser), its text kept
    assert "không đóng" in tei_to_html('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>không đóng')


def test_pandoc_levels_and_renditions() -> None:
    """pandoc writes ``<div type="level2">`` and ``<hi rendition="simple:bold">``."""
    html = tei_to_html('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="level1"><div type="level3">'
                       '<head>a) Nhiệm vụ</head><p><hi rendition="simple:bold">Đậm</hi> và '
                       '<hi rendition="simple:italic">nghiêng</hi></p></div></div></body></text></TEI>')
    assert "<h3>a) Nhiệm vụ</h3>" in html and "<b>Đậm</b> và <i>nghiêng</i>" in html


def test_a_tei_plan_is_read() -> None:
    doc = parse_text(TEI_PLAN)
    assert doc.source.format == "html"
    assert doc.number == "88/KH-UBND" and doc.issued_date == "2023-04-14"
    assert doc.title == "Cải thiện Chỉ số PAPI huyện Kim Bôi năm 2023"
    got = [(t.text, [a.name for a in t.lead], [a.name for a in t.support], t.dimension) for t in doc.tasks]
    assert got == [
        ("Thu gom rác thải dọc suối Bôi", ["Phòng Tài nguyên và Môi trường"],
         ["Công an huyện", "Ủy ban nhân dân các xã"], 7),
        ("Kiểm tra các cơ sở chăn nuôi xả thải", ["Ủy ban nhân dân các xã"], [], 7),
    ]


def test_hostile_tei_is_bounded() -> None:
    """A merged cell claiming a million columns, a non-numeric span, a 100,000-deep nesting: no exception."""
    html = tei_to_html('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><table><row>'
                       '<cell cols="999999">a</cell><cell rows="²">b</cell><cell cols="-3">c</cell></row></table>'
                       "</body></text></TEI>")
    assert 'colspan="60"' in html and "rowspan" not in html
    deep = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>' + "<div>" * 100_000 + "x" + "</div>" * 100_000
    assert isinstance(tei_to_html(deep), str)
    assert tei_to_html("") == ""
    assert "<TEI" not in tei_to_html("<TEI")  # an empty root: an empty page
