"""The park's Wagtail site: set up at provisioning time, in the park's schema."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Page, Site, Workflow, WorkflowPage

from accounts.models import Role
from accounts.services import GROUP_FOR_ROLE, park_groups_ensure
from tenants.models import Park

from .models import ParkHomePage


@transaction.atomic
def park_site_set_up(*, park: Park, hostname: str) -> ParkHomePage:
    """Replace Wagtail's welcome page with the park home page and serve it on `hostname`."""
    root = Page.objects.get(depth=1)
    home = ParkHomePage.objects.first()
    if home is None:
        for page in root.get_children().exclude(content_type__model="parkhomepage"):
            Site.objects.filter(root_page=page).delete()
            page.delete()
        home = ParkHomePage(
            title=park.name, slug="home", featured_focus=park.featured_focus, seo_title=park.name
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": hostname,
            "port": 80,
            "site_name": park.name,
            "root_page": home,
        },
    )
    return home


def park_workflow_ensure() -> None:
    """Operators draft and submit; the park's content managers approve and publish.

    Wagtail's migrations create a "Moderators approval" workflow on the root page; its approval
    task is given to the park's content-manager group.
    """
    managers = Group.objects.get(name=GROUP_FOR_ROLE[Role.CONTENT_MANAGER])
    task = GroupApprovalTask.objects.filter(active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name="内容管理员审核")
    task.groups.add(managers)
    workflow = Workflow.objects.filter(active=True).first()
    if workflow is None:
        workflow = Workflow.objects.create(name="园区内容审核")
        workflow.workflow_tasks.create(task=task, sort_order=0)
    root = Page.objects.get(depth=1)
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})


def park_content_set_up(*, park: Park, hostname: str, **_signal: object) -> None:
    """A new park's schema was created (tenants' `park_schema_created`): its home page and
    Site, the park's groups, and the moderation workflow that needs them."""
    park_site_set_up(park=park, hostname=hostname)
    park_groups_ensure()
    park_workflow_ensure()
