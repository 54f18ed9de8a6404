"""Find the product-specific rule for an HS code: the most specific rule set whose range covers it.

Plain Python: no Django. Works on any rule-set objects with ``hs_from``/``hs_to`` (10-digit bounds), ``heading``,
``description`` and ``canonical`` — database rows or records read straight from the data files.
"""

from typing import Any, Protocol, TypeVar

from ftahub.common import hscode


class RuleSetLike(Protocol):
    hs_from: str
    hs_to: str
    heading: str
    description: str
    canonical: str


R = TypeVar("R", bound=RuleSetLike)


class AmbiguousRule(LookupError):
    """Several rule sets of the same width cover the code; which applies depends on the product's description."""

    def __init__(self, hs: str, candidates: list[Any]):
        self.candidates = candidates
        listing = "; ".join(f"{c.heading} ({c.description[:60]}): {c.canonical[:80]}" for c in candidates)
        super().__init__(f"several rules apply to HS {hs} depending on the product's description: {listing}")


def pad(hs: str) -> str:
    return (hscode.compact(hs) + "0" * 10)[:10]


def most_specific(hs: str, rule_sets: list[R]) -> list[R]:
    """The covering rule sets of the smallest range, in the given order (one unless the source splits a code by
    description)."""
    code = pad(hs)
    covering = [r for r in rule_sets if r.hs_from <= code <= r.hs_to]
    if not covering:
        return []
    narrowest = min(int(r.hs_to) - int(r.hs_from) for r in covering)
    return [r for r in covering if int(r.hs_to) - int(r.hs_from) == narrowest]


def lookup(hs: str, rule_sets: list[R]) -> R | None:
    """The one rule set for the code; None where none covers it; AmbiguousRule where the choice depends on the
    product's description."""
    found = most_specific(hs, rule_sets)
    if len({r.canonical for r in found}) > 1:
        raise AmbiguousRule(hs, found)
    return found[0] if found else None
