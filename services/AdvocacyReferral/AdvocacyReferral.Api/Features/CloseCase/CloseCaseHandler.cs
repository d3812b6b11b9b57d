using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.Messaging.Outbox;

namespace IcsComplaints.AdvocacyReferral.Api.Features.CloseCase;

/// <summary>
/// A closed case ends every consent grant on it at once, and with them the referrals and draft reviews; an advocate
/// whose grant has a planned end later than the closure may still read the case until then (ADR 26). The
/// consumer's unit of work saves it.
/// </summary>
public sealed class CloseCaseHandler(CaseStore cases, ReferralStore referrals, IOutbox outbox)
{
    /// <summary>Who ends the grants, as recorded on them.</summary>
    public const string EndedBy = "case-service";

    /// <summary>Records the closure and ends the grants in force.</summary>
    public async Task HandleAsync(Guid caseId, DateOnly closedOn, CancellationToken ct)
    {
        (await cases.FindAsync(caseId, ct))?.Close(closedOn);
        var grants = await referrals.GrantsInForceAsync(caseId, ct);
        var ofCase = await referrals.ReferralsOfCaseAsync(caseId, ct);
        foreach (var grant in grants)
        {
            outbox.Announce(grant.CaseClosed(closedOn, EndedBy, ofCase));
        }
    }
}
