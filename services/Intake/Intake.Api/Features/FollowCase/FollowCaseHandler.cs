using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Complaints;

namespace IcsComplaints.Intake.Api.Features.FollowCase;

/// <summary>
/// Follows the case at the organisation handling each complaint, for the complainant's progress page
/// (<see cref="PublicProgress"/>). A case of another organisation (the ICB's, closed when it transferred the
/// complaint) does not move it. The consumer calling it saves, with its inbox, in one transaction.
/// </summary>
public sealed class FollowCaseHandler(ComplaintStore store)
{
    /// <summary>The closure of a case whose complaint went to another organisation, which goes on with it.</summary>
    public const string TransferredClosure = "Transferred";

    /// <summary>The handling organisation opened a case for the complaint.</summary>
    public async Task CaseOpenedAsync(Guid complaintId, string organisationCode, Guid caseId, DateTimeOffset openedAt, CancellationToken ct) =>
        (await store.FindHandledByAsync(complaintId, organisationCode, ct))?.FollowCase(caseId, openedAt);

    /// <summary>The case moved to another stage.</summary>
    public async Task StageChangedAsync(Guid complaintId, string organisationCode, string stage, CancellationToken ct) =>
        (await store.FindHandledByAsync(complaintId, organisationCode, ct))?.CaseMovedTo(stage);

    /// <summary>The case was acknowledged.</summary>
    public async Task AcknowledgedAsync(Guid complaintId, string organisationCode, DateOnly acknowledgedOn, CancellationToken ct) =>
        (await store.FindHandledByAsync(complaintId, organisationCode, ct))?.CaseAcknowledged(acknowledgedOn);

    /// <summary>A response date was agreed or renegotiated; the case names only itself.</summary>
    public async Task ResponseDateAgreedAsync(Guid caseId, DateOnly dueBy, int renegotiation, CancellationToken ct) =>
        (await store.FindByCaseAsync(caseId, ct))?.ResponseDateAgreed(dueBy, renegotiation);

    /// <summary>The final response went.</summary>
    public async Task FinalResponseSentAsync(Guid complaintId, string organisationCode, DateOnly sentOn, CancellationToken ct) =>
        (await store.FindHandledByAsync(complaintId, organisationCode, ct))?.FinalResponseSent(sentOn);

    /// <summary>The case closed, for whatever reason (resolved, withdrawn, excluded, …): never because it was transferred.</summary>
    public async Task ClosedAsync(Guid complaintId, string organisationCode, string closure, DateOnly closedOn, CancellationToken ct)
    {
        if (closure != TransferredClosure)
        {
            (await store.FindHandledByAsync(complaintId, organisationCode, ct))?.CaseClosed(closedOn);
        }
    }
}
