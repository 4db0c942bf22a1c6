from django.urls import path

from assessments import bank_views, views

urlpatterns = [
    path("sections/<id:section_id>/exit-ticket/", views.exit_ticket_build, name="teach-exit-ticket"),
    path("scoring/", views.scoring_queue, name="teach-scoring"),
    path("responses/<id:response_id>/score/", views.response_score, name="teach-score"),
    path("assignments/<id:assignment_id>/summary/", views.assignment_summary, name="teach-summary"),
    path("bank/", bank_views.bank, name="teach-bank"),
    path("bank/items/new/", bank_views.item_new, name="teach-bank-item-new"),
    path("bank/items/preview/", bank_views.item_preview, name="teach-bank-item-preview"),
    path("bank/items/<id:item_id>/", bank_views.item_detail, name="teach-bank-item"),
    path("bank/items/<id:item_id>/edit/", bank_views.item_edit, name="teach-bank-item-edit"),
    path(
        "assessments/<id:assessment_id>/questions/", bank_views.assessment_questions, name="teach-assessment-questions"
    ),
]
