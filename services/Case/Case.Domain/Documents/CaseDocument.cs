namespace IcsComplaints.Case.Domain.Documents;

/// <summary>Who added a file to a case.</summary>
public enum DocumentSource
{
    /// <summary>The organisation's staff: meeting notes, statements, records, letters.</summary>
    Staff = 1,

    /// <summary>The complainant, with their complaint or after it: photos, letters, records.</summary>
    Complainant = 2,
}

/// <summary>Where a file stands with the virus scan: only a <see cref="Clean"/> file is ever handed out.</summary>
public enum DocumentScan
{
    /// <summary>Not scanned yet (the scanner was not reachable); scanned again until it is.</summary>
    Pending = 0,

    /// <summary>Scanned and nothing found.</summary>
    Clean = 1,

    /// <summary>The scan found something: the file is kept apart and never handed out.</summary>
    Quarantined = 2,
}

/// <summary>
/// A file on a case: what it is (decided from its content), its safe name, who added it and what the virus scan
/// found. The bytes are kept apart, under <see cref="ContentKey"/>, by the store the service is configured with (ADR 43).
/// </summary>
public sealed class CaseDocument
{
    private CaseDocument()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case it is on.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>ODS code of the organisation handling the case, whose staff alone may read it.</summary>
    public string OrganisationCode { get; private set; } = "";

    /// <summary>The sanitised name, ending in the extension of what the file is.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>What the file is, in words (PDF, JPEG image, Word document).</summary>
    public string TypeName { get; private set; } = "";

    /// <summary>The media type it is served as.</summary>
    public string MediaType { get; private set; } = "";

    /// <summary>Its size in bytes.</summary>
    public long SizeBytes { get; private set; }

    /// <summary>Its SHA-256, in lower-case hex: the same file sent twice is recognised.</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>Who added it.</summary>
    public DocumentSource Source { get; private set; }

    /// <summary>The subject (account) of the member of staff who added it; <c>null</c> for the complainant.</summary>
    public string? AddedBySubject { get; private set; }

    /// <summary>When it was added.</summary>
    public DateTimeOffset AddedAt { get; private set; }

    /// <summary>What the virus scan found.</summary>
    public DocumentScan Scan { get; private set; }

    /// <summary>When it was scanned.</summary>
    public DateTimeOffset? ScannedAt { get; private set; }

    /// <summary>The signature the scan matched, for a quarantined file.</summary>
    public string? Signature { get; private set; }

    /// <summary>The key its bytes are kept under.</summary>
    public string ContentKey => $"case-documents/{Id:N}";

    /// <summary>A file just received, not yet scanned.</summary>
    public static CaseDocument Receive(
        Guid caseId, string organisationCode, string fileName, string typeName, string mediaType, long sizeBytes, string sha256,
        DocumentSource source, string? addedBySubject, DateTimeOffset now) => new()
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            OrganisationCode = organisationCode,
            FileName = fileName,
            TypeName = typeName,
            MediaType = mediaType,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            Source = source,
            AddedBySubject = source == DocumentSource.Staff ? addedBySubject : null,
            AddedAt = now,
            Scan = DocumentScan.Pending,
        };

    /// <summary>Records what the scan found: <paramref name="signature"/> when something, <c>null</c> when the file is clean.</summary>
    public void Scanned(string? signature, DateTimeOffset now)
    {
        if (Scan != DocumentScan.Pending)
        {
            return;
        }
        Scan = signature is null ? DocumentScan.Clean : DocumentScan.Quarantined;
        Signature = signature;
        ScannedAt = now;
    }
}
