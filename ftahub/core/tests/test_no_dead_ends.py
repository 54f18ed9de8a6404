"""No dead ends (#19): a mistyped address or a page one may not open gets the hub's own page, in the reader's
language, with a way back (not Django's bare English one); staff desks are linked for the roles that use them."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_missing_page_has_the_layout_and_ways_back(client):
    response = client.get("/trace/lot/urn-that-was-scanned-in-part/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html and 'class="site-header' in html and 'href="/"' in html
    english = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Page not found" in english


def test_a_forbidden_page_says_why_and_offers_to_sign_in(client, make, client_for):
    business = client_for(make.user("business", enterprise=make.enterprise(24)))
    response = business.get("/audit/")
    assert response.status_code == 403
    assert "Tài khoản của bạn không được mở trang này" in response.content.decode()


def test_staff_desks_are_linked_for_those_who_may_open_them(client, make, client_for):
    officer = client_for(make.user("fa_officer", 24))
    assert 'href="/events/manage/"' in officer.get("/events/").content.decode()
    assert 'href="/news/desk/"' in officer.get("/news/").content.decode()
    statistician = client_for(make.user("statistician", 24))
    assert 'href="/stats/import/"' in statistician.get("/stats/").content.decode()
    assert 'href="/events/manage/"' not in statistician.get("/events/").content.decode()
    assert 'href="/stats/import/"' not in client.get("/stats/").content.decode()
