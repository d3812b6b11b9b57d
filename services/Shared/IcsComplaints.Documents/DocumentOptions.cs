namespace IcsComplaints.Documents;

/// <summary>The <c>Documents</c> settings of a service that keeps files.</summary>
public sealed class DocumentOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Documents";

    /// <summary>Largest file accepted, in bytes (10 MiB: a phone photo or a scanned letter of many pages).</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Most bytes one case holds across its files (50 MiB).</summary>
    public long MaxCaseBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>Most files one case holds.</summary>
    public int MaxFilesPerCase { get; set; } = 50;

    /// <summary>The clamd that scans every file.</summary>
    public ScannerOptions Scanner { get; set; } = new();

    /// <summary>Where the bytes are kept.</summary>
    public StorageOptions Storage { get; set; } = new();
}

/// <summary>A clamd reached over TCP. In production one whose signatures freshclam keeps up to date.</summary>
public sealed class ScannerOptions
{
    /// <summary>Its host.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Its TCP port.</summary>
    public int Port { get; set; } = 3310;

    /// <summary>How long one scan may take, connection included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Which store keeps the bytes: <c>Postgres</c> (the default, in the service's own database) or <c>S3</c>.</summary>
public sealed class StorageOptions
{
    /// <summary><c>Postgres</c> or <c>S3</c>.</summary>
    public string Kind { get; set; } = PostgresKind;

    /// <summary>The S3-compatible store, when <see cref="Kind"/> is <c>S3</c>. Credentials come from the AWS SDK's usual environment variables.</summary>
    public S3StorageOptions S3 { get; set; } = new();

    /// <summary>The default kind.</summary>
    public const string PostgresKind = "Postgres";

    /// <summary>The object-store kind.</summary>
    public const string S3Kind = "S3";
}

/// <summary>An S3-compatible bucket.</summary>
public sealed class S3StorageOptions
{
    /// <summary>The bucket, which should refuse public access and encrypt at rest.</summary>
    public string Bucket { get; set; } = "";

    /// <summary>The endpoint of a store other than AWS (MinIO, Ceph, a cloud's S3 API); empty for AWS itself.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The region.</summary>
    public string? Region { get; set; }

    /// <summary>Path-style addressing, which most stores other than AWS need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Prefix of every key, so services can share a bucket.</summary>
    public string Prefix { get; set; } = "";
}
