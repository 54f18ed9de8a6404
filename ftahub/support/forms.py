from django import forms
from django.utils.translation import gettext_lazy as _

from ftahub.common.text import fold
from ftahub.core.challenge import ChallengeField
from ftahub.places.fields import CountryField

from .models import Indicator, Plan, Question, Report, Task

MAX_FILE = 10 * 1024 * 1024
ALLOWED = (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx")


def _file(upload):
    if upload and upload.size > MAX_FILE:
        raise forms.ValidationError(_("The file is larger than 10 MB."))
    if upload and not fold(upload.name).endswith(ALLOWED):
        raise forms.ValidationError(_("Give a PDF, image, Word or Excel file."))
    return upload


class QuestionForm(forms.ModelForm):
    market = CountryField(label=_("Market"), required=False)
    challenge = ChallengeField()  # a person, not a script, is asking

    class Meta:
        model = Question
        fields = ["name", "email", "phone", "organisation", "province", "kind", "topic", "title", "body", "hs_codes",
                  "market", "attachment"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, signed_in: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        from ftahub.places.models import Province

        self.fields["province"].queryset = Province.objects.filter(era="2025").order_by("name")
        if signed_in:
            del self.fields["challenge"]

    def clean_hs_codes(self):
        import re

        text = self.cleaned_data["hs_codes"]
        codes = [c.replace(".", "") for c in re.split(r"[,;\s]+", text) if c.strip()]
        bad = [c for c in codes if not re.fullmatch(r"\d{2}|\d{4}|\d{6}|\d{8}", c)]
        if bad:
            raise forms.ValidationError(_("%(code)s is not an HS code (2 to 8 digits).") % {"code": bad[0]})
        return ", ".join(codes)

    def clean_attachment(self):
        return _file(self.cleaned_data.get("attachment"))


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Officer in charge"), queryset=None)

    def __init__(self, *args, province=None, **kwargs):
        super().__init__(*args, **kwargs)
        from ftahub.accounts.models import User

        people = User.objects.filter(is_active=True, role__in=["fa_officer", "co_officer", "administrator"])
        self.fields["assignee"].queryset = people.filter(province=province) if province else people
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name() or u.username


class ForwardForm(forms.Form):
    department = forms.CharField(label=_("Department"), max_length=200)
    days = forms.IntegerField(label=_("Working days to answer"), min_value=1, max_value=60, initial=5)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 6}))


class PublishForm(forms.Form):
    faq_question = forms.CharField(label=_("Question as published (no name, company or contact)"),
                                   widget=forms.Textarea(attrs={"rows": 3}))
    faq_answer = forms.CharField(label=_("Answer as published"), widget=forms.Textarea(attrs={"rows": 5}))


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(label=_("How useful was the answer?"), coerce=int,
                                    choices=[(5, _("5 - very useful")), (4, "4"), (3, "3"), (2, "2"),
                                             (1, _("1 - not useful"))], widget=forms.RadioSelect)
    comment = forms.CharField(label=_("Comment (optional)"), max_length=500, required=False)


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "legal_basis", "starts_on", "ends_on", "agreements"]
        widgets = {"starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "legal_basis": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The plan ends before it starts."))
        return data


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["title", "department", "owner", "deadline", "status", "progress"]
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, province=None, **kwargs):
        super().__init__(*args, **kwargs)
        from ftahub.accounts.models import User

        people = User.objects.filter(is_active=True).exclude(role="business")
        self.fields["owner"].queryset = people.filter(province=province) if province else people
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["progress"].widget.attrs.update(min=0, max=100)

    def clean_progress(self):
        value = self.cleaned_data["progress"]
        if not 0 <= value <= 100:
            raise forms.ValidationError(_("A percentage from 0 to 100."))
        return value


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Progress note"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(label=_("Evidence file (optional)"), required=False)
    progress = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100, required=False)

    def clean_evidence(self):
        return _file(self.cleaned_data.get("evidence"))


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "target", "source", "agreement", "department"]


class ValueForm(forms.Form):
    period_end = forms.DateField(label=_("Period ending on"), widget=forms.DateInput(attrs={"type": "date"}))
    value = forms.DecimalField(label=_("Value"), max_digits=16, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ReportForm(forms.ModelForm):
    number_of_period = forms.TypedChoiceField(label=_("Which one"), coerce=int, choices=[
        (1, _("first")), (2, _("second")), (3, _("third")), (4, _("fourth"))])
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    class Meta:
        model = Report
        fields = ["period", "number_of_period", "year", "number", "recipients", "summary", "difficulties",
                  "proposals"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5}), "difficulties": forms.Textarea(attrs={"rows": 3}),
                   "proposals": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        limits = {"quarter": 4, "half": 2, "year": 1}
        if data.get("period") and data.get("number_of_period") and data["number_of_period"] > limits[data["period"]]:
            self.add_error("number_of_period", _("A year has four quarters, two halves and one year."))
        return data
