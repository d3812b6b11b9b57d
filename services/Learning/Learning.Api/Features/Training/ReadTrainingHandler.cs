using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.Training;

/// <summary>
/// The training register (names, for the organisation's own quality lead and responsible person) and its coverage
/// (counts only: for the organisation's staff, and for the ICB that commissions it).
/// </summary>
public sealed class ReadTrainingHandler(TrainingQueries registers, Commissioning commissioning, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Everyone ever on the caller's organisation's register, with where each stands today.</summary>
    public async Task<IReadOnlyList<StaffTrainingView>> RegisterAsync(Caller caller, CancellationToken ct)
    {
        var organisation = TrainingSupport.Own(caller);
        var today = LondonTime.Today(time);
        var register = await registers.RegisterAsync(organisation, ct);
        await audit.RecordReadAsync(LearningResources.TrainingRegister, organisation, organisation, ct);
        return [.. register.Select(p => TrainingSupport.View(p, today))];
    }

    /// <summary>An organisation's coverage today: the caller's own, or one of the providers its ICB commissions (404 otherwise).</summary>
    public async Task<CoverageView> CoverageAsync(Caller caller, string? organisationCode, CancellationToken ct)
    {
        var organisation = await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.OrganisationReaders, ct);
        return TrainingSupport.Coverage(organisation, await registers.RegisterAsync(organisation, ct), LondonTime.Today(time));
    }

    /// <summary>For an ICB's overseers: the coverage today of each provider it commissions.</summary>
    public async Task<IReadOnlyList<CoverageView>> ProvidersAsync(Caller caller, CancellationToken ct)
    {
        if (!LearningAccess.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("An ICB's commissioners and quality leads compare its providers.");
        }
        var providers = await commissioning.ProvidersOfAsync(caller.OrganisationCode!, ct);
        var found = await registers.RegistersAsync(providers, ct);
        var today = LondonTime.Today(time);
        return [.. providers.Order(StringComparer.Ordinal).Select(p => TrainingSupport.Coverage(p, found[p], today))];
    }
}
