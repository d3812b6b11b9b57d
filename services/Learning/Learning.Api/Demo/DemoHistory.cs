using System.Globalization;
using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Cases;
using IcsComplaints.Learning.Domain.Coding;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Learning.Api.Demo;

/// <summary>
/// A year of synthetic, HCAT-coded complaint history for demonstration providers, so a new user can see theme
/// detection work: about twenty coded complaints a month each, problems drawn at steady rates, and in the last month
/// communication problems at the first provider rise sharply. Marked <see cref="LearningCase.Synthetic"/>; never
/// in a calibration sample. Deterministic, and added once per provider.
/// </summary>
public static class DemoHistory
{
    private static readonly (string Category, double Rate, string SubjectArea)[] Problems =
    [
        ("quality", 0.30, "Patient care"),
        ("safety", 0.10, "Clinical treatment"),
        ("environment", 0.08, "Facilities services"),
        ("institutionalProcesses", 0.35, "Waiting times"),
        ("listening", 0.12, "Values and behaviours"),
        ("communication", 0.15, "Communications"),
        ("respect", 0.06, "Privacy, dignity and wellbeing"),
    ];

    /// <summary>Adds thirteen months of history ending with <paramref name="lastMonth"/> for each provider that has none; returns the complaints added.</summary>
    public static async Task<int> SeedAsync(LearningCaseStore cases, CodingStore codings, IReadOnlyList<string> providers, DateOnly lastMonth, CancellationToken ct)
    {
        var added = 0;
        foreach (var (provider, index) in providers.Select((p, i) => (p.ToUpperInvariant(), i)))
        {
            if (await cases.HasSyntheticHistoryAsync(provider, ct))
            {
                continue;
            }
            var random = new Random(4_2 + index);
            var serial = 0;
            for (var m = 12; m >= 0; m--)
            {
                var month = lastMonth.AddMonths(-m);
                var surge = m == 0 && index == 0;
                for (var n = 0; n < 20; n++)
                {
                    var caseId = Guid.CreateVersion7();
                    var day = month.AddDays(random.Next(0, DateTime.DaysInMonth(month.Year, month.Month)));
                    var severities = HcatScheme.CategoryKeys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
                    foreach (var (category, rate, _) in Problems)
                    {
                        var chance = surge && category == "communication" ? 0.7 : rate;
                        if (random.NextDouble() < chance)
                        {
                            severities[category] = random.Next(1, 4);
                        }
                    }
                    if (severities.Values.All(v => v == 0))
                    {
                        severities["institutionalProcesses"] = 1;
                    }
                    serial++;
                    cases.Add(LearningCase.Demonstration(
                        caseId, $"DEMO-{index}{serial:0000}", provider, day, day.AddDays(30), "Resolved",
                        Problems.Where(p => severities[p.Category] > 0).Select(p => p.SubjectArea)));
                    codings.Add(HcatCoding.Record(
                        caseId, provider, CodingSubject.Complaint, "demo-history", earlierCodings: 0, inCalibrationSample: false, day.AddDays(30),
                        severities, random.Next(0, 3), []));
                    added++;
                }
            }
        }
        // Both stores share the scope's one DbContext: this saves the cases and their codings together.
        await codings.SaveAsync(ct);
        return added;
    }
}

/// <summary>
/// <c>dotnet IcsComplaints.Learning.Api.dll demo-history RJ1 RJZ</c>: adds the synthetic history for those
/// providers, ending with last month. For demonstrations only (<c>./ics up</c> runs it); a real deployment never does.
/// </summary>
public sealed class DemoHistoryCommand(TimeProvider time) : IServiceCommand
{
    /// <inheritdoc />
    public string Name => "demo-history";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        if (args.Length == 0)
        {
            await Console.Error.WriteLineAsync("Usage: dotnet IcsComplaints.Learning.Api.dll demo-history <provider ODS code>...");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var today = LondonTime.Today(time);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var added = await DemoHistory.SeedAsync(
            scope.ServiceProvider.GetRequiredService<LearningCaseStore>(), scope.ServiceProvider.GetRequiredService<CodingStore>(), args, lastMonth, CancellationToken.None);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{added} synthetic coded complaints added"));
        return 0;
    }
}
