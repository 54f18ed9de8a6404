"""Official worked examples of weight-based rules, from the introductory notes of the UK–Viet Nam origin reference
document (UK Online Trade Tariff, vietnam_intro.md, Note 4; restated in roo-worked-examples/)."""

import json
from pathlib import Path

import pytest
from django.conf import settings

from ftahub.origin.engine import Material, Product, assess
from ftahub.origin.language import parse

# Percentages are of a 100 kg product; sugar is modelled as non-originating cane or beet sugar of heading 17.01.
RULES = {
    "ukvfta-note4-2-1-ch19-combined": "MaxWeight(20, chapter 2, chapter 3, chapter 16)",
    "ukvfta-note4-2-2-ch22-individual-pass": "MaxWeight(20, 17.01) and MaxWeight(20, chapter 4)",
    "ukvfta-note4-2-2-ch22-individual-fail": "MaxWeight(20, 17.01) and MaxWeight(20, chapter 4)",
    "ukvfta-note4-2-3-1704-pass": "MaxWeight(20, chapter 4) and MaxWeight(40, 17.01) and MaxWeight(50, 17.01, chapter 4)",
    "ukvfta-note4-2-3-1704-fail": "MaxWeight(20, chapter 4) and MaxWeight(40, 17.01) and MaxWeight(50, 17.01, chapter 4)",
}
MATERIAL_OF = {"ch3_weight_pct": "0303.89", "ch16_weight_pct": "1604.20", "ch4_weight_pct": "0402.10",
               "sugar_weight_pct": "1701.99"}


def cases():
    path = Path(settings.FTAHUB_DATA_DIR) / "roo-worked-examples/ukvfta_intro_note_examples.json"
    return [c for c in json.loads(path.read_text())["cases"] if c["id"] in RULES]


@pytest.mark.parametrize("case", cases(), ids=lambda c: c["id"])
def test_weight_limits_as_the_introductory_notes_state(case):
    materials = [Material(hs=MATERIAL_OF[key], value=1.0, weight_kg=float(pct), originating=False)
                 for key, pct in case["inputs"].items()]
    product = Product(hs="190590", fob=100.0, ex_works=100.0, weight_kg=100.0)
    result = assess(product, materials, parse(RULES[case["id"]]))
    assert result.qualifies is case["expected_origin"], case.get("reason")


def test_weight_limits_ignore_originating_materials():
    """Note 4.2: weight limitations apply only to non-originating materials."""
    product = Product(hs="190590", fob=100.0, weight_kg=100.0)
    fish = Material(hs="0303.89", value=1.0, weight_kg=40.0, originating=True, country="VN")
    assert assess(product, [fish], parse("MaxWeight(20, chapter 3)")).qualifies


def test_all_five_stated_examples_are_covered():
    assert len(cases()) == 5
