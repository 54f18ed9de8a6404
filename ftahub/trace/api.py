"""EPCIS 2.0 REST binding (the parts the hub serves): capture, events query, trace, export; and the log's API."""

import datetime

from django.http import HttpResponse
from ninja import Router, Status
from ninja.security import HttpBearer, django_auth

from ftahub.core.schemas import Error
from ftahub.transparency import ledger
from ftahub.transparency.merkle import ProofError

from . import service
from .epcis import EpcisError
from .models import CaptureToken, Event, TraceParty

router = Router(tags=["traceability (EPCIS 2.0)"])
log_router = Router(tags=["transparency log"])


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


@router.post("/epcis/capture", auth=[TokenAuth(), django_auth], response={201: dict, 400: dict, 403: Error, 413: Error, 422: Error},
             summary="Capture an EPCIS 2.0 document (JSON/JSON-LD); all events or none")
def capture(request):
    if len(request.body) > 10 * 1024 * 1024:
        return Status(413, {"code": "too_large", "message": "An EPCIS document may be at most 10 MB."})
    import json

    try:
        document = json.loads(request.body)
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


def _since(value: str | None):
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


@router.get("/epcis/events", auth=[TokenAuth(), django_auth], response={200: dict, 422: Error},
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


@router.get("/epcis/trace", auth=[TokenAuth(), django_auth], response={200: dict, 422: Error},
            summary="Trace an object or lot forward (where it went) or back (what fed it)")
def trace(request, epc: str, direction: str = "back"):
    if direction not in ("back", "forward"):
        return Status(422, {"code": "bad_direction", "message": "direction is 'back' or 'forward'."})
    result = service.trace(epc, direction, _visible_events(request))
    return {"start": result.start, "direction": direction, "truncated": result.truncated,
            "nodes": [{"key": k, "depth": d, "events": result.events.get(k, [])} for k, d in result.nodes.items()],
            "edges": [{"from": a, "to": b, "event": e} for a, b, e in result.edges]}


@router.get("/epcis/export", auth=[TokenAuth(), django_auth], response=dict,
            summary="Export the events naming an object or lot as an EPCIS 2.0 document")
def export(request, epc: str):
    rows = service.query(_visible_events(request), epc=epc, limit=1000)
    return service.export_document(rows)


# -- the transparency log ----------------------------------------------------------------------------------------

@log_router.get("/log/checkpoint", summary="The log's latest signed checkpoint (C2SP tlog-checkpoint note)")
def checkpoint(request):
    try:
        return HttpResponse(ledger.checkpoint().note, content_type="text/plain; charset=utf-8")
    except ProofError as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")


@log_router.get("/log/key", summary="The log's verifier keys (current first), one per line")
def key(request):
    return HttpResponse("\n".join(ledger.verifier_keys()) + "\n", content_type="text/plain; charset=utf-8")


@log_router.get("/log/entries/{index}", response={200: dict, 404: Error}, summary="One log entry (the statement)")
def entry(request, index: int):
    from ftahub.transparency.models import LogEntry

    row = LogEntry.objects.filter(index=index).first()
    if row is None:
        return Status(404, {"code": "not_found", "message": f"No entry {index}."})
    return {"index": row.index, "kind": row.kind, "ref": row.ref, "data": row.data, "leaf_hash": row.leaf_hash}


@log_router.get("/log/proof/inclusion", response={200: dict, 404: Error, 503: Error},
                summary="Inclusion proof bundle of an entry against the latest checkpoint (for `ftahub log verify`)")
def inclusion(request, index: int):
    try:
        return ledger.inclusion_bundle(index)
    except ProofError as exc:
        return Status(404, {"code": "no_proof", "message": str(exc)})


@log_router.get("/log/proof/consistency", response={200: dict, 404: Error},
                summary="Consistency proof bundle from an earlier published checkpoint size to the latest")
def consistency(request, old_size: int):
    try:
        return ledger.consistency_bundle(old_size)
    except ProofError as exc:
        return Status(404, {"code": "no_proof", "message": str(exc)})
