using IcsComplaints.Identity.Api.Features.ListStaff;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IcsComplaints.Identity.Api.Api;

/// <summary>The staff directory of the caller's organisation (<c>/api/v1/identity/staff</c>), for its staff, not only platform administrators.</summary>
public static class StaffDirectoryEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    public static RouteHandlerBuilder MapStaffDirectoryApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/identity/staff", ListAsync).RequireAuthorization().RejectUnknownQueryParameters().WithTags("Staff directory");

    /// <summary>
    /// The enabled users of the caller's organisation, by name, each with the subject id their tokens carry and their
    /// roles there; with <paramref name="role"/>, only those holding it (unknown role: 400).
    /// </summary>
    /// <param name="role">investigator, responsible-person, complaints-handler, quality-lead, icb-commissioner or advocate.</param>
    /// <param name="caller">The signed-in member of staff.</param>
    /// <param name="staff">The feature.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<ItemList<StaffMember>>> ListAsync(string? role, Caller caller, ListStaffHandler staff, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<StaffMember>(await staff.ListAsync(caller, role, ct)));
}
