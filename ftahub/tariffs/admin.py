from django.contrib import admin

from .models import HSCode, HSSection


@admin.register(HSSection)
class HSSectionAdmin(admin.ModelAdmin):
    list_display = ["roman", "name_en"]


@admin.register(HSCode)
class HSCodeAdmin(admin.ModelAdmin):
    list_display = ["code", "level", "description_en", "description_vi"]
    list_filter = ["level", "section"]
    search_fields = ["code", "description_en", "description_vi"]
    raw_id_fields = ["parent"]
