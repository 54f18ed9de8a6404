"""Strict COSE decoding (#18): trailing bytes, a missing COSE tag or a record without dates no longer verify
"valid" (each gave the same record another hash, or skipped the key-validity check after a rotation)."""

import datetime

import cbor2
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from ftahub.certificates.payload import PayloadError, PublicKey, sign, verify

from .test_payload import RECORD


@pytest.fixture
def key():
    private = Ed25519PrivateKey.generate()
    return private, {"bn-2026": PublicKey("bn-2026", private.public_key(), datetime.date(2026, 1, 1),
                                          datetime.date(2026, 6, 30), "retired")}


def test_the_hubs_own_envelope_verifies(key):
    private, keys = key
    assert verify(sign({**RECORD, "issued_on": "2026-03-01", "signed_on": "2026-03-01"}, private, "bn-2026"),
                  keys).valid


def test_trailing_bytes_are_refused(key):
    private, keys = key
    cose = sign({**RECORD, "issued_on": "2026-03-01", "signed_on": "2026-03-01"}, private, "bn-2026")
    with pytest.raises(PayloadError, match="after the CBOR item"):
        verify(cose + b"\x00", keys)


def test_an_untagged_envelope_is_refused(key):
    private, keys = key
    cose = sign({**RECORD, "issued_on": "2026-03-01", "signed_on": "2026-03-01"}, private, "bn-2026")
    untagged = cbor2.dumps(cbor2.loads(cose).value)
    with pytest.raises(PayloadError, match="tagged COSE_Sign1"):
        verify(untagged, keys)


def test_a_record_without_dates_does_not_escape_the_key_validity(key):
    """Signed with a key retired on 30 June 2026 and no dates: it used to verify "valid" for ever."""
    private, keys = key
    undated = {k: v for k, v in RECORD.items() if k not in ("issued_on", "signed_on")}
    result = verify(sign(undated, private, "bn-2026"), keys)
    assert not result.valid and "no signing or issue date" in result.reason
