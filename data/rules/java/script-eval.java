package com.example.rules;

import groovy.lang.GroovyShell;
import java.util.Map;
import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

public class RuleEvaluator {
    private static final String DISCOUNT_RULE = "total > 100 ? total * 0.9 : total";
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("graal.js");

    public Object apply(String expression) throws ScriptException {
        // ruleid: java.script-eval
        return engine.eval(expression);
    }

    public Object applyTemplate(String field) throws ScriptException {
        // ruleid: java.script-eval
        return engine.eval("order." + field + " * 2");
    }

    public Object groovy(String script) {
        // ruleid: java.script-eval
        return new GroovyShell().evaluate(script);
    }

    public Object discount(double total) throws ScriptException {
        Bindings bindings = engine.createBindings();
        bindings.put("total", total);
        // ok: java.script-eval
        return engine.eval(DISCOUNT_RULE, bindings);
    }

    public Object fixed() throws ScriptException {
        // ok: java.script-eval
        return engine.eval("1 + 1");
    }

    public Object lookup(Map<String, Object> values, String key) {
        // ok: java.script-eval
        return values.getOrDefault(key, evaluate(key));
    }

    private Object evaluate(String key) {
        return key;
    }
}
