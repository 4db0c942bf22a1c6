from django.urls import path

from learning_platform import api_views

urlpatterns = [
    path("me/", api_views.MeView.as_view(), name="api-me"),
    path("sections/", api_views.SectionListView.as_view(), name="api-section-list"),
    path("sections/<id:pk>/", api_views.SectionDetailView.as_view(), name="api-section-detail"),
]
