using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.GetComplaint;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;

namespace IcsComplaints.Intake.Api.Features.FindPossibleDuplicates;

/// <summary>
/// The complaints found to be possibly the same matter as this one (<see cref="Domain.Rules.EitherOr"/>), as far as
/// the caller may be told of them; <c>null</c> when the caller may not read this one.
/// </summary>
public sealed class FindPossibleDuplicatesHandler(ComplaintQueries queries, IAuditTrail audit)
{
    /// <summary>The possible duplicates, or <c>null</c>.</summary>
    public async Task<IReadOnlyList<PossibleDuplicate>?> FindAsync(Caller caller, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var complaint = await queries.FindAsync(id, ct);
        if (complaint is null || !ComplaintAccess.MayRead(caller, complaint) || !caller.HasAny(ComplaintAccess.ReaderRoles))
        {
            return null;
        }
        var pairs = await queries.DuplicatePairsOfAsync(id, ct);
        var others = await queries.FindAllAsync([.. pairs.Select(d => d.OtherThan(id))], ct);
        await audit.RecordReadAsync(AuditResources.Complaint, $"{id}:possible-duplicates", complaint.HandlingOrganisationCode, ct);
        return [.. others.Where(o => ComplaintAccess.MaySeeAsDuplicate(caller, o)).Select(o => new PossibleDuplicate(
            o.Id, o.Reference, o.OrganisationCode, o.HandlingOrganisationCode, o.ReceivedOn, o.State,
            pairs.First(d => d.ComplaintId == o.Id || d.CandidateComplaintId == o.Id).MatchedOn))];
    }
}
