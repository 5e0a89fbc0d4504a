from django.urls import path

from . import views

app_name = "orgs"

urlpatterns = [
    path("names/", views.name_era_list, name="names"),
    path("names/<slug:slug>/", views.name_era_detail, name="name-era"),
    path("leaders/", views.leaders, name="leaders"),
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("structure/", views.structure, name="structure"),
    path("structure/figures/<slug:kind>/", views.figure_list, name="figures"),
    path("structure/country-offices/", views.country_office_list, name="country-offices"),
    path("sources/", views.source_list, name="sources"),
    path("sources/<slug:slug>/", views.source_detail, name="source"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization"),
]
