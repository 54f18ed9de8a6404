"""The tariff's codes in the reader's language: column names, what a printed rate means, RCEP schedule groups.
The cores return codes and values; this is the edge that words them (gettext)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

COLUMNS = {
    "nktt": gettext_lazy("Ordinary rate"),
    "nkud": gettext_lazy("MFN rate"),
    "vat": gettext_lazy("VAT"),
    "ttdb": gettext_lazy("Special consumption tax"),
    "xk": gettext_lazy("Export duty"),
    "bvmt": gettext_lazy("Environmental protection tax"),
}
GROUPS = {"ASEAN": gettext_lazy("ASEAN members"), "AU": gettext_lazy("Australia"), "CN": gettext_lazy("China"),
          "JP": gettext_lazy("Japan"), "KR": gettext_lazy("Korea"), "NZ": gettext_lazy("New Zealand")}


def column_label(column: str, agreement_code: str | None = None) -> str:
    if column.startswith("rcept_"):
        from .finder import rcep_schedules

        letter = column[-1].upper()
        group = next((s["group"] for s in rcep_schedules()["schedules"] if s["letter"] == letter), "")
        return _("RCEP, schedule %(letter)s (%(group)s)") % {"letter": letter, "group": GROUPS.get(group, group)}
    if agreement_code:
        return agreement_code
    return str(COLUMNS.get(column, column))


def explain(code: str, values: dict[str, str]) -> str:
    """One meaning of a printed rate, in the reader's language."""
    texts = {
        "no_preference": _("No preferential rate under this agreement for this line."),
        "quota": _("Subject to the agreement's tariff-rate quota: the rate is set by the quota rules."),
        "split": _("The line covers items of the agreement's schedule with different rates (%(low)s–%(high)s%%): "
                   "which applies depends on the goods; read the decree's schedule."),
        "relative_mfn": _("%(percent)s%% of the MFN rate."),
        "chapter98": _("Set by %(reference)s of the tariff (Chapter 98)."),
        "as_printed": _("Kept as printed: the hub cannot read it as a number."),
        "in_out_quota": _("In-quota rate %(in)s%%; out of quota %(out)s%%."),
        "in_quota_only": _("In-quota rate %(in)s%% only; out of quota there is no preferential rate."),
        "excluded_parties": _("Not for goods from %(parties)s: they get no preferential rate."),
        "partner_rate": _("Goods from %(party)s: %(rate)s (the schedule's own rate for that party)."),
        "marker": _("Marked %(marker)s in the schedule."),
    }
    if code == "split" and not values.get("low"):
        return _("The line covers items of the agreement's schedule with different rates, some with none: which "
                 "applies depends on the goods; read the decree's schedule.")
    text = texts.get(code)
    return text % values if text else code


def explained(items: list[dict]) -> list[str]:
    return [explain(item["code"], item["values"]) for item in items]
