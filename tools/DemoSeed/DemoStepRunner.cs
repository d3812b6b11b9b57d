using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace IcsComplaints.DemoSeed;

/// <summary>
/// Makes a recorded complaint's steps in order, each as its user: intake's decisions on the complaint, then the
/// procedure on the case that opens for it. A case that has moved on from Received was stepped by an earlier run,
/// so its remaining steps count as already made; a step the case service refuses as already done (409) too.
/// </summary>
public sealed class DemoStepRunner(DemoGateway users, TimeSpan caseWait)
{
    /// <summary>How often the case list is asked while a case has not opened yet.</summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>The stage of a case no step has touched.</summary>
    public const string FirstStage = "Received";

    /// <summary>Makes the steps of <paramref name="complaint"/>, recorded as <paramref name="complaintId"/> with <paramref name="reference"/>; one outcome per step.</summary>
    public async Task<IReadOnlyList<SeedOutcome>> RunAsync(DemoComplaint complaint, string complaintId, string reference, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var outcomes = new List<SeedOutcome>();
        // Intake refuses a decision repeated by its former handler (403 once a transfer is made), so a complaint
        // whose case an earlier run stepped is recognised by its case before any decision is sent again.
        if (complaint.Steps.FirstOrDefault(s => s.OnCase) is { } first && !complaint.Steps[0].OnCase
            && await users.TokenAsync(first.User, ct) is { } firstToken
            && await FindCaseAsync(reference, firstToken, $"the case of demo complaint {complaint.IdempotencyKey}", TimeSpan.Zero, ct) is { } earlier
            && earlier.Stage != FirstStage)
        {
            await users.Log.WriteLineAsync($"demo complaint {complaint.IdempotencyKey}: its case is {earlier.Stage}, stepped by an earlier run");
            return Rest(outcomes, complaint, SeedOutcome.AlreadyRecorded);
        }
        string? caseId = null;
        foreach (var step in complaint.Steps)
        {
            if (!step.HappenedBy(today))
            {
                return Rest(outcomes, complaint, SeedOutcome.NotYet);
            }
            var what = $"step {outcomes.Count + 1} ({step.Method} {step.Path}) of demo complaint {complaint.IdempotencyKey} by {step.User}";
            var token = await users.TokenAsync(step.User, ct);
            if (token is null)
            {
                return Rest(outcomes, complaint, SeedOutcome.Failed);
            }
            if (step.OnCase && caseId is null)
            {
                var found = await FindCaseAsync(reference, token, what, caseWait, ct);
                if (found is null)
                {
                    await users.Log.WriteLineAsync($"warning: {what}: no case opened for {reference} within {caseWait.TotalSeconds:0} s");
                    return Rest(outcomes, complaint, SeedOutcome.Failed);
                }
                if (found.Value.Stage != FirstStage)
                {
                    await users.Log.WriteLineAsync($"demo complaint {complaint.IdempotencyKey}: its case is {found.Value.Stage}, stepped by an earlier run");
                    return Rest(outcomes, complaint, SeedOutcome.AlreadyRecorded);
                }
                caseId = found.Value.Id;
            }
            var path = "api/v1/" + step.Path.Replace(DemoStep.ComplaintId, complaintId, StringComparison.Ordinal)
                .Replace(DemoStep.CaseId, caseId ?? "", StringComparison.Ordinal);
            var answer = await users.SendAsync(new HttpMethod(step.Method), path, token, step.BodyOn(today), null, what, ct);
            if (answer is null)
            {
                return Rest(outcomes, complaint, SeedOutcome.Failed);
            }
            if (answer.Status == HttpStatusCode.Conflict)
            {
                await users.Log.WriteLineAsync($"{what}: already made");
                outcomes.Add(SeedOutcome.AlreadyRecorded);
                continue;
            }
            // A step answers with the case (200), or with nothing when it leaves the case as it was (204: a survey).
            if (answer.Status is not (HttpStatusCode.OK or HttpStatusCode.NoContent))
            {
                // The later steps build on this one: they would be refused too, and say less about why.
                await users.Log.WriteLineAsync($"warning: {what} was not accepted: {(int)answer.Status} {DemoGateway.Truncate(answer.Body)}");
                return Rest(outcomes, complaint, SeedOutcome.Failed);
            }
            outcomes.Add(SeedOutcome.Recorded);
        }
        await users.Log.WriteLineAsync($"demo complaint {complaint.IdempotencyKey}: {outcomes.Count(o => o == SeedOutcome.Recorded)} of {outcomes.Count} steps made now");
        return outcomes;
    }

    private static List<SeedOutcome> Rest(List<SeedOutcome> outcomes, DemoComplaint complaint, SeedOutcome outcome)
    {
        outcomes.AddRange(Enumerable.Repeat(outcome, complaint.Steps.Count - outcomes.Count));
        return outcomes;
    }

    // The case opens when the case service has taken intake's event, a moment after the complaint is recorded (or
    // transferred); the step's user sees only their own organisation's case.
    private async Task<(string Id, string Stage)?> FindCaseAsync(string reference, string token, string what, TimeSpan wait, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var answer = await users.SendAsync(HttpMethod.Get, $"api/v1/cases?reference={Uri.EscapeDataString(reference)}", token, null, null, what, ct);
            if (answer?.Status == HttpStatusCode.OK && FirstCase(answer.Body) is { } found)
            {
                return found;
            }
            if (waited.Elapsed >= wait)
            {
                return null;
            }
            await Task.Delay(PollEvery, ct);
        }
    }

    private static (string Id, string Stage)? FirstCase(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("items", out var items)
                && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0)
            {
                var first = items[0];
                return (first.GetProperty("caseId").GetString() ?? "", first.GetProperty("stage").GetString() ?? "");
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // An answer of another shape is treated as "not open yet"; the wait ends with a warning.
        }
        return null;
    }
}
