"""The section tree: each seed's outline equals the hand-written one; each heading pattern is
also shown on a second phrasing written here (another province, another numbering)."""

from __future__ import annotations

import pytest
import yaml
from conftest import CORPUS, GOLD, SEEDS

from papi_extract.context import DocContext
from papi_extract.normalize import collapse_ws, fold, normalize
from papi_extract.outline import LETTER_RE, _label_matches, segment


def _outline(text: str) -> DocContext:
    ctx = DocContext(norm=normalize(text))
    segment(ctx)
    return ctx


def _key(title: str) -> str:
    return fold(collapse_ws(title)).strip(" .:")


@pytest.mark.parametrize("stem", SEEDS)
def test_outline_equals_gold(stem: str) -> None:
    gold = yaml.safe_load((GOLD / stem / "document.yaml").read_text(encoding="utf-8"))["sections"]
    ctx = _outline((CORPUS / f"{stem}.txt").read_text(encoding="utf-8"))
    got = [(s.label, _key(s.title), s.level, s.kind) for s in ctx.sections]
    want = [(str(g["label"]), _key(g["title"]), g["level"], g["kind"]) for g in gold]
    assert got == want


@pytest.mark.parametrize("stem", SEEDS)
def test_sections_are_a_tree_with_valid_spans(stem: str) -> None:
    ctx = _outline((CORPUS / f"{stem}.txt").read_text(encoding="utf-8"))
    ids = {s.id: s for s in ctx.sections}
    for s in ctx.sections:
        assert 0 <= s.span[0] <= s.span[1] <= len(ctx.text)
        if s.parent:
            p = ids[s.parent]
            assert p.level < s.level
            assert p.span[0] <= s.span[0] and s.span[1] <= p.span[1]
        assert "*" not in s.title and "#" not in s.title


SECOND = """\
UBND HUYỆN CHÂU THÀNH

Số: 105/KH-UBND

Châu Thành, ngày 05 tháng 3 năm 2023

KẾ HOẠCH

Nâng cao Chỉ số PAPI huyện Châu Thành năm 2023

I. MỤC ĐÍCH

1. Mục đích

- Nâng cao hiệu quả quản trị.

II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Chỉ số Thủ tục hành chính công:

a) Rà soát quy trình

- Cơ quan chủ trì: Phòng Nội vụ.

2.1. Tổ chức đối thoại định kỳ với người dân tại các xã, thị trấn và báo cáo kết quả về UBND huyện trước ngày 15/12/2023.

**3. Quản trị điện tử:** Nâng cấp cổng thông tin điện tử huyện.

III. TỔ CHỨC THỰC HIỆN

1. Phòng Văn hóa và Thông tin

Theo dõi việc thực hiện Kế hoạch.

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.

CHỦ TỊCH

Lê Văn A

PHỤ LỤC

DANH MỤC NHIỆM VỤ NĂM 2023

STT\tNội dung\tCơ quan chủ trì
1\tRà soát thủ tục\tPhòng Nội vụ
"""


def test_second_phrasing_roman_arabic_letter_runin_and_appendix() -> None:
    ctx = _outline(SECOND)
    got = [(s.label, s.title, s.level, s.kind) for s in ctx.sections]
    assert got == [
        ("I", "MỤC ĐÍCH", 1, "purpose"),
        ("1", "Mục đích", 2, "purpose"),
        ("II", "NHIỆM VỤ VÀ GIẢI PHÁP", 1, "tasks"),
        ("1", "Chỉ số Thủ tục hành chính công", 2, "tasks"),
        ("a", "Rà soát quy trình", 3, "tasks"),
        # "2.1. Tổ chức đối thoại ... ." is a numbered task sentence, not a heading
        ("3", "Quản trị điện tử", 2, "tasks"),
        ("III", "TỔ CHỨC THỰC HIỆN", 1, "organization"),
        ("1", "Phòng Văn hóa và Thông tin", 2, "organization"),
        ("PL", "DANH MỤC NHIỆM VỤ NĂM 2023", 1, "appendix"),
    ]
    # the run-in content of "**3. Quản trị điện tử:**" is a body block, the tail is not body
    texts = [ctx.text[b.text_start : b.end] for b in ctx.blocks]
    assert "Nâng cấp cổng thông tin điện tử huyện." in texts
    assert not any("Lưu: VT" in t for t in texts)
    assert any(b.kind == "table_row" and "Rà soát thủ tục" in ctx.text[b.start : b.end] for b in ctx.blocks)


def test_markdown_levels_do_not_decide_the_level() -> None:
    text = "## III. GIẢI PHÁP\n\n#### 1. Tham gia của người dân\n\n### 1.1. Nội dung khắc phục:\n\n- Làm tốt việc A.\n"
    ctx = _outline(text)
    assert [(s.label, s.level) for s in ctx.sections] == [("III", 1), ("1", 2), ("1.1", 3)]


def test_page_break_continuation_joins_the_paragraph() -> None:
    text = "II. NỘI DUNG\n\nThực hiện đúng quy định về công khai để Nhân dân\n\nđược biết và giám sát.\n\nTăng cường kiểm tra.\n"
    ctx = _outline(text)
    paras = [b for b in ctx.blocks if b.kind == "para"]
    assert len(paras) == 2
    assert [ctx.text[a:b] for a, b in paras[0].pieces] == ["Thực hiện đúng quy định về công khai để Nhân dân",
                                                          "được biết và giám sát."]


def test_numbering_skip_warns() -> None:
    ctx = _outline("I. MỤC ĐÍCH\n\nIII. GIẢI PHÁP\n")
    assert [w.code for w in ctx.warnings] == ["W301"]


def test_web_chrome_is_not_body() -> None:
    text = "Tìm kiếm tin tức\nThống kê truy cập\nTổng truy cập 1.234\n\n1. Đối với nội dung “Quản trị điện tử”:\n\n- Sở Thông tin và Truyền thông chủ trì nâng cấp cổng.\n\nCác tin khác\n- Tin 1\n"
    ctx = _outline(text)
    assert [s.title for s in ctx.sections] == ["Đối với nội dung “Quản trị điện tử”"]
    assert all("Tin 1" not in ctx.text[b.start : b.end] for b in ctx.blocks)
    assert all("truy cập" not in ctx.text[b.start : b.end] for b in ctx.blocks)


def test_bold_label_without_bold_title_is_not_a_heading_and_table_lines_are_not_headings() -> None:
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI tỉnh Yên Bái năm 2024\n\n## II. NHIỆM VỤ\n\n"
            "Số TT\n|\nNội dung nhiệm vụ\n|\nCơ quan chủ trì\n|\nThời hạn\n\n"
            "1. Chỉ số Quản trị môi trường\n\n"
            "1\n|\nKiểm tra các điểm khai thác cát trái phép\n|\nSở Tài nguyên và Môi trường\n|\nQuý II/2024\n\n"
            "## III. TỔ CHỨC THỰC HIỆN\n\n**1.** Giao Sở Nội vụ theo dõi, đôn đốc việc thực hiện.\n\n"
            "**2. Kinh phí thực hiện**\n\nTừ nguồn ngân sách tỉnh.\n")
    ctx = _outline(text)
    assert [(s.label, s.title) for s in ctx.sections] == [("II", "NHIỆM VỤ"), ("III", "TỔ CHỨC THỰC HIỆN"),
                                                         ("2", "Kinh phí thực hiện")]


def test_closing_phrase_starts_its_own_block_without_blank_line():
    """'Trên đây là ...' straight after a paragraph (no blank line) is a closing block, not a continuation."""
    from papi_extract.context import DocContext

    text = ("KẾ HOẠCH\nNâng cao chỉ số PAPI\n\nI. MỤC ĐÍCH\n\nTăng cường công khai minh bạch ở cơ sở.\n"
            "Trên đây là Kế hoạch nâng cao chỉ số PAPI của huyện.\n")
    ctx = DocContext(norm=normalize(text, "text"), options={})
    segment(ctx)
    kinds = [(b.kind, ctx.text[b.start:b.end]) for b in ctx.blocks]
    assert ("closing", "Trên đây là Kế hoạch nâng cao chỉ số PAPI của huyện.") in kinds
    assert any(k == "para" and t == "Tăng cường công khai minh bạch ở cơ sở." for k, t in kinds)


def _random_lines(n: int, seed: int) -> list[str]:
    """Lines built from the pieces the label, bullet and opening patterns look at (indents of
    every kind of space, dash bullets, digits of two scripts, Roman letters, punctuation), so the
    fast paths meet every boundary: too many spaces, a digit where a title should start, ..."""
    import random

    rng = random.Random(seed)
    pieces = [" ", "  ", "   ", "\t", "\u00a0", "\u2028", "\x1c", "\x85", "-", "–", "•", "+", "*", "✓",
              "1", "2", "12", "123", "٣", "4.1", "1.2.3", ".", ")", ":", "a", "đ", "z", "b)", "I", "II", "IV",
              "VIII", "XLIX", "L", "x", "Tăng", "Đối", "tên", "“", "Phụ lục", "PHỤ LỤC", "phu luc", "noi nhan",
              "tim kiem", "tren day la", "tm.", "|", "#", ";", "Nơi nhận", "trong qua trinh thuc hien"]
    spaces = [" ", " ", " ", "\t", "\u00a0", "\x1c", "\u2028"]
    out = []
    for k in range(n):
        if k % 2:
            out.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))))
            continue
        # indent, dash bullet, label, punctuation, spaces, title: the shapes the fast paths read
        out.append("".join((
            rng.choice(spaces) * rng.choice((0, 0, 1, 2, 3, 4, 5, 12, 13)) + rng.choice(("", "", rng.choice(spaces))),
            rng.choice(("", "", "", "- ", "-", "– ", "+ ", "- + ")),
            rng.choice(("1", "12", "123", "٣", "1.2", "3.4.", "a", "đ", "I", "IV", "VIIII", "Tă")),
            rng.choice(("", ".", ")", ":", " .", "..", ".5")),
            rng.choice(spaces) * rng.choice((0, 1, 1, 2, 3, 4, 5, 6)) + rng.choice(("", "", rng.choice(spaces))),
            rng.choice(("Tăng", "tên", "1", "٣", "-", "", ".", "“Chỉ số”", " x", "\x1cx")),
        )))
    return out


def test_label_fast_paths_agree_with_the_patterns() -> None:
    """The label, Roman and bullet readers skip their pattern only where it cannot match, and
    read the usual shapes exactly as the pattern does (a prefilter must never skip a case)."""
    from papi_extract import outline as o

    def hit(m):  # noqa: ANN001, ANN202
        return (m.group("label"), m.start("title")) if m else None

    for t in _random_lines(40000, 7):
        s = t.lstrip()
        if not s:
            continue
        _, dm, am, lm = o._label_matches(t, s)
        want_d = hit(o.DOTTED_RE.match(t))
        assert dm == want_d, t
        if want_d is None:
            assert am == hit(o.ARABIC_RE.match(t)), t
        assert lm == hit(o.LETTER_RE.match(t)), t
        g0 = o._char_gate(s[0])
        assert o._roman(t, s, g0) == hit(o.ROMAN_RE.match(t)), t
        m = o.BULLET_RE.match(t)
        assert o._bullet(t, s, g0) == ((m.group("marker"), m.start("rest"), m.group("rest")) if m else None), t


def test_opening_fast_path_agrees_with_the_patterns() -> None:
    from papi_extract import outline as o

    for t in _random_lines(20000, 11):
        f = fold(t)
        for op in o._openings().values():
            assert op.match(f) == (op.rx.match(f) is not None), (t, op.phrases)
            assert op.match_at("x\n" + f, 2, 2 + len(f)) == (op.rx.match(f) is not None), t


def test_title_counts_agree_with_the_patterns() -> None:
    from papi_extract import outline as o

    for t in _random_lines(20000, 13) + ["ỦY BAN NHÂN DÂN", "Kế hoạch 2024", "ǅ Ω ω"]:
        up, low = len(o._UPPER_LETTERS.findall(t)), len(o._LOWER_LETTERS.findall(t))
        assert o._is_upper_title(t) == (up >= 3 and low <= up * 0.15), t
        assert o._words(t) == len(o._WORD.findall(t)), t
        for k in (0, 1, 2, 40):
            assert o._more_words(t, k) == (o._words(t) > k), (t, k)


# ---------------------------------------------------------------------------------------------
# Layouts from the fourth held-out set, each shown here on another passage
# ---------------------------------------------------------------------------------------------


def test_centred_appendix_after_the_signature_is_body_again() -> None:
    """Plain text keeps the centring of "PHỤ LỤC" as blanks; the appendix after the signature is read."""
    from papi_extract.pipeline import parse_text

    text = (
        "KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện Yên Thế năm 2023\n\nI. NHIỆM VỤ\n"
        "1. Triển khai các nhiệm vụ tại Phụ lục kèm theo.\n\n"
        "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n"
        "                                        TM. ỦY BAN NHÂN DÂN\n"
        "                                              CHỦ TỊCH\n\n"
        "                                           Hoàng Văn Nam\n\n"
        "                                  PHỤ LỤC\n"
        "            CÁC NHIỆM VỤ CẢI THIỆN CHỈ SỐ PAPI NĂM 2023\n\n"
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời gian |\n|---|---|---|---|\n"
        "| 1 | Công khai dự toán ngân sách xã trên bảng tin | UBND các xã, thị trấn | Quý I/2023 |\n"
        "| 2 | Kiểm tra việc niêm yết thủ tục hành chính tại Bộ phận Một cửa | Phòng Nội vụ | Quý III/2023 |\n"
    )
    doc = parse_text(text)
    assert [(s.label, s.kind) for s in doc.sections][-1] == ("PL", "appendix")
    rows = [t for t in doc.tasks if t.origin == "table"]
    assert [t.label for t in rows] == ["1", "2"]
    assert [a.name for a in rows[1].lead] == ["Phòng Nội vụ"]


def test_numbers_in_parentheses_are_item_labels() -> None:
    ctx = _outline(
        "II. GIẢI PHÁP\n\n"
        "(1) Rà soát, công khai danh sách hộ nghèo tại nhà văn hóa thôn, bản.\n\n"
        "(2) Sở Y tế nâng cao chất lượng khám, chữa bệnh tại trạm y tế xã.\n"
    )
    items = [b for b in ctx.blocks if b.kind == "item"]
    assert [b.label for b in items] == ["1", "2"]
    assert ctx.text[items[1].text_start:].startswith("Sở Y tế")


def test_hard_wrapped_lettered_item_is_no_heading() -> None:
    """ "b) Tổ chức … các" with "cuộc họp …" on the next line is an item wrapped by the page width; a
    lettered line whose next line opens another item ("a) …") stays a heading."""
    ctx = _outline(
        "III. NHIỆM VỤ\n"
        "1. Tham gia của người dân ở cấp cơ sở\n"
        "    a) Tri thức công dân\n"
        "    b) Tổ chức hội nghị thôn để Nhân dân bàn và quyết định các khoản đóng góp, công khai các\n"
        "cuộc họp trên loa truyền thanh của xã.\n"
    )
    assert [(s.label, s.title) for s in ctx.sections] == [
        ("III", "NHIỆM VỤ"), ("1", "Tham gia của người dân ở cấp cơ sở"), ("a", "Tri thức công dân")]
    (item,) = [b for b in ctx.blocks if b.label == "b"]
    assert ctx.text[item.text_start:item.end].endswith("loa truyền thanh của xã.")


def test_one_paragraph_per_line_splits_after_a_finished_sentence() -> None:
    """A body whose lines are whole paragraphs (several far longer than a page line) keeps each line a
    paragraph when it ends a sentence and the next opens with a capital; a lower-case line still joins."""
    long = "Các cơ quan chuyên môn thuộc UBND thị xã căn cứ chức năng, nhiệm vụ xây dựng kế hoạch chi tiết, " \
           "triển khai thực hiện và báo cáo kết quả về UBND thị xã trước ngày 15 hằng tháng cuối quý."
    ctx = _outline(
        "IV. TỔ CHỨC THỰC HIỆN\n" + long + "\n" + long + "\n" + long + "\n"
        "Phòng Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch.\n"
        "Phòng Tài chính - Kế hoạch bố trí kinh phí thực hiện Kế hoạch, bảo đảm đúng quy định của\n"
        "pháp luật về ngân sách nhà nước.\n"
    )
    paras = [ctx.text[b.start:b.end] for b in ctx.blocks if b.kind == "para"]
    assert len(paras) == 5
    assert paras[3] == "Phòng Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch."
    assert paras[4].endswith("pháp luật về ngân sách nhà nước.")


def _layout(body: list[tuple[int, str]], margin: int) -> str:
    """A ``pdftotext -layout``-like dump: every line shifted right by the page margin."""
    return "\n".join((" " * (margin + ind) + t) if t else "" for ind, t in body)


LAYOUT_BODY = [
    (28, "KẾ HOẠCH"), (0, "Nâng cao Chỉ số PAPI năm 2024"), (0, ""),
    (4, "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2024 của UBND tỉnh về cải cách"),
    (0, "hành chính năm 2024;"),
    (4, "I. MỤC ĐÍCH, YÊU CẦU"),
    (4, "-  Nâng  cao  trách nhiệm của người đứng đầu các cơ quan, đơn vị trong phục vụ"),
    (0, "Nhân dân."),
    (4, "II. NHIỆM VỤ, GIẢI PHÁP"),
    (4, "1. Công khai, minh bạch"),
    (4, "-  Niêm yết công khai các khoản thu, chi ngân sách xã tại trụ sở; Phòng Tài chính"),
    (0, "hướng dẫn, kiểm tra."),
    (4, "2. Kiểm soát tham nhũng trong khu vực công"),
    (4, "-  Thanh tra huyện kiểm tra công vụ đột xuất tại UBND các xã."),
]


@pytest.mark.parametrize("margin", [8, 12])
def test_page_margin_of_a_layout_dump_is_not_an_indent(margin: int) -> None:
    """pdftotext -layout shifts every line right by the page margin, and paragraph first lines and
    headings a few spaces more: headings are still read, with their text spans."""
    ctx = _outline(_layout(LAYOUT_BODY, margin))
    assert [(s.label, s.title) for s in ctx.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NHIỆM VỤ, GIẢI PHÁP"), ("1", "Công khai, minh bạch"),
        ("2", "Kiểm soát tham nhũng trong khu vực công")]
    bullets = [b for b in ctx.blocks if b.kind == "bullet"]
    assert len(bullets) == 3
    b = bullets[1]
    assert ctx.text[b.text_start : b.pieces[0][1]].startswith("Niêm yết công khai")


def test_ordinary_indents_are_no_page_margin() -> None:
    """A text indented by a tab or two spaces, or with deep indents on a few lines only, has no margin."""
    from papi_extract.normalize import layout_margin as _layout_margin

    assert _layout_margin(["I. MỤC ĐÍCH", "  - Nâng cao", "  - Thực hiện", "II. NHIỆM VỤ"]) == 0
    assert _layout_margin(["I. MỤC ĐÍCH"] * 8 + ["          Hà Nội, ngày 5 tháng 3 năm 2024"]) == 0
    assert _layout_margin(["          Nội dung"] * 6 + ["              I. MỤC TIÊU"] * 2) == 14


@pytest.mark.parametrize("page", ["3", "- 4 -", "Trang 5", "                    12"])
def test_page_number_between_blank_lines_is_dropped_and_the_block_goes_on(page: str) -> None:
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\nI. NHIỆM VỤ\n\n"
            "- Phòng Tư pháp phối hợp với Trung tâm Trợ giúp pháp lý nhà nước thành\n\n"
            f"{page}\n\nphố Hà Nội tổ chức trợ giúp pháp lý lưu động.\n"
            "- Công khai kết quả giải quyết khiếu nại.\n")
    ctx = _outline(text)
    (b, b2) = [b for b in ctx.blocks if b.kind == "bullet"]
    joined = " ".join(ctx.text[x:y] for x, y in b.pieces)
    assert joined.endswith("nhà nước thành phố Hà Nội tổ chức trợ giúp pháp lý lưu động.")
    # a number that is a line of content is kept ("2 lần/năm" stays in its paragraph)
    ctx = _outline("KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n- Tổ chức đối thoại với Nhân dân\n2 lần/năm.\n")
    assert "2 lần/năm." in ctx.text[ctx.blocks[-1].start : ctx.blocks[-1].end]


def test_bold_subject_running_on_in_lower_case_is_an_item_not_a_heading() -> None:
    """ "**5. Đề nghị Ủy ban MTTQ tỉnh** phối hợp …": the bold stresses the subject of one sentence;
    "**5. Quản trị môi trường:** Chất lượng …" stays a run-in heading."""
    head = "# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\n## I. MỤC ĐÍCH\n\nNâng cao chỉ số.\n\n"
    ctx = _outline(head + "## II. NHIỆM VỤ\n\n**4. Quản trị môi trường:** Chất lượng không khí được cải thiện.\n\n"
                   "**5. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh** phối hợp tuyên truyền, vận động Nhân dân.\n")
    assert [(s.label, s.title) for s in ctx.sections] == [
        ("I", "MỤC ĐÍCH"), ("II", "NHIỆM VỤ"), ("4", "Quản trị môi trường")]
    assert ctx.blocks[-1].kind == "item" and ctx.blocks[-1].label == "5"


def test_a_list_numbered_from_one_through_bold_run_in_lines_only_is_items_not_headings() -> None:
    """ "**1. Kết quả Chỉ số SIPAS:** đạt …" / "**2. Kết quả Chỉ số PAPI:** …": a results paragraph per index,
    numbered from 1 with no heading of that numbering among them, in a section of results, is a list; a run-in
    line among headings of its numbering ("### 1." … "**2. …:** …" … "### 3.") stays a section, and so do
    run-in heads of a purpose section ("**1. Mục đích:** …", "**2. Yêu cầu:** …", held in test_tasks)."""
    head = "# KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2023\n\n## I. KẾT QUẢ CÁC CHỈ SỐ NĂM 2022\n\n"
    ctx = _outline(head + "**1. Kết quả Chỉ số SIPAS:** huyện đạt 81,20%, tăng 2 bậc.\n\n"
                   "**2. Kết quả Chỉ số PAPI:** tỉnh đạt 43,01 điểm, xếp thứ 22/63.\n\n"
                   "**3. Kết quả Chỉ số PCI:** tỉnh đạt 66,02 điểm.\n\n"
                   "## II. NHIỆM VỤ\n\n- Rà soát thủ tục hành chính.\n")
    assert [(s.label, s.title) for s in ctx.sections] == [("I", "KẾT QUẢ CÁC CHỈ SỐ NĂM 2022"), ("II", "NHIỆM VỤ")]
    assert [b.label for b in ctx.blocks if b.kind == "item"] == ["1", "2", "3"]
    mixed = _outline(head + "### 1. Tham gia của người dân ở cấp cơ sở\n\n- Tổ chức bầu cử.\n\n"
                     "**2. Công khai, minh bạch:** Công khai danh sách hộ nghèo.\n\n"
                     "### 3. Trách nhiệm giải trình với người dân\n\n- Tiếp công dân.\n")
    assert [s.label for s in mixed.sections] == ["I", "1", "2", "3"]
    lone = _outline(head + "**1. Kết quả Chỉ số PAPI:** tỉnh đạt 43,01 điểm.\n\n- Tăng cường công khai.\n")
    assert [s.label for s in lone.sections] == ["I", "1"]


def test_closing_phrase_of_justified_text_still_opens_its_own_block() -> None:
    """ "Trên  đây  là  Kế hoạch …" (two spaces from justification) closes the plan: not part of the
    item before it, even without a blank line between them."""
    ctx = _outline("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
                   "1. Phòng Nội vụ theo dõi, đôn đốc việc thực hiện Kế hoạch;\n"
                   "Trên  đây  là  Kế hoạch cải thiện Chỉ số PAPI năm 2025 của huyện.\n")
    assert [b.kind for b in ctx.blocks] == ["item", "closing"]


# A PDF's plain-text extraction: no blank line anywhere, lines cut at about 80 characters, and each
# page's marker and running header printed wherever the page ends.
PDF_PLAIN = (
    "ỦY BAN NHÂN DÂN\nXÃ TÂN HIỆP\nSố: 31/KH-UBND\n"
    "KẾ HOẠCH\nNâng cao Chỉ số PAPI trên địa bàn xã Tân Hiệp năm 2024\n"
    "Căn cứ Kế hoạch số 88/KH-UBND ngày 02/4/2024 của UBND huyện Phú Giáo về nâng cao Chỉ số\n"
    "PAPI năm 2024, UBND xã xây dựng Kế hoạch như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Nâng cao nhận thức của cán bộ, công chức xã về Chỉ số PAPI và trách nhiệm của từng bộ phận\n"
    "trong việc cải thiện các chỉ số nội dung, gắn với nhiệm vụ phát triển kinh tế - xã hội.\n"
    "II. NHIỆM VỤ\n"
    "1. Công khai, minh bạch\n"
    "a) Niêm yết công khai danh sách hộ nghèo, hộ cận nghèo năm 2024 tại trụ sở các ấp (theo\n"
    "TRANG 2\n"
    "Kế hoạch số 31/KH-UBND xã Tân Hiệp\n"
    "Quyết định của UBND huyện) và trên trang thông tin điện tử của xã trong thời hạn quy định.\n"
    "+ Chủ trì: Công chức Lao động - Thương binh và Xã hội.\n"
    "b) Hướng dẫn người dân tra cứu hồ sơ đất đai trên Cổng dịch vụ công quốc gia và ứng dụng\n"
    "VNeID tại Bộ phận Một cửa của xã, bảo đảm đúng quy trình và thời hạn giải quyết hồ sơ.\n"
    "+ Chủ trì: Công chức Địa chính - Xây dựng.\n"
    "2. Quản trị điện tử\n"
    "a) Duy trì hoạt động của Tổ công nghệ số cộng đồng tại 06 ấp, hướng dẫn người dân cài đặt\n"
    "TRANG 3\n"
    "Kế hoạch số 31/KH-UBND xã Tân Hiệp\n"
    "ứng dụng thanh toán không dùng tiền mặt trong nộp phí, lệ phí và học phí.\n"
    "+ Chủ trì: Công chức Văn hóa - Xã hội.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Công chức Văn phòng - Thống kê theo dõi, tổng hợp, báo cáo kết quả thực hiện Kế hoạch.\n"
)


def test_plain_pdf_text_without_blank_lines_keeps_its_outline_and_items() -> None:
    ctx = _outline(PDF_PLAIN)
    assert [(s.label, s.level, _key(s.title)) for s in ctx.sections] == [
        ("I", 1, "muc dich, yeu cau"), ("II", 1, "nhiem vu"), ("1", 2, "cong khai, minh bach"),
        ("2", 2, "quan tri dien tu"), ("III", 1, "to chuc thuc hien"),
    ]
    items = [b for b in ctx.blocks if b.kind == "item"]
    texts = [" ".join(ctx.text[a:b] for a, b in blk.pieces) for blk in items]
    # the item cut by a page runs on past the marker and the running header, which are dropped
    assert texts[0].endswith("(theo Quyết định của UBND huyện) và trên trang thông tin điện tử của xã trong thời hạn quy định.")
    assert "TRANG" not in " ".join(texts) and "31/KH-UBND xã" not in " ".join(texts)
    # a line cut at the wrap width runs on into a capitalised word ("… và ứng dụng" + "VNeID …")
    assert texts[1].endswith("bảo đảm đúng quy trình và thời hạn giải quyết hồ sơ.")
    assert texts[2].endswith("học phí.")


def test_page_furniture_is_only_what_repeats_at_the_page_breaks() -> None:
    from papi_extract.normalize import page_furniture

    lines = PDF_PLAIN.split("\n")
    got = {lines[i] for i in page_furniture(lines)}
    assert got == {"TRANG 2", "TRANG 3", "Kế hoạch số 31/KH-UBND xã Tân Hiệp"}
    # a content line that recurs near two page breaks, but not at the same place, is content
    text = ["Trang 1/3", "UBND XÃ AN BÌNH", "- Thời gian: Thường xuyên.", "Nội dung A", "x", "y", "z", "w",
            "Trang 2/3", "UBND XÃ AN BÌNH", "Nội dung B", "- Thời gian: Thường xuyên.", "Thời gian: Quý IV/2024."]
    assert {text[i] for i in page_furniture(text)} == {"Trang 1/3", "Trang 2/3", "UBND XÃ AN BÌNH"}
    assert page_furniture(["2/5", "45/63", "UBND"]) == frozenset()  # ranks are no page markers


DECISION_WITH_PLAN = (
    "ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC THỌ\n\nSố: 412/QĐ-UBND\n\nQUYẾT ĐỊNH\n"
    "Ban hành Kế hoạch cải thiện Chỉ số PAPI huyện Đức Thọ năm 2024\n\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN\n\nCăn cứ Luật Tổ chức chính quyền địa phương năm 2015;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải thiện Chỉ số PAPI huyện Đức Thọ năm 2024.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
    "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn An\n\n"
    "KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện Đức Thọ năm 2024\n"
    "(Kèm theo Quyết định số 412/QĐ-UBND ngày 03/4/2024 của Chủ tịch UBND huyện)\n\n"
    "I. MỤC ĐÍCH\n\nNâng cao nhận thức về Chỉ số PAPI.\n\n"
    "II. NHIỆM VỤ\n\n1. Phòng Nội vụ chủ trì tập huấn về Chỉ số PAPI cho công chức cấp xã.\n\n"
    "III. TỔ CHỨC THỰC HIỆN\n\nCác phòng, ban báo cáo kết quả trước ngày 15/11/2024.\n"
)


def test_a_plan_attached_to_a_decision_is_the_body() -> None:
    """A plan issued as the annex of a decision comes after the decision's signature; its sections are
    the body, and the decision's articles, which only enact it, are not."""
    ctx = _outline(DECISION_WITH_PLAN)
    assert [(s.label, _key(s.title)) for s in ctx.sections] == [
        ("I", "muc dich"), ("II", "nhiem vu"), ("III", "to chuc thuc hien")]
    body = [ctx.text[b.text_start : b.end] for b in ctx.blocks]
    assert not [t for t in body if t.startswith(("Điều", "Nơi nhận", "Nguyễn Văn An"))]
    assert "Phòng Nội vụ chủ trì tập huấn về Chỉ số PAPI cho công chức cấp xã." in body
    assert ctx.text[ctx.body_start :].lstrip().startswith("I. MỤC ĐÍCH")


def test_an_outline_without_a_roman_tier_starts_at_level_1() -> None:
    """SPEC: level 1 = top. A plan numbered "1." / "1.1." / "1.1.1." has no Roman tier above "1.": its
    chapters are level 1, so a dashboard's "level = 1" finds them whatever the numbering style."""
    ctx = _outline("KẾ HOẠCH\nPAPI xã Tân Lập năm 2024\n\n1. MỤC ĐÍCH\n\nNâng cao nhận thức.\n\n"
                   "2. NHIỆM VỤ\n\n2.1. Công khai, minh bạch\n\n2.1.1. Công khai ngân sách xã\n\n"
                   "- UBND xã niêm yết dự toán ngân sách.\n\nPHỤ LỤC\n\nDANH MỤC NHIỆM VỤ\n")
    assert [(s.label, s.level) for s in ctx.sections] == [("1", 1), ("2", 1), ("2.1", 2), ("2.1.1", 3), ("PL", 1)]
    roman = _outline("KẾ HOẠCH\nPAPI năm 2024\n\nI. MỤC ĐÍCH\n\nNội dung.\n\nII. NHIỆM VỤ\n\n1. Công khai\n\n1.1. Ngân sách\n\nNội dung.\n")
    assert [(s.label, s.level) for s in roman.sections] == [("I", 1), ("II", 1), ("1", 2), ("1.1", 3)]


def test_slash_labels_and_capitalised_unnumbered_headings() -> None:
    """Commune offices type "1/ …", "a/ …" and put unnumbered headings in capitals after a blank line; a
    capital line is a heading only when its words name a section kind, and "5/KH-UBND" is no label."""
    ctx = _outline(
        "KẾ HOẠCH\nPAPI xã Phúc Sơn năm 2024\n\nMỤC ĐÍCH, YÊU CẦU\n1/ Mục đích:\n- Nâng cao nhận thức.\n"
        "2/ Yêu cầu:\n- Rõ người, rõ việc.\n\nNHIỆM VỤ CỤ THỂ\n1/ Công khai, minh bạch\na/ Công khai ngân sách\n"
        "* Niêm yết dự toán ngân sách xã tại trụ sở.\nb/ Công khai đất đai\n* Niêm yết bảng giá đất.\n\n"
        "UBND XÃ PHÚC SƠN\n5/KH-UBND ngày 2/4/2024 đã ban hành.\n\nTỔ CHỨC THỰC HIỆN\nCác thôn báo cáo kết quả.\n")
    assert [(s.label, s.level, s.kind, _key(s.title)) for s in ctx.sections] == [
        ("", 1, "purpose", "muc dich, yeu cau"), ("1", 2, "purpose", "muc dich"), ("2", 2, "purpose", "yeu cau"),
        ("", 1, "tasks", "nhiem vu cu the"), ("1", 2, "tasks", "cong khai, minh bach"),
        ("a", 3, "tasks", "cong khai ngan sach"), ("b", 3, "tasks", "cong khai dat dai"),
        ("", 1, "organization", "to chuc thuc hien"),
    ]


def test_parts_above_the_roman_tier() -> None:
    """ "PHẦN I" / "Phần thứ hai" head parts whose Roman numbering restarts; the part is level 1, the
    Roman sections under it 2, and a part's sections keep their own kinds ("I. MỤC TIÊU" in a tasks part)."""
    ctx = _outline(
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nNâng cao Chỉ số PAPI giai đoạn 2024 - 2025\n\nPHẦN I\nĐÁNH GIÁ KẾT QUẢ NĂM 2023\n\n"
        "I. KẾT QUẢ ĐẠT ĐƯỢC\nChỉ số PAPI tăng điểm.\n\nII. HẠN CHẾ\nCòn thấp.\n\n"
        "Phần thứ hai: NHIỆM VỤ, GIẢI PHÁP\n\nI. MỤC TIÊU\nĐạt 43 điểm.\n\nII. NHIỆM VỤ CỤ THỂ\n\n"
        "1. Công khai, minh bạch\n- Sở Tài chính công khai ngân sách.\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n")
    assert [(s.label, s.level, s.kind) for s in ctx.sections] == [
        ("PHẦN I", 1, "limitations"), ("I", 2, "limitations"), ("II", 2, "limitations"),
        ("PHẦN THỨ HAI", 1, "tasks"), ("I", 2, "objectives"), ("II", 2, "tasks"), ("1", 3, "tasks"),
        ("PL", 1, "appendix"),
    ]
    assert _key(ctx.sections[0].title) == "danh gia ket qua nam 2023"


def test_unlabelled_markdown_headings_are_sections_only_outside_labelled_ones() -> None:
    """An HTML/markdown heading with no label is a top-level section (a news page's crossheads), but not the
    page's first line (its headline), not a heading that is a sentence (a lead paragraph set as a heading),
    and not while a labelled section is open (there it is a sub-title of that section)."""
    ctx = _outline(
        "# Cam Lộ ban hành kế hoạch cải thiện PAPI\n\n## UBND huyện Cam Lộ vừa ban hành kế hoạch với 20 nhiệm vụ.\n\n"
        "Nội dung mở đầu.\n\n## Kết quả năm 2024 còn thấp\n\nChỉ số giảm 0,3 điểm.\n\n"
        "## I. NHIỆM VỤ CỤ THỂ\n\n### Lưu ý khi triển khai\n\n- Công khai ngân sách xã.\n", )
    assert [(s.label, s.level, _key(s.title)) for s in ctx.sections] == [
        ("", 1, "ket qua nam 2024 con thap"), ("I", 1, "nhiem vu cu the")]


def test_an_unlabelled_markdown_heading_naming_an_indicator_under_a_labelled_one_is_its_sub_section() -> None:
    """ "### Trọng tâm thứ hai: Kiểm soát tham nhũng trong khu vực công" a tier under "## II. GIẢI PHÁP" names a
    PAPI indicator: an unlabelled sub-section of II (its numbered sub-headings "2.1." sit under it), wherever the
    plan's own order puts it; "### Lưu ý" under II stays a sub-title."""
    ctx = _outline(
        "KẾ HOẠCH\nPAPI thị xã năm 2024\n\n## II. GIẢI PHÁP\n\n### Lưu ý\n\nGiao nhiệm vụ rõ người.\n\n"
        "### Trọng tâm thứ nhất: Công khai, minh bạch\n\n- Công khai dự toán.\n\n"
        "### Trọng tâm thứ hai: Kiểm soát tham nhũng trong khu vực công\n\n#### 2.1. Tuyển dụng công chức\n\n"
        "- Công khai kết quả tuyển dụng.\n\n## III. TỔ CHỨC THỰC HIỆN\n\nGiao Phòng Nội vụ theo dõi.\n")
    assert [(s.label, s.level, _key(s.title)) for s in ctx.sections] == [
        ("II", 1, "giai phap"), ("", 2, "trong tam thu nhat: cong khai, minh bach"),
        ("", 2, "trong tam thu hai: kiem soat tham nhung trong khu vuc cong"), ("2.1", 3, "tuyen dung cong chuc"),
        ("III", 1, "to chuc thuc hien")]


def test_a_heading_on_the_papi_results_without_chi_so_is_a_limitations_section() -> None:
    """ "II. KẾT QUẢ PAPI NĂM 2024 CỦA TỈNH: 43,10 ĐIỂM" names the analysis of the results as "KẾT QUẢ CHỈ SỐ PAPI"
    does: a section of kind limitations."""
    ctx = _outline("KẾ HOẠCH\nPAPI tỉnh năm 2025\n\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\n\n"
                   "II. KẾT QUẢ PAPI NĂM 2024 CỦA TỈNH: 43,10 ĐIỂM\nTổng điểm tăng.\n\nIII. NHIỆM VỤ\n- Công khai.\n")
    assert [s.kind for s in ctx.sections] == ["purpose", "limitations", "tasks"]


def test_a_bold_run_in_head_wrapped_onto_the_next_line_is_no_heading() -> None:
    """Pandoc wraps a bold run-in head over two lines ("**4. Đề nghị Hội Nông dân và Hội Cựu chiến binh" /
    "huyện:** vận động …"): the numbered line is an item of the organization section, not a heading; a bold
    heading wrapped with no run-in text after it stays a heading."""
    ctx = _outline(
        "KẾ HOẠCH\nPAPI huyện năm 2025\n\n# II. TỔ CHỨC THỰC HIỆN\n\n**1. Phòng Nội vụ**\n\n- Theo dõi, đôn đốc.\n\n"
        "**2. Đề nghị Hội Nông dân và Hội Cựu chiến binh\nhuyện:** vận động hội viên tham gia khảo sát PAPI.\n\n"
        "**3. Ủy ban nhân dân các xã, thị trấn trên địa\nbàn huyện**\n\n- Xây dựng kế hoạch của xã.\n", )
    assert [s.label for s in ctx.sections] == ["II", "1", "3"]
    assert _key(ctx.sections[1].title) == "phong noi vu"


def test_a_capitalised_heading_on_index_results_is_a_limitations_section() -> None:
    """ "KẾT QUẢ CHỈ SỐ PAPI NĂM 2024 CỦA HUYỆN" typed in capitals with no number names the analysis of the
    results: a section of kind limitations."""
    ctx = _outline("KẾ HOẠCH\nPAPI xã Hòa Bình năm 2025\n\nMỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức.\n\n"
                   "KẾT QUẢ CHỈ SỐ PAPI NĂM 2024 CỦA HUYỆN\nTổng điểm đạt 42,1 điểm.\n\nNHIỆM VỤ\n- Công khai ngân sách.\n")
    assert [(s.label, s.kind, _key(s.title)) for s in ctx.sections] == [
        ("", "purpose", "muc dich, yeu cau"), ("", "limitations", "ket qua chi so papi nam 2024 cua huyen"),
        ("", "tasks", "nhiem vu")]


def test_a_heading_named_by_another_kind_keeps_it_under_a_tasks_section() -> None:
    """Under "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026" a "1. Mục tiêu" is an objectives section (its own heading
    says so); "2. Khắc phục hạn chế …" only mentions limitations and stays a task section. A report's "I. KẾT
    QUẢ THỰC HIỆN …" is the account of results (limitations), and so are the sections under it."""
    ctx = _outline("BÁO CÁO\nKết quả cải thiện Chỉ số PAPI năm 2025\n\nI. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2025\n"
                   "1. Kết quả thực hiện các nhiệm vụ\n- Đã tổ chức 20 hội nghị.\n\nII. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\n"
                   "1. Mục tiêu\n- Không có chỉ số nội dung giảm điểm.\n2. Khắc phục hạn chế trong công khai ngân sách\n"
                   "- Công khai dự toán ngân sách xã.\n")
    assert [(s.label, s.kind) for s in ctx.sections] == [
        ("I", "limitations"), ("1", "limitations"), ("II", "tasks"), ("1", "objectives"), ("2", "tasks")]


def test_headings_whose_word_numbering_was_lost() -> None:
    """Text copied from Word loses the list numbering: "MỤC ĐÍCH, YÊU CẦU" after a lead-in ending with ":" is a
    top-level heading; short lines naming a section kind ("Mục tiêu cụ thể", "Những tồn tại, hạn chế") or an
    indicator ("Giáo dục tiểu học công lập", under a typed "3.6.") are sub-headings one level below, with no label;
    a short line naming neither ("Ghi chú riêng") and one closing with ":" stay paragraphs."""
    long = " Nội dung này được viết thành một đoạn văn dài để bảo đảm văn bản có nhiều dòng dài, mỗi đoạn một dòng."
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2025\n\n"
        "UBND phường xây dựng Kế hoạch với các nội dung như sau:\n"
        "MỤC ĐÍCH, YÊU CẦU\n"
        "Mục tiêu cụ thể\n"
        "Nâng cao chất lượng phục vụ người dân." + long + "\n"
        "Những tồn tại, hạn chế\n"
        "Việc công khai thông tin còn chậm." + long + "\n"
        "Ghi chú riêng\n"
        "Các số liệu trên là số liệu tạm tính." + long + "\n"
        "NHIỆM VỤ, GIẢI PHÁP\n"
        "3.6. Cung ứng dịch vụ công\n"
        "Giáo dục tiểu học công lập\n"
        "Trường Tiểu học phường công khai các khoản thu đầu năm học." + long + "\n"
        "Các nội dung sau:\n"
        "- Kiểm tra cơ sở vật chất trường học trong quý III/2025.\n"
    )
    ctx = _outline(text)
    got = [(s.label, s.title, s.level) for s in ctx.sections]
    assert got == [
        ("", "MỤC ĐÍCH, YÊU CẦU", 1),
        ("", "Mục tiêu cụ thể", 2),
        ("", "Những tồn tại, hạn chế", 2),
        ("", "NHIỆM VỤ, GIẢI PHÁP", 1),
        ("3.6", "Cung ứng dịch vụ công", 3),
        ("", "Giáo dục tiểu học công lập", 4),
    ]



def test_unlabelled_indicator_headings_between_blank_lines_and_stacked() -> None:
    """An HTML page (or a Word file read through XML) gives its paragraphs apart by blank lines: an unlabelled
    heading after a finished paragraph is still found. Two stacked ones, a dimension then one of its
    sub-dimensions ("Công khai, minh bạch" / "Về công khai danh sách hộ nghèo"), are two levels, and a sibling
    sub-dimension stays on the lower one. A lead ("Về …") may come before a name of more than ten words."""
    long = " Nội dung này được viết thành một đoạn văn dài để văn bản có nhiều dòng dài, mỗi đoạn một dòng riêng."
    text = (
        "KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2024\n\n"
        "II. NHIỆM VỤ TRỌNG TÂM\n\n"
        "Công khai, minh bạch trong việc ra quyết định ở địa phương\n\n"
        "Về công khai danh sách hộ nghèo\n\n"
        "1. UBND các phường niêm yết danh sách hộ nghèo tại trụ sở khu phố." + long + "\n\n"
        "Về thu, chi ngân sách cấp xã\n\n"
        "2. UBND các phường công khai dự toán thu, chi ngân sách hằng năm." + long + "\n\n"
        "Về thủ tục liên quan đến giấy chứng nhận quyền sử dụng đất\n\n"
        "3. Chi nhánh Văn phòng đăng ký đất đai rút ngắn thời gian giải quyết hồ sơ." + long + "\n\n"
        "Ghi chú về kinh phí\n\n"
        "Kinh phí thực hiện do ngân sách thành phố bảo đảm." + long + "\n"
    )
    ctx = _outline(text)
    got = [(s.label, s.title, s.level) for s in ctx.sections]
    assert got == [
        ("II", "NHIỆM VỤ TRỌNG TÂM", 1),
        ("", "Công khai, minh bạch trong việc ra quyết định ở địa phương", 2),
        ("", "Về công khai danh sách hộ nghèo", 3),
        ("", "Về thu, chi ngân sách cấp xã", 3),
        ("", "Về thủ tục liên quan đến giấy chứng nhận quyền sử dụng đất", 2),
    ]

def test_an_item_cut_by_a_page_number_between_blank_lines_is_no_heading() -> None:
    """ "c) Tổ chức … và tổ chức" | blank | "- 7 -" | blank | "đối thoại … quý III/2024.": the item goes on in
    lower case after the page number, so it is an item whose text ends on the next page, not a heading."""
    from papi_extract.pipeline import parse_text

    doc = parse_text(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nII. NHIỆM VỤ\n\n"
        "1. Trách nhiệm giải trình với người dân\n\n"
        "a) Tiếp công dân định kỳ hằng tháng.\n\n"
        "c) Tổ chức tập huấn kỹ năng tiếp công dân cho công chức các xã, thị trấn và tổ chức\n\n- 7 -\n\n"
        "đối thoại trực tiếp với Nhân dân về bồi thường, giải phóng mặt bằng trong quý III/2024.\n\n"
        "d) Công khai kết quả giải quyết khiếu nại.\n", fmt="markdown")
    assert [s.label for s in doc.sections] == ["II", "1"]
    c = next(t for t in doc.tasks if t.label == "c")
    assert c.text.endswith("giải phóng mặt bằng trong quý III/2024.")
    assert [d.raw for d in c.deadlines] == ["quý III/2024"]


def test_parts_lettered_in_capitals_sit_above_the_roman_sections() -> None:
    """ "A. ĐÁNH GIÁ KẾT QUẢ NĂM 2023" / "B. NHIỆM VỤ NĂM 2024" over Roman sections, with no blank lines (a PDF's
    raw text): parts like "PHẦN I", the Roman sections one level below; a lettered item in mixed case ("B.
    Phòng Tư pháp …") is no part."""
    from papi_extract.pipeline import parse_text

    doc = parse_text(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n"
        "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/3/2024 của UBND tỉnh, UBND huyện ban hành Kế hoạch như sau:\n"
        "A. ĐÁNH GIÁ KẾT QUẢ NĂM 2023\nI. KẾT QUẢ ĐẠT ĐƯỢC\nChỉ số PAPI năm 2023 của tỉnh đạt 42,10 điểm.\n"
        "B. NHIỆM VỤ NĂM 2024\nI. MỤC TIÊU\nPhấn đấu đạt từ 43 điểm trở lên.\nII. NHIỆM VỤ\n"
        "1. Sở Tư pháp tổ chức tập huấn hòa giải ở cơ sở trong quý II/2024.\n"
        "B. Phòng Tư pháp các huyện hướng dẫn hòa giải viên.\n")
    assert [(s.label, s.level) for s in doc.sections] == [("A", 1), ("I", 2), ("B", 1), ("I", 2), ("II", 2)]
    assert not any(s.title.startswith("Phòng Tư pháp") for s in doc.sections)


def test_a_wide_table_does_not_set_the_wrap_width_of_hard_wrapped_prose() -> None:
    """A plan hard-wrapped at 70 columns with a ruled table 100 columns wide: "2. Các tổ chức đoàn thể: Căn cứ chức
    năng, nhiệm vụ tại" (a full line) goes on with "Kế hoạch này, …" below; it is an item, not a heading."""
    from papi_extract.pipeline import parse_text

    prose = ("Ủy ban nhân dân xã ban hành Kế hoạch nâng cao Chỉ số PAPI năm 2020 như sau nhằm\n"
             "cải thiện chất lượng phục vụ người dân trên địa bàn xã trong năm 2020 và các\n"
             "năm tiếp theo, góp phần vào kết quả chung của huyện và của tỉnh Nam Định.\n")
    table = "".join(f"|{k:<4}|{'Công khai thu, chi ngân sách xã tại trụ sở và nhà văn hóa thôn':<70}|{'Kế toán':<22}|\n"
                    for k in range(1, 8))
    doc = parse_text(
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI xã Hải Hưng năm 2020\n\nI. MỤC ĐÍCH\n\n" + prose * 4 + "\n" + table +
        "\nII. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Công chức Văn phòng - Thống kê: Tham mưu UBND xã theo dõi, đôn đốc việc thực\n"
        "hiện Kế hoạch; tổng hợp, báo cáo kết quả về UBND huyện trước ngày 20/11/2020.\n\n"
        "2. Các tổ chức đoàn thể, Công an xã: Căn cứ chức năng, nhiệm vụ được giao tại\n"
        "Kế hoạch này, chủ động triển khai thực hiện; báo cáo kết quả về UBND xã hằng quý.\n"
    )
    assert [s.title for s in doc.sections] == ["MỤC ĐÍCH", "TỔ CHỨC THỰC HIỆN"]
    assert [t.label for t in doc.tasks if t.text.startswith(("Công chức", "Các tổ chức"))] == ["1", "2"]


WORD_LABELLED = (
    "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2023\n\nI. NHIỆM VỤ CỤ THỂ\n\n"
    "Chỉ số nội dung 1: Tham gia của người dân ở cấp cơ sở\n"
    "Phòng Nội vụ tổ chức tuyên truyền Luật Thực hiện dân chủ ở cơ sở trong quý II/2023.\n\n"
    "Chỉ số nội dung 5 - Cải cách thủ tục hành chính công\n"
    "Văn phòng UBND huyện rà soát, niêm yết thủ tục hành chính tại Bộ phận một cửa.\n\n"
    "Chỉ số nội dung 7: Quản trị môi trường\n"
    "Phòng Tài nguyên và Môi trường kiểm tra các cơ sở gây ô nhiễm.\n\n"
    "II. TỔ CHỨC THỰC HIỆN\nPhòng Nội vụ theo dõi, tổng hợp.\n"
)


def test_word_labelled_headings_naming_dimensions_are_sections() -> None:
    from papi_extract.pipeline import parse_text

    doc = parse_text(WORD_LABELLED)
    assert [(s.label, s.title, s.level) for s in doc.sections] == [
        ("I", "NHIỆM VỤ CỤ THỂ", 1),
        ("1", "Tham gia của người dân ở cấp cơ sở", 2),
        ("5", "Cải cách thủ tục hành chính công", 2),  # not a dimension's own words: its siblings decide
        ("7", "Quản trị môi trường", 2),
        ("II", "TỔ CHỨC THỰC HIỆN", 1),
    ]
    body = {t.text[:20]: t.dimension for t in doc.tasks}
    assert body["Phòng Nội vụ tổ chức"] == 1 and body["Phòng Tài nguyên và "] == 7


def test_word_labelled_task_cards_stay_tasks() -> None:
    # "Nhiệm vụ N: …" naming a task, not a dimension: a card per task, no heading
    from papi_extract.pipeline import parse_text

    text = WORD_LABELLED.replace("Chỉ số nội dung 1: Tham gia của người dân ở cấp cơ sở",
                                 "Nhiệm vụ 1: Tổ chức hội nghị đối thoại với Nhân dân")
    text = text.replace("Chỉ số nội dung 5 - Cải cách thủ tục hành chính công",
                        "Nhiệm vụ 2: Rà soát quy trình giải quyết hồ sơ đất đai")
    text = text.replace("Chỉ số nội dung 7: Quản trị môi trường", "Nhiệm vụ 3: Kiểm tra việc thu gom rác thải")
    doc = parse_text(text)
    assert [s.label for s in doc.sections] == ["I", "II"]


def test_headings_indented_like_a_layout_dumps_paragraphs_are_headings() -> None:
    # pdftotext -layout of a justified plan: each paragraph's first line (and each heading) indented five to
    # eight spaces, the wrapped lines at the left edge
    from papi_extract.pipeline import parse_text

    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI tỉnh năm 2024\n\n"
        "      I. ĐÁNH GIÁ KẾT QUẢ NĂM 2023\n"
        "        1. Những mặt đạt được\n"
        "      Năm 2023, Chỉ số PAPI của tỉnh đạt 43,50 điểm, tăng 0,40 điểm so với năm\n"
        "2022, xếp thứ 20/63 tỉnh, thành phố; có 06/08 chỉ số nội dung tăng điểm, trong\n"
        "đó chỉ số Thủ tục hành chính công tăng nhiều nhất, đạt 7,41 điểm, xếp nhóm\n"
        "cao nhất cả nước.\n"
        "       2. Những hạn chế\n"
        "      Một số chỉ số nội dung giảm điểm so với năm 2022, nhất là Quản trị môi\n"
        "trường và Quản trị điện tử; tỷ lệ người dân sử dụng dịch vụ công trực tuyến\n"
        "còn thấp, việc phản hồi ý kiến của người dân có lúc chưa kịp thời.\n"
        "     II. NHIỆM VỤ, GIẢI PHÁP\n"
        "      Sở Nội vụ chủ trì theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế hoạch\n"
        "này; tổng hợp, báo cáo UBND tỉnh kết quả thực hiện trước ngày 15/12/2024.\n"
    )
    doc = parse_text(text)
    assert [(s.label, s.title, s.level) for s in doc.sections] == [
        ("I", "ĐÁNH GIÁ KẾT QUẢ NĂM 2023", 1), ("1", "Những mặt đạt được", 2), ("2", "Những hạn chế", 2),
        ("II", "NHIỆM VỤ, GIẢI PHÁP", 1)]


def test_a_capitals_title_with_an_ocr_zero_keeps_its_kind() -> None:
    from papi_extract.outline import section_kind

    assert section_kind("T0 CHỨC THỰC HIỆN", None) == "organization"
    assert section_kind("MỤC TIÊU NĂM 2024", None) == "objectives"
    assert section_kind("C0NG TÁC T0 CHỨC THỰC HIỆN", None) == "organization"


def test_a_stamp_printed_at_every_page_break_is_page_furniture() -> None:
    from papi_extract.pipeline import parse_text

    stamp = "Quét bằng ứng dụng VnScan"
    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI xã năm 2023\n\nI. NHIỆM VỤ\n"
        "1. Công chức Tư pháp - Hộ tịch niêm yết công khai thủ tục hành chính tại Bộ phận\n"
        f"\n{stamp}\n\f2\n\n"
        "một cửa của xã, hoàn thành trong quý II/2023.\n"
        "2. Công chức Văn hóa - Xã hội tuyên truyền về Chỉ số PAPI trên loa truyền thanh.\n"
        f"\n{stamp}\n\f3\n\n"
        "3. Trưởng các thôn tổ chức họp thôn để Nhân dân bàn các khoản đóng góp.\n"
        f"\n{stamp}\n\f4\n\n"
        "II. TỔ CHỨC THỰC HIỆN\nCông chức Văn phòng - Thống kê theo dõi.\n"
    )
    doc = parse_text(text)
    assert not any(stamp in t.text for t in doc.tasks)
    assert doc.tasks[0].text == ("Công chức Tư pháp - Hộ tịch niêm yết công khai thủ tục hành chính tại Bộ phận "
                                 "một cửa của xã, hoàn thành trong quý II/2023.")


def test_a_group_head_wrapped_onto_a_short_line_ending_in_a_colon_is_one_heading() -> None:
    from papi_extract.pipeline import parse_text

    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI huyện năm 2024\n\nI. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Phòng Nội vụ:\n\na) Theo dõi, đôn đốc các cơ quan thực hiện Kế hoạch.\n\n"
        "2. Đề nghị Hội Nông dân huyện, Hội Liên hiệp Phụ nữ huyện và Đoàn Thanh niên Cộng sản Hồ Chí\n"
        "Minh huyện:\n\n"
        "a) Tuyên truyền, vận động hội viên tham gia giám sát việc công khai ở cơ sở.\n\n"
        "b) Phản ánh kịp thời ý kiến của hội viên về thủ tục hành chính.\n\n"
        "3. Phòng Tư pháp hướng dẫn các xã tổ chức hòa giải ở cơ sở; báo cáo kết quả thực hiện\n"
        "trước ngày 15/12/2024.\n"
    )
    doc = parse_text(text)
    assert [(s.label, s.title) for s in doc.sections][:3] == [
        ("I", "TỔ CHỨC THỰC HIỆN"), ("1", "Phòng Nội vụ"),
        ("2", "Đề nghị Hội Nông dân huyện, Hội Liên hiệp Phụ nữ huyện và Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện")]
    # an item whose sentence wraps onto a line without a colon stays an item
    assert "3" not in [s.label for s in doc.sections]
    items = [t for t in doc.tasks if t.text.startswith(("Tuyên truyền, vận động", "Phản ánh kịp thời"))]
    assert len(items) == 2
    assert [a.name for a in items[0].lead] == ["Hội Nông dân huyện", "Hội Liên hiệp Phụ nữ huyện",
                                              "Đoàn Thanh niên Cộng sản Hồ Chí Minh huyện"]


def test_a_page_number_on_the_page_breaks_own_line_is_page_furniture() -> None:
    """PyMuPDF writes each page followed by a form feed, so the next page's number printed at its top shares the
    break's line ("\\f2"), with no blank line around it; a number just before the break (a page's foot) is the same.
    Either sits in the middle of a sentence: it is no part of the task, nor a figure of a score sentence. A number
    on a line of its own with text right around it and no page break is kept (a table cell, a count)."""
    from papi_extract.pipeline import parse_text

    text = (
        "KẾ HOẠCH\nNâng cao Chỉ số PAPI xã năm 2024\n\nI. KẾT QUẢ\n"
        "Chỉ số thành phần Cơ hội tham gia giảm\n\f2\n0,14 điểm so với năm 2022.\n"
        "II. NHIỆM VỤ\n"
        "- Công chức Địa chính - Xây dựng công khai quy hoạch sử dụng đất của xã tại\n\f3\n"
        "trụ sở UBND xã và nhà văn hóa các thôn, hoàn thành trong quý III/2024.\n"
        "- Công chức Văn hóa - Xã hội tuyên truyền về Chỉ số PAPI trên hệ thống loa\n4\n"
        "\ftruyền thanh của xã vào tháng 8/2024.\n"
    )
    doc = parse_text(text)
    assert [t.text for t in doc.tasks] == [
        "Công chức Địa chính - Xây dựng công khai quy hoạch sử dụng đất của xã tại trụ sở UBND xã và nhà văn hóa "
        "các thôn, hoàn thành trong quý III/2024.",
        "Công chức Văn hóa - Xã hội tuyên truyền về Chỉ số PAPI trên hệ thống loa truyền thanh của xã vào tháng "
        "8/2024."]
    assert [(s.subdimension, s.kind, s.value, s.change) for s in doc.scores] == [("1.2", "change", None, -0.14)]


def test_paragraphs_marked_by_a_first_line_indent_are_apart() -> None:
    """A PDF's text with no blank line between paragraphs, each paragraph's first line indented and its wrapped
    lines flush left: an indented line after a finished sentence opens a new paragraph (an assignment after the
    items it assigns is no part of the last item). Without such a layout an indented line goes on as before."""
    from papi_extract.pipeline import parse_text

    body = (
        "    - Niêm yết công khai danh sách hộ nghèo năm 2025 tại nhà văn hóa các\n"
        "thôn và trụ sở UBND xã.\n"
        "    - Công khai quyết toán thu, chi ngân sách xã năm 2024 tại kỳ họp Hội\n"
        "đồng nhân dân xã.\n"
        "    Giao công chức Tài chính - Kế toán chủ trì, phối hợp với Trưởng các thôn thực\n"
        "hiện các nội dung trên, hoàn thành trong quý III/2025.\n"
        "    2. Quản trị điện tử\n"
        "    - Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia.\n"
    )
    head = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI xã năm 2025\n"
            "    Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND huyện về cải cách hành\n"
            "chính năm 2025;\n    UBND xã ban hành Kế hoạch như sau:\n    II. NHIỆM VỤ\n    1. Công khai, minh bạch\n")
    doc = parse_text(head + body)
    assert [t.text for t in doc.tasks] == [
        "Niêm yết công khai danh sách hộ nghèo năm 2025 tại nhà văn hóa các thôn và trụ sở UBND xã.",
        "Công khai quyết toán thu, chi ngân sách xã năm 2024 tại kỳ họp Hội đồng nhân dân xã.",
        "Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia."]
    for t in doc.tasks[:2]:
        assert [d.kind for d in t.deadlines] == ["quarter"]
        assert t.lead and "Tài chính" in t.lead[0].name
    # the same lines without the indents: the paragraph after a finished sentence still goes on the item
    flat = parse_text("\n".join(x.lstrip() for x in (head + body).split("\n")))
    assert flat.tasks[1].text.endswith("hoàn thành trong quý III/2025.")


def test_page_numbers_counting_up_a_page_apart_are_page_furniture() -> None:
    """pdfplumber joins pages with a bare line break: "2", "3", "4" stand alone between lines of text, a page
    apart, with no blank line or form feed around them. Counting up by one about the same number of lines apart,
    they are page numbers: a sentence they cut goes on as one task. Numbers a few lines apart (a count, a list)
    stay text."""
    from papi_extract.context import DocContext
    from papi_extract.normalize import normalize
    from papi_extract.pipeline import parse_text

    filler = "".join(f"- Công chức Văn hóa - Xã hội tuyên truyền nội dung số {k} trên loa truyền thanh xã.\n"
                     for k in range(18))
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI xã năm 2024\nI. NHIỆM VỤ\n" + filler + "2\n" + filler
            + "- Công chức Tư pháp - Hộ tịch hướng dẫn Nhân dân thực hiện quy chế dân chủ ở\n3\n"
            "cơ sở tại các thôn, hoàn thành trong quý III/2024.\n" + filler + "4\n" + filler)
    doc = parse_text(text)
    assert any(t.text == "Công chức Tư pháp - Hộ tịch hướng dẫn Nhân dân thực hiện quy chế dân chủ ở cơ sở tại các "
               "thôn, hoàn thành trong quý III/2024." for t in doc.tasks)
    ctx = DocContext(norm=normalize(text))
    assert {ctx.norm.line_texts[i] for i in ctx.page_furniture()} == {"2", "3", "4"}
    close = "KẾ HOẠCH\nI. KẾT QUẢ\nSố xã đạt chuẩn:\n2\nSố thôn:\n3\nSố tổ:\n4\n"
    assert DocContext(norm=normalize(close)).page_furniture() == frozenset()


# pdfminer.six's extract_text of a justified page: each printed line a text box of its own, a blank line after each
PDFMINER = "\n\n".join([
    "KẾ HOẠCH", "Nâng cao Chỉ số PAPI tỉnh Quảng Trị năm 2025",
    "Căn cứ Quyết định số 45/QĐ-UBND ngày 10/01/2025 của UBND tỉnh về cải cách hành",
    "chính năm 2025;",
    "I. NHIỆM VỤ, GIẢI PHÁP",
    "1. Chỉ số nội dung 2: Công khai, minh bạch trong việc ra quyết định ở địa",
    "phương",
    "a) Giao Thanh tra tỉnh chủ trì, phối hợp với Ban Tiếp công dân tỉnh tổ chức đối thoại với",
    "người dân về các vụ việc khiếu nại kéo dài; thời gian: quý II/2025.",
    "b) Giao Sở Tư pháp chủ trì hướng dẫn kiện toàn tổ hòa giải ở thôn, khu phố trên",
    "Cổng thông tin điện tử tỉnh; thời gian: thường xuyên.",
    "2. Hạn chế, tồn tại",
    "Một số cơ quan chưa quan tâm đúng mức đến việc trả lời phản ánh của người dân, trong đó",
    "có các sở, ngành cấp tỉnh.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Sở Nội vụ theo dõi, đôn đốc các cơ quan, đơn vị triển khai Kế hoạch; tổng hợp, báo",
    "cáo UBND tỉnh kết quả thực hiện trước ngày 30/11/2025.",
    "2. Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch từ nguồn ngân sách tỉnh",
    "theo quy định.",
    "3. Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố xây dựng kế hoạch cụ",
    "thể của cơ quan, địa phương; báo cáo kết quả định kỳ hằng quý về Sở Nội vụ.",
    "4. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tăng",
    "cường giám sát việc thực hiện dân chủ ở cơ sở.",
]) + "\n"


def test_a_page_whose_every_line_is_followed_by_a_blank_line_reads_its_wrapped_sentences_whole() -> None:
    from papi_extract.pipeline import parse_text

    doc = parse_text(PDFMINER)
    titles = [(s.label, s.title) for s in doc.sections]
    # the dimension's heading wrapped onto "phương" is one heading; "2. Hạn chế, tồn tại" stays one ("tồn tại")
    assert titles == [("I", "NHIỆM VỤ, GIẢI PHÁP"),
                      ("1", "Chỉ số nội dung 2: Công khai, minh bạch trong việc ra quyết định ở địa phương"),
                      ("2", "Hạn chế, tồn tại"), ("II", "TỔ CHỨC THỰC HIỆN")]
    # "b) … trên" + "Cổng thông tin …" goes on: an item, not a heading
    assert not any(t.startswith("Giao Sở Tư pháp") for _, t in titles)
    got = {t.label: ([a.raw for a in t.lead], [d.kind for d in t.deadlines], t.dimension) for t in doc.tasks if t.label in "ab"}
    assert got == {"a": (["Thanh tra tỉnh"], ["quarter"], 2), "b": (["Sở Tư pháp"], ["continuous"], 2)}


def test_paragraphs_of_a_word_export_with_a_blank_line_after_each_stay_apart() -> None:
    from papi_extract.normalize import has_spaced_lines

    # whole paragraphs on one line each, a blank line after every one (docx2txt, docx2python): no join
    paras = [f"Đoạn {k}: các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch cụ thể của cơ quan, "
             f"đơn vị mình, bảo đảm hoàn thành các mục tiêu đề ra và báo cáo kết quả thực hiện về Sở Nội vụ" for k in range(30)]
    assert not has_spaced_lines("\n\n".join(paras))
    assert has_spaced_lines(PDFMINER * 3)


def test_a_numbered_heading_wrapped_onto_a_paragraph_of_its_own_before_items_is_one_heading() -> None:
    """odt2txt wraps every paragraph at 65 columns: an agency heading longer than that goes on onto a short line
    of its own (no colon), a blank line after it, then its items. A numbered sentence that goes on, or whose
    rest ends on a stop, stays no heading."""
    text = ("III. TỔ CHỨC THỰC HIỆN\n\n2. Văn phòng HĐND và UBND huyện; Trung tâm Phục vụ hành chính\n"
            "công huyện\n\n- Theo dõi việc giải quyết hồ sơ trực tuyến.\n\n"
            "3. Phòng Tư pháp hướng dẫn các xã rà soát hương ước, quy ước của\nthôn, tổ dân phố.\n\n"
            "- Báo cáo kết quả về UBND huyện.\n")
    titles = [collapse_ws(s.title) for s in _outline(text).sections]
    assert "Văn phòng HĐND và UBND huyện; Trung tâm Phục vụ hành chính công huyện" in titles
    assert not any(t.startswith("Phòng Tư pháp") for t in titles)


def test_a_results_and_limitations_heading_under_a_tasks_section_keeps_its_own_kind() -> None:
    """A remediation plan: under "II. GIẢI PHÁP KHẮC PHỤC", each dimension's "Kết quả, hạn chế" reports the score
    drop (limitations) and its "Giải pháp" holds the tasks."""
    text = ("II. GIẢI PHÁP KHẮC PHỤC\n1. Quản trị môi trường\n1.1. Kết quả, hạn chế\n"
            "Năm 2023 đạt 3,20 điểm, giảm 0,18 điểm so với năm 2022.\n1.2. Giải pháp\n"
            "- Phòng Tài nguyên và Môi trường kiểm tra các cơ sở gây ô nhiễm.\n")
    kinds = {collapse_ws(s.title): s.kind for s in _outline(text).sections}
    assert kinds["Kết quả, hạn chế"] == "limitations"
    assert kinds["Giải pháp"] == "tasks"


def test_a_heading_cut_after_its_comma_and_an_item_cut_before_its_year() -> None:
    """ "3.4. Ủy ban nhân dân các xã," / "thị trấn" over its items is one heading; "5.2. Tổ chức tổng vệ sinh …
    trước Tết Nguyên đán năm" / "2026." is a numbered item wrapped before its year, not a heading."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nCải thiện Chỉ số PAPI huyện năm 2025\n\nII. NHIỆM VỤ\n3.4. Ủy ban nhân dân các xã,\nthị trấn\n"
            "  • Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa; thực hiện thường xuyên.\n"
            "  • Tổ chức đối thoại với Nhân dân; hằng quý.\n"
            "5.2. Tổ chức tổng vệ sinh môi trường các khu dân cư trước Tết Nguyên đán năm\n2026.\n")
    doc = parse_text(text)
    assert [(s.label, s.title) for s in doc.sections] == [("II", "NHIỆM VỤ"), ("3.4", "Ủy ban nhân dân các xã, thị trấn")]
    texts = [t.text for t in doc.tasks]
    assert "Tổ chức tổng vệ sinh môi trường các khu dân cư trước Tết Nguyên đán năm 2026." in texts
    assert [a.name for a in doc.tasks[0].lead] == ["Ủy ban nhân dân các xã, thị trấn"]


@pytest.mark.parametrize(("title", "kind"), [
    # the kind named first in the title wins
    ("GIẢI PHÁP VÀ PHÂN CÔNG THỰC HIỆN", "tasks"),
    ("NHIỆM VỤ TRỌNG TÂM, TRÁCH NHIỆM THỰC HIỆN", "tasks"),
    ("GIẢI PHÁP KHẮC PHỤC HẠN CHẾ, YẾU KÉM", "tasks"),
    ("PHÂN CÔNG THỰC HIỆN NHIỆM VỤ", "organization"),
    ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023", "limitations"),
    # an appendix wherever it is named
    ("DANH MỤC NHIỆM VỤ (PHỤ LỤC I)", "appendix"),
])
def test_section_kind_named_first_wins(title: str, kind: str) -> None:
    from papi_extract.outline import section_kind

    assert section_kind(title, None) == kind


def test_a_child_heading_opening_with_another_kind_has_that_kind() -> None:
    """Sections inherit their parent's kind unless their own heading says otherwise: "2. Chỉ tiêu cụ thể" under
    "II. YÊU CẦU VÀ CHỈ TIÊU" is objectives, "2. Nhiệm vụ trọng tâm" under "III. MỤC TIÊU VÀ NHIỆM VỤ" is tasks;
    "1. Yêu cầu chung" stays purpose and "1. Về công tác chỉ đạo" inherits objectives."""
    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2025\n\n"
            "II. YÊU CẦU VÀ CHỈ TIÊU\n1. Yêu cầu chung\nCác đơn vị triển khai nghiêm túc.\n"
            "2. Chỉ tiêu cụ thể\nTổng điểm đạt 44 điểm.\n"
            "III. MỤC TIÊU VÀ NHIỆM VỤ\n1. Về công tác chỉ đạo\nNâng cao trách nhiệm người đứng đầu.\n"
            "2. Nhiệm vụ trọng tâm\nSở Nội vụ rà soát thủ tục hành chính.\n")
    ctx = _outline(text)
    assert [(s.label, s.kind) for s in ctx.sections] == [
        ("II", "purpose"), ("1", "purpose"), ("2", "objectives"), ("III", "objectives"), ("1", "objectives"),
        ("2", "tasks")]


def test_a_wide_space_aligned_table_does_not_hide_the_prose_wrap_width() -> None:
    """pdftotext -layout: prose hard-wrapped at ~80 columns, and a task table whose columns runs of spaces part,
    wider than the prose. A numbered line cut at the prose's width goes on below even when the next line opens
    with a capital ("… Chủ tịch" / "UBND các xã …"): it is an item's sentence, not a heading."""
    prose = [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "     1. Rà soát kết quả các chỉ số nội dung giảm điểm trong năm 2022 để đề ra giải pháp",
        "khắc phục kịp thời, phù hợp với điều kiện thực tế của huyện trong năm 2023 này.",
        "     2. Phân công cụ thể trách nhiệm của Trưởng các phòng, ban chuyên môn và Chủ tịch",
        "UBND các xã, thị trấn trong việc nâng cao từng chỉ số nội dung được giao phụ trách.",
        "     3. Các nhiệm vụ phải cụ thể, có thời hạn hoàn thành, có sản phẩm đầu ra rõ ràng,",
        "gắn với trách nhiệm người đứng đầu cơ quan, đơn vị và được kiểm tra thường xuyên.",
        "II. KẾT QUẢ CHỈ SỐ PAPI NĂM 2022",
        "     Theo Báo cáo PAPI năm 2022, tỉnh đạt 42,10 điểm, giảm 0,35 điểm so với năm 2021 và",
        "đứng thứ 40/63 tỉnh, thành phố; trong đó có bốn chỉ số nội dung giảm điểm so với năm",
        "trước, nhất là chỉ số Công khai, minh bạch và chỉ số Thủ tục hành chính công của tỉnh.",
        "     Nguyên nhân chủ yếu là việc công khai thông tin chưa kịp thời, chưa đa dạng hình thức;",
        "một số cán bộ, công chức chưa nhiệt tình hướng dẫn người dân khi giải quyết hồ sơ hành",
        "chính; việc tiếp nhận, xử lý phản ánh, kiến nghị của người dân có lúc còn chậm trễ.",
        "III. NHIỆM VỤ",
    ]
    table = [f"  {k:<2}   Nhiệm vụ số {k:<2} về công khai ngân sách xã      Phòng Tài chính - Kế hoạch"
             f"     UBND các xã      Quý {k % 4 + 1}/2023" for k in range(1, 13)]
    ctx = _outline("\n".join(["KẾ HOẠCH", "Nâng cao Chỉ số PAPI huyện Tân Phước năm 2023", "", *prose, *table,
                              "IV. TỔ CHỨC THỰC HIỆN", "Các phòng triển khai."]))
    assert [s.label for s in ctx.sections] == ["I", "II", "III", "IV"]


def test_an_appendix_label_alone_in_bold_or_as_a_heading_after_the_signature_opens_the_appendix() -> None:
    """After the signature, "**Phụ lục 1**" (bold, its title on the next line) or "## Phụ lục 2" opens an appendix
    as "PHỤ LỤC I" does: the body goes on there."""
    text = "\n".join([
        "# KẾ HOẠCH", "", "Nâng cao Chỉ số PAPI huyện Hàm Tân năm 2024", "",
        "## I. MỤC ĐÍCH, YÊU CẦU", "", "Nâng cao chất lượng phục vụ người dân.", "",
        "## II. TỔ CHỨC THỰC HIỆN", "", "Các phòng triển khai Phụ lục kèm theo./.", "",
        "**Nơi nhận:**", "- UBND tỉnh;", "- Lưu: VT.", "", "**TM. ỦY BAN NHÂN DÂN**", "**CHỦ TỊCH**", "",
        "**Trần Văn Bình**", "",
        "**Phụ lục 1**", "", "**KẾT QUẢ CHỈ SỐ PAPI NĂM 2023**", "",
        "| STT | Chỉ số nội dung | Năm 2023 |", "|---|---|---|", "| 1 | Tham gia của người dân ở cấp cơ sở | 5,12 |",
        "", "## Phụ lục 2", "", "NHIỆM VỤ CỤ THỂ", "",
        "| TT | Nội dung | Chủ trì | Thời gian |", "|---|---|---|---|",
        "| 1 | Niêm yết thủ tục hành chính tại Bộ phận Một cửa | Văn phòng HĐND và UBND huyện | Quý II/2024 |",
        "| 2 | Đối thoại với người dân về đất đai | Phòng Tài nguyên và Môi trường | Quý III/2024 |",
    ])
    ctx = _outline(text)
    assert [(s.label, s.kind) for s in ctx.sections if s.kind == "appendix"] == [("PL-1", "appendix"),
                                                                                ("PL-2", "appendix")]


def test_an_appendix_label_with_its_title_in_capitals_after_the_signature() -> None:
    """"Phụ lục 2: DANH MỤC NHIỆM VỤ" after the signature (only the title in capitals) opens an appendix, and the
    title on the label's line is the section's title."""
    text = "\n".join([
        "KẾ HOẠCH", "Nâng cao Chỉ số PAPI xã Cẩm Thịnh năm 2024", "",
        "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao chất lượng phục vụ người dân.", "",
        "II. TỔ CHỨC THỰC HIỆN", "Các bộ phận triển khai các phụ lục kèm theo./.", "",
        "Nơi nhận:", "- UBND huyện;", "- Lưu: VP.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Hùng", "",
        "Phụ lục 2: DANH MỤC NHIỆM VỤ",
        "(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/3/2024 của UBND xã Cẩm Thịnh)", "",
        "STT\tNội dung\tChủ trì\tThời gian",
        "1\tNiêm yết thủ tục hành chính tại Bộ phận Một cửa\tCông chức Văn phòng - Thống kê\tQuý II/2024",
        "2\tĐối thoại với người dân về đất đai\tCông chức Địa chính - Xây dựng\tQuý III/2024",
    ])
    ctx = _outline(text)
    assert [(s.label, s.title) for s in ctx.sections if s.kind == "appendix"] == [("PL-2", "DANH MỤC NHIỆM VỤ")]


@pytest.mark.parametrize(("title", "kind"), [
    ("NỘI DUNG SỬA ĐỔI", "tasks"),
    ("Nội dung bổ sung", "tasks"),
    ("NỘI DUNG ĐIỀU CHỈNH KẾ HOẠCH SỐ 56/KH-UBND", "tasks"),
    # the reasons for amending are no tasks
    ("KẾT QUẢ THỰC HIỆN VÀ SỰ CẦN THIẾT BỔ SUNG", "limitations"),
])
def test_the_parts_of_a_plan_amending_an_earlier_one_are_tasks(title: str, kind: str) -> None:
    """A plan that amends an earlier one lists its changed and added tasks under "Nội dung điều chỉnh / sửa
    đổi / bổ sung" headings."""
    from papi_extract.outline import section_kind

    assert section_kind(title, None) == kind


def test_a_letter_label_typed_with_no_space_before_a_capital_is_a_label() -> None:
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\n\nCải thiện Chỉ số PAPI năm 2021\n\nII.NHIỆM VỤ\n1.THỦ TỤC HÀNH CHÍNH CÔNG\n"
            "a)Văn phòng UBND tỉnh rà soát danh mục thủ tục hành chính; hoàn thành trong quý II/2021.\n"
            "b.Sở Tư pháp hướng dẫn chứng thực điện tử tại cấp xã.\n")
    doc = parse_text(text)
    assert [(t.label, t.text[:20]) for t in doc.tasks] == [("a", "Văn phòng UBND tỉnh "), ("b", "Sở Tư pháp hướng dẫn")]
    # before a lower-case letter, or after "/", no space still means no label
    for line in ("c)xem thêm phụ lục", "d/Sở Y tế"):
        assert _label_matches(line, line)[3] is None and LETTER_RE.match(line) is None


def test_a_roman_label_typed_in_lower_case_before_a_title_in_capitals_is_a_roman_heading() -> None:
    """ "ii. NỘI DUNG" typed in lower case: a Roman heading (level 1) when its title is in capitals, so the
    numbered parts under it sit at level 2. A lettered item "i) Công khai …" with an ordinary title stays an item."""
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2023\n\ni) MỤC TIÊU\nNâng cao điểm số.\n\niv. NHIỆM VỤ TRỌNG TÂM\n"
            "1. CÔNG KHAI, MINH BẠCH\nh) Niêm yết công khai quy hoạch sử dụng đất tại trụ sở.\n"
            "i) Công khai dự toán ngân sách xã tại nhà văn hóa các thôn.\n\nv. TỔ CHỨC THỰC HIỆN\nCác ban ngành thực hiện.\n")
    ctx = _outline(text)
    got = [(s.label, s.level, s.title) for s in ctx.sections]
    assert got == [("i", 1, "MỤC TIÊU"), ("iv", 1, "NHIỆM VỤ TRỌNG TÂM"), ("1", 2, "CÔNG KHAI, MINH BẠCH"),
                   ("v", 1, "TỔ CHỨC THỰC HIỆN")]
    # no Roman numeral ("il"), or a title that is not in capitals: no heading
    for line in ("il. NỘI DUNG CHÍNH", "ii. Nội dung chính của kế hoạch"):
        assert _outline(f"KẾ HOẠCH\nPAPI\n\n{line}\nCác ban ngành thực hiện.\n").sections == []


def test_a_lead_in_opening_on_a_time_under_a_finished_heading_is_not_its_wrapped_end() -> None:
    """ "3. Trách nhiệm giải trình với người dân" / "Từ nay đến hết năm 2022, thực hiện:" / "a) …": the second line is a
    lead-in of its own, not the heading's last words. A heading cut on an open word still takes its wrapped end."""
    text = ("KẾ HOẠCH\nPAPI năm 2022\n\nII. NHIỆM VỤ\n3. Trách nhiệm giải trình với người dân\n"
            "Từ nay đến hết năm 2022, thực hiện:\na) Thanh tra huyện giải quyết đơn thư tồn đọng.\n"
            "b) Phòng Tư pháp kiện toàn tổ hòa giải.\n4. Đề nghị Ủy ban MTTQ huyện và các\nđoàn thể huyện:\n"
            "a) Giám sát việc tiếp công dân.\nb) Tuyên truyền Luật Tố cáo.\n")
    assert [s.title for s in _outline(text).sections] == [
        "NHIỆM VỤ", "Trách nhiệm giải trình với người dân", "Đề nghị Ủy ban MTTQ huyện và các đoàn thể huyện"]


def test_a_line_closing_on_a_comma_goes_on_below() -> None:
    """ "b) UBND các phường: Phước Long, Phước Hải," then "Phước Tân và UBND xã Phước Đồng tổ chức …": one item, not a
    lettered heading over a paragraph."""
    from papi_extract.pipeline import parse_text

    text = ("KẾ HOẠCH\nPAPI thành phố Nha Trang năm 2023\n\nII. NHIỆM VỤ\n1. Tham gia của người dân ở cấp cơ sở\n"
            "a) Phòng Nội vụ hướng dẫn bầu tổ trưởng tổ dân phố; quý II/2023.\n"
            "b) UBND các phường: Phước Long, Phước Hải,\n"
            "Phước Tân và UBND xã Phước Đồng tổ chức lấy ý kiến Nhân dân; quý III/2023.\n")
    doc = parse_text(text)
    assert [s.label for s in doc.sections if s.label in ("a", "b")] == []
    assert [t.label for t in doc.tasks] == ["a", "b"]
    assert len(doc.tasks[1].lead) == 4


def test_a_phuong_an_in_parts_some_with_a_roman_tier_some_without() -> None:
    """A "PHƯƠNG ÁN" (Số …/PA-UBND) is a document type of its own; "## PHẦN I. …" right under the title is the first
    part, not a subject line; numbered headings straight under a part are the tier under it (level 2), under a Roman
    tier one deeper."""
    from papi_extract.pipeline import parse_text

    text = ("ỦY BAN NHÂN DÂN HUYỆN BẮC BÌNH\n\nSố: 77/PA-UBND\n\n# PHƯƠNG ÁN\n\n"
            "**Nâng cao Chỉ số PAPI huyện Bắc Bình năm 2025**\n\n"
            "## PHẦN I. ĐÁNH GIÁ THỰC TRẠNG\n\n### I. Kết quả năm 2024\n\nChỉ số PAPI của tỉnh đạt 42,10 điểm.\n\n"
            "## PHẦN II. NHIỆM VỤ, GIẢI PHÁP\n\n### 1. Tham gia của người dân ở cấp cơ sở\n\n"
            "- Phòng Nội vụ hướng dẫn bầu trưởng thôn; quý II/2025.\n")
    doc = parse_text(text, fmt="markdown")
    assert doc.doc_type == "Phương án"
    assert [(s.label, s.level) for s in doc.sections] == [("PHẦN I", 1), ("I", 2), ("PHẦN II", 1), ("1", 2)]


LETTERED_PLAN = """ỦY BAN NHÂN DÂN XÃ TÂN LẬP
KẾ HOẠCH
Nâng cao Chỉ số PAPI năm 2024

A/ MỤC ĐÍCH, YÊU CẦU
(a) Khắc phục các hạn chế của năm trước.
(b) Gắn trách nhiệm của người đứng đầu.

B/ NHIỆM VỤ, GIẢI PHÁP
1. Kiểm soát tham nhũng trong khu vực công
(a) Công chức Tư pháp - Hộ tịch niêm yết công khai thủ tục; thường xuyên.
(b) Ban Thanh tra nhân dân xã giám sát việc thu, chi; hằng quý.

C/ TỔ CHỨC THỰC HIỆN
B. Công chức Văn phòng - Thống kê tổng hợp, báo cáo kết quả.
C) Trưởng các thôn tuyên truyền Kế hoạch đến Nhân dân.
"""


def test_slash_lettered_parts_and_items_lettered_in_brackets_or_capitals() -> None:
    """ "B/ NHIỆM VỤ, GIẢI PHÁP" (a capital, a slash, a title in capitals) is a part; "(a) …" letters items as "a)"
    does; "B. Công chức …", "C) Trưởng các thôn …" (capitals before text in ordinary case) are lettered items."""
    ctx = _outline(LETTERED_PLAN)
    parts = [(s.label, _key(s.title)) for s in ctx.sections if s.level == 1]
    assert parts == [("A", "muc dich, yeu cau"), ("B", "nhiem vu, giai phap"), ("C", "to chuc thuc hien")]
    items = [(b.kind, b.label, ctx.text[b.text_start : b.text_start + 12]) for b in ctx.blocks if b.kind == "item"]
    assert items == [("item", "a", "Khắc phục cá"), ("item", "b", "Gắn trách nh"), ("item", "a", "Công chức Tư"),
                     ("item", "b", "Ban Thanh tr"), ("item", "B", "Công chức Vă"), ("item", "C", "Trưởng các t")]


def test_lettered_headings_follow_the_vietnamese_alphabet() -> None:
    """ "đ)" after "d)" and "g)" after "e)" (no f) raise no numbering warning; "h)" right after "e)" does."""
    def run(letters: tuple[str, ...]) -> DocContext:
        heads = "".join(f"**{x}) Nội dung thứ {x}**\n\nSở Nội vụ hướng dẫn các xã.\n\n" for x in letters)
        ctx = DocContext(norm=normalize("# KẾ HOẠCH\n\n## I. NHIỆM VỤ\n\n**1. Tham gia của người dân**\n\n" + heads,
                                        "markdown"))
        segment(ctx)
        return ctx
    ctx = run(("d", "đ", "e", "g", "h"))
    assert [s.label for s in ctx.sections if s.level == 2] == ["d", "đ", "e", "g", "h"]
    assert [w for w in ctx.warnings if w.code == "W301"] == []
    ctx = run(("d", "đ", "e", "h", "i"))
    assert [w.message for w in ctx.warnings if w.code == "W301"] == ["heading label 'h' follows 'e' under the same parent"]


def test_lower_case_roman_headings_in_bold_and_items_typed_in_capitals() -> None:
    """ "**ii. kết quả thực hiện năm 2025**" (a Roman label and title in lower case, in bold) is a Roman heading, "i."
    too when "ii." follows; "b) TRƯỞNG CÁC THÔN PHỔ BIẾN KẾ HOẠCH ĐẾN TỪNG HỘ GIA ĐÌNH." (capitals closing on a full
    stop) is an item, not a heading."""
    text = ("# KẾ HOẠCH\n\nNâng cao Chỉ số PAPI năm 2025\n\n**i. mục đích, yêu cầu**\n\n- Nâng cao trách nhiệm.\n\n**ii. nhiệm vụ, giải pháp**\n\n"
            "**1. Thủ tục hành chính công**\n\na) Công chức Tư pháp - Hộ tịch niêm yết thủ tục hành chính.\n\n"
            "b) TRƯỞNG CÁC THÔN PHỔ BIẾN KẾ HOẠCH ĐẾN TỪNG HỘ GIA ĐÌNH TRONG THÔN.\n\n**iii. tổ chức thực hiện**\n\n"
            "Văn phòng theo dõi.\n")
    ctx = DocContext(norm=normalize(text, "markdown"))
    segment(ctx)
    assert [(s.label, s.level) for s in ctx.sections] == [("i", 1), ("ii", 1), ("1", 2), ("iii", 1)]
    items = [ctx.text[b.text_start : b.text_start + 12] for b in ctx.blocks if b.kind == "item"]
    assert items == ["Công chức Tư", "TRƯỞNG CÁC T"]


def test_an_unnumbered_appendix_titled_in_capitals_after_the_signature() -> None:
    """ "PHỤ LỤC: DANH MỤC NHIỆM VỤ CHI TIẾT" after the signature (no number, its title after a colon, all in capitals) is
    an appendix section, as "PHỤ LỤC I" is; "Phụ lục kèm theo Kế hoạch này" in a sentence is none."""
    text = ("KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2026\n\nI. NHIỆM VỤ\n- Phòng Nội vụ theo dõi.\n\nNơi nhận:\n- Sở Nội vụ;\n"
            "- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n\n\nPHỤ LỤC: DANH MỤC NHIỆM VỤ CHI TIẾT\n\n"
            "TT\tNội dung\tChủ trì\tThời gian\n1\tRà soát thủ tục hành chính\tVăn phòng\tQuý II/2026\n")
    ctx = _outline(text)
    assert [(s.label, s.kind, _key(s.title)) for s in ctx.sections][-1] == ("PL", "appendix", "danh muc nhiem vu chi tiet")
