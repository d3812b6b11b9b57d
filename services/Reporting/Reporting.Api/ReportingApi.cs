using System.Globalization;
using Grpc.Core;
using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Reporting.Api.Data;
using IcsComplaints.Reporting.Api.Events;
using IcsComplaints.Reporting.Api.Measures;
using IcsComplaints.Reporting.Api.Returns;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api;

/// <summary>An organisation's measures with their definitions.</summary>
/// <param name="Measures">The figures.</param>
/// <param name="Suppressed">True when prepared for publication: small numbers, and whatever would reveal them, withheld.</param>
/// <param name="Definitions">What each measure means.</param>
public sealed record MeasuresView(MeasureSet Measures, bool Suppressed, IReadOnlyList<MeasureDefinition> Definitions);

/// <summary>An ICB's view of its providers.</summary>
/// <param name="IcbCode">The ICB.</param>
/// <param name="Period">Period.</param>
/// <param name="Providers">Each provider.</param>
/// <param name="AllProviders">All of them together.</param>
/// <param name="Suppressed">True when prepared for publication: small numbers, and whatever would reveal them, withheld across the whole table.</param>
public sealed record OversightView(string IcbCode, string Period, IReadOnlyList<MeasureSet> Providers, MeasureSet AllProviders, bool Suppressed = false);

/// <summary>Where an organisation stands among its peers on one rate, without naming any.</summary>
/// <param name="Measure">The rate.</param>
/// <param name="Own">The organisation's own rate.</param>
/// <param name="Peers">Peers whose rate rests on no small number (numerator, denominator and the rest each zero or five or more, denominator five or more).</param>
/// <param name="Suppressed">True when fewer than three such peers: no distribution is shown.</param>
/// <param name="LowerQuartile">25th percentile of the peers' rates.</param>
/// <param name="Median">Median.</param>
/// <param name="UpperQuartile">75th percentile.</param>
public sealed record PeerRate(string Measure, double? Own, int Peers, bool Suppressed, double? LowerQuartile, double? Median, double? UpperQuartile);

/// <summary>The REST API: <c>/api/v1/reporting</c>.</summary>
public static class ReportingApi
{
    /// <summary>Who reads an organisation's figures: its complaints team, governance and commissioner.</summary>
    public static readonly IReadOnlyList<string> Readers = Roles.OrganisationStaff;

    /// <summary>Maps the endpoints.</summary>
    public static void MapReportingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reporting").WithTags("Reporting");
        group.MapGet("/definitions", Ok<IReadOnlyList<MeasureDefinition>> (Caller caller) => TypedResults.Ok(MeasureDefinitions.All));
        // Figures are exact for the organisation's own staff and for its ICB's oversight; ?publication=true prepares
        // the same output for publication or for sharing beyond the commissioner, under the small-numbers rule.
        group.MapGet("/measures", async Task<Ok<MeasuresView>> (
            string? organisation, string? period, string? publication, Caller caller, Commissioning commissioning, MeasureQueries measures, CancellationToken ct) =>
            TypedResults.Ok(await MeasuresAsync(caller, organisation, period, ForPublication(publication), commissioning, measures, ct)));
        group.MapGet("/oversight", async Task<Ok<OversightView>> (
            string? period, string? publication, Caller caller, Commissioning commissioning, MeasureQueries measures, CancellationToken ct) =>
            TypedResults.Ok(await OversightAsync(caller, period, ForPublication(publication), commissioning, measures, ct)));
        group.MapGet("/oversight/funnel", async Task<Ok<Funnel>> (
            string? measure, string? period, string? publication, Caller caller, Commissioning commissioning, OversightQueries oversight, CancellationToken ct) =>
        {
            var (icb, providers) = await OverseeAsync(caller, commissioning, ct);
            return TypedResults.Ok(await oversight.FunnelAsync(icb, providers, measure, ReportingPeriod.Parse(period), ForPublication(publication), ct));
        });
        group.MapGet("/oversight/funnel.svg", async Task<ContentHttpResult> (
            string? measure, string? period, string? publication, Caller caller, Commissioning commissioning, OversightQueries oversight, CancellationToken ct) =>
        {
            var (icb, providers) = await OverseeAsync(caller, commissioning, ct);
            var funnel = await oversight.FunnelAsync(icb, providers, measure, ReportingPeriod.Parse(period), ForPublication(publication), ct);
            return TypedResults.Content(Charts.Funnel(funnel), "image/svg+xml");
        });
        group.MapGet("/oversight/overdue", async Task<Ok<ItemList<OverdueSummary>>> (Caller caller, Commissioning commissioning, OversightQueries oversight, CancellationToken ct) =>
        {
            var (_, providers) = await OverseeAsync(caller, commissioning, ct);
            return TypedResults.Ok(new ItemList<OverdueSummary>(await oversight.OverdueAsync(providers, ct)));
        });
        group.MapGet("/trend", async Task<Ok<ItemList<TrendPoint>>> (
            string? organisation, string? measure, int? months, string? publication, Caller caller, Commissioning commissioning, OversightQueries oversight, TimeProvider time,
            CancellationToken ct) =>
        {
            var orgs = await TrendScopeAsync(caller, organisation, commissioning, ct);
            return TypedResults.Ok(new ItemList<TrendPoint>(await oversight.TrendAsync(orgs, measure, LondonTime.Today(time), months ?? 12, ForPublication(publication), ct)));
        });
        group.MapGet("/trend.svg", async Task<ContentHttpResult> (
            string? organisation, string? measure, int? months, string? publication, Caller caller, Commissioning commissioning, OversightQueries oversight, TimeProvider time,
            CancellationToken ct) =>
        {
            var orgs = await TrendScopeAsync(caller, organisation, commissioning, ct);
            var points = await oversight.TrendAsync(orgs, measure, LondonTime.Today(time), months ?? 12, ForPublication(publication), ct);
            var title = $"{measure ?? "received"}: {organisation ?? caller.OrganisationCode}";
            return TypedResults.Content(Charts.Trend(title, points, (measure ?? "received") != "received"), "image/svg+xml");
        });
        group.MapGet("/peers", async Task<Ok<ItemList<PeerRate>>> (string? period, Caller caller, Commissioning commissioning, PeerQueries peers, CancellationToken ct) =>
        {
            var code = await commissioning.ResolveAsync(caller, null, Readers, ct);
            return TypedResults.Ok(new ItemList<PeerRate>(await peers.CompareAsync(code, ReportingPeriod.Parse(period), ct)));
        });
        group.MapGet("/ko41", async Task<Ok<Ko41Return>> (
            string? organisation, int? year, Caller caller, Commissioning commissioning, Ko41Returns returns, CancellationToken ct) =>
            TypedResults.Ok(await ReturnAsync(caller, organisation, year, commissioning, returns, ct)));
        group.MapGet("/ko41.csv", async Task<Results<FileContentHttpResult, Conflict<Ko41Return>>> (
            string? organisation, int? year, Caller caller, Commissioning commissioning, Ko41Returns returns, CancellationToken ct) =>
        {
            var built = await ReturnAsync(caller, organisation, year, commissioning, returns, ct);
            // A return that fails the collection's checks is not exported: the checks say what to fix.
            return built.Valid
                ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(built.ToCsv()), "text/csv", $"{built.Collection}-{built.OrganisationCode}-{built.Period.Replace('/', '-')}.csv")
                : TypedResults.Conflict(built);
        });
        group.MapGet("/annual-report", async Task<Ok<AnnualReport>> (
            string? organisation, int? year, Caller caller, Commissioning commissioning, AnnualReports reports, CancellationToken ct) =>
            TypedResults.Ok(await AnnualReportAsync(caller, organisation, year, commissioning, reports, ct)));
    }

    /// <summary>
    /// The caller's ICB's providers side by side and all of them together: exact, because overseeing the providers it
    /// commissions is the ICB's own business; or, for publication, protected together as one table.
    /// </summary>
    public static async Task<OversightView> OversightAsync(
        Caller caller, string? period, bool publication, Commissioning commissioning, MeasureQueries measures, CancellationToken ct)
    {
        var (icb, providers) = await OverseeAsync(caller, commissioning, ct);
        var parsed = ReportingPeriod.Parse(period);
        var sets = await measures.ComputeAsync(providers, parsed, icb, ct);
        IReadOnlyList<MeasureSet> each = [.. sets.Where(s => s.OrganisationCode != icb)];
        var all = sets.Single(s => s.OrganisationCode == icb);
        if (publication)
        {
            (each, all) = Publication.Oversight(each, all);
        }
        return new OversightView(icb, parsed.Label, each, all, publication);
    }

    /// <summary>The Reg 18 annual report data of an organisation the caller may see: published, so under the small-numbers rule.</summary>
    public static async Task<AnnualReport> AnnualReportAsync(
        Caller caller, string? organisation, int? year, Commissioning commissioning, AnnualReports reports, CancellationToken ct)
    {
        var code = await commissioning.ResolveAsync(caller, organisation, Readers, ct);
        return await reports.BuildAsync(code, Year(year), ct);
    }

    /// <summary>An organisation's measures, exact for its own staff and its ICB, or prepared for publication.</summary>
    public static async Task<MeasuresView> MeasuresAsync(
        Caller caller, string? organisation, string? period, bool publication, Commissioning commissioning, MeasureQueries measures, CancellationToken ct)
    {
        var code = await commissioning.ResolveAsync(caller, organisation, Readers, ct);
        var set = (await measures.ComputeAsync([code], ReportingPeriod.Parse(period), null, ct)).Single();
        return new MeasuresView(publication ? Publication.Measures(set) : set, publication, MeasureDefinitions.All);
    }

    /// <summary>The KO41 return of an organisation the caller may see.</summary>
    public static async Task<Ko41Return> ReturnAsync(Caller caller, string? organisation, int? year, Commissioning commissioning, Ko41Returns returns, CancellationToken ct)
    {
        var code = await commissioning.ResolveAsync(caller, organisation, Readers, ct);
        var collection = Ko41Returns.CollectionFor(await commissioning.TypeOfAsync(code, ct));
        return await returns.BuildAsync(code, collection, Year(year), ct);
    }

    /// <summary>Whether <c>?publication=</c> asks for the output prepared for publication: absent or false for exact figures.</summary>
    public static bool ForPublication(string? publication) =>
        string.IsNullOrEmpty(publication) ? false
        : bool.TryParse(publication, out var value) ? value
        : throw new RequestValidationException("publication", "Give true (prepared for publication) or false (exact figures).");

    /// <summary>The financial year asked for, or a field error.</summary>
    public static ReportingPeriod Year(int? year) => year is >= 2015 and <= 2100
        ? ReportingPeriod.FinancialYear(year.Value)
        : throw new RequestValidationException("year", "Give the financial year by its first calendar year: 2025 for 2025/26.");

    private static async Task<(string Icb, IReadOnlyCollection<string> Providers)> OverseeAsync(Caller caller, Commissioning commissioning, CancellationToken ct)
    {
        if (!Commissioning.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("Oversight across providers is for an ICB's commissioners and quality leads.");
        }
        return (caller.OrganisationCode!, [.. await commissioning.ProvidersOfAsync(caller.OrganisationCode!, ct)]);
    }

    private static async Task<IReadOnlyCollection<string>> TrendScopeAsync(Caller caller, string? organisation, Commissioning commissioning, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(organisation) && Commissioning.IsIcbOverseer(caller))
        {
            // An ICB without an organisation named sees its providers together.
            return [.. await commissioning.ProvidersOfAsync(caller.OrganisationCode!, ct)];
        }
        return [await commissioning.ResolveAsync(caller, organisation, Readers, ct)];
    }
}

/// <summary>An organisation among its peers (organisations of the same type in the directory), anonymously.</summary>
public sealed class PeerQueries(ReportingDbContext db, Commissioning commissioning, TimeProvider time)
{
    /// <summary>Fewer peers than this are not shown.</summary>
    public const int MinimumPeers = 3;

    /// <summary>The comparison for each rate.</summary>
    public async Task<IReadOnlyList<PeerRate>> CompareAsync(string organisationCode, ReportingPeriod period, CancellationToken ct)
    {
        var type = await commissioning.TypeOfAsync(organisationCode, ct);
        var orgs = type is null ? [organisationCode] : (await commissioning.OfTypeAsync(type, ct)).Append(organisationCode).Distinct().ToList();
        var today = LondonTime.Today(time);
        var received = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn >= period.From && c.ReceivedOn <= period.To
                && (c.Closure == null || !MeasureDefinitions.NotCounted.Contains(c.Closure)))
            .GroupBy(c => c.OrganisationCode)
            .Select(g => new
            {
                Organisation = g.Key,
                AckApplies = g.Count(c => c.AcknowledgedInTime != null || c.AcknowledgementDueBy < today),
                AckInTime = g.Count(c => c.AcknowledgedInTime == true),
            }).ToListAsync(ct);
        var responded = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ResponseSentOn >= period.From && c.ResponseSentOn <= period.To)
            .GroupBy(c => c.OrganisationCode)
            .Select(g => new
            {
                Organisation = g.Key,
                Responses = g.Count(),
                Early = g.Count(c => c.ResolvedEarly == true),
                Agreed = g.Count(c => c.ByAgreedDate != null),
                ByAgreed = g.Count(c => c.ByAgreedDate == true),
                Upheld = g.Count(c => c.Outcome == "Upheld" || c.Outcome == "PartiallyUpheld"),
            }).ToListAsync(ct);
        var rates = new Dictionary<string, List<(string Organisation, int Numerator, int Denominator)>>(StringComparer.Ordinal)
        {
            ["acknowledgedInTime"] = [.. received.Select(r => (r.Organisation, r.AckInTime, r.AckApplies))],
            ["resolvedEarly"] = [.. responded.Select(r => (r.Organisation, r.Early, r.Responses))],
            ["byAgreedDate"] = [.. responded.Select(r => (r.Organisation, r.ByAgreed, r.Agreed))],
            ["upheldOrPartly"] = [.. responded.Select(r => (r.Organisation, r.Upheld, r.Responses))],
        };
        return [.. rates.Select(pair =>
        {
            var own = pair.Value.FirstOrDefault(r => r.Organisation == organisationCode);
            return Distribution(pair.Key, own.Numerator, own.Denominator, pair.Value.Where(r => r.Organisation != organisationCode).Select(r => (r.Numerator, r.Denominator)));
        })];
    }

    /// <summary>
    /// The organisation's own rate beside its peers' quartiles. A provider sees this about organisations it does not
    /// belong to, so it is under the small-numbers rule: a peer counts only if its rate rests on no small number (a
    /// rate times a volume published elsewhere, such as KO41, would give the number back), and no counts are shown.
    /// </summary>
    public static PeerRate Distribution(string measure, int ownNumerator, int ownDenominator, IEnumerable<(int Numerator, int Denominator)> peers)
    {
        var shown = peers.Where(r => r.Denominator >= SmallNumberSuppression.Threshold && SmallNumberSuppression.IsSafeRate(r.Numerator, r.Denominator))
            .Select(r => (double)r.Numerator / r.Denominator).Order().ToList();
        var own = ownDenominator > 0 ? Math.Round((double)ownNumerator / ownDenominator, 4) : (double?)null;
        return shown.Count < MinimumPeers
            ? new PeerRate(measure, own, shown.Count, true, null, null, null)
            : new PeerRate(measure, own, shown.Count, false, Quantile(shown, 0.25), Quantile(shown, 0.5), Quantile(shown, 0.75));
    }

    /// <summary>Linear-interpolation quantile of sorted values.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return Math.Round(sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower)), 4);
    }
}

/// <summary><c>dotnet IcsComplaints.Reporting.Api.dll rebuild</c>: rebuilds every read model from the event log.</summary>
public sealed class RebuildCommand : IServiceCommand
{
    /// <inheritdoc />
    public string Name => "rebuild";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var replayed = await ReadModels.RebuildAsync(db, CancellationToken.None);
        var cases = await db.Cases.CountAsync();
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Rebuilt the read models from {replayed} logged events in {started.Elapsed.TotalSeconds:0.0} s: {cases} cases."));
        return 0;
    }
}

/// <summary>The same figures over gRPC, for integrating systems.</summary>
public sealed class ReportingGrpcService(Commissioning commissioning, MeasureQueries measures, Ko41Returns returns, AnnualReports reports)
    : IcsComplaints.Reporting.Contracts.Grpc.V1.ReportingService.ReportingServiceBase
{
    /// <inheritdoc />
    public override async Task<IcsComplaints.Reporting.Contracts.Grpc.V1.Measures> GetMeasures(
        IcsComplaints.Reporting.Contracts.Grpc.V1.GetMeasuresRequest request, ServerCallContext context)
    {
        var view = await ReportingApi.MeasuresAsync(
            Caller.From(context.GetHttpContext().User), request.OrganisationCode, request.Period, request.Publication, commissioning, measures, context.CancellationToken);
        var message = Message(view.Measures, view.Suppressed);
        message.Definitions.Add(view.Definitions.ToDictionary(d => d.Key, d => d.Definition));
        return message;
    }

    /// <inheritdoc />
    public override async Task<IcsComplaints.Reporting.Contracts.Grpc.V1.Oversight> GetOversight(
        IcsComplaints.Reporting.Contracts.Grpc.V1.GetOversightRequest request, ServerCallContext context)
    {
        var view = await ReportingApi.OversightAsync(
            Caller.From(context.GetHttpContext().User), request.Period, request.Publication, commissioning, measures, context.CancellationToken);
        var message = new IcsComplaints.Reporting.Contracts.Grpc.V1.Oversight
        {
            IcbCode = view.IcbCode, Period = view.Period, AllProviders = Message(view.AllProviders, view.Suppressed),
        };
        message.Providers.AddRange(view.Providers.Select(p => Message(p, view.Suppressed)));
        return message;
    }

    /// <inheritdoc />
    public override async Task<IcsComplaints.Reporting.Contracts.Grpc.V1.AnnualReport> GetAnnualReport(
        IcsComplaints.Reporting.Contracts.Grpc.V1.GetAnnualReportRequest request, ServerCallContext context)
    {
        var report = await ReportingApi.AnnualReportAsync(
            Caller.From(context.GetHttpContext().User), request.OrganisationCode, request.Year, commissioning, reports, context.CancellationToken);
        var message = new IcsComplaints.Reporting.Contracts.Grpc.V1.AnnualReport
        {
            OrganisationCode = report.OrganisationCode, Period = report.Period, ActionsRaised = report.ActionsRaised, ActionsCompleted = report.ActionsCompleted,
            ActionsPublished = report.ActionsPublished, Suppressed = report.Suppressed,
        };
        if (report.Received is { } received)
        {
            message.Received = received;
        }
        if (report.DecidedWellFounded is { } wellFounded)
        {
            message.DecidedWellFounded = wellFounded;
        }
        if (report.ReferredToOmbudsman is { } ombudsman)
        {
            message.ReferredToOmbudsman = ombudsman;
        }
        message.SubjectMatter.Add(report.SubjectMatter.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!.Value));
        message.MattersOfGeneralImportance.AddRange(report.MattersOfGeneralImportance);
        return message;
    }

    /// <inheritdoc />
    public override async Task<IcsComplaints.Reporting.Contracts.Grpc.V1.Ko41Return> GetKo41Return(
        IcsComplaints.Reporting.Contracts.Grpc.V1.GetKo41ReturnRequest request, ServerCallContext context)
    {
        var built = await ReportingApi.ReturnAsync(
            Caller.From(context.GetHttpContext().User), request.OrganisationCode, request.Year, commissioning, returns, context.CancellationToken);
        var message = new IcsComplaints.Reporting.Contracts.Grpc.V1.Ko41Return
        {
            Collection = built.Collection, OrganisationCode = built.OrganisationCode, Period = built.Period, Valid = built.Valid, Csv = built.Valid ? built.ToCsv() : "",
        };
        message.Checks.AddRange(built.Validation.Select(v => new IcsComplaints.Reporting.Contracts.Grpc.V1.Check { Rule = v.Rule, Site = v.Site, Passed = v.Passed, Detail = v.Detail }));
        return message;
    }

    private static IcsComplaints.Reporting.Contracts.Grpc.V1.Measures Message(MeasureSet m, bool suppressed)
    {
        var message = new IcsComplaints.Reporting.Contracts.Grpc.V1.Measures { OrganisationCode = m.OrganisationCode, Period = m.Period, Suppressed = suppressed };
        if (m.Received is { } received)
        {
            message.Received = received;
        }
        foreach (var (key, rate) in new (string, Rate)[]
        {
            ("acknowledgedInTime", m.AcknowledgedInTime), ("resolvedEarly", m.ResolvedEarly), ("byAgreedDate", m.ByAgreedDate), ("renegotiated", m.Renegotiated),
            ("upheldOrPartly", m.UpheldOrPartly), ("reopened", m.Reopened), ("withAdvocacy", m.WithAdvocacy), ("draftsReviewed", m.DraftsReviewed),
            ("staffSupported", m.StaffSupported), ("staffTold", m.StaffTold),
        })
        {
            var r = new IcsComplaints.Reporting.Contracts.Grpc.V1.Rate { Suppressed = rate.Suppressed };
            if (rate.Numerator is { } n)
            {
                r.Numerator = n;
            }
            if (rate.Denominator is { } d)
            {
                r.Denominator = d;
            }
            if (rate.Value is { } v)
            {
                r.Value = v;
            }
            message.Rates.Add(key, r);
        }
        foreach (var outcome in m.Outcomes.Where(o => o.Value is not null))
        {
            message.Outcomes.Add(outcome.Key, outcome.Value!.Value);
        }
        return message;
    }
}
