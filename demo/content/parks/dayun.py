"""大运软件小镇: policy interpretation (政策解读) for software, 信创 and information services."""

import datetime

from cms.models.policies import EnterpriseSize, PolicyLevel
from cms.models.services import ServiceCategory

from ..specs import Contact, Guide, Home, News, Park, Policy, Provider, Service
from .common import (
    ALL_SIZES,
    GOV_LINKS,
    HIGH_TECH_GUIDE,
    HIGH_TECH_POLICY,
    HIGH_TECH_SLUG,
    SERVICE_HOURS,
    SME_SIZES,
    TAX_LINK,
    ip_center,
)

SOFTWARE = ("软件和信息服务业",)
SOFTWARE_AND_CHIPS = ("软件和信息服务业", "集成电路", "信创产业")

POLICY_CENTRE = Provider(
    name="大运软件小镇政策服务中心",
    contact_person="许女士",
    phone="0755-28956201",
    email="zhengce@dayun.example.gov.cn",
    address="深圳市龙岗区龙城街道龙飞大道333号大运软件小镇1栋1楼",
    description="园区公共服务平台的政策服务窗口，负责各级产业政策解读、免申即享推送、申报辅导和企业诉求受理。",
)
SOFTWARE_ASSOCIATION = Provider(
    name="龙岗区软件和信息服务业协会",
    contact_person="孙秘书长",
    phone="0755-28956288",
    address="深圳市龙岗区龙城街道大运软件小镇3栋5楼",
    description="区内软件和信息服务企业组成的行业协会，提供软件企业评估、行业统计、人才交流和政策建言服务。",
)
TAX_POINT = Provider(
    name="龙岗区税务局大运软件小镇办税服务点",
    contact_person="罗科长",
    phone="0755-28956320",
    address="深圳市龙岗区龙城街道大运软件小镇1栋1楼政务服务区",
    description="税务部门在园区设立的办税服务点，提供软件产品增值税即征即退、研发费用加计扣除等政策辅导。",
)
BANK = Provider(
    name="中国银行深圳龙岗支行科技金融部",
    contact_person="梁经理",
    phone="0755-28956412",
    address="深圳市龙岗区龙城街道龙翔大道中国银行大厦",
    description="为软件和信息服务企业提供知识产权质押贷款、“投贷联动”和股权投资机构对接服务。",
)
LAW_FIRM = Provider(
    name="广东大运律师事务所",
    contact_person="谢律师",
    phone="0755-28956533",
    address="深圳市龙岗区龙城街道大运软件小镇5栋12楼",
    description="专注软件许可、开源合规、技术合同和知识产权诉讼的律师事务所，为园区企业提供公益法律咨询。",
)
TALENT_STATION = Provider(
    name="大运软件小镇人才服务站",
    contact_person="冯老师",
    phone="0755-28956610",
    address="深圳市龙岗区龙城街道大运软件小镇1栋2楼",
    description="对接周边高校和职业院校，组织软件人才实训、校园招聘和人才政策申报。",
)
XINCHUANG_CENTRE = Provider(
    name="龙岗区信创适配验证中心",
    contact_person="蔡工程师",
    phone="0755-28956705",
    address="深圳市龙岗区龙城街道大运软件小镇7栋3楼",
    description="提供国产芯片、操作系统、数据库和中间件环境下的软件适配测试、兼容性认证和迁移咨询。",
)
IP_CENTRE = ip_center(contact_person="曾老师", phone="0755-28956760", station="大运软件小镇工作站")

POLICIES = (
    HIGH_TECH_POLICY,
    Policy(
        slug="ruanjian-chanpin-zengzhishui-jizhengjitui",
        title="关于软件产品增值税政策的通知解读",
        issuing_authority="财政部 国家税务总局",
        document_number="财税〔2011〕100号",
        level=PolicyLevel.NATIONAL,
        publish=datetime.date(2011, 10, 13),
        effective=datetime.date(2011, 1, 1),
        summary="增值税一般纳税人销售自行开发生产的软件产品，增值税实际税负超过3%的部分实行即征即退。",
        interpretation=(
            "<p>该通知是软件产品增值税“即征即退”政策的基本依据。增值税一般纳税人销售其自行开发生产的软件产品，"
            "按适用税率征收增值税后，对其增值税实际税负超过3%的部分实行即征即退；"
            "将进口软件产品进行本地化改造后对外销售的，也可享受该政策。</p>"
            "<p>享受政策的软件产品须取得著作权行政管理部门颁发的《计算机软件著作权登记证书》等材料。"
            "随计算机硬件、机器设备一并销售的嵌入式软件产品，应分别核算嵌入式软件与硬件的销售额，"
            "不能分别核算的不得享受即征即退。</p>"
            "<p>退税款专项用于软件产品研发和扩大再生产的，可作为不征税收入，在计算应纳税所得额时从收入总额中减除。"
            "小镇办税服务点提示：企业应准确划分软件产品与其他业务的进项税额，并妥善保存研发立项资料备查。</p>"
        ),
        key_points=(
            ("税负超3%部分即征即退", "按适用税率征税后，实际税负超过3%的部分由税务机关即征即退。"),
            ("须取得软件著作权", "享受政策的软件产品须取得《计算机软件著作权登记证书》。"),
            ("嵌入式软件分别核算", "嵌入式软件与硬件销售额须分别核算，否则不得享受。"),
            ("退税款可作不征税收入", "专项用于研发和扩大再生产的退税款可作为不征税收入。"),
        ),
        industries=SOFTWARE,
        sizes=ALL_SIZES,
        tags=("税收优惠", "软件产业"),
    ),
    Policy(
        slug="jichengdianlu-ruanjian-qiye-suodeshui",
        title="促进集成电路产业和软件产业高质量发展企业所得税政策解读",
        issuing_authority="财政部 税务总局 发展改革委 工业和信息化部",
        document_number="财政部 税务总局 发展改革委 工业和信息化部公告2020年第45号",
        level=PolicyLevel.NATIONAL,
        publish=datetime.date(2020, 12, 11),
        effective=datetime.date(2020, 1, 1),
        summary="国家鼓励的软件企业自获利年度起“两免三减半”，重点软件企业前五年免征、接续年度减按10%征收企业所得税。",
        interpretation=(
            "<p>该公告落实《新时期促进集成电路产业和软件产业高质量发展的若干政策》的财税措施，"
            "对国家鼓励的集成电路企业和软件企业给予企业所得税优惠，优惠存续期间按清单管理。</p>"
            "<p>国家鼓励的软件企业，自获利年度起，第一年至第二年免征企业所得税，第三年至第五年按照25%的法定税率减半征收；"
            "国家鼓励的重点软件企业，自获利年度起，第一年至第五年免征企业所得税，接续年度减按10%的税率征收。</p>"
            "<p>享受优惠的企业条件和重点软件企业清单由国家发展改革委、工业和信息化部会同相关部门制定。"
            "企业须在汇算清缴时按规定备查资料，与高新技术企业等其他定期减免税优惠不得叠加享受，可择优选择。</p>"
        ),
        key_points=(
            ("软件企业“两免三减半”", "自获利年度起，前两年免征，后三年减半征收企业所得税。"),
            ("重点软件企业“五免后10%”", "前五年免征企业所得税，接续年度减按10%税率征收。"),
            ("清单管理", "享受优惠的重点企业清单由国家发展改革委、工业和信息化部等部门制定。"),
            ("优惠不叠加", "与其他定期减免税优惠不得叠加享受，企业可择优选择。"),
        ),
        industries=SOFTWARE_AND_CHIPS,
        sizes=ALL_SIZES,
        tags=("税收优惠", "软件产业"),
    ),
    Policy(
        slug="yanfa-feiyong-jiaji-kouchu",
        title="关于进一步完善研发费用税前加计扣除政策的公告解读",
        issuing_authority="财政部 税务总局",
        document_number="财政部 税务总局公告2023年第7号",
        level=PolicyLevel.NATIONAL,
        publish=datetime.date(2023, 3, 26),
        effective=datetime.date(2023, 1, 1),
        summary="企业研发费用在据实扣除基础上再按100%加计扣除，形成无形资产的按成本的200%在税前摊销，作为制度性安排长期实施。",
        interpretation=(
            "<p>公告将符合条件行业企业研发费用加计扣除比例统一提高到100%，并作为制度性安排长期实施。"
            "企业开展研发活动中实际发生的研发费用，未形成无形资产计入当期损益的，在据实扣除的基础上再按实际发生额的100%加计扣除；"
            "形成无形资产的，按照无形资产成本的200%在税前摊销。</p>"
            "<p>烟草制造业、住宿和餐饮业、批发和零售业、房地产业、租赁和商务服务业、娱乐业等行业不适用该政策。"
            "软件企业的研发人员工资、直接投入、折旧摊销、新产品设计费和委托研发费用等均可按规定归集。</p>"
            "<p>企业可在预缴申报时选择享受，也可在年度汇算清缴时统一享受。小镇政策服务中心建议企业按项目设立研发支出辅助账，"
            "研发项目立项、工时记录和成果资料应同步留存备查。</p>"
        ),
        key_points=(
            ("加计扣除比例100%", "未形成无形资产的研发费用，再按实际发生额的100%税前加计扣除。"),
            ("无形资产按200%摊销", "形成无形资产的，按无形资产成本的200%在税前摊销。"),
            ("长期实施", "作为制度性安排长期实施，不再设执行期限。"),
            (
                "负面清单行业除外",
                "烟草制造、住宿餐饮、批发零售、房地产、租赁和商务服务、娱乐业不适用。",
            ),
        ),
        industries=("软件和信息服务业", "电子信息", "人工智能"),
        sizes=ALL_SIZES,
        tags=("税收优惠", "科技创新"),
    ),
    Policy(
        slug="xinshiqi-jichengdianlu-ruanjian-ruogan-zhengce",
        title="新时期促进集成电路产业和软件产业高质量发展的若干政策解读",
        issuing_authority="国务院",
        document_number="国发〔2020〕8号",
        level=PolicyLevel.NATIONAL,
        publish=datetime.date(2020, 7, 27),
        effective=datetime.date(2020, 7, 27),
        summary="从财税、投融资、研究开发、进出口、人才、知识产权、市场应用、国际合作八个方面支持集成电路和软件产业。",
        interpretation=(
            "<p>《若干政策》是当前支持集成电路和软件产业发展的纲领性文件，提出财税、投融资、研究开发、进出口、"
            "人才、知识产权、市场应用、国际合作八个方面共四十条措施，适用于在境内设立的集成电路和软件企业。</p>"
            "<p>在投融资方面，鼓励符合条件的软件企业在科创板、创业板等上市融资；在研究开发方面，"
            "支持开源、开放平台建设和关键核心技术攻关；在人才方面，鼓励高校设置集成电路和软件相关学科、推进产教融合。</p>"
            "<p>《若干政策》的财税条款已由财政部、税务总局等部门出台配套公告落地。"
            "小镇政策服务中心按八个方面整理了配套文件清单，企业可到窗口领取或在线查阅。</p>"
        ),
        key_points=(
            (
                "八个方面四十条",
                "财税、投融资、研究开发、进出口、人才、知识产权、市场应用、国际合作。",
            ),
            ("支持上市融资", "鼓励符合条件的企业到科创板、创业板上市融资。"),
            ("加强知识产权保护", "严格落实软件著作权保护，依法打击各类侵权行为。"),
        ),
        industries=SOFTWARE_AND_CHIPS,
        sizes=ALL_SIZES,
        tags=("软件产业", "产业扶持"),
    ),
    Policy(
        slug="guangdong-xinchuang-chanye-ruogan-cuoshi",
        title="广东省支持信创产业发展若干措施解读",
        issuing_authority="广东省工业和信息化厅 广东省发展和改革委员会",
        document_number="粤工信电子〔{year}〕18号",
        level=PolicyLevel.PROVINCIAL,
        publish=-260,
        effective=-260,
        expiry=830,
        summary="支持基础软件、工业软件和信创适配验证能力建设，对首版次软件和适配迁移项目给予资助。",
        interpretation=(
            "<p>措施围绕操作系统、数据库、中间件、工业软件等关键领域，提出“补短板、建生态、促应用”三项任务，"
            "鼓励省内软件企业参与国产化适配和行业应用迁移。</p>"
            "<p>对经认定的首版次软件产品，按首年销售合同额给予一定比例奖励；对建设公共适配验证平台的单位，"
            "按设备和软件投入给予最高1000万元资助；对在金融、能源、交通等重点行业完成规模化迁移的应用项目给予示范支持。</p>"
            "<p>大运软件小镇是全区信创企业最集中的园区之一。小镇政策服务中心可协助企业对接省级主管部门，"
            "并结合区信创适配验证中心的测试报告准备申报材料。</p>"
        ),
        key_points=(
            ("首版次软件奖励", "经认定的首版次软件产品，按首年销售合同额给予奖励。"),
            ("适配验证平台资助", "建设公共适配验证平台的，按投入给予最高1000万元资助。"),
            ("行业迁移示范", "支持金融、能源、交通等重点行业规模化迁移项目。"),
        ),
        industries=SOFTWARE_AND_CHIPS,
        qualifications=("高新技术企业",),
        sizes=ALL_SIZES,
        tags=("信创", "软件产业", "产业扶持"),
    ),
    Policy(
        slug="shenzhen-ruanjian-chanye-fuchi-jihua",
        title="深圳市软件产业高质量发展扶持计划申报指南解读",
        issuing_authority="深圳市工业和信息化局",
        document_number="深工信规〔{year}〕3号",
        level=PolicyLevel.MUNICIPAL,
        publish=-90,
        effective=-90,
        expiry=640,
        summary="本年度软件产业扶持计划分为企业规模成长、关键软件攻关和软件名品三类，申报窗口现已开放。",
        interpretation=(
            "<p>申报指南明确本年度市软件产业扶持计划的三类项目：一是企业规模成长奖励，对软件业务收入首次突破规定档位的企业给予奖励；"
            "二是关键软件攻关项目，支持基础软件、工业软件和行业应用软件的研发与产业化；三是软件名品推广，支持优秀软件产品首购首用。</p>"
            "<p>申报单位须在深圳依法注册、纳入软件和信息技术服务业统计，且近三年无严重失信记录。"
            "关键软件攻关项目采用事前资助方式，资助金额不超过项目总投资的30%，最高1000万元。</p>"
            "<p>申报截止日期临近，小镇政策服务中心每周二、周四下午开设申报辅导专场，"
            "企业可携带软件业务收入统计报表和项目可行性研究报告前来预审。</p>"
        ),
        key_points=(
            ("三类项目", "规模成长奖励、关键软件攻关、软件名品推广。"),
            ("须纳入行业统计", "申报单位须纳入软件和信息技术服务业统计。"),
            ("攻关项目事前资助", "资助金额不超过项目总投资的30%，最高1000万元。"),
            ("窗口期内申报", "逾期不予受理，材料不全的须在窗口期内补正。"),
        ),
        industries=SOFTWARE,
        sizes=ALL_SIZES,
        min_years=1,
        application=(-30, 25),
        tags=("软件产业", "产业扶持"),
    ),
    Policy(
        slug="shenzhen-shouban-ci-ruanjian-jiangli",
        title="深圳市首版次软件产品认定与奖励办法（试行）",
        issuing_authority="深圳市工业和信息化局",
        document_number="深工信规〔{year}〕9号",
        level=PolicyLevel.MUNICIPAL,
        publish=-1500,
        effective=-1480,
        expiry=-60,
        summary="对首版次软件产品给予认定和奖励的试行办法，已到期失效；相关支持已纳入市软件产业扶持计划。",
        interpretation=(
            "<p>该试行办法曾对在深圳研发、首次实现市场销售的软件产品开展“首版次”认定，并按首年销售合同额给予奖励，"
            "单个产品最高奖励300万元。</p>"
            "<p>试行期已届满，办法不再受理新的认定申请。此前已认定的产品，奖励资金按原程序拨付完毕。"
            "首版次软件的支持已纳入《深圳市软件产业高质量发展扶持计划》“软件名品推广”类项目，企业可按新申报指南申报。</p>"
        ),
        key_points=(
            ("已失效", "试行期届满，不再受理新的认定申请。"),
            ("已纳入新计划", "首版次软件支持已纳入市软件产业扶持计划“软件名品推广”类项目。"),
            ("原奖励已拨付", "此前已认定产品的奖励资金已按原程序拨付。"),
        ),
        industries=SOFTWARE,
        sizes=ALL_SIZES,
        tags=("软件产业",),
    ),
    Policy(
        slug="longgang-ruanjian-xinxi-fuwu-ruogan-cuoshi",
        title="龙岗区关于支持软件和信息服务业发展的若干措施解读",
        issuing_authority="深圳市龙岗区人民政府",
        document_number="深龙府规〔{year}〕5号",
        level=PolicyLevel.DISTRICT,
        publish=-700,
        effective=-680,
        expiry=400,
        summary="对软件企业落户、营收增长、研发投入、人才引进和办公用房给予支持，本批次申报已开放。",
        interpretation=(
            "<p>措施是龙岗区支持软件和信息服务业的综合性政策，共五个方面十八条，"
            "覆盖企业落户、规模成长、研发创新、人才引进和产业空间。</p>"
            "<p>对新落户且年软件业务收入达到规定规模的企业给予落户奖励；对软件业务收入首次突破1亿元、5亿元、10亿元的企业分档奖励；"
            "对年度研发投入增长较快的企业按增量给予补贴；对入驻区内软件产业园区的中小企业给予最长三年的租金补贴。</p>"
            "<p>本批次受理营收成长奖励和研发投入补贴两类项目。小镇政策服务中心已将符合初步条件的企业名单推送给企业联络人，"
            "企业也可在“免申即享”栏目确认是否已列入直接兑付范围。</p>"
        ),
        key_points=(
            ("落户奖励", "新落户且年软件业务收入达到规定规模的企业给予一次性奖励。"),
            ("营收跨档奖励", "软件业务收入首次突破1亿元、5亿元、10亿元分档奖励。"),
            ("研发投入补贴", "按年度研发投入增量给予补贴。"),
            ("租金补贴", "入驻区内软件产业园区的中小企业可获最长三年租金补贴。"),
        ),
        industries=SOFTWARE,
        sizes=ALL_SIZES,
        application=(-14, 46),
        tags=("软件产业", "产业扶持"),
    ),
    Policy(
        slug="longgang-xinchuang-shipei-yanzheng-butie",
        title="龙岗区信创适配验证服务补贴办法",
        issuing_authority="龙岗区工业和信息化局",
        document_number="深龙工信规〔{year}〕6号",
        level=PolicyLevel.DISTRICT,
        publish=-10,
        effective=21,
        expiry=1100,
        summary="区内软件企业在区信创适配验证中心开展适配测试可获费用补贴，办法已发布、尚未施行。",
        interpretation=(
            "<p>为降低中小软件企业开展国产化适配的成本，办法对区内企业在龙岗区信创适配验证中心开展的兼容性测试、"
            "性能调优和迁移验证服务，按实际支付费用的50%给予补贴，单家企业每年最高30万元。</p>"
            "<p>补贴实行“先服务、后申请”，企业完成适配测试并取得测试报告后，于次季度首月集中申报。"
            "办法施行前已开展的测试不在补贴范围内。</p>"
            "<p>办法尚未施行。有适配需求的企业可先到验证中心登记测试计划，以便施行后第一时间排期。</p>"
        ),
        key_points=(
            ("补贴50%", "按实际支付测试费用的50%补贴，每家每年最高30万元。"),
            ("先服务后申请", "取得测试报告后于次季度首月集中申报。"),
            ("施行前测试不补", "办法施行前已开展的测试不在补贴范围内。"),
        ),
        industries=SOFTWARE_AND_CHIPS,
        sizes=SME_SIZES,
        tags=("信创", "软件产业"),
    ),
    Policy(
        slug="dayun-ruzhu-zujin-jianmian-chengzhang-jiangli",
        title="大运软件小镇企业入驻租金减免与成长奖励办法",
        issuing_authority="大运软件小镇园区公共服务平台",
        document_number="大运小镇服〔{year}〕2号",
        level=PolicyLevel.PARK,
        publish=-330,
        effective=-330,
        summary="新入驻软件企业首年租金减免30%，年度营收增长超过30%的企业可申请成长奖励和扩租优先。",
        interpretation=(
            "<p>为吸引优质软件企业集聚，小镇对新入驻、主营软件和信息技术服务的企业，首年租金减免30%；"
            "入驻满一年且年度营业收入增长超过30%的，可申请园区成长奖励，并在扩租、人才公寓分配中优先安排。</p>"
            "<p>享受减免的企业应在入驻后一年内将注册地和税务登记迁入龙岗区。园区平台常年受理，每季度集中审核一次。</p>"
        ),
        key_points=(
            ("首年租金减免30%", "新入驻的软件和信息技术服务企业首年租金减免30%。"),
            ("成长奖励", "入驻满一年、营收增长超过30%的企业可申请成长奖励。"),
            ("注册地须在龙岗", "享受减免的企业应在一年内将注册和税务登记迁入龙岗区。"),
        ),
        industries=SOFTWARE,
        sizes=(EnterpriseSize.MICRO, EnterpriseSize.SMALL, EnterpriseSize.MEDIUM),
        application=(-330, None),
        tags=("园区服务", "软件产业"),
    ),
)

SERVICES = (
    Service(
        slug="zhengce-jiedu-mianshen-jixiang",
        title="政策解读与“免申即享”辅导",
        category=ServiceCategory.POLICY,
        summary="逐条解读国家、省、市、区各级软件产业政策，推送免申即享名单，并提供一对一申报辅导。",
        provider=POLICY_CENTRE,
        audience="小镇内所有软件和信息服务企业",
        how_to_get=(
            "<p>到1栋1楼政策服务中心窗口或通过园区平台预约政策专员；每月第二周周四举办“政策解读大讲堂”，"
            "可在平台报名。</p>"
        ),
        body="<p>服务中心按“政策原文、解读、申报指南、常见问题”四件套整理每项政策，企业可按行业和资质筛选。</p>",
        related_policies=(
            "longgang-ruanjian-xinxi-fuwu-ruogan-cuoshi",
            "shenzhen-ruanjian-chanye-fuchi-jihua",
            "guangdong-xinchuang-chanye-ruogan-cuoshi",
        ),
    ),
    Service(
        slug="ruanjian-qiye-pinggu-fudao",
        title="软件企业评估与软件产品登记辅导",
        category=ServiceCategory.POLICY,
        summary="辅导企业开展软件企业评估和软件产品登记，为享受软件企业所得税、增值税优惠做准备。",
        provider=SOFTWARE_ASSOCIATION,
        audience="拟享受软件企业税收优惠的软件研发企业",
        how_to_get="<p>向协会提交企业基本情况表，协会安排专人对照评估标准进行预评估并指导准备材料。</p>",
        related_policies=(
            "jichengdianlu-ruanjian-qiye-suodeshui",
            "ruanjian-chanpin-zengzhishui-jizhengjitui",
        ),
    ),
    Service(
        slug="ruanjian-zengzhishui-jizhengjitui-fudao",
        title="软件产品增值税即征即退办理辅导",
        category=ServiceCategory.TAX,
        summary="讲解即征即退适用条件、进项税额划分和嵌入式软件核算，协助企业在电子税务局完成申请。",
        provider=TAX_POINT,
        audience="销售自行开发软件产品的增值税一般纳税人",
        how_to_get="<p>工作日到小镇办税服务点现场咨询，或拨打服务点电话预约专人辅导。</p>",
        related_policies=(
            "ruanjian-chanpin-zengzhishui-jizhengjitui",
            "yanfa-feiyong-jiaji-kouchu",
        ),
    ),
    Service(
        slug="ruanjian-qiye-guquan-rongzi-zhiya",
        title="软件企业股权融资与知识产权质押融资",
        category=ServiceCategory.BANKING,
        summary="以软件著作权、专利为质押提供信用贷款，并联合创投机构为成长期软件企业提供股权融资对接。",
        provider=BANK,
        audience="拥有软件著作权或专利、有融资需求的软件企业",
        how_to_get="<p>向科技金融部提交融资申请表和知识产权清单，客户经理五个工作日内上门尽调。</p>",
        related_policies=("xinshiqi-jichengdianlu-ruanjian-ruogan-zhengce",),
    ),
    Service(
        slug="ruanzhu-dengji-weiquan",
        title="软件著作权登记与维权援助",
        category=ServiceCategory.IP,
        summary="指导软件著作权登记材料准备，提供侵权取证指引和维权援助。",
        provider=IP_CENTRE,
        audience="需要登记或保护软件著作权的企业和开发者",
        how_to_get="<p>到小镇知识产权工作站登记需求，工作站一个工作日内回复。</p>",
        related_policies=(HIGH_TECH_SLUG, "ruanjian-chanpin-zengzhishui-jizhengjitui"),
    ),
    Service(
        slug="kaiyuan-hegui-hetong-shencha",
        title="开源合规与软件合同审查",
        category=ServiceCategory.LEGAL,
        summary="开源许可证合规审查、软件许可和技术开发合同审查，每家企业每年可享两次免费审查。",
        provider=LAW_FIRM,
        audience="使用开源组件或对外签订软件许可、技术开发合同的企业",
        how_to_get="<p>通过园区平台提交合同或代码依赖清单，律所三个工作日内出具审查意见。</p>",
    ),
    Service(
        slug="ruanjian-rencai-shixun",
        title="软件人才实训与校企对接",
        category=ServiceCategory.TALENT,
        summary="联合高校和职业院校开设软件测试、信创运维等实训班，组织校园专场招聘。",
        provider=TALENT_STATION,
        audience="有招聘需求的小镇企业，以及在校学生和求职者",
        how_to_get="<p>企业在园区平台登记用人需求，人才服务站每学期组织一次校企对接会。</p>",
        related_policies=("xinshiqi-jichengdianlu-ruanjian-ruogan-zhengce",),
    ),
    Service(
        slug="xinchuang-shipei-ceshi",
        title="信创适配测试与迁移咨询",
        category=ServiceCategory.OTHER,
        summary="提供国产软硬件环境下的兼容性测试、性能调优和迁移咨询，出具适配测试报告。",
        provider=XINCHUANG_CENTRE,
        audience="面向政务、金融等行业提供国产化产品的软件企业",
        how_to_get="<p>在验证中心登记测试计划并提交安装包和测试用例，中心五个工作日内排期。</p>",
        related_policies=(
            "longgang-xinchuang-shipei-yanzheng-butie",
            "guangdong-xinchuang-chanye-ruogan-cuoshi",
        ),
    ),
)

NEWS = (
    News(
        slug="zhengce-jiedu-dajiangtang-ruanjian-fuchi",
        title="“政策解读大讲堂”聚焦市软件产业扶持计划申报",
        days_ago=6,
        summary="小镇政策服务中心邀请市、区主管部门逐项讲解本年度软件产业扶持计划申报要点。",
        body=(
            "<p>本期“政策解读大讲堂”在小镇会议中心举行，市工业和信息化局、区工业和信息化局相关负责同志"
            "围绕本年度软件产业扶持计划的三类项目，讲解申报条件、材料要求和常见问题，八十余家企业参加。</p>"
            "<p>政策服务中心现场发布了申报材料清单和预审日程，申报截止前每周二、周四下午开设辅导专场。</p>"
        ),
    ),
    News(
        slug="xinchuang-shipei-zhongxin-shoupi-shipei",
        title="区信创适配验证中心完成首批二十款产品适配",
        days_ago=25,
        summary="首批适配覆盖办公、政务审批、财务等领域，多家小镇企业取得适配测试报告。",
        body=(
            "<p>龙岗区信创适配验证中心完成首批二十款软件产品的适配测试，覆盖协同办公、政务审批、财务管理和数据分析等领域。</p>"
            "<p>验证中心负责人介绍，适配服务补贴办法施行后，区内中小企业的测试费用可获得补贴，欢迎企业提前登记测试计划。</p>"
        ),
    ),
    News(
        slug="yanfa-jiaji-kouchu-zhuanti-fudao",
        title="区税务局走进小镇开展研发费用加计扣除专题辅导",
        days_ago=50,
        summary="税务干部讲解研发费用归集口径和预缴申报享受方式，并现场解答企业提问。",
        body=(
            "<p>区税务局在小镇办税服务点开展研发费用加计扣除专题辅导，讲解研发活动判定、费用归集口径、"
            "辅助账设置以及预缴申报享受优惠的操作方法。</p>"
            "<p>辅导会后，办税服务点还为十余家企业进行了研发费用辅助账“体检”，帮助企业防范涉税风险。</p>"
        ),
    ),
)

GUIDES = (
    Guide(
        slug="ruanjian-zengzhishui-jizhengjitui-zhinan",
        title="软件产品增值税即征即退办理指南",
        summary="软件产品增值税即征即退的适用条件、所需资料、办理流程和常见问题。",
        where="电子税务局在线办理；大运软件小镇办税服务点（1栋1楼）提供辅导",
        time_limit="资料齐全的，一般在受理后10个工作日内完成审核",
        fees="不收费",
        materials=(
            "<ul>"
            "<li>《计算机软件著作权登记证书》复印件</li>"
            "<li>软件产品销售合同或订单、发票明细</li>"
            "<li>嵌入式软件产品的软件与硬件销售额分别核算说明</li>"
            "<li>即征即退申请表（电子税务局在线填写）</li>"
            "</ul>"
        ),
        steps=(
            (
                "确认适用条件",
                "<p>确认企业为增值税一般纳税人，销售的软件产品为自行开发生产并已取得软件著作权。</p>",
            ),
            (
                "按月申报缴纳增值税",
                "<p>按规定申报缴纳增值税，软件产品销售额和进项税额单独核算。</p>",
            ),
            ("提交即征即退申请", "<p>在电子税务局提交退税申请并上传相关资料。</p>"),
            ("税务机关审核退库", "<p>主管税务机关审核通过后，将退税款退至企业账户。</p>"),
        ),
        questions=(
            (
                "软件产品的进项税额怎样划分？",
                "<p>专用于软件产品开发生产的进项税额单独核算；无法划分的，按软件产品销售额占全部销售额的比例分摊。</p>",
            ),
            (
                "技术服务收入能否享受即征即退？",
                "<p>不能。即征即退仅适用于销售软件产品，软件开发服务、运维服务等按现代服务业相关规定缴纳增值税。</p>",
            ),
            (
                "退税款如何做所得税处理？",
                "<p>专项用于软件产品研发和扩大再生产并单独核算的，可作为不征税收入。</p>",
            ),
        ),
    ),
    HIGH_TECH_GUIDE,
)

PARK = Park(
    home=Home(
        intro=(
            "<p>大运软件小镇园区公共服务平台突出政策服务，全方位为企业解读国家、省、市、区各级产业扶持政策，"
            "推动软件和信息服务业政策精准直达、免申即享。</p>"
        ),
        highlighted_services=(
            "zhengce-jiedu-mianshen-jixiang",
            "ruanjian-zengzhishui-jizhengjitui-fudao",
            "ruanjian-qiye-guquan-rongzi-zhiya",
        ),
        services_heading="政策服务",
        policies_heading="最新政策解读",
        appeal_heading="政策问题找我们",
        appeal_text="对政策适用、申报条件或资金兑付有疑问，可在线提交诉求，平台经“一窗式”系统转职能部门答复。",
        appeal_button="提交政策诉求",
    ),
    contact=Contact(
        address="深圳市龙岗区龙城街道龙飞大道333号大运软件小镇1栋1楼",
        phone="0755-28956200",
        email="fuwu@dayun.example.gov.cn",
        service_hours=SERVICE_HOURS,
        footer_links=(*GOV_LINKS, TAX_LINK),
    ),
    policies=POLICIES,
    services=SERVICES,
    news=NEWS,
    guides=GUIDES,
    services_intro="<p>政策解读、财税、融资、知识产权、法律、人才和信创适配等面向软件企业的服务。</p>",
    policies_intro="<p>软件、信创和信息服务业相关的各级政策原文要点与解读，可按级别、主题、是否有效筛选。</p>",
    news_intro="<p>大运软件小镇园区公共服务平台的最新动态。</p>",
    guides_intro="<p>软件企业常办事项的办理指南。</p>",
)
