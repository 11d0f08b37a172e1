"""宝龙园区: merged functions (功能融合) — street-office and park economic services in one window."""

import datetime

from cms.models.policies import EnterpriseSize, PolicyLevel
from cms.models.services import ServiceCategory

from ..specs import Contact, Guide, Home, News, Park, Policy, Provider, Service
from .common import (
    ALL_SIZES,
    GDZWFW_LINK,
    GOV_LINKS,
    GXJ_LINK,
    HIGH_TECH_GUIDE,
    HIGH_TECH_POLICY,
    HIGH_TECH_SLUG,
    SERVICE_HOURS,
    SME_SIZES,
    ip_center,
)

MANUFACTURING = ("智能制造", "高端装备制造", "新能源", "新材料")

ONE_WINDOW = Provider(
    name="宝龙街道园区一窗通办服务中心",
    contact_person="钟主任",
    phone="0755-28975101",
    email="yichuang@baolong.example.gov.cn",
    address="深圳市龙岗区宝龙街道宝龙工业城园区公共服务平台1楼",
    description="由宝龙街道办事处经济服务职能与园区专职服务机构整合设立，实行“窗口受理、系统推送、部门审批、一窗通办”。",
)
INDUSTRY_OFFICE = Provider(
    name="宝龙园区产业服务办公室",
    contact_person="邓科长",
    phone="0755-28975166",
    address="深圳市龙岗区宝龙街道宝龙工业城园区公共服务平台3楼",
    description="负责园区工业企业技术改造、“小升规”培育、专精特新梯度培育和产业政策申报辅导。",
)
BANK = Provider(
    name="中国工商银行深圳宝龙支行",
    contact_person="叶经理",
    phone="0755-28975230",
    address="深圳市龙岗区宝龙街道宝龙大道工商银行营业网点",
    description="为制造业企业提供技术改造贷款、设备融资租赁转介和产业基金股权融资对接。",
)
LABOUR_LAW = Provider(
    name="广东宝诚律师事务所",
    contact_person="潘律师",
    phone="0755-28975318",
    address="深圳市龙岗区宝龙街道宝龙工业城综合楼6楼",
    description="长期服务制造业企业的律师事务所，擅长劳动用工、安全生产和买卖合同纠纷，在园区设有公益法律服务站。",
)
TAX_POINT = Provider(
    name="龙岗区税务局宝龙园区办税服务点",
    contact_person="杜科长",
    phone="0755-28975402",
    address="深圳市龙岗区宝龙街道宝龙工业城园区公共服务平台1楼",
    description="提供出口退税、研发费用加计扣除、小型微利企业优惠等涉税辅导和办税服务。",
)
EMPLOYMENT_STATION = Provider(
    name="宝龙街道公共就业服务站",
    contact_person="韦老师",
    phone="0755-28975477",
    address="深圳市龙岗区宝龙街道宝龙工业城园区公共服务平台2楼",
    description="提供用工招聘、技能人才培训、稳岗补贴和就业登记等服务。",
)
IP_CENTRE = ip_center(contact_person="陆老师", phone="0755-28975530", station="宝龙园区工作站")

POLICIES = (
    HIGH_TECH_POLICY,
    Policy(
        slug="youzhi-zhongxiao-qiye-tidu-peiyu",
        title="优质中小企业梯度培育管理暂行办法解读",
        issuing_authority="工业和信息化部",
        document_number="工信部企业〔2022〕63号",
        level=PolicyLevel.NATIONAL,
        publish=datetime.date(2022, 6, 1),
        effective=datetime.date(2022, 8, 1),
        summary="建立创新型中小企业、专精特新中小企业、专精特新“小巨人”企业三个层次的梯度培育体系。",
        interpretation=(
            "<p>办法将优质中小企业分为创新型中小企业、专精特新中小企业和专精特新“小巨人”企业三个层次，"
            "分别由省级主管部门组织评价或认定、工业和信息化部组织认定，形成梯度培育体系。</p>"
            "<p>创新型中小企业采用评价指标体系，从创新能力、成长性、专业化程度三方面打分；"
            "专精特新中小企业须从事特定细分市场两年以上，研发投入、营业收入增长和主营业务占比达到规定要求；"
            "“小巨人”企业在专业化、精细化、特色化、创新能力和产业链配套等方面要求更高。</p>"
            "<p>宝龙园区制造业企业集中，园区产业服务办公室每年对照指标开展摸底，"
            "建立“创新型—专精特新—小巨人”培育库，并协助企业准备申报材料。</p>"
        ),
        key_points=(
            ("三个层次", "创新型中小企业、专精特新中小企业、专精特新“小巨人”企业。"),
            ("逐级培育", "创新型中小企业是专精特新的基础，“小巨人”企业从专精特新中小企业中产生。"),
            ("有效期三年", "认定有效期为三年，期满须复核。"),
            ("动态管理", "发生重大安全、质量、环境事故或严重失信的，取消资格。"),
        ),
        industries=MANUFACTURING,
        qualifications=("创新型中小企业", "专精特新中小企业"),
        sizes=SME_SIZES,
        min_years=2,
        tags=("专精特新", "产业扶持"),
    ),
    Policy(
        slug="xiaowei-qiye-suodeshui-youhui-2022",
        title="关于进一步实施小微企业所得税优惠政策的公告",
        issuing_authority="财政部 税务总局",
        document_number="财政部 税务总局公告2022年第13号",
        level=PolicyLevel.NATIONAL,
        publish=datetime.date(2022, 3, 14),
        effective=datetime.date(2022, 1, 1),
        expiry=datetime.date(2024, 12, 31),
        summary="小型微利企业年应纳税所得额超过100万元但不超过300万元的部分减按25%计入应纳税所得额；执行期已满，由新公告接续。",
        interpretation=(
            "<p>该公告规定，对小型微利企业年应纳税所得额超过100万元但不超过300万元的部分，"
            "减按25%计入应纳税所得额，按20%的税率缴纳企业所得税，执行期限为2022年1月1日至2024年12月31日。</p>"
            "<p>公告已到期失效。小型微利企业所得税优惠现按《关于进一步支持小微企业和个体工商户发展有关税费政策的公告》"
            "（财政部 税务总局公告2023年第12号）执行，年应纳税所得额不超过300万元的部分统一减按25%计入应纳税所得额、按20%税率缴纳。</p>"
        ),
        key_points=(
            ("已失效", "执行期至2024年12月31日，已由2023年第12号公告接续。"),
            (
                "小型微利企业标准",
                "年应纳税所得额不超过300万元、从业人数不超过300人、资产总额不超过5000万元。",
            ),
            (
                "超过100万元部分实际税负5%",
                "减按25%计入应纳税所得额、按20%税率缴纳，该部分实际税负为5%。",
            ),
        ),
        sizes=(EnterpriseSize.MICRO, EnterpriseSize.SMALL),
        tags=("税收优惠",),
    ),
    Policy(
        slug="guangdong-zhigai-shuzhuan-zhengce-cuoshi",
        title="广东省推动制造业“智改数转”若干政策措施解读",
        issuing_authority="广东省人民政府办公厅",
        document_number="粤府办〔{year}〕12号",
        level=PolicyLevel.PROVINCIAL,
        publish=-330,
        effective=-330,
        expiry=765,
        summary="支持规上工业企业实施智能化改造和数字化转型，推广“链主”带动、产业集群整体转型模式。",
        interpretation=(
            "<p>措施以规模以上工业企业为重点，支持企业开展设备数字化、产线智能化和工厂数字化改造，"
            "推动产业链“链主”企业带动上下游中小企业协同转型，鼓励以产业集群为单位整体推进。</p>"
            "<p>省级财政通过技术改造专项资金对企业智能化改造项目给予设备投资奖励和贷款贴息，"
            "对评为省级智能制造示范工厂的企业给予一次性奖励。</p>"
            "<p>宝龙园区以精密制造、新能源和电子元器件企业为主，园区产业服务办公室正在组织“智改数转”诊断，"
            "企业可预约免费诊断，诊断报告可作为申报材料附件。</p>"
        ),
        key_points=(
            ("聚焦规上工业企业", "重点支持规模以上工业企业开展智能化改造和数字化转型。"),
            ("链主带动", "支持产业链“链主”企业带动上下游中小企业协同转型。"),
            ("设备奖励和贴息", "通过技术改造专项资金给予设备投资奖励和贷款贴息。"),
        ),
        industries=MANUFACTURING,
        qualifications=("规模以上工业企业",),
        sizes=ALL_SIZES,
        tags=("数字化转型", "产业扶持"),
    ),
    Policy(
        slug="shenzhen-gongye-jishu-gaizao-fuchi",
        title="深圳市工业企业技术改造扶持计划操作规程解读",
        issuing_authority="深圳市工业和信息化局",
        document_number="深工信规〔{year}〕7号",
        level=PolicyLevel.MUNICIPAL,
        publish=-150,
        effective=-150,
        expiry=900,
        summary="对规上工业企业技术改造项目按设备投资额给予资助，本年度第二批申报正在受理。",
        interpretation=(
            "<p>操作规程将技术改造扶持分为技术改造倍增专项和技术改造投资补贴两类，"
            "支持企业购置先进设备、建设智能产线、实施绿色化改造。</p>"
            "<p>技术改造投资补贴按项目设备、软件投资额的一定比例给予资助，单个项目最高3000万元；"
            "申报企业须为规模以上工业企业，项目已完成备案并在申报年度内有实际投资发生。</p>"
            "<p>本批次申报截止前，宝龙园区一窗通办服务中心可代为受理纸质材料并通过“一窗式”系统推送至主管部门，"
            "企业无需往返市、区两级窗口。</p>"
        ),
        key_points=(
            ("两类支持", "技术改造倍增专项和技术改造投资补贴。"),
            ("最高3000万元", "按设备、软件投资额的一定比例资助，单个项目最高3000万元。"),
            ("须为规上工业企业", "申报企业须纳入规模以上工业企业统计。"),
            ("园区窗口代收", "可在园区一窗通办窗口提交材料，系统推送主管部门。"),
        ),
        industries=MANUFACTURING,
        qualifications=("规模以上工业企业",),
        sizes=ALL_SIZES,
        application=(-12, 33),
        tags=("技术改造", "产业扶持"),
    ),
    Policy(
        slug="shenzhen-gongye-shanglou-zujin-butie",
        title="深圳市“工业上楼”厂房租金补贴实施办法",
        issuing_authority="深圳市工业和信息化局 深圳市规划和自然资源局",
        document_number="深工信规〔{year}〕11号",
        level=PolicyLevel.MUNICIPAL,
        publish=-20,
        effective=40,
        expiry=1500,
        summary="对租用“工业上楼”优质厂房的制造业企业给予租金补贴，办法已发布、尚未施行。",
        interpretation=(
            "<p>办法面向租用经认定的“工业上楼”优质厂房的制造业企业，按实际租金的一定比例给予补贴，"
            "补贴期限最长三年，旨在推动先进制造业企业向高标准厂房集聚。</p>"
            "<p>享受补贴的企业应为规模以上工业企业或高新技术企业，租用面积不低于1000平方米，"
            "且承诺在补贴期内不改变厂房工业用途、不转租。</p>"
            "<p>办法尚未施行。宝龙园区正在建设的高标准厂房将按程序申请纳入“工业上楼”厂房目录，"
            "有意向的企业可提前到园区产业服务办公室登记。</p>"
        ),
        key_points=(
            ("补贴最长三年", "按实际租金的一定比例补贴，期限最长三年。"),
            ("面积不低于1000平方米", "租用经认定厂房面积不低于1000平方米。"),
            ("不得转租", "补贴期内不得改变工业用途或转租。"),
        ),
        industries=MANUFACTURING,
        qualifications=("规模以上工业企业", "高新技术企业"),
        sizes=(EnterpriseSize.MEDIUM, EnterpriseSize.LARGE),
        tags=("产业空间", "产业扶持"),
    ),
    Policy(
        slug="longgang-xianjin-zhizaoye-ruogan-cuoshi",
        title="龙岗区促进先进制造业高质量发展若干措施解读",
        issuing_authority="深圳市龙岗区人民政府",
        document_number="深龙府规〔{year}〕3号",
        level=PolicyLevel.DISTRICT,
        publish=-560,
        effective=-540,
        expiry=550,
        summary="对制造业企业增产增效、技术改造、专精特新和产业链协同给予区级奖励和配套，本批次申报已开放。",
        interpretation=(
            "<p>措施聚焦新一代电子信息、智能装备、新能源等先进制造业集群，"
            "对工业企业产值增长、技术改造投资、获评专精特新和“小巨人”企业给予区级奖励，并对获得市级资助的项目给予配套。</p>"
            "<p>对年产值首次突破1亿元、10亿元的工业企业分档奖励；对新认定的专精特新中小企业、国家级专精特新“小巨人”企业分别给予一次性奖励；"
            "对链主企业带动区内配套企业的，按采购额增量给予奖励。</p>"
            "<p>本批次受理产值增长奖励和专精特新奖励。宝龙街道与园区联合设立的一窗通办窗口可现场受理，"
            "并由系统推送区工业和信息化局审核。</p>"
        ),
        key_points=(
            ("产值跨档奖励", "年产值首次突破1亿元、10亿元的工业企业分档奖励。"),
            ("专精特新奖励", "新认定专精特新中小企业、“小巨人”企业给予一次性奖励。"),
            ("产业链协同", "链主企业带动区内配套企业的，按采购额增量奖励。"),
        ),
        industries=MANUFACTURING,
        qualifications=("专精特新中小企业",),
        sizes=ALL_SIZES,
        application=(-5, 55),
        tags=("专精特新", "产业扶持"),
    ),
    Policy(
        slug="longgang-xiaoshenggui-jiangli",
        title="龙岗区工业企业“小升规”培育奖励办法解读",
        issuing_authority="龙岗区工业和信息化局",
        document_number="深龙工信规〔{year}〕4号",
        level=PolicyLevel.DISTRICT,
        publish=-380,
        effective=-380,
        expiry=350,
        summary="对首次纳入规模以上工业统计的企业给予奖励，连续两年保持规上的再给予稳规奖励。",
        interpretation=(
            "<p>办法对年主营业务收入首次达到2000万元、纳入规模以上工业企业统计的区内企业给予一次性“升规”奖励，"
            "对升规后连续两年保持在库的给予“稳规”奖励，并对首次纳入统计的企业提供统计业务培训。</p>"
            "<p>企业升规后可同步享受技术改造、智能制造等仅面向规上企业的政策。"
            "宝龙园区每年对接近规上标准的企业建立培育清单，街道统计站提供上门统计辅导。</p>"
        ),
        key_points=(
            ("升规奖励", "首次纳入规模以上工业统计的企业给予一次性奖励。"),
            ("稳规奖励", "升规后连续两年保持在库的再给予奖励。"),
            ("统计辅导", "街道统计站提供上门统计业务辅导。"),
        ),
        industries=MANUFACTURING,
        sizes=(EnterpriseSize.SMALL, EnterpriseSize.MEDIUM),
        tags=("小升规", "产业扶持"),
    ),
    Policy(
        slug="baolong-yichuang-tongban-fuwu-guifan",
        title="宝龙园区企业事项“一窗通办”服务规范",
        issuing_authority="宝龙街道办事处 宝龙园区公共服务平台",
        document_number="深龙宝办〔{year}〕15号",
        level=PolicyLevel.PARK,
        publish=-240,
        effective=-230,
        summary="整合街道经济服务和园区服务事项，明确“一窗受理、系统推送、限时办结”的服务流程和时限。",
        interpretation=(
            "<p>规范将宝龙街道办事处经济服务职能与园区专职服务机构整合，在园区设立一窗通办服务中心，"
            "统一受理企业开办、工程建设、安全生产、统计、产业政策申报等事项。</p>"
            "<p>即办事项当场办结；需职能部门审批的事项，窗口受理后通过“一窗式”系统推送部门，"
            "并在规定时限内将结果反馈企业。企业可在园区平台实时查询办理进度。</p>"
        ),
        key_points=(
            ("一窗受理", "街道和园区的企业服务事项统一在一个窗口受理。"),
            ("系统推送", "需部门审批的事项通过“一窗式”系统推送并跟踪。"),
            ("限时办结", "即办事项当场办结，其他事项按承诺时限反馈。"),
        ),
        sizes=ALL_SIZES,
        tags=("政务服务", "园区服务"),
    ),
)

SERVICES = (
    Service(
        slug="yichuang-tongban-daiban",
        title="一窗通办：企业开办与工程建设审批代办",
        category=ServiceCategory.OTHER,
        summary="营业执照、税务、社保、公章刻制和厂房改建报建等事项在园区一个窗口受理，系统推送部门审批。",
        provider=ONE_WINDOW,
        audience="在宝龙园区新设立或办理变更、报建的企业",
        how_to_get="<p>携带材料到园区公共服务平台1楼一窗通办窗口办理，或在园区平台在线预约办理时间。</p>",
        body="<p>窗口由街道派驻人员和园区选聘人员共同值守，实行“窗口受理、系统推送、部门审批、一窗通办”。</p>",
        related_policies=("baolong-yichuang-tongban-fuwu-guifan",),
    ),
    Service(
        slug="jishu-gaizao-zhengce-shenbao",
        title="技术改造与“智改数转”政策申报辅导",
        category=ServiceCategory.POLICY,
        summary="开展免费“智改数转”诊断，辅导企业申报技术改造、专精特新和“小升规”等各级政策。",
        provider=INDUSTRY_OFFICE,
        audience="园区工业企业，特别是规模以上和拟升规企业",
        how_to_get="<p>在园区平台预约诊断，产业服务办公室一周内安排专家上门；申报期内每周三集中预审。</p>",
        related_policies=(
            "shenzhen-gongye-jishu-gaizao-fuchi",
            "guangdong-zhigai-shuzhuan-zhengce-cuoshi",
            "longgang-xianjin-zhizaoye-ruogan-cuoshi",
            "longgang-xiaoshenggui-jiangli",
        ),
    ),
    Service(
        slug="zhizaoye-rongzi-duijie",
        title="制造业企业融资对接",
        category=ServiceCategory.BANKING,
        summary="技术改造贷款、设备融资租赁转介，并对接产业基金开展股权融资，支持企业扩产升级。",
        provider=BANK,
        audience="有技术改造、扩产或并购融资需求的制造业企业",
        how_to_get="<p>在一窗通办窗口登记融资需求，窗口推送至合作银行，客户经理三个工作日内联系企业。</p>",
        related_policies=("shenzhen-gongye-jishu-gaizao-fuchi",),
    ),
    Service(
        slug="laodong-yonggong-hegui",
        title="劳动用工合规与劳动争议调解",
        category=ServiceCategory.LEGAL,
        summary="劳动合同和规章制度合规审查、用工风险体检，配合街道劳动争议调解组织化解纠纷。",
        provider=LABOUR_LAW,
        audience="用工人数较多的制造业企业",
        how_to_get="<p>每周二、周五上午在园区公益法律服务站坐诊，也可通过园区平台预约上门体检。</p>",
    ),
    Service(
        slug="chukou-tuishui-jiaji-kouchu-fudao",
        title="出口退税与研发费用加计扣除辅导",
        category=ServiceCategory.TAX,
        summary="出口退（免）税备案和申报辅导，研发费用归集和加计扣除政策解读。",
        provider=TAX_POINT,
        audience="有出口业务或研发投入的工业企业",
        how_to_get="<p>工作日到园区办税服务点咨询，复杂事项可预约税务专员上门辅导。</p>",
        related_policies=(HIGH_TECH_SLUG,),
    ),
    Service(
        slug="wengang-jiuye-jineng-peixun",
        title="稳岗就业与技能人才培训",
        category=ServiceCategory.TALENT,
        summary="组织用工招聘会，开展电工、焊工、数控等职业技能培训，指导企业申领稳岗和培训补贴。",
        provider=EMPLOYMENT_STATION,
        audience="有招工需求的园区企业及其员工",
        how_to_get="<p>在就业服务站登记用工需求；培训开班计划每月在园区平台公布。</p>",
    ),
    Service(
        slug="zhuanli-daohang-zhiliang-biaozhun",
        title="专利导航与产品质量标准服务",
        category=ServiceCategory.IP,
        summary="围绕企业主导产品开展专利导航和侵权风险排查，提供标准查询和质量提升咨询。",
        provider=IP_CENTRE,
        audience="研发新产品、拓展海外市场的制造业企业",
        how_to_get="<p>到园区知识产权工作站提交需求，工作站五个工作日内出具服务方案。</p>",
        related_policies=("youzhi-zhongxiao-qiye-tidu-peiyu", HIGH_TECH_SLUG),
    ),
)

NEWS = (
    News(
        slug="yichuang-tongban-zhongxin-yunxing",
        title="宝龙街道经济服务职能整合入园，“一窗通办”服务中心正式运行",
        days_ago=10,
        summary="街道企业服务、统计、安全生产等经济服务事项与园区服务合并，在园区一个窗口受理。",
        body=(
            "<p>宝龙园区一窗通办服务中心正式运行。街道办事处将企业服务、统计、安全生产咨询等经济服务职能整合入园，"
            "与园区专职服务机构合署办公，企业办事“只进一扇门、只找一个窗”。</p>"
            "<p>运行首周，服务中心共受理各类事项六十余件，其中需部门审批的事项均已通过“一窗式”系统推送，"
            "企业可在园区平台查询办理进度。</p>"
        ),
    ),
    News(
        slug="jishu-gaizao-xuanjiang-yinqi-duijie",
        title="园区召开技术改造政策宣讲暨银企对接会",
        days_ago=30,
        summary="市、区工信部门解读技术改造扶持计划，五家银行现场推介技改贷款产品。",
        body=(
            "<p>宝龙园区召开技术改造政策宣讲暨银企对接会，市、区工业和信息化部门解读技术改造扶持计划和区先进制造业若干措施，"
            "五家合作银行现场推介技改贷款和设备融资租赁产品。</p>"
            "<p>会上，十余家企业与银行达成初步融资意向，园区产业服务办公室将跟踪后续对接情况。</p>"
        ),
    ),
    News(
        slug="zhuanjingtexin-zhongxiao-qiye-mingdan",
        title="园区新增一批专精特新中小企业",
        days_ago=52,
        summary="园区十二家企业入选本年度广东省专精特新中小企业名单，入选数量创新高。",
        body=(
            "<p>本年度广东省专精特新中小企业名单公布，宝龙园区共有十二家企业入选，涉及精密结构件、动力电池材料、"
            "工业传感器等细分领域。</p>"
            "<p>园区产业服务办公室表示，将继续对培育库企业开展“一企一策”辅导，支持更多企业向专精特新“小巨人”迈进。</p>"
        ),
    ),
)

GUIDES = (
    Guide(
        slug="qiye-kaiban-yiwang-tongban",
        title="企业开办一网通办指南",
        summary="营业执照、公章刻制、发票申领、社保和公积金开户一次提交、一网通办。",
        where="广东政务服务网“开办企业”专区在线办理；线下：宝龙园区一窗通办服务中心（公共服务平台1楼）",
        time_limit="材料齐全、符合法定形式的，1个工作日内办结",
        fees="免费（含首套印章刻制费用由政府购买服务承担）",
        materials=(
            "<ul>"
            "<li>公司登记（备案）申请书（系统在线填写）</li>"
            "<li>公司章程</li>"
            "<li>股东、法定代表人、董事、监事和经理的身份证件</li>"
            "<li>住所使用证明（园区入驻企业可由园区出具）</li>"
            "</ul>"
        ),
        steps=(
            ("名称自主申报", "<p>在开办企业专区自主申报企业名称，系统自动比对并提示风险。</p>"),
            ("在线填报", "<p>一次填报营业执照、公章刻制、发票申领、社保和公积金开户信息。</p>"),
            ("电子签名", "<p>股东和法定代表人通过手机完成实名认证和电子签名。</p>"),
            ("审核发照", "<p>市场监管部门审核通过后核发电子营业执照，其他事项同步办结。</p>"),
            ("领取材料", "<p>可选择邮寄送达，或到园区一窗通办窗口领取纸质执照和印章。</p>"),
        ),
        questions=(
            (
                "没有注册地址可以办理吗？",
                "<p>可以向园区申请使用园区地址作为住所，由园区出具住所使用证明。</p>",
            ),
            (
                "外地股东无法到场怎么办？",
                "<p>全程网上办理，股东可通过手机完成实名认证和电子签名，无需到场。</p>",
            ),
        ),
    ),
    HIGH_TECH_GUIDE,
)

PARK = Park(
    home=Home(
        intro=(
            "<p>宝龙园区公共服务平台突出职能融合，整合宝龙街道办事处和园区专职机构的经济服务职能，"
            "为制造业企业提供“一窗通办”的政务服务和技术改造、融资、用工等产业服务。</p>"
        ),
        highlighted_services=(
            "yichuang-tongban-daiban",
            "jishu-gaizao-zhengce-shenbao",
            "zhizaoye-rongzi-duijie",
        ),
        services_heading="一窗通办",
        appeal_heading="企业诉求一窗受理",
        appeal_text="生产经营中遇到的审批、用工、用电等问题，可在线提交，街道和园区联合受理，系统推送职能部门限时办理。",
        appeal_button="提交企业诉求",
    ),
    contact=Contact(
        address="深圳市龙岗区宝龙街道宝龙工业城园区公共服务平台1楼",
        phone="0755-28975100",
        email="fuwu@baolong.example.gov.cn",
        service_hours=SERVICE_HOURS,
        footer_links=(*GOV_LINKS, GDZWFW_LINK, GXJ_LINK),
    ),
    policies=POLICIES,
    services=SERVICES,
    news=NEWS,
    guides=GUIDES,
    services_intro="<p>街道和园区合一的企业服务：政务代办、产业政策、融资、用工、法律、财税和知识产权。</p>",
    policies_intro="<p>面向制造业企业的技术改造、专精特新、“小升规”等各级政策及解读。</p>",
    news_intro="<p>宝龙园区公共服务平台的最新动态。</p>",
    guides_intro="<p>企业开办、政策申报等常办事项的办理指南。</p>",
)
