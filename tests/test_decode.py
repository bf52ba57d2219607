"""Every encoding a real archive holds, each made by encoding a corpus seed, decodes back to the seed.

Tolerances, stated once: Windows-1258 cannot hold a few OCR slips of the seeds (``Ų`` in seed 001),
which come back as ``?``; TCVN3 has no uppercase toned letters (the ``.VnTimeH`` font drew them
from the lowercase bytes), so those come back lowercase; VNI has no ``ẳ``; viparse's cleanup
collapses runs of spaces and blank lines in legacy text, so legacy comparisons are line by line
with white space collapsed. ``papi_extract.fixtures.expected_legacy`` computes exactly that.
"""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from conftest import CORPUS, SEEDS

from papi_extract import fixtures
from papi_extract.decode import DecodeFailure, decode_bytes
from papi_extract.normalize import normalize
from papi_extract.pipeline import parse_bytes


def _seed(stem: str) -> str:
    return (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _lines(s: str) -> list[str]:
    return [" ".join(line.split()) for line in _nfc(s).splitlines() if line.strip()]


def _codes(decoded) -> list[str]:  # noqa: ANN001
    return [w.code for w in decoded.warnings]


UNICODE_FORMS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16-le": lambda t: t.encode("utf-16-le"),
    "utf-16-be": lambda t: t.encode("utf-16-be"),
    "utf-16-le+bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be+bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
    "utf-32-le+bom": lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le"),
}


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("form", sorted(UNICODE_FORMS))
def test_unicode_forms_round_trip_exactly(stem: str, form: str) -> None:
    text = _seed(stem)
    d = decode_bytes(UNICODE_FORMS[form](text))
    assert _nfc(d.text) == _nfc(text)
    assert d.encoding == form.replace("+bom", "")
    assert _codes(d) == []


@pytest.mark.parametrize("stem", SEEDS)
def test_windows_1258_with_combining_tone_marks(stem: str) -> None:
    text = _seed(stem)
    data = fixtures.encode_cp1258(text)
    assert b"\xec" in data or b"\xf2" in data  # tones really are separate combining bytes
    d = decode_bytes(data)
    assert d.encoding == "windows-1258"
    # Only characters outside Windows-1258's repertoire may differ: their unencodable part is "?"
    # (seed 001's OCR slip "MŲC" is U + ogonek, so it comes back "MU?C").
    lossy = {c for c in _nfc(text) if c != "?" and b"?" in fixtures.encode_cp1258(c)}
    expected = "".join(fixtures.encode_cp1258(c).decode("cp1258") if c in lossy else c for c in _nfc(text))
    assert _nfc(d.text) == _nfc(expected)
    assert len(lossy) <= 1


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("legacy", ["tcvn3", "vni"])
def test_legacy_font_encodings_bytes(stem: str, legacy: str) -> None:
    text = _seed(stem)
    data = fixtures.encode_tcvn3(text) if legacy == "tcvn3" else fixtures.encode_vni(text)
    d = decode_bytes(data)
    assert d.encoding == legacy
    assert "W102" in _codes(d)
    assert _lines(d.text) == _lines(fixtures.expected_legacy(text, legacy))
    # "nearly" the seed: TCVN3 differs from it only in letter case, VNI in at most a few letters.
    got, want = "\n".join(_lines(d.text)), "\n".join(_lines(text))
    unencodable = sum(1 for c in want if c.encode("cp1252", errors="replace") == b"?" and c != "?"
                      and c.lower() not in fixtures._inverse(legacy))
    assert len(got) == len(want)
    if legacy == "tcvn3":
        assert sum(a != b for a, b in zip(got.lower(), want.lower(), strict=True)) <= unencodable
    else:
        assert sum(a != b for a, b in zip(got, want, strict=True)) <= unencodable + 3


@pytest.mark.parametrize("legacy", ["tcvn3", "vni"])
def test_legacy_surface_characters_saved_as_utf8(legacy: str) -> None:
    """A .VnTime/VNI-Times document exported to UTF-8 keeps the font's characters: still converted."""
    text = _seed(SEEDS[0])
    surface = fixtures._legacy_chars(text, legacy)
    d = decode_bytes(surface.encode("utf-8"))
    assert d.encoding == legacy and "W102" in _codes(d)
    assert "Số: 72/KH-UBND" in d.text and "Chỉ số hiệu quả quản trị" in d.text


@pytest.mark.parametrize("stem", SEEDS)
def test_double_decoded_utf8_is_repaired(stem: str) -> None:
    text = _seed(stem)
    data = fixtures.mojibake(text)
    assert "á»" in data.decode("utf-8")
    d = decode_bytes(data)
    assert d.encoding == "utf-8"
    assert "W103" in _codes(d)
    assert _nfc(d.text) == _nfc(text)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings(newline: str) -> None:
    text = _seed(SEEDS[1])
    d = decode_bytes(text.replace("\n", newline).encode("utf-8"))
    assert d.encoding == "utf-8"
    assert normalize(d.text).text == normalize(text).text


@pytest.mark.parametrize(
    "form",
    ["utf-16-le", "utf-8-sig", "cp1258", "mojibake", "crlf"],
)
def test_same_plan_whatever_the_encoding(form: str) -> None:
    """The lossless encodings give the very same record (doc_id is a hash of the normalized text)."""
    text = _seed("000_4b16b2b6e82d9d4b")
    data = {
        "utf-16-le": lambda: text.encode("utf-16-le"),
        "utf-8-sig": lambda: codecs.BOM_UTF8 + text.encode(),
        "cp1258": lambda: fixtures.encode_cp1258(text),
        "mojibake": lambda: fixtures.mojibake(text),
        "crlf": lambda: text.replace("\n", "\r\n").encode(),
    }[form]()
    ref = parse_bytes(text.encode(), "plan.md")
    rec = parse_bytes(data, "plan.md")
    assert rec.record_type == "plan" and ref.record_type == "plan"
    assert rec.doc_id == ref.doc_id
    assert rec.number == "72/KH-UBND"
    assert [s.title for s in rec.sections] == [s.title for s in ref.sections]


def test_plain_unicode_vietnamese_is_left_alone() -> None:
    text = "Chào bạn, đây là văn bản tiếng Việt về Chỉ số PAPI của tỉnh. " * 20
    d = decode_bytes(text.encode())
    assert (d.text, d.encoding, _codes(d)) == (text, "utf-8", [])


def test_other_languages_are_not_mistaken_for_legacy_vietnamese() -> None:
    ru = "Привет мир, это русский текст о государственном управлении. " * 30
    d = decode_bytes(ru.encode("cp1251"))
    assert d.encoding not in ("tcvn3", "vni", "windows-1258")
    de = ("Die Bundesregierung hat heute beschlossen, dass die Förderung für erneuerbare Energien im nächsten "
          "Jahr deutlich erhöht wird. Außerdem sollen Bürgerinnen und Bürger früh informiert werden. ") * 10
    d = decode_bytes(de.encode("cp1252"))
    assert d.encoding not in ("tcvn3", "vni", "windows-1258")
    assert "W101" in _codes(d)


def test_utf8_with_a_stray_byte_stays_utf8_and_says_so() -> None:
    text = _seed(SEEDS[2])
    data = text.encode()
    cut = data.index(b"\n", 500)
    data = data[:cut] + b"\xff" + data[cut:]
    d = decode_bytes(data)
    assert d.encoding == "utf-8"
    assert "W104" in _codes(d)
    assert d.text.count("\ufffd") == 1


def test_html_meta_charset_is_honoured() -> None:
    body = "<p>Số: 5/KH-UBND</p><p>KẾ HOẠCH nâng cao Chỉ số hiệu quả quản trị và hành chính công</p>" * 5
    page = f'<html><head><meta charset="windows-1258"></head><body>{body}</body></html>'
    d = decode_bytes(fixtures.encode_cp1258(page))
    assert d.encoding == "windows-1258"
    assert "KẾ HOẠCH nâng cao Chỉ số" in d.text


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "E102"), (b"  \n\t\r\n ", "E102"), (b"\x00\x01\x02PK\x03\x04" * 100, "E103"),
     (bytes(range(256)) * 40, "E103"), (codecs.BOM_UTF16_LE + "   \n".encode("utf-16-le"), "E102")],
)
def test_empty_and_binary_inputs_fail_with_stable_codes(data: bytes, code: str) -> None:
    with pytest.raises(DecodeFailure) as exc:
        decode_bytes(data)
    assert exc.value.code == code


@pytest.mark.parametrize("legacy", ["tcvn3", "vni"])
def test_fast_legacy_conversion_is_viparse_fix(legacy: str) -> None:
    """decode converts with viparse's own tables compiled into one regex, and redoes viparse's
    cleanup on the whole text: the result must be ``viparse.fix`` character for character."""
    import random

    import viparse

    from papi_extract.decode import _legacy_convert, _sloppy_cp1252

    encode = fixtures.encode_tcvn3 if legacy == "tcvn3" else fixtures.encode_vni
    texts = [_sloppy_cp1252(encode(_seed(stem))) for stem in SEEDS[:3]]
    texts += [
        "",
        "a\r\nb\rc\x0bd\x0ce",
        "  hai  dòng  \n\n\n\n  \u00a0ba\u2009\u3000bốn\x85năm\u200bsáu\x00\t\tbảy \n",
        "nhµ n\u2212íc \u2212 5 \u2219 Th«ng",  # PDF glyphs: viparse's own path
        "aù aø aûo oâ oä ôù ö ñ Ñ ÔÙ \U0001f600 \ue000 \u0378",
    ]
    rnd = random.Random(7)
    alphabet = "aeoAOô ö\t\n\r\x0b\x1f\x85\xa0\u200b\u2028ùøûõïâêäÂÊÔÖÑñ¸µ¶·¹\xad\x81\x90"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))) for _ in range(300)]
    for text in texts:
        assert _legacy_convert(text, legacy) == viparse.fix(text, encoding=legacy), repr(text)


def test_tcvn3_lines_set_in_capitals_come_back_in_capitals() -> None:
    """TCVN3 has no capital toned letters: a heading typed in capitals reads back "PHụ LụC"; the decoder sets
    such lines in capitals again. Lines typed in mixed case ("Số: 05/KH-UBND", a name, "Vụ") stay as typed."""
    src = ("UBND HUYỆN MƯỜNG LA\nSố: 05/KH-UBND\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2020\n"
           "II. NHIỆM VỤ TRỌNG TÂM\nVụ\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLò Văn Thượng\n")
    d = decode_bytes(fixtures.encode_tcvn3(src))
    assert d.encoding == "tcvn3"
    assert d.text.split("\n") == src.rstrip("\n").split("\n")


_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch PAPI</title></head><body>
<div class="menu"><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a></div>
<div class="content"><p>ỦY BAN NHÂN DÂN TỈNH NINH THUẬN</p><p>Số: 52/KH-UBND</p>
<p>Ninh Thuận, ngày 14 tháng 3 năm 2022</p><p><b>KẾ HOẠCH</b></p>
<p>Nâng cao Chỉ số PAPI tỉnh Ninh Thuận năm 2022</p><p>I. NHIỆM VỤ</p>
<p>1. Sở Nội vụ chủ trì, phối hợp với các sở, ngành tuyên truyền về Chỉ số PAPI; hoàn thành trong quý II/2022.</p>
<p>2. Sở Tài chính công khai dự toán ngân sách tỉnh trên Cổng thông tin điện tử; thực hiện thường xuyên.</p>
<p>II. TỔ CHỨC THỰC HIỆN</p><p>Các sở, ngành triển khai thực hiện Kế hoạch này.</p></div></body></html>"""


def _web_archive(page: str, transfer: str) -> bytes:
    """What a browser's "save as web archive" writes: a MIME message with the page and an image."""
    import base64
    import quopri

    body = quopri.encodestring(page.encode()) if transfer == "quoted-printable" else base64.encodebytes(page.encode())
    image = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return (b'From: <Saved by Blink>\r\nSubject: =?utf-8?b?S+G6vyBob+G6oWNo?=\r\nMIME-Version: 1.0\r\n'
            b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x1"\r\n\r\n'
            b'------MultipartBoundary--x1\r\nContent-Type: text/html; charset="utf-8"\r\n'
            b"Content-Transfer-Encoding: " + transfer.encode() + b"\r\n"
            b"Content-Location: https://ninhthuan.gov.vn/tin/ke-hoach-papi.aspx\r\n\r\n" + body + b"\r\n"
            b"------MultipartBoundary--x1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + image + b"\r\n------MultipartBoundary--x1--\r\n")


@pytest.mark.parametrize("transfer", ["quoted-printable", "base64"])
def test_a_web_archive_is_read_as_its_page(transfer: str) -> None:
    data = _web_archive(_PAGE, transfer)
    assert "Thuận".encode() not in data  # no Vietnamese word of the page is whole in the archive's bytes
    page = parse_bytes(_PAGE.encode(), "ke-hoach.html")
    for name in ("ke-hoach.mht", "ke-hoach.mhtml", "ke-hoach"):
        doc = parse_bytes(data, name)
        assert doc.record_type == "plan" and doc.source.format == "html"
        assert (doc.number, doc.symbol) == ("52/KH-UBND", "KH-UBND") == (page.number, page.symbol)
        assert [t.text for t in doc.tasks] == [t.text for t in page.tasks]
        assert doc.tasks[1].text.startswith("Sở Tài chính công khai dự toán ngân sách tỉnh")


def test_a_mime_text_that_is_no_web_archive_is_left_as_text() -> None:
    text = "MIME-Version: 1.0\nContent-Type: text/plain\n\nKẾ HOẠCH cải thiện Chỉ số PAPI\n".encode()
    assert decode_bytes(text).text == text.decode()


def test_an_email_saved_as_eml_is_read_as_its_html_part() -> None:
    """A plan received by e-mail and saved as .eml: multipart/alternative, both parts base64; the HTML part is read
    (the plain-text part is the same plan), with or without the extension."""
    import base64

    plain = "Kính gửi các sở, ngành. Kế hoạch số 52/KH-UBND gửi kèm.".encode()
    msg = (b"From: =?UTF-8?B?VsSDbiBwaMOybmc=?= <vp@ninhthuan.gov.vn>\r\nSubject: Ke hoach PAPI\r\nMIME-Version: 1.0\r\n"
           b'Content-Type: multipart/alternative; boundary="=_b1"\r\n\r\n'
           b"--=_b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + base64.encodebytes(plain) +
           b"\r\n--=_b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           + base64.encodebytes(_PAGE.encode()) + b"\r\n--=_b1--\r\n")
    page = parse_bytes(_PAGE.encode(), "ke-hoach.html")
    for name in ("thu-ke-hoach.eml", "thu-ke-hoach"):
        doc = parse_bytes(msg, name)
        assert (doc.number, doc.place) == ("52/KH-UBND", "Ninh Thuận")
        assert [t.text for t in doc.tasks] == [t.text for t in page.tasks]
