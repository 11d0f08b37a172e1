"""Content every park carries: the national high-tech enterprise policy, its guide, links."""

import datetime

from cms.models.policies import EnterpriseSize, PolicyLevel

from ..specs import Guide, Policy, Provider

ALL_SIZES = (
    EnterpriseSize.MICRO,
    EnterpriseSize.SMALL,
    EnterpriseSize.MEDIUM,
    EnterpriseSize.LARGE,
)
SME_SIZES = (EnterpriseSize.MICRO, EnterpriseSize.SMALL, EnterpriseSize.MEDIUM)

HIGH_TECH_SLUG = "gaoxin-rending-banfa"

HIGH_TECH_POLICY = Policy(
    slug=HIGH_TECH_SLUG,
    title="国家高新技术企业认定管理办法解读",
    issuing_authority="科技部 财政部 税务总局",
    document_number="国科发火〔2016〕32号",
    level=PolicyLevel.NATIONAL,
    publish=datetime.date(2016, 1, 29),
    effective=datetime.date(2016, 1, 1),
    summary="明确高新技术企业的认定条件、认定程序和监督管理，认定后三年内可享受企业所得税减按15%征收等优惠。",
    interpretation=(
        "<p>《高新技术企业认定管理办法》由科技部、财政部、税务总局联合修订印发，是高新技术企业认定工作的基本依据。"
        "通过认定的企业，资格自颁发证书之日起有效期为三年，期内可依法享受企业所得税减按15%税率征收的优惠，"
        "并可作为申报各级科技、产业扶持资金的重要条件。</p>"
        "<p>认定条件共八项，核心是“知识产权、研发投入、科技人员、高新收入”四个方面：企业须注册成立一年以上；"
        "拥有对主要产品（服务）在技术上发挥核心支持作用的知识产权所有权；主要产品（服务）的核心技术属于"
        "《国家重点支持的高新技术领域》规定的范围；从事研发和相关技术创新活动的科技人员占当年职工总数的比例不低于10%。</p>"
        "<p>研究开发费用占同期销售收入的比例按企业规模分档：最近一年销售收入小于5000万元的不低于5%，"
        "5000万元至2亿元的不低于4%，2亿元以上的不低于3%，且在中国境内发生的研发费用不低于全部研发费用的60%；"
        "近一年高新技术产品（服务）收入占同期总收入的比例不低于60%；企业创新能力评价应达到相应要求；"
        "申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为。</p>"
        "<p>园区公共服务平台提醒：研发费用应按项目设立辅助账归集，知识产权应在申报前取得授权，"
        "并由符合条件的中介机构出具近三个会计年度研发费用和近一个会计年度高新技术产品（服务）收入专项审计报告。"
        "平台窗口可提供免费的自评和材料预审。</p>"
    ),
    key_points=(
        (
            "注册成立满一年",
            "以申报当年的认定评审时点计算，企业须在中国境内（不含港、澳、台地区）注册成立一年以上。",
        ),
        (
            "研发投入按销售收入分档",
            "近三个会计年度研发费用占销售收入比例分别不低于5%、4%、3%，境内研发费用占比不低于60%。",
        ),
        (
            "科技人员占比不低于10%",
            "科技人员包括直接从事研发和相关技术创新活动以及专门从事上述活动管理和提供直接技术服务的人员。",
        ),
        (
            "高新收入占比不低于60%",
            "近一年高新技术产品（服务）收入占企业同期总收入的比例不低于60%。",
        ),
        (
            "享受15%所得税优惠",
            "自证书颁发之日所在年度起享受税收优惠，资格有效期三年，期满需重新认定。",
        ),
    ),
    industries=("电子信息", "软件和信息服务业", "生物医药", "新材料", "高端装备制造", "新能源"),
    sizes=ALL_SIZES,
    min_years=1,
    tags=("科技创新", "税收优惠"),
)

HIGH_TECH_GUIDE = Guide(
    slug="gaoxin-rending-shenbao-zhinan",
    title="高新技术企业认定申报指南",
    summary="从自我评价、材料准备到网上申报、专家评审和公示的完整流程，以及研发费用归集等常见问题。",
    where="高新技术企业认定管理工作网网上申报；园区公共服务平台窗口提供自评和材料预审",
    time_limit="按年度批次受理，提交后评审、公示一般需3至4个月",
    fees="不收取认定费用（专项审计报告由企业自行委托中介机构出具）",
    materials=(
        "<ul>"
        "<li>高新技术企业认定申请书（系统在线填报后打印并签章）</li>"
        "<li>营业执照等证明企业依法成立的材料</li>"
        "<li>知识产权证书、生产批文，新产品或新技术证明（查新）材料、产品质量检验报告等</li>"
        "<li>科技人员名单及其工作岗位、学历、社保缴纳情况说明</li>"
        "<li>近三个会计年度研发费用、近一个会计年度高新技术产品（服务）收入专项审计或鉴证报告</li>"
        "<li>近三个会计年度财务会计报告（含资产负债表、利润表、现金流量表及附注）</li>"
        "<li>近三个会计年度企业所得税年度纳税申报表</li>"
        "</ul>"
    ),
    steps=(
        (
            "企业自我评价",
            "<p>对照认定条件逐项自评，重点核对知识产权、研发费用比例、科技人员和高新收入占比。</p>",
        ),
        ("注册登记", "<p>在高新技术企业认定管理工作网注册企业账号，填写企业基本信息。</p>"),
        (
            "准备材料并委托专项审计",
            "<p>整理知识产权、研发项目立项及辅助账等材料，委托符合条件的会计师事务所或税务师事务所出具专项审计报告。</p>",
        ),
        ("网上提交申请", "<p>在系统中在线填报申请书、上传附件，提交后打印纸质材料按要求报送。</p>"),
        (
            "专家评审、公示与发证",
            "<p>认定机构组织专家评审，认定结果在网上公示10个工作日，无异议的由认定机构颁发证书。</p>",
        ),
    ),
    questions=(
        (
            "研发费用能否包括委托外部研发的费用？",
            "<p>可以。委托外部研发按实际发生额的80%计入研发费用总额，且境内研发费用总额占全部研发费用的比例应不低于60%。</p>",
        ),
        (
            "哪些知识产权可以用于申报？",
            "<p>发明专利、实用新型专利、外观设计专利、软件著作权、集成电路布图设计专有权、植物新品种等均可，"
            "须在申报前获得授权并在有效期内。</p>",
        ),
        (
            "资格到期后如何处理？",
            "<p>高新技术企业资格有效期为三年，期满前应按当年申报批次重新提出认定申请，未通过的自期满年度起不再享受优惠。</p>",
        ),
    ),
)

LG_IP_CENTER_ADDRESS = "深圳市龙岗区龙城街道龙岗区政务服务中心"

GOV_LINKS = (
    ("龙岗区人民政府", "https://www.lg.gov.cn/"),
    ("深圳市人民政府", "https://www.sz.gov.cn/"),
)
GDZWFW_LINK = ("广东政务服务网", "https://www.gdzwfw.gov.cn/")
INNOCOM_LINK = ("高新技术企业认定管理工作网", "http://www.innocom.gov.cn/")
TAX_LINK = ("国家税务总局深圳市税务局", "https://shenzhen.chinatax.gov.cn/")
HRSS_LINK = ("深圳市人力资源和社会保障局", "https://hrss.sz.gov.cn/")
GXJ_LINK = ("深圳市工业和信息化局", "https://gxj.sz.gov.cn/")

SERVICE_HOURS = "工作日 9:00-12:00, 14:00-18:00"


def ip_center(*, contact_person: str, phone: str, station: str) -> Provider:
    """The district's intellectual property protection centre, through its station in the park."""
    return Provider(
        name=f"龙岗区知识产权保护中心（{station}）",
        contact_person=contact_person,
        phone=phone,
        address=f"{LG_IP_CENTER_ADDRESS}；{station}设在园区公共服务平台",
        description="提供专利快速预审、知识产权维权援助、海外纠纷应对指导和知识产权质押融资对接等公益服务。",
    )
