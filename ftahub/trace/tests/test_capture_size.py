"""The capture limit is the documented 10 MB: a 6 MB document (above Django's 5 MB form limit) is captured, a
larger one than 10 MB is refused with the hub's JSON error and status 413."""

import json

import pytest

from ftahub.trace.models import CaptureToken, Event

from .conftest import event, lychee_document

pytestmark = pytest.mark.django_db
LOT = "urn:epc:class:lgtin:8930000123.012.H8"


def test_a_six_megabyte_document_is_captured(client, party):
    _, token = CaptureToken.issue(party, "big files")
    body = json.dumps(lychee_document([event(quantityList=[{"epcClass": LOT, "quantity": 1, "uom": "KGM"}])]))
    body += " " * (6 * 1024 * 1024)  # whitespace is valid JSON: a large export padded by its writer
    response = client.post("/api/v1/epcis/capture", body, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 201, response.content[:300]
    assert response.json()["captured"] == 1 and Event.objects.filter(enterprise=party.enterprise).count() == 1


def test_more_than_ten_megabytes_is_refused_with_a_json_413(client, party):
    _, token = CaptureToken.issue(party, "too big")
    body = json.dumps(lychee_document([event()])) + " " * (10 * 1024 * 1024)
    response = client.post("/api/v1/epcis/capture", body, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 413
    assert response.json() == {"code": "too_large", "message": "An EPCIS document may be at most 10 MB."}
    assert not Event.objects.filter(enterprise=party.enterprise).exists()
