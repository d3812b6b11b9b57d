using IcsComplaints.Calendar;
using IcsComplaints.Intake.Api.Data;
using IcsComplaints.Intake.Api.Features.RecordConcern;
using IcsComplaints.Intake.Domain.Complaints;
using IcsComplaints.Intake.Domain.Rules;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Intake.Api.Features.ResolveConcern;

/// <summary>How an open concern was put right.</summary>
/// <param name="ResolvedOn">The day, <c>YYYY-MM-DD</c>; today by default.</param>
/// <param name="Resolution">What was done.</param>
public sealed record ResolveConcernRequest(string? ResolvedOn, string? Resolution);

/// <summary>Records that one of the organisation's open concerns was put right (<see cref="OpenConcernFollowUp"/>).</summary>
public sealed class ResolveConcernHandler(ConcernStore store, IAuditTrail audit, TimeProvider time)
{
    /// <summary>The concern resolved; none when the organisation has no such concern.</summary>
    public async Task<ConcernView?> ResolveAsync(Caller caller, Guid id, ResolveConcernRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.HasAny(RecordConcernHandler.RecorderRoles) || caller.OrganisationCode is not { } organisation)
        {
            throw new RequestForbiddenException("Only the complaints team resolves concerns, for its own organisation.");
        }
        if (await store.FindAsync(organisation, id, ct) is not { } concern)
        {
            return null;
        }
        var today = LondonTime.Today(time);
        var fields = new FieldReader();
        var resolvedOn = fields.DateInCalendar(request?.ResolvedOn, "resolvedOn", today) ?? today;
        var resolution = fields.Text(request?.Resolution, "resolution", TextLimits.Note, "Say how it was put right.");
        OpenConcernFollowUp.CheckResolution(fields, concern, resolvedOn);
        fields.ThrowIfAny();

        concern.Resolve(resolvedOn, resolution);
        audit.Record(AuditAction.Update, AuditResources.Concern, concern.Id.ToString(), concern.OrganisationCode);
        await store.SaveAsync(ct);
        return ConcernView.Of(concern);
    }
}
