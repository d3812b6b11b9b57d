using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using IcsComplaints.TestKit;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(IcsComplaints.Portal.Tests.Browser))]

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (its own driver, nothing downloaded), started once for the test run. Each
/// test gets a fresh context (no cookies), at the public address, with or without JavaScript, at a given width.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Where the tests write a screenshot of each page they reach (README shows some).</summary>
    public static string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("ICS_SCREENSHOTS")
        ?? Path.Combine(Repository.Root, "artifacts", "screens");

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        var executable = Environment.GetEnvironmentVariable("ICS_CHROMIUM") ?? "/usr/bin/chromium";
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A new browser window with nothing remembered.</summary>
    public async Task<IPage> NewPageAsync(Uri origin, bool javaScript = true, int width = 1024)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = origin.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = width, Height = 900 },
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Checks the page as it stands against WCAG 2.2 A and AA with axe-core, and writes its screenshot. Returns the
    /// violations, one line each (rule, impact, where), so a failing assertion says what is wrong.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        return [.. results.Violations.Select(v => $"{name}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")];
    }

    /// <summary>Writes the page's screenshot, whole length.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        System.IO.Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
