namespace IcsComplaints.TestKit;

/// <summary>The permissions of one service's RabbitMQ user: regular expressions over exchange and queue names.</summary>
/// <param name="Configure">What it may declare, bind into and delete.</param>
/// <param name="Write">What it may publish to.</param>
/// <param name="Read">What it may consume from, or bind from.</param>
public sealed record BrokerPermission(string Configure, string Write, string Read);

/// <summary>
/// The table of every service's RabbitMQ permissions that deployments use, <c>deploy/rabbitmq/permissions.tsv</c>, so
/// tests run each service with exactly what it will have in production.
/// </summary>
public static class BrokerPermissions
{
    /// <summary>The table's path in the repository.</summary>
    public static readonly string TablePath = Repository.PathOf("deploy", "rabbitmq", "permissions.tsv");

    private static readonly Lazy<IReadOnlyDictionary<string, BrokerPermission>> Table = new(Load);

    /// <summary>Every service that has a user, by name.</summary>
    public static IReadOnlyDictionary<string, BrokerPermission> All => Table.Value;

    /// <summary>The permissions of one service's user.</summary>
    public static BrokerPermission Of(string service) =>
        All.TryGetValue(service, out var permission)
            ? permission
            : throw new InvalidOperationException($"{TablePath} has no line for the service '{service}'.");

    private static Dictionary<string, BrokerPermission> Load()
    {
        var table = new Dictionary<string, BrokerPermission>(StringComparer.Ordinal);
        foreach (var (line, number) in File.ReadLines(TablePath).Select((line, index) => (line, index + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != 4)
            {
                throw new InvalidOperationException($"{TablePath}, line {number}: {fields.Length} tab-separated fields, not 4.");
            }
            table.Add(fields[0], new BrokerPermission(fields[1], fields[2], fields[3]));
        }
        return table;
    }
}
