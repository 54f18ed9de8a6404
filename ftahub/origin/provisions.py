"""Each agreement's general provisions of origin as data: value test, default method, tolerance, cumulation.

Plain Python: no Django. The data is ``data/provisions.json``; every value names its source.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .hs import CodeRange, in_any

DATA = Path(__file__).parent / "data" / "provisions.json"
GROUPS = Path(__file__).resolve().parents[1] / "agreements" / "data" / "agreements.json"


@dataclass(frozen=True)
class CumulationZone:
    countries: frozenset[str]
    chapters: frozenset[str] | None = None  # None: every product
    note: str = ""

    def covers(self, country: str, product_hs: str) -> bool:
        return country in self.countries and (self.chapters is None or product_hs[:2] in self.chapters)


@dataclass(frozen=True)
class ToleranceExclusion:
    """Non-originating materials the de minimis may not cover when used in the given products (CPTPP Annex 3-C:
    dairy, citrus juice, oils, peaches). A condition the hub cannot see in a code ("containing over 10 % milk
    solids by dry weight") is kept as a code: the exclusion then may or may not apply, and a verdict that depends
    on it is left to a person."""

    products: tuple[CodeRange, ...]
    materials: tuple[CodeRange, ...]
    except_products: tuple[CodeRange, ...] = ()
    product_condition: str | None = None
    material_condition: str | None = None
    source: str = ""

    def applies(self, product_hs: str, material_hs: str) -> str | None:
        """Whether it applies: "yes"; "maybe" where a condition or a material's code too short to place (1901
        against 1901.90) leaves it open; None."""
        if not in_any(product_hs, self.products) or in_any(product_hs, self.except_products):
            return None
        if in_any(material_hs, self.materials):
            return "maybe" if self.product_condition or self.material_condition else "yes"
        return "maybe" if any(r.may_contain(material_hs) for r in self.materials) else None


@dataclass(frozen=True)
class Provisions:
    agreement: str
    value_test: str = "RVC"
    default_method: str | None = "build-down"
    value_base: str = "FOB"
    tolerance: tuple[float, str] | None = None  # (percent, base)
    cumulation: tuple[CumulationZone, ...] = ()
    sources: dict[str, Any] = field(default_factory=dict[str, Any], hash=False, compare=False)
    general_rule: "GeneralRule | None" = None  # None: not recorded (the text was not read here)
    # chapters (2 digits) or headings (4 digits) whose goods have their own tolerance (None: none applies to them),
    # the first entry that matches wins, e.g. CPTPP Art. 4.2: textile goods of chapters 50-60 by weight, 10 %;
    # chapters 61-63 by a component the hub cannot tell. A base "EXW|weight" is met by either measure (EVFTA
    # Protocol 1 Art. 5(3)(a): 10 % of the weight or of the ex-works price)
    tolerance_by_chapter: tuple[tuple[frozenset[str], tuple[float, str] | None], ...] = ()
    tolerance_exclusions: tuple[ToleranceExclusion, ...] = ()
    # the tolerance also covers materials a rule requires to be wholly obtained (EVFTA Protocol 1 Art. 5(5))
    tolerance_covers_wholly_obtained: bool = False
    proof_validity_months: int | None = None  # None: not recorded
    direct_consignment: str | None = None  # a code the pages word (see provisions.json "about"); None: not recorded

    def tolerance_for(self, product_hs: str) -> tuple[float, str] | None:
        """The tolerance (de minimis) for a product: its chapter's own, else the agreement's."""
        for codes, tolerance in self.tolerance_by_chapter:
            if product_hs[:2] in codes or product_hs[:4] in codes:
                return tolerance
        return self.tolerance

    def tolerance_excludes(self, product_hs: str, material_hs: str) -> str | None:
        """Whether the de minimis may not cover this material in this product: "yes", "maybe" or None."""
        found = None
        for exclusion in self.tolerance_exclusions:
            applies = exclusion.applies(product_hs, material_hs)
            if applies == "yes":
                return "yes"
            found = applies or found
        return found

    def originating_country(self, country: str | None, product_hs: str) -> bool:
        """May a material that originates in ``country`` count as originating for this product?"""
        if country is None or country == "VN":
            return True
        return any(zone.covers(country, product_hs) for zone in self.cumulation)


@dataclass(frozen=True)
class GeneralRule:
    """The rule an agreement applies to a product its product-specific annex does not list (``rule`` None: the
    agreement has product-specific rules only), with the article that says so and the annex that may replace it."""

    rule: str | None
    article: str
    annex: str
    source: str
    article_vi: str = ""  # the same citations as Vietnamese texts write them
    annex_vi: str = ""


NO_PROVISIONS = Provisions(agreement="", tolerance=None, cumulation=())


@cache
def _groups() -> dict[str, list[str]]:
    groups: dict[str, list[str]] = json.loads(GROUPS.read_text(encoding="utf-8"))["groups"]
    return groups


@cache
def all_provisions() -> dict[str, Provisions]:
    data = json.loads(DATA.read_text(encoding="utf-8"))["agreements"]
    groups = _groups()
    result = {}
    for code, entry in data.items():
        zones = []
        for zone in entry.get("cumulation", []):
            countries = set()
            for name in zone["countries"]:
                countries.update(groups.get(name, [name]))
            zones.append(CumulationZone(frozenset(countries),
                                        frozenset(zone["chapters"]) if zone.get("chapters") else None,
                                        zone.get("note", "")))
        tolerance = entry.get("tolerance")
        by_chapter = tuple(
            (frozenset(f"{c:02d}" for lo, hi in part.get("chapters", []) for c in range(int(lo), int(hi) + 1))
             | frozenset(part.get("headings", [])),
             (float(part["tolerance"]["percent"]), part["tolerance"]["base"]) if part.get("tolerance") else None)
            for part in entry.get("tolerance_by_chapter", []))
        exclusions = tuple(
            ToleranceExclusion(_ranges(part["products"]), _ranges(part["materials"]),
                               _ranges(part.get("except_products", [])), part.get("product_condition"),
                               part.get("material_condition"), part.get("source", ""))
            for part in entry.get("tolerance_exclusions", []))
        result[code] = Provisions(
            agreement=code,
            value_test=entry.get("value_test", "RVC"),
            default_method=entry.get("default_method"),
            value_base=entry.get("value_base", "FOB"),
            tolerance=(float(tolerance["percent"]), tolerance["base"]) if tolerance else None,
            cumulation=tuple(zones),
            tolerance_by_chapter=by_chapter,
            tolerance_exclusions=exclusions,
            tolerance_covers_wholly_obtained=bool(entry.get("tolerance_covers_wholly_obtained")),
            proof_validity_months=entry.get("proof_validity_months"),
            direct_consignment=entry.get("direct_consignment"),
            sources=entry.get("sources", {}),
            general_rule=GeneralRule(general.get("rule"), general["article"], general["annex"], general["source"],
                                     general.get("article_vi", ""), general.get("annex_vi", ""))
            if (general := entry.get("general_rule")) else None,
        )
    return result


def _ranges(texts: list[str]) -> tuple[CodeRange, ...]:
    """["0401-0406", "190190"] -> code ranges (a single code is a range of one)."""
    ranges = []
    for text in texts:
        start, _, end = text.partition("-")
        ranges.append(CodeRange(start, end or start))
    return tuple(ranges)


def provisions_for(agreement: str | None) -> Provisions:
    """The agreement's provisions; an unknown or missing agreement gets none (no tolerance, no cumulation)."""
    if not agreement:
        return NO_PROVISIONS
    found = all_provisions().get(agreement.upper())
    if found is None:
        raise KeyError(f"no general provisions recorded for agreement {agreement!r}; "
                       f"known: {', '.join(sorted(all_provisions()))}")
    return found
