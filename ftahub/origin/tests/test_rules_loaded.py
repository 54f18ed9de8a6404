"""The product-specific rules loaded from the reference data, and the most-specific lookup."""

import pytest

from ftahub.origin.models import ProductSpecificRule
from ftahub.origin.rulebook import AmbiguousRule
from ftahub.origin.rules import rule_text_for

pytestmark = pytest.mark.django_db


def test_each_scheme_is_loaded_whole():
    counts = {code: ProductSpecificRule.objects.filter(agreement__code=code).count()
              for code in ("UKVFTA", "EVFTA", "CPTPP")}
    # CPTPP's 1,239 rule sets: the 53 that give named goods their own rule load one rule per description (155)
    assert counts == {"UKVFTA": 383, "EVFTA": 383, "CPTPP": 1239 - 53 + 155}


def test_most_specific_rule_wins():
    # CPTPP has a rule for subheading 0810.90 itself; EVFTA's chapter-8 rule covers it as a chapter
    assert rule_text_for("CPTPP", "08109020") == "CC"
    assert rule_text_for("UKVFTA", "85166000") == "CTH or MaxNOM(70, EXW)"
    assert rule_text_for("RCEP", "08109020") is None  # no RCEP rules in the data directory


def test_a_code_split_by_description_is_reported_not_guessed():
    with pytest.raises(AmbiguousRule) as info:
        rule_text_for("EVFTA", "03061500")
    assert len(info.value.candidates) >= 2


def test_every_loaded_rule_keeps_its_legal_text_and_marks_what_needs_reading():
    manual = ProductSpecificRule.objects.filter(needs_manual_reading=True)
    assert manual.exists()
    assert not ProductSpecificRule.objects.filter(legal_text="").exists()
    for rule in manual[:50]:
        assert 'manual("' in rule.canonical
