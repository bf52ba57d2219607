"""Stage 1: bytes to text, detecting (never assuming) the encoding.

reads: raw bytes; writes: ``Decoded`` (text, encoding name, warnings) or raises ``DecodeFailure``
with a stable error code.

Order of evidence: a BOM; UTF-16 without BOM (NUL byte pattern); strict UTF-8; then the legacy
single-byte encodings of Vietnamese government files (Windows-1258 with combining tone marks,
and TCVN3/VNI font encodings, which decode as Latin-1 garbage and are converted by viparse),
with charset-normalizer as the judge of last resort. Double-decoded UTF-8 (mojibake) is
repaired with ftfy.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import regex

from papi_extract.models import Warning

_VI_LETTERS = regex.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]"
)
_MOJIBAKE = regex.compile(r"(?:Ã[\x80-\xbf¡-ÿ]|á»|áº|Ä‘|Æ°|Æ¡|Ä\x91)")
_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class DecodeFailure(Exception):
    """The bytes cannot become text; ``code`` is a stable E1xx code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: list[Warning] = field(default_factory=list)


def _vi_ratio(text: str) -> float:
    sample = text[:20000]
    letters = sum(1 for c in sample if c.isalpha())
    if not letters:
        return 0.0
    return len(_VI_LETTERS.findall(sample)) / letters


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nul > 0.3 * half and even_nul < 0.05 * half:
        return "utf-16-le"
    if even_nul > 0.3 * half and odd_nul < 0.05 * half:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    try:
        s = sample.decode("latin-1")
    except UnicodeDecodeError:  # pragma: no cover - latin-1 never fails
        return True
    return len(_CONTROL.findall(s)) > 0.05 * max(1, len(s))


def _repair_mojibake(text: str, warnings: list[Warning]) -> str:
    if len(_MOJIBAKE.findall(text[:20000])) < 3:
        return text
    import ftfy

    fixed = ftfy.fix_text(text, normalization="NFC")
    if _vi_ratio(fixed) > _vi_ratio(text):
        warnings.append(Warning(code="W103", message="double-decoded UTF-8 (mojibake) repaired"))
        return fixed
    return text


def _legacy(text: str, warnings: list[Warning]) -> tuple[str, str] | None:
    """TCVN3 / VNI / VISCII text read as a single-byte code page: convert with viparse."""
    import viparse

    enc = viparse.detect_text_encoding(text)
    if not enc:
        return None
    converted = viparse.fix(text, encoding=enc)
    if _vi_ratio(converted) <= _vi_ratio(text):
        return None
    warnings.append(Warning(code="W102", message=f"legacy Vietnamese encoding {enc} converted to Unicode"))
    return converted, enc


def decode_bytes(data: bytes) -> Decoded:
    warnings: list[Warning] = []
    if not data.strip():
        raise DecodeFailure("E102", "the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-sig", warnings)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16", warnings)
    utf16 = _looks_utf16(data)
    if utf16:
        return Decoded(data.decode(utf16, errors="replace"), utf16, warnings)
    if _is_binary(data):
        raise DecodeFailure("E103", "the file is binary (NUL bytes or control characters), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if not text.strip():
            raise DecodeFailure("E102", "the file holds only white space")
        text = _repair_mojibake(text, warnings)
        legacy = _legacy(text, warnings) if _vi_ratio(text) < 0.02 else None
        if legacy:
            return Decoded(legacy[0], legacy[1], warnings)
        return Decoded(text, "utf-8", warnings)
    # Not UTF-8: a single-byte code page. Windows-1258 first (tone marks as combining chars).
    candidates: list[tuple[float, str, str]] = []
    for enc in ("cp1258", "cp1252", "latin-1"):
        try:
            t = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_vi_ratio(_nfc(t)), enc, t))
    best_ratio, best_enc, best_text = max(candidates, key=lambda c: c[0])
    legacy = _legacy(best_text if best_enc != "cp1258" else data.decode("latin-1"), warnings)
    if legacy and _vi_ratio(legacy[0]) > best_ratio:
        return Decoded(legacy[0], legacy[1], warnings)
    if best_ratio < 0.02:
        from charset_normalizer import from_bytes

        match = from_bytes(data).best()
        if match is None:
            raise DecodeFailure("E105", "no supported encoding decodes these bytes")
        warnings.append(Warning(code="W101", message=f"encoding guessed as {match.encoding} with low confidence"))
        return Decoded(str(match), match.encoding, warnings)
    return Decoded(best_text, "windows-1258" if best_enc == "cp1258" else best_enc, warnings)


def _nfc(s: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", s[:20000])
