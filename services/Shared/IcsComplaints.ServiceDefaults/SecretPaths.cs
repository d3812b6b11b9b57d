using System.Diagnostics;

namespace IcsComplaints.ServiceDefaults;

/// <summary>
/// Addresses whose last segment is a one-time code (the complainant's survey link, ADR 34). Traces record requests by
/// their address, so the code is replaced there: whoever reads the traces must not be able to answer the survey.
/// </summary>
public static class SecretPaths
{
    /// <summary>What the code is replaced by.</summary>
    public const string Hidden = "{code}";

    private static readonly string[] Prefixes = ["/survey/link/"];

    /// <summary>The path with any code replaced; other paths unchanged.</summary>
    public static string? Redact(string? path)
    {
        if (path is null)
        {
            return null;
        }
        foreach (var prefix in Prefixes)
        {
            var at = path.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return path[..(at + prefix.Length)] + Hidden;
            }
        }
        return path;
    }

    /// <summary>Replaces the code in the span's address tags (<c>url.path</c>, <c>url.full</c>) when there is one.</summary>
    public static void RedactTags(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var tag in (string[])["url.path", "url.full", "http.target", "http.url"])
        {
            if (activity.GetTagItem(tag) is string value && Redact(value) is { } redacted && redacted != value)
            {
                activity.SetTag(tag, redacted);
            }
        }
        if (Redact(activity.DisplayName) is { } name && name != activity.DisplayName)
        {
            activity.DisplayName = name;
        }
    }
}
