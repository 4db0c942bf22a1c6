from django.urls import path

from learners import views

urlpatterns = [
    path("learners/<id:learner_id>/targets/<id:target_id>/", views.evidence_page, name="teach-evidence"),
    path("learners/<id:learner_id>/placement/", views.learner_placement, name="teach-learner-placement"),
    path("sections/<id:section_id>/placement/", views.section_placement, name="teach-placement"),
]
