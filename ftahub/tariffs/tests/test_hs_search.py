"""HS search by code prefix or words, diacritics-insensitive, through the database's full-text engine."""

import pytest

from ftahub.tariffs.search import search_hs

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["quả vải", "qua vai", "Quả VẢI", "vải thiều", "lychee", "lychees"])
def test_every_spelling_finds_the_lychee_line_first(query):
    assert search_hs(query)[0].code == "08109020"


def test_a_line_need_not_carry_every_word_and_rare_words_weigh_more():
    # "ghế sofa khung gỗ": no line says "sofa"; the upholstered wooden-frame seats come first
    assert search_hs("ghế sofa khung gỗ")[0].code == "94016100"
    assert search_hs("pin lithium")[0].code == "85065000"  # the tariff says "liti"


def test_diacritics_as_typed_tell_words_apart():
    # swimming crabs (fresh or prepared), not "ghế" (seats): both fold to "ghe"
    assert all("ghẹ" in h.description_vi.lower() for h in search_hs("ghẹ")[:3])
    assert search_hs("ghế gỗ")[0].code.startswith("9401")


@pytest.mark.parametrize("query, first", [("0810", "0810"), ("0810.90", "081090"), ("08109010", "08109010")])
def test_code_prefixes(query, first):
    results = search_hs(query)
    assert results[0].code == first and all(h.code.startswith(first[:4]) for h in results)


def test_a_national_line_is_found_by_its_subheadings_words():
    assert "09011130" in [h.code for h in search_hs("coffee robusta")]


def test_nonsense_finds_nothing():
    assert search_hs("horses live")[0].code == "01012100" or search_hs("horses live")[0].code.startswith("0101")
    assert search_hs("qqqzzz") == []
    assert search_hs("   ") == []


def test_hostile_input_is_just_text():
    for query in ['"', "a* OR b", "NEAR(", "'; DROP TABLE x; --", "\\", "é" * 300]:
        search_hs(query)  # no error


def test_api_search(client):
    hits = client.get("/api/v1/hs/search", {"q": "sầu riêng"}).json()
    assert hits[0]["code"] == "08106000"
    assert client.get("/api/v1/hs/search", {"q": " "}).status_code == 422


def test_the_results_page_shows_code_description_and_level_in_the_readers_language(client):
    page = client.get("/search/", {"q": "sầu riêng"}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert '<a href="/hs/08106000/"><span class="code">0810.60.00</span> - Quả sầu riêng</a>' in page
    assert "dòng thuế quốc gia" in page  # the level, translated
    english = client.get("/search/", {"q": "durian"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "0810.60.00</span> - Durians</a>" in english and "national line" in english
