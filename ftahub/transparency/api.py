"""The transparency log's API: signed checkpoints, verifier keys, entries and proof bundles (for ``ftahub log
verify``). Checkpoints and keys are plain text, as C2SP prints them."""

from django.http import HttpResponse
from ninja import Router, Status

from ftahub.core.schemas import Error

from . import ledger
from .merkle import ProofError
from .models import LogEntry
from .schemas import ConsistencyBundle, EntryOut, InclusionBundle, LogKey

router = Router(tags=["transparency log"])
TEXT = "text/plain; charset=utf-8"


@router.get("/log/checkpoint", openapi_extra={
    "responses": {200: {"description": "The C2SP signed note", "content": {TEXT: {"schema": {"type": "string"}}}},
                  503: {"description": "No signing key yet", "content": {TEXT: {"schema": {"type": "string"}}}}}},
    summary="The log's latest signed checkpoint (C2SP tlog-checkpoint note)")
def checkpoint(request):
    try:
        return HttpResponse(ledger.checkpoint().note, content_type=TEXT)
    except ProofError as exc:
        return HttpResponse(str(exc), status=503, content_type=TEXT)


@router.get("/log/key", openapi_extra={
    "responses": {200: {"description": "Verifier keys, one per line",
                          "content": {TEXT: {"schema": {"type": "string"}}}}}},
    summary="The log's verifier keys (current first), one per line")
def key(request):
    return HttpResponse("\n".join(ledger.verifier_keys()) + "\n", content_type=TEXT)


@router.get("/log/keys", response=list[LogKey],
            summary="The log's key history: every key that signed its checkpoints, with its period, current first")
def key_history(request):
    return ledger.key_history()


@router.get("/log/entries/{index}", response={200: EntryOut, 404: Error}, summary="One log entry (the statement)")
def entry(request, index: int):
    row = LogEntry.objects.filter(index=index).first()
    if row is None:
        return Status(404, {"code": "not_found", "message": f"No entry {index}."})
    return row


@router.get("/log/proof/inclusion", response={200: InclusionBundle, 404: Error},
            summary="Inclusion proof bundle of an entry against the latest checkpoint (for `ftahub log verify`)")
def inclusion(request, index: int):
    try:
        return ledger.inclusion_bundle(index)
    except ProofError as exc:
        return Status(404, {"code": "no_proof", "message": str(exc)})


@router.get("/log/proof/consistency", response={200: ConsistencyBundle, 404: Error},
            summary="Consistency proof bundle from an earlier published checkpoint size to the latest")
def consistency(request, old_size: int):
    try:
        return ledger.consistency_bundle(old_size)
    except ProofError as exc:
        return Status(404, {"code": "no_proof", "message": str(exc)})
