namespace IcsComplaints.Learning.Domain.Rules;

/// <summary>
/// Which changes of a sent final response become proposed learning actions (ADR 44): each change the signed response
/// committed to, once. The written confirmation of an early resolution itemises no changes (what was agreed is one
/// passage of the conversation's record, without dates), so it proposes none: an action agreed there is raised by hand.
/// </summary>
public static class ActionProposal
{
    /// <summary>Whether the response announced has changes to propose at all, before asking case for them.</summary>
    /// <param name="changes">How many changes the response committed to.</param>
    /// <param name="confirmsEarlyResolution">The response is the confirmation of an early resolution.</param>
    public static bool Expected(int changes, bool confirmsEarlyResolution) => changes > 0 && !confirmsEarlyResolution;

    /// <summary>The changes not yet proposed, each once, in the response's order.</summary>
    /// <param name="committed">The changes, each with its place in the response.</param>
    /// <param name="alreadyProposed">The places of those proposed before (a redelivered or repeated event).</param>
    /// <param name="indexOf">A change's place.</param>
    public static IReadOnlyList<T> New<T>(IEnumerable<T> committed, IReadOnlySet<int> alreadyProposed, Func<T, int> indexOf)
    {
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(alreadyProposed);
        ArgumentNullException.ThrowIfNull(indexOf);
        return [.. committed.Where(c => indexOf(c) >= 0 && !alreadyProposed.Contains(indexOf(c))).DistinctBy(indexOf).OrderBy(indexOf)];
    }
}
