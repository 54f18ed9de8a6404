"""The eCoSys adapter interface. eCoSys (ecosys.gov.vn) offers no public API today, so the hub hands the officer a
file and a checklist, and the officer types the outcome back (``ManualAdapter``). A direct connection implements the
same two methods and is selected with the setting FTAHUB_ECOSYS_ADAPTER (a dotted path)."""

import datetime
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Outcome:
    co_number: str
    issued_on: datetime.date
    issuing_body: str


class EcosysAdapter(Protocol):
    name: str

    def hand_off(self, package: dict) -> str | None:
        """Send the hand-off package; return eCoSys's reference if the adapter submits directly, else None."""

    def outcome(self, reference: str, entered: Outcome | None) -> Outcome | None:
        """The certificate eCoSys issued for the application, or None if not issued yet."""


class ManualAdapter:
    """The officer enters the application in eCoSys from the hand-off file and types the outcome back."""

    name = "manual"

    def hand_off(self, package: dict) -> str | None:
        return None

    def outcome(self, reference: str, entered: Outcome | None) -> Outcome | None:
        return entered


def adapter() -> EcosysAdapter:
    return import_string(getattr(settings, "FTAHUB_ECOSYS_ADAPTER", "ftahub.codesk.ecosys.ManualAdapter"))()
