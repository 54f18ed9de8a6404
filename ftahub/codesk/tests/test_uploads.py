"""Supporting documents: size and type limits, and only the applicant while the application is editable."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ftahub.codesk import service
from ftahub.codesk.forms import MAX_DOCUMENT

pytestmark = pytest.mark.django_db


def upload(client, app, name, data, kind="invoice"):
    return client.post(f"/co/{app.reference}/documents/",
                       {"kind": kind, "file": SimpleUploadedFile(name, data)}, follow=True)


def test_a_pdf_is_attached_with_its_checksum(desk, client_for):
    app = desk.application()
    before = app.documents.count()
    response = upload(client_for(desk.applicant), app, "invoice-7.pdf", b"%PDF-1.7 invoice")
    assert response.status_code == 200 and app.documents.count() == before + 1
    doc = app.documents.get(name="invoice-7.pdf")
    import hashlib
    assert doc.sha256 == hashlib.sha256(b"%PDF-1.7 invoice").hexdigest() and doc.size == 16


@pytest.mark.parametrize("name,data", [("invoice.pdf", b"MZ\x90\x00 not a pdf"), ("run.exe", b"%PDF-1.4"),
                                       ("invoice.html", b"<html>")])
def test_files_whose_type_is_wrong_are_refused(desk, client_for, name, data):
    app = desk.application()
    before = app.documents.count()
    response = upload(client_for(desk.applicant), app, name, data)
    assert app.documents.count() == before
    assert "content matches its name" in response.content.decode() or "khớp" in response.content.decode()


def test_a_file_over_the_limit_is_refused(desk, client_for, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = None
    app = desk.application()
    before = app.documents.count()
    upload(client_for(desk.applicant), app, "big.pdf", b"%PDF" + b"0" * MAX_DOCUMENT)
    assert app.documents.count() == before


def test_no_uploads_once_submitted_or_by_others(desk, client_for):
    app = desk.application()
    before = app.documents.count()
    assert upload(client_for(desk.stranger), app, "x.pdf", b"%PDF-1.4").status_code == 404
    service.submit(app, desk.applicant)
    assert upload(client_for(desk.applicant), app, "x.pdf", b"%PDF-1.4").status_code == 403
    assert app.documents.count() == before
