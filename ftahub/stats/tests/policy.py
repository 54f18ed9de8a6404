"""Who may use the statistics pages and API (joins the hub's authorisation matrix)."""

from ftahub.core.tests.roles import EVERYONE

PAGES = {
    "stats-dashboard": (None, EVERYONE), "stats-comparison": (None, EVERYONE), "stats-report": (None, EVERYONE),
    "plotly-js": (None, EVERYONE),
    "stats-import": (None, {"statistician", "admin"}),
    "stats-import-job": (lambda w: {"pk": 999999}, set()),  # nobody's job: 404 for all
}
API_PUBLIC = {"/api/v1/stats/trade", "/api/v1/stats/provinces", "/api/v1/stats/fdi"}
