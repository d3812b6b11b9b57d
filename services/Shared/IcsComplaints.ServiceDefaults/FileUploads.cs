using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.OpenApi;

namespace IcsComplaints.ServiceDefaults;

/// <summary>A file as received in the <c>file</c> part of a form, with the form's other fields.</summary>
/// <param name="FileName">The name its sender gave, never trusted; <c>null</c> when no file came.</param>
/// <param name="Content">The bytes; empty when none came or when it was too large.</param>
/// <param name="TooLarge">More bytes were sent than the file may have: they were not kept.</param>
/// <param name="Fields">The form's other fields.</param>
public sealed record ReceivedFile(string? FileName, byte[] Content, bool TooLarge, IFormCollection Fields);

/// <summary>
/// Reads an uploaded file by hand, after the caller is checked: the service's usual body limit is far smaller than a
/// file, so only these endpoints take a body up to the file limit, and never hold more than one byte past it.
/// </summary>
public static class FileUploads
{
    /// <summary>The parts' headers and boundaries around a file of the largest size allowed.</summary>
    public const int MultipartAllowance = 64 * 1024;

    /// <summary>The form part the file travels in.</summary>
    public const string FilePart = "file";

    /// <summary>Reads <c>multipart/form-data</c> with the file in the part named <c>file</c>, of at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="RequestValidationException">The body is not a form.</exception>
    public static async Task<ReceivedFile> ReadAsync(HttpRequest request, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var allowed = maxBytes + MultipartAllowance;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = allowed;
        }
        if (!request.HasFormContentType)
        {
            throw new RequestValidationException(FilePart, "Send the file as multipart/form-data, in a part named file.");
        }
        if (request.ContentLength > allowed)
        {
            return new ReceivedFile(null, [], TooLarge: true, FormCollection.Empty);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = allowed }, ct);
        }
        catch (InvalidDataException)
        {
            return new ReceivedFile(null, [], TooLarge: true, FormCollection.Empty);
        }
        if (form.Files.GetFile(FilePart) is not { } file)
        {
            return new ReceivedFile(null, [], TooLarge: false, form);
        }
        if (file.Length > maxBytes)
        {
            return new ReceivedFile(file.FileName, [], TooLarge: true, form);
        }
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new ReceivedFile(file.FileName, [], TooLarge: true, form);
            }
            buffer.Write(chunk, 0, read);
        }
        return new ReceivedFile(file.FileName, buffer.ToArray(), TooLarge: false, form);
    }

    /// <summary>The request body of such an endpoint for its API document: a form with a binary <c>file</c> part and <paramref name="fields"/>.</summary>
    public static OpenApiMediaType FormWithFile(params string[] fields)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            [FilePart] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
        };
        foreach (var field in fields)
        {
            properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
        }
        return new OpenApiMediaType
        {
            Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string>(StringComparer.Ordinal) { FilePart } },
        };
    }
}
