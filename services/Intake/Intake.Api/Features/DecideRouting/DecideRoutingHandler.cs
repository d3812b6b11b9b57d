using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.DecideRouting;

/// <summary>Where the complaint goes.</summary>
/// <param name="Decision">HandleAsCommissioner or Transfer.</param>
/// <param name="ToOrganisationCode">For a transfer: the organisation that should handle it.</param>
/// <param name="DecidedOn">When it was decided; today by default. Recording it later keeps the ICB's own time apart from the provider's.</param>
public sealed record RoutingInput(string? Decision, string? ToOrganisationCode, string? DecidedOn = null);

/// <summary>The ICB handles it as commissioner (Reg 7(4)), or it is transferred to the organisation that should handle it (Reg 6(5), 7(5)).</summary>
public sealed class DecideRoutingHandler(ComplaintDecisionSteps steps, OrganisationDirectory directory) : IComplaintDecision<RoutingInput>
{
    /// <inheritdoc />
    public async Task DecideAsync(Caller caller, Guid id, RoutingInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await steps.LoadAsync(caller, id, ct);
        var fields = new FieldReader();
        var decision = input.Decision?.Trim();
        if (decision is not ("HandleAsCommissioner" or "Transfer"))
        {
            fields.Add("decision", "Say HandleAsCommissioner or Transfer.");
        }
        var decidedOn = fields.DateInCalendar(input.DecidedOn, "decidedOn", steps.Today) ?? steps.Today;
        fields.ThrowIfAny();
        if (decision == "HandleAsCommissioner")
        {
            complaint.HandleAsCommissioner(decidedOn);
        }
        else
        {
            complaint.Transfer(input.ToOrganisationCode, await directory.GetAsync(ct), decidedOn);
        }
        await steps.SaveAsync(complaint, ct);
    }
}
