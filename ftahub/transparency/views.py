from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import ledger
from .merkle import ProofError
from .models import LogEntry


@require_GET
def log_page(request):
    """The public log: its latest signed checkpoint, verifier keys and the newest entries (by kind)."""
    try:
        checkpoint = ledger.checkpoint()
    except ProofError:
        checkpoint = None
    kind = request.GET.get("kind", "")
    entries = LogEntry.objects.order_by("-index")
    if kind:
        entries = entries.filter(kind=kind)
    return render(request, "transparency/log.html", {"checkpoint": checkpoint, "entries": entries[:50],
                                                     "kind": kind, "keys": ledger.verifier_keys(),
                                                     "size": ledger.size()})
