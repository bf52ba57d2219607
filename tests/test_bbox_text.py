"""A PDF's words in boxes (``pdftotext -bbox-layout``) read as the text pdftotext prints."""

from __future__ import annotations

from papi_extract.bbox_text import bbox_to_text, looks_like_bbox
from papi_extract.normalize import normalize
from papi_extract.pipeline import parse_bytes

# A commune plan's pages, block by block, line by line, as pdftotext -bbox-layout nests them.
PAGES = [
    [["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ", "Số: 31/KH-UBND"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
     ["Tân Phú, ngày 12 tháng 6 năm 2023"],
     ["KẾ HOẠCH"], ["Cải thiện Chỉ số PAPI xã Tân Phú năm 2023"],
     ["II. NHIỆM VỤ"], ["1. Thủ tục hành chính công"],
     ["1.1. Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa &amp; trên trang",
      "thông tin điện tử xã; Công chức Văn phòng - Thống kê thực hiện, quý III/2023."]],
    [["2", ], ["1.2. Hướng dẫn người dân nộp hồ sơ trực tuyến; Đoàn Thanh niên xã thực hiện,",
               "tháng 8/2023."]],
]


def _bbox(pages: list[list[list[str]]]) -> str:
    out = ['<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body><doc>']
    y = 0.0
    for page in pages:
        out.append('<page width="595.0" height="842.0"><flow>')
        for block in page:
            out.append(f'<block xMin="50.0" yMin="{y:.1f}" xMax="540.0" yMax="{y + 12 * len(block):.1f}">')
            for line in block:
                out.append(f'<line xMin="50.0" yMin="{y:.1f}" xMax="540.0" yMax="{y + 11:.1f}">')
                x = 50.0
                for w in line.split():
                    out.append(f'<word xMin="{x:.1f}" yMin="{y:.1f}" xMax="{x + 6 * len(w):.1f}" yMax="{y + 11:.1f}">'
                               f"{w}</word>")
                    x += 6 * len(w) + 4
                out.append("</line>")
                y += 12
            out.append("</block>")
        out.append("</flow></page>")
    out.append("</doc></body></html>")
    return "\n".join(out)


def test_bbox_layout_is_known_by_its_word_boxes() -> None:
    page = _bbox(PAGES)
    assert looks_like_bbox(page)
    assert not looks_like_bbox("<html><body><p>Một trang tin tức với vài <b>từ</b>.</p></body></html>")


def test_bbox_words_become_lines_and_paragraphs() -> None:
    text = bbox_to_text(_bbox(PAGES))
    lines = text.split("\n")
    assert lines[:4] == ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ", "Số: 31/KH-UBND", ""]
    assert "1.1. Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa & trên trang" in lines
    assert "\f2" in lines  # the second page opens with a form feed, as pdftotext prints it
    # through the pipeline: an .html file of word boxes is read as that text
    assert "Bộ phận Một cửa & trên trang" in normalize(_bbox(PAGES), "html").text


def test_a_bbox_layout_plan_is_read() -> None:
    doc = parse_bytes(_bbox(PAGES).encode("utf-8"), path="tan_phu.html")
    assert doc.record_type == "plan"
    assert doc.number == "31/KH-UBND" and doc.issued_date == "2023-06-12"
    got = [(t.label, [a.name for a in t.lead], [d.raw for d in t.deadlines]) for t in doc.tasks]
    assert got == [("1.1", ["Công chức Văn phòng - Thống kê"], ["quý III/2023"]),
                   ("1.2", ["Đoàn Thanh niên xã"], ["tháng 8/2023"])]
