using System.Globalization;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Validation;
using Spectre.Console;

namespace IcsComplaints.Intake.Api.Features.ImportComplaints;

/// <summary>
/// <c>import FILE --source NAME [--report FILE]</c>: loads historical complaints from a CSV file with a progress bar,
/// and writes the rejected rows with their reasons next to it (<c>FILE.rejected.csv</c>). Exit code 0 when every row
/// was imported or had been already, 2 when some were rejected, 1 when the file could not be read.
/// </summary>
public sealed class ImportCommand : IServiceCommand
{
    /// <inheritdoc />
    public string Name => "import";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        if (!TryParse(args, out var file, out var source, out var report))
        {
            AnsiConsole.MarkupLine("[red]Usage:[/] import FILE.csv --source NAME [[--report REJECTED.csv]]");
            AnsiConsole.MarkupLine("  NAME identifies the system the file comes from (letters, digits, '-', '_'); with each row's");
            AnsiConsole.MarkupLine("  external_id it makes a second run skip the rows already imported.");
            AnsiConsole.MarkupLine("  Columns: " + Markup.Escape(string.Join(",", ComplaintImporter.Columns)));
            return 1;
        }
        if (!File.Exists(file))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No such file:[/] {file}");
            return 1;
        }
        var importer = ActivatorUtilities.CreateInstance<ComplaintImporter>(services);
        var totalRows = Math.Max(1, File.ReadLines(file).Count() - 1);
        ImportResult result;
        try
        {
            result = AnsiConsole.Profile.Capabilities.Interactive
                ? await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask($"Importing {Path.GetFileName(file)}", maxValue: totalRows);
                        return await importer.ImportAsync(file, source, ImportedBy(), new Progress<int>(read => task.Value = read), CancellationToken.None);
                    })
                : await importer.ImportAsync(file, source, ImportedBy(), new PlainProgress(totalRows), CancellationToken.None);
        }
        catch (RequestValidationException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{string.Join(" ", ex.Errors.SelectMany(e => e.Value))}[/]");
            return 1;
        }
        var rate = result.Elapsed.TotalSeconds > 0 ? result.Read / result.Elapsed.TotalSeconds : result.Read;
        // Plain lines: a console renderer would wrap them at the terminal's width, and scripts read them.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read {result.Read:N0} rows in {result.Elapsed.TotalSeconds:N1} s ({rate:N0} rows/s): {result.Imported:N0} imported, {result.AlreadyImported:N0} already imported, {result.Rejected.Select(r => r.Line).Distinct().Count():N0} rejected."));
        if (result.Rejected.Count == 0)
        {
            return 0;
        }
        report ??= file + ".rejected.csv";
        ComplaintImporter.WriteReport(result.Rejected, report);
        Console.WriteLine($"Rejected rows and reasons: {report}");
        return 2;
    }

    private static string ImportedBy() => $"import:{Environment.UserName}";

    private static bool TryParse(string[] args, out string file, out string source, out string? report)
    {
        file = "";
        source = "";
        report = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--source" when i + 1 < args.Length:
                    source = args[++i];
                    break;
                case "--report" when i + 1 < args.Length:
                    report = args[++i];
                    break;
                case var value when !value.StartsWith("--", StringComparison.Ordinal) && file.Length == 0:
                    file = value;
                    break;
                default:
                    return false;
            }
        }
        return file.Length > 0 && source.Length is > 0 and <= 50 && source.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    // Without a terminal (a pipeline's log), a line every tenth of the file instead of a redrawn bar.
    private sealed class PlainProgress(int total) : IProgress<int>
    {
        private int _lastTenth = -1;

        public void Report(int value)
        {
            var tenth = (int)(10L * value / total);
            if (tenth > _lastTenth)
            {
                _lastTenth = tenth;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {value:N0} of {total:N0} rows ({Math.Min(100, tenth * 10)}%)"));
            }
        }
    }
}
