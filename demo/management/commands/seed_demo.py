from django.core.management.base import BaseCommand

from demo.parks import DEMO_PASSWORD
from demo.seed import seed


class Command(BaseCommand):
    help = "Seed the five demo parks, the district departments and persona accounts (idempotent)."

    def handle(self, *args, **options):
        parks = seed(progress=lambda step: self.stdout.write(f"  seeding {step} …"))
        self.stdout.write(
            self.style.SUCCESS(f"Demo ready: {len(parks)} parks, password {DEMO_PASSWORD}")
        )
