using System.Globalization;
using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Coding;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.Themes;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Themes;

/// <summary>A detection run.</summary>
/// <param name="Month">The month to examine, <c>yyyy-MM</c>; the last complete month when empty.</param>
public sealed record DetectionRequest(string? Month);

/// <summary>Sharing a theme's learning.</summary>
/// <param name="Message">The learning, for the providers (no personal data).</param>
/// <param name="OrganisationCodes">Providers to share with; all the ICB's providers when empty.</param>
public sealed record ShareRequest(string? Message, List<string>? OrganisationCodes);

/// <summary>A provider's part as shown.</summary>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="Observed">With the problem.</param>
/// <param name="Total">Coded.</param>
public sealed record ContributionView(string OrganisationCode, int Observed, int Total);

/// <summary>A theme as shown. A provider reading a theme shared with it sees other providers' figures only as the system's.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="IcbCode">ICB.</param>
/// <param name="Scope">Scope.</param>
/// <param name="OrganisationCode">The provider, when the reader may know it.</param>
/// <param name="Dimension">Dimension.</param>
/// <param name="Code">Category or subject area.</param>
/// <param name="Month">Month examined.</param>
/// <param name="Observed">With the problem that month.</param>
/// <param name="Total">Coded that month.</param>
/// <param name="Expected">Expected from the baseline.</param>
/// <param name="BaselineShare">Baseline share.</param>
/// <param name="PValue">p-value.</param>
/// <param name="MonthlyObserved">Thirteen months with the problem.</param>
/// <param name="MonthlyTotals">Thirteen months coded.</param>
/// <param name="Contributions">Providers' parts the reader may see.</param>
/// <param name="Rule">The rule, in words.</param>
/// <param name="DetectedOn">Detected.</param>
/// <param name="SharedOn">Shared.</param>
/// <param name="ShareMessage">The learning shared.</param>
/// <param name="SharedWith">Providers shared with (for the ICB).</param>
public sealed record ThemeView(
    Guid Id, string IcbCode, ThemeScope Scope, string? OrganisationCode, ThemeDimension Dimension, string Code, string Month, int Observed, int Total,
    double Expected, double BaselineShare, double PValue, IReadOnlyList<int> MonthlyObserved, IReadOnlyList<int> MonthlyTotals,
    IReadOnlyList<ContributionView> Contributions, string Rule, DateOnly DetectedOn, DateOnly? SharedOn, string? ShareMessage, IReadOnlyList<string> SharedWith);

/// <summary>Detects themes for an ICB's providers, lists them and shares their learning.</summary>
public sealed class ThemeService(LearningDbContext db, IOutbox outbox, Commissioning commissioning, TimeProvider time)
{
    private static readonly string RuleText =
        $"Share of coded complaints in the month against the share over the 12 months before (smoothed (b + 0.5) / (B + 1)); " +
        $"a theme needs {ThemeRule.MinimumCount}+ complaints, a baseline of {ThemeRule.MinimumBaselineMonths}+ months and {ThemeRule.MinimumBaselineTotal}+ complaints, " +
        $"and a one-sided exact binomial p < {ThemeRule.Alpha.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>Runs detection for the caller's ICB.</summary>
    public async Task<IReadOnlyList<ThemeView>> DetectForCallerAsync(Caller caller, DetectionRequest? input, CancellationToken ct)
    {
        if (!LearningAccess.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("Themes across providers are detected by an ICB's commissioners and quality leads.");
        }
        var month = ParseMonth(input?.Month, "month") ?? LastCompleteMonth();
        if (month >= FirstOfMonth(LondonTime.Today(time)))
        {
            throw new RequestValidationException("month", "Examine a month that has ended.");
        }
        await DetectAsync(caller.OrganisationCode!, month, ct);
        return await ListAsync(caller, Format(month), ct);
    }

    /// <summary>
    /// Applies the rule to every HCAT category and subject area, for each provider of the ICB and for them together,
    /// and records (once) each theme found, publishing <see cref="ThemeDetected"/>. Returns how many were new.
    /// </summary>
    public async Task<int> DetectAsync(string icbCode, DateOnly month, CancellationToken ct)
    {
        var providers = await commissioning.ProvidersOfAsync(icbCode, ct);
        var start = month.AddMonths(-12);
        var end = month.AddMonths(1);
        var rows = await (
            from c in db.Cases.AsNoTracking()
            where providers.Contains(c.OrganisationCode) && c.ReceivedOn >= start && c.ReceivedOn < end
            join x in db.Codings.AsNoTracking().Where(x => x.Subject == CodingSubject.Complaint && !x.Independent) on c.CaseId equals x.CaseId into coded
            from x in coded.DefaultIfEmpty()
            select new { c.OrganisationCode, c.ReceivedOn, c.SubjectAreas, Coding = x })
            .ToListAsync(ct);
        var facts = rows.Select(r => new CaseFact(
            r.OrganisationCode, MonthIndex(start, r.ReceivedOn), r.SubjectAreas,
            r.Coding is null ? null : HcatScheme.CategoryKeys.Where(k => r.Coding.Severity(k) > 0).ToHashSet(StringComparer.Ordinal))).ToList();

        var existing = await db.Themes.Where(t => t.IcbCode == icbCode && t.Month == Format(month))
            .Select(t => new { t.Scope, t.OrganisationCode, t.Dimension, t.Code }).ToListAsync(ct);
        var known = existing.Select(t => (t.Scope, t.OrganisationCode, t.Dimension, t.Code)).ToHashSet();
        var today = LondonTime.Today(time);
        var found = 0;
        // Each provider's facts, and each scope's coded facts and monthly totals per dimension, are worked out once:
        // only the observed counts depend on the code.
        var byProvider = facts.ToLookup(f => f.OrganisationCode, StringComparer.Ordinal);
        var scopes = providers.Order(StringComparer.Ordinal).Select(p => (Scope: ThemeScope.Provider, Organisation: p, Facts: byProvider[p].ToList()))
            .Append((Scope: ThemeScope.System, Organisation: "", Facts: facts)).ToList();
        foreach (var (dimension, codes, has, coded) in Dimensions(facts))
        {
            var codedByScope = scopes.Select(s =>
            {
                var codedFacts = s.Facts.Where(coded).ToList();
                return (s.Scope, s.Organisation, Coded: codedFacts, Totals: Monthly(codedFacts));
            }).ToList();
            foreach (var code in codes)
            {
                foreach (var (scope, organisation, codedFacts, monthlyTotals) in codedByScope)
                {
                    var monthlyObserved = Monthly(codedFacts.Where(f => has(f, code)));
                    var counts = new ThemeCounts(
                        monthlyObserved[12], monthlyTotals[12], monthlyObserved.Take(12).Sum(), monthlyTotals.Take(12).Sum(), monthlyTotals.Take(12).Count(n => n > 0));
                    var assessment = ThemeRule.Assess(counts);
                    if (!assessment.Signal || known.Contains((scope, organisation, dimension, code)))
                    {
                        continue;
                    }
                    var theme = new Theme
                    {
                        IcbCode = icbCode, Scope = scope, OrganisationCode = organisation, Dimension = dimension, Code = code, Month = Format(month),
                        Observed = counts.Observed, Total = counts.Total, BaselineObserved = counts.BaselineObserved, BaselineTotal = counts.BaselineTotal,
                        Expected = assessment.Expected, PValue = assessment.PValue, MonthlyObserved = [.. monthlyObserved], MonthlyTotals = [.. monthlyTotals],
                        DetectedOn = today,
                    };
                    if (scope == ThemeScope.System)
                    {
                        theme.Contributions.AddRange(providers.Order(StringComparer.Ordinal).Select(p => new ThemeContribution
                        {
                            OrganisationCode = p,
                            Observed = codedFacts.Count(f => f.OrganisationCode == p && f.Month == 12 && has(f, code)),
                            Total = codedFacts.Count(f => f.OrganisationCode == p && f.Month == 12),
                        }).Where(c => c.Total > 0));
                    }
                    db.Themes.Add(theme);
                    known.Add((scope, organisation, dimension, code));
                    outbox.Publish(new ThemeDetected
                    {
                        ThemeId = theme.Id, IcbCode = icbCode, Scope = scope.ToString(), OrganisationCode = organisation.Length == 0 ? null : organisation,
                        Dimension = dimension.ToString(), Code = code, Month = theme.Month, Observed = theme.Observed, Expected = theme.Expected,
                    });
                    found++;
                }
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // The scheduled scan (or another replica) recorded the same themes a moment ago: they exist once, as intended.
            db.ChangeTracker.Clear();
            return 0;
        }
        return found;
    }

    /// <summary>Themes the caller may see: their ICB's, or those shared with their organisation.</summary>
    public async Task<IReadOnlyList<ThemeView>> ListAsync(Caller caller, string? month, CancellationToken ct)
    {
        var query = db.Themes.AsNoTracking().Include(t => t.Contributions).AsQueryable();
        var organisation = caller.OrganisationCode;
        if (LearningAccess.IsIcbOverseer(caller))
        {
            query = query.Where(t => t.IcbCode == organisation);
        }
        else if (organisation is not null && caller.ActsFor(organisation, LearningAccess.OrganisationReaders))
        {
            query = query.Where(t => t.SharedWith.Contains(organisation));
        }
        else
        {
            throw new RequestForbiddenException("Themes are seen by an ICB's commissioners and quality leads, and by the providers they are shared with.");
        }
        if (!string.IsNullOrWhiteSpace(month))
        {
            var m = Format(ParseMonth(month, "month")!.Value);
            query = query.Where(t => t.Month == m);
        }
        var themes = await query.OrderByDescending(t => t.Month).ThenBy(t => t.PValue).Take(500).ToListAsync(ct);
        return [.. themes.Select(t => View(caller, t))];
    }

    /// <summary>One theme the caller may see.</summary>
    public async Task<ThemeView> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var theme = await db.Themes.AsNoTracking().Include(t => t.Contributions).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (theme is null || !MaySee(caller, theme))
        {
            throw new RequestNotFoundException();
        }
        return View(caller, theme);
    }

    /// <summary>The ICB shares what it learned with its providers (all of them unless it names some).</summary>
    public async Task<ThemeView> ShareAsync(Caller caller, Guid id, ShareRequest? input, CancellationToken ct)
    {
        var theme = await db.Themes.Include(t => t.Contributions).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (theme is null || !MaySee(caller, theme))
        {
            throw new RequestNotFoundException();
        }
        if (!LearningAccess.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("The ICB shares its themes.");
        }
        var providers = await commissioning.ProvidersOfAsync(theme.IcbCode, ct);
        var errors = new ValidationErrors();
        var message = TextRules.Read(input?.Message, "message", errors, 4_000, "Write the learning to share.");
        if (PublicText.PersonalDataIn(message) is { } found)
        {
            errors.Add("message", $"Shared learning must not identify anyone: remove the {found}.");
        }
        var targets = input?.OrganisationCodes is { Count: > 0 } named
            ? named.Select(c => c?.Trim().ToUpperInvariant() ?? "").ToList()
            : [.. providers.Order(StringComparer.Ordinal)];
        foreach (var (code, i) in targets.Select((c, i) => (c, i)).Where(x => !providers.Contains(x.c)))
        {
            // The code is named back only when it is one (a code of letters and digits): never echo arbitrary input.
            errors.Add($"organisationCodes[{i}]", code.Length is > 0 and <= 12 && code.All(char.IsAsciiLetterOrDigit)
                ? $"{code} is not a provider your ICB commissions."
                : "Give the ODS code of a provider your ICB commissions.");
        }
        errors.ThrowIfAny();
        var added = targets.Except(theme.SharedWith, StringComparer.OrdinalIgnoreCase).ToList();
        theme.ShareMessage = message;
        theme.SharedOn ??= LondonTime.Today(time);
        theme.SharedWith = [.. theme.SharedWith.Concat(added).Order(StringComparer.Ordinal)];
        outbox.Publish(new ThemeShared { ThemeId = theme.Id, IcbCode = theme.IcbCode, OrganisationCodes = added, SharedOn = LondonTime.Today(time) });
        await db.SaveChangesAsync(ct);
        return View(caller, theme);
    }

    /// <summary>The month before this one.</summary>
    public DateOnly LastCompleteMonth() => FirstOfMonth(LondonTime.Today(time)).AddMonths(-1);

    private static bool MaySee(Caller caller, Theme theme) =>
        (LearningAccess.IsIcbOverseer(caller) && theme.IcbCode == caller.OrganisationCode)
        || (caller.OrganisationCode is { } org && caller.ActsFor(org, LearningAccess.OrganisationReaders) && theme.SharedWith.Contains(org));

    private static ThemeView View(Caller caller, Theme t)
    {
        var icb = LearningAccess.IsIcbOverseer(caller) && t.IcbCode == caller.OrganisationCode;
        var own = string.Equals(t.OrganisationCode, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase);
        return new ThemeView(
            t.Id, t.IcbCode, t.Scope, icb || own ? NullIfEmpty(t.OrganisationCode) : null, t.Dimension, t.Code, t.Month, t.Observed, t.Total, t.Expected,
            Math.Round((t.BaselineObserved + 0.5) / (t.BaselineTotal + 1.0), 4), t.PValue, t.MonthlyObserved, t.MonthlyTotals,
            [.. t.Contributions.Where(c => icb || string.Equals(c.OrganisationCode, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase))
                .Select(c => new ContributionView(c.OrganisationCode, c.Observed, c.Total))],
            RuleText, t.DetectedOn, t.SharedOn, t.ShareMessage, icb ? t.SharedWith : []);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private sealed record CaseFact(string OrganisationCode, int Month, List<string> SubjectAreas, HashSet<string>? Categories);

    private static IEnumerable<(ThemeDimension, IEnumerable<string>, Func<CaseFact, string, bool>, Func<CaseFact, bool>)> Dimensions(List<CaseFact> facts)
    {
        yield return (ThemeDimension.HcatCategory, HcatScheme.CategoryKeys, (f, code) => f.Categories!.Contains(code), f => f.Categories is not null);
        yield return (ThemeDimension.SubjectArea, facts.SelectMany(f => f.SubjectAreas).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
            (f, code) => f.SubjectAreas.Contains(code, StringComparer.Ordinal), f => f.SubjectAreas.Count > 0);
    }

    private static int[] Monthly(IEnumerable<CaseFact> facts)
    {
        var counts = new int[13];
        foreach (var f in facts)
        {
            counts[f.Month]++;
        }
        return counts;
    }

    private static int MonthIndex(DateOnly start, DateOnly day) => ((day.Year - start.Year) * 12) + day.Month - start.Month;

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    private static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly? ParseMonth(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            throw new RequestValidationException(field, "Give the month as yyyy-MM.");
        }
        var errors = new ValidationErrors();
        DateRules.Within(month, field, errors, DateRules.FirstCalendarDay, DateRules.LastCalendarDay);
        errors.ThrowIfAny();
        return month;
    }
}
