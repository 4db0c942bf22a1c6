from django.urls import path

from assessments import views

urlpatterns = [
    path("sections/<int:section_id>/exit-ticket/", views.exit_ticket_build, name="teach-exit-ticket"),
    path("scoring/", views.scoring_queue, name="teach-scoring"),
    path("responses/<int:response_id>/score/", views.response_score, name="teach-score"),
    path("assignments/<int:assignment_id>/summary/", views.assignment_summary, name="teach-summary"),
]
