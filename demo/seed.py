"""The demo district: `demo_seed` builds it, and running it again changes nothing.

What it holds: the Common Core math framework (imported from `data/ccss-math`); Riverside Unified School
District with two middle schools, a 2026-27 term each, and two math sections for each of grades 6, 7 and 8
at each school; teachers (one teaching two sections, a co-teacher in two others), 300 students with varied
profiles drawn from a fixed seed, a few of their goals; the four demo logins; and an activity catalog
(demo/catalog.py) covering every K-8 target; the MathCAMPS item bank (`data/items`) and the generated questions
with hints and worked solutions for every K-8 target (`assessments/generators`); and weeks of past
exit tickets and quizzes that the students took, simulated (demo/history.py), so mastery and everything built on
it have data from the first run.

Rows are found by their natural keys (usernames, slugs, (term, name)), so a second run creates nothing;
values that drifted (a renamed school, an edited activity) are put back. People who already exist keep
their profiles, apart from the four demo logins, whose password, staff flag and roles are restored so the
demo always signs in. Everything is one transaction: a run that fails leaves nothing half-built.
"""

from __future__ import annotations

import datetime
import os
import random
import sys
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import Argon2PasswordHasher, check_password, get_hasher, make_password
from django.db import models, transaction
from tqdm import tqdm

from analytics.services import snapshot_take_now
from assessments.services import generated_items_sync, items_import
from assessments.models import Assessment, Attempt, Framework, Item, LearningTarget, Response
from assessments.services import CCSS_MATH, standards_import
from demo.catalog import ActivitySpec, TargetSpec, catalog_for
from demo.history import BANK_SOURCE, history_write, unit_sequence
from learners.models import LEVEL_ORDER, Evidence, LearnerGoal, LearnerProfile, MasteryState, Modality
from learners.services import learner_create, learner_goal_create
from learning_platform.calendar import school_today
from learning_platform.models import AcademicTerm, District, Enrollment, Membership, School, Section, User
from learning_platform.services import (
    enrollment_create,
    membership_grant,
    section_create,
    section_teacher_add,
    teacher_create,
    user_create,
)
from playlists.models import Activity, UnitPlan

DEMO_PASSWORD = "waypoint-demo"
DEMO_URL = "http://127.0.0.1:8000/"
CCSS_DIRECTORY = Path(settings.BASE_DIR) / "data" / "ccss-math"
ITEM_BANK_FILE = Path(settings.BASE_DIR) / "data" / "items" / "mathcamps.json"
# Four school weeks give every grade a unit on each target the item bank covers (grade 6 has four) and two
# quizzes. Each attempt goes through the real services, about 40 ms on SQLite with its mastery update, so the
# 2,800 attempts take about two minutes on the first run (a progress bar shows them); `seed_demo
# --history-weeks 1` is quicker.
HISTORY_WEEKS = 4
# The catalog and the generated questions cover every K-8 target: a grade 6 learner's gaps reach back to grade 3
# and further, and each of them needs lessons and questions.
CATALOG_GRADES = ("K", "1", "2", "3", "4", "5", "6", "7", "8")
STUDENTS_PER_SECTION = 25
# Changing the seed changes every generated student (and so their usernames): a new demo, not an update.
ROSTER_SEED = 20260824

DISTRICT = {"slug": "riverside-usd", "name": "Riverside Unified School District", "time_zone": "America/Chicago"}
SCHOOLS = (
    {"slug": "lincoln-ms", "name": "Lincoln Middle School", "time_zone": "America/Chicago"},
    {"slug": "jefferson-ms", "name": "Jefferson Middle School", "time_zone": "America/Chicago"},
)
TERM = {"name": "2026-27", "starts_on": datetime.date(2026, 8, 24), "ends_on": datetime.date(2027, 6, 11)}
# (grade, class period, name) of each school's math sections: every grade meets in two periods.
SECTIONS = tuple(
    (grade, period, f"Math {grade} - Period {period}")
    for grade, periods in (("6", (1, 2)), ("7", (3, 4)), ("8", (5, 6)))
    for period in periods
)


@dataclass(frozen=True)
class Person:
    username: str
    first_name: str
    last_name: str


@dataclass(frozen=True)
class TeacherPlan:
    """A teacher at a school and the sections they teach, alone or with a co-teacher."""

    person: Person
    school_slug: str
    sections: tuple[str, ...]


@dataclass(frozen=True)
class AdminPlan:
    """A school admin (of `school_slug`) or a district admin (when `school_slug` is empty)."""

    person: Person
    school_slug: str = ""


@dataclass(frozen=True)
class GoalPlan:
    target_code: str
    reach_by: datetime.date
    why: str


@dataclass(frozen=True)
class StudentPlan:
    person: Person
    school_slug: str
    section_name: str
    grade: str
    # learners.services.PROFILE_FIELDS values, as learner_create takes them.
    profile: dict
    goals: tuple[GoalPlan, ...] = ()


DEMO_TEACHER = Person("demo-teacher", "Ana", "Torres")
DEMO_STUDENT = Person("demo-student", "Maya", "Rivera")
DEMO_SCHOOL_ADMIN = Person("demo-school-admin", "Grace", "Kim")
DEMO_DISTRICT_ADMIN = Person("demo-district-admin", "Denise", "Whitaker")
DEMO_LOGINS = (
    (DEMO_TEACHER.username, "teacher at Lincoln Middle School: Math 6 - Period 1 and Math 7 - Period 3"),
    (DEMO_STUDENT.username, "grade 6 student in demo-teacher's Math 6 - Period 1, with a full profile and goals"),
    (DEMO_SCHOOL_ADMIN.username, "school admin of Lincoln Middle School: its dashboard and the Django admin"),
    (
        DEMO_DISTRICT_ADMIN.username,
        "district admin of Riverside Unified School District: dashboards at /analytics/ and the Django admin",
    ),
)

TEACHERS = (
    TeacherPlan(DEMO_TEACHER, "lincoln-ms", ("Math 6 - Period 1", "Math 7 - Period 3")),
    TeacherPlan(Person("james.whitfield", "James", "Whitfield"), "lincoln-ms", ("Math 6 - Period 2",)),
    TeacherPlan(Person("priya.raman", "Priya", "Raman"), "lincoln-ms", ("Math 7 - Period 4",)),
    TeacherPlan(Person("keisha.ward", "Keisha", "Ward"), "lincoln-ms", ("Math 8 - Period 5",)),
    TeacherPlan(Person("tomas.novak", "Tomas", "Novak"), "lincoln-ms", ("Math 8 - Period 6",)),
    # The special-education co-teacher, who joins two classes.
    TeacherPlan(Person("daniel.okafor", "Daniel", "Okafor"), "lincoln-ms", ("Math 6 - Period 1", "Math 8 - Period 5")),
    TeacherPlan(Person("laura.nguyen", "Laura", "Nguyen"), "jefferson-ms", ("Math 7 - Period 3", "Math 8 - Period 5")),
    TeacherPlan(Person("robert.haines", "Robert", "Haines"), "jefferson-ms", ("Math 6 - Period 1",)),
    TeacherPlan(Person("fatima.siddiqui", "Fatima", "Siddiqui"), "jefferson-ms", ("Math 6 - Period 2",)),
    TeacherPlan(Person("kevin.obrien", "Kevin", "O'Brien"), "jefferson-ms", ("Math 7 - Period 4",)),
    TeacherPlan(Person("sofia.delgado", "Sofía", "Delgado"), "jefferson-ms", ("Math 8 - Period 6",)),
    # The English-learner specialist, co-teaching two classes.
    TeacherPlan(Person("hannah.berg", "Hannah", "Berg"), "jefferson-ms", ("Math 6 - Period 2", "Math 7 - Period 4")),
)
ADMINS = (
    AdminPlan(DEMO_SCHOOL_ADMIN, "lincoln-ms"),
    AdminPlan(Person("thomas.reyes", "Thomas", "Reyes"), "jefferson-ms"),
    AdminPlan(DEMO_DISTRICT_ADMIN),
)
# Admins use the Django admin (is_staff), which the permission rules scope to what they administer.
STAFF_USERNAMES = frozenset(admin.person.username for admin in ADMINS)

DEMO_STUDENT_PLAN = StudentPlan(
    person=DEMO_STUDENT,
    school_slug="lincoln-ms",
    section_name="Math 6 - Period 1",
    grade="6",
    profile={
        "interests": ["soccer", "baking", "drawing"],
        "career_goals": ["veterinarian"],
        "preferred_modalities": [Modality.HANDS_ON, Modality.VIDEO, Modality.PEER_WORK],
        "has_iep": False,
        "has_504": True,
        "english_learner": False,
        "extended_time_factor": Decimal("1.25"),
        "read_aloud": False,
        "home_language": "Spanish",
        "daily_minutes_budget": 45,
    },
    goals=(
        GoalPlan(
            "6.RP.A.3c",
            datetime.date(2026, 11, 20),
            "When we go shopping there are signs like 30% off and I never know what things actually cost. I want "
            "to figure it out before my mom does.",
        ),
        GoalPlan(
            "6.SP.B.5c",
            datetime.date(2027, 2, 12),
            "I keep the stats for my soccer team. I want to know if our average goals per game is really the best "
            "number to tell people, because one game we scored 9.",
        ),
    ),
)

# Of the 300 students: 14% have an IEP, 6% a 504 plan and 12% are English learners, close to US public
# middle-school rates. Exact counts rather than coin flips, so the demo (and its tests) know what they hold.
IEP_COUNT, SECTION_504_COUNT, ENGLISH_LEARNER_COUNT = 42, 18, 36
# Most IEPs and 504 plans grant extended time, time and a quarter or time and a half.
_EXTENDED_TIME_CHOICES = tuple(Decimal(factor) for factor in ("1.00", "1.25", "1.25", "1.50", "1.50"))

# (home language, share of students, first names, last names)
_NAME_POOLS = (
    (
        "English",
        62,
        (
            "Ava",
            "Liam",
            "Emma",
            "Noah",
            "Olivia",
            "Mason",
            "Harper",
            "Ethan",
            "Chloe",
            "Logan",
            "Lily",
            "Caleb",
            "Grace",
            "Owen",
            "Nora",
            "Wyatt",
            "Zoe",
            "Jackson",
            "Ella",
            "Carter",
            "Aaliyah",
            "Jalen",
            "Imani",
            "Darius",
            "Brianna",
            "Marcus",
            "Destiny",
            "Malik",
            "Jasmine",
            "Tyler",
            "Hailey",
            "Cole",
            "Riley",
            "Jada",
        ),
        (
            "Johnson",
            "Smith",
            "Miller",
            "Davis",
            "Wilson",
            "Anderson",
            "Thomas",
            "Taylor",
            "Moore",
            "Jackson",
            "Martin",
            "Thompson",
            "White",
            "Harris",
            "Clark",
            "Lewis",
            "Robinson",
            "Walker",
            "Young",
            "Allen",
            "King",
            "Wright",
            "Scott",
            "Green",
            "Baker",
            "Adams",
            "Nelson",
            "Hill",
            "Campbell",
            "Mitchell",
            "Murphy",
            "Olson",
            "Schmidt",
            "Brooks",
            "Washington",
            "Coleman",
            "Sullivan",
            "Price",
        ),
    ),
    (
        "Spanish",
        23,
        (
            "Mateo",
            "Sofía",
            "Diego",
            "Valentina",
            "Santiago",
            "Camila",
            "Luis",
            "Ximena",
            "Javier",
            "Lucía",
            "Carlos",
            "Isabella",
            "Andrés",
            "Daniela",
            "Emilio",
            "Gabriela",
            "Adrián",
            "Renata",
            "Miguel",
            "Paola",
        ),
        (
            "García",
            "Hernández",
            "López",
            "Martínez",
            "Rodríguez",
            "González",
            "Pérez",
            "Ramírez",
            "Torres",
            "Flores",
            "Rivera",
            "Morales",
            "Castillo",
            "Ortiz",
            "Vargas",
            "Reyes",
            "Mendoza",
            "Guzmán",
        ),
    ),
    (
        "Polish",
        4,
        ("Jakub", "Zuzanna", "Kacper", "Julia", "Szymon", "Maja", "Filip", "Hanna"),
        ("Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński"),
    ),
    (
        "Arabic",
        3,
        ("Omar", "Layla", "Yousef", "Mariam", "Ahmad", "Noor", "Hassan", "Amira", "Zain"),
        ("Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Hamdan", "Aziz", "Darwish"),
    ),
    (
        "Vietnamese",
        3,
        ("Minh", "Linh", "Bao", "Anh", "Khoa", "Thao", "Duc", "Mai"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vo", "Dang", "Bui"),
    ),
    (
        "Mandarin",
        2,
        ("Wei", "Mei", "Jun", "Xin", "Hao", "Yan", "Lei", "Ying"),
        ("Wang", "Li", "Zhang", "Chen", "Liu", "Yang", "Huang", "Zhao"),
    ),
    (
        "Somali",
        2,
        ("Abdi", "Hodan", "Farah", "Ayaan", "Mohamed", "Sahra", "Liban", "Ifrah"),
        ("Warsame", "Hussein", "Abdullahi", "Osman", "Ali", "Jama", "Aden"),
    ),
    (
        "Ukrainian",
        1,
        ("Oleksandr", "Sofiia", "Maksym", "Anastasiia", "Dmytro", "Yeva"),
        ("Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk"),
    ),
)
INTERESTS = (
    "soccer",
    "basketball",
    "baseball",
    "track and field",
    "swimming",
    "volleyball",
    "skateboarding",
    "dance",
    "drawing",
    "painting",
    "photography",
    "anime",
    "guitar",
    "piano",
    "singing",
    "making beats",
    "baking",
    "cooking",
    "video games",
    "board games",
    "chess",
    "hiking",
    "fishing",
    "animals",
    "gardening",
    "astronomy",
    "rockets",
    "saving money",
    "sneakers",
    "building models",
    "woodworking",
    "coding",
    "robotics",
    "fashion",
)
CAREER_GOALS = (
    "veterinarian",
    "nurse",
    "doctor",
    "engineer",
    "game designer",
    "chef",
    "professional athlete",
    "teacher",
    "architect",
    "electrician",
    "musician",
    "lawyer",
    "auto mechanic",
    "astronaut",
    "graphic designer",
    "video creator",
    "scientist",
    "firefighter",
    "pilot",
    "business owner",
    "dentist",
    "software developer",
    "fashion designer",
    "physical therapist",
    "marine biologist",
    "construction manager",
)
# Goals other students set, each with the interest or career that makes it theirs.
_GOALS = (
    (
        "6",
        "6.RP.A.3b",
        "track and field",
        "",
        datetime.date(2026, 12, 11),
        "I run the mile in PE and I want to know my speed in miles per hour, not just my time.",
    ),
    (
        "6",
        "6.EE.B.7",
        "",
        "",
        datetime.date(2027, 3, 5),
        "My brother says algebra is just guessing. I want to show him you can actually solve for x.",
    ),
    (
        "6",
        "6.NS.C.5",
        "",
        "",
        datetime.date(2026, 10, 30),
        "My cousin in Minnesota says it was -20 degrees there. I want to understand how much colder that is than here.",
    ),
    (
        "7",
        "7.RP.A.2",
        "baking",
        "",
        datetime.date(2026, 11, 13),
        "I want to make my recipes bigger for family parties without messing them up.",
    ),
    (
        "7",
        "7.NS.A.1",
        "",
        "",
        datetime.date(2026, 12, 18),
        "Negative numbers confuse me and I keep losing points on tests because of the signs. I want that to stop.",
    ),
    (
        "7",
        "7.G.B.4",
        "gardening",
        "",
        datetime.date(2027, 4, 16),
        "My grandma and I are making a round garden and I want to figure out how much edging we need to buy.",
    ),
    (
        "7",
        "7.SP.C.7",
        "board games",
        "",
        datetime.date(2027, 5, 7),
        "I want to know if the spinners in our games are actually fair or if I am just unlucky.",
    ),
    (
        "8",
        "8.G.B.7",
        "",
        "architect",
        datetime.date(2027, 3, 19),
        "I want to be an architect, and they use the Pythagorean theorem to check that corners are square.",
    ),
    (
        "8",
        "8.F.A.3",
        "saving money",
        "",
        datetime.date(2027, 1, 29),
        "I am saving for a bike and I want to graph how long it will take with my allowance.",
    ),
    (
        "8",
        "8.EE.A.4",
        "astronomy",
        "",
        datetime.date(2027, 2, 26),
        "Space numbers are huge. I want to actually understand how far away the stars are.",
    ),
    (
        "8",
        "8.EE.C.8",
        "",
        "",
        datetime.date(2027, 4, 30),
        "My mom is choosing between two phone plans and I want to be the one who figures out which is cheaper.",
    ),
)


@dataclass
class DemoReport:
    """What a run created and changed (by kind of row), and what the demo holds afterwards."""

    schools: int
    sections: int
    teachers: int
    students: int
    targets: int
    catalog_targets: int
    activities: int
    # The item bank the district's schools can use, and the history: the demo's assessments, their attempts
    # and responses, the evidence the responses gave and the students' mastery states, counted by level.
    items: int
    assessments: int
    attempts: int
    responses: int
    evidence: int
    mastery_levels: dict[str, int]
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)


def roster() -> list[StudentPlan]:
    """Every student of the demo, section by section: the same list on every call."""
    rng = random.Random(ROSTER_SEED)
    seats = [(school["slug"], grade, name) for school in SCHOOLS for grade, _, name in SECTIONS]
    others = iter(_people(rng, len(seats) * STUDENTS_PER_SECTION - 1))
    demo_seat = (DEMO_STUDENT_PLAN.school_slug, DEMO_STUDENT_PLAN.section_name, 0)
    plans: list[StudentPlan] = []
    for school_slug, grade, section_name in seats:
        for seat in range(STUDENTS_PER_SECTION):
            # The demo student takes the first seat of her section; generated students fill the others.
            if (school_slug, section_name, seat) == demo_seat:
                plans.append(DEMO_STUDENT_PLAN)
                continue
            person, home_language = next(others)
            plans.append(
                StudentPlan(
                    person=person,
                    school_slug=school_slug,
                    section_name=section_name,
                    grade=grade,
                    profile=_profile(rng, home_language),
                )
            )
    return _with_goals(rng, _with_accommodations(rng, plans))


def _people(rng: random.Random, count: int) -> list[tuple[Person, str]]:
    """`count` students with unique usernames, and their home languages."""
    taken = {plan.person.username for plan in (*TEACHERS, *ADMINS, DEMO_STUDENT_PLAN)}
    people = []
    weights = [share for _, share, _, _ in _NAME_POOLS]
    for _ in range(count):
        language, _, first_names, last_names = rng.choices(_NAME_POOLS, weights=weights)[0]
        first_name, last_name = rng.choice(first_names), rng.choice(last_names)
        base = f"{_ascii(first_name)}.{_ascii(last_name)}"
        username, number = base, 2
        while username in taken:
            username, number = f"{base}{number}", number + 1
        taken.add(username)
        people.append((Person(username, first_name, last_name), language))
    return people


def _ascii(name: str) -> str:
    """The name as username letters: "Wiśniewski" -> "wisniewski", "O'Brien" -> "obrien"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(letter for letter in plain.lower() if letter.isalnum())


def _profile(rng: random.Random, home_language: str) -> dict:
    modalities = list(Modality.values)
    return {
        "interests": rng.sample(INTERESTS, k=rng.randint(2, 4)),
        "career_goals": rng.sample(CAREER_GOALS, k=rng.choice((0, 1, 1, 2))),
        "preferred_modalities": rng.sample(modalities, k=rng.randint(2, 4)),
        "has_iep": False,
        "has_504": False,
        "english_learner": False,
        "extended_time_factor": Decimal("1.00"),
        "read_aloud": False,
        "home_language": home_language,
        "daily_minutes_budget": rng.choice(range(30, 61, 5)),
    }


def _with_accommodations(rng: random.Random, plans: list[StudentPlan]) -> list[StudentPlan]:
    """Give exactly IEP_COUNT students an IEP, SECTION_504_COUNT a 504 plan and ENGLISH_LEARNER_COUNT
    English-learner status, counting the demo student's own (a 504 plan).
    """
    generated = [index for index, plan in enumerate(plans) if plan is not DEMO_STUDENT_PLAN]
    iep = set(rng.sample(generated, IEP_COUNT))
    plan_504 = set(rng.sample([index for index in generated if index not in iep], SECTION_504_COUNT - 1))
    # English learners come from homes that speak another language; one of each language first, so the
    # demo shows them all.
    by_language: dict[str, list[int]] = {}
    for index in generated:
        language = plans[index].profile["home_language"]
        if language != "English":
            by_language.setdefault(language, []).append(index)
    learners = {rng.choice(indexes) for indexes in by_language.values()}
    rest = sorted(index for indexes in by_language.values() for index in indexes if index not in learners)
    learners |= set(rng.sample(rest, ENGLISH_LEARNER_COUNT - len(learners)))
    result = []
    for index, plan in enumerate(plans):
        if plan is DEMO_STUDENT_PLAN:
            result.append(plan)
            continue
        profile = dict(plan.profile)
        profile["has_iep"] = index in iep
        profile["has_504"] = index in plan_504
        profile["english_learner"] = index in learners
        if index in iep or index in plan_504:
            profile["extended_time_factor"] = rng.choice(_EXTENDED_TIME_CHOICES)
            profile["read_aloud"] = rng.random() < 0.3
        elif index in learners:
            profile["read_aloud"] = rng.random() < 0.15
        result.append(replace(plan, profile=profile))
    return result


def _with_goals(rng: random.Random, plans: list[StudentPlan]) -> list[StudentPlan]:
    """Give each goal of _GOALS to a student of its grade, who also gets the interest or career behind it."""
    plans = list(plans)
    for grade, code, interest, career, reach_by, why in _GOALS:
        candidates = [
            index
            for index, plan in enumerate(plans)
            if plan.grade == grade and not plan.goals and plan is not DEMO_STUDENT_PLAN
        ]
        index = rng.choice(candidates)
        plan = plans[index]
        profile = dict(plan.profile)
        if interest and interest not in profile["interests"]:
            profile["interests"] = [interest, *profile["interests"]]
        if career and career not in profile["career_goals"]:
            profile["career_goals"] = [career, *profile["career_goals"]]
        plans[index] = replace(plan, profile=profile, goals=(GoalPlan(code, reach_by, why),))
    return plans


class DemoArgon2Hasher(Argon2PasswordHasher):
    """Argon2id at OWASP's minimum cost (19 MiB, 2 passes, 1 lane) rather than Django's (100 MiB, 2, 8 lanes).

    Only the seed uses it: 315 people at Django's cost take minutes on a small machine. The hash is an ordinary
    `argon2$argon2id$...` one that Django's Argon2PasswordHasher verifies from the parameters it carries, and
    rehashes at Django's cost the first time its person signs in (`must_update`).
    """

    time_cost = 2
    memory_cost = 19456
    parallelism = 1


def demo_password_hashes(count: int) -> list[str]:
    """`count` hashes of the demo password, each with its own salt, so no two demo people share a hash.

    With Argon2 configured first (production) they are DemoArgon2Hasher's, computed on every core at once
    (argon2 releases the GIL); with another hasher first (the tests' MD5) that hasher's.
    """
    hasher = DemoArgon2Hasher() if get_hasher().algorithm == "argon2" else get_hasher()
    if count <= 1:
        return [make_password(DEMO_PASSWORD, hasher=hasher) for _ in range(count)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(lambda _: make_password(DEMO_PASSWORD, hasher=hasher), range(count)))


@dataclass
class _Run:
    """What one run has done so far."""

    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    new_user_ids: set[int] = field(default_factory=set)

    @staticmethod
    def is_demo_password(encoded: str) -> bool:
        return check_password(DEMO_PASSWORD, encoded)


@transaction.atomic
def demo_seed(
    *, progress: bool = False, history_weeks: int = HISTORY_WEEKS, today: datetime.date | None = None
) -> DemoReport:
    """Build the demo district, or bring it back to what it should be (see the module docstring).

    The history covers the `history_weeks` school weeks before `today` (by default the schools' date today).
    With `progress`, progress bars go to stderr.
    """
    run = _Run()
    standards = standards_import(directory=CCSS_DIRECTORY, progress=progress)
    run.created.update(
        {
            "learning targets": standards.targets_created,
            "prerequisites": standards.edges_added,
            "related pairs": standards.related_added,
        }
    )
    run.updated.update(
        {
            "learning targets": standards.targets_updated,
            "prerequisites": standards.edges_removed,
            "related pairs": standards.related_removed,
        }
    )
    framework = Framework.objects.get(slug=CCSS_MATH.slug)
    bank = items_import(path=ITEM_BANK_FILE, progress=progress)
    generated = generated_items_sync(grades=CATALOG_GRADES, progress=progress)
    run.created["items"] += bank.created + generated.created
    run.updated["items"] += bank.updated + generated.updated

    district = _sync(run, "districts", District, {"slug": DISTRICT["slug"]}, DISTRICT)
    schools = {
        school["slug"]: _sync(
            run,
            "schools",
            School,
            {"slug": school["slug"]},
            {**school, "district": district, "lowest_grade": "6", "highest_grade": "8"},
        )
        for school in SCHOOLS
    }
    terms = {
        slug: _sync(run, "terms", AcademicTerm, {"school": school, "name": TERM["name"]}, TERM)
        for slug, school in schools.items()
    }
    sections = _sections(run, schools, terms)
    students = roster()
    users = _people_sync(run, schools, district, students, progress=progress)
    _teaching_sync(run, sections, users)
    _enrollments_sync(run, sections, users, students)
    _goals_sync(run, framework, students)
    catalog_targets, activities = _catalog_sync(run, framework, progress=progress)
    classes = [(sections[slug, name], period) for slug in schools for _, period, name in SECTIONS]
    # Units first: the dashboards' weekly snapshots, taken as the history is written, measure pace against them.
    _units_sync(run, framework, [section for section, _ in classes])
    district_schools = list(schools.values())
    last_day = today or school_today(district_schools[0])
    weekly = [last_day - datetime.timedelta(weeks=weeks) for weeks in range(history_weeks, 0, -1)]

    def snapshot(day: datetime.date) -> None:
        snapshot_take_now(schools=district_schools, as_of=day)
        run.created["dashboard snapshots"] += len(district_schools)

    run.created.update(
        history_write(
            classes=classes,
            weeks=history_weeks,
            today=today,
            progress=progress,
            checkpoints=weekly,
            on_checkpoint=snapshot,
        )
    )
    # Today's figures, taken again on every run (a snapshot of a date replaces that date's rows).
    snapshot_take_now(schools=district_schools, as_of=last_day)

    in_district = {"memberships__school__district": district}
    learner_in_district = {"learner__learner_profile__school__district": district}
    levels = dict(
        MasteryState.objects.filter(**learner_in_district).values_list("level").annotate(count=models.Count("pk"))
    )
    return DemoReport(
        schools=School.objects.filter(district=district).count(),
        sections=Section.objects.filter(school__district=district).count(),
        teachers=User.objects.filter(memberships__role=Membership.Role.TEACHER, **in_district).distinct().count(),
        students=User.objects.filter(memberships__role=Membership.Role.STUDENT, **in_district).distinct().count(),
        targets=LearningTarget.objects.filter(framework=framework).count(),
        catalog_targets=catalog_targets,
        activities=activities,
        items=Item.objects.filter(models.Q(school=None) | models.Q(school__district=district), is_active=True).count(),
        assessments=Assessment.objects.filter(school__district=district).count(),
        attempts=Attempt.objects.filter(assignment__section__school__district=district).count(),
        responses=Response.objects.filter(attempt__assignment__section__school__district=district).count(),
        evidence=Evidence.objects.filter(**learner_in_district).count(),
        mastery_levels={level: levels.get(level, 0) for level in LEVEL_ORDER},
        # Unary plus drops the kinds with nothing to report.
        created=+run.created,
        updated=+run.updated,
    )


UNIT_NAME = "Ratios, expressions and equations"


def _units_sync(run: _Run, framework: Framework, sections: list[Section]) -> None:
    """Each section's current unit, all term long: its grade's targets that the item bank covers (the ones the
    history's assessments check), so a teacher's mastery grid opens on them."""
    banked = (
        LearningTarget.objects.filter(framework=framework, items__source=BANK_SOURCE, items__is_active=True)
        .distinct()
        .values_list("grade", "pk", "code")
    )
    by_grade: dict[str, dict[str, int]] = defaultdict(dict)
    for grade, pk, code in banked:
        by_grade[grade][code] = pk
    for section in sections:
        codes = unit_sequence(by_grade.get(section.grade, {}))
        if not codes:
            continue
        unit = _sync(
            run,
            "unit plans",
            UnitPlan,
            {"section": section, "name": UNIT_NAME},
            {"starts_on": section.term.starts_on, "ends_on": section.term.ends_on},
        )
        wanted = {by_grade[section.grade][code] for code in codes}
        if set(unit.targets.values_list("pk", flat=True)) != wanted:
            unit.targets.set(wanted)


def _sync(run: _Run, kind: str, model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """The row `lookup` finds, created with `values`, or given them back where they drifted."""
    row = model.objects.filter(**lookup).first()
    if row is None:
        row = model(**{**lookup, **values})
        row.full_clean()
        row.save()
        run.created[kind] += 1
        return row
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.full_clean()
        row.save(update_fields=changed)
        run.updated[kind] += 1
    return row


def _sections(run: _Run, schools: dict[str, School], terms: dict[str, AcademicTerm]) -> dict[tuple[str, str], Section]:
    """Every school's math sections by (school slug, section name)."""
    existing = {(section.term_id, section.name): section for section in Section.objects.filter(term__in=terms.values())}
    sections = {}
    for slug, school in schools.items():
        term = terms[slug]
        for grade, _, name in SECTIONS:
            section = existing.get((term.pk, name))
            if section is None:
                section = section_create(school=school, term=term, name=name, grade=grade)
                run.created["sections"] += 1
            elif (section.grade, section.subject) != (grade, Section.Subject.MATH):
                section.grade, section.subject = grade, Section.Subject.MATH
                section.full_clean()
                section.save(update_fields=["grade", "subject"])
                run.updated["sections"] += 1
            sections[slug, name] = section
    return sections


def _people_sync(
    run: _Run, schools: dict[str, School], district: District, students: list[StudentPlan], *, progress: bool
) -> dict[str, User]:
    """Every demo person by username: teachers, admins and students, with their roles.

    People are built through the services, which validate them the way the rest of the platform does. That
    costs a dozen queries a student, a second or two for all 300 on SQLite, so nothing is bulk-created
    around the services.
    """
    usernames = [plan.person.username for plan in (*TEACHERS, *ADMINS, *students)]
    users = {user.username: user for user in User.objects.filter(username__in=usernames)}
    roles = set(
        Membership.objects.filter(user__in=users.values()).values_list("user_id", "role", "school_id", "district_id")
    )

    def grant(user: User, role: str, *, school: School | None = None) -> None:
        scope = {"district": district} if role == Membership.Role.DISTRICT_ADMIN else {"school": school}
        key = (user.pk, role, school.pk if school else None, district.pk if not school else None)
        if key not in roles:
            membership_grant(user=user, role=role, **scope)
            run.created["roles"] += 1

    for plan in TEACHERS:
        person, school = plan.person, schools[plan.school_slug]
        if person.username in users:
            grant(users[person.username], Membership.Role.TEACHER, school=school)
            continue
        user = teacher_create(
            username=person.username, school=school, first_name=person.first_name, last_name=person.last_name
        )
        users[person.username] = user
        run.new_user_ids.add(user.pk)
        run.created["teachers"] += 1

    for plan in ADMINS:
        person = plan.person
        school = schools[plan.school_slug] if plan.school_slug else None
        role = Membership.Role.SCHOOL_ADMIN if school else Membership.Role.DISTRICT_ADMIN
        if person.username not in users:
            user = user_create(username=person.username, first_name=person.first_name, last_name=person.last_name)
            users[person.username] = user
            run.new_user_ids.add(user.pk)
            run.created["admins"] += 1
            # A new person's role is part of creating them, not a role added to someone who was there.
            membership_grant(user=user, role=role, school=school, district=None if school else district)
        else:
            grant(users[person.username], role, school=school)

    for plan in tqdm(students, desc="Students", unit="student", file=sys.stderr, disable=not progress):
        person, school = plan.person, schools[plan.school_slug]
        if person.username in users:
            grant(users[person.username], Membership.Role.STUDENT, school=school)
            continue
        profile = learner_create(
            username=person.username,
            school=school,
            grade=plan.grade,
            first_name=person.first_name,
            last_name=person.last_name,
            **plan.profile,
        )
        users[person.username] = profile.user
        run.new_user_ids.add(profile.user.pk)
        run.created["students"] += 1

    if run.new_user_ids:
        # The services leave new people without a usable password; each gets the demo password with its own salt.
        new_users = sorted((user for user in users.values() if user.pk in run.new_user_ids), key=lambda user: user.pk)
        for user, encoded in zip(new_users, demo_password_hashes(len(new_users)), strict=True):
            user.password = encoded
        User.objects.bulk_update(new_users, ["password"], batch_size=500)
    _demo_logins_sync(run, users)
    return users


def _demo_logins_sync(run: _Run, users: dict[str, User]) -> None:
    """Put back what the demo relies on: the demo password and an active account for the four demo logins,
    and the right staff flag for them and for every admin."""
    demo_usernames = {username for username, _ in DEMO_LOGINS}
    for username in sorted(demo_usernames | STAFF_USERNAMES):
        user = users[username]
        wanted = {"is_staff": username in STAFF_USERNAMES}
        if username in demo_usernames:
            wanted["is_active"] = True
            if not run.is_demo_password(user.password):
                wanted["password"] = demo_password_hashes(1)[0]
        changed = [name for name, value in wanted.items() if getattr(user, name) != value]
        if changed:
            for name in changed:
                setattr(user, name, wanted[name])
            user.save(update_fields=changed)
            # Making a new admin staff is part of creating them.
            if user.pk not in run.new_user_ids:
                run.updated["logins"] += 1


def _teaching_sync(run: _Run, sections: dict[tuple[str, str], Section], users: dict[str, User]) -> None:
    teaching = set(
        Section.teachers.through.objects.filter(section__in=sections.values()).values_list("section_id", "user_id")
    )
    for plan in TEACHERS:
        teacher = users[plan.person.username]
        for name in plan.sections:
            section = sections[plan.school_slug, name]
            if (section.pk, teacher.pk) not in teaching:
                section_teacher_add(section=section, teacher=teacher)
                run.created["teaching assignments"] += 1


def _enrollments_sync(
    run: _Run, sections: dict[tuple[str, str], Section], users: dict[str, User], students: list[StudentPlan]
) -> None:
    """Each student in their section from the first day of the term (a withdrawn one is enrolled again)."""
    withdrawn_on = {
        (section_id, student_id): withdrawn
        for section_id, student_id, withdrawn in Enrollment.objects.filter(section__in=sections.values()).values_list(
            "section_id", "student_id", "withdrawn_on"
        )
    }
    for plan in students:
        section, student = sections[plan.school_slug, plan.section_name], users[plan.person.username]
        key = (section.pk, student.pk)
        if key in withdrawn_on and withdrawn_on[key] is None:
            continue
        enrollment_create(section=section, student=student, enrolled_on=TERM["starts_on"])
        if key in withdrawn_on:
            run.updated["enrollments"] += 1
        else:
            run.created["enrollments"] += 1


def _goals_sync(run: _Run, framework: Framework, students: list[StudentPlan]) -> None:
    """The planned goals; a goal the student has since achieved or retired counts as there."""
    planned = [(plan.person.username, goal) for plan in students for goal in plan.goals]
    profiles = {
        profile.user.username: profile
        for profile in LearnerProfile.objects.filter(
            user__username__in={username for username, _ in planned}
        ).select_related("user")
    }
    targets = {
        target.code: target
        for target in LearningTarget.objects.filter(
            framework=framework, code__in={goal.target_code for _, goal in planned}
        )
    }
    existing = set(
        LearnerGoal.objects.filter(learner__in=profiles.values()).values_list("learner__user__username", "target__code")
    )
    for username, goal in planned:
        if (username, goal.target_code) not in existing:
            learner_goal_create(
                learner=profiles[username], target=targets[goal.target_code], reach_by=goal.reach_by, why=goal.why
            )
            run.created["goals"] += 1


def _catalog_sync(run: _Run, framework: Framework, *, progress: bool) -> tuple[int, int]:
    """The shared activity catalog for every target of CATALOG_GRADES; returns (targets covered, activities)."""
    targets = list(
        LearningTarget.objects.filter(framework=framework, grade__in=CATALOG_GRADES)
        .select_related("parent")
        .order_by("code")
    )
    target_ids = {target.code: target.pk for target in targets}
    specs = catalog_for(
        TargetSpec(
            code=target.code,
            text=target.text,
            grade=target.grade,
            domain_code=target.domain_code,
            domain_name=target.domain_name,
            cluster_name=target.cluster_name,
            weight_class=target.weight_class,
            parent_text=target.parent.text if target.parent else "",
        )
        for target in targets
    )
    existing = {activity.slug: activity for activity in Activity.objects.filter(slug__in=[spec.slug for spec in specs])}
    linked: dict[int, set[int]] = defaultdict(set)
    for activity_id, target_id in Activity.targets.through.objects.filter(activity__in=existing.values()).values_list(
        "activity_id", "learningtarget_id"
    ):
        linked[activity_id].add(target_id)

    new: list[tuple[Activity, int]] = []
    for spec in tqdm(specs, desc="Activity catalog", unit="activity", file=sys.stderr, disable=not progress):
        values = _activity_values(spec)
        target_id = target_ids[spec.target_code]
        activity = existing.get(spec.slug)
        if activity is None:
            activity = Activity(slug=spec.slug, **values)
            # The slug was looked up above and the check constraints hold by construction (a body, minutes
            # within the validators' range), so only the field checks run: no query per activity.
            activity.full_clean(validate_unique=False, validate_constraints=False)
            new.append((activity, target_id))
            continue
        changed = [name for name, value in values.items() if getattr(activity, name) != value]
        if changed:
            for name in changed:
                setattr(activity, name, values[name])
            activity.full_clean(validate_unique=False, validate_constraints=False)
            activity.save(update_fields=[*changed, "updated_at"])
        relinked = linked[activity.pk] != {target_id}
        if relinked:
            activity.targets.set([target_id])
        if changed or relinked:
            run.updated["activities"] += 1

    # Hundreds of new activities: one INSERT for them and one for their targets.
    Activity.objects.bulk_create([activity for activity, _ in new])
    Activity.targets.through.objects.bulk_create(
        Activity.targets.through(activity_id=activity.pk, learningtarget_id=target_id) for activity, target_id in new
    )
    run.created["activities"] += len(new)
    return len(targets), len(specs)


def _activity_values(spec: ActivitySpec) -> dict:
    """An Activity's fields from its catalog entry: shared by every school, and living in Waypoint."""
    return {
        "title": spec.title,
        "description": spec.description,
        "modality": spec.modality,
        "expected_minutes": spec.expected_minutes,
        "difficulty": spec.difficulty,
        "interest_tags": list(spec.interest_tags),
        "body": spec.body,
        "url": "",
        "school": None,
    }
