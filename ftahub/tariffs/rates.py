"""Duty rates as Viet Nam's tariff prints them, parsed without losing a marker.

    "5"                     5 % ad valorem
    "10,9" / "10.9"         10.9 % (a comma is a decimal separator in some columns)
    "*"                     no preferential rate under this agreement for this line
    "0 (-MM, TH, CN)"       0 % for goods from every party except those listed (they get no preferential rate)
    "60 (NHN: 120)"         in-quota 60 %, out-of-quota 120 %
    "0 (THN)"               in-quota rate only (out of quota: no preferential rate)
    "Q"                     subject to the agreement's tariff-rate quota; the rate is set by the quota rules

Anything else is kept as text (kind "text") and never turned into a number.

Plain Python: no Django.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation


class RateFormatError(ValueError):
    pass


@dataclass(frozen=True)
class Rate:
    raw: str
    kind: str  # ad_valorem, none, quota, text
    percent: Decimal | None = None
    out_of_quota: Decimal | None = None
    in_quota_only: bool = False
    excluded_parties: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_number(self) -> bool:
        return self.kind == "ad_valorem" and self.percent is not None

    def for_origin(self, country: str | None) -> "Rate":
        """The rate for goods from ``country``: a party the rate excludes gets no preferential rate."""
        if country and country.upper() in self.excluded_parties:
            return Rate(self.raw, "none")
        return self

    def display(self) -> str:
        if self.kind == "none":
            return "—"
        if self.kind == "quota":
            return "TRQ"
        if self.kind == "text":
            return self.raw
        if self.percent is None:
            return self.raw
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


def parse_rate(raw: str) -> Rate:
    """Parse a printed rate. Raises RateFormatError only for text that looks like a rate but is broken."""
    if not isinstance(raw, str):
        raise RateFormatError(f"a rate must be text, not {type(raw).__name__}")
    text = raw.strip()
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
    if m := re.fullmatch(rf"({NUMBER})\s*\(\s*-\s*([A-Z]{{2}}(?:\s*,\s*[A-Z]{{2}})*)\s*\)", text):
        parties = tuple(p.strip() for p in m.group(2).split(","))
        return Rate(raw, "ad_valorem", _decimal(m.group(1)), excluded_parties=parties)
    if not text:
        raise RateFormatError("empty rate")
    if re.match(r"^\d", text) and "(" in text and ")" not in text:
        raise RateFormatError(f"{raw!r}: unbalanced parenthesis")
    return Rate(raw, "text")
