"""The Vietnamese catalogue is complete and every translation keeps its placeholders (a broken one is a 500)."""

import re
from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings

PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sdf]|%")


def catalogue():
    path = Path(settings.LOCALE_PATHS[0]) / "vi" / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        return read_po(handle)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def test_every_message_is_translated():
    missing = [m.id for m in catalogue() if m.id and (not m.string or (isinstance(m.string, tuple)
                                                                         and not all(m.string)))]
    assert missing == []


def test_translations_keep_the_placeholders_of_the_source():
    for message in catalogue():
        if not message.id or "python-format" not in message.flags:
            continue
        source = message.id[0] if isinstance(message.id, tuple) else message.id
        target = message.string[0] if isinstance(message.string, tuple) else message.string
        assert placeholders(source) == placeholders(target), source
