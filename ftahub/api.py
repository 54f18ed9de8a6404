"""The JSON API at /api/v1/ (django-ninja). Each installed capability mounts its router (``HubApp.api_router``);
the OpenAPI document is the contract."""

from django.urls import reverse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from ftahub import __version__
from ftahub.core import plugins

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


@api.exception_handler(RecursionError)
def nested_too_deeply(request, exc):
    """A body nested thousands of levels deep (JSON arrays in arrays…) is bad input, not a server error."""
    return api.create_response(request, {"code": "too_deep", "message": "The body is nested too deeply."},
                               status=400)


@api.exception_handler(UnicodeError)
def unreadable_text(request, exc):
    """Text that cannot be encoded (a lone surrogate such as \\ud800) is bad input, not a server error."""
    return api.create_response(request, {"code": "bad_text", "message": "The text holds a character that is not "
                                         "valid Unicode (a lone surrogate)."}, status=400)


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
        "resources": plugins.api_resources(),
    }


for router in plugins.api_routers():  # each installed capability mounts its own (HubApp.api_router)
    api.add_router("/", router)
