from django.contrib import admin

from .models import TradeAgreement


@admin.register(TradeAgreement)
class TradeAgreementAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "signed_on", "in_force_vn", "co_form"]
    search_fields = ["code", "name_en", "name_vi"]
    filter_horizontal = ["parties"]
