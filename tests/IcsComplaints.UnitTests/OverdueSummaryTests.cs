using IcsComplaints.Reporting.Domain.Facts;
using IcsComplaints.Reporting.Domain.Measures;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="OverdueSummary"/>: what is overdue at a provider now, in counts and case by case, counted the same way.</summary>
public sealed class OverdueSummaryTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly Guid LateAck = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid LateResponse = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly Guid PastBackstop = Guid.Parse("00000000-0000-0000-0000-000000000003");
    private static readonly Guid OnTime = Guid.Parse("00000000-0000-0000-0000-000000000004");
    private static readonly Guid Elsewhere = Guid.Parse("00000000-0000-0000-0000-000000000005");

    private static readonly OpenCase[] Open =
    [
        new(LateAck, "RJ1", null, new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 26)),
        new(LateResponse, "RJ1", new DateOnly(2026, 9, 2), new DateOnly(2026, 9, 3), new DateOnly(2026, 8, 31)),
        new(PastBackstop, "RJ1", new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 5), new DateOnly(2026, 4, 30)),
        new(OnTime, "RJ1", null, Today, Today.AddDays(-3)),
        new(Elsewhere, "RJZ", null, new DateOnly(2026, 11, 1), new DateOnly(2026, 10, 28)),
    ];

    private static readonly MissedDeadline[] Missed =
    [
        new(LateResponse, "RJ1", "Response", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21)),
        new(LateResponse, "RJ1", "Update", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)),
        new(PastBackstop, "RJ1", "Response", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2)),
        new(PastBackstop, "RJ1", MissedDeadline.Backstop, new DateOnly(2026, 10, 30), new DateOnly(2026, 10, 31)),
    ];

    [Fact]
    public void TheOverdueCases_AreThoseTheSummaryCounts_OldestMissedDateFirst()
    {
        var cases = OverdueSummary.CasesOf("RJ1", Today, Open, Missed);

        Assert.Equal(
            [(PastBackstop, "Response Backstop", new DateOnly(2026, 9, 1)), (LateResponse, "Response", new DateOnly(2026, 11, 20)), (LateAck, "Acknowledgement", new DateOnly(2026, 12, 1))],
            cases.Select(c => (c.CaseId, string.Join(' ', c.Overdue), c.OldestDueOn)));
        var summary = OverdueSummary.Of("RJ1", Today, Open, Missed);
        Assert.Equal(
            (summary.Acknowledgements, summary.Responses, summary.Backstops, summary.OldestDueOn),
            (cases.Count(c => c.Overdue.Contains("Acknowledgement")), cases.Count(c => c.Overdue.Contains("Response")), cases.Count(c => c.Overdue.Contains("Backstop")),
                (DateOnly?)cases.Min(c => c.OldestDueOn)));
    }

    [Fact]
    public void AnOverdueCase_SaysWhenItWasReceived_AndNothingOfAnotherProvidersCases()
    {
        var cases = OverdueSummary.CasesOf("RJ1", Today, Open, Missed);

        Assert.DoesNotContain(cases, c => c.CaseId == Elsewhere || c.CaseId == OnTime);
        Assert.Equal(new DateOnly(2026, 11, 26), cases.Single(c => c.CaseId == LateAck).ReceivedOn);
    }
}
