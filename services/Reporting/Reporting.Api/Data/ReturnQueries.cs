using IcsComplaints.Reporting.Domain.Measures;
using IcsComplaints.Reporting.Domain.Returns;
using IcsComplaints.Reporting.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Reporting.Api.Data;

/// <summary>Reads what a KO41 return and an annual report are worked out from.</summary>
public sealed class ReturnQueries(ReportingDbContext db)
{
    /// <summary>
    /// An organisation's countable complaints that matter to a year's return: received by its end, and still open,
    /// or resolved or closed in or after the year (older history does not).
    /// </summary>
    public async Task<IReadOnlyList<Ko41Case>> Ko41CasesAsync(string organisationCode, ReportingPeriod year, CancellationToken ct) =>
        await db.Cases.AsNoTracking()
            .Where(c => c.OrganisationCode == organisationCode && c.ReceivedOn != null && c.ReceivedOn <= year.To
                && (c.Closure == null || !Ko41Counting.NotCounted.Contains(c.Closure))
                && ((c.ResponseSentOn == null && c.ClosedOn == null) || c.ResponseSentOn >= year.From || c.ClosedOn >= year.From))
            .Select(c => new Ko41Case(
                c.ReceivedOn!.Value, c.ResponseSentOn, c.ClosedOn, c.Outcome, c.SiteOdsCode, c.AgeBand, c.ComplainantStatus, c.ServiceArea,
                c.Subjects, c.Professions, c.ClinicalSubCategories))
            .ToListAsync(ct);

    /// <summary>The subject areas of each countable complaint the organisations received in the period.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> SubjectsAsync(IReadOnlyCollection<string> organisationCodes, ReportingPeriod period, CancellationToken ct) =>
    [
        .. await db.Cases.AsNoTracking()
            .Where(c => organisationCodes.Contains(c.OrganisationCode) && c.ReceivedOn >= period.From && c.ReceivedOn <= period.To
                && (c.Closure == null || !Ko41Counting.NotCounted.Contains(c.Closure)))
            .Select(c => c.Subjects).ToListAsync(ct),
    ];

    /// <summary>The themes detected for the organisations in the period's months, in month order.</summary>
    public async Task<IReadOnlyList<ReportedTheme>> ThemesAsync(IReadOnlyCollection<string> organisationCodes, ReportingPeriod period, CancellationToken ct)
    {
        var firstMonth = period.FirstMonth;
        return await db.Themes.AsNoTracking()
            .Where(t => organisationCodes.Contains(t.OrganisationCode) && t.Month >= firstMonth && t.Month <= period.To)
            .OrderBy(t => t.Month).Select(t => new ReportedTheme(t.Month, t.Dimension, t.Code, t.Shared)).ToListAsync(ct);
    }

    /// <summary>The organisations' learning actions.</summary>
    public async Task<IReadOnlyList<ReportedAction>> ActionsAsync(IReadOnlyCollection<string> organisationCodes, CancellationToken ct) =>
        await db.Actions.AsNoTracking().Where(a => organisationCodes.Contains(a.OrganisationCode))
            .Select(a => new ReportedAction(a.RaisedOn, a.CompletedOn, a.Published)).ToListAsync(ct);
}
