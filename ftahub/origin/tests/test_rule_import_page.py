"""A national administrator loads an agreement's product-specific rules from a table on a page (#16): a preview of
what the translator tests and what it leaves for reading, wrong rows in the reader's language, then the load."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ftahub.origin.models import ProductSpecificRule
from ftahub.origin.rules import rule_text_for

pytestmark = pytest.mark.django_db
TABLE = b"hs,rule,description\n08.10,CC,Other fruit\n6205,Manufacture from yarn with weaving,Shirts\n"


def post(client, data: bytes, **extra):
    return client.post("/origin/rules/import/", {"agreement": "ATIGA", "wording": "abbreviated",
                                                 "source": "test table (not a real annex)",
                                                 "file": SimpleUploadedFile("atiga.csv", data), **extra})


def test_a_national_administrator_previews_then_loads(make, client_for):
    admin = client_for(make.user("administrator"))  # no province: national
    preview = post(admin, TABLE).content.decode()
    assert "2 quy tắc đã đọc" in preview and "1 được giữ để người đọc" in preview
    assert rule_text_for("ATIGA", "08109020") == "RVC(40) or CTH"  # nothing loaded by the preview
    admin.post("/origin/rules/import/", {"confirm": "1"})
    assert rule_text_for("ATIGA", "08109020") == "CC"
    assert ProductSpecificRule.objects.filter(source="Table: test table (not a real annex)").count() == 2


def test_wrong_rows_are_said_in_the_readers_language_and_nothing_loads(make, client_for):
    admin = client_for(make.user("administrator"))
    page = post(admin, b"hs,rule\nfruit,CC\n0810,CTH\n").content.decode()
    assert "Dòng 2" in page and "“fruit” không phải là mã HS" in page and 'data-testid="confirm"' not in page
    assert "hs, rule" not in page.split("data-testid=\"report\"")[0]  # no English message from the reader
    page = post(admin, b"code,text\n0810,CC\n").content.decode()
    assert "Dòng đầu tiên phải có các cột hs và rule" in page


def test_only_national_administrators_may(make, client_for):
    assert client_for(make.user("administrator", 24)).get("/origin/rules/import/").status_code == 403
    assert client_for(make.user("co_officer", 24)).get("/origin/rules/import/").status_code == 403
