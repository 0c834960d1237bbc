import json
import marshal
import pickle
import shelve

import jsonpickle
import pandas as pd
import torch
import yaml
from flask import request


def restore_session(cookie_value: bytes):
    # ruleid: python.unsafe-deserialization
    return pickle.loads(cookie_value)


def load_cache(path):
    with open(path, "rb") as fh:
        # ruleid: python.unsafe-deserialization
        return pickle.load(fh)


def import_settings():
    # ruleid: python.unsafe-deserialization
    obj = jsonpickle.decode(request.get_data(as_text=True))
    return obj


def load_model(path):
    # ruleid: python.unsafe-deserialization
    state = torch.load(path, map_location="cpu")
    # ruleid: python.unsafe-deserialization
    frame = pd.read_pickle(path + ".pkl")
    # ruleid: python.unsafe-deserialization
    code = marshal.loads(open(path + ".pyc", "rb").read()[16:])
    # ruleid: python.unsafe-deserialization
    db = shelve.open(path + ".db")
    return state, frame, code, db


def safe_variants(path):
    # ok: python.unsafe-deserialization
    config = yaml.safe_load(request.data)
    # ok: python.unsafe-deserialization
    state = torch.load(path, map_location="cpu", weights_only=True)
    # ok: python.unsafe-deserialization
    payload = json.loads(request.data)
    # ok: python.unsafe-deserialization
    blob = pickle.dumps(payload)
    # ok: python.unsafe-deserialization
    clone = pickle.loads(pickle.dumps(payload))
    return config, state, blob, clone
