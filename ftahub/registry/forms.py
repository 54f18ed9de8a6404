from django import forms
from django.contrib.auth import get_user_model

from ftahub.accounts.models import Enterprise
from ftahub.places.models import Province

from .kinds import Kind
from .models import Agreement, Delegation, Partner


class DateInput(forms.DateInput):
    input_type = "date"


def form_class(kind: Kind, user) -> type[forms.ModelForm]:
    """A ModelForm for the kind whose choices of related records are limited to what the user may edit."""
    fields = list(kind.fields) + (["province"] if user.is_national else [])
    date_fields = [f.name for f in kind.model._meta.get_fields() if f.get_internal_type() == "DateField"]

    class Form(forms.ModelForm):
        class Meta:
            model = kind.model
            widgets = {name: DateInput() for name in date_fields}

        Meta.fields = fields

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            limits = {"partner": Partner.objects.editable_by(user), "donor": Partner.objects.editable_by(user),
                      "delegation": Delegation.objects.editable_by(user),
                      "agreement": Agreement.objects.editable_by(user),
                      "enterprise": Enterprise.objects.visible_to(user),
                      "owner": get_user_model().objects.filter(
                          province=user.province) if user.province_id else get_user_model().objects.all(),
                      "province": Province.objects.filter(era="2025")}
            for name, queryset in limits.items():
                if name in self.fields:
                    self.fields[name].queryset = queryset

    return Form
