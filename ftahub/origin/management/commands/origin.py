"""``ftahub origin assess --input case.json [--rule "CTH or RVC(40)"] [--agreement CPTPP] --json``

Exit 0 whether the product qualifies or not; 2 on bad input (with a one-line reason on stderr).
"""

import json
import sys

from django.core.management.base import BaseCommand
from django.db import DatabaseError

from ftahub.origin import InputError, RuleSyntaxError, assess_case
from ftahub.origin.provisions import all_provisions
from ftahub.origin.rulebook import AmbiguousRule
from ftahub.origin.rules import rule_text_for


class Command(BaseCommand):
    help = "Rules of origin: assess a product's bill of materials (see 'ftahub origin assess --help')."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        assess = sub.add_parser("assess", help="assess a case file against a rule of origin")
        assess.add_argument("--input", required=True, help="case JSON file ('-' for standard input)")
        assess.add_argument("--rule", help="canonical rule text; default: the loaded rule for the product's HS code")
        assess.add_argument("--agreement", help="agreement code (overrides the case's)")
        assess.add_argument("--market", help="export market(s), ISO codes separated by commas (JP,KR,DE): the "
                                             "product under every agreement Viet Nam has with each, with the rule "
                                             "used and its article")
        assess.add_argument("--json", action="store_true", dest="as_json", help="print the result as JSON")
        table = sub.add_parser("import-rules", help="load an agreement's product-specific rules from a CSV/XLSX table "
                                                    "(columns hs, rule, description, note)")
        table.add_argument("agreement")
        table.add_argument("file")
        table.add_argument("--wording", choices=["abbreviated", "eu", "cptpp"], default="abbreviated",
                           help="how the rule texts are written (abbreviated: RVC40 or CTH, CC, WO)")
        table.add_argument("--source", required=True, help="the legal text the table comes from, cited on screen")

    def handle(self, *args, action, **options):
        if action == "assess":
            self.assess(**options)
        elif action == "import-rules":
            self.import_rules(**options)

    def import_rules(self, agreement, file, wording, source, **options):
        from ftahub.core.audit import acting_as
        from ftahub.origin.ruletable import RuleTableError, import_rule_table, row_error

        try:
            data = open(file, "rb").read()
            with acting_as(None, "ftahub origin import-rules"):
                report = import_rule_table(agreement, file, data, wording, source)
        except (OSError, RuleTableError) as exc:
            sys.stderr.write(f"ftahub origin import-rules: {exc}\n")
            sys.exit(2)
        self.stdout.write(f"{report['rules']} rules read: {report['faithful']} translated, {report['manual']} "
                          "kept for manual reading")
        for row, code, value in report["errors"]:
            self.stdout.write(f"  row {row}: {row_error(code, value)}")
        for row, flags in report["flagged"]:
            self.stdout.write(f"  row {row}: the translation says more than the text: {'; '.join(map(str, flags))}")
        if not report["written"]:
            sys.stderr.write("ftahub origin import-rules: nothing was loaded (fix the rows above)\n")
            sys.exit(2)
        self.stdout.write(f"loaded for {agreement.upper()}")

    def fail(self, message: str):
        sys.stderr.write(f"ftahub origin assess: {message}\n")
        sys.exit(2)

    def assess(self, input, rule=None, agreement=None, market=None, as_json=False, **options):
        try:
            raw = sys.stdin.read() if input == "-" else open(input, encoding="utf-8").read()
        except OSError as exc:
            self.fail(f"cannot read {input}: {exc.strerror}")
        try:
            case = json.loads(raw)
        except json.JSONDecodeError as exc:
            self.fail(f"{input} is not valid JSON (line {exc.lineno}: {exc.msg})")
        if market:
            return self.assess_markets(case, market, rule, as_json)
        code = agreement or (case.get("agreement") if isinstance(case, dict) else None)
        if code and str(code).upper() not in all_provisions():
            self.fail(f"unknown agreement {code!r}; known: {', '.join(sorted(all_provisions()))}")
        try:
            result = assess_case(case, rule=rule, agreement=agreement, rule_for=rule_text_for)
        except RuleSyntaxError as exc:
            self.fail(f"the rule does not parse: {exc}")
        except (InputError, AmbiguousRule) as exc:
            self.fail(str(exc))
        except DatabaseError:
            self.fail("the database is not set up: run 'ftahub migrate' and 'ftahub load-reference' "
                      "(or give the rule with --rule)")
        if as_json:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
            return
        verdict = "QUALIFIES" if result["qualifies"] else "DOES NOT QUALIFY"
        self.stdout.write(f"{verdict} under {result['agreement'] or 'no agreement'} — rule: {result['rule']}")
        if result["met_by"]:
            self.stdout.write(f"  met by: {result['met_by']}")
        for test in result["tests"]:
            mark = {True: "pass", False: "FAIL", None: "????"}[test["pass"]]
            self.stdout.write(f"  [{mark}] {test['rule']}: required {test['required']}, actual {test['actual']}"
                              f" ({test['detail']})")
        for remedy in result["to_qualify"]:
            self.stdout.write(f"  to qualify by {remedy['alternative']}: "
                              + "; ".join(a["detail"] for a in remedy["actions"]))

    def assess_markets(self, case, markets: str, rule, as_json: bool) -> None:
        """Every agreement with each market, as the self-assessment page shows it: the verdict (qualifies, does not
        qualify, cannot decide, no rule), the rule used and where it comes from (the article of a general rule)."""
        from ftahub.origin.selfassess import assess_everywhere
        from ftahub.places.countries import resolve

        report = {}
        for name in [m.strip() for m in markets.split(",") if m.strip()]:
            try:
                code = resolve(name)
                if code is None:
                    self.fail(f"unknown market {name!r}: give an ISO code (JP) or a country's name")
                rows = assess_everywhere(case, code, rule)
            except DatabaseError:
                self.fail("the database is not set up: run 'ftahub migrate' and 'ftahub load-reference'")
            except (InputError, KeyError, TypeError) as exc:
                self.fail(f"the case is not usable: {exc}")
            report[code] = [_summary(row) for row in rows]
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        for code, rows in report.items():
            self.stdout.write(f"{code}:")
            for row in rows:
                self.stdout.write(f"  {row['verdict'].upper():17} {row['agreement']:8} {row['rule'] or '—'}")
                self.stdout.write(f"  {'':17} {'':8} {row['cited']}")


VERDICT_WORDS = {"qualifies": "qualifies", "fails": "does not qualify", "undecided": "cannot decide",
                 "no_rule": "no rule", "error": "error"}


def _summary(row: dict) -> dict:
    """One agreement's row for the CLI: verdict, rule, and where the rule comes from."""
    result = row.get("result") or {}
    if row["status"] == "no_rule":
        verdict = "no_rule"
    elif row["status"] in ("error",):
        verdict = "error"
    elif row["status"] == "ambiguous" or result.get("needs_manual_reading"):
        verdict = "undecided"
    else:
        verdict = "qualifies" if result.get("qualifies") else "fails"
    general = row.get("general") or {}
    if general and not general.get("rule"):  # the agreement has product-specific rules only
        cited = f"product-specific rules only ({general['article']}); {general['annex']} is not loaded"
    elif row.get("rule_origin") == "general":
        cited = f"general rule of {general['article']}, unless {general['annex']} lists the product (not loaded)"
    elif row.get("rule_origin") == "loaded":
        cited = f"product-specific rule: {row.get('rule_source') or ''}"
    else:
        cited = row.get("message") or "no rule of this agreement is recorded in the hub"
    return {"agreement": row["agreement"], "verdict": VERDICT_WORDS[verdict], "rule": result.get("rule"),
            "met_by": result.get("met_by"), "cited": cited, "legal_text": row.get("legal_text") or "",
            "message": row.get("message") or ""}
