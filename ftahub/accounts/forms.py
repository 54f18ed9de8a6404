import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ftahub.core.challenge import ChallengeField

from .models import AccessRequest, Enterprise
from .taxcode import InvalidTaxCode, normalise_tax_code


class EnterpriseForm(forms.ModelForm):
    class Meta:
        model = Enterprise
        fields = ["name", "name_en", "tax_code", "address", "ownership"]


def clean_new_username(name: str) -> str:
    from .models import User

    name = name.strip()
    if not re.fullmatch(r"[\w.@+-]{3,150}", name):
        raise forms.ValidationError(_("A user name has 3 to 150 letters, digits or . @ + - _"))
    if User.objects.filter(username__iexact=name).exists():
        raise forms.ValidationError(_("This user name is taken: choose another."))
    return name


class InvitationForm(forms.Form):
    """A colleague the team's manager invites: the account is made now, the colleague chooses the password."""

    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("Email"), help_text=_("The link to choose a password is sent here."))
    username = forms.CharField(label=_("User name"), max_length=150)
    manages_team = forms.BooleanField(label=_("May invite colleagues and close accounts too"), required=False)

    def clean_username(self):
        return clean_new_username(self.cleaned_data["username"])


class AccessRequestForm(forms.ModelForm):
    """What a business gives to ask for an account; a person, not a script, fills it (#18)."""

    class Meta:
        model = AccessRequest
        fields = ["tax_code", "enterprise_name", "province", "contact_name", "email", "phone", "username", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 3})}

    challenge = ChallengeField()

    def clean_tax_code(self):
        try:
            return normalise_tax_code(self.cleaned_data["tax_code"])
        except InvalidTaxCode:
            raise forms.ValidationError(_("This is not a valid Vietnamese tax code: check its 10 digits (13 for a "
                                          "branch, as 0101234567-001).")) from None

    def clean_username(self):
        return clean_new_username(self.cleaned_data["username"])

    def clean(self):
        data = super().clean()
        if data.get("tax_code") and data.get("email") and AccessRequest.objects.filter(
                tax_code=data["tax_code"], email__iexact=data["email"], status=AccessRequest.Status.PENDING).exists():
            raise forms.ValidationError(_("A request for this tax code and email is already waiting for a decision."))
        return data
