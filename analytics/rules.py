"""Permission rules for the dashboards' snapshots: their school's and district's admins see them; nobody
changes them but the snapshot job."""

from learning_platform.permissions import NOTHING, admin_of_school_q, register
from analytics.models import GroupSnapshot, LearnerSnapshot, SnapshotBatch, SnapshotRun, TargetSnapshot

for model, school_path in (
    (SnapshotRun, "school"),
    (SnapshotBatch, "run__school"),
    (LearnerSnapshot, "school"),
    (GroupSnapshot, "school"),
    (TargetSnapshot, "school"),
):
    register(model, view=lambda user, path=school_path: admin_of_school_q(user, path), change=lambda user: NOTHING)
