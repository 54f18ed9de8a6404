"""The site shell: Vietnamese first, English on request, health check, JSON API root and OpenAPI document."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_home_page_is_vietnamese_by_default_with_search_and_capabilities(client):
    page = client.get("/").content.decode()
    assert '<html lang="vi">' in page
    assert "Tận dụng các hiệp định thương mại tự do của Việt Nam" in page
    assert 'role="search"' in page and 'name="q"' in page
    for section in ("Biểu thuế", "Quy tắc xuất xứ", "Truy xuất nguồn gốc", "Thống kê"):
        assert section in page


def test_language_switch_turns_the_site_english_and_back(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page and "free trade agreements" in page
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert '<html lang="vi">' in client.get("/").content.decode()


def test_every_page_offers_the_language_switch(client):
    for url in ("/", "/agreements/", "/provinces/", "/hs/", "/hs/0810/", "/accounts/login/", "/search/?q=vai"):
        page = client.get(url).content.decode()
        assert 'href="/i18n/en/?next=' in page and 'href="/i18n/vi/?next=' in page, url


def test_healthz_reports_the_database():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok" and response.json()["database"] == "ok"


def test_api_root_and_openapi_document(client):
    root = client.get("/api/v1/").json()
    assert root["openapi"] == "/api/v1/openapi.json"
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/agreements" in spec["paths"] and "/api/v1/hs/{code}" in spec["paths"]


def test_api_returns_an_hs_line_with_its_path_and_a_clear_error_for_a_bad_code(client):
    line = client.get("/api/v1/hs/0810.90.20").json()
    assert line["path"] == ["08", "0810", "081090"] and line["description_vi"].endswith("Quả vải")
    bad = client.get("/api/v1/hs/08A")
    assert bad.status_code == 422 and bad.json()["code"] == "bad_hs_code"
    missing = client.get("/api/v1/hs/0899")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


def test_pages_send_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


def test_instant_search_returns_a_fragment_for_htmx(client):
    response = client.get("/search/", {"q": "quả vải"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "<html" not in body and "0810.90.20" in body


def test_search_is_diacritics_insensitive(client):
    for query in ("qua vai", "quả vải", "Quả Vải", "vai thieu"):
        assert "0810.90.20" in client.get("/search/", {"q": query}).content.decode(), query


def test_static_files_come_from_installed_packages_not_a_cdn(client):
    page = client.get("/").content.decode()
    assert "cdn" not in page.lower() and "https://" not in page.split("<body")[0]


def test_agreements_page_shows_dates_and_not_recorded_facts_honestly(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/agreements/").content.decode()
    assert "01/08/2020" in page  # EVFTA in force
    assert "not recorded" in page  # e.g. VIFTA's C/O form is not in the data
