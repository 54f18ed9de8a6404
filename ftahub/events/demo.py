"""Demo events (labelled demo): a lychee trade fair with B2B matchmaking, small enough to fill, and a training on
rules of origin. Registrants are made up (demo.invalid addresses)."""

import datetime

from django.utils import timezone

from ftahub.accounts import demo

from .models import HubEvent, Registration


def load(report=print) -> None:
    province = demo.province()
    if HubEvent.objects.filter(is_demo=True).exists():
        return
    start = (timezone.localtime() + datetime.timedelta(days=30)).replace(hour=8, minute=0, second=0, microsecond=0)
    fair = HubEvent.objects.create(
        province=province, kind="trade_fair", title="Hội chợ vải thiều và nông sản (demo)",
        title_en="Lychee and farm produce trade fair (demo)", venue="Demo exhibition centre",
        description="Gian hàng, kết nối giao thương B2B với nhà nhập khẩu. Sự kiện minh họa.",
        description_en="Stands and B2B meetings with importers. A demonstration event.",
        starts_at=start, ends_at=start + datetime.timedelta(hours=8),
        registration_closes_at=start - datetime.timedelta(days=1), capacity=3, status="published",
        matchmaking=True, tables=4, hs_codes="0810", is_demo=True)
    Registration.objects.create(event=fair, name="Demo exhibitor (demo)", email="exhibitor@demo.invalid",
                                organisation="Lục Ngạn lychee cooperative (demo)", country="VN", role="exhibitor",
                                hs_codes="081090", markets="JP,AU", status="confirmed")
    Registration.objects.create(event=fair, name="Demo buyer (demo)", email="buyer@demo.invalid",
                                organisation="Demo Importer KK (demo)", country="JP", role="buyer", hs_codes="0810",
                                status="confirmed")
    training = start + datetime.timedelta(days=7)
    HubEvent.objects.create(
        province=province, kind="training", title="Tập huấn quy tắc xuất xứ CPTPP và EVFTA (demo)",
        title_en="Training: CPTPP and EVFTA rules of origin (demo)", venue="Demo provincial conference hall",
        starts_at=training, ends_at=training + datetime.timedelta(hours=4),
        registration_closes_at=training - datetime.timedelta(hours=2), capacity=40, status="published", is_demo=True)
    report("Demo events: a trade fair with matchmaking (3 places, 2 taken) and a training")
