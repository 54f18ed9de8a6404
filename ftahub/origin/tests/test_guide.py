"""The guided path (#16): product and market, wholly obtained or not, materials with the HS code suggested from
their names, then the verdict under each agreement in words."""

import re

import pytest

pytestmark = pytest.mark.django_db

PRODUCT = {"title": "Áo sơ mi", "product_hs": "6205.20", "market": "GB", "currency": "USD", "fob": "10",
           "ex_works": "9"}


def test_lychees_from_the_own_orchard_take_three_steps(client):
    page = client.post("/origin/guide/", {**PRODUCT, "title": "Vải tươi", "product_hs": "0810.90",
                                          "step": "product"}).content.decode()
    assert "Sản phẩm có được trồng, nuôi, đánh bắt hoặc khai thác tại Việt Nam" in page
    result = client.post("/origin/guide/", {**PRODUCT, "title": "Vải tươi", "product_hs": "0810.90",
                                            "wholly_obtained": "on", "step": "wholly"}).content.decode()
    ukvfta = result.split('data-agreement="UKVFTA"')[1].split("</article>")[0]
    assert "Đạt xuất xứ" in ukvfta and "xuất xứ thuần túy" in ukvfta


def test_a_shirt_gets_its_materials_codes_suggested_then_a_verdict(client):
    materials = {**PRODUCT, "step": "materials", "row-0-description": "vải bông dệt thoi", "row-0-country": "Trung Quốc",
                 "row-0-value": "4", "row-1-description": "cúc áo nhựa", "row-1-country": "Việt Nam",
                 "row-1-value": "0,5"}
    page = client.post("/origin/guide/", {**PRODUCT, "step": "wholly", "wholly_obtained": ""}).content.decode()
    assert "Sản phẩm được làm từ những gì?" in page
    page = client.post("/origin/guide/", materials).content.decode()
    assert "Gợi ý từ tên nguyên liệu" in page
    suggested = page.split('name="row-0-hs" value="')[1].split('"')[0]
    assert re.fullmatch(r"\d{4}\.\d{2}", suggested)  # a subheading, for the exporter to check
    result = client.post("/origin/guide/", {**materials, "row-0-hs": suggested, "row-1-hs": "3926.90"}).content.decode()
    assert 'data-agreement="UKVFTA"' in result and "verdict-line" in result
    assert "Làm lại từ đầu" in result


def test_bad_input_comes_back_to_its_step_with_the_reason(client):
    page = client.post("/origin/guide/", {**PRODUCT, "fob": "2.500", "step": "product"}).content.decode()
    assert "có thể hiểu theo hai cách" in page and 'name="step" value="product"' in page
