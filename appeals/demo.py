"""Demo appeals (演示诉求): about a year of appeals, in every state, for each demo park.

The generator drives the real services (intake, window triage, both outboxes, the hub's case
workflows, the beat's reminders) on a simulated clock, so tracking numbers, due dates, timelines,
arrivals, answers and messages agree with each other as if the year had really happened.
"""

import contextlib
import datetime
import random
import uuid
from unittest import mock

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django_tenants.utils import schema_context, tenant_context

from accounts.models import Role, User
from accounts.services import user_create
from enterprises.models import Enterprise
from notifications.models import Notification
from onewindow.models import AppealCategory, Case, Department, Liaison, ParkMessage
from onewindow.services.cases import (
    case_answer,
    case_redispatch,
    case_request_info,
    case_return,
    case_sign,
    case_transfer,
)
from onewindow.services.deadlines import case_mark_overdue, case_remind
from onewindow.services.extensions import extension_decide, extension_request
from onewindow.services.outbox import park_message_deliver
from onewindow.workdays import WorkingCalendar
from tenants.demo import demo_uscc

from .models import Appeal, OutboxMessage
from .services.intake import appeal_resubmit, appeal_submit
from .services.journey import appeal_close_unrated, appeal_rate, appeal_reply_info
from .services.outbox import outbox_deliver
from .services.window import appeal_accept, appeal_answer_at_window, appeal_reject, appeal_return

APPEALS_PER_PARK = 72
DEMO_ACCOUNT_PREFIX = "demo-qy-"
# Demo appeals have deterministic submission keys: a park that has them is not seeded again.
KEY_NAMESPACE = uuid.UUID("6f1d2c0e-5a8b-4c1e-9d7a-3b2f0e4c8a61")
ONE_DAY = datetime.timedelta(days=1)

# Scenario → share of a park's appeals; every scenario is played at least once.
PLAN = {
    "closed": 38,
    "closed_rehandled": 2,
    "closed_unrated": 5,
    "rejected": 4,
    "window_answered": 3,
    "submitted": 2,
    "submitted_overdue": 1,
    "returned": 2,
    "dispatched": 2,
    "in_progress": 3,
    "in_progress_overdue": 1,
    "info_requested": 1,
    "returned_to_hub": 1,
    "extension_pending": 1,
    "transferred": 2,
    "answered": 3,
    "rehandling": 1,
}
# Open scenarios start this many working days before the last working day (None: see below).
RECENT = {
    "submitted": (0, 0),
    "submitted_overdue": (2, 4),
    "returned": (1, 25),
    "dispatched": (1, 1),
    "in_progress": (2, 3),
    "in_progress_overdue": None,  # department days + 2: overdue by two working days
    "info_requested": (4, 4),
    "returned_to_hub": (2, 2),
    "extension_pending": (4, 4),
    "transferred": (3, 3),
    "answered": (4, 6),
    "rehandling": (8, 8),
}

# (company, contact): four more verified enterprises per park, besides the persona's.
ENTERPRISES = [
    ("深圳市云启智造科技有限公司", "陈晓东"),
    ("深圳市华芯微电子有限公司", "黄丽娟"),
    ("深圳新能汇储能技术有限公司", "周建华"),
    ("深圳市博睿医疗器械有限公司", "吴静"),
    ("深圳市智联供应链管理有限公司", "赵强"),
    ("深圳市大运数字文化传媒有限公司", "孙悦"),
    ("深圳市星河云软件开发有限公司", "郑凯"),
    ("深圳市极光人工智能科技有限公司", "林海"),
    ("深圳市宝龙精工模具有限公司", "何志刚"),
    ("深圳市宝龙新材料科技有限公司", "罗敏"),
    ("深圳市坂田光电技术有限公司", "高峰"),
    ("深圳市鹏程检测认证有限公司", "梁晓燕"),
    ("深圳市中海信生物科技有限公司", "宋涛"),
    ("深圳市创芯半导体封测有限公司", "唐伟"),
    ("深圳市明德知识产权代理有限公司", "邓磊"),
    ("深圳市华腾机器人有限公司", "彭飞"),
    ("深圳市数码港跨境电商有限公司", "许杰"),
    ("深圳市智汇人力资源服务有限公司", "韩梅"),
    ("深圳市绿源环保科技有限公司", "曹颖"),
    ("深圳市天安云服信息技术有限公司", "冯雪"),
]

# Category → (title, description, the department's answer).
TOPICS = {
    "政策咨询": [
        (
            "区产业发展专项资金申报条件咨询",
            "我司为年营收约8000万元的智能硬件企业，拟申报今年区产业发展专项资金中的企业做大做强"
            "扶持项目，请问营收增速、纳税额等门槛如何计算？申报窗口何时开放？",
            "该项目以上一年度经审计营收为准，增速不低于15%，且须在龙岗区依法纳税。申报通知预计"
            "下月在区政府网站发布，届时请登录专项资金管理系统填报；如需预审，可携审计报告到区"
            "发改局产业科咨询。",
        ),
        (
            "稳增长奖励资金兑现进度查询",
            "我司去年第四季度获批稳增长奖励，公示期已结束两个月，资金尚未到账，请帮忙查询拨付进度。",
            "贵司奖励资金已完成财政审核，列入本月第二批拨付计划，预计15个工作日内到账。如逾期未到"
            "账，请联系区财政局国库科核实收款账户。",
        ),
        (
            "“小升规”企业奖励申报咨询",
            "我司今年首次纳入规模以上工业企业统计，想了解小升规奖励的申报条件和材料，是否需要先"
            "到统计部门开具证明？",
            "首次入统的工业企业可申请一次性奖励，需提供统计部门出具的入库证明、上年度财务报表和"
            "纳税证明。入库证明可在区统计局窗口开具，材料齐全后通过专项资金系统提交。",
        ),
        (
            "新能源汽车产业链配套企业扶持咨询",
            "我司生产动力电池结构件，请问区里对新能源汽车产业链配套企业有哪些专项扶持？设备技改"
            "补贴如何申请？",
            "区里对产业链配套企业的技术改造按设备投资额的一定比例给予资助，最高1000万元。项目须在"
            "申报前完成技改备案，请关注区工信局技术改造项目申报通知。",
        ),
        (
            "“免申即享”政策范围咨询",
            "听说部分政策已实行免申即享，我司是国家高新技术企业，请问哪些奖励无需申报即可兑现？"
            "是否需要提前确认银行账户？",
            "高新技术企业认定奖励、规上企业首次入统奖励等已纳入免申即享清单，系统比对部门数据后"
            "直接拨付。请在“深i企”平台核对企业基本信息和对公账户。",
        ),
    ],
    "审批服务": [
        (
            "厂房改扩建规划许可审批进度",
            "我司厂房改扩建项目在工程建设项目审批系统提交规划许可申请已超过10个工作日，状态一直"
            "显示“审核中”，请协调了解卡在哪个环节。",
            "经协调，贵司申请因总平面图未标注消防车道被退回预审环节，系统未及时推送补正通知。已"
            "通知经办人重新推送，请在3个工作日内补充图纸后重新提交。",
        ),
        (
            "食品经营许可证变更经营场所",
            "我司员工食堂搬迁至园区新楼栋，食品经营许可证需变更经营场所，请问能否全程网办？现场"
            "核查大概需要多长时间？",
            "经营场所变更可在广东政务服务网全程网办，提交后5个工作日内安排现场核查，通过后即时"
            "发放电子证照。",
        ),
        (
            "外籍工程师工作许可办理咨询",
            "我司拟聘请一名德国籍工程师，请问外国人来华工作许可的办理流程和时限，能否与居留许可"
            "一并办理？",
            "工作许可可在外国人来华工作管理服务系统在线申请，材料齐全时10个工作日内办结；取得"
            "许可后可在出入境管理部门办理工作类居留许可，已实行一窗受理、并联审批。",
        ),
        (
            "分公司设立与印章刻制、银行开户联办",
            "我司新设分公司，希望办理营业执照时一并完成印章刻制和银行开户预约，请问是否支持一网"
            "通办？",
            "支持。在开办企业一网通办平台提交设立登记时勾选印章刻制和预约开户即可，首套印章免费，"
            "全流程一般1个工作日内完成。",
        ),
    ],
    "用地用房": [
        (
            "创新型产业用房租赁申请进度",
            "我司年初申请区创新型产业用房约1500平方米，目前显示“综合评审中”，请问评审结果何时"
            "公布？租金标准如何确定？",
            "本批次申请已完成专家评审，结果将于近期在区政府网站公示。租金按同区域市场参考价的"
            "60%—70%确定，以配租通知为准。",
        ),
        (
            "工业楼宇分割转让条件咨询",
            "我司拥有一栋工业厂房，计划将部分楼层分割转让给产业链合作企业，请问需要满足哪些条件？",
            "分割转让须符合产业准入要求，受让方应为符合区产业导向的企业，并经区产业用地用房联席"
            "会议审议。请备齐项目说明和受让方资质材料后向区规自局提交申请。",
        ),
        (
            "工业用地提高容积率申请",
            "我司工业用地现容积率为2.0，因扩产需新建研发楼，拟申请提高容积率，请问流程和地价如何"
            "计算？",
            "提高容积率须纳入“工改工”项目统筹，由区规自局审查规划条件，新增建筑面积按评估结果"
            "补缴地价。建议先提交项目可行性报告预审。",
        ),
        (
            "员工宿舍申请保障性租赁住房",
            "我司新增生产线后员工增加约200人，园区周边宿舍紧张，请问企业能否申请保障性租赁住房"
            "作为员工宿舍？",
            "企业可作为承租主体申请保障性租赁住房，请在区住房保障平台提交企业申请，附员工名单和"
            "社保缴纳证明，审核通过后按批次配租。",
        ),
    ],
    "人才招聘": [
        (
            "高层次专业人才认定申报咨询",
            "我司研发总监有海外博士学位并在知名企业任职十年，请问是否符合高层次专业人才认定条件？"
            "需要哪些证明材料？",
            "该人员可按海外高层次人才类别申报，需提供学历学位认证、工作经历证明、近三年个税缴纳"
            "记录和代表性成果材料，全年可在深圳市人才工作网提交。",
        ),
        (
            "新引进人才生活补贴发放查询",
            "我司三名应届硕士7月入职并办理了人才引进，生活补贴至今未发放，请帮忙查询进度。",
            "三人的补贴申请已审核通过，因个人银行账户信息有误暂未发放，已短信通知本人更正，更正后"
            "随下一批次发放。",
        ),
        (
            "节后用工缺口招聘对接",
            "我司为电子制造企业，节后预计有约80名普工缺口，希望协助对接招聘资源，是否有专场招聘会"
            "或劳务协作渠道？",
            "区人力资源局下月将在园区举办专场招聘会，已为贵司预留展位；也可在区就业服务平台发布"
            "岗位，并对接广西、湖南等劳务协作基地。",
        ),
        (
            "职工技能提升培训补贴申请",
            "我司组织了一期数控加工技能等级认定培训，共60人取得证书，请问培训补贴的申请时限和"
            "标准？",
            "企业自主开展的技能等级认定培训按每人每证给予补贴，须在取证之日起12个月内申请。请在"
            "职业技能提升补贴系统提交培训计划备案、取证名单和支付凭证。",
        ),
        (
            "人才住房配租资格咨询",
            "我司骨干员工在深圳无自有住房，想申请区人才住房，请问企业推荐名额如何分配，社保年限"
            "有何要求？",
            "区人才住房面向重点企业定向配租，按企业纳税和人才规模分配名额；员工须在深连续缴纳"
            "社保满一年且本人及配偶在深无自有住房。请关注区住建局季度配租通知。",
        ),
    ],
    "融资服务": [
        (
            "设备贷款贴息申请进度咨询",
            "我司去年为购置生产设备向银行贷款2000万元，3月提交了贷款贴息申请，系统状态仍为"
            "“待审核”，请问审核周期多长？",
            "贵司申请已完成初审，正在进行第三方审计核查，预计月底前完成。审核通过后按实付利息的"
            "50%给予贴息，年度最高200万元。",
        ),
        (
            "融资担保费补贴咨询",
            "我司通过区融资担保公司获得500万元流动资金贷款，担保费率1.5%，请问能否申请担保费"
            "补贴？",
            "可以。通过政府性融资担保机构获得贷款的中小企业可按担保费的一定比例申请补贴，请在放款"
            "后6个月内通过区中小企业服务平台提交担保合同和缴费凭证。",
        ),
        (
            "专利质押融资对接需求",
            "我司拥有12项发明专利，希望通过专利质押获得银行贷款，请帮忙对接合作银行和评估机构。",
            "已将贵司需求推送至区知识产权质押融资合作银行，客户经理将在3个工作日内联系贵司；质押"
            "贷款可申请评估费和利息补贴。",
        ),
        (
            "拟上市企业辅导备案奖励咨询",
            "我司计划两年内申报创业板上市，请问区里对股改、辅导备案阶段有哪些奖励？",
            "完成股份制改造并在深圳证监局辅导备案的企业可申请首期奖励。建议加入区拟上市企业后备"
            "库，享受一对一上市服务。",
        ),
        (
            "应收账款融资支持咨询",
            "我司作为大型企业的供应商，应收账款账期较长，资金周转困难，请问有无应收账款融资渠道"
            "或支持政策？",
            "可通过中征应收账款融资服务平台确权融资，区工信局对通过该平台获得融资的中小企业给予"
            "利息补贴，已将贵司纳入本季度供应链金融对接活动名单。",
        ),
    ],
    "科技创新": [
        (
            "国家高新技术企业认定申报辅导",
            "我司成立三年，有软件著作权15项、实用新型专利6项，研发投入占比约8%，今年拟首次申报"
            "国家高新技术企业，请问有无辅导服务？",
            "贵司条件基本符合。区科创局下月组织高企申报专题培训并提供一对一辅导，已将贵司列入名单。"
            "请注意研发费用须单独归集，并由有资质的机构出具专项审计报告。",
        ),
        (
            "企业研发投入资助申报咨询",
            "我司上一年度研发投入约1200万元，请问区研发投入资助如何计算，何时申报？",
            "资助按税务部门确认的上年度研发费用加计扣除额的一定比例计算，一般每年5—6月集中受理。"
            "请提前准备年度汇算清缴中研发费用加计扣除的资料。",
        ),
        (
            "区级企业技术中心认定条件",
            "我司计划申报区级企业技术中心，请问对研发人员数量、研发场地面积和设备原值有何要求？",
            "要求研发人员不少于20人、研发场地不少于500平方米、研发设备原值不少于300万元，且近两年"
            "研发投入占营收比例不低于3%。申报指南将于下月发布。",
        ),
        (
            "科技型中小企业评价入库被退回",
            "我司在科技型中小企业信息服务平台填报后被退回，提示研发人员占比不符合要求，但我司研发"
            "人员占比已达35%，请帮忙核实。",
            "经核实，退回原因是职工总数口径包含了劳务派遣人员。请按年度平均职工人数重新填报，修改"
            "后可重新提交。",
        ),
        (
            "公共技术平台检测设备共享使用",
            "我司芯片封装测试需要使用高端检测设备，请问区内重点实验室或公共技术平台能否共享？费用"
            "如何计算？",
            "区内大型科研仪器已接入共享服务平台，可在线预约；贵司所需X射线检测设备的使用费可用"
            "创新券抵扣，最高抵扣50%。",
        ),
    ],
    "知识产权": [
        (
            "专利侵权维权援助申请",
            "我司发现一家外地企业销售的产品与我司发明专利高度相似，请问区里是否提供侵权判定和维权"
            "援助？",
            "区知识产权保护中心提供侵权判定咨询和维权援助，符合条件的可获维权费用资助。请提交专利"
            "证书和侵权证据，中心将在5个工作日内出具初步意见。",
        ),
        (
            "商标被抢注如何提出异议",
            "我司在境外使用多年的品牌在国内被他人抢先申请注册，目前处于初审公告期，请问如何提出"
            "异议？",
            "请在初审公告之日起三个月内向国家知识产权局提出异议，并提交在先使用证据，如销售合同、"
            "宣传材料等。区市场监管局可提供商标维权指导。",
        ),
        (
            "PCT国际专利申请资助咨询",
            "我司今年提交了5件PCT国际专利申请，请问资助标准是多少，是否要进入国家阶段后才能申请？",
            "取得国际检索报告后即可申请首期资助，进入国家阶段并获授权后可申请后续资助，具体标准见"
            "区知识产权资助办法。",
        ),
    ],
    "市场监管": [
        (
            "经营范围变更与医疗器械经营备案",
            "我司计划新增二类医疗器械销售业务，请问经营范围变更能否与医疗器械经营备案同步办理？",
            "可以。变更经营范围时通过一网通办同步提交备案材料，执照变更和备案一般3个工作日内"
            "完成。",
        ),
        (
            "特种设备定期检验排期协调",
            "我司3台电梯和2台叉车的定期检验即将到期，检验机构排期较满，请问能否协调尽快安排？",
            "已协调区特种设备检验所，检验安排在下周二、三进行，检验人员会提前一天电话联系。请备好"
            "使用登记证和维保记录。",
        ),
        (
            "产品质量抽检结果复检申请",
            "我司一批次产品在监督抽检中被判不合格，我司认为检测方法有问题，请问如何申请复检？",
            "对抽检结果有异议的，可自收到检验报告之日起15日内提出书面复检申请。贵司申请已转质量"
            "监督科，请补充原检验报告和异议说明。",
        ),
        (
            "企业字号与注册商标相同造成混淆",
            "园区新入驻的一家企业使用了与我司注册商标相同的字号，容易造成混淆，请问如何处理？",
            "可向登记机关申请纠正企业名称，提交商标注册证、混淆证据和书面申请，登记机关将依法审查"
            "并在30日内作出处理。",
        ),
    ],
    "税务": [
        (
            "委托研发费用加计扣除咨询",
            "我司委托外部机构开展部分研发活动，请问委托研发费用能否享受加计扣除，比例如何计算？",
            "委托外部机构研发的费用按实际发生额的80%计入委托方研发费用并加计扣除，须留存委托研发"
            "合同和技术合同登记证明备查。",
        ),
        (
            "增值税留抵退税到账查询",
            "我司上月在电子税务局提交增值税留抵退税申请，金额约260万元，至今未到账，请协助查询。",
            "贵司退税申请已审核通过，本周已提交国库办理退库，预计3—5个工作日到账。",
        ),
        (
            "跨区迁入涉税事项办理",
            "我司计划从南山区迁入龙岗区，请问税务迁移需要办理哪些手续，未使用的发票如何处理？",
            "可在电子税务局办理迁出申请，系统自动校验未办结事项；已领未开的发票须先缴销，迁入后"
            "重新核定。迁移期间不影响正常申报。",
        ),
        (
            "数电发票授信额度调整申请",
            "我司业务增长较快，数电发票授信额度经常不够用，请问如何申请调整？",
            "可在电子税务局提交发票额度调整申请并附近期合同。贵司纳税信用为A级，审核通过后即时"
            "生效。",
        ),
    ],
    "法律纠纷": [
        (
            "离职员工经济补偿争议调解",
            "我司一名离职员工对经济补偿金额有争议，协商未果，希望申请劳动争议调解，避免进入仲裁。",
            "已安排街道劳动争议调解委员会受理，调解员将于下周约双方调解。达成的调解协议可申请司法"
            "确认，具有强制执行力。",
        ),
        (
            "客户拖欠货款法律服务咨询",
            "我司为小微企业，客户拖欠货款约80万元已超过一年，请问能否获得公共法律服务？",
            "区公共法律服务中心为小微企业提供免费法律咨询和律师对接，建议先发律师函催告，必要时"
            "申请支付令或诉前调解。已为贵司预约下周三律师面谈。",
        ),
        (
            "出口业务合规指导需求",
            "我司计划开展出口业务，希望了解出口管制和数据合规方面的要求，是否有企业合规指导服务？",
            "区司法局联合律师协会开展“法治体检”，已将贵司纳入本月名单，律师团队将上门开展出口"
            "管制和数据合规专项辅导。",
        ),
    ],
    "其他建议/投诉": [
        (
            "建议增开园区至地铁站高峰接驳线",
            "园区早晚高峰员工通勤困难，现有公交班次少，建议增开接驳地铁站的高峰专线。",
            "建议已转区交通运输局，拟于下月起工作日早晚高峰增开园区至地铁站接驳专线，发车间隔"
            "10分钟。",
        ),
        (
            "园区东门道路夜间照明不足",
            "园区东门至主干道路段多处路灯损坏，夜间员工下班存在安全隐患，向物业反映多次未果。",
            "已协调城管部门排查维修，共更换损坏灯具12盏，照明已恢复，后续纳入日常巡查。",
        ),
        (
            "涉企系统统一登录的建议",
            "企业常办的几项业务分散在多个系统，需要反复登录，建议整合到统一入口。",
            "感谢建议。区政数局正在推进统一身份认证，预计年底前主要涉企系统实现单点登录。",
        ),
    ],
}

# Where a department transfers (转办) or the district re-dispatches an appeal of a category.
ALSO_RESPONSIBLE = {
    "政策咨询": ["工业和信息化局", "科技创新局", "商务局"],
    "审批服务": ["住房和建设局", "市场监督管理局", "规划和自然资源局"],
    "用地用房": ["住房和建设局", "工业和信息化局"],
    "人才招聘": ["住房和建设局", "科技创新局"],
    "融资服务": ["发展和改革局", "商务局"],
    "科技创新": ["工业和信息化局", "发展和改革局"],
    "知识产权": ["科技创新局", "司法局"],
    "市场监管": ["政务服务数据管理局", "商务局"],
    "税务": ["发展和改革局", "商务局"],
    "法律纠纷": ["人力资源局", "市场监督管理局"],
    "其他建议/投诉": ["住房和建设局", "规划和自然资源局"],
}

RETURN_REASONS = [
    "请补充诉求涉及的项目名称、申报编号和办理时间，便于转交部门核实。",
    "诉求描述较为笼统，请具体说明遇到的问题和希望得到的帮助。",
    "请补充相关合同或申报回执，并核对联系人手机号码。",
]
RESUBMIT_NOTES = [
    "补充说明：已补充项目申报编号及提交时间。",
    "补充说明：已补充相关合同和付款凭证情况。",
    "补充说明：已补充具体问题和期望解决的事项。",
]
REJECT_REASONS = [
    "该事项与贵司此前提交的诉求重复，已并入原诉求办理。",
    "该诉求属于企业与业主之间的民事租赁纠纷，不属于政企服务受理范围，建议协商或通过司法途径"
    "解决。",
    "诉求内容为个人事务（个人社保转移），请通过个人渠道向社保部门咨询。",
    "该事项已进入司法程序，依规不予受理，请关注法院审理进展。",
]
INFO_QUESTIONS = [
    "请补充上一年度经审计的财务报表和纳税证明。",
    "请提供申报系统中的受理编号或申报回执截图。",
    "请补充相关合同、发票等证明材料的扫描件。",
    "请说明涉及的人员名单及社保缴纳情况。",
]
INFO_REPLIES = [
    "已按要求补充相关材料，请查收。",
    "受理编号已补充在说明中，如有需要可电话联系经办人。",
    "已补充合同和发票扫描件，原件可随时提供核验。",
]
MISROUTED_REASONS = [
    "该诉求所涉事项不属于本单位职责，请重新派单。",
    "经核实，所涉政策由其他部门制定和兑现，本单位无法答复，申请退单。",
]
EXTENSION_REASONS = [
    "需会同相关部门开展现场核查，申请延期办理。",
    "涉及跨部门数据比对，需等待市级部门反馈结果。",
    "需组织专家论证，现有办理时限不足。",
]
PRAISE = [
    "答复及时，问题已解决，感谢！",
    "部门答复很专业，解释得很清楚。",
    "窗口和部门服务都很到位，点赞。",
    "已按答复办理完成，效率很高。",
]
FAIR = ["答复基本清楚，但办理周期偏长。", "问题部分解决，希望后续继续跟进。"]
COMPLAINTS = [
    "答复比较笼统，没有针对我司的具体情况，问题仍未解决。",
    "只是让我们去咨询其他部门，没有实际帮助，希望重新办理。",
]
REHANDLE_PREFIX = "收到贵司评价后，我单位重新核查了办理情况，并与贵司经办人当面沟通。"


def demo_appeals_seed(*, parks, progress=print) -> int:
    """Demo appeals for the demo parks (numbered as in tenants.demo.PARKS); returns how many."""
    made = 0
    for number, park in enumerate(parks, start=1):
        progress(f"appeals {number}/{len(parks)}: {park.name}")
        made += demo_appeals_seed_park(park=park, number=number)
    return made


def demo_appeals_seed_park(*, park, number: int, count: int = APPEALS_PER_PARK) -> int:
    """Play `count` demo appeals (at least one per scenario) in one park, all or nothing.

    Nothing happens if the park has them already. Returns how many appeals were made.
    """
    keys = [uuid.uuid5(KEY_NAMESPACE, f"{park.schema_name}/{index}") for index in range(count)]
    with tenant_context(park):
        if Appeal.objects.filter(submission_key__in=keys).exists():
            return 0
    world = _World(park=park, rng=random.Random(f"demo-appeals/{park.schema_name}"))
    with (
        _broker_muted(),
        world.clock.running(),
        translation.override(settings.LANGUAGE_CODE),
        tenant_context(park),
        transaction.atomic(),
    ):
        marks = _notification_marks()
        enterprises = world.enterprises(number=number)
        plan = world.plan(count=count, enterprises=enterprises)
        for key, (moment, scenario, enterprise, topic) in zip(keys, plan, strict=False):
            journey = _Journey(world, enterprise=enterprise, topic=topic, key=key)
            journey.play(scenario, moment)
        _notifications_read(marks, before=world.real_now - datetime.timedelta(days=3))
    return len(plan)


@contextlib.contextmanager
def _broker_muted():
    """Every message is delivered synchronously here, so the after-commit Celery sends would
    only queue thousands of no-op tasks (and notices to outside channels) into the broker."""

    def nothing(*args, **kwargs):
        return None

    with (
        mock.patch("appeals.services.outbox.outbox_send_later", nothing),
        mock.patch("onewindow.services.outbox._send_later", nothing),
        mock.patch("notifications.services._send_later", nothing),
    ):
        yield


class _Clock:
    """The simulated now of the demo year."""

    def __init__(self) -> None:
        self.moment = timezone.now()

    @contextlib.contextmanager
    def running(self):
        """Make timezone.now() read this clock. Patching the `datetime` it calls (rather than
        timezone.now itself) also reaches model defaults bound to timezone.now at import."""
        clock = self

        class SimulatedDatetime(datetime.datetime):
            @classmethod
            def now(cls, tz=None):
                return clock.moment.astimezone(tz)

        with mock.patch("django.utils.timezone.datetime", SimulatedDatetime):
            yield


def _notification_marks() -> dict[str, int]:
    marks = {}
    for schema in (connection_schema(), "public"):
        with schema_context(schema):
            marks[schema] = Notification.objects.order_by("-pk").values_list("pk", flat=True)[:1]
            marks[schema] = next(iter(marks[schema]), 0)
    return marks


def connection_schema() -> str:
    from django.db import connection

    return connection.schema_name


def _notifications_read(marks: dict[str, int], *, before: datetime.datetime) -> None:
    """Old demo notices were read long ago: a bell showing hundreds would look broken."""
    for schema, last in marks.items():
        with schema_context(schema):
            Notification.objects.filter(pk__gt=last, created_at__lt=before).update(
                read_at=F("created_at") + datetime.timedelta(hours=2)
            )


class _World:
    """What every journey of one park shares: people, calendar, clock, randomness."""

    def __init__(self, *, park, rng: random.Random) -> None:
        self.park, self.rng, self.clock = park, rng, _Clock()
        self.real_now = self.clock.moment
        self.ceiling = self.real_now - datetime.timedelta(minutes=1)
        self.tz = timezone.get_default_timezone()
        self.calendar = WorkingCalendar.load()
        self.today = timezone.localdate(self.real_now)
        self.anchor = self.back(self.today, 1)  # the last working day before today
        with tenant_context(park):
            self.window = User.objects.filter(role=Role.WINDOW_STAFF, is_active=True).first()
        with schema_context("public"):
            self.admin = User.objects.filter(role=Role.DISTRICT_ADMIN, is_active=True).first()
            self.liaisons = {}
            for liaison in Liaison.objects.filter(user__is_active=True).order_by("pk"):
                self.liaisons.setdefault(liaison.department_id, liaison.user)
            self.departments = {
                d.name: d for d in Department.objects.filter(is_active=True, pk__in=self.liaisons)
            }
            self.categories = {
                c.name: c
                for c in AppealCategory.objects.filter(is_active=True, name__in=TOPICS)
                if c.default_department_id in self.liaisons
            }
        if not (self.window and self.admin and self.categories):
            raise LookupError("demo appeals need window staff, a district admin and liaisons")

    def back(self, day: datetime.date, count: int) -> datetime.date:
        """The count-th working day before day (day itself never counts)."""
        while count > 0:
            day -= ONE_DAY
            count -= self.calendar.is_working_day(day)
        return day

    def office_hours(self, day: datetime.date) -> datetime.datetime:
        start = datetime.datetime.combine(day, datetime.time(9), tzinfo=self.tz)
        return start + datetime.timedelta(minutes=self.rng.randint(0, 420))

    def night(self, day: datetime.date) -> datetime.datetime:
        """When the beat's first run of the day acts."""
        return datetime.datetime.combine(day, datetime.time(0, self.rng.randint(1, 9)), self.tz)

    def enterprises(self, *, number: int) -> list[Enterprise]:
        """The park's verified enterprises, the persona's first, after adding demo ones."""
        self.clock.moment = self.office_hours(self.today - datetime.timedelta(days=400))
        for index in range(4):
            name, contact = ENTERPRISES[((number - 1) * 4 + index) % len(ENTERPRISES)]
            username = f"{DEMO_ACCOUNT_PREFIX}{index + 1}"
            if User.objects.filter(username=username).exists():
                continue
            user = user_create(
                username=username,
                password=None,
                role=Role.ENTERPRISE,
                full_name=contact,
                email=f"{username}@demo.parkportal.localhost",
            )
            Enterprise.objects.create(
                account=user,
                name=name,
                uscc=demo_uscc(100 + number * 10 + index),
                contact_name=contact,
                mobile=f"137{number:04d}{index:04d}",
                status=Enterprise.Status.VERIFIED,
                verified_by=self.window,
                verified_at=self.clock.moment,
            )
        verified = Enterprise.objects.filter(status=Enterprise.Status.VERIFIED)
        return sorted(verified, key=lambda e: (e.account.username.startswith("demo-"), e.pk))

    def plan(self, *, count: int, enterprises: list[Enterprise]) -> list[tuple]:
        """(start, scenario, enterprise, topic) for each appeal, in order of submission."""
        total = sum(PLAN.values())
        counts = {name: max(1, round(share * count / total)) for name, share in PLAN.items()}
        counts["closed"] = max(1, counts["closed"] + count - sum(counts.values()))
        deck: list[tuple] = []
        plan = []
        for name, times in counts.items():
            for time in range(times):
                if not deck:
                    deck = [
                        (category, topic)
                        for name_, category in self.categories.items()
                        for topic in TOPICS[name_]
                    ]
                    self.rng.shuffle(deck)
                topic = deck.pop()
                # The persona's enterprise has one appeal of every kind to show.
                enterprise = enterprises[0] if time == 0 else self.rng.choice(enterprises)
                plan.append((self.start(name, topic[0]), name, enterprise, topic))
        return sorted(plan, key=lambda row: row[0])

    def start(self, scenario: str, category: AppealCategory) -> datetime.datetime:
        days = category.department_deadline_days
        if scenario == "submitted" and self.rng.random() < 0.5:
            return self.ceiling - datetime.timedelta(minutes=self.rng.randint(20, 600))
        if scenario == "in_progress_overdue":
            return self.office_hours(self.back(self.anchor, days + 2))
        if scenario in RECENT:
            return self.office_hours(self.back(self.anchor, self.rng.randint(*RECENT[scenario])))
        room = {"closed": 8, "closed_unrated": 14, "closed_rehandled": days + 14}.get(scenario, 5)
        latest = self.back(self.anchor, days + room)
        earliest = self.today - datetime.timedelta(days=364)
        day = earliest + datetime.timedelta(days=self.rng.randint(0, (latest - earliest).days))
        if not self.calendar.is_working_day(day) and self.rng.random() < 0.75:
            day = self.back(day, 1)  # fewer appeals are written on days off
        return self.office_hours(day)


class _Journey:
    """One appeal's story, played through the services step by step on the simulated clock."""

    def __init__(self, world: _World, *, enterprise: Enterprise, topic: tuple, key: uuid.UUID):
        self.w, self.rng, self.clock = world, world.rng, world.clock
        self.enterprise, self.key = enterprise, key
        self.category, (self.title, self.description, self.answer_text) = topic
        self.appeal: Appeal | None = None
        self.case: Case | None = None
        self.extension = None
        self.spare = 0  # working days this story may still spend on detours

    def play(self, scenario: str, start: datetime.datetime) -> None:
        self.spare = self.w.calendar.working_days_between(
            timezone.localdate(start), self.w.anchor
        ) - {"closed": 14, "closed_unrated": 20}.get(scenario, 99)
        self.clock.moment = start
        self.submit(at_window=scenario.startswith("closed") and self.rng.random() < 0.05)
        getattr(self, f"_{scenario}")()

    # The stories, by the state they leave the appeal in.

    def _submitted(self) -> None:
        pass

    _submitted_overdue = _submitted

    def _returned(self) -> None:
        self.window(appeal_return, gap=self.rng.randint(0, 1), reason=self.pick(RETURN_REASONS))

    def _rejected(self) -> None:
        self.window(appeal_reject, gap=self.rng.randint(0, 1), reason=self.pick(REJECT_REASONS))

    def _window_answered(self) -> None:
        self.window(appeal_answer_at_window, gap=self.rng.randint(0, 1), text=self.answer_text)
        self.rate_satisfied()

    def _dispatched(self) -> None:
        self.accept(gap=self.rng.randint(0, 1))

    def _in_progress(self) -> None:
        self.accept()
        self.sign(gap=self.rng.randint(0, 1))

    def _in_progress_overdue(self) -> None:
        self.accept()
        self.sign(gap=1)
        self.beat(until=self.w.today)

    def _info_requested(self) -> None:
        self._in_progress()
        self.hub(case_request_info, gap=self.rng.randint(1, 2), question=self.pick(INFO_QUESTIONS))

    def _returned_to_hub(self) -> None:
        self.accept()
        if self.rng.random() < 0.5:
            self.sign()
        self.hub(case_return, gap=self.rng.randint(0, 1), reason=self.pick(MISROUTED_REASONS))

    def _extension_pending(self) -> None:
        self._in_progress()
        self.ask_extension(gap=self.rng.randint(1, 2))

    def _transferred(self) -> None:
        self.accept()
        self.transfer(gap=self.rng.randint(0, 1), signed_first=self.rng.random() < 0.5)
        if self.rng.random() < 0.5:
            self.sign(gap=self.rng.randint(0, 1))

    def _answered(self) -> None:
        self._in_progress()
        last = timezone.localdate(self.clock.moment)
        self.answer(day=max(last, self.w.back(self.w.anchor, self.rng.randint(0, 2))))

    def _rehandling(self) -> None:
        self._in_progress()
        last = timezone.localdate(self.clock.moment)
        self.answer(day=self.w.calendar.add_working_days(last, self.rng.randint(2, 3)))
        self.rate_dissatisfied()

    def _closed(self) -> None:
        self.handle()
        self.rate_satisfied()

    def _closed_unrated(self) -> None:
        self.handle()
        with schema_context(self.w.park.schema_name):
            answered_at = Appeal.objects.values_list("answered_at", flat=True).get(pk=self.appeal.pk)
        # The hourly beat closes what has waited APPEAL_RATING_DAYS for a rating.
        wait = datetime.timedelta(days=settings.APPEAL_RATING_DAYS, minutes=self.rng.randint(1, 59))
        if self.at(answered_at + wait):
            appeal_close_unrated(appeal=self.appeal, now=self.clock.moment)
            self.to_hub()

    def _closed_rehandled(self) -> None:
        self.spare = 0  # the second round needs all the time there is
        self.handle()
        self.rate_dissatisfied()
        self.answer(early=0.4, text=f"{REHANDLE_PREFIX}{self.answer_text}")
        self.rate_satisfied()

    def handle(self) -> None:
        """Window to department to answer, with the detours real appeals take."""
        if self.chance(0.08, cost=4):
            self.window(appeal_return, gap=self.rng.randint(0, 1), reason=self.pick(RETURN_REASONS))
            self.resubmit(gap=self.rng.randint(1, 2))
        self.accept(gap=self.rng.choices([0, 1, 2], weights=[60, 35, 5])[0])
        days = self.category.department_deadline_days
        if self.chance(0.07, cost=3):
            self.transfer(gap=self.rng.randint(0, 1), signed_first=self.rng.random() < 0.5)
            self.sign(gap=self.rng.randint(0, 1))
        elif self.chance(0.04, cost=days + 3):
            if self.rng.random() < 0.5:
                self.sign()
            self.hub(case_return, gap=self.rng.randint(0, 1), reason=self.pick(MISROUTED_REASONS))
            self.redispatch(gap=self.rng.randint(0, 1))
            self.sign(gap=self.rng.randint(0, 1))
        else:
            self.sign(gap=self.rng.choices([0, 1, 2], weights=[60, 32, 8])[0])
        if self.chance(0.12, cost=5):
            self.hub(case_request_info, gap=self.rng.randint(1, 2), question=self.pick(INFO_QUESTIONS))
            self.reply_info(gap=self.rng.randint(1, 3))
        elif self.chance(0.08, cost=6):
            self.ask_extension(gap=self.rng.randint(1, 3))
            self.decide_extension(gap=self.rng.randint(0, 1), approve=self.rng.random() < 0.75)
        self.answer()

    # Steps: each moves the clock, calls one service, and delivers what it sent.

    def submit(self, *, at_window: bool) -> None:
        self.appeal = appeal_submit(
            enterprise=self.enterprise,
            by=self.w.window if at_window else self.enterprise.account,
            category=self.category,
            title=self.title,
            description=self.description,
            contact_name=self.enterprise.contact_name,
            contact_mobile=self.enterprise.mobile,
            submission_key=self.key,
            at_window=at_window,
        )

    def window(self, service, *, gap: int = 0, **fields) -> None:
        self.step(gap)
        self.appeal = service(appeal=self.appeal, by=self.w.window, **fields)

    def resubmit(self, *, gap: int) -> None:
        self.step(gap)
        self.appeal = appeal_resubmit(
            appeal=self.appeal,
            by=self.enterprise.account,
            category=self.category,
            title=self.title,
            description=f"{self.description}\n{self.pick(RESUBMIT_NOTES)}",
            contact_name=self.enterprise.contact_name,
            contact_mobile=self.enterprise.mobile,
        )

    def accept(self, *, gap: int = 0) -> None:
        self.window(appeal_accept, gap=gap)
        self.to_hub()

    def reply_info(self, *, gap: int) -> None:
        self.step(gap)
        self.appeal = appeal_reply_info(
            appeal=self.appeal, by=self.enterprise.account, text=self.pick(INFO_REPLIES)
        )
        self.to_hub()

    def rate_satisfied(self) -> None:
        level = self.rng.choices([1, 2, 3], weights=[74, 21, 5])[0]
        comment = self.pick(PRAISE) if self.rng.random() < 0.4 else ""
        self.rate(level=level, resolved=level < 3 or self.rng.random() < 0.5, comment=comment)

    def rate_dissatisfied(self) -> None:
        self.rate(level=self.rng.choice([4, 4, 4, 5]), resolved=False, comment=self.pick(COMPLAINTS))

    def rate(self, *, level: int, resolved: bool, comment: str) -> None:
        self.step(self.rng.choices([0, 1, 2, 3], weights=[30, 40, 20, 10])[0])
        comment = self.pick(FAIR) if level == 3 else comment
        self.appeal = appeal_rate(
            appeal=self.appeal,
            by=self.enterprise.account,
            resolved=resolved,
            satisfaction=level,
            comment=comment,
        )
        self.to_hub()

    @property
    def liaison(self) -> User:
        return self.w.liaisons[self.case.department_id]

    def hub(self, service, *, gap: int = 0, day=None, by=None, **fields):
        self.step(gap, day=day)
        with schema_context("public"):
            done = service(case=self.case, by=by or self.liaison, **fields)
            self.case = Case.objects.select_related("department").get(pk=self.case.pk)
        self.to_park()
        return done

    def sign(self, *, gap: int = 0) -> None:
        self.hub(case_sign, gap=gap)

    def transfer(self, *, gap: int, signed_first: bool) -> None:
        if signed_first:
            self.sign()
        target = self.elsewhere()
        reason = f"经核实，该事项属于{target.name}职责范围，转{target.name}办理。"
        self.hub(case_transfer, gap=gap, department=target, reason=reason)

    def redispatch(self, *, gap: int) -> None:
        target = self.elsewhere()
        note = f"经研判，改派{target.name}办理。"
        self.hub(case_redispatch, gap=gap, by=self.w.admin, department=target, note=note)

    def ask_extension(self, *, gap: int) -> None:
        days, reason = self.rng.randint(3, 5), self.pick(EXTENSION_REASONS)
        self.extension = self.hub(extension_request, gap=gap, days=days, reason=reason)

    def decide_extension(self, *, gap: int, approve: bool) -> None:
        self.step(gap)
        note = "同意延期，请在新的时限内办结。" if approve else "事项较为简单，请按原时限办结。"
        with schema_context("public"):
            extension_decide(extension=self.extension, by=self.w.admin, approve=approve, note=note)
            self.case = Case.objects.select_related("department").get(pk=self.case.pk)
        self.to_park()

    def answer(self, *, day=None, early: float = 0.24, text: str = "") -> None:
        day = day or self.answer_day(early=early)
        self.beat(until=day)
        self.hub(case_answer, day=day, text=text or self.answer_text)

    def answer_day(self, *, early: float) -> datetime.date:
        """Mostly on the due date in force, about a quarter early, a few late."""
        due, last = self.case.due_date, timezone.localdate(self.clock.moment)
        roll = self.rng.random()
        if roll < early:
            span = (due - last).days
            days = [last + ONE_DAY * n for n in range(max(span, 0))]
            days = [d for d in days if self.w.calendar.is_working_day(d)]
            if days:
                return self.rng.choice(days)
        elif roll > 0.95 and self.chance(1, cost=3):
            return self.w.calendar.add_working_days(due, self.rng.randint(1, 3))
        return max(due, last)

    def beat(self, *, until: datetime.date) -> None:
        """What the deadline beat did while the case waited: remind, then mark it overdue."""
        due = self.case.due_date
        if until >= self.w.back(due, 1) and self.at(self.w.night(self.w.back(due, 1))):
            with schema_context("public"):
                case_remind(case=self.case)
        if until > due and self.at(self.w.night(due + ONE_DAY)):
            with schema_context("public"):
                case_mark_overdue(case=self.case, today=due + ONE_DAY)

    # Delivery, as the worker does it after commit.

    def to_hub(self) -> None:
        self.clock.moment += datetime.timedelta(seconds=self.rng.randint(3, 40))
        pending = OutboxMessage.objects.filter(appeal=self.appeal, delivered_at__isnull=True)
        for message_id in list(pending.values_list("pk", flat=True)):
            outbox_deliver(message_id=message_id)
        with schema_context("public"):
            self.case = (
                Case.objects.select_related("department")
                .filter(park=self.w.park, appeal_id=self.appeal.pk)
                .first()
            )
        self.to_park()

    def to_park(self) -> None:
        if self.case is None:
            return
        self.clock.moment += datetime.timedelta(seconds=self.rng.randint(3, 40))
        with schema_context("public"):
            pending = ParkMessage.objects.filter(case=self.case, delivered_at__isnull=True)
            for message_id in list(pending.values_list("pk", flat=True)):
                park_message_deliver(message_id=message_id)

    # The clock.

    def step(self, gap: int = 0, *, day: datetime.date | None = None) -> None:
        """Move on `gap` working days (0: later the same day), or to `day`, in office hours."""
        last = timezone.localtime(self.clock.moment)
        if day is None:
            if gap == 0 and not self.w.calendar.is_working_day(last.date()):
                gap = 1  # staff do not work on days off
            day = self.w.calendar.add_working_days(last.date(), gap) if gap else last.date()
        if day > last.date() or last.hour < 8:
            moment = self.w.office_hours(day)
        else:
            moment = last + datetime.timedelta(minutes=self.rng.randint(5, 50))
        moment = min(moment, self.w.ceiling)
        self.clock.moment = max(moment, last + datetime.timedelta(seconds=1))

    def at(self, moment: datetime.datetime) -> bool:
        """Move to this exact moment, if it is still ahead and not in the future."""
        if not self.clock.moment < moment <= self.w.ceiling:
            return False
        self.clock.moment = moment
        return True

    def chance(self, probability: float, *, cost: int) -> bool:
        if self.rng.random() < probability and self.spare >= cost:
            self.spare -= cost
            return True
        return False

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    def elsewhere(self) -> Department:
        """Another department that could be responsible for this category."""
        names = ALSO_RESPONSIBLE.get(self.category.name, [])
        options = [self.w.departments[n] for n in names if n in self.w.departments]
        options = [d for d in options if d.pk != self.case.department_id] or [
            d for d in self.w.departments.values() if d.pk != self.case.department_id
        ]
        return self.rng.choice(options)
