using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Learning.Api.Cases;

/// <summary>
/// What this service knows of a case, from the case service's events: who handles it, when it was received, its
/// KO41 subject areas (which suggest HCAT categories) and how it ended. No personal data.
/// </summary>
public sealed class LearningCase
{
    /// <summary>The case.</summary>
    public Guid CaseId { get; init; }

    /// <summary>The complaint.</summary>
    public Guid ComplaintId { get; init; }

    /// <summary>Its reference.</summary>
    public required string Reference { get; init; }

    /// <summary>ODS code of the organisation handling it.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Date received: the month a theme counts it in.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>KO41 subject areas, once coded.</summary>
    public List<string> SubjectAreas { get; set; } = [];

    /// <summary>When it closed.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Outcome at closure (KO41a), if any.</summary>
    public string? Outcome { get; set; }

    /// <summary>When a quality lead put it in a calibration sample, to be coded by a second person.</summary>
    public DateOnly? SecondCodingRequestedOn { get; set; }

    /// <summary>True for the demonstration history that <c>./ics up</c> generates; never set by events.</summary>
    public bool Synthetic { get; init; }
}

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
