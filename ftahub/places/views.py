from django.shortcuts import render

from .models import Province


def province_list(request):
    current = Province.objects.filter(era=Province.Era.FROM_2025).prefetch_related("predecessors")
    return render(request, "places/province_list.html", {"provinces": current})
