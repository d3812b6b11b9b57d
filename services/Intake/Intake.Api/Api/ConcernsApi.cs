using IcsComplaints.Intake.Api.Features.ListConcerns;
using IcsComplaints.Intake.Api.Features.RecordConcern;
using IcsComplaints.Intake.Api.Features.ResolveConcern;
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
        // ?open=true: the open concerns, the soonest follow-up first, whenever they were raised.
        group.MapGet("", async Task<Ok<ItemList<ConcernView>>> (DateOnly? from, DateOnly? to, bool? open, Caller caller, ListConcernsHandler concerns, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ConcernView>(await concerns.ListAsync(caller, from, to, open == true, ct))));
        group.MapGet("/{id:guid}", async Task<Results<Ok<ConcernView>, NotFound>> (Guid id, Caller caller, ListConcernsHandler concerns, CancellationToken ct) =>
            await concerns.GetAsync(caller, id, ct) is { } concern ? TypedResults.Ok(concern) : TypedResults.NotFound());
        group.MapPost("/{id:guid}/resolution", async Task<Results<Ok<ConcernView>, NotFound>> (
            Guid id, ResolveConcernRequest? request, Caller caller, ResolveConcernHandler concerns, CancellationToken ct) =>
            await concerns.ResolveAsync(caller, id, request, ct) is { } concern ? TypedResults.Ok(concern) : TypedResults.NotFound());
        return group;
    }
}
