"""This deployment's key rings. ``VAR_DIR/keys``: the C/O desk signs records with it; its key set is published at
``/.well-known/ftahub-keys.json``. ``VAR_DIR/log-keys``: the transparency log signs its checkpoints with its own key,
so that rotating or losing one never touches the other; its key history (every key with its period) is published
with the log, and a checkpoint verifies with the key that was current when it was signed."""

from django.conf import settings

from ftahub.common.keyring import KeyRing


def key_ring() -> KeyRing:
    return KeyRing(settings.VAR_DIR / "keys")


def log_key_ring() -> KeyRing:
    return KeyRing(settings.VAR_DIR / "log-keys")


def published_keyset() -> dict[str, list[dict[str, object]]]:
    return {"keys": key_ring().keyset()}
