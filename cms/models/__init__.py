"""Wagtail content of one park: "one park, one policy" (一园一策)."""

from .guides import GuideIndexPage, GuidePage
from .home import ParkHomePage
from .news import NewsIndexPage, NewsPage
from .policies import (
    EnterpriseSize,
    PolicyIndexPage,
    PolicyPage,
    PolicyPageTag,
    QualificationRule,
    shanghai_today,
)
from .services import ServiceIndexPage, ServicePage
from .settings import ParkSettings
from .snippets import Industry, Qualification, ServiceProvider

__all__ = [
    "EnterpriseSize",
    "GuideIndexPage",
    "GuidePage",
    "Industry",
    "NewsIndexPage",
    "NewsPage",
    "ParkHomePage",
    "ParkSettings",
    "PolicyIndexPage",
    "PolicyPage",
    "PolicyPageTag",
    "Qualification",
    "QualificationRule",
    "ServiceIndexPage",
    "ServicePage",
    "ServiceProvider",
    "shanghai_today",
]
