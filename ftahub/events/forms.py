from django import forms
from django.utils.translation import gettext_lazy as _

from ftahub.core.challenge import ChallengeField
from ftahub.places.models import Province

from .models import HubEvent, Registration


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "country", "phone", "role", "hs_codes", "markets"]

    challenge = ChallengeField()  # a person, not a script, is registering (#18)

    def __init__(self, *args, matchmaking=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not matchmaking:
            for name in ("role", "hs_codes", "markets"):
                del self.fields[name]
        else:
            self.fields["hs_codes"].help_text = _("Comma-separated, e.g. 081090, 0810")
            self.fields["markets"].help_text = _("Exhibitors: the countries you sell to, e.g. JP, KR")

    def clean_country(self):
        return self.cleaned_data.get("country", "").strip().upper()


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"


class EventForm(forms.ModelForm):
    class Meta:
        model = HubEvent
        fields = ["kind", "title", "title_en", "description", "description_en", "venue", "starts_at", "ends_at",
                  "registration_closes_at", "capacity", "status", "hs_codes", "matchmaking", "tables", "slot_minutes"]
        widgets = {name: DateTimeInput(format="%Y-%m-%dT%H:%M") for name in
                   ("starts_at", "ends_at", "registration_closes_at")}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_national:
            self.fields["province"] = forms.ModelChoiceField(Province.objects.filter(era="2025"),
                                                             label=_("province"))

    def clean(self):
        data = super().clean()
        starts, ends, closes = data.get("starts_at"), data.get("ends_at"), data.get("registration_closes_at")
        if starts and ends and ends <= starts:
            raise forms.ValidationError(_("The event must end after it starts."))
        if closes and ends and closes > ends:
            raise forms.ValidationError(_("Registration must close before the event ends."))
        return data
