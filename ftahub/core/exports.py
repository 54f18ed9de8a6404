"""Safe CSV/XLSX cells: text that a spreadsheet would run as a formula is neutralised."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text starting with = + - @ (or a tab or carriage return) gets a leading apostrophe; numbers pass."""
    if isinstance(value, str) and value[:1] in FORMULA_STARTS:
        return "'" + value
    return value
