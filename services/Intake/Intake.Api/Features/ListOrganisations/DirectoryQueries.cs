using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Nhs;
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
/// <param name="CommissionedBy">ICBs commissioning it on the day: where a complaint about it can go instead (Reg 7).</param>
/// <param name="Postcode">Postcode of its main site (a trust) or headquarters (an ICB, a council), when known.</param>
public sealed record OrganisationView(
    string OdsCode, string Name, string Type, string? Region, DateOnly? OpenedOn, DateOnly? ClosedOn, IReadOnlyList<string> Successors,
    string? ParentOdsCode, IReadOnlyList<string> CommissionedBy, string? Postcode);

/// <summary>What a list of the directory is filtered by; every part optional.</summary>
/// <param name="Type">Only this type (<c>nhs-trust</c>).</param>
/// <param name="CommissionedBy">Only the providers this ICB commissions on the day.</param>
/// <param name="On">The day, <c>YYYY-MM-DD</c>; today by default.</param>
/// <param name="Query">Words of the name (<see cref="OrganisationSearch"/>).</param>
/// <param name="Postcode">A full UK postcode: only organisations near it, nearest first (<see cref="OrganisationSearch"/>).</param>
public sealed record DirectoryFilter(string? Type = null, string? CommissionedBy = null, string? On = null, string? Query = null, string? Postcode = null);

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

    /// <summary>Longest name search read.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>
    /// Organisations that existed on the day and match the filter: by ODS code, or, when searched by name or
    /// postcode, nearest first and then best match (<see cref="OrganisationSearch"/>).
    /// </summary>
    public async Task<IReadOnlyList<OrganisationView>> ListAsync(DirectoryFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var fields = new FieldReader();
        var day = Day(fields, filter.On);
        OrganisationKind? kind = null;
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            kind = OrganisationTypes.KindOf(filter.Type);
            if (kind is null)
            {
                fields.Add("type", $"Type is one of {string.Join(", ", OrganisationTypes.All)}.");
            }
        }
        var query = fields.Line(filter.Query, "q", MaxQueryLength);
        if (query is not null && OrganisationSearch.Fold(query).Length == 0)
        {
            fields.Add("q", "Search with at least one letter or digit of the organisation's name.");
        }
        string? postcode = null;
        if (!string.IsNullOrWhiteSpace(filter.Postcode))
        {
            postcode = Postcodes.Normalise(filter.Postcode);
            if (postcode is null)
            {
                fields.Add("postcode", "Enter a full UK postcode, such as SE1 7EH.");
            }
        }
        fields.ThrowIfAny();

        var snapshot = await directory.GetAsync(ct);
        // The directory is effective-dated: a list shows the organisations that existed on the day (today by default).
        var organisations = snapshot.Organisations.Where(o => o.IsOpenOn(day) && (kind is null || o.Kind == kind));
        if (!string.IsNullOrWhiteSpace(filter.CommissionedBy))
        {
            var providers = snapshot.ProvidersCommissionedBy(filter.CommissionedBy.Trim(), day).ToHashSet(StringComparer.OrdinalIgnoreCase);
            organisations = organisations.Where(o => providers.Contains(o.OdsCode) || (o.ParentOdsCode is { } parent && providers.Contains(parent)));
        }
        IEnumerable<DirectoryOrganisation> ordered = query is null && postcode is null
            ? organisations.OrderBy(o => o.OdsCode, StringComparer.Ordinal)
            : OrganisationSearch.Find(organisations, query, postcode);
        return ordered.Take(PageSize).Select(o => View(snapshot, o, day)).ToList();
    }

    private DateOnly Day(string? on)
    {
        var fields = new FieldReader();
        var day = Day(fields, on);
        fields.ThrowIfAny();
        return day;
    }

    // The directory reaches back before the working-day calendar (organisations opened long ago): any real date will do.
    private DateOnly Day(FieldReader fields, string? on) =>
        fields.Date(on, "on", DateRules.EarliestBirth, DateRules.LastCalendarDay) ?? LondonTime.Today(time);

    private static OrganisationView View(DirectorySnapshot snapshot, DirectoryOrganisation o, DateOnly day) =>
        new(o.OdsCode, o.Name, TypeName(o.Kind), o.Region, o.OpenedOn, o.ClosedOn, o.Successors, o.ParentOdsCode,
            o.IsProvider ? snapshot.CommissionersOf(o.OdsCode, day) : [], o.Postcode);
}
