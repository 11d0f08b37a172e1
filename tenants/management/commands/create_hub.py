from django.core.management.base import BaseCommand

from tenants.services import hub_ensure


class Command(BaseCommand):
    help = "Create (or update) the district hub on the public schema and give it a host name."

    def add_arguments(self, parser):
        parser.add_argument("--domain", required=True)
        parser.add_argument("--name", default="龙岗区政企服务中心")

    def handle(self, *args, **options):
        hub = hub_ensure(domain=options["domain"], name=options["name"])
        self.stdout.write(self.style.SUCCESS(f"{hub.name}: {options['domain']}"))
