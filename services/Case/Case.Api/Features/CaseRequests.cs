namespace IcsComplaints.Case.Api.Features;

/// <summary>The bodies of the case actions, as callers send them. Enumerations by name, dates as <c>YYYY-MM-DD</c>; a missing date means today.</summary>
public static class CaseRequests
{
    /// <summary>Acknowledge (Reg 13).</summary>
    /// <param name="AcknowledgedOn">When.</param>
    /// <param name="Channel">Letter, Email, Phone, Meeting or Text.</param>
    /// <param name="DiscussionOffered">The offer to discuss how it will be handled and the response period (must be true).</param>
    /// <param name="DiscussedOn">When the discussion took place, if it did.</param>
    public sealed record Acknowledge(string? AcknowledgedOn, string? Channel, bool? DiscussionOffered, string? DiscussedOn);

    /// <summary>A member of staff: <c>subjectId</c> "me" means the caller.</summary>
    /// <param name="SubjectId">Token subject, "me", or empty for someone who does not sign in here.</param>
    /// <param name="Name">Name.</param>
    public sealed record Person(string? SubjectId, string? Name);

    /// <summary>Start early resolution.</summary>
    /// <param name="StartedOn">When.</param>
    public sealed record EarlyResolution(string? StartedOn);

    /// <summary>Record how a complaint was resolved early.</summary>
    /// <param name="ResolvedOn">The day of the conversation that resolved it; empty means today.</param>
    /// <param name="Channel">How it was held: Phone, Meeting, Email, Letter or Text.</param>
    /// <param name="Discussed">What was discussed.</param>
    /// <param name="Agreed">What was agreed.</param>
    /// <param name="Outcome">Upheld, PartiallyUpheld or NotUpheld (KO41a).</param>
    public sealed record EarlyResolutionOutcome(string? ResolvedOn, string? Channel, string? Discussed, string? Agreed, string? Outcome);

    /// <summary>Start a closer look.</summary>
    /// <param name="StartedOn">When.</param>
    /// <param name="Reason">Why, when escalating from early resolution or going back from a draft.</param>
    /// <param name="Issues">The points to answer.</param>
    /// <param name="OutcomesSought">What the complainant wants to achieve.</param>
    /// <param name="Evidence">Evidence to gather.</param>
    /// <param name="PeopleToSpeakTo">Who will be spoken to.</param>
    /// <param name="Investigator">Who looks into it.</param>
    /// <param name="PriorInvolvement">The investigator was involved in what is complained about.</param>
    /// <param name="ConflictOfInterest">Any other conflict.</param>
    /// <param name="ImpartialityMeasures">How impartiality is protected when either is true.</param>
    /// <param name="ResponsiblePerson">Who is responsible for the final response.</param>
    public sealed record CloserLook(
        string? StartedOn, string? Reason, IReadOnlyList<string>? Issues, IReadOnlyList<string>? OutcomesSought, IReadOnlyList<string>? Evidence,
        IReadOnlyList<string>? PeopleToSpeakTo, Person? Investigator, bool? PriorInvolvement, bool? ConflictOfInterest, string? ImpartialityMeasures,
        Person? ResponsiblePerson);

    /// <summary>Agree or renegotiate the response date.</summary>
    /// <param name="AgreedOn">When.</param>
    /// <param name="DueBy">The response date.</param>
    /// <param name="WithComplainant">False when the complainant declined to discuss it and the organisation set it.</param>
    /// <param name="Reason">Why this date; required when changing an agreed date.</param>
    public sealed record ResponseDate(string? AgreedOn, string? DueBy, bool? WithComplainant, string? Reason);

    /// <summary>Pause the clock.</summary>
    /// <param name="Reason">AwaitingConsent, AwaitingComplainant or ParallelProcess.</param>
    /// <param name="Detail">What is awaited or which process (inquest, claim, regulator …).</param>
    /// <param name="From">First day paused.</param>
    public sealed record Pause(string? Reason, string? Detail, string? From);

    /// <summary>Restart the clock.</summary>
    /// <param name="On">The day.</param>
    public sealed record Resume(string? On);

    /// <summary>Log a contact.</summary>
    /// <param name="On">The day.</param>
    /// <param name="Channel">Phone, Email, Letter, Meeting or Text.</param>
    /// <param name="Outgoing">True when the organisation made contact.</param>
    /// <param name="IsUpdate">An update on progress before the outcome.</param>
    /// <param name="Summary">What was said.</param>
    public sealed record Contact(string? On, string? Channel, bool? Outgoing, bool? IsUpdate, string? Summary);

    /// <summary>Agree how often to update the complainant.</summary>
    /// <param name="EveryWorkingDays">Working days between updates.</param>
    /// <param name="AgreedOn">When.</param>
    public sealed record UpdateFrequency(int? EveryWorkingDays, string? AgreedOn);

    /// <summary>A member of staff complained about.</summary>
    /// <param name="Name">Name.</param>
    /// <param name="Role">Job role.</param>
    /// <param name="ToldOn">When told of the complaint.</param>
    /// <param name="SupportOffered">Support offered.</param>
    /// <param name="Comments">Their comments.</param>
    /// <param name="CommentsUse">How the comments were used in the response.</param>
    /// <param name="SawFinalResponseOn">When they saw the final response.</param>
    /// <param name="WorkEmail">Their work e-mail address, to tell them of the complaint and send them the final response.</param>
    public sealed record Staff(
        string? Name, string? Role, string? ToldOn, string? SupportOffered, string? Comments, string? CommentsUse, string? SawFinalResponseOn, string? WorkEmail = null);

    /// <summary>A finding.</summary>
    /// <param name="Issue">The point.</param>
    /// <param name="Conclusion">What was found.</param>
    /// <param name="Reasons">Why.</param>
    /// <param name="Upheld">Whether the point is upheld.</param>
    public sealed record Finding(string? Issue, string? Conclusion, string? Reasons, bool? Upheld);

    /// <summary>A change committed to.</summary>
    /// <param name="Action">What.</param>
    /// <param name="By">By when.</param>
    public sealed record Change(string? Action, string? By);

    /// <summary>The draft final response; sections may be left empty while drafting.</summary>
    /// <param name="ComplaintSummary">The complaint as understood.</param>
    /// <param name="OutcomesSought">What the complainant wanted to achieve.</param>
    /// <param name="Investigation">How it was looked into.</param>
    /// <param name="Findings">Findings.</param>
    /// <param name="Apology">Apology.</param>
    /// <param name="Changes">Changes and when.</param>
    /// <param name="Remedy">Remedy.</param>
    public sealed record Draft(
        string? ComplaintSummary, string? OutcomesSought, string? Investigation, IReadOnlyList<Finding>? Findings, string? Apology,
        IReadOnlyList<Change>? Changes, string? Remedy);

    /// <summary>Share the latest saved draft with its reviewers: an empty object, the step itself is the request.</summary>
    public sealed record ShareDraft;

    /// <summary>Name the responsible person and, optionally, a delegate who may sign.</summary>
    /// <param name="ResponsiblePerson">The responsible person (Reg 4).</param>
    /// <param name="Delegate">A named delegate.</param>
    public sealed record Signatories(Person? ResponsiblePerson, Person? Delegate);

    /// <summary>Sign the draft.</summary>
    /// <param name="Name">The signatory's name as printed.</param>
    /// <param name="Title">Their title as printed.</param>
    /// <param name="SignedOn">When; a signature recorded after the day it was given keeps its day.</param>
    public sealed record Sign(string? Name, string? Title, string? SignedOn);

    /// <summary>Send the final response.</summary>
    /// <param name="SentOn">When.</param>
    /// <param name="Channel">Letter or Email.</param>
    public sealed record Send(string? SentOn, string? Channel);

    /// <summary>A dated step with a reason (reopen).</summary>
    /// <param name="On">When.</param>
    /// <param name="Reason">Why.</param>
    public sealed record Reopen(string? On, string? Reason);

    /// <summary>Close a resolved case.</summary>
    /// <param name="ClosedOn">When.</param>
    public sealed record Close(string? ClosedOn);

    /// <summary>The complainant went to the Ombudsman.</summary>
    /// <param name="LearnedOn">When the organisation learnt of it.</param>
    /// <param name="OmbudsmanReference">The Ombudsman's reference.</param>
    public sealed record OmbudsmanReferral(string? LearnedOn, string? OmbudsmanReference);

    /// <summary>The Reg 14 delay letter.</summary>
    /// <param name="SentOn">When.</param>
    /// <param name="Reasons">Why no response had gone.</param>
    public sealed record DelayLetter(string? SentOn, string? Reasons);

    /// <summary>A contributing organisation's section.</summary>
    /// <param name="Text">The section.</param>
    public sealed record ContributionText(string? Text);

    /// <summary>An experience survey.</summary>
    /// <param name="Answers">Answers by question key: Yes, Partly, No or NotSure.</param>
    /// <param name="Comment">Anything else.</param>
    /// <param name="AnsweredOn">When; answers on paper or by phone are entered later and count in the month they were given.</param>
    public sealed record Survey(IReadOnlyDictionary<string, string>? Answers, string? Comment, string? AnsweredOn);

    /// <summary>Organisation settings; a setting left out keeps its value.</summary>
    /// <param name="EarlyResolutionTargetWorkingDays">Early-resolution target in working days from receipt.</param>
    /// <param name="ReviewWindowWorkingDays">Working days a reviewer has to comment on a shared draft.</param>
    public sealed record Settings(int? EarlyResolutionTargetWorkingDays, int? ReviewWindowWorkingDays);

    /// <summary>A contributing organisation's review of a shared draft.</summary>
    /// <param name="Comment">What it wants changed, if anything.</param>
    public sealed record ContributorReview(string? Comment);
}
