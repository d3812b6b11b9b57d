using System.Security.Claims;
using IcsComplaints.Platform.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IcsComplaints.UnitTests;

/// <summary>
/// Services accept a token only when it was granted the API's scope, read the way providers write it; the scope can
/// be changed, or the check turned off, for an external provider (README, "Using NHS CIS2, Microsoft Entra ID …").
/// </summary>
public sealed class RequiredScopeTests
{
    [Theory]
    [InlineData("scope", "ics-api", true)]
    [InlineData("scope", "openid ics-api profile", true)]
    [InlineData("scp", "ics-api", true)]
    [InlineData("scope", "openid profile", false)]
    [InlineData("scope", "ics-api-admin", false)]
    [InlineData("scope", "ICS-API", false)]
    [InlineData("aud", "ics-api", false)]
    public void TheScope_IsFoundAsAWholeName_InAScopeOrScpClaim(string claim, string value, bool granted) =>
        Assert.Equal(granted, TokenScopes.Grant(Principal(new Claim(claim, value)), "ics-api"));

    [Fact]
    public void OneClaimPerScope_IsReadToo() =>
        Assert.True(TokenScopes.Grant(Principal(new Claim("scope", "openid"), new Claim("scope", "ics-api")), "ics-api"));

    [Theory]
    [InlineData(null, "openid", false)]
    [InlineData(null, "openid ics-api", true)]
    [InlineData("ics.api", "ics-api", false)]
    [InlineData("ics.api", "ics.api", true)]
    [InlineData("", "openid", true)]
    public async Task AValidatedToken_IsRefusedWithoutTheRequiredScope_UnlessTheCheckIsOff(string? requiredScope, string scopes, bool accepted)
    {
        var settings = new Dictionary<string, string?> { ["Authentication:Authority"] = "https://login.example.org/" };
        if (requiredScope is not null)
        {
            settings["Authentication:RequiredScope"] = requiredScope;
        }
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceAuthentication();
        using var host = builder.Build();
        var jwt = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        var context = new TokenValidatedContext(
            new DefaultHttpContext { RequestServices = host.Services },
            new AuthenticationScheme(JwtBearerDefaults.AuthenticationScheme, null, typeof(JwtBearerHandler)),
            jwt)
        {
            Principal = Principal(new Claim("sub", "someone"), new Claim("scope", scopes)),
        };

        await jwt.Events.TokenValidated(context);

        Assert.Equal(accepted, context.Result is null);
    }

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, "Bearer"));
}
