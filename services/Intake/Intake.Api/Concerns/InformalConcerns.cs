using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Complaints;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.ServiceDefaults;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.Intake.Api.Concerns;

/// <summary>
/// An everyday conversation, or an oral complaint resolved to the complainant's satisfaction by the next working
/// day (Reg 8(1)(c)). It has no case lifecycle, but it is counted for learning and reporting.
/// </summary>
public sealed class InformalConcern
{
    /// <summary>Identifier.</summary>
    public Guid Id { get; init; }

    /// <summary>ODS code of the organisation it was raised with.</summary>
    public required string OrganisationCode { get; init; }

    /// <summary>Everyday conversation or resolved oral complaint.</summary>
    public InformalConcernKind Kind { get; init; }

    /// <summary>How it was raised.</summary>
    public ComplaintChannel Channel { get; init; }

    /// <summary>The day it was raised.</summary>
    public DateOnly ReceivedOn { get; init; }

    /// <summary>The day it was resolved.</summary>
    public DateOnly ResolvedOn { get; init; }

    /// <summary>HCAT domain of the problem raised, when coded.</summary>
    public string? Domain { get; init; }

    /// <summary>What was raised and how it was resolved: a short note, which may hold personal data.</summary>
    public required string Summary { get; init; }

    /// <summary>Subject of the member of staff who recorded it.</summary>
    public required string RecordedBy { get; init; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset RecordedAt { get; init; }
}

/// <summary>A concern as staff record it.</summary>
/// <param name="Kind">EverydayConversation or OralComplaintResolved.</param>
/// <param name="Channel">Phone, InPerson, Pals, Email, Letter or Online.</param>
/// <param name="ReceivedOn">The day it was raised, <c>YYYY-MM-DD</c>; today by default.</param>
/// <param name="ResolvedOn">The day it was resolved; today by default.</param>
/// <param name="Domain">HCAT domain: Clinical, Management or Relationships.</param>
/// <param name="Summary">What was raised and how it was put right.</param>
public sealed record RecordConcernRequest(string? Kind, string? Channel, string? ReceivedOn, string? ResolvedOn, string? Domain, string? Summary);

/// <summary>A recorded concern.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Channel">Channel.</param>
/// <param name="ReceivedOn">Raised.</param>
/// <param name="ResolvedOn">Resolved.</param>
/// <param name="Domain">HCAT domain.</param>
/// <param name="Summary">Note.</param>
public sealed record ConcernView(Guid Id, InformalConcernKind Kind, ComplaintChannel Channel, DateOnly ReceivedOn, DateOnly ResolvedOn, string? Domain, string Summary);

/// <summary>Records and lists informal concerns for the caller's own organisation.</summary>
public sealed class InformalConcerns(IntakeDbContext db, IOutbox outbox, IAuditTrail audit, TimeProvider time, WorkingDayCalendar calendar)
{
    /// <summary>The three HCAT domains (Gillespie and Reader 2016).</summary>
    public static readonly IReadOnlyList<string> Domains = ["Clinical", "Management", "Relationships"];

    /// <summary>Roles that record concerns: the complaints and PALS team.</summary>
    public static readonly IReadOnlyList<string> RecorderRoles = [Roles.ComplaintsHandler];

    /// <summary>Records a concern; an oral complaint counts here only if it was resolved by the next working day (Reg 8(1)(c)).</summary>
    public async Task<ConcernView> RecordAsync(Caller caller, RecordConcernRequest? request, CancellationToken ct)
    {
        if (!caller.HasAny(RecorderRoles) || caller.OrganisationCode is null)
        {
            throw new RequestForbiddenException("Only the complaints team records concerns, for its own organisation.");
        }
        var today = LondonTime.Today(time);
        var errors = new ValidationErrors();
        var kind = Parse<InformalConcernKind>(request?.Kind, "kind", errors, required: true);
        var channel = Parse<ComplaintChannel>(request?.Channel, "channel", errors, required: true);
        if (channel is ComplaintChannel.Integration)
        {
            errors.Add("channel", "A concern is raised by a person: Phone, InPerson, Pals, Email, Letter or Online.");
        }
        var receivedOn = Date(request?.ReceivedOn, "receivedOn", today, errors);
        var resolvedOn = Date(request?.ResolvedOn, "resolvedOn", today, errors);
        if (resolvedOn < receivedOn)
        {
            errors.Add("resolvedOn", "A concern is resolved on or after the day it was raised.");
        }
        if (kind == InformalConcernKind.OralComplaintResolved)
        {
            if (channel is not (null or ComplaintChannel.Phone or ComplaintChannel.InPerson or ComplaintChannel.Pals))
            {
                errors.Add("channel", "An oral complaint is made by phone, in person or through PALS (Reg 8(1)(c)).");
            }
            // Reg 8(1)(c): resolved to the complainant's satisfaction not later than the next working day after the day it was made.
            var deadline = calendar.AddWorkingDays(receivedOn, 1);
            if (resolvedOn > deadline)
            {
                errors.Add("resolvedOn", $"Resolved after {deadline:yyyy-MM-dd}, the next working day: this is a complaint under the Regulations. Record it at POST /api/v1/complaints (Reg 8(1)(c)).");
            }
        }
        var domain = request?.Domain?.Trim();
        if (string.IsNullOrEmpty(domain))
        {
            domain = null;
        }
        else if (Domains.FirstOrDefault(d => d.Equals(domain, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            domain = known;
        }
        else
        {
            errors.Add("domain", "The HCAT domain is Clinical, Management or Relationships.");
        }
        var summary = TextRules.Read(request?.Summary, "summary", errors, ComplaintValidator.MaxTextLength, "Say what was raised and how it was put right.") ?? "";
        errors.ThrowIfAny();

        var now = time.GetUtcNow();
        var concern = new InformalConcern
        {
            Id = Guid.CreateVersion7(now),
            OrganisationCode = caller.OrganisationCode,
            Kind = kind!.Value,
            Channel = channel!.Value,
            ReceivedOn = receivedOn,
            ResolvedOn = resolvedOn,
            Domain = domain,
            Summary = summary,
            RecordedBy = caller.SubjectId,
            RecordedAt = now,
        };
        db.InformalConcerns.Add(concern);
        audit.Record(AuditAction.Create, AuditResources.Concern, concern.Id.ToString(), concern.OrganisationCode);
        outbox.Publish(new InformalConcernRecorded
        {
            ConcernId = concern.Id,
            OrganisationCode = concern.OrganisationCode,
            Kind = concern.Kind,
            Channel = concern.Channel,
            ReceivedOn = concern.ReceivedOn,
            ResolvedOn = concern.ResolvedOn,
            Domain = concern.Domain,
        });
        await db.SaveChangesAsync(ct);
        return View(concern);
    }

    /// <summary>The caller's organisation's concerns raised in a period, newest first (at most 500).</summary>
    public async Task<IReadOnlyList<ConcernView>> ListAsync(Caller caller, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!caller.HasAny(ComplaintQueries.ReaderRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("Only staff of an organisation read its concerns.");
        }
        var concerns = await db.InformalConcerns.AsNoTracking()
            .Where(c => c.OrganisationCode == organisation && (from == null || c.ReceivedOn >= from) && (to == null || c.ReceivedOn <= to))
            .OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id)
            .Take(500)
            .ToListAsync(ct);
        await audit.RecordReadAsync(AuditResources.Concern, $"list:{concerns.Count}", organisation, ct);
        return [.. concerns.Select(View)];
    }

    private static ConcernView View(InformalConcern c) => new(c.Id, c.Kind, c.Channel, c.ReceivedOn, c.ResolvedOn, c.Domain, c.Summary);

    private static TEnum? Parse<TEnum>(string? value, string field, ValidationErrors errors, bool required)
        where TEnum : struct, Enum
    {
        var given = value?.Trim();
        if (string.IsNullOrEmpty(given))
        {
            if (required)
            {
                errors.Add(field, "Required: one of " + string.Join(", ", Enum.GetNames<TEnum>()) + ".");
            }
            return null;
        }
        if (Enum.TryParse<TEnum>(given, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(given, out _))
        {
            return parsed;
        }
        errors.Add(field, "Must be one of: " + string.Join(", ", Enum.GetNames<TEnum>()) + ".");
        return null;
    }

    // Today when not given; a date that breaks the rule is reported and today used, so the rules that follow (which count
    // working days on the calendar) never see a date outside it.
    private static DateOnly Date(string? value, string field, DateOnly today, ValidationErrors errors) =>
        DateRules.ReadInCalendar(value, field, errors, today) ?? today;
}

/// <summary>The concerns REST API (<c>/api/v1/concerns</c>).</summary>
public static class ConcernsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static RouteGroupBuilder MapConcernsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/concerns").WithTags("Concerns");
        group.MapPost("", async (RecordConcernRequest? request, Caller caller, InformalConcerns concerns, CancellationToken ct) =>
        {
            var concern = await concerns.RecordAsync(caller, request, ct);
            return TypedResults.Created($"/api/v1/concerns/{concern.Id}", concern);
        });
        group.MapGet("", async Task<Ok<ItemList<ConcernView>>> (DateOnly? from, DateOnly? to, Caller caller, InformalConcerns concerns, CancellationToken ct) =>
            TypedResults.Ok(new ItemList<ConcernView>(await concerns.ListAsync(caller, from, to, ct))));
        return group;
    }
}
