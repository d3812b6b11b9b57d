using System.Collections.Frozen;
using System.Text.Json;

namespace IcsComplaints.Calendar;

/// <summary>
/// England and Wales bank holidays for a range of whole years, read from a JSON file of
/// <c>{"date": "YYYY-MM-DD", "title": "..."}</c> entries (see <c>Data/README.md</c> for the source).
/// </summary>
public sealed class BankHolidays
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
    private readonly FrozenDictionary<DateOnly, string> _titles;

    private BankHolidays(IReadOnlyCollection<BankHoliday> holidays)
    {
        if (holidays.Count == 0)
        {
            throw new InvalidOperationException("The bank holiday file is empty.");
        }
        _titles = holidays.ToFrozenDictionary(h => h.Date, h => h.Title);
        FirstYear = holidays.Min(h => h.Date.Year);
        LastYear = holidays.Max(h => h.Date.Year);
    }

    /// <summary>First year the file covers in full.</summary>
    public int FirstYear { get; }

    /// <summary>Last year the file covers in full.</summary>
    public int LastYear { get; }

    /// <summary>True when the date is a bank holiday.</summary>
    public bool IsBankHoliday(DateOnly date)
    {
        EnsureCovered(date);
        return _titles.ContainsKey(date);
    }

    /// <summary>The holiday's title, or <c>null</c>.</summary>
    public string? TitleOf(DateOnly date) => _titles.GetValueOrDefault(date);

    /// <summary>Throws when the date lies in a year the file does not cover, rather than guess.</summary>
    public void EnsureCovered(DateOnly date)
    {
        if (date.Year < FirstYear || date.Year > LastYear)
        {
            throw new CalendarCoverageException(date, FirstYear, LastYear);
        }
    }

    /// <summary>The data file embedded in this library.</summary>
    public static BankHolidays Embedded()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream("bank-holidays-england-and-wales.json")
            ?? throw new InvalidOperationException("The embedded bank holiday file is missing.");
        return Load(stream);
    }

    /// <summary>Reads a data file of the same shape.</summary>
    public static BankHolidays Load(Stream json)
    {
        var entries = JsonSerializer.Deserialize<List<BankHoliday>>(json, JsonOptions)
            ?? throw new InvalidOperationException("The bank holiday file is not a JSON array.");
        return new BankHolidays(entries);
    }

    /// <summary>One bank holiday.</summary>
    /// <param name="Date">The day.</param>
    /// <param name="Title">Its GOV.UK title.</param>
    public sealed record BankHoliday(DateOnly Date, string Title);
}

/// <summary>A date outside the years the bank holiday file covers: extend the file (see <c>Data/README.md</c>).</summary>
public sealed class CalendarCoverageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CalendarCoverageException(DateOnly date, int firstYear, int lastYear)
        : base($"Bank holidays are known for {firstYear}–{lastYear} only; {date:yyyy-MM-dd} is outside. Extend the bank holiday file.")
    {
    }

    /// <inheritdoc cref="Exception()"/>
    public CalendarCoverageException()
    {
    }

    /// <inheritdoc cref="Exception(string)"/>
    public CalendarCoverageException(string message)
        : base(message)
    {
    }

    /// <inheritdoc cref="Exception(string, Exception)"/>
    public CalendarCoverageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
