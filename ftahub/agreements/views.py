from django.shortcuts import render

from .models import TradeAgreement


def agreement_list(request):
    agreements = TradeAgreement.objects.prefetch_related("parties")
    return render(request, "agreements/agreement_list.html", {"agreements": agreements})


def home_card() -> dict:
    """The home page's agreements card: how many agreements are loaded."""
    return {"agreement_count": TradeAgreement.objects.count()}
