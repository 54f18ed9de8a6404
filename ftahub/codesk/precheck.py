"""The pre-check: what is missing or inconsistent in an application before it reaches an officer (and eCoSys).

Each finding is an error (submission is refused until it is fixed) or a warning (the officer will see it). The
checks, in order: required fields; the dossier of Decree 31/2018/ND-CP Art. 15 (export customs declaration,
commercial invoice, transport document, statement of origin-conferring materials); the agreement and its C/O form;
whether the agreement covers the destination and was in force on the departure date; each item's HS code against the
loaded nomenclature; each item's origin criterion against its attached self-assessment; and the values.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from ftahub.common import hscode
from ftahub.tariffs.models import HSCode, LineProcedure

from .models import Application, Document, Item

# Decree 31/2018/ND-CP, Art. 15(1): the dossier for a first C/O application (points c, d, dd, e).
REQUIRED_DOCUMENTS = [Document.Kind.CUSTOMS_DECLARATION, Document.Kind.INVOICE, Document.Kind.TRANSPORT,
                      Document.Kind.ORIGIN_STATEMENT]
DOSSIER_SOURCE = "Decree 31/2018/ND-CP on rules of origin, Article 15(1)"


ITEM_CODES = {"hs_format", "hs_unknown", "hs_national_unloaded", "import_procedures", "quantity", "fob_value",
              "no_assessment",
              "assessment_owner", "assessment_hs", "assessment_agreement", "assessment_fails", "assessment_undecided", "criterion_contradicts"}


@dataclass(frozen=True)
class Finding:
    severity: str  # error, warning, advice (never blocks)
    code: str
    field: str
    message: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def place(self) -> str:
        """Where to look, for the reader: an item's number; the message names the other fields itself."""
        return self.field if self.code in ITEM_CODES else ""


CRITERION_TESTS = {"CTC": ("CC", "CTH", "CTSH"), "RVC": ("RVC", "VAC", "LVC", "QVC", "MAXNOM")}


def _criterion_fits(criterion: str, result: dict) -> bool:
    """Whether the criterion the exporter declares is one the self-assessment found met: a passing test of that
    kind (not only the first alternative that passed)."""
    met_by = (result.get("met_by") or "").upper()
    passed = {(t.get("name") or "").upper() for t in result.get("tests") or [] if t.get("pass")}
    materials = result.get("materials") or []
    if criterion == Item.Criterion.WO:
        return met_by.startswith("WO") or "WO" in passed
    if criterion == Item.Criterion.PE:
        return bool(materials) and all(m.get("originating") for m in materials)
    if criterion in CRITERION_TESTS:
        return bool(passed & set(CRITERION_TESTS[criterion]))
    return bool(met_by)


def _check_item(app: Application, item: Item, findings: list[Finding]) -> None:
    where = _("item %(n)s") % {"n": item.position}
    code = hscode.compact(item.hs_code)
    if len(code) not in (6, 8):
        findings.append(Finding("error", "hs_format", where,
                                _("HS code %(code)s must have 6 or 8 digits.") % {"code": item.hs_code}))
    elif not HSCode.objects.filter(code=code[:6]).exists():
        findings.append(Finding("error", "hs_unknown", where,
                                _("HS code %(code)s does not exist in the HS 2022 nomenclature.") % {"code": item.hs_code}))
    elif len(code) == 8 and not HSCode.objects.filter(code=code).exists():
        findings.append(Finding("warning", "hs_national_unloaded", where,
                                _("National line %(code)s is not in the tariff loaded on this hub; the officer will "
                                  "check it against the full nomenclature.") % {"code": item.hs_code}))
    elif len(code) == 8:
        procedures = list(LineProcedure.objects.filter(line__code=code))
        if procedures:  # advice for whoever imports such goods into Viet Nam (materials, returned goods)
            findings.append(Finding("advice", "import_procedures", where, _(
                "Imports of line %(code)s into Viet Nam must pass: %(procedures)s.") % {
                    "code": item.hs_code, "procedures": "; ".join(
                        f"{p.name} ({p.basis})" if p.basis else p.name for p in procedures)}))
    if item.quantity is not None and item.quantity <= 0:
        findings.append(Finding("error", "quantity", where, _("The quantity must be more than zero.")))
    if item.fob_value is not None and item.fob_value <= 0:
        findings.append(Finding("error", "fob_value", where, _("The FOB value must be more than zero.")))
    if item.assessment is None:
        if item.criterion != Item.Criterion.WO:
            findings.append(Finding("warning", "no_assessment", where,
                                    _("No self-assessment is attached: the officer will ask for the cost statement.")))
        return
    assessment = item.assessment
    if assessment.enterprise_id != app.enterprise_id:
        findings.append(Finding("error", "assessment_owner", where,
                                _("The attached self-assessment belongs to another enterprise.")))
        return
    if code and assessment.product_hs[:6] != code[:6]:
        findings.append(Finding("error", "assessment_hs", where,
                                _("The self-assessment is for HS %(a)s but the item is HS %(b)s.")
                                % {"a": assessment.product_hs, "b": item.hs_code}))
    entry = next((r for r in assessment.results if r.get("agreement") == app.agreement.code), None)
    if entry is None:
        findings.append(Finding("warning", "assessment_agreement", where,
                                _("The self-assessment did not assess %(agreement)s.") % {"agreement": app.agreement.code}))
        return
    result = entry.get("result") or {}
    if entry.get("status") == "ambiguous" or (not result.get("qualifies") and result.get("needs_manual_reading")):
        findings.append(Finding("warning", "assessment_undecided", where,
                                _("The self-assessment could not decide under %(agreement)s (the rule needs reading, "
                                  "data is missing, or it depends on how the goods are described): the officer "
                                  "decides.") % {"agreement": app.agreement.code}))
    elif not result.get("qualifies"):
        findings.append(Finding("error", "assessment_fails", where,
                                _("The self-assessment says this product does not qualify under %(agreement)s.")
                                % {"agreement": app.agreement.code}))
    elif not _criterion_fits(item.criterion, result):
        findings.append(Finding("error", "criterion_contradicts", where,
                                _("Origin criterion %(criterion)s contradicts the self-assessment, which qualified the "
                                  "product by %(met_by)s.") % {"criterion": item.criterion,
                                                               "met_by": result.get("met_by") or "—"}))


def run(app: Application, today: datetime.date | None = None) -> list[Finding]:
    today = today or timezone.localdate()
    findings: list[Finding] = []
    required = {"importer_name": _("importer"), "destination": _("destination country"),
                "transport_means": _("means of transport and route"), "departure_date": _("departure date"),
                "port_loading": _("port of loading"), "port_discharge": _("port of discharge"),
                "invoice_number": _("invoice number"), "invoice_date": _("invoice date"),
                "invoice_total": _("invoice total")}
    for name, label in required.items():
        if getattr(app, name) in (None, ""):
            findings.append(Finding("error", "missing", name, _("%(field)s is missing.") % {"field": label}))

    kinds = set(app.documents.values_list("kind", flat=True))
    labels = dict(Document.Kind.choices)
    for kind in REQUIRED_DOCUMENTS:
        if kind not in kinds:
            findings.append(Finding("error", "document_missing", "documents",
                                    _("Attach the %(document)s (%(source)s).")
                                    % {"document": labels[kind], "source": DOSSIER_SOURCE}))

    agreement = app.agreement
    if agreement.co_form and app.form and app.form != agreement.co_form:
        findings.append(Finding("error", "form_mismatch", "form",
                                _("%(agreement)s uses C/O form %(expected)s, not %(given)s.")
                                % {"agreement": agreement.code, "expected": agreement.co_form, "given": app.form}))
    if not agreement.co_form:
        findings.append(Finding("warning", "form_unrecorded", "form",
                                _("The hub has no record of %(agreement)s's C/O form; the officer will confirm it.")
                                % {"agreement": agreement.code}))
    if app.destination:
        parties = set(agreement.parties.values_list("iso2", flat=True))
        if app.destination == "VN" or app.destination not in parties:
            findings.append(Finding("error", "destination_not_covered", "destination",
                                    _("%(agreement)s does not cover the destination %(country)s.")
                                    % {"agreement": agreement.code, "country": app.destination}))
    if app.departure_date and agreement.in_force_vn and app.departure_date < agreement.in_force_vn:
        findings.append(Finding("error", "not_in_force", "departure_date",
                                _("%(agreement)s was not in force for Viet Nam on the departure date.")
                                % {"agreement": agreement.code}))

    items = list(app.items.select_related("assessment"))
    if not items:
        findings.append(Finding("error", "no_items", "items", _("Add at least one item of goods.")))
    for item in items:
        _check_item(app, item, findings)

    total = sum((i.fob_value or Decimal(0) for i in items), Decimal(0))
    if items and app.invoice_total is not None and abs(total - app.invoice_total) > Decimal("0.01"):
        findings.append(Finding("error", "values_do_not_add_up", "invoice_total",
                                _("The items' FOB values add up to %(items)s USD but the invoice total is %(total)s USD.")
                                % {"items": f"{total:,.2f}", "total": f"{app.invoice_total:,.2f}"}))
    if app.invoice_date and app.invoice_date > today:
        findings.append(Finding("warning", "invoice_future", "invoice_date", _("The invoice date is in the future.")))
    return findings


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.is_error]
