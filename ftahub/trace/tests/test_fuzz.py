"""Parser fuzzing with a bounded budget: the EPCIS validator and the C/O payload decoder take any input and answer
with a clear list of problems or a clear error, never a crash."""

import datetime
import string
import zlib

import cbor2
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ftahub.certificates import base45
from ftahub.certificates.payload import PayloadError, PublicKey, from_qr_text, verify
from ftahub.trace import epcis
from ftahub.trace.epcis import EpcisError


def schema():
    from pathlib import Path

    from django.conf import settings as django_settings

    return Path(django_settings.FTAHUB_DATA_DIR) / "epcis2" / "EPCIS-JSON-Schema.json"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=30)

event_like = st.fixed_dictionaries({
    "type": st.sampled_from(["ObjectEvent", "AggregationEvent", "TransformationEvent", "Nope", 5]),
    "eventTime": st.one_of(st.text(max_size=30), st.just("2026-06-10T05:00:00+07:00"), st.integers()),
    "eventTimeZoneOffset": st.one_of(st.just("+07:00"), st.text(max_size=8)),
}, optional={"action": st.sampled_from(["ADD", "OBSERVE", "DELETE", "x"]), "epcList": json_values,
             "quantityList": json_values, "sensorElementList": json_values, "readPoint": json_values})

documents = st.fixed_dictionaries({
    "type": st.sampled_from(["EPCISDocument", "EPCISQueryDocument", ""]),
    "schemaVersion": st.sampled_from(["2.0", 2.0, ""]),
    "creationDate": st.text(max_size=30),
    "@context": st.one_of(st.just(["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"]), json_values),
    "epcisBody": st.one_of(st.fixed_dictionaries({"eventList": st.lists(event_like, max_size=4)}), json_values),
})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(documents, json_values))
def test_the_epcis_validator_never_crashes(document):
    problems = epcis.validate(document, schema())
    assert isinstance(problems, list) and all(isinstance(p, str) and p.startswith("/") for p in problems)
    if not problems:  # a document the validator accepts must be summarisable and hashable
        for event in epcis.events_of(document):
            epcis.summarise(event)
            epcis.canonical_hash(event)


KEY = Ed25519PrivateKey.generate()
KEYS = {"k": PublicKey("k", KEY.public_key(), datetime.date(2020, 1, 1))}


def _decode(text):
    try:
        result = verify(from_qr_text(text), KEYS)
    except PayloadError as exc:
        assert str(exc)
        return None
    assert result.status in ("valid", "invalid")
    return result


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=base45.ALPHABET + string.ascii_lowercase, max_size=200))
def test_the_payload_decoder_never_crashes_on_text(text):
    _decode("FTAHUB1:" + text)
    _decode(text)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_the_payload_decoder_never_crashes_on_compressed_bytes(data):
    _decode("FTAHUB1:" + base45.encode(zlib.compress(data)))


@settings(max_examples=300, deadline=None)
@given(json_values, st.binary(max_size=64))
def test_the_payload_decoder_never_crashes_on_cbor_structures(value, signature):
    for envelope in (value, cbor2.CBORTag(18, [cbor2.dumps({1: -8, 4: b"k"}), {}, cbor2.dumps(value), signature])):
        try:
            encoded = cbor2.dumps(envelope)
        except (TypeError, ValueError, cbor2.CBOREncodeError):
            continue
        _decode("FTAHUB1:" + base45.encode(zlib.compress(encoded)))


def test_a_capture_of_fuzzed_documents_raises_only_clear_errors(db, make):
    from ftahub.trace import service
    from ftahub.trace.models import TraceParty

    enterprise = make.enterprise(24)
    party = TraceParty.objects.create(enterprise=enterprise, province=enterprise.province, gs1_prefixes="8930000123")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                     HealthCheck.too_slow])
    @given(documents)
    def run(document):
        try:
            service.capture(document, party)
        except EpcisError as exc:
            assert exc.problems

    run()
