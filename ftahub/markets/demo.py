"""Demo notices and requirements (labelled demo: made up for the demonstration, not real cases or measures): an SPS
notification of Japan on fresh fruit of HS 0810, an anti-dumping case of another market on HS 7306 with its comment
deadline next week, and a requirement for lychees to Japan. The demo exporter is warned of the first through its
watchlist and its C/O applications."""

import datetime

from . import service
from .models import Notice, Requirement

DEMO_SOURCE = "Dữ liệu minh họa, tự tạo để trình diễn (demo)"


def load(report=print) -> None:
    if Notice.objects.filter(is_demo=True).exists():
        return
    today = datetime.date.today()
    sps = Notice.objects.create(
        kind=Notice.Kind.SPS, country="JP", reference="DEMO/SPS/N/JPN/1", is_demo=True,
        title="Giới hạn dư lượng thuốc bảo vệ thực vật trên quả tươi (demo)",
        products="Quả vải, nhãn tươi (demo)", hs_codes="0810", objective="An toàn thực phẩm (demo)",
        published_on=today - datetime.timedelta(days=3), comment_deadline=today + datetime.timedelta(days=20),
        in_force_on=today + datetime.timedelta(days=120), source=DEMO_SOURCE)
    Notice.objects.create(
        kind=Notice.Kind.REMEDY, remedy=Notice.Remedy.ANTI_DUMPING, stage=Notice.Stage.INITIATION, country="AU",
        reference="DEMO-AD-001", is_demo=True, title="Điều tra chống bán phá giá ống thép hàn (demo)",
        products="Ống thép hàn (demo)", hs_codes="7306", published_on=today - datetime.timedelta(days=10),
        comment_deadline=today + datetime.timedelta(days=6), source=DEMO_SOURCE,
        duties=[{"company": "Demo Steel Co. (demo)", "rate": "—"}])
    Requirement.objects.create(
        partner="JP", hs_prefix="0810", kind=Requirement.Kind.SPS, is_demo=True,
        title="Xử lý kiểm dịch thực vật trước khi xuất khẩu (demo)",
        title_en="Plant quarantine treatment before export (demo)",
        detail="Nội dung minh họa: hãy tra văn bản của cơ quan kiểm dịch thực vật nước nhập khẩu. (demo)",
        source=DEMO_SOURCE)
    sent = service.warn(sps)
    report(f"Demo markets: 2 notices, 1 requirement (labelled demo); {sent} users warned")
