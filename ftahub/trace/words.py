"""EPCIS codes as words a person reads (the edge of the traceability core, which stores and returns the codes):
business steps and dispositions of the GS1 Core Business Vocabulary 2.0, event types, sensor measurement types and
UN/CEFACT Recommendation 20 unit codes. A code outside these lists is shown as it came, so nothing is hidden."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# CBV 2.0 business steps (the enum of bizStep-JSON-Schema.json), plus "harvesting", which the farm form records
BIZ_STEPS = {
    "accepting": _("accepted"), "arriving": _("arrived"), "assembling": _("assembled"),
    "collecting": _("collected"), "commissioning": _("identified (labelled)"), "consigning": _("consigned"),
    "creating_class_instance": _("lot created"), "cycle_counting": _("counted in stock"),
    "decommissioning": _("label withdrawn"), "departing": _("departed"), "destroying": _("destroyed"),
    "disassembling": _("disassembled"), "dispensing": _("dispensed"), "encoding": _("label encoded"),
    "entering_exiting": _("entered or left a place"), "holding": _("held"), "inspecting": _("inspected"),
    "installing": _("installed"), "killing": _("slaughtered"), "loading": _("loaded"), "other": _("other step"),
    "packing": _("packed"), "picking": _("picked"), "receiving": _("received"), "removing": _("removed"),
    "repackaging": _("repacked"), "repairing": _("repaired"), "replacing": _("replaced"), "reserving": _("reserved"),
    "retail_selling": _("sold at retail"), "shipping": _("shipped"), "staging_outbound": _("staged for dispatch"),
    "stock_taking": _("stocktaken"), "stocking": _("put on shelves"), "storing": _("stored"),
    "transporting": _("transported"), "unloading": _("unloaded"), "unpacking": _("unpacked"),
    "void_shipping": _("shipment cancelled"), "sensor_reporting": _("sensor readings"), "sampling": _("sampled"),
    "harvesting": _("harvested"),
}

DISPOSITIONS = {
    "active": _("active"), "available": pgettext_lazy("goods", "available"),
    "completeness_verified": _("completeness verified"), "completeness_inferred": _("completeness inferred"),
    "conformant": _("conformant"), "container_closed": _("container closed"), "container_open": _("container open"),
    "damaged": _("damaged"), "destroyed": _("destroyed"), "dispensed": _("dispensed"), "disposed": _("disposed of"),
    "encoded": _("label encoded"), "expired": _("expired"), "in_progress": _("in progress"),
    "in_transit": _("in transit"), "inactive": _("inactive"), "mismatch_instance": _("item mismatch"),
    "mismatch_class": _("product mismatch"), "mismatch_quantity": _("quantity mismatch"),
    "needs_replacement": _("needs replacement"), "no_pedigree_match": _("no pedigree match"),
    "non_conformant": _("non-conformant"), "non_sellable_other": _("not for sale"),
    "partially_dispensed": _("partly dispensed"), "recalled": _("recalled"), "reserved": _("reserved"),
    "retail_sold": _("sold at retail"), "returned": _("returned"), "sellable_accessible": _("on sale"),
    "sellable_not_accessible": _("sellable, not yet on sale"), "stolen": _("stolen"),
    "unavailable": pgettext_lazy("goods", "unavailable"), "unknown": pgettext_lazy("goods", "unknown"),
}

EVENT_TYPES = {
    "ObjectEvent": _("goods recorded"), "AggregationEvent": _("packed together or unpacked"),
    "TransactionEvent": _("business transaction"), "TransformationEvent": _("processed into new goods"),
    "AssociationEvent": _("device attached"),
}

MEASUREMENTS = {
    "Temperature": _("temperature"), "RelativeHumidity": _("relative humidity"),
    "AbsoluteHumidity": _("absolute humidity"), "Pressure": _("pressure"), "Illuminance": _("light"),
    "Acceleration": _("shock (acceleration)"), "Mass": _("mass"), "Volume": _("volume"), "Length": _("length"),
    "Count": _("count"), "Time": pgettext_lazy("measurement", "time"), "Speed": _("speed"),
    "VolumeFraction": _("gas share (by volume)"), "MassConcentration": _("concentration"),
    "Altitude": _("altitude"), "Voltage": _("voltage"), "Dimensionless": _("value"),
}

# UN/CEFACT Recommendation 20 codes: symbols read the same in both languages, counted things are words
UNITS = {
    "CEL": "°C", "FAH": "°F", "KEL": "K", "P1": "%", "KGM": "kg", "GRM": "g", "TNE": "t", "LTR": "l", "MTR": "m",
    "CMT": "cm", "MMT": "mm", "MTK": "m²", "MTQ": "m³", "LUX": "lx", "KPA": "kPa", "PAL": "Pa", "BAR": "bar",
    "SEC": "s", "MIN": "min", "HUR": "h", "KMH": "km/h", "MTS": "m/s", "VLT": "V", "MGM": "mg", "MLT": "ml",
    "H87": _("pieces"), "C62": _("units"), "XBX": _("boxes"), "XPX": _("pallets"), "XCT": _("cartons"),
}


def _short(code: str) -> str:
    return (code or "").rsplit("-", 1)[-1].rsplit(":", 1)[-1] if code else ""


def biz_step(code: str) -> str:
    return str(BIZ_STEPS.get(_short(code), code or "—"))


def disposition(code: str) -> str:
    return str(DISPOSITIONS.get(_short(code), code or "—"))


def event_type(code: str) -> str:
    return str(EVENT_TYPES.get(code, code or "—"))


def measurement(code: str) -> str:
    return str(MEASUREMENTS.get(_short(code), code or ""))


def unit(code: str) -> str:
    return str(UNITS.get(code, code or ""))


def alert_text(alert) -> str:
    """An alert from its reading and threshold: '… : temperature 7.5 °C, above the range 1–5 °C'."""
    from django.utils.formats import number_format
    from django.utils.translation import gettext

    reading, threshold = alert.reading, alert.threshold
    symbol = unit(threshold.uom)
    low = "…" if threshold.minimum is None else number_format(threshold.minimum)
    high = "…" if threshold.maximum is None else number_format(threshold.maximum)
    value = reading.value
    above = threshold.maximum is not None and value is not None and value > threshold.maximum
    text = (gettext("%(product)s: %(what)s %(value)s %(unit)s, above the range %(low)s–%(high)s %(unit)s") if above
            else gettext("%(product)s: %(what)s %(value)s %(unit)s, below the range %(low)s–%(high)s %(unit)s"))
    return text % {"product": threshold.product, "what": measurement(threshold.type),
                   "value": "—" if value is None else number_format(value), "unit": symbol, "low": low, "high": high}


def problem_words() -> dict:
    """The farm form's and the data logger file's problems (ftahub.trace.farm) in words."""
    return {
        "trace.gtin_length": _("GTIN “%(gtin)s” must have 8, 12, 13 or 14 digits."),
        "trace.gtin_check": _("GTIN “%(gtin)s” has a wrong check digit (the last digit should be %(expected)s): "
                              "check the number on the label."),
        "trace.lot": _("Lot “%(lot)s”: 1 to 20 letters, digits or GS1 symbols."),
        "trace.time_zone": _("The time needs a time zone."),
        "trace.step": _("There is no step “%(step)s”."),
        "trace.quantity": _("The quantity must be more than zero."),
        "trace.header": _("The first line must name the columns: time, temperature (and device if you have it)."),
        "trace.too_many_rows": _("More than %(limit)s rows: split the file."),
        "trace.time": _("time “%(time)s” is not a date and time"),
        "trace.temperature": _("temperature “%(value)s” is not a number"),
        "trace.implausible": _("a temperature of %(value)s °C is not plausible"),
        "trace.no_readings": _("The file has no readings."),
    }
