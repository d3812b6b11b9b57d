using IcsComplaints.Calendar;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// MCHP early resolution (domain.md §1.6): resolved within the organisation's own target, counted in working days
/// from receipt; the MCHP sets no national figure, so the default of three is a local choice each organisation may change.
/// </summary>
public static class EarlyResolutionTarget
{
    /// <summary>The target until the organisation sets its own.</summary>
    public const int DefaultWorkingDays = 3;

    /// <summary>The shortest target an organisation may set.</summary>
    public const int MinWorkingDays = 1;

    /// <summary>The longest target an organisation may set: beyond four weeks a complaint is no longer resolved early.</summary>
    public const int MaxWorkingDays = 20;

    /// <summary>The day early resolution is due for a complaint received on <paramref name="receivedOn"/>.</summary>
    public static DateOnly DueBy(DateOnly receivedOn, int targetWorkingDays, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(receivedOn, targetWorkingDays);
    }

    /// <summary>Records an error when a target to be set is outside the range; <c>null</c> (not changed) is always accepted.</summary>
    public static void Check(int? targetWorkingDays, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (targetWorkingDays is not (null or (>= MinWorkingDays and <= MaxWorkingDays)))
        {
            errors.Add(field, $"Give a target of {MinWorkingDays} to {MaxWorkingDays} working days.");
        }
    }
}
