using System.Globalization;
using IcsComplaints.Nhs.Rules;

namespace IcsComplaints.Intake.Domain.Complaints;

/// <summary>
/// What someone who complained online is told of progress, in plain words: received, acknowledged, being looked into
/// (with the response date agreed), response sent, closed — and, once closed, how to go to the Parliamentary and Health
/// Service Ombudsman if they are not satisfied (Reg 14(2)(d); NHS Complaint Standards, "Closing the complaint").
/// Progress follows the case at the organisation handling the complaint, and only moves on.
/// </summary>
public static class PublicProgress
{
    /// <summary>The case stage (as <c>CaseStageChanged</c> names it) that takes a closed complaint back to being looked into.</summary>
    public const string ReopenedStage = "Reopened";

    /// <summary>The Ombudsman, as every final response names them.</summary>
    public static readonly OmbudsmanSignpost Ombudsman = new(
        "Parliamentary and Health Service Ombudsman",
        "0345 015 4033",
        "https://www.ombudsman.org.uk",
        "If you are not happy with the final response, you can ask the Parliamentary and Health Service Ombudsman to look at your " +
        "complaint. The Ombudsman is independent of the NHS and free to use. You should usually ask within 12 months of the " +
        "events you complained about.");

    /// <summary>The status a case stage (as <c>CaseStageChanged</c> names it) means to the complainant, or <c>null</c> for none.</summary>
    public static ComplaintStatus? StatusOf(string stage) => stage switch
    {
        "Received" => ComplaintStatus.BeingHandled,
        "Acknowledged" => ComplaintStatus.Acknowledged,
        "EarlyResolution" or "CloserLook" or "ResponseDrafted" or ReopenedStage => ComplaintStatus.BeingLookedInto,
        "FinalResponseSent" => ComplaintStatus.ResponseSent,
        "Closed" or "ReferredToOmbudsman" => ComplaintStatus.Closed,
        _ => null,
    };

    /// <summary>The further on of two statuses: an event delivered late never takes progress back.</summary>
    public static ComplaintStatus Later(ComplaintStatus current, ComplaintStatus next) => next > current ? next : current;

    /// <summary>The progress in plain words.</summary>
    public static string Describe(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Status switch
        {
            ComplaintStatus.Received => "We have received your complaint.",
            ComplaintStatus.BeingHandled =>
                $"Your complaint is with the organisation that will handle it. They will acknowledge it within {AcknowledgementDeadline.WorkingDays} working days.",
            ComplaintStatus.Acknowledged => $"Your complaint was acknowledged on {Day(complaint.AcknowledgedOn)}.",
            ComplaintStatus.BeingLookedInto => complaint.ResponseDueBy is { } due
                ? $"Your complaint is being looked into. You should have a response by {Day(due)}."
                : "Your complaint is being looked into.",
            ComplaintStatus.ResponseSent => $"The final response was sent on {Day(complaint.ResponseSentOn)}.",
            _ => $"Your complaint was closed on {Day(complaint.ClosedOn)}.",
        };
    }

    private static string Day(DateOnly? day) => day?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "";
}

/// <summary>Where to go next when the complaint is closed.</summary>
/// <param name="Name">The Ombudsman.</param>
/// <param name="Phone">Their helpline.</param>
/// <param name="Website">Their website.</param>
/// <param name="Explanation">What they do and when to ask them.</param>
public sealed record OmbudsmanSignpost(string Name, string Phone, string Website, string Explanation);
