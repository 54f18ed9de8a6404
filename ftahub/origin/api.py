from dataclasses import asdict
from typing import Any

from ninja import Field, Router, Schema, Status

from ftahub.common import hscode
from ftahub.core.schemas import Error

from . import InputError, RuleSyntaxError, assess_case
from .language import parse
from .provisions import all_provisions
from .rulebook import AmbiguousRule
from .rules import agreements_with_rules, candidates, rule_origin, rule_text_for

router = Router(tags=["origin"])


class MaterialIn(Schema):
    hs: str
    value: float
    description: str | None = None
    country: str | None = None
    originating: bool | None = None
    weight_kg: float | None = None
    quantity: float | None = None
    materials: list["MaterialIn"] = []


class ProductIn(Schema):
    hs: str
    fob: float | None = None
    ex_works: float | None = None
    net_cost: float | None = None
    weight_kg: float | None = None
    processes: list[str] = []
    description: str | None = None
    wholly_obtained: bool = Field(False, description="Wholly obtained in Viet Nam (grown, raised, caught or extracted "
                                                     "there): tested as WO before the product-specific rule")


class AssessIn(Schema):
    agreement: str | None = None
    rule: str | None = None
    product: ProductIn
    materials: list[MaterialIn] = []


class AssessOut(Schema):
    qualifies: bool
    agreement: str
    rule: str
    met_by: str | None
    needs_manual_reading: bool
    tests: list[dict[str, Any]]
    blocking_materials: list[dict[str, Any]]
    to_qualify: list[dict[str, Any]]
    materials: list[dict[str, Any]]
    figures: dict[str, Any]
    notes: list[str]
    sub_assemblies: list[dict[str, Any]]
    rule_origin: str = Field("given", description="where the rule comes from: given (in the request), "
                             "product_specific (a loaded annex rule) or general (the agreement's general rule, "
                             "which the annex may replace for this product: see general)")
    general: dict[str, Any] | None = Field(None, description="the general rule applied, with its article, the annex "
                                           "that may replace it (not loaded here) and its source")


class PartyRuleOut(Schema):
    party: str = Field(description="ISO 3166 alpha-2 code of the only party the alternative applies to")
    legal_text: str
    canonical: str


class RuleOut(Schema):
    agreement: str
    heading: str
    description: str
    hs_from: str
    hs_to: str
    canonical: str
    needs_manual_reading: bool
    legal_text: str
    source: str
    note: str
    party_rules: list[PartyRuleOut]


@router.post("/origin/assess", response={200: AssessOut, 422: Error},
             summary="Assess a product's bill of materials against a rule of origin")
def assess(request, payload: AssessIn):
    case = payload.dict(exclude={"rule"})
    code = (payload.agreement or "").upper()
    if code and code not in all_provisions():
        return Status(422, {"code": "unknown_agreement",
                            "message": f"Unknown agreement {payload.agreement!r}; known: {', '.join(sorted(all_provisions()))}."})
    try:
        result = assess_case(case, rule=payload.rule, rule_for=rule_text_for)
        if payload.rule is None:
            origin, general = rule_origin(code, hscode.digits(payload.product.hs))
            result.update(rule_origin=origin, general=asdict(general) if origin == "general" and general else None)
        return result
    except RuleSyntaxError as exc:
        return Status(422, {"code": "rule_syntax", "message": f"The rule does not parse: {exc}"})
    except (InputError, AmbiguousRule) as exc:
        return Status(422, {"code": "bad_input", "message": str(exc)})


@router.get("/origin/rules", response={200: list[RuleOut], 422: Error},
            summary="Product-specific rules for an HS code (the most specific rule set of each agreement)")
def rules(request, hs: str, agreement: str | None = None):
    try:
        compact = hscode.digits(hs)
    except hscode.HSCodeError:
        return Status(422, {"code": "bad_hs_code", "message": "An HS code has 2, 4, 6, 8 or 10 digits (dots allowed)."})
    codes = [agreement.upper()] if agreement else agreements_with_rules()
    found = []
    for code in codes:
        for rule in candidates(code, compact):
            found.append({"agreement": code, "heading": rule.heading, "description": rule.description,
                          "hs_from": rule.hs_from, "hs_to": rule.hs_to, "canonical": rule.canonical,
                          "needs_manual_reading": rule.needs_manual_reading, "legal_text": rule.legal_text,
                          "source": rule.source, "note": rule.note, "party_rules": rule.party_rules})
    return found


class ParseIn(Schema):
    rule: str


class ParseOut(Schema):
    canonical: str


@router.post("/origin/parse", response={200: ParseOut, 422: Error}, summary="Check and normalise rule text")
def parse_rule(request, payload: ParseIn):
    try:
        return {"canonical": parse(payload.rule).canonical()}
    except RuleSyntaxError as exc:
        return Status(422, {"code": "rule_syntax", "message": str(exc)})
