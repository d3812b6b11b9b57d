using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>The complaints REST API (<c>/api/v1/complaints</c>).</summary>
public static class ComplaintsApi
{
    /// <summary>Header that makes a submission safe to retry.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Header carrying the status secret of an online submission.</summary>
    public const string StatusSecretHeader = "X-Complaint-Secret";

    /// <summary>The recorded complaint.</summary>
    /// <param name="Id">Identifier of the complaint.</param>
    /// <param name="Reference">Reference to quote.</param>
    /// <param name="StatusSecret">
    /// For online submissions only: with the reference, it shows the complaint's progress at
    /// <c>GET /api/v1/complaints/status</c> (header <c>X-Complaint-Secret</c>). Shown once; keep it.
    /// </param>
    public sealed record SubmitComplaintResponse(Guid Id, string Reference, string? StatusSecret);

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/complaints").WithTags("Complaints");
        // Anyone may complain, signed in or not; the handler decides what each kind of caller may set.
        group.MapPost("", SubmitAsync).AllowAnonymous();
        group.MapGet("/status", GetProgressAsync).AllowAnonymous();
        group.MapGet("", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/{id:guid}/possible-duplicates", PossibleDuplicatesAsync);
        MapDecision<ComplaintDecisions.Consent>(group, "/{id:guid}/consent", (a, c, id, input, ct) => a.RecordConsentAsync(c, id, input, ct));
        MapDecision<ComplaintDecisions.Routing>(group, "/{id:guid}/routing", (a, c, id, input, ct) => a.RouteAsync(c, id, input, ct));
        MapDecision<ComplaintDecisions.Parties>(group, "/{id:guid}/parties", (a, c, id, input, ct) => a.SetPartiesAsync(c, id, input, ct));
        MapDecision<ComplaintDecisions.Link>(group, "/{id:guid}/link", (a, c, id, input, ct) => a.LinkAsync(c, id, input, ct));
        MapDecision<ComplaintDecisions.TimeLimit>(group, "/{id:guid}/time-limit-decision", (a, c, id, input, ct) => a.DecideTimeLimitAsync(c, id, input, ct));
        MapDecision<ComplaintDecisions.BestInterests>(group, "/{id:guid}/best-interests-decision", (a, c, id, input, ct) => a.DecideBestInterestsAsync(c, id, input, ct));
        MapDecision<ComplaintDecisions.Exclusion>(group, "/{id:guid}/exclusion", (a, c, id, input, ct) => a.ExcludeAsync(c, id, input, ct));
        MapDecision<ComplaintDecisions.Withdrawal>(group, "/{id:guid}/withdrawal", (a, c, id, input, ct) => a.WithdrawAsync(c, id, input, ct));
        return group;
    }

    // Every decision has the same shape: a JSON body, a 200 with the complaint as it now stands.
    private static void MapDecision<TInput>(
        RouteGroupBuilder group, string pattern, Func<ComplaintActions, Caller, Guid, TInput, CancellationToken, Task> decide)
        where TInput : class =>
        group.MapPost(pattern, async Task<Results<Ok<ComplaintDetail>, NotFound>> (
            Guid id, [FromBody] TInput? input, Caller caller, ComplaintActions actions, ComplaintQueries queries, CancellationToken ct) =>
        {
            await decide(actions, caller, id, input ?? throw new RequestValidationException("body", "Send the decision as a JSON object."), ct);
            return await queries.GetAsync(caller, id, ct) is { } complaint ? TypedResults.Ok(complaint) : TypedResults.NotFound();
        });

    private static async Task<Created<SubmitComplaintResponse>> SubmitAsync(
        [FromBody] SubmitComplaintCommand? command,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        SubmitComplaintHandler handler,
        Caller caller,
        HttpContext http,
        CancellationToken ct)
    {
        var result = await handler.SubmitAsync(command ?? new SubmitComplaintCommand(), caller, idempotencyKey, ComplaintChannel.Online, ct);
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }
        return TypedResults.Created($"/api/v1/complaints/{result.ComplaintId}", new SubmitComplaintResponse(result.ComplaintId, result.Reference, result.StatusSecret));
    }

    private static async Task<Results<Ok<ComplaintDetail>, NotFound>> GetAsync(Guid id, Caller caller, ComplaintQueries queries, CancellationToken ct) =>
        await queries.GetAsync(caller, id, ct) is { } complaint ? TypedResults.Ok(complaint) : TypedResults.NotFound();

    private static async Task<Ok<ItemList<ComplaintSummary>>> ListAsync(
        ComplaintState? state, ComplaintRoute? route, bool? pending, DateOnly? before, Caller caller, ComplaintQueries queries, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<ComplaintSummary>(await queries.ListAsync(caller, state, route, pending == true, before, ct)));

    private static async Task<Results<Ok<ItemList<PossibleDuplicate>>, NotFound>> PossibleDuplicatesAsync(
        Guid id, Caller caller, ComplaintQueries queries, CancellationToken ct) =>
        await queries.PossibleDuplicatesAsync(caller, id, ct) is { } duplicates ? TypedResults.Ok(new ItemList<PossibleDuplicate>(duplicates)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ComplaintProgress>, NotFound>> GetProgressAsync(
        string? reference, [FromHeader(Name = StatusSecretHeader)] string? secret, ComplaintQueries queries, CancellationToken ct) =>
        await queries.GetProgressAsync(reference, secret, ct) is { } progress ? TypedResults.Ok(progress) : TypedResults.NotFound();
}
