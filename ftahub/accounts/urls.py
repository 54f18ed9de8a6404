from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import views


def _message(title, message, next_url, next_label):
    return TemplateView.as_view(template_name="accounts/password_message.html", extra_context={
        "title": title, "message": message, "next_url": next_url, "next_label": next_label})


urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("me/", views.profile, name="profile"),
    path("password/", auth_views.PasswordChangeView.as_view(
        template_name="accounts/password_form.html", success_url=reverse_lazy("password-change-done"),
        extra_context={"title": _("Change your password"), "button": _("Change password")}),
        name="password-change"),
    path("password/done/", login_required(_message(_("Password changed"), _("Your new password is in use from now on."),
                                    "profile", _("Back to my account"))), name="password-change-done"),
    path("password/reset/", auth_views.PasswordResetView.as_view(
        template_name="accounts/password_form.html", email_template_name="accounts/password_reset_email.txt",
        subject_template_name="accounts/password_reset_subject.txt", success_url=reverse_lazy("password-reset-sent"),
        extra_context={"title": _("Forgotten password"), "button": _("Send me a link"),
                       "lead": _("Type the email address of your account. We send a link to choose a new password "
                                 "to it.")}),
        name="password-reset"),
    path("password/reset/sent/", _message(
        _("Check your email"), _("If an account uses this address, a link to choose a new password is on its way. "
                                 "It works once, for a few days. No email? Look in the spam folder or ask your "
                                 "province's administrator."), "login", _("Back to sign in")),
        name="password-reset-sent"),
    path("reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(
        template_name="accounts/password_form.html", success_url=reverse_lazy("password-reset-complete"),
        extra_context={"title": _("Choose a new password"), "button": _("Save the new password")}),
        name="password-reset-confirm"),
    path("reset/done/", _message(_("Password saved"), _("Your new password is saved. Sign in with it."), "login",
                                 _("Sign in")), name="password-reset-complete"),
    path("join/", views.access_request_new, name="access-request-new"),
    path("requests/", views.access_requests, name="access-requests"),
    path("requests/<int:pk>/decide/", views.access_request_decide, name="access-request-decide"),
    path("team/", views.team_page, name="enterprise-team"),
    path("team/<int:pk>/", views.team_member, name="enterprise-team-member"),
    path("enterprises/", views.enterprise_list, name="enterprise-list"),
    path("enterprises/<int:pk>/", views.enterprise_edit, name="enterprise-edit"),
]
