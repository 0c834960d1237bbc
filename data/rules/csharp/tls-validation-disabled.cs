using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Shop.Http;

public static class Clients
{
    public static void Legacy()
    {
        // ruleid: csharp.tls-validation-disabled
        ServicePointManager.ServerCertificateValidationCallback = (sender, cert, chain, errors) => true;
        // ruleid: csharp.tls-validation-disabled
        ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };
    }

    public static HttpClient Insecure()
    {
        var handler = new HttpClientHandler
        {
            // ruleid: csharp.tls-validation-disabled
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        return new HttpClient(handler);
    }

    public static HttpClient InsecureLambda()
    {
        var handler = new HttpClientHandler();
        // ruleid: csharp.tls-validation-disabled
        handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => { return true; };
        return new HttpClient(handler);
    }

    public static HttpClient Pinned(string thumbprint)
    {
        var handler = new HttpClientHandler
        {
            // ok: csharp.tls-validation-disabled
            ServerCertificateCustomValidationCallback = (message, cert, chain, errors) =>
                errors == SslPolicyErrors.None && cert?.GetCertHashString() == thumbprint,
        };
        return new HttpClient(handler);
    }
}
