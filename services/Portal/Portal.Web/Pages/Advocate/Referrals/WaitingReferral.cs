using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;

namespace IcsComplaints.Portal.Web.Pages.Advocate.Referrals;

/// <summary>What the accept and decline pages share: finding the referral they answer, and showing a refusal.</summary>
internal static class WaitingReferral
{
    /// <summary>The referral, while it waits for an answer from the caller's service; null otherwise (the page is a 404).</summary>
    public static async Task<Referral?> FindAsync(AdvocacyApis apis, Guid id, CancellationToken ct)
    {
        var listed = await apis.ReferralsAsync(ct);
        return listed.Value?.Items.FirstOrDefault(r => r.Id == id && r.Status == "Requested");
    }

    /// <summary>The API's messages by field, or its own words at the first field when they are not about a field.</summary>
    public static void Show(ApiProblem problem, FormErrors errors, string firstInput, IReadOnlyList<(string ApiField, string InputId)> fields)
    {
        errors.AddFrom(problem, fields);
        if (!errors.Any)
        {
            errors.Add(firstInput, problem.Detail ?? problem.Title ?? "The referral could not be answered. Try again.");
        }
    }
}
