extern alias reporting;
using IcsComplaints.DirectoryBacked.Tests;
using IcsComplaints.TestKit;
using ReportingDbContext = reporting::IcsComplaints.Reporting.Api.Data.ReportingDbContext;
using ReportingProgram = reporting::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.Reporting.Tests.ReportingSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.Reporting.Tests;

/// <summary>The reporting service, with intake's directory for the organisations it reports on.</summary>
public sealed class ReportingSystem() : ServiceWithDirectory<ReportingProgram, ReportingDbContext>("reporting", "reporting", ReportingDbContext.Schema)
{
    public ServiceHost<ReportingProgram> Reporting => Service;

    /// <summary>Runs a query against the reporting database.</summary>
    public Task<T> InReportingDb<T>(Func<ReportingDbContext, Task<T>> query) => Service.QueryAsync(query);
}
