"""Load the national industry classification (GB/T 4754-2017) as industries, and map the
strategic industries the parks already named to the divisions they cover."""

from django.db import migrations


def load(apps, schema_editor):
    # The data file and the theme map are data, not models: importing them is safe here.
    from cms.industries import THEME_CODES, classes  # noqa: PLC0415

    Industry = apps.get_model("cms", "Industry")
    for item in classes().values():
        if Industry.objects.filter(code=item.code).exists():
            continue
        # A row an editor made by the same name becomes the classified one.
        if Industry.objects.filter(name=item.name, code__isnull=True).update(
            code=item.code, codes=[item.code]
        ):
            continue
        name = item.name
        if Industry.objects.filter(name=name).exists():  # 教育 is a section and a division
            name = f"{item.name}（{item.code}）"
        Industry.objects.create(code=item.code, name=name, codes=[item.code])
    for name, codes in THEME_CODES.items():
        Industry.objects.filter(name=name, code__isnull=True).update(codes=list(codes))


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_industry_codes_policy_matching")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
