using IcsComplaints.ServiceDefaults;
using IcsComplaints.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IcsComplaints.Case.Api.Cases;

/// <summary>The cases REST API (<c>/api/v1/cases</c>).</summary>
public static class CasesApi
{

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases");
        group.MapGet("", ListAsync);
        group.MapGet("/{caseId:guid}", GetAsync);
        return group;
    }

    private static async Task<Ok<ItemList<CaseView>>> ListAsync(string? reference, Caller caller, CaseQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<CaseView>(await queries.ListAsync(caller, reference, ct)));

    private static async Task<Results<Ok<CaseView>, NotFound>> GetAsync(Guid caseId, Caller caller, CaseQueries queries, CancellationToken ct) =>
        await queries.GetAsync(caller, caseId, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
}
