"""Smart logistics in the API: the facilities directory, consignments and their timeline, the public tracking,
the gate dashboard, and crossings posted by a gate's system."""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.security import django_auth

from . import service
from .models import Consignment, Facility

router = Router(tags=["logistics"])


class FacilityOut(Schema):
    id: int
    kind: str
    name: str
    name_en: str
    operator: str
    gln: str
    province: int
    address: str
    latitude: float | None
    longitude: float | None
    pallets: int | None
    cubic_metres: int | None
    teu: int | None
    trucks_per_day: int | None
    temperature_min: float | None
    temperature_max: float | None
    services: str
    certifications: str
    verified: bool
    demo: bool


class StepOut(Schema):
    time: datetime.datetime
    kind: str  # leg_departed, leg_planned_departure, leg_arrived, leg_planned_arrival, event, alert
    values: dict[str, Any]


class ConsignmentOut(Schema):
    id: int
    reference: str
    goods: str
    hs_code: str
    destination: str
    co_number: str
    lots: list[str]
    tracking: str
    demo: bool


class TrackOut(Schema):
    reference: str
    goods: str
    exporter: str
    co_number: str
    timeline: list[StepOut]


class GateOut(Schema):
    gate: int
    name: str
    vehicles: int
    per_day: float
    median_wait_minutes: float | None
    p90_wait_minutes: float | None
    utilisation: float | None


class DashboardOut(Schema):
    since: datetime.date
    until: datetime.date
    vehicles: int
    per_day: float
    median_wait_minutes: float | None
    p90_wait_minutes: float | None
    gates: list[GateOut]
    demo: bool


class ImportOut(Schema):
    saved: int
    problems: list[str]


def _f(value) -> float | None:
    return None if value is None else float(value)


def _facility(f: Facility) -> dict:
    return {"id": f.pk, "kind": f.kind, "name": f.name, "name_en": f.name_en, "operator": f.operator, "gln": f.gln,
            "province": f.province.code, "address": f.address, "latitude": _f(f.latitude),
            "longitude": _f(f.longitude), "pallets": f.pallets, "cubic_metres": f.cubic_metres, "teu": f.teu,
            "trucks_per_day": f.trucks_per_day, "temperature_min": _f(f.temperature_min),
            "temperature_max": _f(f.temperature_max), "services": f.services, "certifications": f.certifications,
            "verified": f.verified_at is not None, "demo": f.is_demo}


def _steps(consignment: Consignment) -> list[dict]:
    return [{"time": s.time, "kind": s.kind, "values": s.values} for s in service.consignment_timeline(consignment)]


@router.get("/logistics/facilities", response=list[FacilityOut], summary="The facilities directory")
def facilities(request, q: str = "", kind: str = "", province: int | None = None, cold: bool = False):
    return [_facility(f) for f in service.directory(q, kind, province, cold)[:1000]]


@router.get("/logistics/facilities/{pk}", response=FacilityOut, summary="One facility")
def facility(request, pk: int):
    return _facility(get_object_or_404(Facility.objects.select_related("province"), pk=pk))


@router.get("/logistics/consignments", response=list[ConsignmentOut], auth=django_auth,
            summary="The consignments the caller may see (a business its own, officers their province's)")
def consignments(request):
    return [{"id": c.pk, "reference": c.reference, "goods": c.goods, "hs_code": c.hs_code,
             "destination": c.destination, "co_number": c.co_number, "lots": c.lot_list,
             "tracking": f"/logistics/track/{c.token}/", "demo": c.is_demo}
            for c in Consignment.objects.visible_to(request.user)[:500]]


@router.get("/logistics/consignments/{pk}/timeline", response=list[StepOut], auth=django_auth,
            summary="A consignment's timeline: legs and its lots' EPCIS events, in time order")
def consignment_timeline(request, pk: str):
    if not pk.isdigit():
        raise Http404("no such consignment")
    return _steps(get_object_or_404(Consignment.objects.visible_to(request.user), pk=int(pk)))


@router.get("/logistics/track/{token}", response=TrackOut, summary="The public tracking of a consignment by its link")
def track(request, token: str):
    c = get_object_or_404(Consignment.objects.select_related("enterprise"), token=token)
    return {"reference": c.reference, "goods": c.goods, "exporter": c.enterprise.name, "co_number": c.co_number,
            "timeline": _steps(c)}


@router.get("/logistics/gates", response=DashboardOut, auth=django_auth,
            summary="Border-gate dashboard: vehicles a day, median and p90 waiting, by gate (staff)")
def gates(request, since: datetime.date | None = None, until: datetime.date | None = None):
    if request.user.role == "business" and not request.user.is_superuser:
        raise PermissionDenied
    until = until or datetime.date.today()
    since = since or until - datetime.timedelta(days=89)
    d = service.gate_dashboard(since, until)
    return {"since": since, "until": until, "vehicles": d["vehicles"], "per_day": d["per_day"],
            "median_wait_minutes": d["median"], "p90_wait_minutes": d["p90"], "demo": d["demo"],
            "gates": [{"gate": g["gate"].pk, "name": g["gate"].name, "vehicles": g["vehicles"], "per_day": g["per_day"],
                       "median_wait_minutes": g["median"], "p90_wait_minutes": g["p90"],
                       "utilisation": g["utilisation"]} for g in d["by_gate"]]}


@router.post("/logistics/crossings", response=ImportOut, auth=django_auth,
             summary="Crossings from a gate's system (JSON list; officers): same gate and external_id updates")
def post_crossings(request, source: str = "API"):
    if not (request.user.is_superuser or request.user.is_officer):
        raise PermissionDenied
    saved, found = service.import_crossings("crossings.json", request.body, source)
    return {"saved": saved, "problems": [str(p) for p in found]}
