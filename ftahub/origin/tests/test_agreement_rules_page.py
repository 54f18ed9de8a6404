"""Every agreement's general provisions of origin on one page, in words, each fact with its source."""

import pytest

pytestmark = pytest.mark.django_db


def test_each_agreements_general_rule_value_test_de_minimis_and_cumulation_in_words(client):
    page = client.get("/origin/agreements/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    # a general rule in words with its article, and the annex that may replace it
    assert 'data-testid="general-VCFTA"' in page and "Điều 4.4 khoản 1 và 2 Hiệp định VCFTA" in page
    assert "RVC(40) or CTH" not in page  # the rule in words, never its syntax
    # an agreement with product-specific rules only, and one whose general rule is not recorded
    assert "Không có: chỉ có quy tắc cụ thể mặt hàng." in page
    # every agreement of the table is on the page; one whose rules of origin were not read says so
    assert 'data-testid="missing-VN-CU"' in page
    assert "Chưa ghi nhận: hệ thống chưa đọc quy tắc xuất xứ của hiệp định này" in page
    # de minimis and cumulation by name: a whole group by its name, other countries by theirs
    assert "được chiếm tới 10 % trị giá FOB" in page
    assert "nguyên liệu có xuất xứ từ các nước thành viên ASEAN, Trung Quốc được tính là có xuất xứ" in page
    assert "từ Hàn Quốc được tính là có xuất xứ" in page  # VKFTA: the partner, not Viet Nam itself
    assert "Chương 50–60:" in page  # CPTPP's textile goods: their own de minimis by weight
    assert '<cite lang="en">AKFTA Annex 3 Rule 11 (de minimis 10% of FOB)</cite>' in page
    english = client.get("/origin/agreements/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "materials originating in the ASEAN member states, China count as originating" in english


def test_direct_consignment_and_the_proof_of_origins_validity_where_the_text_was_read(client):
    page = client.get("/origin/agreements/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    rcep = page[page.index('id="RCEP"'):]
    rcep = rcep[:rcep.index("</section>")]
    assert "12 months from its issue" in rcep and "under those countries&#x27; customs control" in rcep
    assert "RCEP Article 3.16(6)" in rcep and "RCEP Article 3.15 (Direct Consignment)" in rcep
    atiga = page[page.index('id="ATIGA"'):]
    assert "Not recorded here: check the agreement." in atiga[:atiga.index("</section>")]


def _section(page: str, code: str) -> str:
    part = page[page.index(f'id="{code}"'):]
    return part[:part.index("</section>")]


def test_evfta_tolerance_by_chapter_and_cptpps_exceptions_in_words(client):
    page = client.get("/origin/agreements/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    evfta = _section(page, "EVFTA")
    assert "Điều 2(b) và khoản 1 Điều 5 Nghị định thư 1 EVFTA" in evfta  # product-specific rules only, cited
    assert "Chương 02, 04–24: 10 % giá xuất xưởng hoặc trọng lượng của sản phẩm" in evfta
    assert "Nhóm 16.04, 16.05: 10 % giá xuất xưởng" in evfta
    assert "Chương 50–63: không áp dụng tại đây" in evfta
    assert "không bị thay đổi trên đường" in evfta  # non-alteration (Article 13), in words
    cptpp = _section(page, "CPTPP")
    assert ("trong hàng thuộc nhóm 04.01 đến 04.06, trừ hàng thuộc phân nhóm 0402.10 đến 0402.29, phân nhóm 0406.30: "
            "nguyên liệu không có xuất xứ thuộc nhóm 04.01 đến 04.06; phân nhóm 1901.90, phân nhóm 2106.90 (chứa trên "
            "10 % chất khô từ sữa tính theo trọng lượng khô)") in cptpp
    assert "Những trường hợp De minimis không áp dụng (11 nhóm hàng)" in cptpp
    assert "chứa trên 10 % chất khô từ sữa" in cptpp
    eaeu = _section(page, "VN-EAEU")
    assert "vì lý do địa lý hoặc yêu cầu vận tải" in eaeu and "Thông tư 21/2016/TT-BCT" in eaeu
    assert "giá xuất xưởng" not in _section(page, "VIFTA").split("Tiêu chí hàm lượng giá trị")[1].split("De minimis")[0]
