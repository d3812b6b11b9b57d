using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using IcsComplaints.Portal.Web.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Staff.Record;

/// <summary>
/// A page of recording a complaint: like the public journey's <see cref="QuestionPage"/>, it keeps the answers, asks
/// intake to check the complaint as it stands (as the member of staff, so staff-only fields such as the channel are
/// judged by the staff rules) and shows intake's messages for this page's fields, or moves on.
/// </summary>
public abstract class RecordPage(IntakeStaffApis apis) : PageModel
{
    /// <summary>Intake's calls, as the member of staff.</summary>
    protected IntakeStaffApis Apis { get; } = apis;

    /// <summary>The answers so far.</summary>
    public RecordDraft Draft { get; private set; } = new();

    /// <summary>What to show in the error summary and beside the fields.</summary>
    public FormErrors Errors { get; } = new();

    /// <inheritdoc />
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context) => Draft = RecordDraft.Load(HttpContext.Session);

    /// <summary>Saves the answers and moves on to <paramref name="next"/> when intake finds nothing wrong with this page's fields.</summary>
    protected async Task<IActionResult> SaveAndContinueAsync(IReadOnlyList<(string ApiField, string InputId)> fields, string next, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fields);
        RecordDraft.Save(HttpContext.Session, Draft);
        var check = await Apis.CheckAsync(Draft.ToRequest(PortalUser.Organisation(User)), ct);
        if (check.Problem is { } problem)
        {
            if (problem.Status == 400)
            {
                Errors.AddFrom(problem, fields);
            }
            else
            {
                Errors.Add(fields[0].InputId, problem.Detail ?? problem.Title ?? "Something went wrong. Try again.");
            }
        }
        return Errors.Any ? Page() : Redirect(next);
    }
}
