using System.Text;
using IcsComplaints.Intake.Api.Features.ImportComplaints;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace IcsComplaints.Intake.Api.Api;

/// <summary>CSV imports of complaints over REST (<c>/api/v1/complaints/imports</c>), for an organisation's complaints team.</summary>
public static class ImportsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/complaints/imports").WithTags("Imports");
        group.MapPost("", UploadAsync).RejectUnknownQueryParameters().AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = CsvFileBody();
            return Task.CompletedTask;
        });
        group.MapGet("/{id:guid}", GetAsync).RejectUnknownQueryParameters();
        group.MapGet("/{id:guid}/rejected", RejectedAsync).RejectUnknownQueryParameters();
        return group;
    }

    /// <summary>
    /// Queues a CSV file of complaints (body <c>text/csv</c>, or <c>multipart/form-data</c> with a <c>file</c> part) for
    /// import: 202 with its id and row count. At most 5 MB and 10,000 rows, with the tool's columns.
    /// </summary>
    private static async Task<Accepted<ImportAccepted>> UploadAsync(HttpContext http, Caller caller, ImportUploads imports, CancellationToken ct)
    {
        // Who may import is checked before the body is read: a caller without the right learns nothing about the file.
        ImportUploads.ImporterOrganisation(caller);
        var csv = await ReadFileAsync(http.Request, ct);
        var accepted = await imports.UploadAsync(caller, csv, ct);
        return TypedResults.Accepted($"/api/v1/complaints/imports/{accepted.Id}", accepted);
    }

    // The file is read by hand, after the caller is checked, so no body is bound: the API document is told both forms it takes.
    private static OpenApiRequestBody CsvFileBody() => new()
    {
        Required = true,
        Description = "The CSV file, with the columns of the import tool, at most 5 MB and 10,000 rows.",
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            ["multipart/form-data"] = FileUploads.FormWithFile(),
        },
    };

    private static async Task<Results<Ok<ImportStatus>, NotFound>> GetAsync(Guid id, Caller caller, ImportUploads imports, CancellationToken ct) =>
        await imports.GetAsync(caller, id, ct) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> RejectedAsync(Guid id, Caller caller, ImportUploads imports, CancellationToken ct) =>
        await imports.RejectedRowsAsync(caller, id, ct) is { } csv
            ? TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv", $"import-{id}-rejected.csv")
            : TypedResults.NotFound();

    private static async Task<string> ReadFileAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var received = await FileUploads.ReadAsync(request, ComplaintImporter.MaxUploadBytes, ct);
            if (received.TooLarge)
            {
                throw TooLarge();
            }
            return received.FileName is null
                ? throw new RequestValidationException("file", "Attach the CSV file as the form part named file.")
                : Decode(received.Content);
        }
        // The service's usual body limit is far smaller than a file's: this endpoint alone takes up to the file limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = ComplaintImporter.MaxUploadBytes + FileUploads.MultipartAllowance;
        }
        if (request.ContentLength > ComplaintImporter.MaxUploadBytes)
        {
            throw TooLarge();
        }
        if (request.ContentType is not { } type || !type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("file", "Send the file as text/csv, or as multipart/form-data with a part named file.");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ComplaintImporter.MaxUploadBytes)
            {
                throw TooLarge();
            }
            buffer.Write(chunk, 0, read);
        }
        return Decode(buffer.ToArray());
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new RequestValidationException("file", "The file is not a CSV file in UTF-8 text.");
        }
    }

    private static RequestValidationException TooLarge() =>
        new("file", $"The file is larger than {ComplaintImporter.MaxUploadBytes / (1024 * 1024)} MB: split it into smaller files.");
}
