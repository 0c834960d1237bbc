import os

import boto3


def client_from_constants():
    # ruleid: generic.aws-access-key-id
    access_key = "AKIA0R1C0OR3F85JLVUO"
    return boto3.client("s3", aws_access_key_id=access_key, region_name="eu-west-1")


def session_token_in_config():
    return {
        # ruleid: generic.aws-access-key-id
        "aws_access_key_id": "ASIAXRREULM8C8CXO85T",
        "region": "us-east-1",
    }


def documented_example():
    # AWS's own documentation key: not a credential.
    # ok: generic.aws-access-key-id
    return "AKIAIOSFODNN7EXAMPLE"


def from_environment():
    # ok: generic.aws-access-key-id
    key = os.environ["AWS_ACCESS_KEY_ID"]
    # ok: generic.aws-access-key-id
    placeholder = "AKIAXXXXXXXXXXXXXXXX"
    # ok: generic.aws-access-key-id
    not_a_key = "MAKIA0R1C0OR3F85JLVUOQ"
    return key, placeholder, not_a_key
