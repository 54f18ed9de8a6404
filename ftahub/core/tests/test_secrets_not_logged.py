"""Passwords and private keys never reach the logs or the audit log."""

import logging

import pytest

from ftahub.agreements.models import TradeAgreement
from ftahub.certificates import service
from ftahub.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_no_secret_in_logs_or_audit(make, client, caplog, settings):
    caplog.set_level(logging.DEBUG)
    ring = service.key_ring()
    entry = ring.generate("secret-test")
    private_pem = (ring.folder / "secret-test.pem").read_text()
    enterprise = make.enterprise(24)
    service.issue({"co_number": "SECRET-1", "agreement": "CPTPP", "form": "CPTPP", "items": []},
                  TradeAgreement.objects.get(code="CPTPP"), enterprise.province, enterprise)
    user = make.user("business", enterprise=enterprise, username="keeper")
    client.post("/accounts/login/", {"username": "keeper", "password": "a wrong guess 4711"})
    client.post("/accounts/login/", {"username": "keeper", "password": "correct horse battery"})
    user.set_password("a new secret 0815")
    user.save()
    logged = caplog.text + "".join(str(a.changes) for a in AuditEntry.objects.all())
    body = "".join(private_pem.splitlines()[1:-1])
    for secret in ("a wrong guess 4711", "correct horse battery", "a new secret 0815", body[:40]):
        assert secret not in logged
    assert entry["x"] and "PRIVATE" not in (ring.folder / "keyset.json").read_text()
    assert any(a.model == "accounts.user" for a in AuditEntry.objects.all())  # the change itself is audited
