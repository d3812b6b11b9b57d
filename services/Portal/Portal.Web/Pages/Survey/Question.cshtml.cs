using IcsComplaints.Portal.Web.Clients;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace IcsComplaints.Portal.Web.Pages.Survey;

/// <summary>One statement of the survey a page, in the order the case service gives them.</summary>
public sealed class QuestionModel : SurveyPage
{
    [FromRoute]
    public int Number { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    /// <summary>Changing an answer from the check page, which it goes back to.</summary>
    [FromQuery]
    public bool Change { get; set; }

    public SurveyQuestion Question { get; private set; } = null!;

    public string BackLink => Change ? Url.Page("/Survey/Check")! : Number == 1 ? Url.Page("/Survey/Start")! : Url.Page("/Survey/Question", new { number = Number - 1 })!;

    /// <inheritdoc />
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        base.OnPageHandlerExecuting(context);
        if (context.Result is not null)
        {
            return;
        }
        if (Number < 1 || Number > Survey.Survey.Questions.Count)
        {
            context.Result = NotFound();
            return;
        }
        Question = Survey.Survey.Questions[Number - 1];
    }

    public void OnGet() => Answer = Survey.Answers.GetValueOrDefault(Question.Key);

    public IActionResult OnPost()
    {
        if (Answer is null || !Survey.Survey.Answers.Contains(Answer))
        {
            Errors.Add("answer", "Select whether this was true for you, or Not sure");
            return Page();
        }
        Survey.Answers[Question.Key] = Answer;
        return Change ? SaveAndGo("/Survey/Check") : Number < Survey.Survey.Questions.Count
            ? SaveAndGo("/Survey/Question", new { number = Number + 1 })
            : SaveAndGo("/Survey/Comment");
    }
}
