"""The statistics importers' problems in words (ftahub.core.problems); their English is in ``importers``."""

from django.utils.translation import gettext_lazy as _


def problem_words() -> dict:
    return {
        "stats.gso_province": _("%(label)s: no such province"),
        "stats.gso_country": _("%(label)s: no such country"),
        "stats.empty_workbook": _("The workbook's first sheet is empty: it needs a header row and data."),
        "stats.missing_columns": _("The first row lacks the column(s) %(columns)s."),
        "stats.whole_numbers": _("province, year and month are whole numbers"),
        "stats.no_province": _("there is no province %(province)s among the provinces of %(era)s"),
        "stats.not_yours": _("province %(province)s (%(era)s) is not yours: a province imports its own figures only"),
        "stats.partner": _("partner “%(partner)s” is not a two-letter ISO country code"),
        "stats.hs": _("HS code “%(hs)s” must have 2, 4, 6, 8 or 10 digits"),
        "stats.direction": _("direction is export or import"),
        "stats.period": _("the year or the month is out of range"),
        "stats.value": _("value_usd must be a number, not negative"),
        "stats.sector": _("sector is fdi, domestic or empty"),
        "stats.not_comtrade": _("This is not a Comtrade bulk file: the column(s) %(columns)s are missing."),
        "stats.comtrade_value": _("primaryValue is not a number"),
        "stats.comtrade_period": _("refYear and refMonth are whole numbers"),
        "stats.comtrade_national": _("The Comtrade layout holds the whole country's figures: national staff import "
                                     "it."),
    }
