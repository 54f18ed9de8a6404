"""A country typed or chosen from the page's list, by name in Vietnamese or English or by code (``countries.resolve``):
the form field every capability uses, so the same words are accepted and refused everywhere."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CountryField(forms.CharField):
    """Cleans to the ISO alpha-2 code ("" when left empty and not required); the input lists ``datalist`` names."""

    def __init__(self, *args, datalist: str = "countries", **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("widget", forms.TextInput(attrs={"list": datalist, "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def resolve(self, text: str) -> str | None:
        from .countries import resolve

        return resolve(text)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return ""
        code = self.resolve(value)
        if code is None:
            raise forms.ValidationError(_("Choose a country from the list (its name in Vietnamese or English)."))
        return code
