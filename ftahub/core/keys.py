"""This deployment's key ring (``VAR_DIR/keys``): the C/O desk signs records with it, the transparency log signs
its checkpoints with it, and the key set it publishes verifies both."""

from django.conf import settings

from ftahub.common.keyring import KeyRing


def key_ring() -> KeyRing:
    return KeyRing(settings.VAR_DIR / "keys")


def published_keyset() -> dict[str, list[dict[str, object]]]:
    return {"keys": key_ring().keyset()}
