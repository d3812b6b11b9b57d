using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.ExcludeComplaint;

/// <summary>Not handled under the Regulations (Reg 8).</summary>
/// <param name="Ground">One of the eight grounds of Reg 8(1).</param>
/// <param name="Reasons">The written reasons.</param>
/// <param name="LetterSentOn">When they went to the complainant (Reg 8(2)).</param>
public sealed record ExclusionInput(string? Ground, string? Reasons, string? LetterSentOn);

/// <summary>Records that the complaint is not handled under the Regulations, with the ground and the written reasons (<see cref="ExclusionGrounds"/>).</summary>
public sealed class ExcludeComplaintHandler(ComplaintDecisionSteps steps) : IComplaintDecision<ExclusionInput>
{
    /// <inheritdoc />
    public async Task DecideAsync(Caller caller, Guid id, ExclusionInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await steps.LoadAsync(caller, id, ct);
        var fields = new FieldReader();
        var exclusion = ExclusionGrounds.Read(fields, input.Ground, input.Reasons, input.LetterSentOn, steps.Today);
        fields.ThrowIfAny();
        complaint.Exclude(exclusion!, steps.Today);
        await steps.SaveAsync(complaint, ct);
    }
}
