"""Content stage "tasks": every task a plan assigns, with its lead, support, directing agencies,
output and deadlines (``models.Task``).

reads: ``ctx.norm``, ``ctx.sections`` (with the dimensions the indicators stage set), ``ctx.blocks``,
``ctx.indicators`` (which sections name a dimension themselves), ``ctx.period``; writes: ``ctx.tasks``
(W501 for a task no rule could give a lead agency, W504 for a task that could not be read).

Where tasks are (docs/annotation.md, "What is a task"): the items of the tasks and organization
sections — bullets, lettered and numbered items, plain paragraphs — and the numbered rows of task
tables (``tables.py``). The same plan can be written as a table, as numbered items each followed
by "- Cơ quan chủ trì: …" lines, or as prose; all three are read into one shape — a task text plus
optional *structured fields* (the lead, support, output and time cells, or the agency lines
attached to the item) — so they give the same tasks, agencies and deadlines.

Who leads a task, in precedence order (docs/annotation.md, "Agencies"):
  1. the task itself: a table's lead cell / the item's own "Cơ quan chủ trì" line, else the agency
     that is the subject of its first sentence ("Sở Y tế chủ trì …", "Sở X: Tăng cường …");
  2. the group header it sits under ("- Sở Y tế:" over "+" items, "2. Sở Nội vụ" over duties);
  3. the agency block of its section ("Cơ quan chủ trì: …"), or of the parent section when the
     block sits in its own sub-section ("1.2. Cơ quan thực hiện").
Support comes from the task itself (the support cell, "phối hợp với Y") and, only when the lead
came from rule 3, from the block's "Cơ quan phối hợp". Directing is the section's "Chỉ đạo thực
hiện", whatever the lead.

Outline workarounds (see the stage report): lettered items whose letter is lower case ("b) …")
reach us merged into the previous item and are split again here; a paragraph that continues an
item after a page break but starts in upper case ("… của Ban" / "Bí thư Trung ương …") is joined.

All patterns are composed once at import from ``data/tasks.yaml`` and are linear (alternations of
literal phrases, bounded repeats).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, cast

import regex

from papi_extract.agencies import SHORT_FORM_DEFINITION
from papi_extract.data_files import data_file, phrase_alternation
from papi_extract.assignment_matrix import find_assignments, find_prose_assignments, prose_assignment
from papi_extract.context import Block, DocContext
from papi_extract.models import Agency, Deadline, DeadlineKind, Period, Section, Task
from papi_extract.footnotes import FOOTNOTE
from papi_extract.normalize import collapse_ws, fold
from papi_extract.pipeline import Stage
from papi_extract.outline import ARROWS, ASCII_ARROW, LETTER_ORDERS, letter_follows, opens_on_arrow
from papi_extract.tables import PERIOD_LABEL, Cell, Row, Table, find_tables, header_role
from papi_extract.taxonomy import labelled_subdimension, labelled_subdimension_in, load_taxonomy, title_indicator


TASK_KINDS = frozenset({"tasks", "organization", "appendix"})
_TERMINAL = ".;:!?…"
_WORD = regex.compile(r"\w+")
# a sentence ends inside the text: a lowercase word, its stop, a capital ("… người dân. Tỉnh Đoàn");
# abbreviations before a name ("TP. Vinh", "P. Nội vụ") have no two lowercase letters before the stop
_SENTENCE_BREAK = regex.compile(r"\p{Ll}{2}[.!?]\s+\p{Lu}")


def _nwords(text: str, limit: int = -1) -> int:
    """Words of a text for the size thresholds (whitespace split: far cheaper than a regex scan).

    With ``limit`` k it counts at most k + 1 words (min(words, k + 1)), which answers any comparison
    with k exactly and stops splitting a long paragraph after its first few words.
    """
    return len(text.split(None, limit))
# "b) …" / "đ) …" at the start of a piece: a lettered item the outline glued to the previous one.
_LETTER_PIECE = regex.compile(r"^(?P<label>[a-zđ])\s{0,2}\)\s{1,4}(?=\S)")
_LETTER_DOT_PIECE = regex.compile(r"^(?P<label>[a-zđ])\.\s{1,4}(?=\p{Lu})")
_LABEL_PREFIX = regex.compile(  # any indent: a layout dump shifts heading lines by the page margin
    r"^[ \t]{0,40}(?:[-–—•+*]\s{0,3})?(?:[IVXL]{1,6}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]|[A-H](?=\.))\s{0,2}[.):/]?\s{0,4}"
)  # ("A. NHIỆM VỤ CỦA …": a lettered part's capital, with its dot)
# Sentence boundary: ". " followed by an upper-case letter (later sentences may name more leads).
_SENTENCE = regex.compile(r"[.!?…]\s{1,4}(?=[\p{Lu}])")
_SENTENCE_MARKS = ".!?…"


def _sentence_ends(text: str) -> list[int]:
    """``m.end()`` of every ``_SENTENCE`` match, in order. A task text has few stops, so they are found
    with ``str.find`` and only a stop followed by a blank is matched (an unanchored scan of the
    pattern over the whole text costs several times more)."""
    out: list[int] = []
    last = len(text) - 1
    for ch in _SENTENCE_MARKS:
        i = text.find(ch)
        while 0 <= i < last:
            if text[i + 1].isspace():
                m = _SENTENCE.match(text, i)
                if m:
                    out.append(m.end())
            i = text.find(ch, i + 1)
    if len(out) > 1:
        out.sort()
    return out
# A sentence closing with one of these before its ":" introduces the list below it (folded).
_LEAD_IN_END = regex.compile(
    # "… như sau:", also with a note before the colon ("… như sau (chỉ số liên quan ghi ở cuối mỗi nhiệm vụ):")
    r"(?<!\w)(?:sau|sau\s{1,3}day|nhu\s{1,3}sau|duoi\s{1,3}day|cu\s{1,3}the|bao\s{1,3}gom|gom)"
    r"(?:\s{0,3}\([^()\n]{0,300}\))?\s{0,3}[:：]\s{0,3}$"
)
# "các nhiệm vụ sau", "những nội dung sau đây" in a sentence closed by ":": it announces the list below it
_LIST_ANNOUNCED = regex.compile(
    r"(?<!\w)(?:cac|nhung)\s{1,3}(?:nhiem\s{1,3}vu|noi\s{1,3}dung|giai\s{1,3}phap|viec)\s{1,3}sau(?:\s{1,3}day)?(?!\w)")
_PARTNER_CUE = regex.compile(r"phoi\s{1,3}hop(?:\s{1,3}voi)?\s{1,3}")
_VERB_AFTER = regex.compile(r"\s{1,3}\p{Ll}")
_CLAUSE = regex.compile(r";\s{1,4}(?=[\p{Lu}])")
_COMMA_CLAUSE = regex.compile(r",\s{1,4}(?=[\p{Lu}])")
_SUPPORT_VERB = regex.compile(r"\s{0,3}(?:phoi\s{1,3}hop|tham\s{1,3}gia|cung\s{1,3}phoi)(?!\w)")
# "<subject> giao <agency> …" (folded): group 1 is "giao"
# an amendment giving a task's new wording in quotes: "Sửa đổi nhiệm vụ tại điểm 2.3 … như sau: "UBND các huyện …""
# (on the folded text; bounded runs, linear)
_AMENDED_WORDING = regex.compile(r"\bnhu sau\s{0,3}:\s{0,3}[\"“]\s{0,2}")
_GIAO_AFTER_SUBJECT = regex.compile(r"^\s{0,4}\S[^;:.]{0,80}?\s(giao)\s{1,3}(?:cho\s{1,3})?")
# "giao" (or "phân công") right after a later sentence's subject, before the one given the task (folded)
_GIVES_AFTER = regex.compile(r"\s{1,3}(?:giao|phan\s{1,3}cong)\s{1,3}(?:cho\s{1,3})?(?=\S)")
# A later sentence that assigns the task (folded): "Giao Phòng A …", "… Phòng A chủ trì, …".
_GIAO_OPEN = regex.compile(r"giao\s{1,3}(?:cho\s{1,3})?(?=\S)")
# a clause of a task sentence that opens with "giao" ("…; giao Phòng A chủ trì …", folded)
_GIAO_CLAUSE = regex.compile(r"[;,]\s{1,4}(?=giao\s)")
# A clause whose verb phrase is only oversight verbs, with no object: "…; Phòng Nội vụ hướng dẫn, kiểm
# tra; …", "Giao Thanh tra huyện theo dõi, đôn đốc." -- that agency supports, the task's doer leads (folded).
_OVERSIGHT_ONLY = regex.compile(
    r"\s{1,3}(?:(?:theo\s{1,3}doi|don\s{1,3}doc|huong\s{1,3}dan|kiem\s{1,3}tra|giam\s{1,3}sat|ho\s{1,3}tro)"
    r"(?:\s{0,3}(?:,|va(?!\w))\s{0,3}|\s{1,3})?){1,4}(?:viec\s{1,3}thuc\s{1,3}hien\s{0,3})?(?=[;.]|$)"
)
# A paragraph opening on an indicator's result in points ("Chỉ số nội dung 1 giảm 0,12 điểm, còn 4,96 điểm, do đó
# cần …") states the result the tasks answer, not a task (folded; the name and the verb within a short clause).
_SCORE_OPENING = regex.compile(
    # ("Năm 2021, nội dung Đóng góp tự nguyện … tăng 0,09 điểm": the year first, the sub-dimension by "nội dung")
    r"(?:(?:trong\s{1,3})?nam\s{1,3}\d{4}\s{0,3},\s{0,3})?"
    r"(?:chi\s{1,3}so(?:\s{1,3}noi\s{1,3}dung|\s{1,3}thanh\s{1,3}phan)?|noi\s{1,3}dung(?:\s{1,3}thanh\s{1,3}phan)?)"
    r"\s{1,3}[^.;:()\n]{0,80}?(?<!\w)(?:dat|giam|tang)"
    r"(?:\s{1,3}\w{1,8}){0,2}?\s{1,3}\d{1,2}[,.]\d{1,3}\s{1,3}diem(?!\w)")
# ("X và Y đồng chủ trì", "X, Y cùng chủ trì": two leads sharing the task)
_LEAD_VERB = regex.compile(r"\s{0,3}[(,]?\s{0,3}(?:(?:dong|cung)\s{1,3})?chu\s{1,3}tri(?!\w)")
# "Việc … do X thực hiện / hướng dẫn thực hiện / chủ trì / đảm nhiệm / chịu trách nhiệm chính" (folded): X, the
# passive's agent, leads
_PASSIVE_BY = regex.compile(r"(?<!\w)do\s{1,3}(?=\w)")
# the work named as a noun before its carrier ("Việc niêm yết …", "Công tác tiếp công dân …"), folded
_NOMINAL_OPENINGS = ("viec ", "cong tac ")
# "…, Y phối hợp thực hiện …" after an assignment's lead: the partner's verb (not only closing the clause)
_AGENT_PARTNER_ON = regex.compile(r"\s{1,3}(?:phoi\s{1,3}hop|ho\s{1,3}tro|tham\s{1,3}gia)(?!\w)")


@lru_cache(maxsize=1)
def _assigned_to() -> regex.Pattern[str]:
    """tasks.yaml assigned_to: the phrases handing a task to the agency after them (group "bare": a lone "giao")."""
    words = _alternation(data_file("tasks.yaml")["assigned_to"])
    # ("các nhiệm vụ được giao cho UBND cấp huyện tại Kế hoạch này" names tasks given before, not this one's carrier)
    return regex.compile(r"(?<!\w)(?<!nhiem\s{1,3}vu\s{1,3})(?:(?:" + words + r")|(?P<bare>giao))\s{1,3}(?=\w)")
# the same agent in a clause or parenthesis of any task ("… (do X đảm trách; …)", "…; do X thực hiện")
_PASSIVE_CLAUSE = regex.compile(r"[(;,]\s{0,3}do\s{1,3}(?=\w)")
# "… chậm nhất ngày 30/6/2022 do Sở X chủ trì, UBND các huyện thực hiện.": a closing agent clause with no
# punctuation before "do"; its verb closes the clause ("do Sở X chủ trì soạn thảo" names who drafted something)
_AGENT_VERB = regex.compile(r"\s{1,3}(?:chu\s{1,3}tri|thuc\s{1,3}hien|phu\s{1,3}trach|dam\s{1,3}nhiem|dam\s{1,3}nhan"
                            r"|chiu\s{1,3}trach\s{1,3}nhiem(?:\s{1,3}chinh)?)(?!\w)\s{0,3}(?=[,.;)]|$)")
# "…, Y thực hiện" / "…, Y phối hợp" after such a clause's lead: the body carrying it out with the lead, a partner
_AGENT_PARTNER = regex.compile(r"\s{1,3}(?:thuc\s{1,3}hien|phoi\s{1,3}hop|ho\s{1,3}tro|tham\s{1,3}gia)(?!\w)\s{0,3}(?:[.;)]|$)")
_PASSIVE_VERB = regex.compile(
    r"(?:\s{0,3}\([^()\n]{1,40}\))?\s{1,3}(?:huong\s{1,3}dan\s{1,3}|to\s{1,3}chuc\s{1,3})?(?:thuc\s{1,3}hien|chu\s{1,3}tri|dam\s{1,3}nhiem"
    r"|dam\s{1,3}nhan|dam\s{1,3}trach|phu\s{1,3}trach|tham\s{1,3}muu|chiu\s{1,3}trach\s{1,3}nhiem)(?!\w)")
_LETTERS = "abcdđefghijklmnopqrstuvwxyz"
_CLAUSE_START = regex.compile(r"[,;(]\s{0,3}")
# the verbs by which a subject instructs the units named after it (folded): "chỉ đạo", "hướng dẫn", "yêu cầu"
_INSTRUCTS = regex.compile(r"(?<!\w)(?:chi\s{1,3}dao|huong\s{1,3}dan|yeu\s{1,3}cau|giao)\s{1,3}(?=\w)")
# a later doer's words (folded): a cheap gate, then where a later clause may open, its verbs, and openings that
# hand the task over to the agency after them. The gate tests substrings of ``Joined.flat``: an alternation of
# phrases with different first words is tried at every position, several times slower.
_LATER_CUES = ("thuc hien", "phu trach", "dam n", "dam trach", "huong dan", "trach nhiem", "dau moi", "thuong truc",
               "phan cong", "vai tro", "to chuc", "yeu cau", "giao")
# (the same words where a line break or a tab parts them, which ``flat`` keeps when the text has no run of blanks)
_LATER_CUE = regex.compile(r"thuc\s{1,3}hien|phu\s{1,3}trach|dam\s{1,3}n|dam\s{1,3}trach|huong\s{1,3}dan"
                           r"|trach\s{1,3}nhiem|dau\s{1,3}moi|thuong\s{1,3}truc|phan\s{1,3}cong|vai\s{1,3}tro"
                           r"|to\s{1,3}chuc|yeu\s{1,3}cau|giao")
# (inside brackets a request may open the doer, "(đề nghị Ủy ban MTTQ … thực hiện)", and staff go in lower case,
# "(công chức Văn hóa - Xã hội thực hiện)")
_CLAUSE_OR_PAREN = regex.compile(r"(?:;\s{1,4}(?=\p{Lu})|\(\s{0,2}(?:(?i:đề)\s{1,3}nghị\s{1,3})?(?=\p{L}))")
_LATER_DOER = regex.compile(
    r"\s{0,3}(?:\([^()\n]{1,40}\)\s{0,3})?(?:(?:(?:dong|cung)\s{1,3})?chu\s{1,3}tri|thuc\s{1,3}hien|phu\s{1,3}trach|dam\s{1,3}nhan"
    r"|dam\s{1,3}nhiem|dam\s{1,3}trach|huong\s{1,3}dan"
    # ("X chịu trách nhiệm thực hiện." closing the item: X carries it)
    r"|chiu\s{1,3}trach\s{1,3}nhiem(?:\s{1,3}(?:to\s{1,3}chuc\s{1,3})?thuc\s{1,3}hien)?"
    r"|la\s{1,3}(?:co\s{1,3}quan\s{1,3}|don\s{1,3}vi\s{1,3})?(?:dau\s{1,3}moi|chu\s{1,3}tri|thuong\s{1,3}truc)"
    r"|(?:giu|dong)\s{1,3}vai\s{1,3}tro\s{1,3}(?:chu\s{1,3}tri|dau\s{1,3}moi)|lam\s{1,3}dau\s{1,3}moi"
    r"|to\s{1,3}chuc\s{1,3}(?:trien\s{1,3}khai|thuc\s{1,3}hien)"
    # "có trách nhiệm" and at most four words of what it is ("Sở Tư pháp có trách nhiệm biên soạn tài liệu;")
    r"|co\s{1,3}trach\s{1,3}nhiem(?:\s{1,3}\w+){0,4}?)"
    r"(?!\w)\s{0,3}(?:[,;.)]|$)")
# "(Thanh tra tỉnh; theo Kế hoạch …)": a closing parenthesis opening on its doer, then its own clause
_PAREN_DOER_END = regex.compile(r"\s{0,3};")
# "Họp dân bàn làm đường. Trưởng xóm Khau Chang. Tháng 6/2025.": a later sentence that is only its doer, or its doer
# and partners ("CC TP-HT, trưởng xóm phối hợp.")
_PARTNERS_CLOSING = regex.compile(r"\s(?:phoi\s{1,3}hop|ho\s{1,3}tro)\s{0,3}\.?\s{0,3}$")
_BARE_DOER_END = regex.compile(r"\s{0,3}(?:\.|$|,[^.;:]{1,80}?\s(?:phoi\s{1,3}hop|ho\s{1,3}tro)\s{0,3}(?:\.|$))")
_HANDOVER_OPEN = regex.compile(
    r"(?:phan\s{1,3}cong|yeu\s{1,3}cau|trach\s{1,3}nhiem\s{1,3}(?:chinh\s{1,3})?thuoc\s{1,3}ve"
    r"|nhiem\s{1,3}vu\s{1,3}(?:nay\s{1,3})?duoc\s{1,3}giao\s{1,3}cho)\s{1,3}")
# "… phối hợp" closing its clause: the agencies before it are partners ("Y phối hợp;", "Y phối hợp thực hiện.")
# ("Y tham gia kiểm tra …", "Y là cơ quan phối hợp" after an assignment too)
_PARTNER_AFTER = regex.compile(
    r"\s{1,3}(?:phoi\s{1,3}hop|ho\s{1,3}tro)(?:\s{1,3}thuc\s{1,3}hien)?\s{0,3}(?:[,;.)]|$)"
    r"|\s{1,3}tham\s{1,3}gia(?!\w)|\s{1,3}la\s{1,3}(?:co\s{1,3}quan|don\s{1,3}vi)\s{1,3}phoi\s{1,3}hop(?!\w)")
# Right after a lead's clause ("X chủ trì, Y phối hợp kiểm tra …", "X chủ trì, Y cùng thực hiện việc …") the partners'
# cue need not close its clause: the work that follows is the task both carry.
_LEAD_CLAUSE_END = regex.compile(r"(?<!\w)chu\s{1,3}tri\s{0,3}$")
_PARTNER_VERB_AFTER = regex.compile(
    r"\s{1,3}(?:phoi\s{1,3}hop|ho\s{1,3}tro|cung\s{1,3}(?:thuc\s{1,3}hien|tham\s{1,3}gia|phoi\s{1,3}hop))(?!\w)")
# An opening clause before the subject has at most this many words ("Hàng quý, …").
_MAX_OPENING_WORDS = 6
# A line that is only a cross reference ("Nhiệm vụ cụ thể: Theo Phụ lục đính kèm.") is this short.
_MAX_REFERENCE_CHARS = 90
# "Phụ lục I", "phụ lục số 02" (folded): the appendix's number, which the pointer endings leave out
_APPENDIX_NUMBER = regex.compile(r"phu\s{1,3}luc\s{1,3}(?:so\s{1,3})?(?:[ivxl]{1,5}|\d{1,2})(?![\w])")
_MAX_POINTER_CHARS = 240  # a sentence ending on where the tasks are listed ("… tại Phụ lục kèm theo")
# One agency name has at most this many words; a longer "agency" is a sentence.
_MAX_AGENCY_WORDS = 16
# A header line whose pieces have no known head noun is still an agency list when this short
# ("- Bảo hiểm xã hôi tỉnh:" over "+" items, "2. Văn hóa - xã hội, Đài truyền thanh xã").
_MAX_BARE_HEADER_WORDS = 10


# ---------------------------------------------------------------------------------------------
# Vocabulary (data/tasks.yaml) composed into patterns
# ---------------------------------------------------------------------------------------------


_alternation = phrase_alternation  # literal phrases as one alternation, longest first


@dataclass(frozen=True, slots=True)
class Vocab:
    block_line: regex.Pattern[str]  # agency-block lines; the group name is the role
    agency_section: regex.Pattern[str]
    not_task_opening: regex.Pattern[str]
    not_task_phrase: regex.Pattern[str]
    generic_opening: regex.Pattern[str]
    opening_clause: regex.Pattern[str]
    level_label: regex.Pattern[str]  # "Cấp tỉnh: ", "Ở cấp phường, xã, " before a carrier (folded, at a position)
    topic_opening: regex.Pattern[str]
    filler: frozenset[str]
    reference_ending: regex.Pattern[str]  # "… được phân công tại Phụ lục kèm theo Kế hoạch này."
    person: regex.Pattern[str]  # an honorific and a capitalised name ("bà Nguyễn Thị Hoa")
    person_opening: regex.Pattern[str]  # "Theo ông Lê Minh Tuấn, …"
    speech_verb: regex.Pattern[str]
    back_reference: regex.Pattern[str]  # "… thực hiện các nội dung trên": an assignment of the items above
    indicator_note: regex.Pattern[str]  # "(Chỉ số nội dung 4 - …)" closing an item: the indicator it serves
    clause_time: regex.Pattern[str]  # "…; năm 2024.", "…; khi có hồ sơ quá hạn.": a closing clause that is the time
    dimension_tag: regex.Pattern[str]  # "Chỉ số nội dung 7" in a "Ghi chú" cell: the dimension by its number
    time_cue_kept: regex.Pattern[str]  # "hạn chót:": a time field's cue that is part of its time (a latest date)
    # "X chịu trách nhiệm chính các nội dung tại mục này; Y phối hợp.": the section's agency block in words
    section_assignment: regex.Pattern[str]
    # the last words of the back references ("trên", "này", folded): a text holding none of them holds no back
    # reference, which a substring test tells far faster than the phrases' alternation
    back_reference_tails: tuple[str, ...]


# a part of the plan an agency block names before its colon ("mục 4", "phần II", "nhóm 2.1"), folded
_PLAN_PART = r"(?:muc|phan|nhom)\s{1,3}[0-9ivx]{1,4}(?:\.[0-9]{1,2}){0,2}"


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    raw = data_file("tasks.yaml")
    alts: list[str] = []
    for role, cues in raw["block_cues"].items():
        long_ = _alternation(cues.get("long") or [])
        short = _alternation(cues.get("short") or [])
        # long cue, optional "gồm", then ":"/"-" or a shared head ("các Phòng: …")
        parts: list[str] = []
        if long_:
            # ("Cơ quan chủ trì thực hiện mục 4: Thanh tra tỉnh": the part of the plan it is for, before the colon)
            parts.append(
                rf"(?:{long_})(?!\w)(?:\s{{1,3}}{_PLAN_PART})?"
                rf"(?:\s{{0,3}},?\s{{0,3}}gom)?"
                rf"(?:\s{{0,3}}[:：]|\s{{1,3}}[-–]\s|\s{{1,3}}(?=cac\s{{1,3}}\w{{1,12}}\s{{0,2}}:)|\s{{0,3}}$)"
            )
        if short:
            parts.append(rf"(?:{short})\s{{0,3}}[:：]")
        alts.append(rf"(?P<{role}>{'|'.join(parts)})")
    # (after an arrow pointing to the task above: "⇒ Hoàn thành: 6 tháng cuối năm 2024.")
    block_line = regex.compile(r"^\s{0,4}(?:(?:[" + regex.escape(ARROWS) + r"]|" + regex.escape(ASCII_ARROW) + r")\s{0,3})?(?:"
                               + "|".join(alts) + r")\s{0,4}")
    # one title, or two or three joined by "," / "và" ("Chỉ đạo, phân công thực hiện")
    title = r"(?:" + _alternation(raw["agency_section_titles"]) + r")"
    agency_section = regex.compile(
        r"^\s{0,4}" + title + r"(?:(?:\s{0,3},|\s{1,3}va)\s{1,3}" + title + r"){0,2}\s{0,3}[:.]?\s{0,3}$"
    )
    not_task_opening = regex.compile(r"^\s{0,4}(?:" + _alternation(raw["not_task_openings"]) + r")(?!\w)")
    not_task_phrase = regex.compile(r"(?<!\w)(?:" + _alternation(raw["not_task_phrases"]) + r")(?!\w)")
    generic_opening = regex.compile(r"^\s{0,4}[*]?\s{0,3}(?:" + _alternation(raw["generic_openings"]) + r")(?!\w)")
    opening_clause = regex.compile(r"^\s{0,4}(?:" + _alternation(raw["opening_clauses"]) + r")(?!\w)")
    unit = r"(?:" + _alternation(raw["level_units"]) + r")(?!\w)"
    level_label = regex.compile(r"\s{0,4}(?:(?:o|tai)\s{1,3}(?:cap\s{1,3})?|cap\s{1,3})" + unit
                                + r"(?:\s{0,2}[,/]\s{0,2}" + unit + r"){0,3}\s{0,2}[:,]\s{0,3}", regex.I)
    topic_opening = regex.compile(r"^\s{0,4}[\"“(]?(?:" + _alternation(raw["topic_openings"]) + r")(?!\w)")
    speech = raw["reported_speech"]
    honorific = r"(?:" + "|".join(regex.escape(w) for w in speech["honorifics"]) + r")"
    person = regex.compile(r"(?<![\w])(?i:" + honorific + r")\s{1,3}\p{Lu}\w{0,12}\s{1,3}\p{Lu}")
    person_opening = regex.compile(r"^\s{0,4}(?i:theo)\s{1,3}(?i:" + honorific + r")\s{1,3}\p{Lu}")
    speech_verb = regex.compile(r"(?<![\w])(?:" + "|".join(regex.escape(w) for w in speech["verbs"]) + r")(?![\w])")
    reference_ending = regex.compile(
        r"(?<!\w)(?:" + _alternation(raw["reference_endings"]) + r")(?!\w)[^.;:!?]{0,40}[.;]?\s{0,4}$")
    back_reference = regex.compile(r"(?<!\w)(?:" + _alternation(raw["back_references"]) + r")(?!\w)")
    indicator_note = regex.compile(r"\s{0,3}(?:(?:phuc\s{1,3}vu|gop\s{1,3}phan\s{1,3}cai\s{1,3}thien|nham\s{1,3}cai\s{1,3}thien)"
                                   r"\s{1,3})?(?:" + _alternation(raw["indicator_notes"]) + r")(?!\w)")  # matched at a position
    clause_time = regex.compile(r"\s{0,3}(?:(?:" + _alternation(raw["clause_time_verbs"]) + r")\s{1,3})?(?P<time>(?:"
                                + _alternation(raw["clause_time_openings"]) + r")(?!\w))")
    dimension_tag = regex.compile(r"(?:" + _alternation(raw["dimension_number_labels"]) + r")\s{0,3}(?:so\s{0,2})?([1-8])(?!\d)")
    time_cue_kept = regex.compile(r"\s{0,4}[(]?\s{0,3}(?:" + _alternation(raw["time_cues_kept"]) + r")(?!\w)")
    return Vocab(block_line, agency_section, not_task_opening, not_task_phrase, generic_opening,
                 opening_clause, level_label, topic_opening, frozenset(raw["header_filler_words"]),
                 reference_ending, person, person_opening, speech_verb, back_reference, indicator_note, clause_time,
                 dimension_tag, time_cue_kept, _section_assignment(raw["section_assignment"]),
                 tuple(sorted({str(p).split()[-1] for p in raw["back_references"] if str(p).strip()})))


def _section_assignment(sa: dict[str, list[str]]) -> regex.Pattern[str]:
    """The whole-line pattern of a section's agency block in words (``section_assignment`` in tasks.yaml).

    The scope may open the sentence ("Đối với nhóm nhiệm vụ này, X …"), come before "do" ("Các nội dung tại mục
    này do X chịu trách nhiệm chính") or follow the lead verb ("X chịu trách nhiệm chính các nội dung tại mục
    này"); the caller requires one of the three. Every part is bounded and the match is anchored at both ends.
    """
    scope = r"(?:" + _alternation(sa["scopes"]) + r")(?!\w)"
    by_field = r"(?:\s{1,3}theo\s{1,3}(?:linh\s{1,3}vuc|chuc\s{1,3}nang[^;,.]{0,60}))?"
    return regex.compile(
        r"^\s{0,4}[-–•+*]?\s{0,3}"
        r"(?:(?P<opening>(?:" + _alternation(sa["scope_openings"]) + r")\s{1,3}" + scope + r")\s{0,3},\s{0,3}"
        r"|(?P<before>" + scope + r")\s{1,3}do\s{1,3})?"
        r"(?P<lead>[^;:()]{3,300}?)\s{1,3}(?:" + _alternation(sa["lead_verbs"]) + r")(?!\w)"
        r"(?:\s{1,3}(?P<after>" + scope + r"))?" + by_field +
        r"(?:\s{0,3}[;,.]\s{0,4}(?P<support>[^;:()]{3,300}?)\s{1,3}(?:" + _alternation(sa["support_verbs"]) + r")(?!\w)"
        + by_field + r")?"
        r"\s{0,3}[.;]?\s{0,3}$"
    )


# ---------------------------------------------------------------------------------------------
# Collaborators (agencies, deadlines, taxonomy), imported once
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Api:
    split_agencies: Callable[..., list[Agency]]
    split_lead_cell: Callable[..., tuple[list[Agency], list[Agency]]]
    subject_agencies: Callable[..., list[Agency]]
    fronted_subject_agencies: Callable[..., tuple[list[Agency], list[Agency]]]
    cooperation_agencies: Callable[..., list[Agency]]
    fold_variants: Callable[[list[Agency]], list[Agency]]
    has_known_head: Callable[[str], bool]
    parse_deadlines: Callable[..., list[Deadline]]
    search_indicators: Callable[[str], Sequence[Any]] | None


@lru_cache(maxsize=1)
def _api() -> _Api:
    from papi_extract import agencies, deadlines

    try:
        from papi_extract.taxonomy import search_indicators
    except ImportError:  # pragma: no cover - taxonomy is part of the package
        search_indicators = None  # type: ignore[assignment]
    return _Api(
        agencies.split_agencies, agencies.split_lead_cell, agencies.subject_agencies, agencies.fronted_subject_agencies,
        agencies.cooperation_agencies, agencies.fold_variants, agencies.has_known_head, deadlines.parse_deadlines,
        search_indicators,
    )


# ---------------------------------------------------------------------------------------------
# Text joined from pieces, with the way back to document offsets
# ---------------------------------------------------------------------------------------------


def _hyphen_break(before: str, after: str) -> bool:
    """A piece ending in a hyphen joined to its word ("HĐND-", "2021-") before one that starts with a
    letter or digit: the line was broken inside a compound ("kinh tế -" keeps its space)."""
    return (len(before) >= 2 and before[-1] == "-" and before[-2].isalnum() and after[:1].isalnum())


class Joined:
    """Text rebuilt from document spans joined by one space; maps its offsets back to the document.

    Why: a task broken by a page break is two spans of ``ctx.text`` but one sentence; agencies and
    deadlines are found in the joined sentence and their spans mapped back to the document.
    ``folded`` is the same text in the matching form, sliced from ``ctx.folded`` (folding a string
    again costs far more than slicing the document's folded copy).
    """

    __slots__ = ("text", "folded", "_doc", "_starts", "_docs", "_lens", "tails", "_ends", "_flat")

    def __init__(self, doc: str, parts: Iterable[tuple[int, int]], fdoc: str | None = None) -> None:
        self._doc = doc
        starts: list[int] = []
        docs: list[int] = []
        lens: list[int] = []
        out: list[str] = []
        seps: list[str] = []  # what joins each piece to the one before it
        pos = 0
        for a, b in parts:
            seg = doc[a:b]
            core = seg.strip(" \t")
            if not core:
                continue
            a += len(seg) - len(seg.lstrip(" \t"))
            n = len(core)
            if out:
                # a line broken after a hyphen joined to its word ("HĐND-" / "UBND huyện") goes on
                # with no space: the hyphen belongs to the compound
                sep = "" if _hyphen_break(out[-1], core) else " "
                seps.append(sep)
                pos += len(sep)
            starts.append(pos)
            docs.append(a)
            lens.append(n)
            out.append(core)
            pos += n
        self._starts, self._docs, self._lens = starts, docs, lens
        self.tails: dict[int, tuple[list[Agency], int]] | None = None  # see ``_Doc.subject_at``
        self._ends: list[int] | None = None
        self._flat: str | None = None
        if len(out) == 1:
            self.text = out[0]
            a = docs[0]
            self.folded = fdoc[a : a + lens[0]] if fdoc is not None else fold(self.text)
        elif "" not in seps:
            self.text = " ".join(out)
            if fdoc is None:
                self.folded = fold(self.text)
            else:
                self.folded = " ".join([fdoc[a : a + n] for a, n in zip(docs, lens, strict=True)])
        else:
            self.text = out[0] + "".join(sep + piece for sep, piece in zip(seps, out[1:], strict=True))
            if fdoc is None:
                self.folded = fold(self.text)
            else:
                fparts = [fdoc[a : a + n] for a, n in zip(docs, lens, strict=True)]
                self.folded = fparts[0] + "".join(sep + piece for sep, piece in zip(seps, fparts[1:], strict=True))

    def __bool__(self) -> bool:
        return bool(self.text)

    def line_starts(self) -> list[int]:
        """Where each document piece after the first starts in ``text`` (the task's later lines)."""
        return self._starts[1:]

    @property
    def flat(self) -> str:
        """``folded`` with each run of blanks as one space, for the literal phrase gates ("phoi hop"
        in …): justified text ("phối  hợp với") has two spaces where a phrase has one."""
        f = self._flat
        if f is None:
            f = self._flat = " ".join(self.folded.split()) if "  " in self.folded else self.folded
        return f

    def sentence_ends(self) -> list[int]:
        """Where the later sentences of the text start (``_sentence_ends``; asked by several readers)."""
        if self._ends is None:
            self._ends = _sentence_ends(self.text)
        return self._ends

    def to_doc(self, i: int, end: bool = False) -> int:
        """Document offset of joined offset ``i`` (``end``: an exclusive end offset)."""
        if not self._starts:
            return 0
        k = bisect.bisect_right(self._starts, i - 1 if end else i) - 1
        k = max(0, k)
        off = i - self._starts[k]
        off = min(max(off, 0), self._lens[k])
        return self._docs[k] + off

    def span(self) -> tuple[int, int]:
        if not self._starts:
            return (0, 0)
        return (self._docs[0], self._docs[-1] + self._lens[-1])

    def single(self) -> bool:
        return len(self._docs) == 1

    def base(self) -> int:
        return self._docs[0] if self._docs else 0

    def parts(self) -> list[tuple[int, int]]:
        return [(d, d + n) for d, n in zip(self._docs, self._lens, strict=True)]

    def remap(self, start: int, end: int) -> tuple[int, int]:
        a = self.to_doc(start)
        b = self.to_doc(end, end=True)
        return (a, max(a, b))

    def remap_raw(self, start: int, end: int, wrap: bool = False) -> tuple[tuple[int, int], str | None]:
        """Document span of joined [start, end), and a new ``raw`` when it crosses a page break.

        A span must slice to its ``raw`` (``text[span] == raw``); a name broken by a page break
        ("Các cơ quan, đơn" / "vị") has no such span, so it keeps the part in the piece that holds
        most of it, and ``raw`` becomes that part (``name`` keeps the whole name). ``wrap``: a span over the lines
        of one hard-wrapped paragraph (only a line break and an indent between them) is kept whole.
        """
        best: tuple[int, int] | None = None
        pieces = 0
        first: tuple[int, int] | None = None
        last: tuple[int, int] | None = None
        wrapped = True  # every piece follows the one before with only a line's break between them
        for s, d, n in zip(self._starts, self._docs, self._lens, strict=True):
            a, b = max(s, start), min(s + n, end)
            if b <= a:
                continue
            pieces += 1
            part = (d + (a - s), d + (b - s))
            if last is not None and (part[0] < last[1] or part[0] - last[1] > _WRAP_GAP
                                     or self._doc[last[1] : part[0]].strip(" \t\n") or "\n" not in self._doc[last[1] : part[0]]):
                wrapped = False
            first = first or part
            last = part
            if best is None or b - a > best[1] - best[0]:
                best = part
        if best is None or first is None or last is None:
            a = self.to_doc(start)
            return (a, a), None
        if pieces == 1:
            return best, None
        if wrap and wrapped:
            # a time over a hard-wrapped paragraph's lines ("theo kế hoạch" / "tuyển dụng hằng năm"): one span
            # over the break (an agency's name keeps the longest part: a match running on into the next line's
            # first words is cut there)
            return (first[0], last[1]), self._doc[first[0] : last[1]]
        return best, self._doc[best[0] : best[1]]

    def slice(self, start: int, end: int) -> Joined:
        """The sub-text [start, end) as a Joined over the same document."""
        j = Joined.__new__(Joined)
        j._starts, j._docs, j._lens = [], [], []
        for s, d, n in zip(self._starts, self._docs, self._lens, strict=True):
            a, b = max(s, start), min(s + n, end)
            if b <= a:
                continue
            j._starts.append(a - start)
            j._docs.append(d + (a - s))
            j._lens.append(b - a)
        j._doc = self._doc
        j.tails = None
        j._ends = None
        j._flat = None
        j.text = self.text[start:end]
        j.folded = self.folded[start:end]
        return j


def _agencies(fn: Callable[..., list[Agency]], j: Joined) -> list[Agency]:
    """``fn(text, base)`` on a joined text, with spans in document offsets.

    A one-piece text is a slice of the document, so ``base`` does the mapping; only text joined
    across a page break needs its spans mapped back one by one.
    """
    if j.single():
        return fn(j.text, j.base())
    return _remap_agencies(fn(j.text, 0), j)


def _fronted(st: _Doc, j: Joined) -> tuple[list[Agency], list[Agency]]:
    """``fronted_subject_agencies`` on a joined text, in document offsets."""
    fn = st.api.fronted_subject_agencies
    if j.single():
        return fn(j.text, j.base())
    subject, partners = fn(j.text, 0)
    return _remap_agencies(subject, j), _remap_agencies(partners, j)


def _remap_agencies(items: Iterable[Agency], j: Joined) -> list[Agency]:
    out: list[Agency] = []
    for a in items:
        span, raw = j.remap_raw(*a.span)
        out.append(a.model_copy(update={"span": span} if raw is None else {"span": span, "raw": raw}))
    return out


_WRAP_GAP = 8  # characters between two lines of one paragraph (the break and the next line's indent)


def _remap_deadlines(items: Iterable[Deadline], j: Joined) -> list[Deadline]:
    out: list[Deadline] = []
    for d in items:
        span, raw = j.remap_raw(*d.span, wrap=True)
        out.append(d.model_copy(update={"span": span} if raw is None else {"span": span, "raw": raw}))
    return out


# ---------------------------------------------------------------------------------------------
# Block bookkeeping
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _AgencyLine:
    role: str  # lead | support | directing | deadline | output
    value: Joined


@dataclass(slots=True)
class _Item:
    """One body block as the stage sees it."""

    block: Block
    text: Joined
    section: str | None
    kind: str = "skip"  # task | line | header | consumed (lines of a numbered heading) | skip
    line: _AgencyLine | None = None
    more_lines: list[_AgencyLine] = field(default_factory=list)  # "X chủ trì; Y phối hợp": the Y line
    header_agencies: list[Agency] = field(default_factory=list)
    header_support: list[Agency] = field(default_factory=list)  # a lead-in's "phối hợp với Y": the items' partners
    header_scope_parent: bool = False  # a para header after the section's list: tasks belong one level up
    attached: list[_AgencyLine] = field(default_factory=list)
    back: _Item | None = None  # a paragraph after the list assigning it ("Giao X chủ trì … các nội dung trên")
    group: _Item | None = None
    intro: _Item | None = None  # a paragraph lead-in ("…, tập trung thực hiện các nội dung sau:") over paragraphs
    generic: bool = False
    # an assignment sentence with its own time closing a run of items ("X chủ trì, Y phối hợp; thời gian: năm 2025."):
    # the section's block, never one item's fields unless an arrow points it at the item above ("⇒ …")
    detached: bool = False
    chain: _Item | None = None  # the first clause of the paragraph this clause was cut from ("…; đồng thời …")
    draft: _Draft | None = None  # the task built from it (a later clause of its chain reads its agencies)


def _numbered(b: Block) -> bool:
    """An item labelled by numbers ("3.", "5.1.1.", "2)")."""
    return b.kind == "item" and b.label is not None and b.label.replace(".", "").isdigit()


def _lettered(b: Block) -> bool:
    """An item labelled by one letter ("a)", "b.", "đ)")."""
    return b.kind == "item" and b.label is not None and len(b.label) == 1 and b.label.isalpha()


def _rank(b: Block) -> int:
    """Outline rank of a block's marker: para 0, labelled item 1, "-" 2, "+" 3, other bullets 4."""
    if b.kind == "para":
        return 0
    if b.kind == "item" or b.label:
        return 1
    m = b.marker or ""
    if m in ("-", "–", "—", "•"):
        return 2
    if m == "+":
        return 3
    return 4


def _split_glued_items(ctx: DocContext, blocks: list[Block]) -> list[Block]:
    """Split lettered items that the outline merged into the previous block ("a) …" + "b) …").

    A piece that opens with the next letter label ("b) ", "đ) ", or "c. " before an upper-case
    word) starts a new item; the outline only merges them because the label letter is lower case.
    """
    doc = ctx.text
    out: list[Block] = []
    for b in blocks:
        if len(b.pieces) < 2 or b.kind in ("table_row", "heading", "closing"):
            out.append(b)
            continue
        cur = b
        new_pieces: list[tuple[int, int]] = [b.pieces[0]]
        prev_label = b.label if b.label and len(b.label) == 1 else None
        for a, e in b.pieces[1:]:
            seg = doc[a:e]
            m = _LETTER_PIECE.match(seg) or _LETTER_DOT_PIECE.match(seg)
            if m and (prev_label is None or _next_letter(prev_label) == m.group("label")):
                cur.pieces = new_pieces
                cur.end = new_pieces[-1][1]
                out.append(cur)
                label = m.group("label")
                ts = a + m.end()
                cur = Block("item", a, e, ts, ctx.line_of(a), marker=label, label=label, indent=0,
                            section=b.section, pieces=[(ts, e)])
                new_pieces = cur.pieces
                prev_label = label
                continue
            new_pieces.append((a, e))
        cur.pieces = new_pieces
        cur.end = new_pieces[-1][1]
        out.append(cur)
    return out


# the verb of a lead-in clause over a list ("… chủ trì thực hiện các nhiệm vụ sau:", "… thực hiện, cụ thể:")
# "… chỉ đạo UBND cấp xã niêm yết … các nội dung sau, hoàn thành trước …:": a sentence announcing the items below it
_ANNOUNCED_ITEMS = regex.compile(r"(?<!\w)(?:(?:cac|nhung)(?:\s{1,3}\w+){1,3}\s{1,3}sau|nhu\s{1,3}sau)(?!\w)")
_LEADIN_CLAUSE = regex.compile(r"(?<!\w)(?:chu\s{1,3}tri|chiu\s{1,3}trach\s{1,3}nhiem|thuc\s{1,3}hien|cu\s{1,3}the)(?!\w)")
# an inline list of tasks inside a paragraph: "…, cụ thể: (1) …; (2) …; (3) …."
@dataclass(frozen=True, slots=True)
class _InlineMarks:
    """How a one-line list numbers its items: "(1)" or an ordinal's words ("một là,", ``inline_ordinals``)."""
    first: regex.Pattern[str]  # after the lead-in's ":"
    next: regex.Pattern[str]  # after the previous item's ";"
    ordinal: dict[str, int]  # the words (lower case, one space) -> the item's number
    words: str  # the ordinals' words as one alternation, longest first (a paragraph's "Một là," opening reuses it)

    def number(self, m: regex.Match[str]) -> int:
        n = m.group("n")
        if n is not None:
            return int(n)
        if (r := m.group("r") or m.group("br")) is not None:
            return _ROMAN_SMALL[r]
        if (c := m.group("l") or m.group("pl")) is not None:
            return LETTER_ORDERS[0].find(c) + 1  # (its place in the Vietnamese alphabet: "đ)" is the fifth)
        return self.ordinal[" ".join(m.group("w").lower().split())]

    def label(self, m: regex.Match[str], number: int) -> str:
        """The item's label as written: "2" for "(2)" and "hai là", "ii" for "(ii)", "b" for "b/" and "(b)"."""
        return m.group("r") or m.group("br") or m.group("l") or m.group("pl") or str(number)


_ROMAN_SMALL = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


@lru_cache(maxsize=1)
def _inline_marks() -> _InlineMarks:
    raw = data_file("tasks.yaml")["inline_ordinals"]
    ordinal = {" ".join(str(w).lower().split()): int(n) for n, words in raw.items() for w in words}
    words = "|".join(regex.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(ordinal, key=lambda w: (-len(w), w)))
    # (an ordinal's words need their comma: "thời gian: thứ Ba hằng tuần" is a weekday, not a list)
    # ("(i) …; (ii) …" in small Roman numerals, "a/ …; b/ …" or "a) …; b) …" in letters: items labelled so)
    # ("(a) …; (b) …; (đ) …": a letter in parentheses, through the whole alphabet; a bare "a)" up to "h)")
    # ("i) …; ii) …; iii) …": small Roman numerals closed by a bracket only)
    mark = (r"\s{0,3}(?:\((?P<n>\d{1,2})\)\s{1,3}|\((?P<r>viii|vii|vi|iv|ix|iii|ii|i|v|x)\)\s{1,3}|(?P<l>[a-hđ])[/)]\s{1,3}"
            r"|(?P<br>viii|vii|vi|iv|ix|iii|ii|i|v|x)\)\s{1,3}"
            r"|\((?P<pl>[a-zđ])\)\s{1,3}|(?P<w>(?i:" + words + r"))\s{0,3},\s{0,3})(?=\S)")
    return _InlineMarks(regex.compile(":" + mark), regex.compile(";" + mark), ordinal, words)


# a paragraph that opens on "(1) " (its list run together, no lead-in): linear, anchored
_OPENS_NUMBERED = regex.compile(r"[ \t]{0,3}(?P<mark>\(1\))[ \t]{1,3}(?=\S)")


def _split_inline_items(ctx: DocContext, blocks: list[Block]) -> list[Block]:
    """A one-line paragraph whose lead-in ends with ":" and lists "(1) …; (2) …" inline: the lead-in
    becomes a header paragraph (its subject leads the items) and each item a numbered item of its own,
    its text up to the ";" before the next number (or the final ".")."""
    doc = ctx.text
    out: list[Block] = []
    first = _inline_marks().first
    for whole in blocks:
        if (whole.kind not in ("para", "item", "bullet")
                or ((doc.find(":", whole.start, whole.end) < 0 or first.search(doc, whole.start, whole.end) is None)
                    and _OPENS_NUMBERED.match(doc, whole.start, whole.end) is None)):
            out.append(whole)
            continue
        if len(whole.pieces) == 1:
            parts = [whole]
        else:  # lines the outline joined: each line read on its own ("Phòng X: (3) …; (4) …" under the last)
            parts = [whole] if not any(first.search(doc, pa, pe) for pa, pe in whole.pieces) else [
                Block(whole.kind if k == 0 else "para", pa if k else whole.start, pe, pa if k else whole.text_start,
                      ctx.line_of(pa), marker=whole.marker if k == 0 else None, label=whole.label if k == 0 else None,
                      indent=whole.indent, section=whole.section, pieces=[(pa, pe)])
                for k, (pa, pe) in enumerate(whole.pieces)]
        for b in parts:
            out.extend(_inline_items_of(doc, b))
    return out


def _inline_items_of(doc: str, b: Block) -> list[Block]:
    """``_split_inline_items`` for one block of one piece: [b] when it lists no items inline."""
    if len(b.pieces) != 1:
        return [b]
    a, e = b.pieces[0]
    marks = _inline_marks()
    m = marks.first.search(doc, a, e) if doc.find(":", a, e) >= 0 else None
    if m is None:
        o = _OPENS_NUMBERED.match(doc, b.start, e)  # (the outline may have read "(1)" as the block's label)
        if o is None:
            return [b]
        # "(1) Công khai …; (2) Kiểm tra …." with no lead-in: the paragraph is the list itself
        starts0 = [(o.end(), "1", o.start("mark"))]
        expect = 2
        for n in marks.next.finditer(doc, o.end(), e):
            if marks.number(n) != expect:
                break
            starts0.append((n.end(), str(expect), n.start()))
            expect += 1
        if len(starts0) < 2:
            return [b]
        return [Block("item", ms, starts0[k + 1][2] + 1 if k + 1 < len(starts0) else len(doc[:e].rstrip()), ts, b.line,
                      marker=f"({label})", label=label, indent=b.indent, section=b.section,
                      pieces=[(ts, starts0[k + 1][2] + 1 if k + 1 < len(starts0) else len(doc[:e].rstrip()))])
                for k, (ts, label, ms) in enumerate(starts0)]
    n0 = marks.number(m)
    starts = [(m.end(), marks.label(m, n0), m.start() + 1)]  # (text start, label, marker start)
    expect = n0 + 1
    lettered = m.group("l") or m.group("pl")
    for n in marks.next.finditer(doc, m.end(), e):
        if any((n.group(g) is None) != (m.group(g) is None) for g in ("r", "br", "l", "pl")):
            break
        if not (letter_follows(starts[-1][1], n.group("l") or n.group("pl")) if lettered else marks.number(n) == expect):
            break
        starts.append((n.end(), marks.label(n, expect), n.start()))
        expect += 1
    if len(starts) < 2 and n0 == 1:
        return [b]  # "(1)" alone: a reference, not a list
    if ((m.group("w") is not None or m.group("r") is not None or m.group("br") is not None or lettered)
            and (n0 != 1 or len(starts) < 2)):
        return [b]  # words, small numerals and letters number a list from its first on, and name two items at least
    head_end = m.start() + 1  # the lead-in keeps its ":"
    out = [Block(b.kind, b.start, head_end, b.text_start, b.line, marker=b.marker, label=b.label,
                 indent=b.indent, section=b.section, pieces=[(b.text_start, head_end)])]
    for k, (ts, label, ms) in enumerate(starts):
        # up to the next item's ";" (kept: the item ends its clause, as a list item's "." would) or the end
        te = starts[k + 1][2] + 1 if k + 1 < len(starts) else len(doc[:e].rstrip())
        out.append(Block("item", ms, te, ts, b.line, marker=f"({label})", label=label,
                         indent=b.indent + 2, section=b.section, pieces=[(ts, te)]))
    return out


@dataclass(frozen=True, slots=True)
class _Chains:
    """``clause_chains`` and the paragraph ordinals of tasks.yaml, compiled."""
    connector: regex.Pattern[str]  # on folded text: "; đồng thời ", ", đồng thời ", "; ngoài ra, "
    ordinal: regex.Pattern[str]  # on the text: "Một là, " opening a paragraph
    min_words: int


@lru_cache(maxsize=1)
def _chains() -> _Chains:
    raw = data_file("tasks.yaml")
    c = raw["clause_chains"]
    connector = regex.compile(
        r"(?:;\s{0,3}(?:" + _alternation(c["after_semicolon"]) + r")|,\s{0,3}(?:" + _alternation(c["after_comma"])
        + r"))(?!\w)(?:\s{0,3},)?\s{1,3}(?!(?:" + _alternation(c["not_before"]) + r")(?!\w))(?=\S)")
    ordinal = regex.compile(r"\s{0,3}(?i:" + _inline_marks().words + r")\s{0,3},\s{0,3}(?=\S)")
    return _Chains(connector, ordinal, int(c["min_words"]))


def _cut_pieces(doc: str, pieces: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The pieces of each part between the cuts ((start, end) of what goes to neither part), trailing blanks off."""
    bounds = [pieces[0][0], *(x for c in cuts for x in c), pieces[-1][1]]
    parts: list[list[tuple[int, int]]] = []
    for a, e in zip(bounds[::2], bounds[1::2], strict=True):
        part = [(max(s, a), min(t, e)) for s, t in pieces if s < e and t > a]
        part = [(s, t) for s, t in part if t > s]
        if part:
            s, t = part[-1]
            part[-1] = (s, s + len(doc[s:t].rstrip()))
        parts.append(part)
    return parts


def _split_chained_clauses(st: _Doc, blocks: list[Block], heads: dict[int, Block]) -> list[Block]:
    """A paragraph numbered by words ("Một là, …") loses them from its text; a paragraph whose clauses are chained
    ("…; đồng thời …", "…; ngoài ra, …": ``clause_chains``) becomes one block per clause, each later clause
    recorded in ``heads`` with the first one (whose subject it shares when it names none). A list item is cut only
    where the next clause opens on a subject of its own ("a) Thanh tra huyện …; đồng thời Phòng Nội vụ …"): the
    writer marked the item as the unit, but another doer is another task; its parts keep the item's label."""
    ctx = st.ctx
    doc, folded = ctx.text, ctx.folded
    ch = _chains()
    out: list[Block] = []
    for b in blocks:
        if b.kind not in ("para", "item", "bullet") or not b.pieces:
            out.append(b)
            continue
        a0, e0 = b.pieces[0]
        om = ch.ordinal.match(doc, a0, e0) if b.kind == "para" else None
        if om is not None:
            b = _copy_block(b)
            b.text_start = om.end()
            b.pieces[0] = (om.end(), e0)
        a, e = b.pieces[0][0], b.pieces[-1][1]
        if om is not None and (seq := _ordinal_sentences(doc, om, a, e)):
            # "Thứ nhất, X …. Thứ hai, Y …. Thứ ba, …": one task per numbered sentence, each without its ordinal
            out.extend(_blocks_of_parts(ctx, b, _cut_pieces(doc, b.pieces, seq)))
            continue
        f = folded[a:e]
        if "dong thoi" not in f and "ngoai ra" not in f:
            out.append(b)
            continue
        # (never inside brackets: "(bản ký số …, đồng thời gửi qua thư điện tử)" is one aside)
        cuts = [(m.start(), m.end()) for m in ch.connector.finditer(folded, a, e)
                if doc.count("(", a, m.start()) == doc.count(")", a, m.start())]
        if cuts and b.kind != "para":
            cuts = [c for c in cuts if _own_subject(st, c[1], e)]
        parts = _cut_pieces(doc, b.pieces, cuts) if cuts else []
        if not cuts or any(sum(len(doc[s:t].split()) for s, t in p) < ch.min_words for p in parts):
            out.append(b)
            continue
        head, *rest = _blocks_of_parts(ctx, b, parts)
        out.append(head)
        for nb in rest:
            heads[id(nb)] = head
            out.append(nb)
    return out


def _blocks_of_parts(ctx: DocContext, b: Block, parts: list[list[tuple[int, int]]]) -> list[Block]:
    """Block ``b`` cut into one block per part: the first keeps ``b``'s start, the others start at their text."""
    head = _copy_block(b)
    head.pieces = parts[0]
    head.end = parts[0][-1][1]
    return [head, *(Block(b.kind, p[0][0], p[-1][1], p[0][0], ctx.line_of(p[0][0]), marker=b.marker, label=b.label,
                          indent=b.indent, section=b.section, pieces=p) for p in parts[1:])]


def _ordinal_sentences(doc: str, first: regex.Match[str], a: int, e: int) -> list[tuple[int, int]]:
    """Where a paragraph opened by "Thứ nhất," / "Một là," goes on with "… . Thứ hai, …. Thứ ba, …": the (start, end)
    of each later ordinal (its sentence's full stop kept before it), in sequence from two; [] when there is none."""
    marks = _inline_marks()
    if marks.ordinal.get(" ".join(first.group().strip(" ,").lower().split())) != 1:
        return []
    out: list[tuple[int, int]] = []
    want = 2
    for m in _ordinal_sentence_rx().finditer(doc, a, e):
        if marks.ordinal.get(" ".join(m.group("w").lower().split())) != want:
            break
        out.append((m.start("w"), m.end()))
        want += 1
    return out


@lru_cache(maxsize=1)
def _ordinal_sentence_rx() -> regex.Pattern[str]:
    """An ordinal opening a sentence inside a paragraph: ". Thứ hai, ", ". Hai là, " (the full stop before it)."""
    return regex.compile(r"(?<=[.;])\s{1,3}(?P<w>(?i:" + _inline_marks().words + r"))\s{0,3},\s{0,3}(?=\S)")


def _own_subject(st: _Doc, a: int, e: int) -> bool:
    """The clause at doc[a:e] opens on an agency doing something (not "phối hợp …" with the first clause's doer)."""
    j = Joined(st.doc, [(a, e)], st.folded)
    got, after = st.subject_at(j, 0)
    return bool(got) and after >= 0 and bool(_VERB_AFTER.match(j.text, after)) and not _SUPPORT_VERB.match(j.folded, after)


@lru_cache(maxsize=1)
def _closing_rx() -> regex.Pattern[str]:
    """The outline's closing-formula pattern ("Trên đây là Kế hoạch …"), looked up once."""
    from papi_extract.outline import _patterns as _outline_patterns

    # the outline's pattern table is typed loosely (dict[str, object]); its "closing" entry is a Pattern
    return cast("regex.Pattern[str]", _outline_patterns()["closing"])


def _split_closing_pieces(ctx: DocContext, blocks: list[Block]) -> list[Block]:
    """Cut a closing formula that the outline glued onto the last item ("… xây dựng chính quyền."
    + "Trên đây là Kế hoạch …" on the next line, no blank between): the closing line and what
    follows become a "closing" block, so they never join the task's text."""
    out: list[Block] = []
    for b in blocks:
        if b.kind in ("table_row", "heading", "closing") or not b.pieces:
            out.append(b)
            continue
        if len(b.pieces) < 2:
            if b.kind == "para" and _closing_sentence_inside(ctx.folded, b, _closing_rx()):
                b.kind = "closing"
            out.append(b)
            continue
        closing_rx = _closing_rx()
        cut = next((k for k, (a, e) in enumerate(b.pieces) if k > 0 and closing_rx.match(ctx.folded[a:e])), None)
        if cut is None:
            if b.kind == "para" and _closing_sentence_inside(ctx.folded, b, closing_rx):
                b.kind = "closing"  # "Yêu cầu các cơ quan … nghiêm túc triển khai thực hiện. Trong quá trình thực hiện, …"
            out.append(b)
            continue
        rest = b.pieces[cut:]
        b.pieces = b.pieces[:cut]
        b.end = b.pieces[-1][1]
        out.append(b)
        a0 = rest[0][0]
        out.append(Block("closing", a0, rest[-1][1], a0, ctx.line_of(a0), section=b.section, pieces=rest))
    return out


def _closing_sentence_inside(folded: str, b: Block, closing_rx: regex.Pattern[str]) -> bool:
    """A closing formula opening a sentence inside the block, mid-line ("… triển khai thực hiện. Trong quá trình
    thực hiện, nếu có vướng mắc …"): the paragraph is the plan's closing, its first sentence the usual call to
    carry the plan out."""
    a, e = b.pieces[0][0], b.pieces[-1][1]
    at = folded.find(". ", a, e)
    while 0 <= at < e:
        if closing_rx.match(folded[at + 2 : e]):
            return True
        at = folded.find(". ", at + 2, e)
    return False


def _split_field_lines(ctx: DocContext, blocks: list[Block]) -> list[Block]:
    """Cut the item's own field lines that the outline glued onto it ("a) Niêm yết …" + "Người thực
    hiện: …" + "Thời gian: …" on the next lines, no blank or marker between): each line opening with
    a cue and a colon starts a block of its own (with its wrapped continuation lines), so it is read
    as an agency line and never joins the task's text. Without the colon a cue may be the end of a
    wrapped sentence ("… của các cơ quan, đơn vị thực hiện"), so it does not cut."""
    block_line = vocab().block_line
    out: list[Block] = []
    for b in blocks:
        if len(b.pieces) < 2 or b.kind in ("table_row", "heading", "closing"):
            out.append(b)
            continue
        pieces = b.pieces
        cuts: list[int] = []
        for k in range(1, len(pieces)):
            a, e = pieces[k]
            if _cue_with_colon(block_line, ctx.folded[a:e]) is not None:
                prev_end = ctx.text[pieces[k - 1][0] : pieces[k - 1][1]].rstrip()[-1:]
                if prev_end in (";", ",") and ctx.text[a:e].lstrip()[:1].islower():
                    continue  # "… thôn, bon;" / "thời gian: tháng 12/2023 …": a clause of the same sentence, wrapped
                cuts.append(k)
        if not cuts:
            out.append(b)
            continue
        b.pieces = pieces[: cuts[0]]
        b.end = b.pieces[-1][1]
        out.append(b)
        for c, stop in zip(cuts, [*cuts[1:], len(pieces)], strict=True):
            part = pieces[c:stop]
            a0 = part[0][0]
            out.append(Block("para", a0, part[-1][1], a0, ctx.line_of(a0), section=b.section, pieces=list(part)))
    return out


def _defined_short_forms(st: _Doc) -> dict[str, Agency]:
    """Short forms the plan defines for agencies that are no names by themselves ("Văn phòng HĐND và UBND huyện (viết
    tắt là Văn phòng)"): short form -> the agency it stands for, longest first. A short form that names a body on its
    own ("Phòng NV", "CA huyện") is left to the agency reader."""
    found: dict[str, Agency] = {}
    doc = st.doc
    for m in SHORT_FORM_DEFINITION.finditer(doc):  # "(viết tắt là Văn phòng)", "(sau đây gọi tắt là …)"
        short = m.group("short").strip(" \"“”'")
        if not short[:1].isupper() or short in found or len(short) > 40 or any(c in short for c in ",;"):
            continue
        line_start = doc.rfind("\n", 0, m.start()) + 1
        seg = doc[line_start : m.start()].rstrip()
        lead = len(seg) - len(seg.lstrip(" \t-+•*0123456789.)"))
        names = st.api.subject_agencies(seg[lead:], 0) if seg[lead:] else []
        if not names or names[0].span[0] != 0 or names[-1].span[1] < len(seg) - lead:
            continue  # the short form of something else ("cán bộ, công chức, viên chức (viết tắt là CBCCVC)")
        if st.api.subject_agencies(short + " thực hiện", 0):
            continue
        found[short] = names[-1]
    if "tắt" in doc or "Ghi chú" in doc:
        for short, full in _legend_short_forms(st).items():
            found.setdefault(short, full)
    return dict(sorted(found.items(), key=lambda kv: -len(kv[0])))


# a legend of short forms: "Chữ viết tắt (sử dụng trong bảng): SNV: Sở Nội vụ; STP: Sở Tư pháp; …", "Ghi chú: NV - Phòng
# Nội vụ; TP - Phòng Tư pháp." (the cue, then "short: name" pairs parted by ";")
_LEGEND_CUE = regex.compile(r"(?:(?:chữ|từ|các\s{1,3}chữ)\s{1,3}viết\s{1,3}tắt|ghi\s{1,3}chú)[^:\n]{0,40}:\s{0,3}", regex.I)
_LEGEND_PAIR = regex.compile(r"\s{0,3}(?P<short>[^\s:;=–][^:;=–\n]{0,24}?)\s{0,3}(?::|=|–|\s-\s)\s{0,3}(?P<name>\p{Lu}[^;\n]{2,150}?)"
                             r"\s{0,3}[.;]?\s{0,3}$")


def _legend_short_forms(st: _Doc) -> dict[str, Agency]:
    """Short forms a legend line defines ("SNV: Sở Nội vụ; …"), when every name is a whole agency: short -> agency."""
    doc = st.doc
    out: dict[str, Agency] = {}
    for m in _LEGEND_CUE.finditer(doc):
        end = doc.find("\n", m.end())
        pairs: dict[str, Agency] = {}
        for piece in doc[m.end() : end if end >= 0 else len(doc)].split(";"):
            pm = _LEGEND_PAIR.match(piece)
            if pm is None:
                continue
            short, name = pm.group("short").strip(), pm.group("name").strip()
            names = st.api.subject_agencies(name, 0)
            if len(names) != 1 or names[0].span[0] != 0 or names[0].span[1] < len(name.rstrip(" .")) - 1:
                continue
            pairs[short] = names[0]
        if len(pairs) >= 2:  # a legend lists several (one pair is as likely a note's "Ghi chú: X: …")
            out.update(pairs)
    return out


def _expand_short_forms(st: _Doc, items: list[Agency]) -> list[Agency]:
    """An agency written only as a short form the plan defines ("SNV" in a table cell) takes the full name, kind and
    scope (raw and span stay those of the text): the dataset counts it with the same body written out."""
    forms = st.short_forms
    out = []
    for a in items:
        full = forms.get(a.raw.strip(" .;,:"))
        out.append(a.model_copy(update={"name": full.name, "kind": full.kind, "scope": full.scope}) if full else a)
    return out


def _next_letter(label: str) -> str | None:
    i = _LETTERS.find(label)
    return _LETTERS[i + 1] if 0 <= i < len(_LETTERS) - 1 else None


# ---------------------------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------------------------


class _Doc:
    """Per-document state: sections, their tree, agency blocks and the collaborators."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.doc = ctx.text
        self.folded = ctx.folded
        self.api = _api()
        self.v = vocab()
        self.period = ctx.period
        if ctx.is_report and ctx.period is not None and ctx.period.end_year != ctx.period.start_year:
            # a report's period runs from the year it reports on to the year it plans: its tasks are the plan's, so
            # a time without its year ("trong quý II") is in the planned year
            self.period = Period(start_year=ctx.period.end_year, end_year=ctx.period.end_year)
        self.secs: dict[str, Section] = {s.id: s for s in ctx.sections}
        self.short_forms = _defined_short_forms(self) if "tắt" in self.doc or "Ghi chú" in self.doc else {}
        self.children: dict[str | None, list[str]] = {}
        for s in ctx.sections:
            self.children.setdefault(s.parent, []).append(s.id)
        # section-level agency lines: scope section id -> role -> list of lines
        self.blocks_of: dict[str, dict[str, list[_AgencyLine]]] = {}
        self.has_task_sections = any(s.kind in ("tasks", "organization") for s in ctx.sections)
        # the one indicator the title makes the plan's subject ("Nâng cao chỉ số Quản trị môi trường …"), if any
        ti = title_indicator(ctx.title) if ctx.title else None
        self.title_dim: tuple[int, str | None] | None = (ti.dimension, ti.subdimension) if ti is not None else None
        self.heading_group: dict[str, list[Agency]] = {}
        # a section's own dimension (its heading names it); the indicators stage also copies a
        # parent's dimension down to every child, which must not hide a logical container
        self.own_dim: dict[str, tuple[int | None, str | None]] | None = None
        heading_mentions = [m for m in ctx.indicators if m.section and m.method.startswith("heading")]
        if heading_mentions:
            self.own_dim = {}
            for m in heading_mentions:
                assert m.section is not None  # heading_mentions keeps only mentions with a section
                sec = self.secs.get(m.section or "")
                if sec is not None and m.section not in self.own_dim:
                    self.own_dim[m.section] = (sec.dimension, sec.subdimension)
        # numbered tasks the outline read as headings: section id -> the agency lines right under it
        self.task_heading: dict[str, list[_AgencyLine]] = {}
        # section id -> its intro, the lead-in paragraph opening it before its first heading or task ("Trong năm
        # 2025, các công chức … tập trung thực hiện các nhiệm vụ sau:"), whose time frames the tasks below it
        self.section_intro: dict[str, _Item] = {}
        self.heading_intro: dict[str, Joined] = {}  # sections whose heading is a lead-in ("… các nội dung sau:")
        self.time_heading: dict[str, Joined] = {}  # sections whose heading names only a time: that time ("Quý III/2023")
        self.logical_parent: dict[str, str] = {}
        self._chains: dict[str | None, list[Section]] = {}
        self._area: dict[str | None, bool] = {}  # in_task_area per section (depends on the chains)
        # (section, role, stop) -> the agency-block lines that apply (``_block_role``); filled only
        # after ``_attach_lines`` has built ``blocks_of``
        self.roles_memo: dict[tuple[str | None, str, str | None], list[_AgencyLine]] = {}

    # -- sections ---------------------------------------------------------------------------

    def parent_of(self, sid: str) -> str | None:
        """The section's container: its outline parent, or for a numbered task the outline read as
        a heading, the section it logically continues (see ``_find_task_headings``)."""
        lp = self.logical_parent.get(sid)
        if lp is not None:
            return lp
        s = self.secs.get(sid)
        return s.parent if s is not None else None

    def ancestors(self, sid: str | None) -> list[Section]:
        """The section and its containers, innermost first (cached: asked for every task and role)."""
        cached = self._chains.get(sid)
        if cached is not None:
            return cached
        out: list[Section] = []
        seen: set[str] = set()
        cur = sid
        while cur is not None and cur in self.secs and cur not in seen:
            seen.add(cur)
            out.append(self.secs[cur])
            cur = self.parent_of(cur)
        self._chains[sid] = out
        return out

    def in_task_area(self, sid: str | None) -> bool:
        got = self._area.get(sid)
        if got is None:
            got = self._area[sid] = self._in_task_area(sid)
        return got

    def _in_task_area(self, sid: str | None) -> bool:
        chain = self.ancestors(sid)
        if not chain:
            return False
        if chain[0].kind in TASK_KINDS:
            return True
        # a plan whose task section has an unusual title ("II. CÁC NỘI DUNG CẢI THIỆN") leaves it
        # "other": without any tasks section, an "other" section under a PAPI dimension holds tasks
        return (not self.has_task_sections and chain[0].kind == "other"
                and any(s.dimension is not None for s in chain))

    def dimension_of(self, sid: str | None) -> tuple[int | None, str | None]:
        """The dimension of the nearest section (itself, then its containers) whose own heading names one."""
        for s in self.ancestors(sid):
            own = self.own_dim.get(s.id) if self.own_dim is not None else (
                (s.dimension, s.subdimension) if s.dimension is not None else None)
            if own is not None:
                return own
        return None, None

    def plan_dimension(self, sid: str | None, found: tuple[int | None, str | None]) -> tuple[int | None, str | None]:
        """``found``, or, when it names no dimension, the title's indicator for a task under a tasks section: a plan
        about one dimension writes its tasks under topics of its own. Organization tasks stay without."""
        if found[0] is not None or self.title_dim is None:
            return found
        if not any(s.kind == "tasks" for s in self.ancestors(sid)):
            return found
        return self.title_dim

    def own_dimension(self, sid: str) -> bool:
        """The section's own heading names a PAPI dimension (it is an indicator heading)."""
        if self.own_dim is not None:
            return sid in self.own_dim
        s = self.secs.get(sid)
        if s is None or s.dimension is None:
            return False
        parent = self.secs.get(s.parent) if s.parent else None
        return parent is None or (parent.dimension, parent.subdimension) != (s.dimension, s.subdimension)

    def is_agency_section(self, s: Section) -> bool:
        return _agency_section_title(s.title)

    def top_section(self, sid: str | None) -> str | None:
        chain = self.ancestors(sid)
        return chain[-1].id if chain else None

    # -- agencies -----------------------------------------------------------------------------

    def agency_list(self, j: Joined, lenient: bool = False, org: bool = False) -> list[Agency] | None:
        """The agencies of a text that is *only* an agency list ("- Sở Y tế:", "2. Sở Nội vụ").

        The splitter reads any text as agencies (it is meant for cells that hold agencies), so the
        evidence is checked here: the list covers the text, no piece opens with a topic or action
        word ("Nội dung …", "Tổ chức thực hiện …"), and every piece has a known head noun — or, in
        a position that holds agencies by convention (``lenient``: an organization sub-heading, a
        "- X:" line over sub-items), at least one piece does or the text is short.
        """
        text = j.text.rstrip(" :.;,")
        if not text or len(text) > 400 or _SENTENCE_BREAK.search(text):
            return None  # an agency list is never two sentences
        k = text.find(":")
        if k >= 0 and _nwords(text[:k], 2) > 2:
            return None  # "Sở X: Tăng cường …" is an agency-colon task, not a list ("các Phòng: A, B" is)
        ftext = j.folded[: len(text)]
        try:
            found = self.api.split_agencies(text, 0)  # spans relative to ``text``, remapped below
        except Exception:  # noqa: BLE001 - a splitter failure must not lose the document
            return None
        if not found or any(_nwords(a.raw, _MAX_AGENCY_WORDS) > _MAX_AGENCY_WORDS for a in found):
            return None
        if self.v.topic_opening.match(ftext) and not all(
                w in self.v.filler for w in _WORD.findall(ftext, 0, max(0, found[0].span[0]))):
            return None  # ("Yêu cầu Chủ tịch UBND các huyện:" addresses its agency: "yêu cầu" is no topic there)
        if any(self.v.topic_opening.match(ftext, max(0, a.span[0])) for a in found):
            return None
        known = [a.kind != "other" or self.api.has_known_head(a.name) for a in found]
        if not all(known) and not org and not (
                lenient and (any(known) or _nwords(text, _MAX_BARE_HEADER_WORDS) <= _MAX_BARE_HEADER_WORDS)):
            return None
        # the folded text with every found name blanked out: what is left must be filler words
        buf = list(ftext)
        for a in found:
            s, e = max(0, a.span[0]), min(len(text), a.span[1])
            if e > s:
                buf[s:e] = " " * (e - s)
        if "tắt" in text:
            for m in SHORT_FORM_DEFINITION.finditer(text):
                buf[m.start() : m.end()] = " " * (m.end() - m.start())  # "(viết tắt là Phòng TN&MT)": the name's
        rest = "".join(buf)
        words = [w for w in _WORD.findall(rest) if w not in self.v.filler]
        if len(words) > (2 if lenient else 0):
            return None
        return _remap_agencies(found, j)

    def bare_agencies(self, j: Joined) -> list[Agency] | None:
        """A line that only names agencies ("- Sở Thông tin và truyền thông."): an agency list that is
        also read as the sentence's whole subject, so an action opening with a noun-like verb
        ("Tổ chức tự kiểm tra …") is not taken for a name."""
        if len(j.text) > 240:
            return None
        subject = self.api.subject_agencies(j.text, 0)
        if not subject:
            return None
        # the cheap test first: a subject that stops before the end is an action sentence
        end = max(a.span[1] for a in subject)
        if end < len(j.text.rstrip(" :.;,")) - 2:
            return None
        return self.agency_list(j) or None

    def colon_subject(self, j: Joined) -> list[Agency]:
        """The agencies of an "X: …" opening ("Sở Y tế: Tăng cường …:"), else []."""
        k = j.text.find(":")
        if k <= 0:
            return []
        head = j.slice(0, k)
        return self.agency_list(head, lenient=True) or []

    def split(self, j: Joined) -> list[Agency]:
        if not j:
            return []
        return _agencies(self.api.split_agencies, j)

    def lead_cell(self, j: Joined) -> tuple[list[Agency], list[Agency]]:
        if not j:
            return [], []
        if j.single():
            return self.api.split_lead_cell(j.text, j.base())
        lead, extra = self.api.split_lead_cell(j.text, 0)
        return _remap_agencies(lead, j), _remap_agencies(extra, j)

    def subject_at(self, j: Joined, k: int) -> tuple[list[Agency], int]:
        """The subject agencies of ``j.text[k:]`` (a later sentence or clause) in document offsets, and
        where that subject ends in ``j.text`` (-1 when there is none).

        The subject, partner and oversight readers all ask this for the same sentence starts of one
        task, so the answer is kept on the text; a one-piece text is read once at its document offset.
        """
        tails = j.tails
        if tails is None:
            tails = j.tails = {}
        got = tails.get(k)
        if got is not None:
            return got
        fn = self.api.subject_agencies
        if j.single():
            base = j.base()
            found = fn(j.text[k:], base + k)
            got = (found, max(a.span[1] for a in found) - base if found else -1)
        else:
            rel = fn(j.text[k:], 0)
            got = ((_agencies(fn, j.slice(k, len(j.text))), k + max(a.span[1] for a in rel)) if rel
                   else ([], -1))
        tails[k] = got
        return got

    def subjects(self, j: Joined) -> tuple[list[Agency], list[Agency]]:
        """(subject of the first sentence, subjects of later sentences)."""
        if not j:
            return [], []
        first = _agencies(self.api.subject_agencies, j)
        if not first:
            # a short opening clause before the subject: "Hàng quý, UBND các xã …",
            # "Ngoài nhiệm vụ nêu trên, các cơ quan, đơn vị, địa phương chủ động …"
            k = j.text.find(",")
            if (0 < k and _nwords(j.text[:k], _MAX_OPENING_WORDS) <= _MAX_OPENING_WORDS
                    and self.v.opening_clause.match(j.folded[:k])):
                rest = j.slice(k + 1, len(j.text))
                rest = rest.slice(len(rest.text) - len(rest.text.lstrip()), len(rest.text))
                first = _agencies(self.api.subject_agencies, rest)
        if not first and (lv := self.v.level_label.match(j.folded)) is not None:
            # "Cấp tỉnh: Sở Nội vụ tổng hợp …", "Ở cấp xã, công chức Tư pháp - Hộ tịch …": the level, then its carrier
            first = self.subject_at(j, lv.end())[0]
        if not first and "nhu sau" in j.folded and (m := _AMENDED_WORDING.search(j.folded)) is not None:
            # the item amends an earlier plan's task and quotes its new wording: that wording's subject leads
            first = self.subject_at(j, m.end())[0]
        if not first and self.short_forms:
            first = self.short_form_at(j, 0)  # "Văn phòng theo dõi …" after "… (viết tắt là Văn phòng)"
        if first:
            # "UBND tỉnh giao Sở Nội vụ theo dõi …": the assigner is not the lead, the object of "giao" is
            g = _GIAO_AFTER_SUBJECT.match(j.folded)
            if (g and j.text[g.start(1) : g.end(1)].lower() == "giao"  # (not "Ban Tuyên giáo Huyện ủy" folded)
                    and _nwords(j.text[: g.start(1)], _MAX_OPENING_WORDS) <= _MAX_OPENING_WORDS):
                rest = j.slice(g.end(), len(j.text))
                obj = _agencies(self.api.subject_agencies, rest)
                if obj:
                    first = obj
        later: list[Agency] = []
        for k in j.sentence_ends():
            later.extend(self.subject_at(j, k)[0])
        for m in _CLAUSE.finditer(j.text) if ";" in j.text else ():
            # "Sở A chỉ đạo …; Sở B nâng cao …": each clause's subject leads ("Y phối hợp" supports)
            got, after = self.subject_at(j, m.end())
            if not got:
                continue
            if _SUPPORT_VERB.match(j.folded, after) or not _VERB_AFTER.match(j.text, after):
                continue  # "…; Sở B, Sở C." continues a partner list: no verb after the name
            seg0 = max(j.text.rfind(";", 0, m.start()), j.text.rfind(".", 0, m.start())) + 1
            cue = None
            for cue in _PARTNER_CUE.finditer(j.folded, seg0, m.start()):
                pass
            if cue is not None and self.agency_list(j.slice(cue.end(), m.start()), lenient=True):
                continue  # "phối hợp với Sở A; Sở B tham mưu …": Sở B is one more partner
            later.extend(got)
        if ";" in j.text and (" o " in j.flat or "cap " in j.flat):
            # "Ở cấp thành phố, X chủ trì …; ở cấp phường, xã, Y bố trí …": each level's clause names its carrier
            k = j.text.find(";")
            while k >= 0:
                if (lv := self.v.level_label.match(j.folded, k + 1)) is not None:
                    got, after = self.subject_at(j, lv.end())
                    if got and not _SUPPORT_VERB.match(j.folded, after) and _VERB_AFTER.match(j.text, after):
                        later.extend(a for a in got if a not in later)
                k = j.text.find(";", k + 1)
        return first, later

    def overseers(self, j: Joined) -> list[Agency]:
        """Agencies of a later sentence or clause that only oversee ("… Giao Thanh tra huyện theo dõi,
        đôn đốc.", "…; Phòng Nội vụ hướng dẫn, kiểm tra; …")."""
        if not j or not any(w in j.flat for w in ("theo doi", "don doc", "huong dan", "kiem tra", "giam sat", "ho tro")):
            return []
        out: list[Agency] = []
        clauses = [m.end() for m in _CLAUSE.finditer(j.text)] if ";" in j.text else []
        # "… giao X chủ trì thực hiện, Phòng Y hướng dẫn, kiểm tra; …": a comma clause right after an
        # assignment ("chủ trì" earlier in the same ";" part) too
        f = j.folded
        clauses += [m.end() for m in _COMMA_CLAUSE.finditer(j.text)
                    if _LEAD_VERB.search(f, f.rfind(";", 0, m.start()) + 1, m.start())]
        for k in (*j.sentence_ends(), *clauses):
            got, after = self.subject_at(j, k)
            if got and _OVERSIGHT_ONLY.match(j.folded, after):
                out.extend(got)
        return out

    def assigned(self, j: Joined) -> list[Agency]:
        """Agencies named by a later sentence that assigns the task: "… Giao Phòng A chủ trì, phối hợp
        với B thực hiện; thời gian: …" or "… Phòng A chủ trì, B phối hợp thực hiện." (first such sentence),
        or by the parenthesis that closes it: "… trong quý III/2024 (Sở Nội vụ thực hiện)."."""
        if not j:
            return []
        closing = _closing_assignment(self, j) or _dash_doer(self, j)
        if closing:
            return closing
        if (got := self.assigned_to(j)[0]):
            return got  # "… được giao cho X", "… là trách nhiệm của X", "… giao X chủ trì, Y phối hợp"
        if (j.folded.startswith(_NOMINAL_OPENINGS) or self.v.back_reference.match(j.folded)) and " do " in j.flat:
            # "Việc tổ chức bầu trưởng tổ dân phố … do Văn phòng HĐND và UBND phường hướng dẫn thực hiện": the
            # passive's agent leads
            got = self._passive_agent(j, _PASSIVE_BY)
            if got:
                return got
        if " do " in j.flat or "(do " in j.flat:
            # "… (do Sở X và UBND các huyện đảm trách; trong quý IV)", "…; do X thực hiện.": a passive clause
            # or parenthesis naming the task's agent
            got = self._passive_agent(j, _PASSIVE_CLAUSE)
            if got:
                return got
        if " do " in j.flat:
            got = self.agent_clause(j)[0]
            if got:
                return got
        if "giao" not in j.folded and "chu tri" not in j.flat:
            return self._later_doer(j)
        for k in j.sentence_ends():
            got, after = self.subject_at(j, k)
            if _GIAO_OPEN.match(j.folded, k):
                if got:
                    return list(got)
                continue
            g = _GIVES_AFTER.match(j.folded, after) if got else None
            if g is not None:
                # "… . UBND tỉnh giao Ban Quản lý Khu kinh tế chủ trì, cùng …": the one given the task leads
                obj, after2 = self.subject_at(j, g.end())
                if obj and (_LEAD_VERB.match(j.folded, after2) or _LATER_DOER.match(j.folded, after2)):
                    return list(obj)
            if got and _LEAD_VERB.match(j.folded, after):
                return list(got)
        # "…; giao Phòng A chủ trì, phối hợp với B thực hiện …": the same assignment as a clause
        for m in _GIAO_CLAUSE.finditer(j.folded) if "giao" in j.folded else ():
            got, after = self.subject_at(j, m.end())
            if got and _LEAD_VERB.match(j.folded, after):
                return list(got)
        # "Tăng cường kỷ luật …; Sở Nội vụ chủ trì, phối hợp với … kiểm tra …": a clause whose subject
        # takes the lead, after an opening with none
        for m in _CLAUSE.finditer(j.text) if ";" in j.text and "chu tri" in j.flat else ():
            got, after = self.subject_at(j, m.end())
            if got and _LEAD_VERB.match(j.folded, after):
                return list(got)
        return self._later_doer(j)

    def assigned_to(self, j: Joined) -> tuple[list[Agency], list[Agency]]:
        """(lead, partners) a phrase handing the task to its carrier names after the work ("Việc số hóa hồ sơ … được
        giao cho UBND các xã, Sở TT&TT phối hợp", "… là trách nhiệm của UBND các huyện", "Công tác tuyên truyền … giao
        Sở X chủ trì, Báo Y phối hợp", "Đơn vị thực hiện là Phòng Nội vụ"): tasks.yaml assigned_to. A bare "giao" needs
        a lead's verb after the agency ("chủ trì", "thực hiện"); a partner list needs "phối hợp" (or "thực hiện",
        "hỗ trợ", "tham gia") after it."""
        f = j.folded
        if not any(w in f for w in ("giao", "trach nhiem", " la ")):
            return [], []
        for m in _assigned_to().finditer(f):
            got, after = self.subject_at(j, m.end())
            if not got or after < 0:
                continue
            if m.group("bare") is not None and _AGENT_VERB.match(f, after) is None and _LEAD_VERB.match(f, after) is None:
                continue  # "UBND tỉnh giao Sở X theo dõi …" is read elsewhere; "giao" alone needs "X chủ trì"
            if len(got) > 1 and _AGENT_PARTNER_ON.match(f, after):
                # "… là trách nhiệm của Sở A, Công an tỉnh phối hợp": the list's last name is the partner
                return list(got[:-1]), list(got[-1:])
            lv = _LEAD_VERB.match(f, after)
            return list(got), self._partners_after(j, lv.end() if lv is not None else after, _AGENT_PARTNER_ON)
        return [], []

    def _partners_after(self, j: Joined, k: int, verb: regex.Pattern[str]) -> list[Agency]:
        """The agencies after the comma at ``k`` that ``verb`` ("phối hợp", "thực hiện" …) follows: a lead clause's
        partners ("X chủ trì, Y phối hợp"); [] when no comma or no such verb."""
        f = j.folded
        if not f.startswith(",", k):
            return []
        k += 1
        while k < len(f) and f[k] == " ":
            k += 1
        more, after = self.subject_at(j, k)
        return list(more) if more and after >= 0 and verb.match(f, after) else []

    def agent_clause(self, j: Joined) -> tuple[list[Agency], list[Agency]]:
        """(lead, partners) of a closing agent clause: "… do X chủ trì[, Y thực hiện | Y phối hợp]." — "do", an agency,
        a doer's verb that ends the clause; then, after a comma, agencies and "thực hiện" / "phối hợp" that end it."""
        f = j.folded
        for m in _PASSIVE_BY.finditer(f):
            got, after = self.subject_at(j, m.end())
            if not got or after < 0 or (vm := _AGENT_VERB.match(f, after)) is None:
                continue
            return list(got), self._partners_after(j, vm.end(), _AGENT_PARTNER)
        return [], []

    def _passive_agent(self, j: Joined, by: regex.Pattern[str]) -> list[Agency]:
        """The agent after the first "do" that ``by`` finds and that a doer's verb follows."""
        for m in by.finditer(j.folded):
            got, after = self.subject_at(j, m.end())
            if got and _PASSIVE_VERB.match(j.folded, after):
                return list(got)
        return []

    def _later_doer(self, j: Joined) -> list[Agency]:
        """The doer a later sentence, clause or closing parenthesis names with nothing after its verb but a time
        or its partners ("… . UBND các huyện thực hiện, năm 2024.", "…; Sở Tư pháp đảm nhận, Trung tâm … hỗ trợ",
        "(Sở Nội vụ hướng dẫn, đôn đốc; chậm nhất …)", "…; X là đơn vị đầu mối, Y phối hợp"), or an opening that
        hands the task over ("Trách nhiệm chính thuộc về X", "Phân công X chỉ đạo …"). A later sentence with an
        action of its own is another matter, not the task's doer (docs/annotation.md)."""
        f = j.folded
        ends = j.sentence_ends()
        if "(" not in f and not ends and not _later_cue(j.flat, f):
            return []
        starts = set(ends)
        starts.update(m.end() for m in _CLAUSE_OR_PAREN.finditer(j.text))
        for k in sorted(starts):
            m = _HANDOVER_OPEN.match(f, k)
            if m is not None:
                got, _ = self.subject_at(j, m.end())
                cut = f.find(";", m.end())
                if cut > 0:  # "Trách nhiệm chính thuộc về X; Y hỗ trợ": the handover ends at its clause
                    end = j.to_doc(cut, end=True)
                    got = [a for a in got if a.span[1] <= end]
                if got:
                    return list(got)
                continue
            got, after = self.subject_at(j, k)
            if got and after >= 0 and (_LATER_DOER.match(f, after)
                                       or (k > 0 and f[k - 1] == "(" and _PAREN_DOER_END.match(f, after))):
                return list(got)
            if k in ends:
                # a later sentence that is only its doer (and partners): read up to its full stop, so that a
                # name cannot run on into the next sentence ("Trưởng xóm Khau Chang. Tháng 6/2025.")
                dot = j.text.find(". ", k)
                piece = j.slice(k, dot if dot >= 0 else len(j.text))
                got, after = self.subject_at(piece, 0)
                if got and after >= 0 and _BARE_DOER_END.match(piece.folded, after):
                    return list(got)
                comma = piece.folded.find(",")
                if comma > 0 and _PARTNERS_CLOSING.search(piece.folded):
                    # "CC ĐC-NN, Đoàn Thanh niên xã phối hợp": the doer before the comma, partners after it
                    doer = self.bare_agencies(piece.slice(0, comma))
                    if doer:
                        return list(doer)
        return []

    def cooperation(self, j: Joined) -> list[Agency]:
        # every partner cue is "phối hợp …", "chủ trì, cùng …" or "(chủ trì), …": a text without them is not lowered
        # and scanned
        if not j or ("phoi hop" not in j.flat and "cung" not in j.flat and "(chu tri)" not in j.flat):
            return []
        found = _agencies(self.api.cooperation_agencies, j)
        if self.short_forms and not found:
            # "phối hợp với Văn phòng cập nhật …": a short form the plan defined, which names no body by itself
            for m in _PARTNER_CUE.finditer(j.folded):
                found.extend(self.short_form_at(j, m.end()))
        return found

    def short_form_at(self, j: Joined, k: int) -> list[Agency]:
        """The body a short form the plan defined names at ``j.text[k:]`` ("Văn phòng" after "Văn phòng HĐND và UBND
        huyện (viết tắt là Văn phòng)"), when a verb follows it; else []."""
        for short, full in self.short_forms.items():
            e = k + len(short)
            if j.text.startswith(short, k) and (_VERB_AFTER.match(j.text, e) or j.text.startswith(":", e)):
                return _remap_agencies([full.model_copy(update={"raw": short, "span": (k, e)})], j)
        return []

    def partners_named_first(self, j: Joined) -> list[Agency]:
        """Partners written as a clause's subject before "phối hợp" ("X chủ trì; Y phối hợp; thời gian: …",
        "X chủ trì, Y và Z phối hợp."): the agencies of each clause that opens on them."""
        if not j or ("phoi hop" not in j.flat and "ho tro" not in j.flat and "tham gia" not in j.flat
                     and "cung thuc hien" not in j.flat):
            return []
        out: list[Agency] = []
        for m in _CLAUSE_START.finditer(j.folded):
            got, after = self.subject_at(j, m.end())
            if not got or self._instructed_list(j, m.start()):
                continue
            if _PARTNER_AFTER.match(j.folded, after) or (
                    j.folded[m.start()] == "," and _LEAD_CLAUSE_END.search(j.folded, 0, m.start())
                    and _PARTNER_VERB_AFTER.match(j.folded, after)):
                out.extend(got)
        return out

    def _instructed_list(self, j: Joined, comma: int) -> bool:
        """Does the comma at ``comma`` go on with the units an instruction names ("X chỉ đạo Ban công tác Mặt trận,
        các chi hội ở bản tham gia tuyên truyền"): those are told to take part, neither partners nor leads."""
        if j.folded[comma] != ",":
            return False
        lo = max(j.folded.rfind(";", 0, comma), j.folded.rfind(".", 0, comma), 0)
        for m in _INSTRUCTS.finditer(j.folded, lo, comma):
            got, after = self.subject_at(j, m.end())
            if got and after > comma:
                return True  # the instructed units' list runs on over the comma
        return False

    def deadlines(self, j: Joined, cell: bool) -> list[Deadline]:
        if not j:
            return []
        if j.single():
            return self.api.parse_deadlines(j.text, j.base(), self.period, cell=cell)
        return _remap_deadlines(self.api.parse_deadlines(j.text, 0, self.period, cell=cell), j)


def _later_cue(flat: str, folded: str) -> bool:
    """Whether a later doer's words may be in the text (the cheap gate of ``_Doc._later_doer``)."""
    if "\n" in flat or "\t" in flat:
        return _LATER_CUE.search(folded) is not None
    return any(w in flat for w in _LATER_CUES)


def run(ctx: DocContext) -> None:
    """Fill ``ctx.tasks`` from the body blocks and the task tables."""
    st = _Doc(ctx)
    doc = ctx.text
    tables = find_tables(ctx)
    for t in tables:
        for a, b in t.orphans:
            ctx.warn("W503", f"table row continues no task row: {collapse_ws(doc[a:b])[:120]!r}", (a, b))
    table_spans = [(t.start, t.end) for t in tables]

    def in_table(b: Block) -> bool:
        return bool(table_spans) and any(a <= b.start < e for a, e in table_spans)

    # A block outside the task area is never read: it stays as an empty placeholder item (it only
    # keeps its neighbours apart), so it is neither copied, split nor joined.
    empty = Joined(doc, (), st.folded)
    items: list[_Item] = []
    heads: dict[int, Block] = {}  # a chained clause's block -> its paragraph's first clause
    for block in ctx.blocks:
        if in_table(block):
            continue
        if not st.in_task_area(block.section):
            items.append(_Item(block, empty, block.section))
            continue
        # the splits below must not change the outline's blocks: only a block of several pieces can be
        # split, so only that one is copied (``_join_page_breaks`` copies before it grows a block)
        copied = [_copy_block(block) if len(block.pieces) > 1 else block]
        for nb in _split_chained_clauses(st, _split_inline_items(ctx, _split_field_lines(
                ctx, _split_closing_pieces(ctx, _split_glued_items(ctx, copied)))), heads):
            items.append(_Item(nb, Joined(doc, _without_trailing_aside(doc, nb.pieces), st.folded), nb.section))
    if heads:
        by_block = {id(it.block): it for it in items}
        for it in items:
            h = heads.get(id(it.block))
            if h is not None:
                it.chain = by_block.get(id(h))
    items = _join_page_breaks(st, items)
    _heading_groups(st)
    _classify(st, items)
    _find_task_headings(st, items)
    _attach_lines(st, items)
    _inline_closing_fields(st, items)
    if "chi dao" in st.folded:
        _leader_assignments(st)
    _assign_groups(st, items)
    _back_assignments(st, items)

    drafts: list[_Draft] = []
    for it in items:
        if it.kind == "task":
            n = len(drafts)
            _guarded(ctx, drafts, it.block.start, _draft_from_item, st, it)
            if len(drafts) == n + 1:
                it.draft = drafts[-1]
    drafts.extend(_heading_tasks(st))
    for t in tables:
        sec = ctx.section_at(t.start)
        if _accounts_only(st, sec):
            continue  # a report's table of last year's tasks and their status: what was done, no task
        if _programme(st, t):
            continue  # a conference's programme ("7h30 - 8h00 | Đón tiếp đại biểu | …"): its items, no task
        for r in t.rows:
            if r.kind == "task":
                _guarded(ctx, drafts, r.start, _drafts_from_row, st, t, r, sec)
    drafts.sort(key=lambda d: d.span[0])
    for d in drafts:
        if d.unread_time is not None:  # the task's own time says something no deadline rule reads
            a, b = d.unread_time.span()  # (pieces joined across a page break may come in any order)
            ctx.warn("W502", f"deadline text could not be normalized: {collapse_ws(d.unread_time.text)[:120]!r}",
                     (min(a, b), max(a, b)))
    _assign_by_number(st, drafts)
    ctx.tasks = _finish(st, drafts)
    for task in ctx.tasks:
        if not task.lead:
            ctx.warn("W501", f"task {task.id} has no lead agency", task.span)


# a time cell holding only an hour or a span of hours ("7h30 - 8h00", "8 giờ 15", "14h00–14h30")
_HOURS_CELL = regex.compile(r"\s{0,3}\d{1,2}\s{0,2}(?:h|giờ|g)\s{0,2}(?:\d{2})?(?:\s{0,3}[-–]\s{0,3}\d{1,2}\s{0,2}(?:h|giờ|g)"
                            r"\s{0,2}(?:\d{2})?)?\s{0,3}")


def _programme(st: _Doc, t: Table) -> bool:
    """A table whose every task row is timed by hours of the day alone: a meeting's programme (its items are the
    meeting's order of business, carried out on the day), not a table of tasks."""
    cells = [r.cells.get("deadline") for r in t.rows if r.kind == "task"]
    return bool(cells) and all(c is not None and _HOURS_CELL.fullmatch(c.text(st.doc)) is not None for c in cells)


def _accounts_only(st: _Doc, sid: str | None) -> bool:
    """A section that tells what was done or fell short (limitations: "Kết quả thực hiện …", "Hạn chế …"), or the
    plan's aims, with no tasks section above it: a table there accounts for the past, it assigns nothing."""
    chain = st.ancestors(sid)
    return bool(chain) and all(s.kind in ("limitations", "purpose", "objectives") for s in chain)


def _copy_block(b: Block) -> Block:
    return Block(b.kind, b.start, b.end, b.text_start, b.line, marker=b.marker, label=b.label, indent=b.indent,
                 section=b.section, pieces=list(b.pieces))


def _guarded(ctx: DocContext, out: list[_Draft], at: int, fn: Callable[..., _Draft | list[_Draft]], *args: Any) -> None:
    """Build one task (or a row's tasks); a failure loses them with a W504 warning, not the whole document."""
    try:
        got = fn(*args)
        if isinstance(got, list):
            out.extend(got)
        else:
            out.append(got)
    except Exception as exc:  # noqa: BLE001 - one unreadable task must not turn the plan into an error
        ctx.warn("W504", f"task skipped: {type(exc).__name__}: {exc}"[:300], (at, at))


STAGE = Stage("tasks", run, ("norm", "sections", "blocks", "indicators", "period"), ("tasks",))


# ---------------------------------------------------------------------------------------------
# Classification
# ---------------------------------------------------------------------------------------------


def _join_page_breaks(st: _Doc, items: list[_Item]) -> list[_Item]:
    """Join a paragraph that continues the previous item after a page break (upper-case start).

    The previous text stops mid-sentence (no final punctuation, at least a few words) and the
    paragraph is in the same section of the task area; lower-case continuations were already
    joined by the outline.
    """
    out: list[_Item] = []
    grown: set[int] = set()
    for it in items:
        b = it.block
        if (out and b.kind == "para" and it.chain is None and out[-1].section == it.section
                and st.in_task_area(it.section)):  # (a chained clause was cut from its paragraph on purpose)
            prev = out[-1]
            la, lb = prev.block.pieces[-1]
            pt = st.doc[la:lb].rstrip()
            if (pt and pt[-1] not in _TERMINAL and pt[-1] not in ")\"”"
                    and prev.block.kind in ("bullet", "item", "para")
                    and not it.text.text.rstrip().endswith(":")
                    and _nwords(prev.text.text, 8) >= 8
                    and not st.v.block_line.match(prev.text.folded)
                    # (not a field line of its own: "Đơn vị chủ trì: …" under a task card's line)
                    and not (st.doc[b.start - 1 : b.start] in ("\n", "") and it.text.text[:1].isupper()
                             and _cue_with_colon(st.v.block_line, it.text.folded) is not None)):
                prev.block = _copy_block(prev.block)  # may still be the outline's own block
                prev.block.pieces = [*prev.block.pieces, *b.pieces]
                prev.block.end = b.end
                grown.add(len(out) - 1)
                continue
        out.append(it)
    for k in grown:
        out[k].text = Joined(st.doc, out[k].block.pieces, st.folded)
    return out


# "Đồng chí Phó Chủ tịch UBND huyện phụ trách khối kinh tế chỉ đạo các nhiệm vụ tại mục 2, 7 Phần III." (folded): a
# leader named as directing the tasks of parts of the plan. Bounded runs, linear.
_LEADER_PARTS = regex.compile(
    r"(?<!\w)(?:truc\s{1,3}tiep\s{1,3})?chi\s{1,3}dao\s{1,3}(?:thuc\s{1,3}hien\s{1,3})?(?:cac\s{1,3})?"
    r"(?:nhiem\s{1,3}vu|noi\s{1,3}dung|giai\s{1,3}phap)\s{1,3}(?:tai|thuoc|o)\s{1,3}"
    r"(?P<parts>muc\s{1,3}[0-9][0-9, ]{0,30}(?:\s{0,3}(?:,|va)\s{1,3}(?:muc\s{1,3})?[0-9]{1,2}){0,6})"
    r"(?:\s{1,3}(?:cua\s{1,3})?phan\s{1,3}(?P<part>[ivx]{1,4}|[0-9]{1,2}))?"
)
_LEADER_OPENING = regex.compile(r"^[\s\-+•*]{0,6}(?:(?:dong\s{1,3}chi|d/c)\s{1,3})?")
_PART_NUMBER = regex.compile(r"[0-9]{1,2}")


def _leader_assignments(st: _Doc) -> None:
    """Directing leaders a "Phân công lãnh đạo" part assigns to other parts of the plan ("Đồng chí Phó Chủ tịch UBND
    huyện phụ trách khối kinh tế chỉ đạo các nhiệm vụ tại mục 2, 7 Phần III"): each named part's agency block gets
    that leader as its directing line, unless it has one of its own."""
    ctx = st.ctx
    doc, folded = st.doc, st.folded
    tops = [sec for sec in ctx.sections if sec.parent is None]
    for b in ctx.blocks:
        f = folded[b.text_start : b.end]
        if "chi dao" not in f or "muc" not in f:
            continue
        for m in _LEADER_PARTS.finditer(f):
            # the leader: the sentence's subject, before its first "chỉ đạo" ("… chỉ đạo chung; trực tiếp chỉ đạo …")
            first = f.find("chi dao")
            o = _LEADER_OPENING.match(f, 0, first)
            a = o.end() if o is not None else 0
            e = len(f[:first].rstrip())
            if e - a < 4 or e - a > 120:
                continue
            part = m.group("part")
            if part is not None:
                parent = next((x for x in tops if (x.label or "").lower() == part), None)
            else:
                parent = next((x for x in tops if x.kind == "tasks"), None)
            if parent is None:
                continue
            value = Joined(doc, [(b.text_start + a, b.text_start + e)], folded)
            for num in _PART_NUMBER.findall(m.group("parts")):
                sec = next((x for x in ctx.sections if x.parent == parent.id and x.label == num), None)
                if sec is None:
                    continue
                roles = st.blocks_of.setdefault(sec.id, {})
                if not roles.get("directing"):
                    roles["directing"] = [_AgencyLine("directing", value)]
    st.roles_memo.clear()


def _heading_groups(st: _Doc) -> None:
    """Sections whose heading names an agency: "2. Sở Nội vụ", "1. Đối với nội dung “…”: UBND các xã"."""
    ctx = st.ctx
    line_of_sec = {sid: li for li, sid in ctx.heading_lines.items()}
    for s in ctx.sections:
        if not st.in_task_area(s.id):
            continue
        li = line_of_sec.get(s.id)
        if li is None:
            continue
        info = ctx.norm.lines[li]
        line = st.doc[info.start : info.end]
        m = _LABEL_PREFIX.match(line)
        start = info.start + (m.end() if m else 0)
        pieces = [(start, info.end)]
        if li in ctx.heading_wraps:  # the title wraps onto the next line ("… Hồ Chí" / "Minh huyện:")
            nxt = ctx.norm.lines[ctx.heading_wraps[li]]
            rest = st.doc[nxt.start : nxt.end]
            pieces.append((nxt.start + len(rest) - len(rest.lstrip()), nxt.end))
        j = Joined(st.doc, pieces, st.folded)
        if not j or st.is_agency_section(s):
            continue
        f = j.folded.strip()
        if f.endswith(":") and (_is_intro(f) or _LIST_ANNOUNCED.search(f)):
            # a lead-in written as the heading ("b) UBND các xã chỉ đạo Trưởng các bản thực hiện các nội dung sau,
            # hoàn thành trong năm 2020:"): its subject leads the items under it, its time frames them
            st.heading_intro[s.id] = j
            subj = st.subjects(j)[0]
            if subj:
                st.heading_group[s.id] = subj
            continue
        if (timed_at := _time_heading_rest(j.folded)) is not None:
            tj = j.slice(*timed_at)
            if st.deadlines(tj, cell=True):
                # "Giai đoạn 1 (từ nay đến 30/6/2025)", "Quý III/2023", "Nhiệm vụ thường xuyên": tasks grouped by when,
                # the heading's time frames the items under it that state none
                st.time_heading[s.id] = tj
                continue
        found = st.agency_list(j, org=s.kind == "organization")
        core = j.text.rstrip(" :.;")
        if found is None and ":" in core:
            tail = j.slice(core.rfind(":") + 1, len(core))
            if tail.text.strip():
                found = st.agency_list(tail)
        if found is None and (cm := _carrier_heading().match(j.folded)) is not None and cm.end() < len(core):
            # "B. NHIỆM VỤ CỦA UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ": the part's carrier
            found = st.agency_list(j.slice(cm.end(), len(core)))
        if found:
            st.heading_group[s.id] = found


_TIME_HEAD_MAX = 60  # characters of a time heading's time ("Giai đoạn 2 (6 tháng cuối năm 2025)")
_TIME_HEAD_WORDS = 10


@lru_cache(maxsize=1)
def _time_heading_prefix() -> regex.Pattern[str]:
    """tasks.yaml time_heading_prefixes, with a number after them ("Giai đoạn 1", "Đợt 2"), on the folded title."""
    words = _alternation(data_file("tasks.yaml")["time_heading_prefixes"])
    return regex.compile(r"^[\s*_]{0,4}(?:(?:" + words + r")(?:\s{1,3}(?:\d{1,2}|[ivx]{1,4})(?!\w))?[\s:.\-–]{0,4})?")


def _time_heading_rest(f: str) -> tuple[int, int] | None:
    """Where the time of a heading that names only a time stands in its folded title (its brackets and closing
    punctuation left out), or None: a title too long to be only a time, one whose rest opens on no time word
    (tasks.yaml time_heading_openings; "6.4 - An ninh, trật tự" is a code), or a year after a prefix word ("NHIỆM VỤ
    NĂM 2021" names the plan's year, it groups nothing by time; "Năm 2024" alone does)."""
    m = _time_heading_prefix().match(f)
    a = m.end() if m is not None else 0
    prefixed = bool(f[:a].strip(" *_:.-–"))
    b = len(f.rstrip(" :.;*_"))
    while a < b and f[a] in " (*_":
        a += 1
    while b > a and f[b - 1] in " )*_":
        b -= 1
    if b <= a or b - a > _TIME_HEAD_MAX or len(f[a:b].split()) > _TIME_HEAD_WORDS:
        return None
    om = _time_heading_opening().match(f, a, b)
    if om is None or (prefixed and om.group().startswith("nam")):
        return None
    return a, b


@lru_cache(maxsize=1)
def _time_heading_opening() -> regex.Pattern[str]:
    """tasks.yaml time_heading_openings as whole words, or a day and month ("30/6"), on the folded title."""
    words = _alternation(data_file("tasks.yaml")["time_heading_openings"])
    return regex.compile(r"(?:" + words + r")(?!\w)|\d{1,2}\s{0,2}/\s{0,2}\d{1,2}")


@lru_cache(maxsize=1)
def _diagnosis_rx() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """tasks.yaml diagnosis_labels and solution_labels, each with its colon, opening a folded paragraph."""
    raw = data_file("tasks.yaml")
    return (regex.compile(r"^[\s*_]{0,4}(?:" + _alternation(raw["diagnosis_labels"]) + r")[\s*_]{0,3}:"),
            regex.compile(r"^[\s*_]{0,4}(?:" + _alternation(raw["solution_labels"]) + r")[\s*_]{0,3}:"))


@lru_cache(maxsize=1)
def _note_time_move() -> regex.Pattern[str]:
    """tasks.yaml note_time_moves, on a folded note cell (the first words of one of its sentences or cells)."""
    return regex.compile(r"(?<!\w)(?:" + _alternation(data_file("tasks.yaml")["note_time_moves"]) + r")\s{1,3}(?=\S)")


@lru_cache(maxsize=1)
def _membership_rx() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    roles = _alternation(data_file("tasks.yaml")["membership_roles"])
    return (regex.compile(r"^\s{0,4}(?:" + roles + r")\s{0,3}:", regex.I),
            regex.compile(r",\s{0,3}(?:" + roles + r")\s{0,3}[.;]?\s{0,3}$", regex.I))


def _membership(text: str) -> bool:
    """A line that lists a member of a board or group by role (tasks.yaml membership_roles, with their diacritics)."""
    opening, closing = _membership_rx()
    return opening.match(text) is not None or closing.search(text, max(0, len(text) - 40)) is not None


@lru_cache(maxsize=1)
def _carrier_heading() -> regex.Pattern[str]:
    """tasks.yaml carrier_heading_openings, on the folded heading: its carrier's name follows."""
    return regex.compile(r"^\s{0,4}(?:" + _alternation(data_file("tasks.yaml")["carrier_heading_openings"])
                         + r")\s{1,3}(?=\S)")


_BACK_ASSIGN_OPENING = regex.compile(r"^\s{0,4}giao(?!\w)")


# the assignment cue of a paragraph after a list: "do X thực hiện", "X chủ trì", "X phối hợp"
_ASSIGN_CUE = regex.compile(r"(?<!\w)(?:chu\s{1,3}tri|do\s(?:[^.;:]{1,120}?)\s(?:thuc\s{1,3}hien|dam\s{1,3}nhan|phu\s{1,3}trach))(?!\w)")
# "X chủ trì; Y phối hợp; thời gian: …": a lead named with no object of its own (the items above are it)
_BARE_LEAD = regex.compile(r"(?<!\w)chu\s{1,3}tri(?:\s{1,3}thuc\s{1,3}hien)?\s{0,3}(?:[,;.]|$)")
# "Giao Bộ phận Một cửa xã thực hiện; thời gian: thường xuyên.": an assignment with no object of its own
_BARE_GIAO = regex.compile(r"^\s{0,4}giao\s{1,3}[^;:.()]{3,120}?\s{1,3}thuc\s{1,3}hien\s{0,3}(?:[,;.]|$)")


def _assigns_above(v: Any, f: str) -> bool:
    """A paragraph assigning the list above it: "Giao X chủ trì … các nội dung trên …", "Các việc trên do X thực
    hiện, …", "X chủ trì các việc trên, …", or "X chủ trì thực hiện; Y phối hợp; thời gian: …" (a lead with no
    object of its own)."""
    if any(t in f for t in v.back_reference_tails) and v.back_reference.search(f):
        return (_BACK_ASSIGN_OPENING.match(f) is not None or _ASSIGN_CUE.search(f) is not None
                or _time_for_above(v, f))
    if _BARE_GIAO.match(f):
        return True
    m = _BARE_LEAD.search(f)
    return m is not None and bool(f[: m.start()].strip(" -+*"))  # a subject before it ("Chủ trì, …" is a task)


# "Các nội dung trên hoàn thành trong quý III/2024.": the list above's time, stated once after it
_BACK_TIME_CUE = regex.compile(r"\s{0,3},?\s{0,3}(?:(?:duoc|phai|can)\s{1,3})?(?:hoan\s{1,3}thanh|thuc\s{1,3}hien\s{1,3}xong|xong"
                               r"|thuc\s{1,3}hien|thoi\s{1,3}gian|thoi\s{1,3}han|trien\s{1,3}khai)(?!\w)")


def _time_for_above(v: Any, f: str) -> bool:
    """A paragraph opening on a back reference and a completion word: the time of the items above, no task."""
    m = v.back_reference.match(f)
    return m is not None and _BACK_TIME_CUE.match(f, m.end()) is not None


@lru_cache(maxsize=1)
def _back_count() -> tuple[regex.Pattern[str], dict[str, int]]:
    raw = data_file("tasks.yaml")["back_reference_counts"]
    numbers = {str(k): int(v) for k, v in raw["numbers"].items()}
    rx = regex.compile(r"(?<!\w)(?P<n>\d{1,2}|" + _alternation(list(numbers)) + r")\s{1,3}(?:"
                       + _alternation(raw["nouns"]) + r")\s{1,3}(?:neu\s{1,3})?tren(?!\w)")
    return rx, numbers


def _counted_back(f: str) -> int | None:
    """How many items above a back reference names ("hai nội dung trên", "02 nhiệm vụ trên"), or None."""
    rx, numbers = _back_count()
    m = rx.search(f)
    if m is None:
        return None
    n = m.group("n")
    return int(n) if n.isdigit() else numbers[n]


def _back_assignments(st: _Doc, items: list[_Item]) -> None:
    """A paragraph right after list items that assigns them ("Giao Thanh tra huyện chủ trì, phối hợp với … thực
    hiện các nội dung trên, hoàn thành trong quý III/2019."): no task of its own, its lead, partners and time
    serve the items above it (those of the same section back to the previous paragraph or heading)."""
    v = st.v
    for idx, it in enumerate(items):
        if it.kind != "task" or it.block.kind != "para":
            continue
        f = it.text.folded
        if not _assigns_above(v, f):
            continue
        above: list[_Item] = []
        k = idx - 1
        # "Giao X …" may assign the paragraphs above it too (tasks written as paragraphs, a bold title each), back
        # to the section's start or the previous assignment
        strong = _BACK_ASSIGN_OPENING.match(f) is not None and (v.back_reference.search(f) is not None
                                                                 or _BARE_GIAO.match(f) is not None)
        kinds = ("bullet", "item", "para") if strong else ("bullet", "item")
        while k >= 0 and items[k].section == it.section and items[k].block.kind in kinds:
            if items[k].block.kind == "para" and items[k].kind != "task":
                break
            if items[k].kind == "task":
                above.append(items[k])
            k -= 1
        if not above:
            continue
        count = _counted_back(f)
        if count is not None and 0 < count < len(above):
            above = above[:count]  # "… thực hiện hai nội dung trên": the two nearest items, not the list before them
        it.kind = "skip"
        for t in above:
            t.back = it


def _classify(st: _Doc, items: list[_Item]) -> None:
    """Mark each block of the task area: agency line, group header, task, or nothing.

    Not tasks: agency-block lines, cross references and targets, lead-in lines ending with ":",
    a line ending with ":" over sub-items or a bare agency name over sub-items (a group header),
    bare agency names, signature names and title lines.
    """
    v = st.v
    for it in items:  # agency lines first: they are never the sub-items of a header
        text = it.text.text
        m = v.block_line.match(it.text.folded) if text.strip() and it.block.kind not in ("closing", "table_row") else None
        if m and st.in_task_area(it.section):
            it.kind = "line"
            fields = _field_lines(st, it.text, 0, len(text), m)
            it.line, it.more_lines = fields[0], fields[1:]
            # "Cơ quan chủ trì thực hiện mục 4: …" names its scope: the section's block, not the last item's fields
            it.detached = _SCOPED_CUE.search(it.text.folded, 0, m.end()) is not None
        elif text.strip() and it.block.kind not in ("closing", "table_row") and st.in_task_area(it.section):
            lines = _assignment_lines(st, it.text)
            if lines:
                it.kind = "line"
                it.line, it.more_lines = lines[0], lines[1:]
                it.detached = lines[-1].role == "deadline" and not opens_on_arrow(text.lstrip())
            elif lines := _section_assignment_lines(st, it.text):
                it.kind = "line"
                it.line, it.more_lines = lines[0], lines[1:]
                it.detached = True  # it names its scope: the section's block wherever it stands
    _field_value_lists(items)
    diagnosing: str | None = None  # the section whose diagnosis ("Hạn chế: …") is being read: no tasks until its solutions
    diagnosis, solutions = _diagnosis_rx()
    for idx, it in enumerate(items):
        b = it.block
        text = it.text.text.strip()
        if it.kind == "line" or not text or b.kind in ("closing", "heading", "table_row"):
            continue
        if not st.in_task_area(it.section):
            continue
        f = it.text.folded.strip()
        if diagnosing is not None and it.section != diagnosing:
            diagnosing = None
        if b.kind == "para" and diagnosis.match(f):
            # "Hạn chế: Chỉ số nội dung 1 … giảm 0,14 điểm …", "Nguyên nhân:" over bullets: what was found and why, up to
            # "Nhiệm vụ, giải pháp:"
            diagnosing = it.section
            continue
        if b.kind == "para" and solutions.match(f):
            diagnosing = None
        elif diagnosing is not None:
            continue
        if v.not_task_opening.match(f) or (len(f) <= _MAX_REFERENCE_CHARS and v.not_task_phrase.search(f)):
            continue
        if "tai diem" in f and prose_assignment(st.doc, st.folded, *it.text.parts()[0]):
            continue  # "Sở Tư pháp chủ trì các nhiệm vụ tại điểm 1.1, 3.2 Mục III; …": it assigns the tasks it names
        if ("thanh vien" in f or "truong" in f or "pho" in f or "uy vien" in f or "thu ky" in f) and _membership(text):
            continue  # "Tổ trưởng: Đ/c …, Phó Giám đốc Sở Nội vụ;", "Đ/c … - Công chức …, thành viên;": a member
        if f.startswith(("chi so", "nam ", "trong nam", "noi dung")) and "diem" in f and _SCORE_OPENING.match(f):
            continue  # "Chỉ số nội dung 4 đạt 5,92 điểm, giảm 0,37 điểm, … do đó cần …": a result and why, no task
        if b.kind == "para" and _narrative(f):
            continue  # "Kết quả … cho thấy …", "Đây là chỉ số giảm điểm …", "… tập trung vào các nội dung sau."
        if (len(f) <= _MAX_POINTER_CHARS and "phu luc" in f
                and v.reference_ending.search(fa := _APPENDIX_NUMBER.sub("phu luc", f), max(0, len(fa) - 90))):
            continue  # "Nhiệm vụ cụ thể … được phân công tại Phụ lục kèm theo Kế hoạch này.": a pointer
        if ("ngoac" in f or ":" in f) and _NOTATION.search(f):
            continue  # "Số trong ngoặc ở cuối mỗi việc là …", "Cách ghi: …", "Viết tắt: …": how the list is written
        if "bang" in f and (_TABLE_CAPTION.match(f) or _points_to_table(f)):
            continue  # "Bảng 2. Phân công nhiệm vụ …", "Các nhiệm vụ được phân công theo Bảng 2. Ký hiệu …": no task
        if (k := f.find("(kem theo")) > 0 and _is_caps_caption(text[:k]):
            continue  # "DANH MỤC NHIỆM VỤ … NĂM 2022 (Kèm theo Kế hoạch số …)": an appendix's caption
        if "\u2014" in text and _column_legend(text):
            continue  # "… mỗi dòng ghi theo thứ tự: STT — Nội dung nhiệm vụ — Cơ quan chủ trì — …": a table's legend
        if f[:1] == "[" and FOOTNOTE.match(f):
            continue  # a footnote ("[1](#ftnref1) Báo cáo PAPI 2024 …", "[^2]: …"): a note, not a task
        if b.kind == "para" and _reported_speech(v, text):
            continue  # "Theo bà X, …", "…, ông X nhấn mạnh, …": a news page's narrative
        has_sub = _followed_by_subitems(items, idx, text.endswith(":"))
        if text.endswith(":"):
            if has_sub:
                it.kind = "header"
                found = st.agency_list(it.text, lenient=True)
                if _LEADIN_CLAUSE.search(it.text.folded) or _ANNOUNCED_ITEMS.search(it.text.folded):
                    # a lead-in clause ("Phòng Nội vụ chủ trì, phối hợp với … thực hiện các nhiệm vụ, cụ thể:",
                    # "Thanh tra huyện chủ trì thực hiện các nhiệm vụ sau:"): its subject leads the items,
                    # and the partners it names support each of them (the clause assigns the whole group)
                    subj = st.subjects(it.text)[0]
                    found = subj or found
                    if subj:
                        it.header_support = st.cooperation(it.text)
                elif found and len(found) > 1 and "phoi hop voi" in it.text.folded:
                    # "Giao công chức Văn hóa - Xã hội phối hợp với Trưởng thôn các thôn:": the subject leads the
                    # items, the partners it names after "phối hợp với" support them
                    subj, coop = st.subjects(it.text)[0], st.cooperation(it.text)
                    if subj and coop:
                        found, it.header_support = subj, coop
                elif found:
                    # "Phòng Tư pháp tập trung hai việc:": a subject and its verb, not one long agency name (nor a
                    # list the splitter made of a clause: "Công chức Tài chính - Kế toán niêm yết công khai tại trụ sở
                    # UBND xã và văn phòng ấp, hoàn thành trước ngày 30/7/2022:")
                    subj = st.subjects(it.text)[0]
                    if (subj and subj[-1].span[1] < found[0].span[1]
                            and _VERB_AFTER.match(st.doc, subj[-1].span[1])  # (not "UBND các huyện, thành, thị")
                            and _nwords(st.doc[subj[-1].span[1]:found[0].span[1]], 2) >= 2):
                        found = subj
                if found is None:
                    found = st.colon_subject(it.text)
                if not found and (subj := st.subjects(it.text)[0]) and _VERB_AFTER.match(st.doc, subj[-1].span[1]):
                    # a lead-in clause with a verb of its own ("Công chức Tư pháp - Hộ tịch rà soát tại Bộ phận một
                    # cửa xã và nhà văn hóa thôn, xong trước ngày 15/8/2024:"): its subject leads the items
                    found = subj
                it.header_agencies = found or []
                continue
            if (b.kind == "para" and _followed_by_paragraph(items, idx)
                    and (found := st.bare_agencies(it.text)) is not None):
                # "Phòng Nội vụ:" standing alone over plain paragraphs (a Word copy that lost its list marks): the
                # agency heads the paragraphs after it, as a header heads its list
                it.kind = "header"
                it.header_agencies = found
                continue
            if _nwords(text, 15) <= 15:
                continue  # a lead-in line ("Nội dung thực hiện khắc phục:")
            if _LEAD_IN_END.search(f) or _LIST_ANNOUNCED.search(f):
                # "Để đạt mục tiêu trên, UBND tỉnh yêu cầu … thực hiện các nhiệm vụ sau:", "Bổ sung các nhiệm vụ
                # sau vào mục II Kế hoạch số 124/KH-UBND, …:"
                continue
        found = st.bare_agencies(it.text)
        if found is not None:
            if has_sub:
                it.kind = "header"
                it.header_agencies = found
            continue  # a bare agency name is not a task
        if _nwords(text, 4) < 4:
            continue
        if _is_aside(text):
            continue  # "(Chi tiết tại Phụ lục I kèm theo)": a parenthesised aside is never a task
        if b.kind == "para" and (_is_name_line(text) or _is_upper_title(_before_aside(text))):
            continue
        it.kind = "task"
        it.generic = bool(v.generic_opening.match(f))


@lru_cache(maxsize=1)
def _narrative_rx() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    n = data_file("tasks.yaml")["narrative"]
    return (regex.compile(r"(?<!\w)(?:" + _alternation(n["verbs"]) + r")(?!\w)"),
            regex.compile(r"^\s{0,4}(?:" + _alternation(n["openings"]) + r")(?!\w)"),
            regex.compile(r"(?<!\w)(?:" + _alternation(n["announcements"]) + r")\s{0,3}\.\s{0,3}$"))


def _narrative(f: str) -> bool:
    """A paragraph (folded) that reports or explains, or announces the tasks below it (``narrative``)."""
    verbs, openings, announcement = _narrative_rx()
    cut = min((k for k in (f.find(";"), f.find(". ")) if k >= 0), default=len(f))
    if (purpose := _PURPOSE.search(f, 0, cut)) is not None:
        cut = purpose.start()  # "…, để giảm tỷ lệ người dân cho rằng …": what the task aims at reports nothing
    return bool(verbs.search(f, 0, cut) or openings.match(f) or announcement.search(f, max(0, len(f) - 40)))


# a purpose clause after a comma (folded): ", để giảm …", ", nhằm nâng …" ("đề nghị", "đề xuất" fold alike: not them)
_PURPOSE = regex.compile(r",\s{0,3}(?:de|nham)\s{1,3}(?!nghi(?!\w)|xuat(?!\w)|an(?!\w)|ra(?!\w))")


_MAX_ASIDE_CHARS = 300


def _is_aside(text: str) -> bool:
    """The whole block is one parenthesised remark: "(Chi tiết tại Phụ lục I kèm theo)",
    "*(Kèm theo Kế hoạch số 12/KH-UBND …)*". Markup emphasis around it is ignored."""
    t = text.strip(" *_")
    if len(t) > _MAX_ASIDE_CHARS or not (t.startswith("(") and t.endswith(")")):
        return False
    depth = 0
    for i, ch in enumerate(t):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and i < len(t) - 1:
                return False  # "(a) … (b)": two remarks with text between, not one aside
    return depth == 0


def _without_trailing_aside(doc: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A block's pieces without a last line that is a parenthesised aside ("(Xem chi tiết tại Phụ lục
    II)" written right under a bullet, which the outline joins to it as a continuation line)."""
    if len(pieces) > 1:
        a, b = pieces[-1]
        if _is_aside(doc[a:b]):
            return pieces[:-1]
    return pieces


def _before_aside(text: str) -> str:
    """The text before a trailing parenthesised remark: an appendix title joined with its
    "(Kèm theo Kế hoạch số …)" line is still a title line."""
    k = text.find("(")
    if k > 0 and _is_aside(text[k:]):
        return text[:k].rstrip(" *_")
    return text


def _is_name_line(text: str) -> bool:
    """A signature name or a title line: a few words, all capitalised, no final period."""
    words = text.split()
    return len(words) <= 6 and not text.endswith(".") and all(w[:1].isupper() for w in words if w[:1].isalpha())


def _is_upper_title(text: str) -> bool:
    """An appendix or document title line ("CÁC NHIỆM VỤ TRỌNG TÂM …"): letters mostly upper case."""
    up = low = 0
    for ch in text[:200]:
        if ch.islower():
            low += 1
            if low > 12:
                return False
        elif ch.isupper():
            up += 1
    return up >= 8 and low <= up * 0.15


def _followed_by_paragraph(items: list[_Item], idx: int) -> bool:
    """The next block of the same section is a plain paragraph that announces nothing (no ":" at its end)."""
    if idx + 1 >= len(items):
        return False
    nxt = items[idx + 1]
    return (nxt.section == items[idx].section and nxt.block.kind == "para"
            and not nxt.text.folded.rstrip().endswith(":"))


def _followed_by_subitems(items: list[_Item], idx: int, announces: bool = False) -> bool:
    """The next block of the same section is a list item of a lower rank than this block; for a line that
    announces a list (``announces``: it ends with ":"), any bullet of another marker ("* Giao Sở Y tế chủ trì …
    thực hiện các nội dung sau:" over "+" items: the typist's star is the higher mark there)."""
    it = items[idx]
    r = _rank(it.block)
    for k in range(idx + 1, len(items)):  # not ``items[idx + 1:]``: a copy per item is quadratic
        nxt = items[k]
        if nxt.section != it.section:
            return False
        if nxt.block.kind in ("closing",) or nxt.kind == "line":
            return False
        if announces and nxt.block.line == it.block.line:
            return True  # "- X chủ trì …, gồm: (1) …; (2) …": items listed inline after the lead-in's ":"
        nr = _rank(nxt.block)
        if announces and _numbered(it.block) and _lettered(nxt.block):
            return True  # "5.1.1. X thực hiện các nội dung sau:" over "a) …", "b) …": letters rank below numbers
        if (announces and r > 1 and nr > 1 and nxt.block.kind == "bullet"
                and (nxt.block.marker or "") != (it.block.marker or "")):
            return True
        return nr > r or (nxt.block.indent > it.block.indent + 1 and nr >= r and nr > 0)
    return False


_SCOPED_CUE = regex.compile(r"(?<!\w)" + _PLAN_PART + r"\s{0,3}[:：]")


def _attach_lines(st: _Doc, items: list[_Item]) -> None:
    """Agency lines go to the item they follow, or to their section (or its parent).

    They follow items one by one when the section repeats "task, then its lines" at least twice
    (000's "4.1 … - Cơ quan chủ trì: …"); otherwise they are the section's agency block, wherever
    they stand in it.
    """
    by_section: dict[str | None, list[int]] = {}
    for i, it in enumerate(items):
        by_section.setdefault(it.section, []).append(i)
    for sid, idxs in by_section.items():
        groups: list[tuple[int | None, list[_AgencyLine]]] = []  # (index of the task before, lines)
        prev_kind: str | None = None
        prev_task: int | None = None
        for i in idxs:
            it = items[i]
            if it.kind == "line" and it.line is not None and it.detached:
                groups.append((None, [it.line, *it.more_lines]))
                prev_kind = "line"
                continue
            if it.kind == "line" and it.line is not None:
                if prev_kind == "line" and groups:
                    groups[-1][1].extend([it.line, *it.more_lines])
                else:
                    groups.append((prev_task if prev_kind == "task" else None, [it.line, *it.more_lines]))
                prev_kind = "line"
                continue
            if it.kind == "skip" and not it.text.text.strip():
                continue
            prev_kind = it.kind
            prev_task = i if it.kind == "task" else None
        per_item = sum(1 for t, _ in groups if t is not None) >= 2
        for t, lines in groups:
            if t is not None and (per_item or (_item_fields(items[t], lines) and not _after_a_list(items, t, lines))):
                for k in ([t] if per_item else _inline_run(items, t)):
                    items[k].attached.extend(lines)
                continue
            if sid is None:
                continue
            sec = st.secs.get(sid)
            scope = sid
            if sec is not None and st.is_agency_section(sec) and sec.parent is not None:
                scope = sec.parent
            roles = st.blocks_of.setdefault(scope, {})
            for ln in lines:
                roles.setdefault(ln.role, []).append(ln)


# An assignment line: "Sở Nội vụ chủ trì; Sở Tư pháp, UBND cấp huyện phối hợp." (optionally after a cue
# "Phân công:", "Trách nhiệm thực hiện:" ...). Matched on the folded text (same offsets).
_ASSIGNMENT = regex.compile(
    r"^\s{0,4}(?:[-–•+*" + regex.escape(ARROWS) + r"]|" + regex.escape(ASCII_ARROW) + r")?\s{0,3}(?:(?:phan\s{1,3}cong(?:\s{1,3}(?:thuc\s{1,3}hien|nhiem\s{1,3}vu|trach\s{1,3}nhiem))?"
    r"|trach\s{1,3}nhiem\s{1,3}thuc\s{1,3}hien|don\s{1,3}vi\s{1,3}thuc\s{1,3}hien|co\s{1,3}quan\s{1,3}thuc\s{1,3}hien)"
    r"\s{0,3}[:：]\s{0,4})?"
    r"(?P<lead>[^;:()]{3,300}?)\s{1,3}chu\s{1,3}tri(?:\s{1,3}thuc\s{1,3}hien)?"
    r"(?:\s{1,3}theo\s{1,3}(?:linh\s{1,3}vuc|chuc\s{1,3}nang[^;,.]{0,60}))?"
    r"(?:\s{0,3}[;,.]\s{0,4}(?P<support>[^;:()]{3,300}?)\s{1,3}phoi\s{1,3}hop(?:\s{1,3}thuc\s{1,3}hien)?)?"
    # "…; hoàn thành: quý III/2024" closing the assignment: its time field
    r"(?:\s{0,3}[;.]\s{0,4}(?P<cue>hoan\s{1,3}thanh|thoi\s{1,3}(?:gian|han)(?:\s{1,3}(?:hoan\s{1,3}thanh|thuc\s{1,3}hien))?"
    r"|han\s{1,3}chot|tien\s{1,3}do)\s{0,3}:\s{0,3}(?P<deadline>[^;:()]{1,160}?))?"
    r"\s{0,3}[.;]?\s{0,3}$"
)


def _assignment_lines(st: _Doc, j: Joined) -> list[_AgencyLine]:
    """The agency lines of an assignment ("X chủ trì; Y phối hợp"), [] when the text is not one: both
    parts must be agency lists (so "Tổ chức … chủ trì" sentences with an action stay tasks)."""
    f = j.folded
    if "chu tri" not in j.flat:
        return []
    m = _ASSIGNMENT.match(f)
    out = _lead_support_parts(st, j, m) if m is not None else None
    if m is None or not out:
        return []
    if m.group("deadline") is not None:
        # "hạn chót: …" stays with its time (a latest date), as in a field line
        at = m.start("cue") if st.v.time_cue_kept.match(f, m.start("cue")) else m.start("deadline")
        out.append(_AgencyLine("deadline", j.slice(at, m.end("deadline"))))
    return out


def _section_assignment_lines(st: _Doc, j: Joined) -> list[_AgencyLine]:
    """The agency lines of a sentence that assigns its whole section ("Các nội dung tại mục này do X chịu
    trách nhiệm chính; Y cùng thực hiện."), [] when the text is not one: the scope must be named and both
    parts must be agency lists."""
    flat = j.flat
    if not ("chiu trach nhiem chinh" in flat or "chu tri" in flat or "dau moi" in flat):
        return []
    m = st.v.section_assignment.match(j.folded)
    if not m or not (m.group("opening") or m.group("before") or m.group("after")):
        return []
    return _lead_support_parts(st, j, m) or []


def _lead_support_parts(st: _Doc, j: Joined, m: regex.Match[str]) -> list[_AgencyLine] | None:
    """The "lead" and "support" groups of an assignment match as agency lines, or None when a part is no agency
    list (then the text is a task with an action, not an assignment)."""
    out: list[_AgencyLine] = []
    for role in ("lead", "support"):
        if m.group(role) is None:
            continue
        part = j.slice(m.start(role), m.end(role))
        if not st.agency_list(part, lenient=True):
            return None
        out.append(_AgencyLine(role, part))
    return out


def _cue_with_colon(block_line: regex.Pattern[str], f: str) -> regex.Match[str] | None:
    """A field cue opening ``f`` and ending with its colon ("Người thực hiện:", "phối hợp:"). Without the
    colon a cue may be the end of a wrapped sentence or a product ("…; Kết quả thực hiện"), never a field."""
    m = block_line.match(f)
    return m if m is not None and ":" in f[: m.end()] else None


def _role_of(m: regex.Match[str]) -> str:
    return next(k for k, val in m.groupdict().items() if val is not None)


def _field_lines(st: _Doc, j: Joined, start: int, end: int, first: regex.Match[str]) -> list[_AgencyLine]:
    """The fields of an agency line ``j[start:end]`` whose first cue is ``first`` (matched at ``start``).

    One line may carry several fields: "Người thực hiện: X; phối hợp: Y." is a lead X and a support Y,
    and "(Cơ quan chủ trì: X; cơ quan phối hợp: Y, Z; thời gian: Quý II/2024)" three fields. A ";" or
    a sentence's "." followed by a cue and its colon opens the next field ("Chỉ đạo thực hiện: X. Cơ
    quan chủ trì: Y."); any other ";" separates agencies (or products: "Văn bản chỉ đạo; Kết quả thực
    hiện") of the same field.
    """
    f = j.folded
    block_line = st.v.block_line
    kept = st.v.time_cue_kept
    out: list[_AgencyLine] = []

    def value_from(role: str, cue_at: int, value_at: int) -> int:
        # "hạn chót: 30/9/2024" is by that day: the cue stays with the time it qualifies
        if role == "deadline" and kept.match(f, cue_at, value_at) is not None:
            cue = f[cue_at:value_at]
            return cue_at + len(cue) - len(cue.lstrip(" \t("))
        return value_at

    role = _role_of(first)
    value_start = value_from(role, start, start + first.end())
    for sep in _FIELD_SEP.finditer(f, value_start, end):
        k = sep.start()
        if k < value_start:
            continue
        m = _cue_with_colon(block_line, f[k + 1 : min(end, k + 1 + _CUE_WINDOW)])  # at the piece's start
        if m is not None:
            out.append(_AgencyLine(role, j.slice(value_start, k)))
            role = _role_of(m)
            value_start = value_from(role, k + 1, k + 1 + m.end())
    out.append(_AgencyLine(role, j.slice(value_start, end)))
    return out


# What parts two fields on one line: ";" or a sentence's "." ("Chỉ đạo: X. Cơ quan chủ trì: Y.")
_FIELD_SEP = regex.compile(r";|\.(?=\s)|/(?=\s)")  # (" / " before a cue: "CT: X / PH: Y")


# A field cue and its colon are read in this many characters after a ";" or "(".
_CUE_WINDOW = 160
# Parentheses tried, from the last, when looking for a closing field block.
_MAX_PAREN_TRIES = 8
# What may follow the closing parenthesis of a trailing field block: end punctuation only.
_AFTER_FIELDS = regex.compile(r"[\s.;,]*")


def _inline_fields(st: _Doc, j: Joined) -> tuple[int, list[_AgencyLine]] | None:
    """A field block closing the task's text: "… (Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời gian: Z)."

    Returns where the parenthesis opens and its fields, or None. Only a parenthesis at the very end
    counts (a cue inside the sentence is prose: "(phối hợp với …)" is read by the sentence readers).
    """
    f = j.folded
    close = f.rfind(")")
    if close < 0 or _AFTER_FIELDS.fullmatch(f, close + 1) is None:
        return None
    k = f.rfind("(", 0, close)
    tries = 0
    while k >= 0 and tries < _MAX_PAREN_TRIES:  # bounded: a hostile text of many "(" stays linear
        tries += 1
        window_end = min(close, k + 1 + _CUE_WINDOW)
        m = st.v.block_line.match(f[k + 1 : window_end])
        if m is not None and window_end < close and k + 1 + m.end() >= window_end:
            m = None  # the cue's "end of text" alternative matched the window's end, not the parenthesis'
        if m is not None:
            return k, _field_lines(st, j, k + 1, close, m)
        if f.find(")", k + 1, close) >= 0:  # an earlier, already closed group: not ours
            return None
        k = f.rfind("(", 0, k)
    return None


# An arrow closing a task, then who carries it ("… → Phòng Nội vụ", "… => Thanh tra huyện, phối hợp UBND các xã"),
# folded; the partners after ", phối hợp (với)"
_ARROW_TAIL = regex.compile(r"\s{0,3}(?:→|=>|⇒)\s{0,3}([^→⇒=\n]{2,200}?)[\s.;]{0,3}$")
_ARROW_PARTNERS = regex.compile(r"\s{0,3}[,;]\s{0,3}phoi\s{1,3}hop(?:\s{1,3}voi)?\s{1,3}")
# A sentence of assignment fields closing a task ("… Tháng 5/2024. Giao cho: Trưởng các thôn; Ban công tác
# Mặt trận các thôn phối hợp."): its cue opens a sentence, after ". ".
_FIELD_SENTENCE = regex.compile(r"\.\s{1,3}(?=\S)")
# A closing parenthesis that only names partners: "… (Công chức Tư pháp - Hộ tịch phối hợp)."
# a sentence closing on its partners: "…, Trưởng các xóm phối hợp." (no "với" after: a partner clause)
_PARTNER_END = regex.compile(r"\s{1,3}phoi\s{1,3}hop(?:\s{1,3}thuc\s{1,3}hien)?\s{0,3}[.;]?\s{0,3}$")
_PARTNER_PAREN = regex.compile(r"\(([^()]{3,200}?)\s{1,3}phoi\s{1,3}hop\)[\s.;,]*$")


def _bracket_time(j: Joined) -> tuple[int, Joined] | None:
    """A time in square brackets closing an item ("… (Chủ trì: …) [Quý II/2021]."): where the bracket
    opens and its content, the item's time field. A bracket holding only a number is a note's mark."""
    f = j.folded
    if "]" not in f[-4:]:
        return None
    m = _BRACKET_TAIL.search(f, max(0, len(f) - _MAX_BRACKET - 8))
    if m is None or m.group(1).strip().isdigit():
        return None
    return m.start(), j.slice(m.start(1), m.end(1))


def _bracket_agencies(st: _Doc, content: Joined) -> list[_AgencyLine]:
    """A closing bracket that lists only agencies ("[Sở Tư pháp; Sở Thông tin và Truyền thông; UBND các huyện]"):
    the first named leads, the ones after it support (the order such lists keep, which their plans' notes state)."""
    got = st.agency_list(content)
    if not got:
        return []
    out = [_AgencyLine("lead", Joined(st.doc, [got[0].span], st.folded))]
    if len(got) > 1:
        out.append(_AgencyLine("support", Joined(st.doc, [(got[1].span[0], got[-1].span[1])], st.folded)))
    return out


_MAX_BRACKET = 120
_BRACKET_TAIL = regex.compile(r"\[([^\[\]\n]{2,120})\][ \t.;,]{0,3}$")
# "(Đề nghị X chủ trì; Y phối hợp)": a closing parenthesis naming the lead, then the partners
_PAIR_PAREN = regex.compile(
    r"\((?:de\s{1,3}nghi\s{1,3})?([^();]{3,200}?)\s{1,3}chu\s{1,3}tri(?:\s{1,3}thuc\s{1,3}hien)?\s{0,3}[;,]"
    r"\s{0,3}([^();]{3,200}?)\s{1,3}phoi\s{1,3}hop(?:\s{1,3}thuc\s{1,3}hien)?\s{0,3}\)[\s.;,]*$")


def _opens_field_sentence(st: _Doc, j: Joined, k: int) -> bool:
    """The fields found at ``k`` open a sentence of their own with a cue and its colon ("… . Cơ quan chủ trì: …"),
    after the task's own sentence."""
    f = j.folded
    return (k > 2 and f[:k].rstrip().endswith(".")
            and _cue_with_colon(st.v.block_line, f[k : k + _CUE_WINDOW]) is not None and bool(f[:k].strip(" .")))


def _trailing_fields(st: _Doc, j: Joined) -> tuple[int, list[_AgencyLine]] | None:
    """Fields in the task's last sentences ("… Giao cho: X; Y phối hợp.") or a closing parenthesis that
    names only partners ("(Y phối hợp)") or the lead and its partners ("(X chủ trì; Y phối hợp)"):
    where they start and their fields, or None."""
    f = j.folded
    if " / " in f and (slashed := _slashed_fields(st, j)) is not None:
        return slashed
    if "→" in f or "=>" in f or "⇒" in f:
        am = _ARROW_TAIL.search(f, max(0, len(f) - 240))
        if am is not None:
            # "… → Phòng Nội vụ", "… → Thanh tra huyện, phối hợp UBND các xã": the arrow points at who carries it
            who_end = am.end(1)
            pk = _ARROW_PARTNERS.search(f, am.start(1), who_end)
            lead = j.slice(am.start(1), pk.start() if pk is not None else who_end)
            if st.agency_list(lead, lenient=False):
                out = [_AgencyLine("lead", lead)]
                if pk is not None:
                    out.append(_AgencyLine("support", j.slice(pk.end(), who_end)))
                return am.start(), out
    if f.rstrip().endswith((")", ").", ");")) and "phoi hop" in f[-220:]:
        pm = _PAIR_PAREN.search(f, max(0, len(f) - 420))
        if pm is not None:
            lead, partners = j.slice(pm.start(1), pm.end(1)), j.slice(pm.start(2), pm.end(2))
            if st.agency_list(lead, lenient=True) and st.agency_list(partners, lenient=True):
                return pm.start(), [_AgencyLine("lead", lead), _AgencyLine("support", partners)]
    pm = _PARTNER_PAREN.search(f) if f.endswith((")", ").", ");")) else None
    if pm is not None and st.agency_list(j.slice(pm.start(1), pm.end(1)), lenient=True):
        return pm.start(), [_AgencyLine("support", j.slice(pm.start(1), pm.end(1)))]
    cm = _PARTNER_END.search(f) if "phoi" in f else None
    if cm is not None:
        # "… . X chủ trì thực hiện, Y phối hợp." / "Giao X chủ trì; Y, Z phối hợp.": the closing clause
        # names the partners (after the last ";" of the sentence, else after its last ",")
        stop = cm.start()
        sent = max(f.rfind(". ", 0, stop), -1) + 1
        for sep in (";", ","):
            k = f.rfind(sep, sent, stop)
            if k < 0:
                continue
            who = j.slice(k + 1, stop)
            if who.text.strip() and st.agency_list(who, lenient=False):
                return k, [_AgencyLine("support", who)]
    if ":" not in f:
        return None
    for sm in _FIELD_SENTENCE.finditer(f):
        k = sm.end()
        m = _cue_with_colon(st.v.block_line, f[k : k + _CUE_WINDOW])
        # ("… . Sản phẩm: Báo cáo kết quả." too; a closing "Thời gian: …" sentence stays in the task's text)
        if m is not None and _role_of(m) in ("lead", "support", "directing", "output"):
            return k, _field_lines(st, j, k, len(f), m)
    for k in j.line_starts():
        # a field on a line of its own under the item's text ("- Công khai …" / "  Đơn vị thực hiện: Phòng …"):
        # the list item's continuation line, no full stop before it
        m = _cue_with_colon(st.v.block_line, f[k : k + _CUE_WINDOW])
        if m is not None and _role_of(m) in ("lead", "support", "directing", "output"):
            return k, _field_lines(st, j, k, len(f), m)
    return None


_SLASH_FIELD_MAX = 80  # characters of each of the two closing " / " fields ("/ TN-MT + UBND các xã, phường / Q3")
_PLUS = regex.compile(r"\s{1,3}\+\s{1,3}")


def _slashed_fields(st: _Doc, j: Joined) -> tuple[int, list[_AgencyLine]] | None:
    """A note-style item's two closing fields after spaced slashes, "nội dung / chủ trì [+ phối hợp] / thời gian"
    ("Rà soát hộ nghèo / LĐTB&XH / T9", "Niêm yết giá đất / TN-MT + UBND các xã / Q3"): the middle one names only
    agencies, the first of them leading and those after "+" supporting, the last is only a time."""
    f = j.folded
    end = len(f.rstrip(" .;"))
    b = f.rfind(" / ", 0, end)
    a = f.rfind(" / ", 0, b) if b > 0 else -1
    if a <= 0 or b - a > _SLASH_FIELD_MAX or end - b > _SLASH_FIELD_MAX or not f[:a].strip():
        return None
    time = j.slice(b + 3, end)
    if not st.deadlines(time, cell=True):
        return None
    mid = j.slice(a + 3, b)
    plus = _PLUS.search(mid.folded)
    lead = mid.slice(0, plus.start()) if plus is not None else mid
    if not st.agency_list(lead, lenient=True):
        return None
    out = [_AgencyLine("lead", lead), _AgencyLine("deadline", time)]
    k = plus.end() if plus is not None else -1
    while k >= 0:
        nxt = _PLUS.search(mid.folded, k)
        out.append(_AgencyLine("support", mid.slice(k, nxt.start() if nxt is not None else len(mid.folded))))
        k = nxt.end() if nxt is not None else -1
    return a, out


_MAX_PAREN_TIME = 80  # a closing time field is short ("(Khi có kế hoạch tuyển dụng)"); longer asides are prose


def _closing_paren(f: str) -> tuple[int, int] | None:
    """(offset of "(", offset of ")") of the parenthesis that closes an item's (folded) text, a final
    " .;," aside, or None: the item's own time, indicator note or assignee is often written there."""
    if ")" not in f[-4:]:  # the common case: no closing parenthesis at all
        return None
    close = len(f.rstrip(" .;,")) - 1
    if close < 1 or f[close] != ")":
        return None
    k = f.rfind("(", 0, close)
    return None if k < 0 else (k, close)


_CLAUSE_TIME_MAX = 60  # characters of an item's closing clause that may be its time field


# a last clause that is only a time label (or none) and "theo quy định / hướng dẫn …" (folded)
_UNSPECIFIED_CLAUSE = regex.compile(r"\s{0,3}(?:(?:thoi\s{1,3}(?:gian|han)(?:\s{1,3}(?:thuc\s{1,3}hien|hoan\s{1,3}thanh))?"
                                    r"|thuc\s{1,3}hien|hoan\s{1,3}thanh)\s{1,3})?(?P<time>theo(?:\s{1,3}\w{1,12}){1,8})\s{0,3}")


def _clause_time(st: _Doc, body: Joined) -> list[Deadline]:
    """The time of an item whose last clause, after its last ";", is only a time ("…; năm 2024.", "…; khi có hồ
    sơ quá hạn."), which prose reading leaves (a bare year or an event it does not know): the clause is read as a
    time cell when the time opens it."""
    f = body.folded
    k = f.rfind(";")
    if k < 0 or len(f) - k > _CLAUSE_TIME_MAX:
        return []
    end = len(f.rstrip(" ."))
    if (um := _UNSPECIFIED_CLAUSE.fullmatch(f, k + 1, end)) is not None:
        # "…; thời gian theo quy định." / "…; theo quy định.": the clause is the item's time, and names none (or
        # names the plan it follows: "…; theo kế hoạch của UBND huyện")
        return [d for d in st.deadlines(body.slice(um.start("time"), end), cell=True) if d.kind in ("unspecified", "per_plan")]
    m = st.v.clause_time.match(f, k + 1)
    if m is None:
        return []
    inner = body.slice(m.start("time"), len(f.rstrip(" .")))
    return [d for d in st.deadlines(inner, cell=True) if d.kind != "unspecified"]


def _paren_time(st: _Doc, body: Joined, found: list[Deadline]) -> list[Deadline]:
    """The time in a closing parenthesis that is the item's time field ("… (Năm 2024).", "… (Khi có dự án
    thu hồi đất).") though prose reading finds none there: its content is read as a time cell when the
    time opens it. A parenthesis prose already reads ("(Quý II/2024)") is left as it is."""
    f = body.folded
    paren = _closing_paren(f)
    if paren is None:
        return []
    k, close = paren
    if close - k - 1 > _MAX_PAREN_TIME or f.find(")", k + 1, close) >= 0:
        return []
    inner = body.slice(k + 1, close)
    lead = len(inner.text) - len(inner.text.lstrip())
    if not inner.text.strip():
        return []
    start, end = inner.span()
    if any(d.span[0] < end and d.span[1] > start for d in found):
        return []
    got = st.deadlines(inner, cell=True)
    if not got or got[0].span[0] != start + lead:
        return []
    return got


# what closes "(Sở Nội vụ thực hiện)", "(Phòng Tư pháp chủ trì)", "(Thanh tra huyện chủ trì thực hiện)" (folded),
# the item's time possibly after the verb: "(Ban Thanh tra nhân dân xã thực hiện, hoàn thành trước ngày 15/12/2022)"
_CLOSING_ASSIGN_VERB = regex.compile(
    r"\s{0,3}(?:chu\s{1,3}tri(?:\s{1,3}thuc\s{1,3}hien)?|thuc\s{1,3}hien)(?:\s{0,3}[,;]\s{0,3}[^()]{1,100})?\s{0,3}\)")


_DASH_TAIL = regex.compile(r"\s{0,3}(?:\([^()\n]{1,160}\)\s{0,3})?(?:[,.;]|$)")
_MIN_ACTION_CHARS = 10


def _dash_doer(st: _Doc, j: Joined) -> list[Agency]:
    """The doer an item names after a dash: "Họp dân bàn mức đóng góp – Trưởng các thôn, tháng 8/2022." (the
    agency right after the item's last en or em dash, then only its partners in parentheses, a time or the end)."""
    t = j.text
    k = max(t.rfind(" – "), t.rfind(" — "))
    if k < _MIN_ACTION_CHARS:
        return []
    got, after = st.subject_at(j, k + 3)
    if not got or after < 0 or _DASH_TAIL.match(j.folded, after) is None:
        return []
    return list(got)


def _closing_assignment(st: _Doc, j: Joined) -> list[Agency]:
    """The agency a closing parenthesis assigns the item to: "(Sở Nội vụ thực hiện)", "(X chủ trì)" — an
    agency as the parenthesis's subject and only its verb after it — or "(Phòng Nội vụ)", agencies alone."""
    f = j.folded
    paren = _closing_paren(f)
    if paren is None or paren[1] - paren[0] > 160:
        return []
    k, close = paren
    got, after = st.subject_at(j, k + 1)
    if not got or after < 0:
        return []
    m = _CLOSING_ASSIGN_VERB.match(f, after)
    if m is not None and m.end() == close + 1:
        return list(got)
    # "… trước ngày họp ít nhất 03 ngày (Phòng Nội vụ).": a parenthesis holding only agencies names the assignee
    return st.bare_agencies(j.slice(k + 1, close)) or []


def _inline_item(doc: str, b: Block) -> bool:
    """An item ``_split_inline_items`` cut out of a paragraph: "(n)" with the paragraph's text before it on its
    line."""
    if b.kind != "item" or not (b.marker or "").startswith("("):
        return False
    ls = doc.rfind("\n", 0, b.start) + 1
    return not doc[ls : b.start].isspace() and ls < b.start


def _inline_run(items: list[_Item], t: int) -> list[int]:
    """The tasks listed inline in the paragraph whose last item is ``items[t]`` ("… sau: (1) …; (2) …;
    (3) …."), or [t]: lines after such a paragraph ("Cơ quan chủ trì: …. Cơ quan phối hợp: …") are the
    fields of the paragraph's list, not of its last item."""
    b = items[t].block
    if _lettered(b):
        return _lettered_run(items, t)
    if b.kind != "item" or not (b.marker or "").startswith("("):
        return [t]
    run = [t]
    k = t - 1
    while k >= 0:
        o = items[k]
        if o.block.line != b.line or o.section != items[t].section:
            break
        if o.kind == "task" and o.block.kind == "item" and (o.block.marker or "").startswith("("):
            run.append(k)
        k -= 1
    return run[::-1]


def _inline_closing_fields(st: _Doc, items: list[_Item]) -> None:
    """A sentence of fields closing a paragraph that lists its tasks inline ("… sau: (a) …; (b) …; (c) … . Thời
    gian thực hiện: năm 2023.") is printed inside the last item but frames the whole list: the earlier items of the
    run take its fields too (the last reads them in its own text)."""
    for t, it in enumerate(items):
        if it.kind != "task" or not _inline_item(st.doc, it.block):
            continue
        if t + 1 < len(items) and items[t + 1].block.line == it.block.line and items[t + 1].section == it.section:
            continue  # not the run's last item
        run = _inline_run(items, t)
        if len(run) < 2 or _bracket_time(it.text) is not None:
            continue
        f = it.text.folded
        end = len(f.rstrip(" .;"))
        k = f.rfind(". ", 0, end)
        if k < 0 or not f[:k].strip():
            continue
        at = k + 1 + len(f[k + 1 :]) - len(f[k + 1 :].lstrip())
        m = _cue_with_colon(st.v.block_line, f[at : min(end, at + _CUE_WINDOW)])
        if m is None:
            continue
        fields = _field_lines(st, it.text, at, end, m)
        for r in run[:-1]:
            items[r].attached.extend(fields)


def _field_value_lists(items: list[_Item]) -> None:
    """A time or output field line left empty ("Thời gian:" / "- Quý III: lấy ý kiến;" / "- Quý IV: công khai kết
    quả.") takes the bullets right under it as its values: they are the item's times, not tasks."""
    for i, it in enumerate(items):
        if (it.kind != "line" or it.line is None or it.more_lines or it.line.role not in ("deadline", "output")
                or it.line.value.text.strip(" .:;") or not it.text.text.rstrip().endswith(":")):
            continue
        k = i + 1
        while k < len(items) and items[k].kind == "skip" and items[k].block.kind == "bullet" \
                and items[k].section == it.section and (value := items[k].text.text.strip()):
            if it.line.role == "deadline" and not _TIME_OPENING.match(items[k].text.folded.lstrip()):
                break
            items[k].kind = "line"
            items[k].line = _AgencyLine(it.line.role, items[k].text)
            k += 1
            if not value.endswith((";", ",")):
                break  # "- Quý IV: công khai kết quả." closes the field's list


# a time field's value opening on a time word ("Quý II: …", "Tháng 9/2024", "Trước ngày …", "Từ …", "Hằng tháng")
_TIME_OPENING = regex.compile(r"(?:" + _alternation(data_file("tasks.yaml")["field_time_openings"]) + r"|\d)(?![\p{L}])")


def _lettered_run(items: list[_Item], t: int) -> list[int]:
    """The lettered steps of one enumeration ending at ``items[t]`` ("a) Rà soát …;" / "b) Bố trí …;" /
    "c) Gửi … ." then "Chủ trì: …"), or [t]: every step but the last closes on ";" (one sentence, its
    fields printed once after it). Steps that each end on "." are tasks of their own."""
    run = [t]
    k = t - 1
    cur = (items[t].block.label or "a").lower()
    while k >= 0 and cur != "a":
        o = items[k]
        lab = (o.block.label or "").lower()
        if (o.section != items[t].section or o.kind != "task" or o.block.kind != "item" or len(lab) != 1
                or not letter_follows(lab, cur) or not o.text.text.rstrip().endswith((";", ","))):
            break
        run.append(k)
        cur = lab
        k -= 1
    return run[::-1] if cur == "a" else [t]


def _after_a_list(items: list[_Item], t: int, lines: list[_AgencyLine]) -> bool:
    """Lines naming a lead after the last of a list of bullets ("- … ." / "- … ." / "Đơn vị chủ trì: …" /
    "Thời gian thực hiện: …"), printed as paragraphs, not as bullets under it: the section's agency block."""
    b = items[t].block
    if b.kind != "bullet" or not any(ln.role == "lead" for ln in lines):
        return False
    if any(items[k].block.kind == "bullet" or items[k].block.indent > b.indent for k in _line_items(items, t)):
        return False
    prev = items[t - 1] if t > 0 else None
    return (prev is not None and prev.section == items[t].section and prev.kind == "task"
            and prev.block.kind == "bullet" and prev.block.marker == b.marker)


def _line_items(items: list[_Item], t: int) -> list[int]:
    """Indexes of the agency-line items right after item ``t``."""
    out: list[int] = []
    k = t + 1
    while k < len(items) and items[k].kind == "line":
        out.append(k)
        k += 1
    return out


def _item_fields(task: _Item, lines: list[_AgencyLine]) -> bool:
    """Lines right after one task belong to it when they carry an item's own fields (its time or
    output), or when they are a bullet sub-list of a numbered or lettered item."""
    if any(ln.role in ("deadline", "output") for ln in lines):
        return True
    return task.block.kind == "item" and bool(task.block.label)


def _intro_deadlines(st: _Doc, sid: str | None) -> list[Deadline]:
    """The time of the intro of the task's section or the nearest section above it that has one ("IV. NHIỆM VỤ" /
    "Trong năm 2025, … thực hiện các nhiệm vụ sau:" / "1. Tham gia …" / "- …"): only its time, its subjects name
    no item's lead."""
    for sec in st.ancestors(sid):
        got = st.section_intro.get(sec.id)
        if got is not None:
            return st.deadlines(got.text, cell=False)
        timed = st.time_heading.get(sec.id)
        if timed is not None:
            return st.deadlines(timed, cell=True)  # the time a heading names alone, read as a time cell
        heading = st.heading_intro.get(sec.id)
        if heading is not None and (found := st.deadlines(heading, cell=False)):
            return found
    return []


# a paragraph saying how the list below is written: what its brackets hold, its short forms (folded)
_NOTATION = regex.compile(r"(?<!\w)(?:(?:ghi|so|chu|ten)\s{1,3}(?:\S{1,12}\s{1,3}){0,3}trong\s{1,3}ngoac"
                          r"|viet\s{1,3}tat\s{0,3}:|cach\s{1,3}ghi\s{0,3}:|ky\s{1,3}hieu\s{0,3}:"
                          # "Các chữ viết tắt trong bảng: PNV: …": a legend of short forms
                          r"|^(?:cac\s{1,3})?(?:chu|tu)\s{1,3}viet\s{1,3}tat[^:]{0,40}:)")
_TABLE_CAPTION = regex.compile(r"^[*_ ]{0,4}bang\s{1,3}\d{1,2}[.:]\s{1,3}[^.;]{1,200}$")
_TABLE_POINTER = regex.compile(r"(?<!\w)(?:theo|tai|o)\s{1,3}bang(?:\s{1,3}(?:\d{1,2}|phan cong|duoi day|sau|kem theo))")
_POINTER_TAIL = 40  # characters a pointer may leave before its sentence ends ("… theo Bảng 2 kèm theo Kế hoạch")


def _points_to_table(f: str) -> bool:
    """The paragraph's first sentence sends the reader to a table ("Các nhiệm vụ được phân công theo Bảng 2.",
    "… tại bảng phân công kèm theo."): a pointer and the table's legend, the tasks are the table's rows."""
    k = f.find(". ")
    head = f if k < 0 else f[:k]
    m = _TABLE_POINTER.search(head)
    return m is not None and len(head.rstrip(" .")) - m.end() <= _POINTER_TAIL


def _is_intro(f: str) -> bool:
    """A paragraph announcing the ones after it: "… như sau:", or a lead-in clause closed by ":" after its time
    ("Thanh tra tỉnh thực hiện các nội dung sau, hoàn thành trong quý III/2025:")."""
    return _LEAD_IN_END.search(f) is not None or (f.endswith(":") and _LEADIN_CLAUSE.search(f) is not None)


def _assign_groups(st: _Doc, items: list[_Item]) -> None:
    """Link each task to the group header it sits under (same section, until the group ends)."""
    by_section: dict[str | None, list[_Item]] = {}
    for it in items:
        by_section.setdefault(it.section, []).append(it)
    for sec_id, seq in by_section.items():
        current: _Item | None = None
        sub_marker: str | None = None  # the bullet a header's first item wears: its items go on while it does
        seen_list = False
        intro: _Item | None = None  # a paragraph announcing the paragraphs after it (bullets lost in export)
        for k, it in enumerate(seq):
            r = _rank(it.block)
            if it.kind != "task":
                intro = it if (it.kind == "skip" and r == 0 and _is_intro(it.text.folded.strip())) else None
                if intro is not None and k == 0 and sec_id is not None:
                    st.section_intro[sec_id] = intro
            if it.kind == "header":
                it.header_scope_parent = r == 0 and seen_list
                current = it
                sub_marker = None
                continue
            if current is not None:
                cr = _rank(current.block)
                if sub_marker is None and it.block.kind == "bullet":
                    sub_marker = it.block.marker
                ends = ((cr > 0 and 0 < r <= cr and it.block.indent <= current.block.indent + 1
                         and not (it.block.kind == "bullet" and current.block.kind == "bullet"
                                  and it.block.marker == sub_marker != current.block.marker)
                         and not (_numbered(current.block) and _lettered(it.block)))
                        or (cr == 0 and r == 0 and it.kind != "task"))
                if ends:
                    current = None
            if it.kind == "task":
                it.group = current
                if current is None and r == 0:
                    it.intro = intro
                if r > 0 and current is None and not _inline_item(st.doc, it.block):
                    # (an item listed inside a paragraph, "… sau: (1) …; (2) …", is prose: a paragraph
                    # after it does not close the section's list; nor does a header's own list: "**Phòng A:**"
                    # / "- …" / "**Phòng B:**" / "- …" under a dimension's heading are siblings)
                    seen_list = True


# ---------------------------------------------------------------------------------------------
# Drafts: a task before ids and variant folding
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    label: str | None
    text: Joined
    section: str | None
    dimension: int | None
    subdimension: str | None
    lead: list[Agency]
    support: list[Agency]
    directing: list[Agency]
    output: Joined | None
    deadlines: list[Deadline]
    origin: str
    method: str
    span: tuple[int, int]
    unread_time: Joined | None = None  # a time field or cell that gave no deadline (W502)


def _block_role(st: _Doc, sid: str | None, role: str, stop: str | None = None) -> list[_AgencyLine]:
    """The nearest section (itself, then ancestors) whose agency block has ``role`` (asked for every
    task and role once the blocks are attached: memoized per document)."""
    key = (sid, role, stop)
    got = st.roles_memo.get(key)
    if got is not None:
        return got
    got = []
    for s in st.ancestors(sid):
        lines = st.blocks_of.get(s.id, {}).get(role)
        if lines:
            got = lines
            break
        if stop is not None and s.id == stop:
            break
    st.roles_memo[key] = got
    return got


def _heading_group_of(st: _Doc, sid: str | None) -> list[Agency]:
    for s in st.ancestors(sid):
        g = st.heading_group.get(s.id)
        if g:
            return g
    return []


def _heading_support_of(st: _Doc, sid: str | None) -> list[Agency]:
    """The partners a lead-in heading names for the items under it (the heading that gives their group)."""
    for s in st.ancestors(sid):
        if st.heading_group.get(s.id):
            j = st.heading_intro.get(s.id)
            return st.cooperation(j) if j is not None else []
    return []


def _resolve(
    st: _Doc, j: Joined, sid: str | None, *, lead_field: Joined | None, support_field: Joined | None,
    group: list[Agency], block_sid: str | None, use_blocks: bool = True, block_stop: str | None = None,
) -> tuple[list[Agency], list[Agency], list[Agency], str]:
    """(lead, support, directing, lead source) by the precedence of docs/annotation.md."""
    support: list[Agency] = []
    source = "none"
    lead: list[Agency] = []
    if lead_field:
        lead, extra = st.lead_cell(lead_field)
        support.extend(extra)
        source = "field"
    first: list[Agency] = []
    later: list[Agency] = []
    if not lead:  # a lead cell or line wins: the sentence subjects are only read when there is none
        first, later = st.subjects(j)
        fronted, fronted_partners = _fronted(st, j)
        if fronted and (first or not group):
            # "Phối hợp với Sở Tư pháp, Sở Nội vụ tham mưu …", "Cùng với X, Y …": the name the fronted list ends on is
            # the subject, the names before it its partners (under an agency heading and with no subject read, the
            # whole list is the heading agency's partners)
            first = fronted
            support.extend(fronted_partners)
    if not lead and first:
        lead = list(first)
        source = "subject"
    if not lead:
        # "… Giao Phòng A chủ trì, phối hợp với B thực hiện; thời gian: …" after the task's own text
        lead = st.assigned(j)
        if lead:
            source = "assigned"
    if not lead and group:
        lead = list(group)
        source = "group"
    if source in ("subject", "group") and later:
        lead.extend(later)
    if source in ("subject", "assigned", "group"):
        over = st.overseers(j)
        if over:
            spans = {a.span for a in over}
            rest = [a for a in lead if a.span not in spans]
            if rest:  # someone else does the task: the overseers support it
                lead = rest
                support.extend(over)
    if support_field:
        support.extend(st.split(support_field))
    support.extend(st.cooperation(j))
    if source in ("assigned", "subject"):
        # "… – X (Y phối hợp), quý III/2022.", "X chủ trì, Y phối hợp, duy trì …"
        support.extend(st.partners_named_first(j))
    if source == "assigned" and " do " in j.flat:
        support.extend(st.agent_clause(j)[1])  # "… do X chủ trì, Y thực hiện.": Y carries it out with X
    if source == "assigned":
        support.extend(st.assigned_to(j)[1])  # "… được giao cho X chủ trì, Y phối hợp"
    directing: list[Agency] = []
    if use_blocks:
        if not lead:
            lines = _block_role(st, block_sid, "lead", block_stop)
            for ln in lines:
                got, extra = st.lead_cell(ln.value)
                lead.extend(got)
                support.extend(extra)
            if lead:
                source = "block"
                for ln in _block_role(st, block_sid, "support", block_stop):
                    support.extend(st.split(ln.value))
        for ln in _block_role(st, block_sid, "directing", block_stop):
            directing.extend(st.split(ln.value))
    return lead, support, directing, source


_DATED_KINDS = frozenset({"by_date", "date", "month", "quarter", "year", "year_range"})


def _dated(deadlines: list[Deadline]) -> bool:
    """Whether a task's own times include a calendar one: an occasion it names ("trước khi phê duyệt …") leaves the
    frame its lead-in or section gives in force."""
    return any(d.kind in _DATED_KINDS for d in deadlines)


# A leader closing an item's sentence: "…, dưới sự chỉ đạo của Chủ tịch UBND huyện.", "…; đồng chí Phó Chủ tịch UBND
# huyện phụ trách khối kinh tế chỉ đạo." (folded; the leader opens on one of agencies.yaml's leader words). Bounded
# runs: linear.
@lru_cache(maxsize=1)
def _directing_tail_re() -> regex.Pattern[str]:
    ahead = r"(?=" + phrase_alternation(fold(str(w)) for w in data_file("agencies.yaml")["leaders"]) + r")"
    return regex.compile(
        r"[,;]\s{0,3}(?:duoi\s{1,3}su\s{1,3}chi\s{1,3}dao\s{1,3}cua\s{1,3}(?:dong\s{1,3}chi\s{1,3})?" + ahead
        + r"(?P<a>[^,;()]{3,90}?)|(?:dong\s{1,3}chi|d/c)\s{1,3}" + ahead
        + r"(?P<b>[^,;()]{3,90}?)\s{1,3}(?:truc\s{1,3}tiep\s{1,3})?chi\s{1,3}dao)\s{0,3}[.;]?\s{0,3}$")


_DIRECTING_TAIL_REACH = 160  # characters from the end where such a clause may start
# "…, kết quả là Quyết định công nhận … trước ngày 30/4/2023": the product the task ends in, up to its time
_RESULT_IS = regex.compile(r"[,;]\s{0,3}ket\s{1,3}qua\s{1,3}la\s{1,3}(?=\S)")
_RESULT_END = regex.compile(r"\s{1,3}(?:truoc|trong|cham\s{1,3}nhat|hoan\s{1,3}thanh|den\s{1,3}het|dinh\s{1,3}ky|hang)(?!\w)"
                            r"|\s{0,3}[;.]\s{0,3}$")


def _directing_tail(j: Joined) -> tuple[int, Joined] | None:
    """The leader an item's closing clause names as directing it: where the clause starts, and the leader."""
    f = j.folded
    m = _directing_tail_re().search(f, max(0, len(f) - _DIRECTING_TAIL_REACH))
    if m is None:
        return None
    g = "a" if m.group("a") is not None else "b"
    return m.start(), j.slice(m.start(g), m.end(g))


def _result_clause(j: Joined) -> Joined | None:
    """The product a "…, kết quả là X …" clause names (X, up to a time or the end), or None."""
    f = j.folded
    m = _RESULT_IS.search(f)
    if m is None:
        return None
    e = _RESULT_END.search(f, m.end())
    end = e.start() if e is not None else len(f.rstrip(" ."))
    return j.slice(m.end(), end) if end > m.end() + 2 else None


def _draft_from_item(st: _Doc, it: _Item) -> _Draft:
    b = it.block
    j = it.text
    sid = it.section
    fields: dict[str, Joined] = {}
    own = list(it.attached)
    bracket = _bracket_time(j)
    jf = j if bracket is None else j.slice(0, bracket[0])  # the item without its closing "[time]"
    if "chi dao" in jf.folded and (led := _directing_tail(jf)) is not None:
        # "…, dưới sự chỉ đạo của Chủ tịch UBND huyện.": the leader directs; the item's fields close before it
        own.append(_AgencyLine("directing", led[1]))
        jf = jf.slice(0, led[0])
    if "ket qua la" in jf.folded and (product := _result_clause(jf)) is not None:
        own.append(_AgencyLine("output", product))
    body = jf  # what the sentence readers see: the text without a closing field block
    inline = _inline_fields(st, jf)
    shown = j  # the task's text
    if inline is None:
        inline = _trailing_fields(st, jf)
        if inline is not None and _opens_field_sentence(st, jf, inline[0]):
            # "… . Cơ quan chủ trì: X; cơ quan phối hợp: Y; thời gian hoàn thành: Z.": a closing sentence of
            # fields is the item's field lines written on, no part of what the task is (a closing parenthesis
            # of fields stays in the text, as the guide has it)
            shown = jf.slice(0, len(jf.folded[: inline[0]].rstrip()))
    if inline is not None:  # the item's own fields in a closing parenthesis or sentence
        body = jf.slice(0, inline[0])
        own = inline[1] + own
    if bracket is not None:
        own = [*own, *(_bracket_agencies(st, bracket[1]) or [_AgencyLine("deadline", bracket[1])])]
    for ln in own:
        if ln.role in fields:
            fields[ln.role] = Joined(st.doc, fields[ln.role].parts() + ln.value.parts(), st.folded)
        else:
            fields[ln.role] = ln.value
    group_item = it.group
    block_sid = sid
    block_stop: str | None = None
    dim_sid = sid
    group: list[Agency] = []
    if group_item is not None:
        group = group_item.header_agencies
        if group_item.header_scope_parent:
            sec = st.secs.get(sid) if sid else None
            dim_sid = sec.parent if sec is not None else None
            block_sid = dim_sid
    intro_support: list[Agency] = []
    if group_item is None and it.intro is not None and _LEADIN_CLAUSE.search(it.intro.text.folded):
        # a paragraph lead-in naming its subject ("Sở X chủ trì, phối hợp với Y thực hiện các nội dung sau:") over
        # paragraphs whose bullets export lost assigns them as a group header does: X leads, Y supports
        group = st.subjects(it.intro.text)[0] or []
        if group:
            intro_support = st.cooperation(it.intro.text)
    if not group:
        group = _heading_group_of(st, sid)
        if group and group_item is None:
            # a heading lead-in's partners ("7. Phòng X chủ trì, phối hợp với Y thực hiện:"), as a header's
            intro_support = _heading_support_of(st, sid)
    if it.generic:
        top = st.top_section(sid)
        dim_sid = top
        block_sid = top
        block_stop = top
        group = []
    runin = _runin_indicator(st, body.text)
    full_body = body
    if runin is not None:
        body = body.slice(runin[2] + 1, len(body.text))  # agencies and times are read after the head
    lead, support, directing, source = _resolve(
        st, body, sid, lead_field=fields.get("lead"), support_field=fields.get("support"), group=group,
        block_sid=block_sid, block_stop=block_stop,
    )
    if fields.get("directing"):
        directing = st.split(fields["directing"]) + directing
    back = it.back.text if it.back is not None else None
    if back is not None and source in ("none", "group", "block"):
        # the items' assignment written after them: its lead (when the item names none) and its partners
        got = st.subjects(back)[0] or st.assigned(back)
        if got:
            lead, source = got, "assigned"
            support = support + st.cooperation(back) + st.partners_named_first(back)
    if source == "group" and group_item is not None and group_item.header_support:
        support = support + group_item.header_support
    elif source == "group" and intro_support:
        support = support + intro_support
    head = it.chain.draft if it.chain is not None else None
    if head is not None and head.lead and source in ("none", "group", "block"):
        # "X chủ trì, phối hợp với Y hướng dẫn …; đồng thời kiểm tra …": a clause with no subject of its own is X's,
        # with X's partners and its own
        lead, support = list(head.lead), [*head.support, *support]
    dimension, subdimension = st.dimension_of(dim_sid)
    sec = st.secs.get(sid) if sid else None
    if dimension is None and runin is not None:
        dimension, subdimension = runin[0], runin[1]
    dimension, subdimension = st.plan_dimension(dim_sid, (dimension, subdimension))
    note = _note_indicator(st, full_body, dimension)
    if note is None and (ind := fields.get("indicator")):
        note = _field_indicator(st, ind, dimension)  # a card's "Chỉ số tác động: 2.3 - …" line
    if note is not None:
        dimension, subdimension = note  # the item's own word on its indicator outranks its section's
    if dimension is not None and subdimension is None and sec is not None and sec.kind == "tasks":
        subdimension = _runin_subdimension(st, full_body.text, dimension)
    if dimension is not None and subdimension is None and (
            named := labelled_subdimension_in(full_body.folded, dimension)) is not None:
        subdimension = named.subdimension  # "Để cải thiện chỉ số thành phần Cơ hội tham gia, UBND các xã …"
    time_field = fields.get("deadline")
    if time_field and note is None and (paren := _closing_paren(time_field.folded)) is not None:
        # "…; thời gian: tháng 12/2023 (Chỉ số nội dung 2 - …)": the note closing the item closes its time field
        tnote = _note_indicator(st, time_field)
        if tnote is not None:
            dimension, subdimension = tnote
            time_field = time_field.slice(0, len(time_field.folded[: paren[0]].rstrip()))
    tbody = _without_code_note(body, st)  # "… xong trong tháng 7 (1.4).": a code is no day and month
    deadlines = st.deadlines(time_field, cell=True) if time_field else st.deadlines(tbody, cell=False)
    if not time_field:
        deadlines.extend(_paren_time(st, tbody, deadlines))
        if not deadlines:
            deadlines.extend(_clause_time(st, tbody))
    else:
        # the item's own text may state a dated time of its own besides the field's ("phấn đấu đến ngày 31/12/2024
        # tỷ lệ … đạt 95%" over "- Thời gian: Trong năm 2024."): one record per time expression of the task. Only
        # dated ones: an event, a recurrence or "thường xuyên" in the text mostly describes what is done
        deadlines.extend(d for d in st.deadlines(body, cell=False) if d.kind in _DATED_KINDS)
    if back is not None and not (deadlines and _time_for_above(st.v, back.folded)):
        # "…, hoàn thành trong quý III/2019." after the list; a sentence that only gives the list's time ("Các nội
        # dung trên hoàn thành trước ngày 30/9/2024.") frames the items that state none
        deadlines.extend(st.deadlines(back, cell=False))
    if not deadlines and not time_field and group_item is not None:
        # a lead-in's time frames the items under it that state none ("UBND các xã thực hiện các nội dung sau,
        # hoàn thành trước ngày 30/6/2024:", "Trong năm 2024, tập trung thực hiện các nhiệm vụ sau:")
        deadlines.extend(st.deadlines(group_item.text, cell=False))
    if not deadlines and not time_field and group_item is None and it.intro is not None:
        # ... and so does a paragraph lead-in's over the paragraphs after it, where export lost their bullets
        # ("Trong quý IV/2025, tập trung thực hiện các nội dung sau:" over paragraphs)
        deadlines.extend(st.deadlines(it.intro.text, cell=False))
    if not deadlines and not time_field:
        # the section's intro ("Trong năm 2024, … tập trung thực hiện các nhiệm vụ trọng tâm sau:") frames the items
        # under it, also those under a group header or lead-in that states no time of its own
        deadlines.extend(_intro_deadlines(st, sid))
    if not fields.get("deadline") and not _dated(deadlines):
        # "Thời gian hoàn thành: …" written once for the section is the time of its tasks (also beside an occasion
        # the text names, "… trước khi phê duyệt chủ trương đầu tư.", which gives no date)
        for ln in _block_role(st, block_sid, "deadline", block_stop):
            deadlines.extend(st.deadlines(ln.value, cell=True))
    output = fields.get("output")
    if output is None:
        lines = _block_role(st, block_sid, "output", block_stop)
        output = lines[0].value if lines else None
    label = b.label
    # (a small Roman numeral in brackets, "(ii)", numbers the item: prose, as "(2)" is)
    origin = "list" if b.kind == "bullet" or (label is not None and label.isalpha() and not (
        (b.marker or "").startswith("(") and label in _ROMAN_SMALL)) else "prose"
    method = _method(st, it, source)
    return _Draft(label, shown, sid, dimension, subdimension, lead, support, directing, output,
                  deadlines, origin, method, (b.start, max(b.end, j.span()[1])),
                  time_field if time_field and not deadlines else None)


def _method(st: _Doc, it: _Item, source: str) -> str:
    b = it.block
    sec = st.secs.get(it.section) if it.section else None
    if source == "group" and it.group is not None:
        return "bullet-under-agency-header" if _rank(it.group.block) > 0 else "item-under-agency-header"
    if source == "group":
        return "organization-duty" if sec is not None and sec.kind == "organization" else "item-under-agency-heading"
    if it.attached:
        return "item-with-agency-lines"
    if source == "subject" and ":" in it.text.text[:120] and st.agency_list(
            it.text.slice(0, it.text.text.find(":"))) is not None:
        return "agency-colon"
    if source == "subject":
        return "agency-subject"
    if b.kind == "item":
        return "lettered-item" if (b.label or "").isalpha() else "numbered-item"
    if b.kind == "bullet":
        return "bullet"
    return "prose-paragraph"


def _reported_speech(v: Vocab, text: str) -> bool:
    """A paragraph reporting what a named person said (see ``reported_speech`` in tasks.yaml)."""
    if v.person_opening.match(text):
        return True
    return v.person.search(text) is not None and v.speech_verb.search(text.lower()) is not None


_RUNIN_COVER = 0.6  # share of a run-in head an indicator name must cover to be the head's whole content


def _runin_indicator(st: _Doc, text: str) -> tuple[int, str | None, int] | None:
    """(dimension, sub-dimension, offset of the ":") when the item opens with a run-in head that is only
    a PAPI indicator's name ("Tham gia của người dân ở cấp cơ sở: Phòng Nội vụ chủ trì, …"): the head
    says which indicator the item serves, and the agencies are read from what follows it."""
    search = st.api.search_indicators
    cut = text.find(":", 0, 160)
    if search is None or cut <= 0:
        return None
    head = text[:cut].strip(" *")
    if not head or _nwords(head, 14) > 14 or ";" in head:
        return None
    found = [m for m in search(head) if getattr(m, "exact", False)]
    if len(found) != 1:
        return None
    m = found[0]
    start, end = getattr(m, "start", None), getattr(m, "end", None)
    if not isinstance(start, int) or not isinstance(end, int) or (end - start) < _RUNIN_COVER * len(head):
        return None
    return int(m.dimension), m.subdimension, cut


def _is_caps_caption(head: str) -> bool:
    """The words before "(Kèm theo …)" are a title in capitals: every letter upper case, a few words at least."""
    letters = [c for c in head if c.isalpha()]
    return len(letters) >= _CAPTION_MIN_LETTERS and all(c.isupper() for c in letters)


_CAPTION_MIN_LETTERS = 12


def _column_legend(text: str) -> bool:
    """A sentence that ends listing a table's columns joined by " — " ("…: STT — Nội dung nhiệm vụ — Cơ quan chủ
    trì — Thời gian hoàn thành."): it tells how the rows below read, it assigns nothing."""
    tail = text[text.rfind(":") + 1 :]
    names = [n.strip(" .;") for n in tail.split("\u2014")]
    return len(names) >= 3 and sum(1 for n in names if header_role(n) is not None) >= len(names) - 1


_MAX_NOTE = 400  # characters inside an indicator note's parenthesis


def _note_cell_indicator(st: _Doc, cell: Joined) -> tuple[int, str | None] | None:
    """(dimension, sub-dimension) a row's "Ghi chú" cell tags it with: "Chỉ số nội dung 7" by its number, or an
    indicator named there ("… (nội dung thành phần An ninh, trật tự)"), a sub-dimension only under its dimension."""
    m = st.v.dimension_tag.search(cell.folded)
    dim = int(m.group(1)) if m is not None else None
    if st.api.search_indicators is None:
        return (dim, None) if dim is not None else None
    found = [x for x in st.api.search_indicators(cell.text) if getattr(x, "exact", False)]
    if dim is None and found:
        dim = int(found[0].dimension)
    if dim is None:
        return None
    sub = next((str(x.subdimension) for x in found if x.subdimension and int(x.dimension) == dim), None)
    return dim, sub



def _note_indicator(st: _Doc, body: Joined, dimension: int | None = None) -> tuple[int, str | None] | None:
    """(dimension, sub-dimension) named by the parenthesis that closes an item and opens with an
    indicator's label ("… (Chỉ số nội dung 4 - Kiểm soát tham nhũng trong khu vực công, nội dung thành
    phần Công bằng trong tuyển dụng vào nhà nước)."): the plan tags each task with what it serves. A
    note naming two ("…; Chỉ số nội dung 4 - …") gives the first; a sub-dimension counts only under
    the dimension named with it (or alone)."""
    f = body.folded
    if st.api.search_indicators is None:
        return None
    paren = _closing_paren(f) or _note_before_time(f)
    if paren is None:
        return None
    k, close = paren
    if (pm := _PAPI_NOTE.match(f, k + 1, close)) is not None:
        k = pm.end() - 1  # "(PAPI - Chỉ số nội dung 5, …)" in a plan for several indices: the PAPI note's own words
    if (bare := _BARE_CODE.fullmatch(f, k + 1, close)) is not None:
        # "… (1.4)." closing every item of a plan whose note says so: the sub-dimension by its bare code
        code = f"{bare.group(1)}.{bare.group(2)}"
        return (int(bare.group(1)), code) if load_taxonomy().subdimension(code) is not None else None
    if close - k - 1 > _MAX_NOTE or not st.v.indicator_note.match(f, k + 1, close):
        return None
    inner = body.text[k + 1 : close]
    first = inner.split(";")[0]
    first_f = f[k + 1 : close].split(";")[0]
    assert st.api.search_indicators is not None  # else paren is None and we returned above
    found = [m for m in st.api.search_indicators(first) if getattr(m, "exact", False)]
    if not found:
        coded = _note_code(first_f)
        if coded is None and dimension is not None:
            # "(CSTP: Giấy phép xây dựng)" under dimension 5: a reworded name the note labels as a sub-dimension
            para = labelled_subdimension(first_f, dimension)
            if para is not None:
                return dimension, para.subdimension
        return coded
    dim = int(found[0].dimension)
    sub = next((str(m.subdimension) for m in found if m.subdimension and int(m.dimension) == dim), None)
    if sub is None and (coded := _note_code(first_f)) is not None and coded[0] == dim:
        sub = coded[1]  # "(Chỉ số nội dung 5 - Thủ tục hành chính công, nội dung thành phần 5.2)": named, then coded
    return dim, sub


# a note naming its indicator by number: "(tác động nội dung thành phần 2.3)", "(Chỉ số nội dung 6)" (folded)
_NOTE_SUB_CODE = regex.compile(r"(?:(?:noi\s{1,3}dung|chi\s{1,3}so)\s{1,3}thanh\s{1,3}phan|cstp)\s{0,3}([1-8])\.([1-9])(?![\d.])")
# "(chỉ số thành phần thứ nhất của nội dung 2)": the sub-dimension by its rank within its dimension
_NOTE_SUB_ORDINAL = regex.compile(r"thanh\s{1,3}phan\s{1,3}thu\s{1,3}(nhat|hai|ba|tu|bon)\s{1,3}(?:cua|thuoc)\s{1,3}"
                                  r"(?:chi\s{1,3}so\s{1,3})?(?:noi\s{1,3}dung\s{1,3})?([1-8])(?![\d.])")
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4}
_NOTE_DIM_CODE = regex.compile(r"(?:chi\s{1,3}so(?:\s{1,3}noi\s{1,3}dung)?|csnd)\s{0,3}([1-8])(?![\d.])")


_FIELD_CODE = regex.compile(r"\s{0,3}([1-8])(?:\.([1-9]))?(?![\d.])")


def _field_indicator(st: _Doc, value: Joined, dimension: int | None) -> tuple[int, str | None] | None:
    """(dimension, sub-dimension) a card's indicator field gives: its opening code ("2.3 - Thu, chi ngân sách cấp xã",
    "6"), else the indicator its words name, else a note's label and number ("Chỉ số thành phần 2.3")."""
    f = value.folded
    m = _FIELD_CODE.match(f)
    if m is not None:
        if m.group(2) is None:
            return int(m.group(1)), None
        code = f"{m.group(1)}.{m.group(2)}"
        if load_taxonomy().subdimension(code) is not None:
            return int(m.group(1)), code
    if st.api.search_indicators is not None:
        found = [x for x in st.api.search_indicators(value.text) if getattr(x, "exact", False)]
        if found:
            dim = int(found[0].dimension)
            sub = next((str(x.subdimension) for x in found if x.subdimension and int(x.dimension) == dim), None)
            return dim, sub
    return _note_code(f)


def _note_code(f: str) -> tuple[int, str | None] | None:
    """(dimension, sub-dimension) a note gives by number, when the taxonomy knows the code."""
    m = _NOTE_SUB_CODE.search(f)
    if m is not None:
        code = f"{m.group(1)}.{m.group(2)}"
        if load_taxonomy().subdimension(code) is not None:
            return int(m.group(1)), code
    m = _NOTE_SUB_ORDINAL.search(f)
    if m is not None:
        code = f"{m.group(2)}.{_ORDINALS[m.group(1)]}"
        if load_taxonomy().subdimension(code) is not None:
            return int(m.group(2)), code
    m = _NOTE_DIM_CODE.search(f)
    return (int(m.group(1)), None) if m is not None else None


def _without_code_note(body: Joined, st: _Doc) -> Joined:
    """``body`` without a closing parenthesis that holds only a sub-dimension's code ("(1.4)"), or that is an
    indicator note opening on a code ("(CSTP 3.3 - Tiếp cận dịch vụ tư pháp)", "(Chỉ số thành phần 7.1: …)"): a code
    is no day and month."""
    f = body.folded
    paren = _closing_paren(f) if f.rstrip(" .;")[-1:] == ")" else None
    if paren is None:
        return body
    k, close = paren
    coded = _BARE_CODE.fullmatch(f, k + 1, close) is not None
    if not coded and _NOTE_CODE_INSIDE.search(f, k + 1, close) is not None:
        start = pm.end() if (pm := _PAPI_NOTE.match(f, k + 1, close)) is not None else k + 1
        coded = st.v.indicator_note.match(f, start, close) is not None
    if not coded:
        return body
    return body.slice(0, len(f[:k].rstrip()))


_NOTE_CODE_INSIDE = regex.compile(r"(?<![\d./])[1-8]\.[1-9](?![\d./])")  # a code in a note ("3.3", not "3.3.2020")


_BARE_CODE = regex.compile(r"\s{0,2}([1-8])\.([1-9])\s{0,2}")
_PAPI_NOTE = regex.compile(r"\s{0,2}papi\s{0,2}[-–:,]\s{0,2}")  # the index named before the note's label (folded)
_NOTE_TAIL = 120  # characters after a note's parenthesis: the item's time clause ("; hoàn thành trước kỳ bầu cử.")
# "… (Chỉ số nội dung 5). Thời gian: quý III/2020.": a time sentence of its own after the note (folded)
_TIME_SENTENCE_AFTER = regex.compile(r"\.\s{1,3}(?:thoi\s{1,3}gian|thoi\s{1,3}han|tien\s{1,3}do)(?:\s{1,3}\w+){0,2}\s{0,3}:")


def _note_before_time(f: str) -> tuple[int, int] | None:
    """(offset of "(", offset of ")") of the last parenthesis of an item when only the item's closing clause follows
    it ("… (Chỉ số nội dung 1 - Tham gia …); hoàn thành trước kỳ bầu cử."), or None (the caller checks that it is
    an indicator note)."""
    close = f.rfind(")", max(0, len(f) - _NOTE_TAIL))
    if close < 0 or (f[close + 1 : close + 3].strip()[:1] not in (";", ",")
                     and not _TIME_SENTENCE_AFTER.match(f, close + 1)):
        return None
    k = f.rfind("(", max(0, close - _MAX_NOTE - 1), close)
    return (k, close) if k >= 0 else None


def _runin_subdimension(st: _Doc, text: str, dimension: int) -> str | None:
    """A lead-in naming a sub-dimension ("Cải thiện cơ sở hạ tầng căn bản: …") gives it.

    Only a run-in head counts (the text before a ":" within a dozen words, like a run-in heading),
    and only a sub-dimension of the enclosing dimension.
    """
    search = st.api.search_indicators
    if search is None:
        return None
    cut = text.find(":")
    if cut <= 0:
        return None
    head = text[:cut]
    if _nwords(head, 14) > 14 or ";" in head:
        return None
    for m in search(head):
        sub = getattr(m, "subdimension", None)
        if sub and getattr(m, "dimension", None) == dimension:
            return str(sub)
    return None


def _find_task_headings(st: _Doc, items: list[_Item]) -> None:
    """Numbered tasks the outline read as headings (no final period, short enough for a title).

    Evidence: agency lines ("- Cơ quan chủ trì: …", "- Thời gian hoàn thành: …") come right under
    the heading, and whatever follows in the section is itself a task with its own lines (the
    next numbered tasks, which the outline nested under this one). A topic heading whose agency
    block governs plain tasks below it fails the second test and keeps its block. Such a heading
    also closed the group it belongs to in the outline ("2. Công khai, minh bạch" > "a) …" >
    "5. Thường xuyên rà soát …"): its logical container is the last real section before it.
    """
    ctx = st.ctx
    by_section: dict[str | None, list[_Item]] = {}
    for it in items:
        if it.kind != "skip" or it.text.text.strip():
            by_section.setdefault(it.section, []).append(it)
    line_of_sec = {sid: li for li, sid in ctx.heading_lines.items()}
    prev_real: str | None = None
    for s in ctx.sections:
        seq = by_section.get(s.id, [])
        initial: list[_Item] = []
        for it in seq:
            if it.kind != "line":
                break
            initial.append(it)
        li = line_of_sec.get(s.id)
        head = ctx.norm.line_text(li).rstrip() if li is not None else ""
        if (not initial or st.own_dimension(s.id) or st.is_agency_section(s) or head.endswith(":")
                or _nwords(s.title, 4) < 4 or not st.in_task_area(s.id)):
            prev_real = s.id
            continue
        if all(it.line is not None and it.line.role == "directing" for it in initial) and st.children.get(s.id):
            # "4. Cải thiện, nâng cao Chỉ số PAPI" / "Chỉ đạo thực hiện: …" over its own sub-sections: a
            # topic whose leader directs the tasks below, not a task
            prev_real = s.id
            continue
        rest = seq[len(initial):]
        ok = not any(it.kind == "header" for it in rest)
        for i, it in enumerate(rest):
            if it.kind == "task" and not (i + 1 < len(rest) and rest[i + 1].kind == "line"):
                ok = False
        if not ok:
            prev_real = s.id
            continue
        st.task_heading[s.id] = [it.line for it in initial if it.line is not None]
        for it in initial:
            it.kind = "consumed"
        if prev_real is not None and prev_real != s.parent:
            st.logical_parent[s.id] = prev_real
            st._chains.clear()
            st._area.clear()


def _heading_tasks(st: _Doc) -> list[_Draft]:
    """Drafts for the numbered tasks found by ``_find_task_headings``."""
    ctx = st.ctx
    line_of_sec = {sid: li for li, sid in ctx.heading_lines.items()}
    out: list[_Draft] = []
    for sid, lines in st.task_heading.items():
        s = st.secs[sid]
        li = line_of_sec.get(sid)
        if li is None:
            continue
        info = ctx.norm.lines[li]
        m = _LABEL_PREFIX.match(st.doc[info.start : info.end])
        j = Joined(st.doc, [(info.start + (m.end() if m else 0), info.end)], st.folded)
        by_role: dict[str, list[_AgencyLine]] = {}
        for ln in lines:
            by_role.setdefault(ln.role, []).append(ln)
        fields = {role: Joined(st.doc, [p for ln in lns for p in ln.value.parts()], st.folded)
                  for role, lns in by_role.items()}
        parent = st.parent_of(sid)
        lead, support, directing, _ = _resolve(
            st, j, sid, lead_field=fields.get("lead"), support_field=fields.get("support"),
            group=_heading_group_of(st, parent), block_sid=parent,
        )
        if fields.get("directing"):
            directing = st.split(fields["directing"]) + directing
        dimension, subdimension = st.dimension_of(sid)
        deadlines = (st.deadlines(fields["deadline"], cell=True) if fields.get("deadline")
                     else st.deadlines(j, cell=False))
        end = max([info.end] + [ln.value.span()[1] for ln in lines])
        out.append(_Draft(s.label, j, sid, dimension, subdimension, lead, support, directing,
                          fields.get("output"), deadlines, "prose", "numbered-heading-item", (info.start, end)))
    return out


def _cell_title_end(text: str) -> regex.Match[str] | None:
    """Where a cell's title ends and its first "- " item begins: at ":" ("Công khai …: - A; - B"); else at the
    first ";" or dash before a capital, whichever comes first."""
    ends = [m for m in (_CELL_TITLE_END.search(text, 0, _CELL_TITLE_MAX),
                        _CELL_TITLE_DASH.search(text, 0, _CELL_TITLE_MAX)) if m is not None]
    colon = next((m for m in ends if text[m.start()] == ":"), None)
    return colon or min(ends, key=lambda m: m.start(), default=None)


def _drafts_from_row(st: _Doc, t: Table, r: Row, sid: str | None) -> list[_Draft]:
    """The task of a table row, or one per item when its text cell lists several ("- Rà soát …<br>- Công
    khai …": each its own task, all with the row's agencies, time and output)."""
    c = r.cells.get("text")
    whole = Joined(st.doc, c.parts, st.folded) if c is not None and not c.empty() else Joined(st.doc, [], st.folded)
    marks = list(_CELL_ITEM.finditer(whole.text)) if whole.text.lstrip()[:1] in "-–•+" else []
    numbered = False
    bracketed = whole.text.lstrip()[:3] == "(1)"
    lettered = False
    if len(marks) < 2 and whole.text.lstrip()[:2] in ("a)", "a."):
        # "a) Rà soát …;<br>b) Tập huấn …": lettered steps, in sequence from a, each a task with its own letter
        marks = list(_CELL_LETTERED.finditer(whole.text))
        lettered = [m.group(1) for m in marks] == [chr(ord("a") + k) for k in range(len(marks))]
        if not lettered:
            marks = []
    if len(marks) < 2 and (whole.text.lstrip()[:2] in ("1.", "1)") or bracketed):
        # "1. Công khai …; 2. Niêm yết …; 3. Tổ chức …": numbered items, in sequence from 1 ("(1) …; (2) …"
        # too, which keep the row's number: their own restarts in every row)
        marks = list((_CELL_BRACKETED if bracketed else _CELL_NUMBERED).finditer(whole.text))
        numbered = [int(m.group(1)) for m in marks] == list(range(1, len(marks) + 1))
        if not numbered:
            marks = []
    spans = [(m.start(), m.end(), m.group(1) if (numbered and not bracketed) or lettered else None) for m in marks]
    if len(marks) < 2 and not numbered and (tm := _cell_title_end(whole.text)) is not None:
        # "Công khai ngân sách cấp xã: - Hướng dẫn …; - Kiểm tra …": a short title, then its items; the items
        # are the tasks (the title only names them)
        rest = [(m.start(), m.end(), None) for m in _CELL_ITEM.finditer(whole.text, tm.end())]
        if rest:
            spans = [(tm.start(), tm.end(), None), *rest]
    if len(spans) < 2:
        return [_draft_from_row(st, t, r, sid, whole)]
    out: list[_Draft] = []
    for k, (_, a, label) in enumerate(spans):
        # up to the next item's separator ("; - ", a line break), which belongs to neither item
        b = spans[k + 1][0] if k + 1 < len(spans) else len(whole.text)
        item = whole.text[a:b]
        cut = len(item.rstrip(" ;-–•+\n"))
        if item[:cut].strip():
            d = _draft_from_row(st, t, r, sid, whole.slice(a, a + cut))
            out.append(replace(d, label=label) if label is not None else d)
    if lettered:
        out = _paired_cells(st, r, out, _PAIRED_LETTERED)
    elif numbered and not bracketed:
        out = _paired_cells(st, r, out, _PAIRED_NUMBERED)
    elif numbered and len(out) == len(spans):
        # "(1) …; (2) …" pieces keep the row's number: they pair with "(1) Sở A; (2) Sở B" by their own numbers
        out = _paired_cells(st, r, out, _PAIRED_BRACKETED, [str(k + 1) for k in range(len(out))])
    return out


def _paired_cells(st: _Doc, r: Row, drafts: list[_Draft], rx: regex.Pattern[str],
                  labels: list[str | None] | None = None) -> list[_Draft]:
    """Time, lead and partner cells labelled like the text cell ("a) Quý II/2023;<br>b) Quý III/2023", "1. Sở A<br>2.
    Sở B", "a) Thanh tra tỉnh; b), c) Ban Tiếp công dân tỉnh"): each piece keeps the times and agencies of its own
    label. A cell whose labels do not cover every piece serves every piece."""
    labels = labels if labels is not None else [d.label for d in drafts]
    for role in ("deadline", "lead", "support"):
        c = r.cells.get(role)
        if c is None or c.empty() or (role == "lead" and len(_column_runs(st.doc, c.parts)) > 1):
            continue
        j = Joined(st.doc, c.parts, st.folded)
        marks = list(rx.finditer(j.text))
        own: dict[str, int] = {}  # label -> the mark whose piece it names
        for k, m in enumerate(marks):
            for lab in _LABEL_PART.findall(m.group(1)):
                own.setdefault(lab, k)
        if not marks or any(lab is None or lab not in own for lab in labels):
            continue
        ends = [m.start() for m in marks[1:]] + [len(j.text)]
        if role == "deadline":
            bounds = [(j.to_doc(m.start()), j.to_doc(e, end=True)) for m, e in zip(marks, ends, strict=True)]
            lo, hi = bounds[0][0], bounds[-1][1]
            drafts = [replace(d, deadlines=[x for x in d.deadlines if not lo <= x.span[0] < hi
                                            or bounds[own[str(lab)]][0] <= x.span[0] < bounds[own[str(lab)]][1]])
                      for d, lab in zip(drafts, labels, strict=True)]
            continue
        inside = c.parts
        paired: list[_Draft] = []
        for d, lab in zip(drafts, labels, strict=True):
            assert lab is not None
            k = own[lab]
            p = j.slice(marks[k].end(), ends[k])
            # the whole cell's reading goes (its names from this cell), the piece's own is read
            kept = [a for a in d.support if not any(x <= a.span[0] < y for x, y in inside)]
            if role == "lead":
                lead, extra = st.lead_cell(p)
                paired.append(replace(d, lead=lead, support=kept + [a for a in extra if a not in kept]))
            else:
                paired.append(replace(d, support=kept + [a for a in st.split(p) if a not in kept]))
        drafts = paired
    return drafts


_LABEL_PART = regex.compile(r"[a-h]|\d{1,2}")
# a labelled piece of a time or agency cell, its label one or several ("b), c) Ban Tiếp công dân", "2, 3. Thanh tra")
_PAIRED_LETTERED = regex.compile(r"(?:^\s{0,3}|;\s{1,3}|\n\s{0,3})((?:[a-h][.)]?\s{0,2},\s{0,2}){0,4}[a-h])[.)]\s{1,3}(?=\S)")
_PAIRED_NUMBERED = regex.compile(r"(?:^\s{0,3}|;\s{1,3}|\n\s{0,3})((?:\d{1,2}[.)]?\s{0,2},\s{0,2}){0,4}\d{1,2})[.)]\s{1,3}(?=\S)")
_PAIRED_BRACKETED = regex.compile(r"(?:^\s{0,3}|[;.]\s{1,3}|\n\s{0,3})\(((?:\d{1,2}\)?\s{0,2},\s{0,2}\(?){0,4}\d{1,2})\)\s{1,3}(?=\S)")


# an item of a text cell listing several tasks: "- A; - B" (a <br> between them became "; "), "- A\n- B"
_CELL_ITEM = regex.compile(r"(?:^|;\s{1,3}|\n\s{0,3})[-–•+]\s{1,3}(?=\S)")
# a cell's title closed by ":" or ";" right before its first "- " item ("Công khai …: - Hướng dẫn …; - Kiểm tra …")
_CELL_TITLE_END = regex.compile(r"[:;]\s{0,3}[-–•+]\s{1,3}(?=\S)")
_CELL_TITLE_MAX = 200  # characters a cell's title may run before its first item
# (or, where the cell's line breaks were joined by spaces, "Tuyên truyền … thị trấn - Phát tin bài …; - Lồng ghép …":
# the first dash before a capital, read only when "; - " items follow it)
_CELL_TITLE_DASH = regex.compile(r"(?<=\S)\s[-–•+]\s{1,3}(?=\p{Lu})")
_CELL_NUMBERED = regex.compile(r"(?:^\s{0,3}|;\s{1,3}|\n\s{0,3})(\d{1,2})[.)]\s{1,3}(?=\S)")
_CELL_LETTERED = regex.compile(r"(?:^\s{0,3}|;\s{1,3}|\n\s{0,3})([a-h])[.)]\s{1,3}(?=\S)")
_CELL_BRACKETED = regex.compile(r"(?:^\s{0,3}|[;.]\s{1,3}|\n\s{0,3})\((\d{1,2})\)\s{1,3}(?=\S)")


def _draft_from_row(st: _Doc, t: Table, r: Row, sid: str | None, j: Joined | None = None) -> _Draft:
    cells = r.cells
    doc = st.doc

    def joined(role: str) -> Joined | None:
        c = cells.get(role)
        return Joined(doc, c.parts, st.folded) if c is not None and not c.empty() else None

    if j is None:
        j = joined("text") or Joined(doc, [], st.folded)
    lead_cell, support_cell, packed_time = joined("lead"), joined("support"), None
    packed = False  # the lead cell packs the row's fields ("Chủ trì: X; Phối hợp: Y"): read as fields, not by column
    if lead_cell is not None and (m := st.v.block_line.match(lead_cell.folded)) is not None \
            and ":" in lead_cell.folded[: m.end()]:
        # a cell packing its row's fields ("Chủ trì: X; Phối hợp: Y; Thời gian: Quý III/2023", "CT: X / PH: Y")
        fields: dict[str, list[Joined]] = {}
        for ln in _field_lines(st, lead_cell, 0, len(lead_cell.text), m):
            fields.setdefault(ln.role, []).append(ln.value)
        if "lead" in fields:
            packed = True
            lead_cell = fields["lead"][0]
            support_cell = support_cell if "support" not in fields else fields["support"][0]
            packed_time = fields["deadline"][0] if "deadline" in fields else None
    lead, support, directing, _ = _resolve(
        st, j, sid, lead_field=lead_cell, support_field=support_cell, group=[],
        block_sid=sid, use_blocks=False,
    )
    lead_runs = _column_runs(doc, cells["lead"].parts) if lead_cell is not None and not packed else []
    if len(lead_runs) > 1:
        # two lead columns ("Cơ quan chủ trì | Cơ quan tham mưu"): each cell names leads of its own, never one
        # name running across the columns ("UBND thị xã" | "Phòng Nội vụ")
        lead = []
        # the joined cells' reading ran the columns together ("… tỉnh phối hợp" | "Văn phòng …" read as "X phối
        # hợp Y"): its partners from the lead cells go, each cell's own are read below
        inside = cells["lead"].parts
        support = [a for a in support if not any(x <= a.span[0] < y for x, y in inside)]
        for run in lead_runs:
            got, extra = st.lead_cell(Joined(doc, run, st.folded))
            lead.extend(got)
            support.extend(a for a in extra if a not in support)
    # an assignment grid's marks ("C" / "P" under each agency's column): the row's own assignment
    marked_lead = [a for span in _parts(cells.get("lead_marked")) for a in st.split(Joined(doc, [span], st.folded))]
    marked_support = [a for span in _parts(cells.get("support_marked"))
                      for a in st.split(Joined(doc, [span], st.folded))]
    if marked_lead:
        lead = marked_lead
    if marked_support:
        support = marked_support if marked_lead else support + marked_support
    directing_cell = joined("directing")  # "Lãnh đạo UBND xã chỉ đạo": the row's directing leader
    if directing_cell:
        directing = st.split(directing_cell) + directing
    elif not directing:
        # "Chỉ đạo thực hiện: …" written once for the section over the table directs its rows too
        for ln in _block_role(st, sid, "directing"):
            directing.extend(st.split(ln.value))
    if r.grouped:
        dimension, subdimension = r.dimension, r.subdimension
    else:
        dimension, subdimension = st.dimension_of(sid)
    dimension, subdimension = st.plan_dimension(sid, (dimension, subdimension))
    note = _note_indicator(st, j, dimension) if ")" in j.text[-4:] else None
    if note is not None:
        dimension, subdimension = note  # "… (nội dung thành phần: Tri thức công dân)": the row's own word
    elif (not r.grouped or r.dimension is None) and (nc := joined("note")) is not None \
            and (tagged := _note_cell_indicator(st, nc)) is not None:
        dimension, subdimension = tagged  # a "Ghi chú" cell tagging the row: "Chỉ số nội dung 7"
    time = joined("deadline") or packed_time
    columns = _column_runs(doc, cells["deadline"].parts) if time is not None and "deadline" in cells else []
    if len(columns) > 1:
        # two time columns ("Bắt đầu | Hoàn thành", "Năm 2024 | Năm 2025"): each cell is a time of its own
        deadlines = [d for run in columns for d in st.deadlines(Joined(doc, run, st.folded), cell=True)]
    else:
        deadlines = st.deadlines(time, cell=True) if time else []
    if not deadlines and "period" in cells:
        deadlines = _period_deadlines(st, t, cells["period"].parts)
    if "period_text" in cells:
        deadlines = deadlines + _year_cell_deadlines(st, cells["period_text"].parts)
    if not time and not deadlines and r.group is not None:
        # an empty time cell under a group row naming only a time ("I | Quý II/2024", "IV | Nhiệm vụ thường xuyên")
        gj = Joined(doc, [r.group], st.folded)
        if (rest := _time_heading_rest(gj.folded)) is not None:
            deadlines = st.deadlines(gj.slice(*rest), cell=True)
    if not time and not deadlines:
        deadlines = _intro_deadlines(st, sid)  # an empty time cell under "Trong năm 2024, … như sau:"
    if (nc := joined("note")) is not None and (mv := _note_time_move().search(nc.folded)) is not None:
        # "Ghi chú" | "Chuyển sang quý IV/2024": the time the task was moved to, a time of the row besides its own
        deadlines = deadlines + st.deadlines(nc.slice(mv.end(), len(nc.text)), cell=True)
    return _Draft(r.label, j, sid, dimension, subdimension, lead, support, directing, joined("output"),
                  deadlines, "table", "table-row", (r.start, r.end), time if time and not deadlines else None)


def _column_runs(doc: str, parts: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The parts of a role's cells grouped by column: a tab or a pipe between two parts of one line starts the next
    column's cell (the lines of one wrapped cell, or of a row a page break split, stay together)."""
    runs: list[list[tuple[int, int]]] = []
    for a, b in parts:
        gap = doc[runs[-1][-1][1] : a] if runs else ""
        if runs and ("\n" in gap or not any(c in gap for c in "\t|")):
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    return runs


def _parts(c: Cell | None) -> list[tuple[int, int]]:
    return c.parts if c is not None else []


_YEAR = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _period_deadlines(st: _Doc, t: Table, labels: list[tuple[int, int]]) -> list[Deadline]:
    """The periods a row marks on a time line, one record each ("T6" -> June, "Năm 2025", "Thường xuyên"): a month's
    or quarter's year is the last one the table's header writes above the labels ("Thời gian thực hiện năm 2025"),
    else the plan's first.
    Each record's span is its column label, the text the time is read from."""
    doc = st.doc
    years = _YEAR.findall(doc, t.start, min(p[0] for p in labels))
    year = int(years[-1]) if years else (st.period.start_year if st.period is not None else None)
    out: list[Deadline] = []
    for a, b in labels:
        m = PERIOD_LABEL.match(doc[a:b])
        if m is None:
            # a standing column ("Thường xuyên"): the time its label says
            out.extend(st.deadlines(Joined(doc, [(a, b)], st.folded), cell=True))
            continue
        kind: DeadlineKind
        if m.group("year"):
            y = int(m.group("year"))
            out.append(Deadline(raw=doc[a:b], kind="year", start=dt.date(y, 1, 1).isoformat(),
                                end=dt.date(y, 12, 31).isoformat(), recurrence=None, span=(a, b)))
            continue
        if m.group("month"):
            mo = int(m.group("month"))
            if not 1 <= mo <= 12:
                continue
            kind, first, last = "month", mo, mo
        else:
            q = m.group("quarter")
            n = _ROMAN_QUARTER.get(q.upper()) or int(q)
            kind, first, last = "quarter", 3 * n - 2, 3 * n
        start = end = None
        if year is not None:
            start = dt.date(year, first, 1).isoformat()
            end = dt.date(year, last, calendar.monthrange(year, last)[1]).isoformat()
        out.append(Deadline(raw=doc[a:b], kind=kind, start=start, end=end, recurrence=None, span=(a, b)))
    return out


def _year_cell_deadlines(st: _Doc, pairs: list[tuple[int, int]]) -> list[Deadline]:
    """The times written in a row's year columns ("Năm 2024" | "Quý II"): each read with its column's year; a cell
    that states no time ("Hoàn thành 70%", a target for that year) is that year. ``pairs`` alternate the column's
    label span and the cell's span."""
    doc = st.doc
    out: list[Deadline] = []
    for (la, lb), (a, b) in zip(pairs[0::2], pairs[1::2]):
        m = PERIOD_LABEL.match(doc[la:lb])
        if m is None or not m.group("year"):
            continue
        y = int(m.group("year"))
        found = st.api.parse_deadlines(doc[a:b], a, Period(start_year=y, end_year=y), cell=True)
        if found:
            out.extend(found)
        else:
            out.append(Deadline(raw=doc[la:lb], kind="year", start=dt.date(y, 1, 1).isoformat(),
                                end=dt.date(y, 12, 31).isoformat(), recurrence=None, span=(la, lb)))
    return out


# ---------------------------------------------------------------------------------------------
# Final records
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=16384)
def _name_key(name: str) -> str:
    return collapse_ws(fold(name))


@lru_cache(maxsize=4096)
def _agency_section_title(title: str) -> bool:
    return bool(vocab().agency_section.match(fold(title)))


def _dedupe(items: list[Agency], exclude: set[str] | None = None) -> list[Agency]:
    if not items:
        return []
    out: list[Agency] = []
    seen: set[str] = set(exclude) if exclude else set()
    for a in items:
        k = _name_key(a.name)
        if k in seen:
            continue
        seen.add(k)
        out.append(a)
    return out


def _assign_by_number(st: _Doc, drafts: list[_Draft]) -> None:
    """Give the agencies of a table that assigns tasks by number ("| Sở Nội vụ | 1.1; 1.2 | 8.2 |",
    ``assignment_matrix``) to the tasks of the tasks sections with those labels; a section's number
    ("Các nhiệm vụ tại mục 1, 2 và 5") stands for every task numbered under it."""
    # (an organisation line in words, "Sở Tư pháp chủ trì các nhiệm vụ tại điểm 1.1, 3.2 Mục III", leads only the tasks
    # that name no lead of their own; a table's grid is the plan's assignment, added to what the task names)
    rows = [(r, False) for r in find_assignments(st.doc, st.folded)]
    rows += [(r, True) for r in find_prose_assignments(st.doc, st.folded)]
    if not rows:
        return
    by_label: dict[str, list[_Draft]] = {}
    for d in drafts:
        sec = st.secs.get(d.section) if d.section else None
        if d.label and sec is not None and sec.kind == "tasks":
            by_label.setdefault(d.label.strip().rstrip(".)"), []).append(d)
    if not by_label:
        return
    for row, in_words in rows:
        agencies = st.split(Joined(st.doc, [row.agency], st.folded))
        if not agencies:
            continue
        for ref in row.refs:
            targets = [] if ref.section else by_label.get(ref.label, [])
            if not targets and "." not in ref.label:  # "mục 2", or "2" where the tasks are "2.1", "2.2"
                head = ref.label + "."
                targets = [d for lab, ds in by_label.items() if lab.startswith(head) for d in ds]
            for d in targets:
                have = getattr(d, row.role)
                if in_words and row.role == "lead" and have:
                    continue
                keys = {_name_key(a.name) for a in have}
                have.extend(a for a in agencies if _name_key(a.name) not in keys)


def _finish(st: _Doc, drafts: list[_Draft]) -> list[Task]:
    # fold spelling variants of the same body across the whole document; the folder is called on
    # one agency per distinct name, most frequent first (its tie-break is "seen first"), which
    # gives the same choice as the full list at a fraction of the cost
    counts: dict[str, int] = {}
    reps: dict[str, Agency] = {}
    if st.short_forms:
        for d in drafts:
            d.lead, d.support, d.directing = (_expand_short_forms(st, d.lead), _expand_short_forms(st, d.support),
                                              _expand_short_forms(st, d.directing))
    for d in drafts:
        for a in (*d.lead, *d.support, *d.directing):
            counts[a.name] = counts.get(a.name, 0) + 1
            reps.setdefault(a.name, a)
    if reps:
        order = sorted(reps, key=lambda nm: -counts[nm])
        try:
            folded = st.api.fold_variants([reps[nm] for nm in order])
        except Exception:  # noqa: BLE001 - keep the unfolded names rather than lose the tasks
            folded = [reps[nm] for nm in order]
        change = {nm: f for nm, f in zip(order, folded, strict=False) if f.name != nm}
        if change:
            for d in drafts:
                for role in ("lead", "support", "directing"):
                    items = getattr(d, role)
                    if any(a.name in change for a in items):
                        setattr(d, role, [
                            a.model_copy(update={"name": change[a.name].name, "kind": change[a.name].kind,
                                                 "scope": change[a.name].scope}) if a.name in change else a
                            for a in items])
    tasks: list[Task] = []
    for n, d in enumerate(drafts, 1):
        lead = _dedupe(d.lead)
        support = _dedupe(d.support, {_name_key(a.name) for a in lead} if d.support else None)
        directing = _dedupe(d.directing)
        # a cell holding only a dash or dots ("-", "…") is an empty output cell, not a product
        product = d.output if d.output and any(ch.isalnum() for ch in d.output.text) else None
        tasks.append(Task(
            id=f"t{n}", label=d.label, text=d.text.text, section=d.section, dimension=d.dimension,
            subdimension=d.subdimension, lead=lead, support=support, directing=directing,
            output=product.text if product else None, output_span=product.span() if product else None,
            deadlines=d.deadlines,
            origin=d.origin,  # type: ignore[arg-type]
            method=d.method, span=d.span, text_span=d.text.span() if d.text else None,
        ))
    return tasks


# Compile the vocabulary at import, not on the first document.
vocab()
