using IcsComplaints.Intake.Api.Features.ListConcerns;
using IcsComplaints.Intake.Api.Features.RecordConcern;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IcsComplaints.Intake.Api.Api;

/// <summary>The concerns REST API (<c>/api/v1/concerns</c>).</summary>
public static class ConcernsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapConcernsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/concerns").WithTags("Concerns");
        group.MapPost("", async (RecordConcernRequest? request, Caller caller, RecordConcernHandler concerns, CancellationToken ct) =>
        {
            var concern = await concerns.RecordAsync(caller, request, ct);
            return TypedResults.Created($"/api/v1/concerns/{concern.Id}", concern);
        });
        group.MapGet("", async Task<Ok<ItemList<ConcernView>>> (DateOnly? from, DateOnly? to, Caller caller, ListConcernsHandler concerns, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ConcernView>(await concerns.ListAsync(caller, from, to, ct))));
        return group;
    }
}
