"""中海信创新产业城: innovation incubation and equity financing (创新孵化与股权融资)."""

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
    INNOCOM_LINK,
    SERVICE_HOURS,
    SME_SIZES,
    ip_center,
)

TECH = ("电子信息", "人工智能", "生物医药", "新材料", "软件和信息服务业")
STARTUP_SIZES = (EnterpriseSize.MICRO, EnterpriseSize.SMALL)

INCUBATOR = Provider(
    name="中海信科技企业孵化器",
    contact_person="高经理",
    phone="0755-28930101",
    email="fuhua@zhonghaixin.example.gov.cn",
    address="深圳市龙岗区南湾街道布澜路31号中海信创新产业城孵化大楼2楼",
    description="园区运营的综合性科技企业孵化器，提供孵化空间、创业辅导、创业导师、中试和投融资对接服务。",
)
INVESTMENT_CENTRE = Provider(
    name="中海信创新产业城投融资服务中心",
    contact_person="唐总监",
    phone="0755-28930166",
    address="深圳市龙岗区南湾街道布澜路31号中海信创新产业城孵化大楼5楼",
    description="联合天使投资人、创投机构和产业基金，每月举办项目路演，为园区企业提供股权融资全流程服务。",
)
BANK = Provider(
    name="中国建设银行深圳南湾支行",
    contact_person="袁经理",
    phone="0755-28930238",
    address="深圳市龙岗区南湾街道布澜路建设银行营业网点",
    description="为科技型中小企业提供“科技贷”、知识产权质押贷款，并与创投机构开展投贷联动。",
)
STREET_OFFICE = Provider(
    name="南湾街道企业服务中心中海信工作站",
    contact_person="彭科长",
    phone="0755-28930310",
    address="深圳市龙岗区南湾街道布澜路31号中海信创新产业城综合服务中心1楼",
    description="街道派驻园区的企业服务工作站，负责创新型产业用房申请受理、政策咨询和企业诉求转办。",
)
LAW_FIRM = Provider(
    name="广东南湾律师事务所",
    contact_person="董律师",
    phone="0755-28930377",
    address="深圳市龙岗区南湾街道布澜路31号中海信创新产业城A栋9楼",
    description="专注初创企业股权架构、投融资交易和员工股权激励的律师事务所。",
)
TAX_AGENT = Provider(
    name="深圳海信诚财税服务有限公司",
    contact_person="范会计",
    phone="0755-28930452",
    address="深圳市龙岗区南湾街道布澜路31号中海信创新产业城B栋6楼",
    description="为在孵企业提供代理记账、纳税申报和创业投资税收优惠辅导。",
)
MENTORS = Provider(
    name="中海信创业导师团",
    contact_person="石老师",
    phone="0755-28930520",
    address="深圳市龙岗区南湾街道布澜路31号中海信创新产业城孵化大楼2楼",
    description="由连续创业者、投资人、上市公司高管组成的导师团，为在孵企业提供一对一辅导。",
)
IP_CENTRE = ip_center(contact_person="江老师", phone="0755-28930588", station="中海信工作站")

POLICIES = (
    HIGH_TECH_POLICY,
    Policy(
        slug="chuangtou-qiye-tianshi-touzi-shuishou",
        title="关于创业投资企业和天使投资个人有关税收政策的通知解读",
        issuing_authority="财政部 税务总局",
        document_number="财税〔2018〕55号",
        level=PolicyLevel.NATIONAL,
        publish=datetime.date(2018, 5, 14),
        effective=datetime.date(2018, 1, 1),
        summary="创投企业和天使投资个人投资初创科技型企业满2年的，可按投资额的70%抵扣应纳税所得额。",
        interpretation=(
            "<p>通知规定，公司制创业投资企业、有限合伙制创业投资企业的法人合伙人和个人合伙人、天使投资个人，"
            "采取股权投资方式直接投资于种子期、初创期科技型企业满2年的，可以按照投资额的70%抵扣应纳税所得额；"
            "当年不足抵扣的，可以在以后纳税年度结转抵扣。</p>"
            "<p>被投资的初创科技型企业须同时符合：在境内设立、实行查账征收的居民企业；"
            "从业人数不超过300人，其中本科以上学历人数不低于30%；资产总额和年销售收入均不超过5000万元；"
            "接受投资时设立时间不超过5年；研发费用总额占成本费用支出的比例不低于20%。</p>"
            "<p>这一政策直接降低了投资园区初创企业的税负。中海信投融资服务中心在路演项目推介时，"
            "会同步说明项目是否符合初创科技型企业条件，方便投资方判断。</p>"
        ),
        key_points=(
            ("投资额70%抵扣", "投资满2年后，按投资额的70%抵扣应纳税所得额，不足抵扣的可结转。"),
            (
                "初创科技型企业条件",
                "从业人数不超过300人，资产总额和年销售收入均不超过5000万元，设立不超过5年。",
            ),
            ("研发投入要求", "研发费用占成本费用支出的比例不低于20%。"),
            ("须为直接股权投资", "以股权投资方式直接投资，不包括受让其他股东的存量股权。"),
        ),
        industries=TECH,
        qualifications=("科技型中小企业",),
        sizes=STARTUP_SIZES,
        max_years=5,
        tags=("股权投资", "税收优惠", "融资"),
    ),
    Policy(
        slug="guangdong-keji-qiye-fuhuaqi-gaozhiliang",
        title="广东省科技企业孵化载体高质量发展若干措施解读",
        issuing_authority="广东省科学技术厅",
        document_number="粤科规范字〔{year}〕4号",
        level=PolicyLevel.PROVINCIAL,
        publish=-410,
        effective=-395,
        expiry=700,
        summary="推动孵化器专业化、品牌化发展，对新认定的国家级、省级孵化器和绩效评价优秀的孵化载体给予奖补。",
        interpretation=(
            "<p>措施提出推动孵化载体向专业化、品牌化、国际化发展，鼓励龙头企业、高校院所建设专业孵化器，"
            "支持孵化器设立种子基金、引入天使投资，提升“孵化+投资”能力。</p>"
            "<p>对新认定的国家级、省级科技企业孵化器给予一次性奖补；对年度绩效评价为优秀的孵化载体，"
            "按其服务在孵企业的数量和质量给予运营补助。</p>"
            "<p>中海信科技企业孵化器将按措施要求完善孵化服务和投资机制，在孵企业也可通过孵化器享受配套的创业辅导和投融资对接。</p>"
        ),
        key_points=(
            ("孵化+投资", "支持孵化器设立种子基金、引入天使投资。"),
            ("认定奖补", "新认定国家级、省级孵化器给予一次性奖补。"),
            ("绩效运营补助", "年度绩效评价优秀的按服务成效给予运营补助。"),
        ),
        industries=TECH,
        sizes=ALL_SIZES,
        tags=("孵化", "科技创新"),
    ),
    Policy(
        slug="shenzhen-tianshi-touzi-yindao-jijin",
        title="深圳市天使投资引导基金管理办法解读",
        issuing_authority="深圳市人民政府办公厅",
        document_number="深府办规〔{year}〕6号",
        level=PolicyLevel.MUNICIPAL,
        publish=-800,
        effective=-780,
        expiry=300,
        summary="市天使投资引导基金与社会资本合作设立天使子基金，投资深圳种子期、初创期科技企业。",
        interpretation=(
            "<p>办法明确市天使投资引导基金通过参股子基金的方式，引导社会资本投向深圳种子期、初创期科技企业，"
            "子基金投资于深圳初创企业的比例不低于规定要求。</p>"
            "<p>引导基金对子基金的出资比例最高可达40%，并在子基金投资的项目获得成功后，按约定向其他出资人让利，"
            "以提高社会资本投资早期项目的积极性。</p>"
            "<p>园区投融资服务中心已与多支天使子基金建立合作，在孵企业可通过路演活动直接对接。</p>"
        ),
        key_points=(
            ("参股子基金", "引导基金通过参股子基金投向种子期、初创期科技企业。"),
            ("出资最高40%", "引导基金对子基金的出资比例最高可达40%。"),
            ("让利机制", "项目成功后按约定向社会出资人让利。"),
        ),
        industries=TECH,
        sizes=STARTUP_SIZES,
        max_years=5,
        tags=("股权投资", "融资"),
    ),
    Policy(
        slug="longgang-chuangxin-chanye-yongfang",
        title="龙岗区创新型产业用房管理办法解读",
        issuing_authority="深圳市龙岗区人民政府",
        document_number="深龙府规〔{year}〕2号",
        level=PolicyLevel.DISTRICT,
        publish=-600,
        effective=-580,
        expiry=500,
        summary="区创新型产业用房以低于市场价的租金配租给科技企业，本批次配租申请正在受理。",
        interpretation=(
            "<p>办法规定，区政府筹集的创新型产业用房以低于同区域市场租金的价格，配租给符合条件的科技型企业、"
            "专精特新企业和高成长性初创企业，合同期一般为三年，期满考核合格的可续租。</p>"
            "<p>申请企业须在龙岗区注册、具有独立法人资格，且近两年无严重违法失信记录；"
            "配租面积根据企业人员规模和业务需要核定，承租后不得转租、分租或改变用途。</p>"
            "<p>中海信创新产业城是区创新型产业用房的重要载体。本批次配租由南湾街道企业服务中心中海信工作站受理初审，"
            "入驻后企业可以产业用房为依托对接投融资资源。</p>"
        ),
        key_points=(
            ("低于市场租金", "按低于同区域市场租金的价格配租。"),
            ("三年一签", "合同期一般为三年，期满考核合格可续租。"),
            ("不得转租", "承租后不得转租、分租或改变用途。"),
            ("园区工作站受理", "本批次由南湾街道企业服务中心中海信工作站受理初审。"),
        ),
        industries=TECH,
        qualifications=("科技型中小企业",),
        sizes=ALL_SIZES,
        application=(-7, 53),
        tags=("产业空间", "孵化"),
    ),
    Policy(
        slug="longgang-qiye-shangshi-fuchi",
        title="龙岗区支持企业上市（挂牌）发展扶持办法解读",
        issuing_authority="龙岗区发展和改革局",
        document_number="深龙发改规〔{year}〕3号",
        level=PolicyLevel.DISTRICT,
        publish=-250,
        effective=-230,
        expiry=860,
        summary="对完成股份制改造、辅导备案、首发上市和新三板挂牌的企业分阶段给予奖励，常年受理。",
        interpretation=(
            "<p>办法按上市进程分阶段支持：企业完成股份制改造的给予改制奖励；在深圳证监局辅导备案的给予辅导奖励；"
            "在境内外证券交易所首发上市的给予上市奖励；在全国中小企业股份转让系统挂牌的给予挂牌奖励。</p>"
            "<p>对上市后将募集资金投入龙岗区的企业，按投资额给予一定比例的配套支持。"
            "同一企业各阶段奖励累计不超过规定上限。</p>"
            "<p>园区投融资服务中心联合券商、会计师事务所和律师事务所提供上市前辅导，"
            "帮助企业在股权融资阶段就规范股权结构和财务核算。</p>"
        ),
        key_points=(
            ("分阶段奖励", "股改、辅导备案、首发上市、新三板挂牌分阶段给予奖励。"),
            ("募投回流支持", "募集资金投入龙岗区的，按投资额给予配套支持。"),
            ("常年受理", "企业完成相应阶段后即可申请。"),
        ),
        industries=TECH,
        sizes=(EnterpriseSize.MEDIUM, EnterpriseSize.LARGE),
        application=(-230, None),
        tags=("上市", "融资"),
    ),
    Policy(
        slug="longgang-chuangtou-guquan-touzi-jiangli",
        title="龙岗区股权投资机构投资初创企业奖励办法（试行）",
        issuing_authority="龙岗区发展和改革局",
        document_number="深龙发改规〔{year}〕1号",
        level=PolicyLevel.DISTRICT,
        publish=-1300,
        effective=-1290,
        expiry=-30,
        summary="对投资区内初创科技企业的股权投资机构按投资额给予奖励的试行办法，已到期失效。",
        interpretation=(
            "<p>该试行办法对在龙岗区备案的股权投资机构投资区内初创科技企业的，按实际投资额的一定比例给予奖励，"
            "单个机构每年奖励不超过规定上限。</p>"
            "<p>试行期已届满，办法不再受理新的申请。区里正在研究出台新的股权投资支持措施，"
            "出台后将在政策库发布解读。</p>"
        ),
        key_points=(
            ("已失效", "试行期已届满，不再受理新的申请。"),
            ("奖励方式", "按实际投资区内初创科技企业金额的一定比例奖励，单个机构每年设上限。"),
            ("后续政策", "新的股权投资支持措施正在研究制定。"),
        ),
        industries=TECH,
        sizes=STARTUP_SIZES,
        tags=("股权投资", "融资"),
    ),
    Policy(
        slug="longgang-toudai-liandong-fengxian-buchang",
        title="龙岗区科技型中小企业“投贷联动”风险补偿资金池管理办法",
        issuing_authority="龙岗区科技创新局 龙岗区财政局",
        document_number="深龙科规〔{year}〕3号",
        level=PolicyLevel.DISTRICT,
        publish=-8,
        effective=23,
        expiry=1100,
        summary="设立风险补偿资金池，对合作银行向已获股权投资的科技型中小企业发放的贷款给予风险补偿，办法尚未施行。",
        interpretation=(
            "<p>办法设立区科技型中小企业“投贷联动”风险补偿资金池，对合作银行向近两年获得股权投资的科技型中小企业发放的贷款，"
            "发生损失时按一定比例给予风险补偿，引导银行加大对初创企业的信贷投放。</p>"
            "<p>对通过资金池获得贷款的企业，按实际支付利息的一定比例给予贴息。"
            "合作银行名单将在办法施行后公布。</p>"
            "<p>办法尚未施行。近期获得融资的园区企业可先到投融资服务中心登记信贷需求。</p>"
        ),
        key_points=(
            ("风险补偿", "合作银行向获股权投资的科技型中小企业贷款发生损失的，按比例补偿。"),
            ("企业贴息", "通过资金池获得贷款的企业按实际利息给予一定比例贴息。"),
            ("须近两年获股权投资", "企业近两年内须获得股权投资。"),
        ),
        industries=TECH,
        qualifications=("科技型中小企业",),
        sizes=SME_SIZES,
        tags=("融资", "股权投资"),
    ),
    Policy(
        slug="zhonghaixin-fuhua-biye-chengzhang-jili",
        title="中海信孵化器在孵企业毕业与成长激励办法",
        issuing_authority="中海信科技企业孵化器",
        document_number="中海信孵〔{year}〕1号",
        level=PolicyLevel.PARK,
        publish=-180,
        effective=-180,
        summary="在孵企业获得股权融资、认定为高新技术企业或达到毕业标准的，可获孵化器房租返还和优先入驻加速器。",
        interpretation=(
            "<p>办法对在孵企业设置成长激励：获得天使轮以上股权融资的，返还三个月房租；认定为国家高新技术企业的，返还六个月房租；"
            "达到毕业标准的，可优先入驻园区加速器和创新型产业用房。</p>"
            "<p>本期激励申请集中受理，企业提交融资协议、高企证书等证明材料后，孵化器在十个工作日内完成审核。</p>"
        ),
        key_points=(
            ("融资激励", "获得天使轮以上股权融资的，返还三个月房租。"),
            ("高企激励", "认定为国家高新技术企业的，返还六个月房租。"),
            ("毕业优先", "达到毕业标准的，优先入驻加速器和创新型产业用房。"),
        ),
        industries=TECH,
        sizes=STARTUP_SIZES,
        max_years=5,
        application=(-15, 15),
        tags=("孵化", "融资"),
    ),
)

SERVICES = (
    Service(
        slug="guquan-rongzi-luyan-duijie",
        title="股权融资路演对接服务",
        category=ServiceCategory.BANKING,
        summary="每月举办“中海信创投路演日”，为企业对接天使投资人、创投机构和产业基金，提供股权融资全流程辅导。",
        provider=INVESTMENT_CENTRE,
        audience="处于种子轮至B轮、有股权融资需求的科技企业",
        how_to_get=(
            "<p>向投融资服务中心提交商业计划书，中心组织投资顾问初审并进行路演辅导，"
            "入选项目安排在当月路演日展示，会后跟进投资意向和尽职调查。</p>"
        ),
        body="<p>路演日每月第三个周四下午举行，每期6至8个项目，邀请10家以上投资机构参加。</p>",
        related_policies=(
            "chuangtou-qiye-tianshi-touzi-shuishou",
            "shenzhen-tianshi-touzi-yindao-jijin",
            "longgang-qiye-shangshi-fuchi",
        ),
    ),
    Service(
        slug="ruifu-shenqing-fuhua-fuwu",
        title="入孵申请与孵化全周期服务",
        category=ServiceCategory.INCUBATION,
        summary="提供孵化空间、创业辅导、中试平台和政策申报支持，帮助初创企业从种子期成长到毕业。",
        provider=INCUBATOR,
        audience="成立不超过三年的科技型初创企业和创业团队",
        how_to_get="<p>在园区平台提交入孵申请和项目介绍，孵化器每月组织一次入孵评审。</p>",
        related_policies=(
            "zhonghaixin-fuhua-biye-chengzhang-jili",
            "guangdong-keji-qiye-fuhuaqi-gaozhiliang",
        ),
    ),
    Service(
        slug="keji-xindai-toudai-liandong",
        title="科技信贷与投贷联动",
        category=ServiceCategory.BANKING,
        summary="为已获股权投资的科技型中小企业提供信用贷款，以及知识产权质押贷款。",
        provider=BANK,
        audience="已获得股权投资或拥有核心知识产权的科技型中小企业",
        how_to_get="<p>在投融资服务中心登记信贷需求，由中心推荐至合作银行，客户经理五个工作日内对接。</p>",
        related_policies=("longgang-toudai-liandong-fengxian-buchang",),
    ),
    Service(
        slug="chuangxin-chanye-yongfang-shenqing",
        title="创新型产业用房申请咨询",
        category=ServiceCategory.POLICY,
        summary="解读区创新型产业用房配租条件，受理配租申请并进行材料初审。",
        provider=STREET_OFFICE,
        audience="拟在龙岗区租用创新型产业用房的科技企业",
        how_to_get="<p>配租申请期内到综合服务中心1楼工作站窗口提交材料，工作站五个工作日内完成初审。</p>",
        related_policies=("longgang-chuangxin-chanye-yongfang",),
    ),
    Service(
        slug="guquan-jiagou-touronzi-falv",
        title="股权架构设计与投融资法律服务",
        category=ServiceCategory.LEGAL,
        summary="初创企业股权架构设计、投资协议审查、员工股权激励方案和融资交易法律意见。",
        provider=LAW_FIRM,
        audience="准备引入投资或实施股权激励的初创企业",
        how_to_get="<p>在孵企业每年可享两次免费咨询，通过孵化器服务台预约。</p>",
        related_policies=("longgang-qiye-shangshi-fuchi",),
    ),
    Service(
        slug="chuangye-caishui-chuangtou-youhui",
        title="初创企业财税代理与创投税收优惠辅导",
        category=ServiceCategory.TAX,
        summary="代理记账、纳税申报，并辅导企业和投资方准备初创科技型企业税收优惠备查资料。",
        provider=TAX_AGENT,
        audience="在孵初创企业及其投资方",
        how_to_get="<p>通过孵化器服务台预约首次免费咨询，入孵企业首年代账费用享受优惠。</p>",
        related_policies=("chuangtou-qiye-tianshi-touzi-shuishou", HIGH_TECH_SLUG),
    ),
    Service(
        slug="zhuanli-buju-zhiya-rongzi",
        title="专利布局与知识产权质押融资",
        category=ServiceCategory.IP,
        summary="围绕核心技术开展专利布局规划，协助企业以专利办理质押融资登记。",
        provider=IP_CENTRE,
        audience="拥有核心技术、准备融资或申报高企的初创企业",
        how_to_get="<p>到中海信知识产权工作站登记需求，工作站三个工作日内安排专利顾问对接。</p>",
        related_policies=(HIGH_TECH_SLUG,),
    ),
    Service(
        slug="chuangye-daoshi-fudao",
        title="创业导师一对一辅导",
        category=ServiceCategory.TALENT,
        summary="由连续创业者、投资人和上市公司高管担任导师，辅导商业模式、团队搭建和融资策略。",
        provider=MENTORS,
        audience="在孵企业创始人和核心团队",
        how_to_get="<p>在孵企业通过孵化器服务台提交辅导需求，孵化器两周内匹配导师。</p>",
    ),
)

NEWS = (
    News(
        slug="chuangtou-luyanri-shier-qi",
        title="第十二期“中海信创投路演日”举办，六个项目获投资意向",
        days_ago=7,
        summary="八个在孵项目登台路演，十五家投资机构参加，六个项目当场获得投资意向。",
        body=(
            "<p>第十二期“中海信创投路演日”在孵化大楼路演厅举行。来自人工智能、生物医药、新材料领域的八个项目登台路演，"
            "十五家天使投资机构、创投机构和产业基金参加。</p>"
            "<p>路演结束后，六个项目与投资机构达成投资意向，投融资服务中心将协助双方推进尽职调查和投资协议谈判。</p>"
        ),
    ),
    News(
        slug="fuhuaqi-xinyipi-ruifu-qianyue",
        title="孵化器新一批十五家企业入孵签约",
        days_ago=28,
        summary="新一批入孵企业以硬科技项目为主，孵化器同步为其匹配创业导师。",
        body=(
            "<p>中海信科技企业孵化器举行新一批入孵企业签约仪式，十五家企业通过评审入孵，涵盖智能传感、医疗器械、储能材料等方向。</p>"
            "<p>孵化器为每家企业匹配了创业导师，并安排首月完成财税、知识产权和股权架构“三项体检”。</p>"
        ),
    ),
    News(
        slug="toudai-liandong-zhengce-xuanjiang",
        title="“投贷联动”风险补偿政策宣讲会在园区举行",
        days_ago=45,
        summary="区科技创新局、财政局解读即将施行的投贷联动风险补偿资金池办法。",
        body=(
            "<p>区科技创新局、财政局在中海信创新产业城举办宣讲会，解读《龙岗区科技型中小企业“投贷联动”风险补偿资金池管理办法》"
            "的支持对象、补偿比例和申请流程，三家合作意向银行介绍了配套信贷产品。</p>"
            "<p>投融资服务中心表示，办法施行后将第一时间组织园区企业与合作银行对接。</p>"
        ),
    ),
)

GUIDES = (
    Guide(
        slug="fuhuaqi-ruzhu-shenqing-zhinan",
        title="孵化器入驻申请指南",
        summary="中海信科技企业孵化器的入孵条件、申请材料、评审流程和常见问题。",
        where="园区平台在线申请；线下：孵化大楼2楼孵化器服务台",
        time_limit="每月评审一次，评审通过后5个工作日内签约入驻",
        fees="评审不收费；孵化空间租金按孵化器收费标准执行，首年享受优惠",
        materials=(
            "<ul>"
            "<li>入孵申请表</li>"
            "<li>商业计划书或项目介绍</li>"
            "<li>营业执照（尚未注册的创业团队可暂不提供）</li>"
            "<li>核心团队成员简历</li>"
            "<li>知识产权或技术成果证明材料（如有）</li>"
            "</ul>"
        ),
        steps=(
            ("在线提交申请", "<p>在园区平台填写入孵申请表并上传商业计划书。</p>"),
            ("孵化器初审", "<p>孵化器对项目的技术属性、团队和阶段进行初审，一周内反馈。</p>"),
            ("入孵评审", "<p>通过初审的项目参加月度入孵评审会，由导师和投资人现场评议。</p>"),
            ("签约入驻", "<p>评审通过后签订入孵协议，办理入驻手续并匹配创业导师。</p>"),
        ),
        questions=(
            (
                "孵化期一般多长？",
                "<p>孵化期一般不超过三年，达到毕业标准的可提前毕业并优先入驻加速器。</p>",
            ),
            (
                "入孵后能否参加路演？",
                "<p>可以。在孵企业优先推荐参加“中海信创投路演日”，并享受路演前的一对一辅导。</p>",
            ),
            (
                "还没注册公司可以申请吗？",
                "<p>可以以创业团队身份申请，评审通过后孵化器协助办理企业设立登记。</p>",
            ),
        ),
    ),
    HIGH_TECH_GUIDE,
)

PARK = Park(
    home=Home(
        intro=(
            "<p>中海信创新产业城园区公共服务平台突出创新孵化，以园区创新型产业用房为载体，"
            "提供从入孵、创业辅导到股权融资、上市辅导的全周期服务。</p>"
        ),
        highlighted_services=(
            "guquan-rongzi-luyan-duijie",
            "ruifu-shenqing-fuhua-fuwu",
            "chuangxin-chanye-yongfang-shenqing",
        ),
        services_heading="孵化与融资",
        appeal_heading="创业路上有困难，告诉我们",
        appeal_text="在用房、融资、政策兑现等方面遇到困难，可在线提交诉求，平台经“一窗式”系统推送职能部门办理。",
        appeal_button="提交诉求",
    ),
    contact=Contact(
        address="深圳市龙岗区南湾街道布澜路31号中海信创新产业城综合服务中心1楼",
        phone="0755-28930100",
        email="fuwu@zhonghaixin.example.gov.cn",
        service_hours=SERVICE_HOURS,
        footer_links=(*GOV_LINKS, INNOCOM_LINK),
    ),
    policies=POLICIES,
    services=SERVICES,
    news=NEWS,
    guides=GUIDES,
    services_intro="<p>孵化、股权融资、科技信贷、产业用房、法律、财税、知识产权和创业导师服务。</p>",
    policies_intro="<p>创业孵化、股权投资、上市和产业用房相关的各级政策及解读。</p>",
    news_intro="<p>中海信创新产业城园区公共服务平台的最新动态。</p>",
    guides_intro="<p>入孵申请、高企认定等常办事项的办理指南。</p>",
)
