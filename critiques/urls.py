from django.urls import path

from . import views

app_name = "critiques"

urlpatterns = [
    path("", views.criticism_list, name="list"),
    path("critics/<slug:slug>/", views.critic_detail, name="critic"),
    path("<slug:slug>/", views.criticism_detail, name="criticism"),
]
