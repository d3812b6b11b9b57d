using System.Text.RegularExpressions;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.SubmitComplaint;

/// <summary>
/// Checks a submitted complaint field by field and reports every problem at once, with the regulation behind each
/// rule. Nothing is stored when any field is wrong. The complainant's and the patient's details are read in
/// <c>ComplaintValidator.People.cs</c>, the organisations in <c>ComplaintValidator.Organisations.cs</c>.
/// </summary>
public static partial class ComplaintValidator
{
    /// <summary>
    /// Validates <paramref name="command"/>; throws <see cref="RequestValidationException"/> listing every bad
    /// field. <paramref name="today"/> is today in Europe/London; <paramref name="earliest"/> the first date the
    /// working-day calendar covers; <paramref name="directory"/>, when given, must know every organisation named.
    /// </summary>
    public static ComplaintSubmission Validate(
        SubmitComplaintCommand command, string? idempotencyKey, ComplaintChannel defaultChannel, DateOnly today, DateOnly earliest,
        SubmitterKind submitter = SubmitterKind.Staff, DirectorySnapshot? directory = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fields = new FieldReader();
        SubmissionRules.CheckPublicFields(submitter, command, fields.Errors);
        if (idempotencyKey is not null && !IdempotencyKeyPattern().IsMatch(idempotencyKey))
        {
            fields.Add("idempotencyKey", "The Idempotency-Key must be 1 to 200 visible ASCII characters without spaces.");
        }

        var receivedOn = today;
        if (!string.IsNullOrWhiteSpace(command.ReceivedOn) && !fields.Has("receivedOn") && Date(fields, command.ReceivedOn, "receivedOn") is { } received)
        {
            if (received > today)
            {
                fields.Add("receivedOn", $"The date received cannot be after today ({today:yyyy-MM-dd}).");
            }
            else if (received < earliest)
            {
                fields.Add("receivedOn", $"The date received must be on or after {earliest:yyyy-MM-dd}, the start of the working-day calendar.");
            }
            receivedOn = received;
        }

        var organisationCode = ReadOrganisation(fields, command.OrganisationCode, receivedOn, directory);
        var about = ReadAbout(fields, command.AboutOrganisationCodes, organisationCode, receivedOn, directory);
        var channel = fields.Has("channel") ? defaultChannel : fields.Enum<ComplaintChannel>(command.Channel, "channel") ?? defaultChannel;
        var complainant = ReadComplainant(fields, command.Complainant);
        var patient = ReadPatient(fields, command.Patient, today);
        var type = fields.Enum<ComplainantType>(command.Complainant?.Type, "complainant.type") ?? ComplainantType.Patient;
        var representation = command.Representation;
        // Reg 5(1)–(2): the patient, a person affected, or a representative of one of them.
        var who = WhoMayComplain.Read(
            fields, type, representation is not null, representation?.Basis, representation?.ConsentEvidence, representation?.ConsentRecordedOn,
            patient.DateOfBirth, receivedOn, today);
        var adjustments = ReadAdjustments(fields, command.Adjustments);
        var eventDate = Date(fields, command.EventDate, "eventDate");
        var awareDate = Date(fields, command.AwareDate, "awareDate");
        TimeLimit.CheckDates(fields, eventDate, awareDate, receivedOn);
        var writtenRecordSentOn = Date(fields, command.WrittenRecordSentOn, "writtenRecordSentOn");
        if (writtenRecordSentOn is { } sent)
        {
            WrittenRecordOfOralComplaint.Check(fields, sent, channel, receivedOn, today);
        }
        var shareConsent = ReadShareConsent(fields, command.ShareWithProviderConsent);
        var description = fields.Text(command.Description, "description", TextLimits.Description, "Describe what the complaint is about.") ?? "";
        var desiredOutcome = fields.Text(command.DesiredOutcome, "desiredOutcome", TextLimits.DesiredOutcome);

        fields.ThrowIfAny();
        return new ComplaintSubmission
        {
            OrganisationCode = organisationCode!,
            AboutOrganisationCodes = about,
            ReceivedOn = receivedOn,
            Channel = channel,
            // Checked, and the date and channel taken from it, by ConcernEscalation before validation.
            FromConcernId = Guid.TryParse(command.FromConcernId, out var fromConcern) ? fromConcern : null,
            Name = complainant.Name,
            Email = complainant.Email,
            Phone = complainant.Phone,
            Address = complainant.Address,
            ContactPreference = complainant.ContactPreference,
            ComplainantType = type,
            RepresentativeBasis = who.Basis,
            ConsentEvidence = who.ConsentEvidence,
            ConsentRecordedOn = who.ConsentRecordedOn,
            RelationshipToPatient = complainant.RelationshipToPatient,
            BestInterestsDecisionRequired = WhoMayComplain.NeedsBestInterestsDecision(who.Basis),
            Adjustments = adjustments.Needs,
            InterpreterLanguage = adjustments.Language,
            AdjustmentNotes = adjustments.Notes,
            EventDate = eventDate,
            AwareDate = awareDate,
            OutOfTime = TimeLimit.IsOutOfTime(receivedOn, eventDate, awareDate),
            WrittenRecordSentOn = writtenRecordSentOn,
            ShareConsentGiven = shareConsent,
            Description = description,
            DesiredOutcome = desiredOutcome,
            PatientName = patient.Name,
            PatientNhsNumber = patient.NhsNumber,
            PatientDateOfBirth = patient.DateOfBirth,
        };
    }

    private static (List<ReasonableAdjustment> Needs, string? Language, string? Notes) ReadAdjustments(FieldReader fields, AdjustmentsInput? adjustments)
    {
        var needs = new List<ReasonableAdjustment>();
        if (adjustments is null)
        {
            return (needs, null, null);
        }
        var given = adjustments.Needs ?? [];
        for (var i = 0; i < given.Count && i < MaxAdjustments; i++)
        {
            if (fields.Enum<ReasonableAdjustment>(given[i], $"adjustments.needs[{i}]") is { } need && !needs.Contains(need))
            {
                needs.Add(need);
            }
        }
        if (given.Count > MaxAdjustments)
        {
            fields.Add("adjustments.needs", $"At most {MaxAdjustments} adjustments.");
        }
        var language = fields.Text(adjustments.InterpreterLanguage, "adjustments.interpreterLanguage", TextLimits.Language);
        if (needs.Contains(ReasonableAdjustment.Interpreter) && language is null)
        {
            fields.Add("adjustments.interpreterLanguage", "Give the language the interpreter is needed for.");
        }
        return (needs, language, fields.Text(adjustments.Notes, "adjustments.notes", TextLimits.Note));
    }

    private static bool? ReadShareConsent(FieldReader fields, string? value)
    {
        var given = value?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            return null;
        }
        if (given.Equals("Given", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (given.Equals("Refused", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        fields.Add("shareWithProviderConsent", "Say Given or Refused (Reg 7(3)), or leave it out if not yet asked.");
        return null;
    }

    // Every date of a complaint lies between 1900 and the end of the working-day calendar; each field adds its own rule.
    private static DateOnly? Date(FieldReader fields, string? value, string field) =>
        fields.Date(value, field, DateRules.EarliestBirth, DateRules.LastCalendarDay);

    private const int MaxAdjustments = 20;

    [GeneratedRegex(@"^[\x21-\x7E]{1,200}$")]
    private static partial Regex IdempotencyKeyPattern();
}
