"""Property tests guarding the engine's arithmetic."""

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ftahub.origin.engine import Material, assess
from ftahub.origin.language import parse
from ftahub.origin.provisions import provisions_for

from .factories import product

values = st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False)
codes = st.sampled_from(["851680", "851690", "732690", "392690", "850140", "851660"])


@st.composite
def boms(draw):
    n = draw(st.integers(min_value=1, max_value=8))
    return [Material(hs=draw(codes), value=draw(values), originating=draw(st.sampled_from([True, False, None])),
                     country="VN") for _ in range(n)]


@settings(max_examples=300, deadline=None)
@given(boms(), st.integers(min_value=0, max_value=7), st.floats(min_value=0.01, max_value=500),
       st.sampled_from(["RVC(40)", "RVC(35, build-up)", "MaxNOM(50, FOB)", "RVC(40) or CTH"]))
def test_raising_a_non_originating_value_never_turns_a_fail_into_a_pass(materials, index, extra, rule_text):
    index %= len(materials)
    assume(materials[index].originating is not True)
    rule = parse(rule_text)
    fob = 1000.0
    before = assess(product(fob=fob), materials, rule, provisions_for("ATIGA"))
    materials[index].value += extra
    after = assess(product(fob=fob), materials, rule, provisions_for("ATIGA"))
    if not before.qualifies:
        assert not after.qualifies


@settings(max_examples=300, deadline=None)
@given(boms())
def test_build_down_and_maxnom_are_complements(materials):
    result_rvc = assess(product(fob=1000.0), materials, parse("RVC(0, build-down)"))
    result_nom = assess(product(fob=1000.0), materials, parse("MaxNOM(100, FOB)"))
    assert abs(result_rvc.tests[0].actual + result_nom.tests[0].actual - 100.0) < 0.02


@settings(max_examples=200, deadline=None)
@given(boms(), st.sampled_from(["CC", "CTH", "CTSH"]))
def test_making_every_material_originating_always_passes_a_change_of_classification(materials, kind):
    for m in materials:
        m.originating = True
    assert assess(product(fob=1000.0), materials, parse(kind), provisions_for("ATIGA")).qualifies
