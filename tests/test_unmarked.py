"""Text typed without diacritics: the matchers read it with the vocabulary's marks put back, raw values stay as printed."""

from __future__ import annotations

from papi_extract import parse_text
from papi_extract.agencies import cooperation_agencies, split_agencies, subject_agencies
from papi_extract.deadlines import parse_deadlines
from papi_extract.models import Period
from papi_extract.unmarked import mark_text, restore_marks


def test_marks_come_back_one_character_for_one_and_only_on_unmarked_text() -> None:
    s = "Phong Van hoa va Thong tin phoi hop voi Cong an xa, hoan thanh truoc ngay 15/10/2026"
    marked = mark_text(s)
    assert len(marked) == len(s)
    assert marked.startswith("Phòng Văn hóa và Thông tin phối hợp với Công an xã")
    assert mark_text("Sở Nội vụ chủ trì") == "Sở Nội vụ chủ trì"  # a marked text is left as it is
    assert restore_marks("trong quy iv/2026") == "trong quý iv/2026"  # "trong" stays bare: a word listed bare
    assert restore_marks("theo quy che") == "theo quy chế"  # the longer phrase: a rule, not a quarter


def test_agencies_and_times_of_a_plan_typed_without_marks() -> None:
    """ "Phong Giao duc va Dao tao chu tri, phoi hop voi Hoi Lien hiep Phu nu huyen …; dinh ky hang quy": the
    agencies and the time are read as in marked text; each raw value is the text as printed, each name marked."""
    text = "Phong Giao duc va Dao tao chu tri, phoi hop voi Hoi Lien hiep Phu nu huyen kiem tra cac truong hoc"
    lead = subject_agencies(text)
    assert [(a.raw, a.name) for a in lead] == [("Phong Giao duc va Dao tao", "Phòng Giáo dục và Đào tạo")]
    assert [a.raw for a in cooperation_agencies(text)] == ["Hoi Lien hiep Phu nu huyen"]
    assert [a.raw for a in split_agencies("Cong an huyen; UBND cac xa, thi tran")] == ["Cong an huyen", "UBND cac xa, thi tran"]
    p = Period(start_year=2026, end_year=2026)
    assert [(d.raw, d.kind) for d in parse_deadlines("Bao cao dinh ky hang quy.", 0, p)] == [("dinh ky hang quy", "recurring")]
    assert [(d.kind, d.end) for d in parse_deadlines("Quy IV/2026", 0, p, cell=True)] == [("quarter", "2026-12-31")]


def test_a_whole_unmarked_plan_keeps_its_text_as_printed() -> None:
    doc = parse_text("UY BAN NHAN DAN HUYEN THO XUAN\nSo: 12/KH-UBND\nKE HOACH\nNang cao Chi so PAPI nam 2026\n\n"
                     "II. NHIEM VU\n1. Thu tuc hanh chinh cong\n"
                     "- Van phong HDND va UBND huyen niem yet thu tuc hanh chinh; thuong xuyen.\n", with_text=True)
    (t,) = [t for t in doc.tasks if t.text.startswith("niem yet") or t.text.startswith("Van phong")]
    assert [a.raw for a in t.lead] == ["Van phong HDND va UBND huyen"]
    assert [(d.raw, d.kind) for d in t.deadlines] == [("thuong xuyen", "continuous")]
    assert doc.text is not None and "Van phong HDND" in doc.text  # the text itself is never rewritten
