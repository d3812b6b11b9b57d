using System.Text.Json;
using IcsComplaints.Portal.Web.Clients;

namespace IcsComplaints.Portal.Web.Journey;

/// <summary>The survey being answered: the link's code, what it opened, and the answers so far.</summary>
public sealed class SurveyInProgress
{
    /// <summary>The code from the link, sent on in a header.</summary>
    public required string Code { get; init; }

    /// <summary>The statements and the answers they take, as the case service gave them.</summary>
    public required SurveyByLink Survey { get; init; }

    /// <summary>Answers so far, by statement key.</summary>
    public Dictionary<string, string> Answers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Anything else they want to say.</summary>
    public string? Comment { get; set; }
}

/// <summary>
/// Keeps the survey being answered in the server-side session (ADR 34): the code is read from the link's address once
/// and never put in another address, and the answers of one statement a page build up without hidden fields.
/// </summary>
public static class SurveyStore
{
    private const string Key = "survey";

    /// <summary>The survey in progress, or <c>null</c> when no link has been opened in this session.</summary>
    public static SurveyInProgress? Load(ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.GetString(Key) is { } json ? JsonSerializer.Deserialize<SurveyInProgress>(json) : null;
    }

    /// <summary>Saves the survey in progress.</summary>
    public static void Save(ISession session, SurveyInProgress survey)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.SetString(Key, JsonSerializer.Serialize(survey));
    }

    /// <summary>Forgets it, once answered or no longer open.</summary>
    public static void Clear(ISession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Remove(Key);
    }
}
