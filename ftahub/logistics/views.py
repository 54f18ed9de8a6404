"""Smart logistics pages: the public facilities directory, an exporter's consignments with their timeline and public
tracking page, border-gate crossings and dashboard, the province's logistics figures and annual report."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ftahub.accounts.models import OFFICER_ROLES
from ftahub.core.exports import download
from ftahub.places.models import Province

from . import service
from .forms import ConsignmentForm, CrossingUploadForm, FacilityForm, LegForm, UploadForm
from .models import Consignment, Facility, Leg

# the chart's colours; hub.css gives the legend's swatches the same (.swatch.mode-<code>)
MODE_COLOURS = {"road": "#1f6feb", "sea": "#0a7f5a", "rail": "#b35900", "river": "#7a3fb0", "air": "#c0392b"}


def _staff(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role != "business")


def _officer(user) -> bool:
    return user.is_authenticated and user.has_role(OFFICER_ROLES)


def _can_edit(user, facility: Facility) -> bool:
    return Facility.objects.editable_by(user).filter(pk=facility.pk).exists() or (
        _officer(user) and (user.is_national or facility.province_id == user.province_id))


# -- facilities ------------------------------------------------------------------------------------------------------

def facility_list(request):
    q, kind = request.GET.get("q", "").strip(), request.GET.get("kind", "")
    province = request.GET.get("province", "")
    rows = service.directory(q, kind if kind in Facility.Kind.values else "",
                             int(province) if province.isdigit() else None, request.GET.get("cold") == "1")
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        header, data = service.export_facilities(rows)
        return download(fmt, header, data, "facilities", _("Facilities"))
    for f in rows:
        f.links = service.map_links(f)
    return render(request, "logistics/facilities.html", {
        "facilities": rows, "q": q, "kind": kind, "kinds": Facility.Kind.choices, "province": province,
        "provinces": Province.objects.filter(era="2025").order_by("name"), "cold": request.GET.get("cold") == "1",
        "query": request.GET.urlencode(), "can_add": request.user.is_authenticated and (
            request.user.role == "business" or _officer(request.user))})


def facility_detail(request, pk: int):
    facility = get_object_or_404(Facility.objects.select_related("province", "verified_by"), pk=pk)
    return render(request, "logistics/facility.html", {
        "facility": facility, "links": service.map_links(facility), "can_edit": _can_edit(request.user, facility),
        "can_verify": _officer(request.user) and (request.user.is_national
                                                  or facility.province_id == request.user.province_id)})


@login_required
def facility_edit(request, pk: int | None = None):
    user = request.user
    facility = get_object_or_404(Facility, pk=pk) if pk else None
    if facility is not None and not _can_edit(user, facility):
        raise PermissionDenied
    if facility is None and not (user.role == "business" and user.enterprise_id or _officer(user)):
        raise PermissionDenied
    form = FacilityForm(request.POST or None, instance=facility,
                        initial={"province": user.province_id or (user.enterprise.province_id if user.enterprise_id
                                                                  else None)})
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if facility is None and user.role == "business":
            saved.enterprise = user.enterprise
        if facility is not None and form.changed_data:
            saved.verified_at, saved.verified_by = None, None  # changed: an officer verifies it again
        if _officer(user) and not user.is_national and saved.province_id != user.province_id:
            form.add_error("province", _("An officer records the facilities of their own province."))
        else:
            saved.save()
            messages.success(request, _("Facility saved."))
            return redirect("logistics-facility", saved.pk)
    return render(request, "logistics/edit.html", {"form": form, "title": facility.name if facility else
                                                   _("New facility"), "back": "logistics-facilities"})


@login_required
@require_POST
def facility_verify(request, pk: int):
    facility = get_object_or_404(Facility, pk=pk)
    if not (_officer(request.user) and (request.user.is_national or facility.province_id == request.user.province_id)):
        raise PermissionDenied
    service.verify(facility, request.user)
    messages.success(request, _("Facility verified."))
    return redirect("logistics-facility", facility.pk)


@login_required
def facility_import(request):
    user = request.user
    if not (user.role == "business" and user.enterprise_id or _officer(user)):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    found = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        created, updated, found = service.import_facilities(upload.name, upload.read(), user,
                                                            user.enterprise if user.role == "business" else None)
        messages.success(request, _("%(created)d facilities added, %(updated)d updated.") % {
            "created": created, "updated": updated})
        if not found:
            return redirect("logistics-facilities")
    return render(request, "logistics/facility_import.html", {"form": form, "problems": found,
                                                              "columns": service.FACILITY_COLUMNS})


# -- consignments ----------------------------------------------------------------------------------------------------

@login_required
def consignment_list(request):
    rows = Consignment.objects.visible_to(request.user).select_related("enterprise")[:200]
    return render(request, "logistics/consignments.html", {
        "consignments": rows, "can_add": request.user.role == "business" and request.user.enterprise_id})


@login_required
def consignment_edit(request, pk: int | None = None):
    user = request.user
    consignment = get_object_or_404(Consignment.objects.editable_by(user), pk=pk) if pk else None
    if consignment is None and not (user.role == "business" and user.enterprise_id):
        raise PermissionDenied
    form = ConsignmentForm(request.POST or None, instance=consignment)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if consignment is None:
            saved.enterprise, saved.province = user.enterprise, user.enterprise.province
            if Consignment.objects.filter(enterprise=saved.enterprise, reference=saved.reference).exists():
                form.add_error("reference", _("Another consignment of yours has this reference."))
        if not form.errors:
            saved.save()
            messages.success(request, _("Consignment saved."))
            return redirect("logistics-consignment", saved.pk)
    from ftahub.places.countries import datalist

    return render(request, "logistics/edit.html", {"form": form, "title": consignment.reference if consignment else
                                                   _("New consignment"), "back": "logistics-consignments",
                                                   "countries": datalist()})


def _timeline_context(consignment: Consignment) -> dict:
    return {"consignment": consignment, "steps": service.consignment_timeline(consignment),
            "legs": consignment.legs.select_related("origin", "destination"),
            "crossings": consignment.crossings.select_related("gate")}


@login_required
def consignment_detail(request, pk: int):
    consignment = get_object_or_404(Consignment.objects.visible_to(request.user).select_related("enterprise"), pk=pk)
    editable = Consignment.objects.editable_by(request.user).filter(pk=pk).exists()
    form = LegForm(request.POST or None) if editable else None
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if form.is_valid():
            leg = form.save(commit=False)
            leg.consignment, leg.province, leg.is_demo = consignment, consignment.province, consignment.is_demo
            leg.position = service.next_position(consignment)
            leg.save()
            messages.success(request, _("Leg added."))
            return redirect("logistics-consignment", pk)
    return render(request, "logistics/consignment.html", {
        **_timeline_context(consignment), "form": form, "editable": editable,
        "track_url": request.build_absolute_uri(f"/logistics/track/{consignment.token}/")})


@login_required
@require_POST
def leg_delete(request, pk: int, leg: int):
    consignment = get_object_or_404(Consignment.objects.editable_by(request.user), pk=pk)
    get_object_or_404(Leg, pk=leg, consignment=consignment).delete()
    messages.success(request, _("Leg removed."))
    return redirect("logistics-consignment", pk)


def track(request, token: str):
    consignment = get_object_or_404(Consignment.objects.select_related("enterprise"), token=token)
    return render(request, "logistics/track.html", _timeline_context(consignment))


# -- border gates and figures ----------------------------------------------------------------------------------------

def _period(request) -> tuple[datetime.date, datetime.date]:
    today = datetime.date.today()
    try:
        since = datetime.date.fromisoformat(request.GET.get("since", ""))
    except ValueError:
        since = today - datetime.timedelta(days=89)
    try:
        until = datetime.date.fromisoformat(request.GET.get("until", ""))
    except ValueError:
        until = today
    return (since, until) if since <= until else (until, since)


@login_required
def gates(request):
    if not _staff(request.user):
        raise PermissionDenied
    since, until = _period(request)
    chosen = [int(g) for g in request.GET.getlist("gate") if g.isdigit()]
    data = service.gate_dashboard(since, until, chosen or None)
    return render(request, "logistics/gates.html", {
        **data, "gates": Facility.objects.filter(kind=Facility.Kind.GATE).order_by("name"), "chosen": chosen,
        "chart": {"data": [{"type": "bar", "name": _("Vehicles a day"), "x": [str(d["day"]) for d in data["daily"]],
                            "y": [d["n"] for d in data["daily"]]}],
                  "layout": {"height": 280, "margin": {"l": 40, "r": 10, "t": 10, "b": 40},
                             "yaxis": {"rangemode": "tozero"}}},
        "can_import": _officer(request.user)})


@login_required
def crossing_import(request):
    if not _officer(request.user):
        raise PermissionDenied
    form = CrossingUploadForm(request.POST or None, request.FILES or None)
    found = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        saved, found = service.import_crossings(upload.name, upload.read(), form.cleaned_data["source"])
        messages.success(request, _("%(count)d crossings imported.") % {"count": saved})
        if not found:
            return redirect("logistics-gates")
    return render(request, "logistics/crossing_import.html", {"form": form, "problems": found,
                                                              "columns": service.CROSSING_COLUMNS})


@login_required
def report(request):
    user = request.user
    if not _staff(user):
        raise PermissionDenied
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = datetime.date.today().year
    if user.is_national:
        code = request.GET.get("province", "")
        province = Province.objects.filter(era="2025", code=int(code)).first() if code.isdigit() else None
    else:
        province = user.province
        if province is None:
            raise PermissionDenied
    data = service.province_figures(province, year)
    fmt = request.GET.get("format")
    if fmt == "json":
        if not user.is_national and not _officer(user):
            raise PermissionDenied
        return JsonResponse(service.national_export(year), json_dumps_params={"ensure_ascii": False})
    if fmt in ("xlsx", "csv"):
        from .report import rows

        header, data_rows = rows(data)
        return download(fmt, header, data_rows, f"logistics-{year}", _("Logistics %(year)d") % {"year": year})
    if fmt == "pdf":
        from .report import pdf

        return pdf(data, province)
    from .models import Leg
    from .report import lines

    modes = dict(Leg.Mode.choices)
    months = [str(m) for m in range(1, 13)]
    return render(request, "logistics/report.html", {
        "f": data, "province": province, "year": year, "national": user.is_national, "lines": lines(data),
        "provinces": Province.objects.filter(era="2025").order_by("name"),
        "legend": [(m, str(modes.get(m, m))) for m in sorted(data["monthly_by_mode"])],
        "chart": {"data": [{"type": "bar", "name": str(modes.get(m, m)), "x": months, "y": v,
                            "marker": {"color": MODE_COLOURS.get(m, "#888")}}
                           for m, v in sorted(data["monthly_by_mode"].items())],
                  # the legend is the page's own (a phone's width wraps Plotly's over the table below)
                  "layout": {"height": 300, "barmode": "stack", "showlegend": False,
                             "margin": {"l": 40, "r": 10, "t": 10, "b": 50},
                             "xaxis": {"type": "category", "title": {"text": _("Month")}},
                             "yaxis": {"rangemode": "tozero"}}}})

