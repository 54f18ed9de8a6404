"""Load product-specific rules from the UK Online Trade Tariff's rules-of-origin data (real, MIT licence):
the Viet Nam scheme (UKVFTA, rolled over from EVFTA Protocol 1, so also loaded as EVFTA's rules with that said on
screen) and the CPTPP scheme. Agreements without data in the data directory have no rules loaded, and say so."""

from ftahub.agreements.models import TradeAgreement
from ftahub.core.datadir import ReferenceDataError, data_path, read_json

from .models import ProductSpecificRule
from .translate import clean, translate

SCHEMES = [
    # (agreement, file, translator, note)
    ("UKVFTA", "uk-trade-tariff-roo/roo_schemes_uk/rule_sets/vietnam.json", "UKVFTA",
     "UK–Viet Nam Origin Reference Document v1.1 (UK Online Trade Tariff)."),
    ("EVFTA", "uk-trade-tariff-roo/roo_schemes_uk/rule_sets/vietnam.json", "EVFTA",
     "From the UK–Viet Nam FTA data: the UKVFTA rolled over EVFTA Protocol 1's product-specific rules, so these are "
     "EVFTA's rules in substance. Check the EVFTA text (Annex II of Protocol 1) where it matters."),
    ("CPTPP", "uk-trade-tariff-roo/roo_schemes_uk/rule_sets/cptpp.json", "CPTPP",
     "CPTPP Annex 3-D as published in the UK's CPTPP Origin Reference Document v1.1 (UK Online Trade Tariff)."),
]
SOURCE = "UK Online Trade Tariff, trade-tariff-backend lib/rules_of_origin (commit 3c02669), {file}"


def load_rules() -> dict:
    agreements = {a.code: a for a in TradeAgreement.objects.all()}
    results = {}
    for code, relative, translator, note in SCHEMES:
        if code not in agreements:
            raise ReferenceDataError(relative, f"agreement {code} is not loaded")
        path = data_path(relative)
        data = read_json(path)
        rule_sets = data.get("rule_sets") if isinstance(data, dict) else None
        if not isinstance(rule_sets, list) or not rule_sets:
            raise ReferenceDataError(path, "expected an object with a non-empty 'rule_sets' list")
        rows = []
        for position, rule_set in enumerate(rule_sets):
            try:
                hs_from, hs_to = str(rule_set["min"]), str(rule_set["max"])
                entries = rule_set["rules"]
            except (KeyError, TypeError):
                raise ReferenceDataError(path, f"rule set {position + 1} lacks min, max or rules") from None
            if not (len(hs_from) == len(hs_to) == 10 and hs_from.isdigit() and hs_to.isdigit() and hs_from <= hs_to):
                raise ReferenceDataError(path, f"rule set {position + 1} has a bad range {hs_from}-{hs_to}")
            if not isinstance(entries, list) or not entries or not all(
                    isinstance(e, dict) and isinstance(e.get("rule"), str) for e in entries):
                raise ReferenceDataError(path, f"rule set {position + 1} has no rule texts")
            translation = translate(translator, entries)
            legal = "\n".join(
                (f"[{e['operator'].upper()}] " if e.get("operator") else "") + clean(e["rule"]) for e in entries)
            party_rules = [{"party": p.party, "legal_text": p.legal_text, "canonical": p.canonical}
                           for p in translation.party_rules]
            common = dict(agreement=agreements[code], hs_from=hs_from, hs_to=hs_to, span=int(hs_to) - int(hs_from),
                          heading=str(rule_set.get("heading", ""))[:120], source=SOURCE.format(file=relative)[:300],
                          note=note, party_rules=party_rules)
            # a set that gives named goods their own rule is loaded as one rule per description, like the
            # sources that split a code by description: the lookup then says which descriptions there are
            for variant in translation.variants or [None]:
                rows.append(ProductSpecificRule(
                    **common, position=len(rows),
                    description=variant.description if variant else str(rule_set.get("subdivision") or ""),
                    legal_text=variant.legal_text if variant else legal,
                    canonical=variant.canonical if variant else translation.canonical,
                    needs_manual_reading=variant.needs_manual_reading if variant else
                    translation.needs_manual_reading))
        existing = list(ProductSpecificRule.objects.filter(agreement=agreements[code]).order_by("position")
                        .values_list("hs_from", "hs_to", "canonical", "legal_text", "description", "note",
                                     "party_rules"))
        fresh = [(r.hs_from, r.hs_to, r.canonical, r.legal_text, r.description, r.note, r.party_rules) for r in rows]
        if existing != fresh:
            ProductSpecificRule.objects.filter(agreement=agreements[code]).delete()
            ProductSpecificRule.objects.bulk_create(rows, batch_size=500)
            changed = True
        else:
            changed = False
        results[code] = {"rule_sets": len(rule_sets), "rules": len(rows), "needs_manual_reading": sum(r.needs_manual_reading for r in rows),
                         "replaced": changed}
    return results
