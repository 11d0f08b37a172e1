"""What the load goes into: the hub's categories and departments, and the parks load01..loadNN
with their window staff and enterprises."""

import random
from dataclasses import dataclass, field

from django_tenants.utils import schema_context

from accounts.models import Role, User
from accounts.services import user_create
from demo.appeals.texts import ALSO_RESPONSIBLE, TOPICS
from demo.parks import demo_uscc, park_domain, seed_hub
from onewindow.facts import case_keywords
from onewindow.models import AppealCategory, Department, Liaison
from onewindow.selectors import department_for
from tenants.models import Park
from tenants.services import ParkSpec, park_create

STAFF = ("王芳", "李娜", "张敏", "刘洋", "陈静", "杨帆", "赵磊", "黄婷", "周杰", "吴倩")
FIRMS = (
    "云启", "华芯", "新能汇", "博睿", "智联", "星河", "极光", "精工", "鹏程", "创芯", "明德", "华腾",
    "数码港", "智汇", "绿源", "天安", "海川", "瑞丰", "恒信", "卓越", "中科", "宏图",
)  # fmt: skip
TRADES = (
    "智能科技", "微电子", "储能技术", "医疗器械", "供应链管理", "数字文化传媒", "软件开发",
    "人工智能科技", "精密模具", "新材料科技", "光电技术", "检测认证", "生物科技", "机器人",
)  # fmt: skip
# Categories by name: how common (the months they peak: `chunks.CATEGORY_PEAKS`).
CATEGORY_WEIGHT = {"政策咨询": 3.0, "审批服务": 2.5, "用地用房": 1.2, "人才招聘": 1.5}
CATEGORY_WEIGHT |= {"融资服务": 1.2, "科技创新": 1.6, "税务": 1.3, "其他建议/投诉": 0.6}


@dataclass(frozen=True)
class Category:
    pk: int
    name: str
    window_days: int
    department_days: int
    weight: float
    topics: tuple[tuple[str, str, str], ...]


@dataclass
class Hub:
    """What the load reads from the hub once: categories, departments, who answers for them."""

    categories: list[Category]
    departments: dict[int, str]
    liaisons: dict[int, int]  # department pk → a liaison's account pk
    admin: int | None
    keywords: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def keywords_of(self, title: str, description: str) -> list[str]:
        key = (title, description)
        if key not in self.keywords:
            self.keywords[key] = case_keywords(title, description)
        return self.keywords[key]

    def elsewhere(self, category: Category, department: int, rng: random.Random) -> int:
        """Another department that could be responsible for the category (转办, 改派)."""
        names = ALSO_RESPONSIBLE.get(category.name, ())
        options = [pk for pk, name in self.departments.items() if name in names]
        options = [pk for pk in options if pk != department]
        return rng.choice(options or [pk for pk in self.departments if pk != department])


@dataclass
class LoadPark:
    """A park the load goes into, with its window staff and enterprises."""

    park: Park
    number: int
    staff: list[tuple[int, str]]
    enterprises: list[tuple[str, str]]
    routes: dict[int, int]  # category pk → department pk (department_for)


def hub_load() -> Hub:
    """The active categories and departments (the demo's, seeded if the hub has none)."""
    if not AppealCategory.objects.filter(is_active=True).exists():
        seed_hub()
    every_topic = tuple(topic for topics in TOPICS.values() for topic in topics)
    categories = [
        Category(
            pk=c.pk,
            name=c.name,
            window_days=c.window_deadline_days,
            department_days=c.department_deadline_days,
            weight=CATEGORY_WEIGHT.get(c.name, 1.0),
            topics=tuple(TOPICS.get(c.name, every_topic)),
        )
        for c in AppealCategory.objects.filter(is_active=True).order_by("sort_order", "pk")
    ]
    liaisons: dict[int, int] = {}
    for department, user in (
        Liaison.objects.filter(user__is_active=True)
        .order_by("pk")
        .values_list("department_id", "user_id")
    ):
        liaisons.setdefault(department, user)
    admins = User.objects.filter(role=Role.DISTRICT_ADMIN, is_active=True).order_by("pk")
    return Hub(
        categories=categories,
        departments=dict(Department.objects.filter(is_active=True).values_list("pk", "name")),
        liaisons=liaisons,
        admin=admins.values_list("pk", flat=True).first(),
    )


def park_spec(number: int) -> ParkSpec:
    slug = f"load{number:02d}"
    return ParkSpec(
        slug=slug,
        name=f"压测园区{number:02d}",
        domain=park_domain(slug),
        # Capital letters only: LD + two letters (LDAB, LDAC, ...).
        short_code="LD" + chr(ord("A") + number // 26) + chr(ord("A") + number % 26),
        name_en=f"Load Park {number:02d}",
        featured_focus="压测数据：看板在真实体量下的表现",
    )


def load_park(number: int, *, seed: int, categories: list[Category]) -> tuple[LoadPark, bool]:
    """Park `load<number>` (created if missing), its window staff and enterprises."""
    spec = park_spec(number)
    park = Park.objects.filter(slug=spec.slug).first()
    created = park is None
    if park is None:
        park = park_create(spec=spec)
    staff = []
    with schema_context(park.schema_name):
        for index in range(3):
            name = STAFF[(number + index) % len(STAFF)]
            user = User.objects.filter(username=f"load-window-{index + 1}").first()
            user = user or user_create(
                username=f"load-window-{index + 1}",
                password=None,
                role=Role.WINDOW_STAFF,
                full_name=name,
                email=f"load-window-{index + 1}@{spec.domain}",
            )
            staff.append((user.pk, user.full_name))
    rng = random.Random(f"{seed}:{spec.slug}:enterprises")  # nosec B311 - demo data
    names = rng.sample([f"深圳市{firm}{trade}有限公司" for firm in FIRMS for trade in TRADES], 40)
    enterprises = [(name, demo_uscc(number * 100 + i)) for i, name in enumerate(names)]
    categories_by_pk = AppealCategory.objects.in_bulk([c.pk for c in categories])
    routes = {
        pk: department_for(category=category, park=park).pk
        for pk, category in categories_by_pk.items()
    }
    return LoadPark(park, number, staff, enterprises, routes), created
