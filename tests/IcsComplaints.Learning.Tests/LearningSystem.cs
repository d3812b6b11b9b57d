extern alias learning;
using IcsComplaints.DirectoryBacked.Tests;
using IcsComplaints.TestKit;
using LearningDbContext = learning::IcsComplaints.Learning.Api.Data.LearningDbContext;
using LearningProgram = learning::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.Learning.Tests.LearningSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.Learning.Tests;

/// <summary>The learning service, with intake's directory for the providers an ICB commissions.</summary>
public sealed class LearningSystem() : ServiceWithDirectory<LearningProgram, LearningDbContext>("learning", "learning", LearningDbContext.Schema)
{
    public ServiceHost<LearningProgram> Learning => Service;

    /// <summary>Runs a query against the learning database.</summary>
    public Task<T> InLearningDb<T>(Func<LearningDbContext, Task<T>> query) => Service.QueryAsync(query);
}
