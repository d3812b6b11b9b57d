using IcsComplaints.Intake.Api.Features.ListOrganisations;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IcsComplaints.Intake.Api.Api;

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
