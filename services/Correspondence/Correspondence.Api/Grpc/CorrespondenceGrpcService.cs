using System.Globalization;
using Grpc.Core;
using IcsComplaints.Correspondence.Api.Features.ListMessages;
using IcsComplaints.Correspondence.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Correspondence.Api.Grpc;

/// <summary>The same handler over gRPC.</summary>
public sealed class CorrespondenceGrpcService(ListMessagesHandler list) : CorrespondenceService.CorrespondenceServiceBase
{
    /// <inheritdoc />
    public override async Task<CaseMessages> ListCaseMessages(ListCaseMessagesRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.CaseId, out var caseId))
        {
            throw new RequestValidationException("caseId", "Give the case id as a UUID.");
        }
        var messages = await list.HandleAsync(Caller.From(context.GetHttpContext().User), caseId, context.CancellationToken);
        var answer = new CaseMessages();
        answer.Items.AddRange(messages.Select(m => new CaseMessage
        {
            Id = m.Id.ToString(),
            Template = m.Template,
            Recipient = m.Recipient,
            Status = m.Status,
            Channel = m.Channel ?? "",
            LargePrint = m.LargePrint,
            Attempts = m.Attempts,
            QueuedAt = m.QueuedAt.ToString("O", CultureInfo.InvariantCulture),
            SentAt = m.SentAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            Reason = m.Reason ?? "",
            RecipientCode = m.RecipientCode ?? "",
            Delivery = m.Delivery ?? "",
            DeliveryAt = m.DeliveryAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            DeliveryFailed = m.DeliveryFailed,
        }));
        return answer;
    }
}
