extern alias cases;
extern alias intake;
using IcsComplaints.ComplaintHandling.Tests;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using CaseClosure = IcsComplaints.Case.Domain.Cases.CaseClosure;
using ComplaintImporter = intake::IcsComplaints.Intake.Api.Features.ImportComplaints.ComplaintImporter;
using ImportCommand = intake::IcsComplaints.Intake.Api.Features.ImportComplaints.ImportCommand;

namespace IcsComplaints.Intake.Tests;

/// <summary>
/// Bulk import of historical complaints from CSV, with the example file the README shows: valid rows are recorded
/// and routed like staff-recorded complaints, closed ones open closed cases for reporting, bad rows are reported
/// with the column and the reason, and a second run imports nothing twice.
/// </summary>
public sealed class ImportTests(ComplaintHandlingSystem system)
{
    private static readonly string Example = Repository.PathOf("docs", "examples", "historical-complaints.csv");

    [Fact]
    public async Task Import_RecordsTheValidRows_ReportsEachRejectedRowWithItsReason_AndARerunImportsNothingTwice()
    {
        var source = "legacy-" + Guid.NewGuid().ToString("N")[..8];
        var importer = ActivatorUtilities.CreateInstance<ComplaintImporter>(system.Intake.Services);

        var first = await importer.ImportAsync(Example, source, "import:test", progress: null, CancellationToken.None);

        Assert.Equal(10, first.Read);
        Assert.Equal(5, first.Imported);
        Assert.Equal(0, first.AlreadyImported);
        var reasons = first.Rejected.ToLookup(r => r.Line);
        Assert.Equal([6, 7, 8, 9, 11], reasons.Select(r => r.Key).Order());
        Assert.Equal("patient_nhs_number", Assert.Single(reasons[6]).Field);
        Assert.Equal("organisation_code", Assert.Single(reasons[7]).Field);
        Assert.Equal("closed_on", Assert.Single(reasons[8]).Field);
        Assert.Contains("line 2", Assert.Single(reasons[9]).Reason, StringComparison.Ordinal);
        Assert.Equal("received_on", Assert.Single(reasons[11]).Field);

        var imported = await system.InIntakeDb(db => db.Complaints.AsNoTracking().Where(c => c.ImportSource == source).ToListAsync());
        Assert.Equal(["LEG-0001", "LEG-0002", "LEG-0003", "LEG-0004", "LEG-0008"], imported.Select(c => c.ImportExternalId).Order(StringComparer.Ordinal));
        var viaIcb = imported.Single(c => c.ImportExternalId == "LEG-0003");
        Assert.Equal(["RJ1"], viaIcb.AboutOrganisationCodes);
        Assert.Equal(new DateOnly(2025, 3, 21), viaIcb.ReceivedOn);
        var resolved = imported.Single(c => c.ImportExternalId == "LEG-0001").Id;
        await Eventually.TrueAsync(
            async () => await system.InCaseDb(db => db.Cases.AnyAsync(c => c.ComplaintId == resolved && c.Closure == CaseClosure.Resolved && c.Outcome == IcsComplaints.Case.Domain.Cases.CaseOutcome.Upheld)),
            TimeSpan.FromSeconds(30), "the imported closed complaint has a closed case with its outcome");

        var second = await importer.ImportAsync(Example, source, "import:test", progress: null, CancellationToken.None);

        Assert.Equal(0, second.Imported);
        Assert.Equal(5, second.AlreadyImported);
        Assert.Equal(5, await system.InIntakeDb(db => db.Complaints.CountAsync(c => c.ImportSource == source)));
    }

    [Fact]
    public async Task ImportCommand_WritesTheRejectedRowsReport_AndExitsWith2WhenRowsWereRejected()
    {
        var report = Path.Combine(Path.GetTempPath(), $"rejected-{Guid.NewGuid():N}.csv");
        try
        {
            var exitCode = await new ImportCommand().RunAsync(
                [Example, "--source", "cmd-" + Guid.NewGuid().ToString("N")[..8], "--report", report], system.Intake.Services);

            Assert.Equal(2, exitCode);
            var lines = await File.ReadAllLinesAsync(report);
            Assert.Equal("line,external_id,field,reason", lines[0]);
            Assert.Equal(6, lines.Length);
            Assert.Contains(lines, l => l.StartsWith("7,LEG-0006,organisation_code,", StringComparison.Ordinal));
            Assert.Equal(1, await new ImportCommand().RunAsync([Example, "--source", "has spaces"], system.Intake.Services));
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public async Task Import_ReadsWhatTheComplainantWouldLikeToHappen_ByTheDescriptionsTextRules()
    {
        var source = "outcome-" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file,
            "external_id,organisation_code,received_on,complainant_name,description,desired_outcome\n" +
            "OUT-1,RJ1,2025-01-14,Maria Lopez,Discharged without my medicines.,An apology and a review of discharge checks.\n" +
            $"OUT-2,RJ1,2025-01-15,Sam Okafor,Appointment cancelled three times.,{new string('o', 20_001)}\n");
        try
        {
            var importer = ActivatorUtilities.CreateInstance<ComplaintImporter>(system.Intake.Services);

            var result = await importer.ImportAsync(file, source, "import:test", null, CancellationToken.None);

            Assert.Equal(1, result.Imported);
            var rejected = Assert.Single(result.Rejected);
            Assert.Equal(("OUT-2", "desired_outcome"), (rejected.ExternalId, rejected.Field));
            var stored = await system.InIntakeDb(db => db.Complaints.AsNoTracking().SingleAsync(c => c.ImportSource == source));
            Assert.Equal("An apology and a review of discharge checks.", stored.DesiredOutcome);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Import_RefusesAFileWithoutTheRequiredColumns()
    {
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "id,org,date\n1,RJ1,2025-01-01\n");
        try
        {
            var importer = ActivatorUtilities.CreateInstance<ComplaintImporter>(system.Intake.Services);

            var ex = await Assert.ThrowsAsync<IcsComplaints.Validation.RequestValidationException>(
                () => importer.ImportAsync(file, "bad-header", "import:test", null, CancellationToken.None));

            Assert.Contains("external_id", ex.Errors["header"][0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
