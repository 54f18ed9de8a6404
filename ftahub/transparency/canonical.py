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


class _Slow(Exception):
    """The value holds something the standard library's encoder would write differently."""


def _plain(value: object) -> object:
    """The value with integral floats as integers, for ``json.dumps``; raises _Slow where its output would differ
    from RFC 8785 (a float written with an exponent, a key that sorts differently in UTF-16)."""
    if isinstance(value, str) or value is None or isinstance(value, int):
        return value
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise TypeError(f"object keys are strings, not {type(k).__name__}")
            if k and max(k) >= "\ud800":
                raise _Slow
            out[k] = _plain(v)
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("NaN and infinity have no JSON form")
        if value.is_integer() and abs(value) < 1e21:
            return int(value)
        if "e" in repr(value):
            raise _Slow
        return value
    raise TypeError(f"{type(value).__name__} has no JSON form")


def canonical_json(value: object) -> str:
    """The RFC 8785 form of ``value``: the standard library's C encoder on a normalised copy when its output is the
    same (almost always), else written out here."""
    try:
        plain = _plain(value)
    except _Slow:
        return _canonical(value)
    return json.dumps(plain, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _canonical(value: object) -> str:
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: kv[0].encode("utf-16-be"))
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + _canonical(v) for k, v in items) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_canonical(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return _number(value)
    raise TypeError(f"{type(value).__name__} has no JSON form")
