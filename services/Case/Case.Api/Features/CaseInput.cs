using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features;

/// <summary>Reads the parts of a step's input that several steps share, with the one <see cref="FieldReader"/>.</summary>
public static class CaseInput
{
    /// <summary>Most items of a list (issues, outcomes sought, evidence, people to speak to).</summary>
    public const int MaxItems = 30;

    /// <summary>The message for a required enumeration left out: its names.</summary>
    public static string OneOf<TEnum>()
        where TEnum : struct, Enum => "Required: one of " + string.Join(", ", Enum.GetNames<TEnum>()) + ".";

    /// <summary>A date in the case's life (not after today unless allowed), with today when none is given.</summary>
    public static DateOnly DateOrToday(this FieldReader reader, string? value, string field, DateOnly today, bool allowFuture = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.DateInCalendar(value, field, today, allowFuture) ?? today;
    }

    /// <summary>A member of staff; <c>subjectId</c> "me" is the caller.</summary>
    public static StaffRef? Person(this FieldReader reader, Caller caller, CaseRequests.Person? input, string field, bool required)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(caller);
        var prefix = field.Length == 0 ? "" : field + ".";
        if (input is null)
        {
            if (required)
            {
                reader.Add(field.Length == 0 ? "name" : field, "Name the person.");
            }
            return null;
        }
        var name = reader.Line(input.Name, prefix + "name", 200, "Give the person's name.");
        var subject = reader.Line(input.SubjectId, prefix + "subjectId", 200);
        if (subject is "me")
        {
            subject = caller.SubjectId;
        }
        return name is null ? null : new StaffRef(subject, name);
    }

    /// <summary>A list of short texts, at most <see cref="MaxItems"/>.</summary>
    public static List<string> Items(this FieldReader reader, IReadOnlyList<string>? values, string field, bool required)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Texts(values, field, MaxItems, 1_000, required ? "Give at least one." : null);
    }
}
