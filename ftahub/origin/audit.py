"""No rule may say more than its text: a mechanical check of every translated product-specific rule.

For each rule set, the canonical rule is compared with the legal text it came from. A rule is *flagged* when it can
be weaker than its text:

- ``percent``: a percentage of the text (a threshold, a tolerance, a weight limit) appears nowhere in the rule;
- ``method``: a value method the text names (net cost, build-down, build-up, focused value) is not used;
- ``unconditional``: the rule is met by "no change of classification" alone, but every entry of the text that
  allows no change attaches a condition to it ("provided", "if", "in which", "except");
- ``change``: the text asks for a change of chapter, heading or subheading and the rule has no such test;
- ``party``: the text gives an alternative for one party only and it was not kept aside;
- ``split``: the text gives one rule to some goods of the range ("containing more than 70 % cacao") and another to
  "any other good", but the rule joins them as alternatives open to every good.

Text kept as ``manual("...")`` counts as covered: it is shown and marked for manual reading, never assessed. Each
rule set gets a status: ``faithful``, ``scoped`` (faithful, with a party-specific alternative kept aside) or
``manual`` (part or all of it needs manual reading) or ``described`` (one rule per description of the goods, each
checked on its own), and the list of its flags (empty when it passes).

Plain Python: no Django.
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ftahub.common import problems
from ftahub.common.problems import Problem

from .language import (
    AllOf,
    AnyOf,
    ChangeOfClassification,
    ManualReading,
    MaxNonOriginating,
    MaxWeight,
    Rule,
    ValueContent,
    tests_in,
)
from .translate import PARTY_RULE, Translation, clean

METHOD_WORDS = {"net cost": "net-cost", "build-down": "build-down", "build-up": "build-up", "focused value": "focused"}
NO_CHANGE = re.compile(r"No change in tariff classification required|Manufacture from materials of any "
                       r"(?:chapter|heading|subheading)\.?$")
CONDITION = re.compile(r"\b(provided|if|in which|except)\b")
CHANGE_WORDS = {"chapter": "CC", "heading": "CTH", "subheading": "CTSH"}


problems.ENGLISH.update({
    "origin.flag_percent": "percent {value}% not in the rule",
    "origin.flag_method": "method {method} not in the rule",
    "origin.flag_unconditional": "unconditional: the text sets a condition but the rule is met by no change alone",
    "origin.flag_change": "change of {level} not in the rule",
    "origin.flag_party": "party: a party-specific alternative is not kept aside",
    "origin.flag_split": "split: rules for different goods of the range are joined as alternatives",
})


@dataclass(frozen=True)
class Finding:
    status: str  # faithful | scoped | manual | described
    flags: tuple[Problem, ...]  # each with the goods it concerns ("goods") when the set is split by description


def _numbers(rule: Rule) -> set[float]:
    found: set[float] = set()
    for test in tests_in(rule):
        if isinstance(test, (ValueContent, MaxNonOriginating, MaxWeight)):
            found.add(test.threshold if isinstance(test, ValueContent) else test.limit)
        elif isinstance(test, ChangeOfClassification) and test.allowance:
            found.add(test.allowance[0])
    return found


def _met_by_bare_change(rule: Rule) -> bool:
    """Whether "no change of classification required" alone satisfies the rule."""
    if isinstance(rule, AnyOf):
        return any(_met_by_bare_change(part) for part in rule.parts)
    if isinstance(rule, AllOf):
        return all(_met_by_bare_change(part) for part in rule.parts)
    return isinstance(rule, ChangeOfClassification) and rule.kind == "NCR" and not rule.exceptions


def check(texts: Iterable[str], translation: Translation) -> Finding:
    """Compare one rule set's legal texts (its entries, in order) with their translation; a set split by the
    description of the goods is checked rule by rule (status ``described``)."""
    texts = list(texts)
    whole = _check(texts, translation)
    if not translation.variants:
        return whole
    flags = list(whole.flags)
    for variant in translation.variants:
        own = _check(variant.read_as.split("\n"), Translation(variant.rule, variant.needs_manual_reading, []))
        flags.extend(Problem(flag.code, 0, (("goods", variant.description[:60]), *flag.values))
                     for flag in own.flags)
    return Finding("described", tuple(flags))


def _check(texts: list[str], translation: Translation) -> Finding:
    text = "\n".join(clean(t) for t in texts)
    general = text
    for party_rule in translation.party_rules:
        general = general.replace(party_rule.legal_text, "")
    if m := PARTY_RULE.search(general):
        general = general[: m.start()]
    general = re.sub(r"See also [^\n]*", "", general)
    rule = translation.rule
    tests = list(tests_in(rule))
    manual_text = " ".join(t.text for t in tests if isinstance(t, ManualReading))
    flags: list[Problem] = []

    numbers = _numbers(rule)
    for value in re.findall(r"(\d+(?:\.\d+)?)\s*%", general):
        if float(value) not in numbers and f"{value}%" not in manual_text:
            flags.append(Problem.of("origin.flag_percent", value=value))

    methods = {t.method for t in tests if isinstance(t, ValueContent)}
    for words, method in METHOD_WORDS.items():
        for _ in re.finditer(rf"{words} method", general):
            if method not in methods and f"{words} method" not in manual_text:
                flags.append(Problem.of("origin.flag_method", method=method))

    entries = [clean(t) for t in texts]
    unconditional = [e for e in entries if NO_CHANGE.search(e) and not CONDITION.search(e)]
    if _met_by_bare_change(rule) and not unconditional:
        flags.append(Problem.of("origin.flag_unconditional"))

    kinds = {t.kind for t in tests if isinstance(t, ChangeOfClassification)}
    for word in re.findall(r"from any other (chapter|heading|subheading)", general):
        if CHANGE_WORDS[word] not in kinds and f"any other {word}" not in manual_text:
            flags.append(Problem.of("origin.flag_change", level=word))

    if PARTY_RULE.search(text) and not translation.party_rules:
        flags.append(Problem.of("origin.flag_party"))

    if re.search(r"\bany other good\b", general) and any(not isinstance(t, ManualReading) for t in tests):
        flags.append(Problem.of("origin.flag_split"))

    if translation.needs_manual_reading:
        status = "manual"
    elif translation.party_rules:
        status = "scoped"
    else:
        status = "faithful"
    return Finding(status, tuple(dict.fromkeys(flags)))


def summarise(findings: Iterable[Finding]) -> dict[str, int]:
    """Counts by status, and of flagged rule sets."""
    counts: Counter[str] = Counter()
    for finding in findings:
        counts[finding.status] += 1
        counts["flagged"] += bool(finding.flags)
    return {key: counts[key] for key in ("faithful", "scoped", "described", "manual", "flagged")}
