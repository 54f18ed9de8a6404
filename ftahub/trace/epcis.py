"""GS1 EPCIS 2.0 documents: validation against the standard's JSON schema, the canonical form and hash of an event,
identifiers in one key space (EPC URNs and GS1 Digital Link URIs), and what an event says about objects and sensors.

The schema is GS1's own (``EPCIS-JSON-Schema.json`` from the gs1/EPCIS repository, in the data directory's
``epcis2/``; see SOURCES.md). Plain Python: no Django.

Canonical form of an event (version ``ftahub-jcs-1``): the event object without ``eventID`` and ``recordTime``
(which the capturing system sets), serialised as RFC 8785 JSON Canonicalization Scheme: object keys sorted by UTF-16
code units, no insignificant whitespace, strings as JSON with only the required escapes, numbers in the shortest
ECMAScript form. Its SHA-256 is the event's hash on the transparency log; an event captured without an ``eventID``
is given ``ni:///sha-256;<hash>?ver=ftahub-jcs-1`` (so capturing it again is idempotent).
"""

import datetime
import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ftahub.transparency.canonical import canonical_json

EVENT_TYPES = ("ObjectEvent", "AggregationEvent", "TransactionEvent", "TransformationEvent", "AssociationEvent")
CANONICAL_VERSION = "ftahub-jcs-1"
MAX_EVENTS = 10_000


class EpcisError(ValueError):
    """The document is not valid EPCIS 2.0; ``problems`` lists each, with where it is."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:5]))
        self.problems = problems


# -- schema --------------------------------------------------------------------------------------------------------

@cache
def _validator(schema_path: str) -> Any:
    """GS1's schema compiled by jsonschema-rs (draft 7). Formats are not asserted, as draft 7 allows and as the
    Python reference validator does without its optional format packages: GS1's own examples use JSON-LD blank-node
    ids such as ``_:document1`` where the schema says ``format: uri``. Times are checked separately below."""
    import jsonschema_rs

    schema = json.loads(Path(schema_path).read_text(encoding="utf-8"))
    return jsonschema_rs.Draft7Validator(schema, validate_formats=False)


def _where(path: Iterable[object]) -> str:
    return "/" + "/".join(str(p) for p in path)


TIME_FIELDS = ("eventTime", "recordTime")


def validate(document: object, schema_path: Path) -> list[str]:
    """Every problem with the document, as 'where: what' lines (empty when valid)."""
    if not isinstance(document, dict):
        return ["/: an EPCIS document is a JSON object"]
    problems = []
    if document.get("type") != "EPCISDocument":
        problems.append("/type: must be 'EPCISDocument' for capture")
    body = document.get("epcisBody")
    events = body.get("eventList") if isinstance(body, dict) else None
    if isinstance(events, list) and len(events) > MAX_EVENTS:
        return [f"/epcisBody/eventList: more than {MAX_EVENTS} events in one document; send several documents"]
    errors = sorted(_validator(str(schema_path)).iter_errors(document), key=lambda e: [str(p) for p in
                                                                                      e.instance_path])
    for error in errors[:50]:
        message = error.message if len(error.message) < 300 else error.message[:300] + "…"
        problems.append(f"{_where(error.instance_path)}: {message}")
    if len(errors) > 50:
        problems.append(f"… and {len(errors) - 50} more")
    for position, event in enumerate(events if isinstance(events, list) else []):
        for name in TIME_FIELDS:
            value = event.get(name) if isinstance(event, dict) else None
            if isinstance(value, str):
                try:
                    parsed = parse_time(value)
                except ValueError:
                    parsed = None
                if parsed is None or parsed.tzinfo is None:
                    problems.append(f"/epcisBody/eventList/{position}/{name}: {value!r} is not a date-time with a "
                                    "time zone (RFC 3339)")
    return problems


def events_of(document: dict[str, Any]) -> list[dict[str, Any]]:
    return list(document["epcisBody"]["eventList"])


def canonical_hash(event: dict[str, Any]) -> str:
    body = {k: v for k, v in event.items() if k not in ("eventID", "recordTime")}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def event_id(event: dict[str, Any], digest: str | None = None) -> str:
    """The event's own ``eventID``, or one made from its hash (``digest`` when already computed)."""
    return event.get("eventID") or f"ni:///sha-256;{digest or canonical_hash(event)}?ver={CANONICAL_VERSION}"


# -- identifiers -------------------------------------------------------------------------------------------------

def gs1_check_digit(digits: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def gtin14(company_prefix: str, item_reference: str) -> str:
    """GTIN-14 from an SGTIN's company prefix and item reference (whose first digit is the indicator)."""
    body = item_reference[:1] + company_prefix + item_reference[1:]
    return body + gs1_check_digit(body)


DL_PATH = re.compile(r"^https?://[^/]+/(?:.*?/)?(01|00|414|8004)/([0-9A-Za-z]+)(?:/(10|21|254)/([^/?#]+))?")


def key(identifier: str) -> str:
    """One key for an object or class, whichever way it is written: Digital Link paths for GS1 keys
    (``01/<gtin14>/21/<serial>``, ``01/<gtin14>/10/<lot>``, ``01/<gtin14>`` for a product class, ``00/<sscc>``,
    ``414/<gln>``); anything else as given."""
    from urllib.parse import unquote

    text = identifier.strip()
    m = re.match(r"^urn:epc:(id|class|idpat):(sgtin|lgtin|sscc|sgln):(.+)$", text)
    if m:
        kind, scheme, rest = m.group(1), m.group(2), m.group(3)
        parts = rest.split(".")
        if scheme in ("sgtin", "lgtin") and len(parts) == 3 and len(parts[0]) + len(parts[1]) == 13:
            gtin = gtin14(parts[0], parts[1])
            if kind == "idpat" or parts[2] == "*":
                return f"01/{gtin}"
            return f"01/{gtin}/{'21' if scheme == 'sgtin' else '10'}/{unquote(parts[2])}"
        if scheme == "sscc" and len(parts) == 2 and len(parts[0]) + len(parts[1]) == 17:
            body = parts[1][:1] + parts[0] + parts[1][1:]
            return f"00/{body + gs1_check_digit(body)}"
        if scheme == "sgln" and len(parts) == 3 and len(parts[0]) + len(parts[1]) == 12:
            body = parts[0] + parts[1]
            return f"414/{body + gs1_check_digit(body)}"
    m = DL_PATH.match(text)
    if m:
        ai, value, qualifier, qvalue = m.groups()
        if ai == "01":
            value = value.zfill(14)
        base = f"{ai}/{value}"
        return f"{base}/{qualifier}/{unquote(qvalue)}" if qualifier and ai == "01" else base
    return text


def company_prefix_of(identifier: str) -> str | None:
    """The GS1 company prefix written in an EPC URN (SGLN, SGTIN, LGTIN, SSCC), or None for other forms."""
    m = re.match(r"^urn:epc:(?:id|class|idpat):(?:sgtin|lgtin|sscc|sgln):(\d+)\.", identifier.strip())
    return m.group(1) if m else None


def gln_digits(identifier: str) -> str | None:
    k = key(identifier)
    return k.split("/")[1] if k.startswith("414/") else None


# -- what an event says ---------------------------------------------------------------------------------------------

@dataclass
class Reading:
    type: str
    value: float | None
    uom: str
    time: str | None
    device: str
    min_value: float | None = None
    max_value: float | None = None


@dataclass
class Summary:
    objects: list[tuple[str, str]] = field(default_factory=list)  # (role, identifier)
    readings: list[Reading] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    biz_step: str = ""
    disposition: str = ""
    read_point: str = ""
    biz_location: str = ""


def _short(value: str | None) -> str:
    """'https://ref.gs1.org/cbv/BizStep-shipping' and 'urn:epcglobal:cbv:bizstep:shipping' -> 'shipping'."""
    if not value:
        return ""
    for sep in ("-", ":"):
        if value.startswith(("https://ref.gs1.org/cbv/", "urn:epcglobal:cbv:")):
            return value.rsplit(sep, 1)[-1]
    return value


def _quantity_classes(items: list[Any] | None) -> list[str]:
    return [q["epcClass"] for q in items or [] if isinstance(q, dict) and q.get("epcClass")]


def summarise(event: dict[str, Any]) -> Summary:
    s = Summary(biz_step=_short(event.get("bizStep")), disposition=_short(event.get("disposition")),
                read_point=(event.get("readPoint") or {}).get("id", ""),
                biz_location=(event.get("bizLocation") or {}).get("id", ""))
    kind = event.get("type")
    if kind == "TransformationEvent":
        s.objects += [("input", e) for e in event.get("inputEPCList") or []]
        s.objects += [("input", c) for c in _quantity_classes(event.get("inputQuantityList"))]
        s.objects += [("output", e) for e in event.get("outputEPCList") or []]
        s.objects += [("output", c) for c in _quantity_classes(event.get("outputQuantityList"))]
    elif kind in ("AggregationEvent", "AssociationEvent"):
        if event.get("parentID"):
            s.objects.append(("parent", event["parentID"]))
        s.objects += [("child", e) for e in event.get("childEPCs") or []]
        s.objects += [("child", c) for c in _quantity_classes(event.get("childQuantityList"))]
    else:
        if event.get("parentID"):
            s.objects.append(("parent", event["parentID"]))
        s.objects += [("object", e) for e in event.get("epcList") or []]
        s.objects += [("object", c) for c in _quantity_classes(event.get("quantityList"))]
    for element in event.get("sensorElementList") or []:
        meta = element.get("sensorMetadata") or {}
        for report in element.get("sensorReport") or []:
            value = report.get("value", report.get("meanValue"))
            s.readings.append(Reading(type=_short(report.get("type", "")) or report.get("type", ""),
                                      value=float(value) if isinstance(value, (int, float)) else None,
                                      uom=report.get("uom", ""), time=report.get("time") or meta.get("time"),
                                      device=report.get("deviceID") or meta.get("deviceID", ""),
                                      min_value=report.get("minValue"), max_value=report.get("maxValue")))
    s.locations = [x for x in (s.read_point, s.biz_location) if x]
    return s


def parse_time(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
