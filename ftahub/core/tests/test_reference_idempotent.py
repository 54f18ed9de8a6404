"""Loading the reference data twice changes nothing and never duplicates a row."""

import pytest

from ftahub.core.models import AuditEntry
from ftahub.core.reference import load_reference
from ftahub.places.models import Country, Province
from ftahub.tariffs.models import HSCode

pytestmark = pytest.mark.django_db


def test_second_load_creates_and_updates_nothing():
    counts = (HSCode.objects.count(), Province.objects.count(), Country.objects.count())
    results = load_reference(report=lambda line: None)
    assert results["hs"]["created"] == 0 and results["hs"]["updated"] == 0
    assert results["countries"] == {"created": 0, "updated": 0, "unchanged": counts[2]}
    assert results["agreements"]["created"] == 0
    assert results["tariff"]["unchanged"] is True  # the same files (SHA-256): not read again
    assert HSCode.objects.get(code="0810").description_vi  # the tariff's Vietnamese text is kept by the hs load
    assert (HSCode.objects.count(), Province.objects.count(), Country.objects.count()) == counts


def test_a_reload_repairs_a_changed_row_and_is_audited_as_one_load_entry():
    HSCode.objects.filter(code="0810").update(description_en="tampered")
    before = AuditEntry.objects.filter(action="load").count()
    results = load_reference(only=["hs"], report=lambda line: None)
    assert results["hs"]["updated"] == 1
    assert HSCode.objects.get(code="0810").description_en != "tampered"
    assert AuditEntry.objects.filter(action="load").count() == before + 1
