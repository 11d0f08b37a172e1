"""One module of demo content per park, each reading according to the park's featured focus."""

import importlib

from ..specs import Park

PARK_SLUGS = ("tiananyungu", "dayun", "baolong", "zhonghaixin", "shumacheng")


def park_content(slug: str) -> Park:
    if slug not in PARK_SLUGS:
        raise LookupError(f"No demo content for park {slug!r}.")
    return importlib.import_module(f"{__name__}.{slug}").PARK
