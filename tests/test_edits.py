"""Drafts carrying their tracked edits (papi_extract/edits.py, the <del>/<s>/<strike> drop in html_text): struck
text and reviewers' comments are not the plan's; inserted text and items proposed for removal are."""

from __future__ import annotations

from papi_extract.edits import drop_edit_marks, drop_review_comments, drop_struck
from papi_extract.evaluate import agency_key
from papi_extract.models import PlanDocument, Task
from papi_extract.pipeline import parse_text


def _task(doc: PlanDocument, words: str) -> Task:
    hits = [t for t in doc.tasks if words in t.text]
    assert len(hits) == 1, [t.text for t in doc.tasks]
    return hits[0]


def _leads(t: Task) -> list[str]:
    return [agency_key(a.name) for a in t.lead]


def test_struck_runs_go_with_their_footnote_mark_and_the_space_after() -> None:
    assert drop_struck("- ~~Phòng Nội vụ~~ Phòng Tư pháp chủ trì") == "- Phòng Tư pháp chủ trì"
    assert drop_struck("2. ~~Rà soát quy chế.~~[^2]\n") == "2. \n"
    # a tilde that strikes nothing stays: "~ 50%", "~~ ~~", a run over a line end
    for kept in ("tỷ lệ ~ 50%", "~~ ~~", "~~Phòng\nNội vụ~~", "khoảng ~~50%"):
        assert drop_struck(kept) == kept


def test_review_comments_in_brackets_go_other_brackets_stay() -> None:
    assert (drop_review_comments("- Công khai dự toán; quý II. [Góp ý của Phòng Tài chính: chuyển sang quý I]")
            == "- Công khai dự toán; quý II.")
    assert drop_review_comments("Tổ chức đối thoại [PNV: cân nhắc]; tháng 9.") == "Tổ chức đối thoại; tháng 9."
    for kept in ("theo Phụ lục [2]", "[Phụ lục kèm theo]", "điểm số [3]", "[Tên cơ quan]", "[V: a]"):
        assert drop_review_comments(kept) == kept


def test_an_editors_mark_opening_an_item_goes_the_item_stays() -> None:
    assert drop_edit_marks("- (Mới bổ sung) Phòng Y tế kiểm tra …") == "- Phòng Y tế kiểm tra …"
    assert drop_edit_marks("3. (đề xuất bỏ) Tổ chức hội thi.") == "3. Tổ chức hội thi."
    assert drop_edit_marks("| 4 | (mới) Rà soát |") == "| 4 | Rà soát |"
    # a bracket inside the sentence, or one naming no edit, stays
    for kept in ("- Phòng Y tế (bổ sung mới) kiểm tra", "- (Phụ lục 2) Rà soát", "(mới)"):
        assert drop_edit_marks(kept) == kept


def test_a_markdown_draft_reads_as_the_plan_its_edits_make() -> None:
    """ "~~X~~ Y" leads Y; a struck time gives way to the one after it; a struck item is no task; a reviewer's
    bracketed quarter is no deadline; "(bổ sung mới)" does not hide the item's subject."""
    doc = parse_text(
        "DỰ THẢO\n\n# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI huyện Tam Đường năm 2024\n\n## II. NHIỆM VỤ\n\n"
        "### 1. Công khai, minh bạch\n\n"
        "- ~~Phòng Nội vụ~~ Phòng Tài chính - Kế hoạch công khai dự toán ngân sách huyện; ~~quý II/2024~~ quý III/2024.\n"
        "- ~~Phòng Tư pháp rà soát quy chế dân chủ; tháng 5/2024.~~ [Góp ý của Văn phòng: trùng mục 3]\n"
        "- (Mới bổ sung) Phòng Tài nguyên và Môi trường công khai bảng giá đất; tháng 10/2024. [VP: xem lại quý IV]\n",
        fmt="markdown")
    assert len(doc.tasks) == 2
    one = _task(doc, "dự toán ngân sách")
    assert _leads(one) == [agency_key("Phòng Tài chính - Kế hoạch")]
    assert [(d.kind, d.end) for d in one.deadlines] == [("quarter", "2024-09-30")]
    two = _task(doc, "bảng giá đất")
    assert _leads(two) == [agency_key("Phòng Tài nguyên và Môi trường")]
    assert [(d.kind, d.end) for d in two.deadlines] == [("month", "2024-10-31")]
    assert not two.text.startswith("(")


def test_an_html_draft_drops_del_s_and_strike_and_keeps_ins() -> None:
    doc = parse_text(
        "<html><body><p><b>KẾ HOẠCH</b></p><p>Nâng cao Chỉ số PAPI xã Bản Giang năm 2025</p>"
        "<p><b>II. NHIỆM VỤ</b></p><p><b>1. Thủ tục hành chính công</b></p>"
        "<p>- <strike>Công chức Tư pháp - Hộ tịch</strike> Công chức Văn phòng - Thống kê niêm yết thủ tục hành chính; "
        "<del>tháng 3/2025</del> <ins>tháng 6/2025</ins>.</p>"
        "<p><s>- Công an xã tuần tra ban đêm; quý I/2025.</s></p></body></html>", fmt="html")
    assert len(doc.tasks) == 1
    t = doc.tasks[0]
    assert _leads(t) == [agency_key("Công chức Văn phòng - Thống kê")]
    assert [(d.kind, d.end) for d in t.deadlines] == [("month", "2025-06-30")]


def test_a_signature_placeholder_line_is_not_the_signers_name() -> None:
    doc = parse_text("UBND XÃ NA SANG\n\nKẾ HOẠCH\nPAPI xã năm 2025\n\nI. NHIỆM VỤ\n- Công khai ngân sách xã.\n\n"
                     "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Ký tên, đóng dấu)\n\nLầu Văn Páo\n")
    assert doc.signer is not None and doc.signer.name == "Lầu Văn Páo"
