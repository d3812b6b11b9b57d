using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Directory;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>The outcome of a submission.</summary>
/// <param name="ComplaintId">Identifier of the complaint.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="Replayed">True when an earlier request with the same Idempotency-Key recorded it.</param>
/// <param name="StatusSecret">For online submitters: the secret that, with the reference, shows progress.</param>
public sealed record SubmittedComplaint(Guid ComplaintId, string Reference, bool Replayed, string? StatusSecret);

/// <summary>
/// Records a complaint, routes it (Reg 6, 7, 9), looks for the same matter raised elsewhere (either/or), and in the
/// same transaction puts its events in the outbox. With an Idempotency-Key, a retry returns the first result and
/// records nothing new.
/// </summary>
public sealed class SubmitComplaintHandler(
    IntakeDbContext db, IOutbox outbox, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar, OrganisationDirectory directory,
    DuplicateDetection duplicates, IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _secrets = dataProtection.CreateProtector("IcsComplaints.Intake.IdempotencyRecord.StatusSecret");

    /// <summary>Checks who may submit, validates, routes and records the complaint.</summary>
    public async Task<SubmittedComplaint> SubmitAsync(
        SubmitComplaintCommand command, Caller caller, string? idempotencyKey, ComplaintChannel defaultChannel, CancellationToken ct)
    {
        var submitter = SubmissionRules.Classify(caller, command.OrganisationCode);
        var snapshot = await directory.GetAsync(ct);
        var valid = ComplaintValidator.Validate(
            command, idempotencyKey, defaultChannel, LondonTime.Today(time), new DateOnly(calendar.BankHolidays.FirstYear, 1, 1), submitter, snapshot);
        var requestHash = Hash(valid);
        var scopedKey = idempotencyKey is null ? null : $"{(caller.IsAuthenticated ? caller.SubjectId : "public")}:{idempotencyKey}";
        if (scopedKey is not null && await ReplayAsync(scopedKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }
        var statusSecret = submitter is SubmitterKind.Public or SubmitterKind.Complainant ? NewSecret() : null;
        var routing = ComplaintRouting.OnArrival(valid, snapshot);

        for (var attempt = 1; ; attempt++)
        {
            var complaint = NewComplaint(
                valid, routing, time.GetUtcNow(),
                complainantSubjectId: submitter == SubmitterKind.Complainant ? caller.SubjectId : null,
                statusSecretHash: statusSecret is null ? null : HashSecret(statusSecret));
            db.Complaints.Add(complaint);
            if (scopedKey is not null)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Key = scopedKey,
                    RequestHash = requestHash,
                    ComplaintId = complaint.Id,
                    Reference = complaint.Reference,
                    ProtectedStatusSecret = statusSecret is null ? null : _secrets.Protect(statusSecret),
                    CreatedAt = complaint.SubmittedAt,
                });
            }
            audit.Record(AuditAction.Create, AuditResources.Complaint, complaint.Id.ToString(), complaint.OrganisationCode);
            outbox.Publish(Submitted(complaint));
            if (complaint.ShareConsentGiven is { } given)
            {
                outbox.Publish(new ConsentRecorded { ComplaintId = complaint.Id, Given = given, RecordedOn = complaint.ReceivedOn });
            }
            await duplicates.RecordCandidatesAsync(complaint, snapshot, ct);

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

    /// <summary>A new complaint from validated input and its routing.</summary>
    public static Complaint NewComplaint(
        ValidComplaint valid, RoutingOutcome routing, DateTimeOffset now, string? complainantSubjectId = null, string? statusSecretHash = null,
        string? importSource = null, string? importExternalId = null) => new()
    {
        ComplainantSubjectId = complainantSubjectId,
        StatusSecretHash = statusSecretHash,
        Id = Guid.CreateVersion7(now),
        Reference = ComplaintReference.New(),
        OrganisationCode = valid.OrganisationCode,
        HandlingOrganisationCode = routing.HandlingOrganisationCode,
        AboutOrganisationCodes = [.. valid.AboutOrganisationCodes],
        Route = routing.Route,
        Parties = [.. routing.Parties],
        LeadOrganisationCode = routing.LeadOrganisationCode,
        ShareConsentGiven = valid.ShareConsentGiven,
        ShareConsentRecordedOn = valid.ShareConsentGiven is null ? null : valid.ReceivedOn,
        ReceivedOn = valid.ReceivedOn,
        Channel = valid.Channel,
        Complainant = new Complainant
        {
            Name = valid.Name,
            Email = valid.Email,
            Phone = valid.Phone,
            AddressLine1 = valid.Address?.Line1,
            AddressLine2 = valid.Address?.Line2,
            Town = valid.Address?.Town,
            Postcode = valid.Address?.Postcode,
        },
        ContactPreference = valid.ContactPreference,
        ComplainantType = valid.ComplainantType,
        RepresentativeBasis = valid.RepresentativeBasis,
        ConsentEvidence = valid.ConsentEvidence,
        ConsentRecordedOn = valid.ConsentRecordedOn,
        RelationshipToPatient = valid.RelationshipToPatient,
        BestInterestsDecisionRequired = valid.BestInterestsDecisionRequired,
        ReasonableAdjustments = [.. valid.Adjustments],
        InterpreterLanguage = valid.InterpreterLanguage,
        AdjustmentNotes = valid.AdjustmentNotes,
        EventDate = valid.EventDate,
        AwareDate = valid.AwareDate,
        OutOfTime = valid.OutOfTime,
        WrittenRecordSentOn = valid.WrittenRecordSentOn,
        Description = valid.Description,
        PatientName = valid.PatientName,
        PatientNhsNumber = valid.PatientNhsNumber,
        PatientDateOfBirth = valid.PatientDateOfBirth,
        SubmittedAt = now,
        ImportSource = importSource,
        ImportExternalId = importExternalId,
    };

    /// <summary>The <see cref="ComplaintSubmitted"/> event of a complaint: identifiers, codes, dates and flags only.</summary>
    public static ComplaintSubmitted Submitted(Complaint complaint, DateOnly? closedOn = null, string? outcome = null) => new()
    {
        ComplaintId = complaint.Id,
        Reference = complaint.Reference,
        OrganisationCode = complaint.OrganisationCode,
        HandlingOrganisationCode = complaint.HandlingOrganisationCode,
        AboutOrganisationCodes = complaint.AboutOrganisationCodes,
        Route = complaint.Route,
        Parties = complaint.Parties,
        LeadOrganisationCode = complaint.LeadOrganisationCode,
        ReceivedOn = complaint.ReceivedOn,
        Channel = complaint.Channel,
        SubmittedAt = complaint.SubmittedAt,
        ComplainantSubjectId = complaint.ComplainantSubjectId,
        ComplainantType = complaint.ComplainantType,
        OutOfTime = complaint.OutOfTime,
        AwaitingBestInterestsDecision = complaint.BestInterestsDecisionRequired,
        Imported = complaint.ImportSource is not null,
        ClosedOn = closedOn,
        Outcome = outcome,
    };

    private async Task<SubmittedComplaint?> ReplayAsync(string key, string requestHash, CancellationToken ct)
    {
        var earlier = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (earlier is null)
        {
            return null;
        }
        return earlier.RequestHash == requestHash
            ? new SubmittedComplaint(earlier.ComplaintId, earlier.Reference, Replayed: true, StatusSecretOf(earlier))
            : throw new RequestConflictException("This Idempotency-Key was already used for a different complaint. Use a new key for a new complaint.");
    }

    // A record whose key ring has since been lost cannot give the secret back; the reference is answer enough to a retry.
    private string? StatusSecretOf(IdempotencyRecord record)
    {
        if (record.ProtectedStatusSecret is null)
        {
            return null;
        }
        try
        {
            return _secrets.Unprotect(record.ProtectedStatusSecret);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
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
