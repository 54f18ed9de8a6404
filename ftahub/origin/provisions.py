"""Each agreement's general provisions of origin as data: value test, default method, tolerance, cumulation.

Plain Python: no Django. The data is ``data/provisions.json``; every value names its source.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

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
class Provisions:
    agreement: str
    value_test: str = "RVC"
    default_method: str | None = "build-down"
    value_base: str = "FOB"
    tolerance: tuple[float, str] | None = None  # (percent, base)
    cumulation: tuple[CumulationZone, ...] = ()
    sources: dict[str, Any] = field(default_factory=dict[str, Any], hash=False, compare=False)
    general_rule: "GeneralRule | None" = None  # None: not recorded (the text was not read here)
    # chapters (2 digits) whose goods have their own tolerance (None: none applies to them), e.g. CPTPP Art. 4.2:
    # textile goods of chapters 50-60 by weight, 10 %; chapters 61-63 by a component the hub cannot tell
    tolerance_by_chapter: tuple[tuple[frozenset[str], tuple[float, str] | None], ...] = ()
    proof_validity_months: int | None = None  # None: not recorded
    direct_consignment: str | None = None  # a code the pages word (see provisions.json "about"); None: not recorded

    def tolerance_for(self, product_hs: str) -> tuple[float, str] | None:
        """The tolerance (de minimis) for a product: its chapter's own, else the agreement's."""
        for chapters, tolerance in self.tolerance_by_chapter:
            if product_hs[:2] in chapters:
                return tolerance
        return self.tolerance

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
            (frozenset(f"{c:02d}" for lo, hi in part["chapters"] for c in range(int(lo), int(hi) + 1)),
             (float(part["tolerance"]["percent"]), part["tolerance"]["base"]) if part.get("tolerance") else None)
            for part in entry.get("tolerance_by_chapter", []))
        result[code] = Provisions(
            agreement=code,
            value_test=entry.get("value_test", "RVC"),
            default_method=entry.get("default_method"),
            value_base=entry.get("value_base", "FOB"),
            tolerance=(float(tolerance["percent"]), tolerance["base"]) if tolerance else None,
            cumulation=tuple(zones),
            tolerance_by_chapter=by_chapter,
            proof_validity_months=entry.get("proof_validity_months"),
            direct_consignment=entry.get("direct_consignment"),
            sources=entry.get("sources", {}),
            general_rule=GeneralRule(general.get("rule"), general["article"], general["annex"], general["source"],
                                     general.get("article_vi", ""), general.get("annex_vi", ""))
            if (general := entry.get("general_rule")) else None,
        )
    return result


def provisions_for(agreement: str | None) -> Provisions:
    """The agreement's provisions; an unknown or missing agreement gets none (no tolerance, no cumulation)."""
    if not agreement:
        return NO_PROVISIONS
    found = all_provisions().get(agreement.upper())
    if found is None:
        raise KeyError(f"no general provisions recorded for agreement {agreement!r}; "
                       f"known: {', '.join(sorted(all_provisions()))}")
    return found
