extern alias identity;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using IdentityServiceDbContext = identity::IcsComplaints.Identity.Api.Data.IdentityServiceDbContext;

namespace IcsComplaints.Identity.Tests;

/// <summary>
/// Password guessing: after five wrong passwords in a row, through the token endpoint or the sign-in page alike, an
/// account is locked, each time for longer; the lock and its lifting are audited; and a caller cannot tell a wrong
/// password from a user name that does not exist, by the answer or by how long it takes.
/// </summary>
public sealed class AccountLockoutTests(IdentityService system)
{
    private const int AttemptsBeforeLock = 5;

    [Fact]
    public async Task FiveWrongPasswords_OnEitherWayIn_LockTheAccount_AgainstTheRightPasswordToo()
    {
        var user = await NewUserAsync();
        using var http = system.Identity.CreateHttpClient();
        using var browser = SignInPage.Browser(system.Identity.HttpAddress);
        var (_, firstRefusal) = await SignInPage.PasswordGrantAsync(http, user.Name, "wrong password 1");
        for (var i = 2; i <= 3; i++)
        {
            await SignInPage.PasswordGrantAsync(http, user.Name, $"wrong password {i}");
        }
        for (var i = 4; i <= AttemptsBeforeLock; i++)
        {
            using var wrong = await SignInPage.SignInAsync(browser, user.Name, $"wrong password {i}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var (status, lockedRefusal) = await SignInPage.PasswordGrantAsync(http, user.Name, user.Password);
        using var lockedPage = await SignInPage.SignInAsync(browser, user.Name, user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(firstRefusal.ToString(), lockedRefusal.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, lockedPage.StatusCode);
        Assert.Null(lockedPage.Headers.Location);
        Assert.Equal(["Lock"], await AuditedAsync(user.Id));
    }

    [Fact]
    public async Task FourWrongPasswords_ThenTheRightOne_SignIn_AndStartTheCountAgain()
    {
        var user = await NewUserAsync();
        using var http = system.Identity.CreateHttpClient();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 1; i < AttemptsBeforeLock; i++)
            {
                await SignInPage.PasswordGrantAsync(http, user.Name, $"wrong password {i}");
            }

            Assert.Equal(HttpStatusCode.OK, (await SignInPage.PasswordGrantAsync(http, user.Name, user.Password)).Status);
        }
        Assert.Empty(await AuditedAsync(user.Id));
    }

    [Fact]
    public async Task EachLock_LastsTwiceAsLongAsTheOneBefore_UntilTheRightPasswordIsGiven()
    {
        var user = await NewUserAsync();
        var lengths = new List<TimeSpan>();
        for (var lockNumber = 1; lockNumber <= 3; lockNumber++)
        {
            var before = DateTimeOffset.UtcNow;
            await LockAsync(user);
            var until = await InIdentityDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockedUntil).SingleAsync());
            lengths.Add(until!.Value - before);
            await ExpireLockAsync(user.Id);
        }
        using var http = system.Identity.CreateHttpClient();
        var afterExpiry = await SignInPage.PasswordGrantAsync(http, user.Name, user.Password);
        await LockAsync(user);
        var afterSuccess = await InIdentityDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockedUntil).SingleAsync());

        Assert.InRange(lengths[0], TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(70));
        Assert.InRange(lengths[1], TimeSpan.FromSeconds(110), TimeSpan.FromSeconds(130));
        Assert.InRange(lengths[2], TimeSpan.FromSeconds(230), TimeSpan.FromSeconds(250));
        Assert.Equal(HttpStatusCode.OK, afterExpiry.Status);
        Assert.InRange(afterSuccess!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(70));
        Assert.Equal(["Lock", "Lock", "Lock", "Unlock", "Lock"], await AuditedAsync(user.Id));
    }

    [Fact]
    public async Task AnAdministrator_LiftsALock_AndThatIsAudited()
    {
        var user = await NewUserAsync();
        await LockAsync(user);
        using var admin = HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("admin"));
        using var handler = HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("handler.rj1"));

        using var refused = await handler.PostAsync(new Uri($"/api/v1/identity/users/{user.Id}/unlock", UriKind.Relative), null);
        using var unlocked = await admin.PostAsync(new Uri($"/api/v1/identity/users/{user.Id}/unlock", UriKind.Relative), null);
        using var http = system.Identity.CreateHttpClient();
        var signIn = await SignInPage.PasswordGrantAsync(http, user.Name, user.Password);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.Equal(["Lock", "Unlock"], await AuditedAsync(user.Id));
    }

    [Fact]
    public async Task AnUnknownUserName_GetsTheSameAnswerAsAWrongPassword_InAboutTheSameTime()
    {
        var user = await NewUserAsync();
        var stranger = "nobody." + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        using var http = system.Identity.CreateHttpClient();
        var known = new List<double>();
        var unknown = new List<double>();
        var answers = new HashSet<string>();
        // Interleaved, so that a busy moment on the machine slows both alike. The account locks on the way:
        // that must not change the answer or the time either.
        for (var i = 0; i < 9; i++)
        {
            answers.Add(await TimedAsync(() => SignInPage.PasswordGrantAsync(http, user.Name, $"wrong password {i}"), known));
            answers.Add(await TimedAsync(() => SignInPage.PasswordGrantAsync(http, stranger, $"wrong password {i}"), unknown));
        }
        using var browser = SignInPage.Browser(system.Identity.HttpAddress);
        using var wrongOnPage = await SignInPage.SignInAsync(browser, user.Name, "wrong password");
        using var unknownOnPage = await SignInPage.SignInAsync(browser, stranger, "wrong password");

        Assert.Single(answers);
        Assert.Equal(wrongOnPage.StatusCode, unknownOnPage.StatusCode);
        Assert.Equal(await SignInPage.ErrorAsync(wrongOnPage), await SignInPage.ErrorAsync(unknownOnPage));
        Assert.True(Median(unknown) >= 0.5 * Median(known), $"unknown user {Median(unknown):F1} ms, wrong password {Median(known):F1} ms");
    }

    private static async Task<string> TimedAsync(Func<Task<(HttpStatusCode Status, JsonElement Body)>> attempt, List<double> times)
    {
        var clock = Stopwatch.StartNew();
        var (status, body) = await attempt();
        times.Add(clock.Elapsed.TotalMilliseconds);
        return $"{(int)status} {body}";
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private async Task LockAsync(NewUser user)
    {
        using var http = system.Identity.CreateHttpClient();
        for (var i = 1; i <= AttemptsBeforeLock; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await SignInPage.PasswordGrantAsync(http, user.Name, $"wrong password {i}")).Status);
        }
    }

    // Stands in for the passing of time: the lock ended a moment ago.
    private async Task ExpireLockAsync(Guid userId) =>
        Assert.Equal(1, await InIdentityDb(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, DateTimeOffset.UtcNow.AddSeconds(-1)))));

    private async Task<List<string>> AuditedAsync(Guid userId)
    {
        using var admin = HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("admin"));
        var trail = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/audit/identity?resourceId={userId}", UriKind.Relative));
        return trail.GetProperty("items").EnumerateArray().Reverse().Select(e => e.GetProperty("action").GetString()!).ToList();
    }

    private async Task<NewUser> NewUserAsync()
    {
        using var admin = HttpClients.WithToken(system.Identity.CreateHttpClient(), await system.TokenAsync("admin"));
        var name = "lockout." + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        using var created = await admin.PostAsJsonAsync(new Uri("/api/v1/identity/users", UriKind.Relative),
            new { userName = name, displayName = "Lockout test", password, roles = new[] { "complainant" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return new NewUser((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), name, password);
    }

    private async Task<T> InIdentityDb<T>(Func<IdentityServiceDbContext, Task<T>> query)
    {
        await using var scope = system.Identity.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IdentityServiceDbContext>());
    }

    private sealed record NewUser(Guid Id, string Name, string Password);
}
