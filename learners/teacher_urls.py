from django.urls import path

from learners import views

urlpatterns = [
    path("learners/<id:learner_id>/targets/<id:target_id>/", views.evidence_page, name="teach-evidence"),
]
