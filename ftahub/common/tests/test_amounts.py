"""Amounts as people type them (issue #16): Vietnamese and English marks, read only when one reading is possible."""

import pytest

from ftahub.common.amounts import AmountError, parse_amount


@pytest.mark.parametrize("typed, currency, value", [
    ("2.500.000", "VND", 2_500_000), ("2.500.000", "USD", 2_500_000), ("2,500,000", None, 2_500_000),
    ("2,5", None, 2.5), ("2.5", None, 2.5), ("1.234,5", None, 1234.5), ("1,234.5", None, 1234.5),
    ("2500", None, 2500), ("2.500", "VND", 2500), ("2,500", "VND", 2500), ("12,50", "USD", 12.5),
    ("2 500 000 đ", None, 2_500_000), ("$12.5", "USD", 12.5), ("1.200.000 VND", "VND", 1_200_000),
    ("0", None, 0),
])
def test_one_reading(typed, currency, value):
    assert parse_amount(typed, currency).value == value


@pytest.mark.parametrize("typed, currency, code", [
    ("2.500", "USD", "ambiguous"), ("2,500", None, "ambiguous"), ("twenty", None, "not_a_number"),
    ("-5", None, "negative"), ("1.2.3", None, "not_a_number"), ("2.50.000", None, "not_a_number"),
    ("100 USD", "VND", "currency"),
])
def test_refused_with_a_code(typed, currency, code):
    with pytest.raises(AmountError) as info:
        parse_amount(typed, currency)
    assert info.value.code == code


def test_the_typed_currency_is_returned():
    assert parse_amount("2.500.000₫").currency == "VND"
