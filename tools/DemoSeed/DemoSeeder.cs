using System.Net;

namespace IcsComplaints.DemoSeed;

/// <summary>What became of one demo complaint or one of its steps.</summary>
public enum SeedOutcome
{
    /// <summary>Recorded by this run.</summary>
    Recorded,

    /// <summary>Already there: recorded by an earlier run.</summary>
    AlreadyRecorded,

    /// <summary>Not recorded: no token for its user, the gateway refused it, or the gateway did not answer.</summary>
    Failed,

    /// <summary>Not made: dated after the seeding day (a later day of the current month), or after such a step.</summary>
    NotYet,
}

/// <summary>What a run did: one outcome per complaint, and one per step of the complaints that have steps.</summary>
/// <param name="Complaints">Per complaint, in the fixture's order.</param>
/// <param name="Steps">Per step, complaint after complaint.</param>
public sealed record SeedReport(IReadOnlyList<SeedOutcome> Complaints, IReadOnlyList<SeedOutcome> Steps);

/// <summary>
/// Records demo complaints through the gateway's public API, as a person at the organisation would: each demo
/// user signs in with the password grant and submits with the complaint's Idempotency-Key, so intake validates,
/// routes and announces it like any other. Once every complaint is in, the complaints' steps are made
/// (<see cref="DemoStepRunner"/>): by then most cases have opened.
/// </summary>
public sealed class DemoSeeder(HttpClient gateway, string password, TextWriter log, TimeSpan? caseWait = null)
{
    /// <summary>Records every complaint of the fixture, dated relative to <paramref name="today"/>, then makes their steps.</summary>
    public async Task<SeedReport> SeedAsync(DemoFixture fixture, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var users = new DemoGateway(gateway, password, log);
        var submissions = new List<Submission>();
        foreach (var complaint in fixture.Complaints)
        {
            if (!complaint.ReceivedBy(today))
            {
                submissions.Add(new Submission(SeedOutcome.NotYet, null, null));
                continue;
            }
            var token = await users.TokenAsync(complaint.User, ct);
            submissions.Add(token is null ? new Submission(SeedOutcome.Failed, null, null) : await SubmitAsync(users, complaint, token, today, ct));
        }
        var runner = new DemoStepRunner(users, caseWait ?? TimeSpan.FromSeconds(60));
        var steps = new List<SeedOutcome>();
        for (var i = 0; i < fixture.Complaints.Count; i++)
        {
            var complaint = fixture.Complaints[i];
            var (outcome, id, reference) = submissions[i];
            if (complaint.Steps.Count == 0)
            {
                continue;
            }
            if (outcome is SeedOutcome.Failed or SeedOutcome.NotYet)
            {
                steps.AddRange(complaint.Steps.Select(_ => outcome));
            }
            else if (id is null || reference is null)
            {
                // Recorded on an earlier day: that run made its steps, and which complaint it became is not known here.
                steps.AddRange(complaint.Steps.Select(_ => SeedOutcome.AlreadyRecorded));
            }
            else
            {
                steps.AddRange(await runner.RunAsync(complaint, id, reference, today, ct));
            }
        }
        return new SeedReport([.. submissions.Select(s => s.Outcome)], steps);
    }

    private static async Task<Submission> SubmitAsync(DemoGateway users, DemoComplaint complaint, string token, DateOnly today, CancellationToken ct)
    {
        var what = $"demo complaint {complaint.IdempotencyKey} by {complaint.User}";
        var answer = await users.SendAsync(HttpMethod.Post, "api/v1/complaints", token, complaint.RequestOn(today), complaint.IdempotencyKey, what, ct);
        switch (answer?.Status)
        {
            case null:
                return new Submission(SeedOutcome.Failed, null, null);
            case HttpStatusCode.Created:
                var reference = answer.Field("reference");
                await users.Log.WriteLineAsync($"{what}: {(answer.Replayed ? "already recorded" : "recorded")} as {reference ?? "?"}");
                return new Submission(answer.Replayed ? SeedOutcome.AlreadyRecorded : SeedOutcome.Recorded, answer.Field("id"), reference);
            // Intake's only conflict on submission: the key was used for a different body, i.e. by a run on an
            // earlier day, whose relative dates differed. That complaint is there; recording it again would repeat it.
            case HttpStatusCode.Conflict:
                await users.Log.WriteLineAsync($"{what}: already recorded on an earlier day");
                return new Submission(SeedOutcome.AlreadyRecorded, null, null);
            default:
                await users.Log.WriteLineAsync($"warning: {what} was not accepted: {(int)answer.Status} {DemoGateway.Truncate(answer.Body)}");
                return new Submission(SeedOutcome.Failed, null, null);
        }
    }

    private sealed record Submission(SeedOutcome Outcome, string? Id, string? Reference);
}
