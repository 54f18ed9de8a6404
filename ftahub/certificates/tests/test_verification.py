"""Public verification: valid, altered, revoked and superseded records; the key set; the signed revocation list."""


import pytest

from ftahub.agreements.models import TradeAgreement
from ftahub.certificates import service
from ftahub.certificates.models import IssuedCertificate
from ftahub.conftest import province
from ftahub.transparency.note import Signer, Verifier, open_note

from .test_payload import RECORD

pytestmark = pytest.mark.django_db


def test_the_page_says_valid_with_the_certificates_data(client, issued):
    page = client.post("/verify/", {"payload": issued.payload}).content.decode()
    assert "Fresh lychees" in page and 'class="verdict ok"' in page


def test_an_altered_payload_is_not_valid(client, issued):
    text = issued.payload
    altered = text[:-3] + ("A" if text[-3] != "A" else "B") + text[-2:]
    body = client.post("/api/v1/certificates/verify", {"payload": altered}, content_type="application/json")
    # either unreadable (422) or read and refused: never valid
    assert body.status_code == 422 or body.json()["status"] == "invalid"


def test_revoked_and_superseded_records_say_so(client, issued):
    service.revoke(issued, "issued in error")
    body = client.post("/api/v1/certificates/verify", {"payload": issued.payload},
                       content_type="application/json").json()
    assert body["status"] == "revoked" and body["revocation_reason"] == "issued in error"
    replacement = service.issue({**RECORD, "co_number": "VN-24-2026-000124 (demo)"},
                                TradeAgreement.objects.get(code="CPTPP"), province(24), issued.enterprise)
    service.revoke(replacement, "quantity corrected", replacement=issued)
    by_number = client.post("/api/v1/certificates/verify", {"co_number": replacement.co_number},
                            content_type="application/json").json()
    assert by_number["status"] == "superseded" and by_number["superseded_by"] == issued.co_number


def test_a_pdf_upload_and_an_unknown_number(client, issued):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("co.pdf", b"%PDF-1.4 /Keywords (" + issued.payload.encode() + b")")
    assert 'class="verdict ok"' in client.post("/verify/", {"document": pdf}).content.decode()
    not_pdf = SimpleUploadedFile("co.pdf", b"MZ" + issued.payload.encode())
    refused = client.post("/verify/", {"document": not_pdf}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "not a readable FTA Hub C/O record" in refused and "Technical detail" in refused
    assert client.post("/api/v1/certificates/verify", {"co_number": "NOPE"},
                       content_type="application/json").status_code == 404


def test_key_set_and_signed_revocation_list(client, issued):
    keys = client.get("/.well-known/ftahub-keys.json").json()["keys"]
    assert keys[0]["kid"] == "bn-test" and "d" not in keys[0]
    service.revoke(issued, "issued in error")
    note = client.get("/verify/revocations.txt").content.decode()
    verifier_key = Signer("bn-test", service.key_ring().private_key("bn-test")).verifier_key()
    text, names = open_note(note, [Verifier.parse(verifier_key)])
    assert names == ["bn-test"] and issued.co_number in text and "issued in error" in text


def test_revocation_needs_a_reason(issued):
    with pytest.raises(ValueError):
        service.revoke(issued, "  ")
    assert IssuedCertificate.objects.get(pk=issued.pk).status == "valid"


def test_the_downloaded_pdf_verifies_offline_and_only_its_owners_see_it(issued, client_for, make, tmp_path):
    import subprocess
    import sys

    from ftahub.accounts.models import User

    owner = make.user(User.Role.BUSINESS, 24, enterprise=issued.enterprise)
    response = client_for(owner).get(f"/verify/certificates/{issued.co_number}.pdf")
    assert response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "co.pdf"
    pdf.write_bytes(response.content)
    keyset = tmp_path / "keys.json"
    keyset.write_text(client_for(owner).get("/.well-known/ftahub-keys.json").content.decode())
    result = subprocess.run([sys.executable, "-m", "ftahub", "eco", "verify", str(pdf), "--keys", str(keyset)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("VALID"), result.stderr
    stranger = make.user(User.Role.BUSINESS, 25, enterprise=make.enterprise(25))
    assert client_for(stranger).get(f"/verify/certificates/{issued.co_number}.pdf").status_code == 404
