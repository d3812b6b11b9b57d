using System.Globalization;
using System.Text.RegularExpressions;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.ServiceDefaults.Nhs;
using IcsComplaints.ServiceDefaults.Validation;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>A complaint that passed validation, in canonical form.</summary>
/// <param name="OrganisationCode">ODS code, upper case.</param>
/// <param name="ReceivedOn">Date received.</param>
/// <param name="Channel">Channel.</param>
/// <param name="Name">Complainant's name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">Telephone number, digits only with a leading 0 or +44.</param>
/// <param name="Description">The complaint.</param>
/// <param name="PatientName">Patient's name.</param>
/// <param name="PatientNhsNumber">Patient's NHS number, ten digits.</param>
/// <param name="PatientDateOfBirth">Patient's date of birth.</param>
public sealed record ValidComplaint(
    string OrganisationCode, DateOnly ReceivedOn, ComplaintChannel Channel, string Name, string? Email, string? Phone, string Description,
    string? PatientName = null, string? PatientNhsNumber = null, DateOnly? PatientDateOfBirth = null);

/// <summary>Checks a submitted complaint field by field and reports every problem at once.</summary>
public static partial class ComplaintValidator
{
    /// <summary>Longest complainant name.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest description.</summary>
    public const int MaxDescriptionLength = 20_000;

    /// <summary>Longest e-mail address (RFC 5321 path limit).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>
    /// Validates <paramref name="command"/>; throws <see cref="RequestValidationException"/> listing every bad
    /// field. <paramref name="today"/> is today in Europe/London; <paramref name="earliest"/> the first date the
    /// working-day calendar covers.
    /// </summary>
    public static ValidComplaint Validate(
        SubmitComplaintCommand command, string? idempotencyKey, ComplaintChannel defaultChannel, DateOnly today, DateOnly earliest,
        SubmitterKind submitter = SubmitterKind.Staff)
    {
        var errors = new ValidationErrors();
        SubmissionRules.CheckPublicFields(submitter, command, errors);
        if (idempotencyKey is not null && !IdempotencyKeyPattern().IsMatch(idempotencyKey))
        {
            errors.Add("idempotencyKey", "The Idempotency-Key must be 1 to 200 visible ASCII characters without spaces.");
        }

        var organisationCode = command.OrganisationCode?.Trim() ?? "";
        if (organisationCode.Length == 0)
        {
            errors.Add("organisationCode", "Give the ODS code of the organisation the complaint is about.");
        }
        else if (!OdsCodePattern().IsMatch(organisationCode))
        {
            errors.Add("organisationCode", "An ODS code is 3 to 9 letters and digits, such as RJ1 or A81001.");
        }

        var receivedOn = today;
        if (!string.IsNullOrWhiteSpace(command.ReceivedOn) && !errors.Has("receivedOn"))
        {
            if (!DateOnly.TryParseExact(command.ReceivedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out receivedOn))
            {
                errors.Add("receivedOn", "Give the date received as YYYY-MM-DD.");
            }
            else if (receivedOn > today)
            {
                errors.Add("receivedOn", $"The date received cannot be after today ({today:yyyy-MM-dd}).");
            }
            else if (receivedOn < earliest)
            {
                errors.Add("receivedOn", $"The date received must be on or after {earliest:yyyy-MM-dd}, the start of the working-day calendar.");
            }
        }

        var channel = defaultChannel;
        if (!string.IsNullOrWhiteSpace(command.Channel) && !errors.Has("channel"))
        {
            var name = command.Channel.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
            if (!Enum.TryParse(name, ignoreCase: true, out channel) || !Enum.IsDefined(channel) || int.TryParse(name, out _))
            {
                errors.Add("channel", "Channel must be one of: " + string.Join(", ", Enum.GetNames<ComplaintChannel>()) + ".");
            }
        }

        var complainantName = command.Complainant?.Name?.Trim() ?? "";
        if (command.Complainant is null)
        {
            errors.Add("complainant", "Say who is complaining.");
        }
        else if (complainantName.Length == 0)
        {
            errors.Add("complainant.name", "Give the complainant's name.");
        }
        else if (complainantName.Length > MaxNameLength || HasControlCharacters(complainantName))
        {
            errors.Add("complainant.name", $"The name must be at most {MaxNameLength} characters, without control characters.");
        }

        var email = NullIfBlank(command.Complainant?.Email);
        if (email is not null && (email.Length > MaxEmailLength || !EmailPattern().IsMatch(email)))
        {
            errors.Add("complainant.email", "Give an e-mail address such as name@example.org.");
        }

        var phone = NullIfBlank(command.Complainant?.Phone);
        if (phone is not null)
        {
            phone = PhoneSeparators().Replace(phone, "");
            if (!UkPhonePattern().IsMatch(phone))
            {
                errors.Add("complainant.phone", "Give a UK telephone number, such as 020 7946 0000 or +44 7700 900000.");
            }
        }

        var description = command.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            errors.Add("description", "Describe what the complaint is about.");
        }
        else if (description.Length > MaxDescriptionLength)
        {
            errors.Add("description", $"The description must be at most {MaxDescriptionLength:N0} characters.");
        }

        var (patientName, nhsNumber, dateOfBirth) = ValidatePatient(command.Patient, today, errors);

        errors.ThrowIfAny();
        return new ValidComplaint(
            organisationCode.ToUpperInvariant(), receivedOn, channel, complainantName, email, phone, description, patientName, nhsNumber, dateOfBirth);
    }

    private static (string? Name, string? NhsNumber, DateOnly? DateOfBirth) ValidatePatient(PatientInput? patient, DateOnly today, ValidationErrors errors)
    {
        if (patient is null)
        {
            return (null, null, null);
        }
        var name = NullIfBlank(patient.Name);
        if (name is not null && (name.Length > MaxNameLength || HasControlCharacters(name)))
        {
            errors.Add("patient.name", $"The name must be at most {MaxNameLength} characters, without control characters.");
        }
        string? nhsNumber = null;
        if (NullIfBlank(patient.NhsNumber) is { } given && (nhsNumber = NhsNumber.Normalise(given)) is null)
        {
            // domain.md §7: ten digits whose last is the Modulus 11 check digit of the first nine.
            errors.Add("patient.nhsNumber", "This is not a valid NHS number: it has 10 digits and the last one is a check digit.");
        }
        DateOnly? dateOfBirth = null;
        if (NullIfBlank(patient.DateOfBirth) is { } dob)
        {
            if (!DateOnly.TryParseExact(dob, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                errors.Add("patient.dateOfBirth", "Give the date of birth as YYYY-MM-DD.");
            }
            else if (parsed > today || parsed.Year < 1900)
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

    /// <summary>True when the text has the shape of an ODS code (3 to 9 letters and digits).</summary>
    public static bool IsOdsCode(string code) => OdsCodePattern().IsMatch(code);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool HasControlCharacters(string value) => value.Any(char.IsControl);

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
