using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.DecideBestInterests;

/// <summary>Whether a representative of a child or a person lacking capacity acts in their best interests (Reg 5(4)).</summary>
/// <param name="InBestInterests">The decision.</param>
/// <param name="Reasons">Why.</param>
/// <param name="LetterSentOn">When the letter giving the reasons went, if not.</param>
public sealed record BestInterestsInput(bool? InBestInterests, string? Reasons, string? LetterSentOn);

/// <summary>Decides whether a representative acts in the person's best interests (<see cref="WhoMayComplain"/>).</summary>
public sealed class DecideBestInterestsHandler(ComplaintDecisionSteps steps) : IComplaintDecision<BestInterestsInput>
{
    /// <inheritdoc />
    public async Task DecideAsync(Caller caller, Guid id, BestInterestsInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await steps.LoadAsync(caller, id, ct);
        var fields = new FieldReader();
        var decision = WhoMayComplain.ReadBestInterestsDecision(fields, input.InBestInterests, input.Reasons, input.LetterSentOn, steps.Today);
        fields.ThrowIfAny();
        complaint.DecideBestInterests(decision!, steps.Today);
        await steps.SaveAsync(complaint, ct);
    }
}
