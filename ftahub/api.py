"""The JSON API at /api/v1/ (django-ninja). Each app mounts its router here; the OpenAPI document is the contract."""

from django.urls import reverse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from ftahub import __version__
from ftahub.agreements.api import router as agreements_router
from ftahub.certificates.api import router as certificates_router
from ftahub.codesk.api import router as codesk_router
from ftahub.content.api import router as content_router
from ftahub.origin.api import router as origin_router
from ftahub.places.api import router as places_router
from ftahub.registry.api import router as registry_router
from ftahub.stats.api import router as stats_router
from ftahub.tariffs.api import router as tariffs_router
from ftahub.trace.api import log_router
from ftahub.trace.api import router as trace_router

api = NinjaAPI(
    title="FTA Hub API",
    version="1",
    description="Open API of FTA Hub: tariffs and the FTA finder, rules of origin, certificates of origin, "
    "traceability, the foreign-affairs registry and statistics. Errors are JSON: {\"code\", \"message\"}.",
    urls_namespace="api-v1",
)


@api.exception_handler(ValidationError)
def invalid_request(request, exc):
    """Bad parameters or body: the hub's error shape, with where each problem is."""
    problems = [f"{'.'.join(str(p) for p in e.get('loc', []))}: {e.get('msg')}" for e in exc.errors]
    return api.create_response(request, {"code": "invalid_request", "message": "; ".join(problems)[:1000],
                                         "detail": exc.errors}, status=422)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(request, {"code": "unauthenticated", "message": "Sign in, or send a valid token."},
                               status=401)


@api.exception_handler(HttpError)
def http_error(request, exc):
    return api.create_response(request, {"code": "http_error", "message": str(exc)}, status=exc.status_code)


class ApiIndex(Schema):
    name: str
    version: str
    openapi: str
    docs: str
    resources: dict[str, str]


@api.get("/", response=ApiIndex, summary="API root", tags=["hub"])
def index(request):
    return {
        "name": "FTA Hub",
        "version": __version__,
        "openapi": reverse("api-v1:openapi-json"),
        "docs": reverse("api-v1:openapi-view"),
        "resources": {
            "agreements": "/api/v1/agreements",
            "countries": "/api/v1/countries",
            "provinces": "/api/v1/provinces",
            "hs": "/api/v1/hs/{code}",
            "origin_assess": "/api/v1/origin/assess",
            "origin_rules": "/api/v1/origin/rules?hs=...&agreement=...",
            "certificate_verify": "/api/v1/certificates/verify",
            "co_applications": "/api/v1/co/applications",
            "epcis_capture": "/api/v1/epcis/capture",
            "epcis_events": "/api/v1/epcis/events",
            "epcis_trace": "/api/v1/epcis/trace?epc=...&direction=back",
            "log_checkpoint": "/api/v1/log/checkpoint",
            "log_inclusion": "/api/v1/log/proof/inclusion?index=...",
        },
    }


api.add_router("/", agreements_router)
api.add_router("/", places_router)
api.add_router("/", tariffs_router)
api.add_router("/", origin_router)
api.add_router("/", certificates_router)
api.add_router("/", codesk_router)
api.add_router("/", trace_router)
api.add_router("/", log_router)
api.add_router("/", registry_router)
api.add_router("/", content_router)
api.add_router("/", stats_router)
