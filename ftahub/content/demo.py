"""Demo content (labelled demo): a news item, a report with a downloadable PDF made here, and a training document."""

import io

from django.core.files.base import ContentFile

from ftahub.accounts import demo
from ftahub.agreements.models import TradeAgreement

from .models import Item


def _pdf(title: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from ftahub.core.pdf import styles

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=title).build(
        [Paragraph(title, styles()["title"]), Paragraph("DEMO — made up for demonstration, no real figures.",
                                                         styles()["body"])])
    return buffer.getvalue()


def load(report=print) -> None:
    province = demo.province()
    if Item.objects.filter(is_demo=True).exists():
        return
    news = Item.objects.create(province=province, kind="news", status="published", is_demo=True,
                               title="Lô vải thiều đầu tiên xuất sang Nhật Bản theo CPTPP (demo)",
                               title_en="First lychee shipment to Japan under CPTPP (demo)",
                               summary="Tin minh họa: hợp tác xã được cấp C/O mẫu CPTPP và truy xuất nguồn gốc lô hàng.",
                               summary_en="Demo news: the cooperative got a CPTPP C/O and traces the lot end to end.",
                               sectors="agriculture")
    news.agreements.set(TradeAgreement.objects.filter(code="CPTPP"))
    study = Item(province=province, kind="report", status="published", is_demo=True,
                 title="Báo cáo tận dụng ưu đãi FTA của tỉnh (demo)",
                 title_en="The province's use of FTA preferences (demo report)", sectors="trade")
    study.file.save("demo-fta-report.pdf", ContentFile(_pdf("FTA utilisation report (demo)")), save=False)
    study.save()
    study.agreements.set(TradeAgreement.objects.filter(code__in=["EVFTA", "CPTPP", "RCEP"]))
    guide = Item.objects.create(province=province, kind="document", status="published", is_demo=True,
                                title="Hướng dẫn tự chứng nhận xuất xứ theo EVFTA (demo)",
                                summary="Tài liệu minh họa, chỉ có tiếng Việt.")
    guide.agreements.set(TradeAgreement.objects.filter(code="EVFTA"))
    report("Demo content: 3 items (news, report with PDF, document)")
