using IcsComplaints.Reporting.Domain.Facts;

namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>An open complaint (received, neither responded to nor closed), as far as what is overdue needs it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="AcknowledgedOn">Acknowledged.</param>
/// <param name="AcknowledgementDueBy">Acknowledgement due.</param>
public sealed record OpenCase(Guid CaseId, string OrganisationCode, DateOnly? AcknowledgedOn, DateOnly? AcknowledgementDueBy);

/// <summary>What is overdue at a provider now.</summary>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="Acknowledgements">Complaints not acknowledged although the third working day has passed.</param>
/// <param name="Responses">Open complaints past their agreed response date or early-resolution target.</param>
/// <param name="Backstops">Open complaints past the six-month backstop.</param>
/// <param name="OldestDueOn">The oldest missed date.</param>
public sealed record OverdueSummary(string OrganisationCode, int Acknowledgements, int Responses, int Backstops, DateOnly? OldestDueOn)
{
    /// <summary>
    /// What is overdue today among a provider's open complaints and the deadlines found missed on them. A missed
    /// acknowledgement since made, or a missed update, is no longer overdue.
    /// </summary>
    public static OverdueSummary Of(string organisationCode, DateOnly today, IEnumerable<OpenCase> open, IEnumerable<MissedDeadline> missed)
    {
        var cases = open.Where(c => c.OrganisationCode == organisationCode).ToList();
        var caseIds = cases.Select(c => c.CaseId).ToHashSet();
        var missedHere = missed.Where(m => caseIds.Contains(m.CaseId)).ToList();
        var lateAcks = cases.Where(c => c.AcknowledgedOn is null && c.AcknowledgementDueBy < today).ToList();
        var lateResponses = missedHere.Where(m => m.Deadline is "Response" or "EarlyResolution").Select(m => m.CaseId).Distinct().Count();
        var backstops = missedHere.Where(m => m.Deadline == MissedDeadline.Backstop).Select(m => m.CaseId).Distinct().Count();
        var oldest = lateAcks.Select(c => c.AcknowledgementDueBy)
            .Concat(missedHere.Where(m => m.Deadline is "Response" or "EarlyResolution" or MissedDeadline.Backstop).Select(m => (DateOnly?)m.DueOn)).Min();
        return new OverdueSummary(organisationCode, lateAcks.Count, lateResponses, backstops, oldest);
    }
}
