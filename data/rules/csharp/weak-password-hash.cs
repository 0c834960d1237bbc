using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Shop.Users;

public class PasswordStore
{
    private readonly PasswordHasher<User> _hasher = new();

    // ruleid: csharp.weak-password-hash
    public string Hash(string password)
    {
        using var md5 = MD5.Create();
        var bytes = md5.ComputeHash(Encoding.UTF8.GetBytes(password));
        return Convert.ToHexString(bytes);
    }

    // ruleid: csharp.weak-password-hash
    public string LegacyHash(string pwd)
    {
        using (var sha = new SHA1Managed())
        {
            return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(pwd)));
        }
    }

    // ruleid: csharp.weak-password-hash
    public bool Verify(string password, string stored)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        return Convert.ToHexString(hash) == stored;
    }

    // ok: csharp.weak-password-hash
    public string HashSafely(User user, string password)
    {
        return _hasher.HashPassword(user, password);
    }

    // ok: csharp.weak-password-hash
    public string ETag(byte[] body)
    {
        using var md5 = MD5.Create();
        return Convert.ToHexString(md5.ComputeHash(body));
    }
}

public class User
{
    public string Name { get; set; } = "";
}
