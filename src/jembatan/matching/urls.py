from __future__ import annotations

from django.urls import path

from jembatan.matching.views import digest, personal, recommendations, search

app_name = "matching"
urlpatterns = [
    path("search/", search.search_page, name="search"),
    path("profiles/<int:pk>/", recommendations.profile_matches, name="profile"),
    path("profiles/<int:pk>/feedback/", recommendations.profile_feedback, name="profile_feedback"),
    path("companies/<int:pk>/", recommendations.company_matches, name="company"),
    path("companies/<int:pk>/feedback/", recommendations.company_feedback, name="company_feedback"),
    path("digest/", digest.digest_subscription, name="digest"),
    path("favourites/", personal.favourites, name="favourites"),
    path("favourites/profiles/<int:pk>/", personal.favourite_profile, name="favourite_profile"),
    path("favourites/companies/<int:pk>/", personal.favourite_company, name="favourite_company"),
    path("searches/", personal.saved_searches, name="saved_searches"),
    path("searches/<int:pk>/delete/", personal.saved_search_delete, name="saved_search_delete"),
]
