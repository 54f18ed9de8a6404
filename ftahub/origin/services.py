"""The database side of the rulebook: product-specific rules by agreement and HS code."""

from ftahub.agreements.models import TradeAgreement
from ftahub.core import refcache

from . import rulebook
from .models import ProductSpecificRule
from .rulebook import AmbiguousRule, RuleSet


def rule_sets(agreement: str) -> list[RuleSet]:
    return [
        RuleSet(r.agreement.code, r.hs_from, r.hs_to, r.heading, r.description, r.canonical, r.needs_manual_reading,
                r.source)
        for r in ProductSpecificRule.objects.filter(agreement__code=agreement.upper()).select_related("agreement")
    ]


def _rules_by_chapter(agreement: str) -> dict[str, list[ProductSpecificRule]]:
    """The agreement's rule sets, bucketed by every chapter their range touches (cached reference data)."""
    def build():
        buckets: dict[str, list[ProductSpecificRule]] = {}
        for rule in ProductSpecificRule.objects.filter(agreement__code=agreement).select_related("agreement"):
            for chapter in range(int(rule.hs_from[:2]), int(rule.hs_to[:2]) + 1):
                buckets.setdefault(f"{chapter:02d}", []).append(rule)
        return buckets

    return refcache.cached(f"psr:{agreement}", build)


def candidates(agreement: str, hs: str) -> list[ProductSpecificRule]:
    """The most specific rule sets for the code (more than one when the source splits a code by description)."""
    code = rulebook.pad(hs)
    covering = [r for r in _rules_by_chapter(agreement.upper()).get(code[:2], []) if r.hs_from <= code <= r.hs_to]
    if not covering:
        return []
    narrowest = min(r.span for r in covering)
    return [r for r in covering if r.span == narrowest]


def rule_text_for(agreement: str | None, hs: str) -> str | None:
    """Canonical rule text for the code, None where no rule is loaded; AmbiguousRule where it depends on the
    product's description."""
    if not agreement:
        return None
    found = candidates(agreement, hs)
    if len({r.canonical for r in found}) > 1:
        raise AmbiguousRule(hs, [RuleSet(r.agreement.code, r.hs_from, r.hs_to, r.heading, r.description, r.canonical,
                                         r.needs_manual_reading, r.source) for r in found])
    return found[0].canonical if found else None


def agreements_with_rules() -> list[str]:
    return list(TradeAgreement.objects.filter(rules__isnull=False).distinct().values_list("code", flat=True))
