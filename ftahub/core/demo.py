"""``ftahub load-demo``: every installed capability's demo data, in the order the capabilities declare
(``HubApp.demo`` and ``demo_order``: accounts and enterprises first, then what hangs off them).

Nothing demo is real: names are marked "(demo)", the records carry ``is_demo``, and the site shows a demo banner.
"""

from . import plugins


def load_demo(report=print) -> list[str]:
    if not plugins.demo_loaders():
        raise RuntimeError("no installed capability declares demo data")
    loaded = []
    for label, load in plugins.demo_loaders():
        load(report)
        loaded.append(label)
    return loaded
