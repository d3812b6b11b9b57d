using System.Security.Cryptography;
using IcsComplaints.Case.Api.Data;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Documents;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Documents;
using IcsComplaints.Documents.Storage;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Case.Api.Features.CaseDocuments;

/// <summary>Where a file is going and as whom: settled before its bytes are read, so a caller without the right learns nothing from them.</summary>
/// <param name="Case">The case.</param>
/// <param name="As">Whether staff or the complainant add it.</param>
/// <param name="AddedBy">The member of staff's subject; <c>null</c> for the complainant.</param>
public sealed record DocumentTarget(ComplaintCase Case, DocumentSource As, string? AddedBy);

/// <summary>A file on a case as its readers see it; never its bytes, which only a clean file gives out.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="FileName">Its safe name.</param>
/// <param name="Type">What it is, in words.</param>
/// <param name="SizeBytes">Its size.</param>
/// <param name="AddedBy"><c>Staff</c> or <c>Complainant</c>.</param>
/// <param name="AddedAt">When it was added.</param>
/// <param name="Scan"><c>Pending</c> (being checked for viruses), <c>Clean</c> or <c>Quarantined</c> (a virus was found; never handed out).</param>
/// <param name="ScannedAt">When it was scanned.</param>
public sealed record DocumentView(
    Guid Id, string FileName, string Type, long SizeBytes, string AddedBy, DateTimeOffset AddedAt, string Scan, DateTimeOffset? ScannedAt)
{
    /// <summary>The view of a stored file.</summary>
    public static DocumentView Of(CaseDocument d) =>
        new(d.Id, d.FileName, d.TypeName, d.SizeBytes, d.Source.ToString(), d.AddedAt, d.Scan.ToString(), d.ScannedAt);
}

/// <summary>A clean file's bytes with the name and media type it is handed out under.</summary>
public sealed record DocumentContent(string FileName, string MediaType, byte[] Bytes);

/// <summary>
/// Files on a case (ADR 43): added by its organisation's staff or by its complainant, each typed from its content,
/// renamed safely, kept within the limits, and scanned by ClamAV before anyone can have it back. A file of a case
/// the caller may not see does not exist for them. Every list and every download is audited as a personal-data read.
/// </summary>
public sealed class CaseDocuments(
    CaseReads reads, DocumentStore store, IDocumentContentStore contents, DocumentScanning scanning, IOptions<DocumentOptions> options,
    IAuditTrail audit, TimeProvider time)
{
    /// <summary>Where the caller may add a file: a case of their organisation, as staff, or their own, as its signed-in complainant; 404 otherwise.</summary>
    public async Task<DocumentTarget> TargetAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var (c, source) = await ReadableAsync(caller, caseId, ct);
        return new DocumentTarget(c, source, source == DocumentSource.Staff ? caller.SubjectId : null);
    }

    /// <summary>The files on a case the caller may see: all of them for staff, their own for the complainant.</summary>
    public async Task<IReadOnlyList<DocumentView>> ListAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var (c, source) = await ReadableAsync(caller, caseId, ct);
        return await ListAsync(c, source == DocumentSource.Complainant ? DocumentSource.Complainant : null, ct);
    }

    /// <summary>The files a complainant sent to the case of their complaint.</summary>
    public Task<IReadOnlyList<DocumentView>> ListFromComplainantAsync(ComplaintCase c, CancellationToken ct) =>
        ListAsync(c, DocumentSource.Complainant, ct);

    /// <summary>A clean file's bytes. A file still being scanned, or quarantined, is refused with the reason.</summary>
    public async Task<DocumentContent> ContentAsync(Caller caller, Guid caseId, Guid documentId, CancellationToken ct)
    {
        var (c, source) = await ReadableAsync(caller, caseId, ct);
        var document = await store.FindAsync(c.Id, documentId, ct);
        if (document is null || (source == DocumentSource.Complainant && document.Source != DocumentSource.Complainant))
        {
            throw new RequestNotFoundException("No such file.");
        }
        switch (document.Scan)
        {
            case DocumentScan.Pending:
                throw new RequestStateException("This file is still being checked for viruses. Try again in a few minutes.");
            case DocumentScan.Quarantined:
                throw new RequestStateException("This file is not available: the virus check found a virus in it, so it is kept apart and never handed out.");
        }
        var bytes = await contents.GetAsync(document.ContentKey, ct)
            ?? throw new InvalidOperationException($"The bytes of document {document.Id} are missing from the store.");
        await audit.RecordReadAsync(AuditResources.CaseDocument, document.Id.ToString(), c.OrganisationCode, ct);
        return new DocumentContent(document.FileName, document.MediaType, bytes);
    }

    /// <summary>Adds the file: typed, renamed, within the limits, kept, and scanned when clamd answers.</summary>
    public async Task<DocumentView> AddAsync(DocumentTarget target, ReceivedFile upload, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(upload);
        var (c, source, addedBy) = target;
        var settings = options.Value;
        if (upload.Content.Length == 0 && !upload.TooLarge)
        {
            throw new RequestValidationException("file", "Choose a file to send.");
        }
        var (files, bytes) = await store.HeldAsync(c.Id, ct);
        var size = upload.TooLarge ? settings.MaxFileBytes + 1 : upload.Content.Length;
        if (CaseDocumentLimits.Check(size, files, bytes, settings.MaxFileBytes, settings.MaxFilesPerCase, settings.MaxCaseBytes) is { } tooMuch)
        {
            throw new RequestValidationException("file", tooMuch);
        }
        var type = DocumentTypes.Detect(upload.Content)
            ?? throw new RequestValidationException("file", $"The file must be {DocumentTypes.AcceptedKinds}.");
        var document = CaseDocument.Receive(
            c.Id, c.OrganisationCode, DocumentNames.Sanitise(upload.FileName, type), type.Name, type.MediaType, upload.Content.Length,
            Convert.ToHexStringLower(SHA256.HashData(upload.Content)), source, addedBy, time.GetUtcNow());
        // The bytes are kept first: a record never points at nothing, and bytes without a record are never served.
        await contents.PutAsync(document.ContentKey, upload.Content, ct);
        // Scanned now when clamd answers, so the sender hears at once; otherwise the scan worker tries again.
        await scanning.TryScanAsync(document, upload.Content, ct);
        store.Add(document);
        audit.Record(AuditAction.Create, AuditResources.CaseDocument, document.Id.ToString(), c.OrganisationCode);
        await store.SaveAsync(ct);
        return DocumentView.Of(document);
    }

    private async Task<IReadOnlyList<DocumentView>> ListAsync(ComplaintCase c, DocumentSource? only, CancellationToken ct)
    {
        var documents = await store.ListAsync(c.Id, only, ct);
        await audit.RecordReadAsync(AuditResources.CaseDocument, $"case:{c.Id}", c.OrganisationCode, ct);
        return [.. documents.Select(DocumentView.Of)];
    }

    // Staff of the handling organisation see every file; the case's own signed-in complainant sees theirs; anyone else
    // is told the case does not exist.
    private async Task<(ComplaintCase Case, DocumentSource As)> ReadableAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var c = await reads.FindHeaderAsync(caseId, ct);
        if (c is null || !CaseQueries.MayRead(caller, c))
        {
            throw new RequestNotFoundException("No such case.");
        }
        if (caller.ActsFor(c.OrganisationCode, CaseQueries.DetailRoles))
        {
            return (c, DocumentSource.Staff);
        }
        if (caller.Has(Roles.Complainant))
        {
            return (c, DocumentSource.Complainant);
        }
        // An integrating system sees the queue, not the files.
        throw new RequestNotFoundException("No such case.");
    }
}
