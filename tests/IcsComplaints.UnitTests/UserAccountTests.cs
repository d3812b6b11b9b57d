using IcsComplaints.Identity.Domain.Accounts;

namespace IcsComplaints.UnitTests;

/// <summary><see cref="UserAccount"/> under the <see cref="LockoutPolicy"/>, and its memberships.</summary>
public sealed class UserAccountTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly LockoutPolicy Policy = new() { FailedAttempts = 3, FirstLock = TimeSpan.FromMinutes(1), LongestLock = TimeSpan.FromMinutes(3) };

    [Fact]
    public void WrongPasswords_LockAtThePolicysLimit_EachLockLongerUpToTheLongest_AndStartTheCountAgain()
    {
        var user = new UserAccount(Guid.CreateVersion7(), "handler.rj1", "Handler", []);

        Assert.Equal([false, false, true], new[] { 1, 2, 3 }.Select(_ => user.RecordWrongPassword(Policy, Now)));
        Assert.Equal((0, 1, Now.AddMinutes(1)), (user.FailedSignIns, user.Lockouts, user.LockedUntil));
        Assert.True(user.IsBarred(Now.AddSeconds(59)));
        Assert.False(user.IsBarred(Now.AddMinutes(1)));

        foreach (var _ in Enumerable.Range(0, 3))
        {
            user.RecordWrongPassword(Policy, Now);
        }
        Assert.Equal((2, Now.AddMinutes(2)), (user.Lockouts, user.LockedUntil));
        foreach (var _ in Enumerable.Range(0, 6))
        {
            user.RecordWrongPassword(Policy, Now);
        }
        Assert.Equal((4, Now.AddMinutes(3)), (user.Lockouts, user.LockedUntil));
    }

    [Fact]
    public void ClearingTheLock_SaysWhetherALockWasLifted_AndStartsEveryCountAgain()
    {
        var user = new UserAccount(Guid.CreateVersion7(), "handler.rj1", "Handler", []);
        user.RecordWrongPassword(Policy, Now);

        Assert.False(user.ClearLock());
        foreach (var _ in Enumerable.Range(0, 3))
        {
            user.RecordWrongPassword(Policy, Now);
        }
        Assert.True(user.ClearLock());
        Assert.Equal((0, 0, null), (user.FailedSignIns, user.Lockouts, user.LockedUntil));
    }

    [Fact]
    public void TheFirstMembershipIsTheDefault_AndHoldingRolesAgainReplacesThem()
    {
        var user = new UserAccount(Guid.CreateVersion7(), "handler.rj1", "Handler", []);

        user.HoldRoles("RJ1", ["complaints-handler"]);
        user.HoldRoles("RJZ", ["investigator"]);
        user.HoldRoles("RJ1", ["investigator", "quality-lead"]);

        Assert.Equal(
            [("RJ1", true, "investigator,quality-lead"), ("RJZ", false, "investigator")],
            user.Memberships.Select(m => (m.OdsCode, m.IsDefault, string.Join(',', m.Roles))));
    }

    [Fact]
    public void GrantingARoleTwice_HoldsItOnce()
    {
        var user = new UserAccount(Guid.CreateVersion7(), "admin", "Admin", ["complainant"]);

        user.Grant("platform-admin");
        user.Grant("platform-admin");

        Assert.Equal(["complainant", "platform-admin"], user.Roles);
    }
}
