using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.DataProtection;

namespace IcsComplaints.Intake.Api.Features.SubmitComplaint;

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
    ComplaintStore store, ComplaintEventPublisher events, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar,
    OrganisationDirectory directory, DuplicateDetection duplicates, ConcernEscalation concerns, IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _secrets = dataProtection.CreateProtector("IcsComplaints.Intake.IdempotencyRecord.StatusSecret");

    /// <summary>Checks who may submit, validates, routes and records the complaint.</summary>
    public async Task<SubmittedComplaint> SubmitAsync(
        SubmitComplaintCommand command, Caller caller, string? idempotencyKey, ComplaintChannel defaultChannel, CancellationToken ct)
    {
        var submitter = SubmissionRules.Classify(caller, command.OrganisationCode);
        command = await concerns.CarryAsync(command, submitter, caller, ct);
        var snapshot = await directory.GetAsync(ct);
        var valid = ComplaintValidator.Validate(
            command, idempotencyKey, defaultChannel, LondonTime.Today(time), new DateOnly(calendar.BankHolidays.FirstYear, 1, 1), submitter, snapshot);
        var requestHash = Hash(valid);
        var scopedKey = idempotencyKey is null ? null : $"{(caller.IsAuthenticated ? caller.SubjectId : "public")}:{idempotencyKey}";
        if (scopedKey is not null && await ReplayAsync(scopedKey, requestHash, ct) is { } earlier)
        {
            return earlier;
        }
        var statusSecret = submitter.SubmitsOnline() ? NewSecret() : null;

        for (var attempt = 1; ; attempt++)
        {
            var complaint = Complaint.Receive(
                ComplaintReference.New(), valid, snapshot, time.GetUtcNow(),
                complainantSubjectId: submitter == SubmitterKind.Complainant ? caller.SubjectId : null,
                statusSecretHash: statusSecret is null ? null : HashSecret(statusSecret));
            store.Add(complaint);
            if (scopedKey is not null)
            {
                store.Add(new IdempotencyRecord
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
            events.Publish(complaint);
            await concerns.BecomeAsync(complaint, ct);
            await duplicates.RecordCandidatesAsync(complaint, snapshot, ct);

            switch (await store.SaveUnlessRefusedAsync(
                [ComplaintStore.IdempotencyKeyConstraint, ComplaintStore.ReferenceConstraint, ComplaintStore.FromConcernConstraint], ct))
            {
                case null:
                    return new SubmittedComplaint(complaint.Id, complaint.Reference, Replayed: false, statusSecret);
                case ComplaintStore.IdempotencyKeyConstraint:
                    // The same key arrived twice at once and the other request won: answer as it did.
                    return await ReplayAsync(scopedKey!, requestHash, ct)
                        ?? throw new InvalidOperationException("The competing request's record vanished.");
                case ComplaintStore.FromConcernConstraint:
                    // Another member of staff made the concern a complaint a moment before.
                    throw new RequestValidationException(ConcernBecomingComplaint.Field, "This concern has already become a complaint.");
                case ComplaintStore.ReferenceConstraint when attempt < 5:
                    // A reference collision (about one in 10^10 per pair): draw another.
                    continue;
                default:
                    throw new InvalidOperationException("No unused complaint reference was drawn in five attempts.");
            }
        }
    }

    private async Task<SubmittedComplaint?> ReplayAsync(string key, string requestHash, CancellationToken ct)
    {
        var earlier = await store.FindIdempotencyRecordAsync(key, ct);
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

    /// <summary>SHA-256 of a status secret, as stored.</summary>
    public static string HashSecret(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string NewSecret() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    private static string Hash(ComplaintSubmission complaint) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(complaint, HashJsonOptions))));

    private static readonly JsonSerializerOptions HashJsonOptions = new();
}
