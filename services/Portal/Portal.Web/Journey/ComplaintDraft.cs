namespace IcsComplaints.Portal.Web.Journey;

/// <summary>
/// The answers given so far in the complaint journey, kept in the person's session between pages (never in a URL).
/// Values stay as typed, so a page shows back exactly what was entered; the intake API judges them.
/// </summary>
public sealed class ComplaintDraft
{
    /// <summary>Sent with the submission: a double click or a resubmitted form records one complaint.</summary>
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    public string? OrganisationCode { get; set; }
    public string? OrganisationName { get; set; }

    /// <summary>True when the person did not know where to complain and the complaint goes to the ICB.</summary>
    public bool OrganisationUnknown { get; set; }

    public bool OrganisationIsIcb { get; set; }
    public string? ShareWithProviderConsent { get; set; }

    /// <summary>Patient, AffectedPerson or Representative (Reg 5).</summary>
    public string? ComplainantType { get; set; }

    public string? RepresentationBasis { get; set; }
    public string? ConsentEvidence { get; set; }
    public DateParts ConsentRecordedOn { get; set; } = new();
    public string? PatientName { get; set; }
    public string? RelationshipToPatient { get; set; }
    public string? Description { get; set; }
    public DateParts EventDate { get; set; } = new();

    /// <summary>"Same" when they found out when it happened, "Later" with <see cref="AwareDate"/>.</summary>
    public string? FoundOut { get; set; }

    public DateParts AwareDate { get; set; } = new();
    public string? DesiredOutcome { get; set; }
    public string? Name { get; set; }
    public string? ContactPreference { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public List<string> Needs { get; set; } = [];
    public string? InterpreterLanguage { get; set; }
    public string? AdjustmentNotes { get; set; }
    public string? NhsNumber { get; set; }
    public DateParts DateOfBirth { get; set; } = new();

    /// <summary>True once the person has reached "Check your answers": "Continue" then goes back there.</summary>
    public bool Reviewing { get; set; }

    public bool IsRepresentative => ComplainantType == "Representative";

    public bool IsForSomeoneElse => ComplainantType is "Representative" or "AffectedPerson";

    /// <summary>The complaint for the intake API, as far as it has been answered.</summary>
    public ComplaintRequest ToRequest() => new()
    {
        OrganisationCode = OrganisationCode,
        ShareWithProviderConsent = OrganisationIsIcb ? ShareWithProviderConsent : null,
        Complainant = new ComplainantPart(
            Name, NullIfBlank(Email), NullIfBlank(Phone), ComplainantType,
            string.IsNullOrWhiteSpace(AddressLine1) && string.IsNullOrWhiteSpace(Postcode) ? null : new AddressPart(AddressLine1, AddressLine2, Town, Postcode),
            ContactPreference, IsForSomeoneElse ? RelationshipToPatient : null),
        Representation = IsRepresentative ? new RepresentationPart(RepresentationBasis, ConsentEvidence, ConsentRecordedOn.ToIso()) : null,
        Patient = PatientName is null && NhsNumber is null && DateOfBirth.IsEmpty
            ? null
            : new PatientPart(IsForSomeoneElse ? PatientName : Name, NullIfBlank(NhsNumber), DateOfBirth.ToIso()),
        Adjustments = Needs.Count == 0 && string.IsNullOrWhiteSpace(AdjustmentNotes) ? null : new AdjustmentsPart(Needs, NullIfBlank(InterpreterLanguage), NullIfBlank(AdjustmentNotes)),
        EventDate = EventDate.ToIso(),
        AwareDate = FoundOut == "Later" ? AwareDate.ToIso() : null,
        Description = Description,
        DesiredOutcome = NullIfBlank(DesiredOutcome),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>
/// A date as typed in the three boxes of the design system's date input. It is passed on as <c>YYYY-MM-DD</c> when it
/// is a real date, and as typed otherwise, so the API's own message about the bad date is the one shown.
/// </summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date for the API, or null when nothing was typed.</summary>
    public string? ToIso()
    {
        if (IsEmpty)
        {
            return null;
        }
        if (int.TryParse(Day, out var d) && int.TryParse(Month, out var m) && int.TryParse(Year, out var y) && y is >= 1000 and <= 9999 &&
            m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        return $"{Year?.Trim()}-{Month?.Trim()}-{Day?.Trim()}";
    }

    /// <summary>The date as people read it, "3 March 2026", or as typed.</summary>
    public string Display() =>
        DateOnly.TryParseExact(ToIso(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))
            : $"{Day}/{Month}/{Year}";
}
