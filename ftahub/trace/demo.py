"""Demo traceability (labelled demo): the demo lychee cooperative registered with a GS1 prefix from the 952 range,
which GS1 reserves for demonstrations and examples; a lot harvested, packed, kept cold (one reading too warm, so an
alert) and shipped; the lot linked to the demo C/O. Every event goes on the log like any other."""

import datetime

from django.utils import timezone

from ftahub.accounts import demo

from . import epcis, farm, service
from .models import LotLink, Threshold, TraceParty

DEMO_PREFIX = "9520001234"
DEMO_LOT = "DEMO-L1"


PALLET = "urn:epc:id:sscc:9520001234.0000042"


def _palletise(gtin: str, gln: str, at) -> dict:
    """The lot's cartons loaded on a pallet (an SSCC): the lot becomes a child of the pallet."""
    event = farm.step_event("packing", gtin, DEMO_LOT, 780, "KGM", at, gln)
    quantity = event.pop("quantityList")
    event.update(type="AggregationEvent", action="ADD", parentID=PALLET, childQuantityList=quantity,
                 bizStep="loading")
    return event


def _ship_pallet(gln: str, at) -> dict:
    time, offset = at.isoformat(timespec="seconds"), at.strftime("%z")
    return {"type": "ObjectEvent", "eventTime": time, "eventTimeZoneOffset": f"{offset[:3]}:{offset[3:]}",
            "action": "OBSERVE", "epcList": [PALLET], "bizStep": "shipping", "disposition": "in_transit",
            "readPoint": {"id": farm.place_uri(gln)},
            "destinationList": [{"type": "location", "destination": "https://id.gs1.org/414/9520000000015"}],
            "sensorElementList": [{"sensorMetadata": {"time": time},
                                   "sensorReport": [{"type": "Temperature", "value": 4.0, "uom": "CEL"}]}]}


def load(report=print) -> None:
    enterprise = demo.enterprise(1)
    if TraceParty.objects.filter(enterprise=enterprise).exists():
        return
    party = TraceParty.objects.create(enterprise=enterprise, province=enterprise.province, gs1_prefixes=DEMO_PREFIX,
                                      is_demo=True)
    gtin = epcis.gtin14(DEMO_PREFIX, "001")
    Threshold.objects.create(enterprise=enterprise, province=enterprise.province, gtin=gtin,
                             product="Vải thiều tươi / fresh lychees (demo)", type="Temperature", uom="CEL",
                             minimum=1, maximum=5, is_demo=True)
    gln = farm.party_gln(DEMO_PREFIX)
    start = timezone.localtime().replace(hour=5, minute=0, second=0, microsecond=0) - datetime.timedelta(days=2)
    hours = datetime.timedelta(hours=1)
    events = [farm.step_event("harvesting", gtin, DEMO_LOT, 800, "KGM", start, gln),
              farm.step_event("packing", gtin, DEMO_LOT, 780, "KGM", start + 3 * hours, gln),
              farm.temperature_event([(start + (4 + i) * hours, t, "demo-logger-1")
                                      for i, t in enumerate([4.2, 3.8, 6.2, 4.1])], gtin, DEMO_LOT, gln),
              _palletise(gtin, gln, start + 9 * hours),
              _ship_pallet(gln, start + 10 * hours)]
    result = service.capture(farm.document(events), party, captured_by="demo", is_demo=True)
    from ftahub.certificates.models import IssuedCertificate

    LotLink.objects.create(enterprise=enterprise, province=enterprise.province, gtin=gtin, lot=DEMO_LOT,
                           certificate=IssuedCertificate.objects.filter(enterprise=enterprise, is_demo=True).first())
    report(f"Demo traceability: lot {DEMO_LOT} of GTIN {gtin} ({len(result.captured)} events, {result.alerts} alert); "
           f"trace page /01/{gtin}/10/{DEMO_LOT}/")
