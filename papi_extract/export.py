"""``papi-extract export`` / ``query``: plans.jsonl to flat tables a dashboard opens directly.

Why declared schemas: every column's type is written down here (``TABLES``) and used for the
DuckDB DDL, the Arrow schema of the Parquet/CSV writers and ``docs/data-dictionary.md``, so a
column never changes type because one run happened to hold only nulls, and the data dictionary
cannot drift from the files (a test compares them).

Keys: ``doc_id`` identifies a plan (the same text saved twice under two names is one plan: its
child rows are written once and ``plans.n_files`` counts the copies; ``files`` lists every input
path); ``(doc_id, task_id)`` a task, ``(doc_id, section_id)`` a section.

Streaming: records are read one line at a time and rows are flushed in batches, so memory
stays flat however large the dataset; only the agency counts are aggregated in memory (one
entry per distinct canonical name).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional

import orjson
import typer

BATCH_ROWS = 5000


@dataclass(frozen=True, slots=True)
class Col:
    name: str
    type: str  # DuckDB type: VARCHAR, SMALLINT, INTEGER, BIGINT, DOUBLE, DATE
    doc: str


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    doc: str
    key: str
    cols: tuple[Col, ...]


def _span(what: str = "the text") -> tuple[Col, Col]:
    return (Col("span_start", "INTEGER", f"start offset of {what} in the normalized text (characters)"),
            Col("span_end", "INTEGER", "end offset, exclusive"))


DOC_ID = Col("doc_id", "VARCHAR", "plan key: first 16 hex chars of sha256 of the normalized text")
SEQ = Col("seq", "INTEGER", "0-based position in document order")

TABLES: tuple[Table, ...] = (
    Table("plans", "One row per distinct plan (records with the same doc_id are one plan).", "doc_id", (
        DOC_ID,
        Col("path", "VARCHAR", "input path of the plan (the first in plans.jsonl, i.e. in path order, when copies exist)"),
        Col("n_files", "INTEGER", "number of input files holding this same plan"),
        Col("status", "VARCHAR", "ok | partial (a stage gave up; see warnings)"),
        Col("parser_version", "VARCHAR", "papi-extract version that produced the record"),
        Col("schema_version", "VARCHAR", "record schema version"),
        Col("sha256", "VARCHAR", "sha256 of the input file's bytes"),
        Col("bytes", "BIGINT", "size of the input file"),
        Col("encoding", "VARCHAR", "detected encoding (utf-8, utf-16-le, windows-1258, tcvn3, vni, ...)"),
        Col("format", "VARCHAR", "text | markdown | html"),
        Col("number", "VARCHAR", "document number, e.g. 72/KH-UBND; null when left blank"),
        Col("symbol", "VARCHAR", "document symbol, e.g. KH-UBND"),
        Col("doc_type", "VARCHAR", "Kế hoạch, Chương trình, Quyết định, Báo cáo, Tin bài, ..."),
        Col("issuer_name", "VARCHAR", "issuing body as named"),
        Col("issuer_level", "VARCHAR", "province | district | commune"),
        Col("issuer_unit_type", "VARCHAR", "tỉnh, thành phố, huyện, quận, thị xã, xã, phường, thị trấn"),
        Col("issuer_locality", "VARCHAR", "district/commune name, null for a province; a commune plan issued from "
            "1 July 2025 on is read in the post-reform units first"),
        Col("province", "VARCHAR", "province (pre-2025 list); for a commune plan issued from 1 July 2025 on, its "
            "current (post-merger) province"),
        Col("province_code", "VARCHAR", "official province code (pre-2025 list); for a post-reform commune, the "
            "pre-2025 province most of its territory came from (joins PAPI's per-province series)"),
        Col("province_2025", "VARCHAR", "province after the July 2025 merger"),
        Col("place", "VARCHAR", "place name of the date line"),
        Col("issued_date", "DATE", "issue date; null when day or month is blank"),
        Col("issued_year", "SMALLINT", "issue year (also set when only the year is known)"),
        Col("title", "VARCHAR", "subject line, without the leading KẾ HOẠCH"),
        Col("period_start", "SMALLINT", "first year the plan covers"),
        Col("period_end", "SMALLINT", "last year the plan covers"),
        Col("signer_name", "VARCHAR", "name of the signer"),
        Col("signer_position", "VARCHAR", "position of the signer (Chủ tịch, Phó Chủ tịch, ...)"),
        Col("signer_authority", "VARCHAR", "signing authority line (TM. ..., KT. ...)"),
        Col("n_legal_basis", "INTEGER", "rows in legal_basis for this plan"),
        Col("n_recipients", "INTEGER", "entries of the Nơi nhận list"),
        Col("n_sections", "INTEGER", "rows in sections"),
        Col("n_indicators", "INTEGER", "rows in indicators"),
        Col("n_scores", "INTEGER", "rows in scores"),
        Col("n_tasks", "INTEGER", "rows in tasks"),
        Col("n_warnings", "INTEGER", "rows in warnings"),
    )),
    Table("files", "One row per input file: the link from a path to its plan or its error.", "path", (
        Col("path", "VARCHAR", "input path (unique)"),
        Col("sha256", "VARCHAR", "sha256 of the file's bytes"),
        Col("bytes", "BIGINT", "size of the file"),
        Col("record_type", "VARCHAR", "plan | error"),
        Col("status", "VARCHAR", "ok | partial | error"),
        Col("doc_id", "VARCHAR", "plans.doc_id, null for an error"),
        Col("error", "VARCHAR", "error code (E1xx/E2xx/E3xx/E9xx), null for a plan"),
    )),
    Table("sections", "The outline of each plan, in document order.", "doc_id, section_id", (
        DOC_ID,
        Col("section_id", "VARCHAR", "section key within the plan"),
        SEQ,
        Col("label", "VARCHAR", "label as numbered: II, 1, 1.1, a, PL-I"),
        Col("title", "VARCHAR", "heading text without label"),
        Col("level", "SMALLINT", "1 = top"),
        Col("parent_id", "VARCHAR", "section_id of the parent, null at top level"),
        Col("kind", "VARCHAR", "purpose | objectives | limitations | tasks | organization | appendix | other"),
        Col("dimension", "SMALLINT", "PAPI dimension 1..8 the section is about, if any"),
        Col("subdimension", "VARCHAR", "PAPI sub-dimension d.n, if any"),
        *_span("the heading"),
    )),
    Table("indicators", "Mentions of PAPI dimensions/sub-dimensions (headings, table groups).", "doc_id, seq", (
        DOC_ID, SEQ,
        Col("dimension", "SMALLINT", "PAPI dimension 1..8"),
        Col("subdimension", "VARCHAR", "sub-dimension d.n or null"),
        Col("name", "VARCHAR", "canonical name"),
        Col("raw", "VARCHAR", "text as written"),
        Col("section_id", "VARCHAR", "section the mention is in"),
        Col("method", "VARCHAR", "rule that found it"),
        Col("score", "DOUBLE", "score stated with the mention, if any"),
        *_span("the mention"),
    )),
    Table("scores", "Score facts: one per (dimension, subdimension, year, kind) statement, except in a merged province's "
          "plan that reports its former provinces (\"tỉnh Quảng Trị (cũ)\"): one per former province, told apart by "
          "`raw`.", "doc_id, seq", (
        DOC_ID, SEQ,
        Col("dimension", "SMALLINT", "PAPI dimension 1..8; null for the total index"),
        Col("subdimension", "VARCHAR", "sub-dimension d.n or null"),
        Col("year", "SMALLINT", "survey year the figure is for"),
        Col("kind", "VARCHAR", "actual | target | change"),
        Col("value", "DOUBLE", "score value"),
        Col("rank", "INTEGER", "rank among provinces"),
        Col("rank_of", "INTEGER", "number of provinces ranked (63)"),
        Col("change", "DOUBLE", "signed change against the previous year"),
        Col("rank_change", "INTEGER", "signed change in rank (positive = places gained)"),
        Col("method", "VARCHAR", "rule that found it"),
        Col("raw", "VARCHAR", "text as written"),
        *_span("the statement"),
    )),
    Table("tasks", "Tasks (nhiệm vụ) of each plan.", "doc_id, task_id", (
        DOC_ID,
        Col("task_id", "VARCHAR", "task key within the plan"),
        SEQ,
        Col("label", "VARCHAR", "label as numbered (4.1, 23, a) or null"),
        Col("text", "VARCHAR", "task text"),
        Col("section_id", "VARCHAR", "section the task is in"),
        Col("dimension", "SMALLINT", "PAPI dimension 1..8 the task serves, if known"),
        Col("subdimension", "VARCHAR", "sub-dimension d.n, if known"),
        Col("origin", "VARCHAR", "table | list | prose"),
        Col("method", "VARCHAR", "rule that found it"),
        Col("output", "VARCHAR", "expected output/product (kết quả), if stated"),
        Col("n_lead", "INTEGER", "lead agencies (rows in task_agencies with role lead)"),
        Col("n_support", "INTEGER", "supporting agencies"),
        Col("n_directing", "INTEGER", "directing agencies"),
        Col("n_deadlines", "INTEGER", "rows in deadlines"),
        *_span("the task"),
    )),
    Table("task_agencies", "One row per task x agency x role.", "doc_id, task_id, role, seq", (
        DOC_ID,
        Col("task_id", "VARCHAR", "tasks.task_id"),
        Col("role", "VARCHAR", "lead (chủ trì) | support (phối hợp) | directing (chỉ đạo)"),
        Col("seq", "INTEGER", "0-based position within the role"),
        Col("name", "VARCHAR", "canonical agency name (agencies.name)"),
        Col("raw", "VARCHAR", "agency as written"),
        Col("kind", "VARCHAR", "sở, phòng, ubnd, ban, văn phòng, thanh tra, công an, mặt trận, trung tâm, "
            "doanh nghiệp, group, other"),
        Col("scope", "VARCHAR", "scope qualifier (e.g. the district), if any"),
        *_span("the agency"),
    )),
    Table("deadlines", "Deadlines of tasks, normalized to date ranges.", "doc_id, task_id, seq", (
        DOC_ID,
        Col("task_id", "VARCHAR", "tasks.task_id"),
        SEQ,
        Col("kind", "VARCHAR", "date | by_date | month | quarter | year | year_range | recurring | continuous | "
            "event | per_plan | unspecified"),
        Col("raw", "VARCHAR", "deadline as written"),
        Col("start_date", "DATE", "start of the period, if any"),
        Col("end_date", "DATE", "end of the period (the due date), if any"),
        Col("recurrence", "VARCHAR", "monthly | quarterly | semiannual | annual"),
        *_span("the deadline"),
    )),
    Table("legal_basis", "Documents each plan cites.", "doc_id, seq", (
        DOC_ID, SEQ,
        Col("doc_type", "VARCHAR", "Kế hoạch, Quyết định, Chỉ thị, ..."),
        Col("number", "VARCHAR", "document number"),
        Col("date", "DATE", "date of the cited document"),
        Col("issuer", "VARCHAR", "issuer as written"),
        Col("raw", "VARCHAR", "citation as written"),
        *_span("the citation"),
    )),
    Table("agencies", "Canonical agency names across all plans, with counts.", "name", (
        Col("name", "VARCHAR", "canonical agency name"),
        Col("kind", "VARCHAR", "most frequent kind for this name"),
        Col("n_plans", "INTEGER", "plans naming the agency on a task"),
        Col("n_tasks", "INTEGER", "tasks naming the agency (any role)"),
        Col("n_lead", "INTEGER", "task_agencies rows with role lead"),
        Col("n_support", "INTEGER", "rows with role support"),
        Col("n_directing", "INTEGER", "rows with role directing"),
        Col("n_provinces", "INTEGER", "distinct provinces of the plans naming it"),
    )),
    Table("warnings", "What the parser noticed but could not resolve, per plan.", "doc_id, seq", (
        DOC_ID, SEQ,
        Col("code", "VARCHAR", "stable warning code (W1xx..W6xx, listed in the README)"),
        Col("message", "VARCHAR", "explanation"),
        *_span("the passage"),
    )),
    Table("errors", "Input files that yielded no plan.", "path", (
        Col("path", "VARCHAR", "input path"),
        Col("sha256", "VARCHAR", "sha256 of the file's bytes"),
        Col("bytes", "BIGINT", "size of the file"),
        Col("encoding", "VARCHAR", "detected encoding, if decoding got that far"),
        Col("format", "VARCHAR", "text | markdown | html"),
        Col("error", "VARCHAR", "stable error code (README)"),
        Col("message", "VARCHAR", "explanation"),
        Col("parser_version", "VARCHAR", "papi-extract version"),
    )),
)
TABLE_BY_NAME = {t.name: t for t in TABLES}


def _arrow_type(t: str) -> Any:
    import pyarrow as pa

    return {"VARCHAR": pa.string(), "SMALLINT": pa.int16(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
            "DOUBLE": pa.float64(), "DATE": pa.date32()}[t]


def arrow_schema(table: Table) -> Any:
    import pyarrow as pa

    return pa.schema([pa.field(c.name, _arrow_type(c.type)) for c in table.cols])


def ddl(table: Table) -> str:
    cols = ",\n  ".join(f'"{c.name}" {c.type}' for c in table.cols)
    return f'CREATE TABLE "{table.name}" (\n  {cols}\n)'


# --------------------------------------------------------------------------------------------
# records to rows
# --------------------------------------------------------------------------------------------


def _date(v: Any) -> dt.date | None:
    if not v:
        return None
    try:
        return dt.date.fromisoformat(v)
    except (TypeError, ValueError):
        return None


def _sp(obj: dict[str, Any] | None) -> tuple[int | None, int | None]:
    span = (obj or {}).get("span")
    if isinstance(span, (list, tuple)) and len(span) == 2:
        return span[0], span[1]
    return None, None


class _Rows:
    """Per-table row buffers flushed to a writer in batches."""

    def __init__(self, writer: _Writer) -> None:
        self.writer = writer
        self.buf: dict[str, list[tuple[Any, ...]]] = {t.name: [] for t in TABLES}
        self.counts: Counter[str] = Counter()

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        rows = self.buf[table]
        rows.append(row)
        if len(rows) >= BATCH_ROWS:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        import pyarrow as pa

        for name in [table] if table else list(self.buf):
            rows = self.buf[name]
            if not rows:
                continue
            spec = TABLE_BY_NAME[name]
            cols = list(zip(*rows, strict=True))
            arrays = [pa.array(list(col), type=_arrow_type(c.type)) for col, c in zip(cols, spec.cols, strict=True)]
            self.writer.write(name, pa.Table.from_arrays(arrays, schema=arrow_schema(spec)))
            self.counts[name] += len(rows)
            self.buf[name] = []


@dataclass(slots=True)
class _AgencyStat:
    kinds: Counter[str]
    plans: set[str]
    tasks: set[tuple[str, str]]
    provinces: set[str]
    roles: Counter[str]


def _first_pass(plans_path: Path) -> Counter[str]:
    """doc_id -> number of files, read without parsing (the key sits before any nested field)."""
    counts: Counter[str] = Counter()
    marker = b'"doc_id":"'
    with open(plans_path, "rb") as fh:
        for line in fh:
            if not line.startswith(b'{"record_type":"plan"'):
                continue
            i = line.find(marker)
            if i >= 0:
                counts[line[i + len(marker): i + len(marker) + 16].decode("ascii", "replace")] += 1
    return counts


def _records(plans_path: Path) -> Iterator[dict[str, Any]]:
    with open(plans_path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise ValueError(f"{plans_path}:{n}: not a JSON record ({exc})") from None


def _emit_plan(rec: dict[str, Any], n_files: int, rows: _Rows, agencies: dict[str, _AgencyStat]) -> None:
    d = rec["doc_id"]
    src = rec.get("source") or {}
    issuer = rec.get("issuer") or {}
    period = rec.get("period") or {}
    signer = rec.get("signer") or {}
    sections = rec.get("sections") or []
    indicators = rec.get("indicators") or []
    scores = rec.get("scores") or []
    tasks = rec.get("tasks") or []
    warnings = rec.get("warnings") or []
    legal = rec.get("legal_basis") or []
    province = issuer.get("province")
    rows.add("plans", (
        d, src.get("path"), n_files, rec.get("status"), rec.get("parser_version"), rec.get("schema_version"),
        src.get("sha256"), src.get("bytes"), src.get("encoding"), src.get("format"), rec.get("number"),
        rec.get("symbol"), rec.get("doc_type"), issuer.get("name"), issuer.get("level"), issuer.get("unit_type"),
        issuer.get("locality"), province, issuer.get("province_code"), issuer.get("province_2025"),
        rec.get("place"), _date(rec.get("issued_date")), rec.get("issued_year"), rec.get("title"),
        period.get("start_year"), period.get("end_year"), signer.get("name"), signer.get("position"),
        signer.get("authority"), len(legal), len(rec.get("recipients") or []), len(sections), len(indicators),
        len(scores), len(tasks), len(warnings),
    ))
    for i, s in enumerate(sections):
        rows.add("sections", (d, s.get("id"), i, s.get("label"), s.get("title"), s.get("level"), s.get("parent"),
                              s.get("kind"), s.get("dimension"), s.get("subdimension"), *_sp(s)))
    for i, m in enumerate(indicators):
        rows.add("indicators", (d, i, m.get("dimension"), m.get("subdimension"), m.get("name"), m.get("raw"),
                                m.get("section"), m.get("method"), m.get("score"), *_sp(m)))
    for i, s in enumerate(scores):
        rows.add("scores", (d, i, s.get("dimension"), s.get("subdimension"), s.get("year"), s.get("kind"),
                            s.get("value"), s.get("rank"), s.get("rank_of"), s.get("change"), s.get("rank_change"),
                            s.get("method"), s.get("raw"), *_sp(s)))
    for i, r in enumerate(legal):
        rows.add("legal_basis", (d, i, r.get("doc_type"), r.get("number"), _date(r.get("date")), r.get("issuer"),
                                 r.get("raw"), *_sp(r)))
    for i, w in enumerate(warnings):
        rows.add("warnings", (d, i, w.get("code"), w.get("message"), *_sp(w)))
    for i, t in enumerate(tasks):
        tid = t.get("id")
        roles = {role: t.get(role) or [] for role in ("lead", "support", "directing")}
        deadlines = t.get("deadlines") or []
        rows.add("tasks", (d, tid, i, t.get("label"), t.get("text"), t.get("section"), t.get("dimension"),
                           t.get("subdimension"), t.get("origin"), t.get("method"), t.get("output"),
                           len(roles["lead"]), len(roles["support"]), len(roles["directing"]), len(deadlines),
                           *_sp(t)))
        for role, items in roles.items():
            for j, a in enumerate(items):
                name = a.get("name")
                rows.add("task_agencies", (d, tid, role, j, name, a.get("raw"), a.get("kind"), a.get("scope"),
                                           *_sp(a)))
                if name:
                    st = agencies.get(name)
                    if st is None:
                        st = agencies[name] = _AgencyStat(Counter(), set(), set(), set(), Counter())
                    st.kinds[a.get("kind") or "other"] += 1
                    st.plans.add(d)
                    st.tasks.add((d, str(tid)))
                    st.roles[role] += 1
                    if province:
                        st.provinces.add(province)
        for j, dl in enumerate(deadlines):
            rows.add("deadlines", (d, tid, j, dl.get("kind"), dl.get("raw"), _date(dl.get("start")),
                                   _date(dl.get("end")), dl.get("recurrence"), *_sp(dl)))


def _emit_error(rec: dict[str, Any], rows: _Rows) -> None:
    src = rec.get("source") or {}
    rows.add("errors", (src.get("path"), src.get("sha256"), src.get("bytes"), src.get("encoding"), src.get("format"),
                        rec.get("error"), rec.get("message"), rec.get("parser_version")))


def _fill(plans_path: Path, writer: _Writer) -> Counter[str]:
    n_files = _first_pass(plans_path)
    rows = _Rows(writer)
    agencies: dict[str, _AgencyStat] = {}
    seen: set[str] = set()
    for rec in _records(plans_path):
        src = rec.get("source") or {}
        plan = rec.get("record_type") == "plan"
        rows.add("files", (src.get("path"), src.get("sha256"), src.get("bytes"), rec.get("record_type"),
                           rec.get("status", "ok") if plan else "error", rec.get("doc_id") if plan else None,
                           None if plan else rec.get("error")))
        if not plan:
            _emit_error(rec, rows)
        elif rec["doc_id"] not in seen:
            seen.add(rec["doc_id"])
            _emit_plan(rec, n_files.get(rec["doc_id"], 1), rows, agencies)
    for name in sorted(agencies):
        st = agencies[name]
        kind = sorted(st.kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        rows.add("agencies", (name, kind, len(st.plans), len(st.tasks), st.roles["lead"], st.roles["support"],
                              st.roles["directing"], len(st.provinces)))
    rows.flush()
    return rows.counts


# --------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------


class _Writer:
    def write(self, table: str, data: Any) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - interface
        raise NotImplementedError


class _DuckWriter(_Writer):
    def __init__(self, path: Path) -> None:
        import duckdb

        self.con = duckdb.connect(str(path))
        for t in TABLES:
            self.con.execute(ddl(t))

    def write(self, table: str, data: Any) -> None:
        self.con.register("_batch", data)
        try:
            self.con.execute(f'INSERT INTO "{table}" SELECT * FROM _batch')
        finally:
            self.con.unregister("_batch")

    def close(self) -> None:
        self.con.execute("CHECKPOINT")
        self.con.close()


class _FileWriter(_Writer):
    """One Parquet or CSV file per table, each created (with its header/schema) even when empty."""

    def __init__(self, directory: Path, fmt: str) -> None:
        import pyarrow.csv as pcsv
        import pyarrow.parquet as pq

        self.writers: dict[str, Any] = {}
        for t in TABLES:
            schema = arrow_schema(t)
            if fmt == "parquet":
                self.writers[t.name] = pq.ParquetWriter(str(directory / f"{t.name}.parquet"), schema)
            else:
                self.writers[t.name] = pcsv.CSVWriter(str(directory / f"{t.name}.csv"), schema)

    def write(self, table: str, data: Any) -> None:
        self.writers[table].write_table(data)

    def close(self) -> None:
        for w in self.writers.values():
            w.close()


def export_dataset(dataset: Path, to: str = "duckdb", output: Path | None = None) -> tuple[Path, Counter[str]]:
    """Write the tables; the result replaces the old one only once complete (temp name, os.replace)."""
    plans = dataset / "plans.jsonl"
    if not plans.is_file():
        raise FileNotFoundError(f"{plans} not found: run papi-extract convert first")
    if to == "duckdb":
        target = output or dataset / "papi.duckdb"
        tmp = target.with_name(f".{target.name}.tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        writer: _Writer = _DuckWriter(tmp)
    elif to in ("parquet", "csv"):
        target = output or dataset / to
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        writer = _FileWriter(tmp, to)
    else:
        raise ValueError(f"unknown export format {to!r} (duckdb, parquet or csv)")
    try:
        counts = _fill(plans, writer)
    finally:
        writer.close()
    if to == "duckdb":
        os.replace(tmp, target)
    else:
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    return target, counts


# --------------------------------------------------------------------------------------------
# data dictionary, query
# --------------------------------------------------------------------------------------------


def render_dictionary() -> str:
    """docs/data-dictionary.md, generated from TABLES (a test keeps the file in sync)."""
    out = [
        "# Data dictionary",
        "",
        "Tables written by `papi-extract export DATASET/ --to duckdb|parquet|csv` (generated from",
        "`papi_extract/export.py`; regenerate with `python -m papi_extract.export docs/data-dictionary.md`).",
        "Types are DuckDB types; Parquet uses the matching Arrow types (SMALLINT = int16, INTEGER = int32,",
        "BIGINT = int64, DOUBLE = float64, DATE = date32, VARCHAR = string). Every column may be null unless",
        "it is part of the key. Spans are `[span_start, span_end)` in characters of the normalized text.",
        "",
        "Join plans to their rows on `doc_id`; tasks to `task_agencies` and `deadlines` on `(doc_id, task_id)`;",
        "`files.doc_id` links every input path to its plan.",
        "",
    ]
    for t in TABLES:
        out += [f"## {t.name}", "", t.doc, "", f"Key: `{t.key}`", "", "| column | type | meaning |",
                "|---|---|---|"]
        out += [f"| `{c.name}` | {c.type} | {c.doc.replace('|', '/')} |" for c in t.cols]
        out.append("")
    return "\n".join(out)


EXAMPLE_SQL = """SELECT coalesce(p.province, '(unknown)') AS province,
       count(*) FILTER (WHERE t.dimension = 1) AS "1",
       count(*) FILTER (WHERE t.dimension = 2) AS "2",
       count(*) FILTER (WHERE t.dimension = 3) AS "3",
       count(*) FILTER (WHERE t.dimension = 4) AS "4",
       count(*) FILTER (WHERE t.dimension = 5) AS "5",
       count(*) FILTER (WHERE t.dimension = 6) AS "6",
       count(*) FILTER (WHERE t.dimension = 7) AS "7",
       count(*) FILTER (WHERE t.dimension = 8) AS "8",
       count(*) FILTER (WHERE t.dimension IS NULL) AS "none",
       count(*) AS tasks
FROM tasks t JOIN plans p USING (doc_id)
GROUP BY 1
ORDER BY tasks DESC, province"""


def run_query(db: Path, sql: str = EXAMPLE_SQL) -> tuple[list[str], list[tuple[Any, ...]]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(sql)
        names = [d[0] for d in cur.description or []]
        return names, cur.fetchall()
    finally:
        con.close()


def register(app: typer.Typer) -> None:
    """Add ``export`` and ``query`` to the CLI."""

    @app.command("export")
    def export(
        dataset: Annotated[Path, typer.Argument(help="Dataset directory written by convert.")],
        to: Annotated[str, typer.Option("--to", help="duckdb (one file), parquet or csv (one file per table).")]
        = "duckdb",
        output: Annotated[Optional[Path], typer.Option("-o", "--output",
                                                       help="Target file/directory (default: inside DATASET).")]
        = None,
    ) -> None:
        """Write flat tables (plans, sections, indicators, scores, tasks, task_agencies, deadlines, agencies,
        warnings, errors, ...) from DATASET/plans.jsonl. Columns: docs/data-dictionary.md."""
        if to not in ("duckdb", "parquet", "csv"):
            typer.echo(f"Error: --to must be duckdb, parquet or csv, not {to!r}", err=True)
            raise typer.Exit(code=2)
        try:
            target, counts = export_dataset(dataset, to, output)
        except (FileNotFoundError, ValueError) as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(code=2) from None
        summary = ", ".join(f"{t.name} {counts.get(t.name, 0)}" for t in TABLES)
        typer.echo(f"wrote {target}: {summary}", err=True)

    @app.command("query")
    def query(
        db: Annotated[Path, typer.Argument(help="papi.duckdb (or the dataset directory holding it).")],
        sql: Annotated[Optional[str], typer.Option("--sql", help="SQL to run instead of the example.")] = None,
    ) -> None:
        """Print the example query (tasks per PAPI dimension per province), or --sql."""
        from rich.console import Console
        from rich.table import Table as RichTable

        path = db / "papi.duckdb" if db.is_dir() else db
        if not path.is_file():
            typer.echo(f"Error: {path} not found: run papi-extract export first", err=True)
            raise typer.Exit(code=2)
        import duckdb

        try:
            names, rows = run_query(path, sql or EXAMPLE_SQL)
        except duckdb.Error as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(code=2) from None
        console = Console()
        title = "Tasks per PAPI dimension (1..8) per province" if sql is None else None
        table = RichTable(title=title, caption=None if sql else "papi-extract query --sql '...' runs your own SQL")
        for n in names:
            table.add_column(n, justify="left" if n in ("province",) else "right")
        for r in rows:
            table.add_row(*["" if v is None else str(v) for v in r])
        console.print(table)
        if not rows:
            console.print("(no rows: the dataset has no tasks yet)" if sql is None else "(no rows)")
        if sql is None:
            console.print(EXAMPLE_SQL, style="dim", markup=False, highlight=False)


def _main(argv: list[str]) -> None:
    """``python -m papi_extract.export PATH`` writes the data dictionary."""
    target = Path(argv[0]) if argv else Path("docs/data-dictionary.md")
    target.write_text(render_dictionary() + "\n", encoding="utf-8")
    print(target)


if __name__ == "__main__":
    import sys

    _main(sys.argv[1:])


__all__ = ["TABLES", "EXAMPLE_SQL", "export_dataset", "render_dictionary", "run_query", "register"]
