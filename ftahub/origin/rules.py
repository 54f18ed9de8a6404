"""The database side of the rulebook: product-specific rules by agreement and HS code."""

from ftahub.agreements.models import TradeAgreement
from ftahub.core import refcache

from . import rulebook
from .models import ProductSpecificRule
from .provisions import GeneralRule, all_provisions


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
    return rulebook.most_specific(hs, _rules_by_chapter(agreement.upper()).get(rulebook.pad(hs)[:2], []))


def rule_text_for(agreement: str | None, hs: str) -> str | None:
    """Canonical rule text for the code: its product-specific rule, or the agreement's general rule where none is
    loaded (sub-assemblies roll up the same way); None where neither is; AmbiguousRule where it depends on the
    product's description."""
    if not agreement:
        return None
    found = rulebook.lookup(hs, candidates(agreement, hs))
    if found:
        return found.canonical
    general = general_rule(agreement)
    return general.rule if general else None


def rule_origin(agreement: str | None, hs: str) -> tuple[str, GeneralRule | None]:
    """Where the rule for a product comes from: ("product_specific", None) when a loaded rule covers it,
    ("general", rule) when the agreement's general rule applies, ("none", None) when neither is recorded."""
    if not agreement:
        return "none", None
    if rulebook.lookup(hs, candidates(agreement, hs)):
        return "product_specific", None
    general = general_rule(agreement)
    return ("general", general) if general and general.rule else ("none", general)


def general_rule(agreement: str) -> GeneralRule | None:
    """The agreement's general rule, for a product its loaded product-specific rules do not cover (None when none
    is recorded)."""
    provisions = all_provisions().get(agreement.upper())
    return provisions.general_rule if provisions else None


def agreements_with_rules() -> list[str]:
    return list(TradeAgreement.objects.filter(rules__isnull=False).distinct().order_by("code")
                .values_list("code", flat=True))
