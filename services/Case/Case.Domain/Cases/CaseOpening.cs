namespace IcsComplaints.Case.Domain.Cases;

/// <summary>What a case opens with.</summary>
/// <param name="ComplaintId">The complaint.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="OrganisationCode">The organisation handling it.</param>
/// <param name="ReceivedOn">The date received; for a transfer, the original date.</param>
/// <param name="ComplainantSubjectId">The signed-in complainant, if any.</param>
/// <param name="TransferredFromOrganisationCode">Where it was transferred from.</param>
/// <param name="AwaitingTimeLimitDecision">On hold under Reg 12(4).</param>
/// <param name="AwaitingBestInterestsDecision">On hold under Reg 5(4).</param>
/// <param name="AwaitingRouting">On hold under Reg 7.</param>
public sealed record CaseOpening(
    Guid ComplaintId, string Reference, string OrganisationCode, DateOnly ReceivedOn, string? ComplainantSubjectId,
    string? TransferredFromOrganisationCode = null, bool AwaitingTimeLimitDecision = false, bool AwaitingBestInterestsDecision = false,
    bool AwaitingRouting = false)
{
    /// <summary>For a complaint about several organisations led by this one, the others (Reg 9).</summary>
    public IReadOnlyList<string> Contributors { get; init; } = [];
}
