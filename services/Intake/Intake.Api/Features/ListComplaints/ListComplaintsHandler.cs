using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.GetComplaint;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.ListComplaints;

/// <summary>
/// The complaints made to or handled by the caller's organisation, newest first, for its staff. The lines carry the
/// complainant's and the patient's names, so a list that shows any is audited as a read of each complaint in it.
/// </summary>
public sealed class ListComplaintsHandler(ComplaintQueries queries, ComplaintListAudit audit)
{
    /// <summary>Most complaints one list returns.</summary>
    public const int PageSize = 200;

    /// <summary>
    /// Filtered by reference, state and route; with <paramref name="pendingOnly"/>, those waiting for a decision.
    /// A reference that is not one is refused by name.
    /// </summary>
    public async Task<IReadOnlyList<ComplaintSummary>> ListAsync(
        Caller caller, string? reference, ComplaintState? state, ComplaintRoute? route, bool pendingOnly, DateOnly? before, CancellationToken ct)
    {
        var organisation = OrganisationOf(caller);
        string? canonical = null;
        if (!string.IsNullOrWhiteSpace(reference) && (canonical = ComplaintReference.Normalise(reference)) is null)
        {
            throw new RequestValidationException("reference", "This is not a complaint reference: it has eight letters and digits, such as K3QX-9HF7.");
        }
        var complaints = await queries.ListAsync(organisation, canonical, state, route, pendingOnly, before, PageSize, ct);
        await audit.RecordListAsync(complaints, ct);
        return [.. complaints.Select(Summarise)];
    }

    /// <summary>The caller's organisation, when they are on its staff; otherwise 403.</summary>
    public static string OrganisationOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasAny(ComplaintAccess.ReaderRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("Only staff of an organisation list its complaints.");
        }
        return organisation;
    }

    /// <summary>A complaint as a line of a work list or of search results.</summary>
    public static ComplaintSummary Summarise(Complaint c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ComplaintSummary(
            c.Id, c.Reference, c.OrganisationCode, c.HandlingOrganisationCode, c.ReceivedOn, c.Channel, c.State, c.Route, c.PendingDecisions(),
            c.CaseId, c.Complainant.Name, c.PatientName);
    }
}
