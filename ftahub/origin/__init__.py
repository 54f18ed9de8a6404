"""Rules of origin: the canonical rule language, the assessment engine, the legal-text translator, and the
product-specific rules loaded per agreement.

The core (``language``, ``engine``, ``provisions``, ``translate``, ``case``, ``rulebook``) is plain Python and never
imports Django; the Django parts (models, API, views, commands) sit beside it.

    >>> from ftahub.origin import parse, assess_case
    >>> assess_case({"agreement": "ATIGA", "product": {"hs": "8516.60", "fob": 100}, "materials": []},
    ...             rule="CTH or RVC(40)")["qualifies"]
    True
"""

from .case import read_case
from .engine import Assessment, InputError, Material, Product, assess
from .language import RuleSyntaxError, canonical, parse
from .provisions import provisions_for


def assess_case(case: dict, rule: str | None = None, agreement: str | None = None, rule_for=None) -> dict:
    """Assess a case given as the CLI/API JSON. ``rule`` (canonical text) overrides the looked-up rule;
    ``rule_for(agreement, hs)`` returns canonical rule text (or None) for a product or sub-assembly HS code."""
    case_agreement, product, materials = read_case(case)
    code = (agreement or case_agreement or "").upper() or None
    provisions = provisions_for(code) if code else provisions_for(None)
    if rule is None:
        text = rule_for(code, product.hs) if rule_for and code else None
        if text is None:
            raise InputError(f"no product-specific rule is loaded for HS {product.hs} under {code or 'no agreement'}; "
                             "give one with --rule")
        rule = text
    parsed = parse(rule)

    def sub_rule(hs: str):
        text = rule_for(code, hs) if rule_for and code else None
        return parse(text) if text else None

    return assess(product, materials, parsed, provisions, sub_rule).as_dict()


__all__ = ["Assessment", "InputError", "Material", "Product", "RuleSyntaxError", "assess", "assess_case",
           "canonical", "parse", "provisions_for", "read_case"]
