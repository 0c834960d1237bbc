"""Settings, read once from the environment at import time."""

import os

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://basketly:basketly@localhost:5432/basketly"
)
DEBUG = os.environ.get("DEBUG", "1") == "1"

SESSION_COOKIE_NAME = "basketly_session"
SESSION_DAYS = 30

# Orders at or above this amount (in euros) ship for free.
FREE_SHIPPING_THRESHOLD = 50
