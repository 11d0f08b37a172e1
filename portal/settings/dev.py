"""Local development (`make run`)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.get_bool("DEBUG", True)
WHITENOISE_USE_FINDERS = True
