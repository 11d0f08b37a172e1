"""`manage.py seed_load`: the load generator of `demo.load` (see `demo.load.run`)."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from demo.load.run import load_run


class Command(BaseCommand):
    help = (
        "Load generator: parks load01..loadNN with appeals over the last years, written with "
        "their appraisal facts straight into the hub (resumable; a second run adds nothing)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--parks", type=int, default=50, help="parks load01..loadNN")
        parser.add_argument("--appeals", type=int, default=1_000_000, help="appeals in all")
        parser.add_argument("--seed", type=int, default=2026, help="random seed")
        parser.add_argument("--years", type=int, default=2, help="years up to today")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stderr.style_func = None  # the progress line is not an error
        load_run(
            parks=options["parks"],
            appeals=options["appeals"],
            seed=options["seed"],
            years=options["years"],
            stdout=self.stdout,
            stderr=self.stderr,
        )
