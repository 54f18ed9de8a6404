"""Read API of the C/O desk for signed-in users (session): applications they may see, with the pre-check."""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.security import django_auth

from . import precheck
from .models import Application

router = Router(tags=["C/O desk"], auth=django_auth)


class FindingOut(Schema):
    severity: str
    code: str
    field: str
    message: str


class ItemOut(Schema):
    position: int
    hs_code: str
    description: str
    quantity: str
    unit: str
    fob_value: str
    criterion: str
    assessment_id: int | None


class ApplicationOut(Schema):
    reference: str
    status: str
    enterprise: str
    agreement: str
    form: str
    destination: str
    created_at: datetime.datetime
    ecosys_number: str
    items: list[ItemOut] = []


def _out(app: Application, with_items: bool) -> dict:
    data = {"reference": app.reference, "status": app.status, "enterprise": app.enterprise.tax_code,
            "agreement": app.agreement.code, "form": app.form, "destination": app.destination,
            "created_at": app.created_at, "ecosys_number": app.ecosys_number, "items": []}
    if with_items:
        data["items"] = [{"position": i.position, "hs_code": i.hs_code, "description": i.description,
                          "quantity": f"{i.quantity.normalize():f}", "unit": i.unit, "fob_value": f"{i.fob_value:.2f}",
                          "criterion": i.criterion, "assessment_id": i.assessment_id} for i in app.items.all()]
    return data


def _visible(request):
    return Application.objects.visible_to(request.user).select_related("enterprise", "agreement")


@router.get("/co/applications", response=list[ApplicationOut], summary="C/O applications the user may see")
def applications(request, status: str | None = None):
    apps = _visible(request)
    if status:
        apps = apps.filter(status=status)
    return [_out(a, False) for a in apps[:500]]


@router.get("/co/applications/{reference}", response=ApplicationOut, summary="One C/O application with its goods")
def application(request, reference: str):
    return _out(get_object_or_404(_visible(request), reference=reference), True)


@router.get("/co/applications/{reference}/precheck", response=list[FindingOut],
            summary="What the pre-check finds missing or inconsistent in an application")
def application_precheck(request, reference: str):
    app = get_object_or_404(_visible(request), reference=reference)
    return [{"severity": f.severity, "code": f.code, "field": f.field, "message": f.message}
            for f in precheck.run(app)]
