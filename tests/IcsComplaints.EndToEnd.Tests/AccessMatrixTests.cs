// Over 300 lines on purpose: the matrix is one table of every endpoint's access decision, read top to bottom; split
// across files, an endpoint's decision would be harder to find and to check against its neighbours.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using IcsComplaints.AdvocacyReferral.Contracts.Grpc.V1;
using IcsComplaints.Case.Contracts.Grpc.V1;
using IcsComplaints.Intake.Contracts.Grpc.V1;
using IcsComplaints.Learning.Contracts.Grpc.V1;
using IcsComplaints.Reporting.Contracts.Grpc.V1;
using IcsComplaints.Platform.Security;
using IcsComplaints.TestKit;
using Microsoft.EntityFrameworkCore;

namespace IcsComplaints.EndToEnd.Tests;

/// <summary>
/// Every endpoint of every service, read from the services' own route tables, against every demo role and a
/// record of their own organisation or of another. An endpoint without an explicit access decision here fails the
/// test, so a new endpoint cannot be added without one. Requests go straight to each service, so this proves the
/// services' own enforcement; the gateway's is proven separately.
/// </summary>
public sealed class AccessMatrixTests(IcsSystem system)
{
    public enum Access
    {
        Allowed,
        Forbidden,
        Hidden,
        Unauthenticated,
    }

    private sealed record Persona(string Name, string? User, string? Client, string? Org, params string[] Roles)
    {
        public bool IsAnonymous => User is null && Client is null;

        public bool Has(params string[] roles) => roles.Any(Roles.Contains);

        public override string ToString() => Name;
    }

    private sealed record Target(string Org, Guid ComplaintId, string Reference, Guid CaseId, string? StatusSecret);

    private sealed record Context(Persona Persona, string? Token, Target Target, Targets All);

    private sealed record Targets(Target Rj1, Target Rjz, Target Qkk, Target Mine, Target Theirs);

    private sealed record Rule(Func<Persona, bool, Access> Expected, Func<Context, Task<Access>> Probe);

    private static readonly Persona[] Personas =
    [
        new("anonymous", null, null, null),
        new("complainant", "complainant", null, null, Roles.Complainant),
        new("platform admin", "admin", null, null, Roles.PlatformAdmin),
        new("advocate", "advocate.adv01", null, "ADV01", Roles.Advocate),
        new("provider handler", "handler.rj1", null, "RJ1", Roles.ComplaintsHandler),
        new("provider investigator", "investigator.rj1", null, "RJ1", Roles.Investigator),
        new("provider responsible person", "responsible.rj1", null, "RJ1", Roles.ResponsiblePerson),
        new("provider quality lead", "quality.rj1", null, "RJ1", Roles.QualityLead),
        new("ICB handler", "handler.qkk", null, "QKK", Roles.ComplaintsHandler),
        new("ICB investigator", "investigator.qkk", null, "QKK", Roles.Investigator),
        new("ICB responsible person", "responsible.qkk", null, "QKK", Roles.ResponsiblePerson),
        new("ICB commissioner", "commissioner.qkk", null, "QKK", Roles.IcbCommissioner),
        new("ICB quality lead", "quality.qkk", null, "QKK", Roles.QualityLead),
        new("PALS system", null, "pals-rj1", "RJ1", Roles.IntegrationSystem),
    ];

    private static Access AnyoneMay(Persona p, bool own) => Access.Allowed;

    private static Func<Persona, bool, Access> SignedIn(Func<Persona, bool, Access> decide) =>
        (p, own) => p.IsAnonymous ? Access.Unauthenticated : decide(p, own);

    // Complaint and case readers see their own organisation's records; a complainant their own; nobody else any.
    private static Func<Persona, bool, Access> Readers(params string[] roles) =>
        SignedIn((p, own) => p.Has(roles) || p.Has(Roles.Complainant) ? (own ? Access.Allowed : Access.Hidden) : Access.Hidden);

    private static readonly string[] ComplaintReaders =
        [Roles.ComplaintsHandler, Roles.Investigator, Roles.ResponsiblePerson, Roles.QualityLead, Roles.IcbCommissioner];

    private static readonly string[] CaseReaders = [.. ComplaintReaders, Roles.IntegrationSystem];

    private static readonly string[] Recorders = [Roles.ComplaintsHandler, Roles.IcbCommissioner, Roles.IntegrationSystem];

    private Dictionary<string, Rule> Rules() => new(StringComparer.Ordinal)
    {
        // intake
        ["intake ANY /health/live"] = new(AnyoneMay, c => GetAsync(system.Intake, "/health/live", c.Token)),
        ["intake ANY /health/ready"] = new(AnyoneMay, c => GetAsync(system.Intake, "/health/ready", c.Token)),
        ["intake ANY /metrics"] = new(AnyoneMay, c => GetAsync(system.Intake, "/metrics", c.Token)),
        ["intake GET /api/docs/intake/openapi.json"] = new(AnyoneMay, c => GetAsync(system.Intake, "/api/docs/intake/openapi.json", c.Token)),
        ["intake POST /api/v1/complaints/"] = new(
            (p, own) => p.IsAnonymous || p.Has(Roles.Complainant) ? Access.Allowed : p.Has(Recorders) && own ? Access.Allowed : Access.Forbidden,
            c => SubmitRestAsync(c, "/api/v1/complaints")),
        // Checking a complaint without recording it: whoever may submit it may check it, with the same answer.
        ["intake POST /api/v1/complaints/validation"] = new(
            (p, own) => p.IsAnonymous || p.Has(Roles.Complainant) ? Access.Allowed : p.Has(Recorders) && own ? Access.Allowed : Access.Forbidden,
            c => SubmitRestAsync(c, "/api/v1/complaints/validation")),
        ["intake GET /api/v1/complaints/status"] = new(
            (_, own) => own ? Access.Allowed : Access.Hidden,
            c => GetAsync(system.Intake, $"/api/v1/complaints/status?reference={c.Target.Reference}", c.Token, c.All.Mine.StatusSecret)),
        ["intake GET /api/v1/complaints/{id:guid}"] = new(Readers(ComplaintReaders), c => GetAsync(system.Intake, $"/api/v1/complaints/{c.Target.ComplaintId}", c.Token)),
        ["intake GET /api/v1/complaints/"] = new(StaffOfAnyOrganisation(ComplaintReaders), c => ListComplaintsAsync(c)),
        // A search finds the caller's own organisation's complaints only: another's is as if it did not exist.
        ["intake POST /api/v1/complaints/search"] = new(SearchersOfOwnOrganisation, SearchComplaintsAsync),
        ["intake POST /ics.intake.v1.ComplaintRecordsService/SearchComplaints"] = new(SearchersOfOwnOrganisation, SearchComplaintsGrpcAsync),
        // A signed-in complainant's own complaints, and nobody else's; any other caller is refused outright.
        ["intake GET /api/v1/complaints/mine"] = new(
            SignedIn((p, own) => p.Has(Roles.Complainant) ? (own ? Access.Allowed : Access.Hidden) : Access.Forbidden), ListMyComplaintsAsync),
        ["intake GET /api/v1/complaints/{id:guid}/possible-duplicates"] = new(
            SignedIn((p, own) => p.Has(ComplaintReaders) && own ? Access.Allowed : Access.Hidden),
            c => GetAsync(system.Intake, $"/api/v1/complaints/{c.Target.ComplaintId}/possible-duplicates", c.Token)),
        // Imports: an organisation's complaints team and quality lead, for their own organisation; an empty form is
        // refused (400) past authorisation, so nothing is imported by the probe.
        ["intake POST /api/v1/complaints/imports/"] = new(
            StaffOfAnyOrganisation(Importers), c => ReachedAsync(system.Intake, HttpMethod.Post, "/api/v1/complaints/imports", c.Token)),
        ["intake GET /api/v1/complaints/imports/{id:guid}"] = new(ImportTeam, async c => await GetAsync(system.Intake, $"/api/v1/complaints/imports/{await ImportOfAsync(c.Target.Org)}", c.Token)),
        ["intake GET /api/v1/complaints/imports/{id:guid}/rejected"] = new(
            ImportTeam, async c => await GetAsync(system.Intake, $"/api/v1/complaints/imports/{await ImportOfAsync(c.Target.Org)}/rejected", c.Token)),
        ["intake POST /api/v1/complaints/{id:guid}/consent"] = new(Deciders(), c => DecideAsync(c, "consent", new { })),
        ["intake POST /api/v1/complaints/{id:guid}/routing"] = new(Deciders(), c => DecideAsync(c, "routing", new { })),
        ["intake POST /api/v1/complaints/{id:guid}/parties"] = new(Deciders(), c => DecideAsync(c, "parties", new { })),
        ["intake POST /api/v1/complaints/{id:guid}/link"] = new(Deciders(), c => DecideAsync(c, "link", new { })),
        ["intake POST /api/v1/complaints/{id:guid}/time-limit-decision"] = new(Deciders(), c => DecideAsync(c, "time-limit-decision", new { })),
        ["intake POST /api/v1/complaints/{id:guid}/best-interests-decision"] = new(Deciders(), c => DecideAsync(c, "best-interests-decision", new { })),
        ["intake POST /api/v1/complaints/{id:guid}/exclusion"] = new(Deciders(), c => DecideAsync(c, "exclusion", new { })),
        // The complainant may withdraw their own complaint too.
        ["intake POST /api/v1/complaints/{id:guid}/withdrawal"] = new(
            Deciders(complainantMay: true), c => DecideAsync(c, "withdrawal", new { withdrawnOn = "not a date" })),
        ["intake POST /api/v1/concerns/"] = new(StaffOfAnyOrganisation(Roles.ComplaintsHandler), c => DecideAsync(c, null, new { })),
        ["intake GET /api/v1/concerns/"] = new(StaffOfAnyOrganisation(ComplaintReaders), c => GetAsync(system.Intake, "/api/v1/concerns", c.Token)),
        // One concern is its organisation's staff's to read and its complaints team's to resolve; another's is as if
        // it did not exist. The probe's date is not one, so no concern is resolved by it.
        ["intake GET /api/v1/concerns/{id:guid}"] = new(
            SignedIn((p, own) => !p.Has(ComplaintReaders) ? Access.Forbidden : own ? Access.Allowed : Access.Hidden),
            async c => await GetAsync(system.Intake, $"/api/v1/concerns/{await ConcernOfAsync(c.Target.Org)}", c.Token)),
        ["intake POST /api/v1/concerns/{id:guid}/resolution"] = new(
            SignedIn((p, own) => !p.Has(Roles.ComplaintsHandler) ? Access.Forbidden : own ? Access.Allowed : Access.Hidden),
            ResolveConcernAsync),
        ["intake GET /api/v1/organisations/"] = new(AnyoneMay, c => GetAsync(system.Intake, "/api/v1/organisations?type=icb", c.Token)),
        ["intake GET /api/v1/organisations/{odsCode}"] = new(AnyoneMay, c => GetAsync(system.Intake, "/api/v1/organisations/QKK", c.Token)),
        ["intake POST /ics.intake.v1.OrganisationDirectoryService/GetOrganisation"] = new(AnyoneMay, GetOrganisationGrpcAsync),
        ["intake POST /ics.intake.v1.OrganisationDirectoryService/ListOrganisations"] = new(AnyoneMay, ListOrganisationsGrpcAsync),
        ["intake POST /ics.intake.v1.ComplaintRecordsService/GetComplainantContact"] = new(Readers(ComplaintReaders), ComplainantContactGrpcAsync),
        // For the correspondence service's written record of an oral complaint only (ADR 37): every person is refused.
        ["intake POST /ics.intake.v1.ComplaintRecordsService/GetComplaintStatement"] = new(SignedIn((_, _) => Access.Forbidden), ComplaintStatementGrpcAsync),
        ["intake ANY ics.intake.v1.ComplaintRecordsService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Intake, "/ics.intake.v1.ComplaintRecordsService/NoSuchMethod", c.Token)),
        // Another service asks whether a reference and status secret go together: holding them is the proof, as on the progress check.
        ["intake POST /ics.intake.v1.StatusSecretService/VerifyStatusSecret"] = new((_, own) => own ? Access.Allowed : Access.Hidden, VerifyStatusSecretGrpcAsync),
        ["intake ANY ics.intake.v1.StatusSecretService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Intake, "/ics.intake.v1.StatusSecretService/NoSuchMethod", c.Token)),
        ["intake ANY ics.intake.v1.OrganisationDirectoryService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Intake, "/ics.intake.v1.OrganisationDirectoryService/NoSuchMethod", c.Token)),
        ["intake GET /api/v1/audit/intake"] = new(AuditReaders, c => AuditAsync(system.Intake, "intake", c.Target.ComplaintId, c.Token)),
        ["intake GET /admin/outbox/"] = new(AdminsOnly, c => GetAsync(system.Intake, "/admin/outbox", c.Token)),
        ["intake POST /admin/outbox/{messageId:guid}/requeue"] = new(AdminsOnly, c => RequeueAsync(system.Intake, c.Token)),
        ["intake POST /ics.intake.v1.IntakeService/SubmitComplaint"] = new(
            SignedIn((p, own) => p.Has(Recorders) && own ? Access.Allowed : Access.Forbidden), SubmitGrpcAsync),
        ["intake ANY ics.intake.v1.IntakeService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Intake, "/ics.intake.v1.IntakeService/NoSuchMethod", c.Token)),
        ["intake ANY {unimplementedService}/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Intake, "/no.such.v1.Service/Method", c.Token)),

        // case
        ["case ANY /health/live"] = new(AnyoneMay, c => GetAsync(system.Case, "/health/live", c.Token)),
        ["case ANY /health/ready"] = new(AnyoneMay, c => GetAsync(system.Case, "/health/ready", c.Token)),
        ["case ANY /metrics"] = new(AnyoneMay, c => GetAsync(system.Case, "/metrics", c.Token)),
        ["case GET /api/docs/case/openapi.json"] = new(AnyoneMay, c => GetAsync(system.Case, "/api/docs/case/openapi.json", c.Token)),
        ["case GET /api/v1/cases/"] = new(Readers(CaseReaders), ListCasesRestAsync),
        ["case GET /api/v1/cases/{caseId:guid}"] = new(Readers(CaseReaders), c => GetAsync(system.Case, $"/api/v1/cases/{c.Target.CaseId}", c.Token)),
        ["case POST /ics.case.v1.CaseService/GetCase"] = new(Readers(CaseReaders), GetCaseGrpcAsync),
        ["case POST /ics.case.v1.CaseService/ListCases"] = new(Readers(CaseReaders), ListCasesGrpcAsync),
        ["case POST /api/v1/cases/{caseId:guid}/acknowledgement"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "acknowledgement", new { })),
        ["case POST /ics.case.v1.CaseService/Acknowledge"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "Acknowledge")),
        ["case POST /api/v1/cases/{caseId:guid}/assignment"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "assignment", new { })),
        ["case POST /ics.case.v1.CaseService/Assign"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "Assign")),
        ["case POST /api/v1/cases/{caseId:guid}/early-resolution"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "early-resolution", new { })),
        ["case POST /ics.case.v1.CaseService/StartEarlyResolution"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "StartEarlyResolution")),
        ["case POST /api/v1/cases/{caseId:guid}/early-resolution/resolution"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "early-resolution/resolution", new { })),
        ["case POST /ics.case.v1.CaseService/ResolveEarly"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "ResolveEarly")),
        ["case POST /api/v1/cases/{caseId:guid}/closer-look"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "closer-look", new { })),
        ["case POST /ics.case.v1.CaseService/StartCloserLook"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "StartCloserLook")),
        ["case POST /api/v1/cases/{caseId:guid}/response-date"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "response-date", new { })),
        ["case POST /ics.case.v1.CaseService/AgreeResponseDate"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "AgreeResponseDate")),
        ["case POST /api/v1/cases/{caseId:guid}/pause"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "pause", new { })),
        ["case POST /ics.case.v1.CaseService/PauseClock"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "PauseClock")),
        ["case POST /api/v1/cases/{caseId:guid}/resumption"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "resumption", new { })),
        ["case POST /ics.case.v1.CaseService/ResumeClock"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "ResumeClock")),
        ["case POST /api/v1/cases/{caseId:guid}/contacts"] = new(CaseTeam(Workers), c => CaseCallAsync(c, HttpMethod.Post, "contacts", new { })),
        ["case POST /ics.case.v1.CaseService/LogContact"] = new(CaseTeam(Workers), c => CaseGrpcAsync(c, "LogContact")),
        ["case POST /api/v1/cases/{caseId:guid}/update-frequency"] = new(CaseTeam(Workers), c => CaseCallAsync(c, HttpMethod.Post, "update-frequency", new { })),
        ["case POST /ics.case.v1.CaseService/AgreeUpdateFrequency"] = new(CaseTeam(Workers), c => CaseGrpcAsync(c, "AgreeUpdateFrequency")),
        ["case POST /api/v1/cases/{caseId:guid}/staff"] = new(CaseTeam(Workers), c => CaseCallAsync(c, HttpMethod.Post, "staff", new { })),
        ["case POST /ics.case.v1.CaseService/AddStaffInvolved"] = new(CaseTeam(Workers), c => CaseGrpcAsync(c, "AddStaffInvolved")),
        ["case PUT /api/v1/cases/{caseId:guid}/response-draft"] = new(CaseTeam(Workers), c => CaseCallAsync(c, HttpMethod.Put, "response-draft", new { })),
        ["case POST /ics.case.v1.CaseService/SaveResponseDraft"] = new(CaseTeam(Workers), c => CaseGrpcAsync(c, "SaveResponseDraft")),
        ["case POST /api/v1/cases/{caseId:guid}/response-draft/sharing"] = new(CaseTeam(Workers), c => CaseCallAsync(c, HttpMethod.Post, "response-draft/sharing", new { })),
        ["case POST /ics.case.v1.CaseService/ShareResponseDraft"] = new(CaseTeam(Workers), c => CaseGrpcAsync(c, "ShareResponseDraft")),
        ["case PUT /api/v1/cases/{caseId:guid}/signatories"] = new(CaseTeam(Signers), c => CaseCallAsync(c, HttpMethod.Put, "signatories", new { })),
        ["case POST /ics.case.v1.CaseService/SetSignatories"] = new(CaseTeam(Signers), c => CaseGrpcAsync(c, "SetSignatories")),
        ["case POST /api/v1/cases/{caseId:guid}/final-response/signature"] = new(CaseSignature(), c => CaseCallAsync(c, HttpMethod.Post, "final-response/signature", new { })),
        ["case POST /ics.case.v1.CaseService/SignFinalResponse"] = new(CaseSignature(), c => CaseGrpcAsync(c, "SignFinalResponse")),
        ["case POST /api/v1/cases/{caseId:guid}/final-response/sending"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "final-response/sending", new { })),
        ["case POST /ics.case.v1.CaseService/SendFinalResponse"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "SendFinalResponse")),
        ["case POST /api/v1/cases/{caseId:guid}/closure"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "closure", new { })),
        ["case POST /ics.case.v1.CaseService/CloseCase"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "CloseCase")),
        ["case POST /api/v1/cases/{caseId:guid}/reopening"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "reopening", new { })),
        ["case POST /ics.case.v1.CaseService/ReopenCase"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "ReopenCase")),
        ["case POST /api/v1/cases/{caseId:guid}/ombudsman-referral"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "ombudsman-referral", new { })),
        ["case POST /ics.case.v1.CaseService/RecordOmbudsmanReferral"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "RecordOmbudsmanReferral")),
        ["case POST /api/v1/cases/{caseId:guid}/delay-letter"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "delay-letter", new { })),
        ["case POST /ics.case.v1.CaseService/RecordDelayLetter"] = new(CaseTeam(Managers), c => CaseGrpcAsync(c, "RecordDelayLetter")),
        ["case PUT /api/v1/cases/{caseId:guid}/coding"] = new(CaseTeam(Workers), c => CaseCallAsync(c, HttpMethod.Put, "coding", new { })),
        ["case POST /ics.case.v1.CaseService/CodeCase"] = new(CaseTeam(Workers), c => CaseGrpcAsync(c, "CodeCase")),
        // The KO41 code lists hold no records: any organisation's staff may read them.
        ["case GET /api/v1/cases/coding-scheme"] = new(StaffOfAnyOrganisation(ComplaintReaders), c => GetAsync(system.Case, "/api/v1/cases/coding-scheme", c.Token)),
        ["case POST /ics.case.v1.CaseService/GetCodingScheme"] = new(StaffOfAnyOrganisation(ComplaintReaders), CodingSchemeGrpcAsync),
        ["case POST /ics.case.v1.CaseService/GetCaseDetail"] = new(CaseStaff(detail: true), c => CaseGrpcAsync(c, "GetCaseDetail")),
        ["case POST /ics.case.v1.CaseService/UpdateStaffInvolved"] = new(CaseTeam(Workers), c => CaseGrpcAsync(c, "UpdateStaffInvolved", "\"staffId\":\"1\",\"toldOn\":\"not a date\"")),
        ["case GET /api/v1/cases/{caseId:guid}/detail"] = new(CaseStaff(detail: true), c => CaseCallAsync(c, HttpMethod.Get, "detail", null)),
        ["case GET /api/v1/cases/{caseId:guid}/acknowledgement/letter"] = new(CaseStaff(detail: true), c => CaseCallAsync(c, HttpMethod.Get, "acknowledgement/letter", null)),
        ["case GET /api/v1/cases/{caseId:guid}/final-response/letter"] = new(CaseStaff(detail: true), c => CaseCallAsync(c, HttpMethod.Get, "final-response/letter", null)),
        // Contributions are for the other organisations of a complaint about several (Reg 9); the targets have none,
        // so everyone is told there is nothing — the contributor's path is proven in CaseContributionTests.
        ["case GET /api/v1/cases/{caseId:guid}/contribution"] = new(SignedIn((_, _) => Access.Hidden), c => CaseCallAsync(c, HttpMethod.Get, "contribution", null)),
        ["case PUT /api/v1/cases/{caseId:guid}/contribution"] = new(SignedIn((_, _) => Access.Hidden), c => CaseCallAsync(c, HttpMethod.Put, "contribution", new { })),
        ["case POST /api/v1/cases/{caseId:guid}/contribution/sign-off"] = new(SignedIn((_, _) => Access.Hidden), c => CaseCallAsync(c, HttpMethod.Post, "contribution/sign-off", new { })),
        // The list of what the caller's own organisation owes: any of its staff may ask; other roles have no such list.
        ["case GET /api/v1/cases/contributions"] = new(SignedIn((p, _) => p.Has(ComplaintReaders) ? Access.Allowed : Access.Forbidden), c => GetAsync(system.Case, "/api/v1/cases/contributions", c.Token)),
        ["case POST /api/v1/cases/{caseId:guid}/surveys/{kind}"] = new(
            SignedIn((p, own) => !own ? Access.Hidden
                : p.Has(Roles.Complainant, Roles.ComplaintsHandler, Roles.IcbCommissioner) ? Access.Allowed
                : p.Has(ComplaintReaders) ? Access.Forbidden
                : Access.Hidden),
            c => CaseCallAsync(c, HttpMethod.Post, "surveys/Complainant", new { })),
        // A survey link is issued by the case's complaints team (409 here: the targets' responses have not gone).
        ["case POST /api/v1/cases/{caseId:guid}/survey-invitations"] = new(CaseTeam(Managers), c => CaseCallAsync(c, HttpMethod.Post, "survey-invitations", new { })),
        // Answered by whoever holds a link's code, signed in or not; a code that opens nothing tells anyone nothing.
        ["case GET /api/v1/surveys/link/"] = new((_, _) => Access.Hidden, c => SurveyByLinkAsync(c, HttpMethod.Get, "/api/v1/surveys/link", null)),
        ["case POST /api/v1/surveys/link/answers"] = new((_, _) => Access.Hidden, c => SurveyByLinkAsync(c, HttpMethod.Post, "/api/v1/surveys/link/answers", new { answers = new { takenSeriously = "Yes" } })),
        // Files on a case (ADR 43): its organisation's staff and its own signed-in complainant; an empty form is 400.
        ["case POST /api/v1/cases/{caseId:guid}/documents/"] = new(Readers(ComplaintReaders), c => DocumentUploadAsync(c, $"/api/v1/cases/{c.Target.CaseId}/documents", secret: null)),
        ["case GET /api/v1/cases/{caseId:guid}/documents/"] = new(Readers(ComplaintReaders), c => CaseCallAsync(c, HttpMethod.Get, "documents", null)),
        ["case POST /ics.case.v1.CaseService/AddDocument"] = new(Readers(ComplaintReaders), DocumentStreamAsync),
        ["case POST /ics.case.v1.CaseService/ListDocuments"] = new(Readers(ComplaintReaders), c => CaseGrpcAsync(c, "ListDocuments")),
        // No target holds a file, so everyone is told there is none; the readers' path is proven in CaseDocumentTests.
        ["case GET /api/v1/cases/{caseId:guid}/documents/{documentId:guid}/content"] = new(
            SignedIn((_, _) => Access.Hidden), c => CaseCallAsync(c, HttpMethod.Get, $"documents/{Guid.NewGuid()}/content", null)),
        // On the complainant's own reference and progress code, signed in or not, as the progress check.
        ["case POST /api/v1/complaint-documents/"] = new(
            (_, own) => own ? Access.Allowed : Access.Hidden,
            c => DocumentUploadAsync(c, $"/api/v1/complaint-documents?reference={c.Target.Reference}", c.All.Mine.StatusSecret)),
        ["case GET /api/v1/complaint-documents/"] = new(
            (_, own) => own ? Access.Allowed : Access.Hidden,
            c => GetAsync(system.Case, $"/api/v1/complaint-documents?reference={c.Target.Reference}", c.Token, c.All.Mine.StatusSecret)),
        ["case PUT /api/v1/cases/{caseId:guid}/staff/{staffId:long}"] = new(CaseTeam(Workers), c => CaseCallAsync(c, HttpMethod.Put, "staff/1", new { toldOn = "not a date" })),
        ["case GET /api/v1/case-settings/"] = new(StaffOfAnyOrganisation(ComplaintReaders), c => GetAsync(system.Case, "/api/v1/case-settings", c.Token)),
        ["case PUT /api/v1/case-settings/"] = new(StaffOfAnyOrganisation(Roles.ResponsiblePerson, Roles.QualityLead), c => CaseSettingsAsync(c)),
        // Advocates see a case only under a consent grant naming their service; the targets have none, so every
        // advocate is told there is nothing. The grant's path is proven in AdvocacyTests.
        ["case GET /api/v1/cases/{caseId:guid}/advocate-view"] = new(SignedIn((_, _) => Access.Hidden), c => CaseCallAsync(c, HttpMethod.Get, "advocate-view", null)),
        ["case POST /ics.case.v1.CaseService/GetAdvocateView"] = new(SignedIn((_, _) => Access.Hidden), AdvocateViewGrpcAsync),
        ["case GET /api/v1/cases/{caseId:guid}/drafts/{version:int}"] = new(SignedIn((_, _) => Access.Hidden), c => CaseCallAsync(c, HttpMethod.Get, "drafts/1", null)),
        ["case POST /api/v1/cases/{caseId:guid}/reviews/{version:int}/completion"] = new(SignedIn((_, _) => Access.Hidden), c => CaseCallAsync(c, HttpMethod.Post, "reviews/1/completion", new { })),

        // advocacy-referral: the directory is public; referrals and reviews are for the case's organisation, the
        // complainant and the advocacy service named (items on a referral or review that does not exist are hidden).
        ["advocacy-referral ANY /health/live"] = new(AnyoneMay, c => GetAsync(system.Advocacy, "/health/live", c.Token)),
        ["advocacy-referral ANY /health/ready"] = new(AnyoneMay, c => GetAsync(system.Advocacy, "/health/ready", c.Token)),
        ["advocacy-referral ANY /metrics"] = new(AnyoneMay, c => GetAsync(system.Advocacy, "/metrics", c.Token)),
        ["advocacy-referral GET /api/docs/advocacy-referral/openapi.json"] = new(AnyoneMay, c => GetAsync(system.Advocacy, "/api/docs/advocacy-referral/openapi.json", c.Token)),
        ["advocacy-referral GET /api/v1/advocacy-services/"] = new(AnyoneMay, c => GetAsync(system.Advocacy, "/api/v1/advocacy-services?postcode=SE1%207EH", c.Token)),
        ["advocacy-referral GET /api/v1/advocacy-services/{code}"] = new(AnyoneMay, c => GetAsync(system.Advocacy, "/api/v1/advocacy-services/ADV01", c.Token)),
        ["advocacy-referral GET /api/v1/advocacy/referrals"] = new(AdvocacyParticipants, c => GetAsync(system.Advocacy, "/api/v1/advocacy/referrals", c.Token)),
        ["advocacy-referral GET /api/v1/advocacy/reviews"] = new(AdvocacyParticipants, c => GetAsync(system.Advocacy, "/api/v1/advocacy/reviews", c.Token)),
        ["advocacy-referral POST /api/v1/advocacy/referrals"] = new(
            SignedIn((p, own) => !own ? Access.Hidden
                : p.Has(Roles.ComplaintsHandler, Roles.IcbCommissioner, Roles.Complainant) ? Access.Allowed
                : p.Has(ComplaintReaders) ? Access.Forbidden
                : Access.Hidden),
            c => AdvocacyCallAsync(c, HttpMethod.Post, "/api/v1/advocacy/referrals", new { caseId = c.Target.CaseId })),
        // Anyone holding the complaint's reference and status secret asks for advocacy, signed in or not.
        ["advocacy-referral POST /api/v1/advocacy/self-referrals"] = new((_, own) => own ? Access.Allowed : Access.Hidden, SelfReferralAsync),
        ["advocacy-referral POST /api/v1/advocacy/referrals/{id:guid}/acceptance"] = new(SignedIn((_, _) => Access.Hidden), c => AdvocacyCallAsync(c, HttpMethod.Post, $"/api/v1/advocacy/referrals/{Guid.NewGuid()}/acceptance", new { })),
        ["advocacy-referral POST /api/v1/advocacy/referrals/{id:guid}/decline"] = new(SignedIn((_, _) => Access.Hidden), c => AdvocacyCallAsync(c, HttpMethod.Post, $"/api/v1/advocacy/referrals/{Guid.NewGuid()}/decline", new { })),
        ["advocacy-referral POST /api/v1/advocacy/grants/{id:guid}/revocation"] = new(SignedIn((_, _) => Access.Hidden), c => AdvocacyCallAsync(c, HttpMethod.Post, $"/api/v1/advocacy/grants/{Guid.NewGuid()}/revocation", null)),
        ["advocacy-referral POST /api/v1/advocacy/reviews/{id:long}/comments"] = new(SignedIn((_, _) => Access.Hidden), c => AdvocacyCallAsync(c, HttpMethod.Post, "/api/v1/advocacy/reviews/999999999/comments", new { })),
        ["advocacy-referral POST /api/v1/advocacy/reviews/{id:long}/completion"] = new(SignedIn((_, _) => Access.Hidden), c => AdvocacyCallAsync(c, HttpMethod.Post, "/api/v1/advocacy/reviews/999999999/completion", new { verdict = "Approved" })),
        ["advocacy-referral POST /api/v1/advocacy/reviews/{id:long}/waiver"] = new(SignedIn((_, _) => Access.Hidden), c => AdvocacyCallAsync(c, HttpMethod.Post, "/api/v1/advocacy/reviews/999999999/waiver", null)),
        ["advocacy-referral GET /api/v1/audit/advocacy-referral"] = new(
            SignedIn((p, _) => p.Has(Roles.PlatformAdmin, Roles.QualityLead) ? Access.Allowed : Access.Forbidden),
            c => GetAsync(system.Advocacy, "/api/v1/audit/advocacy-referral", c.Token)),
        ["advocacy-referral GET /admin/outbox/"] = new(AdminsOnly, c => GetAsync(system.Advocacy, "/admin/outbox", c.Token)),
        ["advocacy-referral POST /admin/outbox/{messageId:guid}/requeue"] = new(AdminsOnly, c => RequeueAsync(system.Advocacy, c.Token)),
        ["advocacy-referral POST /ics.advocacy.v1.AdvocacyDirectoryService/FindAdvocacyService"] = new(AnyoneMay, FindAdvocacyGrpcAsync),
        ["advocacy-referral POST /ics.advocacy.v1.ConsentService/GetActiveGrant"] = new(SignedIn((_, _) => Access.Hidden), ActiveGrantGrpcAsync),
        ["advocacy-referral POST /ics.advocacy.v1.ConsentService/GetEndedGrant"] = new(SignedIn((_, _) => Access.Hidden), EndedGrantGrpcAsync),
        ["advocacy-referral POST /ics.advocacy.v1.ConsentService/ListDraftReviewers"] = new(
            SignedIn((p, own) => own && p.Has(ComplaintReaders) ? Access.Allowed : Access.Hidden), DraftReviewersGrpcAsync),
        ["advocacy-referral ANY ics.advocacy.v1.AdvocacyDirectoryService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Advocacy, "/ics.advocacy.v1.AdvocacyDirectoryService/NoSuchMethod", c.Token)),
        ["advocacy-referral ANY ics.advocacy.v1.ConsentService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Advocacy, "/ics.advocacy.v1.ConsentService/NoSuchMethod", c.Token)),
        ["advocacy-referral ANY {unimplementedService}/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Advocacy, "/no.such.v1.Service/Method", c.Token)),
        // learning: an organisation's codings, actions and self-assessment are its own; an ICB's commissioners and
        // quality leads see its providers' aggregates (the targets of QKK's personas for "another" are RJ1's).
        ["learning ANY /health/live"] = new(AnyoneMay, c => GetAsync(system.Learning, "/health/live", c.Token)),
        ["learning ANY /health/ready"] = new(AnyoneMay, c => GetAsync(system.Learning, "/health/ready", c.Token)),
        ["learning ANY /metrics"] = new(AnyoneMay, c => GetAsync(system.Learning, "/metrics", c.Token)),
        ["learning GET /api/docs/learning/openapi.json"] = new(AnyoneMay, c => GetAsync(system.Learning, "/api/docs/learning/openapi.json", c.Token)),
        ["learning GET /api/v1/you-said-we-did"] = new(AnyoneMay, c => GetAsync(system.Learning, "/api/v1/you-said-we-did?organisation=RJ1", c.Token)),
        ["learning GET /api/v1/learning/hcat/scheme"] = new(SignedIn((_, _) => Access.Allowed), c => GetAsync(system.Learning, "/api/v1/learning/hcat/scheme", c.Token)),
        ["learning GET /api/v1/learning/standards"] = new(SignedIn((_, _) => Access.Allowed), c => GetAsync(system.Learning, "/api/v1/learning/standards", c.Token)),
        ["learning GET /api/v1/learning/cases/{caseId:guid}/hcat"] = new(
            SignedIn((p, own) => OwnOrganisation(p, own) && p.Has(OrganisationReaders) ? Access.Allowed : Access.Hidden),
            c => GetAsync(system.Learning, $"/api/v1/learning/cases/{c.Target.CaseId}/hcat", c.Token)),
        ["learning PUT /api/v1/learning/cases/{caseId:guid}/hcat/{subject}"] = new(
            CodersOfOwnCases, c => LearningCallAsync(c, HttpMethod.Put, $"/api/v1/learning/cases/{c.Target.CaseId}/hcat/complaint", new { })),
        ["learning POST /ics.learning.v1.LearningService/RecordHcatCoding"] = new(
            CodersOfOwnCases, c => LearningGrpcAsync(client => client.RecordHcatCodingAsync(new() { CaseId = c.Target.CaseId.ToString(), Subject = "complaint" }, Headers(c)))),
        ["learning POST /api/v1/learning/calibration/samples"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningCallAsync(c, HttpMethod.Post, "/api/v1/learning/calibration/samples", new { })),
        ["learning POST /ics.learning.v1.LearningService/DrawCalibrationSample"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningGrpcAsync(client => client.DrawCalibrationSampleAsync(new(), Headers(c)))),
        ["learning GET /api/v1/learning/calibration/queue"] = new(
            StaffOfAnyOrganisation(LearningCoders), c => GetAsync(system.Learning, "/api/v1/learning/calibration/queue", c.Token)),
        ["learning GET /api/v1/learning/calibration"] = new(
            OwnOrProviderOfIcb(Roles.QualityLead, Roles.ResponsiblePerson), c => GetAsync(system.Learning, $"/api/v1/learning/calibration?organisation={c.Target.Org}", c.Token)),
        ["learning POST /ics.learning.v1.LearningService/GetCalibration"] = new(
            OwnOrProviderOfIcb(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningGrpcAsync(client => client.GetCalibrationAsync(new() { OrganisationCode = c.Target.Org }, Headers(c)))),
        ["learning GET /api/v1/learning/actions"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => GetAsync(system.Learning, $"/api/v1/learning/actions?organisation={c.Target.Org}", c.Token)),
        ["learning POST /api/v1/learning/actions"] = new(
            SignedIn((p, own) => OwnOrganisation(p, own) && p.Has(ActionOwners) ? Access.Allowed : Access.Forbidden),
            c => LearningCallAsync(c, HttpMethod.Post, "/api/v1/learning/actions", new { organisationCode = c.Target.Org })),
        ["learning POST /ics.learning.v1.LearningService/RaiseLearningAction"] = new(
            SignedIn((p, _) => p.Org is "RJ1" or "QKK" && p.Has(ActionOwners) ? Access.Allowed : Access.Forbidden),
            c => LearningGrpcAsync(client => client.RaiseLearningActionAsync(new(), Headers(c)))),
        // Actions and themes that do not exist are hidden from everyone; their owners' paths are proven in LearningTests.
        ["learning POST /api/v1/learning/actions/{id:guid}/completion"] = new(
            SignedIn((_, _) => Access.Hidden), c => LearningCallAsync(c, HttpMethod.Post, $"/api/v1/learning/actions/{Guid.NewGuid()}/completion", new { })),
        ["learning POST /ics.learning.v1.LearningService/CompleteLearningAction"] = new(
            SignedIn((_, _) => Access.Hidden), c => LearningGrpcAsync(client => client.CompleteLearningActionAsync(new() { ActionId = Guid.NewGuid().ToString() }, Headers(c)))),
        ["learning POST /api/v1/learning/actions/{id:guid}/ownership"] = new(
            SignedIn((_, _) => Access.Hidden), c => LearningCallAsync(c, HttpMethod.Post, $"/api/v1/learning/actions/{Guid.NewGuid()}/ownership", new { })),
        ["learning POST /api/v1/learning/actions/{id:guid}/cancellation"] = new(
            SignedIn((_, _) => Access.Hidden), c => LearningCallAsync(c, HttpMethod.Post, $"/api/v1/learning/actions/{Guid.NewGuid()}/cancellation", new { })),
        ["learning POST /ics.learning.v1.LearningService/CancelLearningAction"] = new(
            SignedIn((_, _) => Access.Hidden), c => LearningGrpcAsync(client => client.CancelLearningActionAsync(new() { ActionId = Guid.NewGuid().ToString() }, Headers(c)))),
        ["learning POST /api/v1/learning/themes/detection"] = new(
            IcbOversight, c => LearningCallAsync(c, HttpMethod.Post, "/api/v1/learning/themes/detection", new { month = "not a month" })),
        ["learning POST /ics.learning.v1.LearningService/DetectThemes"] = new(
            IcbOversight, c => LearningGrpcAsync(client => client.DetectThemesAsync(new() { Month = "not a month" }, Headers(c)))),
        ["learning GET /api/v1/learning/themes"] = new(
            SignedIn((p, _) => p.Org is "RJ1" or "QKK" && p.Has(OrganisationReaders) ? Access.Allowed : Access.Forbidden),
            c => GetAsync(system.Learning, "/api/v1/learning/themes", c.Token)),
        ["learning POST /ics.learning.v1.LearningService/ListThemes"] = new(
            SignedIn((p, _) => p.Org is "RJ1" or "QKK" && p.Has(OrganisationReaders) ? Access.Allowed : Access.Forbidden),
            c => LearningGrpcAsync(client => client.ListThemesAsync(new(), Headers(c)))),
        ["learning GET /api/v1/learning/themes/{id:guid}"] = new(
            SignedIn((_, _) => Access.Hidden), c => GetAsync(system.Learning, $"/api/v1/learning/themes/{Guid.NewGuid()}", c.Token)),
        ["learning GET /api/v1/learning/themes/{id:guid}/series.svg"] = new(
            SignedIn((_, _) => Access.Hidden), c => GetAsync(system.Learning, $"/api/v1/learning/themes/{Guid.NewGuid()}/series.svg", c.Token)),
        ["learning POST /api/v1/learning/themes/{id:guid}/sharing"] = new(
            SignedIn((_, _) => Access.Hidden), c => LearningCallAsync(c, HttpMethod.Post, $"/api/v1/learning/themes/{Guid.NewGuid()}/sharing", new { })),
        ["learning POST /ics.learning.v1.LearningService/ShareTheme"] = new(
            SignedIn((_, _) => Access.Hidden), c => LearningGrpcAsync(client => client.ShareThemeAsync(new() { ThemeId = Guid.NewGuid().ToString() }, Headers(c)))),
        ["learning GET /api/v1/learning/self-assessments/{year:int}"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => GetAsync(system.Learning, $"/api/v1/learning/self-assessments/2020?organisation={c.Target.Org}", c.Token)),
        ["learning PUT /api/v1/learning/self-assessments/{year:int}"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningCallAsync(c, HttpMethod.Put, "/api/v1/learning/self-assessments/2020", new { })),
        ["learning POST /api/v1/learning/self-assessments/{year:int}/submission"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningCallAsync(c, HttpMethod.Post, "/api/v1/learning/self-assessments/2020/submission", null)),
        ["learning GET /api/v1/learning/self-assessments/{year:int}/comparison"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => GetAsync(system.Learning, $"/api/v1/learning/self-assessments/2020/comparison?organisation={c.Target.Org}", c.Token)),
        ["learning POST /ics.learning.v1.LearningService/GetSelfAssessment"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => LearningGrpcAsync(client => client.GetSelfAssessmentAsync(new() { Year = 2020, OrganisationCode = c.Target.Org }, Headers(c)))),
        ["learning POST /ics.learning.v1.LearningService/CompareSelfAssessment"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => LearningGrpcAsync(client => client.CompareSelfAssessmentAsync(new() { Year = 2020, OrganisationCode = c.Target.Org }, Headers(c)))),
        ["learning POST /ics.learning.v1.LearningService/RateSelfAssessment"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningGrpcAsync(client => client.RateSelfAssessmentAsync(new() { Year = 2020 }, Headers(c)))),
        ["learning POST /ics.learning.v1.LearningService/SubmitSelfAssessment"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningGrpcAsync(client => client.SubmitSelfAssessmentAsync(new() { Year = 2020 }, Headers(c)))),
        ["learning GET /api/v1/learning/self-assessments/{year:int}/providers"] = new(
            IcbOversight, c => GetAsync(system.Learning, "/api/v1/learning/self-assessments/2020/providers", c.Token)),
        // The training register names staff: its own quality lead and responsible person only; coverage is counts.
        ["learning GET /api/v1/learning/training/courses"] = new(SignedIn((_, _) => Access.Allowed), c => GetAsync(system.Learning, "/api/v1/learning/training/courses", c.Token)),
        ["learning GET /api/v1/learning/training/staff"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => GetAsync(system.Learning, "/api/v1/learning/training/staff", c.Token)),
        ["learning POST /api/v1/learning/training/staff"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningCallAsync(c, HttpMethod.Post, "/api/v1/learning/training/staff", new { })),
        ["learning POST /api/v1/learning/training/staff/{id:guid}/completions"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningCallAsync(c, HttpMethod.Post, $"/api/v1/learning/training/staff/{Guid.NewGuid()}/completions", new { })),
        ["learning POST /api/v1/learning/training/staff/{id:guid}/departure"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningCallAsync(c, HttpMethod.Post, $"/api/v1/learning/training/staff/{Guid.NewGuid()}/departure", new { leftOn = "not a day" })),
        ["learning GET /api/v1/learning/training/coverage"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => GetAsync(system.Learning, $"/api/v1/learning/training/coverage?organisation={c.Target.Org}", c.Token)),
        ["learning GET /api/v1/learning/training/coverage/providers"] = new(
            IcbOversight, c => GetAsync(system.Learning, "/api/v1/learning/training/coverage/providers", c.Token)),
        // Sampled letters, their ratings and comments: the organisation's own quality lead and responsible person; results are counts.
        ["learning GET /api/v1/learning/response-reviews/criteria"] = new(SignedIn((_, _) => Access.Allowed), c => GetAsync(system.Learning, "/api/v1/learning/response-reviews/criteria", c.Token)),
        ["learning POST /api/v1/learning/response-reviews/samples"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningCallAsync(c, HttpMethod.Post, "/api/v1/learning/response-reviews/samples", new { })),
        ["learning GET /api/v1/learning/response-reviews"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => GetAsync(system.Learning, "/api/v1/learning/response-reviews", c.Token)),
        ["learning GET /api/v1/learning/response-reviews/{id:guid}"] = new(
            // Another organisation's review is as unknown as one never drawn (ResponseReviewTests): here, one never drawn.
            SignedIn((p, _) => p.Has(Roles.QualityLead, Roles.ResponsiblePerson) ? Access.Hidden : Access.Forbidden),
            c => GetAsync(system.Learning, $"/api/v1/learning/response-reviews/{Guid.NewGuid()}", c.Token)),
        ["learning PUT /api/v1/learning/response-reviews/{id:guid}/rating"] = new(
            StaffOfAnyOrganisation(Roles.QualityLead, Roles.ResponsiblePerson), c => LearningCallAsync(c, HttpMethod.Put, $"/api/v1/learning/response-reviews/{Guid.NewGuid()}/rating", new { })),
        ["learning GET /api/v1/learning/response-reviews/quality"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => GetAsync(system.Learning, $"/api/v1/learning/response-reviews/quality?organisation={c.Target.Org}", c.Token)),
        ["learning GET /api/v1/learning/response-reviews/quality/providers"] = new(
            IcbOversight, c => GetAsync(system.Learning, "/api/v1/learning/response-reviews/quality/providers", c.Token)),
        ["learning GET /api/v1/audit/learning"] = new(
            SignedIn((p, _) => p.Has(Roles.PlatformAdmin, Roles.QualityLead) ? Access.Allowed : Access.Forbidden),
            c => GetAsync(system.Learning, "/api/v1/audit/learning", c.Token)),
        ["learning GET /admin/outbox/"] = new(AdminsOnly, c => GetAsync(system.Learning, "/admin/outbox", c.Token)),
        ["learning POST /admin/outbox/{messageId:guid}/requeue"] = new(AdminsOnly, c => RequeueAsync(system.Learning, c.Token)),
        ["learning ANY ics.learning.v1.LearningService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Learning, "/ics.learning.v1.LearningService/NoSuchMethod", c.Token)),
        ["learning ANY {unimplementedService}/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Learning, "/no.such.v1.Service/Method", c.Token)),
        // reporting: figures of one's own organisation, or of an ICB's providers (with small numbers withheld).
        ["reporting ANY /health/live"] = new(AnyoneMay, c => GetAsync(system.Reporting, "/health/live", c.Token)),
        ["reporting ANY /health/ready"] = new(AnyoneMay, c => GetAsync(system.Reporting, "/health/ready", c.Token)),
        ["reporting ANY /metrics"] = new(AnyoneMay, c => GetAsync(system.Reporting, "/metrics", c.Token)),
        ["reporting GET /api/docs/reporting/openapi.json"] = new(AnyoneMay, c => GetAsync(system.Reporting, "/api/docs/reporting/openapi.json", c.Token)),
        ["reporting GET /api/v1/reporting/definitions"] = new(SignedIn((_, _) => Access.Allowed), c => GetAsync(system.Reporting, "/api/v1/reporting/definitions", c.Token)),
        ["reporting GET /api/v1/reporting/measures"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingCallAsync(c, $"/api/v1/reporting/measures?organisation={c.Target.Org}&period=2026")),
        ["reporting GET /api/v1/reporting/trend"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingCallAsync(c, $"/api/v1/reporting/trend?organisation={c.Target.Org}&months=3")),
        ["reporting GET /api/v1/reporting/trend.svg"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingCallAsync(c, $"/api/v1/reporting/trend.svg?organisation={c.Target.Org}&months=3")),
        ["reporting GET /api/v1/reporting/ko41"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingCallAsync(c, $"/api/v1/reporting/ko41?organisation={c.Target.Org}&year=2026")),
        ["reporting GET /api/v1/reporting/ko41.csv"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingCallAsync(c, $"/api/v1/reporting/ko41.csv?organisation={c.Target.Org}&year=2026")),
        ["reporting GET /api/v1/reporting/annual-report"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingCallAsync(c, $"/api/v1/reporting/annual-report?organisation={c.Target.Org}&year=2026")),
        ["reporting GET /api/v1/reporting/annual-report.pdf"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingCallAsync(c, $"/api/v1/reporting/annual-report.pdf?organisation={c.Target.Org}&year=2026")),
        // The whole ICS (scope=ics) is its ICB's overseers' only: BoardReportTests.
        ["reporting GET /api/v1/reporting/board-report"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingCallAsync(c, $"/api/v1/reporting/board-report?organisation={c.Target.Org}&period=2026-Q3")),
        ["reporting GET /api/v1/reporting/board-report.pdf"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingCallAsync(c, $"/api/v1/reporting/board-report.pdf?organisation={c.Target.Org}&period=2026-Q3")),
        ["reporting GET /api/v1/reporting/peers"] = new(
            StaffOfAnyOrganisation(OrganisationReaders), c => ReportingCallAsync(c, "/api/v1/reporting/peers?period=2026")),
        ["reporting GET /api/v1/reporting/oversight"] = new(IcbOversight, c => ReportingCallAsync(c, "/api/v1/reporting/oversight?period=2026")),
        ["reporting GET /api/v1/reporting/oversight/funnel"] = new(IcbOversight, c => ReportingCallAsync(c, "/api/v1/reporting/oversight/funnel?period=2026")),
        ["reporting GET /api/v1/reporting/oversight/funnel.svg"] = new(IcbOversight, c => ReportingCallAsync(c, "/api/v1/reporting/oversight/funnel.svg?period=2026")),
        ["reporting GET /api/v1/reporting/oversight/overdue"] = new(IcbOversight, c => ReportingCallAsync(c, "/api/v1/reporting/oversight/overdue")),
        ["reporting GET /api/v1/reporting/oversight/transfers"] = new(IcbOversight, c => ReportingCallAsync(c, "/api/v1/reporting/oversight/transfers?from=2026-01&to=2026-12")),
        // An ICB's overseers see the overdue complaints of a provider it commissions; the ICB itself is no provider of its own.
        ["reporting GET /api/v1/reporting/oversight/overdue/{organisation}"] = new(
            SignedIn((p, own) => !IsIcbOverseer(p) ? Access.Forbidden : own ? Access.Hidden : Access.Allowed),
            c => ReportingCallAsync(c, $"/api/v1/reporting/oversight/overdue/{c.Target.Org}")),
        ["reporting POST /ics.reporting.v1.ReportingService/GetMeasures"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingGrpcAsync(client => client.GetMeasuresAsync(new() { OrganisationCode = c.Target.Org, Period = "2026" }, Headers(c)))),
        ["reporting POST /ics.reporting.v1.ReportingService/GetOversight"] = new(
            IcbOversight, c => ReportingGrpcAsync(client => client.GetOversightAsync(new() { Period = "2026" }, Headers(c)))),
        ["reporting POST /ics.reporting.v1.ReportingService/GetOverdue"] = new(
            IcbOversight, c => ReportingGrpcAsync(client => client.GetOverdueAsync(new(), Headers(c)))),
        ["reporting POST /ics.reporting.v1.ReportingService/GetOverdueCases"] = new(
            SignedIn((p, own) => !IsIcbOverseer(p) ? Access.Forbidden : own ? Access.Hidden : Access.Allowed),
            c => ReportingGrpcAsync(client => client.GetOverdueCasesAsync(new() { OrganisationCode = c.Target.Org }, Headers(c)))),
        ["reporting POST /ics.reporting.v1.ReportingService/GetTransfers"] = new(
            IcbOversight, c => ReportingGrpcAsync(client => client.GetTransfersAsync(new() { From = "2026-01", To = "2026-12" }, Headers(c)))),
        ["reporting POST /ics.reporting.v1.ReportingService/GetAnnualReport"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingGrpcAsync(client => client.GetAnnualReportAsync(new() { OrganisationCode = c.Target.Org, Year = 2026 }, Headers(c)))),
        ["reporting POST /ics.reporting.v1.ReportingService/GetAnnualReportPdf"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingGrpcAsync(client => client.GetAnnualReportPdfAsync(new() { OrganisationCode = c.Target.Org, Year = 2026 }, Headers(c)))),
        ["reporting POST /ics.reporting.v1.ReportingService/GetKo41Return"] = new(
            OwnOrProviderOfIcb(OrganisationReaders), c => ReportingGrpcAsync(client => client.GetKo41ReturnAsync(new() { OrganisationCode = c.Target.Org, Year = 2026 }, Headers(c)))),
        ["reporting ANY ics.reporting.v1.ReportingService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Reporting, "/ics.reporting.v1.ReportingService/NoSuchMethod", c.Token)),
        ["reporting ANY {unimplementedService}/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Reporting, "/no.such.v1.Service/Method", c.Token)),
        ["reporting GET /api/v1/audit/reporting"] = new(
            SignedIn((p, _) => p.Has(Roles.PlatformAdmin, Roles.QualityLead) ? Access.Allowed : Access.Forbidden),
            c => GetAsync(system.Reporting, "/api/v1/audit/reporting", c.Token)),
        ["reporting GET /admin/outbox/"] = new(AdminsOnly, c => GetAsync(system.Reporting, "/admin/outbox", c.Token)),
        ["reporting POST /admin/outbox/{messageId:guid}/requeue"] = new(AdminsOnly, c => RequeueAsync(system.Reporting, c.Token)),
        ["case GET /api/v1/audit/case"] = new(AuditReaders, c => AuditAsync(system.Case, "case", c.Target.CaseId, c.Token)),
        ["case GET /admin/outbox/"] = new(AdminsOnly, c => GetAsync(system.Case, "/admin/outbox", c.Token)),
        ["case POST /admin/outbox/{messageId:guid}/requeue"] = new(AdminsOnly, c => RequeueAsync(system.Case, c.Token)),
        // What the correspondence service reads to write to a complainant: its own identity only (ADR 36), which no person holds.
        ["case POST /ics.case.v1.CaseCorrespondenceService/GetSentFinalResponse"] = new(SignedIn((_, _) => Access.Forbidden), c => LetterReadGrpcAsync(c, LetterRead.FinalResponse)),
        ["case POST /ics.case.v1.CaseCorrespondenceService/IssueSurveyLink"] = new(SignedIn((_, _) => Access.Forbidden), c => LetterReadGrpcAsync(c, LetterRead.SurveyLink)),
        ["case POST /ics.case.v1.CaseCorrespondenceService/GetStaffMember"] = new(SignedIn((_, _) => Access.Forbidden), c => LetterReadGrpcAsync(c, LetterRead.StaffMember)),
        ["case POST /ics.case.v1.CaseCorrespondenceService/GetEarlyResolution"] = new(SignedIn((_, _) => Access.Forbidden), c => LetterReadGrpcAsync(c, LetterRead.EarlyResolution)),
        ["case ANY ics.case.v1.CaseCorrespondenceService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Case, "/ics.case.v1.CaseCorrespondenceService/NoSuchMethod", c.Token)),
        // What the learning service reads to propose the changes a final response committed to: its own identity only (ADR 44).
        ["case POST /ics.case.v1.CaseLearningService/GetCommittedChanges"] = new(SignedIn((_, _) => Access.Forbidden), CommittedChangesGrpcAsync),
        ["case ANY ics.case.v1.CaseLearningService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Case, "/ics.case.v1.CaseLearningService/NoSuchMethod", c.Token)),
        ["case ANY ics.case.v1.CaseService/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Case, "/ics.case.v1.CaseService/NoSuchMethod", c.Token)),
        ["case ANY {unimplementedService}/{unimplementedMethod:grpcunimplemented}"] = new(
            SignedIn((_, _) => Access.Hidden), c => UnknownGrpcAsync(system.Case, "/no.such.v1.Service/Method", c.Token)),

        // identity: the sign-in and token endpoints are public by nature; what they hand out is tested in IdentityTests.
        ["identity ANY /health/live"] = new(AnyoneMay, c => GetAsync(system.Identity, "/health/live", c.Token)),
        ["identity ANY /health/ready"] = new(AnyoneMay, c => GetAsync(system.Identity, "/health/ready", c.Token)),
        ["identity ANY /metrics"] = new(AnyoneMay, c => GetAsync(system.Identity, "/metrics", c.Token)),
        ["identity GET /api/docs/identity/openapi.json"] = new(AnyoneMay, c => GetAsync(system.Identity, "/api/docs/identity/openapi.json", c.Token)),
        ["identity GET /account/login"] = new(AnyoneMay, c => ReachedAsync(system.Identity, HttpMethod.Get, "/account/login", c.Token)),
        ["identity POST /account/login"] = new(AnyoneMay, c => ReachedAsync(system.Identity, HttpMethod.Post, "/account/login", c.Token)),
        ["identity POST /account/external"] = new(AnyoneMay, c => ReachedAsync(system.Identity, HttpMethod.Post, "/account/external", c.Token)),
        ["identity GET /account/external/complete"] = new(AnyoneMay, c => ReachedAsync(system.Identity, HttpMethod.Get, "/account/external/complete", c.Token)),
        ["identity POST /account/logout"] = new(AnyoneMay, c => ReachedAsync(system.Identity, HttpMethod.Post, "/account/logout", c.Token)),
        ["identity GET,POST /connect/authorize"] = new(AnyoneMay, c => ReachedAsync(system.Identity, HttpMethod.Get, "/connect/authorize", c.Token)),
        ["identity GET,POST /connect/logout"] = new(AnyoneMay, c => ReachedAsync(system.Identity, HttpMethod.Get, "/connect/logout", c.Token)),
        ["identity POST /connect/token"] = new(AnyoneMay, c => ReachedAsync(system.Identity, HttpMethod.Post, "/connect/token", c.Token)),

        // identity administration: platform administrators only. Requests are empty or name nobody, so an
        // administrator gets 400 or 404 — past authorisation, which is what is checked — and nothing changes.
        ["identity GET /api/v1/identity/organisations"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Get, "/api/v1/identity/organisations", c.Token)),
        ["identity POST /api/v1/identity/organisations"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Post, "/api/v1/identity/organisations", c.Token)),
        ["identity GET /api/v1/identity/users"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Get, "/api/v1/identity/users", c.Token)),
        ["identity POST /api/v1/identity/users"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Post, "/api/v1/identity/users", c.Token)),
        ["identity PUT /api/v1/identity/users/{userId:guid}/memberships/{odsCode}"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Put, $"/api/v1/identity/users/{Guid.NewGuid()}/memberships/RJ1", c.Token)),
        ["identity DELETE /api/v1/identity/users/{userId:guid}/memberships/{odsCode}"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Delete, $"/api/v1/identity/users/{Guid.NewGuid()}/memberships/RJ1", c.Token)),
        ["identity POST /api/v1/identity/users/{userId:guid}/disable"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Post, $"/api/v1/identity/users/{Guid.NewGuid()}/disable", c.Token)),
        ["identity POST /api/v1/identity/users/{userId:guid}/enable"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Post, $"/api/v1/identity/users/{Guid.NewGuid()}/enable", c.Token)),
        ["identity POST /api/v1/identity/users/{userId:guid}/unlock"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Post, $"/api/v1/identity/users/{Guid.NewGuid()}/unlock", c.Token)),
        ["identity PUT /api/v1/identity/users/{userId:guid}/external-logins/{provider}"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Put, $"/api/v1/identity/users/{Guid.NewGuid()}/external-logins/cis2", c.Token)),
        ["identity DELETE /api/v1/identity/users/{userId:guid}/external-logins/{provider}"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Delete, $"/api/v1/identity/users/{Guid.NewGuid()}/external-logins/cis2", c.Token)),
        ["identity POST /api/v1/identity/clients"] = new(AdminsOnly, c => AdministerAsync(HttpMethod.Post, "/api/v1/identity/clients", c.Token)),
        // The staff directory: any member of an organisation's staff, for their own organisation only.
        ["identity GET /api/v1/identity/staff"] = new(StaffOfAnyOrganisation(ComplaintReaders), StaffDirectoryAsync),
        ["identity GET /api/v1/audit/identity"] = new(
            SignedIn((p, _) => p.Has(Roles.PlatformAdmin, Roles.QualityLead) ? Access.Allowed : Access.Forbidden),
            c => GetAsync(system.Identity, "/api/v1/audit/identity", c.Token)),
    };

    private static readonly Func<Persona, bool, Access> SearchersOfOwnOrganisation =
        SignedIn((p, own) => p.Has(ComplaintReaders) ? (own ? Access.Allowed : Access.Hidden) : Access.Forbidden);

    // Lists and records scoped to the caller's own organisation: the roles given may, other signed-in callers may not.
    private static Func<Persona, bool, Access> StaffOfAnyOrganisation(params string[] roles) =>
        SignedIn((p, _) => p.Has(roles) ? Access.Allowed : Access.Forbidden);

    private static readonly string[] Importers = [Roles.ComplaintsHandler, Roles.QualityLead];

    // An import is its organisation's: other roles are refused outright, other organisations' importers do not see it.
    private static Access ImportTeam(Persona p, bool own) =>
        SignedIn((p, own) => !p.Has(Importers) ? Access.Forbidden : own ? Access.Allowed : Access.Hidden)(p, own);

    private static readonly Lock ProbeRecordsGate = new();
    private static readonly Dictionary<(string Kind, string Org), Task<Guid>> ProbeRecords = [];

    // A record of an organisation's (an import, a concern) made once, by its complaints handler, the first time a
    // probe needs it.
    private static Task<Guid> OnceFor(string kind, string org, Func<string, Task<Guid>> make)
    {
        lock (ProbeRecordsGate)
        {
            if (!ProbeRecords.TryGetValue((kind, org), out var record))
            {
                ProbeRecords[(kind, org)] = record = make(org);
            }
            return record;
        }
    }

    private Task<Guid> ConcernOfAsync(string org) => OnceFor("concern", org, RecordConcernAsync);

    private async Task<Guid> RecordConcernAsync(string org)
    {
        using var http = HttpClients.WithToken(system.Intake.CreateHttpClient(), await system.TokenAsync($"handler.{org.ToLowerInvariant()}"));
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/concerns", UriKind.Relative), new
        {
            kind = "EverydayConversation",
            channel = "Phone",
            followUpOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            summary = "Access matrix probe.",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<Guid> ImportOfAsync(string org) => OnceFor("import", org, UploadImportAsync);

    private async Task<Guid> UploadImportAsync(string org)
    {
        using var http = HttpClients.WithToken(system.Intake.CreateHttpClient(), await system.TokenAsync($"handler.{org.ToLowerInvariant()}"));
        using var csv = new StringContent(
            $"external_id,organisation_code,received_on,complainant_name,description\nM-{Guid.NewGuid():N},{org},2025-01-14,Alex Demo,Access matrix probe.\n",
            System.Text.Encoding.UTF8, "text/csv");
        using var response = await http.PostAsync(new Uri("/api/v1/complaints/imports", UriKind.Relative), csv);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    // Decisions on a complaint are taken by the complaints team of the organisation handling it; its other staff
    // (and the complainant) may read it but not decide; anyone else does not see it at all.
    private static Func<Persona, bool, Access> Deciders(bool complainantMay = false) =>
        SignedIn((p, own) => !own ? Access.Hidden
            : p.Has(Roles.ComplaintsHandler, Roles.IcbCommissioner) || (complainantMay && p.Has(Roles.Complainant)) ? Access.Allowed
            : p.Has(ComplaintReaders) || p.Has(Roles.Complainant) ? Access.Forbidden
            : Access.Hidden);

    private static readonly string[] Managers = [Roles.ComplaintsHandler, Roles.IcbCommissioner];

    private static readonly string[] Workers = [Roles.ComplaintsHandler, Roles.IcbCommissioner, Roles.Investigator];

    private static readonly string[] Signers = [Roles.ResponsiblePerson];

    // Steps of the procedure: the roles given, for their own organisation's case; its other staff and the
    // complainant see the case but may not take the step; anyone else does not see it.
    private static Func<Persona, bool, Access> CaseTeam(string[] roles) =>
        SignedIn((p, own) => !own ? Access.Hidden
            : p.Has(roles) ? Access.Allowed
            : p.Has(CaseReaders) || p.Has(Roles.Complainant) ? Access.Forbidden
            : Access.Hidden);

    // Reg 14: only the responsible person (or the case's named delegate, none here) signs.
    private static Func<Persona, bool, Access> CaseSignature() => CaseTeam(Signers);

    // The detail holds personal data: staff of the organisation, not its integrating systems or the complainant.
    private static Func<Persona, bool, Access> CaseStaff(bool detail) =>
        SignedIn((p, own) => !own ? Access.Hidden
            : p.Has(ComplaintReaders) ? Access.Allowed
            : detail && (p.Has(CaseReaders) || p.Has(Roles.Complainant)) ? Access.Forbidden
            : Access.Hidden);

    // Lists scoped to the caller: the complaints team, the complainant and advocates see theirs; other roles may not ask.
    private static Access AdvocacyParticipants(Persona p, bool own) =>
        SignedIn((p, _) => p.Has(Roles.Advocate, Roles.Complainant, Roles.ComplaintsHandler, Roles.IcbCommissioner, Roles.Investigator, Roles.ResponsiblePerson, Roles.QualityLead)
            ? Access.Allowed : Access.Forbidden)(p, own);

    private static Access AuditReaders(Persona p, bool own) =>
        SignedIn((p, own) => p.Has(Roles.PlatformAdmin) ? Access.Allowed : p.Has(Roles.QualityLead) ? (own ? Access.Allowed : Access.Hidden) : Access.Forbidden)(p, own);

    private static readonly string[] OrganisationReaders =
        [Roles.ComplaintsHandler, Roles.Investigator, Roles.QualityLead, Roles.ResponsiblePerson, Roles.IcbCommissioner];

    private static readonly string[] LearningCoders = [Roles.ComplaintsHandler, Roles.Investigator, Roles.QualityLead];

    private static readonly string[] ActionOwners = [Roles.ComplaintsHandler, Roles.QualityLead, Roles.ResponsiblePerson, Roles.IcbCommissioner];

    // "Own" targets are the persona's own organisation for staff of RJ1 and QKK; an advocate's or a complainant's are not.
    private static bool OwnOrganisation(Persona p, bool own) => own && p.Org is "RJ1" or "QKK";

    private static bool IsIcbOverseer(Persona p) => p.Org == "QKK" && p.Has(Roles.IcbCommissioner, Roles.QualityLead);

    private static Access CodersOfOwnCases(Persona p, bool own) =>
        SignedIn((p, own) => !OwnOrganisation(p, own) ? Access.Hidden : p.Has(LearningCoders) ? Access.Allowed : p.Has(OrganisationReaders) ? Access.Forbidden : Access.Hidden)(p, own);

    private static Access IcbOversight(Persona p, bool own) => SignedIn((p, _) => IsIcbOverseer(p) ? Access.Allowed : Access.Forbidden)(p, own);

    // An organisation's learning or figures, asked for by ODS code: its own staff with the roles; the ICB's overseers for a provider.
    private static Func<Persona, bool, Access> OwnOrProviderOfIcb(params string[] ownRoles) =>
        SignedIn((p, own) => OwnOrganisation(p, own) ? (p.Has(ownRoles) ? Access.Allowed : Access.Forbidden)
            : !own && IsIcbOverseer(p) ? Access.Allowed
            : Access.Hidden);

    private static Access AdminsOnly(Persona p, bool own) =>
        SignedIn((p, _) => p.Has(Roles.PlatformAdmin) ? Access.Allowed : Access.Forbidden)(p, own);

    [Fact]
    public void EveryEndpoint_HasAnExplicitAccessDecision()
    {
        var rules = Rules();
        var endpoints = EndpointListing.Keys("intake", system.Intake.Services)
            .Concat(EndpointListing.Keys("case", system.Case.Services))
            .Concat(EndpointListing.Keys("identity", system.Identity.Services))
            .Concat(EndpointListing.Keys("advocacy-referral", system.Advocacy.Services))
            .Concat(EndpointListing.Keys("learning", system.Learning.Services))
            .Concat(EndpointListing.Keys("reporting", system.Reporting.Services))
            .ToList();

        var undecided = endpoints.Except(rules.Keys).ToList();
        var gone = rules.Keys.Except(endpoints).ToList();
        Assert.True(undecided.Count == 0, "Endpoints without an access decision:\n" + string.Join("\n", undecided));
        Assert.True(gone.Count == 0, "Decisions for endpoints that no longer exist:\n" + string.Join("\n", gone));
    }

    // The targets are created once for the whole matrix: every case reads the same five complaints and cases.
    private static readonly Lock TargetsGate = new();
    private static Task<Targets>? targetsCreation;

    /// <summary>One case per endpoint and persona, so that a failure names both.</summary>
    public static TheoryData<string, string> EndpointsAndPersonas()
    {
        // The probes touch the running system only when they run, so the table's keys can be listed before it exists.
        var endpoints = new AccessMatrixTests(null!).Rules().Keys;
        var data = new TheoryData<string, string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var persona in Personas)
            {
                data.Add(endpoint, persona.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EndpointsAndPersonas))]
    public async Task Endpoint_AnswersPersona_ForTheirOwnOrganisationAndAnother_AsDecided(string endpoint, string persona)
    {
        var who = Personas.Single(p => p.Name == persona);
        var rule = Rules()[endpoint];
        Task<Targets> creation;
        lock (TargetsGate)
        {
            creation = targetsCreation ??= CreateTargetsAsync();
        }
        var targets = await creation;
        var token = who.User is not null ? await system.TokenAsync(who.User)
            : who.Client is not null ? await system.ClientTokenAsync(who.Client)
            : null;

        var mismatches = new List<string>();
        foreach (var own in new[] { true, false })
        {
            var target = TargetFor(who, own, targets, endpoint);
            var expected = rule.Expected(who, own).ToString();
            string actual;
            try
            {
                actual = (await rule.Probe(new Context(who, token, target, targets))).ToString();
            }
            catch (InvalidOperationException ex)
            {
                actual = ex.Message;
            }
            if (actual != expected)
            {
                mismatches.Add($"{(own ? "own organisation" : "another organisation")}: expected {expected}, got {actual}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static Target TargetFor(Persona persona, bool own, Targets t, string endpoint) =>
        endpoint.Contains("/complaints/status", StringComparison.Ordinal) || endpoint.Contains("/self-referrals", StringComparison.Ordinal)
            || endpoint.Contains("/VerifyStatusSecret", StringComparison.Ordinal) || endpoint.Contains("/complaint-documents", StringComparison.Ordinal)
            ? (own ? t.Mine : t.Theirs)
        : persona.Has(Roles.Complainant) ? (own ? t.Mine : t.Theirs)
        : persona.Org == "QKK" ? (own ? t.Qkk : t.Rj1)
        : own ? t.Rj1 : t.Rjz;

    private async Task<Targets> CreateTargetsAsync()
    {
        var targets = new Targets(
            await CreateAsync("handler.rj1", "RJ1", staff: true),
            await CreateAsync("handler.rjz", "RJZ", staff: true),
            await CreateAsync("handler.qkk", "QKK", staff: true),
            await CreateAsync("complainant", "RJ1", staff: false),
            await CreateAsync("complainant2", "RJ1", staff: false));
        // Each organisation reads its own cases once, so their case audit trails have entries to find.
        foreach (var (target, reader) in new[] { (targets.Rj1, "handler.rj1"), (targets.Rjz, "handler.rjz"), (targets.Qkk, "handler.qkk"), (targets.Mine, "handler.rj1"), (targets.Theirs, "handler.rj1") })
        {
            Assert.Equal(Access.Allowed, await GetAsync(system.Case, $"/api/v1/cases/{target.CaseId}", await system.TokenAsync(reader)));
        }
        // The advocacy-referral service learns of each case from the case service's event.
        var ids = new[] { targets.Rj1, targets.Rjz, targets.Qkk, targets.Mine, targets.Theirs }.Select(t => t.CaseId).ToList();
        await Eventually.TrueAsync(async () => await system.InAdvocacyDb(db => db.Cases.CountAsync(c => ids.Contains(c.CaseId))) == ids.Count,
            TimeSpan.FromSeconds(30), "the advocacy-referral service knows every target case");
        await Eventually.TrueAsync(async () => await system.InLearningDb(db => db.Cases.CountAsync(c => ids.Contains(c.CaseId))) == ids.Count,
            TimeSpan.FromSeconds(30), "the learning service knows every target case");
        return targets;
    }

    private async Task<Target> CreateAsync(string user, string org, bool staff)
    {
        using var http = HttpClients.WithToken(system.Intake.CreateHttpClient(), await system.TokenAsync(user));
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints", UriKind.Relative), Body(org, staff));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var complaintId = body.GetProperty("id").GetGuid();
        Guid caseId = default;
        await Eventually.TrueAsync(async () =>
        {
            caseId = await system.InCaseDb(db => db.Cases.Where(c => c.ComplaintId == complaintId).Select(c => c.Id).FirstOrDefaultAsync());
            return caseId != default;
        }, TimeSpan.FromSeconds(30), $"a case opens for the complaint by {user}");
        return new Target(org, complaintId, body.GetProperty("reference").GetString()!, caseId,
            body.TryGetProperty("statusSecret", out var secret) ? secret.GetString() : null);
    }

    private static object Body(string org, bool staff) => staff
        ? new { organisationCode = org, channel = "Phone", complainant = new { name = "Matrix Person" }, description = "Access matrix complaint." }
        : new { organisationCode = org, complainant = new { name = "Matrix Person" }, description = "Access matrix complaint." };

    private static Access FromStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent => Access.Allowed,
        HttpStatusCode.NotFound => Access.Hidden,
        HttpStatusCode.Forbidden => Access.Forbidden,
        HttpStatusCode.Unauthorized => Access.Unauthenticated,
        _ => throw new InvalidOperationException($"Unexpected status {status}"),
    };

    private static Access FromGrpc(StatusCode status) => status switch
    {
        StatusCode.OK => Access.Allowed,
        StatusCode.NotFound or StatusCode.Unimplemented => Access.Hidden,
        StatusCode.PermissionDenied => Access.Forbidden,
        StatusCode.Unauthenticated => Access.Unauthenticated,
        _ => throw new InvalidOperationException($"unexpected gRPC status {status}"),
    };

    private static Task<Access> GetAsync<T>(ServiceHost<T> host, string path, string? token, string? secret = null)
        where T : class => GetAsync(host.HttpAddress, path, token, secret);

    private static async Task<Access> GetAsync(Uri address, string path, string? token, string? secret)
    {
        using var http = HttpClients.WithToken(new HttpClient { BaseAddress = address }, token);
        if (secret is not null)
        {
            http.DefaultRequestHeaders.Add("X-Complaint-Secret", secret);
        }
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return FromStatus(response.StatusCode);
    }

    // For endpoints that answer 400 to an empty request: reaching the endpoint at all is what is checked.
    private static async Task<Access> ReachedAsync<T>(ServiceHost<T> host, HttpMethod method, string path, string? token)
        where T : class
    {
        using var http = HttpClients.WithToken(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.HttpAddress }, token);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent([]);
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Access.Unauthenticated,
            HttpStatusCode.Forbidden => Access.Forbidden,
            _ => Access.Allowed,
        };
    }

    private async Task<Access> AdministerAsync(HttpMethod method, string path, string? token)
    {
        using var http = HttpClients.WithToken(system.Identity.CreateHttpClient(), token);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (method == HttpMethod.Post || method == HttpMethod.Put)
        {
            request.Content = JsonContent.Create(new { });
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Access.Unauthenticated,
            HttpStatusCode.Forbidden => Access.Forbidden,
            HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound => Access.Allowed,
            var other => throw new InvalidOperationException($"unexpected {other} from {path}"),
        };
    }

    private async Task<Access> SubmitRestAsync(Context c, string path)
    {
        using var http = HttpClients.WithToken(system.Intake.CreateHttpClient(), c.Token);
        var staff = !c.Persona.IsAnonymous && !c.Persona.Has(Roles.Complainant);
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), Body(c.Target.Org, staff));
        return response.StatusCode == HttpStatusCode.BadRequest
            ? throw new InvalidOperationException(await response.Content.ReadAsStringAsync())
            : FromStatus(response.StatusCode);
    }

    private async Task<Access> SubmitGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        try
        {
            await new IntakeService.IntakeServiceClient(channel).SubmitComplaintAsync(new SubmitComplaintRequest
            {
                OrganisationCode = c.Target.Org,
                Channel = Channel.Pals,
                Complainant = new Complainant { Name = "Matrix Person" },
                Description = "Access matrix complaint.",
            }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> ListCasesRestAsync(Context c)
    {
        using var http = HttpClients.WithToken(system.Case.CreateHttpClient(), c.Token);
        using var response = await http.GetAsync(new Uri($"/api/v1/cases?reference={c.Target.Reference}", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return FromStatus(response.StatusCode);
        }
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
        return items.EnumerateArray().Any(i => i.GetProperty("caseId").GetGuid() == c.Target.CaseId) ? Access.Allowed : Access.Hidden;
    }

    private async Task<Access> ListComplaintsAsync(Context c)
    {
        using var http = HttpClients.WithToken(system.Intake.CreateHttpClient(), c.Token);
        using var response = await http.GetAsync(new Uri("/api/v1/complaints", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return FromStatus(response.StatusCode);
        }
        var organisation = c.Persona.Org;
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        // A list shows only the caller's own organisation's complaints.
        return items.All(i => i.GetProperty("organisationCode").GetString() == organisation || i.GetProperty("handlingOrganisationCode").GetString() == organisation)
            ? Access.Allowed
            : throw new InvalidOperationException($"{c.Persona} listed another organisation's complaints");
    }

    // Allowed when the search by the target's reference finds it, Hidden when it finds nothing.
    private async Task<Access> SearchComplaintsAsync(Context c)
    {
        using var http = HttpClients.WithToken(system.Intake.CreateHttpClient(), c.Token);
        using var response = await http.PostAsJsonAsync(new Uri("/api/v1/complaints/search", UriKind.Relative), new { reference = c.Target.Reference });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return FromStatus(response.StatusCode);
        }
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        return items.Count == 0 ? Access.Hidden
            : items.All(i => i.GetProperty("id").GetGuid() == c.Target.ComplaintId) ? Access.Allowed
            : throw new InvalidOperationException($"{c.Persona}'s search by reference found another complaint");
    }

    private async Task<Access> SearchComplaintsGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        try
        {
            var found = await new ComplaintRecordsService.ComplaintRecordsServiceClient(channel).SearchComplaintsAsync(
                new SearchComplaintsRequest { Reference = c.Target.Reference }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return found.Items.Count == 0 ? Access.Hidden
                : found.Items.All(i => i.Id == c.Target.ComplaintId.ToString()) ? Access.Allowed
                : throw new InvalidOperationException($"{c.Persona}'s search by reference found another complaint");
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    // Allowed when the caller's own organisation's staff are listed, each with roles there.
    private async Task<Access> StaffDirectoryAsync(Context c)
    {
        using var http = HttpClients.WithToken(system.Identity.CreateHttpClient(), c.Token);
        using var response = await http.GetAsync(new Uri("/api/v1/identity/staff", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return FromStatus(response.StatusCode);
        }
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
        return items.Count > 0 && items.All(i => i.GetProperty("roles").GetArrayLength() > 0) ? Access.Allowed
            : throw new InvalidOperationException($"{c.Persona}'s staff directory listed no one of their organisation");
    }

    // Allowed when the target is in the caller's list, Hidden when it is not: a complainant sees theirs, never another's.
    private async Task<Access> ListMyComplaintsAsync(Context c)
    {
        using var http = HttpClients.WithToken(system.Intake.CreateHttpClient(), c.Token);
        using var response = await http.GetAsync(new Uri("/api/v1/complaints/mine", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return FromStatus(response.StatusCode);
        }
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray();
        return items.Any(i => i.GetProperty("id").GetGuid() == c.Target.ComplaintId) ? Access.Allowed : Access.Hidden;
    }

    // Decisions are sent with a body that is wrong on purpose: a caller who may decide gets 400 (and nothing
    // changes), one who may not gets 403 or 404 before the body is read.
    private async Task<Access> DecideAsync(Context c, string? decision, object body)
    {
        using var http = HttpClients.WithToken(system.Intake.CreateHttpClient(), c.Token);
        var path = decision is null ? "/api/v1/concerns" : $"/api/v1/complaints/{c.Target.ComplaintId}/{decision}";
        using var response = await http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict ? Access.Allowed : FromStatus(response.StatusCode);
    }

    private async Task<Access> ResolveConcernAsync(Context c)
    {
        using var http = HttpClients.WithToken(system.Intake.CreateHttpClient(), c.Token);
        using var response = await http.PostAsJsonAsync(
            new Uri($"/api/v1/concerns/{await ConcernOfAsync(c.Target.Org)}/resolution", UriKind.Relative), new { resolvedOn = "not a date" });
        return response.StatusCode is HttpStatusCode.BadRequest ? Access.Allowed : FromStatus(response.StatusCode);
    }

    private async Task<Access> GetOrganisationGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        var response = await new OrganisationDirectoryService.OrganisationDirectoryServiceClient(channel).GetOrganisationAsync(
            new GetOrganisationRequest { OdsCode = "RJ1" }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
        return response.Organisation.CommissionedBy.Contains("QKK") ? Access.Allowed : throw new InvalidOperationException("RJ1 without its ICB");
    }

    private async Task<Access> ListOrganisationsGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        var response = await new OrganisationDirectoryService.OrganisationDirectoryServiceClient(channel).ListOrganisationsAsync(
            new ListOrganisationsRequest { CommissionedBy = "QKK" }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
        return response.Organisations.Any(o => o.OdsCode == "RJ1") ? Access.Allowed : throw new InvalidOperationException("QKK commissions nothing");
    }

    // Steps are sent empty or wrong on purpose: a caller who may take the step gets 400 or 409 (and nothing
    // changes), one who may not gets 403 or 404 first.
    private async Task<Access> CaseCallAsync(Context c, HttpMethod method, string step, object? body)
    {
        using var http = HttpClients.WithToken(system.Case.CreateHttpClient(), c.Token);
        using var request = new HttpRequestMessage(method, new Uri($"/api/v1/cases/{c.Target.CaseId}/{step}", UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict ? Access.Allowed : FromStatus(response.StatusCode);
    }

    // A form without a file: a caller who may add one is told to choose it (400), one who may not is refused first.
    private async Task<Access> DocumentUploadAsync(Context c, string path, string? secret)
    {
        using var http = HttpClients.WithToken(system.Case.CreateHttpClient(), c.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new MultipartFormDataContent { { new StringContent("no file"), "note" } },
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Complaint-Secret", secret);
        }
        using var response = await http.SendAsync(request);
        return response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict ? Access.Allowed : FromStatus(response.StatusCode);
    }

    private async Task<Access> SurveyByLinkAsync(Context c, HttpMethod method, string path, object? body)
    {
        using var http = HttpClients.WithToken(system.Case.CreateHttpClient(), c.Token);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Survey-Code", "a-code-nobody-was-given");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        using var response = await http.SendAsync(request);
        return FromStatus(response.StatusCode);
    }

    private async Task<Access> AdvocacyCallAsync(Context c, HttpMethod method, string path, object? body)
    {
        using var http = HttpClients.WithToken(system.Advocacy.CreateHttpClient(), c.Token);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        return response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict ? Access.Allowed : FromStatus(response.StatusCode);
    }

    // Well-formed and with the secret of the caller's own complaint, but naming no service: 400 once the pair is proven.
    private async Task<Access> SelfReferralAsync(Context c)
    {
        using var http = HttpClients.WithToken(system.Advocacy.CreateHttpClient(), c.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/advocacy/self-referrals", UriKind.Relative))
        {
            Content = JsonContent.Create(new { reference = c.Target.Reference, advocacyServiceCode = "ZZZ99" }),
        };
        request.Headers.Add("X-Complaint-Secret", c.All.Mine.StatusSecret);
        using var response = await http.SendAsync(request);
        return response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict ? Access.Allowed : FromStatus(response.StatusCode);
    }

    private async Task<Access> VerifyStatusSecretGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        try
        {
            await new StatusSecretService.StatusSecretServiceClient(channel).VerifyStatusSecretAsync(
                new VerifyStatusSecretRequest { Reference = c.Target.Reference, Secret = c.All.Mine.StatusSecret ?? "" }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> LearningCallAsync(Context c, HttpMethod method, string path, object? body)
    {
        using var http = HttpClients.WithToken(system.Learning.CreateHttpClient(), c.Token);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        return response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict ? Access.Allowed : FromStatus(response.StatusCode);
    }

    // A KO41 return that fails its checks is refused for its content (409), which counts as reached.
    private async Task<Access> ReportingCallAsync(Context c, string path)
    {
        using var http = HttpClients.WithToken(system.Reporting.CreateHttpClient(), c.Token);
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return response.StatusCode is HttpStatusCode.Conflict ? Access.Allowed : FromStatus(response.StatusCode);
    }

    private async Task<Access> ReportingGrpcAsync<TResponse>(Func<ReportingService.ReportingServiceClient, AsyncUnaryCall<TResponse>> call)
    {
        using var channel = GrpcChannel.ForAddress(system.Reporting.GrpcAddress);
        try
        {
            await call(new ReportingService.ReportingServiceClient(channel));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private static Metadata Headers(Context c) => c.Token is null ? [] : GrpcCalls.Bearer(c.Token);

    // As over REST: a request the caller may make but sent empty is refused for its content, which counts as reached.
    private async Task<Access> LearningGrpcAsync<TResponse>(Func<LearningService.LearningServiceClient, AsyncUnaryCall<TResponse>> call)
    {
        using var channel = GrpcChannel.ForAddress(system.Learning.GrpcAddress);
        try
        {
            await call(new LearningService.LearningServiceClient(channel));
            return Access.Allowed;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition)
        {
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> FindAdvocacyGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Advocacy.GrpcAddress);
        var found = await new AdvocacyDirectoryService.AdvocacyDirectoryServiceClient(channel).FindAdvocacyServiceAsync(
            new FindAdvocacyServiceRequest { Postcode = "SE1 7EH" }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
        return found.Code == "ADV01" ? Access.Allowed : throw new InvalidOperationException("wrong advocacy service");
    }

    private async Task<Access> ActiveGrantGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Advocacy.GrpcAddress);
        try
        {
            await new ConsentService.ConsentServiceClient(channel).GetActiveGrantAsync(
                new GetActiveGrantRequest { CaseId = c.Target.CaseId.ToString() }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> EndedGrantGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Advocacy.GrpcAddress);
        try
        {
            await new ConsentService.ConsentServiceClient(channel).GetEndedGrantAsync(
                new GetActiveGrantRequest { CaseId = c.Target.CaseId.ToString() }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> DraftReviewersGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Advocacy.GrpcAddress);
        try
        {
            await new ConsentService.ConsentServiceClient(channel).ListDraftReviewersAsync(
                new ListDraftReviewersRequest { CaseId = c.Target.CaseId.ToString() }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> CaseSettingsAsync(Context c)
    {
        using var http = HttpClients.WithToken(system.Case.CreateHttpClient(), c.Token);
        using var response = await http.PutAsJsonAsync(new Uri("/api/v1/case-settings", UriKind.Relative), new { earlyResolutionTargetWorkingDays = 0 });
        return response.StatusCode == HttpStatusCode.BadRequest ? Access.Allowed : FromStatus(response.StatusCode);
    }

    // Any case rpc, by name: the request is built from its descriptor with the target's case id and the fields given.
    private async Task<Access> CaseGrpcAsync(Context c, string rpc, string extraJson = "")
    {
        var descriptor = CaseService.Descriptor.FindMethodByName(rpc);
        var json = $"{{\"caseId\":\"{c.Target.CaseId}\"{(extraJson.Length == 0 ? "" : "," + extraJson)}}}";
        var request = descriptor.InputType.Parser.ParseJson(json);
        var method = new Method<IMessage, IMessage>(
            MethodType.Unary, CaseService.Descriptor.FullName, rpc,
            Marshallers.Create(static (IMessage m) => m.ToByteArray(), descriptor.InputType.Parser.ParseFrom),
            Marshallers.Create(static (IMessage m) => m.ToByteArray(), descriptor.OutputType.Parser.ParseFrom));
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(c.Token is null ? [] : GrpcCalls.Bearer(c.Token)), request);
            return Access.Allowed;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition)
        {
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    // A streamed upload with the header and no bytes: a caller who may add a file is told it is empty (INVALID_ARGUMENT).
    private async Task<Access> DocumentStreamAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        try
        {
            using var call = new CaseService.CaseServiceClient(channel).AddDocument(c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            await call.RequestStream.WriteAsync(new AddDocumentRequest { Header = new DocumentHeader { CaseId = c.Target.CaseId.ToString(), FileName = "empty.pdf" } });
            await call.RequestStream.CompleteAsync();
            await call;
            return Access.Allowed;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition)
        {
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private enum LetterRead
    {
        FinalResponse,
        SurveyLink,
        StaffMember,
        EarlyResolution,
    }

    private async Task<Access> CommittedChangesGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        var learning = new CaseLearningService.CaseLearningServiceClient(channel);
        try
        {
            await learning.GetCommittedChangesAsync(new GetCommittedChangesRequest { CaseId = c.Target.CaseId.ToString() }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> LetterReadGrpcAsync(Context c, LetterRead read)
    {
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        var letters = new CaseCorrespondenceService.CaseCorrespondenceServiceClient(channel);
        var headers = c.Token is null ? [] : GrpcCalls.Bearer(c.Token);
        var caseId = c.Target.CaseId.ToString();
        try
        {
            _ = read switch
            {
                LetterRead.SurveyLink => (object)await letters.IssueSurveyLinkAsync(new IssueSurveyLinkRequest { CaseId = caseId }, headers),
                LetterRead.StaffMember => await letters.GetStaffMemberAsync(new GetStaffMemberRequest { CaseId = caseId, StaffId = 1 }, headers),
                LetterRead.EarlyResolution => await letters.GetEarlyResolutionAsync(new GetEarlyResolutionRequest { CaseId = caseId }, headers),
                _ => await letters.GetSentFinalResponseAsync(new GetSentFinalResponseRequest { CaseId = caseId }, headers),
            };
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> ComplainantContactGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        try
        {
            var contact = await new ComplaintRecordsService.ComplaintRecordsServiceClient(channel).GetComplainantContactAsync(
                new GetComplainantContactRequest { ComplaintId = c.Target.ComplaintId.ToString() }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return contact.Name == "Matrix Person" ? Access.Allowed : throw new InvalidOperationException("another complainant's details");
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> ComplaintStatementGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Intake.GrpcAddress);
        try
        {
            await new ComplaintRecordsService.ComplaintRecordsServiceClient(channel).GetComplaintStatementAsync(
                new GetComplaintStatementRequest { ComplaintId = c.Target.ComplaintId.ToString(), Purpose = "matrix" }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> GetCaseGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        try
        {
            await new CaseService.CaseServiceClient(channel).GetCaseAsync(
                new GetCaseRequest { CaseId = c.Target.CaseId.ToString() }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> AdvocateViewGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        try
        {
            await new CaseService.CaseServiceClient(channel).GetAdvocateViewAsync(
                new GetAdvocateViewRequest { CaseId = c.Target.CaseId.ToString() }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> CodingSchemeGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        try
        {
            var scheme = await new CaseService.CaseServiceClient(channel).GetCodingSchemeAsync(new GetCodingSchemeRequest(), c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return scheme.Subjects.Count > 0 ? Access.Allowed : Access.Hidden;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private async Task<Access> ListCasesGrpcAsync(Context c)
    {
        using var channel = GrpcChannel.ForAddress(system.Case.GrpcAddress);
        try
        {
            var response = await new CaseService.CaseServiceClient(channel).ListCasesAsync(
                new ListCasesRequest { Reference = c.Target.Reference }, c.Token is null ? [] : GrpcCalls.Bearer(c.Token));
            return response.Cases.Any(x => x.CaseId == c.Target.CaseId.ToString()) ? Access.Allowed : Access.Hidden;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }

    private static async Task<Access> AuditAsync<T>(ServiceHost<T> host, string service, Guid resourceId, string? token)
        where T : class
    {
        using var http = HttpClients.WithToken(host.CreateHttpClient(), token);
        using var response = await http.GetAsync(new Uri($"/api/v1/audit/{service}?resourceId={resourceId}", UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return FromStatus(response.StatusCode);
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength() > 0 ? Access.Allowed : Access.Hidden;
    }

    private static async Task<Access> RequeueAsync<T>(ServiceHost<T> host, string? token)
        where T : class
    {
        using var http = HttpClients.WithToken(host.CreateHttpClient(), token);
        using var response = await http.PostAsync(new Uri($"/admin/outbox/{Guid.NewGuid()}/requeue", UriKind.Relative), null);
        // An unknown message is 404 once past authorisation: the administrator was allowed to ask.
        return response.StatusCode == HttpStatusCode.NotFound ? Access.Allowed : FromStatus(response.StatusCode);
    }

    private static async Task<Access> UnknownGrpcAsync<T>(ServiceHost<T> host, string path, string? token)
        where T : class
    {
        var parts = path.Trim('/').Split('/');
        var marshaller = Marshallers.Create(static (Empty e) => e.ToByteArray(), Empty.Parser.ParseFrom);
        var method = new Method<Empty, Empty>(MethodType.Unary, parts[0], parts[1], marshaller, marshaller);
        using var channel = GrpcChannel.ForAddress(host.GrpcAddress);
        try
        {
            await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(token is null ? [] : GrpcCalls.Bearer(token)), new Empty());
            return Access.Allowed;
        }
        catch (RpcException ex)
        {
            return FromGrpc(ex.StatusCode);
        }
    }
}
