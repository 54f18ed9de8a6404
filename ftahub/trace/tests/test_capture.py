"""EPCIS capture: GS1's example documents validate and round-trip; bad documents are refused whole; capture is
idempotent; locations belong to the capturer; sensor readings outside a product's range raise alerts."""

import pytest

from ftahub.trace import epcis, service
from ftahub.trace.epcis import EpcisError
from ftahub.trace.models import Alert, Event, Threshold

from .conftest import KNOWN_INVALID, event, example_files, load, lychee_document

pytestmark = pytest.mark.django_db


def test_every_official_example_validates_except_the_known_ones():
    assert len(example_files()) >= 45
    for path in example_files():
        name = str(path.relative_to(path.parents[len(path.relative_to(
            next(p for p in path.parents if p.name == "JSON-simple-context")).parts) - 1]))
        problems = epcis.validate(load(path), service.schema_path())
        assert bool(problems) == (name in KNOWN_INVALID), (name, problems[:3])


def test_official_examples_round_trip_through_capture_and_export(party):
    prefixes = {epcis.company_prefix_of((e.get(loc) or {}).get("id", "")) or epcis.gln_digits(
        (e.get(loc) or {}).get("id", "x")) for path in example_files() for e in epcis.events_of(load(path))
        for loc in ("readPoint", "bizLocation")} - {None}
    party.gs1_prefixes = ",".join(sorted(prefixes))
    party.save()
    for path in example_files():
        document = load(path)
        if epcis.validate(document, service.schema_path()):
            continue
        result = service.capture(document, party)
        ids = [epcis.event_id(e) for e in epcis.events_of(document)]
        exported = service.export_document(Event.objects.filter(event_id__in=ids).order_by("id"))
        assert epcis.validate(exported, service.schema_path()) == [], path.name
        assert [epcis.canonical_hash(e) for e in epcis.events_of(exported)] == \
            [epcis.canonical_hash(e) for e in epcis.events_of(document)]
        assert len(result.captured) + len(result.duplicates) == len(ids)
        Event.objects.all().delete()  # the examples reuse eventIDs with different content: one file at a time


def test_an_invalid_document_is_refused_whole_with_every_problem(party):
    good = event(epcList=["urn:epc:id:sgtin:8930000123.012.1"], bizStep="harvesting")
    bad = event(epcList="not a list", eventTime="yesterday")
    with pytest.raises(EpcisError) as caught:
        service.capture(lychee_document([good, bad]), party)
    assert any("/epcisBody/eventList/1" in p for p in caught.value.problems)
    assert Event.objects.count() == 0


def test_capture_is_idempotent_and_an_event_is_never_changed(party):
    e = event(eventID="urn:uuid:8c1a0c0e-2b1f-4f7e-9a8e-3d2b7f1c0a01", epcList=["urn:epc:id:sgtin:8930000123.012.1"],
              bizStep="harvesting")
    first = service.capture(lychee_document([e]), party)
    again = service.capture(lychee_document([e]), party)
    assert (len(first.captured), len(again.captured), len(again.duplicates)) == (1, 0, 1)
    changed = {**e, "bizStep": "shipping"}
    with pytest.raises(EpcisError, match="different content"):
        service.capture(lychee_document([changed]), party)
    no_id = event(epcList=["urn:epc:id:sgtin:8930000123.012.2"])
    a, b = service.capture(lychee_document([no_id]), party), service.capture(lychee_document([no_id]), party)
    assert a.captured[0].startswith("ni:///sha-256;") and b.duplicates == a.captured


def test_a_business_captures_only_at_its_own_locations(party):
    elsewhere = event(epcList=["urn:epc:id:sgtin:8930000123.012.1"],
                      readPoint={"id": "urn:epc:id:sgln:8939999000.01.0"})
    with pytest.raises(EpcisError, match="is not a location of"):
        service.capture(lychee_document([elsewhere]), party)
    own = event(epcList=["urn:epc:id:sgtin:8930000123.012.1"],
                readPoint={"id": "https://id.gs1.org/414/8930000123007"})
    assert len(service.capture(lychee_document([own]), party).captured) == 1


def test_readings_outside_the_products_range_raise_an_alert_for_its_owner(party, make):
    Threshold.objects.create(enterprise=party.enterprise, province=party.province, gtin="08930000123121",
                             product="Fresh lychees", type="Temperature", uom="CEL", minimum=1, maximum=5)
    assert epcis.key("urn:epc:class:lgtin:8930000123.012.L1") == "01/08930000123121/10/L1"
    reefer = event(quantityList=[{"epcClass": "urn:epc:class:lgtin:8930000123.012.L1", "quantity": 500,
                                  "uom": "KGM"}], bizStep="storing",
                   sensorElementList=[{"sensorMetadata": {"time": "2026-06-10T07:00:00+07:00"},
                                       "sensorReport": [{"type": "Temperature", "value": 4.0, "uom": "CEL"},
                                                        {"type": "Temperature", "value": 7.5, "uom": "CEL"}]}])
    result = service.capture(lychee_document([reefer]), party)
    assert result.alerts == 1
    alert = Alert.objects.get()
    assert alert.enterprise == party.enterprise and "7.5" in alert.message and "above 5" in alert.message
    assert alert.reading.value == 7.5 and alert.event.readings.count() == 2  # the reading out of range, not its pair
    owner, stranger = make.user("business", enterprise=party.enterprise), make.user("business",
                                                                                    enterprise=make.enterprise(24))
    assert list(Alert.objects.visible_to(owner)) == [alert]
    assert not Alert.objects.visible_to(stranger).exists()


def test_a_time_without_a_zone_or_not_a_time_is_refused(party):
    for value in ("yesterday", "2026-06-10T05:00:00"):
        with pytest.raises(EpcisError, match="eventTime"):
            service.capture(lychee_document([event(time=value, epcList=["urn:epc:id:sgtin:8930000123.012.1"])]),
                            party)
    assert Event.objects.count() == 0
