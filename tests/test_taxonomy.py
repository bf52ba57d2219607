"""The PAPI taxonomy file and the indicator-name matcher (papi_extract/taxonomy.py)."""

from __future__ import annotations

import pytest
import yaml
from pydantic import ValidationError

from papi_extract import taxonomy
from papi_extract.taxonomy import (
    DATA,
    Taxonomy,
    find_indicators,
    is_total_cell,
    load_taxonomy,
    match_indicator,
    search_indicators,
    search_total,
)


def code(text: str) -> int | str | None:
    m = match_indicator(text)
    return None if m is None else (m.subdimension or m.dimension)


# ---------------------------------------------------------------------------------------------
# The file


def test_taxonomy_file_loads_into_validated_model() -> None:
    tax = load_taxonomy()
    assert isinstance(tax, Taxonomy)
    assert [d.code for d in tax.dimensions] == list(range(1, 9))
    subs = [s.code for d in tax.dimensions for s in d.subdimensions]
    assert len(subs) == 29 and len(set(subs)) == 29  # the 2020 survey's 29 sub-dimensions (seed 004)
    assert tax.dimension(6).name == "Cung ứng dịch vụ công"
    assert tax.subdimension("8.3").name == "Phúc đáp qua cổng thông tin điện tử"
    assert tax.dimension(7).since == 2018 and tax.dimension(8).since == 2018
    assert all(d.english for d in tax.dimensions)


def test_sub_dimension_under_wrong_dimension_is_rejected() -> None:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    raw["dimensions"][0]["subdimensions"].append({"code": "2.9", "name": "x"})
    with pytest.raises(ValidationError):
        Taxonomy.model_validate(raw)


def test_alias_naming_two_codes_is_rejected() -> None:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    raw["dimensions"][2]["aliases"].append("Công khai minh bạch")  # already dimension 2
    with pytest.raises(ValueError, match="names both"):
        taxonomy._Index(Taxonomy.model_validate(raw))


# ---------------------------------------------------------------------------------------------
# Aliases seen in plans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Công khai minh bạch", 2),
        ("Công khai, minh bạch", 2),
        ("Công khai, minh bạch trong hoạch định chính sách", 2),
        ("Công khai, minh bạch trong việc ra quyết định", 2),
        ("Nâng cao trách nhiệm giải trình với người dân", 3),
        ("Chỉ số Quản trị môi trường", 7),
        ("Chỉ số Quản trị điện tử", 8),
        ("Tham gia người dân ở cấp cơ sở", 1),
        ("Tham gia của người dân ở cấp cơ sở", 1),
        ("Về đẩy mạnh kiểm soát tham nhũng trong khu vực công", 4),
        ("Thủ tục hành chính công", 5),
        ("Cung ứng dịch vụ công", 6),
        ("An ninh, trật tự, an toàn xã hội", "6.4"),
        ("An ninh, trật tự", "6.4"),
        ("An ninh, trật tự tại địa bàn khu dân cư", "6.4"),
        ("Cơ sở hạ tầng căn bản", "6.3"),
        ("Phục đáp qua Cổng thông tin điện tử", "8.3"),
        ("Phúc đáp qua cổng thông tin điện tử", "8.3"),
        ("Phúc đáp của chính quyền địa phương qua CTTĐT", "8.3"),
        ("Thủ tục liên quan đến GCNQSDĐ", "5.3"),
        ("Nội dung thành phần: Thủ tục cấp Giấy chứng nhận quyền sử dụng đất", "5.3"),
        ("Công khai danh sách hộ nghèo", "2.2"),
        ("Công khai ngân sách cấp xã", "2.3"),
        ("Thu, chi ngân sách cấp xã/phường", "2.3"),
        ("Công khai quy hoạch, kế hoạch sử dụng đất và khung giá bồi thường thu hồi đất", "2.4"),
        ("Quy hoạch/kế hoạch sử dụng đất, khung giá đền bù", "2.4"),
        ("Y tế công lập", "6.1"),
        ("Giáo dục tiểu học công lập", "6.2"),
        ("Chất lượng bầu cử", "1.3"),
        ("Sự tham gia của người dân ở cơ sở", 1),
        ("Dịch vụ cấp phép xây dựng", "5.2"),
        ("Giải quyết khiếu nại, tố cáo của người dân", "3.2"),
        ("Quyết tâm chống tham nhũng", "4.4"),
        ("Dịch vụ làm TTHC ở cấp xã", "5.4"),
        ("Dịch vụ làm thủ tục hành chính ở cấp xã", "5.4"),
        # the PAPI reports' own wording, and the near-poor named beside the poor
        ("Thủ tục hành chính cấp xã/phường", "5.4"),
        # the reports' longer wordings of 4.1 and 4.3
        ("Kiểm soát tham nhũng trong chính quyền địa phương", "4.1"),
        ("Công bằng trong tìm kiếm việc làm", "4.3"),
        # "dịch vụ hành chính" for "dịch vụ làm thủ tục hành chính"
        ("Dịch vụ hành chính ở cấp xã", "5.4"),
        ("Danh sách hộ nghèo, hộ cận nghèo", "2.2"),
        ("Công khai danh sách hộ nghèo, hộ cận nghèo", "2.2"),
        ("Giải quyết khiếu nại, tố cáo", "3.2"),
        # "ở" for "trong" and no "trong"
        ("Kiểm soát tham nhũng ở khu vực công", 4),
        ("Công khai, minh bạch việc ra quyết định ở địa phương", 2),
        # "chất lượng" before a dimension's name, after an improving verb
        ("Nâng cao chất lượng thủ tục hành chính công", 5),
        ("Cải thiện chất lượng cung ứng dịch vụ công", 6),
        ("Chất lượng bầu cử", "1.3"),
        ("Kế hoạch sử dụng đất, khung giá đền bù", "2.4"),
        ("Kiểm soát tham nhũng trong cung ứng dịch vụ công", "4.2"),
        ("Sử dụng Cổng thông tin điện tử của chính quyền địa phương", "8.1"),
        # "Nhân dân" for "người dân" (taxonomy synonyms): any name holding the phrase
        ("Trách nhiệm giải trình với Nhân dân", 3),
        ("Tham gia của Nhân dân ở cấp cơ sở", 1),
        ("Giải quyết khiếu nại, tố cáo của nhân dân", "3.2"),
        # dimension 8 paired with digital transformation, as plans since 2020 write it
        ("Đẩy mạnh Quản trị điện tử và chuyển đổi số", 8),
    ],
)
def test_aliases_resolve(text: str, expected: int | str) -> None:
    m = match_indicator(text)
    assert m is not None and m.exact, text
    assert (m.subdimension or m.dimension) == expected


@pytest.mark.parametrize(
    ("text", "expected", "name"),
    [
        ("1.1. Nội dung “Tham gia của người dân ở cấp cơ sở”:", 1, "Tham gia của người dân ở cấp cơ sở"),
        ("Đối với chỉ số nội dung “Cong khai minh bach”", 2, "Cong khai minh bach"),
        ("VỀ KIỂM SOÁT THAM NHŨNG TRONG KHU VỰC CÔNG", 4, "KIỂM SOÁT THAM NHŨNG TRONG KHU VỰC CÔNG"),
        ("Chỉ số nội dung 3: Trách nhiệm giải trình với người dân.", 3, "Trách nhiệm giải trình với người dân"),
        ("II. QUẢN TRỊ ĐIỆN TỬ", 8, "QUẢN TRỊ ĐIỆN TỬ"),
        ("b) Nội dung \"An ninh, trật tự\":", "6.4", "An ninh, trật tự"),
        ("- Chỉ số thành phần Quản trị môi trường năm 2021", 7, "Quản trị môi trường"),
        ("Nội dung thứ ba: Trách nhiệm giải trình với người dân", 3, "Trách nhiệm giải trình với người dân"),
        ("Quàn trị môi trưòng", 7, "Quàn trị môi trưòng"),  # OCR tone slips fold away
        ("Thủ tục hành chính công (TTHC)", 5, "Thủ tục hành chính công"),
    ],
)
def test_prefixed_and_misspelled_headings_resolve(text: str, expected: int | str, name: str) -> None:
    m = match_indicator(text)
    assert m is not None and (m.subdimension or m.dimension) == expected
    assert text[m.start : m.end] == name


def test_approximate_match_is_flagged_not_silent() -> None:
    m = match_indicator("Kiểm soát tham nhủng trong khu vực côg")
    assert m is not None and m.dimension == 4 and m.subdimension is None
    assert m.exact is False and 0.88 <= m.score < 1.0
    m = match_indicator("Tham gia cua nguoi dan o cap co s")
    assert m is not None and m.dimension == 1 and not m.exact


@pytest.mark.parametrize(
    "text",
    [
        "Mục đích",
        "MỤC ĐÍCH, YÊU CẦU",
        "Tổ chức thực hiện",
        "Công tác thông tin, tuyên truyền",
        "Nhiệm vụ cụ thể",
        "Nội dung khắc phục",
        "Cơ quan thực hiện",
        "Chỉ đạo và theo dõi kết quả thực hiện",
        "Kiểm tra, giám sát việc thực hiện Kế hoạch",
        "Sở Nội vụ",
        "Công an tỉnh",
        "Ủy ban nhân dân các huyện, thị xã, thành phố",
        "Phòng Tài nguyên và Môi trường",
        "Tổ chức thực hiện tốt nhiệm vụ chuyên môn gắn với các nội dung của Chỉ số PAPI",
        "Tăng cường công tác thủ tục hành chính tại bộ phận một cửa",
        "",
    ],
)
def test_non_indicator_headings_do_not_resolve(text: str) -> None:
    assert match_indicator(text) is None


def test_heading_naming_two_dimensions_gives_both_in_order() -> None:
    t = "Công khai minh bạch và thủ tục hành chính công"
    found = find_indicators(t)
    assert [m.dimension for m in found] == [2, 5]
    assert [t[m.start : m.end] for m in found] == ["Công khai minh bạch", "thủ tục hành chính công"]
    assert match_indicator(t).dimension == 2  # type: ignore[union-attr]
    t = "Trách nhiệm giải trình với người dân; kiểm soát tham nhũng trong khu vực công"
    assert [m.dimension for m in find_indicators(t)] == [3, 4]
    t = "3. Nội dung “Y tế công lập” và “Giáo dục tiểu học công lập”"
    assert [m.subdimension for m in find_indicators(t)] == ["6.1", "6.2"]
    # "Các" in front of the list ("Các chỉ số nội dung A, B, C"): every name it lists
    t = "II. Các chỉ số nội dung Trách nhiệm giải trình với người dân, Quản trị điện tử"
    assert [m.dimension for m in find_indicators(t)] == [3, 8]
    assert find_indicators("Các sở, ban, ngành và UBND các xã") == ()


def test_canonical_name_is_returned() -> None:
    m = match_indicator("Công khai minh bạch")
    assert m is not None and m.name == "Công khai, minh bạch trong việc ra quyết định ở địa phương"
    m = match_indicator("An ninh, trật tự, an toàn xã hội")
    assert m is not None and m.name == "An ninh, trật tự tại địa bàn khu dân cư"


def test_search_in_sentences_and_total() -> None:
    t = "có 2 chỉ số thành phần mới: Quản trị môi trường"
    hits = search_indicators(t)
    assert [(h.dimension, t[h.start : h.end]) for h in hits] == [(7, "Quản trị môi trường")]
    t = "Theo báo cáo, Chỉ số PAPI của tỉnh Hà Tĩnh"
    span = search_total(t)
    assert span is not None and t[span[0] : span[1]] == "Chỉ số PAPI"
    assert is_total_cell("Tổng hợp") and is_total_cell("TỔNG ĐIỂM") and not is_total_cell("Tổng số hộ")


def test_matching_is_cached() -> None:
    t = "Nội dung “Quản trị điện tử” (bổ sung)"
    match_indicator(t)
    before = taxonomy.find_indicators_folded.cache_info().hits
    for _ in range(5):
        match_indicator(t)
    assert taxonomy.find_indicators_folded.cache_info().hits == before + 5


@pytest.mark.parametrize("cell", ["Tổng điểm PAPI", "Tổng điểm", "Tổng cộng", "Chỉ số PAPI", "Tổng hợp",
                                  "Tổng hợp PAPI", "Tổng cộng (PAPI)", "Chỉ số tổng hợp", "Tổng chỉ số PAPI"])
def test_total_row_labels(cell: str) -> None:
    assert taxonomy.is_total_cell(cell)


@pytest.mark.parametrize("cell", ["Quản trị điện tử", "Tham gia PAPI", "Điểm", "Xếp hạng"])
def test_non_total_cells(cell: str) -> None:
    assert not taxonomy.is_total_cell(cell)


@pytest.mark.parametrize("text", ["An ninh, trật tự tại khu dân cư", "An ninh trật tự ở khu dân cư"])
def test_law_and_order_wordings_are_exact(text: str) -> None:
    found = find_indicators(text)
    assert [(m.subdimension, m.exact) for m in found] == [("6.4", True)]


def test_title_aliases_name_a_dimension_only_as_a_whole_heading() -> None:
    """ "7. Môi trường", "6. Dịch vụ công" as headings name their dimensions; in a sentence or a longer title the
    words are ordinary ("bảo vệ môi trường", "dịch vụ công trực tuyến")."""
    from papi_extract.taxonomy import find_indicators, search_indicators

    assert [(m.dimension, m.subdimension) for m in find_indicators("7. Môi trường")] == [(7, None)]
    assert [(m.dimension, m.subdimension) for m in find_indicators("VI. DỊCH VỤ CÔNG")] == [(6, None)]
    assert all(m.dimension != 6 for m in find_indicators("Dịch vụ công trực tuyến mức độ 4"))
    assert search_indicators("Tăng cường bảo vệ môi trường, sử dụng dịch vụ công trực tuyến") == ()


@pytest.mark.parametrize(("title", "dimension"), [
    # a commune plan's short headings, each naming its dimension only as the whole title
    ("2. Công khai", 2), ("3. Giải trình với người dân", 3), ("IV. PHÒNG, CHỐNG THAM NHŨNG", 4),
    ("1. Người dân tham gia ở cấp cơ sở", 1),
    # the dimension named in parentheses after a heading of other words
    ("8. Chuyển đổi số (Quản trị điện tử)", 8), ("b) Vệ sinh môi trường nông thôn (Quản trị môi trường)", 7),
])
def test_short_and_parenthesised_dimension_headings(title: str, dimension: int) -> None:
    from papi_extract.taxonomy import find_indicators

    assert [(m.dimension, m.subdimension) for m in find_indicators(title)] == [(dimension, None)]


def test_short_heading_names_are_ordinary_words_in_a_sentence() -> None:
    from papi_extract.taxonomy import find_indicators, search_indicators

    assert search_indicators("Công khai kết quả giải trình với người dân, phòng, chống tham nhũng") == ()
    assert (2, None) not in [(m.dimension, m.subdimension) for m in find_indicators("Công khai danh sách (theo quy định)")]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("8.1; 5.4", ((8, "8.1"), (5, "5.4"))),
        ("Chỉ số 8", ((8, None),)),
        ("CS 2, 3", ((2, None), (3, None))),
        ("Chỉ số nội dung 4 (4.2)", ((4, None), (4, "4.2"))),
        ("1.4.", ((1, "1.4"),)),
        # the part's short form or name before a code
        ("CSTP 6.3", ((6, "6.3"),)), ("CSTP: 2.1; CSTP 2.4", ((2, "2.1"), (2, "2.4"))), ("CSND 7", ((7, None),)),
        ("Chỉ số thành phần 5.2", ((5, "5.2"),)),
        # not a cell of codes: a row's number, a score, a code the taxonomy lacks, words, a year
        ("1", ()), ("5,61", ()), ("8.9", ()), ("Hằng tháng", ()), ("2022", ()), ("Quý 3", ()),
    ],
)
def test_code_list(cell: str, expected: tuple[tuple[int, str | None], ...]) -> None:
    from papi_extract.normalize import fold
    from papi_extract.taxonomy import code_list

    assert code_list(fold(cell)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # code words, then codes, then a short name the taxonomy does not list
        ("Nhóm nhiệm vụ cải thiện chỉ số nội dung thành phần 6.1 và 6.2: y tế, giáo dục", ["6.1", "6.2"]),
        ("Chỉ số 8.1; 8.2 (tiếp cận internet, cổng thông tin)", ["8.1", "8.2"]),
        ("Đối với nội dung thành phần 7.2 “nước sinh hoạt”", ["7.2"]),
        # two codes or more need no code words
        ("2.2, 2.3 – Hộ nghèo; ngân sách xã", ["2.2", "2.3"]),
        # one bare code may be the heading's own number; a code the taxonomy lacks names nothing
        ("3.2 - Giải đáp khúc mắc", []),
        ("Chỉ số 2.7 - Chưa có", []),
        ("Chỉ số 5.3 và 9.1 - Đất đai", []),
    ],
)
def test_a_heading_naming_sub_dimensions_by_code(text: str, expected: list[str]) -> None:
    assert [m.subdimension for m in find_indicators(text)] == expected


def test_reform_of_administrative_procedures_names_dimension_5() -> None:
    from papi_extract.taxonomy import find_indicators

    assert [(m.dimension, m.subdimension) for m in find_indicators("Đẩy mạnh cải cách thủ tục hành chính")] == [(5, None)]
    assert [(m.dimension, m.subdimension) for m in find_indicators("3. Cải cách thủ tục hành chính công")] == [(5, None)]


@pytest.mark.parametrize(("name", "dimension", "code"), [
    ("Hiểu biết của công dân về quyền tham gia", 1, "1.1"),  # "công dân" as in "Tri thức công dân"
    ("Bầu cử trưởng thôn, tổ trưởng tổ dân phố", 1, "1.3"),
    ("Cơ sở hạ tầng thiết yếu", 6, "6.3"),
    ("Giáo dục tiểu học", 6, "6.2"),
    ("Chất lượng không khí tại khu dân cư", 7, "7.2"),
    ("Phản hồi qua cổng thông tin điện tử", 8, "8.3"),  # "qua cổng" as 8.3's, not only "cổng thông tin" as 8.1's
    ("Thủ tục chứng thực", 5, "5.1"),  # "thủ tục" is in most of dimension 5's names: it counts for less
])
def test_a_reworded_sub_dimension_name_is_the_closest_of_its_dimension(name: str, dimension: int, code: str) -> None:
    found = taxonomy.closest_subdimension(taxonomy.fold(name), dimension)
    assert found is not None and found.subdimension == code and not found.exact


@pytest.mark.parametrize(("name", "dimension"), [
    ("Nâng cao chất lượng hoạt động", 1),  # only "chất lượng", a weak word ("Chất lượng bầu cử", 7.2, 7.3)
    ("Giáo dục tiểu học", 5),  # a name of another dimension's sub-dimension: only the given dimension's count
    ("Người dân", 3),  # a weak word alone is too little
])
def test_a_name_close_to_no_sub_dimension_of_its_dimension_is_none(name: str, dimension: int) -> None:
    assert taxonomy.closest_subdimension(taxonomy.fold(name), dimension) is None


def test_a_sub_dimension_named_after_its_label_in_a_sentence() -> None:
    f = taxonomy.fold("Nhằm nâng điểm chỉ số thành phần Giáo dục tiểu học, Phòng Giáo dục và Đào tạo bố trí giáo viên.")
    found = taxonomy.labelled_subdimension_in(f, 6)
    assert found is not None and found.subdimension == "6.2"
    # the label is needed: the same words in a sentence without it name nothing
    assert taxonomy.labelled_subdimension_in(taxonomy.fold("Phòng Giáo dục bố trí giáo viên tiểu học."), 6) is None
    f = taxonomy.fold("Rà soát hồ sơ cấp phép (CSTP: Cấp phép xây dựng nhà ở riêng lẻ).")
    found = taxonomy.labelled_subdimension_in(f, 5)
    assert found is not None and found.subdimension == "5.2"


@pytest.mark.parametrize(("heading", "codes"), [
    ("Kiểm soát tham nhũng và giải trình", [4, 3]),  # "giải trình", dimension 3's short title, after "và"
    ("Về thủ tục hành chính công và dịch vụ công", [5, 6]),
    ("Sự tham gia của người dân và trách nhiệm giải trình", [1, 3]),
    # the short title must be the whole rest: "dịch vụ công trực tuyến" is the online services of dimension 8's talk
    ("Thủ tục hành chính và dịch vụ công trực tuyến", []),
])
def test_a_short_title_after_and_closes_a_heading_naming_two_dimensions(heading: str, codes: list[int]) -> None:
    assert [m.dimension for m in find_indicators(heading)] == codes


def test_a_results_heading_names_its_dimension() -> None:
    """ "III. KẾT QUẢ CHỈ SỐ QUẢN TRỊ ĐIỆN TỬ NĂM 2022": the results of dimension 8; "Kết quả Chỉ số PAPI" names none."""
    assert [m.dimension for m in find_indicators("KẾT QUẢ CHỈ SỐ QUẢN TRỊ ĐIỆN TỬ NĂM 2022")] == [8]
    assert find_indicators("Kết quả Chỉ số PAPI năm 2022 của tỉnh") == ()


@pytest.mark.parametrize(("heading", "codes"), [
    # a reworded name with the dimension's number, before it or in parentheses after it
    ("Chỉ số nội dung 6: Nâng cao chất lượng trường học, trạm y tế", [6]),
    ("Mở rộng dân chủ trực tiếp của Nhân dân (Chỉ số 1)", [1]),
    ("CSND 3 - Tăng cường đối thoại", [3]),
    ("Tiếp nhận phản ánh qua mạng (chỉ số nội dung 8).", [8]),
    # a sub-dimension's code, a figure, another index's criterion, a sub-dimension word: no dimension by number
    ("Tiêu chí 6: Cơ sở vật chất văn hóa", []),
    ("Chỉ số 2,5 điểm", []),
    ("Chỉ số thành phần 4: Giảm tham nhũng vặt", []),
    ("Chỉ số 9: Môi trường kinh doanh", []),
])
def test_a_heading_names_a_dimension_by_its_number(heading: str, codes: list[int]) -> None:
    assert [m.dimension for m in find_indicators(heading)] == codes
    for m in find_indicators(heading):
        assert m.subdimension is None and heading[m.start:m.end] == heading.strip()


@pytest.mark.parametrize("heading", ["An ninh, trật tự ở ấp, khóm", "An ninh, trật tự tại thôn, tổ dân phố",
                                     "An ninh, trật tự ở cơ sở"])
def test_public_order_named_by_the_units_of_the_place(heading: str) -> None:
    assert [(m.dimension, m.subdimension) for m in find_indicators(heading)] == [(6, "6.4")]


@pytest.mark.parametrize(("name", "code"), [
    ("Kế hoạch sử dụng đất", "2.4"), ("Tương tác với chính quyền", "3.1"), ("Giải đáp khiếu nại, tố cáo", "3.2"),
    ("Kiểm soát tham nhũng trong dịch vụ công", "4.2"), ("Công bằng trong tuyển dụng", "4.3"),
    ("Dịch vụ chứng thực, xác nhận", "5.1"), ("Giáo dục tiểu học", "6.2"), ("Thu, chi ngân sách xã", "2.3"),
])
def test_the_short_names_a_column_of_sub_dimensions_uses(name: str, code: str) -> None:
    assert [(m.subdimension, m.exact) for m in find_indicators(name)] == [(code, True)]


def test_a_heading_naming_its_dimension_then_its_result_after_a_spaced_dash() -> None:
    """ "Quản trị điện tử — 3,20 điểm (xếp thứ 48/63)": a spaced dash parts the name from what the heading says of
    it, as a colon does; a hyphen inside a name does not part it."""
    found = taxonomy.find_indicators("Kiểm soát tham nhũng trong khu vực công – 6,02 điểm (xếp thứ 40/63)")
    assert [(m.dimension, m.subdimension, m.exact) for m in found] == [(4, None, True)]
    found = taxonomy.find_indicators("Cung ứng dịch vụ công — phấn đấu đạt 7,50 điểm")
    assert [(m.dimension, m.subdimension, m.exact) for m in found] == [(6, None, True)]
    found = taxonomy.find_indicators("Chỉ số nội dung 8 — Quản trị điện tử")
    assert [(m.dimension, m.subdimension) for m in found] == [(8, None)]
    assert taxonomy.find_indicators("Tổ chức hội nghị — 5 điểm cầu") == ()
