using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IcsComplaints.Portal.Web.Pages.Survey;

/// <summary>A page of the complainant's survey: it needs a link opened in this session, or it sends the person to say so.</summary>
public abstract class SurveyPage : PageModel
{
    /// <summary>The survey in progress.</summary>
    public SurveyInProgress Survey { get; private set; } = null!;

    /// <summary>What to show in the error summary and beside the fields.</summary>
    public FormErrors Errors { get; } = new();

    /// <summary>The answers in words, as the pages show them.</summary>
    public static string InWords(string answer) => answer == "NotSure" ? "Not sure" : answer;

    /// <inheritdoc />
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SurveyStore.Load(HttpContext.Session) is { } survey)
        {
            Survey = survey;
        }
        else
        {
            context.Result = RedirectToPage("/Survey/NotOpen");
        }
    }

    /// <summary>Saves the answers so far and goes to <paramref name="page"/>.</summary>
    protected IActionResult SaveAndGo(string page, object? values = null)
    {
        SurveyStore.Save(HttpContext.Session, Survey);
        return RedirectToPage(page, values);
    }
}
