using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Domain.Cases;
using IcsComplaints.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Cases;

/// <summary>Records each case as it opens.</summary>
public sealed class CaseOpenedConsumer(InboxServices<LearningDbContext> inbox) : IdempotentConsumer<CaseOpened, LearningDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseOpened> context)
    {
        var opened = context.Message;
        if (!await Db.Cases.AnyAsync(c => c.CaseId == opened.CaseId, context.CancellationToken))
        {
            Db.Cases.Add(new LearningCase
            {
                CaseId = opened.CaseId, ComplaintId = opened.ComplaintId, Reference = opened.Reference,
                OrganisationCode = opened.OrganisationCode, ReceivedOn = opened.ReceivedOn,
            });
        }
    }
}

/// <summary>Keeps the case's KO41 subject areas, which suggest HCAT categories to the coder.</summary>
public sealed class CaseCodedConsumer(InboxServices<LearningDbContext> inbox) : IdempotentConsumer<CaseCoded, LearningDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseCoded> context)
    {
        var coded = context.Message;
        var known = await Db.Cases.FirstOrDefaultAsync(c => c.CaseId == coded.CaseId, context.CancellationToken);
        if (known is null)
        {
            // Coding follows opening in the case service; if it overtakes it here, redelivery brings it back.
            throw new InvalidOperationException("The case is not known yet.");
        }
        known.SubjectAreas = [.. coded.Subjects];
    }
}

/// <summary>Records how a case ended.</summary>
public sealed class CaseClosedConsumer(InboxServices<LearningDbContext> inbox) : IdempotentConsumer<CaseClosed, LearningDbContext>(inbox)
{
    /// <inheritdoc />
    protected override async Task HandleAsync(ConsumeContext<CaseClosed> context)
    {
        var closed = context.Message;
        var known = await Db.Cases.FirstOrDefaultAsync(c => c.CaseId == closed.CaseId, context.CancellationToken);
        if (known is not null)
        {
            known.ClosedOn = closed.ClosedOn;
            known.Outcome = closed.Outcome;
        }
    }
}
