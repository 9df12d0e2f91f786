"""Known mistakes of Clerk's published Frontend API spec, each with the evidence, relaxed in ONE place.

The emulator is validated against `clerk-fapi-2026-05-12.yml`. Where the real service (recorded in
`../shared/reference/samples/`) sends something the spec forbids, the spec is wrong, not the emulator;
each such
place is patched below, and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Erratum:
    schema: str
    what: str
    evidence: str


ERRATA: tuple[Erratum, ...] = (
    Erratum(
        "every schema with nullable: true beside allOf / oneOf / anyOf",
        "an OAS 3.0 validator still checks null against the composed schemas, so null is refused; "
        "the spec means the field may be null",
        "samples/post-client.json: client sign_in / sign_up null; attempt-first-factor-complete.json: "
        "second_factor_verification null",
    ),
    Erratum(
        "every schema with nullable: true and an enum",
        "the enum does not list null, so null is refused although the field is nullable",
        "samples/get-environment.json: display_config.captcha_provider and captcha_widget_type are null",
    ),
    Erratum(
        "Client.SignIn / Client.SignIn-2 supported_identifiers",
        'enum lacks "password"',
        'samples/post-sign-ins-needs-first-factor.json: supported_identifiers contains "password"',
    ),
    Erratum(
        "Client.SignIn / Client.SignIn-2",
        'additionalProperties: false, yet the real sign-in carries "locale"',
        'samples/attempt-first-factor-complete.json and every other sign-in sample: "locale": null',
    ),
    Erratum(
        "Client.SessionBase / Client.SessionBase-2 status",
        'enum lacks "replaced"',
        "reference/README.md (statuses seen on the wire); FAPI.md section 5",
    ),
    Erratum(
        "UserSettings.Socials",
        "additionalProperties: false over a fixed provider list, yet instances carry custom providers",
        "samples/get-environment.json: user_settings.social.oauth_custom_spung (no logo_url either)",
    ),
    Erratum(
        "UserSettings.SignUp",
        'additionalProperties: false, yet the real object carries "mfa"',
        'samples/get-environment.json: user_settings.sign_up.mfa = {"required": false}',
    ),
    Erratum(
        "Client.CommerceSettings billing",
        "additionalProperties: false, yet it carries enabled / has_paid_user_plans / has_paid_org_plans",
        "samples/get-environment.json: commerce_settings.billing",
    ),
)


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def _nullable_means_nullable(node: Any) -> Any:
    """Rewrite nullable composed/enum schemas so that null validates (the first two errata)."""
    if isinstance(node, list):
        return [_nullable_means_nullable(v) for v in node]
    if not isinstance(node, dict):
        return node
    node = {k: _nullable_means_nullable(v) for k, v in node.items()}
    if node.get("nullable") is True:
        if "enum" in node and None not in node["enum"]:
            node["enum"] = [*node["enum"], None]
        if any(k in node for k in ("allOf", "oneOf", "anyOf", "$ref")):
            rest = {k: v for k, v in node.items() if k != "nullable"}
            return {"anyOf": [{"nullable": True, "enum": [None]}, rest]}
    return node


def apply(spec: dict[str, Any]) -> dict[str, Any]:
    """Patch the loaded spec in place for each erratum above and return it."""
    spec["components"] = _nullable_means_nullable(spec["components"])
    spec["paths"] = _nullable_means_nullable(spec["paths"])
    schemas = _schemas(spec)
    for name in ("Client.SignIn", "Client.SignIn-2"):
        sign_in = schemas[name]
        enum = sign_in["properties"]["supported_identifiers"]["items"]["enum"]
        if "password" not in enum:
            enum.append("password")
        sign_in["properties"]["locale"] = {"type": "string", "nullable": True}
    for name in ("Client.SessionBase", "Client.SessionBase-2"):
        if name in schemas:
            status = schemas[name]["properties"]["status"]
            if "replaced" not in status["enum"]:
                status["enum"].append("replaced")
    schemas["UserSettings.Socials"]["additionalProperties"] = {
        "$ref": "#/components/schemas/UserSettings.Social"
    }
    schemas["UserSettings.SignUp"]["properties"]["mfa"] = {"type": "object"}
    billing = schemas["Client.CommerceSettings"]["properties"]["billing"]["properties"]
    for flag in ("enabled", "has_paid_user_plans", "has_paid_org_plans"):
        billing[flag] = {"type": "boolean"}
    return spec
