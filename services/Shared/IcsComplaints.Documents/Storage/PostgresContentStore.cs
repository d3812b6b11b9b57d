using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Documents.Storage;

/// <summary>The bytes of one file, in the owning service's own database (table <c>document_contents</c>).</summary>
public sealed class StoredContent
{
    /// <summary>The key the owning service chose.</summary>
    public required string Key { get; init; }

    /// <summary>The bytes.</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>When they were kept.</summary>
    public DateTimeOffset StoredAt { get; init; }
}

/// <summary>
/// The default store: a <c>bytea</c> row per file in the service's PostgreSQL database, which needs nothing else
/// running and is backed up with the records that point at it. Good for the sizes a complaint brings (ADR 43).
/// </summary>
public sealed class PostgresContentStore<TContext>(TContext db, TimeProvider time) : IDocumentContentStore
    where TContext : DbContext
{
    /// <inheritdoc />
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var table = db.Model.FindEntityType(typeof(StoredContent)) ?? throw new InvalidOperationException("The model does not hold document contents: call AddDocumentContents.");
        var name = $"\"{table.GetSchema()}\".\"{table.GetTableName()}\"";
        var bytes = content.ToArray();
        var now = time.GetUtcNow();
        // Raw SQL so that keeping the bytes never saves whatever else the caller has pending in the same context.
#pragma warning disable EF1002 // The table name comes from the model, not from input; the values are parameters.
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {name} (key, bytes, stored_at) VALUES ({{0}}, {{1}}, {{2}}) ON CONFLICT (key) DO NOTHING", [key, bytes, now], ct);
#pragma warning restore EF1002
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string key, CancellationToken ct) =>
        db.Set<StoredContent>().AsNoTracking().Where(c => c.Key == key).Select(c => c.Bytes).FirstOrDefaultAsync(ct);

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken ct) =>
        db.Set<StoredContent>().Where(c => c.Key == key).ExecuteDeleteAsync(ct);
}

/// <summary>The <c>document_contents</c> table in a service's model.</summary>
public static class DocumentContentModel
{
    /// <summary>Adds the table the PostgreSQL store keeps bytes in.</summary>
    public static ModelBuilder AddDocumentContents(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<StoredContent>(b =>
        {
            b.ToTable("document_contents");
            b.HasKey(c => c.Key);
            b.Property(c => c.Key).HasColumnName("key").HasMaxLength(200);
            b.Property(c => c.Bytes).HasColumnName("bytes");
            b.Property(c => c.StoredAt).HasColumnName("stored_at");
        });
        return modelBuilder;
    }
}
