"""``ftahub origin assess``: JSON out, exit 0 whether it qualifies or not, exit 2 with one line on bad input."""

import json
import os
import subprocess
import sys

import pytest

ISSUE_CASE = {
    "agreement": "ATIGA",
    "product": {"hs": "8516.60", "fob": 100.0, "ex_works": 95.0, "net_cost": None, "weight_kg": None,
                "processes": []},
    "materials": [{"hs": "8516.80", "description": "heating element", "value": 20.0, "country": "CN",
                   "originating": False, "weight_kg": None, "materials": []}],
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cli_env(tmp_path_factory):
    """The CLI runs as a user would, against its own database with the rules loaded."""
    folder = tmp_path_factory.mktemp("cli")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder / 'hub.sqlite3'}", "FTAHUB_VAR_DIR": str(folder)}
    for args in (["migrate", "-v", "0"], ["load-reference", "--only", "countries", "agreements", "rules"]):
        subprocess.run([sys.executable, "-m", "ftahub", *args], env=env, check=True, capture_output=True,
                       timeout=300)
    return env


@pytest.fixture
def run(tmp_path, cli_env):
    def run_cli(case, *args, env=cli_env):
        path = tmp_path / "case.json"
        path.write_text(case if isinstance(case, str) else json.dumps(case))
        return subprocess.run([sys.executable, "-m", "ftahub", "origin", "assess", "--input", str(path), *args],
                              capture_output=True, text=True, timeout=120, env=env)

    return run_cli


def test_the_issue_example_with_a_rule(run):
    result = run(ISSUE_CASE, "--rule", "CTH or RVC(40)", "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["qualifies"] is True and out["rule"] == "CTH or RVC(40)"
    tests = {t["name"]: t for t in out["tests"]}
    assert tests["RVC"] == {**tests["RVC"], "required": 40.0, "actual": 80.0, "pass": True}
    assert tests["CTH"]["pass"] is False  # 20 % of FOB blocks, above ATIGA's 10 % de minimis
    assert out["blocking_materials"] == [] and out["to_qualify"] == []


def test_a_failing_product_still_exits_0_and_says_what_to_change(run):
    result = run(ISSUE_CASE, "--rule", "CTH", "--json")
    assert result.returncode == 0
    out = json.loads(result.stdout)
    assert out["qualifies"] is False
    assert out["blocking_materials"][0]["description"] == "heating element"
    assert out["to_qualify"][0]["actions"][0]["kind"] == "source_originating"


def test_without_rule_the_loaded_rule_for_the_code_is_used(run):
    result = run(ISSUE_CASE, "--agreement", "EVFTA", "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["agreement"] == "EVFTA" and out["rule"] == "CTH or MaxNOM(70, EXW)"


@pytest.mark.parametrize("case, args, message", [
    (ISSUE_CASE, ["--rule", "CTH or"], "does not parse"),
    ("{not json", [], "not valid JSON"),
    ({**ISSUE_CASE, "product": {"hs": "85A", "fob": 1}}, ["--rule", "CTH"], "product.hs"),
    ({**ISSUE_CASE, "agreement": "NOPE"}, ["--rule", "CTH"], "unknown agreement"),
    ({**ISSUE_CASE, "agreement": "AANZFTA"}, [], "no product-specific rule is loaded"),
])
def test_bad_input_exits_2_with_one_line(run, case, args, message):
    result = run(case, *args)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_an_unprepared_database_is_a_clear_error(run, tmp_path, cli_env):
    env = {**cli_env, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    result = run(ISSUE_CASE, "--agreement", "EVFTA", env=env)
    assert result.returncode == 2 and "ftahub migrate" in result.stderr


@pytest.mark.parametrize("product", ["lychees", "cashew", "footwear", "charger"])
def test_the_cli_gives_every_market_the_page_gives(run, product):
    """``--market`` answers as the self-assessment page does, each verdict with the rule and where it comes from
    (the whole matrix of #16 is checked in test_products_and_markets.py; here the CLI's own path)."""
    from ftahub.origin.tests.test_products_and_markets import MARKETS, NOT_QUALIFYING, PRODUCTS

    result = run(PRODUCTS[product], "--market", ",".join(MARKETS), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    words = {"qualifies": "qualifies", "fails": "does not qualify", "undecided": "cannot decide"}
    for market, assessed in MARKETS.items():
        rows = {row["agreement"]: row for row in report[market]}
        for agreement in assessed:
            expected = words[NOT_QUALIFYING.get((product, agreement), "qualifies")]
            assert rows[agreement]["verdict"] == expected, (market, agreement)
            assert rows[agreement]["cited"].startswith(("general rule of", "product-specific rule:"))
        assert all(row["verdict"] == "no rule" for a, row in rows.items() if a not in assessed)
    text = run(PRODUCTS[product], "--market", "KR").stdout
    assert "AKFTA" in text and "Circular 20/2014/TT-BCT, Appendix I, Article 4" in text
