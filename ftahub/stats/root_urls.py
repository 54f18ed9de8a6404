from django.urls import path

from . import views

urlpatterns = [path("assets/plotly.min.js", views.plotly_js, name="plotly-js")]
