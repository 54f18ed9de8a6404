"""``POST /api/v1/origin/assess`` and ``GET /api/v1/origin/rules``."""

import pytest

from .test_cli import ISSUE_CASE

pytestmark = pytest.mark.django_db


def test_assess_returns_the_verdict_tests_and_remedies(client):
    response = client.post("/api/v1/origin/assess", {**ISSUE_CASE, "rule": "CTH"}, content_type="application/json")
    assert response.status_code == 200
    body = response.json()
    assert body["qualifies"] is False and body["tests"][0]["pass"] is False
    assert body["to_qualify"][0]["value_to_change"] == 20.0


def test_assess_uses_the_loaded_rule_and_reports_errors_as_json(client):
    body = client.post("/api/v1/origin/assess", {**ISSUE_CASE, "agreement": "CPTPP"},
                       content_type="application/json").json()
    assert body["agreement"] == "CPTPP" and body["qualifies"] is True
    bad = client.post("/api/v1/origin/assess", {**ISSUE_CASE, "rule": "RVC(40"}, content_type="application/json")
    assert bad.status_code == 422 and bad.json()["code"] == "rule_syntax"
    no_rule = client.post("/api/v1/origin/assess", {**ISSUE_CASE, "agreement": "AANZFTA"},
                          content_type="application/json")  # product-specific rules only, its annex not loaded
    assert no_rule.status_code == 422 and "no product-specific rule" in no_rule.json()["message"]
    # no annex rule loaded for the product: the agreement's general rule, said as such with its article
    general = client.post("/api/v1/origin/assess", {**ISSUE_CASE, "agreement": "VCFTA"},
                          content_type="application/json").json()
    assert general["rule"] == "RVC(40) or CTH" and general["rule_origin"] == "general"
    assert general["general"]["article"] == "VCFTA Article 4.4(1) and (2)" and "Annex 4-B" in general["general"]["annex"]
    assert body["rule_origin"] == "product_specific" and body["general"] is None


def test_atiga_without_a_loaded_annex_applies_its_general_rule(client):
    """ATIGA Article 28(1)(a): RVC 40 % or a change of heading. The heating element is of the product's own heading
    (85.16), so the change fails; RVC (100 - 20) / 100 = 80 % meets the rule."""
    body = client.post("/api/v1/origin/assess", ISSUE_CASE, content_type="application/json").json()
    assert body["rule"] == "RVC(40) or CTH" and body["qualifies"] is True and body["met_by"] == "RVC(40)"


def test_rules_for_lychees_show_each_agreements_rule_with_its_source(client):
    rules = client.get("/api/v1/origin/rules", {"hs": "0810.90.20"}).json()
    by_agreement = {r["agreement"]: r for r in rules}
    assert by_agreement["CPTPP"]["canonical"] == "CC"
    assert "rolled over" in by_agreement["EVFTA"]["note"]
    assert all(r["source"].startswith("UK Online Trade Tariff") for r in rules)
    assert client.get("/api/v1/origin/rules", {"hs": "8x"}).status_code == 422


def test_parse_endpoint_normalises_rule_text(client):
    assert client.post("/api/v1/origin/parse", {"rule": "cth  or rvc(40)"},
                       content_type="application/json").json() == {"canonical": "CTH or RVC(40)"}


def test_a_wholly_obtained_product_is_assessed_as_such_through_the_api(client):
    lychees = {"agreement": "CPTPP", "product": {"hs": "0810.90.20", "fob": 100.0, "wholly_obtained": True},
               "materials": []}
    body = client.post("/api/v1/origin/assess", lychees, content_type="application/json").json()
    assert body["qualifies"] is True and body["met_by"] == "WO"
