"""天安云谷: smart services (智慧服务) — the CC+ platform, move-in-ready offices, digital firms."""

import datetime

from cms.models.policies import EnterpriseSize, PolicyLevel
from cms.models.services import ServiceCategory

from ..specs import Contact, Guide, Home, News, Park, Policy, Provider, Service
from .common import (
    ALL_SIZES,
    GDZWFW_LINK,
    GOV_LINKS,
    HIGH_TECH_GUIDE,
    HIGH_TECH_POLICY,
    HIGH_TECH_SLUG,
    SERVICE_HOURS,
    SME_SIZES,
    ip_center,
)

PLATFORM = Provider(
    name="天安云谷园区公共服务平台",
    contact_person="林女士",
    phone="0755-28912301",
    email="fuwu@tiananyungu.example.gov.cn",
    address="深圳市龙岗区坂田街道雪岗路2018号天安云谷一期服务中心1楼",
    description="政企共建的园区公共服务平台，依托CC+智慧服务系统提供入驻、政务代办、政策匹配和企业诉求受理。",
)
FINTECH_CENTRE = Provider(
    name="天安云谷科技金融服务中心",
    contact_person="何经理",
    phone="0755-28912366",
    address="深圳市龙岗区坂田街道天安云谷二期4栋B座2楼",
    description="联合银行科技支行、创投机构和担保公司，为园区企业提供股权融资、科技信贷和投贷联动对接。",
)
TAX_AGENT = Provider(
    name="深圳云岗财税咨询有限公司",
    contact_person="吴会计",
    phone="0755-28912452",
    address="深圳市龙岗区坂田街道天安云谷一期3栋C座11楼",
    description="园区入驻的代理记账机构，提供数字化代账、研发费用辅助账归集和涉税咨询。",
)
LAW_FIRM = Provider(
    name="广东云岗律师事务所",
    contact_person="黄律师",
    phone="0755-28912588",
    address="深圳市龙岗区坂田街道天安云谷二期5栋A座15楼",
    description="专注数据合规、网络安全和科技企业合同事务的律师事务所，在园区设有公益法律服务工作室。",
)
TALENT_STATION = Provider(
    name="龙岗区公共就业服务中心坂田服务站",
    contact_person="郑老师",
    phone="0755-28912630",
    address="深圳市龙岗区坂田街道天安云谷一期服务中心2楼",
    description="提供招聘对接、职业技能培训补贴申领和就业登记等公共就业服务。",
)
IP_CENTRE = ip_center(contact_person="宋老师", phone="0755-28912710", station="天安云谷工作站")

POLICIES = (
    HIGH_TECH_POLICY,
    Policy(
        slug="zhongxiao-qiye-shuzihua-zhuanxing-zhinan",
        title="中小企业数字化转型指南解读",
        issuing_authority="工业和信息化部办公厅",
        document_number="工信厅信发〔2022〕33号",
        level=PolicyLevel.NATIONAL,
        publish=datetime.date(2022, 11, 7),
        effective=datetime.date(2022, 11, 7),
        summary="从评估现状、开展转型、加强支撑三方面，为中小企业数字化转型给出路线图，并明确服务商和地方政府的支撑方式。",
        interpretation=(
            "<p>《中小企业数字化转型指南》面向中小企业、数字化转型服务供给方和地方各级主管部门，"
            "提出“从数字化基础较好的环节切入、小步快跑、迭代升级”的转型思路，是各地开展数字化转型诊断和试点的基础文件。</p>"
            "<p>对企业而言，指南建议先开展数字化水平评估，明确转型战略，再从研发设计、生产管控、营销服务等单点场景入手，"
            "优先选用“小型化、快速化、轻量化、精准化”的云化产品和解决方案，逐步推进业务全流程和全链条数字化。</p>"
            "<p>天安云谷园区以CC+系统为基础，为入驻企业提供免费的数字化水平自评、转型诊断和服务商对接，"
            "并协助符合条件的企业申报省、市、区数字化转型相关扶持资金。</p>"
        ),
        key_points=(
            ("先评估后转型", "利用数字化水平评测工具明确自身所处阶段，再确定转型路径和投入。"),
            ("从单点场景切入", "优先在研发设计、生产管控、营销服务等痛点环节应用轻量化云产品。"),
            ("用好服务商", "选择提供“小快轻准”产品和长期运维服务的数字化转型服务商。"),
            ("争取政策支持", "关注地方数字化转型试点、服务券和专项资金，降低转型成本。"),
        ),
        industries=("数字经济", "智能制造", "软件和信息服务业"),
        sizes=SME_SIZES,
        tags=("数字化转型", "产业扶持"),
    ),
    Policy(
        slug="guangdong-shangyun-yongshu-fuzhi",
        title="广东省中小企业“上云用数赋智”专项扶持措施解读",
        issuing_authority="广东省工业和信息化厅",
        document_number="粤工信规字〔{year}〕2号",
        level=PolicyLevel.PROVINCIAL,
        publish=-300,
        effective=-280,
        expiry=800,
        summary="对中小企业购买云服务、工业软件和数字化改造给予补贴，本年度申报窗口已开放。",
        interpretation=(
            "<p>该措施聚焦中小企业“不敢转、不会转、不能转”的问题，以省级财政资金引导地市配套，"
            "对企业购买经遴选的云服务、工业软件和数字化改造解决方案给予一定比例的补贴。</p>"
            "<p>补贴按企业实际支付费用的30%给予支持，单家企业年度补贴不超过50万元；"
            "对被评为省级数字化转型标杆的企业，另给予一次性奖励。服务商须进入省级服务商资源池，企业自行选择服务商。</p>"
            "<p>申报采取“企业线上申报、地市初审、省级复核”的方式。园区公共服务平台已梳理资源池服务商名单，"
            "可为企业提供方案比选和申报材料预审。</p>"
        ),
        key_points=(
            ("补贴比例30%", "按实际支付的云服务和数字化改造费用的30%给予补贴。"),
            ("单家上限50万元", "同一企业同一年度累计补贴不超过50万元。"),
            ("服务商须入池", "仅支持采购省级服务商资源池内服务商提供的产品和服务。"),
            ("线上申报", "企业通过省中小企业服务平台在线申报，地市主管部门初审。"),
        ),
        industries=("数字经济", "智能制造"),
        qualifications=("创新型中小企业",),
        sizes=SME_SIZES,
        application=(-20, 40),
        tags=("数字化转型", "产业扶持"),
    ),
    Policy(
        slug="shenzhen-gongye-hulianwang-fuchi",
        title="深圳市工业互联网发展扶持计划操作规程解读",
        issuing_authority="深圳市工业和信息化局",
        document_number="深工信规〔{year}〕3号",
        level=PolicyLevel.MUNICIPAL,
        publish=-500,
        effective=-480,
        expiry=600,
        summary="支持工业互联网平台建设、标识解析应用和企业内网改造，按项目投资额给予最高500万元资助。",
        interpretation=(
            "<p>操作规程明确了市工业互联网发展扶持计划的支持方向、资助方式和申报程序，"
            "重点支持工业互联网平台、标识解析二级节点应用、“5G+工业互联网”融合应用和企业内网改造等项目。</p>"
            "<p>项目资助采用事后资助方式，按经审计确认的项目总投资的一定比例给予支持，单个项目最高不超过500万元；"
            "项目须已完成建设并投入使用，申报单位须在深圳注册且具有独立法人资格。</p>"
            "<p>天安云谷集聚了较多工业软件和智能硬件企业，园区平台可协助企业梳理项目投资台账、联系专项审计机构，"
            "并在申报截止前组织一次集中预审。</p>"
        ),
        key_points=(
            ("事后资助", "项目建成并投入使用后申报，按经审计的总投资核定资助额。"),
            ("最高500万元", "单个项目资助不超过500万元，且不超过项目总投资的30%。"),
            ("重点方向", "工业互联网平台、标识解析应用、5G融合应用、企业内网改造。"),
        ),
        industries=("智能制造", "数字经济", "电子信息"),
        sizes=ALL_SIZES,
        min_years=1,
        tags=("数字化转型", "产业扶持"),
    ),
    Policy(
        slug="shenzhen-suanli-quan-moxing-quan",
        title="深圳市人工智能“模型券”“算力券”申领实施细则解读",
        issuing_authority="深圳市科技创新局 深圳市工业和信息化局",
        document_number="深科技创新规〔{year}〕1号",
        level=PolicyLevel.MUNICIPAL,
        publish=-120,
        effective=-100,
        expiry=1000,
        summary="中小企业租用智能算力或调用大模型服务可申领券额抵扣费用，申领窗口现已开放。",
        interpretation=(
            "<p>细则面向在深圳注册的人工智能相关中小企业和创新团队，以“券”的形式降低企业使用智能算力和大模型服务的门槛。"
            "“算力券”用于租用纳入目录的智能算力资源，“模型券”用于调用纳入目录的大模型服务或开展模型微调。</p>"
            "<p>券额按企业实际支付费用的50%抵扣，单家企业年度“算力券”最高200万元、“模型券”最高50万元；"
            "同一笔费用不得重复申领其他市级财政资助。券额在有效期内未使用的自动作废。</p>"
            "<p>企业在线提交申领申请，经审核后发放电子券，在与目录内服务商签约付款时直接抵扣。"
            "天安云谷CC+平台已接入申领入口，园区企业可一键提交基础信息。</p>"
        ),
        key_points=(
            ("费用抵扣50%", "按实际支付算力或模型服务费用的50%抵扣。"),
            ("年度上限", "“算力券”每家每年最高200万元，“模型券”最高50万元。"),
            ("目录内使用", "仅限在纳入目录的算力服务商和模型服务商处使用。"),
            ("不得重复享受", "同一笔费用已获其他市级资助的不得再申领。"),
        ),
        industries=("人工智能", "软件和信息服务业"),
        qualifications=("科技型中小企业",),
        sizes=SME_SIZES,
        application=(-10, 50),
        tags=("人工智能", "科技创新"),
    ),
    Policy(
        slug="longgang-shuzi-jingji-zhuanxiang-zijin",
        title="龙岗区数字经济产业发展专项资金扶持措施解读",
        issuing_authority="龙岗区工业和信息化局",
        document_number="深龙工信规〔{year}〕2号",
        level=PolicyLevel.DISTRICT,
        publish=-420,
        effective=-400,
        expiry=700,
        summary="对数字经济企业营收增长、首次入规、软件和信息技术服务项目给予奖励和配套资助。",
        interpretation=(
            "<p>措施从企业培育、项目支持和生态营造三方面支持龙岗数字经济发展，覆盖软件和信息技术服务、"
            "人工智能、云计算与大数据、智能终端等领域。</p>"
            "<p>对年营业收入首次突破5000万元、1亿元、5亿元的数字经济企业分档给予奖励；"
            "对获得市级数字经济相关项目资助的企业按一定比例给予区级配套；"
            "对在区内新设立的数字经济总部企业给予落户和办公用房支持。</p>"
            "<p>同一项目不得重复申报区级其他同类资金。园区平台建议企业提前核对统计口径，"
            "营业收入以统计部门“四上”企业统计数据为准。</p>"
        ),
        key_points=(
            ("营收跨档奖励", "年营业收入首次突破5000万元、1亿元、5亿元分档奖励。"),
            ("市级项目配套", "获得市级数字经济项目资助的，按比例给予区级配套。"),
            ("总部落户支持", "新设立的数字经济总部企业可获落户奖励和办公用房支持。"),
        ),
        industries=("数字经济", "软件和信息服务业", "人工智能"),
        sizes=ALL_SIZES,
        tags=("数字化转型", "产业扶持"),
    ),
    Policy(
        slug="longgang-yunfuwuquan-shidian",
        title="龙岗区支持中小企业“云服务券”试点办法",
        issuing_authority="龙岗区工业和信息化局",
        document_number="深龙工信〔{year}〕41号",
        level=PolicyLevel.DISTRICT,
        publish=-1200,
        effective=-1180,
        expiry=-95,
        summary="试点期内向中小企业发放云服务券用于购买上云服务；试点已结束，相关支持并入区数字经济专项资金。",
        interpretation=(
            "<p>该办法是龙岗区较早实施的中小企业上云扶持政策，试点期内向区内中小企业发放“云服务券”，"
            "用于购买云主机、云存储、协同办公等基础上云服务，单家企业每年最高5万元。</p>"
            "<p>试点期已届满，办法不再受理新的申请。已发放尚未核销的券额，按原办法规定的期限完成核销。"
            "上云相关支持已并入《龙岗区数字经济产业发展专项资金扶持措施》，企业可按新措施申报。</p>"
        ),
        key_points=(
            ("已失效", "试点期已届满，不再受理新的申请。"),
            ("支持方向并入新措施", "上云支持已并入区数字经济产业发展专项资金。"),
            ("存量券额按期核销", "已发放的券额按原办法规定的期限完成核销。"),
        ),
        industries=("数字经济",),
        sizes=SME_SIZES,
        tags=("数字化转型",),
    ),
    Policy(
        slug="longgang-5g-zhihui-yuanqu-changjing",
        title="龙岗区5G+智慧园区应用场景开放扶持办法",
        issuing_authority="龙岗区科技创新局",
        document_number="深龙科规〔{year}〕1号",
        level=PolicyLevel.DISTRICT,
        publish=-15,
        effective=35,
        expiry=1130,
        summary="鼓励园区开放安防、能耗、物流等应用场景供企业验证5G和人工智能产品，办法已发布，设有过渡期，尚未施行。",
        interpretation=(
            "<p>办法提出以园区为单位发布“场景清单”，向区内科技企业开放智慧安防、能耗管理、无人配送、"
            "园区数字孪生等应用场景，支持企业在真实环境中验证5G、人工智能和物联网产品。</p>"
            "<p>对入选场景示范项目的企业，按项目实际投入的30%给予最高100万元资助；"
            "对开放场景成效显著的园区运营主体给予最高50万元奖励。办法自施行之日起有效期三年。</p>"
            "<p>办法尚未施行，施行后首批场景清单将由区科技创新局统一发布。天安云谷已初步梳理园区可开放场景，"
            "有意参与的企业可提前向园区平台登记。</p>"
        ),
        key_points=(
            ("发布场景清单", "园区梳理可开放的应用场景，由区科技创新局统一发布。"),
            ("示范项目资助", "入选项目按实际投入30%资助，最高100万元。"),
            ("园区运营奖励", "开放场景成效显著的园区运营主体最高奖励50万元。"),
        ),
        industries=("人工智能", "电子信息", "数字经济"),
        qualifications=("高新技术企业",),
        sizes=ALL_SIZES,
        tags=("人工智能", "科技创新"),
    ),
    Policy(
        slug="yungu-linbao-ruzhu-fuwu-banfa",
        title="天安云谷“拎包入住”企业入驻服务办法",
        issuing_authority="天安云谷园区公共服务平台",
        document_number="云谷服〔{year}〕1号",
        level=PolicyLevel.PARK,
        publish=-200,
        effective=-200,
        summary="新入驻中小企业可选用装修完备的共享办公空间，并享受首年物业费减免和政务代办一条龙服务。",
        interpretation=(
            "<p>为降低中小企业入驻成本，天安云谷推出“拎包入住”服务：园区统一提供装修、家具和网络到位的办公空间，"
            "企业签约后即可入驻办公，工商变更、税务登记、社保开户等事项由园区平台代办。</p>"
            "<p>对首次入驻的科技型中小企业，首年物业管理费减免50%；对入驻满一年且营收增长的企业，"
            "可优先申请园区扩租和人才公寓。办法长期有效，园区平台常年受理申请。</p>"
        ),
        key_points=(
            ("即签即入驻", "装修、家具、网络全部到位，签约后即可办公。"),
            ("政务事项代办", "工商变更、税务登记、社保开户等由园区平台代办。"),
            ("首年物业费减半", "首次入驻的科技型中小企业首年物业管理费减免50%。"),
        ),
        industries=("软件和信息服务业", "人工智能", "电子信息"),
        sizes=(EnterpriseSize.MICRO, EnterpriseSize.SMALL),
        max_years=5,
        application=(-200, None),
        tags=("园区服务", "产业扶持"),
    ),
)

SERVICES = (
    Service(
        slug="cc-plus-linbao-ruzhu",
        title="CC+智慧服务平台“拎包入住”",
        category=ServiceCategory.OTHER,
        summary="线上选房、签约、入驻和政务代办全流程在CC+平台办理，新企业最快当天入驻。",
        provider=PLATFORM,
        audience="计划入驻天安云谷的中小科技企业和创业团队",
        how_to_get=(
            "<p>登录天安云谷CC+平台或到服务中心1楼窗口提交入驻意向，平台客服一个工作日内联系安排看房；"
            "签约后在线提交营业执照变更等代办委托即可。</p>"
        ),
        body="<p>平台提供共享办公、独立办公室和定制空间三类房源，入驻后可在线报修、预约会议室、缴纳费用和办理门禁。</p>",
        related_policies=("yungu-linbao-ruzhu-fuwu-banfa",),
    ),
    Service(
        slug="zhengce-zhineng-pipei",
        title="政策智能匹配与申报辅导",
        category=ServiceCategory.POLICY,
        summary="根据企业画像自动推送可申报的各级政策，专员提供申报材料预审和进度提醒。",
        provider=PLATFORM,
        audience="园区内所有企业，尤其是首次申报政府资金的中小企业",
        how_to_get=(
            "<p>在CC+平台完善企业画像（行业、规模、资质、知识产权等），系统每周推送匹配结果；"
            "需要辅导的可在线预约政策专员，或在企业服务日现场咨询。</p>"
        ),
        related_policies=(
            "guangdong-shangyun-yongshu-fuzhi",
            "shenzhen-suanli-quan-moxing-quan",
            "longgang-shuzi-jingji-zhuanxiang-zijin",
        ),
    ),
    Service(
        slug="keji-jinrong-guquan-rongzi",
        title="科技金融与股权融资线上对接",
        category=ServiceCategory.BANKING,
        summary="通过CC+平台向合作创投机构和银行科技支行推送项目，提供股权融资对接、科技信贷和投贷联动服务。",
        provider=FINTECH_CENTRE,
        audience="有融资需求的园区科技型中小企业、高新技术企业",
        how_to_get=(
            "<p>在CC+平台“金融服务”栏目填写融资需求和商业计划书，科技金融服务中心三个工作日内完成初筛，"
            "并推荐至合作机构；每季度举办一次线下项目对接会。</p>"
        ),
        related_policies=(HIGH_TECH_SLUG,),
    ),
    Service(
        slug="zhishichanquan-shuzi-tuoguan",
        title="知识产权数字化托管",
        category=ServiceCategory.IP,
        summary="专利、软件著作权统一托管，到期缴费提醒、侵权监测和快速预审通道一站办理。",
        provider=IP_CENTRE,
        audience="拥有或计划申请专利、软件著作权的园区企业",
        how_to_get="<p>在服务中心1楼知识产权工作站登记企业知识产权清单，签署托管服务协议后由工作站建立电子台账。</p>",
        related_policies=(HIGH_TECH_SLUG,),
    ),
    Service(
        slug="shuzi-caishui-yanfa-guiji",
        title="数字化财税代账与研发费用归集",
        category=ServiceCategory.TAX,
        summary="在线代理记账、纳税申报，并按项目建立研发费用辅助账，为高企认定和加计扣除做准备。",
        provider=TAX_AGENT,
        audience="初创企业和需要规范研发费用核算的科技型中小企业",
        how_to_get="<p>通过CC+平台“财税服务”预约首次免费诊断，确定服务方案后签订代账协议。</p>",
        related_policies=(HIGH_TECH_SLUG,),
    ),
    Service(
        slug="shuju-hegui-falv-zixun",
        title="数据合规与网络安全法律咨询",
        category=ServiceCategory.LEGAL,
        summary="针对数据出境、个人信息保护、网络安全等级保护等问题提供公益咨询和合规体检。",
        provider=LAW_FIRM,
        audience="处理用户数据、开展跨境业务的软件、互联网和人工智能企业",
        how_to_get="<p>每周三下午在服务中心公益法律服务工作室坐诊，可通过CC+平台提前预约；合规体检首年免费一次。</p>",
        related_policies=("shenzhen-suanli-quan-moxing-quan",),
    ),
    Service(
        slug="shuzi-jineng-rencai-peixun",
        title="数字技能人才培训与招聘对接",
        category=ServiceCategory.TALENT,
        summary="组织人工智能训练师、数据分析等数字技能培训，符合条件的可申领职业技能培训补贴；每月举办专场招聘。",
        provider=TALENT_STATION,
        audience="园区企业及其员工、有意在园区就业的求职者",
        how_to_get="<p>企业在CC+平台发布岗位需求，服务站统一组织专场招聘；培训报名请关注服务站每月发布的开班计划。</p>",
    ),
)

NEWS = (
    News(
        slug="cc-plus-zhengce-jisuanqi-shangxian",
        title="CC+平台上线“政策计算器”，企业可一键测算可享政策",
        days_ago=8,
        summary="园区CC+平台新增“政策计算器”功能，企业输入基本信息即可测算可申报的政策及预计金额。",
        body=(
            "<p>近日，天安云谷CC+智慧服务平台上线“政策计算器”功能。企业在平台填写行业、规模、资质和知识产权等信息后，"
            "系统将自动匹配省、市、区和园区各级政策，给出可申报清单和预计支持金额。</p>"
            "<p>功能上线首周，已有一百余家园区企业完成测算。园区平台提醒，测算结果仅供参考，"
            "正式申报以主管部门发布的申报指南为准，企业可预约政策专员进行一对一辅导。</p>"
        ),
    ),
    News(
        slug="qiye-fuwuri-zoujin-yungu",
        title="龙岗区企业服务日走进天安云谷",
        days_ago=23,
        summary="区工信、科技、税务等部门在园区现场办公，为企业解答数字经济扶持和研发费用加计扣除问题。",
        body=(
            "<p>本月企业服务日活动在天安云谷举行。区工业和信息化局、科技创新局、税务局等部门工作人员在园区服务中心设点，"
            "围绕数字经济专项资金、人工智能算力券和研发费用加计扣除等企业关心的问题现场答疑。</p>"
            "<p>活动当天共接待企业咨询四十余批次，现场收集的诉求已通过“一窗式”系统推送至相关部门办理，"
            "办理结果将在规定时限内反馈企业。</p>"
        ),
    ),
    News(
        slug="damoxing-yingyong-duijiehui",
        title="园区举办人工智能大模型应用对接会",
        days_ago=47,
        summary="十余家大模型服务商与园区企业面对面交流，现场达成多项合作意向。",
        body=(
            "<p>为推动人工智能技术在中小企业中的应用，天安云谷举办人工智能大模型应用对接会，"
            "邀请十余家大模型和算力服务商介绍产品，并与园区软件、智能硬件企业开展需求对接。</p>"
            "<p>会上，园区平台还解读了深圳市“模型券”“算力券”申领流程。参会企业表示，"
            "通过券额抵扣可明显降低试用大模型的成本。</p>"
        ),
    ),
)

GUIDES = (
    Guide(
        slug="linbao-ruzhu-banli-zhinan",
        title="新入驻企业“拎包入住”办理指南",
        summary="从线上选房到领取门禁卡，新企业入驻天安云谷的办理流程、材料和常见问题。",
        where="天安云谷CC+平台在线办理；线下窗口：一期服务中心1楼",
        time_limit="材料齐全的，签约后1个工作日内完成入驻",
        fees="代办服务不收费；租金和物业费按合同约定",
        materials=(
            "<ul>"
            "<li>营业执照（新设立企业可先提交名称预核准信息）</li>"
            "<li>法定代表人身份证件</li>"
            "<li>经办人授权委托书及身份证件</li>"
            "<li>入驻申请表（CC+平台在线填写）</li>"
            "</ul>"
        ),
        steps=(
            ("线上选房", "<p>在CC+平台浏览房源、预约看房，确定意向后提交入驻申请。</p>"),
            ("资格审核", "<p>园区平台对企业行业、规模进行审核，符合条件的同步核定物业费减免。</p>"),
            ("签约缴费", "<p>在线签署租赁合同并缴纳押金，如需代办工商变更可一并委托。</p>"),
            ("办理入驻", "<p>领取门禁卡和钥匙，网络和办公家具已预先安装到位。</p>"),
        ),
        questions=(
            (
                "还没有注册公司可以先入驻吗？",
                "<p>可以先以创业团队身份入驻共享办公区，园区平台可协助办理企业设立登记，并提供注册地址。</p>",
            ),
            ("最短租期是多久？", "<p>共享办公工位最短3个月，独立办公室最短1年。</p>"),
        ),
    ),
    HIGH_TECH_GUIDE,
)

PARK = Park(
    home=Home(
        intro=(
            "<p>天安云谷园区公共服务平台以“智慧服务”为特色，依托CC+智慧服务系统，"
            "为入驻企业提供“拎包入住”、政务代办、政策智能匹配和科技金融等线上线下一体的服务。</p>"
        ),
        highlighted_services=(
            "cc-plus-linbao-ruzhu",
            "zhengce-zhineng-pipei",
            "keji-jinrong-guquan-rongzi",
        ),
        services_heading="智慧服务",
        appeal_heading="企业诉求线上直达",
        appeal_text="在经营中遇到政务办理、政策兑现等困难，可在线提交诉求，平台经“一窗式”系统推送职能部门办理并跟踪反馈。",
        appeal_button="在线提交诉求",
    ),
    contact=Contact(
        address="深圳市龙岗区坂田街道雪岗路2018号天安云谷一期服务中心1楼",
        phone="0755-28912300",
        email="fuwu@tiananyungu.example.gov.cn",
        service_hours=SERVICE_HOURS,
        footer_links=(*GOV_LINKS, GDZWFW_LINK),
    ),
    policies=POLICIES,
    services=SERVICES,
    news=NEWS,
    guides=GUIDES,
    services_intro="<p>CC+平台上可在线办理的园区服务，覆盖入驻、政策、金融、财税、法律、知识产权和人才。</p>",
    policies_intro="<p>与园区数字经济、人工智能企业相关的各级政策及其解读，可按级别、主题筛选。</p>",
    news_intro="<p>天安云谷园区公共服务平台的最新动态。</p>",
    guides_intro="<p>常办事项的办理地点、材料、流程和常见问题。</p>",
)
