using IcsComplaints.Portal.Web.Clients;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Actions;

/// <summary>The open action a page completes or cancels, among the organisation's; null (a 404) for any other.</summary>
internal static class OpenAction
{
    public static async Task<LearningAction?> FindAsync(LearningApis apis, Guid id, CancellationToken ct) =>
        (await apis.ActionsAsync("Open", ct)).Value?.Items.FirstOrDefault(a => a.Id == id);
}
