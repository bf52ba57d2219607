"""Benchmark: the whole pipeline on a synthetic archive recombined from the corpus seeds.

    python benchmarks/bench.py                 # 10,000 documents (growth 1k -> 10k), scaling on 1,000
    python benchmarks/bench.py --docs 3000     # smaller archive
    python benchmarks/bench.py --quick         # 300 documents, a smoke run of every measurement

Reports, in one run on this machine: docs/s and MB/s on one core; time per stage (from the
``timings`` dict that ``parse_bytes`` fills, plus ``write`` = JSON serialization); RSS after 1k
documents and at the end (streaming: it must stay flat) and peak RSS; the floor no extractor can
beat (read + decode + NFC + one regex pass over every line) and the pipeline/floor ratio; and the
batch runner's throughput with 1 and 2 workers, the runner's own CPU time, and the machine's ceiling
for two busy processes (the same files parsed by two independent processes at once, and a pure-Python
loop), so that a 2-worker speed-up can be read against what the machine allows. Prints a table and writes benchmarks/out/results.json.
Timings never go in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import regex  # noqa: E402

from papi_extract import __version__  # noqa: E402
from papi_extract.fixtures import synthetic_archive  # noqa: E402

STAGES = ("decode", "normalize", "outline", "header", "indicators", "scores", "tasks", "validate", "write")
# called by the tasks stage; reported as its parts (time inside these modules' functions)
SUBSTAGES = {
    "tables": ("papi_extract.tables", ("find_tables",)),
    "agencies": ("papi_extract.agencies", ("split_agencies", "split_lead_cell", "subject_agencies",
                                          "cooperation_agencies", "fold_variants", "has_known_head")),
    "deadlines": ("papi_extract.deadlines", ("parse_deadlines",)),
}
_LINE = regex.compile(r"^\s{0,8}(?:[IVX]{1,4}\.|\d{1,3}(?:\.\d{1,3}){0,3}[.)]?|[-+•*]|[a-zđ]\))\s")


def rss_mb() -> float:
    """Current resident set size (not the peak): what streaming must keep flat."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor(paths: list[Path]) -> dict[str, float]:
    """read + decode + NFC + one regex pass over every line: the cost of touching the text at all."""
    t0, c0 = time.perf_counter(), time.process_time()
    nbytes = hits = 0
    for p in paths:
        data = p.read_bytes()
        nbytes += len(data)
        text = unicodedata.normalize("NFC", data.decode("utf-8", errors="replace"))
        for line in text.split("\n"):
            if _LINE.match(line):
                hits += 1
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"seconds": dt, "cpu_seconds": cpu, "docs_per_s": len(paths) / dt, "mb_per_s": nbytes / dt / 1e6,
            "docs_per_cpu_s": len(paths) / cpu, "mb_per_cpu_s": nbytes / cpu / 1e6, "line_hits": hits}


def _time_substages(timings: dict[str, float]) -> None:
    """Wrap the tasks stage's collaborators with timers (only the outermost call of a group counts).

    Installed before the first parse, so the tasks stage picks the wrappers up; the cost of a wrapper
    (well under a microsecond a call) is inside the numbers it reports.
    """
    import importlib

    for group, (module_name, names) in SUBSTAGES.items():
        mod = importlib.import_module(module_name)
        depth = [0]
        for name in names:
            fn = getattr(mod, name)

            def timed(*a: Any, _fn: Any = fn, _g: str = group, _d: list[int] = depth, **k: Any) -> Any:
                if _d[0]:
                    return _fn(*a, **k)
                _d[0] += 1
                t0 = time.perf_counter()
                try:
                    return _fn(*a, **k)
                finally:
                    timings[_g] = timings.get(_g, 0.0) + time.perf_counter() - t0
                    _d[0] -= 1

            setattr(mod, name, timed)
    import papi_extract.tasks as tasks_mod

    for attr in ("_api", "find_tables"):  # names tasks.py may have bound at import time
        clear = getattr(getattr(tasks_mod, attr, None), "cache_clear", None)
        if clear is not None:
            clear()
    if hasattr(tasks_mod, "find_tables"):
        tasks_mod.find_tables = importlib.import_module("papi_extract.tables").find_tables


def pipeline(paths: list[Path], checkpoint: int) -> dict[str, Any]:
    """The whole pipeline in this process (one core), streaming: each record is serialized and dropped."""
    from papi_extract.cli import dump_record
    from papi_extract.pipeline import parse_path

    timings: dict[str, float] = {}
    _time_substages(timings)
    statuses: dict[str, int] = {}
    nbytes = out_bytes = 0
    at_checkpoint: dict[str, float] = {}
    from papi_extract.batch import tune_gc

    parse_path(paths[0])  # load lazily built tables outside the measurement
    tune_gc()  # as in the batch runner's workers
    rss_start = rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    for i, p in enumerate(paths, 1):
        rec = parse_path(p, timings=timings)
        t1 = time.perf_counter()
        line = dump_record(rec)
        timings["write"] = timings.get("write", 0.0) + time.perf_counter() - t1
        out_bytes += len(line)
        nbytes += rec.source.bytes
        key = rec.status if rec.record_type == "plan" else rec.error
        statuses[key] = statuses.get(key, 0) + 1
        if i == checkpoint:
            at_checkpoint = {"docs": i, "seconds": time.perf_counter() - t0, "cpu_seconds": time.process_time() - c0,
                             "rss_mb": rss_mb()}
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "docs": len(paths), "seconds": dt, "cpu_seconds": cpu, "docs_per_s": len(paths) / dt,
        "mb_per_s": nbytes / dt / 1e6, "docs_per_cpu_s": len(paths) / cpu, "mb_per_cpu_s": nbytes / cpu / 1e6,
        "json_mb": out_bytes / 1e6, "stages_ms_per_doc": {s: 1000 * timings.get(s, 0.0) / len(paths) for s in STAGES},
        "tasks_parts_ms_per_doc": {s: 1000 * timings.get(s, 0.0) / len(paths) for s in SUBSTAGES},
        "statuses": statuses, "rss_start_mb": rss_start, "rss_end_mb": rss_mb(), "peak_rss_mb": peak_rss_mb(),
        "checkpoint": at_checkpoint,
    }


def clear_text_memos() -> int:
    """Empty every per-text memo of the package (bounded ``lru_cache``s and the fold memo).

    Why: the synthetic archive recombines five seeds, so memos keyed by a sentence or a cell hit far
    more often than on an archive of distinct plans. Clearing them before each document measures what
    a plan whose every sentence is new costs. Loaders (``maxsize`` 1 or unbounded) are kept.
    """
    import functools

    from papi_extract import normalize

    cleared = 0
    modules = [m for name, m in list(sys.modules.items()) if name.startswith("papi_extract.") and m is not None]
    for mod in modules:  # the modules the pipeline has loaded
        for obj in vars(mod).values():
            fn = getattr(obj, "__wrapped__", None) and obj
            if isinstance(fn, functools._lru_cache_wrapper):
                maxsize = fn.cache_info().maxsize
                if maxsize is not None and maxsize > 1:
                    fn.cache_clear()
                    cleared += 1
    normalize._FOLD_MEMO.clear()
    return cleared


def distinct_documents(rounds: int = 3) -> dict[str, Any]:
    """The corpus seeds and the held-out plans (all distinct), with and without per-text memos.

    ``cold``: every memo emptied before each document (a plan sharing no sentence with any other);
    ``warm``: memos kept across documents, as in a long batch run.
    """
    from papi_extract.pipeline import parse_bytes
    from papi_extract.cli import dump_record

    files = sorted((ROOT / "corpus").iterdir()) + sorted(ROOT.glob("tests/heldout*/docs/*"))
    datas = [(str(p), p.read_bytes()) for p in files if p.is_file()]
    from papi_extract.batch import tune_gc

    for path, data in datas:  # load vocabularies and compile patterns outside the measurement
        parse_bytes(data, path)
    tune_gc()  # as in the batch runner's workers
    out: dict[str, Any] = {"docs": len(datas), "kb_per_doc": sum(len(d) for _, d in datas) / len(datas) / 1000}
    for mode in ("cold", "warm"):
        cpu = 0.0
        for _ in range(rounds):
            for path, data in datas:
                if mode == "cold":
                    clear_text_memos()
                c0 = time.process_time()
                dump_record(parse_bytes(data, path))
                cpu += time.process_time() - c0
        out[mode] = {"docs_per_cpu_s": rounds * len(datas) / cpu,
                     "mb_per_cpu_s": rounds * sum(len(d) for _, d in datas) / cpu / 1e6}
    return out


def _parse_files(paths: list[str], conn: Any) -> None:
    """A child of ``two_at_once``: parse and serialize every file in-process, send back the wall time."""
    from papi_extract.batch import tune_gc
    from papi_extract.cli import dump_record
    from papi_extract.pipeline import parse_path

    parse_path(paths[0])
    tune_gc()
    t0 = time.perf_counter()
    for p in paths:
        dump_record(parse_path(p))
    conn.send(time.perf_counter() - t0)


def _spin(n: int, conn: Any) -> None:
    """A child of ``two_at_once``: a pure-Python loop touching no memory beyond a few integers."""
    t0 = time.perf_counter()
    x = 0
    for i in range(n):
        x += i
    conn.send(time.perf_counter() - t0)


def two_at_once(target: Any, arg: Any, rounds: int = 2) -> dict[str, float]:
    """How much faster two processes running ``target(arg)`` side by side finish than one alone.

    Why: the batch runner's 2-worker speed-up is bounded by what this machine gives two busy processes
    (its cores may share caches, memory bandwidth or a host's time slices); measured with the runner left
    out, the same work run alone and as two independent processes at once (best of ``rounds``, alternated)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")

    def run(k: int) -> float:
        pipes = [ctx.Pipe(duplex=False) for _ in range(k)]
        procs = [ctx.Process(target=target, args=(arg, w)) for _, w in pipes]
        for pr in procs:
            pr.start()
        took = [r.recv() for r, _ in pipes]
        for pr in procs:
            pr.join()
        return max(took)

    alone: list[float] = []
    pair: list[float] = []
    for r in range(rounds):
        for k in ((1, 2) if r % 2 == 0 else (2, 1)):
            (alone if k == 1 else pair).append(run(k))
    return {"alone_seconds": min(alone), "pair_seconds": min(pair), "speedup": 2 * min(alone) / min(pair)}


def scaling(archive: Path, n: int, work: Path, rounds: int = 2) -> dict[str, Any]:
    """The batch runner (real worker processes, journal, merge) with 1 and 2 workers on the same files.

    Each is run ``rounds`` times, in the order 1, 2, 2, 1, … so that a drift of the machine's speed
    during the measurement hits both alike; the fastest run of each counts (the usual reading of
    repeated timings: slower runs measured the machine's other load, not the code)."""
    from papi_extract.batch import run_convert

    files = sorted(p for p in archive.rglob("*") if p.is_file())[:n]
    subset = work / "subset"
    for p in files:
        dst = subset / p.relative_to(archive)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, dst)
    run_convert([str(files[0])], work / "warm", jobs=1)  # start and warm the fork server once
    out: dict[str, Any] = {"docs": len(files)}
    order = [j for r in range(rounds) for j in ((1, 2) if r % 2 == 0 else (2, 1))]
    times: dict[int, list[float]] = {1: [], 2: []}
    parent_cpu: dict[int, list[float]] = {1: [], 2: []}
    for jobs in order:
        t0, c0 = time.perf_counter(), time.process_time()
        summary = run_convert([str(subset)], work / f"ds{jobs}", jobs=jobs, force=True)
        times[jobs].append(time.perf_counter() - t0)
        parent_cpu[jobs].append(time.process_time() - c0)
    for jobs, ts in times.items():
        out[f"jobs{jobs}"] = {"seconds": min(ts), "docs_per_s": summary.total / min(ts), "all_seconds": ts,
                              "parent_cpu_seconds": parent_cpu[jobs][ts.index(min(ts))]}
    out["speedup"] = out["jobs1"]["seconds"] / out["jobs2"]["seconds"]
    # the machine's own ceiling for two processes: the same files parsed in-process by two independent
    # processes at once, and a pure-Python loop (no runner, no pipes, no journal)
    out["independent"] = two_at_once(_parse_files, [str(p) for p in files], rounds)
    out["spin"] = two_at_once(_spin, 60_000_000, rounds)
    return out


def table(results: dict[str, Any]) -> str:
    p, f, s = results["pipeline"], results["floor"], results.get("scaling")
    rows = [
        ("documents", f"{p['docs']:,} ({results['archive_mb']:.1f} MB, mixed formats and encodings)"),
        ("load average at start", f"{results['loadavg'][0]:.2f} on {results['cpus']} cores (wall numbers need an idle machine)"),
        ("pipeline, 1 core", f"{p['docs_per_s']:,.1f} docs/s   {p['mb_per_s']:.2f} MB/s   "
                             f"(per CPU-second: {p['docs_per_cpu_s']:,.1f} docs, {p['mb_per_cpu_s']:.2f} MB)"),
        ("floor, 1 core", f"{f['docs_per_s']:,.0f} docs/s   {f['mb_per_s']:.1f} MB/s   "
                          f"(per CPU-second: {f['docs_per_cpu_s']:,.0f} docs, {f['mb_per_cpu_s']:.1f} MB)"),
        ("pipeline / floor", f"{f['docs_per_cpu_s'] / p['docs_per_cpu_s']:.1f}x the floor's CPU time"),
    ]
    dd = results.get("distinct")
    if dd:
        rows.append((f"distinct plans ({dd['docs']}, {dd['kb_per_doc']:.0f} KB avg)",
                     f"cold memos {dd['cold']['docs_per_cpu_s']:,.1f} docs/CPU-s ({dd['cold']['mb_per_cpu_s']:.2f} MB);"
                     f"  warm {dd['warm']['docs_per_cpu_s']:,.1f} docs/CPU-s ({dd['warm']['mb_per_cpu_s']:.2f} MB)"))
    total = sum(p["stages_ms_per_doc"].values())
    for st in STAGES:
        ms = p["stages_ms_per_doc"][st]
        rows.append((f"  {st}", f"{ms:7.2f} ms/doc  {100 * ms / total if total else 0:5.1f}%"))
        if st == "tasks":
            for part, pms in p.get("tasks_parts_ms_per_doc", {}).items():
                rows.append((f"    of which {part}", f"{pms:7.2f} ms/doc"))
    cp = p.get("checkpoint") or {}
    if cp:
        rate_first = cp["docs"] / cp["cpu_seconds"]
        rate_rest = (p["docs"] - cp["docs"]) / max(p["cpu_seconds"] - cp["cpu_seconds"], 1e-9)
        rows.append((f"growth {cp['docs']:,} -> {p['docs']:,}",
                     f"{rate_first:,.1f} -> {rate_rest:,.1f} docs/CPU-s;  RSS {cp['rss_mb']:.0f} -> "
                     f"{p['rss_end_mb']:.0f} MB"))
    rows.append(("RSS start / end / peak", f"{p['rss_start_mb']:.0f} / {p['rss_end_mb']:.0f} / {p['peak_rss_mb']:.0f} MB"))
    if s:
        rows.append((f"batch runner, {s['docs']:,} docs",
                     f"1 worker {s['jobs1']['docs_per_s']:,.1f} docs/s, 2 workers {s['jobs2']['docs_per_s']:,.1f} docs/s"
                     f"  ({s['speedup']:.2f}x; best of {len(s['jobs1']['all_seconds'])} runs each)"))
        rows.append(("  runner's own CPU (parent)",
                     f"{s['jobs1']['parent_cpu_seconds']:.2f} s with 1 worker, {s['jobs2']['parent_cpu_seconds']:.2f} s "
                     f"with 2 ({100 * s['jobs2']['parent_cpu_seconds'] / s['jobs2']['seconds']:.1f}% of one core)"))
        if "independent" in s:
            rows.append(("  machine's 2-process ceiling",
                         f"two independent parsers {s['independent']['speedup']:.2f}x one alone; "
                         f"a pure-Python loop {s['spin']['speedup']:.2f}x"))
    rows.append(("records", ", ".join(f"{k} {v}" for k, v in sorted(p["statuses"].items()))))
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{a:<{width}}  {b}" for a, b in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000, help="documents in the synthetic archive")
    ap.add_argument("--scaling-docs", type=int, default=1_000, help="documents for the 1 vs 2 worker runs")
    ap.add_argument("--quick", action="store_true", help="300 documents, 100 for scaling")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out" / "results.json")
    ap.add_argument("--no-scaling", action="store_true")
    args = ap.parse_args(argv)
    n = 300 if args.quick else args.docs
    n_scaling = 100 if args.quick else args.scaling_docs
    work = Path(tempfile.mkdtemp(prefix="papi-bench-"))
    try:
        archive = work / "archive"
        t0 = time.perf_counter()
        paths = synthetic_archive(archive, n, ROOT / "corpus", seed=args.seed, mix=True)
        paths.sort()
        build = time.perf_counter() - t0
        archive_mb = sum(p.stat().st_size for p in paths) / 1e6
        print(f"built {n:,} documents ({archive_mb:.1f} MB) in {build:.1f}s; measuring ...", file=sys.stderr)
        results: dict[str, Any] = {
            "parser_version": __version__, "python": platform.python_version(), "machine": platform.machine(),
            "cpus": os.cpu_count(), "loadavg": os.getloadavg(), "archive_docs": n, "archive_mb": archive_mb,
            "floor": floor(paths),
        }
        results["distinct"] = distinct_documents()
        results["pipeline"] = pipeline(paths, checkpoint=min(1000, n // 10 if n < 10_000 else 1000))
        if not args.no_scaling:
            results["scaling"] = scaling(archive, min(n_scaling, n), work)
        print(table(results))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
