import os

from flask import Flask

app = Flask(__name__)
# ruleid: python.debug-enabled
app.debug = True
# ruleid: python.debug-enabled
app.config["DEBUG"] = True
# ruleid: python.debug-enabled
app.config.update(DEBUG=True, JSON_SORT_KEYS=False)


@app.route("/")
def index():
    return "ok"


def serve():
    # ok: python.debug-enabled
    app.run(host="0.0.0.0", port=8000, debug=os.environ.get("FLASK_DEBUG") == "1")
    # ok: python.debug-enabled
    app.config["TESTING"] = True
    # ok: python.debug-enabled
    app.run(threaded=True)


if __name__ == "__main__":
    # ruleid: python.debug-enabled
    app.run(host="0.0.0.0", port=8000, debug=True)
