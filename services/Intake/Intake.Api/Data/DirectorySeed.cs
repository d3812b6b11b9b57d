using System.Globalization;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Nhs;
using IcsComplaints.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace IcsComplaints.Intake.Api.Data;

/// <summary>
/// Loads the organisation directory from the data files embedded in intake (<c>Directory/Data</c>) during
/// <c>migrate</c>. Rows are upserted by ODS code, and commissioning relationships by commissioner, provider and start
/// date, so running it again changes nothing and edited rows are updated.
/// </summary>
public sealed partial class DirectorySeed(ILogger<DirectorySeed> logger) : IDeploymentStep
{
    /// <inheritdoc />
    public string Name => "organisation directory";

    /// <inheritdoc />
    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var existing = await db.Organisations.ToDictionaryAsync(o => o.OdsCode, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var organisations = 0;
        foreach (var row in Read("organisations.csv"))
        {
            var code = row["ods_code"].Trim().ToUpperInvariant();
            if (!existing.TryGetValue(code, out var organisation))
            {
                organisation = new DirectoryOrganisation(code, row["name"], ParseKind(row["type"]));
                db.Organisations.Add(organisation);
                existing[code] = organisation;
            }
            organisation.Describe(
                row["name"], ParseKind(row["type"]), NullIfEmpty(row["region"]), ParseDate(row["opened_on"]), ParseDate(row["closed_on"]),
                [.. row["successors"].Split(' ', StringSplitOptions.RemoveEmptyEntries)], NullIfEmpty(row["parent_ods_code"]), row["source"],
                ParsePostcode(code, row["postcode"]));
            organisations++;
        }

        var relationships = await db.CommissioningRelationships.ToListAsync(cancellationToken);
        var count = 0;
        foreach (var row in Read("commissioning.csv"))
        {
            var commissioner = row["commissioner_ods_code"].Trim().ToUpperInvariant();
            var provider = row["provider_ods_code"].Trim().ToUpperInvariant();
            var from = ParseDate(row["from_date"]) ?? throw new InvalidOperationException($"commissioning.csv: {commissioner} → {provider} has no from_date.");
            var relationship = relationships.FirstOrDefault(r => r.CommissionerOdsCode == commissioner && r.ProviderOdsCode == provider && r.From == from);
            if (relationship is null)
            {
                relationship = new CommissioningRelationship(commissioner, provider, from);
                db.CommissioningRelationships.Add(relationship);
                relationships.Add(relationship);
            }
            relationship.Describe(ParseDate(row["to_date"]), row["source"]);
            count++;
        }
        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(logger, organisations, count);
    }

    private static List<Dictionary<string, string>> Read(string file)
    {
        using var stream = typeof(DirectorySeed).Assembly.GetManifestResourceStream("directory/" + file)
            ?? throw new InvalidOperationException($"The embedded directory file {file} is missing.");
        using var text = new StreamReader(stream);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(text);
        var rows = new List<Dictionary<string, string>>();
        var names = reader.Header.ColNames;
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                values[name] = row[name].ToString();
            }
            rows.Add(values);
        }
        return rows;
    }

    /// <summary>Reads a directory type name (<c>nhs-trust</c>) as a kind.</summary>
    public static OrganisationKind ParseKind(string type) =>
        OrganisationTypes.KindOf(type) ?? throw new InvalidOperationException($"Unknown organisation type '{type}'.");

    private static DateOnly? ParseDate(string value) =>
        string.IsNullOrWhiteSpace(value) ? null : DateOnly.ParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A postcode the search could not read would leave the organisation out of every postcode search, unnoticed.
    private static string? ParsePostcode(string code, string value) =>
        string.IsNullOrWhiteSpace(value) ? null
            : Postcodes.Normalise(value) ?? throw new InvalidOperationException($"organisations.csv: {code} has postcode '{value}', which is not a UK postcode.");

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory seeded: {Organisations} organisations, {Relationships} commissioning relationships")]
    private static partial void LogSeeded(ILogger logger, int organisations, int relationships);
}
