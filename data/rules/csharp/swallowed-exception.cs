using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace Shop.Jobs;

public class Cleanup
{
    private readonly ILogger<Cleanup> _log;

    public Cleanup(ILogger<Cleanup> log) => _log = log;

    public void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        // ruleid: csharp.swallowed-exception
        catch (IOException) { }
    }

    public int Parse(string value)
    {
        try
        {
            return int.Parse(value);
        }
        // ruleid: csharp.swallowed-exception
        catch
        {
        }
        return 0;
    }

    public void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        // ok: csharp.swallowed-exception
        catch (IOException ex)
        {
            _log.LogWarning(ex, "could not delete {Path}", path);
        }
    }

    public void BestEffort(Action metrics)
    {
        try
        {
            metrics();
        }
        // ok: csharp.swallowed-exception
        catch (InvalidOperationException)
        {
            // metrics are optional: a missing exporter must not fail the job
        }
    }
}
