"""Bodies built to break a parser get the hub's JSON error, not a server error (#18)."""

import pytest

from ftahub.trace.models import CaptureToken

pytestmark = pytest.mark.django_db
DEEP = "[" * 100_000 + "]" * 100_000


def test_deeply_nested_json_on_capture_is_bad_input(client, party):
    _, token = CaptureToken.issue(party, "hostile")
    response = client.post("/api/v1/epcis/capture", DEEP, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 400 and response.json()["code"] == "not_json"


def test_deeply_nested_json_on_verify_is_bad_input(client):
    response = client.post("/api/v1/certificates/verify", DEEP, content_type="application/json")
    assert response.status_code == 400 and "code" in response.json()
