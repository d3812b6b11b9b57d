using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.RecordConsent;

/// <summary>The complainant's consent to share with, or transfer to, another organisation.</summary>
/// <param name="Given">Given or refused.</param>
/// <param name="RecordedOn">When asked; today by default.</param>
public sealed record ConsentInput(bool? Given, string? RecordedOn);

/// <summary>Records the complainant's consent to share (Reg 7(3)); refused at an ICB, the ICB handles it.</summary>
public sealed class RecordConsentHandler(ComplaintDecisionSteps steps) : IComplaintDecision<ConsentInput>
{
    /// <inheritdoc />
    public async Task DecideAsync(Caller caller, Guid id, ConsentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await steps.LoadAsync(caller, id, ct);
        var fields = new FieldReader();
        if (input.Given is null)
        {
            fields.Add("given", "Say whether the complainant gave consent (true) or refused it (false).");
        }
        var recordedOn = fields.DateInCalendar(input.RecordedOn, "recordedOn", steps.Today) ?? steps.Today;
        fields.ThrowIfAny();
        complaint.RecordConsent(input.Given!.Value, recordedOn, steps.Today);
        await steps.SaveAsync(complaint, ct);
    }
}
