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


@admin.register(User)
class UserAdmin(BaseUserAdmin, ProvinceScopedAdmin):
    fieldsets = [*BaseUserAdmin.fieldsets, ("FTA Hub", {"fields": ["role", "province", "enterprise"]})]
    list_display = ["username", "get_full_name", "role", "province", "enterprise", "is_active"]
    list_filter = ["role", "province", "is_active"]
