using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults.Audit;
using IcsComplaints.ServiceDefaults.Security;
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
/// <param name="Patient">The patient the complaint is about, when known.</param>
public sealed record SubmitComplaintCommand(
    string? OrganisationCode, string? ReceivedOn, string? Channel, ComplainantInput? Complainant, string? Description,
    PatientInput? Patient = null);

/// <summary>The complainant as sent.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">UK telephone number.</param>
public sealed record ComplainantInput(string? Name, string? Email, string? Phone);

/// <summary>The patient as sent.</summary>
/// <param name="Name">Full name.</param>
/// <param name="NhsNumber">NHS number (ten digits, Modulus 11 checked; spaces allowed).</param>
/// <param name="DateOfBirth">Date of birth, <c>YYYY-MM-DD</c>.</param>
public sealed record PatientInput(string? Name, string? NhsNumber, string? DateOfBirth);

/// <summary>The outcome of a submission.</summary>
/// <param name="ComplaintId">Identifier of the complaint.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="Replayed">True when an earlier request with the same Idempotency-Key recorded it.</param>
/// <param name="StatusSecret">For online submitters: the secret that, with the reference, shows progress.</param>
public sealed record SubmittedComplaint(Guid ComplaintId, string Reference, bool Replayed, string? StatusSecret);

/// <summary>
/// Records a complaint and, in the same transaction, its <see cref="ComplaintSubmitted"/> event in the outbox.
/// With an Idempotency-Key, a retry returns the first result and records nothing new.
/// </summary>
public sealed class SubmitComplaintHandler(IntakeDbContext db, IOutbox outbox, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar)
{
    /// <summary>Checks who may submit, validates and records the complaint.</summary>
    public async Task<SubmittedComplaint> SubmitAsync(
        SubmitComplaintCommand command, Caller caller, string? idempotencyKey, ComplaintChannel defaultChannel, CancellationToken ct)
    {
        var submitter = SubmissionRules.Classify(caller, command.OrganisationCode);
        var valid = ComplaintValidator.Validate(
            command, idempotencyKey, defaultChannel, LondonTime.Today(time), new DateOnly(calendar.BankHolidays.FirstYear, 1, 1), submitter);
        var requestHash = Hash(valid);
        var scopedKey = idempotencyKey is null ? null : $"{(caller.IsAuthenticated ? caller.SubjectId : "public")}:{idempotencyKey}";
        if (scopedKey is not null && await ReplayAsync(scopedKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }
        var statusSecret = submitter is SubmitterKind.Public or SubmitterKind.Complainant ? NewSecret() : null;
        var complainantSubject = submitter == SubmitterKind.Complainant ? caller.SubjectId : null;

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
                PatientName = valid.PatientName,
                PatientNhsNumber = valid.PatientNhsNumber,
                PatientDateOfBirth = valid.PatientDateOfBirth,
                SubmittedAt = time.GetUtcNow(),
                ComplainantSubjectId = complainantSubject,
                StatusSecretHash = statusSecret is null ? null : HashSecret(statusSecret),
            };
            db.Complaints.Add(complaint);
            if (scopedKey is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Key = scopedKey,
                    RequestHash = requestHash,
                    ComplaintId = complaint.Id,
                    Reference = complaint.Reference,
                    StatusSecret = statusSecret,
                    CreatedAt = complaint.SubmittedAt,
                });
            }
            audit.Record(AuditAction.Create, AuditResources.Complaint, complaint.Id.ToString(), complaint.OrganisationCode);
            outbox.Publish(new ComplaintSubmitted
            {
                ComplaintId = complaint.Id,
                Reference = complaint.Reference,
                OrganisationCode = complaint.OrganisationCode,
                ReceivedOn = complaint.ReceivedOn,
                Channel = complaint.Channel,
                SubmittedAt = complaint.SubmittedAt,
                ComplainantSubjectId = complaint.ComplainantSubjectId,
            });

            try
            {
                await db.SaveChangesAsync(ct);
                return new SubmittedComplaint(complaint.Id, complaint.Reference, Replayed: false, statusSecret);
            }
            catch (DbUpdateException ex) when (scopedKey is not null && IsUniqueViolation(ex, "pk_idempotency_records"))
            {
                // The same key arrived twice at once and the other request won: answer as it did.
                db.ChangeTracker.Clear();
                return await ReplayAsync(scopedKey, requestHash, ct)
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
            ? new SubmittedComplaint(earlier.ComplaintId, earlier.Reference, Replayed: true, earlier.StatusSecret)
            : throw new RequestConflictException("This Idempotency-Key was already used for a different complaint. Use a new key for a new complaint.");
    }

    private static bool IsUniqueViolation(DbUpdateException ex, string constraint) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == constraint;

    /// <summary>SHA-256 of a status secret, as stored.</summary>
    public static string HashSecret(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    private static string Hash(ValidComplaint complaint) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(complaint, HashJsonOptions))));

    private static readonly JsonSerializerOptions HashJsonOptions = new();
}
