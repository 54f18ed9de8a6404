from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import Enterprise, User


class ProvinceScopedAdmin(admin.ModelAdmin):
    """Staff see in the admin only what they may see on the site."""

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_national:
            return qs
        return qs.filter(province_id=request.user.province_id) if request.user.province_id else qs.none()


@admin.register(Enterprise)
class EnterpriseAdmin(ProvinceScopedAdmin):
    list_display = ["name", "tax_code", "province", "ownership", "is_demo"]
    list_filter = ["ownership", "is_demo", "province"]
    search_fields = ["name", "name_en", "tax_code"]


PRIVILEGE_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions")


@admin.register(User)
class UserAdmin(BaseUserAdmin, ProvinceScopedAdmin):
    fieldsets = [*BaseUserAdmin.fieldsets, ("FTA Hub", {"fields": ["role", "province", "enterprise"]})]
    # "add user" asks for what a user must have (a business user's enterprise, an officer's province): without
    # these fields the model's own check failed on a field the form did not show (a 500, #18)
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["username", "password1", "password2", "role",
                                                              "province", "enterprise"]})]

    def get_readonly_fields(self, request, obj=None):
        """Only a superuser grants privileges: a province administrator who may edit users cannot make anyone,
        themselves included, a superuser or staff, nor give groups or permissions (#18)."""
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += [f for f in PRIVILEGE_FIELDS if f not in fields]
        return fields
    list_display = ["username", "get_full_name", "role", "province", "enterprise", "is_active"]
    list_filter = ["role", "province", "is_active"]
