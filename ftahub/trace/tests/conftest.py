import json
from pathlib import Path

import pytest
from django.conf import settings

from ftahub.trace.models import TraceParty

EXAMPLES = Path(settings.FTAHUB_DATA_DIR) / "epcis2" / "JSON-simple-context"
# Official examples that fail GS1's own schema of the same commit (reported upstream; the validator is not loosened):
KNOWN_INVALID = {
    "Example-TransactionEvents-2020_07_03y.jsonld": "sourceList/destinationList written as objects, not arrays",
    "WithSensorData/SensorDataExample12.jsonld": "no schemaVersion",
    "WithSensorData/SensorDataExample17.jsonld": "schemaVersion written as the number 2.0",
    "WithFullCombinationOfFields/object_event_all_possible_fields.jsonld": "fails the ObjectEvent schema",
}


def example_files() -> list[Path]:
    return sorted(EXAMPLES.rglob("*.jsonld"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def party(make):
    enterprise = make.enterprise(24)
    return TraceParty.objects.create(enterprise=enterprise, province=enterprise.province,
                                     gs1_prefixes="8930000123,0614141,4012345,0012345,952005385,4000001,0614142")


def lychee_document(events: list[dict]) -> dict:
    return {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"], "type": "EPCISDocument",
            "schemaVersion": "2.0", "creationDate": "2026-06-10T08:00:00+07:00", "epcisBody": {"eventList": events}}


def event(kind="ObjectEvent", time="2026-06-10T06:00:00+07:00", **fields) -> dict:
    base = {"type": kind, "eventTime": time, "eventTimeZoneOffset": "+07:00"}
    if kind == "ObjectEvent":
        base["action"] = fields.pop("action", "OBSERVE")
    if kind == "AggregationEvent":
        base["action"] = fields.pop("action", "ADD")
    base.update(fields)
    return base
