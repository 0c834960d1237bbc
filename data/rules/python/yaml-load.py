import yaml
from flask import request


def import_pipeline():
    # ruleid: python.yaml-load
    pipeline = yaml.load(request.data)
    # ruleid: python.yaml-load
    steps = list(yaml.load_all(request.data, Loader=yaml.Loader))
    # ruleid: python.yaml-load
    legacy = yaml.unsafe_load(request.data)
    return pipeline, steps, legacy


def load_config(path):
    with open(path) as fh:
        # ok: python.yaml-load
        config = yaml.safe_load(fh)
    # ok: python.yaml-load
    more = yaml.load(request.data, Loader=yaml.SafeLoader)
    # ok: python.yaml-load
    docs = list(yaml.load_all(request.data, yaml.CSafeLoader))
    # ok: python.yaml-load
    text = yaml.safe_dump(config)
    return config, more, docs, text
