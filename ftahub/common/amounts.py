"""Amounts typed the way people type them, read without guessing.

Vietnamese writes a point between thousands and a comma before decimals ("2.500.000", "2,5"); English the other way
round ("2,500,000", "2.5"). A typed amount is read when only one reading is possible:

    "2.500.000"  → 2500000      several groups of three after points: thousands
    "1.234,5"    → 1234.5       both marks: the last one is the decimal mark
    "2,5"        → 2.5          one mark followed by one, two or four and more digits: a decimal mark
    "2500"       → 2500
    "2.500"      → ambiguous    one mark followed by exactly three digits: 2,500 or 2.5?
                                (in VND, which has no decimals, it can only be 2500)

A currency code or sign ("VND", "đ", "₫", "USD", "$", "EUR", "€") may be typed with the amount; it is returned so the
caller can check it matches the currency chosen. Errors carry a code (``not_a_number``, ``ambiguous``, ``negative``,
``currency``) for the edge to word in the reader's language.

Plain Python: no Django.
"""

import re
from dataclasses import dataclass

CURRENCY_MARKS = {"VND": ("vnd", "vnđ", "đ", "₫", "dong", "đồng"), "USD": ("usd", "us$", "$"), "EUR": ("eur", "€")}
NO_DECIMALS = {"VND"}


class AmountError(ValueError):
    def __init__(self, code: str, text: str):
        self.code, self.text = code, text
        super().__init__(f"{code}: {text!r}")


@dataclass(frozen=True)
class Amount:
    value: float
    currency: str | None  # the currency typed with the amount, if any


def _strip_currency(text: str) -> tuple[str, str | None]:
    lowered = text.lower()
    for code, marks in CURRENCY_MARKS.items():
        for mark in sorted(marks, key=len, reverse=True):
            if lowered.startswith(mark) or lowered.endswith(mark):
                cut = lowered[len(mark):] if lowered.startswith(mark) else lowered[: -len(mark)]
                return cut.strip(), code
    return text, None


def parse_amount(text: object, currency: str | None = None) -> Amount:
    """Read a typed amount; ``currency`` (the one chosen on the form) settles "2.500" when it has no decimals."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if text < 0:
            raise AmountError("negative", str(text))
        return Amount(float(text), None)
    raw = str(text if text is not None else "")
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", raw)
    cleaned, typed = _strip_currency(cleaned)
    if currency and typed and typed != currency:
        raise AmountError("currency", raw)
    currency = typed or currency
    negative = cleaned.startswith("-")
    digits = cleaned.lstrip("-+")
    value = _read(digits, currency, raw)
    if negative and value != 0:
        raise AmountError("negative", raw)
    return Amount(value, typed)


def _read(text: str, currency: str | None, raw: str) -> float:
    if re.fullmatch(r"\d+", text):
        return float(text)
    if m := re.fullmatch(r"(\d{1,3}(?:\.\d{3})+),(\d+)", text):  # 1.234,5
        return float(m.group(1).replace(".", "") + "." + m.group(2))
    if m := re.fullmatch(r"(\d{1,3}(?:,\d{3})+)\.(\d+)", text):  # 1,234.5
        return float(m.group(1).replace(",", "") + "." + m.group(2))
    for mark in ".,":
        groups = text.split(mark)
        if len(groups) < 2 or not all(g.isdigit() for g in groups):
            continue
        if len(groups) > 2:  # 2.500.000 / 2,500,000: only thousands can repeat
            if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
                return float("".join(groups))
            break
        whole, part = groups
        if len(part) == 3 and len(whole) <= 3:
            if currency in NO_DECIMALS:
                return float(whole + part)
            raise AmountError("ambiguous", raw)
        return float(f"{whole}.{part}")
    raise AmountError("not_a_number", raw)
