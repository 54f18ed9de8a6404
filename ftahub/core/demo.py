"""Demo data: made-up enterprises and one account per role, every record labelled demo.

Nothing here is real: names are marked "(demo)", the records carry ``is_demo``, and the site shows a demo banner.
Tax codes are generated to pass the check digit, in a range (99xxxxxxx) no province uses.
"""

from stdnum.vn import mst

from ftahub.accounts.models import Enterprise, User
from ftahub.places.models import Province

DEMO_PASSWORD = "demo-ftahub-2026"
DEMO_PROVINCE_CODE = 24  # Bắc Ninh (since 1 July 2025, including the former Bắc Giang)
OTHER_PROVINCE_CODE = 25  # Phú Thọ (including the former Hòa Bình and Vĩnh Phúc)


def demo_tax_code(serial: int) -> str:
    body = f"99{serial:07d}"
    return body + mst.calc_check_digit(body)


DEMO_ENTERPRISES = [
    # (serial, name, English name, ownership, province code)
    (1, "Hợp tác xã Vải thiều Lục Ngạn (demo)", "Luc Ngan Lychee Cooperative (demo)", "domestic", DEMO_PROVINCE_CODE),
    (2, "Công ty TNHH Điện tử Quế Võ (demo)", "Que Vo Electronics Co., Ltd. (demo)", "fdi", DEMO_PROVINCE_CODE),
    (3, "Công ty CP Dệt may Phú Thọ (demo)", "Phu Tho Garment JSC (demo)", "domestic", OTHER_PROVINCE_CODE),
]

DEMO_USERS = [
    # (username, role, province code or None, enterprise serial or None, display name)
    ("doanhnghiep", User.Role.BUSINESS, DEMO_PROVINCE_CODE, 1, "Nguyễn Văn An (demo)"),
    ("doanhnghiep2", User.Role.BUSINESS, OTHER_PROVINCE_CODE, 3, "Trần Thị Bình (demo)"),
    ("canbo-co", User.Role.CO_OFFICER, DEMO_PROVINCE_CODE, None, "Lê Minh Châu (demo)"),
    ("canbo-doingoai", User.Role.FA_OFFICER, DEMO_PROVINCE_CODE, None, "Phạm Thu Dung (demo)"),
    ("canbo-co-phutho", User.Role.CO_OFFICER, OTHER_PROVINCE_CODE, None, "Vũ Quốc Em (demo)"),
    ("thongke", User.Role.STATISTICIAN, DEMO_PROVINCE_CODE, None, "Đỗ Hải Giang (demo)"),
    ("quantri", User.Role.ADMINISTRATOR, None, None, "Hoàng Lan Hương (demo)"),
]


def load_demo(report=print) -> list[tuple[str, str]]:
    provinces = {p.code: p for p in Province.objects.filter(era=Province.Era.FROM_2025)}
    if DEMO_PROVINCE_CODE not in provinces:
        raise RuntimeError("load the reference data (provinces) before the demo data")
    enterprises = {}
    for serial, name, name_en, ownership, province_code in DEMO_ENTERPRISES:
        enterprise, _ = Enterprise.objects.get_or_create(
            tax_code=mst.format(demo_tax_code(serial)),
            defaults={"name": name, "name_en": name_en, "ownership": ownership,
                      "province": provinces[province_code], "is_demo": True},
        )
        enterprises[serial] = enterprise
    accounts = []
    for username, role, province_code, enterprise_serial, full_name in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            first, _, last = full_name.partition(" ")  # the last name keeps its "(demo)" label
            user = User(username=username, role=role, first_name=first, last_name=last,
                        province=provinces.get(province_code) if province_code else None,
                        enterprise=enterprises.get(enterprise_serial), email=f"{username}@demo.invalid")
            user.is_staff = role == User.Role.ADMINISTRATOR
            user.is_superuser = role == User.Role.ADMINISTRATOR
            user.set_password(DEMO_PASSWORD)
            user.save()
        accounts.append((username, str(user.get_role_display())))
    _demo_certificate(enterprises[1], provinces[DEMO_PROVINCE_CODE], report)
    from ftahub.codesk import demo as codesk_demo

    codesk_demo.load(enterprises[1], User.objects.get(username="doanhnghiep"), User.objects.get(username="canbo-co"),
                     report)
    from ftahub.trace import demo as trace_demo

    trace_demo.load(enterprises[1], report)
    from ftahub.events import demo as events_demo
    from ftahub.registry import demo as registry_demo

    events_demo.load(provinces[DEMO_PROVINCE_CODE], report)
    from ftahub.stats import demo as stats_demo

    stats_demo.load(report)
    from ftahub.content import demo as content_demo

    content_demo.load(provinces[DEMO_PROVINCE_CODE], report)
    registry_demo.load(provinces[DEMO_PROVINCE_CODE], User.objects.get(username="canbo-doingoai"), enterprises, report)
    report(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    for username, role in accounts:
        report(f"  {username:<18} {role}")
    return accounts


def _demo_certificate(enterprise, province, report) -> None:
    """The demo's own signing key (made on first run) and one signed demo C/O to verify."""
    from ftahub.agreements.models import TradeAgreement
    from ftahub.certificates import service
    from ftahub.certificates.models import IssuedCertificate

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
