using System.Globalization;
using System.Text.Json;
using IcsComplaints.Bench.Common;

namespace IcsComplaints.Bench.Faults;

/// <summary>One complaint as the client sends it, and sends again byte for byte under the same key.</summary>
/// <param name="Number">Its number in the run.</param>
/// <param name="IdempotencyKey">The key it is always sent with.</param>
/// <param name="User">The demo handler who records it, at their own organisation.</param>
/// <param name="Oral">Made by phone: correspondence owes it the written record of an oral complaint (Reg 13(2)).</param>
/// <param name="Body">The JSON body.</param>
public sealed record PlannedComplaint(int Number, string IdempotencyKey, string User, bool Oral, string Body);

/// <summary>
/// Complaints from different people (names, contact details, valid NHS numbers, dates of birth) to the demo
/// directory's providers, each recorded by that provider's complaints handler by letter or by phone. The description
/// carries the run's marker, so the accounting can find every complaint the run made, answered or not.
/// </summary>
public sealed class VariedComplaints(string runId)
{
    // The demo providers with a handler of their own (./ics credentials): two trusts, a GP practice, a third trust.
    private static readonly string[] Providers = ["RJ1", "RJZ", "Y99901", "R0A"];
    private static readonly string[] Matters =
    [
        "The follow-up appointment was cancelled twice without explanation.",
        "Staff on the ward did not explain the change to my medication.",
        "I waited four hours in the emergency department without an update.",
        "My referral letter was sent to the wrong address.",
        "The discharge summary did not reach my GP practice.",
        "Reception refused to book an urgent appointment for my child.",
    ];
    private int _next;

    /// <summary>What every complaint of this run has in its description.</summary>
    public string Marker { get; } = $"Fault suite run {runId}";

    public IReadOnlyList<string> Users { get; } = Providers.Select(p => "handler." + p.ToLowerInvariant()).ToArray();

    public PlannedComplaint Next()
    {
        var number = Interlocked.Increment(ref _next);
        var random = Random.Shared;
        var provider = Providers[number % Providers.Length];
        var person = People.Draw(random, number);
        var oral = random.Next(3) == 0;
        var body = new Dictionary<string, object?>
        {
            ["organisationCode"] = provider,
            ["channel"] = oral ? "Phone" : "Letter",
            ["complainant"] = new Dictionary<string, object?>
            {
                ["name"] = person.Name,
                ["email"] = person.Email,
                ["phone"] = person.Phone,
            },
            ["patient"] = new Dictionary<string, object?>
            {
                ["name"] = person.Name,
                ["nhsNumber"] = person.NhsNumber,
                ["dateOfBirth"] = person.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            ["description"] = $"{Matters[random.Next(Matters.Length)]} ({Marker}, complaint {number}.)",
        };
        return new PlannedComplaint(number, $"faults-{runId}-{number}", "handler." + provider.ToLowerInvariant(), oral, JsonSerializer.Serialize(body));
    }
}
