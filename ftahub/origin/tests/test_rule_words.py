"""Rules in words in the reader's language (#16, #19): what the engine tests, without the abbreviations."""

from django.utils import translation

from ftahub.origin.words import in_words


def test_a_rule_in_vietnamese_and_english():
    with translation.override("vi"):
        assert in_words("CTH or RVC(40)") == ("mọi nguyên liệu không có xuất xứ thuộc nhóm khác (chuyển đổi nhóm, 4 số)"
                                              " hoặc hàm lượng giá trị khu vực tối thiểu 40%")
        assert "trừ nguyên liệu không có xuất xứ thuộc phân nhóm 0709.60" in in_words("CC except from 0709.60")
        assert "giá xuất xưởng" in in_words("MaxNOM(50, EXW)") and "12,5%" in in_words("RVC(12.5)")
    with translation.override("en"):
        assert in_words("WO(chapter 8) and process(smoking)") == (
            "the materials of chapter 08 used are wholly obtained and the process of smoking is carried out")
        assert "(build-down method" in in_words("RVC(55, build-down)")


def test_text_that_does_not_parse_is_shown_as_it_is():
    assert in_words("RVC(40") == "RVC(40"


def test_the_glossary_explains_the_terms_in_both_languages(client, db):
    html = client.get("/origin/glossary/").content.decode()
    assert 'id="cth"' in html and "Chuyển đổi nhóm (CTH)" in html and "Xuất xứ thuần túy (WO)" in html
    assert "Change of heading (CTH)" in client.get("/origin/glossary/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/origin/glossary/"' in client.post("/origin/", {
        "title": "Fan", "product_hs": "8414.51", "market": "JP", "fob": "100", "rows": "1", "row-0-hs": "8501.10",
        "row-0-value": "50", "row-0-country": "CN", "row-0-originating": "no", "assess": "1"}).content.decode()


def test_a_blocking_material_is_explained_in_a_sentence(client, db):
    """A shirt (62.05) under the change of heading: its imported fabric is fine, imported shirt parts of 62.05 are
    not, and the page says why in Vietnamese."""
    html = client.post("/origin/", {
        "title": "Shirt", "product_hs": "6205.20", "market": "JP", "fob": "100", "rows": "2",
        "row-0-hs": "6205.20", "row-0-description": "thân áo cắt sẵn", "row-0-value": "30", "row-0-country": "CN",
        "row-0-originating": "no", "rule": "CTH", "assess": "1"}).content.decode()
    assert "thân áo cắt sẵn (HS 6205.20) không có xuất xứ và cùng nhóm 62.05 với sản phẩm" in html
