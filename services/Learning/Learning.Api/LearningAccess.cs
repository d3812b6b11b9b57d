using IcsComplaints.Calendar;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults.Security;
using IcsComplaints.ServiceDefaults.Validation;

namespace IcsComplaints.Learning.Api;

/// <summary>Who may do what with an organisation's learning.</summary>
public static class LearningAccess
{
    /// <summary>Code complaints: the complaints team and the quality lead.</summary>
    public static readonly string[] Coders = [Roles.ComplaintsHandler, Roles.Investigator, Roles.QualityLead];

    /// <summary>Read the organisation's codings, actions and themes.</summary>
    public static readonly string[] OrganisationReaders =
        [Roles.ComplaintsHandler, Roles.Investigator, Roles.QualityLead, Roles.ResponsiblePerson, Roles.IcbCommissioner];

    /// <summary>Raise, complete and cancel learning actions.</summary>
    public static readonly string[] ActionOwners = [Roles.ComplaintsHandler, Roles.QualityLead, Roles.ResponsiblePerson, Roles.IcbCommissioner];

    /// <summary>Draw calibration samples, read agreement and complete the self-assessment (governance).</summary>
    public static readonly string[] Governance = [Roles.QualityLead, Roles.ResponsiblePerson];

    /// <summary>Oversee an ICB's providers: detect and share themes, compare their self-assessments and agreement.</summary>
    public static readonly string[] Oversight = [Roles.IcbCommissioner, Roles.QualityLead];

    /// <summary>True when the caller oversees for an ICB.</summary>
    public static bool IsIcbOverseer(Caller caller) =>
        caller.OrganisationType == OrganisationTypes.Icb && caller.OrganisationCode is not null && caller.HasAny(Oversight);
}

/// <summary>Audit resource names of this service.</summary>
public static class LearningResources
{
    /// <summary>A case's HCAT coding.</summary>
    public const string Coding = "hcat-coding";

    /// <summary>A learning action.</summary>
    public const string Action = "learning-action";

    /// <summary>A self-assessment.</summary>
    public const string SelfAssessment = "self-assessment";
}

/// <summary>
/// The providers an ICB commissions, asked of intake's organisation directory (public reference data, effective
/// dated) rather than copied, so a change of commissioner takes effect here the day it does there.
/// </summary>
public sealed class Commissioning(OrganisationDirectoryService.OrganisationDirectoryServiceClient directory, TimeProvider time)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>ODS codes of the providers the ICB commissions today, or on the day given (organisations, not their sites).</summary>
    public async Task<IReadOnlySet<string>> ProvidersOfAsync(string icbCode, CancellationToken ct, DateOnly? on = null)
    {
        var response = await directory.ListOrganisationsAsync(
            new ListOrganisationsRequest { CommissionedBy = icbCode, On = (on ?? LondonTime.Today(time)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
        // A trust's sites have no complaints team of their own: their complaints are the trust's (Reg 7 routing).
        return response.Organisations.Where(o => o.Type != "trust-site").Select(o => o.OdsCode.ToUpperInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>ODS codes of the ICBs open today.</summary>
    public async Task<IReadOnlyList<string>> IcbsAsync(CancellationToken ct)
    {
        var response = await directory.ListOrganisationsAsync(new ListOrganisationsRequest { Type = "icb" }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
        return [.. response.Organisations.Select(o => o.OdsCode.ToUpperInvariant())];
    }

    /// <summary>
    /// The organisation whose learning the caller asks about: their own with one of the roles, or, for an ICB's
    /// overseers, one of its providers. Anything else answers 404, as if it did not exist.
    /// </summary>
    public async Task<string> ResolveAsync(Caller caller, string? organisationCode, IReadOnlyList<string> ownRoles, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(organisationCode) ? caller.OrganisationCode : organisationCode.Trim().ToUpperInvariant();
        if (code is null)
        {
            throw new RequestForbiddenException("Sign in for an organisation.");
        }
        if (caller.ActsFor(code, ownRoles))
        {
            return code;
        }
        if (LearningAccess.IsIcbOverseer(caller) && (await ProvidersOfAsync(caller.OrganisationCode!, ct)).Contains(code))
        {
            return code;
        }
        if (string.Equals(code, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestForbiddenException("Your role does not include this.");
        }
        throw new RequestNotFoundException();
    }
}
