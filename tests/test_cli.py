"""The CLI is a thin layer: one JSON line per file, errors as records, exit status at the end."""

from __future__ import annotations

import subprocess
import sys

import orjson
from conftest import CORPUS, ROOT


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "papi_extract", *args], input=stdin, capture_output=True,
                          cwd=ROOT, timeout=120)


def test_parse_writes_one_line_per_file_and_errors_do_not_stop_the_run(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    seed = CORPUS / "000_4b16b2b6e82d9d4b.txt"
    r = _run("parse", str(empty), str(seed), str(missing))
    assert r.returncode == 1
    lines = [orjson.loads(x) for x in r.stdout.splitlines()]
    assert [x["record_type"] for x in lines] == ["error", "plan", "error"]
    assert lines[0]["error"] == "E102" and "empty.txt" in lines[0]["message"]
    assert lines[2]["error"] == "E101" and "missing.txt" in lines[2]["message"]
    assert lines[1]["number"] == "72/KH-UBND"
    assert "Duỳn" not in r.stdout.decode("utf-8").split('"place"')[1][:30]  # the place is corrected
    assert b"\\u" not in r.stdout  # UTF-8, no ASCII escaping


def test_parse_stdin_and_with_text(tmp_path) -> None:
    data = (CORPUS / "002_d864ec65d4d55f1c.txt").read_bytes()
    r = _run("parse", "-", "--with-text", stdin=data)
    assert r.returncode == 0, r.stderr
    rec = orjson.loads(r.stdout)
    assert rec["source"]["path"] == "<stdin>"
    assert rec["text"].startswith("Số: 11/KH-UBND") or "Số: 11/KH-UBND" in rec["text"][:200]


def test_parse_output_file(tmp_path) -> None:
    out = tmp_path / "out.jsonl"
    r = _run("parse", str(CORPUS / "001_ed759b2d6399facb.txt"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert orjson.loads(out.read_bytes())["number"] == "179/KH-UBND"


def test_help_on_every_command() -> None:
    for cmd in ("parse", "schema"):
        r = _run(cmd, "--help")
        assert r.returncode == 0 and b"Usage" in r.stdout
