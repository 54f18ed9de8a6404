"""Who may use the export-market pages and API (joins the hub's authorisation matrix): anyone reads markets and
notices; the province's officers record notices and requirements, load partner schedules and read the digest."""

import datetime

from ftahub.core.tests.roles import EVERYONE, OFFICERS


def world(w) -> None:
    from ftahub.markets.models import Notice

    w.notice = Notice.objects.create(kind="sps", country="JP", reference="G/SPS/N/JPN/MATRIX", title="Matrix (test)",
                                     hs_codes="0810", published_on=datetime.date(2026, 11, 1), source="test fixture")


PAGES = {
    "markets": (None, EVERYONE), "market": (lambda w: {"country": "JP"}, EVERYONE),
    "market-product": (lambda w: {"country": "JP", "code": "081090"}, EVERYONE),
    "market-notices": (None, EVERYONE), "market-notice": (lambda w: {"pk": w.notice.pk}, EVERYONE),
    "market-notice-new": (None, OFFICERS), "market-notice-import": (None, OFFICERS),
    "market-notice-edit": (lambda w: {"pk": w.notice.pk}, OFFICERS),
    "market-requirement-new": (None, OFFICERS), "market-schedules": (None, OFFICERS),
    "market-digest": (None, OFFICERS),
}
API_PUBLIC = {"/api/v1/notices"}
API_PUBLIC_WITH_PARAMS = {"/api/v1/markets/{country}", "/api/v1/markets/{country}/{product}"}
