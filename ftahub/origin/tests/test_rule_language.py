"""The canonical rule language: what exporters and officers write, read back exactly, with clear errors."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ftahub.origin.language import (
    AllOf,
    AnyOf,
    ChangeOfClassification,
    MaxNonOriginating,
    RuleSyntaxError,
    SpecificProcess,
    ValueContent,
    parse,
)


@pytest.mark.parametrize("text", [
    "WO",
    "CC",
    "CTH",
    "CTSH",
    "NCR",
    "CTH except from 52.08-52.12",
    "CC except from chapter 50 through 55",
    "CTSH except from 8471.30",
    "CTH or RVC(40)",
    "RVC(40, build-down)",
    "RVC(35, build-up)",
    "RVC(30, focused, 84.07, 84.08)",
    "RVC(45, net-cost)",
    "QVC(40)",
    "LVC(40)",
    "VAC(40)",
    "MaxNOM(50, EXW)",
    "MaxNOM(40, FOB)",
    "MaxWeight(20, chapter 2, chapter 3, chapter 16)",
    "WO(chapter 3)",
    "CTH allow 10% EXW",
    "(CTH and process(spinning)) or RVC(35, build-up)",
    "CTH and (RVC(40) or process(chemical-reaction))",
    'manual("Beading or moulding.")',
])
def test_canonical_text_reads_back_identically(text):
    assert parse(text).canonical() == text
    assert parse(parse(text).canonical()) == parse(text)


def test_the_issue_examples_mean_what_they_say():
    rule = parse("CTH except from 52.08-52.12")
    assert rule == ChangeOfClassification("CTH", parse("CC except from 52.08-52.12").exceptions)
    (span,) = rule.exceptions
    assert (span.start, span.end) == ("5208", "5212")
    (chapters,) = parse("CC except from chapter 50 through 55").exceptions
    assert (chapters.start, chapters.end) == ("50", "55")
    assert parse("MaxNOM(50, EXW)") == MaxNonOriginating(50.0, "EXW")
    assert parse("RVC(40)") == ValueContent("RVC", 40.0, None)


def test_and_binds_tighter_than_or_and_keywords_ignore_case():
    rule = parse("cth AND process(Spinning) or rvc(40)")
    assert isinstance(rule, AnyOf)
    assert rule.parts[0] == AllOf((ChangeOfClassification("CTH"), SpecificProcess("spinning")))


@pytest.mark.parametrize("text, position, expected", [
    ("", 0, "a rule"),
    ("CTH or", 6, "a test"),
    ("RVC(140)", 4, "between 0 and 100"),
    ("RVC(40", 6, "')'"),
    ("CTH except from 52.12-52.08", 22, "end is not before"),
    ("CTH except from 5", 16, "a chapter (2 digits), heading (4) or subheading (6)"),
    ("MaxNOM(50, CIF)", 11, "EXW or FOB"),
    ("CTH CTSH", 4, "'or', 'and' or the end"),
    ("RVC(40, focused)", 15, "codes of the materials"),
    ("CTH ; RVC(40)", 4, "a rule word"),
])
def test_bad_text_says_where_and_what_was_expected(text, position, expected):
    with pytest.raises(RuleSyntaxError) as info:
        parse(text)
    assert info.value.position == position
    assert expected in str(info.value)


def test_deep_nesting_is_refused_not_crashed():
    with pytest.raises(RuleSyntaxError, match="nested"):
        parse("(" * 200 + "CTH" + ")" * 200)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("CTHSRVWONMaxom(),.%- 0123456789exceptfrombuildupdown\"orand")),
               max_size=60))
def test_fuzzed_text_either_parses_or_raises_a_syntax_error(text):
    """Parser fuzz test: arbitrary text never crashes the parser; a result always reads back."""
    try:
        rule = parse(text)
    except RuleSyntaxError as exc:
        assert 0 <= exc.position <= len(text)
        return
    assert parse(rule.canonical()) == rule


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_unicode_text_never_crashes_the_parser(text):
    try:
        parse(text)
    except RuleSyntaxError:
        pass


def test_a_product_wholly_obtained_here_qualifies_as_wo_before_its_product_specific_rule():
    """Lychees grown on the exporter's own farm: no non-originating material; the verdict names WO, so the C/O can
    declare WO (#16). A claim contradicted by an imported material fails the WO test and names the material."""
    from ftahub.origin.engine import Material, Product, assess
    from ftahub.origin.language import parse

    farm = assess(Product(hs="08109020", fob=100.0, wholly_obtained=True), [], parse("CC"))
    assert farm.qualifies and farm.met_by == "WO"
    seedlings = Material(hs="0602.20", value=5.0, country="CN", originating=False)
    claimed = assess(Product(hs="08109020", fob=100.0, wholly_obtained=True), [seedlings], parse("CC"))
    assert claimed.qualifies and claimed.met_by == "CC"  # the change of chapter still holds
    wo = next(t for t in claimed.tests if t.name == "WO")
    assert wo.passed is False and wo.actual == 1
