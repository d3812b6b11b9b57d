namespace IcsComplaints.Validation;

/// <summary>
/// Reads the fields of a request into values and collects every problem against its field: the one way text, dates
/// and enumerations are read, by REST, gRPC and the CSV import alike, so that the same bad value gets the same message
/// wherever it is sent. Call <see cref="ThrowIfAny"/> once every field is read.
/// </summary>
public sealed class FieldReader(ValidationErrors errors)
{
    /// <summary>A reader collecting into a new set of errors.</summary>
    public FieldReader()
        : this(new ValidationErrors())
    {
    }

    /// <summary>The problems found so far.</summary>
    public ValidationErrors Errors { get; } = errors;

    /// <summary>True when the field already has a problem.</summary>
    public bool Has(string field) => Errors.Has(field);

    /// <summary>Records a problem found by a rule of the caller's own.</summary>
    public void Add(string field, string message) => Errors.Add(field, message);

    /// <summary>Text, possibly of several lines (<see cref="TextRules"/>); <c>null</c> when absent or refused.</summary>
    public string? Text(string? value, string field, int maxLength, string? required = null) =>
        TextRules.Read(value, field, Errors, maxLength, required);

    /// <summary>One line of text: a name, a title, a code (<see cref="TextRules"/>).</summary>
    public string? Line(string? value, string field, int maxLength, string? required = null) =>
        TextRules.Read(value, field, Errors, maxLength, required, singleLine: true);

    /// <summary>An e-mail address (<see cref="EmailRules"/>), trimmed; <c>null</c> when absent or refused.</summary>
    public string? Email(string? value, string field, string? required = null)
    {
        var email = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (email is null)
        {
            if (required is not null)
            {
                Errors.Add(field, required);
            }
            return null;
        }
        if (!EmailRules.IsValid(email))
        {
            Errors.Add(field, "Give an e-mail address such as name@example.org.");
            return null;
        }
        return email;
    }

    /// <summary>A date from <paramref name="earliest"/> to <paramref name="latest"/> (<see cref="DateRules"/>).</summary>
    public DateOnly? Date(string? value, string field, DateOnly earliest, DateOnly latest, string? required = null) =>
        DateRules.Read(value, field, Errors, earliest, latest, required);

    /// <summary>A date in a complaint's life: within the working-day calendar, not after today unless allowed.</summary>
    public DateOnly? DateInCalendar(string? value, string field, DateOnly today, bool allowFuture = false, string? required = null) =>
        DateRules.ReadInCalendar(value, field, Errors, today, allowFuture, required);

    /// <summary>
    /// One of an enumeration's names, in any case, with or without <c>_</c> or <c>-</c> (<c>in-person</c>,
    /// <c>IN_PERSON</c>, <c>InPerson</c>); never its number, which would tie callers to the order of the names.
    /// </summary>
    public TEnum? Enum<TEnum>(string? value, string field, string? required = null)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required is not null)
            {
                Errors.Add(field, required);
            }
            return null;
        }
        var name = value.Trim().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (System.Enum.TryParse<TEnum>(name, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !name.Any(char.IsAsciiDigit))
        {
            return parsed;
        }
        Errors.Add(field, "Must be one of: " + string.Join(", ", System.Enum.GetNames<TEnum>()) + ".");
        return null;
    }

    /// <summary>
    /// A list of texts (issues to answer, evidence to gather): each item read as <see cref="Text"/>, blank items
    /// dropped, at most <paramref name="maxItems"/>.
    /// </summary>
    public List<string> Texts(IReadOnlyList<string?>? values, string field, int maxItems, int maxLength, string? required = null)
    {
        var items = new List<string>();
        var given = values ?? [];
        if (given.Count > maxItems)
        {
            Errors.Add(field, $"At most {maxItems}.");
            return items;
        }
        for (var i = 0; i < given.Count; i++)
        {
            if (Text(given[i], $"{field}[{i}]", maxLength) is { } item)
            {
                items.Add(item);
            }
        }
        if (required is not null && items.Count == 0 && !Errors.Has(field))
        {
            Errors.Add(field, required);
        }
        return items;
    }

    /// <summary>Throws a <see cref="RequestValidationException"/> naming every field with a problem, if any has one.</summary>
    public void ThrowIfAny() => Errors.ThrowIfAny();
}
