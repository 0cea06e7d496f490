from __future__ import annotations

from django.urls import path

from jembatan.catalogue.views import inquiries

app_name = "inquiries"

urlpatterns = [
    path("", inquiries.inquiry_list, name="list"),
    path("product/<int:pk>/", inquiries.inquiry_product, name="product"),
    path("company/<int:pk>/", inquiries.inquiry_company, name="company"),
    path("sent/", inquiries.inquiry_sent, name="sent"),
    path("queue/", inquiries.queue, name="queue"),
    path("<int:pk>/", inquiries.inquiry_detail, name="detail"),
    path("<int:pk>/approve/", inquiries.approve, name="approve"),
    path("<int:pk>/decline/", inquiries.decline, name="decline"),
]
