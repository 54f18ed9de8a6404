"""How demanding a rule of origin is, for ranking agreements: the easiest alternative decides.

Plain Python: no Django.
"""

from typing import Any

from .language import (
    AllOf,
    ChangeOfClassification,
    ManualReading,
    MaxNonOriginating,
    MaxWeight,
    ProducedFromOriginating,
    Rule,
    SpecificProcess,
    ValueContent,
    WhollyObtained,
    tests_in,
)

# lower is easier to meet
LEVEL = {"NCR": 0, "CTSH": 1, "CTH": 2, "CC": 3}


def _score(rule: Rule) -> tuple[int, str, list[dict[str, Any]]]:
    """(score, English label, terms): the terms say the same in data, for a translated label."""
    if isinstance(rule, AllOf):
        parts = [_score(p) for p in rule.parts]
        worst = max(p[0] for p in parts)
        return (worst + len(parts) - 1, " + ".join(label for _, label, _ in parts),
                [t for _, _, terms in parts for t in terms])
    if isinstance(rule, ChangeOfClassification):
        return (LEVEL[rule.kind] * 10 + (5 if rule.exceptions else 0), "change of classification (" + rule.kind + ")",
                [{"kind": "ctc", "level": rule.kind}])
    if isinstance(rule, ValueContent):
        return (20 + int(rule.threshold / 5), f"value content ≥ {rule.threshold:g}%",
                [{"kind": "value", "threshold": rule.threshold}])
    if isinstance(rule, MaxNonOriginating):
        return (20 + int((100 - rule.limit) / 5), f"non-originating ≤ {rule.limit:g}% of {rule.base}",
                [{"kind": "maxnom", "limit": rule.limit, "base": rule.base}])
    if isinstance(rule, MaxWeight):
        return 35, f"weight limit {rule.limit:g}%", [{"kind": "weight", "limit": rule.limit}]
    if isinstance(rule, SpecificProcess):
        return 40, f"specific process ({rule.name})", [{"kind": "process", "name": rule.name}]
    if isinstance(rule, WhollyObtained):
        return 50, "wholly obtained", [{"kind": "wo"}]
    if isinstance(rule, ProducedFromOriginating):
        return 50, "produced from originating materials", [{"kind": "pe"}]
    if isinstance(rule, ManualReading):
        return 90, "needs manual reading", [{"kind": "manual"}]
    return 99, "unknown", [{"kind": "unknown"}]


def demand(rule: Rule) -> dict[str, Any]:
    """{"score": lower is easier, "label": the easiest alternative in English words, "terms": the same as data (for
    other languages), "needs_manual_reading": bool}."""
    from .language import AnyOf

    alternatives = list(rule.parts) if isinstance(rule, AnyOf) else [rule]
    score, label, terms = min((_score(a) for a in alternatives), key=lambda s: (s[0], s[1]))
    manual = any(isinstance(t, ManualReading) for t in tests_in(rule))
    return {"score": score, "label": label, "terms": terms, "needs_manual_reading": manual}
