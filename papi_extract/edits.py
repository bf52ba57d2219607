"""Drafts carrying their tracked edits: struck text and reviewers' comments are not the plan's.

Why: a draft converted from Word keeps what a reviewer struck ("~~Sở Tư pháp~~ Sở Nội vụ", "<del>Quý II</del>
<ins>Quý III</ins>/2025") and what they wrote beside it ("[Ý kiến Sở Tư pháp: đề nghị bỏ nội dung này]",
"[VP: cân nhắc thời gian]"). Read as text, the struck carrier becomes the lead and the comment's quarter a deadline.
The plan is the text once its edits are applied: struck runs and comments go, inserted text stays. HTML's <del>, <s>
and <strike> are dropped by ``html_text``; this module reads the markdown and plain-text forms, and comments in any.

Both patterns are linear: a struck run cannot hold "~" and a comment cannot hold a bracket or a line end, and both
are bounded.
"""

from __future__ import annotations

from functools import cache

import regex

from papi_extract.data_files import data_file, phrase_alternation

# "~~struck text~~" on one line, its marks hugging the text (pandoc's and GitHub's strikeout), with a footnote mark
# on it ("~~…~~[^3]": the note comments the struck text) and the one space after it: "~~Sở Tư pháp~~ Sở Nội vụ"
# reads "Sở Nội vụ"
_STRUCK = regex.compile(r"~~(?=[^\s~])[^~\n]{0,2000}?(?<=[^\s~])~~(?:\[\^\w{1,12}\])?[ \t]?")


def drop_struck(text: str) -> str:
    """The text without its "~~struck~~" runs."""
    return _STRUCK.sub("", text) if "~~" in text else text


@cache
def _comment_re() -> regex.Pattern[str]:
    raw = data_file("edits.yaml")
    openers = phrase_alternation(raw["review_comment_openers"])
    n = int(raw["review_comment_max_initials"])
    # " [Ý kiến …: …]" with the space before it; a bracket's text stops at the first "]" or line end
    return regex.compile(
        r"[ \t]?\[[ \t]{0,3}(?:(?i:" + openers + r")(?!\w)|[A-ZĐ]{2," + str(n) + r"}[ \t]{0,3}:)[^\[\]\n]{0,2000}\]")


def drop_review_comments(text: str) -> str:
    """The text without the reviewers' bracketed comments."""
    return _comment_re().sub("", text) if "[" in text else text


@cache
def _edit_mark_res() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """(a cheap gate: the bracketed mark anywhere, searched from one "(" to the next; the mark where it opens an item)."""
    marks = r"\([ \t]{0,2}(?i:" + phrase_alternation(data_file("edits.yaml")["edit_marks"]) + r")[ \t]{0,2}\)"
    # at a line's or a cell's start, after the item's marker if any: "- (bổ sung mới) ", "3. (đề nghị bỏ) ", "| (mới) "
    return regex.compile(marks), regex.compile(
        r"(?m)((?:^|[|\t])[ \t]{0,12}(?:[-–+•*][ \t]{1,4}|\d{1,2}[.)][ \t]{1,4}|[a-zđ][.)][ \t]{1,4})?)"
        + marks + r"[ \t]{0,3}(?=\S)")


def drop_edit_marks(text: str) -> str:
    """The text without the editors' marks opening its items."""
    if "(" not in text:
        return text
    gate, mark = _edit_mark_res()
    return mark.sub(r"\1", text) if gate.search(text) is not None else text
