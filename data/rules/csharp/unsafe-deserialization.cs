using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using System.Text.Json;
using System.Web.Script.Serialization;
using System.Web.UI;

namespace Shop.Sessions;

public record Cart(string Owner, string[] Items);

public class CartCodec
{
    public object Read(Stream body)
    {
        // ruleid: csharp.unsafe-deserialization
        var formatter = new BinaryFormatter();
        return formatter.Deserialize(body);
    }

    public object ReadViewState(string state)
    {
        // ruleid: csharp.unsafe-deserialization
        LosFormatter formatter = new();
        return formatter.Deserialize(state);
    }

    public object ReadLegacyJson(string json)
    {
        // ruleid: csharp.unsafe-deserialization
        var serializer = new JavaScriptSerializer(new SimpleTypeResolver());
        return serializer.DeserializeObject(json);
    }

    public Cart? ReadJson(Stream body)
    {
        // ok: csharp.unsafe-deserialization
        return JsonSerializer.Deserialize<Cart>(body);
    }

    public object ReadPlainLegacyJson(string json)
    {
        // ok: csharp.unsafe-deserialization
        var serializer = new JavaScriptSerializer();
        return serializer.Deserialize<Cart>(json);
    }
}
