"""What the origin pages say about a bill of materials' problems, in the reader's language (the core gives codes)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .bom import Problem

COLUMNS = {"value": gettext_lazy("value"), "weight_kg": gettext_lazy("weight (kg)"),
           "quantity": gettext_lazy("quantity")}
PROBLEMS = {
    "header": gettext_lazy("The header must name at least the columns hs and value."),
    "too_many_rows": gettext_lazy("The file has more than %(limit)s rows."),
    "no_rows": gettext_lazy("The file has no material rows."),
    "empty": gettext_lazy("The file is empty."),
    "not_a_table": gettext_lazy("The file cannot be read as a table."),
    "file_type": gettext_lazy("Upload a .csv or .xlsx file."),
    "hs": gettext_lazy("“%(value)s” is not an HS code of 4, 6, 8 or 10 digits."),
    "originating": gettext_lazy("“%(value)s” is not yes, no or unknown."),
    "country": gettext_lazy("“%(value)s” is not a country: choose one from the list, or type a code such as CN."),
    "required": gettext_lazy("The %(column)s is required."),
    "not_a_number": gettext_lazy("The %(column)s “%(value)s” is not a number."),
    "ambiguous": gettext_lazy("The %(column)s “%(value)s” can be read two ways: write 2500 (no thousands mark) or "
                              "2,5 (decimal comma)."),
    "negative": gettext_lazy("The %(column)s must be zero or more."),
    "currency": gettext_lazy("The %(column)s “%(value)s” is in another currency than the one chosen."),
    "line_twice": gettext_lazy("Line “%(line)s” appears twice."),
    "parent": gettext_lazy("“%(parent)s” is not a line of this bill of materials."),
    "cycle": gettext_lazy("Line “%(line)s” is part of itself."),
    "above_price": gettext_lazy("The materials are worth %(total)s in all, more than the product's price "
                                "%(price)s: check the amounts and the currency."),
}


UNREADABLE = {
    "not_text": gettext_lazy("The file cannot be read as a table: it is not UTF-8 text."),
    "not_xlsx": gettext_lazy("The file cannot be read as a table: it is not a readable XLSX workbook."),
    "too_large": gettext_lazy("The file cannot be read as a table: the workbook declares too many cells or texts, "
                              "or unpacks to far more than its size. Save the sheet again, or upload it as CSV."),
}


def problem(p: Problem) -> str:
    values = dict(p.values)
    if p.code == "not_a_table" and values.get("why") in UNREADABLE:
        return str(UNREADABLE[values["why"]])
    if "column" in values:
        values["column"] = str(COLUMNS.get(values["column"], values["column"]))
    text = PROBLEMS[p.code] % values
    text = text[:1].upper() + text[1:]
    return _("Row %(row)s: %(problem)s") % {"row": p.row, "problem": text} if p.row else text
