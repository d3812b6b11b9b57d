using System.Globalization;
using IcsComplaints.Calendar;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IcsComplaints.Directory;

/// <summary>
/// The providers an ICB commissions, asked of intake's organisation directory (public reference data, effective
/// dated) rather than copied, so a change of commissioner takes effect in every service the day it does there.
/// Answers are kept for a few minutes, keyed by the day asked about: nearly every request of learning and reporting
/// asks, and the directory changes a few times a year.
/// </summary>
public sealed class Commissioning(OrganisationDirectoryService.OrganisationDirectoryServiceClient directory, IMemoryCache cache, TimeProvider time)
{
    /// <summary>How long an answer of the directory is reused.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);

    /// <summary>Roles that oversee an ICB's providers.</summary>
    public static readonly string[] OversightRoles = [Roles.IcbCommissioner, Roles.QualityLead];

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>True when the caller oversees for an ICB.</summary>
    public static bool IsIcbOverseer(Caller caller) =>
        caller.OrganisationType == OrganisationTypes.Icb && caller.OrganisationCode is not null && caller.HasAny(OversightRoles);

    /// <summary>ODS codes of the providers the ICB commissions today, or on the day given (organisations, not their sites).</summary>
    public Task<IReadOnlySet<string>> ProvidersOfAsync(string icbCode, CancellationToken ct, DateOnly? on = null)
    {
        var day = (on ?? LondonTime.Today(time)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return KeptAsync<IReadOnlySet<string>>($"providers:{icbCode.ToUpperInvariant()}:{day}", async () =>
        {
            var response = await directory.ListOrganisationsAsync(
                new ListOrganisationsRequest { CommissionedBy = icbCode, On = day }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
            // A trust's sites have no complaints team of their own: their complaints are the trust's (Reg 7 routing).
            return response.Organisations.Where(o => o.Type != "trust-site").Select(o => o.OdsCode.ToUpperInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        });
    }

    /// <summary>ODS codes of the ICBs open today.</summary>
    public Task<IReadOnlyList<string>> IcbsAsync(CancellationToken ct) => OfTypeAsync("icb", ct);

    /// <summary>The directory's type of an organisation (nhs-trust, gp-practice, icb…), or <c>null</c> when unknown.</summary>
    public Task<string?> TypeOfAsync(string odsCode, CancellationToken ct) =>
        KeptAsync($"type:{odsCode.ToUpperInvariant()}", async () =>
        {
            try
            {
                var response = await directory.GetOrganisationAsync(new GetOrganisationRequest { OdsCode = odsCode }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
                return (string?)response.Organisation.Type;
            }
            catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                return null;
            }
        });

    /// <summary>ODS codes of the organisations of a type open today.</summary>
    public Task<IReadOnlyList<string>> OfTypeAsync(string type, CancellationToken ct) =>
        KeptAsync<IReadOnlyList<string>>($"of-type:{type}:{LondonTime.Today(time):yyyy-MM-dd}", async () =>
        {
            var response = await directory.ListOrganisationsAsync(new ListOrganisationsRequest { Type = type }, deadline: DateTime.UtcNow.Add(Deadline), cancellationToken: ct);
            return [.. response.Organisations.Select(o => o.OdsCode.ToUpperInvariant())];
        });

    /// <summary>
    /// The organisation whose figures the caller asks about: their own with one of the roles, or, for an ICB's
    /// overseers, one of its providers. Anything else answers 404, as if it did not exist.
    /// </summary>
    public async Task<string> ResolveAsync(Caller caller, string? organisationCode, IReadOnlyList<string> ownRoles, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(organisationCode) ? caller.OrganisationCode : organisationCode.Trim().ToUpperInvariant();
        if (code is null)
        {
            throw new RequestForbiddenException("Sign in for an organisation.");
        }
        if (caller.ActsFor(code, ownRoles))
        {
            return code;
        }
        if (IsIcbOverseer(caller) && (await ProvidersOfAsync(caller.OrganisationCode!, ct)).Contains(code))
        {
            return code;
        }
        if (string.Equals(code, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestForbiddenException("Your role does not include this.");
        }
        throw new RequestNotFoundException();
    }

    // Failures are not kept: the next request asks again.
    private async Task<T> KeptAsync<T>(string key, Func<Task<T>> ask)
    {
        if (cache.TryGetValue(key, out T? kept))
        {
            return kept!;
        }
        var answer = await ask();
        cache.Set(key, answer, KeptFor);
        return answer;
    }
}

/// <summary>Registration.</summary>
public static class CommissioningServiceCollectionExtensions
{
    /// <summary>Adds <see cref="Commissioning"/> and the directory client, at <c>Services:Intake:Grpc</c>.</summary>
    public static IServiceCollection AddCommissioning(this IServiceCollection services)
    {
        services.AddGrpcClient<OrganisationDirectoryService.OrganisationDirectoryServiceClient>((sp, o) =>
            o.Address = ServiceAddresses.GrpcOf(sp.GetRequiredService<IConfiguration>(), "Intake"));
        services.AddMemoryCache();
        services.AddScoped<Commissioning>();
        return services;
    }
}
