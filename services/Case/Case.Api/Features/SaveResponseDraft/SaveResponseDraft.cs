using IcsComplaints.Case.Api.Features.ShareDraft;
using IcsComplaints.Case.Domain.Cases;
using IcsComplaints.Case.Domain.Rules;
using IcsComplaints.Platform.Security;
using IcsComplaints.Validation;

namespace IcsComplaints.Case.Api.Features.SaveResponseDraft;

/// <summary>
/// Saves the draft final response (what <see cref="FinalResponseCompleteness"/> checks at signing) as a new version,
/// privately: nobody outside the organisation sees it and no review starts until the handler shares it
/// (<see cref="ShareResponseDraft"/>, ADR 23).
/// </summary>
public sealed class SaveResponseDraft(CaseSteps steps)
{
    private const int MaxFindings = 50;
    private const int MaxChanges = 50;

    /// <summary>Takes the step.</summary>
    public async Task HandleAsync(Caller caller, Guid caseId, CaseRequests.Draft input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await steps.LoadAsync(caller, caseId, CaseSteps.Workers, ct);
        var reader = new FieldReader();
        var findings = Findings(reader, input.Findings ?? []);
        var changes = Changes(reader, input.Changes ?? [], steps.Today);
        var draft = new ResponseDraft(
            reader.Text(input.ComplaintSummary, "complaintSummary", 20_000),
            reader.Text(input.OutcomesSought, "outcomesSought", 10_000),
            reader.Text(input.Investigation, "investigation", 20_000),
            findings,
            reader.Text(input.Apology, "apology", 10_000),
            changes,
            reader.Text(input.Remedy, "remedy", 10_000));
        reader.ThrowIfAny();
        await steps.ApplyAsync(c, () => c.SaveDraft(draft), ct);
    }

    private static List<ResponseFinding> Findings(FieldReader reader, IReadOnlyList<CaseRequests.Finding?> given)
    {
        var findings = new List<ResponseFinding>();
        if (given.Count > MaxFindings)
        {
            reader.Add("findings", $"At most {MaxFindings} findings.");
        }
        for (var i = 0; i < given.Count && i < MaxFindings; i++)
        {
            var f = given[i];
            findings.Add(new ResponseFinding(
                reader.Text(f?.Issue, $"findings[{i}].issue", 1_000) ?? "",
                reader.Text(f?.Conclusion, $"findings[{i}].conclusion", 10_000) ?? "",
                reader.Text(f?.Reasons, $"findings[{i}].reasons", 10_000) ?? "",
                f?.Upheld ?? false));
            if (f?.Upheld is null)
            {
                reader.Add($"findings[{i}].upheld", "Say whether this point is upheld (true or false).");
            }
        }
        return findings;
    }

    private static List<ResponseChange> Changes(FieldReader reader, IReadOnlyList<CaseRequests.Change?> given, DateOnly today)
    {
        var changes = new List<ResponseChange>();
        for (var i = 0; i < given.Count && i < MaxChanges; i++)
        {
            var action = reader.Text(given[i]?.Action, $"changes[{i}].action", 2_000) ?? "";
            if (reader.DateInCalendar(given[i]?.By, $"changes[{i}].by", today, allowFuture: true) is { } by)
            {
                changes.Add(new ResponseChange(action, by));
            }
            else if (!reader.Has($"changes[{i}].by"))
            {
                reader.Add($"changes[{i}].by", "Say by when the change will be made.");
            }
        }
        return changes;
    }
}
