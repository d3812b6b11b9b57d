using IcsComplaints.TestKit;

namespace IcsComplaints.Correspondence.Tests;

/// <summary>
/// The correspondence service's OpenAPI document says what it answers (ADR 40), checked as the other services' are in
/// the end-to-end suite, which does not start this service: Notify's receipts, read by hand after the token check, are
/// documented with the fields the service binds and as skipping the others Notify sends.
/// </summary>
public sealed class ApiDocumentTests(CorrespondenceSystem system)
{
    [Fact]
    public async Task TheDocument_HasEveryRestEndpoint_ItsBodies_AndWhichNeedNoToken()
    {
        using var http = system.Service.CreateHttpClient();
        var document = await ApiDocumentCheck.FetchAsync(http, "correspondence");
        var services = system.Service.Services;

        Assert.Contains(ApiDocumentCheck.RestEndpoints(services), e => e.Path == "/api/v1/correspondence/notify/receipts");
        Assert.Empty(ApiDocumentCheck.Undocumented(services, document));
        Assert.Empty(ApiDocumentCheck.RequestBodyMismatches(services, document));
        Assert.Empty(ApiDocumentCheck.AccessMismatches(services, document));
        var receipt = ApiDocumentCheck.Operation(document, "/api/v1/correspondence/notify/receipts", "POST");
        Assert.True(receipt?.TryGetProperty("requestBody", out _), "Notify's receipt is documented as the body it is.");
    }
}
