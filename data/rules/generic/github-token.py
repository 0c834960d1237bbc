import os

import requests

# ruleid: generic.github-token
GITHUB_TOKEN = "ghp_wxTSXTvPDT1OCdd37SUA7Bibtv7XlvomXJjX"


def list_repos(org):
    headers = {
        # ruleid: generic.github-token
        "Authorization": "Bearer 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",
    }
    return requests.get(f"https://api.github.com/orgs/{org}/repos", headers=headers, timeout=10)


def list_repos_safely(org):
    # ok: generic.github-token
    token = os.environ["GITHUB_TOKEN"]
    # ok: generic.github-token
    example = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    return requests.get(
        f"https://api.github.com/orgs/{org}/repos", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ), example
