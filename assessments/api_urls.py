from django.urls import path

from assessments import api, bank_api

urlpatterns = [
    path("assessments/", api.AssessmentCreateView.as_view(), name="api-assessment-create"),
    path("assessments/generate/", api.AssessmentGenerateView.as_view(), name="api-assessment-generate"),
    path(
        "assessments/<id:assessment_id>/assignments/", api.AssignmentCreateView.as_view(), name="api-assignment-create"
    ),
    path("assignments/<id:assignment_id>/attempts/", api.AttemptStartView.as_view(), name="api-attempt-start"),
    path("attempts/<id:attempt_id>/", api.AttemptDetailView.as_view(), name="api-attempt-detail"),
    path("attempts/<id:attempt_id>/answers/<id:item_id>/", api.AttemptAnswerView.as_view(), name="api-attempt-answer"),
    path("attempts/<id:attempt_id>/submit/", api.AttemptSubmitView.as_view(), name="api-attempt-submit"),
    path("responses/<id:response_id>/rubric-score/", api.RubricScoreView.as_view(), name="api-rubric-score"),
    path("items/<id:item_id>/key/", api.ItemKeyView.as_view(), name="api-item-key"),
    path("bank/items/", bank_api.BankItemListView.as_view(), name="api-bank-items"),
    path("bank/items/<id:item_id>/", bank_api.BankItemDetailView.as_view(), name="api-bank-item"),
    path(
        "bank/items/<id:item_id>/statistics/",
        bank_api.BankItemStatisticsView.as_view(),
        name="api-bank-item-statistics",
    ),
    path(
        "assessments/<id:assessment_id>/questions/",
        bank_api.AssessmentQuestionsView.as_view(),
        name="api-assessment-questions",
    ),
]
