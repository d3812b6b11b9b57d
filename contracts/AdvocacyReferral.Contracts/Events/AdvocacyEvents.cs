namespace IcsComplaints.AdvocacyReferral.Contracts.Events;

/// <summary>
/// A complaint was referred to the independent NHS complaints advocacy service for the complainant's area. The
/// namespace and type names are the messages' identity on the broker: never move or rename them.
/// </summary>
public sealed record ReferralRequested
{
    /// <summary>Identifier of the referral.</summary>
    public required Guid ReferralId { get; init; }

    /// <summary>The case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>ODS code of the organisation handling the complaint.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Code of the advocacy service.</summary>
    public required string AdvocacyServiceCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly RequestedOn { get; init; }

    /// <summary>Handler or Complainant.</summary>
    public required string RequestedBy { get; init; }
}

/// <summary>The advocacy service accepted a referral and assigned an advocate.</summary>
public sealed record ReferralAccepted
{
    /// <summary>Identifier of the referral.</summary>
    public required Guid ReferralId { get; init; }

    /// <summary>The case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>Code of the advocacy service.</summary>
    public required string AdvocacyServiceCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly AcceptedOn { get; init; }

    /// <summary>The complainant's consent covers drafts of the final response: a draft waiting is shared at once.</summary>
    public bool ReviewDrafts { get; init; }
}

/// <summary>The advocacy service declined a referral (the reason stays in the advocacy service).</summary>
public sealed record ReferralDeclined
{
    /// <summary>Identifier of the referral.</summary>
    public required Guid ReferralId { get; init; }

    /// <summary>The case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>Code of the advocacy service.</summary>
    public required string AdvocacyServiceCode { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly DeclinedOn { get; init; }
}

/// <summary>The complainant consented to an advocacy service seeing their case, and (if so) reviewing drafts.</summary>
public sealed record ConsentGranted
{
    /// <summary>Identifier of the grant.</summary>
    public required Guid GrantId { get; init; }

    /// <summary>The case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>Code of the advocacy service it names.</summary>
    public required string AdvocacyServiceCode { get; init; }

    /// <summary>The advocate may see the case's progress.</summary>
    public required bool ViewCase { get; init; }

    /// <summary>The advocate may see and comment on drafts of the final response before they are final.</summary>
    public required bool ReviewDrafts { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly GrantedOn { get; init; }
}

/// <summary>A consent grant ended: revoked by the complainant or a handler, or ended by the case closing or the referral being declined.</summary>
public sealed record ConsentRevoked
{
    /// <summary>Identifier of the grant.</summary>
    public required Guid GrantId { get; init; }

    /// <summary>The case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>Code of the advocacy service.</summary>
    public required string AdvocacyServiceCode { get; init; }

    /// <summary>When it ended.</summary>
    public required DateOnly EndedOn { get; init; }

    /// <summary>Revoked, CaseClosed or ReferralDeclined.</summary>
    public required string Reason { get; init; }
}

/// <summary>An advocate finished reviewing a draft final response, or it was waived. Counts only, never comment text.</summary>
public sealed record DraftReviewCompleted
{
    /// <summary>The case.</summary>
    public required Guid CaseId { get; init; }

    /// <summary>The draft version reviewed.</summary>
    public required int Version { get; init; }

    /// <summary>Code of the advocacy service.</summary>
    public required string ReviewerCode { get; init; }

    /// <summary>Completed or Waived.</summary>
    public required string Outcome { get; init; }

    /// <summary>Comments made.</summary>
    public required int Comments { get; init; }

    /// <summary>The day.</summary>
    public required DateOnly CompletedOn { get; init; }

    /// <summary>
    /// How the advocate completed it: Approved or ChangesAsked. Absent when waived, and in events published before
    /// reviews had a verdict.
    /// </summary>
    public string? Verdict { get; init; }
}
