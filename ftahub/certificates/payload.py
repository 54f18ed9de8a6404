"""The signed C/O record: a compact, versioned CBOR encoding of the certificate's data in a COSE_Sign1 envelope
(RFC 9052) signed with the province's Ed25519 key, carrying the key id; for the QR code it is compressed (zlib) and
written in base45 behind the prefix ``FTAHUB1:``.

Record encoding, version 1 (CBOR map, integer keys to keep the QR small):

    0 version (1)        1 C/O number           2 agreement code     3 C/O form          4 issued on (YYYY-MM-DD)
    5 issuing body       6 exporter {0 name, 1 tax code, 2 address}  7 importer {0 name, 1 country, 2 address}
    8 transport {0 means, 1 departure date, 2 port of loading, 3 port of discharge}   9 destination country
    10 invoice {0 number, 1 date}   11 items [{0 HS code, 1 description, 2 quantity, 3 unit, 4 FOB value,
    5 origin criterion, 6 marks}]   12 province code   13 eCoSys reference   14 replaces (C/O number)

Plain Python: no Django.
"""

import datetime
import io
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from . import base45

PREFIX = "FTAHUB1:"
VERSION = 1
COSE_SIGN1_TAG = 18
ALG_EDDSA = -8
HEADER_ALG, HEADER_KID = 1, 4
MAX_QR_TEXT = 4000
MAX_PAYLOAD = 64 * 1024

FIELDS = {"version": 0, "co_number": 1, "agreement": 2, "form": 3, "issued_on": 4, "issuer": 5, "exporter": 6,
          "importer": 7, "transport": 8, "destination": 9, "invoice": 10, "items": 11, "province": 12,
          "ecosys_ref": 13, "replaces": 14, "signed_on": 15}
PARTY = ["name", "tax_code", "address"]
IMPORTER = ["name", "country", "address"]
TRANSPORT = ["means", "departure", "loading", "discharge"]
INVOICE = ["number", "date"]
ITEM = ["hs", "description", "quantity", "unit", "fob", "criterion", "marks"]


class PayloadError(ValueError):
    """The payload cannot be read (not ours, truncated, malformed): unusable input."""


def _pack(data: dict[str, Any], names: list[str]) -> dict[int, Any]:
    return {i: data[n] for i, n in enumerate(names) if data.get(n) not in (None, "")}


def _unpack(data: object, names: list[str]) -> dict[str, Any]:
    if not isinstance(data, Mapping):
        raise PayloadError("malformed record")
    return {names[i]: v for i, v in data.items() if isinstance(i, int) and 0 <= i < len(names)}


# the fields that are maps of their own (with their sub-field names), and the one that is a list of such maps
NESTED = {"exporter": PARTY, "importer": IMPORTER, "transport": TRANSPORT, "invoice": INVOICE}
LISTS = {"items": ITEM}


def encode_record(record: dict[str, Any]) -> bytes:
    packed: dict[int, Any] = {FIELDS["version"]: VERSION}
    for name, key in FIELDS.items():
        value = record.get(name)
        if name == "version" or value in (None, "", [], {}):
            continue
        if name in NESTED:
            value = _pack(value, NESTED[name])
        elif name in LISTS:
            value = [_pack(item, LISTS[name]) for item in value]
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        packed[key] = value
    return cbor2.dumps(packed, canonical=True)


def decode_record(data: bytes) -> dict[str, Any]:
    try:
        packed = loads_exact(data)
    except PayloadError:
        raise
    except Exception as exc:  # noqa: BLE001 - cbor2 raises several kinds for bad input
        raise PayloadError(f"record is not CBOR ({type(exc).__name__})") from None
    if not isinstance(packed, Mapping) or packed.get(0) != VERSION:
        raise PayloadError("unknown record version")
    names = {v: k for k, v in FIELDS.items()}
    record = {}
    for key, value in packed.items():
        name = names.get(key)
        if name in NESTED:
            value = _unpack(value, NESTED[name])
        elif name in LISTS:
            if not isinstance(value, (list, tuple)):
                raise PayloadError(f"malformed {name}")
            value = [_unpack(item, LISTS[name]) for item in value]
        if name:
            record[name] = value
    return record


def _sig_structure(protected: bytes, payload: bytes) -> bytes:
    return cbor2.dumps(["Signature1", protected, b"", payload])


def sign(record: dict[str, Any], private_key: Ed25519PrivateKey, kid: str) -> bytes:
    """COSE_Sign1 (tagged) over the encoded record."""
    protected = cbor2.dumps({HEADER_ALG: ALG_EDDSA, HEADER_KID: kid.encode()}, canonical=True)
    payload = encode_record(record)
    signature = private_key.sign(_sig_structure(protected, payload))
    return cbor2.dumps(cbor2.CBORTag(COSE_SIGN1_TAG, [protected, {}, payload, signature]))


def to_qr_text(cose: bytes) -> str:
    return PREFIX + base45.encode(zlib.compress(cose, 9))


LINK_PATH = "/verify/"


def to_link(base_url: str, qr_text: str) -> str:
    """What the QR code holds: the hub's verify page with the payload after ``#``, so a phone camera opens the page
    and the payload never reaches a server (browsers do not send the fragment):
    ``https://hub.example.vn/verify/#FTAHUB1:…``. The payload's space and ``%`` are percent-encoded, which keeps it
    in the QR alphanumeric set (see ``qr_segments``)."""
    escaped = qr_text.replace("%", "%25").replace(" ", "%20")
    return base_url.rstrip("/") + LINK_PATH + "#" + escaped


def qr_segments(link: str) -> list[str]:
    """The link as two QR segments: the address up to ``#`` (byte mode, 8 bits a character) and the payload
    (alphanumeric mode, 5.5 bits a character, as the bare payload was), for the smallest code."""
    cut = link.index("#") + 1
    return [link[:cut], link[cut:]]


def payload_of(text: str) -> str:
    """The payload in a QR code's text: the bare ``FTAHUB1:…`` text, or a verify link holding it after ``#``."""
    text = text.strip()
    if not text.startswith(PREFIX) and "#" in text:
        from urllib.parse import unquote

        fragment = unquote(text.split("#", 1)[1])
        if fragment.startswith(PREFIX):
            return fragment
    return text


PAYLOAD_IN_FILE = re.compile(rb"FTAHUB1:[0-9A-Z $%*+\-./:]+")


def find_payload(data: bytes) -> str | None:
    """The payload text inside a file's bytes (the C/O PDF keeps it in its keywords), or None."""
    match = PAYLOAD_IN_FILE.search(data)
    if match is None:
        return None
    if match.start() > 0 and data[match.start() - 1:match.start()] == b"#":  # a verify link: percent-encoded
        return payload_of("#" + match.group(0).decode())
    return match.group(0).decode()


def from_qr_text(text: str) -> bytes:
    text = payload_of(text)
    if not text.startswith(PREFIX):
        raise PayloadError(f"not an FTA Hub C/O payload (it must start with {PREFIX})")
    if len(text) > MAX_QR_TEXT:
        raise PayloadError("payload too long")
    try:
        compressed = base45.decode(text[len(PREFIX):])
    except base45.Base45Error as exc:
        raise PayloadError(str(exc)) from None
    try:
        inflater = zlib.decompressobj()
        cose = inflater.decompress(compressed, MAX_PAYLOAD)
        if inflater.unconsumed_tail:
            raise PayloadError("payload too large")
    except zlib.error:
        raise PayloadError("payload is not compressed data") from None
    return cose


@dataclass
class PublicKey:
    kid: str
    key: Ed25519PublicKey
    not_before: datetime.date
    not_after: datetime.date | None = None  # None: current
    status: str = "current"  # current, retired


@dataclass
class Verification:
    status: str  # valid, invalid
    reason: str = ""
    kid: str | None = None
    record: dict[str, Any] = field(default_factory=dict[str, Any])

    @property
    def valid(self) -> bool:
        return self.status == "valid"


def loads_exact(data: bytes) -> Any:
    """One CBOR item and nothing after it: trailing bytes would give the same record another hash (and another
    entry on the log) while still verifying."""
    stream = io.BytesIO(data)
    item = cbor2.CBORDecoder(stream).decode()
    if stream.tell() != len(data):
        raise PayloadError(f"{len(data) - stream.tell()} byte(s) after the CBOR item")
    return item


def open_envelope(cose: bytes) -> tuple[bytes, str, bytes, bytes]:
    """(protected header bytes, kid, payload, signature); PayloadError if it is not a COSE_Sign1 of ours: tagged 18,
    exactly four members, no trailing bytes (strict, as the hub writes it)."""
    try:
        obj = loads_exact(cose)
    except PayloadError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise PayloadError(f"not CBOR ({type(exc).__name__})") from None
    if not isinstance(obj, cbor2.CBORTag) or obj.tag != COSE_SIGN1_TAG:
        raise PayloadError("not a tagged COSE_Sign1 structure")
    obj = obj.value
    if not (isinstance(obj, (list, tuple)) and len(obj) == 4 and all(isinstance(obj[i], bytes) for i in (0, 2, 3))):
        raise PayloadError("not a COSE_Sign1 structure")
    protected, _unprotected, payload, signature = obj
    try:
        header = loads_exact(protected)
    except Exception:  # noqa: BLE001
        raise PayloadError("malformed protected header") from None
    if not isinstance(header, Mapping) or header.get(HEADER_ALG) != ALG_EDDSA or not isinstance(header.get(HEADER_KID),
                                                                                              bytes):
        raise PayloadError("the signature algorithm is not EdDSA, or the key id is missing")
    return protected, header[HEADER_KID].decode(errors="replace"), payload, signature


def verify(cose: bytes, keys: dict[str, PublicKey]) -> Verification:
    """Verify offline with public keys only. PayloadError for unusable input; otherwise valid or invalid + why."""
    protected, kid, payload, signature = open_envelope(cose)
    key = keys.get(kid)
    if key is None:
        return Verification("invalid", f"unknown key {kid!r}: not in the published key set", kid)
    try:
        key.key.verify(signature, _sig_structure(protected, payload))
    except InvalidSignature:
        return Verification("invalid", "bad signature: the data was altered or not signed by this key", kid)
    record = decode_record(payload)
    try:
        issued_on = datetime.date.fromisoformat(record["issued_on"]) if record.get("issued_on") else None
        signed_on = datetime.date.fromisoformat(record["signed_on"]) if record.get("signed_on") else issued_on
    except (TypeError, ValueError):
        return Verification("invalid", "the record's issue or signing date is malformed", kid, record)
    if signed_on is None:  # without a date the key's validity after a rotation could not be checked
        return Verification("invalid", "the record has no signing or issue date", kid, record)
    if issued_on and issued_on > signed_on:
        return Verification("invalid", "the record says it was signed before the certificate was issued", kid, record)
    if signed_on < key.not_before or (key.not_after and signed_on > key.not_after):
        return Verification("invalid", f"signed on {signed_on} outside the validity of key {kid}", kid, record)
    return Verification("valid", "", kid, record)
