"""An agreement's commitments: base rate, staging category and printed years, imported, checked against each other
and used by the finder for the years the loaded tariff does not print."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from ftahub.tariffs import commitments
from ftahub.tariffs.finder import lookup
from ftahub.tariffs.importer import import_commitments
from ftahub.tariffs.models import TariffCommitment
from ftahub.tariffs.schedule import ScheduleError

pytestmark = pytest.mark.django_db

# Four lines of the CPTPP Tariff Schedule of Viet Nam (HS 2012), Annex 2-D, page 500, as printed: tariff line, base
# rate, staging category and the rate of years 1 to 21 (the Government of Mexico's publication of the CPTPP text,
# gob.mx, 2019-05-14). Only these lines of a schedule that prints base, category and years together were at hand.
YEARS = ",".join(f"Year {n}" for n in range(1, 21)) + ",Year 21 and subsequent years"
CPTPP_PAGE_500 = (
    f"Tariff line,Description,Base rate,Staging Category,Remarks,{YEARS}\n"
    + "".join(f"{code},\"{text}\",{base},EIF,,{','.join(['0%'] * 21)}\n" for code, text, base in [
        ("6805.10.00", "- On a base of woven textile fabric only", "10%"),
        ("6805.20.00", "- On a base of paper or paperboard only", "10%"),
        ("6805.30.00", "- On a base of other materials", "10%"),
        ("6806.10.00", "- Slag wool, rock wool and similar mineral wools", "5%")]))

# Arithmetic examples (not rates of any schedule) for categories whose definitions are in data/staging.json.
EXAMPLE = (
    "HS code,Base rate,Staging category,2019,2020\n"
    "0810.90.20,9,B3,,4\n"        # B3 from 9: 6 in 2019, 3 in 2020 (printed here as 4: a difference), 0 in 2021
    "0901.11.10,15,B2,,\n"
)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_printed_cptpp_lines_agree_with_their_category_and_are_used_from_entry_into_force(tmp_path):
    counts = import_commitments(write(tmp_path, "cptpp-p500.csv", CPTPP_PAGE_500), "CPTPP",
                                "CPTPP Annex 2-D, Tariff Schedule of Viet Nam", "2016-02-04")
    assert counts["created"] == 4 and counts["differences"] == []
    stored = TariffCommitment.objects.get(line__code="68051000", agreement__code="CPTPP")
    assert stored.base_raw == "10" and stored.category == "EIF"
    assert stored.printed["2019"] == "0" and stored.printed["2039"] == "0" and len(stored.printed) == 21
    # CPTPP entered into force for Viet Nam on 14 January 2019
    before = lookup("68051000", partner="JP", on=datetime.date(2019, 1, 13))
    row = next(r for r in before["agreements"] if r["agreement"] == "CPTPP")
    assert row["rate"] is None
    after = lookup("68051000", partner="JP", on=datetime.date(2019, 1, 14))
    row = next(r for r in after["agreements"] if r["agreement"] == "CPTPP")
    assert row["rate"] == 0 and not row["computed"] and "Annex 2-D" in row["source"]
    later = lookup("68061000", partner="CA", on=datetime.date(2045, 3, 1))  # "year 21 and subsequent years"
    assert next(r for r in later["agreements"] if r["agreement"] == "CPTPP")["rate"] == 0


def test_the_category_fills_unprinted_years_and_a_printed_year_that_differs_is_reported_and_used(tmp_path):
    counts = import_commitments(write(tmp_path, "example.csv", EXAMPLE), "CPTPP", "arithmetic example", "test")
    assert counts["differences"] == [{"code": "08109020", "year": 2020, "printed": "4", "computed": "3"}]
    on = {year: next(r for r in lookup("08109020", partner="JP", on=datetime.date(year, 6, 1))["agreements"]
                     if r["agreement"] == "CPTPP") for year in (2019, 2020, 2021)}
    assert (on[2019]["rate"], on[2019]["computed"]) == (6, True)
    assert "computed from base rate 9, category B3" in on[2019]["source"]
    assert (on[2020]["rate"], on[2020]["computed"]) == (4, False)
    assert on[2021]["rate"] == 0
    # 2026 is printed in the loaded tariff: that rate stands, the commitment fills the years around it
    table = lookup("08109020", partner="JP", on=datetime.date(2026, 6, 1))
    row = next(r for r in table["agreements"] if r["agreement"] == "CPTPP")
    assert row["by_year"]["2019"] == "6" and row["by_year"]["2020"] == "4" and row["by_year"]["2021"] == "0"
    assert row["by_year_computed"] == ["2019", "2021", "2022", "2023", "2024", "2025"]
    assert row["source"].startswith("Biểu thuế XNK 2026")
    assert {2019, 2020, 2021, 2026} <= set(table["years"])


def test_evfta_b3_removes_the_duty_in_four_equal_stages_from_entry_into_force():
    # 1 August 2020, then each 1 January: base 20 → 15, 10, 5, 0 (arithmetic example)
    path = commitments.path("20", "B3", {}, "EVFTA", datetime.date(2020, 8, 1), 2024)
    assert {y: r for y, (r, _) in path.items()} == {2020: "15", 2021: "10", 2022: "5", 2023: "0", 2024: "0"}


def test_an_undefined_category_or_a_bad_rate_is_refused_naming_the_line_and_nothing_changes(tmp_path):
    before = TariffCommitment.objects.count()
    bad = write(tmp_path, "bad.csv", "HS code,Base rate,Staging category\n0810.90.20,9,B3\n0901.11.10,15,B9\n")
    with pytest.raises(ScheduleError, match=r"line 3: code 09011110: category 'B9' is not defined for CPTPP"):
        import_commitments(bad, "CPTPP", "s", "e")
    worse = write(tmp_path, "worse.csv", "HS code,Base rate,Staging category\n0810.90.20,nine,B3\n")
    with pytest.raises(ScheduleError, match=r"line 2: code 08109020: base rate 'nine'"):
        import_commitments(worse, "CPTPP", "s", "e")
    none = write(tmp_path, "none.csv", "HS code,Base rate,Staging category\n0810.90.20,9,A\n")
    with pytest.raises(ScheduleError, match="no staging categories are defined for RCEP"):
        import_commitments(none, "RCEP", "s", "e")
    assert TariffCommitment.objects.count() == before


def test_importing_again_changes_nothing_and_a_workbook_in_vietnamese_reads_the_same(tmp_path):
    path = write(tmp_path, "example.csv", EXAMPLE)
    import_commitments(path, "CPTPP", "arithmetic example", "test")
    again = import_commitments(path, "CPTPP", "arithmetic example", "test")
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 2)
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã hàng", "Mô tả hàng hóa", "Thuế suất cơ sở (%)", "Lộ trình", "2019", "2020"])
    sheet.append(["0810.90.20", "Quả vải", "9", "B3", None, "4"])
    sheet.append(["0901.11.10", "Cà phê", "15", "B2", None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    xlsx = tmp_path / "example.xlsx"
    xlsx.write_bytes(buffer.getvalue())
    assert import_commitments(xlsx, "CPTPP", "arithmetic example", "test")["unchanged"] == 2


def test_the_command_imports_and_reports_differences(tmp_path, capsys):
    call_command("tariff", "import-commitments", str(write(tmp_path, "example.csv", EXAMPLE)), "--agreement",
                 "CPTPP", "--source", "arithmetic example", "--edition", "test")
    out, err = capsys.readouterr()
    assert json.loads(out)["created"] == 2
    assert "08109020 2020: printed 4, category gives 3 (the printed rate is used)" in err


def test_a_watcher_hears_of_next_years_cut_computed_from_a_commitment(tmp_path, make):
    from ftahub.accounts.models import User
    from ftahub.core.models import Notification
    from ftahub.tariffs.models import WatchItem
    from ftahub.tariffs.watch import check_watchlist

    user = make.user(User.Role.BUSINESS, 24, enterprise=make.enterprise(24), email="an@demo.invalid")
    eggs = TariffCommitment._meta.get_field("line").related_model.objects.get(code="04072100")
    WatchItem.objects.create(user=user, line=eggs, partner="DE")
    # arithmetic example: B7 from 20, eight stages from 1 August 2020, reaches 0 in 2027 (year 8); 2026 is printed
    example = write(tmp_path, "evfta.csv", "HS code,Base rate,Staging category\n0407.21.00,20,B7\n")
    import_commitments(example, "EVFTA", "arithmetic example", "test")
    assert check_watchlist(datetime.date(2026, 11, 20)) == 1
    notice = Notification.objects.get(user=user)
    from django.utils import translation

    with translation.override("en"):  # shown in the reader's language; sent in the hub's (Vietnamese)
        assert "from 1 January 2027 the EVFTA rate falls from 10.9% to 0%" in notice.text
    assert "từ ngày 1 tháng 1 năm 2027, thuế suất EVFTA giảm từ 10.9% xuống 0%" in notice.message


def test_the_line_page_lists_the_commitments_and_their_differences(tmp_path, client):
    import_commitments(write(tmp_path, "example.csv", EXAMPLE), "CPTPP", "arithmetic example", "test")
    page = client.get("/hs/08109020/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-testid="commitments"' in page and "B3" in page
    assert "2020: printed 4, the category gives 3 (the printed rate is used)" in page
    assert "Agreement commitments (base rate and staging) loaded: CPTPP 2" in page
    assert "General Notes 4(a)-(d)" in page  # the note that defines the category


def test_a_decree_layout_prints_periods_and_no_base_rate(tmp_path):
    # the layout of Viet Nam's implementing decrees: one column per period, no base rate or category
    # (arithmetic example, not the rates of any decree)
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã hàng", "Mô tả hàng hóa", "Từ 01/8/2020 đến 31/12/2020", "Từ 01/01/2021 đến 31/12/2021",
                  "Năm 2022"])
    sheet.append(["0407.21.00", "Trứng gà", "12", "8", "4"])
    buffer = io.BytesIO()
    book.save(buffer)
    path = tmp_path / "decree.xlsx"
    path.write_bytes(buffer.getvalue())
    assert import_commitments(path, "EVFTA", "arithmetic example", "test")["created"] == 1
    stored = TariffCommitment.objects.get(line__code="04072100", agreement__code="EVFTA")
    assert stored.base_raw == "" and stored.printed == {"2020": "12", "2021": "8", "2022": "4"}
    rate = next(r for r in lookup("04072100", partner="DE", on=datetime.date(2021, 3, 1))["agreements"]
                if r["agreement"] == "EVFTA")
    assert rate["rate"] == 8 and not rate["computed"]
    # no base rate and a category: refused, the category has nothing to reduce
    bad = write(tmp_path, "bad.csv", "HS code,Staging category,2020\n0407.21.00,B3,12\n")
    with pytest.raises(ScheduleError, match="no 'Base rate' column"):
        import_commitments(bad, "EVFTA", "s", "e")


def test_title_rows_are_skipped_and_a_mistyped_code_is_refused(tmp_path):
    text = ("HS code,Description,Base rate,Staging category\n"
            "Chapter 8,Edible fruit and nuts,,\n08.10,Other fruit,,\n0810.90.20,Lychees,9,B3\n")
    assert import_commitments(write(tmp_path, "titles.csv", text), "CPTPP", "arithmetic example", "test")["lines"] == 1
    typo = write(tmp_path, "typo.csv", "HS code,Base rate,Staging category\n0810.9O.20,9,B3\n")
    with pytest.raises(ScheduleError, match=r"line 2: code '0810.9O.20' is not a tariff line"):
        import_commitments(typo, "CPTPP", "s", "e")
