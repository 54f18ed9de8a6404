"""The support centre in the API: the published FAQ, a user's questions, the action plans' progress."""

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.security import django_auth

from . import service

router = Router(tags=["support centre"])


class FaqOut(Schema):
    id: int
    topic: str
    hs_codes: str
    question: str
    answer: str
    answered_on: datetime.date | None


class QuestionOut(Schema):
    id: int
    title: str
    topic: str
    status: str
    asked_at: datetime.datetime
    due_at: datetime.datetime | None
    answered_at: datetime.datetime | None
    answer: str
    rating: int | None


class IndicatorOut(Schema):
    name: str
    unit: str
    target: float | None
    value: float | None
    source: str  # reported, co_issued, trained, answered, exports


class PlanOut(Schema):
    id: int
    title: str
    province: int
    starts_on: datetime.date
    ends_on: datetime.date
    tasks: int
    done: int
    late: int
    indicators: list[IndicatorOut]
    demo: bool


@router.get("/support/faq", response=list[FaqOut], summary="Answered questions the province published, anonymised")
def faq(request, q: str = "", topic: str = ""):
    return [{"id": x.pk, "topic": x.topic, "hs_codes": x.hs_codes, "question": x.faq_question,
             "answer": x.faq_answer, "answered_on": x.answered_at.date() if x.answered_at else None}
            for x in service.faq(q, topic)[:200]]


@router.get("/support/questions", response=list[QuestionOut], auth=django_auth,
            summary="Questions the caller may see: a business its own, officers their province's")
def questions(request):
    return [{"id": x.pk, "title": x.title, "topic": x.topic, "status": x.status, "asked_at": x.created_at,
             "due_at": x.due_at, "answered_at": x.answered_at, "answer": x.answer, "rating": x.rating}
            for x in service.question_scope(request.user)[:500]]


@router.get("/support/plans/{pk}", response=PlanOut, auth=django_auth,
            summary="An action plan's progress: tasks done and late, indicators for the year so far")
def plan(request, pk: str):
    if request.user.role == "business" or not pk.isdigit():
        raise PermissionDenied
    p = get_object_or_404(service.plan_scope(request.user), pk=int(pk))
    status = service.plan_status(p)
    today = datetime.date.today()
    start, end = max(p.starts_on, datetime.date(today.year, 1, 1)), min(p.ends_on, today)
    return {"id": p.pk, "title": p.title, "province": p.province.code, "starts_on": p.starts_on, "ends_on": p.ends_on,
            "tasks": len(status["tasks"]), "done": status["done"], "late": len(status["late"]), "demo": p.is_demo,
            "indicators": [{"name": r["indicator"].name, "unit": r["indicator"].unit,
                            "target": float(r["indicator"].target) if r["indicator"].target is not None else None,
                            "value": float(r["value"]) if r["value"] is not None else None, "source": r["source"]}
                           for r in service.indicator_rows(p, start, end)]}
