from django.urls import path

from learners import api

urlpatterns = [
    path("learners/<int:pk>/", api.LearnerProfileDetailView.as_view(), name="api-learner-detail"),
]
