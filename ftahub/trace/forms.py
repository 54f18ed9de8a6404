import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ftahub.core.problems import in_words

from . import farm
from .models import Threshold

STEP_CHOICES = [("harvesting", _("Harvest")), ("packing", _("Packing")), ("storing", _("Cold storage")),
                ("shipping", _("Shipping"))]
UNITS = [("KGM", _("kilograms")), ("TNE", _("tonnes")), ("H87", _("pieces")), ("XBX", _("boxes"))]


class GtinField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        try:
            return farm.normalise_gtin(value)
        except farm.FarmInputError as exc:
            raise forms.ValidationError(in_words(exc.errors[0])) from None


class LotField(forms.CharField):
    def clean(self, value):
        value = super().clean(value).strip()
        try:
            farm.lot_uri("0" * 14, value)
        except farm.FarmInputError as exc:
            raise forms.ValidationError(in_words(exc.errors[0])) from None
        return value


class StepForm(forms.Form):
    step = forms.ChoiceField(label=_("What happened"), choices=STEP_CHOICES, widget=forms.RadioSelect)
    gtin = GtinField(label=_("Product GTIN (barcode number)"), max_length=20)
    lot = LotField(label=_("Lot or batch"), max_length=20)
    quantity = forms.DecimalField(label=_("Quantity"), min_value=0.001, max_digits=12, decimal_places=3)
    unit = forms.ChoiceField(label=_("Unit"), choices=UNITS)
    when = forms.DateTimeField(label=_("Date and time"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    temperature = forms.FloatField(label=_("Temperature (°C), if measured"), required=False, min_value=-80,
                                   max_value=80)
    destination = forms.CharField(label=_("Destination (for shipping): buyer's GLN or address"), required=False,
                                  max_length=200)

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when > timezone.now() + datetime.timedelta(minutes=5):
            raise forms.ValidationError(_("The time is in the future."))
        return when


class TemperatureUploadForm(forms.Form):
    gtin = GtinField(label=_("Product GTIN"), max_length=20)
    lot = LotField(label=_("Lot or batch"), max_length=20)
    file = forms.FileField(label=_("Temperature log (CSV)"),
                           help_text=_("Columns: time, temperature (°C), optionally device. At most 2 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        return upload


class ThresholdForm(forms.ModelForm):
    gtin = GtinField(label=_("GTIN"), max_length=20)

    class Meta:
        model = Threshold
        fields = ["gtin", "product", "type", "uom", "minimum", "maximum"]

    def clean(self):
        data = super().clean()
        low, high = data.get("minimum"), data.get("maximum")
        if low is None and high is None:
            raise forms.ValidationError(_("Give a minimum, a maximum or both."))
        if low is not None and high is not None and low > high:
            raise forms.ValidationError(_("The minimum is above the maximum."))
        return data


class LotLinkForm(forms.Form):
    assessment = forms.ModelChoiceField(label=_("Origin self-assessment"), queryset=None, required=False)
    certificate = forms.ModelChoiceField(label=_("C/O covering the shipment"), queryset=None, required=False)

    def __init__(self, *args, enterprise=None, **kwargs):
        from ftahub.certificates.models import IssuedCertificate
        from ftahub.origin.models import OriginAssessment

        super().__init__(*args, **kwargs)
        self.fields["assessment"].queryset = OriginAssessment.objects.filter(enterprise=enterprise)
        self.fields["certificate"].queryset = IssuedCertificate.objects.filter(enterprise=enterprise)
