using IcsComplaints.ComplaintHandling.Tests;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Case.Tests;

/// <summary>
/// The questions every complaint makes the case service ask of its table, answered from an index rather than by
/// reading every case: "is there any case of this complaint" and "which cases does this complaint have".
/// </summary>
public sealed class CaseLookupPlanTests(ComplaintHandlingSystem system)
{
    [Fact]
    public async Task FindingTheCasesOfAComplaint_UsesAnIndex_ClosedCasesIncluded()
    {
        var plans = await system.InCaseDb(async db =>
        {
            var complaintId = Guid.NewGuid();
            // The queries as the service sends them (CaseStore, CaseReads), planned with sequential scans priced out: a
            // plan that still reads the table means no index can answer the question.
            var queries = new[]
            {
                $"SELECT EXISTS (SELECT 1 FROM \"case\".cases AS c WHERE c.complaint_id = '{complaintId}')",
                $"SELECT c.id FROM \"case\".cases AS c WHERE c.complaint_id = '{complaintId}'",
                $"SELECT c.id FROM \"case\".cases AS c WHERE c.complaint_id = '{complaintId}' ORDER BY c.opened_at DESC LIMIT 1",
            };
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            var found = new List<string>();
            foreach (var query in queries)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = "SET LOCAL enable_seqscan = off; EXPLAIN " + query;
                await using var reader = await command.ExecuteReaderAsync();
                var plan = new List<string>();
                while (await reader.ReadAsync())
                {
                    plan.Add(reader.GetString(0));
                }
                found.Add(string.Join("\n", plan));
            }
            return found;
        });

        Assert.All(plans, plan =>
        {
            Assert.Contains("ix_cases_complaint_id_all", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
        });
    }
}
