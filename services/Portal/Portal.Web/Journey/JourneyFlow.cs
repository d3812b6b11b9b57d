namespace IcsComplaints.Portal.Web.Journey;

/// <summary>
/// The order of the complaint journey's questions, one per page, skipping those that do not apply: the consent to
/// share only for a complaint to the ICB (Reg 7(3)), the representative's questions only for a representative (Reg 5).
/// </summary>
public static class JourneyFlow
{
    public const string Organisation = "/Complain/Organisation";
    public const string Share = "/Complain/Share";
    public const string Who = "/Complain/Who";
    public const string Basis = "/Complain/Basis";
    public const string Consent = "/Complain/Consent";
    public const string Patient = "/Complain/Patient";
    public const string WhatHappened = "/Complain/WhatHappened";
    public const string WhenItHappened = "/Complain/WhenItHappened";
    public const string WhenFoundOut = "/Complain/WhenFoundOut";
    public const string Outcome = "/Complain/Outcome";
    public const string YourName = "/Complain/YourName";
    public const string Contact = "/Complain/Contact";
    public const string Adjustments = "/Complain/Adjustments";
    public const string NhsNumber = "/Complain/NhsNumber";
    public const string CheckAnswers = "/Complain/CheckAnswers";

    private static readonly string[] Order =
        [Organisation, Share, Who, Basis, Consent, Patient, WhatHappened, WhenItHappened, WhenFoundOut, Outcome, YourName, Contact, Adjustments, NhsNumber, CheckAnswers];

    /// <summary>True when the page asks something this complaint needs.</summary>
    public static bool Applies(string page, ComplaintDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return page switch
        {
            Share => draft.OrganisationIsIcb,
            Basis => draft.IsRepresentative,
            // The person can consent when they asked, or are only physically unable to complain (Reg 5(2)).
            Consent => draft.IsRepresentative && draft.RepresentationBasis is "PersonAsked" or "PhysicalIncapacity",
            Patient => draft.IsForSomeoneElse,
            _ => true,
        };
    }

    /// <summary>Where "Continue" goes: the next question that applies, or back to the answers when reviewing them.</summary>
    public static string Next(string page, ComplaintDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Reviewing)
        {
            // A changed answer may open a question that was skipped before (a representative's basis, say).
            var opened = Order.TakeWhile(p => p != CheckAnswers).FirstOrDefault(p => Applies(p, draft) && !Answered(p, draft));
            return opened ?? CheckAnswers;
        }
        return Order.SkipWhile(p => p != page).Skip(1).First(p => Applies(p, draft));
    }

    /// <summary>Where "Back" goes: the previous question that applies.</summary>
    public static string? Previous(string page, ComplaintDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Reviewing && page != CheckAnswers)
        {
            return CheckAnswers;
        }
        return Order.TakeWhile(p => p != page).LastOrDefault(p => Applies(p, draft));
    }

    // Answered as far as moving on is concerned; whether the answer is good is the API's to say.
    private static bool Answered(string page, ComplaintDraft draft) => page switch
    {
        Organisation => draft.OrganisationCode is not null,
        Share => draft.ShareWithProviderConsent is not null,
        Who => draft.ComplainantType is not null,
        Basis => draft.RepresentationBasis is not null,
        Consent => draft.ConsentEvidence is not null,
        Patient => draft.PatientName is not null,
        WhatHappened => draft.Description is not null,
        WhenItHappened => !draft.EventDate.IsEmpty,
        WhenFoundOut => draft.FoundOut is not null,
        YourName => draft.Name is not null,
        Contact => draft.ContactPreference is not null,
        _ => true,
    };
}
