"""Tasks, agencies and deadlines from prose, lists and tables (papi_extract/tasks.py).

Each layout is shown on a passage written for these tests (another province, other agencies, other
wording) and on real values from the seeds. The last test converts seed 003's appendix table into
three other layouts and checks that the same tasks, agencies and deadlines come out.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from papi_extract.evaluate import agency_key, text_key
from papi_extract.models import Agency, PlanDocument, Task
from papi_extract.pipeline import parse_text

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def parse(text: str, fmt: str | None = None) -> PlanDocument:
    return parse_text(text, fmt=fmt)


@cache
def seed(stem: str) -> PlanDocument:
    return parse_text((CORPUS / f"{stem}.txt").read_text(encoding="utf-8"))


def keys(items: list[Agency]) -> set[str]:
    return {agency_key(a.name) for a in items}


def expect(*names: str) -> set[str]:
    return {agency_key(n) for n in names}


def find(doc: PlanDocument, opening: str) -> Task:
    hits = [t for t in doc.tasks if t.text.startswith(opening)]
    assert len(hits) == 1, f"{opening!r}: {len(hits)} tasks ({[t.text[:40] for t in doc.tasks]})"
    return hits[0]


def ends(t: Task) -> list[str | None]:
    return [d.end for d in t.deadlines]


# ---------------------------------------------------------------------------------------------
# A plan written for these tests: Quảng Ngãi, huyện Sơn Tịnh, every list layout of the seeds
# ---------------------------------------------------------------------------------------------

PLAN = """ỦY BAN NHÂN DÂN HUYỆN SƠN TỊNH

Số: 45/KH-UBND

Sơn Tịnh, ngày 14 tháng 3 năm 2022

KẾ HOẠCH

Nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) huyện Sơn Tịnh năm 2022

I. MỤC ĐÍCH, YÊU CẦU

- Xác định rõ trách nhiệm của từng cơ quan, đơn vị trong việc cải thiện Chỉ số PAPI của huyện.
- Phòng Nội vụ tham mưu đầy đủ, kịp thời cho Ủy ban nhân dân huyện về các giải pháp nâng cao Chỉ số PAPI.

II. MỤC TIÊU

- Phấn đấu Chỉ số PAPI năm 2022 của huyện đạt 45,00 điểm trở lên.

III. NHIỆM VỤ, GIẢI PHÁP

1. Tham gia của người dân ở cấp cơ sở

a) Chỉ đạo và theo dõi kết quả thực hiện

- Chỉ đạo thực hiện: Phó Chủ tịch UBND huyện phụ trách khối nội chính.
- Cơ quan chủ trì: Phòng Nội vụ.
- Cơ quan phối hợp: Ủy ban MTTQ Việt Nam huyện.

b) Nhiệm vụ cụ thể

- Tổ chức tập huấn cho trưởng thôn, tổ trưởng tổ dân phố về Luật Thực hiện dân chủ ở cơ sở.
- Phòng Tư pháp phối hợp với Hội Luật gia huyện tuyên truyền pháp luật về bầu cử đến từng khu dân cư.
- UBND các xã, thị trấn:
+ Niêm yết công khai các khoản đóng góp tự nguyện của Nhân dân tại nhà văn hóa thôn.
+ Tổ chức hội nghị lấy ý kiến Nhân dân về các công trình công cộng trước khi triển khai.

2. Công khai, minh bạch trong việc ra quyết định ở địa phương

Thực hiện công khai danh sách hộ nghèo, hộ cận nghèo tại trụ sở và trên hệ thống loa truyền thanh của xã.

Rà soát, niêm yết đầy đủ quy hoạch, kế hoạch sử dụng đất và bảng giá đất tại Bộ phận một cửa huyện.

Cơ quan chủ trì: Phòng Tài chính - Kế hoạch.

Cơ quan phối hợp: UBND các xã, thị trấn.

3. Trách nhiệm giải trình với người dân

3.1. Duy trì lịch tiếp công dân định kỳ của lãnh đạo huyện và công khai kết quả giải quyết kiến nghị.
- Cơ quan chủ trì: Thanh tra huyện.
- Cơ quan phối hợp: Ban Tiếp công dân huyện.
- Thời gian hoàn thành: Thường xuyên.

3.2. Giải quyết dứt điểm các vụ việc khiếu nại tồn đọng, kéo dài trên địa bàn huyện.
- Cơ quan chủ trì: UBND các xã, thị trấn.
- Thời gian hoàn thành: Trước ngày 30/11/2022.

4. Kiểm soát tham nhũng trong khu vực công

- Thanh tra huyện: Chủ trì phối hợp với Công an huyện kiểm tra việc kê khai tài sản, thu nhập của người có chức vụ.
- Phòng Nội vụ công khai kết quả tuyển dụng công chức trên Cổng thông tin điện tử huyện.

5. Các nhiệm vụ khác: Theo Phụ lục đính kèm.

IV. TỔ CHỨC THỰC HIỆN

1. Phòng Nội vụ

Là cơ quan thường trực giúp UBND huyện theo dõi, tổng hợp kết quả thực hiện Kế hoạch; báo cáo UBND huyện trước ngày 15/12/2022.

2. Các cơ quan, đơn vị; UBND các xã, thị trấn

- Xây dựng kế hoạch cụ thể của đơn vị, địa phương mình trước ngày 31/3/2022.
- Định kỳ hàng quý báo cáo kết quả thực hiện về Phòng Nội vụ để tổng hợp.

Trên đây là Kế hoạch nâng cao Chỉ số PAPI huyện Sơn Tịnh năm 2022./.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn A
"""


@pytest.fixture(scope="module")
def plan() -> PlanDocument:
    return parse(PLAN)


def test_what_is_a_task(plan: PlanDocument) -> None:
    texts = [t.text for t in plan.tasks]
    assert len(texts) == 13, texts
    joined = " | ".join(texts)
    # purpose/objectives, targets, agency-block lines, group headers, cross references, closing
    for not_task in ("Xác định rõ trách nhiệm", "Phòng Nội vụ tham mưu đầy đủ", "Phấn đấu Chỉ số", "Chỉ đạo thực hiện",
                     "Cơ quan chủ trì", "UBND các xã, thị trấn:", "Theo Phụ lục", "Trên đây là", "Nguyễn Văn A"):
        assert not any(t.startswith(not_task) for t in texts), not_task
    assert "Là cơ quan thường trực" in joined
    assert [t.id for t in plan.tasks] == [f"t{i}" for i in range(1, 14)]


def test_agency_block_in_its_own_subsection_applies_to_the_parent(plan: PlanDocument) -> None:
    t = find(plan, "Tổ chức tập huấn cho trưởng thôn")
    assert keys(t.lead) == expect("Phòng Nội vụ")
    assert keys(t.support) == expect("Ủy ban MTTQ Việt Nam huyện")
    assert keys(t.directing) == expect("Phó Chủ tịch UBND huyện phụ trách khối nội chính")
    assert t.dimension == 1 and t.origin == "list"


def test_subject_lead_takes_no_block_support(plan: PlanDocument) -> None:
    t = find(plan, "Phòng Tư pháp phối hợp với Hội Luật gia huyện")
    assert keys(t.lead) == expect("Phòng Tư pháp")
    assert keys(t.support) == expect("Hội Luật gia huyện")
    assert keys(t.directing) == expect("Phó Chủ tịch UBND huyện phụ trách khối nội chính")


def test_bullets_under_agency_header(plan: PlanDocument) -> None:
    for opening in ("Niêm yết công khai các khoản đóng góp", "Tổ chức hội nghị lấy ý kiến Nhân dân"):
        t = find(plan, opening)
        assert keys(t.lead) == expect("UBND các xã, thị trấn")
        assert t.support == []
        assert t.method == "bullet-under-agency-header"
        assert keys(t.directing) == expect("Phó Chủ tịch UBND huyện phụ trách khối nội chính")


def test_agency_block_after_prose_paragraphs(plan: PlanDocument) -> None:
    for opening in ("Thực hiện công khai danh sách hộ nghèo", "Rà soát, niêm yết đầy đủ quy hoạch"):
        t = find(plan, opening)
        assert t.origin == "prose" and t.dimension == 2
        assert keys(t.lead) == expect("Phòng Tài chính - Kế hoạch")
        assert keys(t.support) == expect("UBND các xã, thị trấn")


def test_numbered_items_with_their_own_agency_lines(plan: PlanDocument) -> None:
    t31 = find(plan, "Duy trì lịch tiếp công dân")
    t32 = find(plan, "Giải quyết dứt điểm các vụ việc")
    assert (t31.label, t32.label) == ("3.1", "3.2")
    assert keys(t31.lead) == expect("Thanh tra huyện")
    assert keys(t31.support) == expect("Ban Tiếp công dân huyện")
    assert [d.kind for d in t31.deadlines] == ["continuous"]
    assert keys(t32.lead) == expect("UBND các xã, thị trấn")
    assert t32.support == []
    assert ends(t32) == ["2022-11-30"]
    assert t31.dimension == t32.dimension == 3


def test_agency_colon_with_lead_and_support_in_one_sentence(plan: PlanDocument) -> None:
    t = find(plan, "Thanh tra huyện: Chủ trì phối hợp với Công an huyện")
    assert keys(t.lead) == expect("Thanh tra huyện")
    assert keys(t.support) == expect("Công an huyện")
    assert t.dimension == 4
    t2 = find(plan, "Phòng Nội vụ công khai kết quả tuyển dụng")
    assert keys(t2.lead) == expect("Phòng Nội vụ")


def test_organization_duties(plan: PlanDocument) -> None:
    t = find(plan, "Là cơ quan thường trực giúp UBND huyện")
    assert keys(t.lead) == expect("Phòng Nội vụ")
    assert t.dimension is None
    assert ends(t) == ["2022-12-15"]
    t2 = find(plan, "Xây dựng kế hoạch cụ thể của đơn vị")
    assert keys(t2.lead) == expect("Các cơ quan, đơn vị", "UBND các xã, thị trấn")
    assert ends(t2) == ["2022-03-31"]
    t3 = find(plan, "Định kỳ hàng quý báo cáo kết quả")
    assert [d.recurrence for d in t3.deadlines] == ["quarterly"]


def test_spans_point_at_the_task(plan: PlanDocument) -> None:
    doc = parse_text(PLAN, with_text=True)
    assert doc.text is not None
    for t in doc.tasks:
        assert t.text_span is not None
        a, b = t.text_span
        assert text_key(doc.text[a:b]) == text_key(t.text)
        assert t.span[0] <= a and b <= t.span[1]
        for ag in t.lead + t.support + t.directing:
            s, e = ag.span
            assert doc.text[s:e] == ag.raw


# ---------------------------------------------------------------------------------------------
# More layouts on short passages
# ---------------------------------------------------------------------------------------------

HEAD = "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI tỉnh Bình Định năm 2023\n\n"


def test_agency_block_before_tasks_and_directing_for_all() -> None:
    text = HEAD + (
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Quản trị điện tử\n\n"
        "- Chỉ đạo thực hiện: Thường trực UBND tỉnh.\n"
        "- Cơ quan chủ trì thực hiện: Sở Thông tin và Truyền thông.\n"
        "- Cơ quan phối hợp: Các sở, ban, ngành; UBND các huyện, thị xã, thành phố.\n\n"
        "- Nâng cấp Cổng thông tin điện tử tỉnh, bảo đảm tương thích thiết bị di động.\n"
        "- Sở Nội vụ: Triển khai khảo sát mức độ hài lòng của người dân trực tuyến.\n"
    )
    doc = parse(text)
    assert len(doc.tasks) == 2
    t1, t2 = doc.tasks
    assert keys(t1.lead) == expect("Sở Thông tin và Truyền thông")
    assert keys(t1.support) == expect("Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố")
    assert keys(t2.lead) == expect("Sở Nội vụ") and t2.support == []
    assert keys(t1.directing) == keys(t2.directing) == expect("Thường trực UBND tỉnh")
    assert t1.dimension == t2.dimension == 8


def test_lettered_items_split_again_and_page_break_joined() -> None:
    """Lettered items whose label letter is lower case ("b) …") are separate tasks; a paragraph
    continuing an item after a page break is joined with one space, even in upper case."""
    text = HEAD + (
        "II. NỘI DUNG THỰC HIỆN\n\n"
        "1. Nội dung “Thủ tục hành chính công”\n\n"
        "a) Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền của UBND cấp huyện.\n\n"
        "b) Công khai đầy đủ thủ tục hành chính tại Bộ phận một cửa các cấp.\n\n"
        "c) Sở Tư pháp hướng dẫn, kiểm tra việc chứng thực bản sao điện tử từ bản chính.\n\n"
        "2. Kiểm soát tham nhũng trong khu vực công\n\n"
        "- Tuyên truyền, quán triệt Chỉ thị của Ban\n\n"
        "Thường vụ Tỉnh ủy về phòng, chống tham nhũng đến cán bộ, công chức.\n"
        "- Công khai kết quả xử lý các vụ việc tham nhũng.\n"
    )
    doc = parse(text)
    assert [t.label for t in doc.tasks] == ["a", "b", "c", None, None]
    assert keys(doc.tasks[2].lead) == expect("Sở Tư pháp")
    assert [t.dimension for t in doc.tasks] == [5, 5, 5, 4, 4]
    assert doc.tasks[3].text == ("Tuyên truyền, quán triệt Chỉ thị của Ban Thường vụ Tỉnh ủy về phòng, chống tham "
                                 "nhũng đến cán bộ, công chức.")


def test_runin_heading_gives_the_subdimension() -> None:
    text = HEAD + (
        "II. NHIỆM VỤ\n\n"
        "1. Cung ứng dịch vụ công\n\n"
        "Cải thiện cơ sở hạ tầng căn bản: đầu tư đường giao thông nông thôn và lưới điện sinh hoạt.\n\n"
        "Tăng cường kiểm tra chất lượng nước sạch tại các công trình cấp nước tập trung.\n"
    )
    doc = parse(text)
    assert [(t.dimension, t.subdimension) for t in doc.tasks] == [(6, "6.3"), (6, None)]


def test_generic_closing_item_has_no_dimension() -> None:
    text = HEAD + (
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Quản trị môi trường\n\n"
        "- Chỉ đạo thực hiện: Lãnh đạo UBND tỉnh phụ trách.\n"
        "- Cơ quan chủ trì: Sở Tài nguyên và Môi trường.\n\n"
        "- Kiểm tra việc xử lý chất thải của các cơ sở chăn nuôi tập trung.\n"
        "- * Ngoài các nhiệm vụ nêu trên, các cơ quan, đơn vị, địa phương chủ động đề xuất giải pháp phù hợp.\n"
    )
    doc = parse(text)
    t1, t2 = doc.tasks
    assert t1.dimension == 7 and keys(t1.directing) == expect("Lãnh đạo UBND tỉnh phụ trách")
    assert t2.dimension is None and t2.directing == []
    assert keys(t2.lead) == expect("các cơ quan, đơn vị, địa phương")


def test_numbered_item_read_as_heading_is_still_a_task() -> None:
    """An item without a final period may come out of the outline as a heading; with agency lines
    under it and nothing else, it is one task."""
    text = HEAD + (
        "PHỤ LỤC\nCÁC NHIỆM VỤ CỤ THỂ\n\n"
        "1. Tham gia của người dân ở cấp cơ sở\n\n"
        "1.1. Hướng dẫn các thôn xây dựng hương ước, quy ước\n"
        "- Cơ quan chủ trì: Phòng Tư pháp\n"
        "- Cơ quan phối hợp: UBND các xã\n"
        "- Thời gian hoàn thành: Quý II/2023\n"
    )
    doc = parse(text)
    assert len(doc.tasks) == 1
    t = doc.tasks[0]
    assert t.text.startswith("Hướng dẫn các thôn xây dựng hương ước")
    assert keys(t.lead) == expect("Phòng Tư pháp") and keys(t.support) == expect("UBND các xã")
    assert ends(t) == ["2023-06-30"]
    assert t.dimension == 1


def test_table_rows_give_agencies_output_and_deadlines() -> None:
    text = HEAD + (
        "III. NHIỆM VỤ CỤ THỂ\n\n"
        "STT\tNội dung nhiệm vụ\tTrách nhiệm thực hiện\t\tSản phẩm\tThời gian thực hiện\n"
        "\t\tCơ quan chủ trì\tCơ quan phối hợp\t\t\n"
        "I\tThủ tục hành chính công\t\t\t\t\n"
        "1\tRà soát, đơn giản hóa thủ tục hành chính cấp huyện\tVăn phòng HĐND và UBND huyện phối hợp Phòng Tư pháp; UBND các xã\tCác phòng chuyên môn\tBáo cáo rà soát\tQuý III/2023\n"
        "2\tKiểm tra việc giải quyết hồ sơ trễ hạn tại Bộ phận một\tPhòng Nội vụ\tVăn phòng HĐND\tKết luận kiểm\tTrước ngày\n"
        "\n"
        "\tcửa các xã\t\tvà UBND huyện\ttra\t30/10/2023\n"
        "\tCung ứng dịch vụ công\t\t\t\t\n"
        "3\tKhảo sát sự hài lòng về dịch vụ y tế công lập\tTrung tâm Y tế huyện\t\tPhiếu khảo sát\tNăm 2023\n"
    )
    doc = parse(text)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    t1, t2, t3 = doc.tasks
    assert t1.origin == "table" and t1.method == "table-row"
    assert keys(t1.lead) == expect("Văn phòng HĐND và UBND huyện", "UBND các xã")
    assert keys(t1.support) == expect("Phòng Tư pháp", "Các phòng chuyên môn")
    assert t1.output == "Báo cáo rà soát"
    assert ends(t1) == ["2023-09-30"] and t1.dimension == 5
    # the row broken by a page break continues cell by cell
    assert t2.text == "Kiểm tra việc giải quyết hồ sơ trễ hạn tại Bộ phận một cửa các xã"
    assert keys(t2.support) == expect("Văn phòng HĐND và UBND huyện")
    assert t2.output == "Kết luận kiểm tra"
    assert ends(t2) == ["2023-10-30"]
    # a dimension name in a row of its own is a group row
    assert (t3.dimension, t3.support) == (6, [])
    assert ends(t3) == ["2023-12-31"]


def test_one_cell_per_line_table_tasks() -> None:
    cells = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
             "1", "Tổ chức đối thoại với Nhân dân về bồi thường, giải phóng mặt bằng", "UBND huyện",
             "Ban Tiếp công dân huyện", "Quý IV/2023"]
    doc = parse(HEAD + "PHỤ LỤC\n\n" + "\n\n".join(cells) + "\n")
    assert len(doc.tasks) == 1
    t = doc.tasks[0]
    assert keys(t.lead) == expect("UBND huyện") and keys(t.support) == expect("Ban Tiếp công dân huyện")
    assert ends(t) == ["2023-12-31"]


def test_news_page_recommendations_are_tasks_scores_are_not() -> None:
    text = (
        "Trang chủ\n\nKết quả Chỉ số PAPI năm 2022 của tỉnh Kon Tum và giải pháp năm 2023\n"
        "Ngày cập nhật 12/05/2023\n\n"
        "Chỉ số PAPI năm 2022 của tỉnh đạt 41,25 điểm, xếp vị thứ 38/63 tỉnh, thành phố.\n\n"
        "1. Chỉ số nội dung “Quản trị điện tử”\n\n"
        "Đạt 3,12/10 điểm, xếp vị thứ 40/63 (giảm 0,21 điểm so với năm 2021).\n\n"
        "Để cải thiện Chỉ số PAPI năm 2023, UBND tỉnh đề nghị các sở, ngành thực hiện các giải pháp sau:\n\n"
        "1. Đối với chỉ số nội dung “Quản trị điện tử”\n\n"
        "- Sở Thông tin và Truyền thông hướng dẫn các địa phương nâng cấp trang thông tin điện tử.\n\n"
        "- Các huyện, thành phố tăng cường tuyên truyền để người dân sử dụng dịch vụ công trực tuyến.\n"
    )
    doc = parse(text)
    texts = [t.text for t in doc.tasks]
    assert len(texts) == 2, texts
    assert keys(doc.tasks[0].lead) == expect("Sở Thông tin và Truyền thông")
    assert {t.dimension for t in doc.tasks} == {8}


# ---------------------------------------------------------------------------------------------
# Real values from the seeds
# ---------------------------------------------------------------------------------------------


def test_seed000_item_lines_and_subsection_block() -> None:
    doc = seed("000_4b16b2b6e82d9d4b")
    t = find(doc, "Tiếp tục phối hợp với cơ quan thông tin đại chúng")
    assert t.label == "4.1"
    assert keys(t.lead) == expect("Phòng Lao động - Thương binh và Xã hội")
    assert expect("Các cơ quan, tổ chức có liên quan") <= keys(t.support)
    t = find(doc, "Tiếp tục triển khai Quy chế dân chủ ở cơ sở")  # block in "1.2. Cơ quan thực hiện"
    assert keys(t.lead) == expect("Cơ quan - Tổ chức Nội vụ") or keys(t.lead) == expect("Cơ quan Tổ chức - Nội vụ")
    t = find(doc, "Cơ quan Tổ chức - Nội vụ: Theo dõi, đôn đốc")
    assert t.label == "2" and t.dimension is None


def test_seed001_group_headers_and_directing() -> None:
    doc = seed("001_ed759b2d6399facb")
    t = find(doc, "Tăng cường phổ biến thông tin một cách đầy đủ các quy định bầu cử")
    assert keys(t.lead) == expect("UBND các huyện, thị xã, thành phố")
    assert keys(t.directing) == expect("Lãnh đạo UBND tỉnh phụ trách")
    t = find(doc, "Phối hợp với các sở, ngành, địa phương tăng cường công tác tuyên truyền")
    assert t.text.endswith("phòng, chống tội phạm và vi phạm pháp luật.")  # joined across the page break
    assert (t.dimension, t.subdimension) == (6, "6.4")
    assert keys(t.directing) == expect("Thường trực UBND tỉnh phụ trách")
    assert not any(t.text.startswith("UBND các huyện, thị xã, thành phố:") and t.text.endswith(":") for t in doc.tasks)


def test_seed003_table_rows() -> None:
    doc = seed("003_1e98fec1af34e263")
    rows = [t for t in doc.tasks if t.origin == "table"]
    assert len(rows) == 34 + 70
    t = next(t for t in rows if t.label == "14")
    assert t.text == "Thực hiện kê khai, công khai minh bạch tài sản, thu nhập cá nhân theo quy định"
    assert keys(t.lead) == expect("Thanh tra thị xã")
    assert keys(t.support) == expect("Các cơ quan, đơn vị", "UBND các xã, phường")
    assert [d.kind for d in t.deadlines] == ["unspecified"]
    assert t.output == "Báo cáo kết quả thực hiện"
    t = next(t for t in rows if t.label == "20")
    assert keys(t.lead) == expect("Văn phòng HĐND&UBND thị xã")
    assert expect("Phòng Nội vụ") <= keys(t.support)
    t = next(t for t in rows if t.label == "5")
    assert (t.dimension, t.subdimension) == (2, "2.2")


def test_seed004_news_page() -> None:
    doc = seed("004_5c394493e0081488")
    assert len(doc.tasks) == 31
    assert not any(t.text.startswith(("Đạt ", "Theo Báo cáo", "Để cải thiện")) for t in doc.tasks)
    t = find(doc, "Tăng cường công tác phổ biến, giáo dục pháp luật tại cộng đồng dân cư")
    assert keys(t.lead) == expect("UBND các xã, phường, thị trấn") and t.dimension == 1
    t = find(doc, "Tiếp tục triển khai thực hiện tốt Pháp lệnh về thực hiện dân chủ ở cơ sở")
    assert t.dimension is None
    assert len(t.lead) == 3


# ---------------------------------------------------------------------------------------------
# One plan, four layouts: the same tasks, agencies and deadlines
# ---------------------------------------------------------------------------------------------

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _seed003_split() -> tuple[str, list[str]]:
    text = (CORPUS / "003_1e98fec1af34e263.txt").read_text(encoding="utf-8")
    k = text.index("PHỤ LỤC I\n")
    return text[:k], text[k:].split("\n")


def _cells(line: str) -> list[str]:
    cells = [c.strip() for c in line.split("\t")]
    return cells + [""] * (6 - len(cells))


def to_pipe(lines: list[str], markdown: bool = False) -> str:
    """Tab rows as pipe rows (legal-document websites) or as a markdown table (no blank lines)."""
    out: list[str] = []
    header_rows = 0
    for line in lines:
        if "\t" in line or (out and out[-1].startswith("|") and line.strip() and not line.startswith("PHỤ LỤC")):
            if not line.strip():
                continue
            out.append("| " + " | ".join(_cells(line)) + " |")
            if line.startswith("Số TT"):
                header_rows = 1
            elif header_rows == 1:
                header_rows = 0
                if markdown:
                    out.insert(len(out) - 1, "|" + "---|" * 6)
            continue
        if markdown and not line.strip() and out and out[-1].startswith("|"):
            continue  # a markdown table has no blank lines
        out.append(line)
    return "\n".join(out)


def to_numbered(lines: list[str], period: bool = True) -> str:
    """Appendix rows as numbered items, each followed by its agency, output and time lines;
    group rows as numbered headings, sub-group rows as lettered headings. Without ``period``
    the items keep the table's text as is, so the short ones without a final period read as
    headings to the outline."""
    out: list[str] = []
    rows: list[list[str]] = []
    kinds: list[str] = []
    i = 0
    group_no = 0
    while i < len(lines):
        line = lines[i]
        if "\t" not in line and not (rows and line.strip() and i + 1 < len(lines) and "\t" in lines[i + 1]
                                     and not line.startswith(("PHỤ LỤC", "CÁC", "CÔNG", "QUẢN"))):
            if line.startswith("PHỤ LỤC"):
                flush(out, rows, kinds, period)
                rows, kinds, group_no = [], [], 0
            out.append(line)
            i += 1
            continue
        c = _cells(line)
        if c[0] in _ROMAN:
            group_no += 1
            rows.append([str(group_no), c[1]])
            kinds.append("group")
        elif c[0].isdigit():
            rows.append(c)
            kinds.append("task")
        elif c[0] and not any(c[1:]):
            rows.append(["", c[0]])
            kinds.append("subgroup")
        elif c[0] == "Số TT" or c[2] == "Cơ quan chủ trì":
            pass
        elif kinds and kinds[-1] == "task" and (c[1][:1].islower() or any(c[2:]) or not c[1]):
            rows[-1] = [a + (" " + b if a and b else b) for a, b in zip(rows[-1], c, strict=True)]
        else:
            rows.append(["", c[1]])
            kinds.append("subgroup")
        i += 1
    flush(out, rows, kinds, period)
    return "\n".join(out)


def flush(out: list[str], rows: list[list[str]], kinds: list[str], period: bool = True) -> None:
    letters = "abcdefgh"
    sub = 0
    for r, k in zip(rows, kinds, strict=True):
        if k == "group":
            out += ["", f"{r[0]}. {r[1]}", ""]
            sub = 0
        elif k == "subgroup":
            out += ["", f"{letters[sub]}) {r[1]}", ""]
            sub += 1
        else:
            text = r[1] if r[1].endswith(".") or not period else r[1] + "."
            out.append(f"{r[0]}. {text}")
            if r[2]:
                out.append(f"- Cơ quan chủ trì: {r[2]}")
            if r[3]:
                out.append(f"- Cơ quan phối hợp: {r[3]}")
            if r[4]:
                out.append(f"- Kết quả thực hiện: {r[4]}")
            if r[5]:
                out.append(f"- Thời gian hoàn thành: {r[5]}")
            out.append("")
    rows.clear()
    kinds.clear()


def appendix_tasks(doc: PlanDocument) -> list[Task]:
    appendix = {s.id for s in doc.sections if s.kind == "appendix"}
    return [t for t in doc.tasks if t.section in appendix]


def summary(tasks: list[Task]) -> list[tuple[object, ...]]:
    return [
        (
            text_key(t.text).rstrip(" ."),
            t.label,
            tuple(sorted(keys(t.lead))),
            tuple(sorted(keys(t.support))),
            tuple((d.kind, d.start, d.end, d.recurrence) for d in t.deadlines),
            text_key(t.output or ""),
            t.dimension,
            t.subdimension,
        )
        for t in tasks
    ]


@pytest.fixture(scope="module")
def layouts() -> dict[str, PlanDocument]:
    body, lines = _seed003_split()
    return {
        "tab": parse("\n".join([body.rstrip("\n"), *lines])),
        "pipe": parse(body + to_pipe(lines)),
        "markdown": parse(body + to_pipe(lines, markdown=True), "markdown"),
        "numbered": parse(body + to_numbered(lines)),
        "numbered-headings": parse(body + to_numbered(lines, period=False)),
    }


@pytest.mark.parametrize("layout", ["pipe", "markdown", "numbered", "numbered-headings"])
def test_same_plan_in_every_layout(layouts: dict[str, PlanDocument], layout: str) -> None:
    ref = summary(appendix_tasks(layouts["tab"]))
    got = summary(appendix_tasks(layouts[layout]))
    assert len(ref) == 104
    assert len(got) == len(ref)
    for a, b in zip(ref, got, strict=True):
        assert a == b


# ---------------------------------------------------------------------------------------------
# A commune plan written for these tests (Thanh Hóa, xã Quảng Phú): commune posts and units as
# "- Name: action" leads, a shared head over a comma list, partners that are leaders and forces,
# parenthesised cross references and appendix title lines, "Giao X chủ trì", "Đề nghị X", "Chủ trì:"
# lead cells.
# ---------------------------------------------------------------------------------------------

COMMUNE = """ỦY BAN NHÂN DÂN XÃ QUẢNG PHÚ

Số: 17/KH-UBND

Quảng Phú, ngày 02 tháng 4 năm 2023

KẾ HOẠCH

Cải thiện Chỉ số PAPI xã Quảng Phú năm 2023

I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao trách nhiệm của cán bộ, công chức xã.

II. NHIỆM VỤ, GIẢI PHÁP

1. Công khai, minh bạch trong việc ra quyết định ở địa phương
- Công chức Địa chính - Nông nghiệp: Niêm yết bảng giá đất và kế hoạch sử dụng đất tại nhà văn hóa các thôn.
- Công chức Lao động - Thương binh và Xã hội: Rà soát, công khai danh sách hộ nghèo tại trụ sở xã trước ngày 30/6 hằng năm.
- Ban Chỉ huy Quân sự xã: Phối hợp với Công an xã tuyên truyền Luật Nghĩa vụ quân sự đến từng hộ gia đình.
- Trường Trung học cơ sở Quảng Phú: Công khai các khoản thu đầu năm học trên bảng tin nhà trường.
- Nhóm Hỗ trợ Chuyển đổi Số Thôn Đông: Hướng dẫn người dân tạo tài khoản dịch vụ công trực tuyến.
(Xem chi tiết tại Phụ lục II kèm theo)

2. Thủ tục hành chính công
- Công chức Văn phòng - Thống kê, Tư pháp - Hộ tịch: Giải quyết thủ tục hành chính đúng hạn, cụ thể:
+ Trả kết quả đúng hẹn cho người dân tại Bộ phận Một cửa xã.
+ Công khai thủ tục hành chính trên Cổng dịch vụ công trong tháng 10/2023.

3. Kiểm soát tham nhũng trong khu vực công
- Công an xã: Chủ trì, phối hợp với Trưởng các thôn, lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở rà soát các điểm phức tạp về an ninh trật tự.
- Giao Công chức Tài chính - Kế toán chủ trì, phối hợp với Ban Thanh tra nhân dân công khai quyết toán ngân sách xã trong Quý 3/2023.
- Đề nghị Ủy ban Mặt trận Tổ quốc xã phối hợp với các đoàn thể giám sát việc thực hiện quy chế dân chủ.
- Hội Nông dân, Phụ nữ, Cựu chiến binh xã tuyên truyền hội viên tham gia đối thoại với chính quyền.

III. TỔ CHỨC THỰC HIỆN
Văn phòng - Thống kê có trách nhiệm theo dõi, tổng hợp kết quả, báo cáo UBND huyện theo Kế hoạch kiểm tra năm 2023.

Nơi nhận:
- UBND huyện;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Lê Văn B

PHỤ LỤC II

DANH MỤC CÔNG VIỆC CỤ THỂ CỦA XÃ QUẢNG PHÚ NĂM 2023
(Kèm theo Kế hoạch số 17/KH-UBND ngày 02/4/2023 của UBND xã Quảng Phú)
"""


@pytest.fixture(scope="module")
def commune() -> PlanDocument:
    return parse(COMMUNE)


def test_commune_posts_and_units_lead_their_colon_tasks(commune: PlanDocument) -> None:
    cases = {
        "Công chức Địa chính - Nông nghiệp: Niêm yết": "Công chức Địa chính - Nông nghiệp",
        "Công chức Lao động - Thương binh và Xã hội:": "Công chức Lao động - Thương binh và Xã hội",
        "Ban Chỉ huy Quân sự xã:": "Ban Chỉ huy Quân sự xã",
        "Trường Trung học cơ sở Quảng Phú:": "Trường Trung học cơ sở Quảng Phú",
        # an unknown head before the colon: a title-cased name followed by an action
        "Nhóm Hỗ trợ Chuyển đổi Số Thôn Đông:": "Nhóm Hỗ trợ Chuyển đổi Số Thôn Đông",
    }
    for opening, lead in cases.items():
        assert keys(find(commune, opening).lead) == expect(lead), opening
    assert keys(find(commune, "Ban Chỉ huy Quân sự xã:").support) == expect("Công an xã")


def test_shared_head_over_a_comma_list_of_specialisations(commune: PlanDocument) -> None:
    for opening in ("Trả kết quả đúng hẹn", "Công khai thủ tục hành chính trên Cổng"):
        t = find(commune, opening)
        assert keys(t.lead) == expect("Công chức Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch"), opening
    t = find(commune, "Hội Nông dân, Phụ nữ")
    assert keys(t.lead) == expect("Hội Nông dân", "Hội Phụ nữ", "Hội Cựu chiến binh xã")


def test_partners_that_are_leaders_and_forces(commune: PlanDocument) -> None:
    t = find(commune, "Công an xã: Chủ trì")
    assert keys(t.lead) == expect("Công an xã")
    assert keys(t.support) == expect("Trưởng các thôn", "lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở")


def test_giao_and_de_nghi_subjects(commune: PlanDocument) -> None:
    t = find(commune, "Giao Công chức Tài chính - Kế toán")
    assert keys(t.lead) == expect("Công chức Tài chính - Kế toán")
    assert keys(t.support) == expect("Ban Thanh tra nhân dân")
    assert [(d.kind, d.end) for d in t.deadlines] == [("quarter", "2023-09-30")]
    t = find(commune, "Đề nghị Ủy ban Mặt trận")
    assert keys(t.lead) == expect("Ủy ban Mặt trận Tổ quốc xã")


def test_asides_and_appendix_titles_are_not_tasks(commune: PlanDocument) -> None:
    texts = [t.text for t in commune.tasks]
    assert not any("chi tiết tại Phụ lục" in t or t.startswith("(") for t in texts), texts
    assert not any("DANH MỤC CÔNG VIỆC" in t or "Kèm theo Kế hoạch" in t for t in texts), texts
    assert len(texts) == 12, texts


def test_commune_deadlines(commune: PlanDocument) -> None:
    t = find(commune, "Công chức Lao động - Thương binh")
    assert [(d.kind, d.recurrence) for d in t.deadlines] == [("recurring", "annual")]
    t = find(commune, "Công khai thủ tục hành chính trên Cổng")
    assert [(d.kind, d.end) for d in t.deadlines] == [("month", "2023-10-31")]
    t = find(commune, "Văn phòng - Thống kê có trách nhiệm")
    assert [(d.kind, d.start, d.end) for d in t.deadlines] == [("per_plan", "2023-01-01", "2023-12-31")]


# ---------------------------------------------------------------------------------------------
# Layouts of the second held-out set, in other wordings (Hà Giang, Đắk Nông, Thái Bình)
# ---------------------------------------------------------------------------------------------


def test_bar_separated_table_rows_are_table_tasks() -> None:
    def row(*cells: str) -> str:
        return "\n|\n".join(cells)

    text = (HEAD + "II. NHIỆM VỤ CỤ THỂ\n"
            + row("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện")
            + "\n\n1. Chỉ số Kiểm soát tham nhũng trong khu vực công\n\n"
            + row("1", "Công khai kết quả tuyển dụng viên chức ngành y tế trên trang thông tin điện tử huyện",
                  "Phòng Y tế chủ trì, phối hợp với Trung tâm Y tế huyện", "UBND các xã", "Quý III - IV/2023")
            + "\n\n2. Chỉ số Cung ứng dịch vụ công\n\n- An ninh, trật tự tại khu dân cư\n\n"
            + row("2", "Tăng cường tuần tra bảo đảm an ninh tại các thôn vùng biên giới", "Công an huyện",
                  "Đồn Biên phòng", "Năm 2023 và các năm tiếp theo")
            + "\n\nIII. TỔ CHỨC THỰC HIỆN\n1. Giao Phòng Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.\n")
    doc = parse(text)
    t1 = find(doc, "Công khai kết quả tuyển dụng")
    assert t1.origin == "table" and t1.dimension == 4
    assert keys(t1.lead) == expect("Phòng Y tế")
    assert keys(t1.support) == expect("Trung tâm Y tế huyện", "UBND các xã")
    assert ends(t1) == ["2023-09-30", "2023-12-31"]
    t2 = find(doc, "Tăng cường tuần tra")
    assert (t2.dimension, t2.subdimension) == (6, "6.4")
    assert [(d.kind, d.start, d.end) for d in t2.deadlines] == [("continuous", "2023-01-01", None)]
    assert [s.title for s in doc.sections] == ["NHIỆM VỤ CỤ THỂ", "TỔ CHỨC THỰC HIỆN"]
    assert not any(t.text.startswith(("STT", "1 |", "Chỉ số")) for t in doc.tasks)


def test_assignment_line_is_an_agency_block_of_the_parent_section() -> None:
    text = (HEAD + "III. NHIỆM VỤ, GIẢI PHÁP\n\n### 1. Quản trị điện tử\n\n**a) Nhiệm vụ:**\n\n"
            "- Xây dựng ứng dụng phản ánh hiện trường trên thiết bị di động cho người dân.\n"
            "- Hướng dẫn người dân thanh toán trực tuyến phí, lệ phí.\n\n"
            "**b) Trách nhiệm thực hiện:** Sở Thông tin và Truyền thông chủ trì; Bưu điện tỉnh, UBND cấp huyện phối hợp.\n\n"
            "### 2. Quản trị môi trường\n\n"
            "Phân công: Sở Tài nguyên và Môi trường chủ trì; Công an tỉnh phối hợp.\n\n"
            "- Kiểm tra việc xử lý nước thải tại các cụm công nghiệp trên địa bàn tỉnh.\n")
    doc = parse(text, fmt="md")
    texts = [t.text for t in doc.tasks]
    assert not any("chủ trì;" in t for t in texts), texts
    t = find(doc, "Xây dựng ứng dụng phản ánh")
    assert keys(t.lead) == expect("Sở Thông tin và Truyền thông")
    assert keys(t.support) == expect("Bưu điện tỉnh", "UBND cấp huyện")
    t = find(doc, "Kiểm tra việc xử lý nước thải")
    assert keys(t.lead) == expect("Sở Tài nguyên và Môi trường") and keys(t.support) == expect("Công an tỉnh")


def test_bold_label_only_is_a_numbered_task_not_a_heading() -> None:
    text = (HEAD + "## IV. TỔ CHỨC THỰC HIỆN\n\n"
            "**1.** Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ hướng dẫn các huyện triển khai Kế hoạch.\n\n"
            "**2.** Đề nghị Hội Liên hiệp Phụ nữ tỉnh vận động hội viên tham gia khảo sát PAPI.\n")
    doc = parse(text, fmt="md")
    assert [s.title for s in doc.sections] == ["TỔ CHỨC THỰC HIỆN"]
    t = find(doc, "Giao Sở Tư pháp")
    assert t.label == "1" and keys(t.lead) == expect("Sở Tư pháp") and keys(t.support) == expect("Sở Nội vụ")


def test_giao_after_a_subject_two_subject_clauses_and_lead_in_sentence() -> None:
    text = (HEAD + "II. NHIỆM VỤ TRỌNG TÂM\n\n"
            "Để hoàn thành các chỉ tiêu nêu trên, Chủ tịch UBND tỉnh yêu cầu các sở, ngành và địa phương khẩn trương "
            "triển khai thực hiện các nhiệm vụ sau đây:\n\n"
            "Ủy ban nhân dân tỉnh giao Sở Kế hoạch và Đầu tư rà soát, công khai danh mục dự án đầu tư công năm 2024.\n\n"
            "Sở Lao động - Thương binh và Xã hội rà soát danh sách hộ nghèo; Sở Xây dựng công khai quy hoạch xây dựng "
            "vùng huyện, phối hợp với UBND các huyện.\n\n"
            "Sở Công Thương chủ trì, phối hợp với Sở Tài chính, Sở Nông nghiệp; Sở Khoa học và Công nghệ kiểm tra "
            "chất lượng hàng hóa.\n")
    doc = parse(text)
    assert not any(t.text.startswith("Để hoàn thành") for t in doc.tasks)
    t = find(doc, "Ủy ban nhân dân tỉnh giao")
    assert keys(t.lead) == expect("Sở Kế hoạch và Đầu tư")
    t = find(doc, "Sở Lao động - Thương binh")
    assert keys(t.lead) == expect("Sở Lao động - Thương binh và Xã hội", "Sở Xây dựng")
    assert keys(t.support) == expect("UBND các huyện")
    t = find(doc, "Sở Công Thương")
    assert keys(t.lead) == expect("Sở Công Thương")  # "…; Sở Khoa học …" is one more partner


# ---------------------------------------------------------------------------------------------
# Layouts of a blind held-out set, each on a passage of another province
# ---------------------------------------------------------------------------------------------

ASSIGN_PLAN = """ỦY BAN NHÂN DÂN HUYỆN ĐỨC TRỌNG

Số: 12/KH-UBND

Đức Trọng, ngày 02 tháng 3 năm 2024

KẾ HOẠCH

Cải thiện Chỉ số PAPI huyện Đức Trọng năm 2024

I. NHIỆM VỤ, GIẢI PHÁP

1. Tham gia của người dân ở cấp cơ sở

1.1. Hướng dẫn các thôn tổ chức hội nghị bàn và quyết định các khoản đóng góp của Nhân dân. Giao Phòng Tư pháp chủ trì, phối hợp với UBND các xã, thị trấn thực hiện; thời gian: thường xuyên.

1.2. Rà soát, công khai danh sách người được hưởng trợ cấp xã hội tại nhà văn hóa thôn. Phòng Lao động - Thương binh và Xã hội chủ trì, Ban Quản lý các dự án đầu tư xây dựng huyện phối hợp thực hiện.

II. TỔ CHỨC THỰC HIỆN

1. Các cơ quan, đơn vị triển khai Kế hoạch này.

Trên đây là Kế hoạch cải thiện Chỉ số PAPI huyện Đức Trọng năm 2024./.
"""


def test_trailing_assignment_sentence_names_lead_and_partners() -> None:
    doc = parse(ASSIGN_PLAN)
    t = find(doc, "Hướng dẫn các thôn")
    assert keys(t.lead) == expect("Phòng Tư pháp")
    assert keys(t.support) == expect("UBND các xã, thị trấn")
    t = find(doc, "Rà soát, công khai danh sách")
    assert keys(t.lead) == expect("Phòng Lao động - Thương binh và Xã hội")


MD_TABLE_PLAN = """**UBND TỈNH LÂM ĐỒNG**
**SỞ TƯ PHÁP**

Số: 88/KH-STP

### KẾ HOẠCH
### Nâng cao Chỉ số PAPI năm 2025 thuộc lĩnh vực tư pháp

## I. NHIỆM VỤ, GIẢI PHÁP

| TT | Nội dung nhiệm vụ | Phòng, đơn vị chủ trì | Đơn vị phối hợp | Thời hạn hoàn thành | Kết quả/sản phẩm |
|---|---|---|---|---|---|
| **1** | **Tri thức công dân** | | | | |
| 1.1 | Biên soạn tài liệu phổ biến pháp luật về thực hiện dân chủ ở cơ sở cho hòa giải viên | Phòng Phổ biến, giáo dục pháp luật | Văn phòng Sở | Quý II/2025 | Tài liệu |
| **2** | **Thủ tục hành chính công** | | | | |
| 2.1 | Kiểm tra việc giải quyết thủ tục chứng thực tại Bộ phận Một cửa cấp xã | Phòng Hành chính tư pháp | Thanh tra Sở | Tháng 9/2025 | Báo cáo |

## II. TỔ CHỨC THỰC HIỆN

Văn phòng Sở theo dõi, tổng hợp kết quả thực hiện Kế hoạch này.
"""


def test_markdown_table_with_bold_group_rows_and_unit_headers() -> None:
    doc = parse(MD_TABLE_PLAN, fmt="md")
    t = find(doc, "Biên soạn tài liệu")
    assert keys(t.lead) == expect("Phòng Phổ biến, giáo dục pháp luật")
    assert keys(t.support) == expect("Văn phòng Sở")
    t = find(doc, "Kiểm tra việc giải quyết")
    assert keys(t.support) == expect("Thanh tra Sở")


def test_heldout3_patterns_collective_subjects_overseers_and_closing_line() -> None:
    """(1) staff and "Trưởng các …" subjects lead; (2) a clause whose agency only oversees ("Giao
    Thanh tra huyện theo dõi, đôn đốc", "…; Phòng X hướng dẫn, kiểm tra; …") supports; (3) a
    closing formula glued to the last item ("Trên đây là Kế hoạch …") is not the task's text."""
    text = (
        "KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Tư Nghĩa năm 2024\n\n"
        "I. NHIỆM VỤ\n\n"
        "1. Trách nhiệm giải trình với người dân\n"
        "1.1. Chủ tịch UBND các xã, thị trấn đối thoại với Nhân dân về những vấn đề bức xúc. "
        "Giao Thanh tra huyện theo dõi, đôn đốc; thời gian: hằng quý.\n"
        "1.2. Cập nhật danh sách hộ nghèo tại nhà văn hóa thôn. Giao UBND các xã, thị trấn thực hiện; "
        "Phòng Lao động - Thương binh và Xã hội hướng dẫn, kiểm tra; thời gian: Quý III/2024.\n"
        "2. Thủ tục hành chính công\n"
        "- Cán bộ, công chức, viên chức huyện giữ đúng thái độ phục vụ khi tiếp nhận hồ sơ.\n"
        "- Trưởng các phòng, ban chuyên môn thuộc UBND huyện quán triệt Kế hoạch đến từng công chức.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "- Đề nghị Ủy ban MTTQ huyện và các tổ chức chính trị - xã hội giám sát việc thực hiện.\n"
        "Trên đây là Kế hoạch nâng cao Chỉ số PAPI của huyện Tư Nghĩa năm 2024./.\n"
    )
    doc = parse(text)
    t = find(doc, "Chủ tịch UBND các xã")
    assert keys(t.lead) == expect("Chủ tịch UBND các xã, thị trấn")
    assert keys(t.support) == expect("Thanh tra huyện")
    t = find(doc, "Cập nhật danh sách")
    assert keys(t.lead) == expect("UBND các xã, thị trấn")
    assert keys(t.support) == expect("Phòng Lao động - Thương binh và Xã hội")
    assert keys(find(doc, "Cán bộ, công chức").lead) == expect("Cán bộ, công chức, viên chức huyện")
    assert keys(find(doc, "Trưởng các phòng").lead) == expect("Trưởng các phòng, ban chuyên môn thuộc UBND huyện")
    t = find(doc, "Đề nghị Ủy ban MTTQ")
    assert t.text == "Đề nghị Ủy ban MTTQ huyện và các tổ chức chính trị - xã hội giám sát việc thực hiện."
    assert keys(t.lead) == expect("Ủy ban MTTQ huyện", "các tổ chức chính trị - xã hội")


@pytest.mark.parametrize("text", [
    "Sở Y tế chủ trì. Sở Tài chính phối hợp thực hiện.",
    "Rà soát thủ tục… Báo cáo UBND tỉnh!  Giao Phòng Nội vụ theo dõi? Thời gian: Quý II/2024.",
    "Mục 1.2. Nội dung a.b. c. d.\nĐ. Cuối.",
    "Không có điểm dừng nào",
    "Kết thúc bằng dấu chấm.",
    "Hai dấu.. Liền nhau.\u00a0Ở đây.\u2003Và đây.\tTab. x. Y",
    "",
    ".",
    ". A",
])
def test_sentence_starts_found_by_find_match_the_pattern_scan(text: str) -> None:
    # the str.find prefilter of _sentence_ends must give exactly the ends of an unanchored scan
    from papi_extract.tasks import _SENTENCE, _sentence_ends

    assert _sentence_ends(text) == [m.end() for m in _SENTENCE.finditer(text)]


def test_blocks_outside_the_task_area_are_never_tasks() -> None:
    # a block outside the task area is only a placeholder: never read, never a task
    doc = parse(
        "KẾ HOẠCH\nCải thiện chỉ số PAPI năm 2024\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n"
        "- Nâng cao chất lượng phục vụ người dân của các cơ quan\n\n"
        "II. NHIỆM VỤ VÀ GIẢI PHÁP\n\n"
        "1. Sở Nội vụ chủ trì rà soát, công khai thủ tục hành chính trên cổng thông tin của tỉnh\n\n"
        "Sở Tư pháp tăng cường tuyên truyền, phổ biến pháp luật cho người dân.\n"
    )
    texts = [t.text for t in doc.tasks]
    assert texts == ["Sở Tư pháp tăng cường tuyên truyền, phổ biến pháp luật cho người dân."]


def test_fields_in_a_closing_parenthesis_are_the_items_own() -> None:
    """ "… (Đơn vị chủ trì: X; đơn vị phối hợp: Y; Z; thời hạn: …)." closing a task: X leads, Y and Z support,
    the time is its deadline; the parenthesis stays in the task text. A parenthesis inside the sentence is
    prose, and one holding only a time leaves the lead to the sentence's subject."""
    text = HEAD + (
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Kiểm soát tham nhũng trong khu vực công\n\n"
        "- Kiểm tra việc kê khai tài sản, thu nhập của người có nghĩa vụ kê khai tại các sở, ngành "
        "(Đơn vị chủ trì: Thanh tra tỉnh; đơn vị phối hợp: Sở Nội vụ; Công an tỉnh; thời hạn: Quý III/2023).\n"
        "- Công an tỉnh chủ trì điều tra, xử lý các vụ án tham nhũng (kể cả các vụ việc phát hiện qua báo chí) "
        "(Thời hạn: thường xuyên).\n"
    )
    doc = parse(text)
    assert len(doc.tasks) == 2
    t1, t2 = doc.tasks
    assert t1.text.endswith("thời hạn: Quý III/2023).")
    assert keys(t1.lead) == expect("Thanh tra tỉnh")
    assert keys(t1.support) == expect("Sở Nội vụ", "Công an tỉnh")
    assert [(d.kind, d.end) for d in t1.deadlines] == [("quarter", "2023-09-30")]
    assert keys(t2.lead) == expect("Công an tỉnh") and t2.support == []
    assert [d.kind for d in t2.deadlines] == ["continuous"]


def test_one_agency_line_with_several_fields() -> None:
    """ "Bộ phận thực hiện: X; phối hợp: Y." under an item: X leads and Y supports (one line, two fields);
    a ";" without a cue after it separates two agencies of one field."""
    text = HEAD + (
        "II. NỘI DUNG THỰC HIỆN\n\n"
        "1. Thủ tục hành chính công\n\n"
        "a) Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa xã.\n"
        "Bộ phận thực hiện: Công chức Văn phòng - Thống kê; phối hợp: Công chức Tư pháp - Hộ tịch; "
        "Công chức Địa chính.\n"
        "Thời hạn: tháng 6/2023.\n"
        "b) Rà soát thủ tục hành chính có thể thực hiện trực tuyến toàn trình.\n"
        "Công chức thực hiện: Công chức Văn phòng - Thống kê.\n"
        "Thời hạn: Quý IV/2023.\n"
    )
    doc = parse(text)
    assert [t.label for t in doc.tasks] == ["a", "b"]
    a, b = doc.tasks
    assert keys(a.lead) == expect("Công chức Văn phòng - Thống kê")
    assert keys(a.support) == expect("Công chức Tư pháp - Hộ tịch", "Công chức Địa chính")
    assert [d.end for d in a.deadlines] == ["2023-06-30"]
    assert keys(b.lead) == expect("Công chức Văn phòng - Thống kê") and b.support == []


def test_time_field_no_rule_reads_is_w502() -> None:
    """A task's own time that gives no deadline ("Thời hạn: Q.lll/2O23", an OCR slip) is reported, with its span."""
    text = HEAD + (
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
        "1. Thủ tục hành chính công\n\n"
        "a) Rà soát quy trình nội bộ giải quyết thủ tục hành chính.\n"
        "Cơ quan chủ trì: Sở Nội vụ.\n"
        "Thời hạn: Q.lll/2O23.\n"
        "b) Công khai thủ tục hành chính trên Cổng dịch vụ công.\n"
        "Cơ quan chủ trì: Văn phòng UBND tỉnh.\n"
        "Thời hạn: Quý III/2023.\n"
    )
    doc = parse_text(text, with_text=True)
    (w,) = [w for w in doc.warnings if w.code == "W502"]
    assert w.span is not None and doc.text is not None
    # (the canonical text reads the "O" inside the number as a zero; "Q.lll" is still unreadable)
    assert doc.text[w.span[0]:w.span[1]].startswith("Q.lll/2023")
    assert [len(t.deadlines) for t in doc.tasks] == [0, 1]


def test_heading_naming_agencies_with_a_shared_head() -> None:
    """ "2.2. Các sở: Tài chính, Xây dựng" over "-" items: both departments lead each item."""
    text = HEAD + (
        "II. NHIỆM VỤ CỤ THỂ CỦA CÁC CƠ QUAN\n\n"
        "2.1. Sở Nội vụ\n\n"
        "- Theo dõi, tổng hợp kết quả thực hiện Kế hoạch.\n\n"
        "2.2. Các sở: Tài chính, Xây dựng\n\n"
        "- Hướng dẫn công khai quyết toán các công trình xây dựng cơ bản cấp xã.\n"
        "- Kiểm tra việc quản lý, sử dụng các khoản đóng góp của Nhân dân.\n"
    )
    doc = parse(text)
    assert [sorted(keys(t.lead)) for t in doc.tasks] == [
        sorted(expect("Sở Nội vụ")), sorted(expect("Sở Tài chính", "Sở Xây dựng")),
        sorted(expect("Sở Tài chính", "Sở Xây dựng"))]


def test_table_row_continuing_no_task_row_is_reported_w503() -> None:
    text = (
        "UBND HUYỆN LỤC NAM\n\nKẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nI. MỤC ĐÍCH\n\nNâng cao chỉ số.\n\n"
        "II. NHIỆM VỤ\n\nPHỤ LỤC\n\n"
        "TT\tNội dung\tCơ quan chủ trì\tThời gian\n"
        "I\tThủ tục hành chính công\t\t\n"
        "\t\tPhòng Nội vụ\tQuý III/2024\n"
        "1\tRà soát thủ tục hành chính cấp xã.\tVăn phòng HĐND và UBND huyện\tQuý II/2024\n"
    )
    doc = parse(text)
    (w,) = [w for w in doc.warnings if w.code == "W503"]
    assert w.span is not None and text[w.span[0] : w.span[1]] == "\t\tPhòng Nội vụ\tQuý III/2024"
    assert [t.text for t in doc.tasks] == ["Rà soát thủ tục hành chính cấp xã."]


def test_assignment_subsection_joined_titles_govern_the_sibling_task_list() -> None:
    """"a) Chỉ đạo và phân công thực hiện" holding only agency lines is the agency block of its
    parent: the tasks of "b) Nhiệm vụ cụ thể" take its lead, support and directing; it is no task."""
    text = (
        "UBND HUYỆN ĐÔNG ANH\n\nKẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\nI. MỤC ĐÍCH\n\nNâng cao chỉ số.\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Kiểm soát tham nhũng trong khu vực công\n\n"
        "a) Chỉ đạo và phân công thực hiện\n"
        "- Chỉ đạo thực hiện: Chủ tịch UBND huyện.\n"
        "- Cơ quan chủ trì thực hiện: Thanh tra huyện.\n"
        "- Cơ quan phối hợp: Phòng Nội vụ; UBND các xã.\n"
        "b) Nhiệm vụ cụ thể\n"
        "- Kiểm tra công vụ đột xuất tại UBND các xã, hoàn thành trong Quý III/2025.\n"
        "- Công an huyện điều tra, xử lý các vụ án tham nhũng, chức vụ.\n"
    )
    doc = parse(text)
    assert [t.text for t in doc.tasks] == [
        "Kiểm tra công vụ đột xuất tại UBND các xã, hoàn thành trong Quý III/2025.",
        "Công an huyện điều tra, xử lý các vụ án tham nhũng, chức vụ."]
    t1, t2 = doc.tasks
    assert [a.name for a in t1.lead] == ["Thanh tra huyện"]
    assert [a.name for a in t1.support] == ["Phòng Nội vụ", "Ủy ban nhân dân các xã"]
    assert [a.name for a in t1.directing] == ["Chủ tịch Ủy ban nhân dân huyện"]
    # a task with its own subject keeps it; the section's directing still applies
    assert [a.name for a in t2.lead] == ["Công an huyện"] and not t2.support
    assert [a.name for a in t2.directing] == ["Chủ tịch Ủy ban nhân dân huyện"]


def test_giao_clause_names_the_lead_of_its_task() -> None:
    """"…; giao X chủ trì, phối hợp với Y thực hiện …" assigns the task in a clause, not a sentence."""
    text = (
        "UBND HUYỆN BA VÌ\n\nKẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\nI. MỤC ĐÍCH\n\nNâng cao chỉ số.\n\n"
        "II. NHIỆM VỤ\n\n1. Tham gia của người dân ở cấp cơ sở\n\n"
        "- Cơ quan chủ trì: Phòng Nội vụ.\n"
        "- Tuyên truyền về quyền được biết, được bàn của Nhân dân trên hệ thống truyền thanh cơ sở; giao Phòng "
        "Văn hóa và Thông tin chủ trì, phối hợp với Trung tâm Văn hóa huyện thực hiện thường xuyên.\n"
        "- Rà soát quy chế dân chủ ở cơ sở, giao UBND các xã chủ trì thực hiện trong Quý III/2025.\n"
        "- Tổng hợp kết quả thực hiện dân chủ ở cơ sở, báo cáo UBND huyện.\n"
    )
    doc = parse(text)
    assert [[a.name for a in t.lead] for t in doc.tasks] == [
        ["Phòng Văn hóa và Thông tin"], ["Ủy ban nhân dân các xã"], ["Phòng Nội vụ"]]
    assert [a.name for a in doc.tasks[0].support] == ["Trung tâm Văn hóa huyện"]


def test_agency_headings_of_a_layout_dump_lose_their_label() -> None:
    """Numbered agency headings shifted by a page margin ("          1. Phòng Nội vụ") name the agency only."""
    pad = " " * 10
    body = [
        "KẾ HOẠCH", "Cải thiện Chỉ số PAPI năm 2025", "",
        "      I. MỤC ĐÍCH", "      Nâng cao chất lượng phục vụ Nhân dân trên địa bàn huyện trong năm",
        "2025 và các năm tiếp theo.",
        "      II. TỔ CHỨC THỰC HIỆN", "      1. Phòng Nội vụ",
        "      -  Là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch này.",
        "      2. Văn phòng HĐND và UBND huyện",
        "      -  Cập nhật kết quả giải quyết thủ tục hành chính trên Cổng thông tin điện tử huyện.",
        "      -  Tiếp nhận phản ánh, kiến nghị của người dân qua đường dây nóng.",
    ]
    doc = parse("\n".join(pad + ln if ln else "" for ln in body))
    assert [[a.name for a in t.lead] for t in doc.tasks] == [
        ["Phòng Nội vụ"], ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"],
        ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"]]


def test_justified_text_with_double_spaces_still_names_partners_and_assignments() -> None:
    """A layout dump justifies lines with two spaces ("phối  hợp với", "chủ  trì"): the phrase gates
    read the text with one space."""
    text = (
        "UBND HUYỆN BA VÌ\n\nKẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\nI. MỤC ĐÍCH\n\nNâng cao chỉ số.\n\n"
        "II. NHIỆM VỤ\n\n"
        "- Công  an  huyện tăng cường điều tra các vụ án tham nhũng; phối  hợp với Viện kiểm sát nhân dân "
        "huyện, Tòa án nhân dân huyện đẩy nhanh tiến độ giải quyết các vụ án.\n"
        "- Rà  soát quy chế dân chủ ở cơ sở. Giao Phòng Nội vụ chủ  trì, phối  hợp với UBND các xã thực hiện.\n"
    )
    doc = parse(text)
    t1, t2 = doc.tasks
    assert [a.name for a in t1.support] == ["Viện kiểm sát nhân dân huyện", "Tòa án nhân dân huyện"]
    assert [a.name for a in t2.lead] == ["Phòng Nội vụ"]
    assert [a.name for a in t2.support] == ["Ủy ban nhân dân các xã"]


def test_overseer_in_a_comma_clause_after_the_assignment_supports() -> None:
    """"…; giao X chủ trì thực hiện, Phòng Y hướng dẫn, kiểm tra; …": Y oversees, so it supports; a comma
    inside a list with no assignment before it opens no clause."""
    text = (
        "UBND HUYỆN BA VÌ\n\nKẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\nI. MỤC ĐÍCH\n\nNâng cao chỉ số.\n\n"
        "II. NHIỆM VỤ\n\n"
        "- Nhân rộng mô hình thu gom rác thải tại các thôn; giao UBND các xã chủ trì thực hiện, Phòng Nông "
        "nghiệp và Môi trường hướng dẫn, kiểm tra; thời gian: tháng 6/2025.\n"
        "- Phát huy vai trò của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng tại các xã lên kế "
        "hoạch giám sát.\n"
    )
    t1, t2 = parse(text).tasks
    assert [a.name for a in t1.lead] == ["Ủy ban nhân dân các xã"]
    assert [a.name for a in t1.support] == ["Phòng Nông nghiệp và Môi trường"]
    assert t2.support == []


def test_footnote_paragraphs_are_not_tasks() -> None:
    """pandoc's footnotes ("[[1]](#ftnref1) …", "[1](#_ftnref1) …") and markdown "[^2]: …" definitions are
    notes under the plan, not tasks, wherever they stand."""
    text = (
        "# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\n## I. NHIỆM VỤ\n\n"
        "- Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch.\n\n"
        "[[1]](#ftnref1) Báo cáo PAPI 2024 do UNDP công bố ngày 22/4/2025.\n\n"
        "[2](#_ftnref2) Năm 2023, tỉnh xếp thứ 45/63.\n\n"
        "[^3]: Luật Thực hiện dân chủ ở cơ sở năm 2022.\n"
    )
    doc = parse(text, "markdown")
    assert [t.text for t in doc.tasks] == ["Sở Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch."]


def test_fields_parted_by_sentence_stops_on_one_line() -> None:
    """ "Lãnh đạo chỉ đạo: X. Đơn vị chủ trì: Y. Đơn vị phối hợp: Z, W." under a heading: three fields,
    parted at each "." followed by a cue and its colon, for the tasks below it."""
    doc = parse_text(
        "KẾ HOẠCH\n\nPAPI huyện Cẩm Xuyên năm 2024\n\nII. NHIỆM VỤ\n\n1. Thủ tục hành chính công\n\n"
        "*Lãnh đạo chỉ đạo:* Phó Chủ tịch UBND huyện. *Đơn vị chủ trì:* Phòng Tư pháp. "
        "*Đơn vị phối hợp:* Công an huyện, UBND các xã.\n\n"
        "- Rà soát, công khai thủ tục chứng thực tại Bộ phận Một cửa. Thời gian: Quý III/2024.\n")
    (t,) = doc.tasks
    assert [a.raw for a in t.directing] == ["Phó Chủ tịch UBND huyện"]
    assert [a.raw for a in t.lead] == ["Phòng Tư pháp"]
    assert [a.raw for a in t.support] == ["Công an huyện", "UBND các xã"]


def test_a_clause_whose_subject_takes_the_lead_after_an_opening_with_none() -> None:
    """ "Rà soát …; Phòng Tư pháp chủ trì, phối hợp với Y kiểm tra …": the task's opening names nobody, the
    clause names its lead (and the partner after "phối hợp với" supports)."""
    doc = parse_text(
        "KẾ HOẠCH\n\nPAPI huyện Hương Khê năm 2024\n\nII. NHIỆM VỤ\n\n"
        "- Nâng cao chất lượng tiếp công dân ở cấp xã; Thanh tra huyện chủ trì, phối hợp với Ban Tiếp công dân "
        "huyện kiểm tra việc tiếp công dân định kỳ.\n")
    (t,) = doc.tasks
    assert [a.raw for a in t.lead] == ["Thanh tra huyện"]
    assert [a.raw for a in t.support] == ["Ban Tiếp công dân huyện"]


def test_commune_assignments_closing_a_task() -> None:
    """ "(Giao: X chủ trì; Y phối hợp)", "Giao cho: X; Y phối hợp." and "(Y phối hợp)" close a task with its
    own assignment: X leads and Y supports (the text keeps them, as it keeps "(Cơ quan chủ trì: …)")."""
    doc = parse_text(
        "KẾ HOẠCH\n\nPAPI xã Tân Phong năm 2024\n\nNHIỆM VỤ CỤ THỂ\n\n"
        "* Niêm yết danh sách hộ nghèo tại nhà văn hóa các xóm. Quý IV/2024. "
        "(Giao: Công chức Văn hóa - Xã hội chủ trì; Trưởng các xóm, Hội Phụ nữ xã phối hợp)\n"
        "* Họp xóm bàn việc làm đường giao thông nông thôn. Tháng 6/2024. Giao cho: Trưởng các xóm; "
        "Ban công tác Mặt trận các xóm phối hợp.\n"
        "* Chủ tịch UBND xã đối thoại với Nhân dân về đất đai. Quý III/2024. (Công chức Địa chính - Xây dựng phối hợp)\n")
    t1, t2, t3 = doc.tasks
    assert ([a.raw for a in t1.lead], [a.raw for a in t1.support]) == (
        ["Công chức Văn hóa - Xã hội"], ["Trưởng các xóm", "Hội Phụ nữ xã"])
    assert ([a.raw for a in t2.lead], [a.raw for a in t2.support]) == (["Trưởng các xóm"], ["Ban công tác Mặt trận các xóm"])
    assert ([a.raw for a in t3.lead], [a.raw for a in t3.support]) == (["Chủ tịch UBND xã"], ["Công chức Địa chính - Xây dựng"])


ALIGNED_PLAN = """ỦY BAN NHÂN DÂN
HUYỆN TRIỆU PHONG
Số: 45/KH-UBND
KẾ HOẠCH
Cải thiện Chỉ số PAPI năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng phục vụ người dân.

II. NHIỆM VỤ, GIẢI PHÁP
Phân công cụ thể như sau:

Nhiệm vụ                              Đơn vị chủ trì        Đơn vị phối hợp       Thời hạn
                                                                                  hoàn thành

I. KIỂM SOÁT THAM NHŨNG TRONG KHU VỰC CÔNG

Công khai danh sách hộ được hỗ trợ    Phòng Lao động -      UBND các xã, thị      Quý II/2025
nhà ở trên bảng tin của xã            Thương binh và Xã     trấn
                                      hội

Kiểm tra việc kê khai tài sản, thu    Thanh tra huyện       Phòng Nội vụ          Tháng 10/2025
nhập năm 2024

Chỉ số thành phần: Công bằng trong tuyển dụng vào nhà nước

Công khai kết quả thi tuyển viên      Phòng Nội vụ          Các trường học        Khi có kết quả
chức giáo dục

III. TỔ CHỨC THỰC HIỆN
Phòng Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch này.
"""


def test_space_aligned_task_table_with_no_number_column() -> None:
    """A word processor's text export: cells in fixed columns with no "TT" column, each cell wrapped
    within its column, rows parted by blank lines; a Roman-numbered dimension row and a sub-dimension
    row span the table. Each row is one task with its own cells; the group rows are no headings."""
    doc = parse(ALIGNED_PLAN)
    rows = [t for t in doc.tasks if t.method == "table-row"]
    assert [text_key(t.text) for t in rows] == [text_key(s) for s in (
        "Công khai danh sách hộ được hỗ trợ nhà ở trên bảng tin của xã",
        "Kiểm tra việc kê khai tài sản, thu nhập năm 2024",
        "Công khai kết quả thi tuyển viên chức giáo dục")]
    first, second, third = rows
    assert keys(first.lead) == expect("Phòng Lao động - Thương binh và Xã hội")
    assert keys(first.support) == expect("UBND các xã, thị trấn")
    assert [(d.kind, d.end) for d in first.deadlines] == [("quarter", "2025-06-30")]
    assert [(d.kind, d.end) for d in second.deadlines] == [("month", "2025-10-31")]
    assert (first.dimension, first.subdimension, second.dimension) == (4, None, 4)
    assert (third.dimension, third.subdimension) == (4, "4.3")
    assert [d.kind for d in third.deadlines] == ["event"]
    titles = [s.title for s in doc.sections]
    assert titles == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ, GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"]


def test_space_aligned_rows_without_blank_lines_start_at_a_capital() -> None:
    """The same layout with no blank line between rows: a text cell starting in upper case opens a row,
    one starting in lower case continues the row above."""
    head, rest = ALIGNED_PLAN.split("hoàn thành\n\n", 1)
    table, tail = rest.split("\n\nIII. TỔ CHỨC", 1)
    text = head + "hoàn thành\n" + table.replace("\n\n", "\n") + "\n\nIII. TỔ CHỨC" + tail
    assert "hội\nKiểm tra" in text and "\n\nKiểm tra" not in text
    doc = parse(text)
    rows = [t for t in doc.tasks if t.method == "table-row"]
    assert [text_key(t.text) for t in rows] == [text_key(s) for s in (
        "Công khai danh sách hộ được hỗ trợ nhà ở trên bảng tin của xã",
        "Kiểm tra việc kê khai tài sản, thu nhập năm 2024",
        "Công khai kết quả thi tuyển viên chức giáo dục")]
    assert keys(rows[0].lead) == expect("Phòng Lao động - Thương binh và Xã hội")
    assert keys(rows[1].lead) == expect("Thanh tra huyện")
    assert [(t.dimension, t.subdimension) for t in rows] == [(4, None), (4, None), (4, "4.3")]


ARTICLE_MD = """# Hướng Hóa triển khai kế hoạch nâng cao Chỉ số PAPI năm 2025

UBND huyện Hướng Hóa vừa ban hành Kế hoạch cải thiện Chỉ số PAPI năm 2025, tập trung vào các chỉ số giảm điểm.

## Các giải pháp cụ thể

Kế hoạch nêu rõ các nhiệm vụ theo từng lĩnh vực:

- **Thủ tục hành chính công:** Văn phòng HĐND và UBND huyện rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa; hoàn thành trong quý II/2025.
- **Quản trị môi trường:** Phòng Nông nghiệp và Môi trường kiểm tra các cơ sở chế biến nông sản xả thải ra sông Sê Pôn trước ngày 30/9/2025.

Trao đổi với phóng viên, ông Hồ Văn Lâm, Chánh Văn phòng HĐND và UBND huyện cho biết, các nhiệm vụ đều có thời hạn cụ thể.

## Phân công thực hiện và báo cáo

Phòng Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch, báo cáo UBND huyện trước ngày 10/12/2025.

Theo bà Trần Thị Mai, lãnh đạo Phòng Nội vụ, kết quả sẽ được đưa vào bình xét thi đua cuối năm.
"""


def test_news_article_crossheads_runin_indicators_and_quotes() -> None:
    """A news page about a plan: its unlabelled crossheads are the sections (the headline is the title),
    a list item opening with a PAPI indicator's name in bold serves that indicator and its agency is
    read after the head, and the paragraphs reporting what a named person said are narrative."""
    doc = parse(ARTICLE_MD, fmt="markdown")
    assert [(s.label, s.title, s.level, s.kind) for s in doc.sections] == [
        ("", "Các giải pháp cụ thể", 1, "tasks"),
        ("", "Phân công thực hiện và báo cáo", 1, "organization"),
    ]
    assert not any("phóng viên" in t.text or t.text.startswith("Theo bà") for t in doc.tasks)
    tthc = find(doc, "Thủ tục hành chính công:")
    assert (tthc.dimension, keys(tthc.lead)) == (5, expect("Văn phòng HĐND và UBND huyện"))
    assert [(d.kind, d.end) for d in tthc.deadlines] == [("quarter", "2025-06-30")]
    env = find(doc, "Quản trị môi trường:")
    assert (env.dimension, keys(env.lead)) == (7, expect("Phòng Nông nghiệp và Môi trường"))
    org = find(doc, "Phòng Nội vụ theo dõi")
    assert keys(org.lead) == expect("Phòng Nội vụ")
    assert doc.symbol is None


def test_a_person_named_in_a_task_without_a_verb_of_saying_keeps_the_task() -> None:
    """Only reported speech is narrative: a task that assigns a named official stays a task."""
    text = ARTICLE_MD.replace(
        "Phòng Nội vụ theo dõi, đôn đốc",
        "Giao ông Hồ Văn Lâm, Chánh Văn phòng HĐND và UBND huyện chỉ đạo rà soát thủ tục.\n\nPhòng Nội vụ theo dõi, đôn đốc")
    doc = parse(text, fmt="markdown")
    assert find(doc, "Giao ông Hồ Văn Lâm")


def test_task_table_with_a_column_of_its_own_and_a_directing_leader() -> None:
    """A header with a column no vocabulary names ("Kinh phí") is still the table's header when the
    known columns are most of it; a "Lãnh đạo phụ trách" column gives each row its directing leader."""
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2025\n\nI. NHIỆM VỤ CỤ THỂ\n\n"
        "TT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời hạn\tKinh phí\tLãnh đạo phụ trách\n"
        "1\tTổ chức đối thoại với Nhân dân về giải phóng mặt bằng\tVăn phòng UBND huyện\tThanh tra huyện"
        "\tQuý III/2025\tNgân sách huyện\tChủ tịch UBND huyện\n"
        "2\tNiêm yết công khai bảng giá đất tại các xã\tPhòng Tài nguyên và Môi trường\tUBND các xã"
        "\tTháng 6/2025\tKhông\tPhó Chủ tịch UBND huyện phụ trách kinh tế\n\n"
        "II. TỔ CHỨC THỰC HIỆN\nPhòng Nội vụ theo dõi việc thực hiện.\n"
    )
    doc = parse(text)
    rows = [t for t in doc.tasks if t.method == "table-row"]
    assert [t.label for t in rows] == ["1", "2"]
    assert keys(rows[0].lead) == expect("Văn phòng UBND huyện")
    assert keys(rows[0].directing) == expect("Chủ tịch UBND huyện")
    assert keys(rows[1].directing) == expect("Phó Chủ tịch UBND huyện phụ trách kinh tế")
    assert [(d.kind, d.end) for d in rows[1].deadlines] == [("month", "2025-06-30")]


def test_an_item_broken_after_a_joined_hyphen() -> None:
    """OCR keeps a line break after the hyphen of a compound ("Phòng Tài chính-" / "Kế hoạch chủ trì"):
    the labelled line is no heading, and the two lines join with no space."""
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2023\n\nI. NHIỆM VỤ, GIẢI PHÁP\n"
        "a) Rà soát thủ tục hành chính của huyện; hoàn thành trong quý II/2023.\nb) Phòng Tài chính-\n"
        "Kế hoạch chủ trì bố trí kinh phí thực hiện Kế hoạch trong năm 2023.\n\nII. TỔ CHỨC THỰC HIỆN\n"
        "Phòng Nội vụ theo dõi việc thực hiện.\n"
    )
    doc = parse(text)
    assert [s.label for s in doc.sections] == ["I", "II"]
    t = find(doc, "Phòng Tài chính-Kế hoạch chủ trì")
    assert keys(t.lead) == expect("Phòng Tài chính-Kế hoạch")


OCR_TABLE_PLAN = """ỦY BAN NHÂN DÂN HUYỆN THANH SƠN
Số: 88/KH-UBND
KẾ HOẠCH
Cải thiện Chỉ số PAPI năm 2024

I. MỤC ĐÍCH
Nâng cao chất lượng phục vụ Nhân dân.

II. NHIỆM VỤ CỤ THỂ
Chi tiết tại Phụ lục kèm theo.

PHỤ LỤC
NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI NĂM 2024

STT  Nhiệm vụ                         Cơ quan chủ trì   Cơ quan phối hợp   Thời hạn
II    CÔNG KHAI, MINH BẠCH TRONG VIỆC RA QUYẾT ĐỊNH Ở ĐỊA PHƯƠNG
1   Niêm yết công khai danh sách hộ    Phòng Lao động -   UBND các xã, thị   Quý I/2024
nghèo tại nhà văn hóa khu dân cư   TB&XH   trấn
a) Công khai thu, chi ngân sách cấp xã
2   Hướng dẫn các xã công khai dự toán    Phòng Tài chính -   Ủy ban MTTQ Việt   Trước ngày
ngân sách trên loa truyền thanh   Kế hoạch   Nam huyện   31/3/2024
| 3   Kiểm tra việc công khai quyết toán    Phòng Nội vụ   Phòng Giáo dục và   Thưởng xuyên
ngân sách tại các trường học   Đào tạo |
"""


def test_ocr_table_whose_rows_lost_their_columns() -> None:
    """A scanned table read by OCR keeps each row's cells in order but not at their columns; a wrapped
    line's pieces go to the cells whose text stops where it must go on ("Phòng Lao động -", "thị",
    "Trước ngày"), a cell that is complete ("Phòng Nội vụ") takes none; "|" from the ruling is dropped.
    Its "a)" sub-group row names a sub-dimension and is no section."""
    doc = parse(OCR_TABLE_PLAN)
    rows = [t for t in doc.tasks if t.method == "table-row"]
    assert [t.label for t in rows] == ["1", "2", "3"]
    one, two, three = rows
    assert text_key(one.text) == text_key("Niêm yết công khai danh sách hộ nghèo tại nhà văn hóa khu dân cư")
    assert keys(one.lead) == expect("Phòng Lao động - TB&XH")
    assert keys(one.support) == expect("UBND các xã, thị trấn")
    assert keys(two.lead) == expect("Phòng Tài chính - Kế hoạch")
    assert keys(two.support) == expect("Ủy ban MTTQ Việt Nam huyện")
    assert [(d.kind, d.end) for d in two.deadlines] == [("by_date", "2024-03-31")]
    assert keys(three.lead) == expect("Phòng Nội vụ")
    assert keys(three.support) == expect("Phòng Giáo dục và Đào tạo")
    assert [d.kind for d in three.deadlines] == ["continuous"]
    assert (one.dimension, one.subdimension, two.subdimension) == (2, None, "2.3")
    assert [s.label for s in doc.sections] == ["I", "II", "PL"]
    assert {(m.dimension, m.subdimension, m.raw) for m in doc.indicators} >= {
        (2, None, "CÔNG KHAI, MINH BẠCH TRONG VIỆC RA QUYẾT ĐỊNH Ở ĐỊA PHƯƠNG"),
        (2, "2.3", "Công khai thu, chi ngân sách cấp xã")}


def test_an_agency_heading_with_a_slash_label_groups_its_duties() -> None:
    """ "4/ Các đoàn thể xã; Trưởng các thôn:" (a hand-typed slash label) over its duties: the names
    without the label lead each duty."""
    text = ("KẾ HOẠCH\nPAPI xã Vũ Lạc năm 2024\n\nTỔ CHỨC THỰC HIỆN\n1/ Công an xã:\n- Bảo đảm an ninh, trật tự.\n\n"
            "4/ Các ban, ngành, đoàn thể xã; Trưởng các thôn:\n"
            "- Tuyên truyền nội dung Kế hoạch đến Nhân dân.\n- Vận động Nhân dân tham gia khảo sát.\n")
    doc = parse(text)
    assert keys(find(doc, "Bảo đảm an ninh").lead) == expect("Công an xã")
    t = find(doc, "Tuyên truyền nội dung")
    assert keys(t.lead) == expect("Các ban, ngành, đoàn thể xã", "Trưởng các thôn")


def test_a_sentence_that_only_points_to_the_appendix_is_no_task() -> None:
    """ "Các nhiệm vụ cụ thể của từng cơ quan, đơn vị để cải thiện các chỉ số nội dung được giao tại Phụ lục
    đính kèm." only says where the tasks are, however long; a task whose action follows the pointer stays."""
    text = ("KẾ HOẠCH\nPAPI huyện năm 2025\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Các nhiệm vụ cụ thể của từng cơ quan, đơn vị, địa phương để cải thiện các chỉ số nội dung, nội dung "
            "thành phần được giao tại Phụ lục đính kèm.\n"
            "2. Căn cứ nhiệm vụ được giao tại Phụ lục, các cơ quan xây dựng kế hoạch thực hiện trước ngày 30/4/2025.\n")
    doc = parse(text)
    assert [t.label for t in doc.tasks] == ["2"]


CSV_PLAN = '''KẾ HOẠCH
Cải thiện Chỉ số PAPI xã Giao Thịnh năm 2025

I. NHIỆM VỤ
Chi tiết tại Phụ lục kèm theo.

PHỤ LỤC
CÔNG VIỆC CỤ THỂ

TT,Công việc,Bộ phận/người chủ trì,Đơn vị phối hợp,Thời hạn,Sản phẩm
I,Kiểm soát tham nhũng trong khu vực công,,,,
1,"Công khai kết quả kê khai tài sản, thu nhập của cán bộ, công chức xã",Công chức Văn phòng - Thống kê,"Ban Thanh tra nhân dân xã, Ủy ban MTTQ Việt Nam xã",Tháng 11/2025,Bảng công khai
II,Quản trị điện tử,,,,
2,"Hướng dẫn người dân cài đặt ứng dụng ""VNeID""
tại nhà văn hóa các xóm",Tổ công nghệ số cộng đồng các xóm,Đoàn Thanh niên xã,"Quý III, quý IV/2025",Danh sách người dân được hướng dẫn
'''


def test_comma_separated_table_pasted_from_a_spreadsheet() -> None:
    """A table pasted as comma-separated values: quoted cells hold commas, a doubled quote and a line
    break; a row with only its Roman number and name is a group row naming the dimension. A header
    cell names its role in another word order ("Bộ phận/người chủ trì")."""
    doc = parse(CSV_PLAN)
    rows = [t for t in doc.tasks if t.method == "table-row"]
    assert [t.label for t in rows] == ["1", "2"]
    one, two = rows
    assert text_key(one.text) == text_key("Công khai kết quả kê khai tài sản, thu nhập của cán bộ, công chức xã")
    assert keys(one.lead) == expect("Công chức Văn phòng - Thống kê")
    assert keys(one.support) == expect("Ban Thanh tra nhân dân xã", "Ủy ban MTTQ Việt Nam xã")
    assert [(d.kind, d.end) for d in one.deadlines] == [("month", "2025-11-30")]
    assert (one.dimension, two.dimension) == (4, 8)
    assert text_key(two.text).endswith(text_key("tại nhà văn hóa các xóm"))
    assert keys(two.lead) == expect("Tổ công nghệ số cộng đồng các xóm")
    assert [d.end for d in two.deadlines] == ["2025-09-30", "2025-12-31"]
    assert {(m.dimension, m.raw) for m in doc.indicators} >= {
        (4, "Kiểm soát tham nhũng trong khu vực công"), (8, "Quản trị điện tử")}



def test_a_sheet_exported_as_csv_after_the_signature_keeps_its_title_rows() -> None:
    """An appendix kept as a spreadsheet and exported whole after the plan (pandas' to_csv): its title rows carry
    the empty cells' commas ("PHỤ LỤC,,,,,") and so does the empty row under them (",,,,,"). They are the appendix's
    heading and caption again, so the table after them is read; a row inside the table whose only cell is filled
    stays a row of the table."""
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI xã Tân Phú năm 2025\n\nI. NHIỆM VỤ\n"
            "1. Các nhiệm vụ cụ thể tại Phụ lục kèm theo.\n\nNơi nhận:\n- UBND huyện;\n- Lưu: VT.\n\n"
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn An\n\n"
            "PHỤ LỤC,,,,,\nNHIỆM VỤ CỤ THỂ NĂM 2025,,,,,\n(Kèm theo Kế hoạch số 20/KH-UBND),,,,,\n,,,,,\n"
            "STT,Nội dung nhiệm vụ,Chủ trì,Phối hợp,Thời gian,Sản phẩm\n"
            "I,Quản trị điện tử,,,,\n"
            "1,\"Hướng dẫn người dân nộp hồ sơ, thanh toán trực tuyến\",Công chức Văn phòng - Thống kê,Đoàn Thanh niên xã,Quý III/2025,Báo cáo\n"
            "Thủ tục hành chính công,,,,,\n"
            "2,Niêm yết thủ tục hành chính tại Bộ phận Một cửa,Công chức Tư pháp - Hộ tịch,,Tháng 6/2025,Bảng niêm yết\n")
    doc = parse(text)
    assert any(s.title.startswith("NHIỆM VỤ CỤ THỂ") or s.label.startswith("PL") for s in doc.sections)
    rows = {t.label: (t.dimension, keys(t.lead), [d.kind for d in t.deadlines]) for t in doc.tasks if t.origin == "table"}
    assert rows == {"1": (8, expect("Công chức Văn phòng - Thống kê"), ["quarter"]),
                    "2": (5, expect("Công chức Tư pháp - Hộ tịch"), ["month"])}

def test_a_csv_record_whose_quoted_text_opens_with_an_indicator_name_is_one_task() -> None:
    """A comma-separated record is one row: when its quoted text cell breaks its line right after words that name
    an indicator ("Tiếp cận thông tin" / "về giá đất …"), its agency and time cells stand on the next line, and
    the first line alone reads like a group row. The record's later cells make it a task; a record with only
    number and name stays a group row."""
    text = ("KẾ HOẠCH\nPAPI xã Hòa Bình năm 2025\n\nI. NHIỆM VỤ\n"
            "STT,Nội dung công việc,Chủ trì,Phối hợp,Thời gian\n"
            "I,Công khai minh bạch,,,\n"
            "1,\"Tiếp cận thông tin\n"
            "về giá đất và quy hoạch cho người dân tại nhà văn hóa thôn\",Công chức Địa chính - Xây dựng,Trưởng các thôn,Quý II/2025\n"
            "2,Tiếp cận thông tin,,,\n"
            "3,Niêm yết danh sách hộ nghèo tại thôn,Công chức Văn hóa - Xã hội,,Tháng 12/2025\n")
    doc = parse(text)
    rows = {t.label: (t.text, keys(t.lead), [d.kind for d in t.deadlines]) for t in doc.tasks if t.origin == "table"}
    assert rows == {
        "1": ("Tiếp cận thông tin về giá đất và quy hoạch cho người dân tại nhà văn hóa thôn",
              expect("Công chức Địa chính - Xây dựng"), ["quarter"]),
        "3": ("Niêm yết danh sách hộ nghèo tại thôn", expect("Công chức Văn hóa - Xã hội"), ["month"]),
    }


def test_a_closing_clause_naming_the_partners() -> None:
    """ "… . Công chức Tư pháp - Hộ tịch chủ trì thực hiện, Công an xã phối hợp." and "Giao X chủ trì; Y, Z
    phối hợp.": the closing clause before "phối hợp" names the partners."""
    text = ("KẾ HOẠCH\nPAPI xã năm 2025\n\nI. NHIỆM VỤ\n"
            "1. Hòa giải kịp thời các mâu thuẫn ở thôn trong năm 2025. Công chức Tư pháp - Hộ tịch chủ trì thực hiện, "
            "Công an xã phối hợp.\n"
            "2. Tổ chức ngày hội Đại đoàn kết toàn dân tộc tại các thôn. Giao Ủy ban MTTQ Việt Nam xã chủ trì; "
            "Hội Nông dân xã, Hội Cựu chiến binh xã phối hợp.\n")
    doc = parse(text)
    one, two = find(doc, "Hòa giải"), find(doc, "Tổ chức ngày hội")
    assert (keys(one.lead), keys(one.support)) == (expect("Công chức Tư pháp - Hộ tịch"), expect("Công an xã"))
    assert keys(two.lead) == expect("Ủy ban MTTQ Việt Nam xã")
    assert keys(two.support) == expect("Hội Nông dân xã", "Hội Cựu chiến binh xã")


def test_a_table_cell_listing_several_tasks_and_a_directing_line_over_the_table() -> None:
    """A cell "- A<br>- B" holds two tasks, each with the row's agencies and time; "Chỉ đạo thực hiện: …"
    written once over the table directs its rows; a lead cell "X (chủ trì)<br>Y (phối hợp)" gives both."""
    text = (
        "# KẾ HOẠCH\n\nNâng cao Chỉ số PAPI năm 2025\n\n## II. NHIỆM VỤ CỤ THỂ\n\n### 1. Kiểm soát tham nhũng trong khu vực công\n\n"
        "*Chỉ đạo thực hiện: Phó Chủ tịch UBND tỉnh phụ trách khối nội chính.*\n\n"
        "| STT | Nội dung nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành |\n|---|---|---|---|\n"
        "| 1 | - Công khai kết quả kê khai tài sản, thu nhập<br>- Kiểm tra việc chuyển đổi vị trí công tác | "
        "Thanh tra tỉnh (chủ trì)<br>Sở Nội vụ (phối hợp) | Quý III/2025 |\n"
        "| 2 | Tiếp nhận phản ánh qua đường dây nóng | Văn phòng UBND tỉnh | Thường xuyên |\n"
    )
    doc = parse(text, fmt="markdown")
    rows = [t for t in doc.tasks if t.method == "table-row"]
    assert [text_key(t.text) for t in rows] == [text_key(s) for s in (
        "Công khai kết quả kê khai tài sản, thu nhập", "Kiểm tra việc chuyển đổi vị trí công tác",
        "Tiếp nhận phản ánh qua đường dây nóng")]
    for t in rows[:2]:
        assert keys(t.lead) == expect("Thanh tra tỉnh") and keys(t.support) == expect("Sở Nội vụ")
        assert [d.end for d in t.deadlines] == ["2025-09-30"]
    assert all(keys(t.directing) == expect("Phó Chủ tịch UBND tỉnh phụ trách khối nội chính") for t in rows)


def test_a_topic_heading_over_sub_sections_with_a_directing_line_is_no_task() -> None:
    """ "3. Cải thiện Chỉ số PAPI" / "Chỉ đạo thực hiện: …" over "a) …" sub-sections: a topic whose leader
    directs the tasks below it, not a task of its own."""
    text = ("KẾ HOẠCH\nCải cách hành chính và PAPI năm 2025\n\nII. NHIỆM VỤ, GIẢI PHÁP\n3. Cải thiện, nâng cao Chỉ số PAPI\n"
            "Chỉ đạo thực hiện: Phó Chủ tịch UBND huyện phụ trách văn hóa - xã hội.\n"
            "a) Tham gia của người dân ở cấp cơ sở\n- Phòng Nội vụ hướng dẫn tổ chức hội nghị thôn trong quý II/2025.\n"
            "b) Quản trị điện tử\n- Phòng Văn hóa và Thông tin cập nhật Trang thông tin điện tử huyện thường xuyên.\n")
    doc = parse(text)
    assert not any(t.text.startswith("Cải thiện, nâng cao") for t in doc.tasks)
    t = find(doc, "Phòng Nội vụ hướng dẫn")
    assert keys(t.directing) == expect("Phó Chủ tịch UBND huyện phụ trách văn hóa - xã hội")


def test_a_thuc_hien_field_line_names_the_lead() -> None:
    """ "- Thực hiện: X chủ trì; Y phối hợp." under a task (a social post's "👤 Thực hiện:" line) is its
    agency line, not a task."""
    text = ("KẾ HOẠCH\nPAPI xã năm 2025\n\nII. NHIỆM VỤ\n👉 Công khai dự toán ngân sách xã trên loa truyền thanh.\n"
            "👤 Thực hiện: Công chức Tài chính - Kế toán chủ trì; Trưởng các ấp phối hợp.\n⏰ Thời gian: tháng 7/2025.\n")
    doc = parse(text)
    assert [text_key(t.text) for t in doc.tasks] == [text_key("Công khai dự toán ngân sách xã trên loa truyền thanh.")]
    (t,) = doc.tasks
    assert keys(t.lead) == expect("Công chức Tài chính - Kế toán") and keys(t.support) == expect("Trưởng các ấp")
    assert [(d.kind, d.end) for d in t.deadlines] == [("month", "2025-07-31")]


def test_tasks_listed_inline_in_a_paragraph() -> None:
    """ "X chủ trì thực hiện các nhiệm vụ sau: (1) …; (2) …." lists its tasks inline: each "(n)" item is a task
    led by the lead-in's subject; a list that goes on in the next line under another agency ("Y: (3) …; (4) …")
    keeps its numbers and takes that agency."""
    text = ("KẾ HOẠCH\nPAPI huyện năm 2018\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "Phòng Tư pháp chủ trì thực hiện các nhiệm vụ sau: (1) tuyên truyền pháp luật về hòa giải ở cơ sở trong "
            "quý II/2018; (2) kiện toàn tổ hòa giải ở các thôn, hoàn thành trước ngày 30/9/2018.\n"
            "Phòng Văn hóa và Thông tin: (3) cập nhật Trang thông tin điện tử huyện thường xuyên; (4) tổ chức hội "
            "thi tìm hiểu pháp luật trong tháng 11/2018.\n")
    doc = parse(text)
    assert [t.label for t in doc.tasks] == ["1", "2", "3", "4"]
    one, two, three, four = doc.tasks
    assert text_key(one.text).startswith(text_key("tuyên truyền pháp luật về hòa giải"))
    assert keys(one.lead) == keys(two.lead) == expect("Phòng Tư pháp")
    assert keys(three.lead) == keys(four.lead) == expect("Phòng Văn hóa và Thông tin")
    assert [(d.kind, d.end) for d in two.deadlines] == [("by_date", "2018-09-30")]
    assert [(d.kind, d.end) for d in four.deadlines] == [("month", "2018-11-30")]


def test_a_leadin_clause_gives_its_partners_to_the_inline_items() -> None:
    """ "X chủ trì, phối hợp với Y và Z triển khai các nội dung sau: (1) …; (2) …" assigns the whole group:
    every item it leads has Y and Z as partners; an item with a subject of its own keeps its own agencies."""
    text = ("KẾ HOẠCH\nPAPI huyện năm 2019\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "Phòng Văn hóa và Thông tin chủ trì, phối hợp với Đài Truyền thanh huyện và UBND các xã triển khai "
            "thực hiện, cụ thể: (1) cập nhật Trang thông tin điện tử huyện hằng tuần; (2) đưa tin về kết quả "
            "PAPI trên hệ thống loa truyền thanh trong quý III/2019; (3) Phòng Tư pháp biên soạn tài liệu "
            "hỏi đáp pháp luật trong tháng 8/2019.\n")
    doc = parse(text)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    one, two, three = doc.tasks
    for t in (one, two):
        assert keys(t.lead) == expect("Phòng Văn hóa và Thông tin")
        assert keys(t.support) == expect("Đài Truyền thanh huyện", "UBND các xã")
    assert keys(three.lead) == expect("Phòng Tư pháp") and not three.support


def test_an_agency_line_after_an_inline_list_serves_every_item() -> None:
    """ "Các nhiệm vụ: (1) …; (2) …." followed by "Đơn vị chủ trì: X. Đơn vị phối hợp: Y." — the line is the
    fields of the paragraph's whole list, not of its last item only."""
    text = ("KẾ HOẠCH\nPAPI huyện năm 2019\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "Triển khai các nhiệm vụ sau: (1) niêm yết công khai thủ tục hành chính tại trụ sở UBND các xã; (2) "
            "khảo sát sự hài lòng của người dân về dịch vụ hành chính công định kỳ hằng quý.\n"
            "Cơ quan chủ trì: Phòng Nội vụ. Cơ quan phối hợp: UBND các xã, thị trấn.\n")
    doc = parse(text)
    assert [t.label for t in doc.tasks] == ["1", "2"]
    for t in doc.tasks:
        assert keys(t.lead) == expect("Phòng Nội vụ")
        assert keys(t.support) == expect("UBND các xã, thị trấn")


def test_a_field_sentence_closing_an_inline_list_serves_every_item() -> None:
    """ "… sau: (1) …; (2) …; (3) … . Thời hạn hoàn thành: quý III/2024." — the closing sentence is printed
    inside the last item, but it gives the time of the whole list; an item stating a time of its own keeps it too.
    A list lettered through "(đ)" is one run as well: its closing "Cơ quan phối hợp: Y." reaches "(a)"."""
    doc = parse("KẾ HOẠCH\nPAPI tỉnh năm 2024\n\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Công khai, minh bạch\n"
                "Sở Tài chính chủ trì thực hiện các nhiệm vụ sau: (1) công khai dự toán ngân sách tỉnh trên cổng "
                "thông tin điện tử; (2) hướng dẫn các huyện công khai quyết toán; (3) tổng hợp ý kiến phản ánh "
                "của người dân về công khai ngân sách. Thời hạn hoàn thành: quý III/2024.\n"
                "2. Kiểm soát tham nhũng trong khu vực công\n"
                "Thanh tra tỉnh thực hiện các việc sau: (a) thanh tra công vụ; (b) xác minh tài sản, thu nhập; "
                "(c) công khai kết luận thanh tra; (d) theo dõi việc thực hiện kết luận; (đ) tổng kết công tác "
                "tiếp công dân. Cơ quan phối hợp: Sở Nội vụ.\n")
    assert [t.label for t in doc.tasks] == ["1", "2", "3", "a", "b", "c", "d", "đ"]
    for t in doc.tasks[:3]:
        assert [(d.kind, d.end) for d in t.deadlines] == [("quarter", "2024-09-30")], t.label
        assert keys(t.lead) == expect("Sở Tài chính")
    for t in doc.tasks[3:]:
        assert keys(t.lead) == expect("Thanh tra tỉnh") and keys(t.support) == expect("Sở Nội vụ"), t.label


def test_two_lead_columns_give_each_cell_its_own_leads() -> None:
    """ "Đơn vị chủ trì | Đơn vị tham mưu": both columns name leads (the body that advises leads, as a "Cơ quan tham
    mưu:" line does); one cell's name never runs on into the next cell's ("UBND huyện" | "Phòng Tư pháp"). An empty
    advising cell leaves the one lead."""
    doc = parse("KẾ HOẠCH\nPAPI huyện Cái Nước năm 2024\n\nII. NHIỆM VỤ\n\n"
                "| STT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị tham mưu | Đơn vị phối hợp | Thời hạn |\n"
                "|---|---|---|---|---|---|\n"
                "| 1 | Ban hành quy chế tiếp công dân | UBND huyện | Phòng Tư pháp | Thanh tra huyện | Quý II/2024 |\n"
                "| 2 | Công khai quy hoạch sử dụng đất | Phòng Tài nguyên và Môi trường | | UBND các xã | Quý III/2024 |\n",
                fmt="markdown")
    one, two = doc.tasks
    assert [agency_key(a.name) for a in one.lead] == [agency_key("UBND huyện"), agency_key("Phòng Tư pháp")]
    assert keys(one.support) == expect("Thanh tra huyện")
    assert [agency_key(a.name) for a in two.lead] == [agency_key("Phòng Tài nguyên và Môi trường")]


def test_a_note_style_item_closing_on_slashed_fields() -> None:
    """ "nội dung / chủ trì [+ phối hợp] / thời gian": a note-style item's two closing fields after spaced slashes
    give its lead (the first agency), partners (after "+") and time; a slash inside the text ("đường, cầu / cống")
    or a middle part naming no agency leaves the item as it is."""
    doc = parse("KẾ HOẠCH\nPAPI huyện Tân Uyên năm 2026\n\nII. NHIỆM VỤ\n1. Công khai, minh bạch\n"
                "- Công khai dự toán ngân sách xã / Phòng Tài chính - Kế hoạch + UBND các xã + Thanh tra huyện / Q2\n"
                "- Kiểm tra việc xả thải tại làng nghề / Phòng Tài nguyên và Môi trường / T10–T11\n"
                "- Sửa chữa đường, cầu / cống ở các bản / trong năm\n")
    one, two, three = doc.tasks
    assert keys(one.lead) == expect("Phòng Tài chính - Kế hoạch")
    assert keys(one.support) == expect("UBND các xã", "Thanh tra huyện")
    assert [(d.kind, d.end) for d in one.deadlines] == [("quarter", "2026-06-30")]
    assert keys(two.lead) == expect("Phòng Tài nguyên và Môi trường")
    assert [d.end for d in two.deadlines] == ["2026-10-31", "2026-11-30"]
    assert not three.lead


def test_a_header_of_short_forms_and_no_number_column() -> None:
    """ "ND | CT | PH | TG" (nội dung, chủ trì, phối hợp, thời gian, spelled out in a note) heads a task table; with
    no number column, every row opening with a capital is a task of its own, not the continuation of the row above."""
    doc = parse("KẾ HOẠCH\nPAPI xã Nà Tấu năm 2026\n\nII. NHIỆM VỤ\n\n"
                "| ND | CT | PH | TG |\n|---|---|---|---|\n"
                "| Niêm yết thủ tục hành chính tại Bộ phận Một cửa | Công chức Văn phòng - Thống kê | Công an xã | Quý I/2026 |\n"
                "| Hòa giải mâu thuẫn ở các bản | Công chức Tư pháp - Hộ tịch | Trưởng các bản | Thường xuyên |\n"
                "| Thu gom rác thải ven suối | Đoàn Thanh niên xã | | Tháng 5/2026 |\n", fmt="markdown")
    assert [t.text for t in doc.tasks] == ["Niêm yết thủ tục hành chính tại Bộ phận Một cửa",
                                            "Hòa giải mâu thuẫn ở các bản", "Thu gom rác thải ven suối"]
    one, two, three = doc.tasks
    assert keys(one.lead) == expect("Công chức Văn phòng - Thống kê") and keys(one.support) == expect("Công an xã")
    assert [(d.kind, d.end) for d in one.deadlines] == [("quarter", "2026-03-31")]
    assert keys(two.support) == expect("Trưởng các bản") and [d.kind for d in two.deadlines] == ["continuous"]
    assert keys(three.lead) == expect("Đoàn Thanh niên xã")


def test_a_meetings_programme_timed_by_hours_is_no_task_table() -> None:
    """A conference's programme ("8h00 - 8h20 | Khai mạc | Chủ tịch UBND xã"), every row timed by hours of the day
    alone, lists the order of business on the day: no tasks. A task table with one hour-timed row among dated
    ones stays a task table."""
    doc = parse("KẾ HOẠCH\nTổ chức đối thoại PAPI năm 2026\n\nII. NỘI DUNG\n"
                "1. Công an xã tuần tra trước hội nghị.\n\nCHƯƠNG TRÌNH HỘI NGHỊ\n\n"
                "| Thời gian | Nội dung | Người thực hiện |\n|---|---|---|\n"
                "| 8h00 - 8h20 | Khai mạc hội nghị | Chủ tịch UBND xã |\n"
                "| 8h20 - 10h30 | Người dân phát biểu ý kiến | Đại biểu |\n"
                "| 10 giờ 30 - 11 giờ | Bế mạc | Chủ tịch UBND xã |\n", fmt="markdown")
    assert [t.text for t in doc.tasks] == ["Công an xã tuần tra trước hội nghị."]
    doc = parse("KẾ HOẠCH\nPAPI xã năm 2026\n\nII. NHIỆM VỤ\n\n"
                "| Thời gian | Nội dung | Người thực hiện |\n|---|---|---|\n"
                "| 8h00 | Khai mạc hội nghị đối thoại | Chủ tịch UBND xã |\n"
                "| Quý II/2026 | Công khai ngân sách xã | Công chức Tài chính - Kế toán |\n", fmt="markdown")
    assert len(doc.tasks) == 2


def test_an_inline_list_numbered_by_small_roman_numerals_and_a_bracket() -> None:
    """ "… các việc sau: i) …; ii) …; iii) …." (small Roman numerals closed by a bracket only, as "(i)" is in
    both): one task per numeral, the lead-in's subject leading each."""
    doc = parse("KẾ HOẠCH\nPAPI xã Tân Phước năm 2026\n\nII. NHIỆM VỤ\n1. Trách nhiệm giải trình với người dân\n"
                "Công chức Văn phòng - Thống kê thực hiện các việc sau: i) lập sổ tiếp công dân; ii) theo dõi việc trả "
                "lời kiến nghị cử tri; iii) báo cáo kết quả hằng quý.\n")
    assert [t.label for t in doc.tasks] == ["i", "ii", "iii"]
    assert all(keys(t.lead) == expect("Công chức Văn phòng - Thống kê") for t in doc.tasks)
    assert doc.tasks[1].text.startswith("theo dõi việc trả lời")


def test_a_form_of_document_line_under_an_item_is_its_output() -> None:
    """ "- Hình thức văn bản: Báo cáo" under an item's field lines names the paper the task yields: its output, as
    the table column of that name is, and no task of its own."""
    doc = parse("KẾ HOẠCH\nPAPI huyện năm 2026\n\nII. NHIỆM VỤ\n2.1. Tổng hợp ý kiến cử tri về thủ tục đất đai\n"
                "- Cơ quan chủ trì: Phòng Tài nguyên và Môi trường\n- Thời gian hoàn thành: Quý III/2026\n"
                "- Hình thức văn bản: Báo cáo\n")
    assert len(doc.tasks) == 1
    assert doc.tasks[0].output == "Báo cáo"


def test_a_closing_parenthesis_opening_with_a_time_is_the_items_time() -> None:
    """ "… (Năm 2025)." and "… (Khi có yêu cầu của cấp trên)." close a task item with its time, as "(Quý II/2025)"
    does; a closing parenthesis that does not open with a time ("(theo Phụ lục 2)") gives none."""
    text = ("KẾ HOẠCH\nPAPI huyện năm 2025\n\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Phòng Y tế:\n"
            "a) Kiểm tra chất lượng dịch vụ tại trạm y tế các xã (Năm 2025).\n"
            "b) Tổ chức đối thoại với người bệnh về chất lượng phục vụ (Khi có yêu cầu của cấp trên).\n"
            "c) Rà soát danh mục thuốc thiết yếu tại trạm y tế các xã (theo Phụ lục 2).\n")
    doc = parse_text(text, with_text=True)
    assert doc.text is not None
    a, b, c = (find(doc, s) for s in ("Kiểm tra chất lượng", "Tổ chức đối thoại", "Rà soát danh mục"))
    assert [(d.kind, d.end) for d in a.deadlines] == [("year", "2025-12-31")]
    assert [d.kind for d in b.deadlines] == ["event"]
    assert c.deadlines == []
    for t in (a, b):
        d = t.deadlines[0]
        assert doc.text[d.span[0] : d.span[1]] == d.raw


def test_a_bold_runin_request_to_an_agency_is_its_task_not_a_heading() -> None:
    """ "**5. Đề nghị Liên đoàn Lao động tỉnh:** tuyên truyền …" among agency headings ("**4. Sở Tư pháp:**" over
    its items) is a request with its action on the same line: a task led by the addressee, not a section; a bold
    run-in "**2. Yêu cầu:** …" stays a heading."""
    text = ("# KẾ HOẠCH\n\nPAPI tỉnh năm 2024\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n\n**1. Mục đích:** Nâng cao Chỉ số PAPI.\n\n"
            "**2. Yêu cầu:** Bám sát các chỉ số nội dung.\n\n**II. NHIỆM VỤ CỦA CÁC CƠ QUAN**\n\n"
            "**4. Sở Tư pháp:**\n\na) Tổ chức phổ biến pháp luật về dân chủ ở cơ sở (Quý III/2024).\n\n"
            "**5. Đề nghị Liên đoàn Lao động tỉnh:** tuyên truyền đến đoàn viên công đoàn về Chỉ số PAPI "
            "(Quý IV/2024).\n")
    doc = parse(text, fmt="markdown")
    labels = [s.label for s in doc.sections]
    assert "4" in labels and "5" not in labels and "2" in labels
    t = find(doc, "Đề nghị Liên đoàn Lao động tỉnh")
    assert keys(t.lead) == expect("Liên đoàn Lao động tỉnh")
    assert [(d.kind, d.end) for d in t.deadlines] == [("quarter", "2024-12-31")]


def test_a_paragraph_after_an_inline_list_stays_in_its_indicator_section() -> None:
    """Under "2.3. Trách nhiệm giải trình …", "Thanh tra huyện: (1) …; (2) …." then "Phòng Tư pháp: (3) …." and a
    plain paragraph: all are tasks of dimension 3 (an inline list is prose, it does not close the section's list
    the way "a) …" items before a new agency paragraph can)."""
    text = ("KẾ HOẠCH\nPAPI huyện năm 2018\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "2.3. Trách nhiệm giải trình với người dân\n"
            "Thanh tra huyện chủ trì thực hiện: (1) tiếp công dân định kỳ vào ngày 10 hằng tháng; (2) giải quyết "
            "dứt điểm các vụ việc khiếu nại tồn đọng trong quý III/2018.\n"
            "Phòng Tư pháp: (3) hướng dẫn người dân về thủ tục khiếu nại tại các buổi họp thôn; (4) tổ chức trợ "
            "giúp pháp lý lưu động tại 02 xã trong quý IV/2018.\n"
            "Văn phòng HĐND và UBND huyện công khai kết quả giải quyết khiếu nại trên Trang thông tin điện tử huyện.\n")
    doc = parse(text)
    assert [t.label for t in doc.tasks] == ["1", "2", "3", "4", None]
    assert [t.dimension for t in doc.tasks] == [3] * 5
    assert keys(doc.tasks[2].lead) == expect("Phòng Tư pháp")
    assert keys(doc.tasks[4].lead) == expect("Văn phòng HĐND và UBND huyện")


def test_the_items_of_a_cell_leave_their_separator_out() -> None:
    """ "- A<br>- B" in a task cell: two tasks whose texts are exactly A and B (not "A; -")."""
    t = ("KẾ HOẠCH\nPAPI\n\nII. NHIỆM VỤ\n\n| STT | Nội dung nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành |\n"
         "|---|---|---|---|\n| 1 | - Công khai kết quả kê khai tài sản<br>- Kiểm tra việc chuyển đổi vị trí công tác | "
         "Thanh tra tỉnh | Quý III/2025 |\n")
    doc = parse(t, fmt="markdown")
    assert [x.text for x in doc.tasks] == ["Công khai kết quả kê khai tài sản",
                                           "Kiểm tra việc chuyển đổi vị trí công tác"]


def test_page_chrome_after_an_appendix_and_notes_under_a_table_are_no_tasks() -> None:
    """A portal page printed after the signature: an appendix (body again), then "File đính kèm: …" and "Các tin
    khác" with bulleted headlines: the chrome ends the appendix. A note or source line under the appendix's table
    ("Ghi chú: …", "Nguồn: …") is no task either."""
    text = ("KẾ HOẠCH\nPAPI xã năm 2025\n\nI. NHIỆM VỤ\n1. Công chức Tư pháp - Hộ tịch tổ chức hòa giải ở thôn.\n\n"
            "Nơi nhận:\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n\n"
            "PHỤ LỤC\nNHIỆM VỤ CỦA CÁC THÔN\n"
            "- Trưởng các thôn tổ chức họp thôn phổ biến Kế hoạch này trong tháng 6/2025.\n"
            "Ghi chú: Các thôn báo cáo kết quả về UBND xã qua Công chức Văn phòng - Thống kê.\n"
            "Nguồn: Báo cáo PAPI năm 2024 của UNDP và các đối tác.\n\n"
            "File đính kèm: ke-hoach-papi.pdf\n\nCác tin khác\n"
            "- Xã tổ chức Hội nghị tổng kết công tác cải cách hành chính năm 2024 tại hội trường.\n")
    doc = parse(text)
    assert [t.text[:25] for t in doc.tasks] == ["Công chức Tư pháp - Hộ tị", "Trưởng các thôn tổ chức h"]


def test_an_assignment_after_a_list_serves_the_items_above() -> None:
    """ "Giao Phòng Nội vụ chủ trì, phối hợp với Y thực hiện các nhiệm vụ nêu trên, hoàn thành trước ngày …" after
    subject-less "+" items: no task of its own; its lead, partners and time go to each item above. A "Giao …"
    paragraph that refers to nothing above is a task as before."""
    text = ("KẾ HOẠCH\nPAPI huyện năm 2024\n\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Thủ tục hành chính công\n"
            "+ Rà soát, công bố danh mục thủ tục hành chính cấp huyện.\n"
            "+ Khảo sát sự hài lòng của người dân tại Bộ phận Một cửa.\n\n"
            "Giao Phòng Nội vụ chủ trì, phối hợp với Văn phòng HĐND và UBND huyện thực hiện các nhiệm vụ nêu trên, "
            "hoàn thành trước ngày 30/11/2024.\n\n"
            "Giao Phòng Tư pháp kiểm tra việc niêm yết thủ tục hành chính tại các xã trong quý IV/2024.\n")
    doc = parse(text)
    assert [t.text[:20] for t in doc.tasks] == ["Rà soát, công bố dan", "Khảo sát sự hài lòng", "Giao Phòng Tư pháp k"]
    for t in doc.tasks[:2]:
        assert keys(t.lead) == expect("Phòng Nội vụ")
        assert keys(t.support) == expect("Văn phòng HĐND và UBND huyện")
        assert [(d.kind, d.end) for d in t.deadlines] == [("by_date", "2024-11-30")]
    assert keys(doc.tasks[2].lead) == expect("Phòng Tư pháp")


def test_a_closing_note_naming_an_indicator_gives_the_task_its_dimension() -> None:
    """Tasks grouped by agency, each closed by a note on the indicator it serves: "(Thuộc chỉ số Quản trị
    điện tử)", "(Nội dung thành phần: Chất lượng không khí)", a note naming two (the first counts). A
    closing parenthesis that is no such note ("(Năm 2025)") gives nothing."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2025\n\nII. NHIỆM VỤ\n"
        "1. Phòng Văn hóa và Thông tin:\n"
        "a) Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia (Thuộc chỉ số Quản trị điện tử).\n"
        "b) Kiểm tra việc đốt rơm rạ sau thu hoạch tại các xã (Nội dung thành phần: Chất lượng không khí).\n"
        "c) Tổ chức đối thoại với người dân về bồi thường, giải phóng mặt bằng (Chỉ số nội dung 3 – Trách nhiệm "
        "giải trình với người dân; Chỉ số nội dung 4 – Kiểm soát tham nhũng trong khu vực công).\n"
        "d) Tổ chức tập huấn nghiệp vụ cho công chức văn hóa xã (Năm 2025).\n"
    )
    assert [(t.label, t.dimension, t.subdimension) for t in doc.tasks] == [
        ("a", 8, None), ("b", 7, "7.2"), ("c", 3, None), ("d", None, None)]


def test_the_agency_that_prepares_the_work_leads_it() -> None:
    """ "Đơn vị tham mưu: X" under an item and a "Cơ quan tham mưu" table column name the lead: the agency
    that prepares the work for the committee carries it."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n"
        "1. Rà soát, niêm yết thủ tục hành chính tại Bộ phận Một cửa huyện.\n"
        "- Đơn vị tham mưu: Văn phòng HĐND và UBND huyện.\n\n"
        "PHỤ LỤC\n\n"
        "STT\tNội dung\tCơ quan tham mưu\tThời gian\n"
        "1\tTổ chức đối thoại với Nhân dân về đất đai\tPhòng Tài nguyên và Môi trường\tQuý III/2024\n"
    )
    assert [keys(t.lead) for t in doc.tasks] == [expect("Văn phòng HĐND và UBND huyện"),
                                                 expect("Phòng Tài nguyên và Môi trường")]


def test_a_lead_in_with_a_note_before_its_colon_is_no_task() -> None:
    """ "UBND xã giao nhiệm vụ cho các ban, ngành cụ thể (thời gian hoàn thành ghi ở cuối mỗi nhiệm vụ):" introduces
    the list like "… cụ thể:" does; the note in parentheses before the colon does not make it a task."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n"
        "Để khắc phục các hạn chế, UBND xã giao nhiệm vụ cho các ban, ngành, đoàn thể cụ thể (thời gian hoàn thành "
        "ghi ở cuối mỗi nhiệm vụ):\n"
        "1. Công chức Văn phòng - Thống kê:\n"
        "a) Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa, hoàn thành trong quý II/2024.\n"
        "b) Cập nhật trang thông tin điện tử xã hằng tháng.\n"
    )
    assert [t.label for t in doc.tasks] == ["a", "b"]


def test_a_sentence_pointing_at_the_appendix_is_no_task() -> None:
    """ "Các phòng, ban thực hiện các nhiệm vụ theo từng lĩnh vực tại Phụ lục kèm theo Kế hoạch này." only says where
    the tasks are listed; the appendix rows are the tasks."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n"
        "Các phòng, ban chuyên môn thuộc UBND huyện, UBND các xã thực hiện các nhiệm vụ theo từng lĩnh vực tại "
        "Phụ lục kèm theo Kế hoạch này.\n\n"
        "PHỤ LỤC\n\n"
        "STT\tNhiệm vụ\tCơ quan chủ trì\tThời gian\n"
        "1\tTổ chức đối thoại với Nhân dân về đất đai\tPhòng Tài nguyên và Môi trường\tQuý III/2024\n"
    )
    assert [t.label for t in doc.tasks] == ["1"]


def test_a_closing_parenthesis_naming_who_does_the_task_gives_its_lead() -> None:
    """ "… trong tháng 6/2024 (Phòng Tư pháp chủ trì)." and "(Văn phòng HĐND và UBND huyện thực hiện)": the agency
    the closing parenthesis assigns leads; a parenthesis that only names a place or time does not."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n"
        "1. Tổ chức tập huấn kỹ năng hòa giải ở cơ sở trong tháng 6/2024 (Phòng Tư pháp chủ trì).\n"
        "2. Rà soát, niêm yết thủ tục hành chính tại Bộ phận Một cửa (Văn phòng HĐND và UBND huyện thực hiện).\n"
        "3. Tổ chức đối thoại với Nhân dân về đất đai (tại các xã vùng ven).\n"
    )
    assert [keys(t.lead) for t in doc.tasks] == [expect("Phòng Tư pháp"), expect("Văn phòng HĐND và UBND huyện"), set()]


def test_a_sentence_listing_a_tables_columns_is_no_task() -> None:
    """ "Các đơn vị thực hiện theo bảng dưới đây, mỗi dòng gồm: TT — Nhiệm vụ — Đơn vị chủ trì — Thời hạn." explains
    how the rows read; a sentence with dashes that names no columns stays a task."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n"
        "Các đơn vị thực hiện theo bảng dưới đây, mỗi dòng gồm: TT — Nhiệm vụ — Đơn vị chủ trì — Thời hạn.\n"
        "1 — Rà soát thủ tục hành chính cấp xã — Văn phòng UBND huyện — Quý II/2024\n"
        "2 — Đối thoại với Nhân dân về đất đai — Phòng Tài nguyên và Môi trường — Quý III/2024\n"
        "3 — Công khai ngân sách xã — UBND các xã — Hằng quý\n\n"
        "Phòng Tư pháp tổ chức hòa giải ở cơ sở — nhất là tại các thôn vùng sâu — trong năm 2024.\n"
    )
    assert [t.label for t in doc.tasks] == ["1", "2", "3", None]


def test_a_closing_square_bracket_is_the_items_time_and_the_parenthesis_before_it_its_fields() -> None:
    """ "… (Chủ trì: X; phối hợp: Y) [Trước ngày 30/9/2023]." and "(X chủ trì, Y phối hợp) [Hằng quý]": the bracket closing
    the item is its time, the parenthesis before it names the lead and the partners; a bracket holding only a
    number is a note's mark, no time."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2023\n\nII. NHIỆM VỤ\n"
        "1. Niêm yết công khai các khoản đóng góp của Nhân dân tại nhà văn hóa các thôn. (Chủ trì: UBND các xã; "
        "phối hợp: Ban Thanh tra nhân dân các xã) [Trước ngày 30/9/2023].\n"
        "2. Tổ chức đối thoại với người dân về thu hồi đất (Phòng Tài nguyên và Môi trường chủ trì, Thanh tra huyện "
        "phối hợp) [Hằng quý].\n"
        "3. Đề nghị Ủy ban MTTQ Việt Nam huyện giám sát việc lấy ý kiến Nhân dân (Đề nghị Ủy ban MTTQ Việt Nam huyện "
        "chủ trì; UBND các xã phối hợp).\n"
        "4. Phòng Văn hóa và Thông tin đăng tải kế hoạch trên Trang thông tin điện tử huyện [2].\n"
    )
    t1, t2, t3, t4 = doc.tasks
    assert (keys(t1.lead), keys(t1.support)) == (expect("UBND các xã"), expect("Ban Thanh tra nhân dân các xã"))
    assert [(d.raw, d.kind, str(d.end)) for d in t1.deadlines] == [("Trước ngày 30/9/2023", "by_date", "2023-09-30")]
    assert (keys(t2.lead), keys(t2.support)) == (expect("Phòng Tài nguyên và Môi trường"), expect("Thanh tra huyện"))
    assert [(d.raw, d.recurrence) for d in t2.deadlines] == [("Hằng quý", "quarterly")]
    assert (keys(t3.lead), keys(t3.support)) == (expect("Ủy ban MTTQ Việt Nam huyện"), expect("UBND các xã"))
    assert keys(t4.lead) == expect("Phòng Văn hóa và Thông tin") and t4.deadlines == []


def test_a_footnote_note_under_a_table_is_no_task_and_keeps_its_mark() -> None:
    """ "(*) Các nhiệm vụ đánh dấu (x) …" under a table is the note its mark points to: no task, and the "(*)" stays
    in the text (only emphasis stars go: "**Sở Nội vụ**")."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n"
        "1. **Sở Nội vụ** tổ chức tập huấn về Chỉ số PAPI cho cán bộ cấp xã trong quý II/2024 (*).\n"
        "2. Sở Tư pháp hướng dẫn hòa giải ở cơ sở trong năm 2024.\n\n"
        "(*) Nhiệm vụ trọng tâm: Sở Nội vụ báo cáo kết quả thực hiện với UBND tỉnh trước ngày 15/12/2024.\n"
    )
    assert [t.label for t in doc.tasks] == ["1", "2"]
    assert doc.tasks[0].text.startswith("Sở Nội vụ tổ chức tập huấn") and "(*)" in doc.tasks[0].text


def test_field_lines_named_dau_moi_and_han_under_an_item() -> None:
    """ "Đầu mối:" names who is in charge (the lead) and "Hạn:" the time, on the lines under a numbered item, like
    "Cơ quan chủ trì:" and "Thời gian hoàn thành:"; without a colon "đầu mối" is an ordinary word."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n"
        "1. Tổ chức đối thoại giữa Chủ tịch UBND phường với người dân về chỉnh trang đô thị.\n"
        "   Đơn vị đầu mối: Văn phòng - Thống kê\n   Phối hợp: Công an phường\n   Hạn: Tháng 10/2024\n"
        "2. Công chức Tư pháp - Hộ tịch là đầu mối tiếp nhận phản ánh của người dân trong năm 2024.\n"
    )
    t1, t2 = doc.tasks
    assert (keys(t1.lead), keys(t1.support)) == (expect("Văn phòng - Thống kê"), expect("Công an phường"))
    assert [(d.raw, str(d.end)) for d in t1.deadlines] == [("Tháng 10/2024", "2024-10-31")]
    assert t2.text.startswith("Công chức Tư pháp - Hộ tịch là đầu mối")


def test_a_closing_assignment_may_carry_the_items_time_after_its_verb() -> None:
    from papi_extract.pipeline import parse_text

    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI xã năm 2023\n\nI. NHIỆM VỤ\n"
        "1. Kiện toàn Tổ hòa giải ở các thôn (Công chức Tư pháp - Hộ tịch thực hiện, hoàn thành trong quý III/2023).\n"
        "2. Cập nhật thông tin trên bảng tin các thôn (Trưởng các thôn thực hiện; thường xuyên).\n"
        "3. Tổ chức đối thoại với Nhân dân (Chủ tịch UBND xã chủ trì, trước ngày 30/9/2023).\n\n"
        "II. TỔ CHỨC THỰC HIỆN\nCông chức Văn phòng - Thống kê theo dõi.\n"
    )
    doc = parse_text(text)
    tasks = [t for t in doc.tasks if t.label in ("1", "2", "3")]
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Công chức Tư pháp - Hộ tịch"], ["Trưởng các thôn"], ["Chủ tịch Ủy ban nhân dân xã"]]  # names canonical
    assert [[d.kind for d in t.deadlines] for t in tasks] == [["quarter"], ["continuous"], ["by_date"]]


def test_a_lead_ins_time_frames_the_items_under_it_that_state_none() -> None:
    """ "Phòng Tư pháp thực hiện các nội dung sau, xong trước ngày 15/9/2025:" and a section intro that only states a
    time ("Trong giai đoạn 2024 - 2026, tập trung thực hiện các nhiệm vụ sau:"): each item below without a time of
    its own takes the lead-in's; an item naming its own time keeps only that one (annotation guide, held-out 22)."""
    doc = parse_text(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI huyện năm 2025\n\nII. NHIỆM VỤ\n1. Trách nhiệm giải trình với người dân\n"
        "Phòng Tư pháp thực hiện các nội dung sau, xong trước ngày 15/9/2025:\n"
        "a) Kiện toàn các tổ hòa giải ở thôn, bản.\n"
        "b) Hướng dẫn công chức tư pháp xã tiếp nhận đơn thư trong quý II/2025.\n"
        "2. Quản trị môi trường\n"
        "Trong giai đoạn 2024 - 2026, tập trung thực hiện các nhiệm vụ sau:\n"
        "- Kiểm tra các cơ sở chăn nuôi gây ô nhiễm tại các xã ven sông.\n"
        "- Vận động Nhân dân phân loại rác thải tại nguồn.\n",
        with_text=True,
    )
    assert doc.text is not None
    got = {t.text[:18]: [(d.kind, d.end) for d in t.deadlines] for t in doc.tasks}
    assert got == {
        "Kiện toàn các tổ h": [("by_date", "2025-09-15")],
        "Hướng dẫn công chứ": [("quarter", "2025-06-30")],
        "Kiểm tra các cơ sở": [("year_range", "2026-12-31")],
        "Vận động Nhân dân ": [("year_range", "2026-12-31")],
    }
    assert keys(find(doc, "Kiện toàn").lead) == expect("Phòng Tư pháp")
    for t in doc.tasks:
        for d in t.deadlines:
            assert doc.text[d.span[0] : d.span[1]] == d.raw



def test_a_paragraph_lead_ins_time_frames_the_paragraphs_after_it() -> None:
    """Export that drops bullets (docx2python, a Word file's list paragraphs) leaves a lead-in paragraph over plain
    paragraphs: "Trong 6 tháng cuối năm 2025, các cơ quan thực hiện các nội dung sau:" still frames each paragraph
    after it that states no time; a paragraph with its own time keeps it; a heading ends the frame."""
    doc = parse_text(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI xã năm 2025\n\nII. NHIỆM VỤ\n\n1. Kiểm soát tham nhũng trong khu vực công\n\n"
        "Trong quý III/2025, các cơ quan thực hiện các nội dung như sau:\n\n"
        "Công chức Tài chính - Kế toán công khai các khoản thu, chi tại trụ sở UBND xã.\n\n"
        "Văn phòng HĐND và UBND xã rà soát việc kê khai tài sản, thu nhập, báo cáo trước ngày 15/7/2025.\n\n"
        "2. Quản trị môi trường\n\n"
        "Công an xã kiểm tra các cơ sở gây ô nhiễm môi trường trên địa bàn.\n",
        with_text=True,
    )
    got = {t.text[:18]: [(d.kind, d.end) for d in t.deadlines] for t in doc.tasks}
    assert got == {
        "Công chức Tài chín": [("quarter", "2025-09-30")],
        "Văn phòng HĐND và ": [("by_date", "2025-07-15")],
        "Công an xã kiểm tr": [],
    }
    assert doc.text is not None
    raw = find(doc, "Công chức Tài chính").deadlines[0]
    assert doc.text[raw.span[0] : raw.span[1]] == raw.raw == "quý III/2025"

def test_a_starred_line_announcing_a_list_heads_the_bullets_of_another_marker() -> None:
    """ "* Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với … thực hiện các nội dung sau:" over "-" items: a
    typist's star marks the higher level there, so the line is the items' group head (its subject leads, its partners
    support), though "*" ranks below "-" where stars are the deeper bullets. The group ends at the next star."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI huyện năm 2025\n\nII. NHIỆM VỤ\n1. Quản trị điện tử\n"
        "* Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Trung tâm Văn hóa - Thể thao huyện thực hiện "
        "các nội dung sau:\n"
        "- Cập nhật thông tin chính sách mới trên Trang thông tin điện tử huyện.\n"
        "- Hướng dẫn người dân sử dụng ứng dụng VNeID.\n"
        "* Phòng Nội vụ kiểm tra việc trả lời phản ánh, kiến nghị trên Cổng dịch vụ công.\n"
    )
    got = [(t.text[:20], sorted(keys(t.lead)), sorted(keys(t.support))) for t in doc.tasks]
    culture = sorted(expect("Phòng Văn hóa và Thông tin"))
    centre = sorted(expect("Trung tâm Văn hóa - Thể thao huyện"))
    assert got == [("Cập nhật thông tin c", culture, centre), ("Hướng dẫn người dân ", culture, centre),
                   ("Phòng Nội vụ kiểm tr", sorted(expect("Phòng Nội vụ")), [])]


def test_a_closing_parenthesis_holding_only_agencies_names_the_lead() -> None:
    """ "… trước ngày họp ít nhất 03 ngày (Văn phòng HĐND và UBND huyện)." names who does the item, as "(X thực
    hiện)" does; a parenthesis with anything else in it ("(qua Phòng Nội vụ)", "(theo Phụ lục 2)") names no one."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI huyện năm 2025\n\nII. NHIỆM VỤ\n1. Thủ tục hành chính công\n"
        "- Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa các xã (Văn phòng HĐND và UBND huyện).\n"
        "- Khảo sát sự hài lòng của người dân; gửi kết quả về UBND huyện (qua Phòng Nội vụ).\n"
        "- Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (theo Phụ lục 2).\n"
    )
    assert [sorted(keys(t.lead)) for t in doc.tasks] == [sorted(expect("Văn phòng HĐND và UBND huyện")), [], []]


def test_an_agency_block_after_a_list_of_bullets_serves_the_section() -> None:
    """ "- … ." / "- … ." then paragraphs "Cơ quan chủ trì: …", "Cơ quan phối hợp: …", "Chỉ đạo thực hiện: …",
    "Thời hạn: …": the section's agency block, not the last bullet's fields (a time line among them does not make
    them one item's). A bullet naming its own subject keeps its lead; all take the block's directing and time."""
    doc = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI huyện năm 2024\n\nII. NHIỆM VỤ\n1. Kiểm soát tham nhũng trong khu vực công\n"
        "- Phòng Nội vụ công khai kết quả tuyển dụng viên chức trên Trang thông tin điện tử huyện.\n"
        "- Kiểm tra việc kê khai tài sản, thu nhập tại các cơ quan, đơn vị.\n"
        "- Xử lý nghiêm cán bộ, công chức có hành vi nhũng nhiễu người dân.\n"
        "Cơ quan chủ trì: Thanh tra huyện.\nCơ quan phối hợp: Công an huyện.\n"
        "Chỉ đạo thực hiện: Phó Chủ tịch UBND huyện phụ trách khối Nội chính.\nThời hạn: Thường xuyên.\n"
        "2. Quản trị điện tử\n- Phòng Văn hóa và Thông tin nâng cấp Trang thông tin điện tử huyện.\n"
    )
    got = {t.text[:20]: (sorted(keys(t.lead)), sorted(keys(t.support)), len(t.directing), [d.kind for d in t.deadlines])
           for t in doc.tasks}
    inspect, support = sorted(expect("Thanh tra huyện")), sorted(expect("Công an huyện"))
    assert got == {
        "Phòng Nội vụ công kh": (sorted(expect("Phòng Nội vụ")), [], 1, ["continuous"]),
        "Kiểm tra việc kê kha": (inspect, support, 1, ["continuous"]),
        "Xử lý nghiêm cán bộ,": (inspect, support, 1, ["continuous"]),
        "Phòng Văn hóa và Thô": (sorted(expect("Phòng Văn hóa và Thông tin")), [], 0, []),
    }


def test_a_sentence_pointing_to_a_numbered_appendix_is_no_task() -> None:
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Nhiệm vụ chung\nPhòng Tư pháp chủ trì tổ chức hội nghị phổ biến pháp luật cho trưởng thôn.\n\n"
            "2. Nhiệm vụ cụ thể\nCác phòng, ban và UBND các xã triển khai các nhiệm vụ cụ thể tại Phụ lục II ban hành "
            "kèm theo Kế hoạch này.\n\nIII. TỔ CHỨC THỰC HIỆN\nPhòng Nội vụ theo dõi, tổng hợp.\n")
    texts = [t.text for t in parse_text(text).tasks]
    assert any(t.startswith("Phòng Tư pháp chủ trì") for t in texts)
    assert not any("Phụ lục II" in t for t in texts)


# A naive python-docx script's text: every paragraph first, then every table, tab-separated, merged cells repeated.
# So the header table (number, motto, date) and the appendix's task table come after the body and the signature.
TABLES_LAST = (
    "KẾ HOẠCH\nCải thiện Chỉ số PAPI trên địa bàn phường Tân Lập năm 2023\n\n"
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/02/2023 của UBND thành phố về nâng cao Chỉ số PAPI;\n"
    "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao chất lượng phục vụ Nhân dân.\n"
    "II. NHIỆM VỤ\nCác bộ phận thực hiện các nhiệm vụ tại Phụ lục.\n"
    "III. TỔ CHỨC THỰC HIỆN\nCông chức Văn phòng - Thống kê theo dõi, tổng hợp, báo cáo.\n\n"
    "PHỤ LỤC\nDANH MỤC NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI NĂM 2023\n(Kèm theo Kế hoạch số 19/KH-UBND ngày 06/3/2023 của UBND phường)\n"
    "UBND THÀNH PHỐ\nỦY BAN NHÂN DÂN\nPHƯỜNG TÂN LẬP\n\n"
    "Số: 19/KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Tân Lập, ngày 06 tháng 3 năm 2023\n\n"
    "Nơi nhận:\n- UBND thành phố;\n- Lưu: VT.\tTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Bình\n\n"
    "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tSản phẩm\tThời hạn\n"
    "I\tThủ tục hành chính công\tThủ tục hành chính công\tThủ tục hành chính công\tThủ tục hành chính công\t"
    "Thủ tục hành chính công\n"
    "1\tNiêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa phường\tBộ phận Một cửa phường\tCông chức Tư pháp - Hộ tịch\t"
    "Bảng niêm yết\tQuý II/2023\n"
    "2\tHướng dẫn người dân nộp hồ sơ trực tuyến\tCông an phường\tĐoàn Thanh niên phường\tHồ sơ trực tuyến\tThường xuyên\n"
)


def test_a_plan_whose_tables_follow_its_paragraphs_is_read_whole() -> None:
    doc = parse_text(TABLES_LAST)
    assert (doc.number, doc.issued_date) == ("19/KH-UBND", "2023-03-06")
    rows = [(t.label, t.dimension, [a.raw for a in t.lead]) for t in doc.tasks if t.origin == "table"]
    assert rows == [("1", 5, ["Bộ phận Một cửa phường"]), ("2", 5, ["Công an phường"])]
    texts = [t.text for t in doc.tasks]
    # the caption of the appendix and the header's motto and date are no tasks
    assert not any(t.startswith(("DANH MỤC", "Độc lập")) for t in texts)


def test_a_total_row_whose_merged_label_is_repeated_keeps_its_figures_in_their_columns() -> None:
    scores = ("STT\tChỉ số nội dung\tNăm 2021\tNăm 2022\tTăng, giảm\n"
              "1\tCông khai, minh bạch trong việc ra quyết định ở địa phương\t5,10\t5,22\t+0,12\n"
              "2\tQuản trị điện tử\t3,01\t3,40\t+0,39\n"
              "Tổng điểm\tTổng điểm\t42,05\t42,61\t+0,56\n\n")
    doc = parse_text(TABLES_LAST.replace("Nơi nhận:\n", scores + "Nơi nhận:\n"))
    totals = {(s.year, s.value, s.change) for s in doc.scores if s.dimension is None and s.method.startswith("table")}
    assert totals == {(2021, 42.05, None), (2022, 42.61, 0.56)}


def test_a_paragraph_whose_second_sentence_opens_the_closing_formula_is_no_task() -> None:
    text = ("KẾ HOẠCH\nPAPI xã năm 2024\n\nII. TỔ CHỨC THỰC HIỆN\n"
            "1. Công chức Văn phòng - Thống kê tổng hợp kết quả thực hiện, báo cáo UBND huyện trước ngày 15/12/2024.\n\n"
            "Đề nghị các bộ phận chuyên môn thực hiện nghiêm túc Kế hoạch này. Trong quá trình tổ chức thực hiện, nếu có "
            "khó khăn, báo cáo về UBND xã để xem xét, giải quyết./.\n")
    texts = [t.text for t in parse_text(text).tasks]
    assert any(t.startswith("Công chức Văn phòng - Thống kê tổng hợp") for t in texts)
    assert not any(t.startswith("Đề nghị các bộ phận") for t in texts)


def test_an_items_dated_time_in_its_text_counts_beside_its_time_field() -> None:
    text = ("KẾ HOẠCH\nPAPI huyện năm 2024\n\nII. NHIỆM VỤ\n"
            "Nhiệm vụ 3: Số hóa hồ sơ hộ tịch; bảo đảm đến ngày 30/9/2024 hoàn thành 100% sổ hộ tịch.\n"
            "- Chủ trì: Phòng Tư pháp.\n- Thời gian: Năm 2024.\n\n"
            "Nhiệm vụ 4: Thường xuyên kiểm tra việc niêm yết thủ tục hành chính tại các xã.\n"
            "- Chủ trì: Văn phòng HĐND và UBND huyện.\n- Thời gian: Quý III/2024.\n")
    doc = parse_text(text)
    def kinds(words: str) -> list[str]:
        return next(sorted(d.kind for d in t.deadlines) for t in doc.tasks if words in t.text)

    assert kinds("Số hóa hồ sơ") == ["by_date", "year"]
    # an undated time in the text ("Thường xuyên kiểm tra …") describes the work: the field's time alone
    assert kinds("Thường xuyên kiểm tra") == ["quarter"]


def test_a_table_cell_of_numbered_sub_tasks_gives_one_task_each() -> None:
    text = ("KẾ HOẠCH\nPAPI tỉnh năm 2024\n\nII. NHIỆM VỤ\n\n"
            "| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn |\n|---|---|---|---|---|\n"
            "| 1 | 1. Rà soát thủ tục hành chính lĩnh vực đất đai; 2. Công bố danh mục thủ tục được cắt giảm | Sở TN&MT | "
            "VP UBND tỉnh | Quý III/2024 |\n"
            "| 2 | Tập huấn kỹ năng tiếp công dân cho cán bộ cấp xã; bảo đảm 2. lượt mỗi năm | Thanh tra tỉnh | Sở Nội vụ | "
            "Năm 2024 |\n")
    rows = [(t.label, t.text, [a.raw for a in t.lead], [d.raw for d in t.deadlines])
            for t in parse_text(text, fmt="markdown").tasks if t.origin == "table"]
    assert rows[:2] == [("1", "Rà soát thủ tục hành chính lĩnh vực đất đai", ["Sở TN&MT"], ["Quý III/2024"]),
                        ("2", "Công bố danh mục thủ tục được cắt giảm", ["Sở TN&MT"], ["Quý III/2024"])]
    # a number inside a task's text that starts no sequence from 1 cuts nothing
    assert len(rows) == 3 and rows[2][1].startswith("Tập huấn kỹ năng")


def test_a_note_cell_tagging_a_row_with_its_dimension_gives_the_rows_dimension() -> None:
    text = ("KẾ HOẠCH\nPAPI huyện năm 2023\n\nII. NHIỆM VỤ\n\n"
            "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn | Ghi chú |\n|---|---|---|---|---|\n"
            "| 1 | Kiểm tra các cơ sở chăn nuôi gây ô nhiễm | Phòng Tài nguyên và Môi trường | Quý III/2023 | "
            "Chỉ số nội dung 7 |\n"
            "| 2 | Duy trì tổ tự quản ở khu dân cư | Công an huyện | Thường xuyên | Nội dung thành phần An ninh, trật tự |\n"
            "| 3 | Rà soát quy chế làm việc của cơ quan | Văn phòng HĐND và UBND huyện | Quý II/2023 | Lồng ghép kế hoạch CCHC |\n")
    dims = [(t.dimension, t.subdimension) for t in parse_text(text, fmt="markdown").tasks if t.origin == "table"]
    assert dims[:2] == [(7, None), (6, "6.4")]
    assert dims[2] == (None, None)  # a note naming no indicator tags nothing


def test_a_note_cell_tags_the_rows_dimension_under_an_agency_group_row() -> None:
    text = ("KẾ HOẠCH\nPAPI huyện năm 2023\n\nII. NHIỆM VỤ\n\n"
            "| STT | Nội dung nhiệm vụ | Đơn vị phối hợp | Thời hạn | Ghi chú |\n|---|---|---|---|---|\n"
            "| I | Phòng Tư pháp |  |  |  |\n"
            "| 1 | Kiện toàn tổ hòa giải ở cơ sở | UBND các xã | Quý III/2023 | Chỉ số nội dung 3 |\n")
    rows = [(t.dimension, [a.raw for a in t.lead]) for t in parse_text(text, fmt="markdown").tasks if t.origin == "table"]
    assert rows == [(3, ["Phòng Tư pháp"])]


def test_a_task_table_written_one_paragraph_per_cell_with_group_rows_and_list_cells() -> None:
    """docx2txt writes a Word table cell by cell, a blank line after every paragraph, nothing between rows. A
    group row is its Roman number and its title ("Chỉ số nội dung 3: …"), each a paragraph: cells, not a heading
    that would end the table. A cell of two list paragraphs ("- Hội Nông dân huyện;" / "- UBND các xã.") is one
    cell; a list item after a complete row is text after the table, not a cell."""
    cells = ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn",
             "II", "Chỉ số nội dung 3: Trách nhiệm giải trình với người dân",
             "1", "Tổ chức đối thoại giữa Chủ tịch UBND huyện với Nhân dân về bồi thường, giải phóng mặt bằng.",
             "Văn phòng HĐND và UBND huyện", "- Phòng Tài nguyên và Môi trường;", "- UBND các xã, thị trấn.",
             "Quý III/2025",
             "III", "Chỉ số nội dung 7: Quản trị môi trường",
             "2", "Kiểm tra các cơ sở chăn nuôi xả thải ra kênh, mương.", "Phòng Tài nguyên và Môi trường",
             "Công an huyện", "Tháng 10/2025"]
    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện Lộc Hà năm 2025\n\nII. NHIỆM VỤ\n\n"
            + "".join(c + "\n\n" for c in cells)
            + "- Các cơ quan báo cáo kết quả về Phòng Nội vụ trước ngày 15/12/2025.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
            "Phòng Nội vụ theo dõi, đôn đốc.\n")
    doc = parse(text)
    assert [s.title for s in doc.sections] == ["NHIỆM VỤ", "TỔ CHỨC THỰC HIỆN"]
    rows = {t.label: (t.dimension, keys(t.lead), keys(t.support), [d.kind for d in t.deadlines])
            for t in doc.tasks if t.origin == "table"}
    assert rows == {
        "1": (3, expect("Văn phòng HĐND và UBND huyện"), expect("Phòng Tài nguyên và Môi trường", "UBND các xã, thị trấn"),
              ["quarter"]),
        "2": (7, expect("Phòng Tài nguyên và Môi trường"), expect("Công an huyện"), ["month"]),
    }


def test_unlabelled_agency_paragraphs_under_the_organization_heading_group_their_duties() -> None:
    """Word's list numbering is lost in a plain-text copy (docx2txt): under "Tổ chức thực hiện" an agency's name
    stands as a paragraph of its own ("Phòng Văn hóa và Thông tin", "Công an huyện; Ban Chỉ huy Quân sự huyện")
    over its duties. It is a sub-heading whose agencies lead the paragraphs under it; a topic paragraph
    ("Kinh phí thực hiện") and a sentence naming an agency are not."""
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI huyện Yên Lạc năm 2025\n\nI. MỤC ĐÍCH\n\nNâng cao chất lượng phục vụ.\n\n"
            "II. TỔ CHỨC THỰC HIỆN\n\n"
            "Phòng Văn hóa và Thông tin\n\n"
            "Tuyên truyền Kế hoạch trên Trang thông tin điện tử huyện và hệ thống truyền thanh cơ sở trong quý II/2025.\n\n"
            "Công an huyện; Ban Chỉ huy Quân sự huyện\n\n"
            "Bảo đảm an ninh, trật tự tại khu dân cư; phối hợp với UBND các xã giải quyết kịp thời các vụ việc.\n\n"
            "Kinh phí thực hiện\n\n"
            "Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách huyện năm 2025 theo quy định.\n")
    doc = parse(text)
    assert [s.title for s in doc.sections if s.level == 2] == [
        "Phòng Văn hóa và Thông tin", "Công an huyện; Ban Chỉ huy Quân sự huyện"]
    one, two = find(doc, "Tuyên truyền Kế hoạch"), find(doc, "Bảo đảm an ninh")
    assert keys(one.lead) == expect("Phòng Văn hóa và Thông tin")
    assert keys(two.lead) == expect("Công an huyện", "Ban Chỉ huy Quân sự huyện")


def test_an_agency_heading_with_a_lead_in_paragraph_before_its_items() -> None:
    """ "5. Phòng Kinh tế và Hạ tầng:" then a lead-in paragraph ending with a colon ("Năm 2024, tập trung các việc
    sau:") then the items: the line is still a heading whose agency leads the items (the lead-in is no item's)."""
    text = ("KẾ HOẠCH\nPAPI huyện năm 2024\n\nIV. NHIỆM VỤ\n"
            "4. Phòng Nội vụ:\n- Tổ chức tập huấn về Chỉ số PAPI cho công chức cấp xã.\n\n"
            "5. Phòng Kinh tế và Hạ tầng:\n\nNăm 2024, tập trung các việc sau:\n\n"
            "- Công khai quy hoạch xây dựng nông thôn mới tại trụ sở UBND các xã.\n\n"
            "- Hướng dẫn cấp giấy phép xây dựng nhà ở riêng lẻ đúng hạn.\n\n"
            "V. TỔ CHỨC THỰC HIỆN\nPhòng Nội vụ theo dõi.\n")
    doc = parse(text)
    assert [s.title for s in doc.sections if s.level == 2] == ["Phòng Nội vụ", "Phòng Kinh tế và Hạ tầng"]
    for start in ("Công khai quy hoạch", "Hướng dẫn cấp giấy phép"):
        assert keys(find(doc, start).lead) == expect("Phòng Kinh tế và Hạ tầng")


def test_a_closing_sentence_of_fields_is_no_part_of_the_task_text() -> None:
    """ "… . Đơn vị chủ trì: X; đơn vị phối hợp: Y; thời hạn: Z." closing a task paragraph is the paragraph's field
    lines written on: they give its lead, partners and time and are no part of what the task is. A closing
    parenthesis of fields stays in the text (the guide's rule), and so does a sentence without a cue and colon."""
    text = ("KẾ HOẠCH\nPAPI tỉnh năm 2024\n\nI. NHIỆM VỤ\n1. Quản trị môi trường\n"
            "Kiểm tra các cơ sở chăn nuôi xả thải ra sông Lam. Đơn vị chủ trì: Sở Tài nguyên và Môi trường; "
            "đơn vị phối hợp: Công an tỉnh; thời hạn: quý III/2024.\n\n"
            "Trồng cây xanh tại các khu dân cư (Đơn vị chủ trì: Sở Nông nghiệp và Phát triển nông thôn; thời hạn: năm 2024).\n")
    doc = parse(text)
    one, two = find(doc, "Kiểm tra các cơ sở"), find(doc, "Trồng cây xanh")
    assert one.text == "Kiểm tra các cơ sở chăn nuôi xả thải ra sông Lam."
    assert (keys(one.lead), keys(one.support), [d.kind for d in one.deadlines]) == (
        expect("Sở Tài nguyên và Môi trường"), expect("Công an tỉnh"), ["quarter"])
    assert two.text.endswith("(Đơn vị chủ trì: Sở Nông nghiệp và Phát triển nông thôn; thời hạn: năm 2024).")


def test_a_dimension_column_cell_with_a_long_label_and_a_short_name_names_the_dimension() -> None:
    """A "Chỉ số nội dung" column whose cell is "Chỉ số nội dung 8 - Quản trị điện tử": the label is no part of the
    name, so the short name covers its cell and gives its rows the dimension (the row under it, blank in that
    column, too)."""
    text = ("# KẾ HOẠCH\n\nPAPI xã năm 2024\n\n## II. NHIỆM VỤ\n\n"
            "| TT | Chỉ số nội dung | Nhiệm vụ | Chủ trì | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Chỉ số nội dung 8 - Quản trị điện tử | Hướng dẫn người dân dùng VNeID | Công an xã | Quý II/2024 |\n"
            "| 2 |  | Cập nhật tin bài trên Trang thông tin điện tử xã | Công chức Văn phòng - Thống kê | Hằng tháng |\n")
    doc = parse(text, fmt="markdown")
    assert {t.label: t.dimension for t in doc.tasks} == {"1": 8, "2": 8}


def test_a_time_over_a_hard_wrapped_line_break_keeps_its_whole_raw() -> None:
    """A hard-wrapped paragraph breaks its closing time over two lines ("… trước" / "ngày 30/9/2025."): the
    deadline's raw runs over the break (its span slices to it), rather than keeping only the longer line's part."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\nI. NHIỆM VỤ\n"
            "a) Rà soát, công khai danh sách hộ nghèo, hộ cận nghèo tại nhà văn hóa các thôn. Cơ quan\n"
            "chủ trì: Phòng Lao động - Thương binh và Xã hội; thời gian hoàn thành: trước\n"
            "ngày 30/9/2025.\n")
    doc = parse_text(text)
    (task,) = doc.tasks
    (d,) = task.deadlines
    assert (d.raw, d.kind, d.end) == ("trước\nngày 30/9/2025", "by_date", "2025-09-30")


def test_a_section_intro_stating_a_time_frames_the_tasks_in_the_sections_below_it() -> None:
    """ "II. NHIỆM VỤ" / "Trong năm 2026, các bộ phận … thực hiện các nhiệm vụ sau:" / "1. Quản trị điện tử" /
    "- …": the intro's time is the time of every task below it that states none, in its sub-sections and in a
    table's rows with an empty time cell; a task with a time of its own keeps only that."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI phường năm 2026\n\nII. NHIỆM VỤ\n"
            "Trong năm 2026, các bộ phận chuyên môn và tổ dân phố tập trung thực hiện các nhiệm vụ sau:\n"
            "1. Quản trị điện tử\n"
            "- Công chức Văn hóa - Xã hội hướng dẫn người dân cài đặt ứng dụng VNeID.\n"
            "- Bộ phận Một cửa phường số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; hoàn thành trong quý III/2026.\n"
            "2. Quản trị môi trường\n\n"
            "| TT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n"
            "| 1 | Ra quân thu gom rác thải ở các tổ dân phố | Đoàn Thanh niên phường |  |\n"
            "| 2 | Kiểm tra các cơ sở kinh doanh xả thải | Công an phường | Quý IV/2026 |\n\n"
            "III. TỔ CHỨC THỰC HIỆN\nCông chức Văn phòng - Thống kê theo dõi, tổng hợp.\n")
    got = {t.text[:20]: [(d.raw, d.kind, d.end) for d in t.deadlines] for t in parse_text(text).tasks}
    assert got["Công chức Văn hóa - "] == [("Trong năm 2026", "year", "2026-12-31")]
    assert got["Bộ phận Một cửa phườ"] == [("quý III/2026", "quarter", "2026-09-30")]
    assert got["Ra quân thu gom rác "] == [("Trong năm 2026", "year", "2026-12-31")]
    assert got["Kiểm tra các cơ sở k"] == [("Quý IV/2026", "quarter", "2026-12-31")]


def test_trach_nhiem_thuc_hien_names_the_lead_in_a_closing_field_sentence() -> None:
    """ "… . Trách nhiệm thực hiện: công chức Tư pháp - Hộ tịch; thời gian: …": the label names the lead (as "Đơn vị
    thực hiện:" does), also before "X chủ trì, Y phối hợp"."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI xã năm 2025\n\nI. NHIỆM VỤ\n"
            "- Công khai quy trình giải quyết đơn thư tại trụ sở xã. Trách nhiệm thực hiện: công chức Tư pháp - Hộ tịch;"
            " thời gian: quý II/2025.\n"
            "- Tổ chức đối thoại với Nhân dân về bồi thường đất. Trách nhiệm thực hiện: Công chức Địa chính - Xây dựng"
            " chủ trì, Ban Thanh tra nhân dân xã phối hợp.\n")
    tasks = parse_text(text).tasks
    assert [[a.name for a in t.lead] for t in tasks] == [["Công chức Tư pháp - Hộ tịch"], ["Công chức Địa chính - Xây dựng"]]
    assert [a.name for a in tasks[1].support] == ["Ban Thanh tra nhân dân xã"]
    assert tasks[0].text == "Công khai quy trình giải quyết đơn thư tại trụ sở xã."
    assert [d.raw for d in tasks[0].deadlines] == ["quý II/2025"]


def test_a_whole_numbered_sentence_in_bold_is_a_task_not_a_heading() -> None:
    """ "**3. Đề nghị Hội Nông dân … phối hợp …; vận động … .**" under "Tổ chức thực hiện": a sentence of clauses
    in bold is an item; a short bold heading ending with a full stop stays a heading."""
    from papi_extract.pipeline import parse_text

    text = ("**KẾ HOẠCH**\n\n**Cải thiện Chỉ số PAPI xã năm 2025**\n\n**II. TỔ CHỨC THỰC HIỆN**\n\n"
            "**1. Công chức Văn phòng - Thống kê.**\n\n- Theo dõi, tổng hợp kết quả thực hiện Kế hoạch.\n\n"
            "**2. Đề nghị Hội Nông dân xã và Đoàn Thanh niên xã phối hợp tuyên truyền Kế hoạch đến hội viên, đoàn viên;"
            " vận động Nhân dân tích cực tham gia trả lời phiếu khảo sát PAPI.**\n")
    doc = parse_text(text)
    assert [s.title for s in doc.sections] == ["TỔ CHỨC THỰC HIỆN", "Công chức Văn phòng - Thống kê"]
    texts = [t.text for t in doc.tasks]
    assert any(t.startswith("Đề nghị Hội Nông dân xã và Đoàn Thanh niên xã phối hợp") for t in texts)


def test_an_indicator_note_before_the_closing_time_clause_and_a_clause_that_is_only_a_time() -> None:
    """ "… (Chỉ số nội dung 7 - Quản trị môi trường); thực hiện thường xuyên.": the note still tags the item; "…;
    năm 2026." and "…; khi có phản ánh của người dân." closing an item are its time, read as a time cell; a closing
    clause that only mentions a time in passing ("…; phản ánh kịp thời những vướng mắc") is none."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI tỉnh năm 2026\n\nII. NHIỆM VỤ CỤ THỂ\n2.1. Sở Nông nghiệp và Môi trường\n"
            "- Kiểm tra việc xả thải của các khu công nghiệp (Chỉ số nội dung 7 - Quản trị môi trường); năm 2026.\n"
            "- Xử lý dứt điểm các điểm nóng về rác thải (Chỉ số nội dung 7 - Quản trị môi trường, nội dung thành phần"
            " Chất lượng không khí); khi có phản ánh của người dân.\n"
            "2.2. Sở Nội vụ\n"
            "- Tổng hợp kết quả thực hiện của các sở, ngành (Chỉ số nội dung 3 - Trách nhiệm giải trình với người dân);"
            " phản ánh kịp thời những vướng mắc.\n")
    tasks = parse_text(text).tasks
    assert [(t.dimension, t.subdimension) for t in tasks] == [(7, None), (7, "7.2"), (3, None)]
    assert [[(d.raw, d.kind) for d in t.deadlines] for t in tasks] == [
        [("năm 2026", "year")], [("khi có phản ánh của người dân", "event")], []]


def test_a_passive_task_names_its_lead_after_do_and_the_merged_provincial_media_body() -> None:
    """ "Việc … do Phòng Nội vụ hướng dẫn thực hiện": the passive's agent leads; "Yêu cầu Báo và Phát thanh, Truyền
    hình tỉnh …" names the provincial media body merged in 2025; "do" as a cause ("do thiếu kinh phí") names none."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\nI. NHIỆM VỤ\n"
            "– Việc rà soát, công khai danh sách hộ nghèo năm 2026 do Phòng Văn hóa - Xã hội hướng dẫn thực hiện;"
            " thời gian: quý IV/2025.\n"
            "– Việc lấy ý kiến Nhân dân về dự thảo quy hoạch do Phòng Kinh tế chủ trì.\n"
            "– Yêu cầu Báo và Phát thanh, Truyền hình tỉnh mở chuyên mục giải đáp ý kiến người dân.\n"
            "– Việc sửa chữa nhà văn hóa tổ dân phố còn chậm do thiếu kinh phí, cần tiếp tục theo dõi.\n")
    tasks = parse_text(text).tasks
    assert [[a.name for a in t.lead] for t in tasks] == [
        ["Phòng Văn hóa - xã hội"], ["Phòng Kinh tế"], ["Báo và Phát thanh và Truyền hình tỉnh"], []]


def test_a_wrapped_time_clause_stays_in_the_item_and_its_note_tags_it() -> None:
    """Hard-wrapped text breaking an item after "…;" before "thời gian: …" keeps the clause in the item (it is no
    field line of its own, which would open in capitals or a dash); an indicator note closing the time field tags the
    item and is no part of its time."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI thị xã năm 2024\n\nII. NHIỆM VỤ\n2.3. UBND các xã, phường:\n"
            "- Niêm yết dự toán, quyết toán ngân sách tại nhà văn hóa các thôn, tổ dân phố;\n"
            "thời gian: quý II/2024 (Chỉ số nội dung 2 - Công khai, minh bạch trong việc ra quyết\n"
            "định ở địa phương, nội dung thành phần Công khai thu, chi ngân sách cấp xã).\n")
    (task,) = parse_text(text).tasks
    assert task.text.startswith("Niêm yết dự toán, quyết toán ngân sách tại nhà văn hóa các thôn, tổ dân phố; thời gian:")
    assert (task.dimension, task.subdimension) == (2, "2.3")
    assert [(d.raw, d.kind) for d in task.deadlines] == [("quý II/2024", "quarter")]
    assert [a.name for a in task.lead] == ["Ủy ban nhân dân các xã, phường"]


def test_field_lines_named_twice_and_a_result_paragraph_over_the_tasks() -> None:
    """ "- Sản phẩm, kết quả: …" (one field, two names) is the task's output line, no task; "Chỉ số nội dung 5 đạt
    7,02 điểm, giảm 0,2 điểm, do đó cần …" under a task heading states the result the tasks answer: no task either."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\nI. KẾT QUẢ\nNăm 2024, Chỉ số PAPI của tỉnh đạt 42,10 điểm.\n"
            "II. NHIỆM VỤ\n1. Thủ tục hành chính công\n"
            "Chỉ số nội dung 5 đạt 7,02 điểm, giảm 0,2 điểm, do đó cần tiếp tục cải cách thủ tục hành chính.\n"
            "1.1. Rà soát quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực đất đai.\n"
            "- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.\n- Thời gian thực hiện: Quý III/2025.\n"
            "- Sản phẩm, kết quả: Quyết định phê duyệt quy trình nội bộ.\n")
    doc = parse_text(text)
    assert [t.text for t in doc.tasks] == ["Rà soát quy trình nội bộ giải quyết thủ tục hành chính lĩnh vực đất đai."]
    assert doc.tasks[0].output == "Quyết định phê duyệt quy trình nội bộ."
    # the result's year is the survey year the plan states elsewhere (2024)
    (s,) = [x for x in doc.scores if x.dimension == 5]
    assert (s.year, s.kind, s.value, s.change) == (2024, "actual", 7.02, -0.2)


def test_a_paragraph_lead_in_naming_its_subject_assigns_the_paragraphs_after_it() -> None:
    """A portal page whose list lost its bullets (one paragraph per line): "Phòng X chủ trì, phối hợp với Y triển
    khai các nội dung sau:" over plain paragraphs assigns them as a group header does (X leads, Y supports); a lead-in
    closing on its time ("…, hoàn thành trước ngày …:") still announces the paragraphs after it; a paragraph naming
    its own subject keeps it; a line closed by ";" then a capital is a paragraph of its own."""
    doc = parse_text(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI huyện năm 2024\n\nII. NHIỆM VỤ\n"
        "1. Công khai, minh bạch trong việc ra quyết định ở địa phương\n"
        "Phòng Tài chính - Kế hoạch chủ trì, phối hợp với UBND các xã triển khai các nội dung sau:\n\n"
        "Hướng dẫn các xã công khai dự toán, quyết toán ngân sách năm 2024 tại nhà văn hóa thôn và trên hệ thống "
        "truyền thanh của xã theo đúng quy định.\n"
        "Chi cục Thuế khu vực công khai danh sách hộ kinh doanh nộp thuế khoán tại trụ sở UBND xã và nhà văn hóa "
        "các thôn trên địa bàn huyện.\n\n"
        "2. Trách nhiệm giải trình với người dân\n"
        "Thanh tra huyện thực hiện các nội dung sau, hoàn thành trước ngày 30/10/2024:\n\n"
        "Kiểm tra việc giải quyết đơn thư khiếu nại, tố cáo tại 05 xã có nhiều đơn thư kéo dài, vượt cấp lên Ủy ban nhân dân "
        "tỉnh và Trung ương;\n"
        "Công khai kết luận thanh tra, kiểm tra trên trang thông tin điện tử của huyện và niêm yết tại trụ sở Ủy ban nhân dân các xã được "
        "kiểm tra.\n"
    )
    got = {t.text[:24]: ([a.name for a in t.lead], [a.name for a in t.support], [d.end for d in t.deadlines])
           for t in doc.tasks}
    assert got == {
        "Hướng dẫn các xã công kh": (["Phòng Tài chính - Kế hoạch"], ["Ủy ban nhân dân các xã"], []),
        "Chi cục Thuế khu vực côn": (["Chi cục Thuế khu vực"], [], []),
        "Kiểm tra việc giải quyết": (["Thanh tra huyện"], [], ["2024-10-30"]),
        "Công khai kết luận thanh": (["Thanh tra huyện"], [], ["2024-10-30"]),
    }


def test_a_closing_sentence_in_other_wordings_assigns_the_items_above_it() -> None:
    """A sentence after a group's items assigns them in several wordings: passive ("Các việc trên do X (viết tắt) chủ
    trì, phối hợp với Y thực hiện"), a subject with a back reference ("X chủ trì các nội dung nêu trên"), or a lead
    named with no object and its partners named first ("X chủ trì; Y và Z phối hợp; thời gian: …"). The sentence is
    no task; an item opening on the bare verb ("Chủ trì, phối hợp với …") still is one."""
    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI phường năm 2024\n\nII. NHIỆM VỤ\n1. Kiểm soát tham nhũng\n"
        "- Công khai bản kê khai tài sản, thu nhập của cán bộ, công chức phường tại trụ sở Ủy ban nhân dân phường và các "
        "khu phố theo quy định.\n- Rà soát các khoản thu ngoài quy định.\n"
        "Các việc trên do Thanh tra nhân dân phường (TTND) chủ trì, phối hợp với Công chức Tài chính - Kế toán "
        "thực hiện trong quý III/2024.\n"
        "2. Quản trị điện tử\n- Cập nhật tin bài trên trang thông tin điện tử phường.\n"
        "Công an phường chủ trì các nội dung nêu trên, thực hiện thường xuyên.\n"
        "3. Quản trị môi trường\n- Ra quân thu gom rác thải tại các khu phố.\n- Trồng cây xanh dọc các tuyến kênh.\n"
        "Hội Cựu chiến binh phường chủ trì; Đoàn Thanh niên phường và Hội Liên hiệp Phụ nữ phường phối hợp; "
        "thời gian: tháng 9/2024.\n"
        "4. Thủ tục hành chính công\n"
        "- Chủ trì, phối hợp với Công an phường rà soát thủ tục cư trú đang niêm yết.\n"
    )
    got = [(t.text[:18], [a.name for a in t.lead], [a.name for a in t.support], [d.raw for d in t.deadlines])
           for t in doc.tasks]
    assert got == [
        ("Công khai bản kê k", ["Thanh tra nhân dân phường"], ["Công chức Tài chính - Kế toán"], ["quý III/2024"]),
        ("Rà soát các khoản ", ["Thanh tra nhân dân phường"], ["Công chức Tài chính - Kế toán"], ["quý III/2024"]),
        ("Cập nhật tin bài t", ["Công an phường"], [], ["thường xuyên"]),
        ("Ra quân thu gom rá", ["Hội Cựu chiến binh phường"], ["Đoàn Thanh niên phường", "Hội Liên hiệp Phụ nữ phường"],
         ["tháng 9/2024"]),
        ("Trồng cây xanh dọc", ["Hội Cựu chiến binh phường"], ["Đoàn Thanh niên phường", "Hội Liên hiệp Phụ nữ phường"],
         ["tháng 9/2024"]),
        ("Chủ trì, phối hợp ", [], ["Công an phường"], []),
    ]


def test_the_doer_named_after_a_dash_leads_the_item() -> None:
    """Short items written "action – doer (partners phối hợp), time.": the agency right after the item's last dash
    leads it, those in the parentheses before "phối hợp" support it; a dash inside the action names no one."""
    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI xã năm 2023\n\nII. NHIỆM VỤ\n1. Thủ tục hành chính công\n"
        "- Niêm yết số điện thoại đường dây nóng – Văn phòng UBND xã, tháng 5/2023.\n"
        "- Tuyên truyền cài đặt ứng dụng VNeID – Công an xã (Đoàn Thanh niên xã phối hợp), quý II/2023.\n"
        "- Sửa chữa nhà văn hóa thôn – hạng mục mái, tường rào xuống cấp, năm 2023.\n"
    )
    got = [(t.text[:16], [a.name for a in t.lead], [a.name for a in t.support]) for t in doc.tasks]
    assert got == [
        ("Niêm yết số điện", ["Văn phòng Ủy ban nhân dân xã"], []),
        ("Tuyên truyền cài", ["Công an xã"], ["Đoàn Thanh niên xã"]),
        ("Sửa chữa nhà văn", [], []),
    ]


def test_a_later_clause_naming_only_its_doer_leads_the_item() -> None:
    """An item whose doer comes after its action, in a clause with nothing after the verb but partners or a time:
    ". X thực hiện, năm …", "; X đảm trách, Y hỗ trợ, …", "(X; theo …)", "Trách nhiệm chính thuộc về X; Y hỗ trợ".
    A later sentence with an action of its own names no doer of the item."""
    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI tỉnh năm 2024\n\nII. NHIỆM VỤ\n1. Kiểm soát tham nhũng trong khu vực công\n"
        "- Luân chuyển công chức làm công tác thu ngân sách ở cấp xã. Sở Tài chính thực hiện, năm 2024.\n"
        "- In tờ rơi hướng dẫn cách tố giác hành vi tham nhũng; Thanh tra tỉnh đảm trách, Sở Tư pháp hỗ trợ, "
        "quý III/2024.\n"
        "- Kiểm tra việc kê khai tài sản tại 05 đơn vị sự nghiệp (Thanh tra tỉnh; theo kế hoạch kiểm tra năm 2024).\n"
        "- Công khai kết quả xử lý vi phạm. Trách nhiệm chính thuộc về Sở Nội vụ; UBND các huyện hỗ trợ.\n"
        "- Rà soát quy chế chi tiêu nội bộ. Các đơn vị thực hiện nghiêm việc báo cáo định kỳ về Sở Tài chính.\n"
    )
    got = [(t.text[:14], [a.name for a in t.lead], [a.name for a in t.support]) for t in doc.tasks]
    assert got == [
        ("Luân chuyển cô", ["Sở Tài chính"], []),
        ("In tờ rơi hướn", ["Thanh tra tỉnh"], ["Sở Tư pháp"]),
        ("Kiểm tra việc ", ["Thanh tra tỉnh"], []),
        ("Công khai kết ", ["Sở Nội vụ"], ["Ủy ban nhân dân các huyện"]),
        ("Rà soát quy ch", [], []),
    ]


def test_a_closing_bracket_of_agencies_and_a_note_by_number() -> None:
    """An item closed by a bracket listing only agencies ("[A; B; C]"): the first leads, the others support (the
    order such lists keep); a note naming its sub-dimension by number ("(tác động nội dung thành phần 6.4)") tags
    the item; a bracket holding a time is still its time."""
    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI tỉnh năm 2025\n\nII. NHIỆM VỤ\n1. Nhiệm vụ chung\n"
        "- Lắp camera giám sát tại các tuyến đường liên xã (tác động nội dung thành phần 6.4). "
        "[Công an tỉnh; UBND các huyện, thị xã; Sở Tài chính]\n"
        "- Rà soát quy trình nội bộ giải quyết thủ tục đất đai (Chỉ số nội dung 5). [Quý II/2025]\n"
    )
    got = [(t.label, [a.name for a in t.lead], [a.name for a in t.support], t.dimension, t.subdimension,
            [d.raw for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        (None, ["Công an tỉnh"], ["Ủy ban nhân dân các huyện, thị xã", "Sở Tài chính"], 6, "6.4", []),
        (None, [], [], 5, None, ["Quý II/2025"]),
    ]


def test_a_later_sentence_that_is_only_the_doer_leads_the_item() -> None:
    """Terse items written "Việc làm. Người làm. Thời gian.": a later sentence that is only an agency (a name cannot
    run on over its full stop into the next sentence) or an agency and its partners leads the item; "CC" is
    "Công chức" by its short form."""
    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI xã năm 2025\n\nII. NHIỆM VỤ\n1/ Quản trị môi trường\n"
        "(1) Dọn rác dọc bờ suối Nậm Cắt. Trưởng bản Nà Lằng. Tháng 4/2025.\n"
        "(2) Đặt thùng rác tại chợ trung tâm xã. CC ĐC-NN, Đoàn Thanh niên xã phối hợp. Quý II/2025.\n"
        "(3) Kiểm tra các lò đốt rác tự phát. Công an xã.\n"
    )
    got = [(t.label, [a.raw for a in t.lead], [a.name for a in t.support], [d.raw for d in t.deadlines])
           for t in doc.tasks]
    assert got == [
        ("1", ["Trưởng bản Nà Lằng"], [], ["Tháng 4/2025"]),
        ("2", ["CC ĐC-NN"], ["Đoàn Thanh niên xã"], ["Quý II/2025"]),
        ("3", ["Công an xã"], [], []),
    ]
    assert doc.tasks[1].lead[0].name.startswith("Công chức")


def test_a_bare_code_closing_each_item_is_its_sub_dimension_and_no_date() -> None:
    """Items closed by a bare sub-dimension code ("(6.2)", as the plan's note explains) are tagged with it; the code
    is no day and month ("(6.2)" is not 6 February); an unknown code ("(8.9)") tags nothing. The note saying what
    the brackets hold is no task."""
    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI xã năm 2024\n\nII. NHIỆM VỤ\n"
        "Số trong ngoặc ở cuối mỗi việc là nội dung thành phần PAPI mà việc đó tác động.\n\n"
        "Trường Tiểu học xã: công khai các khoản thu đầu năm học; trước ngày 15/9 (6.2).\n\n"
        "Công an xã: tuần tra ban đêm tại các bản giáp ranh; thường xuyên (6.4).\n\n"
        "Công chức Văn phòng - Thống kê: trả lời đơn thư của người dân (8.9).\n"
    )
    got = [(t.dimension, t.subdimension, [d.kind for d in t.deadlines]) for t in doc.tasks]
    assert got == [(6, "6.2", ["by_date"]), (6, "6.4", ["continuous"]), (None, None, [])]


def test_later_sentences_that_hand_an_item_to_its_doer_in_more_wordings() -> None:
    """A later sentence or clause that names who does the item in wordings seen in unseen plans: "X giữ vai trò chủ
    trì, Y tham gia …", "X có trách nhiệm <a few words>; Y phối hợp", "X tổ chức thực hiện", "(do X và Y đảm nhận;
    …)", "…; Z (thuộc W) thực hiện.", "<giver> giao X chủ trì, cùng Y", "Yêu cầu X …", "X là cơ quan chủ trì, Y là
    cơ quan phối hợp", "với sự phối hợp của Y", and a capitalised "Huyện Đoàn chủ trì" (its name ends before the verb)."""
    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện năm 2024\n\nII. NHIỆM VỤ\n1. Công khai, minh bạch\n"
        "a) Cập nhật bảng giá đất trên trang thông tin điện tử. Phòng Tài chính - Kế hoạch giữ vai trò chủ trì, "
        "UBND các xã tham gia rà soát số liệu.\n"
        "b) In bản đồ quy hoạch khổ lớn. Phòng Tài nguyên và Môi trường có trách nhiệm in ấn; Văn phòng HĐND và "
        "UBND huyện phối hợp; quý II/2024.\n"
        "c) Mở hội nghị đối thoại với thanh niên. Huyện Đoàn chủ trì; Phòng Nội vụ phối hợp.\n"
        "d) Cấp phát tài liệu hỏi đáp pháp luật (do Phòng Tư pháp và UBND các xã đảm nhận; tháng 6/2024).\n"
        "đ) Tư vấn pháp luật miễn phí tại chợ phiên; Trung tâm Văn hóa - Thể thao huyện (thuộc UBND huyện) thực hiện.\n"
        "e) Sửa chữa nhà văn hóa thôn. UBND huyện giao Ban Quản lý dự án đầu tư xây dựng huyện chủ trì, cùng "
        "Phòng Kinh tế và Hạ tầng; năm 2024.\n"
        "g) Niêm yết số điện thoại đường dây nóng. Yêu cầu UBND các xã, thị trấn chỉ đạo bộ phận một cửa thực hiện.\n"
        "h) Thu gom rác thải tại chợ. Phòng Kinh tế là cơ quan chủ trì, Công an huyện là cơ quan phối hợp, "
        "thực hiện hằng tháng.\n"
        "i) Xây dựng chuyên mục hỏi đáp. Nhiệm vụ được giao cho Phòng Văn hóa và Thông tin, với sự phối hợp của "
        "Phòng Nội vụ; quý III/2024.\n"
        "k) Tập huấn kỹ năng số cho người dân. Phòng Văn hóa và Thông tin tổ chức thực hiện; năm 2024.\n"
    )
    got = [(t.label, [a.name for a in t.lead], [a.name for a in t.support]) for t in doc.tasks]
    assert got == [
        ("a", ["Phòng Tài chính - Kế hoạch"], ["Ủy ban nhân dân các xã"]),
        ("b", ["Phòng Tài nguyên và Môi trường"], ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"]),
        ("c", ["Huyện Đoàn"], ["Phòng Nội vụ"]),
        ("d", ["Phòng Tư pháp", "Ủy ban nhân dân các xã"], []),
        ("đ", ["Trung tâm Văn hóa - Thể thao huyện"], []),
        ("e", ["Ban Quản lý dự án đầu tư xây dựng huyện"], ["Phòng Kinh tế và Hạ tầng"]),
        ("g", ["Ủy ban nhân dân các xã, thị trấn"], []),
        ("h", ["Phòng Kinh tế"], ["Công an huyện"]),
        ("i", ["Phòng Văn hóa và Thông tin"], ["Phòng Nội vụ"]),
        ("k", ["Phòng Văn hóa và Thông tin"], []),
    ]


def test_an_item_whose_later_sentence_assigns_it_is_no_agency_line_of_the_item_before() -> None:
    """"(2) Action. X chủ trì; Y phối hợp." is an item of its own: an agency list never holds a sentence's end, so the
    line is not read as the agency lines of item (1)."""
    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện năm 2024\n\nII. NHIỆM VỤ\n1. Thủ tục hành chính công\n"
        "(1) Số hóa hồ sơ đất đai. Sở Tài nguyên và Môi trường chủ trì, phối hợp với Sở Tài chính; năm 2024.\n"
        "(2) Lắp loa truyền thanh ở thôn. Đài Truyền thanh huyện chủ trì; Phòng Nội vụ phối hợp.\n"
        "(3) Tổ chức ngày hội đọc sách. Huyện đoàn chủ trì; Phòng Giáo dục phối hợp.\n"
    )
    got = [(t.label, [a.name for a in t.lead], [a.name for a in t.support]) for t in doc.tasks]
    assert got == [
        ("1", ["Sở Tài nguyên và Môi trường"], ["Sở Tài chính"]),
        ("2", ["Đài Truyền thanh huyện"], ["Phòng Nội vụ"]),
        ("3", ["Huyện đoàn"], ["Phòng Giáo dục"]),
    ]


def test_a_column_of_indicator_codes_tags_each_row_and_an_official_column_leads() -> None:
    """A commune's table assigns officials ("Cá nhân phụ trách") and tags each row by code in a column "Chỉ số cần
    cải thiện" ("6.4", "3.1; 2.2", "Chỉ số 7"): the first code gives the row its dimension and sub-dimension, and
    each code is an indicator mention whose raw is the whole cell. "X cùng Y (chủ trì)" is two leads."""
    text = ("# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI phường An Phú năm 2025\n\n## III. PHÂN CÔNG\n\n"
            "| STT | Cá nhân phụ trách | Công việc | Chỉ số cần cải thiện | Thời hạn |\n|---|---|---|---|---|\n"
            "| 1 | Trưởng Công an phường cùng Ban Chỉ huy Quân sự phường (chủ trì); Các tổ dân phố (phối hợp) "
            "| Tuần tra đêm tại các khu trọ | 6.4 | Hằng tuần |\n"
            "| 2 | Công chức Tư pháp - Hộ tịch | Đối thoại với người dân về giải tỏa chợ tạm | 3.1; 2.2 | Quý III/2025 |\n"
            "| 3 | Công chức Địa chính - Xây dựng | Ra quân vớt rác kênh Ba Bò | Chỉ số 7 | Hằng tháng |\n")
    doc = parse(text, fmt="markdown")
    got = [(t.label, [a.name for a in t.lead], [a.name for a in t.support], t.dimension, t.subdimension)
           for t in doc.tasks]
    assert got == [
        ("1", ["Trưởng Công an phường", "Ban Chỉ huy Quân sự phường"], ["Các tổ dân phố"], 6, "6.4"),
        ("2", ["Công chức Tư pháp - Hộ tịch"], [], 3, "3.1"),
        ("3", ["Công chức Địa chính - Xây dựng"], [], 7, None),
    ]
    assert [(i.raw, i.dimension, i.subdimension, i.method) for i in doc.indicators] == [
        ("6.4", 6, "6.4", "table_column"), ("3.1; 2.2", 3, "3.1", "table_column"),
        ("3.1; 2.2", 2, "2.2", "table_column"), ("Chỉ số 7", 7, None, "table_column")]


def test_a_whole_dimension_in_the_indicator_column_tags_its_rows() -> None:
    """A remedy table's indicator column may name a whole dimension ("Chỉ số nội dung 5: Thủ tục hành chính
    công"), refined by a sub-dimension in brackets or after "Nội dung thành phần:": each such cell gives its row
    the dimension (and sub-dimension) and is one indicator mention."""
    text = ("# KẾ HOẠCH\n\nKhắc phục hạn chế Chỉ số PAPI huyện Mỹ Hào năm 2023\n\n## II. GIẢI PHÁP\n\n"
            "| TT | Nội dung thành phần giảm điểm | Giải pháp | Chủ trì | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Chỉ số nội dung 5: Thủ tục hành chính công | Niêm yết thủ tục tại bộ phận một cửa "
            "| Văn phòng HĐND và UBND huyện | Quý II/2023 |\n"
            "| 2 | Chỉ số nội dung 6 - Cung ứng dịch vụ công (nội dung thành phần Y tế công lập) "
            "| Khảo sát sự hài lòng của người bệnh | Trung tâm Y tế huyện | Quý III/2023 |\n"
            "| 3 | Chỉ số 2 - Công khai, minh bạch Nội dung thành phần: Công khai danh sách hộ nghèo "
            "| Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn | Phòng Lao động - Thương binh và Xã hội | Quý IV/2023 |\n")
    doc = parse(text, fmt="markdown")
    assert [(t.label, t.dimension, t.subdimension) for t in doc.tasks] == [("1", 5, None), ("2", 6, "6.1"),
                                                                       ("3", 2, "2.2")]
    assert [(i.dimension, i.subdimension, i.method) for i in doc.indicators] == [
        (5, None, "table_column"), (6, "6.1", "table_column"), (2, "2.2", "table_column")]


def test_bracket_numbered_solutions_in_one_cell_are_tasks_of_their_row() -> None:
    """ "(1) …; (2) …" in a remedy table's solution cell: one task per solution, each with the row's agencies and
    time and the row's number (the bracketed numbers restart in every row); a lone "(1)" is kept whole."""
    text = ("# KẾ HOẠCH\n\nKhắc phục hạn chế Chỉ số PAPI tỉnh Ninh Thuận năm 2023\n\n## II. GIẢI PHÁP\n\n"
            "| TT | Giải pháp | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | (1) Niêm yết công khai thủ tục hành chính tại bộ phận một cửa; (2) Số hóa hồ sơ, kết quả giải "
            "quyết thủ tục hành chính | Sở Nội vụ | UBND các huyện | Quý II/2023 |\n"
            "| 2 | (1) Tập huấn kỹ năng tiếp công dân cho công chức cấp xã | Thanh tra tỉnh | Sở Tư pháp | Quý III/2023 |\n")
    doc = parse(text, fmt="markdown")
    got = [(t.label, t.text, [a.name for a in t.lead], [d.end for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        ("1", "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa", ["Sở Nội vụ"], ["2023-06-30"]),
        ("1", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", ["Sở Nội vụ"], ["2023-06-30"]),
        ("2", "(1) Tập huấn kỹ năng tiếp công dân cho công chức cấp xã", ["Thanh tra tỉnh"], ["2023-09-30"]),
    ]


def test_responsible_unit_fields_and_arrow_lines_under_items() -> None:
    """A task closed by "(Cơ quan chịu trách nhiệm: X; cơ quan cùng thực hiện: Y; hạn chót: 31/10/2023)" has lead X,
    support Y and a time by that day; a line "⇒ X chủ trì, Y phối hợp; hoàn thành: …" under an item gives that item
    its fields and is no text of it; "⇒ Thời gian hoàn thành: …" gives only the time."""
    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2023\nII. NHIỆM VỤ\n"
            "1. Niêm yết công khai các khoản thu tại trường học trước khi thu (Cơ quan chịu trách nhiệm: Phòng Giáo dục "
            "và Đào tạo; cơ quan cùng thực hiện: Phòng Tài chính - Kế hoạch; hạn chót: 31/10/2023).\n"
            "2. Tổ chức đối thoại với Nhân dân về bồi thường, giải phóng mặt bằng tại xã Hòa Tiến.\n"
            "⇒ Thanh tra huyện chủ trì, Phòng Tài nguyên và Môi trường phối hợp; hoàn thành: quý IV/2023.\n"
            "3. Rà soát quy trình tiếp nhận hồ sơ tại Bộ phận Một cửa của huyện.\n"
            "⇒ Thời gian hoàn thành: tháng 9/2023.\n")
    doc = parse(text)
    got = [(t.label, [a.name for a in t.lead], [a.name for a in t.support], [(d.kind, d.end) for d in t.deadlines],
            "⇒" in t.text) for t in doc.tasks]
    assert got == [
        ("1", ["Phòng Giáo dục và Đào tạo"], ["Phòng Tài chính - Kế hoạch"], [("by_date", "2023-10-31")], False),
        ("2", ["Thanh tra huyện"], ["Phòng Tài nguyên và Môi trường"], [("quarter", "2023-12-31")], False),
        ("3", [], [], [("month", "2023-09-30")], False),
    ]


def test_a_closing_assignment_with_its_time_is_the_block_of_the_items_without_a_subject() -> None:
    """"X chủ trì, Y phối hợp thực hiện; thời gian: năm 2024." after a section's items (no arrow) assigns those
    that name no doer; an item with its own subject and time keeps them."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nIII. NHIỆM VỤ\n\n1. Quản trị điện tử\n\n"
            "Duy trì trang Facebook của xã để tiếp nhận phản ánh, kiến nghị của Nhân dân;\n\n"
            "Đoàn Thanh niên xã hướng dẫn người dân nộp hồ sơ trực tuyến; hoàn thành trong quý III/2024.\n\n"
            "Công chức Văn phòng - Thống kê chủ trì, Đoàn Thanh niên xã phối hợp thực hiện; thời gian: năm 2024.\n\n"
            "IV. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [([a.name for a in t.lead], [a.name for a in t.support], [(d.kind, d.end) for d in t.deadlines])
           for t in doc.tasks]
    assert got == [
        (["Công chức Văn phòng - Thống kê"], ["Đoàn Thanh niên xã"], [("year", "2024-12-31")]),
        (["Đoàn Thanh niên xã"], [], [("quarter", "2024-09-30")]),
    ]


GRID_PACKED = (
    "# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI huyện Hàm Tân năm 2024\n\n## II. NHIỆM VỤ\n\n"
    "+-----+---------------------------+-----------------------------------+\n"
    "| TT  | Tổ chức thực hiện         | Nội dung nhiệm vụ                 |\n"
    "+=====+===========================+===================================+\n"
    + "| **I. Chỉ số nội dung 5: Thủ tục hành chính công**".ljust(70) + "|\n"
    + "+-----+---------------------------+-----------------------------------+\n"
    "| 1   | Chủ trì: Văn phòng HĐND   | Niêm yết thủ tục hành chính tại   |\n"
    "|     | và UBND huyện\\            | Bộ phận Một cửa huyện             |\n"
    "|     | Phối hợp: Phòng Tư pháp\\  |                                   |\n"
    "|     | Thời gian: Quý II/2024    |                                   |\n"
    "+-----+---------------------------+-----------------------------------+\n"
    "| 2   | CT: Phòng Nội vụ / PH:    | Kiểm tra công vụ tại Bộ phận Một  |\n"
    "|     | UBND các xã\\              | cửa các xã                        |\n"
    "|     | TG: 6 tháng đầu năm       |                                   |\n"
    "+-----+---------------------------+-----------------------------------+\n"
)


def test_a_grid_table_with_spanning_group_rows_and_a_packed_fields_cell() -> None:
    """pandoc's grid table: a row spanning every column is a group row; a "Tổ chức thực hiện" cell packs the
    row's fields, one per hard-broken line ("Chủ trì: …\\", "Phối hợp: …\\", "Thời gian: …") or abbreviated
    ("CT: … / PH: …", "TG: …"); "6 tháng đầu năm" alone in a time field is the plan year's first half."""
    doc = parse(GRID_PACKED, fmt="markdown")
    got = [(t.label, t.dimension, [a.name for a in t.lead], [a.name for a in t.support],
            [(d.kind, d.end) for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        ("1", 5, ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"], ["Phòng Tư pháp"],
         [("quarter", "2024-06-30")]),
        ("2", 5, ["Phòng Nội vụ"], ["Ủy ban nhân dân các xã"], [("by_date", "2024-06-30")]),
    ]
    assert doc.tasks[0].text == "Niêm yết thủ tục hành chính tại Bộ phận Một cửa huyện"


def test_a_giao_paragraph_assigns_the_titled_paragraphs_above_it() -> None:
    """Tasks written as paragraphs under a bold title each: "Giao X chủ trì, phối hợp với Y thực hiện các nội dung
    trên, hoàn thành …" assigns the paragraphs above it back to the section's start, and "Giao X thực hiện; thời
    gian: …" (no object of its own) the one above it; neither is a task. "Trưởng các thôn, bon" is one agency."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI xã Ea Kly năm 2024\n\nII. GIẢI PHÁP\n\n1. Công khai, minh bạch\n\n"
            "Công khai quỹ. Niêm yết các khoản thu, chi quỹ vì người nghèo tại trụ sở UBND xã và nhà văn hóa buôn.\n\n"
            "Công khai ngân sách. Đọc tóm tắt dự toán ngân sách xã năm 2024 trên loa truyền thanh của xã.\n\n"
            "Giao Công chức Tài chính - Kế toán chủ trì, phối hợp với Trưởng các thôn, bon thực hiện các nội dung "
            "trên, hoàn thành trong quý III/2024.\n\n"
            "2. Thủ tục hành chính công\n\n"
            "Trả kết quả đúng hẹn. Giải quyết hồ sơ chứng thực trong ngày, không yêu cầu giấy tờ ngoài quy định.\n\n"
            "Giao Bộ phận Một cửa xã thực hiện; thời gian: thường xuyên.\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [([a.name for a in t.lead], [a.name for a in t.support], [d.kind for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        (["Công chức Tài chính - Kế toán"], ["Trưởng các thôn, bon"], ["quarter"]),
        (["Công chức Tài chính - Kế toán"], ["Trưởng các thôn, bon"], ["quarter"]),
        (["Bộ phận Một cửa xã"], [], ["continuous"]),
    ]


def test_a_sentence_that_assigns_its_whole_section_is_the_sections_agency_block() -> None:
    """"X chịu trách nhiệm chính các nội dung tại mục này; Y phối hợp", "Các nội dung tại mục này do X chịu trách
    nhiệm chính; Y, Z cùng thực hiện theo lĩnh vực" (after the items) and "Đối với nhóm nhiệm vụ này, X là cơ quan
    chịu trách nhiệm chính; Y phối hợp" name the scope: each is the section's agency block, not a task. A sentence
    with an action after the verb stays a task."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI thị xã Ngã Năm năm 2024\n\nII. NHIỆM VỤ\n"
            "1. Công khai, minh bạch\n"
            "Phòng Tài chính - Kế hoạch chủ trì các nhiệm vụ tại mục này; Chi cục Thuế khu vực phối hợp.\n"
            "a) Niêm yết dự toán ngân sách các phường tại nhà văn hóa khóm, trong quý II.\n"
            "b) Đăng tải quyết toán ngân sách thị xã trên Trang thông tin điện tử.\n"
            "2. Thủ tục hành chính công\n"
            "a) Rút ngắn thời gian cấp giấy phép xây dựng còn 12 ngày.\n"
            "b) Đo lường sự hài lòng của người dân tại Bộ phận Một cửa.\n\n"
            "Các nhiệm vụ thuộc mục này do Văn phòng HĐND và UBND thị xã chịu trách nhiệm chính; Phòng Kinh tế, "
            "Phòng Quản lý đô thị cùng thực hiện theo chức năng.\n"
            "3. Cung ứng dịch vụ công\n"
            "Với nhóm nhiệm vụ này, Phòng Y tế là đơn vị chịu trách nhiệm chính; Trung tâm Y tế thị xã phối hợp.\n"
            "a) Kiểm tra thái độ phục vụ tại các trạm y tế phường.\n"
            "- Phòng Giáo dục và Đào tạo chịu trách nhiệm chính sửa chữa nhà vệ sinh tại các điểm trường.\n"
            "III. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [(" ".join(t.text.split()[:3]), keys(t.lead), keys(t.support)) for t in doc.tasks]
    assert got == [
        ("Niêm yết dự", expect("Phòng Tài chính - Kế hoạch"), expect("Chi cục Thuế khu vực")),
        ("Đăng tải quyết", expect("Phòng Tài chính - Kế hoạch"), expect("Chi cục Thuế khu vực")),
        ("Rút ngắn thời", expect("Văn phòng HĐND và UBND thị xã"), expect("Phòng Kinh tế", "Phòng Quản lý đô thị")),
        ("Đo lường sự", expect("Văn phòng HĐND và UBND thị xã"), expect("Phòng Kinh tế", "Phòng Quản lý đô thị")),
        ("Kiểm tra thái", expect("Phòng Y tế"), expect("Trung tâm Y tế thị xã")),
        ("Phòng Giáo dục", expect("Phòng Giáo dục và Đào tạo"), expect()),
    ]


def test_responsibility_wordings_of_one_task_and_ordinal_inline_lists() -> None:
    """"do X chịu trách nhiệm chính" is a passive's agent like "do X chủ trì"; "X chủ trì, Y phối hợp, <việc>" names
    the partner before its verb; a lead-in "X chịu trách nhiệm chính, …: thứ nhất, …; thứ hai, …" lists its tasks
    inline by ordinal words, as "(1) …; (2) …" does, also in a "- " item."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Thạnh Trị năm 2024\n\nII. NHIỆM VỤ\n"
            "1. Kiểm soát tham nhũng trong khu vực công\n"
            "a) Việc công khai kết quả tuyển dụng viên chức do Phòng Nội vụ chịu trách nhiệm chính, "
            "hoàn thành trước ngày 30/9/2024.\n"
            "b) Công an huyện chủ trì, Viện Kiểm sát nhân dân huyện phối hợp, xử lý tin báo về tham nhũng, thường xuyên.\n"
            "2. Trách nhiệm giải trình với người dân\n"
            "- Thanh tra huyện chịu trách nhiệm chính, phối hợp với Ban Tiếp công dân huyện làm hai việc: thứ nhất, "
            "tiếp công dân vào ngày 10 hằng tháng; thứ hai, đối thoại với hộ dân vùng dự án, trong quý III.\n"
            "Phòng Tư pháp tập trung hai việc: một là, trợ giúp pháp lý tại các ấp; hai là, hòa giải tranh chấp đất "
            "đai.\n"
            "III. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [(" ".join(t.text.split()[:3]), keys(t.lead), keys(t.support)) for t in doc.tasks]
    assert got == [
        ("Việc công khai", expect("Phòng Nội vụ"), expect()),
        ("Công an huyện", expect("Công an huyện"), expect("Viện Kiểm sát nhân dân huyện")),
        ("tiếp công dân", expect("Thanh tra huyện"), expect("Ban Tiếp công dân huyện")),
        ("đối thoại với", expect("Thanh tra huyện"), expect("Ban Tiếp công dân huyện")),
        ("trợ giúp pháp", expect("Phòng Tư pháp"), expect()),
        ("hòa giải tranh", expect("Phòng Tư pháp"), expect()),
    ]


def test_an_appendix_that_assigns_tasks_by_number_gives_their_agencies() -> None:
    """Tasks numbered without agencies, and an appendix table with one row per agency and the numbers of the tasks
    it leads and supports ("Nhiệm vụ chủ trì (số TT)" / "Nhiệm vụ phối hợp (số TT)"): a range "2.1 đến 2.2" is each
    number, and "Các nhiệm vụ thuộc mục 1" every task numbered under section 1. The organization section's own
    "1." and "2." are no targets."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI tỉnh Hà Nam năm 2023\n\nII. NHIỆM VỤ\n"
            "1. Tham gia của người dân ở cấp cơ sở\n"
            "1.1. Tập huấn kỹ năng giám sát cho Ban Thanh tra nhân dân các xã.\n"
            "1.2. Hướng dẫn bầu trưởng thôn có từ hai ứng cử viên trở lên.\n"
            "2. Công khai, minh bạch\n"
            "2.1. Niêm yết danh sách hộ nghèo tại nhà văn hóa thôn.\n"
            "2.2. Công khai bảng giá đất trên Cổng Thông tin điện tử tỉnh.\n"
            "III. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Nội vụ theo dõi, tổng hợp kết quả thực hiện.\n"
            "2. Sở Tài chính bố trí kinh phí thực hiện.\n\n"
            "PHỤ LỤC\n\n"
            "STT\tCơ quan\tNhiệm vụ chủ trì (số TT)\tNhiệm vụ phối hợp (số TT)\n"
            "1\tSở Nội vụ\t1.1; 1.2\t\n"
            "2\tSở Lao động - Thương binh và Xã hội\t2.1\t\n"
            "3\tSở Tài nguyên và Môi trường\t2.2\t2.1\n"
            "4\tUBND các huyện, thị xã\t\tCác nhiệm vụ thuộc mục 1\n")
    doc = parse(text)
    got = [(t.label, keys(t.lead), keys(t.support)) for t in doc.tasks]
    assert got == [
        ("1.1", expect("Sở Nội vụ"), expect("UBND các huyện, thị xã")),
        ("1.2", expect("Sở Nội vụ"), expect("UBND các huyện, thị xã")),
        ("2.1", expect("Sở Lao động - Thương binh và Xã hội"), expect("Sở Tài nguyên và Môi trường")),
        ("2.2", expect("Sở Tài nguyên và Môi trường"), set()),
        ("1", expect("Sở Nội vụ"), set()),
        ("2", expect("Sở Tài chính"), set()),
    ]
    assert {a.raw for t in doc.tasks for a in t.lead} <= {"Sở Nội vụ", "Sở Lao động - Thương binh và Xã hội",
                                                          "Sở Tài nguyên và Môi trường", "Sở Tài chính"}
    for t in doc.tasks:  # provenance: every agency is the text of its span
        for a in (*t.lead, *t.support):
            assert text[a.span[0]:a.span[1]] == a.raw


def test_an_assignment_appendix_with_justified_spacing_in_its_header_is_read() -> None:
    """Justified text doubles spaces inside words' runs ("Đơn vị  chủ  trì"): the appendix's header is still found,
    here in a pipe table whose columns name the roles before the numbers."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Kim Bảng năm 2024\n\nII. NHIỆM VỤ\n"
            "1. Thủ tục hành chính công\n"
            "1.1. Rà soát thời gian giải quyết hồ sơ đất đai tại Bộ phận Một cửa.\n"
            "1.2. Khảo sát ý kiến người dân sau mỗi lần giải quyết hồ sơ.\n"
            "III. TỔ CHỨC THỰC HIỆN\n\n"
            "| TT | Cơ  quan, đơn vị | Chủ  trì các nhiệm vụ số | Phối  hợp các nhiệm vụ số |\n"
            "|---|---|---|---|\n"
            "| 1 | Văn phòng HĐND và UBND huyện | 1.1 | 1.2 |\n"
            "| 2 | Phòng Nội vụ | 1.2 | 1.1 |\n")
    doc = parse(text)
    got = [(t.label, keys(t.lead), keys(t.support)) for t in doc.tasks]
    assert got == [
        ("1.1", expect("Văn phòng HĐND và UBND huyện"), expect("Phòng Nội vụ")),
        ("1.2", expect("Phòng Nội vụ"), expect("Văn phòng HĐND và UBND huyện")),
    ]


def test_task_numbers_in_an_assignment_cell() -> None:
    from papi_extract.assignment_matrix import Ref, parse_refs
    assert parse_refs("3.1; 4.2 - 4.4") == [Ref("3.1", False), Ref("4.2", False), Ref("4.3", False), Ref("4.4", False)]
    assert parse_refs("cac nhiem vu o phan 2 va 3") == [Ref("2", True), Ref("3", True)]
    assert parse_refs("5.1 den 5.2, 7") == [Ref("5.1", False), Ref("5.2", False), Ref("7", False)]
    assert parse_refs("2,5 diem") == []
    assert parse_refs("1.9 - 1.2") == [Ref("1.9", False), Ref("1.2", False)]  # no backwards range


def test_the_form_of_paper_column_and_a_closing_product_sentence_are_outputs() -> None:
    """A "Hình thức văn bản" (or "Hình thức sản phẩm") column holds what a row yields, as "Sản phẩm" does; a
    closing sentence "Sản phẩm: …" after an item's own sentence is its output field, not part of its text."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI xã Long Bình năm 2023\n\nII. NHIỆM VỤ\n"
            "STT\tNội dung\tChủ trì\tThời gian\tHình thức sản phẩm\n"
            "1\tRà soát hộ nghèo tại các ấp\tCông chức Lao động - Thương binh và Xã hội\tQuý III/2023\tDanh sách hộ nghèo\n"
            "2\tĐối thoại với Nhân dân về giải phóng mặt bằng\tChủ tịch UBND xã\tQuý IV/2023\tThông báo kết luận\n"
            "III. TỔ CHỨC THỰC HIỆN\n"
            "- Công chức Tư pháp - Hộ tịch tổng hợp kết quả, báo cáo UBND huyện trước ngày 10/12/2023. Sản phẩm: "
            "Báo cáo tổng kết năm 2023.\n")
    doc = parse(text)
    got = [(t.text, t.output) for t in doc.tasks]
    assert got == [
        ("Rà soát hộ nghèo tại các ấp", "Danh sách hộ nghèo"),
        ("Đối thoại với Nhân dân về giải phóng mặt bằng", "Thông báo kết luận"),
        ("Công chức Tư pháp - Hộ tịch tổng hợp kết quả, báo cáo UBND huyện trước ngày 10/12/2023.",
         "Báo cáo tổng kết năm 2023."),
    ]


def test_headings_and_group_rows_naming_sub_dimensions_by_code_give_their_tasks_the_first() -> None:
    """A heading "Đối với chỉ số nội dung thành phần 4.2 …" or a table group row "6.1, 6.2 - …" names sub-dimensions
    by their codes, whatever short name follows; its tasks take the first one named (docs/annotation.md)."""
    text = ("KẾ HOẠCH\n\nKhắc phục các chỉ số giảm điểm PAPI huyện Vĩnh Thạnh năm 2023\n\nII. NHIỆM VỤ\n"
            "1. Đối với chỉ số nội dung thành phần 4.2 “tham nhũng trong cung ứng dịch vụ”\n"
            "a) Phòng Y tế kiểm tra việc thu phí khám bệnh tại trạm y tế xã, trong quý II/2023.\n"
            "b) Phòng Giáo dục và Đào tạo công khai các khoản thu đầu năm học, tháng 9/2023.\n"
            "2. Các nhiệm vụ khác\n"
            "TT\tNội dung\tChủ trì\tThời gian\n"
            "A\t6.1, 6.2 - Y tế; giáo dục tiểu học\n"
            "1\tSửa chữa phòng học tại điểm trường Bình Hòa\tPhòng Giáo dục và Đào tạo\tQuý III/2023\n"
            "2\tBổ sung thuốc thiết yếu cho trạm y tế xã\tTrung tâm Y tế huyện\tQuý IV/2023\n"
            "III. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [(" ".join(t.text.split()[:3]), t.dimension, t.subdimension) for t in doc.tasks]
    assert got == [
        ("Phòng Y tế", 4, "4.2"),
        ("Phòng Giáo dục", 4, "4.2"),
        ("Sửa chữa phòng", 6, "6.1"),
        ("Bổ sung thuốc", 6, "6.1"),
    ]
    assert {(i.dimension, i.subdimension) for i in doc.indicators} >= {(4, "4.2"), (6, "6.1"), (6, "6.2")}


def test_a_table_cell_titled_before_its_dash_items_holds_one_task_per_item() -> None:
    """A task cell opening on a short title and then "- " items ("Công khai tài chính:<br>- Niêm yết …<br>- Thông
    báo …"): each item is a task with the row's agencies and time; the title only names them. So too when the
    cell's line breaks became spaces (Word's text export): "Tiếp công dân - Bố trí …; - Ghi sổ …"."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Kỳ Sơn năm 2022\n\nII. NHIỆM VỤ\n\n"
            "| TT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n"
            "| 1 | Công khai tài chính xã:<br>- Niêm yết dự toán ngân sách tại trụ sở UBND xã;<br>- Thông báo quyết "
            "toán trên loa truyền thanh. | Phòng Tài chính - Kế hoạch | Quý I/2022 |\n"
            "| 2 | Tiếp công dân<br>- Bố trí lịch tiếp công dân của Chủ tịch UBND xã;<br>- Ghi sổ theo dõi đơn thư. "
            "| Thanh tra huyện | Hằng tháng |\n"
            "| 3 | Rà soát hộ nghèo tại các bản | Phòng Lao động - Thương binh và Xã hội | Tháng 10/2022 |\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [(" ".join(t.text.split()[:3]), keys(t.lead), [d.kind for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        ("Niêm yết dự", expect("Phòng Tài chính - Kế hoạch"), ["quarter"]),
        ("Thông báo quyết", expect("Phòng Tài chính - Kế hoạch"), ["quarter"]),
        ("Bố trí lịch", expect("Thanh tra huyện"), ["recurring"]),
        ("Ghi sổ theo", expect("Thanh tra huyện"), ["recurring"]),
        ("Rà soát hộ", expect("Phòng Lao động - Thương binh và Xã hội"), ["month"]),
    ]
    word = ("KẾ HOẠCH\r\nNâng cao Chỉ số PAPI xã Nghĩa Đồng năm 2022\r\n\r\nII. NHIỆM VỤ\r\n"
            "TT\tNội dung\tChủ trì\tThời gian\r\n"
            "1\tTiếp công dân định kỳ\r\n- Bố trí lịch tiếp công dân của Chủ tịch UBND xã;\r\n"
            "- Ghi sổ theo dõi đơn thư.\tCông chức Tư pháp - Hộ tịch\tHằng tháng\r\n"
            "2\tRà soát hộ nghèo tại các xóm\tCông chức Văn hóa - Xã hội\tTháng 10/2022\r\n"
            "3\tCông khai các khoản đóng góp tại nhà văn hóa xóm\tCông chức Tài chính - Kế toán\tQuý II/2022\r\n"
            "\r\nIII. TỔ CHỨC THỰC HIỆN\r\n")
    doc = parse(word)
    assert [" ".join(t.text.split()[:3]) for t in doc.tasks][:3] == ["Bố trí lịch", "Ghi sổ theo", "Rà soát hộ"]


def test_a_table_row_cut_by_a_page_break_goes_on_after_the_header_printed_again() -> None:
    """"| 2 | Rà soát, công khai danh sách | | | |", a page number, the header again, then "|  | hộ nghèo tại
    các thôn | Phòng Lao động - Thương binh và Xã hội | … |": one task, its text and cells joined."""
    head = "| TT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Đức Linh năm 2023\n\nII. NHIỆM VỤ\n\n" + head +
            "| 1 | Tuyên truyền Luật Thực hiện dân chủ ở cơ sở | Phòng Tư pháp | UBND các xã | Quý II/2023 |\n"
            "| 2 | Rà soát, công khai danh sách | | | |\n\n4\n\n" + head +
            "|  | hộ nghèo tại nhà văn hóa các thôn | Phòng Lao động - Thương binh và Xã hội | UBND các xã | "
            "Tháng 12/2023 |\n"
            "| 3 | Đối thoại với người dân về bồi thường | Văn phòng HĐND và UBND huyện | Thanh tra huyện | "
            "Quý III/2023 |\n\nIII. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [(t.label, t.text, keys(t.lead), [d.kind for d in t.deadlines]) for t in doc.tasks]
    assert got[1] == ("2", "Rà soát, công khai danh sách hộ nghèo tại nhà văn hóa các thôn",
                      expect("Phòng Lao động - Thương binh và Xã hội"), ["month"])
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]


# Prose paragraphs that chain their tasks ("…; đồng thời …", "…; ngoài ra, …") and paragraphs numbered by words.
CHAINED = (
    "KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Phù Mỹ năm 2023\n\nIII. NHIỆM VỤ TRỌNG TÂM\n\n"
    "1. Công khai, minh bạch\n\n"
    "Thứ nhất, Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Kho bạc Nhà nước huyện hướng dẫn các xã công khai "
    "dự toán ngân sách theo mẫu biểu mới; đồng thời kiểm tra việc công khai tại 05 xã trong quý III/2023.\n\n"
    "Thứ hai, giao Phòng Tài nguyên và Môi trường niêm yết bảng giá đất tại trụ sở UBND các xã, đồng thời phối hợp "
    "với Đài Truyền thanh huyện đưa tin về phương án bồi thường; ngoài ra, Thanh tra huyện kiểm tra việc thu hồi "
    "đất tại các dự án chậm tiến độ.\n\n"
    "- Văn phòng HĐND và UBND huyện cập nhật văn bản lên Trang thông tin điện tử huyện; đồng thời lưu trữ "
    "hồ sơ theo quy định.\n\n"
    "Phòng Nội vụ tổng hợp ý kiến của người dân (qua hộp thư góp ý, đồng thời qua đường dây nóng) và báo cáo "
    "UBND huyện.\n"
)


def test_a_chained_paragraph_holds_one_task_per_clause_and_a_clause_without_subject_shares_it() -> None:
    doc = parse_text(CHAINED)
    got = [(t.text, [a.raw for a in t.lead], [a.raw for a in t.support], [d.raw for d in t.deadlines])
           for t in doc.tasks]
    assert got[:5] == [
        # "Thứ nhất, " numbers the paragraph: no part of the text; the first clause ends before "; đồng thời"
        ("Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Kho bạc Nhà nước huyện hướng dẫn các xã công khai dự "
         "toán ngân sách theo mẫu biểu mới", ["Phòng Tài chính - Kế hoạch"], ["Kho bạc Nhà nước huyện"], []),
        # no subject of its own: the first clause's lead and partners; the time is this clause's only
        ("kiểm tra việc công khai tại 05 xã trong quý III/2023.", ["Phòng Tài chính - Kế hoạch"],
         ["Kho bạc Nhà nước huyện"], ["quý III/2023"]),
        ("giao Phòng Tài nguyên và Môi trường niêm yết bảng giá đất tại trụ sở UBND các xã",
         ["Phòng Tài nguyên và Môi trường"], [], []),
        # ", đồng thời" too; "phối hợp với Y": the first clause's lead, its own partner
        ("phối hợp với Đài Truyền thanh huyện đưa tin về phương án bồi thường", ["Phòng Tài nguyên và Môi trường"],
         ["Đài Truyền thanh huyện"], []),
        # a clause with its own subject leads itself
        ("Thanh tra huyện kiểm tra việc thu hồi đất tại các dự án chậm tiến độ.", ["Thanh tra huyện"], [], []),
    ]
    # a list item is one task, whatever it chains; a connector inside brackets cuts nothing
    assert [t.text[:40] for t in doc.tasks[5:]] == ["Văn phòng HĐND và UBND huyện cập nhật vă",
                                                   "Phòng Nội vụ tổng hợp ý kiến của người d"]
    assert len(doc.tasks) == 7


def test_paragraphs_that_report_or_explain_between_task_paragraphs_are_no_tasks() -> None:
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Tuy Phước năm 2023\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n"
            "Căn cứ kết quả năm 2022, UBND huyện triển khai các nhiệm vụ sau.\n\n"
            "1. Quản trị môi trường\n\n"
            "Trong năm 2022, nội dung thành phần Chất lượng nguồn nước của tỉnh giảm 0,15 điểm so với năm 2021.\n\n"
            "Số liệu khảo sát của Trung tâm Y tế huyện cho thấy nhiều hộ dân vẫn dùng nước giếng chưa qua xử lý.\n\n"
            "Đó là nguyên nhân khiến người dân đánh giá thấp nội dung này.\n\n"
            "Phòng Tài nguyên và Môi trường đánh giá chất lượng nước sinh hoạt tại các xã ven biển, hoàn thành "
            "trong quý III/2023.\n")
    doc = parse_text(text)
    assert [t.text[:40] for t in doc.tasks] == ["Phòng Tài nguyên và Môi trường đánh giá "]


@pytest.mark.parametrize(("task", "lead", "support"), [
    # a closing agent clause with no comma before "do"; who carries it out with the lead supports it
    ("Rà soát danh mục thủ tục hành chính cấp xã trong tháng 9/2023 do Văn phòng HĐND và UBND huyện chủ trì, "
     "UBND các xã thực hiện.", ["Văn phòng HĐND và UBND huyện"], ["UBND các xã"]),
    ("Sửa chữa đường giao thông nông thôn trước mùa mưa do Phòng Kinh tế và Hạ tầng phụ trách, Hội Nông dân huyện "
     "phối hợp.", ["Phòng Kinh tế và Hạ tầng"], ["Hội Nông dân huyện"]),
    # "do X chủ trì soạn thảo" names who drafted the documents: no agent clause
    ("Công khai các văn bản do Phòng Tư pháp chủ trì soạn thảo trên Trang thông tin điện tử huyện.", [], []),
    # inside brackets: a request, or staff in lower case, as the doer
    ("Tổ chức hội nghị đối thoại với thanh niên (đề nghị Huyện đoàn thực hiện, Phòng Nội vụ phối hợp) trong quý "
     "III/2023.", ["Huyện đoàn"], ["Phòng Nội vụ"]),
    ("Cập nhật sổ theo dõi đơn thư (công chức Tư pháp - Hộ tịch thực hiện) hằng tháng.",
     ["công chức Tư pháp - Hộ tịch"], []),
])
def test_agents_written_after_the_action(task: str, lead: list[str], support: list[str]) -> None:
    doc = parse_text("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Hàm Yên năm 2023\n\nII. NHIỆM VỤ\n\n" + task + "\n")
    t = doc.tasks[0]
    assert ([a.raw for a in t.lead], [a.raw for a in t.support]) == (lead, support)


def test_a_list_item_is_cut_only_where_the_next_clause_has_a_doer_of_its_own() -> None:
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Đức Phổ năm 2023\n\nII. NHIỆM VỤ\n\n1. Kiểm soát tham nhũng\n\n"
            "b) Thanh tra huyện kiểm tra việc thực hiện quy tắc ứng xử tại 05 xã trong quý II/2023; đồng thời "
            "Phòng Nội vụ công khai kết quả xét tuyển công chức cấp xã trên Trang thông tin điện tử huyện.\n"
            "c) Phòng Tư pháp rà soát các văn bản quy phạm pháp luật của huyện; đồng thời phối hợp với Đài Truyền "
            "thanh huyện đưa tin về kết quả rà soát.\n")
    doc = parse_text(text)
    got = [(t.label, t.text[:30], [a.raw for a in t.lead]) for t in doc.tasks]
    assert got == [("b", "Thanh tra huyện kiểm tra việc ", ["Thanh tra huyện"]),
                   ("b", "Phòng Nội vụ công khai kết quả", ["Phòng Nội vụ"]),
                   ("c", "Phòng Tư pháp rà soát các văn ", ["Phòng Tư pháp"])]


def test_a_table_of_last_years_tasks_under_the_results_is_no_task_list() -> None:
    text = ("BÁO CÁO\n\nKết quả thực hiện Kế hoạch nâng cao Chỉ số PAPI năm 2023 và nhiệm vụ năm 2024\n\n"
            "I. KẾT QUẢ THỰC HIỆN NĂM 2023\n\n"
            "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tKết quả\n"
            "1\tTổ chức đối thoại với Nhân dân tại các xã\tVăn phòng HĐND và UBND huyện\tĐã hoàn thành\n"
            "2\tCông khai danh sách hộ nghèo tại nhà văn hóa thôn\tPhòng Lao động - TB&XH\tĐang thực hiện\n\n"
            "II. NHIỆM VỤ NĂM 2024\n\n"
            "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tThời gian\n"
            "1\tRà soát quy chế tiếp công dân của huyện\tThanh tra huyện\tQuý I/2024\n")
    doc = parse_text(text)
    assert [t.text for t in doc.tasks] == ["Rà soát quy chế tiếp công dân của huyện"]


def test_an_indicator_note_before_the_items_time_sentence_names_its_dimension() -> None:
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh Bình Phước năm 2021\n\nIII. NHIỆM VỤ\n\n1. Sở Tư pháp\n\n"
            "a) Tổ chức trợ giúp pháp lý lưu động tại các xã biên giới (Chỉ số nội dung 3). Thời hạn: quý II/2021.\n"
            "b) Rà soát các thủ tục chứng thực tại cấp xã (chỉ số nội dung 5). Tiến độ thực hiện: năm 2021.\n")
    doc = parse_text(text)
    assert [(t.dimension, [str(d.end) for d in t.deadlines]) for t in doc.tasks] == [
        (3, ["2021-06-30"]), (5, ["2021-12-31"])]


def test_the_sections_intro_time_frames_items_under_a_header_that_states_none() -> None:
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Bác Ái năm 2025\n\nII. NHIỆM VỤ NĂM 2025\n\n"
            "Trong năm 2025, UBND huyện tập trung thực hiện các nhiệm vụ sau:\n\n"
            "1. Công khai, minh bạch\n\n"
            "Phòng Tài chính - Kế hoạch thực hiện các nội dung sau:\n"
            "- Hướng dẫn các xã công khai dự toán ngân sách theo mẫu mới;\n"
            "- Kiểm tra việc công khai tại 03 xã, hoàn thành trong quý III/2025.\n")
    doc = parse_text(text)
    assert [[str(d.end) for d in t.deadlines] for t in doc.tasks] == [["2025-12-31"], ["2025-09-30"]]


def test_sub_dimension_notes_abbreviated_ordinal_and_reworded() -> None:
    """ "(CSTP 6.2)", "(chỉ số thành phần thứ ba của nội dung 6)", "(CSTP: Cơ sở hạ tầng thiết yếu)" and a sub-dimension
    named after its label inside the sentence each tag their task; the dimension is the section's."""
    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2023\n\nII. NHIỆM VỤ\n6. Cung ứng dịch vụ công\n"
                   "- Phòng Giáo dục và Đào tạo bố trí giáo viên tiếng Anh cho các trường (CSTP 6.2).\n"
                   "- Phòng Kinh tế và Hạ tầng sửa chữa cầu treo (chỉ số thành phần thứ ba của nội dung 6).\n"
                   "- Phòng Kinh tế và Hạ tầng lắp đặt đèn chiếu sáng (CSTP: Cơ sở hạ tầng thiết yếu).\n"
                   "- Nhằm nâng điểm chỉ số thành phần Y tế công lập, Trung tâm Y tế huyện tăng ca khám bệnh.\n")
    assert [(t.dimension, t.subdimension) for t in d.tasks] == [(6, "6.2"), (6, "6.3"), (6, "6.3"), (6, "6.1")]


def test_a_counted_back_reference_assigns_only_that_many_items_above() -> None:
    """ "Giao X chủ trì thực hiện 02 nhiệm vụ trên": the assignment serves the two nearest items, not the one before."""
    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n1. Thủ tục hành chính công\n"
                   "- Công an xã cấp căn cước cho người dân đúng hẹn.\n"
                   "- Rà soát, niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa.\n"
                   "- Bố trí công chức hướng dẫn người dân nộp hồ sơ trực tuyến.\n\n"
                   "Giao Văn phòng - Thống kê xã chủ trì thực hiện 02 nhiệm vụ trên, hoàn thành trong tháng 6/2024.\n")
    got = [([a.name for a in t.lead], [str(x.end) for x in t.deadlines]) for t in d.tasks]
    assert got[0] == (["Công an xã"], [])
    assert got[1:] == [(["Văn phòng - Thống kê xã"], ["2024-06-30"])] * 2


def test_a_plan_about_one_dimension_gives_it_to_the_tasks_under_topic_headings() -> None:
    """The title makes one indicator the plan's subject ("Cải thiện chỉ số nội dung Thủ tục hành chính công"): tasks
    under topic headings of the tasks section serve it; the organization section's duties do not."""
    d = parse_text("ỦY BAN NHÂN DÂN HUYỆN MƯỜNG TÈ\n\nKẾ HOẠCH\nCải thiện chỉ số nội dung Thủ tục hành chính công "
                   "năm 2023\n\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Công tác tuyên truyền\n"
                   "- Phòng Văn hóa và Thông tin phát tờ rơi hướng dẫn nộp hồ sơ trực tuyến.\n"
                   "2. Hạ tầng và nhân lực\n- Phòng Nội vụ bố trí đủ công chức tại Bộ phận Một cửa.\n"
                   "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ tổng hợp, báo cáo kết quả thực hiện Kế hoạch.\n")
    assert [(t.dimension, t.subdimension) for t in d.tasks] == [(5, None), (5, None), (None, None)]


@pytest.mark.parametrize(("title", "code"), [
    ("Nâng cao chỉ số thành phần Giáo dục tiểu học công lập năm 2024", (6, "6.2")),
    ("Kế hoạch đẩy mạnh Quản trị điện tử trên địa bàn thị xã", (8, None)),
    ("Nâng cao Chỉ số PAPI và chất lượng cung ứng dịch vụ công", None),  # a PAPI plan: the name is no subject
    ("Cải thiện chỉ số Công khai, minh bạch và Trách nhiệm giải trình", None),  # two indicators: no one subject
])
def test_the_title_indicator_is_one_name_opening_the_plans_subject(title: str, code: tuple | None) -> None:
    from papi_extract.taxonomy import title_indicator

    m = title_indicator(title)
    assert (None if m is None else (m.dimension, m.subdimension)) == code


def test_notes_of_a_plan_for_several_indices_name_the_papi_indicator_after_papi() -> None:
    """ "(PAPI - Chỉ số nội dung 6, nội dung thành phần Y tế công lập)": the index, then the note's own label."""
    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI và Chỉ số SIPAS năm 2023\n\nII. NHIỆM VỤ\n"
                   "1. Trạm Y tế xã niêm yết giá dịch vụ khám bệnh (PAPI: Chỉ số nội dung 6, nội dung thành phần Y tế "
                   "công lập).\n"
                   "2. Bộ phận Một cửa xã bố trí ghế chờ cho người dân (SIPAS).\n"
                   "3. Công chức Tư pháp - Hộ tịch rút ngắn thời gian chứng thực (PAPI – 5.1).\n")
    assert [(t.dimension, t.subdimension) for t in d.tasks] == [(6, "6.1"), (None, None), (5, "5.1")]


def test_a_task_tables_column_named_chi_so_alone_names_each_rows_indicator() -> None:
    d = parse_text("KẾ HOẠCH\nNâng cao các chỉ số PAPI, SIPAS năm 2021\n\nII. NHIỆM VỤ\n\n"
                   "| TT | Nhiệm vụ | Chỉ số | Chủ trì | Thời gian |\n|---|---|---|---|---|\n"
                   "| 1 | Khảo sát sự hài lòng tại Bộ phận Một cửa | Chỉ số SIPAS | Bộ phận Một cửa | Quý III/2021 |\n"
                   "| 2 | Thu gom rác thải tại các chợ | Quản trị môi trường | Tổ vệ sinh môi trường | Hằng ngày |\n",
                   fmt="markdown")
    assert [(t.dimension, t.subdimension) for t in d.tasks] == [(None, None), (7, None)]
    assert [(m.dimension, m.raw) for m in d.indicators] == [(7, "Quản trị môi trường")]


def test_an_agency_block_naming_its_part_of_the_plan_serves_the_whole_section() -> None:
    """ "Đơn vị chủ trì thực hiện phần 2: …" after the items: the section's block (items with no subject of their
    own take it), not the fields of the last item alone; and "2. Phòng, chống lãng phí" is a topic, no agency."""
    d = parse_text("KẾ HOẠCH\nNâng cao chỉ số nội dung Kiểm soát tham nhũng trong khu vực công năm 2023\n\n"
                   "II. NHIỆM VỤ\n2. Phòng, chống lãng phí\n"
                   "2.1. Rà soát định mức sử dụng xe công tại các cơ quan.\n"
                   "2.2. Sở Tài chính công khai kết quả kiểm tra tài sản công.\n"
                   "2.3. Công khai danh mục tài sản công dôi dư trên Cổng Thông tin điện tử tỉnh.\n\n"
                   "Đơn vị chủ trì thực hiện phần 2: Sở Tài chính. Đơn vị phối hợp: Kho bạc Nhà nước tỉnh.\n")
    got = [([a.name for a in t.lead], [a.name for a in t.support]) for t in d.tasks]
    assert got == [(["Sở Tài chính"], ["Kho bạc Nhà nước tỉnh"]), (["Sở Tài chính"], []),
                   (["Sở Tài chính"], ["Kho bạc Nhà nước tỉnh"])]


def test_a_closing_indicator_note_with_a_code_is_no_date() -> None:
    """ "(CSTP 3.3 - Tiếp cận dịch vụ tư pháp)", "(nội dung thành phần 7.1: …)": "3.3", "7.1" are codes, not 3 March or
    7 January; the item's own time is read without the note."""
    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2023\n\nII. NHIỆM VỤ\n"
                   "- Phòng Tư pháp tổ chức trợ giúp pháp lý lưu động, mỗi quý 01 đợt (CSTP 3.3 - Tiếp cận dịch vụ tư "
                   "pháp).\n"
                   "- Phòng Tài nguyên và Môi trường kiểm tra các cơ sở chăn nuôi trong quý IV/2023 (nội dung thành phần "
                   "7.1: Nghiêm túc trong bảo vệ môi trường).\n")
    assert [[(x.kind, x.raw) for x in t.deadlines] for t in d.tasks] == [
        [("recurring", "mỗi quý")], [("quarter", "quý IV/2023")]]
    assert [t.subdimension for t in d.tasks] == ["3.3", "7.1"]


def test_a_last_clause_that_only_defers_to_the_rules_is_an_unspecified_time() -> None:
    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2023\n\nII. NHIỆM VỤ\n"
                   "- Phòng Nội vụ công khai kết quả tuyển dụng viên chức; thời hạn theo hướng dẫn của Sở Nội vụ.\n"
                   "- Phòng Tư pháp rà soát thủ tục chứng thực tại xã; theo quy định.\n"
                   "- Phòng Tư pháp tuyên truyền Luật Hòa giải ở cơ sở theo quy định của pháp luật.\n")
    assert [[(x.kind, x.raw) for x in t.deadlines] for t in d.tasks] == [
        [("unspecified", "theo hướng dẫn của Sở Nội vụ")], [("unspecified", "theo quy định")], []]


def test_hang_ngay_closing_the_sentence_after_the_object_is_daily() -> None:
    """ "… đăng tải lịch tiếp công dân trên trang thông tin điện tử hằng ngày.": every day; "có nước sạch sinh hoạt
    hằng ngày." is daily life, and "khám bệnh hằng ngày cho người dân" describes the service."""
    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2023\n\nII. NHIỆM VỤ\n"
                   "- Văn phòng UBND xã cập nhật lịch tiếp công dân trên trang thông tin điện tử hằng ngày.\n"
                   "- Bảo đảm các hộ dân có nước sạch sinh hoạt hằng ngày.\n"
                   "- Trạm Y tế xã khám bệnh hằng ngày cho người cao tuổi.\n")
    assert [[(x.kind, x.raw) for x in t.deadlines] for t in d.tasks] == [[("recurring", "hằng ngày")], [], []]


def test_a_note_naming_its_dimension_and_coding_its_sub_dimension() -> None:
    """ "(Chỉ số nội dung 6 - Cung ứng dịch vụ công, nội dung thành phần 6.4)": the name gives 6, the code 6.4."""
    d = parse_text("KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2021\n\nII. NHIỆM VỤ\n"
                   "- Công an phường tuần tra các tuyến phố ban đêm (Chỉ số nội dung 6 - Cung ứng dịch vụ công, nội dung "
                   "thành phần 6.4).\n")
    assert [(t.dimension, t.subdimension) for t in d.tasks] == [(6, "6.4")]


AMENDING = """ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH

Số: 88/KH-UBND

Quảng Bình, ngày 10 tháng 6 năm 2022

KẾ HOẠCH

Sửa đổi, bổ sung Kế hoạch số 21/KH-UBND ngày 15/02/2022 về cải thiện Chỉ số PAPI năm 2022

I. NỘI DUNG SỬA ĐỔI

1.2. Sửa đổi nhiệm vụ tại điểm 1.2 mục III Kế hoạch số 21/KH-UBND như sau: “Sở Nội vụ chủ trì, phối hợp với Ủy ban MTTQ Việt Nam tỉnh hướng dẫn bầu cử trưởng thôn; hoàn thành trong quý III/2022”.

3.1. Điều chỉnh thời hạn của nhiệm vụ tại điểm 3.1 mục III Kế hoạch số 21/KH-UBND từ "tháng 5/2022" thành "tháng 9/2022"; Thanh tra tỉnh chủ trì thực hiện.

II. NỘI DUNG BỔ SUNG

Bổ sung những nội dung sau đây vào mục III Kế hoạch số 21/KH-UBND, số thứ tự tiếp theo của Kế hoạch số 21/KH-UBND:

1. Chỉ số nội dung 8: Quản trị điện tử

8.4. Sở Thông tin và Truyền thông hướng dẫn người dân sử dụng ứng dụng phản ánh hiện trường trong quý IV/2022.
"""


def test_an_amendment_quoting_a_tasks_new_wording() -> None:
    """ "Sửa đổi nhiệm vụ … như sau: “Sở Nội vụ chủ trì, phối hợp với …”": the quoted wording's subject leads;
    "từ "tháng 5/2022" thành "tháng 9/2022"": only the new time is the task's; "Bổ sung những nội dung sau
    đây vào mục III …:" announces the added tasks and is none itself."""
    doc = parse(AMENDING)
    assert [t.label for t in doc.tasks] == ["1.2", "3.1", "8.4"]
    t = find(doc, "Sửa đổi nhiệm vụ tại điểm 1.2")
    assert keys(t.lead) == expect("Sở Nội vụ")
    assert keys(t.support) == expect("Ủy ban MTTQ Việt Nam tỉnh")
    assert [(d.kind, d.end) for d in t.deadlines] == [("quarter", "2022-09-30")]
    t = find(doc, "Điều chỉnh thời hạn")
    assert keys(t.lead) == expect("Thanh tra tỉnh")
    assert [(d.raw, d.end) for d in t.deadlines] == [("tháng 9/2022", "2022-09-30")]


def test_a_group_header_defining_its_short_form_still_leads_its_items() -> None:
    """ "- Phòng Kinh tế (viết tắt là Phòng KT):" over "+" items: the header is an agency list with a definition."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nI. NHIỆM VỤ\n\n"
            "- Phòng Kinh tế (viết tắt là Phòng KT):\n"
            "+ Công khai quy hoạch chợ nông thôn tại trụ sở UBND các xã;\n"
            "+ Hướng dẫn các hợp tác xã công khai báo cáo tài chính.\n")
    doc = parse(text)
    assert [keys(t.lead) for t in doc.tasks] == [expect("Phòng Kinh tế")] * 2


def test_a_legend_of_short_forms_is_no_task() -> None:
    """ "Chữ viết tắt trong bảng: CC ĐC-XD: công chức Địa chính - Xây dựng; …" under a table explains its short forms; the
    paragraph next to it is a task."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nI. NHIỆM VỤ\n\n"
            "Chữ viết tắt trong bảng: CC ĐC-XD: công chức Địa chính - Xây dựng; CA xã: Công an xã; UBMTTQ xã: Ủy ban "
            "Mặt trận Tổ quốc xã.\n\n"
            "Công an xã tăng cường tuần tra, bảo đảm an ninh trật tự tại các thôn trong năm 2024.\n")
    assert [t.text[:12] for t in parse(text).tasks] == ["Công an xã t"]


CARDS = """ỦY BAN NHÂN DÂN HUYỆN NAM ĐÀN

Số: 51/KH-UBND

Nam Đàn, ngày 06 tháng 3 năm 2024

KẾ HOẠCH

Cải thiện Chỉ số PAPI năm 2024

II. NHIỆM VỤ CỤ THỂ

1. Chỉ số nội dung 2 - Công khai, minh bạch trong việc ra quyết định ở địa phương
Nhiệm vụ số 1: Niêm yết danh sách hộ nghèo tại nhà văn hóa các xóm
Đơn vị thực hiện: Phòng Lao động - Thương binh và Xã hội
Phối hợp thực hiện: UBND các xã, thị trấn
Tiến độ: Quý IV/2024
Sản phẩm đầu ra: Biên bản niêm yết
Chỉ số tác động: 2.2 - Danh sách hộ nghèo
Nhiệm vụ số 2: Công khai kế hoạch sử dụng đất năm 2024 tại trụ sở UBND các xã
Đơn vị thực hiện: Phòng Tài nguyên và Môi trường
Tiến độ: Trước ngày 30/6/2024
"""


def test_task_cards_with_one_field_per_line() -> None:
    """A task card: "Nhiệm vụ số 1: …" (a numbered item, label 1), then its fields one per line with no bullet and no
    blank line ("Đơn vị thực hiện:", "Phối hợp thực hiện:", "Tiến độ:", "Sản phẩm đầu ra:", "Chỉ số tác động: 2.2 - …"):
    each field goes to its card, not into the task's text."""
    doc = parse(CARDS)
    assert [(t.label, t.text) for t in doc.tasks] == [
        ("1", "Niêm yết danh sách hộ nghèo tại nhà văn hóa các xóm"),
        ("2", "Công khai kế hoạch sử dụng đất năm 2024 tại trụ sở UBND các xã"),
    ]
    first, second = doc.tasks
    assert keys(first.lead) == expect("Phòng Lao động - Thương binh và Xã hội")
    assert keys(first.support) == expect("UBND các xã, thị trấn")
    assert [(d.kind, d.end) for d in first.deadlines] == [("quarter", "2024-12-31")]
    assert first.output == "Biên bản niêm yết"
    assert (first.dimension, first.subdimension) == (2, "2.2")
    assert keys(second.lead) == expect("Phòng Tài nguyên và Môi trường")
    assert [(d.kind, d.end) for d in second.deadlines] == [("by_date", "2024-06-30")]
    assert (second.dimension, second.subdimension) == (2, None)


def test_party_bodies_lead_their_tasks() -> None:
    """A Party committee's plan: "Ban Tuyên giáo Thị ủy" leads (its "giáo" is no "giao", assign), "Đảng đoàn HĐND
    thị xã" and "Các chi, đảng bộ trực thuộc" are bodies, "lãnh đạo" is their verb."""
    text = ("KẾ HOẠCH\n\nlãnh đạo nâng cao Chỉ số PAPI năm 2024\n\nI. NHIỆM VỤ\n\n"
            "- Ban Tuyên giáo Thị ủy chủ trì, phối hợp với Văn phòng Thị ủy tuyên truyền về Chỉ số PAPI.\n"
            "- Đảng đoàn HĐND thị xã lãnh đạo HĐND thị xã giám sát việc giải quyết thủ tục hành chính.\n"
            "- Đảng ủy các phường, xã lãnh đạo chính quyền cùng cấp công khai danh sách hộ nghèo.\n"
            "- Các chi, đảng bộ trực thuộc Thị ủy căn cứ Kế hoạch này xây dựng kế hoạch thực hiện.\n")
    doc = parse(text)
    assert [keys(t.lead) for t in doc.tasks] == [
        expect("Ban Tuyên giáo Thị ủy"), expect("Đảng đoàn HĐND thị xã"), expect("Đảng ủy các phường, xã"),
        expect("Các chi, đảng bộ trực thuộc Thị ủy")]
    assert keys(doc.tasks[0].support) == expect("Văn phòng Thị ủy")


def test_a_paragraph_that_is_a_list_run_together() -> None:
    """ "(1) Trạm Y tế xã khám …; (2) Công an xã tuần tra …; (3) …" with no lead-in: each number is a task of its
    own, with its own subject and time; a "(1)" alone stays in its sentence."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\nI. NHIỆM VỤ\n\n"
            "(1) Trạm Y tế xã tư vấn sức khỏe sinh sản cho phụ nữ, hoàn thành trong quý II/2023; (2) Công an xã "
            "tuần tra bảo đảm trật tự tại các chợ, thực hiện thường xuyên; (3) Trường Mầm non Hoa Sen công khai các "
            "khoản thu trước ngày 15/9/2023.\n\n"
            "(1) Công khai quy hoạch tại trụ sở xã trong quý III/2023.\n")
    doc = parse(text)
    assert [t.label for t in doc.tasks[:3]] == ["1", "2", "3"]
    assert [keys(t.lead) for t in doc.tasks[:3]] == [
        expect("Trạm Y tế xã"), expect("Công an xã"), expect("Trường Mầm non Hoa Sen")]
    assert [[d.kind for d in t.deadlines] for t in doc.tasks[:3]] == [["quarter"], ["continuous"], ["by_date"]]
    assert len(doc.tasks) == 4


def test_a_short_form_the_plan_defines_names_its_body() -> None:
    """ "Văn phòng HĐND và UBND thị xã (sau đây gọi tắt là Văn phòng)": later "Văn phòng theo dõi …" and "phối hợp
    với Văn phòng cập nhật …" name that office, though "Văn phòng" alone is no name."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2022\n\nI. NHIỆM VỤ\n\n"
            "- Văn phòng HĐND và UBND thị xã (sau đây gọi tắt là Văn phòng) niêm yết thủ tục hành chính.\n"
            "- Văn phòng theo dõi việc trả kết quả đúng hạn, báo cáo hằng quý.\n"
            "- Phòng Nội vụ phối hợp với Văn phòng cập nhật chuyên mục hỏi - đáp trên trang thông tin điện tử.\n")
    doc = parse(text)
    assert keys(doc.tasks[1].lead) == expect("Văn phòng HĐND và UBND thị xã")
    assert doc.tasks[1].lead[0].raw == "Văn phòng"
    assert keys(doc.tasks[2].support) == expect("Văn phòng HĐND và UBND thị xã")


def test_a_leaders_part_assigned_in_a_later_section_directs_its_tasks() -> None:
    """ "IV. PHÂN CÔNG LÃNH ĐẠO": "Đồng chí Phó Chủ tịch UBND thị xã phụ trách khối kinh tế chỉ đạo các nhiệm vụ tại
    mục 1 và mục 3 Phần II" directs the tasks of II.1 and II.3; II.2, named by no one, has no directing."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nI. MỤC ĐÍCH\n\n- Nâng cao chỉ số.\n\nII. NHIỆM VỤ\n"
            "1. Công khai, minh bạch\n- Phòng Tài chính - Kế hoạch công khai dự toán ngân sách thị xã.\n"
            "2. Trách nhiệm giải trình với người dân\n- Thanh tra thị xã tiếp công dân định kỳ.\n"
            "3. Quản trị môi trường\n- Phòng Tài nguyên và Môi trường kiểm tra các cơ sở gây ô nhiễm.\n"
            "IV. PHÂN CÔNG LÃNH ĐẠO\n"
            "- Đồng chí Phó Chủ tịch UBND thị xã phụ trách khối kinh tế chỉ đạo các nhiệm vụ tại mục 1 và mục 3 Phần II.\n")
    doc = parse(text)
    assert [[a.raw for a in t.directing] for t in doc.tasks] == [
        ["Phó Chủ tịch UBND thị xã phụ trách khối kinh tế"], [], ["Phó Chủ tịch UBND thị xã phụ trách khối kinh tế"]]


@pytest.mark.parametrize("closing", [
    "Kế hoạch này được quán triệt đến cán bộ, đảng viên trong toàn Đảng bộ./.",
    "Kế hoạch này được phổ biến đến các chi bộ và gửi các cơ quan liên quan biết, thực hiện./.",
])
def test_the_plan_speaking_of_itself_in_the_passive_is_no_task(closing: str) -> None:
    text = (
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\n"
        "I. NHIỆM VỤ\n"
        "1. Văn phòng Đảng ủy tổng hợp ý kiến của người dân gửi đến qua hộp thư góp ý; hằng tháng.\n"
        "2. Ban Tuyên giáo Đảng ủy tuyên truyền kết quả Chỉ số PAPI đến đảng viên.\n"
        + closing + "\n"
    )
    doc = parse(text)
    assert [t.text for t in doc.tasks] == [
        "Văn phòng Đảng ủy tổng hợp ý kiến của người dân gửi đến qua hộp thư góp ý; hằng tháng.",
        "Ban Tuyên giáo Đảng ủy tuyên truyền kết quả Chỉ số PAPI đến đảng viên."]


def test_a_measure_line_over_tasks_is_no_task() -> None:
    """"**Chỉ tiêu:** Tỷ lệ …" names the survey measure the tasks under it answer; the tasks are the items."""
    text = ("# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\n## II. NHIỆM VỤ\n\n"
            "### 4. Kiểm soát tham nhũng trong khu vực công\n\n"
            "#### 4.3 - Công bằng trong tuyển dụng vào khu vực nhà nước\n\n"
            "**Chỉ tiêu:** Tỷ lệ người được hỏi cho biết phải chi tiền để xin việc vào cơ quan nhà nước "
            "(câu hỏi d406; năm 2023: 17,9%)\n\n"
            "- Sở Nội vụ công khai chỉ tiêu, điều kiện tuyển dụng công chức trên Cổng thông tin điện tử tỉnh.\n\n"
            "- Thanh tra tỉnh kiểm tra việc tuyển dụng viên chức tại các đơn vị sự nghiệp; trong quý III/2024.\n")
    doc = parse(text, fmt="md")
    assert [t.text[:24] for t in doc.tasks] == ["Sở Nội vụ công khai chỉ ", "Thanh tra tỉnh kiểm tra "]


def test_a_column_of_last_surveys_results_is_not_the_output() -> None:
    text = (
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n\n"
        "TT\tNội dung nhiệm vụ\tKết quả khảo sát năm 2023\tCơ quan chủ trì\tThời gian\n"
        "1\tNiêm yết lịch tiếp công dân tại trụ sở UBND xã\t42,7%\tUBND các xã\tQuý II/2024\n"
        "2\tCông khai danh sách hộ nghèo tại nhà văn hóa thôn\t55,1%\tUBND các xã\tQuý III/2024\n"
    )
    doc = parse(text)
    t = find(doc, "Niêm yết lịch tiếp công dân")
    assert t.output is None
    assert keys(t.lead) == expect("UBND các xã")


def test_a_lead_in_written_as_a_heading_gives_its_subject_partners_and_time_to_the_items() -> None:
    text = (
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\nII. NHIỆM VỤ\n"
        "1. Công khai, minh bạch\n"
        "a) Phòng Tư pháp chủ trì hướng dẫn các xã niêm yết thủ tục, hoàn thành trong quý II/2023.\n"
        "b) Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Kho bạc Nhà nước huyện thực hiện các việc sau, "
        "hoàn thành trong quý IV/2023:\n"
        "- Công khai dự toán ngân sách huyện trên Trang thông tin điện tử;\n"
        "- Hướng dẫn các xã công khai quyết toán ngân sách tại trụ sở.\n"
        "2. Thủ tục hành chính công\n"
        "a) Văn phòng HĐND và UBND huyện số hóa hồ sơ thủ tục hành chính.\n"
    )
    doc = parse(text)
    for opening in ("Công khai dự toán", "Hướng dẫn các xã công khai"):
        t = find(doc, opening)
        assert keys(t.lead) == expect("Phòng Tài chính - Kế hoạch")
        assert keys(t.support) == expect("Kho bạc Nhà nước huyện")
        assert [(d.kind, d.end) for d in t.deadlines] == [("quarter", "2023-12-31")]


@pytest.mark.parametrize(("task", "support"), [
    # the units an instruction names go on over the comma: told to take part, no partners
    ("Đề nghị Hội Nông dân huyện chỉ đạo Hội Nông dân các xã, các chi hội ở thôn tham gia giám sát việc thực hiện.",
     []),
    ("Phòng Nội vụ chủ trì, các chi hội ở thôn tham gia tuyên truyền.", ["Các chi hội ở thôn"]),
    # a later clause whose doer only guides and helps supports
    ("Ban Thanh tra nhân dân các xã giám sát việc thu, chi các khoản đóng góp; Ủy ban MTTQ Việt Nam huyện "
     "hướng dẫn, hỗ trợ; thực hiện trong năm 2023.", ["Ủy ban MTTQ Việt Nam huyện"]),
])
def test_who_takes_part_under_an_instruction_and_who_helps(task: str, support: list[str]) -> None:
    doc = parse("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\nII. NHIỆM VỤ\n\n- " + task + "\n")
    assert keys(doc.tasks[0].support) == expect(*support)


def test_a_purpose_clause_naming_what_people_say_does_not_make_a_task_a_report() -> None:
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n\n"
            "Công chức Tư pháp - Hộ tịch niêm yết lệ phí chứng thực tại Bộ phận Một cửa, nhằm giảm tỷ lệ người dân "
            "cho rằng phải chi thêm tiền khi làm thủ tục, hoàn thành trong quý II/2024.\n\n"
            "Qua tiếp xúc cử tri, nhiều ý kiến cho rằng việc niêm yết chưa đầy đủ.\n")
    doc = parse(text)
    assert [t.text[:22] for t in doc.tasks] == ["Công chức Tư pháp - Hộ"]


def test_agency_paragraphs_under_a_dimension_heading_are_siblings_of_its_section() -> None:
    """ "### 2. Công khai, minh bạch" / "**Phòng A:**" / "- …" / "**Phòng B:**" / "- …": the second agency's items are
    still under the dimension's heading (a header after a header's own list does not close the section)."""
    text = ("# KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Quỳnh Phụ năm 2022\n\n## II. NHIỆM VỤ\n\n"
            "### 1. Kiểm soát tham nhũng trong khu vực công\n\n**Thanh tra huyện:**\n\n"
            "- Kiểm tra việc kê khai tài sản, thu nhập tại 03 xã.\n- Công khai kết luận thanh tra trên Cổng thông tin.\n\n"
            "**Phòng Nội vụ:**\n\n- Rà soát việc tuyển dụng viên chức giáo dục năm 2022.\n"
            "- Chuyển đổi vị trí công tác đối với công chức địa chính cấp xã.\n\n"
            "### 2. Quản trị điện tử\n\n**Văn phòng HĐND và UBND huyện:**\n\n- Cập nhật văn bản lên Trang thông tin điện tử huyện.\n")
    doc = parse(text, fmt="md")
    assert find(doc, "Rà soát việc tuyển dụng").dimension == 4
    assert find(doc, "Chuyển đổi vị trí").dimension == 4
    assert keys(find(doc, "Chuyển đổi vị trí").lead) == expect("Phòng Nội vụ")
    assert find(doc, "Cập nhật văn bản").dimension == 8


def test_a_sentence_that_only_times_the_list_above_is_no_task_and_times_its_items() -> None:
    """ "Các nội dung trên hoàn thành trước ngày 30/9/2024." after a list: no task; the items that state no time of
    their own take it, an item with its own keeps only its own."""
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI xã Tân Thành năm 2024\n\nII. NHIỆM VỤ\n1. Công khai, minh bạch\n"
            "Giao công chức Tài chính - Kế toán:\n- Niêm yết dự toán ngân sách xã tại nhà văn hóa các thôn.\n"
            "- Công khai quyết toán ngân sách năm 2023, hoàn thành trong quý II/2024.\n\n"
            "Các nội dung trên phải hoàn thành trước ngày 31/8/2024.\n\n2. Quản trị điện tử\n"
            "Giao công chức Văn phòng - Thống kê:\n- Cập nhật thông tin lên Trang thông tin điện tử xã.\n")
    doc = parse(text)
    assert not any(t.text.startswith("Các nội dung trên") for t in doc.tasks)
    assert ends(find(doc, "Niêm yết dự toán")) == ["2024-08-31"]
    assert ends(find(doc, "Công khai quyết toán")) == ["2024-06-30"]
    assert ends(find(doc, "Cập nhật thông tin")) == []


def test_a_lead_in_naming_a_partner_after_phoi_hop_voi_gives_lead_and_support() -> None:
    """ "Giao công chức Địa chính - Xây dựng phối hợp với Hội Cựu chiến binh phường:" over items: the first leads
    them, the one after "phối hợp với" supports them (not two leads)."""
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI phường 3 năm 2023\n\nII. NHIỆM VỤ\n1. Quản trị môi trường\n"
            "Giao công chức Địa chính - Xây dựng phối hợp với Hội Cựu chiến binh phường:\n"
            "- Vận động hộ dân phân loại rác thải tại nguồn.\n- Kiểm tra việc xả thải của các cơ sở sản xuất.\n")
    doc = parse(text)
    t = find(doc, "Vận động hộ dân")
    assert keys(t.lead) == expect("công chức Địa chính - Xây dựng")
    assert keys(t.support) == expect("Hội Cựu chiến binh phường")


def test_items_numbered_under_a_lettered_heading_are_tasks_of_their_own() -> None:
    """ "b.1 Công chức … niêm yết …" / "b.2 Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở xã chỉ đạo …" under "b. …": each
    a task (prose, labelled as printed), not one paragraph run on in lower case; a "b.3 … thực hiện:" line over "•"
    items is their lead-in."""
    text = ("<html><body><h3>II. NHIỆM VỤ</h3><h4>1. Chỉ số Công khai, minh bạch</h4><p><b>b. Tiếp cận thông tin</b></p>"
            "<p>b.1 Công chức Văn hóa - Xã hội niêm yết lịch tiếp công dân tại nhà văn hóa các khóm, hoàn thành trong tháng "
            "5/2021.</p><p>b.2 Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở phường chỉ đạo các khóm họp dân định kỳ.</p>"
            "<p>b.3 Đài Truyền thanh phường thực hiện:</p><p>• Phát tin về thủ tục đất đai;</p>"
            "<p>• Phát tin về bảo hiểm y tế hộ gia đình.</p></body></html>")
    doc = parse(text, fmt="html")
    t1, t2 = find(doc, "Công chức Văn hóa"), find(doc, "Ban Chỉ đạo")
    assert (t1.label, t1.origin, ends(t1)) == ("b.1", "prose", ["2021-05-31"])
    assert (t2.label, t2.origin) == ("b.2", "prose")
    assert keys(t2.lead) == expect("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở phường")
    assert keys(find(doc, "Phát tin về thủ tục").lead) == expect("Đài Truyền thanh phường")
    assert not any(t.text.startswith("Đài Truyền thanh phường thực hiện") for t in doc.tasks)


def test_a_leader_and_a_product_closing_an_item_are_its_directing_and_output() -> None:
    """ "…, dưới sự chỉ đạo của Phó Chủ tịch UBND thị xã.", "…; đồng chí Chủ tịch UBND xã trực tiếp chỉ đạo.": the leader
    directs the task; "…, kết quả là Báo cáo đánh giá … trước ngày 15/11/2024" names its product (up to its time), and
    a closing "(sản phẩm: …)" before the leader's clause is still read."""
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI thị xã Phú Mỹ năm 2024\n\nII. NHIỆM VỤ\n"
            "- Phòng Nội vụ khảo sát sự hài lòng của người dân tại Bộ phận Một cửa các phường, kết quả là Báo cáo đánh giá "
            "mức độ hài lòng trước ngày 15/11/2024, dưới sự chỉ đạo của Phó Chủ tịch UBND thị xã.\n"
            "- Thanh tra thị xã kiểm tra công tác tiếp công dân tại 04 phường trong quý III/2024 (sản phẩm: Kết luận "
            "kiểm tra); đồng chí Chủ tịch UBND thị xã trực tiếp chỉ đạo.\n"
            "- Phòng Tư pháp phổ biến Luật Tiếp cận thông tin, thực hiện thường xuyên.\n")
    doc = parse(text)
    t1, t2, t3 = find(doc, "Phòng Nội vụ"), find(doc, "Thanh tra thị xã"), find(doc, "Phòng Tư pháp")
    assert keys(t1.directing) == expect("Phó Chủ tịch UBND thị xã")
    assert t1.output == "Báo cáo đánh giá mức độ hài lòng" and ends(t1) == ["2024-11-15"]
    assert keys(t1.lead) == expect("Phòng Nội vụ")
    assert keys(t2.directing) == expect("Chủ tịch UBND thị xã")
    assert t2.output == "Kết luận kiểm tra"
    assert (t3.directing, t3.output) == ([], None)


def test_an_agency_line_standing_alone_over_plain_paragraphs_leads_them() -> None:
    """A Word copy that lost its list marks: "Phòng Tư pháp:" alone on its line, then plain paragraphs, then the next
    agency's line. Each agency leads the paragraphs under it, partners named in them support."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI thị xã Ba Đồn năm 2022\n\nIII. TỔ CHỨC THỰC HIỆN\n\nPhòng Tư pháp:\n\n"
            "Hướng dẫn các xã, phường kiện toàn tổ hòa giải ở cơ sở.\n\n"
            "Phối hợp với Trung tâm Văn hóa - Truyền thông thị xã phổ biến Luật Hòa giải ở cơ sở.\n\n"
            "Văn phòng HĐND và UBND thị xã:\n\nTổng hợp kết quả, báo cáo UBND tỉnh trước ngày 10/12/2022.\n")
    doc = parse(text)
    assert keys(find(doc, "Hướng dẫn các xã").lead) == expect("Phòng Tư pháp")
    t = find(doc, "Phối hợp với Trung tâm")
    assert keys(t.lead) == expect("Phòng Tư pháp")
    assert keys(t.support) == expect("Trung tâm Văn hóa - Truyền thông thị xã")
    assert keys(find(doc, "Tổng hợp kết quả").lead) == expect("Văn phòng HĐND và UBND thị xã")
    assert not any(x.text.startswith(("Phòng Tư pháp", "Văn phòng HĐND")) for x in doc.tasks)


def test_a_partner_named_after_the_lead_clause_carries_the_work_with_it() -> None:
    """ "X chủ trì, Y phối hợp <việc>" / "X chủ trì, Y cùng thực hiện <việc>": Y is a partner even though the work
    follows its cue; after a clause that names no lead ("Tổ chức hội nghị, Y phối hợp kiểm tra") Y is not read so.
    The commune's military command goes by "Quân sự xã / phường" (a name by itself)."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI phường Tân Lập năm 2024\n\nII. NHIỆM VỤ\n\n"
            "- Công chức Văn phòng - Thống kê chủ trì, Công chức Tư pháp - Hộ tịch phối hợp rà soát quy chế tiếp công dân.\n"
            "- Sở Y tế chủ trì, Sở Tài chính cùng tham gia kiểm tra việc thu phí khám bệnh.\n"
            "- Công an phường chủ trì, Quân sự phường phối hợp tuần tra các tổ dân phố.\n"
            "- Tổ chức hội nghị đối thoại với Nhân dân, Sở Tư pháp phối hợp kiểm tra sau hội nghị.\n")
    doc = parse(text)
    t = find(doc, "Công chức Văn phòng")
    assert keys(t.lead) == expect("Công chức Văn phòng - Thống kê")
    assert keys(t.support) == expect("Công chức Tư pháp - Hộ tịch")
    t = find(doc, "Sở Y tế")
    assert (keys(t.lead), keys(t.support)) == (expect("Sở Y tế"), expect("Sở Tài chính"))
    t = find(doc, "Công an phường")
    assert (keys(t.lead), keys(t.support)) == (expect("Công an phường"), expect("Quân sự phường"))
    assert find(doc, "Tổ chức hội nghị đối thoại").support == []


def test_two_leads_sharing_a_task_and_the_members_of_a_board() -> None:
    """ "X và Y đồng chủ trì", "…; X, Y cùng chủ trì." name two leads ("đồng"/"cùng" belong to no name); the members
    of a steering board ("Thành viên Ban Chỉ đạo cải cách hành chính huyện …") lead as that board's members."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI huyện Đức Cơ năm 2023\n\nII. NHIỆM VỤ\n\n"
            "- Phòng Tài chính - Kế hoạch và Phòng Kinh tế đồng chủ trì công khai danh mục dự án đầu tư công.\n"
            "- Rà soát quy trình cấp giấy chứng nhận quyền sử dụng đất; Văn phòng Đăng ký đất đai, Phòng Tài nguyên và Môi"
            " trường cùng chủ trì.\n"
            "- Thành viên Ban Chỉ đạo cải cách hành chính huyện theo dõi việc thực hiện ở các xã được phân công.\n")
    doc = parse(text)
    assert keys(find(doc, "Phòng Tài chính").lead) == expect("Phòng Tài chính - Kế hoạch", "Phòng Kinh tế")
    assert keys(find(doc, "Rà soát quy trình").lead) == expect("Văn phòng Đăng ký đất đai",
                                                               "Phòng Tài nguyên và Môi trường")
    assert keys(find(doc, "Thành viên Ban Chỉ đạo").lead) == expect("Thành viên Ban Chỉ đạo cải cách hành chính huyện")


def test_a_collective_of_heads_before_a_colon_shares_its_first_head() -> None:
    """ "Các sở, ngành: Y tế, Giáo dục và Đào tạo …" lists departments by their specialisation: each is a "Sở";
    a collective whose colon opens the action ("Các cơ quan, đơn vị: rà soát …") stays one collective."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh Kon Tum năm 2022\n\nII. NHIỆM VỤ\n\n"
            "- Các sở, ngành: Y tế, Giáo dục và Đào tạo công khai các khoản thu dịch vụ trên cổng thông tin.\n"
            "- Các cơ quan, đơn vị: rà soát thủ tục hành chính thuộc thẩm quyền.\n")
    doc = parse(text)
    assert keys(find(doc, "Các sở, ngành").lead) == expect("Sở Y tế", "Sở Giáo dục và Đào tạo")
    assert keys(find(doc, "Các cơ quan, đơn vị").lead) == expect("Các cơ quan, đơn vị")


def test_the_border_guard_and_a_broadcaster_by_their_work() -> None:
    """ "Bộ đội Biên phòng tỉnh" is a body; "biên tập" after a name is the work, not a name word."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh Lai Châu năm 2021\n\nII. NHIỆM VỤ\n\n"
            "- Công an xã phối hợp với Bộ đội Biên phòng tỉnh tuyên truyền pháp luật ở các bản biên giới.\n"
            "- Trung tâm Văn hóa - Thể thao và Truyền thông huyện biên tập tin bài bằng tiếng Thái.\n")
    doc = parse(text)
    assert keys(find(doc, "Công an xã").support) == expect("Bộ đội Biên phòng tỉnh")
    assert keys(find(doc, "Trung tâm Văn hóa").lead) == expect("Trung tâm Văn hóa - Thể thao và Truyền thông huyện")


def test_a_dash_in_the_output_column_is_no_product() -> None:
    """A task table's "Sản phẩm" cell holding only "-" (or "…") is empty; a real product stays."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Châu Thành năm 2024\n\nII. NHIỆM VỤ\n\n"
            "| TT | Nhiệm vụ | Chủ trì | Sản phẩm | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Niêm yết công khai dự toán ngân sách | UBND các xã | - | Quý I/2024 |\n"
            "| 2 | Tổ chức đối thoại với Nhân dân | UBND huyện | … | Quý II/2024 |\n"
            "| 3 | Kiểm tra công vụ tại bộ phận một cửa | Phòng Nội vụ | Báo cáo kết quả kiểm tra | Quý III/2024 |\n")
    doc = parse(text, "markdown")
    assert [(t.output, t.output_span) for t in doc.tasks[:2]] == [(None, None), (None, None)]
    t = doc.tasks[2]
    assert t.output == "Báo cáo kết quả kiểm tra" and t.output_span is not None


def test_a_sections_time_stays_beside_an_occasion_the_item_names() -> None:
    """ "Thời gian: Quý III/2024." written once under a sub-section frames its items; an item that names only an
    occasion ("… trước khi phê duyệt chủ trương đầu tư.") keeps both, one that names a date keeps its own."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI thị xã Hương Trà năm 2024\n\nII. NHIỆM VỤ\n\n"
            "1. Tham gia của người dân ở cấp cơ sở\n"
            "- Lấy ý kiến Nhân dân về các công trình hạ tầng ở tổ dân phố trước khi phê duyệt chủ trương đầu tư.\n"
            "- Hướng dẫn bầu tổ trưởng tổ dân phố, hoàn thành trước ngày 30/6/2024.\n"
            "Cơ quan chủ trì: Phòng Quản lý đô thị. Thời gian: Quý III/2024.\n")
    doc = parse(text)
    assert sorted(d.kind for d in find(doc, "Lấy ý kiến").deadlines) == ["event", "quarter"]
    assert [d.kind for d in find(doc, "Hướng dẫn bầu").deadlines] == ["by_date"]


def test_the_carrier_named_after_an_arrow_a_label_or_a_closing_sentence() -> None:
    """Items that name who does the work at their end: "→ X" (", phối hợp Y" after it supports), "… . Trách nhiệm:
    X", a field line "Đơn vị thực hiện: X" under the item with no full stop before it, "X chịu trách nhiệm thực hiện."
    closing the item. "có trách nhiệm" in a sentence is prose, and an arrow before a figure names no one."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Kim Bảng năm 2022\n\n## II. NHIỆM VỤ\n\n"
            "- Cập nhật thông tin tiếp công dân trên Cổng thông tin điện tử huyện → Văn phòng HĐND và UBND huyện\n"
            "- Rà soát, giải quyết đơn thư tồn đọng => Thanh tra huyện, phối hợp với Phòng Tư pháp\n"
            "- Tổ chức hội nghị đối thoại với Nhân dân ở các thôn. Trách nhiệm: Phòng Nội vụ\n"
            "- Niêm yết danh sách hộ nghèo tại nhà văn hóa các thôn\n  Đơn vị thực hiện: UBND các xã, thị trấn\n"
            "- Công khai dự toán ngân sách xã tại trụ sở. Công chức Tài chính - Kế toán chịu trách nhiệm thực hiện.\n"
            "- Nâng tỷ lệ hồ sơ nộp trực tuyến → 80% năm 2022.\n")
    doc = parse(text, "markdown")
    assert keys(find(doc, "Cập nhật thông tin").lead) == expect("Văn phòng HĐND và UBND huyện")
    t = find(doc, "Rà soát, giải quyết")
    assert (keys(t.lead), keys(t.support)) == (expect("Thanh tra huyện"), expect("Phòng Tư pháp"))
    assert keys(find(doc, "Tổ chức hội nghị").lead) == expect("Phòng Nội vụ")
    assert keys(find(doc, "Niêm yết danh sách").lead) == expect("UBND các xã, thị trấn")
    assert keys(find(doc, "Công khai dự toán").lead) == expect("Công chức Tài chính - Kế toán")
    assert find(doc, "Nâng tỷ lệ").lead == []


def test_fields_after_a_lettered_enumeration_serve_every_step() -> None:
    """ "… gồm: a) …; b) …; c) … ." then "Người thực hiện: X; phối hợp: Y." and "Kết quả: Z": the steps are one
    enumeration (each but the last closes on ";"), so the lines after it are the fields of all its steps.
    Lettered items that end on "." each keep their own lines."""
    text = ("KẾ HOẠCH\nPAPI phường năm 2025\n\nII. NHIỆM VỤ\n1. Dịch vụ công trực tuyến\n"
            "Nâng cao tỷ lệ hồ sơ trực tuyến tại phường, gồm:\n"
            "a) Hướng dẫn người dân tạo tài khoản định danh điện tử mức độ 2, xong trong quý I/2025;\n"
            "b) Bố trí cán bộ hỗ trợ người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa;\n"
            "c) Công khai số điện thoại đường dây nóng tiếp nhận phản ánh của người dân.\n"
            "Người thực hiện: Công an phường; phối hợp: Đoàn Thanh niên phường.\n"
            "Kết quả: Báo cáo kết quả hỗ trợ.\n\n"
            "2. Kiểm soát tham nhũng\n"
            "a) Công khai các khoản thu của trường học trên địa bàn phường.\n"
            "b) Tuyên truyền quy định về phòng, chống tham nhũng đến cán bộ phường.\n"
            "Người thực hiện: Công chức Tư pháp - Hộ tịch.\n")
    doc = parse(text)
    steps = [find(doc, s) for s in ("Hướng dẫn người dân", "Bố trí cán bộ", "Công khai số điện thoại")]
    for t in steps:
        assert keys(t.lead) == expect("Công an phường")
        assert keys(t.support) == expect("Đoàn Thanh niên phường")
        assert (t.output or "").rstrip(".") == "Báo cáo kết quả hỗ trợ"
    assert keys(find(doc, "Công khai các khoản thu").lead) == set()
    assert keys(find(doc, "Tuyên truyền quy định").lead) == expect("Công chức Tư pháp - Hộ tịch")


def test_a_table_cell_of_lettered_steps_holds_one_task_per_step() -> None:
    """ "a) Rà soát …;<br>b) Tập huấn …" in the task cell: each lettered step is a task with its own letter and the row's
    agencies and output; a time cell lettered the same way ("a) Tháng 3/2024;<br>b) Quý III/2024") gives each step
    its own line, an unlettered one every step the same time. Letters out of sequence are one task."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI thị xã Ba Đồn năm 2024\n\nII. NHIỆM VỤ\n\n"
            "| TT | Nội dung | Chủ trì | Thời gian | Sản phẩm |\n|---|---|---|---|---|\n"
            "| 1 | a) Kiện toàn Tổ hòa giải ở các tổ dân phố;<br>b) Bồi dưỡng kỹ năng hòa giải cho hòa giải viên | "
            "Phòng Tư pháp | a) Tháng 3/2024;<br>b) Quý III/2024 | Quyết định kiện toàn |\n"
            "| 2 | a) Niêm yết thủ tục hành chính tại Bộ phận Một cửa;<br>b) Khảo sát sự hài lòng của người dân | "
            "Văn phòng HĐND và UBND thị xã | Quý II/2024 | Báo cáo |\n"
            "| 3 | b) Công khai quy hoạch sử dụng đất;<br>c) Lấy ý kiến Nhân dân về quy hoạch | Phòng Tài nguyên và "
            "Môi trường | Năm 2024 | |\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [(t.label, " ".join(t.text.split()[:2]), keys(t.lead), [(d.kind, d.end) for d in t.deadlines])
           for t in doc.tasks]
    assert got == [
        ("a", "Kiện toàn", expect("Phòng Tư pháp"), [("month", "2024-03-31")]),
        ("b", "Bồi dưỡng", expect("Phòng Tư pháp"), [("quarter", "2024-09-30")]),
        ("a", "Niêm yết", expect("Văn phòng HĐND và UBND thị xã"), [("quarter", "2024-06-30")]),
        ("b", "Khảo sát", expect("Văn phòng HĐND và UBND thị xã"), [("quarter", "2024-06-30")]),
        ("3", "b) Công", expect("Phòng Tài nguyên và Môi trường"), [("year", "2024-12-31")]),
    ]
    assert [t.output for t in doc.tasks[:2]] == ["Quyết định kiện toàn"] * 2


def test_an_empty_time_field_takes_the_bullets_under_it() -> None:
    """ "Thời gian:" left empty, then "- Quý II: …" / "- Quý IV: …": the bullets are the item's times (not tasks), as
    "Sản phẩm:" over bullets is its outputs. Bullets under a task's lead-in stay tasks."""
    text = ("KẾ HOẠCH\nPAPI xã Tân Lập năm 2023\n\nII. NHIỆM VỤ\n1. Công khai, minh bạch\n"
            "- Lấy ý kiến Nhân dân về phương án xây dựng nhà văn hóa các thôn.\n"
            "Người thực hiện: Công chức Địa chính - Xây dựng.\n"
            "Thời gian thực hiện:\n"
            "- Quý II: xây dựng phương án;\n"
            "- Quý IV: công khai kết quả lấy ý kiến.\n"
            "- Công khai các khoản đóng góp của Nhân dân tại nhà văn hóa thôn.\n"
            "Người thực hiện: Công chức Tài chính - Kế toán.\n"
            "Thời gian thực hiện: Tháng 7/2023.\n")
    doc = parse(text)
    assert [" ".join(t.text.split()[:2]) for t in doc.tasks] == ["Lấy ý", "Công khai"]
    first = doc.tasks[0]
    assert keys(first.lead) == expect("Công chức Địa chính - Xây dựng")
    assert [(d.kind, d.end) for d in first.deadlines] == [("quarter", "2023-06-30"), ("quarter", "2023-12-31")]
    assert [(d.kind, d.end) for d in doc.tasks[1].deadlines] == [("month", "2023-07-31")]


def test_a_numbered_sentence_announcing_its_steps_is_no_heading_and_its_subject_leads_them() -> None:
    """ "3.2. Phòng Văn hóa - Thông tin hướng dẫn các xã tổ chức … theo các bước sau:" over "a) …", "b) …" (or "- …")
    is a long numbered sentence announcing its items: no section, and its subject leads the items, lettered ones
    included (letters rank below numbers). A short numbered title over its items stays a heading."""
    text = ("KẾ HOẠCH\nPAPI tỉnh Quảng Trị năm 2023\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Tham gia của người dân ở cấp cơ sở\n"
            "1.1. Phòng chuyên môn:\n- Sở Nội vụ hướng dẫn bầu cử trưởng thôn, tổ trưởng tổ dân phố.\n"
            "1.2. Sở Thông tin và Truyền thông chủ động phối hợp với các cơ quan báo chí của tỉnh tuyên truyền về quyền "
            "tham gia của người dân theo các bước sau:\n"
            "a) Xây dựng chuyên mục về dân chủ ở cơ sở trên Cổng thông tin điện tử tỉnh;\n\n"
            "b) Phát sóng phóng sự về mô hình dân vận khéo trên Đài Phát thanh - Truyền hình tỉnh.\n"
            "1.3. UBND các huyện, thị xã, thành phố chỉ đạo UBND cấp xã công khai đầy đủ các nội dung sau, hoàn thành "
            "trong quý III/2023:\n"
            "- Danh sách hộ nghèo được hỗ trợ tiền điện;\n- Kế hoạch sử dụng đất cấp xã.\n")
    doc = parse(text)
    assert [s.label for s in doc.sections if s.label and s.label.startswith("1.")] == ["1.1"]
    for opening in ("Xây dựng chuyên mục", "Phát sóng phóng sự"):
        assert keys(find(doc, opening).lead) == expect("Sở Thông tin và Truyền thông")
    for opening in ("Danh sách hộ nghèo", "Kế hoạch sử dụng đất"):
        assert keys(find(doc, opening).lead) == expect("UBND các huyện, thị xã, thành phố")


def test_a_legend_of_short_forms_names_the_bodies_a_table_abbreviates() -> None:
    """ "Chữ viết tắt: TTr: Thanh tra huyện; PNV: Phòng Nội vụ; …" above a table whose cells say "PNV": the agency keeps
    its raw short form and takes the legend's name (the dataset counts it with the body written out), and an
    organisation duty "PNV: …" opens on an agency. Without a legend a short form stays as written."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Lục Ngạn năm 2023\n\nII. NHIỆM VỤ\n\n"
            "Các chữ viết tắt trong bảng: PNV: Phòng Nội vụ; TTr: Thanh tra huyện; PTP: Phòng Tư pháp.\n\n"
            "| TT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Hướng dẫn bầu cử trưởng thôn bảo đảm dân chủ | PNV | PTP | Quý II/2023 |\n"
            "| 2 | Tiếp công dân định kỳ tại trụ sở | TTr | BQLDA | Hằng tháng |\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n"
            "1. PNV: Là cơ quan thường trực, theo dõi, tổng hợp kết quả thực hiện Kế hoạch, báo cáo UBND huyện.\n")
    doc = parse(text)
    first, second, duty = doc.tasks
    assert [(a.raw, a.name) for a in first.lead] == [("PNV", "Phòng Nội vụ")]
    assert [(a.raw, a.name) for a in first.support] == [("PTP", "Phòng Tư pháp")]
    assert [(a.raw, a.name) for a in second.support] == [("BQLDA", "BQLDA")]
    assert [(a.raw, a.name) for a in duty.lead] == [("PNV", "Phòng Nội vụ")]


def test_tasks_grouped_by_solution_take_their_dimension_from_notes_and_impact_columns() -> None:
    """Groups named by the kind of solution name no dimension: a closing "(phục vụ CSND 3, 5)" gives the task the
    first dimension it names (over a group heading that happens to name another), and a "Chỉ số tác động" column
    ("CSND 1, 4", "CSND 6 - nội dung thành phần 6.4") gives each row its dimension and sub-dimension; the column's
    cells are indicator mentions, one per dimension named."""
    prose = ("KẾ HOẠCH\nPAPI huyện Như Thanh năm 2024\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
             "1. Nhóm giải pháp về tuyên truyền\n"
             "- Phòng Văn hóa và Thông tin mở chuyên mục PAPI trên trang thông tin điện tử huyện (phục vụ CSND 3, 5).\n"
             "2. Nhóm giải pháp về cải cách thủ tục hành chính\n"
             "- Văn phòng HĐND và UBND huyện cập nhật dịch vụ công trực tuyến trên Cổng thông tin điện tử huyện "
             "(góp phần cải thiện Chỉ số nội dung 8 - Quản trị điện tử).\n")
    doc = parse(prose)
    assert [(t.dimension, t.subdimension) for t in doc.tasks] == [(3, None), (8, None)]
    table = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI xã Tam Giang năm 2023\n\nII. NHIỆM VỤ\n\n"
             "| TT | Nhóm giải pháp | Nội dung nhiệm vụ | Chỉ số tác động | Chủ trì |\n|---|---|---|---|---|\n"
             "| 1 | Tuyên truyền | Vận động Nhân dân giám sát công trình xây dựng cơ bản | CSND 1, 4 | Ủy ban MTTQ xã |\n"
             "| 2 | An ninh | Tuần tra bảo đảm an ninh, trật tự tại các ấp | CSND 6 - nội dung thành phần 6.4 | "
             "Công an xã |\n\n"
             "III. TỔ CHỨC THỰC HIỆN\n")
    tdoc = parse(table)
    assert [(t.dimension, t.subdimension) for t in tdoc.tasks] == [(1, None), (6, "6.4")]
    assert sorted((i.dimension, i.subdimension) for i in tdoc.indicators) == [(1, None), (4, None), (6, "6.4")]


def test_items_enumerated_in_a_paragraph_by_small_numerals_letters_and_ordinal_sentences() -> None:
    """Inline lists numbered "(i) …; (ii) …" (prose, labels "i", "ii") or lettered "a/ …; b/ …" (list, labels "a",
    "b") after a lead-in are one task per item, led by the lead-in's subject; a paragraph of ordinal sentences
    ("Thứ nhất, X …. Thứ hai, Y ….") is one task per sentence, each with its own subject."""
    text = ("KẾ HOẠCH\nPAPI tỉnh Phú Yên năm 2024\n\nII. NHIỆM VỤ\n1. Công khai, minh bạch\n"
            "Sở Tài chính chủ trì thực hiện các nội dung sau: (i) hướng dẫn công khai dự toán ngân sách cấp xã; "
            "(ii) kiểm tra việc công khai quyết toán ngân sách tại các huyện.\n"
            "2. Thủ tục hành chính công\n"
            "Văn phòng UBND tỉnh thực hiện: a/ rà soát thủ tục hành chính trên Cổng Dịch vụ công; b/ công khai kết quả "
            "giải quyết hồ sơ hằng tháng.\n"
            "3. Kiểm soát tham nhũng\n"
            "Thứ nhất, Thanh tra tỉnh kiểm tra việc kê khai tài sản, thu nhập trong quý III/2024. Thứ hai, Sở Nội vụ "
            "công khai kết quả tuyển dụng công chức trên Cổng thông tin điện tử tỉnh.\n")
    doc = parse(text)
    got = [(t.label, t.origin, " ".join(t.text.split()[:2]), sorted(keys(t.lead))) for t in doc.tasks]
    assert got == [
        ("i", "prose", "hướng dẫn", sorted(expect("Sở Tài chính"))),
        ("ii", "prose", "kiểm tra", sorted(expect("Sở Tài chính"))),
        ("a", "list", "rà soát", sorted(expect("Văn phòng UBND tỉnh"))),
        ("b", "list", "công khai", sorted(expect("Văn phòng UBND tỉnh"))),
        (None, "prose", "Thanh tra", sorted(expect("Thanh tra tỉnh"))),
        (None, "prose", "Sở Nội", sorted(expect("Sở Nội vụ"))),
    ]


def test_a_two_row_header_with_start_and_end_time_columns() -> None:
    """A header over two lines ("Cơ quan thực hiện" over "Chủ trì | Phối hợp", "Thời gian" over "Bắt đầu | Hoàn thành",
    "Kết quả" over "Sản phẩm | Chỉ tiêu"): the second line names the columns; each time cell gives its own records
    (a month and a quarter, two dates), and the "Chỉ tiêu" cell is no output."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh Gia Lai năm 2025\n\nII. NHIỆM VỤ\n\n"
            "TT\tNội dung\tCơ quan thực hiện\t\tThời gian\t\tKết quả\t\n"
            "\t\tChủ trì\tPhối hợp\tBắt đầu\tHoàn thành\tSản phẩm\tChỉ tiêu\n"
            "1\tHướng dẫn bầu cử trưởng thôn, làng bảo đảm dân chủ\tSở Nội vụ\tUBND các huyện\tTháng 3/2025\t"
            "Quý III/2025\tBáo cáo kết quả\t100% số thôn\n"
            "2\tKhảo sát sự hài lòng của người dân\tTrung tâm Phục vụ hành chính công tỉnh\tSở Khoa học và Công nghệ\t"
            "01/6/2025\t30/11/2025\tBáo cáo khảo sát\tTrên 85%\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [(keys(t.lead), keys(t.support), [(d.kind, d.end) for d in t.deadlines], t.output) for t in doc.tasks]
    assert got == [
        (expect("Sở Nội vụ"), expect("UBND các huyện"), [("month", "2025-03-31"), ("quarter", "2025-09-30")],
         "Báo cáo kết quả"),
        (expect("Trung tâm Phục vụ hành chính công tỉnh"), expect("Sở Khoa học và Công nghệ"),
         [("date", "2025-06-01"), ("date", "2025-11-30")], "Báo cáo khảo sát"),
    ]


def test_a_sub_group_row_repeated_over_every_column_is_no_continuation() -> None:
    """A merged sub-group cell that the export repeated over the row ("| | *Nội dung thành phần 6.4* | *Nội dung thành
    phần 6.4* | …", no number) names the sub-dimension of the rows below; it is not the task above it going on."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh Kon Tum năm 2024\n\nII. NHIỆM VỤ\n\n"
            "| TT | Nhiệm vụ | Chủ trì | Thời gian |\n|---|---|---|---|\n"
            "| **VI** | **Cung ứng dịch vụ công** | **Cung ứng dịch vụ công** | **Cung ứng dịch vụ công** |\n"
            "| 1 | Nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã | Sở Y tế | Thường xuyên |\n"
            "| | *An ninh, trật tự khu dân cư* | *An ninh, trật tự khu dân cư* | *An ninh, trật tự khu dân cư* |\n"
            "| 2 | Tuần tra bảo đảm an ninh tại các làng | Công an tỉnh | Quý III/2024 |\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n")
    doc = parse(text)
    got = [(t.label, t.text, t.dimension, t.subdimension, [d.raw for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        ("1", "Nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã", 6, None, ["Thường xuyên"]),
        ("2", "Tuần tra bảo đảm an ninh tại các làng", 6, "6.4", ["Quý III/2024"]),
    ]


def test_tasks_answering_the_survey_questions() -> None:
    """ "Đối với tiêu chí “…” (giảm 3,2%), X …" and "Đối với câu hỏi về công khai thu, chi …, X …": the agency after the
    fronted topic leads (at the first of its commas an agency follows); "Nhóm câu hỏi về <dimension>" names the
    dimension, also as a Roman group row whose name stands in a column before the task's ("| **II** | **Nhóm câu hỏi
    về …** | | |")."""
    prose = ("KẾ HOẠCH\nPAPI tỉnh Bắc Kạn năm 2024\n\nII. NHIỆM VỤ\n1. Nhóm câu hỏi về thủ tục hành chính công\n"
             "a) Đối với tiêu chí “Tỷ lệ người dân phải đi lại nhiều lần” (tăng 2,1%), Sở Tư pháp hướng dẫn chứng thực "
             "một lần tại Bộ phận Một cửa cấp xã.\n"
             "b) Đối với câu hỏi về phí, lệ phí chứng thực, UBND các huyện niêm yết công khai mức thu.\n")
    doc = parse(prose)
    assert [(sorted(keys(t.lead)), t.dimension) for t in doc.tasks] == [
        (sorted(expect("Sở Tư pháp")), 5), (sorted(expect("UBND các huyện")), 5)]
    table = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Chợ Mới năm 2024\n\nII. NHIỆM VỤ\n\n"
             "| TT | Câu hỏi khảo sát | Kết quả năm trước | Giải pháp | Đơn vị chủ trì |\n|---|---|---|---|---|\n"
             "| **I** | **Nhóm câu hỏi về kiểm soát tham nhũng trong khu vực công** | | | |\n"
             "| 1 | d507 - Phải chi thêm tiền khi xin việc | 12,4% | Công khai kết quả tuyển dụng viên chức | Phòng Nội vụ |\n\n"
             "III. TỔ CHỨC THỰC HIỆN\n")
    tdoc = parse(table)
    assert [(t.text, t.dimension) for t in tdoc.tasks] == [("Công khai kết quả tuyển dụng viên chức", 4)]
    assert [(i.dimension, i.subdimension) for i in tdoc.indicators] == [(4, None)]


def test_an_amending_plans_table_and_kept_clause() -> None:
    """An amending plan's table "Nhiệm vụ | Nội dung cũ | Nội dung điều chỉnh": the task is the "Nhiệm vụ" cell, its
    agencies and time come from the new content only; the closing "Các nội dung khác của Kế hoạch số … không sửa đổi
    … giữ nguyên hiệu lực" and a time changed by pointing at an old item are no tasks."""
    text = ("KẾ HOẠCH\n\nĐiều chỉnh Kế hoạch số 88/KH-UBND về nâng cao Chỉ số PAPI huyện Yên Thế năm 2024\n\n"
            "II. NỘI DUNG ĐIỀU CHỈNH\n\n"
            "| TT | Nhiệm vụ | Nội dung cũ | Nội dung điều chỉnh |\n|---|---|---|---|\n"
            "| 1 | Tổ chức đối thoại giữa Chủ tịch UBND huyện với Nhân dân | Chủ trì: Phòng Nội vụ; thời gian: Quý II/2024 "
            "| Chủ trì: Thanh tra huyện; thời gian: Quý IV/2024 |\n\n"
            "2. Sửa đổi thời gian thực hiện nhiệm vụ tại điểm 2.1, mục II thành: Tháng 11/2024.\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n"
            "1. Các nội dung khác của Kế hoạch số 88/KH-UBND không sửa đổi tại Kế hoạch này giữ nguyên hiệu lực.\n")
    doc = parse(text)
    assert [(t.text, sorted(keys(t.lead)), [(d.kind, d.end) for d in t.deadlines]) for t in doc.tasks] == [
        ("Tổ chức đối thoại giữa Chủ tịch UBND huyện với Nhân dân", sorted(expect("Thanh tra huyện")),
         [("quarter", "2024-12-31")]),
    ]


def test_tasks_addressed_verb_first_yeu_cau_and_a_lead_marked_chu_tri() -> None:
    """ "Yêu cầu X:" over lettered items (a line of its own, or the items inline "a) …; b) …") addresses X: it leads
    them ("yêu cầu" is no topic there); in "Giao X (chủ trì), Y <verb> …" the names after the marked lead support."""
    text = ("KẾ HOẠCH\nPAPI tỉnh Gia Lai năm 2024\n\nII. NHIỆM VỤ\n1. Trách nhiệm giải trình\n"
            "Yêu cầu Giám đốc Sở Tư pháp:\n"
            "a) Kiện toàn đội ngũ hòa giải viên ở cơ sở trong quý II/2024;\n"
            "b) Tập huấn kỹ năng hòa giải cho tổ hòa giải các thôn, làng.\n"
            "2. Kiểm soát tham nhũng\n"
            "- Yêu cầu Chánh Thanh tra tỉnh: a) kiểm tra việc kê khai tài sản tại 05 sở; b) công khai kết luận "
            "thanh tra trên Cổng thông tin điện tử tỉnh.\n"
            "- Giao Sở Nội vụ (chủ trì), Công an tỉnh kiểm tra công vụ tại bộ phận một cửa các cấp; hằng quý.\n")
    doc = parse(text)
    got = [(t.label, " ".join(t.text.split()[:2]), sorted(keys(t.lead)), sorted(keys(t.support))) for t in doc.tasks]
    assert got == [
        ("a", "Kiện toàn", sorted(expect("Giám đốc Sở Tư pháp")), []),
        ("b", "Tập huấn", sorted(expect("Giám đốc Sở Tư pháp")), []),
        ("a", "kiểm tra", sorted(expect("Chánh Thanh tra tỉnh")), []),
        ("b", "công khai", sorted(expect("Chánh Thanh tra tỉnh")), []),
        (None, "Giao Sở", sorted(expect("Sở Nội vụ")), sorted(expect("Công an tỉnh"))),
    ]


def test_symbol_marked_items_with_arrow_field_lines_and_a_clause_over_items() -> None:
    """Items marked "➤"/"◦" with their fields on arrow lines ("→ Chủ trì: …", "=> Sản phẩm: …", typed in ASCII too)
    under a heading wrapped in emphasis with a pictograph ("**❖ 3. …**"); a header line that is a clause ("Công chức
    Tư pháp - Hộ tịch rà soát tại Bộ phận một cửa xã và nhà văn hóa thôn, xong trước ngày 15/8/2024:") gives its
    subject, not a list the splitter made of it, to the items under it."""
    text = ("KẾ HOẠCH\nPAPI huyện Ea Súp năm 2024\n\nII. NHIỆM VỤ\n\n"
            "**❖ 3. Kiểm soát tham nhũng trong khu vực công**\n\n"
            "➤ Công khai bản kê khai tài sản, thu nhập của người có nghĩa vụ kê khai.  \n"
            "→ Chủ trì: Thanh tra huyện.  \n"
            "=> Sản phẩm: Danh sách công khai.\n\n"
            "**❖ 5. Thủ tục hành chính công**\n\n"
            "- Công chức Tư pháp - Hộ tịch rà soát tại Bộ phận một cửa xã và nhà văn hóa thôn, xong trước ngày "
            "15/8/2024:\n"
            "  + Thủ tục chứng thực bản sao;\n"
            "  + Thủ tục đăng ký khai sinh.\n")
    doc = parse(text, fmt="markdown")
    got = [(" ".join(t.text.split()[:3]), t.dimension, sorted(keys(t.lead)), t.output) for t in doc.tasks]
    assert got == [
        ("Công khai bản", 4, sorted(expect("Thanh tra huyện")), "Danh sách công khai."),
        ("Thủ tục chứng", 5, sorted(expect("Công chức Tư pháp - Hộ tịch")), None),
        ("Thủ tục đăng", 5, sorted(expect("Công chức Tư pháp - Hộ tịch")), None),
    ]


def test_parts_named_by_their_carrier_go_through_the_dimensions_again() -> None:
    """ "A. NHIỆM VỤ CỦA …" / "B. NHIỆM VỤ CỦA …" inside a Roman section are a tier between it and the numbered
    dimension headings (levels 2 and 3); the carrier the part heading names leads its tasks that name no subject of
    their own, through its sub-headings ("Trách nhiệm của X" too); a task naming its subject keeps it."""
    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện Tam Nông năm 2024\n\n"
            "II. NHIỆM VỤ, GIẢI PHÁP\n\n"
            "A. NHIỆM VỤ CỦA CÁC PHÒNG, BAN CHUYÊN MÔN THUỘC UBND HUYỆN\n\n"
            "1. Tham gia của người dân ở cấp cơ sở\n"
            "- Hướng dẫn các xã tổ chức bầu trưởng ấp đúng quy trình; quý II/2024.\n"
            "2. Kiểm soát tham nhũng trong khu vực công\n"
            "- Thanh tra huyện kiểm tra việc kê khai tài sản, thu nhập; quý III/2024.\n\n"
            "B. NHIỆM VỤ CỦA UBND CÁC XÃ, THỊ TRẤN\n\n"
            "1. Tham gia của người dân ở cấp cơ sở\n"
            "- Niêm yết công khai danh sách hộ nghèo tại nhà văn hóa ấp; thường xuyên.\n\n"
            "III. TỔ CHỨC THỰC HIỆN\n"
            "1. Trách nhiệm của Phòng Nội vụ\n"
            "- Theo dõi, tổng hợp kết quả thực hiện Kế hoạch; báo cáo UBND huyện trước ngày 15/12/2024.\n")
    doc = parse(text)
    secs = [(s.label, s.level) for s in doc.sections if s.label in ("II", "A", "B", "1", "2")]
    assert secs[:6] == [("II", 1), ("A", 2), ("1", 3), ("2", 3), ("B", 2), ("1", 3)]
    got = [(" ".join(t.text.split()[:2]), t.dimension, sorted(keys(t.lead))) for t in doc.tasks]
    assert got == [
        ("Hướng dẫn", 1, sorted(expect("Các phòng, ban chuyên môn thuộc UBND huyện"))),
        ("Thanh tra", 4, sorted(expect("Thanh tra huyện"))),
        ("Niêm yết", 1, sorted(expect("UBND các xã, thị trấn"))),
        ("Theo dõi,", None, sorted(expect("Phòng Nội vụ"))),
    ]


def test_members_of_a_board_listed_by_role_are_no_tasks() -> None:
    """ "- Trưởng ban: Đ/c …, Chủ tịch UBND huyện;", "- Ủy viên: …", "- Đ/c … - Công chức …, thư ký." list who sits on a
    board; "- Trưởng bản: vận động …" (a hamlet's head, not a board's) carries a task."""
    text = ("KẾ HOẠCH\nPAPI huyện Mường Lát năm 2023\n\nIII. TỔ CHỨC THỰC HIỆN\n"
            "1. Thành lập Ban chỉ đạo cải thiện Chỉ số PAPI huyện, gồm:\n"
            "- Trưởng ban: Đ/c Hà Văn Lâm, Chủ tịch UBND huyện;\n"
            "- Ủy viên: Trưởng các phòng chuyên môn thuộc UBND huyện;\n"
            "- Đ/c Lường Thị Nga - Chuyên viên Phòng Nội vụ, thư ký.\n"
            "2. Các xã:\n"
            "- Trưởng bản: vận động Nhân dân tham gia giám sát đầu tư của cộng đồng; thường xuyên.\n")
    doc = parse(text)
    assert [" ".join(t.text.split()[:3]) for t in doc.tasks] == ["Trưởng bản: vận"]


def test_hastily_typed_fields_quarters_and_capitals() -> None:
    """ "T.Gian: Quy 4/2024" (a shortened field, a quarter without its tone mark), "Đ.vị thực hiện: UB xã" (a shortened
    field, "UB" for the People's Committee) are the item's fields; a task line typed in capitals stops its subject at
    its verb ("PHÒNG NỘI VỤ HƯỚNG DẪN …")."""
    text = ("KẾ HOẠCH\nPAPI huyện Mường Nhé năm 2024\n\nII. NHIỆM VỤ\n1. Tham gia của người dân ở cấp cơ sở\n"
            "- Tuyên truyền Luật Thực hiện dân chủ ở cơ sở tới các bản.\n"
            "Đ.vị thực hiện: UB xã; phối hợp: Hội Nông dân xã.\n"
            "T.Gian: Quy 4/2024.\n"
            "- PHÒNG NỘI VỤ HƯỚNG DẪN CÁC XÃ BẦU TRƯỞNG BẢN ĐÚNG QUY TRÌNH; QUÝ III/2024.\n")
    doc = parse(text)
    got = [(" ".join(t.text.split()[:2]), [a.name for a in t.lead], [a.name for a in t.support],
            [(d.kind, d.end) for d in t.deadlines]) for t in doc.tasks]
    assert got == [
        ("Tuyên truyền", ["Ủy ban nhân dân xã"], ["Hội Nông dân xã"], [("quarter", "2024-12-31")]),
        ("PHÒNG NỘI", ["Phòng Nội vụ"], [], [("quarter", "2024-09-30")]),
    ]


def test_a_space_aligned_task_table_with_a_shortened_time_column_ends_before_the_next_section() -> None:
    """ "T.Gian" heads the time column of a table typed with spaces; "5. CUNG ỨNG DỊCH VỤ CÔNG" alone after a blank
    line, with no table row after it, is the next section (its sub-heading and items are no rows)."""
    text = ("KẾ HOẠCH\nPAPI tỉnh Lai Châu năm 2024\n\nII. NHIỆM VỤ\n4. THỦ TỤC HÀNH CHÍNH CÔNG\n\n"
            "TT  Nội dung nhiệm vụ                               Chủ trì           T.Gian\n"
            "1   Rà soát thủ tục hành chính cấp xã                Sở Tư pháp        Quý 2/2024\n"
            "2   Số hóa hồ sơ tại Bộ phận một cửa                 Sở Nội vụ         Thường xuyên\n\n"
            "5. CUNG ỨNG DỊCH VỤ CÔNG\n"
            "a) Giáo dục tiểu học công lập\n"
            "- Sở Giáo dục và Đào tạo sửa chữa phòng học xuống cấp; quý III/2024.\n")
    doc = parse(text)
    got = [(t.label, t.dimension, t.subdimension, [d.kind for d in t.deadlines]) for t in doc.tasks]
    assert got == [("1", 5, None, ["quarter"]), ("2", 5, None, ["continuous"]), (None, 6, "6.2", ["quarter"])]
    assert [s.label for s in doc.sections if s.label in ("5", "a")] == ["5", "a"]


def test_a_diagnosis_before_the_solutions_is_no_task() -> None:
    """Under "II. HẠN CHẾ VÀ GIẢI PHÁP" (a tasks section: its solutions are in it): a "Tồn tại:" paragraph and the
    bullets after it say what was found, no tasks, until "Giải pháp:"; a sub-heading "b) Nguyên nhân" is an analysis."""
    text = ("KẾ HOẠCH\nPAPI huyện Cái Nước năm 2024\n\nII. HẠN CHẾ VÀ GIẢI PHÁP\n"
            "1. Kiểm soát tham nhũng trong khu vực công\n\n"
            "Tồn tại:\n"
            "- Phòng Nội vụ chậm công khai kết quả tuyển dụng viên chức.\n"
            "- Chưa kiểm tra thường xuyên việc thu các khoản đóng góp.\n\n"
            "Giải pháp:\n"
            "- Phòng Nội vụ công khai kết quả tuyển dụng trên trang thông tin điện tử huyện; quý III/2024.\n"
            "2. Thủ tục hành chính công\n"
            "a) Thực trạng\n"
            "Tỷ lệ người dân hài lòng với thủ tục chứng thực chỉ đạt 61,2%.\n"
            "b) Nguyên nhân\n"
            "- Bộ phận một cửa xã thiếu công chức có chuyên môn.\n"
            "c) Giải pháp\n"
            "- UBND các xã bố trí công chức có chuyên môn tại bộ phận một cửa; quý IV/2024.\n")
    doc = parse(text)
    assert [" ".join(t.text.split()[:4]) for t in doc.tasks] == ["Phòng Nội vụ công", "UBND các xã bố"]
    assert [(s.label, s.kind) for s in doc.sections if s.label in ("II", "b")] == [("II", "tasks"), ("b", "limitations")]


def test_money_statements_and_a_partner_that_returns_results() -> None:
    """ "Tổng kinh phí thực hiện Kế hoạch là 920 triệu đồng …" states the money, no task; "… phối hợp với Bưu điện
    huyện trả kết quả …": the partner is the post office, "trả kết quả" its verb."""
    text = ("KẾ HOẠCH\nPAPI huyện Lộc Ninh năm 2024\n\nII. NHIỆM VỤ\n1. Thủ tục hành chính công\n"
            "- Văn phòng HĐND và UBND huyện phối hợp với Bưu điện huyện trả kết quả giải quyết thủ tục hành chính tại "
            "nhà cho người cao tuổi; thường xuyên.\n\n"
            "III. KINH PHÍ THỰC HIỆN\n"
            "Tổng kinh phí thực hiện Kế hoạch là 920 triệu đồng, từ ngân sách huyện năm 2024.\n")
    doc = parse(text)
    assert [(" ".join(t.text.split()[:3]), [a.raw for a in t.support]) for t in doc.tasks] == [
        ("Văn phòng HĐND", ["Bưu điện huyện"])]


def test_an_organisation_line_that_assigns_tasks_by_their_numbers_in_words() -> None:
    """ "- Phòng Nội vụ chủ trì các nhiệm vụ tại điểm 1.1, 2.2 Mục II; Phòng Tư pháp phối hợp." and "… chủ trì nhiệm vụ
    tại điểm 2.1 Mục II và phối hợp thực hiện nhiệm vụ tại điểm 1.1 Mục II": no tasks of their own; they lead the tasks
    they number that name no lead, and their partners support them."""
    text = ("KẾ HOẠCH\nPAPI huyện Tân Biên năm 2024\n\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Tham gia của người dân ở cấp cơ sở\n"
            "1.1. Hướng dẫn bầu trưởng ấp đúng quy trình; quý II/2024.\n"
            "2. Công khai, minh bạch\n"
            "2.1. Công khai kế hoạch sử dụng đất tại trụ sở UBND các xã; quý III/2024.\n"
            "2.2. Thanh tra huyện kiểm tra việc công khai thu, chi ngân sách xã; quý IV/2024.\n"
            "III. TỔ CHỨC THỰC HIỆN\n"
            "- Phòng Nội vụ chủ trì các nhiệm vụ tại điểm 1.1, 2.2 Mục II; Phòng Tư pháp phối hợp.\n"
            "- Phòng Tài nguyên và Môi trường chủ trì nhiệm vụ tại điểm 2.1 Mục II và phối hợp thực hiện nhiệm vụ tại "
            "điểm 1.1 Mục II.\n")
    doc = parse(text)
    got = [(t.label, sorted(keys(t.lead)), sorted(keys(t.support))) for t in doc.tasks]
    assert got == [
        ("1.1", sorted(expect("Phòng Nội vụ")), sorted(expect("Phòng Tư pháp", "Phòng Tài nguyên và Môi trường"))),
        ("2.1", sorted(expect("Phòng Tài nguyên và Môi trường")), []),
        ("2.2", sorted(expect("Thanh tra huyện")), sorted(expect("Phòng Tư pháp"))),
    ]


SEMICOLON_PLAN = """ỦY BAN NHÂN DÂN HUYỆN CẨM XUYÊN
Số: 88/KH-UBND
KẾ HOẠCH
Nâng cao Chỉ số PAPI năm 2025

II. NHIỆM VỤ CỤ THỂ

Bảng dưới đây được sao từ sổ theo dõi của Văn phòng (tệp Excel, phân cách bằng dấu chấm phẩy):

Số TT;Nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn
I;Kiểm soát tham nhũng trong khu vực công;;;
1;"Kiểm tra việc kê khai tài sản, thu nhập;
công khai bản kê khai tại trụ sở";Thanh tra huyện;"Phòng Nội vụ; UBND các xã";2025-09-15
2;Rà soát thủ tục cấp giấy chứng nhận quyền sử dụng đất;Phòng Tài nguyên và Môi trường;;Từ 01/7/2025

III. TỔ CHỨC THỰC HIỆN
Phòng Nội vụ theo dõi, báo cáo.
"""


def test_a_semicolon_separated_table_from_a_spreadsheet() -> None:
    """A sheet whose locale writes the decimal comma separates its cells with semicolons: quoted cells hold a
    semicolon and a line break, a cell lists two partners; an ISO date is that day, "Từ 01/7/2025" from then on.
    The sentence bringing in the table ("Bảng dưới đây …:") is no task."""
    doc = parse(SEMICOLON_PLAN)
    assert not [t for t in doc.tasks if t.text.startswith("Bảng")]
    rows = [t for t in doc.tasks if t.method == "table-row"]
    assert [t.label for t in rows] == ["1", "2"]
    one, two = rows
    assert text_key(one.text) == text_key("Kiểm tra việc kê khai tài sản, thu nhập; công khai bản kê khai tại trụ sở")
    assert keys(one.lead) == expect("Thanh tra huyện")
    assert keys(one.support) == expect("Phòng Nội vụ", "UBND các xã")
    assert [(d.kind, d.end) for d in one.deadlines] == [("date", "2025-09-15")]
    assert keys(two.lead) == expect("Phòng Tài nguyên và Môi trường") and two.support == []
    assert [(d.kind, d.start) for d in two.deadlines] == [("continuous", "2025-07-01")]
    assert (one.dimension, two.dimension) == (4, 4)


def test_an_inline_list_lettered_in_brackets_through_the_vietnamese_alphabet() -> None:
    """ "…: (a) …; (b) …; … (đ) …; (e) …; (g) …" inside a paragraph: one task per letter (đ after d, g after e, in
    the Vietnamese alphabet); a bare "d) …; đ) …" list likewise. The lead-in's subject leads each."""
    doc = parse("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2025\n\nII. NHIỆM VỤ\n1. Thủ tục hành chính công\n"
                "Văn phòng HĐND và UBND huyện chủ trì thực hiện các việc sau: (a) niêm yết thủ tục hành chính; "
                "(b) số hóa hồ sơ; (c) rà soát quy trình nội bộ; (d) khảo sát sự hài lòng; (đ) xin lỗi người dân "
                "khi trễ hạn; (e) công khai kết quả giải quyết; (g) tập huấn công chức một cửa.\n"
                "2. Quản trị điện tử\n"
                "Phòng Văn hóa và Thông tin chủ trì: a) nâng cấp trang thông tin điện tử; b) mở chuyên mục hỏi đáp; "
                "c) hướng dẫn nộp hồ sơ trực tuyến; d) đào tạo tổ công nghệ số; đ) thống kê truy cập.\n")
    labels = [t.label for t in doc.tasks]
    assert labels == ["a", "b", "c", "d", "đ", "e", "g", "a", "b", "c", "d", "đ"]
    assert {agency_key(t.lead[0].name) for t in doc.tasks[:7]} == expect("Văn phòng HĐND và UBND huyện")
    assert doc.tasks[6].text.startswith("tập huấn công chức một cửa")


def test_headings_and_group_rows_that_name_only_a_time_frame_their_tasks() -> None:
    """Tasks grouped by when: a heading naming only a time ("2. Đợt 2 (từ nay đến 15/11/2026)", "3. Quý IV/2026",
    "4. Nhiệm vụ thường xuyên") gives its time to the items under it that state none (an item's own time replaces
    it); so does a table's group row ("II | Tháng 8 - 9/2026") to the rows whose time cell is empty. A bare number
    1-8 under "Chỉ số tác động" names the row's dimension. "III. NHIỆM VỤ NĂM 2026" names the plan's year: no time."""
    doc = parse("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2026\n\nIII. NHIỆM VỤ NĂM 2026\n"
                "1. Đợt 1 (từ nay đến 15/11/2026)\n- Phòng Nội vụ rà soát quy chế dân chủ ở cơ sở.\n"
                "- Phòng Tư pháp kiện toàn tổ hòa giải, xong trong tháng 10/2026.\n"
                "2. Quý IV/2026\n- Thanh tra huyện công khai kết luận thanh tra.\n"
                "3. Nhiệm vụ thường xuyên\n- Công an huyện tuần tra bảo đảm an ninh, trật tự.\n"
                "4. Tham gia của người dân ở cấp cơ sở\n- UBND các xã tổ chức hội nghị đối thoại.\n\n"
                "IV. PHÂN CÔNG\n\n"
                "TT\tNội dung\tChỉ số tác động\tChủ trì\tThời gian\n"
                "I\tTháng 8 - 9/2026\t\t\t\n"
                "1\tNiêm yết thủ tục hành chính tại Bộ phận Một cửa\t5\tVăn phòng HĐND và UBND huyện\t\n"
                "2\tKhảo sát sự hài lòng của người dân\t6\tPhòng Nội vụ\tQuý IV/2026\n\n"
                "V. TỔ CHỨC THỰC HIỆN\n")
    got = [(t.text[:20], [(d.kind, d.end) for d in t.deadlines]) for t in doc.tasks if t.method != "organization-duty"]
    assert got == [
        ("Phòng Nội vụ rà soát", [("by_date", "2026-11-15")]),
        ("Phòng Tư pháp kiện t", [("month", "2026-10-31")]),
        ("Thanh tra huyện công", [("quarter", "2026-12-31")]),
        ("Công an huyện tuần t", [("continuous", None)]),
        ("UBND các xã tổ chức ", []),
        ("Niêm yết thủ tục hàn", [("month", "2026-08-31"), ("month", "2026-09-30")]),
        ("Khảo sát sự hài lòng", [("quarter", "2026-12-31")]),
    ]
    assert [t.dimension for t in doc.tasks if t.method == "table-row"] == [5, 6]


def test_the_carrier_named_after_the_work() -> None:
    """The work as a noun, then its carrier: "… được giao cho X, Y phối hợp", "… là trách nhiệm của X", "Công tác … giao
    X chủ trì, Y phối hợp …", "Công tác … do X tham mưu …"; "các nhiệm vụ được giao cho X tại Kế hoạch này" names tasks
    given before, not this one's carrier."""
    doc = parse("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2026\n\nII. NHIỆM VỤ\n1. Thủ tục hành chính công\n"
                "- Việc rà soát quy trình nội bộ giải quyết thủ tục hành chính được giao cho Văn phòng HĐND và UBND huyện, "
                "Phòng Tư pháp phối hợp; hoàn thành trong quý II/2026.\n"
                "- Việc niêm yết số điện thoại đường dây nóng tại Bộ phận Một cửa là trách nhiệm của UBND các xã.\n"
                "- Công tác đối thoại với Nhân dân giao Chủ tịch UBND huyện chủ trì, Ủy ban MTTQ Việt Nam huyện phối hợp "
                "thực hiện hằng năm.\n"
                "- Công tác tiếp công dân định kỳ do Ban Tiếp công dân huyện tham mưu, bố trí lịch.\n"
                "- Sau khi sắp xếp, UBND các xã tiếp tục các nhiệm vụ được giao cho UBND cấp huyện tại Kế hoạch này.\n")
    got = [([a.raw for a in t.lead], [a.raw for a in t.support]) for t in doc.tasks]
    assert got == [
        (["Văn phòng HĐND và UBND huyện"], ["Phòng Tư pháp"]),
        (["UBND các xã"], []),
        (["Chủ tịch UBND huyện"], ["Ủy ban MTTQ Việt Nam huyện"]),
        (["Ban Tiếp công dân huyện"], []),
        (["UBND các xã"], []),
    ]


def test_a_column_per_level_of_government_names_each_levels_lead() -> None:
    """ "Cấp huyện | Cấp xã" columns: each level's cell names its lead; a name there marked "phối hợp" (or "phối hợp
    thực hiện") is a partner, a bracketed note of what a carrier does is no part of its name, and "-" names no one."""
    doc = parse("KẾ HOẠCH\nPAPI huyện Mường Lát năm 2024\n\nII. NHIỆM VỤ\n\n"
                "| STT | Nội dung | Cấp huyện | Cấp xã | Thời gian |\n"
                "|---|---|---|---|---|\n"
                "| 1 | Niêm yết thủ tục hành chính | Văn phòng HĐND và UBND huyện (tham mưu) | UBND các xã; Bưu điện văn hóa xã "
                "phối hợp thực hiện | Quý II/2024 |\n"
                "| 2 | Tuyên truyền pháp luật về khiếu nại | Phòng Tư pháp | - | Quý III/2024 |\n",
                fmt="markdown")
    one, two = doc.tasks
    assert keys(one.lead) == expect("Văn phòng HĐND và UBND huyện", "UBND các xã")
    assert keys(one.support) == expect("Bưu điện văn hóa xã")
    assert keys(two.lead) == expect("Phòng Tư pháp") and not two.support


def test_a_level_of_government_opening_an_item_or_a_clause_is_not_its_carrier() -> None:
    """ "Cấp huyện: Phòng Y tế …", "Ở cấp xã, Trạm Y tế xã …; ở thôn, Y tế thôn bản …": the level labels the
    carrier after it, which leads (each level's clause its own)."""
    doc = parse("KẾ HOẠCH\nPAPI huyện Tủa Chùa năm 2025\n\nII. NHIỆM VỤ\n1. Cung ứng dịch vụ công\n"
                "- Cấp huyện: Phòng Y tế kiểm tra chất lượng khám bệnh tại các trạm y tế, trong quý II/2025;\n"
                "- Ở cấp xã, Trạm Y tế xã tư vấn sức khỏe sinh sản; ở thôn, nhân viên y tế thôn bản vận động người "
                "dân khám thai định kỳ.\n")
    one, two = doc.tasks
    assert keys(one.lead) == expect("Phòng Y tế")
    assert keys(two.lead) == expect("Trạm Y tế xã", "nhân viên y tế thôn bản")


def test_a_partner_marked_in_one_level_column_does_not_take_the_next_columns_lead() -> None:
    """ "Sở A; Trung tâm B phối hợp" | "Phòng C": the joined columns would read "B phối hợp Phòng C"; each level's
    cell is read alone, so C leads and only B is a partner."""
    doc = parse("KẾ HOẠCH\nPAPI tỉnh Bắc Giang năm 2024\n\nII. NHIỆM VỤ\n\n"
                "| STT | Nội dung | Cấp tỉnh | Cấp huyện | Cấp xã | Thời gian |\n"
                "|---|---|---|---|---|---|\n"
                "| 1 | Số hóa kết quả giải quyết thủ tục hành chính | Văn phòng UBND tỉnh; Trung tâm Phục vụ hành chính công "
                "tỉnh phối hợp | Văn phòng HĐND và UBND cấp huyện | UBND cấp xã | Năm 2024 |\n",
                fmt="markdown")
    (one,) = doc.tasks
    assert keys(one.lead) == expect("Văn phòng UBND tỉnh", "Văn phòng HĐND và UBND cấp huyện", "UBND cấp xã")
    assert keys(one.support) == expect("Trung tâm Phục vụ hành chính công tỉnh")


def test_a_fronted_partner_or_guide_precedes_the_subject() -> None:
    """ "Với sự tham gia của X, Y tổ chức …": Y leads, X is its partner; "Dưới sự hướng dẫn của X, Y …": Y leads and
    X, who guides, is no partner. Under an agency heading, "Phối hợp với X, Y rà soát …" names the heading agency's
    partners, X and Y."""
    doc = parse("KẾ HOẠCH\nPAPI huyện Yên Lập năm 2024\n\nII. NHIỆM VỤ\n1. Quản trị môi trường\n"
                "- Với sự tham gia của Hội Nông dân huyện, Phòng Tài nguyên và Môi trường tổ chức thu gom bao bì thuốc "
                "bảo vệ thực vật.\n"
                "- Dưới sự hướng dẫn của Sở Y tế, Trung tâm Y tế huyện tập huấn cho nhân viên y tế thôn bản.\n"
                "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Tư pháp\n"
                "- Phối hợp với Phòng Nội vụ, Thanh tra huyện rà soát văn bản quy phạm pháp luật.\n")
    one = find(doc, "Với sự tham gia")
    assert keys(one.lead) == expect("Phòng Tài nguyên và Môi trường")
    assert keys(one.support) == expect("Hội Nông dân huyện")
    two = find(doc, "Dưới sự hướng dẫn")
    assert keys(two.lead) == expect("Trung tâm Y tế huyện") and not two.support
    three = find(doc, "Phối hợp với Phòng Nội vụ")
    assert keys(three.lead) == expect("Phòng Tư pháp")
    assert keys(three.support) == expect("Phòng Nội vụ", "Thanh tra huyện")


def test_agency_and_time_cells_labelled_like_the_text_cell_pair_with_its_pieces() -> None:
    """A row whose text cell lists "a) …; b) …; c) …" and whose lead and time cells are labelled the same way, one
    label or several ("b), c) Sở Y tế"): each piece takes its own label's agencies and times; numbered pieces pair
    with numbered lines ("1. …; 2. …"); a cell with no labels serves every piece."""
    doc = parse("KẾ HOẠCH\nPAPI tỉnh Sóc Trăng năm 2024\n\nII. NHIỆM VỤ\n\n"
                "| STT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
                "| 1 | a) Kiểm tra an toàn thực phẩm tại chợ; b) Tiêm chủng mở rộng cho trẻ em; c) Khám sức khỏe cho người "
                "cao tuổi | a) Sở Công Thương; b), c) Sở Y tế | UBND các huyện | a) Quý I/2024; b), c) Quý III/2024 |\n"
                "| 2 | 1. Sửa chữa trường học; 2. Nạo vét kênh mương | 1. Sở Giáo dục và Đào tạo; 2. Sở Nông nghiệp và "
                "Phát triển nông thôn | UBND các xã | Năm 2024 |\n", fmt="markdown")
    a, b, c, one, two = doc.tasks
    assert [keys(t.lead) for t in (a, b, c)] == [expect("Sở Công Thương"), expect("Sở Y tế"), expect("Sở Y tế")]
    assert [t.deadlines[0].end for t in (a, b, c)] == ["2024-03-31", "2024-09-30", "2024-09-30"]
    assert keys(a.support) == expect("UBND các huyện")
    assert keys(one.lead) == expect("Sở Giáo dục và Đào tạo")
    assert keys(two.lead) == expect("Sở Nông nghiệp và Phát triển nông thôn")
    assert [t.deadlines[0].end for t in (one, two)] == ["2024-12-31", "2024-12-31"]


def test_markdown_block_quotes_are_indentation_unless_they_quote_a_text() -> None:
    """Pandoc writes Word's indented paragraphs as "> " (a level per ">"): "> X tổ chức …" over "> > Thời gian: …" is an
    item and its field line; a block opening on "Trích …" quotes another plan, whose items are no tasks of this one."""
    doc = parse("# KẾ HOẠCH\n\nPAPI huyện Tân Phú năm 2023\n\n**II. NHIỆM VỤ**\n\n"
                "> **Trích Kế hoạch số 12/KH-UBND của UBND tỉnh:**\n>\n"
                "> - UBND các huyện chỉ đạo UBND cấp xã niêm yết thủ tục hành chính.\n\n"
                "### 1. Thủ tục hành chính công\n\n"
                "> Văn phòng HĐND và UBND huyện rà soát việc niêm yết thủ tục hành chính tại Bộ phận Một cửa các xã.\n>\n"
                "> > Thời gian hoàn thành: Quý II/2023.\n>\n"
                "> Phòng Tư pháp kiểm tra việc chứng thực bản sao tại các xã.\n>\n"
                "> > Thời gian hoàn thành: Quý IV/2023.\n", fmt="markdown")
    one, two = doc.tasks
    assert keys(one.lead) == expect("Văn phòng HĐND và UBND huyện") and one.deadlines[0].end == "2023-06-30"
    assert keys(two.lead) == expect("Phòng Tư pháp") and two.deadlines[0].end == "2023-12-31"
