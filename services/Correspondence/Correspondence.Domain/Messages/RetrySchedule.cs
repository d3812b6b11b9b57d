namespace IcsComplaints.Correspondence.Domain.Messages;

/// <summary>
/// How long to wait after each failed attempt before the next: the waits double from the first, and when they are
/// spent the message has failed and is shown to the organisation's staff instead of being tried for ever.
/// </summary>
/// <param name="FirstWait">The wait after the first failure.</param>
/// <param name="MaxAttempts">Attempts in all, at least 1.</param>
public sealed record RetrySchedule(TimeSpan FirstWait, int MaxAttempts)
{
    /// <summary>Thirty seconds doubling over six attempts: about half an hour for a mail server to come back.</summary>
    public static readonly RetrySchedule Default = new(TimeSpan.FromSeconds(30), 6);

    /// <summary>The wait after <paramref name="attempts"/> attempts have failed, or <c>null</c> when no attempt is left.</summary>
    public TimeSpan? WaitAfter(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        if (attempts >= MaxAttempts)
        {
            return null;
        }
        return FirstWait * Math.Pow(2, attempts - 1);
    }
}
