using IcsComplaints.Intake.Api.Features;
using IcsComplaints.Intake.Api.Features.CheckComplaint;
using IcsComplaints.Intake.Api.Features.DecideBestInterests;
using IcsComplaints.Intake.Api.Features.DecideRouting;
using IcsComplaints.Intake.Api.Features.DecideTimeLimit;
using IcsComplaints.Intake.Api.Features.ExcludeComplaint;
using IcsComplaints.Intake.Api.Features.FindPossibleDuplicates;
using IcsComplaints.Intake.Api.Features.GetComplaint;
using IcsComplaints.Intake.Api.Features.GetProgress;
using IcsComplaints.Intake.Api.Features.LinkComplaint;
using IcsComplaints.Intake.Api.Features.ListComplaints;
using IcsComplaints.Intake.Api.Features.ListMyComplaints;
using IcsComplaints.Intake.Api.Features.RecordConsent;
using IcsComplaints.Intake.Api.Features.SearchComplaints;
using IcsComplaints.Intake.Api.Features.SetParties;
using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Api.Features.WithdrawComplaint;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Intake.Api.Api;

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
        group.MapPost("/validation", CheckAsync).AllowAnonymous();
        group.MapGet("/status", GetProgressAsync).AllowAnonymous();
        group.MapGet("", ListAsync).RejectUnknownQueryParameters();
        // Searches by name, NHS number or date of birth go in the body: addresses are logged (ADR 24).
        group.MapPost("/search", SearchAsync);
        group.MapGet("/mine", ListMineAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapGet("/{id:guid}/possible-duplicates", PossibleDuplicatesAsync);
        MapDecision<ConsentInput>(group, "/{id:guid}/consent");
        MapDecision<RoutingInput>(group, "/{id:guid}/routing");
        MapDecision<PartiesInput>(group, "/{id:guid}/parties");
        MapDecision<LinkInput>(group, "/{id:guid}/link");
        MapDecision<TimeLimitInput>(group, "/{id:guid}/time-limit-decision");
        MapDecision<BestInterestsInput>(group, "/{id:guid}/best-interests-decision");
        MapDecision<ExclusionInput>(group, "/{id:guid}/exclusion");
        MapDecision<WithdrawalInput>(group, "/{id:guid}/withdrawal");
        return group;
    }

    // Every decision has the same shape: a JSON body, a 200 with the complaint as it now stands.
    private static void MapDecision<TInput>(RouteGroupBuilder group, string pattern)
        where TInput : class =>
        group.MapPost(pattern, async Task<Results<Ok<ComplaintDetail>, NotFound>> (
            Guid id, [FromBody] TInput? input, Caller caller, IComplaintDecision<TInput> decision, GetComplaintHandler complaints, CancellationToken ct) =>
        {
            await decision.DecideAsync(caller, id, input ?? throw new RequestValidationException("body", "Send the decision as a JSON object."), ct);
            return await complaints.GetAsync(caller, id, ct) is { } complaint ? TypedResults.Ok(complaint) : TypedResults.NotFound();
        });

    private static async Task<Created<SubmitComplaintResponse>> SubmitAsync(
        [FromBody] SubmitComplaintCommand? command,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        SubmitComplaintHandler handler,
        Caller caller,
        HttpContext http,
        CancellationToken ct)
    {
        // Online only when the body names no channel: staff recording a call, letter, e-mail or visit name it, and
        // SubmissionRules refuses any channel but Online from the public.
        var result = await handler.SubmitAsync(command ?? new SubmitComplaintCommand(), caller, idempotencyKey, ComplaintChannel.Online, ct);
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }
        return TypedResults.Created($"/api/v1/complaints/{result.ComplaintId}", new SubmitComplaintResponse(result.ComplaintId, result.Reference, result.StatusSecret));
    }

    // 204 when the complaint would be accepted as it stands; otherwise the 400 a submission would get. Nothing is stored.
    private static async Task<NoContent> CheckAsync([FromBody] SubmitComplaintCommand? command, CheckComplaintHandler handler, Caller caller, CancellationToken ct)
    {
        await handler.CheckAsync(command ?? new SubmitComplaintCommand(), caller, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ComplaintDetail>, NotFound>> GetAsync(Guid id, Caller caller, GetComplaintHandler complaints, CancellationToken ct) =>
        await complaints.GetAsync(caller, id, ct) is { } complaint ? TypedResults.Ok(complaint) : TypedResults.NotFound();

    private static async Task<Ok<ItemList<ComplaintSummary>>> ListAsync(
        string? reference, ComplaintState? state, ComplaintRoute? route, bool? pending, DateOnly? before, Caller caller, ListComplaintsHandler complaints,
        CancellationToken ct) =>
        TypedResults.Ok(new ItemList<ComplaintSummary>(await complaints.ListAsync(caller, reference, state, route, pending == true, before, ct)));

    private static async Task<Ok<ItemList<ComplaintSummary>>> SearchAsync(
        [FromBody] SearchComplaintsRequest? request, Caller caller, SearchComplaintsHandler search, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<ComplaintSummary>(await search.SearchAsync(caller, request, ct)));

    /// <summary>
    /// The complaints the signed-in complainant submitted, newest first (at most 200), each with its reference, the
    /// organisation complained to and its progress in plain words. Complainants only: 403 for anyone else.
    /// </summary>
    /// <param name="caller">The signed-in complainant.</param>
    /// <param name="complaints">The feature.</param>
    /// <param name="ct">Cancellation.</param>
    private static async Task<Ok<ItemList<MyComplaint>>> ListMineAsync(Caller caller, ListMyComplaintsHandler complaints, CancellationToken ct) =>
        TypedResults.Ok(new ItemList<MyComplaint>(await complaints.ListAsync(caller, ct)));

    private static async Task<Results<Ok<ItemList<PossibleDuplicate>>, NotFound>> PossibleDuplicatesAsync(
        Guid id, Caller caller, FindPossibleDuplicatesHandler duplicates, CancellationToken ct) =>
        await duplicates.FindAsync(caller, id, ct) is { } found ? TypedResults.Ok(new ItemList<PossibleDuplicate>(found)) : TypedResults.NotFound();

    private static async Task<Results<Ok<ComplaintProgress>, NotFound>> GetProgressAsync(
        string? reference, [FromHeader(Name = StatusSecretHeader)] string? secret, GetProgressHandler progress, CancellationToken ct) =>
        await progress.GetAsync(reference, secret, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();
}
