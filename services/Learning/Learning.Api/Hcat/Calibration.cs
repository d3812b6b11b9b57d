using System.Security.Cryptography;
using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Hcat;

/// <summary>A calibration sample to draw.</summary>
/// <param name="From">First day received.</param>
/// <param name="To">Last day received.</param>
/// <param name="Size">How many complaints (1–200).</param>
public sealed record SampleRequest(DateOnly? From, DateOnly? To, int? Size);

/// <summary>A complaint waiting for its second coding.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="ReceivedOn">Received.</param>
/// <param name="RequestedOn">Put in the sample.</param>
public sealed record SecondCodingItem(Guid CaseId, string Reference, DateOnly ReceivedOn, DateOnly RequestedOn);

/// <summary>Agreement on one category.</summary>
/// <param name="Category">Category key, or <c>harm</c>.</param>
/// <param name="Agreement">The statistics.</param>
/// <param name="Strength">Landis and Koch's word for the kappa.</param>
public sealed record CategoryAgreementView(string Category, AgreementResult Agreement, string Strength);

/// <summary>How alike one organisation's coders code.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="From">First day received.</param>
/// <param name="To">Last day received.</param>
/// <param name="Pairs">Complaints coded independently by two people.</param>
/// <param name="Categories">Agreement per category, then on harm.</param>
public sealed record CalibrationView(string OrganisationCode, DateOnly From, DateOnly To, int Pairs, IReadOnlyList<CategoryAgreementView> Categories);

/// <summary>
/// Calibration: a quality lead draws a random sample of complaints already coded once, a second person codes each
/// without seeing the first coding, and the service reports agreement per category as Cohen's kappa (and its
/// weighted form, as severity is ordinal), so an organisation — and its ICB — can see whether coders code alike.
/// </summary>
public sealed class Calibration(LearningCaseStore cases, CalibrationQueries queries, Commissioning commissioning, TimeProvider time)
{
    /// <summary>Draws the sample: complaints of the caller's organisation received in the period, coded once, not yet sampled.</summary>
    public async Task<IReadOnlyList<SecondCodingItem>> DrawSampleAsync(Caller caller, SampleRequest? input, CancellationToken ct)
    {
        if (caller.OrganisationCode is not { } organisation || !caller.ActsFor(organisation, LearningAccess.Governance))
        {
            throw new RequestForbiddenException("The quality lead or responsible person draws calibration samples.");
        }
        var errors = new ValidationErrors();
        if (input?.Size is not (>= 1 and <= 200))
        {
            errors.Add("size", "Sample 1 to 200 complaints.");
        }
        var (from, to) = Period(input?.From, input?.To, errors);
        errors.ThrowIfAny();
        var candidates = await cases.SampleCandidatesAsync(organisation, from, to, ct);
        // A random sample, not the most recent, so the coders cannot tell which complaints will be compared.
        var today = LondonTime.Today(time);
        var chosen = candidates.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).Take(input!.Size!.Value).ToList();
        foreach (var c in chosen)
        {
            c.RequestSecondCoding(today);
        }
        await cases.SaveAsync(ct);
        return [.. chosen.OrderBy(c => c.ReceivedOn).Select(c => new SecondCodingItem(c.CaseId, c.Reference, c.ReceivedOn, today))];
    }

    /// <summary>Complaints of the caller's organisation waiting for a second coding that the caller did not code first.</summary>
    public async Task<IReadOnlyList<SecondCodingItem>> QueueAsync(Caller caller, CancellationToken ct)
    {
        if (caller.OrganisationCode is not { } organisation || !caller.ActsFor(organisation, LearningAccess.Coders))
        {
            throw new RequestForbiddenException("Complaints are coded by the complaints team and quality lead.");
        }
        var subject = caller.SubjectId;
        var waiting = await queries.WaitingForSecondCodingAsync(organisation, subject, 200, ct);
        return [.. waiting.Select(c => new SecondCodingItem(c.CaseId, c.Reference, c.ReceivedOn, c.SecondCodingRequestedOn!.Value))];
    }

    /// <summary>Agreement for one organisation the caller may see, or for every provider of the caller's ICB.</summary>
    public async Task<IReadOnlyList<CalibrationView>> ReportAsync(Caller caller, string? organisationCode, DateOnly? fromDay, DateOnly? toDay, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var (from, to) = Period(fromDay, toDay, errors);
        errors.ThrowIfAny();
        IReadOnlyCollection<string> organisations = string.IsNullOrWhiteSpace(organisationCode) && LearningAccess.IsIcbOverseer(caller)
            ? [.. (await commissioning.ProvidersOfAsync(caller.OrganisationCode!, ct)).Order(StringComparer.Ordinal)]
            : [await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.Governance, ct)];
        var codings = await queries.ComplaintCodingsAsync(organisations, from, to, ct);
        return [.. organisations.Select(org =>
        {
            var pairs = codings.Where(x => x.OrganisationCode == org).GroupBy(x => x.CaseId)
                .Select(g => (First: g.FirstOrDefault(x => !x.Independent), Second: g.FirstOrDefault(x => x.Independent)))
                .Where(p => p.First is not null && p.Second is not null)
                .Select(p => (First: p.First!, Second: p.Second!))
                .ToList();
            var categories = HcatScheme.CategoryKeys
                .Select(k => (Key: k, Result: Agreement.Of([.. pairs.Select(p => (p.First.Severity(k), p.Second.Severity(k)))], HcatScheme.Severity.Count)))
                .Append((Key: "harm", Result: Agreement.Of([.. pairs.Select(p => (p.First.Harm ?? 0, p.Second.Harm ?? 0))], HcatScheme.Harm.Count)))
                .Select(x => new CategoryAgreementView(x.Key, x.Result, Agreement.Describe(x.Result.Kappa)))
                .ToList();
            return new CalibrationView(org, from, to, pairs.Count, categories);
        })];
    }

    private (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to, ValidationErrors errors)
    {
        var today = LondonTime.Today(time);
        if (from is { } f && !DateRules.Within(f, "from", errors, DateRules.FirstCalendarDay, DateRules.LastCalendarDay) ||
            to is { } t && !DateRules.Within(t, "to", errors, DateRules.FirstCalendarDay, DateRules.LastCalendarDay))
        {
            return (today, today);
        }
        var end = to ?? today;
        var start = from ?? end.AddMonths(-12).AddDays(1);
        if (start > end)
        {
            errors.Add("from", "The period starts after it ends.");
        }
        return (start, end);
    }
}
