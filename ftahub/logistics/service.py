"""Facilities, consignments with their timeline, border crossings, and the province's logistics figures."""

import datetime
import json
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from ftahub.common.problems import Problem
from ftahub.common.tables import TableError, read_rows
from ftahub.common.text import fold

from . import figures, timeline
from .models import Consignment, Crossing, CrossingDay, Facility, LegDay

FACILITY_COLUMNS = ["kind", "name", "name_en", "operator", "gln", "province", "address", "latitude", "longitude",
                    "pallets", "cubic_metres", "teu", "trucks_per_day", "temperature_min", "temperature_max",
                    "services", "certifications"]
CROSSING_COLUMNS = ["gate_gln", "direction", "vehicle", "arrived_at", "cleared_at", "exited_at", "chapter", "goods",
                    "weight_kg", "external_id"]


def problem_words() -> dict:
    from django.utils.translation import gettext_lazy as _

    return {
        "logistics.no_header": _("The header row lacks a column: %(missing)s."),
        "logistics.bad_kind": _("%(value)s is not a kind of facility (%(kinds)s)."),
        "logistics.bad_province": _("%(value)s is not a current province code."),
        "logistics.bad_number": _("The column %(field)s holds %(value)s, which is not a number."),
        "logistics.bad_value": _("The column %(field)s: %(detail)s"),
        "logistics.bad_gate": _("No border gate has the GLN %(value)s."),
        "logistics.bad_time": _("%(value)s is not a date and time (2026-06-01T08:30+07:00)."),
        "logistics.bad_direction": _("%(value)s is not a direction (export or import)."),
        "logistics.bad_order": _("The exit is before the arrival."),
        "logistics.bad_json": _("The file is not a JSON list of crossings."),
    }


# -- facilities ------------------------------------------------------------------------------------------------------

def directory(q: str = "", kind: str = "", province: int | None = None, cold: bool = False):
    rows = Facility.objects.select_related("province")
    if kind:
        rows = rows.filter(kind=kind)
    if province:
        rows = rows.filter(province__code=province, province__era="2025")
    if cold:
        rows = rows.filter(Q(kind=Facility.Kind.COLD_STORE) | Q(temperature_max__isnull=False))
    if q:
        words = fold(q).split()
        found = []
        for f in rows:
            text = fold(" ".join([f.name, f.name_en, f.operator, f.address, f.services, f.province.name, f.gln]))
            if all(w in text for w in words):
                found.append(f)
        return found
    return list(rows)


def map_links(facility: Facility) -> dict[str, str]:
    """Links that open the coordinates in a map application (the hub draws no map: no tile server is reachable)."""
    if facility.latitude is None:
        return {}
    lat, lon = facility.latitude, facility.longitude
    return {"geo": f"geo:{lat},{lon}", "osm": f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=15/{lat}/{lon}"}


def export_facilities(rows) -> tuple[list[str], list[list]]:
    return FACILITY_COLUMNS, [[getattr(f, c) if c != "province" else f.province.code for c in FACILITY_COLUMNS]
                              for f in rows]


def _cell(row: list, columns: dict[str, int], name: str) -> str:
    i = columns.get(name)
    value = row[i] if i is not None and i < len(row) else None
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def import_facilities(filename: str, data: bytes, user, enterprise=None) -> tuple[int, int, list[Problem]]:
    """Create or update facilities from a table with the export's columns (matched by GLN, else by name and
    province). Lines with a problem are left out and reported. Returns (created, updated, problems)."""
    from django.core.exceptions import ValidationError

    from ftahub.places.models import Province

    try:
        table = read_rows(filename, data)
    except TableError as exc:
        return 0, 0, [Problem.of(f"table.{exc.code}", detail=str(exc))]
    if not table:
        return 0, 0, [Problem.of("logistics.no_header", missing="kind, name, province")]
    columns = {str(c or "").strip().lower(): i for i, c in enumerate(table[0])}
    missing = [c for c in ("kind", "name", "province") if c not in columns]
    if missing:
        return 0, 0, [Problem.of("logistics.no_header", missing=", ".join(missing))]
    provinces = {p.code: p for p in Province.objects.filter(era="2025")}
    created = updated = 0
    found: list[Problem] = []
    numbers = {"latitude", "longitude", "pallets", "cubic_metres", "teu", "trucks_per_day", "temperature_min",
               "temperature_max"}
    for number, row in enumerate(table[1:], start=2):
        if not any(str(c or "").strip() for c in row):
            continue
        values = {c: _cell(row, columns, c) for c in FACILITY_COLUMNS if c in columns}
        before = len(found)
        if values["kind"] not in Facility.Kind.values:
            found.append(Problem.of("logistics.bad_kind", number, value=values["kind"],
                                    kinds=", ".join(Facility.Kind.values)))
        province = provinces.get(int(values["province"])) if values["province"].isdigit() else None
        if province is None:
            found.append(Problem.of("logistics.bad_province", number, value=values["province"]))
        fields: dict = {}
        for name, text in values.items():
            if name in ("province",):
                continue
            if name in numbers:
                if not text:
                    fields[name] = None
                    continue
                try:
                    fields[name] = Decimal(text.replace(",", ".")) if name in {
                        "latitude", "longitude", "temperature_min", "temperature_max"} else int(text)
                except (InvalidOperation, ValueError):
                    found.append(Problem.of("logistics.bad_number", number, field=name, value=text))
            else:
                fields[name] = text
        if len(found) > before:
            continue
        match = Facility.objects.filter(gln=fields["gln"]) if fields.get("gln") else Facility.objects.filter(
            name=fields["name"], province=province)
        if enterprise is not None:
            match = match.filter(enterprise=enterprise)
        facility = match.first() or Facility(enterprise=enterprise)
        is_new = facility.pk is None
        for name, value in fields.items():
            setattr(facility, name, value)
        facility.province = province
        try:
            facility.full_clean(exclude=["enterprise", "verified_by"])
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                found.append(Problem.of("logistics.bad_value", number, field=field, detail=" ".join(messages)))
            continue
        if not is_new and facility.verified_at:
            facility.verified_at, facility.verified_by = None, None  # changed: to be verified again
        facility.save()
        created += is_new
        updated += not is_new
    return created, updated, found


def verify(facility: Facility, officer) -> None:
    facility.verified_by, facility.verified_at = officer, timezone.now()
    facility.save(update_fields=["verified_by", "verified_at"])


# -- consignments ----------------------------------------------------------------------------------------------------

def consignment_timeline(consignment: Consignment) -> list[timeline.Step]:
    from ftahub.trace import epcis
    from ftahub.trace.models import Alert, Event

    legs = [{"position": leg.position, "mode": leg.mode, "origin": leg.origin.name,
             "destination": leg.destination.name, "planned_departure": leg.planned_departure,
             "planned_arrival": leg.planned_arrival, "departed_at": leg.departed_at, "arrived_at": leg.arrived_at}
            for leg in consignment.legs.select_related("origin", "destination")]
    keys = [epcis.key(lot) for lot in consignment.lot_list]
    events, alerts = [], []
    if keys:
        places = {f"414/{f.gln}": f.name for f in Facility.objects.exclude(gln="")}
        found = Event.objects.filter(identifiers__key__in=keys, enterprise=consignment.enterprise).distinct() \
            .prefetch_related("readings").order_by("event_time")
        for e in found:
            events.append({"time": e.event_time, "biz_step": e.biz_step, "disposition": e.disposition,
                           "type": e.type, "location": places.get(e.biz_location or e.read_point, ""),
                           "readings": [{"type": r.type, "value": r.value, "uom": r.uom} for r in e.readings.all()]})
        for a in Alert.objects.filter(event__in=found).select_related("reading", "threshold", "event"):
            alerts.append({"time": a.reading.time or a.event.event_time, "type": a.reading.type,
                           "value": a.reading.value, "uom": a.reading.uom, "minimum": a.threshold.minimum,
                           "maximum": a.threshold.maximum})
    return timeline.build(legs, events, alerts)


def next_position(consignment: Consignment) -> int:
    return (consignment.legs.order_by("-position").values_list("position", flat=True).first() or 0) + 1


def for_certificate(co_number: str) -> str | None:
    """The public tracking address of the consignment a C/O covers, when the C/O's own exporter recorded it and lets
    the public verification show it (another enterprise naming that C/O on its consignment shows nothing)."""
    from django.urls import reverse

    from ftahub.certificates.models import IssuedCertificate

    cert = IssuedCertificate.objects.filter(co_number=co_number).first()
    if cert is None:
        return None
    consignment = Consignment.objects.filter(co_number=co_number, enterprise_id=cert.enterprise_id,
                                             show_on_verification=True).first()
    return reverse("logistics-track", args=[consignment.token]) if consignment else None


# -- border crossings ------------------------------------------------------------------------------------------------

def _time(text: str) -> datetime.datetime | None:
    if not text:
        return None
    value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def import_crossings(filename: str, data: bytes, source: str, gate: Facility | None = None) -> tuple[int, list[Problem]]:
    """Crossings from a gate's system: CSV/XLSX with CROSSING_COLUMNS, or JSON (a list of objects with the same
    keys). A record already imported (same gate and external_id) is updated, never doubled."""
    if filename.lower().endswith(".json"):
        try:
            items = json.loads(data.decode("utf-8-sig"))
            assert isinstance(items, list) and all(isinstance(x, dict) for x in items)
        except (ValueError, AssertionError):
            return 0, [Problem.of("logistics.bad_json")]
        rows = [{k: "" if x.get(k) is None else str(x.get(k)) for k in CROSSING_COLUMNS} for x in items]
        numbered = list(enumerate(rows, start=1))
    else:
        try:
            table = read_rows(filename, data)
        except TableError as exc:
            return 0, [Problem.of(f"table.{exc.code}", detail=str(exc))]
        columns = {str(c or "").strip().lower(): i for i, c in enumerate(table[0])} if table else {}
        needed = ["direction", "vehicle", "arrived_at"] + ([] if gate else ["gate_gln"])
        missing = [c for c in needed if c not in columns]
        if missing:
            return 0, [Problem.of("logistics.no_header", missing=", ".join(missing))]
        numbered = [(n, {c: _cell(r, columns, c) for c in CROSSING_COLUMNS})
                    for n, r in enumerate(table[1:], start=2) if any(str(x or "").strip() for x in r)]
    gates = {f.gln: f for f in Facility.objects.filter(kind=Facility.Kind.GATE).exclude(gln="")}
    found: list[Problem] = []
    saved = 0
    touched: set = set()
    before_days: set = set()  # a re-imported crossing may have moved to another day
    with transaction.atomic():
        for number, row in numbered:
            before = len(found)
            this_gate = gate or gates.get(row["gate_gln"])
            if this_gate is None:
                found.append(Problem.of("logistics.bad_gate", number, value=row["gate_gln"]))
            if row["direction"] not in Crossing.Direction.values:
                found.append(Problem.of("logistics.bad_direction", number, value=row["direction"]))
            times = {}
            for name in ("arrived_at", "cleared_at", "exited_at"):
                try:
                    times[name] = _time(row[name])
                except ValueError:
                    found.append(Problem.of("logistics.bad_time", number, value=row[name]))
            if times.get("arrived_at") is None and "arrived_at" in times:
                found.append(Problem.of("logistics.bad_time", number, value=row["arrived_at"]))
            if times.get("arrived_at") and times.get("exited_at") and times["exited_at"] < times["arrived_at"]:
                found.append(Problem.of("logistics.bad_order", number))
            weight = None
            if row["weight_kg"]:
                try:
                    weight = Decimal(row["weight_kg"].replace(",", "."))
                except InvalidOperation:
                    found.append(Problem.of("logistics.bad_number", number, field="weight_kg", value=row["weight_kg"]))
            if len(found) > before:
                continue
            fields = {"direction": row["direction"], "vehicle": row["vehicle"][:30], **times,
                      "chapter": row["chapter"][:2], "goods": row["goods"][:200], "weight_kg": weight,
                      "source": source[:100]}
            if row["external_id"]:
                crossing = Crossing.objects.filter(gate=this_gate, external_id=row["external_id"]).first() \
                    or Crossing(gate=this_gate, external_id=row["external_id"])
                if crossing.pk:
                    before_days.add((this_gate.pk, crossing.arrived_on))
            else:
                crossing = Crossing(gate=this_gate)
            for name, value in fields.items():
                setattr(crossing, name, value)
            crossing.save()
            touched.add((this_gate.pk, crossing.arrived_on))
            saved += 1
        from .rollup import refresh_crossings

        refresh_crossings(touched | before_days)
    return saved, found


def gate_dashboard(since: datetime.date, until: datetime.date, gates: list[int] | None = None) -> dict:
    """Vehicles a day, median and p90 waiting (arrival to exit), goods by chapter, by gate and month, read from the
    gates' daily sums (``rollup``): a few thousand rows whatever the number of crossings; percentiles from the
    merged histograms of waiting minutes, the same on SQLite and PostgreSQL."""
    days_rows = CrossingDay.objects.filter(day__gte=since, day__lte=until)
    if gates:
        days_rows = days_rows.filter(gate_id__in=gates)
    days = max(1, (until - since).days + 1)
    per_gate: dict[int, int] = defaultdict(int)
    kg: dict[int, float] = defaultdict(float)
    daily: dict[datetime.date, int] = defaultdict(int)
    monthly: dict[tuple[datetime.date, int], int] = defaultdict(int)
    histograms: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    everyone: dict[int, int] = defaultdict(int)
    chapters: dict[str, list] = defaultdict(lambda: [0, 0.0])
    demo = False
    for g, day, n, weight, waits, by_chapter, is_demo in days_rows.values_list(
            "gate", "day", "vehicles", "kg", "waits", "chapters", "demo"):
        per_gate[g] += n
        kg[g] += float(weight)
        daily[day] += n
        monthly[(day.replace(day=1), g)] += n
        demo = demo or is_demo
        for minutes, count in waits.items():
            histograms[g][int(minutes)] += count
            everyone[int(minutes)] += count
        for chapter, (count, w) in by_chapter.items():
            chapters[chapter][0] += count
            chapters[chapter][1] += w
    names = {f.pk: f for f in Facility.objects.filter(pk__in=per_gate)}
    by_gate = []
    for g, n in sorted(per_gate.items(), key=lambda x: -x[1]):
        facility = names[g]
        by_gate.append({"gate": facility, "vehicles": n, "per_day": n / days,
                        "median": figures.percentile(histograms[g].items(), 0.5),
                        "p90": figures.percentile(histograms[g].items(), 0.9),
                        "utilisation": figures.utilisation(n / days, facility.trucks_per_day), "tonnes": kg[g] / 1000})
    total = sum(per_gate.values())
    return {"since": since, "until": until, "days": days, "vehicles": total, "per_day": total / days,
            "median": figures.percentile(everyone.items(), 0.5), "p90": figures.percentile(everyone.items(), 0.9),
            "by_gate": by_gate, "daily": [{"day": d, "n": n} for d, n in sorted(daily.items())],
            "monthly": [{"month": m, "gate": g, "name": names[g].name, "n": n} for (m, g), n in sorted(monthly.items())],
            "chapters": [{"chapter": c, "n": v[0], "kg": v[1]} for c, v in sorted(chapters.items(),
                                                                                   key=lambda x: -x[1][0])[:15]],
            "demo": demo}


# -- the province's figures ------------------------------------------------------------------------------------------

def province_figures(province, year: int) -> dict:
    """The year's figures of a province (None: every province): legs by mode and by the kind of facility they
    reach, on-time legs, cold-chain breaches per 1,000 readings, waiting at its gates, declared capacity. Grouped in
    the database by local day (no per-row date functions)."""
    from ftahub.trace.models import Alert, SensorReading

    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    end = timezone.make_aware(datetime.datetime(year + 1, 1, 1))
    legs = LegDay.objects.filter(day__gte=first, day__lte=last)
    readings = SensorReading.objects.filter(event__event_time__gte=start, event__event_time__lt=end)
    alerts = Alert.objects.filter(created_at__gte=start, created_at__lt=end)
    facilities = Facility.objects.all()
    crossings = CrossingDay.objects.filter(day__gte=first, day__lte=last)
    if province is not None:
        legs = legs.filter(province=province)
        readings = readings.filter(event__province=province)
        alerts = alerts.filter(province=province)
        facilities = facilities.filter(province=province)
        crossings = crossings.filter(gate__province=province)
    by_mode: dict[str, int] = defaultdict(int)
    by_kind: dict[str, int] = defaultdict(int)
    monthly: dict[str, list[int]] = defaultdict(lambda: [0] * 12)
    n_timed = on_time = 0
    demo = False
    for mode, kind, day, n, timed, punctual, is_demo in legs.values_list(
            "mode", "destination_kind", "day", "legs", "timed", "on_time", "demo"):
        by_mode[mode] += n
        by_kind[kind] += n
        monthly[mode][day.month - 1] += n
        n_timed += timed
        on_time += punctual
        demo = demo or is_demo
    histogram: dict[int, int] = defaultdict(int)
    n_crossings = 0
    for n, waits, is_demo in crossings.values_list("vehicles", "waits", "demo"):
        n_crossings += n
        demo = demo or is_demo
        for minutes, count in waits.items():
            histogram[int(minutes)] += count
    n_readings, n_alerts = readings.count(), alerts.count()
    capacity = facilities.aggregate(pallets=Sum("pallets"), m3=Sum("cubic_metres"), teu=Sum("teu"),
                                    trucks=Sum("trucks_per_day"))
    return {
        "year": year, "legs": sum(by_mode.values()), "by_mode": dict(by_mode), "by_kind": dict(by_kind),
        "timed_legs": n_timed, "on_time": on_time, "on_time_share": figures.share(on_time, n_timed),
        "readings": n_readings, "breaches": n_alerts, "breaches_per_1000": figures.per_thousand(n_alerts, n_readings),
        "crossings": n_crossings,
        "wait_median": figures.percentile(histogram.items(), 0.5), "wait_p90": figures.percentile(histogram.items(), 0.9),
        "facilities": dict(facilities.values_list("kind").annotate(n=Count("id")).order_by()),
        "capacity": capacity, "monthly_by_mode": dict(monthly), "demo": demo,
    }


def national_export(year: int) -> dict:
    """The documented JSON for the national portal (docs/logistics-export.md): one object per province."""
    from ftahub.places.models import Province

    out = []
    for province in Province.objects.filter(era="2025").order_by("code"):
        f = province_figures(province, year)
        if not (f["legs"] or f["crossings"] or f["readings"] or sum(f["facilities"].values())):
            continue
        out.append({"province": province.code, "name": province.name, "legs": f["legs"], "legs_by_mode": f["by_mode"],
                    "legs_on_time_share": f["on_time_share"], "cold_chain_readings": f["readings"],
                    "cold_chain_breaches_per_1000": f["breaches_per_1000"], "gate_crossings": f["crossings"],
                    "gate_wait_minutes_median": f["wait_median"], "gate_wait_minutes_p90": f["wait_p90"],
                    "facilities_by_kind": f["facilities"],
                    "capacity": {k: v for k, v in f["capacity"].items()}, "includes_demo": f["demo"]})
    return {"format": "ftahub-logistics/1", "year": year, "generated_at": timezone.now().isoformat(),
            "provinces": out}
