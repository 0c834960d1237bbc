using Newtonsoft.Json;

namespace Shop.Events;

public class EventSerializer
{
    public object? Read(string json)
    {
        var settings = new JsonSerializerSettings
        {
            // ruleid: csharp.json-type-name-handling
            TypeNameHandling = TypeNameHandling.All,
        };
        return JsonConvert.DeserializeObject(json, settings);
    }

    public JsonSerializer Legacy()
    {
        var serializer = new JsonSerializer();
        // ruleid: csharp.json-type-name-handling
        serializer.TypeNameHandling = TypeNameHandling.Auto;
        return serializer;
    }

    public T? ReadTyped<T>(string json)
    {
        // ok: csharp.json-type-name-handling
        var settings = new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.None };
        return JsonConvert.DeserializeObject<T>(json, settings);
    }
}
