from django.urls import path

from learners import api

urlpatterns = [
    path("learners/<int:pk>/", api.LearnerProfileDetailView.as_view(), name="api-learner-detail"),
    path("learners/<int:pk>/mastery/", api.MasteryView.as_view(), name="api-learner-mastery"),
    path("learners/<int:pk>/mastery/<str:code>/evidence/", api.EvidenceTrailView.as_view(), name="api-learner-evidence"),
    path("learners/<int:pk>/judgments/", api.JudgmentCreateView.as_view(), name="api-learner-judgment"),
]
