"""Who may read and who may change what: one table for every web route and API operation.

A rule is a set of roles (see tests/security/world.py for who they are). Each web route
(by URL name) says who may GET it (`read`) and who may POST to it (`change`); `None` means
the route does not answer that method for anybody. Each API operation ("METHOD /path")
says who may call it. `over` names the world's object a `pk`/`id` parameter takes (by
default the object the segment before it names); a key "name@object" walks the same route
again over another object (a draft, the anonymous profile, the accepted interest...). An
object named after a parameter ("participant_b" for `participant_pk`, "code_certificate"
for `code`, "token_follow_up" for `token`) takes that parameter's place instead of `pk`.

A route or operation missing here fails tests/security/test_authorisation_matrix.py.
`python -m tests.security.expectations --markdown > docs/authorisation.md` prints the table.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

# Who the roles are: tests/security/world.py builds them.
ROLES = (
    "anonymous",
    "member",  # of company A
    "teammate",  # a second member of company A
    "outsider",  # a member of company B
    "institution",  # a member of the vocational institution
    "viewer",
    "officer",
    "admin",  # a superuser, as `createsuperuser` makes one
)


@dataclass(frozen=True)
class Rule:
    name: str
    roles: frozenset[str]
    says: str


def _rule(name: str, says: str, *roles: str) -> Rule:
    return Rule(name, frozenset(roles), says)


PUBLIC = _rule("PUBLIC", "everyone, also without signing in", *ROLES)
SIGNED_IN = _rule("SIGNED_IN", "every signed-in user", *ROLES[1:])
ANONYMOUS_ONLY = _rule("ANONYMOUS_ONLY", "only someone not signed in", "anonymous")
COMPANY_MEMBERS = _rule(
    "COMPANY_MEMBERS", "members of any company", "member", "teammate", "outsider"
)
ORGANISATION_MEMBERS = _rule(
    "ORGANISATION_MEMBERS",
    "members of any company or institution",
    "member",
    "teammate",
    "outsider",
    "institution",
)
ORGANISATION_MEMBERS_STAFF = _rule(
    "ORGANISATION_MEMBERS_STAFF",
    "members of any company or institution, officers, the administrator",
    "member",
    "teammate",
    "outsider",
    "institution",
    "officer",
    "admin",
)
VIEWER_STAFF = _rule(
    "VIEWER_STAFF", "viewers, officers, the administrator", "viewer", "officer", "admin"
)
COMPANY_MEMBERS_STAFF = _rule(
    "COMPANY_MEMBERS_STAFF",
    "members of any company, officers, the administrator",
    "member",
    "teammate",
    "outsider",
    "officer",
    "admin",
)
OWNER_TEAM = _rule("OWNER_TEAM", "the owning company's members", "member", "teammate")
OWNER_TEAM_STAFF = _rule(
    "OWNER_TEAM_STAFF",
    "the owning company's members, officers, the administrator",
    "member",
    "teammate",
    "officer",
    "admin",
)
OTHER_SIDE = _rule("OTHER_SIDE", "the other company (B) of an interest", "outsider")
PARTIES = _rule("PARTIES", "both companies' members (A and B)", "member", "teammate", "outsider")
PARTIES_STAFF = _rule(
    "PARTIES_STAFF",
    "both companies' members, officers, the administrator",
    "member",
    "teammate",
    "outsider",
    "officer",
    "admin",
)
OTHER_SIDE_STAFF = _rule(
    "OTHER_SIDE_STAFF",
    "company B's members, officers, the administrator",
    "outsider",
    "officer",
    "admin",
)
OWNER_TEAM_INSTITUTION_STAFF = _rule(
    "OWNER_TEAM_INSTITUTION_STAFF",
    "the owning company's members, the institution's members, officers, the administrator",
    "member",
    "teammate",
    "institution",
    "officer",
    "admin",
)
OWNER_TEAM_OTHER_SIDE_STAFF = _rule(
    "OWNER_TEAM_OTHER_SIDE_STAFF",
    "the owning company's members, company B's members, officers, the administrator",
    "member",
    "teammate",
    "outsider",
    "officer",
    "admin",
)
THE_USER = _rule("THE_USER", "the one user it belongs to (the member of A)", "member")
INSTITUTION = _rule("INSTITUTION", "the institution's members", "institution")
INSTITUTION_STAFF = _rule(
    "INSTITUTION_STAFF",
    "the institution's members, officers, the administrator",
    "institution",
    "officer",
    "admin",
)
STAFF = _rule("STAFF", "programme officers and the administrator", "officer", "admin")
ADMIN = _rule("ADMIN", "the administrator (a superuser) only", "admin")
NOBODY = _rule("NOBODY", "nobody (no such object in the world, or an action no role may take)")
RULES = [v for v in list(globals().values()) if isinstance(v, Rule)]


@dataclass(frozen=True)
class Expect:
    read: Rule | None
    change: Rule | None
    over: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Op:
    who: Rule
    over: str | None = None
    note: str = ""


# The Django admin: one rule for the whole /admin/ prefix (its index is walked).
ADMIN_PREFIX = Expect(ADMIN, ADMIN, note="Django's admin: staff only; every /admin/ page")

# Pages on which the hidden company's own name, website and registry id may appear: its
# directory entry is public to signed-in users (docs/registry.md); only the link from the
# anonymous profile to it is secret.
IDENTITY_PAGES = frozenset(
    {
        "registry:company_list",
        "GET /api/v1/companies/",
        # a choice of partner companies lists every company by name
        "vocational:mou_new",
        "vocational:mou_edit",
        "vocational:programme_new",
    }
)

E = Expect
WEB: dict[str, Expect] = {
    "None": E(PUBLIC, PUBLIC, note="favicon.ico, unnamed"),
    "accounts:api_tokens": E(SIGNED_IN, SIGNED_IN),
    "accounts:revoke_api_token": E(THE_USER, THE_USER, note="another's token: 404"),
    "accounts:security_log": E(STAFF, None),
    "accounts:two_factor": E(STAFF, STAFF),
    "accounts:two_factor_verify": E(SIGNED_IN, SIGNED_IN),
    "accounts:two_factor_recovery": E(STAFF, STAFF),
    "accounts:accept_invitation": E(NOBODY, PUBLIC, note="made-up token: 400 for everybody"),
    "accounts:change_email": E(SIGNED_IN, SIGNED_IN),
    "accounts:claims": E(STAFF, STAFF),
    "accounts:confirm_email": E(NOBODY, PUBLIC, note="made-up token: 400 for everybody"),
    "accounts:confirm_email_change": E(PUBLIC, PUBLIC),
    "accounts:decide_claim": E(None, STAFF),
    "accounts:decide_institution": E(None, STAFF, over="institution_organisation"),
    "accounts:institutions": E(STAFF, STAFF),
    "accounts:invitations": E(ORGANISATION_MEMBERS, ORGANISATION_MEMBERS),
    "accounts:password_change": E(SIGNED_IN, SIGNED_IN),
    "accounts:password_reset": E(PUBLIC, PUBLIC),
    "accounts:password_reset_complete": E(PUBLIC, None),
    "accounts:password_reset_confirm": E(PUBLIC, PUBLIC),
    "accounts:password_reset_done": E(PUBLIC, None),
    "accounts:profile": E(SIGNED_IN, SIGNED_IN),
    "accounts:resend_confirmation": E(None, None),
    "accounts:revoke_invitation": E(None, OWNER_TEAM),
    "accounts:signup": E(PUBLIC, PUBLIC),
    "accounts:signup_done": E(PUBLIC, PUBLIC),
    "accounts:signup_institution": E(PUBLIC, PUBLIC),
    "api-docs": E(PUBLIC, None),
    "api-redoc": E(PUBLIC, None),
    "catalogue:photo_add": E(None, OWNER_TEAM_STAFF),
    "catalogue:photo_remove": E(None, OWNER_TEAM_STAFF),
    "catalogue:product_create": E(PARTIES, PARTIES),
    "catalogue:product_edit": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "catalogue:product_edit@product_b": E(OTHER_SIDE_STAFF, OTHER_SIDE_STAFF),
    "catalogue:product_list": E(PARTIES, PARTIES),
    "catalogue:queue": E(STAFF, STAFF),
    "catalogue:showcase": E(PUBLIC, PUBLIC),
    "catalogue:showcase_companies": E(PUBLIC, PUBLIC),
    "catalogue:showcase_company": E(PUBLIC, PUBLIC, over="showcase_firm"),
    "catalogue:showcase_product": E(PUBLIC, PUBLIC, over="shown_product"),
    "catalogue:showcase_product_short": E(PUBLIC, PUBLIC, over="shown_product"),
    "catalogue:verify": E(STAFF, STAFF),
    "engagement:accept": E(
        None, OWNER_TEAM, note="fixed: 403 to others, not a redirect with a message"
    ),
    "engagement:agreement_confirm": E(None, PARTIES),
    "engagement:agreement_detail": E(PARTIES_STAFF, PARTIES_STAFF),
    "engagement:agreement_detail@agreement_b": E(OTHER_SIDE_STAFF, OTHER_SIDE_STAFF),
    "engagement:agreement_document": E(None, PARTIES_STAFF),
    "engagement:agreement_document_download": E(PARTIES_STAFF, PARTIES_STAFF),
    "engagement:agreement_new": E(PARTIES_STAFF, PARTIES_STAFF),
    "engagement:agreement_verify": E(None, STAFF),
    "engagement:agreements": E(PARTIES_STAFF, PARTIES_STAFF),
    "engagement:board": E(STAFF, STAFF),
    "engagement:board_move": E(None, STAFF),
    "engagement:decline": E(None, OWNER_TEAM_STAFF, note="fixed: 403 before the reason is checked"),
    "engagement:follow_up_answer": E(NOBODY, NOBODY, note="a made-up token: 404 for all"),
    "engagement:follow_up_answer@token_follow_up": E(
        PUBLIC, PUBLIC, note="the e-mailed link of company C: whoever holds it answers"
    ),
    "engagement:follow_up_in_app": E(None, PARTIES),
    "engagement:forward": E(None, STAFF, note="fixed: 403 to others"),
    "engagement:improve": E(None, STAFF, note="fixed: 403 to others"),
    "engagement:interest": E(PARTIES_STAFF, PARTIES_STAFF),
    "engagement:interest@interest_accepted": E(PARTIES_STAFF, PARTIES_STAFF),
    "engagement:interest@interest_hidden": E(OTHER_SIDE_STAFF, OTHER_SIDE_STAFF),
    "engagement:introduction": E(PARTIES_STAFF, PARTIES_STAFF),
    "engagement:list": E(SIGNED_IN, SIGNED_IN),
    "engagement:message_attachment": E(PARTIES_STAFF, PARTIES_STAFF),
    "engagement:new": E(SIGNED_IN, SIGNED_IN),
    "engagement:outcome_form": E(PARTIES, PARTIES),
    "engagement:pipeline_export": E(STAFF, STAFF),
    "engagement:pipeline_table": E(STAFF, STAFF),
    "engagement:queue": E(STAFF, STAFF),
    "engagement:rates": E(STAFF, STAFF),
    "engagement:resubmit": E(None, OTHER_SIDE, note="fixed: 403 to others"),
    "engagement:stage": E(None, PARTIES_STAFF),
    "engagement:withdraw": E(None, OTHER_SIDE, note="fixed: 403 to others"),
    "events:agenda_ics": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "events:agenda_pdf": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "events:checkin": E(STAFF, STAFF),
    "events:create": E(STAFF, STAFF),
    "events:detail": E(PUBLIC, PUBLIC),
    "events:draft": E(STAFF, STAFF),
    "events:draft_drop": E(None, STAFF),
    "events:draft_move": E(None, STAFF),
    "events:draft_swap": E(None, STAFF),
    "events:edit": E(STAFF, STAFF),
    "events:event_day": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "events:fill": E(None, STAFF),
    "events:interpreter_add": E(STAFF, STAFF),
    "events:interpreter_pdf": E(STAFF, STAFF),
    "events:introduction_offer": E(PARTIES_STAFF, PARTIES_STAFF),
    "events:list": E(PUBLIC, PUBLIC),
    "events:organise": E(STAFF, STAFF),
    "events:participant": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "events:participant@participant_b": E(OTHER_SIDE_STAFF, OTHER_SIDE_STAFF),
    "events:participant_checkin": E(NOBODY, STAFF),
    "events:participant_edit": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "events:participant_edit@participant_b": E(OTHER_SIDE_STAFF, OTHER_SIDE_STAFF),
    "events:plan_xlsx": E(STAFF, STAFF),
    "events:publish": E(None, STAFF),
    "events:rate": E(OWNER_TEAM, OWNER_TEAM),
    "events:register": E(PARTIES_STAFF, PARTIES_STAFF),
    "events:request_add": E(None, STAFF),
    "events:request_answer": E(None, OTHER_SIDE_STAFF),
    "events:request_lock": E(None, STAFF),
    "events:request_send": E(None, OWNER_TEAM_STAFF),
    "events:requests": E(PARTIES_STAFF, PARTIES_STAFF),
    "events:schedule_run": E(None, STAFF),
    "events:slot_block": E(None, STAFF),
    "events:slots_generate": E(None, STAFF),
    "events:table_pdf": E(STAFF, STAFF),
    "home": E(PUBLIC, PUBLIC),
    "imports:confirm": E(
        NOBODY, NOBODY, note="the upload lives in its uploader's session: 404 for all"
    ),
    "imports:job": E(STAFF, STAFF),
    "imports:preview": E(
        NOBODY, NOBODY, note="the upload lives in its uploader's session: 404 for all"
    ),
    "imports:template": E(STAFF, STAFF),
    "imports:upload": E(STAFF, STAFF),
    "indicators:dashboard": E(VIEWER_STAFF, None),
    "indicators:plotly": E(PUBLIC, None),
    "indicators:public": E(PUBLIC, None),
    "indicators:report": E(VIEWER_STAFF, None),
    "inquiries:approve": E(None, STAFF, over="inquiry_waiting"),
    "inquiries:company": E(PUBLIC, PUBLIC, over="showcase_firm"),
    "inquiries:decline": E(None, STAFF, over="inquiry_waiting"),
    "inquiries:detail": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "inquiries:detail@inquiry_waiting": E(STAFF, STAFF),
    "inquiries:list": E(SIGNED_IN, SIGNED_IN),
    "inquiries:product": E(PUBLIC, PUBLIC, over="shown_product"),
    "inquiries:queue": E(STAFF, STAFF),
    "inquiries:sent": E(
        NOBODY, NOBODY, note="the receipt is the sending session's only: 404 for any other"
    ),
    "language": E(None, PUBLIC),
    "login": E(PUBLIC, PUBLIC),
    "matching:company": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "matching:company_feedback": E(None, OWNER_TEAM),
    "matching:digest": E(None, PARTIES),
    "matching:favourite_company": E(None, SIGNED_IN),
    "matching:favourite_profile": E(None, SIGNED_IN),
    "matching:favourites": E(SIGNED_IN, SIGNED_IN),
    "matching:profile": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "matching:profile_feedback": E(None, OWNER_TEAM),
    "matching:saved_search_delete": E(None, THE_USER),
    "matching:saved_searches": E(SIGNED_IN, SIGNED_IN),
    "matching:search": E(SIGNED_IN, SIGNED_IN),
    "notifications:list": E(SIGNED_IN, SIGNED_IN),
    "notifications:read": E(None, THE_USER),
    "notifications:read_all": E(None, SIGNED_IN),
    "notifications:settings": E(SIGNED_IN, SIGNED_IN),
    "opportunities:attachment": E(SIGNED_IN, SIGNED_IN),
    "opportunities:attachment_delete": E(None, OWNER_TEAM_STAFF),
    "opportunities:classification_search": E(PARTIES, PARTIES_STAFF),
    "opportunities:close": E(None, OWNER_TEAM_STAFF, note="fixed: permission before the form"),
    "opportunities:create": E(PARTIES, PARTIES),
    "opportunities:detail": E(SIGNED_IN, SIGNED_IN),
    "opportunities:detail@draft": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "opportunities:detail@anonymous_profile": E(SIGNED_IN, SIGNED_IN),
    "opportunities:edit@profile_b": E(OTHER_SIDE_STAFF, OTHER_SIDE_STAFF),
    "opportunities:edit@draft": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "opportunities:edit": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "opportunities:extend": E(None, OWNER_TEAM_STAFF),
    "opportunities:list": E(SIGNED_IN, SIGNED_IN),
    "opportunities:publish": E(None, OWNER_TEAM_STAFF),
    "opportunities:queue": E(STAFF, STAFF),
    "opportunities:return": E(None, STAFF, note="fixed: permission before the form"),
    "opportunities:submit": E(None, OWNER_TEAM_STAFF),
    "opportunities:validate": E(None, STAFF),
    "privacy:company_data": E(OWNER_TEAM_STAFF, OWNER_TEAM),
    "privacy:company_json": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "privacy:company_pdf": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "privacy:erasure_carry_out": E(None, STAFF),
    "privacy:erasure_decline": E(None, STAFF),
    "privacy:erasure_queue": E(STAFF, STAFF),
    "promotions:brochure_create": E(STAFF, STAFF),
    "promotions:brochure_download": E(STAFF, STAFF),
    "promotions:create": E(STAFF, STAFF),
    "promotions:detail": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "promotions:edit": E(STAFF, STAFF),
    "promotions:list": E(SIGNED_IN, SIGNED_IN),
    "registry:company_detail": E(SIGNED_IN, SIGNED_IN),
    "registry:company_edit": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF),
    "registry:company_list": E(SIGNED_IN, SIGNED_IN),
    "registry:crosswalk_confirm": E(None, STAFF),
    "registry:crosswalk_correct": E(None, STAFF),
    "registry:crosswalk_reject": E(None, STAFF),
    "registry:crosswalk_review": E(STAFF, STAFF),
    "registry:return": E(None, STAFF),
    "registry:validation_queue": E(STAFF, STAFF),
    "registry:verify": E(None, STAFF),
    "schema": E(PUBLIC, None),
    "set_language": E(PUBLIC, PUBLIC),
    "translations:edit": E(OWNER_TEAM_STAFF, OWNER_TEAM_STAFF, over="profile"),
    "translations:queue": E(STAFF, STAFF),
    "translations:request": E(
        None, NOBODY, over="profile", note="an empty form (no language): 404 for all"
    ),
    "vocational:application_detail": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:application_transition": E(None, INSTITUTION_STAFF),
    "vocational:applications": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:certificate_pdf": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:contact_remove": E(None, INSTITUTION_STAFF, over="contact_institution"),
    "vocational:department_remove": E(None, INSTITUTION_STAFF),
    "vocational:figures_export": E(STAFF, STAFF),
    "vocational:follow_up_answer": E(
        INSTITUTION_STAFF, INSTITUTION_STAFF, note="also the participant's own account"
    ),
    "vocational:institution_detail": E(SIGNED_IN, SIGNED_IN),
    "vocational:institution_edit": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:institution_list": E(SIGNED_IN, SIGNED_IN),
    "vocational:institution_new": E(STAFF, STAFF),
    "vocational:mou_detail": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:mou_document": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:mou_edit": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:mou_list": E(ORGANISATION_MEMBERS_STAFF, ORGANISATION_MEMBERS_STAFF),
    "vocational:mou_new": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:mou_terminate": E(None, INSTITUTION_STAFF),
    "vocational:overview": E(STAFF, STAFF),
    "vocational:own_institution": E(SIGNED_IN, SIGNED_IN),
    "vocational:person_detail": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:person_document": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:person_document_remove": E(None, INSTITUTION_STAFF),
    "vocational:person_edit": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:person_erase": E(None, STAFF),
    "vocational:person_list": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:person_new": E(INSTITUTION, INSTITUTION),
    "vocational:placement_offer_detail": E(
        OWNER_TEAM_INSTITUTION_STAFF, OWNER_TEAM_INSTITUTION_STAFF
    ),
    "vocational:placement_offer_new": E(PARTIES, PARTIES),
    "vocational:placement_status": E(None, INSTITUTION_STAFF, note="fixed: 403 to the company"),
    "vocational:placement_suggest": E(None, INSTITUTION_STAFF, note="fixed: 403 to the company"),
    "vocational:placements": E(ORGANISATION_MEMBERS_STAFF, ORGANISATION_MEMBERS_STAFF),
    "vocational:programme_apply": E(None, INSTITUTION_STAFF),
    "vocational:programme_complete": E(None, STAFF),
    "vocational:programme_detail": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:programme_edit": E(STAFF, STAFF),
    "vocational:programme_export": E(STAFF, STAFF),
    "vocational:programme_new": E(INSTITUTION_STAFF, INSTITUTION_STAFF),
    "vocational:programme_rank": E(None, STAFF),
    "vocational:programmes": E(ORGANISATION_MEMBERS_STAFF, ORGANISATION_MEMBERS_STAFF),
    "vocational_verify": E(NOBODY, NOBODY, note="a made-up code: 404 for everybody"),
    "vocational_verify@code_certificate": E(
        PUBLIC, PUBLIC, note="a certificate's name, programme and dates only"
    ),
}

API: dict[str, Op] = {
    "DELETE /api/v1/products/{id}/": Op(OWNER_TEAM_STAFF),
    "DELETE /api/v1/profiles/{id}/": Op(OWNER_TEAM_STAFF),
    "GET /api/v1/agreements/": Op(SIGNED_IN),
    "GET /api/v1/agreements/{id}/": Op(PARTIES_STAFF),
    "GET /api/v1/agreements/{id}/@agreement_b": Op(OTHER_SIDE_STAFF),
    "GET /api/v1/certifications/": Op(PUBLIC),
    "GET /api/v1/certifications/{code}/": Op(NOBODY),
    "GET /api/v1/classifications/": Op(PUBLIC),
    "GET /api/v1/classifications/{scheme}/{code}/": Op(NOBODY, note="scheme KBLI: no such"),
    "GET /api/v1/classifications/{scheme}/{code}/@scheme_kbli": Op(PUBLIC),
    "GET /api/v1/companies/": Op(SIGNED_IN),
    "GET /api/v1/companies/{id}/": Op(SIGNED_IN),
    "GET /api/v1/companies/{id}/contacts/": Op(OWNER_TEAM_STAFF),
    "GET /api/v1/companies/{id}/export/": Op(OWNER_TEAM_STAFF),
    "GET /api/v1/inquiries/": Op(SIGNED_IN),
    "GET /api/v1/inquiries/form-token/": Op(PUBLIC),
    "GET /api/v1/inquiries/{id}/": Op(OWNER_TEAM_STAFF),
    "GET /api/v1/inquiries/{id}/@inquiry_waiting": Op(STAFF),
    "GET /api/v1/interests/": Op(SIGNED_IN),
    "GET /api/v1/interests/{id}/": Op(PARTIES_STAFF),
    "GET /api/v1/interests/{id}/@interest_hidden": Op(OTHER_SIDE_STAFF),
    "GET /api/v1/interests/{id}/@interest_accepted": Op(PARTIES_STAFF),
    "GET /api/v1/introductions/": Op(SIGNED_IN),
    "GET /api/v1/introductions/{id}/": Op(PARTIES_STAFF),
    "GET /api/v1/introductions/{id}/messages/": Op(PARTIES_STAFF),
    "GET /api/v1/notifications/": Op(SIGNED_IN),
    "GET /api/v1/products/": Op(PARTIES_STAFF),
    "GET /api/v1/products/{id}/": Op(OWNER_TEAM_STAFF),
    "GET /api/v1/products/{id}/@product_b": Op(OTHER_SIDE_STAFF),
    "GET /api/v1/profiles/": Op(SIGNED_IN),
    "GET /api/v1/profiles/{id}/": Op(SIGNED_IN),
    "GET /api/v1/profiles/{id}/@draft": Op(OWNER_TEAM_STAFF),
    "GET /api/v1/profiles/{id}/@anonymous_profile": Op(SIGNED_IN),
    "PATCH /api/v1/profiles/{id}/@profile_b": Op(OTHER_SIDE_STAFF),
    "GET /api/v1/profiles/{id}/matches/": Op(OWNER_TEAM_STAFF),
    "GET /api/v1/promotions/": Op(SIGNED_IN),
    "GET /api/v1/promotions/{id}/": Op(OWNER_TEAM_STAFF),
    "GET /api/v1/regions/": Op(PUBLIC),
    "GET /api/v1/regions/{code}/": Op(NOBODY),
    "GET /api/v1/search/": Op(NOBODY, note="without a query: 400 for everybody"),
    "GET /api/v1/sectors/": Op(PUBLIC),
    "GET /api/v1/sectors/{slug}/": Op(PUBLIC),
    "GET /api/v1/showcase/companies/": Op(PUBLIC),
    "GET /api/v1/showcase/companies/{id}/": Op(PUBLIC, over="showcase_firm"),
    "GET /api/v1/showcase/products/": Op(PUBLIC),
    "GET /api/v1/showcase/products/{id}/": Op(PUBLIC, over="shown_product"),
    "GET /api/v1/vocational/applications/": Op(SIGNED_IN),
    "GET /api/v1/vocational/applications/{id}/": Op(INSTITUTION_STAFF),
    "GET /api/v1/vocational/institutions/": Op(SIGNED_IN),
    "GET /api/v1/vocational/institutions/{id}/": Op(SIGNED_IN),
    "GET /api/v1/vocational/mous/": Op(ORGANISATION_MEMBERS_STAFF),
    "GET /api/v1/vocational/mous/{id}/": Op(INSTITUTION_STAFF),
    "GET /api/v1/vocational/programmes/": Op(ORGANISATION_MEMBERS_STAFF),
    "GET /api/v1/vocational/programmes/{id}/": Op(INSTITUTION_STAFF),
    "PATCH /api/v1/companies/{id}/": Op(OWNER_TEAM_STAFF),
    "PATCH /api/v1/products/{id}/": Op(OWNER_TEAM_STAFF),
    "PATCH /api/v1/profiles/{id}/": Op(OWNER_TEAM_STAFF),
    "PATCH /api/v1/promotions/{id}/": Op(STAFF),
    "PATCH /api/v1/vocational/institutions/{id}/": Op(INSTITUTION_STAFF),
    "PATCH /api/v1/vocational/programmes/{id}/": Op(STAFF),
    "POST /api/v1/agreements/": Op(PARTIES_STAFF),
    "POST /api/v1/agreements/{id}/confirm/": Op(PARTIES),
    "POST /api/v1/agreements/{id}/verify/": Op(STAFF),
    "POST /api/v1/auth/token/": Op(PUBLIC),
    "POST /api/v1/companies/": Op(STAFF),
    "POST /api/v1/companies/{id}/contacts/": Op(OWNER_TEAM_STAFF),
    "POST /api/v1/companies/{id}/return/": Op(STAFF),
    "POST /api/v1/companies/{id}/verify/": Op(STAFF),
    "POST /api/v1/inquiries/": Op(PUBLIC),
    "POST /api/v1/interests/": Op(COMPANY_MEMBERS, note="fixed: 403 before 400"),
    "POST /api/v1/interests/{id}/accept/": Op(OWNER_TEAM),
    "POST /api/v1/interests/{id}/decline/": Op(PARTIES_STAFF),
    "POST /api/v1/interests/{id}/withdraw/": Op(OTHER_SIDE),
    "POST /api/v1/introductions/{id}/messages/": Op(PARTIES_STAFF),
    "POST /api/v1/introductions/{id}/stage/": Op(PARTIES_STAFF),
    "POST /api/v1/notifications/{id}/read/": Op(THE_USER),
    "POST /api/v1/products/": Op(PARTIES_STAFF),
    "POST /api/v1/profiles/": Op(PARTIES),
    "POST /api/v1/profiles/{id}/attachments/": Op(OWNER_TEAM_STAFF),
    "POST /api/v1/profiles/{id}/close/": Op(OWNER_TEAM_STAFF, note="fixed: 403 before 400"),
    "POST /api/v1/profiles/{id}/extend/": Op(OWNER_TEAM_STAFF),
    "POST /api/v1/profiles/{id}/publish/": Op(OWNER_TEAM_STAFF),
    "POST /api/v1/profiles/{id}/return/": Op(STAFF, note="fixed: 403 before 400"),
    "POST /api/v1/profiles/{id}/submit/": Op(OWNER_TEAM_STAFF),
    "POST /api/v1/profiles/{id}/validate/": Op(STAFF),
    "POST /api/v1/promotions/": Op(STAFF),
    "POST /api/v1/vocational/applications/": Op(INSTITUTION_STAFF, note="fixed: 403 before 400"),
    "POST /api/v1/vocational/applications/{id}/transition/": Op(INSTITUTION_STAFF),
    "POST /api/v1/vocational/institutions/": Op(STAFF),
    "POST /api/v1/vocational/mous/": Op(INSTITUTION_STAFF),
    "POST /api/v1/vocational/programmes/": Op(INSTITUTION_STAFF, note="fixed: 403 before 400"),
    "PUT /api/v1/companies/{id}/": Op(OWNER_TEAM_STAFF),
    "PUT /api/v1/products/{id}/": Op(OWNER_TEAM_STAFF),
    "PUT /api/v1/profiles/{id}/": Op(OWNER_TEAM_STAFF),
    "PUT /api/v1/vocational/institutions/{id}/": Op(INSTITUTION_STAFF),
    "PUT /api/v1/vocational/mous/{id}/": Op(INSTITUTION_STAFF),
}


def markdown() -> str:
    lines = ["# Authorisation: who may read and change what", ""]
    lines += [
        "Generated by `python -m tests.security.expectations --markdown` from the table",
        "`tests/security/expectations.py`, which `tests/security/test_authorisation_matrix.py`",
        "checks route by route, role by role. Do not edit by hand.",
        "",
        "## Rules",
        "",
        "| rule | who |",
        "| --- | --- |",
    ]
    lines += [f"| `{rule.name}` | {rule.says} |" for rule in RULES]
    lines += [
        "",
        "## Web routes",
        "",
        "| route | over | read (GET) | change (POST) | note |",
        "| --- | --- | --- | --- | --- |",
    ]
    for key, e in sorted(WEB.items()):
        read = e.read.name if e.read else "—"
        change = e.change.name if e.change else "—"
        lines.append(f"| `{key}` | {e.over or ''} | {read} | {change} | {e.note} |")
    lines += [
        f"| `/admin/...` | | {ADMIN_PREFIX.read.name if ADMIN_PREFIX.read else ''} | "
        f"{ADMIN_PREFIX.change.name if ADMIN_PREFIX.change else ''} | {ADMIN_PREFIX.note} |",
        "",
        "## API operations",
        "",
        "| operation | over | who | note |",
        "| --- | --- | --- | --- |",
    ]
    for key, op in sorted(API.items(), key=lambda kv: (kv[0].split(" ", 1)[1], kv[0])):
        lines.append(f"| `{key}` | {op.over or ''} | {op.who.name} | {op.note} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if "--markdown" in sys.argv:
        sys.stdout.write(markdown())
