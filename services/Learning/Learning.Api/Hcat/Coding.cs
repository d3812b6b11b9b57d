using IcsComplaints.Calendar;
using IcsComplaints.Learning.Api.Data;
using IcsComplaints.Learning.Contracts.Events;
using IcsComplaints.Learning.Domain.Cases;
using IcsComplaints.Learning.Domain.Coding;
using IcsComplaints.Learning.Domain.Rules;
using IcsComplaints.Messaging.Outbox;
using IcsComplaints.Platform.Audit;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Learning.Api.Hcat;

/// <summary>A coding as sent.</summary>
/// <param name="Severities">Severity 0–3 by category key.</param>
/// <param name="Harm">Harm 0–5 (required for a complaint).</param>
/// <param name="StagesOfCare">Stages of care.</param>
public sealed record CodingRequest(Dictionary<string, int>? Severities, int? Harm, List<string>? StagesOfCare);

/// <summary>A coding as shown.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Subject">Complaint or Response.</param>
/// <param name="Mine">Coded by the caller.</param>
/// <param name="Independent">The second, independent coding of a calibration sample.</param>
/// <param name="Severities">By category key.</param>
/// <param name="Harm">Harm.</param>
/// <param name="StagesOfCare">Stages of care.</param>
/// <param name="CodedOn">First coded.</param>
/// <param name="RevisedOn">Last revised.</param>
public sealed record CodingView(
    Guid Id, CodingSubject Subject, bool Mine, bool Independent, IReadOnlyDictionary<string, int> Severities, int? Harm,
    IReadOnlyList<string> StagesOfCare, DateOnly CodedOn, DateOnly? RevisedOn);

/// <summary>A category in the complaint compared with the response.</summary>
/// <param name="Category">Category key.</param>
/// <param name="Complaint">Severity as complained of.</param>
/// <param name="Response">Severity as the response acknowledged it.</param>
public sealed record CategoryComparison(string Category, int Complaint, int Response);

/// <summary>A case's HCAT coding as its organisation sees it.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Reference">Its reference.</param>
/// <param name="SubjectAreas">Its KO41 subject areas.</param>
/// <param name="SuggestedCategories">Categories those suggest.</param>
/// <param name="SecondCodingRequested">In a calibration sample.</param>
/// <param name="Blinded">True while another person's coding is withheld so the second coding stays independent.</param>
/// <param name="Codings">The codings the caller may see.</param>
/// <param name="Comparison">What was complained of against what the response acknowledged (first codings of each), when both exist.</param>
public sealed record CaseCodingView(
    Guid CaseId, string Reference, IReadOnlyList<string> SubjectAreas, IReadOnlyList<string> SuggestedCategories, bool SecondCodingRequested,
    bool Blinded, IReadOnlyList<CodingView> Codings, IReadOnlyList<CategoryComparison>? Comparison);

/// <summary>Records and reads HCAT codings. Coders are the complaints team of the organisation handling the case.</summary>
public sealed class CodingActions(LearningCaseStore cases, CodingStore store, IOutbox outbox, IAuditTrail audit, TimeProvider time)
{
    /// <summary>Records or revises the caller's own coding; at most two people code each subject of a case.</summary>
    public async Task<HcatCoding> RecordAsync(Caller caller, Guid caseId, string? subjectText, CodingRequest? input, CancellationToken ct)
    {
        var c = await CaseForAsync(caller, caseId, LearningAccess.Coders, ct);
        var reader = new FieldReader();
        var parsed = reader.Enum<CodingSubject>(subjectText, "subject", "Code the complaint or the response.");
        reader.ThrowIfAny();
        var subject = parsed!.Value;
        if (input is null)
        {
            throw new RequestValidationException("body", "Send the coding as a JSON object.");
        }
        var stages = input.StagesOfCare ?? [];
        HcatScheme.Validate(subject, input.Severities, input.Harm, stages);
        var today = LondonTime.Today(time);
        var codings = await store.OfSubjectAsync(caseId, subject, ct);
        var coding = codings.FirstOrDefault(x => x.CoderSubjectId == caller.SubjectId);
        if (coding is null)
        {
            coding = HcatCoding.Record(
                caseId, c.OrganisationCode, subject, caller.SubjectId, codings.Count, c.SecondCodingRequestedOn is not null, today, input.Severities!, input.Harm, stages);
            store.Add(coding);
        }
        else
        {
            coding.Revise(input.Severities!, input.Harm, stages, today);
        }
        outbox.Publish(new ComplaintHcatCoded
        {
            CaseId = caseId, OrganisationCode = c.OrganisationCode, Subject = subject.ToString(), Severities = coding.Severities(),
            Harm = coding.Harm, StagesOfCare = coding.StagesOfCare, Independent = coding.Independent, CodedOn = today,
        });
        audit.Record(AuditAction.Update, LearningResources.Coding, caseId.ToString(), c.OrganisationCode);
        await store.SaveAsync(ct);
        return coding;
    }

    /// <summary>
    /// The case's codings. While a calibration sample waits for its second coding, a coder sees only their own, so
    /// the two stay independent; everyone sees both once both exist.
    /// </summary>
    public async Task<CaseCodingView> ReadAsync(Caller caller, Guid caseId, CancellationToken ct)
    {
        var c = await CaseForAsync(caller, caseId, LearningAccess.OrganisationReaders, ct);
        var codings = await store.OfCaseAsync(caseId, ct);
        var complaintCodings = codings.Where(x => x.Subject == CodingSubject.Complaint).ToList();
        var blinded = c.SecondCodingRequestedOn is not null && complaintCodings.Count < 2;
        var visible = blinded ? codings.Where(x => x.Subject != CodingSubject.Complaint || x.CoderSubjectId == caller.SubjectId).ToList() : codings;
        var firstComplaint = complaintCodings.FirstOrDefault(x => !x.Independent);
        var firstResponse = codings.FirstOrDefault(x => x.Subject == CodingSubject.Response);
        var comparison = !blinded && firstComplaint is not null && firstResponse is not null
            ? HcatScheme.CategoryKeys.Select(k => new CategoryComparison(k, firstComplaint.Severity(k), firstResponse.Severity(k))).ToList()
            : null;
        await audit.RecordReadAsync(LearningResources.Coding, caseId.ToString(), c.OrganisationCode, ct);
        return new CaseCodingView(
            c.CaseId, c.Reference, c.SubjectAreas, HcatScheme.Suggest(c.SubjectAreas), c.SecondCodingRequestedOn is not null, blinded,
            [.. visible.Select(x => View(x, caller))], comparison);
    }

    private static CodingView View(HcatCoding x, Caller caller) =>
        new(x.Id, x.Subject, x.CoderSubjectId == caller.SubjectId, x.Independent, x.Severities(), x.Harm, x.StagesOfCare, x.CodedOn, x.RevisedOn);

    private async Task<LearningCase> CaseForAsync(Caller caller, Guid caseId, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var c = await cases.ReadAsync(caseId, ct);
        if (c is null || !caller.ActsFor(c.OrganisationCode, LearningAccess.OrganisationReaders))
        {
            throw new RequestNotFoundException();
        }
        if (!caller.ActsFor(c.OrganisationCode, roles))
        {
            throw new RequestForbiddenException("Complaints are coded by the complaints team and quality lead of the organisation handling them.");
        }
        return c;
    }
}
