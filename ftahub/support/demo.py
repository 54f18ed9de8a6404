"""Demo support centre (labelled demo; contents made up for the demonstration): a lychee exporter's question about
Japan answered and published, an open question forwarded to a department, and an EVFTA action plan with tasks in
three departments and indicators the hub fills from its own records."""

import datetime

from django.utils import timezone

from ftahub.accounts import demo
from ftahub.agreements.models import TradeAgreement

from . import service
from .models import Indicator, Plan, Question, Task


def load(report=print) -> None:
    if Plan.objects.filter(is_demo=True).exists():
        return
    enterprise = demo.enterprise(1)
    exporter = enterprise.users.first()
    officer = demo.user("canbo-doingoai")
    province = enterprise.province
    asked = Question.objects.create(
        province=province, asker=exporter, enterprise=enterprise, name="Người hỏi minh họa (demo)",
        email="asker@demo.invalid", topic="origin", hs_codes="081090", market="JP", is_demo=True,
        title="Xuất khẩu vải thiều sang Nhật Bản dùng C/O mẫu nào? (demo)",
        body="Hợp tác xã chúng tôi muốn xuất vải thiều tươi sang Nhật Bản. Nên dùng hiệp định nào và C/O mẫu gì? (demo)",
        due_at=service.due_after(timezone.now(), service.answer_days()))
    service.assign(asked, officer, officer)
    service.answer(asked, officer, "Nội dung trả lời minh họa: tra quy tắc xuất xứ của từng hiệp định cho mã 0810.90 "
                                   "trên trang Thị trường xuất khẩu và tự đánh giá trước khi xin C/O. (demo)")
    service.rate(asked, 5, "Hữu ích (demo)")
    service.publish(asked, officer, "Xuất khẩu vải thiều tươi sang Nhật Bản nên dùng hiệp định và C/O nào? (demo)",
                    asked.answer)
    pending = Question.objects.create(
        province=province, name="Doanh nghiệp minh họa (demo)", email="pending@demo.invalid", topic="logistics",
        title="Thời gian chờ thông quan tại cửa khẩu (demo)", body="Câu hỏi minh họa đang chờ trả lời. (demo)",
        due_at=service.due_after(timezone.now(), service.answer_days()), is_demo=True)
    service.forward(pending, officer, "Sở Công Thương (demo)", 5)
    today = timezone.localdate()
    plan = Plan.objects.create(
        province=province, title="Kế hoạch thực hiện Hiệp định EVFTA giai đoạn 2026–2027 (demo)",
        legal_basis="Nội dung minh họa (demo)", starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year + 1, 12, 31), is_demo=True)
    plan.agreements.set(TradeAgreement.objects.filter(code="EVFTA"))
    for title, department, days, status, progress in [
            ("Tập huấn quy tắc xuất xứ EVFTA cho doanh nghiệp (demo)", "Sở Công Thương (demo)", -20, "done", 100),
            ("Cập nhật cẩm nang thị trường EU (demo)", "Sở Ngoại vụ (demo)", 10, "running", 60),
            ("Hỗ trợ doanh nghiệp đăng ký mã số vùng trồng (demo)", "Sở Nông nghiệp và Môi trường (demo)", -5,
             "running", 40)]:
        Task.objects.create(plan=plan, title=title, department=department, owner=officer,
                            deadline=today + datetime.timedelta(days=days), status=status, progress=progress)
    evfta = TradeAgreement.objects.filter(code="EVFTA").first()
    Indicator.objects.create(plan=plan, name="C/O mẫu EUR.1 cấp theo EVFTA (demo)", unit="C/O", target=50,
                             source="co_issued", agreement=evfta)
    Indicator.objects.create(plan=plan, name="Lượt người được tập huấn (demo)", unit="người", target=200,
                             source="trained")
    Indicator.objects.create(plan=plan, name="Câu hỏi của doanh nghiệp được trả lời (demo)", unit="câu hỏi",
                             target=100, source="answered")
    Indicator.objects.create(plan=plan, name="Tỷ lệ tận dụng ưu đãi EVFTA (demo)", unit="%", target=40,
                             source="reported", department="Sở Công Thương (demo)")
    report("Demo support centre: 2 questions (1 answered and published), an EVFTA action plan with 3 tasks and "
           "4 indicators (labelled demo)")
