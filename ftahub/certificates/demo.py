"""Demo data of the C/O records: the deployment's demo signing key and one signed demo C/O (labelled demo)."""

from ftahub.accounts import demo
from ftahub.agreements.models import TradeAgreement

from . import service
from .models import IssuedCertificate


def load(report=print) -> None:
    """The demo's own signing key (made on first run) and one signed demo C/O to verify."""
    enterprise, province = demo.enterprise(1), demo.province()

    ring = service.key_ring()
    if ring.current() is None:
        entry = ring.generate("demo-bn-1")
        report(f"Demo signing key {entry['kid']} generated in {ring.folder}")
    number = "DEMO-VN-24-2026-0001"
    if not IssuedCertificate.objects.filter(co_number=number).exists():
        record = {
            "co_number": number, "agreement": "CPTPP", "form": "CPTPP", "issuer": "Bắc Ninh C/O desk (demo)",
            "exporter": {"name": enterprise.name, "tax_code": enterprise.tax_code, "address": "Lục Ngạn (demo)"},
            "importer": {"name": "Demo Importer KK (demo)", "country": "JP"},
            "transport": {"means": "air", "loading": "Nội Bài", "discharge": "Narita"}, "destination": "JP",
            "invoice": {"number": "DEMO-INV-1"},
            "items": [{"hs": "081090", "description": "Fresh lychees (demo)", "quantity": 1200, "unit": "kg",
                       "fob": 4800.0, "criterion": "WO"}],
            "province": province.code,
        }
        cert = service.issue(record, TradeAgreement.objects.get(code="CPTPP"), province, enterprise, is_demo=True)
        report(f"Demo C/O {cert.co_number} signed; verify at /verify/")
