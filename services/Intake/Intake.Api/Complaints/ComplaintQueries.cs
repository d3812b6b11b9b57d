using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Contracts;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.ServiceDefaults.Audit;
using IcsComplaints.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using System.Security.Cryptography;
using System.Text;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>A complaint with the complainant's details: personal data, shown only to those entitled and audited.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Reference">Reference.</param>
/// <param name="OrganisationCode">ODS code of the organisation complained to.</param>
/// <param name="ReceivedOn">Date received.</param>
/// <param name="Channel">How it arrived.</param>
/// <param name="SubmittedAt">When it was recorded.</param>
/// <param name="Status">Progress.</param>
/// <param name="Complainant">Who complained.</param>
/// <param name="Description">What about.</param>
/// <param name="Patient">The patient, when given.</param>
public sealed record ComplaintDetail(
    Guid Id, string Reference, string OrganisationCode, DateOnly ReceivedOn, ComplaintChannel Channel, DateTimeOffset SubmittedAt,
    ComplaintStatus Status, ComplainantInput Complainant, string Description, PatientInput? Patient);

/// <summary>What an online submitter sees with the reference and status secret: progress, no personal data.</summary>
/// <param name="Reference">Reference.</param>
/// <param name="OrganisationCode">ODS code of the organisation complained to.</param>
/// <param name="ReceivedOn">Date received.</param>
/// <param name="Status">Progress.</param>
public sealed record ComplaintProgress(string Reference, string OrganisationCode, DateOnly ReceivedOn, ComplaintStatus Status);

/// <summary>Reads complaints for those entitled to them.</summary>
public sealed class ComplaintQueries(IntakeDbContext db, IAuditTrail audit)
{
    /// <summary>Roles that may read the complaints made to their own organisation.</summary>
    public static readonly IReadOnlyList<string> ReaderRoles =
        [Roles.ComplaintsHandler, Roles.Investigator, Roles.ResponsiblePerson, Roles.QualityLead, Roles.IcbCommissioner];

    /// <summary>
    /// The complaint, if the caller is staff of the organisation it was made to or the complainant who submitted it;
    /// otherwise <c>null</c>, as if it did not exist. Every read is audited.
    /// </summary>
    public async Task<ComplaintDetail?> GetAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null || !MayRead(caller, complaint))
        {
            return null;
        }
        await audit.RecordReadAsync(AuditResources.Complaint, complaint.Id.ToString(), complaint.OrganisationCode, ct);
        return new ComplaintDetail(
            complaint.Id, complaint.Reference, complaint.OrganisationCode, complaint.ReceivedOn, complaint.Channel, complaint.SubmittedAt,
            complaint.Status, new ComplainantInput(complaint.Complainant.Name, complaint.Complainant.Email, complaint.Complainant.Phone),
            complaint.Description,
            complaint.PatientName is null && complaint.PatientNhsNumber is null && complaint.PatientDateOfBirth is null
                ? null
                : new PatientInput(complaint.PatientName, complaint.PatientNhsNumber, complaint.PatientDateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Progress for an online submitter holding the reference and its secret; <c>null</c> if either is wrong.</summary>
    public async Task<ComplaintProgress?> GetProgressAsync(string? reference, string? secret, CancellationToken ct)
    {
        var canonical = ComplaintReference.Normalise(reference);
        if (canonical is null || string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return null;
        }
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == canonical, ct);
        if (complaint?.StatusSecretHash is null ||
            !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(complaint.StatusSecretHash), Encoding.ASCII.GetBytes(SubmitComplaintHandler.HashSecret(secret))))
        {
            return null;
        }
        return new ComplaintProgress(complaint.Reference, complaint.OrganisationCode, complaint.ReceivedOn, complaint.Status);
    }

    private static bool MayRead(Caller caller, Complaint complaint) =>
        caller.ActsFor(complaint.OrganisationCode, ReaderRoles) ||
        (caller.Has(Roles.Complainant) && complaint.ComplainantSubjectId is not null && complaint.ComplainantSubjectId == caller.SubjectId);
}
