"""Demo residents of a Suzhou community (演示数据), generated deterministically from a seed.

:func:`generate_households` streams :class:`DemoHousehold` objects, each holding its
:class:`DemoPerson` members, until the requested number of people is reached. The same seed
and arguments always give the same people, so benchmarks and screenshots are repeatable; memory
stays flat (only a small counter table for unique ID numbers is kept), so 500,000 people stream
in seconds.

What makes the data realistic enough for a register:

- elders aged mostly 60–100 (about 15% 80+, 2% 90+), some households with an adult child or a
  90+ parent cared for by a 60-something child;
- valid 18-digit ID numbers (MOD 11-2 check digit) with Suzhou area codes — mostly the
  district's current code, some retired ones (320502/3/4, 320584) as on old cards;
- common Jiangsu surnames and era-typical given names; mobile and 0512 landline numbers;
- categories at plausible rates (独居 ~10%, 空巢 for most couples on their own, 失能/失智 rising
  with age, a few 低保/特困/重残/计划生育特殊家庭), living arrangements consistent with the
  household (GB/T 42195 A.2.10 codes);
- urban addresses 小区/楼栋/单元/室, rural ones 自然村/组/门牌; every address unique.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from afc_desktop.domain.ages import age_on, years_before
from afc_desktop.domain.idcard import check_digit

SURNAMES = (
    "张王李陈周徐朱沈顾陆吴钱孙杨黄蒋金许姚邹严潘范丁薛戴胡刘赵施宋蔡曹冯汤袁唐俞秦"
    "江程叶毛高郁华浦费盛殷邵龚倪季马谢韩方尤钟阮何孔卢"
)
# The most common surnames of Jiangsu carry more weight (王 and 张 about 1 in 15 each).
_COMMON = "王张陈李周徐朱沈顾陆吴"
_SURNAME_POOL = SURNAMES + _COMMON * 3 + "王张陈" * 2
MALE_GIVEN = (
    "建国",
    "国强",
    "福林",
    "根生",
    "金宝",
    "阿毛",
    "永康",
    "志明",
    "德明",
    "荣根",
    "雪根",
    "耀祖",
    "文华",
    "国平",
    "建华",
    "明",
    "伟",
    "强",
    "军",
    "勇",
    "杰",
    "兴元",
    "伯年",
    "炳荣",
    "其昌",
    "鸿生",
    "水根",
    "云龙",
    "宝林",
    "锦华",
    "仁德",
    "正平",
    "振东",
    "家骏",
    "友良",
    "海泉",
    "松林",
    "志刚",
    "树德",
    "凤鸣",
    "长根",
    "庆生",
    "瑞卿",
    "金荣",
    "阿四",
)
FEMALE_GIVEN = (
    "秀英",
    "桂英",
    "凤英",
    "根娣",
    "杏英",
    "玉珍",
    "美华",
    "阿妹",
    "月娥",
    "翠英",
    "丽华",
    "彩娣",
    "雪珍",
    "金妹",
    "素琴",
    "惠芬",
    "芳",
    "琴",
    "萍",
    "英",
    "兰",
    "梅",
    "秀兰",
    "玉兰",
    "菊芬",
    "宝珍",
    "林娣",
    "小妹",
    "巧英",
    "文娟",
    "佩芳",
    "月琴",
    "淑贞",
    "爱珍",
    "美娟",
    "瑞英",
    "招娣",
    "阿囡",
    "惠珍",
    "婉君",
    "雅琴",
    "静",
    "红",
    "敏",
    "燕",
)
ESTATES = (
    "梅巷新村",
    "三元一村",
    "彩香一村",
    "友联新村",
    "南环新村",
    "桂花新村",
    "锦绣花园",
    "滨江苑",
    "香溪苑",
    "金华新村",
    "府前小区",
    "东港新村",
    "新湘苑",
    "苏河苑",
    "玲珑花园",
    "康佳苑",
    "朱巷新村",
    "潼泾一村",
    "胥江小区",
    "平江新城",
    "石湖小区",
    "西园新村",
)
NATURAL_VILLAGES = (
    "张家浜",
    "东港",
    "南巷",
    "西塘",
    "北庄",
    "陆家湾",
    "后浜",
    "前村",
    "沈家角",
    "顾家宅",
    "钱家埭",
    "周巷",
    "杨树浜",
    "横泾",
    "朱家村",
    "蒋家桥",
    "里湾",
    "新庄",
    "大圩",
    "小港",
)

# (area codes, weights) for ID numbers: current code mostly, retired codes as on old cards.
_RETIRED_FOR = {"320508": ("320502", "320503", "320504"), "320509": ("320584",)}
_OTHER_SUZHOU = ("320505", "320506", "320507", "320581", "320582", "320583", "320585")

# (lowest age, highest age, cumulative share) of the elders heading households.
_AGE_BINS = ((60, 69, 0.52), (70, 79, 0.85), (80, 89, 0.978), (90, 99, 0.999), (100, 104, 1.0))

# Explicit categories other than the household-driven ones: (code, base rate, rate at 80+).
_HEALTH_CATEGORIES = (
    ("disabled", 0.03, 0.14),
    ("dementia", 0.015, 0.08),
    ("severe_disability", 0.015, 0.03),
)
_ECONOMIC_CATEGORIES = (
    ("dibao", 0.02),
    ("tekun", 0.004),
    ("low_income", 0.025),
    ("family_planning_special", 0.008),
    ("entitled", 0.02),
)


@dataclass
class DemoPerson:
    """One generated resident; ``relation`` is to the head of household (户主)."""

    key: str
    household_key: str
    id_number: str
    name: str
    sex: str  # "M" / "F"
    birth_date: date
    phone: str | None
    relation: str  # self 户主 / spouse 配偶 / child 子女 / parent 父母
    categories: list[str] = field(default_factory=list)
    living_arrangement: str | None = None
    emergency_contact_name: str | None = None
    emergency_contact_phone: str | None = None
    emergency_contact_relation: str | None = None
    is_elder: bool = True  # 60 or over on the generation day


@dataclass
class DemoHousehold:
    """One generated household with its address parts and members."""

    key: str
    kind: str  # "urban" / "rural"
    address: str
    estate: str | None = None  # 小区
    building: str | None = None  # 楼栋 (幢)
    unit: str | None = None  # 单元
    room: str | None = None  # 室
    village: str | None = None  # 自然村
    group: str | None = None  # 组
    door_number: str | None = None  # 门牌
    phone: str | None = None
    members: list[DemoPerson] = field(default_factory=list)


class _Ids:
    """Unique ID numbers: a per (area, birth date, sex) counter gives distinct 顺序码."""

    def __init__(self) -> None:
        self._next: dict[tuple[str, date, str], int] = {}

    def make(self, area: str, born: date, sex: str) -> str:
        key = (area, born, sex)
        n = self._next.get(key, 0)
        self._next[key] = n + 1
        # 顺序码 is odd for men, even for women; a fixed offset per day looks like real cards.
        offset = (born.toordinal() * 7 % 40) * 2 + 10
        seq = offset + n * 2 + (1 if sex == "M" else 0)
        if seq > 999:
            raise ValueError("同一天出生的演示人员过多，无法生成不重复的身份证号")
        first17 = f"{area}{born:%Y%m%d}{seq:03d}"
        return first17 + check_digit(first17)


class DemoGenerator:
    """Streams households; use :func:`generate_households` unless you need the counters."""

    def __init__(
        self,
        *,
        seed: int = 2021,
        district_code: str = "320508",
        community_name: str = "梅巷社区",
        today: date | None = None,
        rural_share: float | None = None,
    ) -> None:
        self.rng = random.Random(seed)
        self.district_code = district_code
        self.community_name = community_name
        self.today = today or date(2026, 1, 1)
        if rural_share is None:
            rural_share = 0.85 if community_name.endswith("村") else 0.05
        self.rural_share = rural_share
        self._ids = _Ids()
        retired = _RETIRED_FOR.get(district_code, ())
        self._areas = (district_code, *retired, *_OTHER_SUZHOU)
        weights = [70.0] + [18.0 / len(retired)] * len(retired) if retired else [88.0]
        weights += [12.0 / len(_OTHER_SUZHOU)] * len(_OTHER_SUZHOU)
        self._area_weights = weights
        self.urban_count = 0
        self.rural_count = 0
        self.people_count = 0

    # --- small pieces ------------------------------------------------------------------

    def _area(self) -> str:
        return self.rng.choices(self._areas, self._area_weights)[0]

    def _birth(self, age: int) -> date:
        start = years_before(self.today, age + 1) + timedelta(days=1)  # 29 Feb safe
        return start + timedelta(days=self.rng.randrange(365))

    def _elder_age(self) -> int:
        # Roughly Suzhou's 60+ age structure: most in their sixties, few past 90, very few 100+.
        r = self.rng.random()
        for low, high, cumulative in _AGE_BINS:
            if r < cumulative:
                return self.rng.randint(low, high)
        return 100

    def _name(self, sex: str, surname: str | None = None) -> str:
        surname = surname or self.rng.choice(_SURNAME_POOL)
        given = self.rng.choice(MALE_GIVEN if sex == "M" else FEMALE_GIVEN)
        return surname + given

    def _mobile(self) -> str:
        prefix = self.rng.choice(("13", "15", "18", "17", "19", "13", "15"))
        return f"{prefix}{self.rng.randrange(10**9):09d}"

    def _elder_phone(self, age: int) -> str | None:
        r = self.rng.random()
        if r < (0.15 if age >= 85 else 0.05):
            return None
        if r < 0.25:
            return f"0512-6{self.rng.randrange(10**7):07d}"
        return self._mobile()

    def _person(
        self, hh: DemoHousehold, sex: str, age: int, relation: str, surname: str | None = None
    ) -> DemoPerson:
        born = self._birth(age)
        self.people_count += 1
        return DemoPerson(
            key=f"P{self.people_count:07d}",
            household_key=hh.key,
            id_number=self._ids.make(self._area(), born, sex),
            name=self._name(sex, surname),
            sex=sex,
            birth_date=born,
            phone=self._elder_phone(age) if relation != "child" else self._mobile(),
            relation=relation,
            is_elder=age >= 60,
        )

    def _address(self, key: str) -> DemoHousehold:
        if self.rng.random() < self.rural_share:
            n = self.rural_count
            self.rural_count += 1
            door = n % 120 + 1
            group = (n // 120) % 15 + 1
            village_i = n // (120 * 15)
            village = NATURAL_VILLAGES[village_i % len(NATURAL_VILLAGES)]
            if village_i >= len(NATURAL_VILLAGES):
                village += f"{village_i // len(NATURAL_VILLAGES) + 1}队"
            return DemoHousehold(
                key=key,
                kind="rural",
                village=village,
                group=f"{group}组",
                door_number=f"{door}号",
                address=f"{self.community_name}{village}{group}组{door}号",
            )
        n = self.urban_count
        self.urban_count += 1
        room_on_floor = n % 2 + 1
        floor = (n // 2) % 6 + 1
        unit = (n // 12) % 3 + 1
        building = (n // 36) % 40 + 1
        estate_i = n // (36 * 40)
        estate = ESTATES[estate_i % len(ESTATES)]
        if estate_i >= len(ESTATES):
            estate += f"{estate_i // len(ESTATES) + 1}期"
        room = f"{floor}0{room_on_floor}"
        return DemoHousehold(
            key=key,
            kind="urban",
            estate=estate,
            building=f"{building}幢",
            unit=f"{unit}单元",
            room=f"{room}室",
            address=f"{estate}{building}幢{unit}单元{room}室",
        )

    def _categories(self, person: DemoPerson, age: int) -> None:
        cats = person.categories
        for code, base, old in _HEALTH_CATEGORIES:
            if self.rng.random() < (old if age >= 80 else base):
                cats.append(code)
        for code, rate in _ECONOMIC_CATEGORIES:
            if self.rng.random() < rate:
                cats.append(code)

    # --- households --------------------------------------------------------------------

    def household(self, index: int) -> DemoHousehold:
        """Build the next household (``index`` only names it)."""
        hh = self._address(f"H{index + 1:07d}")
        rng = self.rng
        r = rng.random()
        head_age = self._elder_age()
        head_sex = "M" if rng.random() < 0.55 else "F"
        head = self._person(hh, head_sex, head_age, "self")
        hh.members.append(head)
        surname = head.name[0]
        if r < 0.14:  # one elder on their own
            head.living_arrangement = "alone"
            head.categories.append("alone")
        else:
            spouse_age = max(60, min(104, head_age + rng.randint(-5, 5)))
            spouse_sex = "F" if head_sex == "M" else "M"
            spouse = self._person(hh, spouse_sex, spouse_age, "spouse")
            hh.members.append(spouse)
            if r < 0.62:  # a couple on their own
                for p in (head, spouse):
                    p.living_arrangement = "with_spouse"
                if rng.random() < 0.8:
                    tag = (
                        "left_behind" if hh.kind == "rural" and rng.random() < 0.3 else "empty_nest"
                    )
                    for p in (head, spouse):
                        p.categories.append(tag)
            elif r < 0.96:  # with an adult child
                child_sex = "M" if rng.random() < 0.5 else "F"
                child_age = max(30, min(head_age - rng.randint(22, 35), 68))
                father = head if head_sex == "M" else spouse
                child = self._person(hh, child_sex, child_age, "child", father.name[0])
                hh.members.append(child)
                for p in (head, spouse):
                    p.living_arrangement = "with_children"
                child.living_arrangement = "with_parents"
            elif head_age > 72:  # too old to have a living parent: with an adult child
                child_sex = "M" if rng.random() < 0.5 else "F"
                father = head if head_sex == "M" else spouse
                child = self._person(hh, child_sex, rng.randint(40, 55), "child", father.name[0])
                hh.members.append(child)
                for p in (head, spouse):
                    p.living_arrangement = "with_children"
                child.living_arrangement = "with_parents"
            else:  # a young-old couple caring for an 85+ parent
                parent_age = min(head_age + rng.randint(22, 30), 101)
                parent = self._person(hh, "F" if rng.random() < 0.7 else "M", parent_age, "parent")
                hh.members.append(parent)
                for p in (head, spouse):
                    p.living_arrangement = "with_parents"
                parent.living_arrangement = "with_children"
        for p in hh.members:
            age = self._age(p.birth_date)
            if p.is_elder:
                self._categories(p, age)
                self._contact(p, surname)
        hh.phone = next((p.phone for p in hh.members if p.phone), None)
        return hh

    def _age(self, born: date) -> int:
        return age_on(born, self.today)

    def _contact(self, person: DemoPerson, surname: str) -> None:
        r = self.rng.random()
        if r < 0.05:
            return
        relation = "子女" if r < 0.85 else ("亲属" if r < 0.95 else "邻居")
        sex = "M" if self.rng.random() < 0.5 else "F"
        person.emergency_contact_name = self._name(sex, surname if relation == "子女" else None)
        person.emergency_contact_phone = self._mobile()
        person.emergency_contact_relation = relation


def generate_households(
    people: int,
    *,
    seed: int = 2021,
    district_code: str = "320508",
    community_name: str = "梅巷社区",
    today: date | None = None,
    rural_share: float | None = None,
) -> Iterator[DemoHousehold]:
    """Stream households until ``people`` residents have been made (the last one is trimmed).

    ``rural_share`` is the fraction of rural (自然村/组/门牌) addresses; by default 0.85 for a
    community whose name ends in 村, else 0.05.
    """
    gen = DemoGenerator(
        seed=seed,
        district_code=district_code,
        community_name=community_name,
        today=today,
        rural_share=rural_share,
    )
    made = 0
    index = 0
    while made < people:
        hh = gen.household(index)
        index += 1
        room = people - made
        if len(hh.members) > room:
            hh.members = hh.members[:room]
            if len(hh.members) == 1:
                head = hh.members[0]
                head.living_arrangement = "alone"
                kept = [c for c in head.categories if c not in ("empty_nest", "left_behind")]
                head.categories = (["alone"] if "alone" not in kept else []) + kept
        made += len(hh.members)
        yield hh


def generate_people(people: int, **kwargs: object) -> Iterator[DemoPerson]:
    """The residents of :func:`generate_households`, one by one."""
    for hh in generate_households(people, **kwargs):  # type: ignore[arg-type]
        yield from hh.members
