namespace IcsComplaints.AdvocacyReferral.Domain.Reviews;

/// <summary>How the advocate finished a review: the complaints team reads it beside the comments (<see cref="Rules.ReviewCompletion"/>).</summary>
public enum ReviewVerdict
{
    /// <summary>The advocate is content for the draft to become the final response.</summary>
    Approved = 1,

    /// <summary>The advocate asks for changes, said in their comments.</summary>
    ChangesAsked = 2,
}
