using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Identity.Api.Features.AddOrganisation;

/// <summary>An organisation to add.</summary>
/// <param name="OdsCode">ODS code.</param>
/// <param name="Name">Name.</param>
/// <param name="Type">icb, provider or advocacy.</param>
public sealed record OrganisationRequest(string? OdsCode, string? Name, string? Type);

/// <summary>Registers an organisation users and systems can act for.</summary>
public sealed class AddOrganisationHandler(AccountStore accounts)
{
    /// <summary>The organisation added; a 400 for a bad field, a 409 when the code is taken.</summary>
    public async Task<Organisation> HandleAsync(OrganisationRequest request, CancellationToken ct)
    {
        var reader = new FieldReader();
        var code = AccountFields.OdsCode(request.OdsCode);
        if (code is null)
        {
            reader.Add("odsCode", "An ODS code is 3 to 20 letters and digits.");
        }
        var name = reader.Line(request.Name, "name", TextLimits.OrganisationName, "Give the organisation's name.");
        if (request.Type is not (OrganisationTypes.Icb or OrganisationTypes.Provider or OrganisationTypes.AdvocacyService))
        {
            reader.Add("type", "The type is icb, provider or advocacy.");
        }
        reader.ThrowIfAny();
        if (await accounts.OrganisationExistsAsync(code!, ct))
        {
            throw new RequestConflictException($"Organisation {code} already exists.");
        }
        var organisation = new Organisation(code!, name!, request.Type!);
        accounts.Add(organisation);
        await accounts.SaveAsync(ct);
        return organisation;
    }
}
