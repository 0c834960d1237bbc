import ast
import re

OPERATIONS = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b}


def calculate(request):
    expression = request.args.get("expr", "")
    # ruleid: python.code-injection
    result = eval(expression)
    return {"result": result}


def apply_filter(rows, field, op, value):
    # ruleid: python.code-injection
    return [r for r in rows if eval(f"r[{field!r}] {op} {value}")]


def load_plugin(source_code: str, namespace: dict):
    # ok: python.code-injection
    code = compile(source_code, "<plugin>", "exec")
    # ruleid: python.code-injection
    exec(code, namespace)
    # ruleid: python.code-injection
    exec("handler = " + namespace["factory"], namespace)


def safe_variants(request, a, b):
    # ok: python.code-injection
    settings = ast.literal_eval(request.args.get("settings", "{}"))
    # ok: python.code-injection
    total = OPERATIONS[request.args["op"]](a, b)
    # ok: python.code-injection
    pattern = re.compile(request.args.get("pattern", ""))
    # ok: python.code-injection
    exec("import this")
    # ok: python.code-injection
    version = eval("1 + 1")
    return settings, total, pattern, version
