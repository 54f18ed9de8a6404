from django import forms
from django.utils.translation import gettext_lazy as _

from ftahub.agreements.models import TradeAgreement, partner_countries
from ftahub.common import hscode
from ftahub.core.uploads import content_matches_name
from ftahub.origin.models import OriginAssessment

from .models import Application, Document, Item

MAX_DOCUMENT = 10 * 1024 * 1024
# what a supporting document may be: the first bytes of each accepted type
DOCUMENT_TYPES = {".pdf": (b"%PDF",), ".png": (b"\x89PNG",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
                  ".xlsx": (b"PK\x03\x04",), ".xml": (b"<?xml", b"\xef\xbb\xbf<?xml")}


class DateInput(forms.DateInput):
    input_type = "date"


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = ["agreement", "form", "destination", "importer_name", "importer_address", "transport_means",
                  "departure_date", "port_loading", "port_discharge", "invoice_number", "invoice_date",
                  "invoice_total", "customs_declaration"]
        widgets = {"departure_date": DateInput(), "invoice_date": DateInput()}

    destination = forms.ChoiceField(label=_("destination country"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = TradeAgreement.objects.order_by("code")
        self.fields["agreement"].label_from_instance = lambda a: f"{a.code} — {a.name}"
        self.fields["destination"].choices = [("", "—")] + [(c.iso2, f"{c.name} ({c.iso2})")
                                                            for c in partner_countries()]
        self.fields["form"].help_text = _("Leave empty to use the agreement's C/O form.")

    def clean(self):
        data = super().clean()
        if data.get("agreement") and not data.get("form"):
            data["form"] = data["agreement"].co_form
        return data


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ["hs_code", "description", "quantity", "unit", "fob_value", "criterion", "marks", "assessment"]

    def __init__(self, *args, enterprise=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessment"].queryset = OriginAssessment.objects.filter(enterprise=enterprise)
        self.fields["assessment"].label_from_instance = lambda a: f"{a.title} — HS {a.product_hs} ({a.created_at:%d/%m/%Y})"

    def clean_hs_code(self):
        return hscode.dotted(hscode.compact(self.cleaned_data["hs_code"]))


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("document"), choices=Document.Kind.choices)
    file = forms.FileField(label=_("file"), help_text=_("PDF, PNG, JPG, XLSX or XML, at most 10 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_DOCUMENT:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        if not content_matches_name(upload, DOCUMENT_TYPES):
            raise forms.ValidationError(_("Upload a PDF, PNG, JPG, XLSX or XML file whose content matches its name."))
        return upload


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("changes", _("Request changes")),
                                          ("reject", _("Reject"))], widget=forms.RadioSelect)
    comment = forms.CharField(label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class OutcomeForm(forms.Form):
    co_number = forms.CharField(label=_("C/O number in eCoSys"), max_length=60)
    issued_on = forms.DateField(label=_("date of issue"), widget=DateInput())
    issuing_body = forms.CharField(label=_("issuing organisation"), max_length=200)


class RevocationForm(forms.Form):
    action = forms.ChoiceField(label=_("action"), widget=forms.RadioSelect,
                               choices=[("revoke", _("Revoke the certificate")),
                                        ("replace", _("Record a replacement certificate"))])
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))
    co_number = forms.CharField(label=_("replacement C/O number in eCoSys"), max_length=60, required=False)
    issued_on = forms.DateField(label=_("date of issue"), widget=DateInput(), required=False)
    issuing_body = forms.CharField(label=_("issuing organisation"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "replace" and not (data.get("co_number") and data.get("issued_on")
                                                    and data.get("issuing_body")):
            raise forms.ValidationError(_("A replacement needs its C/O number, date of issue and issuing "
                                          "organisation."))
        return data
