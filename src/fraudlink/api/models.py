"""Request and response bodies of the API, typed so the OpenAPI document is complete."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, StringConstraints

#: Text a client sends: no NUL, which no text column stores.
NO_NUL = r"^[^\x00]*$"
Code = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=NO_NUL)]
TLP = Literal["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"]
Cursor = Field(default=None, description="Give the previous page's next_cursor to go on.")


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Me(BaseModel):
    username: str = Field(examples=["sokha"])
    agency: str = Field(examples=["KH-NPA"])
    roles: list[str] = Field(examples=[["analyst"]])
    units: list[str] = Field(examples=[["KH-NPA", "KH-PP"]])


class LineResult(BaseModel):
    line: int = Field(examples=[1])
    status: Literal["loaded", "updated", "unchanged", "rejected"]
    id: str | None = Field(default=None, examples=["R-1"])
    agency: str | None = Field(default=None, examples=["KH-NPA"])
    reason: str | None = Field(default=None, examples=["missing required field 'narrative'"])


class IngestResult(BaseModel):
    loaded: int
    updated: int
    unchanged: int
    rejected: int
    lines: list[LineResult]


class IdentifierRef(BaseModel):
    kind: str = Field(examples=["phone"])
    value: str = Field(examples=["+85512345678"])


class Report(BaseModel):
    id: str = Field(examples=["R-1"])
    agency: str = Field(examples=["KH-NPA"])
    reported_at: str = Field(examples=["2026-03-01T09:30:00+00:00"])
    country: str | None = Field(default=None, examples=["KH"])
    language: str | None = Field(default=None, examples=["km"])
    scam_type: str | None = Field(default=None, examples=["investment"])
    tlp: str = Field(examples=["AMBER"])
    narrative: str
    victim: dict[str, Any] | None = None
    identifiers: list[IdentifierRef] = Field(default_factory=list)


class ReportPage(BaseModel):
    items: list[Report]
    next_cursor: str | None = Cursor


class ReportRef(BaseModel):
    agency: str
    id: str
    reported_at: str


class IdentifierView(BaseModel):
    kind: str = Field(examples=["phone"])
    value: str = Field(examples=["+85512345678"])
    valid: bool
    reports: list[ReportRef]


class PersonRole(BaseModel):
    role: str = Field(examples=["suspect"])
    report: str = Field(examples=["R-1"])


class Person(BaseModel):
    id: int
    schema_: str = Field(alias="schema", examples=["Person"])
    name: str = Field(examples=["Chan Dara"])
    birth_date: str | None = None
    nationality: str | None = None
    tlp: str
    roles: list[PersonRole]


class PersonPage(BaseModel):
    items: list[Person]
    next_cursor: str | None = Cursor


class JointCaseIn(BaseModel):
    reference: str = Field(min_length=1, max_length=128, pattern=NO_NUL, examples=["JIT-2026-01"])
    title: str = Field(
        min_length=1, max_length=512, pattern=NO_NUL, examples=["Sihanoukville compound"]
    )
    tlp: TLP = "AMBER"
    members: list[Code] = Field(default_factory=list, max_length=50, examples=[["TH-RTP"]])


class MemberIn(BaseModel):
    agency: Code = Field(examples=["TH-RTP"])


class ReleaseIn(BaseModel):
    record_type: Literal["report", "entity", "evidence_item"] = "report"
    agency: Code | None = Field(default=None, description="Owner of a report named by its id.")
    case: str | None = Field(
        default=None,
        max_length=255,
        pattern=NO_NUL,
        description="The case of an evidence item named by its SHA-256.",
        examples=["KH-2026-0042"],
    )
    id: str = Field(
        min_length=1,
        max_length=255,
        pattern=NO_NUL,
        description="A report's id, an evidence item's SHA-256, or an entity's number.",
    )
    tlp: TLP = "AMBER"


class Release(BaseModel):
    id: int
    record_type: str
    record_id: int
    agency: str
    tlp: str
    released_by: str
    released_at: str


class JointCase(BaseModel):
    reference: str
    title: str
    owner: str
    tlp: str
    members: list[str]
    releases: list[Release]


class JointCaseSummary(BaseModel):
    reference: str
    title: str
    tlp: str


class JointCasePage(BaseModel):
    items: list[JointCaseSummary]
    next_cursor: str | None = Cursor


class AuditEntry(BaseModel):
    seq: int
    at: str
    action: str
    record_type: str
    record_id: str
    user: str
    agency: str | None
    purpose: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str


class AuditPage(BaseModel):
    items: list[AuditEntry]
    next_cursor: str | None = Cursor


class Job(BaseModel):
    id: int
    kind: str = Field(examples=["ingest"])
    state: Literal["queued", "running", "done", "failed"]
    progress: int
    total: int | None = None
    result: dict[str, Any] | None = None
    error: str | None = None
    created_by: str
    created_at: str
    finished_at: str | None = None


class JobPage(BaseModel):
    items: list[Job]
    next_cursor: str | None = Cursor


class CentralIdentifier(BaseModel):
    identifier: str = Field(examples=["phone:+85512345678"])
    reports: int


class NetworkSummary(BaseModel):
    id: int
    size: int
    identifiers: list[CentralIdentifier]
    countries: dict[str, int] = Field(examples=[{"KH": 3, "TH": 1}])
    losses: dict[str, str] = Field(examples=[{"USD": "1500.00"}])
    first: str | None = None
    last: str | None = None


class NetworkPage(BaseModel):
    items: list[NetworkSummary]
    next_cursor: str | None = Cursor


class NetworkIdentifier(BaseModel):
    kind: str
    value: str
    reports: int
    status: str


class TimelineEntry(BaseModel):
    at: str
    report: str
    country: str | None


class Network(BaseModel):
    id: int
    size: int
    reports: list[str]
    identifiers: list[NetworkIdentifier]
    persons: list[str]
    countries: dict[str, int]
    languages: dict[str, int]
    losses: dict[str, str] = Field(examples=[{"USD": "1500.00"}])
    timeline: list[TimelineEntry]
