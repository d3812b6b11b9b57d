using IcsComplaints.TestKit;

namespace IcsComplaints.Portal.Tests;

/// <summary>
/// A user of another organisation cannot reach any staff or advocate page of a case, nor see it in a list: every
/// such page is a 404 (the services' own 404, passed on), and the record's reference and complainant never appear.
/// </summary>
public sealed class OtherOrganisationTests(PortalSystem system, Browser browser)
{
    [Fact]
    public async Task Every_staff_and_advocate_page_of_a_case_is_not_found_for_another_organisation_and_no_list_shows_it()
    {
        var (reference, caseId) = await Personas.RecordComplaintAsync(system, "RJ1", "Otto Therorg", new { aboutOrganisationCodes = new[] { "Y99901" } });
        var referralId = (await Personas.ReferAsync(system, caseId)).GetProperty("id").GetGuid();
        // The contributor and the advocacy service can see it (so a 404 for others is not merely a missing record).
        using (var practice = await Personas.ApiAsync(system, "handler.y99901"))
        {
            await Eventually.TrueAsync(async () => (await practice.GetAsync(new Uri($"/api/v1/cases/{caseId}/contribution", UriKind.Relative))).IsSuccessStatusCode,
                TimeSpan.FromSeconds(30), "the practice contributes to the case");
        }

        // Pages of the case by organisation staff, for a trust that has nothing to do with it.
        string[] staffPages =
        [
            $"/staff/contributions/{caseId}", $"/staff/contributions/{caseId}/sign-off", $"/staff/quality/samples/{caseId}", $"/advocate/clients/{caseId}",
        ];
        // Pages of the case and its referral for an advocacy service it was not referred to.
        string[] advocatePages =
        [
            $"/advocate/clients/{caseId}", $"/advocate/referrals/{referralId}/accept", $"/advocate/referrals/{referralId}/decline",
        ];

        foreach (var (user, pages, lists) in new[]
        {
            ("handler.rjz", staffPages, new[] { "/staff/contributions", "/staff/complaints" }),
            ("quality.rjz", staffPages, new[] { "/staff/quality", "/staff/contributions" }),
            ("advocate.adv02", advocatePages, new[] { "/advocate", "/advocate/clients" }),
        })
        {
            var journey = await Personas.SignInAsync(system, browser, user, "other-" + user.Replace('.', '-'));
            foreach (var path in pages)
            {
                var response = await journey.Page.GotoAsync(path);
                Assert.True(response!.Status == 404, $"{user} {path}: {response.Status}");
                var text = await journey.Page.Locator("main").InnerTextAsync();
                Assert.DoesNotContain(reference, text, StringComparison.Ordinal);
                Assert.DoesNotContain("Otto Therorg", text, StringComparison.Ordinal);
            }
            await journey.SeeAsync("not-found");
            foreach (var list in lists)
            {
                await journey.OpenAsync(list, "list-" + list.Trim('/').Replace('/', '-'));
                Assert.DoesNotContain(reference, await journey.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            }
            Assert.Empty(journey.Violations);
        }
    }
}
