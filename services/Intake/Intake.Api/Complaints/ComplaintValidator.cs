using System.Text.RegularExpressions;
using IcsComplaints.Intake.Api.Directory;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Nhs;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>A complaint that passed validation, in canonical form.</summary>
public sealed record ValidComplaint
{
    /// <summary>ODS code of the organisation it was made to, upper case.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>ODS codes of the providers it is about.</summary>
    public IReadOnlyList<string> AboutOrganisationCodes { get; init; } = [];

    /// <summary>Date received.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>Channel.</summary>
    public ComplaintChannel Channel { get; init; }

    /// <summary>Complainant's name.</summary>
    public required string Name { get; init; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Telephone number in national form: digits only, with a leading 0.</summary>
    public string? Phone { get; init; }

    /// <summary>Postal address lines, town and postcode.</summary>
    public AddressInput? Address { get; init; }

    /// <summary>Contact preference.</summary>
    public ContactMethod? ContactPreference { get; init; }

    /// <summary>Patient, affected person or representative.</summary>
    public ComplainantType ComplainantType { get; init; }

    /// <summary>A representative's basis.</summary>
    public RepresentativeBasis? RepresentativeBasis { get; init; }

    /// <summary>How the person's consent was evidenced.</summary>
    public ConsentEvidence? ConsentEvidence { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateOnly? ConsentRecordedOn { get; init; }

    /// <summary>A representative's relationship to the person.</summary>
    public string? RelationshipToPatient { get; init; }

    /// <summary>A best-interests decision is needed before the complaint proceeds (Reg 5(4)).</summary>
    public bool BestInterestsDecisionRequired { get; init; }

    /// <summary>Reasonable adjustments.</summary>
    public IReadOnlyList<ReasonableAdjustment> Adjustments { get; init; } = [];

    /// <summary>Interpreter language.</summary>
    public string? InterpreterLanguage { get; init; }

    /// <summary>Notes on adjustments.</summary>
    public string? AdjustmentNotes { get; init; }

    /// <summary>When the matter happened.</summary>
    public DateOnly? EventDate { get; init; }

    /// <summary>When it came to the complainant's notice.</summary>
    public DateOnly? AwareDate { get; init; }

    /// <summary>Received after the time limit (Reg 12).</summary>
    public bool OutOfTime { get; init; }

    /// <summary>When the written record of an oral complaint went to the complainant (Reg 13(2)).</summary>
    public DateOnly? WrittenRecordSentOn { get; init; }

    /// <summary>Consent to share with the provider, when asked (Reg 7(3)).</summary>
    public bool? ShareConsentGiven { get; init; }

    /// <summary>The complaint.</summary>
    public required string Description { get; init; }

    /// <summary>Patient's name.</summary>
    public string? PatientName { get; init; }

    /// <summary>Patient's NHS number, ten digits.</summary>
    public string? PatientNhsNumber { get; init; }

    /// <summary>Patient's date of birth.</summary>
    public DateOnly? PatientDateOfBirth { get; init; }
}

/// <summary>
/// Checks a submitted complaint field by field and reports every problem at once, with the regulation behind each
/// rule. Nothing is stored when any field is wrong.
/// </summary>
public static partial class ComplaintValidator
{
    /// <summary>Longest name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 20_000;

    /// <summary>Longest e-mail address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Longest free-text field other than the description.</summary>
    public const int MaxTextLength = 1_000;

    /// <summary>Longest list of organisations a complaint can be about.</summary>
    public const int MaxAboutOrganisations = 10;

    /// <summary>
    /// Validates <paramref name="command"/>; throws <see cref="RequestValidationException"/> listing every bad
    /// field. <paramref name="today"/> is today in Europe/London; <paramref name="earliest"/> the first date the
    /// working-day calendar covers; <paramref name="directory"/>, when given, must know every organisation named.
    /// </summary>
    public static ValidComplaint Validate(
        SubmitComplaintCommand command, string? idempotencyKey, ComplaintChannel defaultChannel, DateOnly today, DateOnly earliest,
        SubmitterKind submitter = SubmitterKind.Staff, DirectorySnapshot? directory = null)
    {
        var errors = new ValidationErrors();
        SubmissionRules.CheckPublicFields(submitter, command, errors);
        if (idempotencyKey is not null && !IdempotencyKeyPattern().IsMatch(idempotencyKey))
        {
            errors.Add("idempotencyKey", "The Idempotency-Key must be 1 to 200 visible ASCII characters without spaces.");
        }

        var receivedOn = today;
        if (!string.IsNullOrWhiteSpace(command.ReceivedOn) && !errors.Has("receivedOn"))
        {
            if (Date(command.ReceivedOn, "receivedOn", errors) is { } received)
            {
                if (received > today)
                {
                    errors.Add("receivedOn", $"The date received cannot be after today ({today:yyyy-MM-dd}).");
                }
                else if (received < earliest)
                {
                    errors.Add("receivedOn", $"The date received must be on or after {earliest:yyyy-MM-dd}, the start of the working-day calendar.");
                }
                receivedOn = received;
            }
        }

        var organisationCode = ValidateOrganisation(command.OrganisationCode, receivedOn, directory, errors);
        var about = ValidateAbout(command.AboutOrganisationCodes, organisationCode, receivedOn, directory, errors);

        var channel = defaultChannel;
        if (!string.IsNullOrWhiteSpace(command.Channel) && !errors.Has("channel"))
        {
            var name = command.Channel.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
            if (!Enum.TryParse(name, ignoreCase: true, out channel) || !Enum.IsDefined(channel) || int.TryParse(name, out _))
            {
                errors.Add("channel", "Channel must be one of: " + string.Join(", ", Enum.GetNames<ComplaintChannel>()) + ".");
            }
        }

        var complainant = command.Complainant;
        var complainantName = "";
        if (complainant is null)
        {
            errors.Add("complainant", "Say who is complaining.");
        }
        else
        {
            complainantName = TextRules.Read(complainant.Name, "complainant.name", errors, MaxNameLength, "Give the complainant's name.", singleLine: true) ?? "";
        }

        var email = NullIfBlank(complainant?.Email);
        if (email is not null && (email.Length > MaxEmailLength || !EmailPattern().IsMatch(email) || TextRules.Problem(email, MaxEmailLength, singleLine: true) is not null))
        {
            errors.Add("complainant.email", "Give an e-mail address such as name@example.org.");
        }

        var phone = NullIfBlank(complainant?.Phone);
        if (phone is not null)
        {
            phone = PhoneSeparators().Replace(phone, "");
            if (!UkPhonePattern().IsMatch(phone))
            {
                errors.Add("complainant.phone", "Give a UK telephone number, such as 020 7946 0000 or +44 7700 900000.");
            }
            else if (phone.StartsWith("+44", StringComparison.Ordinal))
            {
                // One form per number, so the same person is recognised whichever way they wrote it.
                phone = "0" + phone[3..];
            }
        }

        var address = ValidateAddress(complainant?.Address, errors);
        var preference = EnumOf<ContactMethod>(complainant?.ContactPreference, "complainant.contactPreference", errors);
        if (preference is ContactMethod.Email && email is null)
        {
            errors.Add("complainant.email", "Give an e-mail address: it is the preferred way of contact.");
        }
        if (preference is ContactMethod.Phone or ContactMethod.Text && phone is null && !errors.Has("complainant.phone"))
        {
            errors.Add("complainant.phone", "Give a telephone number: it is the preferred way of contact.");
        }
        if (preference is ContactMethod.Letter && address?.Postcode is null && !errors.Has("complainant.address.postcode"))
        {
            errors.Add("complainant.address", "Give a postal address: letters are the preferred way of contact.");
        }

        var relationship = Text(complainant?.RelationshipToPatient, "complainant.relationshipToPatient", errors);
        var (patientName, nhsNumber, dateOfBirth) = ValidatePatient(command.Patient, today, errors);
        var who = ValidateRepresentation(command, complainant, dateOfBirth, receivedOn, today, errors);
        var adjustments = ValidateAdjustments(command.Adjustments, errors);
        var (eventDate, awareDate) = ValidateDates(command, receivedOn, errors);
        var writtenRecordSentOn = ValidateWrittenRecord(command.WrittenRecordSentOn, channel, receivedOn, today, errors);
        var shareConsent = ValidateShareConsent(command.ShareWithProviderConsent, errors);

        var description = TextRules.Read(command.Description, "description", errors, MaxDescriptionLength, "Describe what the complaint is about.") ?? "";

        errors.ThrowIfAny();
        return new ValidComplaint
        {
            OrganisationCode = organisationCode!,
            AboutOrganisationCodes = about,
            ReceivedOn = receivedOn,
            Channel = channel,
            Name = complainantName,
            Email = email,
            Phone = phone,
            Address = address,
            ContactPreference = preference,
            ComplainantType = who.Type,
            RepresentativeBasis = who.Basis,
            ConsentEvidence = who.Evidence,
            ConsentRecordedOn = who.RecordedOn,
            RelationshipToPatient = relationship,
            BestInterestsDecisionRequired = who.Basis is RepresentativeBasis.PersonIsChild or RepresentativeBasis.LacksCapacity,
            Adjustments = adjustments.Needs,
            InterpreterLanguage = adjustments.Language,
            AdjustmentNotes = adjustments.Notes,
            EventDate = eventDate,
            AwareDate = awareDate,
            OutOfTime = TimeLimit.IsOutOfTime(receivedOn, eventDate, awareDate),
            WrittenRecordSentOn = writtenRecordSentOn,
            ShareConsentGiven = shareConsent,
            Description = description,
            PatientName = patientName,
            PatientNhsNumber = nhsNumber,
            PatientDateOfBirth = dateOfBirth,
        };
    }

    /// <summary>True when the text has the shape of an ODS code (3 to 9 letters and digits).</summary>
    public static bool IsOdsCode(string code) => OdsCodePattern().IsMatch(code);

    private static string? ValidateOrganisation(string? code, DateOnly receivedOn, DirectorySnapshot? directory, ValidationErrors errors)
    {
        var organisationCode = code?.Trim().ToUpperInvariant() ?? "";
        if (organisationCode.Length == 0)
        {
            errors.Add("organisationCode", "Give the ODS code of the organisation the complaint is made to.");
            return null;
        }
        if (!IsOdsCode(organisationCode))
        {
            errors.Add("organisationCode", "An ODS code is 3 to 9 letters and digits, such as RJ1 or A81001.");
            return null;
        }
        if (directory is null)
        {
            return organisationCode;
        }
        var organisation = directory.Find(organisationCode);
        if (organisation is null)
        {
            errors.Add("organisationCode", $"No organisation with ODS code {organisationCode} is known here.");
        }
        else if (!(organisation.IsProvider || organisation.Kind == OrganisationKind.Icb))
        {
            errors.Add("organisationCode", $"{organisation.Name} is not an NHS body or provider that handles complaints here.");
        }
        else if (!organisation.IsOpenOn(receivedOn))
        {
            var successors = organisation.Successors.Count > 0 ? $" Its successors: {string.Join(", ", organisation.Successors)}." : "";
            errors.Add("organisationCode", $"{organisation.Name} did not exist on {receivedOn:yyyy-MM-dd}.{successors}");
        }
        return organisationCode;
    }

    private static List<string> ValidateAbout(
        IReadOnlyList<string>? codes, string? recipient, DateOnly receivedOn, DirectorySnapshot? directory, ValidationErrors errors)
    {
        var about = new List<string>();
        if (codes is null)
        {
            return about;
        }
        if (codes.Count > MaxAboutOrganisations)
        {
            errors.Add("aboutOrganisationCodes", $"At most {MaxAboutOrganisations} organisations.");
            return about;
        }
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i]?.Trim().ToUpperInvariant() ?? "";
            var field = $"aboutOrganisationCodes[{i}]";
            if (!IsOdsCode(code))
            {
                errors.Add(field, "An ODS code is 3 to 9 letters and digits.");
                continue;
            }
            if (directory?.Find(code) is { } organisation)
            {
                if (!organisation.IsProvider)
                {
                    errors.Add(field, $"{organisation.Name} is not a provider of NHS services.");
                    continue;
                }
                if (!organisation.IsOpenOn(receivedOn))
                {
                    errors.Add(field, $"{organisation.Name} did not exist on {receivedOn:yyyy-MM-dd}.");
                    continue;
                }
            }
            else if (directory is not null)
            {
                errors.Add(field, $"No organisation with ODS code {code} is known here.");
                continue;
            }
            if (code != recipient && !about.Contains(code))
            {
                about.Add(code);
            }
        }
        return about;
    }

    private static AddressInput? ValidateAddress(AddressInput? address, ValidationErrors errors)
    {
        if (address is null)
        {
            return null;
        }
        var line1 = Text(address.Line1, "complainant.address.line1", errors, 200);
        var line2 = Text(address.Line2, "complainant.address.line2", errors, 200);
        var town = Text(address.Town, "complainant.address.town", errors, 100);
        string? postcode = null;
        if (NullIfBlank(address.Postcode) is { } given)
        {
            postcode = Postcodes.Normalise(given);
            if (postcode is null)
            {
                errors.Add("complainant.address.postcode", "Give a UK postcode, such as SE1 7EH.");
            }
        }
        if (line1 is null && postcode is not null)
        {
            errors.Add("complainant.address.line1", "Give the first line of the address.");
        }
        return new AddressInput(line1, line2, town, postcode);
    }

    private static (string? Name, string? NhsNumber, DateOnly? DateOfBirth) ValidatePatient(PatientInput? patient, DateOnly today, ValidationErrors errors)
    {
        if (patient is null)
        {
            return (null, null, null);
        }
        var name = TextRules.Read(patient.Name, "patient.name", errors, MaxNameLength, singleLine: true);
        string? nhsNumber = null;
        if (NullIfBlank(patient.NhsNumber) is { } given && (nhsNumber = NhsNumber.Normalise(given)) is null)
        {
            // domain.md §7: ten digits whose last is the Modulus 11 check digit of the first nine.
            errors.Add("patient.nhsNumber", "This is not a valid NHS number: it has 10 digits and the last one is a check digit.");
        }
        DateOnly? dateOfBirth = null;
        if (NullIfBlank(patient.DateOfBirth) is not null && Date(patient.DateOfBirth, "patient.dateOfBirth", errors) is { } parsed)
        {
            if (parsed > today || parsed.Year < 1900)
            {
                errors.Add("patient.dateOfBirth", "The date of birth must be a past date after 1900.");
            }
            else
            {
                dateOfBirth = parsed;
            }
        }
        return (name, nhsNumber, dateOfBirth);
    }

    private static (ComplainantType Type, RepresentativeBasis? Basis, ConsentEvidence? Evidence, DateOnly? RecordedOn) ValidateRepresentation(
        SubmitComplaintCommand command, ComplainantInput? complainant, DateOnly? patientDateOfBirth, DateOnly receivedOn, DateOnly today, ValidationErrors errors)
    {
        // Reg 5(1)–(2): the patient, a person affected, or a representative of one of them.
        var type = EnumOf<ComplainantType>(complainant?.Type, "complainant.type", errors) ?? ComplainantType.Patient;
        var representation = command.Representation;
        if (type != ComplainantType.Representative)
        {
            if (representation is not null)
            {
                errors.Add("representation", "Only a representative gives a basis for representing someone (Reg 5(2)).");
            }
            return (type, null, null, null);
        }
        if (representation is null)
        {
            errors.Add("representation", "Say why the representative complains for the person (Reg 5(2)): PersonAsked, PersonDied, PersonIsChild, PhysicalIncapacity or LacksCapacity.");
            return (type, null, null, null);
        }
        var basis = EnumOf<RepresentativeBasis>(representation.Basis, "representation.basis", errors);
        if (basis is null && !errors.Has("representation.basis"))
        {
            errors.Add("representation.basis", "Give the basis: PersonAsked, PersonDied, PersonIsChild, PhysicalIncapacity or LacksCapacity (Reg 5(2)).");
        }
        var evidence = EnumOf<ConsentEvidence>(representation.ConsentEvidence, "representation.consentEvidence", errors);
        DateOnly? recordedOn = null;
        if (NullIfBlank(representation.ConsentRecordedOn) is not null && Date(representation.ConsentRecordedOn, "representation.consentRecordedOn", errors) is { } recorded)
        {
            if (recorded > today)
            {
                errors.Add("representation.consentRecordedOn", "The consent cannot be recorded after today.");
            }
            recordedOn = recorded;
        }
        // Where the person can consent (they asked, or are only physically unable to complain), their consent is evidenced.
        if (basis is RepresentativeBasis.PersonAsked or RepresentativeBasis.PhysicalIncapacity && evidence is null && !errors.Has("representation.consentEvidence"))
        {
            errors.Add("representation.consentEvidence", "Record how the person consented to being represented: Written, Verbal or Electronic (Reg 5(2)).");
        }
        // Reg 2: a child is under 18.
        if (basis is RepresentativeBasis.PersonIsChild && patientDateOfBirth is { } dob && dob.AddYears(18) <= receivedOn)
        {
            errors.Add("representation.basis", "The patient was 18 or over when the complaint was received: not a child (Reg 2).");
        }
        return (type, basis, evidence, recordedOn);
    }

    private static (List<ReasonableAdjustment> Needs, string? Language, string? Notes) ValidateAdjustments(AdjustmentsInput? adjustments, ValidationErrors errors)
    {
        var needs = new List<ReasonableAdjustment>();
        if (adjustments is null)
        {
            return (needs, null, null);
        }
        var given = adjustments.Needs ?? [];
        for (var i = 0; i < given.Count && i < 20; i++)
        {
            if (EnumOf<ReasonableAdjustment>(given[i], $"adjustments.needs[{i}]", errors) is { } need && !needs.Contains(need))
            {
                needs.Add(need);
            }
        }
        if (given.Count > 20)
        {
            errors.Add("adjustments.needs", "At most 20 adjustments.");
        }
        var language = Text(adjustments.InterpreterLanguage, "adjustments.interpreterLanguage", errors, 100);
        if (needs.Contains(ReasonableAdjustment.Interpreter) && language is null)
        {
            errors.Add("adjustments.interpreterLanguage", "Give the language the interpreter is needed for.");
        }
        return (needs, language, Text(adjustments.Notes, "adjustments.notes", errors));
    }

    private static (DateOnly? Event, DateOnly? Aware) ValidateDates(SubmitComplaintCommand command, DateOnly receivedOn, ValidationErrors errors)
    {
        DateOnly? eventDate = NullIfBlank(command.EventDate) is null ? null : Date(command.EventDate, "eventDate", errors);
        DateOnly? awareDate = NullIfBlank(command.AwareDate) is null ? null : Date(command.AwareDate, "awareDate", errors);
        if (eventDate is { } e && (e > receivedOn || e.Year < 1900))
        {
            errors.Add("eventDate", "The events complained about must be on or before the date received.");
        }
        if (awareDate is { } a && (a > receivedOn || a.Year < 1900))
        {
            errors.Add("awareDate", "The date the complainant became aware must be on or before the date received.");
        }
        if (eventDate is { } ev && awareDate is { } aw && aw < ev)
        {
            errors.Add("awareDate", "Nobody can become aware of events before they happen: give a date on or after the event date.");
        }
        return (eventDate, awareDate);
    }

    private static DateOnly? ValidateWrittenRecord(string? value, ComplaintChannel channel, DateOnly receivedOn, DateOnly today, ValidationErrors errors)
    {
        if (NullIfBlank(value) is null || Date(value, "writtenRecordSentOn", errors) is not { } sent)
        {
            return null;
        }
        if (channel is not (ComplaintChannel.Phone or ComplaintChannel.InPerson or ComplaintChannel.Pals))
        {
            errors.Add("writtenRecordSentOn", "Only an oral complaint (phone, in person, PALS) has a written record to send (Reg 13(2)).");
        }
        else if (sent < receivedOn || sent > today)
        {
            errors.Add("writtenRecordSentOn", "The written record is sent on or after the day the complaint was made, and not after today.");
        }
        return sent;
    }

    private static bool? ValidateShareConsent(string? value, ValidationErrors errors) =>
        NullIfBlank(value) switch
        {
            null => null,
            var v when v.Equals("Given", StringComparison.OrdinalIgnoreCase) => true,
            var v when v.Equals("Refused", StringComparison.OrdinalIgnoreCase) => false,
            _ => Fail(errors, "shareWithProviderConsent", "Say Given or Refused (Reg 7(3)), or leave it out if not yet asked."),
        };

    private static bool? Fail(ValidationErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }

    // Every date of a complaint lies between 1900 and the end of the working-day calendar; each field adds its own rule.
    private static DateOnly? Date(string? value, string field, ValidationErrors errors) =>
        DateRules.Read(value, field, errors, DateRules.EarliestBirth, DateRules.LastCalendarDay, required: "Give the date as YYYY-MM-DD.");

    private static TEnum? EnumOf<TEnum>(string? value, string field, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        if (NullIfBlank(value) is not { } given)
        {
            return null;
        }
        var name = given.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (Enum.TryParse<TEnum>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _))
        {
            return parsed;
        }
        errors.Add(field, "Must be one of: " + string.Join(", ", Enum.GetNames<TEnum>()) + ".");
        return null;
    }

    private static string? Text(string? value, string field, ValidationErrors errors, int maxLength = MaxTextLength) =>
        TextRules.Read(value, field, errors, maxLength);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z0-9]{3,9}$")]
    private static partial Regex OdsCodePattern();

    [GeneratedRegex(@"^[\x21-\x7E]{1,200}$")]
    private static partial Regex IdempotencyKeyPattern();

    [GeneratedRegex(@"^[^@\s""<>(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneSeparators();

    // A UK number: 0 and 9 or 10 further digits, or +44 and 9 or 10 digits without the leading 0.
    [GeneratedRegex(@"^(?:0\d{9,10}|\+44[1-9]\d{8,9})$")]
    private static partial Regex UkPhonePattern();
}
