"""A consignment's timeline: its legs (planned and actual) and the EPCIS events of its lots (shipping, receiving,
storing, sensor readings), in time order, each as a code with values for the pages to word. Plain Python: no Django.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Step:
    time: datetime.datetime
    kind: str  # leg_departed, leg_arrived, leg_planned_departure, leg_planned_arrival, event, reading, alert
    values: dict[str, Any] = field(default_factory=dict)


def build(legs: list[dict[str, Any]], events: list[dict[str, Any]], alerts: list[dict[str, Any]]) -> list[Step]:
    """``legs``: {position, mode, origin, destination, planned_departure, planned_arrival, departed_at, arrived_at};
    ``events``: {time, biz_step, disposition, location, readings: [{type, value, uom}]}; ``alerts``: {time, text
    values}. A planned time shows only while the actual one is unknown."""
    steps: list[Step] = []
    for leg in legs:
        common = {"position": leg["position"], "mode": leg["mode"], "origin": leg["origin"],
                  "destination": leg["destination"]}
        if leg.get("departed_at"):
            steps.append(Step(leg["departed_at"], "leg_departed", common))
        elif leg.get("planned_departure"):
            steps.append(Step(leg["planned_departure"], "leg_planned_departure", common))
        if leg.get("arrived_at"):
            late = bool(leg.get("planned_arrival") and leg["arrived_at"] > leg["planned_arrival"])
            steps.append(Step(leg["arrived_at"], "leg_arrived", {**common, "late": late}))
        elif leg.get("planned_arrival"):
            steps.append(Step(leg["planned_arrival"], "leg_planned_arrival", common))
    for event in events:
        steps.append(Step(event["time"], "event", {k: v for k, v in event.items() if k != "time"}))
    for alert in alerts:
        steps.append(Step(alert["time"], "alert", {k: v for k, v in alert.items() if k != "time"}))
    order = {"leg_departed": 0, "leg_planned_departure": 0, "event": 1, "alert": 2, "leg_arrived": 3,
             "leg_planned_arrival": 3}
    return sorted(steps, key=lambda s: (s.time, order.get(s.kind, 9)))
