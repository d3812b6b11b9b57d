using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.StartCloserLook;

/// <summary>Starts a closer look with its plan, investigator, conflict check and responsible person (NHS Complaint Standards, closer look).</summary>
public sealed class StartCloserLook(CaseSteps steps)
{
    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.CloserLook input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Managers, ct);
        var reader = new FieldReader();
        var on = reader.DateOrToday(input.StartedOn, "startedOn", steps.Today);
        var issues = reader.Items(input.Issues, "issues", required: true);
        var sought = reader.Items(input.OutcomesSought, "outcomesSought", required: true);
        var evidence = reader.Items(input.Evidence, "evidence", required: false);
        var people = reader.Items(input.PeopleToSpeakTo, "peopleToSpeakTo", required: false);
        var investigator = reader.Person(caller, input.Investigator, "investigator", required: true);
        var responsible = reader.Person(caller, input.ResponsiblePerson, "responsiblePerson", required: true);
        if (input.PriorInvolvement is null)
        {
            reader.Add("priorInvolvement", "Record the conflict check: was the investigator involved in what is complained about? (true or false)");
        }
        if (input.ConflictOfInterest is null)
        {
            reader.Add("conflictOfInterest", "Record the conflict check: does the investigator have any other conflict of interest? (true or false)");
        }
        var measures = reader.Text(input.ImpartialityMeasures, "impartialityMeasures", 2_000);
        if ((input.PriorInvolvement == true || input.ConflictOfInterest == true) && measures is null)
        {
            reader.Add("impartialityMeasures", "The investigator is not independent: say how impartiality is protected (NHS Complaint Standards, closer look).");
        }
        var reason = reader.Text(input.Reason, "reason", 2_000);
        if (reason is null && c.NeedsEscalationReason)
        {
            reader.Add("reason", ComplaintCase.EscalationReasonMissing);
        }
        reader.ThrowIfAny();
        var check = new ConflictCheck(input.PriorInvolvement!.Value, input.ConflictOfInterest!.Value, measures, caller.SubjectId, on);
        await steps.ApplyAsync(c, () => c.StartCloserLook(on, reason, new InvestigationPlan(issues, sought, evidence, people), investigator!, check, responsible!), ct);
    }
}
