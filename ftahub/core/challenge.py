"""The proof-of-work challenge on public forms (``ftahub.common.challenge``), as a Django form field.

The field renders a fresh signed puzzle and an empty answer; ``static/ftahub/challenge.js`` finds the answer in the
browser while the person fills the form. A puzzle counts once (remembered in the cache for its lifetime).
"""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from ftahub.common import challenge

MESSAGES = {
    "expired": _("The form was open too long. Please send it again."),
    "invalid": _("The form's check did not come from this hub. Please reload the page and send it again."),
    "wrong": _("The form's check was not finished. Wait a moment after the page loads, then send it again."),
    "used": _("This form was already sent. Please reload the page to send it again."),
}


def _secret() -> bytes:
    return ("ftahub-challenge:" + settings.SECRET_KEY).encode()


def new_puzzle() -> str:
    return challenge.issue(_secret())


class ChallengeWidget(forms.Widget):
    template_name = "core/challenge_widget.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["puzzle"] = new_puzzle()  # a fresh puzzle each time the form is shown
        return context

    def value_from_datadict(self, data, files, name):
        return (str(data.get(name, ""))[:200], str(data.get(f"{name}_answer", ""))[:20])

    def value_omitted_from_data(self, data, files, name):
        return name not in data


class ChallengeField(forms.Field):
    widget = ChallengeWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "")
        super().__init__(**kwargs)

    def clean(self, value):
        puzzle, answer = value if isinstance(value, tuple) else ("", "")
        if not puzzle:
            raise forms.ValidationError(MESSAGES["wrong"], code="wrong")
        try:
            salt = challenge.check(_secret(), puzzle, answer)
        except challenge.ChallengeError as exc:
            raise forms.ValidationError(MESSAGES[exc.code], code=exc.code) from None
        if not cache.add(f"challenge-used:{salt}", 1, challenge.MAX_AGE + 60):
            raise forms.ValidationError(MESSAGES["used"], code="used")
        return True
