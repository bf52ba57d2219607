"""Stage "scores": results, changes, ranks and targets from prose and score tables."""

from __future__ import annotations

import pytest
from conftest import CORPUS, run_through_scores

from papi_extract.context import DocContext
from papi_extract.models import Score


def parse(text: str, fmt: str | None = None) -> DocContext:
    """Run the stages this module needs (the full pipeline also runs tasks, which is not under test)."""
    ctx = run_through_scores(text, fmt)
    for s in ctx.scores:
        assert ctx.text[s.span[0] : s.span[1]] == s.raw
    keys = [(s.dimension, s.subdimension, s.year, s.kind) for s in ctx.scores if s.year is not None]
    assert len(keys) == len(set(keys)), "one record per (dimension, subdimension, year, kind)"
    return ctx


def seed(stem: str) -> DocContext:
    return parse((CORPUS / f"{stem}.txt").read_text(encoding="utf-8"))


def get(ctx: DocContext, dim: int | None, sub: str | None, year: int | None, kind: str) -> Score:
    found = [s for s in ctx.scores if (s.dimension, s.subdimension, s.year, s.kind) == (dim, sub, year, kind)]
    assert len(found) == 1, (dim, sub, year, kind, ctx.scores)
    return found[0]


def facts(ctx: DocContext) -> set[tuple]:
    return {(s.dimension, s.subdimension, s.year, s.kind, s.value, s.change, s.rank, s.rank_of, s.rank_change)
            for s in ctx.scores}


# ---------------------------------------------------------------------------------------------
# Seeds, values read from the documents


def test_seed_000_changes_take_the_year_of_their_heading() -> None:
    ctx = seed("000_4b16b2b6e82d9d4b")
    assert len(ctx.scores) == 14
    s = get(ctx, 1, "1.2", 2020, "change")
    assert (s.change, s.value, s.raw) == (-0.1, None, "Cơ hội tham gia giảm 0,1 điểm")
    assert get(ctx, 5, "5.2", 2020, "change").change == -0.09  # under "Công khai minh bạch và thủ tục …"
    assert get(ctx, 6, "6.4", 2020, "change").change == -0.12  # "An ninh, trật tự giảm 0,12 điểm"
    assert get(ctx, 7, "7.2", 2020, "change").change == -0.12  # run-in "5. Quản trị môi trường: Chất lượng …"
    assert get(ctx, 8, "8.3", 2020, "change").change == -1.36  # "Phục đáp" (sic)
    assert all(s.kind == "change" and s.year == 2020 for s in ctx.scores)


def test_seed_001_total_new_dimensions_and_eight_targets() -> None:
    ctx = seed("001_ed759b2d6399facb")
    total = get(ctx, None, None, 2018, "actual")
    assert (total.value, total.rank, total.rank_of, total.rank_change) == (44.43, 25, 63, -7)
    assert total.raw.startswith("Chỉ số PAPI tỉnh An Giang năm 2018 đạt 44,43 điểm")
    assert total.raw.endswith("(Giảm 7 bậc so với năm 2017)")
    assert get(ctx, 7, None, 2018, "actual").value == 5.67
    assert get(ctx, 8, None, 2018, "actual").value == 2.58
    targets = {s.dimension: s.value for s in ctx.scores if s.kind == "target"}
    assert targets == {1: 5.40, 2: 5.50, 3: 5.00, 4: 7.00, 5: 7.50, 6: 7.60, 7: 5.70, 8: 3.50}
    assert {s.year for s in ctx.scores if s.kind == "target"} == {2020}  # the plan's year
    assert len(ctx.scores) == 11  # "xếp trong nhóm 20/63" (a rank group target) is not a score


def test_seed_004_table_cells_merged_with_prose() -> None:
    ctx = seed("004_5c394493e0081488")
    assert len(ctx.scores) == 76  # (8 dimensions + 29 sub-dimensions + the total) x 2 years
    s = get(ctx, 1, "1.3", 2019, "actual")
    assert (s.value, s.rank, s.rank_of) == (1.63, 15, 63)
    s = get(ctx, 1, "1.3", 2020, "actual")
    assert (s.value, s.rank, s.change) == (1.69, 10, None)
    s = get(ctx, None, None, 2019, "actual")
    assert (s.value, s.rank) == (45.86, 5)
    s = get(ctx, None, None, 2020, "actual")
    assert (s.value, s.rank, s.change, s.rank_change, s.method) == (44.53, 10, -1.33, -5, "table+prose")
    s = get(ctx, 2, None, 2020, "actual")  # "Đạt 5,47/10 điểm (…), xếp vị thứ 22/63 (tăng 0,18 điểm và tăng 15 bậc …)"
    assert (s.value, s.rank, s.change, s.rank_change) == (5.47, 22, 0.18, 15)
    s = get(ctx, 7, None, 2020, "actual")  # "giảm 0,17 điểm nhưng lại tăng 1 bậc"
    assert (s.value, s.change, s.rank_change) == (3.94, -0.17, 1)
    assert get(ctx, 5, None, 2019, "actual").value == 7.2
    assert get(ctx, 8, "8.3", 2020, "actual").value == 0.51
    national = {5.28, 6.96, 7.36, 3.56, 4.78, 7.06, 2.77}
    assert not any(s.value in national for s in ctx.scores)
    assert not [w for w in ctx.warnings if w.code in ("W402", "W403")]


@pytest.mark.parametrize("stem", ["002_d864ec65d4d55f1c", "003_1e98fec1af34e263"])
def test_seeds_without_figures_have_no_scores(stem: str) -> None:
    assert seed(stem).scores == []


# ---------------------------------------------------------------------------------------------
# Second phrasings

PROSE = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ

Số: 88/KH-UBND

Quảng Trị, ngày 05 tháng 5 năm 2023

KẾ HOẠCH

Nâng cao Chỉ số PAPI tỉnh Quảng Trị năm 2023

Năm 2022, Chỉ số PAPI của tỉnh Quảng Trị đạt 43,12/80 điểm, xếp thứ 30/63 tỉnh, thành phố (tăng 0,55 điểm và tăng 3 bậc so với năm 2021). Năm 2022, chỉ số nội dung Quản trị điện tử đạt 4.49 điểm, giảm 0.44 điểm so với năm 2021 (4.93 điểm). Chỉ số Kiểm soát tham nhũng trong khu vực công năm 2022 đạt 6,90 điểm, cao hơn điểm trung bình cả nước (6,45 điểm). Chỉ số cải cách hành chính (PAR Index) năm 2022 đạt 85,5 điểm; Chỉ số hài lòng SIPAS đạt 8,1 điểm.

I. KẾT QUẢ CHỈ SỐ PAPI NĂM 2022 SO VỚI NĂM 2021

1. Công khai, minh bạch trong việc ra quyết định ở địa phương

- Tiếp cận thông tin tăng 0.05 điểm.
- Công khai danh sách hộ nghèo giảm 0,21 điểm.
- Cơ hội tham gia giảm từ 1,55 điểm xuống 1,48 điểm.

2. Trách nhiệm giải trình; Thủ tục hành chính

- Tiếp cận dịch vụ tư pháp giảm 0,3 điểm.

II. MỤC TIÊU

- Phấn đấu năm 2023 Chỉ số PAPI của tỉnh đạt từ 44 điểm trở lên, xếp trong nhóm 25/63.
- Chỉ số nội dung “Quản trị môi trường”: phấn đấu đạt 4.20 điểm.
- Phấn đấu Chỉ số PAPI xếp hạng 28/63.
"""


def test_prose_other_province() -> None:
    ctx = parse(PROSE)
    assert facts(ctx) == {
        (None, None, 2022, "actual", 43.12, 0.55, 30, 63, 3),
        (8, None, 2022, "actual", 4.49, -0.44, None, None, None),
        (8, None, 2021, "actual", 4.93, None, None, None, None),  # "so với năm 2021 (4.93 điểm)"
        (4, None, 2022, "actual", 6.90, None, None, None, None),  # not the national 6,45
        (2, "2.1", 2022, "change", None, 0.05, None, None, None),
        (2, "2.2", 2022, "change", None, -0.21, None, None, None),
        # "giảm từ 1,55 … xuống 1,48": two values and no change printed, so two records and no change
        (1, "1.2", 2022, "actual", 1.48, None, None, None, None),
        (1, "1.2", 2021, "actual", 1.55, None, None, None, None),
        (3, "3.3", 2022, "change", None, -0.3, None, None, None),
        (None, None, 2023, "target", 44.0, None, None, None, None),
        (7, None, 2023, "target", 4.20, None, None, None, None),  # the plan's year
    }
    assert not [w for w in ctx.warnings if w.code == "W402"]


def test_prose_without_any_year_is_kept_with_w402() -> None:
    ctx = parse("KẾ HOẠCH\n\nCải thiện chỉ số\n\n1. Quản trị môi trường\n\n- Chất lượng nước giảm 0,2 điểm.\n")
    (s,) = ctx.scores
    assert (s.subdimension, s.year, s.change) == ("7.3", None, -0.2)
    assert [w.code for w in ctx.warnings if w.code.startswith("W4")] == ["W402"]


def test_figure_continuing_its_heading_and_its_sentence() -> None:
    text = """KẾ HOẠCH

Nâng cao chỉ số PAPI năm 2022

I. KẾT QUẢ NĂM 2021

1. Nội dung “Tham gia của người dân ở cấp cơ sở”

Đạt 4,80/10 điểm (trung bình toàn quốc 4,78 điểm), đứng thứ 33/63; năm 2020 đạt 5,02 điểm.

2. Chỉ số PAPI

Chỉ số PAPI năm 2021 của tỉnh đạt 42,5 điểm, giảm 1,2 điểm và tụt 10 bậc so với năm 2020, xếp thứ 45/63.
"""
    ctx = parse(text)
    assert facts(ctx) == {
        (1, None, 2021, "actual", 4.80, None, 33, 63, None),
        (1, None, 2020, "actual", 5.02, None, None, None, None),
        (None, None, 2021, "actual", 42.5, -1.2, 45, 63, -10),
    }


TAB_TABLE = (
    "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\nKết quả Chỉ số PAPI của tỉnh Bình Định:\n\n"
    "STT\tChỉ số nội dung\tNăm 2021\t\tNăm 2022\t\n"
    "\t\tĐiểm\tXếp hạng\tĐiểm\tXếp hạng\n"
    "1\tTham gia của người dân ở cấp cơ sở\t4,90\t40\t5,10\t28\n"
    "1.2\tCơ hội tham gia\t1,40\t33\t1,52\t20\n"
    "2\tCông khai, minh bạch\t5,12\t33\t5,30\t25\n"
    "\tTổng hợp\t42,10\t45\t43,12\t30\n"
)


def test_tab_separated_score_table_with_merged_year_cells() -> None:
    ctx = parse(TAB_TABLE)
    assert facts(ctx) == {
        (1, None, 2021, "actual", 4.90, None, 40, 63, None),
        (1, None, 2022, "actual", 5.10, None, 28, 63, None),
        (1, "1.2", 2021, "actual", 1.40, None, 33, 63, None),
        (1, "1.2", 2022, "actual", 1.52, None, 20, 63, None),
        (2, None, 2021, "actual", 5.12, None, 33, 63, None),
        (2, None, 2022, "actual", 5.30, None, 25, 63, None),
        (None, None, 2021, "actual", 42.10, None, 45, 63, None),
        (None, None, 2022, "actual", 43.12, None, 30, 63, None),
    }
    assert [m.method for m in ctx.indicators] == ["score_table"] * 3


def test_markdown_table_two_header_rows_change_column_and_national_row() -> None:
    md = """KẾ HOẠCH

Nâng cao chỉ số PAPI năm 2023

| TT | Chỉ số | Năm 2021 | | Năm 2022 | | Tăng/giảm |
|---|---|---|---|---|---|---|
| | | Điểm | Hạng | Điểm | Hạng | |
| 4 | Kiểm soát tham nhũng trong khu vực công | 6,50 | 40 | 6,90 | 22 | +0,40 |
| 4.3 | Công bằng trong tuyển dụng vào nhà nước | 1,10 | 50 | 1,31 | 14 | 0,21 |
| | Điểm trung bình toàn quốc | 6,45 | | 6,51 | | |
| 9 | Chỉ số SIPAS | 8,1 | 3 | 8,2 | 4 | |

Năm 2022, chỉ số Kiểm soát tham nhũng trong khu vực công đạt 6,90 điểm, xếp thứ 22/63.
"""
    ctx = parse(md, "markdown")
    assert facts(ctx) == {
        (4, None, 2021, "actual", 6.50, None, 40, 63, None),
        (4, None, 2022, "actual", 6.90, 0.40, 22, 63, None),
        (4, "4.3", 2021, "actual", 1.10, None, 50, 63, None),
        (4, "4.3", 2022, "actual", 1.31, 0.21, 14, 63, None),
    }
    assert get(ctx, 4, None, 2022, "actual").method == "table+prose"
    assert [w.message for w in ctx.warnings if w.code == "W403"] == [
        "score table row 'Chỉ số SIPAS' could not be mapped to an indicator"
    ]


def test_pipe_table_with_combined_header_cells() -> None:
    text = (
        "KẾ HOẠCH\n\nNâng cao chỉ số PAPI năm 2023\n\n"
        "| TT | Nội dung | Điểm 2021 | Hạng 2021 | Điểm 2022 | Hạng 2022 |\n"
        "| 1 | Quản trị môi trường | 3,50 | 20 | 3,71 | 15 |\n"
        "| 2 | Quản trị điện tử | 2.10 | 44 | 2.95 | 18 |\n"
        "| | Tổng | 42,10 | 45 | 43,12 | 30 |\n"
    )
    ctx = parse(text)
    assert get(ctx, 8, None, 2021, "actual").value == 2.10
    assert (get(ctx, 7, None, 2022, "actual").rank, get(ctx, None, None, 2022, "actual").value) == (15, 43.12)
    assert len(ctx.scores) == 6


def test_cell_per_line_table_one_year() -> None:
    text = """Kết quả Chỉ số PAPI tỉnh Nghệ An

STT

Nội dung

Năm 2022

Điểm

Xếp hạng

I

Y tế công lập

2,05

12

II

An ninh, trật tự

1,61

7

Tổng điểm

42,80

21

Theo đó tỉnh cần tiếp tục cải thiện nhiều nội dung trong năm tới để nâng cao chất lượng phục vụ người dân và doanh nghiệp.
"""
    ctx = parse(text)
    assert facts(ctx) == {
        (6, "6.1", 2022, "actual", 2.05, None, 12, 63, None),
        (6, "6.4", 2022, "actual", 1.61, None, 7, 63, None),
        (None, None, 2022, "actual", 42.80, None, 21, 63, None),
    }
    assert {m.raw for m in ctx.indicators} == {"Y tế công lập", "An ninh, trật tự"}


def test_objectives_section_past_result_is_actual_future_is_target() -> None:
    text = """KẾ HOẠCH

Nâng cao Chỉ số PAPI tỉnh Hà Giang năm 2024

I. MỤC TIÊU

Năm 2023, Chỉ số PAPI của tỉnh Hà Giang đạt 40,10 điểm, xếp thứ 52/63 tỉnh, thành phố, giảm 0,8 điểm so với năm 2022 (40,90 điểm). Chỉ số PAPI năm 2024 của tỉnh đạt 41 điểm trở lên; chỉ số nội dung Quản trị môi trường đạt 3,6 điểm.
"""
    ctx = parse(text)
    assert facts(ctx) == {
        (None, None, 2023, "actual", 40.10, -0.8, 52, 63, None),
        (None, None, 2022, "actual", 40.90, None, None, None, None),
        (None, None, 2024, "target", 41.0, None, None, None, None),
        (7, None, 2024, "target", 3.6, None, None, None, None),  # no year of its own: the plan's
    }


def test_change_column_without_year_belongs_to_the_latest_year() -> None:
    text = (
        "KẾ HOẠCH\n\nNâng cao chỉ số PAPI năm 2024\n\n"
        "| TT | Chỉ số nội dung | Năm 2022 | Năm 2023 | Tăng (+), giảm (-) |\n"
        "|:---:|---|:---:|:---:|:---:|\n"
        "| 6 | Cung ứng dịch vụ công | 7,41 | 7,36 | -0,05 |\n"
        "| | **Tổng điểm** | 41,85 | 42,27 | +0,42 |\n"
    )
    ctx = parse(text, "markdown")
    assert facts(ctx) == {
        (6, None, 2022, "actual", 7.41, None, None, None, None),
        (6, None, 2023, "actual", 7.36, -0.05, None, None, None),
        (None, None, 2022, "actual", 41.85, None, None, None, None),
        (None, None, 2023, "actual", 42.27, 0.42, None, None, None),
    }


def test_total_row_label_variants_in_a_two_row_header_tab_table() -> None:
    """A portal page's table: "Năm X" cells span "Điểm | Xếp hạng" below; the total row has no number
    and its label names the index ("Tổng điểm PAPI")."""
    for label in ("Tổng điểm PAPI", "Tổng điểm", "Tổng cộng", "Chỉ số PAPI", "Tổng hợp"):
        text = (
            "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI tỉnh Kon Tum năm 2024\n\n"
            "I. KẾT QUẢ NĂM 2023\n\n"
            "STT\tNội dung\tNăm 2022\t\tNăm 2023\t\n"
            "\t\tĐiểm\tXếp hạng\tĐiểm\tXếp hạng\n"
            "1\tQuản trị môi trường\t3,12\t50\t3,40\t41\n"
            f"\t{label}\t40,55\t51\t41,02\t47\n"
        )
        ctx = parse(text)
        assert get(ctx, None, None, 2022, "actual").rank == 51, label
        assert (get(ctx, None, None, 2023, "actual").value, get(ctx, None, None, 2023, "actual").rank) == (41.02, 47)
        assert get(ctx, 7, None, 2022, "actual").rank_of == 63


def test_prose_change_of_a_table_row_merges_into_its_actual_record() -> None:
    """A change stated in prose (here with a decimal point, "0.31") for a dimension whose value that
    year the table gives is part of that actual record, not a change record of its own."""
    text = (
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI tỉnh Kon Tum năm 2024\n\n"
        "I. KẾT QUẢ NĂM 2023\n\n"
        "STT\tNội dung\tNăm 2022\t\tNăm 2023\t\n"
        "\t\tĐiểm\tXếp hạng\tĐiểm\tXếp hạng\n"
        "7\tQuản trị môi trường\t3,12\t50\t3,43\t41\n"
        "8\tQuản trị điện tử\t3,05\t44\t2,98\t49\n\n"
        "So với năm 2022, chỉ số Quản trị môi trường tăng 0.31 điểm; Quản trị điện tử giảm 0,07 điểm. "
        "Nội dung thành phần Chất lượng không khí giảm 0,2 điểm.\n"
    )
    ctx = parse(text)
    env = get(ctx, 7, None, 2023, "actual")
    assert (env.value, env.change, env.rank) == (3.43, 0.31, 41)
    assert get(ctx, 8, None, 2023, "actual").change == -0.07
    assert not [s for s in ctx.scores if s.kind == "change" and s.subdimension is None]
    # a sub-dimension the table does not give stays a change record
    assert get(ctx, 7, "7.2", 2023, "change").change == -0.2


def test_result_with_change_and_rank_then_integer_target_from_and_above() -> None:
    text = (
        "KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Yên Thế năm 2025\n\n"
        "I. KẾT QUẢ\n\n"
        "Chỉ số PAPI của tỉnh năm 2024 đạt 44,87 điểm, tăng 0,96 điểm so với năm 2023, xếp thứ 19/63 tỉnh, thành phố.\n\n"
        "II. MỤC TIÊU\n\n"
        "Phấn đấu năm 2025 Chỉ số PAPI của tỉnh đạt từ 46 điểm trở lên.\n"
    )
    ctx = parse(text)
    assert facts(ctx) == {
        (None, None, 2024, "actual", 44.87, 0.96, 19, 63, None),
        (None, None, 2025, "target", 46.0, None, None, None, None),
    }


# ---------------------------------------------------------------------------------------------
# Prefilters and literal scans: each must find exactly what the pattern it stands in for finds


def test_year_lines_match_the_multiline_pattern_including_the_first_and_adjacent_lines() -> None:
    import regex

    from papi_extract.normalize import normalize
    from papi_extract.scores import _year_lines

    multiline = regex.compile(r"(?m)^[ \t]{0,8}(?:nam[ \t]{1,3})?(?:19|20)\d\d[ \t]{0,8}$")
    text = "2019\n2020\nNăm 2021\n\t2022\t\nnăm 2023 và 2024\n12019\n 2018\n2017"
    ctx = DocContext(norm=normalize(text))
    for start in (0, ctx.norm.lines[1].start, ctx.norm.lines[3].start):
        want = [ctx.line_of(m.start()) for m in multiline.finditer(ctx.folded, start)]
        assert _year_lines(ctx, start, len(ctx.text)) == want
    assert _year_lines(ctx, 0, len(ctx.text)) == [0, 1, 2, 3, 6, 7]


def test_sentence_breaks_are_the_pattern_s_breaks() -> None:
    from papi_extract.scores import _SENT, _sentence_breaks

    for text in ("Đạt 5,47 điểm. Tăng 15 bậc! Xếp thứ 22? Có… Không", "1. Mục tiêu. Năm 2020 đạt 6 điểm.  (Số liệu)",
                 "II. Kết quả.Không cách. “Chỉ số” đạt", "", "..."):
        assert [m.span() for m in _sentence_breaks(text)] == [m.span() for m in _SENT.finditer(text)]


def test_phrases_find_the_leftmost_whole_word_match_of_the_alternation() -> None:
    import regex

    from papi_extract.scores import Phrases, _alt

    words = ["phấn đấu", "mục tiêu", "đề ra", "kế hoạch đạt", "nâng lên"]
    alt = regex.compile(rf"(?<!\w){_alt(words)}(?!\w)")
    ph = Phrases.of(words)
    for s in ("phan dau dat 6 diem", "de  ra muc\ttieu", "nang lenh; nang len", "kehoach dat", "dera", "x de ra"):
        m = alt.search(s)
        assert ph.start(s) == (m.start() if m else None)
        assert ph.search(s) == (m is not None)


def test_a_digit_of_another_script_still_passes_the_byte_prefilter() -> None:
    from papi_extract.normalize import normalize
    from papi_extract.scores import _Prose

    text = "Chỉ số Công khai minh bạch đạt ٥ điểm. Không có số nào ở đây điểm."
    ctx = DocContext(norm=normalize(text))
    prose = _Prose(ctx)
    assert prose._could(0, text.index("Không"))  # "٥" matches \d: the mask must not rule it out
    assert not prose._could(text.index("Không"), len(text))  # no digit at all


def test_degree_adverb_between_the_verb_and_the_figure() -> None:
    """ "tăng mạnh 0,65 điểm", "giảm sâu 0,3 điểm": the adverb does not hide the change."""
    ctx = parse(
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\n"
        "Năm 2022, chỉ số Quản trị điện tử đạt 3,95 điểm, tăng mạnh 0,65 điểm so với năm 2021; "
        "chỉ số Quản trị môi trường đạt 3,10 điểm, giảm sâu 0,3 điểm.\n"
    )
    assert get(ctx, 8, None, 2022, "actual").change == 0.65
    assert get(ctx, 7, None, 2022, "actual").change == -0.3


def test_figure_and_unit_on_two_lines_of_a_layout_dump() -> None:
    """A wrapped line may put "điểm" on the next line, after the page margin: still one figure."""
    margin = " " * 10
    ctx = parse(
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\n"
        f"{margin}Năm 2024, Chỉ số PAPI của tỉnh đạt 43,12\n{margin}điểm, tăng 0,40 điểm so với năm 2023; chỉ số "
        f"Quản trị điện tử đạt 3,71\n{margin}điểm, giảm 0,02\n{margin}điểm.\n"
    )
    total = get(ctx, None, None, 2024, "actual")
    assert (total.value, total.change) == (43.12, 0.4)
    e = get(ctx, 8, None, 2024, "actual")
    assert (e.value, e.change) == (3.71, -0.02)


def test_signed_figure_in_parentheses_is_the_change_of_the_name_before_it() -> None:
    """ "Chất lượng bầu cử cơ sở (-0,06 điểm)": no verb, the sign says down; "(+0,05 điểm)" up."""
    ctx = parse(
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\n"
        "Năm 2024, một số nội dung thành phần giảm điểm: Chất lượng bầu cử cơ sở (-0,06 điểm); "
        "Chất lượng không khí (-0,11 điểm); riêng Cơ hội tham gia (+0,05 điểm).\n"
    )
    assert get(ctx, 1, "1.3", 2024, "change").change == -0.06
    assert get(ctx, 7, "7.2", 2024, "change").raw == "Chất lượng không khí (-0,11 điểm)"
    assert get(ctx, 1, "1.2", 2024, "change").change == 0.05
    # an unsigned figure in parentheses stays an aside (a value given for comparison), not a change
    ctx = parse("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\n"
                "Năm 2022, Quản trị điện tử đạt 3,20 điểm, thấp hơn trung bình cả nước (3,45 điểm).\n")
    assert [(s.dimension, s.kind, s.value, s.change) for s in ctx.scores] == [(8, "actual", 3.2, None)]


def test_respectively_pairs_names_and_figures_in_order() -> None:
    """ "A, B lần lượt đạt x điểm và y điểm": x is A's, y is B's."""
    ctx = parse(
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\nIII. MỤC TIÊU\n\n"
        "Các chỉ số nội dung Quản trị môi trường, Quản trị điện tử lần lượt đạt tối thiểu 3,30 điểm và 4,00 điểm.\n"
    )
    assert get(ctx, 7, None, 2025, "target").value == 3.3
    assert get(ctx, 8, None, 2025, "target").value == 4.0
    ctx = parse("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\n"
                "Năm 2022, chỉ số Công khai, minh bạch và Thủ tục hành chính công lần lượt đạt 5,21 điểm và 7,02 điểm.\n")
    assert get(ctx, 2, None, 2022, "actual").value == 5.21
    assert get(ctx, 5, None, 2022, "actual").value == 7.02


def test_dimensions_named_by_number_in_prose() -> None:
    """ "Chỉ số nội dung 6 đạt 7,40 điểm", "chỉ số 3 (4,55 điểm)": a dimension named by its number is the figure's
    subject, in results and in targets (also after a clause about another one, and "lần lượt" over a list of numbers
    sharing one unit: "2, 5 và 7 … 5,12; 7,26 và 3,31 điểm"); "8 chỉ số nội dung" is a count, not a subject."""
    ctx = parse("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nI. KẾT QUẢ NĂM 2023\n\n"
                "Năm 2023, chỉ số nội dung 6 đạt 7,40 điểm, chỉ số 3 (4,55 điểm); cả 8 chỉ số nội dung đều có điểm "
                "thấp hơn trung bình, tổng điểm đạt 41,90 điểm.\n"
                "Các chỉ số nội dung 1, 4 và 8 lần lượt đạt 4,98; 6,12 và 2,87 điểm.\n\n"
                "II. MỤC TIÊU\n\n"
                "Phấn đấu năm 2024 chỉ số nội dung 2 tăng ít nhất 0,20 điểm; chỉ số nội dung 7 đạt từ 3,60 điểm trở lên.\n")
    got = sorted(((s.dimension, s.year, s.kind, s.value, s.change) for s in ctx.scores), key=str)
    assert got == sorted([(6, 2023, "actual", 7.4, None), (3, 2023, "actual", 4.55, None),
                          (None, 2023, "actual", 41.9, None), (1, 2023, "actual", 4.98, None),
                          (4, 2023, "actual", 6.12, None), (8, 2023, "actual", 2.87, None),
                          (2, 2024, "target", None, 0.2), (7, 2024, "target", 3.6, None)], key=str)


def test_the_province_as_the_subject_of_a_total() -> None:
    """ "Năm 2022, thành phố Cần Thơ đạt 43,05 điểm, tăng 0,40 điểm so với năm 2021 (42,65 điểm)": the city or
    province itself scores its total (a figure above a dimension's 10 points); "tỉnh" with no name is no subject."""
    ctx = parse("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\nI. KẾT QUẢ\n\n"
                "Năm 2022, thành phố Cần Thơ đạt 43,05 điểm, tăng 0,40 điểm so với năm 2021 (42,65 điểm), xếp thứ "
                "21/63.\n")
    e = get(ctx, None, None, 2022, "actual")
    assert (e.value, e.change, e.rank) == (43.05, 0.4, 21)
    assert get(ctx, None, None, 2021, "actual").value == 42.65


def test_a_bare_xep_ranks_only_out_of_a_number() -> None:
    """ "xếp 42/63" is a rank of 63 without "thứ" or "hạng"; a bare "xếp" before a count ("xếp 5 loại") is none."""
    ctx = parse("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\nI. KẾT QUẢ\n\n"
                "Năm 2024, thành phố Đà Nẵng đạt 44,02 điểm, xếp 12/63; chỉ số Quản trị điện tử đạt 3,91 điểm, "
                "xếp 5 nhóm.\n")
    e = get(ctx, None, None, 2024, "actual")
    assert (e.value, e.rank, e.rank_of) == (44.02, 12, 63)
    assert get(ctx, 8, None, 2024, "actual").rank is None


def test_score_table_whose_year_is_in_the_sentence_before_it() -> None:
    """ "Kết quả năm 2025 … như sau:" over "TT | Chỉ số nội dung | Điểm | Xếp hạng": the year of the columns."""
    ctx = parse(
        "# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2026\n\n## I. KẾT QUẢ\n\n"
        "Chỉ số PAPI năm 2025 của tỉnh đạt 43,86 điểm, xếp thứ 19/34. Kết quả từng chỉ số nội dung như sau:\n\n"
        "| TT | Chỉ số nội dung | Điểm | Xếp hạng |\n|---|---|---|---|\n"
        "| 1 | Tham gia của người dân ở cấp cơ sở | 5,12 | 17/34 |\n"
        "| 8 | Quản trị điện tử | 4,17 | 21/34 |\n", fmt="markdown")
    e = get(ctx, 8, None, 2025, "actual")
    assert (e.value, e.rank, e.rank_of) == (4.17, 21, 34)
    assert get(ctx, 1, None, 2025, "actual").value == 5.12


def test_table_column_of_a_year_after_the_plan_is_a_target() -> None:
    """A plan issued in 2025 with a table "Năm 2024 | Năm 2025 | Năm 2026": 2024 is a result; 2025 and
    2026 can only be aims (a year's PAPI results come out the next spring)."""
    ctx = parse(
        "UBND TỈNH LẠNG SƠN\n\nSố: 11/KH-UBND\n\nLạng Sơn, ngày 16 tháng 5 năm 2025\n\nKẾ HOẠCH\n\n"
        "Cải thiện Chỉ số PAPI giai đoạn 2025-2026\n\nI. KẾT QUẢ VÀ MỤC TIÊU\n\n"
        "TT\tChỉ số nội dung\tNăm 2024\tNăm 2025\tNăm 2026\n"
        "1\tTham gia của người dân ở cấp cơ sở\t5,02\t5,10\t5,20\n"
        "8\tQuản trị điện tử\t3,61\t3,75\t3,90\n")
    assert get(ctx, 8, None, 2024, "actual").value == 3.61
    assert get(ctx, 8, None, 2025, "target").value == 3.75
    assert get(ctx, 8, None, 2026, "target").value == 3.9
    assert get(ctx, 1, None, 2026, "target").value == 5.2


def test_figures_of_a_footnote_take_the_year_where_the_note_is_cited() -> None:
    """A note at the end of the file ("[^2]: … (-0,15 điểm) …") speaks of the year of the sentence that
    cites it, not of the heading it ends up under (here a 2024 appendix)."""
    ctx = parse(
        "# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\n## I. KẾT QUẢ\n\n"
        "Năm 2023, Chỉ số PAPI của tỉnh đạt 41,50 điểm, giảm 0,37 điểm so với năm 2022. "
        "Có 02 chỉ số nội dung giảm điểm[^2] cần khắc phục.\n\n"
        "## PHỤ LỤC NHIỆM VỤ NĂM 2024\n\n| TT | Nhiệm vụ | Chủ trì |\n|---|---|---|\n| 1 | Niêm yết thủ tục | Sở Nội vụ |\n\n"
        "[^2]: Gồm: Công khai, minh bạch (-0,15 điểm) và Quản trị môi trường (-0,22 điểm).\n", fmt="markdown")
    assert get(ctx, 2, None, 2023, "change").change == -0.15
    assert get(ctx, 7, None, 2023, "change").change == -0.22
    assert not [s for s in ctx.scores if s.year == 2024]
    # pandoc's back links, with the year's actual values known from a table: one record per fact
    ctx = parse(
        "KẾ HOẠCH\n\nNâng cao Chỉ số PAPI năm 2025\n\nI. KẾT QUẢ NĂM 2024\n\n"
        "TT\tChỉ số nội dung\tNăm 2024\n1\tTham gia của người dân ở cấp cơ sở\t5,02\n8\tQuản trị điện tử\t3,40\n\n"
        "Năm 2024, có 02 chỉ số tăng điểm[[1]](#_ftn1).\n\nII. NHIỆM VỤ NĂM 2025\n\n1. Sở Nội vụ chủ trì tập huấn.\n\n"
        "[[1]](#_ftnref1) Tham gia của người dân ở cấp cơ sở (+0,11 điểm), Quản trị điện tử (+0,09 điểm).\n")
    assert get(ctx, 1, None, 2024, "actual").change == 0.11
    assert get(ctx, 8, None, 2024, "actual").change == 0.09


def test_unsigned_figure_opening_a_parenthesis_is_the_value_of_the_name_before_it() -> None:
    """ "…; Quản trị môi trường (3,12 điểm); …": the value of the name before the parenthesis, not of the
    previous subject in the list; a comparison year's parenthesis keeps its own reading."""
    ctx = parse(
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nI. KẾT QUẢ\n\n"
        "Năm 2023, các chỉ số còn thấp: Công khai, minh bạch đạt 4,80 điểm; Quản trị môi trường (3,12 điểm); "
        "Quản trị điện tử (2,95 điểm).\n"
        "Chỉ số PAPI năm 2023 đạt 42,10 điểm, tăng 0,40 điểm so với năm 2022 (41,70 điểm).\n")
    assert get(ctx, 2, None, 2023, "actual").value == 4.8
    assert get(ctx, 7, None, 2023, "actual").value == 3.12
    assert get(ctx, 8, None, 2023, "actual").value == 2.95
    assert get(ctx, None, None, 2022, "actual").value == 41.7
    assert get(ctx, None, None, 2023, "actual").value == 42.1


def test_total_row_without_its_empty_label_cell_is_read_in_the_right_columns() -> None:
    """Word drops a row's leading empty cell on export: "Tổng điểm<TAB>43,09…" is one cell short, its
    values one column left of the header's; they shift back, not into the previous year's column."""
    ctx = parse(
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\nI. KẾT QUẢ\n\n"
        "STT\tChỉ số nội dung\tNăm 2021\tNăm 2022\tXếp hạng 2022\n"
        "1\tTham gia của người dân ở cấp cơ sở\t4,90\t5,12\t20\n"
        "2\tQuản trị điện tử\t3,01\t3,44\t12\n"
        "Tổng điểm\t42,10\t42,95\t31\n")
    assert get(ctx, None, None, 2021, "actual").value == 42.1
    t = get(ctx, None, None, 2022, "actual")
    assert (t.value, t.rank) == (42.95, 31)
    assert get(ctx, 8, None, 2022, "actual").value == 3.44


def test_transposed_table_one_cell_per_line_with_wrapped_column_names() -> None:
    """Years as rows, indicators as columns, flattened by a PDF's plain text: each column name wrapped
    over lines (one across a page break), then a row per year and a change row for the latest year."""
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\nI. KẾT QUẢ\nKết quả của tỉnh như sau:\n"
        "Năm\nThủ tục\nhành chính\ncông\nQuản trị\nTrang 2/4\nUBND XÃ HÒA AN\nmôi trường\nQuản trị\nđiện tử\n"
        "Tổng\nđiểm\nXếp\nhạng\n"
        "2022\n7,12\n3,30\n3,05\n42,61\n40/63\n"
        "2023\n7,20\n3,18\n3,41\n43,02\n35/63\n"
        "Tăng/giảm\n+0,08\n-0,12\n+0,36\n+0,41\n+5 bậc\n"
        "Năm 2023, chỉ số Quản trị môi trường giảm điểm.\nTrang 3/4\nUBND XÃ HÒA AN\nII. NHIỆM VỤ\n"
    )
    ctx = parse(text)
    assert get(ctx, 5, None, 2022, "actual").value == 7.12
    e = get(ctx, 7, None, 2023, "actual")
    assert (e.value, e.change) == (3.18, -0.12)
    t = get(ctx, None, None, 2023, "actual")
    assert (t.value, t.change, t.rank, t.rank_of) == (43.02, 0.41, 35, 63)
    assert get(ctx, None, None, 2022, "actual").rank == 40
    assert sorted(m.dimension for m in ctx.indicators if m.method == "score_table") == [5, 7, 8]


def test_a_sentence_with_no_year_under_a_heading_with_none_speaks_of_the_last_year_stated() -> None:
    """An article's crosshead names no year; "Chỉ số PAPI năm 2023 … Trong 8 chỉ số, … Quản trị điện tử
    (3,64 điểm, tăng 0,21 điểm)": the later sentence speaks of 2023 (not of the "so với năm 2022")."""
    ctx = parse(
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\nI. KẾT QUẢ KHẢO SÁT\n\n"
        "Chỉ số PAPI năm 2023 của tỉnh đạt 42,71 điểm, giảm 0,24 điểm so với năm 2022. "
        "Trong 8 chỉ số nội dung, có 2 chỉ số tăng điểm là Thủ tục hành chính công (7,38 điểm, tăng 0,12 điểm) "
        "và Quản trị điện tử (3,64 điểm, tăng 0,21 điểm).\n")
    e = get(ctx, 8, None, 2023, "actual")
    assert (e.value, e.change) == (3.64, 0.21)
    assert get(ctx, 5, None, 2023, "actual").value == 7.38


def test_space_aligned_score_table_with_wrapped_header_and_names() -> None:
    """A word processor's text export of a score table: no "TT" column, every header cell wrapped over
    two lines ("Điểm" over "2023", "Chênh" over "lệch"), a long name wrapped below its row's figures,
    no blank line between rows. Each row gives both years and the latest year's change; the rows
    are no headings."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\n"
        "I. KẾT QUẢ NĂM 2024\n"
        "Kết quả Chỉ số PAPI của tỉnh như sau:\n\n"
        "Nội dung chỉ số                      Điểm        Điểm        Chênh\n"
        "                                     2023        2024        lệch\n\n"
        "1. Tham gia của người dân ở          4,95        5,20        +0,25\n"
        "cấp cơ sở\n"
        "2. Kiểm soát tham nhũng trong        6,10        5,88        -0,22\n"
        "khu vực công\n"
        "Tổng điểm                            41,02       41,80       +0,78\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Tăng cường công khai ngân sách xã.\n"
    )
    ctx = parse(text)
    assert facts(ctx) >= {
        (1, None, 2023, "actual", 4.95, None, None, None, None),
        (1, None, 2024, "actual", 5.2, 0.25, None, None, None),
        (4, None, 2023, "actual", 6.1, None, None, None, None),
        (4, None, 2024, "actual", 5.88, -0.22, None, None, None),
        (None, None, 2024, "actual", 41.8, 0.78, None, None, None),
    }
    assert [s.title for s in ctx.sections] == ["KẾT QUẢ NĂM 2024", "NHIỆM VỤ, GIẢI PHÁP"]



def test_indented_space_aligned_score_table_with_a_total_row_spanning_two_columns() -> None:
    """An HTML-to-text renderer (inscriptis) indents a page's table and pads its columns: the column starts
    count from the line's first character. Its "Tổng điểm" cell spans the number and name columns, so the
    total row's figures are printed one column to the left; a total row whose name column is merely empty
    keeps its figures where they are."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n\n"
        "I. KẾT QUẢ NĂM 2023\n"
        "Điểm các chỉ số nội dung như sau:\n\n"
        "      STT   Chỉ số nội dung                          Năm 2022  Năm 2023  Tăng, giảm\n"
        "      1     Thủ tục hành chính công                  7,31      7,40      +0,09     \n"
        "      2     Quản trị môi trường                      3,52      3,38      -0,14     \n"
        "      3     Quản trị điện tử                         3,60      3,71      +0,11     \n"
        "      Tổng điểm  44,02                               44,14     +0,12\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Tăng cường công khai ngân sách xã.\n"
    )
    ctx = parse(text)
    assert facts(ctx) >= {
        (5, None, 2022, "actual", 7.31, None, None, None, None),
        (5, None, 2023, "actual", 7.4, 0.09, None, None, None),
        (7, None, 2023, "actual", 3.38, -0.14, None, None, None),
        (None, None, 2022, "actual", 44.02, None, None, None, None),
        (None, None, 2023, "actual", 44.14, 0.12, None, None, None),
    }
    kept = text.replace("      Tổng điểm  44,02                               44,14     +0,12",
                        "      Tổng điểm                                      44,02     44,14     ")
    assert {(s.year, s.value, s.change) for s in parse(kept).scores if s.dimension is None and s.method == "table"} == {
        (2022, 44.02, None), (2023, 44.14, None)}

def test_space_aligned_score_table_whose_number_column_is_glued_to_the_name_column() -> None:
    """A plain-text score table whose number column is only as wide as "STT" plus one space: "STT Nội
    dung chỉ số" is two columns, so the table is read. Its rank column's header wraps ("Thứ hạng" over
    "2023"), and a name wrapped below its figures still names the row's indicator."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n\n"
        "I. KẾT QUẢ\n"
        "Kết quả các chỉ số nội dung của huyện:\n\n"
        "STT Nội dung chỉ số                   Năm 2022   Năm 2023   Thứ hạng\n"
        "                                                                2023\n"
        "1   Kiểm soát tham nhũng trong khu       6,41       6,57         21\n"
        "    vực công\n"
        "2   Quản trị điện tử                     3,02       3,47          8\n"
        "    Tổng điểm                           42,10      43,02         15\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Tăng cường công khai ngân sách xã.\n"
    )
    ctx = parse(text)
    assert {(s.dimension, s.year, s.value, s.rank) for s in ctx.scores if s.kind == "actual"} >= {
        (4, 2022, 6.41, None), (4, 2023, 6.57, 21), (8, 2022, 3.02, None), (8, 2023, 3.47, 8),
        (None, 2022, 42.1, None), (None, 2023, 43.02, 15)}
    table_names = {(m.dimension, m.raw) for m in ctx.indicators if m.method == "score_table"}
    assert table_names == {(4, "Kiểm soát tham nhũng trong khu"), (8, "Quản trị điện tử")}
    assert [s.title for s in ctx.sections] == ["KẾT QUẢ", "NHIỆM VỤ, GIẢI PHÁP"]


def test_space_aligned_score_table_centred_over_three_lines() -> None:
    """``pdftotext -layout`` of a score table whose cells are centred vertically: the year columns' names
    sit above and below the "TT" line ("Điểm" / "TT  Nội dung chỉ số" / "2022"), and a row whose name
    wraps has its number and figures on its middle line, the name's first line above them."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n\n"
        "I. KẾT QUẢ NĂM 2023\n"
        "Kết quả các chỉ số nội dung của huyện như sau:\n\n"
        "                                                 Điểm       Điểm      Chênh\n"
        "TT   Nội dung chỉ số\n"
        "                                                 2022       2023      lệch\n\n"
        "1    Thủ tục hành chính công                     7,02       7,15      +0,13\n\n"
        "     Trách nhiệm giải trình với người\n"
        "2                                                4,40       4,28      -0,12\n"
        "     dân\n\n"
        "3    Quản trị môi trường                         3,33       3,47      +0,14\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Tăng cường công khai ngân sách xã.\n"
    )
    ctx = parse(text)
    assert facts(ctx) >= {
        (5, None, 2022, "actual", 7.02, None, None, None, None),
        (5, None, 2023, "actual", 7.15, 0.13, None, None, None),
        (3, None, 2022, "actual", 4.4, None, None, None, None),
        (3, None, 2023, "actual", 4.28, -0.12, None, None, None),
        (7, None, 2023, "actual", 3.47, 0.14, None, None, None),
    }
    assert [s.title for s in ctx.sections] == ["KẾT QUẢ NĂM 2023", "NHIỆM VỤ, GIẢI PHÁP"]


def test_lettered_sub_rows_of_a_score_table_are_its_sub_dimensions() -> None:
    """Sub-rows lettered "a", "b" (no dot, no parenthesis) under a dimension's row name its
    sub-dimensions: the letter is the row's label, the name its indicator, the figures its scores."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\n"
        "I. KẾT QUẢ\n\n"
        "| TT | Chỉ số | Năm 2023 | Năm 2024 |\n"
        "|---|---|---|---|\n"
        "| 1 | Quản trị môi trường | 3,10 | 3,02 |\n"
        "| a | Chất lượng không khí | 1,21 | 1,15 |\n"
        "| b | Chất lượng nước | 1,30 | 1,27 |\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Tăng cường công khai ngân sách xã.\n"
    )
    ctx = parse(text, "markdown")
    assert {(s.dimension, s.subdimension, s.year, s.value) for s in ctx.scores} >= {
        (7, None, 2024, 3.02), (7, "7.2", 2023, 1.21), (7, "7.2", 2024, 1.15), (7, "7.3", 2024, 1.27)}
    assert {m.subdimension for m in ctx.indicators if m.method == "score_table"} >= {"7.2", "7.3"}


def test_a_signed_figure_alone_in_the_parenthesis_after_a_value_is_its_change() -> None:
    """ "6,52 điểm (-0,11)": a signed figure with no unit in the parenthesis right after a value is that
    value's change; a figure in a parenthesis that follows no value is not."""
    ctx = parse(
        "KẾ HOẠCH\nPAPI huyện năm 2025\n\nI. KẾT QUẢ NĂM 2024\n"
        "- Kiểm soát tham nhũng trong khu vực công: 6,52 điểm (-0,11);\n"
        "- Thủ tục hành chính công: 7,30 điểm (+ 0,05).\n"
    )
    assert facts(ctx) >= {(4, None, 2024, "actual", 6.52, -0.11, None, None, None),
                          (5, None, 2024, "actual", 7.3, 0.05, None, None, None)}


def test_figures_under_a_heading_over_a_span_of_years_speak_of_its_last_year() -> None:
    """Under "KẾT QUẢ … GIAI ĐOẠN 2022 - 2024" a figure with no year of its own is the latest year's."""
    ctx = parse("KẾ HOẠCH\nPAPI tỉnh năm 2025\n\nI. KẾT QUẢ CHỈ SỐ PAPI GIAI ĐOẠN 2022 - 2024\n"
                "Nội dung thành phần Chất lượng nước giảm 0,05 điểm; Tiếp cận dịch vụ tư pháp tăng 0,12 điểm.\n")
    assert {(s.subdimension, s.year, s.change) for s in ctx.scores} == {("7.3", 2024, -0.05), ("3.3", 2024, 0.12)}


def test_a_clause_naming_an_indicator_hands_it_to_the_next_clause() -> None:
    """ "Chỉ số Thủ tục hành chính công giảm hai năm liền; năm 2024 đạt 7,02 điểm, giảm 0,21 điểm": the
    figures of the second clause are the indicator's the first clause named."""
    ctx = parse("KẾ HOẠCH\nPAPI huyện năm 2025\n\nI. KẾT QUẢ\nChỉ số Thủ tục hành chính công giảm hai năm liền; "
                "năm 2024 đạt 7,02 điểm, giảm 0,21 điểm so với năm 2023.\n")
    assert facts(ctx) >= {(5, None, 2024, "actual", 7.02, -0.21, None, None, None)}


def test_list_items_under_a_lead_in_take_its_subject() -> None:
    """ "Chỉ số PAPI của huyện … như sau:" over "- Năm 2022: 40,10 điểm (xếp thứ 12/15);" items: each item
    is the total of its year; the sentence after the list compares them."""
    ctx = parse("KẾ HOẠCH\nPAPI huyện năm 2025\n\nI. KẾT QUẢ\nTrong ba năm qua, Chỉ số PAPI của tỉnh có nhiều biến "
                "động, cụ thể như sau:\n- Năm 2022: 40,10 điểm (xếp thứ 52/63);\n- Năm 2023: 41,35 điểm (xếp thứ 47/63);\n"
                "- Năm 2024: 42,02 điểm (xếp thứ 40/63).\n")
    assert facts(ctx) >= {(None, None, 2022, "actual", 40.1, None, 52, 63, None),
                          (None, None, 2023, "actual", 41.35, None, 47, 63, None),
                          (None, None, 2024, "actual", 42.02, None, 40, 63, None)}


def test_a_sentence_about_another_index_states_no_papi_figure() -> None:
    """ "Trong Chỉ số PCI, chỉ số thành phần Tính minh bạch và tiếp cận thông tin giảm 0,30 điểm": a name
    that reads like PAPI's under another index gives no PAPI record; a sentence naming PAPI still does."""
    ctx = parse("KẾ HOẠCH\nCải thiện các chỉ số năm 2025\n\nI. KẾT QUẢ NĂM 2024\n"
                "Trong Chỉ số PCI, chỉ số thành phần Tính minh bạch và tiếp cận thông tin giảm 0,30 điểm. "
                "Chỉ số PAPI năm 2024 của tỉnh đạt 43,10 điểm; Tiếp cận thông tin giảm 0,08 điểm.\n")
    assert {(s.dimension, s.subdimension, s.value, s.change) for s in ctx.scores} == {
        (None, None, 43.1, None), (2, "2.1", None, -0.08)}


def test_a_chart_written_as_text_gives_one_record_per_year() -> None:
    """ "Quản trị điện tử: 2023 – 3,05; 2024 – 3,41" under a chart's caption: each year's value of the named
    indicator (a line naming no indicator, or giving one year only, is not such a line)."""
    ctx = parse("KẾ HOẠCH\nPAPI tỉnh năm 2025\n\nI. KẾT QUẢ\n*Biểu đồ 2: Điểm hai chỉ số nội dung*\n\n"
                "Quản trị điện tử: 2023 – 3,05; 2024 – 3,41\n\nQuản trị môi trường: 2023 - 3,22; 2024 - 3,18\n\n"
                "Ghi chú: 2024 – 1,5\n")
    assert facts(ctx) >= {(8, None, 2023, "actual", 3.05, None, None, None, None),
                          (8, None, 2024, "actual", 3.41, None, None, None, None),
                          (7, None, 2024, "actual", 3.18, None, None, None, None)}
    assert not any(s.value == 1.5 for s in ctx.scores)


def test_a_year_inside_a_parenthesis_stays_in_it() -> None:
    """ "… (năm 2022 đạt 4,10 điểm), xếp thứ 40/63; (2) … đạt 6,02 điểm": the aside's year is its own figure's;
    the figures after it keep the sentence's year."""
    ctx = parse("KẾ HOẠCH\nPAPI huyện năm 2024\n\nI. KẾT QUẢ CHỈ SỐ PAPI NĂM 2023\n"
                "Kết quả như sau: (1) Trách nhiệm giải trình với người dân đạt 4,32 điểm (năm 2022 đạt 4,10 điểm), "
                "xếp thứ 40/63; (2) Kiểm soát tham nhũng trong khu vực công đạt 6,02 điểm, xếp thứ 35/63.\n")
    assert {(s.dimension, s.year, s.value) for s in ctx.scores if s.dimension == 4} == {(4, 2023, 6.02)}
    assert (3, 2022, 4.1) in {(s.dimension, s.year, s.value) for s in ctx.scores}


def test_a_floor_under_the_objectives_is_a_target_of_the_plan_year_whatever_year_the_sentence_names() -> None:
    """Under "MỤC TIÊU", "Các chỉ số giảm điểm năm 2023 phải được nâng lên: Quản trị môi trường đạt 3,60 điểm
    trở lên": the floor is the plan year's target; "năm 2023" names what it improves on. A figure without
    "trở lên" that the sentence dates to a past year stays that year's result."""
    ctx = parse(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n\nII. MỤC TIÊU\n"
        "Các chỉ số giảm điểm năm 2023 cần được cải thiện, trong đó Quản trị môi trường đạt 3,60 điểm trở lên.\n"
        "Năm 2023, Quản trị điện tử đạt 3,12 điểm.\n"
    )
    assert facts(ctx) >= {(7, None, 2024, "target", 3.6, None, None, None, None),
                          (8, None, 2023, "actual", 3.12, None, None, None, None)}


def test_a_second_rank_with_its_own_year_is_that_years_rank() -> None:
    """ "…, đứng thứ 21/63 (năm 2022 đứng thứ 30/63)" and "…, xếp hạng 15/63, năm 2022 xếp hạng 19/63": the second
    rank is the named year's, not lost because the figure already has one."""
    ctx = parse(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n\nI. KẾT QUẢ\n"
        "Chỉ số PAPI năm 2023 của tỉnh đạt 43,10 điểm, đứng thứ 21/63 (năm 2022 đứng thứ 30/63), tăng 9 bậc. "
        "Năm 2023, chỉ số Quản trị điện tử đạt 3,52 điểm, xếp hạng 15/63, năm 2022 xếp hạng 19/63.\n"
    )
    got = {(s.dimension, s.year, s.value, s.rank) for s in ctx.scores}
    assert got >= {(None, 2023, 43.1, 21), (None, 2022, None, 30), (8, 2023, 3.52, 15), (8, 2022, None, 19)}


def test_a_hard_wrapped_lead_in_gives_the_year_of_a_table_without_one() -> None:
    """ "Theo Báo cáo PAPI năm 2021, tỉnh … đạt 42,15 điểm, đứng thứ" / "39/63. Điểm các chỉ số nội dung cụ thể như sau:"
    over "| Stt | Chỉ số | Điểm | Thứ hạng |": the paragraph's year, read across its lines, is the table's."""
    from papi_extract.pipeline import parse_text

    doc = parse_text(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI tỉnh Yên Bái năm 2022\n\nI. KẾT QUẢ\n\n"
        "Theo Báo cáo PAPI năm 2021, tỉnh Yên Bái đạt 42,15 điểm, đứng thứ\n"
        "39/63. Điểm các chỉ số nội dung cụ thể như sau:\n\n"
        "| Stt | Chỉ số | Điểm | Thứ hạng |\n"
        "| 1 | Tham gia của người dân ở cấp cơ sở | 4,91 | 40 |\n"
        "| 2 | Thủ tục hành chính công | 7,02 | 35 |\n\n"
        "II. NHIỆM VỤ\n"
    )
    got = {(s.dimension, s.year, s.value, s.rank) for s in doc.scores}
    assert {(1, 2021, 4.91, 40), (5, 2021, 7.02, 35)} <= got


def test_a_target_increase_with_a_floor_word_is_a_change() -> None:
    """"tăng tối thiểu 0,3 điểm" / "tăng ít nhất …": the figure is the increase aimed at, not the score."""
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2025\n\nI. MỤC TIÊU\n"
        "Phấn đấu năm 2025 Chỉ số PAPI của huyện tăng tối thiểu 0,3 điểm so với năm 2024; chỉ số Quản trị "
        "điện tử tăng ít nhất 0,2 điểm.\n\nII. NHIỆM VỤ\n1. Phòng Nội vụ theo dõi.\n"
    )
    ctx = parse(text)
    got = {(s.dimension, s.year, s.kind, s.value, s.change) for s in ctx.scores}
    assert (None, 2025, "target", None, 0.3) in got
    assert (8, 2025, "target", None, 0.2) in got


def test_a_rank_in_the_parenthesis_after_a_compared_year_is_that_years() -> None:
    """"…, giảm 4 bậc so với năm 2022 (xếp thứ 18/63)": the rank of 2022, not a second rank of 2023; and a
    parenthesis naming its own year ("(năm 2022 xếp hạng 18/63)") keeps its rank off the sentence's year."""
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nI. KẾT QUẢ\n"
        "Năm 2023, Chỉ số PAPI của huyện đạt 42,10 điểm, xếp thứ 22/63, giảm 4 bậc so với năm 2022 (xếp thứ 18/63).\n"
        "Chỉ số Quản trị điện tử đạt 3,40 điểm (năm 2022 xếp hạng 12/63).\n\n"
        "II. NHIỆM VỤ\n1. Phòng Nội vụ theo dõi.\n"
    )
    ctx = parse(text)
    got = {(s.dimension, s.year, s.value, s.rank, s.rank_of, s.rank_change) for s in ctx.scores}
    assert (None, 2023, 42.1, 22, 63, -4) in got
    assert (None, 2022, None, 18, 63, None) in got
    assert (8, 2023, 3.4, None, None, None) in got
    assert (8, 2022, None, 12, 63, None) in got


def test_a_change_in_words_opening_a_parenthesis_is_the_named_indicators() -> None:
    """"… có 02 chỉ số giảm điểm là Quản trị môi trường (giảm 0,11 điểm) và Thủ tục hành chính công (giảm
    0,04 điểm)": each parenthesis holds the change of the indicator named right before it."""
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nI. KẾT QUẢ NĂM 2023\n"
        "Trong 08 chỉ số nội dung, có 02 chỉ số giảm điểm là Quản trị môi trường (giảm 0,11 điểm) và Thủ tục "
        "hành chính công (giảm 0,04 điểm).\n\nII. NHIỆM VỤ\n1. Phòng Nội vụ theo dõi.\n"
    )
    ctx = parse(text)
    assert {(s.dimension, s.year, s.kind, s.change) for s in ctx.scores} == {
        (7, 2023, "change", -0.11), (5, 2023, "change", -0.04)}


def test_a_targets_year_is_not_taken_from_an_earlier_clause() -> None:
    """"Khắc phục các chỉ số giảm điểm năm 2022; riêng Chỉ số … phấn đấu đạt từ 3,60 điểm trở lên": the year names
    what the first clause repairs; the aim is the plan year's. A year in the aim's own clause still dates it."""
    ctx = parse(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI tỉnh năm 2024\n\nII. MỤC TIÊU\n"
        "- Cải thiện các chỉ số nội dung bị giảm điểm trong năm 2023; riêng chỉ số Quản trị điện tử "
        "phấn đấu đạt từ 3,80 điểm trở lên.\n"
        "- Phấn đấu đến năm 2026, Chỉ số PAPI của tỉnh đạt 45 điểm; giữ vững thứ hạng.\n\n"
        "III. NHIỆM VỤ\n"
        "Các chỉ số giảm điểm năm 2023 cần khắc phục; mục tiêu chỉ số Quản trị môi trường đạt 3,50 điểm.\n"
    )
    got = {(s.dimension, s.year, s.kind, s.value) for s in ctx.scores}
    assert {(8, 2024, "target", 3.8), (None, 2026, "target", 45.0), (7, 2024, "target", 3.5)} <= got
    assert not any(s.kind == "target" and s.year == 2023 for s in ctx.scores)


def test_a_score_table_printed_column_by_column_in_bands() -> None:
    """pdftotext's default mode: "STT" / its numbers / the names (one wrapped over two lines) up to "Tổng điểm",
    then each value column as a block (its header, "Năm" / "2023", above its first values). A tall first row
    makes a band of its own, so the first row's three values come first, then the rest of each column in turn."""
    names = ["Tham gia của người dân ở cấp cơ sở", "Công khai, minh bạch trong việc ra quyết", "định ở địa phương",
             "Trách nhiệm giải trình với người dân", "Kiểm soát tham nhũng trong khu vực công",
             "Thủ tục hành chính công", "Cung ứng dịch vụ công", "Quản trị môi trường", "Quản trị điện tử", "Tổng điểm"]
    y23 = ["5,10", "5,02", "4,31", "6,55", "7,30", "7,48", "3,55", "3,61", "42,92"]
    y24 = ["5,18", "4,97", "4,40", "6,61", "7,25", "7,52", "3,49", "3,83", "43,25"]
    chg = ["+0,08", "-0,05", "+0,09", "+0,06", "-0,05", "+0,04", "-0,06", "+0,22", "+0,33"]
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI tỉnh năm 2025\n\nI. KẾT QUẢ NĂM 2024\nKết quả cụ thể như sau:\n"
            "STT Chỉ số nội dung\n" + "\n".join(str(k) for k in range(1, 9)) + "\n\n" + "\n".join(names) + "\n\n"
            f"Năm\n2023\n{y23[0]}\n\nNăm\n2024\n{y24[0]}\n\nTăng, giảm\n{chg[0]}\n\n"
            + "\n".join(y23[1:]) + "\n\n" + "\n".join(y24[1:]) + "\n\n" + "\n".join(chg[1:]) + "\n\n"
            "II. NHIỆM VỤ\n1. Sở Nội vụ theo dõi, đôn đốc.\n")
    ctx = parse(text)
    got = {(s.dimension, s.year, s.value, s.change) for s in ctx.scores if s.kind == "actual"}
    assert {(1, 2023, 5.1, None), (1, 2024, 5.18, 0.08), (2, 2024, 4.97, -0.05), (8, 2023, 3.61, None),
            (8, 2024, 3.83, 0.22), (None, 2024, 43.25, 0.33), (None, 2023, 42.92, None)} <= got
    assert len(got) == 18
    # the names alone, the figures then in prose: no table
    prose = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI tỉnh năm 2025\n\nI. KẾT QUẢ NĂM 2024\n" + "\n".join(names) + "\n\n"
             "Các chỉ số trên được đánh giá theo 8 nội dung.\n5,10\n")
    assert parse(prose).scores == []


def test_an_ocr_score_table_with_some_walls_and_a_compared_with_column() -> None:
    """Tesseract keeps some of a ruled table's walls ("TT |Chỉ số nội dung Điểm năm 2024 | So với 2023") and reads a
    row number's box as a stray mark ("2_ |"); "So với 2023" is the latest year's change against 2023."""
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI xã Hòa Bình năm 2025\n\nI. KẾT QUẢ NĂM 2024\n\n"
        "Kết quả các chỉ số nội dung:\n\n"
        "TT |Chỉ số nội dung Điểm năm 2024 | So với 2023\n"
        "1 |Trách nhiệm giải trình với người dân 4,58 -0,02\n"
        "2_ |Thủ tục hành chính công 7,40 +0,13\n"
        "3 |Cung ứng dịch vụ công 7,62 +0,04\n"
        "4. |Quản trị điện tử 3,55 +0,20\n\n"
        "II. NHIỆM VỤ\n1. Công chức Văn phòng - Thống kê theo dõi.\n"
    )
    ctx = parse(text)
    got = {(s.dimension, s.year): (s.value, s.change) for s in ctx.scores if s.kind == "actual"}
    assert got == {(3, 2024): (4.58, -0.02), (5, 2024): (7.4, 0.13), (6, 2024): (7.62, 0.04), (8, 2024): (3.55, 0.2)}


def test_a_score_table_printed_as_a_stream_of_cells_each_followed_by_a_blank_line() -> None:
    """pdfminer.six prints every cell as a text box of its own: the header cells, the row numbers, the names, then
    each value column in turn ("Tổng điểm" among the figures where its row falls, the change column's name where
    that column starts). The figures fill the columns name by name."""
    cells = (["TT Chỉ số nội dung", "Điểm năm 2023", "Điểm năm 2024", "1", "2", "3", "4",
              "Tham gia của người dân ở cấp cơ sở", "Công khai, minh bạch trong việc ra\nquyết định ở địa phương",
              "5 Thủ tục hành chính công", "6 Cung ứng dịch vụ công",
              "5,10", "5,24", "7,35", "7,50", "Tổng điểm", "42,80",
              "5,20", "5,31", "7,29", "7,62", "43,10", "Tăng,\ngiảm", "+0,10", "+0,07", "-0,06", "+0,12", "+0,30"])
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh năm 2025\n\nI. KẾT QUẢ NĂM 2024\n\n" + "\n\n".join(cells)
            + "\n\nII. NHIỆM VỤ\n\n1. Sở Nội vụ theo dõi, tổng hợp.\n")
    ctx = parse(text)
    got = {(s.dimension, s.year): (s.value, s.change) for s in ctx.scores if s.kind == "actual" and s.method == "table"}
    assert got == {(1, 2023): (5.1, None), (1, 2024): (5.2, 0.1), (2, 2023): (5.24, None), (2, 2024): (5.31, 0.07),
                   (5, 2023): (7.35, None), (5, 2024): (7.29, -0.06), (6, 2023): (7.5, None), (6, 2024): (7.62, 0.12),
                   (None, 2023): (42.8, None), (None, 2024): (43.1, 0.3)}
    # one figure missing: the columns do not fill, no table is read
    short = text.replace("\n\n+0,30", "")
    assert not [s for s in parse(short).scores if s.method == "table"]


def test_space_aligned_score_table_whose_header_glues_its_columns_with_one_space() -> None:
    """A text browser's dump (``lynx -dump``) pads each cell to its column's width and centres the header's
    names: a full cell leaves one space before the next, so the year columns' names are one piece ("Điểm
    2021 Điểm 2022 So sánh") and a long name runs into its first figure. The columns are where the rows
    start their pieces."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2023\n\n"
        "I. KẾT QUẢ NĂM 2022\n"
        "Kết quả từng lĩnh vực:\n"
        " STT            Lĩnh vực                    Điểm 2021 Điểm 2022 So sánh\n"
        " 1  Thủ tục hành chính công                 7,02      7,15      +0,13\n"
        " 2  Kiểm soát tham nhũng trong khu vực công 6,44      6,38      -0,06\n"
        " 3  Quản trị điện tử                        3,10      3,31      +0,21\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Tăng cường công khai ngân sách xã.\n"
    )
    ctx = parse(text)
    assert {(s.dimension, s.year, s.value, s.change) for s in ctx.scores if s.kind == "actual"} >= {
        (5, 2021, 7.02, None), (5, 2022, 7.15, 0.13), (4, 2021, 6.44, None), (4, 2022, 6.38, -0.06),
        (8, 2022, 3.31, 0.21)}
    # a header whose names stand apart is read by its own pieces, as before: nothing cuts the glued name
    spaced = text.replace("Điểm 2021 Điểm 2022 So sánh", "Điểm 2021  Điểm 2022  So sánh")
    assert (4, 2021, 6.44) not in {(s.dimension, s.year, s.value) for s in parse(spaced).scores}


def test_cell_per_line_score_table_with_a_comparison_column_in_words() -> None:
    """A scraper's one-cell-per-line score table whose last column "So sánh" holds the change in words
    ("Tăng 0,11", "Giảm 0,04"): the years' scores, then the latest year's change, its sign from the word."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2025\n\n"
        "I. KẾT QUẢ NĂM 2024\n"
        "Kết quả như sau:\n"
        "TT\nNội dung\nNăm 2023\nNăm 2024\nSo sánh\n"
        "1\nCung ứng dịch vụ công\n7,40\n7,51\nTăng 0,11\n"
        "2\nQuản trị môi trường\n3,45\n3,41\nGiảm 0,04 điểm\n"
        "3\nQuản trị điện tử\n3,60\n3,80\nTăng 0,20\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Tăng cường công khai ngân sách xã.\n"
    )
    got = {(s.dimension, s.year, s.value, s.change) for s in parse(text).scores if s.method.startswith("table")}
    assert got >= {(6, 2023, 7.4, None), (6, 2024, 7.51, 0.11), (7, 2024, 3.41, -0.04), (8, 2024, 3.8, 0.2)}


def test_layout_mode_score_table_with_pushed_figures_and_a_name_over_two_lines() -> None:
    """pdfplumber's layout mode: the table sits in the page's margin (indented past eight columns), a long
    name pushes the row's figures right with one space each (past the column's start, even nearer the next
    column's), and the change column's name is centred over and under the header line."""
    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2024\n\n"
        "I. KẾT QUẢ NĂM 2023\n"
        "Kết quả các lĩnh vực như sau:\n"
        "                                                                Chênh lệch\n"
        "          TT   Lĩnh vực                       Điểm 2022 Điểm 2023\n"
        "                                                                (điểm)\n"
        "          1    Thủ tục hành chính công        7,10      7,25    +0,15\n"
        "          2    Kiểm soát tham nhũng trong khu vực công 6,40 6,52 +0,12\n"
        "          3    Trách nhiệm giải trình với người dân ở xã 4,20 4,11 -0,09\n"
        "          4    Quản trị điện tử               3,30      3,62    +0,32\n\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Tăng cường công khai ngân sách xã.\n"
    )
    got = {(s.dimension, s.year, s.value, s.change) for s in parse(text).scores if s.method.startswith("table")}
    assert got >= {(5, 2022, 7.1, None), (5, 2023, 7.25, 0.15), (4, 2022, 6.4, None), (4, 2023, 6.52, 0.12),
                   (3, 2022, 4.2, None), (3, 2023, 4.11, -0.09), (8, 2023, 3.62, 0.32)}


def test_a_short_row_under_a_table_whose_names_stand_far_right_does_not_break_the_reader() -> None:
    """(Found by fuzzing.) A two-cell line after a score table whose names are in its fifth column reads as a
    row that lost its first cells; the check for a merged label printed twice must not look past its cells."""
    text = ("KẾ HOẠCH\nPAPI năm 2024\n\nI. KẾT QUẢ\n"
            "TT\tNhóm\tMã\tKý hiệu\tChỉ số nội dung\tNăm 2023\n"
            "1\tA\tB\tC\tThủ tục hành chính công\t7,10\n"
            "2\tA\tB\tC\tQuản trị điện tử\t3,20\n"
            "Các phòng triển khai thực hiện\tbáo cáo kết quả về Sở trước ngày 15.\n\nII. NHIỆM VỤ\n1. Tuyên truyền.\n")
    got = {(s.dimension, s.year, s.value) for s in parse(text).scores}
    assert got >= {(5, 2023, 7.1), (8, 2023, 3.2)}


def test_a_figure_wrapped_onto_an_indented_next_line_still_belongs_to_its_verb() -> None:
    """A text browser's dump indents every line: "giảm" / "   0,12 điểm" and "(xếp hạng" / "   40/63)" are one phrase."""
    text = ("KẾ HOẠCH\nPAPI năm 2024\n\nI. KẾT QUẢ\n"
            "   Chỉ số nội dung Quản trị môi trường đạt 3,41 điểm (năm 2022 đạt 3,53 điểm), giảm\n   0,12 điểm. Chỉ số PAPI "
            "của tỉnh đạt 42,10 điểm, tăng 9 bậc so với năm 2022 (xếp hạng\n   40/63).\n\n"
            "II. NHIỆM VỤ\n1. Tuyên truyền.\n")
    got = {(s.dimension, s.year, s.value, s.change, s.rank) for s in parse(text).scores}
    assert any(x[0] == 7 and x[2] == 3.41 and x[3] == -0.12 for x in got)
    assert any(x[0] is None and x[1] == 2022 and x[4] == 40 for x in got)


def test_cell_per_line_table_with_header_cells_and_names_wrapped_over_lines() -> None:
    """A PDF's blocks print a narrow column's name over two lines ("Chênh lệch" / "so với 2023";
    "Thứ hạng" / "năm 2024") and a long dimension name over two; each is one cell."""
    text = """Kết quả Chỉ số PAPI của tỉnh năm 2024 như sau:

STT
Tên chỉ số
Năm 2023
Năm 2024
Chênh lệch

so với 2023

Thứ hạng

2024
1
Công khai, minh bạch trong việc
ra quyết định ở địa phương
5,02
5,21
+0,19
12

2
Quản trị điện tử
3,40
3,18
-0,22
40
Tổng
43,10
43,35
+0,25
21

Năm 2025, tỉnh tiếp tục triển khai các giải pháp cải thiện Chỉ số PAPI.
"""
    ctx = parse(text)
    got = facts(ctx)
    assert (2, None, 2023, "actual", 5.02, None, None, None, None) in got
    assert (2, None, 2024, "actual", 5.21, 0.19, 12, 63, None) in got
    assert (8, None, 2023, "actual", 3.40, None, None, None, None) in got
    assert (8, None, 2024, "actual", 3.18, -0.22, 40, 63, None) in got
    assert get(ctx, None, None, 2024, "actual").value == 43.35
    assert get(ctx, None, None, 2024, "actual").rank == 21
    # a year cell under a plain year column is a column of its own, not a wrapped name
    plain = parse("STT\nChỉ số\n2023\n2024\n1\nQuản trị điện tử\n3,40\n3,18\n")
    assert (8, None, 2023, "actual", 3.40, None, None, None, None) in facts(plain)
    assert (8, None, 2024, "actual", 3.18, None, None, None, None) in facts(plain)


def test_a_score_table_with_a_row_per_year() -> None:
    """ "Năm đánh giá | Chỉ số PAPI | Thứ hạng | Tăng, giảm so với năm trước": each row a year's total, its rank and
    its change in words with the rank's ("Tăng 0,52 điểm, tăng 4 bậc"); a column naming a dimension gives that
    dimension's score."""
    text = """Kết quả Chỉ số PAPI của tỉnh qua các năm:

| Năm đánh giá | Chỉ số PAPI | Thứ hạng | Quản trị điện tử | Tăng, giảm so với năm trước |
|---|---|---|---|---|
| 2022 | 41,76 | 35/63 | 3,02 | - |
| 2023 | 42,28 | 31/63 | 3,40 | Tăng 0,52 điểm, tăng 4 bậc |
"""
    ctx = parse(text)
    got = facts(ctx)
    assert (None, None, 2022, "actual", 41.76, None, 35, 63, None) in got
    assert (None, None, 2023, "actual", 42.28, 0.52, 31, 63, 4) in got
    assert (8, None, 2022, "actual", 3.02, None, None, None, None) in got
    assert (8, None, 2023, "actual", 3.40, None, None, None, None) in got
    assert get(ctx, None, None, 2023, "actual").raw == "2023 | 42,28 | 31/63 | 3,40 | Tăng 0,52 điểm, tăng 4 bậc"


def test_a_comparative_against_a_named_year_is_a_change() -> None:
    """ "cao hơn năm 2023 là 0,41 điểm" is a rise; "thấp hơn bình quân cả nước 0,2 điểm" names no year: no change."""
    ctx = parse("Năm 2024, Chỉ số PAPI của tỉnh đạt 43,15 điểm, cao hơn năm 2023 là 0,41 điểm; xếp thứ 20/63.\n")
    f = get(ctx, None, None, 2024, "actual")
    assert (f.value, f.change, f.rank) == (43.15, 0.41, 20)
    ctx = parse("Năm 2024, Chỉ số nội dung Quản trị điện tử đạt 3,10 điểm, thấp hơn bình quân cả nước 0,2 điểm.\n")
    assert get(ctx, 8, None, 2024, "actual").change is None


def test_a_fall_to_a_figure_is_its_value() -> None:
    """ "giảm còn 2,10 điểm" names the figure the score fell to (the value), "giảm 0,11 điểm" the fall."""
    ctx = parse("Năm 2024, nội dung thành phần Tri thức công dân giảm 0,11 điểm; Đóng góp tự nguyện giảm xuống còn"
                " 2,10 điểm.\n")
    assert (get(ctx, 1, "1.1", 2024, "change").change, get(ctx, 1, "1.4", 2024, "actual").value) == (-0.11, 2.1)


def test_cell_per_line_table_whose_year_cells_say_point() -> None:
    """ "Điểm năm 2022" / "Điểm 2023" as the year cells of a table printed one cell per line."""
    text = ("Kết quả cụ thể như sau:\n\nLĩnh vực\nĐiểm năm 2022\nĐiểm 2023\n\n"
            "Quản trị môi trường\n3,41\n3,18\n\nCung ứng dịch vụ công\n7,05\n7,22\n\n"
            "Nhìn chung, các chỉ số còn thấp so với bình quân cả nước.\n")
    got = facts(parse(text))
    assert (7, None, 2022, "actual", 3.41, None, None, None, None) in got
    assert (7, None, 2023, "actual", 3.18, None, None, None, None) in got
    assert (6, None, 2023, "actual", 7.22, None, None, None, None) in got


def test_cell_per_line_table_with_a_two_row_header() -> None:
    """A two-row header printed one cell per line: the years and a change column spanning both rows ("Năm 2022 /
    Năm 2023 / Chênh lệch điểm") over each year's "Điểm / Thứ hạng"; the rows' cells follow in the columns' order
    (each year's score and rank, then the change)."""
    text = ("Kết quả cụ thể như sau:\n\nSTT\nNội dung\nNăm 2022\nNăm 2023\nChênh lệch điểm\n\nĐiểm\nThứ hạng\n"
            "Điểm\nThứ hạng\n\n1\nKiểm soát tham nhũng trong khu vực công\n6,71\n18\n6,40\n31\n-0,31\n\n"
            "2\nQuản trị điện tử\n3,95\n12\n4,22\n9\n+0,27\n\n"
            "Nhìn chung, các chỉ số còn thấp so với bình quân cả nước.\n")
    got = facts(parse(text))
    assert (4, None, 2022, "actual", 6.71, None, 18, 63, None) in got  # a province's rank is of 63
    assert (4, None, 2023, "actual", 6.40, -0.31, 31, 63, None) in got
    assert (8, None, 2023, "actual", 4.22, 0.27, 9, 63, None) in got


def test_score_cells_written_with_an_en_dash_or_a_minus_sign() -> None:
    """A change cell written with a typographic minus ("–0,27", "−0,05") is negative, as "-0,27" is."""
    text = ("Kết quả như sau:\n\n| TT | Chỉ số nội dung | Năm 2022 | Năm 2023 | Tăng, giảm |\n|---|---|---|---|---|\n"
            "| 1 | Quản trị môi trường | 3,44 | 3,17 | –0,27 |\n| 2 | Quản trị điện tử | 4,01 | 3,96 | −0,05 |\n"
            "| 3 | Thủ tục hành chính công | 7,10 | 7,22 | +0,12 |\n")
    got = facts(parse(text))
    assert (7, None, 2023, "actual", 3.17, -0.27, None, None, None) in got
    assert (8, None, 2023, "actual", 3.96, -0.05, None, None, None) in got
    assert (5, None, 2023, "actual", 7.22, 0.12, None, None, None) in got


def test_change_cells_signed_by_arrows_and_prose_changes_with_a_minus_sign() -> None:
    """A table whose legend says "↑: tăng, ↓: giảm" writes its changes "↓ 0,20" / "↑ 0,15": the arrow is the sign.
    In prose, "(−0,05 điểm)" with the typeset minus sign (U+2212) after an indicator's name is its change, as
    "(-0,05 điểm)" is."""
    text = ("Kết quả năm 2023 (↑: tăng, ↓: giảm):\n\n"
            "| STT | Chỉ số nội dung | Điểm 2022 | Điểm 2023 | Chênh lệch |\n|---|---|---|---|---|\n"
            "| 1 | Thủ tục hành chính công | 7,02 | 7,17 | ↑ 0,15 |\n| 2 | Quản trị điện tử | 3,40 | 3,20 | ↓ 0,20 |\n"
            "| 3 | Quản trị môi trường | 3,10 | 3,10 | 0 |\n\n"
            "Các nội dung thành phần giảm nhiều là Tiếp cận dịch vụ tư pháp (−0,05 điểm) và Công khai danh sách "
            "hộ nghèo (−0,09 điểm).\n")
    got = facts(parse(text))
    assert (5, None, 2023, "actual", 7.17, 0.15, None, None, None) in got
    assert (8, None, 2023, "actual", 3.2, -0.2, None, None, None) in got
    assert (3, "3.3", None, "change", None, -0.05, None, None, None) in {f[:2] + (None,) + f[3:] for f in got}
    assert (2, "2.2", None, "change", None, -0.09, None, None, None) in {f[:2] + (None,) + f[3:] for f in got}


def test_a_value_from_and_to_is_two_records_and_sub_dimensions_by_code() -> None:
    """"tăng từ 3,10 điểm (năm 2019) lên 3,35 điểm (năm 2020)" prints two values: a record for each year (the years
    in brackets, or the year before the result's for the first), and no change, which the plan does not print.
    "nội dung thành phần 5.3" names a sub-dimension by its code as "chỉ số thành phần 5.3" does."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh Yên Bái năm 2021\n\nI. KẾT QUẢ CHỈ SỐ PAPI NĂM 2020\n\n"
            "Quản trị môi trường tăng từ 3,10 điểm (năm 2019) lên 3,35 điểm (năm 2020); nội dung thành phần 5.3 "
            "giảm 0,04 điểm; Quản trị điện tử giảm từ 2,90 điểm xuống 2,75 điểm.\n\nII. NHIỆM VỤ\n")
    got = facts(parse(text))
    assert (7, None, 2020, "actual", 3.35, None, None, None, None) in got
    assert (7, None, 2019, "actual", 3.1, None, None, None, None) in got
    assert (8, None, 2020, "actual", 2.75, None, None, None, None) in got
    assert (8, None, 2019, "actual", 2.9, None, None, None, None) in got
    assert (5, "5.3", 2020, "change", None, -0.04, None, None, None) in got


def test_four_decimal_figures_and_an_aimed_rise_under_the_objectives() -> None:
    """PAPI reports print four decimals: "43,2051 điểm" and cells "1,2019" / "0,9876" are figures (and "1,2019" holds
    no year 2019, so its row is no header). Under "MỤC TIÊU", "X tăng tối thiểu 0,15 điểm so với năm 2023" with no
    "phấn đấu" is still an aim: a target of the plan's year with its change."""
    text = ("# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI huyện Đồng Xuân năm 2024\n\n# I. KẾT QUẢ PAPI NĂM 2023\n\n"
            "Năm 2023, tổng điểm PAPI của tỉnh đạt 43,2051 điểm.\n\n"
            "| Mã | Chỉ số thành phần | Năm 2022 | Năm 2023 |\n|---|---|---:|---:|\n"
            "| 1.3 | Chất lượng bầu cử | 1,2019 | 1,2307 |\n| 2.1 | Tiếp cận thông tin | 0,9876 | 0,9915 |\n\n"
            "# II. MỤC TIÊU\n\n- Chỉ số nội dung Quản trị điện tử tăng tối thiểu 0,15 điểm so với năm 2023.\n\n"
            "# III. NHIỆM VỤ\n\n1. Tuyên truyền.\n")
    got = facts(parse(text, fmt="markdown"))
    assert (None, None, 2023, "actual", 43.2051, None, None, None, None) in got
    assert (1, "1.3", 2022, "actual", 1.2019, None, None, None, None) in got
    assert (1, "1.3", 2023, "actual", 1.2307, None, None, None, None) in got
    assert (2, "2.1", 2023, "actual", 0.9915, None, None, None, None) in got
    assert (8, None, 2024, "target", None, 0.15, None, None, None) in got


def test_a_score_table_whose_cells_lost_their_walls() -> None:
    """A PDF turned into HTML prints a table row as one paragraph, its cells parted by single spaces: "TT Chỉ số nội
    dung Điểm năm 2021 Điểm năm 2022 Chênh lệch" over "1 Tham gia của người dân ở cấp cơ sở 4,98 5,07 +0,09". The
    header's years and the column after the last give the slots; each row's trailing figures fill them ("-" is an
    empty cell); the table ends at the first paragraph that is no such row."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Tân Uyên năm 2023\n\nI. KẾT QUẢ NĂM 2022\n\n"
            "TT Chỉ số nội dung Điểm năm 2021 Điểm năm 2022 Chênh lệch\n\n"
            "1 Tham gia của người dân ở cấp cơ sở 4,98 5,07 +0,09\n\n"
            "2 Quản trị môi trường 3,40 3,18 -0,22\n\n"
            "3 Quản trị điện tử - 2,95 -\n\n"
            "Tổng điểm 42,10 41,88 -0,22\n\n"
            "Nhìn chung, kết quả năm 2022 chưa đạt mục tiêu đề ra.\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n")
    got = facts(parse(text))
    assert (1, None, 2021, "actual", 4.98, None, None, None, None) in got
    assert (1, None, 2022, "actual", 5.07, 0.09, None, None, None) in got
    assert (7, None, 2022, "actual", 3.18, -0.22, None, None, None) in got
    assert (8, None, 2022, "actual", 2.95, None, None, None, None) in got
    assert not any(f[0] == 8 and f[2] == 2021 for f in got)
    assert (None, None, 2022, "actual", 41.88, -0.22, None, None, None) in got


def test_a_figure_in_brackets_after_a_superlative_of_change_is_the_change() -> None:
    """"Quản trị môi trường giảm sâu nhất (0,31 điểm)", "Thủ tục hành chính công tăng nhiều nhất (0,12 điểm)": the
    bracketed figure after "tăng/giảm … nhất" is how much it moved, signed by the verb, not a score of 0,31."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI huyện Hòa Vang năm 2023\n\nI. KẾT QUẢ PAPI NĂM 2022\n\n"
            "Trong 8 chỉ số nội dung, Quản trị môi trường giảm sâu nhất (0,31 điểm); Thủ tục hành chính công tăng "
            "nhiều nhất (0,12 điểm).\n\nII. NHIỆM VỤ\n\n1. Tuyên truyền.\n")
    got = facts(parse(text))
    assert (7, None, 2022, "change", None, -0.31, None, None, None) in got
    assert (5, None, 2022, "change", None, 0.12, None, None, None) in got
    assert not any(f[4] in (0.31, 0.12) for f in got)


def test_a_comparatives_year_is_not_the_year_of_the_facts_after_it() -> None:
    ctx = parse("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI năm 2024\n\nI. KẾT QUẢ\n\n"
                 "Năm 2023, Chỉ số Kiểm soát tham nhũng trong khu vực công đạt 6,21 điểm, cao hơn năm 2022 là 0,15 "
                 "điểm; nội dung thành phần Công bằng trong tuyển dụng vào nhà nước giảm 0,08 điểm. Chỉ số Thủ tục "
                 "hành chính công đạt 7,02 điểm, thấp hơn năm 2022 (7,10 điểm).\n")
    assert get(ctx, 4, None, 2023, "actual").change == 0.15
    assert get(ctx, 4, "4.3", 2023, "change").change == -0.08  # not 2022: that year is only compared with
    assert get(ctx, 5, None, 2022, "actual").value == 7.10  # the bracket after the compared year is that year's


def test_former_provinces_of_a_merged_province_each_keep_their_facts() -> None:
    """Since the 2025 mergers a plan reports the scores of the provinces it was formed from: "tỉnh X (cũ)" is the
    subject of its figure (the bracket is part of the name), and two former provinces' facts of one key are two
    records, each with its own raw."""
    ctx = run_through_scores(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2026\n\nI. KẾT QUẢ\n"
        "Năm 2025, thành phố Hải Phòng (cũ) đạt 44,10 điểm, xếp thứ 12/63; tỉnh Hải Dương (cũ) đạt 42,75 điểm.\n")
    got = sorted((s.dimension, s.year, s.kind, s.value, s.rank, s.raw) for s in ctx.scores)
    assert got == [
        (None, 2025, "actual", 42.75, None, "tỉnh Hải Dương (cũ) đạt 42,75 điểm"),
        (None, 2025, "actual", 44.10, 12, "thành phố Hải Phòng (cũ) đạt 44,10 điểm, xếp thứ 12/63"),
    ]


def test_a_second_former_province_after_an_indicators_figure_keeps_the_indicator() -> None:
    """ "Chỉ số nội dung 5 (…): tỉnh A (cũ) đạt x điểm, tỉnh B (cũ) chỉ đạt y điểm": the second former province's figure
    is the same indicator's value for that province (a record of its own), not an unknown subject's."""
    ctx = run_through_scores(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2026\n\nI. KẾT QUẢ\nNăm 2025:\n"
        "- Chỉ số nội dung 5 (Thủ tục hành chính công): thành phố Cần Thơ (cũ) đạt 7,02 điểm, tỉnh Sóc Trăng (cũ) chỉ "
        "đạt 6,48 điểm.\n")
    got = sorted((s.dimension, s.year, s.kind, s.value) for s in ctx.scores)
    assert got == [(5, 2025, "actual", 6.48), (5, 2025, "actual", 7.02)]


def test_a_table_with_a_column_per_former_province() -> None:
    """ "| Chỉ số nội dung | Hà Giang (cũ) | Tuyên Quang (cũ) |" under "Chỉ số PAPI 2024 … như sau:": each column is
    a former province's scores of the year the lead-in names; a total row naming no province restates the prose
    fact it agrees with."""
    ctx = run_through_scores(
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI năm 2026\n\nI. KẾT QUẢ\n"
        "Tỉnh Tuyên Quang (cũ) đạt 41,20 điểm. Chỉ số PAPI 2024 của hai tỉnh như sau:\n\n"
        "| TT | Chỉ số nội dung | Hà Giang (cũ) | Tuyên Quang (cũ) |\n|---|---|---|---|\n"
        "| 1 | Tham gia của người dân ở cấp cơ sở | 4,81 | 5,02 |\n"
        "| 8 | Quản trị điện tử | 1,95 | 2,13 |\n"
        "| | Tổng điểm | 40,90 | 41,20 |\n", "markdown")
    got = sorted((s.dimension or 0, s.year, s.kind, s.value) for s in ctx.scores)
    assert got == [(0, 2024, "actual", 40.90), (0, 2024, "actual", 41.20), (1, 2024, "actual", 4.81),
                   (1, 2024, "actual", 5.02), (8, 2024, "actual", 1.95), (8, 2024, "actual", 2.13)]


def test_a_figure_for_the_plans_own_year_is_a_target() -> None:
    """PAPI results of a year come out the next spring: "… góp phần để Chỉ số PAPI năm 2023 của tỉnh đạt trên 44 điểm"
    in a plan issued in 2023 is what it aims at, whatever verb it uses."""
    ctx = run_through_scores(
        "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 12/KH-UBND\nLai Châu, ngày 10 tháng 3 năm 2023\n\nKẾ HOẠCH\n"
        "Nâng cao Chỉ số PAPI năm 2023\n\nI. MỤC ĐÍCH\n- Nâng cao trách nhiệm của cán bộ, góp phần để Chỉ số PAPI năm "
        "2023 của tỉnh đạt trên 44 điểm.\n\nII. KẾT QUẢ\nNăm 2022, Chỉ số PAPI của tỉnh đạt 42,10 điểm.\n")
    assert sorted((s.year, s.kind, s.value) for s in ctx.scores) == [(2022, "actual", 42.10), (2023, "target", 44.0)]


def test_a_change_under_a_heading_naming_two_years_is_the_later_years() -> None:
    """A heading that names the two surveys it reports ("KẾT QUẢ … NĂM 2021, NĂM 2022") speaks, for a change
    under it, of the later one, measured against the earlier; a year still to come is no survey year."""
    ctx = parse("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI năm 2023\n\n"
                "I. ĐÁNH GIÁ CHỈ SỐ PAPI CỦA TỈNH NĂM 2021, NĂM 2022\n\n"
                "Nội dung thành phần Tiếp cận dịch vụ tư pháp giảm 0,06 điểm so với năm trước.\n\n"
                "II. CHỈ SỐ PAPI NĂM 2022 VÀ NHIỆM VỤ NĂM 2024\n\n"
                "Nội dung thành phần Dịch vụ cấp Giấy phép xây dựng tăng 0,03 điểm.\n")
    assert get(ctx, 3, "3.3", 2022, "change").change == -0.06
    assert get(ctx, 5, "5.2", 2022, "change").change == 0.03


def test_the_totals_value_from_and_to_and_a_target_labels_year_over_its_clauses() -> None:
    """ "Tổng điểm PAPI của tỉnh tăng từ 41,52 điểm (năm 2021) lên 42,07 điểm (năm 2022)": two records of the total, as
    for an indicator. "Mục tiêu năm 2022: … đạt 43 điểm; Chỉ số … phấn đấu đạt 3,6 điểm": the label's year heads every
    clause after it."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh Sóc Trăng năm 2022\n\nI. KẾT QUẢ CHỈ SỐ PAPI NĂM 2021\n\n"
            "Tổng điểm PAPI của tỉnh Sóc Trăng tăng từ 42,18 điểm (năm 2020) lên 43,01 điểm (năm 2021), xếp thứ 30/63.\n"
            "Chỉ tiêu năm 2022: tổng điểm đạt 43,50 điểm trở lên; Chỉ số nội dung Quản trị điện tử phấn đấu đạt 3,60 "
            "điểm.\n\nII. NHIỆM VỤ\n")
    got = facts(parse(text))
    assert (None, None, 2021, "actual", 43.01, None, 30, 63, None) in got
    assert (None, None, 2020, "actual", 42.18, None, None, None, None) in got
    assert (None, None, 2022, "target", 43.5, None, None, None, None) in got
    assert (8, None, 2022, "target", 3.6, None, None, None, None) in got


def test_a_score_table_with_one_row_per_former_province_gives_each_its_total() -> None:
    """Since the 2025 mergers a plan may tabulate its former provinces: "| Tỉnh Hà Giang (cũ) | 41,02 | 41,55 | +0,53 |
    20/63 |" is that unit's total for each year (one record per unit and year), not an unknown row."""
    text = ("KẾ HOẠCH\n\nNâng cao Chỉ số PAPI tỉnh Tuyên Quang năm 2025\n\nI. KẾT QUẢ CHỈ SỐ PAPI NĂM 2024\n\n"
            "| Đơn vị | Năm 2023 | Năm 2024 | Tăng/giảm | Xếp hạng năm 2024 |\n|---|---|---|---|---|\n"
            "| Tỉnh Tuyên Quang (cũ) | 43,10 | 43,52 | +0,42 | 15/63 |\n"
            "| Tỉnh Hà Giang (cũ) | 41,02 | 41,55 | +0,53 | 20/63 |\n\nII. NHIỆM VỤ\n\n1. Sở Nội vụ theo dõi.\n")
    ctx = run_through_scores(text, None)  # (two records share each key, told apart by their raw)
    got = facts(ctx)
    assert len(ctx.scores) == 4
    assert (None, None, 2024, "actual", 43.52, 0.42, 15, 63, None) in got
    assert (None, None, 2024, "actual", 41.55, 0.53, 20, 63, None) in got
    assert (None, None, 2023, "actual", 43.1, None, None, None, None) in got
    assert (None, None, 2023, "actual", 41.02, None, None, None, None) in got


def test_a_target_column_states_floors_and_rises_and_a_change_header_spells_its_years() -> None:
    """A column of the plan's own year is its targets: "≥ 4,60" and "Từ 7,10 điểm trở lên" are the floors aimed at,
    "Giảm 0,2 điểm" / "Tăng 0,15 điểm" the change aimed at (no value), "Giữ vững" nothing. A change column whose
    header spells out its years ("Tăng (+), giảm (-) năm 2023 so với năm 2022") is the later year's change."""
    text = ("ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN\nSố: 52/KH-UBND\nQuế Sơn, ngày 12 tháng 3 năm 2024\n\n"
            "KẾ HOẠCH\n\nNâng cao chỉ số PAPI huyện Quế Sơn năm 2024\n\n"
            "| TT | Chỉ số | Năm 2022 | Năm 2023 | Tăng (+), giảm (-) năm 2023 so với năm 2022 | Chỉ tiêu năm 2024 |\n"
            "|---|---|---|---|---|---|\n"
            "| 1 | Tham gia của người dân ở cấp cơ sở | 4,41 | 4,52 | +0,11 | ≥ 4,60 |\n"
            "| 3 | Trách nhiệm giải trình với người dân | 4,20 | 4,02 | -0,18 | Tăng 0,15 điểm |\n"
            "| 5 | Thủ tục hành chính công | 7,02 | 7,05 | +0,03 | Từ 7,10 điểm trở lên |\n"
            "| 7 | Quản trị môi trường | 3,32 | 3,40 | +0,08 | Giữ vững |\n")
    ctx = parse(text, "markdown")
    assert get(ctx, 1, None, 2024, "target").value == 4.6
    assert (get(ctx, 3, None, 2024, "target").value, get(ctx, 3, None, 2024, "target").change) == (None, 0.15)
    assert get(ctx, 5, None, 2024, "target").value == 7.1
    assert not [s for s in ctx.scores if s.dimension == 7 and s.kind == "target"]
    assert (get(ctx, 3, None, 2023, "actual").value, get(ctx, 3, None, 2023, "actual").change) == (4.02, -0.18)
    assert get(ctx, 1, None, 2022, "actual").change is None


def test_a_score_table_pasted_from_a_sheet_with_semicolons() -> None:
    """Values separated by semicolons (the decimal mark is the comma): the header names the years, each row a
    dimension; a prose paragraph whose lines hold commas is no sheet."""
    ctx = parse("Kết quả Chỉ số PAPI của tỉnh Ninh Bình, theo bảng tính của Sở Nội vụ:\n"
                "STT;Lĩnh vực;Điểm 2023;Điểm 2024;Chênh lệch\n"
                "1;Tham gia của người dân ở cấp cơ sở;4,91;5,02;+0,11\n"
                "2;Thủ tục hành chính công;7,12;7,30;+0,18\n"
                "3;Quản trị điện tử;2,66;2,58;-0,08\n\n"
                "Các chỉ số giảm điểm: Quản trị môi trường, Quản trị điện tử, Công khai, minh bạch;\n"
                "trong đó nội dung Chất lượng không khí, Tiếp cận dịch vụ tư pháp, Y tế công lập giảm;\n"
                "nguyên nhân là việc công khai, tiếp nhận, phản hồi ý kiến còn chậm.\n")
    assert get(ctx, 1, None, 2024, "actual").value == 5.02
    assert get(ctx, 5, None, 2023, "actual").value == 7.12
    assert get(ctx, 8, None, 2024, "actual").value == 2.58
    assert len([s for s in ctx.scores if s.year is not None]) == 6


def test_a_heading_figure_naming_no_year_takes_the_year_of_its_parents_intro() -> None:
    """ "Điểm năm 2023 của tỉnh được ghi kèm tên mỗi mục dưới đây." before "1. Thủ tục hành chính công (6,95 điểm)":
    the heading's figure, which names no year, is of the year the intro over the headings states, even when the
    tasks under earlier headings name other years."""
    ctx = parse("KẾ HOẠCH\nPAPI tỉnh năm 2024\n\nII. NHIỆM VỤ\nĐiểm năm 2023 của tỉnh được ghi kèm tên mỗi mục dưới đây.\n"
                "1. Thủ tục hành chính công (6,95 điểm)\n- Sở Nội vụ rà soát thủ tục; quý II năm 2024.\n"
                "2. Quản trị điện tử (3,02 điểm)\n- Sở Khoa học và Công nghệ nâng cấp cổng thông tin.\n")
    assert get(ctx, 5, None, 2023, "actual").value == 6.95
    assert get(ctx, 8, None, 2023, "actual").value == 3.02


def test_an_arrow_signed_figure_right_after_a_value_is_its_change() -> None:
    """ "(5,08 điểm; ↑0,12)", "đạt 3,01 điểm, ▲ 0,14": the arrow signs the change of the value just before it;
    an arrow figure that follows no value is no change."""
    ctx = parse(
        "KẾ HOẠCH\nPAPI tỉnh năm 2024\n\nI. KẾT QUẢ NĂM 2023\n"
        "- Năm 2023, Quản trị điện tử đạt 3,01 điểm, ▲ 0,14; Quản trị môi trường đạt 2,90 điểm ▼0,22.\n"
        "- Thủ tục hành chính công (7,05 điểm; ↓0,03).\n"
        "- Kiểm soát tham nhũng trong khu vực công: ↑0,10 so với năm trước.\n")
    assert facts(ctx) >= {(8, None, 2023, "actual", 3.01, 0.14, None, None, None),
                          (7, None, 2023, "actual", 2.9, -0.22, None, None, None),
                          (5, None, 2023, "actual", 7.05, -0.03, None, None, None)}
    assert all(s.dimension != 4 or s.change is None for s in ctx.scores)


def test_a_rise_from_one_value_to_another_opening_a_parenthesis_gives_two_values() -> None:
    """ "Công khai, minh bạch (giảm từ 5,90 điểm xuống 5,71 điểm)": the year reported and the one before, no
    change stated; the first figure is no change."""
    ctx = parse(
        "KẾ HOẠCH\nPAPI huyện năm 2024\n\nI. KẾT QUẢ NĂM 2023\n"
        "1. Công khai, minh bạch trong việc ra quyết định ở địa phương (giảm từ 5,90 điểm xuống 5,71 điểm)\n"
        "- Niêm yết công khai danh sách hộ nghèo.\n")
    assert facts(ctx) >= {(2, None, 2023, "actual", 5.71, None, None, None, None),
                          (2, None, 2022, "actual", 5.9, None, None, None, None)}
    assert all(s.change is None for s in ctx.scores)


def test_a_rank_move_gives_the_rank_of_the_year_and_of_the_year_it_left() -> None:
    """ "tụt từ hạng 20 xuống hạng 31": the figure's year ranks 31st, the year before 20th; a year printed after
    the first place names that place's year; a move between two scores is no rank."""
    ctx = parse(
        "KẾ HOẠCH\nPAPI tỉnh năm 2024\n\nI. KẾT QUẢ NĂM 2023\n"
        "Năm 2023, Kiểm soát tham nhũng trong khu vực công đạt 6,40 điểm, tụt từ hạng 20 xuống hạng 31.\n"
        "Quản trị điện tử đạt 3,05 điểm, tăng từ vị trí thứ 50/63 năm 2021 lên 41/63.\n"
        "Thủ tục hành chính công tăng từ 7,12 lên 7,30 điểm.\n")
    assert facts(ctx) >= {(4, None, 2023, "actual", 6.4, None, 31, 63, None),
                          (4, None, 2022, "actual", None, None, 20, 63, None),
                          (8, None, 2023, "actual", 3.05, None, 41, 63, None),
                          (8, None, 2021, "actual", None, None, 50, 63, None)}
    assert all(s.rank is None for s in ctx.scores if s.dimension == 5)


def test_a_score_table_under_a_heading_right_after_a_task_table_is_read() -> None:
    """A dimension's section that opens with its score table, after the previous section's task table (of more rows
    than a score table's header is looked for in) and the heading between them: the heading parts the two tables, so
    the score table is read."""
    ctx = parse(
        "KẾ HOẠCH\nPAPI tỉnh năm 2024\n\nII. NHIỆM VỤ\n\n### 1. Thủ tục hành chính công\n\n"
        "| TT | Nhiệm vụ | Chủ trì | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Niêm yết thủ tục hành chính | Văn phòng UBND tỉnh | Quý II/2024 |\n"
        "| 2 | Rút ngắn thời gian cấp giấy phép xây dựng | Sở Xây dựng | Quý III/2024 |\n"
        "| 3 | Khảo sát sự hài lòng của người dân | Sở Nội vụ | Quý IV/2024 |\n"
        "| 4 | Số hóa hồ sơ thủ tục hành chính | Sở Thông tin và Truyền thông | Năm 2024 |\n\n"
        "### 2. Quản trị điện tử\n\n"
        "| Chỉ số | 2022 | 2023 |\n|---|---|---|\n| Quản trị điện tử | 2,41 | 2,55 |\n"
        "| Tiếp cận và sử dụng Internet tại địa phương | 1,02 | 1,10 |\n", fmt="markdown")
    assert facts(ctx) >= {(8, None, 2022, "actual", 2.41, None, None, None, None),
                          (8, None, 2023, "actual", 2.55, None, None, None, None),
                          (8, "8.2", 2023, "actual", 1.1, None, None, None, None)}
