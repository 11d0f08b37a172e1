"""bench.settings_appeals for the booking bench (bench/booking_contention.py): rate limiting
off (the booking form allows 60 POSTs an hour per user), the bench's own task queue."""

import copy

from bench.settings_appeals import *  # noqa: F403
from bench.settings_appeals import LOGGING as _LOGGING

# Every full slot answers 409, which django.request logs as a warning: hundreds of lines of
# "Conflict" on stderr would bury the bench's progress. Errors are still logged.
LOGGING = copy.deepcopy(_LOGGING)
LOGGING["loggers"]["django.request"] = {"level": "ERROR"}
