"""Daily sums of crossings and legs, kept beside them so that the dashboard and the figures read a few thousand rows
whatever the volume. Every write path refreshes the days it touched: the crossing import, the leg form, the
generator; ``rebuild`` recomputes everything (``ftahub logistics rollup``)."""

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, F, Q

from .models import Crossing, CrossingDay, Leg, LegDay


def refresh_crossings(keys: Iterable[tuple[int, object]] | None = None) -> int:
    """Recompute the (gate, day) sums given (all when None)."""
    rows = Crossing.objects.all()
    keys = None if keys is None else set(keys)
    if keys is not None:
        if not keys:
            return 0
        q = Q()
        for gate, day in keys:
            q |= Q(gate_id=gate, arrived_on=day)
        rows = rows.filter(q)
    sums: dict[tuple[int, object], dict] = defaultdict(
        lambda: {"vehicles": 0, "kg": 0, "waits": defaultdict(int), "chapters": {}, "demo": False})
    for gate, day, minutes, chapter, kg, demo in rows.values_list("gate", "arrived_on", "wait_minutes", "chapter",
                                                                  "weight_kg", "is_demo").iterator(chunk_size=20_000):
        s = sums[(gate, day)]
        s["vehicles"] += 1
        s["kg"] += kg or 0
        s["demo"] = s["demo"] or demo
        if minutes is not None:
            s["waits"][minutes] += 1
        if chapter:
            c = s["chapters"].setdefault(chapter, [0, 0.0])
            c[0] += 1
            c[1] += float(kg or 0)
    with transaction.atomic():
        if keys is None:
            CrossingDay.objects.all().delete()
        else:
            for gate, day in keys:
                CrossingDay.objects.filter(gate_id=gate, day=day).delete()
        CrossingDay.objects.bulk_create(
            [CrossingDay(gate_id=g, day=d, vehicles=s["vehicles"], kg=s["kg"], demo=s["demo"],
                         waits={str(k): v for k, v in s["waits"].items()}, chapters=s["chapters"])
             for (g, d), s in sums.items()], batch_size=2000)
    return len(sums)


def refresh_legs(keys: Iterable[tuple[int, object]] | None = None) -> int:
    """Recompute the (province, day) sums given (all when None)."""
    rows = Leg.objects.exclude(arrived_on=None)
    keys = None if keys is None else {k for k in keys if k[1] is not None}
    if keys is not None:
        if not keys:
            return 0
        q = Q()
        for province, day in keys:
            q |= Q(province_id=province, arrived_on=day)
        rows = rows.filter(q)
    sums: dict[tuple, list] = defaultdict(lambda: [0, 0, 0, False])
    grouped = rows.values_list("province", "arrived_on", "mode", "destination__kind", "is_demo").annotate(
        n=Count("id"), timed=Count("planned_arrival"),
        on_time=Count("id", filter=Q(arrived_at__lte=F("planned_arrival")))).order_by()
    for province, day, mode, kind, demo, n, timed, on_time in grouped:
        s = sums[(province, day, mode, kind)]
        s[0] += n
        s[1] += timed
        s[2] += on_time
        s[3] = s[3] or demo
    with transaction.atomic():
        if keys is None:
            LegDay.objects.all().delete()
        else:
            for province, day in keys:
                LegDay.objects.filter(province_id=province, day=day).delete()
        LegDay.objects.bulk_create([LegDay(province_id=p, day=d, mode=m, destination_kind=k, legs=s[0], timed=s[1],
                                           on_time=s[2], demo=s[3]) for (p, d, m, k), s in sums.items()],
                                   batch_size=2000)
    return len(sums)


def rebuild() -> tuple[int, int]:
    return refresh_crossings(), refresh_legs()
