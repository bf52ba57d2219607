"""Vietnamese typed without diacritics ("So Noi vu chu tri, phoi hop voi UBND cac huyen …; Quy III/2024"): a matching
copy with the vocabulary's marks put back.

Why: the agency and deadline matchers read marked text ("Sở", "quý", "thường xuyên"), and the marks keep words apart
("quý" a quarter, "quy định" a rule). An old e-mail, an SMS-style draft or a portal's unmarked export types none. For a
text with no letter beyond ASCII, each phrase the vocabularies know (agencies.yaml, deadlines.yaml, and the words of
unmarked.yaml) is written back with its marks, one character for one: in NFC a marked letter is one code point, as its
bare letter is, so offsets hold and every raw value is still sliced from the text as printed. The longest phrase wins
("quy che dan chu" stays a rule, "quy iii" becomes a quarter); a bare form with several marked readings takes the one
unmarked.yaml prefers or lists (a word listed bare stays bare: "trong"), else the first the vocabularies give. The pattern is one alternation of whole words: linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex

from papi_extract.data_files import data_file
from papi_extract.normalize import fold


def _strings(node: Any) -> Iterator[str]:
    """Every string of a parsed YAML tree: mapping keys, values and list items."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(node, list):
        for x in node:
            yield from _strings(x)


_PHRASE = regex.compile(r"^[\p{L} \-]{2,80}$")  # a phrase of words (no pattern, figure or punctuation beyond "-")


@lru_cache(maxsize=1)
def _table() -> tuple[regex.Pattern[str], dict[str, str]]:
    """The bare phrases (folded) and their marked forms (lower case), as one whole-word alternation."""
    raw = data_file("unmarked.yaml")
    marked: dict[str, str] = {}

    def add(phrase: str) -> None:
        p = " ".join(phrase.lower().split())
        if not _PHRASE.match(p):
            return
        bare = fold(p)
        if len(bare) == len(p):
            marked.setdefault(bare, p)  # (a phrase with no mark holds its bare form: "trong" is no "trọng")

    for w in raw.get("prefer") or []:
        add(str(w))
    for w in raw.get("words") or []:
        add(str(w))
    for name in raw.get("sources") or []:
        for s in _strings(data_file(str(name))):
            add(s)
    marked = {k: v for k, v in marked.items() if k != v}
    alts = sorted(marked, key=len, reverse=True)
    rx = regex.compile(r"(?<![a-z0-9])(?:" + "|".join(regex.escape(a).replace(r"\ ", " ") for a in alts) + r")(?![a-z0-9])")
    return rx, marked


def restore_marks(low: str) -> str:
    """``low`` (lower case) with the vocabulary's marks put back when it has no letter beyond ASCII; else ``low``.
    Same length."""
    if not low.isascii() or not any(c.isalpha() for c in low):
        return low
    rx, marked = _table()
    return rx.sub(lambda m: marked[m.group()], low)


def mark_text(text: str) -> str:
    """``text`` with the vocabulary's marks put back where it has no letter beyond ASCII, its capitals kept ("So Noi
    vu" -> "Sở Nội vụ"); else ``text`` itself. Same length."""
    if not text.isascii():
        return text
    low = text.lower()
    back = restore_marks(low)
    if back == low:
        return text
    return "".join(b.upper() if c.isupper() else b for b, c in zip(back, text, strict=True))
