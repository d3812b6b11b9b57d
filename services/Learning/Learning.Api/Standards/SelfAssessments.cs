using IcsComplaints.Calendar;
using IcsComplaints.Directory;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.SelfAssessments;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Standards;

/// <summary>Ratings to record.</summary>
/// <param name="Ratings">One per expectation rated now; others stay as they were.</param>
public sealed record AssessmentRequest(List<RatingRequest>? Ratings);

/// <summary>A rating as sent.</summary>
/// <param name="ExpectationId">Expectation, e.g. <c>1.2</c>.</param>
/// <param name="Level">1–4.</param>
/// <param name="Evidence">Evidence.</param>
/// <param name="ImprovementActions">Improvement actions.</param>
public sealed record RatingRequest(string? ExpectationId, int? Level, string? Evidence, string? ImprovementActions);

/// <summary>A rating as shown.</summary>
/// <param name="ExpectationId">Expectation.</param>
/// <param name="Level">Level.</param>
/// <param name="Evidence">Evidence.</param>
/// <param name="ImprovementActions">Improvement actions.</param>
public sealed record RatingView(string ExpectationId, int Level, string? Evidence, string? ImprovementActions);

/// <summary>An assessment as shown.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Year">Financial year (first calendar year).</param>
/// <param name="Status">Status; <c>null</c> when not started.</param>
/// <param name="StartedOn">Started.</param>
/// <param name="SubmittedOn">Submitted.</param>
/// <param name="Ratings">Ratings.</param>
/// <param name="Unrated">Expectations not yet rated.</param>
/// <param name="SectionMeans">Mean level by section.</param>
public sealed record AssessmentView(
    string OrganisationCode, int Year, AssessmentStatus? Status, DateOnly? StartedOn, DateOnly? SubmittedOn, IReadOnlyList<RatingView> Ratings,
    IReadOnlyList<string> Unrated, IReadOnlyDictionary<string, double> SectionMeans);

/// <summary>An organisation against its own past and its peers.</summary>
/// <param name="OrganisationCode">ODS code.</param>
/// <param name="Year">Year.</param>
/// <param name="Current">This year, if submitted.</param>
/// <param name="PreviousYears">Earlier submitted years, newest first.</param>
/// <param name="Peers">Peers this year.</param>
public sealed record AssessmentComparison(string OrganisationCode, int Year, YearResult? Current, IReadOnlyList<YearResult> PreviousYears, PeerDistribution Peers);

/// <summary>A provider's assessment as its ICB sees it.</summary>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="Status">Draft, Submitted, or null when not started.</param>
/// <param name="SubmittedOn">Submitted.</param>
/// <param name="Levels">Level by expectation, when submitted.</param>
/// <param name="SectionMeans">Mean by section, when submitted.</param>
public sealed record ProviderAssessment(string OrganisationCode, AssessmentStatus? Status, DateOnly? SubmittedOn, IReadOnlyDictionary<string, int> Levels, IReadOnlyDictionary<string, double> SectionMeans);

/// <summary>
/// Self-assessment against the NHS Complaint Standards: one a year per organisation, each expectation rated 1–4
/// with evidence and improvement actions; compared with the organisation's own previous years and with its peers —
/// an ICB sees each of its providers, a provider only an anonymous distribution of its peers.
/// </summary>
public sealed class SelfAssessments(LearningDbContext db, IOutbox outbox, IAuditTrail audit, Commissioning commissioning, TimeProvider time)
{
    private static StandardsFramework Framework => StandardsFramework.Current;

    /// <summary>An organisation's assessment for the year.</summary>
    public async Task<AssessmentView> GetAsync(Caller caller, int year, string? organisationCode, CancellationToken ct)
    {
        CheckYear(year);
        var organisation = await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.OrganisationReaders, ct);
        var assessment = await db.SelfAssessments.AsNoTracking().Include(a => a.Ratings).FirstOrDefaultAsync(a => a.OrganisationCode == organisation && a.Year == year, ct);
        if (assessment is null)
        {
            // Not started: every expectation still to rate.
            return new AssessmentView(organisation, year, null, null, null, [], [.. Framework.AllExpectations.Select(e => e.Id)], new Dictionary<string, double>());
        }
        await audit.RecordReadAsync(LearningResources.SelfAssessment, $"{organisation}:{year}", organisation, ct);
        return View(assessment);
    }

    /// <summary>Records ratings on the caller's organisation's draft for the year, starting it if needed.</summary>
    public async Task<AssessmentView> RateAsync(Caller caller, int year, AssessmentRequest? input, CancellationToken ct)
    {
        CheckYear(year);
        var organisation = Own(caller);
        var errors = new ValidationErrors();
        var ids = Framework.AllExpectations.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        if (input?.Ratings is not { Count: > 0 } ratings)
        {
            throw new RequestValidationException("ratings", "Rate at least one expectation.");
        }
        var evidence = new string?[ratings.Count];
        var improvements = new string?[ratings.Count];
        foreach (var (r, i) in ratings.Select((r, i) => (r, i)))
        {
            if (r is null)
            {
                errors.Add($"ratings[{i}]", "Give the rating as an object: expectationId, level, evidence, improvementActions.");
                continue;
            }
            if (r.ExpectationId is null || !ids.Contains(r.ExpectationId))
            {
                errors.Add($"ratings[{i}].expectationId", "Not an expectation of the framework (GET /api/v1/learning/standards).");
            }
            else if (ratings.Take(i).Any(p => p?.ExpectationId == r.ExpectationId))
            {
                errors.Add($"ratings[{i}].expectationId", "Rated twice in one request.");
            }
            if (r.Level is not (>= 1 and <= 4))
            {
                errors.Add($"ratings[{i}].level", "Rate 1 (not in place) to 4 (embedded and improving).");
            }
            evidence[i] = TextRules.Read(r.Evidence, $"ratings[{i}].evidence", errors, 4_000);
            improvements[i] = TextRules.Read(r.ImprovementActions, $"ratings[{i}].improvementActions", errors, 4_000);
        }
        errors.ThrowIfAny();
        var assessment = await db.SelfAssessments.Include(a => a.Ratings).FirstOrDefaultAsync(a => a.OrganisationCode == organisation && a.Year == year, ct);
        if (assessment is null)
        {
            assessment = new SelfAssessment
            {
                OrganisationCode = organisation, OrganisationType = caller.OrganisationType ?? "", Year = year, StartedOn = LondonTime.Today(time),
            };
            db.SelfAssessments.Add(assessment);
        }
        if (assessment.Status == AssessmentStatus.Submitted)
        {
            throw new RequestStateException($"The {Label(year)} self-assessment was submitted on {assessment.SubmittedOn:yyyy-MM-dd}; it no longer changes.");
        }
        foreach (var (r, i) in ratings.Select((r, i) => (r!, i)))
        {
            var rating = assessment.Ratings.FirstOrDefault(x => x.ExpectationId == r.ExpectationId);
            if (rating is null)
            {
                rating = new SelfAssessmentRating { ExpectationId = r.ExpectationId! };
                assessment.Ratings.Add(rating);
            }
            rating.Level = r.Level!.Value;
            rating.Evidence = evidence[i];
            rating.ImprovementActions = improvements[i];
        }
        audit.Record(AuditAction.Update, LearningResources.SelfAssessment, $"{organisation}:{year}", organisation);
        await db.SaveChangesAsync(ct);
        return View(assessment);
    }

    /// <summary>Submits the year's assessment: every expectation rated with evidence, and improvement actions where it is not yet established.</summary>
    public async Task<AssessmentView> SubmitAsync(Caller caller, int year, CancellationToken ct)
    {
        CheckYear(year);
        var organisation = Own(caller);
        var assessment = await db.SelfAssessments.Include(a => a.Ratings).FirstOrDefaultAsync(a => a.OrganisationCode == organisation && a.Year == year, ct)
            ?? throw new RequestStateException("Nothing to submit: rate the expectations first (PUT).");
        if (assessment.Status == AssessmentStatus.Submitted)
        {
            throw new RequestStateException($"Already submitted on {assessment.SubmittedOn:yyyy-MM-dd}.");
        }
        var errors = new ValidationErrors();
        foreach (var expectation in Framework.AllExpectations)
        {
            var rating = assessment.Ratings.FirstOrDefault(r => r.ExpectationId == expectation.Id);
            if (rating is null)
            {
                errors.Add($"ratings.{expectation.Id}", "Not rated yet.");
            }
            else if (rating.Evidence is null)
            {
                errors.Add($"ratings.{expectation.Id}.evidence", "Give the evidence for the rating.");
            }
            else if (rating.Level <= 2 && rating.ImprovementActions is null)
            {
                errors.Add($"ratings.{expectation.Id}.improvementActions", "Say what will improve an expectation rated below established.");
            }
        }
        errors.ThrowIfAny();
        assessment.Status = AssessmentStatus.Submitted;
        assessment.SubmittedOn = LondonTime.Today(time);
        assessment.SubmittedBy = caller.SubjectId;
        outbox.Publish(new SelfAssessmentSubmitted
        {
            OrganisationCode = organisation, Year = year, SubmittedOn = assessment.SubmittedOn.Value, SectionMeans = PeerComparison.SectionMeans(Levels(assessment)),
        });
        audit.Record(AuditAction.Update, LearningResources.SelfAssessment, $"{organisation}:{year}", organisation);
        await db.SaveChangesAsync(ct);
        return View(assessment);
    }

    /// <summary>The organisation against its previous years and the anonymous distribution of its peers.</summary>
    public async Task<AssessmentComparison> CompareAsync(Caller caller, int year, string? organisationCode, CancellationToken ct)
    {
        CheckYear(year);
        var organisation = await commissioning.ResolveAsync(caller, organisationCode, LearningAccess.OrganisationReaders, ct);
        var own = await db.SelfAssessments.AsNoTracking().Include(a => a.Ratings)
            .Where(a => a.OrganisationCode == organisation && a.Status == AssessmentStatus.Submitted && a.Year <= year)
            .OrderByDescending(a => a.Year).ToListAsync(ct);
        var type = own.FirstOrDefault()?.OrganisationType
            ?? await db.SelfAssessments.Where(a => a.OrganisationCode == organisation).Select(a => a.OrganisationType).FirstOrDefaultAsync(ct)
            ?? (string.Equals(organisation, caller.OrganisationCode, StringComparison.OrdinalIgnoreCase) ? caller.OrganisationType : null);
        var peers = type is null
            ? []
            : await db.SelfAssessments.AsNoTracking().Include(a => a.Ratings)
                .Where(a => a.Year == year && a.Status == AssessmentStatus.Submitted && a.OrganisationType == type && a.OrganisationCode != organisation)
                .ToListAsync(ct);
        var current = own.FirstOrDefault(a => a.Year == year);
        return new AssessmentComparison(
            organisation, year, current is null ? null : Result(current), [.. own.Where(a => a.Year < year).Select(Result)], PeerComparison.Distribution(peers));
    }

    /// <summary>For an ICB: each provider it commissions, with its assessment for the year.</summary>
    public async Task<IReadOnlyList<ProviderAssessment>> ProvidersAsync(Caller caller, int year, CancellationToken ct)
    {
        CheckYear(year);
        if (!LearningAccess.IsIcbOverseer(caller))
        {
            throw new RequestForbiddenException("An ICB's commissioners and quality leads compare its providers.");
        }
        var providers = await commissioning.ProvidersOfAsync(caller.OrganisationCode!, ct);
        var assessments = await db.SelfAssessments.AsNoTracking().Include(a => a.Ratings)
            .Where(a => a.Year == year && providers.Contains(a.OrganisationCode)).ToDictionaryAsync(a => a.OrganisationCode, ct);
        return [.. providers.Order(StringComparer.Ordinal).Select(p => assessments.TryGetValue(p, out var a)
            ? a.Status == AssessmentStatus.Submitted
                ? new ProviderAssessment(p, a.Status, a.SubmittedOn, Levels(a), PeerComparison.SectionMeans(Levels(a)))
                : new ProviderAssessment(p, a.Status, null, new Dictionary<string, int>(), new Dictionary<string, double>())
            : new ProviderAssessment(p, null, null, new Dictionary<string, int>(), new Dictionary<string, double>()))];
    }

    private static Dictionary<string, int> Levels(SelfAssessment a) => a.Ratings.ToDictionary(r => r.ExpectationId, r => r.Level, StringComparer.Ordinal);

    private static YearResult Result(SelfAssessment a) => new(a.Year, Levels(a), PeerComparison.SectionMeans(Levels(a)));

    private static AssessmentView View(SelfAssessment a) => new(
        a.OrganisationCode, a.Year, a.Status, a.StartedOn, a.SubmittedOn,
        [.. a.Ratings.OrderBy(r => r.ExpectationId, StringComparer.Ordinal).Select(r => new RatingView(r.ExpectationId, r.Level, r.Evidence, r.ImprovementActions))],
        [.. Framework.AllExpectations.Select(e => e.Id).Where(id => a.Ratings.All(r => r.ExpectationId != id))],
        PeerComparison.SectionMeans(Levels(a)));

    private static string Own(Caller caller)
    {
        if (caller.OrganisationCode is not { } organisation || !caller.ActsFor(organisation, LearningAccess.Governance))
        {
            throw new RequestForbiddenException("The quality lead or responsible person completes the organisation's self-assessment.");
        }
        return organisation;
    }

    private void CheckYear(int year)
    {
        var today = LondonTime.Today(time);
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        if (year < 2020 || year > current)
        {
            throw new RequestValidationException("year", $"A financial year from 2020 (2020-21) to {current} ({Label(current)}), by its first calendar year.");
        }
    }

    private static string Label(int year) => $"{year}-{(year + 1) % 100:00}";
}
