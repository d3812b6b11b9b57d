namespace IcsComplaints.Case.Domain.Cases;

/// <summary>One point of the complaint and the conclusion on it.</summary>
/// <param name="Issue">The point raised.</param>
/// <param name="Conclusion">What was found.</param>
/// <param name="Reasons">Why, with reference to the evidence.</param>
/// <param name="Upheld">Whether this point is upheld.</param>
public sealed record ResponseFinding(string Issue, string Conclusion, string Reasons, bool Upheld);

/// <summary>Something that will change because of the complaint, and by when.</summary>
/// <param name="Action">What.</param>
/// <param name="By">By when.</param>
public sealed record ResponseChange(string Action, DateOnly By);

/// <summary>
/// The draft final response, section by section as the Ombudsman reads a response; what it must hold before it is
/// signed is <see cref="Rules.FinalResponseCompleteness"/>.
/// </summary>
/// <param name="ComplaintSummary">The complaint as understood.</param>
/// <param name="OutcomesSought">What the complainant wanted to achieve.</param>
/// <param name="Investigation">How it was looked into and what evidence was considered.</param>
/// <param name="Findings">A finding, with reasons, on each point.</param>
/// <param name="Apology">A meaningful apology, where something went wrong.</param>
/// <param name="Changes">What will change and by when.</param>
/// <param name="Remedy">How things will be put right for the complainant, if at all.</param>
public sealed record ResponseDraft(
    string? ComplaintSummary, string? OutcomesSought, string? Investigation, IReadOnlyList<ResponseFinding> Findings, string? Apology,
    IReadOnlyList<ResponseChange> Changes, string? Remedy);

/// <summary>A signature on the final response: who may sign is <see cref="Rules.ResponseSigning"/> (Reg 14(2)(a)).</summary>
/// <param name="SignedBy">Who signed.</param>
/// <param name="Title">Their title as printed.</param>
/// <param name="OnBehalfOf">The responsible person they signed for, when a delegate signed.</param>
/// <param name="SignedOn">When.</param>
/// <param name="DraftVersion">The draft version signed: a later change needs a new signature.</param>
public sealed record ResponseSignature(StaffRef SignedBy, string Title, string? OnBehalfOf, DateOnly SignedOn, int DraftVersion);
