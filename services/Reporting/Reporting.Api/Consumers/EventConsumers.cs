using IcsComplaints.AdvocacyReferral.Contracts.Events;
using IcsComplaints.Case.Contracts.Events;
using IcsComplaints.Intake.Contracts.Events;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Messaging.Inbox;
using IcsComplaints.Reporting.Api.Data;

namespace IcsComplaints.Reporting.Api.Consumers;

// One line per event: a queue each, named after the consumer.
#pragma warning disable CS1591
public sealed class ComplaintSubmittedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ComplaintSubmitted>(i, t);
public sealed class ConsentRecordedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ConsentRecorded>(i, t);
public sealed class ComplaintTransferredConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ComplaintTransferred>(i, t);
public sealed class ComplaintWithdrawnConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ComplaintWithdrawn>(i, t);
public sealed class ComplaintExcludedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ComplaintExcluded>(i, t);
public sealed class InformalConcernRecordedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<InformalConcernRecorded>(i, t);
public sealed class ConcernBecameComplaintConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ConcernBecameComplaint>(i, t);
public sealed class CaseOpenedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseOpened>(i, t);
public sealed class CaseAcknowledgedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseAcknowledged>(i, t);
public sealed class CaseStageChangedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseStageChanged>(i, t);
public sealed class ResponseDateAgreedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ResponseDateAgreed>(i, t);
public sealed class FinalResponseSentConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<FinalResponseSent>(i, t);
public sealed class CaseClosedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseClosed>(i, t);
public sealed class CaseReopenedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseReopened>(i, t);
public sealed class CaseReferredToOmbudsmanConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseReferredToOmbudsman>(i, t);
public sealed class CaseCodedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseCoded>(i, t);
public sealed class CaseDeadlineMissedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<CaseDeadlineMissed>(i, t);
public sealed class ExperienceSurveyAnsweredConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ExperienceSurveyAnswered>(i, t);
public sealed class StaffInvolvedRecordedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<StaffInvolvedRecorded>(i, t);
public sealed class ReferralAcceptedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ReferralAccepted>(i, t);
public sealed class DraftReviewCompletedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<DraftReviewCompleted>(i, t);
public sealed class ThemeDetectedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ThemeDetected>(i, t);
public sealed class ThemeSharedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<ThemeShared>(i, t);
public sealed class LearningActionRaisedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<LearningActionRaised>(i, t);
public sealed class LearningActionCompletedConsumer(InboxServices<ReportingDbContext> i, TimeProvider t) : LoggedConsumer<LearningActionCompleted>(i, t);
#pragma warning restore CS1591
