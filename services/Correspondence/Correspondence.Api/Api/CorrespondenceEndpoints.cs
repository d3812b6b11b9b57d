using System.Text.Json;
using IcsComplaints.Correspondence.Api.Features.ListMessages;
using IcsComplaints.Correspondence.Api.Features.RecordDelivery;
using IcsComplaints.Validation;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Correspondence.Api.Api;

/// <summary>The REST API: <c>/api/v1/correspondence</c>.</summary>
public static class CorrespondenceEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static void MapCorrespondenceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/correspondence").WithTags("Correspondence");
        group.MapGet("/cases/{caseId:guid}/messages", async Task<Ok<ItemList<MessageView>>> (Guid caseId, Caller caller, ListMessagesHandler list, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<MessageView>(await list.HandleAsync(caller, caseId, ct))))
            .RejectUnknownQueryParameters();
        group.MapGet("/cases/{caseId:guid}/messages/{messageId:guid}/copy", async Task<FileContentHttpResult> (
            Guid caseId, Guid messageId, Caller caller, LetterCopies copies, HttpContext http, CancellationToken ct) =>
        {
            var (fileName, pdf) = await copies.GetAsync(caller, caseId, messageId, ct);
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.CacheControl = "private, no-store";
            return TypedResults.File(pdf, "application/pdf", fileName);
        })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .RejectUnknownQueryParameters();
        // The complainant's proof is their reference and progress code, as on intake's progress check; the code goes in
        // a header, never in an address.
        group.MapGet("/sent-to-me", async Task<Results<Ok<ItemList<SentLetterView>>, NotFound>> (
            string? reference, [FromHeader(Name = StatusSecretHeader)] string? secret, SentToComplainantHandler sent, CancellationToken ct) =>
            await sent.HandleAsync(reference, secret, ct) is { } letters ? TypedResults.Ok(new ItemList<SentLetterView>(letters)) : TypedResults.NotFound())
            .AllowAnonymous()
            .RejectUnknownQueryParameters();
        // GOV.UK Notify's delivery receipts (ADR 39). Notify has no platform token, so the route is anonymous here and at
        // the gateway, and admits only the bearer token set in Notify; that is checked before the body is read.
        group.MapPost("/notify/receipts", async Task<Results<NoContent, UnauthorizedHttpResult>> (
            HttpRequest request, NotifyCallbackToken token, RecordDeliveryHandler record,
            Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
        {
            if (!token.Admits(request.Headers.Authorization.ToString()))
            {
                return TypedResults.Unauthorized();
            }
            await record.HandleAsync(await ReadReceiptAsync(request, json.Value.SerializerOptions, ct), ct);
            // Recorded, already known or not ours: all answered 204, since a retry from Notify would change nothing.
            return TypedResults.NoContent();
        })
            .AllowAnonymous()
            // Read by hand after the token check, so its type is named here for the API document.
            .Accepts<NotifyReceipt>("application/json")
            .RejectUnknownQueryParameters();
    }

    // The body is read here rather than bound, so that an unauthenticated caller learns nothing from how it is parsed.
    private static async Task<NotifyReceipt> ReadReceiptAsync(HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            throw new RequestValidationException("body", "The body must be a JSON delivery receipt.");
        }
        try
        {
            return await request.ReadFromJsonAsync<NotifyReceipt>(options, ct)
                ?? throw new RequestValidationException("body", "The body must be a JSON delivery receipt.");
        }
        catch (JsonException ex)
        {
            var field = ex.Path is null or "$" ? "body" : ex.Path.TrimStart('$', '.');
            throw new RequestValidationException(field, "This value has the wrong type or format.");
        }
    }

    /// <summary>The header the complainant's progress code travels in, as on intake's progress check.</summary>
    public const string StatusSecretHeader = "X-Complaint-Secret";
}
