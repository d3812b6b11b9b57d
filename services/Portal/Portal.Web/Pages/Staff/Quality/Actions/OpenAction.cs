using IcsComplaints.Portal.Web.Clients;

namespace IcsComplaints.Portal.Web.Pages.Staff.Quality.Actions;

/// <summary>
/// The action a page changes, among the organisation's, when it is in one of the given states (open, by default);
/// null (a 404) for any other.
/// </summary>
internal static class OpenAction
{
    public static async Task<LearningAction?> FindAsync(LearningApis apis, Guid id, CancellationToken ct, params string[] states)
    {
        var wanted = states.Length == 0 ? ["Open"] : states;
        var found = (await apis.ActionsAsync(wanted.Length == 1 ? wanted[0] : null, ct)).Value?.Items.FirstOrDefault(a => a.Id == id);
        return found is not null && wanted.Contains(found.Status) ? found : null;
    }
}
