using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>The complaints REST API (<c>/api/v1/complaints</c>).</summary>
public static class ComplaintsApi
{
    /// <summary>Header that makes a submission safe to retry.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>A complaint to record.</summary>
    /// <param name="OrganisationCode">ODS code of the organisation complained to.</param>
    /// <param name="ReceivedOn">Date received, <c>YYYY-MM-DD</c>; omitted means today in Europe/London.</param>
    /// <param name="Channel">Online (default), Phone, Letter, Email, InPerson, Pals or Integration.</param>
    /// <param name="Complainant">Who is complaining.</param>
    /// <param name="Description">What the complaint is about.</param>
    /// <param name="Patient">The patient, when known: name, NHS number, date of birth.</param>
    public sealed record SubmitComplaintRequest(
        string? OrganisationCode, string? ReceivedOn, string? Channel, ComplainantInput? Complainant, string? Description, PatientInput? Patient);

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
        group.MapGet("/{id:guid}", GetAsync);
        return group;
    }

    private static async Task<Created<SubmitComplaintResponse>> SubmitAsync(
        [FromBody] SubmitComplaintRequest? request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        SubmitComplaintHandler handler,
        Caller caller,
        HttpContext http,
        CancellationToken ct)
    {
        var command = new SubmitComplaintCommand(
            request?.OrganisationCode, request?.ReceivedOn, request?.Channel, request?.Complainant, request?.Description, request?.Patient);
        var result = await handler.SubmitAsync(command, caller, idempotencyKey, ComplaintChannel.Online, ct);
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }
        return TypedResults.Created($"/api/v1/complaints/{result.ComplaintId}", new SubmitComplaintResponse(result.ComplaintId, result.Reference, result.StatusSecret));
    }

    private static async Task<Results<Ok<ComplaintDetail>, NotFound>> GetAsync(Guid id, Caller caller, ComplaintQueries queries, CancellationToken ct) =>
        await queries.GetAsync(caller, id, ct) is { } complaint ? TypedResults.Ok(complaint) : TypedResults.NotFound();

    private static async Task<Results<Ok<ComplaintProgress>, NotFound>> GetProgressAsync(
        string? reference, [FromHeader(Name = StatusSecretHeader)] string? secret, ComplaintQueries queries, CancellationToken ct) =>
        await queries.GetProgressAsync(reference, secret, ct) is { } progress ? TypedResults.Ok(progress) : TypedResults.NotFound();
}
