using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Features.SubmitComplaint;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.ImportComplaints;

/// <summary>A row read from an import file: the complaint to record, or why it was refused.</summary>
/// <param name="Line">Line number in the file.</param>
/// <param name="ExternalId">The row's identifier in the source system ("" when it had none).</param>
/// <param name="Complaint">The validated complaint, unless rejected.</param>
/// <param name="ClosedOn">For a closed complaint, its closing date.</param>
/// <param name="Outcome">For a closed complaint, its outcome.</param>
/// <param name="Rejections">Why the row was refused, or <c>null</c>.</param>
public sealed record ImportRow(int Line, string ExternalId, ComplaintSubmission? Complaint, DateOnly? ClosedOn, string? Outcome, IReadOnlyList<RejectedRow>? Rejections);

/// <summary>
/// Checks the rows of an import file by the same rules as a staff-recorded complaint, for the command-line tool and
/// the REST upload alike.
/// </summary>
/// <param name="snapshot">The organisation directory.</param>
/// <param name="today">Today in London.</param>
/// <param name="earliest">The earliest date received the working-day calendar can count from.</param>
/// <param name="organisation">When set, the only organisation complaints may be made to.</param>
/// <param name="seen">External ids already read, with the line each first appeared on.</param>
public sealed class ImportRowParser(DirectorySnapshot snapshot, DateOnly today, DateOnly earliest, string? organisation, Dictionary<string, int> seen)
{
    /// <summary>A parser for a file read today.</summary>
    public static ImportRowParser For(DirectorySnapshot snapshot, WorkingDayCalendar calendar, TimeProvider time, string? organisation, Dictionary<string, int>? firstLines = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new(snapshot, LondonTime.Today(time), new DateOnly(calendar.BankHolidays.FirstYear, 1, 1), organisation,
            firstLines ?? new Dictionary<string, int>(StringComparer.Ordinal));
    }

    /// <summary>
    /// The row as a complaint to record, or its rejections. A repeated external id is refused with the line it first
    /// appeared on; an import for one organisation refuses complaints made to any other.
    /// </summary>
    public ImportRow Parse(IReadOnlyDictionary<string, string> values, int line)
    {
        string? Get(string column) => values.TryGetValue(column, out var v) && v.Length > 0 ? v : null;
        var externalId = Get("external_id");
        if (externalId is null || externalId.Length > 100)
        {
            return Reject(line, externalId, "external_id", "Give the complaint's identifier in the source system (1 to 100 characters).");
        }
        // The first line of each id may be known in advance (an uploaded import resumed part-way through).
        if (!seen.TryAdd(externalId, line) && seen[externalId] != line)
        {
            return Reject(line, externalId, "external_id", $"Repeats the row on line {seen[externalId]}.");
        }
        var command = new SubmitComplaintCommand
        {
            OrganisationCode = Get("organisation_code"),
            ReceivedOn = Get("received_on"),
            Channel = Get("channel"),
            Complainant = new ComplainantInput(Get("complainant_name"), Get("complainant_email"), Get("complainant_phone"))
            {
                Type = Get("complainant_type"),
                Address = Get("address_line1") is null && Get("postcode") is null
                    ? null
                    : new AddressInput(Get("address_line1"), Get("address_line2"), Get("town"), Get("postcode")),
            },
            Representation = Get("representative_basis") is null && Get("consent_evidence") is null
                ? null
                : new RepresentationInput(Get("representative_basis"), Get("consent_evidence"), null),
            Patient = Get("patient_name") is null && Get("patient_nhs_number") is null && Get("patient_date_of_birth") is null
                ? null
                : new PatientInput(Get("patient_name"), Get("patient_nhs_number"), Get("patient_date_of_birth")),
            EventDate = Get("event_date"),
            AwareDate = Get("aware_date"),
            AboutOrganisationCodes = Get("about_organisation_codes")?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Description = Get("description"),
            DesiredOutcome = Get("desired_outcome"),
        };
        if (command.ReceivedOn is null)
        {
            return Reject(line, externalId, "received_on", "Give the date the complaint was received, YYYY-MM-DD.");
        }
        ComplaintSubmission complaint;
        try
        {
            // Historical records are written complaints unless the file says otherwise (KO41a counts written complaints).
            complaint = ComplaintValidator.Validate(command, null, ComplaintChannel.Letter, today, earliest, SubmitterKind.Staff, snapshot);
        }
        catch (RequestValidationException ex)
        {
            return new ImportRow(line, externalId, null, null, null,
                [.. ex.Errors.SelectMany(e => e.Value.Select(message => new RejectedRow(line, externalId, ColumnOf(e.Key), message)))]);
        }
        DateOnly? closedOn;
        try
        {
            var fields = new FieldReader();
            closedOn = fields.Date(Get("closed_on"), "closed_on", DateRules.EarliestBirth, DateRules.LastCalendarDay);
            fields.ThrowIfAny();
        }
        catch (RequestValidationException ex)
        {
            return Reject(line, externalId, "closed_on", ex.Errors["closed_on"][0]);
        }
        if (closedOn is { } date && (date < complaint.ReceivedOn || date > today))
        {
            return Reject(line, externalId, "closed_on", "A complaint is closed on or after the day it was received, and not after today.");
        }
        string? outcome = null;
        if (Get("outcome") is { } given)
        {
            outcome = ComplaintImporter.Outcomes.FirstOrDefault(o => o.Equals(given.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            if (outcome is null)
            {
                return Reject(line, externalId, "outcome", "The outcome is Upheld, PartiallyUpheld or NotUpheld (KO41a).");
            }
            if (closedOn is null)
            {
                return Reject(line, externalId, "closed_on", "A complaint with an outcome has a closing date.");
            }
        }
        if (organisation is not null && complaint.OrganisationCode != organisation)
        {
            return Reject(line, externalId, "organisation_code", $"Only complaints made to your organisation ({organisation}) can be imported here.");
        }
        return new ImportRow(line, externalId, complaint, closedOn, outcome, null);
    }

    private static ImportRow Reject(int line, string? externalId, string field, string reason) =>
        new(line, externalId ?? "", null, null, null, [new RejectedRow(line, externalId, field, reason)]);

    // The validator names JSON fields (complainant.address.postcode); the report names the file's columns.
    private static string ColumnOf(string field) => field switch
    {
        "organisationCode" => "organisation_code",
        "receivedOn" => "received_on",
        "complainant" or "complainant.name" => "complainant_name",
        "complainant.email" => "complainant_email",
        "complainant.phone" => "complainant_phone",
        "complainant.type" => "complainant_type",
        "complainant.address.line1" => "address_line1",
        "complainant.address.line2" => "address_line2",
        "complainant.address.town" => "town",
        "complainant.address.postcode" => "postcode",
        "representation" or "representation.basis" => "representative_basis",
        "representation.consentEvidence" => "consent_evidence",
        "patient.name" => "patient_name",
        "patient.nhsNumber" => "patient_nhs_number",
        "patient.dateOfBirth" => "patient_date_of_birth",
        "eventDate" => "event_date",
        "awareDate" => "aware_date",
        "desiredOutcome" => "desired_outcome",
        _ when field.StartsWith("aboutOrganisationCodes", StringComparison.Ordinal) => "about_organisation_codes",
        _ => field,
    };
}
