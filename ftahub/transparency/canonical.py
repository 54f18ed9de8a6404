"""Canonical JSON (RFC 8785, JSON Canonicalization Scheme): object keys sorted by their UTF-16 code units, no
insignificant whitespace, strings with only JSON's required escapes, numbers in ECMAScript's shortest form. Used for
the statements on the transparency log and the hash of an EPCIS event. Plain Python: no Django."""

import json
import math
from decimal import Decimal


def _number(value: float) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise ValueError("NaN and infinity have no JSON form")
    if value == 0:
        return "0"
    if value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    text = repr(value)  # shortest round-trip digits, like ECMAScript's Number.prototype.toString
    if "e" in text:
        mantissa, exponent = text.split("e")
        exp = int(exponent)
        if -7 < exp < 21:  # ECMAScript writes these without an exponent
            return format(Decimal(text), "f")
        return f"{mantissa}e{'+' if exp > 0 else '-'}{abs(exp)}"
    return text


def canonical_json(value: object) -> str:
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + canonical_json(v) for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical_json(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return _number(value)
    raise TypeError(f"{type(value).__name__} has no JSON form")
