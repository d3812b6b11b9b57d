using IcsComplaints.Case.Api.Features.CaseDocuments;
using IcsComplaints.Documents;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace IcsComplaints.Case.Api.Api;

/// <summary>
/// Files on a case (ADR 43): <c>/api/v1/cases/{caseId}/documents</c> for its staff and signed-in complainant, and
/// <c>/api/v1/complaint-documents</c> for a complainant proving themselves with their reference and progress code.
/// Uploads are <c>multipart/form-data</c> with the file in the part named <c>file</c>.
/// </summary>
public static class DocumentsApi
{
    /// <summary>The header the complainant's progress code travels in, as on intake's progress check.</summary>
    public const string StatusSecretHeader = "X-Complaint-Secret";

    /// <summary>Maps the endpoints.</summary>
    public static void MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var onCase = app.MapGroup("/api/v1/cases/{caseId:guid}/documents").WithTags("Documents");
        onCase.MapPost("", async Task<Created<DocumentView>> (
            Guid caseId, HttpRequest request, Caller caller, CaseDocuments documents, IOptions<DocumentOptions> options, CancellationToken ct) =>
        {
            // Who may add to the case is settled before the body is read.
            var target = await documents.TargetAsync(caller, caseId, ct);
            var added = await documents.AddAsync(target, await FileUploads.ReadAsync(request, options.Value.MaxFileBytes, ct), ct);
            return TypedResults.Created($"/api/v1/cases/{caseId}/documents/{added.Id}", added);
        })
            .RejectUnknownQueryParameters()
            .AddOpenApiOperationTransformer((operation, _, _) => Describe(operation, "The file, at most 10 MB: " + DocumentTypes.AcceptedKinds + "."));
        onCase.MapGet("", async Task<Ok<ItemList<DocumentView>>> (Guid caseId, Caller caller, CaseDocuments documents, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<DocumentView>(await documents.ListAsync(caller, caseId, ct))))
            .RejectUnknownQueryParameters();
        onCase.MapGet("/{documentId:guid}/content", async Task<FileContentHttpResult> (
            Guid caseId, Guid documentId, Caller caller, CaseDocuments documents, HttpContext http, CancellationToken ct) =>
        {
            var content = await documents.ContentAsync(caller, caseId, documentId, ct);
            // Always a download, never shown in the browser: what a file holds must not run as part of a page.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            http.Response.Headers.CacheControl = "private, no-store";
            return TypedResults.File(content.Bytes, content.MediaType, content.FileName);
        })
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .RejectUnknownQueryParameters();

        // The complainant's proof is their reference and progress code, as on intake's progress check; the code goes
        // in a header, never in an address, and is checked before the body is read.
        var fromComplainant = app.MapGroup("/api/v1/complaint-documents").WithTags("Documents").AllowAnonymous();
        fromComplainant.MapPost("", async Task<Created<DocumentView>> (
            string? reference, [FromHeader(Name = StatusSecretHeader)] string? secret, HttpRequest request,
            ComplainantDocuments complainant, CaseDocuments documents, IOptions<DocumentOptions> options, CancellationToken ct) =>
        {
            var target = await complainant.TargetAsync(reference, secret, ct);
            return TypedResults.Created((string?)null, await documents.AddAsync(target, await FileUploads.ReadAsync(request, options.Value.MaxFileBytes, ct), ct));
        })
            .RejectUnknownQueryParameters()
            .AddOpenApiOperationTransformer((operation, _, _) => Describe(operation, "The file, at most 10 MB: " + DocumentTypes.AcceptedKinds + "."));
        fromComplainant.MapGet("", async Task<Ok<ItemList<DocumentView>>> (
            string? reference, [FromHeader(Name = StatusSecretHeader)] string? secret, ComplainantDocuments documents, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<DocumentView>(await documents.ListAsync(reference, secret, ct))))
            .RejectUnknownQueryParameters();
    }

    // The file is read by hand, after the caller is checked, so no body is bound: the API document is told the form it takes.
    private static Task Describe(OpenApiOperation operation, string description)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["multipart/form-data"] = FileUploads.FormWithFile() },
        };
        return Task.CompletedTask;
    }
}
