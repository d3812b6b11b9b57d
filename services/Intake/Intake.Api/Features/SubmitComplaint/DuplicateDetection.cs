using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Intake.Domain.Rules;

namespace IcsComplaints.Intake.Api.Features.SubmitComplaint;

/// <summary>
/// Finds the earlier complaints a new one may repeat (<see cref="EitherOr.MayRepeat"/>: at most
/// <see cref="EitherOr.MostOffered"/>, open ones first, then the most recent) and records each pair, in the same unit
/// of work, to be offered to a handler to link.
/// </summary>
public sealed class DuplicateDetection(ComplaintQueries queries, ComplaintStore store)
{
    /// <summary>Adds candidate pairs for a new complaint to the unit of work.</summary>
    public async Task RecordCandidatesAsync(Complaint complaint, DirectorySnapshot directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var earlier = await queries.FromSamePersonAsync(complaint, EitherOr.ComparedSince(complaint.ReceivedOn), EitherOr.MostCompared, ct);
        foreach (var (other, matchedOn) in EitherOr.MayRepeat(complaint, earlier, directory))
        {
            store.Add(new DuplicateCandidate(complaint.Id, other.Id, matchedOn, complaint.SubmittedAt));
        }
    }
}
