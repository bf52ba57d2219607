"""The pure core: ``parse_text`` (text -> PlanDocument) and ``parse_path`` (never raises).

The CLI, the batch converter and the benchmark are thin layers over these functions.
"""

from __future__ import annotations

import hashlib
import stat
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from papi_extract import __version__
from papi_extract.context import DocContext
from papi_extract.decode import DecodeFailure, decode_bytes
from papi_extract.models import ParseError, PlanDocument, Source, Warning
from papi_extract.normalize import normalize

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_TIME_BUDGET = 30.0  # seconds of stage time per document before stages are skipped


@dataclass(frozen=True, slots=True)
class Stage:
    """A pipeline stage: what it needs on the context and what it writes there."""

    name: str
    run: Callable[[DocContext], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _stages() -> list[Stage]:
    from papi_extract import header, outline

    stages = [
        Stage("outline", outline.segment, ("norm",), ("sections", "blocks", "body_start", "body_end")),
        Stage(
            "header",
            header.extract_header,
            ("norm", "sections", "body_start", "body_end"),
            ("number", "symbol", "doc_type", "issuer", "place", "issued_date", "issued_year",
             "title", "period", "legal_basis", "signer", "recipients"),
        ),
    ]
    for extra in _optional_stages():
        stages.append(extra)
    return stages


def _optional_stages() -> list[Stage]:
    """Content stages, in order. Each module exposes ``STAGE``."""
    import importlib

    out: list[Stage] = []
    for mod in ("papi_extract.indicators", "papi_extract.scores", "papi_extract.tasks"):
        try:
            m = importlib.import_module(mod)
        except ModuleNotFoundError as exc:
            if exc.name != mod:
                raise
            continue
        out.append(m.STAGE)
    return out


_STAGE_CACHE: list[Stage] | None = None


def stages() -> list[Stage]:
    global _STAGE_CACHE
    if _STAGE_CACHE is None:
        _STAGE_CACHE = _stages()
    return _STAGE_CACHE


def doc_id_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def run_stages(ctx: DocContext, timings: dict[str, float] | None = None, budget: float = DEFAULT_TIME_BUDGET) -> None:
    t_start = time.perf_counter()
    for stage in stages():
        if time.perf_counter() - t_start > budget:
            ctx.partial = True
            ctx.warn("W601", f"stage {stage.name!r} skipped: the document exceeded its {budget:.0f}s time budget")
            continue
        t0 = time.perf_counter()
        stage.run(ctx)
        if timings is not None:
            timings[stage.name] = timings.get(stage.name, 0.0) + time.perf_counter() - t0


def build_document(ctx: DocContext, source: Source, with_text: bool = False) -> PlanDocument:
    return PlanDocument(
        parser_version=__version__,
        status="partial" if ctx.partial else "ok",
        doc_id=doc_id_of(ctx.text),
        source=source,
        number=ctx.number,
        symbol=ctx.symbol,
        doc_type=ctx.doc_type,
        issuer=ctx.issuer,
        place=ctx.place,
        issued_date=ctx.issued_date,
        issued_year=ctx.issued_year,
        title=ctx.title,
        period=ctx.period,
        legal_basis=ctx.legal_basis,
        signer=ctx.signer,
        recipients=ctx.recipients,
        sections=ctx.sections,
        indicators=ctx.indicators,
        scores=ctx.scores,
        tasks=ctx.tasks,
        warnings=ctx.warnings,
        text=ctx.text if with_text else None,
    )


def parse_text(
    text: str,
    *,
    fmt: str | None = None,
    source: Source | None = None,
    with_text: bool = False,
    timings: dict[str, float] | None = None,
    options: dict[str, Any] | None = None,
) -> PlanDocument:
    """Parse one plan from decoded text. Pure: same text in, same record out."""
    t0 = time.perf_counter()
    norm = normalize(text, fmt)
    if timings is not None:
        timings["normalize"] = timings.get("normalize", 0.0) + time.perf_counter() - t0
    ctx = DocContext(norm=norm, options=dict(options or {}))
    run_stages(ctx, timings, budget=float(ctx.options.get("time_budget", DEFAULT_TIME_BUDGET)))
    if source is None:
        raw = text.encode("utf-8")
        source = Source(path="<text>", sha256=hashlib.sha256(raw).hexdigest(), bytes=len(raw),
                        encoding="utf-8", format=norm.format)  # type: ignore[arg-type]
    elif source.format != norm.format:
        source = source.model_copy(update={"format": norm.format})
    t0 = time.perf_counter()
    doc = build_document(ctx, source, with_text)
    if timings is not None:
        timings["validate"] = timings.get("validate", 0.0) + time.perf_counter() - t0
    return doc


def _source_format(hint: str | None) -> str:
    """The output contract's format of a hint: Org, MediaWiki, AsciiDoc, Jira, DokuWiki and Texinfo text are read as
    markdown
    (their marks rewritten)."""
    if hint in ("docbook", "tei", "odf", "pdfminer"):
        return "html"  # DocBook, TEI, OpenDocument and pdfminer XML are read as the HTML they are rewritten to
    return ("markdown" if hint in ("org", "wiki", "asciidoc", "jira", "dokuwiki", "texinfo", "haddock", "ms")
            else hint or "text")


def _format_hint(path: str) -> str | None:
    suffix = Path(path).suffix.lower()
    return {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".mht": "html",
            ".mhtml": "html", ".org": "org", ".wiki": "wiki", ".mediawiki": "wiki",
            ".adoc": "asciidoc", ".asciidoc": "asciidoc", ".jira": "jira", ".texi": "texinfo",
            ".texinfo": "texinfo", ".txi": "texinfo", ".dbk": "docbook",
            ".docbook": "docbook", ".tei": "tei", ".fodt": "odf", ".ms": "ms"}.get(suffix)


def _error(source: Source, code: str, message: str) -> ParseError:
    return ParseError(parser_version=__version__, source=source, error=code, message=message)


def parse_bytes(
    data: bytes,
    path: str = "<bytes>",
    *,
    with_text: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timings: dict[str, float] | None = None,
    options: dict[str, Any] | None = None,
) -> PlanDocument | ParseError:
    """Decode and parse; any failure becomes a ``ParseError`` record (never raises)."""
    hint = _format_hint(path)
    source = Source(path=path, sha256=hashlib.sha256(data).hexdigest(), bytes=len(data), encoding=None,
                    format=_source_format(hint))  # type: ignore[arg-type]
    if len(data) > max_bytes:
        return _error(source, "E104", f"{path}: {len(data)} bytes exceeds the limit of {max_bytes} bytes")
    try:
        t0 = time.perf_counter()
        decoded = decode_bytes(data)
        if timings is not None:
            timings["decode"] = timings.get("decode", 0.0) + time.perf_counter() - t0
    except DecodeFailure as exc:
        return _error(source, exc.code, f"{path}: {exc.message}")
    except Exception as exc:  # noqa: BLE001 - a decoder library bug must not crash a batch either
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return _error(source, "E901", f"{path}: internal error while decoding: {tb}")
    source = source.model_copy(update={"encoding": decoded.encoding})
    if not _has_words(decoded.text):
        return _error(source, "E201", f"{path}: not a plan: the text has no words")
    try:
        doc = parse_text(decoded.text, fmt=hint, source=source, with_text=with_text, timings=timings,
                         options=options)
    except Exception as exc:  # noqa: BLE001 - the contract is: one bad file never crashes a batch
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        return _error(source, "E901", f"{path}: internal error while parsing: {tb}")
    if decoded.warnings:
        doc.warnings[:0] = decoded.warnings
    if doc.source.format == "html":
        html_note = Warning(code="W105", message="HTML input converted to text; page chrome dropped")
        doc.warnings.insert(len(decoded.warnings), html_note)
    if not _looks_like_plan(doc) and doc.status != "partial":  # partial: stages were skipped, we cannot tell
        return _error(source, "E201", f"{path}: not a plan: no header, outline, indicator or task was found")
    return doc


_LETTER = regex.compile(r"\p{L}")


def _has_words(text: str, minimum: int = 20) -> bool:
    """At least ``minimum`` letters: a file of punctuation (``"((((("``) is refused before any stage runs."""
    n = 0
    for _ in _LETTER.finditer(text):
        n += 1
        if n >= minimum:
            return True
    return False


def _looks_like_plan(doc: PlanDocument) -> bool:
    return bool(doc.number or doc.symbol or doc.sections or doc.indicators or doc.tasks or doc.scores)


def parse_path(path: str | Path, **kwargs: Any) -> PlanDocument | ParseError:
    """Read and parse one file; never raises (an unreadable file gives an E101 record)."""
    p = str(path)
    max_bytes = kwargs.get("max_bytes", DEFAULT_MAX_BYTES)
    try:
        st = Path(p).stat()
        size = st.st_size
        if not stat.S_ISREG(st.st_mode):
            source = Source(path=p, sha256=hashlib.sha256(b"").hexdigest(), bytes=0, encoding=None, format="text")
            return _error(source, "E101", f"{p}: cannot read the file: not a regular file")
        if size > max_bytes:
            source = Source(path=p, sha256="0" * 64, bytes=size, encoding=None,
                            format=_source_format(_format_hint(p)))  # type: ignore[arg-type]
            with open(p, "rb") as fh:
                h = hashlib.sha256()
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    h.update(chunk)
            source = source.model_copy(update={"sha256": h.hexdigest()})
            return _error(source, "E104", f"{p}: {size} bytes exceeds the limit of {max_bytes} bytes")
        data = Path(p).read_bytes()
    except OSError as exc:
        source = Source(path=p, sha256=hashlib.sha256(b"").hexdigest(), bytes=0, encoding=None, format="text")
        return _error(source, "E101", f"{p}: cannot read the file: {exc.strerror or exc}")
    return parse_bytes(data, p, **kwargs)
