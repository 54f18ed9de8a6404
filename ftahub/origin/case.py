"""Read an assessment case (the JSON the CLI and API take) into products and materials, with clear errors.

    {"agreement": "ATIGA",
     "product": {"hs": "8516.60", "fob": 100.0, "ex_works": 95.0, "net_cost": null, "weight_kg": null,
                 "processes": []},
     "materials": [{"hs": "8516.80", "description": "heating element", "value": 20.0, "country": "CN",
                    "originating": false, "weight_kg": null, "materials": []}]}

Plain Python: no Django.
"""

import math
import re
from typing import Any

from ftahub.common import hscode

from .engine import InputError, Material, Product

MAX_MATERIALS = 5000


def _hs(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{where}.hs must be a string such as \"8516.60\"")
    try:
        return hscode.digits(value, levels=(4, 6, 8, 10))[:8]
    except hscode.HSCodeError:
        raise InputError(f"{where}.hs {value!r} is not an HS code of 4, 6, 8 or 10 digits") from None


def _number(data: dict[str, Any], key: str, where: str, required: bool = False) -> float | None:
    value = data.get(key)
    if value is None:
        if required:
            raise InputError(f"{where}.{key} is required")
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InputError(f"{where}.{key} must be a number")
    if value < 0:
        raise InputError(f"{where}.{key} must be zero or more")
    return float(value)


def _country(value: object, where: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value):
        raise InputError(f"{where}.country must be an ISO 3166 alpha-2 code such as \"CN\"")
    return value.upper()


def _material(data: object, where: str, counter: list[int], depth: int) -> Material:
    if not isinstance(data, dict):
        raise InputError(f"{where} must be an object")
    counter[0] += 1
    if counter[0] > MAX_MATERIALS:
        raise InputError(f"more than {MAX_MATERIALS} materials")
    if depth > 20:
        raise InputError(f"{where}: bill of materials nested deeper than 20 levels")
    originating = data.get("originating")
    if originating not in (True, False, None):
        raise InputError(f"{where}.originating must be true, false or null (unknown)")
    description = data.get("description") or ""
    if not isinstance(description, str):
        raise InputError(f"{where}.description must be text")
    subs = data.get("materials") or []
    if not isinstance(subs, list):
        raise InputError(f"{where}.materials must be a list")
    return Material(
        hs=_hs(data.get("hs"), where),
        value=_number(data, "value", where, required=True) or 0.0,
        description=description[:300],
        country=_country(data.get("country"), where),
        originating=originating,
        weight_kg=_number(data, "weight_kg", where),
        quantity=_number(data, "quantity", where),
        materials=[_material(s, f"{where}.materials[{i}]", counter, depth + 1) for i, s in enumerate(subs)],
    )


def read_case(data: object) -> tuple[str | None, Product, list[Material]]:
    """Returns (agreement code or None, product, materials). Raises InputError naming the field at fault."""
    if not isinstance(data, dict):
        raise InputError("the case must be a JSON object with 'product' and 'materials'")
    agreement = data.get("agreement")
    if agreement is not None and not isinstance(agreement, str):
        raise InputError("agreement must be a code such as \"CPTPP\"")
    product_data = data.get("product")
    if not isinstance(product_data, dict):
        raise InputError("product is required (an object with hs and prices)")
    processes = product_data.get("processes") or []
    if not isinstance(processes, list) or not all(isinstance(p, str) for p in processes):
        raise InputError("product.processes must be a list of process names")
    product = Product(
        hs=_hs(product_data.get("hs"), "product"),
        fob=_number(product_data, "fob", "product"),
        ex_works=_number(product_data, "ex_works", "product"),
        net_cost=_number(product_data, "net_cost", "product"),
        weight_kg=_number(product_data, "weight_kg", "product"),
        processes=tuple(p.strip().lower() for p in processes),
        description=str(product_data.get("description") or "")[:300],
        wholly_obtained=product_data.get("wholly_obtained") is True,
    )
    if product.fob is None and product.ex_works is None:
        raise InputError("product needs fob or ex_works (the price the value tests are measured against)")
    materials_data = data.get("materials", [])
    if not isinstance(materials_data, list):
        raise InputError("materials must be a list")
    counter = [0]
    materials = [_material(m, f"materials[{i}]", counter, 0) for i, m in enumerate(materials_data)]
    return (agreement.strip().upper() if agreement else None), product, materials
