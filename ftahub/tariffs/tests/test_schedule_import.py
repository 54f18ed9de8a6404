"""Importing tariff schedules: the real 2026 sample, the workbook layout, idempotence and bad files."""

import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from openpyxl import Workbook

from ftahub.tariffs.importer import import_schedule
from ftahub.tariffs.models import HSCode, TariffRate
from ftahub.tariffs.schedule import ScheduleError

pytestmark = pytest.mark.django_db
SAMPLE = Path(settings.FTAHUB_DATA_DIR) / "vn-tariff-2026-sample/sample.json"
Y2026 = (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def test_the_whole_2026_tariff_is_loaded_with_its_source_and_markers_as_printed():
    lychee = TariffRate.objects.filter(line__code="08109020")
    assert lychee.get(column="nkud").percent == 30 and lychee.get(column="nktt").raw == "45"
    assert lychee.get(column="akfta").raw == "0(-KH, LA, KR)"
    assert lychee.get(column="akfta").excluded_parties == "KH,LA,KR"
    assert lychee.get(column="cptpp").agreement.code == "CPTPP"
    assert lychee.get(column="rcept_d").agreement.code == "RCEP"
    eggs = TariffRate.objects.filter(line__code="04072100")
    assert eggs.get(column="eaeu").kind == "quota"
    assert eggs.get(column="nktt").out_of_quota == 120
    assert eggs.get(column="evfta").percent == Decimal("10.9")
    car = TariffRate.objects.filter(line__code="87032364")
    assert car.get(column="cptpp").raw == "23,1; M: 28,8" and car.get(column="cptpp").percent == Decimal("23.1")
    assert car.get(column="evfta").percent == Decimal("26.9")  # SOURCES.md: EVFTA 2026 phase-down
    assert all(r.edition == "2026 · 2026-01-07" and "quyphong91/tariffvn" in r.source for r in lychee)
    assert HSCode.objects.filter(level=8).count() == 11871 and TariffRate.objects.count() == 263436


def test_the_19_line_sample_still_imports_and_a_second_import_changes_nothing():
    source = "Biểu thuế XNK 2026 (sample of 19 lines, data 2026-04-05), compiled in Hvdo42/bieu-thue-xnk"
    import_schedule(SAMPLE, *Y2026, source)  # the sample's edition over the same lines and year
    counts = import_schedule(SAMPLE, *Y2026, source)
    assert counts["rates_created"] == 0 and counts["rates_updated"] == 0 and counts["lines_created"] == 0
    lines = json.loads(SAMPLE.read_text())["lines"]
    assert counts["lines"] == len(lines) == 19


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_the_workbook_layout_adds_lines_and_rates(tmp_path):
    """The layout the importer documents (one column per agreement). The values here are the sample's own
    rates for lychees, under a different year, so no rate is invented."""
    path = tmp_path / "bieu-thue.xlsx"
    path.write_bytes(workbook([
        ["Biểu thuế xuất nhập khẩu"],
        ["Mã hàng", "Mô tả hàng hóa", "Mô tả tiếng Anh", "Đơn vị tính", "Thuế NK thông thường", "Thuế NK ưu đãi",
         "ATIGA", "AKFTA", "RCEP"],
        ["Chương 8", "Quả và quả hạch ăn được", "Edible fruit and nuts", "", "", "", "", "", ""],  # a title row
        ["0810", "Quả khác, tươi", "Other fruit, fresh", "", "", "", "", "", ""],
        ["0810.90.20", "- - Quả vải", "- - Lychees", "kg", "45", "30", "0", "0(-KH, LA, KR)", "0"],
    ]))
    counts = import_schedule(path, datetime.date(2027, 1, 1), datetime.date(2027, 12, 31), "test workbook",
                             "test")
    assert counts == {"lines": 1, "lines_created": 0, "rates_created": 5, "rates_updated": 0, "rates_unchanged": 0}
    assert TariffRate.objects.get(line__code="08109020", column="akfta", valid_from__year=2027).raw == "0(-KH, LA, KR)"


def test_a_bad_rate_names_the_line_and_changes_nothing(tmp_path):
    path = tmp_path / "bad.json"
    data = json.loads(SAMPLE.read_text())
    data["lines"][5]["t"]["atiga"] = "0 (-KR"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    before = (TariffRate.objects.count(), HSCode.objects.count())
    with pytest.raises(ScheduleError) as info:
        import_schedule(path, datetime.date(2030, 1, 1), datetime.date(2030, 12, 31), "bad")
    assert info.value.line is not None and "08109020" in str(info.value)
    assert (TariffRate.objects.count(), HSCode.objects.count()) == before


def test_a_line_under_an_unknown_subheading_is_refused(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"lines": [{"h": "99999999", "t": {"nkud": "5"}}]}))
    with pytest.raises(ScheduleError, match="no HS 2022 subheading"):
        import_schedule(path, datetime.date(2030, 1, 1), datetime.date(2030, 12, 31), "bad")


def test_the_import_command_reports_errors_with_exit_2(tmp_path, capsys):
    path = tmp_path / "x.json"
    path.write_text("{not json")
    with pytest.raises(SystemExit) as info:
        call_command("tariff", "import", str(path), "--valid-from", "2030-01-01", "--valid-to", "2030-12-31")
    assert info.value.code == 2
    assert "not valid JSON" in capsys.readouterr().err
