using System.Collections.Concurrent;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// The API reference at <c>/api/docs</c> (ADR 40) works in a real browser under the gateway's policy: it renders a
/// service's document, every request it makes goes to the gateway, and nothing is refused by the Content-Security-Policy
/// (Chromium reports each refusal as a console error).
/// </summary>
public sealed class ApiReferenceTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task TheApiReference_ShowsIntakesDocument_AskingNothingOfAnotherHost_AndBreakingNoPolicy()
    {
        var page = await browser.NewPageAsync(system.PublicAddress);
        var origin = system.PublicAddress.GetLeftPart(UriPartial.Authority);
        var elsewhere = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + "/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                elsewhere.Enqueue(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue(message.Text);
            }
        };

        await page.GotoAsync("/api/docs/");
        await page.GetByText("ICS Complaints: intake").First.WaitForAsync(new() { Timeout = 30_000 });
        await Browser.ScreenshotAsync(page, "api-reference");
        var shown = await page.InnerTextAsync("body");

        // The document's relative server is the gateway the page came from: "Test request" goes there.
        Assert.Contains(origin, shown, StringComparison.Ordinal);
        Assert.Contains("Complaints and concerns as they arrive", shown, StringComparison.Ordinal);
        Assert.Empty(elsewhere);
        Assert.Empty(errors);
    }
}
