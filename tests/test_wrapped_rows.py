"""Tab tables whose rows are hard-wrapped like paragraphs (``catdoc``): one row per line again."""

from __future__ import annotations

from papi_extract.pipeline import parse_text
from papi_extract.wrapped_rows import has_wrapped_tab_rows, rewrite_wrapped_tab_rows

# A commune plan's table as catdoc writes a Word 97 file: each row one tab-joined line wrapped at
# about 60 characters. Other column names than any seed's ("STT", "Đơn vị chủ trì", "Thời hạn"); the
# header's wrap ate the tab before "Thời hạn"; row 1's wrap ate the tab between the task and its lead
# (a line of the task also opens with a capital, "Cổng"); row 2's support cell has two paragraphs
# (an empty line between) and its wrap ate the tab before the time; row 3's time wraps after "ngày".
TABLE = """STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp
Thời hạn

I\tCÔNG KHAI, MINH BẠCH TRONG VIỆC RA QUYẾT ĐỊNH Ở
ĐỊA PHƯƠNG

1\tĐăng tải danh sách các hộ được hỗ trợ sửa chữa nhà ở trên
Cổng thông tin điện tử của xã và bảng tin các thôn
Công chức Văn phòng - Thống kê\tBan Công tác Mặt trận các
thôn\tQuý II/2023

2\tTổ chức hội nghị lấy ý kiến Nhân dân về dự thảo phương
án bồi thường, hỗ trợ tái định cư\tCông chức Địa chính
- Xây dựng\tHội Nông dân xã

Trưởng các thôn
Quý III/2023

3\tRà soát, niêm yết thủ tục hành chính tại Bộ phận một
cửa\tCông chức Tư pháp - Hộ tịch\tCông chức Văn phòng -
Thống kê\tTrước ngày
15/10/2023

Các thôn báo cáo kết quả về UBND xã trước ngày 20/12/2023.
"""


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in rewrite_wrapped_tab_rows(text).split("\n") if "\t" in line]


def test_wrapped_rows_are_put_back_on_one_line() -> None:
    rows = _rows(TABLE)
    assert rows[0] == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]
    assert rows[1] == ["I", "CÔNG KHAI, MINH BẠCH TRONG VIỆC RA QUYẾT ĐỊNH Ở ĐỊA PHƯƠNG"]  # a group row
    # the lost tab before the lead goes where an agency opens, not before "Cổng thông tin"
    assert rows[2] == ["1", "Đăng tải danh sách các hộ được hỗ trợ sửa chữa nhà ở trên Cổng thông tin điện tử "
                       "của xã và bảng tin các thôn", "Công chức Văn phòng - Thống kê",
                       "Ban Công tác Mặt trận các thôn", "Quý II/2023"]
    # two paragraphs of one agency cell are two agencies; the lost tab before the time is put back
    assert rows[3] == ["2", "Tổ chức hội nghị lấy ý kiến Nhân dân về dự thảo phương án bồi thường, hỗ trợ tái định cư",
                       "Công chức Địa chính - Xây dựng", "Hội Nông dân xã; Trưởng các thôn", "Quý III/2023"]
    # a line end after a word that needs more ("Văn phòng -", "ngày") is no cell break
    assert rows[4] == ["3", "Rà soát, niêm yết thủ tục hành chính tại Bộ phận một cửa", "Công chức Tư pháp - Hộ tịch",
                       "Công chức Văn phòng - Thống kê", "Trước ngày 15/10/2023"]
    assert len(rows) == 5
    # the sentence after the table stays text
    assert "Các thôn báo cáo kết quả về UBND xã trước ngày 20/12/2023." in rewrite_wrapped_tab_rows(TABLE).split("\n")


PLAN = f"""ỦY BAN NHÂN DÂN
XÃ TÂN HƯNG

Số: 31/KH-UBND\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

KẾ HOẠCH
Nâng cao Chỉ số PAPI trên địa bàn xã năm 2023

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao hiệu quả công tác công khai, minh bạch ở cơ sở.

II. NHIỆM VỤ CỤ THỂ

{TABLE}
III. TỔ CHỨC THỰC HIỆN

Công chức Văn phòng - Thống kê theo dõi, tổng hợp.

CHỦ TỊCH

Nguyễn Văn Bình
"""


def test_the_rows_are_tasks() -> None:
    doc = parse_text(PLAN)
    table = [t for t in doc.tasks if t.origin == "table"]
    assert [t.label for t in table] == ["1", "2", "3"]
    assert [a.name for a in table[0].lead] == ["Công chức Văn phòng - Thống kê"]
    assert [a.name for a in table[0].support] == ["Ban Công tác Mặt trận các thôn"]
    assert [d.raw for d in table[1].deadlines] == ["Quý III/2023"]
    assert [d.raw for d in table[2].deadlines] == ["Trước ngày 15/10/2023"]
    assert table[0].dimension == 2  # the group row names "Công khai, minh bạch"
    assert "Cổng thông tin điện tử" in table[0].text


def test_tables_that_are_not_wrapped_are_left_alone() -> None:
    # a Word text export: each row on one line (join_spilled_cells reads it)
    flat = ("STT\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n\n1\tCông khai ngân sách xã\tCông chức Tài chính\tQuý I/2023\n\n"
            "2\tRà soát thủ tục\tCông chức Tư pháp\tQuý II/2023\n")
    assert rewrite_wrapped_tab_rows(flat) == flat
    # lines longer than any wrapped export's
    long_row = "1\t" + "Công khai " * 15 + "\tCông chức Tài chính\nQuý I/2023\n\n"
    text = "STT\tNhiệm vụ\tĐơn vị chủ trì\tThời hạn\n\n" + long_row + long_row.replace("1\t", "2\t", 1)
    assert rewrite_wrapped_tab_rows(text) == text
    # no header line opening with the number column
    assert not has_wrapped_tab_rows("Nội dung\tChủ trì\n1\tA\tB\n")
    assert not has_wrapped_tab_rows("STT Nội dung Chủ trì\n")


def test_a_runaway_row_ends_the_table_before_it() -> None:
    body = "\n".join(f"dòng\tthứ {k}" for k in range(5000))
    text = ("STT\tNhiệm vụ\tĐơn vị chủ trì\n\n1\tCông khai ngân sách\nxã\tCông chức Tài chính\n\n"
            "2\tRà soát thủ tục\tCông chức Tư pháp\n\n3\t" + body + "\n")
    out = rewrite_wrapped_tab_rows(text).split("\n")
    assert "1\tCông khai ngân sách xã\tCông chức Tài chính" in out
    assert "dòng\tthứ 4999" in out  # left as it was
