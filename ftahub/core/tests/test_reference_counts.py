"""The reference data loaded into the database matches its sources' counts (SOURCES.md)."""

import pytest

from ftahub.agreements.models import TradeAgreement
from ftahub.places.models import Country, Province
from ftahub.tariffs.models import HSCode, HSSection
from ftahub.tariffs.search import fold

pytestmark = pytest.mark.django_db


def test_hs2022_has_its_sections_chapters_headings_and_subheadings():
    # HS 2022: 21 sections, 96 chapters (77 is reserved), 1,228 headings, 5,612 subheadings. The file also has
    # UN Comtrade's aggregates 99/9999/999999 ("not specified according to kind"), which are not HS lines.
    assert HSSection.objects.count() == 21
    hs = HSCode.objects.exclude(code__startswith="98")  # chapter 98 is Viet Nam's own, loaded with the tariff
    assert hs.filter(level=2).count() == 96
    assert hs.filter(level=4).count() == 1228
    assert hs.filter(level=6).count() == 5612
    assert not HSCode.objects.filter(code__startswith="99").exists()
    assert not HSCode.objects.filter(code="77").exists()


def test_lychee_national_line_sits_under_its_subheading_with_both_languages():
    lychee = HSCode.objects.get(code="08109020")
    assert lychee.level == 8
    assert lychee.parent.code == "081090"
    assert lychee.parent.parent.code == "0810"
    assert lychee.description_vi.endswith("Quả vải")
    assert "Lychee" in lychee.description_en or "lychee" in lychee.description_en.lower()
    assert lychee.section.roman == "II"


def test_provinces_are_63_before_and_34_since_july_2025():
    assert Province.objects.filter(era=Province.Era.BEFORE_2025).count() == 63
    assert Province.objects.filter(era=Province.Era.FROM_2025).count() == 34
    assert not Province.objects.filter(era=Province.Era.BEFORE_2025, successor=None).exists()


@pytest.mark.parametrize(
    "old, new",
    [("Bắc Giang", "Bắc Ninh"), ("Hòa Bình", "Phú Thọ"), ("Bình Phước", "Đồng Nai"), ("Hà Nội", "Hà Nội")],
)
def test_resolution_202_mapping_examples(old, new):
    # The source spells some names the older way ("Hoà Bình"), so names are compared without diacritics.
    (unit,) = [p for p in Province.objects.filter(era=Province.Era.BEFORE_2025) if fold(p.name).endswith(fold(old))]
    assert fold(unit.successor.name).endswith(fold(new))


def test_countries_carry_iso_codes_and_vietnamese_names():
    assert Country.objects.count() >= 249
    vietnam = Country.objects.get(iso2="VN")
    assert (vietnam.iso3, vietnam.numeric, vietnam.name_vi) == ("VNM", "704", "Việt Nam")
    assert Country.objects.get(iso2="JP").name_vi == "Nhật Bản"


def test_agreements_have_parties_dates_forms_and_sources():
    codes = set(TradeAgreement.objects.values_list("code", flat=True))
    assert {"ATIGA", "ACFTA", "AKFTA", "AJCEP", "VJEPA", "AIFTA", "AANZFTA", "VCFTA", "VKFTA", "VN-EAEU", "CPTPP",
            "AHKFTA", "EVFTA", "UKVFTA", "RCEP", "VIFTA"} <= codes
    evfta = TradeAgreement.objects.get(code="EVFTA")
    assert evfta.parties.count() == 28  # Viet Nam and the 27 EU member states
    assert str(evfta.in_force_vn) == "2020-08-01"
    assert TradeAgreement.objects.get(code="RCEP").parties.count() == 15
    for agreement in TradeAgreement.objects.all():
        assert agreement.parties.filter(iso2="VN").exists(), agreement.code
        for fact in ("signed_on", "in_force_vn", "co_form"):
            if getattr(agreement, fact):
                assert agreement.sources.get(fact), f"{agreement.code}.{fact} has no source"
