import datetime

from django.http import JsonResponse
from ninja import Field, Router, Schema, Status
from ninja.security import django_auth

from ftahub.common import hscode
from ftahub.core.schemas import Error

from .classify import ClassifyError, classify, province_of, record
from .finder import FinderError, lookup
from .models import HSCode
from .search import search_hs

router = Router(tags=["tariffs"])


class HSCodeOut(Schema):
    code: str
    display: str
    level: int
    description_en: str
    description_vi: str
    section: str
    parent: str | None
    path: list[str]
    children: list[str]
    source: str


class SearchHit(Schema):
    code: str
    display: str
    level: int
    description_en: str
    description_vi: str


@router.get("/hs/search", response={200: list[SearchHit], 422: Error},
            summary="Search HS lines by code prefix or words (Vietnamese or English, diacritics-insensitive)")
def hs_search(request, q: str = "", procedure: str = "", limit: int = 20):
    if not q.strip() and not procedure.strip():
        return Status(422, {"code": "empty_query", "message": "Give a code prefix or words to search for, or a "
                                                              "procedure (its legal basis as printed)."})
    return [{"code": h.code, "display": h.display, "level": h.level, "description_en": h.description_en,
             "description_vi": h.description_vi}
            for h in search_hs(q, limit=max(1, min(limit, 200)), procedure=procedure)]


class Explanation(Schema):
    code: str  # no_preference, quota, split, relative_mfn, chapter98, in_out_quota, in_quota_only,
    #            excluded_parties, partner_rate, marker, as_printed
    values: dict[str, str]


class RcepSchedule(Schema):
    letter: str
    group: str
    column: str
    rate_display: str | None
    raw: str | None


class ChosenSchedule(Schema):
    letter: str
    group: str
    source: str


class AgreementRateOut(Schema):
    agreement: str
    name: str
    name_vi: str
    proof_of_origin: str | None
    self_certification: str
    rate: float | str | None
    rate_display: str | None
    saving: float | None = Field(description="MFN minus the agreement's rate, in percentage points; null when either "
                                             "is not a number or the agreement's rate is above MFN (see mfn_lower)")
    mfn_lower: bool = Field(description="The MFN rate is lower than the agreement's: no benefit from this agreement")
    source: str | None
    rule: str | None
    rule_demand: dict | None
    rule_note: str | None
    computed: bool = False
    printed: str | None = None  # the cell as printed in the tariff
    explain: list[Explanation] = []
    schedule: ChosenSchedule | None = None  # RCEP: the partner's schedule
    schedules: list[RcepSchedule] = []  # RCEP: every schedule, when no partner is given
    by_year: dict[str, str]
    by_year_computed: list[str] = []


class ProcedureOut(Schema):
    name: str  # as printed, e.g. "Kiểm dịch thực vật"
    basis: str  # its legal document, e.g. "01/2024/TT-BNNPTNT M9"


class LineOut(Schema):
    code: str
    display: str
    description_en: str
    description_vi: str
    parent: str | None


class PartnerDutiesOut(Schema):
    """Export direction: what the partner charges, from its own schedule where one is loaded (never Viet Nam's)."""

    partner: str | None
    lines: list[dict] = Field(description="The partner's tariff lines of the subheading: code, description, mfn, "
                                          "preferential {agreement: rate as printed}")
    mfn: str | None = None
    edition: str | None
    source: str | None
    fixture: bool
    sites: list[list[str]] = Field(description="Where the partner's tariff is published: [label, address]")


class LookupOut(Schema):
    line: LineOut
    procedures: list[ProcedureOut] = []  # what an import of the line must pass (import direction)
    direction: str
    partner: str | None
    date: str
    mfn: float | str | None
    mfn_display: str | None
    mfn_printed: str | None = None
    mfn_explain: list[Explanation] = []
    ordinary: float | str | None
    ordinary_printed: str | None = None
    ordinary_display: str | None = None
    vat: str | None
    agreements: list[AgreementRateOut]
    notes: list[str]
    years_loaded: list[int]
    years: list[int] = []
    export: PartnerDutiesOut | None = None  # export direction only


@router.get("/tariffs/lookup", response={200: LookupOut, 422: Error},
            summary="Duty on an 8-digit line under every applicable agreement, with MFN, saving and rule of origin")
def tariff_lookup(request, hs: str, direction: str = "import", partner: str | None = None,
                  date: datetime.date | None = None):
    try:
        # the finder's output is plain JSON data already: send it as is (documented by LookupOut)
        return JsonResponse(lookup(hs, direction, partner, date), json_dumps_params={"ensure_ascii": False})
    except FinderError as exc:
        return Status(422, {"code": "bad_lookup", "message": str(exc)})


class ClassifyIn(Schema):
    text: str = Field(description="The goods as a person describes them, in Vietnamese or English (≤ 500 characters)")
    top: int = Field(5, ge=1, le=20)


class Reason(Schema):
    kind: str = Field(description="words | example | hs6 | name | confirmed | corrected_away")
    words: list[str] | str | None = None
    text: str | None = None
    source: str | None = None
    name: str | None = None


class ClassifyCandidate(Schema):
    code: str = Field(description="Viet Nam's 8-digit national line")
    subheading: str = Field(description="HS 2022 subheading (6 digits)")
    score: float
    description_vi: str
    description_en: str
    path_vi: list[str] = Field(description="The rows printed above the line, heading first (Vietnamese)")
    path_en: list[str]
    why: list[Reason]


class ClassifyOut(Schema):
    query: str
    vague: bool = Field(description="Too vague to decide: see questions")
    questions: list[str] = Field(description="What would tell the candidates apart: state (fresh, frozen, dried), "
                                             "material, use, more_words")
    candidates: list[ClassifyCandidate]


class FeedbackIn(Schema):
    text: str
    code: str = Field(description="The right 8-digit line")
    wrong_code: str = Field("", description="The line the assistant proposed, when this is a correction")


class FeedbackOut(Schema):
    id: int
    text: str
    code: str
    wrong_code: str
    province: int


CLASSIFY_ERRORS = {"empty": "Describe the goods.", "too_long": "A description has at most 500 characters.",
                   "bad_code": "Not an HS code.", "unknown_line": "No such 8-digit line in the loaded tariff."}


@router.post("/hs/classify", response={200: ClassifyOut, 422: Error},
             summary="Likely 8-digit lines for a description of goods, with the reasons")
def hs_classify(request, payload: ClassifyIn):
    try:
        return classify(payload.text, payload.top, province_of(request.user))
    except ClassifyError as exc:
        return Status(422, {"code": exc.code, "message": CLASSIFY_ERRORS[exc.code]})


@router.post("/hs/classify/feedback", auth=django_auth, response={201: FeedbackOut, 403: Error, 422: Error},
             summary="Confirm or correct a classification (officers and business users of a province)")
def hs_classify_feedback(request, payload: FeedbackIn):
    user = request.user
    province = province_of(user)
    if province is None:
        return Status(403, {"code": "no_province", "message": "Only a province's officers and businesses record "
                                                              "classifications."})
    try:
        saved = record(payload.text, payload.code, user, province, payload.wrong_code)
    except ClassifyError as exc:
        return Status(422, {"code": exc.code, "message": CLASSIFY_ERRORS[exc.code]})
    return Status(201, {"id": saved.pk, "text": saved.text, "code": saved.code, "wrong_code": saved.wrong_code,
                        "province": saved.province_id})


# after every fixed /hs/... path: "/hs/{code}" would take "/hs/classify" for itself
@router.get("/hs/{code}", response={200: HSCodeOut, 404: Error, 422: Error}, summary="One line of the HS nomenclature")
def get_hs(request, code: str):
    try:
        digits = hscode.digits(code, levels=(2, 4, 6, 8))
    except hscode.HSCodeError:
        return Status(422, {"code": "bad_hs_code", "message": "An HS code has 2, 4, 6 or 8 digits (dots allowed)."})
    hs = HSCode.objects.select_related("section", "parent").filter(code=digits).first()
    if hs is None:
        return Status(404, {"code": "not_found", "message": f"No HS line {digits} is loaded."})
    path = [node.code for node in hs.ancestors()]
    return {
        "code": hs.code, "display": hs.display, "level": hs.level, "description_en": hs.description_en,
        "description_vi": hs.description_vi, "section": hs.section.roman, "parent": hs.parent.code if hs.parent else None,
        "path": path, "children": list(hs.children.values_list("code", flat=True)), "source": hs.source,
    }
