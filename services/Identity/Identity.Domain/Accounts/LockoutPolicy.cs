namespace IcsComplaints.Identity.Domain.Accounts;

/// <summary>
/// When password guessing locks an account (configuration section <c>Identity:Lockout</c>): after
/// <see cref="FailedAttempts"/> wrong passwords in a row, for <see cref="FirstLock"/>, then twice as long at each
/// further lock without a sign-in in between, up to <see cref="LongestLock"/>. A lock refuses the right password too,
/// so guessing gains nothing from it; signing in, or an administrator, starts the count again.
/// </summary>
public sealed class LockoutPolicy
{
    /// <summary>Wrong passwords in a row that lock the account.</summary>
    public int FailedAttempts { get; set; } = 5;

    /// <summary>How long the first lock lasts.</summary>
    public TimeSpan FirstLock { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest a lock lasts, however many came before (a guesser can lock someone out for no longer).</summary>
    public TimeSpan LongestLock { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>True when this many wrong passwords in a row lock the account.</summary>
    public bool Locks(int failedSignIns) => failedSignIns >= FailedAttempts;

    /// <summary>How long lock number <paramref name="lockNumber"/> (1 for the first) lasts.</summary>
    public TimeSpan LengthOf(int lockNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lockNumber, 1);
        var doublings = Math.Min(lockNumber - 1, 30);
        var length = FirstLock * Math.Pow(2, doublings);
        return length < LongestLock ? length : LongestLock;
    }
}
