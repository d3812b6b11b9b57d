using System.Globalization;
using System.Text.Json.Nodes;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;

namespace IcsComplaints.Portal.Web.Pages.Staff.Cases;

/// <summary>
/// The answers of a step's form, by input id, and how they become the API's JSON body; the API's field errors are
/// mapped back to the inputs they concern. The portal checks only that a number is a number: every rule is the API's.
/// </summary>
public sealed class StepForm(IReadOnlyList<StepField> fields)
{
    private readonly Dictionary<string, string[]> _values = [];

    /// <summary>The answer to a field as typed (a date is its day, month and year).</summary>
    public IReadOnlyList<string> ValuesOf(string id) => _values.TryGetValue(id, out var v) ? v : [];

    /// <summary>The first answer to a field, or null.</summary>
    public string? ValueOf(string id) => ValuesOf(id).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The date typed into a field's three boxes.</summary>
    public DateParts DateOf(string id)
    {
        var parts = ValuesOf(id);
        return new DateParts { Day = parts.ElementAtOrDefault(0), Month = parts.ElementAtOrDefault(1), Year = parts.ElementAtOrDefault(2) };
    }

    /// <summary>Starts the form with answers known already.</summary>
    public void Fill(IReadOnlyDictionary<string, string[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (id, value) in values)
        {
            _values[id] = value;
        }
    }

    /// <summary>Reads the posted answers.</summary>
    public void Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        foreach (var field in fields)
        {
            _values[field.Id] = field.Kind == FieldKind.Date
                ? [form[field.Id + ".Day"].ToString(), form[field.Id + ".Month"].ToString(), form[field.Id + ".Year"].ToString()]
                : [.. form[field.Id].Where(v => v is not null).Select(v => v!)];
        }
    }

    /// <summary>
    /// The body for the API: each answered field at its dotted path. People are sent as the directory has them, so a
    /// name is never typed; a number that is not one is the only thing refused here.
    /// </summary>
    public JsonObject Body(IReadOnlyDictionary<string, IReadOnlyList<StaffMember>> directory, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(errors);
        var body = new JsonObject();
        foreach (var field in fields)
        {
            var value = ValueOf(field.Id)?.Trim();
            JsonNode? node = field.Kind switch
            {
                FieldKind.Text or FieldKind.TextArea or FieldKind.Radios when value is null => null,
                FieldKind.Radios when field.Numeric && int.TryParse(value, CultureInfo.InvariantCulture, out var level) => JsonValue.Create(level),
                FieldKind.Radios when field.Options.Count == 2 && field.Options.All(o => o.Value is "true" or "false") => JsonValue.Create(value == "true"),
                FieldKind.Text or FieldKind.TextArea or FieldKind.Radios => JsonValue.Create(value),
                FieldKind.Number when value is null => null,
                FieldKind.Number when int.TryParse(value, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                FieldKind.Number => Refuse(errors, field.Id, $"{field.Label}: enter a whole number, like 10"),
                FieldKind.Lines => value is null ? null : new JsonArray([.. value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => (JsonNode?)JsonValue.Create(l))]),
                FieldKind.Date => DateOf(field.Id).ToIso() is { } iso ? JsonValue.Create(iso) : null,
                FieldKind.YesNo => value switch { "yes" => JsonValue.Create(true), "no" => JsonValue.Create(false), _ => null },
                FieldKind.Flag => JsonValue.Create(value == "true"),
                FieldKind.Checkboxes => ValuesOf(field.Id).Count == 0 ? null : new JsonArray([.. ValuesOf(field.Id).Select(v => (JsonNode?)JsonValue.Create(v))]),
                FieldKind.Person => value is null ? null : PersonNode(directory, field, value),
                _ => null,
            };
            if (node is not null)
            {
                Set(body, field.ApiName, node);
            }
        }
        return body;
    }

    /// <summary>
    /// Shows the API's refusal: each field error beside the field whose path it names (or a part of it), in the
    /// form's order; anything else, and a refusal that is not about fields, at the top of the first field.
    /// </summary>
    public void ShowProblem(ApiProblem problem, FormErrors errors, string fallbackId)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(errors);
        var shown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in fields)
        {
            foreach (var (key, messages) in problem.Errors)
            {
                if (Concerns(field, key))
                {
                    shown.Add(key);
                    foreach (var message in messages.Where(m => errors.For(field.Id) != m))
                    {
                        errors.Add(field.Id, message);
                    }
                }
            }
        }
        var firstId = fields.Count > 0 ? fields[0].Id : fallbackId;
        foreach (var (key, messages) in problem.Errors.Where(e => !shown.Contains(e.Key)))
        {
            foreach (var message in messages)
            {
                errors.Add(firstId, message);
            }
        }
        if (!errors.Any)
        {
            errors.Add(firstId, problem.Detail ?? problem.Title ?? "This could not be saved. Try again.");
        }
    }

    private static bool Concerns(StepField field, string key) =>
        field.ApiName.Length == 0
            ? key.Equals("subjectId", StringComparison.OrdinalIgnoreCase) || key.Equals("name", StringComparison.OrdinalIgnoreCase)
            : key.Equals(field.ApiName, StringComparison.OrdinalIgnoreCase)
                || key.StartsWith(field.ApiName + ".", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith(field.ApiName + "[", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? Refuse(FormErrors errors, string id, string message)
    {
        errors.Add(id, message);
        return null;
    }

    private static JsonObject PersonNode(IReadOnlyDictionary<string, IReadOnlyList<StaffMember>> directory, StepField field, string subjectId)
    {
        var person = directory.GetValueOrDefault(field.Role ?? "")?.FirstOrDefault(p => p.SubjectId == subjectId);
        // Someone not in the directory is sent without a name, and the API says who it cannot accept.
        return new JsonObject { ["subjectId"] = subjectId, ["name"] = person?.DisplayName };
    }

    private static void Set(JsonObject body, string path, JsonNode node)
    {
        if (path.Length == 0 && node is JsonObject fields)
        {
            foreach (var (name, value) in fields.ToList())
            {
                fields.Remove(name);
                body[name] = value;
            }
            return;
        }
        var parts = path.Split('.');
        var target = body;
        foreach (var part in parts[..^1])
        {
            if (target[part] is not JsonObject next)
            {
                next = [];
                target[part] = next;
            }
            target = next;
        }
        target[parts[^1]] = node;
    }
}
