"""Self-assessment pages: enter or upload a BOM, see the verdict under every agreement side by side, save it,
request supplier declarations, download the PDF and the evidence pack."""

import hashlib
import secrets

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ftahub.agreements.models import partner_countries
from ftahub.core.uploads import content_matches_name
from ftahub.places.models import Country

from .bom import BomError, flatten, read_bom, rows_to_materials
from .documents import assessment_pdf, evidence_pack
from .models import OriginAssessment, SupplierDeclaration
from .selfassess import assess_everywhere

ROW_FIELDS = ["line", "parent", "hs", "description", "value", "country", "originating", "weight_kg"]
MAX_UPLOAD = 2 * 1024 * 1024
DOCUMENT_TYPES = {".pdf": b"%PDF", ".png": b"\x89PNG", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}


def market_choices():
    return [("", gettext_lazy("Every agreement"))] + [(c.iso2, f"{c.name} ({c.iso2})")
                                                       for c in partner_countries()]


class ProductForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Product name"), max_length=200)
    product_hs = forms.RegexField(label=gettext_lazy("Product HS code"), regex=r"^\s*\d{4}(\.?\d{2}){1,3}\s*$",
                                  error_messages={"invalid": gettext_lazy("An HS code of 6, 8 or 10 digits.")})
    market = forms.ChoiceField(label=gettext_lazy("Export market"), required=False)
    fob = forms.FloatField(label=gettext_lazy("FOB price"), min_value=0, required=False)
    ex_works = forms.FloatField(label=gettext_lazy("Ex-works price"), min_value=0, required=False)
    net_cost = forms.FloatField(label=gettext_lazy("Net cost (optional)"), min_value=0, required=False)
    weight_kg = forms.FloatField(label=gettext_lazy("Product weight, kg (optional)"), min_value=0, required=False)
    processes = forms.CharField(label=gettext_lazy("Specific processes carried out (comma-separated)"),
                                required=False, max_length=300)
    rule = forms.CharField(label=gettext_lazy("Test this rule instead of the loaded ones (optional)"), required=False,
                           max_length=1000)
    bom_file = forms.FileField(label=gettext_lazy("Or upload the BOM (CSV or XLSX)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["market"].choices = market_choices()

    def clean(self):
        data = super().clean()
        if data.get("fob") is None and data.get("ex_works") is None:
            raise forms.ValidationError(_("Give the FOB or the ex-works price."))
        upload = data.get("bom_file")
        if upload and upload.size > MAX_UPLOAD:
            self.add_error("bom_file", _("The file is larger than 2 MB."))
        return data


def _rows_from_post(post, count: int) -> list[dict]:
    return [{f: post.get(f"row-{i}-{f}", "").strip() for f in ROW_FIELDS} for i in range(count)]


def _blank_rows(count: int) -> list[dict]:
    return [dict.fromkeys(ROW_FIELDS, "") for _ in range(count)]


def _case(form: ProductForm, materials: list[dict]) -> dict:
    d = form.cleaned_data
    return {"product": {"hs": d["product_hs"].strip(), "fob": d.get("fob"), "ex_works": d.get("ex_works"),
                        "net_cost": d.get("net_cost"), "weight_kg": d.get("weight_kg"),
                        "description": d["title"],
                        "processes": [p.strip().lower() for p in (d.get("processes") or "").split(",") if p.strip()]},
            "materials": materials}


def self_assess(request):
    """Anyone may assess; a signed-in business user may save the assessment for their enterprise."""
    count = 8
    rows = _blank_rows(count)
    results, bom_errors, case = None, [], None
    if request.method == "POST":
        form = ProductForm(request.POST, request.FILES)
        count = min(max(int(request.POST.get("rows") or 8), 1), 200)
        rows = _rows_from_post(request.POST, count)
        if "add_rows" in request.POST:
            rows += _blank_rows(5)
            form = ProductForm(request.POST)
            return render(request, "origin/self_assess.html", {"form": form, "rows": rows, "results": None})
        if form.is_valid():
            try:
                upload = form.cleaned_data.get("bom_file")
                if upload:
                    materials = read_bom(upload.name, upload.read())
                    rows = [{**{f: "" for f in ROW_FIELDS}, **{k: ("" if v is None else {True: "yes", False: "no"}
                                                                   .get(v, v) if k == "originating" else v)
                                                                for k, v in r.items() if k in ROW_FIELDS}}
                            for r in flatten(materials)]
                else:
                    filled = [[r[f] for f in ROW_FIELDS] for r in rows if any(r[f] for f in ("hs", "value"))]
                    materials = rows_to_materials(ROW_FIELDS, filled) if filled else []
            except BomError as exc:
                bom_errors = exc.errors
            else:
                case = _case(form, materials)
                results = assess_everywhere(case, form.cleaned_data.get("market") or None,
                                            form.cleaned_data.get("rule") or None)
                if "save" in request.POST:
                    return _save(request, form, case, results)
    else:
        form = ProductForm(initial={"market": request.GET.get("market", ""), "product_hs": request.GET.get("hs", "")})
    return render(request, "origin/self_assess.html",
                  {"form": form, "rows": rows, "results": results, "bom_errors": bom_errors, "case": case})


def _save(request, form, case, results):
    user = request.user
    if not user.is_authenticated or user.role != "business" or user.enterprise_id is None:
        messages.error(request, _("Sign in as a business user to save an assessment for your enterprise."))
        return redirect(f"{reverse('login')}?next={reverse('origin-self-assess')}")
    assessment = OriginAssessment.objects.create(
        enterprise=user.enterprise, province=user.enterprise.province, created_by=user,
        title=form.cleaned_data["title"], product_hs=case["product"]["hs"].replace(".", ""),
        market=form.cleaned_data.get("market") or "", case=case, results=results,
        is_demo=user.enterprise.is_demo,
    )
    messages.success(request, _("Assessment saved."))
    return redirect("origin-assessment", pk=assessment.pk)


@login_required
def assessment_list(request):
    assessments = OriginAssessment.objects.visible_to(request.user).select_related("enterprise")
    return render(request, "origin/assessment_list.html", {"assessments": assessments})


class DeclarationRequestForm(forms.Form):
    material_line = forms.ChoiceField(label=gettext_lazy("Material"))
    supplier_name = forms.CharField(label=gettext_lazy("Supplier"), max_length=200)
    supplier_email = forms.EmailField(label=gettext_lazy("Supplier email"))
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=SupplierDeclaration.Kind.choices)

    def __init__(self, lines, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["material_line"].choices = [(r["line"], f"{r['line']} · {r['hs']} {r['description']}")
                                                for r in lines]


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
            declaration = SupplierDeclaration.objects.create(
                assessment=assessment, enterprise=assessment.enterprise, province=assessment.province,
                material_line=line["line"], material_hs=line["hs"], material_description=line["description"] or "",
                supplier_name=form.cleaned_data["supplier_name"], supplier_email=form.cleaned_data["supplier_email"],
                kind=form.cleaned_data["kind"], token=secrets.token_urlsafe(32),
            )
            new_link = request.build_absolute_uri(reverse("origin-declare", args=[declaration.token]))
            send_mail(
                subject=_("Supplier declaration requested by %(name)s") % {"name": assessment.enterprise.name},
                message=_("%(name)s asks you to declare the origin of %(material)s. Open this link (no account "
                          "needed): %(link)s") % {"name": assessment.enterprise.name,
                                                   "material": line["description"] or line["hs"], "link": new_link},
                from_email=None, recipient_list=[declaration.supplier_email],
            )
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


class DeclarationForm(forms.Form):
    originating = forms.TypedChoiceField(
        label=gettext_lazy("Is the material originating?"), coerce=lambda v: v == "yes",
        choices=[("yes", gettext_lazy("Yes, it is originating")), ("no", gettext_lazy("No"))],
        widget=forms.RadioSelect)
    origin_country = forms.ChoiceField(label=gettext_lazy("Country of origin"))
    agreements = forms.CharField(label=gettext_lazy("Under which agreements (e.g. CPTPP, EVFTA)"), max_length=200,
                                 required=False)
    valid_from = forms.DateField(label=gettext_lazy("Valid from"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))
    valid_to = forms.DateField(label=gettext_lazy("Valid until"), required=False,
                               widget=forms.DateInput(attrs={"type": "date"}))
    declarant = forms.CharField(label=gettext_lazy("Your name and position"), max_length=200)
    document = forms.FileField(label=gettext_lazy("Signed declaration (PDF, PNG or JPG, at most 5 MB; optional)"),
                               required=False)
    confirm = forms.BooleanField(label=gettext_lazy("I declare that the information above is correct."))

    def __init__(self, kind, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.fields["origin_country"].choices = [(c.iso2, f"{c.name} ({c.iso2})") for c in
                                                 sorted(Country.objects.all(), key=lambda c: c.name)]

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if not upload:
            return upload
        if upload.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if not content_matches_name(upload, DOCUMENT_TYPES):
            raise forms.ValidationError(_("Upload a PDF, PNG or JPG file."))
        return upload

    def clean(self):
        data = super().clean()
        if self.kind == SupplierDeclaration.Kind.LONG_TERM and not (data.get("valid_from") and data.get("valid_to")):
            raise forms.ValidationError(_("A long-term declaration needs its validity period."))
        if data.get("valid_from") and data.get("valid_to") and data["valid_to"] < data["valid_from"]:
            raise forms.ValidationError(_("The validity ends before it starts."))
        return data


def declare(request, token: str):
    """The supplier's page, reached by the link; no account needed. A declaration is given once."""
    declaration = get_object_or_404(SupplierDeclaration.objects.select_related("enterprise"), token=token)
    if declaration.status == SupplierDeclaration.Status.DECLARED:
        return render(request, "origin/declare_done.html", {"declaration": declaration})
    form = DeclarationForm(declaration.kind, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            declaration.originating = data["originating"]
            declaration.origin_country = data["origin_country"]
            declaration.agreements = data.get("agreements") or ""
            declaration.valid_from = data.get("valid_from")
            declaration.valid_to = data.get("valid_to")
            declaration.declarant = data["declarant"]
            declaration.declared_at = timezone.now()
            declaration.status = SupplierDeclaration.Status.DECLARED
            if data.get("document"):
                content = data["document"].read()
                data["document"].seek(0)
                declaration.document_sha256 = hashlib.sha256(content).hexdigest()
                declaration.document = data["document"]
            declaration.save()
        return render(request, "origin/declare_done.html", {"declaration": declaration})
    return render(request, "origin/declare.html", {"declaration": declaration, "form": form})
