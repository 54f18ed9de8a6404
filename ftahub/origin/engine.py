"""Evaluate a product's bill of materials against a rule of origin under an agreement's general provisions.

``assess`` answers: does the product qualify, by which alternative, with which margin; which materials block a
change-of-classification test; and what would make a failing product qualify. Sub-assemblies that qualify count
as originating in full (roll-up), recursively. Unknown origin counts as non-originating.

Plain Python: no Django.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from ftahub.common import hscode

from .hs import in_any
from .language import (
    AllOf,
    AnyOf,
    ChangeOfClassification,
    ManualReading,
    MaxNonOriginating,
    MaxWeight,
    ProducedFromOriginating,
    Rule,
    SpecificProcess,
    ValueContent,
    WhollyObtained,
)
from .provisions import NO_PROVISIONS, Provisions

EPSILON = 1e-9
LEVEL_WORDS = {2: "chapter", 4: "heading", 6: "subheading"}
MAX_DEPTH = 20


class InputError(ValueError):
    """The case cannot be assessed as given (missing price, bad HS code, ...). The message says what to fix."""


class MissingPrice(InputError):
    """The rule measures against a price the case does not give (``price``: fob or ex_works)."""

    def __init__(self, price: str, message: str):
        self.price = price
        super().__init__(message)


# --- input ------------------------------------------------------------------------------------------------------

@dataclass
class Material:
    hs: str
    value: float
    description: str = ""
    country: str | None = None
    originating: bool | None = None
    weight_kg: float | None = None
    quantity: float | None = None
    materials: list[Material] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.hs = hscode.compact(self.hs)


@dataclass
class Product:
    hs: str
    fob: float | None = None
    ex_works: float | None = None
    net_cost: float | None = None
    weight_kg: float | None = None
    processes: tuple[str, ...] = ()
    description: str = ""
    # the exporter says the product is wholly obtained in Viet Nam (grown and harvested, born and raised, caught,
    # mined here, or made only from such goods): every agreement counts such goods as originating before any
    # product-specific rule (e.g. ATIGA Art. 26(a), CPTPP Art. 3.2(a), UKVFTA/EVFTA "products wholly obtained")
    wholly_obtained: bool = False

    def __post_init__(self) -> None:
        self.hs = hscode.compact(self.hs)


# --- output -----------------------------------------------------------------------------------------------------

@dataclass
class TestResult:
    name: str
    rule: str
    required: float | str | None
    actual: float | str | None
    passed: bool | None  # None: cannot be decided by the engine (needs manual reading or missing data)
    margin: float | None = None
    unit: str = "%"
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["pass"] = data.pop("passed")
        return data


@dataclass
class MaterialOrigin:
    index: int
    hs: str
    description: str
    value: float
    country: str | None
    weight_kg: float | None
    originating: bool
    basis: str  # why: declared, cumulation, unknown, rolled up ...


@dataclass
class Action:
    kind: str  # source_originating, replace_value, perform_process, read_manually, provide_data
    detail: str  # in English, for the CLI and the API; the pages word ``kind`` and ``params`` instead
    value: float = 0.0
    materials: list[int] = field(default_factory=list)
    params: dict[str, str] = field(default_factory=dict)  # what the pages need to say it: names, percent, method


@dataclass
class Remedy:
    alternative: str
    actions: list[Action]

    @property
    def value(self) -> float:
        return round(sum(a.value for a in self.actions), 2)


@dataclass
class Assessment:
    qualifies: bool
    agreement: str
    rule: str
    met_by: str | None
    needs_manual_reading: bool
    tests: list[TestResult]
    blocking_materials: list[dict[str, Any]]
    to_qualify: list[Remedy]
    materials: list[MaterialOrigin]
    figures: dict[str, Any]
    notes: list[str]
    sub_assemblies: list[dict[str, Any]] = field(default_factory=list[Any])

    def as_dict(self) -> dict[str, Any]:
        return {
            "qualifies": self.qualifies,
            "agreement": self.agreement,
            "rule": self.rule,
            "met_by": self.met_by,
            "needs_manual_reading": self.needs_manual_reading,
            "tests": [t.as_dict() for t in self.tests],
            "blocking_materials": self.blocking_materials,
            "to_qualify": [{"alternative": r.alternative, "value_to_change": r.value,
                            "actions": [asdict(a) for a in r.actions]} for r in self.to_qualify],
            "materials": [asdict(m) for m in self.materials],
            "figures": self.figures,
            "notes": self.notes,
            "sub_assemblies": self.sub_assemblies,
        }


# --- evaluation ---------------------------------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def _text(rule: Rule) -> str:
    """Canonical text of a rule, cached (rules are immutable)."""
    return rule.canonical()


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2)


class _Context:
    def __init__(self, product: Product, origins: list[MaterialOrigin], provisions: Provisions):
        self.product = product
        self.origins = origins
        self.provisions = provisions
        self.non_originating = [m for m in origins if not m.originating]
        self.vnm = sum(m.value for m in self.non_originating)
        self.vom = sum(m.value for m in origins if m.originating)

    def base(self, name: str) -> float:
        value = self.product.ex_works if name == "EXW" else self.product.fob
        if value is None or value <= 0:
            label = "ex_works (ex-works price)" if name == "EXW" else "fob (FOB price)"
            raise MissingPrice("ex_works" if name == "EXW" else "fob",
                               f"the product's {label} is needed for this rule and must be above zero")
        return value

    def base_or_none(self, name: str) -> float | None:
        try:
            return self.base(name)
        except InputError:
            return None


@dataclass
class _Outcome:
    passed: bool | None
    tests: list[TestResult]
    remedies: list[list[Action]]  # for a failing outcome: ways (each a list of actions) to make it pass
    blocking: list[dict[str, Any]]


def _ctc(test: ChangeOfClassification, ctx: _Context) -> _Outcome:
    product_hs = ctx.product.hs
    level = test.level
    failing_change, excepted, unclear = [], [], []
    for m in ctx.non_originating:
        if test.exceptions and in_any(m.hs, test.exceptions):
            excepted.append(m)
        elif level and len(m.hs) < level:
            unclear.append(m)
        elif level and m.hs[:level] == product_hs[:level]:
            failing_change.append(m)
    word = LEVEL_WORDS.get(level, "")
    blocking: list[dict[str, Any]] = [
        *({"index": m.index, "hs": m.hs, "description": m.description, "value": m.value, "country": m.country,
           "test": _text(test), "reason": f"non-originating and of the same {word} as the product", "why": "same",
           "level": level} for m in failing_change),
        *({"index": m.index, "hs": m.hs, "description": m.description, "value": m.value, "country": m.country,
           "test": _text(test), "reason": "non-originating and of a code the rule excepts", "why": "excepted",
           "level": level} for m in excepted),
        *({"index": m.index, "hs": m.hs, "description": m.description, "value": m.value, "country": m.country,
           "test": _text(test), "reason": f"HS code too short to tell its {word}", "why": "unclear", "level": level}
          for m in unclear),
    ]
    notes = []
    # The rule's own allowance (e.g. EVFTA "materials of the same heading ... up to 10 % of the ex-works price")
    allowed_same = 0.0
    if test.allowance and failing_change:
        percent, base_name = test.allowance
        allowed_same = percent / 100.0 * ctx.base(base_name)
        same_value = sum(m.value for m in failing_change)
        if same_value <= allowed_same + EPSILON:
            notes.append(f"materials of the same {word} ({same_value:.2f}) are within the rule's allowance of "
                         f"{percent:g}% {base_name}")
            blocking = [b for b in blocking if b["index"] not in {m.index for m in failing_change}]
    blocking_value = sum(b["value"] for b in blocking)
    tolerance = ctx.provisions.tolerance_for(product_hs)
    if tolerance is not None and tolerance[1] == "weight":
        return _ctc_by_weight(test, ctx, blocking, tolerance[0], word, notes)
    # materials the agreement's de minimis may not cover in this product (CPTPP Annex 3-C)
    doubtful = []
    for b in blocking:
        if excluded := ctx.provisions.tolerance_excludes(product_hs, b["hs"]):
            b["de_minimis"] = "excluded" if excluded == "yes" else "maybe"
            if excluded == "maybe":
                doubtful.append(b)
    barred = any(b.get("de_minimis") == "excluded" for b in blocking)
    base_value: float | None
    if tolerance:
        percent, base_name = tolerance
        value_base_name = base_name.split("|")[0]
        base_value = ctx.base(value_base_name)
        allowed = percent / 100.0 * base_value
    else:  # no tolerance: the share is still reported when the price is known
        percent, value_base_name, allowed = 0.0, ctx.provisions.value_base, 0.0
        base_name = value_base_name
        base_value = ctx.base_or_none(base_name)
    within = tolerance is not None and not barred and blocking_value <= allowed + EPSILON
    passed: bool | None = not blocking or within
    if blocking and within:
        notes.append(f"blocking materials ({blocking_value:.2f}) are within the tolerance of {percent:g}% "
                     f"{value_base_name} ({allowed:.2f})")
    if barred:
        notes.append("the agreement's de minimis does not cover some of the blocking materials")
    if tolerance is None and blocking:
        notes.append("no tolerance (de minimis) is recorded for this agreement, so none was applied")
    if not passed and tolerance and base_name.endswith("|weight") and not barred and not doubtful:
        # the tolerance may also be met by weight (EVFTA Protocol 1 Art. 5(3)(a)): the value share is over it
        notes.append(f"blocking materials ({blocking_value:.2f}) exceed {percent:g}% {value_base_name}; "
                     "the same share of the weight also satisfies the tolerance")
        return _ctc_by_weight(test, ctx, blocking, percent, word, notes)
    unsure = passed and bool(blocking) and bool(doubtful)
    if unsure:
        passed = None
        notes.append("the de minimis may not cover some blocking materials: a condition to read")
    actual = _pct(blocking_value, base_value) if base_value else (0.0 if not blocking else None)
    required_text = (f"non-originating materials change {word}" if level else "no change of classification required")
    if test.exceptions:
        required_text += f"; none from {', '.join(r.canonical() for r in test.exceptions)}"
    result = TestResult(
        name=test.kind, rule=_text(test), required=round(percent, 2), actual=actual, passed=passed,
        margin=round(percent - actual, 2) if actual is not None else None,
        detail=f"{required_text}; blocking materials may make up at most {percent:g}% of {base_name}"
        + (f" ({'; '.join(notes)})" if notes else ""),
    )
    remedies = []
    if unsure:
        names = ", ".join(b["description"] or b["hs"] for b in doubtful)
        remedies.append([Action("read_manually", f"check whether the agreement's de minimis may cover: {names}",
                                materials=[b["index"] for b in doubtful],
                                params={"what": "de_minimis_exclusion", "names": names})])
    elif not passed:
        # Source the largest blocking materials from originating suppliers until the rest fits the tolerance
        # (all of those the de minimis may not cover).
        remaining = blocking_value
        chosen = []
        for b in sorted(blocking, key=lambda b: (b.get("de_minimis") != "excluded", -b["value"])):
            if remaining <= allowed + EPSILON and not (b.get("de_minimis") == "excluded"):
                break
            chosen.append(b)
            remaining -= b["value"]
        remedies.append([Action(
            "source_originating",
            "source from an originating supplier (with a supplier declaration): "
            + ", ".join(f"{b['description'] or b['hs']} ({b['value']:.2f})" for b in chosen),
            value=round(sum(b["value"] for b in chosen), 2),
            materials=[b["index"] for b in chosen],
            params={"what": "suppliers", "names": ", ".join(b["description"] or b["hs"] for b in chosen)},
        )])
    return _Outcome(passed, [result], remedies, [] if passed else blocking)


def _ctc_by_weight(test: ChangeOfClassification, ctx: _Context, blocking: list[dict[str, Any]], percent: float,
                   word: str, notes: list[str]) -> _Outcome:
    """A change of classification whose tolerance is a share of the product's weight (CPTPP Art. 4.2.2: textile
    goods outside chapters 61-63, 10 % of the total weight)."""
    weights = {m.index: m.weight_kg for m in ctx.origins}
    weight = ctx.product.weight_kg
    required_text = f"non-originating materials change {word}; blocking materials may weigh at most {percent:g}% " \
                    "of the product"
    if not blocking:
        result = TestResult(name=test.kind, rule=_text(test), required=percent, actual=0.0, passed=True,
                            margin=percent, unit="% of weight", detail=required_text)
        return _Outcome(True, [result], [], [])
    if weight is None or weight <= 0 or any(weights.get(b["index"]) is None for b in blocking):
        result = TestResult(name=test.kind, rule=_text(test), required=percent, actual=None, passed=None,
                            unit="% of weight", detail=required_text + " (needs the weights)")
        return _Outcome(None, [result], [[Action("provide_data", "give the weights (kg) of the product and of the "
                                                 "materials that do not change " + word,
                                                 materials=[b["index"] for b in blocking],
                                                 params={"what": "weights"})]], blocking)
    used = sum(weights[b["index"]] or 0.0 for b in blocking)
    actual = _pct(used, weight)
    passed = 100.0 * used / weight <= percent + EPSILON
    if passed:
        notes.append(f"blocking materials ({used:g} kg) are within the tolerance of {percent:g}% of the weight")
    result = TestResult(name=test.kind, rule=_text(test), required=percent, actual=actual, passed=passed,
                        margin=round(percent - actual, 2), unit="% of weight",
                        detail=required_text + (f" ({'; '.join(notes)})" if notes else ""))
    remedies = [] if passed else [[Action("source_originating", "source from an originating supplier: "
                                          + ", ".join(b["description"] or b["hs"] for b in blocking),
                                          materials=[b["index"] for b in blocking],
                                          params={"what": "suppliers",
                                                  "names": ", ".join(b["description"] or b["hs"] for b in blocking)})]]
    return _Outcome(passed, [result], remedies, [] if passed else blocking)


def _value_content(test: ValueContent, ctx: _Context) -> _Outcome:
    method = test.method or ctx.provisions.default_method or "build-down"
    threshold = test.threshold
    if method == "net-cost":
        base = ctx.product.net_cost
        if base is None or base <= 0:
            # another alternative (build-down, say) may still decide; this one cannot without the net cost
            result = TestResult(name=test.name, rule=_text(test), required=threshold, actual=None, passed=None,
                                detail="net-cost: the product's net cost is needed (above zero)")
            return _Outcome(None, [result], [[Action("provide_data", "give the product's net cost (net_cost) to "
                                                     "test the net cost method", params={"what": "net_cost"})]], [])
        numerator = base - ctx.vnm
        gap = ctx.vnm - base * (1 - threshold / 100.0)
        formula = "(NC − VNM) / NC"
    else:
        base = ctx.base("FOB")
        if method == "build-up":
            numerator = ctx.vom
            gap = base * threshold / 100.0 - ctx.vom
            formula = "VOM / FOB"
        elif method == "focused":
            focused = sum(m.value for m in ctx.non_originating if in_any(m.hs, test.scope))
            numerator = base - focused
            gap = focused - base * (1 - threshold / 100.0)
            formula = "(FOB − FVNM) / FOB"
        else:
            numerator = base - ctx.vnm
            gap = ctx.vnm - base * (1 - threshold / 100.0)
            formula = "(FOB − VNM) / FOB"
    actual = _pct(numerator, base)
    passed = 100.0 * numerator / base + EPSILON >= threshold
    result = TestResult(name=test.name, rule=_text(test), required=threshold, actual=actual, passed=passed,
                        margin=round(actual - threshold, 2), detail=f"{method}: {formula}")
    remedies = []
    if not passed:
        remedies.append([Action("replace_value",
                                f"replace at least {gap:.2f} of non-originating materials with originating ones "
                                f"to reach {threshold:g}% ({method})", value=round(gap, 2),
                                params={"percent": f"{threshold:g}", "method": method})])
    return _Outcome(passed, [result], remedies, [])


def _max_nom(test: MaxNonOriginating, ctx: _Context) -> _Outcome:
    base = ctx.base(test.base)
    actual = _pct(ctx.vnm, base)
    passed = 100.0 * ctx.vnm / base <= test.limit + EPSILON
    result = TestResult(name="MaxNOM", rule=_text(test), required=test.limit, actual=actual, passed=passed,
                        margin=round(test.limit - actual, 2), detail=f"VNM / {test.base}")
    remedies = []
    if not passed:
        gap = ctx.vnm - base * test.limit / 100.0
        remedies.append([Action("replace_value", f"replace at least {gap:.2f} of non-originating materials with "
                                f"originating ones to bring them to {test.limit:g}% of {test.base}",
                                value=round(gap, 2), params={"percent": f"{test.limit:g}", "base": test.base})])
    return _Outcome(passed, [result], remedies, [])


def _max_weight(test: MaxWeight, ctx: _Context) -> _Outcome:
    weight = ctx.product.weight_kg
    counted = [m for m in ctx.non_originating if in_any(m.hs, test.scope)]
    if weight is None or weight <= 0 or any(m.weight_kg is None for m in counted):
        result = TestResult(name="MaxWeight", rule=_text(test), required=test.limit, actual=None, passed=None,
                            unit="% of weight", detail="needs the product's weight and the weight of each material")
        return _Outcome(None, [result], [[Action("provide_data", "give the weights (kg) of the product and of the "
                                                 "materials the rule counts", params={"what": "weights"})]], [])
    used = sum(m.weight_kg or 0.0 for m in counted)  # every weight is known here (checked above)
    actual = _pct(used, weight)
    passed = 100.0 * used / weight <= test.limit + EPSILON
    result = TestResult(name="MaxWeight", rule=_text(test), required=test.limit, actual=actual, passed=passed,
                        margin=round(test.limit - actual, 2), unit="% of weight",
                        detail="weight of non-originating materials of " + ", ".join(r.canonical() for r in test.scope))
    remedies = [] if passed else [[Action("source_originating", "use originating materials of "
                                          + ", ".join(r.canonical() for r in test.scope) + " for part of the weight",
                                          materials=[m.index for m in counted],
                                          params={"what": "weight", "scope": _text(test)})]]
    return _Outcome(passed, [result], remedies, [])


def _within_tolerance(ctx: _Context, materials: list[MaterialOrigin]) -> bool | None:
    """Do these non-originating materials fit the product's tolerance (by value, or by weight where the agreement
    allows either)? None: it depends on a price or weights the case does not give."""
    tolerance = ctx.provisions.tolerance_for(ctx.product.hs)
    if tolerance is None:
        return False
    percent, base_name = tolerance
    unknown = False
    for measure in base_name.split("|"):
        if measure == "weight":
            weight = ctx.product.weight_kg
            if weight is None or weight <= 0 or any(m.weight_kg is None for m in materials):
                unknown = True
            elif sum(m.weight_kg or 0.0 for m in materials) <= percent / 100.0 * weight + EPSILON:
                return True
        else:
            base = ctx.base_or_none(measure)
            if base is None:
                unknown = True
            elif sum(m.value for m in materials) <= percent / 100.0 * base + EPSILON:
                return True
    return None if unknown else False


def _wholly_obtained(test: WhollyObtained, ctx: _Context) -> _Outcome:
    counted = [m for m in ctx.non_originating if not test.scope or in_any(m.hs, test.scope)]
    passed: bool | None = not counted
    scope = ", ".join(r.canonical() for r in test.scope) or "all"
    detail = f"{scope} materials wholly obtained or originating"
    if counted and test.scope and ctx.provisions.tolerance_covers_wholly_obtained:
        # the tolerance covers the materials the rule wants wholly obtained (EVFTA Protocol 1 Art. 5(5))
        passed = _within_tolerance(ctx, counted)
        detail += "; the tolerance covers those that are not" if passed else \
            "; the tolerance may cover them if the price and weights are given" if passed is None else ""
    result = TestResult(name="WO", rule=_text(test), required=0, actual=len(counted), passed=passed,
                        unit="non-originating materials", detail=detail)
    if passed:
        return _Outcome(True, [result], [], [])
    blocking = [{"index": m.index, "hs": m.hs, "description": m.description, "value": m.value, "country": m.country,
                 "test": _text(test), "reason": "not wholly obtained or originating",
                 **({"why": "tolerance_unknown"} if passed is None else {})} for m in counted]
    remedies = [] if passed is not None else [[Action(
        "provide_data", "give the ex-works price and the weights (kg) of the product and of these materials",
        materials=[m.index for m in counted], params={"what": "weights"})]]
    remedies.append([Action("source_originating", "use only wholly obtained (originating) "
                            + ("materials" if not test.scope else f"materials of {scope}"),
                            value=round(sum(m.value for m in counted), 2), materials=[m.index for m in counted],
                            params={"what": "wholly", "names": ", ".join(m.description or m.hs for m in counted)})])
    return _Outcome(passed, [result], remedies, blocking)


def _all_originating(origins: list[MaterialOrigin]) -> bool:
    """Materials listed, and every one originating: the product is produced from originating materials ("PE")."""
    return bool(origins) and all(o.originating for o in origins)


def _produced_from_originating(test: ProducedFromOriginating, ctx: _Context) -> _Outcome:
    foreign = ctx.non_originating
    result = TestResult(name="PE", rule="PE", required=0, actual=len(foreign), passed=not foreign,
                        unit="non-originating materials", detail="produced entirely from originating materials")
    return _Outcome(not foreign, [result], [], [])


def _wholly_obtained_here(origins: list[MaterialOrigin]) -> _Outcome:
    """The exporter's claim that the product is wholly obtained in Viet Nam holds when every material listed is
    itself originating and from Viet Nam (seed, feed, fertiliser grown here; or none listed)."""
    foreign = [m for m in origins if not m.originating or m.country not in (None, "VN")]
    result = TestResult(name="WO", rule="WO", required=0, actual=len(foreign), passed=not foreign,
                        unit="materials not wholly obtained in Viet Nam",
                        detail="wholly obtained in Viet Nam (grown, raised, caught or extracted here)")
    blocking = [{"index": m.index, "hs": m.hs, "description": m.description, "value": m.value, "country": m.country,
                 "test": "WO", "reason": "not wholly obtained in Viet Nam"} for m in foreign]
    return _Outcome(not foreign, [result], [], blocking)


def _process(test: SpecificProcess, ctx: _Context) -> _Outcome:
    passed = test.name in ctx.product.processes
    result = TestResult(name="process", rule=_text(test), required=test.name,
                        actual=", ".join(ctx.product.processes) or "none declared", passed=passed, unit="",
                        detail="a specific process the exporter declares")
    remedies = [] if passed else [[Action("perform_process", f"carry out and declare the process '{test.name}'",
                                          params={"process": test.name})]]
    return _Outcome(passed, [result], remedies, [])


def _manual(test: ManualReading, ctx: _Context) -> _Outcome:
    result = TestResult(name="manual", rule=_text(test), required=test.text, actual=None, passed=None, unit="",
                        detail="needs manual reading: the legal text could not be turned into tests")
    return _Outcome(None, [result], [[Action("read_manually", f"check the legal text by hand: {test.text}",
                                             params={"text": test.text})]], [])


def _evaluate(rule: Rule, ctx: _Context) -> _Outcome:
    if isinstance(rule, AnyOf):
        outcomes = [_evaluate(part, ctx) for part in rule.parts]
        tests = [t for o in outcomes for t in o.tests]
        if any(o.passed for o in outcomes):
            return _Outcome(True, tests, [], [])
        passed = None if any(o.passed is None for o in outcomes) else False
        return _Outcome(passed, tests, [r for o in outcomes for r in o.remedies],
                        [b for o in outcomes for b in o.blocking])
    if isinstance(rule, AllOf):
        outcomes = [_evaluate(part, ctx) for part in rule.parts]
        tests = [t for o in outcomes for t in o.tests]
        if all(o.passed for o in outcomes):
            return _Outcome(True, tests, [], [])
        passed = False if any(o.passed is False for o in outcomes) else None
        # every failing part must be fixed: combine the cheapest remedy of each
        combined = []
        for o in outcomes:
            if not o.passed and o.remedies:
                combined.extend(min(o.remedies, key=lambda actions: sum(a.value for a in actions)))
        return _Outcome(passed, tests, [combined] if combined else [], [b for o in outcomes for b in o.blocking])
    handlers: dict[type, Callable[[Any, _Context], _Outcome]] = {
        ChangeOfClassification: _ctc, ValueContent: _value_content, MaxNonOriginating: _max_nom,
        MaxWeight: _max_weight, WhollyObtained: _wholly_obtained,
        ProducedFromOriginating: _produced_from_originating, SpecificProcess: _process, ManualReading: _manual,
    }
    return handlers[type(rule)](rule, ctx)


# --- materials and roll-up ----------------------------------------------------------------------------------------

RuleLookup = Callable[[str], Rule | None]


def _resolve_origins(product: Product, materials: list[Material], provisions: Provisions,
                     rule_for: RuleLookup | None, depth: int, sub_results: list[dict[str, Any]]) -> list[MaterialOrigin]:
    origins = []
    for index, m in enumerate(materials):
        basis = ""
        originating = False
        if m.materials and rule_for is not None:
            sub_rule = rule_for(m.hs)
            if sub_rule is not None:
                sub_product = Product(hs=m.hs, fob=m.value, ex_works=m.value, weight_kg=m.weight_kg,
                                      description=m.description)
                originating, met_by = _qualifies(sub_product, m.materials, sub_rule, provisions, rule_for, depth + 1)
                basis = ("sub-assembly qualifies under " if originating else "sub-assembly does not qualify under ") \
                    + _text(sub_rule) + " (roll-up)"
                sub_results.append({"index": index, "hs": m.hs, "description": m.description,
                                    "qualifies": originating, "rule": _text(sub_rule), "met_by": met_by})
            else:
                basis = "no rule found for its HS code; the declared origin is used"
        if not basis or basis.startswith("no rule"):
            if m.originating is None:
                originating, basis = False, (basis + "; " if basis else "") + "origin unknown: counted as non-originating"
            elif m.originating and not provisions.originating_country(m.country, product.hs):
                originating = False
                basis = (basis + "; " if basis else "") + (
                    f"originating in {m.country}, which the agreement's cumulation does not cover")
            else:
                originating = bool(m.originating)
                cumulated = originating and m.country not in (None, "VN")
                basis = (basis + "; " if basis else "") + (
                    f"originating in {m.country} (cumulation)" if cumulated
                    else "declared originating" if originating else "declared non-originating")
        origins.append(MaterialOrigin(index, m.hs, m.description, float(m.value), m.country, m.weight_kg,
                                      originating, basis))
    return origins


def _alternatives(rule: Rule) -> list[Rule]:
    return list(rule.parts) if isinstance(rule, AnyOf) else [rule]


def _combine_alternatives(outcomes: list[_Outcome]) -> _Outcome:
    tests = [t for o in outcomes for t in o.tests]
    if any(o.passed for o in outcomes):
        return _Outcome(True, tests, [], [])
    passed = None if any(o.passed is None for o in outcomes) else False
    return _Outcome(passed, tests, [r for o in outcomes for r in o.remedies], [b for o in outcomes for b in o.blocking])


def _qualifies(product: Product, materials: list[Material], rule: Rule, provisions: Provisions,
               rule_for: RuleLookup | None, depth: int) -> tuple[bool, str | None]:
    """The verdict only (for sub-assemblies): qualifies, and the first alternative met."""
    if depth > MAX_DEPTH:
        raise InputError(f"bill of materials nested deeper than {MAX_DEPTH} levels")
    origins = _resolve_origins(product, materials, provisions, rule_for, depth, [])
    ctx = _Context(product, origins, provisions)
    for alternative in _alternatives(rule):
        if _evaluate(alternative, ctx).passed:
            return True, _text(alternative)
    if _all_originating(origins):  # made only from originating materials ("PE")
        return True, "PE"
    return False, None


def _assess(product: Product, materials: list[Material], rule: Rule, provisions: Provisions,
            rule_for: RuleLookup | None, depth: int) -> Assessment:
    sub_results: list[dict[str, Any]] = []
    origins = _resolve_origins(product, materials, provisions, rule_for, depth, sub_results)
    ctx = _Context(product, origins, provisions)
    alternatives = _alternatives(rule)
    alternative_outcomes = [_evaluate(alternative, ctx) for alternative in alternatives]
    if product.wholly_obtained:
        # tested first: a wholly obtained product qualifies as such, whatever its product-specific rule asks
        alternatives = [WhollyObtained(), *alternatives]
        alternative_outcomes = [_wholly_obtained_here(origins), *alternative_outcomes]
    elif _all_originating(origins):
        # made only from originating materials: a criterion of its own in every agreement ("PE"), met whatever
        # the product-specific rule asks (its conditions concern non-originating materials, and there are none);
        # tested last, so that a product-specific rule that is met is the one reported
        alternatives = [*alternatives, ProducedFromOriginating()]
        alternative_outcomes = [*alternative_outcomes, _produced_from_originating(ProducedFromOriginating(), ctx)]
    outcome = _combine_alternatives(alternative_outcomes)
    met_by = None
    remedies: list[Remedy] = []
    if outcome.passed:
        met_by = next(_text(a) for a, o in zip(alternatives, alternative_outcomes, strict=True) if o.passed)
    else:
        for alternative, alt in zip(alternatives, alternative_outcomes, strict=True):
            for actions in alt.remedies:
                remedies.append(Remedy(_text(alternative), actions))
        remedies.sort(key=lambda r: (any(a.kind in {"read_manually", "provide_data"} for a in r.actions), r.value))
    notes = []
    if tolerance := provisions.tolerance_for(product.hs):
        notes.append(f"tolerance (de minimis): {tolerance[0]:g}% of {tolerance[1]}")
    figures = {"fob": product.fob, "ex_works": product.ex_works, "net_cost": product.net_cost,
               "vnm": round(ctx.vnm, 2), "vom": round(ctx.vom, 2)}
    seen, blocking = set(), []
    for b in outcome.blocking:
        key = (b["index"], b["test"])
        if key not in seen:
            seen.add(key)
            blocking.append(b)
    return Assessment(
        qualifies=bool(outcome.passed), agreement=provisions.agreement, rule=_text(rule), met_by=met_by,
        needs_manual_reading=outcome.passed is None, tests=outcome.tests, blocking_materials=blocking,
        to_qualify=remedies, materials=origins, figures=figures, notes=notes, sub_assemblies=sub_results,
    )


def assess(product: Product, materials: list[Material], rule: Rule, provisions: Provisions = NO_PROVISIONS,
           rule_for: RuleLookup | None = None) -> Assessment:
    """Assess ``product`` made from ``materials`` against ``rule`` under the agreement's ``provisions``.

    ``rule_for(hs)`` returns the rule for a sub-assembly's HS code (for roll-up); without it, sub-assemblies keep
    their declared origin.
    """
    _check(materials)
    return _assess(product, materials, rule, provisions, rule_for, 0)


def _check(materials: list[Material], path: str = "product") -> None:
    for i, m in enumerate(materials):
        where = f"{path}.materials[{i}]"
        if m.value is None or m.value < 0:
            raise InputError(f"{where}.value must be zero or more")
        if m.weight_kg is not None and m.weight_kg < 0:
            raise InputError(f"{where}.weight_kg must be zero or more")
        _check(m.materials, where)
