using IcsComplaints.Intake.Api.Features.GetComplaint;
using IcsComplaints.Intake.Api.Features.VerifyStatusSecret;
using IcsComplaints.Intake.Domain.Complaints;

namespace IcsComplaints.Intake.Api.Features.GetProgress;

/// <summary>
/// The progress of a complaint for whoever holds its reference and the status secret given when it was submitted
/// online (<see cref="PublicProgress"/>); <c>null</c> for any other pair, telling nothing of whether the reference exists.
/// </summary>
public sealed class GetProgressHandler(VerifyStatusSecretHandler secrets)
{
    /// <summary>The progress, or <c>null</c>.</summary>
    public async Task<ComplaintProgress?> GetAsync(string? reference, string? secret, CancellationToken ct)
    {
        if (await secrets.FindAsync(reference, secret, ct) is not { } complaint)
        {
            return null;
        }
        return ProgressOf(complaint);
    }

    /// <summary>What the complainant is told of a complaint's progress, wherever they ask: by reference and secret, or signed in.</summary>
    public static ComplaintProgress ProgressOf(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return new ComplaintProgress(
            complaint.Reference, complaint.OrganisationCode, complaint.ReceivedOn, complaint.Status, PublicProgress.Describe(complaint),
            complaint.AcknowledgedOn, complaint.ResponseDueBy, complaint.ResponseSentOn, complaint.ClosedOn,
            complaint.Status is ComplaintStatus.ResponseSent or ComplaintStatus.Closed ? PublicProgress.Ombudsman : null);
    }
}
