from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tenants.services import ParkSpec, park_create


class Command(BaseCommand):
    help = "Create a park: a schema cloned from the template, its Wagtail site and home page."

    def add_arguments(self, parser):
        parser.add_argument("--slug", required=True)
        parser.add_argument("--name", required=True, help="Chinese name")
        parser.add_argument("--domain", required=True)
        parser.add_argument("--short-code", help="Capital letters for tracking numbers")
        parser.add_argument("--name-en", default="")
        parser.add_argument("--focus", default="", help="one-line featured focus")
        parser.add_argument("--colour", default="#0b5fa5")

    def handle(self, *args, **options):
        spec = ParkSpec(
            slug=options["slug"],
            name=options["name"],
            domain=options["domain"],
            short_code=options["short_code"] or options["slug"][:4].upper(),
            name_en=options["name_en"],
            featured_focus=options["focus"],
            theme_colour=options["colour"],
        )
        try:
            park = park_create(spec=spec)
        except ValidationError as exc:
            lines = [
                f"{field}: {message}"
                for field, messages in getattr(exc, "message_dict", {"": exc.messages}).items()
                for message in messages
            ]
            raise CommandError("\n".join(lines)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                _("Park %(name)s created at %(domain)s")
                % {"name": park.name, "domain": spec.domain}
            )
        )
