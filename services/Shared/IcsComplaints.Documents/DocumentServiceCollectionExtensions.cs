using Amazon.S3;
using IcsComplaints.Documents.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IcsComplaints.Documents;

/// <summary>Registers what a service that keeps files needs.</summary>
public static class DocumentServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Documents</c> settings, the clamd scanner and the content store the settings name: PostgreSQL in
    /// <typeparamref name="TContext"/> (whose model calls <see cref="DocumentContentModel.AddDocumentContents"/>) or S3.
    /// </summary>
    public static IServiceCollection AddDocuments<TContext>(this IServiceCollection services, IConfiguration configuration)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DocumentOptions>().Bind(configuration.GetSection(DocumentOptions.Section))
            .Validate(o => o.MaxFileBytes > 0 && o.MaxCaseBytes >= o.MaxFileBytes && o.MaxFilesPerCase > 0, "Documents: the limits must be positive, and a case must hold at least one file.")
            .Validate(o => o.Storage.Kind is StorageOptions.PostgresKind or StorageOptions.S3Kind, "Documents:Storage:Kind is Postgres or S3.")
            .Validate(o => o.Storage.Kind != StorageOptions.S3Kind || o.Storage.S3.Bucket.Length > 0, "Documents:Storage:S3:Bucket is needed when files are kept in S3.")
            .ValidateOnStart();
        services.AddSingleton<ClamAvScanner>();
        var kind = configuration[$"{DocumentOptions.Section}:Storage:Kind"] ?? StorageOptions.PostgresKind;
        if (kind == StorageOptions.S3Kind)
        {
            services.AddSingleton<IAmazonS3>(sp => S3ContentStore.CreateClient(sp.GetRequiredService<IOptions<DocumentOptions>>().Value.Storage.S3));
            services.AddSingleton<IDocumentContentStore, S3ContentStore>();
        }
        else
        {
            services.AddScoped<IDocumentContentStore, PostgresContentStore<TContext>>();
        }
        return services;
    }
}
