"""Self-assessment pages: enter or upload a BOM, see the verdict under every agreement side by side, save it,
request supplier declarations, download the PDF and the evidence pack."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ftahub.common import hscode
from ftahub.core import plugins
from ftahub.places import countries

from . import service, wording
from .bom import BomError, Problem, flatten, read_bom, rows_to_materials
from .documents import assessment_pdf, evidence_pack
from .forms import DeclarationForm, DeclarationRequestForm, ProductForm
from .models import OriginAssessment, SupplierDeclaration
from .selfassess import assess_everywhere

ROW_FIELDS = ["line", "parent", "hs", "description", "value", "country", "originating", "weight_kg"]


def _rows_from_post(post, count: int) -> list[dict]:
    return [{f: post.get(f"row-{i}-{f}", "").strip() for f in ROW_FIELDS} for i in range(count)]


def _blank_rows(count: int) -> list[dict]:
    return [dict.fromkeys(ROW_FIELDS, "") for _ in range(count)]


def _case(form: ProductForm, materials: list[dict]) -> dict:
    d = form.cleaned_data
    return {"product": {"hs": d["product_hs"].strip(), "fob": d.get("fob"), "ex_works": d.get("ex_works"),
                        "net_cost": d.get("net_cost"), "weight_kg": d.get("weight_kg"),
                        "description": d["title"], "wholly_obtained": bool(d.get("wholly_obtained")),
                        "currency": d.get("currency") or "USD",
                        "processes": [p.strip().lower() for p in (d.get("processes") or "").split(",") if p.strip()]},
            "materials": materials}


def self_assess(request):
    """Anyone may assess; a signed-in business user may save the assessment for their enterprise."""
    count = 8
    rows = _blank_rows(count)
    results, bom_errors, case = None, [], None
    if request.method == "POST":
        form = ProductForm(request.POST, request.FILES)
        rows_given = request.POST.get("rows", "")
        count = min(max(int(rows_given), 1), 200) if rows_given.isdigit() else 8  # "abc" was a 500 (#18)
        rows = _rows_from_post(request.POST, count)
        if "add_rows" in request.POST:
            rows += _blank_rows(5)
            form = ProductForm(request.POST)
            return render(request, "origin/self_assess.html", {"form": form, "rows": rows, "results": None,
                                                               "countries": countries.datalist()})
        if form.is_valid():
            options = {"currency": form.cleaned_data["currency"], "country": countries.resolve}
            try:
                upload = form.cleaned_data.get("bom_file")
                if upload:
                    materials = read_bom(upload.name, upload.read(), **options)
                    rows = [{**{f: "" for f in ROW_FIELDS}, **{k: ("" if v is None else {True: "yes", False: "no"}
                                                                   .get(v, v) if k == "originating" else v)
                                                                for k, v in r.items() if k in ROW_FIELDS}}
                            for r in flatten(materials)]
                else:
                    filled = [[r[f] for f in ROW_FIELDS] for r in rows if any(r[f] for f in ("hs", "value"))]
                    materials = rows_to_materials(ROW_FIELDS, filled, **options) if filled else []
                _check_totals(form.cleaned_data, materials)
            except BomError as exc:
                bom_errors = [wording.problem(p) for p in exc.problems]
            else:
                case = _case(form, materials)
                results = assess_everywhere(case, form.cleaned_data.get("market") or None,
                                            form.cleaned_data.get("rule") or None)
                if "save" in request.POST:
                    return _save(request, form, case, results)
    else:
        form = ProductForm(initial={"market": request.GET.get("market", ""), "product_hs": request.GET.get("hs", "")})
    return render(request, "origin/self_assess.html",
                  {"form": form, "rows": rows, "results": results, "bom_errors": bom_errors, "case": case,
                   "countries": countries.datalist()})


def _check_totals(product: dict, materials: list[dict]) -> None:
    """Material values above the product's price cannot be right (the content test would read above 100 %): refuse
    them rather than assess them."""
    prices = [p for p in (product.get("ex_works"), product.get("fob")) if p]
    total = sum(m.get("value") or 0 for m in materials)
    if prices and total > max(prices):
        raise BomError([Problem("above_price", 0, (("total", f"{total:g}"), ("price", f"{max(prices):g}")))])


def _save(request, form, case, results):
    user = request.user
    if not user.is_authenticated or user.role != "business" or user.enterprise_id is None:
        messages.error(request, _("Sign in as a business user to save an assessment for your enterprise."))
        return redirect(f"{reverse('login')}?next={reverse('origin-self-assess')}")
    assessment = service.save_assessment(user, form.cleaned_data["title"], form.cleaned_data.get("market") or "",
                                         case, results)
    messages.success(request, _("Assessment saved."))
    return redirect("origin-assessment", pk=assessment.pk)


@login_required
def assessment_list(request):
    assessments = OriginAssessment.objects.visible_to(request.user).select_related("enterprise")
    return render(request, "origin/assessment_list.html", {"assessments": assessments})


@login_required
def assessment_detail(request, pk: int):
    assessment = get_object_or_404(OriginAssessment.objects.visible_to(request.user), pk=pk)
    lines = flatten(assessment.case.get("materials", []))
    can_request = request.user.role == "business" and request.user.enterprise_id == assessment.enterprise_id
    form = DeclarationRequestForm(lines, request.POST or None)
    new_link = None
    if request.method == "POST":
        if not can_request:
            raise PermissionDenied
        if form.is_valid():
            line = next(r for r in lines if r["line"] == form.cleaned_data["material_line"])
            declaration, new_link = service.request_declaration(
                assessment, line, form.cleaned_data["supplier_name"], form.cleaned_data["supplier_email"],
                form.cleaned_data["kind"],
                link_for=lambda token: request.build_absolute_uri(reverse("origin-declare", args=[token])))
            messages.success(request, _("Request sent to %(email)s.") % {"email": declaration.supplier_email})
            form = DeclarationRequestForm(lines)
    declarations = list(assessment.declarations.all())
    by_line = {}
    for d in declarations:
        by_line.setdefault(d.material_line, []).append(d)
    warnings = []
    for d in declarations:
        if d.expired or d.expires_within(30):
            message = (_("The declaration of %(s)s for line %(l)s expired on %(d)s.") if d.expired
                       else _("The declaration of %(s)s for line %(l)s expires on %(d)s."))
            warnings.append(message % {"s": d.supplier_name, "l": d.material_line, "d": d.valid_to})
    for r in lines:
        r["declarations"] = by_line.get(r["line"], [])
        if r["originating"] is True and any(d.status == "declared" and d.originating is False
                                            for d in r["declarations"]):
            warnings.append(_("Line %(l)s is entered as originating but its supplier declared it is not.")
                            % {"l": r["line"]})
    return render(request, "origin/assessment_detail.html", {
        "assessment": assessment, "lines": lines, "form": form, "can_request": can_request,
        "new_link": new_link, "warnings": warnings, "results": assessment.results,
    })


@login_required
def assessment_pdf_view(request, pk: int):
    assessment = get_object_or_404(OriginAssessment.objects.visible_to(request.user), pk=pk)
    response = HttpResponse(assessment_pdf(assessment), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="origin-assessment-{assessment.pk}.pdf"'
    return response


@login_required
def evidence_pack_view(request, pk: int):
    assessment = get_object_or_404(OriginAssessment.objects.visible_to(request.user), pk=pk)
    response = HttpResponse(evidence_pack(assessment), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="evidence-pack-{assessment.pk}.zip"'
    return response


def declare(request, token: str):
    """The supplier's page, reached by the link; no account needed. A declaration is given once."""
    declaration = get_object_or_404(SupplierDeclaration.objects.select_related("enterprise"), token=token)
    if declaration.status == SupplierDeclaration.Status.DECLARED:
        return render(request, "origin/declare_done.html", {"declaration": declaration})
    form = DeclarationForm(declaration.kind, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        service.record_declaration(declaration, form.cleaned_data)
        return render(request, "origin/declare_done.html", {"declaration": declaration})
    return render(request, "origin/declare.html", {"declaration": declaration, "form": form})


def glossary(request):
    """The words of rules of origin in plain language, linked from every rule shown in words."""
    return render(request, "origin/glossary.html", {"terms": wording.GLOSSARY})


GUIDE_ROWS = 6
GUIDE_FIELDS = ("title", "product_hs", "market", "currency", "fob", "ex_works", "weight_kg", "wholly_obtained")


def guide(request):
    """The guided path for an exporter who does not know "CTH" or "RVC": the product and market, whether it is
    wholly obtained here, then each material with where it comes from and what it costs (the HS code suggested
    from its name when left blank, for the exporter to check), then the verdict under each agreement in words.
    Every step keeps what was typed before in hidden fields; nothing is stored."""
    data = request.POST if request.method == "POST" else request.GET
    step = data.get("step", "product")
    form = ProductForm(data or None, initial={"market": request.GET.get("market", ""),
                                              "product_hs": request.GET.get("hs", "")})
    rows = [{f: data.get(f"row-{i}-{f}", "").strip()
             for f in ("description", "hs", "country", "value", "weight_kg", "local")} for i in range(GUIDE_ROWS)]
    context = {"form": form, "rows": rows, "step": step, "countries": countries.datalist(),
               "kept": [(name, data.get(name, "")) for name in GUIDE_FIELDS], "suggested": set()}
    if request.method != "POST" or not form.is_valid():
        # the product's weight is asked with the materials: a wrong one comes back there
        back = "materials" if step == "materials" and form.is_bound and set(form.errors) == {"weight_kg"} else "product"
        return render(request, "origin/guide.html", {**context, "step": back})
    if step == "product":
        return render(request, "origin/guide.html", {**context, "step": "wholly"})
    if step == "wholly" and not form.cleaned_data.get("wholly_obtained"):
        return render(request, "origin/guide.html", {**context, "step": "materials"})
    if step == "materials" and any(r["description"] and not r["hs"] for r in rows):
        # suggest the HS code of each material from its name (the HS assistant, where installed); the exporter
        # checks them before the verdict
        suggest = plugins.service("hs_suggest")
        for i, row in enumerate(rows):
            if row["description"] and not row["hs"] and suggest and (found := suggest(row["description"])):
                row["hs"] = hscode.dotted(found)
                context["suggested"].add(i)
        return render(request, "origin/guide.html", {**context, "step": "materials"})
    table = [[r["hs"], r["description"], r["value"], r["country"],
              "yes" if r["local"] else ("unknown" if countries.resolve(r["country"]) == "VN" else "no"),
              r["weight_kg"]]
             for r in rows if r["description"] or r["value"]]
    try:
        materials = rows_to_materials(["hs", "description", "value", "country", "originating", "weight_kg"], table,
                                      currency=form.cleaned_data["currency"], country=countries.resolve) \
            if table else []
        _check_totals(form.cleaned_data, materials)
    except BomError as exc:
        return render(request, "origin/guide.html", {**context, "step": "materials",
                                                     "bom_errors": [wording.problem(p) for p in exc.problems]})
    case = _case(form, materials)
    results = assess_everywhere(case, form.cleaned_data.get("market") or None)
    return render(request, "origin/guide.html", {**context, "step": "results", "results": results, "case": case})


# -- national administrators: product-specific rules from a table (#16) -----------------------------------------

TABLE_ERROR_WORDS = {
    "wording": gettext_lazy("Choose how the rules are written."),
    "agreement": gettext_lazy("There is no such agreement."),
    "unreadable": gettext_lazy("The file cannot be read as CSV or XLSX."),
    "empty": gettext_lazy("The file is empty."),
    "header": gettext_lazy("The first row must name the columns hs and rule."),
}
ROW_ERROR_WORDS = {
    "hs": gettext_lazy("“%(value)s” is not an HS code or a range of codes (e.g. 0810, 0801-0802)."),
    "rule_empty": gettext_lazy("The rule is empty."),
}


@login_required
def rule_import(request):
    """Preview what a table of product-specific rules would load (how many the hub tests itself, which are kept for
    reading, rows that are wrong or that the audit finds saying more than their text), then load it."""
    from ftahub.core import uploads
    from ftahub.core.audit import acting_as

    from .forms import RuleTableForm
    from .ruletable import RuleTableError, import_rule_table

    if not request.user.is_national:
        raise PermissionDenied
    form = RuleTableForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and "confirm" in request.POST:
        pending = request.session.pop("origin-rule-table", None)
        data = uploads.unstash(pending["token"]) if pending else None
        if data is None:
            messages.error(request, _("The previewed file is gone: upload it again."))
            return redirect("origin-rule-import")
        with acting_as(request.user):
            report = import_rule_table(pending["agreement"], pending["name"], data, pending["wording"],
                                       pending["source"])
        if report["written"]:
            messages.success(request, _("%(n)s rules of %(agreement)s loaded.") % {
                "n": report["rules"], "agreement": report["agreement"]})
            return redirect("origin-rule-import")
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        d = form.cleaned_data
        try:
            report = import_rule_table(d["agreement"].code, upload.name, data, d["wording"], d["source"], write=False)
        except RuleTableError as exc:
            form.add_error("file", TABLE_ERROR_WORDS[exc.code])
        else:
            if not report["errors"] and not report["flagged"] and report["rules"]:
                request.session["origin-rule-table"] = {"token": uploads.stash([data]), "name": upload.name,
                                                        "agreement": d["agreement"].code, "wording": d["wording"],
                                                        "source": d["source"]}
    if report:
        report["error_lines"] = [(row, ROW_ERROR_WORDS[code] % {"value": value})
                                 for row, code, value in report["errors"]]
    return render(request, "origin/rule_import.html", {"form": form, "report": report})
