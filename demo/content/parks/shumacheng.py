"""天安数码城: a soft-service ecosystem (软性服务生态) — talent, legal and financial services."""

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
    HRSS_LINK,
    SERVICE_HOURS,
    SME_SIZES,
    ip_center,
)

SERVICES_INDUSTRIES = ("现代服务业", "软件和信息服务业", "电子信息", "文化创意")

TALENT_STATION = Provider(
    name="天安数码城人才服务驿站",
    contact_person="温老师",
    phone="0755-28946101",
    email="rencai@shumacheng.example.gov.cn",
    address="深圳市龙岗区龙城街道天安数码城园区服务中心2楼",
    description="区人力资源局指导设立的园区人才服务驿站，提供人才认定、人才补贴、人才住房和子女入学咨询代办。",
)
LAW_FIRM = Provider(
    name="广东数城律师事务所",
    contact_person="方律师",
    phone="0755-28946188",
    address="深圳市龙岗区龙城街道天安数码城A座16楼",
    description="园区法律服务港首批入驻律所，提供企业常年法律顾问、合同审查和商事争议解决服务。",
)
LEGAL_STATION = Provider(
    name="龙城街道公共法律服务工作站（天安数码城站）",
    contact_person="赖老师",
    phone="0755-28946230",
    address="深圳市龙岗区龙城街道天安数码城园区服务中心1楼",
    description="司法行政部门在园区设立的公共法律服务工作站，提供公益法律咨询、人民调解和法律援助申请指引。",
)
FINANCE_HUB = Provider(
    name="天安数码城金融服务港",
    contact_person="邱经理",
    phone="0755-28946305",
    address="深圳市龙岗区龙城街道天安数码城B座3楼",
    description="聚集银行、券商、创投机构和融资担保公司的园区金融服务平台，提供股权融资、上市辅导和信贷对接。",
)
BANK = Provider(
    name="平安银行深圳龙岗支行",
    contact_person="柯经理",
    phone="0755-28946366",
    address="深圳市龙岗区龙城街道龙岗大道平安银行营业网点",
    description="为园区中小微企业提供普惠信用贷款、“科技贷”和供应链融资。",
)
TAX_AGENT = Provider(
    name="深圳数城财税服务有限公司",
    contact_person="卢会计",
    phone="0755-28946420",
    address="深圳市龙岗区龙城街道天安数码城C座8楼",
    description="为小微企业提供代理记账、税务合规体检和税收优惠辅导。",
)
ECOSYSTEM_CENTRE = Provider(
    name="天安数码城创新生态运营中心",
    contact_person="傅女士",
    phone="0755-28946488",
    address="深圳市龙岗区龙城街道天安数码城园区服务中心3楼",
    description="负责园区企业社群运营、创新沙龙、供需对接和企业家俱乐部活动。",
)
IP_CENTRE = ip_center(contact_person="欧阳老师", phone="0755-28946533", station="天安数码城工作站")

POLICIES = (
    HIGH_TECH_POLICY,
    Policy(
        slug="xiaowei-qiye-getihu-shuifei-zhengce",
        title="关于进一步支持小微企业和个体工商户发展有关税费政策的公告解读",
        issuing_authority="财政部 税务总局",
        document_number="财政部 税务总局公告2023年第12号",
        level=PolicyLevel.NATIONAL,
        publish=datetime.date(2023, 8, 2),
        effective=datetime.date(2023, 1, 1),
        expiry=datetime.date(2027, 12, 31),
        summary="小型微利企业年应纳税所得额减按25%计入、按20%税率缴纳企业所得税，“六税两费”减半征收，执行至2027年底。",
        interpretation=(
            "<p>公告对小型微利企业和个体工商户的税费优惠作出延续和优化：对小型微利企业减按25%计算应纳税所得额，"
            "按20%的税率缴纳企业所得税；对增值税小规模纳税人、小型微利企业和个体工商户减半征收资源税、"
            "城市维护建设税、房产税、城镇土地使用税、印花税（不含证券交易印花税）、耕地占用税和教育费附加、地方教育附加。</p>"
            "<p>小型微利企业是指从事国家非限制和禁止行业，且同时符合年度应纳税所得额不超过300万元、"
            "从业人数不超过300人、资产总额不超过5000万元三个条件的企业。政策执行至2027年12月31日。</p>"
            "<p>园区小微企业数量多、财税人员配备少。金融服务港和合作财税机构可为企业免费核对是否符合小型微利企业条件，"
            "并在季度预缴时提示享受优惠。</p>"
        ),
        key_points=(
            ("所得税实际税负5%", "减按25%计算应纳税所得额，按20%税率缴纳，实际税负5%。"),
            ("“六税两费”减半", "小规模纳税人、小型微利企业和个体工商户减半征收“六税两费”。"),
            (
                "三个条件",
                "应纳税所得额不超过300万元、从业人数不超过300人、资产总额不超过5000万元。",
            ),
            ("执行至2027年底", "政策执行至2027年12月31日。"),
        ),
        sizes=(EnterpriseSize.MICRO, EnterpriseSize.SMALL),
        tags=("税收优惠", "小微企业"),
    ),
    Policy(
        slug="guangdong-rencai-youyueka",
        title="广东省“人才优粤卡”实施办法解读",
        issuing_authority="中共广东省委人才工作领导小组办公室 广东省人力资源和社会保障厅",
        document_number="粤人才办〔{year}〕3号",
        level=PolicyLevel.PROVINCIAL,
        publish=-450,
        effective=-450,
        expiry=650,
        summary="符合条件的高层次人才可申领“人才优粤卡”，在子女入学、医疗保健、出入境等方面享受便利服务。",
        interpretation=(
            "<p>“人才优粤卡”分为A卡和B卡，分别面向经认定的高层次人才和急需紧缺人才。"
            "持卡人在办理落户、子女入学、配偶就业、医疗保健、出入境和停居留等事项时，可享受绿色通道服务。</p>"
            "<p>申领人须与省内用人单位签订劳动合同并在省内缴纳社会保险，由用人单位统一申报，"
            "经地市人才工作部门初审后报省级审核发卡。卡片有效期一般为五年。</p>"
            "<p>天安数码城人才服务驿站可为园区企业梳理符合条件的人才名单，协助准备申报材料，"
            "并在持卡人办理各类服务时提供陪同指引。</p>"
        ),
        key_points=(
            ("A卡、B卡两类", "A卡面向高层次人才，B卡面向急需紧缺人才。"),
            ("单位统一申报", "由用人单位统一申报，地市初审，省级审核发卡。"),
            ("多项绿色通道", "落户、子女入学、医疗保健、出入境等事项享受便利。"),
        ),
        industries=SERVICES_INDUSTRIES,
        sizes=ALL_SIZES,
        tags=("人才",),
    ),
    Policy(
        slug="shenzhen-gaocengci-rencai-rending",
        title="深圳市高层次人才认定与奖励补贴办法解读",
        issuing_authority="深圳市人力资源和社会保障局",
        document_number="深人社规〔{year}〕8号",
        level=PolicyLevel.MUNICIPAL,
        publish=-300,
        effective=-280,
        expiry=800,
        summary="明确高层次人才的认定标准、认定程序和奖励补贴，本年度集中认定申报正在进行。",
        interpretation=(
            "<p>办法将高层次人才分为国家级领军人才、地方级领军人才和后备级人才等层次，"
            "对经认定的人才按层次给予奖励补贴，并在住房、子女入学、配偶就业和医疗保健等方面提供配套服务。</p>"
            "<p>申请人须在深圳全职工作并缴纳社会保险，由用人单位通过市人才认定系统申报，"
            "主管部门审核后予以公示。奖励补贴分年度发放，期间离开深圳的停止发放。</p>"
            "<p>本年度集中认定申报期间，人才服务驿站每周一、周三下午提供材料预审。"
            "园区法律和金融机构的专业人才可对照行业类认定标准申报。</p>"
        ),
        key_points=(
            ("分层认定", "国家级领军人才、地方级领军人才、后备级人才等层次。"),
            ("全职在深", "申请人须在深圳全职工作并缴纳社会保险。"),
            ("单位申报", "由用人单位通过市人才认定系统统一申报。"),
            ("分年发放", "奖励补贴分年度发放，离开深圳的停止发放。"),
        ),
        industries=SERVICES_INDUSTRIES,
        sizes=ALL_SIZES,
        application=(-25, 35),
        tags=("人才",),
    ),
    Policy(
        slug="shenzhen-xinyinjin-rencai-zufang-butie",
        title="深圳市新引进人才租房和生活补贴工作实施办法",
        issuing_authority="深圳市人力资源和社会保障局",
        document_number="深人社规〔{year}〕3号",
        level=PolicyLevel.MUNICIPAL,
        publish=-1400,
        effective=-1400,
        expiry=-120,
        summary="对新引进的全日制本科及以上学历人才发放一次性租房和生活补贴；办法已到期失效，不再受理新申请。",
        interpretation=(
            "<p>该办法曾对新引进并在深圳全职工作的全日制本科及以上学历人才，按学历层次发放一次性租房和生活补贴。</p>"
            "<p>办法已到期失效，不再受理新的申请。此前已受理的申请按原规定办理完毕。"
            "新引进人才可关注市、区人才住房和“深龙英才”等现行政策。</p>"
        ),
        key_points=(
            ("已失效", "办法已到期，不再受理新的申请。"),
            ("已受理的按原规定办结", "此前已受理的申请按原规定办理完毕。"),
            ("关注现行政策", "新引进人才可关注市、区人才住房和“深龙英才”等现行政策。"),
        ),
        sizes=ALL_SIZES,
        tags=("人才",),
    ),
    Policy(
        slug="longgang-shenlong-yingcai-jihua",
        title="龙岗区“深龙英才”计划实施办法解读",
        issuing_authority="中共深圳市龙岗区委组织部 龙岗区人力资源局",
        document_number="深龙人才〔{year}〕2号",
        level=PolicyLevel.DISTRICT,
        publish=-520,
        effective=-500,
        expiry=580,
        summary="对区重点产业急需的高层次人才、青年人才和技能人才给予认定、奖励补贴和人才住房支持。",
        interpretation=(
            "<p>“深龙英才”计划是龙岗区人才政策的主体，按“高层次人才、青年英才、技能英才”三类实施，"
            "对经认定的人才给予奖励补贴，并优先配租区人才住房。</p>"
            "<p>计划向区重点产业和重点企业倾斜，园区企业中从事研发、法律、金融等专业服务的人才可按类别申报。"
            "用人单位每年可按规定名额推荐人才。</p>"
            "<p>人才服务驿站已将“深龙英才”申报纳入一站式代办，企业可委托驿站统一准备推荐材料。</p>"
        ),
        key_points=(
            ("三类人才", "高层次人才、青年英才、技能英才。"),
            ("奖励补贴", "经认定的人才按类别给予奖励补贴。"),
            ("人才住房优先", "认定人才可优先配租区人才住房。"),
        ),
        industries=SERVICES_INDUSTRIES,
        sizes=ALL_SIZES,
        tags=("人才",),
    ),
    Policy(
        slug="longgang-wengang-kuogang-jiuye-butie",
        title="龙岗区稳岗扩岗就业补贴办法解读",
        issuing_authority="龙岗区人力资源局",
        document_number="深龙人规〔{year}〕1号",
        level=PolicyLevel.DISTRICT,
        publish=-200,
        effective=-200,
        expiry=530,
        summary="对吸纳高校毕业生、就业困难人员和开展以工代训的企业给予补贴，本季度申领已开放。",
        interpretation=(
            "<p>办法对区内企业吸纳离校两年内高校毕业生、登记失业人员和就业困难人员就业，"
            "并依法签订一年以上劳动合同、缴纳社会保险的，按人数给予一次性扩岗补贴。</p>"
            "<p>对开展以工代训的中小微企业，按实际培训人数给予职业培训补贴。补贴按季度集中申领，"
            "企业通过广东政务服务网在线申报。</p>"
            "<p>人才服务驿站可为企业核对符合条件的员工名单，并指导完成在线申领。</p>"
        ),
        key_points=(
            ("一次性扩岗补贴", "吸纳高校毕业生、失业人员就业并签订一年以上劳动合同的按人数补贴。"),
            ("以工代训补贴", "中小微企业开展以工代训的按培训人数补贴。"),
            ("按季度申领", "补贴按季度集中申领，网上申报。"),
        ),
        sizes=SME_SIZES,
        application=(-3, 27),
        tags=("稳岗就业",),
    ),
    Policy(
        slug="longgang-zhongxiao-qiye-falv-fuwu-quan",
        title="龙岗区中小企业法律服务券实施办法",
        issuing_authority="龙岗区司法局",
        document_number="深龙司规〔{year}〕1号",
        level=PolicyLevel.DISTRICT,
        publish=-12,
        effective=19,
        expiry=1100,
        summary="向区内中小企业发放法律服务券，可用于合规体检、合同审查和商事调解，办法尚未施行。",
        interpretation=(
            "<p>办法由区财政安排资金，向区内中小微企业发放法律服务券，企业可持券向入库律师事务所购买合规体检、"
            "合同审查、劳动用工咨询和商事调解等服务，每家企业每年最高1万元。</p>"
            "<p>服务券实行线上申领、线上核销，企业须在有效期内使用，逾期作废。"
            "入库律师事务所名单将在办法施行后公布。</p>"
            "<p>办法尚未施行。天安数码城法律服务港入驻律所已申请入库，施行后园区企业可在园区直接用券。</p>"
        ),
        key_points=(
            ("每年最高1万元", "每家中小微企业每年可申领最高1万元法律服务券。"),
            ("入库律所使用", "仅可向入库律师事务所购买服务。"),
            ("线上申领核销", "服务券线上申领、线上核销，逾期作废。"),
        ),
        sizes=SME_SIZES,
        tags=("法律服务",),
    ),
    Policy(
        slug="shumacheng-rencai-gongyu-peizu",
        title="天安数码城人才公寓配租管理办法",
        issuing_authority="天安数码城园区公共服务平台",
        document_number="数码城服〔{year}〕4号",
        level=PolicyLevel.PARK,
        publish=-160,
        effective=-150,
        summary="园区人才公寓面向入驻企业员工配租，租金低于周边市场水平，常年受理申请。",
        interpretation=(
            "<p>园区人才公寓面向在园区入驻企业工作、在深圳无自有住房的员工配租，"
            "认定为各级人才的优先安排，租金按低于周边市场租金的标准收取。</p>"
            "<p>企业统一申请、员工实名入住，租期一年一签，最长不超过三年。"
            "员工离职或企业迁出园区的，应在规定期限内退租。</p>"
        ),
        key_points=(
            ("企业统一申请", "由入驻企业统一申请，员工实名入住。"),
            ("人才优先", "认定为各级人才的员工优先安排。"),
            ("一年一签", "租期一年一签，最长不超过三年。"),
        ),
        sizes=ALL_SIZES,
        application=(-150, None),
        tags=("人才", "园区服务"),
    ),
)

SERVICES = (
    Service(
        slug="rencai-rending-butie-daiban",
        title="人才认定与人才补贴申报代办",
        category=ServiceCategory.TALENT,
        summary="高层次人才、“深龙英才”和“人才优粤卡”等申报一站式代办，提供材料预审和进度跟踪。",
        provider=TALENT_STATION,
        audience="园区企业及其研发、法律、金融等专业人才",
        how_to_get="<p>企业在园区平台提交委托，人才服务驿站三个工作日内与企业人事联络人对接。</p>",
        related_policies=(
            "shenzhen-gaocengci-rencai-rending",
            "longgang-shenlong-yingcai-jihua",
            "guangdong-rencai-youyueka",
        ),
    ),
    Service(
        slug="rencai-gongyu-zinv-ruxue",
        title="人才公寓配租与子女入学咨询",
        category=ServiceCategory.TALENT,
        summary="受理园区人才公寓配租申请，提供人才子女入学政策咨询和材料指引。",
        provider=TALENT_STATION,
        audience="园区企业员工，特别是新引进人才",
        how_to_get="<p>企业人事部门在园区平台提交配租申请；入学咨询可到服务中心2楼驿站现场办理。</p>",
        related_policies=("shumacheng-rencai-gongyu-peizu",),
    ),
    Service(
        slug="changnian-falv-guwen-hetong-shencha",
        title="企业常年法律顾问与合同审查",
        category=ServiceCategory.LEGAL,
        summary="法律服务港律所为中小企业提供常年法律顾问、合同审查和劳动用工合规服务，首次咨询免费。",
        provider=LAW_FIRM,
        audience="尚未配备法务人员的园区中小企业",
        how_to_get="<p>在园区平台“法律服务港”栏目预约律师，律师一个工作日内回复。</p>",
        related_policies=("longgang-zhongxiao-qiye-falv-fuwu-quan",),
    ),
    Service(
        slug="gongyi-falv-zixun-shangshi-tiaojie",
        title="公益法律咨询与商事纠纷调解",
        category=ServiceCategory.LEGAL,
        summary="公共法律服务工作站提供免费法律咨询，对企业间合同纠纷、劳动争议开展人民调解。",
        provider=LEGAL_STATION,
        audience="园区企业和员工",
        how_to_get="<p>工作日到园区服务中心1楼工作站咨询，或电话预约调解。</p>",
    ),
    Service(
        slug="guquan-rongzi-shangshi-fudao",
        title="股权融资与上市辅导服务",
        category=ServiceCategory.BANKING,
        summary="金融服务港联合券商、创投机构提供股权融资对接、股改规范和上市辅导。",
        provider=FINANCE_HUB,
        audience="处于成长期、计划引入投资或筹划上市的企业",
        how_to_get="<p>在金融服务港登记融资需求，港内机构联合出具诊断意见；每季度举办一次上市辅导沙龙。</p>",
        related_policies=(HIGH_TECH_SLUG,),
    ),
    Service(
        slug="puhui-xindai-duijie",
        title="普惠信贷与“科技贷”对接",
        category=ServiceCategory.BANKING,
        summary="为小微企业提供线上信用贷款、“科技贷”和供应链融资，放款最快三个工作日。",
        provider=BANK,
        audience="有流动资金需求的园区小微企业",
        how_to_get="<p>在金融服务港填写融资需求表，银行客户经理两个工作日内联系企业。</p>",
        related_policies=("xiaowei-qiye-getihu-shuifei-zhengce",),
    ),
    Service(
        slug="xiaowei-caishui-hegui",
        title="小微企业财税合规与税收优惠辅导",
        category=ServiceCategory.TAX,
        summary="代理记账、税务合规体检，辅导小型微利企业和“六税两费”减半等优惠的享受。",
        provider=TAX_AGENT,
        audience="园区小微企业和初创企业",
        how_to_get="<p>通过金融服务港预约免费税务体检，确定服务需求后签订代账协议。</p>",
        related_policies=("xiaowei-qiye-getihu-shuifei-zhengce",),
    ),
    Service(
        slug="zhishichanquan-weiquan-yuanzhu",
        title="知识产权维权援助",
        category=ServiceCategory.IP,
        summary="商标、专利和著作权侵权纠纷维权指引、证据保全指导和调解对接。",
        provider=IP_CENTRE,
        audience="遭遇知识产权侵权或被控侵权的园区企业",
        how_to_get="<p>到园区知识产权工作站提交维权援助申请，工作站五个工作日内给出处理意见。</p>",
    ),
    Service(
        slug="chuangxin-shengtai-shalong",
        title="企业社群与创新生态沙龙",
        category=ServiceCategory.OTHER,
        summary="组织企业家俱乐部、行业沙龙和供需对接会，促进园区企业之间的合作。",
        provider=ECOSYSTEM_CENTRE,
        audience="园区企业负责人和业务骨干",
        how_to_get="<p>关注园区平台活动日历在线报名，企业也可申请承办主题沙龙。</p>",
    ),
)

NEWS = (
    News(
        slug="falv-fuwu-yue-qidong",
        title="天安数码城“法律服务月”启动，首批律所入驻法律服务港",
        days_ago=9,
        summary="十家律师事务所入驻园区法律服务港，服务月期间为企业提供免费合规体检。",
        body=(
            "<p>天安数码城“法律服务月”正式启动，首批十家律师事务所入驻园区法律服务港，"
            "服务月期间为园区中小企业提供免费合规体检和合同审查。</p>"
            "<p>区司法局相关负责同志介绍，即将施行的中小企业法律服务券办法将进一步降低企业购买法律服务的成本。</p>"
        ),
    ),
    News(
        slug="gaocengci-rencai-rending-xuanjiang",
        title="园区举办高层次人才认定政策专场宣讲",
        days_ago=33,
        summary="市、区人力资源部门解读高层次人才认定标准和“深龙英才”计划，百余名企业人事负责人参加。",
        body=(
            "<p>天安数码城人才服务驿站举办高层次人才认定政策专场宣讲，市、区人力资源部门解读本年度高层次人才集中认定安排"
            "和“深龙英才”计划申报要点，百余名企业人事负责人参加。</p>"
            "<p>宣讲会后，驿站为二十余家企业进行了现场预审，并登记了人才公寓配租需求。</p>"
        ),
    ),
    News(
        slug="jinrong-fuwugang-shangshi-fudao-shalong",
        title="金融服务港举办上市辅导沙龙",
        days_ago=55,
        summary="券商、会计师和律师围绕股改规范和上市路径与园区企业交流。",
        body=(
            "<p>天安数码城金融服务港举办本季度上市辅导沙龙，券商投行、会计师事务所和律师事务所的专业人士"
            "围绕股份制改造、财务规范和上市板块选择等问题与园区企业负责人深入交流。</p>"
            "<p>金融服务港表示，将为有意向的企业提供一对一上市诊断，并持续组织股权融资对接活动。</p>"
        ),
    ),
)

GUIDES = (
    Guide(
        slug="rencai-rending-butie-shenqing-zhinan",
        title="人才认定与人才补贴申请指南",
        summary="高层次人才认定和“深龙英才”计划的申请条件、材料、流程及常见问题。",
        where="深圳市人才认定系统在线申报；线下：天安数码城人才服务驿站（园区服务中心2楼）",
        time_limit="按年度集中认定批次办理，审核和公示一般需2至3个月",
        fees="不收费",
        materials=(
            "<ul>"
            "<li>申请人身份证件和学历学位证书</li>"
            "<li>与用人单位签订的劳动合同</li>"
            "<li>在深圳缴纳社会保险的证明</li>"
            "<li>符合认定标准的业绩、奖项或职称证明材料</li>"
            "<li>用人单位推荐意见</li>"
            "</ul>"
        ),
        steps=(
            ("对照标准自评", "<p>对照认定标准确认申报层次和类别，可到人才服务驿站咨询。</p>"),
            ("单位在线申报", "<p>用人单位通过人才认定系统填报并上传材料。</p>"),
            ("主管部门审核", "<p>人力资源部门审核材料，必要时组织专家评审。</p>"),
            ("公示与发证", "<p>审核通过的予以公示，公示无异议的发放认定证书。</p>"),
            ("申领补贴", "<p>认定后按规定申领奖励补贴，分年度发放。</p>"),
        ),
        questions=(
            (
                "个人能否直接申报？",
                "<p>不能，须由用人单位统一申报。园区企业可委托人才服务驿站协助准备材料。</p>",
            ),
            (
                "已经享受其他人才补贴还能申请吗？",
                "<p>同一层次的同类补贴不重复享受，不同层次的按就高原则执行，具体以申报通知为准。</p>",
            ),
        ),
    ),
    HIGH_TECH_GUIDE,
)

PARK = Park(
    home=Home(
        intro=(
            "<p>天安数码城园区公共服务平台突出软性服务体系，围绕人才、法律、金融三大服务圈，"
            "打造企业成长所需的创新生态。</p>"
        ),
        highlighted_services=(
            "rencai-rending-butie-daiban",
            "changnian-falv-guwen-hetong-shencha",
            "guquan-rongzi-shangshi-fudao",
        ),
        services_heading="人才·法律·金融",
        appeal_heading="有困难，找平台",
        appeal_text="人才、用工、法律、融资等方面的问题和建议，可在线提交，平台经“一窗式”系统推送职能部门办理。",
        appeal_button="提交诉求",
    ),
    contact=Contact(
        address="深圳市龙岗区龙城街道天安数码城园区服务中心1楼",
        phone="0755-28946100",
        email="fuwu@shumacheng.example.gov.cn",
        service_hours=SERVICE_HOURS,
        footer_links=(*GOV_LINKS, HRSS_LINK),
    ),
    policies=POLICIES,
    services=SERVICES,
    news=NEWS,
    guides=GUIDES,
    services_intro="<p>人才、法律、金融、财税、知识产权和企业社群服务。</p>",
    policies_intro="<p>人才、稳岗就业、法律服务和小微企业财税相关的各级政策及解读。</p>",
    news_intro="<p>天安数码城园区公共服务平台的最新动态。</p>",
    guides_intro="<p>人才认定、高企认定等常办事项的办理指南。</p>",
)
