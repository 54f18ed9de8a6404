"""Reading Viet Nam's whole 2026 tariff (vn-tariff-2026/Tariff.xlsx): every row kept, every rate cell understood,
problems named by file, sheet, row and column. Plain Python, no database."""

import io
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import Workbook

from ftahub.tariffs.rates import form_of, parse_rate
from ftahub.tariffs.vntariff import Procedure, TariffFileError, parse_procedures, read_procedures, read_tariff

DATA = Path(settings.FTAHUB_DATA_DIR) / "vn-tariff-2026"


@pytest.fixture(scope="module")
def tariff():
    return read_tariff(DATA / "Tariff.xlsx")


def test_every_row_of_the_tree_is_read(tariff):
    kinds = Counter(len(r.code) for r in tariff.rows)
    assert len(tariff.rows) == 17646
    assert kinds == {8: 11871, 0: 2662, 6: 2033, 4: 1080}  # lines, text rows ("- Ngựa:"), subheadings, headings
    horses = next(r for r in tariff.rows if r.description_vi == "- Ngựa:")
    assert horses.code == "" and horses.level == 1
    # chapter 98 repeats codes for the goods it maps: those rows stay in the tree as text, reported
    assert len(tariff.notices) == 135 and all("Tariff.xlsx, sheet Tariff, row" in n for n in tariff.notices)


def test_every_rate_cell_is_understood_and_the_counts_are_pinned(tariff):
    forms = Counter(form_of(parse_rate(raw)) for row in tariff.rows for raw in row.rates.values())
    assert forms == {"percent": 236789, "none": 18412, "excluded_parties": 5883, "partner_rate": 920, "split": 768,
                     "relative_mfn": 264, "chapter98": 264, "in_out_quota": 68, "excluded_parties+marker": 51,
                     "quota": 17}
    assert "unclassified" not in forms


@pytest.mark.parametrize("raw, display, mexico", [
    ("23,1; M: 28,8", "23.1%", "28.8%"),  # CPTPP, 8703.23.64: Mexico's own rate after "M:"
    ("0/1,8; M: 0/2,7", "0–1.8%", "0–2.7%"),
    ("12,5 ", "12.5%", "12.5%"),  # a trailing space and a decimal comma
])
def test_partner_rates_and_comma_decimals(raw, display, mexico):
    rate = parse_rate(raw)
    assert rate.display() == display and rate.for_origin("MX").display() == mexico


def test_a_split_cell_is_a_range_never_one_number():
    rate = parse_rate("20/0/0")
    assert rate.kind == "split" and rate.percent is None and rate.display() == "0–20%"
    assert rate.explain()[0] == ("split", {"count": "3", "low": "0", "high": "20"})
    assert parse_rate("*/0").display() == "*/0"  # one item has no preference: shown as printed


def test_a_rate_relative_to_mfn_is_computed_from_the_mfn_rate():
    ordinary = parse_rate("150% thuế MFN")
    assert ordinary.kind == "relative_mfn" and ordinary.relative_to(parse_rate("52")).display() == "78%"
    assert parse_rate("Theo hướng dẫn tại khoản 1.1 Chương 98").explain() == [
        ("chapter98", {"reference": "khoản 1.1 Chương 98"})]


def test_markers_are_kept():
    rate = parse_rate("0(-MM)(GIC)")
    assert rate.percent == 0 and rate.excluded_parties == ("MM",) and rate.markers == ("GIC",)


def workbook(rows) -> bytes:
    book = Workbook()
    book.active.title = "Tariff"
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


HEADER = ["Level", "HSCode", "Description_VN", "Description_EN", "Standard import duty rate", "MFN rate",
          "Import duty rate per AKFTA"]


def test_a_broken_cell_is_named_by_file_sheet_row_and_column(tmp_path):
    path = tmp_path / "Tariff.xlsx"
    path.write_bytes(workbook([HEADER, [0, "0810", "Quả khác", "Other fruit", "", "", ""],
                               [2, "08109020", "- - Quả vải", "- - Lychees", "45", "30", "0 (-KR"]]))
    with pytest.raises(TariffFileError) as caught:
        read_tariff(path)
    assert str(caught.value).startswith("Tariff.xlsx, sheet Tariff, row 3, column Import duty rate per AKFTA: ")


def test_a_repeated_code_outside_chapter_98_is_refused(tmp_path):
    path = tmp_path / "Tariff.xlsx"
    path.write_bytes(workbook([HEADER, [2, "08109020", "- - Quả vải", "- - Lychees", "45", "30", "0"],
                               [2, "08109020", "- - Quả vải", "- - Lychees", "45", "30", "0"]]))
    with pytest.raises(TariffFileError, match="row 3, column HSCode: code 08109020 appears twice"):
        read_tariff(path)


def test_procedures_are_items_with_their_legal_basis():
    assert parse_procedures("Kiểm dịch thực vật (01/2024/TT-BNNPTNT M9); Hàng hóa được nhập khẩu dưới hình thức "
                            "mua bán (42/2019/TT-BCT & 34/2025/TT-BCT )") == [
        Procedure("Kiểm dịch thực vật", "01/2024/TT-BNNPTNT M9"),
        Procedure("Hàng hóa được nhập khẩu dưới hình thức mua bán", "42/2019/TT-BCT & 34/2025/TT-BCT")]
    procedures = read_procedures(DATA / "Specialised_procedures.xlsx")
    assert len(procedures) == 7928 and sum(len(v) for v in procedures.values()) == 17753
    assert ("Động vật, sản phẩm động vật trên cạn phải kiểm dịch", "01/2024/TT-BNNPTNT M1") in [
        (p.name, p.basis) for p in procedures["01012100"]]
