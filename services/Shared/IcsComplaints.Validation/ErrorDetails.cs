using System.Globalization;

namespace IcsComplaints.Validation;

/// <summary>
/// Keeps error details small whatever the request: a list of 100,000 bad items must not become 100,000 messages,
/// which would make a response (or gRPC trailers, limited to 64 KiB by proxies) larger than anything can carry.
/// The first fields are named; the rest are counted.
/// </summary>
public static class ErrorDetails
{
    /// <summary>Fields named in one answer.</summary>
    public const int MaxFields = 50;

    /// <summary>Messages kept per field.</summary>
    public const int MaxMessagesPerField = 3;

    /// <summary>Characters kept of a field name or a message.</summary>
    public const int MaxLength = 300;

    /// <summary>The key under which the count of fields left out is given.</summary>
    public const string MoreKey = "more";

    /// <summary>The errors as they are answered: at most <see cref="MaxFields"/> fields, each with short messages.</summary>
    public static IReadOnlyDictionary<string, string[]> Bounded(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var bounded = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, messages) in errors.Take(MaxFields))
        {
            bounded[Cut(field)] = [.. messages.Take(MaxMessagesPerField).Select(Cut)];
        }
        if (errors.Count > MaxFields)
        {
            bounded[MoreKey] = [$"{(errors.Count - MaxFields).ToString("N0", CultureInfo.InvariantCulture)} more fields are not valid; correct those above and send again."];
        }
        return bounded;
    }

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}
