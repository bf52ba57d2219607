"""Footnote paragraphs and their citations in converted plans."""

from __future__ import annotations

from papi_extract.footnotes import citation_pos, footnote_label


def test_footnote_paragraphs_give_their_label() -> None:
    assert footnote_label("[[3]](#_ftnref3) Các chỉ số tăng điểm gồm: …") == "3"
    assert footnote_label("[2](#ftnref2) Năm 2023 …") == "2"
    assert footnote_label("[^ghichu]: Theo Báo cáo PAPI 2024.") == "ghichu"
    assert footnote_label("[Xem thêm](https://papi.org.vn) …") is None
    assert footnote_label("1. Sở Nội vụ chủ trì") is None


def test_the_citation_is_found_before_the_note_and_a_definition_is_no_citation() -> None:
    text = "Năm 2024 có 04 chỉ số tăng điểm[[3]](#_ftn3).\n\n[[3]](#_ftnref3) Gồm …"
    assert citation_pos(text, "3", text.index("[[3]](#_ftnref3)")) == text.index("[[3]](#_ftn3)")
    text = "Giảm điểm[^2] ở hai chỉ số.\n\n[^2]: Gồm …\n"
    assert citation_pos(text, "2", len(text)) == text.index("[^2]")
    assert citation_pos("[^2]: Gồm …", "2", 12) is None
    assert citation_pos("Không trích dẫn.\n\n[[4]](#_ftnref4) …", "4", 40) is None
