"""The one HS code type of the hub: a chapter (2 digits), heading (4), subheading (6), Viet Nam's national line (8)
or a 10-digit code, read from what people type ("0810.90.20", "0810 90 20", "08109020") and printed the way the
nomenclature prints it.

Plain Python: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LEVELS = (2, 4, 6, 8, 10)
LEVEL_NAMES = {2: "chapter", 4: "heading", 6: "subheading", 8: "national line", 10: "statistical code"}
_SEPARATORS = re.compile(r"[\s.\u00a0]")


class HSCodeError(ValueError):
    """Text that is not an HS code at an accepted level. ``code`` is the API error code."""

    code = "bad_hs_code"

    def __init__(self, text: object, levels: tuple[int, ...]) -> None:
        self.text = text
        self.levels = levels
        shown = ", ".join(str(n) for n in levels)
        super().__init__(f"{text!r} is not an HS code of {shown} digits (dots and spaces are allowed)")


def compact(text: object) -> str:
    """The digits as typed, without dots, spaces or no-break spaces ('0810.90.20' → '08109020'); not validated."""
    return _SEPARATORS.sub("", str(text if text is not None else ""))


def dotted(code: str) -> str:
    """How the nomenclature prints a code: '08', '08.10', '0810.90', '0810.90.20', '0810.90.20.00'."""
    code = compact(code)
    if len(code) == 4:
        return f"{code[:2]}.{code[2:]}"
    if len(code) == 6:
        return f"{code[:4]}.{code[4:]}"
    if len(code) == 8:
        return f"{code[:4]}.{code[4:6]}.{code[6:]}"
    if len(code) == 10:
        return f"{code[:4]}.{code[4:6]}.{code[6:8]}.{code[8:]}"
    return code


@dataclass(frozen=True, order=True)
class HSNumber:
    """An HS code as digits. Compare, hash and slice it like the digits; print it dotted with ``dotted``."""

    digits: str

    def __post_init__(self) -> None:
        if not self.digits.isdigit() or len(self.digits) not in LEVELS:
            raise HSCodeError(self.digits, LEVELS)

    @classmethod
    def parse(cls, text: object, levels: tuple[int, ...] = LEVELS) -> HSNumber:
        """Read a typed code; raise HSCodeError unless it has one of ``levels`` digits once dots and spaces go."""
        if not isinstance(text, (str, int)) or isinstance(text, bool):
            raise HSCodeError(text, levels)
        digits = compact(text)
        if not digits.isdigit() or len(digits) not in levels:
            raise HSCodeError(text, levels)
        return cls(digits)

    @property
    def level(self) -> int:
        return len(self.digits)

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES[self.level]

    @property
    def dotted(self) -> str:
        return dotted(self.digits)

    def at(self, level: int) -> HSNumber:
        """The code cut to a shorter level: the chapter, heading or subheading it falls in."""
        if level not in LEVELS or level > self.level:
            raise ValueError(f"cannot cut a {self.level}-digit code to {level} digits")
        return HSNumber(self.digits[:level])

    def within(self, other: HSNumber | str) -> bool:
        """True when this code falls under ``other`` (a code at the same or a shorter level)."""
        prefix = other.digits if isinstance(other, HSNumber) else compact(other)
        return self.digits.startswith(prefix)

    def __str__(self) -> str:
        return self.digits


def parse(text: object, levels: tuple[int, ...] = LEVELS) -> HSNumber:
    return HSNumber.parse(text, levels)


def digits(text: object, levels: tuple[int, ...] = LEVELS) -> str:
    """The validated digits of a typed code (the form most call sites store)."""
    return HSNumber.parse(text, levels).digits
