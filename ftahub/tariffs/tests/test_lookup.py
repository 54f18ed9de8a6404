"""The duty finder: lychees (0810.90.20) into Viet Nam from Japan, Korea and China, and the honest gaps."""

import datetime

import pytest

from ftahub.tariffs.finder import FinderError, lookup

pytestmark = pytest.mark.django_db
JUNE_2026 = datetime.date(2026, 6, 1)


def by_agreement(result):
    return {row["agreement"]: row for row in result["agreements"]}


def test_lychees_from_japan_every_agreement_with_rate_saving_rule_and_form():
    result = lookup("0810.90.20", "import", "JP", JUNE_2026)
    assert result["mfn"] == 30.0 and result["ordinary"] == 45.0
    rows = by_agreement(result)
    assert set(rows) == {"CPTPP", "AJCEP", "VJEPA", "RCEP"}
    assert rows["CPTPP"]["rate"] == 0.0 and rows["CPTPP"]["saving"] == 30.0
    assert rows["CPTPP"]["rule"] == "CC" and rows["CPTPP"]["proof_of_origin"] == "CPTPP"
    # no AJCEP product-specific rule is loaded: its general rule, marked as such with the annex that may list lychees
    assert rows["AJCEP"]["rule"] == "RVC(40) or CTH" and rows["AJCEP"]["rule_general"]["article"] == \
        "AJCEP Article 26(1)" and "unless AJCEP Annex 2" in rows["AJCEP"]["rule_note"]
    # VJEPA's general criteria, cited to Article 26 (Goods Not Wholly Obtained or Produced)
    assert rows["VJEPA"]["rule"] == "RVC(40) or CTH" and rows["VJEPA"]["rule_general"]["article"].startswith(
        "VJEPA Article 26")
    assert result["agreements"][0]["saving"] == 30.0  # ranked by saving


def test_a_rate_that_excludes_the_partner_is_not_offered():
    rows = by_agreement(lookup("08109020", "import", "KR", JUNE_2026))
    assert rows["AKFTA"]["saving"] is None and "not for goods from KR" in rows["AKFTA"]["rate_display"]
    assert rows["VKFTA"]["rate"] == 0.0


def test_markers_stay_markers():
    rows = by_agreement(lookup("04072100", "import", "RU", JUNE_2026))
    assert rows["VN-EAEU"]["rate"] == "Q" and rows["VN-EAEU"]["saving"] is None


def test_a_date_without_loaded_rates_says_so():
    result = lookup("08109020", "import", "JP", datetime.date(2031, 1, 1))
    assert all(row["rate"] is None for row in result["agreements"])
    assert "No rates are loaded for 2031-01-01" in result["notes"][0]


def test_exports_say_that_no_partner_schedule_is_loaded():
    result = lookup("08109020", "export", "JP", JUNE_2026)
    # Viet Nam's own MFN is never given as the partner's; no schedule of Japan is loaded: where to look it up
    assert result["mfn"] is None and result["mfn_display"] is None and result["export"]["lines"] == []
    assert "https://www.customs.go.jp/english/tariff/" in [url for _label, url in result["export"]["sites"]]
    assert by_agreement(result)["CPTPP"]["rule"] == "CC"


@pytest.mark.parametrize("hs", ["0810", "abc", "99999999"])
def test_bad_lines_are_clear_errors(hs):
    with pytest.raises(FinderError):
        lookup(hs, "import", "JP", JUNE_2026)


def test_api_and_export_files(client):
    body = client.get("/api/v1/tariffs/lookup", {"hs": "08109020", "partner": "JP", "date": "2026-06-01"}).json()
    assert {"agreement", "rate", "saving", "source"} <= set(body["agreements"][0])
    csv = client.get("/hs/lookup/", {"hs": "08109020", "partner": "JP", "date": "2026-06-01", "format": "csv"})
    assert csv["Content-Type"].startswith("text/csv") and "CPTPP,0%,30%,30.0" in csv.content.decode("utf-8-sig")
    xlsx = client.get("/hs/lookup/", {"hs": "08109020", "partner": "JP", "date": "2026-06-01", "format": "xlsx"})
    assert xlsx.content[:2] == b"PK"
    assert client.get("/api/v1/tariffs/lookup", {"hs": "0810"}).status_code == 422


def test_the_line_page_shows_what_is_loaded(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/hs/08109020/").content.decode()
    assert "0(-KH, LA, KR)" in page and "11871 eight-digit lines" in page.replace(",", "").replace(".", "")
    assert "2026 · 2026-01-07" in page and "quyphong91/tariffvn" in page


@pytest.mark.django_db
def test_how_demanding_a_rule_is_reads_in_the_readers_language(client):
    url = "/hs/lookup/?hs=08109020&direction=import&partner=JP&date=2026-06-01"
    assert "chuyển đổi mã số hàng hóa (CC)" in client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "change of classification (CC)" in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_an_agreement_above_mfn_says_mfn_is_lower_and_ranks_last():
    """Frozen pork (0203.21.00) from Israel: VIFTA's printed 15 % is above the 10 % MFN rate."""
    result = lookup("02032100", "import", "IL", JUNE_2026)
    rows = by_agreement(result)
    assert result["mfn"] == 10.0
    assert rows["VIFTA"]["rate"] == 15.0
    assert rows["VIFTA"]["mfn_lower"] is True and rows["VIFTA"]["saving"] is None
    assert result["agreements"][-1]["agreement"] == "VIFTA"


def test_no_lookup_shows_a_negative_saving(client):
    for code, partner in (("02032100", "IL"), ("02071420", "AU"), ("02076030", "CN")):
        for row in lookup(code, "import", partner, JUNE_2026)["agreements"]:
            assert row["saving"] is None or row["saving"] >= 0
    html = client.get("/hs/lookup/", {"hs": "02032100", "partner": "IL", "date": "2026-06-01"},
                      HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Thuế suất MFN thấp hơn: không có lợi từ hiệp định này" in html


def test_a_cptpp_rate_printed_for_mexico_applies_only_to_mexico():
    """0207.11.00 CPTPP prints "12,3; M: 15,3": 12.3 % for every party but Mexico, 15.3 % for Mexico."""
    japan = by_agreement(lookup("02071100", "import", "JP", JUNE_2026))["CPTPP"]
    mexico = by_agreement(lookup("02071100", "import", "MX", JUNE_2026))["CPTPP"]
    assert japan["rate"] == 12.3 and mexico["rate"] == 15.3
    assert japan["printed"] == mexico["printed"] == "12,3; M: 15,3"
    assert japan["saving"] is not None and japan["saving"] > mexico["saving"]


def test_without_a_loaded_annex_the_general_rule_is_shown_in_words_and_marked(client):
    """Lychees from Thailand: no ATIGA annex is loaded, so ATIGA's general rule (Art. 28(1)(a)) is shown, in words,
    with the warning that the annex may set another."""
    rows = by_agreement(lookup("08109020", "import", "TH", JUNE_2026))
    assert rows["ATIGA"]["rule"] == "RVC(40) or CTH" and rows["ATIGA"]["rule_general"]["article"].startswith("ATIGA")
    html = client.get("/hs/lookup/", {"hs": "08109020", "partner": "TH", "date": "2026-06-01"},
                      HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Quy tắc chung của Điều 28 khoản 1(a) ATIGA" in html
    assert "hàm lượng giá trị khu vực tối thiểu 40%" in html


def test_the_rate_readers_qualifiers_are_in_the_readers_language(client):
    html = client.get("/hs/lookup/", {"hs": "08109020", "partner": "KR", "date": "2026-06-01"},
                      HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "không áp dụng cho hàng từ KR" in html and "not for goods from" not in html
