// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a form posted
// back to its own address (to show its errors) has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A person going through the portal: each page they reach is checked with axe and photographed (with JavaScript on),
/// and, when asked,
/// everything is done with the keyboard alone (Tab to a field, type, Space to choose, Enter to continue).
/// </summary>
public sealed class Journey(IPage page, string prefix, bool keyboardOnly = false, bool javaScript = true)
{
    private readonly List<string> _violations = [];
    private readonly List<string> _overflows = [];

    public IPage Page => page;

    /// <summary>Accessibility violations on every page reached so far.</summary>
    public IReadOnlyList<string> Violations => _violations;

    /// <summary>Pages wider than the window (a horizontal scroll bar) so far.</summary>
    public IReadOnlyList<string> Overflows => _overflows;

    /// <summary>Checks the page now shown, under a name for its screenshot.</summary>
    public async Task SeeAsync(string name)
    {
        if (!javaScript)
        {
            // axe and the width check run as scripts in the page, which this window does not allow; the same pages
            // are checked in the journeys with JavaScript on. The screenshot still shows the page as it stands.
            await Browser.ScreenshotAsync(page, $"{prefix}-{name}");
            return;
        }
        _violations.AddRange(await Browser.CheckAsync(page, $"{prefix}-{name}"));
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            _overflows.Add($"{name}: {widths[0]} px wide in a {widths[1]} px window");
        }
    }

    /// <summary>Goes to a page by its address.</summary>
    public async Task OpenAsync(string path, string name)
    {
        await page.GotoAsync(path);
        await SeeAsync(name);
    }

    /// <summary>Types into the field with this id.</summary>
    public async Task FillAsync(string id, string text)
    {
        if (keyboardOnly)
        {
            await TabToAsync(id);
            await page.Keyboard.PressAsync("Control+A");
            await page.Keyboard.TypeAsync(text);
        }
        else
        {
            await page.Locator("#" + id).FillAsync(text);
        }
    }

    /// <summary>Chooses the radio or checkbox whose label says this.</summary>
    public async Task ChooseAsync(string label)
    {
        var input = page.GetByLabel(label, new() { Exact = true });
        if (keyboardOnly)
        {
            var id = await input.GetAttributeAsync("id") ?? throw new InvalidOperationException($"The option {label} has no id.");
            if (await input.GetAttributeAsync("type") == "radio")
            {
                // Tab reaches a group of radios at its chosen (or first) option; the arrows move within it, as people do.
                var group = await input.GetAttributeAsync("name");
                await TabUntilAsync(async () => await page.EvaluateAsync<string?>("() => document.activeElement ? document.activeElement.name : null") == group, label);
                while (await page.EvaluateAsync<string>("() => document.activeElement.id") != id)
                {
                    await page.Keyboard.PressAsync("ArrowDown");
                }
                // The arrow keys choose as they move; Space chooses the option reached without them.
                if (!await input.IsCheckedAsync())
                {
                    await page.Keyboard.PressAsync("Space");
                }
            }
            else
            {
                await TabToAsync(id);
                await page.Keyboard.PressAsync("Space");
            }
        }
        else
        {
            await input.CheckAsync();
        }
    }

    /// <summary>Chooses the radio or checkbox with this id, for a label that repeats on the page (Yes, No).</summary>
    public async Task ChooseIdAsync(string id)
    {
        if (keyboardOnly)
        {
            // Tab stops once in a group of radios; the arrows move within it, as people do.
            var name = await page.Locator("#" + id).GetAttributeAsync("name");
            await TabUntilAsync(async () => await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.name : ''") == name, "#" + id);
            for (var i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.id") != id; i++)
            {
                await page.Keyboard.PressAsync("ArrowDown");
            }
            await page.Keyboard.PressAsync("Space");
        }
        else
        {
            await page.Locator("#" + id).CheckAsync();
        }
    }

    /// <summary>Presses the button with this text and checks the page it leads to.</summary>
    public async Task PressAsync(string button, string nextName)
    {
        var target = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true });
        if (keyboardOnly)
        {
            await TabUntilAsync(() => target.EvaluateAsync<bool>("b => b === document.activeElement"), button);
            await page.RunAndWaitForNavigationAsync(() => page.Keyboard.PressAsync("Enter"));
        }
        else
        {
            await page.RunAndWaitForNavigationAsync(() => target.ClickAsync());
        }
        await SeeAsync(nextName);
    }

    private Task TabToAsync(string id) =>
        TabUntilAsync(async () => await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.id : ''") == id, "#" + id);

    private async Task TabUntilAsync(Func<Task<bool>> focused, string what)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await focused())
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        throw new InvalidOperationException($"{what} cannot be reached with the Tab key.");
    }
}
