"""Standard EPCIS events from plain answers (the farm and cooperative form, the temperature-log CSV), so that users
who will never call an API still write GS1 events. Plain Python: no Django.

Identifiers are GS1 Digital Link URIs: the lot ``https://id.gs1.org/01/<GTIN-14>/10/<lot>`` (an EPC class), the
place ``https://id.gs1.org/414/<GLN>``.
"""

import csv
import datetime
import io
import re
from typing import Any

from ftahub.common import problems
from ftahub.common.problems import Problem, ProblemsError
from ftahub.common.tables import TableError, csv_text, guess_delimiter

from .epcis import gs1_check_digit

STEPS = {
    # step: (bizStep, disposition, action)
    "harvesting": ("harvesting", "active", "ADD"),
    "packing": ("packing", "in_progress", "OBSERVE"),
    "storing": ("storing", "in_progress", "OBSERVE"),
    "shipping": ("shipping", "in_transit", "OBSERVE"),
}
MAX_ROWS = 10_000


problems.ENGLISH.update({
    "trace.gtin_length": "GTIN {gtin!r} must have 8, 12, 13 or 14 digits",
    "trace.gtin_check": "GTIN {gtin!r} has a wrong check digit (expected {expected})",
    "trace.lot": "lot {lot!r}: 1 to 20 letters, digits or GS1 symbols",
    "trace.time_zone": "the time needs a time zone", "trace.step": "unknown step {step!r}",
    "trace.quantity": "the quantity must be more than zero",
    "trace.header": "the first line must name the columns: time, temperature (and optionally device)",
    "trace.too_many_rows": "more than {limit} rows: split the file",
    "trace.time": "time {time!r} is not a date and time",
    "trace.temperature": "temperature {value!r} is not a number",
    "trace.implausible": "temperature {value} °C is not plausible",
    "trace.no_readings": "the file has no readings",
})


class FarmInputError(ProblemsError):
    """What a person typed or uploaded cannot be recorded: ``errors`` are problems (codes the pages word)."""


def normalise_gtin(text: str) -> str:
    digits = re.sub(r"\D", "", text or "")
    if len(digits) not in (8, 12, 13, 14):
        raise FarmInputError([Problem.of("trace.gtin_length", gtin=text)])
    gtin = digits.zfill(14)
    if gs1_check_digit(gtin[:-1]) != gtin[-1]:
        raise FarmInputError([Problem.of("trace.gtin_check", gtin=text, expected=gs1_check_digit(gtin[:-1]))])
    return gtin


def lot_uri(gtin: str, lot: str) -> str:
    if not re.fullmatch(r"[!%-?A-Z_a-z\"]{1,20}", lot or ""):
        raise FarmInputError([Problem.of("trace.lot", lot=lot)])
    from urllib.parse import quote

    return f"https://id.gs1.org/01/{gtin}/10/{quote(lot, safe='')}"


def owns_gtin(prefixes: list[str], gtin14: str) -> bool:
    """Whether a GTIN-14 is one of the company's own products: its GS1 company prefix follows the indicator digit
    (a GTIN-13 padded to 14 digits starts with 0, then the prefix)."""
    return any(p and gtin14[1:].startswith(p) for p in prefixes)


def party_gln(prefix: str, location_reference: str = "") -> str:
    body = (prefix + location_reference).ljust(12, "0")[:12]
    return body + gs1_check_digit(body)


def place_uri(gln: str) -> str:
    return f"https://id.gs1.org/414/{gln}"


def _time(at: datetime.datetime) -> tuple[str, str]:
    if at.tzinfo is None:
        raise FarmInputError([Problem.of("trace.time_zone")])
    offset = at.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return at.isoformat(timespec="seconds"), f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def step_event(step: str, gtin: str, lot: str, quantity: float, uom: str, at: datetime.datetime, gln: str,
               temperature: float | None = None, destination: str = "") -> dict[str, Any]:
    if step not in STEPS:
        raise FarmInputError([Problem.of("trace.step", step=step)])
    if quantity is None or quantity <= 0:
        raise FarmInputError([Problem.of("trace.quantity")])
    biz_step, disposition, action = STEPS[step]
    time, offset = _time(at)
    event = {"type": "ObjectEvent", "eventTime": time, "eventTimeZoneOffset": offset, "action": action,
             "quantityList": [{"epcClass": lot_uri(gtin, lot), "quantity": quantity, "uom": uom}],
             "bizStep": biz_step, "disposition": disposition, "readPoint": {"id": place_uri(gln)},
             "bizLocation": {"id": place_uri(gln)}}
    if temperature is not None:
        event["sensorElementList"] = [{"sensorMetadata": {"time": time},
                                       "sensorReport": [{"type": "Temperature", "value": temperature, "uom": "CEL"}]}]
    if step == "shipping" and destination:
        event["destinationList"] = [{"type": "location", "destination": destination}]
        event.pop("bizLocation")
    return event


def document(events: list[dict[str, Any]]) -> dict[str, Any]:
    now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
            "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": now,
            "epcisBody": {"eventList": events}}


def temperature_event(rows: list[tuple[datetime.datetime, float, str]], gtin: str, lot: str, gln: str) -> dict[str, Any]:
    """One storing event for a lot whose sensor elements are the logger's readings."""
    first, offset = _time(rows[0][0])
    return {"type": "ObjectEvent", "eventTime": first, "eventTimeZoneOffset": offset, "action": "OBSERVE",
            "quantityList": [{"epcClass": lot_uri(gtin, lot)}], "bizStep": "storing",
            "disposition": "in_progress", "readPoint": {"id": place_uri(gln)},
            "sensorElementList": [{"sensorMetadata": {"time": _time(at)[0], **({"deviceID": device} if device else {})},
                                   "sensorReport": [{"type": "Temperature", "value": value, "uom": "CEL"}]}
                                  for at, value, device in rows]}


def read_temperature_csv(data: bytes, tz: datetime.tzinfo) -> list[tuple[datetime.datetime, float, str]]:
    """Rows ``time,temperature[,device]`` (a header line with those names; times ISO 8601 or 'YYYY-MM-DD HH:MM',
    local time when no offset is written; temperature in °C with a point or a comma). Every bad row is reported."""
    try:
        text = csv_text(data)
    except TableError as exc:
        raise FarmInputError([Problem.of(f"table.{exc.code}", detail=exc)]) from None
    reader = csv.DictReader(io.StringIO(text), delimiter=guess_delimiter(text))
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if "time" not in fields or "temperature" not in fields:
        raise FarmInputError([Problem.of("trace.header")])
    reader.fieldnames = fields
    rows: list[tuple[datetime.datetime, float, str]] = []
    errors: list[Problem] = []
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            errors.append(Problem.of("trace.too_many_rows", limit=MAX_ROWS))
            break
        raw_time, raw_value = (row.get("time") or "").strip(), (row.get("temperature") or "").strip()
        if not raw_time and not raw_value:
            continue
        try:
            at = datetime.datetime.fromisoformat(raw_time.replace("Z", "+00:00"))
            at = at if at.tzinfo else at.replace(tzinfo=tz)
        except ValueError:
            errors.append(Problem.of("trace.time", number, time=raw_time))
            continue
        try:
            value = float(raw_value.replace(",", "."))
        except ValueError:
            errors.append(Problem.of("trace.temperature", number, value=raw_value))
            continue
        if not -80 <= value <= 80:
            errors.append(Problem.of("trace.implausible", number, value=value))
            continue
        rows.append((at, value, (row.get("device") or "").strip()[:100]))
    if errors:
        raise FarmInputError(errors)
    if not rows:
        raise FarmInputError([Problem.of("trace.no_readings")])
    return sorted(rows, key=lambda r: r[0])
