using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>
/// Reg 8: a complaint on one of the eight grounds of Reg 8(1) (<see cref="ExclusionGround"/>) is not handled under the
/// Regulations, and the complainant is told so in writing, with the reasons (Reg 8(2)).
/// </summary>
public static class ExclusionGrounds
{
    /// <summary>Reads an exclusion: its ground, the written reasons and when they went. <c>null</c> when a field is wrong.</summary>
    public static Exclusion? Read(FieldReader fields, string? ground, string? reasons, string? letterSentOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var readGround = fields.Enum<ExclusionGround>(ground, "ground",
            required: "Give one of the grounds of Reg 8(1): " + string.Join(", ", Enum.GetNames<ExclusionGround>()) + ".");
        var why = fields.Text(reasons, "reasons", TextLimits.Note, "Record the reasons given to the complainant in writing (Reg 8(2)).");
        var letter = fields.DateInCalendar(letterSentOn, "letterSentOn", today, required: "Record when the letter with the reasons went (Reg 8(2)).");
        return readGround is { } g && why is not null && letter is { } sent && fields.Errors.IsEmpty ? new Exclusion(g, why, sent) : null;
    }
}
