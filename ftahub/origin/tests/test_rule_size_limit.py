"""A rule longer than the limit is refused before any work (#18): a 4.9 MB "rule" used to be tokenised whole (30 s,
+730 MB) before its length was checked."""

import pytest

from ftahub.origin import language
from ftahub.origin.language import MAX_LENGTH, RuleSyntaxError, parse


def test_an_oversized_rule_is_refused_without_being_tokenised(monkeypatch):
    def no_work(text):
        raise AssertionError("the oversized rule was tokenised")

    monkeypatch.setattr(language, "tokenize", no_work)
    with pytest.raises(RuleSyntaxError, match=f"a rule of at most {MAX_LENGTH} characters"):
        parse("CTH or " * 700_000)


def test_a_rule_at_the_limit_is_still_read():
    text = ("CTH or " * (MAX_LENGTH // 7))[: MAX_LENGTH - 3].rsplit(" or", 1)[0]
    assert len(text) <= MAX_LENGTH and parse(text).canonical().startswith("CTH")


@pytest.mark.django_db
def test_the_api_refuses_it_with_the_hubs_error(client):
    over_the_rule_limit = client.post("/api/v1/origin/parse", {"rule": "CTH or " * 3_000},
                                      content_type="application/json")  # 21,000 characters
    assert over_the_rule_limit.status_code == 422 and "at most" in over_the_rule_limit.json()["message"]
    huge = client.post("/api/v1/origin/parse", {"rule": "CTH or " * 200_000}, content_type="application/json")
    assert huge.status_code == 413 and huge.json()["code"] == "too_large"  # refused before the body is read
