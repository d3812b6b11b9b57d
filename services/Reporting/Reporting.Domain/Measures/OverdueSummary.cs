using IcsComplaints.Reporting.Domain.Facts;

namespace IcsComplaints.Reporting.Domain.Measures;

/// <summary>An open complaint (received, neither responded to nor closed), as far as what is overdue needs it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="AcknowledgedOn">Acknowledged.</param>
/// <param name="AcknowledgementDueBy">Acknowledgement due.</param>
/// <param name="ReceivedOn">Received.</param>
public sealed record OpenCase(Guid CaseId, string OrganisationCode, DateOnly? AcknowledgedOn, DateOnly? AcknowledgementDueBy, DateOnly? ReceivedOn);

/// <summary>
/// One overdue complaint at a provider, as an ICB may see it: the case, when it was received and what is overdue
/// since when; nothing about the complainant or what the complaint says.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="OrganisationCode">Provider.</param>
/// <param name="ReceivedOn">Received.</param>
/// <param name="Overdue">What is overdue: Acknowledgement, Response (the agreed date or the early-resolution target), Backstop.</param>
/// <param name="OldestDueOn">The oldest missed date.</param>
public sealed record OverdueCase(Guid CaseId, string OrganisationCode, DateOnly? ReceivedOn, IReadOnlyList<string> Overdue, DateOnly OldestDueOn);

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

    /// <summary>
    /// The provider's overdue complaints behind its summary (<see cref="Of"/> counts them the same way), oldest missed
    /// date first.
    /// </summary>
    public static IReadOnlyList<OverdueCase> CasesOf(string organisationCode, DateOnly today, IEnumerable<OpenCase> open, IEnumerable<MissedDeadline> missed)
    {
        var missedByCase = missed.ToLookup(m => m.CaseId);
        var overdue = new List<OverdueCase>();
        foreach (var c in open.Where(c => c.OrganisationCode == organisationCode))
        {
            var dates = new List<(string What, DateOnly DueOn)>();
            if (c.AcknowledgedOn is null && c.AcknowledgementDueBy is { } ackDue && ackDue < today)
            {
                dates.Add(("Acknowledgement", ackDue));
            }
            foreach (var m in missedByCase[c.CaseId].Where(m => m.Deadline is "Response" or "EarlyResolution" or MissedDeadline.Backstop))
            {
                dates.Add((m.Deadline == MissedDeadline.Backstop ? MissedDeadline.Backstop : "Response", m.DueOn));
            }
            if (dates.Count > 0)
            {
                overdue.Add(new OverdueCase(c.CaseId, organisationCode, c.ReceivedOn, [.. dates.Select(d => d.What).Distinct()], dates.Min(d => d.DueOn)));
            }
        }
        return [.. overdue.OrderBy(o => o.OldestDueOn).ThenBy(o => o.CaseId)];
    }
}
