using System.Reflection;
using MassTransit;
using MassTransit.RetryPolicies;

namespace IcsComplaints.Messaging.Tests;

/// <summary>
/// The RabbitMQ transport's reconnect policy is replaced by one that retries within seconds (ADR 47), on the
/// MassTransit this project builds with: a MassTransit whose insides have moved fails here rather than in an outage.
/// </summary>
public sealed class BrokerReconnectionTests
{
    [Fact]
    public void TheTransportsReconnectPolicy_IsReplaced_ByOneThatWaitsAtMostThreeSeconds_AndRetriesTheSameFailures()
    {
        IRetryPolicy? before = null, after = null;
        var applied = false;
        // Building a bus configures it without connecting anywhere: no broker is needed.
        Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            before = BrokerReconnection.CurrentPolicy(rabbit);
            applied = BrokerReconnection.RetrySooner(rabbit);
            after = BrokerReconnection.CurrentPolicy(rabbit);
        });

        Assert.True(applied);
        var original = Assert.IsType<ExponentialRetryPolicy>(before);
        var shortened = Assert.IsType<ExponentialRetryPolicy>(after);
        Assert.NotSame(original, shortened);
        var intervals = (TimeSpan[])typeof(ExponentialRetryPolicy).GetField("_intervals", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(shortened)!;
        Assert.NotEmpty(intervals);
        Assert.All(intervals, interval => Assert.InRange(interval, TimeSpan.FromSeconds(1), BrokerReconnection.LongestInterval));
        Assert.Equal(original.RetryLimit, shortened.RetryLimit);
        var lost = new RabbitMqConnectionException("The broker went away.");
        Assert.True(original.IsHandled(lost));
        Assert.True(shortened.IsHandled(lost));
        var notRetried = new InvalidOperationException("Not a connection failure.");
        Assert.Equal(original.IsHandled(notRetried), shortened.IsHandled(notRetried));
    }
}
