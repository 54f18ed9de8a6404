"""How demanding a rule of origin is, for ranking agreements: the easiest alternative decides.

Plain Python: no Django.
"""

from .language import (
    AllOf,
    ChangeOfClassification,
    ManualReading,
    MaxNonOriginating,
    MaxWeight,
    Rule,
    SpecificProcess,
    ValueContent,
    WhollyObtained,
    tests_in,
)

# lower is easier to meet
LEVEL = {"NCR": 0, "CTSH": 1, "CTH": 2, "CC": 3}


def _score(rule: Rule) -> tuple[int, str]:
    if isinstance(rule, AllOf):
        parts = [_score(p) for p in rule.parts]
        worst = max(parts)
        return worst[0] + len(parts) - 1, " + ".join(label for _, label in parts)
    if isinstance(rule, ChangeOfClassification):
        return LEVEL[rule.kind] * 10 + (5 if rule.exceptions else 0), "change of classification (" + rule.kind + ")"
    if isinstance(rule, ValueContent):
        return 20 + int(rule.threshold / 5), f"value content ≥ {rule.threshold:g}%"
    if isinstance(rule, MaxNonOriginating):
        return 20 + int((100 - rule.limit) / 5), f"non-originating ≤ {rule.limit:g}% of {rule.base}"
    if isinstance(rule, MaxWeight):
        return 35, f"weight limit {rule.limit:g}%"
    if isinstance(rule, SpecificProcess):
        return 40, f"specific process ({rule.name})"
    if isinstance(rule, WhollyObtained):
        return 50, "wholly obtained"
    if isinstance(rule, ManualReading):
        return 90, "needs manual reading"
    return 99, "unknown"


def demand(rule: Rule) -> dict:
    """{"score": lower is easier, "label": the easiest alternative in words, "needs_manual_reading": bool}."""
    from .language import AnyOf

    alternatives = list(rule.parts) if isinstance(rule, AnyOf) else [rule]
    score, label = min(_score(a) for a in alternatives)
    manual = any(isinstance(t, ManualReading) for t in tests_in(rule))
    return {"score": score, "label": label, "needs_manual_reading": manual}
