"""Rates as the tariff prints them: numbers with either decimal separator, and markers kept as markers."""

from decimal import Decimal

import pytest

from ftahub.tariffs.rates import RateFormatError, parse_rate


@pytest.mark.parametrize("raw, percent", [("0", "0"), ("5", "5"), ("10,9", "10.9"), ("11.4", "11.4"),
                                          ("2,5", "2.5"), ("37.5", "37.5")])
def test_plain_rates_with_either_decimal_separator(raw, percent):
    rate = parse_rate(raw)
    assert rate.kind == "ad_valorem" and rate.percent == Decimal(percent) and rate.is_number


def test_star_means_no_preferential_rate():
    assert parse_rate("*").kind == "none" and not parse_rate("*").is_number


def test_q_is_a_tariff_rate_quota_not_a_number():
    rate = parse_rate("Q")
    assert rate.kind == "quota" and rate.percent is None and rate.display() == "TRQ"


def test_in_and_out_of_quota():
    rate = parse_rate("60 (NHN: 120)")
    assert rate.percent == 60 and rate.out_of_quota == 120
    assert parse_rate("0 (THN)").in_quota_only


@pytest.mark.parametrize("raw, parties", [("0(-KR)", ("KR",)), ("0 (-MM, TH, CN)", ("MM", "TH", "CN")),
                                          ("0(-ID, LA, MM, MY, PH, KR, TH)", ("ID", "LA", "MM", "MY", "PH", "KR",
                                                                            "TH"))])
def test_rates_for_every_party_but_those_listed(raw, parties):
    rate = parse_rate(raw)
    assert rate.excluded_parties == parties
    assert rate.for_origin(parties[0]).kind == "none"
    assert rate.for_origin("VN").percent == 0


def test_unknown_wording_is_kept_as_printed_never_a_number():
    rate = parse_rate("5.000 VND/kg")
    assert rate.kind == "text" and rate.percent is None and rate.display() == "5.000 VND/kg"


def test_broken_rates_are_refused():
    with pytest.raises(RateFormatError):
        parse_rate("0 (-KR")
    with pytest.raises(RateFormatError):
        parse_rate("")
