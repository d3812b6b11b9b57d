namespace IcsComplaints.Documents.Storage;

/// <summary>
/// Where a file's bytes are kept, by a key the owning service chooses; what the file is and who may have it is the
/// owning service's record, never the store's. Each call stands alone: it does not join the caller's unit of work.
/// </summary>
public interface IDocumentContentStore
{
    /// <summary>Keeps <paramref name="content"/> under <paramref name="key"/>; keeping the same key again changes nothing.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>The bytes under <paramref name="key"/>, or <c>null</c> when none are kept.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken ct);

    /// <summary>Forgets the bytes under <paramref name="key"/>, if any.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}
