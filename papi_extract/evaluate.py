"""``papi-extract eval``: score parser output against the hand-written gold in ``tests/gold``.

Extraction quality is the product, so it is measured the way a reviewer would: field by field,
matching by content (never by span or order), against gold written by reading the documents
(docs/annotation.md). The matching rules and thresholds are documented in docs/evaluation.md;
keep that page and the constants below in step.

The module has three parts: loading and validating the gold (a typo in a gold file must be an
error naming the file and the path, never a silent zero), scoring one document (pure functions
over a gold document and a ``PlanDocument``), and the CLI (rich tables, ``--json``, floors).
"""

from __future__ import annotations

import datetime as _dt
import regex
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Optional

import orjson
import typer
import yaml
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from rapidfuzz import fuzz

from papi_extract.models import (
    Agency,
    DeadlineKind,
    Level,
    Origin,
    ParseError,
    PlanDocument,
    Recurrence,
    ScoreKind,
    SectionKind,
    Source,
    UnitType,
)

# ---------------------------------------------------------------------------------------------
# Thresholds (documented in docs/evaluation.md)
# ---------------------------------------------------------------------------------------------

TASK_THRESHOLD = 0.80
"""A predicted task matches a gold task when the similarity of their folded texts reaches this."""
CONTAIN_MIN_CHARS = 40
CONTAIN_MIN_FRACTION = 0.5
CONTAIN_PARTIAL = 0.95
"""Containment rule for long texts: the shorter text (>= 40 folded chars, >= half the longer) is
found inside the longer one with partial_ratio >= 0.95; the pair then counts as similarity 0.80."""
LABEL_BONUS = 0.02
POSITION_WEIGHT = 0.02
"""Task pairs above the threshold are taken best first by similarity + 0.02 when the labels agree
- 0.02 x the gap of their relative positions: near-identical texts (the same action in two
appendices) pair with their own row."""
SECTION_THRESHOLD = 0.85
TITLE_THRESHOLD = 0.90
OUTPUT_THRESHOLD = 0.80
INDICATOR_RAW_THRESHOLD = 0.80
NUM_TOLERANCE = 1e-6

# ---------------------------------------------------------------------------------------------
# Text keys and agency canonicalization
# ---------------------------------------------------------------------------------------------

_WORD = regex.compile(r"[^\W_]+")
_AMP = regex.compile(r"&")


def fold(s: str) -> str:
    """Lowercase, strip every diacritic and tone mark, đ -> d.

    Folding is how tone placement ("hoá"/"hóa", "uỷ"/"ủy") and OCR slips in marks ("MŲC") stop
    mattering; the price (two names differing only in a tone mark compare equal) is acceptable for
    matching.
    """
    s = unicodedata.normalize("NFD", unicodedata.normalize("NFC", s).lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return s.replace("đ", "d").replace("ð", "d")


def loose_key(s: str | None) -> str:
    """Folded words joined by one space: punctuation, quotes and spacing no longer matter."""
    if not s:
        return ""
    return " ".join(_WORD.findall(fold(s)))


def similarity(a: str | None, b: str | None) -> float:
    """Normalized Indel similarity (rapidfuzz ``fuzz.ratio`` / 100) of the loose keys."""
    ka, kb = loose_key(a), loose_key(b)
    if not ka and not kb:
        return 1.0
    return fuzz.ratio(ka, kb) / 100.0


@dataclass(frozen=True, slots=True)
class Canonicalizer:
    """Abbreviation expansion over token sequences, loaded from ``data/eval_abbreviations.yaml``."""

    abbreviations: dict[tuple[str, ...], tuple[str, ...]]
    equivalences: dict[tuple[str, ...], tuple[str, ...]]
    drop_leading: tuple[tuple[str, ...], ...]

    @staticmethod
    def _rewrite(tokens: list[str], table: dict[tuple[str, ...], tuple[str, ...]]) -> list[str]:
        """Replace the longest matching key at each position, left to right, once."""
        if not table:
            return tokens
        longest = max(len(k) for k in table)
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for n in range(min(longest, len(tokens) - i), 0, -1):
                rep = table.get(tuple(tokens[i : i + n]))
                if rep is not None:
                    out.extend(rep)
                    i += n
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def key(self, name: str) -> str:
        """The comparison key of an agency name (see docs/evaluation.md)."""
        tokens = [t for t in loose_key(_AMP.sub(" ", name)).split() if t != "va"]
        tokens = self._rewrite(tokens, self.abbreviations)
        tokens = [t for t in tokens if t != "va"]
        tokens = self._rewrite(tokens, self.equivalences)
        changed = True
        while changed and tokens:
            changed = False
            for lead in self.drop_leading:
                if len(tokens) > len(lead) and tuple(tokens[: len(lead)]) == lead:
                    tokens = tokens[len(lead) :]
                    changed = True
        return " ".join(tokens)


def _token_table(raw: Any, what: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ValueError(f"eval_abbreviations.yaml: {what} must be a mapping")
    return {tuple(loose_key(str(k)).split()): tuple(loose_key(str(v)).split()) for k, v in raw.items()}


@lru_cache(maxsize=1)
def canonicalizer() -> Canonicalizer:
    """The evaluator's own canonicalization, from its data file (works without any other module)."""
    path = Path(__file__).parent / "data" / "eval_abbreviations.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Canonicalizer(
        abbreviations=_token_table(data.get("abbreviations"), "abbreviations"),
        equivalences=_token_table(data.get("equivalences"), "equivalences"),
        drop_leading=tuple(tuple(loose_key(str(x)).split()) for x in data.get("drop_leading") or []),
    )


@lru_cache(maxsize=1)
def _module_canonical_name() -> Callable[[str], Any] | None:
    """``papi_extract.agencies.canonical_name`` when that module exists; used *in addition*."""
    try:
        from papi_extract import agencies  # type: ignore[attr-defined]
    except ImportError:
        return None
    fn = getattr(agencies, "canonical_name", None)
    return fn if callable(fn) else None


def agency_key(name: str) -> str:
    """The evaluator's own key of an agency name."""
    return canonicalizer().key(name)


@lru_cache(maxsize=8192)
def agency_keys(name: str) -> frozenset[str]:
    """All keys a name answers to: our own, and our own of the agencies module's canonical name."""
    keys = {agency_key(name)}
    fn = _module_canonical_name()
    if fn is not None:
        try:
            other = fn(name)
        except Exception:  # noqa: BLE001 - a crash in another module must not break evaluation
            other = None
        if isinstance(other, str) and other.strip():
            keys.add(agency_key(other))
    keys.discard("")
    return frozenset(keys)


def number_key(number: str | None) -> str:
    """A document number without spaces, folded ("72/KH-UBND" = "72/kh-ubnd", "NĐ" = "ND")."""
    return regex.sub(r"\s+", "", fold(number)) if number else ""


def text_key(s: str | None) -> str:
    """Matching form of a task text or an output cell."""
    return loose_key(s)


# ---------------------------------------------------------------------------------------------
# Gold models: small, strict, and explicit about what a gold file may say
# ---------------------------------------------------------------------------------------------


def _date_to_str(value: Any) -> Any:
    """YAML turns an unquoted 2021-06-23 into a date; accept it as the ISO string it meant."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def _check_iso(value: str | None) -> str | None:
    if value is not None:
        if not regex.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("expected an ISO date YYYY-MM-DD")
        _dt.date.fromisoformat(value)
    return value


def _subdim_to_str(value: Any) -> Any:
    """An unquoted ``6.4`` is read as a float; it can only mean "6.4"."""
    if isinstance(value, float):
        return f"{value:.1f}"
    return value


def _label_to_str(value: Any) -> Any:
    """An unquoted label ``1`` is read as an int; it means "1" (a float like 1.10 stays an error)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


GoldDate = Annotated[Optional[str], BeforeValidator(_date_to_str), AfterValidator(_check_iso)]
Dim = Annotated[int, Field(ge=1, le=8)]
Subdim = Annotated[str, BeforeValidator(_subdim_to_str), Field(pattern=r"^[1-8]\.[1-9]$")]
Label = Annotated[str, BeforeValidator(_label_to_str)]
Text = Annotated[str, Field(min_length=1)]
Year = Annotated[int, Field(ge=1900, le=2100)]


def _check_codes(dimension: int | None, subdimension: str | None, where: str) -> None:
    if subdimension is not None and dimension is None:
        raise ValueError(f"{where}: subdimension {subdimension!r} given without a dimension")
    if subdimension is not None and not subdimension.startswith(f"{dimension}."):
        raise ValueError(f"{where}: subdimension {subdimension!r} does not belong to dimension {dimension}")


class _Gold(BaseModel):
    """Unknown keys are errors (a typo must not silently score zero); ``comment`` is always allowed."""

    model_config = ConfigDict(extra="forbid")
    comment: Optional[str] = None


class GoldIssuer(_Gold):
    name: Optional[str]
    level: Optional[Level]
    unit_type: Optional[UnitType]
    locality: Optional[str]
    province: Optional[str]
    province_code: Optional[str] = None
    province_2025: Optional[str] = None


class GoldPeriod(_Gold):
    start_year: Year
    end_year: Year

    @model_validator(mode="after")
    def _order(self) -> GoldPeriod:
        if self.end_year < self.start_year:
            raise ValueError("period: end_year is before start_year")
        return self


class GoldReference(_Gold):
    doc_type: Optional[str]
    number: Optional[str]
    date: GoldDate
    issuer: Optional[str]
    raw: Optional[str] = None


class GoldSigner(_Gold):
    name: Optional[str]
    position: Optional[str]
    authority: Optional[str]


class GoldSection(_Gold):
    label: Optional[Label]
    title: Text
    level: Annotated[int, Field(ge=1)]
    kind: SectionKind


class GoldIndicator(_Gold):
    dimension: Dim
    subdimension: Optional[Subdim]
    raw: Text

    @model_validator(mode="after")
    def _codes(self) -> GoldIndicator:
        _check_codes(self.dimension, self.subdimension, "indicator")
        return self


class GoldScore(_Gold):
    dimension: Optional[Dim]
    subdimension: Optional[Subdim]
    year: Optional[Year]
    kind: ScoreKind
    value: Optional[float]
    change: Optional[float]
    rank: Optional[int]
    rank_of: Optional[int]
    raw: Text

    @model_validator(mode="after")
    def _codes(self) -> GoldScore:
        _check_codes(self.dimension, self.subdimension, "score")
        return self


class GoldDeadline(_Gold):
    raw: Text
    kind: DeadlineKind
    start: GoldDate
    end: GoldDate
    recurrence: Optional[Recurrence]

    @model_validator(mode="after")
    def _order(self) -> GoldDeadline:
        if self.start and self.end and self.end < self.start:
            raise ValueError("deadline: end is before start")
        return self


class GoldTask(_Gold):
    label: Optional[Label]
    appendix: Optional[str] = None
    text: Text
    origin: Origin
    dimension: Optional[Dim]
    subdimension: Optional[Subdim]
    lead: list[Text]
    support: list[Text]
    directing: list[Text]
    output: Optional[str]
    deadlines: list[GoldDeadline]

    @model_validator(mode="after")
    def _codes(self) -> GoldTask:
        _check_codes(self.dimension, self.subdimension, "task")
        return self


class GoldDocumentFile(_Gold):
    """The content of ``document.yaml``."""

    source: Text
    number: Optional[str]
    symbol: Optional[str]
    doc_type: Optional[str]
    issuer: Optional[GoldIssuer]
    place: Optional[str]
    issued_date: GoldDate
    issued_year: Optional[Year]
    title: Optional[str]
    period: Optional[GoldPeriod]
    legal_basis: list[GoldReference]
    signer: Optional[GoldSigner]
    recipients: list[Text]
    sections: list[GoldSection]
    indicators: list[GoldIndicator]
    scores: list[GoldScore]


class GoldTasksFile(_Gold):
    """The content of one ``tasks*.yaml``."""

    tasks: list[GoldTask]


@dataclass(slots=True)
class GoldDoc:
    """One gold directory: the document header and, when annotated, its tasks (merged in file-name order)."""

    stem: str
    document: GoldDocumentFile
    tasks: list[GoldTask] | None
    task_files: list[str] = field(default_factory=list)


class GoldError(Exception):
    """The gold could not be loaded; ``problems`` names file, path (and line) of each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _yaml_line(node: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of ``loc`` in a composed YAML tree (best effort: the deepest node found)."""
    if node is None:
        return None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if getattr(k, "value", None) == key:
                    node = v
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1


def _loc_str(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _validation_problems(path: Path, text: str, data: Any, exc: ValidationError) -> list[str]:
    try:
        tree = yaml.compose(text)
    except yaml.YAMLError:
        tree = None
    problems: list[str] = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if isinstance(p, (int, str))]
        # pydantic appends union/validator tags ("function-after[...]") to loc: keep only real keys
        loc = [p for p in loc if not (isinstance(p, str) and ("[" in p or p.startswith("function-")))]
        line = _yaml_line(tree, loc)
        where = f"{path}:{line}" if line else str(path)
        hint = ""
        if len(loc) >= 2 and loc[0] == "tasks" and isinstance(loc[1], int) and isinstance(data, dict):
            try:
                task = data["tasks"][loc[1]]
                hint = f"  (task label={task.get('label')!r}: {str(task.get('text', ''))[:50]!r})"
            except (KeyError, IndexError, TypeError, AttributeError):
                hint = ""
        problems.append(f"{where}: {_loc_str(loc)}: {err['msg']}{hint}")
    return problems


def _load_yaml_model(path: Path, model: type[BaseModel], problems: list[str]) -> BaseModel | None:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        problems.append(f"{path}: cannot read: {exc.strerror or exc}")
        return None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        problems.append(f"{path}: invalid YAML: {exc}")
        return None
    if not isinstance(data, dict):
        problems.append(f"{path}: expected a mapping at the top level")
        return None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems.extend(_validation_problems(path, text, data, exc))
        return None


def load_gold_dir(directory: Path) -> GoldDoc:
    """Load and validate one gold directory (document.yaml + tasks*.yaml); raise GoldError."""
    problems: list[str] = []
    doc_path = directory / "document.yaml"
    if not doc_path.is_file():
        raise GoldError([f"{directory}: no document.yaml"])
    document = _load_yaml_model(doc_path, GoldDocumentFile, problems)
    task_paths = sorted(directory.glob("tasks*.yaml"), key=lambda p: p.name)
    tasks: list[GoldTask] | None = [] if task_paths else None
    for tp in task_paths:
        tf = _load_yaml_model(tp, GoldTasksFile, problems)
        if tf is not None and tasks is not None:
            tasks.extend(tf.tasks)  # type: ignore[attr-defined]
    if isinstance(document, GoldDocumentFile) and Path(document.source).stem != directory.name:
        problems.append(f"{doc_path}: source {document.source!r} does not match the directory name {directory.name!r}")
    if problems:
        raise GoldError(problems)
    assert isinstance(document, GoldDocumentFile)
    return GoldDoc(stem=directory.name, document=document, tasks=tasks, task_files=[p.name for p in task_paths])


def gold_dirs(gold_root: Path) -> list[Path]:
    """Gold directories under ``gold_root``: every visible subdirectory holding a YAML file."""
    if not gold_root.is_dir():
        raise GoldError([f"{gold_root}: not a directory"])
    return sorted(
        p for p in gold_root.iterdir()
        if p.is_dir() and not p.name.startswith((".", "_")) and any(p.glob("*.yaml"))
    )


def select_stems(stems: Sequence[str], wanted: Sequence[str] | None) -> list[str]:
    """Filter stems by ``--doc`` values (an exact stem or a unique prefix such as "003")."""
    if not wanted:
        return list(stems)
    out: list[str] = []
    for w in wanted:
        hits = [s for s in stems if s == w] or [s for s in stems if s.startswith(w)]
        if len(hits) != 1:
            raise GoldError([f"--doc {w!r}: matches {len(hits)} gold directories ({', '.join(hits) or 'none'})"])
        if hits[0] not in out:
            out.append(hits[0])
    return out


def load_gold(gold_root: Path, docs: Sequence[str] | None = None) -> list[GoldDoc]:
    """Load every gold directory (or those picked by ``--doc``); all problems are reported at once."""
    dirs = gold_dirs(gold_root)
    if not dirs:
        raise GoldError([f"{gold_root}: no gold directories"])
    picked = set(select_stems([d.name for d in dirs], docs))
    out: list[GoldDoc] = []
    problems: list[str] = []
    for d in dirs:
        if d.name not in picked:
            continue
        try:
            out.append(load_gold_dir(d))
        except GoldError as exc:
            problems.extend(exc.problems)
    if problems:
        raise GoldError(problems)
    return out


# ---------------------------------------------------------------------------------------------
# Metrics
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class PRF:
    """Counts for precision / recall / F1 (micro: counts add up across documents)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else None

    @property
    def headline(self) -> float | None:
        return self.f1

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def as_dict(self) -> dict[str, Any]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(slots=True)
class Acc:
    """Accuracy over the items that could be compared (e.g. matched pairs)."""

    correct: int = 0
    total: int = 0

    def add(self, other: Acc) -> None:
        self.correct += other.correct
        self.total += other.total

    def record(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def headline(self) -> float | None:
        return self.accuracy

    @property
    def support(self) -> int:
        return self.total

    def as_dict(self) -> dict[str, Any]:
        return {"accuracy": self.accuracy, "correct": self.correct, "total": self.total}


Metric = PRF | Acc

DOC_FIELDS: tuple[str, ...] = (
    "number", "symbol", "doc_type", "issuer.name", "issuer.level", "issuer.unit_type", "issuer.locality",
    "issuer.province", "place", "issued_date", "issued_year", "title", "period", "signer.name",
    "signer.position", "signer.authority", "recipients", "legal_basis",
)

# (metric name, group, PRF or Acc). The order is the order of the tables.
METRICS: tuple[tuple[str, str, type[PRF] | type[Acc]], ...] = (
    ("document_fields", "document", PRF),
    *((f"doc.{f}", "document", PRF) for f in DOC_FIELDS),
    ("sections", "outline", PRF),
    ("section_level", "outline", Acc),
    ("section_kind", "outline", Acc),
    ("indicators", "indicators", PRF),
    ("indicator_raw", "indicators", Acc),
    ("scores", "scores", PRF),
    ("score_value", "scores", Acc),
    ("score_change", "scores", Acc),
    ("score_rank", "scores", Acc),
    ("score_rank_of", "scores", Acc),
    ("task_detection", "tasks", PRF),
    ("lead", "tasks", PRF),
    ("support", "tasks", PRF),
    ("directing", "tasks", PRF),
    ("output", "tasks", PRF),
    ("deadline_kind", "tasks", PRF),
    ("deadline_end", "tasks", Acc),
    ("task_dimension", "tasks", Acc),
    ("task_subdimension", "tasks", Acc),
    ("origin", "tasks", Acc),
)
METRIC_KINDS: dict[str, type[PRF] | type[Acc]] = {name: kind for name, _, kind in METRICS}
TASK_METRICS: frozenset[str] = frozenset(name for name, group, _ in METRICS if group == "tasks")


def new_metrics() -> dict[str, Metric]:
    return {name: kind() for name, _, kind in METRICS}


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One disagreement, worded so the rule to write next is obvious."""

    area: str  # document | sections | indicators | scores | tasks
    kind: str  # missed | spurious | wrong
    field: str  # the field or metric concerned
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"area": self.area, "kind": self.kind, "field": self.field, "text": self.text}


@dataclass(slots=True)
class DocResult:
    stem: str
    metrics: dict[str, Metric] = field(default_factory=new_metrics)
    mismatches: list[Mismatch] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tasks_scored: bool = True

    def miss(self, area: str, kind: str, fld: str, text: str) -> None:
        self.mismatches.append(Mismatch(area, kind, fld, text))


@dataclass(slots=True)
class EvalResult:
    documents: list[DocResult]
    notes: list[str] = field(default_factory=list)

    @property
    def overall(self) -> dict[str, Metric]:
        """Micro totals over all documents (task metrics only over documents whose tasks are annotated)."""
        total = new_metrics()
        for doc in self.documents:
            for name, m in doc.metrics.items():
                total[name].add(m)  # type: ignore[arg-type]
        return total


# ---------------------------------------------------------------------------------------------
# Matching helpers
# ---------------------------------------------------------------------------------------------



def _count_pairs(res: Any, metric: str, gold: Sequence[Any], pred: Sequence[Any],
                 pairs: Sequence[tuple[int, int, float]], describe: Callable[[Any], str]) -> None:
    """Count a one-to-one matching into ``metric`` and list what was missed or spurious."""
    m = res.metrics[metric]
    assert isinstance(m, PRF)
    m.tp += len(pairs)
    m.fn += len(gold) - len(pairs)
    m.fp += len(pred) - len(pairs)
    matched_gold = {i for i, _, _ in pairs}
    matched_pred = {j for _, j, _ in pairs}
    for i, g in enumerate(gold):
        if i not in matched_gold:
            res.miss(metric, "missed", metric, f"missed {describe(g)}")
    for j, p in enumerate(pred):
        if j not in matched_pred:
            res.miss(metric, "spurious", metric, f"spurious {describe(p)}")

def greedy_assign(
    candidates: Iterable[tuple[float, int, int]], n_gold: int, n_pred: int,
    bonus: Callable[[int, int], float] | None = None,
) -> list[tuple[int, int, float]]:
    """One-to-one best-first assignment of (score, gold index, pred index) candidates.

    Pairs are taken in order of score (plus ``bonus``, which only reorders: the threshold was
    applied to the score before). Ties go to the pair whose relative positions in the two
    documents are closest, so identical texts (the same task in two appendices) pair up in
    document order. Returns (gold index, pred index, score) sorted by gold index.
    """
    def pos_gap(i: int, j: int) -> float:
        return abs(i / max(n_gold, 1) - j / max(n_pred, 1))

    def order(c: tuple[float, int, int]) -> tuple[float, float, int, int]:
        s, i, j = c
        return (-(s + (bonus(i, j) if bonus else 0.0)), pos_gap(i, j), i, j)

    ordered = sorted(candidates, key=order)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for score, i, j in ordered:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j, score))
    return sorted(out)


def task_similarity(gold_key: str, pred_key: str) -> float:
    """Similarity of two folded task texts: ratio, or TASK_THRESHOLD by the containment rule."""
    if not gold_key and not pred_key:
        return 1.0
    r = fuzz.ratio(gold_key, pred_key) / 100.0
    if r >= TASK_THRESHOLD:
        return r
    short, long_ = sorted((gold_key, pred_key), key=len)
    if len(short) >= CONTAIN_MIN_CHARS and len(short) >= CONTAIN_MIN_FRACTION * len(long_):
        if fuzz.partial_ratio(short, long_, score_cutoff=CONTAIN_PARTIAL * 100) >= CONTAIN_PARTIAL * 100:
            return TASK_THRESHOLD
    return r


def match_agencies(gold: Sequence[str], pred: Sequence[Agency]) -> tuple[int, list[str], list[str]]:
    """(true positives, missed gold names, spurious predicted names) for one agency role of one task.

    A predicted agency answers to the keys of both its ``name`` and its ``raw``; duplicates (same
    key) count once on each side.
    """
    g_items: list[tuple[frozenset[str], str]] = []
    seen: set[frozenset[str]] = set()
    for g in gold:
        ks = agency_keys(g)
        if ks and ks not in seen:
            seen.add(ks)
            g_items.append((ks, g))
    p_items: list[tuple[frozenset[str], str]] = []
    seen = set()
    for p in pred:
        ks = agency_keys(p.name) | agency_keys(p.raw)
        if ks and ks not in seen:
            seen.add(ks)
            p_items.append((ks, p.name))
    used: set[int] = set()
    missed: list[str] = []
    for gks, gname in g_items:
        for j, (pks, _) in enumerate(p_items):
            if j not in used and gks & pks:
                used.add(j)
                break
        else:
            missed.append(gname)
    spurious = [name for j, (_, name) in enumerate(p_items) if j not in used]
    return len(used), missed, spurious


def _short(s: str | None, n: int = 80) -> str:
    if s is None:
        return "∅"
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _fmt(v: Any) -> str:
    if v is None:
        return "∅"
    if isinstance(v, str):
        return repr(_short(v, 100))
    if isinstance(v, (list, tuple)):
        return "[" + "; ".join(_short(str(x), 60) for x in v) + "]"
    return str(v)


def _task_ref(label: str | None, text: str) -> str:
    return f"[{label or '-'}] «{_short(text)}»"


# ---------------------------------------------------------------------------------------------
# Scoring one document
# ---------------------------------------------------------------------------------------------


def _score_scalar(
    res: DocResult, name: str, gold: Any, pred: Any, key: Callable[[Any], Any],
    same: Callable[[Any, Any], bool] | None = None,
) -> None:
    """Slot filling: TP when both are set and agree; a wrong value is one FP and one FN."""
    gk = key(gold) if gold is not None else None
    pk = key(pred) if pred is not None else None
    gk = None if gk in ("", None) else gk
    pk = None if pk in ("", None) else pk
    m = res.metrics[f"doc.{name}"]
    assert isinstance(m, PRF)
    if gk is None and pk is None:
        return
    if gk is not None and pk is not None and (same(gold, pred) if same else gk == pk):
        m.tp += 1
        return
    if pk is not None:
        m.fp += 1
    if gk is not None:
        m.fn += 1
    kind = "missed" if pk is None else ("spurious" if gk is None else "wrong")
    res.miss("document", kind, name, f"{name}: gold {_fmt(gold)} vs pred {_fmt(pred)}")


def _score_set(
    res: DocResult, name: str, gold: Sequence[tuple[str, str]], pred: Sequence[tuple[str, str]]
) -> None:
    """Set P/R/F1 over (key, display) items; duplicates of a key count once."""
    g = {k: d for k, d in gold if k}
    p = {k: d for k, d in pred if k}
    m = res.metrics[f"doc.{name}"]
    assert isinstance(m, PRF)
    m.tp += len(g.keys() & p.keys())
    m.fp += len(p.keys() - g.keys())
    m.fn += len(g.keys() - p.keys())
    for k in g.keys() - p.keys():
        res.miss("document", "missed", name, f"{name}: missed {_fmt(g[k])}")
    for k in p.keys() - g.keys():
        res.miss("document", "spurious", name, f"{name}: spurious {_fmt(p[k])}")


def score_header(res: DocResult, gold: GoldDocumentFile, pred: PlanDocument) -> None:
    """Document fields: one slot each (title by similarity), recipients and legal basis as sets."""
    gi, pi = gold.issuer, pred.issuer
    gs, ps = gold.signer, pred.signer
    _score_scalar(res, "number", gold.number, pred.number, number_key)
    _score_scalar(res, "symbol", gold.symbol, pred.symbol, number_key)
    _score_scalar(res, "doc_type", gold.doc_type, pred.doc_type, loose_key)
    _score_scalar(res, "issuer.name", gi and gi.name, pi and pi.name, agency_key)
    _score_scalar(res, "issuer.level", gi and gi.level, pi and pi.level, str)
    _score_scalar(res, "issuer.unit_type", gi and gi.unit_type, pi and pi.unit_type, loose_key)
    _score_scalar(res, "issuer.locality", gi and gi.locality, pi and pi.locality, loose_key)
    _score_scalar(res, "issuer.province", gi and gi.province, pi and pi.province, loose_key)
    _score_scalar(res, "place", gold.place, pred.place, loose_key)
    _score_scalar(res, "issued_date", gold.issued_date, pred.issued_date, str)
    _score_scalar(res, "issued_year", gold.issued_year, pred.issued_year, int)
    _score_scalar(res, "title", gold.title, pred.title, loose_key,
                  same=lambda a, b: similarity(a, b) >= TITLE_THRESHOLD)
    gp = (gold.period.start_year, gold.period.end_year) if gold.period else None
    pp = (pred.period.start_year, pred.period.end_year) if pred.period else None
    _score_scalar(res, "period", gp, pp, tuple)
    _score_scalar(res, "signer.name", gs and gs.name, ps and ps.name, loose_key)
    _score_scalar(res, "signer.position", gs and gs.position, ps and ps.position, loose_key)
    _score_scalar(res, "signer.authority", gs and gs.authority, ps and ps.authority, agency_key)
    _score_set(res, "recipients", [(agency_key(r), r) for r in gold.recipients],
               [(agency_key(r), r) for r in pred.recipients])
    _score_set(res, "legal_basis", [(number_key(r.number), r.number or "") for r in gold.legal_basis],
               [(number_key(r.number), r.number or "") for r in pred.legal_basis])
    total = res.metrics["document_fields"]
    assert isinstance(total, PRF)
    for f in DOC_FIELDS:
        m = res.metrics[f"doc.{f}"]
        assert isinstance(m, PRF)
        total.add(m)


def _label_key(label: str | None) -> str:
    return loose_key(label)


def score_sections(res: DocResult, gold: Sequence[Any], pred: Sequence[Any]) -> None:
    """Sections pair when labels agree and titles reach SECTION_THRESHOLD; then level and kind."""
    cands: list[tuple[float, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if _label_key(g.label) != _label_key(p.label):
                continue
            s = similarity(g.title, p.title)
            if s >= SECTION_THRESHOLD:
                cands.append((s, i, j))
    pairs = greedy_assign(cands, len(gold), len(pred))
    _count_pairs(res, "sections", gold, pred, pairs,
                 lambda x: f"section {x.label or '-'} «{_short(x.title)}»")
    lvl, knd = res.metrics["section_level"], res.metrics["section_kind"]
    assert isinstance(lvl, Acc) and isinstance(knd, Acc)
    for i, j, _ in pairs:
        g, p = gold[i], pred[j]
        lvl.record(g.level == p.level)
        knd.record(g.kind == p.kind)
        ref = f"section {g.label or '-'} «{_short(g.title, 60)}»"
        if g.level != p.level:
            res.miss("sections", "wrong", "section_level", f"{ref} level: gold {g.level} vs pred {p.level}")
        if g.kind != p.kind:
            res.miss("sections", "wrong", "section_kind", f"{ref} kind: gold {g.kind} vs pred {p.kind}")


def score_indicators(res: DocResult, gold: Sequence[Any], pred: Sequence[Any]) -> None:
    """Multiset of (dimension, subdimension); raw-text similarity only decides which pairs pair up."""
    cands = [
        (similarity(g.raw, p.raw), i, j)
        for i, g in enumerate(gold) for j, p in enumerate(pred)
        if (g.dimension, g.subdimension) == (p.dimension, p.subdimension)
    ]
    pairs = greedy_assign(cands, len(gold), len(pred))
    raw_acc = res.metrics["indicator_raw"]
    assert isinstance(raw_acc, Acc)
    _count_pairs(res, "indicators", gold, pred, pairs,
                 lambda x: f"indicator {x.dimension}/{x.subdimension or '-'} «{_short(x.raw)}»")
    for i, j, s in pairs:
        raw_acc.record(s >= INDICATOR_RAW_THRESHOLD)


def _num_eq(a: float | int | None, b: float | int | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= NUM_TOLERANCE


def _score_key(s: Any) -> tuple[Any, ...]:
    return (s.dimension, s.subdimension, s.year, s.kind)


def _score_name(s: Any) -> str:
    dim = "total" if s.dimension is None else f"{s.dimension}/{s.subdimension or '-'}"
    return f"{dim} {s.year} {s.kind}"


def score_scores(res: DocResult, gold: Sequence[Any], pred: Sequence[Any]) -> None:
    """Scores pair by (dimension, subdimension, year, kind); then value/change/rank/rank_of exactly."""
    cands = [
        (similarity(g.raw, p.raw), i, j)
        for i, g in enumerate(gold) for j, p in enumerate(pred)
        if _score_key(g) == _score_key(p)
    ]
    pairs = greedy_assign(cands, len(gold), len(pred))
    _count_pairs(res, "scores", gold, pred, pairs, lambda x: f"score {_score_name(x)} «{_short(x.raw)}»")
    for i, j, _ in pairs:
        g, p = gold[i], pred[j]
        for attr in ("value", "change", "rank", "rank_of"):
            ok = _num_eq(getattr(g, attr), getattr(p, attr))
            acc = res.metrics[f"score_{attr}"]
            assert isinstance(acc, Acc)
            acc.record(ok)
            if not ok:
                gv, pv = _fmt(getattr(g, attr)), _fmt(getattr(p, attr))
                res.miss("scores", "wrong", f"score_{attr}", f"score {_score_name(g)} {attr}: gold {gv} vs pred {pv}")


def _latest_end(ends: Iterable[str | None]) -> str | None:
    vals = [e for e in ends if e]
    return max(vals) if vals else None


def match_tasks(gold: Sequence[GoldTask], pred: Sequence[Any]) -> list[tuple[int, int, float]]:
    """One-to-one task pairs (gold index, pred index, similarity), best first."""
    gk = [text_key(t.text) for t in gold]
    pk = [text_key(t.text) for t in pred]
    cands: list[tuple[float, int, int]] = []
    for i, a in enumerate(gk):
        for j, b in enumerate(pk):
            s = task_similarity(a, b)
            if s >= TASK_THRESHOLD:
                cands.append((s, i, j))
    gl = [_label_key(t.label) for t in gold]
    pl = [_label_key(t.label) for t in pred]
    ng, np_ = max(len(gold), 1), max(len(pred), 1)

    def bonus(i: int, j: int) -> float:
        same_label = LABEL_BONUS if gl[i] and gl[i] == pl[j] else 0.0
        return same_label - POSITION_WEIGHT * abs(i / ng - j / np_)

    return greedy_assign(cands, len(gold), len(pred), bonus)


def score_tasks(res: DocResult, gold: Sequence[GoldTask], pred: Sequence[Any]) -> None:
    """Task detection by text similarity, then every field on the matched pairs."""
    pairs = match_tasks(gold, pred)
    det = res.metrics["task_detection"]
    assert isinstance(det, PRF)
    det.tp += len(pairs)
    det.fn += len(gold) - len(pairs)
    det.fp += len(pred) - len(pairs)
    mg = {i for i, _, _ in pairs}
    mp = {j for _, j, _ in pairs}
    for i, g in enumerate(gold):
        if i not in mg:
            where = f" ({g.appendix})" if g.appendix else ""
            res.miss("tasks", "missed", "task_detection", f"missed task{where} {_task_ref(g.label, g.text)}")
    for j, p in enumerate(pred):
        if j not in mp:
            res.miss("tasks", "spurious", "task_detection",
                     f"spurious task {_task_ref(p.label, p.text)} (method {p.method})")
    for i, j, _ in pairs:
        g, p = gold[i], pred[j]
        ref = f"[{g.label or '-'}] «{_short(g.text, 70)}» (pred method {p.method})"

        def wrong(fld: str, gv: Any, pv: Any) -> None:
            res.miss("tasks", "wrong", fld, f"{ref}\n    {fld}: gold {_fmt(gv)} vs pred {_fmt(pv)}")

        for role in ("lead", "support", "directing"):
            g_names: list[str] = getattr(g, role)
            p_agencies: list[Agency] = getattr(p, role)
            tp, missed, spurious = match_agencies(g_names, p_agencies)
            m = res.metrics[role]
            assert isinstance(m, PRF)
            m.tp += tp
            m.fn += len(missed)
            m.fp += len(spurious)
            if missed or spurious:
                wrong(role, g_names, [a.name for a in p_agencies])
        out = res.metrics["output"]
        assert isinstance(out, PRF)
        g_out = g.output if g.output and g.output.strip() else None
        p_out = p.output if p.output and p.output.strip() else None
        if g_out is not None and p_out is not None and similarity(g_out, p_out) >= OUTPUT_THRESHOLD:
            out.tp += 1
        elif g_out is not None or p_out is not None:
            out.fp += int(p_out is not None)
            out.fn += int(g_out is not None)
            wrong("output", g_out, p_out)
        gkinds = {d.kind for d in g.deadlines}
        pkinds = {d.kind for d in p.deadlines}
        dk = res.metrics["deadline_kind"]
        assert isinstance(dk, PRF)
        dk.tp += len(gkinds & pkinds)
        dk.fp += len(pkinds - gkinds)
        dk.fn += len(gkinds - pkinds)
        if gkinds != pkinds:
            wrong("deadline_kind", sorted(gkinds), sorted(pkinds))
        g_end = _latest_end(d.end for d in g.deadlines)
        if g_end is not None:
            p_end = _latest_end(d.end for d in p.deadlines)
            de = res.metrics["deadline_end"]
            assert isinstance(de, Acc)
            de.record(g_end == p_end)
            if g_end != p_end:
                wrong("deadline_end", g_end, p_end)
        for fld, metric in (("dimension", "task_dimension"), ("subdimension", "task_subdimension"),
                            ("origin", "origin")):
            gv, pv = getattr(g, fld), getattr(p, fld)
            acc = res.metrics[metric]
            assert isinstance(acc, Acc)
            acc.record(gv == pv)
            if gv != pv:
                wrong(metric, gv, pv)


def score_document(gold: GoldDoc, pred: PlanDocument | ParseError | None) -> DocResult:
    """Score one document. No prediction (or a ParseError) scores as an empty prediction."""
    res = DocResult(stem=gold.stem)
    if isinstance(pred, ParseError):
        res.notes.append(f"prediction is a parse error {pred.error}: {pred.message}")
    elif pred is None:
        res.notes.append("no prediction for this document")
    if not isinstance(pred, PlanDocument):
        source = Source(path=f"{gold.stem}.txt", sha256="0" * 64, bytes=0, encoding=None, format="text")
        pred = PlanDocument(parser_version="none", doc_id="0" * 16, source=source)
    doc = gold.document
    score_header(res, doc, pred)
    score_sections(res, doc.sections, pred.sections)
    score_indicators(res, doc.indicators, pred.indicators)
    score_scores(res, doc.scores, pred.scores)
    if gold.tasks is None:
        res.tasks_scored = False
        res.notes.append("tasks not annotated yet (no tasks*.yaml): task metrics skipped for this document")
    else:
        score_tasks(res, gold.tasks, pred.tasks)
    return res


def prediction_from_gold(gold: GoldDoc) -> PlanDocument:
    """The gold as a ``PlanDocument``: what a perfect parser would output.

    Used by the unit tests to build predictions compactly, and as a sanity check that every gold
    document scores 1.0 against itself (the matching is one to one even for repeated texts).
    """
    from papi_extract.models import (
        Deadline, IndicatorMention, Issuer, Period, Reference, Score, Section, Signer, Task,
    )

    d = gold.document
    span = (0, 0)

    def agencies(names: Sequence[str]) -> list[Agency]:
        return [Agency(raw=n, name=n, span=span, kind="other") for n in names]

    return PlanDocument(
        parser_version="gold",
        doc_id="0" * 16,
        source=Source(path=d.source, sha256="0" * 64, bytes=0, encoding="utf-8", format="text"),
        number=d.number, symbol=d.symbol, doc_type=d.doc_type,
        issuer=Issuer(name=d.issuer.name, level=d.issuer.level, unit_type=d.issuer.unit_type,
                      locality=d.issuer.locality, province=d.issuer.province) if d.issuer else None,
        place=d.place, issued_date=d.issued_date, issued_year=d.issued_year, title=d.title,
        period=Period(start_year=d.period.start_year, end_year=d.period.end_year) if d.period else None,
        legal_basis=[Reference(doc_type=r.doc_type, number=r.number, date=r.date, issuer=r.issuer,
                               raw=r.raw or r.number or "", span=span) for r in d.legal_basis],
        signer=Signer(name=d.signer.name, position=d.signer.position, authority=d.signer.authority)
        if d.signer else None,
        recipients=list(d.recipients),
        sections=[Section(id=f"s{i}", label=s.label, title=s.title, level=s.level, parent=None, kind=s.kind,
                          span=span) for i, s in enumerate(d.sections)],
        indicators=[IndicatorMention(dimension=m.dimension, subdimension=m.subdimension, name=m.raw, raw=m.raw,
                                     section=None, span=span) for m in d.indicators],
        scores=[Score(dimension=s.dimension, subdimension=s.subdimension, year=s.year, value=s.value, rank=s.rank,
                      rank_of=s.rank_of, change=s.change, kind=s.kind, method="gold", raw=s.raw, span=span)
                for s in d.scores],
        tasks=[Task(id=f"t{i}", label=t.label, text=t.text, section=None, dimension=t.dimension,
                    subdimension=t.subdimension, lead=agencies(t.lead), support=agencies(t.support),
                    directing=agencies(t.directing), output=t.output,
                    deadlines=[Deadline(raw=x.raw, kind=x.kind, start=x.start, end=x.end,
                                        recurrence=x.recurrence, span=span) for x in t.deadlines],
                    origin=t.origin, method="gold", span=span)
               for i, t in enumerate(gold.tasks or [])],
    )


def evaluate(gold: Sequence[GoldDoc], preds: dict[str, PlanDocument | ParseError]) -> EvalResult:
    """Score every gold document against the prediction of the same stem."""
    result = EvalResult(documents=[score_document(g, preds.get(g.stem)) for g in gold])
    extra = sorted(set(preds) - {g.stem for g in gold})
    if extra:
        result.notes.append(f"predictions without gold (ignored): {', '.join(extra)}")
    return result


# ---------------------------------------------------------------------------------------------
# Predictions
# ---------------------------------------------------------------------------------------------


def stem_of(path: str) -> str:
    """The gold directory a record belongs to: the basename stem of ``source.path``."""
    return Path(path.replace("\\", "/")).stem


def load_predictions(path: Path) -> tuple[dict[str, PlanDocument | ParseError], list[str]]:
    """Read a JSONL file of records; returns (records by stem, notes). Bad lines raise ValueError."""
    preds: dict[str, PlanDocument | ParseError] = {}
    notes: list[str] = []
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                data = orjson.loads(line)
                model: type[PlanDocument] | type[ParseError] = (
                    ParseError if isinstance(data, dict) and data.get("record_type") == "error" else PlanDocument
                )
                rec = model.model_validate_json(line)
            except (orjson.JSONDecodeError, ValidationError) as exc:
                raise ValueError(f"{path}:{n}: not a valid record: {str(exc).splitlines()[0]}") from exc
            stem = stem_of(rec.source.path)
            if stem in preds:
                notes.append(f"{path}:{n}: a second record for {stem!r}; the first one is scored")
                continue
            preds[stem] = rec
    return preds, notes


def parse_corpus(corpus: Path, stems: Sequence[str]) -> dict[str, PlanDocument | ParseError]:
    """Parse the corpus file of each gold stem (``<corpus>/<stem>.*``, or ``<corpus>/<stem>`` for a file
    without an extension, which ``convert`` reads too) with the pipeline."""
    from papi_extract.pipeline import parse_path

    out: dict[str, PlanDocument | ParseError] = {}
    missing: list[str] = []
    for stem in stems:
        files = sorted(p for p in corpus.glob(f"{stem}.*") if p.is_file())
        if not files and (corpus / stem).is_file():
            files = [corpus / stem]
        if not files:
            missing.append(stem)
            continue
        out[stem] = parse_path(files[0])
    if missing:
        raise GoldError([f"{corpus}: no corpus file for gold {s!r}" for s in missing])
    return out


# ---------------------------------------------------------------------------------------------
# Floors
# ---------------------------------------------------------------------------------------------

_STATS = {"precision", "recall", "f1", "accuracy"}


def load_floors(path: Path) -> dict[str, float]:
    """A YAML mapping ``metric.stat: floor``; unknown names are errors (a typo must not pass)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError([f"{path}: {exc}"]) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GoldError([f"{path}: expected a mapping of metric names to floors"])
    problems: list[str] = []
    floors: dict[str, float] = {}
    for name, value in data.items():
        metric, _, stat = str(name).rpartition(".")
        kind = METRIC_KINDS.get(metric)
        ok_stats = {"accuracy"} if kind is Acc else {"precision", "recall", "f1"}
        if kind is None or stat not in _STATS or stat not in ok_stats:
            problems.append(f"{path}: unknown metric {name!r} (e.g. task_detection.f1, deadline_end.accuracy)")
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
            problems.append(f"{path}: {name}: the floor must be a number in [0, 1], got {value!r}")
            continue
        floors[str(name)] = float(value)
    if problems:
        raise GoldError(problems)
    return floors


def check_floors(overall: dict[str, Metric], floors: dict[str, float]) -> list[str]:
    """Each metric below its floor, worded for a CI log. A metric with nothing to score ("n/a")
    passes a 0.0 floor and fails any higher one: a gate cannot be met by measuring nothing."""
    failures: list[str] = []
    for name, floor in floors.items():
        metric, _, stat = name.rpartition(".")
        value = getattr(overall[metric], stat)
        if value is None:
            if floor > 0.0:
                failures.append(f"{name} = n/a (nothing to score) < floor {floor:.3f}")
        elif value + 1e-12 < floor:
            failures.append(f"{name} = {value:.3f} < floor {floor:.3f}")
    return failures


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def result_to_json(result: EvalResult, with_mismatches: bool = True,
                   floors: dict[str, float] | None = None, failures: list[str] | None = None) -> dict[str, Any]:
    """The metrics as plain data (``--json``)."""
    def metrics(ms: dict[str, Metric]) -> dict[str, Any]:
        return {name: m.as_dict() for name, m in ms.items()}

    out: dict[str, Any] = {
        "thresholds": {
            "task": TASK_THRESHOLD, "task_containment_partial": CONTAIN_PARTIAL,
            "task_containment_min_chars": CONTAIN_MIN_CHARS, "task_containment_min_fraction": CONTAIN_MIN_FRACTION,
            "section_title": SECTION_THRESHOLD, "title": TITLE_THRESHOLD, "output": OUTPUT_THRESHOLD,
            "indicator_raw": INDICATOR_RAW_THRESHOLD, "numeric_tolerance": NUM_TOLERANCE,
        },
        "overall": metrics(result.overall),
        "documents": {},
        "notes": result.notes,
    }
    for d in result.documents:
        entry: dict[str, Any] = {"tasks_scored": d.tasks_scored, "notes": d.notes, "metrics": metrics(d.metrics)}
        if with_mismatches:
            entry["mismatches"] = [m.as_dict() for m in d.mismatches]
        out["documents"][d.stem] = entry
    if floors is not None:
        out["floors"] = {"floors": floors, "failures": failures or [], "passed": not failures}
    return out


def _short_names(stems: Sequence[str]) -> list[str]:
    """Column headers: the "000" prefix of "000_4b16…" when prefixes are unique."""
    prefixes = [s.split("_", 1)[0] for s in stems]
    return prefixes if len(set(prefixes)) == len(prefixes) else list(stems)


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.3f}"


def render_tables(result: EvalResult, console: Any) -> None:
    """One table: each metric overall (P, R, F1 or accuracy, counts) and its headline per document."""
    from rich.table import Table

    overall = result.overall
    docs = result.documents
    names = _short_names([d.stem for d in docs])
    table = Table(title="papi-extract eval — overall (micro) and per document (F1 or accuracy)",
                  show_lines=False, header_style="bold")
    table.add_column("metric", no_wrap=True)
    table.add_column("P", justify="right")
    table.add_column("R", justify="right")
    table.add_column("F1 / acc", justify="right", style="bold")
    table.add_column("counts", justify="right", no_wrap=True)
    for n in names:
        table.add_column(n, justify="right")
    group = None
    for name, grp, _ in METRICS:
        if group is not None and grp != group:
            table.add_section()
        group = grp
        m = overall[name]
        if isinstance(m, PRF):
            row = [_pct(m.precision), _pct(m.recall), _pct(m.f1), f"{m.tp}/{m.fp}/{m.fn}"]
        else:
            row = ["", "", _pct(m.accuracy), f"{m.correct}/{m.total}"]
        per_doc = []
        for d in docs:
            if grp == "tasks" and not d.tasks_scored:
                per_doc.append("n/a")
            else:
                per_doc.append(_pct(d.metrics[name].headline))
        label = f"  {name[4:]}" if name.startswith("doc.") else name
        table.add_row(label, *row, *per_doc)
    console.print(table)
    console.print("counts: tp/fp/fn for P/R/F1 rows, correct/total for accuracy rows; — = nothing to score",
                  markup=False, highlight=False)
    for note in result.notes:
        console.print(f"note: {note}", markup=False, highlight=False)
    for d in docs:
        for note in d.notes:
            console.print(f"note: {d.stem}: {note}", markup=False, highlight=False)


_KIND_ORDER = {"missed": 0, "spurious": 1, "wrong": 2}
_AREA_ORDER = {"document": 0, "sections": 1, "indicators": 2, "scores": 3, "tasks": 4}


def render_mismatches(result: EvalResult, console: Any) -> None:
    """Per document: a count by (kind, field), then every mismatch, grouped so patterns stand out."""
    for d in result.documents:
        if not d.mismatches:
            continue
        console.rule(f"{d.stem}: {len(d.mismatches)} mismatches", style="dim")
        counts = Counter((m.kind, m.field) for m in d.mismatches)
        summary = ", ".join(f"{k} {f} ×{n}" for (k, f), n in
                            sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        console.print(f"summary: {summary}", markup=False, highlight=False)
        ordered = sorted(d.mismatches, key=lambda m: (_AREA_ORDER.get(m.area, 9), _KIND_ORDER.get(m.kind, 9),
                                                      m.field if m.kind == "wrong" else ""))
        area = kind = None
        for m in ordered:
            if (m.area, m.kind) != (area, kind):
                area, kind = m.area, m.kind
                console.print(f"  {area} — {kind}:", markup=False, highlight=False, style="bold")
            console.print(f"    {m.text}", markup=False, highlight=False)


# ---------------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------------


def register(app: Any) -> None:
    """Add ``papi-extract eval`` to the typer app (called by ``cli._register_optional``)."""
    import sys

    @app.command("eval")
    def eval_command(
        pred: Annotated[Optional[Path], typer.Argument(help="Parser output (JSONL) to score.")] = None,
        gold: Annotated[Path, typer.Option("--gold", help="Gold directory (one subdirectory per document).")] = Path(
            "tests/gold"),
        corpus: Annotated[Optional[Path], typer.Option(
            "--corpus", help="Parse <corpus>/<stem>.* for each gold document and score it (instead of PRED).")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
        doc: Annotated[Optional[list[str]], typer.Option(
            "--doc", help="Only this document (stem or unique prefix such as 003); repeatable.")] = None,
        show_mismatches: Annotated[bool, typer.Option(
            "--show-mismatches/--no-show-mismatches", help="List missed, spurious and wrong items.")] = True,
        check_floors_path: Annotated[Optional[Path], typer.Option(
            "--check-floors", help="YAML of metric floors; exit 1 when a metric falls below its floor.")] = None,
    ) -> None:
        """Score parser output against the gold: P/R/F1 per field, overall and per document."""
        from rich.console import Console

        err = Console(stderr=True, highlight=False, soft_wrap=True)
        try:
            if (pred is None) == (corpus is None):
                raise GoldError(["give either PRED.jsonl or --corpus DIR (exactly one)"])
            gold_docs = load_gold(gold, doc)
            floors = load_floors(check_floors_path) if check_floors_path else None
            notes: list[str] = []
            if pred is not None:
                preds, notes = load_predictions(pred)
            else:
                assert corpus is not None
                preds = parse_corpus(corpus, [g.stem for g in gold_docs])
        except GoldError as exc:
            for p in exc.problems:
                err.print(f"error: {p}", markup=False)
            raise typer.Exit(code=2) from None
        except (OSError, ValueError) as exc:
            err.print(f"error: {exc}", markup=False)
            raise typer.Exit(code=2) from None
        result = evaluate(gold_docs, preds)
        result.notes[:0] = notes
        failures = check_floors(result.overall, floors) if floors is not None else []
        if as_json:
            payload = result_to_json(result, show_mismatches, floors, failures if floors is not None else None)
            sys.stdout.buffer.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2) + b"\n")
            sys.stdout.flush()
        else:
            out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
            if show_mismatches:
                render_mismatches(result, out)
            render_tables(result, out)
            if floors is not None and not failures:
                out.print(f"floors: all {len(floors)} met ({check_floors_path})", markup=False)
        if failures:
            err.print(f"floors: {len(failures)} metric(s) below their floor in {check_floors_path}:", markup=False)
            for f in failures:
                err.print(f"  {f}", markup=False)
            raise typer.Exit(code=1)
