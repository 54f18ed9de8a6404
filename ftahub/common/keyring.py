"""The hub's signing keys: private keys outside the database (a file per key, mode 0600, or the
FTAHUB_SIGNING_KEY_<KID> environment variable), the public key set published as JSON with validity periods.
Rotation retires the current key (it stays in the key set, so what it signed still verifies) and starts a new one.
Each ring signs with its current key: the C/O records with one, the transparency log's checkpoints with another.

Key set JSON (also served at /.well-known/ftahub-keys.json):
    {"keys": [{"kid": "bn-2026", "alg": "EdDSA", "crv": "Ed25519", "x": "<base64url public key>",
               "not_before": "2026-01-01", "not_after": null, "status": "current"}]}

Plain Python: no Django.
"""

import base64
import datetime
import json
import os
import re
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


class KeyRingError(ValueError):
    """A key cannot be made, found or read; the message says why."""


KID = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class KeyRing:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.keyset_path = self.folder / "keyset.json"

    def keyset(self) -> list[dict[str, Any]]:
        if not self.keyset_path.exists():
            return []
        keys: list[dict[str, Any]] = json.loads(self.keyset_path.read_text())["keys"]
        return keys

    def _write(self, keys: list[dict[str, Any]]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.keyset_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"keys": keys}, indent=2))
        tmp.replace(self.keyset_path)

    def current(self) -> dict[str, Any] | None:
        return next((k for k in self.keyset() if k["status"] == "current"), None)

    def generate(self, kid: str, today: datetime.date | None = None) -> dict[str, Any]:
        """A new current key; the previous current key is retired from today (rotation)."""
        if not KID.fullmatch(kid):
            raise KeyRingError("a key id is lower-case letters, digits, '.', '_' or '-' (at most 40)")
        keys = self.keyset()
        if any(k["kid"] == kid for k in keys):
            raise KeyRingError(f"key {kid} exists already")
        today = today or datetime.date.today()
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{kid}.pem"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        for k in keys:
            if k["status"] == "current":
                k["status"], k["not_after"] = "retired", today.isoformat()
        public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        entry = {"kid": kid, "alg": "EdDSA", "crv": "Ed25519", "x": b64url(public),
                 "not_before": today.isoformat(), "not_after": None, "status": "current"}
        self._write([*keys, entry])
        return entry

    def adopt_public(self, entries: list[dict[str, Any]]) -> None:
        """Add public keys made elsewhere to this ring's history (never current: no private key here)."""
        keys = self.keyset()
        known = {k["kid"] for k in keys}
        for entry in entries:
            if entry.get("status") == "current":
                raise KeyRingError("an adopted key cannot be current: its private key is not in this ring")
            if entry["kid"] not in known:
                keys.append(dict(entry))
        self._write(keys)

    def private_key(self, kid: str) -> Ed25519PrivateKey:
        env = os.environ.get(f"FTAHUB_SIGNING_KEY_{kid.upper().replace('-', '_').replace('.', '_')}")
        try:
            pem = env.encode() if env else (self.folder / f"{kid}.pem").read_bytes()
        except FileNotFoundError:
            raise KeyRingError(f"no private key for {kid}") from None
        key = serialization.load_pem_private_key(pem, password=None)
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyRingError(f"key {kid} is not an Ed25519 key")
        return key
