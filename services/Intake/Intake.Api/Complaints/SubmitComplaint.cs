using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>A complaint as a caller sends it, before validation (REST and gRPC both map to this).</summary>
/// <param name="OrganisationCode">ODS code of the organisation complained to.</param>
/// <param name="ReceivedOn">Date received, <c>YYYY-MM-DD</c>; empty for today.</param>
/// <param name="Channel">Channel name; empty for the transport's default.</param>
/// <param name="Complainant">The complainant.</param>
/// <param name="Description">The complaint.</param>
public sealed record SubmitComplaintCommand(
    string? OrganisationCode, string? ReceivedOn, string? Channel, ComplainantInput? Complainant, string? Description);

/// <summary>The complainant as sent.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">UK telephone number.</param>
public sealed record ComplainantInput(string? Name, string? Email, string? Phone);

/// <summary>The outcome of a submission.</summary>
/// <param name="ComplaintId">Identifier of the complaint.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="Replayed">True when an earlier request with the same Idempotency-Key recorded it.</param>
public sealed record SubmittedComplaint(Guid ComplaintId, string Reference, bool Replayed);

/// <summary>
/// Records a complaint and, in the same transaction, its <see cref="ComplaintSubmitted"/> event in the outbox.
/// With an Idempotency-Key, a retry returns the first result and records nothing new.
/// </summary>
public sealed partial class SubmitComplaintHandler(IntakeDbContext db, IOutbox outbox, TimeProvider time, WorkingDayCalendar calendar)
{
    private const int MaxNameLength = 200;
    private const int MaxDescriptionLength = 20_000;
    private const int MaxEmailLength = 254;

    /// <summary>Validates and records the complaint.</summary>
    public async Task<SubmittedComplaint> SubmitAsync(
        SubmitComplaintCommand command, string? idempotencyKey, ComplaintChannel defaultChannel, CancellationToken ct)
    {
        var valid = Validate(command, idempotencyKey, defaultChannel);
        var requestHash = Hash(valid);
        if (idempotencyKey is not null && await ReplayAsync(idempotencyKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }

        for (var attempt = 1; ; attempt++)
        {
            var complaint = new Complaint
            {
                Id = Guid.CreateVersion7(),
                Reference = ComplaintReference.New(),
                OrganisationCode = valid.OrganisationCode,
                ReceivedOn = valid.ReceivedOn,
                Channel = valid.Channel,
                Complainant = new Complainant { Name = valid.Name, Email = valid.Email, Phone = valid.Phone },
                Description = valid.Description,
                SubmittedAt = time.GetUtcNow(),
            };
            db.Complaints.Add(complaint);
            if (idempotencyKey is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Key = idempotencyKey,
                    RequestHash = requestHash,
                    ComplaintId = complaint.Id,
                    Reference = complaint.Reference,
                    CreatedAt = complaint.SubmittedAt,
                });
            }
            outbox.Publish(new ComplaintSubmitted
            {
                ComplaintId = complaint.Id,
                Reference = complaint.Reference,
                OrganisationCode = complaint.OrganisationCode,
                ReceivedOn = complaint.ReceivedOn,
                Channel = complaint.Channel,
                SubmittedAt = complaint.SubmittedAt,
            });

            try
            {
                await db.SaveChangesAsync(ct);
                return new SubmittedComplaint(complaint.Id, complaint.Reference, Replayed: false);
            }
            catch (DbUpdateException ex) when (idempotencyKey is not null && IsUniqueViolation(ex, "pk_idempotency_records"))
            {
                // The same key arrived twice at once and the other request won: answer as it did.
                db.ChangeTracker.Clear();
                return await ReplayAsync(idempotencyKey, requestHash, ct)
                    ?? throw new InvalidOperationException("The competing request's record vanished.", ex);
            }
            catch (DbUpdateException ex) when (attempt < 5 && IsUniqueViolation(ex, "ix_complaints_reference"))
            {
                // A reference collision (about one in 10^10 per pair): draw another.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<SubmittedComplaint?> ReplayAsync(string key, string requestHash, CancellationToken ct)
    {
        var earlier = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (earlier is null)
        {
            return null;
        }
        return earlier.RequestHash == requestHash
            ? new SubmittedComplaint(earlier.ComplaintId, earlier.Reference, Replayed: true)
            : throw new RequestConflictException("This Idempotency-Key was already used for a different complaint. Use a new key for a new complaint.");
    }

    private static bool IsUniqueViolation(DbUpdateException ex, string constraint) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == constraint;

    private ValidComplaint Validate(SubmitComplaintCommand command, string? idempotencyKey, ComplaintChannel defaultChannel)
    {
        var errors = new ValidationErrors();
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

        var today = LondonTime.Today(time);
        var receivedOn = today;
        if (!string.IsNullOrWhiteSpace(command.ReceivedOn))
        {
            var earliest = new DateOnly(calendar.BankHolidays.FirstYear, 1, 1);
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
        if (!string.IsNullOrWhiteSpace(command.Channel))
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

        errors.ThrowIfAny();
        return new ValidComplaint(organisationCode.ToUpperInvariant(), receivedOn, channel, complainantName, email, phone, description);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    private static string Hash(ValidComplaint complaint) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(complaint, HashJsonOptions))));

    private static readonly JsonSerializerOptions HashJsonOptions = new();

    private sealed record ValidComplaint(
        string OrganisationCode, DateOnly ReceivedOn, ComplaintChannel Channel, string Name, string? Email, string? Phone, string Description);

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
