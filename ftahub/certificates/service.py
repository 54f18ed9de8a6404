"""Issuing, verifying and revoking signed C/O records against the hub's key ring and register."""

import datetime
import hashlib
import re

from django.db import transaction
from django.utils import timezone

from ftahub.core import keys
from ftahub.transparency import ledger
from ftahub.transparency.note import Signer

from .keys import KeyError_, load_keyset
from .models import IssuedCertificate
from .payload import PayloadError, from_qr_text, sign, to_qr_text, verify

key_ring = keys.key_ring  # the hub-wide key ring (ftahub.core.keys), also the transparency log's
published_keyset = keys.published_keyset


# a C/O number as eCoSys and the forms print it: letters, digits, spaces, "/", "-", ".", "()" (e.g. "VN-JP
# 26/24/00123"); never a line break or a control character, which would let a number write lines into the
# revocation list
CO_NUMBER = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 ./()-]{0,48}[A-Za-z0-9)])?")


def valid_co_number(number: str) -> bool:
    return bool(CO_NUMBER.fullmatch(number or ""))


def issue(record: dict, agreement, province, enterprise, is_demo: bool = False) -> IssuedCertificate:
    """Sign the record with the current key and enter it in the register."""
    if not valid_co_number(record.get("co_number", "")):
        raise PayloadError("a C/O number has letters, digits, spaces, '/', '-', '.' or brackets (at most 50)")
    ring = key_ring()
    current = ring.current()
    if current is None:
        raise KeyError_("no current signing key: run 'ftahub eco keygen KID'")
    today = timezone.localdate()
    record = {**record, "issued_on": str(record.get("issued_on") or today), "signed_on": today.isoformat()}
    payload = to_qr_text(sign(record, ring.private_key(current["kid"]), current["kid"]))
    with transaction.atomic():
        cert = IssuedCertificate.objects.create(
            co_number=record["co_number"], agreement=agreement, form=record.get("form", ""), province=province,
            enterprise=enterprise, issued_on=datetime.date.fromisoformat(record["issued_on"]), record=record,
            payload=payload, kid=current["kid"], is_demo=is_demo)
        _log(cert, "co-record")
    return cert


def _log(cert: IssuedCertificate, kind: str) -> None:
    """The public register on the transparency log: number, agreement, date, province, status and the SHA-256 of
    the signed payload (not the exporter's data)."""
    ledger.append({"kind": kind, "ref": cert.co_number, "agreement": cert.agreement.code,
                   "issued_on": cert.issued_on.isoformat(), "province": cert.province.code,
                   "sha256": hashlib.sha256(cert.payload.encode()).hexdigest(), "status": cert.status,
                   "at": timezone.now().astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")})


def revoke(certificate: IssuedCertificate, reason: str, replacement: IssuedCertificate | None = None) -> None:
    if not reason.strip():
        raise ValueError("a revocation needs a reason")
    with transaction.atomic():
        certificate.status = (IssuedCertificate.Status.SUPERSEDED if replacement else IssuedCertificate.Status.REVOKED)
        certificate.revoked_at = timezone.now()
        certificate.revocation_reason = reason.strip()
        certificate.superseded_by = replacement
        certificate.save(update_fields=["status", "revoked_at", "revocation_reason", "superseded_by"])
        _log(certificate, "co-revocation")


def _register_status(co_number: str | None) -> dict:
    cert = IssuedCertificate.objects.filter(co_number=co_number).select_related("superseded_by").first() \
        if co_number else None
    if cert is None:
        return {}
    return {"register_status": cert.status, "revoked_at": cert.revoked_at.isoformat() if cert.revoked_at else None,
            "revocation_reason": cert.revocation_reason or None,
            "superseded_by": cert.superseded_by.co_number if cert.superseded_by else None}


def verify_payload(text: str) -> dict:
    """Signature first (public keys only), then the register: revoked and superseded records say so."""
    result = verify(from_qr_text(text), load_keyset(published_keyset()))
    report = {"status": result.status, "reason": result.reason, "kid": result.kid, "record": result.record}
    if result.valid:
        register = _register_status(result.record.get("co_number"))
        report.update(register)
        if register.get("register_status") in ("revoked", "superseded"):
            report["status"] = register["register_status"]
    return report


def public_view(record: dict) -> dict:
    """What anyone who types a C/O number may see (#18): that the certificate exists, its status, agreement, dates,
    exporter and goods — enough for a customs officer holding the document to match it — without the importer,
    the invoice, the transport or the values, which only the document's holder (its QR code) reveals."""
    return {"co_number": record.get("co_number"), "agreement": record.get("agreement"), "form": record.get("form"),
            "issued_on": record.get("issued_on"), "signed_on": record.get("signed_on"), "issuer": record.get("issuer"),
            "exporter": {"name": (record.get("exporter") or {}).get("name")},
            "importer": {"country": (record.get("importer") or {}).get("country")},
            "destination": record.get("destination"),
            "items": [{k: item.get(k) for k in ("hs", "description", "quantity", "unit", "criterion")}
                      for item in record.get("items") or []]}


def look_up(co_number: str) -> dict | None:
    """A C/O by its number: the signed record checked, and only its public view shown."""
    cert = IssuedCertificate.objects.filter(co_number=co_number.strip()).first()
    if cert is None:
        return None
    report = verify_payload(cert.payload)
    report["record"] = public_view(report["record"])
    report["source"] = "register"
    return report


def revocation_list() -> str:
    """A signed note listing every revoked or superseded C/O (C2SP signed-note format, the current key)."""
    ring = key_ring()
    current = ring.current()
    if current is None:
        raise KeyError_("no current signing key")
    lines = ["ftahub C/O revocations", timezone.now().date().isoformat()]
    for cert in IssuedCertificate.objects.exclude(status=IssuedCertificate.Status.VALID).order_by("co_number"):
        reason = " ".join(cert.revocation_reason.split())
        number = " ".join(cert.co_number.split())  # one line per C/O, whatever an older record holds
        lines.append(f"{number} {cert.status} {cert.revoked_at:%Y-%m-%d} {reason}")
    return Signer(current["kid"], ring.private_key(current["kid"])).sign("\n".join(lines) + "\n")


__all__ = ["PayloadError", "issue", "look_up", "published_keyset", "revocation_list", "revoke", "verify_payload"]
