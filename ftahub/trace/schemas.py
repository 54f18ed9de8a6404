"""Typed shapes of the EPCIS API. Events stay as captured (GS1's EPCIS 2.0 JSON: open objects), inside typed
documents."""

from typing import Any

from ninja import Field, Schema

EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"


class CaptureOut(Schema):
    captured: int
    duplicates: int
    event_ids: list[str]
    duplicate_event_ids: list[str]
    alerts: int  # cold-chain readings outside the declared range
    log_indices: list[int]  # the events' entries on the public log


class CaptureRefused(Schema):
    code: str
    message: str
    problems: list[str]  # every problem found; nothing was stored


class EventList(Schema):
    eventList: list[dict[str, Any]]  # noqa: N815 - EPCIS names


class ResultsBody(Schema):
    queryName: str  # noqa: N815
    resultsBody: EventList  # noqa: N815


class QueryBody(Schema):
    queryResults: ResultsBody  # noqa: N815


class QueryDocument(Schema):
    context: list[str] = Field(alias="@context")
    type: str  # "EPCISQueryDocument"
    schemaVersion: str  # noqa: N815
    creationDate: str  # noqa: N815
    epcisBody: QueryBody  # noqa: N815


class EpcisDocument(Schema):
    context: list[str] = Field(alias="@context")
    type: str  # "EPCISDocument"
    schemaVersion: str  # noqa: N815
    creationDate: str  # noqa: N815
    epcisBody: EventList  # noqa: N815


class TraceNode(Schema):
    key: str  # an EPC or a lot (class + lot)
    depth: int
    events: list[int]


class TraceEdge(Schema):
    from_: str = Field(alias="from")
    to: str
    event: int


class TraceOut(Schema):
    start: str
    direction: str
    truncated: bool
    nodes: list[TraceNode]
    edges: list[TraceEdge]
