namespace IcsComplaints.Portal.Web.Pages.Staff.Concerns;

/// <summary>The day in England: intake dates concerns and judges follow-up days by it, whatever the server's zone.</summary>
public static class ConcernDays
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today in England.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), London).DateTime);
    }
}
