"""Duty rates as Viet Nam's tariff prints them, parsed without losing a marker.

    "5"                     5 % ad valorem (a trailing space or "%" is ignored)
    "10,9" / "10.9"         10.9 % (a comma is a decimal separator in some columns)
    "*"                     no preferential rate under this agreement for this line
    "0 (-MM, TH, CN)"       0 % for goods from every party except those listed (they get no preferential rate)
    "60 (NHN: 120)"         in-quota 60 %, out-of-quota 120 %
    "0 (THN)"               in-quota rate only (out of quota: no preferential rate)
    "Q"                     subject to the agreement's tariff-rate quota; the rate is set by the quota rules
    "0(-MM)(GIC)"           a rate with a marker the schedule prints after it (here GIC) kept as a marker
    "28; M: 35"             28 %, and 35 % for goods from Mexico (CPTPP: the compilation prints Mexico's own rate
                            after "M:"; see tariffs/data/markers.json for the source)
    "0/5", "0 (-KH)/0/0"    several rates for one line ("split"): the compiled national line covers items of the
                            agreement's schedule that carry different rates; which applies depends on the goods
    "150% thuế MFN"         a rate defined relative to the MFN rate (the ordinary rate: 150 % of MFN), computed
    "Theo hướng dẫn tại …"  the rate is set by a note of Chapter 98 (kept as printed, with its reference)

Anything else is kept as text (kind "text") and never turned into a number; ``ftahub tariff audit`` lists them.

Plain Python: no Django.
"""

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache


class RateFormatError(ValueError):
    pass


@dataclass(frozen=True)
class Rate:
    raw: str
    kind: str  # ad_valorem, none, quota, split, relative_mfn, chapter98, text
    percent: Decimal | None = None
    out_of_quota: Decimal | None = None
    in_quota_only: bool = False
    excluded_parties: tuple[str, ...] = field(default_factory=tuple)
    alternatives: tuple["Rate", ...] = ()  # split: the rates of the items the line covers
    partner_rates: tuple[tuple[str, "Rate"], ...] = ()  # a party's own rate (CPTPP "M:" → ("MX", rate))
    markers: tuple[str, ...] = ()  # markers printed after the rate, e.g. ("GIC",)
    reference: str = ""  # chapter98: the note that sets the rate, as printed

    @property
    def is_number(self) -> bool:
        return self.kind == "ad_valorem" and self.percent is not None

    def for_origin(self, country: str | None) -> "Rate":
        """The rate for goods from ``country``: a party with its own rate gets it; a party the rate excludes gets
        no preferential rate."""
        if country:
            country = country.upper()
            for party, own in self.partner_rates:
                if party == country:
                    return own
            if country in self.excluded_parties:
                return Rate(self.raw, "none")
            if self.kind == "split":
                return replace(self, alternatives=tuple(a.for_origin(country) for a in self.alternatives))
        return self

    def bounds(self) -> tuple[Decimal, Decimal] | None:
        """(lowest, highest) percentage of a split rate whose items are all numbers."""
        numbers = [a.percent for a in self.alternatives if a.is_number and a.percent is not None]
        if self.kind != "split" or len(numbers) != len(self.alternatives):
            return None
        return min(numbers), max(numbers)

    def relative_to(self, mfn: "Rate | None") -> "Rate":
        """A rate defined relative to MFN, computed from the MFN rate (unchanged for any other kind)."""
        if self.kind != "relative_mfn" or mfn is None or not mfn.is_number or self.percent is None \
                or mfn.percent is None:
            return self
        value = (mfn.percent * self.percent / Decimal(100)).quantize(Decimal("0.001")).normalize()
        return Rate(self.raw, "ad_valorem", value)

    def explain(self) -> list[tuple[str, dict[str, str]]]:
        """What the printed text means, as codes with their values, the main meaning first (the pages word them in
        the reader's language). A plain percentage explains nothing more."""
        def pct(value: Decimal | None) -> str:
            return f"{value.normalize():f}" if value is not None else ""

        found: list[tuple[str, dict[str, str]]] = []
        if self.kind == "none":
            found.append(("no_preference", {}))
        elif self.kind == "quota":
            found.append(("quota", {}))
        elif self.kind == "split":
            bounds = self.bounds()
            found.append(("split", {"count": str(len(self.alternatives)), "low": pct(bounds[0]) if bounds else "",
                                    "high": pct(bounds[1]) if bounds else ""}))
        elif self.kind == "relative_mfn":
            found.append(("relative_mfn", {"percent": pct(self.percent)}))
        elif self.kind == "chapter98":
            found.append(("chapter98", {"reference": self.reference}))
        elif self.kind == "text":
            found.append(("as_printed", {}))
        if self.out_of_quota is not None:
            found.append(("in_out_quota", {"in": pct(self.percent), "out": pct(self.out_of_quota)}))
        if self.in_quota_only:
            found.append(("in_quota_only", {"in": pct(self.percent)}))
        parties = sorted({p for r in (self, *self.alternatives) for p in r.excluded_parties})
        if parties:
            found.append(("excluded_parties", {"parties": ", ".join(parties)}))
        for party, own in self.partner_rates:
            found.append(("partner_rate", {"party": party, "rate": own.display()}))
        markers = sorted({m for r in (self, *self.alternatives) for m in r.markers})
        for marker in markers:
            found.append(("marker", {"marker": marker}))
        return found

    def display(self) -> str:
        if self.kind == "none":
            return "—"
        if self.kind == "quota":
            return "TRQ"
        if self.kind == "split":
            bounds = self.bounds()
            if bounds is None:
                return self.raw.strip()
            low, high = (f"{b.normalize():f}" for b in bounds)
            return f"{low}%" if low == high else f"{low}–{high}%"
        if self.kind in ("text", "chapter98", "relative_mfn") or self.percent is None:
            return self.raw.strip()
        text = f"{self.percent.normalize():f}%"
        if self.out_of_quota is not None:
            text += f" (in quota; out of quota {self.out_of_quota.normalize():f}%)"
        elif self.in_quota_only:
            text += " (in quota only)"
        if self.excluded_parties:
            text += f" (not for {', '.join(self.excluded_parties)})"
        return text


NUMBER = r"\d+(?:[.,]\d+)?"


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise RateFormatError(f"{text!r} is not a number") from None
    if value < 0 or value > 1000:
        raise RateFormatError(f"{text!r} is out of range")
    return value


PARTIES = r"[A-Z]{2}(?:\s*,\s*[A-Z]{2})*"
MARKER = re.compile(r"\(\s*([A-Z]{2,5})\s*\)$")  # a marker printed after the rate, e.g. "(GIC)"
PARTNER_RATE = re.compile(r"^(?P<main>[^;]+);\s*(?P<party>M)\s*:\s*(?P<own>.+)$")
PARTNER_CODES = {"M": "MX"}  # CPTPP: the rate after "M:" is Mexico's (tariffs/data/markers.json)
RELATIVE_MFN = re.compile(rf"^({NUMBER})\s*%\s*thu[eế]\s*MFN$", re.IGNORECASE)
CHAPTER_98 = re.compile(r"^Theo hướng dẫn tại (?P<ref>.+ Chương 98)$")


@lru_cache(maxsize=8192)
def parse_rate(raw: str) -> Rate:
    """Parse a printed rate. Raises RateFormatError only for text that looks like a rate but is broken."""
    if not isinstance(raw, str):
        raise RateFormatError(f"a rate must be text, not {type(raw).__name__}")
    text = re.sub(r"\s+", " ", raw).strip().rstrip("%").strip() if not RELATIVE_MFN.match(raw.strip()) \
        else raw.strip()
    if not text:
        raise RateFormatError("empty rate")
    if m := PARTNER_RATE.match(text):
        main, own = _single_or_split(raw, m.group("main").strip()), _single_or_split(raw, m.group("own").strip())
        return replace(main, raw=raw, partner_rates=((PARTNER_CODES[m.group("party")], own),))
    if m := RELATIVE_MFN.match(text):
        return Rate(raw, "relative_mfn", _decimal(m.group(1)))
    if m := CHAPTER_98.match(text):
        return Rate(raw, "chapter98", reference=m.group("ref"))
    return _single_or_split(raw, text)


def _single_or_split(raw: str, text: str) -> Rate:
    parts = [p.strip() for p in text.split("/")]
    if len(parts) > 1 and all(parts):
        alternatives = tuple(_single(p, p) for p in parts)
        if all(a.kind != "text" for a in alternatives):  # "5.000 VND/kg" is a specific duty, not two rates
            return Rate(raw, "split", alternatives=alternatives)
    return _single(raw, text)


def _single(raw: str, text: str) -> Rate:
    markers: list[str] = []
    while (m := MARKER.search(text)) and m.group(1) != "THN":
        markers.insert(0, m.group(1))
        text = text[:m.start()].strip()
    rate = _plain(raw, text)
    return replace(rate, markers=tuple(markers)) if markers else rate


def _plain(raw: str, text: str) -> Rate:
    if text == "*":
        return Rate(raw, "none")
    if text.upper() == "Q":
        return Rate(raw, "quota")
    if re.fullmatch(NUMBER, text):
        return Rate(raw, "ad_valorem", _decimal(text))
    if m := re.fullmatch(rf"({NUMBER})\s*\(\s*NHN\s*:\s*({NUMBER})\s*\)", text):
        return Rate(raw, "ad_valorem", _decimal(m.group(1)), out_of_quota=_decimal(m.group(2)))
    if m := re.fullmatch(rf"({NUMBER})\s*\(\s*THN\s*\)", text):
        return Rate(raw, "ad_valorem", _decimal(m.group(1)), in_quota_only=True)
    if m := re.fullmatch(rf"({NUMBER})\s*\(\s*-\s*({PARTIES})\s*,?\s*\)", text):
        parties = tuple(p.strip() for p in m.group(2).split(","))
        return Rate(raw, "ad_valorem", _decimal(m.group(1)), excluded_parties=parties)
    if re.match(r"^\d", text) and "(" in text and ")" not in text:
        raise RateFormatError(f"{raw!r}: unbalanced parenthesis")
    return Rate(raw, "text")


def form_of(rate: Rate) -> str:
    """The form a printed cell takes, for the audit (``ftahub tariff audit``): 'unclassified' is a cell the reader
    could only keep as text."""
    if rate.kind == "text":
        return "unclassified"
    if rate.kind != "ad_valorem":
        return rate.kind
    if rate.partner_rates:
        return "partner_rate"
    if rate.out_of_quota is not None:
        return "in_out_quota"
    if rate.in_quota_only:
        return "in_quota_only"
    if rate.excluded_parties and rate.markers:
        return "excluded_parties+marker"
    if rate.excluded_parties:
        return "excluded_parties"
    if rate.markers:
        return "marker"
    return "percent"
