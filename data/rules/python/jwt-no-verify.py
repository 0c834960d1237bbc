import base64
import json
import os

import jwt
from flask import abort, request

JWT_KEY = os.environ["JWT_PUBLIC_KEY"]


def current_user_id() -> str:
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    # ruleid: python.jwt-no-verify
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def tenant_of(token: str) -> str:
    # ruleid: python.jwt-no-verify
    claims = jwt.decode(token, JWT_KEY, algorithms=["HS256", "none"])
    return claims["tenant"]


def legacy_claims(token: str) -> dict:
    # ruleid: python.jwt-no-verify
    return jwt.decode(token, verify=False)


def peek(token: str) -> dict:
    # ruleid: python.jwt-no-verify
    return jwt.decode(token, JWT_KEY, algorithms=["RS256"], options=dict(verify_signature=False))


def verified_claims(token: str) -> dict:
    try:
        # ok: python.jwt-no-verify
        return jwt.decode(token, JWT_KEY, algorithms=["RS256"], audience="api", options={"require": ["exp", "sub"]})
    except jwt.InvalidTokenError:
        abort(401)


def user_from_token(token: str) -> str:
    # ruleid: python.jwt-no-verify
    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    return payload["sub"]


def key_id(token: str) -> str:
    # ok: python.jwt-no-verify
    header = jwt.get_unverified_header(token)
    # ok: python.jwt-no-verify
    raw = token.encode().decode("ascii", errors="strict")
    # ok: python.jwt-no-verify
    blob = base64.urlsafe_b64decode(token.encode())
    # ok: python.jwt-no-verify
    expired_ok = jwt.decode(token, JWT_KEY, algorithms=["RS256"], options={"verify_exp": False})
    return header["kid"] + raw + str(expired_ok) + str(blob)
