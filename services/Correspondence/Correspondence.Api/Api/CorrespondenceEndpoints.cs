using IcsComplaints.Correspondence.Api.Features.ListMessages;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

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
    }
}
