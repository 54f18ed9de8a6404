"""The whole tariff as people use it: loaded by default (once per edition), RCEP read per partner group, Mexico's
own CPTPP rates, every printed cell explained, the procedures of each line, and the heading as printed."""

import io

import pytest
from django.core.management import call_command

from ftahub.tariffs.finder import lookup
from ftahub.tariffs.importer import load_tariff
from ftahub.tariffs.models import LineProcedure, TariffEdition
from ftahub.tariffs.search import search_hs

pytestmark = pytest.mark.django_db


def rates(result):
    return {r["agreement"]: r for r in result["agreements"]}


def test_an_unchanged_file_is_not_read_again():
    assert load_tariff()["unchanged"] is True
    edition = TariffEdition.objects.get(dataset="vn-tariff")
    assert edition.counts["lines"] == 11871 and "quyphong91/tariffvn" in edition.source


@pytest.mark.parametrize("partner, letter, rate", [("JP", "D", 13.6), ("TH", "A", 12.5), ("CN", "C", 12.5),
                                                   ("KR", "E", 12.5), ("AU", "B", 12.5), ("NZ", "F", 12.5)])
def test_rcep_uses_the_partners_own_schedule(partner, letter, rate):
    """Upholstered wooden-frame seats 9401.61.00: the file prints 12,5 in RCEP schedules A, B, C, E, F and 13,6 in
    schedule D (Japan) — Decree 129/2022/ND-CP, Art. 3.1: A ASEAN, B Australia, C China, D Japan, E Korea,
    F New Zealand."""
    row = rates(lookup("94016100", "import", partner, None))["RCEP"]
    assert row["schedule"]["letter"] == letter and row["rate"] == rate
    assert "Decree 129/2022/ND-CP" in row["schedule"]["source"]


def test_without_a_partner_every_rcep_schedule_is_shown_and_none_is_picked():
    row = rates(lookup("94016100", "import", None, None))["RCEP"]
    assert row["rate"] is None and row["schedule"] is None
    assert [(s["letter"], s["raw"]) for s in row["schedules"]] == [
        ("A", "12,5"), ("B", "12,5"), ("C", "12,5"), ("D", "13,6"), ("E", "12,5"), ("F", "12,5")]


def test_mexico_gets_its_own_cptpp_rate():
    """8703.23.64 (cars over 2,500 cc) prints '23,1; M: 28,8' under CPTPP."""
    assert rates(lookup("87032364", "import", "MX", None))["CPTPP"]["rate"] == 28.8
    japan = rates(lookup("87032364", "import", "JP", None))["CPTPP"]
    assert japan["rate"] == 23.1 and japan["printed"] == "23,1; M: 28,8"
    assert {"code": "partner_rate", "values": {"party": "MX", "rate": "28.8%"}} in japan["explain"]


def test_the_ordinary_rate_relative_to_mfn_is_computed():
    result = lookup("87021010", "import", None, None)  # motor cars of 8702.10.10: MFN set by a Chapter 98 note
    assert result["mfn_printed"] == "Theo hướng dẫn tại khoản 1.1 Chương 98"
    assert result["mfn_explain"] == [{"code": "chapter98", "values": {"reference": "khoản 1.1 Chương 98"}}]
    lychee = lookup("08109020", "import", None, None)
    assert lychee["ordinary"] == 45.0 and lychee["mfn"] == 30.0


def test_procedures_in_the_lookup_the_line_page_and_the_search_filter(client):
    horses = lookup("01012100", "import", None, None)["procedures"]
    assert {"name": "Động vật, sản phẩm động vật trên cạn phải kiểm dịch", "basis": "01/2024/TT-BNNPTNT M1"} in horses
    page = client.get("/hs/01012100/").content.decode()
    assert "01/2024/TT-BNNPTNT M1" in page and "kiểm dịch" in page
    under = {h.code for h in search_hs("", procedure="01/2024/TT-BNNPTNT M1", limit=500)}
    assert "01012100" in under and "08109020" not in under
    assert under == set(LineProcedure.objects.filter(basis="01/2024/TT-BNNPTNT M1")
                        .values_list("line__code", flat=True)[:500])
    assert client.get("/api/v1/hs/search", {"procedure": "01/2024/TT-BNNPTNT M1"}).json()[0]["code"][:2] == "01"


def test_the_heading_page_prints_the_tree_with_text_rows_and_rates(client):
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    page = client.get("/hs/0101/").content.decode()
    assert "- Ngựa:" in page and "0101.21.00" in page and 'data-testid="printed"' in page
    chapter = client.get("/hs/01/").content.decode()
    assert "0101" in chapter and "Động vật sống" in chapter  # the chapter's Vietnamese title
    assert "Cà phê, chè, chè Paragoay và các loại gia vị" in client.get("/hs/").content.decode()


def test_the_line_page_names_each_rate_and_explains_the_printed_text(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/hs/87032364/").content.decode()
    assert "RCEP, schedule D (Japan)" in page and "23,1; M: 28,8" in page
    assert "Goods from MX: 28.8%" in page and "nkud" not in page


def test_the_audit_finds_no_unclassified_cell():
    out = io.StringIO()
    call_command("tariff", "audit", stdout=out)
    text = out.getvalue()
    assert "unclassified: 0" in text and "263,436" not in text  # counts per form, not a total only
    assert "partner_rate" in text and "split" in text
