"""The C/O desk pages: exporters draft, pre-check and submit; the province's C/O officers review, hand off to eCoSys
and record the certificate; everyone with a role sees the turnaround dashboard of what they may see."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ftahub.core.dates import iso_day
from ftahub.core.views import message_form_errors

from . import handoff, precheck, service
from .dashboard import figures
from .ecosys import Outcome
from .forms import ApplicationForm, DecisionForm, DocumentForm, ItemForm, OutcomeForm, RevocationForm
from .models import Application, Document, Item
from .turnaround import TARGET_HOURS


def _visible(request):
    return Application.objects.visible_to(request.user).select_related("enterprise", "agreement", "province")


def _get(request, reference: str) -> Application:
    return get_object_or_404(_visible(request), reference=reference)


def _reviewable(request, reference: str) -> Application:
    app = _get(request, reference)
    if not service.can_review(request.user, app):
        raise PermissionDenied
    return app


def _editable(request, reference: str) -> Application:
    app = _get(request, reference)
    if not service.can_apply(request.user, app):
        raise PermissionDenied
    if not app.editable_by_applicant:
        raise PermissionDenied(_("This application can no longer be changed."))
    return app


@login_required
def application_list(request):
    apps = _visible(request)
    status = request.GET.get("status", "")
    if status in Application.Status.values:
        apps = apps.filter(status=status)
    return render(request, "codesk/list.html", {"applications": apps[:500], "status": status,
                                                "statuses": Application.Status.choices})


@login_required
def application_new(request):
    if request.user.role != "business" or request.user.enterprise_id is None:
        raise PermissionDenied(_("Only an exporter's users apply for a C/O."))
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        app = service.create(request.user.enterprise, request.user, **form.cleaned_data)
        messages.success(request, _("Application %(ref)s created. Add its goods and documents.") % {
            "ref": app.reference})
        return redirect("co-application", app.reference)
    return render(request, "codesk/form.html", {"form": form, "title": _("New C/O application")})


@login_required
def application_edit(request, reference: str):
    app = _editable(request, reference)
    form = ApplicationForm(request.POST or None, instance=app)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("co-application", app.reference)
    return render(request, "codesk/form.html", {"form": form, "title": _("Edit %(ref)s") % {"ref": app.reference},
                                                "application": app})


@login_required
def application_detail(request, reference: str):
    app = _get(request, reference)
    context = {"application": app, "items": app.items.select_related("assessment"), "documents": app.documents.all(),
               "transitions": app.transitions.select_related("actor"),
               "can_apply": service.can_apply(request.user, app), "can_review": service.can_review(request.user, app)}
    if app.status not in (Application.Status.RECORDED, Application.Status.REJECTED):
        context["findings"] = precheck.run(app)
        context["has_errors"] = bool(precheck.errors(context["findings"]))
    if context["can_apply"] and app.editable_by_applicant:
        context["item_form"] = ItemForm(enterprise=app.enterprise)
        context["document_form"] = DocumentForm()
    if context["can_review"] and app.status == Application.Status.SUBMITTED:
        context["decision_form"] = DecisionForm()
    if context["can_review"] and app.status == Application.Status.APPROVED:
        context["outcome_form"] = OutcomeForm()
    if context["can_review"] and app.status == Application.Status.RECORDED:
        context["revocation_form"] = RevocationForm()
    if app.handoff_package:
        context["checklist"] = [_checklist_step(code, values) for code, values in handoff.checklist(app.handoff_package)]
    context["steps"] = _steps(app)
    context["clock"] = _clock(app, context["transitions"])
    return render(request, "codesk/detail.html", context)


# the steps an officer follows in eCoSys with a hand-off package (handoff.checklist gives codes and values)
CHECKLIST = {
    "open": gettext_lazy("Open eCoSys (ecosys.gov.vn) and create an application on form %(form)s for the exporter "
                         "with tax code %(tax_code)s (%(exporter)s)."),
    "shipment": gettext_lazy("Enter the importer %(importer)s (%(country)s), the transport %(means)s from "
                             "%(loading)s to %(discharge)s on %(departure)s, and invoice %(invoice)s of "
                             "%(invoice_date)s."),
    "item": gettext_lazy("Item %(position)s: HS %(hs)s, %(description)s, %(quantity)s %(unit)s, FOB %(fob)s USD, "
                         "origin criterion %(criterion)s."),
    "attach": gettext_lazy("Attach %(name)s (%(kind)s, SHA-256 %(sha256)s…)."),
    "sign": gettext_lazy("Sign and submit in eCoSys; when the C/O is issued, record its number, date and issuing "
                         "body against %(reference)s in FTA Hub."),
}


def _checklist_step(code: str, values: dict) -> str:
    shown = dict(values)
    for key in ("departure", "invoice_date"):
        shown[key] = iso_day(values.get(key), missing="—")
    if code == "attach":
        shown["kind"] = Document.Kind(values["kind"]).label if values.get("kind") in Document.Kind.values \
            else values.get("kind", "")
    return str(CHECKLIST[code]) % {k: ("—" if v in (None, "") else v) for k, v in shown.items()}


# the path of an application, in the order it goes; each step says who acts and what happens
STEPS = (
    (("draft", "changes_requested"), gettext_lazy("Prepare"),
     gettext_lazy("The exporter fills in the details, adds the goods and documents, and submits when the pre-check "
                  "finds nothing missing.")),
    (("submitted",), gettext_lazy("Review by the C/O office"),
     gettext_lazy("An officer checks the dossier and approves it, asks for changes or refuses it, within %(hours)s "
                  "working hours of a complete dossier.")),
    (("approved",), gettext_lazy("Issue in eCoSys"),
     gettext_lazy("The officer hands the dossier off to the Ministry's eCoSys, where the certificate is issued.")),
    (("recorded", "revoked"), gettext_lazy("Certificate recorded"),
     gettext_lazy("The hub keeps a signed record of the certificate; anyone can verify its QR code.")),
)


def _steps(app: Application) -> list[dict]:
    """The steps of the path with where this application stands: done, now, or ahead (a refusal ends the path)."""
    if app.status == Application.Status.REJECTED:
        reached = 1
    else:
        reached = next(i for i, (statuses, _t, _e) in enumerate(STEPS) if app.status in statuses)
    steps = []
    for i, (_statuses, title, explanation) in enumerate(STEPS):
        state = "done" if i < reached else "now" if i == reached else "ahead"
        if app.status == Application.Status.REJECTED and i >= reached:
            state = "refused" if i == reached else "closed"
        if app.status == Application.Status.RECORDED and i == reached:
            state = "done"
        steps.append({"title": title, "explanation": explanation % {"hours": f"{TARGET_HOURS:g}"},
                      "state": state})
    return steps


def _clock(app: Application, transitions) -> dict | None:
    """For an application under review: when it was submitted, the 6-working-hour target and the hours used."""
    if app.status != Application.Status.SUBMITTED:
        return None
    submitted = [t.at for t in transitions if t.to_status == Application.Status.SUBMITTED]
    if not submitted:
        return None
    cal = service.calendar()
    since = timezone.localtime(submitted[-1])
    now = timezone.localtime()
    used = cal.working_hours(since, now)
    return {"since": since, "deadline": cal.after_working_hours(since, TARGET_HOURS),
            "used": used, "late": used > TARGET_HOURS, "target": TARGET_HOURS}


@login_required
@require_POST
def item_add(request, reference: str):
    app = _editable(request, reference)
    form = ItemForm(request.POST, enterprise=app.enterprise)
    if form.is_valid():
        with transaction.atomic():
            item = form.save(commit=False)
            item.application = app
            item.position = (app.items.aggregate(m=Max("position"))["m"] or 0) + 1
            item.save()
        messages.success(request, _("Item %(n)s added.") % {"n": item.position})
    else:
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}")
    return redirect("co-application", app.reference)


@login_required
@require_POST
def item_delete(request, reference: str, position: int):
    app = _editable(request, reference)
    get_object_or_404(Item, application=app, position=position).delete()
    return redirect("co-application", app.reference)


@login_required
@require_POST
def document_add(request, reference: str):
    app = _editable(request, reference)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        doc = Document(application=app, kind=form.cleaned_data["kind"], name=upload.name[:200], size=len(data),
                       sha256=Document.digest(data))
        doc.file.save(upload.name, ContentFile(data), save=True)
        messages.success(request, _("%(name)s attached.") % {"name": doc.name})
    else:
        message_form_errors(request, form)
    return redirect("co-application", app.reference)


@login_required
@require_POST
def document_delete(request, reference: str, pk: int):
    app = _editable(request, reference)
    doc = get_object_or_404(Document, application=app, pk=pk)
    doc.file.delete(save=False)
    doc.delete()
    return redirect("co-application", app.reference)


@login_required
def document_download(request, reference: str, pk: int):
    app = _get(request, reference)
    doc = get_object_or_404(Document, application=app, pk=pk)
    response = HttpResponse(doc.file.read(), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{doc.pk}-{doc.kind}.{doc.name.rsplit(".", 1)[-1]}"'
    return response


@login_required
@require_POST
def submit(request, reference: str):
    app = _get(request, reference)
    try:
        findings = service.submit(app, request.user)
    except service.TransitionError as exc:
        messages.error(request, str(exc))
        return redirect("co-application", app.reference)
    if app.status == Application.Status.SUBMITTED:
        messages.success(request, _("Submitted to the C/O officers of %(province)s.") % {"province": app.province})
    else:
        messages.error(request, _("Not submitted: the pre-check found %(n)s error(s). Fix them and submit again.")
                       % {"n": len(precheck.errors(findings))})
    return redirect("co-application", app.reference)


@login_required
@require_POST
def decide(request, reference: str):
    app = _reviewable(request, reference)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("co-application", app.reference)
    decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
    try:
        if decision == "approve":
            service.approve(app, request.user, comment)
            messages.success(request, _("Approved. Download the hand-off file and enter it in eCoSys."))
        elif decision == "changes":
            service.request_changes(app, request.user, comment)
            messages.success(request, _("Changes requested from the exporter."))
        else:
            service.reject(app, request.user, comment)
            messages.success(request, _("Rejected."))
    except service.TransitionError as exc:
        messages.error(request, str(exc))
    return redirect("co-application", app.reference)


@login_required
def handoff_file(request, reference: str, fmt: str):
    app = _get(request, reference)
    if fmt not in ("json", "xml"):
        raise Http404
    try:
        package = service.package_for(app)
    except service.TransitionError as exc:
        return HttpResponse(str(exc), status=409, content_type="text/plain; charset=utf-8")
    if fmt == "xml":
        response = HttpResponse(handoff.to_xml(package), content_type="application/xml")
    else:
        response = HttpResponse(handoff.to_json(package), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{app.reference}-handoff-v{package["version"]}.{fmt}"'
    return response


@login_required
@require_POST
def record(request, reference: str):
    app = _reviewable(request, reference)
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        message_form_errors(request, form)
        return redirect("co-application", app.reference)
    try:
        cert = service.record_outcome(app, request.user, Outcome(**form.cleaned_data))
    except service.TransitionError as exc:
        messages.error(request, str(exc))
        return redirect("co-application", app.reference)
    messages.success(request, _("C/O %(number)s recorded and its signed record issued.") % {"number": cert.co_number})
    return redirect("co-application", app.reference)


@login_required
@require_POST
def revoke(request, reference: str):
    app = _reviewable(request, reference)
    form = RevocationForm(request.POST)
    if not form.is_valid():
        message_form_errors(request, form)
        return redirect("co-application", app.reference)
    data = form.cleaned_data
    try:
        if data["action"] == "revoke":
            service.revoke(app, request.user, data["reason"])
            messages.success(request, _("The certificate is revoked; verification reports it."))
        else:
            new = service.replace(app, request.user, Outcome(data["co_number"], data["issued_on"],
                                                              data["issuing_body"]), data["reason"])
            messages.success(request, _("Replacement C/O %(number)s recorded and signed.") % {"number": new.co_number})
    except service.TransitionError as exc:
        messages.error(request, str(exc))
    return redirect("co-application", app.reference)


@login_required
def turnaround(request):
    if request.user.role == "business":
        raise PermissionDenied
    apps = Application.objects.visible_to(request.user)
    if request.user.role == "statistician":  # the figures are aggregates: the province's, without any record
        apps = Application.objects.filter(province_id=request.user.province_id)
    try:
        months = int(request.GET.get("months", 12))
    except ValueError:
        months = 12
    months = months if months in PERIODS else 12
    since = timezone.now() - datetime.timedelta(days=round(30.44 * months)) if months else None
    province = None if request.user.is_national else request.user.province_id
    return render(request, "codesk/turnaround.html", {"figures": figures(apps, province, since), "months": months,
                                                      "periods": PERIODS})


PERIODS = {3: gettext_lazy("the last 3 months"), 12: gettext_lazy("the last 12 months"),
           36: gettext_lazy("the last 3 years"), 0: gettext_lazy("all time")}
