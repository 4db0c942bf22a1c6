from django.urls import path

from learners import views

urlpatterns = [
    path("learners/<int:learner_id>/targets/<int:target_id>/", views.evidence_page, name="teach-evidence"),
]
