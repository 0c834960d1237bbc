using System.Diagnostics;

namespace Shop.Ops;

public class Maintenance
{
    public Process Ping(string host)
    {
        // ruleid: csharp.command-injection
        return Process.Start("cmd.exe", "/c ping -n 1 " + host);
    }

    public Process Archive(string dir)
    {
        // ruleid: csharp.command-injection
        var psi = new ProcessStartInfo("/bin/bash", $"-c \"tar czf /backups/site.tgz {dir}\"");
        return Process.Start(psi);
    }

    public Process Convert(string file)
    {
        var psi = new ProcessStartInfo { FileName = "powershell" };
        // ruleid: csharp.command-injection
        psi.Arguments = "-Command Convert-Image " + file;
        return Process.Start(psi);
    }

    public Process PingSafely(string host)
    {
        // ok: csharp.command-injection
        var psi = new ProcessStartInfo("ping") { UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("1");
        psi.ArgumentList.Add(host);
        return Process.Start(psi);
    }

    public Process Uptime()
    {
        // ok: csharp.command-injection
        return Process.Start("/bin/sh", "-c uptime");
    }
}
