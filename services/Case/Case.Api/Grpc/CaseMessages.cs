using System.Globalization;
using IcsComplaints.Case.Api.Features.AdvocateView;
using IcsComplaints.Case.Api.Features.ViewCases;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Validation;
using CaseDetail = IcsComplaints.Case.Api.Features.ViewCases.CaseDetail;
using DomainDraft = IcsComplaints.Case.Domain.Cases.ResponseDraft;
using GrpcCase = IcsComplaints.Case.Contracts.Grpc.V1.Case;
using Proto = IcsComplaints.Case.Contracts.Grpc.V1;

namespace IcsComplaints.Case.Api.Grpc;

/// <summary>The case as gRPC messages carry it: the same views REST returns as JSON, field by field.</summary>
internal static class CaseMessages
{
    internal static CaseStage? ToStage(Stage stage) => stage switch
    {
        Stage.Unspecified => null,
        Stage.Received => CaseStage.Received,
        Stage.Acknowledged => CaseStage.Acknowledged,
        Stage.EarlyResolution => CaseStage.EarlyResolution,
        Stage.CloserLook => CaseStage.CloserLook,
        Stage.ResponseDrafted => CaseStage.ResponseDrafted,
        Stage.FinalResponseSent => CaseStage.FinalResponseSent,
        Stage.Closed => CaseStage.Closed,
        Stage.Reopened => CaseStage.Reopened,
        Stage.ReferredToOmbudsman => CaseStage.ReferredToOmbudsman,
        _ => throw new RequestValidationException("stage", "Not a stage of the procedure."),
    };

    internal static Stage ToStage(CaseStage stage) => stage switch
    {
        CaseStage.Received => Stage.Received,
        CaseStage.Acknowledged => Stage.Acknowledged,
        CaseStage.EarlyResolution => Stage.EarlyResolution,
        CaseStage.CloserLook => Stage.CloserLook,
        CaseStage.ResponseDrafted => Stage.ResponseDrafted,
        CaseStage.FinalResponseSent => Stage.FinalResponseSent,
        CaseStage.Closed => Stage.Closed,
        CaseStage.Reopened => Stage.Reopened,
        CaseStage.ReferredToOmbudsman => Stage.ReferredToOmbudsman,
        _ => Stage.Unspecified,
    };

    internal static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    internal static GrpcCase ToMessage(CaseView view)
    {
        var message = new GrpcCase
        {
            CaseId = view.CaseId.ToString(),
            ComplaintId = view.ComplaintId.ToString(),
            Reference = view.Reference,
            OrganisationCode = view.OrganisationCode,
            Stage = ToStage(view.Stage),
            ReceivedOn = Iso(view.ReceivedOn),
            AcknowledgementDueBy = Iso(view.AcknowledgementDueBy),
            OnHold = { view.OnHold },
            TransferredFromOrganisationCode = view.TransferredFromOrganisationCode ?? "",
            ClosedOn = Iso(view.ClosedOn),
            Closure = view.Closure?.ToString() ?? "",
            Outcome = view.Outcome?.ToString() ?? "",
            Handler = view.Handler ?? "",
            NextDeadlineKind = view.NextDeadline?.Kind.ToString() ?? "",
            NextDeadlineDueOn = Iso(view.NextDeadline?.DueOn),
            MissedDeadlines = { view.Missed.Select(kind => kind.ToString()) },
            Paused = view.Paused,
            HandlerSubjectId = view.HandlerSubjectId ?? "",
            Investigator = view.Investigator ?? "",
        };
        if (view.NextDeadline is { } next)
        {
            message.NextDeadlineWorkingDaysLeft = next.WorkingDaysLeft;
        }
        return message;
    }

    internal static Proto.CaseDetail ToMessage(CaseDetail detail)
    {
        var message = new Proto.CaseDetail
        {
            Summary = ToMessage(detail.Summary),
            AcknowledgedOn = Iso(detail.AcknowledgedOn),
            DiscussionOffered = detail.DiscussionOffered,
            DiscussedOn = Iso(detail.DiscussedOn),
            EarlyResolutionDueBy = Iso(detail.EarlyResolutionDueBy),
            CloserLookStartedOn = Iso(detail.CloserLookStartedOn),
            EscalationReason = detail.EscalationReason ?? "",
            Plan = detail.Plan is { } plan
                ? new Proto.InvestigationPlan
                {
                    Issues = { plan.Issues }, OutcomesSought = { plan.OutcomesSought }, Evidence = { plan.Evidence }, PeopleToSpeakTo = { plan.PeopleToSpeakTo },
                }
                : null,
            InvestigatorName = detail.Investigator?.Name ?? "",
            ConflictCheck = detail.ConflictCheck is { } check
                ? new Proto.ConflictCheck
                {
                    PriorInvolvement = check.PriorInvolvement, ConflictOfInterest = check.ConflictOfInterest,
                    ImpartialityMeasures = check.ImpartialityMeasures ?? "", CheckedOn = Iso(check.CheckedOn),
                }
                : null,
            ResponsiblePersonName = detail.ResponsiblePerson?.Name ?? "",
            SigningDelegateName = detail.SigningDelegate?.Name ?? "",
            ResponseDueBy = Iso(detail.ResponseDueBy),
            Backstop = Iso(detail.Backstop),
            PausedWorkingDays = detail.PausedWorkingDays,
            Deadlines =
            {
                detail.Deadlines.Select(d => new CaseDeadline
                {
                    Kind = d.Kind.ToString(), DueOn = Iso(d.DueOn), WorkingDaysLeft = d.WorkingDaysLeft, Met = d.Met, Done = d.Done,
                }),
            },
            Agreements =
            {
                detail.Agreements.Select(a => new Proto.ResponseDateAgreement
                {
                    AgreedOn = Iso(a.AgreedOn), DueBy = Iso(a.DueBy), WithComplainant = a.WithComplainant, Reason = a.Reason,
                }),
            },
            Pauses =
            {
                detail.Pauses.Select(p => new Proto.ClockPause { Reason = p.Reason.ToString(), Detail = p.Detail, From = Iso(p.From), Until = Iso(p.Until) }),
            },
            NextUpdateDue = Iso(detail.NextUpdateDue),
            Contacts =
            {
                detail.Contacts.Select(c => new Proto.ContactLogEntry
                {
                    On = Iso(c.On), Channel = c.Channel.ToString(), Outgoing = c.Outgoing, IsUpdate = c.IsUpdate, Summary = c.Summary,
                }),
            },
            Staff =
            {
                detail.Staff.Select(s => new Proto.StaffInvolved
                {
                    Id = s.Id, Name = s.Name, Role = s.Role, ToldOn = Iso(s.ToldOn), SupportOffered = s.SupportOffered ?? "", Comments = s.Comments ?? "",
                    CommentsUse = s.CommentsUse ?? "", SawFinalResponseOn = Iso(s.SawFinalResponseOn),
                }),
            },
            Draft = detail.Draft is { } draft ? ToMessage(draft) : null,
            MissingFromResponse = { detail.MissingFromResponse },
            SignedBy = detail.Signature?.SignedBy.Name ?? "",
            SignedTitle = detail.Signature?.Title ?? "",
            SignedOnBehalfOf = detail.Signature?.OnBehalfOf ?? "",
            SignedOn = Iso(detail.Signature?.SignedOn),
            FinalResponseSentOn = Iso(detail.FinalResponseSentOn),
            DelayLetterSentOn = Iso(detail.DelayLetterSentOn),
            Coding = detail.Coding is { } coding
                ? new Proto.Ko41Coding
                {
                    Subjects = { coding.Subjects }, ServiceArea = coding.ServiceArea, Professions = { coding.Professions },
                    ClinicalSubCategories = { coding.ClinicalSubCategories }, SiteOdsCode = coding.SiteOdsCode ?? "", AgeBand = coding.AgeBand,
                    ComplainantStatus = coding.ComplainantStatus,
                }
                : null,
            Contributions =
            {
                detail.Contributions.Select(c => new Proto.Contribution
                {
                    OrganisationCode = c.OrganisationCode, Text = c.Text ?? "", SignedOffOn = Iso(c.SignedOffOn),
                }),
            },
            ReopenCount = detail.ReopenCount,
            OmbudsmanReferralLearnedOn = Iso(detail.OmbudsmanReferralLearnedOn),
            SurveysAnswered = { detail.Surveys.Select(kind => kind.ToString()) },
            EarlyResolution = detail.EarlyResolution is { } early
                ? new Proto.EarlyResolutionRecord { ResolvedOn = Iso(early.ResolvedOn), Channel = early.Channel.ToString(), Discussed = early.Discussed, Agreed = early.Agreed }
                : null,
        };
        if (detail.UpdateEveryWorkingDays is { } every)
        {
            message.UpdateEveryWorkingDays = every;
        }
        return message;
    }

    internal static CodingSchemeResponse ToMessage(Features.CodeCase.Ko41CodingScheme scheme)
    {
        static IEnumerable<CodeItem> Items(IEnumerable<Features.CodeCase.CodeItem> items) => items.Select(i => new CodeItem { Code = i.Code, Label = i.Label });
        return new CodingSchemeResponse
        {
            Subjects = { Items(scheme.Subjects) }, ServiceArea = { Items(scheme.ServiceArea) }, Professions = { Items(scheme.Professions) },
            ClinicalSubCategories = { Items(scheme.ClinicalSubCategories) }, AgeBand = { Items(scheme.AgeBand) },
            ComplainantStatus = { Items(scheme.ComplainantStatus) }, MaxSubjects = scheme.MaxSubjects, ClinicalSubject = scheme.ClinicalSubject,
        };
    }

    internal static Proto.ResponseDraft ToMessage(DraftView view)
    {
        var message = ToMessage(new DomainDraft(view.ComplaintSummary, view.OutcomesSought, view.Investigation, view.Findings, view.Apology, view.Changes, view.Remedy));
        message.Version = view.Version;
        if (view.SharedVersion is { } shared)
        {
            message.SharedVersion = shared;
        }
        return message;
    }

    internal static Proto.AdvocateView ToMessage(AdvocateCaseView view)
    {
        var message = new Proto.AdvocateView
        {
            CaseId = view.CaseId.ToString(),
            Reference = view.Reference,
            OrganisationCode = view.OrganisationCode,
            Stage = ToStage(view.Stage),
            ReceivedOn = Iso(view.ReceivedOn),
            AcknowledgedOn = Iso(view.AcknowledgedOn),
            ResponseDueBy = Iso(view.ResponseDueBy),
            Backstop = Iso(view.Backstop),
            Paused = view.Paused,
            FinalResponseSentOn = Iso(view.FinalResponseSentOn),
            FinalResponse = view.FinalResponse is { } sent ? ToMessage(sent) : null,
            AccessEndsOn = Iso(view.AccessEndsOn),
        };
        message.Reviews.AddRange(view.Reviews.Select(r => new AdvocateReview
        {
            Version = r.Version,
            SharedOn = Iso(r.SharedOn),
            WindowEndsOn = Iso(r.WindowEndsOn),
            Status = r.Status.ToString(),
            Verdict = r.Verdict?.ToString() ?? "",
        }));
        if (view.Complainant is { } client)
        {
            message.Complainant = new Proto.AdvocateClient
            {
                Name = client.Name,
                Phone = client.Phone ?? "",
                Email = client.Email ?? "",
                PreferredContact = client.PreferredContact ?? "",
                InterpreterLanguage = client.InterpreterLanguage ?? "",
            };
            message.Complainant.AddressLines.AddRange(client.AddressLines);
            message.Complainant.Adjustments.AddRange(client.Adjustments);
        }
        return message;
    }

    internal static Proto.ResponseDraft ToMessage(DomainDraft draft) => new()
    {
        ComplaintSummary = draft.ComplaintSummary ?? "",
        OutcomesSought = draft.OutcomesSought ?? "",
        Investigation = draft.Investigation ?? "",
        Findings =
        {
            draft.Findings.Select(f => new Finding { Issue = f.Issue, Conclusion = f.Conclusion, Reasons = f.Reasons, Upheld = f.Upheld }),
        },
        Apology = draft.Apology ?? "",
        Changes = { draft.Changes.Select(c => new Change { Action = c.Action, By = Iso(c.By) }) },
        Remedy = draft.Remedy ?? "",
    };
}
