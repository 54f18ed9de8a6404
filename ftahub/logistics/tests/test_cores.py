"""The plain-Python cores of logistics: percentiles from a histogram, rates, the consignment timeline."""

import datetime

from ftahub.logistics import figures, timeline


def test_percentiles_from_a_histogram_match_the_nearest_rank_of_the_values():
    values = [10, 20, 20, 30, 40, 50, 60, 70, 80, 300]
    histogram = [(v, values.count(v)) for v in set(values)]
    assert figures.percentile(histogram, 0.5) == 40  # the 5th of 10
    assert figures.percentile(histogram, 0.9) == 80  # the 9th of 10
    assert figures.percentile(histogram, 1.0) == 300
    assert figures.percentile([], 0.5) is None and figures.percentile([(5, 0)], 0.5) is None


def test_rates_and_utilisation_say_nothing_rather_than_divide_by_zero():
    assert figures.per_thousand(3, 1500) == 2.0 and figures.per_thousand(1, 0) is None
    assert figures.share(3, 4) == 0.75 and figures.share(0, 0) is None
    assert figures.utilisation(600, 1200) == 0.5 and figures.utilisation(10, None) is None


def test_the_timeline_puts_legs_events_and_alerts_in_time_order_and_plans_only_while_unknown():
    t = datetime.datetime(2026, 6, 1, 8, tzinfo=datetime.UTC)
    h = datetime.timedelta(hours=1)
    legs = [{"position": 1, "mode": "road", "origin": "Store", "destination": "Centre", "planned_departure": t,
             "planned_arrival": t + 3 * h, "departed_at": t + 0.5 * h, "arrived_at": t + 4 * h},
            {"position": 2, "mode": "road", "origin": "Centre", "destination": "Gate", "planned_departure": t + 6 * h,
             "planned_arrival": t + 9 * h, "departed_at": None, "arrived_at": None}]
    events = [{"time": t + 2 * h, "biz_step": "shipping", "readings": []}, {"time": t, "biz_step": "packing",
                                                                         "readings": []}]
    alerts = [{"time": t + 2 * h, "type": "Temperature", "value": 7.0}]
    steps = timeline.build(legs, events, alerts)
    assert [s.kind for s in steps] == ["event", "leg_departed", "event", "alert", "leg_arrived",
                                       "leg_planned_departure", "leg_planned_arrival"]
    assert steps[4].values["late"] is True  # arrived an hour after the plan
