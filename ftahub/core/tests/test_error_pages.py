"""A mistyped address or a page one may not open gets the hub's own page, in the reader's language, with a way
back (#19): not Django's bare English one."""

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
