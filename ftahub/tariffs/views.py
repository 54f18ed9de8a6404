from django.http import Http404
from django.shortcuts import render

from .models import HSCode, HSSection


def hs_browse(request):
    sections = HSSection.objects.prefetch_related("codes").all()
    chapters = HSCode.objects.filter(level=2).select_related("section")
    return render(request, "tariffs/hs_browse.html", {"sections": sections, "chapters": chapters})


def hs_detail(request, code: str):
    digits = code.replace(".", "")
    hs = HSCode.objects.select_related("section", "parent").filter(code=digits).first()
    if hs is None:
        raise Http404
    path, node = [], hs.parent
    while node is not None:
        path.insert(0, node)
        node = node.parent
    return render(request, "tariffs/hs_detail.html", {"hs": hs, "path": path, "children": hs.children.all()})
