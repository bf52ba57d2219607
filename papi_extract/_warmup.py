"""Imported by the batch runner's fork server: load the pipeline and its lazily built tables
(gazetteer, taxonomy, agency and deadline rules) once, so every worker forked from the server
starts warm instead of paying seconds on its first document. The warm heap is then frozen out of
the cycle collector, so a new worker's first collection (``batch.tune_gc``) does not walk it."""

from __future__ import annotations

import contextlib
import gc

WARM_UP_PLAN = """ỦY BAN NHÂN DÂN TỈNH AN GIANG

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 179/KH-UBND

An Giang, ngày 10 tháng 4 năm 2020

KẾ HOẠCH

Nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) tỉnh An Giang năm 2020

Thực hiện Quyết định số 915/QĐ-UBND ngày 05/7/2019 của UBND tỉnh; Chỉ số PAPI năm 2019 đạt 44,43 điểm,
xếp hạng 25/63; Tham gia của người dân ở cấp cơ sở đạt 4,93 điểm, giảm 0,44 điểm so với năm 2018.

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Phấn đấu Chỉ số PAPI năm 2020 đạt 45 điểm.

II. NHIỆM VỤ, GIẢI PHÁP

1. Công khai, minh bạch trong việc ra quyết định ở địa phương

a) Sở Tài nguyên và Môi trường chủ trì, phối hợp với UBND các huyện, thị xã, thành phố công khai quy hoạch,
kế hoạch sử dụng đất. Thời gian thực hiện: trong quý II/2020.

- Sở Nội vụ: tham mưu UBND tỉnh kiểm tra công vụ; hoàn thành trước ngày 30/6/2020.

STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành
1\tCông khai ngân sách cấp xã\tUBND các xã, phường\tPhòng Tài chính - Kế hoạch\tĐịnh kỳ hàng quý

III. TỔ CHỨC THỰC HIỆN

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Anh Thư
"""

with contextlib.suppress(Exception):
    from papi_extract import pipeline

    pipeline.parse_bytes(WARM_UP_PLAN.encode(), "<warm-up>.txt")
    pipeline.parse_bytes(b"<html><body><h2>K\xe1\xba\xbe HO\xe1\xba\xa0CH</h2><p>x</p></body></html>", "<warm-up>.html")
    from papi_extract import cli  # noqa: F401  (the worker's record writer and its imports)

gc.collect()
gc.freeze()
