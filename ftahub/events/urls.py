from django.urls import path

from . import views

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("feed.ics", views.feed_ics, name="event-feed"),
    path("<int:pk>/", views.event_detail, name="event-detail"),
    path("<int:pk>.ics", views.event_ics, name="event-ics"),
    path("ticket/<str:token>/", views.ticket, name="event-ticket"),
    path("ticket/<str:token>/qr.svg", views.ticket_qr, name="event-ticket-qr"),
    path("ticket/<str:token>/confirm/", views.ticket_confirm, name="event-ticket-confirm"),
    path("ticket/<str:token>/cancel/", views.ticket_cancel, name="event-ticket-cancel"),
    path("ticket/<str:token>/check-in/", views.ticket_check_in, name="event-check-in"),
    path("ticket/<str:token>/meetings/<int:pk>/", views.ticket_meeting, name="event-meeting"),
    path("manage/", views.manage, name="event-manage"),
    path("manage/new/", views.manage_edit, name="event-manage-new"),
    path("manage/<int:pk>/", views.manage_detail, name="event-manage-detail"),
    path("manage/<int:pk>/edit/", views.manage_edit, name="event-manage-edit"),
]
