using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// The XML comments of the code, read from the documentation file the build writes beside each assembly, as plain text
/// for the OpenAPI documents: the summary of an endpoint's handler and of its parameters, of a request or answer record
/// and of its members. The framework's own generator of these attaches only to an <c>AddOpenApi</c> call in the
/// service's project, and the call is made once, here, for every service (ADR 40). Without the file (a build that
/// does not write it) there are no descriptions and nothing else changes.
/// </summary>
internal static partial class XmlComments
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, XElement>> Files = new();

    /// <summary>The summary of a named method (a lambda has none).</summary>
    public static string? Of(MethodInfo method) => Member(method) is { } member ? Text(member.Element("summary")) : null;

    /// <summary>What a method's comment says of one of its parameters.</summary>
    public static string? OfParameter(MethodInfo method, string parameter) =>
        Member(method) is { } member ? Text(member.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == parameter)) : null;

    /// <summary>The summary of a type.</summary>
    public static string? Of(Type type) => Members(type.Assembly).GetValueOrDefault("T:" + Name(type)) is { } member ? Text(member.Element("summary")) : null;

    /// <summary>The summary of a property, or what its record's comment says of the positional parameter that made it.</summary>
    public static string? Of(PropertyInfo property)
    {
        var type = property.DeclaringType!;
        var members = Members(type.Assembly);
        return (members.GetValueOrDefault($"P:{Name(type)}.{property.Name}") is { } member ? Text(member.Element("summary")) : null)
            ?? (members.GetValueOrDefault("T:" + Name(type)) is { } record
                ? Text(record.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == property.Name))
                : null);
    }

    // Methods are matched by name within their type; parameter lists are compared only by their number, which is
    // enough for handlers, whose names are unique in their endpoint class.
    private static XElement? Member(MethodInfo method)
    {
        if (method.DeclaringType is not { } type || method.Name.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }
        var prefix = $"M:{Name(type)}.{method.Name}";
        var candidates = Members(type.Assembly)
            .Where(m => m.Key == prefix || m.Key.StartsWith(prefix + "(", StringComparison.Ordinal))
            .Select(m => m.Value)
            .ToList();
        return candidates.Count == 1 ? candidates[0]
            : candidates.FirstOrDefault(c => c.Elements("param").Count() == method.GetParameters().Length);
    }

    private static IReadOnlyDictionary<string, XElement> Members(Assembly assembly) =>
        Files.GetOrAdd(assembly, static assembly =>
        {
            var file = string.IsNullOrEmpty(assembly.Location) ? null : Path.ChangeExtension(assembly.Location, ".xml");
            if (file is null || !File.Exists(file))
            {
                return new Dictionary<string, XElement>();
            }
            return XDocument.Load(file).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => (string)m.Attribute("name")!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        });

    // Documentation ids write nested types with a dot and keep the generic arity: Outer.Inner, ItemList`1.
    private static string Name(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!.Replace('+', '.');

    // Plain text: a reference becomes the name it points to, code keeps its words, and lines are joined.
    private static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "see" or "seealso" } see => (string?)see.Attribute("langword")
                    ?? ((string?)see.Attribute("cref"))?.Split('.', ':').Last()
                    ?? see.Value,
                XElement { Name.LocalName: "paramref" or "typeparamref" } reference => (string?)reference.Attribute("name"),
                XElement other => other.Value,
                _ => "",
            });
        }
        var result = Whitespace().Replace(text.ToString(), " ").Trim();
        return result.Length > 0 ? result : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
