"""The page of every agreement's general provisions of origin, in words: the general rule (or that the agreement
has product-specific rules only), the value test and its method, the de minimis, the cumulation zone by country
name, and the source of each fact (the provisions data, ``provisions.json``)."""

from dataclasses import asdict

from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ftahub.agreements.models import TradeAgreement
from ftahub.places.models import Country

from . import wording
from .hs import dotted
from .provisions import ToleranceExclusion, _groups, all_provisions
from .words import _refs

VALUE_TESTS = {"RVC": _("regional value content"), "QVC": _("qualifying value content"),
               "LVC": _("local value content"), "VAC": _("value-added content"),
               "MaxNOM": _("maximum value of non-originating materials")}
BASES = {"FOB": _("of the FOB price"), "EXW": _("of the ex-works price"), "weight": _("of the product's weight"),
         "EXW|weight": _("of the ex-works price or of the product's weight")}
CONSIGNMENT = {
    "logistics_only_under_customs_control": _(
        "the goods may pass through other countries on the way, with no processing there other than unloading, "
        "reloading, storing or what keeps them in good condition, and under those countries' customs control"),
    "non_alteration_under_customs_supervision": _(
        "the goods that arrive must be those exported, not altered on the way: only kept in good condition, marked, "
        "labelled or sealed for the importing country, stored or split under customs supervision in the countries "
        "of transit"),
    "transit_justified_no_trade_logistics_only": _(
        "the goods may pass through other countries only where geography or transport requires it, without being "
        "traded or used there, and with nothing done to them other than unloading, reloading, storing or keeping "
        "them in good condition; the transport documents show it"),
}
CONDITIONS = {
    "milk_solids_over_10": _("containing over 10 % milk solids by dry weight"),
    "butterfat_over_25_not_retail": _("containing over 25 % butterfat by dry weight, not put up for retail sale"),
    "contains_milk": _("containing milk"),
    "fortified_single_juice": _("a juice of a single fruit or vegetable, fortified with minerals or vitamins"),
    "peaches_pears_apricots": _("where they are peaches, pears or apricots"),
}
FACTS = {"proof_validity_months": _("validity of the proof of origin"), "direct_consignment": _("direct consignment"),
         "value_test": _("value test"), "default_method": _("method"), "tolerance": _("de minimis"),
         "cumulation": _("cumulation"), "tolerance_by_chapter": _("de minimis by chapter"),
         "tolerance_note": _("de minimis"), "tolerance_textiles": _("de minimis for textile goods"),
         "tolerance_exclusions": _("what the de minimis never covers"),
         "tolerance_covers_wholly_obtained": _("de minimis for materials to be wholly obtained"),
         "value_base": _("value base")}
GROUP_NAMES = {"ASEAN": _("the ASEAN member states"), "EU": _("the EU member states")}


def _ranges(chapters) -> str:
    """{"50", …, "60", "61"} -> "50–61"."""
    numbers = sorted(int(c) for c in chapters)
    parts, start = [], numbers[0]
    for prev, cur in zip(numbers, numbers[1:] + [None], strict=False):
        if cur != prev + 1:
            parts.append(f"{start:02d}" if start == prev else f"{start:02d}–{prev:02d}")
            start = cur
    return ", ".join(parts)


def _codes(codes: frozenset[str]) -> str:
    """A de minimis entry's goods: "Chapters 02, 04–24" or "Headings 16.04, 16.05"."""
    chapters = {c for c in codes if len(c) == 2}
    headings = sorted(c for c in codes if len(c) == 4)
    parts = []
    if chapters:
        parts.append(gettext("Chapters %(chapters)s") % {"chapters": _ranges(chapters)})
    if headings:
        parts.append(gettext("Headings %(headings)s") % {"headings": ", ".join(dotted(h) for h in headings)})
    return "; ".join(parts)


def _exclusions(exclusions: tuple[ToleranceExclusion, ...]) -> list[str]:
    """What the de minimis never covers, one line per kind of goods: "in goods of heading 04.01 to 04.06, except …:
    non-originating materials of heading 04.01 to 04.06; of subheading 1901.90 (containing over 10 % …)"."""
    def said(ranges, condition) -> str:
        text = _refs(ranges)
        return f"{text} ({CONDITIONS.get(condition, condition)})" if condition else text

    groups: dict[tuple, list[str]] = {}
    for e in exclusions:
        groups.setdefault((e.products, e.product_condition, e.except_products), []).append(
            said(e.materials, e.material_condition))
    lines = []
    for (products, condition, excepted), materials in groups.items():
        goods = said(products, condition)
        if excepted:
            goods += gettext(", except goods of %(codes)s") % {"codes": _refs(excepted)}
        lines.append(gettext("in goods of %(goods)s: non-originating materials of %(materials)s") % {
            "goods": goods, "materials": "; ".join(materials)})
    return lines


def _countries(codes: frozenset[str], names: dict[str, str]) -> str:
    """A zone's partner countries by name (Viet Nam's own materials always count), a whole group (ASEAN, the EU)
    by the group's name."""
    left, said = set(codes), []
    for group, members in _groups().items():
        if set(members) <= left:
            said.append(str(GROUP_NAMES.get(group, group)))
            left -= set(members)
    said.extend(sorted(names.get(c, c) for c in left - {"VN"}))
    return ", ".join(said)


def agreement_rules(request):
    agreements = {a.code: a for a in TradeAgreement.objects.all()}
    names = {c.iso2: c.name for c in Country.objects.all()}
    rows = []
    provisions = all_provisions()
    for code, p in provisions.items():
        general = p.general_rule
        rows.append({
            "code": code, "name": agreements[code].name if code in agreements else "",
            "general": asdict(general) if general else None,
            "value_test": VALUE_TESTS.get(p.value_test, p.value_test),
            "method": wording.METHODS.get(p.default_method or "", "") if p.default_method else "",
            "base": BASES.get(p.value_base, p.value_base),
            "tolerance": {"percent": p.tolerance[0], "base": BASES.get(p.tolerance[1], p.tolerance[1])}
            if p.tolerance else None,
            "by_chapter": [{"codes": _codes(codes),
                            "tolerance": {"percent": t[0], "base": BASES.get(t[1], t[1])} if t else None}
                           for codes, t in p.tolerance_by_chapter],
            "exclusions": _exclusions(p.tolerance_exclusions),
            "covers_wholly_obtained": p.tolerance_covers_wholly_obtained,
            "zones": [_countries(zone.countries, names) for zone in p.cumulation],
            "validity": p.proof_validity_months,
            "consignment": CONSIGNMENT.get(p.direct_consignment or "", p.direct_consignment or ""),
            "sources": [(FACTS.get(fact, fact), text) for fact, text in p.sources.items() if text],
        })
    # agreements of the table whose provisions the hub has not read: said, never left out
    rows.extend({"code": code, "name": a.name, "missing": True}
                for code, a in agreements.items() if code not in provisions)
    return render(request, "origin/agreement_rules.html", {"rows": rows})
