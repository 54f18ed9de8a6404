"""Exports neutralise spreadsheet formula injection."""

from ftahub.core.exports import neutralise


def test_formulas_become_text_and_numbers_pass():
    assert neutralise("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert neutralise("+1") == "'+1" and neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("Quả vải") == "Quả vải" and neutralise(-5) == -5 and neutralise(None) is None


def test_a_table_downloads_as_csv_with_a_bom_or_as_a_titled_workbook():
    import io

    from openpyxl import load_workbook

    from ftahub.core.exports import download

    csv = download("csv", ["name", "value"], [["=1+1", 5]], "table")
    assert csv["Content-Disposition"] == 'attachment; filename="table.csv"'
    assert csv.content.decode("utf-8") == "\ufeffname,value\r\n'=1+1,5\r\n"
    xlsx = download("xlsx", ["name", "value"], [["=1+1", 5]], "table", sheet_title="fdi")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.title == "fdi" and [c.value for c in sheet[2]] == ["'=1+1", 5]
