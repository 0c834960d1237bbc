const vm = require("vm");

function applyRule(req, res) {
  const { expression, formula, template } = req.body;
  // ruleid: javascript.code-injection
  const result = eval(expression);
  // ruleid: javascript.code-injection
  const calc = new Function("row", `return ${formula};`);
  // ruleid: javascript.code-injection
  const fn = Function("a", "b", req.body.fnBody);
  // ruleid: javascript.code-injection
  setTimeout("refreshDashboard('" + req.query.panel + "')", 1000);
  // ruleid: javascript.code-injection
  window.setInterval(`poll(${req.query.id})`, 5000);
  // ruleid: javascript.code-injection
  const out = vm.runInNewContext(template, { user: req.user });
  // ruleid: javascript.code-injection
  const script = new vm.Script(req.body.code);

  // ok: javascript.code-injection
  const parsed = JSON.parse(expression);
  // ok: javascript.code-injection
  setTimeout(() => refreshDashboard(req.query.panel), 1000);
  // ok: javascript.code-injection
  setInterval(poll, 5000);
  // ok: javascript.code-injection
  const getGlobal = new Function("return this");
  // ok: javascript.code-injection
  const version = vm.runInNewContext("process.version", { process });
  res.json({ result, calc, fn, out, script, parsed, getGlobal, version });
}

module.exports = { applyRule };
