"""Rates as the reader writes numbers: "13,6%" in Vietnamese, "13.6%" in English (the cores print a point)."""

import re

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()


QUALIFIERS = [  # what the rate reader adds after a rate (rates.Rate.display), in the reader's language
    (re.compile(r"\(not for (?:goods from )?([A-Z]{2}(?:, [A-Z]{2})*)\)"),
     lambda m: _("(not for goods from %(parties)s)") % {"parties": m.group(1)}),
    (re.compile(r"\(in quota; out of quota ([\d.]+%)\)"),
     lambda m: _("(in quota; out of quota %(rate)s)") % {"rate": m.group(1)}),
    (re.compile(r"\(in quota only\)"), lambda m: _("(in quota only)")),
]


@register.filter
def local_decimal(text):
    """A rate as the reader writes it: "13,6%" in Vietnamese, "13.6%" in English, and the reader's qualifiers
    ("không áp dụng cho hàng từ KR") in their language."""
    if text is None:
        return text
    text = str(text)
    for pattern, words in QUALIFIERS:
        text = pattern.sub(words, text)
    if (get_language() or "vi").startswith("vi"):
        return re.sub(r"(\d)\.(\d)", r"\1,\2", text)
    return text


@register.filter
def hs_dotted(code):
    """'08109020' → '0810.90.20', as the nomenclature prints it."""
    from ftahub.common import hscode

    try:
        return hscode.dotted(str(code))
    except ValueError:
        return code
