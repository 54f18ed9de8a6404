"""The self-assessment page, saved assessments, supplier declarations by link, PDF and evidence pack."""

import datetime
import hashlib
import io
import json
import re
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from ftahub.accounts.models import User
from ftahub.origin.models import OriginAssessment, SupplierDeclaration

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Electric fan", "product_hs": "8414.51", "market": "JP", "fob": "100", "ex_works": "95", "rows": "8",
    "row-0-line": "1", "row-0-hs": "8501.10", "row-0-description": "motor", "row-0-value": "50",
    "row-0-country": "CN", "row-0-originating": "no",
    "row-1-line": "2", "row-1-hs": "8414.90", "row-1-description": "blade", "row-1-value": "20",
    "row-1-country": "VN", "row-1-originating": "yes",
}


def verdicts(html: str) -> list[str]:
    return re.findall(r'data-agreement="([\w-]+)"', html)


def test_anyone_can_assess_and_sees_each_agreement_for_the_market(client):
    html = client.post("/origin/", {**FORM, "assess": "1"}).content.decode()
    assert set(verdicts(html)) == {"CPTPP", "AJCEP", "VJEPA", "RCEP"}
    assert "No product-specific rule of this agreement is loaded" in html or "Chưa" in html or "No product" in html
    assert OriginAssessment.objects.count() == 0


def test_a_given_rule_is_tested_under_every_agreement_with_its_own_provisions(client):
    html = client.post("/origin/", {**FORM, "rule": "RVC(40)", "assess": "1"}).content.decode()
    assert html.count("verdict-line") == 4


def test_a_bad_bom_row_is_reported_and_nothing_is_assessed(client):
    html = client.post("/origin/", {**FORM, "row-1-value": "twenty", "assess": "1"}).content.decode()
    assert "Dòng 3: Trị giá “twenty” không phải là một số." in html and "verdict-line" not in html


def test_an_uploaded_bom_replaces_the_rows(client):
    upload = SimpleUploadedFile("bom.csv", b"hs,description,value,country,originating\n8501.10,motor,50,CN,no\n")
    data = {k: v for k, v in FORM.items() if not k.startswith("row-")} | {"rows": "8", "assess": "1",
                                                                          "bom_file": upload}
    html = client.post("/origin/", data).content.decode()
    assert 'value="motor"' in html and "verdict-line" in html


def test_saving_needs_a_business_user(client):
    response = client.post("/origin/", {**FORM, "save": "1"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert OriginAssessment.objects.count() == 0


@pytest.fixture
def saved(make, client_for):
    enterprise = make.enterprise(24, name="Fan maker")
    owner = make.user(User.Role.BUSINESS, 24, enterprise=enterprise)
    client = client_for(owner)
    response = client.post("/origin/", {**FORM, "save": "1"})
    assert response.status_code == 302
    return OriginAssessment.objects.get(), client, owner


def test_a_saved_assessment_belongs_to_the_enterprise_and_province(saved, make, client_for):
    assessment, client, owner = saved
    assert assessment.enterprise == owner.enterprise and assessment.province.code == 24
    assert client.get(f"/origin/assessments/{assessment.pk}/").status_code == 200
    other_business = make.user(User.Role.BUSINESS, 24, enterprise=make.enterprise(24))
    assert client_for(other_business).get(f"/origin/assessments/{assessment.pk}/").status_code == 404
    assert client_for(make.user(User.Role.CO_OFFICER, 25)).get(
        f"/origin/assessments/{assessment.pk}/pdf").status_code == 404
    assert client_for(make.user(User.Role.CO_OFFICER, 24)).get(
        f"/origin/assessments/{assessment.pk}/").status_code == 200


def test_the_pdf_is_a_pdf_with_the_product(saved):
    assessment, client, _ = saved
    response = client.get(f"/origin/assessments/{assessment.pk}/pdf")
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def request_declaration(client, assessment, kind="long_term"):
    response = client.post(f"/origin/assessments/{assessment.pk}/", {
        "material_line": "2", "supplier_name": "Blade Co (demo)", "supplier_email": "sales@blade.example",
        "kind": kind})
    assert response.status_code == 200
    return SupplierDeclaration.objects.latest("id")


def test_supplier_declares_by_link_without_an_account_and_the_pack_holds_it(saved, client):
    assessment, owner_client, _ = saved
    declaration = request_declaration(owner_client, assessment)
    (email,) = mail.outbox
    assert declaration.token in email.body
    page = client.get(f"/origin/declare/{declaration.token}/")
    assert page.status_code == 200 and "Blade Co" in page.content.decode()
    pdf = SimpleUploadedFile("signed.pdf", b"%PDF-1.4 signed declaration", content_type="application/pdf")
    response = client.post(f"/origin/declare/{declaration.token}/", {
        "originating": "yes", "origin_country": "VN", "agreements": "CPTPP", "valid_from": "2026-01-01",
        "valid_to": "2026-12-10", "declarant": "Lê Văn Cường, director", "confirm": "on", "document": pdf})
    assert response.status_code == 200
    declaration.refresh_from_db()
    assert declaration.status == "declared" and declaration.originating is True
    assert declaration.document_sha256 == hashlib.sha256(b"%PDF-1.4 signed declaration").hexdigest()
    # a second submission changes nothing
    client.post(f"/origin/declare/{declaration.token}/", {"originating": "no", "origin_country": "CN",
                                                          "declarant": "x", "confirm": "on"})
    declaration.refresh_from_db()
    assert declaration.originating is True

    pack = owner_client.get(f"/origin/assessments/{assessment.pk}/evidence.zip")
    archive = zipfile.ZipFile(io.BytesIO(pack.content))
    manifest = json.loads(archive.read("manifest.json"))
    names = {f["name"] for f in manifest["files"]}
    assert {"assessment.pdf", "bom.csv", "assessment.json"} <= names
    assert any(n.startswith("declarations/") and "signed" in n and n.endswith(".pdf") for n in names)
    for entry in manifest["files"]:
        assert hashlib.sha256(archive.read(entry["name"])).hexdigest() == entry["sha256"]


def test_an_expiring_declaration_is_warned_about(saved, client):
    assessment, owner_client, _ = saved
    declaration = request_declaration(owner_client, assessment)
    SupplierDeclaration.objects.filter(pk=declaration.pk).update(
        status="declared", originating=True, valid_to=datetime.date.today() + datetime.timedelta(days=10))
    html = owner_client.get(f"/origin/assessments/{assessment.pk}/").content.decode()
    assert "expires on" in html or "hết hạn" in html


def test_long_term_declarations_need_a_validity_and_uploads_are_checked(saved, client):
    assessment, owner_client, _ = saved
    declaration = request_declaration(owner_client, assessment)
    base = {"originating": "yes", "origin_country": "VN", "declarant": "A", "confirm": "on"}
    html = client.post(f"/origin/declare/{declaration.token}/", base).content.decode()
    assert "validity" in html or "hiệu lực" in html
    fake = SimpleUploadedFile("evil.pdf", b"MZ\x90\x00 not a pdf")
    html = client.post(f"/origin/declare/{declaration.token}/", {
        **base, "valid_from": "2026-01-01", "valid_to": "2026-12-31", "document": fake}).content.decode()
    declaration.refresh_from_db()
    assert declaration.status == "requested"


def test_an_unknown_declaration_link_is_404(client):
    assert client.get("/origin/declare/not-a-token/").status_code == 404


def test_vietnamese_amounts_and_country_names_are_read_as_meant(client):
    """A chair priced "2.500.000" VND with a frame bought for "1.200.000" from "Trung Quốc" and fabric from
    "Việt Nam": read as 2,500,000 and 1,200,000, CN and VN — not 2.5, 1.2 and the US Virgin Islands."""
    chair = {**FORM, "product_hs": "9401.61", "currency": "VND", "fob": "2.500.000", "ex_works": "2.400.000",
             "row-0-hs": "4407.11", "row-0-value": "1.200.000", "row-0-country": "Trung Quốc",
             "row-0-originating": "no", "row-1-hs": "5407.61", "row-1-value": "300.000",
             "row-1-country": "Việt Nam", "row-1-originating": "yes", "assess": "1"}
    html = client.post("/origin/", chair).content.decode()
    assert "verdict-line" in html and "role=\"alert\"" not in html
    assert "24000000" not in html.replace(".", "").replace(",", "")  # the RVC of a misread price
    ambiguous = client.post("/origin/", {**chair, "currency": "USD", "fob": "2.500"}).content.decode()
    assert "“2.500” có thể hiểu theo hai cách" in ambiguous and "verdict-line" not in ambiguous
    unknown = client.post("/origin/", {**chair, "row-0-country": "Atlantis"}).content.decode()
    assert "“Atlantis” không phải là tên nước" in unknown


def test_materials_worth_more_than_the_price_are_refused(client):
    html = client.post("/origin/", {**FORM, "fob": "60", "ex_works": "55", "assess": "1"}).content.decode()
    assert "Tổng trị giá nguyên liệu là 70, lớn hơn giá sản phẩm 60" in html and "verdict-line" not in html


def test_the_general_rule_applies_where_no_product_specific_rule_is_loaded_and_says_so(client):
    """To Thailand, the fan (8414.51) has no loaded ATIGA rule: ATIGA's general rule (Article 28(1)(a)) is applied
    and the page says the annex may replace it; RCEP has product-specific rules only (Article 3.2(c)) and its
    annex is not loaded: the hub says it cannot assess, in words."""
    html = client.post("/origin/", {**FORM, "market": "TH", "assess": "1"}).content.decode()
    atiga = html.split('data-agreement="ATIGA"')[1].split("</article>")[0]
    assert "RVC(40) or CTH" in atiga and "áp dụng quy tắc chung của Điều 28 khoản 1(a) ATIGA" in atiga
    rcep = html.split('data-agreement="RCEP"')[1].split("</article>")[0]
    assert "Hiệp định này chỉ áp dụng quy tắc cụ thể mặt hàng (Điều 3.2(c) RCEP)" in rcep


def test_a_missing_price_is_asked_for_in_words_not_an_english_error(client):
    """To the EU the fan's rule is measured against the ex-works price; with only FOB given, the hub asks for it."""
    html = client.post("/origin/", {**FORM, "market": "DE", "ex_works": "", "assess": "1"}).content.decode()
    evfta = html.split('data-agreement="EVFTA"')[1].split("</article>")[0]
    assert "Quy tắc này tính trên giá xuất xưởng" in evfta and "is needed for this rule" not in evfta
