from django.urls import path

from . import views

app_name = "timeline"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("<slug:slug>/", views.event_detail, name="event"),
]
