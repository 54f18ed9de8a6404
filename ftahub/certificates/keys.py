"""Verification keys of C/O records, read from a published key set (the key ring itself is hub-wide:
``ftahub.common.keyring``, shared with the transparency log).

Plain Python: no Django.
"""

import datetime
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ftahub.common.keyring import KeyRing, KeyRingError, unb64url

from .payload import PublicKey

KeyError_ = KeyRingError  # the name the C/O pages and commands catch

__all__ = ["KeyError_", "KeyRing", "KeyRingError", "load_keyset"]


def load_keyset(data: object) -> dict[str, PublicKey]:
    """Parse a published key set (dict or JSON text) into verification keys."""
    if isinstance(data, (str, bytes)):
        try:
            data = json.loads(data)
        except json.JSONDecodeError as exc:
            raise KeyError_(f"the key set is not JSON: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("keys"), list):
        raise KeyError_("a key set is {\"keys\": [...]}")
    keys = {}
    for entry in data["keys"]:
        try:
            if entry.get("crv") != "Ed25519":
                continue
            public = Ed25519PublicKey.from_public_bytes(unb64url(entry["x"]))
            keys[entry["kid"]] = PublicKey(
                entry["kid"], public, datetime.date.fromisoformat(entry["not_before"]),
                datetime.date.fromisoformat(entry["not_after"]) if entry.get("not_after") else None,
                entry.get("status", "current"))
        except (KeyError, TypeError, ValueError) as exc:
            raise KeyError_(f"malformed key entry: {exc}") from None
    return keys
