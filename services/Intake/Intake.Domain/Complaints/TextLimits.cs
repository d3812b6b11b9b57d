namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>The longest text each field keeps: the width of the column that stores it, so nothing is cut on the way in.</summary>
public static class TextLimits
{
    /// <summary>A person's name.</summary>
    public const int Name = 200;

    /// <summary>The complaint in the complainant's words.</summary>
    public const int Description = 20_000;

    /// <summary>What the complainant would like to happen: as much room as the complaint itself.</summary>
    public const int DesiredOutcome = Description;

    /// <summary>Any other free text: reasons, a relationship, notes, a summary.</summary>
    public const int Note = 1_000;

    /// <summary>A line of a postal address.</summary>
    public const int AddressLine = 200;

    /// <summary>A town.</summary>
    public const int Town = 100;

    /// <summary>The language an interpreter is needed for.</summary>
    public const int Language = 100;
}
