"""A plan forwarded by e-mail and saved as text: the quoted plan, not the mail around it.

Why: archives keep plans that reached a department as an e-mail ("Từ: … / Gửi: … / Chủ đề: Fwd: …")
whose body quotes the plan line by line with "> ", under a cover note that may itself quote a task
or two. Read as it is, every line of the plan opens with ">" (no label, no heading is seen) and the
cover note's words precede the plan's header. The plan is the longest run of quoted lines: it is
kept with one level of quoting removed and its soft line breaks undone (a line the mail client wrapped
ends with a space), and the mail headers, cover note and signature around it are dropped (a reply
quoted inside it keeps its inner level and ends up after the plan's signature).

Only a text whose first lines are mail headers is touched, so a markdown block quote or a plain
text with a stray ">" is left alone. One pass over the lines (linear).

A markdown file's block quotes are read here too (``indent_block_quotes``): pandoc writes a Word paragraph
indented from the margin as one, so the marks are indentation unless the block quotes a text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex
import yaml

_DATA = Path(__file__).parent / "data"
_HEAD_LINES = 12  # the headers sit in the first lines
_MIN_HEADERS = 3
_MIN_RUN = 20  # quoted lines: a cover note's quote of one task is shorter
_QUOTE = regex.compile(r"^>[ \t]?")


@lru_cache(maxsize=1)
def _header_re() -> regex.Pattern[str]:
    """A mail header line ("Chủ đề: …", "From: …"), on folded text: header_fields in email.yaml."""
    from papi_extract.normalize import fold  # (normalize imports this module)

    raw = yaml.safe_load((_DATA / "email.yaml").read_text(encoding="utf-8"))
    names = sorted((fold(str(f)) for f in raw["header_fields"]), key=len, reverse=True)
    return regex.compile(r"^(?:" + "|".join(r"\s".join(map(regex.escape, n.split())) for n in names) + r")\s{0,3}:")


def is_forwarded_mail(text: str) -> bool:
    """At least three mail header fields among the first lines, and lines quoted with ">"."""
    if "\n>" not in text:
        return False
    from papi_extract.normalize import fold  # (normalize imports this module)

    rx = _header_re()
    lines = text[:2000].split("\n", _HEAD_LINES)[:_HEAD_LINES]
    return sum(1 for ln in lines if rx.match(fold(ln[:12]))) >= _MIN_HEADERS


def quoted_plan(text: str) -> str:
    """The longest run of quoted lines with one level of quoting removed, or ``text`` when no run is long
    enough to be the plan."""
    lines = text.split("\n")
    best = (0, 0)
    start = -1
    for i, line in enumerate((*lines, "")):
        if line.startswith(">"):
            if start < 0:
                start = i
            continue
        if start >= 0:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = -1
    a, b = best
    if b - a < _MIN_RUN:
        return text
    return _unflow([_QUOTE.sub("", line, count=1) for line in lines[a:b]])


def _unflow(lines: list[str]) -> str:
    """Soft line breaks undone: a mail client that wraps at ~72 columns ends each wrapped line with a space
    (RFC 3676 "format=flowed"), so a line ending in a space goes on in the next one; a line ending without
    one ends its paragraph (or table row)."""
    out: list[str] = []
    cur = ""
    for line in lines:
        if cur:
            cur += line.lstrip(" ") if line.strip() else ""
        else:
            cur = line
        if not (line.endswith(" ") and line.strip()):
            out.append(cur.rstrip(" "))
            cur = ""
    if cur:
        out.append(cur.rstrip(" "))
    return "\n".join(out)


# A markdown block quote: its lines open on one or more ">" marks. Pandoc writes a Word paragraph indented from the
# margin as a block quote ("> Phòng Nội vụ tham mưu …" / "> > Thời gian hoàn thành: Quý III/2023."): the marks are
# that indentation, four spaces a level. A block that quotes a text ("> **Trích Mục III Kế hoạch số …:**", "> Nguyên
# văn: …") or a signature stamp ("> Ký bởi: …") stays a quote. Linear: each line is matched once at its start.
_QUOTE_MARKS = regex.compile(r"^[ \t]{0,3}((?:>[ \t]?)+)", regex.M)


@lru_cache(maxsize=1)
def _quote_caption() -> regex.Pattern[str]:
    """The opening of a block that quotes a text (email.yaml quote_captions), after marks and emphasis."""
    raw = yaml.safe_load((_DATA / "email.yaml").read_text(encoding="utf-8"))
    words = sorted((str(w) for w in raw["quote_captions"]), key=len, reverse=True)
    return regex.compile(r"^[\s>*_#\"“]{0,12}(?:" + "|".join(r"\s+".join(map(regex.escape, w.split())) for w in words)
                         + r")(?![\p{L}])", regex.I)


def indent_block_quotes(text: str) -> str:
    """``text`` with each markdown block quote that is indentation rewritten as indented lines (see above)."""
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not block:
            return
        first = next((ln for ln in block if ln.strip(" \t>")), "")
        if _quote_caption().match(first):
            out.extend(block)
        else:
            for ln in block:
                m = _QUOTE_MARKS.match(ln)
                assert m is not None
                rest = ln[m.end():]
                out.append("    " * m.group(1).count(">") + rest if rest.strip() else "")
        block.clear()

    for ln in lines:
        if _QUOTE_MARKS.match(ln):
            block.append(ln)
        else:
            flush()
            out.append(ln)
    flush()
    return "\n".join(out)
