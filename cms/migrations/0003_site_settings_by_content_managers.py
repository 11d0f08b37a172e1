"""Site settings (logo, colour, contact, footer) go live at once, with no moderation: existing
parks' operators (园区运营) lose the right to change them; content managers (内容管理员) keep it.
New parks get the groups from accounts.services.park_groups_ensure, which no longer gives it."""

from django.db import migrations

# The group name as it is stored (accounts.services.GROUP_FOR_ROLE), frozen for this migration.
OPERATORS = "园区运营"


def operators_lose_site_settings(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="cms", codename="change_parksettings"
    ).first()
    group = Group.objects.filter(name=OPERATORS).first()
    if permission is not None and group is not None:
        group.permissions.remove(permission)


def operators_get_site_settings_back(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="cms", codename="change_parksettings"
    ).first()
    group = Group.objects.filter(name=OPERATORS).first()
    if permission is not None and group is not None:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cms", "0002_guideindexpage_guidepage_industry_newsindexpage_and_more"),
    ]

    operations = [
        migrations.RunPython(operators_lose_site_settings, operators_get_site_settings_back),
    ]
