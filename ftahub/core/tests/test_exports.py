"""Exports neutralise spreadsheet formula injection."""

from ftahub.core.exports import neutralise


def test_formulas_become_text_and_numbers_pass():
    assert neutralise("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert neutralise("+1") == "'+1" and neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("Quả vải") == "Quả vải" and neutralise(-5) == -5 and neutralise(None) is None
