"""The FTA finder: for an HS line, a direction, a partner and a date, every agreement that applies, its rate,
the MFN rate, the saving, the rule of origin and how demanding it is, and the proof of origin to use."""

import datetime
from dataclasses import asdict
from functools import lru_cache

from ftahub.agreements.models import TradeAgreement
from ftahub.common import hscode
from ftahub.core import refcache
from ftahub.origin import rulebook
from ftahub.origin.demand import demand
from ftahub.origin.language import parse
from ftahub.origin.rulebook import AmbiguousRule
from ftahub.origin.rules import candidates, general_rule

from . import commitments as staging
from .models import HSCode, TariffCommitment, TariffRate
from .rates import parse_rate


class FinderError(ValueError):
    """The question cannot be answered: a malformed code or direction, or a line that is not loaded."""


def _line(code: str):
    """The line, all its rates (every year) and its agreements' commitments (by agreement id), cached as reference
    data; imports clear the cache."""
    def build():
        found = list(HSCode.objects.filter(code=code).select_related("parent").order_by()[:1])
        if not found:
            return None, [], {}
        return (found[0], list(TariffRate.objects.filter(line=found[0]).order_by()),
                {c.agreement_id: c for c in TariffCommitment.objects.filter(line=found[0])})

    line, rates, commitments = refcache.cached(f"line:{code}", build)
    if line is None:
        refcache.forget(f"line:{code}")  # a line imported later must be found at once
    return line, rates, commitments


def _committed_rate(commitment, agreement, on: datetime.date):
    """(Rate, computed?) from an agreement's commitment on a date, or (None, False) before it applies."""
    raw, computed = staging.rate_on(commitment.base_raw, commitment.category, commitment.printed, agreement.code,
                                    agreement.in_force_vn, on)
    return (parse_rate(raw), computed) if raw is not None else (None, False)


def _commitment_years(commitment, agreement, on: datetime.date) -> dict[int, tuple[str, bool]]:
    last = max([staging.final_year(commitment.category, agreement.code, agreement.in_force_vn),
                *map(int, commitment.printed or {}), on.year])
    return staging.path(commitment.base_raw, commitment.category, commitment.printed, agreement.code,
                        agreement.in_force_vn, last)


def agreements_with_parties():
    """Agreements with their parties' codes, cached (reference data)."""
    return refcache.cached("agreements+parties", lambda: [
        (a, {c.iso2 for c in a.parties.all()}) for a in TradeAgreement.objects.prefetch_related("parties")])


@lru_cache(maxsize=1)
def rcep_schedules() -> dict:
    """Which RCEP schedule (column) applies to goods from which party, with the decree it is read from."""
    import json
    from pathlib import Path

    return json.loads((Path(__file__).parent / "data" / "rcep_schedules.json").read_text(encoding="utf-8"))


def _rcep_column(partner: str | None) -> str | None:
    for schedule in rcep_schedules()["schedules"]:
        if partner and partner in schedule["parties"]:
            return schedule["column"]
    return None


@lru_cache(maxsize=4096)
def _demand(canonical: str) -> dict:
    return demand(parse(canonical))


def _number(rate):
    return float(rate.percent) if rate is not None and rate.is_number else None


def _rate_value(rate):
    """A number when the rate is a plain percentage, else the marker as printed (never turned into a number)."""
    if rate is None:
        return None
    if rate.kind == "ad_valorem" and not rate.excluded_parties and rate.out_of_quota is None \
            and not rate.in_quota_only:
        return float(rate.percent)
    return rate.raw.strip()


def _partner_duties(partner: str | None, code: str, on: datetime.date, rows: list[dict]) -> dict:
    """Export mode: the partner's own MFN and preferential rates for goods from Viet Nam where its schedule is loaded
    (the export markets capability), put on the agreements' rows; otherwise where to look them up."""
    from ftahub.core import plugins

    found = plugins.service("partner_rates")
    sites = plugins.service("tariff_sites")
    duties = found(partner, code[:6], on.year) if found and partner else {"lines": []}
    result = {"partner": partner, "lines": duties["lines"], "edition": duties.get("edition"),
              "source": duties.get("source"), "fixture": duties.get("fixture", False),
              "sites": sites(partner) if sites and partner else []}
    if duties["lines"]:
        mfns = sorted({ln["mfn"] for ln in duties["lines"] if ln["mfn"]})
        result["mfn"] = " / ".join(mfns) or None
        for row in rows:
            printed = sorted({ln["preferential"][row["agreement"]] for ln in duties["lines"]
                              if row["agreement"] in ln["preferential"]})
            if printed:
                row.update(rate_display=" / ".join(printed), printed=None,
                           source=f"{duties['source']}, edition {duties['edition']}")
    return result


def lookup(hs: str, direction: str = "import", partner: str | None = None,
           on: datetime.date | None = None) -> dict:
    try:
        code = hscode.digits(hs, levels=(8,))
    except hscode.HSCodeError:
        raise FinderError("give an 8-digit tariff line, e.g. 08109020 or 0810.90.20") from None
    if direction not in ("import", "export"):
        raise FinderError("direction is 'import' (into Viet Nam) or 'export' (from Viet Nam)")
    line, all_rates, commitments = _line(code)
    if line is None:
        raise FinderError(f"tariff line {code} is not loaded")
    on = on or datetime.date.today()
    partner = partner.upper() if partner else None
    rates = {r.column: r for r in all_rates if r.valid_from <= on <= r.valid_to}
    any_year = sorted({r.valid_from.year for r in all_rates})
    mfn = rates.get("nkud").as_rate() if "nkud" in rates else None
    ordinary = rates.get("nktt").as_rate().relative_to(mfn) if "nktt" in rates else None
    agreements = [a for a, parties in agreements_with_parties() if partner is None or partner in parties]
    rows, table_years = [], set(any_year)
    for agreement in agreements:
        commitment = commitments.get(agreement.pk) if direction == "import" else None
        column = agreement.tariff_column
        schedules = []
        if direction == "import" and column == "rcept" and "rcept" not in rates:
            # RCEP: one schedule per partner group (Decree 129/2022/ND-CP, Art. 3.1)
            column = _rcep_column(partner) or ""
            schedules = [{"letter": s["letter"], "group": s["group"], "column": s["column"],
                          "rate_display": rates[s["column"]].as_rate().display() if s["column"] in rates else None,
                          "raw": rates[s["column"]].raw if s["column"] in rates else None}
                         for s in rcep_schedules()["schedules"]]
        by_year = {str(r.valid_from.year): r.raw for r in all_rates
                   if r.column == column} if direction == "import" else {}
        computed_years = []
        if commitment is not None:
            for year, (raw, computed) in _commitment_years(commitment, agreement, on).items():
                if str(year) not in by_year:  # a rate printed in the loaded tariff is the one in force
                    by_year[str(year)] = raw
                    if computed:
                        computed_years.append(str(year))
                table_years.add(year)
        row = {"agreement": agreement.code, "name": agreement.name_en, "name_vi": agreement.name_vi,
               "proof_of_origin": agreement.co_form or None, "self_certification": agreement.self_certification,
               "rate": None, "rate_display": None, "saving": None, "mfn_lower": False, "source": None, "rule": None,
               "rule_demand": None, "rule_note": None, "computed": False, "printed": None, "explain": [],
               "schedule": None, "schedules": schedules,
               "by_year": dict(sorted(by_year.items())), "by_year_computed": computed_years}
        rate = None
        if direction == "import" and column in rates:
            stored = rates[column]
            printed = stored.as_rate()
            rate = printed.for_origin(partner)
            row.update(rate_display=rate.display(), source=f"{stored.source}, edition {stored.edition}",
                       printed=stored.raw.strip(), explain=[{"code": c, "values": v} for c, v in printed.explain()])
            if schedules:
                chosen = next(s for s in schedules if s["column"] == column)
                row["schedule"] = {"letter": chosen["letter"], "group": chosen["group"],
                                   "source": rcep_schedules()["source"]}
            if rate.kind == "none" and stored.excluded_parties and partner:
                row["rate_display"] = f"— (not for goods from {partner})"
        elif commitment is not None:
            rate, computed = _committed_rate(commitment, agreement, on)
            if rate is not None:
                row.update(rate_display=rate.display(), computed=computed,
                           source=f"{commitment.source}, edition {commitment.edition}" + (
                               f"; computed from base rate {commitment.base_raw}, category {commitment.category}"
                               if computed else ""))
        if rate is not None:
            row["rate"] = _rate_value(rate)
            if _number(rate) is not None and _number(mfn) is not None:
                saving = round(_number(mfn) - _number(rate), 3)
                # an FTA rate above MFN is no benefit: say so rather than print a negative saving
                row["mfn_lower"] = saving < 0
                row["saving"] = None if saving < 0 else saving
        try:
            found = rulebook.lookup(code, candidates(agreement.code, code))
        except AmbiguousRule:
            row["rule_note"] = "several rules apply to this code depending on the product's description"
            row["rule_by_description"] = True
        else:
            if found:
                row.update(rule=found.canonical, rule_demand=dict(_demand(found.canonical)), rule_note=found.note)
            elif (general := general_rule(agreement.code)) and general.rule:
                # no product-specific rule loaded: the agreement's general rule, marked as such
                row.update(rule=general.rule, rule_demand=dict(_demand(general.rule)), rule_general=asdict(general),
                           rule_note=f"general rule of {general.article} unless {general.annex} lists the product")
        rows.append(row)
    rows.sort(key=lambda r: (r["mfn_lower"], r["saving"] is None, -(r["saving"] or 0),
                             (r["rule_demand"] or {}).get("score", 100), r["agreement"]))
    notes = []
    export = None
    if direction == "export":
        # what the partner charges comes from its own schedule, never from Viet Nam's import tariff
        mfn = ordinary = None
        export = _partner_duties(partner, code, on, rows)
    elif not rates and not any(r["rate"] is not None for r in rows):
        notes.append(f"No rates are loaded for {on.isoformat()}; rates are loaded for "
                     f"{', '.join(map(str, any_year)) or 'no year'} for this line.")
    procedures = [{"name": p.name, "basis": p.basis} for p in line.procedures.all()] if direction == "import" else []
    return {
        "procedures": procedures,
        "line": {"code": line.code, "display": line.display, "description_en": line.description_en,
                 "description_vi": line.description_vi,
                 "parent": line.parent.code if line.parent else None},
        "direction": direction, "partner": partner, "date": on.isoformat(),
        "mfn": _rate_value(mfn), "mfn_display": mfn.display() if mfn else None,
        "mfn_printed": rates["nkud"].raw.strip() if "nkud" in rates and mfn else None,
        "mfn_explain": [{"code": c, "values": v} for c, v in mfn.explain()] if mfn else [],
        "ordinary": _rate_value(ordinary),
        "ordinary_printed": rates["nktt"].raw.strip() if "nktt" in rates and ordinary else None,
        "ordinary_display": ordinary.display() if ordinary else None,
        "vat": rates["vat"].raw if "vat" in rates and direction == "import" else None,
        "export": export,
        "agreements": rows, "notes": notes,
        "years_loaded": any_year,
        "years": sorted(table_years),
    }

