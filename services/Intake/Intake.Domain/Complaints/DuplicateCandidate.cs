namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>Two complaints that may be the same matter raised twice (see <see cref="Rules.EitherOr"/>).</summary>
public sealed class DuplicateCandidate
{
    // For EF Core.
    private DuplicateCandidate()
    {
        MatchedOn = "";
    }

    /// <summary>A pair found when the newer complaint arrived.</summary>
    public DuplicateCandidate(Guid complaintId, Guid candidateComplaintId, string matchedOn, DateTimeOffset detectedAt)
    {
        ComplaintId = complaintId;
        CandidateComplaintId = candidateComplaintId;
        MatchedOn = matchedOn;
        DetectedAt = detectedAt;
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The newer complaint.</summary>
    public Guid ComplaintId { get; private set; }

    /// <summary>The earlier complaint it may repeat.</summary>
    public Guid CandidateComplaintId { get; private set; }

    /// <summary>What matched: nhs-number, email, phone or name-and-postcode.</summary>
    public string MatchedOn { get; private set; }

    /// <summary>When it was found.</summary>
    public DateTimeOffset DetectedAt { get; private set; }

    /// <summary>The other complaint of the pair, seen from <paramref name="complaintId"/>.</summary>
    public Guid OtherThan(Guid complaintId) => ComplaintId == complaintId ? CandidateComplaintId : ComplaintId;
}
