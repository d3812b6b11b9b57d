using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Contracts.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
    public sealed record SubmitComplaintRequest(
        string? OrganisationCode, string? ReceivedOn, string? Channel, ComplainantInput? Complainant, string? Description);

    /// <summary>The recorded complaint.</summary>
    /// <param name="Id">Identifier of the complaint.</param>
    /// <param name="Reference">Reference to quote.</param>
    public sealed record SubmitComplaintResponse(Guid Id, string Reference);

    /// <summary>What intake recorded, without personal data.</summary>
    /// <param name="Id">Identifier.</param>
    /// <param name="Reference">Reference.</param>
    /// <param name="OrganisationCode">ODS code of the organisation complained to.</param>
    /// <param name="ReceivedOn">Date received.</param>
    /// <param name="Channel">How it arrived.</param>
    /// <param name="SubmittedAt">When it was recorded.</param>
    public sealed record ComplaintSummary(
        Guid Id, string Reference, string OrganisationCode, DateOnly ReceivedOn, ComplaintChannel Channel, DateTimeOffset SubmittedAt);

    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapComplaintsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/complaints").WithTags("Complaints");
        group.MapPost("", SubmitAsync);
        group.MapGet("/{id:guid}", GetAsync);
        return group;
    }

    private static async Task<Created<SubmitComplaintResponse>> SubmitAsync(
        [FromBody] SubmitComplaintRequest? request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        SubmitComplaintHandler handler,
        HttpContext http,
        CancellationToken ct)
    {
        var command = new SubmitComplaintCommand(
            request?.OrganisationCode, request?.ReceivedOn, request?.Channel, request?.Complainant, request?.Description);
        var result = await handler.SubmitAsync(command, idempotencyKey, ComplaintChannel.Online, ct);
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }
        return TypedResults.Created($"/api/v1/complaints/{result.ComplaintId}", new SubmitComplaintResponse(result.ComplaintId, result.Reference));
    }

    private static async Task<Results<Ok<ComplaintSummary>, NotFound>> GetAsync(Guid id, IntakeDbContext db, CancellationToken ct)
    {
        var summary = await db.Complaints.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ComplaintSummary(c.Id, c.Reference, c.OrganisationCode, c.ReceivedOn, c.Channel, c.SubmittedAt))
            .FirstOrDefaultAsync(ct);
        return summary is null ? TypedResults.NotFound() : TypedResults.Ok(summary);
    }
}
