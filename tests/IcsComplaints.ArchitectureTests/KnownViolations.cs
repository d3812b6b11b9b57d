using NetArchTest.Rules;

namespace IcsComplaints.ArchitectureTests
{
    /// <summary>
    /// The rules, applied to code that breaks them on purpose (below): a test that cannot fail proves nothing, so each
    /// rule is shown to catch its violation.
    /// </summary>
    public sealed class KnownViolations
    {
        [Fact]
        public void TheDomainRule_CatchesADomainThatUsesEfCore() =>
            Assert.False(Types.InCurrentDomain().That().ResideInNamespace("IcsComplaints.Example.Domain")
                .ShouldNot().HaveDependencyOnAny(ServiceShapeTests.Frameworks).GetResult().IsSuccessful);

        [Fact]
        public void TheEndpointRule_CatchesAConsumerCallingAnEndpoint() =>
            Assert.False(Types.InCurrentDomain().That().ResideInNamespace("IcsComplaints.Example.Api.Consumers")
                .ShouldNot().HaveDependencyOnAny("IcsComplaints.Example.Api.Api", "IcsComplaints.Example.Api.Grpc").GetResult().IsSuccessful);

        [Fact]
        public void TheDataRule_CatchesAFeatureThatQueriesWithEfCore() =>
            Assert.False(Types.InCurrentDomain().That().ResideInNamespace("IcsComplaints.Example.Api.Features")
                .ShouldNot().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetResult().IsSuccessful);
    }
}

// Deliberate violations, one per rule.
namespace IcsComplaints.Example.Domain
{
    /// <summary>A domain type that knows its database: not allowed.</summary>
    public sealed class LeakyComplaint
    {
        /// <summary>An EF Core type in the domain.</summary>
        public Microsoft.EntityFrameworkCore.DbContext? Database { get; init; }
    }
}

namespace IcsComplaints.Example.Api.Api
{
    /// <summary>A REST endpoint.</summary>
    public static class ComplaintsEndpoint
    {
        /// <summary>What a consumer must not call.</summary>
        public static string Describe() => "endpoint";
    }
}

namespace IcsComplaints.Example.Api.Consumers
{
    /// <summary>A consumer calling an endpoint instead of a feature: not allowed.</summary>
    public static class CallingConsumer
    {
        /// <summary>The call.</summary>
        public static string Handle() => IcsComplaints.Example.Api.Api.ComplaintsEndpoint.Describe();
    }
}

namespace IcsComplaints.Example.Api.Features
{
    /// <summary>A feature querying with EF Core instead of through Data/: not allowed.</summary>
    public static class QueryingFeature
    {
        /// <summary>The query.</summary>
        public static Task<int> CountAsync(IQueryable<int> source) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(source);
    }
}
