using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Nhs;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.SubmitComplaint;

/// <summary>
/// Who may submit what. The public and complainants use the online channel and the complaint counts as received
/// today; staff and integrating systems record complaints made to their own organisation only, and staff may set
/// the date received (Reg 13: an oral complaint is written down and counts from the day it was made).
/// </summary>
public static class SubmissionRules
{
    /// <summary>Roles that record complaints for their organisation.</summary>
    public static readonly IReadOnlyList<string> RecordingRoles = [Roles.ComplaintsHandler, Roles.IcbCommissioner];

    /// <summary>Classifies the caller, refusing roles that do not submit and organisations not their own.</summary>
    public static SubmitterKind Classify(Caller caller, string? organisationCode)
    {
        if (!caller.IsAuthenticated)
        {
            return SubmitterKind.Public;
        }
        if (caller.Has(Roles.Complainant))
        {
            return SubmitterKind.Complainant;
        }
        var kind = caller.Has(Roles.IntegrationSystem) ? SubmitterKind.IntegrationSystem
            : caller.HasAny(RecordingRoles) ? SubmitterKind.Staff
            : throw new RequestForbiddenException("Your role does not record complaints.");
        // A malformed code is left to validation, which names the field.
        if (organisationCode is not null && OdsCode.IsValid(organisationCode) &&
            !string.Equals(caller.OrganisationCode, organisationCode.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestForbiddenException($"You can record complaints made to your own organisation ({caller.OrganisationCode}) only.");
        }
        return kind;
    }

    /// <summary>The public and complainants cannot choose the channel or backdate a complaint.</summary>
    public static void CheckPublicFields(SubmitterKind kind, SubmitComplaintCommand command, ValidationErrors errors)
    {
        if (!kind.SubmitsOnline())
        {
            return;
        }
        if (!string.IsNullOrWhiteSpace(command.ReceivedOn))
        {
            errors.Add("receivedOn", "The date received is set by staff recording a complaint; leave it out when submitting online.");
        }
        if (!string.IsNullOrWhiteSpace(command.Channel) && !string.Equals(command.Channel.Trim(), nameof(ComplaintChannel.Online), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("channel", "Complaints submitted online use the Online channel.");
        }
        if (!string.IsNullOrWhiteSpace(command.WrittenRecordSentOn))
        {
            errors.Add("writtenRecordSentOn", "Only staff recording an oral complaint send its written record (Reg 13(2)).");
        }
    }
}
