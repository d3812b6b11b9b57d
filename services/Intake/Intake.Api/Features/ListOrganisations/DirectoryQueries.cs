using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.ListOrganisations;

/// <summary>An organisation as the API shows it, with its commissioners on the day asked about.</summary>
/// <param name="OdsCode">ODS code.</param>
/// <param name="Name">Name.</param>
/// <param name="Type">Type name (<c>nhs-trust</c>).</param>
/// <param name="Region">Region.</param>
/// <param name="OpenedOn">First day.</param>
/// <param name="ClosedOn">Last day.</param>
/// <param name="Successors">Successors.</param>
/// <param name="ParentOdsCode">A site's trust.</param>
/// <param name="CommissionedBy">ICBs commissioning it on the day.</param>
public sealed record OrganisationView(
    string OdsCode, string Name, string Type, string? Region, DateOnly? OpenedOn, DateOnly? ClosedOn, IReadOnlyList<string> Successors,
    string? ParentOdsCode, IReadOnlyList<string> CommissionedBy);

/// <summary>Reads the directory for REST and gRPC alike. It is public reference data: no sign-in needed.</summary>
public sealed class DirectoryQueries(OrganisationDirectory directory, TimeProvider time)
{
    /// <summary>Most organisations one list returns.</summary>
    public const int PageSize = 500;

    /// <summary>Type names, as in the data files and the API.</summary>
    public static string TypeName(OrganisationKind kind) => OrganisationTypes.NameOf(kind);

    /// <summary>One organisation, or <c>null</c>.</summary>
    public async Task<OrganisationView?> GetAsync(string odsCode, string? on, CancellationToken ct)
    {
        var day = Day(on);
        var snapshot = await directory.GetAsync(ct);
        return snapshot.Find(odsCode) is { } organisation ? View(snapshot, organisation, day) : null;
    }

    /// <summary>Organisations that existed on the day and match the filter.</summary>
    public async Task<IReadOnlyList<OrganisationView>> ListAsync(string? type, string? commissionedBy, string? on, CancellationToken ct)
    {
        var day = Day(on);
        var snapshot = await directory.GetAsync(ct);
        // The directory is effective-dated: a list shows the organisations that existed on the day (today by default).
        var organisations = snapshot.Organisations.Where(o => o.IsOpenOn(day));
        if (!string.IsNullOrWhiteSpace(type))
        {
            var kind = OrganisationTypes.KindOf(type)
                ?? throw new RequestValidationException("type", $"Type is one of {string.Join(", ", OrganisationTypes.All)}.");
            organisations = organisations.Where(o => o.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(commissionedBy))
        {
            var providers = snapshot.ProvidersCommissionedBy(commissionedBy.Trim(), day).ToHashSet(StringComparer.OrdinalIgnoreCase);
            organisations = organisations.Where(o => providers.Contains(o.OdsCode) || (o.ParentOdsCode is { } parent && providers.Contains(parent)));
        }
        return organisations.OrderBy(o => o.OdsCode, StringComparer.Ordinal).Take(PageSize).Select(o => View(snapshot, o, day)).ToList();
    }

    // The directory reaches back before the working-day calendar (organisations opened long ago): any real date will do.
    private DateOnly Day(string? on)
    {
        var fields = new FieldReader();
        var day = fields.Date(on, "on", DateRules.EarliestBirth, DateRules.LastCalendarDay);
        fields.ThrowIfAny();
        return day ?? LondonTime.Today(time);
    }

    private static OrganisationView View(DirectorySnapshot snapshot, DirectoryOrganisation o, DateOnly day) =>
        new(o.OdsCode, o.Name, TypeName(o.Kind), o.Region, o.OpenedOn, o.ClosedOn, o.Successors, o.ParentOdsCode,
            o.IsProvider ? snapshot.CommissionersOf(o.OdsCode, day) : []);
}
