using System.Text.Json;
using IcsComplaints.Portal.Web.Clients;
using IcsComplaints.Portal.Web.Journey;

namespace IcsComplaints.Portal.Web.Pages.Staff.Record;

/// <summary>
/// A complaint staff are writing down as it was made to them by phone, letter, e-mail or in person, kept in the
/// server-side session like the public journey's draft (ADR 22), and its request to intake.
/// </summary>
public sealed class RecordDraft
{
    private const string Key = "staff-record-draft";

    public string? Channel { get; set; }
    public DateParts ReceivedOn { get; set; } = new();
    public DateParts WrittenRecordSentOn { get; set; } = new();
    public string? ComplainantType { get; set; }
    public string? Name { get; set; }
    public string? ContactPreference { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Line1 { get; set; }
    public string? Line2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }
    public string? Relationship { get; set; }
    public string? RepresentationBasis { get; set; }
    public string? ConsentEvidence { get; set; }
    public DateParts ConsentRecordedOn { get; set; } = new();
    public string? PatientName { get; set; }
    public string? NhsNumber { get; set; }
    public DateParts DateOfBirth { get; set; } = new();
    public string? Description { get; set; }
    public DateParts EventDate { get; set; } = new();
    public DateParts AwareDate { get; set; } = new();
    public string? DesiredOutcome { get; set; }

    /// <summary>
    /// The open concern the complaint is made from, if it is: its channel and day raised are then the complaint's, shown
    /// but not asked, and intake checks them against the concern.
    /// </summary>
    public Guid? FromConcernId { get; set; }

    /// <summary>The key that makes a repeated "Record complaint" record one complaint.</summary>
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>True for a representative (Reg 5): their basis, the person's consent and the patient are asked.</summary>
    public bool IsRepresentative => ComplainantType == "Representative";

    /// <summary>The complaint for intake, made to the user's organisation; unanswered questions are left out.</summary>
    public StaffComplaintRequest ToRequest(string? organisation) => new()
    {
        OrganisationCode = organisation,
        Channel = Channel,
        ReceivedOn = ReceivedOn.ToIso(),
        WrittenRecordSentOn = WrittenRecordSentOn.ToIso(),
        Complainant = new ComplainantPart(
            Blank(Name), Blank(Email), Blank(Phone), ComplainantType,
            Blank(Line1) is null && Blank(Town) is null && Blank(Postcode) is null ? null : new AddressPart(Blank(Line1), Blank(Line2), Blank(Town), Blank(Postcode)),
            ContactPreference, IsRepresentative ? Blank(Relationship) : null),
        Representation = IsRepresentative ? new RepresentationPart(RepresentationBasis, ConsentEvidence, ConsentRecordedOn.ToIso()) : null,
        Patient = IsRepresentative && (Blank(PatientName) is not null || Blank(NhsNumber) is not null || !DateOfBirth.IsEmpty)
            ? new PatientPart(Blank(PatientName), Blank(NhsNumber), DateOfBirth.ToIso())
            : null,
        Description = Description,
        EventDate = EventDate.ToIso(),
        AwareDate = AwareDate.ToIso(),
        DesiredOutcome = Blank(DesiredOutcome),
        FromConcernId = FromConcernId?.ToString(),
    };

    /// <summary>A new draft of a complaint made from an open concern, with the concern's channel and day raised.</summary>
    public static RecordDraft FromConcern(Concern concern)
    {
        ArgumentNullException.ThrowIfNull(concern);
        return new RecordDraft
        {
            FromConcernId = concern.Id,
            Channel = concern.Channel,
            ReceivedOn = new DateParts
            {
                Day = concern.ReceivedOn.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Month = concern.ReceivedOn.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Year = concern.ReceivedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        };
    }

    public static RecordDraft Load(ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.GetString(Key) is { } json ? JsonSerializer.Deserialize<RecordDraft>(json) ?? new RecordDraft() : new RecordDraft();
    }

    public static void Save(ISession session, RecordDraft draft)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.SetString(Key, JsonSerializer.Serialize(draft));
    }

    /// <summary>Forgets the draft once recorded, so the next complaint starts afresh.</summary>
    public static void Clear(ISession session) => session?.Remove(Key);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
