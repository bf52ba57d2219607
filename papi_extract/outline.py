"""Stage 3: segment the canonical text into the body, the section tree and body blocks.

reads: ``ctx.norm``; writes: ``ctx.body_start``, ``ctx.body_end``, ``ctx.sections``,
``ctx.blocks``, ``ctx.heading_lines``.

The numbering decides a heading's level (Roman 1, arabic 2, "1.1" 3, letters one below their
parent), never the markdown ``#`` count, which writers use inconsistently. Markdown levels,
bold and upper case are only evidence that a labelled line is a heading rather than a
numbered task sentence ("4.1 Tiếp tục phối hợp ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
import yaml

from papi_extract.context import Block, DocContext
from papi_extract.models import Section
from papi_extract.normalize import collapse_ws, fold
from papi_extract.tables import bar_table_regions

DATA = Path(__file__).parent / "data"

# Label shapes. All linear: anchored, bounded repeats, no nested quantifiers.
_LEAD_BULLET = r"(?:[-–—•]\s{0,3})?"
ROMAN_RE = regex.compile(r"^\s{0,4}" + _LEAD_BULLET + r"(?P<label>[IVXL]{1,6})\s{0,2}[.):]\s{0,4}(?P<title>\S.*)$")
ROMAN_BARE_RE = regex.compile(r"^\s{0,4}(?P<label>[IVXL]{1,6})\s{1,4}(?P<title>\S.*)$")
DOTTED_RE = regex.compile(r"^\s{0,4}" + _LEAD_BULLET + r"(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s{1,4}(?P<title>[^\d\s].*)$")
ARABIC_RE = regex.compile(r"^\s{0,4}" + _LEAD_BULLET + r"(?P<label>\d{1,2})\s{0,2}[.)]\s{0,4}(?P<title>[^\d\s].*)$")
LETTER_RE = regex.compile(r"^\s{0,4}" + _LEAD_BULLET + r"(?P<label>[a-zđ])\s{0,2}[.)]\s{1,4}(?P<title>\S.*)$")
APPENDIX_RE = regex.compile(r"^\s{0,4}(?P<kw>ph[uụ]\s{1,3}l[uụ]c)\s{0,3}(?:s[oố]\s{1,3})?(?P<label>[IVXL]{1,6}|\d{1,2})?\s{0,3}[.:]?\s{0,4}(?P<title>.{0,300})$", regex.I)
BULLET_RE = regex.compile(r"^(?P<indent>\s{0,12})(?P<marker>(?:[-–—•]\s{0,3})?[-–—•+*✓➢▪◦○●])\s{0,4}(?P<rest>\S.*)$")
ROMAN_VALID = regex.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
_WORD = regex.compile(r"\w+")
_BAR_LINE_ANY = regex.compile(r"(?m)^[ \t]{0,8}\|[ \t]{0,8}$")
_UPPER_LETTERS = regex.compile(r"\p{Lu}")
_LOWER_LETTERS = regex.compile(r"\p{Ll}")


@dataclass(frozen=True, slots=True)
class OutlineVocab:
    doc_type_lines: frozenset[str]
    section_kinds: tuple[tuple[str, tuple[str, ...]], ...]
    tasks_exact_titles: frozenset[str]
    tail_openings: tuple[str, ...]
    signature_lines: tuple[str, ...]
    chrome_openings: tuple[str, ...]
    chrome_tail_openings: tuple[str, ...]
    closing_openings: tuple[str, ...]
    result_cues: tuple[str, ...]


@lru_cache(maxsize=1)
def vocab() -> OutlineVocab:
    raw = yaml.safe_load((DATA / "outline.yaml").read_text(encoding="utf-8"))
    return OutlineVocab(
        doc_type_lines=frozenset(raw["doc_type_lines"]),
        section_kinds=tuple((k, tuple(v)) for k, v in raw["section_kinds"].items()),
        tasks_exact_titles=frozenset(raw["tasks_exact_titles"]),
        tail_openings=tuple(raw["tail_openings"]),
        signature_lines=tuple(raw["signature_lines"]),
        chrome_openings=tuple(raw["chrome_openings"]),
        chrome_tail_openings=tuple(raw["chrome_tail_openings"]),
        closing_openings=tuple(raw["closing_openings"]),
        result_cues=tuple(raw["result_cues"]),
    )


@dataclass(slots=True)
class _Heading:
    line: int
    shape: str  # roman | appendix | arabic | dotted | letter
    label: str
    title_start: int
    title_end: int
    content_start: int  # run-in content after the title ("5. X: content"), -1 if none
    level: int = 0


def roman_to_int(s: str) -> int:
    vals = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for i, c in enumerate(s):
        v = vals[c]
        total += -v if i + 1 < len(s) and vals[s[i + 1]] > v else v
    return total


def _is_upper_title(s: str) -> bool:
    up = len(_UPPER_LETTERS.findall(s))
    low = len(_LOWER_LETTERS.findall(s))
    return up >= 3 and low <= up * 0.15


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _phrases_re(phrases: tuple[str, ...], anchored: bool) -> regex.Pattern[str]:
    """One compiled alternation per named phrase tuple (longest first, word-bounded)."""
    alts = "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True))
    if anchored:
        return regex.compile(r"^[\s\-*#:|]{0,8}(?:" + alts + r")")
    return regex.compile(r"(?<!\w)(?:" + alts + r")(?!\w)")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, object]:
    v = vocab()
    return {
        "kinds": tuple((kind, _phrases_re(phr, False)) for kind, phr in v.section_kinds),
        "appendix": _phrases_re(v.section_kinds[0][1], True),
        "chrome": _phrases_re(v.chrome_openings, True),
        "tail": _phrases_re(v.tail_openings + v.chrome_tail_openings, True),
        "signature": _phrases_re(v.signature_lines, True),
        "closing": _phrases_re(v.closing_openings, True),
    }


@lru_cache(maxsize=4096)
def section_kind(title: str, parent_kind: str | None) -> str:
    """Kind from the heading's own words at top level; children inherit."""
    f = fold(collapse_ws(title)).strip(" :.")
    pats = _patterns()
    if parent_kind not in (None, "other"):
        if parent_kind != "appendix" and pats["appendix"].match(f):  # type: ignore[attr-defined]
            return "appendix"
        return parent_kind
    if f in vocab().tasks_exact_titles:
        return "tasks"
    for kind, rx in pats["kinds"]:  # type: ignore[attr-defined]
        if rx.search(f):
            return kind
    return "other"


class _Lines:
    """Per-line views used by the segmenter."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.n = len(ctx.norm.lines)

    def text(self, i: int) -> str:
        return self.ctx.norm.line_text(i)

    def folded(self, i: int) -> str:
        li = self.ctx.norm.lines[i]
        return self.ctx.folded[li.start : li.end]

    def blank(self, i: int) -> bool:
        return not self.text(i).strip()

    def is_table(self, i: int) -> bool:
        t = self.text(i)
        if "\t" in t:
            return True
        s = t.strip()
        return s.startswith("|") and s.count("|") >= 2


def _find_tail(lines: _Lines, start_line: int) -> int:
    """First line of the tail (Nơi nhận, signature block, trailing chrome), or n."""
    pats = _patterns()
    tail_rx, sig_rx = pats["tail"], pats["signature"]
    for i in range(start_line, lines.n):
        if tail_rx.match(lines.folded(i)):  # type: ignore[attr-defined]
            return i
    # No "Nơi nhận": a signature block near the end ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH").
    for i in range(max(start_line, lines.n - 25), lines.n):
        if sig_rx.match(lines.folded(i)):  # type: ignore[attr-defined]
            return i
    return lines.n


def _is_chrome(f: str) -> bool:
    return bool(_patterns()["chrome"].match(f))  # type: ignore[attr-defined]


def _title_block_end(lines: _Lines) -> int:
    """Line index after the document-type line and its subject line(s); 0 if none found."""
    v = vocab()
    limit = min(lines.n, 80)
    for i in range(limit):
        f = collapse_ws(lines.folded(i).strip(" *#:"))
        if f in v.doc_type_lines:
            j = i + 1
            while j < lines.n and lines.blank(j):
                j += 1
            # the subject line(s): consecutive non-blank lines, or markdown heading lines
            k = j
            while k < lines.n and not lines.blank(k):
                k += 1
            # A second short subject line after a blank (markdown "### Về việc ...") belongs too.
            while (k + 1 < lines.n and lines.blank(k) and lines.ctx.norm.lines[k + 1].md_level
                   and not _match_heading(lines, k + 1, False)):
                k += 2
            return k
    return 0


def _match_heading(lines: _Lines, i: int, in_organization: bool) -> _Heading | None:
    text = lines.text(i)
    if not text.strip() or lines.is_table(i) or len(text) > 600:
        return None
    info = lines.ctx.norm.lines[i]
    base = info.start
    m = APPENDIX_RE.match(text)
    if m and _words(m.group("title") or "") <= 40 and (m.group("label") or not (m.group("title") or "").strip()):
        if _is_upper_title(text) or not m.group("title").strip() or info.md_level or info.bold:
            label = m.group("label") or ""
            return _Heading(i, "appendix", f"PL-{label}" if label else "PL", base + m.end(), base + m.end(), -1)
    for shape, rx in (("roman", ROMAN_RE), ("dotted", DOTTED_RE), ("arabic", ARABIC_RE), ("letter", LETTER_RE)):
        m = rx.match(text)
        if not m:
            continue
        label = m.group("label")
        if shape == "roman" and not ROMAN_VALID.match(label):
            continue
        ts = base + m.start("title")
        te = base + len(text)
        title = m.group("title")
        # bold is evidence only when it covers the title, not just the label ("**1.** Giao Sở X …")
        bold = info.bold and not (0 <= info.bold_end <= m.start("title"))
        strong = bool(info.md_level) or bold or _is_upper_title(title) or shape == "roman"
        content_start = -1
        if bold and info.bold_end > 0 and info.bold_end < len(text):
            # "**5. Quản trị môi trường:** Chất lượng ..." : bold run-in head, content after it
            head = text[m.start("title") : info.bold_end]
            if head.rstrip().endswith(":") and text[info.bold_end :].strip():
                if in_organization and shape == "arabic":
                    return None  # "2. Cơ quan X: duty" in the organization section is a task
                te = base + info.bold_end
                content_start = base + info.bold_end + (len(text[info.bold_end :]) - len(text[info.bold_end :].lstrip()))
                return _Heading(i, shape, label, ts, _rstrip_end(lines, ts, te), content_start)
        stripped = title.rstrip()
        if strong:
            if _words(title) > 60 and stripped.endswith("."):
                return None
            return _Heading(i, shape, label, ts, _rstrip_end(lines, ts, te), content_start)
        if stripped.endswith((".", ";", ".”", '."', "…")) and not stripped.endswith("./."):
            return None
        if stripped.endswith(":"):
            if not _followed_by_items(lines, i) or _words(title) > 45:
                return None
            return _Heading(i, shape, label, ts, _rstrip_end(lines, ts, te), -1)
        if _words(title) > 40:
            return None
        return _Heading(i, shape, label, ts, _rstrip_end(lines, ts, te), -1)
    return None


def _rstrip_end(lines: _Lines, start: int, end: int) -> int:
    text = lines.ctx.text
    while end > start and text[end - 1] in " \t:.;*_":
        end -= 1
    return end


def _followed_by_items(lines: _Lines, i: int) -> bool:
    j = i + 1
    while j < lines.n and lines.blank(j):
        j += 1
    if j >= lines.n:
        return False
    t = lines.text(j)
    return bool(BULLET_RE.match(t) or LETTER_RE.match(t) or ARABIC_RE.match(t) or DOTTED_RE.match(t))


def _shape_level(shape: str, label: str) -> int:
    if shape in ("roman", "appendix"):
        return 1
    if shape == "arabic":
        return 2
    if shape == "dotted":
        return label.count(".") + 2
    return 0  # letters: relative to parent


def segment(ctx: DocContext) -> None:
    lines = _Lines(ctx)
    closing_rx = _patterns()["closing"]
    start_line = _title_block_end(lines)
    tail_line = _find_tail(lines, start_line)
    resume_line = _find_appendix_after(lines, tail_line)
    ctx.body_start = ctx.norm.lines[start_line].start if start_line < lines.n else len(ctx.text)
    ctx.body_end = ctx.norm.lines[tail_line].start if tail_line < lines.n else -1
    ctx.tail_end = ctx.norm.lines[resume_line].start if resume_line < lines.n else -1

    sections: list[Section] = []
    stack: list[Section] = []
    shapes: dict[str, str] = {}  # section id -> label shape
    blocks: list[Block] = []
    cur: Block | None = None
    prev_blank = True
    expected_next: dict[tuple[str | None, str], int] = {}

    def current_section() -> Section | None:
        return stack[-1] if stack else None

    # Lines inside a one-cell-per-line table (cells between "|" lines) are cells and group rows
    # ("1. Chỉ số Tham gia ..." between two rows), never headings.
    in_table: set[int] = set()
    if _BAR_LINE_ANY.search(ctx.text):  # cheap gate: most documents hold no "|" line at all
        texts = [lines.text(i) for i in range(lines.n)]
        for a, b in bar_table_regions(texts, start_line, tail_line):
            in_table.update(range(a, b))

    for i in (*range(start_line, tail_line), *range(resume_line, lines.n)):
        text = lines.text(i)
        if not text.strip():
            prev_blank = True
            continue
        f = lines.folded(i)
        if _is_chrome(f):
            prev_blank = True
            cur = None
            continue
        parent = current_section()
        in_org = any(s.kind == "organization" for s in stack)
        h = _match_heading(lines, i, in_org) if i not in in_table else None
        if h is not None:
            level = _shape_level(h.shape, h.label)
            if h.shape == "letter":
                anchor = next((s for s in reversed(stack) if shapes[s.id] != "letter"), None)
                level = (anchor.level + 1) if anchor else 3
            while stack and stack[-1].level >= level:
                stack.pop()
            par = stack[-1] if stack else None
            title = collapse_ws(ctx.text[h.title_start : h.title_end])
            if h.shape == "appendix" and not title:
                title = _appendix_title(lines, i)
            kind = section_kind(title if h.shape != "appendix" else "phu luc " + title, par.kind if par else None)
            if h.shape == "appendix":
                kind = "appendix"
            sec_start = ctx.norm.lines[i].start
            sec = Section(
                id=f"s{len(sections) + 1}", label=h.label, title=title, level=level,
                parent=par.id if par else None, kind=kind,  # type: ignore[arg-type]
                span=(sec_start, sec_start),
            )
            _check_numbering(ctx, expected_next, par.id if par else None, h, sec_start)
            sections.append(sec)
            stack.append(sec)
            shapes[sec.id] = h.shape
            ctx.heading_lines[i] = sec.id
            cur = None
            if h.content_start >= 0:
                end = ctx.norm.lines[i].end
                cur = Block("para", h.content_start, end, h.content_start, i, section=sec.id,
                            pieces=[(h.content_start, end)])
                blocks.append(cur)
            prev_blank = False
            continue
        info = ctx.norm.lines[i]
        sec_id = parent.id if parent else None
        stripped_start = info.start + (len(text) - len(text.lstrip()))
        if lines.is_table(i):
            cur = Block("table_row", info.start, info.end, info.start, i, section=sec_id, pieces=[(info.start, info.end)])
            blocks.append(cur)
            prev_blank = False
            continue
        first = text.lstrip()[:1]
        is_closing = closing_rx.match(f) is not None
        # A closing phrase ("Trên đây là ...") always opens its own block, blank line or not.
        is_cont = cur is not None and cur.kind != "table_row" and not is_closing and (
            (not prev_blank and not _starts_item(text)) or (prev_blank and first.islower() and not _starts_item(text))
        )
        if is_cont and cur is not None:
            cur.end = info.end
            cur.pieces.append((stripped_start, info.end))
            prev_blank = False
            continue
        cur = _make_block(ctx, lines, i, sec_id)
        if is_closing:
            cur.kind = "closing"
        blocks.append(cur)
        prev_blank = False

    # Section spans: heading line to the next heading of the same or higher level, never into the tail.
    heading_starts = [(s.span[0], s) for s in sections]
    for idx, (start, sec) in enumerate(heading_starts):
        end = len(ctx.text)
        if ctx.body_end >= 0 and start < ctx.body_end:
            end = ctx.body_end
        for start2, sec2 in heading_starts[idx + 1 :]:
            if sec2.level <= sec.level:
                end = start2
                break
        end = _trim_end(ctx.text, start, end)
        sec.span = (start, end)
    _kinds_from_content(ctx, sections)
    ctx.sections = sections
    ctx.blocks = blocks
    if not sections:
        ctx.warn("W302", "no section headings found")


def _find_appendix_after(lines: _Lines, tail_line: int) -> int:
    """Appendices printed after the signature ("PHỤ LỤC I") are body again: their first line, or n."""
    for i in range(tail_line + 1, lines.n):
        m = APPENDIX_RE.match(lines.text(i))
        if m and (m.group("label") or not (m.group("title") or "").strip()) and _is_upper_title(lines.text(i)):
            return i
    return lines.n


def _kinds_from_content(ctx: DocContext, sections: list[Section]) -> None:
    """A section the heading words leave as "other" but whose text reports index results
    ("Đạt 5,47/10 điểm ..., xếp vị thứ 22/63") is an analysis of results: limitations."""
    rx = _result_cue_re()
    for sec in sections:
        if sec.kind != "other":
            continue
        if rx.search(ctx.folded, sec.span[0], sec.span[1]):
            sec.kind = "limitations"
            for child in sections:
                if child.parent == sec.id and child.kind == "other":
                    child.kind = "limitations"


@lru_cache(maxsize=1)
def _result_cue_re() -> regex.Pattern[str]:
    cues = "|".join(regex.escape(c) for c in vocab().result_cues)
    return regex.compile(r"(?<!\w)(?:" + cues + r")\s{0,3}\d{1,2}[,.]\d{1,2}(?:\s{0,2}/\s{0,2}\d{1,2})?\s{0,3}diem")


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return end


def _starts_item(text: str) -> bool:
    return bool(BULLET_RE.match(text) or LETTER_RE.match(text) or ARABIC_RE.match(text) or DOTTED_RE.match(text))


def _make_block(ctx: DocContext, lines: _Lines, i: int, sec_id: str | None) -> Block:
    text = lines.text(i)
    info = ctx.norm.lines[i]
    base = info.start
    indent = len(text) - len(text.lstrip())
    m = BULLET_RE.match(text)
    if m:
        marker = m.group("marker").replace(" ", "")
        if len(marker) > 1 and marker[0] in "-–—•":
            marker = marker[-1]  # "- +" : the inner marker is the real one
        ts = base + m.start("rest")
        # "- 4.1 ..." / "+ a) ..." : a label right after the bullet
        rest = m.group("rest")
        lm = DOTTED_RE.match(rest) or ARABIC_RE.match(rest) or LETTER_RE.match(rest)
        label = None
        if lm and marker in "-–—•":
            label = lm.group("label")
            ts = base + m.start("rest") + lm.start("title")
        return Block("bullet", base + indent, info.end, ts, i, marker=marker, label=label, indent=indent,
                     section=sec_id, pieces=[(ts, info.end)])
    for rx in (DOTTED_RE, ARABIC_RE, LETTER_RE):
        lm = rx.match(text)
        if lm:
            ts = base + lm.start("title")
            label = lm.group("label")
            return Block("item", base + indent, info.end, ts, i, marker=label, label=label, indent=indent,
                         section=sec_id, pieces=[(ts, info.end)])
    return Block("para", base + indent, info.end, base + indent, i, indent=indent, section=sec_id,
                 pieces=[(base + indent, info.end)])


def _appendix_title(lines: _Lines, i: int) -> str:
    """Appendix titles are the upper-case lines right under "PHỤ LỤC I"."""
    parts: list[str] = []
    j = i + 1
    while j < lines.n and len(parts) < 6:
        t = lines.text(j).strip()
        if not t:
            if parts:
                break
            j += 1
            continue
        if lines.is_table(j) or not _is_upper_title(t):
            break
        parts.append(t)
        j += 1
    return collapse_ws(" ".join(parts))


def _check_numbering(ctx: DocContext, expected: dict[tuple[str | None, str], int], parent: str | None,
                     h: _Heading, off: int) -> None:
    """W301 when a label skips or repeats under the same parent (1, 2, 4 ...)."""
    if h.shape in ("appendix",):
        return
    last = h.label.split(".")[-1]
    if h.shape == "roman":
        n = roman_to_int(h.label)
    elif h.shape == "letter":
        order = "abcdđefghijklmnopqrstuvwxyz"
        n = order.index(h.label) + 1 if h.label in order else 0
    else:
        n = int(last)
    key = (parent, h.shape)
    prev = expected.get(key)
    if prev is not None and n != prev + 1:
        ctx.warn("W301", f"heading label {h.label!r} follows {prev} under the same parent", (off, off + len(h.label)))
    expected[key] = n
