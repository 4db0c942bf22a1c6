from django.urls import path

from playlists import api, bank_api

urlpatterns = [
    path("learners/<id:pk>/path/", api.PathView.as_view(), name="api-learner-path"),
    path("learners/<id:pk>/path/overrides/", api.OverrideListView.as_view(), name="api-path-overrides"),
    path("path-overrides/<id:override_id>/", api.OverrideDetailView.as_view(), name="api-path-override"),
    path("path-items/<id:item_id>/start/", api.ItemStartView.as_view(), name="api-path-item-start"),
    path("bank/activities/", bank_api.ActivityListView.as_view(), name="api-bank-activities"),
    path("bank/activities/<id:activity_id>/", bank_api.ActivityDetailView.as_view(), name="api-bank-activity"),
]
