"""pdfminer.six's per-character XML (``pdf2txt.py -t xml``) read as the HTML it stands for."""

from __future__ import annotations

import time

from papi_extract.pdfminer_xml import looks_like_pdfminer_xml, pdfminer_xml_to_html
from papi_extract.pipeline import parse_text

_W = 6.0  # a character's advance in the built pages, points
_H = 11.5  # a line's height
_BODY_LEFT, _INDENT, _RIGHT = 85.0, 113.0, 530.0

# a line: (x0, y-top, text, font, advance); a box: its lines; a page: (boxes, figures), figures as lines too
Line = tuple[float, float, str, str, float]


def _chars(x: float, y: float, text: str, font: str, w: float = _W) -> list[str]:
    """A line's characters as pdfminer writes them: one <text> each, a space it inserted as a bare <text>."""
    out = []
    for c in text:
        if c == " ":
            out.append("<text> </text>")
        else:
            c = c.replace("&", "&amp;").replace("<", "&lt;")
            out.append(f'<text font="ABCDEF+{font}" bbox="{x:.3f},{y - _H:.3f},{x + w:.3f},{y:.3f}" '
                       f'colourspace="DeviceGray" ncolour="0" size="12.000">{c}</text>')
        x += w
    return out


def _line(ln: Line) -> list[str]:
    x, y, text, font, w = ln
    return [f'<textline bbox="{x:.3f},{y - _H:.3f},{x + w * len(text):.3f},{y:.3f}">',
            *_chars(x, y, text, font, w), "<text>\n</text>", "</textline>"]


def _pdfminer(pages: list[tuple[list[list[Line]], list[list[Line]]]]) -> str:
    out = ['<?xml version="1.0" encoding="utf-8" ?>', "<pages>"]
    for n, (boxes, figures) in enumerate(pages, 1):
        out.append(f'<page id="{n}" bbox="0.000,0.000,595.276,841.890" rotate="0">')
        for k, box in enumerate(boxes):
            x0 = min(ln[0] for ln in box)
            x1 = max(ln[0] + ln[4] * len(ln[2]) for ln in box)
            y0, y1 = min(ln[1] for ln in box) - _H, max(ln[1] for ln in box)
            out.append(f'<textbox id="{k}" bbox="{x0:.3f},{y0:.3f},{x1:.3f},{y1:.3f}">')
            for ln in box:
                out.extend(_line(ln))
            out.append("</textbox>")
        for fig in figures:
            out.append('<figure name="Im1" bbox="80,80,500,200">')
            for x, y, text, font, w in fig:
                out.extend(c for c in _chars(x, y, text, font, w) if "font=" in c)
            out.append("</figure>")
        out.append('<rect linewidth="0" bbox="80,80,500,82"/>')
        out.append('<layout><textgroup bbox="0,0,595,842"><textbox id="0" bbox="0,0,595,842" /></textgroup></layout>')
        out.append("</page>")
    out.append("</pages>")
    return "\n".join(out)


def _j(x: float, y: float, text: str, font: str = "TimesNewRomanPSMT") -> Line:
    """A justified line: its characters spread to reach the right margin."""
    return (x, y, text, font, (_RIGHT - x) / len(text))


def _l(x: float, y: float, text: str, font: str = "TimesNewRomanPSMT") -> Line:
    return (x, y, text, font, _W)


B, I, BI = "TimesNewRomanPS-BoldMT", "TimesNewRomanPS-ItalicMT", "TimesNewRomanPS-BoldItalicMT"

PAGE1: list[list[Line]] = [
    # the two header columns, side by side, their lines centred
    [_l(100, 800, "ỦY BAN NHÂN DÂN", B), _l(115, 786, "XÃ PHÚ LỘC", B), _l(103, 772, "Số: 45/KH-UBND")],
    [_l(300, 800, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", B), _l(321, 786, "Độc lập - Tự do - Hạnh phúc", B),
     _l(303, 772, "Phú Lộc, ngày 03 tháng 4 năm 2024", I)],
    # pdfminer's order: the subtitle's box before the "KẾ HOẠCH" box above it
    [_l(140, 720, "Nâng cao Chỉ số PAPI trên địa bàn xã Phú Lộc năm 2024", B)],
    [_l(270, 740, "KẾ HOẠCH", B)],
    # a paragraph cut in two boxes: its indented first line (justified: double spaces) and the rest
    [_j(_INDENT, 690, "Căn  cứ  Quyết  định  số  88/QĐ-UBND  ngày  10/01/2024  của  UBND  huyện  Vĩnh", I)],
    [_l(_BODY_LEFT, 675, "Thạnh về triển khai nhiệm vụ cải cách hành chính năm 2024;", I)],
    [_l(_INDENT, 650, "I. MỤC ĐÍCH, YÊU CẦU", B)],
    # two paragraphs in one box: the second opens at the first-line indent after a short line
    [_j(_INDENT, 630, "Nâng cao nhận thức của cán bộ, công chức xã về vai trò của Chỉ số PAPI"),
     _l(_BODY_LEFT, 615, "trong công tác điều hành."),
     _l(_INDENT, 600, "Gắn trách nhiệm người đứng đầu với kết quả thực hiện.")],
    [_l(_INDENT, 575, "II. NHIỆM VỤ", B)],
    # an item, then list marks at the first-line indent (each a paragraph of its own)
    [_j(_INDENT, 555, "1. Công chức Văn phòng - Thống kê niêm yết công khai thủ tục hành"),
     _l(_BODY_LEFT, 540, "chính tại Bộ phận Một cửa xã; thực hiện trong quý II/2024."),
     _l(_INDENT, 525, "- Cập nhật danh mục thủ tục hằng tháng;"),
     _l(_INDENT, 510, "- Báo cáo kết quả về UBND xã.")],
    # the page's last sentence runs on to the next page
    [_j(_INDENT, 120, "2. Công an xã phối hợp với Đoàn Thanh niên xã tuyên truyền phòng, chống"),
     _l(_BODY_LEFT, 105, "ma túy tại các ấp và")],
]
PAGE2: list[list[Line]] = [
    [_l(_BODY_LEFT, 800, "trường học; hoàn thành trước ngày 30/9/2024.")],
    [_l(_INDENT, 780, "III. TIẾN ĐỘ", B)],
    # a table, one box per cell: a header row, a row whose third cell is empty, a row whose third cell is wide
    [_l(90, 750, "STT", B)], [_l(150, 750, "Nội dung", B)], [_l(300, 750, "Chủ trì", B)],
    [_l(420, 750, "Thời gian", B)],
    [_l(95, 730, "1")], [_l(150, 730, "Rà soát hộ nghèo")], [_l(420, 730, "Tháng 5/2024")],
    [_l(95, 710, "2")], [_l(150, 710, "Tuyên truyền")], [_l(300, 710, "Hội Nông dân xã, tháng 6/2024")],
    [_l(95, 690, "3")], [_l(150, 690, "Kiểm tra")], [_l(300, 690, "Ban Chỉ huy Quân sự")], [_l(420, 690, "Quý III")],
    # the signature block: the recipients beside the signer
    [_l(85, 400, "Nơi nhận:", BI), _l(85, 388, "- UBND huyện;"), _l(85, 376, "- Đảng ủy xã;"),
     _l(85, 364, "- Các ban, ngành xã;"), _l(85, 352, "- Lưu: VT.")],
    [_l(370, 400, "TM. ỦY BAN NHÂN DÂN", B), _l(403, 388, "CHỦ TỊCH", B)],
    [_l(397, 350, "Lê Văn Tâm")],
    # the running page number at the foot
    [_l(295, 40, "2")],
]
FIGURE = [[_l(100, 180, "Bảng"), _l(130, 180, "kèm"), _l(160, 180, "theo")]]
PLAN = _pdfminer([(PAGE1, []), (PAGE2, FIGURE)])


def test_pdfminer_xml_is_known_by_its_pages_of_characters() -> None:
    assert looks_like_pdfminer_xml(PLAN)
    assert not looks_like_pdfminer_xml("<html><body><p>Một trang tin tức với <b>vài</b> từ.</p></body></html>")
    assert not looks_like_pdfminer_xml("KẾ HOẠCH\nCải thiện Chỉ số PAPI xã Phú Lộc năm 2024\nI. MỤC ĐÍCH")
    assert not looks_like_pdfminer_xml('<?xml version="1.0"?><article><para>Trang 1</para></article>')


def test_characters_become_paragraphs_with_their_style() -> None:
    html = pdfminer_xml_to_html(PLAN)
    # the page read top to bottom: the title before its subtitle, though pdfminer wrote it after
    assert html.index("<p><b>KẾ HOẠCH</b></p>") < html.index("<p><b>Nâng cao Chỉ số PAPI trên địa bàn xã")
    # justified double spaces collapsed; the paragraph cut into two boxes is one again, in italics
    assert ("<p><i>Căn cứ Quyết định số 88/QĐ-UBND ngày 10/01/2024 của UBND huyện Vĩnh Thạnh về triển khai "
            "nhiệm vụ cải cách hành chính năm 2024;</i></p>") in html
    assert "<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>" in html
    # one box, two paragraphs (first-line indent after a short line); list marks open their own
    assert "Chỉ số PAPI trong công tác điều hành.</p>\n<p>Gắn trách nhiệm người đứng đầu" in html
    assert ("<p>1. Công chức Văn phòng - Thống kê niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa xã; "
            "thực hiện trong quý II/2024.</p>\n<p>- Cập nhật danh mục thủ tục hằng tháng;</p>\n"
            "<p>- Báo cáo kết quả về UBND xã.</p>") in html
    # the sentence cut by the page break goes on; the page number is gone
    assert "tuyên truyền phòng, chống ma túy tại các ấp và trường học; hoàn thành trước ngày 30/9/2024.</p>" in html
    assert "<p>2</p>" not in html and ">2<" not in html.replace("<td>2</td>", "")
    # a figure's characters are kept as text
    assert "<p>Bảng kèm theo</p>" in html
    assert "<layout" not in html and "textgroup" not in html and "rect" not in html


def test_boxes_side_by_side_become_table_rows() -> None:
    html = pdfminer_xml_to_html(PLAN)
    assert ("<tr><td><b>ỦY BAN NHÂN DÂN</b><br><b>XÃ PHÚ LỘC</b><br>Số: 45/KH-UBND</td>"
            "<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br>"
            "<i>Phú Lộc, ngày 03 tháng 4 năm 2024</i></td></tr>") in html
    # the task table: one table, cells in their columns, an empty cell kept, a wide cell spanning two
    table = html[html.index("<td><b>STT</b>"):]
    table = table[: table.index("</table>")]
    assert table.count("<tr>") == 3
    assert "<tr><td>1</td><td>Rà soát hộ nghèo</td><td></td><td>Tháng 5/2024</td></tr>" in html
    assert '<tr><td>2</td><td>Tuyên truyền</td><td colspan="2">Hội Nông dân xã, tháng 6/2024</td></tr>' in html
    assert ("<tr><td><b><i>Nơi nhận:</i></b><br>- UBND huyện;<br>- Đảng ủy xã;<br>- Các ban, ngành xã;<br>"
            "- Lưu: VT.</td>"
            "<td><b>TM. ỦY BAN NHÂN DÂN</b><br><b>CHỦ TỊCH</b><br>Lê Văn Tâm</td></tr>") in html


def test_a_pdfminer_plan_is_read() -> None:
    doc = parse_text(pdfminer_xml_to_html(PLAN), fmt="html")
    assert doc.number == "45/KH-UBND" and doc.issued_date == "2024-04-03"
    assert doc.title == "Nâng cao Chỉ số PAPI trên địa bàn xã Phú Lộc năm 2024"
    assert [s.title for s in doc.sections] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ", "TIẾN ĐỘ"]
    assert doc.signer is not None and doc.signer.name == "Lê Văn Tâm"
    tasks = {t.text: ([a.name for a in t.lead], [d.raw for d in t.deadlines]) for t in doc.tasks}
    assert tasks["Công chức Văn phòng - Thống kê niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa xã; "
                 "thực hiện trong quý II/2024."] == (["Công chức Văn phòng - Thống kê"], ["quý II/2024"])
    # the item cut by the page break is one task, its deadline on the next page
    assert tasks["Công an xã phối hợp với Đoàn Thanh niên xã tuyên truyền phòng, chống ma túy tại các ấp và "
                 "trường học; hoàn thành trước ngày 30/9/2024."][0] == ["Công an xã"]
    # a table row rebuilt from its cells' boxes
    assert tasks["Kiểm tra"] == (["Ban Chỉ huy Quân sự"], ["Quý III"])


def test_hostile_input_never_raises() -> None:
    assert pdfminer_xml_to_html("") == ""
    assert pdfminer_xml_to_html("Kế hoạch số 12/KH-UBND") == "Kế hoạch số 12/KH-UBND"
    assert pdfminer_xml_to_html("<pages><page <<< &&") == "<pages><page <<< &&"
    deep = '<pages><page id="1" bbox="0,0,595,842">' + "<figure>" * 100_000 + "</figure>" * 100_000 + "</page></pages>"
    assert isinstance(pdfminer_xml_to_html(deep), str)
    # a truncated file is read as far as it goes
    assert "<b>Kiểm tra</b>" in pdfminer_xml_to_html(
        '<pages><page id="1" bbox="0,0,595,842"><textbox><textline><text font="A-Bold">Kiểm tra')
    # missing, huge and non-numeric attributes: no exception, the characters kept
    odd = ('<pages><page id="1" bbox="' + "9" * 100_000 + '"><textbox bbox="nan,inf,1e999,x">'
           '<textline bbox="1,2,3"><text font="Arial-Bold' + "x" * 100_000 + '" size="-1" bbox="a,b,c,d">Ấ</text>'
           '<text font="F" size="1e400">p</text></textline></textbox>'
           '<textbox><textline><text>x</text><text font="F">Xóm</text></textline></textbox></page></pages>')
    out = pdfminer_xml_to_html(odd)
    assert "<b>Ấ</b>p" in out and "Xóm" in out


def test_a_large_file_converts_quickly() -> None:
    big = _pdfminer([(PAGE1, []), (PAGE2, FIGURE)] * 40)
    assert len(big) > 1_500_000
    t0 = time.perf_counter()
    html = pdfminer_xml_to_html(big)
    assert time.perf_counter() - t0 < 2.0
    assert html.count("<p><b>KẾ HOẠCH</b></p>") == 40


def test_marks_set_apart_and_a_table_over_a_page_break() -> None:
    """A mark a tab set apart (its own box) opens its item again; a table's rows on the next page go on with
    it, the running header "Trang 2" dropped; a numbered row keeps its number as a cell."""
    page1 = [[_l(113, 700, "a)")],
             [_j(140, 700, "Rà soát danh mục thủ tục hành chính thuộc thẩm quyền của phường"),
              _l(_BODY_LEFT, 685, "Tân An trong quý I/2025.")],
             [_l(90, 100, "STT", B)], [_l(150, 100, "Nội dung", B)], [_l(300, 100, "Chủ trì", B)],
             [_l(95, 80, "1.")], [_l(150, 80, "Đối thoại")], [_l(300, 80, "Mặt trận phường")]]
    page2 = [[_l(280, 815, "Trang 2")],
             [_l(95, 780, "2.")], [_l(150, 780, "Tập huấn")], [_l(300, 780, "Công an phường")]]
    html = pdfminer_xml_to_html(_pdfminer([(page1, []), (page2, [])]))
    assert ("<p>a) Rà soát danh mục thủ tục hành chính thuộc thẩm quyền của phường Tân An trong quý I/2025.</p>"
            in html)
    assert ("<tr><td>1.</td><td>Đối thoại</td><td>Mặt trận phường</td></tr>\n"
            "<tr><td>2.</td><td>Tập huấn</td><td>Công an phường</td></tr>\n</table>") in html
    assert html.count("<table>") == 1 and "Trang 2" not in html
