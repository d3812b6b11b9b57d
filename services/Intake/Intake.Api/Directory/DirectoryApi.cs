using System.Globalization;
using Grpc.Core;
using IcsComplaints.Calendar;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IcsComplaints.Intake.Api.Directory;

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
    public static string TypeName(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Icb => "icb",
        OrganisationKind.NhsTrust => "nhs-trust",
        OrganisationKind.TrustSite => "trust-site",
        OrganisationKind.GpPractice => "gp-practice",
        OrganisationKind.DentalPractice => "dental-practice",
        OrganisationKind.IndependentProvider => "independent-provider",
        OrganisationKind.LocalAuthority => "local-authority",
        OrganisationKind.AdvocacyService => "advocacy-service",
        _ => "unknown",
    };

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
            OrganisationKind kind;
            try
            {
                kind = DirectorySeed.ParseKind(type);
            }
            catch (InvalidOperationException)
            {
                throw new RequestValidationException("type", "Type is one of icb, nhs-trust, trust-site, gp-practice, dental-practice, independent-provider, local-authority, advocacy-service.");
            }
            organisations = organisations.Where(o => o.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(commissionedBy))
        {
            var providers = snapshot.ProvidersCommissionedBy(commissionedBy.Trim(), day).ToHashSet(StringComparer.OrdinalIgnoreCase);
            organisations = organisations.Where(o => providers.Contains(o.OdsCode) || (o.ParentOdsCode is { } parent && providers.Contains(parent)));
        }
        return organisations.OrderBy(o => o.OdsCode, StringComparer.Ordinal).Take(PageSize).Select(o => View(snapshot, o, day)).ToList();
    }

    private DateOnly Day(string? on)
    {
        if (string.IsNullOrWhiteSpace(on))
        {
            return LondonTime.Today(time);
        }
        return DateOnly.TryParseExact(on.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new RequestValidationException("on", "Give the day as YYYY-MM-DD.");
    }

    private static OrganisationView View(DirectorySnapshot snapshot, DirectoryOrganisation o, DateOnly day) =>
        new(o.OdsCode, o.Name, TypeName(o.Kind), o.Region, o.OpenedOn, o.ClosedOn, o.Successors, o.ParentOdsCode,
            o.IsProvider ? snapshot.CommissionersOf(o.OdsCode, day) : []);
}

/// <summary>The directory over REST (<c>/api/v1/organisations</c>).</summary>
public static class DirectoryApi
{

    /// <summary>Maps the endpoints; the directory is public.</summary>
    public static RouteGroupBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/organisations").WithTags("Directory").AllowAnonymous();
        group.MapGet("", async Task<Ok<ItemList<OrganisationView>>> (string? type, string? commissionedBy, string? on, DirectoryQueries queries, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<OrganisationView>(await queries.ListAsync(type, commissionedBy, on, ct))));
        group.MapGet("/{odsCode}", async Task<Results<Ok<OrganisationView>, NotFound>> (string odsCode, string? on, DirectoryQueries queries, CancellationToken ct) =>
            await queries.GetAsync(odsCode, on, ct) is { } organisation ? TypedResults.Ok(organisation) : TypedResults.NotFound());
        return group;
    }
}

/// <summary>The directory over gRPC.</summary>
[AllowAnonymous]
public sealed class DirectoryGrpcService(DirectoryQueries queries) : OrganisationDirectoryService.OrganisationDirectoryServiceBase
{
    /// <inheritdoc />
    public override async Task<GetOrganisationResponse> GetOrganisation(GetOrganisationRequest request, ServerCallContext context) =>
        new() { Organisation = ToMessage(await queries.GetAsync(request.OdsCode, request.On, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "No such organisation."))) };

    /// <inheritdoc />
    public override async Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, ServerCallContext context)
    {
        var response = new ListOrganisationsResponse();
        response.Organisations.AddRange((await queries.ListAsync(request.Type, request.CommissionedBy, request.On, context.CancellationToken)).Select(ToMessage));
        return response;
    }

    private static Contracts.Grpc.V1.Organisation ToMessage(OrganisationView o)
    {
        var message = new Contracts.Grpc.V1.Organisation
        {
            OdsCode = o.OdsCode,
            Name = o.Name,
            Type = o.Type,
            Region = o.Region ?? "",
            OpenedOn = o.OpenedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ClosedOn = o.ClosedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            ParentOdsCode = o.ParentOdsCode ?? "",
        };
        message.Successors.AddRange(o.Successors);
        message.CommissionedBy.AddRange(o.CommissionedBy);
        return message;
    }
}
