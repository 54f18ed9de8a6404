"""Anyone could read a C/O's full record (importer, invoice, FOB) by typing its number (#18): by number the hub
shows what a customs officer needs to match the document; the document's QR code shows the rest."""

import pytest

from .test_payload import RECORD

pytestmark = pytest.mark.django_db


def test_by_number_only_the_public_view(client, issued):
    report = client.post("/api/v1/certificates/verify", {"co_number": issued.co_number},
                         content_type="application/json").json()
    record = report["record"]
    assert report["status"] == "valid" and record["exporter"] == {"name": RECORD["exporter"]["name"]}
    assert "invoice" not in record and "name" not in record["importer"] and "fob" not in record["items"][0]
    page = client.post("/verify/", {"co_number": issued.co_number}).content.decode()
    assert "Demo Importer KK" not in page and "4800" not in page and RECORD["items"][0]["description"] in page


def test_the_document_s_qr_code_shows_the_whole_record(client, issued):
    record = client.post("/api/v1/certificates/verify", {"payload": issued.payload},
                         content_type="application/json").json()["record"]
    assert record["importer"]["name"] == "Demo Importer KK" and record["invoice"]["number"] == "INV-1"
