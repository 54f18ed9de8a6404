import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from ftahub.core.schemas import Error

from .models import TradeAgreement

router = Router(tags=["agreements"])


class AgreementOut(Schema):
    code: str
    name_en: str
    name_vi: str
    kind: str
    signed_on: datetime.date | None
    in_force_vn: datetime.date | None
    co_form: str
    self_certification: str
    parties: list[str]
    notes: str
    sources: dict[str, str | None]


def _out(agreement: TradeAgreement) -> dict:
    return {
        **{f: getattr(agreement, f) for f in ("code", "name_en", "name_vi", "kind", "signed_on", "in_force_vn",
                                              "co_form", "self_certification", "notes", "sources")},
        "parties": sorted(c.iso2 for c in agreement.parties.all()),
    }


@router.get("/agreements", response=list[AgreementOut], summary="Trade agreements in force for Viet Nam")
def list_agreements(request):
    return [_out(a) for a in TradeAgreement.objects.prefetch_related("parties")]


@router.get("/agreements/{code}", response={200: AgreementOut, 404: Error}, summary="One trade agreement")
def get_agreement(request, code: str):
    agreement = TradeAgreement.objects.filter(code__iexact=code).prefetch_related("parties").first()
    if agreement is None:
        return Status(404, {"code": "not_found", "message": f"No agreement with code {code!r}."})
    return _out(get_object_or_404(TradeAgreement, pk=agreement.pk))
