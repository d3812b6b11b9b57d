namespace IcsComplaints.Correspondence.Domain.Messages;

/// <summary>What each letter to the complainant is called where they see the list of what was sent to them.</summary>
public static class ComplainantLetterTitles
{
    /// <summary>The letter's title, or a plain description for one without a title of its own.</summary>
    public static string Of(string template) => template switch
    {
        MessageTemplates.OralComplaintRecord => "Our written record of your complaint",
        MessageTemplates.ConsentRequest => "Asking for your consent to share your complaint",
        MessageTemplates.TransferNotice => "Your complaint has been passed to another organisation",
        MessageTemplates.Acknowledgement => "Acknowledgement of your complaint",
        MessageTemplates.ResponseDateChanged => "A new date for our response",
        MessageTemplates.ClockPaused => "We paused our work on your complaint",
        MessageTemplates.ScheduledUpdate => "An update on your complaint",
        MessageTemplates.FinalResponse => "Our final response",
        MessageTemplates.EarlyResolutionConfirmation => "What we agreed about your complaint",
        MessageTemplates.SurveyInvitation => "Invitation to tell us how we handled your complaint",
        _ => "A letter about your complaint",
    };
}
