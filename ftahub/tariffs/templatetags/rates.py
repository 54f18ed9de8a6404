"""Rates as the reader writes numbers: "13,6%" in Vietnamese, "13.6%" in English (the cores print a point)."""

import re

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def local_decimal(text):
    if text is None:
        return text
    if (get_language() or "vi").startswith("vi"):
        return re.sub(r"(\d)\.(\d)", r"\1,\2", str(text))
    return text


@register.filter
def hs_dotted(code):
    """'08109020' → '0810.90.20', as the nomenclature prints it."""
    from ftahub.common import hscode

    try:
        return hscode.dotted(str(code))
    except ValueError:
        return code
