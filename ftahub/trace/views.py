"""Traceability pages: the business's desk (events, alerts, thresholds, lots, capture tokens), the farm form and the
temperature-log upload, the public trace page of a lot (GS1 Digital Link), and the public transparency log."""

import io

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ftahub.core.problems import in_words
from ftahub.core.views import message_form_errors

from . import farm, graph, service
from .epcis import EpcisError
from .forms import LotLinkForm, StepForm, TemperatureUploadForm, ThresholdForm
from .models import Alert, CaptureToken, Event, LotLink, SensorReading, Threshold, TraceParty


def _party(request) -> TraceParty:
    user = request.user
    if user.role != "business" or not user.enterprise_id:
        raise PermissionDenied(_("Only a business registered for traceability captures events."))
    party = TraceParty.objects.filter(enterprise_id=user.enterprise_id).select_related("enterprise",
                                                                                      "province").first()
    if party is None:
        raise PermissionDenied(_("Your enterprise is not registered for traceability yet: the province registers "
                                 "its GS1 company prefix."))
    return party


@login_required
def desk(request):
    events = Event.objects.visible_to(request.user).select_related("enterprise").order_by("-event_time")[:30]
    context = {"events": events, "alerts": Alert.objects.visible_to(request.user).select_related("event", "reading", "threshold")[:30],
               "thresholds": Threshold.objects.visible_to(request.user),
               "lots": LotLink.objects.visible_to(request.user).select_related("assessment", "certificate")}
    if request.user.role == "business":
        party = TraceParty.objects.filter(enterprise_id=request.user.enterprise_id).first()
        context.update(party=party, threshold_form=ThresholdForm(),
                       tokens=party.tokens.filter(revoked=False) if party else [])
    return render(request, "trace/desk.html", context)


def _capture(request, party, document) -> bool:
    try:
        result = service.capture(document, party, captured_by=request.user.username)
    except EpcisError as exc:
        for problem in exc.problems[:10]:
            messages.error(request, problem)
        return False
    messages.success(request, _("Recorded as a GS1 EPCIS event, entry %(index)s of the public log.")
                     % {"index": ", ".join(str(i) for i in result.log_indices) or "—"})
    if result.alerts:
        messages.warning(request, _("%(n)s reading(s) outside the product's range: see the alerts.")
                         % {"n": result.alerts})
    return True


@login_required
def capture_form(request):
    party = _party(request)
    form = StepForm(request.POST or None, initial={"when": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
                                                   "step": "harvesting", "unit": "KGM"})
    if request.method == "POST" and form.is_valid() and _own_product(request, party, form.cleaned_data["gtin"]):
        d = form.cleaned_data
        event = farm.step_event(d["step"], d["gtin"], d["lot"], float(d["quantity"]), d["unit"],
                                timezone.localtime(d["when"]), farm.party_gln(party.prefixes[0]), d["temperature"],
                                d["destination"].strip())
        if _capture(request, party, farm.document([event])):
            LotLink.objects.get_or_create(gtin=d["gtin"], lot=d["lot"], defaults={
                "enterprise": party.enterprise, "province": party.province})
            return redirect("trace-capture")
    return render(request, "trace/capture.html", {"form": form, "party": party})


@login_required
def temperature_upload(request):
    party = _party(request)
    form = TemperatureUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and _own_product(request, party, form.cleaned_data["gtin"]):
        d = form.cleaned_data
        try:
            rows = farm.read_temperature_csv(d["file"].read(), timezone.get_current_timezone())
        except farm.FarmInputError as exc:
            for error in exc.errors[:20]:
                messages.error(request, in_words(error))
        else:
            event = farm.temperature_event(rows, d["gtin"], d["lot"], farm.party_gln(party.prefixes[0]))
            if _capture(request, party, farm.document([event])):
                return redirect("trace-desk")
    return render(request, "trace/temperatures.html", {"form": form})


@login_required
@require_POST
def import_document(request):
    """Import an EPCIS 2.0 document exported by another system (the same rules as the capture API)."""
    import json

    party = _party(request)
    upload = request.FILES.get("document")
    if upload is None or upload.size > 10 * 1024 * 1024:
        messages.error(request, _("Choose an EPCIS JSON file of at most 10 MB."))
        return redirect("trace-desk")
    try:
        document = json.loads(upload.read())
    except (ValueError, UnicodeDecodeError) as exc:
        messages.error(request, _("The file is not JSON: %(error)s") % {"error": exc})
        return redirect("trace-desk")
    _capture(request, party, document)
    return redirect("trace-desk")


@login_required
@require_POST
def threshold_add(request):
    party = _party(request)
    form = ThresholdForm(request.POST)
    if form.is_valid() and _own_product(request, party, form.cleaned_data["gtin"]):
        threshold = form.save(commit=False)
        threshold.enterprise, threshold.province = party.enterprise, party.province
        Threshold.objects.update_or_create(enterprise=party.enterprise, gtin=threshold.gtin, type=threshold.type,
                                           defaults={"province": party.province, "product": threshold.product,
                                                     "uom": threshold.uom, "minimum": threshold.minimum,
                                                     "maximum": threshold.maximum})
        messages.success(request, _("Range saved."))
    elif not form.is_valid():
        message_form_errors(request, form)
    return redirect("trace-desk")


def _own_product(request, party, gtin: str) -> bool:
    """A business records harvests, readings and ranges only for its own products (its GS1 company prefixes):
    another company's GTIN would make the public lot page name the wrong producer (#18)."""
    if farm.owns_gtin(party.prefixes, gtin):
        return True
    messages.error(request, _("GTIN %(gtin)s is not one of your products: its GS1 company prefix is not among "
                              "yours (%(prefixes)s).") % {"gtin": gtin, "prefixes": party.gs1_prefixes})
    return False


@login_required
@require_POST
def token_issue(request):
    party = _party(request)
    name = (request.POST.get("name") or "").strip()[:100] or "API"
    _row, token = CaptureToken.issue(party, name)
    messages.success(request, _("New capture token (shown once, keep it secret): %(token)s") % {"token": token})
    return redirect("trace-desk")


@login_required
@require_POST
def token_revoke(request, pk: int):
    party = _party(request)
    token = get_object_or_404(CaptureToken, party=party, pk=pk)
    if not token.revoked:
        token.revoked = True
        token.save(update_fields=["revoked"])  # through save(): the revocation is in the audit log (#18)
    return redirect("trace-desk")


@login_required
def lot_link(request, gtin: str, lot: str):
    link = get_object_or_404(LotLink.objects.visible_to(request.user), gtin=gtin, lot=lot)
    if request.user.role != "business":
        raise PermissionDenied
    form = LotLinkForm(request.POST or None, enterprise=link.enterprise,
                       initial={"assessment": link.assessment, "certificate": link.certificate})
    if request.method == "POST" and form.is_valid():
        link.assessment, link.certificate = form.cleaned_data["assessment"], form.cleaned_data["certificate"]
        link.save()
        messages.success(request, _("The lot's trace page now shows its origin chain."))
        return redirect("trace-desk")
    return render(request, "trace/lot_link.html", {"form": form, "link": link})


def _digital_link(request, gtin: str, lot: str) -> str:
    return request.build_absolute_uri(reverse("trace-lot", args=[gtin, lot]))


def lot_qr(request, gtin: str, lot: str):
    get_object_or_404(LotLink, gtin=gtin, lot=lot)
    buffer = io.BytesIO()
    segno.make(_digital_link(request, gtin, lot), error="m").save(buffer, kind="svg", scale=4, border=2)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


def lot_page(request, gtin: str, lot: str):
    """The public trace page of a lot, reached from the QR on the package (GS1 Digital Link, this hub as resolver).
    Shown only for lots their owner published (every lot captured through the hub's form is)."""
    if len(gtin) != 14 or not gtin.isdigit():
        raise Http404
    link = LotLink.objects.filter(gtin=gtin, lot=lot).select_related("enterprise", "province", "assessment",
                                                                     "certificate").first()
    if link is None:
        raise Http404(_("No published lot with this GTIN and lot number."))
    key = f"01/{gtin}/10/{lot}"
    owned = Event.objects.filter(enterprise=link.enterprise)
    back, forward = service.trace(key, "back", owned), service.trace(key, "forward", owned)
    pks = {pk for t in (back, forward) for ids in t.events.values() for pk in ids}
    events = list(Event.objects.filter(pk__in=pks).order_by("event_time"))
    for event in events:
        event.place = " ".join(graph.label(event.read_point)) if event.read_point else "—"
    readings = SensorReading.objects.filter(event__in=events).order_by("time")
    temps = [r.value for r in readings if r.type.lower() == "temperature" and r.value is not None]
    threshold = Threshold.objects.filter(enterprise=link.enterprise, gtin__in=[gtin, gtin.lstrip("0")],
                                         type="Temperature").first()
    return render(request, "trace/lot.html", {
        "link": link, "key": key, "events": events, "graph": graph.layout(back, forward),
        "alerts": Alert.objects.filter(event__in=events).count(), "threshold": threshold,
        "temperature": {"count": len(temps), "min": min(temps, default=None), "max": max(temps, default=None)},
        "qr_url": reverse("trace-lot-qr", args=[gtin, lot]), "digital_link": _digital_link(request, gtin, lot)})
