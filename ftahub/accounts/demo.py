"""Demo enterprises and one account per role, every record labelled demo; the other capabilities' demo data
hangs off these (``province``, ``enterprise``, ``user``).

Nothing here is real: names are marked "(demo)", the records carry ``is_demo``, and the site shows a demo banner.
Tax codes are generated to pass the check digit, in a range (99xxxxxxx) no province uses.
"""

from stdnum.vn import mst

from ftahub.places.models import Province

from .models import Enterprise, User

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


def province(code: int = DEMO_PROVINCE_CODE) -> Province:
    return Province.objects.get(era=Province.Era.FROM_2025, code=code)


def enterprise(serial: int) -> Enterprise:
    return Enterprise.objects.get(tax_code=mst.format(demo_tax_code(serial)))


def enterprises() -> dict[int, Enterprise]:
    return {serial: enterprise(serial) for serial, *_ in DEMO_ENTERPRISES}


def user(username: str) -> User:
    return User.objects.get(username=username)


def load(report=print) -> list[tuple[str, str]]:
    provinces = {p.code: p for p in Province.objects.filter(era=Province.Era.FROM_2025)}
    if DEMO_PROVINCE_CODE not in provinces:
        raise RuntimeError("load the reference data (provinces) before the demo data")
    made = {}
    for serial, name, name_en, ownership, province_code in DEMO_ENTERPRISES:
        made[serial], _ = Enterprise.objects.get_or_create(
            tax_code=mst.format(demo_tax_code(serial)),
            defaults={"name": name, "name_en": name_en, "ownership": ownership,
                      "province": provinces[province_code], "is_demo": True},
        )
    accounts = []
    for username, role, province_code, enterprise_serial, full_name in DEMO_USERS:
        account = User.objects.filter(username=username).first()
        if account is None:
            first, _, last = full_name.partition(" ")  # the last name keeps its "(demo)" label
            account = User(username=username, role=role, first_name=first, last_name=last,
                           province=provinces.get(province_code) if province_code else None,
                           enterprise=made.get(enterprise_serial), email=f"{username}@demo.invalid")
            account.is_staff = role == User.Role.ADMINISTRATOR
            account.is_superuser = role == User.Role.ADMINISTRATOR
            account.manages_team = role == User.Role.BUSINESS  # each demo enterprise's one account
            account.set_password(DEMO_PASSWORD)
            account.save()
        accounts.append((username, str(account.get_role_display())))
    report(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    for username, role in accounts:
        report(f"  {username:<18} {role}")
    return accounts
