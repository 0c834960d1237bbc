using System;
using System.Security.Cryptography;
using System.Text;

namespace Shop.Auth;

public class Codes
{
    // ruleid: csharp.insecure-random
    private static readonly Random Rng = new Random();

    public string ResetToken()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 32; i++) sb.Append("abcdef0123456789"[Rng.Next(16)]);
        var token = sb.ToString();
        return token;
    }

    // ruleid: csharp.insecure-random
    public string Otp()
    {
        var random = new Random();
        var otp = random.Next(100000, 999999).ToString();
        return otp;
    }

    // ruleid: csharp.insecure-random
    public string SessionId()
    {
        var sessionId = new Random().Next().ToString("x8");
        return sessionId;
    }

    // ok: csharp.insecure-random
    public string ApiKey()
    {
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        return apiKey;
    }

    // ok: csharp.insecure-random
    public int Jitter()
    {
        var jitter = new Random();
        var delay = 100 + jitter.Next(50);
        return delay;
    }
}
