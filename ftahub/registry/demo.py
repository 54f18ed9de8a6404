"""Demo registry records for the demo province, shaped like the ones our sources describe (twinned provinces,
delegations, MOUs, NGO and ODA commitments, FDI projects, exporters). All made up and labelled "(demo)"."""

import datetime
from decimal import Decimal

from django.utils import timezone

from ftahub.accounts import demo as demo_accounts
from ftahub.places.models import Country

from . import service
from .models import Agreement, Delegation, FDIProject, FollowUp, Partner, Project, Relationship, TradeProfile


def load(report=print) -> None:
    province, officer, enterprises = demo_accounts.province(), demo_accounts.user("canbo-doingoai"), demo_accounts.enterprises()
    if Partner.objects.filter(province=province, is_demo=True).exists():
        return
    today = timezone.localdate()
    c = {code: Country.objects.get(iso2=code) for code in ("KH", "LA", "KR", "DE", "US", "JP")}
    demo = {"province": province, "is_demo": True}
    p = {key: Partner.objects.create(kind=kind, name=name, country=c[cc], **demo) for key, kind, name, cc in [
        ("kh", "locality", "Cambodian partner province (demo)", "KH"),
        ("la", "locality", "Lao partner province (demo)", "LA"),
        ("kr", "locality", "Korean partner city (demo)", "KR"),
        ("ngo", "ngo", "International child-welfare NGO (demo)", "US"),
        ("kfw", "intl_org", "Development bank (demo)", "DE")]}
    Relationship.objects.create(partner=p["kh"], kind="twinning", established_on=datetime.date(2012, 5, 10),
                                agreement="Twinning agreement (demo)", **demo)
    Relationship.objects.create(partner=p["kr"], kind="friendship", established_on=datetime.date(2019, 9, 2),
                                status="dormant", **demo)
    trip = Delegation.objects.create(direction="outbound", title="Trade promotion mission to Korea (demo)",
                                     partner=p["kr"], countries="KR", start=today - datetime.timedelta(days=40),
                                     end=today - datetime.timedelta(days=35), members="Vice-chair, DOIT, 6 exporters",
                                     purpose="Lychee and garment buyers", outcomes="3 buyer meetings followed up",
                                     **demo)
    Delegation.objects.create(direction="inbound", title="Lao provincial delegation (demo)", partner=p["la"],
                              countries="LA", start=today + datetime.timedelta(days=20),
                              end=today + datetime.timedelta(days=22), purpose="Border trade cooperation", **demo)
    mou = Agreement(title="MOU on trade and investment promotion (demo)", partner=p["kr"],
                    parties="Demo province – Korean partner city (demo)", signed_on=today - datetime.timedelta(days=700),
                    expires_on=today + datetime.timedelta(days=45), status="signed", **demo)
    service.save_record(mou)
    Agreement.objects.create(title="MOU on agricultural cooperation (demo)", partner=p["la"],
                             parties="Demo province – Lao partner province (demo)", status="draft", **demo)
    FollowUp.objects.create(title="Send the buyer list to the Korean partner city (demo)", owner=officer,
                            due_on=today + datetime.timedelta(days=5), delegation=trip, **demo)
    FollowUp.objects.create(title="Propose renewal of the trade MOU (demo)", owner=officer,
                            due_on=today + datetime.timedelta(days=14), agreement=mou, **demo)
    Project.objects.create(kind="ngo", title="Child nutrition programme (demo)", donor=p["ngo"],
                           amount=Decimal("450000"), currency="USD", disbursed=Decimal("180000"),
                           start=datetime.date(2024, 1, 1), end=datetime.date(2027, 12, 31), sector="health", **demo)
    Project.objects.create(kind="oda", title="Rural water supply (demo)", donor=p["kfw"], amount=Decimal("8000000"),
                           currency="EUR", disbursed=Decimal("2500000"), start=datetime.date(2023, 6, 1),
                           end=datetime.date(2028, 6, 1), sector="water", **demo)
    FDIProject.objects.create(name="Electronics components plant (demo)", investor="Demo Electronics Co. (demo)",
                              investor_country=c["KR"], registered_capital=Decimal("120000000"),
                              disbursed_capital=Decimal("65000000"), sector="electronics",
                              industrial_park="Demo industrial park", licensed_on=datetime.date(2022, 4, 1),
                              status="operating", **demo)
    FDIProject.objects.create(name="Fruit cold-storage centre (demo)", investor="Demo Logistics KK (demo)",
                              investor_country=c["JP"], registered_capital=Decimal("15000000"),
                              sector="logistics", licensed_on=today - datetime.timedelta(days=90), **demo)
    for enterprise, trades, sectors, hs, markets in [
            (enterprises[1], "export", "fruit", "081090", "JP,CN,AU"),
            (enterprises[2], "both", "electronics", "8517,8542", "KR,US,CN")]:
        if enterprise.province_id == province.pk:
            TradeProfile.objects.get_or_create(enterprise=enterprise, defaults={
                "trades": trades, "sectors": sectors, "hs_codes": hs, "markets": markets, **demo})
    report("Demo registry: 5 partners, 2 relationships, 2 delegations, 2 agreements, 2 tasks, 2 projects, "
           "2 FDI projects")
