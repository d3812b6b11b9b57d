namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>Who is submitting a complaint, which decides what they may set.</summary>
public enum SubmitterKind
{
    /// <summary>A member of the public, not signed in: the online form.</summary>
    Public,

    /// <summary>A signed-in complainant: the online form, and they can later read their own complaint.</summary>
    Complainant,

    /// <summary>Staff recording a complaint made to their own organisation (phone, letter, e-mail, in person, PALS).</summary>
    Staff,

    /// <summary>An organisation's own system, for its own organisation only.</summary>
    IntegrationSystem,
}

/// <summary>What a kind of submitter means for the complaint.</summary>
public static class SubmitterKinds
{
    /// <summary>True for those who use the online form: the public and signed-in complainants.</summary>
    public static bool SubmitsOnline(this SubmitterKind kind) => kind is SubmitterKind.Public or SubmitterKind.Complainant;
}
