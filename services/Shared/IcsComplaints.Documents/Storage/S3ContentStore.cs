using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Documents.Storage;

/// <summary>
/// The production option: any S3-compatible object store, for deployments that keep files out of the database. The
/// credentials come from the AWS SDK's own chain (environment, web identity, instance role), never from settings.
/// </summary>
public sealed class S3ContentStore(IAmazonS3 s3, IOptions<DocumentOptions> options) : IDocumentContentStore
{
    private S3StorageOptions Settings => options.Value.Storage.S3;

    /// <inheritdoc />
    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        using var body = new MemoryStream(content.ToArray(), writable: false);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Settings.Bucket,
            Key = Settings.Prefix + key,
            InputStream = body,
            ContentType = "application/octet-stream",
        }, ct);
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string key, CancellationToken ct)
    {
        try
        {
            using var found = await s3.GetObjectAsync(Settings.Bucket, Settings.Prefix + key, ct);
            using var copy = new MemoryStream();
            await found.ResponseStream.CopyToAsync(copy, ct);
            return copy.ToArray();
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string key, CancellationToken ct) =>
        s3.DeleteObjectAsync(Settings.Bucket, Settings.Prefix + key, ct);

    /// <summary>A client for the configured store.</summary>
    public static IAmazonS3 CreateClient(S3StorageOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var config = new AmazonS3Config { ForcePathStyle = settings.ForcePathStyle };
        if (!string.IsNullOrEmpty(settings.ServiceUrl))
        {
            config.ServiceURL = settings.ServiceUrl;
        }
        if (!string.IsNullOrEmpty(settings.Region))
        {
            config.AuthenticationRegion = settings.Region;
            if (string.IsNullOrEmpty(settings.ServiceUrl))
            {
                config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(settings.Region);
            }
        }
        return new AmazonS3Client(config);
    }
}
