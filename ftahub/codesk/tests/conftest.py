import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from ftahub.agreements.models import TradeAgreement
from ftahub.codesk import service
from ftahub.codesk.models import Document, Item
from ftahub.origin.models import OriginAssessment
from ftahub.origin.selfassess import assess_everywhere

FURNITURE = {"product": {"hs": "9403.60", "fob": 1000.0, "description": "Wooden table"},
             "materials": [{"hs": "4407.11", "value": 300.0, "country": "US", "originating": False,
                            "description": "sawn pine"},
                           {"hs": "8302.42", "value": 50.0, "country": "CN", "originating": False,
                            "description": "fittings"}]}


def saved_assessment(enterprise, case=FURNITURE, market="JP") -> OriginAssessment:
    return OriginAssessment.objects.create(
        enterprise=enterprise, province=enterprise.province, title=case["product"]["description"],
        product_hs=case["product"]["hs"].replace(".", ""), market=market, case=case,
        results=assess_everywhere(case, market))


def attach_all_documents(app) -> None:
    for kind in (Document.Kind.CUSTOMS_DECLARATION, Document.Kind.INVOICE, Document.Kind.TRANSPORT,
                 Document.Kind.ORIGIN_STATEMENT):
        data = b"%PDF-1.4 " + kind.encode()
        doc = Document(application=app, kind=kind, name=f"{kind}.pdf", size=len(data), sha256=Document.digest(data))
        doc.file.save(f"{kind}.pdf", ContentFile(data), save=True)


@pytest.fixture
def desk(make):
    """An exporter in Bắc Ninh (24) with a clean CPTPP application to Japan, and officers of 24 and of Hà Nội (1)."""
    class Desk:
        enterprise = make.enterprise(24)
        other_enterprise = make.enterprise(24)
        applicant = make.user("business", enterprise=enterprise)
        stranger = make.user("business", enterprise=other_enterprise)
        officer = make.user("co_officer", 24)
        other_officer = make.user("co_officer", 1)
        assessment = saved_assessment(enterprise)

        def application(self, **overrides):
            fields = dict(agreement=TradeAgreement.objects.get(code="CPTPP"), form="CPTPP", destination="JP",
                          importer_name="Tanaka Trading KK", importer_address="Osaka", transport_means="sea",
                          departure_date=datetime.date(2026, 11, 2), port_loading="Hải Phòng", port_discharge="Osaka",
                          invoice_number="INV-7", invoice_date=datetime.date(2026, 10, 30),
                          invoice_total=Decimal("1000.00"), customs_declaration="305123456789")
            fields.update(overrides)
            app = service.create(self.enterprise, self.applicant, **fields)
            Item.objects.create(application=app, position=1, hs_code="9403.60", description="Wooden tables",
                                quantity=Decimal("10"), unit="pcs", fob_value=Decimal("1000.00"),
                                criterion=Item.Criterion.CTC, assessment=self.assessment)
            attach_all_documents(app)
            return app

    return Desk()
