"""EPCIS 2.0 REST binding (the parts the hub serves): capture, events query, trace, export."""

import datetime
import json

from ninja import Router, Status
from ninja.security import HttpBearer, django_auth

from ftahub.core.schemas import Error

from . import service
from .epcis import EpcisError
from .models import CaptureToken, Event, TraceParty
from .schemas import CaptureOut, CaptureRefused, EpcisDocument, QueryDocument, TraceOut

router = Router(tags=["traceability (EPCIS 2.0)"])
MAX_CAPTURE = 10 * 1024 * 1024


class TokenAuth(HttpBearer):
    """A business's capture token: ``Authorization: Bearer fth_…``."""

    def authenticate(self, request, token):
        row = CaptureToken.objects.filter(digest=CaptureToken.hash(token), revoked=False).select_related(
            "party__enterprise", "party__province").first()
        if row is None:
            return None
        request.trace_party = row.party
        return row.party


def _party(request) -> TraceParty | None:
    """The capturing business: the token's, or the signed-in business user's enterprise if it is registered."""
    if isinstance(request.auth, TraceParty):
        return request.auth
    user = request.user
    if user.is_authenticated and user.role == "business" and user.enterprise_id:
        return TraceParty.objects.filter(enterprise_id=user.enterprise_id).select_related(
            "enterprise", "province").first()
    return None


def _visible_events(request):
    party = getattr(request, "trace_party", None)
    if party is not None:
        return Event.objects.filter(enterprise_id=party.enterprise_id)
    return Event.objects.visible_to(request.user)


@router.post("/epcis/capture", auth=[TokenAuth(), django_auth],
             response={201: CaptureOut, 400: CaptureRefused, 403: Error, 413: Error, 422: Error},
             summary="Capture an EPCIS 2.0 document (JSON/JSON-LD, at most 10 MB); all events or none")
def capture(request):
    body = _body(request)
    if body is None:
        return Status(413, {"code": "too_large", "message": "An EPCIS document may be at most 10 MB."})
    try:
        document = json.loads(body)
    except RecursionError:
        return Status(400, {"code": "not_json", "message": "The body is nested too deeply to be an EPCIS document.",
                            "problems": []})
    except (ValueError, UnicodeDecodeError) as exc:
        return Status(400, {"code": "not_json", "message": f"The body is not JSON: {exc}", "problems": []})
    party = _party(request)
    if party is None:
        return Status(403, {"code": "not_a_capturer", "message": "Your enterprise is not registered for EPCIS "
                                                                  "capture (GS1 company prefixes); ask the province."})
    try:
        result = service.capture(document, party, captured_by=getattr(request.user, "username", "") or "token")
    except EpcisError as exc:
        return Status(400, {"code": "invalid_epcis", "message": "The document was not captured; nothing was stored.",
                            "problems": exc.problems})
    return Status(201, result.as_dict())


def _body(request) -> bytes | None:
    """The request body up to MAX_CAPTURE bytes, read from the stream (Django's 5 MB form limit does not apply to
    a capture); None when it is larger."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_CAPTURE:
        return None
    if getattr(request, "_body", None) is not None:
        body = request._body
    else:
        body = request.read(MAX_CAPTURE + 1)
    return None if len(body) > MAX_CAPTURE else body


def _since(value: str | None):
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


@router.get("/epcis/events", auth=[TokenAuth(), django_auth], response={200: QueryDocument, 422: Error},
            by_alias=True,
            summary="EPCIS query: by EPC or class, bizStep, disposition, location, type and time window")
def events(request, epc: str | None = None, bizStep: str | None = None, disposition: str | None = None,  # noqa: N803
           location: str | None = None, eventType: str | None = None, GE_eventTime: str | None = None,  # noqa: N803
           LT_eventTime: str | None = None, limit: int = 100):  # noqa: N803
    try:
        since, until = _since(GE_eventTime), _since(LT_eventTime)
    except ValueError:
        return Status(422, {"code": "bad_time", "message": "Times are ISO 8601, e.g. 2026-06-10T00:00:00+07:00."})
    rows = service.query(_visible_events(request), epc=epc, biz_step=bizStep, disposition=disposition,
                         location=location, event_type=eventType, since=since, until=until, limit=limit)
    return service.query_document(rows)


@router.get("/epcis/trace", auth=[TokenAuth(), django_auth], response={200: TraceOut, 422: Error},
            by_alias=True,
            summary="Trace an object or lot forward (where it went) or back (what fed it)")
def trace(request, epc: str, direction: str = "back"):
    if direction not in ("back", "forward"):
        return Status(422, {"code": "bad_direction", "message": "direction is 'back' or 'forward'."})
    result = service.trace(epc, direction, _visible_events(request))
    return {"start": result.start, "direction": direction, "truncated": result.truncated,
            "nodes": [{"key": k, "depth": d, "events": result.events.get(k, [])} for k, d in result.nodes.items()],
            "edges": [{"from": a, "to": b, "event": e} for a, b, e in result.edges]}


@router.get("/epcis/export", auth=[TokenAuth(), django_auth], response=EpcisDocument,
            by_alias=True,
            summary="Export the events naming an object or lot as an EPCIS 2.0 document")
def export(request, epc: str):
    rows = service.query(_visible_events(request), epc=epc, limit=1000)
    return service.export_document(rows)
