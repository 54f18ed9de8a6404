"""Value tests: RVC build-down and build-up, CPTPP focused value and net cost, EVFTA MaxNOM."""

import pytest

from ftahub.origin.engine import InputError, assess
from ftahub.origin.language import parse
from ftahub.origin.provisions import provisions_for

from .factories import foreign, local, product


def only_test(result):
    (test,) = result.tests
    return test


def test_build_down_is_fob_minus_non_originating_over_fob():
    result = assess(product(fob=100.0), [foreign("8516.80", 60.0), local("7326.90", 15.0)], parse("RVC(40, build-down)"))
    test = only_test(result)
    assert (test.required, test.actual, test.passed, test.margin) == (40.0, 40.0, True, 0.0)


def test_build_up_is_originating_over_fob():
    result = assess(product(fob=100.0), [foreign("8516.80", 60.0), local("7326.90", 15.0)], parse("RVC(35, build-up)"))
    test = only_test(result)
    assert (test.actual, test.passed, test.margin) == (15.0, False, -20.0)
    assert result.to_qualify[0].value == 20.0


def test_rvc_without_a_method_uses_the_agreements_default():
    result = assess(product(fob=200.0), [foreign("8516.80", 130.0)], parse("RVC(40)"), provisions_for("ATIGA"))
    test = only_test(result)
    assert test.actual == 35.0 and not test.passed and "build-down" in test.detail


def test_focused_value_counts_only_the_named_materials():
    materials = [foreign("8407.10", 30.0), foreign("4011.10", 40.0)]
    result = assess(product(hs="870321", fob=100.0), materials, parse("RVC(50, focused, 84.07, 84.08)"))
    assert only_test(result).actual == 70.0 and result.qualifies


def test_net_cost_method_without_a_net_cost_cannot_decide_but_another_method_can():
    materials = [foreign("8407.10", 30.0)]
    undecided = assess(product(fob=100.0), materials, parse("RVC(45, net-cost)"))
    assert not undecided.qualifies and undecided.needs_manual_reading
    assert only_test(undecided).passed is None
    assert undecided.to_qualify[0].actions[0].kind == "provide_data"
    either = assess(product(fob=100.0), materials, parse("RVC(45, net-cost) or RVC(55, build-down)"))
    assert either.qualifies and either.met_by == "RVC(55, build-down)"
    result = assess(product(fob=100.0, net_cost=80.0), materials, parse("RVC(45, net-cost)"))
    assert only_test(result).actual == 62.5


def test_maxnom_is_non_originating_over_the_ex_works_price():
    result = assess(product(fob=None, ex_works=80.0), [foreign("5208.11", 41.0)], parse("MaxNOM(50, EXW)"))
    test = only_test(result)
    assert (test.actual, test.passed) == (51.25, False)
    assert result.to_qualify[0].value == 1.0  # 41 - 50 % of 80


def test_a_missing_price_is_a_clear_input_error():
    with pytest.raises(InputError, match="ex_works"):
        assess(product(fob=100.0, ex_works=None), [foreign("5208.11", 41.0)], parse("MaxNOM(50, EXW)"))


def test_percentages_are_rounded_to_two_decimals():
    result = assess(product(fob=3.0), [foreign("8516.80", 1.0)], parse("RVC(40)"))
    assert only_test(result).actual == 66.67


def test_cptpp_textiles_outside_chapters_61_to_63_have_a_tolerance_by_weight_not_value():
    """CPTPP Art. 4.2.2: a fabric (ch. 52) whose non-originating yarn of the same heading weighs at most 10 % of the
    fabric originates, whatever that yarn costs; the value-based 10 % of Art. 3.11 does not apply to it."""
    cptpp = provisions_for("CPTPP")
    fabric = product(hs="520811", fob=100.0, weight_kg=100.0)
    light_but_dear = [foreign("520811", 30.0, weight_kg=8.0)]  # 30 % of the value, 8 % of the weight
    result = assess(fabric, light_but_dear, parse("CTH"), cptpp)
    assert result.qualifies and result.tests[0].unit == "% of weight" and result.tests[0].actual == 8.0
    heavy = [foreign("520811", 5.0, weight_kg=12.0)]  # 5 % of the value would pass a value test
    assert not assess(fabric, heavy, parse("CTH"), cptpp).qualifies
    unweighed = assess(product(hs="520811", fob=100.0), light_but_dear, parse("CTH"), cptpp)
    assert not unweighed.qualifies and unweighed.needs_manual_reading  # cannot decide without weights
    assert unweighed.to_qualify[0].actions[0].params == {"what": "weights"}


def test_cptpp_garments_get_no_tolerance_the_hub_could_not_check():
    """Art. 4.2.3 counts only the component that determines a garment's classification: the hub applies none."""
    shirt = product(hs="620520", fob=100.0, weight_kg=1.0)
    result = assess(shirt, [foreign("620520", 2.0, weight_kg=0.01)], parse("CTH"), provisions_for("CPTPP"))
    assert not result.qualifies and "no tolerance" in result.tests[0].detail
    # any other good keeps the value-based 10 % of Art. 3.11
    fan = assess(product(hs="841451", fob=100.0), [foreign("841451", 8.0)], parse("CTH"), provisions_for("CPTPP"))
    assert fan.qualifies
