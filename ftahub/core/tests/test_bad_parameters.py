"""Parameters a page reads as numbers answer a page, never a server error (#18)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_news_list_with_a_province_that_is_not_a_number(client):
    assert client.get("/news/", {"province": "abc"}).status_code == 200


def test_the_self_assessment_with_rows_that_are_not_a_number(client):
    response = client.post("/origin/", {"rows": "abc", "title": "Chair", "product_hs": "9401.61"})
    assert response.status_code == 200
