"""bench.settings_bench for the appeal benches (bench/appeal_*.py): web server and worker."""

from bench.settings_bench import *  # noqa: F403

# The enterprise's submit form is limited to 30 POSTs an hour per user (django-ratelimit,
# appeals.views.enterprise.appeal_new); the bench posts hundreds from one account, so rate
# limiting is off here, and only here. The figure therefore leaves out the limiter's cache hit.
RATELIMIT_ENABLE = False

# Tasks sent by the bench's processes (outbox deliveries, notifications) use a queue of their
# own: a worker of another checkout on the same Redis database must not take them.
CELERY_TASK_DEFAULT_QUEUE = "ppbench"
