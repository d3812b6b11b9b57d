using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Survey;

/// <summary>Anything else they want to say; kept with the survey, never published.</summary>
public sealed class CommentModel : SurveyPage
{
    [BindProperty]
    public string? Comment { get; set; }

    public void OnGet() => Comment = Survey.Comment;

    public IActionResult OnPost()
    {
        Survey.Comment = string.IsNullOrWhiteSpace(Comment) ? null : Comment;
        return SaveAndGo("/Survey/Check");
    }
}
