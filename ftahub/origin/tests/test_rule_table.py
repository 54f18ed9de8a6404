"""Product-specific rules of any agreement loaded from a table (#16): read through the translator, checked by the
faithfulness audit, with a report; a wrong row loads nothing."""

import pytest
from django.core.management import call_command

from ftahub.origin.rules import rule_text_for

pytestmark = pytest.mark.django_db

TABLE = ("hs,rule,description,note\n"
         "08.10,CC,Other fruit,\n"
         "8414.51,RVC40 or CTH,Table fans,\n"
         "9403,\"RVC 40%; CTH\",Other furniture,\n"
         "6205,Manufacture from yarn with weaving,Shirts,left for reading\n")


def test_an_abbreviated_table_loads_and_is_used_before_the_general_rule(tmp_path, capsys):
    path = tmp_path / "atiga.csv"
    path.write_text(TABLE, encoding="utf-8")
    call_command("origin", "import-rules", "ATIGA", str(path), "--source", "test table (not a real annex)")
    out = capsys.readouterr().out
    assert "4 rules read: 3 translated, 1 kept for manual reading" in out
    assert rule_text_for("ATIGA", "08109020") == "CC"  # the annex's rule, not the general RVC(40) or CTH
    assert rule_text_for("ATIGA", "94036090") == "RVC(40) or CTH"
    assert rule_text_for("ATIGA", "62052000").startswith('manual("Manufacture from yarn')
    assert rule_text_for("ATIGA", "03046200") == "RVC(40) or CTH"  # not listed: the general rule


def test_a_wrong_row_loads_nothing_and_exits_2(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("hs,rule\nfruit,CC\n0810,CTH\n", encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        call_command("origin", "import-rules", "ATIGA", str(path), "--source", "test")
    captured = capsys.readouterr()
    assert info.value.code == 2
    assert "row 2: hs 'fruit' is not an HS code" in captured.out and "nothing was loaded" in captured.err
    assert rule_text_for("ATIGA", "08109020") == "RVC(40) or CTH"  # still the general rule


def test_eu_wording_goes_through_the_same_translator(tmp_path):
    path = tmp_path / "eu.csv"
    path.write_text('hs,rule\n8516,"Manufacture from materials of any heading, except that of the product"\n',
                    encoding="utf-8")
    call_command("origin", "import-rules", "AKFTA", str(path), "--wording", "eu", "--source", "test")
    assert rule_text_for("AKFTA", "85166000") == "CTH"
