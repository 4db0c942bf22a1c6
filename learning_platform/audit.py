"""The audit log: who changed what that matters, when, and from what to what (django-auditlog).

What is tracked is declared here, once, by model label: path changes (a teacher's pins, removals, locks,
moves and assigned targets, small groups, unit plans), mastery judgments, a learner's accommodations and
grade, and answer key corrections. django-auditlog's model signals write an entry for every save and delete
of those models with the fields that changed; its middleware (`auditlog.middleware.AuditlogMiddleware`)
puts the request's user on each entry as the actor, so work done by a task or a command has no actor (the
system). Exports are reads, so the views that send a CSV record them explicitly (`export_record`).

Bulk machine writes (`bulk_create`, `bulk_update`, `learning_platform.bulk`: the nightly paths, the demo's
simulated history, the item import) send no model signals and are not audited; a teacher's bulk assignment
is, through `bulk_created_record`.

Each entry is filed (`filings`) under a kind, the school it belongs to and the learner it is about; the rules
(`learning_platform.rules`) show a school's entries to its admins and to its district's admins only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from auditlog.context import auditlog_value
from auditlog.middleware import AuditlogMiddleware
from auditlog.diff import model_instance_diff
from auditlog.registry import auditlog
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import prefetch_related_objects

# A learner's profile fields whose changes are audited, by kind. The daily minutes budget is a reduced (or
# longer) workload, which schools grant as an accommodation.
PROFILE_KINDS = {
    "grade": ("grade",),
    "accommodation": (
        "has_iep",
        "has_504",
        "english_learner",
        "extended_time_factor",
        "read_aloud",
        "daily_minutes_budget",
    ),
}


def _school_of_learner(learner_id) -> int | None:
    # Through the user's reverse relation, which the learners app declares: this base app reads no later app's model.
    from learning_platform.models import User

    return User.objects.filter(pk=learner_id).values_list("learner_profile__school_id", flat=True).first()


@dataclass(frozen=True)
class Tracked:
    """How entries about one model are filed: its kind (or the field groups of each kind), its school and its
    learner, and whether its creation is itself a change worth an entry."""

    kind: str = ""
    kinds_by_field: dict[str, tuple[str, ...]] = field(default_factory=dict)
    school_id: Callable = lambda obj: None
    learner_id: Callable = lambda obj: None
    log_creates: bool = True
    include_fields: tuple[str, ...] = ()
    m2m_fields: tuple[str, ...] = ()


TRACKED: dict[str, Tracked] = {
    "learners.LearnerProfile": Tracked(
        kinds_by_field=PROFILE_KINDS,
        school_id=lambda obj: obj.school_id,
        learner_id=lambda obj: obj.user_id,
        # A new student's profile is a roster change, not a change of their accommodations or grade.
        log_creates=False,
        include_fields=tuple(name for names in PROFILE_KINDS.values() for name in names),
    ),
    "learners.MasteryJudgment": Tracked(
        kind="judgment",
        school_id=lambda obj: _school_of_learner(obj.learner_id),
        learner_id=lambda obj: obj.learner_id,
    ),
    "playlists.PathOverride": Tracked(
        kind="path",
        school_id=lambda obj: _school_of_learner(obj.learner_id),
        learner_id=lambda obj: obj.learner_id,
    ),
    "playlists.SmallGroup": Tracked(
        kind="path",
        school_id=lambda obj: obj.section.school_id,
        m2m_fields=("students",),
    ),
    "playlists.UnitPlan": Tracked(kind="path", school_id=lambda obj: obj.section.school_id, m2m_fields=("targets",)),
    "assessments.Item": Tracked(
        # Only a key correction is audited; new items come from the bank import or a teacher building a quiz.
        kind="key",
        school_id=lambda obj: obj.school_id,
        log_creates=False,
        include_fields=("key", "choices", "key_version"),
    ),
}


def register_tracked_models() -> None:
    """Connect django-auditlog to every tracked model (called once, from the app's `ready`)."""
    for label, tracked in TRACKED.items():
        auditlog.register(
            apps.get_model(label),
            include_fields=list(tracked.include_fields) or None,
            m2m_fields=set(tracked.m2m_fields),
        )


def _tracked(instance) -> Tracked | None:
    return TRACKED.get(instance._meta.label)


def filings(instance, *, action, changes, school_id: int | None = None) -> list[dict]:
    """The entries one change of a tracked model makes, as fields to file each under: none (a creation not
    worth one), one, or one per kind (a profile change of both grade and accommodations). `school_id`, when
    the caller knows it, saves looking it up."""
    from learning_platform.models import AuditEntry

    tracked = _tracked(instance)
    if tracked is None or (action == AuditEntry.Action.CREATE and not tracked.log_creates):
        return []
    where = {
        "school_id": school_id if school_id is not None else tracked.school_id(instance),
        "learner_id": tracked.learner_id(instance),
    }
    if not tracked.kinds_by_field:
        return [{**where, "kind": tracked.kind}]
    parts = []
    for kind, names in tracked.kinds_by_field.items():
        part = {name: value for name, value in (changes or {}).items() if name in names}
        if part:
            parts.append({**where, "kind": kind, "changes": part})
    return parts


def current_actor():
    """The person whose request is running (django-auditlog's actor context), or None for the system."""
    try:
        return (auditlog_value.get() or {}).get("actor")
    except LookupError:
        return None


def _context() -> dict:
    try:
        context = auditlog_value.get() or {}
    except LookupError:
        return {}
    return {"remote_addr": context.get("remote_addr"), "remote_port": context.get("remote_port")}


def bulk_created_record(objects, *, school_id: int) -> int:
    """Entries for rows of one school a service wrote with `bulk_create` (which sends no model signals): one
    per row, in one insert, with the request's actor."""
    from learning_platform.models import AuditEntry

    objects = list(objects)
    if not objects:
        return 0
    # Changed foreign keys are recorded by name (AUDITLOG_USE_FK_STRING_REPRESENTATION): one query per relation.
    unloaded = [f.name for f in objects[0]._meta.concrete_fields if f.is_relation and not f.is_cached(objects[0])]
    prefetch_related_objects(objects, *unloaded)
    rows = []
    actor = current_actor()
    for obj in objects:
        for filing in filings(obj, action=AuditEntry.Action.CREATE, changes=None, school_id=school_id):
            rows.append(
                AuditEntry(
                    content_type=_content_type(obj),
                    object_pk=str(obj.pk),
                    object_id=obj.pk,
                    object_repr=str(obj),
                    action=AuditEntry.Action.CREATE,
                    changes=model_instance_diff(None, obj),
                    actor=actor,
                    actor_email=getattr(actor, "email", None),
                    **_context(),
                    **filing,
                )
            )
    AuditEntry.objects.bulk_create(rows)
    return len(rows)


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj)


def export_record(*, scope, table: str, filename: str, learner_id: int | None = None):
    """An entry saying that the current user downloaded `table` as CSV from the page of `scope` (a district,
    school, section or learner profile): an export is a read, so no model signal records it."""
    from learning_platform.models import AuditEntry, District, School

    label = scope._meta.label
    if isinstance(scope, District):
        where = {"district_id": scope.pk}
    elif isinstance(scope, School):
        where = {"school_id": scope.pk}
    else:  # a section or a learner's profile
        where = {"school_id": scope.school_id}
    return AuditEntry.objects.log_create(
        scope,
        force_log=True,
        action=AuditEntry.Action.ACCESS,
        kind=AuditEntry.Kind.EXPORT,
        learner_id=learner_id,
        additional_data={"table": table, "format": "csv", "filename": filename, "from": label},
        **where,
    )


@dataclass(frozen=True)
class ChangeLine:
    """One changed field of an entry, in words: its name, and what it was and became (empty: nothing)."""

    field: str
    before: str
    after: str


def change_lines(entry) -> list[ChangeLine]:
    """The entry's changes in words, for the audit page: one line per field (a many-to-many change says what
    was added or removed). Reads nothing from the database: names come from the model's fields."""
    model = entry.content_type.model_class()
    lines = []
    for name, values in (entry.changes or {}).items():
        if model is not None and name == model._meta.pk.name:
            continue  # a new row's id says nothing the object's name does not
        label = name.replace("_", " ")
        if model is not None:
            try:
                label = str(model._meta.get_field(name).verbose_name)
            except FieldDoesNotExist:  # a field since removed keeps its stored name
                pass
        if isinstance(values, dict) and values.get("type") == "m2m":
            objects = ", ".join(values.get("objects", []))
            before, after = ("", objects) if values.get("operation") == "add" else (objects, "")
        else:
            before, after = (_shown(value) for value in values)
        lines.append(ChangeLine(field=label[:1].upper() + label[1:], before=before, after=after))
    return lines


def _shown(value) -> str:
    return "" if value in (None, "None") else str(value)


class RequestActorMiddleware(AuditlogMiddleware):
    """django-auditlog's middleware (the request's user on every entry written during the request), with the
    actor forgotten when the request ends: auditlog sets its context for the request and never unsets it, so the
    thread would carry that user onto entries written afterwards by work that is no request's (a command, or the
    next test), even after the user is gone."""

    def __call__(self, request):
        token = auditlog_value.set(None)
        try:
            return super().__call__(request)
        finally:
            auditlog_value.reset(token)
