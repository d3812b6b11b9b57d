using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Directory;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Complaints;

/// <summary>A letter or message owed to someone because of a routing decision (Reg 7(4)–(5): "notify").</summary>
public sealed class ComplaintNotification
{
    /// <summary>Identifier.</summary>
    public long Id { get; init; }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; init; }

    /// <summary><c>complainant</c>, or the ODS code of an organisation.</summary>
    public required string Recipient { get; init; }

    /// <summary>Why, with the regulation.</summary>
    public required string Reason { get; init; }

    /// <summary>When it was raised.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Inputs of the decisions on a complaint.</summary>
public static class ComplaintDecisions
{
    /// <summary>The complainant's consent to share with, or transfer to, another organisation.</summary>
    /// <param name="Given">Given or refused.</param>
    /// <param name="RecordedOn">When asked; today by default.</param>
    public sealed record Consent(bool? Given, string? RecordedOn);

    /// <summary>Where the complaint goes.</summary>
    /// <param name="Decision">HandleAsCommissioner or Transfer.</param>
    /// <param name="ToOrganisationCode">For a transfer: the organisation that should handle it.</param>
    public sealed record Routing(string? Decision, string? ToOrganisationCode);

    /// <summary>The organisations of a complaint about several, and their agreed lead (Reg 9).</summary>
    /// <param name="Organisations">ODS codes of all of them.</param>
    /// <param name="LeadOrganisationCode">The lead.</param>
    public sealed record Parties(IReadOnlyList<string>? Organisations, string? LeadOrganisationCode);

    /// <summary>The complaint this one repeats.</summary>
    /// <param name="ComplaintId">It.</param>
    public sealed record Link(Guid? ComplaintId);

    /// <summary>The decision on a complaint made after the time limit (Reg 12(4)).</summary>
    /// <param name="Decision">Considered or Declined.</param>
    /// <param name="GoodReason">Why the complainant did not complain in time (to consider it).</param>
    /// <param name="FairInvestigationPossible">Whether it can still be investigated effectively and fairly (to consider it).</param>
    /// <param name="LetterSentOn">When the letter explaining a refusal went (to decline it).</param>
    public sealed record TimeLimit(string? Decision, string? GoodReason, bool? FairInvestigationPossible, string? LetterSentOn);

    /// <summary>Whether a representative of a child or a person lacking capacity acts in their best interests (Reg 5(4)).</summary>
    /// <param name="InBestInterests">The decision.</param>
    /// <param name="Reasons">Why.</param>
    /// <param name="LetterSentOn">When the letter giving the reasons went, if not.</param>
    public sealed record BestInterests(bool? InBestInterests, string? Reasons, string? LetterSentOn);

    /// <summary>Not handled under the Regulations (Reg 8).</summary>
    /// <param name="Ground">One of the eight grounds of Reg 8(1).</param>
    /// <param name="Reasons">The written reasons.</param>
    /// <param name="LetterSentOn">When they went to the complainant (Reg 8(2)).</param>
    public sealed record Exclusion(string? Ground, string? Reasons, string? LetterSentOn);

    /// <summary>The complainant withdrew it.</summary>
    /// <param name="WithdrawnOn">When; today by default.</param>
    public sealed record Withdrawal(string? WithdrawnOn);
}

/// <summary>
/// The decisions the complaints team of the organisation handling a complaint takes at intake, each checked against
/// the Regulations, audited, and announced by an event through the outbox in the same transaction. Who may decide
/// is checked before the input, so a caller without the right learns nothing from the answer.
/// </summary>
public sealed class ComplaintActions(IntakeDbContext db, IOutbox outbox, IAuditTrail audit, TimeProvider time, OrganisationDirectory directory)
{
    /// <summary>Roles that take intake decisions for their organisation.</summary>
    public static readonly IReadOnlyList<string> ManagerRoles = [Roles.ComplaintsHandler, Roles.IcbCommissioner];

    private DateOnly Today => LondonTime.Today(time);

    /// <summary>Records the complainant's consent to share (Reg 7(3)); refused at an ICB, the ICB handles it.</summary>
    public async Task RecordConsentAsync(Caller caller, Guid id, ComplaintDecisions.Consent input, CancellationToken ct)
    {
        var complaint = await LoadAsync(caller, id, ct);
        var errors = new ValidationErrors();
        if (input.Given is null)
        {
            errors.Add("given", "Say whether the complainant gave consent (true) or refused it (false).");
        }
        var recordedOn = OptionalDate(input.RecordedOn, "recordedOn", errors) ?? Today;
        errors.ThrowIfAny();
        EnsureOpen(complaint);
        if (complaint.Route == ComplaintRoute.Transferred)
        {
            throw new RequestStateException("The complaint has been transferred; its new organisation records consent.");
        }
        complaint.ShareConsentGiven = input.Given;
        complaint.ShareConsentRecordedOn = recordedOn;
        outbox.Publish(new ConsentRecorded { ComplaintId = complaint.Id, Given = input.Given!.Value, RecordedOn = recordedOn });
        if (complaint.Route == ComplaintRoute.AwaitingConsent)
        {
            if (input.Given == true)
            {
                complaint.Route = ComplaintRoute.AwaitingRoutingDecision;
            }
            else
            {
                // Without consent the ICB handles it, and the provider never learns who complained (Reg 7(3)–(4)).
                complaint.Route = ComplaintRoute.HandledByCommissioner;
                Notify(complaint, "complainant", "Reg 7(4): the ICB handles the complaint itself; the provider is not told who complained.");
                PublishRouted(complaint);
            }
        }
        await SaveAsync(complaint, ct);
    }

    /// <summary>The ICB handles it as commissioner, or it is transferred to the organisation that should handle it.</summary>
    public async Task RouteAsync(Caller caller, Guid id, ComplaintDecisions.Routing input, CancellationToken ct)
    {
        var complaint = await LoadAsync(caller, id, ct);
        var decision = input.Decision?.Trim();
        if (decision is not ("HandleAsCommissioner" or "Transfer"))
        {
            throw new RequestValidationException("decision", "Say HandleAsCommissioner or Transfer.");
        }
        EnsureOpen(complaint);
        EnsureMayMoveOn(complaint);
        if (decision == "HandleAsCommissioner")
        {
            if (complaint.Route is not (ComplaintRoute.AwaitingConsent or ComplaintRoute.AwaitingRoutingDecision))
            {
                throw new RequestStateException("Only a complaint made to an ICB about a provider it commissions, not yet routed, can be handled by the ICB as commissioner.");
            }
            complaint.Route = ComplaintRoute.HandledByCommissioner;
            Notify(complaint, "complainant", "Reg 7(4): the ICB will handle the complaint itself.");
            if (complaint.ShareConsentGiven == true)
            {
                foreach (var provider in complaint.AboutOrganisationCodes)
                {
                    Notify(complaint, provider, "Reg 7(4): a complaint about you is being handled by the ICB, which may ask you for information.");
                }
            }
            PublishRouted(complaint);
        }
        else
        {
            await TransferAsync(complaint, input.ToOrganisationCode, ct);
        }
        await SaveAsync(complaint, ct);
    }

    /// <summary>Records the organisations of a complaint about several and their agreed lead (Reg 9); another lead takes it over.</summary>
    public async Task SetPartiesAsync(Caller caller, Guid id, ComplaintDecisions.Parties input, CancellationToken ct)
    {
        var complaint = await LoadAsync(caller, id, ct);
        var snapshot = await directory.GetAsync(ct);
        var errors = new ValidationErrors();
        var parties = (input.Organisations ?? []).Select(p => p?.Trim().ToUpperInvariant() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (parties.Count is < 2 or > ComplaintValidator.MaxAboutOrganisations)
        {
            errors.Add("organisations", $"Name the 2 to {ComplaintValidator.MaxAboutOrganisations} organisations the complaint is about.");
        }
        foreach (var party in parties.Where(p => snapshot.Find(p) is not { } o || !(o.IsProvider || o.Kind == OrganisationKind.Icb)))
        {
            errors.Add("organisations", $"{party} is not a known NHS body or provider.");
        }
        var lead = input.LeadOrganisationCode?.Trim().ToUpperInvariant();
        if (lead is null || !parties.Contains(lead))
        {
            errors.Add("leadOrganisationCode", "The lead is one of the organisations (Reg 9(2)(c)).");
        }
        errors.ThrowIfAny();
        EnsureOpen(complaint);
        EnsureMayMoveOn(complaint);
        if (!parties.Contains(complaint.HandlingOrganisationCode, StringComparer.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("organisations", $"The organisation handling it ({complaint.HandlingOrganisationCode}) is one of them.");
        }
        complaint.Parties = parties;
        complaint.LeadOrganisationCode = lead;
        if (!string.Equals(lead, complaint.HandlingOrganisationCode, StringComparison.OrdinalIgnoreCase))
        {
            await TransferAsync(complaint, lead, ct);
        }
        else
        {
            PublishRouted(complaint);
        }
        await SaveAsync(complaint, ct);
    }

    /// <summary>Links a complaint to an earlier one about the same matter, which is handled instead (either/or).</summary>
    public async Task LinkAsync(Caller caller, Guid id, ComplaintDecisions.Link input, CancellationToken ct)
    {
        var complaint = await LoadAsync(caller, id, ct);
        if (input.ComplaintId is not { } otherId)
        {
            throw new RequestValidationException("complaintId", "Give the complaint this one repeats.");
        }
        EnsureOpen(complaint);
        var paired = await db.DuplicateCandidates.AnyAsync(d =>
            (d.ComplaintId == id && d.CandidateComplaintId == otherId) || (d.ComplaintId == otherId && d.CandidateComplaintId == id), ct);
        var other = await db.Complaints.FirstOrDefaultAsync(c => c.Id == otherId, ct);
        if (!paired || other is null || !ComplaintQueries.MaySeeAsDuplicate(caller, other))
        {
            throw new RequestValidationException("complaintId", "Only a possible duplicate found for this complaint can be linked (GET …/possible-duplicates).");
        }
        if (other.State == ComplaintState.Linked)
        {
            throw new RequestStateException("That complaint is itself linked to another; link to the one being handled.");
        }
        complaint.State = ComplaintState.Linked;
        complaint.LinkedToComplaintId = otherId;
        outbox.Publish(new ComplaintsLinked { ComplaintId = complaint.Id, LinkedComplaintId = otherId, LinkedOn = Today });
        await SaveAsync(complaint, ct);
    }

    /// <summary>Decides on a complaint made after the time limit (Reg 12(4)).</summary>
    public async Task DecideTimeLimitAsync(Caller caller, Guid id, ComplaintDecisions.TimeLimit input, CancellationToken ct)
    {
        var complaint = await LoadAsync(caller, id, ct);
        var errors = new ValidationErrors();
        var decision = input.Decision?.Trim() switch
        {
            "Considered" => TimeLimitDecision.Considered,
            "Declined" => TimeLimitDecision.Declined,
            _ => (TimeLimitDecision?)null,
        };
        if (decision is null)
        {
            errors.Add("decision", "Say Considered or Declined.");
        }
        DateOnly? letterSentOn = null;
        // Reg 12(4): the complainant had good reason for the delay and it is still possible to investigate effectively and fairly.
        var goodReason = TextRules.Read(input.GoodReason, "goodReason", errors, ComplaintValidator.MaxTextLength,
            decision == TimeLimitDecision.Considered ? "Record the complainant's good reason for not complaining within 12 months (Reg 12(4)(a))." : null);
        if (decision == TimeLimitDecision.Considered)
        {
            if (input.FairInvestigationPossible != true)
            {
                errors.Add("fairInvestigationPossible", "A late complaint is considered only if it can still be investigated effectively and fairly (Reg 12(4)(b)).");
            }
        }
        if (decision == TimeLimitDecision.Declined)
        {
            letterSentOn = RequiredPastDate(input.LetterSentOn, "letterSentOn", "Record when the letter explaining the decision went.", errors);
        }
        errors.ThrowIfAny();
        EnsureOpen(complaint);
        if (!complaint.OutOfTime)
        {
            throw new RequestStateException("The complaint was made within the time limit; there is nothing to decide (Reg 12).");
        }
        if (complaint.TimeLimitDecision is not null)
        {
            throw new RequestStateException($"The decision was recorded on {complaint.TimeLimitDecidedOn:yyyy-MM-dd}.");
        }
        complaint.TimeLimitDecision = decision;
        complaint.TimeLimitDecidedOn = Today;
        complaint.TimeLimitGoodReason = goodReason;
        complaint.TimeLimitLetterSentOn = letterSentOn;
        if (decision == TimeLimitDecision.Declined)
        {
            complaint.State = ComplaintState.DeclinedOutOfTime;
        }
        outbox.Publish(new TimeLimitDecided { ComplaintId = complaint.Id, Decision = decision!.Value, DecidedOn = Today });
        await SaveAsync(complaint, ct);
    }

    /// <summary>Decides whether a representative of a child or a person lacking capacity acts in their best interests (Reg 5(4)).</summary>
    public async Task DecideBestInterestsAsync(Caller caller, Guid id, ComplaintDecisions.BestInterests input, CancellationToken ct)
    {
        var complaint = await LoadAsync(caller, id, ct);
        var errors = new ValidationErrors();
        if (input.InBestInterests is null)
        {
            errors.Add("inBestInterests", "Record the decision: true or false.");
        }
        var reasons = TextRules.Read(input.Reasons, "reasons", errors, ComplaintValidator.MaxTextLength, "Record the reasons for the decision.");
        DateOnly? letterSentOn = null;
        if (input.InBestInterests == false)
        {
            // Reg 5(4): the complaint need not be considered, and the representative is told in writing with reasons.
            letterSentOn = RequiredPastDate(input.LetterSentOn, "letterSentOn", "Record when the letter giving the reasons went to the representative (Reg 5(4)).", errors);
        }
        errors.ThrowIfAny();
        EnsureOpen(complaint);
        if (!complaint.BestInterestsDecisionRequired)
        {
            throw new RequestStateException("Only a representative of a child or a person lacking capacity needs a best-interests decision (Reg 5(4)).");
        }
        if (complaint.InBestInterests is not null)
        {
            throw new RequestStateException($"The decision was recorded on {complaint.BestInterestsDecidedOn:yyyy-MM-dd}.");
        }
        complaint.InBestInterests = input.InBestInterests;
        complaint.BestInterestsDecidedOn = Today;
        complaint.BestInterestsReasons = reasons;
        complaint.BestInterestsLetterSentOn = letterSentOn;
        if (input.InBestInterests == false)
        {
            complaint.State = ComplaintState.NotConsidered;
        }
        outbox.Publish(new BestInterestsDecided { ComplaintId = complaint.Id, InBestInterests = input.InBestInterests!.Value, DecidedOn = Today });
        await SaveAsync(complaint, ct);
    }

    /// <summary>Records that the complaint is not handled under the Regulations, with the ground and the written reasons (Reg 8).</summary>
    public async Task ExcludeAsync(Caller caller, Guid id, ComplaintDecisions.Exclusion input, CancellationToken ct)
    {
        var complaint = await LoadAsync(caller, id, ct);
        var errors = new ValidationErrors();
        ExclusionGround ground = default;
        if (input.Ground is null || !Enum.TryParse(input.Ground.Trim(), ignoreCase: true, out ground) || !Enum.IsDefined(ground) || int.TryParse(input.Ground, out _))
        {
            errors.Add("ground", "Give one of the grounds of Reg 8(1): " + string.Join(", ", Enum.GetNames<ExclusionGround>()) + ".");
        }
        var reasons = TextRules.Read(input.Reasons, "reasons", errors, ComplaintValidator.MaxTextLength, "Record the reasons given to the complainant in writing (Reg 8(2)).");
        var letterSentOn = RequiredPastDate(input.LetterSentOn, "letterSentOn", "Record when the letter with the reasons went (Reg 8(2)).", errors);
        errors.ThrowIfAny();
        EnsureOpen(complaint);
        complaint.State = ComplaintState.Excluded;
        complaint.ExclusionGround = ground;
        complaint.ExcludedOn = Today;
        complaint.ExclusionReasons = reasons;
        complaint.ExclusionLetterSentOn = letterSentOn;
        outbox.Publish(new ComplaintExcluded { ComplaintId = complaint.Id, Ground = ground, ExcludedOn = Today });
        await SaveAsync(complaint, ct);
    }

    /// <summary>Records that the complainant withdrew the complaint: by the complaints team, or by the signed-in complainant.</summary>
    public async Task WithdrawAsync(Caller caller, Guid id, ComplaintDecisions.Withdrawal input, CancellationToken ct)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null || !ComplaintQueries.MayRead(caller, complaint))
        {
            throw new RequestNotFoundException();
        }
        var ownComplaint = caller.Has(Roles.Complainant) && complaint.ComplainantSubjectId == caller.SubjectId;
        if (!ownComplaint && !caller.ActsFor(complaint.HandlingOrganisationCode, ManagerRoles))
        {
            throw new RequestForbiddenException("Only the complainant or the complaints team handling it can record a withdrawal.");
        }
        var errors = new ValidationErrors();
        var withdrawnOn = OptionalDate(input.WithdrawnOn, "withdrawnOn", errors) ?? Today;
        errors.ThrowIfAny();
        EnsureOpen(complaint);
        complaint.State = ComplaintState.Withdrawn;
        complaint.WithdrawnOn = withdrawnOn;
        outbox.Publish(new ComplaintWithdrawn { ComplaintId = complaint.Id, WithdrawnOn = withdrawnOn });
        await SaveAsync(complaint, ct);
    }

    private async Task TransferAsync(Complaint complaint, string? toOrganisationCode, CancellationToken ct)
    {
        var snapshot = await directory.GetAsync(ct);
        var target = snapshot.Find(toOrganisationCode?.Trim());
        if (target is null || !(target.IsProvider || target.Kind == OrganisationKind.Icb) || !target.IsOpenOn(Today))
        {
            throw new RequestValidationException("toOrganisationCode", "Give the ODS code of an open NHS body or provider.");
        }
        var handler = snapshot.HandlerOf(target.OdsCode);
        if (string.Equals(handler, complaint.HandlingOrganisationCode, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("toOrganisationCode", "The complaint is already handled there.");
        }
        if (complaint.Route == ComplaintRoute.AwaitingRoutingDecision &&
            !complaint.AboutOrganisationCodes.Select(snapshot.HandlerOf).Contains(handler, StringComparer.OrdinalIgnoreCase))
        {
            throw new RequestValidationException("toOrganisationCode", "An ICB transfers a complaint to the provider it is about (Reg 7(5)).");
        }
        if (complaint.ShareConsentGiven != true)
        {
            throw new RequestStateException("The complainant's consent is needed before the complaint goes to another organisation (Reg 6(5), 7(5)): record it first.");
        }
        var from = complaint.HandlingOrganisationCode;
        complaint.TransferredFromOrganisationCode = from;
        complaint.HandlingOrganisationCode = handler;
        complaint.Route = ComplaintRoute.Transferred;
        complaint.TransferredOn = Today;
        // Reg 6(6), 7(5): the organisation it goes to is treated as having received it on the original date.
        Notify(complaint, "complainant", $"Reg 7(5) / 6(6): the complaint was sent to {handler}, which is treated as having received it on {complaint.ReceivedOn:yyyy-MM-dd}.");
        Notify(complaint, handler, $"Reg 7(5) / 6(6): a complaint transferred from {from}, received on {complaint.ReceivedOn:yyyy-MM-dd}.");
        Notify(complaint, from, $"The complaint was transferred to {handler}.");
        outbox.Publish(new ComplaintTransferred
        {
            ComplaintId = complaint.Id,
            Reference = complaint.Reference,
            FromOrganisationCode = from,
            ToOrganisationCode = handler,
            ReceivedOn = complaint.ReceivedOn,
            TransferredOn = Today,
            OutOfTime = complaint.OutOfTime && complaint.TimeLimitDecision is null,
            ComplainantSubjectId = complaint.ComplainantSubjectId,
        });
        PublishRouted(complaint);
    }

    private void PublishRouted(Complaint complaint) => outbox.Publish(new ComplaintRouted
    {
        ComplaintId = complaint.Id,
        Route = complaint.Route,
        HandlingOrganisationCode = complaint.HandlingOrganisationCode,
        Parties = complaint.Parties,
        LeadOrganisationCode = complaint.LeadOrganisationCode,
        RoutedOn = Today,
    });

    private void Notify(Complaint complaint, string recipient, string reason) =>
        db.ComplaintNotifications.Add(new ComplaintNotification { ComplaintId = complaint.Id, Recipient = recipient, Reason = reason, CreatedAt = time.GetUtcNow() });

    private async Task<Complaint> LoadAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var complaint = await db.Complaints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (complaint is null || !ComplaintQueries.MayRead(caller, complaint))
        {
            throw new RequestNotFoundException();
        }
        if (!caller.ActsFor(complaint.HandlingOrganisationCode, ManagerRoles))
        {
            throw new RequestForbiddenException("Only the complaints team of the organisation handling the complaint can do this.");
        }
        return complaint;
    }

    private static void EnsureOpen(Complaint complaint)
    {
        if (complaint.State != ComplaintState.Open)
        {
            throw new RequestStateException($"The complaint is closed at intake ({complaint.State}); nothing more can be decided on it.");
        }
    }

    // Reg 12 and Reg 5(4): an out-of-time complaint, or one from a representative of a child or a person lacking capacity,
    // goes no further until the decision is recorded.
    private static void EnsureMayMoveOn(Complaint complaint)
    {
        if (complaint.OutOfTime && complaint.TimeLimitDecision is null)
        {
            throw new RequestStateException("The complaint was made more than 12 months after the events (Reg 12): first record whether it will be considered.");
        }
        if (complaint.BestInterestsDecisionRequired && complaint.InBestInterests is null)
        {
            throw new RequestStateException("A representative complains for a child or a person lacking capacity: first record whether they act in the person's best interests (Reg 5(4)).");
        }
    }

    private async Task SaveAsync(Complaint complaint, CancellationToken ct)
    {
        audit.Record(AuditAction.Update, AuditResources.Complaint, complaint.Id.ToString(), complaint.HandlingOrganisationCode);
        await db.SaveChangesAsync(ct);
    }

    // Decisions and letters happen within the working-day calendar, and not in the future.
    private DateOnly? OptionalDate(string? value, string field, ValidationErrors errors) =>
        DateRules.ReadInCalendar(value, field, errors, Today);

    private DateOnly? RequiredPastDate(string? value, string field, string missing, ValidationErrors errors) =>
        DateRules.ReadInCalendar(value, field, errors, Today, required: missing);
}
