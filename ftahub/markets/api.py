"""Export markets in the API: a market's profile (per product) and the notices."""

import datetime

from django.http import Http404
from ninja import Router, Schema

from ftahub.common import hscode

from . import service
from .models import Notice

router = Router(tags=["markets"])


class MarketAgreementOut(Schema):
    code: str
    name: str
    in_force: bool
    proof_of_origin: str | None
    rule_kind: str | None = None  # specific, general, by_description, none
    rule: str | None = None
    rule_article: str | None = None


class PartnerLineOut(Schema):
    code: str
    description: str
    mfn: str | None
    preferential: dict[str, str]


class NoticeOut(Schema):
    id: int
    kind: str
    country: str
    reference: str
    title: str
    products: str
    hs_codes: list[str]
    measure: str
    stage: str
    objective: str
    published_on: datetime.date
    comment_deadline: datetime.date | None
    in_force_on: datetime.date | None
    url: str
    source: str
    open: bool
    demo: bool


class RequirementOut(Schema):
    kind: str
    hs_code: str
    title: str
    title_en: str
    detail: str
    source: str
    url: str
    applies_from: datetime.date | None
    demo: bool


class MarketOut(Schema):
    country: str
    name: str
    product: str | None
    agreements: list[MarketAgreementOut]
    partner_schedule: str | None  # edition of the partner's schedule the duties come from; None: none loaded
    partner_source: str | None
    duties: list[PartnerLineOut]
    tariff_sites: list[str]
    requirements: list[RequirementOut]
    notices: list[NoticeOut]
    exports_usd: dict[int, float]  # Viet Nam's exports of the product's heading to the market, by year
    exports_demo: bool  # some of those figures are made up for the demo


def _notice(n: Notice) -> dict:
    return {"id": n.pk, "kind": n.kind, "country": n.country, "reference": n.reference, "title": n.title,
            "products": n.products, "hs_codes": n.prefixes, "measure": n.remedy, "stage": n.stage,
            "objective": n.objective, "published_on": n.published_on, "comment_deadline": n.comment_deadline,
            "in_force_on": n.in_force_on, "url": n.url, "source": n.source, "open": n.is_open, "demo": n.is_demo}


def _market(country: str, product: str | None) -> dict:
    country = country.upper()
    if country != "EU" and service.country_name(country) == country:
        raise Http404("no such country")
    code = None
    if product:
        try:
            code = hscode.digits(product, levels=(2, 4, 6, 8))[:6]
        except hscode.HSCodeError:
            raise Http404("not an HS code") from None
    data = service.profile(country, code)
    duties = data.get("duties") or {"lines": [], "edition": None, "source": None}
    return {
        "country": country, "name": data["name"], "product": code,
        "agreements": [{"code": r["agreement"].code, "name": r["agreement"].name, "in_force": r["in_force"],
                        "proof_of_origin": r["agreement"].co_form or None,
                        "rule_kind": (r.get("rule") or {}).get("kind"), "rule": (r.get("rule") or {}).get("rule"),
                        "rule_article": (r.get("rule") or {}).get("article")} for r in data["agreements"]],
        "partner_schedule": duties["edition"], "partner_source": duties["source"],
        "duties": [{"code": ln["code"], "description": ln["description"], "mfn": ln["mfn"],
                    "preferential": ln["preferential"]} for ln in duties["lines"]],
        "tariff_sites": [url for _label, url in data["sites"]],
        "requirements": [{"kind": r.kind, "hs_code": r.hs_prefix, "title": r.title, "title_en": r.title_en,
                          "detail": r.detail, "source": r.source, "url": r.url, "applies_from": r.applies_from,
                          "demo": r.is_demo} for r in data["requirements"]],
        "notices": [_notice(n) for n in data["notices"]],
        "exports_usd": {y: v["value"] for y, v in (data.get("exports") or {}).items()},
        "exports_demo": any(v["demo"] for v in (data.get("exports") or {}).values()),
    }


@router.get("/markets/{country}", response=MarketOut, summary="A market: agreements, requirements, open notices")
def market(request, country: str):
    return _market(country, None)


@router.get("/markets/{country}/{product}", response=MarketOut,
            summary="A market for a product: rules, the partner's duties where loaded, requirements, notices, exports")
def market_product(request, country: str, product: str):
    return _market(country, product)


@router.get("/notices", response=list[NoticeOut], summary="Trade-remedy cases, SPS/TBT notifications, requirement "
                                                          "changes; newest first")
def notices(request, country: str | None = None, kind: str | None = None, hs: str | None = None,
            open_only: bool = True):
    rows = Notice.objects.all()
    if open_only:
        rows = rows.filter(is_open=True)
    if country:
        rows = rows.filter(country=country.upper())
    if kind:
        rows = rows.filter(kind=kind)
    code = hscode.compact(hs or "")
    return [_notice(n) for n in rows[:500] if not code or service.matching(n.prefixes, code)]
