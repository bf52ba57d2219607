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
