using System.Globalization;
using IcsComplaints.AdvocacyReferral.Domain.Directory;
using IcsComplaints.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace IcsComplaints.AdvocacyReferral.Api.Data;

/// <summary>Loads the advocacy directory from the embedded data file (<c>Data/Seed</c>) during <c>migrate</c>; rows are upserted by code.</summary>
public sealed class AdvocacyDirectorySeed : IDeploymentStep
{
    /// <inheritdoc />
    public string Name => "advocacy directory";

    /// <inheritdoc />
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdvocacyDbContext>();
        var existing = await db.AdvocacyProviders.ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        using var stream = typeof(AdvocacyDirectorySeed).Assembly.GetManifestResourceStream("advocacy/advocacy-services.csv")
            ?? throw new InvalidOperationException("The embedded advocacy directory is missing.");
        using var text = new StreamReader(stream);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(text);
        foreach (var row in reader)
        {
            var code = row["code"].ToString().Trim().ToUpperInvariant();
            if (!existing.TryGetValue(code, out var provider))
            {
                provider = AdvocacyProvider.Listed(code);
                db.AdvocacyProviders.Add(provider);
                existing[code] = provider;
            }
            provider.Describe(new AdvocacyProviderDetails(
                row["name"].ToString(), row["phone"].ToString(), row["email"].ToString(), row["website"].ToString(), row["address"].ToString(),
                [.. row["local_authority_codes"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)],
                [.. row["postcode_districts"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => d.ToUpper(CultureInfo.InvariantCulture))],
                row["source"].ToString()));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
