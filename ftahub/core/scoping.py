"""Province scoping: every record that belongs to a province is seen and changed only by that province's staff.

A national administrator sees all; an officer or statistician of a province sees that province's records; a
business user sees the records of their own enterprise; anonymous visitors see nothing through this queryset
(public pages use their own, explicitly public querysets).
"""

from django.db import models


class ProvinceScopedQuerySet(models.QuerySet):
    province_field = "province"
    enterprise_field: str | None = None

    def visible_to(self, user) -> "ProvinceScopedQuerySet":
        if user is None or not user.is_authenticated:
            return self.none()
        if user.is_national:
            return self
        role = getattr(user, "role", None)
        if role == "statistician" and getattr(self.model, "commercial", False):
            return self.none()  # aggregates only: never one enterprise's costs, invoices or applications
        if role == "business":
            if user.enterprise_id is None:
                return self.none()
            if self.model._meta.model_name == "enterprise":
                return self.filter(pk=user.enterprise_id)
            if self.enterprise_field:
                return self.filter(**{self.enterprise_field: user.enterprise_id})
            return self.none()
        if user.province_id is None:
            return self.none()
        return self.filter(**{self.province_field: user.province_id})

    def editable_by(self, user) -> "ProvinceScopedQuerySet":
        """Officers and administrators edit their province's records; business users their enterprise's."""
        if user is None or not user.is_authenticated:
            return self.none()
        if getattr(user, "role", None) == "statistician":
            return self.none()
        return self.visible_to(user)
