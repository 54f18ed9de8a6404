"""Demo C/O applications (labelled demo) in several states, with stamps spread over working days, so the desk and
its turnaround dashboard have something to show. Made-up parties and numbers; HS codes and agreements are real."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from ftahub.accounts import demo
from ftahub.agreements.models import TradeAgreement

from . import service
from .ecosys import Outcome
from .models import Application, Document, Item, Transition

LYCHEES = dict(hs_code="0810.90", description="Fresh lychees (demo)", unit="kg", criterion=Item.Criterion.WO)


def _documents(app) -> None:
    for kind in ("customs_declaration", "invoice", "transport", "origin_statement"):
        data = f"%PDF-1.4\n% DEMO {kind} for {app.reference} - made up for demonstration\n".encode()
        doc = Document(application=app, kind=kind, name=f"demo-{kind}.pdf", size=len(data),
                       sha256=Document.digest(data))
        doc.file.save(doc.name, ContentFile(data), save=True)


def _restamp(app, hours_ago: list[float]) -> None:
    """Spread the application's transitions back in time (hours before now, one per transition, oldest first)."""
    now = timezone.now()
    for transition, hours in zip(app.transitions.order_by("at", "id"), hours_ago, strict=True):
        Transition.objects.filter(pk=transition.pk).update(at=now - datetime.timedelta(hours=hours))


def load(report=print) -> None:
    enterprise, applicant, officer = demo.enterprise(1), demo.user("doanhnghiep"), demo.user("canbo-co")
    if Application.objects.filter(is_demo=True).exists():
        return
    cptpp = TradeAgreement.objects.get(code="CPTPP")
    today = timezone.localdate()
    plans = [("recorded", 4800, [170, 168, 150, 120]), ("submitted", 2400, [30, 26]),
             ("changes_requested", 3600, [75, 73, 50])]
    for state, fob, stamps in plans:
        app = service.create(enterprise, applicant, agreement=cptpp, form=cptpp.co_form, destination="JP",
                             importer_name="Demo Importer KK (demo)", importer_address="Tokyo (demo)",
                             transport_means="Air, Nội Bài – Narita", departure_date=today,
                             port_loading="Nội Bài", port_discharge="Narita",
                             invoice_number=f"DEMO-INV-{fob}", invoice_date=today, invoice_total=Decimal(fob),
                             is_demo=True)
        Item.objects.create(application=app, position=1, quantity=Decimal(fob) / 4, fob_value=Decimal(fob),
                            marks="DEMO", **LYCHEES)
        _documents(app)
        service.submit(app, applicant)
        if state == "recorded":
            service.approve(app, officer, "Demo approval")
            service.record_outcome(app, officer, Outcome(f"DEMO-VN-JP-{today:%y}-24-{fob}", today,
                                                         "Bắc Ninh C/O desk (demo)"))
        elif state == "changes_requested":
            service.request_changes(app, officer, "Demo: attach the phytosanitary certificate reference.")
        _restamp(app, stamps)
    report("Demo C/O applications: 3 (recorded, submitted, changes requested)")
