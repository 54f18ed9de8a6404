from django.shortcuts import render

from .models import TradeAgreement


def agreement_list(request):
    agreements = TradeAgreement.objects.prefetch_related("parties")
    return render(request, "agreements/agreement_list.html", {"agreements": agreements})
