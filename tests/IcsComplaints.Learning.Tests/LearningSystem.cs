extern alias learning;
using System.Collections.Concurrent;
using Grpc.Core;
using IcsComplaints.DirectoryBacked.Tests;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using CommittedChange = learning::IcsComplaints.Learning.Api.Features.ProposeActions.CommittedChange;
using ICommittedChanges = learning::IcsComplaints.Learning.Api.Features.ProposeActions.ICommittedChanges;
using LearningDbContext = learning::IcsComplaints.Learning.Api.Data.LearningDbContext;
using LearningProgram = learning::Program;

[assembly: AssemblyFixture(typeof(IcsComplaints.Learning.Tests.LearningSystem))]
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace IcsComplaints.Learning.Tests;

/// <summary>
/// The learning service, with intake's directory for the providers an ICB commissions, and in place of case's
/// <c>CaseLearningService</c> the changes each test says a case's sent response committed to.
/// </summary>
public sealed class LearningSystem() : ServiceWithDirectory<LearningProgram, LearningDbContext>("learning", "learning", LearningDbContext.Schema)
{
    public ServiceHost<LearningProgram> Learning => Service;

    /// <summary>What case answers for the changes of a sent final response.</summary>
    public CaseChanges Case { get; } = new();

    /// <summary>Runs a query against the learning database.</summary>
    public Task<T> InLearningDb<T>(Func<LearningDbContext, Task<T>> query) => Service.QueryAsync(query);

    protected override void ConfigureServices(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<ICommittedChanges>(Case));

    /// <summary>Case, as learning reads it: the changes of each case's sent response, and whether case can be reached.</summary>
    public sealed class CaseChanges : ICommittedChanges
    {
        private readonly ConcurrentDictionary<Guid, IReadOnlyList<CommittedChange>> _sent = new();
        private int _reads;
        private int _failures;

        /// <summary>While false, every read fails as a call to an unreachable case does.</summary>
        public bool Reachable { get; set; } = true;

        /// <summary>How many reads case answered.</summary>
        public int Reads => _reads;

        /// <summary>How many reads failed because case could not be reached.</summary>
        public int Failures => _failures;

        /// <summary>The case's final response was sent with these changes, in this order.</summary>
        public void Sent(Guid caseId, params (string Action, DateOnly By)[] changes) =>
            _sent[caseId] = [.. changes.Select((c, i) => new CommittedChange(i, c.Action, c.By))];

        public Task<IReadOnlyList<CommittedChange>?> OfAsync(Guid caseId, CancellationToken ct)
        {
            if (!Reachable)
            {
                Interlocked.Increment(ref _failures);
                throw new RpcException(new Status(StatusCode.Unavailable, "case is not reachable"));
            }
            Interlocked.Increment(ref _reads);
            return Task.FromResult(_sent.TryGetValue(caseId, out var changes) ? changes : null);
        }
    }
}
