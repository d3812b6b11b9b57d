using System.Security.Cryptography;
using System.Text;

namespace IcsComplaints.Case.Domain.Cases;

/// <summary>
/// A link that lets the complainant answer their experience survey (My Expectations) without signing in, sent once the
/// final response has gone. Only a hash of its code is kept, so a copy of the database opens no survey; the code
/// answers one survey, once, for <see cref="DaysOpen"/> days.
/// </summary>
public sealed class SurveyInvitation
{
    /// <summary>
    /// How long a link stays open. Not set by the Regulations or the Standards: long enough for someone who waits for
    /// the Ombudsman's answer on whether to go further, short enough that the answers are still about this complaint.
    /// </summary>
    public const int DaysOpen = 56;

    private SurveyInvitation()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>SHA-256 of the code.</summary>
    public byte[] CodeHash { get; private set; } = [];

    /// <summary>When issued.</summary>
    public DateOnly IssuedOn { get; private set; }

    /// <summary>The last day it opens the survey.</summary>
    public DateOnly OpenUntil { get; private set; }

    /// <summary>When the survey was answered through it.</summary>
    public DateOnly? AnsweredOn { get; private set; }

    /// <summary>A new invitation and its code, which exists only in what is returned here.</summary>
    public static (SurveyInvitation Invitation, string Code) Issue(Guid id, Guid caseId, DateOnly today)
    {
        var code = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new SurveyInvitation { Id = id, CaseId = caseId, CodeHash = HashOf(code), IssuedOn = today, OpenUntil = today.AddDays(DaysOpen) }, code);
    }

    /// <summary>The hash a code is looked up by.</summary>
    public static byte[] HashOf(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code ?? ""));

    /// <summary>True while it may still be answered.</summary>
    public bool IsOpenOn(DateOnly today) => AnsweredOn is null && today >= IssuedOn && today <= OpenUntil;

    /// <summary>Closes it once the survey is answered through it.</summary>
    public void Answered(DateOnly on) => AnsweredOn = on;
}
