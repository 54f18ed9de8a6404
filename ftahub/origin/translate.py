"""Translate agreements' legal wording of product-specific rules into the canonical rule language.

Covers the EVFTA/UKVFTA Protocol 1 wording ("Manufacture from materials of any heading, except that of the
product", "... does not exceed 50 % of the ex-works price", textile processes) and the CPTPP wording ("A change to a
good of heading 01.01 from any other chapter", regional value content under the build-up, build-down, focused value
and net cost methods). Text it cannot translate is kept as ``manual("...")``, shown and marked "needs manual
reading" — never dropped.

Plain Python: no Django.
"""

import re
from dataclasses import dataclass
from typing import Any

from ftahub.common import hscode

from .hs import CodeRange
from .language import (
    ChangeOfClassification,
    ManualReading,
    MaxNonOriginating,
    MaxWeight,
    Rule,
    RuleSyntaxError,
    SpecificProcess,
    ValueContent,
    WhollyObtained,
    all_of,
    any_of,
    parse,
    tests_in,
)


@dataclass(frozen=True)
class PartyRule:
    """An alternative rule the text gives only for goods imported by (or exported to) one party: it is kept aside
    with its legal text and never applied to every origin (CPTPP 87.03: "imported from Malaysia")."""

    party: str  # ISO 3166 alpha-2
    legal_text: str
    canonical: str


@dataclass(frozen=True)
class Variant:
    """The rule the text gives to the goods of the range it describes (``description`` as printed, e.g. "outdoor
    furniture of subheading 940360", "any other good of subheading 940360")."""

    description: str
    rule: Rule
    legal_text: str  # the entries as printed
    read_as: str  # the entries as translated (the named goods read as "a good" of the range)

    @property
    def canonical(self) -> str:
        return self.rule.canonical()

    @property
    def needs_manual_reading(self) -> bool:
        return any(isinstance(t, ManualReading) for t in tests_in(self.rule))


@dataclass
class Translation:
    rule: Rule
    needs_manual_reading: bool
    notes: list[str]
    party_rules: tuple[PartyRule, ...] = ()
    variants: tuple[Variant, ...] = ()  # a rule per description of the goods; ``rule`` is then manual as a whole

    @property
    def canonical(self) -> str:
        return self.rule.canonical()


def clean(text: str) -> str:
    """Strip the Markdown of the source (links, bold, italics, non-breaking spaces) and fold white space."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("&nbsp;", " ").replace("\u00a0", " ").replace("**", "").replace("*", "")
    text = re.sub(r"(\d)\s*%", r"\1%", text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    return text


# --- code references in legal text ----------------------------------------------------------------------------

REF_WORD = r"(?:chapters?|headings?|subheadings?)"
CODE = r"\d{1,2}(?:\.?\d{2}){0,2}"


def parse_refs(text: str) -> tuple[CodeRange, ...]:
    """'heading 52.08 to heading 52.12, subheading 8471.30 and chapter 50' → code ranges; ValueError if unsure."""
    text = text.strip().rstrip(".")
    parts = re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", text)
    ranges = []
    last_word = None
    for part in parts:
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(rf"(?:({REF_WORD})\s+)?({CODE})(?:\s*(?:through|to|-)\s*(?:{REF_WORD}\s+)?({CODE}))?", part)
        if not m:
            raise ValueError(f"not a code reference: {part!r}")
        word = (m.group(1) or last_word or "").lower()
        last_word = m.group(1) or last_word
        start = hscode.compact(m.group(2))
        end = hscode.compact(m.group(3) or m.group(2))
        if word.startswith("chapter"):
            start, end = start.zfill(2), end.zfill(2)
        if len(start) == 1 or len(end) == 1:
            if not word.startswith("chapter"):
                raise ValueError(f"one-digit code {start} outside a chapter reference")
        expected = 2 if word.startswith("chapter") else 4 if word.startswith("heading") else 6 if word else None
        if expected and (len(start) != expected or len(end) != expected):
            raise ValueError(f"code {start} does not fit {word}")
        ranges.append(CodeRange(start, end))
    if not ranges:
        raise ValueError("no code reference")
    return tuple(ranges)


# --- EVFTA / UKVFTA (Protocol 1, Annex II) ---------------------------------------------------------------------

PROCESS_WORDS = {
    "weaving": "weaving", "dyeing": "dyeing", "coating": "coating", "printing": "printing", "flocking": "flocking",
    "knitting": "knitting", "spinning": "spinning", "twisting": "twisting", "extrusion of man-made fibres": "extrusion",
    "making-up (including cutting)": "making-up", "making- up (including cutting)": "making-up",
    "making up (including cutting)": "making-up", "yarn dyeing": "yarn-dyeing", "laminating": "laminating",
}


def _process_phrase(text: str) -> Rule | None:
    """'Weaving accompanied by dyeing or by coating' → process(weaving) and (process(dyeing) or process(coating))."""
    text = text.strip().rstrip(".").strip()
    head, _, tail = text.partition(" accompanied by ")
    head_key = head.strip().lower()
    if head_key not in PROCESS_WORDS:
        return None
    first = SpecificProcess(PROCESS_WORDS[head_key])
    if not tail:
        return first
    options = [o.strip().lower() for o in re.split(r"\s+or\s+(?:by\s+)?", tail)]
    if not all(o in PROCESS_WORDS for o in options):
        return None
    return all_of([first, any_of([SpecificProcess(PROCESS_WORDS[o]) for o in options])])


MANUFACTURE_ANY = re.compile(
    r"Manufacture from materials of any (chapter|heading|subheading)"
    r"(?:,? except (?:that of the product(?: and (?:of )?(?P<also>.+?))?|those of (?P<those>.+?)))?"
    r"(?:\.|,? in which:?|$)(?P<rest>.*)",
    re.DOTALL,
)
SAME_HEADING_ALLOWANCE = re.compile(
    r"However, materials of the same (heading|subheading) as the product may be used, provided that their total "
    r"value does not exceed (\d+(?:\.\d+)?)% of the ex-works price of the product\.?"
)
MAXNOM = re.compile(r"Manufacture in which the value of all the materials used does not exceed (\d+(?:\.\d+)?)% "
                    r"of the ex-works price of the product\.?$")
WEIGHT_OF_CHAPTER = re.compile(
    r"(?:the (individual )?weight of (?:the )?materials of (chapters? [\d ,and]+?) used does not exceed "
    r"(\d+(?:\.\d+)?)% of the weight of the final product)")


WO_ITEM = re.compile(r"all the (?:[a-z ,]+?) of (?P<refs>(?:chapters?|headings?) [\d .,and]+?) used (?:is|are) wholly "
                     r"obtained", re.IGNORECASE)


def _evfta_conditions(text: str) -> Rule | None:
    """'Manufacture in which: - all the fruit ... of chapter 8 used are wholly obtained and - the weight of sugar
    used does not exceed 20 % ...': every condition must hold. Conditions the hub can test become tests (the
    materials of a chapter wholly obtained, a share of the ex-works price); the others stay text read by hand, so a
    material that fails a tested condition still decides the verdict (a raw cashew from Côte d'Ivoire is not
    wholly obtained, whatever the sugar)."""
    m = re.fullmatch(r"Manufacture in which:\s*-\s*(?P<items>.+)", text, re.DOTALL)
    if not m:
        return None
    items = [i.strip() for i in re.split(r"\n\s*-\s*", m.group("items"))]
    if len(items) < 2 or any(not re.search(r"(?:\band|;)$", i) for i in items[:-1]):
        return None  # joined by "or", or not a plain list: read by hand as a whole
    parts: list[Rule] = []
    for item in items:
        item = re.sub(r"(?:\s+and|;)$", "", item).strip().rstrip(".")
        if w := WO_ITEM.fullmatch(item):
            try:
                parts.append(WhollyObtained(parse_refs(w.group("refs").strip())))
                continue
            except ValueError:
                pass
        if v := re.fullmatch(r"the value of all the materials used does not exceed (\d+(?:\.\d+)?)% of the "
                             r"ex-works price of the product", item):
            parts.append(MaxNonOriginating(float(v.group(1)), "EXW"))
            continue
        parts.append(ManualReading(item))
    if all(isinstance(p, ManualReading) for p in parts):
        return None
    return all_of(parts)


def _evfta_text(text: str) -> Rule:
    text = clean(text)
    if (conditions := _evfta_conditions(text)) is not None:
        return conditions
    if m := MAXNOM.match(text):
        return MaxNonOriginating(float(m.group(1)), "EXW")
    if re.fullmatch(r"(All|All the) .* (is|are) wholly obtained\.?", text):
        return WhollyObtained()
    if m := re.fullmatch(r"Manufacture in which all the materials of (chapters? [\d ,and]+) used are wholly "
                         r"obtained\.?", text):
        try:
            return WhollyObtained(parse_refs(m.group(1)))
        except ValueError:
            return ManualReading(text)
    if process := _process_phrase(text):
        return process
    if m := MANUFACTURE_ANY.match(text):
        level = {"chapter": "CC", "heading": "CTH", "subheading": "CTSH"}[m.group(1)]
        rest = (m.group("rest") or "").strip()
        exceptions: tuple[Any, ...] = ()
        try:
            if m.group("also"):
                exceptions = parse_refs(m.group("also"))
            if m.group("those"):
                exceptions = parse_refs(m.group("those"))
                level = "NCR"
        except ValueError:
            return ManualReading(text)
        if not re.search(r"except", text[: m.end(1) + 40]) and not m.group("also") and not m.group("those"):
            level = "NCR"  # "Manufacture from materials of any heading." allows the product's own heading
        allowance = None
        if a := SAME_HEADING_ALLOWANCE.match(rest):
            allowance = (float(a.group(2)), "EXW")
            rest = rest[a.end():].strip()
        base = ChangeOfClassification(level, exceptions, allowance)
        if not rest:
            return base
        weights = WEIGHT_OF_CHAPTER.findall(rest)
        leftover = WEIGHT_OF_CHAPTER.sub("", rest)
        if weights and not re.search(r"[A-Za-z]{4,}", re.sub(r"\b(and|in|which|the|-)\b", "", leftover)):
            try:
                limits: list[Rule] = []
                for individual, refs, percent in weights:
                    ranges = parse_refs(refs)
                    # "individual weight": each material's limit on its own (UKVFTA intro note 4.2.2);
                    # otherwise the weights are added up (note 4.2.1)
                    groups = [(r,) for r in ranges] if individual else [ranges]
                    limits.extend(MaxWeight(float(percent), group) for group in groups)
                return all_of([base, *limits])
            except ValueError:
                pass
        return all_of([base, ManualReading(rest)])
    return ManualReading(text)


def translate_evfta(rules: list[dict[str, Any]]) -> Translation:
    """A rule set of the UK tariff's Vietnam scheme (EVFTA/UKVFTA Annex II): entries joined by their operator."""
    return _join([(entry.get("operator"), _evfta_text(entry["rule"])) for entry in rules])


# --- CPTPP (Annex 3-D) ---------------------------------------------------------------------------------------

CPTPP_CHANGE = re.compile(
    r"A change to (?:a good|any other good) of (?:(?:heading|subheading) [\d.]+(?: (?:through|to) "
    r"(?:heading |subheading )?[\d.]+)?) from any other (chapter|heading|subheading)"
    r"(?:, except from (?P<except>.+?))?(?P<rest>(?:, provided| provided|\.(?!\d)|$).*)",
    re.DOTALL,
)
RVC_CLAUSE = re.compile(r"(?:,\s*)?provided (?:that )?there is a regional value content of not less than:?\s*(?P<body>.*)",
                        re.DOTALL)
RVC_ITEM = re.compile(
    r"(?:-\s*)?(?:[a-z]\)\s*)?(\d+(?:\.\d+)?)% under the (build-up|build-down|net cost|focused value) method"
    r"(?: taking into account only the non-originating materials of (?P<scope>.+?))?\.?$"
)
METHOD_NAMES = {"build-up": "build-up", "build-down": "build-down", "net cost": "net-cost", "focused value": "focused"}


def _rvc_item(text: str) -> Rule:
    text = clean(text)
    text = re.split(r"\n?See also ", text)[0].strip()
    m = RVC_ITEM.match(text)
    if not m:
        return ManualReading(text)
    method = METHOD_NAMES[m.group(2)]
    scope: tuple[CodeRange, ...] = ()
    if m.group("scope"):
        try:
            scope = parse_refs(m.group("scope"))
        except ValueError:
            return ManualReading(text)
    return ValueContent("RVC", float(m.group(1)), method, scope)


def _cptpp_text(text: str) -> tuple[Rule, bool]:
    """Returns the rule and whether the text opens a list of RVC alternatives (a), b), c) in following entries."""
    text = clean(text)
    text = re.split(r"\n?See also ", text)[0].strip()
    ctc: Rule | None = None
    rest = text
    if m := CPTPP_CHANGE.match(text):
        level = {"chapter": "CC", "heading": "CTH", "subheading": "CTSH"}[m.group(1)]
        exceptions: tuple[Any, ...] = ()
        described: list[str] = []
        if m.group("except"):
            try:
                exceptions = parse_refs(m.group("except"))
            except ValueError:
                split = _split_exceptions(m.group("except"))
                if split is None:
                    return ManualReading(text), False
                exceptions, described = split
        ctc = ChangeOfClassification(level, exceptions)
        if described:  # "..., subheading 640610 or assemblies of uppers ... of subheading 640690": the codes are
            # tested, the described goods are read by hand; both must hold
            ctc = all_of([ctc, ManualReading("except from " + m.group("except").strip())])
        rest = m.group("rest").strip().lstrip(".,").strip()
    elif m := re.match(r"No change in tariff classification required for (?:a good|any other good) of "
                       r"(?:heading|subheading) [\d.]+(?: (?:through|to) (?:heading |subheading )?[\d.]+)?,?\s*"
                       r"(?P<rest>.*)", text, re.DOTALL):
        ctc = ChangeOfClassification("NCR")
        rest = m.group("rest").strip()
    elif text.startswith("-"):
        return _rvc_item(text), False
    else:
        return ManualReading(text), False
    if not rest:
        return ctc, False
    if m := RVC_CLAUSE.match(rest):
        body = m.group("body").strip()
        if not body:
            return ctc, True
        items = [line for line in body.split("\n") if line.strip()]
        rvcs = [_rvc_item(line) for line in items]
        rule = all_of([ctc, any_of(rvcs)]) if not _is_ncr(ctc) else any_of(rvcs)
        return rule, len(items) == 1 and items[0].lstrip().startswith("-")
    if re.fullmatch(r"provided that the good is smoked from a good that is not smoked\.?", rest):
        smoked = SpecificProcess("smoking")
        return (smoked if _is_ncr(ctc) else all_of([ctc, smoked])), False
    return all_of([ctc, ManualReading(rest)]) if not _is_ncr(ctc) else ManualReading(text), False


def _split_exceptions(text: str) -> tuple[tuple[Any, ...], list[str]] | None:
    """The codes of an exception list and the goods it describes in words, or None when no code can be read."""
    codes: list[Any] = []
    described: list[str] = []
    for item in re.split(r",\s*|\s+or\s+", text.strip()):
        if not item:
            continue
        try:
            codes.extend(parse_refs(item))
        except ValueError:
            described.append(item.strip())
    if not codes or not described:
        return None
    return tuple(codes), described


def _is_ncr(rule: Rule | None) -> bool:
    return isinstance(rule, ChangeOfClassification) and rule.kind == "NCR" and not rule.exceptions


# Party-specific alternatives: "For originating goods of heading 8703 imported from Malaysia, the product specific
# rule is: ..." (CPTPP Annex 3-D). The names are the CPTPP parties and the UK (the data's own reader).
PARTIES = {"Australia": "AU", "Brunei": "BN", "Canada": "CA", "Chile": "CL", "Japan": "JP", "Malaysia": "MY",
           "Mexico": "MX", "New Zealand": "NZ", "Peru": "PE", "Singapore": "SG", "United Kingdom": "GB",
           "Viet Nam": "VN"}
PARTY_RULE = re.compile(r"\n?For (?:originating )?goods of [^\n]*?(?:imported from|exported to|originating in) "
                        rf"(?P<party>{'|'.join(PARTIES)})[^\n]*?(?:rule is|rule shall be|rules are):?\s*")


def _split_party_rules(rules: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[tuple[str, list[dict[str, Any]]]]]:
    """Cut the entries at each party-specific heading: the general entries, and per party the entries of its own
    rule (the heading's remainder and the bullet entries that continue it)."""
    general: list[dict[str, Any]] = []
    parties: list[tuple[str, list[dict[str, Any]]]] = []
    for entry in rules:
        text = clean(entry["rule"])
        if parties and text.startswith("-"):
            parties[-1][1].append({**entry, "rule": text})
            continue
        m = PARTY_RULE.search(text)
        if not m:  # a later entry that is not a bullet belongs to the general rule again
            general.append(entry)
            continue
        head, tail = text[: m.start()].strip(), text[m.end():].strip()
        if head:
            general.append({**entry, "rule": head})
        parties.append((PARTIES[m.group("party")], [{"rule": tail, "operator": None}] if tail else []))
    return general, parties


GOODS = re.compile(r"^(?:A change to|No change in tariff classification required for) (?P<goods>.+?) of "
                   r"(?P<code>(?:heading|subheading) [\d.]+(?: (?:through|to) (?:heading |subheading )?[\d.]+)?)"
                   r"(?P<qualifier>.*?)(?= from any other|,? provided|$)", re.DOTALL)


def _variants(rules: list[dict[str, Any]]) -> tuple[Variant, ...]:
    """A set that gives one rule to named goods of its range ("outdoor furniture of subheading 9403.60", "a good
    ... containing more than 70 % cacao") and another to "any other good": one rule per description, each
    translated on its own (a qualifier the translator cannot test leaves that description's rule manual)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    printed: dict[str, list[str]] = {}
    current = None
    for entry in rules:
        text = clean(entry["rule"])
        m = GOODS.match(text)
        if m is None and current is not None and text.startswith("-"):
            groups[current].append({**entry, "rule": text})
            printed[current].append(text)
            continue
        if m is None:
            return ()
        current = f"{m.group('goods')} of {m.group('code')}{m.group('qualifier')}".strip()
        printed.setdefault(current, []).append(text)
        if not m.group("qualifier").strip():
            # the description names the goods; the rule reads as for "a good" of the range
            text = text[: m.start("goods")] + "a good" + text[m.end("goods"):]
        groups.setdefault(current, []).append({**entry, "rule": text, "operator": entry.get("operator")
                                               if current in groups else None})
    return tuple(Variant(description, _translate_cptpp_entries(entries).rule, "\n".join(printed[description]),
                         "\n".join(e["rule"] for e in entries))
                 for description, entries in groups.items())


def translate_cptpp(rules: list[dict[str, Any]]) -> Translation:
    """A CPTPP rule set: entries joined by their operator; bullet entries b), c) continue the RVC list above; a rule
    given for one party only is kept aside (``party_rules``), never joined to the general rule; a set that gives
    named goods their own rule and "any other good" another is split by description (``variants``)."""
    general, parties = _split_party_rules(rules)
    translation = _translate_cptpp_entries(general)
    if any(re.search(r"\bany other good\b", clean(e["rule"])) for e in general):
        # which rule applies depends on the product's description: no alternative may be offered to every good
        translation = _join([(e.get("operator"), ManualReading(clean(e["rule"]))) for e in general])
        translation.variants = _variants(general)
    translation.party_rules = tuple(
        PartyRule(party, "\n".join(clean(e["rule"]) for e in entries), _translate_cptpp_entries(entries).canonical)
        for party, entries in parties if entries)
    return translation


def _translate_cptpp_entries(rules: list[dict[str, Any]]) -> Translation:
    joined: list[tuple[str | None, Rule]] = []
    open_list = False
    for entry in rules:
        text = clean(entry["rule"])
        if open_list and text.startswith("-"):
            operator, previous = joined[-1]
            item = _rvc_item(text)
            joined[-1] = (operator, _extend_rvc(previous, item))
            continue
        if text.startswith("-") and joined and _ends_in_manual(joined[-1][1]):
            # "- b) 55 % under the build-down method" continues a list the entry before opened inside a text the
            # hub reads by hand ("... except from subheading 640610 or assemblies of uppers ..., provided there is a
            # regional value content of not less than: - a) 45 % ..."): it belongs to that text, never an
            # alternative of its own (a bare RVC(55) would let goods qualify without the change the text requires)
            operator, previous = joined[-1]
            joined[-1] = (operator, _absorb(previous, text))
            continue
        rule, open_list = _cptpp_text(entry["rule"])
        joined.append((entry.get("operator"), rule))
    return _join(joined)


def _ends_in_manual(rule: Rule) -> bool:
    from .language import AllOf

    return isinstance(rule, ManualReading) or (isinstance(rule, AllOf) and isinstance(rule.parts[-1], ManualReading))


def _absorb(rule: Rule, text: str) -> Rule:
    """The rule with ``text`` appended to the text it leaves to be read by hand."""
    from .language import AllOf

    if isinstance(rule, AllOf):
        *head, last = rule.parts
        return AllOf((*head, _absorb(last, text)))
    assert isinstance(rule, ManualReading)
    return ManualReading(f"{rule.text}\n{text}")


def _extend_rvc(previous: Rule, item: Rule) -> Rule:
    """Add one more RVC alternative to the rule that opened the list (``CTH and (RVC or RVC)`` or ``RVC or RVC``)."""
    from .language import AllOf, AnyOf

    if isinstance(previous, AllOf):
        *head, last = previous.parts
        return AllOf((*head, any_of([last, item]) if not isinstance(last, AnyOf) else AnyOf((*last.parts, item))))
    return any_of([previous, item])


# --- common ---------------------------------------------------------------------------------------------------

def _join(entries: list[tuple[str | None, Rule]]) -> Translation:
    """Join entries left to right: 'and' binds tighter than 'or', as in the canonical language."""
    groups: list[list[Rule]] = []
    for operator, rule in entries:
        if groups and (operator or "").lower() == "and":
            groups[-1].append(rule)
        else:
            groups.append([rule])
    rule = any_of([all_of(group) for group in groups])
    manual = any(isinstance(t, ManualReading) for t in tests_in(rule))
    return Translation(rule, manual, [])


# --- abbreviated tables (ASEAN-style annexes: "RVC40 or CTH", "CC", "WO") --------------------------------------

def translate_abbreviated(text: str) -> Translation:
    """A rule written with the usual abbreviations ("RVC 40% or CTH", "RVC(40); CTSH", "WO") read as canonical
    text; anything the parser does not take is kept as manual reading, never guessed."""
    cleaned = clean(text)
    canonical = re.sub(r"\bRVC\s*\(?\s*(\d+(?:\.\d+)?)\s*%?\s*\)?", r"RVC(\1)", cleaned, flags=re.IGNORECASE)
    canonical = re.sub(r"\s*[;/]\s*|\s*,\s*or\s+", " or ", canonical)
    try:
        rule = parse(canonical)
    except RuleSyntaxError:
        rule = ManualReading(cleaned)
    manual = any(isinstance(t, ManualReading) for t in tests_in(rule))
    return Translation(rule, manual, [])


def translate(scheme: str, rules: list[dict[str, Any]]) -> Translation:
    scheme = scheme.upper()
    if scheme in {"EVFTA", "UKVFTA"}:
        return translate_evfta(rules)
    if scheme == "CPTPP":
        return translate_cptpp(rules)
    raise KeyError(f"no translator for {scheme}")
