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


# (anchor, term, plain explanation): general definitions of the terms, not any one agreement's legal text
GLOSSARY = [
    ("originating", gettext_lazy("Originating"), gettext_lazy(
        "A product or material that counts as made in the agreement's area under its rules of origin. Only "
        "originating goods get the agreement's lower duty, and only with the proof of origin the agreement asks "
        "for.")),
    ("wo", gettext_lazy("Wholly obtained (WO)"), gettext_lazy(
        "Grown and harvested, born and raised, caught or extracted in the exporting country, or made there only "
        "from such goods. Fresh fruit from your own orchard or fish caught by a Vietnamese vessel are examples.")),
    ("non-originating", gettext_lazy("Non-originating material"), gettext_lazy(
        "A material imported from outside the agreement's area, or whose origin you cannot show (a supplier's "
        "declaration shows it). The tests below are about these materials.")),
    ("cc", gettext_lazy("Change of chapter (CC)"), gettext_lazy(
        "Every non-originating material must be classified in another HS chapter (the first 2 digits) than the "
        "product. Cocoa beans (chapter 18) made into chocolate (chapter 18) do not change chapter; sugar (chapter "
        "17) used in it does.")),
    ("cth", gettext_lazy("Change of heading (CTH)"), gettext_lazy(
        "Every non-originating material must be classified in another HS heading (the first 4 digits) than the "
        "product. Fabric of heading 52.08 made into shirts of heading 62.05 changes heading.")),
    ("ctsh", gettext_lazy("Change of subheading (CTSH)"), gettext_lazy(
        "Every non-originating material must be classified in another HS subheading (the first 6 digits) than the "
        "product.")),
    ("rvc", gettext_lazy("Regional value content (RVC)"), gettext_lazy(
        "The share of the product's price that comes from the agreement's area. The build-down (indirect) method "
        "takes the price minus the non-originating materials, divided by the price; the build-up (direct) method "
        "takes the originating materials divided by the price.")),
    ("net-cost", gettext_lazy("Net cost method"), gettext_lazy(
        "A way of measuring value content against the product's net cost (its total cost less some costs the "
        "agreement lists) instead of its price; used for some goods, such as cars under CPTPP.")),
    ("maxnom", gettext_lazy("Maximum value of non-originating materials"), gettext_lazy(
        "The non-originating materials may be worth at most the given share of the ex-works price (EU-style "
        "rules, such as EVFTA and UKVFTA).")),
    ("de-minimis", gettext_lazy("Tolerance (de minimis)"), gettext_lazy(
        "A small share of non-originating materials that fail a change of classification may still be used, up to "
        "the percentage the agreement sets (for example 10 % of the FOB value).")),
    ("cumulation", gettext_lazy("Cumulation"), gettext_lazy(
        "Originating materials from another party of the same agreement count as originating in your product.")),
    ("psr", gettext_lazy("Product-specific rule"), gettext_lazy(
        "The rule an agreement's annex sets for one HS chapter, heading or subheading. Where an agreement has a "
        "general rule, the annex replaces it for the products it lists.")),
    ("general-rule", gettext_lazy("General rule"), gettext_lazy(
        "The rule an agreement applies to every product its product-specific annex does not list, for example a "
        "regional value content of 40 % or a change of heading.")),
    ("fob", gettext_lazy("FOB price"), gettext_lazy(
        "The price of the goods loaded on board at the port of export, including transport to that port.")),
    ("exw", gettext_lazy("Ex-works price"), gettext_lazy(
        "The price paid to the maker when the goods leave the factory, before transport.")),
    ("co", gettext_lazy("Certificate of origin (C/O)"), gettext_lazy(
        "The document that proves the goods originate. Each agreement has its own form, and some let the exporter "
        "declare the origin itself; the duty finder names the one each agreement uses.")),
]


LEVELS = {"chapter": gettext_lazy("chapter"), "heading": gettext_lazy("heading"),
          "subheading": gettext_lazy("subheading")}


METHODS = {"net-cost": gettext_lazy("net cost"), "build-down": gettext_lazy("build-down (from the imported materials)"),
           "build-up": gettext_lazy("build-up (from the originating materials)"),
           "focused": gettext_lazy("focused value")}


def problem_words() -> dict:
    """The rule audit's flags (ftahub.origin.audit): where a translated rule could say more than its text."""
    return {
        "origin.flag_percent": gettext_lazy("the text's %(value)s %% is not in the rule"),
        "origin.flag_method": lambda values: _("the value method the text names (%(method)s) is not in the rule") % {
            "method": METHODS.get(values.get("method", ""), values.get("method", ""))},
        "origin.flag_unconditional": gettext_lazy("the text sets a condition, but the rule would be met with no "
                                                  "change of classification alone"),
        "origin.flag_change": lambda values: _("the text asks for a change of %(level)s that the rule lacks") % {
            "level": LEVELS.get(values.get("level", ""), values.get("level", ""))},
        "origin.flag_party": gettext_lazy("an alternative the text gives one party only is not kept aside"),
        "origin.flag_split": gettext_lazy("rules the text gives to different goods of the range are joined as "
                                          "alternatives"),
    }
