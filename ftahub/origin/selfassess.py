"""Side-by-side self-assessment: one product and BOM under every agreement that covers the market."""

from dataclasses import asdict

from ftahub.agreements.models import TradeAgreement
from ftahub.places.models import Country

from . import InputError, RuleSyntaxError, assess_case, rulebook
from .engine import MissingPrice
from .provisions import all_provisions
from .rulebook import AmbiguousRule
from .rules import candidates, general_rule, rule_text_for


def applicable_agreements(market: str | None) -> list[TradeAgreement]:
    """Agreements in force for Viet Nam whose parties include the market (all of them when no market is given),
    limited to those whose general provisions of origin the engine has."""
    qs = TradeAgreement.objects.filter(code__in=list(all_provisions())).order_by("code")
    if market:
        qs = qs.filter(parties__iso2=market.upper())
    return list(qs.distinct())


def assess_everywhere(case: dict, market: str | None, rule_override: str | None = None) -> list[dict]:
    rows = []
    hs = case["product"]["hs"]
    for agreement in applicable_agreements(market):
        row = {"agreement": agreement.code, "name": agreement.name_en, "name_vi": agreement.name_vi,
               "co_form": agreement.co_form, "status": "assessed", "message": "", "rule_origin": "",
               "legal_text": "", "result": None}
        try:
            if rule_override:
                rule, row["rule_origin"] = rule_override, "given"
            else:
                found = rulebook.lookup(hs, candidates(agreement.code, hs))
                rule = found.canonical if found else None
                general = None if found else general_rule(agreement.code)
                if found:
                    row.update(rule_origin="loaded", legal_text=found.legal_text, rule_source=found.source,
                               rule_note=found.note, party_rules=_named(found.party_rules))
                elif general:
                    # no product-specific rule loaded: the general rule, said as such (the annex may replace it);
                    # an agreement with product-specific rules only has none (general.rule is None)
                    rule = general.rule
                    row.update(rule_origin="general", general=asdict(general), rule_source=general.source)
            if rule is None:
                row["status"] = "no_rule"
                row["no_rule_reason"] = "psr_only" if row.get("general") else "not_loaded"
                row["message"] = "No product-specific rule of this agreement is loaded for this HS code."
            else:
                row["result"] = assess_case({**case, "agreement": agreement.code}, rule=rule,
                                            rule_for=rule_text_for)
        except AmbiguousRule as exc:
            row.update(_by_description(case, agreement.code, exc.candidates))
        except MissingPrice as exc:
            row["status"], row["message"], row["missing_price"] = "error", str(exc), exc.price
        except (InputError, RuleSyntaxError) as exc:  # the page words the kind; the detail is for the curious
            row["status"], row["message"] = "error", str(exc)
            row["error_kind"] = "rule_syntax" if isinstance(exc, RuleSyntaxError) else "input"
        rows.append(row)
    rows.sort(key=lambda r: (r["status"] != "assessed", not (r["result"] or {}).get("qualifies"), r["agreement"]))
    return rows


def _named(party_rules: list[dict]) -> list[dict]:
    """Party-specific alternatives with the party's name in the reader's language."""
    names = {c.iso2: c.name for c in Country.objects.filter(iso2__in=[p["party"] for p in party_rules])}
    return [{**p, "party_name": names.get(p["party"], p["party"])} for p in party_rules]


def _by_description(case: dict, agreement: str, candidates: list) -> dict:
    """The code's rule depends on how the goods are described (a species, "outdoor furniture", "any other good"):
    assess under each. The verdict stands when every description gives the same one; otherwise the row lists
    each description with its verdict, and the user knows which applies."""
    readings = []
    for candidate in candidates:
        result = assess_case({**case, "agreement": agreement}, rule=candidate.canonical, rule_for=rule_text_for)
        readings.append({"description": candidate.description, "rule": candidate.canonical, "result": result,
                         "verdict": "qualifies" if result["qualifies"] else
                         "undecided" if result["needs_manual_reading"] else "fails"})
    verdicts = {r["verdict"] for r in readings}
    row = {"by_description": readings, "rule_origin": "loaded",
           "legal_text": "\n\n".join(f"{c.description}:\n{c.legal_text}" for c in candidates),
           "rule_source": candidates[0].source, "rule_note": candidates[0].note}
    if verdicts == {"qualifies"} or verdicts == {"fails"}:
        return {**row, "status": "assessed", "result": readings[0]["result"], "same_for_every_description": True}
    return {**row, "status": "ambiguous", "result": None}
