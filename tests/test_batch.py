"""``papi-extract convert``: one record per file whatever happens, crash-safe, resumable, deterministic."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from conftest import CORPUS, ROOT

from papi_extract.batch import (
    MANIFEST,
    PARTS,
    PLANS,
    TEST_HOOKS_ENV,
    UsageError,
    collect_inputs,
    run_convert,
)
from papi_extract.fixtures import synthetic_archive

SEED = CORPUS / "000_4b16b2b6e82d9d4b.txt"


def _records(ds: Path) -> list[dict]:
    return [orjson.loads(x) for x in (ds / PLANS).read_bytes().splitlines()]


def _manifest(ds: Path) -> list[dict]:
    return [orjson.loads(x) for x in (ds / MANIFEST).read_bytes().splitlines()]


def _by_name(ds: Path) -> dict[str, dict]:
    return {Path(r["source"]["path"]).name: r for r in _records(ds)}


def _cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "papi_extract", *args], capture_output=True, cwd=ROOT,
                          timeout=timeout, env={**os.environ, **(env or {})})


# ------------------------------------------------------------------------------------------
# inputs
# ------------------------------------------------------------------------------------------


def test_inputs_are_files_directories_and_globs(tmp_path: Path) -> None:
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("a/x.txt", "a/deep/y.md", "a/deep/z.HTML", "a/noext", "a/skip.pdf", "a/.hidden.txt", "b.htm",
                 "a/saved.mht", "a/deep/saved.mhtml", "a/mail.eml", "a/notes.org", "a/deep/plan.rst", "a/page.wiki", "a/plan.adoc"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "a" / ".git").mkdir()
    (tmp_path / "a" / ".git" / "HEAD.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "ds").mkdir()
    (tmp_path / "a" / "ds" / "plans.txt").write_text("x", encoding="utf-8")
    got = collect_inputs([str(tmp_path / "a"), str(tmp_path / "*.htm"), str(tmp_path / "a" / "x.txt"),
                          str(tmp_path / "a" / "skip.pdf")], exclude=tmp_path / "a" / "ds")
    rel = [os.path.relpath(p, tmp_path) for p in got]
    # the explicit .pdf is taken (the user named it); the walk skips it, hidden entries and the dataset;
    # x.txt named twice is one input
    assert rel == ["a/deep/plan.rst", "a/deep/saved.mhtml", "a/deep/y.md", "a/deep/z.HTML", "a/mail.eml", "a/noext",
                   "a/notes.org", "a/page.wiki", "a/plan.adoc", "a/saved.mht", "a/skip.pdf", "a/x.txt", "b.htm"]
    with pytest.raises(UsageError, match="no such file"):
        collect_inputs([str(tmp_path / "missing.txt")])
    with pytest.raises(UsageError, match="no file matches"):
        collect_inputs([str(tmp_path / "*.docx")])


# ------------------------------------------------------------------------------------------
# bad files
# ------------------------------------------------------------------------------------------


def test_each_bad_file_yields_exactly_one_record_with_a_stable_code(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.md").write_bytes(b"\n \n\t\n")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64)
    with open(src / "huge.txt", "wb") as fh:  # 200 MB, sparse: costs no disk
        fh.truncate(200 * 1024 * 1024)
    (src / "parens.txt").write_bytes(b"(" * (5 * 1024 * 1024))
    (src / "recipe.txt").write_text(
        "Cách nấu phở bò\n\nNguyên liệu: xương bò, bánh phở, hành, gừng, quế, hồi.\n\n"
        "Hầm xương trong tám giờ, nêm nước mắm cho vừa ăn, chan nước dùng lên bánh phở.\n", encoding="utf-8")
    os.symlink(src / "gone-target.txt", src / "gone.txt")
    os.mkfifo(src / "pipe.txt")
    summary = run_convert([str(src)], tmp_path / "ds", jobs=2, timeout=60)
    recs = _by_name(tmp_path / "ds")
    assert sorted(recs) == sorted(["good.txt", "empty.txt", "blank.md", "binary.txt", "huge.txt", "parens.txt",
                                   "recipe.txt", "gone.txt", "pipe.txt"])
    codes = {name: r.get("error") or r["status"] for name, r in recs.items()}
    assert codes == {"good.txt": "ok", "empty.txt": "E102", "blank.md": "E102", "binary.txt": "E103",
                     "huge.txt": "E104", "parens.txt": "E201", "recipe.txt": "E201", "gone.txt": "E101",
                     "pipe.txt": "E101"}
    assert recs["huge.txt"]["source"]["bytes"] == 200 * 1024 * 1024
    assert "exceeds the limit" in recs["huge.txt"]["message"]
    assert "not a regular file" in recs["pipe.txt"]["message"]
    assert summary.exit_code == 1
    assert summary.errors == {"E101": 2, "E102": 2, "E103": 1, "E104": 1, "E201": 2}
    # plans.jsonl and manifest.jsonl: same files, same order (sorted by path), consistent fields
    man = _manifest(tmp_path / "ds")
    assert [m["path"] for m in man] == [r["source"]["path"] for r in _records(tmp_path / "ds")]
    assert [m["path"] for m in man] == sorted(m["path"] for m in man)
    for m, r in zip(man, _records(tmp_path / "ds"), strict=True):
        assert m["sha256"] == r["source"]["sha256"] and m["error"] == r.get("error")
        assert m["parser_version"] == r["parser_version"]
    assert not (tmp_path / "ds" / PARTS).exists()


def test_max_bytes_option(tmp_path: Path) -> None:
    summary = run_convert([str(SEED)], tmp_path / "ds", jobs=1, max_bytes=1000)
    (rec,) = _records(tmp_path / "ds")
    assert rec["error"] == "E104" and summary.exit_code == 1


def test_a_100k_line_bullet_list_gives_one_record(tmp_path: Path) -> None:
    body = "".join(f"- Nhiệm vụ {i}: tăng cường công khai, minh bạch thủ tục hành chính.\n" for i in range(100_000))
    (tmp_path / "bullets.txt").write_text("Số: 9/KH-UBND\n\nKẾ HOẠCH\n\nI. NHIỆM VỤ\n\n" + body, encoding="utf-8")
    run_convert([str(tmp_path / "bullets.txt")], tmp_path / "ds", jobs=1, timeout=6)
    (rec,) = _records(tmp_path / "ds")
    # within the limit a plan (partial, with W601, if stages ran out of their time budget), else E301
    assert rec["record_type"] == "plan" or rec["error"] == "E301"
    if rec.get("status") == "ok":
        assert rec["number"] == "9/KH-UBND"
    elif rec.get("status") == "partial":  # a stage skipped for time says so
        assert "W601" in [w["code"] for w in rec["warnings"]]


# ------------------------------------------------------------------------------------------
# the runner's own limits
# ------------------------------------------------------------------------------------------


def _three_seeds_and(tmp_path: Path, extra: str) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:3]:
        shutil.copy(p, src / p.name)
    shutil.copy(SEED, src / extra)
    return src


def test_a_stuck_document_is_killed_at_the_time_limit_and_the_others_finish(tmp_path: Path) -> None:
    src = _three_seeds_and(tmp_path, "STUCK-ME.txt")
    hooks = {"_test_sleep": {"match": "STUCK-ME", "seconds": 600}}
    summary = run_convert([str(src)], tmp_path / "ds", jobs=2, timeout=3, options=hooks)
    recs = _by_name(tmp_path / "ds")
    assert recs["STUCK-ME.txt"]["error"] == "E301"
    assert "time limit of 3s" in recs["STUCK-ME.txt"]["message"]
    assert recs["STUCK-ME.txt"]["source"]["sha256"] == _by_name(tmp_path / "ds")["000_4b16b2b6e82d9d4b.txt"]["source"][
        "sha256"]
    assert [r["record_type"] for n, r in sorted(recs.items()) if n != "STUCK-ME.txt"] == ["plan"] * 3
    assert summary.errors == {"E301": 1}
    # same limit: the timeout is the document's answer, not retried ...
    again = run_convert([str(src)], tmp_path / "ds", jobs=2, timeout=3, options=hooks)
    assert (again.parsed, again.reused) == (0, 4)
    # ... a longer limit retries it (and here, without the hook, it parses)
    longer = run_convert([str(src)], tmp_path / "ds", jobs=2, timeout=30)
    assert (longer.parsed, longer.reused) == (1, 3)
    assert _by_name(tmp_path / "ds")["STUCK-ME.txt"]["record_type"] == "plan"


def test_a_dead_worker_gives_E302_and_is_replaced(tmp_path: Path) -> None:
    src = _three_seeds_and(tmp_path, "CRASH-ME.txt")
    summary = run_convert([str(src)], tmp_path / "ds", jobs=1, options={"_test_crash": "CRASH-ME"})
    recs = _by_name(tmp_path / "ds")
    assert recs["CRASH-ME.txt"]["error"] == "E302" and "exit code 3" in recs["CRASH-ME.txt"]["message"]
    assert sum(r["record_type"] == "plan" for r in recs.values()) == 3  # the replacement worker went on
    assert summary.exit_code == 1
    # a crash is not the document's fault: it is retried on the next run
    again = run_convert([str(src)], tmp_path / "ds", jobs=1)
    assert (again.parsed, again.reused) == (1, 3)


@pytest.mark.parametrize("hook", [{"_test_sleep": {"match": "0-BAD", "seconds": 600}}, {"_test_crash": "0-BAD"}],
                         ids=["killed", "died"])
def test_documents_queued_behind_a_killed_worker_are_parsed_by_its_replacement(tmp_path: Path, hook: dict) -> None:
    # a worker is sent its next document before it answers (so it never waits for the parent); "0-BAD"
    # sorts first, so with one worker the next seed is already queued on it when it is killed or dies
    src = _three_seeds_and(tmp_path, "0-BAD.txt")
    summary = run_convert([str(src)], tmp_path / "ds", jobs=1, timeout=3, options=hook)
    recs = _by_name(tmp_path / "ds")
    assert recs["0-BAD.txt"]["error"] == ("E301" if "_test_sleep" in hook else "E302")
    assert sorted(n for n, r in recs.items() if r["record_type"] == "plan") == sorted(
        p.name for p in src.iterdir() if p.name != "0-BAD.txt")
    assert len(_records(tmp_path / "ds")) == len(_manifest(tmp_path / "ds")) == 4
    assert summary.parsed == 4 and sum(summary.errors.values()) == 1


# ------------------------------------------------------------------------------------------
# resume
# ------------------------------------------------------------------------------------------


def test_rerun_skips_unchanged_files_and_force_redoes_everything(tmp_path: Path) -> None:
    src = tmp_path / "in"
    synthetic_archive(src, 12, CORPUS, seed=3)
    first = run_convert([str(src)], tmp_path / "ds", jobs=2)
    before = (tmp_path / "ds" / PLANS).read_bytes()
    assert (first.parsed, first.reused) == (12, 0)
    changed = sorted(src.rglob("*.txt"))[4]
    changed.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    second = run_convert([str(src)], tmp_path / "ds", jobs=2)
    assert (second.parsed, second.reused) == (1, 11)
    assert _by_name(tmp_path / "ds")[changed.name]["number"] == "72/KH-UBND"
    forced = run_convert([str(src)], tmp_path / "ds", jobs=2, force=True)
    assert (forced.parsed, forced.reused) == (12, 0)
    # removing an input removes its record: the dataset is exactly the inputs of the run
    changed.unlink()
    third = run_convert([str(src)], tmp_path / "ds", jobs=2)
    assert third.total == 11 and len(_records(tmp_path / "ds")) == 11
    assert before.count(b"\n") == 12


def _journal_lines(paths: list[str]) -> list[bytes]:
    """The journal lines a worker would have written for ``paths`` (as the batch runner builds them)."""
    from papi_extract.batch import _journal_line, _summary
    from papi_extract.cli import dump_record
    from papi_extract.pipeline import parse_path

    out = []
    for p in paths:
        rec = parse_path(p)
        out.append(_journal_line({"path": p, **_summary(rec), "seconds": 0.1, "time_limit": 60.0}, dump_record(rec)))
    return out


def test_torn_and_garbage_journal_lines_are_ignored(tmp_path: Path) -> None:
    src = tmp_path / "in"
    synthetic_archive(src, 6, CORPUS, seed=4)
    run_convert([str(src)], tmp_path / "ref", jobs=2)
    # A run that died: a journal with two complete lines, one torn line and a power-loss tail of NULs.
    ds = tmp_path / "ds"
    (ds / PARTS).mkdir(parents=True)
    lines = _journal_lines(sorted(str(p) for p in src.rglob("*.txt"))[:3])
    (ds / PARTS / "run-00000000000000000001-1.jsonl").write_bytes(
        lines[0] + lines[1] + lines[2][: len(lines[2]) // 2] + b"\x00" * 300)
    summary = run_convert([str(src)], ds, jobs=2)
    assert (summary.parsed, summary.reused) == (4, 2)
    assert (ds / PLANS).read_bytes() == (tmp_path / "ref" / PLANS).read_bytes()


@pytest.mark.slow
def test_kill_9_mid_run_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    src = tmp_path / "archive"
    synthetic_archive(src, 40, CORPUS, seed=7, mix=True)
    ref = run_convert([str(src)], tmp_path / "ref", jobs=2)  # the same code path as the command
    assert len(_records(tmp_path / "ref")) == 40

    ds = tmp_path / "ds"
    slow = {TEST_HOOKS_ENV: orjson.dumps({"_test_sleep": {"match": "", "seconds": 0.1}}).decode()}
    proc = subprocess.Popen([sys.executable, "-m", "papi_extract", "convert", str(src), "-o", str(ds), "--jobs", "2"],
                            cwd=ROOT, env={**os.environ, **slow}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    done = 0
    while time.monotonic() < deadline and done < 10:
        time.sleep(0.05)
        parts = list((ds / PARTS).glob("*.jsonl")) if (ds / PARTS).is_dir() else []
        done = sum(p.read_bytes().count(b"\n") for p in parts)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # killed mid-way: no dataset files yet (only the journal), and the workers went away by themselves
    assert not (ds / PLANS).exists() and not (ds / MANIFEST).exists()
    for _ in range(100):
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("orphaned workers outlived the killed parent")

    resumed = _cli("convert", str(src), "-o", str(ds), "--jobs", "2")
    assert resumed.returncode == ref.exit_code, resumed.stderr
    unchanged = int(resumed.stderr.decode().split(" unchanged")[0].rsplit(" ", 1)[1])
    assert 10 <= unchanged < 40
    assert (ds / PLANS).read_bytes() == (tmp_path / "ref" / PLANS).read_bytes()

    def strip(rows: list[dict]) -> list[dict]:
        return [{k: v for k, v in r.items() if k != "seconds"} for r in rows]

    assert strip(_manifest(ds)) == strip(_manifest(tmp_path / "ref"))
    assert not (ds / PARTS).exists()


# ------------------------------------------------------------------------------------------
# command line
# ------------------------------------------------------------------------------------------


def test_cli_exit_status_and_quiet(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    ds = str(tmp_path / "ds")
    bad = _cli("convert", str(SEED), str(tmp_path / "empty.txt"), "-o", ds)
    assert bad.returncode == 1, bad.stderr
    assert b"2 files" in bad.stderr and b"1 ok" in bad.stderr and b"E102" in bad.stderr  # the summary
    assert b"\x1b[" not in bad.stderr  # no progress bar: stderr is not a terminal
    assert len(_records(tmp_path / "ds")) == 2
    quiet = _cli("convert", str(SEED), str(tmp_path / "empty.txt"), "-o", ds, "--quiet")
    assert quiet.returncode == 1 and quiet.stderr == b""
    ok = _cli("convert", str(SEED), "-o", ds)  # the dataset is exactly the inputs: now all plans
    assert ok.returncode == 0, ok.stderr
    assert b"0 parsed, 1 unchanged" in ok.stderr and len(_records(tmp_path / "ds")) == 1
    for args in (["convert", str(tmp_path / "missing"), "-o", str(tmp_path / "x")],
                 ["convert", str(SEED), "-o", str(tmp_path / "x"), "--jobs", "0"]):
        r = _cli(*args)
        assert r.returncode == 2, (args, r.stderr)
    with pytest.raises(UsageError, match="not a directory"):
        run_convert([str(SEED)], tmp_path / "empty.txt")


def test_two_runs_cannot_write_one_dataset(tmp_path: Path) -> None:
    import fcntl

    ds = tmp_path / "ds"
    ds.mkdir()
    with open(ds / ".lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(UsageError, match="another papi-extract convert"):
            run_convert([str(SEED)], ds, jobs=1)
    assert not (ds / PLANS).exists()


def test_journal_line_with_altered_record_bytes_is_not_reused(tmp_path: Path) -> None:
    """A journal line whose record no longer matches its CRC-32 (bytes changed, even if still valid JSON) is
    parsed again; the checksum never reaches manifest.jsonl."""
    src = tmp_path / "in"
    synthetic_archive(src, 3, CORPUS, seed=5)
    run_convert([str(src)], tmp_path / "ref", jobs=1)
    ds = tmp_path / "ds"
    (ds / PARTS).mkdir(parents=True)
    good = _journal_lines(sorted(str(p) for p in src.rglob("*.txt")))
    altered = good[1].replace(b'"record_type":"plan"', b'"record_type":"plaN"', 1)
    assert altered != good[1]
    (ds / PARTS / "run-00000000000000000001-1.jsonl").write_bytes(good[0] + altered + good[2])
    summary = run_convert([str(src)], ds, jobs=1)
    assert (summary.parsed, summary.reused) == (1, 2)
    assert (ds / PLANS).read_bytes() == (tmp_path / "ref" / PLANS).read_bytes()
    assert b"crc32" not in (ds / MANIFEST).read_bytes()
