"""The forms of the self-assessment pages: the product and its BOM, a request for a supplier's declaration, and
the supplier's declaration itself."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ftahub.agreements.models import partner_countries
from ftahub.common.amounts import AmountError, parse_amount
from ftahub.core.uploads import content_matches_name
from ftahub.places.models import Country

from .models import SupplierDeclaration

MAX_UPLOAD = 2 * 1024 * 1024
DOCUMENT_TYPES = {".pdf": b"%PDF", ".png": b"\x89PNG", ".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff"}


def market_choices():
    return [("", gettext_lazy("Every agreement"))] + [(c.iso2, f"{c.name} ({c.iso2})")
                                                       for c in partner_countries()]


AMOUNT_MESSAGES = {
    "not_a_number": gettext_lazy("“%(value)s” is not a number."),
    "ambiguous": gettext_lazy("“%(value)s” can be read two ways: write 2500 (no thousands mark) or 2,5 (decimal "
                              "comma)."),
    "negative": gettext_lazy("“%(value)s” is below zero."),
    "currency": gettext_lazy("“%(value)s” is in another currency than the one chosen."),
}


def amount_message(code: str, value: str) -> str:
    return AMOUNT_MESSAGES[code] % {"value": value}


class ProductForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Product name"), max_length=200)
    product_hs = forms.RegexField(label=gettext_lazy("Product HS code"), regex=r"^\s*\d{4}(\.?\d{2}){1,3}\s*$",
                                  error_messages={"invalid": gettext_lazy("An HS code of 6, 8 or 10 digits.")})
    market = forms.ChoiceField(label=gettext_lazy("Export market"), required=False)
    currency = forms.ChoiceField(label=gettext_lazy("Currency of the prices and material values"),
                                 choices=[("USD", "USD"), ("VND", "VND"), ("EUR", "EUR")], initial="USD",
                                 required=False)
    fob = forms.CharField(label=gettext_lazy("FOB price"), required=False, max_length=40)
    ex_works = forms.CharField(label=gettext_lazy("Ex-works price"), required=False, max_length=40)
    net_cost = forms.CharField(label=gettext_lazy("Net cost (optional)"), required=False, max_length=40)
    weight_kg = forms.CharField(label=gettext_lazy("Product weight, kg (optional)"), required=False, max_length=40)
    wholly_obtained = forms.BooleanField(
        label=gettext_lazy("Wholly obtained in Viet Nam: grown and harvested, born and raised, caught or mined here "
                           "(or made only from such goods)"), required=False)
    processes = forms.CharField(label=gettext_lazy("Specific processes carried out (comma-separated)"),
                                required=False, max_length=300)
    rule = forms.CharField(label=gettext_lazy("Test this rule instead of the loaded ones (optional)"), required=False,
                           max_length=1000)
    bom_file = forms.FileField(label=gettext_lazy("Or upload the BOM (CSV or XLSX)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["market"].choices = market_choices()

    AMOUNTS = ("fob", "ex_works", "net_cost", "weight_kg")

    def clean(self):
        data = super().clean()
        data["currency"] = data.get("currency") or "USD"
        for name in self.AMOUNTS:
            typed = (data.get(name) or "").strip()
            data[name] = None
            if not typed:
                continue
            try:
                data[name] = parse_amount(typed, data.get("currency") if name != "weight_kg" else None).value
            except AmountError as exc:
                self.add_error(name, amount_message(exc.code, typed))
        if not self.errors and data.get("fob") is None and data.get("ex_works") is None:
            raise forms.ValidationError(_("Give the FOB or the ex-works price."))
        upload = data.get("bom_file")
        if upload and upload.size > MAX_UPLOAD:
            self.add_error("bom_file", _("The file is larger than 2 MB."))
        return data


class DeclarationRequestForm(forms.Form):
    material_line = forms.ChoiceField(label=gettext_lazy("Material"))
    supplier_name = forms.CharField(label=gettext_lazy("Supplier"), max_length=200)
    supplier_email = forms.EmailField(label=gettext_lazy("Supplier email"))
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=SupplierDeclaration.Kind.choices)

    def __init__(self, lines, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["material_line"].choices = [(r["line"], f"{r['line']} · {r['hs']} {r['description']}")
                                                for r in lines]


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


class RuleTableForm(forms.Form):
    """A national administrator loads an agreement's product-specific rules from the annex as a table (#16)."""

    agreement = forms.ModelChoiceField(queryset=None, to_field_name="code", label=gettext_lazy("Agreement"))
    wording = forms.ChoiceField(label=gettext_lazy("How the rules are written"), choices=[
        ("abbreviated", gettext_lazy("Abbreviated, as ASEAN annexes print them (RVC40 or CTH, CC, WO)")),
        ("eu", gettext_lazy("In words, as the EU agreements print them (Manufacture from materials of any heading…)")),
        ("cptpp", gettext_lazy("In words, as CPTPP Annex 3-D prints them (A change to a good of heading…)"))])
    source = forms.CharField(label=gettext_lazy("Legal source"), max_length=250, help_text=gettext_lazy(
        "The text the table comes from, shown beside every rule: e.g. ATIGA Annex 3, as published by the ASEAN "
        "Secretariat (link)."))
    file = forms.FileField(label=gettext_lazy("Table (CSV or XLSX, at most 2 MB)"), help_text=gettext_lazy(
        "A header row naming the columns hs (a code or a range such as 0801-0802) and rule (the legal text), "
        "optionally description and note."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ftahub.agreements.models import TradeAgreement

        self.fields["agreement"].queryset = TradeAgreement.objects.order_by("code")
        self.fields["agreement"].label_from_instance = lambda a: f"{a.code} — {a.name}"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Choose a CSV or XLSX file."))
        return upload
