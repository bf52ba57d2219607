"""DocBook XML (pandoc's ``-t docbook`` of a Word plan) read as the HTML it mirrors."""

from __future__ import annotations

from papi_extract.docbook_text import docbook_to_html, looks_like_docbook
from papi_extract.normalize import detect_format
from papi_extract.pipeline import parse_text

# A ward plan in DocBook 4 (a DOCTYPE, no namespace): the header as a one-row table, nested sections, bold titles
# as emphasis, a list, and a task table with a group row spanning the columns (namest/nameend).
DOCBOOK_PLAN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE article PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN" "http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd">
<article>
  <articleinfo><title></title></articleinfo>
  <informaltable><tgroup cols="2"><tbody><row>
    <entry><para>ỦY BAN NHÂN DÂN</para><para><emphasis role="strong">PHƯỜNG MỸ BÌNH</emphasis></para>
      <para>Số: 52/KH-UBND</para></entry>
    <entry><para><emphasis role="strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</emphasis></para>
      <para><emphasis>Mỹ Bình, ngày 08 tháng 5 năm 2024</emphasis></para></entry>
  </row></tbody></tgroup></informaltable>
  <para><emphasis role="strong">KẾ HOẠCH</emphasis></para>
  <para><emphasis role="strong">Cải thiện Chỉ số PAPI phường Mỹ Bình năm 2024</emphasis></para>
  <sect1><title>I. MỤC ĐÍCH, YÊU CẦU</title>
    <itemizedlist><listitem><para>Khắc phục các chỉ số giảm điểm năm 2023.</para></listitem></itemizedlist>
  </sect1>
  <sect1><title>II. NHIỆM VỤ</title>
    <informaltable><tgroup cols="4">
      <colspec colname="c1"/><colspec colname="c2"/><colspec colname="c3"/><colspec colname="c4"/>
      <thead><row><entry>STT</entry><entry>Nội dung nhiệm vụ</entry><entry>Đơn vị chủ trì</entry>
        <entry>Thời gian</entry></row></thead>
      <tbody>
        <row><entry namest="c1" nameend="c4"><emphasis role="strong">Quản trị môi trường</emphasis></entry></row>
        <row><entry>1</entry><entry>Ra quân thu gom rác thải dọc bờ kè sông Hậu</entry><entry>Công an phường</entry>
          <entry>Hằng tháng</entry></row>
        <row><entry>2</entry><entry>Kiểm tra các cơ sở kinh doanh xả thải ra kênh</entry>
          <entry>Công chức Địa chính - Xây dựng</entry><entry>Quý III/2024</entry></row>
      </tbody></tgroup></informaltable>
  </sect1>
</article>
"""


def test_docbook_is_known_by_its_root_and_doctype() -> None:
    assert looks_like_docbook(DOCBOOK_PLAN)
    assert detect_format(DOCBOOK_PLAN) == "docbook"
    # an XHTML page or another XML file is no DocBook
    assert not looks_like_docbook("<?xml version='1.0'?><html><body><article><p>Tin tức</p></article></body></html>")
    assert not looks_like_docbook("<?xml version='1.0'?><rss><channel><title>PAPI</title></channel></rss>")


def test_docbook_elements_become_html() -> None:
    html = docbook_to_html(DOCBOOK_PLAN)
    assert "<h1>II. NHIỆM VỤ</h1>" in html
    assert "<b>KẾ HOẠCH</b>" in html
    assert '<td colspan="4"><b>Quản trị môi trường</b></td>' in html
    assert "<th>Nội dung nhiệm vụ</th>" in html and "colspec" not in html and "articleinfo" not in html
    # a broken file is read as far as it goes (the recovering parser), its text kept
    assert "không đóng" in docbook_to_html("<article><para>không đóng")


def test_a_docbook_plan_is_read() -> None:
    doc = parse_text(DOCBOOK_PLAN)
    assert doc.number == "52/KH-UBND" and doc.issued_date == "2024-05-08"
    assert doc.title == "Cải thiện Chỉ số PAPI phường Mỹ Bình năm 2024"
    assert [s.title for s in doc.sections] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ"]
    got = [(t.text, [a.name for a in t.lead], t.dimension, [d.kind for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        ("Ra quân thu gom rác thải dọc bờ kè sông Hậu", ["Công an phường"], 7, ["recurring"]),
        ("Kiểm tra các cơ sở kinh doanh xả thải ra kênh", ["Công chức Địa chính - Xây dựng"], 7, ["quarter"]),
    ]


def test_hostile_spans_and_counters_are_bounded() -> None:
    """A merged cell claiming a million columns, a superscript digit as a count: bounded, no exception."""
    html = docbook_to_html(
        '<article xmlns="http://docbook.org/ns/docbook"><informaltable><tgroup cols="2"><tbody><row>'
        '<entry namest="c1" nameend="c999999">a</entry><entry morerows="²">b</entry></row></tbody></tgroup>'
        "</informaltable></article>")
    assert 'colspan="61"' in html and "rowspan" not in html
