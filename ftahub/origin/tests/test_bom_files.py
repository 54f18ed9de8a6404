"""BOM upload: CSV and XLSX with sub-assemblies, and a per-row error report that assesses nothing."""

import io

import pytest
from openpyxl import Workbook

from ftahub.origin.bom import BomError, flatten, read_bom

CSV = """line,parent,hs,description,value,country,originating,weight_kg
1,,8501.40,motor,60,VN,unknown,
1.1,1,8503.00,stator,25,CN,no,
1.2,1,7408.11,copper wire,20,VN,yes,
2,,3926.90,housing,"1.234,5",TH,có,0.4
"""


def test_csv_with_sub_assemblies_becomes_a_nested_bom():
    materials = read_bom("bom.csv", CSV.encode())
    assert [m["description"] for m in materials] == ["motor", "housing"]
    assert [m["description"] for m in materials[0]["materials"]] == ["stator", "copper wire"]
    assert materials[0]["originating"] is None and materials[1]["originating"] is True
    assert materials[1]["value"] == 1234.5  # Vietnamese number format
    assert [r["line"] for r in flatten(materials)] == ["1", "1.1", "1.2", "2"]


def test_xlsx_reads_like_csv():
    workbook = Workbook()
    sheet = workbook.active
    for row in [["Mã HS", "Mô tả", "Trị giá", "Xuất xứ", "Có xuất xứ"], ["8516.80", "heating element", 20, "CN", "no"]]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    (material,) = read_bom("bom.xlsx", buffer.getvalue())
    assert material["hs"] == "851680" and material["value"] == 20.0 and material["originating"] is False


def test_every_bad_row_is_reported():
    bad = "hs,value,country,originating,line,parent\n85A,10,CN,no,1,\n8516.80,ten,China,maybe,2,9\n"
    with pytest.raises(BomError) as info:
        read_bom("bom.csv", bad.encode())
    errors = " ".join(info.value.errors)
    for expected in ("row 2: hs", "row 3: value", "row 3: originating", "row 3: country", "row 3: parent"):
        assert expected in errors


@pytest.mark.parametrize("name, data, message", [
    ("bom.pdf", b"%PDF", "upload a .csv or .xlsx"),
    ("bom.xlsx", b"not a workbook", "not a readable XLSX"),
    ("bom.csv", b"description\nfoo\n", "at least the columns hs and value"),
    ("bom.csv", "hs,value\n\xff".encode("latin-1"), "not UTF-8"),
    ("bom.csv", b"line,parent,hs,value\n1,2,8501.40,1\n2,1,8503.00,1\n", "inside itself"),
])
def test_unusable_files_get_a_clear_error(name, data, message):
    with pytest.raises(BomError, match=message):
        read_bom(name, data)
