using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Features.SubmitSelfAssessment;

/// <summary>Submits the year's self-assessment once complete.</summary>
public sealed class SubmitSelfAssessmentHandler(SelfAssessmentStore assessments, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Submits the year's assessment: every expectation rated with evidence, and improvement actions where it is not yet established.</summary>
    public async Task<AssessmentView> HandleAsync(Caller caller, int year, CancellationToken ct)
    {
        SelfAssessmentSupport.CheckYear(year, time);
        var organisation = SelfAssessmentSupport.Own(caller);
        var assessment = await assessments.FindAsync(organisation, year, ct)
            ?? throw new RequestStateException("Nothing to submit: rate the expectations first (PUT).");
        var today = LondonTime.Today(time);
        assessment.Submit(SelfAssessmentSupport.Framework, today, caller.SubjectId);
        outbox.Publish(new SelfAssessmentSubmitted
        {
            OrganisationCode = organisation, Year = year, SubmittedOn = today, SectionMeans = PeerSelfAssessments.SectionMeans(SelfAssessmentSupport.Levels(assessment)),
        });
        audit.Record(AuditAction.Update, LearningResources.SelfAssessment, $"{organisation}:{year}", organisation);
        await assessments.SaveAsync(ct);
        return SelfAssessmentSupport.View(assessment);
    }
}
