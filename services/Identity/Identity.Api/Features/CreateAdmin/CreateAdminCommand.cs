using IcsComplaints.Identity.Api.Data;
using IcsComplaints.Identity.Domain.Accounts;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Identity;

namespace IcsComplaints.Identity.Api.Features.CreateAdmin;

/// <summary>
/// <c>dotnet IcsComplaints.Identity.Api.dll create-admin &lt;user name&gt;</c>: creates the first platform
/// administrator of a new deployment (or resets that user's password). The password comes from the environment
/// variable <c>ICS_ADMIN_PASSWORD</c>, never the command line, so it stays out of shell history and process lists.
/// </summary>
public sealed partial class CreateAdminCommand(ILogger<CreateAdminCommand> logger) : IServiceCommand
{
    /// <inheritdoc />
    public string Name => "create-admin";

    /// <inheritdoc />
    public async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        var password = Environment.GetEnvironmentVariable("ICS_ADMIN_PASSWORD");
        if (args.Length != 1 || string.IsNullOrWhiteSpace(password) || password.Length < PasswordLength.Minimum)
        {
            await Console.Error.WriteLineAsync(
                $"Usage: ICS_ADMIN_PASSWORD=<at least {PasswordLength.Minimum} characters> dotnet IcsComplaints.Identity.Api.dll create-admin <user name>");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountStore>();
        var userName = args[0].Trim().ToLowerInvariant();
        var user = await accounts.FindUserByNameAsync(userName, withMemberships: false, CancellationToken.None);
        if (user is null)
        {
            user = new UserAccount(Guid.CreateVersion7(), userName, "Platform administrator", []);
            accounts.Add(user);
        }
        user.Grant(Roles.PlatformAdmin);
        user.Enable();
        user.ChangePasswordHash(new PasswordHasher<UserAccount>().HashPassword(user, password));
        await accounts.SaveAsync(CancellationToken.None);
        // By id: a user name identifies a person and stays out of logs.
        LogCreated(logger, user.Id);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform administrator {UserId} is ready")]
    private static partial void LogCreated(ILogger logger, Guid userId);
}
