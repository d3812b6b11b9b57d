using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Intake.Domain.Rules;

namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>How a complaint comes to be: received now, or imported from another system, and routed on arrival either way.</summary>
public sealed partial class Complaint
{
    /// <summary>
    /// A complaint received now, routed on arrival (<see cref="ComplaintRouting.OnArrival"/>). A signed-in
    /// complainant can read it later; an online submitter follows it with the secret whose hash is kept.
    /// </summary>
    public static Complaint Receive(
        string reference, ComplaintSubmission submission, DirectorySnapshot directory, DateTimeOffset submittedAt,
        string? complainantSubjectId, string? statusSecretHash)
    {
        var complaint = From(reference, submission, directory, submittedAt);
        complaint.ComplainantSubjectId = complainantSubjectId;
        complaint.StatusSecretHash = statusSecretHash;
        complaint.Announce(new ComplaintEvent.Received(null, null));
        if (complaint.ShareConsentGiven is { } given)
        {
            complaint.Announce(new ComplaintEvent.ConsentRecorded(given, complaint.ReceivedOn));
        }
        return complaint;
    }

    /// <summary>
    /// A historical complaint loaded from another system, routed the same way; one already closed there stays closed
    /// here and keeps its closing date and outcome for reporting.
    /// </summary>
    public static Complaint Import(
        string reference, ComplaintSubmission submission, DirectorySnapshot directory, DateTimeOffset importedAt,
        string source, string externalId, DateOnly? closedOn, string? outcome)
    {
        var complaint = From(reference, submission, directory, importedAt);
        complaint.ImportSource = source;
        complaint.ImportExternalId = externalId;
        if (closedOn is not null)
        {
            complaint.State = ComplaintState.ClosedBeforeImport;
        }
        complaint.Announce(new ComplaintEvent.Received(closedOn, outcome));
        return complaint;
    }

    private static Complaint From(string reference, ComplaintSubmission submission, DirectorySnapshot directory, DateTimeOffset at)
    {
        var routing = ComplaintRouting.OnArrival(submission, directory);
        return new Complaint
        {
            Id = Guid.CreateVersion7(at),
            Reference = reference,
            OrganisationCode = submission.OrganisationCode,
            HandlingOrganisationCode = routing.HandlingOrganisationCode,
            AboutOrganisationCodes = [.. submission.AboutOrganisationCodes],
            Route = routing.Route,
            Parties = [.. routing.Parties],
            LeadOrganisationCode = routing.LeadOrganisationCode,
            ShareConsentGiven = submission.ShareConsentGiven,
            ShareConsentRecordedOn = submission.ShareConsentGiven is null ? null : submission.ReceivedOn,
            ReceivedOn = submission.ReceivedOn,
            Channel = submission.Channel,
            FromConcernId = submission.FromConcernId,
            Complainant = new Complainant(submission.Name, submission.Email, submission.Phone, submission.Address),
            ContactPreference = submission.ContactPreference,
            ComplainantType = submission.ComplainantType,
            RepresentativeBasis = submission.RepresentativeBasis,
            ConsentEvidence = submission.ConsentEvidence,
            ConsentRecordedOn = submission.ConsentRecordedOn,
            RelationshipToPatient = submission.RelationshipToPatient,
            BestInterestsDecisionRequired = submission.BestInterestsDecisionRequired,
            ReasonableAdjustments = [.. submission.Adjustments],
            InterpreterLanguage = submission.InterpreterLanguage,
            AdjustmentNotes = submission.AdjustmentNotes,
            EventDate = submission.EventDate,
            AwareDate = submission.AwareDate,
            OutOfTime = submission.OutOfTime,
            WrittenRecordSentOn = submission.WrittenRecordSentOn,
            Description = submission.Description,
            DesiredOutcome = submission.DesiredOutcome,
            PatientName = submission.PatientName,
            PatientNhsNumber = submission.PatientNhsNumber,
            PatientDateOfBirth = submission.PatientDateOfBirth,
            _nameWords = [.. Complaints.NameWords.Of(submission.Name, submission.PatientName).Select(w => new ComplaintNameWord(w))],
            SubmittedAt = at,
        };
    }
}
