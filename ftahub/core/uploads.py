"""Uploaded files: is the content what the name says?"""


def content_matches_name(upload, types: dict[str, bytes | tuple[bytes, ...]]) -> bool:
    """Whether the file's suffix is one of ``types`` and its first bytes are that type's (one or several
    signatures). The file is read from the start and left there."""
    suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    head = upload.read(8)
    upload.seek(0)
    return suffix in types and head.startswith(types[suffix])
