using MassTransit;

namespace IcsComplaints.TestKit;

/// <summary>Events handed to one service's own queue, as its consumer receives them from the service that publishes them.</summary>
public static class OwnQueues
{
    /// <summary>
    /// Sends <paramref name="message"/> to the queue of <paramref name="service"/>'s consumer of it, named
    /// <c>{service}-{event in kebab case}</c>, so that only that service receives it.
    /// </summary>
    public static async Task SendAsync<T>(IBus bus, string service, T message)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(bus);
        var kebab = string.Concat(typeof(T).Name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
        var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{service}-{kebab}"));
        await endpoint.Send(message);
    }

    /// <summary>As <see cref="SendAsync{T}(IBus, string, T)"/>, with the message id given: sent twice, it is one message delivered twice.</summary>
    public static async Task SendAsync<T>(IBus bus, string service, T message, Guid messageId)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(bus);
        var kebab = string.Concat(typeof(T).Name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
        var endpoint = await bus.GetSendEndpoint(new Uri($"exchange:{service}-{kebab}"));
        await endpoint.Send(message, context => context.MessageId = messageId);
    }
}
