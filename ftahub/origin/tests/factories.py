"""Small builders for cases, so each test reads like the product it describes."""

from ftahub.origin.engine import Material, Product


def product(hs="851660", fob=100.0, ex_works=None, **fields) -> Product:
    return Product(hs=hs, fob=fob, ex_works=ex_works, **fields)


def foreign(hs, value, country="CN", **fields) -> Material:
    return Material(hs=hs, value=value, country=country, originating=False, **fields)


def local(hs, value, country="VN", **fields) -> Material:
    return Material(hs=hs, value=value, country=country, originating=True, **fields)


def unknown(hs, value, **fields) -> Material:
    return Material(hs=hs, value=value, originating=None, **fields)
