"""Demo smart logistics (labelled demo; names and coordinates are made up or approximate): the demo cooperative's cold
store, a logistics centre, a border gate in Lạng Sơn and a seaport; a lychee consignment of the demo lot (its C/O,
container and seal) from the cold store through the logistics centre to the border gate, another to the port; and
generated crossings and legs for the gate dashboard and the province's figures."""

import datetime

from django.utils import timezone

from ftahub.accounts import demo
from ftahub.places.models import Province

from . import generate
from .models import Consignment, Facility, Leg

PREFIX = "9520001234"  # the demo cooperative's GS1 prefix (952: reserved by GS1 for demonstrations)


def _province(name: str, fallback) -> Province:
    return Province.objects.filter(era="2025", name__icontains=name).first() or fallback


def load(report=print) -> None:
    if Facility.objects.filter(is_demo=True).exists():
        return
    from ftahub.trace import farm
    from ftahub.trace.models import LotLink

    enterprise = demo.enterprise(1)
    home = enterprise.province
    lang_son = _province("Lạng Sơn", home)
    hai_phong = _province("Hải Phòng", home)
    store = Facility.objects.create(
        kind="cold_store", name="Kho lạnh hợp tác xã vải thiều (demo)", name_en="Lychee cooperative cold store (demo)",
        operator=enterprise.name, enterprise=enterprise, gln=farm.party_gln(PREFIX), province=home,
        address="Địa chỉ minh họa (demo)", latitude="21.37000", longitude="106.62000", pallets=120,
        cubic_metres=900, temperature_min="1.0", temperature_max="5.0", services="Sơ chế, đóng gói, bảo quản lạnh",
        is_demo=True)
    centre = Facility.objects.create(
        kind="centre", name="Trung tâm logistics minh họa (demo)", name_en="Demo logistics centre (demo)",
        operator="Công ty logistics minh họa (demo)", gln="9520000000015", province=home,
        address="Địa chỉ minh họa (demo)", latitude="21.27000", longitude="106.19000", pallets=2000, teu=150,
        trucks_per_day=80, temperature_min="0.0", temperature_max="8.0", services="Kho lạnh, gom hàng, khai hải quan",
        certifications="Minh họa (demo)", is_demo=True, verified_at=timezone.now())
    gate = Facility.objects.create(
        kind="gate", name="Cửa khẩu Lạng Sơn (demo)", name_en="Lạng Sơn border gate (demo)",
        operator="Ban quản lý cửa khẩu (demo)", gln="9520000000028", province=lang_son,
        latitude="21.97000", longitude="106.70000", trucks_per_day=1200, services="Thông quan, kiểm dịch",
        is_demo=True, verified_at=timezone.now())
    gate2 = Facility.objects.create(
        kind="gate", name="Cửa khẩu phụ minh họa (demo)", name_en="Demo secondary border gate (demo)",
        gln="9520000000035", province=lang_son, trucks_per_day=300, is_demo=True)
    port = Facility.objects.create(
        kind="port", name="Cảng biển minh họa Hải Phòng (demo)", name_en="Demo seaport, Hai Phong (demo)",
        gln="9520000000042", province=hai_phong, latitude="20.86000", longitude="106.68000", teu=5000,
        services="Container lạnh", is_demo=True)
    link = LotLink.objects.filter(enterprise=enterprise).first()
    lots = f"https://id.gs1.org/01/{link.gtin}/10/{link.lot}" if link else ""
    co_number = link.certificate.co_number if link and link.certificate_id else ""
    now = timezone.now()
    from ftahub.trace.models import Event

    # the legs start once the lot has been loaded (its last EPCIS event), so the timeline reads in order
    last = Event.objects.filter(enterprise=enterprise).order_by("-event_time").values_list("event_time", flat=True)
    start = (last.first() or now - datetime.timedelta(days=2)) + datetime.timedelta(minutes=30)
    by_road = Consignment.objects.create(
        enterprise=enterprise, province=home, reference="DEMO-LS-001", goods="Vải thiều tươi (demo)",
        hs_code="0810.90", destination="CN", lots=lots, co_number=co_number, invoice_number="DEMO-INV-001",
        units="DEMU1234567 SEAL-0001", weight_kg=780, show_on_verification=True, is_demo=True)
    hours = datetime.timedelta(hours=1)
    Leg.objects.create(consignment=by_road, position=1, mode="road", carrier="Vận tải minh họa (demo)",
                       vehicle="98C-000.01", origin=store, destination=centre, planned_departure=start,
                       planned_arrival=start + 3 * hours, departed_at=start + 0.5 * hours,
                       arrived_at=start + 3.2 * hours, province=home, is_demo=True)
    Leg.objects.create(consignment=by_road, position=2, mode="road", carrier="Vận tải minh họa (demo)",
                       vehicle="98C-000.01", origin=centre, destination=gate, planned_departure=start + 5 * hours,
                       planned_arrival=start + 9 * hours, departed_at=start + 5 * hours, arrived_at=start + 8.5 * hours,
                       province=home, is_demo=True)
    by_sea = Consignment.objects.create(
        enterprise=enterprise, province=home, reference="DEMO-HP-002", goods="Vải thiều tươi (demo)",
        hs_code="0810.90", destination="JP", lots=lots, units="DEMU7654321 SEAL-0002", weight_kg=780, is_demo=True)
    Leg.objects.create(consignment=by_sea, position=1, mode="road", origin=centre, destination=port,
                       planned_departure=now + 6 * hours, planned_arrival=now + 10 * hours, province=home,
                       is_demo=True)
    crossings = generate.crossings([gate, gate2], 3000, days=90, seed=7)
    bulk = Consignment.objects.create(enterprise=enterprise, province=home, reference="DEMO-VOLUMES",
                                      goods="Luồng hàng tạo tự động (demo)", is_demo=True)
    legs = generate.legs(bulk, [store, centre, gate, gate2, port], 1500, days=330, seed=8)
    report(f"Demo logistics: 5 facilities, 2 lychee consignments (track /logistics/track/{by_road.token}/), "
           f"{crossings} gate crossings and {legs} legs generated (labelled demo)")
