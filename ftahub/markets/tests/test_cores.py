"""The plain-Python cores of export markets: a partner schedule file, a table of notices, the surge signal."""

import datetime

from ftahub.markets.noticefile import read_notices
from ftahub.markets.schedules import read_schedule
from ftahub.markets.surge import Thresholds, surges

AGREEMENTS = {"CPTPP", "VJEPA", "AJCEP", "RCEP"}


def _csv(text: str) -> bytes:
    return text.encode("utf-8")


def test_a_schedule_gives_the_mfn_and_each_preferential_rate_of_a_line_as_printed():
    rows, problems = read_schedule("jp.csv", _csv(
        "Partner code,Description,MFN,Agreement,Rate for Viet Nam,Staging category,Year\n"
        "0810.90.000,Other fruit (fixture),6%,CPTPP,0,EIF,2026\n"
        "0810.90.000,Other fruit (fixture),6%,VJEPA,\"1,5\",B5,2026\n"), AGREEMENTS, source="fixture",
        edition="fixture-2026")
    assert problems == []
    assert {(r.agreement, r.raw, r.percent) for r in rows} >= {("", "6%", 6), ("CPTPP", "0", 0), ("VJEPA", "1,5", 1.5)}
    assert all(r.subheading == "081090" and r.code == "081090000" and r.year == 2026 for r in rows)


def test_a_schedule_line_with_a_problem_is_left_out_and_named_and_the_rest_is_loaded():
    rows, problems = read_schedule("x.csv", _csv(
        "Mã nước nhập,MFN,Hiệp định,Thuế suất cho Việt Nam,Nguồn,Phiên bản\n"
        "081090,5,XYZFTA,0,fixture,e1\n"  # unknown agreement
        "081090,5 (NHN: 10,,,fixture,e1\n"  # broken rate
        "0810,,,,fixture,e1\n"  # a heading row: skipped quietly
        "081010,5,,3,fixture,e1\n"  # a rate for Viet Nam without its agreement
        "abc,5,,,fixture,e1\n"  # not a code
        "081020,5,RCEP,0,fixture,e1\n"), AGREEMENTS)
    assert [r.code for r in rows] == ["081020", "081020"]
    assert [(p.code, p.line) for p in problems] == [
        ("schedule.unknown_agreement", 2), ("schedule.bad_rate", 3), ("schedule.no_agreement", 5),
        ("schedule.bad_code", 6)]


def test_a_schedule_without_its_source_is_refused_whole():
    rows, problems = read_schedule("x.csv", _csv("Partner code,MFN\n081090,5\n"), AGREEMENTS, edition="e")
    assert rows == [] and [p.code for p in problems] == ["schedule.no_source"]


def _country(text: str) -> str | None:
    return {"japan": "JP", "nhật bản": "JP", "australia": "AU"}.get(text.strip().lower())


def test_an_eping_export_is_read_and_its_kind_comes_from_the_symbol():
    rows, problems = read_notices("eping.csv", _csv(
        "Document symbol,Notifying Member,Title,Products covered,HS code(s),Objectives,Date of distribution,"
        "Final date for comments,Proposed date of entry into force,Link\n"
        "G/SPS/N/JPN/9999,Japan,Maximum residue limits (fixture),Fresh fruit,\"0810, 0810.90\",Food safety,"
        "2026-11-30,30/01/2027,,https://example.invalid/n\n"), _country, source="WTO ePing (fixture)")
    assert problems == []
    (row,) = rows
    assert (row.kind, row.country, row.hs_codes, row.published_on, row.comment_deadline, row.in_force_on) == (
        "sps", "JP", "0810, 081090", datetime.date(2026, 11, 30), datetime.date(2027, 1, 30), None)
    assert row.source == "WTO ePing (fixture)"


def test_a_notice_row_with_bad_values_is_refused_with_each_problem():
    rows, problems = read_notices("n.csv", _csv(
        "Kind,Country,Reference,Title,HS codes,Measure,Stage,Published on,Source\n"
        "remedy,Atlantis,AD-1,Steel pipes,7306,xx,initiation,2026-01-01,fixture\n"
        "remedy,Australia,AD-2,Steel pipes,73.0,ad,soon,32/13/2026,fixture\n"
        "remedy,Australia,AD-3,Steel pipes,7306,ad,initiation,2026-02-01,fixture\n"), _country)
    assert [r.reference for r in rows] == ["AD-3"]
    assert sorted((p.line, p.code) for p in problems) == [
        (2, "notices.bad_country"), (2, "notices.bad_measure"), (3, "notices.bad_date"), (3, "notices.bad_hs"),
        (3, "notices.bad_stage")]


def test_a_table_of_notices_without_the_columns_it_needs_is_refused_naming_them():
    rows, problems = read_notices("n.csv", _csv("Reference,Title\nX,Y\n"), _country, source="s")
    assert rows == [] and problems[0].code == "notices.no_header"
    assert "hs_codes" in dict(problems[0].values)["missing"]


def test_the_surge_signal_flags_fast_growth_with_a_rising_share_and_nothing_else():
    rows = [
        # lychees: exports to Japan triple while the other markets stay flat: a surge
        ("0810", "JP", 2024, 2_000_000), ("0810", "JP", 2025, 6_000_000),
        ("0810", "CN", 2024, 8_000_000), ("0810", "CN", 2025, 8_000_000),
        # steel pipes: fast growth to Australia but everyone grows alike: the share does not rise
        ("7306", "AU", 2024, 2_000_000), ("7306", "AU", 2025, 4_000_000),
        ("7306", "US", 2024, 2_000_000), ("7306", "US", 2025, 4_000_000),
        # a small flow that grows tenfold stays under the value threshold
        ("0901", "KR", 2024, 10_000), ("0901", "DE", 2024, 90_000), ("0901", "KR", 2025, 100_000),
        ("0901", "DE", 2025, 90_000),
    ]
    (found,) = surges(rows, 2025)
    assert (found.product, found.market) == ("0810", "JP")
    assert round(found.growth, 2) == 2.0 and round(found.previous_share, 2) == 0.2 and round(found.share, 2) == 0.43
    # thresholds are the caller's: a lower value threshold lets the small flow through
    assert {(s.product, s.market) for s in surges(rows, 2025, Thresholds(min_value=50_000))} == {
        ("0810", "JP"), ("0901", "KR")}
    assert surges(rows, 2025, Thresholds(min_growth=3.0)) == []


def test_vietnamese_column_names_are_read_as_the_pages_list_them():
    rows, problems = read_schedule("vn.csv", _csv(
        "Mã nước nhập;Mô tả;MFN;Hiệp định;Thuế suất cho Việt Nam;Lộ trình;Năm;Nguồn;Phiên bản\n"
        "081090;Quả khác;6;CPTPP;0;EIF;2026;thử nghiệm;e1\n").replace(b";", b","), AGREEMENTS)
    assert problems == [] and {(r.agreement, r.category, r.source) for r in rows} == {
        ("", "EIF", "thử nghiệm"), ("CPTPP", "EIF", "thử nghiệm")}
    rows, problems = read_notices("vn.csv", _csv(
        "Loại,Quốc gia,Số hiệu,Tiêu đề,Sản phẩm,Mã HS,Biện pháp,Giai đoạn,Ngày công bố,Hạn góp ý,Nguồn\n"
        "remedy,Nhật Bản,AD-VN,Ống thép,Ống thép hàn,7306,ad,initiation,01/12/2026,15/12/2026,thử nghiệm\n"), _country)
    assert problems == [] and rows[0].country == "JP" and rows[0].comment_deadline == datetime.date(2026, 12, 15)
