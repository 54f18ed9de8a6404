"""A missing, malformed or partial reference file stops the load, names the file and line, and changes nothing."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from ftahub.core.datadir import ReferenceDataError
from ftahub.core.models import AuditEntry
from ftahub.core.reference import load_reference
from ftahub.places.models import Country, Province
from ftahub.tariffs.models import HSCode

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_copy(tmp_path, settings):
    """A private copy of the reference files this load reads, which a test may damage."""
    source = Path(settings.FTAHUB_DATA_DIR)
    for relative in ("hs2022/sections.csv", "hs2022/harmonized-system.csv",
                     "vn-provinces-2025/province-mapping-2025.csv", "vn-tariff-2026/Tariff.xlsx",
                     "vn-tariff-2026/Specialised_procedures.xlsx"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source / relative, tmp_path / relative)
    settings.FTAHUB_DATA_DIR = tmp_path
    return tmp_path


def snapshot():
    return (HSCode.objects.count(), Province.objects.count(), Country.objects.count(), AuditEntry.objects.count())


def test_a_malformed_csv_row_names_file_and_line_and_changes_nothing(data_copy):
    path = data_copy / "hs2022/harmonized-system.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[99] = "II,08X1,Broken code,08,4\n"  # line 100 of the file
    path.write_text("".join(lines), encoding="utf-8")
    HSCode.objects.filter(code="08109020").update(description_vi="changed before the load")
    before = snapshot()
    with pytest.raises(ReferenceDataError) as info:
        load_reference()
    assert info.value.line == 100
    assert info.value.path.endswith("harmonized-system.csv")
    assert snapshot() == before
    # the whole load is one transaction: the countries and provinces steps before it were rolled back too
    assert HSCode.objects.get(code="08109020").description_vi == "changed before the load"


def test_a_partial_hs_file_is_refused(data_copy):
    path = data_copy / "hs2022/harmonized-system.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:2000]), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="partial"):
        load_reference(only=["hs"])


def test_a_province_mapping_with_a_missing_unit_is_refused(data_copy):
    path = data_copy / "vn-provinces-2025/province-mapping-2025.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    before = snapshot()
    with pytest.raises(ReferenceDataError, match="expected 63 old"):
        load_reference(only=["provinces"])
    assert snapshot() == before


def test_a_row_with_too_many_fields_names_its_line(data_copy):
    path = data_copy / "vn-provinces-2025/province-mapping-2025.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = lines[4].rstrip("\n") + ",extra\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ReferenceDataError) as info:
        load_reference(only=["provinces"])
    assert info.value.line == 5


def test_a_broken_rate_in_the_tariff_names_its_row_and_column_and_changes_nothing(data_copy):
    from openpyxl import load_workbook

    from ftahub.tariffs.models import TariffEdition, TariffRate

    path = data_copy / "vn-tariff-2026/Tariff.xlsx"
    book = load_workbook(path)
    sheet = book.worksheets[0]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[1].value == "08109020")
    row[10].value = "0 (-KR"  # the AKFTA cell, its parenthesis left open
    book.save(path)
    TariffEdition.objects.all().delete()  # so the changed file is read
    rates = TariffRate.objects.count()
    with pytest.raises(ReferenceDataError) as info:
        load_reference(only=["tariff"])
    assert info.value.line == row[0].row
    assert "Tariff.xlsx" in str(info.value) and "column Import duty rate per AKFTA" in str(info.value)
    assert TariffRate.objects.count() == rates


def test_a_missing_file_says_how_to_get_it(data_copy):
    (data_copy / "hs2022/sections.csv").unlink()
    with pytest.raises(CommandError) as info:
        call_command("load-reference", "--only", "hs")
    message = str(info.value)
    assert "sections.csv" in message and "fetch-data" in message and "Nothing was changed" in message


def test_settings_default_data_dir_is_the_shared_data():
    assert Path(settings.FTAHUB_DATA_DIR).name == "data"
