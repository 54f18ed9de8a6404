from django import forms
from django.utils.translation import gettext_lazy as _

from ftahub.common.text import fold
from ftahub.places.fields import CountryField

from . import service
from .models import Notice, Requirement
from .noticefile import hs_prefixes

MAX_FILE = 10 * 1024 * 1024


class MarketField(CountryField):
    """A market typed or chosen from the list: a country, or the European Union as one market."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, datalist="markets", **kwargs)

    def resolve(self, text: str) -> str | None:
        return service.resolve_market(text)


def clean_hs_list(value: str) -> str:
    try:
        codes = hs_prefixes(value)
    except ValueError as exc:
        raise forms.ValidationError(_("%(code)s is not an HS chapter, heading or subheading (2, 4 or 6 digits).")
                                    % {"code": exc}) from None
    if not codes:
        raise forms.ValidationError(_("Give at least one HS code."))
    return ", ".join(codes)


class NoticeForm(forms.ModelForm):
    country = MarketField(label=_("Country taking the measure"))
    duties_text = forms.CharField(
        label=_("Duty rates by company"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One company per line: its name, a colon, the rate as published (e.g. Company A: 12.5%)."))

    class Meta:
        model = Notice
        fields = ["kind", "country", "reference", "title", "products", "hs_codes", "remedy", "stage", "objective",
                  "published_on", "comment_deadline", "in_force_on", "url", "source", "is_open"]
        widgets = {"published_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "comment_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "in_force_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "products": forms.Textarea(attrs={"rows": 2})}
        labels = {"is_open": _("Still open: the case or the measure is running")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk:
            self.initial["duties_text"] = "\n".join(f"{d.get('company', '')}: {d.get('rate', '')}"
                                                     for d in self.instance.duties)

    def clean_hs_codes(self):
        return clean_hs_list(self.cleaned_data["hs_codes"])

    def clean_duties_text(self):
        duties = []
        for number, line in enumerate(self.cleaned_data["duties_text"].splitlines(), start=1):
            if not line.strip():
                continue
            company, colon, rate = line.rpartition(":")
            if not colon or not company.strip() or not rate.strip():
                raise forms.ValidationError(_("Line %(number)d: write the company, a colon, then the rate.")
                                            % {"number": number})
            duties.append({"company": company.strip(), "rate": rate.strip()})
        return duties

    def save(self, commit=True):
        self.instance.duties = self.cleaned_data.get("duties_text") or []
        return super().save(commit)

    def clean(self):
        data = super().clean()
        if data.get("kind") == Notice.Kind.REMEDY and not data.get("remedy"):
            self.add_error("remedy", _("Say which measure the case is about."))
        if data.get("kind") != Notice.Kind.REMEDY and data.get("remedy"):
            self.add_error("remedy", _("Only a trade-remedy case has a measure."))
        return data


class RequirementForm(forms.ModelForm):
    partner = MarketField(label=_("Market"))

    class Meta:
        model = Requirement
        fields = ["partner", "hs_prefix", "kind", "title", "title_en", "detail", "source", "url", "applies_from"]
        widgets = {"applies_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "detail": forms.Textarea(attrs={"rows": 3})}

    def clean_hs_prefix(self):
        codes = clean_hs_list(self.cleaned_data["hs_prefix"]).split(", ")
        if len(codes) > 1:
            raise forms.ValidationError(_("One HS code per requirement."))
        return codes[0]


class FileForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or XLSX)"))
    source = forms.CharField(label=_("Source, when the file has no source column"), max_length=300, required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        if not fold(upload.name).endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Give a CSV or XLSX file."))
        return upload


class ScheduleForm(FileForm):
    partner = MarketField(label=_("Market whose schedule this is"))
    edition = forms.CharField(label=_("Edition, when the file has no edition column"), max_length=60, required=False)
    field_order = ["partner", "file", "source", "edition"]


class ThresholdForm(forms.Form):
    growth = forms.DecimalField(label=_("Growth at least (%)"), min_value=0, max_value=10000, initial=30,
                                required=False)
    share = forms.DecimalField(label=_("Share rising by at least (percentage points)"), min_value=0, max_value=100,
                               initial=5, required=False)
    value = forms.DecimalField(label=_("Exports at least (USD)"), min_value=0, initial=1_000_000, required=False)
