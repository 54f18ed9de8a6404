"""The header and footer are built from what the installed capabilities declare, for the user who looks."""

import pytest
from django.urls import reverse

from ftahub.core import plugins
from ftahub.core.plugins import NavEntry

pytestmark = pytest.mark.django_db


def links(page: str) -> set[str]:
    header = page.split('<nav aria-label=', 1)[1].split("</nav>", 1)[0]
    return {name for name in ("hs-browse", "origin-self-assess", "certificate-verify", "agreement-list",
                              "stats-dashboard", "event-list", "content-list", "origin-assessments",
                              "co-applications", "trace-desk", "registry", "notifications", "login", "profile")
            if f'href="{reverse(name)}"' in header}


PUBLIC = {"hs-browse", "origin-self-assess", "certificate-verify", "agreement-list", "stats-dashboard", "event-list",
          "content-list"}


def test_each_role_sees_its_own_header(client, make, client_for):
    assert links(client.get("/").content.decode()) == PUBLIC | {"login"}
    business = client_for(make.user("business", enterprise=make.enterprise(24)))
    assert links(business.get("/").content.decode()) == PUBLIC | {
        "origin-assessments", "co-applications", "trace-desk", "notifications", "profile"}
    officer = client_for(make.user("fa_officer", 24))
    assert links(officer.get("/").content.decode()) == PUBLIC | {
        "origin-assessments", "co-applications", "trace-desk", "registry", "notifications", "profile"}
    co_officer = client_for(make.user("co_officer", 24))  # the C/O desk, not the foreign-affairs registry
    assert links(co_officer.get("/").content.decode()) == PUBLIC | {
        "origin-assessments", "co-applications", "trace-desk", "notifications", "profile"}
    statistician = client_for(make.user("statistician", 24))
    assert links(statistician.get("/").content.decode()) == PUBLIC | {"registry", "notifications", "profile"}


def test_the_footer_and_home_cards_come_from_the_capabilities(client):
    page = client.get("/").content.decode()
    footer = page.split('<footer class="site-footer">', 1)[1]
    assert f'href="{reverse("province-list")}"' in footer and f'href="{reverse("transparency-log")}"' in footer
    assert page.count('<article class="card">') == len(plugins.home_cards()) + 1  # and the Open API card
    assert 'action="/search/"' in page  # the tariffs' search box opens the page


def test_an_unknown_audience_is_refused_when_declared():
    with pytest.raises(ValueError, match="unknown audience"):
        NavEntry("x", "home", 1, audience="everybody")


def test_the_api_root_lists_what_the_capabilities_declare(client):
    resources = client.get("/api/v1/").json()["resources"]
    assert resources["epcis_capture"] == "/api/v1/epcis/capture" and resources["hs"] == "/api/v1/hs/{code}"
    assert resources == plugins.api_resources()
