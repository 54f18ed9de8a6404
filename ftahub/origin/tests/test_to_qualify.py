"""What would make a failing product qualify: the cheapest fix first, for each alternative of the rule."""

from ftahub.origin.engine import assess
from ftahub.origin.language import parse
from ftahub.origin.provisions import provisions_for

from .factories import foreign, product


def test_alternatives_are_ranked_by_the_value_to_change():
    materials = [foreign("8516.80", 20.0, description="heating element"), foreign("7326.90", 45.0)]
    result = assess(product(hs="851660", fob=100.0), materials, parse("CTH or RVC(40)"), provisions_for("ATIGA"))
    assert not result.qualifies
    first, second = result.to_qualify
    assert (first.alternative, first.value) == ("RVC(40)", 5.0)
    assert second.alternative == "CTH" and second.actions[0].kind == "source_originating"
    assert "heating element" in second.actions[0].detail


def test_a_conjunction_needs_every_part_fixed():
    result = assess(product(hs="520512", fob=100.0, processes=()), [foreign("5201.00", 70.0)],
                    parse("RVC(40) and process(spinning)"))
    (remedy,) = result.to_qualify
    assert {a.kind for a in remedy.actions} == {"replace_value", "perform_process"}


def test_tolerance_means_only_the_excess_must_be_sourced():
    materials = [foreign("8516.80", 8.0, description="small"), foreign("8516.90", 30.0, description="big")]
    result = assess(product(hs="851660", fob=100.0), materials, parse("CTH"), provisions_for("ATIGA"))
    (remedy,) = result.to_qualify
    assert remedy.actions[0].materials == [1]  # sourcing the big one leaves 8 %, within the 10 % tolerance


def test_manual_alternatives_come_last_and_say_so():
    result = assess(product(fob=100.0), [foreign("8516.80", 90.0)],
                    parse('manual("Operations of refining") or RVC(40)'))
    assert not result.qualifies and result.needs_manual_reading
    assert result.to_qualify[-1].actions[0].kind == "read_manually"
