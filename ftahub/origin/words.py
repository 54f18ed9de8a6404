"""Rules of origin in words, in the reader's language: what "CTH or RVC(40)" asks of an exporter who does not know
the abbreviations. The canonical syntax stays available on request; the words are built from the parsed rule, so
they say exactly what the engine tests."""

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from .hs import CodeRange, dotted
from .language import (
    AllOf,
    AnyOf,
    ChangeOfClassification,
    ManualReading,
    MaxNonOriginating,
    MaxWeight,
    ProducedFromOriginating,
    Rule,
    RuleSyntaxError,
    SpecificProcess,
    ValueContent,
    WhollyObtained,
    parse,
)

VALUE_TESTS = {"RVC": gettext_lazy("regional value content"), "LVC": gettext_lazy("local value content"),
               "QVC": gettext_lazy("qualifying value content"), "VAC": gettext_lazy("value added content")}
METHODS = {"build-down": gettext_lazy("build-down method, from the non-originating materials"),
           "build-up": gettext_lazy("build-up method, from the originating materials"),
           "net-cost": gettext_lazy("net cost method"),
           "focused": gettext_lazy("focused value method")}
BASES = {"EXW": gettext_lazy("the ex-works price"), "FOB": gettext_lazy("the FOB price")}
PROCESSES = {"weaving": gettext_lazy("weaving"), "dyeing": gettext_lazy("dyeing"), "coating": gettext_lazy("coating"),
             "printing": gettext_lazy("printing"), "knitting": gettext_lazy("knitting"),
             "spinning": gettext_lazy("spinning"), "making-up": gettext_lazy("making-up (including cutting)"),
             "smoking": gettext_lazy("smoking"), "extrusion": gettext_lazy("extrusion of man-made fibres")}


def _number(value: float) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if (get_language() or "vi").startswith("vi") else text


def _refs(ranges: tuple[CodeRange, ...]) -> str:
    words = {2: _("chapter %(code)s"), 4: _("heading %(code)s"), 6: _("subheading %(code)s")}
    parts = []
    for r in ranges:
        start = words[r.level] % {"code": dotted(r.start)}
        if r.start == r.end:
            parts.append(start)
        else:
            parts.append(_("%(start)s to %(end)s") % {"start": start, "end": dotted(r.end)})
    return ", ".join(parts)


def _test(rule: Rule) -> str:
    if isinstance(rule, ProducedFromOriginating):
        return _("produced entirely from originating materials")
    if isinstance(rule, WhollyObtained):
        if rule.scope:
            return _("the materials of %(refs)s used are wholly obtained") % {"refs": _refs(rule.scope)}
        return _("wholly obtained (grown, raised, caught or extracted in the exporting country)")
    if isinstance(rule, ChangeOfClassification):
        text = {"CC": _("every non-originating material is of another chapter (change of chapter)"),
                "CTH": _("every non-originating material is of another heading (change of heading, 4 digits)"),
                "CTSH": _("every non-originating material is of another subheading (change of subheading, "
                          "6 digits)"),
                "NCR": _("no change of classification required")}[rule.kind]
        if rule.exceptions:
            text += _(", except non-originating materials of %(refs)s") % {"refs": _refs(rule.exceptions)}
        if rule.allowance:
            text += _("; materials that do not change may be used up to %(percent)s%% of %(base)s") % {
                "percent": _number(rule.allowance[0]), "base": BASES[rule.allowance[1]]}
        return text
    if isinstance(rule, ValueContent):
        text = _("%(test)s of at least %(percent)s%%") % {"test": VALUE_TESTS.get(rule.name, rule.name),
                                                           "percent": _number(rule.threshold)}
        if rule.method:
            text += f" ({METHODS[rule.method]})"
        if rule.scope:
            text += _(", counting only the non-originating materials of %(refs)s") % {"refs": _refs(rule.scope)}
        return text
    if isinstance(rule, MaxNonOriginating):
        return _("non-originating materials worth at most %(percent)s%% of %(base)s") % {
            "percent": _number(rule.limit), "base": BASES[rule.base]}
    if isinstance(rule, MaxWeight):
        return _("non-originating materials of %(refs)s weigh at most %(percent)s%% of the product") % {
            "refs": _refs(rule.scope), "percent": _number(rule.limit)}
    if isinstance(rule, SpecificProcess):
        return _("the process of %(process)s is carried out") % {"process": PROCESSES.get(rule.name, rule.name)}
    if isinstance(rule, ManualReading):
        return _("a condition to be read in the legal text")
    raise TypeError(type(rule).__name__)


def describe(rule: Rule, nested: bool = False) -> str:
    if isinstance(rule, AnyOf):
        text = _(" or ").join(describe(p, True) for p in rule.parts)
        return f"({text})" if nested else text
    if isinstance(rule, AllOf):
        text = _(" and ").join(describe(p, True) for p in rule.parts)
        return f"({text})" if nested else text
    return _test(rule)


def in_words(canonical: str) -> str:
    """The canonical text in words; the text itself where it does not parse (never an error on a page)."""
    try:
        return describe(parse(canonical))
    except (RuleSyntaxError, TypeError, KeyError):
        return canonical


def action_words(action: dict) -> str:
    """One step of "what would make it qualify", in the reader's language (the engine gives kind and params)."""
    params = action.get("params") or {}
    kind, what = action.get("kind"), params.get("what")
    value = _number(float(action.get("value") or 0))
    if kind == "source_originating" and what == "weight":
        return _("buy part of the materials the rule weighs (%(scope)s) from originating suppliers") % {
            "scope": in_words(params.get("scope", ""))}
    if kind == "source_originating" and what == "wholly":
        return _("use only wholly obtained materials instead of: %(names)s") % {"names": params.get("names", "")}
    if kind == "source_originating":
        return _("buy these from originating suppliers (with a supplier's declaration): %(names)s (worth "
                 "%(value)s)") % {"names": params.get("names", ""), "value": value}
    if kind == "replace_value" and params.get("method"):
        return _("replace non-originating materials worth at least %(value)s with originating ones, to reach "
                 "%(percent)s%% (%(method)s)") % {"value": value, "percent": params.get("percent", ""),
                                                   "method": METHODS.get(params["method"], params["method"])}
    if kind == "replace_value":
        return _("replace non-originating materials worth at least %(value)s with originating ones, to bring "
                 "them to %(percent)s%% of %(base)s") % {"value": value, "percent": params.get("percent", ""),
                                                         "base": BASES.get(params.get("base", ""), "")}
    if kind == "provide_data" and what == "net_cost":
        return _("give the product's net cost to test the net cost method")
    if kind == "provide_data":
        return _("give the weight (kg) of the product and of the materials the rule counts")
    if kind == "perform_process":
        return _("carry out the process of %(process)s and declare it") % {
            "process": PROCESSES.get(params.get("process", ""), params.get("process", ""))}
    if kind == "read_manually" and what == "de_minimis_exclusion":
        return _("check whether the agreement's de minimis may cover %(names)s: it does not cover some dairy, juice, "
                 "oil and fruit materials in some goods (for example dairy preparations with over 10 %% milk solids); "
                 "if it does not, this test is not met") % {"names": params.get("names", "")}
    if kind == "read_manually":
        return _("read the condition in the legal text and check it by hand")
    return str(action.get("detail", ""))


def blocking_words(material: dict, product_hs: str) -> str:
    """Why one material stops a test, as a sentence: "vải bông (China, HS 5208.11) is not originating and is of the
    same heading 52.08 as the product, so the change of heading is not met"."""
    name = material.get("description") or dotted(str(material.get("hs", "")))
    who = _("%(name)s (HS %(hs)s)") % {"name": name, "hs": dotted(str(material.get("hs", "")))}
    level = int(material.get("level") or 0)
    levels = {2: _("chapter %(code)s"), 4: _("heading %(code)s"), 6: _("subheading %(code)s")}
    why = material.get("why")
    if why == "same" and level in levels and material.get("de_minimis") == "excluded":
        return _("%(who)s is not originating and is of the same %(place)s as the product, and the agreement's de "
                 "minimis does not cover it in this product, so this test is not met") % {
            "who": who, "place": levels[level] % {"code": dotted(product_hs[:level])}}
    if why == "same" and level in levels:
        return _("%(who)s is not originating and is of the same %(place)s as the product, so this test is not "
                 "met") % {"who": who, "place": levels[level] % {"code": dotted(product_hs[:level])}}
    if why == "excepted":
        return _("%(who)s is not originating and is of a code the rule excludes") % {"who": who}
    if why == "tolerance_unknown":
        return _("%(who)s is not originating: whether the tolerance covers it depends on the weights or the price "
                 "not given") % {"who": who}
    if why == "unclear":
        return _("%(who)s has too short an HS code to tell whether it changes classification: give its full "
                 "code") % {"who": who}
    return _("%(who)s is not originating and counts against this test") % {"who": who}
