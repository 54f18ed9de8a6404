from django.urls import path

from . import provision_pages, views

urlpatterns = [
    path("", views.self_assess, name="origin-self-assess"),
    path("glossary/", views.glossary, name="origin-glossary"),
    path("agreements/", provision_pages.agreement_rules, name="origin-agreement-rules"),
    path("guide/", views.guide, name="origin-guide"),
    path("assessments/", views.assessment_list, name="origin-assessments"),
    path("assessments/<int:pk>/", views.assessment_detail, name="origin-assessment"),
    path("assessments/<int:pk>/pdf", views.assessment_pdf_view, name="origin-assessment-pdf"),
    path("assessments/<int:pk>/evidence.zip", views.evidence_pack_view, name="origin-evidence-pack"),
    path("declare/<str:token>/", views.declare, name="origin-declare"),
    path("rules/import/", views.rule_import, name="origin-rule-import"),
]
