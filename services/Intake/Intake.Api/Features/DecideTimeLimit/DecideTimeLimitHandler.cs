using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.DecideTimeLimit;

/// <summary>The decision on a complaint made after the time limit (Reg 12(4)).</summary>
/// <param name="Decision">Considered or Declined.</param>
/// <param name="GoodReason">Why the complainant did not complain in time (to consider it).</param>
/// <param name="FairInvestigationPossible">Whether it can still be investigated effectively and fairly (to consider it).</param>
/// <param name="LetterSentOn">When the letter explaining a refusal went (to decline it).</param>
public sealed record TimeLimitInput(string? Decision, string? GoodReason, bool? FairInvestigationPossible, string? LetterSentOn);

/// <summary>Decides on a complaint made after the time limit (<see cref="TimeLimit"/>).</summary>
public sealed class DecideTimeLimitHandler(ComplaintDecisionSteps steps) : IComplaintDecision<TimeLimitInput>
{
    /// <inheritdoc />
    public async Task DecideAsync(Caller caller, Guid id, TimeLimitInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await steps.LoadAsync(caller, id, ct);
        var fields = new FieldReader();
        var decision = TimeLimit.ReadDecision(fields, input.Decision, input.GoodReason, input.FairInvestigationPossible, input.LetterSentOn, steps.Today);
        fields.ThrowIfAny();
        complaint.DecideTimeLimit(decision!, steps.Today);
        await steps.SaveAsync(complaint, ct);
    }
}
