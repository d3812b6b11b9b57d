using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace IcsComplaints.Deployment.Tests;

/// <summary>YAML read as plain maps and lists, with merge keys (<c>&lt;&lt;: *anchor</c>) applied as compose applies them.</summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every non-empty document of a (multi-document) stream.</summary>
    public static List<Dictionary<object, object>> Documents(string text)
    {
        var parser = new MergingParser(new Parser(new StringReader(text)));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize<Dictionary<object, object>?>(parser) is { } document)
            {
                documents.Add(document);
            }
        }
        return documents;
    }

    /// <summary>The node at a path of keys, or <c>null</c> when any step is missing.</summary>
    public static object? At(this object? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is Dictionary<object, object> map && map.TryGetValue(key, out var next) ? next : null;
        }
        return node;
    }

    /// <summary>A mapping node's entries by string key (empty when the node is not a mapping).</summary>
    public static Dictionary<string, object?> Map(this object? node) =>
        node is Dictionary<object, object> map ? map.ToDictionary(e => e.Key.ToString()!, e => (object?)e.Value) : [];

    /// <summary>A sequence node's items (empty when the node is not a sequence).</summary>
    public static List<object> List(this object? node) => node as List<object> ?? [];
}
