"""Generated logistics volumes for the demo and the benchmark, labelled demo: border crossings with waiting times and
legs between the demo facilities. Deterministic for a seed."""

import datetime
import random

from django.utils import timezone

from .models import Consignment, Crossing, Facility, Leg, local_day

CHAPTERS = ["08", "03", "09", "44", "64", "85", "61", "07", "20", "94"]


def crossings(gates: list[Facility], count: int, days: int = 90, seed: int = 1, batch: int = 20_000,
              end: datetime.datetime | None = None) -> int:
    rng = random.Random(seed)
    end = end or timezone.now()
    made = 0
    while made < count:
        chunk = []
        for _ in range(min(batch, count - made)):
            gate = gates[rng.randrange(len(gates))]
            arrived = end - datetime.timedelta(minutes=rng.randrange(days * 24 * 60))
            wait = int(rng.lognormvariate(5.0, 0.7))  # a median near 150 minutes, a long tail
            cleared = arrived + datetime.timedelta(minutes=int(wait * 0.8))
            exited = arrived + datetime.timedelta(minutes=wait)
            chunk.append(Crossing(gate=gate, direction="export" if rng.random() < 0.7 else "import",
                                  vehicle=f"DEMO-{rng.randrange(10_000, 99_999)}", arrived_at=arrived,
                                  cleared_at=cleared, exited_at=exited, wait_minutes=wait, arrived_on=local_day(arrived),
                                  chapter=CHAPTERS[rng.randrange(len(CHAPTERS))], goods="",
                                  weight_kg=rng.randrange(5_000, 30_000), source="demo generator", is_demo=True))
        Crossing.objects.bulk_create(chunk)
        made += len(chunk)
    from .rollup import refresh_crossings

    refresh_crossings()
    return made


def legs(consignment: Consignment, facilities: list[Facility], count: int, days: int = 365, seed: int = 2,
         batch: int = 20_000, end: datetime.datetime | None = None) -> int:
    rng = random.Random(seed)
    end = end or timezone.now()
    modes = ["road"] * 6 + ["sea"] * 2 + ["rail", "river", "air"]
    made = 0
    position = 0
    while made < count:
        chunk = []
        for _ in range(min(batch, count - made)):
            origin, destination = rng.sample(facilities, 2)
            planned = end - datetime.timedelta(minutes=rng.randrange(days * 24 * 60))
            duration = datetime.timedelta(hours=rng.randrange(2, 48))
            arrived = planned + datetime.timedelta(minutes=int(rng.gauss(0, 120)))
            position += 1
            chunk.append(Leg(consignment=consignment, position=position % 30000, mode=modes[rng.randrange(len(modes))],
                             origin=origin, destination=destination, planned_departure=planned - duration,
                             planned_arrival=planned, departed_at=planned - duration, arrived_at=arrived,
                             arrived_on=local_day(arrived),
                             province=consignment.province, is_demo=True))
        Leg.objects.bulk_create(chunk)
        made += len(chunk)
    from .rollup import refresh_legs

    refresh_legs()
    return made
