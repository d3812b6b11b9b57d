using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Survey;

/// <summary>The answers before they go; the case service records them once and closes the link.</summary>
public sealed class CheckModel(PublicApis apis) : SurveyPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var sent = await apis.AnswerSurveyAsync(Survey.Code, new SurveyLinkAnswers(Survey.Answers, Survey.Comment), ct);
        if (sent.NotFound)
        {
            SurveyStore.Clear(HttpContext.Session);
            return RedirectToPage("/Survey/NotOpen");
        }
        if (sent.Problem is { } problem)
        {
            Errors.AddFrom(problem, [("comment", "comment"), .. Survey.Survey.Questions.Select(q => ($"answers.{q.Key}", $"answer-{q.Key}"))]);
            if (!Errors.Any)
            {
                Errors.Add("answers", problem.Detail ?? problem.Title ?? "Your answers could not be sent. Try again.");
            }
            return Page();
        }
        SurveyStore.Clear(HttpContext.Session);
        return RedirectToPage("/Survey/Done");
    }
}
