"""Change of chapter, heading, subheading: blocking materials, exceptions, tolerance and allowances."""

from ftahub.origin.engine import assess
from ftahub.origin.language import parse
from ftahub.origin.provisions import provisions_for

from .factories import foreign, local, product, unknown


def test_cth_is_blocked_by_a_non_originating_material_of_the_same_heading():
    materials = [foreign("8516.80", 20.0, description="heating element"), foreign("7326.90", 30.0)]
    result = assess(product(hs="851660"), materials, parse("CTH"))
    assert not result.qualifies
    assert [b["description"] for b in result.blocking_materials] == ["heating element"]
    assert result.to_qualify[0].actions[0].materials == [0]


def test_ctsh_passes_where_cth_fails():
    materials = [foreign("8516.80", 20.0)]
    assert assess(product(hs="851660"), materials, parse("CTSH")).qualifies
    assert not assess(product(hs="851660"), materials, parse("CTH")).qualifies


def test_originating_materials_never_block():
    assert assess(product(hs="851660"), [local("8516.80", 90.0)], parse("CC")).qualifies


def test_unknown_origin_counts_as_non_originating():
    result = assess(product(hs="851660"), [unknown("8516.80", 20.0)], parse("CTH"))
    assert not result.qualifies
    assert "unknown" in result.materials[0].basis


def test_excepted_headings_block_even_when_they_change_heading():
    """A garment of chapter 62 made from woven cotton fabric of 52.08 fails 'CC except from 52.08-52.12'."""
    materials = [foreign("5208.32", 40.0, description="woven cotton fabric")]
    result = assess(product(hs="620520"), materials, parse("CC except from 52.08-52.12"))
    assert not result.qualifies
    assert "excepts" in result.blocking_materials[0]["reason"]
    assert assess(product(hs="620520"), [foreign("5205.11", 40.0)], parse("CC except from 52.08-52.12")).qualifies


def test_de_minimis_lets_a_small_blocking_material_through():
    """ATIGA Article 30: non-originating materials failing the change may be up to 10 % of FOB."""
    atiga = provisions_for("ATIGA")
    assert assess(product(hs="851660", fob=100.0), [foreign("8516.80", 10.0)], parse("CTH"), atiga).qualifies
    result = assess(product(hs="851660", fob=100.0), [foreign("8516.80", 10.01)], parse("CTH"), atiga)
    assert not result.qualifies
    assert result.tests[0].actual == 10.01 and result.tests[0].required == 10.0


def test_same_heading_allowance_of_the_evfta_wording():
    """'Materials of the same heading as the product may be used, provided that their total value does not exceed
    20 % of the ex-works price' (EVFTA/UKVFTA Annex II)."""
    rule = parse("CTH allow 20% EXW")
    ok = assess(product(hs="620520", fob=None, ex_works=100.0), [foreign("6205.30", 20.0)], rule)
    assert ok.qualifies
    too_much = assess(product(hs="620520", fob=None, ex_works=100.0), [foreign("6205.30", 20.5)], rule)
    assert not too_much.qualifies


def test_ncr_needs_no_change_but_respects_exceptions():
    assert assess(product(hs="710812"), [foreign("7108.13", 50.0)], parse("NCR")).qualifies
    assert not assess(product(hs="710812"), [foreign("7108.13", 50.0)], parse("NCR except from 71.08")).qualifies
