"""Cumulation (materials originating in a party count as originating) and roll-up of qualifying sub-assemblies."""

from ftahub.origin.engine import Material, assess
from ftahub.origin.language import parse
from ftahub.origin.provisions import provisions_for

from .factories import foreign, local, product


def test_materials_originating_in_another_party_count_under_cumulation():
    """ATIGA: a Thai-originating part counts as originating for a Vietnamese product."""
    thai_part = local("8516.80", 70.0, country="TH")
    assert assess(product(fob=100.0), [thai_part], parse("RVC(40)"), provisions_for("ATIGA")).qualifies


def test_originating_in_a_non_party_does_not_count():
    """The same part made in China is not originating under CPTPP, whatever its supplier says."""
    chinese_part = local("8516.80", 70.0, country="CN")
    result = assess(product(fob=100.0), [chinese_part], parse("RVC(40)"), provisions_for("CPTPP"))
    assert not result.qualifies
    assert "cumulation does not cover" in result.materials[0].basis


def test_evfta_extended_cumulation_covers_korean_fabric_for_garments_only():
    evfta = provisions_for("EVFTA")
    fabric = local("5208.32", 60.0, country="KR")
    garment = assess(product(hs="620520", fob=None, ex_works=100.0), [fabric], parse("MaxNOM(50, EXW)"), evfta)
    assert garment.qualifies
    other = assess(product(hs="940490", fob=None, ex_works=100.0), [fabric], parse("MaxNOM(50, EXW)"), evfta)
    assert not other.qualifies


def test_a_qualifying_sub_assembly_counts_as_originating_in_full():
    """Roll-up: a motor made in Viet Nam that meets its own rule counts whole, foreign parts and all."""
    motor = Material(hs="8501.40", value=60.0, description="motor", originating=False, materials=[
        foreign("8503.00", 25.0, description="stator laminations"),
        local("7408.11", 20.0, description="copper wire"),
    ])
    rules = {"850140": parse("CTH")}
    result = assess(product(hs="845011", fob=100.0), [motor, foreign("3926.90", 10.0)], parse("RVC(40)"),
                    provisions_for("ATIGA"), rule_for=lambda hs: rules.get(hs[:6]))
    assert result.materials[0].originating and "roll-up" in result.materials[0].basis
    assert result.figures["vnm"] == 10.0 and result.qualifies
    assert result.sub_assemblies[0]["qualifies"] is True


def test_roll_up_is_recursive_and_a_failing_sub_assembly_counts_as_non_originating():
    winding = Material(hs="8504.50", value=30.0, materials=[foreign("8504.90", 29.0)])
    motor = Material(hs="8501.40", value=60.0, materials=[winding, foreign("7318.15", 5.0)])
    rules = {"850140": parse("CTH"), "850450": parse("RVC(40)")}
    result = assess(product(hs="845011", fob=100.0), [motor], parse("RVC(50)"), provisions_for("ATIGA"),
                    rule_for=lambda hs: rules.get(hs[:6]))
    # the winding fails RVC(40) (3.33 %), so inside the motor it is non-originating; it is of heading 85.04, not
    # 85.01, so the motor still passes CTH and counts as originating in the washing machine
    assert result.qualifies
    motor_origin = result.materials[0]
    assert motor_origin.originating


def test_without_a_rule_for_the_sub_assembly_its_declared_origin_is_used():
    part = Material(hs="8501.40", value=60.0, originating=None, materials=[local("7408.11", 59.0)])
    result = assess(product(hs="845011", fob=100.0), [part], parse("RVC(50)"), provisions_for("ATIGA"),
                    rule_for=lambda hs: None)
    assert not result.qualifies
    assert "no rule found" in result.materials[0].basis
