"""The classification assistant on the whole tariff: API, page, CLI, and how officers' confirmations change the
next suggestion (issue #17)."""

import csv
import io
import json
import re

import pytest
from django.core.management import call_command

from ftahub.core.models import AuditEntry
from ftahub.tariffs.models import ClassificationFeedback

pytestmark = pytest.mark.django_db
DRIED_LYCHEES = "vải thiều Lục Ngạn sấy khô"


def classify(client, text, top=5):
    return client.post("/api/v1/hs/classify", {"text": text, "top": top}, content_type="application/json")


def test_the_api_proposes_lines_of_the_whole_tariff_with_reasons(client):
    body = classify(client, "điện thoại di động").json()
    codes = [c["code"] for c in body["candidates"]]
    assert len(codes) == 5 and all(len(c) == 8 and c.isdigit() for c in codes)
    assert "85171300" in codes  # smartphones
    first = body["candidates"][0]
    assert first["subheading"] == first["code"][:6] and first["description_vi"] and first["path_vi"]
    assert any(r["kind"] == "words" and "điện thoại" in r["words"] for r in first["why"])
    english = [c["subheading"] for c in classify(client, "frozen pangasius fillets").json()["candidates"]]
    assert "030462" in english


def test_empty_or_overlong_input_is_refused_clearly(client):
    assert classify(client, "   ").json()["code"] == "empty"
    assert classify(client, "x" * 501).json()["code"] == "too_long"
    assert classify(client, "").status_code == 422


def test_a_correction_changes_the_next_suggestion_in_that_province_only(make, client_for):
    officer = make.user("co_officer", 24)
    business = client_for(make.user("business", enterprise=make.enterprise(24)))
    elsewhere = client_for(make.user("business", enterprise=make.enterprise(1)))
    before = classify(business, DRIED_LYCHEES).json()["candidates"][0]["code"]
    assert before != "08134090"
    response = client_for(officer).post("/api/v1/hs/classify/feedback",
                                        {"text": DRIED_LYCHEES, "code": "0813.40.90", "wrong_code": before},
                                        content_type="application/json")
    assert response.status_code == 201, response.content
    after = classify(business, DRIED_LYCHEES).json()["candidates"]
    assert after[0]["code"] == "08134090" and after[0]["why"][0]["kind"] == "confirmed"
    assert classify(elsewhere, DRIED_LYCHEES).json()["candidates"][0]["code"] == before
    entry = AuditEntry.objects.filter(model__icontains="classificationfeedback").get()
    assert entry.actor == officer


def test_recording_needs_a_signed_in_user_of_a_province_and_a_real_line(client, make, client_for):
    payload = {"text": "quả vải tươi", "code": "08109020"}
    assert client.post("/api/v1/hs/classify/feedback", payload, content_type="application/json").status_code == 401
    officer = client_for(make.user("co_officer", 24))
    bad = officer.post("/api/v1/hs/classify/feedback", {**payload, "code": "0810.90.97"},
                       content_type="application/json")
    assert bad.status_code == 422 and bad.json()["code"] == "unknown_line"
    assert ClassificationFeedback.objects.count() == 0


def test_the_page_in_vietnamese_explains_and_an_officer_confirms_from_it(make, client_for):
    officer = client_for(make.user("co_officer", 24))
    html = officer.get("/hs/classify/", {"q": "ghế sofa khung gỗ bọc da"}).content.decode()
    assert "Tìm mã HS theo mô tả" in html and "9401.61.00" in html
    assert "Lời văn của dòng thuế hoặc các dòng phía trên có" in html
    assert "Đây là dòng đúng" in html
    response = officer.post("/hs/classify/", {"q": DRIED_LYCHEES, "code": "08134090", "wrong_code": "08109020"})
    assert response.status_code == 302
    html = officer.get(response["Location"]).content.decode()
    assert "Cán bộ của tỉnh đã xác nhận dòng thuế này" in html
    assert re.search(r'class="candidate card" data-code="(\d+)"', html).group(1) == "08134090"


def test_the_page_in_english_and_a_vague_description(client):
    html = client.get("/hs/classify/", {"q": "quả"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "too vague" in html
    html = client.get("/hs/classify/", {"q": "frozen pangasius fillets"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Find an HS code from a description" in html and "0304.62" in html
    assert "Đây là dòng đúng" not in html  # an anonymous visitor cannot record a classification


def test_the_helper_fills_a_form_field(client):
    html = client.get("/hs/classify/", {"q": "cà phê nhân chưa rang", "target": "id_product_hs"},
                      HTTP_HX_REQUEST="true").content.decode()
    assert 'data-hs-pick="id_product_hs"' in html and 'data-code="0901.11' in html
    assert "<html" not in html  # only the results, for htmx
    hostile = client.get("/hs/classify/", {"q": "cà phê", "target": '"><b>x'}).content.decode()
    assert "data-hs-pick" not in hostile and "<b>x" not in hostile  # a target that is not a field id is ignored


def test_the_cli_prints_json_and_exits_2_on_empty_input(capsys):
    call_command("hs", "classify", "hạt điều nhân", "--top", "3", "--json")
    body = json.loads(capsys.readouterr().out)
    assert body["query"] == "hạt điều nhân" and len(body["candidates"]) == 3
    assert {"code", "subheading", "score", "description_vi", "description_en", "why"} <= set(body["candidates"][0])
    assert any(c["subheading"] == "080132" for c in body["candidates"])
    with pytest.raises(SystemExit) as info:
        call_command("hs", "classify", "")
    assert info.value.code == 2


def test_confirmations_export_as_a_data_set(make, tmp_path):
    from ftahub.tariffs.classify import record

    officer = make.user("co_officer", 24)
    record(DRIED_LYCHEES, "08134090", officer, officer.province_id, wrong_code="08109020")
    out = tmp_path / "feedback.csv"
    call_command("hs", "feedback-export", "--output", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0]["description"] == DRIED_LYCHEES and rows[0]["code"] == "08134090"
    assert rows[0]["subheading"] == "081340" and rows[0]["corrected_from"] == "08109020"


def test_the_server_builds_the_index_when_it_starts_not_at_the_first_request():
    from ftahub.core.plugins import warm_ups
    from ftahub.tariffs import classify as service

    assert service.classifier in warm_ups()
