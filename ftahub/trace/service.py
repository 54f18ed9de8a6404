"""Capture, query and trace of EPCIS events; thresholds and alerts; the origin chain of a lot."""

import datetime
from collections import deque
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ftahub.core import bulk
from ftahub.transparency import ledger

from . import epcis
from .epcis import EpcisError
from .models import Alert, Event, EventObject, SensorReading, Threshold, TraceParty


def schema_path():
    return settings.FTAHUB_DATA_DIR / "epcis2" / "EPCIS-JSON-Schema.json"


@dataclass
class CaptureResult:
    captured: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    alerts: int = 0
    log_indices: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"captured": len(self.captured), "duplicates": len(self.duplicates), "event_ids": self.captured,
                "duplicate_event_ids": self.duplicates, "alerts": self.alerts, "log_indices": self.log_indices}


def _location_problems(event: dict, position: int, party: TraceParty) -> list[str]:
    problems = []
    for name in ("readPoint", "bizLocation"):
        identifier = (event.get(name) or {}).get("id")
        if not identifier:
            continue
        prefix = epcis.company_prefix_of(identifier)
        gln = epcis.gln_digits(identifier) if prefix is None else None
        owned = (prefix is not None and prefix in party.prefixes) or \
                (gln is not None and any(gln.startswith(p) for p in party.prefixes))
        if (prefix is not None or gln is not None) and not owned:
            problems.append(f"/epcisBody/eventList/{position}/{name}: {identifier} is not a location of "
                            f"{party.enterprise.name} (GS1 prefixes {party.gs1_prefixes}); capture with the "
                            "credentials of the business that owns it")
    return problems


def _thresholds_for(keys: list[str]) -> list[Threshold]:
    gtins = {k.split("/")[1] for k in keys if k.startswith("01/")}
    if not gtins:
        return []
    candidates = Threshold.objects.filter(gtin__in={g.lstrip("0") for g in gtins} | gtins)
    return [t for t in candidates if t.gtin.zfill(14) in gtins]


def _breach(threshold: Threshold, reading: epcis.Reading) -> str | None:
    if reading.type.lower() != threshold.type.lower() or (reading.uom and reading.uom != threshold.uom):
        return None
    values = [v for v in (reading.value, reading.min_value, reading.max_value) if isinstance(v, (int, float))]
    low, high = min(values, default=None), max(values, default=None)
    if threshold.minimum is not None and low is not None and low < threshold.minimum:
        return f"{threshold.product}: {reading.type} {low:g} {threshold.uom} below {threshold.minimum:g}"
    if threshold.maximum is not None and high is not None and high > threshold.maximum:
        return f"{threshold.product}: {reading.type} {high:g} {threshold.uom} above {threshold.maximum:g}"
    return None


def capture(document, party: TraceParty, captured_by: str = "", is_demo: bool = False) -> CaptureResult:
    """Validate the whole document, then store every new event (idempotent by eventID) and log it. Raises
    EpcisError with every problem if anything is wrong; then nothing is stored."""
    problems = epcis.validate(document, schema_path())
    if problems:
        raise EpcisError(problems)
    events = epcis.events_of(document)
    prepared, seen = [], {}
    for position, event in enumerate(events):
        problems += _location_problems(event, position, party)
        digest = epcis.canonical_hash(event)
        eid = epcis.event_id(event, digest)
        if eid in seen and seen[eid] != digest:
            problems.append(f"/epcisBody/eventList/{position}/eventID: {eid} appears twice with different content")
        seen[eid] = digest
        prepared.append((event, eid, digest))
    existing = dict(Event.objects.filter(event_id__in=list(seen)).values_list("event_id", "canonical_hash"))
    for position, (_event, eid, digest) in enumerate(prepared):
        if eid in existing and existing[eid] != digest:
            problems.append(f"/epcisBody/eventList/{position}/eventID: {eid} was captured before with different "
                            "content; an EPCIS event is never changed (declare an error and capture a correction)")
    if problems:
        raise EpcisError(problems)

    result = CaptureResult()
    enterprise, province = party.enterprise, party.province
    now = timezone.now()
    captured = now.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    fresh, statements, done = [], [], set(existing)
    for event, eid, digest in prepared:
        if eid in done:
            result.duplicates.append(eid)
            continue
        done.add(eid)
        summary = epcis.summarise(event)
        # each named object's key once: for the thresholds, the trace index and the range checks
        fresh.append((event, eid, digest, summary, [epcis.key(i) for _, i in summary.objects]))
        statements.append({"kind": "epcis-event", "ref": eid, "sha256": digest,
                           "canonicalisation": epcis.CANONICAL_VERSION, "province": province.code,
                           "captured": captured})
        result.captured.append(eid)
    if not fresh:
        return result
    thresholds = _thresholds_for([k for *_, summary, keys in fresh if summary.readings for k in keys])
    with transaction.atomic():
        entries = ledger.append_many(statements)
        result.log_indices = [entry.index for entry in entries]
        bulk.insert_rows(Event, EVENT_COLUMNS, (
            (eid, event["type"], epcis.parse_time(event["eventTime"]), event.get("eventTimeZoneOffset", ""),
             event.get("action", ""), summary.biz_step, summary.disposition,
             epcis.key(summary.read_point) if summary.read_point else "",
             epcis.key(summary.biz_location) if summary.biz_location else "",
             event, digest, now, enterprise.pk, province.pk, captured_by[:150], entry.index, is_demo)
            for (event, eid, digest, summary, _), entry in zip(fresh, entries, strict=True)))
        pks = _pks_of([eid for _, eid, *_ in fresh])
        bulk.insert_rows(EventObject, ["event_id", "role", "key", "identifier"], (
            (pks[eid], role, key[:300], i[:300])
            for _, eid, _, summary, keys in fresh for (role, i), key in zip(summary.objects, keys, strict=True)))
        bulk.insert_rows(SensorReading, ["event_id", "type", "value", "uom", "time", "device"], (
            (pks[eid], r.type[:60], r.value, r.uom[:10],
             epcis.parse_time(r.time) if r.time else epcis.parse_time(event["eventTime"]), r.device[:200])
            for event, eid, _, summary, _ in fresh for r in summary.readings))
        breaches = _breaches(fresh, thresholds)
        if breaches:
            readings: dict[int, list[int]] = {}
            for event_pk, reading_pk in SensorReading.objects.filter(
                    event_id__in={pks[eid] for eid, _, _, _ in breaches}).order_by("id").values_list("event_id", "id"):
                readings.setdefault(event_pk, []).append(reading_pk)
            Alert.objects.bulk_create([
                Alert(enterprise_id=threshold.enterprise_id, province_id=threshold.province_id, event_id=pks[eid],
                      reading_id=readings[pks[eid]][position], threshold=threshold, message=message[:300])
                for eid, position, threshold, message in breaches])
        result.alerts = len(breaches)
    return result


EVENT_COLUMNS = ["event_id", "type", "event_time", "time_zone_offset", "action", "biz_step", "disposition",
                 "read_point", "biz_location", "body", "canonical_hash", "record_time", "enterprise_id",
                 "province_id", "captured_by", "log_index", "is_demo"]


def _pks_of(event_ids: list[str]) -> dict[str, int]:
    """The primary keys of events just written, by event id (one query per 5,000)."""
    found: dict[str, int] = {}
    for start in range(0, len(event_ids), 5000):
        found.update(Event.objects.filter(event_id__in=event_ids[start:start + 5000]).values_list("event_id", "pk"))
    return found


def _breaches(fresh, thresholds: list[Threshold]) -> list[tuple[str, int, Threshold, str]]:
    """(event id, position of the reading in its event, threshold, message) for every reading out of range, in one
    pass over the document."""
    by_gtin: dict[str, list[Threshold]] = {}
    for threshold in thresholds:
        by_gtin.setdefault(threshold.gtin.zfill(14), []).append(threshold)
    found = []
    for _, eid, _, summary, keys in fresh:
        if not summary.readings:
            continue
        gtins = {k.split("/")[1] for k in keys if k.startswith("01/")}
        applying = [t for g in sorted(gtins) for t in by_gtin.get(g, [])]
        for position, reading in enumerate(summary.readings):
            for threshold in applying:
                message = _breach(threshold, reading)
                if message:
                    found.append((eid, position, threshold, message))
    return found


# -- query ---------------------------------------------------------------------------------------------------------

def query(events, *, epc: str | None = None, biz_step: str | None = None, disposition: str | None = None,
          location: str | None = None, event_type: str | None = None, since=None, until=None, limit: int = 100):
    """EPCIS-style query over the events given (already limited to what the asker may see)."""
    if epc:
        events = events.filter(identifiers__key=epcis.key(epc))
    if biz_step:
        events = events.filter(biz_step=epcis._short(biz_step))
    if disposition:
        events = events.filter(disposition=epcis._short(disposition))
    if location:
        k = epcis.key(location)
        events = events.filter(Q(read_point=k) | Q(biz_location=k))
    if event_type:
        events = events.filter(type=event_type)
    if since:
        events = events.filter(event_time__gte=since)
    if until:
        events = events.filter(event_time__lt=until)
    return events.distinct().order_by("event_time", "id")[:max(1, min(limit, 1000))]


def query_document(events) -> dict:
    """An EPCISQueryDocument holding the events as captured."""
    return {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
            "type": "EPCISQueryDocument", "schemaVersion": "2.0",
            "creationDate": timezone.now().astimezone(datetime.UTC).isoformat().replace("+00:00", "Z"),
            "epcisBody": {"queryResults": {"queryName": "SimpleEventQuery",
                                           "resultsBody": {"eventList": [e.body for e in events]}}}}


def export_document(events) -> dict:
    """An EPCISDocument (for capture by another system) holding the events as captured."""
    return {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
            "type": "EPCISDocument", "schemaVersion": "2.0",
            "creationDate": timezone.now().astimezone(datetime.UTC).isoformat().replace("+00:00", "Z"),
            "epcisBody": {"eventList": [e.body for e in events]}}


# -- trace -------------------------------------------------------------------------------------------------------

# how a key leads to others, per direction: (role of the key in the event, role of the keys it leads to)
STEPS = {"back": [("output", "input"), ("parent", "child")],
         "forward": [("input", "output"), ("child", "parent")]}


@dataclass
class Trace:
    start: str
    direction: str
    nodes: dict[str, int] = field(default_factory=dict)  # key -> depth
    edges: list[tuple[str, str, int]] = field(default_factory=list)  # (from, to, event pk)
    events: dict[str, list[int]] = field(default_factory=dict)  # key -> pks of events naming it
    truncated: bool = False


def trace(start: str, direction: str, events, max_nodes: int = 300, max_depth: int = 12) -> Trace:
    """Follow transformations (output ← input) and aggregations (parent ← child) from ``start``. ``events`` limits
    which events are followed (what the asker may see)."""
    if direction not in STEPS:
        raise ValueError("direction is 'forward' or 'back'")
    root = epcis.key(start)
    result = Trace(root, direction, {root: 0})
    visible = events.values("pk")
    queue = deque([root])
    while queue:
        current = queue.popleft()
        depth = result.nodes[current]
        rows = EventObject.objects.filter(key=current, event__in=visible).values_list("event_id", "role")
        result.events[current] = sorted({pk for pk, _ in rows})
        if depth >= max_depth:
            continue
        for pk, role in rows:
            for from_role, to_role in STEPS[direction]:
                if role != from_role:
                    continue
                for other in EventObject.objects.filter(event_id=pk, role=to_role).values_list("key", flat=True):
                    result.edges.append((current, other, pk))
                    if other not in result.nodes:
                        if len(result.nodes) >= max_nodes:
                            result.truncated = True
                            continue
                        result.nodes[other] = depth + 1
                        queue.append(other)
    return result
