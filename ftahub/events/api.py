"""Public read API of the events (trade fairs, trainings, conferences)."""

import datetime

from ninja import Router, Schema

from .models import HubEvent

router = Router(tags=["events"])


class EventOut(Schema):
    id: int
    kind: str
    title: str
    title_en: str
    venue: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    registration_closes_at: datetime.datetime
    capacity: int
    places_left: int
    status: str
    province: int
    is_demo: bool


@router.get("/events", response=list[EventOut], summary="Published events, upcoming first")
def events(request, upcoming: bool = True):
    rows = HubEvent.objects.exclude(status="draft").select_related("province")
    if upcoming:
        rows = rows.filter(ends_at__gte=datetime.datetime.now(datetime.UTC))
    return [{"id": e.pk, "kind": e.kind, "title": e.title, "title_en": e.title_en, "venue": e.venue,
             "starts_at": e.starts_at, "ends_at": e.ends_at, "registration_closes_at": e.registration_closes_at,
             "capacity": e.capacity, "places_left": max(0, e.capacity - e.confirmed_count()), "status": e.status,
             "province": e.province.code, "is_demo": e.is_demo} for e in rows[:200]]
