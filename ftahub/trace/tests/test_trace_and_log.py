"""Trace forward and back through transformation and aggregation, and every event on the verifiable log."""

import base64

import pytest

from ftahub.trace import epcis, service
from ftahub.trace.models import Event
from ftahub.transparency import ledger
from ftahub.transparency.bundle import check_bundle
from ftahub.transparency.note import Verifier

from .conftest import event, lychee_document

pytestmark = pytest.mark.django_db

FARM_LOT = "urn:epc:class:lgtin:8930000123.012.H1"
PACKED = ["urn:epc:id:sgtin:8930000123.112.1", "urn:epc:id:sgtin:8930000123.112.2"]
PALLET = "urn:epc:id:sscc:8930000123.0000001"


@pytest.fixture
def chain(party):
    document = lychee_document([
        event(quantityList=[{"epcClass": FARM_LOT, "quantity": 800, "uom": "KGM"}], bizStep="harvesting",
              action="ADD", time="2026-06-10T05:00:00+07:00"),
        event("TransformationEvent", inputQuantityList=[{"epcClass": FARM_LOT, "quantity": 800, "uom": "KGM"}],
              outputEPCList=PACKED, bizStep="commissioning", time="2026-06-10T09:00:00+07:00"),
        event("AggregationEvent", parentID=PALLET, childEPCs=PACKED, bizStep="packing",
              time="2026-06-10T10:00:00+07:00"),
        event(epcList=[PALLET], bizStep="shipping", time="2026-06-10T14:00:00+07:00"),
    ])
    return service.capture(document, party)


def test_trace_back_from_a_pallet_reaches_the_farm_lot(chain):
    result = service.trace(PALLET, "back", Event.objects.all())
    assert epcis.key(FARM_LOT) in result.nodes
    assert result.nodes[epcis.key(FARM_LOT)] == 2  # pallet -> packed units -> harvested lot


def test_trace_forward_from_the_farm_lot_reaches_the_shipped_pallet(chain):
    result = service.trace(FARM_LOT, "forward", Event.objects.all())
    pallet = epcis.key(PALLET)
    assert pallet in result.nodes
    shipped = Event.objects.filter(pk__in=result.events[pallet], biz_step="shipping")
    assert shipped.count() == 1


def test_query_by_step_object_and_time(chain):
    events = Event.objects.all()
    assert [e.biz_step for e in service.query(events, epc=PACKED[0])] == ["commissioning", "packing"]
    assert service.query(events, biz_step="shipping").count() == 1
    import datetime
    since = datetime.datetime(2026, 6, 10, 9, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    assert [e.biz_step for e in service.query(events, since=since)] == ["packing", "shipping"]


def test_every_event_is_logged_and_its_inclusion_verifies_offline(chain):
    assert len(chain.log_indices) == 4
    first = ledger.checkpoint()  # signed with the log's own key, made on first use
    verifier = Verifier.parse(ledger.verifier_keys()[0])
    for index in chain.log_indices:
        report = check_bundle(ledger.inclusion_bundle(index), verifier)
        assert report["valid"], report
        assert '"kind":"epcis-event"' in report["entry"]
    event_row = Event.objects.get(log_index=chain.log_indices[1])
    assert event_row.canonical_hash in report["entry"] or event_row.canonical_hash in \
        check_bundle(ledger.inclusion_bundle(chain.log_indices[1]), verifier)["entry"]
    ledger.append({"kind": "test", "ref": "x"})
    later = ledger.checkpoint()
    assert later.size == first.size + 1
    assert check_bundle(ledger.consistency_bundle(first.size), verifier)["valid"]
    tampered = ledger.inclusion_bundle(chain.log_indices[0])
    tampered["inclusion"]["entry"] = tampered["inclusion"]["entry"].replace("epcis-event", "epcis-evenT")
    assert not check_bundle(tampered, verifier)["valid"]
    proof = tampered["inclusion"]["proof"]
    bad = ledger.inclusion_bundle(chain.log_indices[0])
    bad["inclusion"]["proof"] = [base64.b64encode(b"\x00" * 32).decode()] + proof[1:]
    assert not check_bundle(bad, verifier)["valid"]


def test_the_database_log_has_the_same_roots_as_the_in_memory_log(party):
    from ftahub.transparency.merkle import MerkleLog

    statements = [{"kind": "test", "ref": str(i)} for i in range(37)]
    memory = MerkleLog()
    for chunk in (statements[:5], statements[5:6], statements[6:30], statements[30:]):
        ledger.append_many(chunk)
    from ftahub.transparency.canonical import canonical_json
    for s in statements:
        memory.append(canonical_json(s).encode())
    db = ledger.tree()
    for size in (1, 2, 5, 6, 17, 32, 37):
        assert db.root(size) == memory.root(size)
        assert db.inclusion_proof(size - 1, size) == memory.inclusion_proof(size - 1, size)
        assert db.consistency_proof(1, size) == memory.consistency_proof(1, size)
