using System.Text.RegularExpressions;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Nhs;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.SubmitComplaint;

/// <summary>The complainant's and the patient's details: names, ways of contact, an address, an NHS number, a date of birth.</summary>
public static partial class ComplaintValidator
{
    private sealed record ComplainantDetails(
        string Name, string? Email, string? Phone, PostalAddress? Address, ContactMethod? ContactPreference, string? RelationshipToPatient);

    private sealed record PatientDetails(string? Name, string? NhsNumber, DateOnly? DateOfBirth);

    private static ComplainantDetails ReadComplainant(FieldReader fields, ComplainantInput? complainant)
    {
        var name = "";
        if (complainant is null)
        {
            fields.Add("complainant", "Say who is complaining.");
        }
        else
        {
            name = fields.Line(complainant.Name, "complainant.name", TextLimits.Name, "Give the complainant's name.") ?? "";
        }

        var email = NullIfBlank(complainant?.Email);
        if (email is not null && !EmailRules.IsValid(email))
        {
            fields.Add("complainant.email", "Give an e-mail address such as name@example.org.");
        }

        var phone = NullIfBlank(complainant?.Phone);
        if (phone is not null)
        {
            phone = PhoneSeparators().Replace(phone, "");
            if (!UkPhonePattern().IsMatch(phone))
            {
                fields.Add("complainant.phone", "Give a UK telephone number, such as 020 7946 0000 or +44 7700 900000.");
            }
            else if (phone.StartsWith("+44", StringComparison.Ordinal))
            {
                // One form per number, so the same person is recognised whichever way they wrote it.
                phone = "0" + phone[3..];
            }
        }

        var address = ReadAddress(fields, complainant?.Address);
        var preference = fields.Enum<ContactMethod>(complainant?.ContactPreference, "complainant.contactPreference");
        if (preference is ContactMethod.Email && email is null)
        {
            fields.Add("complainant.email", "Give an e-mail address: it is the preferred way of contact.");
        }
        if (preference is ContactMethod.Phone or ContactMethod.Text && phone is null && !fields.Has("complainant.phone"))
        {
            fields.Add("complainant.phone", "Give a telephone number: it is the preferred way of contact.");
        }
        if (preference is ContactMethod.Letter && address?.Postcode is null && !fields.Has("complainant.address.postcode"))
        {
            fields.Add("complainant.address", "Give a postal address: letters are the preferred way of contact.");
        }
        var relationship = fields.Text(complainant?.RelationshipToPatient, "complainant.relationshipToPatient", TextLimits.Note);
        return new ComplainantDetails(name, email, phone, address, preference, relationship);
    }

    private static PostalAddress? ReadAddress(FieldReader fields, AddressInput? address)
    {
        if (address is null)
        {
            return null;
        }
        var line1 = fields.Text(address.Line1, "complainant.address.line1", TextLimits.AddressLine);
        var line2 = fields.Text(address.Line2, "complainant.address.line2", TextLimits.AddressLine);
        var town = fields.Text(address.Town, "complainant.address.town", TextLimits.Town);
        string? postcode = null;
        if (NullIfBlank(address.Postcode) is { } given)
        {
            postcode = Postcodes.Normalise(given);
            if (postcode is null)
            {
                fields.Add("complainant.address.postcode", "Give a UK postcode, such as SE1 7EH.");
            }
        }
        if (line1 is null && postcode is not null)
        {
            fields.Add("complainant.address.line1", "Give the first line of the address.");
        }
        return new PostalAddress(line1, line2, town, postcode);
    }

    private static PatientDetails ReadPatient(FieldReader fields, PatientInput? patient, DateOnly today)
    {
        if (patient is null)
        {
            return new PatientDetails(null, null, null);
        }
        var name = fields.Line(patient.Name, "patient.name", TextLimits.Name);
        string? nhsNumber = null;
        if (NullIfBlank(patient.NhsNumber) is { } given && (nhsNumber = NhsNumber.Normalise(given)) is null)
        {
            // domain.md §7: ten digits whose last is the Modulus 11 check digit of the first nine.
            fields.Add("patient.nhsNumber", "This is not a valid NHS number: it has 10 digits and the last one is a check digit.");
        }
        DateOnly? dateOfBirth = null;
        if (Date(fields, patient.DateOfBirth, "patient.dateOfBirth") is { } parsed)
        {
            if (parsed > today || parsed.Year < 1900)
            {
                fields.Add("patient.dateOfBirth", "The date of birth must be a past date after 1900.");
            }
            else
            {
                dateOfBirth = parsed;
            }
        }
        return new PatientDetails(name, nhsNumber, dateOfBirth);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"[\s\-().]")]
    private static partial Regex PhoneSeparators();

    // A UK number: 0 and 9 or 10 further digits, or +44 and 9 or 10 digits without the leading 0.
    [GeneratedRegex(@"^(?:0\d{9,10}|\+44[1-9]\d{8,9})$")]
    private static partial Regex UkPhonePattern();
}
