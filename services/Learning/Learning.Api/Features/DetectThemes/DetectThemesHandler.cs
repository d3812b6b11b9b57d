using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Api.Features.ListThemes;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.Themes;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.DetectThemes;

/// <summary>A detection run.</summary>
/// <param name="Month">The month to examine, <c>yyyy-MM</c>; the last complete month when empty.</param>
public sealed record DetectionRequest(string? Month);

/// <summary>Detects themes for an ICB's providers: on request for the caller's ICB, and on a schedule for every ICB.</summary>
public sealed class DetectThemesHandler(ThemeStore themes, ThemeQueries queries, IOutbox outbox, Commissioning commissioning, TimeProvider time, ListThemesHandler list)
{
    /// <summary>Runs detection for the caller's ICB.</summary>
    public async Task<IReadOnlyList<ThemeView>> HandleAsync(Caller caller, DetectionRequest? input, CancellationToken ct)
    {
        if (!LearningAccess.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("Themes across providers are detected by an ICB's commissioners and quality leads.");
        }
        var month = ThemeSupport.ParseMonth(input?.Month, "month") ?? ThemeSupport.LastCompleteMonth(time);
        if (month >= ThemeSupport.FirstOfMonth(LondonTime.Today(time)))
        {
            throw new RequestValidationException("month", "Examine a month that has ended.");
        }
        await DetectAsync(caller.OrganisationCode!, month, ct);
        return await list.HandleAsync(caller, ThemeSupport.Format(month), ct);
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
        var rows = await queries.CodedCasesAsync(providers, start, end, ct);
        var facts = rows.Select(r => new CaseFact(
            r.OrganisationCode, MonthIndex(start, r.ReceivedOn), r.SubjectAreas,
            r.Coding is null ? null : HcatScheme.CategoryKeys.Where(k => r.Coding.Severity(k) > 0).ToHashSet(StringComparer.Ordinal))).ToList();

        var known = await queries.KnownAsync(icbCode, ThemeSupport.Format(month), ct);
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
                    if (!assessment.Signal || known.Contains(new ThemeKey(scope, organisation, dimension, code)))
                    {
                        continue;
                    }
                    var theme = Theme.Detect(
                        icbCode, scope, organisation, dimension, code, ThemeSupport.Format(month), counts, assessment, monthlyObserved, monthlyTotals, today);
                    if (scope == ThemeScope.System)
                    {
                        foreach (var provider in providers.Order(StringComparer.Ordinal))
                        {
                            var total = codedFacts.Count(f => f.OrganisationCode == provider && f.Month == 12);
                            if (total > 0)
                            {
                                theme.AddContribution(provider, codedFacts.Count(f => f.OrganisationCode == provider && f.Month == 12 && has(f, code)), total);
                            }
                        }
                    }
                    themes.Add(theme);
                    known.Add(new ThemeKey(scope, organisation, dimension, code));
                    outbox.Publish(new ThemeDetected
                    {
                        ThemeId = theme.Id, IcbCode = icbCode, Scope = scope.ToString(), OrganisationCode = organisation.Length == 0 ? null : organisation,
                        Dimension = dimension.ToString(), Code = code, Month = theme.Month, Observed = theme.Observed, Expected = theme.Expected,
                    });
                    found++;
                }
            }
        }
        return await themes.SaveDetectedAsync(ct) ? found : 0;
    }

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
}
