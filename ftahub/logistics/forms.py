from django import forms
from django.utils.translation import gettext_lazy as _

from ftahub.common.text import fold
from ftahub.places.fields import CountryField
from ftahub.places.models import Province

from .models import Consignment, Facility, Leg

MAX_FILE = 20 * 1024 * 1024
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class FacilityForm(forms.ModelForm):
    class Meta:
        model = Facility
        fields = ["kind", "name", "name_en", "operator", "gln", "province", "address", "latitude", "longitude",
                  "pallets", "cubic_metres", "teu", "trucks_per_day", "temperature_min", "temperature_max",
                  "services", "certifications"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = Province.objects.filter(era="2025").order_by("name")


class ConsignmentForm(forms.ModelForm):
    destination = CountryField(label=_("Destination country"), required=False)

    class Meta:
        model = Consignment
        fields = ["reference", "goods", "hs_code", "destination", "lots", "co_number", "invoice_number", "units",
                  "weight_kg", "show_on_verification"]
        widgets = {"lots": forms.Textarea(attrs={"rows": 3}), "units": forms.Textarea(attrs={"rows": 3})}

    def clean_lots(self):
        from ftahub.trace import epcis

        lines = [x.strip() for x in self.cleaned_data["lots"].splitlines() if x.strip()]
        for line in lines:
            if epcis.key(line) == line and not line.startswith(("01/", "00/")):
                raise forms.ValidationError(_("%(value)s is not a GS1 identifier (an EPC URI such as "
                                              "urn:epc:class:lgtin:8930000123.012.LOT1, or a Digital Link).")
                                            % {"value": line})
        return "\n".join(lines)


class LegForm(forms.ModelForm):
    class Meta:
        model = Leg
        fields = ["mode", "carrier", "vehicle", "origin", "destination", "planned_departure", "planned_arrival",
                  "departed_at", "arrived_at"]
        widgets = {name: DATETIME for name in ("planned_departure", "planned_arrival", "departed_at", "arrived_at")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("planned_departure", "planned_arrival", "departed_at", "arrived_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        facilities = Facility.objects.select_related("province").order_by("name")
        self.fields["origin"].queryset = self.fields["destination"].queryset = facilities

    def clean(self):
        data = super().clean()
        if data.get("origin") and data.get("origin") == data.get("destination"):
            self.add_error("destination", _("A leg goes from one facility to another."))
        for start, end in (("planned_departure", "planned_arrival"), ("departed_at", "arrived_at")):
            if data.get(start) and data.get(end) and data[end] < data[start]:
                self.add_error(end, _("An arrival is before its departure."))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (CSV, XLSX or JSON)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        if not fold(upload.name).endswith((".csv", ".xlsx", ".json")):
            raise forms.ValidationError(_("Give a CSV, XLSX or JSON file."))
        return upload


class CrossingUploadForm(UploadForm):
    source = forms.CharField(label=_("Source (the gate's system)"), max_length=100)
