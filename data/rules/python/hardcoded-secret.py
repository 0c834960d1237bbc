import os

import psycopg2
import requests
import stripe

# ruleid: python.hardcoded-secret
SECRET_KEY = "django-insecure-9x$k2!vq@7m^t3w8#zr1p0l6"
# ruleid: python.hardcoded-secret
stripe.api_key = "pk9Xw2Lq7Rt4Zm8Vb3Nc6Hj1"
# ok: python.hardcoded-secret
github_token = "ghp_R8uF3kL0pQ7zW2xY5vN9mB4cT6hJ1sD8gA2e"
# ok: python.hardcoded-secret
DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]
# ok: python.hardcoded-secret
API_TOKEN = os.environ.get("API_TOKEN", "")
# ok: python.hardcoded-secret
ADMIN_PASSWORD = "changeme"
# ok: python.hardcoded-secret
TOKEN_URL = "https://auth.example.org/oauth/token"
# ok: python.hardcoded-secret
PASSWORD_HASHER = "django.contrib.auth.hashers.Argon2PasswordHasher"
# ok: python.hardcoded-secret
api_key = "<your-api-key>"
# ok: python.hardcoded-secret
SECRET_ENV_VAR = "MYAPP_SECRET_KEY"


class Settings:
    # ruleid: python.hardcoded-secret
    jwt_secret: str = "h7Gk2pQ9zX4vR1mT8wY3nB6c"
    # ok: python.hardcoded-secret
    token_type = "Bearer"
    # ok: python.hardcoded-secret
    password_error = "Password must be at least 12 characters long"


def connect():
    return psycopg2.connect(
        host="db.internal",
        user="app",
        # ruleid: python.hardcoded-secret
        password="Pg_pr0d#2024!Rw",
    )


def call_api(path):
    headers = {
        # ruleid: python.hardcoded-secret
        "X-Api-Key": "3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e",
        "Accept": "application/json",
    }
    # ruleid: python.hardcoded-secret
    token = os.getenv("SERVICE_TOKEN", "tok_8Hq2LmZ7xR4pW9vK")
    return requests.get("https://api.internal" + path, headers=headers, auth=("svc", token), timeout=10)


# ruleid: python.hardcoded-secret
def login(username, password="Adm1n!2023x"):
    # ruleid: python.hardcoded-secret
    if password == "Sup3r-S3cret-Adm1n":
        return True
    # ok: python.hardcoded-secret
    if password == "":
        return False
    return False


def safe_variants():
    # ok: python.hardcoded-secret
    secret = os.environ["APP_SECRET"]
    # ok: python.hardcoded-secret
    conn = psycopg2.connect(password=os.environ["PGPASSWORD"])
    # ok: python.hardcoded-secret
    config = {"password": "xxxxxxxx", "api_key": "your-api-key-here"}
    # ok: python.hardcoded-secret
    refresh_token_field = "refresh_token"
    # ok: python.hardcoded-secret
    token.markup = "autolink"
    # ok: python.hardcoded-secret
    token_pattern = r"[A-Za-z0-9_\-]{20,}"
    return secret, conn, config, refresh_token_field
