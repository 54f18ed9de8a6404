"""The page of every agreement's general provisions of origin, in words: the general rule (or that the agreement
has product-specific rules only), the value test and its method, the de minimis, the cumulation zone by country
name, and the source of each fact (the provisions data, ``provisions.json``)."""

from dataclasses import asdict

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ftahub.agreements.models import TradeAgreement
from ftahub.places.models import Country

from . import wording
from .provisions import _groups, all_provisions

VALUE_TESTS = {"RVC": _("regional value content"), "QVC": _("qualifying value content"),
               "LVC": _("local value content"), "VAC": _("value-added content"),
               "MaxNOM": _("maximum value of non-originating materials")}
BASES = {"FOB": _("of the FOB price"), "EXW": _("of the ex-works price"), "weight": _("of the product's weight")}
CONSIGNMENT = {"logistics_only_under_customs_control": _(
    "the goods may pass through other countries on the way, with no processing there other than unloading, reloading, "
    "storing or what keeps them in good condition, and under those countries' customs control")}
FACTS = {"proof_validity_months": _("validity of the proof of origin"), "direct_consignment": _("direct consignment"),
         "value_test": _("value test"), "default_method": _("method"), "tolerance": _("de minimis"),
         "cumulation": _("cumulation"), "tolerance_by_chapter": _("de minimis by chapter")}
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
    for code, p in all_provisions().items():
        general = p.general_rule
        rows.append({
            "code": code, "name": agreements[code].name if code in agreements else "",
            "general": asdict(general) if general else None,
            "value_test": VALUE_TESTS.get(p.value_test, p.value_test),
            "method": wording.METHODS.get(p.default_method or "", "") if p.default_method else "",
            "base": BASES.get(p.value_base, p.value_base),
            "tolerance": {"percent": p.tolerance[0], "base": BASES.get(p.tolerance[1], p.tolerance[1])}
            if p.tolerance else None,
            "by_chapter": [{"chapters": _ranges(chapters),
                            "tolerance": {"percent": t[0], "base": BASES.get(t[1], t[1])} if t else None}
                           for chapters, t in p.tolerance_by_chapter],
            "zones": [_countries(zone.countries, names) for zone in p.cumulation],
            "validity": p.proof_validity_months,
            "consignment": CONSIGNMENT.get(p.direct_consignment or "", p.direct_consignment or ""),
            "sources": [(FACTS.get(fact, fact), text) for fact, text in p.sources.items() if text],
        })
    return render(request, "origin/agreement_rules.html", {"rows": rows})
