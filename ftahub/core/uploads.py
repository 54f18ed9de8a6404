"""Uploaded files: is the content what the name says? And a file kept between a preview and its confirmation."""

import secrets
from collections.abc import Iterable

from django.conf import settings


def _folder():
    return settings.VAR_DIR / "imports"


def stash(chunks: Iterable[bytes]) -> str:
    """Keep an uploaded file (written piece by piece, never whole in memory) under ``VAR_DIR/imports``, not in the
    session; returns the token that names it. The worker's housekeeping deletes what is never confirmed."""
    token = secrets.token_hex(16)
    _folder().mkdir(parents=True, exist_ok=True)
    with (_folder() / token).open("wb") as stored:
        for chunk in chunks:
            stored.write(chunk)
    return token


def unstash(token: str) -> bytes | None:
    """The kept file's bytes, and the file removed; None when the token names none (gone, or not a token)."""
    path = _folder() / str(token)
    if not str(token).isalnum() or not path.is_file():
        return None
    data = path.read_bytes()
    path.unlink()
    return data


def content_matches_name(upload, types: dict[str, bytes | tuple[bytes, ...]]) -> bool:
    """Whether the file's suffix is one of ``types`` and its first bytes are that type's (one or several
    signatures). The file is read from the start and left there."""
    suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    head = upload.read(8)
    upload.seek(0)
    return suffix in types and head.startswith(types[suffix])
