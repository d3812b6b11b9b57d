using Grpc.Core;
using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Correspondence.Domain.Messages;
using IcsComplaints.Intake.Contracts.Grpc.V1;

namespace IcsComplaints.Correspondence.Api.Features.ListMessages;

/// <summary>A letter or e-mail sent to the complainant, as they see it on their complaint's progress page.</summary>
/// <param name="Template">Which message it was.</param>
/// <param name="Title">What it was, in plain English.</param>
/// <param name="Channel">Email or Post.</param>
/// <param name="LargePrint">Whether it was sent in large print.</param>
/// <param name="SentAt">When it was sent.</param>
public sealed record SentLetterView(string Template, string Title, string Channel, bool LargePrint, DateTimeOffset SentAt);

/// <summary>
/// What has been sent to the complainant about their complaint, for whoever holds its reference and progress code
/// (the pair is the proof, checked by intake, which alone keeps the codes): "sent" is then something they can check,
/// not only a claim on the staff's screen. Only what went is shown; any other pair finds nothing.
/// </summary>
public sealed class SentToComplainantHandler(StatusSecretService.StatusSecretServiceClient intake, MessageQueries queries)
{
    /// <summary>The letters sent, oldest first, or <c>null</c> when the pair proves no complaint.</summary>
    public async Task<IReadOnlyList<SentLetterView>?> HandleAsync(string? reference, string? secret, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference) || string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }
        Guid complaintId;
        try
        {
            var verified = await intake.VerifyStatusSecretAsync(
                new VerifyStatusSecretRequest { Reference = reference.Trim(), Secret = secret.Trim() }, deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: ct);
            complaintId = Guid.Parse(verified.ComplaintId);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return null;
        }
        var sent = await queries.SentToComplainantAsync(complaintId, ct);
        return [.. sent.Select(m => new SentLetterView(m.Template, ComplainantLetterTitles.Of(m.Template), m.Channel.ToString(), m.LargePrint, m.SentAt!.Value))];
    }
}
