using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.GetComplainantContact;

/// <summary>
/// How to reach the complainant, for those who act for them or write to them: staff who may read the complaint, and
/// the advocate whose service the complainant's consent lets see the case (an advocate cannot help someone they cannot
/// contact), and the correspondence service sending the complainant a letter, for any organisation, with the purpose
/// recorded (ADR 36). For anyone else <c>null</c>, as if the complaint did not exist. Every read is audited.
/// </summary>
public sealed class GetComplainantContactHandler(ComplaintQueries queries, AdvocateConsent consent, IAuditTrail audit)
{
    /// <summary>The complainant's contact details, or <c>null</c>.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="id">The complaint.</param>
    /// <param name="authorization">The caller's own authorization header, with which an advocate's consent is checked.</param>
    /// <param name="purpose">Why a service reads them; required of the correspondence service, ignored for people.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Complaint?> GetAsync(Caller caller, Guid id, string authorization, string? purpose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Has(Roles.CorrespondenceService))
        {
            return await ForCorrespondenceAsync(id, purpose, ct);
        }
        var complaint = await queries.FindAsync(id, ct);
        if (complaint is null)
        {
            return null;
        }
        var allowed = ComplaintAccess.MayRead(caller, complaint) ||
            (caller.Has(Roles.Advocate) && complaint.CaseId is { } caseId && await consent.LetsSeeCaseAsync(caseId, authorization, ct));
        if (!allowed)
        {
            return null;
        }
        await audit.RecordReadAsync(AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode, ct);
        return complaint;
    }

    // The service writes for whichever organisation handles the complaint, so no organisation check applies; the
    // purpose is what makes the read accountable, and is refused when missing rather than audited as unknown.
    private async Task<Complaint?> ForCorrespondenceAsync(Guid id, string? purpose, CancellationToken ct)
    {
        ServiceReadPurpose.Check(purpose, "the details are");
        var complaint = await queries.FindAsync(id, ct);
        if (complaint is not null)
        {
            await audit.RecordReadAsync(AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode, purpose, ct);
        }
        return complaint;
    }
}

/// <summary>
/// The purpose a service states when it reads personal data for itself (ADR 36, 37): what makes the read accountable in
/// the audit trail, so it is refused as a field error when missing or malformed rather than audited as unknown.
/// </summary>
public static class ServiceReadPurpose
{
    /// <summary>Refuses a purpose that is not 1 to 50 lower-case letters, digits and hyphens.</summary>
    /// <param name="purpose">The purpose given.</param>
    /// <param name="what">What is read, for the message: "the details are", "the statement is".</param>
    public static void Check([System.Diagnostics.CodeAnalysis.NotNull] string? purpose, string what)
    {
        if (string.IsNullOrEmpty(purpose) || purpose.Length > 50 || !purpose.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new RequestValidationException("purpose", $"Say why {what} read: 1 to 50 lower-case letters, digits and hyphens, such as \"acknowledgement\".");
        }
    }
}
