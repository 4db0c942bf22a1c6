from django.urls import path

from assessments import views

urlpatterns = [
    path("sections/<id:section_id>/exit-ticket/", views.exit_ticket_build, name="teach-exit-ticket"),
    path("scoring/", views.scoring_queue, name="teach-scoring"),
    path("responses/<id:response_id>/score/", views.response_score, name="teach-score"),
    path("assignments/<id:assignment_id>/summary/", views.assignment_summary, name="teach-summary"),
]
