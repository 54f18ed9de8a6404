"""Base45 (RFC 9285): the alphanumeric QR mode's alphabet, so a binary payload fits a QR code compactly.

Plain Python: no Django.
"""

import struct

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
INDEX = {c: i for i, c in enumerate(ALPHABET)}


class Base45Error(ValueError):
    pass


def encode(data: bytes) -> str:
    out = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        n, c = divmod(n, 45)
        e, d = divmod(n, 45)
        out += [ALPHABET[c], ALPHABET[d], ALPHABET[e]]
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += [ALPHABET[c], ALPHABET[d]]
    return "".join(out)


# byte -> its base45 value, 0xFF for bytes outside the alphabet
_VALUES = bytes(INDEX.get(chr(b), 0xFF) for b in range(256))


def decode(text: str) -> bytes:
    """Decode by columns: the text's bytes become values 0..44 in one translate, then each triple's
    ``c + 45 d + 2025 e`` is packed as a big-endian 16-bit number (struct refuses a triple above 0xFFFF)."""
    try:
        raw = text.encode("ascii")
    except UnicodeEncodeError:
        raise Base45Error("base45 text has a character outside the alphabet") from None
    values = raw.translate(_VALUES)
    if 0xFF in values:
        bad = text[values.index(0xFF)]
        raise Base45Error(f"{bad!r} is not a base45 character")
    full, rest = divmod(len(values), 3)
    if rest == 1:
        raise Base45Error("base45 text has a stray character at the end")
    body = values[:full * 3]
    numbers = [c + d * 45 + e * 2025 for c, d, e in zip(body[0::3], body[1::3], body[2::3], strict=True)]
    try:
        out = struct.pack(f">{full}H", *numbers)
    except struct.error:
        raise Base45Error("base45 triple out of range") from None
    if rest == 2:
        n = values[-2] + values[-1] * 45
        if n > 0xFF:
            raise Base45Error("base45 pair out of range")
        out += bytes((n,))
    return out
