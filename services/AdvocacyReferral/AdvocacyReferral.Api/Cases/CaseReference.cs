using IcsComplaints.AdvocacyReferral.Api.Data;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.AdvocacyReferral.Api.Cases;

/// <summary>
/// What this service knows of a case, from the case service's events: enough to decide who may refer it and
/// consent for it (the organisation handling it, the signed-in complainant), and when grants end (closure).
/// </summary>
public sealed class CaseReference
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; init; }

    /// <summary>Its reference.</summary>
    public required string Reference { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>The signed-in complainant, if any.</summary>
    public string? ComplainantSubjectId { get; init; }

    /// <summary>Date received.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; set; }
}

/// <summary>Records each case as it opens.</summary>
public sealed class CaseOpenedConsumer(InboxServices<AdvocacyDbContext> inbox) : IdempotentConsumer<CaseOpened, AdvocacyDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseOpened> context)
    {
        var opened = context.Message;
        if (!await Db.Cases.AnyAsync(c => c.CaseId == opened.CaseId, context.CancellationToken))
        {
            Db.Cases.Add(new CaseReference
            {
                CaseId = opened.CaseId, ComplaintId = opened.ComplaintId, Reference = opened.Reference, OrganisationCode = opened.OrganisationCode,
                ComplainantSubjectId = opened.ComplainantSubjectId, ReceivedOn = opened.ReceivedOn,
            });
        }
    }
}

/// <summary>A closed case ends every consent grant on it at once (and with them the advocates' access).</summary>
public sealed class CaseClosedConsumer(InboxServices<AdvocacyDbContext> inbox, Referrals.ConsentLifecycle consents)
    : IdempotentConsumer<CaseClosed, AdvocacyDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseClosed> context)
    {
        var closed = context.Message;
        var reference = await Db.Cases.FirstOrDefaultAsync(c => c.CaseId == closed.CaseId, context.CancellationToken);
        if (reference is not null)
        {
            reference.ClosedOn = closed.ClosedOn;
        }
        var grants = await Db.Grants.Where(g => g.CaseId == closed.CaseId && g.EndedOn == null).ToListAsync(context.CancellationToken);
        await Db.Referrals.Where(r => r.CaseId == closed.CaseId).LoadAsync(context.CancellationToken);
        foreach (var grant in grants)
        {
            consents.End(Db, Outbox, grant, closed.ClosedOn, "CaseClosed", "case-service");
        }
    }
}
