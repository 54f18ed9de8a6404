"""The agreements page in the reader's language: proof of origin and notes in Vietnamese where written, each fact's
source named by the fact's name (never its key), the cited documents marked as English titles."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_agreements_page_reads_in_vietnamese_with_its_sources(client):
    page = client.get("/agreements/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Chứng nhận xuất xứ do nhà xuất khẩu, nhà sản xuất hoặc nhà nhập khẩu thực hiện (Điều 3.20" in page
    assert "Certification of origin by the exporter" not in page
    assert "Vương quốc Anh gia nhập theo một nghị định thư" in page
    assert "signed_on:" not in page and "in_force_vn:" not in page  # fact keys are words
    assert '<cite lang="en">Circular 22/2016/TT-BCT (Rules of Origin in ATIGA)</cite>' in page
    english = client.get("/agreements/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Certification of origin by the exporter, producer or importer (CPTPP Article 3.20)" in english
