"""Encoders that turn Unicode text into the byte forms real archives hold.

Why in the package: the decode tests and the benchmark's mixed archive both need files in
Windows-1258, TCVN3, VNI, UTF-16 and double-decoded UTF-8, produced from the corpus seeds
rather than shipped as opaque binaries. The legacy tables are viparse's own (inverted), so
a fixture is exactly what viparse is meant to read back.

``expected_*`` give what a faithful decoder can recover: TCVN3 has no uppercase toned
letters (the ``.VnTimeH`` font drew them from lowercase bytes), so those come back lowercase except
in a line set wholly in capitals, which the decoder recognises; VNI has no ẳ/Ẳ, which the encoder
writes as ``?``.
"""

from __future__ import annotations

import codecs
import html
import random
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # the five marks Windows-1258 has as bytes
_SHAPES = frozenset("\u0302\u0306\u031b")  # circumflex, breve, horn: part of the base letter in 1258


@cache
def _inverse(name: str) -> dict[str, str]:
    from viparse.normalize.encodings import get_charmap

    charmap = get_charmap(name)
    if charmap is None:  # pragma: no cover - a viparse table we rely on
        raise LookupError(name)
    inv: dict[str, str] = {}
    for legacy, uni in charmap.pairs:
        inv.setdefault(uni, legacy)
    return inv


def _legacy_chars(text: str, name: str) -> str:
    inv = _inverse(name)
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inv:
            out.append(inv[ch])
        elif ch.lower() in inv and ch.lower() != ch:
            out.append(inv[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def expected_legacy(text: str, name: str) -> str:
    """The text a TCVN3/VNI file made from ``text`` can give back (lossy letters as decoded; for TCVN3, a
    line set in the capitals font back in capitals, as ``decode.caps_line`` recognises it)."""
    inv = _inverse(name)
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inv:
            out.append(ch)
        elif ch.lower() in inv and ch.lower() != ch:
            out.append(ch.lower())
        else:
            out.append(ch if ch.encode("cp1252", errors="replace") != b"?" or ch == "?" else "?")
    got = "".join(out)
    if name != "tcvn3":
        return got
    from papi_extract.decode import caps_line

    return "\n".join(line.upper() if caps_line(line) else line for line in got.split("\n"))


def encode_tcvn3(text: str) -> bytes:
    """TCVN3 (ABC, ``.VnTime``) bytes as a Windows 'ANSI' text file holds them."""
    return _legacy_chars(text, "tcvn3").encode("cp1252", errors="replace")


def encode_vni(text: str) -> bytes:
    """VNI-Windows (``VNI-Times``) bytes: a toned vowel is a base letter plus mark bytes."""
    return _legacy_chars(text, "vni").encode("cp1252", errors="replace")


def encode_cp1258(text: str) -> bytes:
    """Windows-1258: NFD, then circumflex/breve/horn recomposed into the base, tones as combining bytes."""
    out: list[str] = []
    base = ""
    tones: list[str] = []

    def emit() -> None:
        if base:
            out.append(base)
            out.extend(tones)

    for ch in unicodedata.normalize("NFD", text):
        if ch in _SHAPES and base:
            base = unicodedata.normalize("NFC", base + ch)
        elif ch in _TONES and base:
            tones.append(ch)
        else:
            emit()
            base, tones = ch, []
    emit()
    return "".join(out).encode("cp1258", errors="replace")


def mojibake(text: str) -> bytes:
    """UTF-8 read as Windows-1252 and saved again as UTF-8 (the classic double decode)."""
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252"

    return text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")


# ------------------------------------------------------------------------------------------
# synthetic archives (tests and benchmarks): corpus seeds sampled and recombined
# ------------------------------------------------------------------------------------------

_TOP_HEADING = regex.compile(r"^[#*\s]{0,12}(?:[IVX]{1,4}\s{0,2}[.:)]|PHỤ LỤC|Phụ lục)")
_NUMBER = regex.compile(r"(?<![\d/])(\d{1,2}),(\d{1,2})(?![\d,])")
_DOC_NO = regex.compile(r"(Số:\s{0,3})(\d{1,4})(/)")
_DAY = regex.compile(r"ngày (\d{1,2}) tháng (\d{1,2})")
_PROVINCES = ("Trà Vinh", "An Giang", "Hưng Yên", "Phú Yên")
_OTHER_PROVINCES = ("Bến Tre", "Đồng Tháp", "Thái Bình", "Khánh Hòa", "Quảng Nam", "Nghệ An", "Lào Cai",
                    "Cà Mau", "Bình Định", "Hà Tĩnh", "Sóc Trăng", "Kiên Giang")
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi")


@dataclass(slots=True)
class _Seed:
    head: list[str]
    sections: list[list[str]]
    tail: list[str]
    suffix: str


def _split_seed(text: str, suffix: str) -> _Seed:
    lines = text.split("\n")
    tail_at = next((i for i, x in enumerate(lines) if x.strip(" *#").startswith("Nơi nhận")), len(lines))
    body, tail = lines[:tail_at], lines[tail_at:]
    head: list[str] = []
    sections: list[list[str]] = []
    for line in body:
        if _TOP_HEADING.match(line):
            sections.append([line])
        elif sections:
            sections[-1].append(line)
        else:
            head.append(line)
    return _Seed(head, sections, tail, suffix)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    """Blank-line separated blocks (a table stays one block)."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [p for p in out if p]


def _vary(text: str, rng: random.Random) -> str:
    text = _DOC_NO.sub(lambda m: f"{m.group(1)}{rng.randint(1, 999)}{m.group(3)}", text)
    text = _DAY.sub(lambda m: f"ngày {rng.randint(1, 28):02d} tháng {rng.randint(1, 12)}", text)
    text = _NUMBER.sub(lambda m: f"{rng.randint(0, 9)},{rng.randint(0, 99):02d}", text)
    province = rng.choice(_OTHER_PROVINCES)
    for p in _PROVINCES:
        if p in text and rng.random() < 0.5:
            text = text.replace(p, province)
    text = regex.sub(r"\b(Nguyễn|Trần|Cao|Phạm|Lê)\b", lambda m: rng.choice(_SURNAMES), text)
    return text


def synthetic_document(seeds: list[_Seed], rng: random.Random) -> tuple[str, str]:
    """One plan-shaped document: a seed's header and closing, sections drawn from several seeds,
    paragraphs shuffled inside sections, numbers, dates and names varied. Returns (text, suffix)."""
    base = rng.choice(seeds)
    sections: list[list[str]] = []
    for i, sec in enumerate(base.sections or [[]]):
        donors = [s for s in seeds if len(s.sections) > i]
        src = rng.choice(donors).sections[i] if donors and rng.random() < 0.5 else sec
        heading, paras = src[:1], _paragraphs(src[1:])
        if len(paras) > 2:
            k = rng.randint(0, len(paras) - 2)
            paras[k], paras[k + 1] = paras[k + 1], paras[k]
        sections.append(heading + [""] + [x for p in paras for x in (*p, "")])
    head = base.head
    if not base.sections:  # a news article: shuffle two of its paragraphs instead
        paras = _paragraphs(head)
        if len(paras) > 2:
            k = rng.randint(0, len(paras) - 2)
            paras[k], paras[k + 1] = paras[k + 1], paras[k]
        head = [x for p in paras for x in (*p, "")]
    lines = head + [x for s in sections for x in s] + base.tail
    return _vary("\n".join(lines), rng), base.suffix


def load_seeds(corpus: Path) -> list[_Seed]:
    return [_split_seed(p.read_text(encoding="utf-8"), p.suffix) for p in sorted(corpus.glob("*.txt"))]


def synthetic_archive(out_dir: Path, n: int, corpus: Path, *, seed: int = 0, mix: bool = False,
                      subdirs: int = 10) -> list[Path]:
    """Write ``n`` recombined documents under ``out_dir`` (spread over ``subdirs`` folders).

    ``mix``: like a real archive, about 8% markdown, 6% HTML pages, 3% UTF-16, 2% Windows-1258,
    1% TCVN3 and 1% VNI; otherwise every file is UTF-8 ``.txt``.
    """
    rng = random.Random(seed)
    seeds = load_seeds(corpus)
    paths: list[Path] = []
    for k in range(n):
        text, _ = synthetic_document(seeds, rng)
        suffix, data = ".txt", None
        if mix:
            r = rng.random()
            if r < 0.08:
                suffix = ".md"
            elif r < 0.14:
                suffix, data = ".html", to_html_page(text).encode("utf-8")
            elif r < 0.17:
                data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
            elif r < 0.19:
                data = encode_cp1258(text)
            elif r < 0.20:
                data = encode_tcvn3(text)
            elif r < 0.21:
                data = encode_vni(text)
        folder = out_dir / f"batch{k % subdirs:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"plan{k:06d}{suffix}"
        path.write_bytes(data if data is not None else text.encode("utf-8"))
        paths.append(path)
    return paths


def _inline_html(s: str) -> str:
    s = html.escape(s, quote=False)
    return regex.sub(r"\*\*([^*]{1,500})\*\*", r"<b>\1</b>", s)


def to_html_page(text: str) -> str:
    """A plausible portal page: the plan's headings, lists, paragraphs and tables inside site chrome
    (menu, sidebar, footer, script, style) that an HTML reader must drop."""
    body: list[str] = []
    mode = ""
    for line in text.splitlines():
        kind = "table" if "\t" in line else "ul" if line.startswith("- ") else "p"
        if kind != mode and mode in ("table", "ul"):
            body.append(f"</{mode}>")
        if kind in ("table", "ul") and kind != mode:
            body.append(f"<{kind}>")
        mode = kind
        if not line.strip():
            continue
        m = regex.match(r"^(#{1,6}) (.*)$", line)
        if kind == "table":
            body.append("<tr>" + "".join(f"<td>{_inline_html(c)}</td>" for c in line.split("\t")) + "</tr>")
        elif kind == "ul":
            body.append(f"<li>{_inline_html(line[2:])}</li>")
        elif m:
            n = len(m.group(1))
            body.append(f"<h{n}>{_inline_html(m.group(2).replace('**', ''))}</h{n}>")
        else:
            body.append(f"<p>{_inline_html(line)}</p>")
    if mode in ("table", "ul"):
        body.append(f"</{mode}>")
    return (
        "<!DOCTYPE html><html><head><title>Cổng thông tin</title><style>.menu{color:red}</style>"
        "<script>var tracker = 'KẾ HOẠCH giả';</script></head><body>"
        "<header><nav><ul><li><a href='/'>Trang chủ</a></li><li><a href='/gt'>Giới thiệu</a></li></ul></nav>"
        "</header><div class='wrap'><article class='content'>" + "\n".join(body) + "</article>"
        "<aside><h3>Thống kê truy cập</h3><p>Tổng truy cập 6.331.530</p></aside></div>"
        "<footer><p>Bản quyền thuộc về UBND tỉnh</p></footer></body></html>"
    )
