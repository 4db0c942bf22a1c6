from django.urls import path

from learners import api

urlpatterns = [
    path("learners/<id:pk>/", api.LearnerProfileDetailView.as_view(), name="api-learner-detail"),
    path("learners/<id:pk>/mastery/", api.MasteryView.as_view(), name="api-learner-mastery"),
    path("learners/<id:pk>/mastery/<str:code>/evidence/", api.EvidenceTrailView.as_view(), name="api-learner-evidence"),
    path("learners/<id:pk>/judgments/", api.JudgmentCreateView.as_view(), name="api-learner-judgment"),
]
