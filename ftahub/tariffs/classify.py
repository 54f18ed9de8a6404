"""The classification assistant on this hub's data: the core (``classifier.py``) built from the tariff rows loaded
in the database, HMRC's labelled descriptions and HS 2022 from the data directory, and the province's confirmed
classifications (``ClassificationFeedback``)."""

import gc
import json
import logging
import threading
from pathlib import Path
from typing import Any

from django.db import transaction

from ftahub.common import hscode
from ftahub.core.datadir import data_dir

from . import classifier as core
from .models import ClassificationFeedback, HSCode, TariffEdition, TariffRow

log = logging.getLogger(__name__)
NAMES = Path(__file__).with_name("data") / "trade_names.json"
EXAMPLES = "hs-classification-uk"
_lock = threading.Lock()
_built: tuple[object, core.Classifier] | None = None


class ClassifyError(ValueError):
    """Bad input: ``code`` says what (empty, too long, unknown line)."""

    def __init__(self, code: str, given: str = ""):
        self.code, self.given = code, given
        super().__init__(code)


def _key() -> object:
    """What the index depends on: the tariff editions loaded (a new load rebuilds it)."""
    return tuple(TariffEdition.objects.order_by("dataset").values_list("dataset", "sha256", "loaded_at"))


def classifier() -> core.Classifier:
    """The index for the loaded tariff, built once per process (a few seconds) and rebuilt after a new load."""
    global _built
    key = _key()
    if _built is not None and _built[0] == key:
        return _built[1]
    with _lock:
        if _built is not None and _built[0] == key:
            return _built[1]
        rows = TariffRow.objects.order_by("position").only("level", "code", "description_vi", "description_en")
        lines = core.lines_from_rows(rows)
        examples: list[core.Example] = []
        if (data_dir() / EXAMPLES).is_dir():
            examples = core.read_examples(data_dir() / EXAMPLES)
        else:
            log.warning("no labelled descriptions at %s: the assistant uses the tariff's own text only",
                        data_dir() / EXAMPLES)
        hs6 = list(HSCode.objects.filter(level=HSCode.Level.SUBHEADING).values_list("code", "description_en"))
        names = json.loads(NAMES.read_text(encoding="utf-8"))["names"]
        built = core.Classifier(lines, examples, hs6, names=names)
        _built = (key, built)
        # the index is millions of long-lived objects: keep the collector from walking them on every full pass
        # (a full collection otherwise adds ~100-250 ms to an unlucky request)
        gc.collect()
        gc.freeze()
        return built


def feedback_for(province_id: int | None) -> list[core.Feedback]:
    if province_id is None:
        return []
    return [core.Feedback(text, code, wrong) for text, code, wrong in
            ClassificationFeedback.objects.filter(province_id=province_id)
            .order_by("-created_at").values_list("text", "code", "wrong_code")[:2000]]


def province_of(user) -> int | None:
    """The province whose confirmations a user's suggestions use: an officer's, or their enterprise's."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.province_id:
        return user.province_id
    enterprise = getattr(user, "enterprise", None)
    return enterprise.province_id if enterprise else None


def classify(text: str, top: int = 5, province_id: int | None = None) -> dict[str, Any]:
    """Candidates as data: {query, vague, questions, candidates: [{code, subheading, score, description_vi,
    description_en, path_vi, path_en, why}]}."""
    text = " ".join((text or "").split())
    if not text:
        raise ClassifyError("empty")
    if len(text) > 500:
        raise ClassifyError("too_long")
    top = max(1, min(int(top), 20))
    result = classifier().classify(text, top=top, feedback=feedback_for(province_id))
    return {"query": result.query, "vague": result.vague, "questions": result.questions,
            "candidates": [{"code": c.code, "subheading": c.subheading, "score": c.score,
                            "description_vi": c.description_vi, "description_en": c.description_en,
                            "path_vi": list(c.path_vi), "path_en": list(c.path_en), "why": c.why}
                           for c in result.candidates]}


def record(text: str, code: str, user, province_id: int, wrong_code: str = "",
           source: str = ClassificationFeedback.Source.PAGE) -> ClassificationFeedback:
    """Store a confirmation (or a correction from ``wrong_code``); the audit log records it like any change."""
    text = " ".join((text or "").split())[:300]
    if not text:
        raise ClassifyError("empty")
    try:
        code = hscode.digits(code)
    except hscode.HSCodeError:
        raise ClassifyError("bad_code", code) from None
    if len(code) != 8 or not HSCode.objects.filter(code=code).exists():
        raise ClassifyError("unknown_line", code)
    wrong = ""
    if wrong_code:
        try:
            wrong = hscode.digits(wrong_code)
        except hscode.HSCodeError:
            raise ClassifyError("bad_code", wrong_code) from None
    with transaction.atomic():
        return ClassificationFeedback.objects.create(province_id=province_id, text=text, code=code,
                                                     wrong_code=wrong if wrong != code else "", source=source,
                                                     user=user if getattr(user, "is_authenticated", False) else None)


def suggest(text: str) -> str | None:
    """The most likely HS subheading (6 digits) for a short description, or None (for forms that suggest a code
    for the user to check)."""
    try:
        found = classify(text, 1)["candidates"]
    except ClassifyError:
        return None
    return found[0]["subheading"] if found else None
