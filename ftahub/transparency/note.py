"""Signed notes and transparency-log checkpoints in the C2SP formats (signed-note, tlog-checkpoint), Ed25519.

A note is UTF-8 text ending in a newline; a blank line; then signature lines ``— <key name> <base64(key hash ‖
signature)>``. The key hash is the first 4 bytes of SHA-256(name ‖ "\\n" ‖ 0x01 ‖ public key); a verifier key is
written ``<name>+<key hash hex>+<base64(0x01 ‖ public key)>``. A checkpoint's text is ``<origin>\\n<size>\\n<base64
root hash>\\n`` followed by optional extension lines.

Plain Python: no Django.
"""

import base64
import hashlib
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ED25519 = 0x01
DASH = "\u2014"
MAX_NOTE = 1 << 20


class NoteError(ValueError):
    pass


def key_hash(name: str, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + bytes([ED25519]) + public_key).digest()[:4]


def _valid_name(name: str) -> bool:
    return bool(name) and "+" not in name and not any(c.isspace() for c in name)


@dataclass(frozen=True)
class Verifier:
    name: str
    key_hash: bytes
    public_key: Ed25519PublicKey

    @classmethod
    def parse(cls, vkey: str) -> "Verifier":
        parts = vkey.strip().split("+", 2)
        if len(parts) != 3 or not _valid_name(parts[0]) or not re.fullmatch(r"[0-9a-f]{8}", parts[1]):
            raise NoteError("a verifier key reads <name>+<8 hex digits>+<base64 key>")
        try:
            raw = base64.b64decode(parts[2], validate=True)
        except ValueError:
            raise NoteError("the verifier key is not valid base64") from None
        if len(raw) != 33 or raw[0] != ED25519:
            raise NoteError("only Ed25519 verifier keys are supported")
        if key_hash(parts[0], raw[1:]) != bytes.fromhex(parts[1]):
            raise NoteError("the verifier key's hash does not match its name and key")
        return cls(parts[0], bytes.fromhex(parts[1]), Ed25519PublicKey.from_public_bytes(raw[1:]))


@dataclass(frozen=True)
class Signer:
    name: str
    private_key: Ed25519PrivateKey

    @classmethod
    def generate(cls, name: str) -> "Signer":
        if not _valid_name(name):
            raise NoteError("a key name has no spaces and no '+'")
        return cls(name, Ed25519PrivateKey.generate())

    @property
    def public_bytes(self) -> bytes:
        return self.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    @property
    def key_hash(self) -> bytes:
        return key_hash(self.name, self.public_bytes)

    def verifier_key(self) -> str:
        return (f"{self.name}+{self.key_hash.hex()}+"
                f"{base64.b64encode(bytes([ED25519]) + self.public_bytes).decode()}")

    def verifier(self) -> Verifier:
        return Verifier.parse(self.verifier_key())

    def sign(self, text: str) -> str:
        """The signed note: ``text`` (which must end in a newline), a blank line, one signature line."""
        _check_text(text)
        signature = self.private_key.sign(text.encode())
        line = f"{DASH} {self.name} {base64.b64encode(self.key_hash + signature).decode()}\n"
        return f"{text}\n{line}"


def _check_text(text: str) -> None:
    if not text.endswith("\n") or "\n\n" in text[:-1] + "x":
        raise NoteError("note text must end in a newline and have no blank line")


def open_note(note: str, verifiers: list[Verifier]) -> tuple[str, list[str]]:
    """Check a signed note. Returns (text, names of the known keys whose signatures verify). Raises NoteError if the
    note is malformed, or if no known key signed it, or if a known key's signature is bad."""
    if len(note) > MAX_NOTE:
        raise NoteError("note too large")
    text, sep, signatures = note.rpartition("\n\n")
    if not sep or not signatures.endswith("\n"):
        raise NoteError("a signed note is text, a blank line, then signature lines")
    text += "\n"
    _check_text(text)
    by_hash = {(v.name, v.key_hash): v for v in verifiers}
    good: list[str] = []
    for line in signatures[:-1].split("\n"):
        match = re.fullmatch(rf"{DASH} (\S+) ([A-Za-z0-9+/=]+)", line)
        if not match:
            raise NoteError(f"malformed signature line {line[:60]!r}")
        try:
            blob = base64.b64decode(match.group(2), validate=True)
        except ValueError:
            raise NoteError("signature is not valid base64") from None
        if len(blob) < 5:
            raise NoteError("signature too short")
        verifier = by_hash.get((match.group(1), blob[:4]))
        if verifier is None:
            continue  # a signature by a key we do not know is ignored, as the spec says
        try:
            verifier.public_key.verify(blob[4:], text.encode())
        except InvalidSignature:
            raise NoteError(f"bad signature by {verifier.name}") from None
        good.append(verifier.name)
    if not good:
        raise NoteError("no signature by a known key")
    return text, good


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def text(self) -> str:
        lines = [self.origin, str(self.size), base64.b64encode(self.root).decode(), *self.extensions]
        return "\n".join(lines) + "\n"

    @classmethod
    def parse(cls, text: str) -> "Checkpoint":
        lines = text.split("\n")
        if len(lines) < 4 or lines[-1] != "":
            raise NoteError("a checkpoint has an origin, a size and a root hash, each on its own line")
        origin, size, root = lines[0], lines[1], lines[2]
        if not origin or not re.fullmatch(r"0|[1-9]\d{0,19}", size):
            raise NoteError("the checkpoint's origin or size is malformed")
        try:
            root_bytes = base64.b64decode(root, validate=True)
        except ValueError:
            raise NoteError("the checkpoint's root hash is not base64") from None
        if len(root_bytes) != 32:
            raise NoteError("the checkpoint's root hash is not 32 bytes")
        return cls(origin, int(size), root_bytes, tuple(lines[3:-1]))
