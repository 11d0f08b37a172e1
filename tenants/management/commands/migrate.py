"""`migrate` is migrate_schemas here too (Django's test runner calls `migrate`)."""

from .migrate_schemas import Command  # noqa: F401
