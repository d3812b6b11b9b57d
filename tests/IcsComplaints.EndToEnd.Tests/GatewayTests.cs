using System.Net;
using System.Net.Http.Json;
using IcsComplaints.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy.Configuration;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>The gateway validates tokens on every route but the public ones, and rate-limits the public ones.</summary>
public sealed class GatewayTests(IcsSystem system)
{
    // The only routes a caller without a token may use: the portal's pages, sign-in and discovery, submitting (or
    // checking) a complaint, checking its progress, what was sent to the complainant or asking for advocacy with the
    // reference and status secret, answering a survey by its link, reading reference data (the
    // organisation directory and the advocacy services) and reading the API documents.
    private static readonly Dictionary<string, (HttpMethod Method, string Path)> PublicRoutes = new(StringComparer.Ordinal)
    {
        ["identity-connect"] = (HttpMethod.Post, "/connect/token"),
        ["identity-discovery"] = (HttpMethod.Get, "/.well-known/openid-configuration"),
        ["identity-account"] = (HttpMethod.Get, "/account/login"),
        ["complaints-submit"] = (HttpMethod.Post, "/api/v1/complaints"),
        ["complaints-check"] = (HttpMethod.Post, "/api/v1/complaints/validation"),
        ["complaints-progress"] = (HttpMethod.Get, "/api/v1/complaints/status?reference=AAAA-AAAA"),
        ["directory-rest"] = (HttpMethod.Get, "/api/v1/organisations/QKK"),
        ["directory-grpc"] = (HttpMethod.Post, "/ics.intake.v1.OrganisationDirectoryService/GetOrganisation"),
        ["advocacy-services"] = (HttpMethod.Get, "/api/v1/advocacy-services/ADV01"),
        ["advocacy-directory-grpc"] = (HttpMethod.Post, "/ics.advocacy.v1.AdvocacyDirectoryService/FindAdvocacyService"),
        ["advocacy-self-referral"] = (HttpMethod.Post, "/api/v1/advocacy/self-referrals"),
        ["learning-public"] = (HttpMethod.Get, "/api/v1/you-said-we-did?organisation=RJ1"),
        ["survey-by-link"] = (HttpMethod.Get, "/api/v1/surveys/link"),
        ["complaint-documents"] = (HttpMethod.Get, "/api/v1/complaint-documents?reference=AAAA-AAAA"),
        ["correspondence-sent-to-complainant"] = (HttpMethod.Get, "/api/v1/correspondence/sent-to-me?reference=AAAA-AAAA"),
        // Notify's receipts: anonymous at the gateway; the service itself checks Notify's bearer token (ADR 39).
        ["correspondence-notify-receipts"] = (HttpMethod.Post, "/api/v1/correspondence/notify/receipts"),
        // Each service's OpenAPI document, read by the reference page at /api/docs (ADR 40).
        ["docs-identity"] = (HttpMethod.Get, "/api/docs/identity/openapi.json"),
        ["docs-intake"] = (HttpMethod.Get, "/api/docs/intake/openapi.json"),
        ["docs-case"] = (HttpMethod.Get, "/api/docs/case/openapi.json"),
        ["docs-advocacy-referral"] = (HttpMethod.Get, "/api/docs/advocacy-referral/openapi.json"),
        ["docs-learning"] = (HttpMethod.Get, "/api/docs/learning/openapi.json"),
        ["docs-reporting"] = (HttpMethod.Get, "/api/docs/reporting/openapi.json"),
        ["docs-correspondence"] = (HttpMethod.Get, "/api/docs/correspondence/openapi.json"),
        // The web portal's pages: each decides for itself who may see it (ADR 22).
        ["portal"] = (HttpMethod.Get, "/"),
        ["portal-import-upload"] = (HttpMethod.Post, "/staff/imports"),
        ["portal-case-document-upload"] = (HttpMethod.Post, $"/staff/cases/{Guid.NewGuid()}/documents/add"),
        ["portal-send-documents"] = (HttpMethod.Post, "/send-documents"),
    };

    private static readonly Dictionary<string, (HttpMethod Method, string Path)> ProtectedRoutes = new(StringComparer.Ordinal)
    {
        ["identity-admin"] = (HttpMethod.Get, "/api/v1/identity/users"),
        ["identity-staff"] = (HttpMethod.Get, "/api/v1/identity/staff"),
        ["identity-audit"] = (HttpMethod.Get, "/api/v1/audit/identity"),
        ["complaints-imports"] = (HttpMethod.Post, "/api/v1/complaints/imports"),
        ["complaints-rest"] = (HttpMethod.Get, $"/api/v1/complaints/{Guid.NewGuid()}"),
        ["concerns-rest"] = (HttpMethod.Get, "/api/v1/concerns"),
        ["cases-rest"] = (HttpMethod.Get, "/api/v1/cases"),
        ["case-documents-upload"] = (HttpMethod.Post, $"/api/v1/cases/{Guid.NewGuid()}/documents"),
        ["case-settings"] = (HttpMethod.Get, "/api/v1/case-settings"),
        ["intake-audit"] = (HttpMethod.Get, "/api/v1/audit/intake"),
        ["case-audit"] = (HttpMethod.Get, "/api/v1/audit/case"),
        ["intake-grpc"] = (HttpMethod.Post, "/ics.intake.v1.IntakeService/SubmitComplaint"),
        ["case-grpc"] = (HttpMethod.Post, "/ics.case.v1.CaseService/ListCases"),
        ["advocacy-rest"] = (HttpMethod.Get, "/api/v1/advocacy/referrals"),
        ["advocacy-audit"] = (HttpMethod.Get, "/api/v1/audit/advocacy-referral"),
        ["learning-rest"] = (HttpMethod.Get, "/api/v1/learning/themes"),
        ["learning-audit"] = (HttpMethod.Get, "/api/v1/audit/learning"),
        ["learning-grpc"] = (HttpMethod.Post, "/ics.learning.v1.LearningService/ListThemes"),
        ["reporting-rest"] = (HttpMethod.Get, "/api/v1/reporting/oversight"),
        ["reporting-audit"] = (HttpMethod.Get, "/api/v1/audit/reporting"),
        ["reporting-grpc"] = (HttpMethod.Post, "/ics.reporting.v1.ReportingService/GetMeasures"),
        ["correspondence-rest"] = (HttpMethod.Get, $"/api/v1/correspondence/cases/{Guid.Empty}/messages"),
        ["correspondence-audit"] = (HttpMethod.Get, "/api/v1/audit/correspondence"),
        ["correspondence-grpc"] = (HttpMethod.Post, "/ics.correspondence.v1.CorrespondenceService/ListCaseMessages"),
    };

    [Fact]
    public void EveryRoute_IsEitherListedAsPublic_OrProtected()
    {
        var routes = system.Gateway.Services.GetRequiredService<IProxyConfigProvider>().GetConfig().Routes;

        var anonymous = routes.Where(r => string.Equals(r.AuthorizationPolicy, "anonymous", StringComparison.OrdinalIgnoreCase)).Select(r => r.RouteId).Order();
        Assert.Equal(PublicRoutes.Keys.Order(), anonymous);
        Assert.Equal(PublicRoutes.Keys.Concat(ProtectedRoutes.Keys).Order(), routes.Select(r => r.RouteId).Order());
    }

    [Fact]
    public async Task ProtectedRoutes_RefuseCallersWithoutAToken_AtTheGateway()
    {
        using var http = system.GatewayHttp();
        foreach (var (route, (method, path)) in ProtectedRoutes)
        {
            using var response = await http.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative)));

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task PublicRoutes_AnswerWithoutAToken()
    {
        using var http = system.GatewayHttp();
        foreach (var (route, (method, path)) in PublicRoutes)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (method == HttpMethod.Post)
            {
                request.Content = route is "complaints-submit" or "complaints-check" or "advocacy-self-referral" ? JsonContent.Create(new { }) : new FormUrlEncodedContent([]);
            }
            using var response = await http.SendAsync(request);

            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{route}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Metrics_AreServedOnEachServicesOwnPort_AndNotThroughTheGateway()
    {
        // Before the gateway's own answer is judged: the services behind it do serve /metrics, so a 404 at the gateway
        // is the gateway refusing, not the path being unknown everywhere. A request that went through the gateway is
        // counted by intake, however many other tests' hosts have come and gone in this process (ADR 61).
        using var anonymous = system.GatewayHttp();
        using var admin = system.GatewayHttp(await system.TokenAsync("admin"));
        using (await admin.GetAsync(new Uri("/api/v1/complaints", UriKind.Relative)))
        {
        }
        using var intake = system.Intake.CreateHttpClient();
        await Eventually.TrueAsync(async () => (await Scrape.MetricsAsync(intake)).Any(s => s.Name == "http_server_request_duration_seconds_count"
            && s.Label("http_route") == "/api/v1/complaints/" && s.Label("http_request_method") == "GET"), TimeSpan.FromSeconds(10),
            "intake counts the request the gateway passed on");
        foreach (var http in new[] { anonymous, admin })
        {
            foreach (var path in new[] { "/metrics", "/metrics/", "/METRICS", "/metrics?format=openmetrics" })
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
                Assert.DoesNotContain("ics_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task PublicSubmission_IsRateLimitedPerClientAddress_ButSignedInStaffAreNot()
    {
        using var anonymous = system.LimitedGateway.CreateHttpClient();
        using var staff = HttpClients.WithToken(system.LimitedGateway.CreateHttpClient(), await system.TokenAsync("handler.rjz"));
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await anonymous.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new { });
            statuses.Add(response.StatusCode);
        }
        using var staffResponse = await staff.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), new { });

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, staffResponse.StatusCode);
    }
}
