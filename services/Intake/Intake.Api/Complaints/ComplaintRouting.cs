using IcsComplaints.Intake.Api.Directory;
using IcsComplaints.Intake.Contracts.Events;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>Where a complaint goes on arrival.</summary>
/// <param name="HandlingOrganisationCode">The organisation that handles it.</param>
/// <param name="Route">How it was routed.</param>
/// <param name="Parties">For a complaint about several organisations, all of them (Reg 9).</param>
/// <param name="LeadOrganisationCode">Their lead, until another is agreed.</param>
public sealed record RoutingOutcome(string HandlingOrganisationCode, ComplaintRoute Route, IReadOnlyList<string> Parties, string? LeadOrganisationCode);

/// <summary>
/// Routing on arrival under Reg 6, 7 and 9. A complaint made to a provider is handled by it (a trust handles its
/// sites'). A complaint made to an ICB about itself is the ICB's. A complaint made to an ICB about a provider it
/// commissions waits for the complainant's consent to share (Reg 7(3)): refused, the ICB handles it and the provider
/// never learns who complained; given, the ICB decides whether to handle it or transfer it (Reg 7(4)–(5)). A complaint
/// about a provider the ICB does not commission is misdirected: it can be transferred with consent (Reg 6(5)).
/// </summary>
public static class ComplaintRouting
{
    /// <summary>Routes a validated complaint.</summary>
    public static RoutingOutcome OnArrival(ValidComplaint complaint, DirectorySnapshot directory)
    {
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
}
