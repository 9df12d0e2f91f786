"""The body of `GET /v1/environment`: the instance's settings, built from the emulator's configuration.

Its shape follows a real development instance's answer (the one recorded in the reference samples); the values
that the emulator enforces (which sign-up fields are required, single-session mode, the instance type,
whether the native API is on) come from the emulator so that the environment never contradicts its behaviour.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

# The social providers of the recorded instance: (strategy, display name, enabled).
_SOCIALS: tuple[tuple[str, str, bool], ...] = (
    ("oauth_apple", "Apple", True),
    ("oauth_box", "Box", True),
    ("oauth_custom_spung", "spung", False),
    ("oauth_facebook", "Facebook", True),
    ("oauth_github", "GitHub", True),
    ("oauth_google", "Google", True),
    ("oauth_linkedin_oidc", "LinkedIn", True),
    ("oauth_notion", "Notion", True),
    ("oauth_tiktok", "TikTok", True),
    ("oauth_twitter", "Twitter", False),
    ("oauth_vercel", "Vercel", True),
    ("oauth_x", "X / Twitter", True),
)
OAUTH_STRATEGIES = tuple(s for s, _, enabled in _SOCIALS if enabled)

# Sign-up fields an instance can require; everything else a sign-up accepts is optional.
SIGN_UP_FIELDS = (
    "email_address",
    "phone_number",
    "username",
    "first_name",
    "last_name",
    "password",
    "legal_accepted",
)


def _attribute(
    *,
    enabled: bool = True,
    required: bool = False,
    first_factors: Iterable[str] = (),
    second_factors: Iterable[str] = (),
    verifications: Iterable[str] = (),
    used_for_first_factor: bool | None = None,
    verify_at_sign_up: bool = False,
) -> dict[str, Any]:
    first = list(first_factors)
    second = list(second_factors)
    return {
        "enabled": enabled,
        "required": required,
        "used_for_first_factor": bool(first) if used_for_first_factor is None else used_for_first_factor,
        "first_factors": first,
        "used_for_second_factor": bool(second),
        "second_factors": second,
        "verifications": list(verifications),
        "verify_at_sign_up": verify_at_sign_up,
        "immutable": False,
    }


def _social(strategy: str, name: str, enabled: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "enabled": enabled,
        "required": False,
        "authenticatable": enabled or strategy.startswith("oauth_custom_"),
        "block_email_subaddresses": strategy == "oauth_google",
        "strategy": strategy,
        "not_selectable": not enabled and not strategy.startswith("oauth_custom_"),
        "deprecated": False,
        "name": name,
    }
    if not strategy.startswith("oauth_custom_"):
        entry["logo_url"] = f"https://img.clerk.com/static/{strategy.removeprefix('oauth_')}.png"
    return entry


def build_environment(
    *,
    instance_type: str,
    single_session_mode: bool,
    sign_up_required: frozenset[str],
    native_api_enabled: bool,
    application_name: str,
    home_url: str,
) -> dict[str, Any]:
    def mode(name: str) -> str:
        return "required" if name in sign_up_required else "on"

    dev = instance_type == "development"
    urls = {
        key: f"{home_url}/{path}"
        for key, path in (
            ("home_url", ""),
            ("sign_in_url", "sign-in"),
            ("sign_up_url", "sign-up"),
            ("user_profile_url", "user"),
            ("waitlist_url", "waitlist"),
            ("oauth_consent_url", "oauth-consent"),
            ("after_sign_in_url", ""),
            ("after_sign_up_url", ""),
            ("after_sign_out_one_url", "sign-in"),
            ("after_sign_out_all_url", "sign-in"),
            ("after_switch_session_url", ""),
            ("after_join_waitlist_url", ""),
            ("organization_profile_url", "organization"),
            ("create_organization_url", "create-organization"),
            ("after_leave_organization_url", ""),
            ("after_create_organization_url", ""),
            ("logo_link_url", ""),
        )
    }
    auth_config = {
        "object": "auth_config",
        "id": "aac_emulator",
        "first_name": mode("first_name"),
        "last_name": mode("last_name"),
        "email_address": mode("email_address"),
        "phone_number": mode("phone_number"),
        "username": mode("username"),
        "password": mode("password"),
        "identification_requirements": [
            ["email_address", *OAUTH_STRATEGIES, "phone_number"],
            ["username"],
        ],
        "identification_strategies": [
            "email_address",
            *OAUTH_STRATEGIES,
            "passkey",
            "password",
            "phone_number",
            "username",
        ],
        "first_factors": [
            "email_code",
            "email_link",
            *OAUTH_STRATEGIES,
            "passkey",
            "password",
            "phone_code",
            "reset_password_email_code",
            "reset_password_phone_code",
            "ticket",
        ],
        "second_factors": ["backup_code", "phone_code", "totp"],
        "email_address_verification_strategies": ["email_code", "email_link"],
        "single_session_mode": single_session_mode,
        "enhanced_email_deliverability": False,
        "test_mode": dev,
        "cookieless_dev": dev,
        "url_based_session_syncing": dev,
        "claimed_at": None,
        "reverification": False,
        "native_settings": {
            "object": "native_settings",
            "api_enabled": native_api_enabled,
            "trusted_device_sign_in_enabled": False,
            "trusted_device_enrollment_prompt_after_sign_in_enabled": False,
            "trusted_device_enrollment_prompt_after_sign_up_enabled": False,
        },
    }
    display_config: dict[str, Any] = {
        "object": "display_config",
        "id": "display_config_emulator",
        "instance_environment_type": instance_type,
        "application_name": application_name,
        "theme": {
            "buttons": {"font_color": "#ffffff", "font_family": "sans-serif", "font_weight": "600"},
            "general": {
                "color": "#6c47ff",
                "padding": "1em",
                "box_shadow": "none",
                "font_color": "#151515",
                "font_family": "sans-serif",
                "border_radius": "0.5em",
                "background_color": "#ffffff",
                "label_font_weight": "600",
            },
            "accounts": {"background_color": "#ffffff"},
        },
        "preferred_sign_in_strategy": "password",
        "logo_image_url": f"{home_url}/logo.png",
        "favicon_image_url": "",
        **urls,
        "support_email": None,
        "branded": True,
        "experimental_force_oauth_first": False,
        "clerk_js_version": "5",
        "show_devmode_warning": dev,
        "google_one_tap_client_id": None,
        "help_url": None,
        "privacy_policy_url": f"{home_url}/privacy",
        "terms_url": f"{home_url}/terms",
        "logo_url": f"{home_url}/logo.png",
        "favicon_url": None,
        "logo_image": {"object": "image", "id": "img_emulator_logo", "public_url": f"{home_url}/logo.png"},
        "favicon_image": None,
        "captcha_public_key": None,
        "captcha_widget_type": None,
        "captcha_public_key_invisible": None,
        "captcha_provider": None,
        "captcha_oauth_bypass": [],
    }
    attributes = {
        "email_address": _attribute(
            required="email_address" in sign_up_required,
            first_factors=("email_code", "email_link"),
            verifications=("email_code", "email_link"),
            verify_at_sign_up=True,
        ),
        "phone_number": _attribute(
            required="phone_number" in sign_up_required,
            first_factors=("phone_code",),
            second_factors=("phone_code",),
            verifications=("phone_code",),
            verify_at_sign_up=True,
        ),
        "username": _attribute(required="username" in sign_up_required, used_for_first_factor=True),
        "web3_wallet": _attribute(enabled=False),
        "first_name": _attribute(required="first_name" in sign_up_required),
        "last_name": _attribute(required="last_name" in sign_up_required),
        "password": _attribute(required="password" in sign_up_required, used_for_first_factor=True),
        "authenticator_app": _attribute(second_factors=("totp",), verifications=("totp",)),
        "ticket": _attribute(),
        "backup_code": _attribute(second_factors=("backup_code",)),
        "passkey": _attribute(first_factors=("passkey",), verifications=("passkey",)),
    }
    user_settings = {
        "attributes": attributes,
        "sign_in": {"second_factor": {"required": False}},
        "sign_up": {
            "captcha_enabled": False,
            "captcha_widget_type": "smart",
            "custom_action_required": False,
            "progressive": True,
            "mode": "public",
            "legal_consent_enabled": "legal_accepted" in sign_up_required,
            "mfa": {"required": False},
        },
        "restrictions": {
            name: {"enabled": False}
            for name in (
                "allowlist",
                "blocklist",
                "allowlist_blocklist_disabled_on_sign_in",
                "block_email_subaddresses",
                "block_disposable_email_domains",
            )
        },
        "username_settings": {
            "min_length": 4,
            "max_length": 64,
            "allow_extended_special_characters": False,
            "allow_numeric_usernames": True,
        },
        "actions": {"delete_self": True, "create_organization": True, "create_organizations_limit": None},
        "attack_protection": {
            "user_lockout": {"enabled": True, "max_attempts": 100, "duration_in_minutes": 60},
            "pii": {"enabled": True},
            "email_link": {"require_same_client": False},
            "enumeration_protection": {"enabled": False},
        },
        "passkey_settings": {
            "allow_autofill": True,
            "show_sign_in_button": True,
            "satisfies_second_factor": True,
        },
        "social": {strategy: _social(strategy, name, enabled) for strategy, name, enabled in _SOCIALS},
        "saml": {"enabled": False},
        "enterprise_sso": {"enabled": False},
        # Only the minimum length is enforced by the emulator, so only it is announced.
        "password_settings": {
            "disable_hibp": True,
            "disable_password_reverification": False,
            "min_length": 8,
            "max_length": 0,
            "require_special_char": False,
            "require_numbers": False,
            "require_uppercase": False,
            "require_lowercase": False,
            "show_zxcvbn": False,
            "min_zxcvbn_strength": 0,
            "enforce_hibp_on_sign_in": False,
            "allowed_special_characters": "+$-_",
        },
    }
    return {
        "auth_config": auth_config,
        "display_config": display_config,
        "user_settings": user_settings,
        "organization_settings": {
            "enabled": True,
            "max_allowed_memberships": 5,
            "actions": {"admin_delete": True},
            "domains": {"enabled": False, "enrollment_modes": [], "default_role": "org:member"},
            "creator_role": "org:admin",
        },
        "commerce_settings": {
            "billing": {
                "enabled": False,
                "has_paid_user_plans": False,
                "has_paid_org_plans": False,
                "free_trial_requires_payment_method": True,
                "user": {"enabled": False, "has_paid_plans": False},
                "organization": {"enabled": False, "has_paid_plans": False},
            }
        },
        "api_keys_settings": {
            "enabled": False,
            "user_api_keys_enabled": False,
            "orgs_api_keys_enabled": False,
        },
        "maintenance_mode": False,
        "client_debug_mode": False,
        "partitioned_cookies": False,
    }
