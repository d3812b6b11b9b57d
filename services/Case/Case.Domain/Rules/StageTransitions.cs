using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Domain.Rules;

/// <summary>
/// The stages of the model complaint handling procedure (NHS Complaint Standards, MCHP; Reg 13 and 14) and the moves
/// between them. A move not listed here is refused with the stages that may follow, so a case cannot skip
/// acknowledgement, be answered before it is looked into, or be closed before its final response has gone.
/// </summary>
public static class StageTransitions
{
    private static readonly Dictionary<CaseStage, CaseStage[]> Next = new()
    {
        [CaseStage.Received] = [CaseStage.Acknowledged],
        [CaseStage.Acknowledged] = [CaseStage.EarlyResolution, CaseStage.CloserLook],
        // Resolved early, the written confirmation is the response (EarlyResolutionConfirmation).
        [CaseStage.EarlyResolution] = [CaseStage.CloserLook, CaseStage.ResponseDrafted, CaseStage.FinalResponseSent],
        [CaseStage.CloserLook] = [CaseStage.ResponseDrafted],
        [CaseStage.ResponseDrafted] = [CaseStage.CloserLook, CaseStage.FinalResponseSent],
        [CaseStage.FinalResponseSent] = [CaseStage.Closed, CaseStage.Reopened, CaseStage.ReferredToOmbudsman],
        [CaseStage.Closed] = [CaseStage.Reopened, CaseStage.ReferredToOmbudsman],
        [CaseStage.Reopened] = [CaseStage.EarlyResolution, CaseStage.CloserLook],
        [CaseStage.ReferredToOmbudsman] = [CaseStage.Reopened, CaseStage.Closed],
    };

    /// <summary>The stages that may follow <paramref name="from"/>.</summary>
    public static IReadOnlyList<CaseStage> From(CaseStage from) => Next.TryGetValue(from, out var next) ? next : [];

    /// <summary>True when the move is allowed.</summary>
    public static bool Allows(CaseStage from, CaseStage to) => From(from).Contains(to);

    /// <summary>Refuses a move the table does not allow, naming the stages that may follow.</summary>
    /// <param name="from">The case's stage.</param>
    /// <param name="to">The stage the step would move it to.</param>
    /// <param name="action">The step, as the message names it ("acknowledge", "close" …).</param>
    public static void EnsureAllowed(CaseStage from, CaseStage to, string action)
    {
        if (!Allows(from, to))
        {
            var next = From(from);
            throw new RequestStateException(
                $"Cannot {action}: the case is {from}" + (next.Count == 0 ? "." : $"; next it can be {string.Join(" or ", next)}."));
        }
    }

    /// <summary>True until the final response has gone or the case closed: the stages in which the clocks run.</summary>
    public static bool ClockRuns(CaseStage stage) =>
        stage is CaseStage.Received or CaseStage.Acknowledged or CaseStage.EarlyResolution or CaseStage.CloserLook
            or CaseStage.ResponseDrafted or CaseStage.Reopened;
}
