using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Directory;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Domain.Rules;

/// <summary>Where a complaint goes on arrival and when it moves.</summary>
/// <param name="HandlingOrganisationCode">The organisation that handles it.</param>
/// <param name="Route">How it was routed.</param>
/// <param name="Parties">For a complaint about several organisations, all of them (Reg 9).</param>
/// <param name="LeadOrganisationCode">Their lead, until another is agreed.</param>
public sealed record RoutingOutcome(string HandlingOrganisationCode, ComplaintRoute Route, IReadOnlyList<string> Parties, string? LeadOrganisationCode);

/// <summary>The organisations of a complaint about several, and their agreed lead (Reg 9).</summary>
/// <param name="Organisations">ODS codes of all of them, upper case.</param>
/// <param name="LeadOrganisationCode">The lead, one of them.</param>
public sealed record ComplaintParties(IReadOnlyList<string> Organisations, string LeadOrganisationCode);

/// <summary>
/// Reg 6, 7 and 9: routing. A complaint made to a provider is handled by it (a trust handles its sites'). A complaint
/// made to an ICB about itself is the ICB's. A complaint made to an ICB about a provider it commissions waits for the
/// complainant's consent to share (Reg 7(3)): refused, the ICB handles it and the provider never learns who complained;
/// given, the ICB decides whether to handle it or transfer it (Reg 7(4)–(5)). A complaint about a provider the ICB does
/// not commission is misdirected: it can be transferred with consent (Reg 6(5)). A complaint about several organisations
/// has one lead for a co-ordinated response (Reg 9).
/// </summary>
public static class ComplaintRouting
{
    /// <summary>The most organisations one complaint can be about.</summary>
    public const int MaxOrganisations = 10;

    /// <summary>Routes a complaint as it arrives.</summary>
    public static RoutingOutcome OnArrival(ComplaintSubmission complaint, DirectorySnapshot directory)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(directory);
        var recipient = directory.Find(complaint.OrganisationCode)
            ?? throw new InvalidOperationException($"Organisation {complaint.OrganisationCode} is not in the directory.");
        var about = complaint.AboutOrganisationCodes.Select(directory.HandlerOf).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        if (recipient.IsProvider)
        {
            var handling = directory.HandlerOf(recipient.OdsCode);
            var others = about.Where(o => !o.Equals(handling, StringComparison.OrdinalIgnoreCase)).ToList();
            // Reg 9: the organisation complained to leads the co-ordinated response until another lead is agreed.
            return others.Count == 0
                ? new RoutingOutcome(handling, ComplaintRoute.HandledByRecipient, [], null)
                : new RoutingOutcome(handling, ComplaintRoute.HandledByRecipient, [handling, .. others], handling);
        }

        var parties = about.Count > 1 ? about : [];
        if (about.Count == 0)
        {
            return new RoutingOutcome(recipient.OdsCode, ComplaintRoute.HandledByRecipient, [], null);
        }
        if (!about.All(provider => directory.Commissions(recipient.OdsCode, provider, complaint.ReceivedOn)))
        {
            return new RoutingOutcome(recipient.OdsCode, ComplaintRoute.Misdirected, parties, null);
        }
        var route = complaint.ShareConsentGiven switch
        {
            null => ComplaintRoute.AwaitingConsent,
            false => ComplaintRoute.HandledByCommissioner,
            true => ComplaintRoute.AwaitingRoutingDecision,
        };
        return new RoutingOutcome(recipient.OdsCode, route, parties, null);
    }

    /// <summary>True while an ICB has still to decide whether it handles a complaint about a provider it commissions (Reg 7).</summary>
    public static bool AwaitsRouting(ComplaintRoute route) => route is ComplaintRoute.AwaitingConsent or ComplaintRoute.AwaitingRoutingDecision;

    /// <summary>True for an organisation that handles complaints here: an NHS body (an ICB) or a provider.</summary>
    public static bool HandlesComplaints(DirectoryOrganisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation.IsProvider || organisation.Kind == OrganisationKind.Icb;
    }

    /// <summary>
    /// A routing decision recorded after the day it was taken keeps that day, so the ICB's own time is not charged to
    /// the provider; it cannot come before the complaint was received, nor a transfer before the consent it needs
    /// (Reg 6(5), 7(5)).
    /// </summary>
    public static void CheckDecisionDay(Complaint complaint, DateOnly decidedOn)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (decidedOn < complaint.ReceivedOn)
        {
            throw new RequestValidationException("decidedOn", "The decision cannot come before the complaint was received.");
        }
        if (complaint.ShareConsentGiven == true && complaint.ShareConsentRecordedOn is { } consented && decidedOn < consented)
        {
            throw new RequestValidationException("decidedOn", "The decision cannot come before the complainant's consent was recorded.");
        }
    }

    /// <summary>
    /// The organisation a complaint can be transferred to: open, handling complaints, not the one handling it now; from
    /// an ICB deciding, only the provider it is about (Reg 7(5)); always with the complainant's consent (Reg 6(5), 7(5)).
    /// </summary>
    public static string CheckTransfer(Complaint complaint, string? toOrganisationCode, DirectorySnapshot directory, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(directory);
        var target = directory.Find(toOrganisationCode?.Trim());
        if (target is null || !HandlesComplaints(target) || !target.IsOpenOn(today))
        {
            throw new RequestValidationException("toOrganisationCode", "Give the ODS code of an open NHS body or provider.");
        }
        var handler = directory.HandlerOf(target.OdsCode);
        if (string.Equals(handler, complaint.HandlingOrganisationCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("toOrganisationCode", "The complaint is already handled there.");
        }
        if (complaint.Route == ComplaintRoute.AwaitingRoutingDecision &&
            !complaint.AboutOrganisationCodes.Select(directory.HandlerOf).Contains(handler, StringComparer.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("toOrganisationCode", "An ICB transfers a complaint to the provider it is about (Reg 7(5)).");
        }
        if (complaint.ShareConsentGiven != true)
        {
            throw new RequestStateException("The complainant's consent is needed before the complaint goes to another organisation (Reg 6(5), 7(5)): record it first.");
        }
        return handler;
    }

    /// <summary>Reads the organisations of a complaint about several and their lead (Reg 9(2)(c)). <c>null</c> when a field is wrong.</summary>
    public static ComplaintParties? ReadParties(
        FieldReader fields, IReadOnlyList<string?>? organisations, string? leadOrganisationCode, DirectorySnapshot directory)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(directory);
        var parties = (organisations ?? []).Select(p => p?.Trim().ToUpperInvariant() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (parties.Count is < 2 or > MaxOrganisations)
        {
            fields.Add("organisations", $"Name the 2 to {MaxOrganisations} organisations the complaint is about.");
        }
        foreach (var party in parties.Where(p => directory.Find(p) is not { } o || !HandlesComplaints(o)))
        {
            fields.Add("organisations", $"{party} is not a known NHS body or provider.");
        }
        var lead = leadOrganisationCode?.Trim().ToUpperInvariant();
        if (lead is null || !parties.Contains(lead))
        {
            fields.Add("leadOrganisationCode", "The lead is one of the organisations (Reg 9(2)(c)).");
        }
        return fields.Errors.IsEmpty && lead is not null ? new ComplaintParties(parties, lead) : null;
    }
}
