"""The signed C/O payload: round trip through the QR text, one changed byte fails, unknown keys and key validity."""

import datetime
import zlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from ftahub.certificates import base45
from ftahub.certificates.payload import (
    PayloadError,
    PublicKey,
    find_payload,
    from_qr_text,
    payload_of,
    qr_segments,
    sign,
    to_link,
    to_qr_text,
    verify,
)

RECORD = {  # demo data
    "co_number": "VN-24-2026-000123 (demo)", "agreement": "CPTPP", "form": "CPTPP", "issued_on": "2026-11-20",
    "issuer": "Bắc Ninh C/O desk (demo)",
    "exporter": {"name": "Hợp tác xã Vải thiều Lục Ngạn (demo)", "tax_code": "9900000012", "address": "Lục Ngạn"},
    "importer": {"name": "Demo Importer KK", "country": "JP"},
    "transport": {"means": "air", "departure": "2026-11-21", "loading": "Nội Bài", "discharge": "Narita"},
    "destination": "JP", "invoice": {"number": "INV-1", "date": "2026-11-19"},
    "items": [{"hs": "081090", "description": "Fresh lychees", "quantity": 1200, "unit": "kg", "fob": 4800.0,
               "criterion": "WO"}],
    "province": 24,
}


@pytest.fixture
def key():
    private = Ed25519PrivateKey.generate()
    return private, {"bn-2026": PublicKey("bn-2026", private.public_key(), datetime.date(2026, 1, 1))}


def test_base45_examples_of_rfc_9285():
    assert base45.encode(b"AB") == "BB8"
    assert base45.encode(b"Hello!!") == "%69 VD92EX0"
    assert base45.encode(b"base-45") == "UJCLQE7W581"
    assert base45.decode("QED8WEX0") == b"ietf!"
    with pytest.raises(base45.Base45Error):
        base45.decode("GGW")  # 65535 + 1


def test_round_trip_through_the_qr_text(key):
    private, keys = key
    text = to_qr_text(sign(RECORD, private, "bn-2026"))
    assert text.startswith("FTAHUB1:") and len(text) < 1000
    result = verify(from_qr_text(text), keys)
    assert result.valid and result.kid == "bn-2026"
    assert result.record["exporter"]["name"] == RECORD["exporter"]["name"]
    assert result.record["items"][0]["fob"] == 4800.0


def test_the_qr_link_carries_the_payload_after_the_hash_in_the_alphanumeric_set(key):
    import segno

    private, keys = key
    text = to_qr_text(sign(RECORD, private, "bn-2026"))
    text_with_both = text + " %"  # base45's space and percent sign, as any payload may hold
    link = to_link("https://hub.bacninh.gov.vn", text_with_both)
    assert link.startswith("https://hub.bacninh.gov.vn/verify/#FTAHUB1:") and " " not in link
    assert payload_of(link) == text_with_both and payload_of(text) == text
    address, payload = qr_segments(to_link("https://hub.bacninh.gov.vn", text_with_both))
    assert address == "https://hub.bacninh.gov.vn/verify/#"
    assert segno.make(payload).mode == "alphanumeric"  # the payload part keeps the QR's dense mode
    as_link = segno.make(qr_segments(to_link("https://hub.bacninh.gov.vn", text)), error="m")
    assert as_link.version - segno.make(text, error="m").version <= 2  # the address costs little
    assert verify(from_qr_text(to_link("https://hub.bacninh.gov.vn", text)), keys).valid
    # a file holding the link (a scanner's output, a saved page) gives the payload itself, unescaped
    assert find_payload(b"scanned: " + to_link("http://127.0.0.1:8000", text).encode() + b"\n") == text


def test_changing_any_byte_of_the_payload_makes_it_fail(key):
    private, keys = key
    cose = sign(RECORD, private, "bn-2026")
    for position in range(0, len(cose), 7):
        altered = bytearray(cose)
        altered[position] ^= 0x01
        try:
            result = verify(bytes(altered), keys)
        except PayloadError:
            continue  # unusable is also a failure to verify
        assert not result.valid, position


def test_unknown_key_and_a_key_outside_its_validity(key):
    private, keys = key
    other = Ed25519PrivateKey.generate()
    assert "unknown key" in verify(sign(RECORD, other, "nope"), keys).reason
    retired = {"bn-2026": PublicKey("bn-2026", private.public_key(), datetime.date(2025, 1, 1),
                                    datetime.date(2025, 12, 31), "retired")}
    assert "outside the validity" in verify(sign(RECORD, private, "bn-2026"), retired).reason


@pytest.mark.parametrize("text", ["", "HC1:abc", "FTAHUB1:", "FTAHUB1:%%%", "FTAHUB1:" + base45.encode(b"junk"),
                                  "FTAHUB1:" + base45.encode(zlib.compress(b"\xa1\x01"))])
def test_unusable_input_is_a_clear_error(text):
    with pytest.raises(PayloadError):
        verify(from_qr_text(text), {})


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_fuzzed_qr_text_never_crashes(text):
    try:
        verify(from_qr_text("FTAHUB1:" + text), {})
    except PayloadError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_fuzzed_envelopes_never_crash(data):
    try:
        verify(data, {})
    except PayloadError:
        pass


def test_the_key_bounds_the_signing_date_not_the_issue_date(key):
    private, _ = key
    keys = {"bn-2026": PublicKey("bn-2026", private.public_key(), datetime.date(2026, 11, 22))}
    issued_earlier = {**RECORD, "issued_on": "2026-11-03", "signed_on": "2026-11-23"}
    assert verify(sign(issued_earlier, private, "bn-2026"), keys).valid
    signed_before_key = {**RECORD, "issued_on": "2026-11-03", "signed_on": "2026-11-04"}
    assert "outside the validity" in verify(sign(signed_before_key, private, "bn-2026"), keys).reason
    backdated = {**RECORD, "issued_on": "2026-12-01", "signed_on": "2026-11-23"}
    assert "signed before" in verify(sign(backdated, private, "bn-2026"), keys).reason
