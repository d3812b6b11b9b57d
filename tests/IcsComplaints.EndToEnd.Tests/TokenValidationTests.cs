using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Bad tokens are refused at the gateway and by each service on its own, over REST and gRPC. Each forged token
/// differs from a good one in exactly one respect; the good one (same key, same claims) is the control.
/// </summary>
public sealed class TokenValidationTests(IcsSystem system)
{
    public enum Forgery
    {
        None,
        Missing,
        Expired,
        WrongSignature,
        WrongAudience,
        WrongIssuer,
        AlgNone,
        MissingScope,
        ScopeWithoutTheApi,
    }

    public enum Route
    {
        GatewayRest,
        CaseRest,
        IntakeRest,
        GatewayGrpc,
        CaseGrpc,
    }

    public static TheoryData<Forgery, Route> Cases()
    {
        var data = new TheoryData<Forgery, Route>();
        foreach (var forgery in Enum.GetValues<Forgery>())
        {
            foreach (var route in Enum.GetValues<Route>())
            {
                data.Add(forgery, route);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OnlyAGoodToken_IsAccepted(Forgery forgery, Route route)
    {
        var token = await ForgeAsync(forgery);

        var accepted = route switch
        {
            Route.GatewayRest => await RestAsync(system.Gateway.HttpAddress, "/api/v1/cases", token),
            Route.CaseRest => await RestAsync(system.Case.HttpAddress, "/api/v1/cases", token),
            Route.IntakeRest => await RestAsync(system.Intake.HttpAddress, "/api/v1/audit/intake", token),
            Route.GatewayGrpc => await GrpcAsync(system.Gateway.GrpcAddress, token),
            Route.CaseGrpc => await GrpcAsync(system.Case.GrpcAddress, token),
            _ => throw new ArgumentOutOfRangeException(nameof(route)),
        };

        Assert.Equal(forgery == Forgery.None, accepted);
    }

    private static async Task<bool> RestAsync(Uri address, string path, string? token)
    {
        using var http = HttpClients.WithToken(new HttpClient { BaseAddress = address }, token);
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.Unauthorized => false,
            var other => throw new InvalidOperationException($"Unexpected {other} from {path}."),
        };
    }

    private static async Task<bool> GrpcAsync(Uri address, string? token)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new CaseService.CaseServiceClient(channel);
        try
        {
            await client.ListCasesAsync(new ListCasesRequest(), token is null ? [] : GrpcCalls.Bearer(token));
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unauthenticated)
        {
            return false;
        }
    }

    private async Task<string?> ForgeAsync(Forgery forgery)
    {
        if (forgery == Forgery.Missing)
        {
            return null;
        }
        var kid = new JsonWebToken(await system.TokenAsync("quality.rj1")).Kid;
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "forged-user", ["name"] = "Forged", ["role"] = "quality-lead", ["org"] = "RJ1", ["org_type"] = "provider", ["scope"] = "ics-api",
        };
        if (forgery == Forgery.MissingScope)
        {
            claims.Remove("scope");
        }
        else if (forgery == Forgery.ScopeWithoutTheApi)
        {
            claims["scope"] = "openid profile";
        }
        if (forgery == Forgery.AlgNone)
        {
            var header = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { alg = "none", typ = "at+jwt", kid }));
            var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>(claims)
            {
                ["iss"] = system.Issuer, ["aud"] = "ics-api", ["exp"] = new DateTimeOffset(now.AddMinutes(10)).ToUnixTimeSeconds(),
                ["iat"] = new DateTimeOffset(now).ToUnixTimeSeconds(),
            }));
            return $"{header}.{payload}.";
        }
        using var otherKey = RSA.Create(2048);
        var key = new RsaSecurityKey(forgery == Forgery.WrongSignature ? otherKey : system.SigningKey) { KeyId = kid };
        var expired = forgery == Forgery.Expired;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = forgery == Forgery.WrongIssuer ? "https://issuer.example.org/" : system.Issuer,
            Audience = forgery == Forgery.WrongAudience ? "another-api" : "ics-api",
            Claims = claims,
            IssuedAt = expired ? now.AddMinutes(-30) : now,
            NotBefore = expired ? now.AddMinutes(-30) : now,
            Expires = expired ? now.AddMinutes(-10) : now.AddMinutes(10),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
