using IcsComplaints.Correspondence.Api.Data;
using IcsComplaints.Documents.Storage;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Correspondence.Api.Features.ListMessages;

/// <summary>
/// The letters sent about a case as documents on it (ADR 43): the PDF of each, as it went, for the case's staff
/// alone. Another organisation's case, or a message not about this case, is not found. Every read is audited.
/// </summary>
public sealed class LetterCopies(MessageStore store, MessageQueries queries, IDocumentContentStore copies, IAuditTrail audit)
{
    /// <summary>The key a message's copy is kept under.</summary>
    public static string Key(Guid messageId) => $"letters/{messageId:N}";

    /// <summary>The PDF of the letter as sent, with the name it is offered under.</summary>
    public async Task<(string FileName, byte[] Pdf)> GetAsync(Caller caller, Guid caseId, Guid messageId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var known = await store.FindCaseAsync(caseId, ct);
        if (known is null || !caller.ActsFor(known.OrganisationCode, CorrespondenceAccess.CaseReaders))
        {
            throw new RequestNotFoundException("No such case.");
        }
        var message = (await queries.ForCaseWithItsComplaintAsync(known, ct)).FirstOrDefault(m => m.Id == messageId && m.CopyKept);
        var pdf = message is null ? null : await copies.GetAsync(Key(message.Id), ct);
        if (message is null || pdf is null)
        {
            throw new RequestNotFoundException("No copy of this letter is kept.");
        }
        await audit.RecordReadAsync(AuditResources.LetterCopy, message.Id.ToString(), known.OrganisationCode, ct);
        return ($"{message.Template}-{known.Reference}.pdf", pdf);
    }
}
