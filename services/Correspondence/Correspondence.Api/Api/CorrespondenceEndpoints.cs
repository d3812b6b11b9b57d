using IcsComplaints.Correspondence.Api.Features.ListMessages;
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
        // The complainant's proof is their reference and progress code, as on intake's progress check; the code goes in
        // a header, never in an address.
        group.MapGet("/sent-to-me", async Task<Results<Ok<ItemList<SentLetterView>>, NotFound>> (
            string? reference, [FromHeader(Name = StatusSecretHeader)] string? secret, SentToComplainantHandler sent, CancellationToken ct) =>
            await sent.HandleAsync(reference, secret, ct) is { } letters ? TypedResults.Ok(new ItemList<SentLetterView>(letters)) : TypedResults.NotFound())
            .AllowAnonymous()
            .RejectUnknownQueryParameters();
    }

    /// <summary>The header the complainant's progress code travels in, as on intake's progress check.</summary>
    public const string StatusSecretHeader = "X-Complaint-Secret";
}
