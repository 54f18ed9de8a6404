"""The canonical rule-of-origin language: a parser that gives clear errors, the rule objects, and a printer.

Grammar (case-insensitive keywords; ``#`` is not used)::

    rule        := alternative
    alternative := conjunction ("or" conjunction)*
    conjunction := term ("and" term)*
    term        := "(" alternative ")" | test
    test        := "WO" ["(" refs ")"]                                 wholly obtained (all materials, or those of refs)
                 | "PE"                                                produced entirely from originating materials
                 | ("CC" | "CTH" | "CTSH" | "NCR") ["except" ["from"] refs] ["allow" NUMBER "%" BASE]
                 | ("RVC" | "VAC" | "LVC" | "QVC") "(" NUMBER ["," METHOD] ["," refs] ")"
                 | "MaxNOM" "(" NUMBER ["," BASE] ")"
                 | "MaxWeight" "(" NUMBER "," refs ")"
                 | "process" "(" NAME ")"
                 | "manual" "(" STRING ")"
    refs        := ref ("," ref)*
    ref         := ["chapter" | "chapters" | "heading" | "subheading"] CODE [("-" | "through" | "to") CODE]
    METHOD      := build-down | build-up | focused | net-cost
    BASE        := EXW | FOB

``CC``, ``CTH``, ``CTSH``: change of chapter, heading (4 digits), subheading (6 digits); ``NCR``: no change of
classification required (any heading, including the product's own). ``except from`` lists materials that may not
be non-originating; ``allow 10% EXW`` lets non-originating materials that fail the change be used up to that share
of the price (EVFTA's "However, materials of the same heading ... may be used, provided ..."). ``manual("...")`` keeps
a legal text the translator could not turn into tests: it is shown and marked "needs manual reading".

Plain Python: no Django.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NoReturn

from ftahub.common import hscode

from .hs import CodeRange

VALUE_TESTS = ("RVC", "VAC", "LVC", "QVC")
CTC_LEVELS = {"CC": 2, "CTH": 4, "CTSH": 6, "NCR": 0}
METHODS = ("build-down", "build-up", "focused", "net-cost")
BASES = ("EXW", "FOB")


class RuleSyntaxError(ValueError):
    """Bad rule text: says where (0-based character position) and what was expected."""

    def __init__(self, text: str, position: int, expected: str, found: str):
        self.text, self.position, self.expected, self.found = text, position, expected, found
        super().__init__(f"at position {position}: expected {expected}, found {found}")


# --- rule objects ---------------------------------------------------------------------------------------------

def _refs(ranges: tuple[CodeRange, ...]) -> str:
    return ", ".join(r.canonical() for r in ranges)


def _num(value: float) -> str:
    return f"{value:g}"


@dataclass(frozen=True)
class WhollyObtained:
    scope: tuple[CodeRange, ...] = ()

    def canonical(self) -> str:
        return f"WO({_refs(self.scope)})" if self.scope else "WO"


@dataclass(frozen=True)
class ProducedFromOriginating:
    """Every agreement's own criterion: a good produced only from originating materials originates, whatever its
    product-specific rule asks (e.g. CPTPP Art. 3.2(b), ATIGA Art. 26(b)); the C/O names it "PE"."""

    def canonical(self) -> str:
        return "PE"


@dataclass(frozen=True)
class ChangeOfClassification:
    kind: str  # CC, CTH, CTSH, NCR
    exceptions: tuple[CodeRange, ...] = ()
    allowance: tuple[float, str] | None = None  # (percent, base)

    @property
    def level(self) -> int:
        return CTC_LEVELS[self.kind]

    def canonical(self) -> str:
        text = self.kind
        if self.exceptions:
            text += f" except from {_refs(self.exceptions)}"
        if self.allowance:
            text += f" allow {_num(self.allowance[0])}% {self.allowance[1]}"
        return text


@dataclass(frozen=True)
class ValueContent:
    name: str  # RVC, VAC, LVC, QVC
    threshold: float
    method: str | None = None  # None: the agreement's default
    scope: tuple[CodeRange, ...] = ()  # focused value method: the non-originating materials counted

    def canonical(self) -> str:
        args = [_num(self.threshold)]
        if self.method:
            args.append(self.method)
        if self.scope:
            args.append(_refs(self.scope))
        return f"{self.name}({', '.join(args)})"


@dataclass(frozen=True)
class MaxNonOriginating:
    limit: float
    base: str = "EXW"

    def canonical(self) -> str:
        return f"MaxNOM({_num(self.limit)}, {self.base})"


@dataclass(frozen=True)
class MaxWeight:
    limit: float
    scope: tuple[CodeRange, ...]

    def canonical(self) -> str:
        return f"MaxWeight({_num(self.limit)}, {_refs(self.scope)})"


@dataclass(frozen=True)
class SpecificProcess:
    name: str

    def canonical(self) -> str:
        return f"process({self.name})"


@dataclass(frozen=True)
class ManualReading:
    text: str

    def canonical(self) -> str:
        escaped = self.text.replace("\\", "\\\\").replace('"', '\\"')
        return f'manual("{escaped}")'


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Any, ...] = field(default_factory=tuple[Any, ...])

    def canonical(self) -> str:
        return " or ".join(f"({p.canonical()})" if isinstance(p, AllOf) else p.canonical() for p in self.parts)


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Any, ...] = field(default_factory=tuple[Any, ...])

    def canonical(self) -> str:
        return " and ".join(f"({p.canonical()})" if isinstance(p, AnyOf) else p.canonical() for p in self.parts)


Rule = (WhollyObtained | ProducedFromOriginating | ChangeOfClassification | ValueContent | MaxNonOriginating | MaxWeight | SpecificProcess
        | ManualReading | AnyOf | AllOf)


def any_of(parts: list[Rule]) -> Rule:
    flat: list[Rule] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, AnyOf) else [part])
    return flat[0] if len(flat) == 1 else AnyOf(tuple(flat))


def all_of(parts: list[Rule]) -> Rule:
    flat: list[Rule] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, AllOf) else [part])
    return flat[0] if len(flat) == 1 else AllOf(tuple(flat))


def tests_in(rule: Rule) -> Iterator[Rule]:
    """Every elementary test in the rule, left to right."""
    if isinstance(rule, (AnyOf, AllOf)):
        for part in rule.parts:
            yield from tests_in(part)
    else:
        yield rule


# --- tokenizer and parser -------------------------------------------------------------------------------------

TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\]|\\.)*")
      | (?P<code>\d+(?:\.\d+)*)
      | (?P<word>[A-Za-z][A-Za-z0-9_-]*)
      | (?P<punct>[(),%-])
    )""",
    re.VERBOSE,
)
MAX_LENGTH = 10_000
MAX_DEPTH = 50


@dataclass
class Token:
    kind: str
    text: str
    position: int


def tokenize(text: str) -> list[Token]:
    tokens, position = [], 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            break
        match = TOKEN.match(text, position)
        if not match or match.end() == position:
            raise RuleSyntaxError(text, position, "a rule word, number or punctuation", repr(text[position]))
        kind = match.lastgroup or ""
        start = match.start(kind)
        tokens.append(Token(kind, match.group(kind), start))
        position = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


class Parser:
    def __init__(self, text: str):
        self.text = text
        if len(text) > MAX_LENGTH:  # before any work: a 5 MB "rule" must not be tokenised first
            raise RuleSyntaxError(text[:MAX_LENGTH], MAX_LENGTH, f"a rule of at most {MAX_LENGTH} characters", "more")
        self.tokens = tokenize(text)
        self.index = 0
        self.depth = 0

    # helpers
    @property
    def current(self) -> Token:
        return self.tokens[self.index]

    def fail(self, expected: str) -> NoReturn:
        token = self.current
        found = "end of rule" if token.kind == "end" else repr(token.text)
        raise RuleSyntaxError(self.text, token.position, expected, found)

    def word(self, *words: str) -> bool:
        token = self.current
        return token.kind == "word" and token.text.lower() in {w.lower() for w in words}

    def take_word(self, *words: str) -> str | None:
        if self.word(*words):
            token = self.current
            self.index += 1
            return token.text
        return None

    def punct(self, char: str) -> bool:
        return self.current.kind == "punct" and self.current.text == char

    def expect_punct(self, char: str, expected: str | None = None) -> None:
        if not self.punct(char):
            self.fail(expected or repr(char))
        self.index += 1

    def number(self, what: str) -> float:
        token = self.current
        if token.kind != "code" or token.text.count(".") > 1:
            self.fail(what)
        self.index += 1
        value = float(token.text)
        if not 0 <= value <= 100:
            self.index -= 1
            self.fail(f"{what} between 0 and 100")
        return value

    # grammar
    def parse(self) -> Rule:
        if len(self.text) > MAX_LENGTH:
            raise RuleSyntaxError(self.text, MAX_LENGTH, f"a rule of at most {MAX_LENGTH} characters", "more")
        if self.current.kind == "end":
            self.fail("a rule")
        rule = self.alternative()
        if self.current.kind != "end":
            self.fail("'or', 'and' or the end of the rule")
        return rule

    def alternative(self) -> Rule:
        parts = [self.conjunction()]
        while self.take_word("or"):
            parts.append(self.conjunction())
        return any_of(parts)

    def conjunction(self) -> Rule:
        parts = [self.term()]
        while self.take_word("and"):
            parts.append(self.term())
        return all_of(parts)

    def term(self) -> Rule:
        if self.punct("("):
            self.depth += 1
            if self.depth > MAX_DEPTH:
                self.fail(f"at most {MAX_DEPTH} nested parentheses")
            self.index += 1
            rule = self.alternative()
            self.expect_punct(")", "')'")
            self.depth -= 1
            return rule
        token = self.current
        if token.kind != "word":
            self.fail("a test (WO, CC, CTH, CTSH, NCR, RVC, MaxNOM, process, ...) or '('")
        name = token.text.upper()
        if name == "WO":
            self.index += 1
            scope: tuple[CodeRange, ...] = ()
            if self.punct("("):
                self.index += 1
                scope = self.refs()
                self.expect_punct(")", "')'")
            return WhollyObtained(scope)
        if name == "PE":
            self.index += 1
            return ProducedFromOriginating()
        if name in CTC_LEVELS:
            self.index += 1
            return self.change_of_classification(name)
        if name in VALUE_TESTS:
            self.index += 1
            return self.value_content(name)
        if name == "MAXNOM":
            self.index += 1
            self.expect_punct("(", "'(' after MaxNOM")
            limit = self.number("a percentage")
            base = "EXW"
            if self.punct(","):
                self.index += 1
                base = self.base()
            self.expect_punct(")", "')'")
            return MaxNonOriginating(limit, base)
        if name == "MAXWEIGHT":
            self.index += 1
            self.expect_punct("(", "'(' after MaxWeight")
            limit = self.number("a percentage")
            self.expect_punct(",", "',' and the materials' codes")
            scope = self.refs()
            self.expect_punct(")", "')'")
            return MaxWeight(limit, scope)
        if name == "PROCESS":
            self.index += 1
            self.expect_punct("(", "'(' after process")
            if self.current.kind != "word":
                self.fail("a process name such as chemical-reaction")
            process = self.current.text.lower()
            self.index += 1
            self.expect_punct(")", "')'")
            return SpecificProcess(process)
        if name == "MANUAL":
            self.index += 1
            self.expect_punct("(", "'(' after manual")
            if self.current.kind != "string":
                self.fail('a quoted text')
            raw = self.current.text[1:-1]
            self.index += 1
            self.expect_punct(")", "')'")
            return ManualReading(re.sub(r"\\(.)", r"\1", raw))
        self.fail("a test (WO, CC, CTH, CTSH, NCR, RVC, VAC, LVC, QVC, MaxNOM, MaxWeight, process, manual)")

    def change_of_classification(self, kind: str) -> ChangeOfClassification:
        exceptions: tuple[CodeRange, ...] = ()
        allowance = None
        if self.take_word("except"):
            self.take_word("from")
            exceptions = self.refs()
        if self.take_word("allow"):
            percent = self.number("a percentage")
            self.expect_punct("%", "'%'")
            allowance = (percent, self.base())
        return ChangeOfClassification(kind, exceptions, allowance)

    def value_content(self, name: str) -> ValueContent:
        self.expect_punct("(", f"'(' after {name}")
        threshold = self.number("a percentage")
        method: str | None = None
        scope: tuple[CodeRange, ...] = ()
        while self.punct(","):
            self.index += 1
            if self.current.kind == "word" and self.current.text.lower() in METHODS and method is None:
                method = self.current.text.lower()
                self.index += 1
            else:
                scope = scope + self.refs()
                break
        if scope and method not in (None, "focused"):
            raise RuleSyntaxError(self.text, self.current.position, "codes only with the focused method",
                                  "codes after " + str(method))
        if method == "focused" and not scope:
            self.fail("the codes of the materials the focused value method counts")
        self.expect_punct(")", "')' or ', method'")
        return ValueContent(name, threshold, method, scope)

    def base(self) -> str:
        token = self.current
        if token.kind == "word" and token.text.upper() in BASES:
            self.index += 1
            return token.text.upper()
        self.fail("EXW or FOB")

    def refs(self) -> tuple[CodeRange, ...]:
        ranges = [self.ref()]
        while self.punct(",") and self._ref_follows():
            self.index += 1
            ranges.append(self.ref())
        return tuple(ranges)

    def _ref_follows(self) -> bool:
        after = self.tokens[self.index + 1]
        return after.kind == "code" or (after.kind == "word" and after.text.lower() in
                                        {"chapter", "chapters", "heading", "headings", "subheading", "subheadings"})

    def ref(self) -> CodeRange:
        declared = None
        word = self.take_word("chapter", "chapters", "heading", "headings", "subheading", "subheadings")
        if word:
            declared = {"chap": 2, "head": 4, "subh": 6}[word.lower()[:4]]
        start = self.code(declared)
        end = start
        if self.punct("-") or self.word("through", "to"):
            self.index += 1
            self.take_word("chapter", "heading", "subheading")
            end = self.code(len(start))
        try:
            return CodeRange(start, end)
        except ValueError:
            self.index -= 1
            self.fail(f"a code range whose end is not before its start ({start})")

    def code(self, level: int | None) -> str:
        token = self.current
        if token.kind != "code":
            self.fail("an HS code such as 52.08, 8471.30 or chapter 50")
        compact = hscode.compact(token.text)
        if level == 2 and len(compact) == 1:
            compact = "0" + compact
        if len(compact) not in (2, 4, 6) or (level is not None and len(compact) != level):
            self.fail({2: "a 2-digit chapter", 4: "a 4-digit heading", 6: "a 6-digit subheading"}.get(
                level or 0, "a chapter (2 digits), heading (4) or subheading (6)"))
        self.index += 1
        return compact


def parse(text: str) -> Rule:
    """Parse canonical rule text into rule objects. Raises RuleSyntaxError (position, expectation) on bad text."""
    if not isinstance(text, str):
        raise RuleSyntaxError(str(text), 0, "rule text", type(text).__name__)
    return Parser(text).parse()


def canonical(rule: Rule) -> str:
    return rule.canonical()
