"""Tables of a PDF converted to positioned HTML (``pdftohtml -s``): rows rebuilt from the coordinates."""

from __future__ import annotations

from papi_extract.html_text import html_to_text
from papi_extract.pipeline import parse_text

_CSS = """<style type="text/css">
.ft1{font-size:16px;font-family:Times;color:#000000;}
.ft2{font-size:14px;line-height:21px;font-family:Times;color:#000000;}
</style>"""


def _p(top: int, left: int, text: str, cls: str = "ft1") -> str:
    return f'<p style="position:absolute;top:{top}px;left:{left}px;white-space:nowrap" class="{cls}">{text}</p>'


def _page(n: int, body: list[str]) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"/>{_CSS}</head><body>'
            f'<div id="page{n}-div" style="position:relative;width:1262px;height:892px;">' + "\n".join(body)
            + "</div></body></html>\n")


# Page 1: the plan's opening and a score table whose header cells are stacked lines ("Năm" over "2022",
# "Tăng/" over "giảm") and whose "TT" and "Chỉ số" pdftohtml joined with a no-break space.
PAGE1 = [
    _p(60, 120, "ỦY BAN NHÂN DÂN"), _p(84, 130, "<b>HUYỆN ĐỨC LINH</b>"), _p(120, 140, "Số: 52/KH-UBND"),
    _p(60, 420, "<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b>"), _p(84, 470, "<b>Độc lập - Tự do - Hạnh phúc</b>"),
    _p(120, 450, "<i>Đức Linh, ngày 06 tháng 4 năm 2023</i>"),
    _p(180, 400, "<b>KẾ HOẠCH</b>"), _p(204, 200, "<b>Nâng cao Chỉ số PAPI huyện Đức Linh năm 2023</b>"),
    _p(250, 111, "<b>I. KẾT QUẢ NĂM 2022</b>"),
    _p(280, 150, "Kết&#160;quả&#160;các&#160;chỉ&#160;số&#160;nội&#160;dung&#160;năm&#160;2022&#160;như&#160;sau:"),
    _p(320, 100, "<b>TT&#160;Chỉ số nội dung</b>"),
    _p(308, 520, "<b>Năm</b>"), _p(332, 518, "<b>2022</b>"),
    _p(308, 640, "<b>Tăng/</b>"), _p(332, 640, "<b>giảm</b>"),
    _p(370, 106, "1"), _p(370, 140, "Công khai, minh bạch trong việc ra quyết định"), _p(370, 530, "5,31"),
    _p(370, 645, "-0,08"),
    _p(400, 106, "2"), _p(400, 140, "Thủ tục hành chính công"), _p(400, 530, "7,12"), _p(400, 645, "+0,20"),
    _p(430, 106, "3"), _p(430, 140, "Quản trị điện tử"), _p(430, 530, "3,95"), _p(430, 645, "+0,02"),
    _p(480, 111, "<b>II. NHIỆM VỤ</b>"),
    _p(510, 150, "Các&#160;phòng,&#160;ban&#160;thực&#160;hiện&#160;nhiệm&#160;vụ&#160;tại&#160;Phụ&#160;lục."),
]

# Page 2: the appendix. Each row's number is centred in its cell (drawn after or before the text, lower
# than the text's first line); "Số" / "TT" is a header cut by the narrow cell; a group row's label and
# title are one <p> joined by a no-break space; row 2's time and output are joined likewise; row 3's
# time is two <p>s one under the other.
PAGE2 = [
    _p(40, 520, "<b>PHỤ LỤC</b>"),
    _p(80, 72, "<b>Số</b>"), _p(102, 76, "<b>TT</b>"), _p(91, 111, "<b>Nhiệm vụ</b>"),
    _p(91, 480, "<b>Đơn vị chủ trì</b>"), _p(91, 660, "<b>Đơn vị phối hợp</b>"),
    _p(80, 880, "<b>Thời hạn<br/>hoàn thành</b>", "ft2"), _p(91, 1010, "<b>Kết quả</b>"),
    _p(132, 76, "<b>I&#160;Trách nhiệm giải trình với người dân</b>"),
    _p(156, 111, "Tổ chức đối thoại giữa Chủ tịch UBND huyện với<br/>Nhân dân tại các xã về thu hồi đất", "ft2"),
    _p(167, 80, "1"), _p(167, 480, "Phòng Nội vụ"),
    _p(156, 660, "Văn phòng HĐND và UBND<br/>huyện", "ft2"), _p(167, 885, "Quý II/2023"),
    _p(167, 1010, "Biên bản đối thoại"),
    _p(222, 80, "2"),
    _p(211, 111, "Công khai kết quả giải quyết khiếu nại, tố cáo<br/>trên trang thông tin điện tử huyện", "ft2"),
    _p(222, 480, "Thanh tra huyện"), _p(222, 660, "Phòng Văn hóa và Thông tin"),
    _p(222, 878, "Hằng quý&#160;Thông báo công khai"),
    _p(288, 80, "3"),
    _p(266, 111, "Kiện toàn Ban Thanh tra nhân dân các xã, thị trấn;<br/>tập huấn nghiệp vụ giám sát cho thành viên", "ft2"),
    _p(278, 480, "Ủy ban MTTQ Việt Nam huyện", "ft2"), _p(278, 660, "Phòng Nội vụ"),
    _p(278, 884, "Trước ngày"), _p(300, 889, "30/9/2023"), _p(288, 1010, "Quyết định kiện toàn"),
    _p(360, 150, "KT. CHỦ TỊCH"), _p(384, 150, "PHÓ CHỦ TỊCH"), _p(440, 150, "Trần Văn Thanh"),
]

HTML = _page(1, PAGE1) + _page(2, PAGE2)


def _tab_rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.split("\n") if "\t" in line]


def test_positioned_cells_are_rebuilt_into_rows() -> None:
    rows = _tab_rows(html_to_text(HTML))
    assert ["TT", "Chỉ số nội dung", "Năm 2022", "Tăng/ giảm"] in rows  # stacked header lines, a joined pair cut
    assert ["1", "Công khai, minh bạch trong việc ra quyết định", "5,31", "-0,08"] in rows
    assert ["Số TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành", "Kết quả"] in rows
    assert ["I", "Trách nhiệm giải trình với người dân", "", "", "", ""] in rows
    assert ["1", "Tổ chức đối thoại giữa Chủ tịch UBND huyện với Nhân dân tại các xã về thu hồi đất", "Phòng Nội vụ",
            "Văn phòng HĐND và UBND huyện", "Quý II/2023", "Biên bản đối thoại"] in rows
    assert ["2", "Công khai kết quả giải quyết khiếu nại, tố cáo trên trang thông tin điện tử huyện", "Thanh tra huyện",
            "Phòng Văn hóa và Thông tin", "Hằng quý", "Thông báo công khai"] in rows
    assert ["3", "Kiện toàn Ban Thanh tra nhân dân các xã, thị trấn; tập huấn nghiệp vụ giám sát cho thành viên",
            "Ủy ban MTTQ Việt Nam huyện", "Phòng Nội vụ", "Trước ngày 30/9/2023", "Quyết định kiện toàn"] in rows


def test_the_rebuilt_rows_are_tasks_and_scores() -> None:
    doc = parse_text(HTML, fmt="html")
    table = [t for t in doc.tasks if t.origin == "table"]
    assert [t.label for t in table] == ["1", "2", "3"]
    assert [a.name for a in table[1].lead] == ["Thanh tra huyện"]
    assert table[1].output == "Thông báo công khai"
    assert [d.raw for d in table[2].deadlines] == ["Trước ngày 30/9/2023"]
    assert {t.dimension for t in table} == {3}
    values = {(s.dimension, s.year): s.value for s in doc.scores if s.kind == "actual" and s.dimension}
    assert values[(2, 2022)] == 5.31 and values[(8, 2022)] == 3.95


def test_text_that_is_no_table_stays_in_file_order() -> None:
    text = html_to_text(HTML)
    # the two-column header block (two cells a band) and the prose are no table
    assert "Các phòng, ban thực hiện nhiệm vụ tại Phụ lục." in text
    lines = text.split("\n")
    assert lines.index("KT. CHỦ TỊCH") < lines.index("Trần Văn Thanh")
    assert not any("KẾT QUẢ NĂM 2022" in line and "\t" in line for line in lines)


def test_hostile_pages_stay_linear() -> None:
    # 20,000 positioned lines side by side on one band: no table, and no quadratic grouping of its cells
    wide = _page(1, [_p(100, 10 + k, f"ô {k}") for k in range(20_000)])
    assert "ô 19999" in html_to_text(wide)


def test_a_control_character_from_an_entity_does_not_break_a_rebuilt_cell() -> None:
    # "&#16;" inside a cell (a broken "&#160;") is parsed into a control character lxml refuses in a new cell
    page = HTML.replace("Hằng quý&#160;Thông báo công khai", "Hằng quý&#16;0;Thông báo công khai")
    rows = _tab_rows(html_to_text(page))
    assert any(len(r) > 4 and r[0] == "2" and r[4].startswith("Hằng quý") for r in rows)


def test_a_control_character_from_an_entity_in_a_div_grid_cell() -> None:
    grid = ('<html><body><div class="row"><div class="col-md-6">STT&#12;</div><div class="col-md-6">Nội dung</div></div>'
            '<div class="row"><div class="col-md-6">1</div><div class="col-md-6">Công khai&#16; ngân sách</div></div>'
            '</body></html>')
    text = html_to_text(grid)
    assert "Công khai" in text and "ngân sách" in text
