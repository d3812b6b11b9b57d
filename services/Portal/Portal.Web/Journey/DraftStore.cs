using System.Text.Json;

namespace IcsComplaints.Portal.Web.Journey;

/// <summary>
/// Keeps the complaint being written in the server-side session (ADR 22): the browser holds only the session's
/// cookie, so nothing typed travels in URLs or hidden fields, and a description of 20,000 characters fits.
/// </summary>
public static class DraftStore
{
    private const string Key = "complaint-draft";
    private const string SubmittedKey = "complaint-submitted";

    /// <summary>The draft in progress, or a new one.</summary>
    public static ComplaintDraft Load(ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.GetString(Key) is { } json ? JsonSerializer.Deserialize<ComplaintDraft>(json) ?? new ComplaintDraft() : new ComplaintDraft();
    }

    /// <summary>Whether a journey has started in this session.</summary>
    public static bool Exists(ISession session) => session?.GetString(Key) is not null;

    /// <summary>Saves the draft.</summary>
    public static void Save(ISession session, ComplaintDraft draft)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.SetString(Key, JsonSerializer.Serialize(draft));
    }

    /// <summary>
    /// Ends the journey after a submission: the answers are dropped and only what the confirmation page shows once
    /// (reference and status secret) is kept until it has been shown.
    /// </summary>
    public static void Complete(ISession session, Clients.SubmittedComplaint submitted)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Remove(Key);
        session.SetString(SubmittedKey, JsonSerializer.Serialize(submitted));
    }

    /// <summary>True when the answers were sent and their confirmation has not been shown yet.</summary>
    public static bool AwaitsConfirmation(ISession session) =>
        session?.GetString(Key) is null && session?.GetString(SubmittedKey) is not null;

    /// <summary>The submission to confirm, removed as it is read so the secret is shown once.</summary>
    public static Clients.SubmittedComplaint? TakeSubmitted(ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var json = session.GetString(SubmittedKey);
        session.Remove(SubmittedKey);
        return json is null ? null : JsonSerializer.Deserialize<Clients.SubmittedComplaint>(json);
    }
}
