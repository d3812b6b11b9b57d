using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// Early resolution ends without a signed letter of findings (MCHP; domain.md §1.6): the organisation records what
/// was discussed and agreed, with an outcome for KO41, and confirms it in writing with the offer to take a closer
/// look if the complainant is not satisfied. That written confirmation is the response for the clock and for KO41
/// (Reg 14's "response"), so the case moves to <see cref="CaseStage.FinalResponseSent"/> as a signed response would.
/// Only a case being resolved early may end this way: one taken for a closer look needs the full response.
/// </summary>
public static class EarlyResolutionConfirmation
{
    /// <summary>The longest account of what was discussed or agreed.</summary>
    public const int MaxLength = 5_000;

    /// <summary>Refuses to record an early resolution on a case not being resolved early.</summary>
    public static void EnsureResolvingEarly(ComplaintCase complaintCase)
    {
        ArgumentNullException.ThrowIfNull(complaintCase);
        if (complaintCase.Stage != CaseStage.EarlyResolution)
        {
            throw new RequestStateException(complaintCase.CloserLookStartedOn is null
                ? $"Cannot record an early resolution: the case is {complaintCase.Stage}; start early resolution first."
                : "Cannot record an early resolution: the case is being looked at closely and needs a full final response.");
        }
    }
}
