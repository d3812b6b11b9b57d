using IcsComplaints.Calendar;
using IcsComplaints.Reporting.Domain.Facts;
using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Data;

/// <summary>Reads what the measures of a period are worked out from (<see cref="MeasureDefinitions"/>), one query per kind of fact.</summary>
public sealed class MeasureQueries(ReportingDbContext db, TimeProvider time)
{
    /// <summary>The measures for each of the organisations, and for all of them together (keyed by <paramref name="together"/>), in a period.</summary>
    public async Task<IReadOnlyList<MeasureSet>> ComputeAsync(IReadOnlyCollection<string> organisations, ReportingPeriod period, string? together, CancellationToken ct)
    {
        var today = LondonTime.Today(time);
        return MeasureDefinitions.Calculate(await InputsAsync(organisations, period, together, ct), organisations, period, together, today);
    }

    /// <summary>The facts of the period for the organisations, and the ICB's own system themes when <paramref name="together"/> names it.</summary>
    public async Task<MeasureInputs> InputsAsync(IReadOnlyCollection<string> organisations, ReportingPeriod period, string? together, CancellationToken ct)
    {
        var orgs = organisations.ToList();
        var received = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn >= period.From && c.ReceivedOn <= period.To
                && (c.Closure == null || !Ko41Counting.NotCounted.Contains(c.Closure)))
            .Select(c => new ReceivedCase(c.CaseId, c.OrganisationCode, c.Channel ?? "Unknown", c.AcknowledgedInTime, c.AcknowledgementDueBy, c.Advocacy))
            .ToListAsync(ct);
        var responded = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ResponseSentOn >= period.From && c.ResponseSentOn <= period.To)
            .Select(c => new RespondedCase(c.OrganisationCode, c.ResolvedEarly == true, c.WorkingDaysTaken, c.ByAgreedDate, c.Renegotiations, c.Outcome, c.Reopened, c.DraftReviews))
            .ToListAsync(ct);
        // By the backstop's own last day, not the day the scan found it passed: a complaint stalled in June is June's,
        // even when the scan first ran later (after an outage, or on history loaded at once). A response case recorded
        // as within the backstop, or a closure by then, outweighs a finding the scan made before either was recorded
        // (steps entered after the day they happened, ADR 30).
        var backstops = await db.MissedDeadlines.AsNoTracking()
            .Where(m => orgs.Contains(m.OrganisationCode) && m.Deadline == MissedDeadline.Backstop && m.DueOn >= period.From && m.DueOn <= period.To
                && !db.Cases.Any(c => c.CaseId == m.CaseId && (c.WithinBackstop == true || c.ClosedOn <= m.DueOn)))
            .Select(m => m.OrganisationCode).ToListAsync(ct);
        var ombudsman = await db.Cases.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.OmbudsmanOn >= period.From && c.OmbudsmanOn <= period.To)
            .Select(c => c.OrganisationCode).ToListAsync(ct);
        var receivedIds = received.Select(r => r.CaseId).ToList();
        var staff = await db.Staff.AsNoTracking().Where(s => receivedIds.Contains(s.CaseId))
            .Select(s => new StaffRecord(s.OrganisationCode, s.Told, s.SupportOffered)).ToListAsync(ct);
        var firstMonth = period.FirstMonth;
        var survey = await db.SurveyAnswers.AsNoTracking()
            .Where(s => orgs.Contains(s.OrganisationCode) && s.Kind == SurveyAnswer.Complainant && s.Month >= firstMonth && s.Month <= period.To)
            .Select(s => new SurveyResponse(s.OrganisationCode, s.Question, s.Answer)).ToListAsync(ct);
        var themes = await db.Themes.AsNoTracking()
            .Where(t => (orgs.Contains(t.OrganisationCode) || (together != null && t.IcbCode == together && t.OrganisationCode == "")) && t.Month >= firstMonth && t.Month <= period.To)
            .Select(t => t.OrganisationCode).ToListAsync(ct);
        // A concern that became a complaint is counted as that complaint only.
        var concerns = await db.Concerns.AsNoTracking()
            .Where(c => orgs.Contains(c.OrganisationCode) && c.ReceivedOn >= period.From && c.ReceivedOn <= period.To && !c.BecameComplaint)
            .Select(c => c.OrganisationCode).ToListAsync(ct);
        return new MeasureInputs(received, responded, backstops, ombudsman, staff, survey, themes, concerns);
    }
}
