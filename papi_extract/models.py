"""Pydantic models of the output contract (../shared/SPEC.md, version 1).

These models are the source of truth; ``schemas/*.json`` is generated from them by
``papi-extract schema``. Field names follow the SPEC exactly.
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SCHEMA_VERSION: Final = "1"


def _check_span(value: tuple[int, int]) -> tuple[int, int]:
    start, end = value
    if start < 0 or end < start:
        raise ValueError(f"span must satisfy 0 <= start <= end, got {value!r}")
    return value


Span = Annotated[tuple[int, int], AfterValidator(_check_span)]
"""``[start, end)`` in characters of the normalized text."""

Dimension = Annotated[int, Field(ge=1, le=8)]
Subdimension = Annotated[str, Field(pattern=r"^[1-8]\.[1-9]$")]
IsoDate = Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
Year = Annotated[int, Field(ge=1900, le=2100)]


def _check_iso(value: str | None) -> str | None:
    if value is not None:
        _dt.date.fromisoformat(value)
    return value


Date = Annotated[IsoDate | None, AfterValidator(_check_iso)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=False)


Format = Literal["text", "markdown", "html"]
Level = Literal["province", "district", "commune"]
UnitType = Literal["tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"]
SectionKind = Literal["purpose", "objectives", "limitations", "tasks", "organization", "appendix", "other"]
ScoreKind = Literal["actual", "target", "change"]
Origin = Literal["table", "list", "prose"]
AgencyKind = Literal[
    "sở", "phòng", "ubnd", "ban", "văn phòng", "thanh tra", "công an", "mặt trận",
    "trung tâm", "doanh nghiệp", "group", "other",
]
DeadlineKind = Literal[
    "date", "by_date", "month", "quarter", "year", "year_range", "recurring",
    "continuous", "event", "per_plan", "unspecified",
]
Recurrence = Literal["monthly", "quarterly", "semiannual", "annual"]


class Source(_Strict):
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    bytes: int = Field(ge=0)
    encoding: str | None
    format: Format


class Issuer(_Strict):
    name: str | None
    level: Level | None = None
    unit_type: UnitType | None = None
    locality: str | None = None
    province: str | None = None
    province_code: str | None = None
    province_2025: str | None = None
    span: Span | None = None


class Period(_Strict):
    start_year: Year
    end_year: Year


class Reference(_Strict):
    doc_type: str | None
    number: str | None
    date: Date = None
    issuer: str | None = None
    raw: str
    span: Span


class Signer(_Strict):
    name: str | None
    position: str | None = None
    authority: str | None = None
    span: Span | None = None


class Section(_Strict):
    id: str
    label: str | None
    title: str
    level: int = Field(ge=1)
    parent: str | None
    kind: SectionKind
    span: Span
    dimension: Dimension | None = None
    subdimension: Subdimension | None = None


class IndicatorMention(_Strict):
    dimension: Dimension
    subdimension: Subdimension | None
    name: str
    raw: str
    section: str | None
    span: Span
    method: str = "heading"
    score: float | None = None


class Score(_Strict):
    dimension: Dimension | None
    subdimension: Subdimension | None
    year: Year | None
    value: float | None
    rank: int | None = None
    rank_of: int | None = None
    change: float | None = None
    rank_change: int | None = None
    kind: ScoreKind
    method: str
    raw: str
    span: Span


class Agency(_Strict):
    raw: str
    name: str
    span: Span
    kind: AgencyKind
    scope: str | None = None


class Deadline(_Strict):
    raw: str
    kind: DeadlineKind
    start: Date = None
    end: Date = None
    recurrence: Recurrence | None = None
    span: Span


class Task(_Strict):
    id: str
    label: str | None
    text: str
    section: str | None
    dimension: Dimension | None
    subdimension: Subdimension | None
    lead: list[Agency] = Field(default_factory=list)
    support: list[Agency] = Field(default_factory=list)
    directing: list[Agency] = Field(default_factory=list)
    output: str | None = None
    output_span: Span | None = None
    deadlines: list[Deadline] = Field(default_factory=list)
    origin: Origin
    method: str
    span: Span
    text_span: Span | None = None


class Warning(_Strict):
    code: str = Field(pattern=r"^W\d{3}$")
    message: str
    span: Span | None = None


class PlanDocument(_Strict):
    record_type: Literal["plan"] = "plan"
    schema_version: Literal["1"] = SCHEMA_VERSION
    parser_version: str
    status: Literal["ok", "partial"] = "ok"
    doc_id: str = Field(pattern=r"^[0-9a-f]{16}$")
    source: Source
    number: str | None = None
    symbol: str | None = None
    doc_type: str | None = None
    issuer: Issuer | None = None
    place: str | None = None
    issued_date: Date = None
    issued_year: Year | None = None
    title: str | None = None
    period: Period | None = None
    legal_basis: list[Reference] = Field(default_factory=list)
    signer: Signer | None = None
    recipients: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    indicators: list[IndicatorMention] = Field(default_factory=list)
    scores: list[Score] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    text: str | None = None


class ParseError(_Strict):
    record_type: Literal["error"] = "error"
    schema_version: Literal["1"] = SCHEMA_VERSION
    parser_version: str
    source: Source
    error: str = Field(pattern=r"^E\d{3}$")
    message: str


Record = PlanDocument | ParseError
