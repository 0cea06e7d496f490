from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from jembatan.accounts.views import account, invitations, review, security, signup, two_factor

app_name = "accounts"
urlpatterns: list[URLPattern | URLResolver] = [
    path("signup/", signup.signup, name="signup"),
    path("signup/institution/", signup.signup_institution, name="signup_institution"),
    path("signup/done/", signup.signup_done, name="signup_done"),
    path("confirm/resend/", signup.resend_confirmation, name="resend_confirmation"),
    path("confirm/<str:token>/", signup.confirm, name="confirm_email"),
    path("profile/", account.profile, name="profile"),
    path("email/", account.change_email, name="change_email"),
    path("email/confirm/<str:token>/", account.confirm_email_change, name="confirm_email_change"),
    path("password/", account.password_change, name="password_change"),
    path("two-factor/", two_factor.settings_page, name="two_factor"),
    path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    path("two-factor/recovery-codes/", two_factor.recovery_codes, name="two_factor_recovery"),
    path("password/reset/", account.password_reset, name="password_reset"),
    path("password/reset/sent/", account.password_reset_done, name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        account.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path("password/reset/done/", account.password_reset_complete, name="password_reset_complete"),
    path("api-tokens/", security.tokens, name="api_tokens"),
    path("api-tokens/<int:token_id>/revoke/", security.revoke_token, name="revoke_api_token"),
    path("security-log/", security.security_events, name="security_log"),
    path("invitations/", invitations.invitations, name="invitations"),
    path("invitations/<int:pk>/revoke/", invitations.revoke_invitation, name="revoke_invitation"),
    path(
        "invitations/accept/<str:token>/", invitations.accept_invitation, name="accept_invitation"
    ),
    path("claims/", review.claims, name="claims"),
    path("claims/<int:pk>/<str:verdict>/", review.decide_claim, name="decide_claim"),
    path("institutions/", review.institutions, name="institutions"),
    path(
        "institutions/<int:pk>/<str:verdict>/",
        review.decide_institution_view,
        name="decide_institution",
    ),
]
