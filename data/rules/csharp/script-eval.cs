using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Scripting;

namespace Shop.Pricing;

public class Globals
{
    public decimal Total { get; set; }
}

public class RuleRunner
{
    private const string DiscountScript = "Total > 100 ? Total * 0.9m : Total";

    public Task<object> Run(string expression)
    {
        // ruleid: csharp.script-eval
        return CSharpScript.EvaluateAsync(expression);
    }

    public Task<decimal> Price(string formula, decimal total)
    {
        // ruleid: csharp.script-eval
        return CSharpScript.EvaluateAsync<decimal>($"{total} * {formula}");
    }

    public Task<decimal> Discount(decimal total)
    {
        // ok: csharp.script-eval
        return CSharpScript.EvaluateAsync<decimal>(DiscountScript, globals: new Globals { Total = total });
    }

    public Task<int> Constant()
    {
        // ok: csharp.script-eval
        return CSharpScript.EvaluateAsync<int>("1 + 2");
    }
}
