using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.StartCloserLook;

/// <summary>Starts a closer look with its plan, investigator, conflict check and responsible person (<see cref="InvestigatorIndependence"/>).</summary>
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
        var measures = reader.Text(input.ImpartialityMeasures, "impartialityMeasures", 2_000);
        InvestigatorIndependence.Check(input.PriorInvolvement, input.ConflictOfInterest, measures, reader.Errors);
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
