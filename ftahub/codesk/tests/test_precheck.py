"""The pre-check finds each planted mistake, and a clean application passes."""

from decimal import Decimal

import pytest

from ftahub.agreements.models import TradeAgreement
from ftahub.codesk import precheck
from ftahub.codesk.models import Document, Item

pytestmark = pytest.mark.django_db


def codes(app) -> dict[str, str]:
    return {f.code: f.severity for f in precheck.run(app)}


def test_a_clean_application_has_no_errors(desk):
    assert not precheck.errors(precheck.run(desk.application()))


def test_an_hs_code_that_does_not_exist(desk):
    app = desk.application()
    app.items.update(hs_code="9499.99")
    assert codes(app)["hs_unknown"] == "error"


def test_a_national_line_not_in_the_tariff_is_a_warning_only(desk):
    app = desk.application()
    app.items.update(hs_code="9403.60.99")  # subheading 9403.60 exists; the tariff has only .10 and .90
    assert codes(app).get("hs_national_unloaded") == "warning"
    assert "hs_unknown" not in codes(app)


def test_the_line_s_import_procedures_are_advice_that_never_blocks(desk):
    app = desk.application()
    app.items.update(hs_code="9403.60.90")  # wooden furniture: the tariff lists four procedures with their basis
    findings = [f for f in precheck.run(app) if f.code == "import_procedures"]
    assert [f.severity for f in findings] == ["advice"]
    assert "01/2024/TT-BNNPTNT M21" in findings[0].message and "08/2023/TT-BCT - PL2" in findings[0].message
    assert not [f for f in precheck.errors(precheck.run(app)) if f.code == "import_procedures"]


def test_criterion_that_contradicts_the_self_assessment(desk):
    app = desk.application()
    app.items.update(criterion=Item.Criterion.WO)  # the assessment has imported wood: not wholly obtained
    assert codes(app)["criterion_contradicts"] == "error"
    app.items.update(criterion=Item.Criterion.RVC)  # RVC(40, build-down) passed
    assert "criterion_contradicts" not in codes(app)


def test_a_product_the_self_assessment_fails(desk, make):
    from ftahub.codesk.tests.conftest import saved_assessment

    case = {"product": {"hs": "9403.60", "fob": 100.0, "description": "Table, mostly imported"},
            "materials": [{"hs": "9403.90", "value": 95.0, "country": "CN", "originating": False}]}
    app = desk.application()
    app.items.update(assessment=saved_assessment(desk.enterprise, case))
    assert codes(app)["assessment_fails"] == "error"


def test_another_enterprises_assessment_cannot_be_attached(desk):
    from ftahub.codesk.tests.conftest import saved_assessment

    app = desk.application()
    app.items.update(assessment=saved_assessment(desk.other_enterprise))
    assert codes(app)["assessment_owner"] == "error"


def test_values_that_do_not_add_up(desk):
    app = desk.application(invoice_total=Decimal("1200.00"))
    findings = precheck.run(app)
    mistake = next(f for f in findings if f.code == "values_do_not_add_up")
    assert "1,000.00" in mistake.message and "1,200.00" in mistake.message


def test_an_agreement_that_does_not_cover_the_destination(desk):
    app = desk.application(agreement=TradeAgreement.objects.get(code="EVFTA"), form="EUR.1")
    assert codes(app)["destination_not_covered"] == "error"


def test_the_wrong_form_for_the_agreement(desk):
    assert codes(desk.application(form="D"))["form_mismatch"] == "error"


def test_missing_documents_and_fields_are_listed(desk):
    app = desk.application(port_discharge="", invoice_date=None)
    app.documents.filter(kind=Document.Kind.TRANSPORT).delete()
    findings = precheck.run(app)
    assert {(f.code, f.field) for f in findings} >= {("missing", "port_discharge"), ("missing", "invoice_date"),
                                                     ("document_missing", "documents")}
    assert any("Decree 31/2018" in f.message for f in findings if f.code == "document_missing")


def test_no_goods(desk):
    app = desk.application()
    app.items.all().delete()
    assert codes(app)["no_items"] == "error"


def test_wo_is_accepted_where_the_self_assessment_found_the_product_wholly_obtained(desk):
    """Lychees from the exporter's own farm: the self-assessment says WO, so declaring WO on the C/O is no error."""
    from .conftest import saved_assessment

    lychees = {"product": {"hs": "0810.90.20", "fob": 1000.0, "description": "Fresh lychees",
                           "wholly_obtained": True}, "materials": []}
    assessment = saved_assessment(desk.enterprise, case=lychees)
    app = desk.application()
    app.items.all().delete()
    Item.objects.create(application=app, position=1, hs_code="0810.90.20", description="Fresh lychees",
                        quantity=1000, unit="kg", fob_value=1000, criterion=Item.Criterion.WO, assessment=assessment)
    codes = {f.code for f in precheck.run(app)}
    assert "criterion_contradicts" not in codes and "assessment_fails" not in codes
