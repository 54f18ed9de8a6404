"""Dates that the data keeps as ISO text ("2026-11-30"), as people read them on the hub's pages (30/11/2026)."""

import datetime

from django.utils import formats


def iso_day(text: object, missing: str = "") -> str:
    """An ISO date as the pages write dates; text that is not a date is shown as it is (``missing`` when empty)."""
    if text in (None, ""):
        return missing
    try:
        return formats.date_format(datetime.date.fromisoformat(str(text)), "d/m/Y")
    except ValueError:
        return str(text)
