using System.Globalization;
using IcsComplaints.Bench.Common;

namespace IcsComplaints.Bench.Intake;

/// <summary>
/// Whether any statement the services sent under load touches more pages a call as complaints pile up: the same
/// statement (pg_stat_statements' query id) in the small and the large run of ./ics bench growth, its pages a call
/// (shared buffers hit or read) compared. Pages, unlike time, do not depend on what else the machine is doing, so this
/// is the comparison a shared CI machine can judge. An index lookup costs a level more at most when a table grows
/// twentyfold; a table or an index range read in full costs twenty times the pages.
/// </summary>
internal static class GrowingStatements
{
    /// <summary>The databases the growth benchmark fills with complaints already stored.</summary>
    public static readonly IReadOnlyList<string> Databases = ["intakedb", "casedb", "reportingdb"];

    // Fewer calls than this in either run, and a statement's pages a call say more about one call than about the table.
    private const int FewestCalls = 20;

    // An update that is no longer heap-only (HOT) writes every index of its table: tens of pages more a call, whatever
    // the table's size. A table of 100,000 complaints read in full is thousands of pages more.
    private const int SlackPages = 100;

    /// <summary>
    /// Prints, for each database, the statements compared whose pages a call grew most, and adds a verdict for each
    /// database: every statement keeps to <see cref="IssueTargets.Growth.PagesPerCall"/>, and at least one was compared.
    /// </summary>
    public static void Judge(
        Dictionary<(string, long, long, bool), StatementCost> small, Dictionary<(string, long, long, bool), StatementCost> large,
        double sizeRatio, Verdicts verdicts)
    {
        Console.WriteLine(Invariant($"Pages a call of each statement sent under load in both runs (pg_stat_statements, {sizeRatio:0.#} times the complaints stored in the second):"));
        // Two runs at nearly the same size would pass whatever the statements did.
        Console.WriteLine(Invariant($"{verdicts.Add("the large run holds at least ten times the small run's complaints", sizeRatio >= 10)}: {sizeRatio:0.#} times."));
        foreach (var database in Databases)
        {
            var compared = small
                .Where(s => s.Value.Database == database && s.Value.Calls >= FewestCalls && !Downstream.OwnStatements.Contains(s.Value.Query))
                .Select(s => (Small: s.Value, Large: large.GetValueOrDefault(s.Key)))
                .Where(pair => pair.Large is { Calls: >= FewestCalls })
                .Select(pair => new Compared(pair.Small, pair.Large!))
                .OrderByDescending(c => c.Growth)
                .ToList();
            var grown = compared.Where(c => !IssueTargets.Growth.PagesPerCall.IsMetBy(c.Growth) && c.Large.PagesPerCall() - c.Small.PagesPerCall() > SlackPages).ToList();
            Console.WriteLine();
            Console.WriteLine(Invariant($"{database}: {compared.Count} statements compared, the most grown first"));
            Console.WriteLine();
            Console.WriteLine("| pages a call, small | pages a call, large | large / small | calls small, large | statement |");
            Console.WriteLine("|---:|---:|---:|---:|---|");
            foreach (var c in compared.Take(5))
            {
                Console.WriteLine(Invariant(
                    $"| {c.Small.PagesPerCall():0.0} | {c.Large.PagesPerCall():0.0} | {c.Growth:0.00} | {c.Small.Calls:N0}, {c.Large.Calls:N0} | `{StatementProfile.OneLine(c.Small.Query, 140).Replace("|", "\\|", StringComparison.Ordinal)}` |"));
            }
            var verdict = verdicts.Add(
                Invariant($"{database}: every statement's {IssueTargets.Growth.PagesPerCall.Measure} {IssueTargets.Growth.PagesPerCall.Text} or at most {SlackPages} pages more, with {sizeRatio:0.#} times the complaints stored"),
                compared.Count > 0 && grown.Count == 0);
            Console.WriteLine();
            Console.WriteLine(compared.Count == 0
                ? $"{verdict}: no statement was called {FewestCalls} times in both runs, so nothing was compared."
                : Invariant($"{verdict}: {grown.Count} of {compared.Count} grew past the bound{(grown.Count > 0 ? ": " + string.Join("; ", grown.Select(g => StatementProfile.OneLine(g.Small.Query, 100))) : "")}."));
        }
    }

    // A statement that touched no page (a SET, a LISTEN) grows by nothing.
    private static double PagesPerCall(this StatementCost cost) => (double)cost.Pages / cost.Calls;

    private sealed record Compared(StatementCost Small, StatementCost Large)
    {
        // The small run's pages a call plus one, for the index level a twentyfold table may add.
        public double Growth => Large.PagesPerCall() / (Small.PagesPerCall() + 1);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
