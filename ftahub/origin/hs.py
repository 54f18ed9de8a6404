"""HS code references as rules of origin write them: chapter 50, heading 52.08, subheading 8471.30, and ranges.

Plain Python: no Django.
"""

from dataclasses import dataclass

from ftahub.common.hscode import dotted  # how rules print a code: '50', '52.08', '8471.30'

LEVEL_NAMES = {2: "chapter", 4: "heading", 6: "subheading"}


__all__ = ["LEVEL_NAMES", "CodeRange", "dotted", "in_any"]


@dataclass(frozen=True)
class CodeRange:
    """Codes from ``start`` to ``end`` inclusive, both at one level (2, 4 or 6 digits)."""

    start: str
    end: str

    def __post_init__(self) -> None:
        if len(self.start) != len(self.end) or len(self.start) not in LEVEL_NAMES or self.start > self.end:
            raise ValueError(f"bad code range {self.start}-{self.end}")

    @property
    def level(self) -> int:
        return len(self.start)

    def contains(self, code: str) -> bool:
        prefix = code[: self.level]
        return len(prefix) == self.level and self.start <= prefix <= self.end

    def may_contain(self, code: str) -> bool:
        """A code too short to place at this level (1901 against 1901.90) that some code of the range begins with."""
        n = len(code)
        return n < self.level and self.start[:n] <= code <= self.end[:n]

    def canonical(self) -> str:
        if self.level == 2:
            return f"chapter {int(self.start)}" + (f" through {int(self.end)}" if self.end != self.start else "")
        if self.start == self.end:
            return dotted(self.start)
        return f"{dotted(self.start)}-{dotted(self.end)}"


def in_any(code: str, ranges: tuple[CodeRange, ...]) -> bool:
    return any(r.contains(code) for r in ranges)
