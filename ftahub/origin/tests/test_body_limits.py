"""The assessment API refuses a body larger than it can use before parsing it (#18): 70,000 materials took 34 s
of parsing before the engine's own limit (5,000) refused them."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_seventy_thousand_materials_are_refused_before_parsing(client):
    materials = [{"hs": "4407.11", "value": 1.0, "country": "CN", "originating": False}] * 70_000
    body = json.dumps({"agreement": "CPTPP", "product": {"hs": "9401.61", "fob": 100.0}, "materials": materials})
    response = client.post("/api/v1/origin/assess", body, content_type="application/json")
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_an_ordinary_assessment_still_goes_through(client):
    body = {"agreement": "CPTPP", "product": {"hs": "9401.61", "fob": 100.0},
            "materials": [{"hs": "4407.11", "value": 20.0, "country": "CN", "originating": False}]}
    response = client.post("/api/v1/origin/assess", body, content_type="application/json")
    assert response.status_code == 200
