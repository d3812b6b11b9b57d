using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;
using Microsoft.AspNetCore.Mvc;

namespace IcsComplaints.Portal.Web.Pages.Complain;

/// <summary>
/// Every answer with a link to change it, then the submission. The intake API checks the whole complaint; each of
/// its messages links to the page that asks the question. The draft's key makes a double submit record one complaint.
/// </summary>
public sealed class CheckAnswersModel(PublicApis apis) : QuestionPage(apis)
{
    // Each API field, with the page that asks it and the input there, so a message can send the person to fix it.
    private static readonly (string ApiField, string Page, string InputId)[] Questions =
    [
        ("organisationCode", JourneyFlow.Organisation, "search"),
        ("shareWithProviderConsent", JourneyFlow.Share, "answer"),
        ("complainant.type", JourneyFlow.Who, "answer"),
        ("representation.basis", JourneyFlow.Basis, "answer"),
        ("representation.consentEvidence", JourneyFlow.Consent, "answer"),
        ("representation.consentRecordedOn", JourneyFlow.Consent, "recorded-on"),
        ("representation", JourneyFlow.Basis, "answer"),
        ("patient.name", JourneyFlow.Patient, "patient-name"),
        ("complainant.relationshipToPatient", JourneyFlow.Patient, "relationship"),
        ("description", JourneyFlow.WhatHappened, "description"),
        ("eventDate", JourneyFlow.WhenItHappened, "event-date"),
        ("awareDate", JourneyFlow.WhenFoundOut, "aware-date"),
        ("desiredOutcome", JourneyFlow.Outcome, "desired-outcome"),
        ("complainant.name", JourneyFlow.YourName, "name"),
        ("complainant", JourneyFlow.Contact, "preference"),
        ("adjustments", JourneyFlow.Adjustments, "needs"),
        ("patient", JourneyFlow.NhsNumber, "nhs-number"),
    ];

    protected override string PageName => JourneyFlow.CheckAnswers;

    /// <summary>Where each message of the error summary links.</summary>
    public Dictionary<string, string> ErrorLinks { get; } = [];

    public IActionResult OnGet()
    {
        if (Draft.OrganisationCode is null)
        {
            return RedirectToPage(JourneyFlow.Organisation);
        }
        Draft.Reviewing = true;
        DraftStore.Save(HttpContext.Session, Draft);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The second press of a double click, read after the first had sent the answers and dropped them: it lands on
        // the same confirmation instead of finding the answers gone.
        if (DraftStore.AwaitsConfirmation(HttpContext.Session))
        {
            return RedirectToPage("/Complain/Confirmation");
        }
        var submitted = await Apis.SubmitComplaintAsync(Draft.ToRequest(), Draft.IdempotencyKey, ct);
        if (submitted.Value is { } complaint)
        {
            DraftStore.Complete(HttpContext.Session, complaint);
            return RedirectToPage("/Complain/Confirmation");
        }
        var problem = submitted.Problem!;
        foreach (var (key, messages) in problem.Errors)
        {
            var question = Questions.FirstOrDefault(q => key.Equals(q.ApiField, StringComparison.OrdinalIgnoreCase) || key.StartsWith(q.ApiField + ".", StringComparison.OrdinalIgnoreCase));
            var page = question.Page ?? JourneyFlow.CheckAnswers;
            foreach (var message in messages)
            {
                var id = $"error-{Errors.All.Count}";
                Errors.Add(id, message);
                ErrorLinks[id] = Url.Page(page) + "#" + (question.InputId ?? "maincontent");
            }
        }
        if (!Errors.Any)
        {
            Errors.Add("error-0", problem.Detail ?? problem.Title ?? "Your complaint could not be sent. Try again.");
            ErrorLinks["error-0"] = "#maincontent";
        }
        return Page();
    }

    /// <summary>A "Change" link: back to the page, which returns here on "Continue".</summary>
    public string Change(string page) => Url.Page(page)!;
}
