"""`manage.py rebuild_facts`: recompute every appraisal fact from what the cases and appeals hold.

The lifecycle keeps the facts as cases and appeals change; this is for a changed definition, a
restored backup or a district calendar override added after the fact. It computes with the
same functions (`onewindow.facts.case_facts_store`, `appeals.facts.window_facts`), so a rebuild
gives the values the lifecycle would have written.
"""

import sys
import time

from django.core.management.base import BaseCommand
from django_tenants.utils import schema_context

from appeals.facts import window_facts_rebuild
from onewindow.facts import case_facts_rebuild
from tenants.models import Park


class Command(BaseCommand):
    help = "Recompute the appraisal facts of every case (hub) and the window facts of every park."

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        count = case_facts_rebuild(progress=self._progress("cases"))
        self.stderr.write("")
        self.stdout.write(f"cases: {count}")
        parks = Park.objects.exclude(schema_name="public").filter(is_active=True).order_by("slug")
        for park in parks:
            with schema_context(park.schema_name):
                records = window_facts_rebuild()
            self.stdout.write(f"{park.slug}: {records} window records")
        self.stdout.write(f"done in {time.monotonic() - started:.1f} s")

    def _progress(self, what: str):
        def show(done: int, total: int) -> None:
            width = 30
            filled = width * done // total if total else width
            sys.stderr.write(f"\r{what} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
            sys.stderr.flush()

        return show
