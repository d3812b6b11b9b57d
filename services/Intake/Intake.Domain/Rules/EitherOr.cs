using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Directory;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>
/// Reg 7 (and Reg 8(1)(e) for a matter already investigated): a complaint is made to a provider or to the ICB that
/// commissions it, not both. When the same person (same patient NHS number, or same complainant e-mail, telephone, or
/// name and postcode) complains about the same provider over an overlapping period, the pair is offered to a handler
/// to link, so the matter is not handled twice.
/// </summary>
/// <remarks>
/// A new complaint is offered with the few matters it may repeat, not with every complaint the person ever made: at
/// most <see cref="MostOffered"/>, open ones first (a matter still being handled is the one to link to), then the
/// most recent. Someone who complains every week would otherwise bring dozens of pairs with each complaint, which no
/// handler reads and which grow the pairs table with the square of their complaints. Only the
/// <see cref="MostCompared"/> earlier complaints found first in that order by each way of knowing the person are
/// compared, so the work per complaint stays the same however often they complained (ADR 46).
/// </remarks>
public static class EitherOr
{
    /// <summary>How far back earlier complaints are compared, in months.</summary>
    public const int LookBackMonths = 24;

    /// <summary>Most earlier complaints a new one is offered as possibly repeating.</summary>
    public const int MostOffered = 5;

    /// <summary>
    /// Most earlier complaints read for each way the person is known (NHS number, e-mail, telephone, name and
    /// postcode), open ones first, then the most recent.
    /// </summary>
    public const int MostCompared = 20;

    /// <summary>Without dates of the events, a complaint is taken to cover the year before it was made, in months.</summary>
    public const int PeriodWithoutDatesMonths = 12;

    /// <summary>The first day an earlier complaint can be received and still be compared with one received on <paramref name="receivedOn"/>.</summary>
    public static DateOnly ComparedSince(DateOnly receivedOn) => receivedOn.AddMonths(-LookBackMonths);

    /// <summary>True when the same person may be complaining twice: <see cref="MatchedOn"/> names a match.</summary>
    public static bool SamePerson(Complaint complaint, Complaint earlier) => MatchedOn(complaint, earlier) is not null;

    /// <summary>
    /// What identifies the same person in both: <c>nhs-number</c>, <c>email</c>, <c>phone</c> or
    /// <c>name-and-postcode</c>, in that order; <c>null</c> when nothing does.
    /// </summary>
    public static string? MatchedOn(Complaint complaint, Complaint earlier)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(earlier);
        var (person, other) = (complaint.Complainant, earlier.Complainant);
        if (complaint.PatientNhsNumber is { } nhs && earlier.PatientNhsNumber == nhs)
        {
            return "nhs-number";
        }
        if (person.Email is { } email && string.Equals(other.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            return "email";
        }
        if (person.Phone is { } phone && other.Phone == phone)
        {
            return "phone";
        }
        return person.Postcode is { } postcode && other.Postcode == postcode && string.Equals(other.Name, person.Name, StringComparison.OrdinalIgnoreCase)
            ? "name-and-postcode"
            : null;
    }

    /// <summary>
    /// A matter still being handled: a complaint not closed, withdrawn, excluded or linked, whose case is not closed.
    /// What the earlier complaints are read in order of, first these, then the most recent.
    /// </summary>
    public static bool IsOpen(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.State == ComplaintState.Open && complaint.Status != ComplaintStatus.Closed;
    }

    /// <summary>
    /// The earlier complaints <paramref name="complaint"/> may repeat, each with what identifies the same person in
    /// both: those from the same person about the same matter, open ones first, then the most recent, at most
    /// <see cref="MostOffered"/>.
    /// </summary>
    public static IReadOnlyList<(Complaint Earlier, string MatchedOn)> MayRepeat(Complaint complaint, IEnumerable<Complaint> earlier, DirectorySnapshot directory)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return [.. earlier
            .Where(other => other.Id != complaint.Id && SameMatter(complaint, other, directory))
            .Select(other => (Earlier: other, MatchedOn: MatchedOn(complaint, other)))
            .Where(pair => pair.MatchedOn is not null)
            .OrderByDescending(pair => IsOpen(pair.Earlier))
            .ThenByDescending(pair => pair.Earlier.ReceivedOn)
            .ThenByDescending(pair => pair.Earlier.SubmittedAt)
            .Take(MostOffered)
            .Select(pair => (pair.Earlier, pair.MatchedOn!))];
    }

    /// <summary>True when both are about the same provider over an overlapping period: a possible duplicate.</summary>
    public static bool SameMatter(Complaint complaint, Complaint earlier, DirectorySnapshot directory) =>
        ProvidersOf(earlier, directory).Overlaps(ProvidersOf(complaint, directory)) && PeriodsOverlap(complaint, earlier);

    /// <summary>The providers a complaint is about: those it names, the provider it was made to, the one handling it.</summary>
    public static HashSet<string> ProvidersOf(Complaint complaint, DirectorySnapshot directory)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(directory);
        return complaint.AboutOrganisationCodes.Append(complaint.OrganisationCode).Append(complaint.HandlingOrganisationCode)
            .Where(code => directory.Find(code)?.IsProvider == true)
            .Select(directory.HandlerOf)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    // A complaint covers the events it names, or failing that the year before it was made.
    private static bool PeriodsOverlap(Complaint a, Complaint b)
    {
        static (DateOnly From, DateOnly To) Period(Complaint c) =>
            (c.EventDate ?? c.AwareDate ?? c.ReceivedOn.AddMonths(-PeriodWithoutDatesMonths), c.ReceivedOn);
        var (aFrom, aTo) = Period(a);
        var (bFrom, bTo) = Period(b);
        return aFrom <= bTo && bFrom <= aTo;
    }
}
