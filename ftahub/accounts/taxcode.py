"""Vietnamese enterprise tax codes (mã số thuế): 10 digits with a check digit, 13 for a branch (NNNNNNNNNN-NNN)."""

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.vn import mst


class InvalidTaxCode(ValueError):
    pass


def normalise_tax_code(value: str) -> str:
    """Return the tax code in its printed form (``0100233488`` or ``0314409058-002``), or raise InvalidTaxCode."""
    try:
        compact = mst.validate(value)
    except StdnumError as exc:
        raise InvalidTaxCode(f"{value!r} is not a valid Vietnamese tax code: {exc.message}") from exc
    return mst.format(compact)
