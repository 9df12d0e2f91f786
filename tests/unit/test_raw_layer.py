"""The seam between the facade and the generated layer (``clerk_fapi._raw``).

The facade builds requests with each generated endpoint module's ``_get_kwargs`` and parses answers
with its ``_build_response``. A regeneration that renamed those, or an operation added to
``openapi.yaml`` that the facade never reaches, must fail here rather than in a user's hands.
"""

from __future__ import annotations

import importlib
import pkgutil

import clerk_fapi_raw.api
import pytest
from clerk_fapi import ConfigurationError, _raw

ENDPOINTS = [value for value in vars(_raw).values() if isinstance(value, _raw.Endpoint)]
# Operations of openapi.yaml the facade deliberately does not call, each with its reason.
# (POST /v1/client is now called: hosted sign-in makes a client with it and redeems its nonce through it.)
NOT_CALLED: dict[str, str] = {}


def generated_endpoint_modules() -> set[str]:
    names: set[str] = set()
    for tag in pkgutil.iter_modules(clerk_fapi_raw.api.__path__):
        package = importlib.import_module(f"clerk_fapi_raw.api.{tag.name}")
        for module in pkgutil.iter_modules(package.__path__):
            names.add(f"clerk_fapi_raw.api.{tag.name}.{module.name}")
    return names


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_each_endpoint_has_the_generated_functions_the_facade_uses(endpoint: _raw.Endpoint) -> None:
    assert callable(getattr(endpoint.module, "_get_kwargs", None))
    assert callable(getattr(endpoint.module, "_build_response", None))
    assert endpoint.retry_class in (_raw.IDEMPOTENT, _raw.TOKEN, _raw.UNSAFE)


def test_every_generated_operation_is_reached_by_exactly_one_endpoint() -> None:
    used = [endpoint.module.__name__ for endpoint in ENDPOINTS]
    assert sorted(used) == sorted(set(used)), "two endpoints share one generated module"
    assert set(used) | set(NOT_CALLED) == generated_endpoint_modules()
    assert not set(used) & set(NOT_CALLED)


def test_reads_are_idempotent_and_writes_are_not() -> None:
    for endpoint in ENDPOINTS:
        method = endpoint.name.split()[0]
        if method in ("GET", "PUT", "DELETE"):
            assert endpoint.retry_class == _raw.IDEMPOTENT, endpoint.name
        elif "/tokens" in endpoint.name:
            assert endpoint.retry_class == _raw.TOKEN, endpoint.name
        else:
            assert endpoint.retry_class == _raw.UNSAFE, endpoint.name


def test_request_kwargs_come_from_the_generated_function() -> None:
    kwargs = _raw.request_kwargs(_raw.TOUCH_SESSION, ("sess_1",), {"active_organization_id": None})
    assert kwargs["method"] == "post"
    assert kwargs["url"] == "/v1/client/sessions/sess_1/touch"
    assert kwargs["data"] == {"active_organization_id": None}


def test_a_form_field_the_endpoint_does_not_take_is_a_configuration_error_naming_it() -> None:
    with pytest.raises(ConfigurationError, match="does not take the field\\(s\\) favourite_colour"):
        _raw.request_kwargs(_raw.CREATE_SIGN_IN, (), {"identifier": "a", "favourite_colour": "blue"})
    with pytest.raises(ConfigurationError, match="takes no form fields"):
        _raw.request_kwargs(_raw.END_SESSION, ("sess_1",), {"anything": "x"})


def test_an_endpoint_names_its_generated_module_and_models_or_is_given_them() -> None:
    """Both spellings make the same endpoint: names (imported on first use) or the imported objects."""
    from clerk_fapi_raw.api.sign_ins import create_sign_in
    from clerk_fapi_raw.models import CreateSignInForm, SignInEnvelope

    given = _raw._e("POST /v1/client/sign_ins", create_sign_in, _raw.UNSAFE, CreateSignInForm, SignInEnvelope)
    assert given == _raw.CREATE_SIGN_IN
    assert (given.module, given.form, given.result) == (create_sign_in, CreateSignInForm, SignInEnvelope)
