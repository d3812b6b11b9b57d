using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.SetParties;

/// <summary>The organisations of a complaint about several, and their agreed lead (Reg 9).</summary>
/// <param name="Organisations">ODS codes of all of them.</param>
/// <param name="LeadOrganisationCode">The lead.</param>
public sealed record PartiesInput(IReadOnlyList<string>? Organisations, string? LeadOrganisationCode);

/// <summary>Records the organisations of a complaint about several and their agreed lead (Reg 9); another lead takes it over.</summary>
public sealed class SetPartiesHandler(ComplaintDecisionSteps steps, OrganisationDirectory directory) : IComplaintDecision<PartiesInput>
{
    /// <inheritdoc />
    public async Task DecideAsync(Caller caller, Guid id, PartiesInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var complaint = await steps.LoadAsync(caller, id, ct);
        var snapshot = await directory.GetAsync(ct);
        var fields = new FieldReader();
        var parties = ComplaintRouting.ReadParties(fields, input.Organisations, input.LeadOrganisationCode, snapshot);
        fields.ThrowIfAny();
        complaint.SetParties(parties!.Organisations, parties.LeadOrganisationCode, snapshot, steps.Today);
        await steps.SaveAsync(complaint, ct);
    }
}
