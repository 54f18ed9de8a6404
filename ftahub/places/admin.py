from django.contrib import admin

from .models import Country, Province


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["iso2", "iso3", "name_en", "name_vi"]
    search_fields = ["iso2", "iso3", "name_en", "name_vi"]


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "era", "successor"]
    list_filter = ["era"]
    search_fields = ["name"]
