"""Demo data: the five Longgang parks of DESIGN.md, district departments, persona accounts."""

from django.conf import settings
from django.db import transaction
from django_tenants.utils import schema_context
from stdnum.cn import uscc as stdnum_uscc

from accounts.models import Role, User
from accounts.services import user_create
from demo.content import content_seed
from enterprises.models import Enterprise
from onewindow.models import AppealCategory, Department, Liaison
from onewindow.services import department_ensure
from tenants.models import Park
from tenants.services import ParkSpec, in_public_schema, park_create

DEMO_PASSWORD = "demo-2026"  # noqa: S105  # nosec B105 - printed by `make run`; demo only

PARKS = [
    ParkSpec(
        "tiananyungu",
        "天安云谷",
        "",
        "TAYG",
        "Tian'an Cloud Park",
        "智慧服务：线上线下一体的数字化企业服务",
        "#0b5fa5",
    ),
    ParkSpec(
        "dayun",
        "大运软件小镇",
        "",
        "DYRJ",
        "Dayun Software Town",
        "政策解读：软件和信息服务业政策精准直达",
        "#6a2c91",
    ),
    ParkSpec(
        "baolong",
        "宝龙园区",
        "",
        "BLYQ",
        "Baolong Park",
        "功能融合：政务服务与产业服务合一",
        "#0f6b5c",
    ),
    ParkSpec(
        "zhonghaixin",
        "中海信创新产业城",
        "",
        "ZHX",
        "Zhonghaixin Innovation Park",
        "创新孵化与股权融资：从种子到上市的全周期服务",
        "#a2381f",
    ),
    ParkSpec(
        "shumacheng",
        "天安数码城",
        "",
        "TASM",
        "Tian'an Cyber Park",
        "软性服务生态：人才、法律、金融服务圈",
        "#1d4e89",
    ),
]

DEPARTMENTS = [
    ("发展和改革局", "发改局", "fgj", "0755-28949001"),
    ("工业和信息化局", "工信局", "gxj", "0755-28949002"),
    ("科技创新局", "科创局", "kcj", "0755-28949003"),
    ("市场监督管理局", "市监局", "sjj", "0755-28949004"),
    ("人力资源局", "人力资源局", "rlj", "0755-28949005"),
    ("住房和建设局", "住建局", "zjj", "0755-28949006"),
    ("司法局", "司法局", "sfj", "0755-28949007"),
    ("税务局", "税务局", "swj", "0755-28949008"),
    ("商务局", "商务局", "swuj", "0755-28949009"),
    ("规划和自然资源局", "规自局", "ghj", "0755-28949010"),
    ("政务服务数据管理局", "政数局", "zsj", "0755-28949011"),
]

# (category, description, default department, window days, department days)
CATEGORIES = [
    ("政策咨询", "政策适用、申报条件与兑现进度咨询", "发展和改革局", 1, 5),
    ("审批服务", "行政审批、证照办理中遇到的问题", "政务服务数据管理局", 1, 5),
    ("用地用房", "产业用地、创新型产业用房与厂房租赁", "规划和自然资源局", 1, 10),
    ("人才招聘", "人才认定、招聘用工与人才住房", "人力资源局", 1, 5),
    ("融资服务", "融资对接、贷款贴息与担保", "工业和信息化局", 1, 5),
    ("科技创新", "高新技术企业认定、研发资助与科技项目", "科技创新局", 1, 5),
    ("知识产权", "专利、商标的申请与保护", "市场监督管理局", 1, 5),
    ("市场监管", "登记注册、质量与价格监管", "市场监督管理局", 1, 5),
    ("税务", "税费政策、发票与纳税服务", "税务局", 1, 5),
    ("法律纠纷", "合同、劳动等法律纠纷的调解与援助", "司法局", 1, 10),
    ("其他建议/投诉", "不属于以上类别的建议与投诉", "政务服务数据管理局", 1, 5),
]

PARK_PERSONAS = [
    ("enterprise", Role.ENTERPRISE, "李明"),
    ("window", Role.WINDOW_STAFF, "王芳"),
    ("operator", Role.PARK_OPERATOR, "张伟"),
    ("manager", Role.CONTENT_MANAGER, "刘洋"),
]

DEMO_ENTERPRISES = {
    "tiananyungu": "深圳云谷智联科技有限公司",
    "dayun": "深圳大运星河软件有限公司",
    "baolong": "深圳宝龙精密制造有限公司",
    "zhonghaixin": "深圳中海信创芯科技有限公司",
    "shumacheng": "深圳数码城人才服务有限公司",
}


def demo_uscc(index: int) -> str:
    """A well-formed USCC (valid check character) for a demo enterprise."""
    body = f"91440300MA5G{index:05d}"
    return body + stdnum_uscc.calc_check_digit(body)


def park_domain(slug: str) -> str:
    return f"{slug}.{settings.PARK_DOMAIN_SUFFIX}"


@in_public_schema
@transaction.atomic
def seed_hub() -> None:
    _ensure_user("admin", Role.DISTRICT_ADMIN, "陈主任")
    for name, short, code, phone in DEPARTMENTS:
        department = department_ensure(name=name, short_name=short, contact_phone=phone)
        user = _ensure_user(f"liaison-{code}", Role.LIAISON, f"{short}联络员")
        Liaison.objects.get_or_create(user=user, defaults={"department": department})
    for order, (name, description, department_name, window_days, department_days) in enumerate(
        CATEGORIES
    ):
        AppealCategory.objects.get_or_create(
            name=name,
            defaults={
                "description": description,
                "default_department": Department.objects.get(name=department_name),
                "window_deadline_days": window_days,
                "department_deadline_days": department_days,
                "sort_order": order,
            },
        )


def seed_park(spec: ParkSpec, number: int) -> Park:
    park = Park.objects.filter(slug=spec.slug).first()
    if park is None:
        park = park_create(spec=ParkSpec(**{**spec.__dict__, "domain": park_domain(spec.slug)}))
    with schema_context(park.schema_name), transaction.atomic():
        users = {
            username: _ensure_user(username, role, full_name)
            for username, role, full_name in PARK_PERSONAS
        }
        Enterprise.objects.get_or_create(
            account=users["enterprise"],
            defaults={
                "name": DEMO_ENTERPRISES[spec.slug],
                "uscc": demo_uscc(number),
                "contact_name": users["enterprise"].full_name,
                "mobile": f"1380013800{number}",
                "status": Enterprise.Status.VERIFIED,
            },
        )
        content_seed(park_slug=spec.slug)
    return park


def _ensure_user(username: str, role: str, full_name: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = user_create(
            username=username,
            password=DEMO_PASSWORD,
            role=role,
            full_name=full_name,
            email=f"{username}@demo.parkportal.localhost",
        )
    return user


def demo_logins() -> list[tuple[str, str]]:
    """(where, username) pairs printed by `make run`."""
    rows = [("hub", "admin")] + [
        ("hub", f"liaison-{code}") for *_rest, code, _phone in DEPARTMENTS[:3]
    ]
    rows += [("every park", username) for username, *_rest in PARK_PERSONAS]
    return rows
