"""Read-side queries of the district hub."""

from django.db.models import F, Q

from .models import AppealCategory, Department, RoutingRule


def department_for(*, category: AppealCategory, park) -> Department:
    """Where an appeal of this category from this park goes: the park's own rule, else the
    district-wide rule, else the category's default department."""
    rule = (
        RoutingRule.objects.filter(category=category)
        .filter(Q(park=park) | Q(park__isnull=True))
        .select_related("department")
        .order_by(F("park").asc(nulls_last=True))
        .first()
    )
    return rule.department if rule else category.default_department
