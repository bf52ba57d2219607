"""Unit tests of ``papi-extract eval``: matching rules and metrics on small hand-made gold/pred pairs.

These tests build their own gold and predictions; they depend neither on tests/gold nor on the parser.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
import typer
import yaml
from typer.testing import CliRunner

from papi_extract.evaluate import (
    Acc,
    GoldDoc,
    GoldDocumentFile,
    GoldError,
    GoldTask,
    PRF,
    agency_key,
    check_floors,
    evaluate,
    load_floors,
    load_gold,
    match_tasks,
    prediction_from_gold,
    register,
    score_document,
    task_similarity,
    text_key,
)
from papi_extract.models import Agency, Deadline, PlanDocument, Task

# ---------------------------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------------------------

STEM = "900_test"


def _task(text: str, **kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "label": None, "text": text, "origin": "list", "dimension": None, "subdimension": None,
        "lead": [], "support": [], "directing": [], "output": None, "deadlines": [],
    }
    base.update(kw)
    return base


TASKS: list[dict[str, Any]] = [
    _task("Tiếp tục triển khai Quy chế dân chủ ở cơ sở và thực hiện tốt Pháp lệnh Dân chủ ở xã, phường, thị trấn.",
          dimension=1, lead=["Phòng Nội vụ"], support=["UBND các xã, phường"]),
    _task("Niêm yết, công khai thủ tục hành chính đầy đủ, đúng quy định tại Bộ phận tiếp nhận và trả kết quả.",
          label="2.1", dimension=5, subdimension="5.4", lead=["Văn phòng HĐND và UBND thị xã"],
          deadlines=[{"raw": "Quý IV/2021", "kind": "quarter", "start": "2021-10-01", "end": "2021-12-31",
                      "recurrence": None}]),
    _task("Tổ chức đối thoại định kỳ giữa người đứng đầu chính quyền với nhân dân về các vấn đề dân sinh bức xúc.",
          origin="table", dimension=3, lead=["Thanh tra thị xã"], support=["Sở Lao động - TB&XH"],
          directing=["Lãnh đạo UBND tỉnh phụ trách"], output="Kế hoạch tổ chức đối thoại; kết quả đối thoại",
          deadlines=[{"raw": "Năm 2021", "kind": "year", "start": "2021-01-01", "end": "2021-12-31",
                      "recurrence": None},
                     {"raw": "Hàng năm", "kind": "recurring", "start": None, "end": None, "recurrence": "annual"}]),
]

DOCUMENT: dict[str, Any] = {
    "source": f"{STEM}.txt",
    "number": "72/KH-UBND",
    "symbol": "KH-UBND",
    "doc_type": "Kế hoạch",
    "issuer": {"name": "Ủy ban nhân dân thị xã Duyên Hải", "level": "district", "unit_type": "thị xã",
               "locality": "Duyên Hải", "province": "Trà Vinh"},
    "place": "Duyên Hải",
    "issued_date": "2021-06-23",
    "issued_year": 2021,
    "title": "Về việc khắc phục hạn chế kết quả đánh giá Chỉ số PAPI năm 2020",
    "period": {"start_year": 2021, "end_year": 2021},
    "legal_basis": [{"doc_type": "Kế hoạch", "number": "46/KH-UBND", "date": "2021-06-07",
                     "issuer": "Ủy ban nhân dân tỉnh"}],
    "signer": {"name": "Cao Thị Hồng Gấm", "position": "Phó Chủ tịch",
               "authority": "TM. Ủy ban nhân dân / KT. Chủ tịch"},
    "recipients": ["UBND tỉnh", "UBND các xã, phường"],
    "sections": [
        {"label": "I", "title": "MỤC ĐÍCH, YÊU CẦU", "level": 1, "kind": "purpose"},
        {"label": "II", "title": "NỘI DUNG THỰC HIỆN KHẮC PHỤC", "level": 1, "kind": "tasks"},
        {"label": "1", "title": "Tham gia của người dân ở cấp cơ sở", "level": 2, "kind": "tasks"},
    ],
    "indicators": [
        {"dimension": 1, "subdimension": None, "raw": "Tham gia của người dân ở cấp cơ sở"},
        {"dimension": 6, "subdimension": "6.4", "raw": "An ninh, trật tự"},
    ],
    "scores": [
        {"dimension": 1, "subdimension": "1.2", "year": 2020, "kind": "change", "value": None, "change": -0.1,
         "rank": None, "rank_of": None, "raw": "Cơ hội tham gia giảm 0,1 điểm."},
        {"dimension": None, "subdimension": None, "year": 2020, "kind": "actual", "value": 44.53,
         "change": -1.33, "rank": 10, "rank_of": 63, "raw": "đạt 44,53/80 điểm, xếp vị thứ 10/63"},
    ],
}


def make_gold(tasks: list[dict[str, Any]] | None = None, **doc_changes: Any) -> GoldDoc:
    data = dict(DOCUMENT)
    data.update(doc_changes)
    return GoldDoc(
        stem=STEM,
        document=GoldDocumentFile.model_validate(data),
        tasks=[GoldTask.model_validate(t) for t in (TASKS if tasks is None else tasks)],
    )


def perfect_pred(gold: GoldDoc) -> PlanDocument:
    return prediction_from_gold(gold)


def agency(name: str, raw: str | None = None) -> Agency:
    return Agency(raw=raw or name, name=name, span=(0, 0), kind="other")


def metric(result: Any, name: str) -> PRF | Acc:
    return result.metrics[name]


# ---------------------------------------------------------------------------------------------
# Whole-document scoring
# ---------------------------------------------------------------------------------------------


def test_perfect_prediction_scores_one_everywhere() -> None:
    gold = make_gold()
    res = score_document(gold, perfect_pred(gold))
    assert res.mismatches == []
    for name, m in res.metrics.items():
        assert m.headline in (None, 1.0), name
    for name in ("document_fields", "sections", "indicators", "scores", "task_detection", "lead", "support",
                 "directing", "output", "deadline_kind"):
        assert metric(res, name).headline == 1.0, name
    for name in ("deadline_end", "task_dimension", "task_subdimension", "origin", "section_level",
                 "score_value"):
        assert metric(res, name).headline == 1.0, name


def test_missed_task_lowers_recall_only() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.tasks = pred.tasks[:2]
    res = score_document(gold, pred)
    det = metric(res, "task_detection")
    assert isinstance(det, PRF)
    assert det.precision == 1.0
    assert det.recall == pytest.approx(2 / 3)
    missed = [m for m in res.mismatches if m.kind == "missed" and m.area == "tasks"]
    assert len(missed) == 1 and "Tổ chức đối thoại định kỳ" in missed[0].text


def test_spurious_task_lowers_precision_only() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.tasks.append(Task(id="x", label=None, text="Trên đây là Kế hoạch khắc phục của Ủy ban nhân dân thị xã.",
                           section=None, dimension=None, subdimension=None, origin="prose", method="para",
                           span=(0, 0)))
    res = score_document(gold, pred)
    det = metric(res, "task_detection")
    assert isinstance(det, PRF)
    assert det.recall == 1.0
    assert det.precision == pytest.approx(3 / 4)
    assert any(m.kind == "spurious" and "method para" in m.text for m in res.mismatches)


def test_no_prediction_scores_zero_recall() -> None:
    gold = make_gold()
    res = score_document(gold, None)
    assert metric(res, "task_detection").recall == 0.0  # type: ignore[union-attr]
    assert metric(res, "document_fields").f1 == 0.0  # type: ignore[union-attr]
    assert res.notes


def test_unannotated_tasks_are_skipped_not_zero() -> None:
    gold = make_gold()
    gold.tasks = None
    res = score_document(gold, perfect_pred(make_gold()))
    assert not res.tasks_scored
    assert metric(res, "task_detection").headline is None


def test_abbreviated_agency_matches_full_name() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.tasks[0].support = [agency("UBND các xã, phường")]
    gold.tasks[0].support = ["Ủy ban nhân dân các xã, phường"]  # type: ignore[index]
    res = score_document(gold, pred)
    assert metric(res, "support").headline == 1.0


def test_wrong_and_missing_agency_count_in_micro_prf() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.tasks[2].support = [agency("Sở Y tế")]          # gold: Sở Lao động - TB&XH
    pred.tasks[0].lead = []                              # gold: Phòng Nội vụ
    res = score_document(gold, pred)
    sup, lead = metric(res, "support"), metric(res, "lead")
    assert isinstance(sup, PRF) and isinstance(lead, PRF)
    assert (sup.tp, sup.fp, sup.fn) == (1, 1, 1)
    assert (lead.tp, lead.fp, lead.fn) == (2, 0, 1)
    assert any(m.field == "support" and "Sở Y tế" in m.text for m in res.mismatches)


def test_pred_agency_matches_by_name_or_raw() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    # distributed head: raw is only "Nội vụ", the canonical name is complete
    pred.tasks[0].lead = [agency("Phòng Nội vụ", raw="Nội vụ")]
    # canonical name in another style, raw as written
    pred.tasks[2].lead = [agency("thanh tra thi xa (canonical)", raw="Thanh tra thị xã")]
    res = score_document(gold, pred)
    assert metric(res, "lead").headline == 1.0


def test_wrong_deadline_end_counts_wrong() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.tasks[1].deadlines = [Deadline(raw="Quý III/2021", kind="quarter", start="2021-07-01", end="2021-09-30",
                                        span=(0, 0))]
    res = score_document(gold, pred)
    end = metric(res, "deadline_end")
    assert isinstance(end, Acc)
    # tasks 1 and 2 have an end in the gold; task 1 is now wrong
    assert (end.correct, end.total) == (1, 2)
    assert metric(res, "deadline_kind").headline == 1.0  # the kind is still right
    assert any("deadline_end: gold '2021-12-31' vs pred '2021-09-30'" in m.text for m in res.mismatches)


def test_deadline_end_is_the_latest_end() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.tasks[2].deadlines.insert(0, Deadline(raw="Quý I/2021", kind="quarter", start="2021-01-01",
                                               end="2021-03-31", span=(0, 0)))
    res = score_document(gold, pred)
    assert metric(res, "deadline_end").headline == 1.0
    dk = metric(res, "deadline_kind")
    assert isinstance(dk, PRF) and dk.fp == 1  # "quarter" is not among the gold kinds of that task


def test_task_dimension_subdimension_origin_and_output() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.tasks[1].subdimension = None
    pred.tasks[2].origin = "list"
    pred.tasks[2].output = "Báo cáo kết quả"
    res = score_document(gold, pred)
    assert metric(res, "task_dimension").headline == 1.0
    assert metric(res, "task_subdimension").headline == pytest.approx(2 / 3)
    assert metric(res, "origin").headline == pytest.approx(2 / 3)
    out = metric(res, "output")
    assert isinstance(out, PRF) and (out.tp, out.fp, out.fn) == (0, 1, 1)


# ---------------------------------------------------------------------------------------------
# Task matching
# ---------------------------------------------------------------------------------------------


def test_task_text_tolerates_spacing_punctuation_and_tone_placement() -> None:
    a = "Tăng cường quản lý nhà nước về phòng, chống tham nhũng; thường xuyên tổ chức kiểm tra."
    b = "Tăng cường  quản lý nhà nước về phòng chống tham nhũng, thuờng xuyên tổ chức kiểm tra"
    assert task_similarity(text_key(a), text_key(b)) >= 0.8


def test_different_tasks_do_not_match() -> None:
    a = "Tăng cường quản lý nhà nước về phòng, chống tham nhũng trên địa bàn thị xã."
    b = "Nâng cao chất lượng dịch vụ y tế công lập tại trạm y tế các xã, phường."
    assert task_similarity(text_key(a), text_key(b)) < 0.8


def test_containment_rule_matches_a_task_with_trailing_extra_text() -> None:
    gold = "Rà soát, cập nhật quy định mới về thủ tục hành chính, kịp thời tham mưu bãi bỏ, công bố mới."
    pred = gold + " Cơ quan chủ trì: Văn phòng HĐND và UBND thị xã; cơ quan phối hợp: các phòng, ban."
    assert task_similarity(text_key(gold), text_key(pred)) >= 0.8


def test_matching_is_one_to_one_and_identical_texts_pair_by_label() -> None:
    text = "Công khai danh sách hộ nghèo tại nhà văn hóa thôn, khu phố và trụ sở Ủy ban nhân dân xã."
    gold = [GoldTask.model_validate(_task(text, label="5", origin="table")),
            GoldTask.model_validate(_task(text, label="10", origin="table"))]
    pred = [Task(id=f"t{i}", label=lab, text=text, section=None, dimension=None, subdimension=None,
                 origin="table", method="table", span=(0, 0)) for i, lab in enumerate(["10", "5", "5"])]
    pairs = match_tasks(gold, pred)
    assert len(pairs) == 2
    assert {(i, j) for i, j, _ in pairs} == {(0, 1), (1, 0)}


# ---------------------------------------------------------------------------------------------
# Agency canonicalization
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    ("UBND các xã, phường", "Ủy ban nhân dân các xã, phường"),
    ("Phòng Lao động-TB&XH", "Phòng Lao động - TB&XH"),
    ("Phòng Lao động-TB&XH", "Phòng Lao động - Thương binh và Xã hội"),
    ("Sở LĐTBXH", "Sở Lao động, Thương binh và Xã hội"),
    ("UBMTTQVN tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("UB.MTTQVN tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"),
    ("Sở TN&MT", "Sở Tài nguyên và Môi trường"),
    ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
    ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
    ("Sở TTTT", "Sở Thông tin và Truyền thông"),
    ("Văn phòng HĐND&UBND thị xã", "Văn phòng HĐND - UBND thị xã"),
    ("Phòng Văn hoá và Thông tin", "Phòng Văn hóa và thông tin"),
    ("Ủy ban nhân dân", "Uỷ ban nhân dân"),
    ("Đề nghị Sở Y tế", "Sở Y tế"),
    ("với các cơ quan, đơn vị có liên quan", "cơ quan, đơn vị liên quan"),
    ("Các Sở, ban, ngành", "Sở, ban, ngành"),
])
def test_agency_names_that_match(a: str, b: str) -> None:
    assert agency_key(a) == agency_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("UBND các xã, phường", "UBND xã, phường"),          # "các" inside a name is kept
    ("Sở GD&ĐT", "Sở KH&ĐT"),
    ("Phòng Tư pháp", "Sở Tư pháp"),
    ("UBND các xã, phường", "UBND các xã, phường, thị trấn"),
])
def test_agency_names_that_differ(a: str, b: str) -> None:
    assert agency_key(a) != agency_key(b)


# ---------------------------------------------------------------------------------------------
# Header, outline, indicators, scores
# ---------------------------------------------------------------------------------------------


def test_document_fields_slot_filling() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.number = "27/KH-UBND"                                   # wrong: one FP and one FN
    pred.title = "Về việc khắc phục hạn chế kết quả đánh giá Chỉ số PAPI năm 2020."  # near-identical: right
    pred.place = None                                            # missed: one FN
    pred.recipients = ["UBND tỉnh;", "Lưu: VT"]                   # one right, one spurious, one missed
    res = score_document(gold, pred)
    assert metric(res, "doc.number").headline == 0.0
    assert metric(res, "doc.title").headline == 1.0
    place = metric(res, "doc.place")
    assert isinstance(place, PRF) and (place.tp, place.fp, place.fn) == (0, 0, 1)
    rec = metric(res, "doc.recipients")
    assert isinstance(rec, PRF) and (rec.tp, rec.fp, rec.fn) == (1, 1, 1)
    total = metric(res, "document_fields")
    assert isinstance(total, PRF) and total.fp == 2 and total.fn == 3
    assert any("number: gold '72/KH-UBND' vs pred '27/KH-UBND'" in m.text for m in res.mismatches)


def test_sections_match_by_label_and_title_then_level_and_kind() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.sections[2].level = 3
    pred.sections[1].kind = "organization"
    pred.sections[0].label = "1"  # wrong label: no longer matches
    res = score_document(gold, pred)
    sec = metric(res, "sections")
    assert isinstance(sec, PRF) and (sec.tp, sec.fp, sec.fn) == (2, 1, 1)
    assert metric(res, "section_level").headline == 0.5
    assert metric(res, "section_kind").headline == 0.5


def test_indicators_are_a_multiset_of_codes() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.indicators[1].subdimension = None  # 6/6.4 -> 6/-: missed one, spurious one
    pred.indicators.append(pred.indicators[0].model_copy())  # a second 1/- mention: spurious
    res = score_document(gold, pred)
    ind = metric(res, "indicators")
    assert isinstance(ind, PRF) and (ind.tp, ind.fp, ind.fn) == (1, 2, 1)


def test_scores_match_by_key_then_values_exactly() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.scores[1].value = 44.5300000001  # within 1e-6
    pred.scores[1].rank = 11
    pred.scores[0].year = 2021  # key differs: missed + spurious
    res = score_document(gold, pred)
    sc = metric(res, "scores")
    assert isinstance(sc, PRF) and (sc.tp, sc.fp, sc.fn) == (1, 1, 1)
    assert metric(res, "score_value").headline == 1.0
    assert metric(res, "score_rank").headline == 0.0


# ---------------------------------------------------------------------------------------------
# Gold loading, floors and the command
# ---------------------------------------------------------------------------------------------


def write_gold(root: Path, document: dict[str, Any] | None = None, tasks: list[dict[str, Any]] | None = None,
               ) -> Path:
    d = root / "gold" / STEM
    d.mkdir(parents=True, exist_ok=True)
    (d / "document.yaml").write_text(yaml.safe_dump(document or DOCUMENT, allow_unicode=True), encoding="utf-8")
    (d / "tasks.yaml").write_text(yaml.safe_dump({"tasks": TASKS[:2] if tasks is None else tasks},
                                                 allow_unicode=True), encoding="utf-8")
    (d / "tasks_appendix.yaml").write_text(yaml.safe_dump({"tasks": TASKS[2:]}, allow_unicode=True),
                                           encoding="utf-8")
    return root / "gold"


def test_load_gold_merges_task_files_in_name_order(tmp_path: Path) -> None:
    [gold] = load_gold(write_gold(tmp_path))
    assert gold.task_files == ["tasks.yaml", "tasks_appendix.yaml"]
    assert [t.text for t in gold.tasks or []] == [t["text"] for t in TASKS]


def test_gold_typo_is_an_error_with_file_and_path(tmp_path: Path) -> None:
    bad = [dict(TASKS[0]), dict(TASKS[1])]
    bad[1]["suport"] = bad[1].pop("support")
    bad[0]["subdimension"] = "2.2"  # dimension is 1
    root = write_gold(tmp_path, tasks=bad)
    with pytest.raises(GoldError) as exc:
        load_gold(root)
    text = "\n".join(exc.value.problems)
    assert "tasks.yaml" in text
    assert "tasks[1].suport" in text and "tasks[1].support" in text
    assert "does not belong to dimension 1" in text


def test_floors_check_fails_below_floor() -> None:
    gold = make_gold()
    pred = perfect_pred(gold)
    pred.tasks = pred.tasks[:1]
    overall = evaluate([gold], {STEM: pred}).overall
    failures = check_floors(overall, {"task_detection.f1": 0.9, "lead.f1": 0.5, "deadline_end.accuracy": 0.0})
    assert len(failures) == 1 and failures[0].startswith("task_detection.f1 = 0.500 < floor 0.900")


def test_floors_na_metric_passes_zero_floor_only() -> None:
    gold = make_gold(tasks=[_task("Một nhiệm vụ không có cơ quan chỉ đạo và không có thời hạn cụ thể nào cả.")])
    overall = evaluate([gold], {STEM: perfect_pred(gold)}).overall
    assert check_floors(overall, {"directing.f1": 0.0}) == []
    assert check_floors(overall, {"directing.f1": 0.1}) != []


def test_unknown_floor_name_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "floors.yaml"
    p.write_text("task_detection.f1: 0.5\ntask_detecton.f1: 0.5\nlead.accuracy: 0.1\n", encoding="utf-8")
    with pytest.raises(GoldError) as exc:
        load_floors(p)
    assert len(exc.value.problems) == 2


def _cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        pass

    register(app)
    return app


def _write_pred(path: Path, doc: PlanDocument) -> None:
    path.write_bytes(orjson.dumps(doc.model_dump(mode="json")) + b"\n")


def test_cli_json_and_floors(tmp_path: Path) -> None:
    gold_root = write_gold(tmp_path)
    [gold] = load_gold(gold_root)
    pred = perfect_pred(gold)
    pred.source.path = f"/somewhere/corpus/{STEM}.txt"
    pred.tasks = pred.tasks[:2]
    pred_path = tmp_path / "pred.jsonl"
    _write_pred(pred_path, pred)
    floors = tmp_path / "floors.yaml"
    floors.write_text("task_detection.recall: 0.5\nlead.f1: 1.0\n", encoding="utf-8")
    runner = CliRunner()

    ok = runner.invoke(_cli(), ["eval", "--gold", str(gold_root), str(pred_path), "--json",
                                "--check-floors", str(floors)])
    assert ok.exit_code == 0, ok.output
    data = orjson.loads(ok.stdout)
    assert data["overall"]["task_detection"]["recall"] == pytest.approx(2 / 3)
    assert data["documents"][STEM]["metrics"]["lead"]["f1"] == 1.0
    assert data["floors"]["passed"] is True

    floors.write_text("task_detection.recall: 0.9\n", encoding="utf-8")
    bad = runner.invoke(_cli(), ["eval", "--gold", str(gold_root), str(pred_path), "--check-floors", str(floors)])
    assert bad.exit_code == 1
    assert "task_detection.recall = 0.667 < floor 0.900" in bad.output
    assert "missed task" in bad.output  # the mismatch listing
    assert "task_detection" in bad.output  # the table


def test_cli_rejects_both_or_neither_input(tmp_path: Path) -> None:
    gold_root = write_gold(tmp_path)
    res = CliRunner().invoke(_cli(), ["eval", "--gold", str(gold_root)])
    assert res.exit_code == 2


def test_corpus_files_are_found_with_or_without_an_extension(tmp_path: Path) -> None:
    """The evaluator reads the same files ``convert`` does: "<stem>.txt" and a file named "<stem>" alone (an
    archive's file without extension); a stem with neither is an error naming it."""
    from papi_extract.evaluate import parse_corpus

    plan = "KẾ HOẠCH\nNâng cao Chỉ số PAPI năm 2024\n\nI. NHIỆM VỤ\n1. Sở Nội vụ chủ trì rà soát thủ tục hành chính.\n"
    (tmp_path / "a1.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "b1").write_text(plan, encoding="utf-8")
    got = parse_corpus(tmp_path, ["a1", "b1"])
    assert sorted(got) == ["a1", "b1"] and all(isinstance(d, PlanDocument) for d in got.values())
    with pytest.raises(GoldError, match="c1"):
        parse_corpus(tmp_path, ["c1"])
