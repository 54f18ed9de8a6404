"""The de minimis as each agreement writes it: CPTPP's Annex 3-C exceptions (dairy, juices, oils, peaches), the
EVFTA/UKVFTA tolerance by weight or value for farm goods, none for textiles, and its reach to materials a rule
wants wholly obtained (Protocol 1 Art. 5(3)-(5))."""

from ftahub.origin.engine import assess
from ftahub.origin.language import parse
from ftahub.origin.provisions import provisions_for

from .factories import foreign, local, product


def _cheese(agreement, material_hs="0406.10", hs="040690"):
    """Cheese whose imported fresh cheese (same heading, 5 % of the value) fails a change of heading."""
    return assess(product(hs=hs, fob=100.0), [foreign(material_hs, 5.0, description="fresh cheese"),
                                               local("0401.20", 60.0)], parse("CTH"), provisions_for(agreement))


def test_cptpp_de_minimis_never_covers_dairy_materials_in_dairy_goods():
    cptpp = _cheese("CPTPP")
    assert cptpp.qualifies is False and not cptpp.needs_manual_reading
    assert cptpp.blocking_materials[0]["de_minimis"] == "excluded"
    # the same cheese under RCEP, which has no such exception, is saved by its 10 % de minimis
    assert _cheese("RCEP").qualifies
    # processed cheese (0406.30) is left out of the exception: the de minimis covers it again
    assert _cheese("CPTPP", hs="040630").qualifies


def test_a_condition_the_codes_cannot_tell_leaves_the_verdict_to_a_person():
    """A dairy preparation of 1901.90 is excluded only if it holds over 10 % milk solids: the hub cannot see that,
    so a product that needs the de minimis for it is neither passed nor failed."""
    result = assess(product(hs="190190", fob=100.0), [foreign("1901.90", 4.0, description="milk preparation")],
                    parse("CTSH"), provisions_for("CPTPP"))
    assert result.qualifies is False and result.needs_manual_reading
    action = result.to_qualify[0].actions[0]
    assert action.kind == "read_manually" and action.params["what"] == "de_minimis_exclusion"
    # a material whose code is too short to tell whether it is of 1901.90 is in doubt the same way
    short = assess(product(hs="190190", fob=100.0), [foreign("1901", 4.0)], parse("CTSH"), provisions_for("CPTPP"))
    assert short.needs_manual_reading
    # a material of another code in the same product is covered as before
    other = assess(product(hs="190190", fob=100.0), [foreign("1901.20", 4.0)], parse("CTSH"), provisions_for("CPTPP"))
    assert other.qualifies


def test_cptpp_citrus_juice_and_oils():
    orange_juice = assess(product(hs="200912", fob=100.0), [foreign("2009.11", 8.0)], parse("CTH"),
                          provisions_for("CPTPP"))
    assert not orange_juice.qualifies
    soybean_oil = assess(product(hs="150790", fob=100.0), [foreign("1507.10", 8.0)], parse("CTH"),
                         provisions_for("CPTPP"))
    assert not soybean_oil.qualifies
    # palm oil (15.11) is not among the goods listed: the de minimis applies
    palm_oil = assess(product(hs="151190", fob=100.0), [foreign("1511.10", 8.0)], parse("CTH"),
                      provisions_for("CPTPP"))
    assert palm_oil.qualifies


def test_evfta_farm_goods_meet_the_tolerance_by_weight_when_the_value_is_over_it():
    """Jam of 2007.99 with imported fruit purée of the same heading: 15 % of the ex-works price, 5 % of the
    weight — Article 5(3)(a) allows either."""
    evfta = provisions_for("EVFTA")
    case = dict(hs="200799", fob=None, ex_works=100.0)
    by_weight = assess(product(weight_kg=10.0, **case), [foreign("2007.10", 15.0, weight_kg=0.5)], parse("CTH"), evfta)
    assert by_weight.qualifies
    heavy = assess(product(weight_kg=10.0, **case), [foreign("2007.10", 15.0, weight_kg=2.0)], parse("CTH"), evfta)
    assert not heavy.qualifies and not heavy.needs_manual_reading
    # without the weights the hub cannot tell, and asks for them instead of saying no
    unknown = assess(product(**case), [foreign("2007.10", 15.0)], parse("CTH"), evfta)
    assert unknown.needs_manual_reading and unknown.to_qualify[0].actions[0].kind == "provide_data"
    # within 10 % of the price it passes without weights
    assert assess(product(**case), [foreign("2007.10", 8.0)], parse("CTH"), evfta).qualifies


def test_evfta_processed_fish_by_value_only_and_textiles_without_the_general_tolerance():
    evfta = provisions_for("EVFTA")
    tuna = assess(product(hs="160414", fob=None, ex_works=100.0, weight_kg=10.0),
                  [foreign("1604.14", 15.0, weight_kg=0.5)], parse("CTH"), evfta)
    assert not tuna.qualifies  # chapter 16's processed fishery products: 10 % of the price only
    shirt = assess(product(hs="610910", fob=None, ex_works=100.0), [foreign("6109.90", 3.0)], parse("CTH"), evfta)
    assert not shirt.qualifies  # chapters 50-63: Notes 6-7 of Annex I, not the 10 % of the price
    lamp = assess(product(hs="940510", fob=None, ex_works=100.0), [foreign("9405.99", 3.0)], parse("CTH"), evfta)
    assert lamp.qualifies  # other goods: 10 % of the ex-works price


def test_evfta_tolerance_covers_materials_the_rule_wants_wholly_obtained():
    """Roasted nuts whose chapter-8 materials must be wholly obtained: 5 % of imported nuts is within the tolerance,
    80 % is not."""
    rule = parse("WO(chapter 8)")
    evfta = provisions_for("EVFTA")
    small = assess(product(hs="200819", fob=None, ex_works=100.0), [foreign("0801.32", 5.0), local("0801.32", 60.0)],
                   rule, evfta)
    assert small.qualifies
    large = assess(product(hs="200819", fob=None, ex_works=100.0, weight_kg=1.0),
                   [foreign("0801.32", 80.0, weight_kg=0.8)], rule, evfta)
    assert not large.qualifies and not large.needs_manual_reading
    # over 10 % of the price, the weight may still bring it within the tolerance: the hub asks for the weights
    unweighed = assess(product(hs="200819", fob=None, ex_works=100.0), [foreign("0801.32", 80.0)], rule, evfta)
    assert unweighed.needs_manual_reading
    assert any(a.kind == "provide_data" for remedy in unweighed.to_qualify for a in remedy.actions)
    # agreements without that provision keep the strict test
    strict = assess(product(hs="200819", fob=100.0), [foreign("0801.32", 5.0), local("0801.32", 60.0)], rule,
                    provisions_for("CPTPP"))
    assert not strict.qualifies
