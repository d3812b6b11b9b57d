using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Learning.Domain.SelfAssessments;
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
        if (assessment.Status == AssessmentStatus.Submitted)
        {
            throw new RequestStateException($"Already submitted on {assessment.SubmittedOn:yyyy-MM-dd}.");
        }
        var reader = new FieldReader();
        foreach (var expectation in SelfAssessmentSupport.Framework.AllExpectations)
        {
            var rating = assessment.Ratings.FirstOrDefault(r => r.ExpectationId == expectation.Id);
            if (rating is null)
            {
                reader.Add($"ratings.{expectation.Id}", "Not rated yet.");
            }
            else if (rating.Evidence is null)
            {
                reader.Add($"ratings.{expectation.Id}.evidence", "Give the evidence for the rating.");
            }
            else if (rating.Level <= 2 && rating.ImprovementActions is null)
            {
                reader.Add($"ratings.{expectation.Id}.improvementActions", "Say what will improve an expectation rated below established.");
            }
        }
        reader.ThrowIfAny();
        assessment.Status = AssessmentStatus.Submitted;
        assessment.SubmittedOn = LondonTime.Today(time);
        assessment.SubmittedBy = caller.SubjectId;
        outbox.Publish(new SelfAssessmentSubmitted
        {
            OrganisationCode = organisation, Year = year, SubmittedOn = assessment.SubmittedOn.Value, SectionMeans = PeerSelfAssessments.SectionMeans(SelfAssessmentSupport.Levels(assessment)),
        });
        audit.Record(AuditAction.Update, LearningResources.SelfAssessment, $"{organisation}:{year}", organisation);
        await assessments.SaveAsync(ct);
        return SelfAssessmentSupport.View(assessment);
    }
}
