using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>Reasonable adjustments: accessible formats and support the complainant needs.</summary>
public sealed class AdjustmentsModel(PublicApis apis) : QuestionPage(apis)
{
    protected override string PageName => JourneyFlow.Adjustments;

    [BindProperty]
    public List<string> Needs { get; set; } = [];

    [BindProperty]
    public string? Language { get; set; }

    [BindProperty]
    public string? Notes { get; set; }


    public void OnGet()
    {
        (Needs, Language, Notes) = (Draft.Needs, Draft.InterpreterLanguage, Draft.AdjustmentNotes);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        (Draft.Needs, Draft.InterpreterLanguage, Draft.AdjustmentNotes) = (Needs, Language, Notes);
        return SaveAndContinueAsync([("adjustments.needs", "needs"), ("adjustments.interpreterLanguage", "language"), ("adjustments.notes", "notes"), ("adjustments", "needs")], ct);
    }
}
