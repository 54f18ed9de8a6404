"""Anonymous pages and read APIs served from the cache (#24): the same answer without touching the database, per
language; any write to the data makes them fresh again; signed-in users, forms and tokens never share a kept page;
read APIs answer a repeated request with 304 by ETag. The busiest pages' query counts are pinned."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ftahub.agreements.models import TradeAgreement

pytestmark = pytest.mark.django_db


def queries(client, path, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **headers)
    return len(captured.captured_queries), response


def test_a_public_page_is_served_again_without_the_database_and_a_write_makes_it_fresh(client):
    first_count, first = queries(client, "/agreements/", HTTP_ACCEPT_LANGUAGE="vi")
    again_count, again = queries(client, "/agreements/", HTTP_ACCEPT_LANGUAGE="vi")
    assert first_count > 0 and again_count == 0 and again.content == first.content
    english_count, english = queries(client, "/agreements/", HTTP_ACCEPT_LANGUAGE="en")
    assert english_count > 0 and english.content != first.content  # each language has its own
    agreement = TradeAgreement.objects.get(code="CPTPP")
    agreement.name_vi = "Hiệp định CPTPP (tên đổi để thử)"
    agreement.save()
    fresh_count, fresh = queries(client, "/agreements/", HTTP_ACCEPT_LANGUAGE="vi")
    assert fresh_count > 0 and "tên đổi để thử" in fresh.content.decode()


def test_signed_in_users_forms_and_tokens_are_never_served_from_the_cache(client, make, client_for):
    officer = client_for(make.user("co_officer", 24))
    queries(officer, "/agreements/")
    assert queries(officer, "/agreements/")[0] > 0  # their page names them: never kept
    client.get("/origin/")  # a page with a form sets the CSRF cookie: never kept
    assert queries(client, "/origin/")[0] > 0
    queries(client, "/api/v1/agreements", HTTP_AUTHORIZATION="Bearer x")
    assert queries(client, "/api/v1/agreements", HTTP_AUTHORIZATION="Bearer x")[0] > 0


def test_read_apis_answer_a_repeated_request_with_304(client):
    response = client.get("/api/v1/agreements")
    assert response.status_code == 200 and response["ETag"]
    again = client.get("/api/v1/agreements", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize("path, most", [
    ("/", 12), ("/hs/0810/", 16), ("/agreements/", 6), ("/events/", 8), ("/news/", 8), ("/log/", 9),
    ("/api/v1/tariffs/lookup?hs=08109020&partner=JP&direction=import&date=2026-06-01", 14),
    ("/api/v1/hs/search?q=vai%20thieu", 9), ("/api/v1/agreements", 4),
])
def test_the_busiest_pages_keep_their_query_count(client, path, most):
    count, response = queries(client, path, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert count <= most, f"{path}: {count} queries (pinned at {most})"


def test_the_language_links_set_the_language_and_go_back_only_to_this_hub(client):
    response = client.get("/i18n/en/", {"next": "/agreements/"})
    assert response.status_code == 302 and response["Location"] == "/agreements/"
    assert client.get("/agreements/").content.decode().count('lang="en"') >= 1
    assert 'aria-current="true" lang="en"' in client.get("/agreements/").content.decode()
    assert client.get("/i18n/en/", {"next": "https://evil.example/"})["Location"] == "/"
    assert client.get("/i18n/xx/").status_code == 404
    page = client.get("/agreements/").content.decode()
    assert "csrfmiddlewaretoken" not in page  # no form on an ordinary page: it can be kept for everyone
