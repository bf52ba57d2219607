"""``papi-extract export``: flat tables with declared types whose row counts match plans.jsonl."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import orjson
import pyarrow.csv as pcsv
import pyarrow.parquet as pq
import pytest
from conftest import CORPUS, ROOT

from papi_extract.batch import run_convert
from papi_extract.cli import dump_record
from papi_extract.export import EXAMPLE_SQL, TABLES, arrow_schema, export_dataset, render_dictionary, run_query
from papi_extract.models import (
    Agency,
    Deadline,
    IndicatorMention,
    Issuer,
    ParseError,
    Period,
    PlanDocument,
    Reference,
    Score,
    Section,
    Source,
    Task,
    Warning,
)


def _src(path: str, sha: str = "a" * 64) -> Source:
    return Source(path=path, sha256=sha, bytes=100, encoding="utf-8", format="text")


def _agency(name: str, kind: str = "sở") -> Agency:
    return Agency(raw=name, name=name, span=(0, len(name)), kind=kind)  # type: ignore[arg-type]


def _plan(doc_id: str, path: str, province: str, tasks: list[Task]) -> PlanDocument:
    return PlanDocument(
        parser_version="0.1.0", doc_id=doc_id, source=_src(path), number="5/KH-UBND", symbol="KH-UBND",
        doc_type="Kế hoạch", issuer=Issuer(name=f"UBND tỉnh {province}", level="province", unit_type="tỉnh",
                                           province=province),
        issued_date="2021-06-07", issued_year=2021, title="Nâng cao Chỉ số PAPI", period=Period(start_year=2021,
                                                                                                  end_year=2025),
        legal_basis=[Reference(doc_type="Quyết định", number="915/QĐ-UBND", date="2021-07-05", raw="QĐ 915",
                               span=(10, 20))],
        sections=[Section(id="s1", label="I", title="MỤC ĐÍCH", level=1, parent=None, kind="purpose", span=(0, 9)),
                  Section(id="s2", label="1", title="Công khai", level=2, parent="s1", kind="tasks", span=(20, 29),
                          dimension=2)],
        indicators=[IndicatorMention(dimension=2, subdimension="2.1", name="Công khai", raw="Công khai",
                                     section="s2", span=(20, 29))],
        scores=[Score(dimension=None, subdimension=None, year=2020, value=44.43, rank=25, rank_of=63, kind="actual",
                      method="total", raw="44,43 điểm", span=(30, 40)),
                Score(dimension=1, subdimension="1.2", year=2020, value=None, change=-0.1, kind="change",
                      method="change", raw="giảm 0,1 điểm", span=(41, 50))],
        tasks=tasks,
        warnings=[Warning(code="W201", message="x", span=None)],
    )


def _task(tid: str, dim: int | None, lead: list[str], support: list[str], directing: list[str]) -> Task:
    return Task(id=tid, label=tid, text=f"Nhiệm vụ {tid}", section="s2", dimension=dim, subdimension=None,
                lead=[_agency(a) for a in lead], support=[_agency(a) for a in support],
                directing=[_agency(a, "ubnd") for a in directing],
                deadlines=[Deadline(raw="quý II/2021", kind="quarter", start="2021-04-01", end="2021-06-30",
                                    span=(60, 70))] if dim else [],
                origin="table", method="table-row", span=(50, 80))


@pytest.fixture()
def dataset(tmp_path: Path) -> Path:
    ds = tmp_path / "ds"
    ds.mkdir()
    p1 = _plan("00000000000000a1", "arch/a.txt", "An Giang", [
        _task("t1", 2, ["Sở Nội vụ"], ["Sở Tư pháp", "UBND các huyện"], []),
        _task("t2", None, ["Sở Tư pháp"], [], ["Lãnh đạo UBND tỉnh"]),
    ])
    p1_copy = p1.model_copy(update={"source": _src("arch/a-copy.txt")})
    p2 = _plan("00000000000000b2", "arch/b.txt", "Phú Yên", [_task("t1", 2, ["Sở Nội vụ"], [], [])])
    err = ParseError(parser_version="0.1.0", source=_src("arch/c.txt"), error="E102", message="arch/c.txt: empty")
    (ds / "plans.jsonl").write_bytes(b"".join(dump_record(r) for r in (p1, p1_copy, p2, err)))
    return ds


def test_duckdb_tables_keys_types_and_counts(dataset: Path) -> None:
    target, counts = export_dataset(dataset, "duckdb")
    assert target == dataset / "papi.duckdb"
    con = duckdb.connect(str(target), read_only=True)

    def q(sql: str) -> list[tuple]:
        return con.execute(sql).fetchall()

    n = {t.name: q(f'SELECT count(*) FROM "{t.name}"')[0][0] for t in TABLES}
    assert n == {"plans": 2, "files": 4, "sections": 4, "indicators": 2, "scores": 4, "tasks": 3,
                 "task_agencies": 6, "deadlines": 2, "legal_basis": 2, "agencies": 4, "warnings": 2, "errors": 1}
    assert dict(counts) == {k: v for k, v in n.items() if v}
    # the copy is one plan seen in two files
    assert q("SELECT doc_id, n_files, path FROM plans ORDER BY doc_id") == [
        ("00000000000000a1", 2, "arch/a.txt"), ("00000000000000b2", 1, "arch/b.txt")]
    assert q("SELECT count(*) FROM files WHERE doc_id = '00000000000000a1'") == [(2,)]
    # declared types, not inferred ones
    types = dict(q("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'plans'"))
    assert types["issued_date"] == "DATE" and types["issued_year"] == "SMALLINT" and types["bytes"] == "BIGINT"
    assert dict(q("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'scores'"))[
        "value"] == "DOUBLE"
    for t in TABLES:
        declared = [(c.name, c.type) for c in t.cols]
        got = q(f"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{t.name}' "
                "ORDER BY ordinal_position")
        assert got == declared, t.name
    # keys join cleanly
    assert q("SELECT count(*) FROM task_agencies a LEFT JOIN tasks t USING (doc_id, task_id) "
             "WHERE t.task_id IS NULL") == [(0,)]
    assert q("SELECT role, count(*) FROM task_agencies GROUP BY role ORDER BY role") == [
        ("directing", 1), ("lead", 3), ("support", 2)]
    assert q("SELECT name, kind, n_plans, n_tasks, n_lead, n_support, n_provinces FROM agencies ORDER BY name") == [
        ("Lãnh đạo UBND tỉnh", "ubnd", 1, 1, 0, 0, 1), ("Sở Nội vụ", "sở", 2, 2, 2, 0, 2),
        ("Sở Tư pháp", "sở", 1, 2, 1, 1, 1), ("UBND các huyện", "sở", 1, 1, 0, 1, 1)]
    assert q("SELECT start_date::VARCHAR, end_date::VARCHAR FROM deadlines LIMIT 1") == [("2021-04-01", "2021-06-30")]
    assert q("SELECT dimension, value, change FROM scores WHERE kind = 'change' LIMIT 1") == [(1, None, -0.1)]
    assert q("SELECT path, error FROM errors") == [("arch/c.txt", "E102")]
    con.close()
    names, rows = run_query(target, EXAMPLE_SQL)
    assert names[0] == "province" and names[-1] == "tasks"
    by_province = {r[0]: r for r in rows}
    assert by_province["An Giang"][names.index("2")] == 1 and by_province["An Giang"][names.index("none")] == 1
    assert by_province["Phú Yên"][names.index("tasks")] == 1


def test_parquet_and_csv_have_the_declared_schema_even_when_empty(dataset: Path) -> None:
    target, _ = export_dataset(dataset, "parquet")
    for t in TABLES:
        assert pq.read_schema(target / f"{t.name}.parquet") == arrow_schema(t)
    assert pq.read_table(target / "tasks.parquet").num_rows == 3
    target, _ = export_dataset(dataset, "csv")
    for t in TABLES:
        header = (target / f"{t.name}.csv").read_text(encoding="utf-8").splitlines()[0]
        assert header == ",".join(f'"{c.name}"' for c in t.cols)
    plans = pcsv.read_csv(target / "plans.csv")
    assert plans.num_rows == 2
    # a second export replaces the first whole
    export_dataset(dataset, "csv")
    assert sorted(p.name for p in target.iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)


def test_corpus_convert_export_counts_match_plans_jsonl(tmp_path: Path) -> None:
    ds = tmp_path / "ds"
    run_convert([str(CORPUS)], ds, jobs=2)
    records = [orjson.loads(x) for x in (ds / "plans.jsonl").read_bytes().splitlines()]
    plans = {r["doc_id"]: r for r in records if r["record_type"] == "plan"}
    r = subprocess.run([sys.executable, "-m", "papi_extract", "export", str(ds), "--to", "duckdb"], cwd=ROOT,
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    con = duckdb.connect(str(ds / "papi.duckdb"), read_only=True)

    def count(table: str) -> int:
        return con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    assert count("files") == len(records) == 5
    assert count("plans") == len(plans)
    assert count("errors") == sum(r["record_type"] == "error" for r in records)
    for table, field in (("sections", "sections"), ("indicators", "indicators"), ("scores", "scores"),
                         ("tasks", "tasks"), ("warnings", "warnings"), ("legal_basis", "legal_basis")):
        assert count(table) == sum(len(p[field]) for p in plans.values()), table
    assert count("task_agencies") == sum(len(t[role]) for p in plans.values() for t in p["tasks"]
                                         for role in ("lead", "support", "directing"))
    assert count("deadlines") == sum(len(t["deadlines"]) for p in plans.values() for t in p["tasks"])
    got = dict(con.execute("SELECT doc_id, number FROM plans").fetchall())
    assert got == {d: p["number"] for d, p in plans.items()}
    con.close()
    q = subprocess.run([sys.executable, "-m", "papi_extract", "query", str(ds / "papi.duckdb")], cwd=ROOT,
                       capture_output=True, timeout=120)
    assert q.returncode == 0, q.stderr
    assert "Tasks per PAPI dimension" in q.stdout.decode("utf-8")


def test_data_dictionary_lists_every_column() -> None:
    doc = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    assert doc == render_dictionary() + "\n", "regenerate: python -m papi_extract.export docs/data-dictionary.md"
    for t in TABLES:
        assert f"## {t.name}" in doc
        for c in t.cols:
            assert f"| `{c.name}` | {c.type} |" in doc


def test_export_usage_errors(tmp_path: Path) -> None:
    for args in (["export", str(tmp_path)], ["export", str(tmp_path), "--to", "xlsx"],
                 ["query", str(tmp_path / "none.duckdb")]):
        r = subprocess.run([sys.executable, "-m", "papi_extract", *args], cwd=ROOT, capture_output=True, timeout=120)
        assert r.returncode == 2, (args, r.stderr)
