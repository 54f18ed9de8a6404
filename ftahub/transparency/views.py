from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from ftahub.core.dates import iso_day

from . import ledger
from .bundle import check_bundle
from .merkle import ProofError
from .models import LogEntry
from .note import NoteError, Verifier

# the kinds of statement on the log, in words (a kind not listed is shown as recorded)
KINDS = {"epcis-event": _("traceability event"), "co-record": _("signed C/O record"),
         "co-revocation": _("C/O revocation"), "co-decision": _("decision on a C/O application"),
         "mou": _("memorandum of understanding")}
DECISIONS = {"approved": _("approved"), "rejected": _("refused"), "changes_requested": _("changes requested")}
STATUSES = {"valid": _("valid"), "revoked": _("revoked"), "replaced": _("replaced")}


# what each kind of statement says, as a sentence of the reader's language (statement dict -> text)
SUMMARIES = {
    "co-record": lambda d: _("C/O %(ref)s under %(agreement)s, issued on %(day)s: %(status)s") % {
        "ref": d.get("ref", ""), "agreement": d.get("agreement", ""), "day": iso_day(d.get("issued_on")),
        "status": STATUSES.get(d.get("status"), d.get("status", ""))},
    "co-revocation": lambda d: _("C/O %(ref)s revoked") % {"ref": d.get("ref", "")},
    "co-decision": lambda d: _("Application %(ref)s: %(decision)s") % {
        "ref": d.get("ref", ""), "decision": DECISIONS.get(d.get("decision"), d.get("decision", ""))},
    "epcis-event": lambda d: _("Event fingerprint %(hash)s…") % {"hash": d.get("sha256", "")[:16]},
    "mou": lambda d: _("%(title)s, between %(parties)s, signed on %(day)s") % {
        "title": d.get("title", ""), "parties": d.get("parties", ""), "day": iso_day(d.get("signed_on"))},
}


def _summary(entry: LogEntry) -> str:
    """What the statement says, in a sentence of the reader's language (the statement itself is canonical JSON)."""
    import json

    try:
        data = json.loads(entry.data)
    except ValueError:
        return entry.ref
    said = SUMMARIES.get(entry.kind)
    return str(said(data)) if said and isinstance(data, dict) else entry.ref


def _rows(entries) -> list[dict]:
    return [{"entry": e, "kind": KINDS.get(e.kind, e.kind), "summary": _summary(e)} for e in entries]


@require_GET
def log_page(request):
    """The public log: its latest signed checkpoint, verifier keys and the newest entries (by kind), in words."""
    try:
        checkpoint = ledger.checkpoint()
    except ProofError:
        checkpoint = None
    kind = request.GET.get("kind", "")
    entries = LogEntry.objects.order_by("-index")
    if kind:
        entries = entries.filter(kind=kind)
    return render(request, "transparency/log.html", {"checkpoint": checkpoint, "rows": _rows(entries[:50]),
                                                     "kind": kind, "kinds": KINDS.items(),
                                                     "keys": ledger.verifier_keys(), "size": ledger.size()})


@require_GET
def entry_page(request, index: int):
    """One entry, checked now: its statement's hash is its leaf and the leaf is in the tree under the latest signed
    checkpoint, verified with the published key (the same check as ``ftahub log verify`` offline)."""
    entry = LogEntry.objects.filter(index=index).first()
    if entry is None:
        raise Http404
    try:
        bundle = ledger.inclusion_bundle(index)
        keys = ledger.verifier_keys()
        report = check_bundle(bundle, Verifier.parse(keys[0])) if keys else {"valid": False}
    except (ProofError, NoteError, IndexError):
        bundle, report = None, {"valid": False}
    return render(request, "transparency/entry.html", {
        "row": _rows([entry])[0], "entry": entry, "valid": bool(report.get("valid")),
        "size": report.get("checkpoint", {}).get("size"), "proof_length": len(bundle["inclusion"]["proof"])
        if bundle else 0})
