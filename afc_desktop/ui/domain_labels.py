"""Labels that come from the domain and services (categories, need types, grades …), marked for
translation so the English interface can show them too.

The domain layer has no Qt, so its Chinese labels cannot call ``tr()`` themselves. They are listed
here, literally, for ``pyside6-lupdate`` to collect under the context "Domain"; a view shows one
with :func:`label` (unknown text passes through unchanged). tests/i18n/test_domain_labels.py
fails when a domain list gains a label that is not listed here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Domain"

LABELS: tuple[str, ...] = (
    # people categories (domain.people)
    QT_TRANSLATE_NOOP("Domain", "独居"),
    QT_TRANSLATE_NOOP("Domain", "空巢"),
    QT_TRANSLATE_NOOP("Domain", "留守"),
    QT_TRANSLATE_NOOP("Domain", "失能"),
    QT_TRANSLATE_NOOP("Domain", "失智"),
    QT_TRANSLATE_NOOP("Domain", "重残"),
    QT_TRANSLATE_NOOP("Domain", "低保"),
    QT_TRANSLATE_NOOP("Domain", "特困"),
    QT_TRANSLATE_NOOP("Domain", "计划生育特殊家庭"),
    QT_TRANSLATE_NOOP("Domain", "低收入"),
    QT_TRANSLATE_NOOP("Domain", "优抚对象"),
    QT_TRANSLATE_NOOP("Domain", "去世"),
    QT_TRANSLATE_NOOP("Domain", "迁出本区"),
    QT_TRANSLATE_NOOP("Domain", "迁往本区其他社区"),
    QT_TRANSLATE_NOOP("Domain", "高龄"),
    QT_TRANSLATE_NOOP("Domain", "长寿"),
    QT_TRANSLATE_NOOP("Domain", "百岁"),
    # what each category means (domain.people, the person form's tooltips)
    QT_TRANSLATE_NOOP("Domain", "一人居住，无同住人员"),
    QT_TRANSLATE_NOOP("Domain", "无子女或子女不在身边，仅与配偶同住"),
    QT_TRANSLATE_NOOP("Domain", "子女长期外出，留在户籍地生活（多见于农村）"),
    QT_TRANSLATE_NOOP("Domain", "日常生活需要他人照料"),
    QT_TRANSLATE_NOOP("Domain", "认知障碍（如老年痴呆）"),
    QT_TRANSLATE_NOOP(
        "Domain", "持一级、二级残疾证，或三级智力、精神残疾（江苏重度残疾人护理补贴口径）"
    ),
    QT_TRANSLATE_NOOP("Domain", "享受最低生活保障"),
    QT_TRANSLATE_NOOP("Domain", "特困供养人员"),
    QT_TRANSLATE_NOOP("Domain", "独生子女伤残或死亡家庭"),
    QT_TRANSLATE_NOOP("Domain", "低收入家庭（含低保边缘家庭）"),
    QT_TRANSLATE_NOOP(
        "Domain",
        "重点优抚对象：残疾军人，烈士、因公牺牲军人、病故军人遗属，在乡复员军人，带病回乡退伍军人，参战参试退役人员等享受定期抚恤补助者（不含一般退役军人）",
    ),
    QT_TRANSLATE_NOOP("Domain", "80周岁及以上"),
    QT_TRANSLATE_NOOP("Domain", "90周岁及以上"),
    QT_TRANSLATE_NOOP("Domain", "100周岁及以上"),
    # age bands (domain.people)
    QT_TRANSLATE_NOOP("Domain", "60–69岁"),
    QT_TRANSLATE_NOOP("Domain", "70–79岁"),
    QT_TRANSLATE_NOOP("Domain", "80–89岁"),
    QT_TRANSLATE_NOOP("Domain", "90岁及以上"),
    QT_TRANSLATE_NOOP("Domain", "60岁以下"),
    QT_TRANSLATE_NOOP("Domain", "出生日期不详"),
    # living arrangements (domain.people)
    QT_TRANSLATE_NOOP("Domain", "与配偶居住"),
    QT_TRANSLATE_NOOP("Domain", "与子女居住"),
    QT_TRANSLATE_NOOP("Domain", "与父母居住"),
    QT_TRANSLATE_NOOP("Domain", "与兄弟姐妹居住"),
    QT_TRANSLATE_NOOP("Domain", "与其他亲属居住"),
    QT_TRANSLATE_NOOP("Domain", "与非亲属关系的人居住"),
    QT_TRANSLATE_NOOP("Domain", "养老机构"),
    # ability grades (GB/T 42195)
    QT_TRANSLATE_NOOP("Domain", "未评估"),
    QT_TRANSLATE_NOOP("Domain", "能力完好"),
    QT_TRANSLATE_NOOP("Domain", "能力轻度受损（轻度失能）"),
    QT_TRANSLATE_NOOP("Domain", "能力中度受损（中度失能）"),
    QT_TRANSLATE_NOOP("Domain", "能力重度受损（重度失能）"),
    QT_TRANSLATE_NOOP("Domain", "能力完全丧失（完全失能）"),
    # need types (domain.needs)
    QT_TRANSLATE_NOOP("Domain", "生活照料"),
    QT_TRANSLATE_NOOP("Domain", "助餐"),
    QT_TRANSLATE_NOOP("Domain", "助浴"),
    QT_TRANSLATE_NOOP("Domain", "助洁"),
    QT_TRANSLATE_NOOP("Domain", "医疗护理"),
    QT_TRANSLATE_NOOP("Domain", "康复"),
    QT_TRANSLATE_NOOP("Domain", "精神慰藉"),
    QT_TRANSLATE_NOOP("Domain", "紧急救援"),
    QT_TRANSLATE_NOOP("Domain", "适老化改造"),
    QT_TRANSLATE_NOOP("Domain", "法律援助"),
    QT_TRANSLATE_NOOP("Domain", "政策咨询"),
    QT_TRANSLATE_NOOP("Domain", "智能技术帮助"),
    QT_TRANSLATE_NOOP("Domain", "代办帮办"),
    QT_TRANSLATE_NOOP("Domain", "其他"),
    # need statuses and urgencies (domain.needs)
    QT_TRANSLATE_NOOP("Domain", "发现"),
    QT_TRANSLATE_NOOP("Domain", "已转介"),
    QT_TRANSLATE_NOOP("Domain", "服务中"),
    QT_TRANSLATE_NOOP("Domain", "已解决"),
    QT_TRANSLATE_NOOP("Domain", "无法解决"),
    QT_TRANSLATE_NOOP("Domain", "紧急"),
    QT_TRANSLATE_NOOP("Domain", "一般"),
    QT_TRANSLATE_NOOP("Domain", "不急"),
    # open-need age (services.stats)
    QT_TRANSLATE_NOOP("Domain", "7天内"),
    QT_TRANSLATE_NOOP("Domain", "8–30天"),
    QT_TRANSLATE_NOOP("Domain", "31–90天"),
    QT_TRANSLATE_NOOP("Domain", "90天以上"),
    # visit modes and risk (domain.visit_content, domain.schedule)
    QT_TRANSLATE_NOOP("Domain", "入户"),
    QT_TRANSLATE_NOOP("Domain", "电话"),
    QT_TRANSLATE_NOOP("Domain", "视频"),
    QT_TRANSLATE_NOOP("Domain", "入户走访"),
    QT_TRANSLATE_NOOP("Domain", "电话探访"),
    QT_TRANSLATE_NOOP("Domain", "视频探访"),
    QT_TRANSLATE_NOOP("Domain", "高风险"),
    # visit content: levels, areas, issues, risk flags (domain.visit_content)
    QT_TRANSLATE_NOOP("Domain", "正常"),
    QT_TRANSLATE_NOOP("Domain", "需关注"),
    QT_TRANSLATE_NOOP("Domain", "有问题"),
    QT_TRANSLATE_NOOP("Domain", "健康"),
    QT_TRANSLATE_NOOP("Domain", "经济"),
    QT_TRANSLATE_NOOP("Domain", "家庭赡养扶养"),
    QT_TRANSLATE_NOOP("Domain", "居住安全"),
    QT_TRANSLATE_NOOP("Domain", "服务需求"),
    QT_TRANSLATE_NOOP("Domain", "表达困难"),
    QT_TRANSLATE_NOOP("Domain", "行动不便"),
    QT_TRANSLATE_NOOP("Domain", "反应迟缓"),
    QT_TRANSLATE_NOOP("Domain", "疾病控制不佳"),
    QT_TRANSLATE_NOOP("Domain", "精神状况差"),
    QT_TRANSLATE_NOOP("Domain", "近期住院"),
    QT_TRANSLATE_NOOP("Domain", "衣食困难"),
    QT_TRANSLATE_NOOP("Domain", "就医困难"),
    QT_TRANSLATE_NOOP("Domain", "住房困难"),
    QT_TRANSLATE_NOOP("Domain", "未享受应享政策"),
    QT_TRANSLATE_NOOP("Domain", "赡养扶养义务未履行"),
    QT_TRANSLATE_NOOP("Domain", "家人很少看望"),
    QT_TRANSLATE_NOOP("Domain", "家庭矛盾"),
    QT_TRANSLATE_NOOP("Domain", "用电隐患"),
    QT_TRANSLATE_NOOP("Domain", "燃气隐患"),
    QT_TRANSLATE_NOOP("Domain", "用水隐患"),
    QT_TRANSLATE_NOOP("Domain", "房屋安全隐患"),
    QT_TRANSLATE_NOOP("Domain", "地面湿滑或缺扶手"),
    QT_TRANSLATE_NOOP("Domain", "无紧急呼叫设备"),
    QT_TRANSLATE_NOOP("Domain", "康复护理"),
    QT_TRANSLATE_NOOP("Domain", "居家适老化改造"),
    QT_TRANSLATE_NOOP("Domain", "助医"),
    QT_TRANSLATE_NOOP("Domain", "跌倒"),
    QT_TRANSLATE_NOOP("Domain", "走失"),
    QT_TRANSLATE_NOOP("Domain", "独居无人照应"),
    QT_TRANSLATE_NOOP("Domain", "安全隐患"),
    QT_TRANSLATE_NOOP("Domain", "突发疾病"),
    QT_TRANSLATE_NOOP("Domain", "情绪危机"),
    # presence at a household visit (services.household_visits)
    QT_TRANSLATE_NOOP("Domain", "在家"),
    QT_TRANSLATE_NOOP("Domain", "不在家"),
    QT_TRANSLATE_NOOP("Domain", "未见到"),
    # cadence units (domain.schedule)
    QT_TRANSLATE_NOOP("Domain", "天"),
    QT_TRANSLATE_NOOP("Domain", "周"),
    QT_TRANSLATE_NOOP("Domain", "个月"),
    # advisory and errand services (services.service_log)
    QT_TRANSLATE_NOOP("Domain", "需求主动发现"),
    QT_TRANSLATE_NOOP("Domain", "政策咨询办理"),
    QT_TRANSLATE_NOOP("Domain", "养老资源介绍链接"),
    QT_TRANSLATE_NOOP("Domain", "养老服务合理建议"),
    QT_TRANSLATE_NOOP("Domain", "业务帮办"),
    QT_TRANSLATE_NOOP("Domain", "生活代办"),
    # projects (services.participation)
    QT_TRANSLATE_NOOP("Domain", "院落楼栋居民自治"),
    QT_TRANSLATE_NOOP("Domain", "村民小组或自然村自治"),
    QT_TRANSLATE_NOOP("Domain", "协商议事"),
    QT_TRANSLATE_NOOP("Domain", "互助养老"),
    QT_TRANSLATE_NOOP("Domain", "文体活动"),
    QT_TRANSLATE_NOOP("Domain", "筹备中"),
    QT_TRANSLATE_NOOP("Domain", "进行中"),
    QT_TRANSLATE_NOOP("Domain", "已结项"),
    # resources (services.resources)
    QT_TRANSLATE_NOOP("Domain", "服务设施"),
    QT_TRANSLATE_NOOP("Domain", "服务项目"),
    QT_TRANSLATE_NOOP("Domain", "服务平台"),
    QT_TRANSLATE_NOOP("Domain", "服务人员"),
    QT_TRANSLATE_NOOP("Domain", "社会组织"),
    QT_TRANSLATE_NOOP("Domain", "驻区单位"),
    QT_TRANSLATE_NOOP("Domain", "共建单位"),
    # pilot-report stages (reports.pilot_report)
    QT_TRANSLATE_NOOP("Domain", "方案"),
    QT_TRANSLATE_NOOP("Domain", "中期评估"),
    QT_TRANSLATE_NOOP("Domain", "结项评估"),
    # notes (services.stats)
    QT_TRANSLATE_NOOP("Domain", "统计期内没有定稿的居家适老化改造评估表"),
    # the default cadence rules' names and basis notes (domain.schedule.DEFAULT_RULES): stored
    # as data when an administrator first edits the rules, shown translated while unchanged
    QT_TRANSLATE_NOOP("Domain", "高风险老年人"),
    QT_TRANSLATE_NOOP("Domain", "特殊困难老年人"),
    QT_TRANSLATE_NOOP("Domain", "其他老年人"),
    QT_TRANSLATE_NOOP(
        "Domain", "本地选择：参照地方探访关爱做法（高风险对象每周至少一次），非国家统一要求"
    ),
    QT_TRANSLATE_NOOP(
        "Domain",
        "国家要求：2025年底特殊困难老年人月探访率达到100%（独居、空巢、留守、失能、重残、"
        "计划生育特殊家庭）；按月探访为最低频次",
    ),
    QT_TRANSLATE_NOOP("Domain", "本地选择：参照地方做法（一般对象每季度至少一次），非国家统一要求"),
)


def label(text: str) -> str:
    """``text`` (a domain label) in the interface language."""
    return QCoreApplication.translate(CONTEXT, text)
