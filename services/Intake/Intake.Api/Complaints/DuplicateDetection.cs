using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Directory;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>Two complaints that may be the same matter raised twice.</summary>
public sealed class DuplicateCandidate
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The newer complaint.</summary>
    public Guid ComplaintId { get; init; }

    /// <summary>The earlier complaint it may repeat.</summary>
    public Guid CandidateComplaintId { get; init; }

    /// <summary>What matched: nhs-number, email, phone or name-and-postcode.</summary>
    public required string MatchedOn { get; init; }

    /// <summary>When it was found.</summary>
    public DateTimeOffset DetectedAt { get; init; }
}

/// <summary>
/// The either/or rule: a complaint is made to a provider or to the ICB that commissions it, not both (Reg 7;
/// Reg 8(1)(e) for a matter already investigated). When the same person (same patient NHS number, or same
/// complainant e-mail, telephone, or name and postcode) complains about the same provider over an overlapping
/// period, the pair is recorded and offered to a handler to link, so the matter is not handled twice.
/// </summary>
public sealed class DuplicateDetection(IntakeDbContext db)
{
    /// <summary>How far back earlier complaints are compared.</summary>
    public const int LookBackMonths = 24;

    /// <summary>Adds candidate pairs for a new complaint to the unit of work.</summary>
    public async Task RecordCandidatesAsync(Complaint complaint, DirectorySnapshot directory, CancellationToken ct)
    {
        var nhs = complaint.PatientNhsNumber;
        var email = complaint.Complainant.Email?.ToLowerInvariant();
        var phone = complaint.Complainant.Phone;
        var postcode = complaint.Complainant.Postcode;
        var name = complaint.Complainant.Name.ToLowerInvariant();
        if (nhs is null && email is null && phone is null && postcode is null)
        {
            return;
        }
        var since = complaint.ReceivedOn.AddMonths(-LookBackMonths);
        // ToLower() becomes SQL lower(), which the expression index on lower(complainant_email) serves; the culture-aware
        // and string.Equals forms the analysers prefer do not translate to SQL.
#pragma warning disable CA1304, CA1311, CA1862
        var earlier = await db.Complaints.AsNoTracking()
            .Where(c => c.Id != complaint.Id && c.ReceivedOn >= since && (
                (nhs != null && c.PatientNhsNumber == nhs) ||
                (email != null && c.Complainant.Email!.ToLower() == email) ||
                (phone != null && c.Complainant.Phone == phone) ||
                (postcode != null && c.Complainant.Postcode == postcode && c.Complainant.Name.ToLower() == name)))
            .OrderByDescending(c => c.ReceivedOn)
            .Take(50)
            .ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        var providers = ProvidersOf(complaint, directory);
        foreach (var other in earlier)
        {
            if (!ProvidersOf(other, directory).Overlaps(providers) || !PeriodsOverlap(complaint, other))
            {
                continue;
            }
            db.DuplicateCandidates.Add(new DuplicateCandidate
            {
                ComplaintId = complaint.Id,
                CandidateComplaintId = other.Id,
                MatchedOn = nhs is not null && other.PatientNhsNumber == nhs ? "nhs-number"
                    : email is not null && string.Equals(other.Complainant.Email, email, StringComparison.OrdinalIgnoreCase) ? "email"
                    : phone is not null && other.Complainant.Phone == phone ? "phone"
                    : "name-and-postcode",
                DetectedAt = complaint.SubmittedAt,
            });
        }
    }

    /// <summary>The providers a complaint is about: those it names, the provider it was made to, the one handling it.</summary>
    public static HashSet<string> ProvidersOf(Complaint complaint, DirectorySnapshot directory) =>
        complaint.AboutOrganisationCodes.Append(complaint.OrganisationCode).Append(complaint.HandlingOrganisationCode)
            .Where(code => directory.Find(code)?.IsProvider == true)
            .Select(directory.HandlerOf)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    // A complaint covers the events it names, or failing that the year before it was made.
    private static bool PeriodsOverlap(Complaint a, Complaint b)
    {
        static (DateOnly From, DateOnly To) Period(Complaint c) => (c.EventDate ?? c.AwareDate ?? c.ReceivedOn.AddMonths(-12), c.ReceivedOn);
        var (aFrom, aTo) = Period(a);
        var (bFrom, bTo) = Period(b);
        return aFrom <= bTo && bFrom <= aTo;
    }
}
