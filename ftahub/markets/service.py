"""Market profiles, partner schedules, notices and the early warning that sends them to the exporters they concern."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from ftahub.agreements.models import TradeAgreement
from ftahub.common.problems import Problem
from ftahub.core import notices
from ftahub.origin import rulebook
from ftahub.origin.rulebook import AmbiguousRule
from ftahub.origin.rules import candidates, general_rule
from ftahub.places.models import Country

from . import surge
from .models import Delivery, Notice, PartnerEdition, PartnerRate, Requirement
from .noticefile import NoticeRow
from .schedules import read_schedule

NOTICE_KIND = "market_notice"
UPCOMING_DAYS = 30  # the digest lists deadlines and entries into force this many days ahead

# Where a partner publishes its own tariff, for when no schedule of it is loaded. Every market: the ITC's Market
# Access Map and the WTO's Tariff Analysis Online cover the applied tariffs of nearly every WTO member.
EVERY_MARKET = [("ITC Market Access Map", "https://www.macmap.org/"),
                ("WTO Tariff & Trade Data", "https://ttd.wto.org/")]
OFFICIAL_TARIFFS = {
    "US": ("Harmonized Tariff Schedule of the United States (USITC)", "https://hts.usitc.gov/"),
    "GB": ("UK Trade Tariff (HMRC)", "https://www.trade-tariff.service.gov.uk/"),
    "JP": ("Japan Customs: Customs Tariff Schedules of Japan", "https://www.customs.go.jp/english/tariff/"),
    "EU": ("EU Access2Markets (European Commission)", "https://trade.ec.europa.eu/access-to-markets/en/home"),
}
EU_MEMBERS = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
              "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}


def notice_texts() -> dict:
    from django.utils.translation import gettext_lazy as _

    return {NOTICE_KIND: _("%(country)s: %(title)s (%(reference)s), about HS %(codes)s.")}


def problem_words() -> dict:
    from django.utils.translation import gettext_lazy as _

    return {
        "schedule.no_header": _("The file has no header row with a partner code column and a rate column (MFN or "
                                "rate for Viet Nam)."),
        "schedule.bad_code": _("%(value)s is not a tariff line of 6 to 12 digits."),
        "schedule.bad_rate": _("The rate %(rate)s cannot be read."),
        "schedule.no_rate": _("No MFN rate and no rate for Viet Nam on this line."),
        "schedule.no_agreement": _("A rate for Viet Nam is given without the agreement it is under."),
        "schedule.unknown_agreement": _("%(agreement)s is not an agreement of the hub."),
        "schedule.bad_year": _("%(year)s is not a year."),
        "schedule.no_source": _("The source of the schedule is not given (a column or the field on this page)."),
        "schedule.no_edition": _("The edition of the schedule is not given (a column or the field on this page)."),
        "schedule.unmatched": _("%(value)s is not a subheading of HS 2022: the line is loaded but no market page of "
                                "a 2022 subheading shows it."),
        "notices.no_header": _("The header row lacks a column: %(missing)s. Names accepted: %(accepted)s."),
        "notices.bad_kind": _("%(kind)s is not a kind of notice (remedy, sps, tbt, requirement)."),
        "notices.bad_country": _("%(country)s names no country."),
        "notices.bad_date": _("%(date)s is not a date (31/03/2026 or 2026-03-31)."),
        "notices.no_hs": _("No HS code: a notice reaches exporters through its HS codes."),
        "notices.bad_hs": _("%(value)s is not an HS chapter, heading or subheading."),
        "notices.bad_measure": _("%(measure)s is not a trade-remedy measure (ad, cvd, sg, ac)."),
        "notices.bad_stage": _("%(stage)s is not a stage (initiation, preliminary, final, review, closed)."),
        "notices.missing": _("The column %(field)s is empty."),
        "notices.no_source": _("The source is not given (a column or the field on this page)."),
    }


# -- partner schedules -----------------------------------------------------------------------------------------------

def load_schedule(partner: str, filename: str, data: bytes, user=None, source: str = "", edition: str = "",
                  is_fixture: bool = False) -> tuple[list[PartnerEdition], list[Problem]]:
    """Read a partner's schedule and store it: each edition named in the file replaces that edition's earlier
    import. Lines with a problem are left out and reported."""
    codes = set(TradeAgreement.objects.values_list("code", flat=True))
    rows, found = read_schedule(filename, data, codes, source=source, edition=edition)
    from ftahub.tariffs.models import HSCode

    known = set(HSCode.objects.filter(level=6, code__in={r.subheading for r in rows}).values_list("code", flat=True))
    for line, sub in sorted({(r.line, r.subheading) for r in rows if r.subheading not in known}):
        # kept (the partner may print another HS edition), but no market page of a 2022 subheading shows it
        found.append(Problem.of("schedule.unmatched", line, value=sub))
    by_edition = defaultdict(list)
    for row in rows:
        by_edition[(row.edition, row.source)].append(row)
    stored = []
    with transaction.atomic():
        for (name, src), items in by_edition.items():
            record, _created = PartnerEdition.objects.update_or_create(
                partner=partner, edition=name, defaults={"source": src, "file_name": filename[:200],
                                                         "rows": len(items), "report": [p.data() for p in found],
                                                         "is_fixture": is_fixture, "loaded_by": user})
            record.rates.all().delete()
            PartnerRate.objects.bulk_create(
                PartnerRate(edition=record, partner=partner, code=r.code, subheading=r.subheading,
                            description=r.description, agreement=r.agreement, raw=r.raw, percent=r.percent,
                            category=r.category, year=r.year) for r in items)
            stored.append(record)
    return stored, found


def market_key(country: str) -> str:
    """EU members share the Union's tariff: their schedule is kept under 'EU'."""
    return "EU" if country in EU_MEMBERS else country


def partner_rates(country: str, subheading: str, year: int | None = None) -> dict:
    """What ``country`` charges on goods of the HS subheading from Viet Nam, from the latest edition loaded:
    {'lines': [{code, description, mfn, preferential: {agreement: raw}}], 'edition', 'source', 'fixture'}; empty
    'lines' when no schedule of the country is loaded for it."""
    year = year or datetime.date.today().year
    key = market_key(country)
    edition = PartnerEdition.objects.filter(partner=key).order_by("-loaded_at").first()
    if edition is None:
        return {"lines": [], "edition": None, "source": None, "fixture": False}
    rates = list(edition.rates.filter(subheading=subheading[:6]))
    lines: dict[str, dict] = {}
    staged: dict[str, dict[str, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    for rate in rates:
        if rate.agreement and rate.year is not None:
            staged[rate.code][rate.agreement][rate.year] = rate.raw
    for rate in rates:
        if rate.year is not None and rate.year != year and any(
                r.code == rate.code and r.agreement == rate.agreement and r.year == year for r in rates):
            continue  # another year of a staged rate: the year asked is printed
        if rate.year is not None and rate.year > year:
            continue
        line = lines.setdefault(rate.code, {"code": rate.code, "description": rate.description, "mfn": None,
                                            "preferential": {}, "categories": {}, "by_year": {}})
        if rate.agreement:
            kept = line["preferential"].get(rate.agreement)
            if kept is None or (rate.year or 0) >= kept[1]:
                line["preferential"][rate.agreement] = (rate.raw, rate.year or 0)
                if rate.category:
                    line["categories"][rate.agreement] = rate.category
        else:
            line["mfn"] = rate.raw
    for line in lines.values():
        line["preferential"] = {a: raw for a, (raw, _y) in sorted(line["preferential"].items())}
        # an agreement printed for several years: its path, year by year
        line["by_year"] = {a: dict(sorted(years.items())) for a, years in sorted(staged[line["code"]].items())
                           if len(years) > 1}
    return {"lines": sorted(lines.values(), key=lambda x: x["code"]), "edition": edition.edition,
            "source": edition.source, "fixture": edition.is_fixture, "year": year}


def tariff_sites(country: str) -> list[tuple[str, str]]:
    own = OFFICIAL_TARIFFS.get(market_key(country))
    return ([own] if own else []) + EVERY_MARKET


# -- the market profile --------------------------------------------------------------------------------------------

def agreements_with(country: str) -> list[TradeAgreement]:
    wanted = EU_MEMBERS if country == "EU" else {country}
    return [a for a in TradeAgreement.objects.prefetch_related("parties").order_by("in_force_vn", "code")
            if wanted <= {c.iso2 for c in a.parties.all()}]


def country_name(code: str) -> str:
    """The market's name in the reader's language (the EU is a market of its own)."""
    from django.utils.translation import gettext as _

    if code == "EU":
        return _("European Union")
    country = Country.objects.filter(iso2=code).first()
    return country.name if country else code


def resolve_market(text: str) -> str | None:
    """A market typed by a person: a country (code or name, English or Vietnamese) or the European Union."""
    from ftahub.common.text import fold
    from ftahub.places.countries import resolve

    if fold((text or "").strip()) in {"eu", "european union", "lien minh chau au", "eu27", "chau au"}:
        return "EU"
    return resolve(text)


def market_choices() -> list[tuple[str, str]]:
    from ftahub.places.countries import datalist

    return [("EU", country_name("EU")), *datalist()]


def _rule(agreement: str, hs: str) -> dict:
    try:
        found = rulebook.lookup(hs, candidates(agreement, hs))
    except AmbiguousRule:
        return {"kind": "by_description"}
    if found:
        return {"kind": "specific", "rule": found.canonical}
    general = general_rule(agreement)
    if general and general.rule:
        return {"kind": "general", "rule": general.rule, "article": general.article, "article_vi": general.article_vi}
    return {"kind": "none"}


def matching(prefixes: list[str], code: str) -> bool:
    """A notice about HS 0810 concerns 081090 and a notice about 081090 concerns a watcher of heading 0810."""
    return any(p and (code.startswith(p) or p.startswith(code)) for p in prefixes)


def open_notices(country: str | None = None, code: str | None = None) -> list[Notice]:
    rows = Notice.objects.filter(is_open=True)
    if country:
        rows = rows.filter(country__in={country, market_key(country)})
    return [n for n in rows if code is None or matching(n.prefixes, code)]


def requirements(country: str, code: str | None = None) -> list[Requirement]:
    rows = Requirement.objects.filter(partner__in={country, market_key(country)})
    return [r for r in rows if code is None or matching([r.hs_prefix], code)]


def province_exports(country: str, code: str, province: int = 0) -> dict[int, dict]:
    """Yearly exports of the product (its heading) to the market from the statistics (the province's, 0: the
    country's): {year: {'value': USD, 'demo': made up for the demo}}."""
    try:
        from ftahub.stats.service import get_engine

        engine = get_engine()
        restate = bool(province)
        where, params = engine._where({"province": province, "direction": "export", "era": "2025" if restate else None,
                                       "partner": country,
                                       "product_prefix": code[:4]})
        rows = engine.query(f"SELECT year, sum(value_usd), bool_or(demo) FROM {engine.view('trade', restate)}{where} "
                            "GROUP BY 1 ORDER BY 1", params)
    except Exception:  # noqa: BLE001 - no statistics loaded: the profile shows none
        return {}
    return {int(y): {"value": float(v), "demo": bool(d)} for y, v, d in rows if v}


def profile(country: str, code: str | None = None, on: datetime.date | None = None) -> dict:
    on = on or datetime.date.today()
    rows = []
    for agreement in agreements_with(country):
        row = {"agreement": agreement, "in_force": bool(agreement.in_force_vn and agreement.in_force_vn <= on)}
        if code:
            row["rule"] = _rule(agreement.code, code)
        rows.append(row)
    result = {"country": country, "name": country_name(country), "code": code, "agreements": rows,
              "notices": open_notices(country, code), "requirements": requirements(country, code),
              "sites": tariff_sites(country)}
    if code:
        result["duties"] = partner_rates(country, code, on.year)
        result["exports"] = dict(sorted(province_exports(country, code).items()))
    return result


# -- notices and the early warning -----------------------------------------------------------------------------------

def save_notices(rows: list[NoticeRow], user=None) -> tuple[int, int, list[Notice]]:
    """Create or update notices from a table (matched by kind, country and reference). Returns (created, updated,
    the notices saved)."""
    created = updated = 0
    saved = []
    with transaction.atomic():
        for row in rows:
            fields = {f: getattr(row, f) for f in ("title", "products", "hs_codes", "remedy", "stage", "objective",
                                                   "published_on", "comment_deadline", "in_force_on", "url",
                                                   "source")}
            fields["is_open"] = row.stage != "closed"
            notice, made = Notice.objects.update_or_create(kind=row.kind, country=row.country,
                                                           reference=row.reference,
                                                           defaults={**fields, "created_by": user})
            saved.append(notice)
            created += made
            updated += not made
    return created, updated, saved


def _recipients(notice: Notice) -> dict:
    """user -> why the notice concerns them: a watched line of its products (for its country, or any partner), or
    C/O applications for goods of its products to its country."""
    from ftahub.accounts.models import User
    from ftahub.codesk.models import Item
    from ftahub.tariffs.models import WatchItem

    found: dict = {}
    countries = {notice.country} | ({c for c in EU_MEMBERS} if notice.country == "EU" else set())
    for item in WatchItem.objects.select_related("user", "line").filter(Q(partner="") | Q(partner__in=countries)):
        if item.user.is_active and matching(notice.prefixes, item.line.code):
            found.setdefault(item.user, Delivery.Reason.WATCHLIST)
    enterprises = {i.application.enterprise_id for i in Item.objects.select_related("application").filter(
        application__destination__in=countries) if matching(notice.prefixes, i.hs_code.replace(".", ""))}
    for user in User.objects.filter(enterprise_id__in=enterprises, is_active=True):
        found.setdefault(user, Delivery.Reason.EXPORTS)
    return found


def warn(notice: Notice, base_url: str = "") -> int:
    """Send the notice, on screen and by email, to everyone it concerns who has not had it yet."""
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        name = country_name(notice.country)
    sent = 0
    url = base_url + reverse("market-notice", args=[notice.pk])
    for user, reason in _recipients(notice).items():
        _delivery, made = Delivery.objects.get_or_create(notice=notice, user=user, defaults={"reason": reason})
        if not made:
            continue
        notices.notify(user, NOTICE_KIND, url=url, params={
            "country": name, "title": notice.title,
            "reference": notice.reference, "codes": notice.hs_codes})
        sent += 1
    return sent


def warn_all(base_url: str = "", only: list[Notice] | None = None) -> int:
    """Send the open notices given (every open notice when None) to those they concern."""
    rows = Notice.objects.filter(is_open=True) if only is None else [n for n in only if n.is_open]
    return sum(warn(n, base_url) for n in rows)


# -- the officers' weekly digest -----------------------------------------------------------------------------------

def digest(today: datetime.date | None = None, province: int = 0,
           thresholds: surge.Thresholds | None = None) -> dict:
    """Open notices by product and market, the deadlines and entries into force of the coming weeks, and the surge
    signals of the latest year of statistics."""
    today = today or datetime.date.today()
    horizon = today + datetime.timedelta(days=UPCOMING_DAYS)
    open_rows = list(Notice.objects.filter(is_open=True).order_by("country", "hs_codes", "-published_on"))
    upcoming = []
    for n in open_rows:
        for what, day in (("comments", n.comment_deadline), ("in_force", n.in_force_on)):
            if day and today <= day <= horizon:
                upcoming.append({"notice": n, "what": what, "day": day, "days": (day - today).days})
    upcoming.sort(key=lambda u: u["day"])
    groups = defaultdict(list)
    for n in open_rows:
        for prefix in n.prefixes or [""]:
            groups[(prefix, n.country)].append(n)
    signals, year = surge_signals(province, thresholds)
    return {"today": today, "horizon": horizon, "open": open_rows, "upcoming": upcoming,
            "groups": [{"product": p, "country": c, "notices": ns} for (p, c), ns in sorted(groups.items())],
            "surges": signals, "surge_year": year, "thresholds": thresholds or surge.Thresholds()}


def export_rows(province: int = 0) -> list[tuple[str, str, int, float, bool]]:
    """(product, market, year, value USD, made up for the demo) of exports by product and market."""
    try:
        from ftahub.stats.service import get_engine

        engine = get_engine()
        where = "direction = 'export' AND partner <> '' AND product <> '' AND province = ?"
        return [(p, m, int(y), float(v), bool(d)) for p, m, y, v, d in engine.query(
            f"SELECT product, partner, year, sum(value_usd), bool_or(demo) FROM {engine.view('trade', bool(province))} "
            f"WHERE {where} GROUP BY 1, 2, 3", [province]) if v]
    except Exception:  # noqa: BLE001 - no statistics loaded
        return []


def surge_signals(province: int = 0, thresholds: surge.Thresholds | None = None,
                  year: int | None = None) -> tuple[list[dict], int | None]:
    """The surges of the latest year (or ``year``), each as {'surge', 'demo'}: demo when a figure it uses is."""
    rows = export_rows(province)
    if not rows:
        return [], None
    year = year or max(r[2] for r in rows)
    demo = {(p, m) for p, m, y, _v, d in rows if d and y in (year, year - 1)}
    found = surge.surges([r[:4] for r in rows], year, thresholds or surge.Thresholds())
    return [{"surge": s, "demo": (s.product, s.market) in demo} for s in found], year


def officers_to_digest():
    from ftahub.accounts.models import OFFICER_ROLES, User

    return User.objects.filter(is_active=True, role__in=OFFICER_ROLES).exclude(email="")


def send_digest(base_url: str = "", today: datetime.date | None = None) -> int:
    """Email the weekly digest's summary and its link to the province's officers."""
    from django.core.mail import send_mail
    from django.utils import translation

    data = digest(today)
    with translation.override(settings.LANGUAGE_CODE):
        from django.utils.translation import gettext as _

        subject = _("FTA Hub: weekly early-warning digest")
        body = _("%(open)d open notices, %(upcoming)d deadlines in the next %(days)d days, %(surges)d export surges. "
                 "Read the digest: %(url)s") % {"open": len(data["open"]), "upcoming": len(data["upcoming"]),
                                               "days": UPCOMING_DAYS, "surges": len(data["surges"]),
                                               "url": base_url + reverse("market-digest")}
    sent = 0
    for user in officers_to_digest():
        sent += send_mail(subject, body, None, [user.email], fail_silently=True)
    return sent
