// Over 300 lines on purpose: the generators of bad input, one per kind of field, in one catalogue.
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CsCheck;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace IcsComplaints.EndToEnd.Tests.Fuzz;

/// <summary>
/// Generators of request bodies from the requests' own types: JSON from the C# request records of the REST routes,
/// protobuf messages from the descriptors of the gRPC methods. Most values are plausible (codes, dates, names and
/// enumeration names the services know, identifiers of real records) so that requests get past the first check; the
/// rest are the values the platform must refuse cleanly: control characters, NUL, broken and invisible-only text,
/// text longer than any column, dates at the ends of time, wrong JSON types, null list items and huge lists.
/// </summary>
public sealed class FuzzInputs(IReadOnlyList<string> plausibleStrings, IReadOnlyList<Guid> knownIds)
{
    private const int MaxDepth = 5;

    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Strings that every text field must refuse or store cleanly.</summary>
    public static readonly string[] HostileStrings =
    [
        "", " ", "\u0000", "Ada\u0000Lovelace", "bell\u0007", "esc\u001b[31m", "line\u0085next", "csi\u009b", "del\u007f",
        "\u200b", "\u200b\u200d\ufeff", "\u3164", "\u2800", "\u00a0\u3000", "\u202eevil", "Z\u0337\u0322\u0348a\u0301\u0301\u0301",
        "0001-01-01", "9999-12-31", "-infinity", "infinity", "NaN", "1e309", "-1", "null", "true", "{}", "[]",
        "' OR 1=1 --", "<script>alert(1)</script>", "../../../etc/passwd", "%00", "%", "\\", "\"", "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "Ada\tLovelace", "Ada\nLovelace", "\r\n", new string('x', 201), new string('y', 1_001), new string('z', 20_001),
    ];

    private static readonly string[] Dates =
    [
        Today, "2026-11-20", "2026-01-05", "2025-06-30", "2024-02-29", "1950-12-10", "2027-01-15",
        "0001-01-01", "9999-12-31", "1899-12-31", "2014-12-31", "2036-01-01", "2026-02-30", "26-11-2026", "not a date", "",
    ];

    private Gen<string>? _text;

    /// <summary>Text: mostly plausible, often hostile, sometimes plausible text with a hostile part inside.</summary>
    public Gen<string> Text => _text ??= Gen.Frequency(
        (6, Gen.OneOf([.. plausibleStrings])),
        (3, Gen.OneOf(HostileStrings)),
        (1, Gen.Select(Gen.OneOf([.. plausibleStrings]), Gen.OneOf(HostileStrings), (p, h) => p + h)),
        (1, Gen.OneOf(Dates)));

    /// <summary>A JSON body for a CLR request type.</summary>
    public Gen<JsonNode?> Json(Type type) => Json(type, 0);

    /// <summary>A protobuf request for a message descriptor.</summary>
    public Gen<IMessage> Message(MessageDescriptor descriptor) => Message(descriptor, 0);

    private Gen<JsonNode?> Json(Type type, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Gen.Frequency((9, Json(underlying, depth)), (1, Gen.Const(() => (JsonNode?)null)));
        }
        if (type == typeof(string))
        {
            return Gen.Frequency((12, Text.Select(s => (JsonNode?)JsonValue.Create(s))), (1, WrongType));
        }
        if (type == typeof(bool))
        {
            return Gen.Frequency((8, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))), (1, WrongType));
        }
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(double) || type == typeof(decimal))
        {
            return Gen.Frequency(
                (8, Gen.Int[0, 30].Select(i => (JsonNode?)JsonValue.Create(i))),
                (2, Gen.OneOf<JsonNode?>(JsonValue.Create(-1), JsonValue.Create(int.MaxValue), JsonValue.Create(long.MaxValue), JsonValue.Create(int.MinValue), JsonValue.Create(0.5))),
                (1, WrongType));
        }
        if (type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset))
        {
            return Gen.Frequency((8, Gen.OneOf(Dates).Select(d => (JsonNode?)JsonValue.Create(d))), (1, WrongType));
        }
        if (type == typeof(Guid))
        {
            return Gen.Frequency(
                (8, Gen.OneOf([.. knownIds]).Select(g => (JsonNode?)JsonValue.Create(g.ToString()))),
                (2, Gen.Guid.Select(g => (JsonNode?)JsonValue.Create(g.ToString()))),
                (1, Gen.OneOf<JsonNode?>(JsonValue.Create(""), JsonValue.Create("not-a-guid"), JsonValue.Create(Guid.Empty.ToString()))));
        }
        if (type.IsEnum)
        {
            return Gen.Frequency(
                (8, Gen.OneOf(Enum.GetNames(type)).Select(n => (JsonNode?)JsonValue.Create(n))),
                (1, Gen.OneOf<JsonNode?>(JsonValue.Create("NoSuchValue"), JsonValue.Create(999), JsonValue.Create(""))));
        }
        if (type == typeof(JsonElement) || type == typeof(object) || type == typeof(JsonNode))
        {
            return WrongType;
        }
        if (depth >= MaxDepth)
        {
            return Gen.Const(() => (JsonNode?)null);
        }
        if (DictionaryValueType(type) is { } valueType)
        {
            var entry = Gen.Select(Gen.OneOf([.. plausibleStrings, "", "\u0000"]), Json(valueType, depth + 1), (k, v) => (k, v));
            return Gen.Frequency(
                (8, entry.Array[0, 4].Select(entries => (JsonNode?)ToObject(entries))),
                (1, WrongType));
        }
        if (ElementType(type) is { } elementType)
        {
            var element = Json(elementType, depth + 1);
            return Gen.Frequency(
                (8, element.Array[0, 3].Select(items => (JsonNode?)new JsonArray([.. items]))),
                (1, Gen.Select(element.Array[0, 2], Gen.Int[0, 2], (items, at) => (JsonNode?)new JsonArray([.. items.Take(at), null, .. items.Skip(at)]))),
                (1, Gen.Int[200, 2_000].Select(n => (JsonNode?)new JsonArray([.. Enumerable.Range(0, n).Select(_ => (JsonNode?)JsonValue.Create(""))]))),
                (1, WrongType));
        }
        return ObjectOf(type, depth);
    }

    private Gen<JsonNode?> ObjectOf(Type type, int depth)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToList();
        Gen<List<(string Name, JsonNode? Value)>> members = Gen.Const(new List<(string, JsonNode?)>());
        foreach (var property in properties)
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var value = Json(property.PropertyType, depth + 1);
            // Most fields are given; some are left out, as a caller would.
            members = members.SelectMany(list => Gen.Frequency(
                (4, value.Select(v => (Include: true, Value: v))),
                (1, Gen.Const(() => (Include: false, Value: (JsonNode?)null))))
                .Select(x => x.Include ? [.. list, (name, x.Value)] : list));
        }
        return Gen.Frequency(
            (12, members.Select(list => (JsonNode?)ToObject(list))),
            (1, members.Select(list => (JsonNode?)ToObject([.. list, ("unexpectedField", JsonValue.Create("x"))]))),
            (1, WrongType));
    }

    // A value of the wrong JSON type for wherever it is put.
    private static readonly Gen<JsonNode?> WrongType = Gen.OneOf<JsonNode?>(
        [null, JsonValue.Create(42), JsonValue.Create(true), JsonValue.Create(""), new JsonObject { ["a"] = 1 }, new JsonArray(1, 2)]).Select(n => n?.DeepClone());

    private static JsonObject ToObject(IEnumerable<(string Name, JsonNode? Value)> members)
    {
        var o = new JsonObject();
        foreach (var (name, value) in members)
        {
            o[name] = value?.DeepClone();
        }
        return o;
    }

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var key, var value] && key == typeof(string) &&
        typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericTypeDefinition().Name.Contains("Dictionary", StringComparison.Ordinal)
            ? value
            : null;

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }
        if (type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var element])
        {
            return element;
        }
        return null;
    }

    private Gen<IMessage> Message(MessageDescriptor descriptor, int depth)
    {
        Gen<List<Action<IMessage>>> setters = Gen.Const(new List<Action<IMessage>>());
        if (depth < MaxDepth)
        {
            foreach (var field in descriptor.Fields.InDeclarationOrder())
            {
                var setter = FieldSetter(field, depth);
                setters = setters.SelectMany(list => Gen.Frequency(
                    (4, setter.Select(s => (Action<IMessage>?)s)),
                    (1, Gen.Const(() => (Action<IMessage>?)null)))
                    .Select(s => s is null ? list : [.. list, s]));
            }
        }
        return setters.Select(list =>
        {
            var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
            foreach (var set in list)
            {
                set(message);
            }
            return message;
        });
    }

    private Gen<Action<IMessage>> FieldSetter(FieldDescriptor field, int depth)
    {
        if (field.IsMap)
        {
            var key = Scalar(field.MessageType.FindFieldByNumber(1), depth);
            var value = Scalar(field.MessageType.FindFieldByNumber(2), depth);
            return Gen.Select(key, value, (k, v) => (k, v)).Array[0, 3].Select(entries => (Action<IMessage>)(m =>
            {
                var map = (IDictionary)field.Accessor.GetValue(m);
                foreach (var (k, v) in entries)
                {
                    map[k] = v;
                }
            }));
        }
        var item = Scalar(field, depth);
        if (field.IsRepeated)
        {
            return Gen.Frequency(
                (8, item.Array[0, 3]),
                // A list long enough to give thousands of field errors, still inside the message size limit.
                (1, Gen.Int[1_000, 30_000].Select(n => field.FieldType == FieldType.String ? Enumerable.Repeat((object)"", n).ToArray() : []))).Select(items => (Action<IMessage>)(m =>
            {
                var list = (IList)field.Accessor.GetValue(m);
                foreach (var x in items)
                {
                    list.Add(x);
                }
            }));
        }
        return item.Select(v => (Action<IMessage>)(m => field.Accessor.SetValue(m, v)));
    }

    private Gen<object> Scalar(FieldDescriptor field, int depth) => field.FieldType switch
    {
        // Protobuf cannot carry an unpaired surrogate: broken UTF-8 is sent as raw bytes instead (see the frame damage).
        FieldType.String => Text.Where(s => !s.Any(char.IsSurrogate) || s.EnumerateRunes().All(r => r != System.Text.Rune.ReplacementChar)).Select(s => (object)s),
        FieldType.Bool => Gen.Bool.Select(b => (object)b),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Gen.Frequency((8, Gen.Int[0, 30]), (1, Gen.OneOf(-1, int.MaxValue, int.MinValue))).Select(i => (object)i),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Gen.Frequency((8, Gen.Long[0, 30]), (1, Gen.OneOf(-1L, long.MaxValue, long.MinValue))).Select(i => (object)i),
        FieldType.UInt32 or FieldType.Fixed32 => Gen.Frequency((8, Gen.UInt[0, 30]), (1, Gen.Const(uint.MaxValue))).Select(i => (object)i),
        FieldType.UInt64 or FieldType.Fixed64 => Gen.Frequency((8, Gen.ULong[0, 30]), (1, Gen.Const(ulong.MaxValue))).Select(i => (object)i),
        FieldType.Double => Gen.OneOf(0d, 1.5, -1, double.NaN, double.PositiveInfinity).Select(d => (object)d),
        FieldType.Float => Gen.OneOf(0f, 1.5f, float.NaN).Select(d => (object)d),
        FieldType.Bytes => Gen.Byte.Array[0, 16].Select(b => (object)ByteString.CopyFrom(b)),
        // Defined values mostly; an undefined number sometimes, as a newer or broken client would send.
        FieldType.Enum => Gen.Frequency(
            (8, Gen.OneOf([.. field.EnumType.Values.Select(v => v.Number)])),
            (1, Gen.Int[100, 1_000])).Select(n => (object)n),
        FieldType.Message => Message(field.MessageType, depth + 1).Select(m => (object)m),
        _ => throw new NotSupportedException(field.FieldType.ToString()),
    };

    /// <summary>Damage to a serialised message that a parser must refuse: broken UTF-8, a wrong wire type, a cut.</summary>
    public static Gen<(byte[] Bytes, string Damage)> DamagedFrame(Gen<IMessage> message, MessageDescriptor descriptor)
    {
        var stringField = descriptor.Fields.InDeclarationOrder().FirstOrDefault(f => f.FieldType == FieldType.String && !f.IsRepeated);
        var anyField = descriptor.Fields.InDeclarationOrder().FirstOrDefault();
        return Gen.Select(message, Gen.Int[0, 4], Gen.Int[1, 1_000], (m, kind, n) =>
        {
            var bytes = m.ToByteArray();
            return kind switch
            {
                0 when stringField is not null => ([.. bytes, .. Tag(stringField.FieldNumber, 2), 3, 0xC3, 0x28, 0xFF], "invalid UTF-8 in a string"),
                1 when anyField is not null => ([.. bytes, .. Tag(anyField.FieldNumber, anyField.FieldType is FieldType.String or FieldType.Message or FieldType.Bytes ? 0 : 2), 0x05], "wrong wire type"),
                2 when bytes.Length > 1 => (bytes[..(n % (bytes.Length - 1) + 1)], "truncated"),
                3 => ([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, .. bytes], "malformed varint"),
                _ => ([.. bytes, .. Tag(536_870_911, 2), 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], "length beyond the end"),
            };
        });
    }

    private static byte[] Tag(int fieldNumber, int wireType)
    {
        var value = (uint)((fieldNumber << 3) | wireType);
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }
        bytes.Add((byte)value);
        return [.. bytes];
    }

    /// <summary>Bodies that are not JSON, or not UTF-8, with the content types to send them with.</summary>
    public static readonly Gen<(byte[] Bytes, string ContentType, string Damage)> BrokenBody = Gen.OneOf<(byte[], string, string)>(
        ("{\"a\":"u8.ToArray(), "application/json", "truncated JSON"),
        ([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D], "application/json", "invalid UTF-8"),
        ("{\"a\":\"\\ud800\"}"u8.ToArray(), "application/json", "lone surrogate escape"),
        ("[1,2,3]"u8.ToArray(), "application/json", "array for object"),
        ("null"u8.ToArray(), "application/json", "null body"),
        ("<xml/>"u8.ToArray(), "application/xml", "XML"),
        ("a=b"u8.ToArray(), "application/x-www-form-urlencoded", "form"),
        ([.. Encoding.UTF8.GetBytes(new string('[', 5_000))], "application/json", "deep nesting"));

    /// <summary>Content types for a JSON body, good and bad.</summary>
    public static readonly Gen<string?> ContentType = Gen.Frequency(
        (12, Gen.Const<string?>("application/json")),
        (2, Gen.Const<string?>("application/json; charset=utf-8")),
        (1, Gen.OneOf<string?>("application/json; charset=bogus", "application/json; charset=latin1", "application/json; charset=\"utf-16\"", "application/json; charset=", "text/plain", "application/jsonx", null)));
}
