"""Permission rules for standards: every signed-in person may read them; only platform staff edit them."""
from django.db.models import Q

from assessments.models import Framework, LearningTarget, Prerequisite, RelatedTarget
from learning_platform.permissions import NOTHING, register

for model in (Framework, LearningTarget, Prerequisite, RelatedTarget):
    # Frameworks are shared by every school; they change through `import_standards` or a superuser.
    register(model, view=lambda user: Q(), change=lambda user: NOTHING)
