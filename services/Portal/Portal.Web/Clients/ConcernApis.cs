using IcsComplaints.ServiceDefaults;

namespace IcsComplaints.Portal.Web.Clients;

/// <summary>
/// A concern as intake records it: raised in an everyday conversation (or an oral complaint put right by the next
/// working day), resolved, still open until its follow-up day, or become a complaint.
/// </summary>
public sealed record Concern(
    Guid Id, string Kind, string Channel, DateOnly ReceivedOn, DateOnly? ResolvedOn, string? Domain, string Summary,
    string Status, DateOnly? FollowUpOn, string? Resolution, Guid? ComplaintId)
{
    /// <summary>True while the team still has to follow it up.</summary>
    public bool IsOpen => Status == "Open";

    /// <summary>True when it is open and its follow-up day has passed.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && FollowUpOn < today;
}

/// <summary>A concern as staff record it, by the API's JSON names; unanswered questions are left out.</summary>
public sealed record ConcernRequest
{
    public string? Kind { get; init; }
    public string? Channel { get; init; }
    public string? ReceivedOn { get; init; }
    public string? ResolvedOn { get; init; }
    public string? FollowUpOn { get; init; }
    public string? Domain { get; init; }
    public string? Summary { get; init; }
}

/// <summary>Intake's calls for the concerns the complaints team records, one method per call.</summary>
public sealed class ConcernApis(PlatformApi api)
{
    /// <summary>The organisation's open concerns, the soonest follow-up first.</summary>
    public Task<ApiResult<ItemList<Concern>>> OpenAsync(CancellationToken ct) =>
        api.GetAsync<ItemList<Concern>>("/api/v1/concerns?open=true", null, ct);

    /// <summary>One concern; 404 when it is not the caller's organisation's.</summary>
    public Task<ApiResult<Concern>> GetAsync(Guid id, CancellationToken ct) =>
        api.GetAsync<Concern>($"/api/v1/concerns/{id}", null, ct);

    /// <summary>Records a concern for the caller's organisation.</summary>
    public Task<ApiResult<Concern>> RecordAsync(ConcernRequest concern, CancellationToken ct) =>
        api.PostAsync<Concern>("/api/v1/concerns", concern, null, ct);

    /// <summary>Records how an open concern was put right.</summary>
    public Task<ApiResult<Concern>> ResolveAsync(Guid id, string? resolvedOn, string? resolution, CancellationToken ct) =>
        api.PostAsync<Concern>($"/api/v1/concerns/{id}/resolution", new { resolvedOn, resolution }, null, ct);
}

/// <summary>How the staff pages name a concern's kind, channel and status.</summary>
public static class ConcernWords
{
    /// <summary>The ways a concern is raised, as intake names them and in words.</summary>
    public static readonly IReadOnlyList<(string Value, string Words)> Channels =
        [("Phone", "By phone"), ("InPerson", "In person"), ("Pals", "Through PALS"), ("Email", "By email"), ("Letter", "By letter"), ("Online", "Online")];

    /// <summary>The channel in words.</summary>
    public static string Channel(string? channel) => Channels.FirstOrDefault(c => c.Value == channel).Words ?? channel ?? "";

    /// <summary>The kind in words.</summary>
    public static string Kind(string kind) => kind switch
    {
        "EverydayConversation" => "Everyday concern",
        "OralComplaintResolved" => "Spoken complaint resolved by the next working day",
        _ => kind,
    };

    /// <summary>The status in words.</summary>
    public static string Status(string status) => status switch
    {
        "Open" => "Open",
        "Resolved" => "Resolved",
        "BecameComplaint" => "Became a complaint",
        _ => status,
    };
}
