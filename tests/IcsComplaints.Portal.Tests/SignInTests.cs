// RunAndWaitForNavigationAsync is marked obsolete in favour of WaitForURLAsync, which cannot tell that a form posted
// back to its own address (to show its errors) has loaded again; waiting for the navigation itself can.
#pragma warning disable CS0612
using Microsoft.Playwright;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// Staff sign in with OpenID Connect (authorization code with PKCE) at the identity service, through the gateway, land
/// on the home page of their role and organisation, and sign out of the portal and the identity service together.
/// </summary>
public sealed class SignInTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task A_handler_signs_in_sees_their_organisation_s_home_and_complaints_and_signs_out()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "staff");
        await journey.OpenAsync("/sign-in", "sign-in");
        Assert.Contains("/account/login", journey.Page.Url, StringComparison.Ordinal);
        await journey.FillAsync("userName", "handler.rj1");
        await journey.FillAsync("password", system.DemoPassword);
        await journey.PressAsync("Sign in", "home");

        Assert.EndsWith("/staff", journey.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(journey.Page.Locator("h1")).ToContainTextAsync("Demo handler (RJ1)");
        await Assertions.Expect(journey.Page.Locator("main")).ToContainTextAsync("complaints handler");
        var cookies = await journey.Page.Context.CookiesAsync();
        // The session's cookie (in chunks when the tokens make it long): HttpOnly and SameSite, every chunk.
        var session = cookies.Where(c => c.Name == "ics-portal" || c.Name.StartsWith("ics-portalC", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(session);
        Assert.All(session, c => Assert.True(c.HttpOnly));
        Assert.All(session, c => Assert.Equal(SameSiteAttribute.Lax, c.SameSite));

        await journey.Page.GetByRole(AriaRole.Link, new() { Name = "Complaints", Exact = true }).First.ClickAsync();
        await journey.SeeAsync("complaints");
        await Assertions.Expect(journey.Page.Locator("h1")).ToHaveTextAsync("Complaints");

        await journey.PressAsync("Sign out", "signed-out");
        await Assertions.Expect(journey.Page.Locator("h1")).ToHaveTextAsync("You have signed out");

        // Signed out of both: the portal's page asks the identity service, which asks for the password again.
        await journey.Page.GotoAsync("/staff");
        Assert.Contains("/account/login", journey.Page.Url, StringComparison.Ordinal);
        Assert.Empty(journey.Violations);
    }

    [Fact]
    public async Task A_signed_in_complainant_sees_the_complaints_they_made_without_keeping_references()
    {
        var journey = new Journey(await browser.NewPageAsync(system.PublicAddress), "complainant");
        await journey.OpenAsync("/sign-in", "sign-in");
        await journey.FillAsync("userName", "complainant2");
        await journey.FillAsync("password", system.DemoPassword);
        await journey.PressAsync("Sign in", "your-complaints");
        Assert.EndsWith("/your-complaints", journey.Page.Url, StringComparison.Ordinal);

        var (reference, _) = await ComplainantJourneyTests.ComplainForSelfAsync(journey, "Made while signed in.");
        await journey.OpenAsync("/your-complaints", "your-complaints-listed");
        await Assertions.Expect(journey.Page.Locator("table")).ToContainTextAsync(reference);
        Assert.Empty(journey.Violations);
    }

    [Fact]
    public async Task A_staff_page_asks_for_sign_in_and_returns_to_the_home_page_afterwards()
    {
        var page = await browser.NewPageAsync(system.PublicAddress);
        await page.GotoAsync("/staff/complaints");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
        await page.Locator("#userName").FillAsync("commissioner.qkk");
        await page.Locator("#password").FillAsync(system.DemoPassword);
        await page.RunAndWaitForNavigationAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync());
        Assert.EndsWith("/staff/complaints", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_sends_a_strict_content_security_policy_and_refuses_a_form_without_its_antiforgery_token()
    {
        var page = await browser.NewPageAsync(system.PublicAddress);
        var response = await page.GotoAsync("/");
        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);

        var forged = await page.Context.APIRequest.PostAsync("/status", new() { Form = page.Context.APIRequest.CreateFormData().Set("Reference", "X").Set("Secret", "Y") });
        Assert.Equal(400, forged.Status);
    }
}
