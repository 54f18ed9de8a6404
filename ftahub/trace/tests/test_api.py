"""The EPCIS and log API: a business captures with its own token; queries see only what the asker may see."""

import json
import subprocess
import sys

import pytest

from ftahub.certificates import service as certificates
from ftahub.trace.models import CaptureToken, Event, TraceParty

from .conftest import event, lychee_document

pytestmark = pytest.mark.django_db
LOT = "urn:epc:class:lgtin:8930000123.012.H7"


def post(client, document, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post("/api/v1/epcis/capture", json.dumps(document), content_type="application/ld+json", **headers)


def test_capture_with_a_token_then_query_trace_and_export(client, party):
    _, token = CaptureToken.issue(party, "farm gateway")
    document = lychee_document([event(quantityList=[{"epcClass": LOT, "quantity": 10, "uom": "KGM"}],
                                      bizStep="harvesting")])
    assert post(client, document).status_code == 401
    assert post(client, document, "fth_wrong").status_code == 401
    response = post(client, document, token)
    assert response.status_code == 201 and response.json()["captured"] == 1
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    found = client.get("/api/v1/epcis/events", {"epc": LOT}, **auth).json()
    assert found["type"] == "EPCISQueryDocument"
    assert found["epcisBody"]["queryResults"]["resultsBody"]["eventList"][0]["bizStep"] == "harvesting"
    assert client.get("/api/v1/epcis/trace", {"epc": LOT, "direction": "forward"}, **auth).json()["nodes"][0][
        "key"] == "01/08930000123121/10/H7"
    assert client.get("/api/v1/epcis/export", {"epc": LOT}, **auth).json()["type"] == "EPCISDocument"


def test_an_invalid_document_gets_every_problem_and_nothing_is_stored(client, party):
    _, token = CaptureToken.issue(party, "gateway")
    response = post(client, lychee_document([event(epcList="x")]), token)
    assert response.status_code == 400 and response.json()["problems"]
    assert client.post("/api/v1/epcis/capture", "{not json", content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 400
    assert Event.objects.count() == 0


def test_other_businesses_and_revoked_tokens_see_nothing(client, party, make):
    _, token = CaptureToken.issue(party, "gateway")
    post(client, lychee_document([event(quantityList=[{"epcClass": LOT, "quantity": 1}])]), token)
    other_enterprise = make.enterprise(24)
    other = TraceParty.objects.create(enterprise=other_enterprise, province=other_enterprise.province,
                                      gs1_prefixes="8931111111")
    row, other_token = CaptureToken.issue(other, "theirs")
    empty = client.get("/api/v1/epcis/events", {"epc": LOT}, HTTP_AUTHORIZATION=f"Bearer {other_token}").json()
    assert empty["epcisBody"]["queryResults"]["resultsBody"]["eventList"] == []
    row.revoked = True
    row.save()
    assert client.get("/api/v1/epcis/events", HTTP_AUTHORIZATION=f"Bearer {other_token}").status_code == 401
    assert client.get("/api/v1/epcis/events").status_code == 401


def test_the_log_api_serves_a_bundle_the_cli_verifies_offline(client, party, tmp_path):
    certificates.key_ring().generate("log-api")
    _, token = CaptureToken.issue(party, "gateway")
    index = post(client, lychee_document([event(epcList=["urn:epc:id:sgtin:8930000123.012.9"])]),
                 token).json()["log_indices"][0]
    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps(client.get("/api/v1/log/proof/inclusion", {"index": index}).json()))
    key = tmp_path / "log.key"
    key.write_text(client.get("/api/v1/log/key").content.decode().splitlines()[0])
    result = subprocess.run([sys.executable, "-m", "ftahub", "log", "verify", str(bundle), "--key", str(key)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("VALID"), result.stdout + result.stderr
    assert client.get("/api/v1/log/checkpoint").content.decode().split("\n")[1] == str(index + 1)
    assert client.get(f"/api/v1/log/entries/{index}").json()["kind"] == "epcis-event"
    assert client.get("/api/v1/log/proof/inclusion", {"index": 99999}).status_code == 404
