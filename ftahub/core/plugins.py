"""How a capability plugs itself into the hub: one ``HubApp`` per app, read by the floor, never imported by it.

A capability's ``AppConfig`` subclasses ``HubApp`` and declares, as dotted paths and plain values, what it brings:
its pages (``urls``, mounted at ``url_prefix``; ``root_urls`` for addresses outside its prefix such as GS1 Digital
Links), its API router, its reference datasets and demo data (each with an order, so dependencies load first), its
entries in the navigation and its card on the home page, the folders a backup must carry, and a check to run after a
restore. ``core`` walks the installed apps and resolves these paths; it imports no capability by name, so adding the
next capability touches only its own folder and ``INSTALLED_APPS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import AppConfig, apps
from django.utils.module_loading import import_string

# "foreign_affairs": who keeps or reads the province's foreign-affairs records (editors and the statistician)
AUDIENCES = ("everyone", "anonymous", "signed_in", "enterprise_or_officer", "staff", "foreign_affairs")


@dataclass(frozen=True)
class Dataset:
    """A reference dataset ``ftahub load-reference`` loads: ``loader`` is a dotted path to a function of no argument
    returning a result (with ``as_dict()`` or a plain dict); lower ``order`` loads first."""

    name: str
    loader: str
    order: int


@dataclass(frozen=True)
class NavEntry:
    """A link in the header (``place="main"``) or the footer (``"footer"``), shown to an audience:
    ``everyone``, ``anonymous`` (not signed in), ``signed_in``, ``enterprise_or_officer`` (a business user or an
    officer) or ``staff`` (any signed-in role but business). ``label`` is a lazy translation; ``badge`` shows the
    user's unread notices beside it; ``template`` renders the entry itself (a form, a menu) instead of a link."""

    label: Any
    url_name: str
    order: int
    audience: str = "everyone"
    place: str = "main"
    badge: bool = False
    template: str = ""

    def __post_init__(self) -> None:
        if self.audience not in AUDIENCES:
            raise ValueError(f"unknown audience {self.audience!r} for {self.url_name}")

    def visible_to(self, user) -> bool:
        if self.audience == "everyone":
            return True
        signed_in = user is not None and user.is_authenticated
        if self.audience == "anonymous":
            return not signed_in
        if not signed_in:
            return False
        role = getattr(user, "role", "")
        if self.audience == "signed_in":
            return True
        if self.audience == "enterprise_or_officer":
            return role == "business" or bool(getattr(user, "is_officer", False))
        if self.audience == "foreign_affairs":
            return role == "statistician" or bool(getattr(user, "is_editor", False))
        return role != "business"  # staff


class HubApp(AppConfig):
    """Base of every capability's AppConfig. Every attribute is optional."""

    url_prefix: str | None = None  # the app's ``urls`` module is mounted here ("" for the site root)
    root_urls: str | None = None  # a module whose ``urlpatterns`` are mounted at the site root
    api_router: str | None = None  # dotted path to a ninja Router, mounted under /api/v1/
    api_resources: dict[str, str] = {}  # name -> path, listed by the API root (GET /api/v1/)
    reference: tuple[Dataset, ...] = ()
    demo: str | None = None  # dotted path to ``load(report)``
    demo_order: int = 100
    navigation: tuple[NavEntry, ...] = ()
    home_hero: str | None = None  # a template in the home page's opening section (e.g. the search box)
    home_card: str | None = None  # a template included on the home page
    home_context: str | None = None  # dotted path to a function returning that card's context
    home_order: int = 100
    backup_folders: str | None = None  # dotted path to a function returning {prefix: folder}
    # tables ``ftahub backup`` leaves out because ``after_restore`` rebuilds them from the data directory (the whole
    # tariff's 263,436 rates), and a dotted path to {name: queryset} for the rows of such tables it must keep
    backup_exclude: tuple[str, ...] = ()
    backup_rows: str | None = None
    after_restore: str | None = None  # dotted path to ``check(report)``, raising on an inconsistent restore
    jobs: dict[str, str] = {}  # job kind -> dotted path to ``run(payload, progress)``, run by ``ftahub worker``
    maintenance: tuple[str, ...] = ()  # dotted paths to ``run()``, run by the worker every hour (retention…)
    body_limits: dict[str, int] = {}  # path -> the largest request body it takes, refused (413) before parsing
    warm_up: tuple[str, ...] = ()  # dotted paths to ``build()``, run in the background when the server starts
    # dotted path to a function returning {notice kind: translatable text with %(name)s parameters} (core.notices)
    notices: str | None = None
    # dotted path to a function returning {problem code: translatable text with %(name)s values} (core.problems)
    problems: str | None = None
    # services other apps may use without importing this one (which would tie them in a cycle): name -> dotted path
    provides: dict[str, str] = {}


def hub_apps() -> list[HubApp]:
    return [config for config in apps.get_app_configs() if isinstance(config, HubApp)]


def resolve(path: str) -> Any:
    return import_string(path)


def reference_datasets() -> list[tuple[str, Callable[[], object]]]:
    datasets = sorted((d for app in hub_apps() for d in app.reference), key=lambda d: d.order)
    return [(d.name, resolve(d.loader)) for d in datasets]


def demo_loaders() -> list[tuple[str, Callable[..., object]]]:
    chosen = sorted((app for app in hub_apps() if app.demo), key=lambda app: app.demo_order)
    return [(app.label, resolve(app.demo)) for app in chosen if app.demo]


def api_routers() -> Iterator[Any]:
    for app in hub_apps():
        if app.api_router:
            yield resolve(app.api_router)


def api_resources() -> dict[str, str]:
    return {name: path for app in hub_apps() for name, path in app.api_resources.items()}


def navigation(user, place: str = "main") -> list[NavEntry]:
    entries = [e for app in hub_apps() for e in app.navigation if e.place == place]
    return [e for e in sorted(entries, key=lambda e: e.order) if e.visible_to(user)]


@dataclass
class HomeCard:
    template: str
    context: dict = field(default_factory=dict)


def home_cards() -> list[HomeCard]:
    cards = []
    for app in sorted((a for a in hub_apps() if a.home_card), key=lambda a: a.home_order):
        context = resolve(app.home_context)() if app.home_context else {}
        cards.append(HomeCard(app.home_card or "", context))
    return cards


def home_heroes() -> list[str]:
    return [app.home_hero for app in hub_apps() if app.home_hero]


def job_handlers() -> dict[str, Callable[..., object]]:
    handlers: dict[str, Callable[..., object]] = {}
    for app in hub_apps():
        for kind, path in app.jobs.items():
            handlers[kind] = resolve(path)
    return handlers


def body_limits() -> dict[str, int]:
    return {path: size for app in hub_apps() for path, size in app.body_limits.items()}


def maintenance_tasks() -> list[Callable[[], object]]:
    return [resolve(path) for app in hub_apps() for path in app.maintenance]


def _merged(attribute: str) -> dict[str, Any]:
    """The dicts returned by the function each app names in ``attribute``, merged in the apps' order."""
    found: dict[str, Any] = {}
    for app in hub_apps():
        if path := getattr(app, attribute):
            found.update(resolve(path)())
    return found


def notice_texts() -> dict[str, Any]:
    return _merged("notices")


def problem_words() -> dict[str, Any]:
    return _merged("problems")


def backup_folders() -> dict[str, Path]:
    return _merged("backup_folders")


def backup_excluded() -> list[str]:
    return [label for app in hub_apps() for label in app.backup_exclude]


def backup_querysets() -> dict[str, Any]:
    return _merged("backup_rows")


def service(name: str) -> Callable[..., Any] | None:
    """A service some installed app provides (e.g. "hs_suggest"), or None when none does."""
    for app in hub_apps():
        if name in app.provides:
            return resolve(app.provides[name])  # type: ignore[no-any-return]
    return None


def warm_ups() -> list[Callable[[], Any]]:
    """What the apps build once per server process (an index, a cache), so the first request does not wait."""
    return [resolve(path) for app in hub_apps() for path in app.warm_up]


def restore_checks() -> list[Callable[[Callable[[str], None]], None]]:
    return [resolve(app.after_restore) for app in hub_apps() if app.after_restore]
