namespace IcsComplaints.Correspondence.Domain.Rules;

/// <summary>How a letter to the complainant goes: e-mail, a printed letter by post, or not at all.</summary>
public enum LetterRoute
{
    /// <summary>Nothing is sent (<see cref="RouteDecision.Reason"/> says why).</summary>
    None = 0,

    /// <summary>By e-mail, the letter attached as a PDF.</summary>
    Email = 1,

    /// <summary>Printed and posted.</summary>
    Post = 2,
}

/// <summary>The route chosen, the format, and why nothing is sent when that is the outcome.</summary>
/// <param name="Route">The route.</param>
/// <param name="LargePrint">Whether the letter is set in large print.</param>
/// <param name="Reason">Why nothing is sent, when <paramref name="Route"/> is <see cref="LetterRoute.None"/>.</param>
public sealed record RouteDecision(LetterRoute Route, bool LargePrint, string? Reason);

/// <summary>
/// Reg 13 (domain.md §1.6: the complaint is acknowledged, orally or in writing) and the Complaint Standards' "every
/// stage responsive to individual needs, reasonable adjustments" (§1.4, section 2): the complainant's written
/// correspondence follows the route they asked for and the format they need.
/// <list type="bullet">
/// <item>Only while intake holds the complaint open: a complaint withdrawn, excluded, declined, linked to another or
/// not considered is not written to about its handling, since there is none (Reg 8, 12, 5(4)).</item>
/// <item>A complainant who asked for letters gets a printed letter, or nothing when intake has no postal address:
/// an e-mail would go against what they asked for.</item>
/// <item>Anyone else (e-mail, telephone or text preferred, or nothing said) gets e-mail when intake has an address,
/// else a printed letter when it has a postal address; telephone and text carry no letter, and the team's own call
/// is recorded on the case.</item>
/// <item>Large print when the complainant asked for it, whichever route (Accessible Information Standard).</item>
/// </list>
/// </summary>
public static class ComplainantRoute
{
    /// <summary>The one state of a complaint at intake in which its complainant is written to.</summary>
    public const string OpenState = "Open";

    /// <summary>Decides the route.</summary>
    /// <param name="state">The complaint's state at intake (<c>Open</c>, <c>Withdrawn</c>, ...).</param>
    /// <param name="preference">The contact preference at intake (<c>Email</c>, <c>Phone</c>, <c>Letter</c>, <c>Text</c>), or empty.</param>
    /// <param name="hasEmail">Whether intake holds an e-mail address.</param>
    /// <param name="hasPostalAddress">Whether intake holds a postal address.</param>
    /// <param name="adjustments">The reasonable adjustments recorded (<c>LargePrint</c>, ...).</param>
    public static RouteDecision Choose(string state, string preference, bool hasEmail, bool hasPostalAddress, IEnumerable<string> adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        var largePrint = adjustments.Contains("LargePrint", StringComparer.Ordinal);
        if (!string.Equals(state, OpenState, StringComparison.Ordinal))
        {
            return new RouteDecision(LetterRoute.None, largePrint,
                $"The complaint is no longer open at intake ({(string.IsNullOrEmpty(state) ? "state unknown" : state)}): the complainant is not written to about it.");
        }
        if (string.Equals(preference, "Letter", StringComparison.Ordinal))
        {
            return hasPostalAddress
                ? new RouteDecision(LetterRoute.Post, largePrint, null)
                : new RouteDecision(LetterRoute.None, largePrint, "The complainant asked for letters and intake holds no postal address.");
        }
        if (hasEmail)
        {
            return new RouteDecision(LetterRoute.Email, largePrint, null);
        }
        return hasPostalAddress
            ? new RouteDecision(LetterRoute.Post, largePrint, null)
            : new RouteDecision(LetterRoute.None, largePrint, "Intake holds no e-mail or postal address for the complainant.");
    }
}
