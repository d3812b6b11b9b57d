using IcsComplaints.Correspondence.Domain.Complaints;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Correspondence.Api.Data;

/// <summary>Loads and saves the complaints intake announced (ADR 37), over the same <see cref="CorrespondenceDbContext"/> as the messages.</summary>
public sealed class ComplaintStore(CorrespondenceDbContext db)
{
    /// <summary>The complaint, or <c>null</c> when intake has not announced it.</summary>
    public Task<KnownComplaint?> FindAsync(Guid complaintId, CancellationToken ct) =>
        db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.ComplaintId == complaintId, ct);

    /// <summary>Adds a complaint unless it is known already (an event delivered again, or its transfer seen first).</summary>
    public async Task AddAsync(KnownComplaint received, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(received);
        if (db.Complaints.Local.All(c => c.ComplaintId != received.ComplaintId) && !await db.Complaints.AnyAsync(c => c.ComplaintId == received.ComplaintId, ct))
        {
            db.Complaints.Add(received);
        }
    }

    /// <summary>
    /// Records that the complaint is handled by another organisation now; a complaint not yet known (recorded before
    /// this service listened, or imported) is added from what the transfer says of it.
    /// </summary>
    public async Task TransferAsync(Guid complaintId, string reference, string fromOrganisationCode, string toOrganisationCode, DateOnly receivedOn, CancellationToken ct)
    {
        var known = await db.Complaints.FirstOrDefaultAsync(c => c.ComplaintId == complaintId, ct);
        if (known is null)
        {
            known = KnownComplaint.Received(complaintId, reference, fromOrganisationCode, fromOrganisationCode, receivedOn);
            db.Complaints.Add(known);
        }
        known.TransferredTo(toOrganisationCode);
    }
}
