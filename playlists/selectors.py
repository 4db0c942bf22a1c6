"""Reads of the daily paths: the engine's inputs for one learner, and a learner's playlist for those who may see it."""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

from django.db import connection, models
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Prefetch, Q
from django.db.models.functions import TruncDate, TruncWeek
from django.http import Http404
from django.utils import timezone

from assessments import bkt
from assessments.selectors import bank_narrow
from assessments.models import (
    Assessment,
    AssessmentItem,
    Assignment,
    Attempt,
    Item,
    LearningTarget,
    Prerequisite,
    Response,
    TargetModelParams,
)
from learners.models import LEVEL_ORDER, Evidence, LearnerGoal, LearnerProfile, MasteryLevel, MasteryState
from learners.selectors import mastery_for_learner, school_rates
from learners.services import mastery_thresholds
from learners.rules import learner_staff_q
from learning_platform.calendar import school_zone
from learning_platform.models import Section, active_enrollment_q
from learning_platform.permissions import get_for_user, visible
from playlists import engine
from playlists.models import (
    Activity,
    PathApproval,
    PathChange,
    PathOverride,
    Playlist,
    PlaylistItem,
    SmallGroup,
    UnitPlan,
)

# An untimed assessment's expected length: a couple of minutes a question, the pace of a short exit ticket.
MINUTES_PER_ITEM = 2


def engine_input_for(*, learner_id: int, school_day: datetime.date) -> engine.EngineInput:
    """Everything the engine reads to build one learner's path for `school_day`."""
    school_id = LearnerProfile.objects.filter(user_id=learner_id).values_list("school_id", flat=True).get()
    return engine_inputs_for(school_id=school_id, school_day=school_day, learner_ids=[learner_id])[learner_id]


def engine_inputs_for(*, school_id: int, school_day: datetime.date, learner_ids) -> dict[int, engine.EngineInput]:
    """The engine's inputs for the given learners of one school on `school_day`, by learner id, in a fixed
    number of queries however many learners there are (see `InputQueries`).

    Everything is read as of the school day, not the moment of reading, so the same rows give the same inputs
    (and digest) whenever the rebuild runs. Every learner's inputs share the same catalog objects (targets,
    prerequisite graph, activities), so the engine derives its lookups from them once per batch. Learners who
    are not at the school are left out.
    """
    return InputQueries(school_id=school_id, school_day=school_day, learner_ids=learner_ids).read()


def target_ids_by_code(*, school_id: int) -> dict[str, int]:
    """Each target's id by its code, from the catalog the last read of the school's inputs used."""
    catalog = _CATALOGS.get(school_id)
    if catalog is None:
        return dict(LearningTarget.objects.values_list("code", "pk"))
    if catalog.id_of is None:
        catalog.id_of = {code: pk for pk, code in catalog.code_of.items()}
    return catalog.id_of


class InputQueries:
    """The queries behind the engine's inputs for some learners of a school on a day, and their assembly.

    The querysets are attributes so that the rebuild benchmark can read the very same rows with COPY.
    """

    def __init__(self, *, school_id: int, school_day: datetime.date, learner_ids) -> None:
        from learning_platform.models import Enrollment, School

        self.school_id = school_id
        self.school_day = school_day
        self.zone = ZoneInfo(School.objects.values_list("time_zone", flat=True).get(pk=school_id))
        self.day_starts = datetime.datetime.combine(school_day, datetime.time.min, tzinfo=self.zone)
        self.day_ends = self.day_starts + datetime.timedelta(days=1)
        self.history_from = school_day - datetime.timedelta(days=engine.HISTORY_DAYS)
        ids = sorted(set(learner_ids))
        self.targets = LearningTarget.objects.values_list(
            "pk", "code", "grade", "domain_code", "weight_class", "short_name"
        )
        # The targets an exit ticket the engine writes can check: those with questions the platform scores.
        self.checkable = (
            Item.targets.through.objects.filter(item__in=Item.objects.usable_at(school_id).auto_scored())
            .values_list("learningtarget_id", flat=True)
            .distinct()
        )
        # The prior each target's per-target belief started from (the school's fit, or the model's default).
        self.model_priors = TargetModelParams.objects.filter(school_id=school_id).values_list("target_id", "prior")
        self.edges = Prerequisite.objects.values_list("prerequisite_id", "target_id")
        catalog = Activity.objects.usable_at(school_id)
        self.activities = catalog.values_list(
            "pk", "title", "modality", "expected_minutes", "difficulty", "interest_tags"
        )
        self.activity_targets = Activity.targets.through.objects.filter(activity__in=catalog).values_list(
            "activity_id", "learningtarget_id"
        )
        # The learners' rows are read in no particular order (the engine's inputs mean the same listed in any
        # order): the models' default orderings would join users and targets only to sort by name.
        self.profiles = LearnerProfile.objects.filter(user_id__any_of=ids, school_id=school_id).order_by("user_id")
        self.profiles = self.profiles.values_list(
            "user_id", "grade", "interests", "preferred_modalities", "extended_time_factor", "daily_minutes_budget"
        )
        self.goals = LearnerGoal.objects.filter(learner_id__any_of=ids, status=LearnerGoal.Status.ACTIVE).order_by()
        self.goals = self.goals.values_list("learner_id", "target_id", "reach_by")
        # The day of the last evidence where the school is, worked out by the database.
        self.mastery = (
            MasteryState.objects.filter(learner_id__any_of=ids)
            .order_by()
            .annotate(last_practised=TruncDate("last_evidence_at", tzinfo=self.zone))
            .values_list(
                "learner_id",
                "target_id",
                "level",
                "p_mastery",
                "evidence_count",
                "last_practised",
                "failure_run",
                "last_success_at",
            )
        )
        self.completed = (
            PlaylistItem.objects.filter(
                playlist__learner_id__any_of=ids,
                completed_at__isnull=False,
                playlist__school_day__gte=self.history_from,
                playlist__school_day__lte=school_day,
            )
            .order_by()
            .values_list(
                "playlist__learner_id",
                "playlist__school_day",
                "kind",
                "activity_id",
                "chosen_activity_id",
                "assessment_id",
                "target_id",
                "completed_at",
            )
        )
        self.enrollments = Enrollment.objects.active().filter(student_id__any_of=ids).order_by()
        self.enrollments = self.enrollments.values_list("student_id", "section_id")
        sections = Enrollment.objects.active().filter(student_id__any_of=ids).values("section_id")
        # An exit ticket the engine wrote is on its learner's path already: it is no teacher's assignment.
        open_assignments = Assignment.objects.filter(
            section_id__in=sections,
            opens_at__lt=self.day_ends,
            due_at__gte=self.day_starts,
            assessment__written_for__isnull=True,
        ).order_by()
        self.assignments = open_assignments.values_list(
            "pk",
            "section_id",
            "assessment_id",
            "assessment__title",
            "assessment__kind",
            "assessment__attempts_allowed",
            "assessment__time_limit_minutes",
            "due_at",
        )
        self.chosen_students = (
            Assignment.students.through.objects.filter(assignment__in=open_assignments)
            .order_by()
            .values_list("assignment_id", "user_id")
        )
        self.assessment_items = (
            AssessmentItem.objects.filter(assessment__assignments__in=open_assignments)
            .order_by()
            .distinct()
            .values_list("assessment_id", "item_id", "item__targets")
        )
        history_starts = datetime.datetime.combine(self.history_from, datetime.time.min, tzinfo=self.zone)
        self.attempts = (
            Attempt.objects.filter(learner_id__any_of=ids)
            .order_by()
            .exclude(status=Attempt.Status.IN_PROGRESS)
            .filter(Q(submitted_at__gte=history_starts) | Q(assignment__in=open_assignments))
            .values_list("learner_id", "assignment_id", "assignment__assessment_id", "submitted_at")
        )
        self.overrides = (
            PathOverride.objects.filter(learner_id__any_of=ids, starts_on__lte=school_day, ends_on__gte=school_day)
            .order_by()
            .values_list(
                "learner_id", "action", "activity_id", "assessment_id", "target_id", "due", "starts_on", "position"
            )
        )
        self.group_sessions = (
            SmallGroup.students.through.objects.filter(user_id__any_of=ids, smallgroup__meets_on=school_day)
            .order_by()
            .values_list("user_id", "smallgroup__target_id", "smallgroup__activity_id")
        )
        self.units = (
            UnitPlan.targets.through.objects.filter(
                unitplan__section_id__in=sections,
                unitplan__starts_on__lte=school_day,
                unitplan__ends_on__gte=school_day,
            )
            .order_by()
            .values_list("unitplan__section_id", "learningtarget_id")
        )

    def querysets(self) -> dict[str, object]:
        """Every query the read runs, by name."""
        return {name: value for name, value in vars(self).items() if hasattr(value, "query")}

    def catalog(self) -> _Catalog:
        """The catalog's rows as the engine takes them, from this process's cache while they are unchanged."""
        stamp = _catalog_stamp(self.school_id)
        cached = _CATALOGS.get(self.school_id)
        if cached is not None and cached.stamp == stamp and time.monotonic() - cached.read_at < CATALOG_MAX_AGE:
            return cached
        code_of, targets = {}, {}
        for pk, code, grade, domain, weight_class, short_name in self.targets:
            code_of[pk] = code
            targets[code] = engine.TargetInfo(
                code=code, grade=grade, domain=domain, weight_class=weight_class, short_name=short_name
            )
        edges = tuple((code_of[prerequisite], code_of[target]) for prerequisite, target in self.edges)
        activities = self._activities(code_of)
        catalog = _Catalog(
            stamp=stamp,
            read_at=time.monotonic(),
            code_of=code_of,
            targets=targets,
            edges=edges,
            activities=activities,
            modality_of={activity.id: activity.modality for activity in activities},
            checkable=frozenset(code_of[pk] for pk in self.checkable if pk in code_of),
        )
        _CATALOGS[self.school_id] = catalog
        return catalog

    def read(self) -> dict[int, engine.EngineInput]:
        catalog = self.catalog()
        code_of, targets, edges = catalog.code_of, catalog.targets, catalog.edges
        activities, modality_of = catalog.activities, catalog.modality_of
        per = _PerLearner()
        for row in self.goals:
            per.add("goals", row[0], engine.Goal(target_code=code_of[row[1]], reach_by=row[2]))
        for row in self.mastery:
            per.add("mastery", row[0], row[1:])
        for row in self.completed:
            per.add("completed", row[0], row[1:])
        for row in self.attempts:
            per.add("attempts", row[0], row[1:])
        for row in self.overrides:
            per.add("overrides", row[0], row[1:])
        for user_id, target_id, activity_id in self.group_sessions:
            # A mini-lesson no longer in the catalog leaves the session without one.
            mini_lesson = activity_id if activity_id in modality_of else None
            per.add("groups", user_id, engine.GroupSession(target_code=code_of[target_id], activity_id=mini_lesson))
        for student_id, section_id in self.enrollments:
            per.add("sections", student_id, section_id)
        unit_of: dict[int, set[str]] = {}
        for section_id, target_id in self.units:
            unit_of.setdefault(section_id, set()).add(code_of[target_id])
        open_by_section, assessment_infos = self._open_assessments(code_of)
        model_prior = {code_of[target_id]: prior for target_id, prior in self.model_priors}
        rates_by_grade = school_rates(school_id=self.school_id, school_day=self.school_day, code_of=code_of)
        chosen: dict[int, set[int]] = {}
        for assignment_id, user_id in self.chosen_students:
            chosen.setdefault(assignment_id, set()).add(user_id)

        inputs = {}
        for user_id, grade, interests, modalities, time_factor, budget in self.profiles:
            sections = per.get("sections", user_id)
            completed = per.get("completed", user_id)
            attempts = per.get("attempts", user_id)
            assessments, assignments = self._assigned(
                user_id, sections, open_by_section, assessment_infos, chosen, attempts
            )
            pins, removals, locks, moves, focus = self._overrides(
                per.get("overrides", user_id), code_of, modality_of, completed
            )
            history = [
                engine.HistoryEntry(
                    on=day,
                    kind="assessment" if assessment_id else kind,
                    ref_id=chosen_id or activity_id or assessment_id,
                )
                for day, kind, activity_id, chosen_id, assessment_id, _, _ in completed
                if kind != PlaylistItem.Kind.GROUP_SESSION and (activity_id or chosen_id or assessment_id)
            ]
            for _, assessment_id, submitted_at in attempts:
                day = timezone.localtime(submitted_at, self.zone).date()
                if self.history_from <= day <= self.school_day:
                    history.append(engine.HistoryEntry(on=day, kind="assessment", ref_id=assessment_id))
            inputs[user_id] = engine.EngineInput(
                learner=engine.LearnerInfo(
                    grade=grade,
                    interests=tuple(interests),
                    preferred_modalities=tuple(modalities),
                    extended_time_factor=time_factor,
                    daily_minutes_budget=budget,
                    goals=tuple(per.get("goals", user_id)),
                ),
                today=self.school_day,
                targets=targets,
                prerequisites=edges,
                mastery=self._mastery(per.get("mastery", user_id), code_of, completed, modality_of, model_prior),
                activities=activities,
                assessments=assessments,
                assignments=assignments,
                pins=pins,
                removals=removals,
                locks=locks,
                moves=moves,
                focus=focus,
                group_sessions=tuple(sorted(set(per.get("groups", user_id)), key=repr)),
                current_unit=tuple(sorted({code for section in sections for code in unit_of.get(section, ())})),
                history=tuple(history),
                school_rates=rates_by_grade.get(grade, _NO_RATES),
                checkable=catalog.checkable,
            )
        return inputs

    def _activities(self, code_of: dict[int, str]) -> tuple[engine.ActivityInfo, ...]:
        """The active activities of the shared catalog and the school, with their targets; an activity on no
        target is left out: the engine offers work only under a target."""
        codes: dict[int, list[str]] = {}
        for activity_id, target_id in self.activity_targets:
            codes.setdefault(activity_id, []).append(code_of[target_id])
        return tuple(
            engine.ActivityInfo(
                id=pk,
                title=title,
                modality=modality,
                expected_minutes=minutes,
                target_codes=tuple(sorted(codes[pk])),
                difficulty=difficulty,
                interest_tags=tuple(tags),
            )
            for pk, title, modality, minutes, difficulty, tags in self.activities
            if pk in codes
        )

    def _open_assessments(self, code_of):
        """The open assignments by section, and the engine's view of each assessment they are for."""
        codes: dict[int, set[str]] = {}
        items_of: dict[int, set[int]] = {}
        for assessment_id, item_id, target_id in self.assessment_items:
            items_of.setdefault(assessment_id, set()).add(item_id)
            if target_id is not None:
                codes.setdefault(assessment_id, set()).add(code_of[target_id])
        by_section: dict[int, list[tuple]] = {}
        infos = {}
        for pk, section_id, assessment_id, title, kind, allowed, time_limit, due_at in self.assignments:
            if assessment_id not in codes:
                continue
            minutes = time_limit or MINUTES_PER_ITEM * len(items_of[assessment_id])
            infos[assessment_id] = engine.AssessmentInfo(
                id=assessment_id,
                title=title,
                kind=kind,
                target_codes=tuple(sorted(codes[assessment_id])),
                expected_minutes=minutes,
            )
            due = timezone.localtime(due_at, self.zone).date()
            by_section.setdefault(section_id, []).append((pk, assessment_id, allowed, due))
        return by_section, infos

    def _assigned(self, user_id, sections, open_by_section, infos, chosen, attempts):
        """The assessments assigned to the learner and open on the day with attempts left, as the engine's
        assessments and the teacher's assignments (each assessment once, at its earliest due date)."""
        used = Counter(assignment_id for assignment_id, _, _ in attempts)
        due_of: dict[int, datetime.date] = {}
        for section_id in sections:
            for pk, assessment_id, allowed, due in open_by_section.get(section_id, ()):
                if pk in chosen and user_id not in chosen[pk] or used[pk] >= allowed:
                    continue
                due_of[assessment_id] = min(due, due_of.get(assessment_id, due))
        assessments = tuple(infos[assessment_id] for assessment_id in sorted(due_of))
        # The engine files a teacher's item under one target; the assessment's first code stands for it.
        assignments = tuple(
            engine.Assignment(kind="assessment", ref_id=info.id, target_code=info.target_codes[0], due=due_of[info.id])
            for info in assessments
        )
        return assessments, assignments

    def _overrides(self, rows, code_of, modality_of, completed):
        """The teacher's pins, removals, locks, moves and assigned targets for the day. A pin drops off once the
        learner has completed its activity since the pin began, and a pin, lock or move of an activity no longer
        in the catalog is moot."""
        done_on: dict[int, datetime.date] = {}
        for day, kind, activity_id, chosen_id, _, _, _ in completed:
            for ref in (activity_id, chosen_id):
                if ref is not None:
                    done_on[ref] = max(day, done_on.get(ref, day))
        pins, removals, locks, moves, focus = [], [], [], [], set()
        for action, activity_id, assessment_id, target_id, due, starts_on, position in rows:
            kind, ref_id = ("activity", activity_id) if activity_id else ("assessment", assessment_id)
            if action == PathOverride.Action.FOCUS:
                focus.add(code_of[target_id])
            elif action == PathOverride.Action.REMOVE:
                removals.append(engine.ItemRef(kind, ref_id))
            elif kind == "activity" and activity_id not in modality_of:
                continue
            elif action == PathOverride.Action.LOCK:
                locks.append(engine.ItemRef(kind, ref_id))
            elif action == PathOverride.Action.MOVE:
                moves.append(engine.Move(kind=kind, ref_id=ref_id, position=position))
            elif done_on.get(activity_id, datetime.date.min) < starts_on:
                pins.append(engine.Pin(kind=kind, ref_id=ref_id, target_code=code_of[target_id], due=due))
        return tuple(pins), tuple(removals), tuple(locks), tuple(moves), tuple(sorted(focus))

    def _mastery(self, rows, code_of, completed, modality_of, model_prior) -> dict[str, engine.MasteryInfo]:
        """Each met target's mastery, with the run of wrong answers that ends its evidence and the ways of
        learning the learner tried on it since their last right answer (the ones that did not work)."""
        last_success = {row[0]: row[6] for row in rows}
        tried: dict[int, list[str]] = {}
        # In the order they were completed (and, within the same moment, by what they were: the rows come in no
        # order of their own).
        in_order = sorted(completed, key=lambda row: (row[6], row[0], row[1], *(ref or 0 for ref in row[2:6])))
        for _, kind, activity_id, chosen_id, _, target_id, completed_at in in_order:
            modality = modality_of.get(chosen_id or activity_id)
            since = last_success.get(target_id)
            if kind == PlaylistItem.Kind.ACTIVITY and modality and (since is None or completed_at > since):
                tried.setdefault(target_id, []).append(modality)
        mastery = {}
        for target_id, level, p_mastery, evidence_count, last_practised, failure_run, _ in rows:
            code = code_of[target_id]
            mastery[code] = engine.MasteryInfo(
                level=level,
                p_mastery=p_mastery,
                evidence_count=evidence_count,
                last_practised=last_practised,
                model_prior=model_prior.get(code, bkt.DEFAULT_PRIOR),
                recent_failures=failure_run,
                failed_modalities=tuple(dict.fromkeys(tried.get(target_id, []))) if failure_run else (),
            )
        return mastery


def _catalog_stamp(school_id: int) -> tuple:
    """What changes when a target, an edge, an activity or an activity's targets is added or removed, or an
    activity or item is edited or retired (the items say which targets an exit ticket can check), in one query (targets and edges are edited in place only by a standards import: see
    CATALOG_MAX_AGE)."""
    target, edge = LearningTarget._meta.db_table, Prerequisite._meta.db_table
    activity, link = Activity._meta.db_table, Activity.targets.through._meta.db_table
    item = Item._meta.db_table
    # The rows the school may use, as the SQL of `usable_at` itself, so the stamp follows the same rule.
    mine, mine_params = Activity.objects.usable_at(school_id).order_by().values("pk").query.sql_with_params()
    items, items_params = Item.objects.usable_at(school_id).order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {target}), (SELECT COUNT(*) FROM {edge}), (SELECT MAX(id) FROM {edge}),"
            f" (SELECT COUNT(*) FROM {activity} WHERE id IN ({mine})),"
            f" (SELECT MAX(updated_at) FROM {activity} WHERE id IN ({mine})),"
            f" (SELECT COUNT(*) FROM {link} WHERE activity_id IN ({mine})),"
            f" (SELECT COUNT(*) FROM {item} WHERE id IN ({items})),"
            f" (SELECT MAX(updated_at) FROM {item} WHERE id IN ({items}))",
            [*mine_params, *mine_params, *mine_params, *items_params, *items_params],
        )
        return cursor.fetchone()


# How long a process trusts its cached catalog without rereading it, whatever the stamp says.
CATALOG_MAX_AGE = 60.0


@dataclass(eq=False)
class _Catalog:
    """A school's catalog as the engine's inputs: the same objects for every learner while it is unchanged, so
    the engine derives its lookups and hashes it once (see `engine._shared_for`)."""

    stamp: dict
    read_at: float
    code_of: dict[int, str]
    targets: dict[str, engine.TargetInfo]
    edges: tuple[tuple[str, str], ...]
    activities: tuple[engine.ActivityInfo, ...]
    modality_of: dict[int, str]
    checkable: frozenset[str] = frozenset()
    id_of: dict[str, int] | None = None


_CATALOGS: dict[int, _Catalog] = {}
_NO_RATES: dict = {}


class _PerLearner:
    """Rows grouped by learner id."""

    def __init__(self) -> None:
        self.groups: dict[str, defaultdict[int, list]] = defaultdict(lambda: defaultdict(list))

    def add(self, name: str, learner_id: int, value) -> None:
        self.groups[name][learner_id].append(value)

    def get(self, name: str, learner_id: int) -> list:
        return self.groups[name].get(learner_id, [])


def playlist_for_learner(*, user, learner_id: int, day: datetime.date) -> Playlist:
    """The learner's playlist for `day` with its items in order, if `user` may see it; otherwise 404."""
    items = PlaylistItem.objects.select_related("activity", "assessment", "target", "chosen_activity")
    playlist = (
        visible(user, Playlist)
        .filter(learner_id=learner_id, school_day=day)
        .prefetch_related(Prefetch("items", queryset=items.order_by("position")))
        .first()
    )
    if playlist is None:
        raise Http404("Not found")
    return playlist


def own_activity_item(*, user, item_id: int) -> PlaylistItem:
    """An activity item of the user's own path (any day); 404 for anyone else's item or another kind of item."""
    item = PlaylistItem.objects.filter(pk=item_id, playlist__learner=user, kind=PlaylistItem.Kind.ACTIVITY).first()
    if item is None or not user.is_authenticated:
        raise Http404("Not found")
    return item


def playlist_get_for_user(*, user, playlist_id: int) -> Playlist:
    """A playlist by id if `user` may see it; otherwise 404 (also across schools)."""
    return get_for_user(user, Playlist.objects.select_related("learner"), playlist_id)


# ---------------------------------------------------------------------------------------------------------
# The teacher's pages


def staff_profile_get(*, user, learner_id: int) -> LearnerProfile:
    """A learner's profile for one of their teachers or school admins; anyone else (the learner included) gets
    404, so a teacher's pages never open on a student they do not teach."""
    profiles = LearnerProfile.objects.select_related("user", "school")
    if not user.is_superuser:
        profiles = profiles.filter(learner_staff_q(user))
    profile = profiles.filter(user_id=learner_id).first()
    if profile is None:
        raise Http404("Not found")
    return profile


def path_items_of(playlist: Playlist) -> list[PlaylistItem]:
    """The playlist's items in order, with the titles of their choices read in one query."""
    items = list(playlist.items.all())
    ids = {activity_id for item in items for activity_id in item.alternatives}
    titles = dict(Activity.objects.filter(pk__in=ids).values_list("pk", "title")) if ids else {}
    for item in items:
        item.choice_titles = [titles[pk] for pk in item.alternatives if pk in titles]
    return items


def learner_neighbourhood(*, profile: LearnerProfile, target_ids) -> list[dict]:
    """The targets `target_ids` with their prerequisites and the targets they lead to (one step each way), each
    with the learner's level: where the learner stands around what they are working on."""
    target_ids = set(target_ids)
    edges = list(
        Prerequisite.objects.filter(Q(target_id__in=target_ids) | Q(prerequisite_id__in=target_ids)).values_list(
            "prerequisite_id", "target_id"
        )
    )
    ids = target_ids | {pk for edge in edges for pk in edge}
    targets = {target.pk: target for target in LearningTarget.objects.filter(pk__in=ids)}
    levels = dict(
        MasteryState.objects.filter(learner_id=profile.user_id, target_id__in=ids).values_list("target_id", "level")
    )
    rows = []
    for target_id in sorted(target_ids, key=lambda pk: targets[pk].code):
        rows.append(
            {
                "target": targets[target_id],
                "level": levels.get(target_id, "not_started"),
                "requires": [(targets[p], levels.get(p, "not_started")) for p, t in edges if t == target_id],
                "leads_to": [(targets[t], levels.get(t, "not_started")) for p, t in edges if p == target_id],
            }
        )
    return rows


# The kinds of activity that make the best mini-lesson for a small group, best first.
MINI_LESSON_MODALITIES = ("small_group", "hands_on", "worked_examples", "peer_work", "video", "reading", "practice")


def group_suggestions(*, section, day: datetime.date) -> list[dict]:
    """Suggested small groups from the section's exit tickets submitted on `day`: per target, the students who
    answered an item on it wrongly, most students first, with the catalog's activities on it as mini-lessons
    (a small-group activity first, then the most hands-on, introductory and short)."""
    from learning_platform.models import User

    zone = school_zone(section.school)
    starts = datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
    wrong = Response.objects.filter(
        active_enrollment_q("attempt__learner__enrollments__"),
        attempt__learner__enrollments__section=section,
        attempt__assignment__section=section,
        attempt__assignment__assessment__kind="exit_ticket",
        attempt__submitted_at__gte=starts,
        attempt__submitted_at__lt=starts + datetime.timedelta(days=1),
        correct=False,
    ).values_list("attempt__learner_id", "item__targets")
    missed: dict[int, Counter] = defaultdict(Counter)
    for learner_id, target_id in wrong:
        if target_id is not None:
            missed[target_id][learner_id] += 1
    if not missed:
        return []
    targets = LearningTarget.objects.in_bulk(list(missed))
    students = User.objects.in_bulk({learner_id for counts in missed.values() for learner_id in counts})
    lessons: dict[int, list[Activity]] = defaultdict(list)
    for activity in (
        Activity.objects.usable_at(section.school)
        .filter(targets__in=list(missed))
        .annotate(target_id=models.F("targets"))
        .order_by("pk")
    ):
        lessons[activity.target_id].append(activity)
    suggestions = []
    for target_id, counts in missed.items():
        options = sorted(
            lessons.get(target_id, []),
            key=lambda activity: (
                MINI_LESSON_MODALITIES.index(activity.modality) if activity.modality in MINI_LESSON_MODALITIES else 99,
                activity.difficulty,
                activity.expected_minutes,
                activity.pk,
            ),
        )
        members = sorted(counts, key=lambda pk: (students[pk].last_name, students[pk].first_name, pk))
        suggestions.append(
            {
                "target": targets[target_id],
                "students": [{"student": students[pk], "missed": counts[pk]} for pk in members],
                "lessons": options[:8],
                "suggested": options[0] if options else None,
            }
        )
    suggestions.sort(key=lambda row: (-len(row["students"]), row["target"].code))
    return suggestions


# ---------------------------------------------------------------------------------------------------------
# The activity page

# Worked examples an activity page shows before its practice: two, so a learner sees the method on two sets of
# numbers before trying it.
WORKED_EXAMPLES = 2


@dataclass
class PracticeRow:
    """One practice question as the activity page shows it."""

    response: object
    item: object
    number: int
    hints: list[str]
    feedback: str
    right_answer: str
    last_answer: str

    q: dict

    @property
    def finished(self) -> bool:
        return self.response.finished

    @property
    def prefix(self) -> str:
        """The id prefix of the question's elements on the page."""
        return f"p{self.response.pk}"

    @property
    def more_hints(self) -> bool:
        return not self.finished and self.response.hints_shown < len(self.item.hints)


def _practice_row(response, number: int) -> PracticeRow:
    from assessments import scoring
    from assessments.selectors import item_for_student

    item = response.item
    feedback = ""
    if response.last_answer is not None and item.item_type in {"single_choice", "multiple_select"}:
        try:
            feedback = scoring.score(item.item_type, item.choices, item.key, response.last_answer).feedback
        except ValueError:
            feedback = ""
    reveal = response.finished
    return PracticeRow(
        response=response,
        item=item,
        number=number,
        hints=list(item.hints[: response.hints_shown]),
        feedback=feedback,
        q=item_for_student(item),
        right_answer=scoring.right_answer_text(item.item_type, item.choices, item.key) if reveal else "",
        last_answer=scoring.answer_text(item.item_type, item.choices, response.last_answer),
    )


def activity_page(*, visit, school) -> dict:
    """Everything the activity page shows: the activity, its target, two worked examples from the bank, the
    practice questions with where the learner is in each, and how far along they are."""
    from assessments.models import Item, PracticeResponse

    practice = (
        list(
            PracticeResponse.objects.filter(practice_set_id=visit.practice_set_id)
            .select_related("item")
            .order_by("position")
        )
        if visit.practice_set_id
        else []
    )
    rows = [_practice_row(response, number) for number, response in enumerate(practice, start=1)]
    target = visit.item.target or visit.activity.targets.order_by("code").first()
    examples = []
    if target is not None:
        pool = list(
            Item.objects.usable_at(school)
            .auto_scored()
            .filter(targets=target)
            .exclude(worked_solution="")
            .exclude(pk__in=[response.item_id for response in practice])
            .order_by("pk")[:40]
        )
        random.Random(visit.pk).shuffle(pool)
        examples = [
            {"item": item, "answer": _right_answer(item)}
            for item in sorted(pool[:WORKED_EXAMPLES], key=lambda i: i.difficulty)
        ]
    done = sum(row.finished for row in rows)
    return {
        "visit": visit,
        "activity": visit.activity,
        "item": visit.item,
        "target": target,
        "examples": examples,
        "practice": rows,
        "current": next((row for row in rows if not row.finished), None),
        "practice_done": done,
        "practice_right": sum(bool(row.response.correct) for row in rows),
    }


def _right_answer(item) -> str:
    from assessments import scoring

    return scoring.right_answer_text(item.item_type, item.choices, item.key)


def visits_progress(items) -> dict[int, dict]:
    """For the path items a learner has opened: practice questions done and in all, and minutes spent, by item
    id (one query)."""
    from playlists.models import ActivityVisit

    # Opening an activity starts its item, so a path with nothing started has no visits to read.
    if not any(item.started_at for item in items):
        return {}
    visits = ActivityVisit.objects.filter(item__in=[item.pk for item in items]).annotate(
        questions=models.Count("practice_set__responses"),
        finished=models.Count(
            "practice_set__responses",
            filter=Q(practice_set__responses__last_correct=True) | Q(practice_set__responses__solution_shown=True),
        ),
    )
    return {
        visit.item_id: {"questions": visit.questions, "finished": visit.finished, "minutes": visit.minutes_spent}
        for visit in visits
    }


def catalog_activities(*, user, filters):
    """The active activities the user may see (the shared catalog and their schools' own), narrowed by the bank's
    filters (assessments.selectors.BankFilters), the schools' own first, with their targets."""
    activities = visible(user, Activity.objects.filter(is_active=True))
    activities = bank_narrow(activities, filters, text_fields=("title", "description"))
    return (
        activities.select_related("school")
        .prefetch_related("targets")
        .order_by(F("school_id").asc(nulls_last=True), "title", "id")
    )


def activity_preview(body: str) -> dict:
    """The activity editor's preview of a body: the Markdown problems saving would refuse."""
    from learning_platform.content import ContentError, check_markdown

    try:
        check_markdown(body, field="activity")
    except ContentError as error:
        return {"body": body, "problems": [str(error)]}
    return {"body": body, "problems": []}


# ---------------------------------------------------------------------------------------------------------
# What the teacher's pages show

LEVEL_LABELS = dict(MasteryLevel.choices)
FLAG_LABELS = {
    "small_group": "Small group proposed",
    "no_questions": "No questions yet",
    "exit_ticket_no_time": "No time for an exit ticket",
    "over_budget": "Over the day's minutes",
}
# How many of each list a student's page shows.
PINNABLE_SHOWN, CHANGES_SHOWN, PAST_DAYS_SHOWN, ASSESSMENTS_SHOWN = 80, 20, 10, 40


def labelled_flags(flags: list[dict]) -> list[dict]:
    """The engine's flags with the words the pages show for their kinds."""
    return [{**flag, "label": FLAG_LABELS.get(flag["kind"], flag["kind"])} for flag in flags]


def mastery_by_domain(mastery: list[dict]) -> list[tuple[str, dict[str, int]]]:
    """How many of the learner's targets stand at each level, per domain (`6.RP` of `6.RP.A.2`), in order."""
    by_domain: dict[str, dict[str, int]] = {}
    for row in mastery:
        code = row["target"]
        domain = f"{code.split('.')[0]}.{code.split('.')[1] if '.' in code else code}"
        counts = by_domain.setdefault(domain, {level: 0 for level in LEVEL_ORDER})
        counts[row["level"]] += 1
    return sorted(by_domain.items())


def learner_sections_for_staff(*, user, learner_id: int):
    """The learner's active sections that `user` teaches or whose school they run (every one for a superuser)."""
    sections = Section.objects.filter(active_enrollment_q("enrollments__"), enrollments__student_id=learner_id)
    return visible(user, sections, "change").distinct()


def learner_section_for_change(*, user, learner_id: int, section_id: int | None = None) -> Section:
    """The section a change to the learner's path is made in: the one named, else the first of the learner's
    sections `user` may change; a ValidationError when there is none."""
    sections = learner_sections_for_staff(user=user, learner_id=learner_id)
    if section_id is not None:
        sections = sections.filter(pk=section_id)
    section = sections.select_related("school").order_by("pk").first()
    if section is None:
        raise ValidationError({"section": "The student is not in a section you teach."})
    return section


def _pinnable_target_ids(path_target_ids: set[int], neighbourhood: list[dict]) -> set[int]:
    """Today's targets and the neighbours (one step either way) the learner is not yet proficient on."""
    return path_target_ids | {
        target.pk
        for row in neighbourhood
        for target, level in row["requires"] + row["leads_to"]
        if level not in (MasteryLevel.PROFICIENT, MasteryLevel.MASTERED)
    }


def _labelled_neighbourhood(neighbourhood: list[dict]) -> list[dict]:
    return [
        {
            **row,
            "level_label": LEVEL_LABELS[row["level"]],
            "requires": [(target, level, LEVEL_LABELS[level]) for target, level in row["requires"]],
            "leads_to": [(target, level, LEVEL_LABELS[level]) for target, level in row["leads_to"]],
        }
        for row in neighbourhood
    ]


def overrides_in_force(*, user, learner_id: int, today: datetime.date):
    """The learner's overrides the user may see that hold on `today` or later, the soonest first."""
    return (
        visible(user, PathOverride)
        .filter(learner_id=learner_id, ends_on__gte=today)
        .select_related("activity", "assessment", "target", "teacher")
        .order_by("starts_on", "pk")
    )


def learner_page(*, user, profile: LearnerProfile, day: datetime.date, today: datetime.date, path_built: bool) -> dict:
    """Everything a student's page shows their teacher: the path of `day` (when built) with labelled flags,
    mastery across the framework and around the path's targets, the activities worth pinning, goals, the
    teacher's standing changes and their log, past days, the school's assessments and the student's sections."""
    playlist, items = None, []
    if path_built:
        playlist = playlist_for_learner(user=user, learner_id=profile.user_id, day=day)
        items = path_items_of(playlist)
        playlist.flags = labelled_flags(playlist.flags)
    path_target_ids = {item.target_id for item in items if item.target_id}
    mastery = mastery_for_learner(user=user, profile=profile)
    neighbourhood = learner_neighbourhood(profile=profile, target_ids=path_target_ids)
    pinnable = (
        Activity.objects.usable_at(profile.school)
        .filter(targets__in=_pinnable_target_ids(path_target_ids, neighbourhood))
        .distinct()
        .order_by("title")
        .prefetch_related("targets")[:PINNABLE_SHOWN]
    )
    return {
        "profile": profile,
        "student": profile.user,
        "day": day,
        "today": today,
        "is_today": day == today,
        "editable": day >= today,
        "playlist": playlist,
        "items": items,
        "minutes": sum(item.minutes for item in items),
        "mastery": mastery,
        "by_domain": mastery_by_domain(mastery),
        "levels": MasteryLevel.choices,
        "neighbourhood": _labelled_neighbourhood(neighbourhood),
        "goals": profile.goals.select_related("target").filter(status="active"),
        "overrides": overrides_in_force(user=user, learner_id=profile.user_id, today=today),
        "changes": PathChange.objects.filter(learner_id=profile.user_id).select_related("teacher")[:CHANGES_SHOWN],
        "past_days": list(
            Playlist.objects.filter(learner_id=profile.user_id)
            .exclude(school_day=day)
            .order_by("-school_day")
            .values_list("school_day", flat=True)[:PAST_DAYS_SHOWN]
        ),
        "pinnable": pinnable,
        "assessments": Assessment.objects.filter(school=profile.school).order_by("-created_at")[:ASSESSMENTS_SHOWN],
        "sections": list(learner_sections_for_staff(user=user, learner_id=profile.user_id)),
    }


def path_changed_since_approval(playlist: Playlist | None, approval: PathApproval | None) -> bool:
    """A path changed since its section's paths were approved: it was (re)built after the approval."""
    return bool(approval and playlist and playlist.generated_at > approval.approved_at)


def section_review(*, section, day: datetime.date) -> dict:
    """Each active student's path of the section for `day` with its items and minutes, whether it changed
    since the approval of that day's paths, the approval, and how many changed."""
    students = {student.pk: student for student in section.active_students()}
    playlists = Playlist.objects.filter(learner_id__in=students, school_day=day).prefetch_related(
        Prefetch(
            "items",
            queryset=PlaylistItem.objects.select_related("activity", "assessment", "target").order_by("position"),
        )
    )
    by_learner = {playlist.learner_id: playlist for playlist in playlists}
    approval = PathApproval.objects.filter(section=section, school_day=day).select_related("approved_by").first()
    rows = []
    for learner_id, student in students.items():
        playlist = by_learner.get(learner_id)
        items = list(playlist.items.all()) if playlist else []
        rows.append(
            {
                "student": student,
                "playlist": playlist,
                "items": items,
                "minutes": sum(item.minutes for item in items),
                "changed": path_changed_since_approval(playlist, approval),
            }
        )
    return {"rows": rows, "approval": approval, "changed": sum(row["changed"] for row in rows)}


def section_groups_page(*, section, today: datetime.date) -> dict:
    """The suggested small groups from today's exit tickets (each with the section's other students to add),
    the groups planned from today on, and the section's active students."""
    suggestions = group_suggestions(section=section, day=today)
    planned = (
        SmallGroup.objects.filter(section=section, meets_on__gte=today)
        .select_related("target", "activity", "teacher")
        .prefetch_related("students")
        .order_by("meets_on", "target__code")
    )
    students = list(section.active_students())
    for suggestion in suggestions:
        members = {entry["student"].pk for entry in suggestion["students"]}
        suggestion["others"] = [student for student in students if student.pk not in members]
    return {"suggestions": suggestions, "planned": planned, "students": students}


def section_assign_choices(*, section, today: datetime.date) -> dict:
    """What the assign page offers: the section's students, its grade's targets, the school's activities on
    them and its assessments, and the small groups planned from today on."""
    return {
        "students": list(section.active_students()),
        "targets": LearningTarget.objects.filter(grade=section.grade, parent__isnull=True).order_by("code"),
        "activities": Activity.objects.usable_at(section.school)
        .filter(targets__grade=section.grade)
        .distinct()
        .order_by("title")[:300],
        "assessments": Assessment.objects.filter(school=section.school).order_by("-created_at")[:60],
        "groups": SmallGroup.objects.filter(section=section, meets_on__gte=today).select_related("target"),
    }


def section_units_page(*, section, today: datetime.date) -> dict:
    """The section's units that have not ended, and its grade's targets to plan one from."""
    return {
        "units": UnitPlan.objects.filter(section=section, ends_on__gte=today)
        .prefetch_related("targets")
        .order_by("starts_on", "pk"),
        "targets": LearningTarget.objects.filter(grade=section.grade, parent__isnull=True).order_by("code"),
    }


# ---------------------------------------------------------------------------------------------------------
# What a student's My progress page shows

PROGRESS_WEEKS = 8


def weekly_growth(*, profile: LearnerProfile, today: datetime.date) -> list[dict]:
    """The last `PROGRESS_WEEKS` weeks (Monday first), oldest first: questions answered, right, and the share
    right, from the evidence log (one query)."""
    zone = school_zone(profile.school)
    first_monday = today - datetime.timedelta(days=today.weekday(), weeks=PROGRESS_WEEKS - 1)
    since = datetime.datetime.combine(first_monday, datetime.time.min, tzinfo=zone)
    counts = {
        row["week"]: row
        for row in Evidence.objects.filter(
            learner_id=profile.user_id, kind=Evidence.Kind.RESPONSE, observed_at__gte=since
        )
        .annotate(week=TruncWeek("observed_at", tzinfo=zone))
        .values("week")
        .annotate(answered=Count("pk"), right=Count("pk", filter=Q(correct=True)))
    }
    by_monday = {timezone.localtime(week, zone).date(): row for week, row in counts.items()}
    weeks = []
    for number in range(PROGRESS_WEEKS):
        monday = first_monday + datetime.timedelta(weeks=number)
        row = by_monday.get(monday, {"answered": 0, "right": 0})
        share = round(100 * row["right"] / row["answered"]) if row["answered"] else None
        weeks.append({"monday": monday, "answered": row["answered"], "right": row["right"], "share": share})
    return weeks


def learner_progress(*, profile: LearnerProfile, today: datetime.date) -> dict:
    """A learner's own progress: their level on each target of their grade and each target they have evidence
    on, by (grade, domain) with their own grade first; their active goals with how close each is (the chance of
    mastery against the school's proficient threshold, as a percent up to 100); and week-by-week growth."""
    thresholds = mastery_thresholds(school_id=profile.school_id)
    states = {
        state.target_id: state
        for state in MasteryState.objects.filter(learner_id=profile.user_id).select_related("target")
    }
    shown = {target.pk: target for target in LearningTarget.objects.filter(grade=profile.grade, parent__isnull=True)}
    shown.update({state.target_id: state.target for state in states.values()})
    domains: dict[tuple[str, str], list[dict]] = {}
    for target in sorted(shown.values(), key=lambda target: (target.grade != profile.grade, target.grade, target.code)):
        level = states[target.pk].level if target.pk in states else MasteryLevel.NOT_STARTED
        domains.setdefault((target.grade, target.domain_name), []).append(
            {"target": target, "level": level, "label": LEVEL_LABELS[level]}
        )
    goals = []
    for goal in profile.goals.select_related("target").filter(status="active").order_by("reach_by"):
        state = states.get(goal.target_id)
        chance = state.p_mastery if state else 0.0
        goals.append(
            {
                "goal": goal,
                "label": LEVEL_LABELS[state.level if state else MasteryLevel.NOT_STARTED],
                "percent": min(100, round(100 * chance / thresholds.proficient_at)),
            }
        )
    return {
        "domains": [(grade, name, rows) for (grade, name), rows in domains.items()],
        "goals": goals,
        "weeks": weekly_growth(profile=profile, today=today),
    }


def learning_targets_chosen(*, ids: list[int]) -> list[LearningTarget]:
    """The learning targets with these ids, or a ValidationError when one of them does not exist."""
    targets = list(LearningTarget.objects.filter(pk__in=ids))
    if len(targets) != len(set(ids)):
        raise ValidationError({"targets": "Choose targets from the list."})
    return targets
