"""``papi-extract convert``: an archive of plans to ``DATASET/plans.jsonl`` + ``manifest.jsonl``.

Why it is built the way it is:

- **One record per input file, whatever happens.** Each document is parsed in a worker
  process (forked from a warmed-up fork server) that the parent feeds paths over a pipe, one
  ahead so it never waits, taken in order, so the parent always knows which document a worker
  holds. A worker past the per-document time limit is killed (SIGKILL) and replaced, and the
  document gets an E301 record; a worker that dies gets E302; the documents queued behind it go
  to the next free worker.
  The pipeline itself never raises (``parse_path`` turns every failure into a ``ParseError``).
- **Crash safety without a database.** Results are appended, one complete line per
  ``os.write``, to a journal file of this run (``DATASET/.parts/run-*.jsonl``), fsynced every
  second. A run killed at any moment leaves at worst a torn last journal line, which the next
  run ignores (every journal line is validated). Only a finished run writes ``plans.jsonl`` and
  ``manifest.jsonl``, sorted by input path, to temporary files that are fsynced and then
  ``os.replace``d over the old ones; the journals are deleted after that. So the dataset files
  are always either the previous complete dataset or the new one.
- **Resume.** A re-run reads the previous dataset and any journals, and skips an input whose
  content sha256 and parser version match a stored record (an E302 record, or an E301 or partial
  record made with a shorter time limit, is retried). ``--force`` ignores stored records.
- **Determinism.** Records depend only on the file's path and bytes, and the final files are
  sorted by path, so an interrupted-then-resumed run ends byte-identical to an uninterrupted one
  (``manifest.jsonl`` differs only in ``seconds``).
- **Progress** goes to stderr through rich, only when stderr is a terminal, refreshed by the
  parent's loop itself (no thread).
"""

from __future__ import annotations

import contextlib
import gc
import glob
import hashlib
import os
import signal
import sys
import threading
import time
import zlib
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Optional

import orjson
import typer

from papi_extract import __version__

PLANS = "plans.jsonl"
MANIFEST = "manifest.jsonl"
PARTS = ".parts"
LOCK = ".lock"
SUFFIXES = frozenset({".txt", ".md", ".markdown", ".org", ".rst", ".wiki", ".mediawiki", ".adoc", ".asciidoc", ".jira", ".texi", ".texinfo", ".txi", ".dbk", ".docbook", ".tei", ".fodt", ".xml", ".ms", ".html", ".htm", ".mht", ".mhtml", ".eml", ""})
DEFAULT_TIMEOUT = 60.0
TEST_HOOKS_ENV = "PAPI_EXTRACT_TEST_HOOKS"  # JSON of test-only worker hooks (see _apply_test_hooks)
_RECORD_KEY = b',"record":'
_CRC = "crc32"  # journal lines only: the checksum of the record bytes (never in manifest.jsonl)
_FSYNC_EVERY = 1.0  # seconds between journal fsyncs
_START_TIMEOUT = 300.0  # seconds a new worker may take to report ready (the fork server warms up first)
_IN_FLIGHT = 2  # documents sent to a worker ahead of its answers (see _process)


class UsageError(Exception):
    """Bad command line (exit status 2)."""


# --------------------------------------------------------------------------------------------
# inputs
# --------------------------------------------------------------------------------------------


def _wanted(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES


def _walk(root: str, exclude: str | None) -> Iterator[str]:
    """Files under ``root`` with a plan suffix (hidden entries and the dataset itself skipped)."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and (exclude is None or os.path.realpath(os.path.join(dirpath, d)) != exclude)
        )
        for name in sorted(filenames):
            if _wanted(name):
                yield os.path.join(dirpath, name)
        # broken symlinks are listed by os.walk among filenames; FIFOs and sockets are too:
        # parse_path turns both into E101 records rather than blocking or vanishing.


def collect_inputs(inputs: list[str], exclude: Path | None = None) -> list[str]:
    """Expand files, directories (recursively) and globs into a sorted, de-duplicated path list."""
    if not inputs:
        raise UsageError("no INPUT given")
    excl = os.path.realpath(exclude) if exclude is not None else None
    found: dict[tuple[str, str], str] = {}

    def add(p: str) -> None:
        p = os.path.normpath(p)
        key = (os.path.realpath(os.path.dirname(p) or "."), os.path.basename(p))
        found.setdefault(key, p)

    for raw in inputs:
        if os.path.isdir(raw):
            for p in _walk(raw, excl):
                add(p)
        elif os.path.lexists(raw):
            add(raw)
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise UsageError(f"no file matches {raw!r}")
            for m in matches:
                if os.path.isdir(m):
                    for p in _walk(m, excl):
                        add(p)
                else:
                    add(m)
        else:
            raise UsageError(f"no such file or directory: {raw!r}")
    paths = sorted(found.values())
    if not paths:
        raise UsageError("the inputs hold no .txt, .md, .html/.htm or extension-less file")
    return paths


def _sha256_file(path: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


# --------------------------------------------------------------------------------------------
# stored state: previous dataset + journals
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Entry:
    """Where one finished record lives: its manifest line and the byte range of its JSON record."""

    manifest: dict[str, Any]
    file: str
    offset: int
    length: int  # without the trailing newline


def _manifest_line(manifest: dict[str, Any]) -> bytes:
    return orjson.dumps(manifest)


def _journal_line(manifest: dict[str, Any], record: bytes) -> bytes:
    """``{manifest..., "crc32": n, "record": {...}}\\n`` built from bytes, so the record is never re-serialized.

    The CRC-32 of the record's bytes lets a later run check the line without parsing the record (a torn or
    garbled line fails it); parsing 86 KB of JSON per document made the final merge the slowest serial step.
    """
    body = record.rstrip(b"\n")
    m = _manifest_line({**manifest, _CRC: zlib.crc32(body)})
    return m[:-1] + _RECORD_KEY + body + b"}\n"


def _read_journal(path: str, state: dict[str, Entry]) -> None:
    """Load complete, valid lines; a torn or garbled line (killed run, power loss) is skipped."""
    try:
        fh = open(path, "rb")
    except OSError:
        return
    with fh:
        offset = 0
        for line in fh:
            start = offset
            offset += len(line)
            if not line.endswith(b"}\n"):
                continue
            cut = line.find(_RECORD_KEY)
            if cut < 0:
                continue
            rec_start = cut + len(_RECORD_KEY)
            record = line[rec_start:-2]
            try:
                manifest = orjson.loads(line[:cut] + b"}")
                if not isinstance(manifest, dict) or "path" not in manifest:
                    continue
                crc = manifest.pop(_CRC, None)
                if crc is None:
                    orjson.loads(record)  # a journal written before the checksum: the record must parse
                elif crc != zlib.crc32(record):
                    continue
            except orjson.JSONDecodeError:
                continue
            state[manifest["path"]] = Entry(manifest, path, start + rec_start, len(record))


def _read_dataset(out_dir: Path, state: dict[str, Entry]) -> None:
    """Load the previous complete dataset: records from plans.jsonl, timings from manifest.jsonl."""
    plans = out_dir / PLANS
    if not plans.exists():
        return
    manifests: dict[str, dict[str, Any]] = {}
    with contextlib.suppress(OSError), open(out_dir / MANIFEST, "rb") as fh:
        for line in fh:
            with contextlib.suppress(orjson.JSONDecodeError):
                m = orjson.loads(line)
                if isinstance(m, dict) and "path" in m:
                    manifests[m["path"]] = m
    with open(plans, "rb") as fh:
        offset = 0
        for line in fh:
            start = offset
            offset += len(line)
            if not line.endswith(b"\n"):
                continue
            try:
                rec = orjson.loads(line)
                path = rec["source"]["path"]
            except (orjson.JSONDecodeError, KeyError, TypeError):
                continue
            m = _manifest_for(rec, manifests.get(path))
            state[path] = Entry(m, str(plans), start, len(line) - 1)


def _manifest_for(rec: dict[str, Any], stored: dict[str, Any] | None) -> dict[str, Any]:
    src = rec.get("source") or {}
    m = {
        "path": src.get("path"),
        "sha256": src.get("sha256"),
        "bytes": src.get("bytes"),
        "parser_version": rec.get("parser_version"),
        "status": rec.get("status", "error") if rec.get("record_type") == "plan" else "error",
        "doc_id": rec.get("doc_id"),
        "error": rec.get("error"),
        "seconds": None,
        "time_limit": None,
    }
    if stored and stored.get("sha256") == m["sha256"] and stored.get("parser_version") == m["parser_version"]:
        m["seconds"] = stored.get("seconds")
        m["time_limit"] = stored.get("time_limit")
    return m


def load_state(out_dir: Path) -> dict[str, Entry]:
    state: dict[str, Entry] = {}
    _read_dataset(out_dir, state)
    parts = out_dir / PARTS
    if parts.is_dir():
        for name in sorted(os.listdir(parts)):
            if name.endswith(".jsonl"):
                _read_journal(str(parts / name), state)
    return state


def _reusable(entry: Entry, sha: str | None, timeout: float) -> bool:
    m = entry.manifest
    if sha is None or m.get("sha256") != sha or m.get("parser_version") != __version__:
        return False
    if m.get("error") == "E302":
        return False
    if m.get("error") == "E301" or m.get("status") == "partial":  # ran out of time: retry with more
        return (m.get("time_limit") or 0) >= timeout
    return True


# --------------------------------------------------------------------------------------------
# workers
# --------------------------------------------------------------------------------------------


def _apply_test_hooks(path: str, hooks: dict[str, Any]) -> None:
    """Test-only: make a worker sleep on, or die on, documents whose path contains a string."""
    sleep = hooks.get("_test_sleep")
    if sleep and sleep.get("match", "") in path:
        time.sleep(float(sleep.get("seconds", 0)))
    crash = hooks.get("_test_crash")
    if crash and crash in path:
        os._exit(3)


def _die_with_parent() -> None:
    """Linux: have the kernel SIGKILL this worker when the parent dies (kill -9 leaves no orphan)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG


def tune_gc() -> None:
    """Collect rarely in a worker: parsing one plan makes ~10^5 short-lived objects, almost all freed by
    reference counting (records are acyclic), so the default threshold (700 allocations) runs the cycle
    collector hundreds of times per document for nothing; the vocabularies loaded so far are frozen out
    of its scans. Memory stays flat (the benchmark's RSS growth check covers it)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _worker_main(conn: Connection, max_bytes: int, options: dict[str, Any]) -> None:
    """Parse documents sent by the parent until it sends None or goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    ppid = os.getppid()
    _die_with_parent()
    from papi_extract.cli import dump_record
    from papi_extract.pipeline import parse_path

    hooks = {k: v for k, v in options.items() if k.startswith("_test_")}
    popts = {k: v for k, v in options.items() if not k.startswith("_test_")}
    tune_gc()
    try:
        conn.send("ready")
    except (BrokenPipeError, OSError):
        return
    while True:
        try:
            while not conn.poll(1.0):
                if os.getppid() != ppid:  # parent gone (where PDEATHSIG is unavailable)
                    return
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        idx, path, cwd = msg
        if cwd != os.getcwd():  # relative inputs are relative to the caller's directory, not the server's
            os.chdir(cwd)
        t0 = time.perf_counter()
        if hooks:
            _apply_test_hooks(path, hooks)
        rec = parse_path(path, max_bytes=max_bytes, options=popts)
        data = dump_record(rec)
        seconds = time.perf_counter() - t0
        try:
            conn.send((idx, _summary(rec), data, seconds))
        except (BrokenPipeError, OSError):
            return


def _summary(rec: Any) -> dict[str, Any]:
    plan = rec.record_type == "plan"
    return {
        "sha256": rec.source.sha256,
        "bytes": rec.source.bytes,
        "parser_version": rec.parser_version,
        "status": rec.status if plan else "error",
        "doc_id": rec.doc_id if plan else None,
        "error": None if plan else rec.error,
    }


def _mp_context() -> Any:
    """A fork server: workers fork from a clean single-threaded process that imported and warmed the
    pipeline once (fast to replace a killed worker), never from the caller, which may run threads
    (DuckDB, a test runner) that make a plain fork unsafe, and whose open files workers must not hold."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["papi_extract._warmup"])
        return ctx
    return multiprocessing.get_context("spawn")


@dataclass(slots=True)
class _Worker:
    proc: Any
    conn: Connection
    # documents sent and not yet answered, in the order the worker takes them; the first is the one
    # it is parsing, started at ``started`` (when the answer before it arrived)
    tasks: deque[tuple[int, str]] = field(default_factory=deque)
    started: float = 0.0


class _Pool:
    """Workers the parent can kill one at a time (which concurrent.futures cannot do)."""

    def __init__(self, n: int, max_bytes: int, options: dict[str, Any]) -> None:
        self.ctx = _mp_context()
        self.max_bytes = max_bytes
        self.options = options
        # start them all, then wait: each one's start-up (fork, collector pass) overlaps the others'
        started = [self._start() for _ in range(n)]
        self.workers = [self._handshake(*s) for s in started]

    def _start(self) -> tuple[Any, Connection]:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_worker_main, args=(child, self.max_bytes, self.options), daemon=True)
        proc.start()
        child.close()
        return proc, parent

    def _handshake(self, proc: Any, parent: Connection) -> _Worker:
        # A worker that cannot even start is a broken setup, not a bad document, and must not turn
        # every input into an E302 record.
        ready = wait([parent, proc.sentinel], timeout=_START_TIMEOUT)
        msg = None
        if parent in ready:
            with contextlib.suppress(EOFError, OSError):
                msg = parent.recv()
        if msg != "ready":
            proc.kill()
            proc.join(timeout=5)
            raise RuntimeError(
                "a worker process failed to start (exit code "
                f"{proc.exitcode}); when calling run_convert from a script, guard the call with "
                "`if __name__ == '__main__':` (multiprocessing re-imports the main module)")
        return _Worker(proc, parent)

    def replace(self, w: _Worker, kill: bool) -> None:
        if kill and w.proc.is_alive():
            w.proc.kill()
        w.proc.join(timeout=5)
        with contextlib.suppress(OSError):
            w.conn.close()
        self.workers[self.workers.index(w)] = self._handshake(*self._start())

    def shutdown(self, kill: bool = False) -> None:
        for w in self.workers:
            if kill:
                w.proc.kill()
            else:
                with contextlib.suppress(OSError, BrokenPipeError):
                    w.conn.send(None)
        for w in self.workers:
            w.proc.join(timeout=5)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(timeout=5)
            with contextlib.suppress(OSError):
                w.conn.close()


# --------------------------------------------------------------------------------------------
# the run
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Summary:
    """What a run did; ``exit_code`` is 0 when every record is a plan, 1 when some are errors."""

    total: int = 0
    parsed: int = 0
    reused: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return 130
        return 1 if self.errors else 0

    def line(self, out_dir: Path) -> str:
        parts = [f"{self.statuses.get('ok', 0)} ok", f"{self.statuses.get('partial', 0)} partial",
                 f"{self.statuses.get('error', 0)} errors"]
        if self.errors:
            parts[-1] += " (" + ", ".join(f"{c}×{n}" for c, n in sorted(self.errors.items())) + ")"
        return (f"papi-extract convert: {self.total} files -> {out_dir / PLANS}: {', '.join(parts)}; "
                f"{self.parsed} parsed, {self.reused} unchanged, {self.seconds:.1f}s")


class _Journal:
    """This run's append-only result file: one os.write per complete line, fsync once a second.

    It remembers where each record went (``entries``), so the merge needs no second read of it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        self.size = os.lseek(self.fd, 0, os.SEEK_END)
        self.entries: dict[str, Entry] = {}
        self.last_sync = time.monotonic()
        self.dirty = False

    def append(self, manifest: dict[str, Any], record: bytes) -> None:
        line = _journal_line(manifest, record)
        view = memoryview(line)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        body = len(record.rstrip(b"\n"))  # the line ends with the record's bytes, then "}\n"
        self.entries[manifest["path"]] = Entry(manifest, str(self.path), self.size + len(line) - 2 - body, body)
        self.size += len(line)
        self.dirty = True
        if time.monotonic() - self.last_sync > _FSYNC_EVERY:
            self.sync()

    def sync(self) -> None:
        if self.dirty:
            os.fsync(self.fd)
            self.dirty = False
        self.last_sync = time.monotonic()

    def close(self) -> None:
        self.sync()
        os.close(self.fd)


class _Progress:
    """Rich progress bar on stderr, refreshed by the main loop (files done/total, docs/s, ETA, errors)."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.enabled = enabled and total > 0
        self.total = total
        self.done = 0
        self.errors = 0
        self.t0 = time.monotonic()
        self.last = 0.0
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("converting"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"), TextColumn("ETA"), TimeRemainingColumn(),
            TextColumn("[red]{task.fields[errors]} errors"),
            console=Console(stderr=True), auto_refresh=False, transient=False,
        )
        self.task = self.progress.add_task("convert", total=total, rate="-", errors=0)
        self.progress.start()

    def advance(self, error: bool) -> None:
        self.done += 1
        self.errors += int(error)
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and self.done < self.total:
            return
        self.last = now
        rate = self.done / max(now - self.t0, 1e-9)
        self.progress.update(self.task, completed=self.done, rate=f"{rate:,.0f}", errors=self.errors)
        self.progress.refresh()

    def close(self) -> None:
        if self.enabled:
            self.progress.update(self.task, completed=self.done)
            self.progress.refresh()
            self.progress.stop()


def _format_hint(path: str) -> str:
    return {".md": "markdown", ".markdown": "markdown", ".org": "markdown", ".wiki": "markdown", ".mediawiki": "markdown",
            ".adoc": "markdown", ".asciidoc": "markdown", ".jira": "markdown", ".texi": "markdown", ".texinfo": "markdown", ".txi": "markdown",
            ".dbk": "html", ".docbook": "html", ".tei": "html", ".fodt": "html", ".xml": "html", ".ms": "markdown", ".html": "html", ".htm": "html"}.get(
        Path(path).suffix.lower(), "text")


def _runner_error(path: str, code: str, message: str) -> tuple[dict[str, Any], bytes]:
    """A record the parent writes itself, for a document its worker could not finish."""
    from papi_extract.cli import dump_record
    from papi_extract.models import ParseError, Source

    sha = _sha256_file(path) or hashlib.sha256(b"").hexdigest()
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    source = Source(path=path, sha256=sha, bytes=size, encoding=None, format=_format_hint(path))  # type: ignore[arg-type]
    rec = ParseError(parser_version=__version__, source=source, error=code, message=message)
    return _summary(rec), dump_record(rec)


class _Stop(Exception):
    """SIGTERM: stop like Ctrl-C."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Stop()


def _process(todo: list[str], journal: _Journal, jobs: int, timeout: float, max_bytes: int,
             options: dict[str, Any], progress: _Progress, summary: Summary) -> None:
    """Run ``todo`` through the pool, appending every outcome to the journal.

    Each worker is sent its next document before it answers the current one (``_IN_FLIGHT`` at a
    time), so it never sits idle waiting for the parent; it takes them in order, so the parent still
    knows which document it holds. When a worker is killed or dies, only the document it was
    parsing gets an error record; the ones queued behind it go back to the queue.
    """
    pool = _Pool(min(jobs, len(todo)), max_bytes, options)
    queue = list(enumerate(todo))
    queue.reverse()  # pop() from the end = input order
    pending = len(todo)
    cwd = os.getcwd()

    def record(path: str, summ: dict[str, Any], data: bytes, seconds: float | None) -> None:
        nonlocal pending
        manifest = {"path": path, **summ, "seconds": None if seconds is None else round(seconds, 4),
                    "time_limit": timeout}
        journal.append(manifest, data)
        summary.parsed += 1
        pending -= 1
        progress.advance(summ["status"] == "error")

    def requeue(w: _Worker) -> None:
        while w.tasks:  # the last first, so that pop() takes them back in input order
            queue.append(w.tasks.pop())

    try:
        while pending:
            now = time.monotonic()
            for w in pool.workers:
                while len(w.tasks) < _IN_FLIGHT and queue:
                    if not w.tasks:
                        w.started = now
                    task = queue.pop()
                    w.tasks.append(task)
                    try:
                        w.conn.send((*task, cwd))
                    except (BrokenPipeError, OSError):
                        break  # noticed below through the sentinel
            busy = [w for w in pool.workers if w.tasks]
            next_deadline = min(w.started + timeout for w in busy) - now
            ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy],
                             timeout=max(0.0, min(next_deadline, 0.5))))
            now = time.monotonic()
            for w in busy:
                idx, path = w.tasks[0]
                if w.conn in ready:
                    try:
                        got, summ, data, seconds = w.conn.recv()
                    except (EOFError, OSError):
                        pass  # died mid-send: handled as a dead worker below
                    else:
                        if got != idx:  # cannot happen: a worker answers in the order it is sent
                            raise RuntimeError(f"worker answered document {got} while holding {idx}")
                        w.tasks.popleft()
                        w.started = now
                        record(path, summ, data, seconds)
                        continue
                if w.proc.sentinel in ready or not w.proc.is_alive():
                    code = w.proc.exitcode
                    summ, data = _runner_error(path, "E302", f"{path}: the worker process died (exit code {code}) "
                                               "while parsing this document")
                    record(path, summ, data, now - w.started)
                    w.tasks.popleft()
                    requeue(w)
                    pool.replace(w, kill=False)
                elif now - w.started > timeout:
                    summ, data = _runner_error(path, "E301", f"{path}: exceeded the per-document time limit of "
                                               f"{timeout:g}s; the worker was killed")
                    record(path, summ, data, now - w.started)
                    w.tasks.popleft()
                    requeue(w)
                    pool.replace(w, kill=True)
    except BaseException:
        pool.shutdown(kill=True)
        raise
    pool.shutdown()


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _merge(out_dir: Path, paths: list[str], state: dict[str, Entry], summary: Summary) -> None:
    """Write the final files, sorted by path, each to a temp file then ``os.replace``: all or nothing."""
    tmp_plans = out_dir / f".{PLANS}.tmp"
    tmp_manifest = out_dir / f".{MANIFEST}.tmp"
    handles: dict[str, BinaryIO] = {}
    try:
        with open(tmp_plans, "wb") as fp, open(tmp_manifest, "wb") as fm:
            for path in sorted(paths):
                e = state[path]
                src = handles.get(e.file)
                if src is None:
                    src = handles[e.file] = open(e.file, "rb")
                src.seek(e.offset)
                data = src.read(e.length)
                fp.write(data + b"\n")
                fm.write(_manifest_line(e.manifest) + b"\n")
                summary.statuses[e.manifest.get("status") or "error"] += 1
                if e.manifest.get("error"):
                    summary.errors[e.manifest["error"]] += 1
            fp.flush()
            os.fsync(fp.fileno())
            fm.flush()
            os.fsync(fm.fileno())
    finally:
        for h in handles.values():
            h.close()
    # plans first: a crash between the two replaces leaves a manifest that _read_dataset
    # cross-checks by sha256 (and the journals, still present, hold this run's records).
    os.replace(tmp_plans, out_dir / PLANS)
    os.replace(tmp_manifest, out_dir / MANIFEST)
    _fsync_dir(out_dir)


def _clear_parts(out_dir: Path, keep: set[str] | None = None) -> None:
    parts = out_dir / PARTS
    if not parts.is_dir():
        return
    for name in os.listdir(parts):
        if keep and name in keep:
            continue
        with contextlib.suppress(OSError):
            os.remove(parts / name)
    with contextlib.suppress(OSError):
        os.rmdir(parts)


def run_convert(
    inputs: list[str],
    out_dir: Path,
    *,
    jobs: int | None = None,
    force: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int | None = None,
    show_progress: bool = False,
    options: dict[str, Any] | None = None,
) -> Summary:
    """Convert ``inputs`` into ``out_dir``; raises ``UsageError`` for bad arguments.

    ``options`` go to the pipeline (``time_budget`` defaults to half the time limit, so stages
    give up gracefully with a partial record before the runner has to kill anything); keys
    starting with ``_test_`` are test hooks honoured by the worker, never by the pipeline.
    """
    from papi_extract.pipeline import DEFAULT_MAX_BYTES

    t0 = time.monotonic()
    timeout = float(timeout)
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if timeout <= 0:
        raise UsageError("--timeout must be positive")
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"{out_dir} exists and is not a directory")
    paths = collect_inputs(inputs, exclude=out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    lock_fd = os.open(out_dir / LOCK, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        try:
            import fcntl  # POSIX; the lock is released by the kernel however the run ends

            fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX: no cross-process guard
            pass
        except OSError:
            raise UsageError(f"another papi-extract convert is writing {out_dir}") from None
        return _run_locked(paths, out_dir, jobs or _cpu_count(), force, timeout,
                           max_bytes or DEFAULT_MAX_BYTES, show_progress, dict(options or {}), t0)
    finally:
        os.close(lock_fd)


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _run_locked(paths: list[str], out_dir: Path, jobs: int, force: bool, timeout: float, max_bytes: int,
                show_progress: bool, options: dict[str, Any], t0: float) -> Summary:
    summary = Summary(total=len(paths))
    state = {} if force else load_state(out_dir)
    todo: list[str] = []
    for p in paths:
        entry = state.get(p)
        if entry is not None:
            try:
                size = os.path.getsize(p)
            except OSError:
                size = -1
            if size == entry.manifest.get("bytes") and _reusable(entry, _sha256_file(p), timeout):
                summary.reused += 1
                continue
        todo.append(p)
    options.setdefault("time_budget", timeout / 2)
    parts = out_dir / PARTS
    parts.mkdir(exist_ok=True)
    journal_path = parts / f"run-{time.time_ns():020d}-{os.getpid()}.jsonl"
    progress = _Progress(len(todo), show_progress)
    main_thread = threading.current_thread() is threading.main_thread()
    old_term = signal.signal(signal.SIGTERM, _on_sigterm) if main_thread else None
    try:
        if todo:
            journal = _Journal(journal_path)
            try:
                _process(todo, journal, jobs, timeout, max_bytes, options, progress, summary)
            finally:
                journal.close()
                progress.close()
            state.update(journal.entries)
        else:
            progress.close()
        missing = [p for p in paths if p not in state]
        if missing:  # cannot happen unless the journal was tampered with mid-run
            raise RuntimeError(f"{len(missing)} inputs have no record, e.g. {missing[0]}")
        _merge(out_dir, paths, state, summary)
        _clear_parts(out_dir)
    except (KeyboardInterrupt, _Stop):
        summary.interrupted = True
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, old_term)
    summary.seconds = time.monotonic() - t0
    return summary


def _hooks_from_env() -> dict[str, Any]:
    raw = os.environ.get(TEST_HOOKS_ENV)
    if not raw:
        return {}
    hooks = orjson.loads(raw)
    return {k: v for k, v in hooks.items() if k.startswith("_test_")}


def register(app: typer.Typer) -> None:
    """Add ``convert`` to the CLI."""

    @app.command("convert")
    def convert(
        inputs: Annotated[list[str], typer.Argument(help="Files, directories (recursive) and globs.",
                                                    show_default=False)],
        output: Annotated[Path, typer.Option("-o", "--output", help="Dataset directory to write.")],
        jobs: Annotated[Optional[int], typer.Option("-j", "--jobs", min=1,
                                                    help="Worker processes (default: all cores).")] = None,
        force: Annotated[bool, typer.Option("--force", help="Redo every file, ignoring stored records.")] = False,
        quiet: Annotated[bool, typer.Option("-q", "--quiet", help="No progress bar and no summary.")] = False,
        timeout: Annotated[float, typer.Option("--timeout", min=0.001,
                                               help="Per-document time limit in seconds.")] = DEFAULT_TIMEOUT,
        max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", min=1,
                                                         help="Larger files get an E104 record.")] = None,
    ) -> None:
        """Convert an archive of plans into DATASET/plans.jsonl and DATASET/manifest.jsonl.

        Resumable: re-running skips files already done (same content and parser version).
        Exit status: 0 all files parsed, 1 some files gave error records, 2 usage error.
        """
        try:
            summary = run_convert(inputs, output, jobs=jobs, force=force, timeout=timeout, max_bytes=max_bytes,
                                  show_progress=not quiet and sys.stderr.isatty(), options=_hooks_from_env())
        except UsageError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(code=2) from None
        if summary.interrupted:
            typer.echo(f"papi-extract convert: interrupted after {summary.parsed} files; "
                       "run the same command again to resume", err=True)
        elif not quiet:
            typer.echo(summary.line(output), err=True)
        raise typer.Exit(code=summary.exit_code)
