namespace IcsComplaints.Case.Domain.Cases;

/// <summary>Who reviews a draft.</summary>
public enum ReviewerKind
{
    /// <summary>The complainant's advocacy service, with their consent to share drafts.</summary>
    Advocacy = 1,

    /// <summary>Another organisation of a complaint about several (Reg 9; the Ombudsman's lead-organisation steps).</summary>
    Contributor = 2,
}

/// <summary>Where a review of a draft stands.</summary>
public enum DraftReviewStatus
{
    /// <summary>Shared; the reviewer may read and comment until the window ends.</summary>
    Open = 1,

    /// <summary>The reviewer finished.</summary>
    Completed = 2,

    /// <summary>Waived by the advocate or the complainant.</summary>
    Waived = 3,

    /// <summary>The window passed without an answer.</summary>
    Expired = 4,

    /// <summary>The complainant's consent ended.</summary>
    ConsentRevoked = 5,

    /// <summary>A newer draft replaced it (and opened a review of its own).</summary>
    Superseded = 6,
}

/// <summary>How an advocate completed their review, as the advocacy service announced it.</summary>
public enum DraftReviewVerdict
{
    /// <summary>The advocate approved the draft.</summary>
    Approved = 1,

    /// <summary>The advocate asked for changes, said in their comments (read at the advocacy service).</summary>
    ChangesAsked = 2,
}

/// <summary>A draft version shared with one reviewer before the response is final (<see cref="Rules.AdvocateReviewWindow"/>).</summary>
public sealed class DraftReview
{
    private DraftReview()
    {
    }

    internal DraftReview(Guid caseId, int version, string reviewerCode, ReviewerKind kind, DateOnly sharedOn, DateOnly windowEndsOn)
    {
        CaseId = caseId;
        Version = version;
        ReviewerCode = reviewerCode;
        Kind = kind;
        SharedOn = sharedOn;
        WindowEndsOn = windowEndsOn;
    }

    /// <summary>Identifier.</summary>
    public long Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The draft version.</summary>
    public int Version { get; private set; }

    /// <summary>Advocacy service code or contributing organisation's ODS code.</summary>
    public string ReviewerCode { get; private set; } = "";

    /// <summary>Advocacy or Contributor.</summary>
    public ReviewerKind Kind { get; private set; }

    /// <summary>When shared.</summary>
    public DateOnly SharedOn { get; private set; }

    /// <summary>The last day of the review window (working days set by the organisation).</summary>
    public DateOnly WindowEndsOn { get; private set; }

    /// <summary>Where it stands.</summary>
    public DraftReviewStatus Status { get; private set; } = DraftReviewStatus.Open;

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Comments made (an advocate's stay in the advocacy service; a contributor's is below).</summary>
    public int Comments { get; private set; }

    /// <summary>A contributing organisation's comment.</summary>
    public string? ContributorComment { get; private set; }

    /// <summary>
    /// An advocate's verdict on completing the review; <c>null</c> while open, when waived or ended, for a
    /// contributor, and for reviews completed before verdicts were announced.
    /// </summary>
    public DraftReviewVerdict? Verdict { get; private set; }

    internal void Close(DraftReviewStatus outcome, DateOnly on, int comments, string? comment, DraftReviewVerdict? verdict)
    {
        Status = outcome;
        ClosedOn = on;
        Comments = comments;
        ContributorComment = comment;
        Verdict = verdict;
    }

    /// <summary>Ends an unanswered review: superseded by a newer draft, or expired.</summary>
    internal void End(DraftReviewStatus status, DateOnly on)
    {
        Status = status;
        ClosedOn = on;
    }
}

/// <summary>The draft as it was when shared: reviewers read this version, whatever happens to the draft afterwards.</summary>
public sealed class DraftSnapshot
{
    private DraftSnapshot()
    {
    }

    internal DraftSnapshot(Guid caseId, int version, ResponseDraft draft, DateTimeOffset sharedAt)
    {
        CaseId = caseId;
        Version = version;
        Draft = draft;
        SharedAt = sharedAt;
    }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The version.</summary>
    public int Version { get; private set; }

    /// <summary>The draft.</summary>
    public ResponseDraft Draft { get; private set; } = null!;

    /// <summary>When shared.</summary>
    public DateTimeOffset SharedAt { get; private set; }
}
