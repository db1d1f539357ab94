"""Word pools for the demo data (labdesk.services.demo): staff, companies, places, the test catalogue
and the instrument kinds of a Chinese construction-materials testing laboratory.

Kept apart from the generator so the generator reads as logic; everything here is plain data.
"""

# ruff: noqa: E501 - the Chinese text uses full-width punctuation on purpose, and the data
# tables below read best one row per line

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from labdesk.models import JobRoleKey, PricingUnit

R = JobRoleKey

JOB_ROLE_NAMES: dict[JobRoleKey, str] = {
    R.FRONT_DESK: "收样/业务受理",
    R.TECHNICIAN: "检测员",
    R.EQUIPMENT_MANAGER: "设备管理员",
    R.FINANCE: "财务",
    R.SIGNATORY: "授权签字人",
    R.SALES: "销售/客服",
    R.ADMIN: "系统管理员",
}

# (login, full name, department, roles). The first front-desk, technician, ... of each role is the
# usual actor of that role's workflow steps in the demo.
STAFF: list[tuple[str, str, str, tuple[JobRoleKey, ...]]] = [
    ("liuyang", "刘洋", "综合办公室", (R.ADMIN,)),
    ("zhangwei", "张伟", "业务受理室", (R.FRONT_DESK,)),
    ("wangfang", "王芳", "业务受理室", (R.FRONT_DESK,)),
    ("lina", "李娜", "业务受理室", (R.FRONT_DESK, R.SALES)),
    ("chenjie", "陈杰", "力学室", (R.TECHNICIAN,)),
    ("yangfan", "杨帆", "力学室", (R.TECHNICIAN,)),
    ("hujianguo", "胡建国", "力学室", (R.TECHNICIAN,)),
    ("zhaolei", "赵磊", "建材室", (R.TECHNICIAN,)),
    ("huangmin", "黄敏", "建材室", (R.TECHNICIAN,)),
    ("guoxiaodong", "郭晓东", "建材室", (R.TECHNICIAN,)),
    ("zhouqiang", "周强", "化学室", (R.TECHNICIAN,)),
    ("wujing", "吴静", "化学室", (R.TECHNICIAN,)),
    ("xuhao", "徐浩", "地基基础室", (R.TECHNICIAN,)),
    ("sunli", "孙丽", "地基基础室", (R.TECHNICIAN,)),
    ("majun", "马军", "结构室", (R.TECHNICIAN,)),
    ("zhuting", "朱婷", "结构室", (R.TECHNICIAN,)),
    ("linyu", "林雨", "环境室", (R.TECHNICIAN,)),
    ("heyong", "何勇", "设备科", (R.EQUIPMENT_MANAGER,)),
    ("gaoyan", "高燕", "设备科", (R.EQUIPMENT_MANAGER, R.TECHNICIAN)),
    ("luojuan", "罗娟", "财务室", (R.FINANCE,)),
    ("zhengmei", "郑梅", "财务室", (R.FINANCE,)),
    ("liangzhiqiang", "梁志强", "技术负责人", (R.SIGNATORY, R.TECHNICIAN)),
    ("xiehaiyan", "谢海燕", "质量负责人", (R.SIGNATORY,)),
    ("songwenbo", "宋文博", "授权签字人", (R.SIGNATORY,)),
    ("tangchao", "唐超", "市场部", (R.SALES,)),
    ("xujiahui", "许佳慧", "市场部", (R.SALES,)),
    ("hanlei", "韩磊", "市场部", (R.SALES,)),
]
INACTIVE_LOGINS = frozenset({"guoxiaodong"})  # left the lab: deactivated, still named on old documents

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
GIVEN_NAMES = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "建华",
    "志强",
    "晓东",
    "海燕",
    "国平",
    "文博",
    "子涵",
    "宇航",
    "思远",
    "佳怡",
    "春梅",
    "立新",
    "红霞",
    "建军",
    "振宇",
    "雪梅",
    "德明",
    "永强",
    "丽萍",
    "国庆",
]
CONTACT_TITLES = ["项目经理", "材料员", "资料员", "技术负责人", "采购经理", "质检员", "总工程师", "试验员"]


class City(NamedTuple):
    province: str
    name: str
    region_code: str  # 行政区划代码, part of the 统一社会信用代码
    area_code: str
    districts: tuple[str, ...]


CITIES = [
    City("浙江省", "杭州", "330100", "0571", ("西湖区", "滨江区", "余杭区", "萧山区")),
    City("江苏省", "南京", "320100", "025", ("鼓楼区", "江宁区", "建邺区")),
    City("江苏省", "苏州", "320500", "0512", ("工业园区", "吴中区", "相城区")),
    City("", "上海", "310100", "021", ("浦东新区", "闵行区", "嘉定区")),
    City("广东省", "广州", "440100", "020", ("天河区", "番禺区", "黄埔区")),
    City("广东省", "深圳", "440300", "0755", ("南山区", "龙岗区", "宝安区")),
    City("湖北省", "武汉", "420100", "027", ("洪山区", "江夏区", "东西湖区")),
    City("四川省", "成都", "510100", "028", ("武侯区", "双流区", "郫都区")),
    City("山东省", "济南", "370100", "0531", ("历下区", "槐荫区", "历城区")),
    City("", "北京", "110100", "010", ("朝阳区", "丰台区", "大兴区")),
]
ROADS = [
    "文一西路",
    "江南大道",
    "建设路",
    "人民路",
    "中山路",
    "解放路",
    "科技大道",
    "新华路",
    "长江路",
    "发展大道",
    "金沙路",
    "创业路",
    "学院路",
    "东风路",
]
BRANDS = [
    "宏达",
    "中建",
    "华润",
    "金城",
    "鑫源",
    "恒信",
    "东方",
    "天成",
    "博远",
    "瑞丰",
    "永盛",
    "远大",
    "国泰",
    "嘉诚",
    "明珠",
    "华泰",
    "海川",
    "正泰",
    "宏远",
    "新城",
    "广厦",
    "万家",
    "中天",
    "绿源",
    "力拓",
    "安固",
]
# customer_type -> (industry, name templates); {c} is the city, {b} a brand word.
CUSTOMER_KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "施工单位": ("房屋建筑", ("{c}{b}建设集团有限公司", "{b}建筑工程有限公司", "{c}{b}建工集团有限公司")),
    "建设单位": ("房地产开发", ("{c}{b}房地产开发有限公司", "{c}{b}置业有限公司")),
    "市政路桥": ("市政工程", ("{c}{b}市政工程有限公司", "{c}{b}路桥建设有限公司")),
    "监理单位": ("工程咨询", ("{b}工程监理有限公司", "{c}{b}工程咨询有限公司")),
    "材料供应商": (
        "建材生产",
        (
            "{c}{b}商品混凝土有限公司",
            "{b}建材有限公司",
            "{c}{b}水泥有限公司",
            "{b}防水材料有限公司",
            "{c}{b}钢材贸易有限公司",
        ),
    ),
}
ESTATES = [
    "云栖花园",
    "江南御府",
    "翡翠城",
    "锦绣华庭",
    "滨江壹号",
    "未来科技城",
    "青山湖畔",
    "金色家园",
    "紫金名苑",
    "阳光水岸",
    "东湖春晓",
    "星河湾",
]
INFRA_WORKS = [
    "地铁{n}号线{d}站土建工程",
    "{r}道路改造工程",
    "{d}污水处理厂扩建工程",
    "{r}跨河大桥工程",
    "{d}综合管廊工程",
]
STRUCTURE_TYPES = ["框架结构", "剪力墙结构", "框架-剪力墙结构", "钢结构", "砖混结构", "框架-核心筒结构"]
CONTACT_SUMMARIES = [
    "走访工地，了解{p}后续材料送检计划",
    "电话沟通钢筋复试报告领取事宜",
    "客户反馈报告出具偏慢，已协调加急处理",
    "洽谈年度检测框架合同续签",
    "微信发送最新检测收费标准",
    "回访：客户对检测服务满意",
    "催收上季度检测费，客户承诺月底付款",
    "介绍新开通的地基基础检测项目",
    "协助客户预约现场取芯检测",
]


class TestItemSpec(NamedTuple):
    code: str
    name: str
    standard: str
    parameter: str
    price: Decimal
    unit: PricingUnit
    days: int
    department: str
    material: str  # which sample type it is done on (SAMPLE_KINDS key)


# code | name | method standard | parameter | list price | pricing unit (S sample, P parameter, T point) |
# turnaround days | department | sample type it is done on (SAMPLE_KINDS key)
_TEST_ITEM_TABLE = """
HNT-01 | 混凝土抗压强度 | GB/T 50081-2019 | 抗压强度 | 60 | S | 1 | 力学室 | 混凝土
HNT-02 | 混凝土抗折强度 | GB/T 50081-2019 | 抗折强度 | 80 | S | 1 | 力学室 | 混凝土
HNT-03 | 混凝土抗渗性能 | GB/T 50082-2009 | 抗渗等级 | 400 | S | 5 | 建材室 | 混凝土
HNT-04 | 混凝土配合比设计 | JGJ 55-2011 | 配合比 | 1500 | S | 30 | 建材室 | 混凝土
GJ-01 | 钢筋拉伸 | GB/T 228.1-2021 | 屈服强度/抗拉强度/断后伸长率 | 80 | S | 2 | 力学室 | 钢筋
GJ-02 | 钢筋弯曲 | GB/T 232-2010 | 弯曲性能 | 40 | S | 2 | 力学室 | 钢筋
GJ-03 | 钢筋重量偏差 | GB/T 1499.2-2018 | 重量偏差 | 30 | S | 1 | 力学室 | 钢筋
GJ-04 | 钢筋机械连接接头 | JGJ 107-2016 | 极限抗拉强度 | 120 | S | 2 | 力学室 | 钢筋
GJ-05 | 钢筋焊接接头拉伸 | JGJ/T 27-2014 | 抗拉强度 | 80 | S | 2 | 力学室 | 钢筋
SN-01 | 水泥胶砂强度 | GB/T 17671-2021 | 3d/28d抗折、抗压强度 | 150 | S | 28 | 建材室 | 水泥
SN-02 | 水泥凝结时间与安定性 | GB/T 1346-2011 | 凝结时间/安定性 | 120 | P | 2 | 建材室 | 水泥
SN-03 | 水泥细度 | GB/T 1345-2005 | 80μm筛余 | 50 | P | 1 | 建材室 | 水泥
SN-04 | 水泥比表面积 | GB/T 8074-2008 | 比表面积 | 80 | P | 1 | 建材室 | 水泥
SA-01 | 砂颗粒级配 | JGJ 52-2006 | 细度模数 | 60 | P | 2 | 建材室 | 砂
SA-02 | 砂含泥量 | JGJ 52-2006 | 含泥量 | 50 | P | 2 | 建材室 | 砂
SA-03 | 砂泥块含量 | JGJ 52-2006 | 泥块含量 | 50 | P | 2 | 建材室 | 砂
SA-04 | 砂氯离子含量 | JGJ 52-2006 | 氯离子含量 | 100 | P | 3 | 化学室 | 砂
SZ-01 | 碎石颗粒级配 | JGJ 52-2006 | 颗粒级配 | 60 | P | 2 | 建材室 | 碎石
SZ-02 | 碎石针片状颗粒含量 | JGJ 52-2006 | 针片状含量 | 60 | P | 2 | 建材室 | 碎石
SZ-03 | 碎石压碎值指标 | JGJ 52-2006 | 压碎值 | 80 | P | 2 | 建材室 | 碎石
QT-01 | 烧结砖抗压强度 | GB/T 2542-2012 | 抗压强度 | 100 | S | 3 | 力学室 | 砌体材料
QT-02 | 蒸压加气混凝土砌块抗压强度 | GB/T 11969-2020 | 抗压强度/干密度 | 150 | S | 3 | 力学室 | 砌体材料
FS-01 | 防水卷材拉力 | GB/T 328.8-2007 | 拉力/延伸率 | 150 | P | 3 | 建材室 | 防水卷材
FS-02 | 防水卷材不透水性 | GB/T 328.10-2007 | 不透水性 | 100 | P | 2 | 建材室 | 防水卷材
FS-03 | 防水卷材低温柔性 | GB/T 328.14-2007 | 低温柔性 | 100 | P | 2 | 建材室 | 防水卷材
WJJ-01 | 混凝土外加剂减水率 | GB 8076-2008 | 减水率 | 300 | P | 7 | 化学室 | 外加剂
TG-01 | 土的击实试验 | GB/T 50123-2019 | 最大干密度/最优含水率 | 400 | S | 3 | 地基基础室 | 土工
TG-02 | 压实度（环刀法） | GB/T 50123-2019 | 压实系数 | 50 | T | 1 | 地基基础室 | 土工
XC-01 | 回弹法检测混凝土抗压强度 | JGJ/T 23-2011 | 强度推定值 | 30 | T | 3 | 结构室 | 现场检测
XC-02 | 钻芯法检测混凝土强度 | JGJ/T 384-2016 | 芯样抗压强度 | 300 | T | 5 | 结构室 | 现场检测
XC-03 | 钢筋保护层厚度 | JGJ/T 152-2019 | 保护层厚度 | 20 | T | 2 | 结构室 | 现场检测
XC-04 | 基桩低应变检测 | JGJ 106-2014 | 桩身完整性 | 150 | T | 5 | 地基基础室 | 现场检测
XC-05 | 平板载荷试验 | GB 50007-2011 | 地基承载力特征值 | 3000 | T | 7 | 地基基础室 | 现场检测
HJ-01 | 室内空气甲醛浓度 | GB 50325-2020 | 甲醛 | 200 | T | 3 | 环境室 | 现场检测
"""
_UNITS = {"S": PricingUnit.PER_SAMPLE, "P": PricingUnit.PER_PARAMETER, "T": PricingUnit.PER_POINT}
TEST_ITEMS = [
    TestItemSpec(
        code,
        name,
        std,
        param,
        Decimal(price).quantize(Decimal("0.01")),
        _UNITS[unit],
        int(days),
        dept,
        material,
    )
    for code, name, std, param, price, unit, days, dept, material in (
        [field.strip() for field in line.split("|")] for line in _TEST_ITEM_TABLE.strip().splitlines()
    )
]
# (code, name, item codes); the package price is 90 % of the items' list prices, rounded down to 10 yuan.
PACKAGES = [
    ("TC-01", "水泥常规检测套餐", ("SN-01", "SN-02", "SN-03")),
    ("TC-02", "钢筋原材复试套餐", ("GJ-01", "GJ-02", "GJ-03")),
    ("TC-03", "砂常规检测套餐", ("SA-01", "SA-02", "SA-03")),
    ("TC-04", "碎石常规检测套餐", ("SZ-01", "SZ-02", "SZ-03")),
    ("TC-05", "防水卷材常规检测套餐", ("FS-01", "FS-02", "FS-03")),
]


class SampleKind(NamedTuple):
    names: tuple[str, ...]
    specs: tuple[str, ...]
    unit: str
    quantities: tuple[int, ...]
    storage: str
    stages: tuple[str, ...]  # the task stages a material-type project goes through


SAMPLE_KINDS: dict[str, SampleKind] = {
    "混凝土": SampleKind(
        ("C30混凝土试块", "C35混凝土试块", "C40混凝土试块", "C25混凝土试块", "C50混凝土试块"),
        ("150mm×150mm×150mm", "100mm×100mm×100mm", "抗渗试件 175/185×150mm"),
        "组",
        (1, 2, 3),
        "标准养护室 20±2℃ RH≥95%",
        ("制样", "养护", "试压", "数据处理"),
    ),
    "钢筋": SampleKind(
        ("热轧带肋钢筋 HRB400E", "热轧光圆钢筋 HPB300", "钢筋直螺纹连接接头", "钢筋闪光对焊接头"),
        ("Φ12", "Φ16", "Φ20", "Φ25", "Φ28", "Φ32"),
        "组",
        (1, 2),
        "常温干燥",
        ("制样", "拉伸", "弯曲", "数据处理"),
    ),
    "水泥": SampleKind(
        ("P·O 42.5 普通硅酸盐水泥", "P·O 52.5 普通硅酸盐水泥", "P·S·A 32.5 矿渣硅酸盐水泥"),
        ("散装", "袋装 50kg"),
        "kg",
        (12, 20),
        "干燥密封",
        ("制样", "养护", "试压", "数据处理"),
    ),
    "砂": SampleKind(
        ("天然中砂", "机制砂", "天然细砂"),
        ("Ⅱ区中砂", "Ⅲ区细砂"),
        "kg",
        (20, 30),
        "常温",
        ("缩分", "烘干", "筛分", "数据处理"),
    ),
    "碎石": SampleKind(
        ("碎石", "卵石"),
        ("5-25mm", "5-31.5mm", "10-20mm"),
        "kg",
        (40, 60),
        "常温",
        ("缩分", "烘干", "筛分", "数据处理"),
    ),
    "砌体材料": SampleKind(
        ("MU10烧结多孔砖", "MU15烧结普通砖", "A3.5 B06加气混凝土砌块"),
        ("240mm×115mm×90mm", "600mm×240mm×200mm"),
        "组",
        (1,),
        "常温",
        ("制样", "试压"),
    ),
    "防水卷材": SampleKind(
        ("SBS改性沥青防水卷材", "自粘聚合物改性沥青防水卷材", "高分子防水卷材"),
        ("Ⅱ型 PY 4mm", "Ⅰ型 3mm", "1.5mm"),
        "m²",
        (2, 3),
        "阴凉通风",
        ("裁样", "状态调节", "试验"),
    ),
    "外加剂": SampleKind(
        ("聚羧酸高性能减水剂", "萘系高效减水剂", "混凝土膨胀剂"),
        ("标准型", "缓凝型"),
        "kg",
        (5, 10),
        "密封避光",
        ("配制", "拌合", "测试"),
    ),
    "土工": SampleKind(
        ("回填土", "路基填料", "灰土"),
        ("扰动土样", "环刀试样"),
        "kg",
        (20, 30),
        "密封保湿",
        ("制样", "击实", "数据处理"),
    ),
    "现场检测": SampleKind(
        ("主体结构实体", "桩基础", "地基", "室内空气"),
        ("现场", "现场抽检"),
        "项",
        (1,),
        "—",
        ("进场准备", "现场检测", "数据处理"),
    ),
}


class InstrumentKind(NamedTuple):
    name: str
    category: str
    models: tuple[tuple[str, str], ...]  # (manufacturer, model)
    measuring_range: str
    accuracy: str
    intervals: tuple[int, ...]  # calibration interval choices in months
    internal: bool  # calibrated in-house rather than by a metrology institute
    price: tuple[int, int]  # purchase price range, yuan
    location: str


# name | category | manufacturer:model; ... | measuring range | accuracy | calibration interval (months) |
# calibrated by (内 in-house, 外 metrology institute) | purchase price range (yuan) | location
_INSTRUMENT_TABLE = """
万能材料试验机 | 力学设备 | 济南试金:WAW-1000B; 上海华龙:WAW-1000D; 济南时代试金:WAW-600 | 0-1000kN | 1级 | 12 | 外 | 80000-300000 | 力学室
压力试验机 | 力学设备 | 上海华龙:YAW-2000; 济南试金:YES-2000; 无锡建仪:TYA-3000 | 0-2000kN | 1级 | 12 | 外 | 40000-150000 | 力学室
电子天平 | 称量设备 | 梅特勒-托利多:ME204E; 梅特勒-托利多:ML3002T; 赛多利斯:BSA224S; 上海舜宇恒平:FA2004 | 0-220g | I级 d=0.1mg | 12 | 外 | 3000-30000 | 化学室
电子台秤 | 称量设备 | 上海友声:TCS-150; 梅特勒-托利多:TCS-300 | 0-150kg | III级 | 12 | 外 | 800-3000 | 收样室
恒温恒湿养护箱 | 环境设备 | 沧州路达:SHBY-40B; 无锡建仪:HBY-40A | 20±1℃, ≥95%RH | ±1℃ | 12 | 内 | 3000-8000 | 标准养护室
全站仪 | 测量设备 | 徕卡:TS06plus; 拓普康:GTS-2002; 南方测绘:NTS-362R | 测角 360°, 测距 0-3000m | 2″, 2mm+2ppm | 12 | 外 | 25000-90000 | 结构室
水准仪 | 测量设备 | 苏州一光:DSZ2; 徕卡:NA2 | — | ±0.7mm/km | 12 | 外 | 3000-20000 | 结构室
回弹仪 | 现场检测设备 | 山东乐陵:ZC3-A; 天津建仪:HT225 | 10-60MPa | 标准能量 2.207J | 6 | 外 | 800-2000 | 结构室
钢筋保护层测定仪 | 现场检测设备 | 北京智博联:ZBL-R630A; Proceq:Profoscope | 0-180mm | ±1mm | 12 | 外 | 15000-60000 | 结构室
基桩动测仪 | 现场检测设备 | 武汉中岩:RSM-PRT; 北京智博联:ZBL-P8100 | — | ±1% | 12 | 外 | 40000-120000 | 地基基础室
静载荷测试仪 | 现场检测设备 | 武汉岩海:RS-JYC; 武汉中岩:RSM-JC | 0-60MPa | 0.4级 | 12 | 外 | 50000-150000 | 地基基础室
水泥胶砂搅拌机 | 建材设备 | 无锡建仪:JJ-5; 沧州路达:JJ-5A | — | — | 12 | 内 | 2000-6000 | 建材室
水泥净浆搅拌机 | 建材设备 | 无锡建仪:NJ-160A | — | — | 12 | 内 | 2000-5000 | 建材室
负压筛析仪 | 建材设备 | 无锡建仪:FSY-150 | -4000~-6000Pa | — | 12 | 内 | 1500-4000 | 建材室
标准振筛机 | 建材设备 | 上虞道墟:ZBSX-92A | — | — | 24 | 内 | 1500-3000 | 建材室
电热鼓风干燥箱 | 环境设备 | 上海一恒:DHG-9140A; 上海精宏:DHG-9240A | RT+10~250℃ | ±1℃ | 12 | 外 | 3000-9000 | 建材室
混凝土抗渗仪 | 建材设备 | 沧州路达:HS-4; 无锡建仪:HP-4.0 | 0-4MPa | 1.6级 | 12 | 外 | 8000-20000 | 建材室
紫外可见分光光度计 | 分析仪器 | 上海精科:752N; 岛津:UV-2600i | 190-1100nm | ±0.5nm | 12 | 外 | 8000-120000 | 环境室
游标卡尺 | 量具 | 上海量具刃具:0-150mm; 哈尔滨量具刃具:0-300mm | 0-300mm | 0.02mm | 12 | 外 | 100-600 | 力学室
钢卷尺 | 量具 | 得力:5m; 长城精工:7.5m | 0-7.5m | Ⅱ级 | 24 | 外 | 20-80 | 收样室
"""


def _instrument_kind(line: str) -> InstrumentKind:
    name, category, models, span, accuracy, months, by, price, location = (f.strip() for f in line.split("|"))
    low, high = price.split("-")
    makers = tuple((m.split(":")[0].strip(), m.split(":")[1]) for m in models.split(";"))
    return InstrumentKind(
        name, category, makers, span, accuracy, (int(months),), by == "内", (int(low), int(high)), location
    )


INSTRUMENT_KINDS = [_instrument_kind(line) for line in _INSTRUMENT_TABLE.strip().splitlines()]
CALIBRATION_PROVIDERS = [
    "浙江省计量科学研究院",
    "江苏省计量科学研究院",
    "上海市计量测试技术研究院",
    "中国测试技术研究院",
    "广州计量检测技术研究院",
    "山东省计量科学研究院",
]
INTERNAL_PROVIDER = "本中心设备科（内部校准）"
REPAIR_FAULTS = [
    ("液压系统漏油，加载不稳", "更换油缸密封圈，校准合格后恢复使用"),
    ("显示屏无读数", "更换显示控制板"),
    ("力值传感器示值漂移超差", "更换传感器，重新校准合格"),
    ("温控失灵，箱内温度超过 22℃", "更换温控器与加湿器"),
    ("电机异响，转速不稳", "更换轴承"),
    ("开机自检失败，提示称量单元错误", "返厂维修，更换称量模块"),
]
SUBCONTRACTORS = ["省建科院检测中心有限公司", "中科环境检测（苏州）有限公司", "华东岩土工程检测有限公司"]
SEAL_NAMES = ["检验检测专用章", "CMA资质认定标志章"]
LABEL_PRINTERS = ["Zebra ZD421 (设备科)", "TSC TTP-244 Pro (收样室)", "Godex G500 (样品室)"]
CANCEL_REASONS = ["客户取消委托", "样品不符合检测要求，退回", "重复登记，作废", "工程暂停，客户撤回"]
BLOCKERS = ["等待试块养护至28d龄期", "设备送检中，暂停试验", "样品数量不足，已联系委托方补样"]
