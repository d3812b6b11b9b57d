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
        group.MapGet("", ListAsync);
        group.MapGet("/{odsCode}", GetAsync);
        return group;
    }

    /// <summary>
    /// The organisations that existed on the day and match the filter, at most 500: by ODS code, or, when searched by
    /// name or postcode, nearest first and then best name match. Bad input answers 400 with the field at fault.
    /// </summary>
    /// <param name="type">Only this type: icb, nhs-trust, trust-site, gp-practice, dental-practice, independent-provider, local-authority or advocacy-service.</param>
    /// <param name="commissionedBy">Only the providers this ICB (ODS code) commissioned on the day.</param>
    /// <param name="on">The day, YYYY-MM-DD; today (Europe/London) by default.</param>
    /// <param name="q">Words of the name, in any case; "St" or "Saint", "&amp;" or "and", with or without apostrophes (up to 200 characters).</param>
    /// <param name="postcode">
    /// A full UK postcode: only organisations whose main site or headquarters shares its district (SE1), then its area
    /// (SE). An approximation of nearness until a geographic lookup exists.
    /// </param>
    /// <param name="queries">The directory.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<ItemList<OrganisationView>>> ListAsync(
        string? type, string? commissionedBy, string? on, string? q, string? postcode, DirectoryQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<OrganisationView>(await queries.ListAsync(new DirectoryFilter(type, commissionedBy, on, q, postcode), ct)));

    /// <summary>One organisation as it stood on the day, with the ICBs commissioning it then; 404 for an unknown code.</summary>
    /// <param name="odsCode">ODS code.</param>
    /// <param name="on">The day, YYYY-MM-DD; today (Europe/London) by default.</param>
    /// <param name="queries">The directory.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Results<Ok<OrganisationView>, NotFound>> GetAsync(string odsCode, string? on, DirectoryQueries queries, CancellationToken ct) =>
        await queries.GetAsync(odsCode, on, ct) is { } organisation ? TypedResults.Ok(organisation) : TypedResults.NotFound();
}
