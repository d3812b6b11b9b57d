namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>The decision on a complaint made after the time limit (Reg 12(4)).</summary>
public enum TimeLimitDecision
{
    /// <summary>Considered: there was good reason for the delay and a fair investigation is still possible.</summary>
    Considered = 1,

    /// <summary>Declined, with a letter explaining why.</summary>
    Declined = 2,
}

/// <summary>The grounds on which a complaint is not handled under the Regulations (Reg 8(1)(a)–(h)).</summary>
public enum ExclusionGround
{
    /// <summary>(a) A complaint made by a responsible body.</summary>
    ByResponsibleBody = 1,

    /// <summary>(b) A complaint by an employee about their employment.</summary>
    EmployeeAboutEmployment = 2,

    /// <summary>(c) An oral complaint resolved to the complainant's satisfaction by the next working day.</summary>
    OralResolvedByNextWorkingDay = 3,

    /// <summary>(d) The same subject as a complaint already resolved under (c).</summary>
    SameAsOralResolved = 4,

    /// <summary>(e) The subject has already been investigated under these or earlier Regulations.</summary>
    AlreadyInvestigated = 5,

    /// <summary>(f) The subject is being or has been investigated by a Local Commissioner or the Health Service Commissioner.</summary>
    InvestigatedByOmbudsman = 6,

    /// <summary>(g) An alleged failure to comply with a Freedom of Information request.</summary>
    FreedomOfInformation = 7,

    /// <summary>(h) About NHS superannuation or compensation for loss of office schemes.</summary>
    PensionOrCompensationScheme = 8,
}

/// <summary>A late complaint decided (Reg 12(4)).</summary>
/// <param name="Decision">Considered or declined.</param>
/// <param name="GoodReason">The complainant's good reason for the delay, when considered.</param>
/// <param name="LetterSentOn">When the letter explaining a refusal went, when declined.</param>
public sealed record LateComplaintDecision(TimeLimitDecision Decision, string? GoodReason, DateOnly? LetterSentOn);

/// <summary>Whether a representative of a child or a person lacking capacity acts in their best interests (Reg 5(4)).</summary>
/// <param name="InBestInterests">The decision.</param>
/// <param name="Reasons">Why.</param>
/// <param name="LetterSentOn">When the letter giving the reasons went, when not.</param>
public sealed record BestInterestsDecision(bool InBestInterests, string Reasons, DateOnly? LetterSentOn);

/// <summary>A complaint not handled under the Regulations (Reg 8).</summary>
/// <param name="Ground">The ground of Reg 8(1).</param>
/// <param name="Reasons">The written reasons (Reg 8(2)).</param>
/// <param name="LetterSentOn">When they went to the complainant.</param>
public sealed record Exclusion(ExclusionGround Ground, string Reasons, DateOnly LetterSentOn);
