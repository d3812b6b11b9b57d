namespace IcsComplaints.Portal.Web.Pages.Survey;

/// <summary>What the survey is for and how long it takes.</summary>
public sealed class StartModel : SurveyPage
{
    public void OnGet()
    {
    }
}
